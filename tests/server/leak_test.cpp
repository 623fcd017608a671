// The internal-note leak sweep over real HTTP: staff write an internal note, a public reply, a
// canned response, a link and a merge (whose internal note quotes another employee's request) on
// an employee's request, each carrying a unique marker; then the employee calls EVERY GET route
// in the router's table (so a route added later is swept without touching this file) and reads
// their live event stream, fresh and replayed, and no marker, note frame or foreign request
// appears. The same calls as the agent do show each marker, so the sweep looks where it should.
#include <doctest/doctest.h>

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <set>

#include "shared/api/routes.h"
#include "test_support.h"

using namespace spoc::test;

namespace {

const std::string kRequests = "/api/v1/requests";

// Markers: each appears in one thing staff may read and the requester may not.
const std::string kNoteMarker = "SECRET-NOTE-7f3a";     // an internal note on the employee's request
const std::string kMergedMarker = "LIAM-MERGED-2b9c";   // summary of liam's request merged into it
const std::string kLinkedMarker = "LIAM-LINKED-4d8e";   // summary of liam's request linked to it
const std::string kCannedMarker = "CANNED-SECRET-91b2"; // body of a canned response expanded on it
const std::string kPublicReply = "Your laptop is on order (public-reply-c3d1).";

std::string RequestPath(int id, const std::string& rest = "") { return kRequests + "/" + std::to_string(id) + rest; }

json CreateOk(httplib::Client& cli, const Session& s, const std::string& path, const json& body) {
    auto res = PostJson(cli, s, path, body.dump());
    REQUIRE(res);
    REQUIRE_MESSAGE((res->status == 200 || res->status == 201), (path + " -> " + res->body));
    return Body(res);
}

json Draft(const std::string& summary) {
    json d = ValidLaptopDraft();
    d["summary"] = summary;
    return d;
}

std::string Needle(int id, const std::string& kind) {
    return "\"id\":" + std::to_string(id) + ",\"kind\":\"" + kind + "\"";
}

// `pattern` with every {name} replaced from `values`; false when a name has no value.
bool Expand(const std::string& pattern, const std::map<std::string, int>& values, std::string* out) {
    out->clear();
    for (size_t i = 0; i < pattern.size();) {
        if (pattern[i] != '{') {
            *out += pattern[i++];
            continue;
        }
        const size_t close = pattern.find('}', i);
        if (close == std::string::npos) return false;
        auto it = values.find(pattern.substr(i + 1, close - i - 1));
        if (it == values.end()) return false;
        *out += std::to_string(it->second);
        i = close + 1;
    }
    return true;
}

}  // namespace

