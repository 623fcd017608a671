// The ticket workspace over real HTTP: canned responses (demo set, CRUD, group visibility,
// validation, expansion equal to the shared ExpandPlaceholders run locally), a requester's other
// requests, linking, merging (comments, statuses, history, 409, 422), bulk updates (mixed
// results, one writer job), queue sort orders and filters with their 400s and query plans; and
// that nothing an employee can get from these routes carries an internal note.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "server/storage/requests_repo.h"
#include "shared/api/dto.h"
#include "shared/domain/canned.h"
#include "shared/domain/text.h"
#include "test_support.h"

using namespace spoc::test;

namespace {

std::string Path(const std::string& base, int id, const std::string& rest = "") {
    return base + "/" + std::to_string(id) + rest;
}
const std::string kRequests = "/api/v1/requests";

json VpnDraft(const std::string& summary, const std::string& urgency = "high") {
    return json{{"catalog_item_id", 2}, {"summary", summary}, {"urgency", urgency}, {"values", {{"location", "home"}}}};
}
json DeskDraft(const std::string& summary) {
    return json{{"catalog_item_id", 3}, {"summary", summary}, {"values", {{"new_desk", "HQ3-A14"}}}};
}
json LaptopDraft(const std::string& summary) {
    json d = ValidLaptopDraft();
    d["summary"] = summary;
    return d;
}

int Status(const httplib::Result& res) { return res ? res->status : -1; }

httplib::Result Put(httplib::Client& cli, const Session& s, const std::string& path, const json& body) {
    return cli.Put(path, AuthHeaders(s), body.dump(), "application/json");
}
httplib::Result Delete(httplib::Client& cli, const Session& s, const std::string& path) {
    return cli.Delete(path, AuthHeaders(s));
}
std::string FieldOf(const httplib::Result& res) {
    const json body = Body(res);
    if (!body.is_object() || !body.contains("error")) return "<no error body>";
    return body["error"].value("field", "<no field>");
}

// The canned response titled `title` in a GET /canned answer, or null.
json FindCanned(const json& list, const std::string& title) {
    for (const auto& c : list["items"])
        if (c["title"] == title) return c;
    return nullptr;
}

std::int64_t WriterJobs(TestServer& server) {
    const std::string stats = server.server().WriterStatsText();  // "jobs=N batches=..."
    return std::stoll(stats.substr(5, stats.find(' ') - 5));
}

spoc::User UserOf(const Session& s) {
    spoc::User u;
    u.id = spoc::UserId(s.user["id"].get<std::int64_t>());
    u.display_name = s.user["display_name"].get<std::string>();
    return u;
}

// A request's history items (a value: a range-for over a temporary's member would dangle).
json History(httplib::Client& cli, const Session& s, int id) {
    return GetOk(cli, s, Path(kRequests, id, "/history"))["items"];
}

std::vector<int> Ids(const json& page) {
    std::vector<int> ids;
    for (const auto& item : page["items"]) ids.push_back(item["id"]);
    return ids;
}

int PriorityRank(const std::string& name) {
    spoc::Priority p = spoc::Priority::planning;
    REQUIRE(spoc::ParsePriority(name, &p));
    return static_cast<int>(p);
}

spoc::Timestamp Time(const json& item, const char* key) {
    spoc::Timestamp t = 0;
    REQUIRE(spoc::ParseIso8601(item[key].get<std::string>(), &t));
    return t;
}

}  // namespace

// [SECTION] Canned responses

