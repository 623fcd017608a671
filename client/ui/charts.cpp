// Draws the charts of charts.h with ImDrawList: the geometry comes from client/app/chart_model.h,
// this file adds colours, text, the pointer and the keyboard. Right-to-left needs nothing here
// beyond the arrow keys: the whole frame is mirrored after drawing (mirror.h), so the value axis
// moves to the right and x runs right to left, and pointer input is mirrored back before ImGui.
//
// Index: [SECTION] Palette, [SECTION] Text, [SECTION] Geometry, [SECTION] Axes and legends,
//        [SECTION] Marks, [SECTION] Tooltip, [SECTION] Keyboard, [SECTION] Charts
#include "client/ui/charts.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

#include "client/ui/item_hooks.h"
#include "client/ui/mirror.h"
#include "client/ui/widgets.h"
#include "imgui_internal.h"
#include "shared/domain/i18n.h"

namespace spoc::ui {

namespace chart = client::chart;
using chart::ChartData;
using chart::Hit;
using chart::Kind;
using chart::Layout;
using chart::Mark;
using chart::Rect;
using i18n::Format;
using i18n::tr;

// ---- [SECTION] Palette ------------------------------------------------------------------------
// Six hues in the order of Okabe and Ito's colour-blind-safe set (blue, orange, bluish green,
// reddish purple, sky blue, yellow), slot 0 being the theme's accent so a one-series chart wears
// the brand colour. The palette's semantic colours (danger, success, warning) are left out on
// purpose: a red series would read as "bad". Each scheme has its own lightness so that every
// slot has at least 4.3:1 against the surface and page it is drawn on (WCAG asks 3:1 for
// graphics); the same slot keeps its hue in both schemes. chart_test.cpp checks the ratios.
namespace {
constexpr ImU32 kLightSeries[kChartColorCount] = {
    color::Rgb(79, 70, 229),   // indigo (= light accent), 6.3:1 on white
    color::Rgb(194, 81, 0),    // orange, 4.7:1
    color::Rgb(0, 128, 110),   // teal, 4.9:1
    color::Rgb(192, 38, 126),  // pink, 5.5:1
    color::Rgb(10, 118, 184),  // sky blue, 4.9:1
    color::Rgb(122, 106, 0),   // olive, 5.4:1
};
constexpr ImU32 kDarkSeries[kChartColorCount] = {
    color::Rgb(143, 152, 250),  // indigo (= dark accent), 6.7:1 on the dark surface
    color::Rgb(240, 145, 58),   // orange, 7.3:1
    color::Rgb(60, 201, 180),   // teal, 8.5:1
    color::Rgb(244, 122, 184),  // pink, 6.9:1
    color::Rgb(91, 181, 240),   // sky blue, 7.7:1
    color::Rgb(205, 181, 74),   // olive, 8.5:1
};

ImU32 Mix(ImU32 a, ImU32 b, float t) {  // a .. b in sRGB, t in 0..1
    const ImVec4 ca = ImGui::ColorConvertU32ToFloat4(a), cb = ImGui::ColorConvertU32ToFloat4(b);
    return ImGui::ColorConvertFloat4ToU32(ImLerp(ca, cb, std::clamp(t, 0.0f, 1.0f)));
}
}  // namespace

ImU32 ChartColorIn(ColorScheme scheme, int slot) {
    const int i = ((slot % kChartColorCount) + kChartColorCount) % kChartColorCount;
    return scheme == ColorScheme::dark ? kDarkSeries[i] : kLightSeries[i];
}

ImU32 ChartColor(int slot) { return ChartColorIn(CurrentColorScheme(), slot); }

ImU32 HeatColor(float intensity) { return Mix(color::kMutedSoft, color::kAccent, intensity); }

// ---- [SECTION] Text ---------------------------------------------------------------------------
chart::NumberStyle ChartNumberStyle() {
    chart::NumberStyle s;
    s.number = [](double v, int digits) { return i18n::FormatDecimal(v, digits); };
    // TRANSLATORS: a compact number on a chart's axis: {0} thousands ("1.2k").
    s.thousands = tr("{0}k");
    // TRANSLATORS: a compact number on a chart's axis: {0} millions ("3.4M").
    s.millions = tr("{0}M");
    // TRANSLATORS: a compact number on a chart's axis: {0} billions ("2.1B").
    s.billions = tr("{0}B");
    // TRANSLATORS: a percentage on a chart ("85%").
    s.percent = tr("{0}%");
    s.minutes = tr("{0}m");
    s.hours = tr("{0}h");
    s.days = tr("{0}d");
    return s;
}

namespace {
std::string XLabel(const ChartData& data, int x) {  // a missing label reads as the position
    if (x >= 0 && static_cast<size_t>(x) < data.x_labels.size()) return data.x_labels[static_cast<size_t>(x)];
    return i18n::FormatInt(x + 1);
}

std::string TargetLabel(const ChartData& data) {
    // TRANSLATORS: the label of a chart's target line that has no name of its own ("Target: 90%").
    return data.target_label.empty() ? tr("Target") : data.target_label;
}

// "Tue, Created: 20": one point, for tooltips' screen-reader twin (the status line).
std::string PointText(const ChartData& data, Kind kind, Hit hit, const chart::NumberStyle& style) {
    std::string where = XLabel(data, hit.x);
    if (hit.series >= 0 && static_cast<size_t>(hit.series) < data.series.size()) {
        const std::string& row = data.series[static_cast<size_t>(hit.series)].label;
        where = kind == Kind::heat_map ? row + ", " + where : where + ", " + row;
    }
    return Format(tr("{0}: {1}"),
                  {where, chart::FormatValue(chart::ValueAt(data, hit.x, hit.series), data.unit, style)});
}
}  // namespace

std::string ChartSummary(const ChartData& data, Kind kind) {
    const chart::NumberStyle style = ChartNumberStyle();
    std::string out = data.title;
    auto add = [&out](const std::string& part, const char* separator) {
        if (!out.empty()) out += separator;
        out += part;
    };
    const int columns = chart::ColumnCount(data);
    const int rows = static_cast<int>(data.series.size());
    const chart::Extreme top = chart::FindMax(data, false);
    // TRANSLATORS: a chart with nothing to show (in the plot, and after its name for screen readers).
    if (top.x < 0) return out.empty() ? std::string(tr("No data")) : Format(tr("{0}: {1}"), {out, tr("No data")});
    auto value = [&](double v) { return chart::FormatValue(v, data.unit, style); };
    if (kind == Kind::heat_map) {
        int cells = 0;
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < columns; ++c) cells += std::isnan(chart::ValueAt(data, c, r)) ? 0 : 1;
        // TRANSLATORS: a chart's summary for screen readers: how many values it shows.
        add(i18n::Plural("{0} value", "{0} values", cells), ", ");
        const std::string& row = data.series[static_cast<size_t>(top.series)].label;
        // TRANSLATORS: a heat map's summary for screen readers: its largest value {0}, in row {1} ("Mon") and
        // column {2} ("09").
        add(Format(tr("highest {0} at {1}, {2}"), {value(top.value), row, XLabel(data, top.x)}), ", ");
        return out;
    }
    add(i18n::Plural("{0} value", "{0} values", columns), ", ");
    if (kind == Kind::stacked_bars) {
        const chart::Extreme total = chart::FindMax(data, true);
        // TRANSLATORS: a stacked bar chart's summary for screen readers: its largest total {0} and the label of
        // the bar {1} ("2026-11-03").
        add(Format(tr("highest total {0} on {1}"), {value(total.value), XLabel(data, total.x)}), ", ");
    } else if (rows == 1) {
        // TRANSLATORS: a chart's summary for screen readers: its largest value {0} and the x-axis label {1} where
        // it is ("highest 412 on 2026-11-03").
        add(Format(tr("highest {0} on {1}"), {value(top.value), XLabel(data, top.x)}), ", ");
    } else {
        for (int s = 0; s < rows; ++s) {
            chart::Extreme best;
            for (int x = 0; x < columns; ++x) {
                const double v = chart::ValueAt(data, x, s);
                if (!std::isnan(v) && (best.x < 0 || v > best.value)) best = chart::Extreme{x, s, v};
            }
            if (best.x < 0) continue;
            const std::string highest = Format(tr("highest {0} on {1}"), {value(best.value), XLabel(data, best.x)});
            add(Format(tr("{0}: {1}"), {data.series[static_cast<size_t>(s)].label, highest}), "; ");
        }
    }
    if (data.target) add(Format(tr("{0}: {1}"), {TargetLabel(data), value(*data.target)}), "; ");
    return out;
}

