// The steps every request change takes inside its writer job, shared by the request use cases
// (PATCH, bulk update, comments, merge): a status move with its SLA pause bookkeeping, one history
// row per changed field, due times refreshed, and ApplyPatch, the whole of an update on a request
// the job has already loaded and checked the caller may see; and the staff-only check of routes
// on one request.
#pragma once
#include "server/storage/sqlite.h"
#include "shared/api/dto.h"

namespace spoc::app {

// 409 conflict (field base_version) telling the caller the version they should reload.
Error StaleRequest(const Request& current);

// Moves `r` to `to` (CheckTransition already passed) by `actor` with the lifecycle's bookkeeping:
// SLA pauses (Pending and Resolved stop the clocks), pending reason, resolved_at / resolved_by /
// closed_at. Resolving stops both clocks whatever the status it came from (Assigned and New
// included), and when staff other than the requester resolve a request nobody had answered yet,
// the resolution is its first response (the requester is told). A reopen clears resolved_at,
// resolved_by and the resolution note (the history keeps them).
// The field changes alone (no storage), for ApplyStatus and the demo history: which way the SLA
// pause moves is returned for the caller to record.
enum class PauseChange { none, open, close };
PauseChange ApplyStatusFields(Request& r, Status to, PendingReason reason, const User& actor, Timestamp now);
Result<Unit> ApplyStatus(storage::Database& db, Request& r, Status to, PendingReason reason, const User& actor,
                         Timestamp now);

// History rows for every workflow field that differs between `before` and `after`; the resolution
// note and cancel reason only when one is given (a reopen clearing them is the status row).
Result<Unit> RecordChanges(storage::Database& db, const Request& before, const Request& after, UserId actor,
                           Timestamp now);

// Saves `r` (changed from `before`, loaded in this job) as version + 1 at `now`: 409 when someone
// else saved first, else one history row per changed field.
Result<Unit> SaveChanged(storage::Database& db, const Request& before, Request& r, UserId actor, Timestamp now);

// Due times follow the status, the priority and the pauses.
Result<Unit> RefreshDueTimes(storage::Database& db, Request& r, Timestamp now);

// Staff-only request routes: ok for agents and admins. An employee gets not_found for a request
// they can't see (someone else's, or none), exactly as GET /requests/{id} answers, and forbidden
// (with `forbidden_message`) for their own, so the answer never tells whether a request exists.
Result<Unit> CheckStaffOnRequest(storage::Database& db, const User& caller, RequestId id,
                                 const std::string& forbidden_message);

// Applies `patch` to `before` (loaded in this job; the caller may see it): base_version must be
// before.version (409 otherwise); group and assignee must exist (422); the status move must pass
// the shared CheckTransition for the caller (a resolution note / cancel reason is stored with the
// move to Resolved / Cancelled); then saves with version + 1, history rows and an
// audit row, and returns the request as stored (with staff counts when the caller is staff).
// Nothing changes -> `before` as it was. Employees may not change assignee, group, impact or
// urgency (the caller checks that before the job).
Result<Request> ApplyPatch(storage::Database& db, const User& caller, const Request& before,
                           const api::RequestPatch& patch, Timestamp now);

}  // namespace spoc::app
