// Widget kit (see widgets.h). Index:
//   [SECTION] Frame bookkeeping and text
//   [SECTION] Cards and layout
//   [SECTION] Buttons and tabs
//   [SECTION] Text inputs
//   [SECTION] Badges, spinners, skeletons, notices
//   [SECTION] Checkbox and dropdown
#include "client/ui/widgets.h"

#include <cfloat>
#include <climits>
#include <cmath>
#include <cstring>
#include <memory>
#include <optional>
#include <vector>

#include "client/ui/bidi_line.h"
#include "client/ui/glyph_bank.h"
#include "client/ui/item_hooks.h"
#include "client/ui/mirror.h"
#include "client/ui/motion.h"
#include "client/ui/text_editor.h"
#include "client/ui/theme.h"
#include "imgui_internal.h"
#include "shared/domain/i18n.h"

namespace spoc::ui {

// ---------------------------------------------------------------------------------------------
// [SECTION] Frame bookkeeping and text
// ---------------------------------------------------------------------------------------------
namespace {
bool g_animating = false;
}

ActiveTextField g_text_field;
std::vector<TextEdit> g_text_edits;  // from the text proxy, for the active field

void BeginWidgetsFrame() {
    g_animating = false;
    ImGui::GetIO().ConfigInputTextCursorBlink = !ReducedMotion();  // ImGui's own caret (single-line fields)
    g_text_field = ActiveTextField{};
}
const ActiveTextField& CurrentTextField() { return g_text_field; }
void QueueTextFieldEdit(int from, int to, std::string text) {
    if (from > to) std::swap(from, to);
    g_text_edits.push_back(TextEdit{std::max(0, from), std::max(0, to), std::move(text)});
}
void DropTextFieldEdits() { g_text_edits.clear(); }
void RequestAnimation() { g_animating = true; }
bool AnimationRequested() { return g_animating; }

float Px(const ImFont* font) { return font->FontSize * ImGui::GetIO().FontGlobalScale; }

ImVec2 MeasureText(const ImFont* font, std::string_view text, float wrap_width) {
    return font->CalcTextSizeA(Px(font), FLT_MAX, wrap_width, text.data(), text.data() + text.size());
}

namespace {
// Text for the screen-reader mirror: page and card titles (the heading fonts) become headings.
void RecordLastText(const ImFont* font, std::string_view text) {
    if (!hooks::IsEnabled()) return;
    const Fonts& f = GetFonts();
    const int level = font == f.h1 ? 1 : font == f.h2 ? 2 : font == f.h3 ? 3 : 0;
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    hooks::RecordText(text, level ? "heading" : "text", level, min.x, min.y, max.x, max.y);
}
}  // namespace

void Label(const ImFont* font, ImU32 color, std::string_view text) {
    ImGui::PushFont(const_cast<ImFont*>(font));
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    RecordLastText(font, text);
}

void Paragraph(const ImFont* font, ImU32 color, std::string_view text, float width) {
    ImGui::PushFont(const_cast<ImFont*>(font));
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    RecordLastText(font, text);
}

void DrawTextAt(ImDrawList* dl, const ImFont* font, ImVec2 pos, ImU32 color, std::string_view text, float wrap_width) {
    dl->AddText(font, Px(font), pos, color, text.data(), text.data() + text.size(), wrap_width);
}

std::string FitText(const ImFont* font, std::string_view text, float max_width) {
    if (MeasureText(font, text).x <= max_width) return std::string(text);
    static const char kEllipsis[] = "\xE2\x80\xA6";
    const float ellipsis_w = MeasureText(font, kEllipsis).x;
    const char* begin = text.data();
    const char* end = begin;
    const char* limit = begin + text.size();
    float width = 0;
    while (end < limit) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, end, limit);
        const float w = MeasureText(font, std::string_view(end, static_cast<size_t>(n))).x;
        if (width + w + ellipsis_w > max_width) break;
        width += w;
        end += n;
    }
    while (end > begin && end[-1] == ' ') --end;
    return std::string(begin, end) + kEllipsis;
}

void DrawTextClipped(ImDrawList* dl, const ImFont* font, ImVec2 pos, ImU32 color, std::string_view text, float max_width) {
    const std::string fitted = FitText(font, text, max_width);
    dl->AddText(font, Px(font), pos, color, fitted.data(), fitted.data() + fitted.size());
}

A11yGroup::A11yGroup(std::string_view role, std::string_view name, std::string_view key, int level, bool modal) {
    hooks::BeginGroup(role, name, key, level, modal);
}
A11yGroup::~A11yGroup() { hooks::EndGroup(); }

void A11yText(std::string_view text, ImVec2 min, ImVec2 max, const char* cell) {
    if (!hooks::IsEnabled()) return;
    if (cell != nullptr) hooks::BeginGroup(cell);
    hooks::RecordText(text, "text", 0, min.x, min.y, max.x, max.y);
    if (cell != nullptr) hooks::EndGroup();
}

