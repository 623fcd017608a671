// Tests for shared/domain/routing.h: rule specificity and ties, the demo rules over every item of
// assets/demo/catalog.json, round-robin fairness (skips, wraps, cursor), least-loaded fairness over
// a simulated stream with closures, and determinism.
#include "shared/domain/routing.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

using spoc::AgentLoad;
using spoc::AssignmentGroup;
using spoc::AssignmentStrategy;
using spoc::CatalogItemId;
using spoc::RoutingRule;
using spoc::UserId;

namespace {

constexpr std::int64_t kFallback = 99;

std::int64_t Route(const std::vector<RoutingRule>& rules, std::int64_t item, std::string_view category,
                   std::string_view department) {
    return spoc::RouteToGroup(rules, CatalogItemId(item), category, department, kFallback);
}

AssignmentGroup Group(AssignmentStrategy strategy, std::vector<std::int64_t> member_ids) {
    AssignmentGroup g;
    g.id = 1;
    g.name = "Test";
    g.strategy = strategy;
    for (std::int64_t id : member_ids) g.members.push_back(UserId(id));
    return g;
}

std::vector<AgentLoad> AllAvailable(const AssignmentGroup& g) {
    std::vector<AgentLoad> loads;
    for (UserId m : g.members) loads.push_back({m, true, 0, 0});
    return loads;
}

AgentLoad* LoadOf(std::vector<AgentLoad>& loads, UserId id) {
    for (AgentLoad& l : loads)
        if (l.agent == id) return &l;
    return nullptr;
}

// A small deterministic generator, the same on every platform.
struct Lcg {
    std::uint32_t state = 12345;
    std::uint32_t Next() {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    }
};

}  // namespace

TEST_CASE("routing: strategy names, labels and parsing") {
    for (AssignmentStrategy s :
         {AssignmentStrategy::manual, AssignmentStrategy::round_robin, AssignmentStrategy::least_loaded}) {
        AssignmentStrategy back = AssignmentStrategy::manual;
        CHECK(spoc::ParseAssignmentStrategy(spoc::AssignmentStrategyName(s), &back));
        CHECK(back == s);
        CHECK_FALSE(spoc::AssignmentStrategyLabel(s).empty());
    }
    CHECK(spoc::AssignmentStrategyName(AssignmentStrategy::least_loaded) == "least_loaded");
    AssignmentStrategy out;
    CHECK_FALSE(spoc::ParseAssignmentStrategy("Round robin", &out));
    CHECK(AssignmentGroup::Strategy::round_robin == AssignmentStrategy::round_robin);
}

TEST_CASE("routing: the most specific rule wins: item > category > department > catch-all > fallback") {
    const std::vector<RoutingRule> rules = {
        {0, "", "", 1, 0},           // catch-all
        {0, "", "IT", 2, 0},         // department
        {0, "Network", "", 3, 0},    // category
        {4, "", "", 4, 0},           // item
        {0, "Network", "IT", 5, 0},  // category + department
        {7, "", "IT", 6, 0},         // item + department
    };
    CHECK(Route(rules, 4, "Network", "IT") == 4);   // item beats category + department
    CHECK(Route(rules, 5, "Network", "IT") == 5);   // category + department beats category alone
    CHECK(Route(rules, 5, "Network", "HR") == 3);   // category
    CHECK(Route(rules, 5, "Printing", "IT") == 2);  // department
    CHECK(Route(rules, 5, "Printing", "HR") == 1);  // catch-all
    CHECK(Route(rules, 7, "Printing", "IT") == 6);  // item + department, both matching
    CHECK(Route(rules, 7, "Printing", "HR") == 1);  // item matches, department not: rule skipped
    CHECK(Route({}, 4, "Network", "IT") == kFallback);
    CHECK(Route({{0, "", "HR", 2, 0}}, 4, "Network", "IT") == kFallback);
    // Item rules beat any rule without an item, whatever their order.
    CHECK(Route({{0, "Network", "IT", 5, -100}, {4, "", "", 4, 100}}, 4, "Network", "IT") == 4);
}

