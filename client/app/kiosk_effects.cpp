// Walk-up kiosk and board I/O (see effects.h). The kiosk's credential is an HttpOnly cookie the
// browser sends by itself; its CSRF token comes from /kiosk/me. A kiosk never has a session, so a
// 401 here means "pair me", never "sign in".
#include <utility>

#include "client/app/effects.h"
#include "client/app/effects_internal.h"
#include "shared/api/routes.h"
#include "shared/domain/i18n.h"

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

}  // namespace

void Effects::LoadKioskDevice() {
    KioskState& k = m_state.kiosk;
    k.phase = KioskPhase::checking;
    k.in_flight = true;
    m_api.Send(KioskRequest("GET", routes::kKioskMe, {}, k), [this](int status, const std::string& body) {
        KioskState& k = m_state.kiosk;
        k.in_flight = false;
        if (status == 200) {
            auto device = api::DecodeKioskDevice(body);
            if (device.ok()) {
                k.device = std::move(*device);
                k.phase = KioskPhase::ready;
                k.board_loaded_at = 0;  // load the board now
                return;
            }
            k.error = device.error();
            k.phase = KioskPhase::failed;
            return;
        }
        if (status == 401) {
            k.device.reset();
            k.phase = KioskPhase::unpaired;
            StartKioskPairing();
            return;
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

void Effects::KioskCheckIn() {
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
    k.submitting = true;
    k.errors.clear();
    net::HttpRequest request = KioskRequest("POST", routes::kKioskCheckins, api::EncodeCheckinBody(b), k);
    request.headers.emplace_back(routes::kIdempotencyHeader, k.idempotency_key);
    const std::uint64_t ticket = k.ticket;
    m_api.Send(std::move(request), [this, ticket](int status, const std::string& body) {
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
