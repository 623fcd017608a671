// The multi-line text box (see text_editor.h): Dear ImGui 1.90's InputTextMultiline cannot wrap
// long lines, so this widget lays the text out in visual lines at word boundaries itself and
// keeps the caret, selection, clipboard, undo and keyboard/mouse editing in terms of that layout.
// Index:
//   [SECTION] Layout: visual lines, x <-> byte offset
//   [SECTION] Editing: insert, delete, word moves, undo
//   [SECTION] Widget
#include "client/ui/text_editor.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "client/ui/bidi_line.h"
#include "client/ui/glyph_bank.h"
#include "client/ui/motion.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"
#include "imgui_internal.h"
#include "shared/domain/bidi.h"

namespace spoc::ui {

namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] Layout
// ---------------------------------------------------------------------------------------------
struct VisualLine {
    int begin = 0, end = 0;  // byte range in the text; `end` excludes the '\n' that ends a hard line
};

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

int NextChar(const std::string& s, int p) {
    if (p >= static_cast<int>(s.size())) return static_cast<int>(s.size());
    ++p;
    while (p < static_cast<int>(s.size()) && IsContinuation(static_cast<unsigned char>(s[static_cast<size_t>(p)]))) ++p;
    return p;
}

int PrevChar(const std::string& s, int p) {
    if (p <= 0) return 0;
    --p;
    while (p > 0 && IsContinuation(static_cast<unsigned char>(s[static_cast<size_t>(p)]))) --p;
    return p;
}

// Word wrap at `width`: every byte belongs to exactly one visual line (the blanks at a soft break
// stay at the end of the line they follow), so a caret offset always maps to one place.
std::vector<VisualLine> Wrap(const ImFont* font, float size, const std::string& text, float width) {
    std::vector<VisualLine> lines;
    const char* base = text.c_str();
    const int n = static_cast<int>(text.size());
    const float scale = size / font->FontSize;
    int s = 0;
    while (true) {
        int hard_end = s;
        while (hard_end < n && text[static_cast<size_t>(hard_end)] != '\n') ++hard_end;
        if (hard_end == s) lines.push_back({s, s});
        while (s < hard_end) {
            const char* e = font->CalcWordWrapPositionA(scale, base + s, base + hard_end, std::max(1.0f, width));
            int end = static_cast<int>(e - base);
            if (end <= s) end = NextChar(text, s);  // a single glyph wider than the box
            while (end < hard_end && text[static_cast<size_t>(end)] == ' ') ++end;
            lines.push_back({s, end});
            s = end;
        }
        if (hard_end >= n) break;
        s = hard_end + 1;  // past the '\n'
        if (s == n) {
            lines.push_back({s, s});  // a trailing newline opens an empty last line
            break;
        }
    }
    return lines;
}

int LineOf(const std::vector<VisualLine>& lines, int pos) {
    for (size_t i = 0; i < lines.size(); ++i) {
        const bool last_of_hard = i + 1 == lines.size() || lines[i + 1].begin != lines[i].end;
        if (pos >= lines[i].begin && (pos < lines[i].end || (pos == lines[i].end && last_of_hard))) return static_cast<int>(i);
    }
    return static_cast<int>(lines.size()) - 1;
}

// Right-to-left text (Arabic, Hebrew) in a line: the line is laid out in visual order (BidiLine),
// right-aligned in a right-to-left paragraph. nullopt for lines that read left to right only.
struct RtlLine {
    BidiLine layout;
    float align;  // x of the layout's left edge in the box
};
std::optional<RtlLine> RtlLayout(const ImFont* font, float size, float width, const std::string& text, const VisualLine& line) {
    const std::string_view all(text);
    const std::string_view shown = all.substr(static_cast<size_t>(line.begin), static_cast<size_t>(line.end - line.begin));
    std::size_t para = 0;  // the hard paragraph's start and end: its first strong character sets the direction
    if (line.begin > 0) {
        const std::size_t nl = all.rfind('\n', static_cast<size_t>(line.begin - 1));
        para = nl == std::string_view::npos ? 0 : nl + 1;
    }
    const std::size_t para_end = std::min(all.find('\n', static_cast<size_t>(line.begin)), all.size());
    const std::string_view paragraph = all.substr(para, para_end - para);
    if (!HasRtl(paragraph)) return std::nullopt;
    const int direction = ParagraphDirection(paragraph);
    if (direction != kBidiRtl && !HasRtl(shown)) return std::nullopt;
    BidiLine layout(font, size, shown, direction);
    const float align = direction == kBidiRtl ? std::max(0.0f, width - layout.Width()) : 0.0f;
    return RtlLine{std::move(layout), align};
}

