// Headless tests of live updates in the client: the event stream opens for the signed-in user and
// closes at sign-out; request events re-read exactly what shows that request (and not our own
// change a second time); presence heartbeats from an agent on a request, "ava is replying" hints
// from presence events; and after a 409, "Apply again" resends the change on the fresh version.
#include "fixtures.h"

using namespace fixtures;

namespace {

std::string RequestEvent(std::int64_t id, int version, const std::string& kind, Status status = Status::assigned) {
    api::RequestEvent e;
    e.id = RequestId(id);
    e.version = version;
    e.kind = kind;
    e.status = status;
    return api::EncodeRequestEvent(e, true);
}

std::string Presence(std::int64_t request, std::int64_t user, const std::string& name, const std::string& state) {
    return api::EncodePresenceEvent({RequestId(request), UserId(user), name, state});
}

}  // namespace

TEST_CASE("live: the stream opens for the signed-in user, and a request event re-reads what shows it") {
    App app;
    app.SignedIn("#/requests/7");
    CHECK(app.api.EventsOpen());
    CHECK(app.api.events_path == "/api/v1/events");
    CHECK(app.state.live.open_for == "emma");
    REQUIRE(app.api.PushEvent("ready", "{}"));
    CHECK(app.state.live.connected);

    Request r = MakeRequest(7, Status::assigned, "Laptop");
    r.version = 2;
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/7", 200, api::EncodeRequest(r)));
    app.Sync();
    REQUIRE(app.api.Count("GET", "/api/v1/requests/7") == 1);

    // A reply from the agent: the open request is read again at the next frame.
    REQUIRE(app.api.PushEvent("request", RequestEvent(7, 3, "comment")));
    app.Sync();
    CHECK(app.api.Count("GET", "/api/v1/requests/7") == 2);
    // Events for another request leave this one alone (its list is marked for later).
    r.version = 3;
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/7", 200, api::EncodeRequest(r)));
    REQUIRE(app.api.PushEvent("request", RequestEvent(99, 1, "created")));
    app.Sync();
    CHECK(app.api.Count("GET", "/api/v1/requests/7") == 2);
    CHECK(app.state.requests.stale);
    // An update we already have (same version) is not read twice.
    REQUIRE(app.api.PushEvent("request", RequestEvent(7, 3, "updated")));
    app.Sync();
    CHECK(app.api.Count("GET", "/api/v1/requests/7") == 2);
    // A newer one is.
    REQUIRE(app.api.PushEvent("request", RequestEvent(7, 4, "updated", Status::in_progress)));
    app.Sync();
    CHECK(app.api.Count("GET", "/api/v1/requests/7") == 3);
    // Garbage in the stream changes nothing and does not crash.
    REQUIRE(app.api.PushEvent("request", "{not json"));
    REQUIRE(app.api.PushEvent("presence", R"({"request_id":"x"})"));
    REQUIRE(app.api.PushEvent("mystery", "{}"));
    app.Sync();
    CHECK(app.api.Count("GET", "/api/v1/requests/7") == 3);
    CHECK(app.state.live.events == 4);  // the four well-formed request events

    // A drop shows as disconnected until "ready" comes again.
    REQUIRE(app.api.PushEvent("closed", ""));
    CHECK_FALSE(app.state.live.connected);
    CHECK(app.state.live.drops == 1);
    REQUIRE(app.api.PushEvent("ready", "{}"));
    CHECK(app.state.live.connected);

    // Employees never announce presence.
    CHECK(app.api.Count("POST", "/api/v1/requests/7/presence") == 0);

    // Sign-out closes the stream; the next user gets their own.
    app.actions.SignOut();
    app.Sync();
    CHECK_FALSE(app.api.EventsOpen());
    CHECK(app.api.events_closed == 1);
    CHECK(app.state.live.open_for.empty());
}

TEST_CASE("live: the queue follows events, and resync re-reads everything shown") {
    App app;
    SignedInAs(app, Agent(), "#/queue?view=open");
    REQUIRE(app.api.Count("GET", "/api/v1/queue?view=open") == 1);
    REQUIRE(app.api.Answer("GET", "/api/v1/queue", 200, api::EncodeRequestPage(Page({}, 0, 1, 50))));
    app.Sync();
    REQUIRE(app.api.PushEvent("request", RequestEvent(12, 1, "created")));
    app.Sync();
    CHECK(app.api.Count("GET", "/api/v1/queue?view=open") == 2);
    // Several events while a load is in flight cost one more load, not one each.
    REQUIRE(app.api.PushEvent("request", RequestEvent(13, 1, "created")));
    REQUIRE(app.api.PushEvent("request", RequestEvent(14, 1, "created")));
    app.Sync();
    CHECK(app.api.Count("GET", "/api/v1/queue?view=open") == 2);
    REQUIRE(app.api.Answer("GET", "/api/v1/queue", 200, api::EncodeRequestPage(Page({}, 0, 1, 50))));
    app.Sync();
    CHECK(app.api.Count("GET", "/api/v1/queue?view=open") == 3);
    REQUIRE(app.api.Answer("GET", "/api/v1/queue", 200, api::EncodeRequestPage(Page({}, 0, 1, 50))));
    app.Sync();
    CHECK(app.api.Count("GET", "/api/v1/queue?view=open") == 3);
    REQUIRE(app.api.PushEvent("resync", "{}"));
    app.Sync();
    CHECK(app.api.Count("GET", "/api/v1/queue?view=open") == 4);
}

