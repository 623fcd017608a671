// KPI definitions on small fixtures with hand-computed answers: a request's fact (business and
// calendar times, SLA outcomes, FCR, reopen, escalation, time-zone days), its cell contributions
// and every formula over summed cells.
#include "doctest/doctest.h"
#include "shared/domain/kpi.h"

using namespace spoc;
using namespace spoc::kpi;

namespace {

// 2026-03-09 is a Monday. Times are UTC; the office calendar is London 09:00-17:00 Mon-Fri (GMT
// until 2026-03-29, so local = UTC in these fixtures).
Timestamp At(int day_of_march, int hour, int minute = 0) {
    return DaysFromCivil(2026, 3, day_of_march) * kMsPerDay + hour * kMsPerHour + minute * kMsPerMinute;
}

ReportSetup Setup(std::string_view zone = "Europe/London") {
    ReportSetup s;
    REQUIRE(FindTimeZone(zone, &s.zone));
    auto office = ParseBusinessCalendar("name: Office\ntime_zone: Europe/London\nmon-fri: 09:00-17:00\n");
    REQUIRE(office.ok());
    s.calendars.push_back(*office);
    SlaPolicy p;
    p.name = "Std";
    p.calendar = "Office";
    for (auto& t : p.by_priority) {
        t.first_response.ms = 1 * kMsPerHour;  // 1 business hour
        t.resolution.ms = 8 * kMsPerHour;      // 8 business hours
    }
    s.policies.push_back(p);
    return s;
}

RequestRecord Base() {
    RequestRecord r;
    r.type = RequestType::incident;
    r.priority = Priority::moderate;
    r.sla_policy = "Std";
    r.dims.group_id = 7;
    r.dims.agent_id = 42;
    r.dims.department = "IT";
    r.dims.category = "Network";
    r.created_at = At(9, 16);  // Monday 16:00
    return r;
}

}  // namespace

TEST_CASE("a request answered and resolved on time: business and calendar times, SLA met, FCR") {
    RequestRecord r = Base();
    r.status = Status::resolved;
    r.first_response_at = At(9, 16, 30);  // 30 business minutes
    r.resolved_at = At(10, 11);           // Mon 16:00-17:00 (1 h) + Tue 09:00-11:00 (2 h) = 3 h
    r.resolved_by = 42;
    r.pauses = {{r.resolved_at, 0}};
    const Fact f = FactOf(r, Setup());
    CHECK(f.created_day == DaysFromCivil(2026, 3, 9));
    CHECK(f.created_hour == 16);
    CHECK(f.dims.priority == 3);
    CHECK(f.dims.type == 0);
    CHECK(f.responded_day == DaysFromCivil(2026, 3, 9));
    CHECK(f.frt_business_ms == 30 * kMsPerMinute);
    CHECK(f.frt_calendar_ms == 30 * kMsPerMinute);
    CHECK(f.response == SlaOutcome::met);
    CHECK(f.resolved_day == DaysFromCivil(2026, 3, 10));
    CHECK(f.ttr_business_ms == 3 * kMsPerHour);
    CHECK(f.ttr_calendar_ms == 19 * kMsPerHour);
    CHECK(f.resolution == SlaOutcome::met);
    CHECK(f.done_day == f.resolved_day);
    CHECK(f.fcr);
    CHECK_FALSE(f.reopened);
    CHECK_FALSE(f.escalated);
}

TEST_CASE("a Pending span stops the clocks; a late resolution breaches; time past the target counts") {
    RequestRecord r = Base();
    r.status = Status::closed;
    r.first_response_at = At(9, 16, 0) + 2 * kMsPerHour;  // 18:00: after hours, still 1 h of business time: met late?
    // Mon 16:00 -> 18:00 is 1 business hour (16-17): the clock reaches its 1 h target exactly at
    // 17:00, so stopping at 18:00 is late.
    r.pauses = {{At(10, 10), At(11, 10)}, {At(12, 12), 0}};  // Pending Tue 10:00 -> Wed 10:00; resolved Thu 12:00
    r.resolved_at = At(12, 12);
    r.closed_at = At(14, 12);
    r.resolved_by = 42;
    const Fact f = FactOf(r, Setup());
    CHECK(f.response == SlaOutcome::breached);
    CHECK(f.frt_business_ms == 1 * kMsPerHour);
    // Business time: Mon 1 h + Tue 09-10 1 h + Wed 10-17 7 h + Thu 09-12 3 h = 12 h > 8 h target.
    CHECK(f.ttr_business_ms == 12 * kMsPerHour);
    CHECK(f.resolution == SlaOutcome::breached);
    CHECK(f.ttr_calendar_ms == 3 * kMsPerDay - 4 * kMsPerHour);
    CHECK(f.done_day == DaysFromCivil(2026, 3, 12));  // the resolution, not the closing, ends the backlog
}

