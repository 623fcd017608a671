// Sign-in, sessions, CSRF, Origin and Host over real HTTP against the in-process server: the
// throttle per username (also against concurrent guesses) and per client address, the audit rows
// it writes, and DNS-rebinding defences.
#include <doctest/doctest.h>

#include <latch>
#include <map>
#include <mutex>
#include <thread>

#include "server/app/auth_service.h"
#include "server/storage/audit_repo.h"
#include "server/storage/sqlite.h"
#include "test_support.h"

using namespace spoc::test;

namespace {

httplib::Result SignInRaw(httplib::Client& cli, const std::string& user, const std::string& password,
                          httplib::Headers headers = {}) {
    return cli.Post("/api/v1/session", headers, json{{"username", user}, {"password", password}}.dump(),
                    "application/json");
}

// Audit rows of one action on sessions.
int CountSessionAudit(const TestServer& server, const std::string& action) {
    auto db = spoc::storage::Database::Open(server.db_path(), spoc::storage::OpenMode::read_only);
    REQUIRE(db.ok());
    auto rows = spoc::storage::ListAudit(**db, "session", 0);
    REQUIRE(rows.ok());
    int count = 0;
    for (const auto& row : *rows) count += row.action == action;
    return count;
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

// A client of the server under test whose connections come from `from` (any 127.x address is local).
httplib::Client ClientFrom(TestServer& server, const std::string& from) {
    httplib::Client cli("127.0.0.1", server.port());
    cli.set_interface(from);
    return cli;
}

TEST_CASE("sign-in: five failures from one address delay that address for that name, not the owner elsewhere") {
    TestServer server;
    auto attacker = ClientFrom(server, "127.0.0.2");
    for (int i = 0; i < 5; ++i) {
        auto res = SignInRaw(attacker, "liam", "wrong-" + std::to_string(i));
        REQUIRE(res);
        CHECK(res->status == 401);
    }
    auto delayed = SignInRaw(attacker, "liam", "spoc-demo");  // even the right password, for now
    REQUIRE(delayed);
    CHECK(delayed->status == 429);
    CHECK(ErrorCodeOf(delayed) == "rate_limited");
    CHECK(delayed->get_header_value("Retry-After") == "1");  // the first delay: a second
    // liam, at his own desk, is not locked out; nor is anyone else at the attacker's.
    auto owner = ClientFrom(server, "127.0.0.3");
    CHECK(SignInRaw(owner, "liam", "spoc-demo")->status == 200);
    CHECK(SignInRaw(attacker, "emma", "spoc-demo")->status == 200);
    // Once the delay has passed the attacker's pair may try again; each further failure doubles it.
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    CHECK(SignInRaw(attacker, "liam", "wrong-again")->status == 401);
    auto longer = SignInRaw(attacker, "liam", "spoc-demo");
    CHECK(longer->status == 429);
    CHECK(longer->get_header_value("Retry-After") == "2");
}

TEST_CASE("sign-in: failures for one name from many addresses slow that name down, never block it") {
    TestServer server;
    for (int i = 0; i < spoc::app::kUsernameSignInCeiling; ++i) {
        auto bot = ClientFrom(server, "127.0.1." + std::to_string(10 + i));
        CHECK(SignInRaw(bot, "liam", "guess")->status == 401);
    }
    // Past the ceiling: a new address still gets its first attempt at once...
    auto fresh = ClientFrom(server, "127.0.0.50");
    CHECK(SignInRaw(fresh, "liam", "spoc-demo")->status == 200);
    // ... but an address that just failed waits kCeilingSpacingMs before its next attempt.
    auto typo = ClientFrom(server, "127.0.0.51");
    CHECK(SignInRaw(typo, "liam", "spoc-dem")->status == 401);
    auto spaced = SignInRaw(typo, "liam", "spoc-demo");
    CHECK(spaced->status == 429);
    CHECK(spaced->get_header_value("Retry-After") == "5");
    std::this_thread::sleep_for(std::chrono::milliseconds(spoc::app::kCeilingSpacingMs + 100));
    CHECK(SignInRaw(typo, "liam", "spoc-demo")->status == 200);
    // A known device (an address liam signed in from) is not slowed by the ceiling.
    CHECK(SignInRaw(fresh, "liam", "spoc-dem")->status == 401);
    CHECK(SignInRaw(fresh, "liam", "spoc-demo")->status == 200);
    CHECK(CountSessionAudit(server, "sign_in_throttled") == 1);  // the name reached its ceiling once
}

TEST_CASE("sign-in: with --trusted-proxy the client is the first untrusted X-Forwarded-For hop, from the proxy only") {
    TestServer server([](spoc::ServerConfig& c) { c.trusted_proxies.push_back(*spoc::http::ParseCidr("127.0.0.1/32")); });
    auto proxy = ClientFrom(server, "127.0.0.1");
    const httplib::Headers office{{"X-Forwarded-For", "203.0.113.7, 127.0.0.1"}};
    for (int i = 0; i < 5; ++i) CHECK(SignInRaw(proxy, "liam", "wrong", office)->status == 401);
    CHECK(SignInRaw(proxy, "liam", "spoc-demo", office)->status == 429);
    // Another client behind the same proxy is another address.
    CHECK(SignInRaw(proxy, "liam", "spoc-demo", {{"X-Forwarded-For", "198.51.100.9"}})->status == 200);
    // A peer that is not a trusted proxy can't choose its address by sending the header.
    auto direct = ClientFrom(server, "127.0.0.3");
    for (int i = 0; i < 5; ++i) CHECK(SignInRaw(direct, "liam", "wrong", {{"X-Forwarded-For", "192.0.2.1"}})->status == 401);
    CHECK(SignInRaw(direct, "liam", "spoc-demo", {{"X-Forwarded-For", "192.0.2.99"}})->status == 429);
}

TEST_CASE("sign-in: concurrent wrong guesses for one name check at most five passwords") {
    TestServer server;
    constexpr int kGuesses = 20;
    std::latch start(kGuesses);
    std::mutex mutex;
    std::map<int, int> statuses;  // status -> how many
    std::vector<std::thread> threads;
    for (int i = 0; i < kGuesses; ++i) {
        threads.emplace_back([&, i] {
            auto cli = server.Client();
            start.arrive_and_wait();  // all at once
            auto res = SignInRaw(cli, "liam", "guess-" + std::to_string(i));
            std::lock_guard lock(mutex);
            ++statuses[res ? res->status : -1];
        });
    }
    for (auto& t : threads) t.join();
    CAPTURE(statuses.size());
    CHECK(statuses[-1] == 0);
    CHECK(statuses[200] == 0);
    // 401: a password was checked and was wrong. 503: no argon2id turn within the wait (the
    // password was not checked). Everything else was refused up front.
    CHECK(statuses[401] <= spoc::app::kMaxSignInFailures);
    CHECK(statuses[401] + statuses[503] <= spoc::app::kMaxSignInFailures);
    CHECK(statuses[429] >= kGuesses - spoc::app::kMaxSignInFailures);
    CHECK(statuses[401] + statuses[429] + statuses[503] == kGuesses);

    // Attempts that got 503 were never counted: top the failures up, one at a time, until refused.
    auto cli = server.Client();
    int checked = statuses[401];
    for (int i = 0; i < spoc::app::kMaxSignInFailures + 1; ++i) {
        auto res = SignInRaw(cli, "liam", "more-guessing");
        REQUIRE(res);
        if (res->status == 429) break;
        CHECK(res->status == 401);
        ++checked;
    }
    CHECK(checked == spoc::app::kMaxSignInFailures);
    // Blocked for the rest of the window, even with the right password.
    auto right = SignInRaw(cli, "liam", "spoc-demo");
    REQUIRE(right);
    CHECK(right->status == 429);
    CHECK(ErrorCodeOf(right) == "rate_limited");

    // The audit log got a row per checked failure and one when the name was blocked, none for the
    // refused attempts.
    CHECK(CountSessionAudit(server, "sign_in_failed") == spoc::app::kMaxSignInFailures);
    CHECK(CountSessionAudit(server, "sign_in_throttled") == 1);
}

TEST_CASE("sign-in: twenty failures from one address slow new names there, without locking its people out") {
    TestServer server;
    auto cli = server.Client();
    for (int i = 0; i < spoc::app::kAddressSignInCeiling; ++i) {
        auto res = SignInRaw(cli, "nobody" + std::to_string(i), "wrong");
        REQUIRE(res);
        CHECK(res->status == 401);
    }
    // Past the ceiling the address's attempts come one at a time, a second apart...
    CHECK(SignInRaw(cli, "emma", "spoc-demo")->status == 429);
    std::this_thread::sleep_for(std::chrono::milliseconds(spoc::app::kAddressSpacingMs + 100));
    // ... but a whole office may share the address: its people still sign in.
    CHECK(SignInRaw(cli, "emma", "spoc-demo")->status == 200);
    CHECK(SignInRaw(cli, "emma", "spoc-demo")->status == 200);  // a known device now: not spaced
    // A name tried from there gets one free failure instead of five: after its second, a 2 s
    // delay (with five free it would be tried again at once).
    const auto pause = std::chrono::milliseconds(spoc::app::kAddressSpacingMs + 100);
    std::this_thread::sleep_for(pause);
    CHECK(SignInRaw(cli, "nobody-else", "wrong")->status == 401);
    std::this_thread::sleep_for(pause);
    CHECK(SignInRaw(cli, "nobody-else", "wrong")->status == 401);  // its one free failure's 1 s delay passed
    std::this_thread::sleep_for(pause);
    auto delayed = SignInRaw(cli, "nobody-else", "wrong");
    CHECK(delayed->status == 429);
    CHECK(delayed->get_header_value("Retry-After") == "1");  // what is left of the 2 s
    CHECK(CountSessionAudit(server, "sign_in_failed") == spoc::app::kAddressSignInCeiling + 2);
    CHECK(CountSessionAudit(server, "sign_in_throttled") == 1);  // the address; no pair reached five
    // Names that match no account are audited as a hash, never as typed (a password typed into
    // the username field must not land in the log).
    auto db = spoc::storage::Database::Open(server.db_path(), spoc::storage::OpenMode::read_only);
    REQUIRE(db.ok());
    auto q = (*db)->Prepare("SELECT COUNT(*), SUM(detail LIKE '%nobody%'), SUM(detail LIKE '%unknown_username_hash%') "
                            "FROM audit_log WHERE action = 'sign_in_failed'");
    REQUIRE(q.ok());
    REQUIRE(*q->Step());
    CHECK(q->Int(0) == spoc::app::kAddressSignInCeiling + 2);
    CHECK(q->Int(1) == 0);
    CHECK(q->Int(2) == spoc::app::kAddressSignInCeiling + 2);
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
    auto comment = cli.Post("/api/v1/requests/1/comments", R"({"body":"hello"})", "application/json");
    REQUIRE(comment);
    CHECK(comment->status == 401);
    CHECK(ErrorCodeOf(comment) == "unauthenticated");
    auto sign_out = cli.Delete("/api/v1/session");
    REQUIRE(sign_out);
    CHECK(sign_out->status == 401);
    CHECK(ErrorCodeOf(sign_out) == "unauthenticated");
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
    auto list = Get(cli, emma, "/api/v1/requests?status=all&page_size=100");
    REQUIRE(list);
    int created = 0;
    const json page = Body(list);
    for (const auto& item : page["items"])
        if (item["summary"] == "Laptop for the new analyst") ++created;
    CHECK(created == 1);
}

TEST_CASE("Host allowlist: an unknown Host gets 400 on API and web alike; loopback names pass") {
    TestServer server([](spoc::ServerConfig& c) { c.allowed_hosts = {"spoc.example.com"}; });
    auto cli = server.Client();
    const std::string port = std::to_string(server.port());

    // A DNS-rebinding page reaches 127.0.0.1 under its own name.
    for (const std::string& host :
         std::vector<std::string>{"evil.example:" + port, "evil.example", "127.0.0.1:1", "localhost.evil:" + port}) {
        CAPTURE(host);
        auto api = cli.Get("/api/v1/health", {{"Host", host}});
        REQUIRE(api);
        CHECK(api->status == 400);
        CHECK(ErrorCodeOf(api) == "bad_request");
        CHECK(Body(api)["error"]["message"] == "Unknown Host header.");
        auto web = cli.Get("/", {{"Host", host}});
        REQUIRE(web);
        CHECK(web->status == 400);
        CHECK(web->get_header_value("Content-Type") == "application/json");
        auto sign_in = SignInRaw(cli, "emma", "spoc-demo", {{"Host", host}});
        REQUIRE(sign_in);
        CHECK(sign_in->status == 400);
        CHECK(sign_in->get_header_value("Set-Cookie").empty());
    }

    for (const std::string& host :
         std::vector<std::string>{"127.0.0.1:" + port, "localhost:" + port, "LocalHost:" + port, "[::1]:" + port,
                                  "spoc.example.com", "spoc.example.com:" + port}) {
        CAPTURE(host);
        auto ok = cli.Get("/api/v1/health", {{"Host", host}});
        REQUIRE(ok);
        CHECK(ok->status == 200);
    }
    auto good_sign_in = SignInRaw(cli, "emma", "spoc-demo", {{"Host", "localhost:" + port}});
    REQUIRE(good_sign_in);
    CHECK(good_sign_in->status == 200);
}

TEST_CASE("Origin must name an allowed host, not merely match the Host header") {
    TestServer server([](spoc::ServerConfig& c) { c.allowed_hosts = {"spoc.example.com"}; });
    auto cli = server.Client();
    const std::string port = std::to_string(server.port());
    Session emma = SignIn(cli, "emma");
    const std::string draft = ValidLaptopDraft().dump();

    auto other_site = PostJson(cli, emma, "/api/v1/requests", draft, {{"Origin", "https://evil.example"}});
    REQUIRE(other_site);
    CHECK(other_site->status == 403);
    CHECK(ErrorCodeOf(other_site) == "csrf_failed");
    auto null_origin = PostJson(cli, emma, "/api/v1/requests", draft, {{"Origin", "null"}});
    REQUIRE(null_origin);
    CHECK(null_origin->status == 403);

    for (const std::string& origin :
         std::vector<std::string>{"http://localhost:" + port, "http://127.0.0.1:" + port, "https://spoc.example.com"}) {
        CAPTURE(origin);
        auto ok = PostJson(cli, emma, "/api/v1/requests", draft, {{"Origin", origin}});
        REQUIRE(ok);
        CHECK(ok->status == 201);
    }
}

TEST_CASE("PATCH /me: the language menu's choice is kept on the account, checked, audited") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    CHECK(GetOk(cli, emma, "/api/v1/me")["user"]["locale"] == "");  // follows the browser until chosen

    auto set = cli.Patch("/api/v1/me", AuthHeaders(emma), R"({"locale":"de"})", "application/json");
    REQUIRE(set);
    REQUIRE_MESSAGE(set->status == 200, set->body);
    CHECK(Body(set)["user"]["locale"] == "de");
    CHECK(GetOk(cli, emma, "/api/v1/me")["user"]["locale"] == "de");
    // Kept on the account: a new session (another device) sees it.
    const Session again = SignIn(cli, "emma");
    CHECK(GetOk(cli, again, "/api/v1/me")["user"]["locale"] == "de");
    // Other users are untouched.
    const Session ava = SignIn(cli, "ava");
    CHECK(GetOk(cli, ava, "/api/v1/me")["user"]["locale"] == "");

    for (const char* bad : {R"({"locale":"es"})", R"({"locale":"DE"})", R"({"locale":"de-CH"})", R"({"locale":7})", R"({})",
                            R"({"locale":"dedededededededededede"})"}) {
        CAPTURE(bad);
        auto res = cli.Patch("/api/v1/me", AuthHeaders(again), bad, "application/json");
        REQUIRE(res);
        CHECK(res->status >= 400);
        CHECK(res->status < 500);
        CHECK(ErrorCodeOf(res) != "");
    }
    CHECK(GetOk(cli, again, "/api/v1/me")["user"]["locale"] == "de");  // nothing half-written

    auto no_csrf = cli.Patch("/api/v1/me", AuthHeaders(again, /*with_csrf=*/false), R"({"locale":"fr"})", "application/json");
    REQUIRE(no_csrf);
    CHECK(no_csrf->status == 403);
    auto anonymous = cli.Patch("/api/v1/me", R"({"locale":"fr"})", "application/json");
    REQUIRE(anonymous);
    CHECK(anonymous->status == 401);

    auto back = cli.Patch("/api/v1/me", AuthHeaders(again), R"({"locale":""})", "application/json");
    REQUIRE(back);
    CHECK(back->status == 200);
    CHECK(GetOk(cli, again, "/api/v1/me")["user"]["locale"] == "");
}
