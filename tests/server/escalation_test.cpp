// Scheduled SLA jobs and agents' availability over real HTTP, with the clock moved forward through
// SpocServer::RunHousekeepingAt: breaches are marked once, written to the history and escalated to
// the group lead and the assignee as notifications (each user reads only their own); Pending
// requests are not escalated; Resolved requests auto-close after --auto-close-days (not before,
// never with 0); agents away get no new auto-assignments; employees can't use the agents routes.
#include <doctest/doctest.h>

#include "server/storage/agents_repo.h"
#include "server/storage/escalation_repo.h"
#include "server/storage/sqlite.h"
#include "shared/api/agent_dto.h"
#include "test_support.h"

using namespace spoc::test;
using spoc::Timestamp;

namespace {

constexpr Timestamp kMinute = 60'000;
constexpr Timestamp kDay = 86'400'000;

json VpnDraft(const std::string& summary) {
    return json{{"catalog_item_id", 2}, {"summary", summary}, {"urgency", "high"}, {"values", {{"location", "home"}}}};
}

json Request(httplib::Client& cli, const Session& s, int id) {
    return GetOk(cli, s, "/api/v1/requests/" + std::to_string(id));
}

// The request's history rows for `field`, as "old -> new (actor)".
std::vector<std::string> HistoryOf(httplib::Client& cli, const Session& staff, int id, const std::string& field) {
    std::vector<std::string> out;
    const json history = GetOk(cli, staff, "/api/v1/requests/" + std::to_string(id) + "/history");
    for (const auto& h : history["items"])
        if (h["field"] == field)
            out.push_back(h["old"].get<std::string>() + " -> " + h["new"].get<std::string>() + " (" +
                          h["actor_name"].get<std::string>() + ")");
    return out;
}

Timestamp TimeOf(const json& value) {
    Timestamp t = 0;
    REQUIRE(value.is_string());
    REQUIRE(spoc::ParseIso8601(value.get<std::string>(), &t));
    return t;
}

spoc::storage::BreachMarks Marks(TestServer& server, int id) {
    auto db = spoc::storage::Database::Open(server.db_path(), spoc::storage::OpenMode::read_only);
    REQUIRE(db.ok());
    auto marks = spoc::storage::ReadBreachMarks(**db, spoc::RequestId(id));
    REQUIRE(marks.ok());
    return *marks;
}

void RunAt(TestServer& server, Timestamp now) {
    auto ran = server.server().RunHousekeepingAt(now);
    REQUIRE_MESSAGE(ran.ok(), (ran.ok() ? "" : ran.error().message));
}

}  // namespace

