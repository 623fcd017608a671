// Reports, for staff (issue 14): #/reports (executive) and #/reports/ops (team leads). The URL
// holds the period and filters (route.report_query, in the API's own words); the summary, the
// breakdowns and the heat map load for it, and the filters' choices load for the period alone.
#include <string>
#include <utility>

#include "client/app/actions.h"
#include "client/app/effects.h"
#include "client/app/effects_internal.h"
#include "shared/api/routes.h"
#include "shared/api/url.h"
#include "shared/domain/kpi.h"

namespace spoc::client {

using namespace effects_internal;

namespace {

// `query` with `key` set to `value` ("" removes it), in the canonical order.
std::string WithParam(const std::string& query, const std::string& key, const std::string& value) {
    std::string raw;
    for (const char* k : {"from", "to", "group", "agent", "department", "category", "priority", "type", "location"}) {
        const std::string v = k == key ? value : api::QueryValue(query, k);
        if (v.empty()) continue;
        if (!raw.empty()) raw += '&';
        raw.append(k).append("=").append(api::PercentEncode(v));
    }
    return ReportQueryString(raw);
}

std::string PeriodOnly(const std::string& query) {
    std::string out;
    for (const char* k : {"from", "to"}) {
        const std::string v = api::QueryValue(query, k);
        if (v.empty()) continue;
        if (!out.empty()) out += '&';
        out.append(k).append("=").append(v);
    }
    return out;
}

std::string Path(const char* what, const std::string& query) {
    std::string path = std::string(routes::kReports) + "/" + what;
    if (!query.empty()) path += (path.find('?') == std::string::npos ? "?" : "&") + query;
    return path;
}

}  // namespace

void Actions::EnsureReports() {
    if (!m_state.me || !IsStaff(m_state.me->user.role)) return;
    const Route& route = m_state.route;
    const std::string& query = route.report_query;
    if (NeedsLoad(m_state.report_summary, query)) m_effects.LoadReportSummary(query);
    const std::string period = PeriodOnly(query);
    for (const char* by : {"group", "department", "category", "location"}) {
        const std::string slot = std::string("options:") + by;
        if (NeedsLoad(m_state.report_breakdowns[slot], period)) m_effects.LoadReportBreakdown(slot, by, period);
    }
    if (NeedsLoad(m_state.report_breakdowns["priority"], query)) m_effects.LoadReportBreakdown("priority", "priority", query);
    if (!route.report_ops) return;
    for (const char* by : {"group", "agent", "category"})
        if (NeedsLoad(m_state.report_breakdowns[by], query)) m_effects.LoadReportBreakdown(by, by, query);
    if (NeedsLoad(m_state.report_heatmap, query)) m_effects.LoadReportHeatmap(query);
}

void Actions::ReportFilter(const std::string& key, const std::string& value) {
    Route next = m_state.route;
    next.report_query = WithParam(next.report_query, key, value);
    Navigate(next);
}

void Actions::ReportPeriod(int days) {
    if (days < 1) return;
    // The period ends where the shown one ends (today unless someone picked dates).
    CivilDate end = LocalToday(m_clock);
    if (m_state.report_summary.has_data) end = m_state.report_summary.data.query.to;
    const CivilDate start = CivilFromDays(api::DayNumber(end) - (days - 1));
    Route next = m_state.route;
    next.report_query = WithParam(WithParam(next.report_query, "from", FormatDate(start)), "to", FormatDate(end));
    Navigate(next);
}

void Actions::ReportPage(bool ops) {
    Route next = m_state.route;
    next.report_ops = ops;
    Navigate(next);
}

void Actions::ReportCsv(const std::string& what) {
    std::string query = m_state.route.report_query;
    if (what == "summary") {
        m_host.OpenFile(Path("summary?format=csv", query), /*save=*/true);
        return;
    }
    m_host.OpenFile(Path(("breakdown?format=csv&by=" + api::PercentEncode(what)).c_str(), query), /*save=*/true);
}

void Actions::OpenReportSlice(const std::string& kind, const std::string& key, const std::string& value,
                              const std::string& day) {
    if (!IsReportSliceName(kind)) return;
    if (key == "group" && value == "0") return;  // "no group" is not a report filter
    std::string rq = m_state.route.report_query;
    if (m_state.report_summary.has_data) {  // the period shown, also when the URL left it to the server
        const api::ReportQuery& shown = m_state.report_summary.data.query;
        if (api::QueryValue(rq, "from").empty()) rq = WithParam(rq, "from", FormatDate(shown.from));
        if (api::QueryValue(rq, "to").empty()) rq = WithParam(rq, "to", FormatDate(shown.to));
    }
    if (!day.empty()) rq = WithParam(WithParam(rq, "from", day), "to", day);
    // Breakdown keys as the report query reads them: agent and location 0 are "none".
    if (!key.empty()) rq = WithParam(rq, key, (key == "agent" || key == "location") && value == "0" ? "none" : value);
    Route next;
    next.screen = Screen::queue;
    next.queue_report = kind;
    next.queue_report_query = rq;
    Navigate(next);
}

void Actions::OpenAgeingSlice(int bucket) {
    if (!m_state.report_summary.has_data || bucket < 0 || bucket >= kpi::kAgeBuckets) return;
    CivilDate today;
    if (!ParseDate(m_state.report_summary.data.as_of, &today)) return;
    const std::int64_t t = api::DayNumber(today);
    const auto& first = kpi::kAgeBucketFirstDay;
    const std::string to = FormatDate(CivilFromDays(t - first[static_cast<std::size_t>(bucket)]));
    // The oldest band has no first day (the server reads an open slice without from as "ever").
    const std::string from = bucket + 1 < kpi::kAgeBuckets
                                 ? FormatDate(CivilFromDays(t - (first[static_cast<std::size_t>(bucket) + 1] - 1)))
                                 : std::string();
    Route next;
    next.screen = Screen::queue;
    next.queue_report = "open";
    next.queue_report_query = WithParam(WithParam(m_state.route.report_query, "from", from), "to", to);
    Navigate(next);
}

void Actions::QueueCsv() {
    if (m_state.route.screen != Screen::queue) return;
    m_host.OpenFile(std::string(routes::kQueue) + "?" + QueueQueryString(m_state.route) + "&format=csv", /*save=*/true);
}

void Effects::LoadReportSummary(const std::string& query) {
    AppState* s = &m_state;
    LoadInto<api::ReportSummary>(
        m_api, NewTicket(), query, Path("summary", query), [s] { return &s->report_summary; },
        [](const std::string& body) { return api::DecodeReportSummary(body); }, [this] { OnUnauthenticated(); });
}

void Effects::LoadReportBreakdown(const std::string& slot, const std::string& by, const std::string& query) {
    AppState* s = &m_state;
    LoadInto<api::ReportBreakdown>(
        m_api, NewTicket(), query, Path(("breakdown?by=" + by).c_str(), query), [s, slot] { return &s->report_breakdowns[slot]; },
        [](const std::string& body) { return api::DecodeReportBreakdown(body); }, [this] { OnUnauthenticated(); });
}

void Effects::LoadReportHeatmap(const std::string& query) {
    AppState* s = &m_state;
    LoadInto<api::ReportHeatmap>(
        m_api, NewTicket(), query, Path("heatmap", query), [s] { return &s->report_heatmap; },
        [](const std::string& body) { return api::DecodeReportHeatmap(body); }, [this] { OnUnauthenticated(); });
}

}  // namespace spoc::client
