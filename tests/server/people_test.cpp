// People for admins over real HTTP (issue 13): GET /api/v1/users lists people by name with their
// department and manager, searchable and paged; PATCH /api/v1/users/{id} changes a department and
// a manager by username (none with ""), refuses bad input with a field, refuses a manager loop, is
// audited, and the new manager then approves that person's requests. Employees and agents get 403.
#include <doctest/doctest.h>

#include "test_support.h"

using namespace spoc::test;

namespace {

httplib::Result Patch(httplib::Client& cli, const Session& s, int id, const json& body) {
    return cli.Patch("/api/v1/users/" + std::to_string(id), AuthHeaders(s), body.dump(), "application/json");
}

json Find(const json& page, const std::string& username) {
    for (const auto& p : page["items"])
        if (p["username"] == username) return p;
    return nullptr;
}

}  // namespace

TEST_CASE("people: admins list and change departments and managers; loops and bad input refused; others 403") {
    TestServer server;
    auto cli = server.Client();
    const Session root = SignIn(cli, "root"), emma = SignIn(cli, "emma"), ava = SignIn(cli, "ava");

    for (const Session* s : {&emma, &ava}) {
        auto res = Get(cli, *s, "/api/v1/users");
        REQUIRE(res);
        CHECK(res->status == 403);
        auto patched = Patch(cli, *s, emma.user["id"], {{"department", "Sales"}});
        REQUIRE(patched);
        CHECK(patched->status == 403);
    }

    json page = GetOk(cli, root, "/api/v1/users?page_size=100");
    CHECK(page["total"].get<int>() == static_cast<int>(page["items"].size()));
    const json e = Find(page, "emma");
    REQUIRE(e.is_object());
    CHECK(e["department"] == "Finance");
    CHECK(e["manager_username"] == "olivia");
    CHECK(e["manager_name"] == "Olivia Grant");
    // Sorted by name, case-insensitively.
    for (size_t i = 1; i < page["items"].size(); ++i) {
        std::string a = page["items"][i - 1]["display_name"], b = page["items"][i]["display_name"];
        for (char& c : a) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (char& c : b) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        CHECK(a <= b);
    }
    // Search by name, username or department; paging.
    json found = GetOk(cli, root, "/api/v1/users?q=EMM");
    REQUIRE(found["items"].size() >= 1);
    CHECK(Find(found, "emma").is_object());
    const json two = GetOk(cli, root, "/api/v1/users?page_size=2&page=2");
    CHECK(two["items"].size() == 2);
    CHECK(two["page"] == 2);
    CHECK(GetOk(cli, root, "/api/v1/users?q=%25")["total"] == 0);  // % is a character, not a wildcard
    auto bad_page = Get(cli, root, "/api/v1/users?page=0");
    REQUIRE(bad_page);
    CHECK(bad_page->status == 400);

    // emma moves to Sales under liam.
    const int emma_id = emma.user["id"];
    auto moved = Patch(cli, root, emma_id, {{"department", "  Sales  "}, {"manager", "liam"}});
    REQUIRE(moved);
    REQUIRE_MESSAGE(moved->status == 200, moved->body);
    const json person = Body(moved);
    CHECK(person["department"] == "Sales");
    CHECK(person["manager_username"] == "liam");
    CHECK(GetOk(cli, emma, "/api/v1/me")["user"]["department"] == "Sales");
    CHECK(CountRows(server, "SELECT COUNT(*) FROM audit_log WHERE entity = 'user' AND action = 'update' AND entity_id = " +
                                std::to_string(emma_id)) == 1);

    // Bad input: each answered 422 with its field, nothing changed.
    const std::pair<json, std::string> bad[] = {
        {{{"department", ""}}, "department"},
        {{{"department", std::string(81, 'x')}}, "department"},
        {{{"department", "Sales\nTeam"}}, "department"},
        {{{"manager", "nobody-here"}}, "manager"},
        {{{"manager", "emma"}}, "manager"},
        {json::object(), "department"},
    };
    for (const auto& [body, field] : bad) {
        auto res = Patch(cli, root, emma_id, body);
        REQUIRE(res);
        CHECK_MESSAGE(res->status == 422, body.dump());
        CHECK(Body(res)["error"]["field"] == field);
    }
    // liam manages emma; emma can't become liam's manager (a loop), nor through olivia above both.
    const int liam_id = Find(page, "liam")["id"];
    const json liam_before = Find(GetOk(cli, root, "/api/v1/users?q=liam"), "liam");
    auto loop = Patch(cli, root, liam_id, {{"manager", "emma"}});
    REQUIRE(loop);
    CHECK(loop->status == 422);
    CHECK(Body(loop)["error"]["field"] == "manager");
    CHECK(Find(GetOk(cli, root, "/api/v1/users?q=liam"), "liam") == liam_before);  // unchanged

    // The new manager approves emma's performance laptop; "" removes the manager.
    json perf = ValidLaptopDraft();
    perf["values"]["model"] = "performance";
    const json held = CreateRequestOk(cli, emma, perf);
    CHECK(held["approval"]["steps"][0]["approvers"] == json::array({"Liam Chen"}));
    auto none = Patch(cli, root, emma_id, {{"manager", ""}});
    REQUIRE(none);
    REQUIRE(none->status == 200);
    CHECK_FALSE(Body(none).contains("manager_username"));
    auto missing = Patch(cli, root, 999999, {{"department", "Sales"}});
    REQUIRE(missing);
    CHECK(missing->status == 404);
}
