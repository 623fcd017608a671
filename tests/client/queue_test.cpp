// Headless tests of the agent queue as one scrolling list: blocks of rows load as they scroll into
// view (100,000 rows), sortable columns and filters in the URL, the search box applied after a
// pause, ticking rows for a bulk change (per-row answers), and the keyboard: j/k, Enter, x, a.
#include "fixtures.h"

using namespace fixtures;

namespace {

// Rows first..first+count-1 of a long view: request ids 1000+index, so a row's id tells its place.
api::RequestPage Block(int first, int count, int total) {
    std::vector<Request> rows;
    for (int i = first; i < first + count && i < total; ++i) {
        Request r = MakeRequest(1000 + i, Status::assigned, "Row " + std::to_string(i));
        r.resolution_due_at = kNow + 3600000LL * (i + 2);
        r.version = 4;
        rows.push_back(std::move(r));
    }
    return Page(std::move(rows), total, first / QueueState::kBlockRows + 1, QueueState::kBlockRows);
}

const std::string kFirstBlock = "/api/v1/queue?view=open&sort=due&dir=asc&page=1&page_size=100";

// Answers every queue GET still out, each with the block its page= asks for, until none is left
// (answers may start more loads). Returns how many it answered.
int AnswerQueueLoads(App& app, int total) {
    int answered = 0;
    for (bool again = true; again;) {
        again = false;
        for (const FakeApi::Sent& s : app.api.sent) {
            if (s.answered || s.request.path.rfind("/api/v1/queue?", 0) != 0) continue;
            const size_t at = s.request.path.find("&page=");
            const int page = std::stoi(s.request.path.substr(at + 6));
            const std::string path = s.request.path;
            REQUIRE(app.api.Answer("GET", path, 200, api::EncodeRequestPage(Block((page - 1) * 100, 100, total))));
            app.Sync();
            ++answered;
            again = true;
            break;  // Sync may have grown `sent`
        }
    }
    return answered;
}

int VisibleRowHooks() {
    int n = 0;
    for (const ui::hooks::HookedItem& item : ui::hooks::LastFrameItems())
        n += item.id.rfind("qrow_", 0) == 0;
    return n;
}

}  // namespace

TEST_CASE("queue: routes carry view, order and filters; the search text is percent-encoded") {
    for (const char* hash : {"#/queue", "#/queue?view=mine", "#/queue?sort=priority&dir=desc",
                             "#/queue?view=pending&priority=high&status=pending&q=vpn%20down%2Fcaf%C3%A9"}) {
        CAPTURE(hash);
        CHECK(FormatRoute(ParseRoute(hash)) == hash);
    }
    const Route r = ParseRoute("#/queue?q=caf%C3%A9+bar&sort=bogus&priority=urgent&status=closed&page=4");
    CHECK(r.queue_q == "caf\xC3\xA9 bar");
    CHECK(r.queue_sort == "due");        // unknown values fall back to the defaults
    CHECK(r.queue_priority.empty());
    CHECK(r.queue_status.empty());       // queues only list open requests
    CHECK(FormatRoute(r) == "#/queue?q=caf%C3%A9%20bar");
    CHECK(PercentDecode("100%") == "100%");  // a cut escape stays as typed
}

