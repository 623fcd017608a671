// Headless tests of the wrapped multi-line text box (client/ui/text_editor.h), the defect being
// that article and synonym boxes cut long lines off at the right edge: long lines wrap at word
// boundaries, Home/End and Up/Down follow the wrapped lines, the caret and selection stay right
// through typing, Shift-selection, cut/paste and undo, and the character limit holds.
#include "client/ui/text_editor.h"
#include "client/ui/bidi_line.h"
#include "client/ui/widgets.h"
#include "fixtures.h"
#include "shared/domain/bidi.h"

using namespace fixtures;

namespace {

struct Box {
    Harness h;          // fonts, theme and hooks; the frames here draw only the box
    std::string text;
    ui::TextEditorResult last;
    int max_chars = 0;

    void Frame() {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(600, 400));
        ImGui::Begin("box", nullptr, ImGuiWindowFlags_NoDecoration);
        ui::TextEditorOptions o;
        o.max_chars = max_chars;
        ImGui::PushFont(ui::GetFonts().body);
        last = ui::WrappedTextEditor("##box", &text, ImVec2(260, 160), o);
        ImGui::PopFont();
        ImGui::End();
        ImGui::Render();
    }
    void Click(float x, float y) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddMousePosEvent(x, y);
        Frame();
        io.AddMouseButtonEvent(0, true);
        Frame();
        io.AddMouseButtonEvent(0, false);
        Frame();
    }
    void Type(const std::string& s) {
        ImGui::GetIO().AddInputCharactersUTF8(s.c_str());
        Frame();
    }
    void Key(ImGuiKey key, ImGuiKeyChord mods = 0) {
        ImGuiIO& io = ImGui::GetIO();
        if (mods & ImGuiMod_Ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, true);
        if (mods & ImGuiMod_Shift) io.AddKeyEvent(ImGuiMod_Shift, true);
        io.AddKeyEvent(key, true);
        Frame();
        io.AddKeyEvent(key, false);
        if (mods & ImGuiMod_Ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, false);
        if (mods & ImGuiMod_Shift) io.AddKeyEvent(ImGuiMod_Shift, false);
        Frame();
    }
};

const char* kLong = "Restart the laptop while it is docked so that the new VPN profile loads before you sign in again";

}  // namespace

TEST_CASE("text box: long lines wrap, and Home/End/Up/Down move by the wrapped lines") {
    Box b;
    b.Frame();
    b.Click(20, 20);
    REQUIRE(b.last.active);
    b.Type(kLong);
    CHECK(b.text == kLong);
    // The caret is on a later visual line than the first, though the text has no newline.
    const float end_y = b.last.caret_rect.Min.y;
    b.Key(ImGuiKey_Home);
    CHECK(b.last.caret_rect.Min.y == doctest::Approx(end_y));  // start of the wrapped line, not of the text
    b.Type("X");
    const size_t x = b.text.find('X');
    REQUIRE(x != std::string::npos);
    CHECK(x > 20);                      // inserted in the middle: Home went to a visual line's start
    CHECK(b.text[x - 1] == ' ');        // ...which begins after a word boundary
    b.Key(ImGuiKey_UpArrow);
    CHECK(b.last.caret_rect.Min.y < end_y);  // up one wrapped line
    b.Key(ImGuiKey_Home, ImGuiMod_Ctrl);
    b.Type("Y");
    CHECK(b.text.front() == 'Y');
    // Everything drawn stays inside the box: the caret is never right of it.
    b.Key(ImGuiKey_End, ImGuiMod_Ctrl);
    CHECK(b.last.caret_rect.Min.x <= 260);
}