void TextEllipsis(const ImFont* font, ImU32 color, std::string_view text, float max_width) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = Px(font) * 1.2f;
    DrawTextClipped(ImGui::GetWindowDrawList(), font, pos, color, text, max_width);
    ImGui::Dummy(ImVec2(std::min(max_width, MeasureText(font, text).x), h));
    RecordLastText(font, text);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Cards and layout
// ---------------------------------------------------------------------------------------------
namespace {

struct CardFrame {
    ImDrawListSplitter splitter;
    ImVec2 start;
    float width = 0;
    float padding = 0;
    ImU32 bg = 0;
    ImU32 border = 0;
};
std::vector<std::unique_ptr<CardFrame>> g_cards;

}  // namespace

void BeginCard(const char* id, float width, float padding, ImU32 bg, ImU32 border) {
    auto frame = std::make_unique<CardFrame>();
    frame->start = ImGui::GetCursorScreenPos();
    frame->width = width;
    frame->padding = padding;
    frame->bg = bg ? bg : color::kSurface;
    frame->border = border ? border : color::kBorder;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    frame->splitter.Split(dl, 2);
    frame->splitter.SetCurrentChannel(dl, 1);
    ImGui::PushID(id);
    ImGui::SetCursorScreenPos(ImVec2(frame->start.x + padding, frame->start.y + padding));
    ImGui::GetCurrentWindow()->DC.IsSameLine = false;  // a SameLine() before the card must not leak into its first line
    ImGui::BeginGroup();
    ImGui::PushItemWidth(width - 2 * padding);
    g_cards.push_back(std::move(frame));
}

void EndCard() {
    std::unique_ptr<CardFrame> frame = std::move(g_cards.back());
    g_cards.pop_back();
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    ImGui::PopID();
    const float bottom = ImGui::GetItemRectMax().y + frame->padding;
    const ImVec2 min = frame->start;
    const ImVec2 max(frame->start.x + frame->width, std::max(bottom, frame->start.y + 2 * frame->padding));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    frame->splitter.SetCurrentChannel(dl, 0);
    dl->AddRectFilled(ImVec2(min.x, min.y + 1), ImVec2(max.x, max.y + 2), color::Shadow(10), 12.0f);
    dl->AddRectFilled(min, max, frame->bg, 12.0f);
    dl->AddRect(min, max, frame->border, 12.0f, 0, 1.0f);
    frame->splitter.Merge(dl);
    ImGui::SetCursorScreenPos(min);
    ImGui::Dummy(ImVec2(max.x - min.x, max.y - min.y));
}

void VSpace(float height) { ImGui::Dummy(ImVec2(1, height)); }

void Divider(float width) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x, p.y + 0.5f), ImVec2(p.x + width, p.y + 0.5f), color::kBorder, 1.0f);
    ImGui::Dummy(ImVec2(width, 1));
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Buttons and tabs
// ---------------------------------------------------------------------------------------------
bool Button(const char* label, ButtonKind kind, ImVec2 size, bool enabled, bool busy) {
    const ImFont* font = GetFonts().body_semibold;
    const char* label_end = ImGui::FindRenderedTextEnd(label);
    const std::string_view text(label, static_cast<size_t>(label_end - label));
    const ImVec2 text_size = MeasureText(font, text);
    const float spinner_w = busy ? 24.0f : 0.0f;
    float w = size.x > 0 ? size.x : text_size.x + 36.0f + spinner_w;
    if (size.x < 0) w = std::max(1.0f, ImGui::GetContentRegionAvail().x);
    const float h = size.y > 0 ? size.y : 40.0f;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool interactive = enabled && !busy;

    if (!interactive) ImGui::BeginDisabled();
    const bool pressed = ImGui::InvisibleButton(label, ImVec2(w, h));
    const bool hovered = ImGui::IsItemHovered();
    const bool held = ImGui::IsItemActive();
    const ImGuiID id = ImGui::GetItemID();
    if (!interactive) ImGui::EndDisabled();

    ImU32 bg = color::kSurface, fg = color::kText, border = color::kInputBorder;
    switch (kind) {
        case ButtonKind::primary:
            bg = held ? color::kAccentFillPressed : hovered ? color::kAccentFillHover : color::kAccentFill;
            fg = color::kOnAccent;
            border = 0;
            if (!enabled) bg = color::kAccentFillDisabled;
            break;
        case ButtonKind::danger:
            bg = hovered ? color::kDangerFillHover : color::kDangerFill;
            fg = color::kOnAccent;
            border = 0;
            break;
        case ButtonKind::secondary:
            bg = held ? color::kMutedSoft : hovered ? color::kSurfaceHover : color::kSurface;
            fg = enabled ? color::kText : color::kPlaceholder;
            break;
        case ButtonKind::ghost:
            bg = held ? color::kMutedSoft : hovered ? color::kMutedSoft : 0;
            fg = enabled ? color::kTextSecondary : color::kPlaceholder;
            border = 0;
            break;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + w, pos.y + h);
    if (kind == ButtonKind::secondary) dl->AddRectFilled(ImVec2(pos.x, pos.y + 1), ImVec2(max.x, max.y + 1), color::Shadow(12), 8.0f);
    if (bg) dl->AddRectFilled(pos, max, bg, 8.0f);
    if (border) dl->AddRect(pos, max, border, 8.0f, 0, 1.0f);
    ImGui::RenderNavHighlight(ImRect(pos, max), id);
    const float content_w = text_size.x + spinner_w;
    ImVec2 tp(pos.x + (w - content_w) * 0.5f, pos.y + (h - text_size.y) * 0.5f);
    if (busy) {
        DrawSpinner(dl, ImVec2(tp.x + 8, pos.y + h * 0.5f), 7.0f, 2.0f, fg);
        tp.x += spinner_w;
    }
    DrawTextAt(dl, font, tp, fg, text);
    if (hovered && interactive) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return pressed && interactive;
}

