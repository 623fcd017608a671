// A catalog item's approval policy (issue 13), as data: the steps in order (the requester's
// manager, or a named approver group where any one or every member must approve), each optionally
// only when a form answer matches; whether fulfilment waits for the approval; when reminders go
// out. The rules that run it are in approval.h. Kept apart so catalog.h can hold a Policy.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace spoc::approval {

// ---- Policy (data: a catalog item's "approval" object) -----------------------------------------
enum class StepKind { manager, group };
enum class Quorum { any, all };  // a group step: any one member decides, or every member must approve
std::string_view StepKindName(StepKind kind);  // "manager" | "group"
bool ParseStepKind(std::string_view text, StepKind* out);
std::string_view QuorumName(Quorum quorum);    // "any" | "all"
bool ParseQuorum(std::string_view text, Quorum* out);

// The form answer of `field` is one of `values` (a multi-choice answer: any of its choices).
struct Condition {
    std::string field;
    std::vector<std::string> values;
};

struct StepRule {
    StepKind kind = StepKind::manager;
    std::string group;             // kind group: the approver group's key ("it_asset_management")
    Quorum quorum = Quorum::any;
    std::vector<Condition> when;   // the step applies only when every condition holds; empty: always
};

inline constexpr int kMaxSteps = 5;
inline constexpr int kDefaultRemindAfterHours = 8;  // business hours without a decision

struct Policy {
    std::vector<StepRule> steps;   // in order; empty: no approval
    // false: the request is routed, assigned and its SLA clocks run while approval is pending
    // (the policy "chooses otherwise"); true (default): nothing happens until it is approved.
    bool hold_until_approved = true;
    int remind_after_hours = kDefaultRemindAfterHours;  // business hours; 0: never remind
};

}  // namespace spoc::approval