TEST_CASE("text box: selection, cut, paste, undo and the character limit") {
    Box b;
    b.Frame();
    b.Click(20, 20);
    b.Type("alpha beta gamma");
    b.Key(ImGuiKey_LeftArrow, ImGuiMod_Ctrl | ImGuiMod_Shift);  // select "gamma"
    b.Key(ImGuiKey_X, ImGuiMod_Ctrl);
    CHECK(b.text == "alpha beta ");
    b.Key(ImGuiKey_Home, ImGuiMod_Ctrl);
    b.Key(ImGuiKey_V, ImGuiMod_Ctrl);
    CHECK(b.text == "gammaalpha beta ");
    b.Key(ImGuiKey_Z, ImGuiMod_Ctrl);
    CHECK(b.text == "alpha beta ");
    b.Key(ImGuiKey_Z, ImGuiMod_Ctrl);
    CHECK(b.text == "alpha beta gamma");
    b.Key(ImGuiKey_End, ImGuiMod_Ctrl);  // undo puts the caret back where that edit was
    b.Key(ImGuiKey_Enter);
    b.Type("caf\xC3\xA9 na\xC3\xAFve");
    CHECK(b.text == "alpha beta gamma\ncaf\xC3\xA9 na\xC3\xAFve");
    b.Key(ImGuiKey_Backspace, ImGuiMod_Ctrl);
    CHECK(b.text == "alpha beta gamma\ncaf\xC3\xA9 ");
    b.Key(ImGuiKey_A, ImGuiMod_Ctrl);
    b.Key(ImGuiKey_Delete);
    CHECK(b.text.empty());

    Box limited;
    limited.max_chars = 5;
    limited.Frame();
    limited.Click(20, 20);
    limited.Type("\xC3\xA9t\xC3\xA9s and more");
    CHECK(limited.text == "\xC3\xA9t\xC3\xA9s ");  // five code points, not five bytes

    // Esc or a click elsewhere gives the keyboard back.
    limited.Key(ImGuiKey_Escape);
    CHECK_FALSE(limited.last.active);
}

namespace {
// The lines ImGui's word wrap makes of `text` at `width` (the body font at its own size).
std::vector<std::string> WrapLines(const std::string& text, float width) {
    const ImFont* font = ui::GetFonts().body;
    std::vector<std::string> lines;
    const char* s = text.c_str();
    const char* end = s + text.size();
    while (s < end) {
        const char* e = font->CalcWordWrapPositionA(1.0f, s, end, width);
        if (e == s) e = s + 1;
        lines.emplace_back(s, e);
        s = e;
        while (s < end && *s == ' ') ++s;
    }
    return lines;
}
bool StartsWith(const std::string& s, const char* p) { return s.rfind(p, 0) == 0; }
bool EndsWith(const std::string& s, const char* p) { const std::string t(p); return s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0; }
}  // namespace

TEST_CASE("Chinese and Japanese wrap between characters (they have no spaces), never before 。、」ー or after 「") {
    Harness h;
    const float em = ui::GetFonts().body->FontSize;
    // Japanese: a sentence with 「」, 、。 and a long vowel mark; 5 to 7 characters a line.
    const std::string ja = "お問い合わせありがとうございます。「パスワードのリセット」は、サポートセンターから連絡します。";
    for (float width : {5.2f * em, 6.1f * em, 7.3f * em}) {
        const std::vector<std::string> lines = WrapLines(ja, width);
        CAPTURE(width);
        CHECK(lines.size() >= 6);  // it wraps: before the fix this was one line running off the edge
        std::string joined;
        for (const std::string& l : lines) {
            CAPTURE(l);
            joined += l;
            CHECK(ui::GetFonts().body->CalcTextSizeA(em, FLT_MAX, 0, l.c_str()).x <= width + em);  // fits (one glyph of slack)
            for (const char* bad : {"。", "、", "」", "ー", "ょ", "ッ"}) CHECK_FALSE(StartsWith(l, bad));
            CHECK_FALSE(EndsWith(l, "「"));
        }
        CHECK(joined == ja);  // nothing lost or doubled
    }
    // Chinese, and Latin words inside CJK text: the Latin word is not split.
    const std::string zh = "请重新启动笔记本电脑然后连接VPN网络再试一次谢谢";
    for (const std::string& l : WrapLines(zh, 6.0f * em)) {
        CAPTURE(l);
        const bool whole = l.find("VP") == std::string::npos || l.find("VPN") != std::string::npos;
        CHECK(whole);
    }
    CHECK(WrapLines(zh, 6.0f * em).size() >= 4);
    // Latin text still wraps only at spaces and after punctuation.
    const std::vector<std::string> en = WrapLines("Restart the laptop, then connect", 9.0f * em);
    for (const std::string& l : en) {
        const bool at_break = l.back() == ' ' || l.back() == ',' || EndsWith(l, "connect");
        CHECK(at_break);
    }
}

namespace {

// One single-line field (ui::TextInput) in a window of its own, 300 px wide.
struct OneLine {
    Harness h;
    std::string text;
    ImVec2 min, max;  // the field's frame

