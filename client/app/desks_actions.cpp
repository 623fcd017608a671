// Walk-up desks for the person signed in (#/desks; see actions.h): what to load, the panel that
// joins a queue ("I'm on my way"), books a time or moves a booking, and cancel / rate on my visits.
// Input is checked with the same shared rules the server runs (walkup::ValidateCheckin).
#include "client/app/actions.h"
#include "shared/domain/i18n.h"
#include "shared/domain/sla.h"
#include "shared/domain/time.h"
#include "shared/domain/walkup.h"

namespace spoc::client {

using i18n::tr;

std::string LocalDateAhead(const std::string& tz, Timestamp now, int days_ahead, CivilDate* out) {
    TimeZoneRule zone;
    if (!FindTimeZone(tz, &zone)) FindTimeZone("UTC", &zone);
    const CivilDate today = UtcToLocal(zone, now).date;
    const CivilDate day = CivilFromDays(DaysFromCivil(today.year, today.month, today.day) + days_ahead);
    if (out != nullptr) *out = day;
    return FormatDate(day);
}

bool LocationCalendar(const api::WalkupLocation& location, BusinessCalendar* out) {
    auto cal = walkup::OpeningCalendar(location.key, location.time_zone, location.hours);
    if (!cal.ok()) return false;
    *out = std::move(*cal);
    return true;
}

std::vector<int> OpenDaysAhead(const api::WalkupLocation& location, Timestamp now) {
    BusinessCalendar cal;
    if (LocationCalendar(location, &cal)) return walkup::OpenDaysAhead(cal, now, kBookingDaysSearched, kBookingDaysShown);
    std::vector<int> every(kBookingDaysShown);  // hours that can't be read: every day is offered
    for (int i = 0; i < kBookingDaysShown; ++i) every[static_cast<std::size_t>(i)] = i;
    return every;
}

namespace {

const api::WalkupLocation* FindLocation(const DesksState& d, std::int64_t id) {
    if (!d.locations.has_data) return nullptr;
    for (const api::WalkupLocation& l : d.locations.data.locations)
        if (l.id == id) return &l;
    return nullptr;
}

}  // namespace

void Actions::EnsureDesks() {
    if (!m_state.me) return;
    DesksState& d = m_state.desks;
    const bool loading = d.locations.load == Load::loading || d.visits.load == Load::loading;
    if (!loading && !d.acting && m_clock.now - d.loaded_at >= kDesksRefreshMs) {
        d.locations.stale = true;  // waits and positions move: refresh now and then
        d.visits.stale = true;
    }
    if (!loading && (NeedsLoad(d.locations, "all") || NeedsLoad(d.visits, "mine"))) {
        d.loaded_at = m_clock.now;
        m_effects.LoadDesks();
    }
    const api::WalkupLocation* l = FindLocation(d, d.booking_location);
    if (l == nullptr || d.mode == "join") return;
    const std::string key = std::to_string(l->id) + "/" + LocalDateAhead(l->time_zone, m_clock.now, d.day);
    if (d.slots.load != Load::loading && NeedsLoad(d.slots, key))
        m_effects.LoadSlots(l->id, key.substr(key.find('/') + 1));
}

void Actions::DesksOpen(std::int64_t location, const std::string& mode, std::int64_t visit) {
    DesksState& d = m_state.desks;
    d.booking_location = location;
    d.mode = mode;
    d.moving = mode == "move" ? visit : 0;
    d.reason.clear();
    d.note.clear();
    d.day = 0;
    if (const api::WalkupLocation* l = FindLocation(d, location)) {  // the first day it is open
        const std::vector<int> open = OpenDaysAhead(*l, m_clock.now);
        if (!open.empty()) d.day = open.front();
    }
    d.slot = 0;
    d.booking_error.clear();
    if (d.visits.has_data && d.moving != 0)
        for (const api::Visit& v : d.visits.data)
            if (v.id == d.moving) d.reason = v.reason;  // a move keeps the reason
}

void Actions::DesksClose() {
    m_state.desks.booking_location = 0;
    m_state.desks.moving = 0;
    m_state.desks.booking_error.clear();
}

void Actions::DesksPickReason(const std::string& key) {
    m_state.desks.reason = key;
    m_state.desks.booking_error.clear();
}

void Actions::DesksPickDay(int day) {
    DesksState& d = m_state.desks;
    if (day < 0 || day >= kBookingDaysSearched) return;
    d.day = day;
    d.slot = 0;
    d.booking_error.clear();
}

void Actions::DesksPickSlot(Timestamp start) {
    m_state.desks.slot = start;
    m_state.desks.booking_error.clear();
}

void Actions::DesksEditNote(std::string text) { m_state.desks.note = std::move(text); }

void Actions::DesksConfirm() {
    DesksState& d = m_state.desks;
    const api::WalkupLocation* l = FindLocation(d, d.booking_location);
    if (l == nullptr || d.acting) return;
    walkup::CheckinInput input;
    input.location = l->key;
    input.reason = d.reason;
    input.note = d.note;
    if (d.reason.empty()) {
        d.booking_error = tr("Choose what you need help with.");
        return;
    }
    if (std::vector<FieldError> problems = walkup::ValidateCheckin(input); !problems.empty()) {
        d.booking_error = problems.front().message;
        return;
    }
    if (d.mode == "join") return m_effects.JoinQueueRemotely(l->id, d.reason, d.note);
    if (d.slot == 0) {
        d.booking_error = tr("Choose a time.");
        return;
    }
    if (d.mode == "move") return m_effects.MoveVisit(d.moving, d.slot);
    m_effects.BookVisit(l->id, api::BookingBody{d.reason, d.slot, d.note});
}

void Actions::DesksCancel(std::int64_t visit) {
    if (!m_state.desks.acting) m_effects.ActOnMyVisit(visit, "cancel");
}

void Actions::DesksRate(std::int64_t visit, int score) {
    if (!m_state.desks.acting && walkup::ValidateSurveyScore(score).empty()) m_effects.ActOnMyVisit(visit, "survey", score);
}

}  // namespace spoc::client