TEST_CASE("routing: ties by order, then list position; text matches ignore ASCII case") {
    CHECK(Route({{0, "Network", "", 1, 20}, {0, "Network", "", 2, 10}}, 1, "Network", "IT") == 2);
    CHECK(Route({{0, "Network", "", 2, 10}, {0, "Network", "", 1, 20}}, 1, "Network", "IT") == 2);
    CHECK(Route({{0, "Network", "", 1, 10}, {0, "Network", "", 2, 10}}, 1, "Network", "IT") == 1);
    CHECK(Route({{0, "Network", "", 2, 10}, {0, "Network", "", 1, 10}}, 1, "Network", "IT") == 2);
    CHECK(Route({{0, "network", "it", 3, 0}}, 1, "NETWORK", "It") == 3);
    CHECK(Route({{0, "Network", "", 3, 0}}, 1, "Networks", "IT") == kFallback);
    // Rules without a target group are ignored.
    CHECK(Route({{4, "", "", 0, 0}, {0, "", "IT", 2, 0}}, 4, "Network", "IT") == 2);
    CHECK(Route({{4, "", "", -1, 0}}, 4, "Network", "IT") == kFallback);
}

TEST_CASE("routing: demo groups and rules route every demo catalog item") {
    const std::vector<AssignmentGroup> groups = spoc::DemoAssignmentGroups();
    REQUIRE(groups.size() == 4);
    CHECK(groups[0].name == "IT Service Desk");
    CHECK(groups[1].name == "Network");
    CHECK(groups[2].name == "HR Operations");
    CHECK(groups[3].name == "Facilities");
    for (std::size_t i = 0; i < groups.size(); ++i) CHECK(groups[i].id == static_cast<std::int64_t>(i + 1));

    struct Item {
        std::int64_t id;
        const char* department;
        const char* category;
        std::int64_t group;
    };
    // assets/demo/catalog.json in file order (ids 1..14).
    const Item items[] = {
        {1, "IT", "Hardware", spoc::kDemoGroupServiceDesk},
        {2, "IT", "Hardware", spoc::kDemoGroupServiceDesk},
        {3, "IT", "Access", spoc::kDemoGroupServiceDesk},
        {4, "IT", "Network", spoc::kDemoGroupNetwork},
        {5, "IT", "Accounts", spoc::kDemoGroupServiceDesk},
        {6, "IT", "Printing", spoc::kDemoGroupServiceDesk},
        {7, "IT", "Security", spoc::kDemoGroupServiceDesk},
        {8, "HR", "Joiners and leavers", spoc::kDemoGroupHrOperations},
        {9, "HR", "Joiners and leavers", spoc::kDemoGroupHrOperations},
        {10, "HR", "Leave and absence", spoc::kDemoGroupHrOperations},
        {11, "HR", "Pay and benefits", spoc::kDemoGroupHrOperations},
        {12, "Facilities", "Workplace", spoc::kDemoGroupFacilities},
        {13, "Facilities", "Parking and travel", spoc::kDemoGroupFacilities},
        {14, "Facilities", "Meeting rooms", spoc::kDemoGroupFacilities},
    };
    const std::vector<RoutingRule> rules = spoc::DemoRoutingRules();
    for (const Item& item : items) {
        INFO("item " << item.id);
        CHECK(spoc::RouteToGroup(rules, CatalogItemId(item.id), item.category, item.department,
                                 spoc::kDemoGroupServiceDesk) == item.group);
    }
    // Requests from outside the catalog land on the service desk.
    CHECK(spoc::RouteToGroup(rules, CatalogItemId(), "", "", spoc::kDemoGroupServiceDesk) ==
          spoc::kDemoGroupServiceDesk);
}

