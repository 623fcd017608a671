// Tests for shared/domain/walkup.h: the visit moves, ticket numbers, board names (UTF-8, accents,
// hostile text), queue order with early / on-time / late appointments, the service-time model's
// shrinkage, wait estimates (agents, visits under way, range order, a scenario where it beats the
// naive baseline), slots on DST days in Europe/London checked against IsBusinessTime, the kiosk
// outbox merge, badge scans against human typing, and check-in validation by field.
#include "shared/domain/walkup.h"
#include "shared/api/walkup_dto.h"
#include "shared/domain/limits.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

using spoc::BusinessCalendar;
using spoc::CivilDate;
using spoc::FieldError;
using spoc::kMsPerHour;
using spoc::kMsPerMinute;
using spoc::Timestamp;
using spoc::walkup::CheckinInput;
using spoc::walkup::QueueEntry;
using spoc::walkup::ServiceTime;
using spoc::walkup::ServiceTimeModel;
using spoc::walkup::SlotRule;
using spoc::walkup::VisitStatus;
using spoc::walkup::WaitInput;
using spoc::walkup::WaitRange;

namespace {

Timestamp At(std::string_view iso) {
    Timestamp ts = 0;
    const bool ok = spoc::ParseIso8601(iso, &ts);
    REQUIRE_MESSAGE(ok, "bad test timestamp " << std::string(iso));
    return ts;
}

BusinessCalendar MustParse(std::string_view text) {
    spoc::Result<BusinessCalendar> cal = spoc::ParseBusinessCalendar(text);
    REQUIRE_MESSAGE(cal.ok(), (cal.ok() ? std::string() : cal.error().message));
    return cal.value();
}

CivilDate Date(int y, int m, int d) { return CivilDate{y, m, d}; }

int CountField(const std::vector<FieldError>& errors, std::string_view field) {
    int n = 0;
    for (const FieldError& e : errors) n += e.field == field;
    return n;
}

std::string Repeat(std::string_view piece, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += piece;
    return out;
}

ServiceTime Fixed(double minutes) { return ServiceTime{minutes, minutes, minutes, 0}; }

// A small deterministic generator, the same on every platform.
struct Lcg {
    std::uint32_t state = 12345;
    std::uint32_t Next() {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    }
    double Uniform(double lo, double hi) { return lo + (hi - lo) * (Next() % 10000) / 10000.0; }
};

constexpr VisitStatus kAll[] = {VisitStatus::booked,      VisitStatus::en_route,   VisitStatus::waiting,
                                VisitStatus::called,      VisitStatus::in_service, VisitStatus::resolved,
                                VisitStatus::transferred, VisitStatus::no_show,    VisitStatus::cancelled};

}  // namespace

// [SECTION] Visits ----------------------------------------------------------------------------

TEST_CASE("walkup: status names round-trip and unknown names are refused") {
    for (VisitStatus s : kAll) {
        VisitStatus back = VisitStatus::booked;
        CHECK(spoc::walkup::ParseVisitStatus(spoc::walkup::VisitStatusName(s), &back));
        CHECK(back == s);
    }
    CHECK(spoc::walkup::VisitStatusName(VisitStatus::en_route) == "en_route");
    CHECK(spoc::walkup::VisitStatusName(VisitStatus::in_service) == "in_service");
    CHECK(spoc::walkup::VisitStatusName(VisitStatus::no_show) == "no_show");
    VisitStatus out = VisitStatus::booked;
    CHECK_FALSE(spoc::walkup::ParseVisitStatus("Waiting", &out));
    CHECK_FALSE(spoc::walkup::ParseVisitStatus("", &out));
    CHECK(out == VisitStatus::booked);  // untouched on failure
}

TEST_CASE("walkup: exactly the listed moves are allowed; final statuses have none") {
    using S = VisitStatus;
    const std::vector<std::pair<S, S>> allowed = {
        {S::booked, S::waiting},      {S::booked, S::cancelled},       {S::booked, S::no_show},
        {S::en_route, S::waiting},    {S::en_route, S::cancelled},     {S::en_route, S::no_show},
        {S::waiting, S::called},      {S::waiting, S::no_show},        {S::waiting, S::cancelled},
        {S::called, S::in_service},   {S::called, S::waiting},         {S::called, S::no_show},
        {S::in_service, S::resolved}, {S::in_service, S::transferred},
    };
    for (S from : kAll)
        for (S to : kAll) {
            bool want = false;
            for (const auto& [a, b] : allowed) want = want || (a == from && b == to);
            CAPTURE(spoc::walkup::VisitStatusName(from));
            CAPTURE(spoc::walkup::VisitStatusName(to));
            CHECK(spoc::walkup::CanMove(from, to) == want);
        }
    // Skipping the queue is not a move: a booking must check in before being called.
    CHECK_FALSE(spoc::walkup::CanMove(S::booked, S::called));
    CHECK_FALSE(spoc::walkup::CanMove(S::in_service, S::waiting));
}

TEST_CASE("walkup: open statuses are exactly those with moves out") {
    for (VisitStatus from : kAll) {
        bool any_move = false;
        for (VisitStatus to : kAll) any_move = any_move || spoc::walkup::CanMove(from, to);
        CHECK(spoc::walkup::IsOpen(from) == any_move);
    }
    CHECK(spoc::walkup::IsOpen(VisitStatus::en_route));
    CHECK_FALSE(spoc::walkup::IsOpen(VisitStatus::transferred));
}

// [SECTION] Ticket numbers and board names ----------------------------------------------------

