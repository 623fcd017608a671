// Chart geometry and value text (see chart_model.h): ticks, the value axis, layouts of the four
// chart kinds, hit testing, label thinning, legend rows and number formatting. Pure functions of
// their arguments; floating-point results are computed the same way on every target.
//
// Index: [SECTION] Data, [SECTION] Ticks, [SECTION] Layout, [SECTION] Hit test,
//        [SECTION] Labels, [SECTION] Value text
#include "client/app/chart_model.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <utility>

namespace spoc::client::chart {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kHuge = 1e300;  // inputs are clamped here so max - min never overflows

// Non-finite values count as 0; magnitudes are kept within [1e-300, 1e300] (or 0), so a range
// never overflows and a step is never subnormal.
double Finite(double v) {
    if (!std::isfinite(v) || std::abs(v) < 1 / kHuge) return 0.0;
    return std::clamp(v, -kHuge, kHuge);
}
}  // namespace

// ---- [SECTION] Data ---------------------------------------------------------------------------
int ColumnCount(const ChartData& data) {
    size_t n = data.x_labels.size();
    for (const Series& s : data.series) n = std::max(n, s.values.size());
    return static_cast<int>(n);
}

double ValueAt(const ChartData& data, int x, int s) {
    if (s < 0 || static_cast<size_t>(s) >= data.series.size() || x < 0) return kNaN;
    const std::vector<double>& values = data.series[static_cast<size_t>(s)].values;
    if (static_cast<size_t>(x) >= values.size()) return kNaN;
    const double v = values[static_cast<size_t>(x)];
    return std::isfinite(v) ? v : kNaN;
}

std::vector<double> StackTotals(const ChartData& data) {
    std::vector<double> totals(static_cast<size_t>(ColumnCount(data)), 0.0);
    for (size_t x = 0; x < totals.size(); ++x)
        for (size_t s = 0; s < data.series.size(); ++s) {
            const double v = ValueAt(data, static_cast<int>(x), static_cast<int>(s));
            if (!std::isnan(v)) totals[x] += v;
        }
    return totals;
}

Extreme FindMax(const ChartData& data, bool stacked) {
    Extreme best;
    auto consider = [&best](int x, int s, double v) {
        if (std::isnan(v) || (best.x >= 0 && v <= best.value)) return;
        best = Extreme{x, s, v};
    };
    if (stacked) {
        const std::vector<double> totals = StackTotals(data);
        for (size_t x = 0; x < totals.size(); ++x) consider(static_cast<int>(x), -1, totals[x]);
        return best;
    }
    const int columns = ColumnCount(data);
    for (int s = 0; s < static_cast<int>(data.series.size()); ++s)
        for (int x = 0; x < columns; ++x) consider(x, s, ValueAt(data, x, s));
    return best;
}

// ---- [SECTION] Ticks --------------------------------------------------------------------------
namespace {
// A step of mantissa (1, 2 or 5) x 10^exponent, kept apart so ticks are computed exactly.
struct Step {
    int mantissa = 1;
    int exponent = 0;
    double Value() const { return mantissa * std::pow(10.0, exponent); }
    double Tick(double k) const {  // k * step; dividing by an exact 10^n keeps 0.1, 0.3 exact
        return exponent >= 0 ? k * mantissa * std::pow(10.0, exponent) : (k * mantissa) / std::pow(10.0, -exponent);
    }
    Step Next() const {
        return mantissa == 1 ? Step{2, exponent} : mantissa == 2 ? Step{5, exponent} : Step{1, exponent + 1};
    }
};

Step NiceStepAtLeast(double raw) {  // the smallest 1/2/5 x 10^n >= raw (raw > 0)
    Step step{1, static_cast<int>(std::floor(std::log10(raw)))};
    while (step.Value() < raw * (1 - 1e-12)) step = step.Next();
    return step;
}
}  // namespace