TEST_CASE("reopened, reassigned or moved requests are not first-contact resolutions") {
    RequestRecord r = Base();
    r.status = Status::resolved;
    r.resolved_at = At(10, 11);
    r.resolved_by = 42;
    SUBCASE("reopened once") {
        r.history = {{"status", "resolved", "in_progress"}};
        const Fact f = FactOf(r, Setup());
        CHECK(f.reopened);
        CHECK_FALSE(f.fcr);
        CHECK_FALSE(f.escalated);
    }
    SUBCASE("handed to another agent") {
        r.history = {{"assignee", "", "Ava Agent"}, {"assignee", "Ava Agent", "Sam Support"}};
        CHECK_FALSE(FactOf(r, Setup()).fcr);
    }
    SUBCASE("the first assignment and routing are not reassignments") {
        r.history = {{"group", "", "Network"}, {"assignee", "", "Ava Agent"}, {"status", "new", "assigned"}};
        const Fact f = FactOf(r, Setup());
        CHECK(f.fcr);
        CHECK_FALSE(f.escalated);
    }
    SUBCASE("moved to another group: an escalation") {
        r.history = {{"group", "", "Service desk"}, {"group", "Service desk", "Network"}};
        const Fact f = FactOf(r, Setup());
        CHECK(f.escalated);
        CHECK_FALSE(f.fcr);
    }
    SUBCASE("resolved by someone other than the assignee") {
        r.resolved_by = 43;
        CHECK_FALSE(FactOf(r, Setup()).fcr);
    }
    SUBCASE("solved at a walk-up desk") {
        r.resolved_by = 43;
        r.walkup_first_contact = true;
        CHECK(FactOf(r, Setup()).fcr);
    }
}

TEST_CASE("open and cancelled requests: backlog days, never resolved") {
    RequestRecord r = Base();
    r.status = Status::pending;
    Fact f = FactOf(r, Setup());
    CHECK(f.done_day == kNoDay);
    CHECK(f.resolved_day == kNoDay);
    CHECK(f.responded_day == kNoDay);
    CHECK(f.response == SlaOutcome::none);

    r.status = Status::cancelled;
    r.closed_at = At(11, 9);
    f = FactOf(r, Setup());
    CHECK(f.cancelled);
    CHECK(f.done_day == DaysFromCivil(2026, 3, 11));
    CHECK(f.resolved_day == kNoDay);
    CHECK_FALSE(f.fcr);
}

TEST_CASE("days are local dates in the reporting zone, across midnight and DST") {
    RequestRecord r = Base();
    r.sla_policy = "";  // no policy: 24x7 business time, no SLA outcome
    r.created_at = At(9, 23, 30);  // 23:30 UTC Monday
    r.status = Status::resolved;
    r.resolved_at = r.created_at + 2 * kMsPerHour;
    CHECK(FactOf(r, Setup("Europe/London")).created_day == DaysFromCivil(2026, 3, 9));
    const Fact tokyo = FactOf(r, Setup("Asia/Tokyo"));  // 08:30 Tuesday there
    CHECK(tokyo.created_day == DaysFromCivil(2026, 3, 10));
    CHECK(tokyo.created_hour == 8);
    CHECK(tokyo.resolution == SlaOutcome::none);
    CHECK(tokyo.ttr_business_ms == 2 * kMsPerHour);
    const Fact ny = FactOf(r, Setup("America/New_York"));  // EDT from 2026-03-08: 19:30 Monday
    CHECK(ny.created_day == DaysFromCivil(2026, 3, 9));
    CHECK(ny.created_hour == 19);
    // London 2026-03-29: 00:30 UTC is 00:30 GMT (before the 01:00 UTC switch), 23:30 UTC the
    // evening before is still Saturday.
    r.created_at = DaysFromCivil(2026, 3, 28) * kMsPerDay + 23 * kMsPerHour + 30 * kMsPerMinute;
    CHECK(FactOf(r, Setup()).created_day == DaysFromCivil(2026, 3, 28));
    r.created_at = DaysFromCivil(2026, 3, 29) * kMsPerDay + 23 * kMsPerHour + 30 * kMsPerMinute;  // 00:30 BST Monday
    CHECK(FactOf(r, Setup()).created_day == DaysFromCivil(2026, 3, 30));
    CHECK(FactOf(r, Setup()).created_hour == 0);
}

