// Sign-in, sessions, CSRF and Origin over real HTTP against the in-process server.
#include <doctest/doctest.h>

#include "test_support.h"

using namespace spoc::test;

namespace {

httplib::Result SignInRaw(httplib::Client& cli, const std::string& user, const std::string& password,
                          httplib::Headers headers = {}) {
    return cli.Post("/api/v1/session", headers, json{{"username", user}, {"password", password}}.dump(),
                    "application/json");
}

}  // namespace

TEST_CASE("sign-in: ok, cookie attributes, new session id every time, /me") {
    TestServer server;
    auto cli = server.Client();

    auto res = SignInRaw(cli, "Emma ", "spoc-demo");  // names are trimmed and lower-cased
    REQUIRE(res);
    CHECK(res->status == 200);
    const std::string cookie = res->get_header_value("Set-Cookie");
    CHECK(cookie.find("spoc_session=") == 0);
    CHECK(cookie.find("; HttpOnly") != std::string::npos);
    CHECK(cookie.find("; SameSite=Strict") != std::string::npos);
    CHECK(cookie.find("; Path=/") != std::string::npos);
    CHECK(cookie.find("; Max-Age=43200") != std::string::npos);
    const std::string first = CookieToken(res);
    CHECK(first.size() == 43);  // 32 random bytes, base64url without padding
    const json body = Body(res);
    CHECK(body["user"]["username"] == "emma");
    CHECK(body["user"]["display_name"] == "Emma Jones");
    CHECK(body["user"]["role"] == "employee");
    CHECK(body["csrf_token"].get<std::string>().size() >= 32);

    auto again = SignInRaw(cli, "emma", "spoc-demo");
    REQUIRE(again);
    CHECK(again->status == 200);
    CHECK(CookieToken(again) != first);
    CHECK(Body(again)["csrf_token"] != body["csrf_token"]);

    Session s{first, body["csrf_token"], body["user"]};
    auto me = Get(cli, s, "/api/v1/me");
    REQUIRE(me);
    CHECK(me->status == 200);
    CHECK(Body(me)["user"]["username"] == "emma");
    CHECK(Body(me)["csrf_token"] == body["csrf_token"]);  // each session keeps its own token
}

TEST_CASE("sign-in: wrong password and unknown user both give 401 invalid_credentials") {
    TestServer server;
    auto cli = server.Client();
    auto wrong = SignInRaw(cli, "emma", "nope");
    REQUIRE(wrong);
    CHECK(wrong->status == 401);
    CHECK(ErrorCodeOf(wrong) == "invalid_credentials");
    CHECK(wrong->get_header_value("Set-Cookie").empty());

    auto unknown = SignInRaw(cli, "nobody", "spoc-demo");
    REQUIRE(unknown);
    CHECK(unknown->status == 401);
    CHECK(ErrorCodeOf(unknown) == "invalid_credentials");
    CHECK(Body(unknown) == Body(wrong));  // indistinguishable

    auto empty = SignInRaw(cli, "", "x");
    REQUIRE(empty);
    CHECK(empty->status == 422);
    CHECK(Body(empty)["error"]["field"] == "username");
}

TEST_CASE("sign-in: five failures within a minute lock the username (429), others unaffected") {
    TestServer server;
    auto cli = server.Client();
    for (int i = 0; i < 5; ++i) {
        auto res = SignInRaw(cli, "liam", "wrong-" + std::to_string(i));
        REQUIRE(res);
        CHECK(res->status == 401);
    }
    auto locked = SignInRaw(cli, "liam", "spoc-demo");  // even the right password
    REQUIRE(locked);
    CHECK(locked->status == 429);
    CHECK(ErrorCodeOf(locked) == "rate_limited");
    auto other = SignInRaw(cli, "emma", "spoc-demo");
    REQUIRE(other);
    CHECK(other->status == 200);
}