TEST_CASE("walkup: ticket numbers are zero-padded modulo 1000; offline ones are not padded") {
    using spoc::walkup::TicketNumber;
    CHECK(TicketNumber('A', 42) == "A-042");
    CHECK(TicketNumber('A', 0) == "A-000");
    CHECK(TicketNumber('B', 7) == "B-007");
    CHECK(TicketNumber('A', 999) == "A-999");
    CHECK(TicketNumber('A', 1000) == "A-000");
    CHECK(TicketNumber('A', 1042) == "A-042");
    CHECK(TicketNumber('A', -1) == "A-999");  // never a minus sign on the board
    CHECK(TicketNumber('Z', std::numeric_limits<int>::max()) == "Z-647");
    CHECK(spoc::walkup::OfflineTicketNumber(3) == "K-3");
    CHECK(spoc::walkup::OfflineTicketNumber(1234) == "K-1234");
}

TEST_CASE("walkup: board names show a first name and one initial, UTF-8 aware") {
    using spoc::walkup::BoardName;
    CHECK(BoardName("\xC3\x89mile \xC3\x98rsted") == "\xC3\x89mile \xC3\x98.");  // Émile Ørsted -> Émile Ø.
    CHECK(BoardName("Ada Lovelace") == "Ada L.");
    CHECK(BoardName("  Ada \t  Lovelace  ") == "Ada L.");
    CHECK(BoardName("Anna Maria van Schmidt") == "Anna S.");  // the LAST word's initial, nothing between
    CHECK(BoardName("Cher") == "Cher");
    CHECK(BoardName("  Cher  ") == "Cher");
    CHECK(BoardName("") == "Guest");
    CHECK(BoardName(" \t\r\n ") == "Guest");
    CHECK(BoardName("\xE5\xB1\xB1\xE7\x94\xB0 \xE5\xA4\xAA\xE9\x83\x8E") ==
          "\xE5\xB1\xB1\xE7\x94\xB0 \xE5\xA4\xAA.");  // 山田 太郎
    CHECK(BoardName("Zo\xC3\xAB \xF0\x9F\x98\x80smile") ==
          "Zo\xC3\xAB \xF0\x9F\x98\x80.");  // a 4-byte initial stays whole
    // A decomposed Ö (O + U+0308) keeps its accent.
    CHECK(BoardName("Ole O\xCC\x88rsted") == "Ole O\xCC\x88.");
}

TEST_CASE("walkup: board names drop bytes and characters that could garble the public board") {
    using spoc::walkup::BoardName;
    CHECK(BoardName("Eve \xE2\x80\xAEMallory") == "Eve M.");  // U+202E right-to-left override
    CHECK(BoardName("Bob \xFFSmith") == "Bob S.");            // malformed byte
    CHECK(BoardName("Al\x07 Capone") == "Al C.");             // BEL
    CHECK(BoardName("\xE2\x80\xAE \xFF") == "Guest");         // nothing printable left
    // Never more than first word + one initial, whatever the input.
    const std::string long_name = "Jo " + Repeat("Verylongmiddle ", 20) + "Quincy";
    CHECK(BoardName(long_name) == "Jo Q.");
}

// [SECTION] Queue order -----------------------------------------------------------------------

TEST_CASE("walkup: queue time: walk-ins at check-in, appointments at their slot unless late") {
    using spoc::walkup::QueueTime;
    const Timestamp ten = At("2026-05-04T10:00:00Z");
    CHECK(QueueTime({1, VisitStatus::waiting, ten - 5 * kMsPerMinute, 0}) == ten - 5 * kMsPerMinute);
    CHECK(QueueTime({1, VisitStatus::waiting, ten - 30 * kMsPerMinute, ten}) == ten);  // early: waits for the slot
    CHECK(QueueTime({1, VisitStatus::waiting, ten + 8 * kMsPerMinute, ten}) == ten);   // a little late: keeps it
    CHECK(QueueTime({1, VisitStatus::waiting, ten + spoc::walkup::kLateGraceMs, ten}) == ten);  // the edge is on time
    CHECK(QueueTime({1, VisitStatus::waiting, ten + spoc::walkup::kLateGraceMs + 1, ten}) ==
          ten + spoc::walkup::kLateGraceMs + 1);  // late: a walk-in from now
}

TEST_CASE("walkup: queue order: late vs on-time appointments among walk-ins") {
    const Timestamp ten = At("2026-05-04T10:00:00Z");
    auto min = [&](int m) { return ten + m * kMsPerMinute; };
    std::vector<QueueEntry> entries = {
        {1, VisitStatus::waiting, min(3), 0},        // walk-in 10:03
        {2, VisitStatus::waiting, min(-20), ten},    // early for 10:00 -> queues at 10:00
        {3, VisitStatus::waiting, min(-5), 0},       // walk-in 09:55
        {4, VisitStatus::waiting, min(8), ten},      // 8 min late for 10:00 -> still 10:00
        {5, VisitStatus::waiting, min(15), min(2)},  // 13 min late for 10:02 -> 10:15 as a walk-in
        {6, VisitStatus::waiting, min(12), 0},       // walk-in 10:12
        {7, VisitStatus::called, min(-30), 0},       // not waiting any more
        {8, VisitStatus::booked, 0, min(30)},        // not checked in yet
        {9, VisitStatus::in_service, min(-40), 0},
    };
    CHECK(spoc::walkup::QueueOrder(entries) == std::vector<std::int64_t>{3, 2, 4, 1, 6, 5});
    CHECK(spoc::walkup::PositionOf(entries, 3) == 1);
    CHECK(spoc::walkup::PositionOf(entries, 4) == 3);
    CHECK(spoc::walkup::PositionOf(entries, 5) == 6);
    CHECK(spoc::walkup::PositionOf(entries, 7) == 0);   // called
    CHECK(spoc::walkup::PositionOf(entries, 8) == 0);   // booked
    CHECK(spoc::walkup::PositionOf(entries, 42) == 0);  // unknown

    // Same queue time: the lower id first, whatever the input order.
    std::vector<QueueEntry> tie = {{20, VisitStatus::waiting, ten, 0}, {10, VisitStatus::waiting, min(-30), ten}};
    CHECK(spoc::walkup::QueueOrder(tie) == std::vector<std::int64_t>{10, 20});
    CHECK(spoc::walkup::QueueOrder({}).empty());
}

