// The reports dashboard's charts: the pure model (client/app/chart_model.h) with hand-computed
// ticks, rectangles, hits, thinned labels, legend rows and value texts; then the ImGui layer
// (client/ui/charts.h) drawn headless, clicked through real mouse and keyboard events, told to the
// screen-reader mirror, and its series colours checked for contrast in both schemes.
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "client/app/chart_model.h"
#include "client/ui/charts.h"
#include "client/ui/widgets.h"
#include "fixtures.h"

using namespace spoc::client::chart;
namespace ui = spoc::ui;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

using Ticks = std::vector<double>;

// 4 days, two series: Created {10, 20, 30, 40}, Resolved {5, 15, 25, 35}.
ChartData TwoSeries() {
    ChartData d;
    d.title = "Created and resolved";
    d.x_labels = {"Mon", "Tue", "Wed", "Thu"};
    d.series = {{"Created", {10, 20, 30, 40}, 0}, {"Resolved", {5, 15, 25, 35}, 1}};
    return d;
}

// Weekday x hour: 2 rows, 3 columns; one cell without a value.
ChartData Heat() {
    ChartData d;
    d.x_labels = {"08", "09", "10"};
    d.series = {{"Mon", {0, 5, 10}, 0}, {"Tue", {2.5, kNaN, 7.5}, 0}};
    return d;
}

}  // namespace

// ---- Ticks -------------------------------------------------------------------------------------
TEST_CASE("chart ticks: 1/2/5 steps that cover the range") {
    CHECK(NiceTicks(0, 412, 6) == Ticks{0, 100, 200, 300, 400, 500});          // raw step 82.4 -> 100
    CHECK(NiceTicks(0, 1, 5) == Ticks{0, 0.5, 1});                             // raw 0.25 -> 0.5
    CHECK(NiceTicks(-3.7, 8.2, 6) == Ticks{-5, 0, 5, 10});                     // raw 2.38 -> 5
    CHECK(NiceTicks(0.1, 0.35, 6) == Ticks{0.1, 0.15, 0.2, 0.25, 0.3, 0.35});  // exact decimals, no 0.15000000000000002
    CHECK(NiceTicks(10, 0, 6) == Ticks{0, 2, 4, 6, 8, 10});                    // swapped bounds
    // 0..9 at 5 ticks: raw 2.25 -> 5 (2 is below it) gives 0, 5, 10.
    CHECK(NiceTicks(0, 9, 5) == Ticks{0, 5, 10});
    // Rounding out can need one tick more than planned: 1..9 in 5 ticks at step 2 is 0..10 (6), so 5.
    CHECK(NiceTicks(1, 9, 5) == Ticks{0, 5, 10});
}

TEST_CASE("chart ticks: zero, equal ends, huge values, NaN and limits") {
    CHECK(NiceTicks(3, 7, 6, {.include_zero = true}) == Ticks{0, 2, 4, 6, 8});
    CHECK(NiceTicks(-7, -3, 6, {.include_zero = true}) == Ticks{-8, -6, -4, -2, 0});
    CHECK(NiceTicks(0, 0, 6, {.include_zero = true}) == Ticks{0, 0.2, 0.4, 0.6, 0.8, 1});  // all zero: 0..1
    CHECK(NiceTicks(0, 0, 6, {.include_zero = true, .min_step = 1}) == Ticks{0, 1});       // counts: no 0.2 tickets
    CHECK(NiceTicks(0, 3, 6, {.min_step = 1}) == Ticks{0, 1, 2, 3});                       // raw 0.6 raised to 1
    CHECK(NiceTicks(5, 5, 6) == Ticks{4.5, 5, 5.5});  // widened by 10%: 4.5..5.5, step 0.2 needs 7 -> 0.5
    CHECK(NiceTicks(0, 0, 3) == Ticks{-1, 0, 1});     // all zero without include_zero: -1..1
    CHECK(NiceTicks(0, 3.4e9, 5) == Ticks{0, 1e9, 2e9, 3e9, 4e9});
    const double nan = kNaN, inf = std::numeric_limits<double>::infinity();
    CHECK(NiceTicks(nan, 10, 6) == Ticks{0, 2, 4, 6, 8, 10});  // NaN counts as 0
    CHECK(NiceTicks(0, inf, 3) == Ticks{-1, 0, 1});            // so does infinity
    const Ticks huge = NiceTicks(-1e308, 1e308, 5);            // clamped to +-1e300: no overflow
    REQUIRE(huge.size() >= 3);
    CHECK(huge.front() == doctest::Approx(-1e300));
    CHECK(huge.back() == doctest::Approx(1e300));
    for (double t : huge) CHECK(std::isfinite(t));
    CHECK(NiceTicks(0, 10, 1) == Ticks{0, 10});       // max_ticks below 2 means 2
    const Ticks tiny = NiceTicks(1e15, 1e15 + 1, 6);  // equal to double precision: widened by 10%
    REQUIRE(tiny.size() >= 2);
    CHECK(tiny.front() <= 1e15);
    CHECK(tiny.back() >= 1e15 + 1);
}

