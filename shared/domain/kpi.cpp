// Service-desk KPIs: a request's Fact, its daily cell contributions and the formulas (kpi.h says
// what each one means).
#include "shared/domain/kpi.h"

#include <algorithm>
#include <map>

namespace spoc::kpi {

// ---- Cells ------------------------------------------------------------------------------------

void Cell::Add(const Cell& other, int sign) {
    for (int i = 0; i < kCellWidth; ++i) v[i] += sign * other.v[i];
}

bool Cell::Empty() const {
    return std::all_of(v.begin(), v.end(), [](std::int64_t x) { return x == 0; });
}

std::string ColumnName(int index) {
    static const char* const kNames[] = {
#define SPOC_X(name) #name,
        SPOC_KPI_COUNTERS(SPOC_X)
#undef SPOC_X
    };
    static_assert(sizeof(kNames) / sizeof(kNames[0]) == kCounterCount);
    if (index < kCounterCount) return kNames[index];
    // (Appending rather than "hb" + to_string(): GCC 12 warns -Wrestrict on the latter.)
    std::string name = index < kHistCalendarAt ? "hb" : index < kArrivalsAt ? "hc" : "a";
    name += std::to_string(index < kHistCalendarAt ? index - kHistBusinessAt
                           : index < kArrivalsAt   ? index - kHistCalendarAt
                                                   : index - kArrivalsAt);
    return name;
}

// Bucket i < 13 ends at 15 min * 2^i (15m, 30m, 1h ... 42.7d); the last holds the rest.
std::int64_t HistBucketEnd(int bucket) { return 15 * kMsPerMinute << std::min(bucket, kHistBuckets - 1); }
std::int64_t HistBucketStart(int bucket) { return bucket == 0 ? 0 : HistBucketEnd(bucket - 1); }

int HistBucket(std::int64_t ms) {
    for (int b = 0; b < kHistBuckets - 1; ++b)
        if (ms < HistBucketEnd(b)) return b;
    return kHistBuckets - 1;
}

bool Filter::Matches(const Dims& d) const {
    if (!groups.empty() && std::find(groups.begin(), groups.end(), d.group_id) == groups.end()) return false;
    if (agent_id >= 0 && d.agent_id != agent_id) return false;
    if (!department.empty() && d.department != department) return false;
    if (!category.empty() && d.category != category) return false;
    if (priority > 0 && d.priority != priority) return false;
    if (type >= 0 && d.type != type) return false;
    return location_id < 0 || d.location_id == location_id;
}

// ---- One request --------------------------------------------------------------------------------

std::int64_t LocalDay(const TimeZoneRule& zone, Timestamp t) {
    const LocalDateTime local = UtcToLocal(zone, t);
    return DaysFromCivil(local.date.year, local.date.month, local.date.day);
}

namespace {

bool IsDoneName(std::string_view status) { return status == "resolved" || status == "closed"; }

struct Clocks {
    const SlaPolicy* policy = nullptr;
    const BusinessCalendar* calendar = nullptr;
};

Clocks ClocksFor(const RequestRecord& r, const ReportSetup& setup) {
    static const BusinessCalendar kAllHours = [] {
        auto compiled = CompileBusinessCalendar(MakeCalendar24x7());
        return compiled.ok() ? *compiled : MakeCalendar24x7();
    }();
    Clocks c;
    for (const SlaPolicy& p : setup.policies)
        if (p.name == r.sla_policy) c.policy = &p;
    if (c.policy) c.calendar = FindCalendar(setup.calendars, SlaCalendarFor(*c.policy, r.priority));
    if (!c.calendar) {
        c.policy = nullptr;
        c.calendar = &kAllHours;
    }
    return c;
}

// Business time a clock ran until `stopped`, and whether it beat its target.
std::pair<std::int64_t, SlaOutcome> Stopped(const RequestRecord& r, const Clocks& clocks, SlaKind kind,
                                            Timestamp stopped) {
    const std::int64_t target = clocks.policy ? SlaTargetMs(*clocks.policy, r.priority, kind, *clocks.calendar) : 0;
    SlaClockInput input;
    input.started = r.created_at;
    input.paused = r.pauses;
    input.stopped = stopped;
    const SlaState state = EvaluateSla(*clocks.calendar, target, input, stopped);
    if (target <= 0) return {state.elapsed_ms, SlaOutcome::none};
    return {state.elapsed_ms, state.phase == SlaState::met ? SlaOutcome::met : SlaOutcome::breached};
}

}  // namespace

Fact FactOf(const RequestRecord& r, const ReportSetup& setup) {
    Fact f;
    f.dims = r.dims;
    f.dims.priority = static_cast<int>(r.priority);
    f.dims.type = r.type == RequestType::incident ? 0 : 1;
    f.created_day = LocalDay(setup.zone, r.created_at);
    f.created_hour = static_cast<int>(UtcToLocal(setup.zone, r.created_at).ms_of_day / kMsPerHour);
    const Clocks clocks = ClocksFor(r, setup);

    if (r.first_response_at > 0) {
        f.responded_day = LocalDay(setup.zone, r.first_response_at);
        std::tie(f.frt_business_ms, f.response) = Stopped(r, clocks, SlaKind::first_response, r.first_response_at);
        f.frt_calendar_ms = std::max<std::int64_t>(0, r.first_response_at - r.created_at);
    }

    bool reopened = false, reassigned = false, moved = false;
    for (const HistoryChange& h : r.history) {
        if (h.field == "status" && IsDoneName(h.old_value) && !IsDoneName(h.new_value) && h.new_value != "cancelled")
            reopened = true;
        if (h.field == "assignee" && !h.old_value.empty() && h.new_value != h.old_value) reassigned = true;
        if (h.field == "group" && !h.old_value.empty() && h.new_value != h.old_value) moved = true;
    }

    const bool resolved = (r.status == Status::resolved || r.status == Status::closed) && r.resolved_at > 0;
    if (resolved) {
        f.resolved_day = LocalDay(setup.zone, r.resolved_at);
        std::tie(f.ttr_business_ms, f.resolution) = Stopped(r, clocks, SlaKind::resolution, r.resolved_at);
        f.ttr_calendar_ms = std::max<std::int64_t>(0, r.resolved_at - r.created_at);
        f.reopened = reopened;
        f.escalated = moved;
        const bool by_assignee = r.dims.agent_id == 0 || r.resolved_by == r.dims.agent_id;
        f.fcr = r.walkup_first_contact || (!reopened && !reassigned && !moved && by_assignee);
    }
    if (resolved) {
        f.done_day = f.resolved_day;
    } else if (r.status == Status::closed || r.status == Status::cancelled) {
        f.done_day = LocalDay(setup.zone, r.closed_at > 0 ? r.closed_at : r.created_at);
        f.cancelled = r.status == Status::cancelled;
    }

    if (r.survey_score >= survey::kMinScore && r.survey_score <= survey::kMaxScore) {
        f.survey_day = LocalDay(setup.zone, r.survey_at);
        f.score = r.survey_score;
        f.effort = r.survey_effort >= survey::kMinEffort && r.survey_effort <= survey::kMaxEffort ? r.survey_effort : 0;
    }
    return f;
}

std::vector<std::pair<std::int64_t, Cell>> Contributions(const Fact& f) {
    std::map<std::int64_t, Cell> days;
    if (f.created_day != kNoDay) {
        Cell& c = days[f.created_day];
        c[Counter::created] += 1;
        c.v[kArrivalsAt + std::clamp(f.created_hour, 0, kHours - 1)] += 1;
    }
    if (f.done_day != kNoDay) {
        Cell& c = days[f.done_day];
        c[Counter::done] += 1;
        if (f.cancelled) c[Counter::cancelled] += 1;
    }
    if (f.responded_day != kNoDay) {
        Cell& c = days[f.responded_day];
        c[Counter::responded] += 1;
        c[Counter::frt_business_ms] += f.frt_business_ms;
        c[Counter::frt_calendar_ms] += f.frt_calendar_ms;
        if (f.response == SlaOutcome::met) c[Counter::response_met] += 1;
        if (f.response == SlaOutcome::breached) c[Counter::response_breached] += 1;
    }
    if (f.resolved_day != kNoDay) {
        Cell& c = days[f.resolved_day];
        c[Counter::resolved] += 1;
        c[Counter::ttr_business_ms] += f.ttr_business_ms;
        c[Counter::ttr_calendar_ms] += f.ttr_calendar_ms;
        c.v[kHistBusinessAt + HistBucket(f.ttr_business_ms)] += 1;
        c.v[kHistCalendarAt + HistBucket(f.ttr_calendar_ms)] += 1;
        if (f.resolution == SlaOutcome::met) c[Counter::resolution_met] += 1;
        if (f.resolution == SlaOutcome::breached) c[Counter::resolution_breached] += 1;
        if (f.fcr) c[Counter::fcr] += 1;
        if (f.reopened) c[Counter::reopened] += 1;
        if (f.escalated) c[Counter::escalated] += 1;
    }
    if (f.survey_day != kNoDay) {
        Cell& c = days[f.survey_day];
        c[Counter::surveys] += 1;
        if (survey::IsSatisfied(f.score)) c[Counter::satisfied] += 1;
        if (f.effort > 0) {
            c[Counter::effort_sum] += f.effort;
            c[Counter::effort_answers] += 1;
        }
    }
    return {days.begin(), days.end()};
}

// ---- KPIs ---------------------------------------------------------------------------------------

std::optional<double> Ratio::Percent() const {
    if (den == 0) return std::nullopt;
    return static_cast<double>(num) * 100.0 / static_cast<double>(den);
}

Ratio Csat(const Cell& c) { return {c[Counter::satisfied], c[Counter::surveys]}; }

std::optional<double> Ces(const Cell& c) {
    if (c[Counter::effort_answers] == 0) return std::nullopt;
    return static_cast<double>(c[Counter::effort_sum]) / static_cast<double>(c[Counter::effort_answers]);
}

Ratio Fcr(const Cell& c) { return {c[Counter::fcr], c[Counter::resolved]}; }
Ratio ResponseCompliance(const Cell& c) {
    return {c[Counter::response_met], c[Counter::response_met] + c[Counter::response_breached]};
}
Ratio ResolutionCompliance(const Cell& c) {
    return {c[Counter::resolution_met], c[Counter::resolution_met] + c[Counter::resolution_breached]};
}
Ratio ReopenRate(const Cell& c) { return {c[Counter::reopened], c[Counter::resolved]}; }
Ratio EscalationRate(const Cell& c) { return {c[Counter::escalated], c[Counter::resolved]}; }

std::optional<std::int64_t> MeanFrtMs(const Cell& c, bool business) {
    if (c[Counter::responded] == 0) return std::nullopt;
    return c[business ? Counter::frt_business_ms : Counter::frt_calendar_ms] / c[Counter::responded];
}

std::optional<std::int64_t> MeanTtrMs(const Cell& c, bool business) {
    if (c[Counter::resolved] == 0) return std::nullopt;
    return c[business ? Counter::ttr_business_ms : Counter::ttr_calendar_ms] / c[Counter::resolved];
}

std::optional<std::int64_t> MedianTtrMs(const Cell& c, bool business) {
    const int at = business ? kHistBusinessAt : kHistCalendarAt;
    std::int64_t n = 0;
    for (int b = 0; b < kHistBuckets; ++b) n += c.v[at + b];
    if (n <= 0) return std::nullopt;
    // The median's rank (n / 2, counted from 0 in halves) falls in the first bucket whose
    // cumulative count passes it; interpolate linearly inside that bucket.
    const double half = static_cast<double>(n) / 2.0;
    double before = 0;
    for (int b = 0; b < kHistBuckets; ++b) {
        const double count = static_cast<double>(c.v[at + b]);
        if (count > 0 && before + count >= half) {
            const double start = static_cast<double>(HistBucketStart(b));
            const double end = static_cast<double>(HistBucketEnd(b));
            return static_cast<std::int64_t>(start + (end - start) * (half - before) / count);
        }
        before += count;
    }
    return HistBucketEnd(kHistBuckets - 1);
}

Ratio DeflectionRate(std::int64_t deflections, std::int64_t created) { return {deflections, deflections + created}; }

void WalkupTotals::Add(const Visit& v) {
    using walkup::VisitStatus;
    if (v.status == VisitStatus::booked || v.status == VisitStatus::en_route || v.status == VisitStatus::cancelled) return;
    ++visits;
    if (v.status == VisitStatus::no_show) ++no_shows;
    if (v.called_at > 0) {
        ++called;
        wait_ms += std::max<std::int64_t>(0, v.called_at - v.queue_at);
    }
    if (v.started_at > 0 && v.ended_at >= v.started_at && (v.status == VisitStatus::resolved || v.status == VisitStatus::transferred)) {
        ++served;
        service_ms += v.ended_at - v.started_at;
        if (v.first_contact) ++solved;
    }
}

std::optional<std::int64_t> MeanWaitMs(const WalkupTotals& t) {
    if (t.called == 0) return std::nullopt;
    return t.wait_ms / t.called;
}
std::optional<std::int64_t> MeanServiceMs(const WalkupTotals& t) {
    if (t.served == 0) return std::nullopt;
    return t.service_ms / t.served;
}
Ratio NoShowRate(const WalkupTotals& t) { return {t.no_shows, t.visits}; }
Ratio DeskResolution(const WalkupTotals& t) { return {t.solved, t.served}; }

int AgeBucket(std::int64_t created_day, std::int64_t today) {
    const std::int64_t age = std::max<std::int64_t>(0, today - created_day);
    int bucket = 0;
    for (int b = 1; b < kAgeBuckets; ++b)
        if (age >= kAgeBucketFirstDay[static_cast<std::size_t>(b)]) bucket = b;
    return bucket;
}

}  // namespace spoc::kpi