// [SECTION] Service times ---------------------------------------------------------------------

TEST_CASE("walkup: an empty model answers the global prior") {
    const ServiceTimeModel model;
    const ServiceTime st = model.Expected("hq", "password");
    CHECK(st.mean == doctest::Approx(spoc::walkup::kPriorMeanMinutes));
    CHECK(st.samples == 0);
    CHECK(st.low < st.mean);
    CHECK(st.high > st.low);
    // Quartiles of a log-normal with sigma 0.6 around the median.
    CHECK(std::log(st.high / st.low) == doctest::Approx(2 * 0.674 * spoc::walkup::kPriorSigma));
}

TEST_CASE("walkup: non-positive and non-finite durations are ignored") {
    ServiceTimeModel model;
    model.Add("hq", "password", 0);
    model.Add("hq", "password", -3);
    model.Add("hq", "password", std::nan(""));
    model.Add("hq", "password", std::numeric_limits<double>::infinity());
    const ServiceTime st = model.Expected("hq", "password");
    CHECK(st.samples == 0);
    CHECK(st.mean == doctest::Approx(8.0));
}

TEST_CASE("walkup: many samples dominate; few are shrunk toward the location, then the prior") {
    ServiceTimeModel model;
    const double password[] = {2.5, 3.0, 3.5};
    const double laptop[] = {20.0, 25.0, 30.0};
    for (int i = 0; i < 60; ++i) {
        model.Add("hq", "password", password[i % 3]);
        model.Add("hq", "laptop", laptop[i % 3]);
    }
    const ServiceTime pw = model.Expected("hq", "password");
    const ServiceTime lap = model.Expected("hq", "laptop");
    CHECK(pw.samples == 60);
    CHECK(pw.mean == doctest::Approx(3.0).epsilon(0.1));
    CHECK(lap.mean == doctest::Approx(25.0).epsilon(0.1));
    CHECK(pw.high < lap.low);  // their ranges do not blur into each other
    CHECK(pw.low < pw.mean);
    CHECK(pw.mean < pw.high);

    // An unknown reason gets the location's whole spread: quick and slow reasons mixed.
    const ServiceTime location = model.Expected("hq", "never-seen");
    CHECK(location.samples == 0);
    CHECK(location.high / location.low > 3 * (lap.high / lap.low));
    // A reason seen once: its median between that sample and the location's.
    auto median = [](const ServiceTime& st) { return std::sqrt(st.low * st.high); };
    model.Add("hq", "printer", 60.0);
    const ServiceTime once = model.Expected("hq", "printer");
    CHECK(once.samples == 1);
    CHECK(median(once) > median(location));
    CHECK(once.mean < 60.0);
    for (int i = 0; i < 40; ++i) model.Add("hq", "printer", 60.0);
    const ServiceTime often = model.Expected("hq", "printer");
    CHECK(often.mean > once.mean);
    CHECK(often.mean == doctest::Approx(60.0).epsilon(0.2));

    // Another location knows nothing of these.
    CHECK(model.Expected("annex", "laptop").mean == doctest::Approx(8.0));
    // A location with few samples is itself pulled toward the prior.
    model.Add("annex", "laptop", 40.0);
    const ServiceTime annex = model.Expected("annex", "laptop");
    CHECK(annex.mean > 8.0);
    CHECK(annex.mean < 40.0);
}

// [SECTION] Waits -----------------------------------------------------------------------------

TEST_CASE("walkup: wait with nobody around is zero; a queue on one agent adds up") {
    CHECK(spoc::walkup::EstimateWait({}).point == 0);
    WaitInput in;
    in.ahead = {Fixed(10), Fixed(10), Fixed(10)};
    const WaitRange w = spoc::walkup::EstimateWait(in);
    CHECK(w.point == 30);
    CHECK(w.low == 30);
    CHECK(w.high == 30);
    in.agents = 0;  // treated as one
    CHECK(spoc::walkup::EstimateWait(in).point == 30);
    in.agents = 2;  // 10 + 10 on one, 10 on the other
    CHECK(spoc::walkup::EstimateWait(in).point == 10);
    in.agents = 3;  // each of the three has an agent
    CHECK(spoc::walkup::EstimateWait(in).point == 10);
    in.agents = 4;  // and a fourth is free now
    CHECK(spoc::walkup::EstimateWait(in).point == 0);
    in.agents = std::numeric_limits<int>::max();  // no giant allocation
    CHECK(spoc::walkup::EstimateWait(in).point == 0);
}

TEST_CASE("walkup: two agents wait less than one") {
    WaitInput in;
    in.ahead = {ServiceTime{8, 5, 11, 10}, ServiceTime{8, 5, 11, 10}, ServiceTime{20, 14, 27, 10},
                ServiceTime{8, 5, 11, 10}};
    in.in_service = {ServiceTime{10, 6, 14, 10}};
    in.in_service_elapsed_minutes = {4};
    const WaitRange one = spoc::walkup::EstimateWait(in);
    in.agents = 2;
    const WaitRange two = spoc::walkup::EstimateWait(in);
    CHECK(two.point < one.point);
    CHECK(two.high < one.high);
    CHECK(two.low <= one.low);
    // Schedule by hand for fixed times: agent A busy 6 more minutes, agent B free.
    WaitInput fixed;
    fixed.agents = 2;
    fixed.in_service = {Fixed(10)};
    fixed.in_service_elapsed_minutes = {4};
    fixed.ahead = {Fixed(8), Fixed(8), Fixed(20)};
    // B: 0 -> 8; A: 6 -> 14; B: 8 -> 28. Next free: A at 14.
    CHECK(spoc::walkup::EstimateWait(fixed).point == 14);
}