// ---- [SECTION] Geometry -----------------------------------------------------------------------
namespace {
struct Metrics {        // sizes from the current font, CSS px
    float font = 15;    // ImGui::GetFontSize()
    float pad = 8;      // between labels and the plot
    float row = 22;     // a legend row
    float swatch = 10;  // a legend swatch
    float gap = 16;     // between legend entries
};

Metrics MetricsNow() {
    Metrics m;
    m.font = ImGui::GetFontSize();
    m.pad = std::round(m.font * 0.5f);
    m.row = std::round(m.font * 1.5f);
    m.swatch = std::round(m.font * 0.7f);
    m.gap = m.font;
    return m;
}

bool ShowsLegend(const ChartData& data, Kind kind, const ChartOptions& o) {
    return o.legend && (kind == Kind::heat_map || data.series.size() > 1);
}

// Legend entries of the series, laid out from (0, 0) in rows of `width`.
std::vector<Rect> SeriesLegend(const ChartData& data, const Metrics& m, float width) {
    std::vector<float> widths;
    for (const chart::Series& s : data.series)
        widths.push_back(m.swatch + m.pad * 0.75f + ImGui::CalcTextSize(s.label.c_str()).x);
    return chart::LayoutLegend(widths, width, m.row, m.gap);
}

float LegendHeight(const ChartData& data, Kind kind, const ChartOptions& o, const Metrics& m, float width) {
    if (!ShowsLegend(data, kind, o)) return 0;
    if (kind == Kind::heat_map) return m.row + m.pad;
    const std::vector<Rect> rects = SeriesLegend(data, m, width);
    return (rects.empty() ? 0 : rects.back().Bottom()) + m.pad;
}

chart::LayoutOptions LayoutOptionsFor(Kind kind, const ChartOptions& o) {
    chart::LayoutOptions lo;
    lo.max_ticks = o.max_ticks;
    lo.include_zero = o.include_zero;
    lo.cell_gap = kind == Kind::heat_map ? 2.0f : 0.0f;
    return lo;
}

float WidestTick(const ChartData& data, Kind kind, const ChartOptions& o, const chart::NumberStyle& style) {
    const chart::ValueAxis axis = chart::MakeValueAxis(data, kind, LayoutOptionsFor(kind, o));
    float widest = 0;
    for (double t : axis.ticks)
        widest = std::max(widest, ImGui::CalcTextSize(chart::FormatTick(t, axis, data.unit, style).c_str()).x);
    return widest;
}

float WidestRowLabel(const ChartData& data) {
    float widest = 0;
    for (const chart::Series& s : data.series) widest = std::max(widest, ImGui::CalcTextSize(s.label.c_str()).x);
    return widest;
}

// The plot inside the item: legend on top, value axis (heat map: row labels) on the left, x labels
// below, half a line at the top so the highest tick label is not cut.
Rect PlotRect(const ChartData& data, Kind kind, ImVec2 pos, ImVec2 size, const ChartOptions& o,
              const chart::NumberStyle& style) {
    const Metrics m = MetricsNow();
    const float left = (kind == Kind::heat_map ? WidestRowLabel(data) : WidestTick(data, kind, o, style)) + m.pad;
    const float top = LegendHeight(data, kind, o, m, size.x) + (kind == Kind::heat_map ? 0 : m.font * 0.6f);
    const float bottom = m.font * 1.3f + m.pad * 0.5f;
    const float right = m.pad;
    Rect plot{pos.x + left, pos.y + top, size.x - left - right, size.y - top - bottom};
    plot.w = std::max(plot.w, 1.0f);
    plot.h = std::max(plot.h, 1.0f);
    return plot;
}

}  // namespace

