// Text being edited that holds right-to-left characters (Arabic, Hebrew), drawn in visual order
// while the caret and selection stay in the stored (logical) order. BidiLine lays out one display
// line: where a caret offset is drawn, which offset a click lands on, the selection's boxes (one
// right-to-left run inside Latin text makes a selection visually split). Used by the single-line
// field (RtlFieldScope, below) and the multi-line editor (text_editor.cpp).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "imgui.h"

namespace spoc::ui {

class BidiLine {
  public:
    // `line`: one display line in logical order (no '\n'); `direction`: its paragraph's
    // (kBidiLtr / kBidiRtl of shared/domain/bidi.h).
    BidiLine(const ImFont* font, float size, std::string_view line, int direction);

    float Width() const { return width_; }
    bool Rtl() const { return rtl_; }
    float CaretX(int offset) const;  // byte offset in the line -> x from the line's left edge
    int OffsetAt(float x) const;     // x from the left edge -> the nearest caret offset
    // Draws the visual line with its left edge at `pos` (the text's top-left).
    void Draw(ImDrawList* dl, ImVec2 pos, ImU32 col) const;
    // Fills the boxes of the clusters whose logical bytes lie in [from, to).
    void DrawSelection(ImDrawList* dl, ImVec2 pos, float height, int from, int to, ImU32 col) const;

  private:
    struct Piece {
        int begin, end;  // logical bytes
        bool rtl;
        float x, w;
    };
    const ImFont* font_;
    float size_;
    std::vector<Piece> pieces_;  // left to right
    std::string visual_;
    float width_ = 0;
    bool rtl_ = false;
    int length_ = 0;
};

// Wraps ImGui::InputText for a single-line field whose text has right-to-left characters. ImGui
// keeps doing the editing (its caret maths are logical); while alive, its text, caret and
// selection are drawn transparent, a click's x is translated to the logical layout ImGui expects,
// and in a right-to-left paragraph the Left and Right arrows swap (Left moves towards the end, as
// in any RTL field). Finish() then draws the visual line, selection and caret, right-aligned when
// the paragraph is right-to-left (as <input dir="auto">), scrolled to keep the caret in view.
class RtlFieldScope {
  public:
    // `text`: the field's text before the InputText call; `frame_min`/`width`: the frame's box;
    // `padding`: its FramePadding.
    RtlFieldScope(ImGuiID id, const std::string& text, ImVec2 frame_min, float width, ImVec2 padding);
    ~RtlFieldScope();
    RtlFieldScope(const RtlFieldScope&) = delete;
    RtlFieldScope& operator=(const RtlFieldScope&) = delete;

    bool Enabled() const { return enabled_; }
    // After the InputText call, with the text as it is now. Returns the caret's x on screen
    // (where a composition window opens), or -1 when the field is not active.
    float Finish(const std::string& text);

  private:
    void Restore();
    ImGuiID id_;
    bool enabled_ = false, restored_ = true, swapped_ = false, mouse_moved_ = false;
    float saved_mouse_x_ = 0;
    ImVec2 frame_min_, padding_;
    float width_;
    ImU32 text_col_ = 0, select_col_ = 0;
};

}  // namespace spoc::ui