TEST_CASE("chart value axis: counts, percent, durations, target and empty data") {
    ChartData d = TwoSeries();
    ValueAxis a = MakeValueAxis(d, Kind::bars);
    CHECK(a.ticks == Ticks{0, 10, 20, 30, 40});
    CHECK(a.lo == 0);
    CHECK(a.hi == 40);
    CHECK(a.step == 10);
    // Stacked: totals 15, 35, 55, 75 -> raw 15 -> 20.
    CHECK(MakeValueAxis(d, Kind::stacked_bars).ticks == Ticks{0, 20, 40, 60, 80});
    d.target = 90;  // the target line stays inside the plot
    CHECK(MakeValueAxis(d, Kind::bars).hi == 100);
    // A line chart may leave 0 out.
    ChartData line;
    line.series = {{"SLA met", {82, 91, 88}, 0}};
    line.unit = Unit::percent;
    CHECK(MakeValueAxis(line, Kind::line, {.include_zero = false}).ticks == Ticks{82, 84, 86, 88, 90, 92});
    CHECK(MakeValueAxis(line, Kind::line).ticks == Ticks{0, 20, 40, 60, 80, 100});
    // Durations tick in hours when the largest is between 1 h and 48 h: 0..9 h -> 0, 2, ... 10 h.
    ChartData ttr;
    ttr.unit = Unit::seconds;
    ttr.series = {{"Time to resolve", {3600, 9 * 3600.0}, 0}};
    ValueAxis h = MakeValueAxis(ttr, Kind::bars);
    CHECK(h.scale == 3600);
    CHECK(h.ticks == Ticks{0, 7200, 14400, 21600, 28800, 36000});
    ChartData empty;
    ValueAxis e = MakeValueAxis(empty, Kind::bars);
    CHECK(e.ticks == Ticks{0, 1});
}

// ---- Layout ------------------------------------------------------------------------------------
TEST_CASE("chart layout: grouped bars, stacked bars and line points") {
    const ChartData d = TwoSeries();
    const Rect plot{0, 0, 400, 200};
    // Grouped: 4 bands of 100 px, groups of 80 (band_fill 0.8), bars of 40; axis 0..40.
    Layout bars = LayoutChart(d, Kind::bars, plot);
    CHECK(bars.step == 100);
    CHECK(bars.marks.size() == 8);
    const Mark* b = bars.Find(1, 1);  // Tue, Resolved: 15
    REQUIRE(b != nullptr);
    CHECK(b->rect.x == 150);  // 100 + (100 - 80) / 2 + 40
    CHECK(b->rect.w == 40);
    CHECK(b->rect.y == 125);  // 200 - 15 / 40 * 200
    CHECK(b->rect.h == 75);
    CHECK(b->px == 170);
    CHECK(b->py == 125);
    CHECK(bars.YFor(40) == 0);
    CHECK_FALSE(bars.target_y.has_value());

    // Stacked: one bar of 80 per band; axis 0..80; Tue: 20 from 200 to 150, 15 from 150 to 112.5.
    Layout stack = LayoutChart(d, Kind::stacked_bars, plot);
    const Mark* low = stack.Find(1, 0);
    const Mark* high = stack.Find(1, 1);
    REQUIRE(low != nullptr);
    REQUIRE(high != nullptr);
    CHECK(low->rect.x == 110);
    CHECK(low->rect.w == 80);
    CHECK(low->rect.y == 150);
    CHECK(low->rect.h == 50);
    CHECK(high->rect.y == 112.5f);
    CHECK(high->rect.Bottom() == 150);
    CHECK(StackTotals(d) == Ticks{15, 35, 55, 75});

    // Line: points at the band centres 50, 150, 250, 350; 30 on 0..40 is y 50.
    Layout line = LayoutChart(d, Kind::line, plot);
    const Mark* p = line.Find(2, 0);
    REQUIRE(p != nullptr);
    CHECK(p->px == 250);
    CHECK(p->py == 50);
    CHECK(line.XCenter(3) == 350);
}

