// The lifecycle rules of lifecycle.h: one table of staff moves, the few employee moves on their
// own requests, reply effects and auto-close. Messages are sentences a person can act on.
#include "shared/domain/lifecycle.h"

#include <string>

#include "shared/domain/i18n.h"
#include "shared/domain/request_builder.h"

namespace spoc {

using i18n::Format;
using i18n::tr;

std::string_view PendingReasonName(PendingReason r) {
    switch (r) {
        case PendingReason::none: return "none";
        case PendingReason::requester: return "requester";
        case PendingReason::vendor: return "vendor";
        case PendingReason::change: return "change";
    }
    return "none";
}

std::string_view PendingReasonLabel(PendingReason r) {
    switch (r) {
        case PendingReason::none: return "";
        // TRANSLATORS: why a Pending request waits (shown instead of the status).
        case PendingReason::requester: return tr("Awaiting requester");
        // TRANSLATORS: why a Pending request waits (shown instead of the status).
        case PendingReason::vendor: return tr("Awaiting vendor");
        // TRANSLATORS: why a Pending request waits: for a planned change (ITIL change management).
        case PendingReason::change: return tr("Awaiting change");
    }
    return "";
}

bool ParsePendingReason(std::string_view t, PendingReason* out) {
    if (t == "none") *out = PendingReason::none;
    else if (t == "requester") *out = PendingReason::requester;
    else if (t == "vendor") *out = PendingReason::vendor;
    else if (t == "change") *out = PendingReason::change;
    else return false;
    return true;
}

namespace {

const Status kLifecycleOrder[] = {Status::new_,     Status::assigned, Status::in_progress, Status::pending,
                                  Status::resolved, Status::closed,   Status::cancelled};

// The moves staff (agents, admins) may make; ownership and group do not matter.
bool IsStaffStep(Status from, Status to) {
    switch (from) {
        case Status::new_: return to == Status::assigned || to == Status::resolved || to == Status::cancelled;
        case Status::assigned: return to == Status::in_progress || to == Status::resolved || to == Status::cancelled;
        case Status::in_progress:
            return to == Status::pending || to == Status::resolved || to == Status::cancelled;
        case Status::pending: return to == Status::in_progress || to == Status::resolved || to == Status::cancelled;
        case Status::resolved: return to == Status::in_progress || to == Status::closed;
        case Status::awaiting_approval: return to == Status::cancelled;  // the approval moves it on, not staff
        case Status::closed:
        case Status::cancelled: return false;
    }
    return false;
}

// Why a staff move that is not a lifecycle step is refused, with what to do instead.
std::string StepHint(Status from, Status to) {
    const char* text = nullptr;
    // TRANSLATORS: {0} and {1} are statuses; "New" is the status.
    if (to == Status::new_) text = tr("A request can't go from {0} to {1}. It never goes back to New.");
    // TRANSLATORS: {0} and {1} are statuses.
    else if (to == Status::closed) text = tr("A request can't go from {0} to {1}. Resolve it first.");
    // TRANSLATORS: {0} and {1} are statuses.
    else if (from == Status::awaiting_approval) text = tr("A request can't go from {0} to {1}. It waits for its approvers.");
    // TRANSLATORS: {0} and {1} are statuses.
    else if (to == Status::awaiting_approval) text = tr("A request can't go from {0} to {1}. Only a new request waits for approval.");
    // TRANSLATORS: {0} and {1} are statuses.
    else if (from == Status::new_) text = tr("A request can't go from {0} to {1}. Assign it first.");
    // TRANSLATORS: {0} and {1} are statuses.
    else if (to == Status::assigned) text = tr("A request can't go from {0} to {1}. Change the assignee instead.");
    // TRANSLATORS: {0} and {1} are statuses.
    else if (from == Status::assigned) text = tr("A request can't go from {0} to {1}. Start work on it first.");
    // TRANSLATORS: {0} and {1} are statuses; "Resolved" is the status.
    else if (from == Status::resolved) text = tr("A request can't go from {0} to {1}. A Resolved request can only be reopened or closed.");
    // TRANSLATORS: {0} and {1} are statuses.
    else text = tr("A request can't go from {0} to {1}.");
    return Format(text, {StatusLabel(from), StatusLabel(to)});
}

Error StatusError(std::string message) { return MakeError(ErrorCode::validation_failed, std::move(message), "status"); }

}  // namespace

Result<Unit> CheckTransition(const TicketFacts& ticket, Status to, PendingReason reason, const Actor& actor) {
    const bool staff = IsStaff(actor.role);
    const bool own = actor.id.valid() && actor.id == ticket.requester;
    if (!staff && !own) return MakeError(ErrorCode::forbidden, tr("You can only change your own requests."));

    const Status from = ticket.status;
    if (from == Status::closed)
        return StatusError(tr("This request is closed and can't change. Open a new request instead."));
    if (from == Status::cancelled)
        return StatusError(tr("This request was cancelled and can't change. Open a new request instead."));
    // TRANSLATORS: {0} is a status ("In progress").
    if (to == from) return StatusError(Format(tr("The request is already {0}."), {StatusLabel(to)}));

    if (to == Status::pending && reason == PendingReason::none)
        return MakeError(ErrorCode::validation_failed,
                         tr("Say what the request is waiting for: the requester, a vendor or a change."), "pending_reason");
    if (to != Status::pending && reason != PendingReason::none)
        // TRANSLATORS: "Pending" is the status.
        return MakeError(ErrorCode::validation_failed, tr("A pending reason only applies when moving to Pending."),
                         "pending_reason");

    if (!staff) {
        // Employees, on their own requests only.
        if (from == Status::resolved && to == Status::closed) return Unit{};
        if ((from == Status::new_ || from == Status::assigned || from == Status::awaiting_approval) && to == Status::cancelled)
            return Unit{};
        if (to == Status::cancelled && from == Status::resolved)
            // TRANSLATORS: "Resolved" is the status.
            return MakeError(ErrorCode::forbidden, tr("A Resolved request can be closed, not cancelled."));
        if (to == Status::cancelled)
            return MakeError(ErrorCode::forbidden,
                             tr("The service desk is already working on this request, so it can't be cancelled. "
                                "Add a comment to ask them to stop."));
        if (from == Status::resolved && to == Status::in_progress)
            return MakeError(ErrorCode::forbidden, tr("Reply to the request to reopen it."));
        if (to == Status::closed)
            // TRANSLATORS: "Resolved" is the status.
            return MakeError(ErrorCode::forbidden, tr("You can close a request once it is Resolved."));
        // TRANSLATORS: {0} is a status ("In progress").
        return MakeError(ErrorCode::forbidden, Format(tr("Only the service desk can move a request to {0}."), {StatusLabel(to)}));
    }

    if (!IsStaffStep(from, to)) return StatusError(StepHint(from, to));
    if (to == Status::assigned && !ticket.assignee.valid())
        return MakeError(ErrorCode::validation_failed, tr("Choose who the request is assigned to."), "assignee");
    if (from == Status::new_ && to == Status::resolved && !ticket.assignee.valid())
        return MakeError(ErrorCode::validation_failed, tr("Assign the request to whoever resolves it first."), "assignee");
    return Unit{};
}

std::vector<Status> AllowedTransitions(const TicketFacts& ticket, const Actor& actor) {
    std::vector<Status> out;
    for (Status to : kLifecycleOrder) {
        const PendingReason reason = to == Status::pending ? PendingReason::requester : PendingReason::none;
        if (CheckTransition(ticket, to, reason, actor).ok()) out.push_back(to);
    }
    return out;
}

ReplyEffect OnPublicReply(const TicketFacts& ticket, const Actor& author, Timestamp now, int reopen_window_days) {
    ReplyEffect effect;
    effect.new_status = ticket.status;
    const bool by_requester = author.id.valid() && author.id == ticket.requester;
    if (!by_requester) return effect;

    if (ticket.status == Status::resolved) {
        const std::int64_t days = reopen_window_days < 0 ? 0 : reopen_window_days;
        const std::int64_t window = days * kMsPerDay;
        const bool within = ticket.resolved_at <= 0 || now - ticket.resolved_at <= window;
        if (within) {
            effect.reopen = true;
            effect.new_status = Status::in_progress;
        } else {
            effect.reopen_expired = true;
        }
    } else if (ticket.status == Status::pending && ticket.pending_reason == PendingReason::requester) {
        effect.new_status = Status::in_progress;
    }
    return effect;
}

bool ShouldAutoClose(const TicketFacts& ticket, Timestamp now, int auto_close_days) {
    if (ticket.status != Status::resolved || auto_close_days <= 0 || ticket.resolved_at <= 0) return false;
    return now - ticket.resolved_at > static_cast<std::int64_t>(auto_close_days) * kMsPerDay;
}

}  // namespace spoc