Layout ChartLayout(const ChartData& data, Kind kind, ImVec2 pos, ImVec2 size, const ChartOptions& options) {
    const Rect plot = PlotRect(data, kind, pos, size, options, ChartNumberStyle());
    return chart::LayoutChart(data, kind, plot, LayoutOptionsFor(kind, options));
}

// ---- [SECTION] Axes and legends ---------------------------------------------------------------
namespace {
ImVec2 V(float x, float y) { return ImVec2(x, y); }

void Text(ImDrawList* dl, ImVec2 pos, ImU32 color, const std::string& text) {
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), pos, color, text.c_str(), text.c_str() + text.size());
}

void DrawGrid(ImDrawList* dl, const Layout& l, const ChartData& data, const chart::NumberStyle& style, float left) {
    const float fs = ImGui::GetFontSize();
    for (double t : l.axis.ticks) {
        const float y = std::round(l.YFor(t)) + 0.5f;
        const bool base = t == 0 || t == l.axis.ticks.front();
        dl->AddLine(V(l.plot.x, y), V(l.plot.Right(), y), base ? color::kInputBorder : color::kBorder, 1.0f);
        const std::string label = chart::FormatTick(t, l.axis, data.unit, style);
        const float w = ImGui::CalcTextSize(label.c_str()).x;
        Text(dl, V(std::max(left, l.plot.x - MetricsNow().pad - w), y - fs * 0.5f), color::kTextMuted, label);
    }
}