TEST_CASE("escalation: a breach is marked once, written to the history and escalated to the lead and the assignee") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const Session ava = SignIn(cli, "ava");    // leads Network
    const Session root = SignIn(cli, "root");  // an admin: will be the assignee
    const Session liam = SignIn(cli, "liam");

    // VPN, P2 -> Network (lead ava); handed to root so lead and assignee differ.
    const json created = CreateRequestOk(cli, emma, VpnDraft("VPN drops every few minutes"));
    const int id = created["id"];
    REQUIRE(created["group_name"] == "Network");
    json r = PatchRequestOk(cli, ava, id, {{"base_version", created["version"]}, {"assignee_id", root.user["id"]}});
    REQUIRE(r["assignee_name"] == "Spoc Admin");
    const int version = r["version"];
    const Timestamp response_due = TimeOf(r["response_due_at"]);
    const Timestamp resolution_due = TimeOf(r["resolution_due_at"]);
    REQUIRE(response_due < resolution_due);
    const auto unread = [&](const Session& s) { return GetOk(cli, s, "/api/v1/notifications")["unread"].get<int>(); };
    REQUIRE(unread(ava) == 0);
    REQUIRE(unread(root) == 0);

    // A minute before the first-response target: nothing happens.
    RunAt(server, response_due - kMinute);
    CHECK(Marks(server, id).response == 0);
    CHECK(HistoryOf(cli, ava, id, "sla").empty());
    CHECK(unread(ava) == 0);

    // Past it: the response clock is marked (at its due instant), once in the history, one notification each.
    RunAt(server, response_due + kMinute);
    CHECK(Marks(server, id).response == response_due);
    CHECK(Marks(server, id).resolution == 0);
    CHECK(HistoryOf(cli, ava, id, "sla") == std::vector<std::string>{" -> response breached (Spoc)"});
    const json ava_inbox = GetOk(cli, ava, "/api/v1/notifications");
    const json root_inbox = GetOk(cli, root, "/api/v1/notifications");
    REQUIRE(ava_inbox["items"].size() == 1);
    REQUIRE(root_inbox["items"].size() == 1);
    CHECK(ava_inbox["unread"] == 1);
    CHECK(root_inbox["unread"] == 1);
    const json lead_note = ava_inbox["items"][0];
    CHECK(lead_note["kind"] == "sla_breach");
    CHECK(lead_note["request_id"] == id);
    CHECK(lead_note["request_number"] == created["number"]);
    CHECK(lead_note["text"].get<std::string>().find("first-response target") != std::string::npos);
    CHECK(lead_note["text"].get<std::string>().find("assigned to Spoc Admin") != std::string::npos);  // the lead's view
    CHECK_FALSE(lead_note.contains("read_at"));
    CHECK(root_inbox["items"][0]["text"].get<std::string>().rfind(created["number"].get<std::string>() + " breached",
                                                                  0) == 0);
    // What agents edit and employees see is untouched: no version bump, no 409 for whoever is editing.
    CHECK(Request(cli, ava, id)["version"] == version);

    // Idempotent: the same instant again adds nothing.
    RunAt(server, response_due + kMinute);
    CHECK(HistoryOf(cli, ava, id, "sla").size() == 1);
    CHECK(unread(ava) == 1);
    CHECK(unread(root) == 1);

    // Past the resolution target: the second clock, once.
    RunAt(server, resolution_due + kMinute);
    RunAt(server, resolution_due + 2 * kMinute);
    CHECK(Marks(server, id).resolution == resolution_due);
    CHECK(Marks(server, id).response == response_due);  // kept
    CHECK(HistoryOf(cli, ava, id, "sla") ==
          std::vector<std::string>{" -> response breached (Spoc)", " -> resolution breached (Spoc)"});
    CHECK(unread(ava) == 2);
    CHECK(unread(root) == 2);
    const json newest = GetOk(cli, root, "/api/v1/notifications")["items"][0];
    CHECK(newest["text"].get<std::string>().find("resolution target") != std::string::npos);

    // Each user sees only their own notifications, and can mark only their own read.
    CHECK(GetOk(cli, emma, "/api/v1/notifications")["items"].empty());
    CHECK(GetOk(cli, liam, "/api/v1/notifications")["unread"] == 0);
    const std::string read_path =
        "/api/v1/notifications/" + std::to_string(lead_note["id"].get<std::int64_t>()) + "/read";
    for (const Session* other : {&emma, &root}) {
        auto foreign = PostJson(cli, *other, read_path, "");
        REQUIRE(foreign);
        CHECK(foreign->status == 404);
        CHECK(ErrorCodeOf(foreign) == "not_found");
    }
    CHECK(unread(ava) == 2);
    auto no_csrf = cli.Post(read_path, AuthHeaders(ava, false), "", "application/json");
    REQUIRE(no_csrf);
    CHECK(no_csrf->status == 403);
    CHECK(unread(ava) == 2);
    auto read = PostJson(cli, ava, read_path, "");
    REQUIRE(read);
    REQUIRE(read->status == 200);
    const Timestamp read_at = TimeOf(Body(read)["read_at"]);
    CHECK(unread(ava) == 1);
    CHECK(unread(root) == 2);
    auto again = PostJson(cli, ava, read_path, "");
    REQUIRE(again);
    CHECK(again->status == 200);
    CHECK(TimeOf(Body(again)["read_at"]) == read_at);  // the first time is kept
    CHECK(unread(ava) == 1);
    auto missing = PostJson(cli, ava, "/api/v1/notifications/999999/read", "");
    REQUIRE(missing);
    CHECK(missing->status == 404);

    // Paging: newest first, next_before continues with older ones.
    const json first = GetOk(cli, ava, "/api/v1/notifications?limit=1");
    REQUIRE(first["items"].size() == 1);
    CHECK(first["unread"] == 1);  // of all, not of the page
    REQUIRE(first.contains("next_before"));
    const json second = GetOk(
        cli, ava, "/api/v1/notifications?limit=1&before=" + std::to_string(first["next_before"].get<std::int64_t>()));
    REQUIRE(second["items"].size() == 1);
    CHECK(second["items"][0]["id"] == lead_note["id"]);
    CHECK(second["items"][0]["id"].get<std::int64_t>() < first["items"][0]["id"].get<std::int64_t>());
    const json past_end =
        GetOk(cli, ava,
              "/api/v1/notifications?limit=1&before=" + std::to_string(second["items"][0]["id"].get<std::int64_t>()));
    CHECK(past_end["items"].empty());
    CHECK_FALSE(past_end.contains("next_before"));
    for (const char* bad : {"?limit=0", "?limit=101", "?before=-1", "?limit=x"}) {
        CAPTURE(bad);
        auto res = Get(cli, ava, std::string("/api/v1/notifications") + bad);
        REQUIRE(res);
        CHECK(res->status == 400);
    }
}

