// Glyphs on demand and bidi lines (see glyph_bank.h). Index:
//   [SECTION] State
//   [SECTION] Scanning drawn text
//   [SECTION] Drawing right-to-left lines
//   [SECTION] Atlas
//   [SECTION] Stats
#include "client/ui/glyph_bank.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <map>
#include <set>
#include <string_view>
#include <utility>

#include "client/ui/mirror.h"
#include "client/ui/render_text_hook.h"
#include "imgui_internal.h"
#include "shared/domain/bidi.h"

namespace spoc::ui::glyphs {
namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] State
// ---------------------------------------------------------------------------------------------
constexpr int kMaxFaces = 16;

struct RasterKey {
    std::uint32_t cp;
    int em_centi;  // em size in 1/100 device px
    int weight;
    bool operator<(const RasterKey& o) const {
        return cp != o.cp ? cp < o.cp : em_centi != o.em_centi ? em_centi < o.em_centi : weight < o.weight;
    }
};

struct AddedGlyph {
    int rect_id = -1;
    int face = 0;
    std::uint32_t cp = 0;
    const Raster* raster = nullptr;
};

struct Bank {
    Rasterizer rasterizer = nullptr;
    std::vector<Face> faces;                          // faces of the current atlas, BuildFonts order
    std::set<std::uint32_t> wanted[kMaxFaces];        // code points each face needs beyond its TTF
    std::set<std::pair<int, std::uint32_t>> pending;  // noticed since the last build
    std::map<RasterKey, Raster> rasters;              // cache: a rebuild at the same size redraws nothing
    std::vector<AddedGlyph> added;                    // custom rects of the current atlas
    std::set<std::uint32_t> tofu;                     // code points the platform has no font for
    int rebuilds = 0;
    bool logical = false;  // LogicalOrderScope
    bool busy = false;     // inside our own RenderText call for a visual line
    // Last frame / this frame.
    std::set<std::uint32_t> missing_now, missing_last, tofu_now, tofu_last;
    int rtl_lines_now = 0, rtl_lines_last = 0;
    bool check_clip = false;                          // SetClipCheck
    std::vector<std::string> clipped_now, clipped_last;  // JSON objects: text cut off by its clip rect
};

Bank& B() {
    static Bank bank;
    return bank;
}

int FaceIndex(const ImFont* font) {
    const Bank& b = B();
    for (size_t i = 0; i < b.faces.size(); ++i)
        if (b.faces[i].font == font) return static_cast<int>(i);
    return -1;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Scanning drawn text
// ---------------------------------------------------------------------------------------------
bool IsRtl(std::uint32_t cp) {
    return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF) ||
           (cp >= 0x10800 && cp <= 0x10FFF) || (cp >= 0x1E800 && cp <= 0x1EFFF);
}

