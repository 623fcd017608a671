// Routing, auto-assignment and SLA due times for new requests (see assignment.h).
#include "server/app/assignment.h"

#include <algorithm>

#include "server/storage/agents_repo.h"
#include "server/storage/users_repo.h"
#include "shared/domain/routing.h"
#include "shared/domain/sla.h"

namespace spoc::app {

const SlaSetup& ServerSla() {
    static const SlaSetup setup{DemoCalendars(), DemoSlaPolicies()};
    return setup;
}

void RecomputeDueTimes(Request& request, const std::vector<std::pair<Timestamp, Timestamp>>& pauses, Timestamp now) {
    const SlaSetup& s = ServerSla();
    const SlaDueTimes due = RequestDueTimes(s.policies, s.calendars, request, pauses, now);
    request.response_due_at = due.first_response;
    request.resolution_due_at = due.resolution;
}

Result<Unit> PlaceNewRequest(storage::Database& db, Request& request, const CatalogItem& item, const User& requester,
                             Timestamp now) {
    request.sla_policy = std::string(SlaPolicyNameFor(requester.time_zone));
    RecomputeDueTimes(request, {}, now);

    auto groups = storage::ListGroups(db);
    if (!groups.ok()) return groups.error();
    if (groups->empty()) return Unit{};
    auto rules = storage::ListRoutingRules(db);
    if (!rules.ok()) return rules.error();
    const std::int64_t group_id =
        RouteToGroup(*rules, item.id, item.category, item.department, groups->front().id);
    auto group = std::find_if(groups->begin(), groups->end(), [&](const AssignmentGroup& g) { return g.id == group_id; });
    if (group == groups->end()) return Unit{};
    request.group_id = group->id;
    request.group_name = group->name;

    auto loads = storage::ListAgentLoads(db, group->id);
    if (!loads.ok()) return loads.error();
    auto cursor = storage::GroupCursor(db, group->id);
    if (!cursor.ok()) return cursor.error();
    const std::optional<UserId> agent = PickAssignee(*group, *loads, *cursor);
    if (!agent) return Unit{};
    request.assignee_id = *agent;
    request.status = Status::assigned;
    auto user = storage::FindUser(db, *agent);
    if (!user.ok()) return user.error();
    if (*user) request.assignee_name = (*user)->display_name;
    return storage::NoteAssigned(db, group->id, *agent, now);
}

Result<Unit> RecordPlacement(storage::Database& db, const Request& request, Timestamp now) {
    std::vector<storage::HistoryEntry> entries;
    const Status first = request.status == Status::awaiting_approval ? Status::awaiting_approval : Status::new_;
    entries.push_back({0, now, request.requester_id, {}, "created", {}, std::string(StatusName(first))});
    if (request.group_id > 0) entries.push_back({0, now, UserId(), {}, "group", {}, request.group_name});
    if (request.assignee_id.valid()) {
        entries.push_back({0, now, UserId(), {}, "assignee", {}, std::to_string(request.assignee_id.value)});
        entries.push_back({0, now, UserId(), {}, "status", std::string(StatusName(Status::new_)),
                           std::string(StatusName(request.status))});
    }
    for (const storage::HistoryEntry& e : entries)
        if (auto r = storage::AppendHistory(db, request.id, e); !r.ok()) return r.error();
    return Unit{};
}

}  // namespace spoc::app
