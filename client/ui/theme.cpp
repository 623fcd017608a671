// Theme (see theme.h): the light and dark palettes, font atlas construction and the ImGui style.
#include "client/ui/theme.h"

#include <cstring>

#include "client/ui/glyph_bank.h"

namespace spoc::ui {

namespace {
Fonts g_fonts;

// Text the employee may type or read: Latin, Greek, Cyrillic, punctuation, currency, letterlike.
const ImWchar kTextRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x0180, 0x024F, 0x0370, 0x03FF, 0x0400, 0x04FF,
                               0x2000, 0x206F, 0x20A0, 0x20CF, 0x2100, 0x214F, 0};
// Large headings: Latin and punctuation only (keeps the atlas small at 2x and 3x).
const ImWchar kHeadingRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2000, 0x206F, 0x20AC, 0x20AC, 0};
// The display size (kiosk tickets, pairing codes, the board): what those are made of.
const ImWchar kDisplayRanges[] = {0x0020, 0x0020, 0x002D, 0x002D, 0x0030, 0x0039, 0x0041, 0x005A, 0x0061, 0x007A, 0x2192, 0x2192, 0};
bool g_want_display = false;
bool g_display_tried = false;  // an atlas was built since it was wanted (with it, or without a font file for it)
// Merged from DejaVu Sans where Inter has no glyph: arrows, maths, shapes, symbols, dingbats.
const ImWchar kSymbolRanges[] = {0x0020, 0x00FF, 0x0100, 0x024F, 0x0370, 0x03FF, 0x0400, 0x04FF, 0x2000, 0x206F,
                                 0x2100, 0x214F, 0x2190, 0x21FF, 0x2200, 0x22FF, 0x2300, 0x23FF, 0x25A0, 0x25FF,
                                 0x2600, 0x26FF, 0x2700, 0x27BF, 0xFFFD, 0xFFFD, 0};

}  // namespace

const Fonts& GetFonts() { return g_fonts; }
void UseDisplayFont() { g_want_display = true; }
bool DisplayFontMissing() { return g_want_display && !g_display_tried; }