TEST_CASE("sign-out deletes the session and clears the cookie") {
    TestServer server;
    auto cli = server.Client();
    Session s = SignIn(cli, "emma");
    Session other = SignIn(cli, "emma");

    auto no_csrf = cli.Delete("/api/v1/session", AuthHeaders(s, false));
    REQUIRE(no_csrf);
    CHECK(no_csrf->status == 403);
    CHECK(ErrorCodeOf(no_csrf) == "csrf_failed");

    auto out = cli.Delete("/api/v1/session", AuthHeaders(s));
    REQUIRE(out);
    CHECK(out->status == 204);
    const std::string cleared = out->get_header_value("Set-Cookie");
    CHECK(cleared.find("spoc_session=;") == 0);
    CHECK(cleared.find("Max-Age=0") != std::string::npos);

    auto me = Get(cli, s, "/api/v1/me");
    REQUIRE(me);
    CHECK(me->status == 401);
    CHECK(ErrorCodeOf(me) == "unauthenticated");
    auto still = Get(cli, other, "/api/v1/me");  // the other session lives on
    REQUIRE(still);
    CHECK(still->status == 200);
}

TEST_CASE("unauthenticated callers get 401 on protected routes") {
    TestServer server;
    auto cli = server.Client();
    for (const char* path :
         {"/api/v1/me", "/api/v1/catalog", "/api/v1/catalog/1", "/api/v1/requests", "/api/v1/requests/1"}) {
        CAPTURE(path);
        auto res = cli.Get(path);
        REQUIRE(res);
        CHECK(res->status == 401);
        CHECK(ErrorCodeOf(res) == "unauthenticated");
    }
    auto garbage = cli.Get("/api/v1/me", {{"Cookie", "spoc_session=not-a-token"}});
    REQUIRE(garbage);
    CHECK(garbage->status == 401);
    auto forged = cli.Get("/api/v1/me", {{"Cookie", "spoc_session=" + std::string(43, 'A')}});
    REQUIRE(forged);
    CHECK(forged->status == 401);
    auto post = cli.Post("/api/v1/requests", ValidLaptopDraft().dump(), "application/json");
    REQUIRE(post);
    CHECK(post->status == 401);
    auto health = cli.Get("/api/v1/health");
    REQUIRE(health);
    CHECK(health->status == 200);
    CHECK(Body(health)["status"] == "ok");
}

TEST_CASE("CSRF: state changes need the session's X-CSRF-Token; a foreign Origin is refused") {
    TestServer server;
    auto cli = server.Client();
    Session emma = SignIn(cli, "emma");
    Session liam = SignIn(cli, "liam");
    const std::string draft = ValidLaptopDraft().dump();

    auto missing = cli.Post("/api/v1/requests", AuthHeaders(emma, false), draft, "application/json");
    REQUIRE(missing);
    CHECK(missing->status == 403);
    CHECK(ErrorCodeOf(missing) == "csrf_failed");

    httplib::Headers wrong = AuthHeaders(emma, false);
    wrong.emplace("X-CSRF-Token", liam.csrf);  // a real token, but another session's
    auto mismatched = cli.Post("/api/v1/requests", wrong, draft, "application/json");
    REQUIRE(mismatched);
    CHECK(mismatched->status == 403);
    CHECK(ErrorCodeOf(mismatched) == "csrf_failed");

    const std::string host = "127.0.0.1:" + std::to_string(server.port());
    auto foreign = PostJson(cli, emma, "/api/v1/requests", draft, {{"Origin", "http://evil.example"}});
    REQUIRE(foreign);
    CHECK(foreign->status == 403);
    CHECK(ErrorCodeOf(foreign) == "csrf_failed");

    auto foreign_sign_in = SignInRaw(cli, "emma", "spoc-demo", {{"Origin", "http://evil.example"}});
    REQUIRE(foreign_sign_in);
    CHECK(foreign_sign_in->status == 403);

    auto same_origin = PostJson(cli, emma, "/api/v1/requests", draft, {{"Origin", "http://" + host}});
    REQUIRE(same_origin);
    CHECK(same_origin->status == 201);
    auto good_sign_in = SignInRaw(cli, "emma", "spoc-demo", {{"Origin", "http://" + host}});
    REQUIRE(good_sign_in);
    CHECK(good_sign_in->status == 200);

    // Nothing was created by the refused attempts: the one good create is the only new row.
    auto list = Get(cli, emma, "/api/v1/requests?status=new");
    REQUIRE(list);
    int created = 0;
    const json page = Body(list);
    for (const auto& item : page["items"])
        if (item["summary"] == "Laptop for the new analyst") ++created;
    CHECK(created == 1);
}
