// Every script on screen. Dear ImGui 1.90 draws from a fixed font atlas (Inter + DejaVu Sans for
// Latin, Greek, Cyrillic and symbols). Any other character that reaches the screen (Chinese,
// Japanese, Korean, Arabic, Hebrew, emoji, rare symbols) is noticed while it is drawn, drawn once
// by the platform's own text engine (the browser's canvas: it has the OS's fonts for every script,
// so nothing large is downloaded), and added to the atlas before the next frame. Arabic and Hebrew
// lines are shaped and put in visual (bidi) order just before they are drawn, per wrapped line.
//
// All of it hangs off one hook in ImFont::RenderText (client/ui/render_text_hook.h).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "imgui.h"

namespace spoc::ui::glyphs {

// One glyph drawn by the platform, in device pixels.
struct Raster {
    int width = 0, height = 0;
    float advance = 0;
    float left = 0, top = 0;          // bitmap's top-left relative to the pen on the baseline (top < 0: above)
    bool tofu = false;                // the platform has no font for it: this is its "missing glyph" box
    std::vector<std::uint8_t> rgba;   // width * height * 4; white with alpha (colour glyphs made monochrome)
};
// em_px: the em size in device pixels; weight: CSS weight (400, 600). False: cannot draw at all.
using Rasterizer = bool (*)(std::uint32_t code_point, float em_px, int weight, Raster* out);
void SetRasterizer(Rasterizer rasterizer);  // the browser platform sets it; native tests draw no extra glyphs

void Install();  // puts the hook into ImGui's text drawing (idempotent)

// ---- Font atlas side, called by BuildFonts -----------------------------------------------------
struct Face {
    ImFont* font = nullptr;
    float em_px = 0;  // em size of this face in device pixels
    int weight = 400;
};
void AddToAtlas(ImFontAtlas* atlas, const std::vector<Face>& faces);  // after the TTF fonts, before Build()
void FinishAtlas(ImFontAtlas* atlas);                                   // after Build(): pixels and baselines
bool NeedsRebuild();  // text drawn since the last build asked for characters the atlas lacks

// em size of a font whose ImGui size (ascent - descent) is pixel_height: parsed from the font's
// head/hhea tables, as stb_truetype sizes fonts. 0.83 if the file cannot be read.
float EmPerPixelHeight(const std::vector<std::uint8_t>& font_file);

// While alive, text is drawn as stored: logical order, unshaped. For text being edited, whose caret
// and selection maths (ImGui's InputText, our editor) work on the logical string.
class LogicalOrderScope {
  public:
    LogicalOrderScope();
    ~LogicalOrderScope();
    LogicalOrderScope(const LogicalOrderScope&) = delete;
    LogicalOrderScope& operator=(const LogicalOrderScope&) = delete;

  private:
    bool saved_;
};

// ---- Coverage, for tests -------------------------------------------------------------------------
void BeginFrame();  // the platform calls it before each frame: the "last frame" figures roll over
struct Stats {
    int dynamic_glyphs = 0;                  // glyphs in the atlas that came from the platform
    int rebuilds = 0;                        // atlas rebuilds caused by new characters
    std::vector<std::uint32_t> missing;      // drawn last frame with no glyph in the atlas yet
    std::vector<std::uint32_t> tofu;         // drawn last frame as a "missing glyph" box
    int rtl_lines = 0;                       // lines drawn last frame in bidi visual order
};
Stats GetStats();
void SetClipCheck(bool on);  // record text cut off at its clip rect's right edge (e2e layout checks)
std::string StatsJson();  // {"dynamic":N,"rebuilds":N,"missing":["4f60",...],"tofu":[...],"rtl_lines":N,
                          //  "clipped":[{"text":..,"x":..,"y":..,"over":px}]} (clipped: with SetClipCheck)

}  // namespace spoc::ui::glyphs