bool LinkButton(const char* label, const ImFont* font, ImU32 col) {
    if (font == nullptr) font = GetFonts().body_semibold;
    const char* label_end = ImGui::FindRenderedTextEnd(label);
    const std::string_view text(label, static_cast<size_t>(label_end - label));
    const ImVec2 size = MeasureText(font, text);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton(label, ImVec2(std::max(1.0f, size.x), size.y));
    hooks::SetLastItemRole("link");
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 c = col ? col : (hovered ? color::kAccentHover : color::kAccent);
    DrawTextAt(dl, font, pos, c, text);
    if (hovered) {
        dl->AddLine(ImVec2(pos.x, pos.y + size.y), ImVec2(pos.x + size.x, pos.y + size.y), c, 1.0f);
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    ImGui::RenderNavHighlight(ImRect(pos, ImVec2(pos.x + size.x, pos.y + size.y)), ImGui::GetItemID());
    return pressed;
}

bool NavTab(const char* label, bool active, float height, float pad) {
    const ImFont* font = GetFonts().body_semibold;
    const char* label_end = ImGui::FindRenderedTextEnd(label);
    const std::string_view text(label, static_cast<size_t>(label_end - label));
    const ImVec2 size = MeasureText(font, text);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float w = size.x + 2 * pad;
    const bool pressed = ImGui::InvisibleButton(label, ImVec2(w, height));
    hooks::SetLastItemRole(active ? "link-current" : "link");
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (hovered && !active) dl->AddRectFilled(ImVec2(pos.x, pos.y + 12), ImVec2(pos.x + w, pos.y + height - 12), color::kMutedSoft, 6.0f);
    const ImU32 fg = active ? color::kAccent : hovered ? color::kText : color::kTextSecondary;
    DrawTextAt(dl, font, ImVec2(pos.x + pad, pos.y + (height - size.y) * 0.5f), fg, text);
    if (active) dl->AddRectFilled(ImVec2(pos.x + 8, pos.y + height - 3), ImVec2(pos.x + w - 8, pos.y + height), color::kAccent, 2.0f);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::RenderNavHighlight(ImRect(pos, ImVec2(pos.x + w, pos.y + height)), ImGui::GetItemID());
    return pressed;
}

bool SegmentedControl(const char* id, const char* const* labels, int count, int* selected) {
    const ImFont* font = GetFonts().body_semibold;
    const float h = 38.0f, pad = 4.0f;
    std::vector<float> widths;
    float total = pad;
    for (int i = 0; i < count; ++i) {
        const char* end = ImGui::FindRenderedTextEnd(labels[i]);
        widths.push_back(MeasureText(font, std::string_view(labels[i], static_cast<size_t>(end - labels[i]))).x + 32.0f);
        total += widths.back() + (i + 1 < count ? 2.0f : pad);
    }
    ImGui::PushID(id);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(start, ImVec2(start.x + total, start.y + h), color::kMutedSoft, 10.0f);
    bool changed = false;
    float x = start.x + pad;
    for (int i = 0; i < count; ++i) {
        ImGui::SetCursorScreenPos(ImVec2(x, start.y + pad));
        const ImVec2 size(widths[static_cast<size_t>(i)], h - 2 * pad);
        if (ImGui::InvisibleButton(labels[i], size)) {
            changed = *selected != i;
            *selected = i;
        }
        const bool hovered = ImGui::IsItemHovered();
        const bool on = *selected == i;
        const ImVec2 min(x, start.y + pad), max(x + size.x, start.y + pad + size.y);
        if (on) {
            dl->AddRectFilled(ImVec2(min.x, min.y + 1), ImVec2(max.x, max.y + 1), color::Shadow(18), 7.0f);
            dl->AddRectFilled(min, max, color::kSurface, 7.0f);
        }
        const char* end = ImGui::FindRenderedTextEnd(labels[i]);
        const std::string_view text(labels[i], static_cast<size_t>(end - labels[i]));
        const ImVec2 ts = MeasureText(font, text);
        DrawTextAt(dl, font, ImVec2(min.x + (size.x - ts.x) * 0.5f, min.y + (size.y - ts.y) * 0.5f),
                   on ? color::kText : hovered ? color::kText : color::kTextMuted, text);
        if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::RenderNavHighlight(ImRect(min, max), ImGui::GetItemID());
        x += size.x + 2.0f;
    }
    ImGui::SetCursorScreenPos(start);
    ImGui::Dummy(ImVec2(total, h));
    ImGui::PopID();
    return changed;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Text inputs
// ---------------------------------------------------------------------------------------------
namespace {

struct InputCallbackData {
    std::string* value;
    int max_chars;
    CharFilter filter;
    int sel_start = 0, sel_end = 0;  // out: the selection in code points
    bool caret_to_end = false;       // just focused: put the caret after the text (no select-all)
};

int CountCodePoints(const char* s, int len) {
    int n = 0;
    for (int i = 0; i < len; ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
    return n;
}

int CodePointToByte(const char* s, int len, int cp) {
    int i = 0;
    for (int n = 0; i < len; ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            if (n == cp) return i;
            ++n;
        }
    }
    return len;
}

bool CharAllowed(CharFilter filter, unsigned int c) {
    if (filter == CharFilter::decimal) return (c >= '0' && c <= '9') || c == '.' || c == '-';
    if (filter == CharFilter::date) return (c >= '0' && c <= '9') || c == '-';
    return c >= 0x20 && c != 0x7F;
}

// A proxy edit on a single-line field: the replacement keeps only what typing would have let in
// (the field's character filter, no line breaks, the character limit), as ImGui's own input does.
void ApplyProxyEdit(ImGuiInputTextCallbackData* data, const TextEdit& e, const InputCallbackData& ud) {
    const int a = CodePointToByte(data->Buf, data->BufTextLen, e.from);
    const int b = CodePointToByte(data->Buf, data->BufTextLen, e.to);
    int room = ud.max_chars > 0 ? ud.max_chars - (CountCodePoints(data->Buf, data->BufTextLen) - CountCodePoints(data->Buf + a, b - a)) : INT_MAX;
    std::string keep;
    for (const char* p = e.text.c_str(); *p && room > 0;) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, p, nullptr);
        if (n <= 0) break;
        if (CharAllowed(ud.filter, c)) {
            keep.append(p, static_cast<size_t>(n));
            --room;
        }
        p += n;
    }
    if (b > a) data->DeleteChars(a, b - a);
    if (!keep.empty()) data->InsertChars(a, keep.c_str(), keep.c_str() + keep.size());
    data->CursorPos = data->SelectionStart = data->SelectionEnd = std::min(a + static_cast<int>(keep.size()), data->BufTextLen);
}

// Every frame while the field is active: edits from the text proxy, then the selection to report.
void ProxyEditsAndSelection(ImGuiInputTextCallbackData* data, InputCallbackData* ud) {
    for (const TextEdit& e : g_text_edits) ApplyProxyEdit(data, e, *ud);
    g_text_edits.clear();
    ud->sel_start = CountCodePoints(data->Buf, std::min(data->SelectionStart, data->SelectionEnd));
    ud->sel_end = CountCodePoints(data->Buf, std::max(data->SelectionStart, data->SelectionEnd));
    if (data->SelectionStart == data->SelectionEnd) ud->sel_start = ud->sel_end = CountCodePoints(data->Buf, data->CursorPos);
}

int InputCallback(ImGuiInputTextCallbackData* data) {
    auto* ud = static_cast<InputCallbackData*>(data->UserData);
    switch (data->EventFlag) {
        case ImGuiInputTextFlags_CallbackResize:
            ud->value->resize(static_cast<size_t>(data->BufTextLen));
            data->Buf = ud->value->data();
            break;
        case ImGuiInputTextFlags_CallbackAlways:
            if (ud->caret_to_end) {  // runs after ImGui's select-all on focus, before drawing
                data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
                ud->caret_to_end = false;
            }
            ProxyEditsAndSelection(data, ud);
            break;
        case ImGuiInputTextFlags_CallbackCharFilter: {
            const ImWchar c = data->EventChar;
            if (ud->filter == CharFilter::decimal && !((c >= '0' && c <= '9') || c == '.' || c == '-')) return 1;
            if (ud->filter == CharFilter::date && !((c >= '0' && c <= '9') || c == '-')) return 1;
            break;
        }
        case ImGuiInputTextFlags_CallbackEdit: {
            // Stop at the limit: drop the code points just typed (or pasted) before the cursor.
            int excess = CountCodePoints(data->Buf, data->BufTextLen) - ud->max_chars;
            while (ud->max_chars > 0 && excess > 0 && data->CursorPos > 0) {
                int start = data->CursorPos - 1;
                while (start > 0 && (static_cast<unsigned char>(data->Buf[start]) & 0xC0) == 0x80) --start;
                data->DeleteChars(start, data->CursorPos - start);
                --excess;
            }
            ProxyEditsAndSelection(data, ud);  // a frame with a typed edit calls this, not CallbackAlways
            break;
        }
        default: break;
    }
    return 0;
}

}  // namespace