TEST_CASE("workspace: canned responses: demo set, group visibility, create/edit/delete, validation, employees 403") {
    TestServer server;
    auto cli = server.Client();
    const Session ava = SignIn(cli, "ava");   // agent: IT Service Desk, Network, Facilities
    const Session root = SignIn(cli, "root"); // admin: HR Operations
    const Session emma = SignIn(cli, "emma");

    const json mine = GetOk(cli, ava, "/api/v1/canned");
    const json all = GetOk(cli, root, "/api/v1/canned");
    CHECK(all["items"].size() == 8);
    CHECK(mine["items"].size() == 7);  // everything but the HR Operations one
    CHECK(FindCanned(mine, "HR: payroll question handed to HR Operations").is_null());
    const json hr = FindCanned(all, "HR: payroll question handed to HR Operations");
    REQUIRE(hr.is_object());
    CHECK(hr["group_name"] == "HR Operations");
    const json vpn = FindCanned(mine, "VPN: reinstall the client");
    REQUIRE(vpn.is_object());
    CHECK(vpn["group_name"] == "Network");
    CHECK(FindCanned(mine, "Need more information")["group_id"] == 0);
    CHECK(std::find(mine["placeholders"].begin(), mine["placeholders"].end(), "requester.first_name") !=
          mine["placeholders"].end());
    // Sorted by title.
    std::vector<std::string> titles;
    for (const auto& c : mine["items"]) titles.push_back(c["title"]);
    CHECK(std::is_sorted(titles.begin(), titles.end(), [](const std::string& a, const std::string& b) {
        return spoc::ToLowerAscii(a) < spoc::ToLowerAscii(b);
    }));

    // Employees: 403 on every canned route.
    CHECK(Status(Get(cli, emma, "/api/v1/canned")) == 403);
    CHECK(Status(PostJson(cli, emma, "/api/v1/canned", json{{"title", "x"}, {"body", "y"}}.dump())) == 403);
    CHECK(Status(Put(cli, emma, Path("/api/v1/canned", vpn["id"]), {{"title", "x"}, {"body", "y"}})) == 403);
    CHECK(Status(Delete(cli, emma, Path("/api/v1/canned", vpn["id"]))) == 403);

    // Create (trimmed), list, edit, delete.
    auto created = PostJson(cli, ava, "/api/v1/canned",
                            json{{"title", "  Printer: clear the queue "}, {"body", "Hi {{requester.first_name}}, done."}}.dump());
    REQUIRE(created);
    REQUIRE_MESSAGE(created->status == 201, created->body);
    const json c = Body(created);
    CHECK(c["title"] == "Printer: clear the queue");
    CHECK(created->get_header_value("Location") == Path("/api/v1/canned", c["id"]));
    CHECK(FindCanned(GetOk(cli, ava, "/api/v1/canned"), "Printer: clear the queue")["id"] == c["id"]);
    auto edited = Put(cli, ava, Path("/api/v1/canned", c["id"]),
                      {{"title", "Printer: queue cleared"}, {"body", "Done, {{requester.name}}."}, {"group_id", 1}});
    REQUIRE(edited);
    REQUIRE_MESSAGE(edited->status == 200, edited->body);
    CHECK(Body(edited)["group_name"] == "IT Service Desk");
    const json after_edit = GetOk(cli, ava, "/api/v1/canned");
    CHECK(FindCanned(after_edit, "Printer: clear the queue").is_null());
    CHECK(FindCanned(after_edit, "Printer: queue cleared")["body"] == "Done, {{requester.name}}.");
    CHECK(Status(Delete(cli, ava, Path("/api/v1/canned", c["id"]))) == 204);
    CHECK(FindCanned(GetOk(cli, ava, "/api/v1/canned"), "Printer: queue cleared").is_null());
    CHECK(Status(Delete(cli, ava, Path("/api/v1/canned", c["id"]))) == 404);
    CHECK(Status(Put(cli, ava, Path("/api/v1/canned", c["id"]), {{"title", "x"}, {"body", "y"}})) == 404);

    // Another group's canned response is invisible to an agent: 404 for edit and delete.
    CHECK(Status(Put(cli, ava, Path("/api/v1/canned", hr["id"]), {{"title", "x"}, {"body", "y"}})) == 404);
    CHECK(Status(Delete(cli, ava, Path("/api/v1/canned", hr["id"]))) == 404);
    CHECK(FindCanned(GetOk(cli, root, "/api/v1/canned"), "HR: payroll question handed to HR Operations")["id"] == hr["id"]);

    // Validation: 422 naming the field; unknown placeholders named in the message.
    auto post = [&](const json& body) { return PostJson(cli, ava, "/api/v1/canned", body.dump()); };
    auto unknown = post({{"title", "Bad"}, {"body", "Hi {{requester.nickname}}"}});
    REQUIRE(unknown);
    CHECK(unknown->status == 422);
    CHECK(FieldOf(unknown) == "body");
    CHECK(Body(unknown)["error"]["message"].get<std::string>().find("{{requester.nickname}}") != std::string::npos);
    auto long_title = post({{"title", std::string(121, 't')}, {"body", "x"}});
    CHECK(Status(long_title) == 422);
    CHECK(FieldOf(long_title) == "title");
    CHECK(Status(post({{"title", std::string(120, 't')}, {"body", "x"}})) == 201);
    auto both = post({{"title", " "}, {"body", " "}});
    CHECK(Status(both) == 422);
    CHECK(Body(both)["error"]["details"].size() == 2);
    auto other_group = post({{"title", "HR thing"}, {"body", "x"}, {"group_id", 3}});  // ava is not in HR
    CHECK(Status(other_group) == 422);
    CHECK(FieldOf(other_group) == "group_id");
    CHECK(FieldOf(post({{"title", "Nowhere"}, {"body", "x"}, {"group_id", 99}})) == "group_id");
    CHECK(Status(PostJson(cli, root, "/api/v1/canned", json{{"title", "HR thing"}, {"body", "x"}, {"group_id", 3}}.dump())) ==
          201);  // an admin may write for any group
    CHECK(Status(post({{"title", "No body"}})) == 400);
    CHECK(Status(post({{"title", "Neg"}, {"body", "x"}, {"group_id", -1}})) == 400);
}