TEST_CASE("live: an agent on a request says so, sees who else is there, and says when they leave") {
    App app;
    SignedInAs(app, Agent(), "#/requests/7");
    Request r = MakeRequest(7, Status::assigned, "Laptop");
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/7", 200, api::EncodeRequest(r)));
    app.Sync();
    const auto* said = app.api.Last("POST", "/api/v1/requests/7/presence");
    REQUIRE(said);
    CHECK(said->request.body == R"({"state":"viewing"})");
    CHECK(said->Header("X-CSRF-Token") == "csrf-agent");
    // The answer lists who is already there.
    REQUIRE(app.api.Answer("POST", "/api/v1/requests/7/presence", 200,
                           api::EncodePresenceAnswer({{RequestId(7), UserId(4), "Spoc Admin", "viewing"}})));
    RequestDetailViewModel vm = BuildRequestDetail(app.state, RequestId(7), app.clock);
    REQUIRE(vm.viewers.size() == 1);
    CHECK(vm.viewers[0] == "Spoc Admin is viewing");
    CHECK_FALSE(vm.someone_replying);

    // Events: the admin starts replying; my own other tab is not "someone else".
    REQUIRE(app.api.PushEvent("presence", Presence(7, 4, "Spoc Admin", "replying")));
    REQUIRE(app.api.PushEvent("presence", Presence(7, 3, "Ava Patel", "viewing")));
    vm = BuildRequestDetail(app.state, RequestId(7), app.clock);
    REQUIRE(vm.viewers.size() == 1);
    CHECK(vm.viewers[0] == "Spoc Admin is replying\xE2\x80\xA6");
    CHECK(vm.someone_replying);

    // Nothing more is said until the state changes or the heartbeat is due.
    app.Sync();
    CHECK(app.api.Count("POST", "/api/v1/requests/7/presence") == 1);
    app.actions.EditReply(RequestId(7), "On it");
    app.Sync();
    REQUIRE(app.api.Count("POST", "/api/v1/requests/7/presence") == 2);
    CHECK(app.api.Last("POST", "/api/v1/requests/7/presence")->request.body == R"({"state":"replying"})");
    REQUIRE(app.api.Answer("POST", "/api/v1/requests/7/presence", 200, api::EncodePresenceAnswer({})));
    app.clock.now += Effects::kPresenceEveryMs;
    app.Sync();
    CHECK(app.api.Count("POST", "/api/v1/requests/7/presence") == 3);  // the heartbeat, left unanswered

    // The admin leaves.
    REQUIRE(app.api.PushEvent("presence", Presence(7, 4, "Spoc Admin", "left")));
    CHECK(BuildRequestDetail(app.state, RequestId(7), app.clock).viewers.empty());

    // Leaving the request says "left" once, after the heartbeat on its way: never before it, or a
    // late "replying" would keep this agent on the request until it expires.
    app.Go("#/queue");
    CHECK(app.api.Count("POST", "/api/v1/requests/7/presence") == 3);
    REQUIRE(app.api.Answer("POST", "/api/v1/requests/7/presence", 200, api::EncodePresenceAnswer({})));
    REQUIRE(app.api.Count("POST", "/api/v1/requests/7/presence") == 4);
    CHECK(app.api.Last("POST", "/api/v1/requests/7/presence")->request.body == R"({"state":"left"})");
    app.Sync();
    CHECK(app.api.Count("POST", "/api/v1/requests/7/presence") == 4);
}

TEST_CASE("live: after a 409 the change can be applied again on the fresh version") {
    App app;
    SignedInAs(app, Agent(), "#/requests/7");
    Request r = MakeRequest(7, Status::assigned, "Laptop");
    r.assignee_id = UserId(3);
    r.assignee_name = "Ava Patel";
    r.version = 3;
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/7", 200, api::EncodeRequest(r)));
    app.actions.ChangeStatus(RequestId(7), Status::in_progress);
    REQUIRE(app.api.Answer("PATCH", "/api/v1/requests/7", 409,
                           R"({"error":{"code":"conflict","message":"changed","field":"base_version"}})"));
    // Until the fresh version is here, there is nothing to apply it to.
    RequestDetailViewModel vm = BuildRequestDetail(app.state, RequestId(7), app.clock);
    CHECK_FALSE(vm.can_reapply);
    app.actions.ReapplyChange(RequestId(7));
    CHECK(app.api.Count("PATCH", "/api/v1/requests/7") == 1);
    app.Sync();
    r.version = 4;
    r.impact = Level::high;  // what the other agent changed
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/7", 200, api::EncodeRequest(r)));
    vm = BuildRequestDetail(app.state, RequestId(7), app.clock);
    CHECK(vm.can_reapply);
    app.actions.ReapplyChange(RequestId(7));
    REQUIRE(app.api.Count("PATCH", "/api/v1/requests/7") == 2);
    auto patch = api::DecodeRequestPatch(app.api.Last("PATCH", "/api/v1/requests/7")->request.body);
    REQUIRE(patch.ok());
    CHECK(patch->base_version == 4);
    CHECK(patch->status == Status::in_progress);

    // If the other agent already made the same change, there is nothing to send.
    r.status = Status::in_progress;
    r.version = 5;
    REQUIRE(app.api.Answer("PATCH", "/api/v1/requests/7", 409,
                           R"({"error":{"code":"conflict","message":"changed","field":"base_version"}})"));
    app.Sync();
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/7", 200, api::EncodeRequest(r)));
    app.actions.ReapplyChange(RequestId(7));
    CHECK(app.api.Count("PATCH", "/api/v1/requests/7") == 2);
    CHECK_FALSE(BuildRequestDetail(app.state, RequestId(7), app.clock).can_reapply);
}