TEST_CASE(
    "escalation: an assignee who leads the group gets one notification; Pending and answered requests are not "
    "escalated") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const Session ava = SignIn(cli, "ava");
    const Session root = SignIn(cli, "root");

    const json mine = CreateRequestOk(cli, emma, VpnDraft("VPN is down"));  // Network: ava leads it and gets it
    REQUIRE(mine["assignee_name"] == "Ava Patel");
    const json held = CreateRequestOk(cli, emma, VpnDraft("VPN certificate expired"));
    json h = PatchRequestOk(cli, ava, held["id"], {{"base_version", held["version"]}, {"status", "in_progress"}});
    h = PatchRequestOk(cli, ava, held["id"],
                {{"base_version", h["version"]}, {"status", "pending"}, {"pending_reason", "vendor"}});
    REQUIRE(h["status"] == "pending");
    // The agent answered this one in time: its first-response clock is met, only resolution can breach.
    const json answered = CreateRequestOk(cli, emma, VpnDraft("VPN slow"));
    REQUIRE(PostJson(cli, ava, "/api/v1/requests/" + std::to_string(answered["id"].get<int>()) + "/comments",
                     json{{"body", "Looking into it."}}.dump())
                ->status == 201);
    REQUIRE_FALSE(Request(cli, ava, answered["id"]).contains("response_due_at"));

    const Timestamp later = TimeOf(mine["resolution_due_at"]) + 30 * kDay;
    RunAt(server, later);
    RunAt(server, later + kMinute);
    // ava is both lead and assignee: one notification per breach run, not two.
    const json inbox = GetOk(cli, ava, "/api/v1/notifications?limit=100");
    int about_mine = 0, about_held = 0, about_answered = 0;
    for (const auto& n : inbox["items"]) {
        about_mine += n["request_id"] == mine["id"];
        about_held += n["request_id"] == held["id"];
        about_answered += n["request_id"] == answered["id"];
    }
    CHECK(about_mine == 1);
    CHECK(about_held == 0);
    CHECK(about_answered == 1);
    CHECK(GetOk(cli, root, "/api/v1/notifications")["items"].empty());  // not in Network, not assigned
    CHECK(HistoryOf(cli, ava, mine["id"], "sla").size() == 2);          // both clocks
    CHECK(HistoryOf(cli, ava, held["id"], "sla").empty());
    CHECK(Marks(server, held["id"]).response == 0);
    CHECK(Marks(server, held["id"]).resolution == 0);
    CHECK(HistoryOf(cli, ava, answered["id"], "sla") == std::vector<std::string>{" -> resolution breached (Spoc)"});
    CHECK(Marks(server, answered["id"]).response == 0);
}