// ---- Palettes -------------------------------------------------------------------------------
// Light: the original look (Untitled UI greys, indigo accent), with text colours darkened where
// they missed WCAG AA on a tint. Dark: near-black page, slightly lighter surfaces, light grey
// text, the indigo lightened to read on dark, status tints as dark solids. Every text pair the UI
// draws is checked against 4.5:1 in both by tests/client/theme_test.cpp.
namespace {

constexpr ImU32 Hex(std::uint32_t rgb, int a = 255) {
    return color::Rgb(static_cast<int>((rgb >> 16) & 0xFF), static_cast<int>((rgb >> 8) & 0xFF),
                      static_cast<int>(rgb & 0xFF), a);
}

using color::Rgb;

constexpr Palette kLight{
    .page = Rgb(245, 246, 248),
    .surface = Rgb(255, 255, 255),
    .surface_hover = Rgb(249, 250, 251),
    .border = Rgb(228, 231, 236),
    .input_border = Rgb(208, 213, 221),
    .input_border_hover = Rgb(152, 162, 179),
    .text = Rgb(16, 24, 40),
    .text_secondary = Rgb(71, 84, 103),
    .text_muted = Rgb(98, 108, 128),    // was (102, 112, 133): 4.45:1 on accent_soft
    .placeholder = Rgb(108, 117, 136),  // was (152, 162, 179): 2.58:1 on surface
    .accent = Rgb(79, 70, 229),
    .accent_hover = Rgb(67, 56, 202),
    .accent_fill = Rgb(79, 70, 229),
    .accent_fill_hover = Rgb(67, 56, 202),
    .accent_fill_pressed = Rgb(55, 48, 163),
    .accent_fill_disabled = Rgb(199, 196, 245),
    .accent_soft = Rgb(238, 242, 255),
    .accent_border = Rgb(199, 210, 254),
    .accent_border_hover = Rgb(164, 188, 253),
    .accent_ring = Rgb(79, 70, 229, 60),
    .hero_tint = Rgb(245, 243, 255),
    .on_accent = Rgb(255, 255, 255),
    .danger = Rgb(204, 41, 30),  // was (217, 45, 32): 4.44:1 on danger_soft
    .danger_fill = Rgb(204, 41, 30),
    .danger_fill_hover = Rgb(180, 35, 24),
    .danger_soft = Rgb(254, 243, 242),
    .danger_border = Rgb(253, 162, 155),
    .danger_strong = Rgb(145, 32, 24),
    .success = Rgb(6, 118, 71),
    .success_soft = Rgb(236, 253, 243),
    .success_border = Rgb(117, 224, 167),
    .success_strong = Rgb(5, 96, 58),
    .warning = Rgb(181, 71, 8),
    .warning_soft = Rgb(255, 250, 235),
    .warning_border = Rgb(254, 200, 75),
    .warning_strong = Rgb(122, 46, 14),
    .info = Rgb(23, 92, 211),
    .info_soft = Rgb(239, 248, 255),
    .info_border = Rgb(178, 221, 255),
    .info_strong = Rgb(24, 73, 169),
    .progress = Rgb(105, 65, 198),
    .progress_soft = Rgb(244, 243, 255),
    .muted_soft = Rgb(242, 244, 247),
    .skeleton = Rgb(234, 236, 240),
    .shadow = Rgb(16, 24, 40, 0),
    .scrim = Rgb(16, 24, 40, 90),
    .selection = Rgb(79, 70, 229, 70),
    .toast = Rgb(16, 24, 40),
    .toast_error = Rgb(145, 32, 24),
    .toast_text = Rgb(255, 255, 255),
    .toast_dot = Rgb(117, 224, 167),
    .toast_error_dot = Rgb(253, 162, 155),
    .dept_it = Rgb(18, 102, 224),  // was (21, 112, 239): 4.25:1 on its tint
    .dept_it_soft = Rgb(239, 248, 255),
    .dept_hr = Rgb(204, 30, 132),  // was (221, 37, 144): 4.06:1
    .dept_hr_soft = Rgb(253, 242, 250),
    .dept_facilities = Rgb(12, 122, 110),  // was (14, 147, 132): 3.64:1
    .dept_facilities_soft = Rgb(240, 253, 249),
};

constexpr Palette kDark{
    .page = Hex(0x0F1115),
    .surface = Hex(0x171A21),
    .surface_hover = Hex(0x1E222B),
    .border = Hex(0x2A2F3A),
    .input_border = Hex(0x3B4250),
    .input_border_hover = Hex(0x5B6475),
    .text = Hex(0xE6E8EC),
    .text_secondary = Hex(0xB4BAC5),
    .text_muted = Hex(0x9099A8),
    .placeholder = Hex(0x858D9C),
    .accent = Hex(0x8F98FA),
    .accent_hover = Hex(0xAAB2FC),
    .accent_fill = Hex(0x5B5FE0),
    .accent_fill_hover = Hex(0x6064E7),
    .accent_fill_pressed = Hex(0x4C4FCF),
    .accent_fill_disabled = Hex(0x33365F),
    .accent_soft = Hex(0x1F2245),
    .accent_border = Hex(0x353A7A),
    .accent_border_hover = Hex(0x4D55A8),
    .accent_ring = Hex(0x8F98FA, 80),
    .hero_tint = Hex(0x221D42),
    .on_accent = Hex(0xFFFFFF),
    .danger = Hex(0xF87171),
    .danger_fill = Hex(0xC93A30),
    .danger_fill_hover = Hex(0xB3322A),
    .danger_soft = Hex(0x2E1618),
    .danger_border = Hex(0x7A2E2B),
    .danger_strong = Hex(0xFCA5A5),
    .success = Hex(0x4CC38A),
    .success_soft = Hex(0x112A1E),
    .success_border = Hex(0x23593E),
    .success_strong = Hex(0x8EE0B4),
    .warning = Hex(0xE3A44A),
    .warning_soft = Hex(0x2C2212),
    .warning_border = Hex(0x6B4F1C),
    .warning_strong = Hex(0xF5CD80),
    .info = Hex(0x6CB0FF),
    .info_soft = Hex(0x112338),
    .info_border = Hex(0x224A78),
    .info_strong = Hex(0xA8CFFF),
    .progress = Hex(0xB597F5),
    .progress_soft = Hex(0x251D40),
    .muted_soft = Hex(0x252A33),
    .skeleton = Hex(0x262B35),
    .shadow = Hex(0x000000, 0),
    .scrim = Hex(0x000000, 150),
    .selection = Hex(0x8F98FA, 80),
    .toast = Hex(0x2C313C),
    .toast_error = Hex(0x7A1F1A),
    .toast_text = Hex(0xF3F4F6),
    .toast_dot = Hex(0x4CC38A),
    .toast_error_dot = Hex(0xFCA5A5),
    .dept_it = Hex(0x6AA8FF),
    .dept_it_soft = Hex(0x13243D),
    .dept_hr = Hex(0xF47AB8),
    .dept_hr_soft = Hex(0x361727),
    .dept_facilities = Hex(0x3CC9B4),
    .dept_facilities_soft = Hex(0x0F2D2A),
};

ColorScheme g_scheme = ColorScheme::light;

}  // namespace

namespace detail {
Palette g_palette = kLight;  // constant-initialized: the light palette before anything runs
}

const Palette& LightPalette() { return kLight; }
const Palette& DarkPalette() { return kDark; }
const Palette& PaletteFor(ColorScheme scheme) { return scheme == ColorScheme::dark ? kDark : kLight; }