TEST_CASE("workspace: a canned response expands on the server exactly as the shared function does locally") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const Session liam = SignIn(cli, "liam");
    const Session ava = SignIn(cli, "ava");
    const json request = CreateRequestOk(cli, emma, VpnDraft("VPN drops every few minutes"));
    const int id = request["id"];
    REQUIRE(request["group_name"] == "Network");

    const json vpn = FindCanned(GetOk(cli, ava, "/api/v1/canned"), "VPN: reinstall the client");
    REQUIRE(vpn.is_object());
    const json expanded = GetOk(cli, ava, Path(kRequests, id, "/canned/" + std::to_string(vpn["id"].get<int>())));
    const std::string text = expanded["text"];
    CHECK(text.rfind("Hi Emma,\n", 0) == 0);
    CHECK(text.find("Ava, Network") != std::string::npos);
    CHECK(text.find("{{") == std::string::npos);
    CHECK(expanded["unknown"].empty());
    CHECK(expanded["truncated"] == false);
    CHECK(expanded["canned_id"] == vpn["id"]);

    // Every placeholder, expanded by the server and by the shared code on what the browser has.
    std::string every;
    for (std::string_view name : spoc::PlaceholderNames()) every += std::string(name) + "=[{{" + std::string(name) + "}}] ";
    auto made = PostJson(cli, ava, "/api/v1/canned", json{{"title", "All of them"}, {"body", every}}.dump());
    REQUIRE(made);
    REQUIRE_MESSAGE(made->status == 201, made->body);
    const json all = GetOk(cli, ava, Path(kRequests, id, "/canned/" + std::to_string(Body(made)["id"].get<int>())));
    auto shown = spoc::api::DecodeRequest(Get(cli, ava, Path(kRequests, id))->body);
    REQUIRE(shown.ok());
    const std::string stored = Body(made)["body"];  // as stored: trimmed
    const auto local = spoc::ExpandPlaceholders(stored, spoc::MakePlaceholderContext(*shown, UserOf(ava)));
    CHECK(all["text"] == local.text);
    CHECK(local.text.find("request.id=[" + std::to_string(id) + "]") != std::string::npos);
    CHECK(local.text.find("request.number=[" + request["number"].get<std::string>() + "]") != std::string::npos);
    CHECK(local.text.find("agent.name=[Ava Patel]") != std::string::npos);
    CHECK(local.text.find("requester.name=[Emma Jones]") != std::string::npos);
    CHECK(local.text.find("group.name=[Network]") != std::string::npos);

    // Employees: 403 on their own request, 404 on someone else's; unknown ids are 404.
    const std::string cid = "/canned/" + std::to_string(vpn["id"].get<int>());
    CHECK(Status(Get(cli, emma, Path(kRequests, id, cid))) == 403);
    CHECK(Status(Get(cli, liam, Path(kRequests, id, cid))) == 404);
    CHECK(Status(Get(cli, liam, Path(kRequests, 999999, cid))) == 404);
    CHECK(Status(Get(cli, ava, Path(kRequests, 999999, cid))) == 404);
    CHECK(Status(Get(cli, ava, Path(kRequests, id, "/canned/999999"))) == 404);
    const Session root = SignIn(cli, "root");
    const json hr = FindCanned(GetOk(cli, root, "/api/v1/canned"), "HR: payroll question handed to HR Operations");
    CHECK(Status(Get(cli, ava, Path(kRequests, id, "/canned/" + std::to_string(hr["id"].get<int>())))) == 404);
    CHECK(Status(Get(cli, root, Path(kRequests, id, "/canned/" + std::to_string(hr["id"].get<int>())))) == 200);
}

// [SECTION] Related requests and links

TEST_CASE("workspace: a request's requester and their other requests, newest first; employees can't read them") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const Session liam = SignIn(cli, "liam");
    const Session ava = SignIn(cli, "ava");
    const json first = CreateRequestOk(cli, emma, VpnDraft("First of mine"));
    const json second = CreateRequestOk(cli, emma, LaptopDraft("Second of mine"));
    const json theirs = CreateRequestOk(cli, liam, VpnDraft("Liam's own"));
    const int emma_total = GetOk(cli, emma, kRequests + "?page_size=100")["total"];

    const json related = GetOk(cli, ava, Path(kRequests, second["id"], "/related"));
    CHECK(related["requester"]["name"] == "Emma Jones");
    CHECK(related["requester"]["department"] == "Finance");
    CHECK(related["requester"]["id"] == emma.user["id"]);
    CHECK(related["other_total"] == emma_total - 1);
    const json others = related["other_requests"];
    REQUIRE(others.size() == static_cast<std::size_t>(emma_total - 1));
    CHECK(others[0]["id"] == first["id"]);  // the newest other one
    spoc::Timestamp previous = INT64_MAX;
    for (const auto& o : others) {
        CHECK(o["id"] != second["id"]);
        CHECK(o["id"] != theirs["id"]);
        const spoc::Timestamp created = Time(o, "created_at");
        CHECK(created <= previous);
        previous = created;
    }
    CHECK(related["links"].empty());

    CHECK(Status(Get(cli, emma, Path(kRequests, second["id"], "/related"))) == 403);
    CHECK(Status(Get(cli, liam, Path(kRequests, second["id"], "/related"))) == 404);
    CHECK(Status(Get(cli, liam, Path(kRequests, 999999, "/related"))) == 404);
    CHECK(Status(Get(cli, ava, Path(kRequests, 999999, "/related"))) == 404);
}