TEST_CASE("escalation: Resolved requests auto-close after the configured days, not before") {
    TestServer server([](spoc::ServerConfig& c) { c.auto_close_days = 3; });
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const Session ava = SignIn(cli, "ava");
    const json created = CreateRequestOk(cli, emma, VpnDraft("VPN drops"));
    const int id = created["id"];
    json r = PatchRequestOk(cli, ava, id, {{"base_version", created["version"]}, {"status", "in_progress"}});
    r = PatchRequestOk(cli, ava, id, {{"base_version", r["version"]}, {"status", "resolved"}});
    const Timestamp resolved_at = TimeOf(r["resolved_at"]);
    const int version = r["version"];

    RunAt(server, resolved_at + 3 * kDay);  // exactly 3 days: still reopenable, so not closed
    r = Request(cli, emma, id);
    CHECK(r["status"] == "resolved");
    CHECK(r["version"] == version);

    RunAt(server, resolved_at + 3 * kDay + kMinute);
    r = Request(cli, emma, id);
    CHECK(r["status"] == "closed");
    CHECK(r["version"] == version + 1);
    CHECK(TimeOf(r["closed_at"]) == resolved_at + 3 * kDay + kMinute);
    CHECK_FALSE(r.contains("resolution_due_at"));
    CHECK(HistoryOf(cli, ava, id, "status").back() == "resolved -> closed (Spoc)");

    RunAt(server, resolved_at + 10 * kDay);  // nothing left to do
    CHECK(Request(cli, emma, id)["version"] == version + 1);
    CHECK(HistoryOf(cli, ava, id, "status") ==
          std::vector<std::string>{"new -> assigned (Spoc)", "assigned -> in_progress (Ava Patel)",
                                   "in_progress -> resolved (Ava Patel)", "resolved -> closed (Spoc)"});
}

TEST_CASE("escalation: --auto-close-days 0 never closes; the flag is checked") {
    TestServer server([](spoc::ServerConfig& c) { c.auto_close_days = 0; });
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const Session ava = SignIn(cli, "ava");
    const json created = CreateRequestOk(cli, emma, VpnDraft("VPN drops"));
    json r = PatchRequestOk(cli, ava, created["id"], {{"base_version", created["version"]}, {"status", "in_progress"}});
    r = PatchRequestOk(cli, ava, created["id"], {{"base_version", r["version"]}, {"status", "resolved"}});
    RunAt(server, TimeOf(r["resolved_at"]) + 400 * kDay);
    CHECK(Request(cli, emma, created["id"])["status"] == "resolved");

    CHECK(spoc::ServerConfig{}.auto_close_days == 7);
    auto parse = [](std::vector<const char*> args) {
        args.insert(args.begin(), "spoc-server");
        return spoc::ParseServerArgs(static_cast<int>(args.size()), args.data());
    };
    auto zero = parse({"--auto-close-days", "0"});
    REQUIRE(zero.ok());
    CHECK(zero->auto_close_days == 0);
    auto year = parse({"--auto-close-days=365"});
    REQUIRE(year.ok());
    CHECK(year->auto_close_days == 365);
    CHECK_FALSE(parse({"--auto-close-days", "366"}).ok());
    CHECK_FALSE(parse({"--auto-close-days", "-1"}).ok());
    CHECK_FALSE(parse({"--auto-close-days", "week"}).ok());
    CHECK_FALSE(parse({"--auto-close-days"}).ok());
    CHECK(spoc::ServerUsage().find("--auto-close-days") != std::string::npos);
}

