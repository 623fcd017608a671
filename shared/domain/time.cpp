// Calendar arithmetic (Howard Hinnant's civil-days algorithms) and ISO-8601 text for Timestamp.
#include "shared/domain/time.h"

#include <algorithm>
#include <cstdio>

#include "shared/domain/i18n.h"

namespace spoc {

std::int64_t DaysFromCivil(int y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

CivilDate CivilFromDays(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return CivilDate{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

static bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool IsValidDate(int y, int m, int d) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
    const int max_day = kDays[m - 1] + (m == 2 && IsLeap(y) ? 1 : 0);
    return d <= max_day;
}

static bool ReadDigits(std::string_view text, size_t pos, size_t count, int* out) {
    if (pos + count > text.size()) return false;
    int value = 0;
    for (size_t i = 0; i < count; ++i) {
        const char c = text[pos + i];
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    *out = value;
    return true;
}

bool ParseDate(std::string_view text, CivilDate* out) {
    int y, m, d;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    if (!ReadDigits(text, 0, 4, &y) || !ReadDigits(text, 5, 2, &m) || !ReadDigits(text, 8, 2, &d)) return false;
    if (!IsValidDate(y, m, d)) return false;
    *out = CivilDate{y, m, d};
    return true;
}

std::string FormatDate(const CivilDate& date) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buf;
}

static std::int64_t FloorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

std::string FormatIso8601(Timestamp ts) {
    const std::int64_t days = FloorDiv(ts, 86400000);
    const std::int64_t ms_of_day = ts - days * 86400000;
    const CivilDate date = CivilFromDays(days);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", date.year, date.month, date.day,
                  static_cast<int>(ms_of_day / 3600000), static_cast<int>(ms_of_day / 60000 % 60),
                  static_cast<int>(ms_of_day / 1000 % 60), static_cast<int>(ms_of_day % 1000));
    return buf;
}

bool ParseIso8601(std::string_view text, Timestamp* out) {
    CivilDate date;
    if (text.size() < 20 || !ParseDate(text.substr(0, 10), &date)) return false;
    if (text[10] != 'T' && text[10] != 't' && text[10] != ' ') return false;
    int hh, mm, ss;
    if (!ReadDigits(text, 11, 2, &hh) || text[13] != ':' || !ReadDigits(text, 14, 2, &mm) || text[16] != ':' ||
        !ReadDigits(text, 17, 2, &ss))
        return false;
    if (hh > 23 || mm > 59 || ss > 60) return false;
    size_t pos = 19;
    int millis = 0;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        int digits = 0;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            if (digits < 3) millis = millis * 10 + (text[pos] - '0');
            ++digits;
            ++pos;
        }
        if (digits == 0 || digits > 9) return false;
        for (; digits < 3; ++digits) millis *= 10;
    }
    int offset_minutes = 0;
    if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z')) {
        ++pos;
    } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
        int oh, om;
        if (!ReadDigits(text, pos + 1, 2, &oh) || pos + 3 >= text.size() || text[pos + 3] != ':' ||
            !ReadDigits(text, pos + 4, 2, &om) || oh > 23 || om > 59)
            return false;
        offset_minutes = (oh * 60 + om) * (text[pos] == '-' ? -1 : 1);
        pos += 6;
    } else {
        return false;
    }
    if (pos != text.size()) return false;
    const std::int64_t days = DaysFromCivil(date.year, date.month, date.day);
    *out = ((days * 86400 + hh * 3600 + mm * 60 + ss) - offset_minutes * 60) * 1000 + millis;
    return true;
}

std::string FormatRelative(Timestamp ts, Timestamp now) {
    const std::int64_t secs = (now - ts) / 1000;
    using i18n::Plural;
    using i18n::tr;
    // TRANSLATORS: when something happened: less than a minute ago.
    if (secs < 45) return tr("just now");
    // TRANSLATORS: when something happened; {0} is 1..59 minutes.
    if (secs < 3600) return Plural("{0} min ago", "{0} min ago", static_cast<long>(std::min<std::int64_t>((secs + 30) / 60, 59)));
    // TRANSLATORS: when something happened; {0} is 1..23 hours.
    if (secs < 86400) return Plural("{0} h ago", "{0} h ago", static_cast<long>(secs / 3600));
    // TRANSLATORS: when something happened: the day before today (24 to 48 hours ago).
    if (secs < 86400 * 2) return tr("yesterday");
    // TRANSLATORS: when something happened; {0} is 2..13 days.
    if (secs < 86400 * 14) return Plural("{0} day ago", "{0} days ago", static_cast<long>(secs / 86400));
    const CivilDate day = CivilFromDays(FloorDiv(ts, 86400000));
    return i18n::FormatDateNumeric(day.year, day.month, day.day);  // en: "2026-12-05"; de: "05.12.2026"
}

}  // namespace spoc
