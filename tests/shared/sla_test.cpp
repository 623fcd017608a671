// Tests for shared/domain/sla.h: UTC offsets around every DST switch of the built-in zones,
// gap/overlap rules, business-time arithmetic (nights, weekends, holidays, split hours, DST days),
// AddBusinessTime/BusinessTimeBetween as inverses (fixed-seed property check), SLA clocks with
// pauses, warning/breach thresholds, badges, calendar validation and pathological calendars.
#include "shared/domain/sla.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

using spoc::BusinessCalendar;
using spoc::CivilDate;
using spoc::Interval;
using spoc::kMsPerDay;
using spoc::kMsPerHour;
using spoc::kMsPerMinute;
using spoc::SlaClockInput;
using spoc::SlaState;
using spoc::Timestamp;
using spoc::TimeZoneRule;

namespace {

Timestamp At(std::string_view iso) {
    Timestamp ts = 0;
    const bool ok = spoc::ParseIso8601(iso, &ts);
    REQUIRE_MESSAGE(ok, "bad test timestamp " << std::string(iso));
    return ts;
}

TimeZoneRule Zone(std::string_view name) {
    TimeZoneRule z;
    const bool ok = spoc::FindTimeZone(name, &z);
    REQUIRE_MESSAGE(ok, "zone missing: " << std::string(name));
    return z;
}

BusinessCalendar Demo(std::string_view name) {
    static const std::vector<BusinessCalendar> cals = spoc::DemoCalendars();
    const BusinessCalendar* cal = spoc::FindCalendar(cals, name);
    REQUIRE_MESSAGE(cal != nullptr, "demo calendar missing: " << std::string(name));
    return *cal;
}

BusinessCalendar MustParse(std::string_view text) {
    spoc::Result<BusinessCalendar> cal = spoc::ParseBusinessCalendar(text);
    REQUIRE_MESSAGE(cal.ok(), (cal.ok() ? std::string() : cal.error().message));
    return cal.value();
}

// Every minute of every day, in a zone with DST: calendar days are 23 or 25 h on switch days.
BusinessCalendar AllDay(std::string_view zone) {
    BusinessCalendar cal = spoc::MakeCalendar24x7("all day");
    cal.time_zone = std::string(zone);
    cal.zone = Zone(zone);
    return cal;
}

bool HasError(const spoc::Error& error, std::string_view field, std::string_view fragment) {
    for (const spoc::FieldError& e : error.details)
        if (e.field == field && e.message.find(fragment) != std::string::npos) return true;
    return false;
}

// Fixed-seed 64-bit LCG (Knuth MMIX constants): deterministic on every platform.
struct Lcg {
    std::uint64_t state;
    std::uint64_t Next() {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return state >> 11;
    }
    std::int64_t Below(std::int64_t n) { return static_cast<std::int64_t>(Next() % static_cast<std::uint64_t>(n)); }
};

struct Switch {
    const char* zone;
    const char* instant;  // first instant with the new offset
    int before, after;    // minutes east of UTC
};

}  // namespace

TEST_CASE("sla: time zone table holds the documented zones") {
    for (const char* name :
         {"UTC", "Europe/London", "Europe/Dublin", "Europe/Paris", "Europe/Berlin", "Europe/Madrid", "America/New_York",
          "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles", "Asia/Kolkata",
          "Asia/Singapore", "Asia/Tokyo", "Australia/Sydney", "Pacific/Auckland"}) {
        TimeZoneRule z;
        CHECK_MESSAGE(spoc::FindTimeZone(name, &z), name);
        CHECK(z.name == name);
    }
    TimeZoneRule z;
    CHECK_FALSE(spoc::FindTimeZone("Mars/Olympus_Mons", &z));
    CHECK_FALSE(spoc::FindTimeZone("europe/london", &z));
    CHECK_FALSE(spoc::FindTimeZone("", &z));
    CHECK(spoc::TimeZoneNames().size() >= 16);
}

TEST_CASE("sla: UTC offsets around every DST switch") {
    const Switch switches[] = {
        {"Europe/London", "2026-03-29T01:00:00Z", 0, 60},
        {"Europe/London", "2026-10-25T01:00:00Z", 60, 0},
        {"Europe/London", "2027-03-28T01:00:00Z", 0, 60},
        {"Europe/London", "2027-10-31T01:00:00Z", 60, 0},
        {"Europe/Dublin", "2026-03-29T01:00:00Z", 0, 60},
        {"Europe/Dublin", "2026-10-25T01:00:00Z", 60, 0},
        {"Europe/Paris", "2026-03-29T01:00:00Z", 60, 120},
        {"Europe/Paris", "2026-10-25T01:00:00Z", 120, 60},
        {"Europe/Berlin", "2026-03-29T01:00:00Z", 60, 120},
        {"Europe/Berlin", "2026-10-25T01:00:00Z", 120, 60},
        {"Europe/Madrid", "2026-03-29T01:00:00Z", 60, 120},
        {"Europe/Madrid", "2026-10-25T01:00:00Z", 120, 60},
        {"America/New_York", "2026-03-08T07:00:00Z", -300, -240},
        {"America/New_York", "2026-11-01T06:00:00Z", -240, -300},
        {"America/New_York", "2027-03-14T07:00:00Z", -300, -240},
        {"America/New_York", "2027-11-07T06:00:00Z", -240, -300},
        {"America/Chicago", "2026-03-08T08:00:00Z", -360, -300},
        {"America/Chicago", "2026-11-01T07:00:00Z", -300, -360},
        {"America/Denver", "2026-03-08T09:00:00Z", -420, -360},
        {"America/Denver", "2026-11-01T08:00:00Z", -360, -420},
        {"America/Los_Angeles", "2026-03-08T10:00:00Z", -480, -420},
        {"America/Los_Angeles", "2026-11-01T09:00:00Z", -420, -480},
        {"Australia/Sydney", "2026-04-04T16:00:00Z", 660, 600},  // 2026-04-05 03:00 AEDT -> 02:00 AEST
        {"Australia/Sydney", "2026-10-03T16:00:00Z", 600, 660},  // 2026-10-04 02:00 AEST -> 03:00 AEDT
        {"Australia/Sydney", "2027-04-03T16:00:00Z", 660, 600},
        {"Australia/Sydney", "2027-10-02T16:00:00Z", 600, 660},
        {"Pacific/Auckland", "2026-04-04T14:00:00Z", 780, 720},  // 2026-04-05 03:00 NZDT -> 02:00 NZST
        {"Pacific/Auckland", "2026-09-26T14:00:00Z", 720, 780},  // 2026-09-27 02:00 NZST -> 03:00 NZDT
    };
    for (const Switch& s : switches) {
        const TimeZoneRule z = Zone(s.zone);
        const Timestamp t = At(s.instant);
        INFO(s.zone << " " << s.instant);
        CHECK(spoc::UtcOffsetMinutes(z, t - 1) == s.before);
        CHECK(spoc::UtcOffsetMinutes(z, t) == s.after);
        CHECK(spoc::UtcOffsetMinutes(z, t - kMsPerDay) == s.before);
        CHECK(spoc::UtcOffsetMinutes(z, t + kMsPerDay) == s.after);
    }
    // Zones without DST keep one offset all year.
    const struct {
        const char* zone;
        int offset;
    } fixed[] = {
        {"UTC", 0}, {"America/Phoenix", -420}, {"Asia/Kolkata", 330}, {"Asia/Singapore", 480}, {"Asia/Tokyo", 540}};
    for (const auto& f : fixed) {
        const TimeZoneRule z = Zone(f.zone);
        for (const char* iso :
             {"2026-01-15T12:00:00Z", "2026-03-08T09:30:00Z", "2026-07-01T00:00:00Z", "2026-11-01T08:59:59Z"})
            CHECK(spoc::UtcOffsetMinutes(z, At(iso)) == f.offset);
    }
    // Southern summer spans New Year.
    CHECK(spoc::UtcOffsetMinutes(Zone("Australia/Sydney"), At("2026-12-31T23:59:00Z")) == 660);
    CHECK(spoc::UtcOffsetMinutes(Zone("Australia/Sydney"), At("2026-07-01T00:00:00Z")) == 600);
}