void SetColorScheme(ColorScheme scheme) {
    g_scheme = scheme;
    detail::g_palette = PaletteFor(scheme);
    if (ImGui::GetCurrentContext() != nullptr) ApplyThemeColors(&ImGui::GetStyle());
}

ColorScheme CurrentColorScheme() { return g_scheme; }

ImU32 DepartmentColor(const char* d) {
    const Palette& p = detail::g_palette;
    if (std::strcmp(d, "IT") == 0) return p.dept_it;
    if (std::strcmp(d, "HR") == 0) return p.dept_hr;
    if (std::strcmp(d, "Facilities") == 0) return p.dept_facilities;
    return p.text_muted;
}

ImU32 DepartmentSoftColor(const char* d) {
    const Palette& p = detail::g_palette;
    if (std::strcmp(d, "IT") == 0) return p.dept_it_soft;
    if (std::strcmp(d, "HR") == 0) return p.dept_hr_soft;
    if (std::strcmp(d, "Facilities") == 0) return p.dept_facilities_soft;
    return p.muted_soft;
}

bool BuildFonts(const FontFiles& files, float ratio) {
    if (ratio < 1.0f) ratio = 1.0f;
    if (ratio > 4.0f) ratio = 4.0f;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const std::vector<std::uint8_t>& regular = files.regular.empty() ? files.fallback : files.regular;
    const std::vector<std::uint8_t>& semibold = files.semibold.empty() ? regular : files.semibold;

    auto add = [&](const std::vector<std::uint8_t>& data, float px, const ImWchar* ranges, bool merge_symbols) -> ImFont* {
        ImFontConfig cfg;
        cfg.SizePixels = px * ratio;
        if (data.empty()) return io.Fonts->AddFontDefault(&cfg);  // headless tests without font files
        cfg.FontDataOwnedByAtlas = false;                          // FontFiles outlive the atlas
        cfg.OversampleH = ratio >= 2.0f ? 1 : 2;
        cfg.OversampleV = 1;
        ImFont* font = io.Fonts->AddFontFromMemoryTTF(const_cast<std::uint8_t*>(data.data()), static_cast<int>(data.size()),
                                                      px * ratio, &cfg, ranges);
        if (font != nullptr && merge_symbols && !files.fallback.empty() && &data != &files.fallback) {
            ImFontConfig merge = cfg;
            merge.MergeMode = true;
            io.Fonts->AddFontFromMemoryTTF(const_cast<std::uint8_t*>(files.fallback.data()),
                                           static_cast<int>(files.fallback.size()), px * ratio, &merge, kSymbolRanges);
        }
        return font;
    };

    g_fonts.body = add(regular, 15.0f, kTextRanges, true);
    g_fonts.body_semibold = add(semibold, 15.0f, kTextRanges, true);
    g_fonts.small = add(regular, 13.0f, kTextRanges, true);
    g_fonts.small_semibold = add(semibold, 13.0f, kTextRanges, true);
    g_fonts.h3 = add(semibold, 17.0f, kTextRanges, true);
    g_fonts.h2 = add(semibold, 21.0f, kTextRanges, true);
    g_fonts.h1 = add(semibold, 30.0f, kHeadingRanges, false);
    g_fonts.display = g_want_display && !semibold.empty() ? add(semibold, 96.0f, kDisplayRanges, false) : nullptr;
    g_display_tried = g_want_display;
    if (!g_fonts.body || !g_fonts.body_semibold || !g_fonts.small || !g_fonts.small_semibold || !g_fonts.h3 ||
        !g_fonts.h2 || !g_fonts.h1)
        return false;
    io.FontDefault = g_fonts.body;
    io.FontGlobalScale = 1.0f / ratio;
    // Characters beyond these ranges (CJK, Arabic, emoji, ...) are drawn by the platform on demand.
    const float em = ratio * glyphs::EmPerPixelHeight(regular);
    glyphs::AddToAtlas(io.Fonts, {{g_fonts.body, 15.0f * em, 400},
                                  {g_fonts.body_semibold, 15.0f * em, 600},
                                  {g_fonts.small, 13.0f * em, 400},
                                  {g_fonts.small_semibold, 13.0f * em, 600},
                                  {g_fonts.h3, 17.0f * em, 600},
                                  {g_fonts.h2, 21.0f * em, 600},
                                  {g_fonts.h1, 30.0f * em, 600}});
    if (!io.Fonts->Build()) return false;
    glyphs::FinishAtlas(io.Fonts);
    return true;
}

void ApplyTouchStyle(ImGuiStyle* style) {
    style->ScrollbarSize = 4;
    style->ScrollbarRounding = 2;
    style->GrabMinSize = 32;
}

