// Appointments at a walk-up desk (see walkup_service.h): slots from the location's opening hours
// (walkup::DaySlots), bookings with capacity checked inside the writer job, rescheduling, and the
// no-show sweep that releases bookings nobody checked in for.
#include "server/app/walkup_internal.h"
#include "server/app/walkup_service.h"
#include "server/storage/audit_repo.h"
#include "shared/domain/i18n.h"
#include "shared/domain/text.h"

namespace spoc::app {

using i18n::tr;
using walkup::VisitStatus;
using namespace walkup_detail;

namespace {

walkup::SlotRule RuleOf(const storage::LocationRow& l) { return walkup::SlotRule{l.slot_minutes, l.slot_capacity}; }

// `start` must be a slot of its local date, in the future, at most kBookingDaysAhead away, with a
// free place; `ignore_visit`'s own booking does not count (rescheduling within the same slot).
Result<Unit> CheckSlot(storage::Database& db, const storage::LocationRow& l, Timestamp start, Timestamp now) {
    const auto opening = Opening(l);
    const CivilDate date = UtcToLocal(ZoneOf(l), start).date;
    if (!opening || !walkup::IsSlotStart(*opening, date, RuleOf(l), start))
        return MakeError(ErrorCode::validation_failed, tr("Choose one of the times offered."), "start");
    if (start <= now) return MakeError(ErrorCode::validation_failed, tr("That time has passed. Choose a later one."), "start");
    if (start - now > static_cast<Timestamp>(kBookingDaysAhead) * kMsPerDay)
        return MakeError(ErrorCode::validation_failed, tr("Book at most 30 days ahead."), "start");
    auto booked = storage::CountBookedAt(db, l.id, start);
    if (!booked.ok()) return booked.error();
    if (!walkup::HasRoom(*booked, RuleOf(l)))
        return MakeError(ErrorCode::conflict, tr("That time was just taken. Choose another one."), "start");
    return Unit{};
}

}  // namespace

Result<std::vector<api::Slot>> WalkupService::Slots(std::int64_t location_id, std::string_view date, Timestamp now) {
    CivilDate day;
    if (!ParseDate(date, &day)) return MakeError(ErrorCode::bad_request, tr("Give the date as YYYY-MM-DD."), "date");
    auto lease = m_readers.Acquire();
    auto l = RequireLocation(*lease, location_id);
    if (!l.ok()) return l.error();
    std::vector<api::Slot> out;
    const auto opening = Opening(*l);
    if (!opening) return out;
    for (const Timestamp start : walkup::DaySlots(*opening, day, RuleOf(*l))) {
        if (start <= now || start - now > static_cast<Timestamp>(kBookingDaysAhead) * kMsPerDay) continue;
        auto booked = storage::CountBookedAt(*lease, l->id, start);
        if (!booked.ok()) return booked.error();
        out.push_back({start, l->slot_capacity, std::max(0, l->slot_capacity - *booked)});
    }
    return out;
}

Result<api::Visit> WalkupService::Book(const User& caller, std::int64_t location_id, const api::BookingBody& body, Timestamp now) {
    return m_writer.Run([&](storage::Database& db) -> Result<api::Visit> {
        auto l = RequireLocation(db, location_id);
        if (!l.ok()) return l.error();
        walkup::CheckinInput input;
        input.location = l->key;
        input.reason = body.reason;
        input.note = body.note;
        std::vector<FieldError> problems = walkup::ValidateCheckin(input);
        auto reasons = storage::ListReasons(db);
        if (!reasons.ok()) return reasons.error();
        if (problems.empty() && FindReason(*reasons, body.reason) == nullptr)
            problems.push_back({"reason", tr("Choose one of the reasons shown.")});
        if (!problems.empty()) {
            Error e = MakeError(ErrorCode::validation_failed, problems.front().message, problems.front().field);
            e.details = std::move(problems);
            return e;
        }
        if (auto ok = CheckSlot(db, *l, body.start, now); !ok.ok()) return ok.error();
        const std::string day = LocalDay(*l, body.start);
        auto open = storage::ListOpenVisits(db, l->id);
        if (!open.ok()) return open.error();
        for (const storage::VisitRow& v : *open)
            if (v.user_id == caller.id && v.day == day)
                return MakeError(ErrorCode::conflict, tr("You already have a visit booked or open here that day."), "start");
        auto seq = storage::NextVisitSeq(db, l->id, day);
        if (!seq.ok()) return seq.error();
        storage::VisitRow v;
        v.location_id = l->id;
        v.day = day;
        v.seq = *seq;
        v.ticket = walkup::TicketNumber(l->prefix.empty() ? 'A' : l->prefix[0], *seq);
        v.status = VisitStatus::booked;
        v.channel = "appointment";
        v.reason_key = body.reason;
        v.note = std::string(Trim(body.note));
        v.user_id = caller.id;
        v.board_name = walkup::BoardName(caller.display_name);
        v.appointment_at = body.start;
        v.checked_in_at = now;  // when it was booked, until the person checks in
        v.queue_at = body.start;
        if (auto id = storage::InsertVisit(db, v); !id.ok()) return id.error();
        if (auto a = Audit(db, caller.id, v, "book", now); !a.ok()) return a.error();
        auto fresh = storage::FindVisit(db, v.id);
        if (!fresh.ok()) return fresh.error();
        return View(**fresh, *reasons, Staff(caller), true);
    });
}

Result<api::Visit> WalkupService::Reschedule(const User& caller, std::int64_t visit_id, Timestamp start, Timestamp now) {
    return m_writer.Run([&](storage::Database& db) -> Result<api::Visit> {
        auto found = storage::FindVisit(db, visit_id);
        if (!found.ok()) return found.error();
        if (!*found || (*found)->user_id != caller.id) return MakeError(ErrorCode::not_found, tr("No such visit."));
        storage::VisitRow v = **found;
        if (v.status != VisitStatus::booked)
            return MakeError(ErrorCode::conflict, tr("Only a booked visit can be moved to another time."));
        auto l = RequireLocation(db, v.location_id);
        if (!l.ok()) return l.error();
        if (start != v.appointment_at) {
            if (auto ok = CheckSlot(db, *l, start, now); !ok.ok()) return ok.error();
        }
        if (LocalDay(*l, start) != v.day)
            return MakeError(ErrorCode::validation_failed, tr("Move it within the same day, or cancel and book again."), "start");
        v.appointment_at = start;
        v.queue_at = start;
        auto saved = storage::UpdateVisitSchedule(db, v, found->value().version);
        if (!saved.ok()) return saved.error();
        if (!*saved) return MakeError(ErrorCode::conflict);
        if (auto a = Audit(db, caller.id, v, "reschedule", now); !a.ok()) return a.error();
        auto fresh = storage::FindVisit(db, v.id);
        if (!fresh.ok()) return fresh.error();
        auto reasons = storage::ListReasons(db);
        if (!reasons.ok()) return reasons.error();
        return View(**fresh, *reasons, Staff(caller), true);
    });
}

Result<int> WalkupService::ReleaseNoShows(storage::Database& db, Timestamp now) {
    auto released = storage::ReleaseNoShows(db, now - walkup::kLateGraceMs, now);
    if (!released.ok()) return released.error();
    for (std::int64_t id : *released) {
        const std::string detail = storage::AuditDetail().Text("reason", "booking not checked in").Json();
        if (auto a = storage::AppendAudit(db, {now, UserId(), "walkup_visit", id, "no_show", detail}); !a.ok()) return a.error();
    }
    return static_cast<int>(released->size());
}

}  // namespace spoc::app