TEST_CASE("sla: UtcToLocal gives wall time, weekday and offset") {
    const spoc::LocalDateTime k = spoc::UtcToLocal(Zone("Asia/Kolkata"), At("2026-01-15T20:45:00Z"));
    CHECK(spoc::FormatDate(k.date) == "2026-01-16");  // +05:30 crosses midnight
    CHECK(k.ms_of_day == (2 * 60 + 15) * kMsPerMinute);
    CHECK(k.weekday == 4);  // Friday
    CHECK(k.offset_minutes == 330);
    const spoc::LocalDateTime ny = spoc::UtcToLocal(Zone("America/New_York"), At("2026-01-01T03:00:00Z"));
    CHECK(spoc::FormatDate(ny.date) == "2025-12-31");
    CHECK(ny.ms_of_day == 22 * kMsPerHour);
    CHECK(ny.weekday == 2);  // Wednesday
    const spoc::LocalDateTime l = spoc::UtcToLocal(Zone("Europe/London"), At("2026-03-29T01:00:00Z"));
    CHECK(l.ms_of_day == 2 * kMsPerHour);
    CHECK(l.offset_minutes == 60);
    CHECK(spoc::WeekdayFromDays(0) == 3);  // 1970-01-01 was a Thursday
    CHECK(spoc::WeekdayFromDays(-1) == 2);
}

TEST_CASE("sla: LocalToUtc in the spring gap and the autumn overlap") {
    const TimeZoneRule london = Zone("Europe/London");
    // Ordinary times.
    CHECK(spoc::LocalToUtc(london, {2026, 1, 15}, 9 * 60) == At("2026-01-15T09:00:00Z"));
    CHECK(spoc::LocalToUtc(london, {2026, 7, 15}, 9 * 60) == At("2026-07-15T08:00:00Z"));
    CHECK(spoc::LocalToUtc(Zone("Asia/Kolkata"), {2026, 7, 15}, 9 * 60) == At("2026-07-15T03:30:00Z"));
    // Gap: 01:30 never happens in London on 2026-03-29; read with the pre-switch offset (GMT).
    const Timestamp gap = spoc::LocalToUtc(london, {2026, 3, 29}, 90);
    CHECK(gap == At("2026-03-29T01:30:00Z"));
    CHECK(spoc::UtcToLocal(london, gap).ms_of_day == 150 * kMsPerMinute);  // shown as 02:30 BST
    // Overlap: 01:30 happens twice on 2026-10-25; the first (BST) one wins.
    CHECK(spoc::LocalToUtc(london, {2026, 10, 25}, 90) == At("2026-10-25T00:30:00Z"));
    CHECK(spoc::LocalToUtc(london, {2026, 10, 25}, 120) == At("2026-10-25T02:00:00Z"));
    const TimeZoneRule ny = Zone("America/New_York");
    CHECK(spoc::LocalToUtc(ny, {2026, 3, 8}, 150) == At("2026-03-08T07:30:00Z"));  // gap 02:30 -> 03:30 EDT
    CHECK(spoc::LocalToUtc(ny, {2026, 3, 8}, 180) == At("2026-03-08T07:00:00Z"));  // 03:00 EDT
    CHECK(spoc::LocalToUtc(ny, {2026, 11, 1}, 90) == At("2026-11-01T05:30:00Z"));  // first 01:30 (EDT)
    const TimeZoneRule sydney = Zone("Australia/Sydney");
    CHECK(spoc::LocalToUtc(sydney, {2026, 4, 5}, 150) == At("2026-04-04T15:30:00Z"));   // first 02:30 (AEDT)
    CHECK(spoc::LocalToUtc(sydney, {2026, 10, 4}, 150) == At("2026-10-03T16:30:00Z"));  // gap -> 03:30 AEDT

    // Round trip for every quarter hour around the switches: exact except the second pass of an overlap.
    for (const char* zone_name : {"Europe/London", "America/New_York", "Australia/Sydney", "Pacific/Auckland"}) {
        const TimeZoneRule z = Zone(zone_name);
        for (const char* center :
             {"2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z", "2026-03-08T07:00:00Z", "2026-11-01T06:00:00Z",
              "2026-04-04T16:00:00Z", "2026-10-03T16:00:00Z", "2026-04-04T14:00:00Z", "2026-09-26T14:00:00Z"}) {
            for (Timestamp t = At(center) - 4 * kMsPerHour; t < At(center) + 4 * kMsPerHour; t += 15 * kMsPerMinute) {
                const spoc::LocalDateTime local = spoc::UtcToLocal(z, t);
                const Timestamp back = spoc::LocalToUtc(z, local.date, local.ms_of_day / 60000);
                INFO(zone_name << " " << spoc::FormatIso8601(t));
                if (back != t) {
                    CHECK(back == t - kMsPerHour);  // the earlier occurrence
                    CHECK(spoc::UtcOffsetMinutes(z, back) == local.offset_minutes + 60);
                }
            }
        }
    }
}

