// The walk-up kiosk's intents (see actions.h): who the person is (a username, a guest's name, or
// a badge reader's scan), why they came, checking in, and forgetting them afterwards. Input is
// checked with the same shared rules the server runs (walkup::ValidateCheckin).
#include <algorithm>

#include "client/app/actions.h"
#include "shared/domain/i18n.h"
#include "shared/domain/text.h"
#include "shared/domain/walkup.h"

namespace spoc::client {

using i18n::tr;

namespace {

// The shared check of what has been entered so far (the server runs the same); before the reason
// step the reason is not checked yet.
std::vector<FieldError> CheckKiosk(const KioskState& k, bool with_reason) {
    walkup::CheckinInput input;
    input.location = k.device ? k.device->location.key : "";
    input.reason = with_reason ? k.reason : "other";
    input.note = k.note;
    if (!k.badge.empty()) input.badge = k.badge;
    else if (k.guest) input.guest_name = k.who;
    else input.username = k.who;
    return walkup::ValidateKioskCheckin(input);
}

}  // namespace

void Actions::SyncDevice() {
    KioskState& k = m_state.kiosk;
    const Timestamp now = m_clock.now;
    if (!k.restored) {  // check-ins stored offline before a reload are sent when the server is back
        k.restored = true;
        auto outbox = api::DecodeOutbox(m_host.ReadStored(kKioskOutboxKey));
        if (outbox.ok()) k.outbox = std::move(*outbox);
    }
    switch (k.phase) {
        case KioskPhase::unknown: m_effects.LoadKioskDevice(); return;
        case KioskPhase::checking:
        case KioskPhase::unpaired: return;
        case KioskPhase::failed:  // the server was unreachable: try again now and then
            if (!k.in_flight && now - k.polled_at >= kKioskPollMs * 2) {
                k.polled_at = now;
                m_effects.LoadKioskDevice();
            }
            return;
        case KioskPhase::pairing:
            if (!k.in_flight && now - k.polled_at >= kKioskPollMs) {
                k.polled_at = now;
                m_effects.PollKioskPairing();
            }
            return;
        case KioskPhase::ready: break;
    }
    // A board shows its own location's queue: an address with another location's key (a bookmark,
    // a typo) is corrected in place rather than showing one location under another's name.
    if (m_state.route.screen == Screen::board && k.device && !k.device->location.key.empty() &&
        m_state.route.board_key != k.device->location.key) {
        Route own = m_state.route;
        own.board_key = k.device->location.key;
        ShowRoute(m_state, m_host, own, /*replace=*/true);
    }
    if (k.offline) {  // look for the server now and then; check-ins meanwhile go to the outbox
        if (!k.in_flight && now - k.polled_at >= kKioskPollMs) {
            k.polled_at = now;
            m_effects.LoadKioskDevice();
        }
    } else if (!k.outbox.items.empty() && !k.outbox_in_flight && now - k.outbox_failed_at >= kKioskPollMs) {
        m_effects.SyncKioskOutbox(now);
    }
    // Public articles for "while you wait" (kept by the service worker, so offline too).
    Remote<KbIndexData>& index = m_state.kb_index;
    if (m_state.route.screen == Screen::kiosk && index.load != Load::loading &&
        (index.load == Load::idle || now - m_state.kb_index_checked >= Effects::kKbIndexRecheckMs)) {
        m_state.kb_index_checked = now;
        m_effects.LoadKbIndex(/*kiosk=*/true);
    }
    if (!k.live_open && !k.offline) m_effects.OpenKioskLive();
    if (!k.offline && !k.board_in_flight && now - k.board_loaded_at >= (k.live ? kBoardLiveRefreshMs : kBoardRefreshMs)) {
        k.board_loaded_at = now;
        m_effects.LoadKioskBoard();
    }
    // Shared-machine privacy: a person who walked away is forgotten after 30 s without input.
    if (m_state.route.screen == Screen::kiosk && k.last_input_at > 0 && now - k.last_input_at >= kKioskIdleResetMs)
        ResetKioskVisitor(&k);
}

void Actions::KioskEditWho(std::string text) {
    KioskState& k = m_state.kiosk;
    // Key times for the scan check: one per character added (a paste or a scan in one frame
    // gets the same time for each).
    const std::size_t before = Utf8Length(k.who), after = Utf8Length(text);
    // Anything but typing at the end (a deletion, an edit in the middle) is not a scan.
    if (after < before || text.compare(0, k.who.size(), k.who) != 0) k.key_times.clear();
    else k.key_times.insert(k.key_times.end(), after - before, m_clock.now);
    k.who = std::move(text);
    k.badge.clear();
    k.errors.clear();
    k.last_input_at = m_clock.now;
}

void Actions::KioskSetGuest(bool guest) {
    KioskState& k = m_state.kiosk;
    k.guest = guest;
    k.who.clear();
    k.key_times.clear();
    k.badge.clear();
    k.errors.clear();
    k.last_input_at = m_clock.now;
}

void Actions::KioskSetAppointment(bool appointment) {
    m_state.kiosk.appointment = appointment;
    m_state.kiosk.last_input_at = m_clock.now;
}

void Actions::KioskContinue() {
    KioskState& k = m_state.kiosk;
    k.last_input_at = m_clock.now;
    const std::string typed(Trim(k.who));
    // A badge reader types the number fast, then Enter: that is a scan, not a username.
    if (!k.guest && walkup::LooksLikeScan(k.key_times, typed)) {
        k.badge = typed;
    }
    k.errors = CheckKiosk(k, false);
    if (!k.errors.empty()) return;
    k.step = KioskStep::reason;
    k.shift = false;
}

void Actions::KioskPickReason(const std::string& key) {
    m_state.kiosk.reason = key;
    m_state.kiosk.errors.clear();
    m_state.kiosk.last_input_at = m_clock.now;
}

void Actions::KioskEditNote(std::string text) {
    m_state.kiosk.note = std::move(text);
    m_state.kiosk.last_input_at = m_clock.now;
}

void Actions::KioskSubmit() {
    KioskState& k = m_state.kiosk;
    k.last_input_at = m_clock.now;
    if (k.reason.empty()) {
        k.errors = {{"reason", tr("Choose what you need help with.")}};
        return;
    }
    k.errors = CheckKiosk(k, true);
    if (!k.errors.empty()) return;
    m_effects.KioskCheckIn(m_clock.now);
}

void Actions::KioskBack() {
    KioskState& k = m_state.kiosk;
    k.step = KioskStep::welcome;
    k.shift = false;
    k.errors.clear();
    k.last_input_at = m_clock.now;
}

void Actions::KioskDone() { ResetKioskVisitor(&m_state.kiosk); }

namespace {

// The field the on-screen keyboard types into at this step, and its limit in code points.
std::string* KeyboardField(KioskState& k, std::size_t* max) {
    if (k.step == KioskStep::reason) {
        *max = walkup::kMaxNote;
        return &k.note;
    }
    if (k.step != KioskStep::welcome) return nullptr;
    *max = k.guest ? walkup::kMaxGuestName : walkup::kMaxBadge;
    return &k.who;
}

}  // namespace

void Actions::KioskType(const std::string& text) {
    KioskState& k = m_state.kiosk;
    std::size_t max = 0;
    std::string* field = KeyboardField(k, &max);
    if (field == nullptr || text.empty()) return;
    k.last_input_at = m_clock.now;
    if (Utf8Length(*field) + Utf8Length(text) > max) return;  // full: the key does nothing, as in the field
    *field += text;
    k.shift = false;  // one capital, as on a phone
    k.errors.clear();
    if (field == &k.who) {
        k.key_times.clear();  // keys tapped on the screen are a person typing, never a badge scan
        k.badge.clear();
    }
}

void Actions::KioskErase() {
    KioskState& k = m_state.kiosk;
    std::size_t max = 0;
    std::string* field = KeyboardField(k, &max);
    if (field == nullptr) return;
    k.last_input_at = m_clock.now;
    if (field->empty()) return;
    std::size_t cut = field->size() - 1;  // the last code point
    while (cut > 0 && (static_cast<unsigned char>((*field)[cut]) & 0xC0) == 0x80) --cut;
    field->resize(cut);
    k.errors.clear();
    if (field == &k.who) {
        k.key_times.clear();
        k.badge.clear();
    }
}

void Actions::KioskShift() {
    m_state.kiosk.shift = !m_state.kiosk.shift;
    m_state.kiosk.last_input_at = m_clock.now;
}

void Actions::KioskShowKeyboard(bool show) {
    m_state.kiosk.keyboard_hidden = !show;
    m_state.kiosk.last_input_at = m_clock.now;
}

void Actions::KioskTypingNote() {
    if (m_state.kiosk.typing_note) return;
    m_state.kiosk.typing_note = true;
    m_state.kiosk.last_input_at = m_clock.now;
}

void Actions::KioskOpenArticle(std::int64_t article) {
    KioskState& k = m_state.kiosk;
    k.article = k.article == article ? 0 : article;  // a second tap closes it
    k.last_input_at = m_clock.now;
}

void Actions::KioskStartRating(std::int64_t visit, const std::string& ticket) {
    KioskState& k = m_state.kiosk;
    k.step = KioskStep::rate;
    k.rate_visit = visit;
    k.rate_ticket = ticket;
    k.errors.clear();
    k.last_input_at = m_clock.now;
}

void Actions::KioskRate(int score) {
    KioskState& k = m_state.kiosk;
    k.last_input_at = m_clock.now;
    if (k.rate_visit == 0 || k.rating || !walkup::ValidateSurveyScore(score).empty()) return;
    m_effects.KioskRate(k.rate_visit, score);
}

}  // namespace spoc::client

