// Where a new request goes, inside its create job: the routing rules pick an assignment group,
// the group's strategy (round robin / least loaded among available members) may pick an agent,
// and the shared SLA rules give, for the requester's region, the first-response and resolution due
// times on the right business calendar. Then the history records what was decided.
#pragma once
#include "server/storage/sqlite.h"
#include "shared/domain/catalog.h"
#include "shared/domain/request.h"
#include "shared/domain/sla.h"

namespace spoc::app {

// Fills request.group_id / assignee_id / status (assigned when someone got it) / due times /
// sla_policy. Leaves them empty when the database has no groups (nothing to route to).
Result<Unit> PlaceNewRequest(storage::Database& db, Request& request, const CatalogItem& item, const User& requester,
                             Timestamp now);
// After the insert: history rows for the creation and the routing decisions.
Result<Unit> RecordPlacement(storage::Database& db, const Request& request, Timestamp now);

// The request's due times under the demo SLA policies (shared RequestDueTimes): each clock from
// created_at without the `pauses` (Pending and Resolved spans; to = 0 while open).
// The SLA policies and business calendars the server runs on (the shared demo set), built once.
struct SlaSetup {
    std::vector<BusinessCalendar> calendars;
    std::vector<SlaPolicy> policies;
};
const SlaSetup& ServerSla();
void RecomputeDueTimes(Request& request, const std::vector<std::pair<Timestamp, Timestamp>>& pauses, Timestamp now);

}  // namespace spoc::app