// X labels centred under their bands, thinned so none overlap. A label that would stick out of
// the plot's left edge (into the value axis's labels) or the item's right edge is pushed inside;
// if that makes two labels touch, the pushed one is left out, so the others keep their rhythm.
void DrawXLabels(ImDrawList* dl, const Layout& l, const ChartData& data, float max_x) {
    std::vector<float> widths;
    for (int x = 0; x < l.columns; ++x)
        widths.push_back(x < static_cast<int>(data.x_labels.size())
                             ? ImGui::CalcTextSize(data.x_labels[static_cast<size_t>(x)].c_str()).x
                             : 0.0f);
    struct Placed {
        int x;
        float left, right;
        bool pushed;
    };
    std::vector<Placed> placed;
    const float gap = ImGui::GetFontSize() * 0.75f;
    for (int x : chart::ThinLabels(widths, l.step, gap)) {
        if (static_cast<size_t>(x) >= data.x_labels.size()) break;  // more values than labels: the rest have none
        const float w = widths[static_cast<size_t>(x)];
        const float centred = l.XCenter(x) - w * 0.5f;
        const float left = std::clamp(centred, l.plot.x, std::max(l.plot.x, max_x - w));
        const Placed p{x, left, left + w, left != centred};
        if (!placed.empty() && p.left < placed.back().right + gap * 0.5f) {
            if (!placed.back().pushed || p.pushed) continue;  // the pushed one gives way
            placed.pop_back();
        }
        placed.push_back(p);
    }
    const float y = l.plot.Bottom() + MetricsNow().pad * 0.5f;
    for (const Placed& p : placed) Text(dl, V(p.left, y), color::kTextMuted, data.x_labels[static_cast<size_t>(p.x)]);
}

void DrawRowLabels(ImDrawList* dl, const Layout& l, const ChartData& data) {
    const float pad = MetricsNow().pad, fs = ImGui::GetFontSize();
    const float row_h = l.rows > 0 ? l.plot.h / static_cast<float>(l.rows) : 0;
    for (int r = 0; r < l.rows; ++r) {
        const std::string& label = data.series[static_cast<size_t>(r)].label;
        const float w = ImGui::CalcTextSize(label.c_str()).x;
        Text(dl, V(l.plot.x - pad - w, l.plot.y + (static_cast<float>(r) + 0.5f) * row_h - fs * 0.5f),
             color::kTextSecondary, label);
    }
}

void DrawSeriesLegend(ImDrawList* dl, const ChartData& data, ImVec2 pos, float width) {
    const Metrics m = MetricsNow();
    const std::vector<Rect> rects = SeriesLegend(data, m, width);
    for (size_t i = 0; i < rects.size(); ++i) {
        const ImVec2 at = V(pos.x + rects[i].x, pos.y + rects[i].y);
        const float sy = at.y + (m.row - m.swatch) * 0.5f;
        dl->AddRectFilled(V(at.x, sy), V(at.x + m.swatch, sy + m.swatch), ChartColor(data.series[i].color), 2.0f);
        const float text_x = at.x + m.swatch + m.pad * 0.75f;  // a label wider than the chart ends in "…"
        DrawTextClipped(dl, ImGui::GetFont(), V(text_x, at.y + (m.row - m.font) * 0.5f), color::kTextSecondary,
                        data.series[i].label, pos.x + width - text_x);
    }
}

