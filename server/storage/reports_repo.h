// SQL for the reports (issue 14): the requests a write touched (report_dirty), what a request's
// fact is computed from, the stored facts, the daily cells and open counts they add to, and the
// dashboard reads over them. The rules are in shared/domain/kpi.h; server/app/reports.cpp runs them.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "server/storage/sqlite.h"
#include "shared/domain/kpi.h"

namespace spoc::storage {

// ---- Keeping them ------------------------------------------------------------------------------
Result<std::vector<std::int64_t>> ListDirtyRequests(Database& db, int limit);  // oldest id first
Result<Unit> ClearDirtyThrough(Database& db, std::int64_t request_id);  // every mark up to that id
Result<std::int64_t> CountDirty(Database& db);
// Everything from scratch: facts, cells and open counts emptied, every request marked.
Result<Unit> ResetReports(Database& db);
Result<std::optional<std::string>> ReportTimeZone(Database& db);  // none before the first start
Result<Unit> SetReportTimeZone(Database& db, const std::string& zone);

// What the fact of a request is computed from; none when the request is gone.
Result<std::optional<kpi::RequestRecord>> LoadReportRecord(Database& db, std::int64_t request_id);
Result<std::optional<kpi::Fact>> LoadFact(Database& db, std::int64_t request_id);
Result<Unit> SaveFact(Database& db, std::int64_t request_id, const kpi::Fact& fact);
Result<Unit> DeleteFact(Database& db, std::int64_t request_id);
// report_daily[day, dims] += cell (cells may hold negative values: a contribution moving out).
Result<Unit> AddToCell(Database& db, std::int64_t day, const kpi::Dims& dims, const kpi::Cell& cell);
Result<Unit> AddToOpen(Database& db, const kpi::Dims& dims, int delta);

// ---- Reading them -------------------------------------------------------------------------------
// The dimension a breakdown groups by.
enum class ReportDimension { group, agent, department, category, priority, type, location };
bool ParseReportDimension(std::string_view text, ReportDimension* out);  // "group", "agent", ...
std::string_view ReportDimensionName(ReportDimension d);

// Cells summed per day over [from_day, to_day] for the filter; days without rows are absent.
Result<std::vector<std::pair<std::int64_t, kpi::Cell>>> SumByDay(Database& db, const kpi::Filter& filter,
                                                                 std::int64_t from_day, std::int64_t to_day);
// Cells summed per value of one dimension (as text: ids and numbers in decimal) over the period.
Result<std::vector<std::pair<std::string, kpi::Cell>>> SumByDimension(Database& db, const kpi::Filter& filter,
                                                                      std::int64_t from_day, std::int64_t to_day,
                                                                      ReportDimension by);
Result<std::int64_t> OpenNow(Database& db, const kpi::Filter& filter);  // open requests now
// Open requests now by age (kpi::AgeBucket of their creation day against `today`).
Result<std::array<std::int64_t, kpi::kAgeBuckets>> OpenByAge(Database& db, const kpi::Filter& filter, std::int64_t today);
// KB deflections recorded in [from, to) under the filter's department and category (those of the
// form's catalog item); none when it names a dimension a deflection does not have (kpi.h).
Result<std::optional<std::int64_t>> CountDeflections(Database& db, const kpi::Filter& filter, Timestamp from, Timestamp to);
// Walk-up visits checked in during [from, to) at the filter's location and with its agent; none when
// it names a dimension a visit does not have.
Result<std::optional<kpi::WalkupTotals>> SumVisits(Database& db, const kpi::Filter& filter, Timestamp from, Timestamp to);
// Request ids of a drill-down: those created (or resolved, or resolved late) on [from_day, to_day]
// that match the filter, newest first, after `after_id` (0: from the top), at most `limit`.
// A chart's bar or point as the queue lists it (GET /queue?report=breached&rq=<report query>): the
// requests created (or resolved, resolved late, rated satisfied / unsatisfied) on the slice's days
// that pass its filter, whatever their status now. The counts the reports show are these lists'.
// `open`: created on the slice's days and still open (a backlog-ageing bar).
enum class DrillKind { created, resolved, breached, satisfied, unsatisfied, open };
bool ParseDrillKind(std::string_view text, DrillKind* out);  // "created", "resolved", "breached", ..., "open"
std::string_view DrillKindName(DrillKind kind);
struct ReportSlice {
    DrillKind kind = DrillKind::created;
    std::int64_t from_day = 0, to_day = 0;  // inclusive local days (kpi day numbers)
    kpi::Filter filter;
};
// SQL over the facts, each value bound through the caller's parameter list: add_int / add_text
// take a value and give its placeholder ("?7").
using AddInt = std::function<std::string(std::int64_t)>;
using AddText = std::function<std::string(const std::string&)>;
std::string FilterSqlWith(const kpi::Filter& filter, const AddInt& add_int, const AddText& add_text);  // " AND group_id IN (...)"
// "r.id IN (SELECT ...)": the slice's ids first (pages, counts). Correlated: "EXISTS (... request_id =
// r.id ...)", one primary-key probe per request, for walks in id order (the CSV export) that must
// not list the whole slice again for every batch.
std::string ReportSliceSql(const ReportSlice& slice, const AddInt& add_int, const AddText& add_text, bool correlated = false);

}  // namespace spoc::storage