// Notes every character the face has no glyph for; returns whether the text has RTL characters.
bool Scan(const ImFont* font, const char* s, const char* e) {
    Bank& b = B();
    bool rtl = false;
    int face = -2;
    while (s < e) {
        const unsigned char lead = static_cast<unsigned char>(*s);
        if (lead < 0x80) {
            ++s;
            continue;
        }
        unsigned int c = 0;
        s += ImTextCharFromUtf8(&c, s, e);
        if (IsRtl(c)) rtl = true;
        if (!b.tofu.empty() && b.tofu.count(c)) b.tofu_now.insert(c);
        if (font->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr) continue;
        b.missing_now.insert(c);
        if (face == -2) face = FaceIndex(font);
        if (face >= 0 && b.rasterizer != nullptr && !b.wanted[face].count(c)) b.pending.insert({face, c});
    }
    return rtl;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Drawing right-to-left lines
// ---------------------------------------------------------------------------------------------
// Direction of the paragraph starting at s (UBA P2/P3: its first strong character).
int ParagraphDirectionAt(const char* s, const char* e) {
    const char* nl = static_cast<const char*>(std::memchr(s, '\n', static_cast<size_t>(e - s)));
    return ParagraphDirection(std::string_view(s, static_cast<size_t>((nl != nullptr ? nl : e) - s)));
}

const char* NextCodePoint(const char* s, const char* e) {
    unsigned int c = 0;
    return s + ImTextCharFromUtf8(&c, s, e);
}

// Mirrors ImFont::RenderText's line breaking ('\n' and word wrap), then draws each line in visual
// order; lines of a right-to-left paragraph are right-aligned when there is a wrap width.
void DrawVisualLines(const ImFont* font, ImDrawList* dl, float size, const ImVec2& pos, ImU32 col, const ImVec4& clip,
                     const char* begin, const char* end, float wrap, bool fine) {
    Bank& b = B();
    const float scale = size / font->FontSize;
    const float line_h = font->FontSize * scale;
    float y = pos.y;
    const char* s = begin;
    int direction = ParagraphDirectionAt(s, end);
    while (s < end && y <= clip.w) {
        const char* nl = static_cast<const char*>(std::memchr(s, '\n', static_cast<size_t>(end - s)));
        const char* line_end = nl != nullptr ? nl : end;
        const char* eol = line_end;
        if (wrap > 0.0f && s < line_end) {
            eol = font->CalcWordWrapPositionA(scale, s, line_end, wrap);
            if (eol <= s) eol = NextCodePoint(s, line_end);
        }
        if (y + line_h >= clip.y && eol > s) {
            std::string visual = VisualLine(std::string_view(s, static_cast<size_t>(eol - s)), direction);
            float x = pos.x;
            // Lines align to their paragraph's start side (a right-to-left one's lines to the right).
            // A mirrored UI flips the frame afterwards, so there the opposite side is drawn here.
            if ((direction == kBidiRtl) != TextNeedsMirror() && wrap > 0.0f) {
                while (!visual.empty() && visual.back() == ' ') visual.pop_back();
                const float w = font->CalcTextSizeA(size, FLT_MAX, 0.0f, visual.data(), visual.data() + visual.size()).x;
                x = std::max(pos.x, pos.x + wrap - w);
            }
            font->RenderText(dl, size, ImVec2(x, y), col, clip, visual.data(), visual.data() + visual.size(), 0.0f, fine);
            ++b.rtl_lines_now;
        }
        y += line_h;
        if (eol >= line_end) {
            if (nl == nullptr) break;
            s = nl + 1;
            direction = ParagraphDirectionAt(s, end);
        } else {
            s = eol;
            while (s < line_end && (*s == ' ' || *s == '\t')) ++s;
        }
    }
}

// Tests: a line of text that starts inside its clip rectangle but runs past its right edge is
// cut off for the reader (a German label too long for its button). Wrapped text cannot be.
void NoteClipped(const ImFont* font, float size, const ImVec2& pos, const ImVec4& clip, const char* begin, const char* end) {
    if (pos.x >= clip.z - 1.0f || pos.y >= clip.w || pos.y + size <= clip.y) return;
    const float w = font->CalcTextSizeA(size, FLT_MAX, 0.0f, begin, end).x;
    if (pos.x + w <= clip.z + 1.0f) return;
    std::string json = "{\"text\":\"";
    for (const char* c = begin; c < end && json.size() < 120; ++c) {
        if (*c == '"' || *c == '\\') json.push_back('\\');
        json.push_back(static_cast<unsigned char>(*c) < 0x20 ? ' ' : *c);
    }
    char buf[96];
    std::snprintf(buf, sizeof buf, "\",\"x\":%.0f,\"y\":%.0f,\"over\":%.0f}", pos.x, pos.y, pos.x + w - clip.z);
    json += buf;
    B().clipped_now.push_back(std::move(json));
}

bool RenderTextHook(const ImFont* font, ImDrawList* dl, float size, const ImVec2& pos, ImU32 col, const ImVec4& clip,
                    const char* begin, const char* end, float wrap, bool fine) {
    Bank& b = B();
    if (b.check_clip && !b.busy && wrap <= 0.0f) NoteClipped(font, size, pos, clip, begin, end);
    const bool rtl = Scan(font, begin, end);
    if (b.busy) return false;
    const bool reorder = rtl && !b.logical;
    const bool mirror = TextNeedsMirror();  // right-to-left UI: each line is mirrored in place (mirror.h)
    if (!reorder && !mirror) return false;
    b.busy = true;
    const int vtx0 = dl->VtxBuffer.Size;
    if (reorder) DrawVisualLines(font, dl, size, pos, col, clip, begin, end, wrap, fine);
    else font->RenderText(dl, size, pos, col, clip, begin, end, wrap, fine);
    if (mirror) MirrorLines(dl, vtx0, pos.y, size);
    b.busy = false;
    return true;
}

std::uint16_t U16(const std::uint8_t* p) { return static_cast<std::uint16_t>((p[0] << 8) | p[1]); }
std::uint32_t U32(const std::uint8_t* p) {
    return (static_cast<std::uint32_t>(p[0]) << 24) | (static_cast<std::uint32_t>(p[1]) << 16) |
           (static_cast<std::uint32_t>(p[2]) << 8) | p[3];
}

}  // namespace

