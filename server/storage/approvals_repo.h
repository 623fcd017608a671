// SQL for approvals (migrations/0012_approvals.sql): managers, approver groups, delegations, and
// each request's approval steps with their approvers and votes.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/storage/sqlite.h"
#include "shared/domain/approval.h"
#include "shared/domain/ids.h"

namespace spoc::storage {

// ---- People --------------------------------------------------------------------------------
Result<UserId> ManagerOf(Database& db, UserId user);                 // invalid: none on record
Result<Unit> SetManager(Database& db, UserId user, UserId manager);  // manager invalid: none
Result<std::vector<UserId>> ListAdmins(Database& db);                // the fallback approvers

struct ApproverGroupRow {
    std::int64_t id = 0;
    std::string key, name;
    std::vector<UserId> members;
};
Result<Unit> UpsertApproverGroup(Database& db, const ApproverGroupRow& group);  // by key; members replaced
Result<std::optional<ApproverGroupRow>> FindApproverGroup(Database& db, const std::string& key);

// ---- Delegations -----------------------------------------------------------------------------
struct DelegationRow {
    std::int64_t id = 0;
    approval::Delegation d;
};
Result<std::int64_t> InsertDelegation(Database& db, const approval::Delegation& d, Timestamp now);
// Running or future delegations from or to `user` (ends_at > now), soonest first.
Result<std::vector<DelegationRow>> ListDelegationsOf(Database& db, UserId user, Timestamp now);
// Delegations in force at `now` from any of `approvers`.
Result<std::vector<approval::Delegation>> ActiveDelegationsFrom(Database& db, const std::vector<UserId>& approvers,
                                                                Timestamp now);
Result<bool> EndDelegation(Database& db, std::int64_t id, UserId from, Timestamp now);  // false: not theirs / none

// ---- A request's steps -----------------------------------------------------------------------
struct StepRow {
    std::int64_t id = 0;
    RequestId request;
    int position = 0;
    approval::Step step;
    int remind_hours = 8;          // the policy's remind_after_hours when it was created
    std::size_t stored_votes = 0;  // votes[0..stored_votes) are in the table; SaveStep inserts the rest
};
Result<Unit> InsertSteps(Database& db, RequestId request, std::vector<StepRow>& steps);  // fills ids; with approvers
Result<std::vector<StepRow>> ListSteps(Database& db, RequestId request);                 // in order, with approvers and votes
Result<Unit> SaveStep(Database& db, StepRow& row);  // state and times, approvers (replaced), new votes
// Requests with a pending step that `user` may decide at `now` (as an approver, or for one as a
// delegate), oldest step first; and how many there are.
Result<std::vector<RequestId>> ListInbox(Database& db, UserId user, Timestamp now, int limit);
Result<std::int64_t> CountInbox(Database& db, UserId user, Timestamp now);
// Everyone who may decide one of the request's steps, and their delegates at `now`: whom a change to
// the request concerns besides its requester (live events; their inbox and count follow it).
Result<std::vector<UserId>> ApprovalWatchers(Database& db, RequestId request, Timestamp now);
// Pending steps started before `before` (reminders; housekeeping), oldest first.
Result<std::vector<RequestId>> ListPendingApprovals(Database& db, Timestamp before, int limit);

}  // namespace spoc::storage