// Heat maps: "0 ▪▪▪▪▪ 42" (the colour scale) at the top right.
void DrawHeatLegend(ImDrawList* dl, const Layout& l, const ChartData& data, const chart::NumberStyle& style, ImVec2 pos,
                    float width) {
    const Metrics m = MetricsNow();
    const std::string lo = chart::FormatValue(l.axis.lo, data.unit, style);
    const std::string hi = chart::FormatValue(l.axis.hi, data.unit, style);
    const float lo_w = ImGui::CalcTextSize(lo.c_str()).x, hi_w = ImGui::CalcTextSize(hi.c_str()).x;
    const float cell = m.swatch * 1.4f;
    float x = pos.x + width - (lo_w + hi_w + 5 * cell + 2 * m.pad);
    const float ty = pos.y + (m.row - m.font) * 0.5f, sy = pos.y + (m.row - m.swatch) * 0.5f;
    Text(dl, V(x, ty), color::kTextMuted, lo);
    x += lo_w + m.pad;
    for (int i = 0; i < 5; ++i, x += cell)
        dl->AddRectFilled(V(x, sy), V(x + cell - 1, sy + m.swatch), HeatColor(i / 4.0f), 2.0f);
    Text(dl, V(x + m.pad, ty), color::kTextMuted, hi);
}

void DrawTarget(ImDrawList* dl, const Layout& l, const ChartData& data, const chart::NumberStyle& style) {
    if (!l.target_y) return;
    const float y = std::round(*l.target_y) + 0.5f;
    const ImU32 ink = color::kTextSecondary;
    for (float x = l.plot.x; x < l.plot.Right(); x += 10)
        dl->AddLine(V(x, y), V(std::min(x + 6, l.plot.Right()), y), ink, 1.5f);
    const std::string label =
        Format(tr("{0}: {1}"), {TargetLabel(data), chart::FormatValue(*data.target, data.unit, style)});
    const ImVec2 size = ImGui::CalcTextSize(label.c_str());
    const float fs = ImGui::GetFontSize();
    const float ly = y - size.y - 2 >= l.plot.y ? y - size.y - 2 : y + 3;  // above the line, or below at the top
    const ImVec2 at = V(l.plot.Right() - size.x - 4, ly);
    dl->AddRectFilled(V(at.x - 4, at.y), V(at.x + size.x + 4, at.y + size.y), color::WithAlpha(color::kSurface, 220),
                      fs * 0.25f);
    Text(dl, at, ink, label);
}
}  // namespace

