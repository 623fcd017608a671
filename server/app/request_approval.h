// Approvals on the server (issue 13), the in-job steps around shared/domain/approval.h: starting a
// request's approval when it is created, showing it to whoever may see the request, reminding
// approvers. The routes (decide, inbox, delegations) are RequestService methods in
// request_approval.cpp.
#pragma once
#include <vector>

#include "server/storage/sqlite.h"
#include "shared/domain/approval.h"
#include "shared/domain/request.h"

namespace spoc::app {

// Inserts the steps `rules` (ActiveSteps of the item's policy for this form) of a request just
// inserted and starts the first: its approvers are the requester's manager or the group's members
// (never the requester; the admins when nobody is left), who are notified. A request Awaiting
// approval gets its SLA clocks paused from now until the approval ends. A history row
// "approval: -> pending" records it.
Result<Unit> StartApproval(storage::Database& db, Request& r, const std::vector<approval::StepRule>& rules, Timestamp now);

// r.approval (names, states, votes) and r.can_decide for `viewer` at `now`.
Result<Unit> FillApproval(storage::Database& db, Request& r, UserId viewer, Timestamp now);

// True when `user` approves (or approved) a step of request `id`, or is an approver's delegate
// now: they may read the request (its public part) to decide.
Result<bool> IsApproverOf(storage::Database& db, RequestId id, UserId user, Timestamp now);
// Who may read request `r` (its public part; staff also its internal notes): staff, its requester,
// and an approver of one of its steps (or an approver's delegate now). The request page and its files.
Result<bool> MayRead(storage::Database& db, const Request& r, const User& user, Timestamp now);

// Housekeeping: pending steps without a decision for the policy's business hours (the item's
// remind_after_hours, on the 24x7 calendar when the requester's has none) notify their approvers
// again. Returns how many reminders went out.
Result<int> RemindApprovers(storage::Database& db, Timestamp now);

}  // namespace spoc::app
