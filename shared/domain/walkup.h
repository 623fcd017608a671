// The walk-up IT desk (kiosk check-in, queue board, agent console), shared by the server and the
// browser: the visit lifecycle, ticket numbers, the privacy-safe board name, queue order with
// appointments, a log-normal service-time model and multi-agent wait estimate, appointment slots
// on a business calendar, the kiosk's offline outbox, badge-scan detection and check-in validation.
// Pure and deterministic: every instant ("now", key times, clock readings) is an argument.
//
// Index: [SECTION] Visits  [SECTION] Ticket numbers and board names  [SECTION] Queue order
//        [SECTION] Service times and waits  [SECTION] Slots  [SECTION] Kiosk  [SECTION] Validation
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "shared/domain/result.h"
#include "shared/domain/sla.h"
#include "shared/domain/time.h"

namespace spoc::walkup {

// ---------------------------------------------------------------------------------------------
// [SECTION] Visits
//   booked -> waiting (checked in against the appointment) | cancelled | no_show
//   en_route -> waiting | cancelled | no_show          (said "on my way" from a phone)
//   waiting -> called | no_show | cancelled
//   called -> in_service | waiting (put back: did not come, agent pulled away) | no_show
//   in_service -> resolved | transferred               (handed to a ticket or another team)
//   resolved, transferred, no_show, cancelled are final.
// ---------------------------------------------------------------------------------------------

enum class VisitStatus { booked, en_route, waiting, called, in_service, resolved, transferred, no_show, cancelled };

std::string_view VisitStatusName(VisitStatus s);                 // wire name: "en_route", "in_service"...
bool ParseVisitStatus(std::string_view name, VisitStatus* out);  // inverse of VisitStatusName; false if unknown
bool CanMove(VisitStatus from, VisitStatus to);                  // the moves above; never to the same status
bool IsOpen(VisitStatus s);                                      // booked, en_route, waiting, called, in_service

// ---------------------------------------------------------------------------------------------
// [SECTION] Ticket numbers and board names
// ---------------------------------------------------------------------------------------------

std::string TicketNumber(char prefix, int seq);  // ('A', 42) -> "A-042"; seq modulo 1000 (1000 -> "A-000")
std::string OfflineTicketNumber(int n);          // 3 -> "K-3": the kiosk's own series while offline
// What the public queue board shows for a person: first word + the first code point of the last
// word (with any combining accents on it) + "." ("Émile Ørsted" -> "Émile Ø."); one word as is;
// blank -> "Guest" (translated). Words are split on ASCII whitespace; malformed bytes, controls
// and bidi overrides are dropped. Never more of the name than that.
std::string BoardName(std::string_view full_name);

// ---------------------------------------------------------------------------------------------
// [SECTION] Queue order
// People with an appointment who check in on time (early, or at most kLateGraceMs late) queue at
// their appointment instant: they wait for their slot, and keep it when a little late. Later than
// that they queue as walk-ins, from when they checked in.
// ---------------------------------------------------------------------------------------------

inline constexpr std::int64_t kLateGraceMs = 10 * kMsPerMinute;

struct QueueEntry {
    std::int64_t id = 0;
    VisitStatus status = VisitStatus::waiting;
    Timestamp checked_in_at = 0;
    Timestamp appointment_at = 0;  // 0 = walk-in
};

Timestamp QueueTime(const QueueEntry& e);                               // the instant the entry queues at
std::vector<std::int64_t> QueueOrder(std::vector<QueueEntry> entries);  // ids of waiting entries, by QueueTime then id
int PositionOf(const std::vector<QueueEntry>& entries, std::int64_t id);  // 1-based in QueueOrder; 0 if not waiting

// ---------------------------------------------------------------------------------------------
// [SECTION] Service times and waits
// Service times are log-normal (most visits are short, a few take long): the model keeps the
// mean and variance of ln(minutes) per location and per (location, reason), and shrinks sparse
// estimates toward the location's, then toward a global prior, with kPriorWeight pseudo-samples
// at each level. A reason's spread is shrunk toward the spread within the location's reasons
// (not the location's total, which mixes quick and slow reasons); an unknown reason gets the total.
// ---------------------------------------------------------------------------------------------

inline constexpr double kPriorMeanMinutes = 8.0;  // global prior: an unknown desk's mean visit
inline constexpr double kPriorSigma = 0.6;        // global prior: sigma of ln(minutes)
inline constexpr double kPriorWeight = 5.0;       // pseudo-samples each level of the prior counts as

struct ServiceTime {
    double mean = 0, low = 0, high = 0;  // minutes; low/high ~ 25th/75th percentile
    int samples = 0;                     // observations of this exact (location, reason)
};

class ServiceTimeModel {
public:
    void Add(std::string_view location, std::string_view reason, double minutes);    // minutes <= 0 or NaN ignored
    ServiceTime Expected(std::string_view location, std::string_view reason) const;  // prior when nothing is known

