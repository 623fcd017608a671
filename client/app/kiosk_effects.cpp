// Walk-up kiosk and board I/O (see effects.h). The kiosk's credential is an HttpOnly cookie the
// browser sends by itself; its CSRF token comes from /kiosk/me. A kiosk never has a session, so a
// 401 here means "pair me", never "sign in".
#include <algorithm>
#include <utility>

#include "client/app/effects.h"
#include "client/app/effects_internal.h"
#include "shared/api/routes.h"
#include "shared/domain/i18n.h"
#include "shared/domain/walkup.h"

namespace spoc::client {

using namespace effects_internal;

namespace {

net::HttpRequest KioskRequest(const char* method, std::string path, std::string body, const KioskState& kiosk) {
    net::HttpRequest request;
    request.method = method;
    request.path = std::move(path);
    request.body = std::move(body);
    request.headers.emplace_back("Accept", "application/json");
    if (!request.body.empty()) request.headers.emplace_back("Content-Type", "application/json");
    if (request.method != "GET" && kiosk.device) request.headers.emplace_back(routes::kCsrfHeader, kiosk.device->csrf_token);
    return request;
}

// The server could not be reached (no answer, or a proxy's 502-504): the kiosk works offline.
bool Unreachable(int status) { return status == 0 || status == 502 || status == 503 || status == 504; }

}  // namespace

void Effects::LoadKioskDevice() {
    KioskState& k = m_state.kiosk;
    if (!k.offline) k.phase = KioskPhase::checking;  // offline, the kiosk keeps working while it looks
    k.in_flight = true;
    m_api.Send(KioskRequest("GET", routes::kKioskMe, {}, k), [this](int status, const std::string& body) {
        KioskState& k = m_state.kiosk;
        k.in_flight = false;
        if (status == 200) {
            auto device = api::DecodeKioskDevice(body);
            if (device.ok()) {
                k.device = std::move(*device);
                k.phase = KioskPhase::ready;
                k.offline = false;
                k.board_loaded_at = 0;  // load the board now
                // Kept for a start without the server: the location and its reasons; never the
                // CSRF token (an offline kiosk sends nothing) and nothing about a person.
                api::KioskDevice kept = *k.device;
                kept.csrf_token.clear();
                m_host.WriteStored(kKioskDeviceKey, api::EncodeKioskDevice(kept));
                return;
            }
            k.error = device.error();
            k.phase = KioskPhase::failed;
            return;
        }
        if (status == 401) {
            k.device.reset();
            k.offline = false;
            m_host.WriteStored(kKioskDeviceKey, "");  // unpaired or revoked; the outbox stays for the next pairing
            k.phase = KioskPhase::unpaired;
            StartKioskPairing();
            return;
        }
        if (Unreachable(status)) {
            if (!k.device) {
                auto kept = api::DecodeKioskDevice(m_host.ReadStored(kKioskDeviceKey));
                if (kept.ok()) k.device = std::move(*kept);
            }
            if (k.device) {  // paired before: check people in offline
                k.offline = true;
                k.phase = KioskPhase::ready;
                return;
            }
        }
        k.error = ErrorFromResponse(status, body);
        k.phase = KioskPhase::failed;
    });
}

void Effects::StartKioskPairing() {
    KioskState& k = m_state.kiosk;
    k.in_flight = true;
    m_api.Send(KioskRequest("POST", routes::kKioskPairing, {}, k), [this](int status, const std::string& body) {
        KioskState& k = m_state.kiosk;
        k.in_flight = false;
        auto pairing = status == 201 ? api::DecodeKioskPairing(body) : Result<api::KioskPairing>(ErrorFromResponse(status, body));
        if (!pairing.ok()) {
            k.error = pairing.error();
            k.phase = KioskPhase::failed;
            return;
        }
        k.pairing = std::move(*pairing);
        k.phase = KioskPhase::pairing;
    });
}

void Effects::PollKioskPairing() {
    KioskState& k = m_state.kiosk;
    k.in_flight = true;
    m_api.Send(KioskRequest("GET", routes::kKioskPairing, {}, k), [this](int status, const std::string& body) {
        KioskState& k = m_state.kiosk;
        k.in_flight = false;
        auto pairing = status == 200 ? api::DecodeKioskPairing(body) : Result<api::KioskPairing>(ErrorFromResponse(status, body));
        if (!pairing.ok()) {
            if (status == 401) StartKioskPairing();  // the pairing cookie is gone: ask for a new code
            return;                                  // else (network): poll again later
        }
        if (pairing->state == "paired") {
            LoadKioskDevice();  // the credential cookie came with this answer
        } else if (pairing->state == "expired") {
            StartKioskPairing();
        }
    });
}

void Effects::KioskCheckIn(Timestamp now) {
    KioskState& k = m_state.kiosk;
    if (!k.device || k.submitting) return;
    if (k.idempotency_key.empty()) k.idempotency_key = m_host.NewIdempotencyKey();
    api::CheckinBody b;
    b.input.reason = k.reason;
    b.input.note = k.note;
    if (!k.badge.empty()) b.input.badge = k.badge;
    else if (k.guest) b.input.guest_name = k.who;
    else b.input.username = k.who;
    b.appointment = k.appointment;
    k.errors.clear();
    if (k.offline) return QueueOfflineCheckIn(std::move(b), now);
    k.submitting = true;
    net::HttpRequest request = KioskRequest("POST", routes::kKioskCheckins, api::EncodeCheckinBody(b), k);
    request.headers.emplace_back(routes::kIdempotencyHeader, k.idempotency_key);
    const std::uint64_t ticket = k.ticket;
    m_api.Send(std::move(request), [this, ticket, b, now](int status, const std::string& body) mutable {
        KioskState& k = m_state.kiosk;
        if (k.ticket != ticket) return;  // that person has gone (reset): drop it
        k.submitting = false;
        if (status == 200 || status == 201) {
            auto visit = api::DecodeVisit(body);
            if (visit.ok()) {
                k.visit = std::move(*visit);
                k.step = KioskStep::done;
                k.idempotency_key.clear();
                k.board_loaded_at = 0;
                return;
            }
            k.errors.push_back({"", visit.error().message});
            return;
        }
        if (Unreachable(status)) {  // the server went away: keep the check-in for later
            k.offline = true;
            return QueueOfflineCheckIn(std::move(b), now);
        }
        const Error error = ErrorFromResponse(status, body);
        if (status == 401) {  // unpaired meanwhile (revoked)
            k.device.reset();
            k.phase = KioskPhase::unknown;
            return;
        }
        if (error.code == ErrorCode::validation_failed) k.idempotency_key.clear();  // the input has to change
        if (!error.details.empty()) k.errors = error.details;
        else k.errors.push_back({error.field, error.message});
    });
}

// Offline: the check-in waits in the stored outbox with its Idempotency-Key (the same key an
// attempt that may have reached the server used, so a replay can't make it twice) and the kiosk's
// clock; the person gets the kiosk's own number, K-n.
void Effects::QueueOfflineCheckIn(api::CheckinBody body, Timestamp now) {
    KioskState& k = m_state.kiosk;
    if (k.outbox.items.size() >= api::kMaxOutboxEntries) {
        k.errors.push_back({"", i18n::tr("This kiosk can't take more check-ins until the connection is back. Please go to the desk.")});
        return;
    }
    body.local_checked_in_at = now;
    body.kiosk_now = now;  // replaced when it is sent
    api::OutboxEntry entry{k.idempotency_key, walkup::OfflineTicketNumber(++k.outbox.seq), std::move(body)};
    api::Visit shown;
    shown.ticket = entry.ticket;
    shown.channel = "offline";
    shown.checked_in_at = now;
    k.outbox.items.push_back(std::move(entry));
    m_host.WriteStored(kKioskOutboxKey, api::EncodeOutbox(k.outbox));
    k.visit = std::move(shown);
    k.step = KioskStep::done;
    k.idempotency_key.clear();
}

// Sends the oldest stored check-in; the next goes when this one is answered, so the server sees
// them in the order they were made.
void Effects::SyncKioskOutbox(Timestamp now) {
    KioskState& k = m_state.kiosk;
    if (k.outbox.items.empty() || k.outbox_in_flight || !k.device || k.device->csrf_token.empty()) return;
    api::OutboxEntry entry = k.outbox.items.front();
    entry.checkin.kiosk_now = now;
    net::HttpRequest request = KioskRequest("POST", routes::kKioskCheckins, api::EncodeCheckinBody(entry.checkin), k);
    request.headers.emplace_back(routes::kIdempotencyHeader, entry.key);
    k.outbox_in_flight = true;
    m_api.Send(std::move(request), [this, key = entry.key, now](int status, const std::string& body) {
        (void)body;
        KioskState& k = m_state.kiosk;
        k.outbox_in_flight = false;
        if (Unreachable(status) || status == 429) {  // not now: try again later
            if (status != 429) k.offline = true;
            k.outbox_failed_at = now;
            return;
        }
        if (status == 401) {  // revoked: the outbox waits for the kiosk to be paired again
            k.device.reset();
            k.phase = KioskPhase::unknown;
            return;
        }
        // Stored (201), already stored by an earlier attempt (200), or refused for good (4xx: the
        // server has no way to take it; keeping it would block every check-in behind it).
        auto it = std::find_if(k.outbox.items.begin(), k.outbox.items.end(), [&](const api::OutboxEntry& e) { return e.key == key; });
        if (it != k.outbox.items.end()) k.outbox.items.erase(it);
        if (status != 200 && status != 201) ++k.outbox_refused;
        if (k.outbox.items.empty()) k.outbox.seq = 0;
        m_host.WriteStored(kKioskOutboxKey, k.outbox.items.empty() ? std::string() : api::EncodeOutbox(k.outbox));
        k.board_loaded_at = 0;  // show them on the board
    });
}

void Effects::KioskRate(std::int64_t visit, int score) {
    KioskState& k = m_state.kiosk;
    k.rating = true;
    api::VisitAction body;
    body.score = score;
    const std::string path = std::string(routes::kKioskVisits) + "/" + std::to_string(visit) + "/survey";
    const std::uint64_t ticket = k.ticket;
    m_api.Send(KioskRequest("POST", path, api::EncodeVisitAction(body), k), [this, ticket](int status, const std::string& body) {
        KioskState& k = m_state.kiosk;
        if (k.ticket != ticket) return;  // reset meanwhile
        k.rating = false;
        if (status == 200) {
            k.step = KioskStep::thanks;
            k.board_loaded_at = 0;  // the ticket leaves the list
            return;
        }
        if (Unreachable(status)) k.offline = true;
        k.errors.push_back({"", ErrorFromResponse(status, body).message});
    });
}

void Effects::OpenKioskLive() {
    m_state.kiosk.live_open = true;
    m_api.OpenEvents(routes::kKioskEvents, [this](const std::string& type, const std::string& data) {
        (void)data;
        KioskState& k = m_state.kiosk;
        if (type == "ready") {
            k.live = true;
            k.board_loaded_at = 0;  // whatever was missed while it was down
        } else if (type == "closed") {
            k.live = false;         // the browser reconnects by itself; polling covers the gap
        } else if (type == "walkup" || type == "resync") {
            ++k.live_events;
            k.board_loaded_at = 0;  // SyncDevice re-reads the board now
        } else if (type == "unpaired") {
            m_api.CloseEvents();
            k.live_open = k.live = false;
            k.device.reset();
            k.phase = KioskPhase::unknown;
        }
    });
}

void Effects::LoadKioskBoard() {
    KioskState& k = m_state.kiosk;
    k.board_in_flight = true;
    m_api.Send(KioskRequest("GET", routes::kKioskBoard, {}, k), [this](int status, const std::string& body) {
        KioskState& k = m_state.kiosk;
        k.board_in_flight = false;
        if (status != 200) {
            if (status == 401) {
                k.device.reset();
                k.phase = KioskPhase::unknown;
            }
            if (Unreachable(status)) k.offline = true;  // SyncDevice looks for the server
            return;  // keep showing the last board; the next refresh tries again
        }
        auto board = api::DecodeBoard(body);
        if (board.ok()) k.board = std::move(*board);
    });
}

}  // namespace spoc::client

