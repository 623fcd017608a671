// The browser draws the glyphs Spoc's own fonts lack (see client/ui/glyph_bank.h): one character at
// a time on an offscreen 2D canvas, with the OS's fonts for every script, then copied into ImGui's
// atlas. A character no installed font has comes out as the browser's "missing glyph" box: it is
// compared with the box of a private-use noncharacter and reported as tofu.
#include <emscripten/emscripten.h>

#include <cstdint>

#include "client/platform/platform.h"
#include "client/ui/glyph_bank.h"

// Draws code point `cp` at `em_px` and `weight`; writes [width, height, advance, left, top, tofu]
// to `metrics` and keeps the pixels for spoc_js_glyph_copy. Returns the byte count of the pixels.
EM_JS(int, spoc_js_glyph_draw, (unsigned int cp, float em_px, int weight, float* metrics), {
    var g = Module.spocGlyphs;
    if (!g) {
        var canvas = document.createElement("canvas");
        g = Module.spocGlyphs = {canvas: canvas, ctx: canvas.getContext("2d", {willReadFrequently: true}), tofu: {}};
    }
    var lang = (document.documentElement.lang || "en").toLowerCase();
    var cjk = lang.indexOf("zh") === 0 ? (lang.indexOf("tw") > 0 || lang.indexOf("hant") > 0 ? "Noto Sans CJK TC,Microsoft JhengHei,PingFang TC,"
                                                                                              : "Noto Sans CJK SC,Microsoft YaHei,PingFang SC,")
            : lang.indexOf("ko") === 0 ? "Noto Sans CJK KR,Malgun Gothic,Apple SD Gothic Neo,"
            : "Noto Sans CJK JP,Hiragino Sans,Yu Gothic UI,Meiryo,";
    var family = "Noto Sans," + cjk + "Noto Sans Arabic,Noto Naskh Arabic,Noto Sans Hebrew,Segoe UI," +
                 "Symbola,Segoe UI Symbol,Apple Symbols,Noto Sans Symbols,Noto Sans Symbols2,DejaVu Sans,sans-serif";
    var font = weight + " " + em_px.toFixed(2) + "px " + family;
    var ctx = g.ctx;
    function draw(text) {
        ctx.font = font;
        var m = ctx.measureText(text);
        var left = Math.ceil(Math.max(0, m.actualBoundingBoxLeft || 0)) + 1;
        var right = Math.ceil(Math.max(0, m.actualBoundingBoxRight || 0)) + 1;
        var ascent = Math.ceil(Math.max(0, m.actualBoundingBoxAscent || 0)) + 1;
        var descent = Math.ceil(Math.max(0, m.actualBoundingBoxDescent || 0)) + 1;
        var w = left + right, h = ascent + descent;
        var r = {advance: m.width, left: -left, top: -ascent, w: w, h: h, data: null};
        if (m.width === 0 && (m.actualBoundingBoxRight || 0) - (m.actualBoundingBoxLeft || 0) <= 0) { r.w = 0; r.h = 0; return r; }
        if (g.canvas.width < w || g.canvas.height < h) { g.canvas.width = Math.max(g.canvas.width, w); g.canvas.height = Math.max(g.canvas.height, h); }
        ctx.font = font;  // resizing the canvas resets the context
        ctx.clearRect(0, 0, w, h);
        ctx.fillStyle = "#ffffff";
        ctx.textBaseline = "alphabetic";
        ctx.fillText(text, left, ascent);
        r.data = ctx.getImageData(0, 0, w, h).data;
        return r;
    }
    var key = font;
    if (!g.tofu[key]) g.tofu[key] = draw(String.fromCodePoint(0x10FFFD));
    var r = draw(String.fromCodePoint(cp));
    var tofu = 0;
    var box = g.tofu[key];
    if (r.data && box.data && r.w === box.w && r.h === box.h && Math.abs(r.advance - box.advance) < 0.01) {
        tofu = 1;
        for (var i = 3; i < r.data.length; i += 4) if (r.data[i] !== box.data[i]) { tofu = 0; break; }
    }
    if (r.data) {
        // Colour glyphs (emoji fonts) become monochrome: ImGui tints glyphs with the text colour,
        // so keep the shape as alpha, with light areas fainter than dark ones.
        var d = r.data;
        for (var j = 0; j < d.length; j += 4) {
            var a = d[j + 3];
            if (a === 0) continue;
            if (d[j] !== 255 || d[j + 1] !== 255 || d[j + 2] !== 255) {
                var lum = (0.2126 * d[j] + 0.7152 * d[j + 1] + 0.0722 * d[j + 2]) / 255;
                d[j + 3] = Math.round(a * (1 - 0.7 * lum));
                d[j] = d[j + 1] = d[j + 2] = 255;
            }
        }
    }
    g.last = r.data;
    HEAPF32[(metrics >> 2) + 0] = r.w;
    HEAPF32[(metrics >> 2) + 1] = r.h;
    HEAPF32[(metrics >> 2) + 2] = r.advance;
    HEAPF32[(metrics >> 2) + 3] = r.left;
    HEAPF32[(metrics >> 2) + 4] = r.top;
    HEAPF32[(metrics >> 2) + 5] = tofu;
    return r.data ? r.data.length : 0;
});

EM_JS(void, spoc_js_glyph_copy, (unsigned char* out), {
    var g = Module.spocGlyphs;
    if (g && g.last && out) HEAPU8.set(g.last, out);
    if (g) g.last = null;
});

namespace spoc::platform {
namespace {

bool DrawWithBrowser(std::uint32_t cp, float em_px, int weight, ui::glyphs::Raster* out) {
    float m[6] = {0, 0, 0, 0, 0, 0};
    const int bytes = spoc_js_glyph_draw(cp, em_px, weight, m);
    out->width = static_cast<int>(m[0]);
    out->height = static_cast<int>(m[1]);
    out->advance = m[2];
    out->left = m[3];
    out->top = m[4];
    out->tofu = m[5] != 0.0f;
    out->rgba.clear();
    if (bytes > 0 && bytes == out->width * out->height * 4) {
        out->rgba.resize(static_cast<size_t>(bytes));
        spoc_js_glyph_copy(out->rgba.data());
    } else {
        spoc_js_glyph_copy(nullptr);
        out->width = out->height = 0;
    }
    return true;
}

}  // namespace

void InstallBrowserGlyphs() {
    ui::glyphs::SetRasterizer(DrawWithBrowser);
    ui::glyphs::Install();
}

}  // namespace spoc::platform
