// Scheduled SLA escalation and auto-close (see escalation.h).
#include "server/app/escalation.h"

#include "server/app/notices.h"

#include <string>

#include "server/app/assignment.h"
#include "server/storage/agents_repo.h"
#include "server/storage/audit_repo.h"
#include "server/storage/escalation_repo.h"
#include "server/storage/notifications_repo.h"
#include "server/storage/requests_repo.h"
#include "server/storage/users_repo.h"
#include "shared/api/agent_dto.h"
#include "shared/domain/i18n.h"
#include "shared/domain/lifecycle.h"

namespace spoc::app {

using i18n::Format;
using i18n::tr;

namespace {

// "INC0000042 breached its resolution target: VPN drops at home"; a lead who is not the assignee
// also reads where it sits and who has it. Written once per reader, in their language
// (InReadersLanguage, notices.h).

std::string BreachText(const Request& r, bool response, bool resolution, bool for_lead) {
    std::string who = r.number;
    if (for_lead && !r.group_name.empty()) {
        // TRANSLATORS: the {0} of "{0} breached its resolution target: {1}"; here {0} is a request number, {1} a group.
        if (r.assignee_name.empty()) who = Format(tr("{0} in {1} (unassigned)"), {r.number, r.group_name});
        // TRANSLATORS: the {0} of "{0} breached its resolution target: {1}"; here {0} is a request number, {1} a
        // group, {2} an agent's name.
        else who = Format(tr("{0} in {1} (assigned to {2})"), {r.number, r.group_name, r.assignee_name});
    } else if (for_lead) {
        // TRANSLATORS: the {0} of "{0} breached its resolution target: {1}"; here {0} is a request number.
        if (r.assignee_name.empty()) who = Format(tr("{0} (unassigned)"), {r.number});
        // TRANSLATORS: the {0} of "{0} breached its resolution target: {1}"; here {0} is a request number, {1} an
        // agent's name.
        else who = Format(tr("{0} (assigned to {1})"), {r.number, r.assignee_name});
    }
    const char* text = nullptr;
    // TRANSLATORS: a notification; {0} is a request number ("INC0000042", maybe with its group and
    // assignee), {1} the request's summary.
    if (response && resolution) text = tr("{0} breached its first-response and resolution targets: {1}");
    // TRANSLATORS: a notification; {0} is a request number ("INC0000042", maybe with its group and
    // assignee), {1} the request's summary.
    else if (response) text = tr("{0} breached its first-response target: {1}");
    // TRANSLATORS: a notification; {0} is a request number ("INC0000042", maybe with its group and
    // assignee), {1} the request's summary.
    else text = tr("{0} breached its resolution target: {1}");
    return Format(text, {who, r.summary});
}

// Marks, history and notifications for one request whose clocks `response` / `resolution` are due.
// False when the shared SLA clocks say nothing is breached after all (the stored projection was stale).
Result<bool> EscalateOne(storage::Database& db, const storage::DueBreach& due, Timestamp now) {
    auto found = storage::FindRequest(db, due.id, true);
    if (!found.ok()) return found.error();
    if (!*found) return false;
    const Request& r = **found;
    if (!IsOpenStatus(r.status) || r.status == Status::pending) return false;

    // Confirm with the shared SLA clocks, pauses included, what the stored due times projected.
    auto pauses = storage::ListPauses(db, r.id);
    if (!pauses.ok()) return pauses.error();
    Request check = r;
    RecomputeDueTimes(check, *pauses, now);
    if (check.response_due_at != r.response_due_at || check.resolution_due_at != r.resolution_due_at)
        if (auto d = storage::SetDueTimes(db, r.id, check.response_due_at, check.resolution_due_at); !d.ok())
            return d.error();
    const bool response = due.response && check.response_due_at > 0 && check.response_due_at <= now;
    const bool resolution = due.resolution && check.resolution_due_at > 0 && check.resolution_due_at <= now;
    if (!response && !resolution) return false;

    if (auto m = storage::MarkBreaches(db, r.id, response ? check.response_due_at : 0,
                                       resolution ? check.resolution_due_at : 0);
        !m.ok())
        return m.error();
    for (const auto& [breached, what] : {std::pair{response, "response breached"}, {resolution, "resolution breached"}})
        if (breached)
            if (auto h = storage::AppendHistory(db, r.id, {0, now, UserId(), {}, "sla", {}, what}); !h.ok())
                return h.error();

    UserId lead;
    if (r.group_id > 0) {
        auto found_lead = storage::GroupLead(db, r.group_id);
        if (!found_lead.ok()) return found_lead.error();
        lead = *found_lead;
    }
    api::Notification n;
    n.request_id = r.id;
    n.kind = api::kNotificationSlaBreach;
    n.created_at = now;
    if (r.assignee_id.valid()) {
        auto text = InReadersLanguage(db, r.assignee_id, [&] { return BreachText(r, response, resolution, false); });
        if (!text.ok()) return text.error();
        n.text = std::move(*text);
        if (auto i = storage::InsertNotification(db, r.assignee_id, n); !i.ok()) return i.error();
    }
    if (lead.valid() && lead != r.assignee_id) {
        auto text = InReadersLanguage(db, lead, [&] { return BreachText(r, response, resolution, true); });
        if (!text.ok()) return text.error();
        n.text = std::move(*text);
        if (auto i = storage::InsertNotification(db, lead, n); !i.ok()) return i.error();
    }
    return true;
}

}  // namespace

Result<std::vector<RequestId>> EscalateBreaches(storage::Database& db, Timestamp now, int limit) {
    auto due = storage::ListDueBreaches(db, now, limit);
    if (!due.ok()) return due.error();
    std::vector<RequestId> changed;
    for (const storage::DueBreach& d : *due) {
        auto escalated = EscalateOne(db, d, now);
        if (!escalated.ok()) return escalated.error();
        if (*escalated) changed.push_back(d.id);
    }
    return changed;
}

Result<std::vector<RequestId>> AutoCloseResolved(storage::Database& db, Timestamp now, int auto_close_days, int limit) {
    std::vector<RequestId> changed;
    if (auto_close_days <= 0) return changed;
    // ShouldAutoClose: strictly more than the days since resolved_at, i.e. resolved_at < cutoff.
    const Timestamp cutoff = now - static_cast<Timestamp>(auto_close_days) * kMsPerDay;
    auto candidates = storage::ListAutoCloseCandidates(db, cutoff, limit);
    if (!candidates.ok()) return candidates.error();
    for (RequestId id : *candidates) {
        auto found = storage::FindRequest(db, id, true);
        if (!found.ok()) return found.error();
        if (!*found) continue;
        const Request& before = **found;
        const TicketFacts facts{before.status,      before.pending_reason, before.requester_id,
                                before.assignee_id, before.group_id,       before.resolved_at};
        if (!ShouldAutoClose(facts, now, auto_close_days)) continue;
        // Resolved -> Closed: the Resolved pause ends, the clocks stay stopped (no due times).
        if (auto p = storage::ClosePause(db, id, now); !p.ok()) return p.error();
        Request after = before;
        after.status = Status::closed;
        after.pending_reason = PendingReason::none;
        after.closed_at = now;
        after.response_due_at = 0;
        after.resolution_due_at = 0;
        after.version = before.version + 1;
        after.updated_at = now;
        auto saved = storage::SaveWorkflow(db, after, before.version);
        if (!saved.ok()) return saved.error();
        if (!*saved) continue;  // not reachable inside the writer; never overwrite a newer version
        const std::string from(StatusName(Status::resolved)), to(StatusName(Status::closed));
        if (auto h = storage::AppendHistory(db, id, {0, now, UserId(), {}, "status", from, to}); !h.ok())
            return h.error();
        const std::string detail = storage::AuditDetail()
                                       .Text("status", to)
                                       .Int("version", after.version)
                                       .Int("auto_close_days", auto_close_days)
                                       .Json();
        if (auto a = storage::AppendAudit(db, {now, UserId(), "request", id.value, "auto_close", detail}); !a.ok())
            return a.error();
        changed.push_back(id);
    }
    return changed;
}

Result<std::vector<RequestId>> RunSlaJobs(storage::Database& db, Timestamp now, int auto_close_days) {
    auto escalated = EscalateBreaches(db, now);
    if (!escalated.ok()) return escalated.error();
    auto closed = AutoCloseResolved(db, now, auto_close_days);
    if (!closed.ok()) return closed.error();
    std::vector<RequestId> changed = std::move(*escalated);
    changed.insert(changed.end(), closed->begin(), closed->end());
    return changed;
}

}  // namespace spoc::app
