// Headless tests of the client's agent mode: the queue route and views, who may see them, the
// queue rows' SLA countdowns, and on a request: the lifecycle buttons from the shared rules,
// "Assign to me", PATCH bodies with base_version, and a 409 that reloads instead of overwriting.
#include "fixtures.h"

using namespace fixtures;

namespace {

Request Queued(std::int64_t id, Status status, Timestamp due) {
    Request r = MakeRequest(id, status, "VPN drops #" + std::to_string(id));
    r.group_id = 2;
    r.group_name = "Network";
    r.resolution_due_at = due;
    r.sla_policy = "London standard";
    r.priority = Priority::critical;  // 4 h on the 24x7 calendar: amber with an hour left
    r.version = 3;
    return r;
}

}  // namespace

TEST_CASE("agent: queue routes round-trip; unknown views fall back to all open") {
    for (const char* hash : {"#/queue", "#/queue?view=mine", "#/queue?view=breaching&sort=updated&dir=desc"}) {
        CAPTURE(hash);
        CHECK(FormatRoute(ParseRoute(hash)) == hash);
    }
    const Route r = ParseRoute("#/queue?view=everything");
    CHECK(r.screen == Screen::queue);
    CHECK(r.queue_view == "open");
    CHECK(ParseRoute("#/queue/5").screen == Screen::not_found);
}

TEST_CASE("agent: the queue loads its view for staff, shows countdowns, and is not for employees") {
    App app;
    SignedInAs(app, Agent(), "#/queue?view=mine");
    REQUIRE(app.api.Count("GET", "/api/v1/queue?view=mine&sort=due&dir=asc&page=1&page_size=100") == 1);
    const Timestamp hour = 3600000;
    REQUIRE(app.api.Answer("GET", "/api/v1/queue", 200,
                           api::EncodeRequestPage(Page({Queued(7, Status::assigned, kNow - 2 * hour),
                                                        Queued(8, Status::in_progress, kNow + 30 * 60000),
                                                        Queued(9, Status::pending, 0)},
                                                       3, 1, 100))));
    const QueueViewModel vm = BuildQueue(app.state, app.clock);
    CHECK(vm.allowed);
    REQUIRE(vm.total == 3);
    CHECK(vm.count_text == "3 requests");
    std::vector<QueueRowViewModel> rows;
    for (int i = 0; i < vm.total; ++i) {
        std::optional<QueueRowViewModel> row = BuildQueueRow(app.state, i, app.clock);
        REQUIRE(row);
        rows.push_back(*row);
    }
    CHECK_FALSE(BuildQueueRow(app.state, 3, app.clock));
    CHECK(rows[0].due == "Overdue by 2h");
    CHECK(rows[0].due_tone == Tone::danger);
    CHECK(rows[1].due == "Due in 30m");
    CHECK(rows[1].due_tone == Tone::warning);
    CHECK(rows[2].due == "Paused");
    // Amber comes from 75% of the target in business time, not from a fixed hour: a P3 request
    // (3 business days) with 5 wall hours left is past it; a P1 with 3 of its 4 hours left is not.
    Request p3 = Queued(10, Status::assigned, kNow + 5 * hour);
    p3.priority = Priority::moderate;
    Tone tone = Tone::neutral;
    CHECK(DueText(p3, SlaKind::resolution, p3.resolution_due_at, kNow, &tone) == "Due in 5h");
    CHECK(tone == Tone::warning);
    const Request p1 = Queued(11, Status::assigned, kNow + 3 * hour);
    CHECK(DueText(p1, SlaKind::resolution, p1.resolution_due_at, kNow, &tone) == "Due in 3h");
    CHECK(tone == Tone::neutral);
    int selected = 0;
    for (const QueueTab& t : vm.tabs) selected += t.selected && t.view == "mine";
    CHECK(selected == 1);

    app.actions.SetQueueView("breaching");
    app.Sync();
    CHECK(app.api.Count("GET", "/api/v1/queue?view=breaching&sort=due&dir=asc&page=1") == 1);
    CHECK(app.host.locations.back().first == "#/queue?view=breaching");

    Harness h;
    h.Frames(app, 2);
    CHECK(HasItem("queue_mine"));

    App employee;
    employee.SignedIn("#/queue");
    CHECK(employee.api.Count("GET", "/api/v1/queue") == 0);
    CHECK_FALSE(BuildQueue(employee.state, employee.clock).allowed);
}

