// View-models of approvals (issue 13): the approval card on a request (each step: who, state,
// when, comments; the approver's buttons) and #/approvals, what waits for the user's decision.
#include <algorithm>

#include "client/app/view_models.h"
#include "client/app/vm_internal.h"
#include "shared/domain/approval.h"
#include "shared/domain/i18n.h"

namespace spoc::client {

using i18n::Format;
using i18n::tr;
using i18n::trn;

namespace {

DecisionViewModel BuildDecision(const AppState& state, const Request& r) {
    DecisionViewModel vm;
    vm.id = r.id;
    vm.visible = r.can_decide;
    vm.comment_max = static_cast<int>(approval::kMaxDecisionComment);
    auto d = state.decisions.find(r.id.value);
    if (d != state.decisions.end()) {
        vm.comment = d->second.comment;
        vm.rejecting = d->second.rejecting;
        vm.sending = d->second.in_flight;
        if (d->second.error) {
            const Error& e = *d->second.error;
            vm.error = e.code == ErrorCode::network ? std::string(tr("We couldn't reach Spoc. Try again.")) : e.message;
            vm.error_field = e.field;
        }
    }
    vm.comment_label = vm.rejecting ? tr("Why do you reject it? The requester reads this.") : tr("Comment (optional)");
    return vm;
}

std::string StepTitle(const ApprovalStepView& s) {
    const std::string who = s.approvers.empty() ? std::string() : s.approvers.front();
    if (s.kind == "manager")
        // TRANSLATORS: an approval step; {0} is the manager's name (empty before the step starts).
        return who.empty() ? std::string(tr("The requester's manager")) : Format(tr("Manager: {0}"), {who});
    const long n = static_cast<long>(s.approvers.size());
    if (s.quorum == "all" && n > 1)
        // TRANSLATORS: an approval step; {0} is a group ("IT asset management"), {1} how many must all approve.
        return Format(trn("{0} (all {1})", "{0} (all {1})", n), {s.group_name, i18n::FormatInt(n)});
    if (n > 1)
        // TRANSLATORS: an approval step; {0} is a group ("IT asset management"), {1} how many may decide.
        return Format(trn("{0} (any one of {1})", "{0} (any one of {1})", n), {s.group_name, i18n::FormatInt(n)});
    return n == 1 && !s.group_name.empty() ? Format(tr("{0}: {1}"), {s.group_name, who}) : s.group_name;
}

}  // namespace

ApprovalCardViewModel BuildApprovalCard(const AppState& state, const Request& r, const Clock& clock) {
    ApprovalCardViewModel vm;
    if (r.approval.empty()) return vm;
    vm.visible = true;
    vm.heading = tr("Approval");
    bool rejected = false, all = true;
    std::string waiting_for;
    for (const ApprovalStepView& s : r.approval) {
        ApprovalStepRowViewModel row;
        row.title = StepTitle(s);
        if (s.state == "approved") {
            row.state = tr("Approved");
            row.tone = Tone::success;
        } else if (s.state == "rejected") {
            row.state = tr("Not approved");
            row.tone = Tone::danger;
            rejected = true;
        } else if (s.state == "pending") {
            row.state = tr("Waiting");
            row.tone = Tone::warning;
            // TRANSLATORS: {0} is when the approvers were asked, e.g. "2 h ago".
            row.when = Format(tr("Asked {0}"), {FormatRelative(s.started_at, clock.now)});
            for (const std::string& a : s.approvers) waiting_for += (waiting_for.empty() ? "" : ", ") + a;
        } else {
            row.state = tr("Not started");
            row.tone = Tone::muted;
        }
        if (s.state != "approved") all = false;
        for (const ApprovalVoteView& v : s.votes) {
            // TRANSLATORS: who decided an approval step; {0} the approver, {1} when ("2 h ago").
            std::string line = v.approved ? Format(tr("Approved by {0} {1}"), {v.approver, FormatRelative(v.at, clock.now)})
                                          : Format(tr("Rejected by {0} {1}"), {v.approver, FormatRelative(v.at, clock.now)});
            // TRANSLATORS: a delegate decided for an absent approver; {0} is the delegate's name.
            if (!v.by.empty()) line += " " + Format(tr("(by {0}, standing in)"), {v.by});
            if (!v.comment.empty()) line += ": “" + v.comment + "”";
            row.comments.push_back(std::move(line));
        }
        vm.steps.push_back(std::move(row));
    }
    // TRANSLATORS: {0} lists who an approval waits for ("Olivia Grant").
    vm.summary = rejected ? std::string(tr("Not approved")) : all ? std::string(tr("Approved")) : Format(tr("Waiting for {0}"), {waiting_for});
    vm.decision = BuildDecision(state, r);
    return vm;
}

static AwayViewModel BuildAway(const AppState& state, const Clock& clock) {
    AwayViewModel vm;
    vm.heading = tr("When you're away");
    vm.intro = tr("Hand your approvals to a colleague for some days. They approve or reject for you; you can still decide yourself.");
    const DelegationDraft& d = state.delegation;
    const UserId me = state.me ? state.me->user.id : UserId();
    if (state.delegations.has_data)
        for (const api::DelegationView& g : state.delegations.data) {
            DelegationRowViewModel row;
            row.id = g.id;
            row.can_end = g.from == me;
            row.ending = d.in_flight && d.ending == g.id;
            const std::string from = LocalDateText(clock, std::max(g.starts_at, clock.now)), until = LocalDateText(clock, g.ends_at - 1);
            row.text = row.can_end
                           // TRANSLATORS: a delegation of approvals; {0} is the colleague, {1} and {2} the first and last day.
                           ? Format(tr("{0} approves for you from {1} to {2}."), {g.to_name, from, until})
                           // TRANSLATORS: a delegation handed to the user; {0} is who is away, {1} and {2} the first and last day.
                           : Format(tr("You approve for {0} from {1} to {2}."), {g.from_name, from, until});
            vm.rows.push_back(std::move(row));
        }
    vm.to = d.to;
    vm.from = d.from_date;
    vm.until = d.until_date;
    vm.to_label = tr("Who approves for you");
    vm.to_hint = tr("Their username, e.g. liam");
    vm.from_label = tr("From (optional)");
    vm.until_label = tr("Until");
    vm.date_hint = tr("YYYY-MM-DD");
    vm.add_label = tr("Hand over my approvals");
    vm.sending = d.in_flight;
    if (d.error) {
        vm.error = d.error->code == ErrorCode::network ? std::string(tr("We couldn't reach Spoc. Try again.")) : d.error->message;
        vm.error_field = d.error->field == "ends_at" || d.error->field == "starts_at" ? "until" : d.error->field;
    }
    return vm;
}

ApprovalsViewModel BuildApprovals(const AppState& state, const Clock& clock) {
    ApprovalsViewModel vm;
    vm.away = BuildAway(state, clock);
    vm.title = tr("Approvals");
    vm.load = ToLoadView(state.approvals, "inbox");
    vm.empty = tr("Nothing waits for your approval.");
    if (!state.approvals.has_data) return vm;
    const long total = state.approvals.data.total;
    // TRANSLATORS: the approvals page; {0} is how many requests wait for the user's decision.
    vm.subtitle = total == 0 ? std::string() : Format(trn("{0} request waits for your decision.", "{0} requests wait for your decision.", total), {i18n::FormatInt(total)});
    for (const Request& listed : state.approvals.data.items) {
        const Request& r = [&]() -> const Request& {  // the request page's copy when it is fresher
            auto d = state.details.find(listed.id.value);
            return d != state.details.end() && d->second.has_data && d->second.data.version >= listed.version ? d->second.data : listed;
        }();
        ApprovalItemViewModel item;
        item.id = r.id;
        item.number = r.number;
        item.summary = r.summary;
        item.meta = r.requester_name + " · " + r.catalog_item_title + " · " + FormatRelative(r.created_at, clock.now);
        for (const ApprovalStepView& s : r.approval)
            if (s.state == "pending") item.step = StepTitle(s);
        Result<FormValues> values = r.form_json.empty() ? Result<FormValues>(FormValues{}) : api::DecodeFormValues(r.form_json);
        if (const CatalogItem* def = LoadedItem(state, r.catalog_item_id); def && values.ok())
            item.form_lines = DescribeValues(*def, values.value());
        item.decision = BuildDecision(state, r);
        vm.items.push_back(std::move(item));
    }
    return vm;
}

}  // namespace spoc::client