TEST_CASE("chart layout: negative stacks, gaps, targets and empty data") {
    ChartData d;
    d.x_labels = {"a", "b"};
    d.series = {{"up", {30, kNaN}, 0}, {"down", {-10, 20}, 1}, {"more", {10, 5}, 2}};
    d.target = 25;
    // Stacked range: a = +40 / -10, b = +25 -> ticks -10..40 at 10; plot 0..100 tall, 20 px per 10.
    Layout s = LayoutChart(d, Kind::stacked_bars, Rect{0, 0, 200, 100});
    CHECK(s.axis.ticks == Ticks{-10, 0, 10, 20, 30, 40});
    CHECK(s.marks.size() == 5);  // the NaN makes no bar
    CHECK(s.Find(1, 0) == nullptr);
    const Mark* neg = s.Find(0, 1);  // -10 hangs below 0 (y 80) to y 100
    REQUIRE(neg != nullptr);
    CHECK(neg->rect.y == 80);
    CHECK(neg->rect.h == 20);
    CHECK(neg->py == 100);            // the tooltip anchor is its far end
    const Mark* more = s.Find(0, 2);  // stacks on +30: from 30 (y 20) to 40 (y 0)
    REQUIRE(more != nullptr);
    CHECK(more->rect.y == 0);
    CHECK(more->rect.h == 20);
    REQUIRE(s.target_y.has_value());
    CHECK(*s.target_y == 30);  // 25 on -10..40
    // A line with a gap: no point for the NaN.
    Layout l = LayoutChart(d, Kind::line, Rect{0, 0, 200, 100});
    CHECK(l.marks.size() == 5);
    CHECK(l.Find(1, 0) == nullptr);
    // No data at all: no marks, a 0..1 axis, nothing to hit.
    Layout e = LayoutChart(ChartData{}, Kind::bars, Rect{0, 0, 100, 100});
    CHECK(e.marks.empty());
    CHECK(e.columns == 0);
    CHECK_FALSE(HitTest(e, 50, 50).Valid());
    CHECK_FALSE(HitTest(LayoutChart(ChartData{}, Kind::line, Rect{0, 0, 100, 100}), 50, 50).Valid());
    CHECK(LayoutChart(ChartData{}, Kind::heat_map, Rect{0, 0, 100, 100}).marks.empty());
}

TEST_CASE("chart layout: heat-map cells and intensity") {
    Layout h = LayoutChart(Heat(), Kind::heat_map, Rect{10, 20, 300, 100});
    CHECK(h.columns == 3);
    CHECK(h.rows == 2);
    CHECK(h.marks.size() == 5);    // 6 cells, one without a value
    const Mark* c = h.Find(2, 1);  // Tue 10:00 = 7.5 of max 10
    REQUIRE(c != nullptr);
    CHECK(c->rect.x == 210);
    CHECK(c->rect.y == 70);
    CHECK(c->rect.w == 100);
    CHECK(c->rect.h == 50);
    CHECK(c->intensity == doctest::Approx(0.75));
    CHECK(h.Find(0, 0)->intensity == 0);  // zero is no colour
    CHECK(h.Find(2, 0)->intensity == 1);
    CHECK(h.Find(1, 1) == nullptr);
    CHECK(h.axis.lo == 0);
    CHECK(h.axis.hi == 10);
    // With negatives the minimum is the bottom of the scale: -5..5, so 0 is half.
    ChartData n;
    n.series = {{"r", {-5, 0, 5}, 0}};
    Layout hn = LayoutChart(n, Kind::heat_map, Rect{0, 0, 30, 10});
    CHECK(hn.Find(1, 0)->intensity == doctest::Approx(0.5));
    // All zero: no colour anywhere, and no division by zero.
    ChartData z;
    z.series = {{"r", {0, 0}, 0}};
    for (const Mark& m : LayoutChart(z, Kind::heat_map, Rect{0, 0, 20, 10}).marks) CHECK(m.intensity == 0);
    // Gaps shrink each cell around its centre.
    Layout g = LayoutChart(Heat(), Kind::heat_map, Rect{0, 0, 300, 100}, {.cell_gap = 2});
    CHECK(g.Find(1, 0)->rect.x == 101);
    CHECK(g.Find(1, 0)->rect.w == 98);
}

