// GET /api/v1/groups over real HTTP: staff see every assignment group by name with its agents by
// name and their availability (following PUT /agents/me/availability and new members); employees
// get 403 and callers without a session 401.
#include <doctest/doctest.h>

#include "server/storage/agents_repo.h"
#include "server/storage/sqlite.h"
#include "shared/api/agent_dto.h"
#include "shared/domain/routing.h"
#include "test_support.h"

using namespace spoc::test;

namespace {

json Directory(httplib::Client& cli, const Session& s) {
    auto res = Get(cli, s, "/api/v1/groups");
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    CHECK(res->get_header_value("Content-Type").rfind("application/json", 0) == 0);
    return Body(res);
}

const json* FindGroup(const json& directory, const std::string& name) {
    for (const auto& g : directory["groups"])
        if (g["name"] == name) return &g;
    return nullptr;
}

}  // namespace

TEST_CASE("groups: staff see every group with its agents and their availability") {
    TestServer server;
    auto cli = server.Client();
    const Session ava = SignIn(cli, "ava");
    const Session root = SignIn(cli, "root");
    const int ava_id = ava.user["id"];
    const int root_id = root.user["id"];

    // The demo groups, by name; ava staffs and leads three, root staffs and leads HR Operations.
    json directory = Directory(cli, ava);
    std::vector<std::string> names;
    for (const auto& g : directory["groups"]) names.push_back(g["name"]);
    CHECK(names == std::vector<std::string>{"Facilities", "HR Operations", "IT Service Desk", "Network"});
    const json* desk = FindGroup(directory, "IT Service Desk");
    REQUIRE(desk);
    CHECK((*desk)["id"] == spoc::kDemoGroupServiceDesk);
    CHECK((*desk)["lead_id"] == ava_id);
    REQUIRE((*desk)["agents"].size() == 1);
    CHECK((*desk)["agents"][0] == json{{"id", ava_id}, {"name", "Ava Patel"}, {"available", true}});
    const json* hr = FindGroup(directory, "HR Operations");
    REQUIRE(hr);
    CHECK((*hr)["lead_id"] == root_id);
    REQUIRE((*hr)["agents"].size() == 1);
    CHECK((*hr)["agents"][0]["name"] == "Spoc Admin");
    // The typed decoder reads what the server writes.
    auto res = Get(cli, ava, "/api/v1/groups");
    REQUIRE(res);
    auto decoded = spoc::api::DecodeGroupDirectory(res->body);
    REQUIRE(decoded.ok());
    CHECK(decoded->groups.size() == 4);
    CHECK(Directory(cli, root) == directory);  // admins see the same

    // Away: every group ava belongs to shows it; back: available again.
    auto away =
        cli.Put("/api/v1/agents/me/availability", AuthHeaders(ava), R"({"available":false})", "application/json");
    REQUIRE(away);
    REQUIRE(away->status == 200);
    directory = Directory(cli, root);
    for (const char* name : {"Facilities", "IT Service Desk", "Network"}) {
        CAPTURE(name);
        const json* g = FindGroup(directory, name);
        REQUIRE(g);
        REQUIRE((*g)["agents"].size() == 1);
        CHECK((*g)["agents"][0]["available"] == false);
    }
    CHECK((*FindGroup(directory, "HR Operations"))["agents"][0]["available"] == true);

    // A new member (straight into the database: there is no route for it) and a group without a
    // lead or members: agents by name, "Spoc Admin" after "Ava Patel"; the empty group is listed.
    {
        auto db = spoc::storage::Database::Open(server.db_path(), spoc::storage::OpenMode::read_write);
        REQUIRE(db.ok());
        REQUIRE(spoc::storage::AddGroupMember(**db, spoc::kDemoGroupServiceDesk, spoc::UserId(root_id), 0).ok());
        spoc::AssignmentGroup empty;
        empty.name = "Applications";
        empty.strategy = spoc::AssignmentStrategy::manual;
        REQUIRE(spoc::storage::InsertGroup(**db, empty).ok());
    }
    auto back = cli.Put("/api/v1/agents/me/availability", AuthHeaders(ava), R"({"available":true})", "application/json");
    REQUIRE(back);
    REQUIRE(back->status == 200);
    directory = Directory(cli, ava);
    REQUIRE(directory["groups"].size() == 5);
    CHECK(directory["groups"][0]["name"] == "Applications");
    CHECK(directory["groups"][0]["agents"] == json::array());
    CHECK_FALSE(directory["groups"][0].contains("lead_id"));
    desk = FindGroup(directory, "IT Service Desk");
    REQUIRE(desk);
    REQUIRE((*desk)["agents"].size() == 2);
    CHECK((*desk)["agents"][0] == json{{"id", ava_id}, {"name", "Ava Patel"}, {"available", true}});
    CHECK((*desk)["agents"][1] == json{{"id", root_id}, {"name", "Spoc Admin"}, {"available", true}});
}

TEST_CASE("groups: employees get 403 and callers without a session 401") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    auto employee = Get(cli, emma, "/api/v1/groups");
    REQUIRE(employee);
    CHECK(employee->status == 403);
    CHECK(ErrorCodeOf(employee) == "forbidden");
    CHECK(employee->body.find("Ava Patel") == std::string::npos);

    auto anonymous = cli.Get("/api/v1/groups");
    REQUIRE(anonymous);
    CHECK(anonymous->status == 401);
    CHECK(ErrorCodeOf(anonymous) == "unauthenticated");

    const Session ava = SignIn(cli, "ava");
    auto post = PostJson(cli, ava, "/api/v1/groups", "{}");
    REQUIRE(post);
    CHECK(post->status == 405);
}
