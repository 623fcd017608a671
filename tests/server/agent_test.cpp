// Agent mode over real HTTP: new requests are routed to assignment groups and auto-assigned,
// get SLA due times, show up in the queue views (soonest due first, with the view's total), and
// leave a history; employees can't read queues or histories.
#include <doctest/doctest.h>

#include "test_support.h"

using namespace spoc::test;

namespace {

json Create(httplib::Client& cli, const Session& s, const json& draft) {
    auto res = PostJson(cli, s, "/api/v1/requests", draft.dump());
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 201, res->body);
    return Body(res);
}

json VpnDraft(const std::string& summary) {
    return json{{"catalog_item_id", 2}, {"summary", summary}, {"urgency", "high"}, {"values", {{"location", "home"}}}};
}

json Queue(httplib::Client& cli, const Session& s, const std::string& query) {
    auto res = Get(cli, s, "/api/v1/queue" + query);
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    return Body(res);
}

bool Lists(const json& page, int id) {
    for (const auto& item : page["items"])
        if (item["id"] == id) return true;
    return false;
}

}  // namespace

TEST_CASE("agent: new requests are routed to a group, auto-assigned, and listed in the queue views") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const json laptop = Create(cli, emma, ValidLaptopDraft());  // IT / Hardware -> IT Service Desk (round robin)
    const json vpn = Create(cli, emma, VpnDraft("VPN drops every few minutes"));  // IT / Network -> Network
    CHECK(laptop["group_name"] == "IT Service Desk");
    CHECK(vpn["group_name"] == "Network");
    CHECK(vpn["status"] == "assigned");
    CHECK(vpn["assignee_name"] == "Ava Patel");
    CHECK(vpn["priority"] == "high");  // medium impact x high urgency
    // A P2 resolves sooner than the P5 laptop, so it heads the queue.
    spoc::Timestamp vpn_due = 0, laptop_due = 0;
    REQUIRE(spoc::ParseIso8601(vpn["resolution_due_at"].get<std::string>(), &vpn_due));
    REQUIRE(spoc::ParseIso8601(laptop["resolution_due_at"].get<std::string>(), &laptop_due));
    CHECK(vpn_due < laptop_due);

    const Session ava = SignIn(cli, "ava");
    const json mine = Queue(cli, ava, "?view=mine");
    CHECK(Lists(mine, laptop["id"]));
    CHECK(Lists(mine, vpn["id"]));
    CHECK(mine["total"].get<int>() == static_cast<int>(mine["items"].size()));
    const json open = Queue(cli, ava, "?view=open&page_size=100");
    CHECK(open["total"].get<int>() >= 2);
    // Soonest resolution due first; requests without a due time (seeded history) last.
    spoc::Timestamp previous = 0;
    bool seen_undated = false;
    for (const auto& item : open["items"]) {
        if (!item.contains("resolution_due_at")) {
            seen_undated = true;
            continue;
        }
        CHECK_FALSE(seen_undated);  // a dated one after an undated one would be out of order
        spoc::Timestamp due = 0;
        REQUIRE(spoc::ParseIso8601(item["resolution_due_at"].get<std::string>(), &due));
        CHECK(due >= previous);
        previous = due;
    }
    const json groups = Queue(cli, ava, "?view=groups&page_size=100");
    CHECK(Lists(groups, vpn["id"]));
    // The seeded requests predate routing: they are unassigned.
    const json unassigned = Queue(cli, ava, "?view=unassigned&page_size=100");
    CHECK_FALSE(Lists(unassigned, vpn["id"]));
    for (const auto& item : unassigned["items"]) CHECK_FALSE(item.contains("assignee_id"));
    const json pending = Queue(cli, ava, "?view=pending");
    for (const auto& item : pending["items"]) CHECK(item["status"] == "pending");

    // Paging keeps the total.
    const json first = Queue(cli, ava, "?view=open&page_size=1&page=1");
    CHECK(first["items"].size() == 1);
    CHECK(first["total"] == open["total"]);
}

TEST_CASE("agent: queues and histories are for staff; bad views are 400") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const json created = Create(cli, emma, ValidLaptopDraft());
    const std::string history = "/api/v1/requests/" + std::to_string(created["id"].get<int>()) + "/history";

    auto queue = Get(cli, emma, "/api/v1/queue");
    REQUIRE(queue);
    CHECK(queue->status == 403);
    auto own_history = Get(cli, emma, history);
    REQUIRE(own_history);
    CHECK(own_history->status == 403);

    const Session ava = SignIn(cli, "ava");
    for (const char* bad : {"?view=everything", "?page=0", "?page_size=101", "?page_size=x"}) {
        CAPTURE(bad);
        auto res = Get(cli, ava, std::string("/api/v1/queue") + bad);
        REQUIRE(res);
        CHECK(res->status == 400);
        CHECK(ErrorCodeOf(res) == "bad_request");
    }
    auto missing = Get(cli, ava, "/api/v1/requests/999999/history");
    REQUIRE(missing);
    CHECK(missing->status == 404);

    // The history records the creation and the routing decisions, in order.
    auto res = Get(cli, ava, history);
    REQUIRE(res);
    REQUIRE(res->status == 200);
    const json items = Body(res)["items"];
    REQUIRE(items.size() == 4);
    CHECK(items[0]["field"] == "created");
    CHECK(items[0]["actor_name"] == "Emma Jones");
    CHECK(items[1]["field"] == "group");
    CHECK(items[1]["new"] == "IT Service Desk");
    CHECK(items[2]["field"] == "assignee");
    CHECK(items[3]["field"] == "status");
    CHECK(items[3]["old"] == "new");
    CHECK(items[3]["new"] == "assigned");
    CHECK(items[1]["actor_name"] == "Spoc");  // the system routed it
}

TEST_CASE("agent: a group without an available agent leaves requests unassigned in the group") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    // Desk move: Facilities -> the Facilities group, which assigns by hand.
    const json created = Create(
        cli, emma, {{"catalog_item_id", 3}, {"summary", "Move me next to my team"}, {"values", {{"new_desk", "HQ3-A14"}}}});
    CHECK(created["group_name"] == "Facilities");
    CHECK(created["status"] == "new");
    CHECK_FALSE(created.contains("assignee_id"));
    const Session ava = SignIn(cli, "ava");
    CHECK(Lists(Queue(cli, ava, "?view=unassigned&page_size=100"), created["id"]));
    CHECK_FALSE(Lists(Queue(cli, ava, "?view=mine&page_size=100"), created["id"]));
}
