// SQL for the scheduled SLA jobs (migration 0004): the requests whose first-response or resolution
// clock is due and not yet marked, the breach marks, due times refreshed by the escalation check,
// and the requests Resolved long enough to auto-close. Each list is read through its own partial
// index, soonest first, and capped, so a scan costs what it returns whatever the table size.
#pragma once
#include <vector>

#include "server/storage/sqlite.h"
#include "shared/domain/ids.h"
#include "shared/domain/time.h"

namespace spoc::storage {

// One request with at least one clock due by `now` and not yet marked (open, not Pending).
struct DueBreach {
    RequestId id;
    bool response = false;    // first-response clock due (no first response yet), not marked
    bool resolution = false;  // resolution clock due, not marked
};
// Soonest due first, at most `limit` requests (a request due on both clocks counts once).
Result<std::vector<DueBreach>> ListDueBreaches(Database& db, Timestamp now, int limit);
// Sets the marks that are still 0 to the instants given (0 = leave that clock alone).
Result<Unit> MarkBreaches(Database& db, RequestId id, Timestamp response_breached_at, Timestamp resolution_breached_at);
// Rewrites the projected due times only (no version bump: what agents edit did not change).
Result<Unit> SetDueTimes(Database& db, RequestId id, Timestamp response_due_at, Timestamp resolution_due_at);

struct BreachMarks {
    Timestamp response = 0;    // when the first-response clock breached; 0 = not breached
    Timestamp resolution = 0;  // when the resolution clock breached; 0 = not breached
};
Result<BreachMarks> ReadBreachMarks(Database& db, RequestId id);  // zeros for an unknown id

// Resolved requests with a known resolved_at before `resolved_before`, longest resolved first.
Result<std::vector<RequestId>> ListAutoCloseCandidates(Database& db, Timestamp resolved_before, int limit);

}  // namespace spoc::storage
