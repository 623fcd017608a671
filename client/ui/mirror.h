// Right-to-left layout (Arabic): the whole frame is drawn left-to-right as usual, then mirrored
// (MirrorDrawData: x -> width - x for every vertex and clip rectangle), so the sidebar, columns,
// alignment and scrollbars all swap sides. Text must not come out mirror-written: each drawn line
// is first mirrored within its own extent (MirrorLines, called from the text hook in
// glyph_bank.cpp), so the global flip only moves it. Text fields are left-to-right islands
// (LtrIsland): their frame, text, caret and selection are pre-mirrored as one block, so editing
// works as in any LTR field. Pointer input is mirrored back (MirrorX) before ImGui sees it.
#pragma once
#include "imgui.h"

namespace spoc::ui {

void SetMirrored(bool on);   // the UI language is right-to-left
bool Mirrored();
bool TextNeedsMirror();      // Mirrored() and not inside an LtrIsland

// Mirrors each line of glyph quads added since vtx0 within the line's own horizontal extent; lines
// start at `top` and are `line_height` apart (ImFont::RenderText's layout).
void MirrorLines(ImDrawList* dl, int vtx0, float top, float line_height);
// After ImGui::Render: mirrors every vertex and clip rectangle across the display width.
void MirrorDrawData(ImDrawData* data, float display_width);
// Pointer x (ImGui units) on screen -> x in the unmirrored layout; identity when not mirrored.
float MirrorX(float x, float display_width);
// Where x inside an LtrIsland spanning [min_x, max_x] ends up before the frame's flip.
float IslandX(float x, float min_x, float max_x);

// Everything drawn into `dl` while alive is pre-mirrored within [min_x, max_x] at the end, and text
// inside is not line-mirrored: after the global flip the block reads exactly as in LTR. The mouse
// is mirrored within the island too while it lives, so clicks and drags land on the right glyph.
class LtrIsland {
public:
    LtrIsland(ImDrawList* dl, float min_x, float max_x);
    ~LtrIsland();
    LtrIsland(const LtrIsland&) = delete;
    LtrIsland& operator=(const LtrIsland&) = delete;

private:
    ImDrawList* dl_;
    int vtx0_;
    int cmd0_;
    float min_x_, max_x_;
    bool active_;
    float saved_mouse_x_ = 0, saved_clicked_x_ = 0;
};

}  // namespace spoc::ui