TextInputResult TextInput(const char* label, std::string* value, const TextInputOptions& o) {
    TextInputResult result;
    const ImGuiID id = ImGui::GetID(label);
    const bool was_active = ImGui::GetActiveID() == id;
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackResize;
    if (o.max_chars > 0) flags |= ImGuiInputTextFlags_CallbackEdit;
    if (o.filter != CharFilter::none) flags |= ImGuiInputTextFlags_CallbackCharFilter;
    if (o.password) flags |= ImGuiInputTextFlags_Password;
    if (o.escape_clears) flags |= ImGuiInputTextFlags_EscapeClearsAll;
    if (o.read_only) flags |= ImGuiInputTextFlags_ReadOnly;
    if (!o.read_only) flags |= ImGuiInputTextFlags_CallbackAlways;  // while active: proxy edits, selection
    InputCallbackData ud{value, o.max_chars, o.filter};
    ud.caret_to_end = o.caret_at_end && !was_active;

    ImGui::PushFont(GetFonts().body);
    ImGui::PushStyleColor(ImGuiCol_Border, color::kInputBorder);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(12.0f + o.left_inset, o.large ? 16.5f : 9.0f));
    const float width = o.width < 0 ? ImGui::CalcItemWidth() : o.width;  // cards push their inner width
    const ImVec2 frame_pos = ImGui::GetCursorScreenPos();
    std::optional<LtrIsland> island;  // right-to-left UI: the field itself edits left to right (mirror.h)
    island.emplace(ImGui::GetWindowDrawList(), frame_pos.x, frame_pos.x + width);
    if (o.multiline) {
        // Wrapped at word boundaries (text_editor.h): long lines stay inside the box.
        const float h = o.height > 0 ? o.height : ImGui::GetTextLineHeight() * 4 + 18.0f;
        TextEditorOptions eo;
        eo.max_chars = o.max_chars;
        eo.read_only = o.read_only;
        eo.edits = &g_text_edits;
        const TextEditorResult er = WrappedTextEditor(label, value, ImVec2(width, h), eo);
        result.edited = er.edited;
        ud.sel_start = er.sel_start;
        ud.sel_end = er.sel_end;
        if (er.active) {
            g_text_field.x = IslandX(er.caret_rect.Min.x, frame_pos.x, frame_pos.x + width);
            g_text_field.y = er.caret_rect.Min.y;
            g_text_field.h = er.caret_rect.GetHeight();
        }
    } else {
        ImGui::SetNextItemWidth(width);
        glyphs::LogicalOrderScope logical;  // the caret maths work on the stored order
        const ImVec2 padding = ImGui::GetStyle().FramePadding;
        std::optional<RtlFieldScope> rtl;  // Arabic or Hebrew: drawn in visual order (bidi_line.h)
        if (!o.password) rtl.emplace(id, *value, frame_pos, width, padding);
        result.edited = ImGui::InputTextWithHint(label, "", value->data(), value->capacity() + 1, flags, InputCallback, &ud);
        if (rtl) rtl->Finish(*value);
    }
    island.reset();
    // The hint is drawn here, not by ImGui: outside the text's island it reads (and aligns) in the UI's
    // direction, and one longer than the box (phones, long languages) ends in "…" rather than being cut.
    if (!o.multiline && o.placeholder && value->empty()) {
        const float pad_y = o.large ? 16.5f : 9.0f;
        DrawTextAt(ImGui::GetWindowDrawList(), GetFonts().body, ImVec2(frame_pos.x + 12.0f + o.left_inset, frame_pos.y + pad_y),
                   color::kPlaceholder, FitText(GetFonts().body, o.placeholder, width - 24.0f - o.left_inset));
    }
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    if (o.hook_label) hooks::AnnotateLastItem(o.hook_label);
    hooks::SetLastItemValue(*value, o.password, o.multiline);
    hooks::SetLastItemInvalid(o.invalid);

    result.active = ImGui::IsItemActive();
    result.deactivated = ImGui::IsItemDeactivated();
    if (result.active) {
        g_text_field.active = true;
        g_text_field.multiline = o.multiline;
        g_text_field.password = o.password;
        g_text_field.filter = o.filter;
        g_text_field.autocomplete = o.autocomplete ? o.autocomplete : "off";
        g_text_field.device_keyboard = o.device_keyboard;
        g_text_field.label = o.hook_label ? o.hook_label : std::string(label, ImGui::FindRenderedTextEnd(label));
        g_text_field.text = *value;
        g_text_field.sel_start = ud.sel_start;
        g_text_field.sel_end = ud.sel_end;
        if (!o.multiline) {  // ImGui's InputText reports its caret for input methods
            const ImGuiPlatformImeData& ime = GImGui->PlatformImeData;
            g_text_field.x = IslandX(ime.WantVisible ? ime.InputPos.x : ImGui::GetItemRectMin().x, frame_pos.x, frame_pos.x + width);
            g_text_field.y = ime.WantVisible ? ime.InputPos.y : ImGui::GetItemRectMin().y;
            g_text_field.h = ime.WantVisible ? ime.InputLineHeight : ImGui::GetItemRectSize().y;
        }
    }
    result.submitted = !o.multiline && was_active &&
                       (ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false));
    const bool hovered = ImGui::IsItemHovered();

    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (o.multiline && value->empty() && !result.active && o.placeholder)
        DrawTextAt(dl, GetFonts().body, ImVec2(frame_pos.x + 12, frame_pos.y + 9), color::kPlaceholder, o.placeholder, width - 24.0f);
    const float r = ImGui::GetStyle().FrameRounding;
    if (result.active) {
        dl->AddRect(ImVec2(min.x - 3, min.y - 3), ImVec2(max.x + 3, max.y + 3), o.invalid ? color::WithAlpha(color::kDanger, 50) : color::kAccentRing,
                    r + 3, 0, 3.0f);
        dl->AddRect(min, max, o.invalid ? color::kDanger : color::kAccent, r, 0, 1.5f);
    } else if (o.invalid) {
        dl->AddRect(min, max, color::kDanger, r, 0, 1.5f);
    } else if (hovered) {
        dl->AddRect(min, max, color::kInputBorderHover, r, 0, 1.0f);
    }
    return result;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Badges, spinners, skeletons, notices