namespace spoc::client {

// ---------------------------------------------------------------------------------------------
// The walk-up console (staff)
// ---------------------------------------------------------------------------------------------
namespace {

const api::WalkupLocation* ShownLocation(const WalkupConsoleState& w) {
    if (!w.locations.has_data || w.locations.data.locations.empty()) return nullptr;
    for (const api::WalkupLocation& l : w.locations.data.locations)
        if (l.id == w.location_id) return &l;
    return &w.locations.data.locations.front();
}

std::int64_t ShownDesk(const WalkupConsoleState& w) {
    const api::WalkupLocation* l = ShownLocation(w);
    if (l == nullptr || l->desks.empty()) return 0;
    for (const api::WalkupDesk& d : l->desks)
        if (d.id == w.desk_id) return d.id;
    return l->desks.front().id;
}

}  // namespace

void Actions::EnsureWalkupConsole() {
    if (!m_state.me || !IsStaff(m_state.me->user.role)) return;
    WalkupConsoleState& w = m_state.walkup;
    if (NeedsLoad(w.locations, "all")) m_effects.LoadWalkupLocations();
    const api::WalkupLocation* l = ShownLocation(w);
    if (l == nullptr) return;
    const std::string key = std::to_string(l->id);
    if (!w.acting && w.visits.load != Load::loading && m_clock.now - w.loaded_at >= kConsoleRefreshMs) w.visits.stale = true;
    if (NeedsLoad(w.visits, key)) {
        w.loaded_at = m_clock.now;
        m_effects.LoadWalkupVisits(l->id);
    }
}

void Actions::ConsoleSetLocation(std::int64_t location) {
    m_state.walkup.location_id = location;
    m_state.walkup.desk_id = 0;
}

void Actions::ConsoleSetDesk(std::int64_t desk) { m_state.walkup.desk_id = desk; }

void Actions::ConsoleCallNext() {
    WalkupConsoleState& w = m_state.walkup;
    const api::WalkupLocation* l = ShownLocation(w);
    if (l == nullptr || w.acting) return;
    m_effects.WalkupCallNext(l->id, ShownDesk(w));
}

void Actions::ConsoleStep(std::int64_t visit, const std::string& action) {
    WalkupConsoleState& w = m_state.walkup;
    if (w.acting) return;
    api::VisitAction body;
    std::string route = action;
    if (action == "call") body.desk_id = ShownDesk(w);
    if (action == "resolve" || action == "back_office") {
        auto it = w.notes.find(visit);
        if (it != w.notes.end()) body.note = it->second;
        if (auto bad = walkup::ValidateOutcomeNote(body.note); !bad.empty()) {  // the server's check, before sending
            AddToast(&m_state, bad.front().message, true);
            return;
        }
    }
    if (action == "back_office") {
        route = "transfer";
        body.to = "back_office";
    }
    m_effects.WalkupStep(visit, route, body);
}

void Actions::ConsoleEditNote(std::int64_t visit, std::string text) { m_state.walkup.notes[visit] = std::move(text); }

void Actions::ConsoleEditPairing(std::string code, std::string name) {
    m_state.walkup.pair_code = std::move(code);
    m_state.walkup.pair_name = std::move(name);
    m_state.walkup.pair_result.clear();
}

void Actions::ConsolePairKiosk() {
    WalkupConsoleState& w = m_state.walkup;
    const api::WalkupLocation* l = ShownLocation(w);
    if (l == nullptr || w.pairing) return;
    if (Trim(w.pair_code).empty()) {
        w.pair_result = tr("Type the code shown on the kiosk.");
        w.pair_failed = true;
        return;
    }
    m_effects.PairKiosk(api::PairKioskBody{std::string(Trim(w.pair_code)), l->id, w.pair_name});
}

}  // namespace spoc::client
