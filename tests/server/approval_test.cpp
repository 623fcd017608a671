// Approvals over real HTTP (issue 13): a performance laptop waits for emma's manager (olivia),
// then IT asset management (ava or root); while it waits it is not routed, assigned or timed and no
// queue lists it; approvers find it in their inbox and may read it (not its internal notes);
// the last approval routes and assigns it with its SLA clocks starting; a rejection cancels it with
// the reason; two approvers racing on an "any one" step produce exactly one decision; delegation
// covers an absent approver; reminders go out; every step is audited and in the history.
#include <doctest/doctest.h>

#include <thread>

#include "server/storage/sqlite.h"
#include "test_support.h"

using namespace spoc::test;

namespace {

std::string Path(int id, const std::string& tail = "") { return "/api/v1/requests/" + std::to_string(id) + tail; }

json PerformanceLaptop() {
    json d = ValidLaptopDraft();
    d["values"]["model"] = "performance";
    d["summary"] = "Performance laptop for CAD work";
    return d;
}

httplib::Result Decide(httplib::Client& cli, const Session& s, int id, const std::string& decision, int base_version,
                       const std::string& comment = "") {
    json body = {{"decision", decision}, {"base_version", base_version}};
    if (!comment.empty()) body["comment"] = comment;
    return PostJson(cli, s, Path(id, "/approval"), body.dump());
}

int Status(const httplib::Result& r) { return r ? r->status : 0; }

std::vector<int> InboxIds(httplib::Client& cli, const Session& s) {
    std::vector<int> out;
    const json page = GetOk(cli, s, "/api/v1/approvals");
    for (const auto& r : page["items"]) out.push_back(r["id"].get<int>());
    return out;
}

}  // namespace

