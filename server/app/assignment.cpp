// Routing, auto-assignment and SLA due times for new requests (see assignment.h).
#include "server/app/assignment.h"

#include <algorithm>

#include "server/storage/agents_repo.h"
#include "server/storage/users_repo.h"
#include "shared/domain/routing.h"
#include "shared/domain/sla.h"

namespace spoc::app {

namespace {

struct SlaSetup {
    std::vector<BusinessCalendar> calendars = DemoCalendars();
    std::vector<SlaPolicy> policies = DemoSlaPolicies();
};

const SlaSetup& Setup() {
    static const SlaSetup setup;
    return setup;
}

}  // namespace

std::string SlaPolicyFor(const User& requester) {
    return requester.time_zone.rfind("America/", 0) == 0 ? "New York standard" : "London standard";
}

void ComputeDueTimes(Request& request, Timestamp start) {
    const SlaSetup& s = Setup();
    auto policy = std::find_if(s.policies.begin(), s.policies.end(),
                               [&](const SlaPolicy& p) { return p.name == request.sla_policy; });
    if (policy == s.policies.end()) return;
    const BusinessCalendar* cal = FindCalendar(s.calendars, SlaCalendarFor(*policy, request.priority));
    if (!cal) return;
    auto due = [&](SlaKind kind) -> Timestamp {
        const std::int64_t target = SlaTargetMs(*policy, request.priority, kind, *cal);
        if (target <= 0) return 0;
        const Timestamp at = AddBusinessTime(*cal, start, target);
        return at == kNever ? 0 : at;
    };
    request.response_due_at = due(SlaKind::first_response);
    request.resolution_due_at = due(SlaKind::resolution);
}

void RecomputeDueTimes(Request& request, const std::vector<std::pair<Timestamp, Timestamp>>& pauses, Timestamp now) {
    const SlaSetup& s = Setup();
    auto policy = std::find_if(s.policies.begin(), s.policies.end(),
                               [&](const SlaPolicy& p) { return p.name == request.sla_policy; });
    const BusinessCalendar* cal =
        policy == s.policies.end() ? nullptr : FindCalendar(s.calendars, SlaCalendarFor(*policy, request.priority));
    if (!cal) return;
    auto due = [&](SlaKind kind, bool met) -> Timestamp {
        if (met) return 0;
        const std::int64_t target = SlaTargetMs(*policy, request.priority, kind, *cal);
        if (target <= 0) return 0;
        SlaClockInput input;
        input.started = request.created_at;
        input.paused = pauses;
        const SlaState state = EvaluateSla(*cal, target, input, now, policy->warning_percent);
        return state.phase == SlaState::paused ? 0 : state.due_at;
    };
    const bool stopped_or_paused = !IsOpenStatus(request.status) || request.status == Status::pending;
    request.response_due_at = due(SlaKind::first_response, request.first_response_at != 0 || !IsOpenStatus(request.status));
    request.resolution_due_at = due(SlaKind::resolution, stopped_or_paused);
}

Result<Unit> PlaceNewRequest(storage::Database& db, Request& request, const CatalogItem& item, const User& requester,
                             Timestamp now) {
    request.sla_policy = SlaPolicyFor(requester);
    ComputeDueTimes(request, now);

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
    entries.push_back({0, now, request.requester_id, {}, "created", {}, std::string(StatusName(Status::new_))});
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
