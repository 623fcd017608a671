// The walk-up desk over real HTTP with a real SQLite file: kiosk pairing and the kiosk credential's
// narrow scope (swept over every route, both ways), check-in at the kiosk by badge, username and
// as a guest (tickets, positions, waits, the board's privacy), validation, the offline outbox
// (idempotent, ordered by corrected kiosk time), the agent console (call, start, resolve files a
// resolved request the requester sees; transfer to the back office files an open one; no-show),
// "on my way" from the portal keeping its place, surveys, and tickets under concurrency.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <cctype>
#include <thread>

#include "server/app/walkup_service.h"
#include "server/storage/sqlite.h"
#include "shared/api/routes.h"
#include "shared/domain/sla.h"
#include "shared/domain/time.h"
#include "test_support.h"

using namespace spoc::test;

namespace {

const std::string kLocations = spoc::routes::kWalkupLocations;
const std::string kVisits = spoc::routes::kWalkupVisits;

int Status(const httplib::Result& res) { return res ? res->status : -1; }

std::string SetCookieValue(const httplib::Result& res, const std::string& name) {
    if (!res) return {};
    for (std::size_t i = 0; i < res->get_header_value_count("Set-Cookie"); ++i) {
        const std::string h = res->get_header_value("Set-Cookie", "", i);
        if (h.rfind(name + "=", 0) != 0) continue;
        const std::size_t end = h.find(';');
        return h.substr(name.size() + 1, end - name.size() - 1);
    }
    return {};
}

std::string FieldOf(const httplib::Result& res) {
    const json body = Body(res);
    if (!body.is_object() || !body.contains("error")) return "<no error>";
    return body["error"].value("field", "<no field>");
}

// A paired kiosk: its cookie token and CSRF token.
struct Kiosk {
    std::string token, csrf;
    std::int64_t location_id = 0;
    httplib::Headers Headers(bool csrf_header = true) const {
        httplib::Headers h{{"Cookie", std::string(spoc::routes::kKioskCookie) + "=" + token}};
        if (csrf_header) h.emplace(spoc::routes::kCsrfHeader, csrf);
        return h;
    }
    httplib::Result Get(httplib::Client& cli, const std::string& path) const { return cli.Get(path, Headers(false)); }
    httplib::Result Post(httplib::Client& cli, const std::string& path, const json& body, httplib::Headers extra = {}) const {
        httplib::Headers h = Headers();
        for (auto& e : extra) h.emplace(e.first, e.second);
        return cli.Post(path, h, body.dump(), "application/json");
    }
};

spoc::Timestamp NowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

spoc::TimeZoneRule London() {
    spoc::TimeZoneRule london;
    REQUIRE(spoc::FindTimeZone("Europe/London", &london));
    return london;
}

std::int64_t LocationId(httplib::Client& cli, const Session& s, const std::string& key) {
    const json list = GetOk(cli, s, kLocations);
    for (const auto& l : list["items"])
        if (l["key"] == key) return l["id"];
    FAIL("no location " << key);
    return 0;
}

Kiosk PairKiosk(httplib::Client& cli, const Session& admin, std::int64_t location_id) {
    auto start = cli.Post(spoc::routes::kKioskPairing, "", "application/json");
    REQUIRE(Status(start) == 201);
    const std::string secret = SetCookieValue(start, spoc::routes::kKioskPairingCookie);
    REQUIRE_FALSE(secret.empty());
    const std::string code = Body(start)["code"];
    const httplib::Headers pairing{{"Cookie", std::string(spoc::routes::kKioskPairingCookie) + "=" + secret}};
    auto pending = cli.Get(spoc::routes::kKioskPairing, pairing);
    REQUIRE(Status(pending) == 200);
    CHECK(Body(pending)["state"] == "pending");
    CHECK(SetCookieValue(pending, spoc::routes::kKioskCookie).empty());
    std::string typed = code;  // what an admin types: lower case, no dash
    typed.erase(typed.find('-'), 1);
    for (auto& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto paired = PostJson(cli, admin, spoc::routes::kWalkupKiosks,
                           json{{"code", typed}, {"location_id", location_id}, {"name", "Lobby kiosk"}}.dump());
    REQUIRE(Status(paired) == 201);
    auto collected = cli.Get(spoc::routes::kKioskPairing, pairing);
    REQUIRE(Status(collected) == 200);
    CHECK(Body(collected)["state"] == "paired");
    Kiosk k;
    k.token = SetCookieValue(collected, spoc::routes::kKioskCookie);
    REQUIRE_FALSE(k.token.empty());
    CHECK(cli.Get(spoc::routes::kKioskPairing, pairing)->status == 401);  // the credential is handed out once
    auto me = k.Get(cli, spoc::routes::kKioskMe);
    REQUIRE(Status(me) == 200);
    k.csrf = Body(me)["csrf_token"];
    k.location_id = Body(me)["location"]["id"];
    CHECK(k.location_id == location_id);
    return k;
}

json CheckInOk(httplib::Client& cli, const Kiosk& k, const json& body) {
    auto res = k.Post(cli, spoc::routes::kKioskCheckins, body);
    REQUIRE_MESSAGE(Status(res) == 201, (res ? res->body : "no answer"));
    return Body(res);
}

json ActOk(httplib::Client& cli, const Session& s, std::int64_t visit, const std::string& action, const json& body = json::object()) {
    auto res = PostJson(cli, s, kVisits + "/" + std::to_string(visit) + "/" + action, body.dump());
    REQUIRE_MESSAGE(Status(res) == 200, action << ": " << (res ? res->body : "no answer"));
    return Body(res);
}

}  // namespace

TEST_CASE("walk-up: the demo locations' hours parse and their reasons name real catalog items") {
    const fs::path assets = SourceDir() / ".." / ".." / "assets" / "demo";
    std::ifstream in(assets / "walkup.json");
    const json doc = json::parse(in);
    std::ifstream cin(assets / "catalog.json");
    const json catalog = json::parse(cin);
    REQUIRE(doc["locations"].size() >= 2);
    for (const auto& l : doc["locations"]) {
        CAPTURE(l["name"]);
        auto cal = spoc::ParseBusinessCalendar("name: x\ntime_zone: " + l["time_zone"].get<std::string>() + "\n" +
                                               l["hours"].get<std::string>() + "\n");
        CHECK(cal.ok());
        CHECK(l["desks"].size() >= 2);
    }
    for (const auto& r : doc["reasons"]) {
        const std::string item = r.value("catalog_item", "");
        if (item.empty()) continue;
        bool found = false;
        for (const auto& c : catalog["items"]) found = found || c["title"] == item;
        CHECK_MESSAGE(found, item);
    }
}

TEST_CASE("walk-up: an admin pairs a kiosk with its one-time code; bad codes, other roles and revoked kiosks are refused") {
    TestServer server;
    auto cli = server.Client();
    const Session root = SignIn(cli, "root"), ava = SignIn(cli, "ava"), emma = SignIn(cli, "emma");
    const std::int64_t hq = LocationId(cli, emma, "hq");

    auto start = cli.Post(spoc::routes::kKioskPairing, "", "application/json");
    REQUIRE(Status(start) == 201);
    const std::string code = Body(start)["code"];
    CHECK(code.size() == 7);
    CHECK(code[3] == '-');
    for (const Session* who : {&ava, &emma}) {
        auto refused = PostJson(cli, *who, spoc::routes::kWalkupKiosks, json{{"code", code}, {"location_id", hq}}.dump());
        CHECK(Status(refused) == 403);
    }
    auto wrong = PostJson(cli, root, spoc::routes::kWalkupKiosks, json{{"code", "ZZZ-ZZZ"}, {"location_id", hq}}.dump());
    CHECK(Status(wrong) == 422);
    CHECK(FieldOf(wrong) == "code");
    auto no_place = PostJson(cli, root, spoc::routes::kWalkupKiosks, json{{"code", code}, {"location_id", 999}}.dump());
    CHECK(Status(no_place) == 422);
    CHECK(FieldOf(no_place) == "location_id");

    const Kiosk k = PairKiosk(cli, root, hq);
    const json list = GetOk(cli, root, spoc::routes::kWalkupKiosks);
    REQUIRE(list["items"].size() == 1);
    CHECK(list["items"][0]["name"] == "Lobby kiosk");
    CHECK_FALSE(list["items"][0].contains("csrf_token"));
    CHECK(Status(Get(cli, ava, spoc::routes::kWalkupKiosks)) == 403);
    // Revoked: the credential stops working at once.
    auto revoke = cli.Delete(std::string(spoc::routes::kWalkupKiosks) + "/" + std::to_string(list["items"][0]["id"].get<int>()),
                             AuthHeaders(root));
    CHECK(Status(revoke) == 204);
    CHECK(Status(k.Get(cli, spoc::routes::kKioskMe)) == 401);
}

TEST_CASE("walk-up: a kiosk credential opens the kiosk routes and nothing else; a session opens no kiosk route") {
    TestServer server;
    auto cli = server.Client();
    const Session root = SignIn(cli, "root"), emma = SignIn(cli, "emma");
    const std::int64_t hq = LocationId(cli, emma, "hq");
    const std::int64_t night = LocationId(cli, emma, "night");
    const Kiosk k = PairKiosk(cli, root, hq);
    int kiosk_routes = 0, swept = 0;
    for (const auto& [method, pattern] : server.server().Routes()) {
        CAPTURE(method);
        CAPTURE(pattern);
        std::string path = pattern;
        for (std::size_t at; (at = path.find('{')) != std::string::npos;) path.replace(at, path.find('}', at) - at + 1, "1");
        const bool open_route = pattern == spoc::routes::kSession || pattern == spoc::routes::kOpenApi ||
                                pattern == spoc::routes::kHealth || pattern == spoc::routes::kKioskPairing;
        if (open_route) continue;
        const bool kiosk_route = pattern.rfind("/api/v1/kiosk/", 0) == 0;
        const bool board = pattern == kLocations + "/{id}/board";
        httplib::Headers as_kiosk = k.Headers();
        httplib::Headers as_session = AuthHeaders(emma);
        auto send = [&](const httplib::Headers& h) {
            if (method == "GET") return cli.Get(path, h);
            if (method == "DELETE") return cli.Delete(path, h);
            if (method == "PUT") return cli.Put(path, h, "{}", "application/json");
            if (method == "PATCH") return cli.Patch(path, h, "{}", "application/json");
            return cli.Post(path, h, "{}", "application/json");
        };
        if (pattern == spoc::routes::kEvents) continue;  // a stream: its 401 is checked elsewhere
        if (pattern == spoc::routes::kKioskEvents) {      // a stream: the kiosk's is read in its own case
            CHECK(Status(send(as_session)) == 401);
            ++kiosk_routes;
            continue;
        }
        const int kiosk_status = Status(send(as_kiosk));
        const int session_status = Status(send(as_session));
        ++swept;
        if (kiosk_route) {
            ++kiosk_routes;
            CHECK(kiosk_status != 401);
            CHECK(session_status == 401);  // emma's session is no kiosk credential
        } else if (board) {
            CHECK(kiosk_status != 401);
        } else {
            CHECK(kiosk_status == 401);
        }
    }
    CHECK(kiosk_routes == 6);
    CHECK(swept >= 60);
    // The board: its own location only.
    CHECK(Status(k.Get(cli, kLocations + "/" + std::to_string(hq) + "/board")) == 200);
    CHECK(Status(k.Get(cli, kLocations + "/" + std::to_string(night) + "/board")) == 404);
    // A state change without the kiosk's CSRF token is refused.
    auto no_csrf = cli.Post(spoc::routes::kKioskCheckins, k.Headers(false), R"({"reason":"vpn","guest_name":"Kim"})",
                            "application/json");
    CHECK(Status(no_csrf) == 403);
}

TEST_CASE("walk-up: check-in by badge, username and as a guest; tickets, positions and waits; the board shows first names only") {
    TestServer server;
    auto cli = server.Client();
    const Session root = SignIn(cli, "root"), emma = SignIn(cli, "emma"), liam = SignIn(cli, "liam");
    const Kiosk k = PairKiosk(cli, root, LocationId(cli, emma, "hq"));

    const json a = CheckInOk(cli, k, {{"badge", "100234"}, {"reason", "vpn"}, {"note", "VPN drops every hour"}});
    CHECK(a["ticket"] == "A-001");
    CHECK(a["status"] == "waiting");
    CHECK(a["position"] == 1);
    CHECK(a["board_name"] == "Emma J.");
    CHECK_FALSE(a.contains("name"));  // a kiosk never gets a full name back
    const json b = CheckInOk(cli, k, {{"username", "liam"}, {"reason", "other"}});
    CHECK(b["ticket"] == "A-002");
    CHECK(b["position"] == 2);
    CHECK(b["wait"]["high"].get<int>() >= b["wait"]["low"].get<int>());
    CHECK(b["wait"]["high"].get<int>() > 0);  // one person ahead
    // A badge number typed into the username field finds its owner too.
    auto typed_badge = k.Post(cli, spoc::routes::kKioskCheckins, {{"username", "100235"}, {"reason", "other"}});
    CHECK(Status(typed_badge) == 200);  // liam, already in the queue
    CHECK(Body(typed_badge)["id"] == b["id"]);
    const json c = CheckInOk(cli, k, {{"guest_name", "  Kim   van der Berg "}, {"reason", "other"}});
    CHECK(c["ticket"] == "A-003");
    CHECK(c["board_name"] == "Kim B.");
    CHECK(c["position"] == 3);
    CHECK(c["wait"]["low"].get<int>() >= b["wait"]["low"].get<int>());
    // Checking in again: the same visit, not a second place in the line.
    auto again = k.Post(cli, spoc::routes::kKioskCheckins, {{"badge", "100234"}, {"reason", "other"}});
    CHECK(Status(again) == 200);
    CHECK(Body(again)["id"] == a["id"]);

    const json board = Body(k.Get(cli, spoc::routes::kKioskBoard));
    REQUIRE(board["next"].size() == 3);
    CHECK(board["next"][0]["ticket"] == "A-001");
    CHECK(board["waiting"] == 3);
    const std::string text = board.dump();
    for (const char* secret : {"Jones", "VPN drops", "van der", "liam", "emma"}) CHECK(text.find(secret) == std::string::npos);

    // Emma sees her own visit with its position; liam does not see hers.
    const json mine = GetOk(cli, emma, kVisits);
    REQUIRE(mine["items"].size() == 1);
    CHECK(mine["items"][0]["ticket"] == "A-001");
    CHECK(mine["items"][0]["position"] == 1);
    CHECK(mine["items"][0]["note"] == "VPN drops every hour");
    CHECK(GetOk(cli, liam, kVisits)["items"][0]["ticket"] == "A-002");
    auto not_hers = PostJson(cli, liam, kVisits + "/" + std::to_string(a["id"].get<int>()) + "/cancel", "{}");
    CHECK(Status(not_hers) == 404);
}

TEST_CASE("walk-up: at the kiosk a person can give their e-mail (any case) instead of a username or badge") {
    TestServer server;
    auto cli = server.Client();
    const Session root = SignIn(cli, "root"), emma = SignIn(cli, "emma");
    const std::int64_t hq = LocationId(cli, emma, "hq");
    const Kiosk k = PairKiosk(cli, root, hq);
    const std::string mail = GetOk(cli, emma, "/api/v1/me")["user"]["email"];
    REQUIRE(mail.find('@') != std::string::npos);
    std::string shouted = mail;
    for (char& c : shouted) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const json visit = CheckInOk(cli, k, {{"username", " " + shouted + " "}, {"reason", "other"}});
    CHECK(visit["board_name"] == "Emma J.");
    CHECK(GetOk(cli, emma, kVisits)["items"][0]["id"] == visit["id"]);
    auto unknown = k.Post(cli, spoc::routes::kKioskCheckins, {{"username", "nobody@example.invalid"}, {"reason", "other"}});
    CHECK(Status(unknown) == 422);
    CHECK(FieldOf(unknown) == "username");
}

TEST_CASE("walk-up: check-in input is validated with the shared rules (422 with the field), nothing half-written") {
    TestServer server;
    auto cli = server.Client();
    const Session root = SignIn(cli, "root"), emma = SignIn(cli, "emma");
    const Kiosk k = PairKiosk(cli, root, LocationId(cli, emma, "hq"));
    struct Bad {
        json body;
        const char* field;
    };
    const std::vector<Bad> bad = {
        {{{"guest_name", "Kim"}, {"reason", "teleport"}}, "reason"},
        {{{"guest_name", "Kim"}}, "reason"},
        {{{"guest_name", "Kim"}, {"reason", "vpn"}, {"note", std::string(281, 'x')}}, "note"},
        {{{"guest_name", "Kim"}, {"reason", "vpn"}, {"note", "line\nbreak"}}, "note"},
        {{{"guest_name", "Kim \u202Egnp.exe"}, {"reason", "vpn"}}, "guest_name"},
        {{{"guest_name", "Kim"}, {"badge", "100234"}, {"reason", "vpn"}}, "identity"},
        {{{"reason", "vpn"}}, "identity"},
        {{{"badge", "999999"}, {"reason", "vpn"}}, "badge"},
        {{{"username", "nobody-here"}, {"reason", "vpn"}}, "username"},
    };
    for (const Bad& b : bad) {
        CAPTURE(b.body.dump());
        auto res = k.Post(cli, spoc::routes::kKioskCheckins, b.body);
        CHECK(Status(res) == 422);
        CHECK(FieldOf(res) == b.field);
    }
    auto not_json = cli.Post(spoc::routes::kKioskCheckins, k.Headers(), "{nope", "application/json");
    CHECK(Status(not_json) == 400);
    auto wrong_type = k.Post(cli, spoc::routes::kKioskCheckins, {{"guest_name", 42}, {"reason", "vpn"}});
    CHECK(Status(wrong_type) == 400);
    CHECK(Body(k.Get(cli, spoc::routes::kKioskBoard))["waiting"] == 0);  // nothing was stored
    const json ok = CheckInOk(cli, k, {{"guest_name", "Kim \xf0\x9f\x99\x82"}, {"reason", "vpn"}});
    CHECK(ok["ticket"] == "A-001");  // the refused ones took no number
}

TEST_CASE("walk-up: the kiosk's offline outbox lands once per entry, in check-in order, on the server's clock") {
    TestServer server;
    auto cli = server.Client();
    const Session root = SignIn(cli, "root"), ava = SignIn(cli, "ava"), emma = SignIn(cli, "emma");
    const std::int64_t hq = LocationId(cli, emma, "hq");
    const Kiosk k = PairKiosk(cli, root, hq);
    const spoc::Timestamp server_now = NowMs();
    // The kiosk's clock runs 2 minutes fast; three people checked in 9, 6 and 3 minutes ago.
    const spoc::Timestamp skew = 2 * spoc::kMsPerMinute;
    const spoc::Timestamp kiosk_now = server_now + skew;
    auto offline = [&](const std::string& name, int minutes_ago, const std::string& key) {
        json body = {{"guest_name", name},
                     {"reason", "other"},
                     {"local_checked_in_at", spoc::FormatIso8601(kiosk_now - minutes_ago * spoc::kMsPerMinute)},
                     {"kiosk_now", spoc::FormatIso8601(kiosk_now)}};
        return k.Post(cli, spoc::routes::kKioskCheckins, body, {{"Idempotency-Key", key}});
    };
    const json walk_in = CheckInOk(cli, k, {{"guest_name", "Online Olga"}, {"reason", "other"}});  // just now
    // Sent out of order, and the middle one twice (the kiosk retried after a lost answer).
    CHECK(Status(offline("Third Tom", 3, "k-3")) == 201);
    CHECK(Status(offline("First Fay", 9, "k-1")) == 201);
    CHECK(Status(offline("Second Sam", 6, "k-2")) == 201);
    auto replay = offline("Second Sam", 6, "k-2");
    CHECK(Status(replay) == 200);
    auto no_key = k.Post(cli, spoc::routes::kKioskCheckins,
                         {{"guest_name", "X"}, {"reason", "other"}, {"local_checked_in_at", spoc::FormatIso8601(kiosk_now)},
                          {"kiosk_now", spoc::FormatIso8601(kiosk_now)}});
    CHECK(Status(no_key) == 400);
    const json queue = GetOk(cli, ava, kLocations + "/" + std::to_string(hq) + "/queue");
    std::vector<std::string> order;
    for (const auto& v : queue["items"]) order.push_back(v["name"]);
    CHECK(order == std::vector<std::string>{"First Fay", "Second Sam", "Third Tom", "Online Olga"});
    // Corrected by the measured offset: First Fay checked in 9 minutes ago by the server's clock.
    spoc::Timestamp first_at = 0;
    REQUIRE(spoc::ParseIso8601(queue["items"][0]["checked_in_at"].get<std::string>(), &first_at));
    CHECK(std::llabs(first_at - (server_now - 9 * spoc::kMsPerMinute)) < 5000);
    CHECK(queue["items"][0]["channel"] == "offline");
    CHECK(walk_in["ticket"] == "A-001");
}

TEST_CASE("walk-up: an offline check-in the server can't match to a person is queued as a guest, not lost; online it is refused") {
    TestServer server;
    auto cli = server.Client();
    const Session root = SignIn(cli, "root"), ava = SignIn(cli, "ava"), emma = SignIn(cli, "emma");
    const std::int64_t hq = LocationId(cli, emma, "hq");
    const Kiosk k = PairKiosk(cli, root, hq);
    const std::string now = spoc::FormatIso8601(NowMs());
    // Online, an unknown username or badge is the person's to correct at the kiosk.
    CHECK(Status(k.Post(cli, spoc::routes::kKioskCheckins, {{"username", "nobody-here"}, {"reason", "other"}})) == 422);
    CHECK(Status(k.Post(cli, spoc::routes::kKioskCheckins, {{"badge", "999999"}, {"reason", "other"}})) == 422);
    // Offline they already hold the kiosk's number and have sat down: queued under what they typed.
    auto typed = k.Post(cli, spoc::routes::kKioskCheckins,
                        {{"username", "nobody-here"}, {"reason", "other"}, {"local_checked_in_at", now}, {"kiosk_now", now}},
                        {{"Idempotency-Key", "off-1"}});
    CHECK(Status(typed) == 201);
    auto badge = k.Post(cli, spoc::routes::kKioskCheckins,
                        {{"badge", "999999"}, {"reason", "other"}, {"appointment", true}, {"local_checked_in_at", now}, {"kiosk_now", now}},
                        {{"Idempotency-Key", "off-2"}});
    CHECK(Status(badge) == 201);  // and no appointment is no reason to refuse it either
    auto again = k.Post(cli, spoc::routes::kKioskCheckins,
                        {{"badge", "999999"}, {"reason", "other"}, {"local_checked_in_at", now}, {"kiosk_now", now}},
                        {{"Idempotency-Key", "off-2"}});
    CHECK(Status(again) == 200);
    const json queue = GetOk(cli, ava, kLocations + "/" + std::to_string(hq) + "/queue");
    REQUIRE(queue["items"].size() == 2);
    CHECK(queue["items"][0]["name"] == "nobody-here");
    CHECK(queue["items"][1]["name"] == "Visitor");  // a badge number is never shown as a name
    CHECK(queue["items"][1]["board_name"].get<std::string>().find("999") == std::string::npos);
    CHECK(queue["items"][0].value("user_id", 0) == 0);  // a guest
}

TEST_CASE("walk-up: the console calls, starts and resolves; the visit files a request the requester sees; transfers and no-shows") {
    TestServer server;
    auto cli = server.Client();
    const Session root = SignIn(cli, "root"), ava = SignIn(cli, "ava"), emma = SignIn(cli, "emma"), liam = SignIn(cli, "liam");
    const std::int64_t hq = LocationId(cli, emma, "hq");
    const Kiosk k = PairKiosk(cli, root, hq);
    const json loc = GetOk(cli, ava, kLocations)["items"][0];
    const int desk1 = loc["desks"][0]["id"], desk2 = loc["desks"][1]["id"];
    const json a = CheckInOk(cli, k, {{"badge", "100234"}, {"reason", "vpn"}, {"note", "VPN drops"}});
    const json b = CheckInOk(cli, k, {{"username", "liam"}, {"reason", "other"}});
    const json c = CheckInOk(cli, k, {{"guest_name", "Kim Lee"}, {"reason", "other"}});

    // Employees get no console and no agent actions.
    CHECK(Status(Get(cli, emma, kLocations + "/" + std::to_string(hq) + "/queue")) == 403);
    CHECK(Status(PostJson(cli, emma, kVisits + "/" + std::to_string(a["id"].get<int>()) + "/start", "{}")) == 403);
    const std::string call_next = kLocations + "/" + std::to_string(hq) + "/call-next";
    CHECK(Status(PostJson(cli, emma, call_next, json{{"desk_id", desk1}}.dump())) == 403);
    auto no_desk = PostJson(cli, ava, call_next, "{}");
    CHECK(Status(no_desk) == 422);
    CHECK(FieldOf(no_desk) == "desk_id");

    auto called = PostJson(cli, ava, call_next, json{{"desk_id", desk1}}.dump());
    REQUIRE(Status(called) == 200);
    CHECK(Body(called)["id"] == a["id"]);
    CHECK(Body(called)["status"] == "called");
    CHECK(Body(called)["desk"] == "Desk 1");
    json board = Body(k.Get(cli, spoc::routes::kKioskBoard));
    REQUIRE(board["serving"].size() == 1);
    CHECK(board["serving"][0]["ticket"] == "A-001");
    CHECK(board["serving"][0]["desk"] == "Desk 1");
    CHECK(board["next"][0]["ticket"] == "A-002");
    CHECK(GetOk(cli, emma, kVisits)["items"][0]["status"] == "called");

    // Out of order steps are refused with 409.
    auto early = PostJson(cli, ava, kVisits + "/" + std::to_string(a["id"].get<int>()) + "/resolve", "{}");
    CHECK(Status(early) == 409);
    ActOk(cli, ava, a["id"], "start");
    const json resolved = ActOk(cli, ava, a["id"], "resolve", {{"note", "Reinstalled the VPN profile."}});
    CHECK(resolved["status"] == "resolved");
    CHECK(resolved["first_contact"] == true);
    REQUIRE(resolved.contains("request_id"));
    // The request is in emma's history, resolved, with the note and the walk-up ticket.
    const json request = GetOk(cli, emma, "/api/v1/requests/" + std::to_string(resolved["request_id"].get<int>()));
    CHECK(request["status"] == "resolved");
    CHECK(request["resolution_note"] == "Reinstalled the VPN profile.");
    CHECK(request["summary"].get<std::string>().find("A-001") != std::string::npos);
    CHECK(request["catalog_item_title"] == "VPN problem");
    bool listed = false;
    const json all = GetOk(cli, emma, "/api/v1/requests?status=all");
    for (const auto& r : all["items"]) listed = listed || r["id"] == request["id"];
    CAPTURE(all.dump().substr(0, 600));
    CHECK(listed);

    // Liam: called to desk 1, transferred to desk 2, then to the back office: an open request.
    ActOk(cli, ava, b["id"], "call", {{"desk_id", desk1}});
    const json moved = ActOk(cli, ava, b["id"], "transfer", {{"to", "desk"}, {"desk_id", desk2}});
    CHECK(moved["status"] == "called");
    CHECK(moved["desk"] == "Desk 2");
    ActOk(cli, ava, b["id"], "start");
    const json handed = ActOk(cli, ava, b["id"], "transfer", {{"to", "back_office"}, {"note", "Needs a new docking station."}});
    CHECK(handed["status"] == "transferred");
    CHECK(handed["first_contact"] == false);
    const json open_request = GetOk(cli, liam, "/api/v1/requests/" + std::to_string(handed["request_id"].get<int>()));
    CHECK(open_request["status"] != "resolved");
    CHECK(open_request["description"].get<std::string>().find("docking station") != std::string::npos);

    // The guest does not come: no-show; then nobody is waiting.
    ActOk(cli, ava, c["id"], "call", {{"desk_id", desk1}});
    CHECK(ActOk(cli, ava, c["id"], "no_show")["status"] == "no_show");
    CHECK(Status(PostJson(cli, ava, call_next, json{{"desk_id", desk1}}.dump())) == 409);
    board = Body(k.Get(cli, spoc::routes::kKioskBoard));
    CHECK(board["serving"].empty());
    CHECK(board["next"].empty());
    // The kiosk offers emma's just-served ticket for its survey (the ticket only); the TV board doesn't.
    REQUIRE(board.contains("just_served"));
    REQUIRE(board["just_served"].size() == 1);  // resolved only: not liam's transfer, not the no-show
    CHECK(board["just_served"][0]["ticket"] == "A-001");
    CHECK(board["just_served"][0]["visit_id"] == a["id"]);
    CHECK_FALSE(board["just_served"][0].contains("board_name"));
    CHECK_FALSE(GetOk(cli, ava, kLocations + "/" + std::to_string(hq) + "/board").contains("just_served"));

    // Emma rates her visit once, in the portal; liam can't rate hers.
    CHECK(Status(PostJson(cli, liam, kVisits + "/" + std::to_string(a["id"].get<int>()) + "/survey", R"({"score":5})")) == 404);
    auto zero = PostJson(cli, emma, kVisits + "/" + std::to_string(a["id"].get<int>()) + "/survey", R"({"score":0})");
    CHECK(Status(zero) == 422);
    const json rated_visit = ActOk(cli, emma, a["id"], "survey", {{"score", 5}});
    CHECK(rated_visit["csat"] == 5);
    // The same survey as requests: the request the visit filed shows it, so the portal doesn't ask twice.
    const json filed = GetOk(cli, emma, "/api/v1/requests/" + std::to_string(rated_visit["request_id"].get<int>()));
    CHECK(filed["survey"]["score"] == 5);
    CHECK(Status(PostJson(cli, emma, kVisits + "/" + std::to_string(a["id"].get<int>()) + "/survey", R"({"score":4})")) == 409);
    // Rated: the kiosk no longer offers it, and a tap there can't rate it again.
    CHECK_FALSE(Body(k.Get(cli, spoc::routes::kKioskBoard)).contains("just_served"));
    CHECK(Status(k.Post(cli, std::string(spoc::routes::kKioskVisits) + "/" + std::to_string(a["id"].get<int>()) + "/survey", {{"score", 1}})) == 409);
}

TEST_CASE("walk-up: the kiosk's one-tap survey rates a visit just served at its own location, once") {
    TestServer server;
    auto cli = server.Client();
    const Session root = SignIn(cli, "root"), ava = SignIn(cli, "ava"), emma = SignIn(cli, "emma");
    const std::int64_t hq = LocationId(cli, emma, "hq"), night = LocationId(cli, emma, "night");
    const Kiosk k = PairKiosk(cli, root, hq), other = PairKiosk(cli, root, night);
    const json guest = CheckInOk(cli, k, {{"guest_name", "Kim Lee"}, {"reason", "other"}});
    const std::string survey = std::string(spoc::routes::kKioskVisits) + "/" + std::to_string(guest["id"].get<int>()) + "/survey";
    CHECK(Status(k.Post(cli, survey, {{"score", 4}})) == 409);  // not served yet
    const json loc = GetOk(cli, ava, kLocations)["items"][0];
    ActOk(cli, ava, guest["id"], "call", {{"desk_id", loc["desks"][0]["id"]}});
    ActOk(cli, ava, guest["id"], "start");
    ActOk(cli, ava, guest["id"], "resolve", {{"note", "Done."}});
    const json board = Body(k.Get(cli, spoc::routes::kKioskBoard));
    REQUIRE(board["just_served"].size() == 1);
    CHECK(board["just_served"][0]["visit_id"] == guest["id"]);
    CHECK(Status(other.Post(cli, survey, {{"score", 1}})) == 404);  // another location's kiosk
    CHECK(Status(k.Post(cli, survey, {{"score", 9}})) == 422);
    auto rated = k.Post(cli, survey, {{"score", 4}});
    REQUIRE(Status(rated) == 200);
    CHECK(Body(rated)["csat"] == 4);
    const json filed = GetOk(cli, ava, "/api/v1/requests/" + std::to_string(Body(rated)["request_id"].get<int>()));
    CHECK(filed["survey"]["score"] == 4);  // a guest's answer, kept for the reports
    CHECK(Status(k.Post(cli, survey, {{"score", 5}})) == 409);  // once
    CHECK_FALSE(Body(k.Get(cli, spoc::routes::kKioskBoard)).contains("just_served"));
}

TEST_CASE("walk-up: changes go out live: the location's kiosks, staff and the visitor hear them; other kiosks don't") {
    TestServer server;
    auto cli = server.Client();
    const Session root = SignIn(cli, "root"), ava = SignIn(cli, "ava"), emma = SignIn(cli, "emma"), liam = SignIn(cli, "liam");
    const std::int64_t hq = LocationId(cli, emma, "hq"), night = LocationId(cli, emma, "night");
    const Kiosk k = PairKiosk(cli, root, hq), other = PairKiosk(cli, root, night);
    EventStream here(server.port(), k.Headers(false), spoc::routes::kKioskEvents);
    EventStream there(server.port(), other.Headers(false), spoc::routes::kKioskEvents);
    EventStream staff(server.port(), ava), visitor(server.port(), emma), bystander(server.port(), liam);
    for (EventStream* s : {&here, &there, &staff, &visitor, &bystander}) REQUIRE(s->WaitFor("event: ready"));
    CHECK(here.ContentType().rfind("text/event-stream", 0) == 0);
    const json visit = CheckInOk(cli, k, {{"badge", "100234"}, {"reason", "other"}});
    const std::string frame = "event: walkup\ndata: {\"location_id\":" + std::to_string(hq) + "}";
    CHECK(here.WaitFor(frame));
    CHECK(staff.WaitFor(frame));
    CHECK(visitor.WaitFor(frame));  // her own visit
    // An agent's step reaches the kiosk too (its board shows who is called).
    const json loc = GetOk(cli, ava, kLocations)["items"][0];
    ActOk(cli, ava, visit["id"], "call", {{"desk_id", loc["desks"][0]["id"]}});
    const auto frames = [](const std::string& text, const std::string& f) {
        int n = 0;
        for (std::size_t at = text.find(f); at != std::string::npos; at = text.find(f, at + 1)) ++n;
        return n;
    };
    for (int i = 0; i < 100 && frames(here.Text(), frame) < 2; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(frames(here.Text(), frame) == 2);
    // Another location's kiosk and another employee heard nothing of it.
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    CHECK(there.Text().find("walkup") == std::string::npos);
    CHECK(bystander.Text().find("walkup") == std::string::npos);
    // A kiosk stream is a kiosk credential's only: a session gets 401, no cookie gets 401.
    CHECK(Status(Get(cli, emma, spoc::routes::kKioskEvents)) == 401);
    CHECK(Status(cli.Get(spoc::routes::kKioskEvents)) == 401);
}

TEST_CASE("walk-up: \"on my way\" from the portal keeps a place; arriving at the kiosk joins the line there; closed desks refuse") {
    TestServer server;
    auto cli = server.Client();
    const Session root = SignIn(cli, "root"), ava = SignIn(cli, "ava"), emma = SignIn(cli, "emma");
    const std::int64_t hq = LocationId(cli, emma, "hq"), night = LocationId(cli, emma, "night");
    const Kiosk k = PairKiosk(cli, root, hq);
    auto closed = PostJson(cli, emma, kLocations + "/" + std::to_string(night) + "/checkins", R"({"reason":"vpn"})");
    CHECK(Status(closed) == 422);
    CHECK(FieldOf(closed) == "location");
    auto joined = PostJson(cli, emma, kLocations + "/" + std::to_string(hq) + "/checkins", R"({"reason":"vpn"})");
    REQUIRE(Status(joined) == 201);
    CHECK(Body(joined)["status"] == "en_route");
    CHECK(Body(joined)["channel"] == "remote");
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CheckInOk(cli, k, {{"guest_name", "Walk In"}, {"reason", "other"}});
    CHECK(Body(k.Get(cli, spoc::routes::kKioskBoard))["waiting"] == 1);  // emma is not in the line yet
    auto arrived = k.Post(cli, spoc::routes::kKioskCheckins, {{"badge", "100234"}, {"reason", "vpn"}});
    REQUIRE(Status(arrived) == 201);
    CHECK(Body(arrived)["id"] == Body(joined)["id"]);
    CHECK(Body(arrived)["status"] == "waiting");
    CHECK(Body(arrived)["position"] == 1);  // ahead of the walk-in who came after she joined
    // Cancel: her own visit, once.
    ActOk(cli, emma, Body(joined)["id"], "cancel");
    CHECK(Status(PostJson(cli, emma, kVisits + "/" + std::to_string(Body(joined)["id"].get<int>()) + "/cancel", "{}")) == 409);
    CHECK(GetOk(cli, ava, kLocations + "/" + std::to_string(hq) + "/queue")["items"].size() == 1);
}

TEST_CASE("walk-up: 32 kiosk check-ins at once get 32 different consecutive tickets") {
    TestServer server;
    auto cli = server.Client();
    const Session root = SignIn(cli, "root"), emma = SignIn(cli, "emma");
    const Kiosk k = PairKiosk(cli, root, LocationId(cli, emma, "hq"));
    std::vector<std::string> tickets(32);
    std::vector<std::thread> threads;
    for (int i = 0; i < 32; ++i) {
        threads.emplace_back([&, i] {
            httplib::Client c("127.0.0.1", server.port());
            auto res = k.Post(c, spoc::routes::kKioskCheckins, {{"guest_name", "Guest " + std::to_string(i)}, {"reason", "other"}});
            if (res && res->status == 201) tickets[static_cast<std::size_t>(i)] = Body(res)["ticket"];
        });
    }
    for (auto& t : threads) t.join();
    std::set<std::string> distinct(tickets.begin(), tickets.end());
    CHECK(distinct.size() == 32);
    CHECK(distinct.count("A-001") == 1);
    CHECK(distinct.count("A-032") == 1);
    CHECK(Body(k.Get(cli, spoc::routes::kKioskBoard))["waiting"] == 32);
}

TEST_CASE("walk-up: appointments: slots with free places, capacity under concurrency, reschedule, arrival, no-show release") {
    TestServer server;
    auto cli = server.Client();
    const Session root = SignIn(cli, "root"), ava = SignIn(cli, "ava"), emma = SignIn(cli, "emma"), liam = SignIn(cli, "liam");
    const std::int64_t hq = LocationId(cli, emma, "hq");
    const std::string loc = kLocations + "/" + std::to_string(hq);
    const spoc::Timestamp now = NowMs();
    const spoc::TimeZoneRule london = London();
    const std::string tomorrow = spoc::FormatDate(spoc::UtcToLocal(london, now + spoc::kMsPerDay).date);

    CHECK(Status(Get(cli, emma, loc + "/slots?date=tomorrow")) == 400);
    const json slots = GetOk(cli, emma, loc + "/slots?date=" + tomorrow);
    REQUIRE(slots["items"].size() == 96);  // 24 h of 15-minute slots (the fixture desk never closes)
    CHECK(slots["items"][40]["free"] == 2);
    const std::string start = slots["items"][40]["start"];
    const std::string later = slots["items"][41]["start"];

    // Four people want the same slot at once: capacity 2, so exactly two get it.
    std::vector<int> statuses(4);
    std::vector<std::thread> threads;
    const std::vector<const Session*> people = {&emma, &liam, &ava, &root};
    for (std::size_t i = 0; i < people.size(); ++i) {
        threads.emplace_back([&, i] {
            httplib::Client c("127.0.0.1", server.port());
            statuses[i] = Status(PostJson(c, *people[i], loc + "/appointments", json{{"reason", "vpn"}, {"start", start}}.dump()));
        });
    }
    for (auto& t : threads) t.join();
    CHECK(std::count(statuses.begin(), statuses.end(), 201) == 2);
    CHECK(std::count(statuses.begin(), statuses.end(), 409) == 2);
    CHECK(GetOk(cli, emma, loc + "/slots?date=" + tomorrow)["items"][40]["free"] == 0);

    // A fresh booking for a person who got none (or emma's, whichever won), then the rules.
    const Session& booker = statuses[0] == 201 ? emma : (statuses[1] == 201 ? liam : ava);
    const json mine = GetOk(cli, booker, kVisits)["items"][0];
    CHECK(mine["status"] == "booked");
    CHECK(mine["channel"] == "appointment");
    auto twice = PostJson(cli, booker, loc + "/appointments", json{{"reason", "vpn"}, {"start", later}}.dump());
    CHECK(Status(twice) == 409);  // one booking per person and day
    spoc::Timestamp at = 0;
    REQUIRE(spoc::ParseIso8601(start, &at));
    auto off_grid = PostJson(cli, root, loc + "/appointments",
                             json{{"reason", "vpn"}, {"start", spoc::FormatIso8601(at + 5 * spoc::kMsPerMinute)}}.dump());
    CHECK(Status(off_grid) == 422);
    CHECK(FieldOf(off_grid) == "start");
    auto past = PostJson(cli, root, loc + "/appointments",
                         json{{"reason", "vpn"}, {"start", spoc::FormatIso8601(at - 2 * spoc::kMsPerDay)}}.dump());
    CHECK(Status(past) == 422);
    const json moved = ActOk(cli, booker, mine["id"], "reschedule", {{"start", later}});
    CHECK(moved["appointment_at"] == later);
    CHECK(GetOk(cli, emma, loc + "/slots?date=" + tomorrow)["items"][40]["free"] == 1);
    CHECK(Status(PostJson(cli, root, kVisits + "/" + std::to_string(mine["id"].get<int>()) + "/reschedule",
                          json{{"start", start}}.dump())) == 404);  // not root's booking

    // At the kiosk today, tomorrow's booking is not today's appointment.
    const Kiosk k = PairKiosk(cli, root, hq);
    if (&booker == &emma) {
        auto not_today = k.Post(cli, spoc::routes::kKioskCheckins, {{"badge", "100234"}, {"reason", "vpn"}, {"appointment", true}});
        CHECK(Status(not_today) == 422);
        CHECK(FieldOf(not_today) == "appointment");
    }

    // Nobody checked in: an hour after the slot the housekeeping sweep releases the bookings.
    {
        auto db = spoc::storage::Database::Open(server.db_path(), spoc::storage::OpenMode::read_write);
        REQUIRE(db.ok());
        auto released = spoc::storage::InTransaction(**db, [&](spoc::storage::Database& d) {
            return spoc::app::WalkupService::ReleaseNoShows(d, at + 2 * spoc::kMsPerDay);
        });
        REQUIRE(released.ok());
        CHECK(*released == 2);
    }
    CHECK(GetOk(cli, booker, kVisits)["items"][0]["status"] == "no_show");
    CHECK(GetOk(cli, emma, loc + "/slots?date=" + tomorrow)["items"][40]["free"] == 2);
}

TEST_CASE("walk-up: an appointment today checks in at the kiosk against the booking") {
    // The fixture desk is open around the clock in London, but no slot is left there in the last
    // quarter hour before midnight. This test moves it to a zone where it is daytime now, so a
    // slot later today always exists whenever the suite runs.
    const spoc::Timestamp now = NowMs();
    spoc::TimeZoneRule zone;
    std::string zone_name;
    for (const char* candidate : {"Europe/London", "America/New_York", "Asia/Tokyo", "America/Los_Angeles", "Asia/Kolkata"}) {
        REQUIRE(spoc::FindTimeZone(candidate, &zone));
        const int hour = spoc::UtcToLocal(zone, now).ms_of_day / 3600000;
        if (hour >= 6 && hour < 20) {
            zone_name = candidate;
            break;
        }
    }
    REQUIRE_MESSAGE(!zone_name.empty(), "one of the zones is in daytime");
    TestServer server([&](spoc::ServerConfig& c) {
        const fs::path file = fs::path(c.assets_dir) / "demo" / "walkup.json";
        json doc;
        {
            std::ifstream in(file);
            doc = json::parse(in);
        }
        doc["locations"][0]["time_zone"] = zone_name;
        std::ofstream(file) << doc.dump(2);
    });
    auto cli = server.Client();
    const Session root = SignIn(cli, "root"), emma = SignIn(cli, "emma");
    const std::int64_t hq = LocationId(cli, emma, "hq");
    const std::string loc = kLocations + "/" + std::to_string(hq);
    const json today = GetOk(cli, emma, loc + "/slots?date=" + spoc::FormatDate(spoc::UtcToLocal(zone, now).date));
    REQUIRE_FALSE(today["items"].empty());
    const json booked = Body(PostJson(cli, emma, loc + "/appointments", json{{"reason", "vpn"}, {"start", today["items"][0]["start"]}}.dump()));
    REQUIRE(booked["status"] == "booked");
    const Kiosk k = PairKiosk(cli, root, hq);
    auto arrived = k.Post(cli, spoc::routes::kKioskCheckins, {{"badge", "100234"}, {"reason", "vpn"}, {"appointment", true}});
    REQUIRE(Status(arrived) == 201);
    CHECK(Body(arrived)["id"] == booked["id"]);
    CHECK(Body(arrived)["status"] == "waiting");
    CHECK(Body(arrived)["ticket"] == booked["ticket"]);
}
