// The approval rules of approval.h.
#include "shared/domain/approval.h"

#include <algorithm>

#include "shared/domain/i18n.h"
#include "shared/domain/text.h"

namespace spoc::approval {

using i18n::tr;

namespace {

// Approver group keys: lower-case letters, digits and "_", as catalog field keys.
bool GroupKeyOk(std::string_view key) {
    if (key.empty() || key.size() > 64) return false;
    return std::all_of(key.begin(), key.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

bool Contains(const std::vector<UserId>& ids, UserId id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

bool Matches(const Condition& c, const FormValues& values) {
    auto it = values.find(c.field);
    if (it == values.end()) return false;
    const FormValue& v = it->second;
    auto listed = [&](const std::string& s) { return std::find(c.values.begin(), c.values.end(), s) != c.values.end(); };
    switch (v.kind) {
        case FormValue::Kind::text: return listed(v.text);
        case FormValue::Kind::boolean: return listed(v.checked ? "true" : "false");
        case FormValue::Kind::list: return std::any_of(v.list.begin(), v.list.end(), listed);
        case FormValue::Kind::none: return false;
    }
    return false;
}

}  // namespace

std::string_view StepKindName(StepKind kind) { return kind == StepKind::manager ? "manager" : "group"; }
bool ParseStepKind(std::string_view text, StepKind* out) {
    if (text == "manager") *out = StepKind::manager;
    else if (text == "group") *out = StepKind::group;
    else return false;
    return true;
}
std::string_view QuorumName(Quorum quorum) { return quorum == Quorum::any ? "any" : "all"; }
bool ParseQuorum(std::string_view text, Quorum* out) {
    if (text == "any") *out = Quorum::any;
    else if (text == "all") *out = Quorum::all;
    else return false;
    return true;
}
std::string_view StepStateName(StepState state) {
    switch (state) {
        case StepState::waiting: return "waiting";
        case StepState::pending: return "pending";
        case StepState::approved: return "approved";
        case StepState::rejected: return "rejected";
    }
    return "waiting";
}
bool ParseStepState(std::string_view text, StepState* out) {
    for (StepState s : {StepState::waiting, StepState::pending, StepState::approved, StepState::rejected})
        if (StepStateName(s) == text) {
            *out = s;
            return true;
        }
    return false;
}
std::string_view DecisionName(Decision decision) { return decision == Decision::approve ? "approve" : "reject"; }
bool ParseDecision(std::string_view text, Decision* out) {
    if (text == "approve") *out = Decision::approve;
    else if (text == "reject") *out = Decision::reject;
    else return false;
    return true;
}
std::string_view OutcomeName(Outcome outcome) {
    return outcome == Outcome::pending ? "pending" : outcome == Outcome::approved ? "approved" : "rejected";
}

bool HasApproval(const Policy& policy) { return !policy.steps.empty(); }

std::vector<StepRule> ActiveSteps(const Policy& policy, const FormValues& values) {
    std::vector<StepRule> out;
    for (const StepRule& s : policy.steps)
        if (std::all_of(s.when.begin(), s.when.end(), [&](const Condition& c) { return Matches(c, values); }))
            out.push_back(s);
    return out;
}

bool Applies(const Policy& policy, const FormValues& values) { return !ActiveSteps(policy, values).empty(); }

std::vector<FieldError> ValidatePolicy(const Policy& policy, const CatalogItem& item) {
    std::vector<FieldError> out;
    if (policy.steps.size() > static_cast<std::size_t>(kMaxSteps))
        out.push_back({"approval.steps", tr("An approval has at most five steps.")});
    std::vector<const Condition*> conditions;
    for (const StepRule& s : policy.steps) {
        if (s.kind == StepKind::group && !GroupKeyOk(s.group))
            out.push_back({"approval.steps", tr("A group step names its approver group.")});
        for (const Condition& c : s.when) conditions.push_back(&c);
    }
    for (const Condition* cp : conditions) {
        const Condition& c = *cp;
        auto field = std::find_if(item.fields.begin(), item.fields.end(), [&](const FieldDef& f) { return f.key == c.field; });
        if (field == item.fields.end() || c.values.empty()) {
            out.push_back({"approval.when", tr("A condition names a field of the form and at least one value.")});
            continue;
        }
        if (field->type == FieldType::single_choice || field->type == FieldType::multi_choice)
            for (const std::string& v : c.values)
                if (std::none_of(field->options.begin(), field->options.end(), [&](const Choice& o) { return o.value == v; }))
                    out.push_back({"approval.when", tr("A condition's value is not one of the field's options.")});
    }
    if (policy.remind_after_hours < 0 || policy.remind_after_hours > 720)
        out.push_back({"approval.remind_after_hours", tr("Reminders go out after 0 to 720 business hours.")});
    return out;
}

std::vector<UserId> ResolveApprovers(const StepRule& rule, UserId requester, UserId manager,
                                     const std::vector<UserId>& group_members, const std::vector<UserId>& fallback) {
    std::vector<UserId> out;
    auto add = [&](UserId id) {
        if (id.valid() && id != requester && !Contains(out, id)) out.push_back(id);
    };
    if (rule.kind == StepKind::manager) add(manager);
    else for (UserId m : group_members) add(m);
    if (out.empty()) for (UserId f : fallback) add(f);
    return out;
}

std::vector<UserId> ActingFor(const Step& step, UserId actor, UserId requester, const std::vector<Delegation>& delegations,
                              Timestamp now) {
    std::vector<UserId> out;
    if (!actor.valid() || actor == requester) return out;
    auto voted = [&](UserId id) {
        return std::any_of(step.votes.begin(), step.votes.end(), [&](const Vote& v) { return v.approver == id; });
    };
    for (UserId a : step.approvers) {
        if (a == requester || voted(a)) continue;
        const bool self = a == actor;
        const bool delegated = std::any_of(delegations.begin(), delegations.end(), [&](const Delegation& d) {
            return d.from == a && d.to == actor && d.starts_at <= now && now < d.ends_at;
        });
        if (self || delegated) out.push_back(a);
    }
    return out;
}

std::vector<FieldError> ValidateDecisionComment(Decision decision, std::string_view comment) {
    const std::string_view trimmed = Trim(comment);
    if (decision == Decision::reject && trimmed.empty())
        return {{"comment", tr("Say why you reject it; the requester reads this.")}};
    if (Utf8Length(trimmed) > kMaxDecisionComment || !IsPlainText(trimmed, true))
        return {{"comment", tr("Keep the comment to plain text of at most 2000 characters.")}};
    return {};
}

std::vector<FieldError> ValidateDelegation(std::string_view to, Timestamp starts_at, Timestamp ends_at) {
    if (Trim(to).empty()) return {{"to", tr("Choose who approves for you.")}};
    if (ends_at <= starts_at) return {{"ends_at", tr("The delegation has to end after it starts.")}};
    if (ends_at - starts_at > kMaxDelegationMs) return {{"ends_at", tr("A delegation lasts at most 90 days.")}};
    return {};
}

StepState Tally(const Step& step) {
    if (step.state != StepState::pending) return step.state;
    if (step.quorum == Quorum::any) {
        if (step.votes.empty()) return StepState::pending;
        return step.votes.front().decision == Decision::approve ? StepState::approved : StepState::rejected;
    }
    bool all_approved = !step.approvers.empty();
    for (UserId a : step.approvers) {
        auto v = std::find_if(step.votes.begin(), step.votes.end(), [&](const Vote& x) { return x.approver == a; });
        if (v != step.votes.end() && v->decision == Decision::reject) return StepState::rejected;
        if (v == step.votes.end()) all_approved = false;
    }
    return all_approved ? StepState::approved : StepState::pending;
}

Outcome OutcomeOf(const std::vector<Step>& steps) {
    bool all = true;
    for (const Step& s : steps) {
        if (s.state == StepState::rejected) return Outcome::rejected;
        if (s.state != StepState::approved) all = false;
    }
    return all ? Outcome::approved : Outcome::pending;
}

int CurrentStep(const std::vector<Step>& steps) {
    for (std::size_t i = 0; i < steps.size(); ++i)
        if (steps[i].state == StepState::pending) return static_cast<int>(i);
    return -1;
}

Result<Unit> Decide(std::vector<Step>& steps, UserId actor, UserId requester, const std::vector<Delegation>& delegations,
                    Decision decision, std::string comment, Timestamp now) {
    const int current = CurrentStep(steps);
    if (current < 0) return MakeError(ErrorCode::conflict, tr("This approval was already decided."));
    Step& step = steps[static_cast<std::size_t>(current)];
    const std::vector<UserId> acting = ActingFor(step, actor, requester, delegations, now);
    if (acting.empty()) {
        const bool named = Contains(step.approvers, actor);
        return MakeError(named ? ErrorCode::conflict : ErrorCode::forbidden,
                         named ? tr("You already decided this step.") : tr("You are not an approver of this step."));
    }
    if (auto bad = ValidateDecisionComment(decision, comment); !bad.empty())
        return MakeError(ErrorCode::validation_failed, bad.front().message, bad.front().field);
    comment = std::string(Trim(comment));
    for (UserId a : acting) step.votes.push_back({a, actor, decision, comment, now});
    step.state = Tally(step);
    if (step.state != StepState::pending) step.decided_at = now;
    return Unit{};
}

bool StartStep(std::vector<Step>& steps, std::vector<UserId> approvers, Timestamp now) {
    for (Step& s : steps) {
        if (s.state == StepState::pending) return false;
        if (s.state != StepState::waiting) continue;
        s.state = StepState::pending;
        s.approvers = std::move(approvers);
        s.started_at = now;
        return true;
    }
    return false;
}

bool ReminderDue(const Step& step, int hours, const BusinessCalendar& calendar, Timestamp now) {
    if (hours <= 0 || step.state != StepState::pending || step.started_at == 0) return false;
    const Timestamp since = std::max(step.started_at, step.reminded_at);
    return BusinessTimeBetween(calendar, since, now) >= static_cast<std::int64_t>(hours) * kMsPerHour;
}

}  // namespace spoc::approval
