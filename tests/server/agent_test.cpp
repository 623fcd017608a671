// Agent mode over real HTTP: new requests are routed to assignment groups and auto-assigned,
// get SLA due times, show up in the queue views (soonest due first, with the view's total), and
// leave a history; employees can't read queues or histories.
#include <doctest/doctest.h>

#include "test_support.h"

using namespace spoc::test;

namespace {

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
    const json laptop = CreateRequestOk(cli, emma, ValidLaptopDraft());  // IT / Hardware -> IT Service Desk (round robin)
    const json vpn = CreateRequestOk(cli, emma, VpnDraft("VPN drops every few minutes"));  // IT / Network -> Network
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
    // emma's seeded monitor request is still New: in its group, not picked up by anyone.
    const json unassigned = Queue(cli, ava, "?view=unassigned&page_size=100");
    CHECK_FALSE(Lists(unassigned, vpn["id"]));
    REQUIRE_FALSE(unassigned["items"].empty());
    for (const auto& item : unassigned["items"]) CHECK_FALSE(item.contains("assignee_id"));
    // Put the VPN request on hold so the pending view has something to show (and nothing else).
    {
        json r = Body(Get(cli, ava, "/api/v1/requests/" + std::to_string(vpn["id"].get<int>())));
        auto started = cli.Patch("/api/v1/requests/" + std::to_string(vpn["id"].get<int>()), AuthHeaders(ava),
                                 json{{"base_version", r["version"]}, {"status", "in_progress"}}.dump(), "application/json");
        REQUIRE(started);
        REQUIRE(started->status == 200);
        auto held = cli.Patch("/api/v1/requests/" + std::to_string(vpn["id"].get<int>()), AuthHeaders(ava),
                              json{{"base_version", Body(started)["version"]}, {"status", "pending"}, {"pending_reason", "vendor"}}.dump(),
                              "application/json");
        REQUIRE(held);
        REQUIRE(held->status == 200);
    }
    const json pending = Queue(cli, ava, "?view=pending");
    CHECK(Lists(pending, vpn["id"]));
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
    const json created = CreateRequestOk(cli, emma, ValidLaptopDraft());
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
    const json created = CreateRequestOk(
        cli, emma, {{"catalog_item_id", 3}, {"summary", "Move me next to my team"}, {"values", {{"new_desk", "HQ3-A14"}}}});
    CHECK(created["group_name"] == "Facilities");
    CHECK(created["status"] == "new");
    CHECK_FALSE(created.contains("assignee_id"));
    const Session ava = SignIn(cli, "ava");
    CHECK(Lists(Queue(cli, ava, "?view=unassigned&page_size=100"), created["id"]));
    CHECK_FALSE(Lists(Queue(cli, ava, "?view=mine&page_size=100"), created["id"]));
}

namespace {

json History(httplib::Client& cli, const Session& s, int id) {
    auto res = Get(cli, s, "/api/v1/requests/" + std::to_string(id) + "/history");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    return Body(res)["items"];
}

}  // namespace

TEST_CASE("agent: the lifecycle over PATCH: transitions per role, 409 on a stale version, history, SLA pauses") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const json created = CreateRequestOk(cli, emma, VpnDraft("VPN drops at home"));
    const int id = created["id"];
    REQUIRE(created["status"] == "assigned");
    const Session ava = SignIn(cli, "ava");

    // Assigned -> In progress.
    json r = PatchRequestOk(cli, ava, id, {{"base_version", created["version"]}, {"status", "in_progress"}});
    CHECK(r["status"] == "in_progress");
    CHECK(r["version"] == created["version"].get<int>() + 1);
    REQUIRE(r.contains("resolution_due_at"));

    // A second agent working from the old version gets 409 and nothing changes.
    auto stale = PatchRequest(cli, ava, id, {{"base_version", created["version"]}, {"status", "resolved"}});
    REQUIRE(stale);
    CHECK(stale->status == 409);
    CHECK(ErrorCodeOf(stale) == "conflict");
    CHECK(Body(stale)["error"]["field"] == "base_version");
    CHECK(Body(Get(cli, ava, "/api/v1/requests/" + std::to_string(id)))["status"] == "in_progress");

    // Pending needs a reason; while Pending the resolution clock is paused (no due time).
    auto no_reason = PatchRequest(cli, ava, id, {{"base_version", r["version"]}, {"status", "pending"}});
    REQUIRE(no_reason);
    CHECK(no_reason->status == 422);
    r = PatchRequestOk(cli, ava, id, {{"base_version", r["version"]}, {"status", "pending"}, {"pending_reason", "requester"}});
    CHECK(r["status"] == "pending");
    CHECK(r["pending_reason"] == "requester");
    CHECK_FALSE(r.contains("resolution_due_at"));

    // The requester replying resumes it (and the clock).
    auto reply = PostJson(cli, emma, "/api/v1/requests/" + std::to_string(id) + "/comments",
                          json{{"body", "Here is the screenshot you asked for."}}.dump());
    REQUIRE(reply);
    REQUIRE(reply->status == 201);
    r = Body(Get(cli, ava, "/api/v1/requests/" + std::to_string(id)));
    CHECK(r["status"] == "in_progress");
    CHECK(r.contains("resolution_due_at"));

    // Employees can't change assignee/priority, nor resolve.
    auto employee = PatchRequest(cli, emma, id, {{"base_version", r["version"]}, {"urgency", "high"}});
    REQUIRE(employee);
    CHECK(employee->status == 403);
    auto employee_resolve = PatchRequest(cli, emma, id, {{"base_version", r["version"]}, {"status", "resolved"}});
    REQUIRE(employee_resolve);
    CHECK(employee_resolve->status == 403);
    // liam can't see it at all.
    const Session liam = SignIn(cli, "liam");
    auto foreign = PatchRequest(cli, liam, id, {{"base_version", r["version"]}, {"status", "closed"}});
    REQUIRE(foreign);
    CHECK(foreign->status == 404);

    // Resolve; the requester closes it.
    r = PatchRequestOk(cli, ava, id, {{"base_version", r["version"]}, {"status", "resolved"}});
    CHECK(r["status"] == "resolved");
    CHECK(r.contains("resolved_at"));
    r = PatchRequestOk(cli, emma, id, {{"base_version", r["version"]}, {"status", "closed"}});
    CHECK(r["status"] == "closed");
    // Closed is final.
    auto final_state = PatchRequest(cli, ava, id, {{"base_version", r["version"]}, {"status", "in_progress"}});
    REQUIRE(final_state);
    CHECK(final_state->status == 422);

    // The history has every step with who did it.
    const json items = History(cli, ava, id);
    std::vector<std::string> statuses;
    for (const auto& h : items)
        if (h["field"] == "status") statuses.push_back(h["new"].get<std::string>());
    CHECK(statuses == std::vector<std::string>{"assigned", "in_progress", "pending", "in_progress", "resolved", "closed"});
    CHECK(items.back()["actor_name"] == "Emma Jones");
}