std::vector<double> NiceTicks(double min, double max, int max_ticks, const TickOptions& options) {
    min = Finite(min);
    max = Finite(max);
    if (min > max) std::swap(min, max);
    if (options.include_zero) {
        min = std::min(min, 0.0);
        max = std::max(max, 0.0);
    }
    // An empty or vanishing range (all values equal, or equal to double precision) is widened.
    if (max - min <= std::max(std::abs(min), std::abs(max)) * 1e-12) {
        if (options.include_zero) {
            max = 1;  // both are 0 here: 0 .. 1
        } else {
            const double pad = min == 0 ? 1.0 : std::abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
    }
    max_ticks = std::clamp(max_ticks, 2, 1000);
    Step step = NiceStepAtLeast((max - min) / (max_ticks - 1));
    if (options.min_step > 0 && step.Value() < options.min_step) step = NiceStepAtLeast(options.min_step);
    double lo_k = 0, hi_k = 0;
    for (;;) {  // a rounded-out range may need one more tick than planned: take the next step
        const double s = step.Value();
        lo_k = std::floor(min / s + 1e-9);
        hi_k = std::ceil(max / s - 1e-9);
        if (hi_k - lo_k + 1 <= max_ticks) break;
        step = step.Next();
    }
    std::vector<double> ticks;
    for (double k = lo_k; k <= hi_k; k += 1) {
        const double t = step.Tick(k);
        if (ticks.empty() || t > ticks.back()) ticks.push_back(t == 0 ? 0.0 : t);  // no "-0"
    }
    if (ticks.size() < 2) ticks.push_back(step.Tick(hi_k + 1));
    return ticks;
}

namespace {
double DurationScale(double max_abs_seconds) {  // minutes below an hour, hours below two days, then days
    return max_abs_seconds < 3600 ? 60.0 : max_abs_seconds < 48 * 3600 ? 3600.0 : 86400.0;
}

void ValueRange(const ChartData& data, Kind kind, double* lo, double* hi) {
    bool any = false;
    auto take = [&](double v) {
        if (std::isnan(v)) return;
        *lo = any ? std::min(*lo, v) : v;
        *hi = any ? std::max(*hi, v) : v;
        any = true;
    };
    const int columns = ColumnCount(data);
    for (int x = 0; x < columns; ++x) {
        double up = 0, down = 0;
        for (int s = 0; s < static_cast<int>(data.series.size()); ++s) {
            const double v = ValueAt(data, x, s);
            if (kind != Kind::stacked_bars)
                take(v);
            else if (!std::isnan(v))
                (v >= 0 ? up : down) += v;
        }
        if (kind == Kind::stacked_bars) {
            take(up);
            take(down);
        }
    }
    if (data.target && kind != Kind::heat_map) take(*data.target);
    if (!any) *lo = *hi = 0;
}
}  // namespace

ValueAxis MakeValueAxis(const ChartData& data, Kind kind, const LayoutOptions& options) {
    double lo = 0, hi = 0;
    ValueRange(data, kind, &lo, &hi);
    lo = Finite(lo);
    hi = Finite(hi);
    ValueAxis axis;
    TickOptions tick;
    tick.include_zero = kind != Kind::line || options.include_zero;
    if (data.unit == Unit::count) tick.min_step = 1;
    if (data.unit == Unit::seconds) axis.scale = DurationScale(std::max(std::abs(lo), std::abs(hi)));
    axis.ticks = NiceTicks(lo / axis.scale, hi / axis.scale, options.max_ticks, tick);
    for (double& t : axis.ticks) t *= axis.scale;
    axis.lo = axis.ticks.front();
    axis.hi = axis.ticks.back();
    axis.step = axis.ticks[1] - axis.ticks[0];
    return axis;
}

// ---- [SECTION] Layout -------------------------------------------------------------------------
float Layout::YFor(double value) const {
    const double span = axis.hi - axis.lo;
    const double t = span > 0 ? (value - axis.lo) / span : 0.0;
    return plot.Bottom() - static_cast<float>(t) * plot.h;
}

float Layout::XCenter(int x) const { return plot.x + (static_cast<float>(x) + 0.5f) * step; }

const Mark* Layout::Find(int x, int series) const {
    for (const Mark& m : marks)
        if (m.x == x && m.series == series) return &m;
    return nullptr;
}

namespace {
Mark MarkAt(int x, int series, double value) {
    Mark m;
    m.x = x;
    m.series = series;
    m.value = value;
    return m;
}

Rect Span(float x, float w, float y0, float y1) {  // a rectangle between two y, whichever is above
    return Rect{x, std::min(y0, y1), w, std::abs(y1 - y0)};
}

void LayOutLine(const ChartData& data, Layout* out) {
    for (int x = 0; x < out->columns; ++x)
        for (int s = 0; s < out->rows; ++s) {
            const double v = ValueAt(data, x, s);
            if (std::isnan(v)) continue;
            Mark m = MarkAt(x, s, v);
            m.px = out->XCenter(x);
            m.py = out->YFor(v);
            m.rect = Rect{m.px, m.py, 0, 0};
            out->marks.push_back(m);
        }
}

void LayOutBars(const ChartData& data, bool stacked, float band_fill, Layout* out) {
    const float group = out->step * std::clamp(band_fill, 0.05f, 1.0f);
    const float bar_w = stacked || out->rows == 0 ? group : group / static_cast<float>(out->rows);
    const float zero_y = out->YFor(std::clamp(0.0, out->axis.lo, out->axis.hi));
    for (int x = 0; x < out->columns; ++x) {
        const float left = out->plot.x + static_cast<float>(x) * out->step + (out->step - group) * 0.5f;
        double up = 0, down = 0;  // stacked: the running top of positives and bottom of negatives
        for (int s = 0; s < out->rows; ++s) {
            const double v = ValueAt(data, x, s);
            if (std::isnan(v)) continue;
            Mark m = MarkAt(x, s, v);
            if (stacked) {
                double& edge = v >= 0 ? up : down;
                m.rect = Span(left, bar_w, out->YFor(edge), out->YFor(edge + v));
                edge += v;
            } else {
                m.rect = Span(left + static_cast<float>(s) * bar_w, bar_w, zero_y, out->YFor(v));
            }
            m.px = m.rect.x + m.rect.w * 0.5f;
            m.py = v >= 0 ? m.rect.y : m.rect.Bottom();
            out->marks.push_back(m);
        }
    }
}

void LayOutHeatMap(const ChartData& data, float gap, Layout* out) {
    if (out->columns == 0 || out->rows == 0) return;
    const float cell_h = out->plot.h / static_cast<float>(out->rows);
    double lo = 0, hi = 0;
    bool any = false;
    for (int r = 0; r < out->rows; ++r)
        for (int c = 0; c < out->columns; ++c) {
            const double v = ValueAt(data, c, r);
            if (std::isnan(v)) continue;
            lo = any ? std::min(lo, v) : v;
            hi = any ? std::max(hi, v) : v;
            any = true;
        }
    const double base = lo >= 0 ? 0.0 : lo;  // counts: 0 is no colour; with negatives, the minimum is
    out->axis.lo = base;
    out->axis.hi = hi;
    for (int r = 0; r < out->rows; ++r)
        for (int c = 0; c < out->columns; ++c) {
            const double v = ValueAt(data, c, r);
            if (std::isnan(v)) continue;
            Mark m = MarkAt(c, r, v);
            m.rect = Rect{out->plot.x + static_cast<float>(c) * out->step + gap * 0.5f,
                          out->plot.y + static_cast<float>(r) * cell_h + gap * 0.5f, std::max(0.0f, out->step - gap),
                          std::max(0.0f, cell_h - gap)};
            m.px = m.rect.x + m.rect.w * 0.5f;
            m.py = m.rect.y + m.rect.h * 0.5f;
            m.intensity = hi > base ? static_cast<float>(std::clamp((v - base) / (hi - base), 0.0, 1.0)) : 0.0f;
            out->marks.push_back(m);
        }
}
}  // namespace

Layout LayoutChart(const ChartData& data, Kind kind, Rect plot, const LayoutOptions& options) {
    Layout out;
    out.kind = kind;
    out.plot = plot;
    out.columns = ColumnCount(data);
    out.rows = static_cast<int>(data.series.size());
    out.step = out.columns > 0 ? plot.w / static_cast<float>(out.columns) : plot.w;
    if (kind == Kind::heat_map) {
        LayOutHeatMap(data, options.cell_gap, &out);
        out.axis.ticks = {out.axis.lo, out.axis.hi};
        out.axis.step = out.axis.hi - out.axis.lo;
        return out;
    }
    out.axis = MakeValueAxis(data, kind, options);
    if (data.target && std::isfinite(*data.target)) out.target_y = out.YFor(*data.target);
    if (kind == Kind::line)
        LayOutLine(data, &out);
    else
        LayOutBars(data, kind == Kind::stacked_bars, options.band_fill, &out);
    return out;
}

// ---- [SECTION] Hit test -----------------------------------------------------------------------
Hit HitTest(const Layout& layout, float mx, float my) {
    if (layout.kind != Kind::line) {
        for (const Mark& m : layout.marks)
            if (m.rect.Contains(mx, my)) return Hit{m.x, m.series};
        return {};
    }
    if (layout.columns == 0 || layout.step <= 0 || !layout.plot.Contains(mx, my)) return {};
    const int x = std::clamp(static_cast<int>((mx - layout.plot.x) / layout.step), 0, layout.columns - 1);
    Hit best;
    float best_d = 0;
    for (const Mark& m : layout.marks) {
        if (m.x != x) continue;
        const float d = std::abs(m.py - my);
        if (!best.Valid() || d < best_d) best = Hit{m.x, m.series}, best_d = d;
    }
    return best;
}

// ---- [SECTION] Labels -------------------------------------------------------------------------
std::vector<int> ThinLabels(const std::vector<float>& widths, float step, float min_gap) {
    std::vector<int> shown;
    if (widths.empty()) return shown;
    const float widest = *std::max_element(widths.begin(), widths.end()) + min_gap;
    int every = 1;
    if (step <= 0)
        every = static_cast<int>(widths.size());  // no room at all: the first label only
    else if (widest > step)
        every = static_cast<int>(std::ceil(widest / step - 1e-4f));
    for (int i = 0; i < static_cast<int>(widths.size()); i += every) shown.push_back(i);
    return shown;
}

std::vector<Rect> LayoutLegend(const std::vector<float>& widths, float max_width, float row_height, float gap) {
    std::vector<Rect> out;
    float x = 0, y = 0;
    for (float w : widths) {
        if (x > 0 && x + w > max_width) {
            x = 0;
            y += row_height;
        }
        out.push_back(Rect{x, y, w, row_height});
        x += w + gap;
    }
    return out;
}

// ---- [SECTION] Value text ---------------------------------------------------------------------
std::string PlainNumber(double value, int fraction_digits) {
    if (std::isnan(value)) return "\xE2\x80\x93";  // an en dash
    if (std::isinf(value)) return value < 0 ? "-\xE2\x88\x9E" : "\xE2\x88\x9E";
    char buf[400];  // DBL_MAX has 309 integer digits
    std::snprintf(buf, sizeof(buf), "%.*f", std::clamp(fraction_digits, 0, 20), value);
    std::string text(buf);
    const bool negative = text[0] == '-';
    if (negative) text.erase(0, 1);
    const size_t dot = text.find('.');
    std::string integer = text.substr(0, dot);
    std::string fraction = dot == std::string::npos ? std::string() : text.substr(dot + 1);
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
    std::string out;
    if (negative && (!fraction.empty() || integer.find_first_not_of('0') != std::string::npos)) out += '-';
    for (size_t i = 0; i < integer.size(); ++i) {
        if (i > 0 && (integer.size() - i) % 3 == 0) out += ',';
        out += integer[i];
    }
    if (!fraction.empty()) out += '.' + fraction;
    return out;
}

std::string Substitute(const std::string& pattern, const std::string& value) {
    const size_t at = pattern.find("{0}");
    if (at == std::string::npos) return pattern;
    return pattern.substr(0, at) + value + pattern.substr(at + 3);
}

namespace {
struct Magnitude {
    double divisor = 1;
    const std::string* pattern = nullptr;  // nullptr: no suffix
};
Magnitude MagnitudeOf(double abs_value, const NumberStyle& style) {
    if (abs_value >= 1e9) return {1e9, &style.billions};
    if (abs_value >= 1e6) return {1e6, &style.millions};
    if (abs_value >= 1e3) return {1e3, &style.thousands};
    return {};
}

std::string WithPattern(const Magnitude& m, const std::string& number) {
    return m.pattern ? Substitute(*m.pattern, number) : number;
}

int DigitsFor(double step) {  // fraction digits that show every multiple of `step` exactly
    for (int d = 0; d < 6; ++d) {
        const double scaled = std::abs(step) * std::pow(10.0, d);
        if (std::abs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, scaled)) return d;
    }
    return 6;
}

std::string Number(const NumberStyle& style, double value, int digits) {
    return style.number ? style.number(value, digits) : PlainNumber(value, digits);
}
}  // namespace

