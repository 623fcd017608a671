// The one hook Spoc adds to Dear ImGui: CMakeLists.txt compiles imgui_draw.cpp from a copy whose
// ImFont::RenderText starts with
//     if (GSpocRenderTextHook && GSpocRenderTextHook(this, draw_list, size, pos, col, clip_rect,
//                                                    text_begin, text_end, wrap_width, cpu_fine_clip)) return;
// so every string ImGui draws (labels, inputs, tooltips, our own AddText calls) passes through
// client/ui/glyph_bank.cpp first. A hook that returns true has drawn the text itself.
#pragma once
#include "imgui.h"

typedef bool (*SpocRenderTextHook)(const ImFont*, ImDrawList*, float, const ImVec2&, ImU32, const ImVec4&, const char*,
                                   const char*, float, bool);
extern SpocRenderTextHook GSpocRenderTextHook;