TEST_CASE("agent: assignment, group and priority changes; bad bodies are 400/422") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    // A Facilities desk move arrives unassigned; giving it an agent makes it Assigned.
    const json desk = CreateRequestOk(
        cli, emma, {{"catalog_item_id", 3}, {"summary", "Move me next to my team"}, {"values", {{"new_desk", "HQ3-A14"}}}});
    REQUIRE(desk["status"] == "new");
    const Session ava = SignIn(cli, "ava");
    const int ava_id = ava.user["id"];
    json r = PatchRequestOk(cli, ava, desk["id"], {{"base_version", desk["version"]}, {"assignee_id", ava_id}});
    CHECK(r["status"] == "assigned");
    CHECK(r["assignee_name"] == "Ava Patel");
    // Priority follows impact x urgency.
    r = PatchRequestOk(cli, ava, desk["id"], {{"base_version", r["version"]}, {"impact", "high"}, {"urgency", "high"}});
    CHECK(r["priority"] == "critical");
    // Another group; unassign.
    r = PatchRequestOk(cli, ava, desk["id"], {{"base_version", r["version"]}, {"group_id", 1}, {"assignee_id", 0}});
    CHECK(r["group_name"] == "IT Service Desk");
    CHECK_FALSE(r.contains("assignee_id"));

    const int id = desk["id"];
    const int version = r["version"];
    auto code = [&](const json& body) {
        auto res = PatchRequest(cli, ava, id, body);
        REQUIRE(res);
        return res->status;
    };
    CHECK(code({{"status", "in_progress"}}) == 400);                                   // no base_version
    CHECK(code({{"base_version", version}}) == 400);                                   // nothing to change
    CHECK(code({{"base_version", version}, {"status", "done"}}) == 400);               // unknown status
    CHECK(code({{"base_version", version}, {"group_id", 999}}) == 422);                // unknown group
    CHECK(code({{"base_version", version}, {"assignee_id", emma.user["id"]}}) == 422); // not an agent
    auto res = cli.Patch("/api/v1/requests/" + std::to_string(id), AuthHeaders(ava), "{not json", "application/json");
    REQUIRE(res);
    CHECK(res->status == 400);
    // None of that changed the request.
    CHECK(Body(Get(cli, ava, "/api/v1/requests/" + std::to_string(id)))["version"] == version);
}

TEST_CASE("agent: an agent's first public reply stops the first-response clock; internal notes don't") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const json created = CreateRequestOk(cli, emma, VpnDraft("VPN is down"));
    REQUIRE(created.contains("response_due_at"));
    const int id = created["id"];
    const Session ava = SignIn(cli, "ava");
    const std::string comments = "/api/v1/requests/" + std::to_string(id) + "/comments";
    REQUIRE(PostJson(cli, ava, comments, json{{"body", "Looking at logs"}, {"internal", true}}.dump())->status == 201);
    json r = Body(Get(cli, ava, "/api/v1/requests/" + std::to_string(id)));
    CHECK(r.contains("response_due_at"));
    CHECK_FALSE(r.contains("first_response_at"));
    REQUIRE(PostJson(cli, ava, comments, json{{"body", "We're on it."}}.dump())->status == 201);
    r = Body(Get(cli, ava, "/api/v1/requests/" + std::to_string(id)));
    CHECK(r.contains("first_response_at"));
    CHECK_FALSE(r.contains("response_due_at"));
}
