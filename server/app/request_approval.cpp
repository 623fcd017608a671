// Approvals on the server (see request_approval.h), and the RequestService routes that decide
// them, list an approver's inbox and manage delegations (request_service.h).
#include "server/app/request_approval.h"

#include <algorithm>

#include "server/app/assignment.h"
#include "server/app/notices.h"
#include "server/app/request_service.h"
#include "server/app/request_workflow.h"
#include "server/storage/agents_repo.h"
#include "server/storage/approvals_repo.h"
#include "server/storage/audit_repo.h"
#include "server/storage/notifications_repo.h"
#include "server/storage/requests_repo.h"
#include "server/storage/users_repo.h"
#include "shared/domain/i18n.h"
#include "shared/domain/sla.h"

namespace spoc::app {

using i18n::Format;
using i18n::tr;

namespace {

inline constexpr const char* kNotificationApproval = "approval";  // a request waits for the reader's decision

std::vector<approval::Step> Steps(const std::vector<storage::StepRow>& rows) {
    std::vector<approval::Step> out;
    for (const storage::StepRow& r : rows) out.push_back(r.step);
    return out;
}

// Who decides a step starting now.
Result<std::vector<UserId>> ApproversFor(storage::Database& db, const approval::StepRule& rule, UserId requester) {
    auto manager = storage::ManagerOf(db, requester);
    if (!manager.ok()) return manager.error();
    std::vector<UserId> members;
    if (rule.kind == approval::StepKind::group) {
        auto group = storage::FindApproverGroup(db, rule.group);
        if (!group.ok()) return group.error();
        if (*group) members = (*group)->members;
    }
    auto admins = storage::ListAdmins(db);
    if (!admins.ok()) return admins.error();
    return approval::ResolveApprovers(rule, requester, *manager, members, *admins);
}


// TRANSLATORS: a notification; {0} is a request number, {1} its title.
std::string AskText(const Request& r) { return Format(tr("{0} “{1}” waits for your approval."), {r.number, r.summary}); }

// Tells `who` (each in their language) that `r` waits for their decision.
Result<Unit> Notify(storage::Database& db, const Request& r, const std::vector<UserId>& who, std::function<std::string()> text,
                    Timestamp now) {
    return NotifyUsers(db, r, who, kNotificationApproval, text, now);
}

// Starts the next waiting step of `rows` (its approvers resolved now) and tells them.
Result<bool> StartNext(storage::Database& db, const Request& r, std::vector<storage::StepRow>& rows, Timestamp now) {
    for (storage::StepRow& row : rows) {
        if (row.step.state == approval::StepState::pending) return false;
        if (row.step.state != approval::StepState::waiting) continue;
        approval::StepRule rule{row.step.kind, row.step.group, row.step.quorum, {}};
        auto approvers = ApproversFor(db, rule, r.requester_id);
        if (!approvers.ok()) return approvers.error();
        std::vector<approval::Step> one{row.step};
        approval::StartStep(one, *approvers, now);
        row.step = one.front();
        if (auto s = storage::SaveStep(db, row); !s.ok()) return s.error();
        if (auto n = Notify(db, r, row.step.approvers, [&] { return AskText(r); }, now); !n.ok()) return n.error();
        return true;
    }
    return false;
}

std::string NameOf(storage::Database& db, UserId id) {
    auto u = storage::FindUser(db, id);
    if (!u.ok() || !*u) return "#" + std::to_string(id.value);
    return (*u)->display_name;
}

}  // namespace

Result<Unit> StartApproval(storage::Database& db, Request& r, const std::vector<approval::StepRule>& rules, Timestamp now) {
    if (rules.empty()) return Unit{};
    std::vector<storage::StepRow> rows;
    for (std::size_t i = 0; i < rules.size(); ++i) {
        storage::StepRow row;
        row.position = static_cast<int>(i);
        row.step.kind = rules[i].kind;
        row.step.group = rules[i].group;
        row.step.quorum = rules[i].quorum;
        rows.push_back(std::move(row));
    }
    if (auto in = storage::InsertSteps(db, r.id, rows); !in.ok()) return in.error();
    if (auto started = StartNext(db, r, rows, now); !started.ok()) return started.error();
    if (r.status == Status::awaiting_approval)
        if (auto p = storage::OpenPause(db, r.id, now); !p.ok()) return p.error();
    return storage::AppendHistory(db, r.id, {0, now, UserId(), {}, "approval", {}, "pending"});
}

Result<Unit> FillApproval(storage::Database& db, Request& r, UserId viewer, Timestamp now) {
    auto rows = storage::ListSteps(db, r.id);
    if (!rows.ok()) return rows.error();
    r.approval.clear();
    r.can_decide = false;
    for (const storage::StepRow& row : *rows) {
        ApprovalStepView v;
        v.kind = approval::StepKindName(row.step.kind);
        v.quorum = approval::QuorumName(row.step.quorum);
        v.state = approval::StepStateName(row.step.state);
        v.started_at = row.step.started_at;
        v.decided_at = row.step.decided_at;
        if (row.step.kind == approval::StepKind::group) {
            auto group = storage::FindApproverGroup(db, row.step.group);
            if (!group.ok()) return group.error();
            v.group_name = *group ? (*group)->name : row.step.group;
        }
        for (UserId a : row.step.approvers) v.approvers.push_back(NameOf(db, a));
        for (const approval::Vote& vote : row.step.votes)
            v.votes.push_back({NameOf(db, vote.approver), vote.by == vote.approver ? std::string() : NameOf(db, vote.by),
                               vote.decision == approval::Decision::approve, vote.comment, vote.at});
        if (row.step.state == approval::StepState::pending) {
            auto delegations = storage::ActiveDelegationsFrom(db, row.step.approvers, now);
            if (!delegations.ok()) return delegations.error();
            r.can_decide = !approval::ActingFor(row.step, viewer, r.requester_id, *delegations, now).empty();
        }
        r.approval.push_back(std::move(v));
    }
    return Unit{};
}

Result<bool> MayRead(storage::Database& db, const Request& r, const User& user, Timestamp now) {
    if (IsStaff(user.role) || r.requester_id == user.id) return true;
    return IsApproverOf(db, r.id, user.id, now);
}

Result<bool> IsApproverOf(storage::Database& db, RequestId id, UserId user, Timestamp now) {
    auto rows = storage::ListSteps(db, id);
    if (!rows.ok()) return rows.error();
    for (const storage::StepRow& row : *rows) {
        if (std::find(row.step.approvers.begin(), row.step.approvers.end(), user) != row.step.approvers.end()) return true;
        if (row.step.state != approval::StepState::pending) continue;
        auto delegations = storage::ActiveDelegationsFrom(db, row.step.approvers, now);
        if (!delegations.ok()) return delegations.error();
        for (const approval::Delegation& d : *delegations)
            if (d.to == user) return true;
    }
    return false;
}

Result<int> RemindApprovers(storage::Database& db, Timestamp now) {
    auto pending = storage::ListPendingApprovals(db, now, 200);
    if (!pending.ok()) return pending.error();
    int sent = 0;
    const SlaSetup& sla = ServerSla();
    for (RequestId id : *pending) {
        auto found = storage::FindRequest(db, id, true);
        if (!found.ok()) return found.error();
        if (!*found) continue;
        const Request& r = **found;
        const BusinessCalendar* cal = nullptr;
        for (const SlaPolicy& p : sla.policies)
            if (p.name == r.sla_policy) cal = FindCalendar(sla.calendars, SlaCalendarFor(p, r.priority));
        static const BusinessCalendar k24x7 = MakeCalendar24x7();
        auto rows = storage::ListSteps(db, id);
        if (!rows.ok()) return rows.error();
        for (storage::StepRow& row : *rows) {
            if (!approval::ReminderDue(row.step, row.remind_hours, cal ? *cal : k24x7, now)) continue;
            std::vector<UserId> waiting;
            for (UserId a : row.step.approvers)
                if (std::none_of(row.step.votes.begin(), row.step.votes.end(), [&](const approval::Vote& v) { return v.approver == a; }))
                    waiting.push_back(a);
            // TRANSLATORS: a reminder notification; {0} is a request number, {1} its title.
            if (auto n = Notify(db, r, waiting, [&] { return Format(tr("Reminder: {0} “{1}” still waits for your approval."), {r.number, r.summary}); }, now);
                !n.ok())
                return n.error();
            row.step.reminded_at = now;
            if (auto s = storage::SaveStep(db, row); !s.ok()) return s.error();
            ++sent;
        }
    }
    return sent;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Routes (RequestService)
// ---------------------------------------------------------------------------------------------
Result<Request> RequestService::DecideApproval(const User& caller, RequestId id, const api::DecisionBody& body,
                                               Timestamp now) {
    const bool staff = IsStaff(caller.role);
    auto snapshot = m_catalog.Snapshot();
    auto result = m_writer.Run([&](storage::Database& db) -> Result<Request> {
        auto found = storage::FindRequest(db, id, staff);
        if (!found.ok()) return found.error();
        bool visible = *found && (staff || (*found)->requester_id == caller.id);
        if (*found && !visible) {
            auto approver = IsApproverOf(db, id, caller.id, now);
            if (!approver.ok()) return approver.error();
            visible = *approver;
        }
        if (!visible) return MakeError(ErrorCode::not_found, tr("No such request."));
        const Request before = **found;
        if (before.version != body.base_version) return StaleRequest(before);
        if (!IsOpenStatus(before.status))
            return MakeError(ErrorCode::conflict, tr("This request has ended; there is nothing left to approve."));
        auto rows = storage::ListSteps(db, id);
        if (!rows.ok()) return rows.error();
        if (rows->empty()) return MakeError(ErrorCode::conflict, tr("This request needs no approval."));
        std::vector<approval::Step> steps = Steps(*rows);
        const int current = approval::CurrentStep(steps);
        std::vector<approval::Delegation> delegations;
        if (current >= 0) {
            auto d = storage::ActiveDelegationsFrom(db, steps[static_cast<std::size_t>(current)].approvers, now);
            if (!d.ok()) return d.error();
            delegations = std::move(*d);
        }
        const approval::Decision decision = body.approve ? approval::Decision::approve : approval::Decision::reject;
        if (auto decided = approval::Decide(steps, caller.id, before.requester_id, delegations, decision, body.comment, now);
            !decided.ok())
            return decided.error();
        storage::StepRow& row = (*rows)[static_cast<std::size_t>(current)];
        row.step = steps[static_cast<std::size_t>(current)];
        if (auto s = storage::SaveStep(db, row); !s.ok()) return s.error();
        if (row.step.state == approval::StepState::approved)
            if (auto next = StartNext(db, before, *rows, now); !next.ok()) return next.error();

        Request r = before;
        const approval::Outcome outcome = approval::OutcomeOf(Steps(*rows));
        if (outcome == approval::Outcome::approved && before.status == Status::awaiting_approval) {
            // Approved: from now on it is a new request, routed, assigned and timed like any other.
            const CatalogItem* item = snapshot->Find(before.catalog_item_id);
            auto requester = storage::FindUser(db, before.requester_id);
            if (!requester.ok()) return requester.error();
            if (auto p = ApplyStatus(db, r, Status::new_, PendingReason::none, caller, now); !p.ok()) return p.error();
            if (item && *requester)
                if (auto placed = PlaceNewRequest(db, r, *item, **requester, now); !placed.ok()) return placed.error();
            if (auto d = RefreshDueTimes(db, r, now); !d.ok()) return d.error();
        } else if (outcome == approval::Outcome::rejected && IsOpenStatus(before.status)) {
            if (auto p = ApplyStatus(db, r, Status::cancelled, PendingReason::none, caller, now); !p.ok()) return p.error();
            // TRANSLATORS: why a request ended; {0} is the approver's name, {1} their reason.
            r.cancel_reason = Format(tr("Not approved by {0}: {1}"), {caller.display_name, body.comment});
            if (auto d = RefreshDueTimes(db, r, now); !d.ok()) return d.error();
        }
        if (auto s = SaveChanged(db, before, r, caller.id, now); !s.ok()) return s.error();
        if (outcome != approval::Outcome::pending)
            if (auto h = storage::AppendHistory(db, id, {0, now, caller.id, {}, "approval", "pending",
                                                         std::string(approval::OutcomeName(outcome))});
                !h.ok())
                return h.error();
        const std::string detail = storage::AuditDetail()
                                       .Int("request_id", id.value)
                                       .Int("step", row.position)
                                       .Text("decision", approval::DecisionName(decision))
                                       .Text("outcome", approval::OutcomeName(outcome))
                                       .Json();
        if (auto a = storage::AppendAudit(db, {now, caller.id, "approval", row.id, "decide", detail}); !a.ok())
            return a.error();
        auto after = storage::FindRequest(db, id, staff);
        if (!after.ok()) return after.error();
        if (!*after) return MakeError(ErrorCode::internal, "The request vanished while it was approved.");
        Request out = std::move(**after);
        if (auto f = FillApproval(db, out, caller.id, now); !f.ok()) return f.error();
        return out;
    });
    if (result.ok()) {
        Publish(*result, ChangeKind::updated, caller.id, now, true);
        ShapeForCaller(caller, *result);
    }
    return result;
}

Result<api::RequestPage> RequestService::ApprovalInbox(const User& caller, int limit, Timestamp now) {
    auto lease = m_readers.Acquire();
    auto ids = storage::ListInbox(*lease, caller.id, now, limit);
    if (!ids.ok()) return ids.error();
    auto total = storage::CountInbox(*lease, caller.id, now);
    if (!total.ok()) return total.error();
    api::RequestPage page;
    page.total = static_cast<int>(*total);
    page.page_size = limit;
    for (RequestId id : *ids) {
        auto found = storage::FindRequest(*lease, id, false);
        if (!found.ok()) return found.error();
        if (!*found) continue;
        Request r = std::move(**found);
        if (auto f = FillApproval(*lease, r, caller.id, now); !f.ok()) return f.error();
        ShapeForCaller(caller, r);
        page.items.push_back(std::move(r));
    }
    return page;
}

Result<std::vector<api::DelegationView>> RequestService::ListDelegations(const User& caller, Timestamp now) {
    auto lease = m_readers.Acquire();
    auto rows = storage::ListDelegationsOf(*lease, caller.id, now);
    if (!rows.ok()) return rows.error();
    std::vector<api::DelegationView> out;
    for (const storage::DelegationRow& row : *rows)
        out.push_back({row.id, row.d.from, row.d.to, NameOf(*lease, row.d.from), NameOf(*lease, row.d.to), row.d.starts_at,
                       row.d.ends_at});
    return out;
}

Result<api::DelegationView> RequestService::AddDelegation(const User& caller, const api::DelegationBody& body,
                                                          Timestamp now) {
    return m_writer.Run([&](storage::Database& db) -> Result<api::DelegationView> {
        auto to = storage::FindUserByUsername(db, body.to);
        if (!to.ok()) return to.error();
        if (!*to) return MakeError(ErrorCode::validation_failed, tr("There is nobody with that username."), "to");
        if ((*to)->user.id == caller.id)
            return MakeError(ErrorCode::validation_failed, tr("Choose someone else to approve for you."), "to");
        if (body.ends_at <= now) return MakeError(ErrorCode::validation_failed, tr("The delegation has already ended."), "ends_at");
        auto mine = storage::ListDelegationsOf(db, caller.id, now);
        if (!mine.ok()) return mine.error();
        if (mine->size() >= 20) return MakeError(ErrorCode::conflict, tr("You have too many delegations; end one first."));
        const approval::Delegation d{caller.id, (*to)->user.id, body.starts_at, body.ends_at};
        auto id = storage::InsertDelegation(db, d, now);
        if (!id.ok()) return id.error();
        const std::string detail = storage::AuditDetail().Int("to", d.to.value).Int("starts_at", d.starts_at).Int("ends_at", d.ends_at).Json();
        if (auto a = storage::AppendAudit(db, {now, caller.id, "delegation", *id, "create", detail}); !a.ok()) return a.error();
        return api::DelegationView{*id, d.from, d.to, caller.display_name, (*to)->user.display_name, d.starts_at, d.ends_at};
    });
}

Result<Unit> RequestService::EndDelegation(const User& caller, std::int64_t id, Timestamp now) {
    return m_writer.Run([&](storage::Database& db) -> Result<Unit> {
        auto ended = storage::EndDelegation(db, id, caller.id, now);
        if (!ended.ok()) return ended.error();
        if (!*ended) return MakeError(ErrorCode::not_found, tr("No such delegation."));
        return storage::AppendAudit(db, {now, caller.id, "delegation", id, "end", "{}"});
    });
}


}  // namespace spoc::app
