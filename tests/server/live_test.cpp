// Live updates over real HTTP: GET /api/v1/events streams (server-sent events) read by a real
// client on its own thread. Staff see every request change and presence; a requester sees public
// changes of their own requests only (never an internal note, never presence, never someone
// else's request); Last-Event-ID replays what a reconnecting stream missed; streams are capped;
// connections past descriptor 1024 (FD_SETSIZE: about 1,000 open streams) are still served.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>

#include "test_support.h"

using namespace spoc::test;

namespace {

bool HasRequestEvent(const std::string& text, int id, const std::string& kind) {
    for (const json& e : EventsOf(text, "request"))
        if (e["id"] == id && e["kind"] == kind) return true;
    return false;
}

std::string Needle(int id, const std::string& kind) {
    return "\"id\":" + std::to_string(id) + ",\"kind\":\"" + kind + "\"";
}

json Create(httplib::Client& cli, const Session& s) {
    auto res = PostJson(cli, s, "/api/v1/requests", ValidLaptopDraft().dump());
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 201, res->body);
    return Body(res);
}

json Comment(httplib::Client& cli, const Session& s, int id, const std::string& text, bool internal) {
    auto res = PostJson(cli, s, "/api/v1/requests/" + std::to_string(id) + "/comments",
                        json{{"body", text}, {"internal", internal}}.dump());
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 201, res->body);
    return Body(res);
}

}  // namespace

TEST_CASE("live: staff see every change; the requester sees public ones only, and nobody else sees them") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const Session liam = SignIn(cli, "liam");
    const Session ava = SignIn(cli, "ava");
    EventStream emma_live(server.port(), emma), liam_live(server.port(), liam), ava_live(server.port(), ava);
    REQUIRE(emma_live.WaitFor("event: ready"));
    REQUIRE(liam_live.WaitFor("event: ready"));
    REQUIRE(ava_live.WaitFor("event: ready"));
    CHECK(emma_live.Status() == 200);
    CHECK(emma_live.ContentType().rfind("text/event-stream", 0) == 0);

    const json created = Create(cli, emma);
    const int id = created["id"];
    CHECK(ava_live.WaitFor(Needle(id, "created")));
    CHECK(emma_live.WaitFor(Needle(id, "created")));

    Comment(cli, ava, id, "Checking the warranty; do not tell the requester yet.", true);
    CHECK(ava_live.WaitFor(Needle(id, "note")));
    Comment(cli, ava, id, "Your laptop is on order.", false);
    CHECK(ava_live.WaitFor(Needle(id, "comment")));
    CHECK(emma_live.WaitFor(Needle(id, "comment")));

    auto started = PatchRequest(cli, ava, id, {{"base_version", created["version"].get<int>() + 1}, {"status", "in_progress"}});
    REQUIRE(started);
    REQUIRE_MESSAGE(started->status == 200, started->body);
    const int version = Body(started)["version"];
    CHECK(emma_live.WaitFor(Needle(id, "updated")));
    CHECK(ava_live.WaitFor(Needle(id, "updated")));

    // The staff frame names the assignee and the actor; the requester's frame does not.
    for (const json& e : EventsOf(ava_live.Text(), "request"))
        if (e["kind"] == "updated") {
            CHECK(e["version"] == version);
            CHECK(e["status"] == "in_progress");
            CHECK(e["actor_id"] == ava.user["id"]);
            CHECK(e.contains("assignee_id"));
        }
    for (const json& e : EventsOf(emma_live.Text(), "request")) {
        CHECK(e["id"] == id);
        CHECK(e["kind"] != "note");
        CHECK_FALSE(e.contains("actor_id"));
        CHECK_FALSE(e.contains("assignee_id"));
    }
    // A note is published after the reply and the update above, so had it been sent to emma it
    // would be in her stream by now.
    const std::string emma_text = emma_live.Text();
    CHECK_FALSE(HasRequestEvent(emma_text, id, "note"));
    CHECK(emma_text.find("warranty") == std::string::npos);
    CHECK(EventsOf(emma_text, "request").size() == 3);  // created, comment, updated

    // Liam's stream heard nothing of emma's request.
    CHECK(EventsOf(liam_live.Text(), "request").empty());
    // ... though it is live: his own request reaches him.
    const json his = Create(cli, liam);
    CHECK(liam_live.WaitFor(Needle(his["id"], "created")));
    CHECK_FALSE(HasRequestEvent(emma_live.Text(), his["id"], "created"));
}