TEST_CASE("leak sweep: no GET route and no event stream shows an employee what staff wrote for staff") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const Session liam = SignIn(cli, "liam");
    const Session ava = SignIn(cli, "ava");
    EventStream emma_live(server.port(), emma), ava_live(server.port(), ava);
    REQUIRE(emma_live.WaitFor("event: ready"));
    REQUIRE(ava_live.WaitFor("event: ready"));

    // [SECTION] What staff do on emma's request
    const json mine = CreateOk(cli, emma, kRequests, Draft("Laptop for the leak sweep"));
    const int id = mine["id"];
    const json merged_away = CreateOk(cli, liam, kRequests, Draft("Liam's twin " + kMergedMarker));
    const json linked = CreateOk(cli, liam, kRequests, Draft("Liam's related " + kLinkedMarker));
    const int merged_id = merged_away["id"], linked_id = linked["id"];

    CreateOk(cli, ava, RequestPath(id, "/comments"), {{"body", kNoteMarker + " warranty check"}, {"internal", true}});
    REQUIRE(ava_live.WaitFor(Needle(id, "note")));  // the note was published while emma listened
    CreateOk(cli, ava, RequestPath(id, "/comments"), {{"body", kPublicReply}, {"internal", false}});
    const json canned = CreateOk(cli, ava, spoc::routes::kCanned,
                                 {{"title", "Leak sweep canned"}, {"body", "Hi {{requester.first_name}}, " + kCannedMarker}});
    const int canned_id = canned["id"];
    CreateOk(cli, ava, RequestPath(id, "/links"), {{"other_id", linked_id}});
    CreateOk(cli, ava, RequestPath(merged_id, "/merge"), {{"into_id", id}, {"base_version", merged_away["version"]}});
    const json bulk = CreateOk(cli, ava, spoc::routes::kRequestsBulk,
                               {{"ids", {id, linked_id}}, {"patch", {{"status", "in_progress"}}}});
    for (const auto& r : bulk["results"]) CHECK_MESSAGE(r["ok"] == true, r.dump());
    // A request of emma's created last: once its frame reached her stream, every earlier one has.
    const json last = CreateOk(cli, emma, kRequests, Draft("Leak sweep: the last event"));
    REQUIRE(emma_live.WaitFor(Needle(last["id"], "created")));
    REQUIRE(ava_live.WaitFor(Needle(last["id"], "created")));

    // [SECTION] Every GET route, as emma and as ava
    const std::map<std::string, int> values = {{"id", id}, {"cid", canned_id}, {"other", linked_id}};
    std::vector<std::string> paths;
    bool saw_events = false, saw_history = false;
    for (const auto& [method, pattern] : server.server().Routes()) {
        if (method != "GET") continue;
        if (pattern == spoc::routes::kEvents) {  // a stream: read below
            saw_events = true;
            continue;
        }
        std::string path;
        REQUIRE_MESSAGE(Expand(pattern, values, &path), "no value for a placeholder of ", pattern);
        paths.push_back(path);
        saw_history = saw_history || pattern == kRequests + "/{id}/history";
        // Ids of other kinds (catalog items, articles) are tried with an id that exists, too.
        if (pattern.rfind(kRequests, 0) != 0 && pattern.find('{') != std::string::npos) {
            Expand(pattern, {{"id", 1}, {"cid", canned_id}, {"other", linked_id}}, &path);
            paths.push_back(path);
        }
    }
    REQUIRE(saw_events);
    REQUIRE(saw_history);
    REQUIRE(paths.size() >= 25);
    // Query strings that make routes search or list more widely.
    for (const char* extra : {"/api/v1/requests?status=all&page_size=100", "/api/v1/queue?view=open&q=warranty&page_size=100",
                              "/api/v1/kb/search?q=warranty", "/api/v1/notifications?limit=100"})
        paths.push_back(extra);

    const std::vector<std::string> markers = {kNoteMarker, kMergedMarker, kLinkedMarker, kCannedMarker};
    std::map<std::string, std::string> staff_bodies;  // path -> ava's answer
    for (const std::string& path : paths) {
        CAPTURE(path);
        auto as_emma = Get(cli, emma, path);
        REQUIRE(as_emma);
        CHECK(as_emma->status < 500);
        for (const std::string& marker : markers) {
            CAPTURE(marker);
            CHECK(as_emma->body.find(marker) == std::string::npos);
        }
        CHECK(as_emma->body.find("into this request") == std::string::npos);  // the merge note's wording
        auto as_ava = Get(cli, ava, path);
        REQUIRE(as_ava);
        CHECK(as_ava->status < 500);
        staff_bodies[path] = as_ava->body;
    }

    // The same routes show ava each marker where it belongs, so the sweep above can fail.
    auto staff_sees = [&](const std::string& path, const std::string& marker) {
        CAPTURE(path);
        CAPTURE(marker);
        REQUIRE(staff_bodies.count(path) == 1);
        CHECK(staff_bodies[path].find(marker) != std::string::npos);
    };
    staff_sees(RequestPath(id), kNoteMarker);
    staff_sees(RequestPath(id), kMergedMarker);
    staff_sees(RequestPath(id, "/related"), kLinkedMarker);
    staff_sees(spoc::routes::kCanned, kCannedMarker);
    staff_sees(RequestPath(id, "/canned/" + std::to_string(canned_id)), kCannedMarker);

    // Emma does read her own request: the public reply, a count without the notes, and the
    // version she saw before the notes (only the public reply and the bulk change bumped it).
    auto own = Get(cli, emma, RequestPath(id));
    REQUIRE(own);
    REQUIRE(own->status == 200);
    const json own_body = Body(own);
    CHECK(own->body.find(kPublicReply) != std::string::npos);
    CHECK(own_body["comment_count"] == 1);
    REQUIRE(own_body["comments"].size() == 1);
    CHECK(own_body["comments"][0]["internal"] == false);
    const json staff_view = Body(Get(cli, ava, RequestPath(id)));
    CHECK(staff_view["comment_count"] == 3);  // the note, the reply, the merge note
    CHECK(own_body["version"] == staff_view["version"]);

    // The history is staff-only: emma gets 403 without a word of it; ava gets the merge and the
    // link but never a note's text (notes are comments, not field changes).
    auto history = Get(cli, emma, RequestPath(id, "/history"));
    REQUIRE(history);
    CHECK(history->status == 403);
    CHECK(history->body.find("merged_from") == std::string::npos);
    const std::string& staff_history = staff_bodies[RequestPath(id, "/history")];
    CHECK(staff_history.find("merged_from") != std::string::npos);
    CHECK(staff_history.find(kNoteMarker) == std::string::npos);

    // [SECTION] The event streams
    const int last_id = last["id"];
    auto check_employee_stream = [&](const std::string& text) {
        for (const std::string& marker : markers) CHECK(text.find(marker) == std::string::npos);
        std::set<int> ids;
        for (const json& e : EventsOf(text, "request")) {
            CAPTURE(e.dump());
            REQUIRE(e.is_object());
            CHECK(e["kind"] != "note");
            CHECK_FALSE(e.contains("actor_id"));
            CHECK_FALSE(e.contains("assignee_id"));
            ids.insert(e["id"].get<int>());
        }
        CHECK(ids == std::set<int>{id, last_id});  // never liam's requests
        CHECK(text.find("event: presence") == std::string::npos);
    };
    const std::string emma_text = emma_live.Text();
    check_employee_stream(emma_text);
    CHECK(emma_text.find(Needle(id, "comment")) != std::string::npos);  // the public reply did arrive
    // Staff got the note frames (the note, and the merge's note on the target) and liam's changes.
    const std::string ava_text = ava_live.Text();
    int notes = 0;
    for (const json& e : EventsOf(ava_text, "request")) notes += e["id"] == id && e["kind"] == "note";
    CHECK(notes == 2);
    CHECK(ava_text.find(Needle(merged_id, "updated")) != std::string::npos);

    // A stream resumed from the first event replays the same history through the same filter.
    EventStream replayed(server.port(), emma, "1");
    REQUIRE(replayed.WaitFor(Needle(last_id, "created")));
    check_employee_stream(replayed.Text());
    EventStream staff_replayed(server.port(), ava, "1");
    REQUIRE(staff_replayed.WaitFor(Needle(last_id, "created")));
    CHECK(staff_replayed.Text().find(Needle(id, "note")) != std::string::npos);
}