TEST_CASE("contributions: one cell per day, and the formulas over their sum") {
    RequestRecord r = Base();
    r.status = Status::resolved;
    r.first_response_at = At(9, 16, 30);
    r.resolved_at = At(10, 11);
    r.resolved_by = 42;
    r.survey_score = 4;
    r.survey_effort = 5;
    r.survey_at = At(10, 12);
    const auto cells = Contributions(FactOf(r, Setup()));
    REQUIRE(cells.size() == 2);
    CHECK(cells[0].first == DaysFromCivil(2026, 3, 9));
    CHECK(cells[0].second[Counter::created] == 1);
    CHECK(cells[0].second[Counter::responded] == 1);
    CHECK(cells[0].second.v[kArrivalsAt + 16] == 1);
    CHECK(cells[1].second[Counter::resolved] == 1);
    CHECK(cells[1].second[Counter::done] == 1);
    CHECK(cells[1].second[Counter::surveys] == 1);
    CHECK(cells[1].second.v[kHistBusinessAt + HistBucket(3 * kMsPerHour)] == 1);

    // Three more resolutions summed into one cell: TTR 1 h, 2 h, 10 h (business), one breached.
    Cell sum;
    for (const auto& [day, cell] : cells) sum.Add(cell);
    for (int hours : {1, 2, 10}) {
        RequestRecord o = Base();
        o.status = Status::resolved;
        o.created_at = At(11, 9);
        o.resolved_at = o.created_at + hours * kMsPerHour + (hours > 8 ? 16 * kMsPerHour : 0);  // 10 h: Wed 9-17 + Thu 9-11
        o.resolved_by = 42;
        o.survey_score = hours;  // 1, 2 and 10 -> 10 is out of range: no answer
        o.survey_at = o.resolved_at;
        o.first_response_at = o.created_at + 2 * kMsPerHour;  // late: 1 h target
        for (const auto& [day, cell] : Contributions(FactOf(o, Setup()))) sum.Add(cell);
    }
    CHECK(sum[Counter::resolved] == 4);
    CHECK(sum[Counter::created] == 4);
    CHECK(MeanTtrMs(sum, true) == (3 + 1 + 2 + 10) * kMsPerHour / 4);
    CHECK(ResolutionCompliance(sum).num == 3);
    CHECK(ResolutionCompliance(sum).den == 4);
    CHECK(*ResolutionCompliance(sum).Percent() == doctest::Approx(75.0));
    CHECK(ResponseCompliance(sum).num == 1);
    CHECK(ResponseCompliance(sum).den == 4);
    CHECK(MeanFrtMs(sum, true) == (30 + 3 * 120) * kMsPerMinute / 4);
    // Surveys: 4 (satisfied), 1, 2 -> CSAT 1 of 3; effort only on the first.
    CHECK(Csat(sum).num == 1);
    CHECK(Csat(sum).den == 3);
    CHECK(*Ces(sum) == doctest::Approx(5.0));
    CHECK(Fcr(sum).num == 4);
    CHECK(ReopenRate(sum).num == 0);
    // Median of 1 h, 2 h, 3 h, 10 h from the buckets: buckets [1h,2h) [2h,4h) [2h,4h) [8h,16h); rank
    // 2 of 4 reached in [2h,4h) with 1 before -> 2h + 2h * (2 - 1) / 2 = 3 h.
    CHECK(MedianTtrMs(sum, true) == 3 * kMsPerHour);
}

