// #/reports (staff, issue 14): the executive page (six headline KPIs against the previous period
// and their targets, the daily volume, backlog and SLA charts) and the operational page for team
// leads (per group and agent, breaches by category, when requests arrive). The period presets and
// filters change the URL; "Download CSV" gets the same figures as a file.
#include <algorithm>
#include <cmath>
#include <string>

#include "client/ui/charts.h"
#include "client/ui/item_hooks.h"
#include "client/ui/screens.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"
#include "shared/domain/i18n.h"

namespace spoc::ui {

using client::ReportsViewModel;
using client::ReportTableViewModel;
using client::ReportTileViewModel;
using i18n::Format;
using i18n::tr;
namespace chart = client::chart;

namespace {

std::string ValueText(std::optional<double> v, chart::Unit unit) {
    if (!v || !std::isfinite(*v)) return "–";
    return chart::FormatValue(*v, unit, ChartNumberStyle());
}

// "▲ 3.1 pts" / "▼ 2h" against the previous period, coloured by whether it is better.
std::string TrendText(const ReportTileViewModel& t) {
    if (!t.value || !t.previous) return tr("No figure for the previous period");
    const double delta = *t.value - *t.previous;
    if (delta == 0) return tr("Same as the previous period");
    const std::string arrow = delta > 0 ? "▲ " : "▼ ";
    std::string amount;
    if (t.unit == chart::Unit::percent)
        // TRANSLATORS: a change of a percentage, in percentage points ("3.1 pts").
        amount = Format(tr("{0} pts"), {i18n::FormatDecimal(std::fabs(delta), 1)});
    else
        amount = chart::FormatValue(std::fabs(delta), t.unit, ChartNumberStyle());
    // TRANSLATORS: a KPI's change against the previous period: {0} is the arrow and amount ("▲ 3.1 pts").
    return Format(tr("{0} vs previous period"), {arrow + amount});
}

void DrawTile(const ReportTileViewModel& t, float w) {
    const Fonts& f = GetFonts();
    BeginCard(("report_tile_" + t.key).c_str(), w, 18);
    const float inner = w - 36;
    A11yGroup group("group", t.label, "report_tile_" + t.key);
    TextEllipsis(f.small_semibold, color::kTextSecondary, t.label, inner);
    VSpace(4);
    Label(f.h1, color::kText, ValueText(t.value, t.unit));
    hooks::DescribeLastItem(t.label + ": " + ValueText(t.value, t.unit));
    VSpace(2);
    const ImU32 trend_color = t.trend > 0 ? color::kSuccessStrong : t.trend < 0 ? color::kDangerStrong : color::kTextMuted;
    Paragraph(f.small, trend_color, TrendText(t), inner);
    std::string line;
    // TRANSLATORS: a KPI's target from the service-desk benchmarks ("Target 85%").
    if (t.target) line = Format(tr("Target {0}"), {ValueText(t.target, t.unit)});
    if (!t.detail.empty()) line += (line.empty() ? "" : " · ") + t.detail;
    if (!line.empty()) Paragraph(f.small, color::kTextMuted, line, inner);
    Paragraph(f.small, color::kTextMuted, t.hint, inner);
    EndCard();
}

// Tiles in rows of `columns`.
void DrawTileRows(const std::vector<ReportTileViewModel>& tiles, float w, int columns, float gap) {
    const float tile_w = (w - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    for (std::size_t i = 0; i < tiles.size(); ++i) {
        if (i % static_cast<std::size_t>(columns) != 0) ImGui::SameLine(0, gap);
        ImGui::BeginGroup();
        DrawTile(tiles[i], tile_w);
        ImGui::EndGroup();
        if ((i + 1) % static_cast<std::size_t>(columns) == 0) VSpace(gap);
    }
}

ChartClick DrawChartCard(const char* id, const chart::ChartData& data, float w, bool bars, bool stacked = false,
                         float h = 240) {
    if (data.x_labels.empty()) return {};
    const Fonts& f = GetFonts();
    BeginCard(id, w, 18);
    Label(f.h3, color::kText, data.title);
    VSpace(8);
    ChartOptions o;
    o.stacked = stacked;
    const ImVec2 size(w - 36, h);
    const ChartClick click = bars ? BarChart((std::string(id) + "_chart").c_str(), data, size, o)
                                  : LineChart((std::string(id) + "_chart").c_str(), data, size, o);
    EndCard();
    return click;
}

const std::string& At(const std::vector<std::string>& keys, int i) {
    static const std::string none;
    return i >= 0 && static_cast<std::size_t>(i) < keys.size() ? keys[static_cast<std::size_t>(i)] : none;
}

void DrawTable(const ReportTableViewModel& t, float w, client::Actions& actions) {
    if (t.columns.empty()) return;
    const Fonts& f = GetFonts();
    BeginCard(("report_table_" + t.csv).c_str(), w, 18);
    const float inner = w - 36;
    Label(f.h3, color::kText, t.title);
    ImGui::SameLine();
    const std::string csv = std::string(tr("Download CSV")) + "###report_csv_" + t.csv;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, inner - ImGui::GetCursorPosX() - 120));
    if (LinkButton(csv.c_str(), f.small_semibold)) actions.ReportCsv(t.csv);
    VSpace(8);
    if (t.rows.empty()) {
        Paragraph(f.body, color::kTextMuted, tr("Nothing in this period."), inner);
        EndCard();
        return;
    }
    A11yGroup table("table", t.title, "report_table_" + t.csv);
    const bool wide = inner >= 720;
    const float label_w = wide ? std::max(160.0f, inner * 0.24f) : inner;
    const float col_w = wide ? (inner - label_w) / static_cast<float>(t.columns.size()) : 0;
    if (wide) {
        A11yGroup row("row");
        const float x0 = ImGui::GetCursorPosX();
        const float y0 = ImGui::GetCursorPosY();
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            ImGui::SetCursorPos(ImVec2(x0 + label_w + col_w * static_cast<float>(c), y0));
            TextEllipsis(f.small_semibold, color::kTextSecondary, t.columns[c].label, col_w - 8);
        }
        VSpace(4);
        Divider(inner);
    }
    for (const client::ReportRowViewModel& r : t.rows) {
        A11yGroup row("row", r.label, "report_row_" + t.csv + "_" + r.key);
        VSpace(2);
        const float x0 = ImGui::GetCursorPosX();
        const float y0 = ImGui::GetCursorPosY();
        TextEllipsis(f.body_semibold, color::kText, r.label, label_w - 8);
        if (wide) {
            for (std::size_t c = 0; c < t.columns.size() && c < r.cells.size(); ++c) {
                ImGui::SetCursorPos(ImVec2(x0 + label_w + col_w * static_cast<float>(c), y0));
                const double v = r.cells[c];
                Label(f.body, color::kText, std::isfinite(v) ? chart::FormatValue(v, t.columns[c].unit, ChartNumberStyle()) : "–");
            }
        } else {
            std::string line;
            for (std::size_t c = 0; c < t.columns.size() && c < r.cells.size(); ++c) {
                if (!line.empty()) line += " · ";
                const double v = r.cells[c];
                line += t.columns[c].label + " " +
                        (std::isfinite(v) ? chart::FormatValue(v, t.columns[c].unit, ChartNumberStyle()) : "–");
            }
            Paragraph(f.small, color::kTextSecondary, line, inner);
        }
        VSpace(2);
        Divider(inner);
    }
    EndCard();
}

