// Where a new request goes, inside its create job: the routing rules pick an assignment group,
// the group's strategy (round robin / least loaded among available members) may pick an agent,
// and the SLA policy for the requester's region gives the first-response and resolution due
// times on the right business calendar. Then the history records what was decided.
#pragma once
#include "server/storage/sqlite.h"
#include "shared/domain/catalog.h"
#include "shared/domain/request.h"

namespace spoc::app {

// Fills request.group_id / assignee_id / status (assigned when someone got it) / due times /
// sla_policy. Leaves them empty when the database has no groups (nothing to route to).
Result<Unit> PlaceNewRequest(storage::Database& db, Request& request, const CatalogItem& item, const User& requester,
                             Timestamp now);
// After the insert: history rows for the creation and the routing decisions.
Result<Unit> RecordPlacement(storage::Database& db, const Request& request, Timestamp now);

// The SLA policy name for a requester (by time zone: the Americas -> "New York standard", else
// "London standard") and the due instants it gives a request of `priority` created at `start`.
std::string SlaPolicyFor(const User& requester);
void ComputeDueTimes(Request& request, Timestamp start);
// Due times of a request already under way: each clock runs from created_at on the business
// calendar of its policy, without the `pauses` (Pending and Resolved spans; to = 0 while open).
// A met clock (first response given / resolved or finished) has no due time (0), nor a paused one.
void RecomputeDueTimes(Request& request, const std::vector<std::pair<Timestamp, Timestamp>>& pauses, Timestamp now);

}  // namespace spoc::app