// ---- [SECTION] Marks --------------------------------------------------------------------------
namespace {
void DrawLines(ImDrawList* dl, const Layout& l, const ChartData& data, Hit shown) {
    const float fs = ImGui::GetFontSize();
    if (shown.Valid()) {  // the pointed x: a guide from top to bottom
        const float x = std::round(l.XCenter(shown.x)) + 0.5f;
        dl->AddLine(V(x, l.plot.y), V(x, l.plot.Bottom()), color::kInputBorder, 1.0f);
    }
    const bool dots = l.step >= fs;
    for (int s = 0; s < l.rows; ++s) {
        const ImU32 ink = ChartColor(data.series[static_cast<size_t>(s)].color);
        std::vector<ImVec2> run;
        auto flush = [&] {
            if (run.size() >= 2) dl->AddPolyline(run.data(), static_cast<int>(run.size()), ink, ImDrawFlags_None, 2.0f);
            if (run.size() == 1) dl->AddCircleFilled(run[0], 3.0f, ink);  // a lone point would not show
            run.clear();
        };
        for (int x = 0; x < l.columns; ++x) {
            const Mark* m = l.Find(x, s);
            if (!m) {
                flush();
                continue;
            }
            run.push_back(V(m->px, m->py));
            if (dots) dl->AddCircleFilled(V(m->px, m->py), 2.5f, ink);
        }
        flush();
    }
    if (!shown.Valid()) return;
    for (const Mark& m : l.marks) {
        if (m.x != shown.x) continue;
        const float r = m.series == shown.series ? 5.5f : 4.0f;
        dl->AddCircleFilled(V(m.px, m.py), r + 2, color::kSurface);
        dl->AddCircleFilled(V(m.px, m.py), r, ChartColor(data.series[static_cast<size_t>(m.series)].color));
    }
}

void DrawBand(ImDrawList* dl, const Layout& l, Hit shown) {  // the pointed x's band, softly
    if (!shown.Valid()) return;
    const float x0 = l.plot.x + static_cast<float>(shown.x) * l.step;
    dl->AddRectFilled(V(x0, l.plot.y), V(x0 + l.step, l.plot.Bottom()), color::kMutedSoft);
}

void DrawBars(ImDrawList* dl, const Layout& l, const ChartData& data) {
    const bool stacked = l.kind == Kind::stacked_bars;
    for (const Mark& m : l.marks) {
        const float inset = !stacked && m.rect.w > 4 ? 1.0f : 0.0f;  // a hairline between grouped bars
        const ImDrawFlags corners = m.value >= 0 ? ImDrawFlags_RoundCornersTop : ImDrawFlags_RoundCornersBottom;
        dl->AddRectFilled(V(m.rect.x + inset, m.rect.y), V(m.rect.Right() - inset, m.rect.Bottom()),
                          ChartColor(data.series[static_cast<size_t>(m.series)].color), stacked ? 0.0f : 2.0f, corners);
    }
}

void DrawBarHighlight(ImDrawList* dl, const Layout& l, Hit shown) {
    const Mark* m = shown.Valid() ? l.Find(shown.x, shown.series) : nullptr;
    if (m)
        dl->AddRect(V(m->rect.x - 1, m->rect.y - 1), V(m->rect.Right() + 1, m->rect.Bottom() + 1), color::kText, 2.0f,
                    0, 1.5f);
}

void DrawCells(ImDrawList* dl, const Layout& l, Hit shown) {
    for (const Mark& m : l.marks)
        dl->AddRectFilled(V(m.rect.x, m.rect.y), V(m.rect.Right(), m.rect.Bottom()), HeatColor(m.intensity), 2.0f);
    const Mark* m = shown.Valid() ? l.Find(shown.x, shown.series) : nullptr;
    if (m)
        dl->AddRect(V(m->rect.x - 1, m->rect.y - 1), V(m->rect.Right() + 1, m->rect.Bottom() + 1), color::kText, 3.0f,
                    0, 2.0f);
}
}  // namespace

// ---- [SECTION] Tooltip ------------------------------------------------------------------------
namespace {
void SwatchRow(ImU32 swatch, ImU32 ink, const std::string& text) {
    const float h = ImGui::GetTextLineHeight(), s = std::round(ImGui::GetFontSize() * 0.7f);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(V(p.x, p.y + (h - s) * 0.5f), V(p.x + s, p.y + (h + s) * 0.5f), swatch,
                                              2.0f);
    ImGui::Dummy(V(s, h));
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, ink);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
}

// The pointed x (or cell): its label, then each series' value, the pointed one in full ink.
// `anchor`: keyboard tooltips sit beside the point instead of under the mouse.
void Tooltip(const ChartData& data, const Layout& l, Hit hit, const chart::NumberStyle& style, const ImVec2* anchor) {
    if (anchor) ImGui::SetNextWindowPos(*anchor, ImGuiCond_Always, ImVec2(0, 1));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, V(10, 8));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, V(6, 4));
    ImGui::BeginTooltip();
    auto value = [&](int x, int s) { return chart::FormatValue(chart::ValueAt(data, x, s), data.unit, style); };
    if (l.kind == Kind::heat_map) {
        ImGui::TextUnformatted(
            (data.series[static_cast<size_t>(hit.series)].label + " \xC2\xB7 " + XLabel(data, hit.x)).c_str());
        SwatchRow(HeatColor(l.Find(hit.x, hit.series) ? l.Find(hit.x, hit.series)->intensity : 0), color::kText,
                  value(hit.x, hit.series));
    } else {
        ImGui::TextUnformatted(XLabel(data, hit.x).c_str());
        const bool stacked = l.kind == Kind::stacked_bars;
        for (int i = 0; i < l.rows; ++i) {
            const int s = stacked ? l.rows - 1 - i : i;  // a stack lists its layers top down
            if (std::isnan(chart::ValueAt(data, hit.x, s))) continue;
            const chart::Series& series = data.series[static_cast<size_t>(s)];
            SwatchRow(ChartColor(series.color), s == hit.series ? color::kText : color::kTextSecondary,
                      Format(tr("{0}: {1}"), {series.label, value(hit.x, s)}));
        }
        if (stacked && l.rows > 1) {
            const double total = chart::StackTotals(data)[static_cast<size_t>(hit.x)];
            // TRANSLATORS: a stacked bar's tooltip: the sum of its layers ("Total: 55").
            const char* total_label = tr("Total");
            ImGui::TextUnformatted(
                Format(tr("{0}: {1}"), {total_label, chart::FormatValue(total, data.unit, style)}).c_str());
        }
    }
    ImGui::EndTooltip();
    ImGui::PopStyleVar(2);
}
}  // namespace

