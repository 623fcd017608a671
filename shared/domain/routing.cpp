// Routing rules and auto-assignment of routing.h, plus the demo groups and rules.
#include "shared/domain/routing.h"

#include <cstddef>

#include "shared/domain/i18n.h"

namespace spoc {

using i18n::trc;

std::string_view AssignmentStrategyName(AssignmentStrategy s) {
    switch (s) {
        case AssignmentStrategy::manual: return "manual";
        case AssignmentStrategy::round_robin: return "round_robin";
        case AssignmentStrategy::least_loaded: return "least_loaded";
    }
    return "manual";
}

std::string_view AssignmentStrategyLabel(AssignmentStrategy s) {
    switch (s) {
        // TRANSLATORS: how a group assigns new requests to its agents: by hand.
        case AssignmentStrategy::manual: return trc("assignment strategy", "Manual");
        // TRANSLATORS: how a group assigns new requests to its agents: in turn.
        case AssignmentStrategy::round_robin: return trc("assignment strategy", "Round robin");
        // TRANSLATORS: how a group assigns new requests to its agents: to whoever has the fewest open ones.
        case AssignmentStrategy::least_loaded: return trc("assignment strategy", "Least loaded");
    }
    return trc("assignment strategy", "Manual");
}

bool ParseAssignmentStrategy(std::string_view t, AssignmentStrategy* out) {
    if (t == "manual") *out = AssignmentStrategy::manual;
    else if (t == "round_robin") *out = AssignmentStrategy::round_robin;
    else if (t == "least_loaded") *out = AssignmentStrategy::least_loaded;
    else return false;
    return true;
}

namespace {

char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsFolded(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (LowerAscii(a[i]) != LowerAscii(b[i])) return false;
    return true;
}

// -1 when the rule does not match; otherwise item 4 + category 2 + department 1.
int Specificity(const RoutingRule& rule, CatalogItemId item, std::string_view category, std::string_view department) {
    int score = 0;
    if (rule.catalog_item_id != 0) {
        if (rule.catalog_item_id != item.value) return -1;
        score += 4;
    }
    if (!rule.category.empty()) {
        if (!EqualsFolded(rule.category, category)) return -1;
        score += 2;
    }
    if (!rule.department.empty()) {
        if (!EqualsFolded(rule.department, department)) return -1;
        score += 1;
    }
    return score;
}

const AgentLoad* FindLoad(const std::vector<AgentLoad>& loads, UserId agent) {
    for (const AgentLoad& load : loads)
        if (load.agent == agent) return &load;
    return nullptr;
}

bool IsAvailable(const std::vector<AgentLoad>& loads, UserId agent) {
    const AgentLoad* load = FindLoad(loads, agent);
    return agent.valid() && load && load->available;
}

}  // namespace

std::int64_t RouteToGroup(const std::vector<RoutingRule>& rules, CatalogItemId item, std::string_view category,
                          std::string_view department, std::int64_t fallback_group) {
    const RoutingRule* best = nullptr;
    int best_score = -1;
    for (const RoutingRule& rule : rules) {
        if (rule.group_id <= 0) continue;
        const int score = Specificity(rule, item, category, department);
        if (score < 0) continue;
        if (score > best_score || (score == best_score && rule.order < best->order)) {
            best = &rule;
            best_score = score;
        }
    }
    return best ? best->group_id : fallback_group;
}

std::optional<UserId> PickAssignee(const AssignmentGroup& group, const std::vector<AgentLoad>& loads,
                                   UserId last_assigned) {
    const std::vector<UserId>& members = group.members;
    switch (group.strategy) {
        case AssignmentStrategy::manual: return std::nullopt;

        case AssignmentStrategy::round_robin: {
            std::size_t start = 0;  // the cursor's successor, or the first member
            for (std::size_t i = 0; i < members.size(); ++i)
                if (members[i] == last_assigned) {
                    start = i + 1;
                    break;
                }
            for (std::size_t k = 0; k < members.size(); ++k) {
                const UserId candidate = members[(start + k) % members.size()];
                if (IsAvailable(loads, candidate)) return candidate;
            }
            return std::nullopt;
        }

        case AssignmentStrategy::least_loaded: {
            const AgentLoad* best = nullptr;
            for (UserId member : members) {
                if (!IsAvailable(loads, member)) continue;
                const AgentLoad* load = FindLoad(loads, member);
                if (!best || load->open_tickets < best->open_tickets ||
                    (load->open_tickets == best->open_tickets &&
                     (load->last_assigned_at < best->last_assigned_at ||
                      (load->last_assigned_at == best->last_assigned_at && load->agent < best->agent))))
                    best = load;
            }
            if (!best) return std::nullopt;
            return best->agent;
        }
    }
    return std::nullopt;
}

std::vector<AssignmentGroup> DemoAssignmentGroups() {
    using S = AssignmentStrategy;
    return {
        {kDemoGroupServiceDesk, "IT Service Desk", S::round_robin, UserId(), {}},
        {kDemoGroupNetwork, "Network", S::least_loaded, UserId(), {}},
        {kDemoGroupHrOperations, "HR Operations", S::round_robin, UserId(), {}},
        {kDemoGroupFacilities, "Facilities", S::manual, UserId(), {}},
    };
}

std::vector<RoutingRule> DemoRoutingRules() {
    return {
        {0, "", "IT", kDemoGroupServiceDesk, 10},
        {0, "Network", "", kDemoGroupNetwork, 10},  // VPN problem (item 4)
        {0, "", "HR", kDemoGroupHrOperations, 10},
        {0, "", "Facilities", kDemoGroupFacilities, 10},
    };
}

}  // namespace spoc