// ---- Hit tests ---------------------------------------------------------------------------------
TEST_CASE("chart hit tests: bars by rectangle, lines by band and nearest point, cells") {
    const ChartData d = TwoSeries();
    const Rect plot{0, 0, 400, 200};
    Layout bars = LayoutChart(d, Kind::bars, plot);
    Hit hit = HitTest(bars, 160, 150);  // inside Tue/Resolved (150..190 x 125..200)
    CHECK(hit.x == 1);
    CHECK(hit.series == 1);
    hit = HitTest(bars, 120, 150);  // Tue/Created (110..150 x 100..200)
    CHECK(hit.x == 1);
    CHECK(hit.series == 0);
    CHECK_FALSE(HitTest(bars, 160, 110).Valid());  // above the short bar
    CHECK_FALSE(HitTest(bars, 105, 150).Valid());  // in the band's padding
    CHECK(HitTest(bars, 150, 150).series == 1);    // a left edge belongs to its bar

    Layout stack = LayoutChart(d, Kind::stacked_bars, plot);
    hit = HitTest(stack, 150, 120);  // the upper (Resolved) segment of Tue: 112.5..150
    CHECK(hit.x == 1);
    CHECK(hit.series == 1);
    CHECK(HitTest(stack, 150, 160).series == 0);

    Layout line = LayoutChart(d, Kind::line, plot);
    // x 199 is in band 1 (100..200); Tue's points are at y 100 (20) and 125 (15): 120 is nearer 125.
    hit = HitTest(line, 199, 120);
    CHECK(hit.x == 1);
    CHECK(hit.series == 1);
    hit = HitTest(line, 101, 90);
    CHECK(hit.x == 1);
    CHECK(hit.series == 0);
    CHECK(HitTest(line, 200, 90).x == 2);         // the next band starts at 200
    CHECK_FALSE(HitTest(line, 401, 90).Valid());  // outside the plot
    CHECK_FALSE(HitTest(line, 50, -1).Valid());

    Layout heat = LayoutChart(Heat(), Kind::heat_map, Rect{10, 20, 300, 100});
    hit = HitTest(heat, 215, 75);
    CHECK(hit.x == 2);
    CHECK(hit.series == 1);
    CHECK_FALSE(HitTest(heat, 150, 100).Valid());  // the empty cell (Tue 09)
    CHECK_FALSE(HitTest(heat, 5, 30).Valid());
}

// ---- Labels and legend -------------------------------------------------------------------------
TEST_CASE("chart labels: every k-th so none overlap; legend rows wrap") {
    using Idx = std::vector<int>;
    CHECK(ThinLabels({30, 30, 30, 30, 30}, 50, 8) == Idx{0, 1, 2, 3, 4});  // 38 fits in 50
    CHECK(ThinLabels({30, 30, 30, 30, 30}, 20, 8) == Idx{0, 2, 4});        // 38 / 20 -> every 2nd
    CHECK(ThinLabels({30, 30, 70, 30, 30, 30, 30}, 20, 10) == Idx{0, 4});  // the widest decides: 80 / 20
    CHECK(ThinLabels({30, 30, 30}, 15, 0) == Idx{0, 2});                   // exactly 2 steps
    CHECK(ThinLabels({}, 20, 8).empty());
    CHECK(ThinLabels({10, 10}, 0, 8) == Idx{0});
    std::vector<float> thirty(30, 64);  // 30 dates "2026-11-03" of 64 px in 600 px: 20 px a day
    const Idx shown = ThinLabels(thirty, 20, 12);
    CHECK(shown == Idx{0, 4, 8, 12, 16, 20, 24, 28});

    const std::vector<Rect> legend = LayoutLegend({50, 60, 70, 200}, 130, 20, 10);
    REQUIRE(legend.size() == 4);
    CHECK(legend[0].x == 0);
    CHECK(legend[1].x == 60);
    CHECK(legend[1].y == 0);
    CHECK(legend[2].x == 0);  // 130 + 70 > 130: a new row
    CHECK(legend[2].y == 20);
    CHECK(legend[3].y == 40);  // wider than a row: a row of its own
    CHECK(legend[3].w == 200);
}