TEST_CASE("sla: calendar text form parses into the demo calendars") {
    const BusinessCalendar london = Demo("London office");
    CHECK(london.time_zone == "Europe/London");
    CHECK(london.zone.name == "Europe/London");
    CHECK(spoc::FormatHours(london.week[0]) == "09:00-12:30, 13:30-17:30");
    CHECK(spoc::FormatHours(london.week[4]) == "09:00-12:30, 13:30-17:30");
    CHECK(spoc::FormatHours(london.week[5]) == "closed");
    CHECK(london.holidays.size() == 16);
    CHECK(spoc::IsHoliday(london, {2026, 12, 28}));
    CHECK(spoc::BusinessDayMs(london) == 7 * kMsPerHour + 30 * kMsPerMinute);
    const BusinessCalendar ny = Demo("New York office");
    CHECK(ny.holidays.size() == 23);
    CHECK(spoc::IsHoliday(ny, {2026, 7, 3}));    // July 4th on a Saturday is observed on Friday
    CHECK(spoc::IsHoliday(ny, {2027, 12, 31}));  // New Year 2028 on a Saturday
    CHECK(spoc::BusinessWeekMs(ny) == 50 * kMsPerHour);
    const BusinessCalendar always = Demo("24x7");
    CHECK(spoc::BusinessWeekMs(always) == 7 * kMsPerDay);
    CHECK(spoc::BusinessDayMs(always) == kMsPerDay);

    // Sorting, duplicates, wrapping day ranges, comments, 24:00 and case-insensitive keys.
    const BusinessCalendar c = MustParse(
        "# weekend desk\nName: Weekend desk\nTime_Zone: Asia/Tokyo\nfri-mon: 18:00-24:00, 00:00-06:00\n"
        "holidays: 2026-05-05, 2026-05-03\nholiday: 2026-05-03\n\n");
    CHECK(c.name == "Weekend desk");
    CHECK(spoc::FormatHours(c.week[4]) == "00:00-06:00, 18:00-24:00");
    CHECK(spoc::FormatHours(c.week[6]) == "00:00-06:00, 18:00-24:00");
    CHECK(spoc::FormatHours(c.week[2]) == "closed");
    REQUIRE(c.holidays.size() == 2);
    CHECK(spoc::FormatDate(c.holidays[0]) == "2026-05-03");
}

TEST_CASE("sla: calendar validation errors name the field and the problem") {
    spoc::Result<BusinessCalendar> r = spoc::ParseBusinessCalendar(
        "name: Broken\ntime_zone: Europe/Londn\nmon: 09:00-12:30, 12:00-17:00\ntue: 17:00-09:00\n"
        "wed: 9-5\nthu: 24:00-24:00\nholidays: 2026-02-30, tomorrow\nfriday: 09:00-17:00\nno colon here\n"
        "sat: 10:00-11:00\nsat: 12:00-13:00\n");
    REQUIRE_FALSE(r.ok());
    const spoc::Error& e = r.error();
    CHECK(e.code == spoc::ErrorCode::validation_failed);
    CHECK(!e.message.empty());
    CHECK(HasError(e, "time_zone", "Unknown time zone 'Europe/Londn'"));
    CHECK(HasError(e, "hours.mon", "09:00-12:30 overlaps 12:00-17:00"));
    CHECK(HasError(e, "hours.tue", "17:00-09:00 must end after it starts"));
    CHECK(HasError(e, "hours.wed", "Line 5: '9-5' is not a time range"));
    CHECK(HasError(e, "hours.thu", "cannot start at 24:00"));
    CHECK(HasError(e, "holidays", "Line 7: '2026-02-30' is not a date"));
    CHECK(HasError(e, "holidays", "'tomorrow' is not a date"));
    CHECK(HasError(e, "text", "Line 8: unknown key 'friday'"));
    CHECK(HasError(e, "text", "Line 9: expected 'key: value'"));
    CHECK(HasError(e, "hours.sat", "Line 11: sat is already set"));

    spoc::Result<BusinessCalendar> no_zone = spoc::ParseBusinessCalendar("name: X\nmon: 09:00-17:00\n");
    REQUIRE_FALSE(no_zone.ok());
    CHECK(no_zone.error().field == "time_zone");

    // The struct form.
    BusinessCalendar cal;
    cal.time_zone = "America/Phoenix";
    cal.week[0] = {Interval{-10, 60}};
    cal.week[1] = {Interval{600, 600}};
    cal.week[2] = {Interval{900, 1000}, Interval{540, 960}};  // unsorted and overlapping
    cal.holidays = {CivilDate{2026, 13, 1}};
    const std::vector<spoc::FieldError> errors = spoc::ValidateBusinessCalendar(cal);
    spoc::Error wrapped;
    wrapped.details = errors;
    CHECK(HasError(wrapped, "name", "Give the calendar a name"));
    CHECK(HasError(wrapped, "hours.mon", "between 00:00 and 24:00"));
    CHECK(HasError(wrapped, "hours.tue", "10:00-10:00 must end after it starts"));
    CHECK(HasError(wrapped, "hours.wed", "09:00-16:00 overlaps 15:00-16:40"));
    CHECK(HasError(wrapped, "holidays", "2026-13-01 is not a real date"));
    CHECK(errors.size() == 5);
    cal.week[5] = std::vector<Interval>(30, Interval{0, 1});
    CHECK(spoc::ValidateBusinessCalendar(cal).size() == 6);

    // Touching intervals are fine; Compile sorts them and resolves the zone.
    BusinessCalendar ok;
    ok.name = "Touching";
    ok.time_zone = "Asia/Kolkata";
    ok.week[0] = {Interval{720, 1020}, Interval{540, 720}};
    spoc::Result<BusinessCalendar> compiled = spoc::CompileBusinessCalendar(ok);
    REQUIRE(compiled.ok());
    CHECK(compiled->zone.std_offset_minutes == 330);
    CHECK(spoc::FormatHours(compiled->week[0]) == "09:00-12:00, 12:00-17:00");
}