TEST_CASE("live: presence is for staff, and a stream resumes from Last-Event-ID") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const Session ava = SignIn(cli, "ava");
    const Session root = SignIn(cli, "root");
    const json created = Create(cli, emma);
    const int id = created["id"];
    const std::string presence = "/api/v1/requests/" + std::to_string(id) + "/presence";

    EventStream root_live(server.port(), root), emma_live(server.port(), emma);
    REQUIRE(root_live.WaitFor("event: ready"));
    REQUIRE(emma_live.WaitFor("event: ready"));

    auto viewing = PostJson(cli, ava, presence, R"({"state":"viewing"})");
    REQUIRE(viewing);
    REQUIRE_MESSAGE(viewing->status == 200, viewing->body);
    CHECK(Body(viewing)["viewers"].empty());  // nobody else yet
    REQUIRE(root_live.WaitFor("\"name\":\"Ava Patel\",\"request_id\":" + std::to_string(id) + ",\"state\":\"viewing\""));

    auto root_view = PostJson(cli, root, presence, R"({"state":"viewing"})");
    REQUIRE(root_view);
    REQUIRE(root_view->status == 200);
    const json viewers = Body(root_view)["viewers"];
    REQUIRE(viewers.size() == 1);
    CHECK(viewers[0]["name"] == "Ava Patel");
    CHECK(viewers[0]["state"] == "viewing");

    REQUIRE(PostJson(cli, ava, presence, R"({"state":"replying"})")->status == 200);
    CHECK(root_live.WaitFor("\"state\":\"replying\""));
    // A repeated heartbeat with the same state publishes nothing new.
    const size_t before = EventsOf(root_live.Text(), "presence").size();
    REQUIRE(PostJson(cli, ava, presence, R"({"state":"replying"})")->status == 200);
    REQUIRE(PostJson(cli, ava, presence, R"({"state":"left"})")->status == 200);
    CHECK(root_live.WaitFor("\"state\":\"left\""));
    CHECK(EventsOf(root_live.Text(), "presence").size() == before + 1);

    // Employees neither send nor receive presence; bad states and unknown requests are refused.
    auto refused = PostJson(cli, emma, presence, R"({"state":"viewing"})");
    REQUIRE(refused);
    CHECK(refused->status == 403);
    auto bad = PostJson(cli, ava, presence, R"({"state":"typing"})");
    REQUIRE(bad);
    CHECK(bad->status == 400);
    CHECK(Body(bad)["error"]["field"] == "state");
    auto missing = PostJson(cli, ava, "/api/v1/requests/999999/presence", R"({"state":"viewing"})");
    REQUIRE(missing);
    CHECK(missing->status == 404);
    CHECK(EventsOf(emma_live.Text(), "presence").empty());

    // Resume: a stream opened with the id of the first presence event gets everything after it.
    const std::string text = root_live.Text();
    const size_t first_id_at = text.find("id: ");
    REQUIRE(first_id_at != std::string::npos);
    const std::string first_id = text.substr(first_id_at + 4, text.find('\n', first_id_at) - first_id_at - 4);
    EventStream resumed(server.port(), root, first_id);
    REQUIRE(resumed.WaitFor("\"state\":\"left\""));
    CHECK(EventsOf(resumed.Text(), "presence").size() == EventsOf(text, "presence").size() - 1);
    // An id from before anything the server remembers asks the client to start over.
    EventStream ancient(server.port(), root, "1");
    CHECK(ancient.WaitFor("event: ready"));
    // (1 is still in the ring here, so it replays instead.)
    CHECK(ancient.WaitFor("\"state\":\"left\""));
    auto bad_id = cli.Get("/api/v1/events", {{"Cookie", "spoc_session=" + root.token}, {"Last-Event-ID", "x1"}});
    REQUIRE(bad_id);
    CHECK(bad_id->status == 400);
}

TEST_CASE("live: a user may hold a few streams, and streams need a session") {
    TestServer server;
    auto cli = server.Client();
    auto anonymous = cli.Get("/api/v1/events");
    REQUIRE(anonymous);
    CHECK(anonymous->status == 401);

    const Session emma = SignIn(cli, "emma");
    std::vector<std::unique_ptr<EventStream>> streams;
    for (int i = 0; i < 8; ++i) {
        streams.push_back(std::make_unique<EventStream>(server.port(), emma));
        REQUIRE(streams.back()->WaitFor("event: ready"));
    }
    EventStream ninth(server.port(), emma);
    REQUIRE(ninth.WaitEnded());
    CHECK(ninth.Status() == 429);
    CHECK(ninth.Text().find("rate_limited") != std::string::npos);
    // Closing one frees a place.
    streams.back()->Close();
    streams.pop_back();
    bool reopened = false;
    for (int attempt = 0; attempt < 50 && !reopened; ++attempt) {
        EventStream again(server.port(), emma);
        reopened = again.WaitFor("event: ready");
        if (!reopened) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    CHECK(reopened);
    // Ordinary requests are still served while eight streams hold their connections.
    auto list = Get(cli, emma, "/api/v1/requests");
    REQUIRE(list);
    CHECK(list->status == 200);
}

TEST_CASE("live: connections on descriptors past FD_SETSIZE are served (poll, not select)") {
    // About 1,000 open streams push new sockets past descriptor 1024, which select() can't watch:
    // httplib then dropped those connections unanswered. Here filler descriptors do the same.
    rlimit limit{};
    REQUIRE(getrlimit(RLIMIT_NOFILE, &limit) == 0);
    if (limit.rlim_cur < 2048 && limit.rlim_max >= 2048) {
        limit.rlim_cur = 2048;
        REQUIRE(setrlimit(RLIMIT_NOFILE, &limit) == 0);
    }
    if (limit.rlim_cur < 2048) {
        MESSAGE("skipped: the open-file limit is below 2048 (" << limit.rlim_cur << ")");
        return;
    }
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    std::vector<int> fillers;
    while (fillers.empty() || fillers.back() < 1100) {
        const int fd = open("/dev/null", O_RDONLY);
        if (fd < 0) break;
        fillers.push_back(fd);
    }
    REQUIRE(!fillers.empty());
    REQUIRE(fillers.back() >= 1100);
    {
        httplib::Client fresh("127.0.0.1", server.port());  // a new connection: descriptors past 1100 at both ends
        auto health = fresh.Get("/api/v1/health");
        CHECK(health);
        if (health) CHECK(health->status == 200);
        EventStream live(server.port(), emma);
        CHECK(live.WaitFor("event: ready"));
        auto created = PostJson(fresh, emma, "/api/v1/requests", ValidLaptopDraft().dump());
        REQUIRE(created);
        REQUIRE(created->status == 201);
        CHECK(live.WaitFor(Needle(Body(created)["id"], "created")));
    }
    for (int fd : fillers) close(fd);
}
