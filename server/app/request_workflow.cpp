// In-job steps of a request change (see request_workflow.h).
#include "server/app/request_workflow.h"

#include "server/app/notices.h"

#include "server/app/assignment.h"
#include "server/storage/agents_repo.h"
#include "server/storage/audit_repo.h"
#include "server/storage/requests_repo.h"
#include "server/storage/users_repo.h"
#include "shared/domain/i18n.h"
#include "shared/domain/lifecycle.h"
#include "shared/domain/request_builder.h"
#include "shared/domain/routing.h"

namespace spoc::app {

using i18n::Format;
using i18n::tr;

Error StaleRequest(const Request& current) {
    // TRANSLATORS: {0} is the request's version number.
    return MakeError(ErrorCode::conflict,
                     Format(tr("This request changed since you loaded it (now version {0}). Reload it and apply your change again."),
                            {std::to_string(current.version)}),
                     "base_version");
}

PauseChange ApplyStatusFields(Request& r, Status to, PendingReason reason, const User& actor, Timestamp now) {
    const Status from = r.status;
    const bool was_paused = from == Status::pending || from == Status::resolved || from == Status::awaiting_approval;
    const bool now_paused = to == Status::pending || to == Status::resolved;
    const PauseChange pause = was_paused && !now_paused ? PauseChange::close
                              : now_paused && !was_paused ? PauseChange::open
                                                          : PauseChange::none;
    r.status = to;
    r.pending_reason = to == Status::pending ? reason : PendingReason::none;
    if (to == Status::resolved) {
        r.resolved_at = now;
        r.resolved_by = actor.id;
        r.resolved_by_name = actor.display_name;
        if (IsStaff(actor.role) && actor.id.valid() && actor.id != r.requester_id && r.first_response_at == 0)
            r.first_response_at = now;
    }
    if (from == Status::resolved && IsOpenStatus(to)) {  // reopened
        r.resolved_at = 0;
        r.resolved_by = UserId();
        r.resolved_by_name.clear();
        r.resolution_note.clear();
    }
    if (to == Status::closed || to == Status::cancelled) r.closed_at = now;
    return pause;
}

Result<Unit> ApplyStatus(storage::Database& db, Request& r, Status to, PendingReason reason, const User& actor,
                         Timestamp now) {
    const PauseChange pause = ApplyStatusFields(r, to, reason, actor, now);
    if (pause == PauseChange::close)
        if (auto p = storage::ClosePause(db, r.id, now); !p.ok()) return p.error();
    if (pause == PauseChange::open)
        if (auto p = storage::OpenPause(db, r.id, now); !p.ok()) return p.error();
    return Unit{};
}

Result<Unit> RecordChanges(storage::Database& db, const Request& before, const Request& after, UserId actor,
                           Timestamp now) {
    auto add = [&](const char* field, std::string old_value, std::string new_value) -> Result<Unit> {
        if (old_value == new_value) return Unit{};
        return storage::AppendHistory(db, after.id, {0, now, actor, {}, field, std::move(old_value), std::move(new_value)});
    };
    const std::pair<const char*, std::pair<std::string, std::string>> changes[] = {
        {"status", {std::string(StatusName(before.status)), std::string(StatusName(after.status))}},
        {"pending_reason",
         {std::string(PendingReasonName(before.pending_reason)), std::string(PendingReasonName(after.pending_reason))}},
        {"assignee", {before.assignee_name, after.assignee_name}},
        {"group", {before.group_name, after.group_name}},
        {"impact", {std::string(LevelName(before.impact)), std::string(LevelName(after.impact))}},
        {"urgency", {std::string(LevelName(before.urgency)), std::string(LevelName(after.urgency))}},
        {"priority", {std::string(PriorityName(before.priority)), std::string(PriorityName(after.priority))}},
    };
    for (const auto& [field, values] : changes)
        if (auto r = add(field, values.first, values.second); !r.ok()) return r.error();
    if (!after.resolution_note.empty())
        if (auto r = add("resolution_note", before.resolution_note, after.resolution_note); !r.ok()) return r.error();
    if (!after.cancel_reason.empty())
        if (auto r = add("cancel_reason", before.cancel_reason, after.cancel_reason); !r.ok()) return r.error();
    return Unit{};
}

Result<Unit> SaveChanged(storage::Database& db, const Request& before, Request& r, UserId actor, Timestamp now) {
    r.version = before.version + 1;
    r.updated_at = now;
    auto saved = storage::SaveWorkflow(db, r, before.version);
    if (!saved.ok()) return saved.error();
    if (!*saved) return StaleRequest(before);
    if (auto h = RecordChanges(db, before, r, actor, now); !h.ok()) return h.error();
    return NotifyRequesterOfChange(db, before, r, actor, now);
}

Result<Unit> RefreshDueTimes(storage::Database& db, Request& r, Timestamp now) {
    auto pauses = storage::ListPauses(db, r.id);
    if (!pauses.ok()) return pauses.error();
    RecomputeDueTimes(r, *pauses, now);
    return Unit{};
}

Result<Unit> CheckStaffOnRequest(storage::Database& db, const User& caller, RequestId id,
                                 const std::string& forbidden_message) {
    if (IsStaff(caller.role)) return Unit{};
    auto found = storage::FindRequest(db, id, false);
    if (!found.ok()) return found.error();
    if (!*found || (*found)->requester_id != caller.id) return MakeError(ErrorCode::not_found, tr("No such request."));
    return MakeError(ErrorCode::forbidden, forbidden_message);
}

Result<Request> ApplyPatch(storage::Database& db, const User& caller, const Request& before,
                           const api::RequestPatch& patch, Timestamp now) {
    const bool staff = IsStaff(caller.role);
    if (before.version != patch.base_version) return StaleRequest(before);
    Request r = before;

    if (patch.group_id) {
        r.group_id = *patch.group_id;
        r.group_name.clear();
        if (r.group_id > 0) {
            auto groups = storage::ListGroups(db);
            if (!groups.ok()) return groups.error();
            for (const AssignmentGroup& g : *groups)
                if (g.id == r.group_id) r.group_name = g.name;
            if (r.group_name.empty()) return MakeError(ErrorCode::validation_failed, tr("No such group."), "group_id");
        }
    }
    if (patch.assignee) {
        r.assignee_id = *patch.assignee;
        r.assignee_name.clear();
        if (r.assignee_id.valid()) {
            auto user = storage::FindUser(db, r.assignee_id);
            if (!user.ok()) return user.error();
            if (!*user || !IsStaff((*user)->role))
                return MakeError(ErrorCode::validation_failed, tr("Assign requests to an agent."), "assignee_id");
            r.assignee_name = (*user)->display_name;
        }
    }
    if (patch.impact) r.impact = *patch.impact;
    if (patch.urgency) r.urgency = *patch.urgency;
    r.priority = ComputePriority(r.impact, r.urgency);

    Status to = patch.status.value_or(before.status);
    // Giving a New request an assignee makes it Assigned, as the lifecycle says.
    if (!patch.status && before.status == Status::new_ && r.assignee_id.valid()) to = Status::assigned;
    if (to != before.status || (to == Status::pending && patch.pending_reason != before.pending_reason)) {
        TicketFacts facts{before.status, before.pending_reason, before.requester_id, r.assignee_id, r.group_id,
                          before.resolved_at};
        const Actor actor{caller.id, caller.role, false};
        if (auto ok = CheckTransition(facts, to, patch.pending_reason, actor); !ok.ok()) return ok.error();
        if (auto a = ApplyStatus(db, r, to, patch.pending_reason, caller, now); !a.ok()) return a.error();
        if (to == Status::resolved) r.resolution_note = patch.resolution_note;
        if (to == Status::cancelled) r.cancel_reason = patch.cancel_reason;
    }
    if (auto d = RefreshDueTimes(db, r, now); !d.ok()) return d.error();
    const bool changed = r.status != before.status || r.pending_reason != before.pending_reason ||
                         r.assignee_id != before.assignee_id || r.group_id != before.group_id ||
                         r.impact != before.impact || r.urgency != before.urgency;
    if (!changed) return before;
    if (auto s = SaveChanged(db, before, r, caller.id, now); !s.ok()) return s.error();
    const std::string detail = storage::AuditDetail()
                                   .Text("status", StatusName(r.status))
                                   .Int("version", r.version)
                                   .Int("assignee_id", r.assignee_id.value)
                                   .Json();
    if (auto a = storage::AppendAudit(db, {now, caller.id, "request", before.id.value, "update", detail}); !a.ok())
        return a.error();
    auto reloaded = storage::FindRequest(db, before.id, staff);
    if (!reloaded.ok()) return reloaded.error();
    if (!*reloaded) return MakeError(ErrorCode::not_found, tr("No such request."));
    return std::move(**reloaded);
}

}  // namespace spoc::app