TEST_CASE("walkup: a visit under way has at least a minute left, more the longer it overruns") {
    WaitInput in;
    in.in_service = {ServiceTime{10, 6, 14, 10}};
    in.in_service_elapsed_minutes = {0};
    const WaitRange fresh = spoc::walkup::EstimateWait(in);
    CHECK(fresh.point == 10);
    in.in_service_elapsed_minutes = {4};
    const WaitRange started = spoc::walkup::EstimateWait(in);
    CHECK(started.point >= 1);
    CHECK(started.point < fresh.point);
    CHECK(started.low <= started.point);
    CHECK(started.point <= started.high);
    // Twice its usual length already: the log-normal's tail says it is not about to end.
    // (mean - elapsed would say 1 minute.)
    in.in_service_elapsed_minutes = {20};
    const WaitRange overrun = spoc::walkup::EstimateWait(in);
    CHECK(overrun.low >= 1);
    CHECK(overrun.point >= 5);
    in.in_service_elapsed_minutes = {60};
    CHECK(spoc::walkup::EstimateWait(in).point > overrun.point);
    // Without a spread (only a mean), the remaining time is the mean minus elapsed, at least 1.
    in.in_service = {ServiceTime{10, 0, 0, 0}};
    in.in_service_elapsed_minutes = {25};
    CHECK(spoc::walkup::EstimateWait(in).point == 1);
    // More people in service than agents given: each still has someone serving them.
    WaitInput busy;
    busy.agents = 1;
    busy.in_service = {Fixed(10), Fixed(20)};
    busy.in_service_elapsed_minutes = {0, 0};
    CHECK(spoc::walkup::EstimateWait(busy).point == 10);
}

TEST_CASE("walkup: the range always holds the point (fixed-seed property check)") {
    Lcg rng;
    for (int round = 0; round < 500; ++round) {
        WaitInput in;
        in.agents = static_cast<int>(rng.Next() % 4);
        auto random_time = [&] {
            const double median = rng.Uniform(1, 40), sigma = rng.Uniform(0, 2.0);  // up to very wide
            return ServiceTime{median * std::exp(sigma * sigma / 2), median * std::exp(-0.674 * sigma),
                               median * std::exp(0.674 * sigma), 3};
        };
        for (int i = static_cast<int>(rng.Next() % 8); i > 0; --i) in.ahead.push_back(random_time());
        for (int i = static_cast<int>(rng.Next() % 3); i > 0; --i) {
            in.in_service.push_back(random_time());
            in.in_service_elapsed_minutes.push_back(rng.Uniform(0, 90));
        }
        const WaitRange w = spoc::walkup::EstimateWait(in);
        CAPTURE(round);
        CHECK(w.low >= 0);
        CHECK(w.low <= w.point);
        CHECK(w.point <= w.high);
    }
}

TEST_CASE("walkup: the estimate beats position x average when reasons differ a lot") {
    // History: password resets take ~3 minutes, laptop repairs ~25.
    ServiceTimeModel model;
    double total = 0;
    int count = 0;
    const double password[] = {2.5, 3.0, 3.5}, laptop[] = {20.0, 25.0, 30.0};
    for (int i = 0; i < 30; ++i) {
        model.Add("hq", "password", password[i % 3]);
        model.Add("hq", "laptop", laptop[i % 3]);
        total += password[i % 3] + laptop[i % 3];
        count += 2;
    }
    const double average = total / count;

    // Today's queue on one agent and what each visit really took.
    const std::vector<std::string> reasons = {"password", "password", "laptop", "password", "password", "password"};
    const std::vector<double> actual = {3, 3, 25, 3, 3, 3};
    double error_model = 0, error_naive = 0, waited = 0;
    for (std::size_t k = 0; k < reasons.size(); ++k) {
        WaitInput in;
        for (std::size_t j = 0; j < k; ++j) in.ahead.push_back(model.Expected("hq", reasons[j]));
        const WaitRange w = spoc::walkup::EstimateWait(in);
        CAPTURE(k);
        CHECK(w.low <= waited);  // the truth lies in the range here
        CHECK(w.high >= waited);
        error_model += std::abs(w.point - waited);
        error_naive += std::abs(spoc::walkup::NaiveWait(static_cast<int>(k), average) - waited);
        waited += actual[k];
    }
    CHECK(error_model < error_naive / 4);
}

TEST_CASE("walkup: the naive baseline") {
    CHECK(spoc::walkup::NaiveWait(3, 8.0) == 24);
    CHECK(spoc::walkup::NaiveWait(3, 2.5) == 8);  // 7.5 rounds half away from zero
    CHECK(spoc::walkup::NaiveWait(0, 8.0) == 0);
    CHECK(spoc::walkup::NaiveWait(-2, 8.0) == 0);
    CHECK(spoc::walkup::NaiveWait(4, std::nan("")) == 0);
}

// [SECTION] Slots -----------------------------------------------------------------------------

TEST_CASE("walkup: day slots inside split hours, none on holidays or closed days") {
    const BusinessCalendar desk =
        MustParse("name: Desk\ntime_zone: Europe/London\nmon-fri: 09:00-12:30, 13:30-17:00\nholidays: 2026-12-25\n");
    const SlotRule rule;  // 15 minutes, 2 per slot
    const std::vector<Timestamp> monday = spoc::walkup::DaySlots(desk, Date(2026, 3, 30), rule);  // BST
    REQUIRE(monday.size() == 28);
    CHECK(monday.front() == At("2026-03-30T08:00:00Z"));
    CHECK(monday[13] == At("2026-03-30T11:15:00Z"));  // 12:15-12:30, the last before lunch
    CHECK(monday[14] == At("2026-03-30T12:30:00Z"));  // 13:30 local
    CHECK(monday.back() == At("2026-03-30T15:45:00Z"));
    const std::vector<Timestamp> friday = spoc::walkup::DaySlots(desk, Date(2026, 3, 27), rule);  // GMT
    REQUIRE(friday.size() == 28);
    CHECK(friday.front() == At("2026-03-27T09:00:00Z"));
    CHECK(spoc::walkup::DaySlots(desk, Date(2026, 12, 25), rule).empty());  // holiday (a Friday)
    CHECK(spoc::walkup::DaySlots(desk, Date(2026, 3, 28), rule).empty());   // Saturday
    CHECK(spoc::walkup::DaySlots(desk, Date(2026, 2, 30), rule).empty());   // no such date
    CHECK(spoc::walkup::DaySlots(desk, Date(2026, 3, 30), SlotRule{0, 2}).empty());

    // 40-minute slots: 09:00, 09:40, 10:20, 11:00, 11:40 fit before 12:30 (12:20 would not).
    const std::vector<Timestamp> long_slots = spoc::walkup::DaySlots(desk, Date(2026, 3, 30), SlotRule{40, 1});
    CHECK(long_slots.size() == 5 + 5);  // and 13:30 .. 16:10 after lunch
    CHECK(long_slots[4] == At("2026-03-30T10:40:00Z"));
}