TEST_CASE("approval: a chain holds the request; the inbox, reading it, deciding; then routed with SLA clocks") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma"), olivia = SignIn(cli, "olivia"), ava = SignIn(cli, "ava"),
                  liam = SignIn(cli, "liam"), root = SignIn(cli, "root");

    // A standard laptop needs nobody.
    const json plain = CreateRequestOk(cli, emma, ValidLaptopDraft());
    CHECK(plain["status"] == "assigned");
    CHECK_FALSE(plain.contains("approval"));

    const json created = CreateRequestOk(cli, emma, PerformanceLaptop());
    const int id = created["id"];
    CHECK(created["status"] == "awaiting_approval");
    CHECK_FALSE(created.contains("assignee_id"));
    CHECK_FALSE(created.contains("group_id"));
    CHECK_FALSE(created.contains("response_due_at"));  // no SLA clock while it waits
    CHECK_FALSE(created.contains("resolution_due_at"));
    REQUIRE(created["approval"]["steps"].size() == 2);
    CHECK(created["approval"]["steps"][0]["state"] == "pending");
    CHECK(created["approval"]["steps"][0]["approvers"] == json::array({"Olivia Grant"}));
    CHECK(created["approval"]["steps"][1]["state"] == "waiting");
    CHECK(created["approval"]["can_decide"] == false);  // never the requester

    // No queue lists it; olivia's inbox does, ava's doesn't yet.
    const json queue = GetOk(cli, ava, "/api/v1/queue?view=open&page_size=100");
    for (const auto& r : queue["items"]) CHECK(r["id"] != id);
    CHECK(InboxIds(cli, olivia) == std::vector<int>{id});
    CHECK(InboxIds(cli, ava).empty());
    CHECK(GetOk(cli, olivia, "/api/v1/approvals")["total"] == 1);

    // olivia (an employee) may read it to decide, without internal notes; liam may not.
    REQUIRE(PostJson(cli, ava, Path(id, "/comments"), R"({"body":"Internal: check the CAD licence first","internal":true})")->status == 201);
    const json seen = GetOk(cli, olivia, Path(id));
    CHECK(seen["approval"]["can_decide"] == true);
    CHECK(seen.dump().find("CAD licence") == std::string::npos);
    CHECK(Status(Get(cli, liam, Path(id))) == 404);
    CHECK(Status(Decide(cli, liam, id, "approve", seen["version"])) == 404);
    CHECK(Status(Decide(cli, emma, id, "approve", seen["version"])) == 403);  // her own request
    CHECK(Status(Decide(cli, ava, id, "approve", seen["version"])) == 403);   // not her step yet
    CHECK(Status(Decide(cli, olivia, id, "approve", seen["version"].get<int>() - 1)) == 409);  // stale
    CHECK(Status(Decide(cli, olivia, id, "reject", seen["version"])) == 422);  // a rejection needs a reason

    auto first = Decide(cli, olivia, id, "approve", seen["version"], "Fine for CAD work.");
    REQUIRE(Status(first) == 200);
    const json after_first = Body(first);
    CHECK(after_first["status"] == "awaiting_approval");
    CHECK(after_first["approval"]["steps"][0]["state"] == "approved");
    CHECK(after_first["approval"]["steps"][0]["votes"][0]["comment"] == "Fine for CAD work.");
    CHECK(after_first["approval"]["steps"][1]["state"] == "pending");
    CHECK(InboxIds(cli, olivia).empty());
    CHECK(InboxIds(cli, ava) == std::vector<int>{id});
    CHECK(InboxIds(cli, root) == std::vector<int>{id});

    // ava approves: routed to her queue, assigned, SLA clocks from now.
    auto last = Decide(cli, ava, id, "approve", after_first["version"]);
    REQUIRE(Status(last) == 200);
    const json approved = Body(last);
    CHECK(approved["status"] == "assigned");
    CHECK(approved["assignee_name"] == "Ava Patel");
    CHECK(approved.contains("response_due_at"));
    CHECK(approved.contains("resolution_due_at"));
    CHECK(InboxIds(cli, root).empty());
    // The slower approver of the "any one" step: 409, nothing changes.
    CHECK(Status(Decide(cli, root, id, "reject", approved["version"], "Too expensive")) == 409);
    CHECK(GetOk(cli, emma, Path(id))["status"] == "assigned");

    std::vector<std::string> rows;
    const json history = GetOk(cli, ava, Path(id, "/history"));
    for (const auto& h : history["items"])
        rows.push_back(h["field"].get<std::string>() + ":" + h["old"].get<std::string>() + "->" + h["new"].get<std::string>());
    CHECK(std::find(rows.begin(), rows.end(), "created:->awaiting_approval") != rows.end());
    CHECK(std::find(rows.begin(), rows.end(), "approval:->pending") != rows.end());
    CHECK(std::find(rows.begin(), rows.end(), "approval:pending->approved") != rows.end());
    CHECK(std::find(rows.begin(), rows.end(), "status:awaiting_approval->assigned") != rows.end());
    CHECK(CountRows(server, "SELECT COUNT(*) FROM audit_log WHERE entity = 'approval'") == 2);
    CHECK(CountRows(server, "SELECT COUNT(*) FROM notifications WHERE kind = 'approval'") == 3);  // olivia, ava, root
}

TEST_CASE("approval: a rejection ends the request with the reason; the requester may cancel while it waits") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma"), olivia = SignIn(cli, "olivia");
    const json created = CreateRequestOk(cli, emma, PerformanceLaptop());
    const int id = created["id"];
    auto rejected = Decide(cli, olivia, id, "reject", created["version"], "Please order the standard model.");
    REQUIRE(Status(rejected) == 200);
    const json r = Body(rejected);
    CHECK(r["status"] == "cancelled");
    CHECK(r["cancel_reason"] == "Not approved by Olivia Grant: Please order the standard model.");
    CHECK(r["approval"]["steps"][0]["state"] == "rejected");
    CHECK(r["approval"]["steps"][1]["state"] == "waiting");
    CHECK(GetOk(cli, emma, Path(id))["cancel_reason"] == r["cancel_reason"]);

    const json other = CreateRequestOk(cli, emma, PerformanceLaptop());
    const json cancelled = PatchRequestOk(cli, emma, other["id"], {{"base_version", other["version"]}, {"status", "cancelled"}});
    CHECK(cancelled["status"] == "cancelled");
    CHECK(InboxIds(cli, olivia).empty());  // nothing left to decide
    CHECK(Status(Decide(cli, olivia, other["id"], "approve", cancelled["version"])) == 409);
}

