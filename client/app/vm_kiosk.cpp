// View models of the walk-up kiosk and the queue board (see view_models.h).
#include <algorithm>

#include "client/app/view_models.h"
#include "shared/domain/i18n.h"
#include "shared/domain/text.h"

namespace spoc::client {

using i18n::Format;
using i18n::tr;

std::string WaitRangeText(int low, int high) {
    if (high <= 0) return tr("no wait");
    if (high < 5) return tr("less than 5 min");
    // TRANSLATORS: a wait estimate; {0} and {1} are minutes ("about 5–10 min").
    return Format(tr("about {0}–{1} min"), {std::to_string(std::max(0, low)), std::to_string(high)});
}

std::string SurveyAnswer(int score) {
    static const char* const kAnswers[] = {N_("1 – Very poor"), N_("2 – Poor"), N_("3 – OK"), N_("4 – Good"), N_("5 – Excellent")};
    return score >= 1 && score <= 5 ? tr(kAnswers[score - 1]) : std::string();
}

KioskViewModel BuildKiosk(const AppState& state, const Clock& clock) {
    const KioskState& k = state.kiosk;
    KioskViewModel vm;
    vm.phase = k.phase;
    vm.person = k.ticket;
    vm.pairing_code = k.pairing.code;
    vm.error = k.error.message;
    vm.step = k.step;
    vm.guest = k.guest;
    vm.appointment = k.appointment;
    vm.who = k.who;
    vm.note = k.note;
    vm.submitting = k.submitting;
    if (k.device) {
        vm.location = k.device->location.name;
        vm.open_now = k.device->location.open_now;
        vm.hours = k.device->location.hours;
        for (const api::WalkupReason& r : k.device->reasons) vm.reasons.push_back({r.key, r.label, r.key == k.reason});
    }
    for (const FieldError& e : k.errors) {
        std::string* slot = &vm.form_error;
        if (e.field == "username" || e.field == "guest_name" || e.field == "badge" || e.field == "identity") slot = &vm.who_error;
        else if (e.field == "reason") slot = &vm.reason_error;
        else if (e.field == "note") slot = &vm.note_error;
        if (slot->empty()) *slot = e.message;
    }
    vm.offline = k.offline;
    vm.keyboard = !k.keyboard_hidden;
    vm.typing_note = k.typing_note;
    {
        // Capitals by themselves where a name or a sentence starts, as phone keyboards do.
        const std::string& text = k.step == KioskStep::reason ? k.note : k.who;
        const bool starts = text.empty() || text.back() == ' ' || text.back() == '-';
        vm.keyboard_upper = k.shift || (k.step == KioskStep::welcome ? k.guest && starts : text.empty());
    }
    if (k.step == KioskStep::reason) {
        // "While you wait": the articles that best match the reason and what they typed, with the
        // same rules as the request form's suggestions.
        std::string reason_label;
        if (k.device)
            for (const api::WalkupReason& r : k.device->reasons)
                if (r.key == k.reason && r.key != "other") reason_label = r.label;
        if (!Trim(k.note).empty() || !reason_label.empty()) vm.articles = SuggestArticles(state, CatalogItem{}, {reason_label, k.note}, 3);
        if (k.article != 0 && state.kb_index.has_data)
            for (const api::KbIndexEntry& e : state.kb_index.data.index.articles)
                if (e.id.value == k.article) {
                    vm.article_open = k.article;
                    vm.article_text = e.text;
                    if (vm.article_text.size() > 1500) {  // the opening; cut between characters
                        std::size_t cut = 1500;
                        while (cut > 0 && (static_cast<unsigned char>(vm.article_text[cut]) & 0xC0) == 0x80) --cut;
                        vm.article_text.resize(cut);
                        vm.article_text += "…";
                    }
                }
    }
    vm.rate_ticket = k.rate_ticket;
    if (k.step == KioskStep::thanks && k.last_input_at > 0)
        vm.reset_in_seconds = static_cast<int>(std::max<Timestamp>(0, kKioskIdleResetMs - (clock.now - k.last_input_at)) / 1000);
    vm.rating = k.rating;
    if (k.board && !k.offline)
        for (const api::BoardEntry& e : k.board->just_served) vm.rate_tickets.emplace_back(e.visit_id, e.ticket);
    if (k.offline) {
        const std::size_t n = k.outbox.items.size();
        vm.offline_text = n == 0 ? std::string(tr("Offline: check-ins are kept on this kiosk and sent when the connection is back."))
                                 // TRANSLATORS: {0} is a number of check-ins (1 or more).
                                 : i18n::Plural("Offline: {0} check-in is kept on this kiosk and sent when the connection is back.",
                                                "Offline: {0} check-ins are kept on this kiosk and sent when the connection is back.",
                                                static_cast<long>(n));
    }
    if (k.visit && k.visit->channel == "offline") {
        vm.done_offline = true;
        vm.ticket = k.visit->ticket;
        vm.wait_text = tr("The desk's system can't be reached right now. Your check-in is saved here and sent as soon as it is back; "
                          "watch the screen for your name.");
        if (k.last_input_at > 0)
            vm.reset_in_seconds = static_cast<int>(std::max<Timestamp>(0, kKioskIdleResetMs - (clock.now - k.last_input_at)) / 1000);
    } else if (k.visit) {
        vm.ticket = k.visit->ticket;
        const int position = k.visit->position;
        if (position == 1) vm.position_text = tr("You're next in the queue.");
        else if (position > 1)
            vm.position_text = Format(tr("You are number {0} in the queue."), {std::to_string(position)});
        // TRANSLATORS: {0} is a wait estimate such as "about 5–10 min".
        vm.wait_text = Format(tr("Estimated wait: {0}"), {WaitRangeText(k.visit->wait.low, k.visit->wait.high)});
        if (k.last_input_at > 0)
            vm.reset_in_seconds = static_cast<int>(std::max<Timestamp>(0, kKioskIdleResetMs - (clock.now - k.last_input_at)) / 1000);
    }
    if (k.board) {
        for (const api::BoardEntry& e : k.board->serving) vm.serving.push_back({e.ticket, e.board_name, e.desk});
        for (const api::BoardEntry& e : k.board->next) vm.next.push_back({e.ticket, e.board_name, ""});
        // TRANSLATORS: {0} is a number of people; {1} a wait estimate such as "about 5–10 min".
        vm.queue_text = Format(tr("{0} waiting · {1}"), {std::to_string(k.board->waiting), WaitRangeText(k.board->wait.low, k.board->wait.high)});
    }
    return vm;
}

}  // namespace spoc::client