void SetRasterizer(Rasterizer rasterizer) { B().rasterizer = rasterizer; }

void Install() { GSpocRenderTextHook = RenderTextHook; }

LogicalOrderScope::LogicalOrderScope() : saved_(B().logical) { B().logical = true; }
LogicalOrderScope::~LogicalOrderScope() { B().logical = saved_; }

// ---------------------------------------------------------------------------------------------
// [SECTION] Atlas
// ---------------------------------------------------------------------------------------------
float EmPerPixelHeight(const std::vector<std::uint8_t>& f) {
    constexpr float kDefault = 0.83f;
    if (f.size() < 12) return kDefault;
    const size_t tables = U16(f.data() + 4);
    std::uint32_t head = 0, hhea = 0;
    for (size_t i = 0; i < tables && 12 + i * 16 + 16 <= f.size(); ++i) {
        const std::uint8_t* rec = f.data() + 12 + i * 16;
        if (std::memcmp(rec, "head", 4) == 0) head = U32(rec + 8);
        if (std::memcmp(rec, "hhea", 4) == 0) hhea = U32(rec + 8);
    }
    if (head == 0 || hhea == 0 || head + 20 > f.size() || hhea + 8 > f.size()) return kDefault;
    const float units_per_em = U16(f.data() + head + 18);
    const float ascent = static_cast<std::int16_t>(U16(f.data() + hhea + 4));
    const float descent = static_cast<std::int16_t>(U16(f.data() + hhea + 6));
    if (units_per_em <= 0 || ascent - descent <= 0) return kDefault;
    return units_per_em / (ascent - descent);
}

void AddToAtlas(ImFontAtlas* atlas, const std::vector<Face>& faces) {
    Bank& b = B();
    b.faces.assign(faces.begin(), faces.begin() + std::min<size_t>(faces.size(), kMaxFaces));
    b.added.clear();
    if (!b.pending.empty()) ++b.rebuilds;
    for (const auto& [face, cp] : b.pending)
        if (face < static_cast<int>(b.faces.size())) b.wanted[face].insert(cp);
    b.pending.clear();
    if (b.rasterizer == nullptr) return;
    for (size_t f = 0; f < b.faces.size(); ++f) {
        const Face& face = b.faces[f];
        if (face.font == nullptr) continue;
        for (std::uint32_t cp : b.wanted[f]) {
            const RasterKey key{cp, static_cast<int>(std::lround(face.em_px * 100)), face.weight};
            auto it = b.rasters.find(key);
            if (it == b.rasters.end()) {
                Raster r;
                if (!b.rasterizer(cp, face.em_px, face.weight, &r)) r = Raster{};
                if (r.tofu) b.tofu.insert(cp);
                it = b.rasters.emplace(key, std::move(r)).first;
            }
            const Raster& r = it->second;
            const bool empty = r.width <= 0 || r.height <= 0 || r.rgba.size() < static_cast<size_t>(r.width * r.height * 4);
            AddedGlyph g;
            g.face = static_cast<int>(f);
            g.cp = cp;
            g.raster = empty ? nullptr : &r;
            g.rect_id = atlas->AddCustomRectFontGlyph(face.font, static_cast<ImWchar>(cp), empty ? 1 : r.width,
                                                       empty ? 1 : r.height, r.advance, ImVec2(r.left, r.top));
            b.added.push_back(g);
        }
    }
}