    struct LogStats {  // running mean and variance of ln(minutes) (Welford)
        int n = 0;
        double mean = 0, m2 = 0;
    };

private:
    struct Location {
        LogStats all;
        std::map<std::string, LogStats, std::less<>> by_reason;
    };
    std::map<std::string, Location, std::less<>> m_locations;
};

// What the wait of the next person to join depends on, at one location.
struct WaitInput {
    std::vector<ServiceTime> ahead;                  // expected service of each waiting person ahead, in queue order
    std::vector<double> in_service_elapsed_minutes;  // people being served now: minutes so far...
    std::vector<ServiceTime> in_service;             // ...and their expected service (same length)
    int agents = 1;                                  // agents serving at the location now; < 1 counts as 1
};

struct WaitRange {
    int low = 0, high = 0, point = 0;  // whole minutes; low <= point <= high
};

// A multi-agent schedule: each busy agent frees up when their visitor's remaining time is over
// (log-normal conditioned on the time already spent, at least 1 minute), idle agents are free
// now, and each person ahead goes to the earliest-free agent. The wait is when the first agent
// is free after all of them. Run with the 25th percentile, mean and 75th percentile service
// times for low, point and high (low rounded down, high up).
WaitRange EstimateWait(const WaitInput& input);
int NaiveWait(int position_ahead, double average_minutes);  // position * average: the baseline a bench compares with

// ---------------------------------------------------------------------------------------------
// [SECTION] Slots
// Appointment slots of a local date: consecutive slot_minutes from the start of each opening
// interval, each wholly inside it, as real instants (a 00:00-04:00 night desk has 3 h of slots on
// the spring-forward day, 5 h on the fall-back one). Interval ends in a DST gap are read as the
// business hours of sla.h read them (at the switch), so every slot lies in IsBusinessTime.
// ---------------------------------------------------------------------------------------------

struct SlotRule {
    int slot_minutes = 15;
    int capacity = 2;  // visits bookable per slot
};

std::vector<Timestamp> DaySlots(const BusinessCalendar& opening, CivilDate local_date,
                                const SlotRule& rule);  // sorted; none on holidays
bool IsSlotStart(const BusinessCalendar& opening, CivilDate local_date, const SlotRule& rule, Timestamp t);
bool HasRoom(int booked_in_slot, const SlotRule& rule);  // booked_in_slot < capacity

// A location's opening hours: its `hours` text (the sla.h calendar lines, "mon-fri: 08:30-17:30")
// in its IANA zone, compiled as a business calendar. The server and the browser both read it so.
Result<BusinessCalendar> OpeningCalendar(std::string_view key, std::string_view time_zone, std::string_view hours);
// The opening intervals of a local date: none on closed weekdays and holidays.
std::vector<Interval> HoursOn(const BusinessCalendar& opening, CivilDate local_date);
// The days ahead of now's local date (0 = today) with opening hours still to come: today counts
// only before its last closing. The first `max_days` of the next `search_days`.
std::vector<int> OpenDaysAhead(const BusinessCalendar& opening, Timestamp now, int search_days, int max_days);

// ---------------------------------------------------------------------------------------------
// [SECTION] Kiosk
// ---------------------------------------------------------------------------------------------

// A check-in the kiosk stored while offline, on the server's clock: the kiosk time moved by the
// offset (server_now - kiosk_now) measured at sync, clamped to +/- max_skew_ms (a clock that far
// off is not trusted further), and never later than server_now.
Timestamp MergedCheckinTime(Timestamp local_checked_in_at, Timestamp kiosk_now, Timestamp server_now,
                            std::int64_t max_skew_ms);
std::vector<std::size_t> OutboxOrder(const std::vector<Timestamp>& local_times);  // indices, by local time (stable)

// A USB badge reader types fast then Enter; people do not. True when `typed` has at least 4
// characters, all printable ASCII without spaces, there is a key time per character (Enter's may
// follow), and the gaps between keys have a median <= kScanMedianGapMs and a maximum <= kScanMaxGapMs.
inline constexpr double kScanMedianGapMs = 35;
inline constexpr std::int64_t kScanMaxGapMs = 120;
bool LooksLikeScan(const std::vector<Timestamp>& key_times_ms, std::string_view typed);

// ---------------------------------------------------------------------------------------------
// [SECTION] Validation
// The browser checks as the visitor types, the server before saving; both call this.
// ---------------------------------------------------------------------------------------------

inline constexpr std::size_t kMaxKey = 40;        // location and reason keys: [a-z0-9-]
inline constexpr std::size_t kMaxNote = 280;      // code points, one line
inline constexpr std::size_t kMaxGuestName = 80;  // code points, one line
inline constexpr std::size_t kMaxBadge = 64;      // printable ASCII

struct CheckinInput {
    std::string location;    // location key, "hq-desk"
    std::string reason;      // reason key, "password"
    std::string note;        // optional, one line
    std::string guest_name;  // identity 1: a visitor without an account
    std::string badge;       // identity 2: a scanned or typed badge number
    std::string username;    // identity 3: an employee's username
};

// Field keys: "location", "reason", "note", "guest_name", "badge", "username", and "identity"
// when more than one of badge / username / guest_name is given (none: the session identifies).
// Text fields are checked trimmed, as they are saved.
std::vector<FieldError> ValidateCheckin(const CheckinInput& input);
// At a kiosk nobody is signed in, so one identity is required: ValidateCheckin, plus "identity"
// (first) when badge, username and guest name are all blank.
std::vector<FieldError> ValidateKioskCheckin(const CheckinInput& input);

// After the visit. The survey is the requests' one (survey.h): a score of 1 (very poor) to 5
// (excellent), "score", checked by survey::ValidateScore. The agent's
// note when resolving or handing over a visit is plain text of at most limits::kMaxResolutionNote
// code points: "note". Each returns an empty list when the input is fine.
inline constexpr int kMinSurveyScore = 1;
inline constexpr int kMaxSurveyScore = 5;
std::vector<FieldError> ValidateSurveyScore(int score);
std::vector<FieldError> ValidateOutcomeNote(std::string_view note);

}  // namespace spoc::walkup
