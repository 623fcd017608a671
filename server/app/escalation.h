// The scheduled SLA jobs, run by the writer's housekeeping (about once a minute) inside its
// transaction: EscalateBreaches marks requests whose first-response or resolution clock reached its
// target, records it in the history and notifies the group lead and the assignee; AutoCloseResolved
// closes requests Resolved for longer than the configured days (shared ShouldAutoClose). Both cap
// their work per run, so a backlog can't stall the writer, and return the requests they changed.
#pragma once
#include <vector>

#include "server/storage/sqlite.h"
#include "shared/domain/ids.h"
#include "shared/domain/time.h"

namespace spoc::app {

inline constexpr int kMaxEscalationsPerRun = 500;  // requests marked per call; the rest wait a minute
inline constexpr int kMaxAutoClosesPerRun = 500;   // requests closed per call
inline constexpr int kDefaultAutoCloseDays = 7;    // equal to the reopen window (see lifecycle.h)

// Every open request that is not Pending, with a clock due by `now` and not yet marked (soonest
// first, at most `limit`): the due time is confirmed with the shared SLA clocks (pauses included),
// the mark set to the instant the clock reached its target, a history row written (actor: the
// system, field "sla", new "response breached" / "resolution breached"), and one notification sent
// to the group's lead and one to the assignee (once when they are the same person). Version and
// updated_at stay: nothing an agent edits or an employee sees changed. Marks are never cleared,
// so a breach is escalated once.
Result<std::vector<RequestId>> EscalateBreaches(storage::Database& db, Timestamp now,
                                                int limit = kMaxEscalationsPerRun);

// Resolved requests that ShouldAutoClose (strictly more than `auto_close_days` since resolved_at;
// off when auto_close_days <= 0), longest resolved first, at most `limit`: status closed,
// closed_at = now, version + 1, the Resolved pause ended, a history row (the system, status
// resolved -> closed) and an audit row.
Result<std::vector<RequestId>> AutoCloseResolved(storage::Database& db, Timestamp now, int auto_close_days,
                                                 int limit = kMaxAutoClosesPerRun);

// Both jobs, as housekeeping runs them: the ids of every request changed (escalated first).
Result<std::vector<RequestId>> RunSlaJobs(storage::Database& db, Timestamp now, int auto_close_days);

}  // namespace spoc::app
