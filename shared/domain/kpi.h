// Service-desk KPIs (issue 14): what one request's life adds up to (its Fact), which daily report
// cells a fact adds to (Contributions), and every KPI formula over summed cells. Pure: the server
// keeps the cells as rollups in the same transaction as each change (server/app/reports.cpp), the
// property test recomputes them from the raw rows, and the browser formats what the API returns.
//
// Definitions (for people who feed their own BI too; the API is in /api/v1/openapi.json):
// - Days are local dates in the desk's reporting time zone; a day runs midnight to midnight there,
//   so a DST day has 23 or 25 hours. Each request is counted under its *current* group, assignee,
//   department, category, priority and type (a reassigned request moves with its counts).
// - Created: on its creation day. Resolved: on the day of its last resolution (a reopened request
//   leaves the day it was first resolved on, and is resolved again when it is). Cancelled requests
//   are created and leave the backlog, but never count as resolved.
// - Backlog at the end of day D: created on or before D and not done (resolved, closed without
//   resolution, or cancelled) by the end of D.
// - FRT / TTR: business time on the request's SLA calendar with its Pending and earlier Resolved
//   spans taken out (24x7 when it has no policy), and calendar time (wall clock, pauses included).
//   MTTR is the mean; the median is read from 14 logarithmic buckets (exact to within a bucket).
// - SLA compliance: of the clocks that stopped in the period (first response / resolution), the
//   share that stopped before their target. A clock counts on the day it stopped.
// - FCR: resolved, never reopened, never reassigned to another agent or moved to another group,
//   and resolved by its assignee (or with none assigned); or solved at a walk-up desk at the first
//   visit. Reopen rate, escalation rate (moved to another group after routing) and FCR are shares
//   of the requests resolved in the period.
// - CSAT: share of 4s and 5s among the answers given in the period; CES: mean effort (1..5, 5 =
//   very easy) of the answers that rated it. Both count on the answer's day.
// - KB deflections, walk-up visits and backlog ageing: see their section below.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <string_view>
#include <utility>
#include <vector>

#include "shared/domain/request.h"
#include "shared/domain/sla.h"
#include "shared/domain/walkup.h"

