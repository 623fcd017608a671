// Right-to-left layout by mirroring the finished frame (see mirror.h).
#include "client/ui/mirror.h"

#include <algorithm>
#include <cmath>

namespace spoc::ui {
namespace {
bool g_mirrored = false;
int g_islands = 0;

void MirrorVertices(ImDrawList* dl, int from, int to, float axis_sum) {
    for (int i = from; i < to; ++i) dl->VtxBuffer[i].pos.x = axis_sum - dl->VtxBuffer[i].pos.x;
}
}  // namespace

void SetMirrored(bool on) { g_mirrored = on; }
bool Mirrored() { return g_mirrored; }
bool TextNeedsMirror() { return g_mirrored && g_islands == 0; }

void MirrorLines(ImDrawList* dl, int vtx0, float top, float line_height) {
    // ImFont::RenderText emits one quad (4 vertices: top-left, top-right, bottom-right, bottom-left)
    // per glyph, line by line. A glyph's middle lies inside its line (its top may not: marks above).
    if (line_height <= 0) return;
    const int end = dl->VtxBuffer.Size;
    auto line_of = [&](int v) {
        const float mid = (dl->VtxBuffer[v].pos.y + dl->VtxBuffer[v + 2].pos.y) * 0.5f;
        return static_cast<int>(std::floor((mid - top) / line_height));
    };
    int line = vtx0;
    while (line + 4 <= end) {
        const int index = line_of(line);
        float lo = dl->VtxBuffer[line].pos.x, hi = lo;
        int next = line;
        while (next + 4 <= end && line_of(next) == index) {
            for (int k = 0; k < 4; ++k) {
                lo = std::min(lo, dl->VtxBuffer[next + k].pos.x);
                hi = std::max(hi, dl->VtxBuffer[next + k].pos.x);
            }
            next += 4;
        }
        MirrorVertices(dl, line, next, lo + hi);
        line = next;
    }
}

void MirrorDrawData(ImDrawData* data, float width) {
    if (data == nullptr) return;
    for (ImDrawList* dl : data->CmdLists) {
        for (ImDrawVert& v : dl->VtxBuffer) v.pos.x = width - v.pos.x;
        for (ImDrawCmd& cmd : dl->CmdBuffer) {
            const float x1 = cmd.ClipRect.x, x2 = cmd.ClipRect.z;
            cmd.ClipRect.x = width - x2;
            cmd.ClipRect.z = width - x1;
        }
    }
}

float MirrorX(float x, float width) { return g_mirrored && x > -1e30f ? width - x : x; }

float IslandX(float x, float min_x, float max_x) { return g_mirrored ? min_x + max_x - x : x; }

LtrIsland::LtrIsland(ImDrawList* dl, float min_x, float max_x)
    : dl_(dl), vtx0_(dl != nullptr ? dl->VtxBuffer.Size : 0), cmd0_(dl != nullptr ? dl->CmdBuffer.Size : 0), min_x_(min_x), max_x_(max_x), active_(g_mirrored && dl != nullptr) {
    if (!active_) return;
    ++g_islands;
    ImGuiIO& io = ImGui::GetIO();
    saved_mouse_x_ = io.MousePos.x;
    saved_clicked_x_ = io.MouseClickedPos[0].x;
    if (ImGui::IsMousePosValid(&io.MousePos)) io.MousePos.x = min_x_ + max_x_ - io.MousePos.x;
    if (ImGui::IsMousePosValid(&io.MouseClickedPos[0])) io.MouseClickedPos[0].x = min_x_ + max_x_ - io.MouseClickedPos[0].x;
}

LtrIsland::~LtrIsland() {
    if (!active_) return;
    --g_islands;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos.x = saved_mouse_x_;
    io.MouseClickedPos[0].x = saved_clicked_x_;
    MirrorVertices(dl_, vtx0_, dl_->VtxBuffer.Size, min_x_ + max_x_);
    // Clip rectangles pushed inside the island (the field's interior) move with it; the outer ones
    // (wider than the island) stay.
    for (int i = std::max(0, cmd0_ - 1); i < dl_->CmdBuffer.Size; ++i) {
        ImVec4& r = dl_->CmdBuffer[i].ClipRect;
        if (r.x < min_x_ - 0.5f || r.z > max_x_ + 0.5f) continue;
        const float x1 = r.x, x2 = r.z;
        r.x = min_x_ + max_x_ - x2;
        r.z = min_x_ + max_x_ - x1;
    }
}

}  // namespace spoc::ui