TEST_CASE("walkup: DST days in Europe/London have 23 and 25 hours of slots") {
    BusinessCalendar all_day = spoc::MakeCalendar24x7("all day");
    all_day.time_zone = "Europe/London";
    REQUIRE(spoc::FindTimeZone("Europe/London", &all_day.zone));
    const SlotRule rule{15, 1};
    const std::vector<Timestamp> spring = spoc::walkup::DaySlots(all_day, Date(2026, 3, 29), rule);
    const std::vector<Timestamp> autumn = spoc::walkup::DaySlots(all_day, Date(2026, 10, 25), rule);
    const std::vector<Timestamp> plain = spoc::walkup::DaySlots(all_day, Date(2026, 6, 14), rule);
    CHECK(spring.size() == 23 * 4);
    CHECK(autumn.size() == 25 * 4);
    CHECK(plain.size() == 24 * 4);
    for (const std::vector<Timestamp>* day : {&spring, &autumn, &plain})
        for (std::size_t i = 1; i < day->size(); ++i) CHECK((*day)[i] - (*day)[i - 1] == 15 * kMsPerMinute);
    CHECK(spring.front() == At("2026-03-29T00:00:00Z"));
    CHECK(spring.back() == At("2026-03-29T22:45:00Z"));   // 23:45 BST
    CHECK(autumn.front() == At("2026-10-24T23:00:00Z"));  // 00:00 BST

    // A night desk: 00:00-04:00 local is 3 h on the spring day and 5 h on the autumn one.
    const BusinessCalendar night = MustParse("name: Night\ntime_zone: Europe/London\nsun: 00:00-04:00\n");
    CHECK(spoc::walkup::DaySlots(night, Date(2026, 3, 29), rule).size() == 12);
    CHECK(spoc::walkup::DaySlots(night, Date(2026, 10, 25), rule).size() == 20);
    CHECK(spoc::walkup::DaySlots(night, Date(2026, 3, 22), rule).size() == 16);

    // Hours starting in the gap (01:30 never happens on 29 March) start when the clock jumps,
    // as business hours do: 02:00-03:00 BST.
    const BusinessCalendar gap = MustParse("name: Gap\ntime_zone: Europe/London\nsun: 01:30-03:00\n");
    const std::vector<Timestamp> gap_slots = spoc::walkup::DaySlots(gap, Date(2026, 3, 29), rule);
    REQUIRE(gap_slots.size() == 4);
    CHECK(gap_slots.front() == At("2026-03-29T01:00:00Z"));
    CHECK(spoc::IsBusinessTime(gap, gap_slots.front()));
}

TEST_CASE("walkup: every slot of 2026 lies inside business hours (Europe/London, odd hours)") {
    const BusinessCalendar cal = MustParse(
        "name: Odd\ntime_zone: Europe/London\nmon-fri: 08:50-12:35, 13:10-18:00\n"
        "sat: 00:00-02:30\nsun: 01:10-03:20, 22:00-24:00\nholidays: 2026-05-04\n");
    const SlotRule rule{20, 2};
    int total = 0;
    for (std::int64_t day = spoc::DaysFromCivil(2026, 1, 1); day <= spoc::DaysFromCivil(2026, 12, 31); ++day) {
        const CivilDate date = spoc::CivilFromDays(day);
        const std::vector<Timestamp> slots = spoc::walkup::DaySlots(cal, date, rule);
        std::int64_t slot_ms = 0;
        for (Timestamp s : slots) {
            CAPTURE(spoc::FormatIso8601(s));
            CHECK(spoc::IsBusinessTime(cal, s));
            CHECK(spoc::IsBusinessTime(cal, s + rule.slot_minutes * kMsPerMinute - 1));
            CHECK(spoc::walkup::IsSlotStart(cal, date, rule, s));
            CHECK_FALSE(spoc::walkup::IsSlotStart(cal, date, rule, s + kMsPerMinute));
            slot_ms += rule.slot_minutes * kMsPerMinute;
        }
        const Timestamp day_start = spoc::LocalToUtc(cal.zone, date, 0);
        const Timestamp day_end = spoc::LocalToUtc(cal.zone, spoc::CivilFromDays(day + 1), 0);
        CHECK(slot_ms <= spoc::BusinessTimeBetween(cal, day_start, day_end));
        total += static_cast<int>(slots.size());
    }
    CHECK(total > 250 * 20);
    CHECK(spoc::walkup::DaySlots(cal, Date(2026, 5, 4), rule).empty());
}

