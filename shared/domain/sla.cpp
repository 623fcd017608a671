// SLA math: the built-in time-zone rules, business calendars (text form, validation, arithmetic)
// and SLA clock evaluation. Business-time arithmetic walks local days, turning each day's wall-clock
// intervals into UTC spans, and skips whole weeks at once when a week has no holiday and no DST switch.
//
// Index: [SECTION] Time zones  [SECTION] Calendar validation and text form
//        [SECTION] Business-time arithmetic  [SECTION] SLA clocks  [SECTION] Demo data
#include "shared/domain/sla.h"

#include <algorithm>
#include <cstdio>

#include "shared/domain/i18n.h"
#include "shared/domain/text.h"

namespace spoc {

using i18n::Format;
using i18n::FormatInt;
using i18n::Plural;
using i18n::tr;
using i18n::trc;
using i18n::trn;

namespace {

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// About 100 years of local days: the horizon of every scan, so no input can loop forever.
constexpr std::int64_t kHorizonDays = 36600;
// Instants this file does arithmetic on (about +-100,000 years); beyond it answers are clamped.
constexpr std::int64_t kTimeLimit = 3'000'000'000'000'000 / 1000;
bool InRange(Timestamp t) { return t > -kTimeLimit && t < kTimeLimit; }

}  // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] Time zones
// ---------------------------------------------------------------------------------------------

namespace {

constexpr DstSwitch kEuStart{3, 5, 6, 60, true};     // last Sunday of March, 01:00 UTC
constexpr DstSwitch kEuEnd{10, 5, 6, 60, true};      // last Sunday of October, 01:00 UTC
constexpr DstSwitch kUsStart{3, 2, 6, 120, false};   // second Sunday of March, 02:00 local
constexpr DstSwitch kUsEnd{11, 1, 6, 120, false};    // first Sunday of November, 02:00 local
constexpr DstSwitch kAuStart{10, 1, 6, 120, false};  // first Sunday of October, 02:00 local standard
constexpr DstSwitch kAuEnd{4, 1, 6, 180, false};     // first Sunday of April, 03:00 local daylight
constexpr DstSwitch kNzStart{9, 5, 6, 120, false};   // last Sunday of September, 02:00 local standard
constexpr DstSwitch kNzEnd{4, 1, 6, 180, false};     // first Sunday of April, 03:00 local daylight

constexpr TimeZoneRule Fixed(std::string_view name, int offset) {
    return TimeZoneRule{name, offset, false, {}, {}, 60};
}
constexpr TimeZoneRule Dst(std::string_view name, int offset, DstSwitch start, DstSwitch end) {
    return TimeZoneRule{name, offset, true, start, end, 60};
}

constexpr TimeZoneRule kZones[] = {
    Fixed("UTC", 0),
    Fixed("Etc/UTC", 0),
    Dst("Europe/London", 0, kEuStart, kEuEnd),
    Dst("Europe/Dublin", 0, kEuStart, kEuEnd),
    Dst("Europe/Lisbon", 0, kEuStart, kEuEnd),
    Dst("Europe/Paris", 60, kEuStart, kEuEnd),
    Dst("Europe/Berlin", 60, kEuStart, kEuEnd),
    Dst("Europe/Madrid", 60, kEuStart, kEuEnd),
    Dst("Europe/Amsterdam", 60, kEuStart, kEuEnd),
    Dst("Europe/Brussels", 60, kEuStart, kEuEnd),
    Dst("Europe/Rome", 60, kEuStart, kEuEnd),
    Dst("Europe/Stockholm", 60, kEuStart, kEuEnd),
    Dst("Europe/Warsaw", 60, kEuStart, kEuEnd),
    Dst("Europe/Athens", 120, kEuStart, kEuEnd),
    Dst("Europe/Helsinki", 120, kEuStart, kEuEnd),
    Dst("America/New_York", -300, kUsStart, kUsEnd),
    Dst("America/Toronto", -300, kUsStart, kUsEnd),
    Dst("America/Chicago", -360, kUsStart, kUsEnd),
    Dst("America/Denver", -420, kUsStart, kUsEnd),
    Fixed("America/Phoenix", -420),
    Dst("America/Los_Angeles", -480, kUsStart, kUsEnd),
    Fixed("Asia/Kolkata", 330),
    Fixed("Asia/Dubai", 240),
    Fixed("Asia/Singapore", 480),
    Fixed("Asia/Shanghai", 480),
    Fixed("Asia/Tokyo", 540),
    Dst("Australia/Sydney", 600, kAuStart, kAuEnd),
    Dst("Australia/Melbourne", 600, kAuStart, kAuEnd),
    Fixed("Australia/Brisbane", 600),
    Dst("Pacific/Auckland", 720, kNzStart, kNzEnd),
};

// Day number (DaysFromCivil) of the switch's date in `year`.
std::int64_t SwitchDay(const DstSwitch& sw, int year) {
    if (sw.week >= 5) {
        const std::int64_t last =
            sw.month == 12 ? DaysFromCivil(year + 1, 1, 1) - 1 : DaysFromCivil(year, sw.month + 1, 1) - 1;
        return last - (WeekdayFromDays(last) - sw.weekday + 7) % 7;
    }
    const std::int64_t first = DaysFromCivil(year, sw.month, 1);
    return first + (sw.weekday - WeekdayFromDays(first) + 7) % 7 + (sw.week - 1) * 7;
}

// UTC instant of a switch; offset_before is the offset in effect just before it.
Timestamp SwitchInstant(const DstSwitch& sw, int year, int offset_before) {
    const std::int64_t minutes = SwitchDay(sw, year) * 1440 + sw.minute - (sw.utc ? 0 : offset_before);
    return minutes * kMsPerMinute;
}

Timestamp DstStartUtc(const TimeZoneRule& z, int year) {
    return SwitchInstant(z.dst_start, year, z.std_offset_minutes);
}
Timestamp DstEndUtc(const TimeZoneRule& z, int year) {
    return SwitchInstant(z.dst_end, year, z.std_offset_minutes + z.dst_shift_minutes);
}

int YearOfDay(std::int64_t day) { return CivilFromDays(day).year; }

// Wall time (ms since the local epoch) -> UTC; in the gap either the pre-switch offset (public
// behaviour) or the switch instant itself (business-hour boundaries: hours that start or end in
// the gap start or end when the clock jumps).
Timestamp ResolveLocal(const TimeZoneRule& z, std::int64_t local_ms, bool gap_to_switch) {
    const int std_off = z.std_offset_minutes;
    const Timestamp t_std = local_ms - std_off * kMsPerMinute;
    if (!z.has_dst) return t_std;
    const int dst_off = std_off + z.dst_shift_minutes;
    const Timestamp t_dst = local_ms - dst_off * kMsPerMinute;
    const bool std_ok = UtcOffsetMinutes(z, t_std) == std_off;
    const bool dst_ok = UtcOffsetMinutes(z, t_dst) == dst_off;
    if (std_ok && dst_ok) return std::min(t_std, t_dst);  // overlap: the first occurrence
    if (std_ok) return t_std;
    if (dst_ok) return t_dst;
    if (!gap_to_switch) return t_std;  // gap: shifted forward by the gap
    return DstStartUtc(z, YearOfDay(FloorDiv(local_ms, kMsPerDay)));
}

}  // namespace

int WeekdayFromDays(std::int64_t days) { return static_cast<int>(((days + 3) % 7 + 7) % 7); }

bool FindTimeZone(std::string_view iana, TimeZoneRule* out) {
    for (const TimeZoneRule& z : kZones) {
        if (z.name == iana) {
            *out = z;
            return true;
        }
    }
    return false;
}

std::vector<std::string_view> TimeZoneNames() {
    std::vector<std::string_view> names;
    for (const TimeZoneRule& z : kZones) names.push_back(z.name);
    return names;
}

int UtcOffsetMinutes(const TimeZoneRule& z, Timestamp t) {
    if (!z.has_dst || !InRange(t)) return z.std_offset_minutes;
    // Switches are never near New Year, so the standard-time local year picks the right rules.
    const int year = YearOfDay(FloorDiv(t + z.std_offset_minutes * kMsPerMinute, kMsPerDay));
    const Timestamp start = DstStartUtc(z, year);
    const Timestamp end = DstEndUtc(z, year);
    const bool dst = start < end ? (t >= start && t < end) : (t < end || t >= start);
    return z.std_offset_minutes + (dst ? z.dst_shift_minutes : 0);
}

LocalDateTime UtcToLocal(const TimeZoneRule& z, Timestamp t) {
    LocalDateTime out;
    out.offset_minutes = UtcOffsetMinutes(z, t);
    const std::int64_t local = t + out.offset_minutes * kMsPerMinute;
    const std::int64_t day = FloorDiv(local, kMsPerDay);
    out.date = CivilFromDays(day);
    out.ms_of_day = static_cast<int>(local - day * kMsPerDay);
    out.weekday = WeekdayFromDays(day);
    return out;
}

Timestamp LocalToUtc(const TimeZoneRule& z, CivilDate date, int minute_of_day) {
    const std::int64_t local = (DaysFromCivil(date.year, date.month, date.day) * 1440 + minute_of_day) * kMsPerMinute;
    return ResolveLocal(z, local, false);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Calendar validation and text form
// ---------------------------------------------------------------------------------------------

namespace {

bool DateLess(const CivilDate& a, const CivilDate& b) {
    if (a.year != b.year) return a.year < b.year;
    if (a.month != b.month) return a.month < b.month;
    return a.day < b.day;
}
bool DateEqual(const CivilDate& a, const CivilDate& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
}

std::string FormatMinute(int minute) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minute / 60 % 100, minute % 60);
    return buf;
}

std::string FormatInterval(const Interval& iv) {
    return FormatMinute(iv.start_minute) + "-" + FormatMinute(iv.end_minute);
}

// "HH:MM" with HH 00..24 (24 only as 24:00).
bool ParseMinute(std::string_view text, int* out) {
    if (text.size() != 5 || text[2] != ':') return false;
    for (const size_t i : {0u, 1u, 3u, 4u})
        if (text[i] < '0' || text[i] > '9') return false;
    const int hh = (text[0] - '0') * 10 + (text[1] - '0');
    const int mm = (text[3] - '0') * 10 + (text[4] - '0');
    if (mm > 59 || hh > 24 || (hh == 24 && mm != 0)) return false;
    *out = hh * 60 + mm;
    return true;
}

std::vector<std::string_view> SplitList(std::string_view text) {
    std::vector<std::string_view> items;
    size_t pos = 0;
    while (pos <= text.size()) {
        const size_t comma = text.find(',', pos);
        const std::string_view item =
            Trim(text.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos));
        if (!item.empty()) items.push_back(item);
        if (comma == std::string_view::npos) break;
        pos = comma + 1;
    }
    return items;
}