TEST_CASE("queue: 100,000 rows scroll as blocks that load when they come into view") {
    App app;
    SignedInAs(app, Agent(), "#/queue");
    REQUIRE(app.api.Count("GET", kFirstBlock) == 1);
    REQUIRE(app.api.Answer("GET", "/api/v1/queue", 200, api::EncodeRequestPage(Block(0, 100, 100000))));
    app.Sync();
    const QueueViewModel vm = BuildQueue(app.state, app.clock);
    CHECK(vm.total == 100000);
    CHECK(vm.count_text == "100,000 requests");
    REQUIRE(BuildQueueRow(app.state, 99, app.clock));
    CHECK(BuildQueueRow(app.state, 99, app.clock)->id == RequestId(1099));
    CHECK_FALSE(BuildQueueRow(app.state, 100, app.clock));  // not loaded yet: the UI draws a placeholder
    // The next block is fetched before it scrolls into view.
    CHECK(app.api.Count("GET", "/api/v1/queue?view=open&sort=due&dir=asc&page=2&") == 1);
    AnswerQueueLoads(app, 100000);
    CHECK(BuildQueueRow(app.state, 100, app.clock));

    // Scrolled to the middle: the block in view and its neighbours load, nothing in between.
    const int before = app.api.Count("GET", "/api/v1/queue");
    app.actions.SetQueueVisible(50010, 50025);
    app.Sync();
    CHECK(app.api.Count("GET", "/api/v1/queue?view=open&sort=due&dir=asc&page=501&") == 1);
    CHECK(AnswerQueueLoads(app, 100000) == 3);
    CHECK(app.api.Count("GET", "/api/v1/queue") == before + 3);
    REQUIRE(BuildQueueRow(app.state, 50010, app.clock));
    CHECK(BuildQueueRow(app.state, 50010, app.clock)->id == RequestId(51010));
    CHECK(BuildQueueRow(app.state, 50010, app.clock)->summary == "Row 50010");
    for (int b : {499, 500, 501}) CHECK(app.state.queue.blocks.count(b) == 1);

    // A thumb dragged across the list: never more than two loads out, blocks it passed are
    // dropped (their late answers ignored), and where it stops loads.
    auto queue_loads_out = [&] {
        int n = 0;
        for (const FakeApi::Sent& s : app.api.sent) n += !s.answered && s.request.path.rfind("/api/v1/queue?", 0) == 0;
        return n;
    };
    for (int row = 60000; row <= 90000; row += 5000) {
        app.actions.SetQueueVisible(row, row + 15);
        app.Sync();
        CHECK(queue_loads_out() <= Actions::kQueueLoadsAtOnce);
    }
    AnswerQueueLoads(app, 100000);
    CHECK(app.state.queue.blocks.count(600) == 0);
    CHECK(app.state.queue.blocks.count(900) == 1);
    REQUIRE(BuildQueueRow(app.state, 90005, app.clock));
    CHECK(BuildQueueRow(app.state, 90005, app.clock)->id == RequestId(91005));
    CHECK(app.api.Count("GET", "/api/v1/queue") < before + 3 + 12);

    // Drawn: a frame builds rows only for what is on screen, never 100,000.
    app.actions.SetQueueVisible(0, 10);
    Harness h(1280, 900);
    h.Frames(app, 3);
    const int drawn = VisibleRowHooks();
    CHECK(drawn > 5);
    CHECK(drawn < 40);
    CHECK(HasItem("qrow_1000"));
}

TEST_CASE("queue: a change elsewhere reloads the blocks in view and drops the rest") {
    App app;
    SignedInAs(app, Agent(), "#/queue");
    AnswerQueueLoads(app, 1000);
    app.actions.SetQueueVisible(500, 510);
    app.Sync();
    AnswerQueueLoads(app, 1000);
    // Block 5 in view with 4 and 6 either side; 0 and 1 from the top are still cached.
    for (int b : {4, 5, 6}) CHECK(app.state.queue.blocks.count(b) == 1);
    CHECK(app.state.queue.blocks.count(0) == 1);
    const int block6_loads = app.api.Count("GET", "/api/v1/queue?view=open&sort=due&dir=asc&page=6&");
    api::RequestEvent created;
    created.id = RequestId(77);
    created.version = 1;
    created.kind = "created";
    REQUIRE(app.api.PushEvent("request", api::EncodeRequestEvent(created, true)));
    app.Sync();
    // Block 5 is in view and reloads first; block 0 is far away and is dropped, not reloaded.
    CHECK(app.api.Count("GET", "/api/v1/queue?view=open&sort=due&dir=asc&page=6&") == block6_loads + 1);
    CHECK(app.api.Count("GET", kFirstBlock) == 1);
    CHECK(app.state.queue.blocks.count(0) == 0);
    // The answer says the view grew: the total follows.
    AnswerQueueLoads(app, 1001);
    CHECK(BuildQueue(app.state, app.clock).total == 1001);
}