TEST_CASE("availability: agents away get no new auto-assignments; employees can't use the agents routes") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const Session ava = SignIn(cli, "ava");
    const Session root = SignIn(cli, "root");

    // Employees: 403 on both agents routes, whatever the body.
    auto employee_get = Get(cli, emma, "/api/v1/agents/me");
    REQUIRE(employee_get);
    CHECK(employee_get->status == 403);
    CHECK(ErrorCodeOf(employee_get) == "forbidden");
    for (const char* body : {R"({"available":false})", "{}"}) {
        auto employee_put = cli.Put("/api/v1/agents/me/availability", AuthHeaders(emma), body, "application/json");
        REQUIRE(employee_put);
        CHECK(employee_put->status == 403);
    }

    // ava leads and staffs IT Service Desk, Network and Facilities; root leads HR Operations.
    json self = GetOk(cli, ava, "/api/v1/agents/me");
    CHECK(self["available"] == true);
    std::vector<std::string> names;
    for (const auto& g : self["groups"]) {
        names.push_back(g["name"]);
        CHECK(g["lead"] == true);
        CHECK(g["member"] == true);
    }
    CHECK(names == std::vector<std::string>{"IT Service Desk", "Network", "Facilities"});
    const json root_self = GetOk(cli, root, "/api/v1/agents/me");
    REQUIRE(root_self["groups"].size() == 1);
    CHECK(root_self["groups"][0]["name"] == "HR Operations");

    // Bad bodies and a missing CSRF token change nothing.
    auto put = [&](const Session& s, const std::string& body, bool csrf = true) {
        auto res = cli.Put("/api/v1/agents/me/availability", AuthHeaders(s, csrf), body, "application/json");
        REQUIRE(res);
        return res->status;
    };
    CHECK(put(ava, "{}") == 400);
    CHECK(put(ava, R"({"available":"no"})") == 400);
    CHECK(put(ava, R"({"available":null})") == 400);
    CHECK(put(ava, "{not json") == 400);
    CHECK(put(ava, R"({"available":false})", false) == 403);
    CHECK(GetOk(cli, ava, "/api/v1/agents/me")["available"] == true);

    // Away: the round-robin IT Service Desk (ava its only member) leaves the next request unassigned.
    auto away =
        cli.Put("/api/v1/agents/me/availability", AuthHeaders(ava), R"({"available":false})", "application/json");
    REQUIRE(away);
    REQUIRE(away->status == 200);
    CHECK(Body(away)["available"] == false);
    CHECK(GetOk(cli, ava, "/api/v1/agents/me")["available"] == false);
    const json unassigned = CreateRequestOk(cli, emma, ValidLaptopDraft());
    CHECK(unassigned["group_name"] == "IT Service Desk");
    CHECK(unassigned["status"] == "new");
    CHECK_FALSE(unassigned.contains("assignee_id"));

    // With a second member (root, added straight to the database: there is no route for it yet),
    // round robin skips ava while she is away ...
    {
        auto db = spoc::storage::Database::Open(server.db_path(), spoc::storage::OpenMode::read_write);
        REQUIRE(db.ok());
        REQUIRE(
            spoc::storage::AddGroupMember(**db, spoc::kDemoGroupServiceDesk, spoc::UserId(root.user["id"]), 1).ok());
    }
    for (int i = 0; i < 2; ++i) {
        const json next = CreateRequestOk(cli, emma, ValidLaptopDraft());
        CHECK(next["assignee_name"] == "Spoc Admin");
    }
    // ... and takes her turn again once she is back.
    REQUIRE(put(ava, R"({"available":true})") == 200);
    CHECK(CreateRequestOk(cli, emma, ValidLaptopDraft())["assignee_name"] == "Ava Patel");
    CHECK(CreateRequestOk(cli, emma, ValidLaptopDraft())["assignee_name"] == "Spoc Admin");
}

TEST_CASE("agent_dto: availability and notification codecs round-trip and refuse bad shapes") {
    auto body = spoc::api::DecodeAvailability(spoc::api::EncodeAvailability({false}));
    REQUIRE(body.ok());
    CHECK(body->available == false);
    CHECK_FALSE(spoc::api::DecodeAvailability("{}").ok());
    CHECK_FALSE(spoc::api::DecodeAvailability(R"({"available":1})").ok());
    CHECK_FALSE(spoc::api::DecodeAvailability("[]").ok());

    spoc::api::NotificationPage page;
    page.unread = 3;
    page.next_before = 7;
    page.items.push_back(
        {8, spoc::RequestId(42), "INC0000042", spoc::api::kNotificationSlaBreach, "breached", 1000, 0});
    page.items.push_back({9, spoc::RequestId(), "", "sla_breach", "other", 2000, 3000});
    auto decoded = spoc::api::DecodeNotificationPage(spoc::api::EncodeNotificationPage(page));
    REQUIRE(decoded.ok());
    CHECK(decoded->unread == 3);
    CHECK(decoded->next_before == 7);
    REQUIRE(decoded->items.size() == 2);
    CHECK(decoded->items[0].request_id == spoc::RequestId(42));
    CHECK(decoded->items[0].request_number == "INC0000042");
    CHECK(decoded->items[0].read_at == 0);
    CHECK(decoded->items[1].read_at == 3000);
    CHECK_FALSE(decoded->items[1].request_id.valid());
    CHECK_FALSE(spoc::api::DecodeNotificationPage(R"({"items":[{"id":1}]})").ok());  // kind and text required

    spoc::api::AgentSelf self{false, {{3, "HR Operations", true, false}}};
    auto round = spoc::api::DecodeAgentSelf(spoc::api::EncodeAgentSelf(self));
    REQUIRE(round.ok());
    CHECK(round->available == false);
    REQUIRE(round->groups.size() == 1);
    CHECK(round->groups[0].name == "HR Operations");
    CHECK(round->groups[0].lead);
    CHECK_FALSE(round->groups[0].member);
}
