// The IDOR sweep over real HTTP: every route in the router's table that names a request by id
// (/api/v1/requests/{id}/...) is called, with each of its methods, by another employee (liam) on
// emma's requests: one open and one held for her manager's approval. None answers 2xx; each answers
// exactly as it does for an id that does not exist (404, or 403 on a staff-only route), so ids
// can't be probed; nothing of the request is in any answer; and afterwards the requests are as they were (version, comments, votes). Routes
// added later are swept without touching this file. Delegations, the other id an employee owns,
// get the same treatment.
#include <doctest/doctest.h>

#include "shared/api/routes.h"
#include "test_support.h"

using namespace spoc::test;

namespace {

// `pattern` with {id} set to `id` and any other placeholder to 1.
std::string Expand(const std::string& pattern, int id) {
    std::string out;
    for (size_t i = 0; i < pattern.size();) {
        if (pattern[i] != '{') {
            out += pattern[i++];
            continue;
        }
        const size_t end = pattern.find('}', i);
        out += pattern.compare(i, end - i + 1, "{id}") == 0 ? std::to_string(id) : std::string("1");
        i = end + 1;
    }
    return out;
}

httplib::Result Call(httplib::Client& cli, const Session& s, const std::string& method, const std::string& path) {
    const httplib::Headers h = AuthHeaders(s);
    const std::string body = "{}";
    if (method == "GET") return cli.Get(path, h);
    if (method == "POST") return cli.Post(path, h, body, "application/json");
    if (method == "PUT") return cli.Put(path, h, body, "application/json");
    if (method == "PATCH") return cli.Patch(path, h, body, "application/json");
    if (method == "DELETE") return cli.Delete(path, h);
    FAIL("a method the sweep doesn't know: ", method);
    return httplib::Result();
}

}  // namespace

TEST_CASE("idor sweep: another employee can neither read nor change someone else's request by its id") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma"), liam = SignIn(cli, "liam");
    json open_draft = ValidLaptopDraft();
    open_draft["summary"] = "Sweep marker open 7Q2";
    const json open = CreateRequestOk(cli, emma, open_draft);
    json held_draft = ValidLaptopDraft();
    held_draft["summary"] = "Sweep marker held 7Q2";
    held_draft["values"]["model"] = "performance";
    const json held = CreateRequestOk(cli, emma, held_draft);
    REQUIRE(held["status"] == "awaiting_approval");
    const std::string prefix = std::string(spoc::routes::kRequests) + "/{id}";

    int swept = 0;
    for (const auto& [method, pattern] : server.server().Routes()) {
        if (pattern.rfind(prefix, 0) != 0) continue;
        for (const json* r : {&open, &held}) {
            const std::string path = Expand(pattern, (*r)["id"].get<int>());
            CAPTURE(method);
            CAPTURE(path);
            auto res = Call(cli, liam, method, path);
            REQUIRE(res);
            CHECK(res->status >= 400);
            CHECK(res->status < 500);
            CHECK(res->body.find("7Q2") == std::string::npos);
            auto missing = Call(cli, liam, method, Expand(pattern, 987654));
            REQUIRE(missing);
            CHECK(res->status == missing->status);
            CHECK(ErrorCodeOf(res) == ErrorCodeOf(missing));
            if (method == "GET") CHECK((res->status == 404 || res->status == 403));
            ++swept;
        }
    }
    CHECK(swept >= 2 * 10);  // requests/{id}: GET, PATCH, comments, history, survey, approval, links...

    // Nothing changed: same versions, no comments, no votes.
    for (const json* r : {&open, &held}) {
        const std::string path = std::string(spoc::routes::kRequests) + "/" + std::to_string((*r)["id"].get<int>());
        const json now = GetOk(cli, emma, path);
        CHECK(now["version"] == (*r)["version"]);
        CHECK(now["status"] == (*r)["status"]);
        CHECK((!now.contains("comments") || now.at("comments").empty()));
    }
    CHECK(GetOk(cli, emma, std::string(spoc::routes::kRequests) + "/" + std::to_string(held["id"].get<int>()))["approval"]["steps"][0]["votes"].empty());
}

TEST_CASE("idor sweep: a delegation is ended only by whoever made it") {
    TestServer server;
    auto cli = server.Client();
    const Session olivia = SignIn(cli, "olivia"), liam = SignIn(cli, "liam"), emma = SignIn(cli, "emma");
    auto made = PostJson(cli, olivia, spoc::routes::kDelegations,
                         json{{"to", "liam"}, {"starts_at", "2026-01-01T00:00:00Z"}, {"ends_at", "2099-01-01T00:00:00Z"}}.dump());
    REQUIRE(made);
    // 90 days at most: a far end is refused, so hand over for a month from now instead.
    CHECK(made->status == 422);
    const long long t = NowSeconds();
    made = PostJson(cli, olivia, spoc::routes::kDelegations,
                    json{{"to", "liam"}, {"starts_at", Iso(t - 60)}, {"ends_at", Iso(t + 30 * 86400)}}.dump());
    REQUIRE(made);
    REQUIRE(made->status == 201);
    const std::string one = std::string(spoc::routes::kDelegations) + "/" + std::to_string(Body(made)["id"].get<int>());
    // Neither the delegate nor a bystander can end it; its maker can.
    for (const Session* s : {&liam, &emma}) {
        auto res = cli.Delete(one, AuthHeaders(*s));
        REQUIRE(res);
        CHECK(res->status == 404);
    }
    CHECK(GetOk(cli, liam, spoc::routes::kDelegations)["items"].size() == 1);
    CHECK(GetOk(cli, emma, spoc::routes::kDelegations)["items"].empty());  // nobody else's are listed
    auto ended = cli.Delete(one, AuthHeaders(olivia));
    REQUIRE(ended);
    CHECK(ended->status == 204);
    CHECK(GetOk(cli, liam, spoc::routes::kDelegations)["items"].empty());
}