TEST_CASE("workspace: link and unlink requests; history on both; rules and employees") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const Session liam = SignIn(cli, "liam");
    const Session ava = SignIn(cli, "ava");
    const int a = CreateRequestOk(cli, emma, VpnDraft("VPN at home"))["id"];
    const int b = CreateRequestOk(cli, liam, VpnDraft("VPN at home too"))["id"];
    const std::string links_a = Path(kRequests, a, "/links");

    auto linked = PostJson(cli, ava, links_a, json{{"other_id", b}, {"kind", "relates"}}.dump());
    REQUIRE(linked);
    REQUIRE_MESSAGE(linked->status == 201, linked->body);
    const json la = Body(linked)["links"];
    REQUIRE(la.size() == 1);
    CHECK(la[0]["id"] == b);
    CHECK(la[0]["kind"] == "relates");
    CHECK(la[0]["direction"] == "outgoing");
    CHECK(la[0]["summary"] == "VPN at home too");
    // Linking again, from either end, changes nothing.
    CHECK(Status(PostJson(cli, ava, links_a, json{{"other_id", b}}.dump())) == 200);
    auto reverse = PostJson(cli, ava, Path(kRequests, b, "/links"), json{{"other_id", a}}.dump());
    CHECK(Status(reverse) == 200);
    const json lb = GetOk(cli, ava, Path(kRequests, b, "/related"))["links"];
    REQUIRE(lb.size() == 1);
    CHECK(lb[0]["id"] == a);
    CHECK(lb[0]["direction"] == "incoming");
    // History on both ends.
    bool a_has = false, b_has = false;
    const json history_a = History(cli, ava, a), history_b = History(cli, ava, b);
    for (const auto& h : history_a)
        a_has = a_has || (h["field"] == "linked" && h["new"] == "#" + std::to_string(b));
    for (const auto& h : history_b)
        b_has = b_has || (h["field"] == "linked" && h["new"] == "#" + std::to_string(a));
    CHECK(a_has);
    CHECK(b_has);

    // Rules: 422 with the field; malformed bodies 400.
    auto self = PostJson(cli, ava, links_a, json{{"other_id", a}}.dump());
    CHECK(Status(self) == 422);
    CHECK(FieldOf(self) == "other_id");
    auto dup = PostJson(cli, ava, links_a, json{{"other_id", b}, {"kind", "duplicate_of"}}.dump());
    CHECK(Status(dup) == 422);
    CHECK(FieldOf(dup) == "kind");
    auto missing = PostJson(cli, ava, links_a, json{{"other_id", 999999}}.dump());
    CHECK(Status(missing) == 422);
    CHECK(FieldOf(missing) == "other_id");
    CHECK(Status(PostJson(cli, ava, links_a, json{{"kind", "relates"}}.dump())) == 400);
    CHECK(Status(PostJson(cli, ava, Path(kRequests, 999999, "/links"), json{{"other_id", a}}.dump())) == 404);
    // Employees: 403 on their own request, 404 on another's.
    CHECK(Status(PostJson(cli, emma, links_a, json{{"other_id", b}}.dump())) == 403);
    CHECK(Status(PostJson(cli, liam, links_a, json{{"other_id", b}}.dump())) == 404);
    CHECK(Status(Delete(cli, emma, Path(kRequests, a, "/links/" + std::to_string(b)))) == 403);
    CHECK(Status(Delete(cli, liam, Path(kRequests, a, "/links/" + std::to_string(b)))) == 404);
    CHECK(GetOk(cli, ava, Path(kRequests, a, "/related"))["links"].size() == 1);  // still linked

    // Unlink from the other end; then it is gone from both.
    CHECK(Status(Delete(cli, ava, Path(kRequests, b, "/links/" + std::to_string(a)))) == 204);
    CHECK(GetOk(cli, ava, Path(kRequests, a, "/related"))["links"].empty());
    CHECK(GetOk(cli, ava, Path(kRequests, b, "/related"))["links"].empty());
    CHECK(Status(Delete(cli, ava, Path(kRequests, a, "/links/" + std::to_string(b)))) == 404);
}

// [SECTION] Merge

