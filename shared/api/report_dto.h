// Wire format of the reports (issue 14): the query both the API and the browser's #/reports URL
// carry (period and filters, read by the same DecodeReportQuery on both sides), the summary (the
// headline KPIs against the previous period and the daily series), a breakdown by one dimension
// and the arrivals heat map. Counters travel under their kpi::ColumnName names.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/domain/kpi.h"
#include "shared/domain/result.h"
#include "shared/domain/time.h"

namespace spoc::api {

// ---- The query ----------------------------------------------------------------------------------
inline constexpr int kMaxReportDays = 731;       // a period of at most two years
inline constexpr int kDefaultReportDays = 30;    // without from/to: the 30 days up to today
inline constexpr std::size_t kMaxReportGroups = 50;

struct ReportQuery {
    CivilDate from, to;  // inclusive local dates in the reporting time zone
    kpi::Filter filter;
};
// Reads from, to (YYYY-MM-DD), group (comma-separated ids), agent (id, or "none"), department,
// category, priority (1..5), type (incident | service_request), location (id, or "none").
// `param(name)` gives "" for a missing one. Errors are bad_request naming the parameter.
Result<ReportQuery> DecodeReportQuery(const std::function<std::string(std::string_view)>& param, CivilDate today);
// A chart's slice (the queue's report=<kind>&rq=<EncodeReportQuery>): rq must name both ends of its
// period, except an open slice's (backlog ageing), whose oldest band has no first day: from is
// then nullopt and the slice reaches back to the first request.
struct SliceQuery {
    std::optional<CivilDate> from;
    CivilDate to;
    kpi::Filter filter;
};
Result<SliceQuery> DecodeSliceQuery(std::string_view rq, bool open_slice);
std::string EncodeReportQuery(const ReportQuery& q);  // "from=...&to=...&group=3,4&priority=1" (URL-encoded)
ReportQuery PreviousPeriod(const ReportQuery& q);     // as long as q's period, ending the day before it
std::int64_t DayNumber(const CivilDate& d);           // DaysFromCivil
int PeriodDays(const ReportQuery& q);                 // days in [from, to]

// ---- Answers ------------------------------------------------------------------------------------
enum class KpiUnit { percent, duration_ms, count, score };
std::string_view KpiUnitName(KpiUnit u);  // "percent", "duration_ms", "count", "score"

struct KpiFigure {
    std::string key;                 // "csat", "fcr", "sla_resolution", "mttr", "frt", "backlog", ...
    KpiUnit unit = KpiUnit::count;
    std::optional<double> value;     // none: no data in the period
    std::optional<double> previous;  // the same over the previous period
    std::int64_t num = 0, den = 0;   // a percentage's parts (5 of 6 answers)
    std::optional<double> target;    // the seeds' target (percent), drawn as a reference line
    bool higher_is_better = true;
};

struct DayFigures {
    std::string date;          // "2026-11-03"
    std::int64_t backlog = 0;  // open at the end of the day
    kpi::Cell cell;            // the day's counters (buckets and arrivals are not sent)
};

struct ReportSummary {
    ReportQuery query;
    ReportQuery previous;
    std::vector<KpiFigure> kpis;  // the headline ones first (kExecutiveKpis)
    std::vector<DayFigures> days;  // every day of the period, in order
    std::int64_t open_now = 0;
    std::string as_of;                                    // today in the reporting time zone ("2026-12-07")
    std::array<std::int64_t, kpi::kAgeBuckets> ageing{};  // open now by age (kpi::AgeBucket) on that day
};
// The KPIs of a summed cell (and the backlog at the period's end) in their fixed order.
std::vector<KpiFigure> KpiFigures(const kpi::Cell& now, const kpi::Cell& before, std::int64_t backlog_end,
                                  std::int64_t backlog_before);
inline constexpr int kExecutiveKpis = 6;  // csat, fcr, sla_resolution, mttr, frt, backlog
// Self-service and walk-up, appended after the cell's KPIs when the filter applies to them (none:
// it does not, and they are left out): "deflections", "deflection_rate" (of deflections plus the
// requests created), "walkup_visits", "walkup_wait", "walkup_service", "walkup_no_show",
// "walkup_resolution".
void AddDeflectionFigures(std::vector<KpiFigure>* out, std::optional<std::int64_t> now, std::optional<std::int64_t> before,
                          const kpi::Cell& cell_now, const kpi::Cell& cell_before);
void AddWalkupFigures(std::vector<KpiFigure>* out, const std::optional<kpi::WalkupTotals>& now,
                      const std::optional<kpi::WalkupTotals>& before);

struct BreakdownRow {
    std::string key;    // the dimension's value: an id or priority number as text, a department name
    std::string label;  // what people read ("Network", "Ava Agent", "P1 Critical")
    kpi::Cell cell;     // counters only
    std::optional<std::int64_t> median_ttr_ms;  // business time
    std::int64_t open_now = 0;
};
struct ReportBreakdown {
    ReportQuery query;
    std::string by;  // "group", "agent", "department", "category", "priority", "type", "location"
    std::vector<BreakdownRow> rows;
};

struct ReportHeatmap {
    ReportQuery query;
    std::array<std::array<std::int64_t, 24>, 7> arrivals{};  // [weekday 0 = Monday][local hour]
};

std::string EncodeReportSummary(const ReportSummary& s);
Result<ReportSummary> DecodeReportSummary(std::string_view body);
std::string EncodeReportBreakdown(const ReportBreakdown& b);
Result<ReportBreakdown> DecodeReportBreakdown(std::string_view body);
std::string EncodeReportHeatmap(const ReportHeatmap& h);
Result<ReportHeatmap> DecodeReportHeatmap(std::string_view body);

}  // namespace spoc::api