void DrawFilters(const ReportsViewModel& vm, float w, client::Actions& actions) {
    const Fonts& f = GetFonts();
    const char* presets[] = {tr("7 days"), tr("30 days"), tr("90 days"), tr("12 months")};
    const int days[] = {7, 30, 90, 365};
    int preset = -1;
    for (int i = 0; i < 4; ++i)
        if (vm.preset_days == days[i]) preset = i;
    int chosen = preset;
    if (SegmentedControl("##report_period", presets, 4, &chosen) && chosen != preset && chosen >= 0) actions.ReportPeriod(days[chosen]);
    VSpace(6);
    if (!vm.period.empty()) {
        Label(f.body_semibold, color::kText, vm.period);
        Paragraph(f.small, color::kTextMuted, vm.compared, w);
    }
    VSpace(8);
    const float field_w = w < 520 ? w : std::min(200.0f, (w - 5 * 12) / 6);
    float x = 0;
    const float x0 = ImGui::GetCursorPosX();
    float row_y = ImGui::GetCursorPosY();
    for (const client::ReportFilterViewModel& filter : vm.filters) {
        if (x > 0 && x + field_w > w + 1) {
            x = 0;
            row_y = ImGui::GetCursorPosY() + 8;
        }
        ImGui::SetCursorPos(ImVec2(x0 + x, row_y));
        ImGui::BeginGroup();
        Label(f.small_semibold, color::kTextSecondary, filter.label);
        int selected = filter.selected;
        if (Dropdown(("##report_filter_" + filter.key).c_str(), filter.label.c_str(), filter.labels, &selected, field_w) &&
            selected >= 0 && selected < static_cast<int>(filter.values.size()))
            actions.ReportFilter(filter.key, filter.values[static_cast<std::size_t>(selected)]);
        ImGui::EndGroup();
        x += field_w + 12;
    }
    ImGui::SetCursorPosX(x0);
    VSpace(4);
}

}  // namespace