TEST_CASE("workspace: merge: public reply, closed source, duplicate link, internal note on the target, 409, 422") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const Session liam = SignIn(cli, "liam");
    const Session ava = SignIn(cli, "ava");
    const json source = CreateRequestOk(cli, emma, VpnDraft("VPN keeps dropping"));
    const json target = CreateRequestOk(cli, liam, VpnDraft("Liam: gateway outage in building 7"));
    const int s = source["id"], t = target["id"];
    const std::string merge = Path(kRequests, s, "/merge");
    const int target_version = GetOk(cli, ava, Path(kRequests, t))["version"];

    // Stale base_version: 409 and nothing changes.
    auto stale = PostJson(cli, ava, merge, json{{"into_id", t}, {"base_version", source["version"].get<int>() + 1}}.dump());
    CHECK(Status(stale) == 409);
    CHECK(FieldOf(stale) == "base_version");
    // Into itself or a request that does not exist: 422 into_id.
    auto self = PostJson(cli, ava, merge, json{{"into_id", s}, {"base_version", source["version"]}}.dump());
    CHECK(Status(self) == 422);
    CHECK(FieldOf(self) == "into_id");
    auto nowhere = PostJson(cli, ava, merge, json{{"into_id", 999999}, {"base_version", source["version"]}}.dump());
    CHECK(Status(nowhere) == 422);
    CHECK(FieldOf(nowhere) == "into_id");
    CHECK(Status(PostJson(cli, ava, merge, json{{"into_id", t}}.dump())) == 400);
    // Employees: 403 on their own request, 404 on someone else's.
    CHECK(Status(PostJson(cli, emma, merge, json{{"into_id", t}, {"base_version", source["version"]}}.dump())) == 403);
    CHECK(Status(PostJson(cli, liam, merge, json{{"into_id", t}, {"base_version", source["version"]}}.dump())) == 404);
    {
        const json unchanged = GetOk(cli, ava, Path(kRequests, s));
        CHECK(unchanged["version"] == source["version"]);
        CHECK(unchanged["status"] == source["status"]);
        CHECK_FALSE(unchanged.contains("comments"));
    }

    auto merged = PostJson(cli, ava, merge, json{{"into_id", t}, {"base_version", source["version"]}}.dump());
    REQUIRE(merged);
    REQUIRE_MESSAGE(merged->status == 200, merged->body);
    const json m = Body(merged);
    CHECK(m["source"]["status"] == "closed");
    CHECK(m["source"]["version"] == source["version"].get<int>() + 1);
    CHECK(m["source"].contains("closed_at"));
    CHECK(m["target"]["version"] == target_version);  // an internal note leaves the version alone
    CHECK(m["target"]["status"] == target["status"]);

    // The source: the public reply, history rows, the duplicate link.
    const json src = GetOk(cli, ava, Path(kRequests, s));
    REQUIRE(src["comments"].size() == 1);
    CHECK(src["comments"][0]["body"] == "Merged into #" + std::to_string(t) + ".");
    CHECK(src["comments"][0]["internal"] == false);
    std::map<std::string, std::string> changes;
    const json source_history = History(cli, ava, s);
    for (const auto& h : source_history) changes[h["field"].get<std::string>()] = h["new"].get<std::string>();
    CHECK(changes["status"] == "closed");
    CHECK(changes["merged_into"] == "#" + std::to_string(t));
    const json links = GetOk(cli, ava, Path(kRequests, s, "/related"))["links"];
    REQUIRE(links.size() == 1);
    CHECK(links[0]["id"] == t);
    CHECK(links[0]["kind"] == "duplicate_of");
    CHECK(links[0]["direction"] == "outgoing");
    auto undo = Delete(cli, ava, Path(kRequests, s, "/links/" + std::to_string(t)));
    CHECK(Status(undo) == 422);  // a merge's link stays
    CHECK(FieldOf(undo) == "other_id");

    // The target: an internal note naming the source, and its history.
    const json tgt = GetOk(cli, ava, Path(kRequests, t));
    REQUIRE(tgt["comments"].size() == 1);
    const std::string note = tgt["comments"][0]["body"];
    CHECK(tgt["comments"][0]["internal"] == true);
    CHECK(note == "Merged #" + std::to_string(s) + " (" + source["number"].get<std::string>() +
                      ") into this request: VPN keeps dropping");
    bool merged_from = false;
    const json target_history = History(cli, ava, t);
    for (const auto& h : target_history)
        merged_from = merged_from || (h["field"] == "merged_from" && h["new"] == "#" + std::to_string(s));
    CHECK(merged_from);

    // What the requesters see: emma the reply and the closed status, nothing of liam's request;
    // liam none of the note.
    const auto emma_view = Get(cli, emma, Path(kRequests, s));
    REQUIRE(Status(emma_view) == 200);
    CHECK(Body(emma_view)["status"] == "closed");
    CHECK(emma_view->body.find("Merged into #" + std::to_string(t)) != std::string::npos);
    CHECK(emma_view->body.find("gateway outage") == std::string::npos);
    const auto liam_view = Get(cli, liam, Path(kRequests, t));
    REQUIRE(Status(liam_view) == 200);
    CHECK(liam_view->body.find("Merged #") == std::string::npos);
    CHECK(liam_view->body.find("VPN keeps dropping") == std::string::npos);
    CHECK(Body(liam_view)["comment_count"] == 0);
    CHECK(Body(liam_view)["version"] == target_version);

    // 422s after the merge: the source is closed; merging into it (closed) or back around is refused.
    const json closed_again = GetOk(cli, ava, Path(kRequests, s));
    auto twice = PostJson(cli, ava, merge, json{{"into_id", t}, {"base_version", closed_again["version"]}}.dump());
    CHECK(Status(twice) == 422);
    CHECK(FieldOf(twice) == "status");
    const json other = CreateRequestOk(cli, emma, VpnDraft("Another VPN report"));
    auto into_closed = PostJson(cli, ava, Path(kRequests, other["id"], "/merge"),
                                json{{"into_id", s}, {"base_version", other["version"]}}.dump());
    CHECK(Status(into_closed) == 422);
    CHECK(FieldOf(into_closed) == "into_id");
    CHECK(Body(into_closed)["error"]["message"].get<std::string>().find("Closed") != std::string::npos);
    const json t_now = GetOk(cli, ava, Path(kRequests, t));
    auto loop = PostJson(cli, ava, Path(kRequests, t, "/merge"), json{{"into_id", s}, {"base_version", t_now["version"]}}.dump());
    CHECK(Status(loop) == 422);
    CHECK(FieldOf(loop) == "into_id");
    CHECK(Body(loop)["error"]["message"].get<std::string>().find("loop") != std::string::npos);
    CHECK(GetOk(cli, ava, Path(kRequests, t))["status"] == t_now["status"]);
}

// [SECTION] Bulk update

