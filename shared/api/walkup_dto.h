// Wire shapes of the walk-up desk (issue 12): locations and visit reasons, check-ins from a kiosk or
// the portal, a visit as the requester, the kiosk, the board and the agent console see it, the
// board of a location, and kiosk pairing. The server encodes them, the browser decodes them with
// the same code; rules (statuses, queue order, estimates) are in shared/domain/walkup.h.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "shared/domain/result.h"
#include "shared/domain/time.h"
#include "shared/domain/walkup.h"

namespace spoc::api {

struct WalkupDesk {
    std::int64_t id = 0;
    std::string name;  // "Desk 2"
};

struct WalkupReason {
    std::string key;    // "password"
    std::string label;  // "Password or MFA" (in the reader's language)
};

struct WaitEstimate {
    int low = 0, high = 0;  // minutes
};

struct WalkupLocation {
    std::int64_t id = 0;
    std::string key;        // "london-hq"
    std::string name;       // "London HQ IT Bar"
    std::string prefix;     // "A"
    std::string time_zone;  // "Europe/London"
    std::string hours;      // "mon-fri: 09:00-17:00" (the opening hours, as configured)
    bool open_now = false;
    std::vector<WalkupDesk> desks;
    int waiting = 0;        // people waiting now
    WaitEstimate wait;      // for someone checking in now
};

// One visit. Employees and kiosks get what they may see of it (see the route docs): the board
// name only, never another person's full name or note.
struct Visit {
    std::int64_t id = 0;
    std::int64_t location_id = 0;
    std::string ticket;          // "A-042"
    walkup::VisitStatus status = walkup::VisitStatus::waiting;
    std::string channel;         // kiosk | remote | appointment | offline
    std::string reason;          // key
    std::string reason_label;
    std::string note;            // the visitor's sentence (staff, and the visitor themself)
    std::string board_name;      // "Emma J."
    std::string name;            // full name (staff only)
    std::int64_t user_id = 0;    // 0 = guest
    Timestamp checked_in_at = 0, called_at = 0, started_at = 0, ended_at = 0, appointment_at = 0;
    std::string desk;            // "Desk 2" once called
    std::int64_t desk_id = 0;
    std::string agent_name;      // staff only
    int position = 0;            // 1-based while waiting, else 0
    WaitEstimate wait;           // while waiting
    std::int64_t request_id = 0; // the walk-up request filed when it ended
    bool first_contact = false;
    std::string outcome_note;
    int csat = 0;
    int version = 1;
};
std::string EncodeVisit(const Visit& v);
Result<Visit> DecodeVisit(std::string_view body);
std::string EncodeVisitList(const std::vector<Visit>& visits);  // {"items":[...]}
Result<std::vector<Visit>> DecodeVisitList(std::string_view body);

std::string EncodeLocationList(const std::vector<WalkupLocation>& locations, const std::vector<WalkupReason>& reasons);
struct LocationList {
    std::vector<WalkupLocation> locations;
    std::vector<WalkupReason> reasons;
};
Result<LocationList> DecodeLocationList(std::string_view body);

// POST .../checkins. Offline outbox entries also carry the kiosk's local check-in time and the
// kiosk's clock when it sent them (walkup::MergedCheckinTime), with an Idempotency-Key header.
struct CheckinBody {
    walkup::CheckinInput input;  // location is the path's for the portal route, the kiosk's own for a kiosk
    bool appointment = false;    // "I have an appointment": check in against today's booking
    Timestamp local_checked_in_at = 0;  // offline: when the person checked in, by the kiosk's clock
    Timestamp kiosk_now = 0;            // offline: the kiosk's clock as it sent this
};
std::string EncodeCheckinBody(const CheckinBody& b);
Result<CheckinBody> DecodeCheckinBody(std::string_view body);

// The queue board of one location (a TV): now serving and the next people, by ticket and board
// name only.
struct BoardEntry {
    std::string ticket;
    std::string board_name;
    std::string desk;            // now serving: where to go
    std::int64_t visit_id = 0;   // just served (kiosk only): the visit a tap rates
};
struct Board {
    std::int64_t location_id = 0;
    std::string location_name;
    std::vector<BoardEntry> serving;  // called or in service, most recent call first
    std::vector<BoardEntry> next;     // waiting, in queue order (at most 10)
    int waiting = 0;
    WaitEstimate wait;
    std::vector<BoardEntry> just_served;  // a kiosk's board only: tickets served lately, not rated yet (ticket, visit_id)
};
std::string EncodeBoard(const Board& b);
Result<Board> DecodeBoard(std::string_view body);

// Agent console actions: POST /walkup/visits/{id}/{action} with
// {"desk_id":N} (call, transfer to a desk), {"note":"...","first_contact":true} (resolve),
// {"to":"back_office","note":"..."} (transfer), {} otherwise; and {"score":1..5} (survey).
struct VisitAction {
    std::int64_t desk_id = 0;
    std::string note;
    bool first_contact = true;
    std::string to;  // transfer: "desk" | "back_office"
    int score = 0;
    int base_version = 0;  // optional: 409 when the visit changed since
};
std::string EncodeVisitAction(const VisitAction& a);
Result<VisitAction> DecodeVisitAction(std::string_view body);

// Appointments: a location's slots on one local date (GET .../slots?date=YYYY-MM-DD), and a
// booking (POST .../appointments; POST /walkup/visits/{id}/reschedule takes {"start"} only).
struct Slot {
    Timestamp start = 0;
    int capacity = 0;
    int free = 0;
};
std::string EncodeSlotList(const std::vector<Slot>& slots);  // {"items":[{"start":...,"capacity":2,"free":1}]}
Result<std::vector<Slot>> DecodeSlotList(std::string_view body);
struct BookingBody {
    std::string reason;
    Timestamp start = 0;
    std::string note;
};
std::string EncodeBookingBody(const BookingBody& b);
Result<BookingBody> DecodeBookingBody(std::string_view body, bool reason_required);

// Kiosk pairing: the kiosk's side (code to show, state) and the admin's (code, location, name).
struct KioskPairing {
    std::string code;            // "7KQ-4MX"
    Timestamp expires_at = 0;
    std::string state;           // pending | paired | expired
    std::int64_t location_id = 0;
};
std::string EncodeKioskPairing(const KioskPairing& p);
Result<KioskPairing> DecodeKioskPairing(std::string_view body);
struct PairKioskBody {
    std::string code;
    std::int64_t location_id = 0;
    std::string name;  // "Lobby kiosk"
};
std::string EncodePairKioskBody(const PairKioskBody& b);
Result<PairKioskBody> DecodePairKioskBody(std::string_view body);

// GET /kiosk/me: what a paired kiosk is bound to.
struct KioskDevice {
    std::int64_t id = 0;
    std::string name;
    WalkupLocation location;
    std::vector<WalkupReason> reasons;
    std::string csrf_token;  // only in the kiosk's own /kiosk/me answer
    Timestamp paired_at = 0, last_seen_at = 0;
    bool revoked = false;
};
std::string EncodeKioskDevice(const KioskDevice& d);
Result<KioskDevice> DecodeKioskDevice(std::string_view body);
std::string EncodeKioskList(const std::vector<KioskDevice>& devices);

// The kiosk's offline outbox, kept in the browser's storage while the server can't be reached:
// each check-in with its Idempotency-Key, the kiosk's own ticket ("K-3") and the check-in as it
// will be sent (local_checked_in_at set; kiosk_now is filled in when it is sent).
struct OutboxEntry {
    std::string key;
    std::string ticket;
    CheckinBody checkin;
};
struct Outbox {
    int seq = 0;  // the last K-n handed out since the outbox was last empty
    std::vector<OutboxEntry> items;
};
inline constexpr std::size_t kMaxOutboxEntries = 500;  // a day's walk-ins at a busy desk, and then some
std::string EncodeOutbox(const Outbox& o);
Result<Outbox> DecodeOutbox(std::string_view body);

}  // namespace spoc::api