TEST_CASE("sla: AddBusinessTime across nights, weekends and a DST switch") {
    const BusinessCalendar ny = Demo("New York office");  // Mon-Fri 08:00-18:00
    // Inside one day.
    CHECK(spoc::AddBusinessTime(ny, At("2026-01-13T14:00:00Z"), 2 * kMsPerHour) == At("2026-01-13T16:00:00Z"));
    // Ends exactly at closing time: the due instant is 18:00, not the next morning.
    CHECK(spoc::AddBusinessTime(ny, At("2026-01-13T21:00:00Z"), 2 * kMsPerHour) == At("2026-01-13T23:00:00Z"));
    // Across a night: Tue 17:00 EST + 2 h = Wed 09:00 EST.
    CHECK(spoc::AddBusinessTime(ny, At("2026-01-13T22:00:00Z"), 2 * kMsPerHour) == At("2026-01-14T14:00:00Z"));
    // Started at night or on a weekend: the clock starts at the next opening.
    CHECK(spoc::AddBusinessTime(ny, At("2026-01-14T03:00:00Z"), 30 * kMsPerMinute) == At("2026-01-14T13:30:00Z"));
    CHECK(spoc::AddBusinessTime(ny, At("2026-01-17T15:00:00Z"), kMsPerHour) ==
          At("2026-01-20T14:00:00Z"));  // Sat -> Tue (MLK Mon)
    // Friday 17:00 EST + 2 h crosses the weekend of the spring switch: Monday 09:00 is EDT (13:00Z).
    CHECK(spoc::AddBusinessTime(ny, At("2026-03-06T22:00:00Z"), 2 * kMsPerHour) == At("2026-03-09T13:00:00Z"));
    // Zero is the start itself; a whole week skips arithmetically but lands on the right wall time.
    CHECK(spoc::AddBusinessTime(ny, At("2026-01-13T05:00:00Z"), 0) == At("2026-01-13T05:00:00Z"));
    CHECK(spoc::AddBusinessTime(ny, At("2026-03-02T13:00:00Z"), 3 * 50 * kMsPerHour) == At("2026-03-20T22:00:00Z"));
}

TEST_CASE("sla: AddBusinessTime over split hours and holidays") {
    const BusinessCalendar london = Demo("London office");  // 09:00-12:30 + 13:30-17:30
    // Tue 2026-02-03 12:00 GMT + 1 h: 30 min before lunch, 30 min after.
    CHECK(spoc::AddBusinessTime(london, At("2026-02-03T12:00:00Z"), kMsPerHour) == At("2026-02-03T14:00:00Z"));
    // Started during lunch.
    CHECK(spoc::AddBusinessTime(london, At("2026-02-03T12:45:00Z"), 15 * kMsPerMinute) == At("2026-02-03T13:45:00Z"));
    // Exactly the morning block ends at 12:30, not 13:30.
    CHECK(spoc::AddBusinessTime(london, At("2026-02-03T09:00:00Z"), 210 * kMsPerMinute) == At("2026-02-03T12:30:00Z"));
    // Easter: Thu 2026-04-02 17:00 BST + 1 h skips Good Friday, the weekend and Easter Monday.
    CHECK(spoc::AddBusinessTime(london, At("2026-04-02T16:00:00Z"), kMsPerHour) == At("2026-04-07T08:30:00Z"));
    // Started on a holiday (Christmas 2026 is a Friday, Boxing Day observed Monday 28th).
    CHECK(spoc::AddBusinessTime(london, At("2026-12-25T10:00:00Z"), kMsPerHour) == At("2026-12-29T10:00:00Z"));
    // Three business days (P3 resolution) from Wed 10:00: Mon 10:00 across a weekend.
    CHECK(spoc::AddBusinessTime(london, At("2026-02-04T10:00:00Z"), 3 * spoc::BusinessDayMs(london)) ==
          At("2026-02-09T10:00:00Z"));
    CHECK(spoc::BusinessTimeBetween(london, At("2026-04-02T00:00:00Z"), At("2026-04-08T00:00:00Z")) ==
          2 * spoc::BusinessDayMs(london));
}

TEST_CASE("sla: business hours are local wall time on DST change days") {
    // A Sunday 09:00-17:00 calendar in London is 8 h on both switch days.
    const BusinessCalendar sundays = MustParse("name: Sundays\ntime_zone: Europe/London\nsun: 09:00-17:00\n");
    CHECK(spoc::BusinessTimeBetween(sundays, At("2026-03-28T12:00:00Z"), At("2026-03-30T12:00:00Z")) == 8 * kMsPerHour);
    CHECK(spoc::BusinessTimeBetween(sundays, At("2026-10-24T12:00:00Z"), At("2026-10-26T12:00:00Z")) == 8 * kMsPerHour);
    CHECK(spoc::NextBusinessStart(sundays, At("2026-03-28T12:00:00Z")) == At("2026-03-29T08:00:00Z"));  // 09:00 BST
    CHECK(spoc::NextBusinessStart(sundays, At("2026-10-24T12:00:00Z")) == At("2026-10-25T09:00:00Z"));  // 09:00 GMT
    CHECK(spoc::AddBusinessTime(sundays, At("2026-10-24T12:00:00Z"), 8 * kMsPerHour) == At("2026-10-25T17:00:00Z"));

    // Around-the-clock calendars in DST zones: the switch day itself is 23 or 25 h.
    const BusinessCalendar london = AllDay("Europe/London");
    const Timestamp mar29 = spoc::LocalToUtc(london.zone, {2026, 3, 29}, 0);
    const Timestamp mar30 = spoc::LocalToUtc(london.zone, {2026, 3, 30}, 0);
    CHECK(spoc::BusinessTimeBetween(london, mar29, mar30) == 23 * kMsPerHour);
    const Timestamp oct25 = spoc::LocalToUtc(london.zone, {2026, 10, 25}, 0);
    const Timestamp oct26 = spoc::LocalToUtc(london.zone, {2026, 10, 26}, 0);
    CHECK(spoc::BusinessTimeBetween(london, oct25, oct26) == 25 * kMsPerHour);
    CHECK(spoc::AddBusinessTime(london, mar29, 24 * kMsPerHour) == mar30 + kMsPerHour);
    const BusinessCalendar ny = AllDay("America/New_York");
    CHECK(spoc::BusinessTimeBetween(ny, spoc::LocalToUtc(ny.zone, {2026, 11, 1}, 0),
                                    spoc::LocalToUtc(ny.zone, {2026, 11, 2}, 0)) == 25 * kMsPerHour);
    const BusinessCalendar sydney = AllDay("Australia/Sydney");
    CHECK(spoc::BusinessTimeBetween(sydney, spoc::LocalToUtc(sydney.zone, {2026, 4, 5}, 0),
                                    spoc::LocalToUtc(sydney.zone, {2026, 4, 6}, 0)) == 25 * kMsPerHour);

    // Hours that straddle the gap only count the wall time that happens: 00:00-03:00 is 2 h,
    // 01:30-04:00 is 02:00-04:00 BST; 00:00-02:00 over the autumn overlap is 3 h of real time.
    const BusinessCalendar night = MustParse("name: N\ntime_zone: Europe/London\nsun: 00:00-03:00\n");
    CHECK(spoc::BusinessTimeBetween(night, At("2026-03-28T00:00:00Z"), At("2026-03-30T00:00:00Z")) == 2 * kMsPerHour);
    const BusinessCalendar late = MustParse("name: L\ntime_zone: Europe/London\nsun: 01:30-04:00\n");
    CHECK(spoc::BusinessTimeBetween(late, At("2026-03-28T00:00:00Z"), At("2026-03-30T00:00:00Z")) == 2 * kMsPerHour);
    CHECK(spoc::NextBusinessStart(late, At("2026-03-28T00:00:00Z")) == At("2026-03-29T01:00:00Z"));
    const BusinessCalendar early = MustParse("name: E\ntime_zone: Europe/London\nsun: 00:00-02:00\n");
    CHECK(spoc::BusinessTimeBetween(early, At("2026-10-24T00:00:00Z"), At("2026-10-26T00:00:00Z")) == 3 * kMsPerHour);
}

