// Time as plain integers: Timestamp is milliseconds since the Unix epoch, UTC. Pure conversions
// to and from ISO-8601 text and calendar dates; nothing here reads a clock (callers pass "now").
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace spoc {

using Timestamp = std::int64_t; // ms since 1970-01-01T00:00:00Z
inline constexpr std::int64_t kMsPerMinute = 60000;
inline constexpr std::int64_t kMsPerHour = 3600000;
inline constexpr std::int64_t kMsPerDay = 86400000;

struct CivilDate {
    int year = 1970, month = 1, day = 1;
};

std::int64_t DaysFromCivil(int year, int month, int day);   // days since 1970-01-01 (proleptic Gregorian)
CivilDate CivilFromDays(std::int64_t days);                  // inverse of DaysFromCivil
bool IsValidDate(int year, int month, int day);              // real calendar date, year 1900..9999
bool ParseDate(std::string_view text, CivilDate* out);       // strict "YYYY-MM-DD"
std::string FormatDate(const CivilDate& date);               // "YYYY-MM-DD"
std::string FormatIso8601(Timestamp ts);                     // "2026-11-23T13:05:09.123Z"
bool ParseIso8601(std::string_view text, Timestamp* out);    // accepts ...Z or ±HH:MM offset, optional fraction
std::string FormatRelative(Timestamp ts, Timestamp now);     // "just now", "5 min ago", "3 h ago", "2 days ago", else date

}  // namespace spoc