bool RtlParagraphAt(const std::string& text, int pos) {
    const std::string_view all(text);
    std::size_t para = 0;
    if (pos > 0) {
        const std::size_t nl = all.rfind('\n', static_cast<size_t>(pos - 1));
        para = nl == std::string_view::npos ? 0 : nl + 1;
    }
    const std::size_t para_end = std::min(all.find('\n', para), all.size());
    return ParagraphDirection(all.substr(para, para_end - para)) == kBidiRtl;
}

float XOf(const ImFont* font, float size, float width, const std::string& text, const VisualLine& line, int pos) {
    pos = std::clamp(pos, line.begin, line.end);
    if (const auto rtl = RtlLayout(font, size, width, text, line)) return rtl->align + rtl->layout.CaretX(pos - line.begin);
    const char* base = text.c_str();
    return font->CalcTextSizeA(size, FLT_MAX, 0.0f, base + line.begin, base + pos).x;
}

// The offset in `line` nearest to x (a soft line's trailing blanks are not a place to click into).
int PosAt(const ImFont* font, float size, float width, const std::string& text, const VisualLine& line, float x, bool soft_end) {
    int end = line.end;
    if (soft_end) {
        while (end > line.begin && text[static_cast<size_t>(end - 1)] == ' ') --end;
    }
    if (const auto rtl = RtlLayout(font, size, width, text, line))
        return std::min(end, line.begin + rtl->layout.OffsetAt(x - rtl->align));
    int p = line.begin;
    float at = 0;
    while (p < end) {
        const int q = NextChar(text, p);
        const float w = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.c_str() + p, text.c_str() + q).x;
        if (x < at + w * 0.5f) return p;
        at += w;
        p = q;
    }
    return end;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Editing
// ---------------------------------------------------------------------------------------------
struct EditorState {
    int caret = 0, anchor = 0;      // byte offsets; the selection is [min, max)
    float preferred_x = -1;         // column kept while moving up and down
    float scroll_y = 0;
    std::vector<std::pair<std::string, int>> undo, redo;  // text and caret before each edit
    bool dragging = false;
    double blink_start = 0;
};

std::unordered_map<ImGuiID, EditorState>& States() {
    static std::unordered_map<ImGuiID, EditorState> states;
    return states;
}

bool IsWordChar(unsigned char c) { return c >= 0x80 || std::isalnum(c) || c == '_'; }

int WordLeft(const std::string& s, int p) {
    while (p > 0 && !IsWordChar(static_cast<unsigned char>(s[static_cast<size_t>(p - 1)]))) p = PrevChar(s, p);
    while (p > 0 && IsWordChar(static_cast<unsigned char>(s[static_cast<size_t>(p - 1)]))) p = PrevChar(s, p);
    return p;
}

int WordRight(const std::string& s, int p) {
    const int n = static_cast<int>(s.size());
    while (p < n && IsWordChar(static_cast<unsigned char>(s[static_cast<size_t>(p)]))) p = NextChar(s, p);
    while (p < n && !IsWordChar(static_cast<unsigned char>(s[static_cast<size_t>(p)]))) p = NextChar(s, p);
    return p;
}

int CountCodePoints(const std::string& s) {
    int n = 0;
    for (unsigned char c : s) n += IsContinuation(c) ? 0 : 1;
    return n;
}

