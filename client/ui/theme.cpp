// Theme (see theme.h): palette helpers, font atlas construction and the ImGui style.
#include "client/ui/theme.h"

#include <cstring>

namespace spoc::ui {

namespace {
Fonts g_fonts;

// Text the employee may type or read: Latin, Greek, Cyrillic, punctuation, currency, letterlike.
const ImWchar kTextRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x0180, 0x024F, 0x0370, 0x03FF, 0x0400, 0x04FF,
                               0x2000, 0x206F, 0x20A0, 0x20CF, 0x2100, 0x214F, 0};
// Large headings: Latin and punctuation only (keeps the atlas small at 2x and 3x).
const ImWchar kHeadingRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2000, 0x206F, 0x20AC, 0x20AC, 0};
// Merged from DejaVu Sans where Inter has no glyph: arrows, maths, shapes, symbols, dingbats.
const ImWchar kSymbolRanges[] = {0x0020, 0x00FF, 0x0100, 0x024F, 0x0370, 0x03FF, 0x0400, 0x04FF, 0x2000, 0x206F,
                                 0x2100, 0x214F, 0x2190, 0x21FF, 0x2200, 0x22FF, 0x2300, 0x23FF, 0x25A0, 0x25FF,
                                 0x2600, 0x26FF, 0x2700, 0x27BF, 0xFFFD, 0xFFFD, 0};

}  // namespace

const Fonts& GetFonts() { return g_fonts; }

ImU32 DepartmentColor(const char* d) {
    if (std::strcmp(d, "IT") == 0) return color::Rgb(21, 112, 239);
    if (std::strcmp(d, "HR") == 0) return color::Rgb(221, 37, 144);
    if (std::strcmp(d, "Facilities") == 0) return color::Rgb(14, 147, 132);
    return color::Rgb(102, 112, 133);
}

ImU32 DepartmentSoftColor(const char* d) {
    if (std::strcmp(d, "IT") == 0) return color::Rgb(239, 248, 255);
    if (std::strcmp(d, "HR") == 0) return color::Rgb(253, 242, 250);
    if (std::strcmp(d, "Facilities") == 0) return color::Rgb(240, 253, 249);
    return color::kMutedSoft;
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
    if (!g_fonts.body || !g_fonts.body_semibold || !g_fonts.small || !g_fonts.small_semibold || !g_fonts.h3 ||
        !g_fonts.h2 || !g_fonts.h1)
        return false;
    io.FontDefault = g_fonts.body;
    io.FontGlobalScale = 1.0f / ratio;
    return io.Fonts->Build();
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

    auto c = [](ImU32 u) { return ImGui::ColorConvertU32ToFloat4(u); };
    ImVec4* col = s.Colors;
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
    col[ImGuiCol_ScrollbarGrab] = c(color::Rgb(208, 213, 221));
    col[ImGuiCol_ScrollbarGrabHovered] = c(color::Rgb(152, 162, 179));
    col[ImGuiCol_ScrollbarGrabActive] = c(color::Rgb(102, 112, 133));
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
    col[ImGuiCol_TextSelectedBg] = c(color::Rgb(79, 70, 229, 70));
    col[ImGuiCol_NavHighlight] = c(color::kAccent);
    col[ImGuiCol_NavWindowingHighlight] = c(color::kAccent);
    col[ImGuiCol_NavWindowingDimBg] = ImVec4(0, 0, 0, 0.2f);
    col[ImGuiCol_ModalWindowDimBg] = ImVec4(0.06f, 0.09f, 0.16f, 0.35f);
    col[ImGuiCol_DragDropTarget] = c(color::kAccent);
    col[ImGuiCol_PlotHistogram] = c(color::kAccent);
}

}  // namespace spoc::ui
