// The data and geometry of the reports dashboard's charts, without ImGui: nice axis ticks, the
// layout of line, bar, stacked bar and heat-map charts inside a plot rectangle, hit testing, x
// label thinning, legend wrapping and the value texts of axes and tooltips. Pure and deterministic
// (no imgui.h, no locale, no clock): client/ui/charts.cpp draws from it, the tests check it alone.
// A NaN value means "no value" (a gap in a line, no bar, an empty cell).
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace spoc::client::chart {

// ---- [SECTION] Data ---------------------------------------------------------------------------
// What the values measure.
enum class Unit {
    count,    // tickets, requests: whole numbers on the axis
    percent,  // 0..100 (85 reads "85%")
    seconds,  // durations, shown in minutes, hours or days as they grow
};

// One line, bar colour or stack layer; a heat map's row.
struct Series {
    std::string label;           // legend and tooltip ("Created"); a heat map's row label ("Mon")
    std::vector<double> values;  // one per x index; NaN = no value
    int color = 0;               // categorical palette slot (ui::ChartColor)
};

// What a chart shows; the caller owns it.
struct ChartData {
    std::string title;                  // accessible name and the summary's lead ("Created per day")
    std::vector<std::string> x_labels;  // one per x index ("2026-11-03"); a heat map's columns ("09")
    std::vector<Series> series;         // lines, bar groups, stack layers; a heat map's rows
    std::optional<double> target;       // a reference line (SLA goal), in the data's unit
    std::string target_label;           // its label ("" = the UI's "Target")
    Unit unit = Unit::count;            // how values read on the axis and in tooltips
};

int ColumnCount(const ChartData& data);                  // x indices: the most of labels and values
double ValueAt(const ChartData& data, int x, int s);     // series s at x, NaN when absent or out of range
std::vector<double> StackTotals(const ChartData& data);  // per x: the sum of the finite values

// The largest value (stacked: the largest total, series -1), for summaries; x is -1 when no value.
struct Extreme {
    int x = -1;        // x index (heat map: column)
    int series = -1;   // series (heat map: row); -1 for a stack total
    double value = 0;  // the value
};
Extreme FindMax(const ChartData& data, bool stacked);  // first one wins a tie

// ---- [SECTION] Axis ---------------------------------------------------------------------------
// NiceTicks' constraints.
struct TickOptions {
    bool include_zero = false;  // stretch the range to 0 (bar charts)
    double min_step = 0;        // no step below this (counts: 1, so no "0.5 tickets")
};
// Ticks at 1, 2 or 5 x 10^n spanning [min, max]: the first <= min, the last >= max, at most
// max_ticks (>= 2) of them. Never NaN: non-finite inputs count as 0; min == max is widened.
std::vector<double> NiceTicks(double min, double max, int max_ticks, const TickOptions& options = {});  // ascending

// The value axis of a chart.
struct ValueAxis {
    std::vector<double> ticks;  // in data units, ascending; ticks.front() == lo, ticks.back() == hi
    double lo = 0, hi = 1;      // the range the plot spans
    double step = 1;            // distance between ticks (data units)
    double scale = 1;           // seconds: 60, 3600 or 86400 (the unit ticks are nice in); else 1
};

enum class Kind { line, bars, stacked_bars, heat_map };  // the chart a layout is for

// How LayoutChart fills the plot.
struct LayoutOptions {
    int max_ticks = 6;         // value-axis ticks at most
    bool include_zero = true;  // line charts: the axis starts at 0 (bars always do)
    float band_fill = 0.8f;    // bars: share of each x band the bar group fills
    float cell_gap = 0;        // heat map: px between cells
};
// The value axis of `data` drawn as `kind` (counts step by at least 1; seconds tick in min/h/d).
ValueAxis MakeValueAxis(const ChartData& data, Kind kind, const LayoutOptions& options = {});  // ticks >= 2

// ---- [SECTION] Layout -------------------------------------------------------------------------
// An axis-aligned rectangle in px (ImGui screen coordinates).
struct Rect {
    float x = 0, y = 0, w = 0, h = 0;          // top-left corner and size, px
    float Right() const { return x + w; }      // x + w
    float Bottom() const { return y + h; }     // y + h
    bool Contains(float px, float py) const {  // half-open: [x, x + w) x [y, y + h)
        return px >= x && px < x + w && py >= y && py < y + h;
    }
};

// One drawn thing: a point of a line, a bar (or stack segment), a heat-map cell.
struct Mark {
    int x = -1;            // x index (heat map: column)
    int series = -1;       // series index (heat map: row)
    double value = 0;      // its value (finite)
    Rect rect;             // bars and cells: the rectangle; points: empty at the point
    float px = 0, py = 0;  // points: the point; bars: top centre; cells: centre (tooltip anchor)
    float intensity = 0;   // heat map: 0..1 within the data's range; else 0
};

// Everything a chart draws, in px.
struct Layout {
    Kind kind = Kind::line;                     // how the marks were laid out
    Rect plot;                                  // the plot rectangle it was laid out in
    int columns = 0;                            // x indices
    int rows = 0;                               // series (heat map: rows)
    float step = 0;                             // width of one x band (line points and bars sit at its centre)
    ValueAxis axis;                             // value axis (heat map: the colour scale's range)
    std::vector<Mark> marks;                    // x-major for lines and bars, row-major for heat maps
    std::optional<float> target_y;              // y of the target line, when there is one (not for heat maps)
    float YFor(double value) const;             // plot y of `value` on the value axis
    float XCenter(int x) const;                 // centre of x band `x`
    const Mark* Find(int x, int series) const;  // the mark at (x, series), or nullptr
};

// Lays `data` out as `kind` in `plot`. Heat maps read series as rows and x indices as columns;
// stacked bars stack positives up and negatives down from 0.
Layout LayoutChart(const ChartData& data, Kind kind, Rect plot, const LayoutOptions& options = {});  // pure

// A mark under the pointer.
struct Hit {
    int x = -1;                            // x index (heat map: column), -1 for none
    int series = -1;                       // series (heat map: row), -1 for none
    bool Valid() const { return x >= 0; }  // something is under the pointer
};
// What is under (mx, my): bars and cells by their rectangle; lines by the x band (within half a
// step of its point) inside the plot, then the series whose point is nearest in y.
Hit HitTest(const Layout& layout, float mx, float my);  // invalid when nothing is there

// ---- [SECTION] Labels and legend --------------------------------------------------------------
// The x labels to draw so none overlap: every k-th from 0, k the smallest with k * step >= the
// widest label + min_gap. `widths` are the labels' widths in px (empty when none).
std::vector<int> ThinLabels(const std::vector<float>& widths, float step, float min_gap);  // indices to draw

// Legend entries of `widths` (swatch + label) placed in rows of at most max_width, `gap` apart;
// one rectangle each, from (0, 0). An entry wider than max_width gets a row of its own.
std::vector<Rect> LayoutLegend(const std::vector<float>& widths, float max_width, float row_height,
                               float gap);  // one rectangle per entry

// ---- [SECTION] Value text ---------------------------------------------------------------------
// A number in the reader's language, rounded to at most `fraction_digits` digits without trailing
// zeros (the contract of i18n::FormatDecimal, which the UI passes).
using NumberText = std::function<std::string(double value, int fraction_digits)>;  // i18n::FormatDecimal's shape
std::string PlainNumber(double value, int fraction_digits);  // English: "1,234.5", "-2", never "-0"

// Patterns ("{0}" is the number) and the number formatter; the UI passes translated ones.
struct NumberStyle {
    NumberText number = PlainNumber;  // digits, grouping, decimal mark
    std::string thousands = "{0}k";   // compact 10^3
    std::string millions = "{0}M";    // compact 10^6
    std::string billions = "{0}B";    // compact 10^9 (and beyond)
    std::string percent = "{0}%";     // Unit::percent
    std::string minutes = "{0}m";     // Unit::seconds below an hour (as sla.cpp's "45m")
    std::string hours = "{0}h";       // Unit::seconds below two days ("4.5h")
    std::string days = "{0}d";        // Unit::seconds from two days ("2d")
};
std::string Substitute(const std::string& pattern, const std::string& value);  // "{0}" -> value
// Compact form: "950", "1.2k", "12k", "3.4M", "2.1B" (one digit below 10 of the suffix's unit).
std::string FormatCompact(double value, const NumberStyle& style = {});  // axis-sized
// Tooltips: counts as they are ("1,234", "3.25"), percent "85%" / "85.3%", seconds as
// "45m", "4.5h" (below 48 hours) or "2d". NaN reads "–".
std::string FormatValue(double value, Unit unit, const NumberStyle& style = {});  // full value
// An axis tick: as many digits as the step needs; counts go compact from 1,000 ("2.5k"); seconds
// in the axis's unit ("2h"); percent "50%".
std::string FormatTick(double value, const ValueAxis& axis, Unit unit,
                       const NumberStyle& style = {});  // one tick label

}  // namespace spoc::client::chart