TEST_CASE("routing: manual groups and groups with nobody available pick no one") {
    AssignmentGroup g = Group(AssignmentStrategy::manual, {1, 2});
    CHECK_FALSE(spoc::PickAssignee(g, AllAvailable(g), UserId()).has_value());
    for (AssignmentStrategy s : {AssignmentStrategy::round_robin, AssignmentStrategy::least_loaded}) {
        g.strategy = s;
        std::vector<AgentLoad> loads = AllAvailable(g);
        for (AgentLoad& l : loads) l.available = false;
        CHECK_FALSE(spoc::PickAssignee(g, loads, UserId(1)).has_value());
        CHECK_FALSE(spoc::PickAssignee(g, {}, UserId(1)).has_value());  // no load entry = unavailable
        CHECK_FALSE(spoc::PickAssignee(Group(s, {}), {}, UserId()).has_value());
        // Available non-members are never picked.
        CHECK_FALSE(spoc::PickAssignee(g, {{UserId(7), true, 0, 0}}, UserId()).has_value());
    }
}

TEST_CASE("routing: round robin follows member order, wraps and skips unavailable agents") {
    const AssignmentGroup g = Group(AssignmentStrategy::round_robin, {40, 10, 30, 20});
    std::vector<AgentLoad> loads = AllAvailable(g);
    CHECK(spoc::PickAssignee(g, loads, UserId())->value == 40);    // no cursor: the first member
    CHECK(spoc::PickAssignee(g, loads, UserId(40))->value == 10);  // member order, not id order
    CHECK(spoc::PickAssignee(g, loads, UserId(20))->value == 40);  // wraps
    CHECK(spoc::PickAssignee(g, loads, UserId(77))->value == 40);  // cursor no longer a member
    LoadOf(loads, UserId(10))->available = false;
    CHECK(spoc::PickAssignee(g, loads, UserId(40))->value == 30);  // skips 10
    LoadOf(loads, UserId(40))->available = false;
    CHECK(spoc::PickAssignee(g, loads, UserId(20))->value == 30);  // wraps past 40 and 10
    // Only the cursor is available: it gets the next one too.
    for (AgentLoad& l : loads) l.available = l.agent == UserId(30);
    CHECK(spoc::PickAssignee(g, loads, UserId(30))->value == 30);
    // Loads are irrelevant to round robin.
    std::vector<AgentLoad> busy = AllAvailable(g);
    LoadOf(busy, UserId(10))->open_tickets = 50;
    CHECK(spoc::PickAssignee(g, busy, UserId(40))->value == 10);
}

TEST_CASE("routing: round robin is fair over 1,000 assignments, also when agents come and go") {
    const AssignmentGroup g = Group(AssignmentStrategy::round_robin, {1, 2, 3, 4});
    std::vector<AgentLoad> loads = AllAvailable(g);
    std::map<std::int64_t, int> count;
    UserId cursor;
    for (int i = 0; i < 1000; ++i) {
        const auto pick = spoc::PickAssignee(g, loads, cursor);
        REQUIRE(pick.has_value());
        ++count[pick->value];
        cursor = *pick;
    }
    REQUIRE(count.size() == 4);
    int lo = 1000, hi = 0;
    for (const auto& [agent, n] : count) {
        lo = std::min(lo, n);
        hi = std::max(hi, n);
    }
    CHECK(hi - lo <= 1);
    CHECK(lo == 250);

    // Agent 3 is away for the middle third: never picked then, and the others share evenly.
    std::map<std::int64_t, int> during;
    for (int i = 0; i < 999; ++i) {
        LoadOf(loads, UserId(3))->available = i < 333 || i >= 666;
        const auto pick = spoc::PickAssignee(g, loads, cursor);
        REQUIRE(pick.has_value());
        if (i >= 333 && i < 666) {
            CHECK(pick->value != 3);
            ++during[pick->value];
        }
        cursor = *pick;
    }
    REQUIRE(during.size() == 3);
    for (const auto& [agent, n] : during) CHECK(n == 111);
}

