// SQL for approvals (see approvals_repo.h).
#include "server/storage/approvals_repo.h"

namespace spoc::storage {

namespace {

// "a.user_id = ?1 OR a.user_id IN (delegators of ?1 at ?2)", and not voted yet: the inbox's test.
#define SPOC_INBOX_WHERE                                                                                  \
    "FROM approval_steps s JOIN approval_approvers a ON a.step_id = s.id "                               \
    "WHERE s.state = 'pending' AND (a.user_id = ?1 OR a.user_id IN (SELECT from_user FROM "                \
    "approval_delegations WHERE to_user = ?1 AND starts_at <= ?2 AND ends_at > ?2)) "                     \
    "AND NOT EXISTS (SELECT 1 FROM approval_votes v WHERE v.step_id = s.id AND v.approver_id = a.user_id) " \
    "AND s.request_id IN (SELECT id FROM requests WHERE id = s.request_id AND requester_id <> ?1 "          \
    "AND status IN ('awaiting_approval', 'new', 'assigned', 'in_progress', 'pending')) "

Result<std::vector<UserId>> Ids(Query& q) {
    std::vector<UserId> out;
    for (;;) {
        auto row = q.Step();
        if (!row.ok()) return row.error();
        if (!*row) return out;
        out.push_back(UserId(q.Int(0)));
    }
}

Result<Unit> InsertApprovers(Database& db, std::int64_t step_id, const std::vector<UserId>& approvers) {
    auto clear = db.Prepare("DELETE FROM approval_approvers WHERE step_id = ?1");
    if (!clear.ok()) return clear.error();
    clear->Bind(1, step_id);
    if (auto run = clear->Run(); !run.ok()) return run.error();
    for (UserId u : approvers) {
        auto q = db.Prepare("INSERT OR IGNORE INTO approval_approvers (step_id, user_id) VALUES (?1, ?2)");
        if (!q.ok()) return q.error();
        q->Bind(1, step_id).Bind(2, u.value);
        if (auto run = q->Run(); !run.ok()) return run.error();
    }
    return Unit{};
}

}  // namespace

Result<UserId> ManagerOf(Database& db, UserId user) {
    auto q = db.Prepare("SELECT COALESCE(manager_id, 0) FROM users WHERE id = ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, user.value);
    auto row = q->Step();
    if (!row.ok()) return row.error();
    return *row ? UserId(q->Int(0)) : UserId();
}

Result<Unit> SetManager(Database& db, UserId user, UserId manager) {
    auto q = db.Prepare("UPDATE users SET manager_id = ?2 WHERE id = ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, user.value);
    if (manager.valid()) q->Bind(2, manager.value);
    else q->BindNull(2);
    return q->Run();
}

Result<std::vector<UserId>> ListAdmins(Database& db) {
    auto q = db.Prepare("SELECT id FROM users WHERE role = 'admin' ORDER BY id");
    if (!q.ok()) return q.error();
    return Ids(*q);
}

Result<Unit> UpsertApproverGroup(Database& db, const ApproverGroupRow& g) {
    auto q = db.Prepare("INSERT INTO approver_groups (key, name) VALUES (?1, ?2) "
                        "ON CONFLICT (key) DO UPDATE SET name = excluded.name");
    if (!q.ok()) return q.error();
    q->Bind(1, g.key).Bind(2, g.name);
    if (auto run = q->Run(); !run.ok()) return run.error();
    auto found = FindApproverGroup(db, g.key);
    if (!found.ok()) return found.error();
    if (!*found) return MakeError(ErrorCode::internal, "The approver group vanished.");
    auto clear = db.Prepare("DELETE FROM approver_group_members WHERE group_id = ?1");
    if (!clear.ok()) return clear.error();
    clear->Bind(1, (*found)->id);
    if (auto run = clear->Run(); !run.ok()) return run.error();
    for (UserId u : g.members) {
        auto m = db.Prepare("INSERT OR IGNORE INTO approver_group_members (group_id, user_id) VALUES (?1, ?2)");
        if (!m.ok()) return m.error();
        m->Bind(1, (*found)->id).Bind(2, u.value);
        if (auto run = m->Run(); !run.ok()) return run.error();
    }
    return Unit{};
}

Result<std::optional<ApproverGroupRow>> FindApproverGroup(Database& db, const std::string& key) {
    auto q = db.Prepare("SELECT id, key, name FROM approver_groups WHERE key = ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, key);
    auto row = q->Step();
    if (!row.ok()) return row.error();
    if (!*row) return std::optional<ApproverGroupRow>();
    ApproverGroupRow g;
    g.id = q->Int(0);
    g.key = q->Text(1);
    g.name = q->Text(2);
    auto m = db.Prepare("SELECT user_id FROM approver_group_members WHERE group_id = ?1 ORDER BY user_id");
    if (!m.ok()) return m.error();
    m->Bind(1, g.id);
    auto members = Ids(*m);
    if (!members.ok()) return members.error();
    g.members = std::move(*members);
    return std::optional<ApproverGroupRow>(std::move(g));
}

Result<std::int64_t> InsertDelegation(Database& db, const approval::Delegation& d, Timestamp now) {
    auto q = db.Prepare("INSERT INTO approval_delegations (from_user, to_user, starts_at, ends_at, created_at) "
                        "VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!q.ok()) return q.error();
    q->Bind(1, d.from.value).Bind(2, d.to.value).Bind(3, d.starts_at).Bind(4, d.ends_at).Bind(5, now);
    if (auto run = q->Run(); !run.ok()) return run.error();
    return db.LastInsertId();
}

Result<std::vector<DelegationRow>> ListDelegationsOf(Database& db, UserId user, Timestamp now) {
    auto q = db.Prepare("SELECT id, from_user, to_user, starts_at, ends_at FROM approval_delegations "
                        "WHERE (from_user = ?1 OR to_user = ?1) AND ends_at > ?2 ORDER BY starts_at, id LIMIT 50");
    if (!q.ok()) return q.error();
    q->Bind(1, user.value).Bind(2, now);
    std::vector<DelegationRow> out;
    for (;;) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) return out;
        out.push_back({q->Int(0), {UserId(q->Int(1)), UserId(q->Int(2)), q->Int(3), q->Int(4)}});
    }
}

Result<std::vector<approval::Delegation>> ActiveDelegationsFrom(Database& db, const std::vector<UserId>& approvers,
                                                                Timestamp now) {
    std::vector<approval::Delegation> out;
    for (UserId a : approvers) {
        auto q = db.Prepare("SELECT from_user, to_user, starts_at, ends_at FROM approval_delegations "
                            "WHERE from_user = ?1 AND starts_at <= ?2 AND ends_at > ?2");
        if (!q.ok()) return q.error();
        q->Bind(1, a.value).Bind(2, now);
        for (;;) {
            auto row = q->Step();
            if (!row.ok()) return row.error();
            if (!*row) break;
            out.push_back({UserId(q->Int(0)), UserId(q->Int(1)), q->Int(2), q->Int(3)});
        }
    }
    return out;
}

Result<bool> EndDelegation(Database& db, std::int64_t id, UserId from, Timestamp now) {
    auto q = db.Prepare("UPDATE approval_delegations SET ends_at = MAX(starts_at + 1, ?3) "
                        "WHERE id = ?1 AND from_user = ?2 AND ends_at > ?3");
    if (!q.ok()) return q.error();
    q->Bind(1, id).Bind(2, from.value).Bind(3, now);
    if (auto run = q->Run(); !run.ok()) return run.error();
    return db.Changes() == 1;
}

Result<Unit> InsertSteps(Database& db, RequestId request, std::vector<StepRow>& steps) {
    for (StepRow& s : steps) {
        auto q = db.Prepare("INSERT INTO approval_steps (request_id, position, kind, group_key, quorum, state, "
                            "started_at, decided_at, reminded_at, remind_hours) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
        if (!q.ok()) return q.error();
        s.request = request;
        q->Bind(1, request.value).Bind(2, s.position).Bind(3, approval::StepKindName(s.step.kind));
        q->Bind(4, s.step.group).Bind(5, approval::QuorumName(s.step.quorum)).Bind(6, approval::StepStateName(s.step.state));
        q->Bind(7, s.step.started_at).Bind(8, s.step.decided_at).Bind(9, s.step.reminded_at).Bind(10, s.remind_hours);
        if (auto run = q->Run(); !run.ok()) return run.error();
        s.id = db.LastInsertId();
        if (auto a = InsertApprovers(db, s.id, s.step.approvers); !a.ok()) return a.error();
        s.stored_votes = 0;
        if (auto v = SaveStep(db, s); !v.ok()) return v.error();
    }
    return Unit{};
}

Result<std::vector<StepRow>> ListSteps(Database& db, RequestId request) {
    auto q = db.Prepare("SELECT id, position, kind, group_key, quorum, state, started_at, decided_at, reminded_at, "
                        "remind_hours FROM approval_steps WHERE request_id = ?1 ORDER BY position");
    if (!q.ok()) return q.error();
    q->Bind(1, request.value);
    std::vector<StepRow> out;
    for (;;) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        StepRow s;
        s.id = q->Int(0);
        s.request = request;
        s.position = static_cast<int>(q->Int(1));
        const bool ok = approval::ParseStepKind(q->Text(2), &s.step.kind) &&
                        approval::ParseQuorum(q->Text(4), &s.step.quorum) &&
                        approval::ParseStepState(q->Text(5), &s.step.state);
        if (!ok) return MakeError(ErrorCode::internal, "Stored approval step " + std::to_string(s.id) + " is bad.");
        s.step.group = q->Text(3);
        s.step.started_at = q->Int(6);
        s.step.decided_at = q->Int(7);
        s.step.reminded_at = q->Int(8);
        s.remind_hours = static_cast<int>(q->Int(9));
        out.push_back(std::move(s));
    }
    for (StepRow& s : out) {
        auto a = db.Prepare("SELECT user_id FROM approval_approvers WHERE step_id = ?1 ORDER BY user_id");
        if (!a.ok()) return a.error();
        a->Bind(1, s.id);
        auto approvers = Ids(*a);
        if (!approvers.ok()) return approvers.error();
        s.step.approvers = std::move(*approvers);
        auto v = db.Prepare("SELECT approver_id, by_id, decision, comment, at FROM approval_votes WHERE step_id = ?1 ORDER BY id");
        if (!v.ok()) return v.error();
        v->Bind(1, s.id);
        for (;;) {
            auto row = v->Step();
            if (!row.ok()) return row.error();
            if (!*row) break;
            approval::Vote vote;
            vote.approver = UserId(v->Int(0));
            vote.by = UserId(v->Int(1));
            if (!approval::ParseDecision(v->Text(2), &vote.decision))
                return MakeError(ErrorCode::internal, "Stored approval vote is bad.");
            vote.comment = v->Text(3);
            vote.at = v->Int(4);
            s.step.votes.push_back(std::move(vote));
        }
        s.stored_votes = s.step.votes.size();
    }
    return out;
}

Result<Unit> SaveStep(Database& db, StepRow& s) {
    auto q = db.Prepare("UPDATE approval_steps SET state = ?2, started_at = ?3, decided_at = ?4, reminded_at = ?5 WHERE id = ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, s.id).Bind(2, approval::StepStateName(s.step.state)).Bind(3, s.step.started_at);
    q->Bind(4, s.step.decided_at).Bind(5, s.step.reminded_at);
    if (auto run = q->Run(); !run.ok()) return run.error();
    if (auto a = InsertApprovers(db, s.id, s.step.approvers); !a.ok()) return a.error();
    for (std::size_t i = s.stored_votes; i < s.step.votes.size(); ++i) {
        const approval::Vote& v = s.step.votes[i];
        auto ins = db.Prepare("INSERT INTO approval_votes (step_id, approver_id, by_id, decision, comment, at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        if (!ins.ok()) return ins.error();
        ins->Bind(1, s.id).Bind(2, v.approver.value).Bind(3, v.by.value).Bind(4, approval::DecisionName(v.decision));
        ins->Bind(5, v.comment).Bind(6, v.at);
        if (auto run = ins->Run(); !run.ok()) return run.error();
    }
    s.stored_votes = s.step.votes.size();
    return Unit{};
}

Result<std::vector<RequestId>> ListInbox(Database& db, UserId user, Timestamp now, int limit) {
    auto q = db.Prepare("SELECT s.request_id, MIN(s.started_at) " SPOC_INBOX_WHERE
                        "GROUP BY s.request_id ORDER BY MIN(s.started_at), s.request_id LIMIT ?3");
    if (!q.ok()) return q.error();
    q->Bind(1, user.value).Bind(2, now).Bind(3, limit);
    std::vector<RequestId> out;
    for (;;) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) return out;
        out.push_back(RequestId(q->Int(0)));
    }
}

Result<std::int64_t> CountInbox(Database& db, UserId user, Timestamp now) {
    auto q = db.Prepare("SELECT COUNT(DISTINCT s.request_id) " SPOC_INBOX_WHERE);
    if (!q.ok()) return q.error();
    q->Bind(1, user.value).Bind(2, now);
    auto row = q->Step();
    if (!row.ok()) return row.error();
    return *row ? q->Int(0) : 0;
}

Result<std::vector<UserId>> ApprovalWatchers(Database& db, RequestId request, Timestamp now) {
    auto q = db.Prepare(
        "SELECT a.user_id FROM approval_approvers a JOIN approval_steps s ON s.id = a.step_id "
        "WHERE s.request_id = ?1 "
        "UNION SELECT d.to_user FROM approval_delegations d "
        "JOIN approval_approvers a ON a.user_id = d.from_user JOIN approval_steps s ON s.id = a.step_id "
        "WHERE s.request_id = ?1 AND d.starts_at <= ?2 AND d.ends_at > ?2");
    if (!q.ok()) return q.error();
    q->Bind(1, request.value).Bind(2, now);
    std::vector<UserId> out;
    for (;;) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) return out;
        out.push_back(UserId(q->Int(0)));
    }
}

Result<std::vector<RequestId>> ListPendingApprovals(Database& db, Timestamp before, int limit) {
    auto q = db.Prepare("SELECT request_id FROM approval_steps WHERE state = 'pending' AND started_at < ?1 "
                        "ORDER BY started_at LIMIT ?2");
    if (!q.ok()) return q.error();
    q->Bind(1, before).Bind(2, limit);
    std::vector<RequestId> out;
    for (;;) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) return out;
        out.push_back(RequestId(q->Int(0)));
    }
}

}  // namespace spoc::storage