namespace spoc::client {

using namespace effects_internal;

// ---------------------------------------------------------------------------------------------
// The walk-up console (staff session)
// ---------------------------------------------------------------------------------------------
void Effects::LoadWalkupLocations() {
    AppState* s = &m_state;
    LoadInto<api::LocationList>(
        m_api, NewTicket(), "all", routes::kWalkupLocations, [s] { return &s->walkup.locations; },
        [](const std::string& body) { return api::DecodeLocationList(body); }, [this] { OnUnauthenticated(); });
}

void Effects::LoadWalkupVisits(std::int64_t location) {
    AppState* s = &m_state;
    LoadInto<std::vector<api::Visit>>(
        m_api, NewTicket(), std::to_string(location), std::string(routes::kWalkupLocations) + "/" + std::to_string(location) + "/queue",
        [s] { return &s->walkup.visits; }, [](const std::string& body) { return api::DecodeVisitList(body); },
        [this] { OnUnauthenticated(); });
}

void Effects::WalkupStep(std::int64_t visit, const std::string& action, api::VisitAction body) {
    m_state.walkup.acting = true;
    const std::string path = std::string(routes::kWalkupVisits) + "/" + std::to_string(visit) + "/" + action;
    m_api.Send(MakeRequest("POST", path, api::EncodeVisitAction(body)), [this, visit](int status, const std::string& body) {
        WalkupConsoleState& w = m_state.walkup;
        w.acting = false;
        w.visits.stale = true;  // whatever happened, show the queue as it is now
        if (status == 200) {
            w.notes.erase(visit);
            return;
        }
        if (status == 401) return OnUnauthenticated();
        AddToast(&m_state, ErrorFromResponse(status, body).message, true);
    });
}

void Effects::WalkupCallNext(std::int64_t location, std::int64_t desk) {
    m_state.walkup.acting = true;
    api::VisitAction body;
    body.desk_id = desk;
    const std::string path = std::string(routes::kWalkupLocations) + "/" + std::to_string(location) + "/call-next";
    m_api.Send(MakeRequest("POST", path, api::EncodeVisitAction(body)), [this](int status, const std::string& body) {
        WalkupConsoleState& w = m_state.walkup;
        w.acting = false;
        w.visits.stale = true;
        if (status == 200) {
            auto called = api::DecodeVisit(body);
            // TRANSLATORS: {0} is a walk-up ticket ("A-042"), {1} a desk ("Desk 2").
            if (called.ok()) AddToast(&m_state, i18n::Format(i18n::tr("{0} called to {1}."), {called->ticket, called->desk}));
            return;
        }
        if (status == 401) return OnUnauthenticated();
        AddToast(&m_state, ErrorFromResponse(status, body).message, true);
    });
}

void Effects::PairKiosk(api::PairKioskBody body) {
    m_state.walkup.pairing = true;
    m_api.Send(MakeRequest("POST", routes::kWalkupKiosks, api::EncodePairKioskBody(body)), [this](int status, const std::string& body) {
        WalkupConsoleState& w = m_state.walkup;
        w.pairing = false;
        if (status == 201) {
            auto device = api::DecodeKioskDevice(body);
            // TRANSLATORS: {0} is the kiosk's name, {1} a walk-up location.
            w.pair_result = device.ok() ? i18n::Format(i18n::tr("Paired: {0} at {1}. The kiosk starts by itself."),
                                                       {device->name, device->location.name})
                                        : std::string(i18n::tr("Paired."));
            w.pair_failed = false;
            w.pair_code.clear();
            w.pair_name.clear();
            return;
        }
        if (status == 401) return OnUnauthenticated();
        w.pair_result = ErrorFromResponse(status, body).message;
        w.pair_failed = true;
    });
}

}  // namespace spoc::client
