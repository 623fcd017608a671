// The walk-up desk rules of walkup.h. The log-normal helpers (conditional remaining time of a
// visit already under way) are local to this file; everything else is a direct reading of the
// header's comments.
#include "shared/domain/walkup.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>

#include "shared/domain/i18n.h"
#include "shared/domain/limits.h"
#include "shared/domain/survey.h"
#include "shared/domain/text.h"

namespace spoc::walkup {

using i18n::Plural;
using i18n::tr;
using i18n::trc;

// ---------------------------------------------------------------------------------------------
// [SECTION] Visits
// ---------------------------------------------------------------------------------------------

namespace {

struct StatusName {
    VisitStatus status;
    std::string_view name;
};
constexpr StatusName kStatusNames[] = {
    {VisitStatus::booked, "booked"},           {VisitStatus::en_route, "en_route"},
    {VisitStatus::waiting, "waiting"},         {VisitStatus::called, "called"},
    {VisitStatus::in_service, "in_service"},   {VisitStatus::resolved, "resolved"},
    {VisitStatus::transferred, "transferred"}, {VisitStatus::no_show, "no_show"},
    {VisitStatus::cancelled, "cancelled"},
};

}  // namespace

std::string_view VisitStatusName(VisitStatus s) {
    for (const StatusName& entry : kStatusNames)
        if (entry.status == s) return entry.name;
    return "waiting";
}

bool ParseVisitStatus(std::string_view name, VisitStatus* out) {
    for (const StatusName& entry : kStatusNames)
        if (entry.name == name) {
            *out = entry.status;
            return true;
        }
    return false;
}

bool CanMove(VisitStatus from, VisitStatus to) {
    using S = VisitStatus;
    switch (from) {
        case S::booked:
            return to == S::waiting || to == S::cancelled || to == S::no_show;
        case S::en_route:
            return to == S::waiting || to == S::cancelled || to == S::no_show;
        case S::waiting:
            return to == S::called || to == S::no_show || to == S::cancelled;
        case S::called:
            return to == S::in_service || to == S::waiting || to == S::no_show;
        case S::in_service:
            return to == S::resolved || to == S::transferred;
        case S::resolved:
        case S::transferred:
        case S::no_show:
        case S::cancelled:
            return false;
    }
    return false;
}

bool IsOpen(VisitStatus s) {
    return s == VisitStatus::booked || s == VisitStatus::en_route || s == VisitStatus::waiting ||
           s == VisitStatus::called || s == VisitStatus::in_service;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Ticket numbers and board names
// ---------------------------------------------------------------------------------------------

std::string TicketNumber(char prefix, int seq) {
    const int n = (seq % 1000 + 1000) % 1000;  // negative seq still gives 000..999
    char buf[8];
    std::snprintf(buf, sizeof buf, "%c-%03d", prefix, n);
    return buf;
}

std::string OfflineTicketNumber(int n) { return "K-" + std::to_string(n); }

namespace {

bool IsAsciiSpace(std::uint32_t cp) { return cp == ' ' || (cp >= '\t' && cp <= '\r'); }

// Combining diacritics that follow a base letter ("O" + U+0308): kept with the initial so a
// decomposed "Örsted" still shows "Ö.", not a bare "O.".
bool IsCombiningMark(std::uint32_t cp) {
    return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
           (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F);
}

}  // namespace

std::string BoardName(std::string_view full_name) {
    // Words of allowed code points only: malformed bytes, controls and bidi overrides are dropped,
    // so nothing on the public board can reorder or hide the names around it.
    std::string first, last, word;
    int words = 0;
    auto end_word = [&] {
        if (word.empty()) return;
        if (++words == 1) first = word;
        last = std::move(word);
        word.clear();
    };
    for (std::size_t i = 0; i < full_name.size();) {
        const std::uint32_t cp = NextCodePoint(full_name, i);
        if (IsAsciiSpace(cp))
            end_word();
        else if (cp != kInvalidUtf8 && !IsForbiddenChar(cp, false))
            AppendUtf8(word, cp);
    }
    end_word();
    // TRANSLATORS: shown on the public queue board for a visitor who gave no name.
    if (words == 0) return trc("queue board", "Guest");
    if (words == 1) return first;

    std::size_t initial_end = 0;
    NextCodePoint(last, initial_end);
    while (initial_end < last.size()) {
        std::size_t next = initial_end;
        if (!IsCombiningMark(NextCodePoint(last, next))) break;
        initial_end = next;
    }
    return first + " " + last.substr(0, initial_end) + ".";
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Queue order
// ---------------------------------------------------------------------------------------------

Timestamp QueueTime(const QueueEntry& e) {
    if (e.appointment_at == 0) return e.checked_in_at;
    const bool on_time = e.checked_in_at <= e.appointment_at + kLateGraceMs;
    return on_time ? e.appointment_at : e.checked_in_at;
}

std::vector<std::int64_t> QueueOrder(std::vector<QueueEntry> entries) {
    std::erase_if(entries, [](const QueueEntry& e) { return e.status != VisitStatus::waiting; });
    std::sort(entries.begin(), entries.end(), [](const QueueEntry& a, const QueueEntry& b) {
        const Timestamp ta = QueueTime(a), tb = QueueTime(b);
        return ta != tb ? ta < tb : a.id < b.id;
    });
    std::vector<std::int64_t> ids;
    ids.reserve(entries.size());
    for (const QueueEntry& e : entries) ids.push_back(e.id);
    return ids;
}

int PositionOf(const std::vector<QueueEntry>& entries, std::int64_t id) {
    const std::vector<std::int64_t> order = QueueOrder(entries);
    const auto it = std::find(order.begin(), order.end(), id);
    return it == order.end() ? 0 : static_cast<int>(it - order.begin()) + 1;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Service times and waits
// ---------------------------------------------------------------------------------------------

namespace {

constexpr double kQuartileZ = 0.674;  // standard normal 75th percentile (0.6745)

struct LogNormal {
    double mu = 0, sigma = 0;  // of ln(minutes)
};

void AddSample(ServiceTimeModel::LogStats& s, double x) {
    ++s.n;
    const double delta = x - s.mean;
    s.mean += delta / s.n;
    s.m2 += delta * (x - s.mean);
}

// A spread seen with `dof` degrees of freedom (sum of squared deviations m2), shrunk toward
// `parent_sigma` as if that were kPriorWeight more.
double ShrunkSigma(double m2, double dof, double parent_sigma) {
    const double variance = (m2 + kPriorWeight * parent_sigma * parent_sigma) / (dof + kPriorWeight);
    return std::sqrt(std::max(variance, 0.0));
}

// `s` shrunk toward `parent` as if the parent were kPriorWeight extra samples. The spread counts
// the samples around their own mean (n - 1 degrees of freedom), so one sample moves the mean but
// not yet the spread.
LogNormal Shrink(const ServiceTimeModel::LogStats& s, const LogNormal& parent) {
    LogNormal out;
    out.mu = (s.n * s.mean + kPriorWeight * parent.mu) / (s.n + kPriorWeight);
    out.sigma = ShrunkSigma(s.m2, std::max(s.n - 1, 0), parent.sigma);
    return out;
}

LogNormal Prior() {
    // Mean (not median) 8 minutes: exp(mu + sigma^2 / 2) = kPriorMeanMinutes.
    return {std::log(kPriorMeanMinutes) - kPriorSigma * kPriorSigma / 2, kPriorSigma};
}

// Back from a ServiceTime's quartiles to the log-normal; sigma 0 when it has no spread.
LogNormal FromServiceTime(const ServiceTime& st) {
    if (st.low > 0 && st.high > st.low && std::isfinite(st.high))
        return {(std::log(st.low) + std::log(st.high)) / 2, std::log(st.high / st.low) / (2 * kQuartileZ)};
    return {st.mean > 0 && std::isfinite(st.mean) ? std::log(st.mean) : 0, 0};
}

double UpperTail(double z) { return 0.5 * std::erfc(z / std::sqrt(2.0)); }  // P(Z > z)

enum class Scenario { low, point, high };

// The service time a scenario assumes for one person; a ServiceTime without quartiles uses its mean.
double ScenarioMinutes(const ServiceTime& st, Scenario scenario) {
    const double mean = st.mean > 0 && std::isfinite(st.mean) ? st.mean : 0;
    const double v = scenario == Scenario::low ? st.low : scenario == Scenario::high ? st.high : mean;
    return v > 0 && std::isfinite(v) ? v : mean;
}

// Minutes left for a visit `elapsed` minutes in: the log-normal conditioned on T > elapsed (its
// mean for the point, its quartiles for low and high), minus elapsed. A visit running long is
// not about to end "any second": its remaining time grows with the tail. At least a minute.
double RemainingMinutes(const ServiceTime& st, double elapsed, Scenario scenario) {
    const double unconditional = ScenarioMinutes(st, scenario);
    if (unconditional <= 0) return 0;  // nothing known: treat the agent as free
    const LogNormal d = FromServiceTime(st);
    if (!(elapsed > 0) || d.sigma <= 0) return std::max(unconditional - std::max(elapsed, 0.0), 1.0);

    const double z_e = (std::log(elapsed) - d.mu) / d.sigma;
    const double survive = UpperTail(z_e);
    if (!(survive > 1e-300)) return 1.0;  // far past any plausible length: assume it is ending
    double total = 0;
    if (scenario == Scenario::point) {
        total = std::exp(d.mu + d.sigma * d.sigma / 2) * UpperTail(z_e - d.sigma) / survive;
    } else {
        // The conditional quartile: the z whose upper tail is (1 - q) of the tail beyond z_e,
        // found by bisection on the tail itself (exact where 1 - p would round to 0).
        const double target = (scenario == Scenario::low ? 0.75 : 0.25) * survive;
        double lo = z_e, hi = z_e + 40;
        for (int it = 0; it < 100; ++it) {
            const double mid = (lo + hi) / 2;
            (UpperTail(mid) > target ? lo : hi) = mid;
        }
        total = std::exp(d.mu + d.sigma * (lo + hi) / 2);
    }
    if (!std::isfinite(total)) return 1.0;
    return std::max(total - elapsed, 1.0);
}

// Minutes until the first agent is free for the next person, under one scenario.
double ScheduleMinutes(const WaitInput& input, Scenario scenario) {
    // Each visit under way has its agent; agents beyond everyone present would only sit idle
    // (and an absurd count must not size the vector).
    const std::size_t people = input.in_service.size() + input.ahead.size();
    const std::size_t agents =
        std::max(std::min(static_cast<std::size_t>(std::max(input.agents, 1)), people + 1), input.in_service.size());
    std::vector<double> free_at(agents, 0.0);
    for (std::size_t i = 0; i < input.in_service.size(); ++i) {
        const double elapsed = i < input.in_service_elapsed_minutes.size() ? input.in_service_elapsed_minutes[i] : 0.0;
        free_at[i] = RemainingMinutes(input.in_service[i], std::isfinite(elapsed) ? elapsed : 0.0, scenario);
    }
    for (const ServiceTime& st : input.ahead)
        *std::min_element(free_at.begin(), free_at.end()) += ScenarioMinutes(st, scenario);
    return *std::min_element(free_at.begin(), free_at.end());
}

int ToMinutes(double minutes) {
    constexpr double kCap = 1e7;  // about 19 years: keeps the int conversion defined
    return static_cast<int>(std::clamp(minutes, 0.0, kCap));
}

}  // namespace

void ServiceTimeModel::Add(std::string_view location, std::string_view reason, double minutes) {
    if (!(minutes > 0) || !std::isfinite(minutes)) return;  // also NaN
    const double x = std::log(minutes);
    auto loc = m_locations.find(location);
    if (loc == m_locations.end()) loc = m_locations.emplace(std::string(location), Location{}).first;
    auto stats = loc->second.by_reason.find(reason);
    if (stats == loc->second.by_reason.end())
        stats = loc->second.by_reason.emplace(std::string(reason), LogStats{}).first;
    AddSample(loc->second.all, x);
    AddSample(stats->second, x);
}

ServiceTime ServiceTimeModel::Expected(std::string_view location, std::string_view reason) const {
    LogNormal d = Prior();
    int samples = 0;
    if (const auto loc = m_locations.find(location); loc != m_locations.end()) {
        // An unknown reason gets the location's whole spread (a mix of every reason) ...
        const LogNormal global = d;
        d = Shrink(loc->second.all, global);
        if (const auto stats = loc->second.by_reason.find(reason); stats != loc->second.by_reason.end()) {
            // ... a known one the location's mean, but the spread within reasons: pooling the
            // spread between "password" and "laptop" would blur every reason's range.
            double m2 = 0, dof = 0;
            for (const auto& [name, r] : loc->second.by_reason) {
                m2 += r.m2;
                dof += std::max(r.n - 1, 0);
            }
            d.sigma = ShrunkSigma(m2, dof, global.sigma);
            d = Shrink(stats->second, d);
            samples = stats->second.n;
        }
    }
    ServiceTime out;
    out.mean = std::exp(d.mu + d.sigma * d.sigma / 2);
    out.low = std::exp(d.mu - kQuartileZ * d.sigma);
    out.high = std::exp(d.mu + kQuartileZ * d.sigma);
    out.samples = samples;
    return out;
}

WaitRange EstimateWait(const WaitInput& input) {
    const double low = ScheduleMinutes(input, Scenario::low);
    const double point = ScheduleMinutes(input, Scenario::point);
    const double high = ScheduleMinutes(input, Scenario::high);
    // With a wide spread (sigma > 1.35) a log-normal's mean passes its 75th percentile: the range
    // still contains the point.
    WaitRange out;
    out.low = ToMinutes(std::floor(std::min(low, point)));
    out.high = ToMinutes(std::ceil(std::max(high, point)));
    out.point = std::clamp(ToMinutes(std::round(point)), out.low, out.high);
    return out;
}

int NaiveWait(int position_ahead, double average_minutes) {
    if (position_ahead <= 0 || !(average_minutes > 0)) return 0;
    return ToMinutes(std::round(position_ahead * average_minutes));
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Slots
// ---------------------------------------------------------------------------------------------

namespace {

// The instant opening hours start or end at `minute` of local `day`, as sla.cpp reads business
// hours: the first occurrence in a fall-back overlap, the switch itself for a wall time in the
// spring-forward gap (LocalToUtc would move it forward by the gap instead).
Timestamp OpeningInstant(const TimeZoneRule& zone, std::int64_t day, int minute) {
    const std::int64_t local = day * kMsPerDay + minute * kMsPerMinute;
    const Timestamp t = LocalToUtc(zone, CivilFromDays(day), minute);
    if (t + UtcOffsetMinutes(zone, t) * kMsPerMinute == local) return t;  // the wall time exists
    // In the gap: t used the offset from before the switch, so the switch lies in (t - gap, t].
    Timestamp lo = t - zone.dst_shift_minutes * kMsPerMinute, hi = t;
    const int before = UtcOffsetMinutes(zone, lo);
    if (before == UtcOffsetMinutes(zone, hi)) return t;  // not a gap after all (a rule we do not know)
    while (hi - lo > 1) {
        const Timestamp mid = lo + (hi - lo) / 2;
        (UtcOffsetMinutes(zone, mid) == before ? lo : hi) = mid;
    }
    return hi;
}

}  // namespace

Result<BusinessCalendar> OpeningCalendar(std::string_view key, std::string_view time_zone, std::string_view hours) {
    std::string text = "name: ";
    text.append(key).append("\ntime_zone: ").append(time_zone).append("\n").append(hours).append("\n");
    return ParseBusinessCalendar(text);
}

std::vector<Interval> HoursOn(const BusinessCalendar& opening, CivilDate local_date) {
    if (!IsValidDate(local_date.year, local_date.month, local_date.day) || IsHoliday(opening, local_date)) return {};
    return opening.week[static_cast<std::size_t>(WeekdayFromDays(DaysFromCivil(local_date.year, local_date.month, local_date.day)))];
}

std::vector<int> OpenDaysAhead(const BusinessCalendar& opening, Timestamp now, int search_days, int max_days) {
    std::vector<int> days;
    const LocalDateTime local = UtcToLocal(opening.zone, now);
    const std::int64_t today = DaysFromCivil(local.date.year, local.date.month, local.date.day);
    const int minute_now = local.ms_of_day / 60000;
    for (int i = 0; i < search_days && static_cast<int>(days.size()) < max_days; ++i) {
        const std::vector<Interval> hours = HoursOn(opening, CivilFromDays(today + i));
        if (!hours.empty() && (i > 0 || hours.back().end_minute > minute_now)) days.push_back(i);  // today: not closed yet
    }
    return days;
}

std::vector<Timestamp> DaySlots(const BusinessCalendar& opening, CivilDate local_date, const SlotRule& rule) {
    std::vector<Timestamp> slots;
    if (rule.slot_minutes <= 0 || !IsValidDate(local_date.year, local_date.month, local_date.day)) return slots;
    if (IsHoliday(opening, local_date)) return slots;
    const std::int64_t day = DaysFromCivil(local_date.year, local_date.month, local_date.day);
    const std::int64_t slot_ms = rule.slot_minutes * kMsPerMinute;
    for (const Interval& iv : opening.week[static_cast<std::size_t>(WeekdayFromDays(day))]) {
        if (iv.start_minute < 0 || iv.end_minute > 1440 || iv.end_minute <= iv.start_minute) continue;
        const Timestamp end = OpeningInstant(opening.zone, day, iv.end_minute);
        for (Timestamp t = OpeningInstant(opening.zone, day, iv.start_minute); t + slot_ms <= end; t += slot_ms)
            slots.push_back(t);
    }
    // A calendar that skipped CompileBusinessCalendar may list intervals unsorted or overlapping.
    std::sort(slots.begin(), slots.end());
    slots.erase(std::unique(slots.begin(), slots.end()), slots.end());
    return slots;
}

bool IsSlotStart(const BusinessCalendar& opening, CivilDate local_date, const SlotRule& rule, Timestamp t) {
    const std::vector<Timestamp> slots = DaySlots(opening, local_date, rule);
    return std::binary_search(slots.begin(), slots.end(), t);
}

bool HasRoom(int booked_in_slot, const SlotRule& rule) { return booked_in_slot < rule.capacity; }

// ---------------------------------------------------------------------------------------------
// [SECTION] Kiosk
// ---------------------------------------------------------------------------------------------

namespace {

// Kiosk clocks and stored times are untrusted input: saturate instead of overflowing.
std::int64_t SaturatingAdd(std::int64_t a, std::int64_t b) {
    std::int64_t r = 0;
    if (__builtin_add_overflow(a, b, &r))
        return b > 0 ? std::numeric_limits<std::int64_t>::max() : std::numeric_limits<std::int64_t>::min();
    return r;
}

std::int64_t SaturatingSub(std::int64_t a, std::int64_t b) {
    std::int64_t r = 0;
    if (__builtin_sub_overflow(a, b, &r))
        return a > b ? std::numeric_limits<std::int64_t>::max() : std::numeric_limits<std::int64_t>::min();
    return r;
}

}  // namespace

Timestamp MergedCheckinTime(Timestamp local_checked_in_at, Timestamp kiosk_now, Timestamp server_now,
                            std::int64_t max_skew_ms) {
    const std::int64_t bound = std::max<std::int64_t>(max_skew_ms, 0);
    const std::int64_t offset = std::clamp(SaturatingSub(server_now, kiosk_now), -bound, bound);
    return std::min(SaturatingAdd(local_checked_in_at, offset), server_now);
}

std::vector<std::size_t> OutboxOrder(const std::vector<Timestamp>& local_times) {
    std::vector<std::size_t> order(local_times.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return local_times[a] < local_times[b]; });
    return order;
}

bool LooksLikeScan(const std::vector<Timestamp>& key_times_ms, std::string_view typed) {
    if (typed.size() < 4) return false;
    for (const char c : typed)
        if (c < '!' || c > '~') return false;  // printable ASCII, no space
    // One time per character, plus Enter's: other counts mean the times are not for this text
    // (a paste, an autofill) and cannot show a scan.
    if (key_times_ms.size() != typed.size() && key_times_ms.size() != typed.size() + 1) return false;
    std::vector<std::int64_t> gaps;
    gaps.reserve(key_times_ms.size());
    for (std::size_t i = 1; i < key_times_ms.size(); ++i) {
        const std::int64_t gap = SaturatingSub(key_times_ms[i], key_times_ms[i - 1]);
        if (gap < 0 || gap > kScanMaxGapMs) return false;  // out of order, or a human pause
        gaps.push_back(gap);
    }
    std::sort(gaps.begin(), gaps.end());
    const std::size_t n = gaps.size();
    const double median = n % 2 ? static_cast<double>(gaps[n / 2]) : (gaps[n / 2 - 1] + gaps[n / 2]) / 2.0;
    return median <= kScanMedianGapMs;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Validation
// ---------------------------------------------------------------------------------------------

namespace {

bool IsKey(std::string_view s) {
    if (s.empty() || s.size() > kMaxKey) return false;
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

bool IsPrintableAscii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= ' ' && c <= '~'; });
}

}  // namespace

std::vector<FieldError> ValidateCheckin(const CheckinInput& in) {
    std::vector<FieldError> errors;
    // Keys come from the kiosk's pickers, so a malformed one is a stale or hand-made request.
    if (Trim(in.location).empty())
        errors.push_back({"location", tr("Choose a location.")});
    else if (!IsKey(in.location))
        errors.push_back({"location", tr("Choose one of the listed locations.")});
    if (Trim(in.reason).empty())
        errors.push_back({"reason", tr("Choose a reason for your visit.")});
    else if (!IsKey(in.reason))
        errors.push_back({"reason", tr("Choose one of the listed reasons.")});

    const std::string_view note = Trim(in.note);
    if (std::string problem = PlainTextProblemAs(note, false, tr("The note can't contain {0}.")); !problem.empty())
        errors.push_back({"note", std::move(problem)});
    else if (Utf8Length(note) > kMaxNote)
        errors.push_back({"note", Plural("Keep the note to {0} character.", "Keep the note to {0} characters.",
                                         static_cast<long>(kMaxNote))});

    const std::string_view guest_name = Trim(in.guest_name);
    if (std::string problem = PlainTextProblemAs(guest_name, false, tr("The name can't contain {0}."));
        !problem.empty())
        errors.push_back({"guest_name", std::move(problem)});
    else if (Utf8Length(guest_name) > kMaxGuestName)
        errors.push_back({"guest_name", Plural("Keep the name to {0} character.", "Keep the name to {0} characters.",
                                               static_cast<long>(kMaxGuestName))});

    const std::string_view badge = Trim(in.badge);
    if (!IsPrintableAscii(badge))
        errors.push_back(
            {"badge", tr("A badge number can only contain unaccented letters, digits, spaces and punctuation.")});
    else if (badge.size() > kMaxBadge)
        errors.push_back({"badge", Plural("Keep the badge number to {0} character.",
                                          "Keep the badge number to {0} characters.", static_cast<long>(kMaxBadge))});

    const std::string_view username = Trim(in.username);
    if (std::string problem = PlainTextProblemAs(username, false, tr("The username can't contain {0}."));
        !problem.empty())
        errors.push_back({"username", std::move(problem)});
    else if (username.size() > limits::kMaxUsername)
        errors.push_back({"username", tr("That username is too long.")});

    const int identities = !badge.empty() + !username.empty() + !guest_name.empty();
    if (identities > 1)
        // TRANSLATORS: the kiosk identifies a visitor by one of these; the signed-in session counts when none is given.
        errors.push_back({"identity", tr("Give a badge, a username or a name, not more than one.")});
    return errors;
}

std::vector<FieldError> ValidateKioskCheckin(const CheckinInput& input) {
    std::vector<FieldError> errors = ValidateCheckin(input);
    if (Trim(input.badge).empty() && Trim(input.username).empty() && Trim(input.guest_name).empty())
        errors.insert(errors.begin(), {"identity", tr("Scan your badge, enter your username or give your name.")});
    return errors;
}

std::vector<FieldError> ValidateSurveyScore(int score) { return survey::ValidateScore(score); }

std::vector<FieldError> ValidateOutcomeNote(std::string_view note) {
    if (Utf8Length(note) <= limits::kMaxResolutionNote && IsPlainText(note, true)) return {};
    return {{"note", tr("Keep the note to plain text of at most 4000 characters.")}};
}

}  // namespace spoc::walkup