TEST_CASE("formulas answer 'no data' rather than dividing by zero, and the buckets are ordered") {
    const Cell empty;
    CHECK_FALSE(Csat(empty).Percent().has_value());
    CHECK_FALSE(Ces(empty).has_value());
    CHECK_FALSE(MeanTtrMs(empty, false).has_value());
    CHECK_FALSE(MedianTtrMs(empty, true).has_value());
    CHECK(HistBucket(-5) == 0);
    CHECK(HistBucket(15 * kMsPerMinute - 1) == 0);
    CHECK(HistBucket(15 * kMsPerMinute) == 1);
    CHECK(HistBucket(400 * kMsPerDay) == kHistBuckets - 1);
    for (int b = 1; b < kHistBuckets; ++b) CHECK(HistBucketStart(b) == HistBucketEnd(b - 1));
    CHECK(ColumnName(0) == "created");
    CHECK(ColumnName(kHistBusinessAt) == "hb0");
    CHECK(ColumnName(kHistCalendarAt + 13) == "hc13");
    CHECK(ColumnName(kCellWidth - 1) == "a23");
}

TEST_CASE("deflection rate: deflections of deflections plus the requests created") {
    CHECK(DeflectionRate(3, 9).num == 3);
    CHECK(DeflectionRate(3, 9).den == 12);
    CHECK(*DeflectionRate(3, 9).Percent() == doctest::Approx(25.0));
    CHECK_FALSE(DeflectionRate(0, 0).Percent().has_value());
    CHECK(*DeflectionRate(0, 5).Percent() == doctest::Approx(0.0));
}

TEST_CASE("walk-up totals: who counts as a visit, waits from the queue instant, service from start to end") {
    const Timestamp q = 1'000'000'000'000;
    const std::int64_t m = kMsPerMinute;
    using walkup::VisitStatus;
    WalkupTotals t;
    t.Add({VisitStatus::booked, q, 0, 0, 0, false});                       // not arrived
    t.Add({VisitStatus::en_route, q, 0, 0, 0, false});                     // not arrived
    t.Add({VisitStatus::cancelled, q, q + 3 * m, 0, 0, false});            // never counts
    t.Add({VisitStatus::waiting, q, 0, 0, 0, false});                      // a visit, not called yet
    t.Add({VisitStatus::called, q - 5 * m, q, 0, 0, false});               // waited 5 min
    t.Add({VisitStatus::resolved, q, q + 10 * m, q + 12 * m, q + 30 * m, true});   // waited 10, served 18, solved
    t.Add({VisitStatus::transferred, q, q + 4 * m, q + 5 * m, q + 17 * m, false}); // waited 4, served 12
    t.Add({VisitStatus::no_show, q, q + 6 * m, 0, 0, false});              // waited 6, gone
    t.Add({VisitStatus::called, q + 2 * m, q, 0, 0, false});               // an appointment called before its slot: 0 wait
    t.Add({VisitStatus::in_service, q, q + m, q + 2 * m, 0, false});       // waited 1, still at the desk: no service time yet
    CHECK(t.visits == 7);
    CHECK(t.called == 6);
    CHECK(*MeanWaitMs(t) == (5 + 10 + 4 + 6 + 0 + 1) * m / 6);
    CHECK(t.served == 2);
    CHECK(*MeanServiceMs(t) == (18 + 12) * m / 2);
    CHECK(NoShowRate(t).num == 1);
    CHECK(NoShowRate(t).den == 7);
    CHECK(DeskResolution(t).num == 1);
    CHECK(DeskResolution(t).den == 2);
    const WalkupTotals none;
    CHECK_FALSE(MeanWaitMs(none).has_value());
    CHECK_FALSE(MeanServiceMs(none).has_value());
    CHECK_FALSE(NoShowRate(none).Percent().has_value());
}

TEST_CASE("backlog ageing bands: today, 1-2, 3-6, 7-29, 30 and more whole days") {
    const std::int64_t today = 20'000;
    const std::pair<std::int64_t, int> cases[] = {{0, 0}, {1, 1}, {2, 1}, {3, 2}, {6, 2}, {7, 3},
                                                  {29, 3}, {30, 4}, {900, 4}, {-2, 0}};  // -2: created "tomorrow"
    for (const auto& c : cases) {  // not a structured binding: clang 14 can't capture one in INFO
        INFO("age ", c.first);
        CHECK(AgeBucket(today - c.first, today) == c.second);
    }
}