// ---- [SECTION] Keyboard -----------------------------------------------------------------------
namespace {
// The keyboard's point, kept in the window's state storage under the chart's id (-1: none yet).
struct Cursor {
    int x = -1;
    int series = 0;
};

bool Pressed(ImGuiKey key, ImGuiID id) { return ImGui::IsKeyPressed(key, id, ImGuiInputFlags_Repeat); }

// While the chart has keyboard focus it owns the arrows (and Home/End) so they move its point
// instead of the focus; Tab leaves. Call right after the chart's item.
Cursor UpdateCursor(ImGuiID id, bool focused, Kind kind, int columns, int rows) {
    ImGuiStorage* st = ImGui::GetStateStorage();
    const ImGuiID kx = ImHashStr("cursor_x", 0, id), ks = ImHashStr("cursor_series", 0, id);
    Cursor c{st->GetInt(kx, -1), st->GetInt(ks, 0)};
    c.x = std::min(c.x, columns - 1);
    c.series = std::clamp(c.series, 0, std::max(0, rows - 1));
    if (!focused || columns == 0) return c;
    for (ImGuiKey key : {ImGuiKey_LeftArrow, ImGuiKey_RightArrow, ImGuiKey_Home, ImGuiKey_End})
        ImGui::SetKeyOwner(key, id);
    if (rows > 1) {
        ImGui::SetKeyOwner(ImGuiKey_UpArrow, id);
        ImGui::SetKeyOwner(ImGuiKey_DownArrow, id);
    }
    int dx = (Pressed(ImGuiKey_RightArrow, id) ? 1 : 0) - (Pressed(ImGuiKey_LeftArrow, id) ? 1 : 0);
    if (Mirrored()) dx = -dx;  // right-to-left: the right arrow goes towards the start
    int dy = rows > 1 ? (Pressed(ImGuiKey_DownArrow, id) ? 1 : 0) - (Pressed(ImGuiKey_UpArrow, id) ? 1 : 0) : 0;
    if (kind == Kind::stacked_bars) dy = -dy;  // later layers sit higher
    if (dx != 0) c.x = c.x < 0 ? (dx > 0 ? 0 : columns - 1) : std::clamp(c.x + dx, 0, columns - 1);
    if (Pressed(ImGuiKey_Home, id)) c.x = 0;
    if (Pressed(ImGuiKey_End, id)) c.x = columns - 1;
    if (dy != 0) {
        c.series = std::clamp(c.series + dy, 0, rows - 1);
        c.x = std::max(c.x, 0);
    }
    st->SetInt(kx, c.x);
    st->SetInt(ks, c.series);
    return c;
}
}  // namespace