// ---- Value text --------------------------------------------------------------------------------
TEST_CASE("chart value text: compact axes, tooltips, percent and durations") {
    CHECK(PlainNumber(1234.5, 1) == "1,234.5");
    CHECK(PlainNumber(1234567, 0) == "1,234,567");
    CHECK(PlainNumber(2.0, 1) == "2");
    CHECK(PlainNumber(-0.04, 1) == "0");
    CHECK(PlainNumber(-1.25, 2) == "-1.25");
    CHECK(FormatCompact(950) == "950");
    CHECK(FormatCompact(1000) == "1k");
    CHECK(FormatCompact(1200) == "1.2k");
    CHECK(FormatCompact(12345) == "12k");
    CHECK(FormatCompact(-1500) == "-1.5k");
    CHECK(FormatCompact(3.4e6) == "3.4M");
    CHECK(FormatCompact(2.1e9) == "2.1B");
    CHECK(FormatCompact(999960) == "1M");  // not "1000k"
    CHECK(FormatCompact(999.96) == "1k");
    CHECK(FormatCompact(12.5) == "12.5");

    CHECK(FormatValue(1234, Unit::count) == "1,234");
    CHECK(FormatValue(3.25, Unit::count) == "3.25");
    CHECK(FormatValue(85, Unit::percent) == "85%");
    CHECK(FormatValue(85.26, Unit::percent) == "85.3%");
    CHECK(FormatValue(2700, Unit::seconds) == "45m");
    CHECK(FormatValue(90, Unit::seconds) == "1.5m");
    CHECK(FormatValue(16200, Unit::seconds) == "4.5h");
    CHECK(FormatValue(47 * 3600.0, Unit::seconds) == "47h");
    CHECK(FormatValue(172800, Unit::seconds) == "2d");
    CHECK(FormatValue(3.5 * 86400, Unit::seconds) == "3.5d");
    CHECK(FormatValue(kNaN, Unit::count) == "\xE2\x80\x93");

    // Another language's patterns and digits come in through the style.
    NumberStyle fr;
    fr.number = [](double v, int digits) {
        std::string s = PlainNumber(v, digits);
        for (char& c : s) c = c == '.' ? ',' : c == ',' ? ' ' : c;
        return s;
    };
    fr.percent = "{0} %";
    fr.hours = "{0} h";
    CHECK(FormatValue(85.26, Unit::percent, fr) == "85,3 %");
    CHECK(FormatValue(16200, Unit::seconds, fr) == "4,5 h");
    CHECK(FormatCompact(1200, fr) == "1,2k");
    CHECK(Substitute("max {0}!", "7") == "max 7!");
    CHECK(Substitute("none", "7") == "none");
}

TEST_CASE("chart value text: axis ticks take their digits from the step") {
    ValueAxis a;
    a.ticks = {0, 2500, 5000, 7500, 10000};
    a.lo = 0;
    a.hi = 10000;
    a.step = 2500;
    CHECK(FormatTick(0, a, Unit::count) == "0");
    CHECK(FormatTick(2500, a, Unit::count) == "2.5k");
    CHECK(FormatTick(5000, a, Unit::count) == "5k");
    a = ValueAxis{{0, 100, 200}, 0, 200, 100, 1};
    CHECK(FormatTick(100, a, Unit::count) == "100");
    a = ValueAxis{{0, 0.25, 0.5}, 0, 0.5, 0.25, 1};
    CHECK(FormatTick(0.25, a, Unit::percent) == "0.25%");
    CHECK(FormatTick(0.5, a, Unit::percent) == "0.5%");
    a = ValueAxis{{0, 7200, 14400}, 0, 14400, 7200, 3600};
    CHECK(FormatTick(7200, a, Unit::seconds) == "2h");
    a = ValueAxis{{0, 1800, 3600}, 0, 3600, 1800, 3600};
    CHECK(FormatTick(1800, a, Unit::seconds) == "0.5h");
    a = ValueAxis{{0, 86400 * 2.0}, 0, 86400 * 2.0, 86400 * 2.0, 86400};
    CHECK(FormatTick(86400 * 2.0, a, Unit::seconds) == "2d");
}