#include "client/app/vm_internal.h"

namespace spoc::client {

namespace {

std::string StatusText(walkup::VisitStatus s, Tone* tone) {
    switch (s) {
        case walkup::VisitStatus::booked: *tone = Tone::muted; return tr("Booked");
        case walkup::VisitStatus::en_route: *tone = Tone::muted; return tr("On the way");
        case walkup::VisitStatus::waiting: *tone = Tone::info; return tr("Waiting");
        case walkup::VisitStatus::called: *tone = Tone::warning; return tr("Called");
        case walkup::VisitStatus::in_service: *tone = Tone::progress; return tr("At the desk");
        default: *tone = Tone::neutral; return std::string(walkup::VisitStatusName(s));
    }
}

}  // namespace

ConsoleViewModel BuildConsole(const AppState& state, const Clock& clock) {
    ConsoleViewModel vm;
    vm.allowed = state.me && IsStaff(state.me->user.role);
    vm.admin = state.me && state.me->user.role == Role::admin;
    const WalkupConsoleState& w = state.walkup;
    vm.load = ToLoadView(w.locations, "all");
    vm.acting = w.acting;
    vm.pair_code = w.pair_code;
    vm.pair_name = w.pair_name;
    vm.pair_result = w.pair_result;
    vm.pair_failed = w.pair_failed;
    vm.pairing = w.pairing;
    if (!w.locations.has_data || w.locations.data.locations.empty()) return vm;
    const api::WalkupLocation* shown = &w.locations.data.locations.front();
    for (const api::WalkupLocation& l : w.locations.data.locations) {
        if (l.id == w.location_id) shown = &l;
        vm.locations.emplace_back(l.id, l.name);
    }
    for (std::size_t i = 0; i < vm.locations.size(); ++i)
        if (vm.locations[i].first == shown->id) vm.location_index = static_cast<int>(i);
    for (const api::WalkupDesk& d : shown->desks) {
        if (d.id == w.desk_id) vm.desk_index = static_cast<int>(vm.desks.size());
        vm.desks.emplace_back(d.id, d.name);
    }
    const LoadView visits = ToLoadView(w.visits, std::to_string(shown->id));
    if (visits.status != ViewStatus::ready) vm.load = visits;
    int waiting = 0;
    if (w.visits.has_data && w.visits.data_key == std::to_string(shown->id)) {
        for (const api::Visit& v : w.visits.data) {
            ConsoleRowView row;
            row.id = v.id;
            row.ticket = v.ticket;
            row.name = v.name.empty() ? v.board_name : v.name;
            row.reason = v.reason_label;
            row.note = v.note;
            row.desk = v.desk;
            row.status = v.status;
            row.status_text = StatusText(v.status, &row.tone);
            const Timestamp since = v.status == walkup::VisitStatus::booked ? v.appointment_at : v.checked_in_at;
            // TRANSLATORS: how long someone has waited; {0} is minutes.
            if (since > 0 && since <= clock.now) row.waited = Format(tr("{0} min"), {std::to_string((clock.now - since) / kMsPerMinute)});
            auto note = w.notes.find(v.id);
            if (note != w.notes.end()) row.outcome = note->second;
            waiting += v.status == walkup::VisitStatus::waiting ? 1 : 0;
            vm.rows.push_back(std::move(row));
        }
    }
    // TRANSLATORS: {0} people waiting; {1} a wait estimate such as "about 5–10 min".
    vm.location_summary = Format(tr("{0} waiting · {1}"), {std::to_string(waiting), WaitRangeText(shown->wait.low, shown->wait.high)});
    if (!shown->open_now) vm.location_summary += " · " + std::string(tr("closed now"));
    return vm;
}

}  // namespace spoc::client
