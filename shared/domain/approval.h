// Approvals (issue 13), pure rules shared by the server and the browser: what a catalog item's
// approval policy says (none, the requester's manager, a named approver group where any one or
// every member must approve, or a chain of those, optionally only when a form answer matches),
// who may decide a step (the approvers, or a delegate acting for an absent one; never the
// requester), how votes settle a step, how a chain advances, and when a reminder is due.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "shared/domain/approval_policy.h"
#include "shared/domain/catalog.h"
#include "shared/domain/ids.h"
#include "shared/domain/result.h"
#include "shared/domain/sla.h"
#include "shared/domain/time.h"

namespace spoc::approval {

// ---- Policy ------------------------------------------------------------------------------------
bool HasApproval(const Policy& policy);                                  // at least one step
std::vector<StepRule> ActiveSteps(const Policy& policy, const FormValues& values);  // the steps whose conditions hold
bool Applies(const Policy& policy, const FormValues& values);           // ActiveSteps is not empty
// A policy as the catalog loader checks it against its item: at most kMaxSteps steps, group
// steps name a group, conditions name a field of the item and (for choice fields) its options,
// reminders 0..720 hours. Field keys "approval.steps", "approval.when", "approval.remind_after_hours".
std::vector<FieldError> ValidatePolicy(const Policy& policy, const CatalogItem& item);

// ---- A request's approval as it runs -------------------------------------------------------
enum class StepState { waiting, pending, approved, rejected };  // waiting: a later step not started yet
std::string_view StepStateName(StepState state);  // "waiting" | "pending" | "approved" | "rejected"
bool ParseStepState(std::string_view text, StepState* out);
enum class Decision { approve, reject };
std::string_view DecisionName(Decision decision);  // "approve" | "reject"
bool ParseDecision(std::string_view text, Decision* out);

struct Vote {
    UserId approver;               // whose vote it is (the approver named on the step)
    UserId by;                     // who cast it: the approver, or their delegate
    Decision decision = Decision::approve;
    std::string comment;
    Timestamp at = 0;
};

struct Step {
    StepKind kind = StepKind::manager;
    Quorum quorum = Quorum::any;
    std::string group;             // kind group: its key
    std::vector<UserId> approvers; // fixed when the step starts
    StepState state = StepState::waiting;
    std::vector<Vote> votes;
    Timestamp started_at = 0;      // became pending
    Timestamp decided_at = 0;
    Timestamp reminded_at = 0;     // last reminder (0: none yet)
};

// Who approves a step that starts now: the requester's manager, or the group's members; never the
// requester. A step left without anyone (no manager on record, an empty group) goes to
// `fallback` (the admins), so nobody's request is approved by default.
std::vector<UserId> ResolveApprovers(const StepRule& rule, UserId requester, UserId manager,
                                     const std::vector<UserId>& group_members, const std::vector<UserId>& fallback);

// An absent approver's delegate: `to` acts for `from` in [starts_at, ends_at).
struct Delegation {
    UserId from;
    UserId to;
    Timestamp starts_at = 0;
    Timestamp ends_at = 0;
};
// The approvers of `step` that `actor` may vote for at `now`: themselves when named, and every
// named approver who delegated to them (one level: a delegate's delegate is not followed). Never
// the requester, and never an approver who already voted.
std::vector<UserId> ActingFor(const Step& step, UserId actor, UserId requester,
                              const std::vector<Delegation>& delegations, Timestamp now);

inline constexpr Timestamp kMaxDelegationMs = 90 * kMsPerDay;
// A delegation as asked for: someone named ("to", a username), ending after it starts, at most 90
// days long ("ends_at"). Who they are, and that it has not already ended, is the server's to check.
std::vector<FieldError> ValidateDelegation(std::string_view to, Timestamp starts_at, Timestamp ends_at);

inline constexpr std::size_t kMaxDecisionComment = 2000;  // code points
// A decision's comment: optional to approve, required to reject (it is the requester's reason).
// Field "comment".
std::vector<FieldError> ValidateDecisionComment(Decision decision, std::string_view comment);

// What the step's votes add up to: any - the first vote decides it; all - one rejection rejects,
// every approver's approval approves; otherwise still pending.
StepState Tally(const Step& step);

enum class Outcome { pending, approved, rejected };
std::string_view OutcomeName(Outcome outcome);  // "pending" | "approved" | "rejected"

// The whole approval: rejected as soon as one step is, approved once every step is.
Outcome OutcomeOf(const std::vector<Step>& steps);
// The step now pending (index), or -1 when none is.
int CurrentStep(const std::vector<Step>& steps);

// Records `actor`'s decision on the pending step for every approver they act for (ActingFor) and
// settles it (Tally). Errors: forbidden - actor is not an approver of the pending step (nor a
// delegate of one); conflict - nothing is pending (decided already: the slower of two approvers
// racing on an "any one" step gets this); validation_failed - the comment. On success the caller
// starts the next step (StartStep) when this one is approved.
Result<Unit> Decide(std::vector<Step>& steps, UserId actor, UserId requester, const std::vector<Delegation>& delegations,
                    Decision decision, std::string comment, Timestamp now);

// Moves the first waiting step to pending with its approvers; false when there is none.
bool StartStep(std::vector<Step>& steps, std::vector<UserId> approvers, Timestamp now);

// A reminder is due for a pending step when `hours` business hours (on `calendar`) have passed
// since it started or since its last reminder. hours 0: never.
bool ReminderDue(const Step& step, int hours, const BusinessCalendar& calendar, Timestamp now);

}  // namespace spoc::approval