TEST_CASE("sla: BusinessTimeBetween is the inverse of AddBusinessTime (property)") {
    std::vector<BusinessCalendar> cals = {Demo("London office"), Demo("New York office"), Demo("24x7"),
                                          MustParse("name: Sydney\ntime_zone: Australia/Sydney\n"
                                                    "mon-fri: 08:30-12:00, 12:45-17:00\nsat: 10:00-13:00\n"
                                                    "holidays: 2026-01-26, 2026-04-03, 2026-04-06, 2026-12-25\n"),
                                          MustParse("name: Nights\ntime_zone: America/Chicago\n"
                                                    "mon-sun: 00:00-02:30, 22:00-24:00\n")};
    Lcg rng{20260329};
    const Timestamp base = At("2026-01-01T00:00:00Z");
    for (const BusinessCalendar& cal : cals) {
        INFO(cal.name);
        for (int i = 0; i < 300; ++i) {
            // Starts on minute boundaries half the time, anywhere the rest.
            Timestamp start = base + rng.Below(2 * 365 * kMsPerDay);
            if (i % 2 == 0) start -= start % kMsPerMinute;
            const std::int64_t ms = 1 + (i % 3 == 0 ? rng.Below(30 * kMsPerDay) : rng.Below(12 * kMsPerHour));
            const Timestamp due = spoc::AddBusinessTime(cal, start, ms);
            INFO("start " << spoc::FormatIso8601(start) << " ms " << ms << " due " << spoc::FormatIso8601(due));
            REQUIRE(due > start);
            CHECK(spoc::BusinessTimeBetween(cal, start, due) == ms);
            CHECK(spoc::BusinessTimeBetween(cal, start, due - 1) == ms - 1);  // the earliest such instant
            CHECK(spoc::IsBusinessTime(cal, due - 1));
            const Timestamp mid = start + (due - start) / 3;
            CHECK(spoc::BusinessTimeBetween(cal, start, mid) + spoc::BusinessTimeBetween(cal, mid, due) == ms);
            const Timestamp next = spoc::NextBusinessStart(cal, start);
            CHECK(spoc::IsBusinessTime(cal, next));
            CHECK(spoc::BusinessTimeBetween(cal, start, next) == 0);
        }
    }
}

TEST_CASE("sla: IsBusinessTime and NextBusinessStart") {
    const BusinessCalendar london = Demo("London office");
    CHECK(spoc::IsBusinessTime(london, At("2026-02-03T09:00:00Z")));
    CHECK_FALSE(spoc::IsBusinessTime(london, At("2026-02-03T08:59:59.999Z")));
    CHECK(spoc::IsBusinessTime(london, At("2026-02-03T12:29:59.999Z")));
    CHECK_FALSE(spoc::IsBusinessTime(london, At("2026-02-03T12:30:00Z")));
    CHECK_FALSE(spoc::IsBusinessTime(london, At("2026-04-03T10:00:00Z")));  // Good Friday
    CHECK(spoc::IsBusinessTime(london, At("2026-07-01T08:00:00Z")));        // 09:00 BST
    CHECK(spoc::NextBusinessStart(london, At("2026-02-03T10:00:00Z")) == At("2026-02-03T10:00:00Z"));
    CHECK(spoc::NextBusinessStart(london, At("2026-02-03T12:31:00Z")) == At("2026-02-03T13:30:00Z"));
    CHECK(spoc::NextBusinessStart(london, At("2026-02-06T17:30:00Z")) == At("2026-02-09T09:00:00Z"));
    CHECK(spoc::NextBusinessStart(london, At("2027-12-24T17:30:00Z")) == At("2027-12-29T09:00:00Z"));
}