TEST_CASE("queue: column headers sort, filters and the search box narrow the view, all in the URL") {
    App app;
    SignedInAs(app, Agent(), "#/queue?view=mine");
    REQUIRE(app.api.Answer("GET", "/api/v1/queue", 200, api::EncodeRequestPage(Block(0, 3, 3))));
    app.Sync();
    const QueueViewModel vm = BuildQueue(app.state, app.clock);
    int sortable = 0;
    for (const QueueColumnViewModel& c : vm.columns) {
        sortable += !c.sort.empty();
        if (c.sort == "due") CHECK(c.sorted);
    }
    CHECK(sortable == 4);

    app.actions.SortQueue("priority");
    app.Sync();
    CHECK(app.host.locations.back().first == "#/queue?view=mine&sort=priority");
    CHECK(app.api.Count("GET", "/api/v1/queue?view=mine&sort=priority&dir=asc&page=1") == 1);
    AnswerQueueLoads(app, 3);
    app.actions.SortQueue("priority");  // again: the other way round
    app.Sync();
    CHECK(app.host.locations.back().first == "#/queue?view=mine&sort=priority&dir=desc");
    CHECK(app.api.Count("GET", "/api/v1/queue?view=mine&sort=priority&dir=desc&page=1") == 1);
    AnswerQueueLoads(app, 3);

    app.actions.SetQueueFilter("high", "pending");
    app.Sync();
    CHECK(app.api.Count("GET", "/api/v1/queue?view=mine&sort=priority&dir=desc&priority=high&status=pending&page=1") == 1);
    AnswerQueueLoads(app, 3);

    // Typing waits for a pause, then replaces the address (no history entry per keystroke).
    const size_t entries = app.host.locations.size();
    app.actions.EditQueueSearch("vpn down");
    app.Sync();
    CHECK(app.state.route.queue_q.empty());
    app.clock.now += Actions::kQueueSearchPauseMs;
    app.Sync();
    CHECK(app.state.route.queue_q == "vpn down");
    REQUIRE(app.host.locations.size() == entries + 1);
    CHECK(app.host.locations.back().second);  // replace
    CHECK(app.api.Count("GET", "/api/v1/queue?view=mine&sort=priority&dir=desc&priority=high&status=pending&q=vpn%20down&page=1") == 1);
    // Another view keeps the order and the filters.
    app.actions.SetQueueView("open");
    app.Sync();
    CHECK(app.state.route.queue_q == "vpn down");
    CHECK(app.state.route.queue_sort == "priority");
}

TEST_CASE("queue: ticked rows get one bulk change; rows that fail stay ticked with the reason") {
    App app;
    SignedInAs(app, Agent(), "#/queue");
    REQUIRE(app.api.Answer("GET", "/api/v1/queue", 200, api::EncodeRequestPage(Block(0, 3, 3))));
    app.Sync();
    app.actions.ToggleQueueSelected(RequestId(1000));
    app.actions.ToggleQueueSelected(RequestId(1002));
    CHECK(BuildQueue(app.state, app.clock).selected_count == 2);
    CHECK(BuildQueueRow(app.state, 0, app.clock)->selected);
    CHECK_FALSE(BuildQueueRow(app.state, 1, app.clock)->selected);

    app.actions.BulkAssign(UserId(3));
    REQUIRE(app.api.Count("POST", "/api/v1/requests/bulk") == 1);
    const auto* sent = app.api.Last("POST", "/api/v1/requests/bulk");
    Result<api::BulkUpdateBody> body = api::DecodeBulkUpdate(sent->request.body);
    REQUIRE(body.ok());
    REQUIRE(body->ids.size() == 2);
    CHECK(body->ids[0] == RequestId(1000));
    CHECK(body->ids[1] == RequestId(1002));
    REQUIRE(body->patch.assignee);
    CHECK(*body->patch.assignee == UserId(3));
    CHECK(BuildQueue(app.state, app.clock).bulk_busy);
    app.actions.BulkStatus(Status::resolved);  // one at a time
    CHECK(app.api.Count("POST", "/api/v1/requests/bulk") == 1);

    api::BulkUpdateResult answer;
    answer.results.push_back({RequestId(1000), true, 5, {}});
    answer.results.push_back({RequestId(1002), false, 0, MakeError(ErrorCode::conflict, "Changed by someone else.")});
    REQUIRE(app.api.Answer("POST", "/api/v1/requests/bulk", 200, api::EncodeBulkResult(answer)));
    app.Sync();
    const QueueViewModel vm = BuildQueue(app.state, app.clock);
    CHECK_FALSE(vm.bulk_busy);
    CHECK(vm.selected_count == 1);
    CHECK(app.state.queue.selected.count(1002) == 1);
    CHECK(vm.bulk_error.find("1 updated, 1 not") != std::string::npos);
    CHECK(vm.bulk_error.find("#1002") != std::string::npos);
    CHECK(app.api.Count("GET", kFirstBlock) == 2);  // the rows reload with the change

    // Tick-all takes every loaded row; too many for one change is refused before sending.
    app.actions.SelectLoadedQueueRows(true);
    CHECK(app.state.queue.selected.size() == 3);
    for (int i = 0; i < 300; ++i) app.state.queue.selected.insert(5000 + i);
    app.actions.BulkStatus(Status::in_progress);
    CHECK(app.api.Count("POST", "/api/v1/requests/bulk") == 1);
    CHECK(BuildQueue(app.state, app.clock).bulk_error.find("at most 200") != std::string::npos);
    app.actions.SelectLoadedQueueRows(false);
    CHECK(app.state.queue.selected.empty());
}