TEST_CASE("workspace: bulk update: each id checked on its own, mixed results, one writer job") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const Session ava = SignIn(cli, "ava");
    const int ava_id = ava.user["id"];
    const json vpn1 = CreateRequestOk(cli, emma, VpnDraft("VPN one"));   // assigned to ava
    const json vpn2 = CreateRequestOk(cli, emma, VpnDraft("VPN two"));   // assigned to ava
    const json desk = CreateRequestOk(cli, emma, DeskDraft("Desk move"));  // new, unassigned: can't go to In progress
    REQUIRE(vpn1["status"] == "assigned");
    REQUIRE(desk["status"] == "new");
    const int v1 = vpn1["id"], v2 = vpn2["id"], d = desk["id"];

    const std::int64_t jobs_before = WriterJobs(server);
    auto res = PostJson(cli, ava, kRequests + "/bulk",
                        json{{"ids", {v1, d, 999999, v2}}, {"patch", {{"status", "in_progress"}}}}.dump());
    const std::int64_t jobs_after = WriterJobs(server);
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    CHECK(jobs_after - jobs_before == 1);  // the whole batch in one writer job (one transaction)
    const json body = Body(res);
    CHECK(body["succeeded"] == 2);
    CHECK(body["failed"] == 2);
    const json results = body["results"];
    REQUIRE(results.size() == 4);
    CHECK(results[0]["id"] == v1);
    CHECK(results[0]["ok"] == true);
    CHECK(results[0]["version"] == vpn1["version"].get<int>() + 1);
    CHECK(results[1]["id"] == d);
    CHECK(results[1]["ok"] == false);
    CHECK(results[1]["error"]["code"] == "validation_failed");
    CHECK(results[1]["error"]["field"] == "status");
    CHECK(results[2]["ok"] == false);
    CHECK(results[2]["error"]["code"] == "not_found");
    CHECK(results[3]["id"] == v2);
    CHECK(results[3]["ok"] == true);
    // The ok ones changed (with history), the refused one did not.
    CHECK(GetOk(cli, ava, Path(kRequests, v1))["status"] == "in_progress");
    CHECK(GetOk(cli, ava, Path(kRequests, v2))["status"] == "in_progress");
    const json desk_now = GetOk(cli, ava, Path(kRequests, d));
    CHECK(desk_now["status"] == "new");
    CHECK(desk_now["version"] == desk["version"]);
    CHECK(History(cli, ava, v1).back()["new"] == "in_progress");

    // Assign in bulk: the New one becomes Assigned as PATCH would make it; a second identical
    // bulk changes nothing (same versions).
    auto assign = PostJson(cli, ava, kRequests + "/bulk", json{{"ids", {d, v1}}, {"patch", {{"assignee_id", ava_id}}}}.dump());
    REQUIRE(Status(assign) == 200);
    const json assigned = Body(assign)["results"];
    CHECK(assigned[0]["ok"] == true);
    CHECK(GetOk(cli, ava, Path(kRequests, d))["status"] == "assigned");
    auto again = PostJson(cli, ava, kRequests + "/bulk", json{{"ids", {d, v1}}, {"patch", {{"assignee_id", ava_id}}}}.dump());
    REQUIRE(Status(again) == 200);
    CHECK(Body(again)["results"][0]["version"] == assigned[0]["version"]);
    CHECK(Body(again)["results"][1]["version"] == assigned[1]["version"]);
    // Pending needs a reason, per id; an unknown group fails every id.
    auto pending = PostJson(cli, ava, kRequests + "/bulk", json{{"ids", {v1}}, {"patch", {{"status", "pending"}}}}.dump());
    REQUIRE(Status(pending) == 200);
    CHECK(Body(pending)["results"][0]["error"]["field"] == "pending_reason");
    auto group = PostJson(cli, ava, kRequests + "/bulk", json{{"ids", {v1, v2}}, {"patch", {{"group_id", 99}}}}.dump());
    REQUIRE(Status(group) == 200);
    CHECK(Body(group)["failed"] == 2);

    // Employees 403; malformed bodies 400 with the field.
    CHECK(Status(PostJson(cli, emma, kRequests + "/bulk", json{{"ids", {v1}}, {"patch", {{"status", "cancelled"}}}}.dump())) == 403);
    json many = json::array();
    for (int i = 1; i <= 201; ++i) many.push_back(i);
    auto too_many = PostJson(cli, ava, kRequests + "/bulk", json{{"ids", many}, {"patch", {{"group_id", 1}}}}.dump());
    CHECK(Status(too_many) == 400);
    CHECK(FieldOf(too_many) == "ids");
    auto twice = PostJson(cli, ava, kRequests + "/bulk", json{{"ids", {v1, v1}}, {"patch", {{"group_id", 1}}}}.dump());
    CHECK(FieldOf(twice) == "ids");
    auto nothing = PostJson(cli, ava, kRequests + "/bulk", json{{"ids", {v1}}, {"patch", json::object()}}.dump());
    CHECK(Status(nothing) == 400);
    CHECK(FieldOf(nothing) == "patch");
    CHECK(GetOk(cli, ava, Path(kRequests, v1))["group_name"] == "Network");  // none of that changed anything
}

// [SECTION] Queue sort and filter