TEST_CASE("sla: calendars without hours or with 400 holidays terminate quickly") {
    BusinessCalendar none;
    none.name = "Never open";
    none.time_zone = "Europe/Paris";
    none.zone = Zone("Europe/Paris");
    const Timestamp t = At("2026-05-01T10:00:00Z");
    CHECK(spoc::AddBusinessTime(none, t, kMsPerHour) == spoc::kNever);
    CHECK(spoc::BusinessTimeBetween(none, t, t + 365 * kMsPerDay) == 0);
    CHECK(spoc::NextBusinessStart(none, t) == spoc::kNever);
    CHECK_FALSE(spoc::IsBusinessTime(none, t));
    const SlaState s = spoc::EvaluateSla(none, kMsPerHour, SlaClockInput{t, {}, 0}, t + kMsPerDay);
    CHECK(s.phase == SlaState::running);
    CHECK(s.elapsed_ms == 0);
    CHECK(s.due_at == spoc::kNever);

    // 400 consecutive days off, then business as usual: found without walking minutes.
    BusinessCalendar busy = Demo("New York office");
    busy.holidays.clear();
    const std::int64_t first = spoc::DaysFromCivil(2026, 1, 1);
    for (int i = 0; i < 400; ++i) busy.holidays.push_back(spoc::CivilFromDays(first + i));
    REQUIRE(spoc::CompileBusinessCalendar(busy).ok());
    const Timestamp start = At("2026-01-01T00:00:00Z");
    // 2026-01-01 + 400 days = 2027-02-05, a Friday; 08:00 EST = 13:00Z.
    for (int i = 0; i < 50; ++i) REQUIRE(spoc::AddBusinessTime(busy, start, kMsPerHour) == At("2027-02-05T14:00:00Z"));
    CHECK(spoc::NextBusinessStart(busy, start) == At("2027-02-05T13:00:00Z"));
    CHECK(spoc::BusinessTimeBetween(busy, start, At("2027-02-06T00:00:00Z")) == 10 * kMsPerHour);

    // Far targets skip whole weeks; absurd ones give up with kNever instead of looping.
    const BusinessCalendar ny = Demo("New York office");
    const Timestamp ten_years = spoc::AddBusinessTime(ny, start, 10 * 52 * 50 * kMsPerHour);
    CHECK(ten_years > At("2035-12-01T00:00:00Z"));
    CHECK(spoc::BusinessTimeBetween(ny, start, ten_years) == 10 * 52 * 50 * kMsPerHour);
    CHECK(spoc::AddBusinessTime(ny, start, INT64_MAX / 2) == spoc::kNever);
    CHECK(spoc::AddBusinessTime(ny, spoc::kNever, kMsPerHour) == spoc::kNever);
    CHECK(spoc::BusinessTimeBetween(ny, start, spoc::kNever) > 0);
}

TEST_CASE("sla: clock thresholds: warning at exactly 75%, breach at 100%") {
    const BusinessCalendar always = Demo("24x7");
    const Timestamp t0 = At("2026-06-01T10:00:00Z");
    const std::int64_t target = 4 * kMsPerHour;
    const SlaClockInput clock{t0, {}, 0};

    SlaState s = spoc::EvaluateSla(always, target, clock, t0 + kMsPerHour);
    CHECK(s.phase == SlaState::running);
    CHECK(s.elapsed_ms == kMsPerHour);
    CHECK(s.remaining_ms == 3 * kMsPerHour);
    CHECK(s.percent == 25);
    CHECK(s.due_at == t0 + target);

    s = spoc::EvaluateSla(always, target, clock, t0 + 3 * kMsPerHour - 1);
    CHECK(s.phase == SlaState::running);
    CHECK(s.percent == 74);
    s = spoc::EvaluateSla(always, target, clock, t0 + 3 * kMsPerHour);
    CHECK(s.phase == SlaState::warning);
    CHECK(s.percent == 75);
    s = spoc::EvaluateSla(always, target, clock, t0 + 3 * kMsPerHour, 80);
    CHECK(s.phase == SlaState::running);

    s = spoc::EvaluateSla(always, target, clock, t0 + target - 1);
    CHECK(s.phase == SlaState::warning);
    CHECK(s.percent == 99);
    s = spoc::EvaluateSla(always, target, clock, t0 + target);
    CHECK(s.phase == SlaState::breached);
    CHECK(s.percent == 100);
    CHECK(s.remaining_ms == 0);
    CHECK(s.due_at == t0 + target);
    s = spoc::EvaluateSla(always, target, clock, t0 + target + 27 * kMsPerHour);
    CHECK(s.phase == SlaState::breached);
    CHECK(s.remaining_ms == -27 * kMsPerHour);
    CHECK(s.due_at == t0 + target);
    CHECK(s.percent == 775);

    // Met vs met late: stopping at the due instant itself is late.
    s = spoc::EvaluateSla(always, target, SlaClockInput{t0, {}, t0 + target - 1}, t0 + 100 * kMsPerHour);
    CHECK(s.phase == SlaState::met);
    CHECK(s.elapsed_ms == target - 1);
    CHECK(s.due_at == t0 + target);
    s = spoc::EvaluateSla(always, target, SlaClockInput{t0, {}, t0 + target}, t0 + 100 * kMsPerHour);
    CHECK(s.phase == SlaState::met_late);
    s = spoc::EvaluateSla(always, target, SlaClockInput{t0, {}, t0 + 9 * kMsPerHour}, t0 + 100 * kMsPerHour);
    CHECK(s.phase == SlaState::met_late);
    CHECK(s.due_at == t0 + target);
    CHECK(s.elapsed_ms == 9 * kMsPerHour);

    // No target: never warns or breaches.
    s = spoc::EvaluateSla(always, 0, clock, t0 + 1000 * kMsPerHour);
    CHECK(s.phase == SlaState::running);
    CHECK(spoc::FormatSlaRemaining(s) == "No target");
}