// ---------------------------------------------------------------------------------------------
namespace {

void ToneColors(client::Tone tone, ImU32* fg, ImU32* bg) {
    switch (tone) {
        case client::Tone::info: *fg = color::kInfo; *bg = color::kInfoSoft; break;
        case client::Tone::progress: *fg = color::kProgress; *bg = color::kProgressSoft; break;
        case client::Tone::warning: *fg = color::kWarning; *bg = color::kWarningSoft; break;
        case client::Tone::success: *fg = color::kSuccess; *bg = color::kSuccessSoft; break;
        case client::Tone::danger: *fg = color::kDanger; *bg = color::kDangerSoft; break;
        case client::Tone::muted:
        case client::Tone::neutral: *fg = color::kTextSecondary; *bg = color::kMutedSoft; break;
    }
}

}  // namespace

ImVec2 BadgeSize(std::string_view text) {
    const ImVec2 ts = MeasureText(GetFonts().small_semibold, text);
    return ImVec2(ts.x + 30.0f, ts.y + 8.0f);
}

void DrawBadge(ImDrawList* dl, ImVec2 pos, std::string_view text, client::Tone tone) {
    ImU32 fg = color::kTextSecondary, bg = color::kMutedSoft;
    ToneColors(tone, &fg, &bg);
    const ImVec2 size = BadgeSize(text);
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), bg, size.y * 0.5f);
    dl->AddCircleFilled(ImVec2(pos.x + 13.0f, pos.y + size.y * 0.5f), 3.0f, fg);
    DrawTextAt(dl, GetFonts().small_semibold, ImVec2(pos.x + 21.0f, pos.y + 4.0f), fg, text);
}

