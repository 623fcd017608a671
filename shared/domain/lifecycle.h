// The ITIL lifecycle of a request for agent mode: which status moves each role may make
// (CheckTransition, and AllowedTransitions for the buttons), what a public reply does to the
// status (reopen, resume from Pending) and when a Resolved request auto-closes. Pure rules on
// a few facts about the ticket; the caller loads them, asks here, then saves.
//
//   (Awaiting approval -> New, by the approval only) New -> Assigned -> In progress <-> Pending
//   (requester | vendor | change) -> Resolved -> Closed
//   Resolved -> In progress (reopen); any open status -> Cancelled; Closed and Cancelled are final.
//   Staff may also resolve straight from Assigned, and from New once the ticket has (or gets in the
//   same update) an assignee: a first-contact fix, as ServiceNow's Resolve works from any open state
//   and JSM's "Resolve this issue" from any open status, with someone owning the resolution.
//   The requester's "This didn't fix it" is a public reply on the Resolved request (OnPublicReply).
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "shared/domain/ids.h"
#include "shared/domain/request.h"
#include "shared/domain/result.h"
#include "shared/domain/time.h"

namespace spoc {

// PendingReason (why a request waits) is declared in request.h with the Request record.

inline constexpr int kDefaultReopenWindowDays = 7;  // a requester reply within this reopens a Resolved request

// What the rules need to know about a ticket.
struct TicketFacts {
    Status status = Status::new_;
    PendingReason pending_reason = PendingReason::none;
    UserId requester;
    UserId assignee;            // the assignee the ticket has (or gets in the same update); 0 = none
    std::int64_t group_id = 0;  // assignment group; 0 = none
    Timestamp resolved_at = 0;  // when it last became Resolved; 0 = unknown
};

// Who acts. Agents may act on any ticket whatever its group: `in_group` is informational (the UI
// can warn "not your group") and is never a reason to refuse. Admins have the agents' rights.
struct Actor {
    UserId id;
    Role role = Role::employee;
    bool in_group = false;  // member of the ticket's assignment group
};

// Whether `actor` may move the ticket to `to`. `reason` is required (not none) when `to` is
// Pending and must be none otherwise. Errors: forbidden (the role or ownership does not allow it,
// including an employee on someone else's request: callers that hide such requests map it to
// not_found), validation_failed with field "status" or "pending_reason" (not a lifecycle step,
// already in that status, final status, missing assignee or reason).
Result<Unit> CheckTransition(const TicketFacts& ticket, Status to, PendingReason reason, const Actor& actor);

// Every status CheckTransition accepts for this actor (Pending tried with a valid reason), in
// lifecycle order: the buttons a detail page offers.
std::vector<Status> AllowedTransitions(const TicketFacts& ticket, const Actor& actor);

// What a public (non-internal) reply does to the status.
struct ReplyEffect {
    bool reopen = false;               // a Resolved request goes back to In progress
    Status new_status = Status::new_;  // the status after the reply (== ticket.status when unchanged)
    bool reopen_expired = false;       // the requester replied on a Resolved request after the window:
                                       // no reopen; tell them to open a new request
};

// Rules: the requester replying on Resolved within `reopen_window_days` (inclusive: exactly 7 days
// still reopens; an unknown resolved_at counts as within) reopens it to In progress; later it
// stays Resolved with reopen_expired set. The requester replying while Pending on the requester
// resumes to In progress (the SLA clock runs again). Every other reply leaves the status alone
// (a first agent reply on New is recorded by the caller, not here). "Requester" means
// author.id == ticket.requester, whatever the author's role.
ReplyEffect OnPublicReply(const TicketFacts& ticket, const Actor& author, Timestamp now,
                          int reopen_window_days = kDefaultReopenWindowDays);

// True once a Resolved request has stayed Resolved for strictly more than `auto_close_days`, so
// with equal settings a request is always either reopenable or closable, never both. Off when
// auto_close_days <= 0 or resolved_at is unknown (0).
bool ShouldAutoClose(const TicketFacts& ticket, Timestamp now, int auto_close_days);

}  // namespace spoc