TEST_CASE("sla: Pending pauses do not count") {
    const BusinessCalendar always = Demo("24x7");
    const Timestamp t0 = At("2026-06-01T10:00:00Z");
    const std::int64_t target = 4 * kMsPerHour;

    // One closed pause of 2 h: the due instant moves 2 h later.
    SlaClockInput clock{t0, {{t0 + kMsPerHour, t0 + 3 * kMsPerHour}}, 0};
    SlaState s = spoc::EvaluateSla(always, target, clock, t0 + 4 * kMsPerHour);
    CHECK(s.phase == SlaState::running);
    CHECK(s.elapsed_ms == 2 * kMsPerHour);
    CHECK(s.due_at == t0 + 6 * kMsPerHour);

    // Still pending: paused, no projected due instant; time keeps not counting.
    clock.paused.push_back({t0 + 3 * kMsPerHour + 30 * kMsPerMinute, 0});
    s = spoc::EvaluateSla(always, target, clock, t0 + 50 * kMsPerHour);
    CHECK(s.phase == SlaState::paused);
    CHECK(s.elapsed_ms == kMsPerHour + 30 * kMsPerMinute);  // [0, 1 h) + [3 h, 3.5 h)
    CHECK(s.due_at == 0);
    CHECK(spoc::FormatSlaRemaining(s) == "Paused");

    // Overlapping and out-of-order pauses are merged, not subtracted twice; pauses before the start
    // are ignored.
    SlaClockInput messy{t0,
                        {{t0 + 2 * kMsPerHour, t0 + 3 * kMsPerHour},
                         {t0 + kMsPerHour, t0 + 2 * kMsPerHour + 30 * kMsPerMinute},
                         {t0 - 5 * kMsPerHour, t0}},
                        0};
    s = spoc::EvaluateSla(always, target, messy, t0 + 5 * kMsPerHour);
    CHECK(s.elapsed_ms == 3 * kMsPerHour);
    CHECK(s.phase == SlaState::warning);

    // Breached before going Pending stays breached, with the past due instant.
    SlaClockInput late{t0, {{t0 + 5 * kMsPerHour, 0}}, 0};
    s = spoc::EvaluateSla(always, target, late, t0 + 8 * kMsPerHour);
    CHECK(s.phase == SlaState::breached);
    CHECK(s.elapsed_ms == 5 * kMsPerHour);
    CHECK(s.due_at == t0 + target);
    CHECK(spoc::FormatSlaRemaining(s) == "Breached 4h ago");

    // On a business calendar: Pending overnight costs nothing twice; due lands in business hours.
    const BusinessCalendar london = Demo("London office");
    const Timestamp mon = At("2026-02-02T09:00:00Z");
    SlaClockInput biz{mon, {{At("2026-02-02T16:30:00Z"), At("2026-02-03T10:00:00Z")}}, 0};
    s = spoc::EvaluateSla(london, 8 * kMsPerHour, biz, At("2026-02-03T11:00:00Z"));
    // Mon 09:00-12:30 (3.5 h) + 13:30-16:30 (3 h), then Tue 10:00-11:00 (1 h).
    CHECK(s.elapsed_ms == 7 * kMsPerHour + 30 * kMsPerMinute);
    CHECK(s.remaining_ms == 30 * kMsPerMinute);
    CHECK(s.phase == SlaState::warning);
    CHECK(s.due_at == At("2026-02-03T11:30:00Z"));
    // The pause hid Tue 09:00-10:00 and Mon 16:30-17:30; the breach moves accordingly.
    s = spoc::EvaluateSla(london, 8 * kMsPerHour, biz, At("2026-02-03T14:00:00Z"));
    CHECK(s.phase == SlaState::breached);
    CHECK(s.due_at == At("2026-02-03T11:30:00Z"));

    // A pause while stopped does not make a met clock paused.
    SlaClockInput done{t0, {{t0 + kMsPerHour, 0}}, t0 + 2 * kMsPerHour};
    s = spoc::EvaluateSla(always, target, done, t0 + 10 * kMsPerHour);
    CHECK(s.phase == SlaState::met);
    CHECK(s.elapsed_ms == kMsPerHour);
}

TEST_CASE("sla: badge texts") {
    SlaState s;
    s.target_ms = 8 * kMsPerHour;
    s.phase = SlaState::running;
    s.remaining_ms = 2 * kMsPerHour + 15 * kMsPerMinute;
    CHECK(spoc::FormatSlaRemaining(s) == "2h 15m left");
    s.remaining_ms = 2 * kMsPerHour + 14 * kMsPerMinute + 1;  // rounds up: never "0m left" while time remains
    CHECK(spoc::FormatSlaRemaining(s) == "2h 15m left");
    s.remaining_ms = 3 * kMsPerDay;
    CHECK(spoc::FormatSlaRemaining(s) == "3d left");
    s.phase = SlaState::warning;
    s.remaining_ms = 45 * kMsPerMinute;
    CHECK(spoc::FormatSlaRemaining(s) == "Due in 45m");
    s.remaining_ms = 1;
    CHECK(spoc::FormatSlaRemaining(s) == "Due in 1m");
    s.phase = SlaState::breached;
    s.due_at = At("2026-06-01T10:00:00Z");
    s.now = s.due_at + kMsPerDay + 3 * kMsPerHour + 59 * kMsPerMinute;
    CHECK(spoc::FormatSlaRemaining(s) == "Breached 1d 3h ago");
    s.now = s.due_at + 20 * 1000;
    CHECK(spoc::FormatSlaRemaining(s) == "Breached 0m ago");
    s.phase = SlaState::met;
    CHECK(spoc::FormatSlaRemaining(s) == "Met");
    s.phase = SlaState::met_late;
    CHECK(spoc::FormatSlaRemaining(s) == "Met late");
    CHECK(spoc::FormatSlaDuration(2 * kMsPerHour) == "2h");
    CHECK(spoc::FormatSlaDuration(-5) == "0m");
    CHECK(spoc::SlaPhaseName(SlaState::met_late) == "met_late");
}