TEST_CASE("walkup: slot starts and room") {
    const BusinessCalendar desk = MustParse("name: Desk\ntime_zone: Europe/London\nmon-fri: 09:00-17:00\n");
    const SlotRule rule{15, 2};
    CHECK(spoc::walkup::IsSlotStart(desk, Date(2026, 3, 30), rule, At("2026-03-30T08:15:00Z")));
    CHECK_FALSE(spoc::walkup::IsSlotStart(desk, Date(2026, 3, 30), rule, At("2026-03-30T08:20:00Z")));
    CHECK_FALSE(
        spoc::walkup::IsSlotStart(desk, Date(2026, 3, 30), rule, At("2026-03-30T16:00:00Z")));  // 17:00: closing
    CHECK_FALSE(spoc::walkup::IsSlotStart(desk, Date(2026, 3, 31), rule, At("2026-03-30T08:15:00Z")));  // other date
    CHECK(spoc::walkup::HasRoom(0, rule));
    CHECK(spoc::walkup::HasRoom(1, rule));
    CHECK_FALSE(spoc::walkup::HasRoom(2, rule));
    CHECK_FALSE(spoc::walkup::HasRoom(0, SlotRule{15, 0}));
}

// [SECTION] Kiosk -----------------------------------------------------------------------------

TEST_CASE("walkup: offline check-ins move by the kiosk's clock offset, within the skew bound") {
    using spoc::walkup::MergedCheckinTime;
    const Timestamp server_now = At("2026-05-04T10:30:00Z");
    const std::int64_t skew = 5 * kMsPerMinute;
    // Kiosk two minutes slow: its 10:00 was really 10:02.
    CHECK(MergedCheckinTime(At("2026-05-04T10:00:00Z"), server_now - 2 * kMsPerMinute, server_now, skew) ==
          At("2026-05-04T10:02:00Z"));
    // Kiosk an hour slow: only the bound is trusted.
    CHECK(MergedCheckinTime(At("2026-05-04T09:00:00Z"), server_now - kMsPerHour, server_now, skew) ==
          At("2026-05-04T09:05:00Z"));
    // Kiosk an hour fast: moved back by the bound only, and never into the server's future.
    CHECK(MergedCheckinTime(At("2026-05-04T11:00:00Z"), server_now + kMsPerHour, server_now, skew) == server_now);
    CHECK(MergedCheckinTime(At("2026-05-04T10:20:00Z"), server_now + kMsPerHour, server_now, skew) ==
          At("2026-05-04T10:15:00Z"));
    // A stored time "after" the kiosk's own now (a bad clock) still lands no later than server_now.
    CHECK(MergedCheckinTime(server_now + kMsPerHour, server_now, server_now, skew) == server_now);
    CHECK(MergedCheckinTime(At("2026-05-04T10:00:00Z"), server_now - kMsPerMinute, server_now, -10) ==
          At("2026-05-04T10:00:00Z"));  // a negative bound trusts no offset
    // Garbage clocks saturate instead of overflowing.
    const Timestamp max = std::numeric_limits<Timestamp>::max(), min = std::numeric_limits<Timestamp>::min();
    CHECK(MergedCheckinTime(max, min, server_now, max) == server_now);
    CHECK(MergedCheckinTime(min, max, server_now, max) == min);
}

TEST_CASE("walkup: the outbox replays in local-time order, ties in stored order") {
    CHECK(spoc::walkup::OutboxOrder({30, 10, 20, 10}) == std::vector<std::size_t>{1, 3, 2, 0});
    CHECK(spoc::walkup::OutboxOrder({}).empty());
    CHECK(spoc::walkup::OutboxOrder({5, 5, 5}) == std::vector<std::size_t>{0, 1, 2});
}

TEST_CASE("walkup: badge scans vs human typing") {
    using spoc::walkup::LooksLikeScan;
    auto evenly = [](std::size_t keys, std::int64_t gap) {
        std::vector<Timestamp> t;
        for (std::size_t i = 0; i < keys; ++i) t.push_back(1000 + static_cast<Timestamp>(i) * gap);
        return t;
    };
    CHECK(LooksLikeScan(evenly(9, 8), "04412345"));  // 8 digits + Enter, 8 ms apart
    CHECK(LooksLikeScan(evenly(8, 8), "04412345"));  // without Enter's time
    CHECK(LooksLikeScan(evenly(4, 35), "A1-9"));     // the median edge
    CHECK_FALSE(LooksLikeScan(evenly(4, 36), "A1-9"));
    CHECK_FALSE(LooksLikeScan(evenly(9, 180), "04412345"));  // a person typing
    CHECK_FALSE(LooksLikeScan(evenly(9, 60), "04412345"));   // a fast typist's burst
    // A reader that hiccups once is still a reader; one long pause is a person.
    std::vector<Timestamp> hiccup = evenly(9, 10);
    for (std::size_t i = 5; i < hiccup.size(); ++i) hiccup[i] += 100;  // one 110 ms gap
    CHECK(LooksLikeScan(hiccup, "04412345"));
    for (std::size_t i = 5; i < hiccup.size(); ++i) hiccup[i] += 20;  // now 130 ms
    CHECK_FALSE(LooksLikeScan(hiccup, "04412345"));
    // Text a reader cannot type.
    CHECK_FALSE(LooksLikeScan(evenly(4, 8), "123"));
    CHECK_FALSE(LooksLikeScan(evenly(6, 8), "12 345"));
    CHECK_FALSE(LooksLikeScan(evenly(6, 8),
                              "12\xC3\xA9"
                              "45"));  // é is not ASCII
    CHECK_FALSE(LooksLikeScan(evenly(5, 8), "12\t45"));
    // Times that do not belong to the text: a paste, or out of order.
    CHECK_FALSE(LooksLikeScan({1000}, "04412345"));
    CHECK_FALSE(LooksLikeScan(evenly(20, 8), "04412345"));
    std::vector<Timestamp> backwards = evenly(8, 8);
    backwards[3] = 0;
    CHECK_FALSE(LooksLikeScan(backwards, "04412345"));
}

// [SECTION] Validation ------------------------------------------------------------------------