void ApplyTheme(ImGuiStyle* style) {
    ImGuiStyle& s = *style;
    s = ImGuiStyle();
    s.WindowPadding = ImVec2(0, 0);
    s.WindowRounding = 0;
    s.WindowBorderSize = 0;
    s.ChildRounding = 0;
    s.ChildBorderSize = 0;
    s.PopupRounding = 8;
    s.PopupBorderSize = 1;
    s.FramePadding = ImVec2(12, 9);
    s.FrameRounding = 8;
    s.FrameBorderSize = 1;
    s.ItemSpacing = ImVec2(10, 10);
    s.ItemInnerSpacing = ImVec2(8, 6);
    s.CellPadding = ImVec2(12, 0);
    s.IndentSpacing = 20;
    s.ScrollbarSize = 12;
    s.ScrollbarRounding = 8;
    s.GrabMinSize = 24;
    s.GrabRounding = 8;
    s.TabRounding = 6;
    s.SelectableTextAlign = ImVec2(0, 0.5f);
    s.ButtonTextAlign = ImVec2(0.5f, 0.5f);
    s.WindowMinSize = ImVec2(1, 1);
    s.DisplaySafeAreaPadding = ImVec2(0, 0);
    s.AntiAliasedFill = true;
    s.AntiAliasedLines = true;

    ApplyThemeColors(style);
}

void ApplyThemeColors(ImGuiStyle* style) {
    auto c = [](ImU32 u) { return ImGui::ColorConvertU32ToFloat4(u); };
    ImVec4* col = style->Colors;
    col[ImGuiCol_Text] = c(color::kText);
    col[ImGuiCol_TextDisabled] = c(color::kPlaceholder);
    col[ImGuiCol_WindowBg] = c(color::kPage);
    col[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    col[ImGuiCol_PopupBg] = c(color::kSurface);
    col[ImGuiCol_Border] = c(color::kInputBorder);
    col[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    col[ImGuiCol_FrameBg] = c(color::kSurface);
    col[ImGuiCol_FrameBgHovered] = c(color::kSurface);
    col[ImGuiCol_FrameBgActive] = c(color::kSurface);
    col[ImGuiCol_TitleBg] = c(color::kSurface);
    col[ImGuiCol_TitleBgActive] = c(color::kSurface);
    col[ImGuiCol_MenuBarBg] = c(color::kSurface);
    col[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    col[ImGuiCol_ScrollbarGrab] = c(color::kInputBorder);
    col[ImGuiCol_ScrollbarGrabHovered] = c(color::kInputBorderHover);
    col[ImGuiCol_ScrollbarGrabActive] = c(color::kTextMuted);
    col[ImGuiCol_CheckMark] = c(color::kAccent);
    col[ImGuiCol_SliderGrab] = c(color::kAccent);
    col[ImGuiCol_SliderGrabActive] = c(color::kAccentHover);
    col[ImGuiCol_Button] = c(color::kSurface);
    col[ImGuiCol_ButtonHovered] = c(color::kSurfaceHover);
    col[ImGuiCol_ButtonActive] = c(color::kMutedSoft);
    col[ImGuiCol_Header] = c(color::kAccentSoft);
    col[ImGuiCol_HeaderHovered] = c(color::kSurfaceHover);
    col[ImGuiCol_HeaderActive] = c(color::kAccentSoft);
    col[ImGuiCol_Separator] = c(color::kBorder);
    col[ImGuiCol_SeparatorHovered] = c(color::kBorder);
    col[ImGuiCol_SeparatorActive] = c(color::kBorder);
    col[ImGuiCol_ResizeGrip] = ImVec4(0, 0, 0, 0);
    col[ImGuiCol_ResizeGripHovered] = ImVec4(0, 0, 0, 0);
    col[ImGuiCol_ResizeGripActive] = ImVec4(0, 0, 0, 0);
    col[ImGuiCol_TableHeaderBg] = c(color::kSurfaceHover);
    col[ImGuiCol_TableBorderStrong] = c(color::kBorder);
    col[ImGuiCol_TableBorderLight] = c(color::kBorder);
    col[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
    col[ImGuiCol_TableRowBgAlt] = ImVec4(0, 0, 0, 0);
    col[ImGuiCol_TextSelectedBg] = c(color::kSelection);
    col[ImGuiCol_NavHighlight] = c(color::kAccent);
    col[ImGuiCol_NavWindowingHighlight] = c(color::kAccent);
    col[ImGuiCol_NavWindowingDimBg] = ImVec4(0, 0, 0, 0.2f);
    col[ImGuiCol_ModalWindowDimBg] = c(color::kScrim);
    col[ImGuiCol_DragDropTarget] = c(color::kAccent);
    col[ImGuiCol_PlotHistogram] = c(color::kAccent);
}

}  // namespace spoc::ui