// The byte offset of code point `cp` (clamped to the end).
int CodePointToByte(const std::string& s, int cp) {
    int p = 0;
    for (int n = 0; n < cp && p < static_cast<int>(s.size()); ++n) p = NextChar(s, p);
    return p;
}

void AppendUtf8(std::string* out, unsigned int c) {
    if (c < 0x80) {
        out->push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out->push_back(static_cast<char>(0xC0 | (c >> 6)));
        out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out->push_back(static_cast<char>(0xE0 | (c >> 12)));
        out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out->push_back(static_cast<char>(0xF0 | (c >> 18)));
        out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

class Editing {
public:
    Editing(std::string* text, EditorState* st, int max_chars) : m_text(text), m_st(st), m_max(max_chars) {}
    bool changed() const { return m_changed; }
    bool HasSelection() const { return m_st->caret != m_st->anchor; }
    int SelMin() const { return std::min(m_st->caret, m_st->anchor); }
    int SelMax() const { return std::max(m_st->caret, m_st->anchor); }

    // Replaces the selection with `s` (cut down to the character limit), as one undo step.
    void Replace(std::string s) {
        Snapshot();
        const int a = SelMin(), b = SelMax();
        if (m_max > 0) {
            const int room = m_max - (CountCodePoints(*m_text) - CountCodePoints(m_text->substr(static_cast<size_t>(a), static_cast<size_t>(b - a))));
            int cut = 0, count = 0;
            while (cut < static_cast<int>(s.size()) && count < room) {
                cut = NextChar(s, cut);
                ++count;
            }
            if (count >= room) s.resize(static_cast<size_t>(cut));
        }
        if (a == b && s.empty()) return;
        m_text->replace(static_cast<size_t>(a), static_cast<size_t>(b - a), s);
        m_st->caret = m_st->anchor = a + static_cast<int>(s.size());
        m_changed = true;
    }
    void Erase(int a, int b) {
        if (a == b) return;
        m_st->anchor = a;
        m_st->caret = b;
        Replace({});
    }
    void Undo(bool redo) {
        auto& from = redo ? m_st->redo : m_st->undo;
        auto& to = redo ? m_st->undo : m_st->redo;
        if (from.empty()) return;
        to.emplace_back(*m_text, m_st->caret);
        *m_text = from.back().first;
        m_st->caret = m_st->anchor = std::min(from.back().second, static_cast<int>(m_text->size()));
        from.pop_back();
        m_changed = true;
    }

private:
    void Snapshot() {
        m_st->undo.emplace_back(*m_text, m_st->caret);
        if (m_st->undo.size() > 200) m_st->undo.erase(m_st->undo.begin());
        m_st->redo.clear();
    }
    std::string* m_text;
    EditorState* m_st;
    int m_max;
    bool m_changed = false;
};

// Keyboard editing while the box is active. Returns true when the caret moved or the text changed.
void HandleKeys(std::string* text, EditorState& st, Editing& ed, const std::vector<VisualLine>& lines, const ImFont* font,
                float size, float text_w, float box_h, float line_h, bool read_only) {
    ImGuiIO& io = ImGui::GetIO();
    const bool ctrl = io.KeyCtrl || io.KeySuper, shift = io.KeyShift;
    auto move = [&](int to, bool keep_x = false) {
        st.caret = std::clamp(to, 0, static_cast<int>(text->size()));
        if (!shift) st.anchor = st.caret;
        if (!keep_x) st.preferred_x = -1;
        st.blink_start = ImGui::GetTime();
    };
    auto pressed = [](ImGuiKey k) { return ImGui::IsKeyPressed(k, true); };
    const int line = LineOf(lines, st.caret);
    auto vertical = [&](int delta) {
        const VisualLine& cur = lines[static_cast<size_t>(line)];
        if (st.preferred_x < 0) st.preferred_x = XOf(font, size, text_w, *text, cur, st.caret);
        const int target = std::clamp(line + delta, 0, static_cast<int>(lines.size()) - 1);
        if (target == line) {
            move(delta < 0 ? 0 : static_cast<int>(text->size()), true);
            return;
        }
        const bool soft = static_cast<size_t>(target) + 1 < lines.size() && lines[static_cast<size_t>(target) + 1].begin == lines[static_cast<size_t>(target)].end;
        move(PosAt(font, size, text_w, *text, lines[static_cast<size_t>(target)], st.preferred_x, soft), true);
    };
    // In a right-to-left paragraph, Left moves towards the end of the text and Right towards its start.
    const bool rtl = RtlParagraphAt(*text, st.caret);
    const ImGuiKey back = rtl ? ImGuiKey_RightArrow : ImGuiKey_LeftArrow, forward = rtl ? ImGuiKey_LeftArrow : ImGuiKey_RightArrow;
    if (pressed(back)) {
        if (!shift && ed.HasSelection()) move(ed.SelMin());
        else move(ctrl ? WordLeft(*text, st.caret) : PrevChar(*text, st.caret));
    } else if (pressed(forward)) {
        if (!shift && ed.HasSelection()) move(ed.SelMax());
        else move(ctrl ? WordRight(*text, st.caret) : NextChar(*text, st.caret));
    } else if (pressed(ImGuiKey_UpArrow)) {
        vertical(-1);
    } else if (pressed(ImGuiKey_DownArrow)) {
        vertical(1);
    } else if (pressed(ImGuiKey_PageUp) || pressed(ImGuiKey_PageDown)) {
        vertical(static_cast<int>(box_h / line_h) * (ImGui::IsKeyDown(ImGuiKey_PageUp) ? -1 : 1));
    } else if (pressed(ImGuiKey_Home)) {
        move(ctrl ? 0 : lines[static_cast<size_t>(line)].begin);
    } else if (pressed(ImGuiKey_End)) {
        const VisualLine& l = lines[static_cast<size_t>(line)];
        const bool soft = static_cast<size_t>(line) + 1 < lines.size() && lines[static_cast<size_t>(line) + 1].begin == l.end;
        int end = l.end;  // a soft line ends before the blanks it broke at
        while (soft && end > l.begin && (*text)[static_cast<size_t>(end - 1)] == ' ') --end;
        move(ctrl ? static_cast<int>(text->size()) : end);
    } else if (ctrl && pressed(ImGuiKey_A)) {
        st.anchor = 0;
        st.caret = static_cast<int>(text->size());
    } else if (ctrl && (pressed(ImGuiKey_C) || pressed(ImGuiKey_X)) && ed.HasSelection()) {
        ImGui::SetClipboardText(text->substr(static_cast<size_t>(ed.SelMin()), static_cast<size_t>(ed.SelMax() - ed.SelMin())).c_str());
        if (!read_only && ImGui::IsKeyPressed(ImGuiKey_X)) ed.Replace({});
    } else if (read_only) {
        // Only movement, selection and copy.
    } else if (ctrl && pressed(ImGuiKey_V)) {
        if (const char* clip = ImGui::GetClipboardText()) {
            std::string s;
            for (const char* c = clip; *c; ++c)
                if (*c != '\r') s.push_back(*c);
            ed.Replace(std::move(s));
        }
    } else if (ctrl && pressed(ImGuiKey_Z)) {
        ed.Undo(shift);
    } else if (ctrl && pressed(ImGuiKey_Y)) {
        ed.Undo(true);
    } else if (pressed(ImGuiKey_Backspace)) {
        if (ed.HasSelection()) ed.Replace({});
        else ed.Erase(ctrl ? WordLeft(*text, st.caret) : PrevChar(*text, st.caret), st.caret);
    } else if (pressed(ImGuiKey_Delete)) {
        if (ed.HasSelection()) ed.Replace({});
        else ed.Erase(st.caret, ctrl ? WordRight(*text, st.caret) : NextChar(*text, st.caret));
    } else if ((pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeypadEnter)) && !ctrl) {
        ed.Replace("\n");
    }
    if (!read_only && !(ctrl && !io.KeyAlt)) {  // AltGr (Ctrl+Alt) types characters on many layouts
        std::string typed;
        for (ImWchar c : io.InputQueueCharacters)
            if (c >= 0x20 && c != 0x7F) AppendUtf8(&typed, c);
        if (!typed.empty()) ed.Replace(std::move(typed));
    }
    if (ed.changed()) st.blink_start = ImGui::GetTime();
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] Widget
// ---------------------------------------------------------------------------------------------
TextEditorResult WrappedTextEditor(const char* label, std::string* text, ImVec2 size, const TextEditorOptions& o) {
    TextEditorResult result;
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return result;
    ImGuiContext& g = *GImGui;
    ImGuiIO& io = g.IO;
    const ImGuiID id = window->GetID(label);
    const ImGuiStyle& style = g.Style;
    const ImFont* font = ImGui::GetFont();
    const float font_size = ImGui::GetFontSize();
    const float line_h = std::floor(font_size * 1.35f);
    const ImVec2 pad = style.FramePadding;
    const ImRect bb(window->DC.CursorPos, ImVec2(window->DC.CursorPos.x + size.x, window->DC.CursorPos.y + size.y));
    ImGui::ItemSize(bb, 0.0f);
    if (!ImGui::ItemAdd(bb, id, nullptr, ImGuiItemFlags_Inputable)) return result;
    IMGUI_TEST_ENGINE_ITEM_INFO(id, label, g.LastItemData.StatusFlags | ImGuiItemStatusFlags_Inputable);
    const bool hovered = ImGui::ItemHoverable(bb, id, g.LastItemData.InFlags);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);

    EditorState& st = States()[id];
    st.caret = std::clamp(st.caret, 0, static_cast<int>(text->size()));
    st.anchor = std::clamp(st.anchor, 0, static_cast<int>(text->size()));
    const float text_w = size.x - 2 * pad.x - style.ScrollbarSize;
    const std::vector<VisualLine> lines = Wrap(font, font_size, *text, text_w);
    const float box_h = size.y - 2 * pad.y;
    const ImVec2 origin(bb.Min.x + pad.x, bb.Min.y + pad.y);

    // Activation: click, Tab / keyboard navigation, or SetKeyboardFocusHere().
    const bool by_nav = g.ActiveId != id && g.NavActivateId == id;
    const bool clicked = hovered && io.MouseClicked[0];
    if ((clicked || by_nav) && g.ActiveId != id) {
        ImGui::SetActiveID(id, window);
        ImGui::SetFocusID(id, window);
        ImGui::FocusWindow(window);
        if (by_nav) st.caret = st.anchor = static_cast<int>(text->size());
        st.blink_start = ImGui::GetTime();
    } else if (g.ActiveId == id && io.MouseClicked[0] && !hovered) {
        ImGui::ClearActiveID();
    } else if (g.ActiveId == id && ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        ImGui::ClearActiveID();
    }
    const bool active = g.ActiveId == id;
    auto pos_at_mouse = [&]() {
        const float y = io.MousePos.y - origin.y + st.scroll_y;
        const int li = std::clamp(static_cast<int>(std::floor(y / line_h)), 0, static_cast<int>(lines.size()) - 1);
        const bool soft = static_cast<size_t>(li) + 1 < lines.size() && lines[static_cast<size_t>(li) + 1].begin == lines[static_cast<size_t>(li)].end;
        return PosAt(font, font_size, text_w, *text, lines[static_cast<size_t>(li)], io.MousePos.x - origin.x, soft);
    };
    if (active) {
        ImGui::KeepAliveID(id);
        g.ActiveIdUsingNavDirMask |= (1 << ImGuiDir_Left) | (1 << ImGuiDir_Right) | (1 << ImGuiDir_Up) | (1 << ImGuiDir_Down);
        ImGui::SetKeyOwner(ImGuiKey_Home, id);
        ImGui::SetKeyOwner(ImGuiKey_End, id);
        ImGui::SetKeyOwner(ImGuiKey_PageUp, id);
        ImGui::SetKeyOwner(ImGuiKey_PageDown, id);
        if (clicked) {
            ImGui::SetKeyOwner(ImGuiKey_MouseLeft, id);
            const int p = pos_at_mouse();
            if (io.MouseClickedCount[0] >= 2) {  // double click: the word under the pointer
                st.anchor = WordLeft(*text, std::min(static_cast<int>(text->size()), NextChar(*text, p)));
                int e = p;
                while (e < static_cast<int>(text->size()) && IsWordChar(static_cast<unsigned char>((*text)[static_cast<size_t>(e)]))) e = NextChar(*text, e);
                st.caret = e;
            } else {
                st.caret = p;
                if (!io.KeyShift) st.anchor = p;
                st.dragging = true;
            }
            st.preferred_x = -1;
            st.blink_start = ImGui::GetTime();
        } else if (st.dragging && io.MouseDown[0]) {
            st.caret = pos_at_mouse();
        }
        if (!io.MouseDown[0]) st.dragging = false;
        Editing ed(text, &st, o.max_chars);
        HandleKeys(text, st, ed, lines, font, font_size, text_w, box_h, line_h, o.read_only);
        if (o.edits && !o.read_only) {
            for (TextEdit& e : *o.edits) {
                st.anchor = CodePointToByte(*text, e.from);
                st.caret = CodePointToByte(*text, std::max(e.from, e.to));
                std::string s;
                for (char c : e.text)
                    if (c != '\r') s.push_back(c);
                ed.Replace(std::move(s));
                st.preferred_x = -1;
            }
        }
        if (o.edits) o.edits->clear();
        result.edited = ed.changed();
        g.WantTextInputNextFrame = 1;
    } else {
        st.dragging = false;
    }
    // The layout of the text as it is now (an edit this frame changed it).
    const std::vector<VisualLine> shown = result.edited ? Wrap(font, font_size, *text, text_w) : lines;
    const float shown_h = static_cast<float>(shown.size()) * line_h;

    // Scrolling: the wheel over the box scrolls it (not the page) while it has more to show; the
    // caret is kept in view while typing and moving.
    const float max_scroll = std::max(0.0f, shown_h - box_h);
    if (hovered && io.MouseWheel != 0 && max_scroll > 0) {
        st.scroll_y -= io.MouseWheel * line_h * 3;
        ImGui::SetKeyOwner(ImGuiKey_MouseWheelY, id);
    }
    const int caret_line = LineOf(shown, st.caret);
    if (active && (result.edited || ImGui::IsKeyDown(ImGuiKey_UpArrow) || ImGui::IsKeyDown(ImGuiKey_DownArrow) || ImGui::IsKeyDown(ImGuiKey_LeftArrow) ||
                   ImGui::IsKeyDown(ImGuiKey_RightArrow) || st.dragging || ImGui::IsKeyDown(ImGuiKey_PageUp) || ImGui::IsKeyDown(ImGuiKey_PageDown))) {
        const float cy = static_cast<float>(caret_line) * line_h;
        if (cy < st.scroll_y) st.scroll_y = cy;
        if (cy + line_h > st.scroll_y + box_h) st.scroll_y = cy + line_h - box_h;
    }
    st.scroll_y = std::clamp(st.scroll_y, 0.0f, max_scroll);

    // Draw: frame, selection, text, caret, a thin scroll indicator.
    ImDrawList* dl = window->DrawList;
    dl->AddRectFilled(bb.Min, bb.Max, o.read_only ? color::kSurfaceHover : color::kSurface, style.FrameRounding);
    dl->AddRect(bb.Min, bb.Max, color::kInputBorder, style.FrameRounding, 0, style.FrameBorderSize);
    const ImVec4 clip(bb.Min.x + 1, bb.Min.y + 1, bb.Max.x - 1, bb.Max.y - 1);
    dl->PushClipRect(ImVec2(clip.x, clip.y), ImVec2(clip.z, clip.w), true);
    const int sel_a = std::min(st.caret, st.anchor), sel_b = std::max(st.caret, st.anchor);
    const int first = std::max(0, static_cast<int>(st.scroll_y / line_h));
    const int last = std::min(static_cast<int>(shown.size()), first + static_cast<int>(box_h / line_h) + 2);
    const float text_dy = (line_h - font_size) * 0.5f;
    for (int i = first; i < last; ++i) {
        const VisualLine& l = shown[static_cast<size_t>(i)];
        const float y = origin.y + static_cast<float>(i) * line_h - st.scroll_y;
        if (const auto rtl = RtlLayout(font, font_size, text_w, *text, l)) {  // Arabic, Hebrew: visual order
            const ImVec2 at(origin.x + rtl->align, y + text_dy);
            if (sel_a != sel_b && sel_a <= l.end && sel_b >= l.begin)
                rtl->layout.DrawSelection(dl, ImVec2(at.x, y), line_h, sel_a - l.begin, sel_b - l.begin,
                                          active ? color::kAccentRing : color::WithAlpha(color::kText, 24));
            rtl->layout.Draw(dl, at, o.read_only ? color::kTextSecondary : color::kText);
            continue;
        }
        if (sel_a != sel_b && sel_a <= l.end && sel_b >= l.begin) {
            const float x0 = XOf(font, font_size, text_w, *text, l, std::max(sel_a, l.begin));
            float x1 = XOf(font, font_size, text_w, *text, l, std::min(sel_b, l.end));
            if (sel_b > l.end) x1 += font_size * 0.3f;  // the selection runs on past this line
            dl->AddRectFilled(ImVec2(origin.x + x0, y), ImVec2(origin.x + x1, y + line_h),
                              active ? color::kAccentRing : color::WithAlpha(color::kText, 24));
        }
        glyphs::LogicalOrderScope logical;  // selection and caret x come from the stored order
        dl->AddText(font, font_size, ImVec2(origin.x, y + text_dy), o.read_only ? color::kTextSecondary : color::kText,
                    text->c_str() + l.begin, text->c_str() + l.end);
    }
    if (active && !o.read_only) {
        if (CaretVisible(ImGui::GetTime() - st.blink_start)) {
            const VisualLine& l = shown[static_cast<size_t>(caret_line)];
            const float x = origin.x + XOf(font, font_size, text_w, *text, l, st.caret);
            const float y = origin.y + static_cast<float>(caret_line) * line_h - st.scroll_y;
            dl->AddLine(ImVec2(x, y + 2), ImVec2(x, y + line_h - 2), color::kText, 1.5f);
        }
        if (!ReducedMotion()) RequestAnimation();  // keep the caret blinking (steady under reduced motion)
        result.caret_rect = ImRect(ImVec2(origin.x + XOf(font, font_size, text_w, *text, shown[static_cast<size_t>(caret_line)], st.caret),
                                          origin.y + static_cast<float>(caret_line) * line_h - st.scroll_y),
                                   ImVec2(0, 0));
        result.caret_rect.Max = ImVec2(result.caret_rect.Min.x + 1, result.caret_rect.Min.y + line_h);
    }
    if (active) {
        result.sel_start = CountCodePoints(text->substr(0, static_cast<size_t>(std::min(st.caret, st.anchor))));
        result.sel_end = CountCodePoints(text->substr(0, static_cast<size_t>(std::max(st.caret, st.anchor))));
    }
    if (max_scroll > 0) {
        const float track = box_h;
        const float thumb = std::max(24.0f, track * box_h / shown_h);
        const float t = st.scroll_y / max_scroll;
        const float x = bb.Max.x - 7;
        const float y0 = bb.Min.y + pad.y + (track - thumb) * t;
        dl->AddRectFilled(ImVec2(x, y0), ImVec2(x + 4, y0 + thumb), color::WithAlpha(color::kText, 60), 2.0f);
    }
    dl->PopClipRect();
    result.active = active;
    result.hovered = hovered;
    result.deactivated = !active && g.ActiveIdPreviousFrame == id;
    return result;
}

}  // namespace spoc::ui
