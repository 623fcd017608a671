// Right-to-left text while it is edited (see bidi_line.h). Index:
//   [SECTION] BidiLine: one line's visual layout
//   [SECTION] RtlFieldScope: the single-line field
#include "client/ui/bidi_line.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <utility>

#include "client/ui/glyph_bank.h"
#include "imgui_internal.h"
#include "shared/domain/bidi.h"

namespace spoc::ui {

// ---------------------------------------------------------------------------------------------
// [SECTION] BidiLine: one line's visual layout
// ---------------------------------------------------------------------------------------------
BidiLine::BidiLine(const ImFont* font, float size, std::string_view line, int direction)
    : font_(font), size_(size), rtl_(direction == kBidiRtl), length_(static_cast<int>(line.size())) {
    float x = 0;
    for (VisualCluster& c : VisualClusters(line, direction)) {
        const float w = font->CalcTextSizeA(size, FLT_MAX, 0.0f, c.glyphs.data(), c.glyphs.data() + c.glyphs.size()).x;
        pieces_.push_back({static_cast<int>(c.begin), static_cast<int>(c.end), c.rtl, x, w});
        visual_ += c.glyphs;
        x += w;
    }
    width_ = x;
}

// A caret sits at the leading edge of the character after it (its left edge when that character
// reads left to right, its right edge when it reads right to left); at the end of the line, at the
// trailing edge of the last character typed. Inside a ligature (between lam and alef), mid-way.
float BidiLine::CaretX(int offset) const {
    for (const Piece& p : pieces_) {
        if (offset < p.begin || offset >= p.end) continue;
        if (offset == p.begin) return p.rtl ? p.x + p.w : p.x;
        return p.x + p.w * 0.5f;
    }
    for (const Piece& p : pieces_)
        if (p.end == length_) return p.rtl ? p.x : p.x + p.w;
    return 0;
}

int BidiLine::OffsetAt(float x) const {
    for (size_t i = 0; i < pieces_.size(); ++i) {
        const Piece& p = pieces_[i];
        if (x >= p.x + p.w && i + 1 < pieces_.size()) continue;
        const bool left_half = x < p.x + p.w * 0.5f;
        return left_half != p.rtl ? p.begin : p.end;
    }
    return 0;
}

void BidiLine::Draw(ImDrawList* dl, ImVec2 pos, ImU32 col) const {
    if (visual_.empty()) return;
    glyphs::LogicalOrderScope already_visual;  // the text hook must not reorder it a second time
    dl->AddText(font_, size_, pos, col, visual_.data(), visual_.data() + visual_.size());
}

void BidiLine::DrawSelection(ImDrawList* dl, ImVec2 pos, float height, int from, int to, ImU32 col) const {
    for (const Piece& p : pieces_) {
        if (std::max(p.begin, from) >= std::min(p.end, to)) continue;
        dl->AddRectFilled(ImVec2(std::floor(pos.x + p.x), pos.y), ImVec2(std::ceil(pos.x + p.x + p.w), pos.y + height), col);
    }
}

// ---------------------------------------------------------------------------------------------
// [SECTION] RtlFieldScope: the single-line field
// ---------------------------------------------------------------------------------------------
namespace {

// Where the visual line's left edge was drawn last frame, relative to the frame (clicks map to it),
// and the field's own horizontal scroll. Kept in the window's storage under the field's id.
ImGuiID LeftKey(ImGuiID id) { return ImHashStr("spoc.rtl.left", 0, id); }
ImGuiID ScrollKey(ImGuiID id) { return ImHashStr("spoc.rtl.scroll", 0, id); }

int ByteOfCodePoint(const std::string& s, int cp) {
    std::size_t i = 0;
    for (int n = 0; n < cp && i < s.size(); ++n) {
        ++i;
        while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    }
    return static_cast<int>(i);
}

void SwapArrows() {
    std::swap(*ImGui::GetKeyData(ImGuiKey_LeftArrow), *ImGui::GetKeyData(ImGuiKey_RightArrow));
}

}  // namespace

RtlFieldScope::RtlFieldScope(ImGuiID id, const std::string& text, ImVec2 frame_min, float width, ImVec2 padding)
    : id_(id), frame_min_(frame_min), padding_(padding), width_(width) {
    enabled_ = HasRtl(text);
    if (!enabled_) return;
    ImGuiContext& g = *GImGui;
    text_col_ = ImGui::GetColorU32(ImGuiCol_Text);
    select_col_ = ImGui::GetColorU32(ImGuiCol_TextSelectedBg);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_TextSelectedBg, IM_COL32(0, 0, 0, 0));
    restored_ = false;
    const int direction = ParagraphDirection(text);
    ImGuiInputTextState* state = ImGui::GetInputTextState(id);
    if (state != nullptr && direction == kBidiRtl) {
        SwapArrows();
        swapped_ = true;
    }
    // A click or a drag: ImGui finds the offset under the pointer in its logical layout, so the
    // pointer is moved to where that layout has the offset that is under it on screen.
    ImGuiIO& io = g.IO;
    const float height = g.FontSize + 2 * padding.y;
    const bool over = io.MousePos.x >= frame_min.x && io.MousePos.x < frame_min.x + width && io.MousePos.y >= frame_min.y &&
                      io.MousePos.y < frame_min.y + height;
    const bool dragging = io.MouseDown[0] && g.ActiveId == id;
    if (!(over && io.MouseClicked[0]) && !dragging) return;
    const BidiLine line(g.Font, g.FontSize, text, direction);
    const float left = frame_min.x + ImGui::GetStateStorage()->GetFloat(LeftKey(id), padding.x);
    const int offset = line.OffsetAt(io.MousePos.x - left);
    const float logical_x = g.Font->CalcTextSizeA(g.FontSize, FLT_MAX, 0.0f, text.data(), text.data() + offset).x;
    const float scroll = state != nullptr ? state->ScrollX : 0.0f;
    saved_mouse_x_ = io.MousePos.x;
    mouse_moved_ = true;
    io.MousePos.x = std::clamp(frame_min.x + padding.x + logical_x - scroll, frame_min.x + 1.0f, frame_min.x + width - 1.0f);
}

