// Assignment groups and routing for agent mode: rules that send a new request to a group by
// catalog item, category or department (most specific wins), and per-group auto-assignment by
// round robin or least-loaded among available agents. Pure and deterministic: loads, cursors
// and availability come in as arguments. Also the demo groups and rules.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/domain/ids.h"
#include "shared/domain/time.h"

namespace spoc {

// How a group hands out new requests.
enum class AssignmentStrategy { manual, round_robin, least_loaded };
std::string_view AssignmentStrategyName(AssignmentStrategy s);   // wire name "round_robin"
std::string_view AssignmentStrategyLabel(AssignmentStrategy s);  // "Round robin" (translated)
bool ParseAssignmentStrategy(std::string_view text, AssignmentStrategy* out);

struct AssignmentGroup {
    using Strategy = AssignmentStrategy;
    std::int64_t id = 0;
    std::string name;  // "Network"
    Strategy strategy = Strategy::manual;
    UserId lead;                  // 0 = none; not a member unless listed in members
    std::vector<UserId> members;  // agents, in round-robin order
};

// One routing rule. Empty / 0 fields match anything; the others must match (text ASCII
// case-insensitively). Specificity: a rule naming the item beats one naming the category, which
// beats one naming the department, which beats a catch-all; then lower `order`, then list position.
struct RoutingRule {
    std::int64_t catalog_item_id = 0;  // 0 = any item
    std::string category;              // "" = any category
    std::string department;            // "" = any department
    std::int64_t group_id = 0;         // target group; rules with group_id <= 0 are ignored
    int order = 0;                     // tie-break among equally specific rules, lower first
};

// The group a new request goes to; `fallback_group` when no rule matches.
std::int64_t RouteToGroup(const std::vector<RoutingRule>& rules, CatalogItemId item, std::string_view category,
                          std::string_view department, std::int64_t fallback_group);

// An agent's current state, as the caller counts it.
struct AgentLoad {
    UserId agent;
    bool available = false;          // marked available (not away, not off shift)
    int open_tickets = 0;            // open requests assigned to them
    Timestamp last_assigned_at = 0;  // 0 = never
};

// Who gets the next request of `group`, or nullopt (manual group, or no member available).
// A member with no AgentLoad entry counts as unavailable; loads of non-members are ignored.
//   round_robin:  the next available member after `last_assigned` (the group's cursor) in member
//                 order, wrapping; from the first member when the cursor is not a member.
//   least_loaded: fewest open tickets among available members; ties by oldest last_assigned_at,
//                 then lowest id. `last_assigned` is not used.
std::optional<UserId> PickAssignee(const AssignmentGroup& group, const std::vector<AgentLoad>& loads,
                                   UserId last_assigned);

// ---- Demo data -------------------------------------------------------------------------------
// The four groups of the demo, ids 1..4, without members (user ids exist only once the seed has
// created the users; the seed adds its agents). Rules route assets/demo/catalog.json by
// department, with the "Network" category (VPN problem) going to the Network group.
inline constexpr std::int64_t kDemoGroupServiceDesk = 1;   // "IT Service Desk", round robin; the fallback
inline constexpr std::int64_t kDemoGroupNetwork = 2;       // "Network", least loaded
inline constexpr std::int64_t kDemoGroupHrOperations = 3;  // "HR Operations", round robin
inline constexpr std::int64_t kDemoGroupFacilities = 4;    // "Facilities", manual (triaged by hand)
std::vector<AssignmentGroup> DemoAssignmentGroups();
std::vector<RoutingRule> DemoRoutingRules();

}  // namespace spoc