TEST_CASE("queue: keyboard j/k move a cursor, x ticks, a assigns to me, Enter opens") {
    App app;
    SignedInAs(app, Agent(), "#/queue");
    REQUIRE(app.api.Answer("GET", "/api/v1/queue", 200, api::EncodeRequestPage(Block(0, 3, 3))));
    app.Sync();
    Harness h(1280, 900);
    h.Frames(app, 2);
    auto press = [&](ImGuiKey key) {
        ImGui::GetIO().AddKeyEvent(key, true);
        h.Frame(app);
        ImGui::GetIO().AddKeyEvent(key, false);
        h.Frame(app);
    };
    press(ImGuiKey_J);
    CHECK(app.state.queue.cursor == 0);
    press(ImGuiKey_J);
    press(ImGuiKey_J);
    press(ImGuiKey_J);  // stops at the last row
    CHECK(app.state.queue.cursor == 2);
    press(ImGuiKey_K);
    CHECK(app.state.queue.cursor == 1);
    CHECK(BuildQueueRow(app.state, 1, app.clock)->cursor);
    press(ImGuiKey_X);
    CHECK(app.state.queue.selected.count(1001) == 1);
    press(ImGuiKey_A);
    REQUIRE(app.api.Count("PATCH", "/api/v1/requests/1001") == 1);
    Result<api::RequestPatch> patch = api::DecodeRequestPatch(app.api.Last("PATCH", "/api/v1/requests/1001")->request.body);
    REQUIRE(patch.ok());
    CHECK(patch->base_version == 4);
    REQUIRE(patch->assignee);
    CHECK(*patch->assignee == UserId(3));
    press(ImGuiKey_Enter);
    CHECK(app.state.route.screen == Screen::request_detail);
    CHECK(app.state.route.request == RequestId(1001));

    // r: back in the queue, open the keyboard row with the keyboard in its reply box.
    app.Go("#/queue");
    h.Frames(app, 2);
    press(ImGuiKey_J);
    CHECK(app.state.queue.cursor >= 0);
    const int row = app.state.queue.cursor;
    const RequestId id = BuildQueueRow(app.state, row, app.clock)->id;
    press(ImGuiKey_R);
    REQUIRE(app.state.route.screen == Screen::request_detail);
    CHECK(app.state.route.request == id);
    CHECK(app.state.replies[id.value].focus);
    Request r = MakeRequest(id.value, Status::assigned, "Row");
    r.requester_id = UserId(5);
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/" + std::to_string(id.value), 200, api::EncodeRequest(r)));
    h.Frames(app, 3);
    CHECK_FALSE(app.state.replies[id.value].focus);
    CHECK(ImGui::GetIO().WantTextInput);  // the reply box has the keyboard
}

TEST_CASE("queue: employees get none of it") {
    App app;
    app.SignedIn("#/queue");
    app.actions.ToggleQueueSelected(RequestId(5));
    app.actions.BulkAssign(UserId(1));
    app.actions.BulkStatus(Status::resolved);
    app.Sync();
    CHECK(app.api.Count("GET", "/api/v1/queue") == 0);
    CHECK(app.api.Count("POST", "/api/v1/requests/bulk") == 0);
    CHECK_FALSE(BuildQueue(app.state, app.clock).allowed);
}