int ParseWeekdayKey(std::string_view key) {
    for (int d = 0; d < 7; ++d)
        if (key == WeekdayKey(d)) return d;
    return -1;
}

std::string LineNumber(int line) { return std::to_string(line); }

}  // namespace

std::string_view WeekdayKey(int weekday) {
    static constexpr std::string_view kKeys[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    return weekday >= 0 && weekday < 7 ? kKeys[weekday] : std::string_view("?");
}

BusinessCalendar MakeCalendar24x7(std::string name) {
    BusinessCalendar cal;
    cal.name = std::move(name);
    cal.time_zone = "UTC";
    FindTimeZone("UTC", &cal.zone);
    for (auto& day : cal.week) day = {Interval{0, 1440}};
    return cal;
}

std::string FormatHours(const std::vector<Interval>& day) {
    if (day.empty()) return "closed";
    std::string out;
    for (const Interval& iv : day) {
        if (!out.empty()) out += ", ";
        out += FormatInterval(iv);
    }
    return out;
}

std::vector<FieldError> ValidateBusinessCalendar(const BusinessCalendar& cal) {
    std::vector<FieldError> errors;
    if (Trim(cal.name).empty()) errors.push_back({"name", tr("Give the calendar a name.")});
    TimeZoneRule zone;
    if (!FindTimeZone(cal.time_zone, &zone))
        // TRANSLATORS: {0} is what was entered; keep "Europe/London" (an IANA time-zone name).
        errors.push_back({"time_zone", Format(tr("Unknown time zone '{0}'. Use an IANA name such as Europe/London."),
                                              {cal.time_zone})});
    for (int d = 0; d < 7; ++d) {
        const std::string field = "hours." + std::string(WeekdayKey(d));
        const std::vector<Interval>& day = cal.week[static_cast<size_t>(d)];
        if (day.size() > static_cast<size_t>(kMaxIntervalsPerDay)) {
            errors.push_back({field, Plural("A day can have at most {0} interval.", "A day can have at most {0} intervals.",
                                            kMaxIntervalsPerDay)});
            continue;
        }
        bool ranges_ok = true;
        for (const Interval& iv : day) {
            if (iv.start_minute < 0 || iv.start_minute >= 1440 || iv.end_minute <= 0 || iv.end_minute > 1440) {
                errors.push_back({field, tr("Times must lie between 00:00 and 24:00.")});
                ranges_ok = false;
            } else if (iv.end_minute <= iv.start_minute) {
                // TRANSLATORS: {0} is a time range, "17:00-09:00".
                errors.push_back({field, Format(tr("{0} must end after it starts."), {FormatInterval(iv)})});
                ranges_ok = false;
            }
        }
        if (!ranges_ok) continue;
        std::vector<Interval> sorted = day;
        std::sort(sorted.begin(), sorted.end(),
                  [](const Interval& a, const Interval& b) { return a.start_minute < b.start_minute; });
        for (size_t i = 1; i < sorted.size(); ++i) {
            if (sorted[i].start_minute < sorted[i - 1].end_minute)
                // TRANSLATORS: {0} and {1} are time ranges, "09:00-12:30".
                errors.push_back({field, Format(tr("{0} overlaps {1}."), {FormatInterval(sorted[i - 1]), FormatInterval(sorted[i])})});
        }
    }
    if (cal.holidays.size() > static_cast<size_t>(kMaxHolidays))
        errors.push_back({"holidays", Format(trn("A calendar can have at most {0} holiday.", "A calendar can have at most {0} holidays.",
                                                 kMaxHolidays),
                                             {std::to_string(kMaxHolidays)})});
    for (const CivilDate& h : cal.holidays) {
        if (!IsValidDate(h.year, h.month, h.day)) {
            // TRANSLATORS: {0} is a date, YYYY-MM-DD.
            errors.push_back({"holidays", Format(tr("{0} is not a real date."), {FormatDate(h)})});
            break;
        }
    }
    return errors;
}

Result<BusinessCalendar> CompileBusinessCalendar(BusinessCalendar cal) {
    std::vector<FieldError> errors = ValidateBusinessCalendar(cal);
    if (!errors.empty()) {
        Error error = MakeError(ErrorCode::validation_failed, errors.front().message, errors.front().field);
        error.details = std::move(errors);
        return error;
    }
    FindTimeZone(cal.time_zone, &cal.zone);
    for (auto& day : cal.week)
        std::sort(day.begin(), day.end(),
                  [](const Interval& a, const Interval& b) { return a.start_minute < b.start_minute; });
    std::sort(cal.holidays.begin(), cal.holidays.end(), DateLess);
    cal.holidays.erase(std::unique(cal.holidays.begin(), cal.holidays.end(), DateEqual), cal.holidays.end());
    return cal;
}

Result<BusinessCalendar> ParseBusinessCalendar(std::string_view text) {
    BusinessCalendar cal;
    cal.time_zone.clear();
    std::vector<FieldError> errors;
    std::array<bool, 7> day_seen{};
    bool zone_seen = false;
    int line_no = 0;
    size_t pos = 0;
    while (pos < text.size()) {
        const size_t nl = text.find('\n', pos);
        std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        pos = nl == std::string_view::npos ? text.size() : nl + 1;
        ++line_no;
        const size_t hash = line.find('#');
        if (hash != std::string_view::npos) line = line.substr(0, hash);
        line = Trim(line);
        if (line.empty()) continue;
        const size_t colon = line.find(':');
        if (colon == std::string_view::npos) {
            // TRANSLATORS: {0} is a line number; keep 'key: value' (the syntax).
            errors.push_back({"text", Format(tr("Line {0}: expected 'key: value'."), {LineNumber(line_no)})});
            continue;
        }
        const std::string key = ToLowerAscii(Trim(line.substr(0, colon)));
        const std::string_view value = Trim(line.substr(colon + 1));
        if (key == "name") {
            cal.name = std::string(value);
        } else if (key == "time_zone" || key == "timezone" || key == "tz") {
            cal.time_zone = std::string(value);
            zone_seen = true;
        } else if (key == "holidays" || key == "holiday") {
            for (const std::string_view item : SplitList(value)) {
                CivilDate date;
                if (!ParseDate(item, &date)) {
                    // TRANSLATORS: {0} is a line number, {1} what was written there; keep YYYY-MM-DD (the syntax).
                    errors.push_back({"holidays", Format(tr("Line {0}: '{1}' is not a date (use YYYY-MM-DD)."),
                                                         {LineNumber(line_no), item})});
                } else {
                    cal.holidays.push_back(date);
                }
            }
        } else {
            // "mon", "mon-fri" (a range may wrap: "fri-mon")
            int first = ParseWeekdayKey(key), last = first;
            const size_t dash = key.find('-');
            if (dash != std::string::npos) {
                first = ParseWeekdayKey(std::string_view(key).substr(0, dash));
                last = ParseWeekdayKey(std::string_view(key).substr(dash + 1));
            }
            if (first < 0 || last < 0) {
                // TRANSLATORS: {0} is a line number, {1} the key written there; keep name, time_zone, holidays,
                // mon, mon-fri as they are (they are the syntax).
                errors.push_back({"text", Format(tr("Line {0}: unknown key '{1}' (use name, time_zone, holidays or days like mon, mon-fri)."),
                                                 {LineNumber(line_no), key})});
                continue;
            }
            std::vector<Interval> hours;
            bool ok = true;
            if (ToLowerAscii(value) != "closed") {
                for (const std::string_view item : SplitList(value)) {
                    const size_t d = item.find('-');
                    Interval iv;
                    if (d == std::string_view::npos || !ParseMinute(Trim(item.substr(0, d)), &iv.start_minute) ||
                        !ParseMinute(Trim(item.substr(d + 1)), &iv.end_minute)) {
                        // TRANSLATORS: {0} is a line number, {1} what was written there.
                        errors.push_back({"hours." + std::string(WeekdayKey(first)),
                                          Format(tr("Line {0}: '{1}' is not a time range like 09:00-17:30."),
                                                 {LineNumber(line_no), item})});
                        ok = false;
                        continue;
                    }
                    if (iv.start_minute == 1440) {
                        errors.push_back({"hours." + std::string(WeekdayKey(first)),
                                          // TRANSLATORS: {0} is a line number.
                                          Format(tr("Line {0}: an interval cannot start at 24:00."), {LineNumber(line_no)})});
                        ok = false;
                        continue;
                    }
                    hours.push_back(iv);
                }
            }
            for (int d = first;; d = (d + 1) % 7) {
                if (day_seen[static_cast<size_t>(d)]) {
                    errors.push_back({"hours." + std::string(WeekdayKey(d)),
                                      // TRANSLATORS: {0} is a line number, {1} a day key of the syntax ("mon").
                                      Format(tr("Line {0}: {1} is already set."), {LineNumber(line_no), WeekdayKey(d)})});
                } else if (ok) {
                    cal.week[static_cast<size_t>(d)] = hours;
                }
                day_seen[static_cast<size_t>(d)] = true;
                if (d == last) break;
            }
        }
    }
    // TRANSLATORS: keep "time_zone" (the key of the syntax) and "Europe/London".
    if (!zone_seen) errors.push_back({"time_zone", tr("Set time_zone (an IANA name such as Europe/London).")});
    if (!errors.empty()) {
        // Report syntax problems together with whatever the struct validation finds.
        for (FieldError& e : ValidateBusinessCalendar(cal)) {
            const bool dup =
                std::any_of(errors.begin(), errors.end(), [&](const FieldError& x) { return x.field == e.field; });
            if (!dup) errors.push_back(std::move(e));
        }
        Error error = MakeError(ErrorCode::validation_failed, errors.front().message, errors.front().field);
        error.details = std::move(errors);
        return error;
    }
    return CompileBusinessCalendar(std::move(cal));
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Business-time arithmetic
// ---------------------------------------------------------------------------------------------

namespace {

// Holidays as sorted day numbers, built once per call.
class HolidaySet {
public:
    explicit HolidaySet(const std::vector<CivilDate>& dates) {
        m_days.reserve(dates.size());
        for (const CivilDate& d : dates) m_days.push_back(DaysFromCivil(d.year, d.month, d.day));
        std::sort(m_days.begin(), m_days.end());
    }
    bool Contains(std::int64_t day) const { return std::binary_search(m_days.begin(), m_days.end(), day); }
    bool AnyIn(std::int64_t first, std::int64_t end) const {  // any holiday in [first, end)
        const auto it = std::lower_bound(m_days.begin(), m_days.end(), first);
        return it != m_days.end() && *it < end;
    }

private:
    std::vector<std::int64_t> m_days;
};

struct Span {
    Timestamp from, to;
};

// Midnight at the start of local day `day`, as UTC.
Timestamp DayStartUtc(const TimeZoneRule& z, std::int64_t day) { return ResolveLocal(z, day * kMsPerDay, true); }

Span IntervalUtc(const TimeZoneRule& z, std::int64_t day, const Interval& iv) {
    return Span{ResolveLocal(z, day * kMsPerDay + iv.start_minute * kMsPerMinute, true),
                ResolveLocal(z, day * kMsPerDay + iv.end_minute * kMsPerMinute, true)};
}

const std::vector<Interval>& HoursOf(const BusinessCalendar& cal, std::int64_t day) {
    return cal.week[static_cast<size_t>(WeekdayFromDays(day))];
}

// A week [day, day + 7) that can be skipped as a whole: no holiday and the same UTC offset at both
// ends (switches are months apart, so no switch inside either).
bool PlainWeek(const BusinessCalendar& cal, const HolidaySet& holidays, std::int64_t day) {
    if (holidays.AnyIn(day, day + 7)) return false;
    if (!cal.zone.has_dst) return true;
    return UtcOffsetMinutes(cal.zone, DayStartUtc(cal.zone, day)) ==
           UtcOffsetMinutes(cal.zone, DayStartUtc(cal.zone, day + 7));
}

// The local day whose intervals can first matter for instant t (one day early: a day's hours may
// end just after local midnight of the next day around a switch).
std::int64_t FirstDay(const TimeZoneRule& z, Timestamp t) {
    return FloorDiv(t + UtcOffsetMinutes(z, t) * kMsPerMinute, kMsPerDay) - 1;
}

}  // namespace

std::int64_t BusinessWeekMs(const BusinessCalendar& cal) {
    std::int64_t total = 0;
    for (const auto& day : cal.week)
        for (const Interval& iv : day) total += std::max(0, iv.end_minute - iv.start_minute) * kMsPerMinute;
    return total;
}

std::int64_t BusinessDayMs(const BusinessCalendar& cal) {
    int working_days = 0;
    for (const auto& day : cal.week) working_days += day.empty() ? 0 : 1;
    return working_days == 0 ? kMsPerDay : BusinessWeekMs(cal) / working_days;
}

bool IsHoliday(const BusinessCalendar& cal, CivilDate date) {
    return std::any_of(cal.holidays.begin(), cal.holidays.end(),
                       [&](const CivilDate& h) { return DateEqual(h, date); });
}

Timestamp AddBusinessTime(const BusinessCalendar& cal, Timestamp start, std::int64_t business_ms) {
    if (business_ms <= 0) return start;
    if (!InRange(start)) return kNever;
    const std::int64_t week_ms = BusinessWeekMs(cal);
    if (week_ms <= 0) return kNever;
    const HolidaySet holidays(cal.holidays);
    std::int64_t remaining = business_ms;
    const std::int64_t first_day = FirstDay(cal.zone, start);
    for (std::int64_t day = first_day; day < first_day + kHorizonDays;) {
        // Whole weeks: from a Monday that starts after `start`, while more than a week is left.
        if (day > first_day + 1 && WeekdayFromDays(day) == 0 && remaining > week_ms && PlainWeek(cal, holidays, day)) {
            remaining -= week_ms;
            day += 7;
            continue;
        }
        if (!holidays.Contains(day)) {
            for (const Interval& iv : HoursOf(cal, day)) {
                const Span s = IntervalUtc(cal.zone, day, iv);
                const Timestamp from = std::max(s.from, start);
                if (from >= s.to) continue;
                if (remaining <= s.to - from) return from + remaining;
                remaining -= s.to - from;
            }
        }
        ++day;
    }
    return kNever;
}

std::int64_t BusinessTimeBetween(const BusinessCalendar& cal, Timestamp a, Timestamp b) {
    if (b <= a || !InRange(a)) return 0;
    b = std::min(b, kTimeLimit);
    const std::int64_t week_ms = BusinessWeekMs(cal);
    if (week_ms <= 0) return 0;
    const HolidaySet holidays(cal.holidays);
    std::int64_t total = 0;
    const std::int64_t first_day = FirstDay(cal.zone, a);
    for (std::int64_t day = first_day; day < first_day + kHorizonDays;) {
        const Timestamp day_start = DayStartUtc(cal.zone, day);
        if (day_start >= b) break;
        if (day > first_day + 1 && WeekdayFromDays(day) == 0 && DayStartUtc(cal.zone, day + 7) <= b &&
            PlainWeek(cal, holidays, day)) {
            total += week_ms;
            day += 7;
            continue;
        }
        if (!holidays.Contains(day)) {
            for (const Interval& iv : HoursOf(cal, day)) {
                const Span s = IntervalUtc(cal.zone, day, iv);
                const Timestamp from = std::max(s.from, a), to = std::min(s.to, b);
                if (to > from) total += to - from;
            }
        }
        ++day;
    }
    return total;
}

Timestamp NextBusinessStart(const BusinessCalendar& cal, Timestamp t) {
    if (BusinessWeekMs(cal) <= 0 || !InRange(t)) return kNever;
    const HolidaySet holidays(cal.holidays);
    const std::int64_t first_day = FirstDay(cal.zone, t);
    for (std::int64_t day = first_day; day < first_day + kHorizonDays; ++day) {
        if (holidays.Contains(day)) continue;
        for (const Interval& iv : HoursOf(cal, day)) {
            const Span s = IntervalUtc(cal.zone, day, iv);
            if (s.to > t && s.to > s.from) return std::max(s.from, t);
        }
    }
    return kNever;
}

bool IsBusinessTime(const BusinessCalendar& cal, Timestamp t) {
    return InRange(t) && BusinessTimeBetween(cal, t, t + 1) == 1;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] SLA clocks
// ---------------------------------------------------------------------------------------------

std::int64_t SlaTimeMs(const SlaTime& time, const BusinessCalendar& cal) {
    return time.ms + static_cast<std::int64_t>(time.business_days) * BusinessDayMs(cal);
}

const SlaTarget& SlaTargetFor(const SlaPolicy& policy, Priority priority) {
    const int index = std::clamp(static_cast<int>(priority), 1, 5) - 1;
    return policy.by_priority[static_cast<size_t>(index)];
}

std::string_view SlaCalendarFor(const SlaPolicy& policy, Priority priority) {
    const SlaTarget& target = SlaTargetFor(policy, priority);
    return target.calendar.empty() ? std::string_view(policy.calendar) : std::string_view(target.calendar);
}

std::int64_t SlaTargetMs(const SlaPolicy& policy, Priority priority, SlaKind kind, const BusinessCalendar& cal) {
    const SlaTarget& target = SlaTargetFor(policy, priority);
    return SlaTimeMs(kind == SlaKind::first_response ? target.first_response : target.resolution, cal);
}

const BusinessCalendar* FindCalendar(const std::vector<BusinessCalendar>& cals, std::string_view name) {
    for (const BusinessCalendar& cal : cals)
        if (cal.name == name) return &cal;
    return nullptr;
}

std::string_view SlaPhaseName(SlaState::Phase phase) {
    switch (phase) {
        case SlaState::running:
            return "running";
        case SlaState::paused:
            return "paused";
        case SlaState::warning:
            return "warning";
        case SlaState::breached:
            return "breached";
        case SlaState::met:
            return "met";
        case SlaState::met_late:
            return "met_late";
    }
    return "running";
}

SlaState EvaluateSla(const BusinessCalendar& cal, std::int64_t target_ms, const SlaClockInput& input, Timestamp now,
                     int warning_percent) {
    SlaState state;
    state.now = now;
    state.target_ms = std::max<std::int64_t>(0, target_ms);
    const bool stopped = input.stopped != 0;
    const Timestamp end = std::max(input.started, stopped ? input.stopped : now);

    // Pending spans clipped to [started, end), sorted and merged; an open span runs to `end`.
    std::vector<Span> pauses;
    bool paused_now = false;
    for (const auto& [from, to] : input.paused) {
        const bool open = to == 0;
        if (!stopped && from <= now && (open || to > now)) paused_now = true;
        const Span s{std::max(from, input.started), std::min(open ? end : to, end)};
        if (s.to > s.from) pauses.push_back(s);
    }
    std::sort(pauses.begin(), pauses.end(), [](const Span& a, const Span& b) { return a.from < b.from; });
    std::vector<Span> merged;
    for (const Span& s : pauses) {
        if (!merged.empty() && s.from <= merged.back().to) {
            merged.back().to = std::max(merged.back().to, s.to);
        } else {
            merged.push_back(s);
        }
    }

    // Running segments between the pauses; find where the target was reached, if it was.
    std::vector<Span> running;
    Timestamp cursor = input.started;
    for (const Span& p : merged) {
        if (p.from > cursor) running.push_back({cursor, p.from});
        cursor = std::max(cursor, p.to);
    }
    if (end > cursor) running.push_back({cursor, end});
    std::int64_t elapsed = 0;
    Timestamp reached_at = 0;
    bool reached_seen = false;
    for (const Span& seg : running) {
        const std::int64_t part = BusinessTimeBetween(cal, seg.from, seg.to);
        if (!reached_seen && state.target_ms > 0 && elapsed + part >= state.target_ms) {
            reached_at = AddBusinessTime(cal, seg.from, state.target_ms - elapsed);
            reached_seen = true;
        }
        elapsed += part;
    }
    state.elapsed_ms = elapsed;

    if (state.target_ms <= 0) {
        state.phase = stopped ? SlaState::met : (paused_now ? SlaState::paused : SlaState::running);
        return state;
    }
    state.remaining_ms = state.target_ms - elapsed;
    state.percent = static_cast<int>(std::min<std::int64_t>(9999, elapsed * 100 / state.target_ms));
    const bool reached = elapsed >= state.target_ms;
    if (reached) {
        state.due_at = reached_at;
    } else if (stopped) {
        state.due_at = AddBusinessTime(cal, input.stopped, state.remaining_ms);
    } else if (!paused_now) {
        state.due_at = AddBusinessTime(cal, now, state.remaining_ms);
    }

    if (stopped) {
        state.phase = reached ? SlaState::met_late : SlaState::met;
    } else if (reached) {
        state.phase = SlaState::breached;
    } else if (paused_now) {
        state.phase = SlaState::paused;
    } else if (elapsed * 100 >= state.target_ms * warning_percent) {
        state.phase = SlaState::warning;
    } else {
        state.phase = SlaState::running;
    }
    return state;
}

std::string FormatSlaDuration(std::int64_t ms) {
    const std::int64_t minutes = std::max<std::int64_t>(0, ms) / kMsPerMinute;
    const std::int64_t d = minutes / 1440, h = minutes / 60 % 24, m = minutes % 60;
    // FormatInt groups from 1,000 on; a count of days that large keeps its plain digits ("1000d").
    const std::string days = d < 1000 ? FormatInt(d) : std::to_string(d);
    // TRANSLATORS: a short duration: {0} days and {1} hours ("1d 3h").
    if (d > 0 && h > 0) return Format(tr("{0}d {1}h"), {days, FormatInt(h)});
    // TRANSLATORS: a short duration: {0} days ("3d").
    if (d > 0) return Format(tr("{0}d"), {days});
    // TRANSLATORS: a short duration: {0} hours and {1} minutes ("2h 15m").
    if (h > 0 && m > 0) return Format(tr("{0}h {1}m"), {FormatInt(h), FormatInt(m)});
    // TRANSLATORS: a short duration: {0} hours ("2h").
    if (h > 0) return Format(tr("{0}h"), {FormatInt(h)});
    // TRANSLATORS: a short duration: {0} minutes ("45m").
    return Format(tr("{0}m"), {FormatInt(m)});
}

std::string FormatSlaRemaining(const SlaState& state) {
    const std::int64_t left_rounded_up = (state.remaining_ms + kMsPerMinute - 1) / kMsPerMinute * kMsPerMinute;
    switch (state.phase) {
        case SlaState::paused:
            // TRANSLATORS: an SLA clock's badge: the clock is stopped (the request is pending).
            return trc("sla", "Paused");
        case SlaState::met:
            // TRANSLATORS: an SLA clock's badge: the target was met.
            return trc("sla", "Met");
        case SlaState::met_late:
            // TRANSLATORS: an SLA clock's badge: the target was met, but after its due time.
            return trc("sla", "Met late");
        case SlaState::breached:
            // TRANSLATORS: an SLA clock's badge; {0} is a short duration ("1d 3h").
            return Format(tr("Breached {0} ago"), {FormatSlaDuration(state.now - state.due_at)});
        case SlaState::warning:
            // TRANSLATORS: an SLA clock's badge; {0} is a short duration ("45m").
            return Format(tr("Due in {0}"), {FormatSlaDuration(left_rounded_up)});
        case SlaState::running:
            break;
    }
    // TRANSLATORS: an SLA clock's badge: this priority has no target time.
    if (state.target_ms <= 0) return tr("No target");
    // TRANSLATORS: an SLA clock's badge; {0} is a short duration ("2h 15m").
    return Format(tr("{0} left"), {FormatSlaDuration(left_rounded_up)});
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Demo data
// ---------------------------------------------------------------------------------------------

namespace {

constexpr std::string_view kLondonOffice = R"(name: London office
time_zone: Europe/London
mon-fri: 09:00-12:30, 13:30-17:30
sat-sun: closed
# England and Wales bank holidays
holidays: 2026-01-01, 2026-04-03, 2026-04-06, 2026-05-04, 2026-05-25, 2026-08-31, 2026-12-25, 2026-12-28
holidays: 2027-01-01, 2027-03-26, 2027-03-29, 2027-05-03, 2027-05-31, 2027-08-30, 2027-12-27, 2027-12-28
)";

constexpr std::string_view kNewYorkOffice = R"(name: New York office
time_zone: America/New_York
mon-fri: 08:00-18:00
sat-sun: closed
# US federal holidays (observed dates)
holidays: 2026-01-01, 2026-01-19, 2026-02-16, 2026-05-25, 2026-06-19, 2026-07-03, 2026-09-07
holidays: 2026-10-12, 2026-11-11, 2026-11-26, 2026-12-25
holidays: 2027-01-01, 2027-01-18, 2027-02-15, 2027-05-31, 2027-06-18, 2027-07-05, 2027-09-06
holidays: 2027-10-11, 2027-11-11, 2027-11-25, 2027-12-24, 2027-12-31
)";

SlaPolicy StandardPolicy(std::string name, std::string calendar) {
    SlaPolicy p;
    p.name = std::move(name);
    p.calendar = std::move(calendar);
    p.by_priority[0] = SlaTarget{SlaTime{15 * kMsPerMinute, 0}, SlaTime{4 * kMsPerHour, 0}, "24x7"};
    p.by_priority[1] = SlaTarget{SlaTime{1 * kMsPerHour, 0}, SlaTime{8 * kMsPerHour, 0}, ""};
    p.by_priority[2] = SlaTarget{SlaTime{4 * kMsPerHour, 0}, SlaTime{0, 3}, ""};
    p.by_priority[3] = SlaTarget{SlaTime{8 * kMsPerHour, 0}, SlaTime{0, 5}, ""};
    p.by_priority[4] = SlaTarget{SlaTime{0, 2}, SlaTime{0, 20}, ""};
    p.warning_percent = 75;
    return p;
}

}  // namespace

std::vector<BusinessCalendar> DemoCalendars() {
    std::vector<BusinessCalendar> cals;
    for (const std::string_view text : {kLondonOffice, kNewYorkOffice}) {
        Result<BusinessCalendar> cal = ParseBusinessCalendar(text);
        if (cal.ok()) cals.push_back(std::move(cal.value()));  // fixed text; the tests check it parses
    }
    cals.push_back(MakeCalendar24x7("24x7"));
    return cals;
}

std::vector<SlaPolicy> DemoSlaPolicies() {
    return {StandardPolicy("London standard", "London office"), StandardPolicy("New York standard", "New York office")};
}

// [SECTION] Requests

std::string_view SlaPolicyNameFor(std::string_view requester_time_zone) {
    return requester_time_zone.substr(0, 8) == "America/" ? "New York standard" : "London standard";
}

SlaState::Phase RunningSlaPhase(const std::vector<SlaPolicy>& policies, const std::vector<BusinessCalendar>& calendars,
                                std::string_view policy_name, Priority priority, SlaKind kind, Timestamp due_at,
                                Timestamp now) {
    if (due_at <= 0) return SlaState::running;
    if (due_at <= now) return SlaState::breached;
    const SlaPolicy* policy = nullptr;
    for (const SlaPolicy& p : policies)
        if (p.name == policy_name) policy = &p;
    if (!policy) return SlaState::running;
    const BusinessCalendar* cal = FindCalendar(calendars, SlaCalendarFor(*policy, priority));
    if (!cal) return SlaState::running;
    const std::int64_t target = SlaTargetMs(*policy, priority, kind, *cal);
    if (target <= 0) return SlaState::running;
    const std::int64_t left = BusinessTimeBetween(*cal, now, due_at);
    // Elapsed = target - left; warning once elapsed * 100 >= target * warning_percent.
    return (target - left) * 100 >= target * policy->warning_percent ? SlaState::warning : SlaState::running;
}

SlaDueTimes RequestDueTimes(const std::vector<SlaPolicy>& policies, const std::vector<BusinessCalendar>& calendars,
                            const Request& request, const std::vector<std::pair<Timestamp, Timestamp>>& pauses,
                            Timestamp now) {
    SlaDueTimes out;
    const SlaPolicy* policy = nullptr;
    for (const SlaPolicy& p : policies)
        if (p.name == request.sla_policy) policy = &p;
    if (!policy) return out;
    const BusinessCalendar* cal = FindCalendar(calendars, SlaCalendarFor(*policy, request.priority));
    if (!cal) return out;
    auto due = [&](SlaKind kind, bool no_clock) -> Timestamp {
        if (no_clock) return 0;
        const std::int64_t target = SlaTargetMs(*policy, request.priority, kind, *cal);
        if (target <= 0) return 0;
        SlaClockInput input;
        input.started = request.created_at;
        input.paused = pauses;
        const SlaState state = EvaluateSla(*cal, target, input, now, policy->warning_percent);
        if (state.phase == SlaState::paused || state.due_at == kNever) return 0;
        return state.due_at;
    };
    const bool open = IsOpenStatus(request.status);
    out.first_response = due(SlaKind::first_response, request.first_response_at != 0 || !open);
    out.resolution = due(SlaKind::resolution, !open || request.status == Status::pending);
    return out;
}

}  // namespace spoc