TEST_CASE("walkup: a minimal check-in is valid; keys are required and strict") {
    CheckinInput in;
    in.location = "hq-desk";
    in.reason = "password";
    CHECK(spoc::walkup::ValidateCheckin(in).empty());

    CheckinInput empty;
    const std::vector<FieldError> missing = spoc::walkup::ValidateCheckin(empty);
    CHECK(missing.size() == 2);
    CHECK(CountField(missing, "location") == 1);
    CHECK(CountField(missing, "reason") == 1);
    for (const FieldError& e : missing) {
        CHECK_FALSE(e.message.empty());
        CHECK(e.message.back() == '.');
    }

    for (const char* bad : {"HQ", "hq desk", "hq_desk", " hq", "h\xC3\xA9", "   "}) {
        CheckinInput b = in;
        b.location = bad;
        CAPTURE(bad);
        const std::vector<FieldError> errors = spoc::walkup::ValidateCheckin(b);
        CHECK(errors.size() == 1);
        CHECK(CountField(errors, "location") == 1);
    }
    CheckinInput edge = in;
    edge.reason = std::string(40, 'a');
    CHECK(spoc::walkup::ValidateCheckin(edge).empty());
    edge.reason = std::string(41, 'a');
    CHECK(CountField(spoc::walkup::ValidateCheckin(edge), "reason") == 1);
}

TEST_CASE("walkup: note and guest name: plain single-line text, limits in code points") {
    CheckinInput in;
    in.location = "hq-desk";
    in.reason = "laptop";
    in.note = Repeat("\xC3\xA9", 280);  // 280 code points, 560 bytes
    CHECK(spoc::walkup::ValidateCheckin(in).empty());
    in.note = "  " + Repeat("x", 280) + "  ";  // counted trimmed
    CHECK(spoc::walkup::ValidateCheckin(in).empty());
    in.note = Repeat("\xC3\xA9", 281);
    CHECK(CountField(spoc::walkup::ValidateCheckin(in), "note") == 1);
    in.note = "screen\nbroken";
    CHECK(CountField(spoc::walkup::ValidateCheckin(in), "note") == 1);
    in.note =
        "abc \xE2\x80\xAE"
        "cba";  // right-to-left override
    CHECK(CountField(spoc::walkup::ValidateCheckin(in), "note") == 1);
    in.note = "bad \xFF byte";
    CHECK(CountField(spoc::walkup::ValidateCheckin(in), "note") == 1);
    in.note.clear();

    in.guest_name = Repeat("\xE5\xB1\xB1", 80);
    CHECK(spoc::walkup::ValidateCheckin(in).empty());
    in.guest_name = Repeat("\xE5\xB1\xB1", 81);
    CHECK(CountField(spoc::walkup::ValidateCheckin(in), "guest_name") == 1);
    in.guest_name = "Ann\x1B[31m";
    CHECK(CountField(spoc::walkup::ValidateCheckin(in), "guest_name") == 1);
}

TEST_CASE("walkup: badge and username limits") {
    CheckinInput in;
    in.location = "hq-desk";
    in.reason = "badge";
    in.badge = "0441-2345/7";
    CHECK(spoc::walkup::ValidateCheckin(in).empty());
    in.badge = std::string(64, '9');
    CHECK(spoc::walkup::ValidateCheckin(in).empty());
    in.badge = std::string(65, '9');
    CHECK(CountField(spoc::walkup::ValidateCheckin(in), "badge") == 1);
    in.badge = "12\xC3\xA9";
    CHECK(CountField(spoc::walkup::ValidateCheckin(in), "badge") == 1);
    in.badge = "12\t34";
    CHECK(CountField(spoc::walkup::ValidateCheckin(in), "badge") == 1);
    in.badge.clear();

    in.username = std::string(64, 'u');
    CHECK(spoc::walkup::ValidateCheckin(in).empty());
    in.username = std::string(65, 'u');
    CHECK(CountField(spoc::walkup::ValidateCheckin(in), "username") == 1);
    in.username = "ann\x01";
    CHECK(CountField(spoc::walkup::ValidateCheckin(in), "username") == 1);
}

TEST_CASE("walkup: at most one identity among badge, username and guest name") {
    CheckinInput in;
    in.location = "hq-desk";
    in.reason = "password";
    in.badge = "04412345";
    CHECK(spoc::walkup::ValidateCheckin(in).empty());
    in.username = "ann";
    std::vector<FieldError> errors = spoc::walkup::ValidateCheckin(in);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "identity");
    in.guest_name = "Ann Lee";
    CHECK(CountField(spoc::walkup::ValidateCheckin(in), "identity") == 1);  // one error, not one per pair
    in.badge = "   ";                                                       // blank does not count as given
    in.username.clear();
    CHECK(spoc::walkup::ValidateCheckin(in).empty());
    // Every problem at once, each under its own field.
    CheckinInput bad;
    bad.location = "HQ";
    bad.note = "a\nb";
    bad.guest_name = "Ann";
    bad.username = std::string(70, 'u');
    errors = spoc::walkup::ValidateCheckin(bad);
    CHECK(CountField(errors, "location") == 1);
    CHECK(CountField(errors, "reason") == 1);
    CHECK(CountField(errors, "note") == 1);
    CHECK(CountField(errors, "username") == 1);
    CHECK(CountField(errors, "identity") == 1);
    CHECK(errors.size() == 5);
}

TEST_CASE("walkup: a kiosk check-in needs one identity (nobody is signed in there)") {
    spoc::walkup::CheckinInput in;
    in.location = "london-hq";
    in.reason = "laptop";
    auto errors = spoc::walkup::ValidateKioskCheckin(in);
    REQUIRE_FALSE(errors.empty());
    CHECK(errors.front().field == "identity");
    CHECK(spoc::walkup::ValidateCheckin(in).empty());  // from the portal the session identifies
    in.guest_name = "   ";
    CHECK(spoc::walkup::ValidateKioskCheckin(in).front().field == "identity");
    for (std::string* who : {&in.badge, &in.username, &in.guest_name}) {
        in.badge.clear();
        in.username.clear();
        in.guest_name.clear();
        *who = "100234";
        CHECK(spoc::walkup::ValidateKioskCheckin(in).empty());
    }
    in.reason.clear();  // other problems still come through, after the identity
    in.guest_name.clear();
    in.badge.clear();
    in.username.clear();
    errors = spoc::walkup::ValidateKioskCheckin(in);
    REQUIRE(errors.size() >= 2);
    CHECK(errors[0].field == "identity");
    CHECK(errors[1].field == "reason");
}