void Badge(std::string_view text, client::Tone tone) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    DrawBadge(ImGui::GetWindowDrawList(), pos, text, tone);
    const ImVec2 size = BadgeSize(text);
    ImGui::Dummy(size);
    A11yText(text, pos, ImVec2(pos.x + size.x, pos.y + size.y));  // screen readers hear the chip too
}

void DrawSpinner(ImDrawList* dl, ImVec2 c, float radius, float thickness, ImU32 col) {
    if (!ReducedMotion()) RequestAnimation();  // still: a fixed arc on its track
    const float start = SpinnerAngle(ImGui::GetTime());
    const ImU32 track = (col & 0x00FFFFFF) | (static_cast<ImU32>(((col >> IM_COL32_A_SHIFT) & 0xFF) * 0.2f) << IM_COL32_A_SHIFT);
    dl->AddCircle(c, radius, track, 32, thickness);
    dl->PathArcTo(c, radius, start, start + IM_PI * 1.3f, 24);
    dl->PathStroke(col, 0, thickness);
}

void Spinner(float radius, float thickness, ImU32 col) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(radius * 2, radius * 2));
    DrawSpinner(ImGui::GetWindowDrawList(), ImVec2(pos.x + radius, pos.y + radius), radius - thickness * 0.5f, thickness, col);
}

void Skeleton(ImVec2 size, float rounding) {
    if (!ReducedMotion()) RequestAnimation();  // still: a solid placeholder
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    if (size.x < 0) size.x = ImGui::GetContentRegionAvail().x;
    const ImU32 col = color::WithAlpha(color::kSkeleton, static_cast<int>(255 * SkeletonAlpha(ImGui::GetTime())));
    ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), col, rounding);
    ImGui::Dummy(size);
}

