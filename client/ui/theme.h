// Spoc's look: a light and a dark palette with a single accent (switched at run time for the
// browser's prefers-color-scheme), reduced motion (prefers-reduced-motion), the font set (Inter,
// DejaVu Sans merged in for symbols and as the fallback), and the ImGui style built from them. All
// sizes are CSS pixels; fonts are rasterized at the device pixel ratio and scaled back with
// FontGlobalScale.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "imgui.h"

namespace spoc::ui {

// ---- Palette --------------------------------------------------------------------------------
// Every colour the UI draws, by meaning. Two tables in theme.cpp (light, dark) give each name the
// same role; SetColorScheme() copies one into the current palette, which the color::k* names read.
enum class ColorScheme { light, dark };

struct Palette {
    ImU32 page;                   // page background
    ImU32 surface;                // cards, top bar, inputs, popups
    ImU32 surface_hover;          // hovered rows and buttons on a surface, table headers
    ImU32 border;                 // card borders, dividers
    ImU32 input_border;           // text fields, dropdowns, secondary buttons
    ImU32 input_border_hover;     // a hovered field or choice
    ImU32 text;                   // primary text on page, surface and the soft tints
    ImU32 text_secondary;         // body copy, descriptions
    ImU32 text_muted;             // captions, timestamps, meta lines
    ImU32 placeholder;            // placeholder text in fields, disabled labels
    ImU32 accent;                 // indigo as text and lines: links, active tab, focus outline, spinners
    ImU32 accent_hover;           // a hovered link
    ImU32 accent_fill;            // indigo as a fill under on_accent: primary buttons, checked boxes, logo
    ImU32 accent_fill_hover;      // hovered primary button
    ImU32 accent_fill_pressed;    // pressed primary button
    ImU32 accent_fill_disabled;   // disabled primary button
    ImU32 accent_soft;            // tints: selected row or choice, hero band, avatars
    ImU32 accent_border;          // border of an accent_soft card
    ImU32 accent_border_hover;    // border of a hovered tile
    ImU32 accent_ring;            // translucent focus ring around an active field
    ImU32 hero_tint;              // the hero band's second tint (top right)
    ImU32 on_accent;              // text and marks on accent_fill and danger_fill
    ImU32 danger;                 // errors as text, marks and the invalid-field outline
    ImU32 danger_fill;            // danger buttons, the unread count
    ImU32 danger_fill_hover;      // hovered danger button
    ImU32 danger_soft;            // error notice and badge background
    ImU32 danger_border;          // error notice border
    ImU32 danger_strong;          // text of an error notice
    ImU32 success;                // success as text and marks
    ImU32 success_soft;           // success notice, badge and card background
    ImU32 success_border;         // success notice and card border
    ImU32 success_strong;         // text of a success notice
    ImU32 warning;                // warning as text and marks
    ImU32 warning_soft;           // warning notice, internal note, search highlight
    ImU32 warning_border;         // warning notice and internal note border
    ImU32 warning_strong;         // text of a warning notice
    ImU32 info;                   // information as text and marks
    ImU32 info_soft;              // info notice and badge background
    ImU32 info_border;            // info notice border
    ImU32 info_strong;            // text of an info notice
    ImU32 progress;               // "in progress" as text and marks, staff avatars
    ImU32 progress_soft;          // its badge and avatar background
    ImU32 muted_soft;             // neutral tint: ghost button hover, segmented control, code spans
    ImU32 skeleton;               // loading placeholders
    ImU32 shadow;                 // drop shadows (alpha given where drawn)
    ImU32 scrim;                  // dims the page behind a modal
    ImU32 selection;              // selected text
    ImU32 toast;                  // toast background
    ImU32 toast_error;            // error toast background
    ImU32 toast_text;             // text on either toast
    ImU32 toast_dot;              // the dot of a toast
    ImU32 toast_error_dot;        // the dot of an error toast
    ImU32 dept_it, dept_it_soft;  // IT monogram and its tile tint
    ImU32 dept_hr, dept_hr_soft;  // HR monogram and its tile tint
    ImU32 dept_facilities, dept_facilities_soft;  // Facilities monogram and its tile tint
};

const Palette& LightPalette();                  // the light table (tests check both without switching)
const Palette& DarkPalette();                   // the dark table
const Palette& PaletteFor(ColorScheme scheme);  // one of the two

// Switches every color::k* name (and DepartmentColor) to `scheme` and, when an ImGui context exists,
// re-applies the style colours (ApplyThemeColors). The platform calls it at start-up and whenever
// `prefers-color-scheme` changes; the next frame draws in the new scheme. Light until called.
void SetColorScheme(ColorScheme scheme);  // prefers-color-scheme: light or dark
ColorScheme CurrentColorScheme();         // the scheme last set (light at start)

namespace detail {
extern Palette g_palette;  // the current palette (theme.cpp); read it through the names below
}

namespace color {
inline constexpr ImU32 Rgb(int r, int g, int b, int a = 255) { return IM_COL32(r, g, b, a); }
inline constexpr ImU32 WithAlpha(ImU32 c, int a) {  // `c` with alpha `a` (0..255)
    return (c & ~IM_COL32_A_MASK) | (static_cast<ImU32>(a < 0 ? 0 : a > 255 ? 255 : a) << IM_COL32_A_SHIFT);
}
inline ImU32 Shadow(int alpha) { return WithAlpha(detail::g_palette.shadow, alpha); }  // drop shadow of `alpha`

// The current palette by name (see Palette for each role). Not constants: read them while drawing.
inline const ImU32& kPage = detail::g_palette.page;
inline const ImU32& kSurface = detail::g_palette.surface;
inline const ImU32& kSurfaceHover = detail::g_palette.surface_hover;
inline const ImU32& kBorder = detail::g_palette.border;
inline const ImU32& kInputBorder = detail::g_palette.input_border;
inline const ImU32& kInputBorderHover = detail::g_palette.input_border_hover;
inline const ImU32& kText = detail::g_palette.text;
inline const ImU32& kTextSecondary = detail::g_palette.text_secondary;
inline const ImU32& kTextMuted = detail::g_palette.text_muted;
inline const ImU32& kPlaceholder = detail::g_palette.placeholder;
inline const ImU32& kAccent = detail::g_palette.accent;
inline const ImU32& kAccentHover = detail::g_palette.accent_hover;
inline const ImU32& kAccentFill = detail::g_palette.accent_fill;
inline const ImU32& kAccentFillHover = detail::g_palette.accent_fill_hover;
inline const ImU32& kAccentFillPressed = detail::g_palette.accent_fill_pressed;
inline const ImU32& kAccentFillDisabled = detail::g_palette.accent_fill_disabled;
inline const ImU32& kAccentSoft = detail::g_palette.accent_soft;
inline const ImU32& kAccentBorder = detail::g_palette.accent_border;
inline const ImU32& kAccentBorderHover = detail::g_palette.accent_border_hover;
inline const ImU32& kAccentRing = detail::g_palette.accent_ring;
inline const ImU32& kHeroTint = detail::g_palette.hero_tint;
inline const ImU32& kOnAccent = detail::g_palette.on_accent;
inline const ImU32& kDanger = detail::g_palette.danger;
inline const ImU32& kDangerFill = detail::g_palette.danger_fill;
inline const ImU32& kDangerFillHover = detail::g_palette.danger_fill_hover;
inline const ImU32& kDangerSoft = detail::g_palette.danger_soft;
inline const ImU32& kDangerBorder = detail::g_palette.danger_border;
inline const ImU32& kDangerStrong = detail::g_palette.danger_strong;
inline const ImU32& kSuccess = detail::g_palette.success;
inline const ImU32& kSuccessSoft = detail::g_palette.success_soft;
inline const ImU32& kSuccessBorder = detail::g_palette.success_border;
inline const ImU32& kSuccessStrong = detail::g_palette.success_strong;
inline const ImU32& kWarning = detail::g_palette.warning;
inline const ImU32& kWarningSoft = detail::g_palette.warning_soft;
inline const ImU32& kWarningBorder = detail::g_palette.warning_border;
inline const ImU32& kWarningStrong = detail::g_palette.warning_strong;
inline const ImU32& kInfo = detail::g_palette.info;
inline const ImU32& kInfoSoft = detail::g_palette.info_soft;
inline const ImU32& kInfoBorder = detail::g_palette.info_border;
inline const ImU32& kInfoStrong = detail::g_palette.info_strong;
inline const ImU32& kProgress = detail::g_palette.progress;
inline const ImU32& kProgressSoft = detail::g_palette.progress_soft;
inline const ImU32& kMutedSoft = detail::g_palette.muted_soft;
inline const ImU32& kSkeleton = detail::g_palette.skeleton;
inline const ImU32& kScrim = detail::g_palette.scrim;
inline const ImU32& kSelection = detail::g_palette.selection;
inline const ImU32& kToast = detail::g_palette.toast;
inline const ImU32& kToastError = detail::g_palette.toast_error;
inline const ImU32& kToastText = detail::g_palette.toast_text;
inline const ImU32& kToastDot = detail::g_palette.toast_dot;
inline const ImU32& kToastErrorDot = detail::g_palette.toast_error_dot;
}  // namespace color

ImU32 DepartmentColor(const char* department);      // monogram and stripe per department (current scheme)
ImU32 DepartmentSoftColor(const char* department);  // its tile tint

// ---- Fonts ----------------------------------------------------------------------------------
struct Fonts {
    ImFont* body = nullptr;            // 15 px regular
    ImFont* body_semibold = nullptr;   // 15 px semibold
    ImFont* small = nullptr;           // 13 px regular
    ImFont* small_semibold = nullptr;  // 13 px semibold (labels, badges)
    ImFont* h3 = nullptr;              // 17 px semibold (card titles)
    ImFont* h2 = nullptr;              // 21 px semibold (section and request titles)
    ImFont* h1 = nullptr;              // 30 px semibold (page titles, greeting)
    // 96 px semibold, only space, "-", digits, A-Z, a-z and "→": the kiosk's ticket and pairing code
    // and the board, drawn down from it (sharp) rather than up from h1. Built only once a device
    // screen asked for it (UseDisplayFont), so other screens don't carry its atlas; null until then.
    ImFont* display = nullptr;
};
const Fonts& GetFonts();
void UseDisplayFont();         // a device screen wants Fonts::display: built with the next atlas
bool DisplayFontMissing();     // wanted but not in the atlas yet: the platform rebuilds the fonts

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
void ApplyThemeColors(ImGuiStyle* style);  // colours only, from the current scheme (keeps sizes and ApplyTouchStyle)
void ApplyTouchStyle(ImGuiStyle* style);   // touch screens: a thin scroll indicator instead of a desktop scrollbar

}  // namespace spoc::ui
