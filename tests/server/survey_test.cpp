// Satisfaction surveys over real HTTP: PUT /api/v1/requests/{id}/survey by the requester once the
// request is resolved; shared validation; one answer per request, changeable for 7 days; the agent
// sees the score on the request and in its history; other people get 404 / 403; a walk-up visit's
// rating lands in the same table.
#include <doctest/doctest.h>

#include "server/storage/sqlite.h"
#include "shared/domain/survey.h"
#include "test_support.h"

using namespace spoc::test;

namespace {

std::string Path(int id, const std::string& tail = "") { return "/api/v1/requests/" + std::to_string(id) + tail; }

httplib::Result PutSurvey(httplib::Client& cli, const Session& s, int id, const json& body) {
    return cli.Put(Path(id, "/survey"), AuthHeaders(s), body.dump(), "application/json");
}

// Runs one statement on the server's database (moving times back, as if days went by).
void Exec(TestServer& server, const std::string& sql) {
    auto db = spoc::storage::Database::Open(server.db_path(), spoc::storage::OpenMode::read_write);
    REQUIRE(db.ok());
    REQUIRE((*db)->Exec(sql).ok());
}

}  // namespace

TEST_CASE("survey: only the requester rates a resolved request; shared checks; 7 days to change; staff see it") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const Session liam = SignIn(cli, "liam");
    const Session ava = SignIn(cli, "ava");
    const json created = CreateRequestOk(cli, emma, ValidLaptopDraft());
    const int id = created["id"];

    // Not resolved yet.
    auto early = PutSurvey(cli, emma, id, {{"score", 5}});
    REQUIRE(early);
    CHECK(early->status == 409);

    const json resolved = PatchRequestOk(cli, ava, id, {{"base_version", created["version"]}, {"status", "resolved"}});
    EventStream stream(server.port(), ava);

    // Someone else: another employee gets what a missing request gets; staff may not answer for emma.
    auto peek = PutSurvey(cli, liam, id, {{"score", 1}});
    auto missing = PutSurvey(cli, liam, 999999, {{"score", 1}});
    REQUIRE(peek);
    REQUIRE(missing);
    CHECK(peek->status == 404);
    CHECK(Body(peek) == Body(missing));
    auto by_staff = PutSurvey(cli, ava, id, {{"score", 5}});
    REQUIRE(by_staff);
    CHECK(by_staff->status == 403);

    // Bad answers, each named by field.
    const std::pair<json, const char*> bad[] = {
        {json{{"score", 0}}, "score"},
        {json{{"score", 6}}, "score"},
        {json{{"score", 4}, {"effort", 9}}, "effort"},
        {json{{"score", 4}, {"comment", std::string(spoc::survey::kMaxComment + 1, 'x')}}, "comment"},
        {json{{"score", 4}, {"comment", "bell\x07"}}, "comment"},
    };
    for (const auto& [body, field] : bad) {
        CAPTURE(body.dump().substr(0, 60));
        auto res = PutSurvey(cli, emma, id, body);
        REQUIRE(res);
        CHECK(res->status == 422);
        CHECK(Body(res)["error"]["field"] == field);
    }
    auto no_score = PutSurvey(cli, emma, id, json::object());
    REQUIRE(no_score);
    CHECK(no_score->status == 400);
    CHECK(Body(no_score)["error"]["field"] == "score");
    CHECK(CountRows(server, "SELECT COUNT(*) FROM surveys") == 0);

    // One click: a score alone.
    auto first = PutSurvey(cli, emma, id, {{"score", 5}});
    REQUIRE(first);
    REQUIRE(first->status == 200);
    const json rated = Body(first);
    CHECK(rated["survey"]["score"] == 5);
    CHECK_FALSE(rated["survey"].contains("effort"));
    CHECK(rated["version"] == resolved["version"].get<int>() + 1);
    CHECK(rated["resolved_by_name"] == "Ava");  // the employee's view: first names
    CHECK(stream.WaitFor("\"version\":" + std::to_string(rated["version"].get<int>())));

    // Then the comment and the effort, changing the score: still one answer.
    auto second = PutSurvey(cli, emma, id, {{"score", 4}, {"effort", 5}, {"comment", "  Quick and friendly.  "}});
    REQUIRE(second);
    REQUIRE(second->status == 200);
    const json changed = Body(second);
    CHECK(changed["survey"]["score"] == 4);
    CHECK(changed["survey"]["effort"] == 5);
    CHECK(changed["survey"]["comment"] == "Quick and friendly.");
    CHECK(changed["survey"]["answered_at"] == rated["survey"]["answered_at"]);
    CHECK(CountRows(server, "SELECT COUNT(*) FROM surveys") == 1);
    CHECK(CountRows(server, "SELECT COUNT(*) FROM surveys WHERE request_id = " + std::to_string(id) +
                                " AND agent_id = " + ava.user["id"].dump() + " AND group_id IS NOT NULL") == 1);

    // Ava sees the score on the request and in its history; the audit has both answers.
    const json seen = GetOk(cli, ava, Path(id));
    CHECK(seen["survey"]["score"] == 4);
    CHECK(seen["survey"]["comment"] == "Quick and friendly.");
    std::vector<std::string> rows;
    const json history = GetOk(cli, ava, Path(id, "/history"));  // kept alive for the loop
    for (const auto& h : history["items"])
        if (h["field"] == "satisfaction") rows.push_back(h["old"].get<std::string>() + "->" + h["new"].get<std::string>());
    CAPTURE(json(rows).dump());
    CHECK(rows == std::vector<std::string>{"->5", "5->4"});
    CHECK(CountRows(server, "SELECT COUNT(*) FROM audit_log WHERE entity = 'survey'") == 2);

    // Seven days after the first answer it can no longer change.
    Exec(server, "UPDATE surveys SET answered_at = answered_at - 8 * 86400000");
    auto late = PutSurvey(cli, emma, id, {{"score", 1}});
    REQUIRE(late);
    CHECK(late->status == 409);
    CHECK(GetOk(cli, emma, Path(id))["survey"]["score"] == 4);
}

TEST_CASE("survey: a reopened request can't be rated until it is resolved again; the first answer waits 30 days") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const Session ava = SignIn(cli, "ava");
    const json created = CreateRequestOk(cli, emma, ValidLaptopDraft());
    const int id = created["id"];
    json r = PatchRequestOk(cli, ava, id, {{"base_version", created["version"]}, {"status", "resolved"}});
    REQUIRE(PostJson(cli, emma, Path(id, "/comments"), R"({"body":"It didn't fix it."})")->status == 201);  // reopens
    r = GetOk(cli, ava, Path(id));
    REQUIRE(r["status"] != "resolved");
    auto reopened = PutSurvey(cli, emma, id, {{"score", 2}});
    REQUIRE(reopened);
    CHECK(reopened->status == 409);
    r = PatchRequestOk(cli, ava, id, {{"base_version", r["version"]}, {"status", "resolved"}});
    Exec(server, "UPDATE requests SET resolved_at = resolved_at - 31 * 86400000 WHERE id = " + std::to_string(id));
    auto stale = PutSurvey(cli, emma, id, {{"score", 2}});
    REQUIRE(stale);
    CHECK(stale->status == 409);
    Exec(server, "UPDATE requests SET resolved_at = resolved_at + 2 * 86400000 WHERE id = " + std::to_string(id));
    auto ok = PutSurvey(cli, emma, id, {{"score", 2}});
    REQUIRE(ok);
    CHECK(ok->status == 200);
}
