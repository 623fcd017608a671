// The theme for accessibility: every text colour the UI draws on every background it draws it on
// meets WCAG 2.x AA (4.5:1) in both colour schemes, marks that convey state meet 3:1, switching the
// scheme switches the names and the ImGui style, and reduced motion holds every animation still.
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "client/ui/motion.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"
#include "fixtures.h"

using namespace fixtures;

namespace {

// ---- WCAG 2.x contrast ----------------------------------------------------------------------
double Channel(ImU32 c, int shift) {
    const double v = static_cast<double>((c >> shift) & 0xFF) / 255.0;
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

double RelativeLuminance(ImU32 c) {
    return 0.2126 * Channel(c, IM_COL32_R_SHIFT) + 0.7152 * Channel(c, IM_COL32_G_SHIFT) +
           0.0722 * Channel(c, IM_COL32_B_SHIFT);
}

double ContrastRatio(ImU32 a, ImU32 b) {
    const double la = RelativeLuminance(a), lb = RelativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

bool Opaque(ImU32 c) { return ((c >> IM_COL32_A_SHIFT) & 0xFF) == 0xFF; }

// ---- What the UI draws ----------------------------------------------------------------------
using Field = ImU32 ui::Palette::*;
struct Pair {
    const char* fg_name;
    Field fg;
    const char* bg_name;
    Field bg;
    const char* where;
};
#define SPOC_PAIR(fg, bg, where) \
    Pair { #fg, &ui::Palette::fg, #bg, &ui::Palette::bg, where }

// Text (4.5:1). Read from client/ui: each line names a place it is drawn.
const std::vector<Pair> kTextPairs = {
    SPOC_PAIR(text, page, "page titles, greeting"),
    SPOC_PAIR(text, surface, "card text, inputs, popups"),
    SPOC_PAIR(text, surface_hover, "hovered rows, table headers, hovered menu items"),
    SPOC_PAIR(text, muted_soft, "code spans, markdown boxes, pressed secondary button, hovered nav tab"),
    SPOC_PAIR(text, accent_soft, "selected queue row, bulk bar, selected dropdown item, suggestions card"),
    SPOC_PAIR(text, hero_tint, "home greeting over the hero band"),
    SPOC_PAIR(text, warning_soft, "internal note, search highlight"),
    SPOC_PAIR(text, success_soft, "resolution card"),
    SPOC_PAIR(text, danger_soft, "removed diff line"),
    SPOC_PAIR(text, info_soft, "info tint"),
    SPOC_PAIR(text, progress_soft, "progress tint"),
    SPOC_PAIR(text_secondary, page, "page subtitles"),
    SPOC_PAIR(text_secondary, surface, "descriptions, ghost buttons, nav tabs"),
    SPOC_PAIR(text_secondary, surface_hover, "read-only text editor, hovered rows"),
    SPOC_PAIR(text_secondary, muted_soft, "muted and neutral badges, away pill, hovered ghost button"),
    SPOC_PAIR(text_secondary, accent_soft, "selected queue row, suggestions card"),
    SPOC_PAIR(text_secondary, hero_tint, "home subtitle over the hero band"),
    SPOC_PAIR(text_secondary, success_soft, "resolution card"),
    SPOC_PAIR(text_secondary, warning_soft, "search result words next to a highlight"),
    SPOC_PAIR(text_muted, page, "breadcrumbs, footers"),
    SPOC_PAIR(text_muted, surface, "captions, timestamps"),
    SPOC_PAIR(text_muted, surface_hover, "table headers, hovered rows"),
    SPOC_PAIR(text_muted, muted_soft, "unselected segmented control, other department monogram"),
    SPOC_PAIR(text_muted, accent_soft, "meta line of a selected queue row"),
    SPOC_PAIR(text_muted, warning_soft, "time of an internal note"),
    SPOC_PAIR(placeholder, surface, "placeholder in a text field or dropdown"),
    SPOC_PAIR(accent, page, "links and selected breadcrumbs on the page"),
    SPOC_PAIR(accent, surface, "links, active nav tab, edited captions"),
    SPOC_PAIR(accent, surface_hover, "hovered request number or title"),
    SPOC_PAIR(accent, accent_soft, "avatar initials, step numbers, selected tab in the More menu"),
    SPOC_PAIR(accent_hover, page, "hovered link on the page"),
    SPOC_PAIR(accent_hover, surface, "hovered link in a card"),
    SPOC_PAIR(on_accent, accent_fill, "primary button, logo"),
    SPOC_PAIR(on_accent, accent_fill_hover, "hovered primary button"),
    SPOC_PAIR(on_accent, accent_fill_pressed, "pressed primary button"),
    SPOC_PAIR(on_accent, danger_fill, "danger button, unread count"),
    SPOC_PAIR(on_accent, danger_fill_hover, "hovered danger button"),
    SPOC_PAIR(danger, page, "errors on the page"),
    SPOC_PAIR(danger, surface, "field errors, required marks"),
    SPOC_PAIR(danger, surface_hover, "urgent priority on a hovered row"),
    SPOC_PAIR(danger, accent_soft, "bulk bar error, urgent priority on a selected row"),
    SPOC_PAIR(danger, danger_soft, "danger badge, removed diff marker"),
    SPOC_PAIR(warning, page, "warnings on the page"),
    SPOC_PAIR(warning, surface, "canned-response notice, someone replying"),
    SPOC_PAIR(warning, surface_hover, "high priority on a hovered row"),
    SPOC_PAIR(warning, accent_soft, "high priority on a selected row"),
    SPOC_PAIR(warning, warning_soft, "warning badge, internal-note label"),
    SPOC_PAIR(success, page, "success on the page"),
    SPOC_PAIR(success, surface, "helpful-article thanks"),
    SPOC_PAIR(success, success_soft, "success badge, available pill, resolution title, added diff marker"),
    SPOC_PAIR(info, surface, "info text"),
    SPOC_PAIR(info, info_soft, "info badge"),
    SPOC_PAIR(progress, surface, "progress text"),
    SPOC_PAIR(progress, progress_soft, "in-progress badge, staff avatar initials"),
    SPOC_PAIR(danger_strong, danger_soft, "error notice"),
    SPOC_PAIR(warning_strong, warning_soft, "warning notice, merge confirmation"),
    SPOC_PAIR(success_strong, success_soft, "success notice"),
    SPOC_PAIR(info_strong, info_soft, "info notice"),
    SPOC_PAIR(toast_text, toast, "toast"),
    SPOC_PAIR(toast_text, toast_error, "error toast"),
    SPOC_PAIR(dept_it, dept_it_soft, "IT monogram on its tile"),
    SPOC_PAIR(dept_hr, dept_hr_soft, "HR monogram on its tile"),
    SPOC_PAIR(dept_facilities, dept_facilities_soft, "Facilities monogram on its tile"),
};
// Not listed: placeholder as a disabled label (WCAG 1.4.3 exempts inactive controls), and the
// logo's "S" (a logotype) — it is on accent_fill like the primary button anyway.

// Marks that convey state (3:1, WCAG 1.4.11). Field borders are exempt: every field has a label.
const std::vector<Pair> kStatePairs = {
    SPOC_PAIR(accent, surface, "focus outline, active tab underline, checked radio, selected choice"),
    SPOC_PAIR(accent, page, "keyboard focus highlight on the page"),
    SPOC_PAIR(accent_fill, surface, "checked checkbox"),
    SPOC_PAIR(on_accent, accent_fill, "check mark in a checked box"),
    SPOC_PAIR(danger, surface, "invalid-field outline, error icon"),
    SPOC_PAIR(success, success_soft, "available dot"),
    SPOC_PAIR(surface, danger, "mark inside the error icon"),
    SPOC_PAIR(surface, warning, "mark inside the warning icon"),
    SPOC_PAIR(surface, success, "mark inside the success icon"),
    SPOC_PAIR(surface, info, "mark inside the info icon"),
    SPOC_PAIR(accent, accent_soft, "selected queue row's cursor bar"),
};

// Checks every pair against `min` in `p`; a failure names the pair, where it is drawn and its ratio.
void CheckPairs(const ui::Palette& p, const char* scheme, const std::vector<Pair>& pairs, double min) {
    for (const Pair& pair : pairs) {
        const ImU32 fg = p.*pair.fg, bg = p.*pair.bg;
        const double ratio = ContrastRatio(fg, bg);
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2f", ratio);
        const std::string what = std::string(scheme) + ": " + pair.fg_name + " on " + pair.bg_name + " (" + pair.where +
                                 ") is " + buf + ":1, needs " + (min > 4 ? "4.5" : "3") + ":1";
        INFO(what);
        CHECK(Opaque(fg));
        CHECK(Opaque(bg));
        CHECK(ratio >= min);
    }
}

// Restores the process-wide scheme and motion setting whatever a test case did.
struct ThemeGuard {
    ~ThemeGuard() {
        ui::SetColorScheme(ui::ColorScheme::light);
        ui::SetReducedMotion(false);
    }
};

}  // namespace

TEST_CASE("contrast: the formula matches WCAG's reference values") {
    CHECK(ContrastRatio(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)) == doctest::Approx(21.0));
    CHECK(ContrastRatio(IM_COL32(255, 255, 255, 255), IM_COL32(255, 255, 255, 255)) == doctest::Approx(1.0));
    CHECK(ContrastRatio(IM_COL32(118, 118, 118, 255), IM_COL32(255, 255, 255, 255)) ==
          doctest::Approx(4.54).epsilon(0.01));
    CHECK(ContrastRatio(IM_COL32(255, 255, 255, 255), IM_COL32(118, 118, 118, 255)) ==
          doctest::Approx(ContrastRatio(IM_COL32(118, 118, 118, 255), IM_COL32(255, 255, 255, 255))));
}

TEST_CASE("contrast: every text pair meets 4.5:1 and every state mark 3:1, in both schemes") {
    for (const ui::ColorScheme scheme : {ui::ColorScheme::light, ui::ColorScheme::dark}) {
        const char* name = scheme == ui::ColorScheme::light ? "light" : "dark";
        const ui::Palette& p = ui::PaletteFor(scheme);
        CheckPairs(p, name, kTextPairs, 4.5);
        CheckPairs(p, name, kStatePairs, 3.0);
    }
}

TEST_CASE("colour scheme: switching swaps the names, department colours and the ImGui style") {
    ThemeGuard guard;
    Harness h;
    CHECK(ui::CurrentColorScheme() == ui::ColorScheme::light);
    CHECK(ui::color::kPage == ui::LightPalette().page);

    ui::SetColorScheme(ui::ColorScheme::dark);
    CHECK(ui::CurrentColorScheme() == ui::ColorScheme::dark);
    CHECK(ui::color::kPage == ui::DarkPalette().page);
    CHECK(ui::color::kText == ui::DarkPalette().text);
    CHECK(ui::DepartmentColor("IT") == ui::DarkPalette().dept_it);
    CHECK(ui::DepartmentSoftColor("Facilities") == ui::DarkPalette().dept_facilities_soft);
    CHECK(ui::DepartmentSoftColor("Legal") == ui::DarkPalette().muted_soft);
    const ImGuiStyle& style = ImGui::GetStyle();
    CHECK(ImGui::ColorConvertFloat4ToU32(style.Colors[ImGuiCol_WindowBg]) == ui::DarkPalette().page);
    CHECK(ImGui::ColorConvertFloat4ToU32(style.Colors[ImGuiCol_Text]) == ui::DarkPalette().text);
    CHECK(RelativeLuminance(ui::color::kPage) < RelativeLuminance(ui::color::kSurface));  // surfaces sit above the page

    // Only the colours change: sizes (and the touch style) stay as they were.
    ui::ApplyTouchStyle(&ImGui::GetStyle());
    ui::SetColorScheme(ui::ColorScheme::light);
    CHECK(style.ScrollbarSize == 4);
    CHECK(ImGui::ColorConvertFloat4ToU32(style.Colors[ImGuiCol_WindowBg]) == ui::LightPalette().page);
    CHECK(ui::DepartmentColor("IT") == ui::LightPalette().dept_it);
}

TEST_CASE("colour scheme: every screen renders in the dark scheme") {
    ThemeGuard guard;
    ui::SetColorScheme(ui::ColorScheme::dark);
    App app;
    Harness h;
    app.SignedIn("#/");
    h.Frames(app, 2);  // skeletons
    app.AnswerCatalog();
    app.api.Answer("GET", "/api/v1/requests", 200,
                   api::EncodeRequestPage(Page({MakeRequest(12, Status::pending, "Monitor arm")}, 1)));
    h.Frames(app, 3);  // Harness::Frame checks every push was popped
    CHECK(HasLabel("New laptop"));
    CHECK(HasItem("open_12"));
    CHECK(ImGui::ColorConvertFloat4ToU32(ImGui::GetStyle().Colors[ImGuiCol_WindowBg]) == ui::DarkPalette().page);
    app.Go("#/catalog/3");
    app.AnswerItem(Laptop());
    h.Frames(app, 3);
    CHECK(HasItem("submit"));
}

TEST_CASE("reduced motion: every animation phase holds still") {
    ThemeGuard guard;
    const double times[] = {0.0, 0.37, 1.0, 2.5, 10.1, 3600.3};

    // Moving by default.
    CHECK_FALSE(ui::ReducedMotion());
    CHECK(ui::SkeletonAlpha(0.0) != doctest::Approx(ui::SkeletonAlpha(0.5)));
    CHECK(ui::SpinnerAngle(0.0) != doctest::Approx(ui::SpinnerAngle(0.3)));
    CHECK(ui::CaretVisible(0.1));
    CHECK_FALSE(ui::CaretVisible(1.0));
    const ui::ActivitySpan moving = ui::ActivityBarSpan(0.5, 1000.0f);
    CHECK(moving.end - moving.begin <= 250.0f);
    CHECK(ui::ActivityBarSpan(0.1, 1000.0f).begin != doctest::Approx(ui::ActivityBarSpan(0.6, 1000.0f).begin));

    ui::SetReducedMotion(true);
    CHECK(ui::ReducedMotion());
    for (double t : times) {
        CAPTURE(t);
        CHECK(ui::SkeletonAlpha(t) == doctest::Approx(1.0f));
        CHECK(ui::SpinnerAngle(t) == doctest::Approx(ui::SpinnerAngle(0.0)));
        CHECK(ui::CaretVisible(t));
        const ui::ActivitySpan still = ui::ActivityBarSpan(t, 1000.0f);
        CHECK(still.begin == 0.0f);
        CHECK(still.end == 1000.0f);
    }
}

TEST_CASE("reduced motion: spinners and skeletons ask for no frames, and ImGui's caret stops blinking") {
    ThemeGuard guard;
    Harness h;
    auto frame = [] {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        ui::BeginWidgetsFrame();
        ImGui::Begin("motion");
        ui::Spinner(8, 2, ui::color::kAccent);
        ui::Skeleton(ImVec2(120, 12), 4);
        ImGui::End();
        const bool animating = ui::AnimationRequested();
        ImGui::Render();
        return animating;
    };
    CHECK(frame());
    CHECK(ImGui::GetIO().ConfigInputTextCursorBlink);
    ui::SetReducedMotion(true);
    CHECK_FALSE(frame());
    CHECK_FALSE(ImGui::GetIO().ConfigInputTextCursorBlink);

    // The whole app: the start-up spinner keeps frames coming only while motion is allowed.
    App app;
    app.Go("#/");
    auto app_frame = [&] {
        ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
        app.Sync();
        ImGui::NewFrame();
        const ui::FrameOutput out = ui::DrawApp(app.state, h.ui, app.actions, app.clock, app.api.InFlight());
        ImGui::Render();
        return out.animating;
    };
    CHECK_FALSE(app_frame());
    ui::SetReducedMotion(false);
    CHECK(app_frame());
}