void DrawReports(const ReportsViewModel& vm, UiState& ui, client::Actions& actions) {
    const Fonts& f = GetFonts();
    const float w = ui.content_width;
    // TRANSLATORS: the reports page's title.
    Paragraph(f.h1, color::kText, tr("Reports"), w);
    VSpace(6);
    // TRANSLATORS: the two report pages: headline KPIs for managers, figures per team for team leads.
    const char* pages[] = {tr("Overview"), tr("Teams")};
    int page = vm.ops ? 1 : 0;
    if (SegmentedControl("##report_page", pages, 2, &page)) actions.ReportPage(page == 1);
    ImGui::SameLine(0, 20);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 10);
    if (LinkButton(L("Download CSV", "report_csv_summary").c_str(), f.small_semibold)) actions.ReportCsv("summary");
    VSpace(12);
    DrawFilters(vm, w, actions);
    VSpace(12);
    if (vm.load.status == client::ViewStatus::failed) {
        if (ErrorPanel("reports_error", tr("Reports didn't load"), vm.load.error, vm.load.retryable, w)) actions.Retry();
        return;
    }
    if (vm.load.status == client::ViewStatus::loading) {
        for (int i = 0; i < 3; ++i) Skeleton(ImVec2(w, 120), 12);
        return;
    }
    if (!vm.ops) {
        const int columns = w >= 900 ? 3 : w >= 560 ? 2 : 1;
        const float gap = 14;
        {
            A11yGroup list("list", tr("Key figures"), "report_tiles");
            DrawTileRows(vm.tiles, w, columns, gap);
        }
        VSpace(gap);
        // A point opens the queue of the requests created (or resolved) that day.
        if (const ChartClick c = DrawChartCard("report_volume", vm.volume, w, false); c.Clicked() && !At(vm.volume_days, c.x).empty())
            actions.OpenReportSlice(c.series == 1 ? "resolved" : "created", "", "", At(vm.volume_days, c.x));
        VSpace(gap);
        const bool side = w >= 900;
        const float half = side ? (w - gap) / 2 : w;
        ImGui::BeginGroup();
        DrawChartCard("report_backlog", vm.backlog, half, false);
        ImGui::EndGroup();
        if (side) ImGui::SameLine(0, gap);
        else VSpace(gap);
        ImGui::BeginGroup();
        DrawChartCard("report_sla", vm.sla, half, false);
        ImGui::EndGroup();
        VSpace(gap);
        // A priority's bar opens the requests of that priority resolved in the period.
        if (const ChartClick c = DrawChartCard("report_priority", vm.by_priority, w, true);
            c.Clicked() && !At(vm.priority_keys, c.x).empty())
            actions.OpenReportSlice("resolved", "priority", At(vm.priority_keys, c.x));
        if (!vm.service_tiles.empty()) {
            VSpace(gap);
            // TRANSLATORS: a report section: KB deflections and the walk-up desks.
            Label(f.h3, color::kText, tr("Self-service and walk-up"));
            VSpace(8);
            A11yGroup list("list", tr("Self-service and walk-up"), "report_service_tiles");
            DrawTileRows(vm.service_tiles, w, columns, gap);
        }
        return;
    }
    if (vm.ops_load.status == client::ViewStatus::failed) {
        if (ErrorPanel("reports_ops_error", tr("Reports didn't load"), vm.ops_load.error, vm.ops_load.retryable, w)) actions.Retry();
        return;
    }
    if (vm.groups.columns.empty()) {
        for (int i = 0; i < 3; ++i) Skeleton(ImVec2(w, 160), 12);
        return;
    }
    const float gap = 14;
    // A bar opens that group's requests created, resolved or resolved late in the period.
    if (const ChartClick c = DrawChartCard("report_groups", vm.groups_chart, w, true); c.Clicked() && !At(vm.group_keys, c.x).empty()) {
        const char* kinds[] = {"created", "resolved", "breached"};
        if (c.series >= 0 && c.series < 3) actions.OpenReportSlice(kinds[c.series], "group", At(vm.group_keys, c.x));
    }
    VSpace(gap);
    DrawTable(vm.groups, w, actions);
    VSpace(gap);
    DrawTable(vm.agents, w, actions);
    VSpace(gap);
    // Backlog ageing: a band's bar opens the requests still open created in it.
    if (const ChartClick c = DrawChartCard("report_ageing", vm.ageing, w, true); c.Clicked()) actions.OpenAgeingSlice(c.x);
    VSpace(gap);
    // The breached part of a category's bar opens the requests resolved late in it.
    if (const ChartClick c = DrawChartCard("report_breaches", vm.breaches, w, true, true);
        c.Clicked() && c.series == 1 && !At(vm.category_keys, c.x).empty())
        actions.OpenReportSlice("breached", "category", At(vm.category_keys, c.x));
    VSpace(gap);
    if (!vm.arrivals.series.empty()) {
        BeginCard("report_arrivals", w, 18);
        Label(f.h3, color::kText, vm.arrivals.title);
        VSpace(8);
        HeatMap("report_arrivals_chart", vm.arrivals, ImVec2(w - 36, 7 * 28 + 40));
        EndCard();
    }
}

}  // namespace spoc::ui
