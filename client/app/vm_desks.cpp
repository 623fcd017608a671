// View model of the walk-up desks page (#/desks; see view_models.h): my visits with what I can do
// with each, the locations with their waits, and the join / book / move panel with its slots.
#include <algorithm>

#include "client/app/vm_internal.h"
#include "shared/domain/sla.h"
#include "shared/domain/walkup.h"

namespace spoc::client {

using i18n::Format;
using i18n::tr;

namespace {

LocalDateTime AtLocation(const std::string& tz, Timestamp t) {
    TimeZoneRule zone;
    if (!FindTimeZone(tz, &zone)) FindTimeZone("UTC", &zone);
    return UtcToLocal(zone, t);
}

std::string TimeAt(const std::string& tz, Timestamp t) {
    const LocalDateTime local = AtLocation(tz, t);
    return i18n::FormatTime(local.ms_of_day / 3600000, (local.ms_of_day / 60000) % 60);
}

std::string DateTimeAt(const std::string& tz, Timestamp t) {
    const LocalDateTime local = AtLocation(tz, t);
    // TRANSLATORS: an appointment; {0} is a date ("Dec 7, 2026"), {1} a time ("9:30 AM").
    return i18n::Format(tr("{0} at {1}"), {i18n::FormatDateShort(local.date.year, local.date.month, local.date.day), TimeAt(tz, t)});
}

const api::WalkupLocation* FindLocation(const DesksState& d, std::int64_t id) {
    if (!d.locations.has_data) return nullptr;
    for (const api::WalkupLocation& l : d.locations.data.locations)
        if (l.id == id) return &l;
    return nullptr;
}

MyVisitView VisitView(const api::Visit& v, const DesksState& d, const Clock& clock) {
    MyVisitView out;
    out.id = v.id;
    out.location_id = v.location_id;
    const api::WalkupLocation* l = FindLocation(d, v.location_id);
    const std::string tz = l != nullptr ? l->time_zone : "UTC";
    out.title = v.ticket + (l != nullptr ? "  ·  " + l->name : std::string());
    using walkup::VisitStatus;
    switch (v.status) {
        case VisitStatus::booked:
            out.status_text = tr("Booked");
            out.tone = Tone::info;
            out.detail = DateTimeAt(tz, v.appointment_at) + "  ·  " + v.reason_label;
            out.can_cancel = out.can_move = true;
            break;
        case VisitStatus::en_route:
        case VisitStatus::waiting: {
            out.status_text = v.status == VisitStatus::en_route ? tr("On the way") : tr("Waiting");
            out.tone = Tone::progress;
            std::string where = v.position == 1 ? std::string(tr("You're next in the queue."))
                              : v.position > 1 ? Format(tr("You are number {0} in the queue."), {std::to_string(v.position)})
                                               : std::string();
            out.detail = where + (where.empty() ? "" : "  ") + Format(tr("Estimated wait: {0}"), {WaitRangeText(v.wait.low, v.wait.high)});
            if (v.status == VisitStatus::en_route) out.detail += "  " + std::string(tr("Check in at the kiosk when you arrive."));
            out.can_cancel = true;
            break;
        }
        case VisitStatus::called:
        case VisitStatus::in_service:
            out.status_text = v.status == VisitStatus::called ? tr("Called") : tr("At the desk");
            out.tone = Tone::warning;
            // TRANSLATORS: {0} is a desk ("Desk 2").
            if (!v.desk.empty()) out.detail = Format(tr("Please go to {0}."), {v.desk});
            break;
        default: {
            const bool resolved = v.status == VisitStatus::resolved || v.status == VisitStatus::transferred;
            out.status_text = resolved ? tr("Done") : std::string(walkup::VisitStatusName(v.status));
            if (v.status == VisitStatus::cancelled) out.status_text = tr("Cancelled");
            if (v.status == VisitStatus::no_show) out.status_text = tr("Missed");
            out.tone = resolved ? Tone::success : Tone::muted;
            out.detail = v.outcome_note;
            out.rated = v.csat;
            out.can_rate = resolved && v.csat == 0 && v.ended_at > 0 && clock.now - v.ended_at < 24 * kMsPerHour;
            break;
        }
    }
    return out;
}

void FillPanel(DesksViewModel& vm, const DesksState& d, const api::WalkupLocation& l, const Clock& clock) {
    vm.panel_location = l.id;
    vm.mode = d.mode;
    vm.note = d.note;
    vm.error = d.booking_error;
    // TRANSLATORS: {0} is a walk-up location ("London HQ IT Bar").
    if (d.mode == "join") vm.panel_title = Format(tr("Join the queue at {0}"), {l.name});
    // TRANSLATORS: {0} is a walk-up location ("London HQ IT Bar").
    else if (d.mode == "move") vm.panel_title = Format(tr("Move your appointment at {0}"), {l.name});
    // TRANSLATORS: {0} is a walk-up location ("London HQ IT Bar").
    else vm.panel_title = Format(tr("Book a time at {0}"), {l.name});
    vm.confirm_label = d.mode == "join" ? tr("Join the queue") : d.mode == "move" ? tr("Move it") : tr("Book");
    if (d.mode != "move" && d.locations.has_data)
        for (const api::WalkupReason& r : d.locations.data.reasons) vm.reasons.push_back({r.key, r.label, r.key == d.reason});
    if (d.mode == "join") return;
    for (const int i : OpenDaysAhead(l, clock.now)) {  // closed days (weekends, holidays) are not offered
        CivilDate day;
        LocalDateAhead(l.time_zone, clock.now, i, &day);
        std::string label = i == 0 ? std::string(tr("Today")) : i == 1 ? std::string(tr("Tomorrow"))
                                                                      : i18n::FormatDateShort(day.year, day.month, day.day);
        vm.days.emplace_back(std::move(label), i == d.day);
        vm.day_offsets.push_back(i);
    }
    const std::string key = std::to_string(l.id) + "/" + LocalDateAhead(l.time_zone, clock.now, d.day);
    vm.slots_load = ToLoadView(d.slots, key);
    if (!d.slots.has_data || d.slots.data_key != key) return;
    for (const api::Slot& s : d.slots.data) {
        if (s.start <= clock.now) continue;  // begun: can't be booked
        DeskSlotView slot;
        slot.start = s.start;
        slot.label = TimeAt(l.time_zone, s.start);
        slot.full = s.free <= 0;
        // Short chips: a count only when it is about to run out.
        if (slot.full) slot.free_text = tr("full");
        else if (s.free == 1) slot.free_text = i18n::Plural("{0} place free", "{0} places free", s.free);
        slot.selected = s.start == d.slot;
        vm.slots.push_back(std::move(slot));
    }
}

}  // namespace

namespace {

std::string Span(const Interval& in) {
    return i18n::FormatTime(in.start_minute / 60, in.start_minute % 60) + "–" +
           i18n::FormatTime((in.end_minute / 60) % 24, in.end_minute % 60);
}

// When the location is open, in words at its time zone: "Today 8:30 AM–5:30 PM", or when it has
// closed for the day or doesn't open today, "Opens tomorrow at 8:30 AM" / "Opens Dec 7 at 8:30 AM".
std::string OpeningText(const api::WalkupLocation& l, Timestamp now) {
    BusinessCalendar cal;
    if (!LocationCalendar(l, &cal)) return {};
    const std::vector<int> open = walkup::OpenDaysAhead(cal, now, kBookingDaysSearched, 1);
    if (open.empty()) return tr("No opening hours in the next three weeks");
    CivilDate day;
    LocalDateAhead(l.time_zone, now, open.front(), &day);
    const std::vector<Interval> hours = walkup::HoursOn(cal, day);
    if (open.front() == 0) {
        if (hours.size() == 1 && hours.front().start_minute == 0 && hours.front().end_minute == 24 * 60) return tr("Open all day today");
        std::string spans;
        for (const Interval& in : hours) spans += (spans.empty() ? "" : ", ") + Span(in);
        // TRANSLATORS: {0} is today's opening hours ("8:30 AM–5:30 PM", several separated by commas).
        return Format(tr("Today {0}"), {spans});
    }
    const std::string at = i18n::FormatTime(hours.front().start_minute / 60, hours.front().start_minute % 60);
    // TRANSLATORS: {0} is a time of day ("8:30 AM").
    if (open.front() == 1) return Format(tr("Opens tomorrow at {0}"), {at});
    // TRANSLATORS: {0} is a date ("Dec 7"), {1} a time of day ("8:30 AM").
    return Format(tr("Opens {0} at {1}"), {i18n::FormatDateShort(day.year, day.month, day.day), at});
}

}  // namespace

DesksViewModel BuildDesks(const AppState& state, const Clock& clock) {
    const DesksState& d = state.desks;
    DesksViewModel vm;
    vm.load = ToLoadView(d.locations, "all");
    if (vm.load.status == ViewStatus::ready) {
        const LoadView visits = ToLoadView(d.visits, "mine");
        if (visits.status != ViewStatus::ready) vm.load = visits;
    }
    vm.acting = d.acting;
    if (d.visits.has_data)
        for (const api::Visit& v : d.visits.data) vm.visits.push_back(VisitView(v, d, clock));
    if (!d.locations.has_data) return vm;
    for (const api::WalkupLocation& l : d.locations.data.locations) {
        DeskLocationView row;
        row.id = l.id;
        row.name = l.name;
        row.hours = OpeningText(l, clock.now);
        row.open_now = l.open_now;
        // TRANSLATORS: {0} is a number of people, {1} a wait estimate such as "about 5–10 min".
        row.status_line = l.open_now ? Format(tr("Open now · {0} waiting · {1}"), {std::to_string(l.waiting), WaitRangeText(l.wait.low, l.wait.high)})
                                     : std::string(tr("Closed now"));
        row.panel_open = l.id == d.booking_location;
        if (row.panel_open) FillPanel(vm, d, l, clock);
        vm.locations.push_back(std::move(row));
    }
    return vm;
}

}  // namespace spoc::client
