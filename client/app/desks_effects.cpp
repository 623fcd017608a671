// Walk-up desks I/O for the person signed in (#/desks; see effects.h): the locations with their
// waits, my visits, a day's free slots, and the steps (on my way, book, move, cancel, rate).
#include <utility>

#include "client/app/effects.h"
#include "client/app/effects_internal.h"
#include "shared/api/routes.h"
#include "shared/domain/i18n.h"

namespace spoc::client {

using namespace effects_internal;

namespace {

std::string LocationPath(std::int64_t location, const char* tail) {
    return std::string(routes::kWalkupLocations) + "/" + std::to_string(location) + tail;
}

}  // namespace

void Effects::LoadDesks() {
    AppState* s = &m_state;
    LoadInto<api::LocationList>(
        m_api, NewTicket(), "all", routes::kWalkupLocations, [s] { return &s->desks.locations; },
        [](const std::string& body) { return api::DecodeLocationList(body); }, [this] { OnUnauthenticated(); });
    LoadInto<std::vector<api::Visit>>(
        m_api, NewTicket(), "mine", routes::kWalkupVisits, [s] { return &s->desks.visits; },
        [](const std::string& body) { return api::DecodeVisitList(body); }, [this] { OnUnauthenticated(); });
}

void Effects::LoadSlots(std::int64_t location, const std::string& date) {
    AppState* s = &m_state;
    LoadInto<std::vector<api::Slot>>(
        m_api, NewTicket(), std::to_string(location) + "/" + date, LocationPath(location, "/slots?date=") + date,
        [s] { return &s->desks.slots; }, [](const std::string& body) { return api::DecodeSlotList(body); },
        [this] { OnUnauthenticated(); });
}

// One step on the desks page; `done` gets the visit it answered with. Whatever happened, the
// page shows the locations and my visits as they are now.
void Effects::DesksStep(std::string method_path, std::string body, std::function<void(const api::Visit&)> done) {
    DesksState& d = m_state.desks;
    d.acting = true;
    d.booking_error.clear();
    const std::string path = std::move(method_path);
    m_api.Send(MakeRequest("POST", path, std::move(body)), [this, done = std::move(done)](int status, const std::string& body) {
        DesksState& d = m_state.desks;
        d.acting = false;
        d.locations.stale = true;
        d.visits.stale = true;
        d.slots.stale = true;
        if (status == 200 || status == 201) {
            auto visit = api::DecodeVisit(body);
            if (visit.ok() && done) done(*visit);
            return;
        }
        if (status == 401) return OnUnauthenticated();
        const Error error = ErrorFromResponse(status, body);
        if (d.booking_location != 0) d.booking_error = error.message;  // shown in the open panel
        else AddToast(&m_state, error.message, true);
    });
}

void Effects::JoinQueueRemotely(std::int64_t location, const std::string& reason, const std::string& note) {
    api::CheckinBody b;
    b.input.reason = reason;
    b.input.note = note;
    DesksStep(LocationPath(location, "/checkins"), api::EncodeCheckinBody(b), [this](const api::Visit& v) {
        // TRANSLATORS: {0} is a walk-up ticket ("A-042").
        m_state.desks.booking_location = 0;
        AddToast(&m_state, i18n::Format(i18n::tr("You're in the queue as {0}. Check in at the kiosk when you arrive."), {v.ticket}));
    });
}

void Effects::BookVisit(std::int64_t location, api::BookingBody body) {
    DesksStep(LocationPath(location, "/appointments"), api::EncodeBookingBody(body), [this](const api::Visit& v) {
        m_state.desks.booking_location = 0;
        // TRANSLATORS: {0} is a walk-up ticket ("A-042").
        AddToast(&m_state, i18n::Format(i18n::tr("Booked: {0}. Check in at the kiosk when you arrive."), {v.ticket}));
    });
}

void Effects::MoveVisit(std::int64_t visit, Timestamp start) {
    api::BookingBody b;
    b.start = start;
    DesksStep(std::string(routes::kWalkupVisits) + "/" + std::to_string(visit) + "/reschedule", api::EncodeBookingBody(b),
              [this](const api::Visit&) {
                  m_state.desks.booking_location = 0;
                  m_state.desks.moving = 0;
                  AddToast(&m_state, i18n::tr("Your appointment was moved."));
              });
}

void Effects::ActOnMyVisit(std::int64_t visit, const std::string& action, int score) {
    api::VisitAction b;
    b.score = score;
    DesksStep(std::string(routes::kWalkupVisits) + "/" + std::to_string(visit) + "/" + action, api::EncodeVisitAction(b),
              [this, action](const api::Visit&) {
                  AddToast(&m_state, action == "survey" ? i18n::tr("Thank you for your feedback.") : i18n::tr("Your visit was cancelled."));
              });
}

}  // namespace spoc::client