// ---- [SECTION] Charts -------------------------------------------------------------------------
namespace {
ChartClick DrawChart(const char* id, const ChartData& data, Kind kind, ImVec2 size, const ChartOptions& o) {
    const Metrics m = MetricsNow();
    if (size.x <= 0) size.x = std::max(ImGui::GetContentRegionAvail().x, 1.0f);
    if (size.y <= 0) size.y = m.font * 16;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 end = V(pos.x + size.x, pos.y + size.y);
    const bool pressed = ImGui::InvisibleButton(id, size);
    const ImGuiID item = ImGui::GetItemID();
    const bool hovered = ImGui::IsItemHovered();
    const bool focused = ImGui::IsItemFocused();
    if (hooks::IsEnabled()) {  // the mirror: a read-only text box named after the chart, holding its summary
        hooks::AnnotateLastItem(o.name ? std::string(o.name) : data.title);
        hooks::SetLastItemValue(ChartSummary(data, kind));
    }
    const Cursor cursor =
        UpdateCursor(item, focused, kind, chart::ColumnCount(data), static_cast<int>(data.series.size()));

    const chart::NumberStyle style = ChartNumberStyle();
    const Layout l =
        chart::LayoutChart(data, kind, PlotRect(data, kind, pos, size, o, style), LayoutOptionsFor(kind, o));
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const Hit pointed = hovered ? chart::HitTest(l, mouse.x, mouse.y) : Hit{};
    const bool keyboard = focused && !GImGui->NavDisableHighlight && cursor.x >= 0 && !pointed.Valid();
    const Hit shown = pointed.Valid() ? pointed : keyboard ? Hit{cursor.x, cursor.series} : Hit{};

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(pos, end, true);
    if (ShowsLegend(data, kind, o) && kind == Kind::heat_map)
        DrawHeatLegend(dl, l, data, style, pos, size.x);
    else if (ShowsLegend(data, kind, o))
        DrawSeriesLegend(dl, data, pos, size.x);
    if (kind == Kind::heat_map) {
        DrawRowLabels(dl, l, data);
        DrawCells(dl, l, shown);
    } else {
        if (kind != Kind::line) DrawBand(dl, l, shown);  // under the grid lines
        DrawGrid(dl, l, data, style, pos.x);
        if (kind == Kind::line)
            DrawLines(dl, l, data, shown);
        else
            DrawBars(dl, l, data);
        DrawTarget(dl, l, data, style);
        if (kind != Kind::line) DrawBarHighlight(dl, l, shown);
    }
    DrawXLabels(dl, l, data, end.x);
    if (l.marks.empty()) {
        const std::string none = tr("No data");
        const ImVec2 ts = ImGui::CalcTextSize(none.c_str());
        Text(dl, V(l.plot.x + (l.plot.w - ts.x) * 0.5f, l.plot.y + (l.plot.h - ts.y) * 0.5f), color::kTextMuted, none);
    }
    dl->PopClipRect();
    ImGui::RenderNavHighlight(ImRect(pos, end), item);

    if (shown.Valid() && (kind != Kind::heat_map || l.Find(shown.x, shown.series))) {
        const Mark* at = l.Find(shown.x, shown.series);
        const ImVec2 anchor = at ? V(at->px + m.pad, at->py - m.pad) : V(l.XCenter(shown.x) + m.pad, l.plot.y);
        Tooltip(data, l, shown, style, keyboard ? &anchor : nullptr);
        if (keyboard && hooks::IsEnabled())  // said once by the screen reader as the point moves
            hooks::RecordText(PointText(data, kind, shown, style), "status", 0, pos.x, pos.y, end.x, end.y);
    }
    if (pointed.Valid()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    // Each bar for the mirror and the tests: "<id>_<x>_<series>", read as its tooltip line.
    if (hooks::IsEnabled() && (kind == Kind::bars || kind == Kind::stacked_bars))
        for (const chart::Mark& mk : l.marks)
            if (mk.rect.h >= 1 && mk.rect.w >= 1)
                hooks::RecordItem(PointText(data, kind, Hit{mk.x, mk.series}, style),
                                  std::string(id) + "_" + std::to_string(mk.x) + "_" + std::to_string(mk.series), mk.rect.x,
                                  mk.rect.y, mk.rect.Right(), mk.rect.Bottom());

    ChartClick click;
    if (pressed && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        if (pointed.Valid()) click = ChartClick{pointed.x, pointed.series};
    } else if (pressed && cursor.x >= 0) {
        click = ChartClick{cursor.x, cursor.series};
    }
    return click;
}
}  // namespace

ChartClick LineChart(const char* id, const ChartData& data, ImVec2 size, const ChartOptions& options) {
    return DrawChart(id, data, Kind::line, size, options);
}

ChartClick BarChart(const char* id, const ChartData& data, ImVec2 size, const ChartOptions& options) {
    return DrawChart(id, data, options.stacked ? Kind::stacked_bars : Kind::bars, size, options);
}

ChartClick HeatMap(const char* id, const ChartData& data, ImVec2 size, const ChartOptions& options) {
    return DrawChart(id, data, Kind::heat_map, size, options);
}

}  // namespace spoc::ui