TEST_CASE("agent inbox: availability toggles, notifications open their request, live events re-read it (throttled)") {
    App app;
    SignedInAs(app, Agent(), "#/queue");
    REQUIRE(app.api.Count("GET", "/api/v1/agents/me") == 1);
    REQUIRE(app.api.Count("GET", "/api/v1/notifications?limit=20") == 1);
    api::AgentSelf self;
    self.available = true;
    REQUIRE(app.api.Answer("GET", "/api/v1/agents/me", 200, api::EncodeAgentSelf(self)));
    api::NotificationPage inbox;
    api::Notification breach;
    breach.id = 41;
    breach.request_id = RequestId(1002);
    breach.request_number = "INC0001002";
    breach.kind = api::kNotificationSlaBreach;
    breach.text = "INC0001002 breached its resolution target.";
    breach.created_at = kNow - 600000;
    api::Notification old = breach;
    old.id = 40;
    old.read_at = kNow - 3600000;
    inbox.items = {breach, old};
    inbox.unread = 1;
    REQUIRE(app.api.Answer("GET", "/api/v1/notifications", 200, api::EncodeNotificationPage(inbox)));
    app.Sync();
    TopBarViewModel bar = BuildTopBar(app.state, 0, app.clock.now);
    CHECK(bar.availability_known);
    CHECK(bar.available);
    CHECK(bar.unread == 1);
    REQUIRE(bar.notifications.size() == 2);
    CHECK(bar.notifications[0].unread);
    CHECK(bar.notifications[0].when == "10 min ago");
    CHECK_FALSE(bar.notifications[1].unread);

    app.actions.ToggleAvailability();
    REQUIRE(app.api.Count("PUT", "/api/v1/agents/me/availability") == 1);
    Result<api::AvailabilityBody> put = api::DecodeAvailability(app.api.Last("PUT", "/api/v1/agents/me/availability")->request.body);
    REQUIRE(put.ok());
    CHECK_FALSE(put->available);
    app.actions.ToggleAvailability();  // one at a time
    CHECK(app.api.Count("PUT", "/api/v1/agents/me/availability") == 1);
    self.available = false;
    REQUIRE(app.api.Answer("PUT", "/api/v1/agents/me/availability", 200, api::EncodeAgentSelf(self)));
    app.Sync();
    CHECK_FALSE(BuildTopBar(app.state, 0, app.clock.now).available);

    app.actions.OpenNotification(41);
    CHECK(app.api.Count("POST", "/api/v1/notifications/41/read") == 1);
    CHECK(BuildTopBar(app.state, 0, app.clock.now).unread == 0);
    CHECK(app.state.route.screen == Screen::request_detail);
    CHECK(app.state.route.request == RequestId(1002));
    app.actions.OpenNotification(40);  // already read: no second POST for it
    CHECK(app.api.Count("POST", "/api/v1/notifications/40/read") == 0);

    // A live change marks the inbox stale; it is re-read once the recheck interval has passed.
    REQUIRE(app.api.Answer("POST", "/api/v1/notifications/41/read", 200, "{}"));
    app.Sync();
    const int reads = app.api.Count("GET", "/api/v1/notifications");
    app.clock.now += Effects::kInboxRecheckMs;
    app.Sync();
    CHECK(app.api.Count("GET", "/api/v1/notifications") == reads + 1);
}

TEST_CASE("agent inbox: employees have no availability; the top bar marks the queue on someone else's request") {
    App employee;
    employee.SignedIn("#/");
    CHECK(employee.api.Count("GET", "/api/v1/agents/me") == 0);
    CHECK(employee.api.Count("GET", "/api/v1/notifications") == 1);  // the bell is everyone's
    employee.actions.ToggleAvailability();
    CHECK(employee.api.Count("PUT", "/api/v1/agents/me/availability") == 0);

    App app;
    SignedInAs(app, Agent(), "#/requests/7");
    Request theirs = MakeRequest(7, Status::assigned, "Printer jam");
    theirs.requester_id = UserId(5);
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/7", 200, api::EncodeRequest(theirs)));
    app.Sync();
    CHECK(BuildTopBar(app.state, 0, app.clock.now).active == Screen::queue);
    app.Go("#/requests/8");
    Request mine = MakeRequest(8, Status::assigned, "My own laptop");
    mine.requester_id = UserId(3);
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/8", 200, api::EncodeRequest(mine)));
    app.Sync();
    CHECK(BuildTopBar(app.state, 0, app.clock.now).active == Screen::requests);
}

TEST_CASE("employee inbox: the bell is everyone's; an answer on her request opens it; no availability for her") {
    App app;
    app.SignedIn("#/");
    CHECK(app.api.Count("GET", "/api/v1/agents/me") == 0);  // availability is for staff
    REQUIRE(app.api.Count("GET", "/api/v1/notifications?limit=20") == 1);
    api::NotificationPage inbox;
    api::Notification reply;
    reply.id = 7;
    reply.request_id = RequestId(8);
    reply.kind = "reply";
    reply.text = "Ava Patel replied on REQ0000008 “Docking station flickers”.";
    reply.created_at = kNow - 120000;
    inbox.items = {reply};
    inbox.unread = 1;
    REQUIRE(app.api.Answer("GET", "/api/v1/notifications", 200, api::EncodeNotificationPage(inbox)));
    app.Sync();
    TopBarViewModel bar = BuildTopBar(app.state, 0, app.clock.now);
    CHECK_FALSE(bar.staff);
    CHECK_FALSE(bar.availability_known);
    CHECK(bar.unread == 1);
    REQUIRE(bar.notifications.size() == 1);
    Harness h;
    h.Frames(app, 2);
    CHECK(HasItem("notifications"));
    CHECK_FALSE(HasItem("availability"));
    app.actions.OpenNotification(7);
    CHECK(app.api.Count("POST", "/api/v1/notifications/7/read") == 1);
    CHECK(app.state.route.screen == Screen::request_detail);
    CHECK(app.state.route.request == RequestId(8));
}
