// Charts for the reports dashboard, drawn with ImDrawList over client/app/chart_model.h: a line
// chart, grouped or stacked bars and a heat map, each one ImGui item (an InvisibleButton: hover,
// click, keyboard focus) with axes, gridlines, a dashed target line, a wrapping legend, a hover
// highlight and a tooltip. The caller owns the data; a click comes back as a ChartClick so the
// caller can open the matching queue. Screen readers get the chart's name and a one-line summary.
#pragma once
#include <string>

#include "client/app/chart_model.h"
#include "client/ui/theme.h"
#include "imgui.h"

namespace spoc::ui {

// What was clicked (mouse, or Enter/Space on the keyboard's point). Not clicked: x == -1.
struct ChartClick {
    int x = -1;                              // x index (heat map: column)
    int series = -1;                         // series index (heat map: row)
    bool Clicked() const { return x >= 0; }  // something was clicked this frame
};

// How a chart is drawn.
struct ChartOptions {
    bool stacked = false;        // BarChart: stack the series instead of grouping them side by side
    bool include_zero = true;    // LineChart: the value axis starts at 0 (off: it hugs the data)
    bool legend = true;          // the legend above the plot (colour swatch + series label)
    int max_ticks = 6;           // value-axis ticks at most
    const char* name = nullptr;  // accessible name; nullptr: data.title
};

// Each draws `data` in a box of `size` CSS px at the cursor (x <= 0: the available width, y <= 0:
// 16 lines of the current font) and advances the layout like any item. `id` is an ImGui id
// ("created_per_day"); keyboard: Left/Right (Home/End) pick a point, Up/Down a series, Enter clicks.
ChartClick LineChart(const char* id, const client::chart::ChartData& data, ImVec2 size,
                     const ChartOptions& options = {});  // one line per series
ChartClick BarChart(const char* id, const client::chart::ChartData& data, ImVec2 size,
                    const ChartOptions& options = {});  // grouped, or stacked (options.stacked)
// Rows are data.series (weekdays), columns the x indices (hours); colour from muted to accent.
ChartClick HeatMap(const char* id, const client::chart::ChartData& data, ImVec2 size,
                   const ChartOptions& options = {});  // a grid of tinted cells

// The layout a chart of `size` at `pos` draws (the same plot margins, from the current font): for
// overlays drawn on a chart, and for tests that point at a bar. Kind picks the chart.
client::chart::Layout ChartLayout(const client::chart::ChartData& data, client::chart::Kind kind, ImVec2 pos,
                                  ImVec2 size, const ChartOptions& options = {});  // call inside a frame

// ---- Colours and text (also for legends and tables drawn next to a chart) ---------------------
inline constexpr int kChartColorCount = 6;         // categorical slots; slot n and n + 6 share a colour
ImU32 ChartColor(int slot);                        // a series colour in the current scheme
ImU32 ChartColorIn(ColorScheme scheme, int slot);  // the same in a given scheme (tests check both)
ImU32 HeatColor(float intensity);                  // 0: muted tile .. 1: accent (current scheme)
client::chart::NumberStyle ChartNumberStyle();     // the reader's digits and translated unit patterns
// The screen reader's line: "Created per day, 30 values, highest 412 on 2026-11-03".
std::string ChartSummary(const client::chart::ChartData& data, client::chart::Kind kind);  // translated

}  // namespace spoc::ui