TEST_CASE("chart data helpers: columns, values out of range, the maximum") {
    ChartData d = TwoSeries();
    d.series[1].values.push_back(99);  // one more value than labels
    CHECK(ColumnCount(d) == 5);
    CHECK(ValueAt(d, 4, 1) == 99);
    CHECK(std::isnan(ValueAt(d, 4, 0)));
    CHECK(std::isnan(ValueAt(d, -1, 0)));
    CHECK(std::isnan(ValueAt(d, 0, 2)));
    Extreme m = FindMax(d, false);
    CHECK(m.x == 4);
    CHECK(m.series == 1);
    CHECK(m.value == 99);
    m = FindMax(TwoSeries(), true);  // totals 15, 35, 55, 75
    CHECK(m.x == 3);
    CHECK(m.series == -1);
    CHECK(m.value == 75);
    CHECK(FindMax(ChartData{}, false).x == -1);
    ChartData tie;
    tie.series = {{"a", {4, 7, 7}, 0}};
    CHECK(FindMax(tie, false).x == 1);  // the first of equal maxima
}

// ---- Drawn with ImGui (headless) ---------------------------------------------------------------
namespace {

double Contrast(ImU32 a, ImU32 b) {  // WCAG contrast ratio of two opaque colours
    auto lum = [](ImU32 c) {
        auto ch = [](unsigned v) {
            const double s = v / 255.0;
            return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * ch(c & 0xFF) + 0.7152 * ch((c >> 8) & 0xFF) + 0.0722 * ch((c >> 16) & 0xFF);
    };
    const double la = lum(a), lb = lum(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// One chart in a window of its own at (0, 0), then a button below it (somewhere for the focus to go).
struct ChartBox {
    fixtures::Harness h;
    ChartData data = TwoSeries();
    Kind kind = Kind::bars;
    ui::ChartOptions options;
    ImVec2 size{600, 300};
    Layout layout;           // what the chart laid out, from ui::ChartLayout
    ui::ChartClick clicked;  // the last click returned
    int clicks = 0;
    unsigned int chart_id = 0;

    void Frame() {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(800, 600));
        ImGui::Begin("reports", nullptr, ImGuiWindowFlags_NoDecoration);
        layout = ui::ChartLayout(data, kind, ImGui::GetCursorScreenPos(), size, options);
        ui::ChartClick c;
        if (kind == Kind::line)
            c = ui::LineChart("chart", data, size, options);
        else if (kind == Kind::heat_map)
            c = ui::HeatMap("chart", data, size, options);
        else
            c = ui::BarChart("chart", data, size, options);
        chart_id = ImGui::GetItemID();
        if (c.Clicked()) clicked = c, ++clicks;
        ImGui::Button("after");
        ImGui::End();
        fixtures::Harness::CheckBalanced();
        ImGui::Render();
    }
    void Move(float x, float y) {
        ImGui::GetIO().AddMousePosEvent(x, y);
        Frame();
    }
    void Click(float x, float y) {
        ImGuiIO& io = ImGui::GetIO();
        Move(x, y);
        io.AddMouseButtonEvent(0, true);
        Frame();
        io.AddMouseButtonEvent(0, false);
        Frame();
    }
    void ClickMark(int x, int series) {
        const Mark* m = layout.Find(x, series);
        REQUIRE(m != nullptr);
        const float cx = m->rect.w > 0 ? m->rect.x + m->rect.w * 0.5f : m->px;
        const float cy = m->rect.h > 0 ? m->rect.y + m->rect.h * 0.5f : m->py;
        Click(cx, cy);
    }
    void Key(ImGuiKey key) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddKeyEvent(key, true);
        Frame();
        io.AddKeyEvent(key, false);
        Frame();
    }
    bool TooltipShown() const {
        ImGuiWindow* w = ImGui::FindWindowByName("##Tooltip_00");
        return w != nullptr && w->Active;
    }
};

}  // namespace

TEST_CASE("charts drawn: a click on a bar names its x and series; empty space names none") {
    ChartBox box;
    box.Frame();
    box.Frame();
    // The layout leaves room for the value axis on the left and the x labels below.
    CHECK(box.layout.plot.x > 0);
    CHECK(box.layout.plot.Right() <= 600);
    CHECK(box.layout.plot.Bottom() < 300);
    CHECK(box.layout.axis.ticks == Ticks{0, 10, 20, 30, 40});
    box.ClickMark(2, 1);  // Wed, Resolved
    CHECK(box.clicks == 1);
    CHECK(box.clicked.x == 2);
    CHECK(box.clicked.series == 1);
    box.ClickMark(0, 0);
    CHECK(box.clicks == 2);
    CHECK(box.clicked.x == 0);
    CHECK(box.clicked.series == 0);
    // Above Thu's short bar (Resolved 35 of 40) and in a band's padding: no click.
    const Mark* thu = box.layout.Find(3, 1);
    REQUIRE(thu != nullptr);
    box.Click(thu->px, thu->rect.y - 5);
    box.Click(box.layout.plot.x + 2, box.layout.plot.y + box.layout.plot.h * 0.5f);
    CHECK(box.clicks == 2);
}

TEST_CASE("charts drawn: stacked bars, a line and a heat map answer clicks on their marks") {
    ChartBox box;
    box.kind = Kind::stacked_bars;
    box.options.stacked = true;
    box.Frame();
    CHECK(box.layout.axis.hi == 80);  // stacked: totals up to 75
    box.ClickMark(3, 0);
    CHECK(box.clicked.x == 3);
    CHECK(box.clicked.series == 0);
    box.ClickMark(3, 1);
    CHECK(box.clicked.series == 1);

    box.kind = Kind::line;
    box.Frame();
    box.ClickMark(1, 0);  // Tue's Created point (20), nearer than Resolved (15)
    CHECK(box.clicked.x == 1);
    CHECK(box.clicked.series == 0);

    box.kind = Kind::heat_map;
    box.data = Heat();
    box.Frame();
    CHECK(box.layout.rows == 2);
    box.ClickMark(2, 1);
    CHECK(box.clicked.x == 2);
    CHECK(box.clicked.series == 1);
    const int before = box.clicks;
    const Mark* mon09 = box.layout.Find(1, 0);  // the cell below it (Tue 09) has no value
    REQUIRE(mon09 != nullptr);
    box.Click(mon09->px, mon09->py + mon09->rect.h + 2);
    CHECK(box.clicks == before);
}

TEST_CASE("charts drawn: hovering shows a tooltip; the keyboard walks the points and clicks") {
    ChartBox box;
    box.Frame();
    box.Frame();
    CHECK_FALSE(box.TooltipShown());
    const Mark* wed = box.layout.Find(2, 0);
    REQUIRE(wed != nullptr);
    box.Move(wed->px, wed->rect.y + 4);
    CHECK(box.TooltipShown());
    box.Move(box.layout.plot.x + 2, box.layout.plot.y + 2);  // the band's padding: nothing pointed
    CHECK_FALSE(box.TooltipShown());

    box.Key(ImGuiKey_Tab);  // the chart is the first item: Tab focuses it
    REQUIRE(ui::hooks::LastFrameFocusedId() == box.chart_id);
    box.Key(ImGuiKey_RightArrow);  // the first point, then two on
    box.Key(ImGuiKey_RightArrow);
    box.Key(ImGuiKey_RightArrow);
    box.Key(ImGuiKey_DownArrow);                             // the next series
    CHECK(ui::hooks::LastFrameFocusedId() == box.chart_id);  // the arrows moved the point, not the focus
    CHECK(box.TooltipShown());
    CHECK(box.clicks == 0);
    box.Key(ImGuiKey_Enter);
    CHECK(box.clicks == 1);
    CHECK(box.clicked.x == 2);
    CHECK(box.clicked.series == 1);
    box.Key(ImGuiKey_End);
    box.Key(ImGuiKey_UpArrow);
    box.Key(ImGuiKey_Space);
    CHECK(box.clicks == 2);
    CHECK(box.clicked.x == 3);
    CHECK(box.clicked.series == 0);
}

TEST_CASE("charts drawn: the screen-reader mirror gets the chart's name and summary") {
    ChartBox box;
    box.Frame();
    box.Frame();
    const ui::hooks::HookedItem* item = ui::hooks::FindItem("chart");
    REQUIRE(item != nullptr);
    CHECK(item->label == "Created and resolved");
    CHECK(item->role == "textbox");
    CHECK(item->value == "Created and resolved, 4 values; Created: highest 40 on Thu; Resolved: highest 35 on Thu");
    box.options.name = "Tickets this week";
    box.Frame();
    item = ui::hooks::FindItem("chart");
    REQUIRE(item != nullptr);
    CHECK(item->label == "Tickets this week");

    ChartData one;
    one.title = "Created per day";
    one.x_labels = {"2026-11-02", "2026-11-03", "2026-11-04"};
    one.series = {{"Created", {120, 412, 98}, 0}};
    CHECK(ui::ChartSummary(one, Kind::line) == "Created per day, 3 values, highest 412 on 2026-11-03");
    one.target = 300;
    CHECK(ui::ChartSummary(one, Kind::bars) == "Created per day, 3 values, highest 412 on 2026-11-03; Target: 300");
    CHECK(ui::ChartSummary(TwoSeries(), Kind::stacked_bars) ==
          "Created and resolved, 4 values, highest total 75 on Thu");
    ChartData heat = Heat();
    heat.title = "Created by hour";
    CHECK(ui::ChartSummary(heat, Kind::heat_map) == "Created by hour, 5 values, highest 10 at Mon, 10");
    ChartData empty;
    empty.title = "Created per day";
    CHECK(ui::ChartSummary(empty, Kind::line) == "Created per day: No data");
}

TEST_CASE("charts drawn: empty data, one value and a target draw with balanced stacks") {
    ChartBox box;
    box.data = ChartData{};
    for (Kind k : {Kind::line, Kind::bars, Kind::heat_map}) {
        box.kind = k;
        box.Frame();  // CheckBalanced inside
        CHECK(box.layout.marks.empty());
    }
    box.kind = Kind::bars;
    box.data = TwoSeries();
    box.data.target = 45;
    box.data.target_label = "Goal";
    box.Frame();
    REQUIRE(box.layout.target_y.has_value());
    CHECK(*box.layout.target_y > box.layout.plot.y);  // 45 on 0..50: just below the top
    CHECK(*box.layout.target_y < box.layout.YFor(40));
    box.size = ImVec2(0, 0);  // the available width, 16 lines tall
    box.Frame();
    CHECK(box.layout.marks.size() == 8);
}

TEST_CASE("chart colours: six series colours with 3:1 against the surface and page in both schemes") {
    for (ui::ColorScheme scheme : {ui::ColorScheme::light, ui::ColorScheme::dark}) {
        const ui::Palette& p = ui::PaletteFor(scheme);
        for (int slot = 0; slot < ui::kChartColorCount; ++slot) {
            CAPTURE(slot);
            const ImU32 c = ui::ChartColorIn(scheme, slot);
            CHECK(Contrast(c, p.surface) >= 3.0);
            CHECK(Contrast(c, p.page) >= 3.0);
            CHECK(Contrast(c, p.surface_hover) >= 3.0);
        }
        for (int a = 0; a < ui::kChartColorCount; ++a)
            for (int b = a + 1; b < ui::kChartColorCount; ++b)
                CHECK(ui::ChartColorIn(scheme, a) != ui::ChartColorIn(scheme, b));
        CHECK(ui::ChartColorIn(scheme, 0) == p.accent);  // one series wears the accent
    }
    CHECK(ui::ChartColorIn(ui::ColorScheme::light, 7) == ui::ChartColorIn(ui::ColorScheme::light, 1));  // slots wrap
    CHECK(ui::ChartColorIn(ui::ColorScheme::light, -1) ==
          ui::ChartColorIn(ui::ColorScheme::light, 5));  // and never index out
    CHECK(ui::HeatColor(0) == ui::color::kMutedSoft);
    CHECK(ui::HeatColor(1) == ui::color::kAccent);
}
