// Spoc's look: one light palette with a single accent, the font set (Inter, DejaVu Sans merged in
// for symbols and as the fallback), and the ImGui style built from them. All sizes are CSS pixels;
// fonts are rasterized at the device pixel ratio and scaled back with FontGlobalScale.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "imgui.h"

namespace spoc::ui {

// ---- Palette --------------------------------------------------------------------------------
namespace color {
inline constexpr ImU32 Rgb(int r, int g, int b, int a = 255) { return IM_COL32(r, g, b, a); }
inline constexpr ImU32 kPage = Rgb(245, 246, 248);        // page background
inline constexpr ImU32 kSurface = Rgb(255, 255, 255);     // cards, top bar, inputs
inline constexpr ImU32 kSurfaceHover = Rgb(249, 250, 251);
inline constexpr ImU32 kBorder = Rgb(228, 231, 236);      // card borders, dividers
inline constexpr ImU32 kInputBorder = Rgb(208, 213, 221);
inline constexpr ImU32 kText = Rgb(16, 24, 40);           // primary text
inline constexpr ImU32 kTextSecondary = Rgb(71, 84, 103);
inline constexpr ImU32 kTextMuted = Rgb(102, 112, 133);
inline constexpr ImU32 kPlaceholder = Rgb(152, 162, 179);
inline constexpr ImU32 kAccent = Rgb(79, 70, 229);        // indigo: links, primary buttons, focus
inline constexpr ImU32 kAccentHover = Rgb(67, 56, 202);
inline constexpr ImU32 kAccentPressed = Rgb(55, 48, 163);
inline constexpr ImU32 kAccentSoft = Rgb(238, 242, 255);  // tints: selected tab, hero band
inline constexpr ImU32 kAccentRing = Rgb(79, 70, 229, 60);
inline constexpr ImU32 kDanger = Rgb(217, 45, 32);
inline constexpr ImU32 kDangerSoft = Rgb(254, 243, 242);
inline constexpr ImU32 kDangerBorder = Rgb(253, 162, 155);
inline constexpr ImU32 kSuccess = Rgb(6, 118, 71);
inline constexpr ImU32 kSuccessSoft = Rgb(236, 253, 243);
inline constexpr ImU32 kWarning = Rgb(181, 71, 8);
inline constexpr ImU32 kWarningSoft = Rgb(255, 250, 235);
inline constexpr ImU32 kWarningBorder = Rgb(254, 200, 75);
inline constexpr ImU32 kInfo = Rgb(23, 92, 211);
inline constexpr ImU32 kInfoSoft = Rgb(239, 248, 255);
inline constexpr ImU32 kProgress = Rgb(105, 65, 198);
inline constexpr ImU32 kProgressSoft = Rgb(244, 243, 255);
inline constexpr ImU32 kMutedSoft = Rgb(242, 244, 247);
inline constexpr ImU32 kSkeleton = Rgb(234, 236, 240);
}  // namespace color

ImU32 DepartmentColor(const char* department);     // monogram tint per department
ImU32 DepartmentSoftColor(const char* department);

// ---- Fonts ----------------------------------------------------------------------------------
struct Fonts {
    ImFont* body = nullptr;            // 15 px regular
    ImFont* body_semibold = nullptr;   // 15 px semibold
    ImFont* small = nullptr;           // 13 px regular
    ImFont* small_semibold = nullptr;  // 13 px semibold (labels, badges)
    ImFont* h3 = nullptr;              // 17 px semibold (card titles)
    ImFont* h2 = nullptr;              // 21 px semibold (section and request titles)
    ImFont* h1 = nullptr;              // 30 px semibold (page titles, greeting)
};
const Fonts& GetFonts();

// Font files as fetched by the platform. Any may be empty; DejaVu Sans stands in for a missing
// Inter, and ImGui's built-in font is used only when nothing was given (headless tests).
struct FontFiles {
    std::vector<std::uint8_t> regular;   // Inter-Regular.otf
    std::vector<std::uint8_t> semibold;  // Inter-SemiBold.otf
    std::vector<std::uint8_t> fallback;  // DejaVuSans.ttf
};

// Rebuilds io.Fonts for `pixel_ratio` (device pixels per CSS pixel) and sets FontGlobalScale.
// The caller re-uploads the texture. Returns false if no font could be loaded.
bool BuildFonts(const FontFiles& files, float pixel_ratio);

void ApplyTheme(ImGuiStyle* style);        // rounding, spacing and colours (CSS px)
void ApplyTouchStyle(ImGuiStyle* style);   // touch screens: a thin scroll indicator instead of a desktop scrollbar

}  // namespace spoc::ui