TEST_CASE("workspace: queue sort orders and filters, with their 400s and index-backed plans") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const Session liam = SignIn(cli, "liam");
    const Session ava = SignIn(cli, "ava");
    const json high = CreateRequestOk(cli, emma, VpnDraft("VPN down for the whole floor", "high"));   // P2, Network, ava
    const json moderate = CreateRequestOk(cli, liam, VpnDraft("VPN slow", "medium"));               // P3
    const json low = CreateRequestOk(cli, emma, VpnDraft("VPN icon missing", "low"));                // P4
    const json printer = CreateRequestOk(cli, emma, LaptopDraft("Printer on the 3rd floor jams"));   // P5, IT Service Desk
    const json percent = CreateRequestOk(cli, liam, DeskDraft("Disk 100% full_after move"));          // Facilities, unassigned
    const json other = CreateRequestOk(cli, liam, DeskDraft("Disk nearly full"));
    (void)low;

    auto queue = [&](const std::string& query) { return GetOk(cli, ava, "/api/v1/queue?page_size=100&" + query); };
    const json open = queue("view=open");
    REQUIRE(open["total"].get<int>() >= 6);
    REQUIRE(open["total"].get<int>() == static_cast<int>(open["items"].size()));

    // The default is due, ascending; every order reversed is exactly desc.
    CHECK(Ids(queue("view=open&sort=due&dir=asc")) == Ids(open));
    for (const char* sort : {"due", "priority", "updated", "created", "id"}) {
        CAPTURE(sort);
        std::vector<int> asc = Ids(queue(std::string("view=open&sort=") + sort));
        std::vector<int> desc = Ids(queue(std::string("view=open&sort=") + sort + "&dir=desc"));
        REQUIRE(asc.size() == open["items"].size());
        std::reverse(desc.begin(), desc.end());
        CHECK(asc == desc);
    }
    const json by_priority = queue("view=open&sort=priority");
    for (std::size_t i = 1; i < by_priority["items"].size(); ++i)
        CHECK(PriorityRank(by_priority["items"][i - 1]["priority"]) <= PriorityRank(by_priority["items"][i]["priority"]));
    CHECK(by_priority["items"][0]["priority"] == "high");  // no P1 in this data: P2 heads it
    const json by_created = queue("view=open&sort=created&dir=desc");
    for (std::size_t i = 1; i < by_created["items"].size(); ++i)
        CHECK(Time(by_created["items"][i - 1], "created_at") >= Time(by_created["items"][i], "created_at"));
    CHECK(by_created["items"][0]["id"] == other["id"]);  // the newest
    const std::vector<int> by_id = Ids(queue("view=open&sort=id"));
    CHECK(std::is_sorted(by_id.begin(), by_id.end()));
    // Updating a request moves it to the end of sort=updated.
    auto touched = PatchRequest(cli, ava, moderate["id"], {{"base_version", moderate["version"]}, {"status", "in_progress"}});
    REQUIRE(Status(touched) == 200);
    CHECK(Ids(queue("view=open&sort=updated")).back() == moderate["id"]);

    // Filters: each one narrows to exactly the matching rows, and total counts them.
    const json open_now = queue("view=open");
    auto count_where = [&](auto pred) {
        int n = 0;
        for (const auto& item : open_now["items"]) n += pred(item) ? 1 : 0;
        return n;
    };
    const json p2 = queue("view=open&priority=high");
    CHECK(p2["total"] == count_where([](const json& i) { return i["priority"] == "high"; }));
    CHECK(p2["total"].get<int>() >= 1);
    for (const auto& item : p2["items"]) CHECK(item["priority"] == "high");
    const json pending = queue("view=open&status=pending");
    REQUIRE(pending["total"].get<int>() >= 1);  // the seeded Adobe licence request
    CHECK(Ids(pending) == Ids(queue("view=pending")));
    const json assigned = queue("view=open&status=assigned");
    CHECK(assigned["total"] == count_where([](const json& i) { return i["status"] == "assigned"; }));
    for (const auto& item : assigned["items"]) CHECK(item["status"] == "assigned");
    const json network = queue("view=open&group=2");
    CHECK(network["total"] == count_where([](const json& i) { return i.value("group_id", 0) == 2; }));
    CHECK(network["total"].get<int>() >= 3);
    const json no_group = queue("view=open&group=none");
    CHECK(no_group["total"] == count_where([](const json& i) { return !i.contains("group_id"); }));
    for (const auto& item : no_group["items"]) CHECK_FALSE(item.contains("group_id"));
    const json me = queue("view=open&assignee=me");
    CHECK(me["total"] == count_where([&](const json& i) { return i.value("assignee_id", 0) == ava.user["id"]; }));
    CHECK(me["total"].get<int>() >= 4);
    CHECK(Ids(queue("view=open&assignee=" + std::to_string(ava.user["id"].get<int>()))) == Ids(me));
    const json nobody = queue("view=open&assignee=none");
    CHECK(nobody["total"] == count_where([](const json& i) { return !i.contains("assignee_id"); }));
    CHECK(Ids(queue("view=open&q=PRINTER")) == std::vector<int>{printer["id"]});  // case-insensitive substring
    CHECK(Ids(queue("view=open&q=%25%20full_")) == std::vector<int>{percent["id"]});  // "% full_": % and _ literal
    CHECK(queue("view=open&q=%25")["total"] == 1);
    CHECK(queue("view=open&q=zzz-nothing")["total"] == 0);
    // Combined, and with a view.
    const json combined = queue("view=mine&group=2&priority=high&sort=created&dir=desc");
    CHECK(Ids(combined) == std::vector<int>{high["id"]});
    CHECK(Ids(queue("view=unassigned&q=disk&sort=id")) == std::vector<int>{percent["id"], other["id"]});

    // Every bad parameter is a 400 naming it.
    for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>>{
             {"sort=size", "sort"}, {"dir=up", "dir"}, {"priority=urgent", "priority"}, {"priority=2", "priority"},
             {"status=closed", "status"}, {"status=everything", "status"}, {"group=abc", "group"}, {"group=0", "group"},
             {"assignee=-1", "assignee"}, {"group=me", "group"}, {"q=" + std::string(101, 'x'), "q"}, {"q=a%01b", "q"},
             {"q=%FF", "q"}, {"view=all", "view"}}) {
        CAPTURE(query);
        auto res = Get(cli, ava, "/api/v1/queue?" + query);
        CHECK(Status(res) == 400);
        CHECK(FieldOf(res) == field);
    }
    CHECK(Status(Get(cli, ava, "/api/v1/queue?q=" + std::string(100, 'x'))) == 200);
    CHECK(Status(Get(cli, emma, "/api/v1/queue?sort=priority")) == 403);

    // The page's ids come from the partial indexes (default order: the view's index of 0003).
    auto plan = [&](const spoc::storage::QueueQuery& q) { return QueuePlan(server, ava, q); };
    spoc::storage::QueueQuery q;
    CHECK(plan(q).find("queue_open") != std::string::npos);
    CHECK(plan(q).find("TEMP B-TREE") == std::string::npos);  // no sort
    q.view = spoc::storage::QueueView::mine;
    CHECK(plan(q).find("queue_by_assignee") != std::string::npos);
    q.view = spoc::storage::QueueView::all_open;
    q.sort = spoc::storage::QueueSort::priority;
    CHECK(plan(q).find("queue_by_priority") != std::string::npos);
    q.descending = true;
    CHECK(plan(q).find("TEMP B-TREE") == std::string::npos);  // the same index, read backwards
    q.sort = spoc::storage::QueueSort::updated;
    CHECK(plan(q).find("queue_by_updated") != std::string::npos);
    q.sort = spoc::storage::QueueSort::created;
    CHECK(plan(q).find("queue_by_created") != std::string::npos);
    q.sort = spoc::storage::QueueSort::due;  // Pending ones only: no due times, id order, their own index
    q.descending = false;
    q.filter.status = spoc::Status::pending;
    CHECK(plan(q).find("queue_pending") != std::string::npos);
    q.filter.status = spoc::Status::new_;  // the other statuses: one index each, in queue order
    CHECK(plan(q).find("queue_new") != std::string::npos);
    CHECK(plan(q).find("TEMP B-TREE") == std::string::npos);
}