void RtlFieldScope::Restore() {
    if (restored_) return;
    restored_ = true;
    ImGui::PopStyleColor(2);
    if (swapped_) SwapArrows();
    if (mouse_moved_) GImGui->IO.MousePos.x = saved_mouse_x_;
}

RtlFieldScope::~RtlFieldScope() { Restore(); }

float RtlFieldScope::Finish(const std::string& text) {
    if (!enabled_) return -1.0f;
    Restore();
    ImGuiContext& g = *GImGui;
    const int direction = ParagraphDirection(text);
    const BidiLine line(g.Font, g.FontSize, text, direction);
    ImGuiInputTextState* state = ImGui::GetInputTextState(id_);
    const bool active = state != nullptr && g.ActiveId == id_;
    const float inner = width_ - 2 * padding_.x;
    ImGuiStorage* storage = ImGui::GetStateStorage();
    float& scroll = *storage->GetFloatRef(ScrollKey(id_), 0.0f);
    const int caret_byte = active ? ByteOfCodePoint(text, state->Stb.cursor) : 0;
    const float caret = line.CaretX(caret_byte);
    float align = 0;
    if (line.Width() <= inner) {
        scroll = 0;
        if (direction == kBidiRtl) align = inner - line.Width();
    } else if (!active) {
        scroll = direction == kBidiRtl ? line.Width() - inner : 0.0f;  // show the line's start
    } else {
        if (caret - scroll > inner - 1.0f) scroll = caret - inner + 1.0f;
        if (caret - scroll < 0.0f) scroll = caret;
        scroll = std::clamp(scroll, 0.0f, line.Width() - inner + 1.0f);
    }
    const float left = frame_min_.x + padding_.x + align - scroll;
    storage->SetFloat(LeftKey(id_), left - frame_min_.x);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 top_left(left, frame_min_.y + padding_.y);
    dl->PushClipRect(frame_min_, ImVec2(frame_min_.x + width_, frame_min_.y + g.FontSize + 2 * padding_.y), true);
    if (active && state->HasSelection()) {
        const int a = ByteOfCodePoint(text, std::min(state->Stb.select_start, state->Stb.select_end));
        const int b = ByteOfCodePoint(text, std::max(state->Stb.select_start, state->Stb.select_end));
        line.DrawSelection(dl, top_left, g.FontSize, a, b, select_col_);
    }
    line.Draw(dl, top_left, text_col_);
    float caret_screen = -1.0f;
    if (active) {
        caret_screen = std::floor(left + caret);
        const bool visible = !g.IO.ConfigInputTextCursorBlink || state->CursorAnim <= 0.0f || ImFmod(state->CursorAnim, 1.20f) <= 0.80f;
        if (visible)
            dl->AddLine(ImVec2(caret_screen, top_left.y + 0.5f), ImVec2(caret_screen, top_left.y + g.FontSize - 1.5f), text_col_);
        if (g.PlatformImeData.WantVisible) g.PlatformImeData.InputPos.x = caret_screen - 1.0f;
    }
    dl->PopClipRect();
    return caret_screen;
}

}  // namespace spoc::ui
