// The walk-up desk's use cases (issue 12): locations, check-in at a kiosk or from the portal ("on
// my way"), the board of a location, the agent console (call, start, resolve, transfer, no-show,
// put back), the visitor's own visits (cancel, survey), and kiosks: pairing with a one-time code,
// the device credential (its own narrow scope: check in, its location's queue, public articles),
// listing and revoking. Rules come from shared/domain/walkup.h; every write is one writer job.
//
// Split by step: walkup_service.cpp (reads, check-in, console), kiosk_service.cpp (pairing, the
// kiosk credential, the demo locations).
#pragma once
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "server/app/catalog_service.h"
#include "server/app/events.h"
#include "server/storage/reader_pool.h"
#include "server/storage/walkup_repo.h"
#include "server/storage/writer.h"
#include "shared/api/walkup_dto.h"
#include "shared/domain/request.h"

namespace spoc::app {

inline constexpr std::size_t kKioskTokenBytes = 32;
inline constexpr Timestamp kPairingLifetimeMs = 10 * kMsPerMinute;
inline constexpr std::int64_t kMaxKioskClockSkewMs = 5 * kMsPerMinute;  // offline check-ins: trusted clock offset
inline constexpr int kBookingDaysAhead = 30;                               // how far ahead slots can be booked
inline constexpr Timestamp kSurveyWindowMs = 24 * kMsPerHour;            // a visit can be rated this long after it ended
inline constexpr Timestamp kKioskSurveyMs = 15 * kMsPerMinute;           // the kiosk offers a ticket for rating this long

// A paired kiosk calling the API (its cookie token resolved).
struct KioskCaller {
    std::int64_t kiosk_id = 0;
    std::int64_t location_id = 0;
    std::string name;
    std::string csrf_token;
};

struct CheckinResult {
    api::Visit visit;
    bool created = false;  // false: an existing visit (a replayed outbox entry, someone already in the queue)
};

struct StoredCheckin {  // what a check-in's write job stored (or found)
    storage::VisitRow visit;
    bool created = false;
};

struct PairingStart {
    api::KioskPairing pairing;  // the code to show
    std::string secret;         // the kiosk's pairing cookie (never stored)
};
struct PairingPoll {
    api::KioskPairing pairing;  // state pending | paired | expired
    std::string device_token;   // once paired: the kiosk's credential cookie (handed out once)
};

class WalkupService {
public:
    WalkupService(storage::ReaderPool& readers, storage::Writer& writer, CatalogService& catalog);
    // Live updates: after a committed change, Announce tells the location's staff, kiosks and the
    // visitor over the event stream (nothing without a hub).
    void SetEvents(EventHub* events) { m_events = events; }
    void Announce(const api::Visit& changed) const;

    // Locations, desks and reasons from <assets>/demo/walkup.json and demo badges, when there are
    // no locations yet; false when there were.
    Result<bool> SeedDemoIfEmpty(const std::string& assets_dir);

    // [SECTION] Reads
    Result<api::LocationList> Locations(Timestamp now);
    Result<api::Board> Board(std::int64_t location_id, Timestamp now, bool for_kiosk = false);
    Result<std::vector<api::Visit>> Console(const User& caller, std::int64_t location_id, Timestamp now);  // staff
    Result<std::vector<api::Visit>> MyVisits(const User& caller, Timestamp now);

    // [SECTION] Check-in
    // At a kiosk: the person identifies by badge, username or as a guest. An Idempotency-Key makes
    // a retried (or offline-outbox) check-in land once; offline entries also carry the kiosk's
    // clock, see walkup::MergedCheckinTime.
    Result<CheckinResult> CheckInAtKiosk(const KioskCaller& kiosk, const api::CheckinBody& body,
                                         const std::optional<std::string>& idempotency_key, Timestamp now);
    // From the portal: "I'm on my way" (en route; they keep their place once they check in at the
    // kiosk), or "I'm here" at the desk without a kiosk is done by the agent.
    Result<CheckinResult> CheckInRemote(const User& caller, std::int64_t location_id, const api::CheckinBody& body,
                                        Timestamp now);

    // [SECTION] Console and visitor actions
    // action: call | start | resolve | transfer | no_show | requeue (staff), cancel (the visitor or
    // staff), survey (the visitor, after the visit).
    Result<api::Visit> Act(const User& caller, std::int64_t visit_id, std::string_view action,
                           const api::VisitAction& body, Timestamp now);
    Result<api::Visit> CallNext(const User& caller, std::int64_t location_id, const api::VisitAction& body, Timestamp now);
    Result<api::Visit> KioskSurvey(const KioskCaller& kiosk, std::int64_t visit_id, int score, Timestamp now);

    // [SECTION] Appointments (walkup_appointments.cpp): slots of a local date with what is free,
    // booking one (capacity checked inside the write, so two people can't take the last place),
    // rescheduling; a booking is a visit in status booked until its person checks in at the kiosk.
    Result<std::vector<api::Slot>> Slots(std::int64_t location_id, std::string_view date, Timestamp now);
    Result<api::Visit> Book(const User& caller, std::int64_t location_id, const api::BookingBody& body, Timestamp now);
    Result<api::Visit> Reschedule(const User& caller, std::int64_t visit_id, Timestamp start, Timestamp now);
    // Housekeeping (a writer job): bookings not checked in kLateGraceMs after their start become
    // no-shows, so their place is released.
    static Result<int> ReleaseNoShows(storage::Database& db, Timestamp now);

    // [SECTION] Kiosks (kiosk_service.cpp)
    Result<PairingStart> StartPairing(Timestamp now);
    Result<PairingPoll> PollPairing(std::string_view secret, Timestamp now);
    Result<api::KioskDevice> PairKiosk(const User& caller, const api::PairKioskBody& body, Timestamp now);  // admin
    Result<std::vector<api::KioskDevice>> ListKiosks(const User& caller);                                  // admin
    Result<Unit> RevokeKiosk(const User& caller, std::int64_t kiosk_id, Timestamp now);                    // admin
    Result<KioskCaller> AuthenticateKiosk(std::string_view token, Timestamp now);
    Result<api::KioskDevice> KioskMe(const KioskCaller& kiosk, Timestamp now);

private:
    Result<api::WalkupLocation> LocationView(storage::Database& db, const storage::LocationRow& l, Timestamp now);
    Result<CheckinResult> Respond(const StoredCheckin& stored, Timestamp now);
    Result<StoredCheckin> OfflineGuest(storage::Database& db, const storage::LocationRow& l, api::CheckinBody b,
                                       const KioskCaller& kiosk, const std::string& idempotency_key, Timestamp at, Timestamp now);
    Result<StoredCheckin> CheckIn(storage::Database& db, const storage::LocationRow& location, const api::CheckinBody& body,
                                  const User* who, std::int64_t kiosk_id, const std::string& idempotency_key,
                                  Timestamp checked_in_at, std::string channel, Timestamp now);
    Result<api::Visit> VisitView(storage::Database& db, const storage::VisitRow& v, bool staff, Timestamp now);
    Result<Unit> FileVisitRequest(storage::Database& db, storage::VisitRow& v, const User& agent, bool resolved, Timestamp now);

    storage::ReaderPool& m_readers;
    storage::Writer& m_writer;
    CatalogService& m_catalog;
    EventHub* m_events = nullptr;
    std::mutex m_touch_mutex;                 // kiosk last_seen_at: written at most once a minute per kiosk
    std::vector<std::pair<std::int64_t, Timestamp>> m_touched;
};

}  // namespace spoc::app