namespace api = spoc::api;

TEST_CASE("walkup: the kiosk's stored outbox round-trips, and a damaged or oversized one is refused whole") {
    api::Outbox o;
    o.seq = 2;
    api::OutboxEntry a{"key-1", "K-1", {}};
    a.checkin.input.username = "emma";
    a.checkin.input.reason = "laptop";
    a.checkin.input.note = "Écran noir — 画面";
    a.checkin.local_checked_in_at = 1764950400000;
    a.checkin.kiosk_now = 1764950400000;
    api::OutboxEntry b{"key-2", "K-2", {}};
    b.checkin.input.guest_name = "Kim";
    b.checkin.input.reason = "other";
    b.checkin.local_checked_in_at = 1764950460000;
    b.checkin.kiosk_now = 1764950460000;
    o.items = {a, b};
    auto back = api::DecodeOutbox(api::EncodeOutbox(o));
    REQUIRE(back.ok());
    CHECK(back->seq == 2);
    REQUIRE(back->items.size() == 2);
    CHECK(back->items[0].key == "key-1");
    CHECK(back->items[0].ticket == "K-1");
    CHECK(back->items[0].checkin.input.username == "emma");
    CHECK(back->items[0].checkin.input.note == a.checkin.input.note);
    CHECK(back->items[1].checkin.local_checked_in_at == 1764950460000);
    CHECK(back->items[1].checkin.input.guest_name == "Kim");
    CHECK_FALSE(api::DecodeOutbox("").ok());
    CHECK_FALSE(api::DecodeOutbox(R"({"seq":1,"items":[{"ticket":"K-1","checkin":{}}]})").ok());  // no key
    CHECK_FALSE(api::DecodeOutbox(R"({"seq":1,"items":[{"key":"k","checkin":{"reason":"x","kiosk_now":"2026-01-01T00:00:00Z"}}]})").ok());
    api::Outbox big;
    for (std::size_t i = 0; i <= api::kMaxOutboxEntries; ++i) big.items.push_back(b);
    CHECK_FALSE(api::DecodeOutbox(api::EncodeOutbox(big)).ok());
}

TEST_CASE("walkup: the survey's score is 1 to 5, and the agent's outcome note is plain text within its limit") {
    for (int score = spoc::walkup::kMinSurveyScore; score <= spoc::walkup::kMaxSurveyScore; ++score) CHECK(spoc::walkup::ValidateSurveyScore(score).empty());
    for (int score : {0, -1, 6, 100, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()}) {
        const auto errors = spoc::walkup::ValidateSurveyScore(score);
        REQUIRE(errors.size() == 1);
        CHECK(errors.front().field == "score");
    }
    CHECK(spoc::walkup::ValidateOutcomeNote("").empty());
    CHECK(spoc::walkup::ValidateOutcomeNote("Reset the MFA token.\nUser can sign in.").empty());  // lines are fine
    CHECK(spoc::walkup::ValidateOutcomeNote(std::string(spoc::limits::kMaxResolutionNote, 'x')).empty());
    std::string long_note;
    for (std::size_t i = 0; i < spoc::limits::kMaxResolutionNote; ++i) long_note += "é";  // counted in code points
    CHECK(spoc::walkup::ValidateOutcomeNote(long_note).empty());
    long_note += "é";
    REQUIRE(spoc::walkup::ValidateOutcomeNote(long_note).size() == 1);
    CHECK(spoc::walkup::ValidateOutcomeNote(long_note).front().field == "note");
    CHECK_FALSE(spoc::walkup::ValidateOutcomeNote("bad\x01control").empty());
    CHECK_FALSE(spoc::walkup::ValidateOutcomeNote("\xff\xfe not UTF-8").empty());
}

TEST_CASE("walkup: a location's opening calendar; its hours on a date; the days still open ahead") {
    auto cal = spoc::walkup::OpeningCalendar("hq", "Europe/London", "mon-fri: 08:30-17:30\nsat-sun: closed\nholidays: 2026-03-12");
    REQUIRE(cal.ok());
    CHECK(spoc::walkup::HoursOn(*cal, {2026, 3, 10}).size() == 1);    // Tuesday
    CHECK(spoc::walkup::HoursOn(*cal, {2026, 3, 12}).empty());        // a holiday
    CHECK(spoc::walkup::HoursOn(*cal, {2026, 3, 14}).empty());        // Saturday
    CHECK(spoc::walkup::HoursOn(*cal, {2026, 2, 30}).empty());        // no such date
    CHECK_FALSE(spoc::walkup::OpeningCalendar("hq", "Mars/Olympus", "mon-fri: 08:30-17:30").ok());
    const spoc::Timestamp tuesday_0930 = 1773135000000LL;            // 2026-03-10 09:30 in London (GMT)
    CHECK(spoc::walkup::OpenDaysAhead(*cal, tuesday_0930, 21, 7) == std::vector<int>{0, 1, 3, 6, 7, 8, 9});
    CHECK(spoc::walkup::OpenDaysAhead(*cal, tuesday_0930, 3, 7) == std::vector<int>{0, 1});
    const spoc::Timestamp tuesday_1800 = tuesday_0930 + (8 * 60 + 30) * 60000LL;  // closed for today
    CHECK(spoc::walkup::OpenDaysAhead(*cal, tuesday_1800, 21, 2) == std::vector<int>{1, 3});
}
