// The view-model of #/reports (staff, issue 14): the headline KPI tiles with their trend and
// target, the daily charts, the filters with their choices, and on the operational page the
// tables per group and agent, breaches per category and the arrivals heat map. Numbers stay
// numbers here (durations in seconds); the UI formats them in the reader's language.
#include <cmath>
#include <limits>
#include <string>

#include "client/app/view_models.h"
#include "client/app/vm_internal.h"
#include "shared/api/url.h"
#include "shared/domain/i18n.h"
#include "shared/domain/kpi.h"

namespace spoc::client {

using i18n::Format;
using i18n::tr;
using kpi::Counter;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

const char* KpiLabel(const std::string& key) {
    // TRANSLATORS: report tile: share of satisfied survey answers (CSAT).
    if (key == "csat") return tr("Customer satisfaction");
    // TRANSLATORS: report tile: share of requests solved at first contact (FCR).
    if (key == "fcr") return tr("First-contact resolution");
    // TRANSLATORS: report tile: share of resolutions within their SLA target.
    if (key == "sla_resolution") return tr("Resolved within SLA");
    // TRANSLATORS: report tile: mean time to resolve, in business hours (MTTR).
    if (key == "mttr") return tr("Mean time to resolve");
    // TRANSLATORS: report tile: mean time to the first response, in business hours.
    if (key == "frt") return tr("First response time");
    // TRANSLATORS: report tile: requests open at the end of the period.
    if (key == "backlog") return tr("Backlog");
    // TRANSLATORS: report tile: requests people did not file because a suggested article solved it.
    if (key == "deflections") return tr("Solved by an article");
    // TRANSLATORS: report tile: share of would-be requests that self-service absorbed.
    if (key == "deflection_rate") return tr("Self-service deflection");
    // TRANSLATORS: report tile: people who came to a walk-up desk.
    if (key == "walkup_visits") return tr("Walk-up visits");
    // TRANSLATORS: report tile: mean wait at a walk-up desk before being called.
    if (key == "walkup_wait") return tr("Walk-up wait");
    // TRANSLATORS: report tile: mean time at the walk-up desk, from start to end.
    if (key == "walkup_service") return tr("Walk-up service time");
    return "";
}

const char* KpiHint(const std::string& key) {
    if (key == "csat") return tr("Answers of 4 or 5 out of 5");
    if (key == "fcr") return tr("First agent, no reassignment or reopening; or at a walk-up desk");
    if (key == "sla_resolution") return tr("Resolutions in the period that met their target");
    if (key == "mttr") return tr("Business hours, from creation to the last resolution");
    if (key == "frt") return tr("Business hours, from creation to the first agent reply");
    if (key == "backlog") return tr("Open at the end of the last day");
    if (key == "deflections") return tr("Marked \"this solved it\" on a request form");
    if (key == "deflection_rate") return tr("Of those plus the requests created");
    if (key == "walkup_visits") return tr("Checked in at a walk-up desk");
    if (key == "walkup_wait") return tr("From joining the queue to being called");
    if (key == "walkup_service") return tr("From start to end at the desk");
    return "";
}

std::optional<double> InUnit(std::optional<double> v, api::KpiUnit unit) {
    if (!v) return v;
    return unit == api::KpiUnit::duration_ms ? *v / 1000.0 : *v;
}

chart::Unit ChartUnit(api::KpiUnit unit) {
    switch (unit) {
        case api::KpiUnit::percent: return chart::Unit::percent;
        case api::KpiUnit::duration_ms: return chart::Unit::seconds;
        default: return chart::Unit::count;
    }
}

std::string DateText(const CivilDate& d) { return i18n::FormatDateShort(d.year, d.month, d.day); }

double Percent(std::int64_t num, std::int64_t den) { return den > 0 ? 100.0 * static_cast<double>(num) / den : kNaN; }

const Remote<api::ReportBreakdown>* Slot(const AppState& state, const std::string& slot) {
    auto it = state.report_breakdowns.find(slot);
    return it == state.report_breakdowns.end() ? nullptr : &it->second;
}

ReportFilterViewModel Filter(const AppState& state, const char* key, const char* label, const char* all) {
    ReportFilterViewModel f;
    f.key = key;
    f.label = label;
    f.values.push_back("");
    f.labels.push_back(all);
    const std::string current = api::QueryValue(state.route.report_query, key);
    auto add = [&](const std::string& value, const std::string& text) {
        f.values.push_back(value);
        f.labels.push_back(text);
        if (value == current) f.selected = static_cast<int>(f.values.size()) - 1;
    };
    if (std::string(key) == "priority") {
        for (int p = 1; p <= 5; ++p) add(std::to_string(p), std::string(PriorityLabel(static_cast<Priority>(p))));
    } else if (std::string(key) == "type") {
        add("incident", std::string(RequestTypeLabel(RequestType::incident)));
        add("service_request", std::string(RequestTypeLabel(RequestType::service_request)));
    } else if (const auto* slot = Slot(state, std::string("options:") + key); slot && slot->has_data) {
        for (const api::BreakdownRow& row : slot->data.rows) {
            // The location dimension's "0" is "not at a walk-up desk": the API reads it as "none".
            const std::string value = std::string(key) == "location" && row.key == "0" ? "none" : row.key;
            if (value.empty()) continue;  // no department / category: not a filter value
            add(value, row.label);
        }
    }
    if (!current.empty() && f.selected == 0) add(current, current);  // a value from the URL not in the list
    return f;
}

void Filters(const AppState& state, ReportsViewModel* vm) {
    // TRANSLATORS: a report filter and its "everything" choice.
    vm->filters.push_back(Filter(state, "group", tr("Group"), tr("All groups")));
    vm->filters.push_back(Filter(state, "department", tr("Department"), tr("All departments")));
    vm->filters.push_back(Filter(state, "category", tr("Category"), tr("All categories")));
    vm->filters.push_back(Filter(state, "priority", tr("Priority"), tr("All priorities")));
    vm->filters.push_back(Filter(state, "type", tr("Type"), tr("All types")));
    vm->filters.push_back(Filter(state, "location", tr("Location"), tr("All locations")));
}

ReportTileViewModel Tile(const api::KpiFigure& k) {
    ReportTileViewModel t;
    t.key = k.key;
    t.label = KpiLabel(k.key);
    t.hint = KpiHint(k.key);
    t.unit = ChartUnit(k.unit);
    t.value = InUnit(k.value, k.unit);
    t.previous = InUnit(k.previous, k.unit);
    t.target = k.target;
    if (t.value && t.previous && *t.value != *t.previous)
        t.trend = (*t.value > *t.previous) == k.higher_is_better ? 1 : -1;
    if (k.unit == api::KpiUnit::percent && k.den > 0) {
        if (k.key == "csat")
            // TRANSLATORS: under the satisfaction figure: {0} satisfied answers of {1}.
            t.detail = Format(tr("{0} of {1} answers"), {i18n::FormatInt(k.num), i18n::FormatInt(k.den)});
        else
            // TRANSLATORS: under a percentage tile: {0} of {1} requests.
            t.detail = Format(tr("{0} of {1} requests"), {i18n::FormatInt(k.num), i18n::FormatInt(k.den)});
    }
    return t;
}

void Tiles(const api::ReportSummary& s, ReportsViewModel* vm) {
    for (int i = 0; i < api::kExecutiveKpis && i < static_cast<int>(s.kpis.size()); ++i)
        vm->tiles.push_back(Tile(s.kpis[static_cast<std::size_t>(i)]));
    for (const api::KpiFigure& k : s.kpis)
        for (const char* key : {"deflections", "deflection_rate", "walkup_visits", "walkup_wait", "walkup_service"})
            if (k.key == key) vm->service_tiles.push_back(Tile(k));
}

void PriorityChart(const AppState& state, ReportsViewModel* vm) {
    const auto* slot = Slot(state, "priority");
    if (!slot || !slot->has_data) return;
    // TRANSLATORS: chart title: mean time to resolve and to first response (business hours) per priority.
    vm->by_priority.title = tr("Time to resolve and first response by priority");
    vm->by_priority.unit = chart::Unit::seconds;
    // TRANSLATORS: chart series: mean time to resolve (MTTR).
    vm->by_priority.series = {{tr("Mean time to resolve"), {}, 0}, {tr("First response time"), {}, 1}};
    for (int p = 1; p <= 5; ++p) {
        const api::BreakdownRow* row = nullptr;
        for (const api::BreakdownRow& r : slot->data.rows)
            if (r.key == std::to_string(p)) row = &r;
        vm->by_priority.x_labels.push_back(std::string(PriorityLabel(static_cast<Priority>(p))));
        vm->priority_keys.push_back(std::to_string(p));
        const kpi::Cell c = row ? row->cell : kpi::Cell{};
        auto seconds = [](std::optional<std::int64_t> ms) { return ms ? static_cast<double>(*ms) / 1000.0 : kNaN; };
        vm->by_priority.series[0].values.push_back(seconds(kpi::MeanTtrMs(c, /*business=*/true)));
        vm->by_priority.series[1].values.push_back(seconds(kpi::MeanFrtMs(c, /*business=*/true)));
    }
}

void AgeingChart(const api::ReportSummary& s, ReportsViewModel* vm) {
    // TRANSLATORS: chart title: requests open now, by how long ago they were created.
    vm->ageing.title = tr("Open requests by age");
    // TRANSLATORS: the backlog-ageing chart's series: requests open now.
    vm->ageing.series = {{tr("Open now"), {}, 2}};
    // TRANSLATORS: backlog-ageing bands: created today, 1-2 days ago, 3-6 days ago, 1-4 weeks ago, 30 days or more.
    vm->ageing.x_labels = {tr("Today"), tr("1–2 days"), tr("3–6 days"), tr("1–4 weeks"), tr("30+ days")};
    for (std::int64_t n : s.ageing) vm->ageing.series[0].values.push_back(static_cast<double>(n));
}

void DailyCharts(const api::ReportSummary& s, ReportsViewModel* vm) {
    // TRANSLATORS: chart title: requests created and resolved on each day.
    vm->volume.title = tr("Created and resolved per day");
    vm->volume.series = {{tr("Created"), {}, 0}, {tr("Resolved"), {}, 1}};
    // TRANSLATORS: chart title: requests open at the end of each day.
    vm->backlog.title = tr("Backlog at the end of each day");
    vm->backlog.series = {{tr("Open"), {}, 2}};
    // TRANSLATORS: chart title: share of the day's resolutions that met their SLA.
    vm->sla.title = tr("Resolved within SLA per day");
    vm->sla.series = {{tr("Within SLA"), {}, 1}};
    vm->sla.unit = chart::Unit::percent;
    vm->sla.target = kpi::kSlaTarget;
    vm->sla.target_label = tr("Target");
    for (const api::DayFigures& d : s.days) {
        CivilDate date;
        const std::string label = ParseDate(d.date, &date) ? i18n::FormatDateShort(date.year, date.month, date.day) : d.date;
        for (chart::ChartData* c : {&vm->volume, &vm->backlog, &vm->sla}) c->x_labels.push_back(label);
        vm->volume_days.push_back(d.date);
        vm->volume.series[0].values.push_back(static_cast<double>(d.cell[Counter::created]));
        vm->volume.series[1].values.push_back(static_cast<double>(d.cell[Counter::resolved]));
        vm->backlog.series[0].values.push_back(static_cast<double>(d.backlog));
        const std::int64_t met = d.cell[Counter::resolution_met], breached = d.cell[Counter::resolution_breached];
        vm->sla.series[0].values.push_back(Percent(met, met + breached));
    }
}

std::string WeekdayShort(int monday_first) {
    switch (monday_first) {
        // TRANSLATORS: short weekday names, the rows of the arrivals heat map.
        case 0: return tr("Mon");
        case 1: return tr("Tue");
        case 2: return tr("Wed");
        case 3: return tr("Thu");
        case 4: return tr("Fri");
        case 5: return tr("Sat");
        default: return tr("Sun");
    }
}

double MedianSeconds(const api::BreakdownRow& row) {
    return row.median_ttr_ms ? static_cast<double>(*row.median_ttr_ms) / 1000.0 : kNaN;
}

double MeanSeconds(std::int64_t sum_ms, std::int64_t n) { return n > 0 ? static_cast<double>(sum_ms) / n / 1000.0 : kNaN; }

ReportTableViewModel Table(const api::ReportBreakdown& b, const char* title, const char* csv) {
    ReportTableViewModel t;
    t.title = title;
    t.csv = csv;
    t.columns = {{tr("Created"), chart::Unit::count},
                 {tr("Resolved"), chart::Unit::count},
                 // TRANSLATORS: a report column: requests open now.
                 {tr("Open now"), chart::Unit::count},
                 {tr("Within SLA"), chart::Unit::percent},
                 // TRANSLATORS: a report column: median time to resolve (business hours).
                 {tr("Median to resolve"), chart::Unit::seconds},
                 // TRANSLATORS: a report column: mean time to the first response (business hours).
                 {tr("First response"), chart::Unit::seconds},
                 // TRANSLATORS: a report column: customer satisfaction (share of 4-5 answers).
                 {tr("Satisfaction"), chart::Unit::percent}};
    for (const api::BreakdownRow& row : b.rows) {
        const kpi::Cell& c = row.cell;
        ReportRowViewModel r;
        r.key = row.key;
        r.label = row.label;
        const std::int64_t met = c[Counter::resolution_met], breached = c[Counter::resolution_breached];
        r.cells = {static_cast<double>(c[Counter::created]), static_cast<double>(c[Counter::resolved]),
                   static_cast<double>(row.open_now), Percent(met, met + breached), MedianSeconds(row),
                   MeanSeconds(c[Counter::frt_business_ms], c[Counter::responded]),
                   Percent(c[Counter::satisfied], c[Counter::surveys])};
        t.rows.push_back(std::move(r));
    }
    return t;
}

void OpsCharts(const AppState& state, ReportsViewModel* vm) {
    const auto* groups = Slot(state, "group");
    const auto* agents = Slot(state, "agent");
    const auto* categories = Slot(state, "category");
    const std::string& query = state.route.report_query;
    vm->ops_load = groups ? ToLoadView(*groups, query) : LoadView{};
    if (groups && groups->has_data) {
        // TRANSLATORS: a report table's title: figures per assignment group.
        vm->groups = Table(groups->data, tr("By group"), "group");
        vm->groups_chart.title = tr("Created, resolved and breached per group");
        vm->groups_chart.series = {{tr("Created"), {}, 0}, {tr("Resolved"), {}, 1}, {tr("Breached"), {}, 3}};
        for (const api::BreakdownRow& row : groups->data.rows) {
            vm->groups_chart.x_labels.push_back(row.label);
            vm->group_keys.push_back(row.key);
            vm->groups_chart.series[0].values.push_back(static_cast<double>(row.cell[Counter::created]));
            vm->groups_chart.series[1].values.push_back(static_cast<double>(row.cell[Counter::resolved]));
            vm->groups_chart.series[2].values.push_back(static_cast<double>(row.cell[Counter::resolution_breached]));
        }
    }
    // TRANSLATORS: a report table's title: figures per agent (the assignee).
    if (agents && agents->has_data) vm->agents = Table(agents->data, tr("By agent"), "agent");
    if (categories && categories->has_data) {
        // TRANSLATORS: chart title: resolutions that met or breached their SLA, per catalog category.
        vm->breaches.title = tr("SLA breaches by category");
        vm->breaches.series = {{tr("Within SLA"), {}, 1}, {tr("Breached"), {}, 3}};
        for (const api::BreakdownRow& row : categories->data.rows) {
            vm->breaches.x_labels.push_back(row.label);
            vm->category_keys.push_back(row.key);
            vm->breaches.series[0].values.push_back(static_cast<double>(row.cell[Counter::resolution_met]));
            vm->breaches.series[1].values.push_back(static_cast<double>(row.cell[Counter::resolution_breached]));
        }
    }
    if (state.report_heatmap.has_data) {
        // TRANSLATORS: chart title: when requests arrive, by weekday and hour.
        vm->arrivals.title = tr("When requests arrive");
        for (int h = 0; h < 24; ++h) vm->arrivals.x_labels.push_back(h < 10 ? "0" + std::to_string(h) : std::to_string(h));
        for (int d = 0; d < 7; ++d) {
            chart::Series row;
            row.label = WeekdayShort(d);
            for (int h = 0; h < 24; ++h)
                row.values.push_back(static_cast<double>(state.report_heatmap.data.arrivals[static_cast<std::size_t>(d)][static_cast<std::size_t>(h)]));
            vm->arrivals.series.push_back(std::move(row));
        }
    }
}

}  // namespace

ReportsViewModel BuildReports(const AppState& state) {
    ReportsViewModel vm;
    vm.ops = state.route.report_ops;
    vm.load = ToLoadView(state.report_summary, state.route.report_query);
    Filters(state, &vm);
    if (vm.ops) OpsCharts(state, &vm);
    if (!state.report_summary.has_data) return vm;
    const api::ReportSummary& s = state.report_summary.data;
    const int days = api::PeriodDays(s.query);
    // TRANSLATORS: the report's period: {0} first day, {1} last day, {2} how many days.
    vm.period = Format(i18n::trn("{0} – {1} ({2} day)", "{0} – {1} ({2} days)", days),
                       {DateText(s.query.from), DateText(s.query.to), i18n::FormatInt(days)});
    // TRANSLATORS: under the report's period: the previous period the trends compare with.
    vm.compared = Format(tr("Compared with {0} – {1}"), {DateText(s.previous.from), DateText(s.previous.to)});
    for (int preset : {7, 30, 90, 365})
        if (days == preset) vm.preset_days = preset;
    Tiles(s, &vm);
    DailyCharts(s, &vm);
    PriorityChart(state, &vm);
    AgeingChart(s, &vm);
    return vm;
}

}  // namespace spoc::client