// [SECTION] Internal notes

TEST_CASE("workspace: no answer an employee can get from the workspace routes carries an internal note") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const Session ava = SignIn(cli, "ava");
    const json mine = CreateRequestOk(cli, emma, VpnDraft("VPN for the leak test"));
    const json dup = CreateRequestOk(cli, emma, VpnDraft("Same VPN problem, reported twice"));
    const int id = mine["id"], dup_id = dup["id"];
    const std::string secret = "SECRET-NOTE-7f3a";
    REQUIRE(Status(PostJson(cli, ava, Path(kRequests, id, "/comments"), json{{"body", secret}, {"internal", true}}.dump())) ==
            201);
    REQUIRE(Status(PostJson(cli, ava, Path(kRequests, dup_id, "/merge"),
                            json{{"into_id", id}, {"base_version", dup["version"]}}.dump())) == 200);  // internal note on `id`
    const json cid = FindCanned(GetOk(cli, ava, "/api/v1/canned"), "Need more information")["id"];

    std::vector<httplib::Result> answers;
    answers.push_back(Get(cli, emma, "/api/v1/canned"));
    answers.push_back(Get(cli, emma, Path(kRequests, id, "/canned/" + std::to_string(cid.get<int>()))));
    answers.push_back(Get(cli, emma, Path(kRequests, id, "/related")));
    answers.push_back(Get(cli, emma, Path(kRequests, dup_id, "/related")));
    answers.push_back(PostJson(cli, emma, Path(kRequests, id, "/links"), json{{"other_id", dup_id}}.dump()));
    answers.push_back(Delete(cli, emma, Path(kRequests, dup_id, "/links/" + std::to_string(id))));
    answers.push_back(PostJson(cli, emma, Path(kRequests, id, "/merge"), json{{"into_id", dup_id}, {"base_version", 1}}.dump()));
    answers.push_back(PostJson(cli, emma, kRequests + "/bulk", json{{"ids", {id, dup_id}}, {"patch", {{"status", "closed"}}}}.dump()));
    answers.push_back(Get(cli, emma, "/api/v1/queue?q=VPN"));
    answers.push_back(Get(cli, emma, Path(kRequests, id)));
    answers.push_back(Get(cli, emma, Path(kRequests, dup_id)));
    answers.push_back(Get(cli, emma, kRequests + "?page_size=100"));
    for (std::size_t i = 0; i < answers.size(); ++i) {
        CAPTURE(i);
        REQUIRE(answers[i]);
        CHECK(answers[i]->body.find(secret) == std::string::npos);
        CHECK(answers[i]->body.find("into this request") == std::string::npos);  // the merge note
        if (i < 9) CHECK((answers[i]->status == 403 || answers[i]->status == 404));
    }
    // The staff view does have both notes, so the checks above look at the right request.
    const json staff = GetOk(cli, ava, Path(kRequests, id));
    CHECK(staff.dump().find(secret) != std::string::npos);
    CHECK(staff.dump().find("into this request") != std::string::npos);
    const json own = Body(answers[9]);
    CHECK(own["comment_count"] == 0);
    CHECK(own["version"] == mine["version"]);  // two notes later, the employee sees the same version
}