TEST_CASE("sla: demo policies resolve targets per priority and calendar") {
    const std::vector<spoc::SlaPolicy> policies = spoc::DemoSlaPolicies();
    REQUIRE(policies.size() == 2);
    const spoc::SlaPolicy& p = policies[0];
    CHECK(p.calendar == "London office");
    CHECK(p.warning_percent == 75);
    const std::vector<BusinessCalendar> cals = spoc::DemoCalendars();
    REQUIRE(cals.size() == 3);
    using spoc::Priority;
    using spoc::SlaKind;
    CHECK(spoc::SlaCalendarFor(p, Priority::critical) == "24x7");
    CHECK(spoc::SlaCalendarFor(p, Priority::high) == "London office");
    const BusinessCalendar* always = spoc::FindCalendar(cals, spoc::SlaCalendarFor(p, Priority::critical));
    const BusinessCalendar* office = spoc::FindCalendar(cals, spoc::SlaCalendarFor(p, Priority::moderate));
    REQUIRE(always != nullptr);
    REQUIRE(office != nullptr);
    CHECK(spoc::FindCalendar(cals, "Mars office") == nullptr);
    CHECK(spoc::SlaTargetMs(p, Priority::critical, SlaKind::first_response, *always) == 15 * kMsPerMinute);
    CHECK(spoc::SlaTargetMs(p, Priority::critical, SlaKind::resolution, *always) == 4 * kMsPerHour);
    CHECK(spoc::SlaTargetMs(p, Priority::high, SlaKind::resolution, *office) == 8 * kMsPerHour);
    CHECK(spoc::SlaTargetMs(p, Priority::moderate, SlaKind::resolution, *office) ==
          3 * (7 * kMsPerHour + 30 * kMsPerMinute));
    CHECK(spoc::SlaTargetMs(p, Priority::low, SlaKind::first_response, *office) == 8 * kMsPerHour);
    CHECK(spoc::SlaTargetMs(p, Priority::planning, SlaKind::resolution, *office) ==
          20 * (7 * kMsPerHour + 30 * kMsPerMinute));
    const BusinessCalendar* ny = spoc::FindCalendar(cals, policies[1].calendar);
    REQUIRE(ny != nullptr);
    CHECK(spoc::SlaTargetMs(policies[1], Priority::planning, SlaKind::first_response, *ny) == 20 * kMsPerHour);

    // End to end: a P2 logged Friday 16:00 in London: 1.5 h on Friday, 6.5 h on Monday -> Monday 16:30.
    const std::int64_t target = spoc::SlaTargetMs(p, Priority::high, SlaKind::resolution, *office);
    const Timestamp created = At("2026-02-06T16:00:00Z");
    const SlaState s = spoc::EvaluateSla(*office, target, SlaClockInput{created, {}, 0}, At("2026-02-09T12:00:00Z"));
    CHECK(s.elapsed_ms == 1 * kMsPerHour + 30 * kMsPerMinute + 3 * kMsPerHour);
    CHECK(s.due_at == At("2026-02-09T16:30:00Z"));
    CHECK(spoc::FormatSlaRemaining(s) == "3h 30m left");
}

TEST_CASE("sla: a request's due times follow its policy, its status and its pauses") {
    using namespace spoc;
    const std::vector<SlaPolicy> policies = DemoSlaPolicies();
    const std::vector<BusinessCalendar> calendars = DemoCalendars();
    CHECK(SlaPolicyNameFor("America/New_York") == "New York standard");
    CHECK(SlaPolicyNameFor("Europe/London") == "London standard");
    CHECK(SlaPolicyNameFor("") == "London standard");

    TimeZoneRule london;
    REQUIRE(FindTimeZone("Europe/London", &london));
    const CivilDate monday{2026, 3, 2};
    REQUIRE(WeekdayFromDays(DaysFromCivil(monday.year, monday.month, monday.day)) == 0);
    auto at = [&](int hour, int minute) { return LocalToUtc(london, monday, hour * 60 + minute); };

    Request r;
    r.sla_policy = "London standard";
    r.priority = Priority::moderate;  // P3: first response in 4 business hours
    r.status = Status::assigned;
    r.created_at = at(9, 0);
    // 09:00-12:30 gives 3.5 h, the rest after lunch (13:30): 14:00.
    SlaDueTimes due = RequestDueTimes(policies, calendars, r, {}, r.created_at);
    CHECK(due.first_response == at(14, 0));
    CHECK(due.resolution > due.first_response);
    // An hour paused (10:00-11:00) moves it an hour later.
    due = RequestDueTimes(policies, calendars, r, {{at(10, 0), at(11, 0)}}, at(11, 30));
    CHECK(due.first_response == at(15, 0));
    // Pending: the resolution clock has no due time; a first response stops that clock.
    r.status = Status::pending;
    due = RequestDueTimes(policies, calendars, r, {{at(10, 0), 0}}, at(11, 0));
    CHECK(due.resolution == 0);
    r.status = Status::in_progress;
    r.first_response_at = at(9, 30);
    due = RequestDueTimes(policies, calendars, r, {}, at(11, 0));
    CHECK(due.first_response == 0);
    CHECK(due.resolution != 0);
    // Finished requests and unknown policies have no clocks.
    r.status = Status::resolved;
    due = RequestDueTimes(policies, calendars, r, {}, at(11, 0));
    CHECK(due.first_response == 0);
    CHECK(due.resolution == 0);
    r.status = Status::assigned;
    r.sla_policy = "No such policy";
    due = RequestDueTimes(policies, calendars, r, {}, at(11, 0));
    CHECK(due.first_response == 0);
    CHECK(due.resolution == 0);
}

TEST_CASE("sla: a running clock's phase from its due instant matches the 75% / 100% rule") {
    using namespace spoc;
    const std::vector<BusinessCalendar> cals = DemoCalendars();
    const std::vector<SlaPolicy> pols = DemoSlaPolicies();
    const Timestamp now = 1773135000000LL;  // 2026-03-10 09:30 UTC, a Tuesday
    const std::int64_t minute = 60000;
    // P1 resolution: 4 h on the 24x7 calendar, so the warning starts with 60 min left.
    auto p1 = [&](Timestamp due) {
        return RunningSlaPhase(pols, cals, "London standard", Priority::critical, SlaKind::resolution, due, now);
    };
    CHECK(p1(now + 61 * minute) == SlaState::running);
    CHECK(p1(now + 60 * minute) == SlaState::warning);
    CHECK(p1(now + 1) == SlaState::warning);
    CHECK(p1(now) == SlaState::breached);
    CHECK(p1(now - 5 * minute) == SlaState::breached);
    // P3 resolution: 3 business days on the London office calendar. 25% of it is left at the
    // warning, counted in business hours: a due instant 2 wall days away is far from it, while
    // the same business time left across a weekend is the same phase as without the weekend.
    const BusinessCalendar* london = FindCalendar(cals, "London office");
    REQUIRE(london != nullptr);
    const std::int64_t target = SlaTargetMs(pols[0], Priority::moderate, SlaKind::resolution, *london);
    const Timestamp at_warning = AddBusinessTime(*london, now, target / 4);
    const Timestamp before_warning = AddBusinessTime(*london, now, target / 4 + 10 * minute);
    auto p3 = [&](Timestamp due) {
        return RunningSlaPhase(pols, cals, "London standard", Priority::moderate, SlaKind::resolution, due, now);
    };
    CHECK(p3(at_warning) == SlaState::warning);
    CHECK(p3(before_warning) == SlaState::running);
    // No policy, or no due instant: nothing to warn about.
    CHECK(RunningSlaPhase(pols, cals, "", Priority::critical, SlaKind::resolution, now + minute, now) == SlaState::running);
    CHECK(p1(0) == SlaState::running);
}