TEST_CASE("routing: least loaded picks the fewest open tickets, then the longest idle, then the lowest id") {
    const AssignmentGroup g = Group(AssignmentStrategy::least_loaded, {4, 3, 2, 1});
    std::vector<AgentLoad> loads = {
        {UserId(1), true, 5, 100}, {UserId(2), true, 2, 300}, {UserId(3), true, 2, 200}, {UserId(4), false, 0, 0}};
    CHECK(spoc::PickAssignee(g, loads, UserId())->value == 3);  // 4 is unavailable; 2 vs 3: 3 idle longer
    LoadOf(loads, UserId(3))->last_assigned_at = 300;
    CHECK(spoc::PickAssignee(g, loads, UserId())->value == 2);  // full tie: lowest id
    LoadOf(loads, UserId(4))->available = true;
    CHECK(spoc::PickAssignee(g, loads, UserId())->value == 4);
    // The cursor does not matter.
    CHECK(spoc::PickAssignee(g, loads, UserId(4))->value == 4);
    // Nor the order of the loads.
    std::vector<AgentLoad> reversed(loads.rbegin(), loads.rend());
    CHECK(spoc::PickAssignee(g, reversed, UserId())->value == 4);
}

TEST_CASE("routing: least loaded evens out loads over a stream with closures") {
    const AssignmentGroup g = Group(AssignmentStrategy::least_loaded, {1, 2, 3, 4, 5});
    std::vector<AgentLoad> loads = AllAvailable(g);
    Lcg rng;
    spoc::Timestamp now = 1'000;
    int assigned = 0;
    for (int step = 0; step < 2000; ++step) {
        // At most one closure per step, by a random agent that has something open.
        if (rng.Next() % 3 != 0) {
            AgentLoad& closer = loads[rng.Next() % loads.size()];
            if (closer.open_tickets > 0) --closer.open_tickets;
        }
        const auto pick = spoc::PickAssignee(g, loads, UserId());
        REQUIRE(pick.has_value());
        AgentLoad* load = LoadOf(loads, *pick);
        ++load->open_tickets;
        load->last_assigned_at = ++now;
        ++assigned;
        int lo = 1 << 30, hi = 0;
        for (const AgentLoad& l : loads) {
            lo = std::min(lo, l.open_tickets);
            hi = std::max(hi, l.open_tickets);
        }
        REQUIRE_MESSAGE(hi - lo <= 1, "step " << step);
    }
    CHECK(assigned == 2000);

    // Everyone closes at once: the longest idle goes next, so picks rotate through all agents.
    std::vector<AgentLoad> idle = AllAvailable(g);
    std::map<std::int64_t, int> count;
    for (int i = 0; i < 1000; ++i) {
        const auto pick = spoc::PickAssignee(g, idle, UserId());
        REQUIRE(pick.has_value());
        ++count[pick->value];
        LoadOf(idle, *pick)->last_assigned_at = ++now;
    }
    REQUIRE(count.size() == 5);
    for (const auto& [agent, n] : count) CHECK(n == 200);
}

TEST_CASE("routing: picks are deterministic") {
    Lcg rng;
    for (int round = 0; round < 200; ++round) {
        const AssignmentStrategy s = round % 2 ? AssignmentStrategy::round_robin : AssignmentStrategy::least_loaded;
        const AssignmentGroup g = Group(s, {3, 1, 4, 5, 9, 2, 6});
        std::vector<AgentLoad> loads;
        for (UserId m : g.members)
            loads.push_back({m, rng.Next() % 4 != 0, static_cast<int>(rng.Next() % 3),
                             static_cast<spoc::Timestamp>(rng.Next() % 4)});
        const UserId cursor = g.members[rng.Next() % g.members.size()];
        const auto first = spoc::PickAssignee(g, loads, cursor);
        std::vector<AgentLoad> shuffled = loads;
        std::rotate(shuffled.begin(), shuffled.begin() + 3, shuffled.end());
        const auto again = spoc::PickAssignee(g, shuffled, cursor);
        CHECK(first.has_value() == again.has_value());
        if (first && again) CHECK(first->value == again->value);
        // A picked agent is always an available member.
        if (first) {
            CHECK(std::find(g.members.begin(), g.members.end(), *first) != g.members.end());
            CHECK(LoadOf(loads, *first)->available);
        }
    }
}