void Avatar(std::string_view initials, float size, ImU32 bg, ImU32 fg) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c(pos.x + size * 0.5f, pos.y + size * 0.5f);
    dl->AddCircleFilled(c, size * 0.5f, bg, 32);
    const ImFont* font = size >= 36 ? GetFonts().body_semibold : GetFonts().small_semibold;
    const ImVec2 ts = MeasureText(font, initials);
    DrawTextAt(dl, font, ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), fg, initials);
    ImGui::Dummy(ImVec2(size, size));
}

namespace {

void DrawStatusIcon(ImDrawList* dl, ImVec2 c, float r, NoticeKind kind) {
    ImU32 col = color::kDanger;
    if (kind == NoticeKind::warning) col = color::kWarning;
    if (kind == NoticeKind::success) col = color::kSuccess;
    if (kind == NoticeKind::info) col = color::kInfo;
    dl->AddCircleFilled(c, r, col, 24);
    const ImU32 white = color::kSurface;
    if (kind == NoticeKind::success) {
        dl->PathLineTo(ImVec2(c.x - r * 0.45f, c.y + r * 0.02f));
        dl->PathLineTo(ImVec2(c.x - r * 0.1f, c.y + r * 0.36f));
        dl->PathLineTo(ImVec2(c.x + r * 0.48f, c.y - r * 0.34f));
        dl->PathStroke(white, 0, std::max(1.5f, r * 0.2f));
    } else if (kind == NoticeKind::info) {
        dl->AddCircleFilled(ImVec2(c.x, c.y - r * 0.42f), r * 0.13f, white);
        dl->AddLine(ImVec2(c.x, c.y - r * 0.12f), ImVec2(c.x, c.y + r * 0.48f), white, std::max(1.5f, r * 0.2f));
    } else {
        dl->AddLine(ImVec2(c.x, c.y - r * 0.5f), ImVec2(c.x, c.y + r * 0.12f), white, std::max(1.5f, r * 0.2f));
        dl->AddCircleFilled(ImVec2(c.x, c.y + r * 0.44f), r * 0.13f, white);
    }
}

}  // namespace

bool Notice(const char* id, NoticeKind kind, std::string_view message, const char* action_label, float width) {
    ImU32 bg = color::kDangerSoft, border = color::kDangerBorder, fg = color::kDangerStrong;
    if (kind == NoticeKind::warning) { bg = color::kWarningSoft; border = color::kWarningBorder; fg = color::kWarningStrong; }
    if (kind == NoticeKind::success) { bg = color::kSuccessSoft; border = color::kSuccessBorder; fg = color::kSuccessStrong; }
    if (kind == NoticeKind::info) { bg = color::kInfoSoft; border = color::kInfoBorder; fg = color::kInfoStrong; }
    const ImFont* font = GetFonts().body;
    float action_w = 0;
    if (action_label) {
        const char* end = ImGui::FindRenderedTextEnd(action_label);
        action_w = MeasureText(GetFonts().body_semibold, std::string_view(action_label, static_cast<size_t>(end - action_label))).x + 36.0f;
    }
    const float pad = 14.0f, icon = 20.0f;
    const float text_w = width - 2 * pad - icon - 10.0f - (action_w > 0 ? action_w + 12.0f : 0.0f);
    const ImVec2 ts = MeasureText(font, message, text_w);
    const float h = std::max(ts.y, action_w > 0 ? 36.0f : icon) + 2 * pad;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), bg, 10.0f);
    dl->AddRect(pos, ImVec2(pos.x + width, pos.y + h), border, 10.0f);
    DrawStatusIcon(dl, ImVec2(pos.x + pad + icon * 0.5f, pos.y + h * 0.5f), icon * 0.5f, kind);
    const ImVec2 text_at(pos.x + pad + icon + 10.0f, pos.y + (h - ts.y) * 0.5f);
    DrawTextAt(dl, font, text_at, fg, message, text_w);
    // The mirror reads it too (an error is announced at once, the rest politely).
    if (hooks::IsEnabled())
        hooks::RecordText(message, kind == NoticeKind::error ? "alert" : "status", 0, text_at.x, text_at.y, text_at.x + ts.x, text_at.y + ts.y);
    bool clicked = false;
    if (action_label) {
        ImGui::PushID(id);
        ImGui::SetCursorScreenPos(ImVec2(pos.x + width - pad - action_w, pos.y + (h - 36.0f) * 0.5f));
        clicked = Button(action_label, ButtonKind::secondary, ImVec2(action_w, 36.0f));
        ImGui::PopID();
    }
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(width, h));
    return clicked;
}

bool ErrorPanel(const char* id, std::string_view title, std::string_view message, bool retry, float width) {
    bool clicked = false;
    BeginCard(id, width, 40.0f);
    const float inner = width - 80.0f;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    DrawStatusIcon(ImGui::GetWindowDrawList(), ImVec2(top.x + inner * 0.5f, top.y + 20), 20, NoticeKind::error);
    ImGui::Dummy(ImVec2(inner, 44));
    VSpace(4);
    const ImVec2 ts = MeasureText(GetFonts().h3, title);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (inner - ts.x) * 0.5f);
    Label(GetFonts().h3, color::kText, title);
    const ImVec2 ms = MeasureText(GetFonts().body, message, inner);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (inner - ms.x) * 0.5f));
    Paragraph(GetFonts().body, color::kTextSecondary, message, inner);
    if (retry) {
        VSpace(6);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (inner - 120.0f) * 0.5f);
        clicked = Button(L("Retry", "retry").c_str(), ButtonKind::secondary, ImVec2(120, 40));
    }
    EndCard();
    return clicked;
}

