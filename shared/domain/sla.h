// SLA math, shared by the browser (live countdown badges) and the server (escalation): time zones
// from a built-in rule table, business-hours calendars (split hours, holidays), business-time
// arithmetic, SLA policies per priority and the state of one SLA clock (paused while Pending).
// Pure and deterministic: no tz database, no clock reads; "now" is always an argument.
//
// Index: [SECTION] Time zones  [SECTION] Business calendars  [SECTION] SLA policies and clocks
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "shared/domain/request.h"
#include "shared/domain/result.h"
#include "shared/domain/time.h"

namespace spoc {

inline constexpr Timestamp kNever = INT64_MAX;  // "no such instant": a calendar without business hours

// ---------------------------------------------------------------------------------------------
// [SECTION] Time zones
// Current rules only (no history): a standard offset plus an optional yearly DST rule.
// ---------------------------------------------------------------------------------------------

// One DST switch: the Nth (1..4) or last (5) weekday of a month at a minute of the day.
struct DstSwitch {
    int month = 3;     // 1..12
    int week = 5;      // 1..4 = first..fourth, 5 = last
    int weekday = 6;   // 0 = Monday .. 6 = Sunday
    int minute = 60;   // minute of the day the switch happens
    bool utc = false;  // minute is UTC (EU rules) rather than the local wall time before the switch
};

struct TimeZoneRule {
    std::string_view name = "UTC";  // IANA name, points into the built-in table
    int std_offset_minutes = 0;     // standard time offset east of UTC (Kolkata: +330)
    bool has_dst = false;
    DstSwitch dst_start;         // standard -> daylight
    DstSwitch dst_end;           // daylight -> standard (earlier in the year than dst_start south of the equator)
    int dst_shift_minutes = 60;  // daylight offset = standard + shift; must be positive
};

struct LocalDateTime {
    CivilDate date;
    int ms_of_day = 0;       // 0..86399999
    int weekday = 0;         // 0 = Monday .. 6 = Sunday
    int offset_minutes = 0;  // UTC offset in effect
};

bool FindTimeZone(std::string_view iana, TimeZoneRule* out);      // built-in table; false if unknown
std::vector<std::string_view> TimeZoneNames();                    // every name FindTimeZone accepts
int UtcOffsetMinutes(const TimeZoneRule& zone, Timestamp t);      // offset in effect at instant t
LocalDateTime UtcToLocal(const TimeZoneRule& zone, Timestamp t);  // wall clock at instant t
// The instant a wall-clock time happens. In the spring-forward gap (a wall time that never
// happens) the time is read with the offset from before the switch, i.e. shifted forward by the
// gap: London 2026-03-29 01:30 -> 01:30Z, shown as 02:30 BST (as JavaScript Date and java.time do).
// In the fall-back overlap (a wall time that happens twice) the first occurrence wins.
Timestamp LocalToUtc(const TimeZoneRule& zone, CivilDate date, int minute_of_day);
int WeekdayFromDays(std::int64_t days);  // 0 = Monday for DaysFromCivil() numbers

// ---------------------------------------------------------------------------------------------
// [SECTION] Business calendars
// Business hours are local wall-clock intervals per weekday; a 09:00-17:00 day is 8 h of business
// time even on a DST change day. Holidays have no business hours at all.
// ---------------------------------------------------------------------------------------------

struct Interval {
    int start_minute = 0;  // minute of the local day, inclusive (0..1439)
    int end_minute = 0;    // exclusive (1..1440); 1440 = midnight at the end of the day
};

struct BusinessCalendar {
    std::string name;                           // "London office"; policies refer to calendars by name
    std::string time_zone = "UTC";              // IANA name
    TimeZoneRule zone;                          // resolved from time_zone by CompileBusinessCalendar
    std::array<std::vector<Interval>, 7> week;  // Monday..Sunday, sorted, non-overlapping
    std::vector<CivilDate> holidays;            // local dates without business hours; sorted, unique
};

inline constexpr int kMaxIntervalsPerDay = 24;  // validation limit
inline constexpr int kMaxHolidays = 5000;       // validation limit (decades of holidays)

std::string_view WeekdayKey(int weekday);                      // 0 -> "mon"
BusinessCalendar MakeCalendar24x7(std::string name = "24x7");  // every minute of every day, UTC
std::string FormatHours(const std::vector<Interval>& day);     // "09:00-12:30, 13:30-17:30" or "closed"
// Checks a calendar built in code: name, known time zone, intervals in range, end > start, no
// overlaps, real holiday dates, limits. Field keys: "name", "time_zone", "hours.mon", "holidays".
std::vector<FieldError> ValidateBusinessCalendar(const BusinessCalendar& cal);
// Validates, resolves the zone, sorts intervals and holidays, drops duplicate holidays.
Result<BusinessCalendar> CompileBusinessCalendar(BusinessCalendar cal);
// Reads the text form (one "key: value" per line, '#' comments), then compiles it:
//   name: London office
//   time_zone: Europe/London
//   mon-fri: 09:00-12:30, 13:30-17:30      (also single days "sat: 10:00-14:00", or "sun: closed")
//   holidays: 2026-12-25, 2026-12-28         (may repeat)
Result<BusinessCalendar> ParseBusinessCalendar(std::string_view text);

// Business-time arithmetic walks local days (whole weeks at once when no holiday or DST switch is
// in them); holidays are sorted once per call. Any calendar is accepted: one that
// ValidateBusinessCalendar rejects gives unspecified (but finite, non-crashing) answers.
// The instant at which `business_ms` of business time after `start` has passed. 0 -> start itself.
// kNever when the calendar has no business hours or the answer is more than ~100 years away.
Timestamp AddBusinessTime(const BusinessCalendar& cal, Timestamp start, std::int64_t business_ms);
// Business time inside [a, b); 0 when b <= a. Inverse of AddBusinessTime for business_ms > 0.
// Counts at most ~100 years from a.
std::int64_t BusinessTimeBetween(const BusinessCalendar& cal, Timestamp a, Timestamp b);
bool IsBusinessTime(const BusinessCalendar& cal, Timestamp t);  // t lies inside business hours
Timestamp NextBusinessStart(const BusinessCalendar& cal,
                            Timestamp t);                  // t if business time, else next opening; kNever if none
std::int64_t BusinessWeekMs(const BusinessCalendar& cal);  // business time in a plain week (no holidays)
std::int64_t BusinessDayMs(const BusinessCalendar& cal);   // one "business day": week / working days (24 h if none)
bool IsHoliday(const BusinessCalendar& cal, CivilDate date);

// ---------------------------------------------------------------------------------------------
// [SECTION] SLA policies and clocks
// ---------------------------------------------------------------------------------------------

// A target length: business time plus whole business days (BusinessDayMs of the calendar used).
struct SlaTime {
    std::int64_t ms = 0;
    int business_days = 0;
};
std::int64_t SlaTimeMs(const SlaTime& time, const BusinessCalendar& cal);  // target in business ms

struct SlaTarget {
    SlaTime first_response;
    SlaTime resolution;
    std::string calendar;  // calendar name; empty = the policy's calendar
};

struct SlaPolicy {
    std::string name;                      // "London standard"
    std::string calendar;                  // default calendar name
    std::array<SlaTarget, 5> by_priority;  // index 0 = P1 .. 4 = P5
    int warning_percent = 75;              // warning from this share of the target on
};

enum class SlaKind { first_response, resolution };
const SlaTarget& SlaTargetFor(const SlaPolicy& policy, Priority priority);
std::string_view SlaCalendarFor(const SlaPolicy& policy, Priority priority);  // calendar name to use
// Target of one clock in business ms, on the calendar SlaCalendarFor names.
std::int64_t SlaTargetMs(const SlaPolicy& policy, Priority priority, SlaKind kind, const BusinessCalendar& cal);
const BusinessCalendar* FindCalendar(const std::vector<BusinessCalendar>& cals,
                                     std::string_view name);  // nullptr if absent

// What one clock (first response or resolution of one request) has seen so far.
struct SlaClockInput {
    Timestamp started = 0;                                // request created (or clock re-armed)
    std::vector<std::pair<Timestamp, Timestamp>> paused;  // Pending spans [from, to); to = 0: still pending
    Timestamp stopped = 0;                                // first response / resolution instant; 0 = running
};

struct SlaState {
    enum Phase { running, paused, warning, breached, met, met_late };
    Phase phase = running;
    std::int64_t target_ms = 0;
    std::int64_t elapsed_ms = 0;    // business time on the clock, pauses excluded
    std::int64_t remaining_ms = 0;  // target - elapsed; <= 0 once breached
    int percent = 0;                // elapsed * 100 / target, floored, capped at 9999
    // Instant the clock reaches / reached its target: the past instant once reached, the projected
    // one while running (assuming no further pauses), the one it was counting toward when it
    // stopped on time; 0 while paused before reaching the target.
    Timestamp due_at = 0;
    Timestamp now = 0;  // the instant evaluated; FormatSlaRemaining measures "ago" from it
};

std::string_view SlaPhaseName(SlaState::Phase phase);  // "running", "met_late", ...
// Phase rules: met when stopped with elapsed < target, met_late otherwise (the due instant itself
// is already late); breached once elapsed >= target (100%), even when paused afterwards; paused
// while a Pending span is open; warning once elapsed * 100 >= target * warning_percent.
// A target <= 0 means "no target": the clock is met/running and never warns or breaches.
SlaState EvaluateSla(const BusinessCalendar& cal, std::int64_t target_ms, const SlaClockInput& input, Timestamp now,
                     int warning_percent = 75);
// Badge text: "2h 15m left" (running), "Due in 45m" (warning), "Breached 1d 3h ago" (wall time since
// due_at), "Paused", "Met", "Met late". Durations use d (24 h), h, m; remaining time rounds up.
std::string FormatSlaRemaining(const SlaState& state);
std::string FormatSlaDuration(std::int64_t ms);  // "1d 3h", "2h 15m", "45m", "0m" (floored to minutes)

// ---- Requests ----------------------------------------------------------------------------------
// The policy a requester's requests follow: the Americas -> "New York standard", else "London standard".
std::string_view SlaPolicyNameFor(std::string_view requester_time_zone);

struct SlaDueTimes {
    Timestamp first_response = 0;  // 0: met (first response given), request finished, or no target
    Timestamp resolution = 0;      // 0: paused (Pending), stopped (Resolved/Closed/Cancelled) or no target
};
// Due instants of a request's two clocks: each runs from created_at on the business calendar its
// policy names for the request's priority, without the `pauses` (Pending and Resolved spans;
// to = 0 while open). All zero when request.sla_policy names no policy in `policies`.
SlaDueTimes RequestDueTimes(const std::vector<SlaPolicy>& policies, const std::vector<BusinessCalendar>& calendars,
                            const Request& request, const std::vector<std::pair<Timestamp, Timestamp>>& pauses,
                            Timestamp now);

// Phase of a running clock from what a request carries (its policy name, priority and the due
// instant the server computed with RequestDueTimes): breached from `due_at` on, warning once the
// business time left is at most (100 - warning_percent)% of the target (75% used, as EvaluateSla
// says), else running. The browser's countdown badges and the server agree because both run this
// on the same calendars. Unknown policy or calendar, or no due instant: running.
SlaState::Phase RunningSlaPhase(const std::vector<SlaPolicy>& policies, const std::vector<BusinessCalendar>& calendars,
                                std::string_view policy_name, Priority priority, SlaKind kind, Timestamp due_at,
                                Timestamp now);

// Demo data: calendars "London office", "New York office", "24x7" and policies
// "London standard" / "New York standard" (P1 on 24x7, P2..P5 on the office calendar).
std::vector<BusinessCalendar> DemoCalendars();
std::vector<SlaPolicy> DemoSlaPolicies();

}  // namespace spoc