TEST_CASE("agent: a request's lifecycle buttons come from the shared rules; changes are PATCHed with base_version") {
    App app;
    SignedInAs(app, Agent(), "#/requests/7");
    Request r = Queued(7, Status::assigned, kNow + 3600000);
    r.assignee_id = UserId(9);
    r.assignee_name = "Someone Else";
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/7", 200, api::EncodeRequest(r)));
    app.Sync();
    RequestDetailViewModel vm = BuildRequestDetail(app.state, RequestId(7), app.clock);
    CHECK(vm.staff);
    CHECK(vm.assignee == "Someone Else");
    CHECK(vm.can_assign_to_me);
    std::vector<std::string> ids;
    for (const auto& a : vm.status_actions) ids.push_back(a.id);
    CHECK(ids == std::vector<std::string>{"status_in_progress", "status_resolved", "status_cancelled"});  // resolve straight from Assigned

    app.actions.AssignToMe(RequestId(7));
    const auto* sent = app.api.Last("PATCH", "/api/v1/requests/7");
    REQUIRE(sent);
    auto patch = api::DecodeRequestPatch(sent->request.body);
    REQUIRE(patch.ok());
    CHECK(patch->base_version == 3);
    REQUIRE(patch->assignee.has_value());
    CHECK(patch->assignee->value == 3);
    bool csrf = false;
    for (const auto& [name, value] : sent->request.headers) csrf = csrf || (name == "X-CSRF-Token" && value == "csrf-agent");
    CHECK(csrf);
    // Someone else changed it meanwhile: 409 -> an explanation, and the request reloads.
    REQUIRE(app.api.Answer("PATCH", "/api/v1/requests/7", 409,
                           R"({"error":{"code":"conflict","message":"changed","field":"base_version"}})"));
    vm = BuildRequestDetail(app.state, RequestId(7), app.clock);
    CHECK(vm.workflow_error.find("changed this request meanwhile") != std::string::npos);
    app.Sync();
    CHECK(app.api.CountExact("GET", "/api/v1/requests/7") == 2);  // not .../related, .../history

    // A step the rules refuse is not sent at all.
    const int patches = app.api.Count("PATCH", "/api/v1/requests/7");
    app.actions.ChangeStatus(RequestId(7), Status::closed);
    CHECK(app.api.Count("PATCH", "/api/v1/requests/7") == patches);
    CHECK_FALSE(BuildRequestDetail(app.state, RequestId(7), app.clock).workflow_error.empty());

    // A good one is, and the answer replaces the request.
    app.actions.ChangeStatus(RequestId(7), Status::in_progress);
    REQUIRE(app.api.Count("PATCH", "/api/v1/requests/7") == patches + 1);
    Request after = r;
    after.status = Status::in_progress;
    after.version = 4;
    REQUIRE(app.api.Answer("PATCH", "/api/v1/requests/7", 200, api::EncodeRequest(after)));
    vm = BuildRequestDetail(app.state, RequestId(7), app.clock);
    CHECK(vm.status == "In progress");
    CHECK(vm.workflow_error.empty());
    ids.clear();
    for (const auto& a : vm.status_actions) ids.push_back(a.id);
    CHECK(ids == std::vector<std::string>{"status_pending_requester", "status_pending_vendor", "status_pending_change",
                                          "status_resolved", "status_cancelled"});

    Harness h;
    h.Frames(app, 2);
    CHECK(HasItem("status_resolved"));
    CHECK(HasItem("assign_me"));
}

TEST_CASE("agent: employees get only their own close and cancel, sent as PATCH") {
    App app;
    app.SignedIn("#/requests/7");
    Request r = MakeRequest(7, Status::resolved, "Printer jam");  // emma's (requester id 2)
    r.resolved_at = kNow - 3600000;
    r.version = 5;
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/7", 200, api::EncodeRequest(r)));
    RequestDetailViewModel vm = BuildRequestDetail(app.state, RequestId(7), app.clock);
    CHECK_FALSE(vm.staff);
    CHECK_FALSE(vm.can_assign_to_me);
    REQUIRE(vm.status_actions.size() == 1);  // reopening is a reply, not a button
    CHECK(vm.status_actions[0].id == "status_closed");
    CHECK(vm.status_actions[0].label == "Close request");
    app.actions.ChangeStatus(RequestId(7), Status::closed);
    const auto* sent = app.api.Last("PATCH", "/api/v1/requests/7");
    REQUIRE(sent);
    auto patch = api::DecodeRequestPatch(sent->request.body);
    REQUIRE(patch.ok());
    CHECK(patch->base_version == 5);
    CHECK(patch->status == Status::closed);

    // A new request of hers can be cancelled; an in-progress one has no buttons.
    App other;
    other.SignedIn("#/requests/8");
    REQUIRE(other.api.Answer("GET", "/api/v1/requests/8", 200, api::EncodeRequest(MakeRequest(8, Status::new_, "Desk"))));
    vm = BuildRequestDetail(other.state, RequestId(8), other.clock);
    REQUIRE(vm.status_actions.size() == 1);
    CHECK(vm.status_actions[0].id == "status_cancelled");
    App third;
    third.SignedIn("#/requests/9");
    REQUIRE(third.api.Answer("GET", "/api/v1/requests/9", 200,
                             api::EncodeRequest(MakeRequest(9, Status::in_progress, "Laptop"))));
    CHECK(BuildRequestDetail(third.state, RequestId(9), third.clock).status_actions.empty());
}