    void Frame() {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        ui::BeginWidgetsFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(600, 200));
        ImGui::Begin("field", nullptr, ImGuiWindowFlags_NoDecoration);
        ui::TextInputOptions o;
        o.width = 300;
        ui::TextInput("##f", &text, o);
        min = ImGui::GetItemRectMin();
        max = ImGui::GetItemRectMax();
        ImGui::End();
        ImGui::Render();
    }
    void Click(float x) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddMousePosEvent(x, (min.y + max.y) * 0.5f);
        Frame();
        io.AddMouseButtonEvent(0, true);
        Frame();
        io.AddMouseButtonEvent(0, false);
        Frame();
    }
    void Key(ImGuiKey key, bool shift = false) {
        ImGuiIO& io = ImGui::GetIO();
        if (shift) io.AddKeyEvent(ImGuiMod_Shift, true);
        io.AddKeyEvent(key, true);
        Frame();
        io.AddKeyEvent(key, false);
        if (shift) io.AddKeyEvent(ImGuiMod_Shift, false);
        Frame();
    }
    int Caret() const { return ui::CurrentTextField().sel_end; }
};

const char* kMarhaba = "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7";  // مرحبا: 5 letters, read right to left

}  // namespace

TEST_CASE("right-to-left text in a one-line field: drawn right-aligned in visual order; clicks, arrows and selection follow it") {
    // The defect: the field being edited drew Arabic in stored order (left to right, unjoined), so a
    // click on the word's right end put the caret at its end and Left moved towards its start.
    OneLine f;
    const ImFont* font = ui::GetFonts().body;
    f.text = kMarhaba;
    f.Frame();
    const float pad = 12.0f;  // TextInput's horizontal padding
    const ui::BidiLine line(font, font->FontSize, f.text, spoc::kBidiRtl);
    const float right = f.max.x - pad, left = right - line.Width();
    f.Click(right - 2);  // the right end of the word: before its first letter
    REQUIRE(ui::CurrentTextField().active);
    CHECK(f.Caret() == 0);
    CHECK(ui::CurrentTextField().x == doctest::Approx(right).epsilon(0.01));  // the caret is drawn there too
    f.Key(ImGuiKey_LeftArrow);  // Left reads on: one letter further into the word
    CHECK(f.Caret() == 1);
    f.Key(ImGuiKey_RightArrow);
    CHECK(f.Caret() == 0);
    f.Click(left + 1);  // the left end: after its last letter
    CHECK(f.Caret() == 5);
    f.Key(ImGuiKey_RightArrow, true);  // Shift+Right selects back over the last letter
    CHECK(ui::CurrentTextField().sel_start == 4);
    CHECK(ui::CurrentTextField().sel_end == 5);
    f.Key(ImGuiKey_LeftArrow);  // collapses the selection at its end
    ImGui::GetIO().AddInputCharactersUTF8("\xd9\x8b");  // typed at the caret: stored after the word
    f.Frame();
    CHECK(f.text == std::string(kMarhaba) + "\xd9\x8b");
}

TEST_CASE("Latin text in a one-line field keeps ImGui's own layout and keys") {
    OneLine f;
    f.text = "VPN down";
    f.Frame();
    f.Click(f.min.x + 12.0f + 1);
    CHECK(f.Caret() == 0);
    f.Key(ImGuiKey_RightArrow);
    CHECK(f.Caret() == 1);
    f.Click(f.max.x - 14.0f);  // past the text's end
    CHECK(f.Caret() == 8);
}

TEST_CASE("right-to-left paragraphs in the text box: right-aligned, clicks land on the visual letter, Left reads on") {
    Box b;
    b.text = std::string(kMarhaba) + "\nVPN";
    b.Frame();
    const ImFont* font = ui::GetFonts().body;
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 origin(style.WindowPadding.x + style.FramePadding.x, style.WindowPadding.y + style.FramePadding.y);
    const float text_w = 260 - 2 * style.FramePadding.x - style.ScrollbarSize;
    const ui::BidiLine line(font, font->FontSize, kMarhaba, spoc::kBidiRtl);
    b.Click(origin.x + text_w - 2, origin.y + 4);  // the right end of the first (Arabic) line
    REQUIRE(b.last.active);
    CHECK(b.last.sel_end == 0);
    b.Key(ImGuiKey_LeftArrow);
    CHECK(b.last.sel_end == 1);
    b.Click(origin.x + text_w - line.Width() + 1, origin.y + 4);  // its left end
    CHECK(b.last.sel_end == 5);
    CHECK(b.last.caret_rect.Min.x == doctest::Approx(origin.x + text_w - line.Width()).epsilon(0.01));
    b.Key(ImGuiKey_DownArrow);  // onto the Latin line, where Left and Right are as usual
    b.Key(ImGuiKey_End);
    b.Key(ImGuiKey_LeftArrow);
    CHECK(b.last.sel_end == 8);
}