void LoadingPanel(std::string_view message, float width) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 ts = MeasureText(GetFonts().body, message);
    const float total = 28.0f + 12.0f + ts.x;
    ImGui::SetCursorScreenPos(ImVec2(pos.x + (width - total) * 0.5f, pos.y + 40));
    Spinner(14, 3, color::kAccent);
    ImGui::SameLine(0, 12);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 4);
    Label(GetFonts().body, color::kTextMuted, message);
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(width, 108));
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Checkbox and dropdown
// ---------------------------------------------------------------------------------------------
bool StyledCheckbox(const char* label, bool* value, float padding) {
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 5.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(padding, padding));
    ImGui::PushStyleColor(ImGuiCol_FrameBg, *value ? color::kAccentFill : color::kSurface);
    ImGui::PushStyleColor(ImGuiCol_FrameBgHovered, *value ? color::kAccentFillHover : color::kSurfaceHover);
    ImGui::PushStyleColor(ImGuiCol_FrameBgActive, *value ? color::kAccentFillPressed : color::kMutedSoft);
    ImGui::PushStyleColor(ImGuiCol_CheckMark, color::kOnAccent);
    ImGui::PushStyleColor(ImGuiCol_Border, *value ? color::kAccentFill : color::kInputBorder);
    const bool changed = ImGui::Checkbox(label, value);
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::PopStyleColor(5);
    ImGui::PopStyleVar(2);
    return changed;
}

bool Dropdown(const char* id, const char* hook_label, const std::vector<std::string>& labels, int* selected, float width) {
    const ImGuiID combo_id = ImGui::GetID(id);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const int current = *selected >= 0 && *selected < static_cast<int>(labels.size()) ? *selected : -1;
    const std::string preview = current >= 0 ? labels[static_cast<size_t>(current)] : std::string();
    ImGui::PushStyleColor(ImGuiCol_Border, color::kInputBorder);
    ImGui::PushStyleColor(ImGuiCol_Text, color::kText);
    ImGui::PushStyleColor(ImGuiCol_Button, color::kSurface);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, color::kSurface);
    // The popup becomes the current window inside BeginCombo: take what we need first.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = ImGui::GetFrameHeight();
    const ImVec2 max(pos.x + width, pos.y + h);
    const bool hovered = ImGui::IsMouseHoveringRect(pos, max) && ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows);
    ImGui::SetNextItemWidth(width);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6, 6));
    ImGui::PushStyleVar(ImGuiStyleVar_PopupBorderSize, 1.0f);
    const bool open = ImGui::BeginCombo(id, preview.c_str(), ImGuiComboFlags_HeightLarge | ImGuiComboFlags_NoArrowButton);
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(4);
    const char* hash = std::strstr(id, "##");
    hooks::AnnotateItem(combo_id, hook_label, hash ? hash + 2 : id);
    hooks::SetItemValue(combo_id, preview);
    const float r = ImGui::GetStyle().FrameRounding;
    if (open) {
        dl->AddRect(ImVec2(pos.x - 3, pos.y - 3), ImVec2(max.x + 3, max.y + 3), color::kAccentRing, r + 3, 0, 3.0f);
        dl->AddRect(pos, max, color::kAccent, r, 0, 1.5f);
    } else if (hovered) {
        dl->AddRect(pos, max, color::kInputBorderHover, r, 0, 1.0f);
    }
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    const ImVec2 c(max.x - 16, pos.y + h * 0.5f);
    const float d = open ? -1.0f : 1.0f;
    dl->AddLine(ImVec2(c.x - 4.5f, c.y - 2.2f * d), ImVec2(c.x, c.y + 2.2f * d), color::kTextMuted, 1.6f);
    dl->AddLine(ImVec2(c.x, c.y + 2.2f * d), ImVec2(c.x + 4.5f, c.y - 2.2f * d), color::kTextMuted, 1.6f);
    bool changed = false;
    if (open) {
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8, 2));
        for (size_t i = 0; i < labels.size(); ++i) {
            const bool is_selected = static_cast<int>(i) == current;
            ImGui::PushID(static_cast<int>(i));
            ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(8, 8));
            if (ImGui::Selectable(labels[i].c_str(), is_selected, 0, ImVec2(0, 30)) && !is_selected) {
                *selected = static_cast<int>(i);
                changed = true;
            }
            ImGui::PopStyleVar();
            ImGui::PopID();
            if (is_selected) ImGui::SetItemDefaultFocus();
        }
        ImGui::PopStyleVar();
        ImGui::EndCombo();
    }
    return changed;
}

}  // namespace spoc::ui