void FinishAtlas(ImFontAtlas* atlas) {
    Bank& b = B();
    if (b.added.empty()) return;
    unsigned char* pixels = nullptr;
    int tex_w = 0, tex_h = 0;
    atlas->GetTexDataAsRGBA32(&pixels, &tex_w, &tex_h);
    if (pixels == nullptr) return;
    for (const AddedGlyph& g : b.added) {
        const ImFontAtlasCustomRect* rect = atlas->GetCustomRectByIndex(g.rect_id);
        if (rect == nullptr || !rect->IsPacked()) continue;
        ImFont* font = b.faces[static_cast<size_t>(g.face)].font;
        // Our offsets are from the baseline; ImGui's glyph boxes are from the top of the line.
        if (auto* glyph = const_cast<ImFontGlyph*>(font->FindGlyphNoFallback(static_cast<ImWchar>(g.cp)))) {
            const float baseline = std::round(font->Ascent);
            glyph->Y0 += baseline;
            glyph->Y1 += baseline;
        }
        if (g.raster == nullptr) continue;  // zero-width or blank: a transparent 1x1 box
        const Raster& r = *g.raster;
        for (int row = 0; row < r.height && rect->Y + row < tex_h; ++row) {
            unsigned char* dst = pixels + (static_cast<size_t>(rect->Y + row) * tex_w + rect->X) * 4;
            const std::uint8_t* src = r.rgba.data() + static_cast<size_t>(row) * r.width * 4;
            std::memcpy(dst, src, static_cast<size_t>(std::min(r.width, tex_w - rect->X)) * 4);
        }
    }
}

bool NeedsRebuild() { return !B().pending.empty(); }

// ---------------------------------------------------------------------------------------------
// [SECTION] Stats
// ---------------------------------------------------------------------------------------------
void BeginFrame() {
    Bank& b = B();
    b.missing_last.swap(b.missing_now);
    b.missing_now.clear();
    b.tofu_last.swap(b.tofu_now);
    b.tofu_now.clear();
    b.rtl_lines_last = b.rtl_lines_now;
    b.rtl_lines_now = 0;
    b.clipped_last.swap(b.clipped_now);
    b.clipped_now.clear();
}

void SetClipCheck(bool on) { B().check_clip = on; }

Stats GetStats() {
    const Bank& b = B();
    Stats s;
    s.dynamic_glyphs = static_cast<int>(b.added.size());
    s.rebuilds = b.rebuilds;
    s.missing.assign(b.missing_last.begin(), b.missing_last.end());
    s.tofu.assign(b.tofu_last.begin(), b.tofu_last.end());
    s.rtl_lines = b.rtl_lines_last;
    return s;
}

std::string StatsJson() {
    const Stats s = GetStats();
    auto list = [](const std::vector<std::uint32_t>& cps) {
        std::string out = "[";
        char buf[16];
        for (size_t i = 0; i < cps.size() && i < 64; ++i) {
            std::snprintf(buf, sizeof buf, "%s\"%x\"", i ? "," : "", cps[i]);
            out += buf;
        }
        return out + "]";
    };
    std::string clipped;
    for (const std::string& c : B().clipped_last) clipped += (clipped.empty() ? "" : ",") + c;
    return "{\"dynamic\":" + std::to_string(s.dynamic_glyphs) + ",\"rebuilds\":" + std::to_string(s.rebuilds) +
           ",\"missing\":" + list(s.missing) + ",\"tofu\":" + list(s.tofu) + ",\"rtl_lines\":" + std::to_string(s.rtl_lines) +
           ",\"clipped\":[" + clipped + "]}";
}

}  // namespace spoc::ui::glyphs