std::string FormatCompact(double value, const NumberStyle& style) {
    if (!std::isfinite(value)) return Number(style, value, 0);
    Magnitude m = MagnitudeOf(std::abs(value), style);
    double scaled = value / m.divisor;
    int digits = std::abs(scaled) < 10 ? 1 : 0;
    // 999,960 rounds to "1000k": say "1M" instead.
    const double rounded = std::round(std::abs(scaled) * (digits ? 10 : 1)) / (digits ? 10 : 1);
    if (rounded >= 1000 && m.divisor < 1e9) {
        m = MagnitudeOf(m.divisor * 1000, style);
        scaled = value / m.divisor;
        digits = 1;
    }
    if (!m.pattern) digits = std::abs(value - std::round(value)) < 1e-9 ? 0 : 1;
    return WithPattern(m, Number(style, scaled, digits));
}

std::string FormatValue(double value, Unit unit, const NumberStyle& style) {
    if (std::isnan(value)) return "\xE2\x80\x93";  // an en dash
    switch (unit) {
        case Unit::count:
            return Number(style, value, 2);
        case Unit::percent:
            return Substitute(style.percent, Number(style, value, 1));
        case Unit::seconds:
            break;
    }
    const double a = std::abs(value);
    if (a < 3600) return Substitute(style.minutes, Number(style, value / 60, a < 600 ? 1 : 0));
    if (a < 48 * 3600) return Substitute(style.hours, Number(style, value / 3600, 1));
    return Substitute(style.days, Number(style, value / 86400, 1));
}

std::string FormatTick(double value, const ValueAxis& axis, Unit unit, const NumberStyle& style) {
    if (unit == Unit::seconds) {
        const std::string& pattern = axis.scale >= 86400  ? style.days
                                     : axis.scale >= 3600 ? style.hours
                                                          : style.minutes;
        return Substitute(pattern, Number(style, value / axis.scale, DigitsFor(axis.step / axis.scale)));
    }
    if (unit == Unit::percent) return Substitute(style.percent, Number(style, value, DigitsFor(axis.step)));
    if (value == 0) return Number(style, 0, 0);  // "0", not "0k"
    const double largest = std::max(std::abs(axis.lo), std::abs(axis.hi));
    const Magnitude m = MagnitudeOf(largest, style);
    return WithPattern(m, Number(style, value / m.divisor, DigitsFor(axis.step / m.divisor)));
}

}  // namespace spoc::client::chart