TEST_CASE("approval: two approvers racing on an 'any one' step make exactly one decision") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma"), olivia = SignIn(cli, "olivia"), ava = SignIn(cli, "ava"),
                  root = SignIn(cli, "root");
    for (int round = 0; round < 5; ++round) {
        const json created = CreateRequestOk(cli, emma, PerformanceLaptop());
        const int id = created["id"];
        const json step1 = Body(Decide(cli, olivia, id, "approve", created["version"]));
        const int version = step1["version"];
        int a = 0, b = 0;
        std::thread t1([&] {
            auto c = server.Client();
            a = Status(Decide(c, ava, id, "approve", version));
        });
        std::thread t2([&] {
            auto c = server.Client();
            b = Status(Decide(c, root, id, "reject", version, "Over budget"));
        });
        t1.join();
        t2.join();
        CAPTURE(a);
        CAPTURE(b);
        CHECK(((a == 200 && b == 409) || (a == 409 && b == 200)));
        CHECK(CountRows(server, "SELECT COUNT(*) FROM approval_votes v JOIN approval_steps s ON s.id = v.step_id "
                                "WHERE s.request_id = " + std::to_string(id) + " AND s.position = 1") == 1);
        const json now = GetOk(cli, emma, Path(id));
        CHECK(now["status"] == (a == 200 ? "assigned" : "cancelled"));
    }
}

TEST_CASE("approval: a delegate decides for an absent approver while the delegation runs; reminders go out") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma"), olivia = SignIn(cli, "olivia"), liam = SignIn(cli, "liam");
    // olivia is away: liam approves for her this week.
    auto bad = PostJson(cli, olivia, "/api/v1/approvals/delegations", json{{"to", "olivia"}, {"starts_at", "2026-01-01T00:00:00Z"}, {"ends_at", "2026-01-02T00:00:00Z"}}.dump());
    CHECK(Status(bad) == 422);
    const long long now = NowSeconds();
    auto added = PostJson(cli, olivia, "/api/v1/approvals/delegations",
                          json{{"to", "liam"}, {"starts_at", Iso(now - 60)}, {"ends_at", Iso(now + 7 * 86400)}}.dump());
    REQUIRE(Status(added) == 201);
    CHECK(Body(added)["to_name"] == "Liam Chen");
    CHECK(GetOk(cli, liam, "/api/v1/approvals/delegations")["items"].size() == 1);

    const json created = CreateRequestOk(cli, emma, PerformanceLaptop());
    const int id = created["id"];
    CHECK(InboxIds(cli, liam) == std::vector<int>{id});
    CHECK(GetOk(cli, liam, Path(id))["approval"]["can_decide"] == true);
    auto decided = Decide(cli, liam, id, "approve", created["version"], "For Olivia, on leave");
    REQUIRE(Status(decided) == 200);
    const json vote = Body(decided)["approval"]["steps"][0]["votes"][0];
    CHECK(vote["approver"] == "Olivia Grant");
    CHECK(vote["by"] == "Liam Chen");

    // Ending it: liam no longer sees new ones.
    REQUIRE(cli.Delete("/api/v1/approvals/delegations/" + std::to_string(Body(added)["id"].get<int>()), AuthHeaders(olivia))->status == 204);
    const json next = CreateRequestOk(cli, emma, PerformanceLaptop());
    CHECK(InboxIds(cli, liam).empty());
    CHECK(Status(Get(cli, liam, Path(next["id"]))) == 404);

    // Nobody decided for a day: olivia is reminded (business hours on the request's calendar).
    const std::int64_t before = CountRows(server, "SELECT COUNT(*) FROM notifications WHERE kind = 'approval'");
    REQUIRE(server.server().RunHousekeepingAt((now + 3 * 86400) * 1000).ok());
    CHECK(CountRows(server, "SELECT COUNT(*) FROM notifications WHERE kind = 'approval' AND text LIKE 'Reminder:%'") >= 1);
    CHECK(CountRows(server, "SELECT COUNT(*) FROM notifications WHERE kind = 'approval'") > before);
}