namespace spoc::kpi {

inline constexpr std::int64_t kNoDay = INT64_MIN;  // "did not happen"

// ---- Cells ------------------------------------------------------------------------------------
// Counters of one (day, dimensions) cell. X(name): the name is also the SQL column.
#define SPOC_KPI_COUNTERS(X)                                                                   \
    X(created) X(resolved) X(cancelled) X(done) X(responded) X(frt_business_ms) X(frt_calendar_ms) \
    X(response_met) X(response_breached) X(ttr_business_ms) X(ttr_calendar_ms) X(resolution_met)  \
    X(resolution_breached) X(fcr) X(reopened) X(escalated) X(surveys) X(satisfied) X(effort_sum)   \
    X(effort_answers)

enum class Counter {
#define SPOC_X(name) name,
    SPOC_KPI_COUNTERS(SPOC_X)
#undef SPOC_X
};
inline constexpr int kCounterCount = 20;
inline constexpr int kHistBuckets = 14;  // time-to-resolve buckets: <15m, <30m, <1h ... <32d, more
inline constexpr int kHours = 24;        // arrivals per local hour of the creation day
// Cell layout: counters, business TTR buckets, calendar TTR buckets, arrivals per hour.
inline constexpr int kHistBusinessAt = kCounterCount;
inline constexpr int kHistCalendarAt = kHistBusinessAt + kHistBuckets;
inline constexpr int kArrivalsAt = kHistCalendarAt + kHistBuckets;
inline constexpr int kCellWidth = kArrivalsAt + kHours;

struct Cell {
    std::array<std::int64_t, kCellWidth> v{};
    std::int64_t& operator[](Counter c) { return v[static_cast<int>(c)]; }      // one counter
    std::int64_t operator[](Counter c) const { return v[static_cast<int>(c)]; }  // one counter
    void Add(const Cell& other, int sign = 1);  // this += sign * other
    bool Empty() const;                         // every value 0
    bool operator==(const Cell&) const = default;
};
std::string ColumnName(int index);       // SQL column of cell value `index`: "created", "hb0", "hc13", "a23"
int HistBucket(std::int64_t ms);         // bucket of a duration (negative counts as 0)
std::int64_t HistBucketStart(int bucket);  // lower bound in ms (0 for bucket 0)
std::int64_t HistBucketEnd(int bucket);    // upper bound in ms (exclusive); the last (over 42.7 d) is read as ending at 85.3 d

// ---- Dimensions ---------------------------------------------------------------------------------
// What a report can be filtered and grouped by. 0 / "" = none (unassigned, no category...).
struct Dims {
    std::int64_t group_id = 0;
    std::int64_t agent_id = 0;     // the assignee
    std::string department;        // the owning department (IT, HR, Facilities)
    std::string category;          // the catalog item's category ("Hardware")
    int priority = 0;              // 1..5
    int type = 0;                  // 0 incident, 1 service request
    std::int64_t location_id = 0;  // the walk-up location that filed it
    // Written out: emscripten's libc++ has no three-way comparison for std::string.
    auto Tie() const { return std::tie(group_id, agent_id, department, category, priority, type, location_id); }
    bool operator==(const Dims& o) const { return Tie() == o.Tie(); }
    bool operator<(const Dims& o) const { return Tie() < o.Tie(); }
};

// A report's filter over the dimensions. Empty / -1: any.
struct Filter {
    std::vector<std::int64_t> groups;  // any of these groups (the server narrows an agent to theirs)
    std::int64_t agent_id = -1;        // 0: unassigned
    std::string department;
    std::string category;
    int priority = 0;                  // 1..5
    int type = -1;                     // 0 incident, 1 service request
    std::int64_t location_id = -1;     // 0: not filed at a walk-up desk
    bool Matches(const Dims& d) const;  // the same test the storage layer writes as SQL
};

// ---- One request --------------------------------------------------------------------------------
enum class SlaOutcome { none, met, breached };  // a clock that has not stopped, or has no target: none

// Everything a fact is computed from: the request row, its pauses, the history of its status,
// assignee and group, the walk-up visit that filed it and its survey answer.
struct HistoryChange {
    std::string field;  // "status" | "assignee" | "group" (others are ignored)
    std::string old_value;
    std::string new_value;
};
struct RequestRecord {
    RequestType type = RequestType::service_request;
    Status status = Status::new_;
    Priority priority = Priority::planning;
    Dims dims;  // priority and type are filled from the fields above by FactOf
    std::string sla_policy;
    Timestamp created_at = 0, first_response_at = 0, resolved_at = 0, closed_at = 0;
    std::int64_t resolved_by = 0;
    std::vector<std::pair<Timestamp, Timestamp>> pauses;  // [from, to); to 0 = open
    std::vector<HistoryChange> history;                   // oldest first
    bool walkup_first_contact = false;                    // solved at the desk in the visit that filed it
    int survey_score = 0, survey_effort = 0;              // 0 = none
    Timestamp survey_at = 0;
};

struct Fact {
    Dims dims;
    std::int64_t created_day = kNoDay;
    int created_hour = 0;  // local hour 0..23
    std::int64_t responded_day = kNoDay;
    std::int64_t frt_business_ms = 0, frt_calendar_ms = 0;
    SlaOutcome response = SlaOutcome::none;
    std::int64_t resolved_day = kNoDay;
    std::int64_t ttr_business_ms = 0, ttr_calendar_ms = 0;
    SlaOutcome resolution = SlaOutcome::none;
    std::int64_t done_day = kNoDay;  // left the backlog
    bool cancelled = false;
    bool fcr = false, reopened = false, escalated = false;
    std::int64_t survey_day = kNoDay;
    int score = 0, effort = 0;
    bool operator==(const Fact&) const = default;
};

struct ReportSetup {
    TimeZoneRule zone;                         // the desk's reporting time zone
    std::vector<SlaPolicy> policies;           // as the server's SLA clocks use them
    std::vector<BusinessCalendar> calendars;
};

std::int64_t LocalDay(const TimeZoneRule& zone, Timestamp t);  // days since 1970-01-01 of t's local date
Fact FactOf(const RequestRecord& record, const ReportSetup& setup);
// The cells a fact adds to, one per distinct day it touches, in day order (all under fact.dims).
std::vector<std::pair<std::int64_t, Cell>> Contributions(const Fact& fact);

// ---- KPIs over summed cells -----------------------------------------------------------------------
struct Ratio {
    std::int64_t num = 0, den = 0;
    std::optional<double> Percent() const;  // num * 100 / den; none when den is 0
};
Ratio Csat(const Cell& c);                  // satisfied / surveys
std::optional<double> Ces(const Cell& c);   // effort_sum / effort_answers (1..5)
Ratio Fcr(const Cell& c);                   // fcr / resolved
Ratio ResponseCompliance(const Cell& c);    // response_met / (met + breached)
Ratio ResolutionCompliance(const Cell& c);  // resolution_met / (met + breached)
Ratio ReopenRate(const Cell& c);            // reopened / resolved
Ratio EscalationRate(const Cell& c);        // escalated / resolved
std::optional<std::int64_t> MeanFrtMs(const Cell& c, bool business);  // per responded request
std::optional<std::int64_t> MeanTtrMs(const Cell& c, bool business);  // MTTR, per resolved request
std::optional<std::int64_t> MedianTtrMs(const Cell& c, bool business);  // from the buckets, interpolated

// ---- Self-service, walk-up and backlog ageing ----------------------------------------------------
// Not in the daily cells: the server counts them from their own tables (kb_deflections,
// walkup_visits, the open facts) and they are only reported where the filter makes sense for them.
//
// KB deflection: the portal records one when a requester filling a request form marks an article
// it suggested as "this solved it" (and so files nothing). Deflection rate = deflections /
// (deflections + requests created) in the period: the share of would-be requests self-service
// absorbed. Only the department and category filters apply (those of the form's catalog item).
Ratio DeflectionRate(std::int64_t deflections, std::int64_t created);

// A walk-up visit counts on its check-in day once the person arrived (not while booked or on the
// way; a cancelled visit never counts). Wait: from the instant it queued (walkup::QueueTime: the
// appointment's slot for one on time) to being called, 0 if called early; only visits that were
// called. Service: from the start at the desk to the end; only visits that ended there. No-show
// share: of the visits, those who were not there when called or gave up. Desk resolution: of the
// visits served to the end, those solved at the desk. Only the location and agent filters apply.
struct Visit {
    walkup::VisitStatus status = walkup::VisitStatus::waiting;
    Timestamp queue_at = 0, called_at = 0, started_at = 0, ended_at = 0;
    bool first_contact = false;
};
struct WalkupTotals {
    std::int64_t visits = 0, called = 0, wait_ms = 0, served = 0, service_ms = 0, no_shows = 0, solved = 0;
    void Add(const Visit& v);  // no effect for a visit that does not count (booked, en route, cancelled)
    bool operator==(const WalkupTotals&) const = default;
};
std::optional<std::int64_t> MeanWaitMs(const WalkupTotals& t);
std::optional<std::int64_t> MeanServiceMs(const WalkupTotals& t);
Ratio NoShowRate(const WalkupTotals& t);       // no_shows / visits
Ratio DeskResolution(const WalkupTotals& t);   // solved / served

// Backlog ageing: open requests by whole local days since their creation day, in five buckets
// starting at these ages: today, 1-2 days, 3-6 days, 7-29 days, 30 days and more.
inline constexpr int kAgeBuckets = 5;
inline constexpr std::array<int, kAgeBuckets> kAgeBucketFirstDay = {0, 1, 3, 7, 30};
int AgeBucket(std::int64_t created_day, std::int64_t today);  // a creation day after today counts as today

// The seeds' targets, drawn as reference lines (percent).
inline constexpr double kCsatTarget = 85;
inline constexpr double kFcrTarget = 70;
inline constexpr double kSlaTarget = 90;

}  // namespace spoc::kpi