TEST_CASE("approval: admins set managers; others can't") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma"), root = SignIn(cli, "root"), liam = SignIn(cli, "liam");
    const int liam_id = liam.user["id"];
    auto put = [&](const Session& s, int user, const std::string& body) {
        return cli.Put("/api/v1/users/" + std::to_string(user) + "/manager", AuthHeaders(s), body, "application/json");
    };
    CHECK(Status(put(emma, liam_id, json{{"manager_id", emma.user["id"]}}.dump())) == 403);
    CHECK(Status(put(root, liam_id, json{{"manager_id", liam_id}}.dump())) == 422);
    CHECK(Status(put(root, liam_id, json{{"manager_id", 999999}}.dump())) == 422);
    CHECK(Status(put(root, 999999, json{{"manager_id", 0}}.dump())) == 404);
    CHECK(Status(put(root, liam_id, R"({"manager":1})")) == 400);
    REQUIRE(Status(put(root, liam_id, json{{"manager_id", emma.user["id"]}}.dump())) == 204);
    // liam's performance laptop now waits for emma.
    const json created = CreateRequestOk(cli, liam, PerformanceLaptop());
    CHECK(created["approval"]["steps"][0]["approvers"] == json::array({"Emma Jones"}));
    CHECK(InboxIds(cli, emma) == std::vector<int>{created["id"].get<int>()});
}

TEST_CASE("approval: approvers and their delegates hear of the requests they decide, live; nobody else does") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma"), olivia = SignIn(cli, "olivia"), liam = SignIn(cli, "liam"),
                  ava = SignIn(cli, "ava");
    const long long now = NowSeconds();
    auto needle = [](int id, const char* kind) { return "\"id\":" + std::to_string(id) + ",\"kind\":\"" + kind + "\""; };
    EventStream olivia_live(server.port(), olivia), liam_live(server.port(), liam), ava_live(server.port(), ava);
    for (EventStream* s : {&olivia_live, &liam_live, &ava_live}) REQUIRE(s->WaitFor("event: ready"));

    // Held for olivia: she hears of it (her count goes up); liam, who has nothing to do with it, doesn't.
    const json first = CreateRequestOk(cli, emma, PerformanceLaptop());
    const int first_id = first["id"];
    CHECK(olivia_live.WaitFor(needle(first_id, "created")));
    CHECK(ava_live.WaitFor(needle(first_id, "created")));  // staff hear of every request

    // A request that needs no approval reaches only its requester and staff.
    const json plain = CreateRequestOk(cli, emma, ValidLaptopDraft());
    CHECK(ava_live.WaitFor(needle(plain["id"], "created")));
    CHECK(olivia_live.Text().find(needle(plain["id"], "created")) == std::string::npos);

    // olivia goes away, liam decides for her: from now on he hears of her approvals.
    REQUIRE(Status(PostJson(cli, olivia, "/api/v1/approvals/delegations",
                            json{{"to", "liam"}, {"starts_at", Iso(now - 60)}, {"ends_at", Iso(now + 7 * 86400)}}.dump())) == 201);
    const json second = CreateRequestOk(cli, emma, PerformanceLaptop());
    const int second_id = second["id"];
    CHECK(liam_live.WaitFor(needle(second_id, "created")));
    CHECK(olivia_live.WaitFor(needle(second_id, "created")));

    // liam approves for her: the next step's approvers (IT asset management: ava, root) hear of it, and
    // olivia's inbox drops it.
    REQUIRE(Status(Decide(cli, liam, second_id, "approve", second["version"])) == 200);
    CHECK(olivia_live.WaitFor(needle(second_id, "updated")));
    CHECK(ava_live.WaitFor(needle(second_id, "updated")));
    CHECK(liam_live.Text().find("\"id\":" + std::to_string(first_id) + ",") == std::string::npos);
    CHECK(liam_live.Text().find(needle(plain["id"], "created")) == std::string::npos);
}
