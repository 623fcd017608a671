// Headless tests of the agent's ticket workspace on a request: the requester panel and links
// (GET .../related), the history (newest first, re-read on a new version), canned replies put into
// the reply box, link / unlink / merge checked with the shared rules before they are sent, the
// group / assignee / impact / urgency editor with its computed priority, 409s that end in
// "Apply again", the side column on wide windows, and employees who never ask for any of it.
#include "fixtures.h"
#include "shared/api/agent_dto.h"
#include "shared/api/workspace_dto.h"

using namespace fixtures;

namespace {

// Emma's request #7, assigned to Ava in the service desk group, version 3.
Request Seven(int version = 3) {
    Request r = MakeRequest(7, Status::assigned, "VPN drops every hour");
    r.group_id = 1;
    r.group_name = "IT Service Desk";
    r.assignee_id = UserId(3);
    r.assignee_name = "Ava Patel";
    r.priority = Priority::planning;  // low impact x low urgency
    r.version = version;
    return r;
}

RequestBrief Brief(std::int64_t id, Status status, const std::string& summary) {
    RequestBrief b;
    b.id = RequestId(id);
    b.number = FormatRequestNumber(RequestType::service_request, b.id);
    b.summary = summary;
    b.status = status;
    b.priority = Priority::moderate;
    b.created_at = kNow - 5 * 86400000LL;
    b.updated_at = kNow - 2 * 86400000LL;
    return b;
}

api::RelatedRequests Related() {
    api::RelatedRequests rel;
    rel.requester = Emma();
    rel.requester.email = "emma@example.com";
    rel.other_total = 5;
    rel.other_requests = {Brief(11, Status::closed, "Printer jam"), Brief(14, Status::in_progress, "VPN again")};
    rel.links = {LinkedRequest{Brief(12, Status::new_, "Wi-Fi slow"), LinkKind::relates, true},
                 LinkedRequest{Brief(13, Status::closed, "VPN broken"), LinkKind::duplicate_of, false}};
    return rel;
}

api::HistoryItem Change(std::int64_t id, Timestamp at, std::int64_t actor, const std::string& name,
                        const std::string& field, const std::string& old_value, const std::string& new_value) {
    return api::HistoryItem{id, at, UserId(actor), name, field, old_value, new_value};
}

std::vector<api::HistoryItem> History() {  // oldest first, as the server sends it
    const Timestamp h = 3600000;
    return {Change(1, kNow - 5 * h, 2, "Emma Jones", "created", "", "new"),
            Change(2, kNow - 5 * h, 0, "", "group", "", "IT Service Desk"),
            Change(3, kNow - 5 * h, 0, "", "assignee", "", "3"),
            Change(4, kNow - 5 * h, 0, "", "status", "new", "assigned"),
            Change(5, kNow - 2 * h, 3, "Ava Patel", "impact", "low", "high"),
            Change(6, kNow - 1 * h, 3, "Ava Patel", "linked", "", "#12")};
}

api::GroupDirectory Directory() {
    api::GroupDirectory d;
    d.groups = {api::DirectoryGroup{1,
                                    "IT Service Desk",
                                    UserId(3),
                                    {api::DirectoryAgent{UserId(3), "Ava Patel", true},
                                     api::DirectoryAgent{UserId(5), "Liam Smith", true}}},
                api::DirectoryGroup{2, "Network", UserId(), {api::DirectoryAgent{UserId(6), "Noah Brown", false}}}};
    return d;
}

std::vector<CannedResponse> Canned() {
    CannedResponse a;
    a.id = 1;
    a.title = "VPN: reinstall the client";
    a.body = "Hi {{requester.first_name}},\nplease reinstall the VPN client.";
    CannedResponse b;
    b.id = 2;
    b.title = "Network: we're on it";
    b.body = "The network team is looking at {{request.number}}.";
    b.group_id = 2;
    b.group_name = "Network";
    return {a, b};
}

// An agent on #/requests/7 with the request and every workspace panel answered.
void OpenSeven(App& app) {
    SignedInAs(app, Agent(), "#/requests/7");
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/7", 200, api::EncodeRequest(Seven())));
    app.Sync();
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/7/related", 200, api::EncodeRelated(Related())));
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/7/history", 200, api::EncodeHistory(History())));
    REQUIRE(app.api.Answer("GET", "/api/v1/canned", 200, api::EncodeCannedList(Canned())));
    REQUIRE(app.api.Answer("GET", "/api/v1/groups", 200, api::EncodeGroupDirectory(Directory())));
}

const char* const kConflict = R"({"error":{"code":"conflict","message":"changed","field":"base_version"}})";

WorkspaceViewModel Workspace(const App& app) {
    return BuildRequestDetail(app.state, RequestId(7), app.clock).workspace;
}

}  // namespace

TEST_CASE(
    "workspace: an agent's request loads its panels once the request is here; the requester panel lists their other "
    "requests") {
    App app;
    SignedInAs(app, Agent(), "#/requests/7");
    // Nothing before the request itself: the panels are keyed by its version.
    CHECK(app.api.Count("GET", "/api/v1/requests/7/") == 0);
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/7", 200, api::EncodeRequest(Seven())));
    CHECK(Workspace(app).related_load.status == ViewStatus::loading);
    app.Sync();
    CHECK(app.api.CountExact("GET", "/api/v1/requests/7/related") == 1);
    CHECK(app.api.CountExact("GET", "/api/v1/requests/7/history") == 1);
    CHECK(app.api.CountExact("GET", "/api/v1/canned") == 1);
    CHECK(app.api.CountExact("GET", "/api/v1/groups") == 1);
    app.Sync();  // nothing twice
    CHECK(app.api.Count("GET", "/api/v1/requests/7/related") == 1);
    CHECK(app.api.Count("GET", "/api/v1/canned") == 1);

    REQUIRE(app.api.Answer("GET", "/api/v1/requests/7/related", 200, api::EncodeRelated(Related())));
    const WorkspaceViewModel ws = Workspace(app);
    REQUIRE(ws.visible);
    CHECK(ws.related_load.status == ViewStatus::ready);
    CHECK(ws.requester == "Emma Jones");
    CHECK(ws.requester_meta == "Finance \xC2\xB7 emma@example.com");
    CHECK(ws.other_title == "Other requests (5)");
    CHECK(ws.other_more == "Showing the newest 2 of 5.");
    REQUIRE(ws.other_requests.size() == 2);
    CHECK(ws.other_requests[0].number == "REQ0000011");
    CHECK(ws.other_requests[0].status == "Closed");
    CHECK(ws.other_requests[0].status_tone == StatusTone(Status::closed));
    CHECK(ws.other_requests[0].hook_id == "related_11");
    CHECK(ws.other_requests[1].summary == "VPN again");
    REQUIRE(ws.links.size() == 2);
    CHECK(ws.links[0].kind == "Relates to");
    CHECK(ws.links[0].can_unlink);
    CHECK(ws.links[1].kind == "Duplicated by");
    CHECK_FALSE(ws.links[1].can_unlink);  // a merge record stays

    // On screen: each row is a link to that request.
    Harness h;
    h.Frames(app, 2);
    CHECK(HasItem("related_11"));
    CHECK(HasItem("related_14"));
    CHECK(HasItem("linked_12"));
    CHECK(HasItem("unlink_12"));
    CHECK_FALSE(HasItem("unlink_13"));
    REQUIRE(h.Click(app, "related_14"));
    CHECK(app.state.route.screen == Screen::request_detail);
    CHECK(app.state.route.request == RequestId(14));
    CHECK(app.host.locations.back().first == "#/requests/14");
}

TEST_CASE("workspace: panels show loading, a retryable error and their empty states") {
    App app;
    SignedInAs(app, Agent(), "#/requests/7");
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/7", 200, api::EncodeRequest(Seven())));
    app.Sync();
    WorkspaceViewModel ws = Workspace(app);
    CHECK(ws.related_load.status == ViewStatus::loading);
    CHECK(ws.history_load.status == ViewStatus::loading);
    CHECK(ws.canned_load.status == ViewStatus::loading);
    CHECK(ws.requester == "Emma Jones");  // from the request while the panel loads

    REQUIRE(app.api.Answer("GET", "/api/v1/requests/7/related", 500, ""));
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/7/history", 0, ""));
    REQUIRE(app.api.Answer("GET", "/api/v1/canned", 200, api::EncodeCannedList({})));
    REQUIRE(app.api.Answer("GET", "/api/v1/groups", 200, api::EncodeGroupDirectory({})));
    ws = Workspace(app);
    CHECK(ws.related_load.status == ViewStatus::failed);
    CHECK(ws.related_load.retryable);
    CHECK(ws.history_load.status == ViewStatus::failed);
    CHECK(ws.history_load.error.find("couldn't reach") != std::string::npos);
    CHECK(ws.canned_load.status == ViewStatus::ready);
    CHECK(ws.canned.empty());
    {
        Harness h;
        h.Frames(app, 2);
        CHECK(HasItem("related_error_retry"));
        CHECK(HasItem("history_error_retry"));
    }
    app.Sync();  // a failure is not retried by itself
    CHECK(app.api.Count("GET", "/api/v1/requests/7/related") == 1);

    app.actions.ReloadWorkspace(RequestId(7));
    app.Sync();
    CHECK(app.api.Count("GET", "/api/v1/requests/7/related") == 2);
    CHECK(app.api.Count("GET", "/api/v1/requests/7/history") == 2);
    api::RelatedRequests lonely;
    lonely.requester = Emma();
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/7/related", 200, api::EncodeRelated(lonely)));
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/7/history", 200, api::EncodeHistory({})));
    ws = Workspace(app);
    CHECK(ws.related_load.status == ViewStatus::ready);
    CHECK(ws.other_requests.empty());
    CHECK(ws.other_empty == "No other requests from Emma.");
    CHECK(ws.links.empty());
    CHECK(ws.history_load.status == ViewStatus::ready);
    CHECK(ws.history.empty());
    Harness h;
    h.Frames(app, 2);
    CHECK(HasItem("related_empty"));
    CHECK(HasLabel("No other requests from Emma."));
    CHECK(HasItem("links_empty"));
    CHECK(HasItem("history_empty"));
}

TEST_CASE("workspace: history reads who, when and field: old -> new, newest first, and follows the request's version") {
    App app;
    OpenSeven(app);
    WorkspaceViewModel ws = Workspace(app);
    REQUIRE(ws.history.size() == 6);
    CHECK(ws.history_total == 6);
    CHECK_FALSE(ws.history_more);
    CHECK(ws.history[0].who == "Ava Patel");
    CHECK(ws.history[0].when == "1 h ago");
    CHECK(ws.history[0].field == "Linked");
    CHECK(ws.history[0].change == "#12");
    CHECK(ws.history[1].field == "Impact");
    CHECK(ws.history[1].change == "Low \xE2\x86\x92 High");
    // Same instant: the later record first. Routing's assignee id is shown as the agent's name.
    CHECK(ws.history[2].field == "Status");
    CHECK(ws.history[2].change == "New \xE2\x86\x92 Assigned");
    CHECK(ws.history[2].who == "Spoc");
    CHECK(ws.history[3].field == "Assignee");
    CHECK(ws.history[3].change == "\xE2\x80\x94 \xE2\x86\x92 Ava Patel");
    CHECK(ws.history[5].field == "Created");
    CHECK(ws.history[5].who == "Emma Jones");

    Harness h;
    h.Frames(app, 2);
    int rows = 0;
    for (const auto& item : ui::hooks::LastFrameItems()) rows += item.id == "history_row";
    CHECK(rows == 6);
    const ui::hooks::HookedItem* newest = ui::hooks::FindItem("history_row");
    REQUIRE(newest);
    CHECK(newest->label == "Ava Patel, 1 h ago, Linked: #12");

    // Someone changes the request: the live event reloads it, and the new version reloads the history.
    api::RequestEvent e;
    e.id = RequestId(7);
    e.version = 4;
    e.kind = "updated";
    REQUIRE(app.api.PushEvent("request", api::EncodeRequestEvent(e, true)));
    app.Sync();
    REQUIRE(app.api.CountExact("GET", "/api/v1/requests/7") == 2);
    CHECK(app.api.Count("GET", "/api/v1/requests/7/history") == 1);  // waits for the fresh version
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/7", 200, api::EncodeRequest(Seven(4))));
    CHECK(Workspace(app).history_load.refreshing);
    app.Sync();
    CHECK(app.api.Count("GET", "/api/v1/requests/7/history") == 2);
    CHECK(app.api.Count("GET", "/api/v1/requests/7/related") == 2);
    std::vector<api::HistoryItem> longer = History();
    for (int i = 0; i < 6; ++i)
        longer.push_back(Change(10 + i, kNow - 30 * 60000 + i, 3, "Ava Patel", "urgency", i % 2 ? "high" : "low",
                                i % 2 ? "low" : "high"));
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/7/history", 200, api::EncodeHistory(longer)));
    ws = Workspace(app);
    CHECK(ws.history_total == 12);
    CHECK(ws.history.size() == 8);  // the newest eight, then "Show all"
    CHECK(ws.history_more);
    CHECK(ws.history[0].field == "Urgency");
    h.Frames(app, 2);
    REQUIRE(h.Click(app, "history_all"));
    ws = Workspace(app);
    CHECK(ws.history.size() == 12);
    CHECK(ws.history_less);
    app.actions.ShowAllHistory(RequestId(7), false);
    CHECK(Workspace(app).history.size() == 8);
}

TEST_CASE("workspace: links are checked with the shared rules, then POSTed; unlinking DELETEs") {
    App app;
    OpenSeven(app);
    const RequestId seven(7);
    auto link_error = [&] { return Workspace(app).link_error; };

    app.actions.EditLinkText(seven, "printer");
    app.actions.AddLink(seven);
    CHECK(link_error().find("request number") != std::string::npos);
    app.actions.EditLinkText(seven, "#7");
    app.actions.AddLink(seven);
    CHECK(link_error() == "A request can't be linked to itself.");
    app.actions.EditLinkText(seven, "12");
    app.actions.AddLink(seven);
    CHECK(link_error() == "#12 is already linked to this request.");
    app.actions.SetLinkKind(seven, LinkKind::duplicate_of);
    app.actions.EditLinkText(seven, "20");
    app.actions.AddLink(seven);
    CHECK(link_error() == "Merge the request to mark it as a duplicate.");
    CHECK(app.api.Count("POST", "/api/v1/requests/7/links") == 0);

    app.actions.SetLinkKind(seven, LinkKind::relates);
    app.actions.EditLinkText(seven, "REQ0000020");
    CHECK(link_error().empty());
    CHECK(Workspace(app).link_enabled);
    app.actions.AddLink(seven);
    const auto* sent = app.api.Last("POST", "/api/v1/requests/7/links");
    REQUIRE(sent);
    CHECK(sent->Header("X-CSRF-Token") == "csrf-agent");
    auto body = api::DecodeLinkBody(sent->request.body);
    REQUIRE(body.ok());
    CHECK(body->other == RequestId(20));
    CHECK(body->kind == LinkKind::relates);
    CHECK(Workspace(app).link_busy);
    app.actions.AddLink(seven);  // no second one while it is in flight
    CHECK(app.api.Count("POST", "/api/v1/requests/7/links") == 1);

    std::vector<LinkedRequest> links = Related().links;
    links.push_back(LinkedRequest{Brief(20, Status::assigned, "Docking station"), LinkKind::relates, true});
    REQUIRE(app.api.Answer("POST", "/api/v1/requests/7/links", 201, api::EncodeLinks(links)));
    WorkspaceViewModel ws = Workspace(app);
    REQUIRE(ws.links.size() == 3);
    CHECK(ws.links[2].hook_id == "linked_20");
    CHECK(ws.link_text.empty());
    CHECK_FALSE(ws.link_busy);
    app.Sync();
    CHECK(app.api.Count("GET", "/api/v1/requests/7/history") == 2);  // the link is in the history

    // A refusal from the server is shown under the box.
    app.actions.EditLinkText(seven, "#99");
    app.actions.AddLink(seven);
    REQUIRE(app.api.Answer(
        "POST", "/api/v1/requests/7/links", 422,
        R"({"error":{"code":"validation_failed","message":"There is no request #99.","field":"other_id"}})"));
    CHECK(link_error() == "There is no request #99.");

    // A merge record can't be unlinked; a relates link can.
    app.actions.RemoveLink(seven, RequestId(13));
    CHECK(app.api.Count("DELETE", "/api/v1/requests/7/links") == 0);
    CHECK(link_error() == "This link records a merge and can't be removed.");
    app.actions.RemoveLink(seven, RequestId(12));
    REQUIRE(app.api.Count("DELETE", "/api/v1/requests/7/links/12") == 1);
    CHECK(Workspace(app).links[0].unlinking);
    REQUIRE(app.api.Answer("DELETE", "/api/v1/requests/7/links/12", 204, ""));
    ws = Workspace(app);
    REQUIRE(ws.links.size() == 2);
    CHECK(ws.links[0].id == RequestId(13));

    // The same through the screen: type, then "Link".
    app.actions.EditLinkText(seven, "");
    Harness h;
    h.Frames(app, 2);
    REQUIRE(h.Click(app, "Request to link"));
    h.Type(app, "#30");
    CHECK(Workspace(app).link_text == "#30");
    REQUIRE(h.Click(app, "link_add"));
    const auto* clicked = app.api.Last("POST", "/api/v1/requests/7/links");
    REQUIRE(clicked);
    CHECK(api::DecodeLinkBody(clicked->request.body)->other == RequestId(30));
}

TEST_CASE("workspace: merging is checked first, sent with base_version, and a 409 offers Apply again") {
    App app;
    OpenSeven(app);
    const RequestId seven(7);
    app.actions.SetLinkKind(seven, LinkKind::duplicate_of);
    // #13 was merged into this one: merging back would make a loop. #11 is closed.
    app.actions.EditLinkText(seven, "#13");
    app.actions.AskMerge(seven);
    CHECK(Workspace(app).link_error.find("loop") != std::string::npos);
    CHECK_FALSE(Workspace(app).merge_confirm);
    app.actions.EditLinkText(seven, "#11");
    app.actions.AskMerge(seven);
    CHECK(Workspace(app).link_error.find("Closed") != std::string::npos);
    app.actions.ConfirmMerge(seven);
    CHECK(app.api.Count("POST", "/api/v1/requests/7/merge") == 0);

    // A good one asks first, on screen.
    app.actions.EditLinkText(seven, "#14");
    Harness h;
    h.Frames(app, 2);
    REQUIRE(h.Click(app, "merge_into"));
    WorkspaceViewModel ws = Workspace(app);
    REQUIRE(ws.merge_confirm);
    CHECK(ws.merge_question.find("into #14 (VPN again)?") != std::string::npos);
    CHECK(app.api.Count("POST", "/api/v1/requests/7/merge") == 0);
    REQUIRE(h.Click(app, "merge_confirm"));
    const auto* sent = app.api.Last("POST", "/api/v1/requests/7/merge");
    REQUIRE(sent);
    auto body = api::DecodeMergeBody(sent->request.body);
    REQUIRE(body.ok());
    CHECK(body->into == RequestId(14));
    CHECK(body->base_version == 3);
    CHECK(BuildRequestDetail(app.state, seven, app.clock).workflow_busy);

    // Someone changed #7 first: the status buttons' notice, and the request reloads.
    REQUIRE(app.api.Answer("POST", "/api/v1/requests/7/merge", 409, kConflict));
    RequestDetailViewModel vm = BuildRequestDetail(app.state, seven, app.clock);
    CHECK(vm.workflow_error.find("changed this request meanwhile") != std::string::npos);
    CHECK_FALSE(vm.workspace.can_reapply_merge);  // not before the fresh version is here
    CHECK_FALSE(vm.workspace.merge_confirm);
    app.actions.ReapplyMerge(seven);
    CHECK(app.api.Count("POST", "/api/v1/requests/7/merge") == 1);
    app.Sync();
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/7", 200, api::EncodeRequest(Seven(4))));
    vm = BuildRequestDetail(app.state, seven, app.clock);
    CHECK(vm.workspace.can_reapply_merge);
    CHECK_FALSE(vm.can_reapply);  // the status path has nothing rejected
    h.Frames(app, 2);
    REQUIRE(h.Click(app, "reapply"));
    REQUIRE(app.api.Count("POST", "/api/v1/requests/7/merge") == 2);
    body = api::DecodeMergeBody(app.api.Last("POST", "/api/v1/requests/7/merge")->request.body);
    REQUIRE(body.ok());
    CHECK(body->into == RequestId(14));
    CHECK(body->base_version == 4);

    api::MergeResult result;
    result.source = Seven(5);
    result.source.status = Status::closed;
    result.target = MakeRequest(14, Status::in_progress, "VPN again");
    REQUIRE(app.api.Answer("POST", "/api/v1/requests/7/merge", 200, api::EncodeMergeResult(result)));
    vm = BuildRequestDetail(app.state, seven, app.clock);
    CHECK(vm.status == "Closed");
    CHECK(vm.workflow_error.empty());
    CHECK_FALSE(vm.workspace.can_reapply_merge);
    CHECK(vm.workspace.link_text.empty());
    REQUIRE_FALSE(app.state.toasts.empty());
    CHECK(app.state.toasts.back().text == "Merged into #14; this request is now closed.");
    app.Sync();
    CHECK(app.api.CountExact("GET", "/api/v1/requests/7") == 3);  // the merge reply is read back
}

TEST_CASE("workspace: a canned response is expanded for the request and put into the reply box") {
    App app;
    OpenSeven(app);
    const RequestId seven(7);
    WorkspaceViewModel ws = Workspace(app);
    REQUIRE(ws.canned.size() == 2);
    CHECK(ws.canned[0].title == "VPN: reinstall the client");
    CHECK(ws.canned[0].audience == "Everyone");
    CHECK(ws.canned[0].preview == "Hi Emma,\xE2\x80\xA6");  // expanded locally, first line
    CHECK(ws.canned[1].audience == "Network");
    CHECK(ws.canned[1].preview == "The network team is looking at REQ0000007.");

    app.actions.EditReply(seven, "Thanks for the details.");
    app.actions.InsertCanned(seven, 1);
    REQUIRE(app.api.CountExact("GET", "/api/v1/requests/7/canned/1") == 1);
    CHECK(Workspace(app).canned_busy);
    app.actions.InsertCanned(seven, 2);  // one at a time
    CHECK(app.api.Count("GET", "/api/v1/requests/7/canned/") == 1);
    api::CannedExpansion e;
    e.canned_id = 1;
    e.title = "VPN: reinstall the client";
    e.expansion.text = "Hi Emma,\nplease reinstall the VPN client.";
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/7/canned/1", 200, api::EncodeCannedExpansion(e)));
    app.Sync();
    RequestDetailViewModel vm = BuildRequestDetail(app.state, seven, app.clock);
    CHECK(vm.reply_text == "Thanks for the details.\n\nHi Emma,\nplease reinstall the VPN client.");
    CHECK(vm.reply_enabled);
    CHECK_FALSE(vm.workspace.canned_busy);
    CHECK(vm.workspace.canned_notice.empty());

    // Unknown placeholders are named; a failure is shown and leaves the draft alone.
    app.actions.EditReply(seven, "");
    app.actions.InsertCanned(seven, 2);
    e.canned_id = 2;
    e.expansion.text = "Hello {{requester.nickname}}";
    e.expansion.unknown = {"requester.nickname"};
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/7/canned/2", 200, api::EncodeCannedExpansion(e)));
    app.Sync();
    vm = BuildRequestDetail(app.state, seven, app.clock);
    CHECK(vm.reply_text == "Hello {{requester.nickname}}");
    CHECK(vm.workspace.canned_notice.find("{{requester.nickname}} is not a placeholder") != std::string::npos);
    app.actions.InsertCanned(seven, 1);
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/7/canned/1", 404,
                           R"({"error":{"code":"not_found","message":"No such canned response."}})"));
    app.Sync();
    vm = BuildRequestDetail(app.state, seven, app.clock);
    CHECK(vm.workspace.canned_error == "No such canned response.");
    CHECK(vm.reply_text == "Hello {{requester.nickname}}");

    // Through the picker beside the reply box.
    app.actions.EditReply(seven, "");
    Harness h;
    h.Frames(app, 2);
    REQUIRE(HasItem("canned_picker"));
    REQUIRE(h.Click(app, "canned_picker"));
    REQUIRE(HasItem("canned_2"));
    REQUIRE(h.Click(app, "canned_2"));
    CHECK(app.api.CountExact("GET", "/api/v1/requests/7/canned/2") == 2);
}

TEST_CASE(
    "workspace: group, assignee, impact and urgency are edited with the computed priority and PATCHed with "
    "base_version") {
    App app;
    OpenSeven(app);
    const RequestId seven(7);
    WorkspaceViewModel ws = Workspace(app);
    CHECK(ws.groups_load.status == ViewStatus::ready);
    CHECK(ws.group_label == "IT Service Desk");
    CHECK(ws.assignee_label == "Ava Patel");
    std::vector<std::string> labels;
    for (const PickOption& o : ws.assignees) labels.push_back(o.label);
    CHECK(labels == std::vector<std::string>{"Unassigned", "Ava Patel", "Liam Smith"});
    CHECK(ws.priority == "P5 Planning");
    CHECK_FALSE(ws.dirty);

    app.actions.SetEditImpact(seven, Level::high);
    app.actions.SetEditUrgency(seven, Level::medium);
    ws = Workspace(app);
    CHECK(ws.priority == "P2 High");  // the shared impact x urgency matrix
    CHECK(ws.priority_was == "was P5 Planning");
    CHECK(ws.dirty);
    // Another group: an assignee outside it is dropped, and its agents are offered.
    app.actions.SetEditGroup(seven, 2);
    ws = Workspace(app);
    CHECK(ws.group_label == "Network");
    CHECK(ws.assignee_label == "Unassigned");
    labels.clear();
    for (const PickOption& o : ws.assignees) labels.push_back(o.label);
    CHECK(labels == std::vector<std::string>{"Unassigned", "Noah Brown (away)"});
    app.actions.SetEditAssignee(seven, UserId(6));

    app.actions.SaveDetails(seven);
    const auto* sent = app.api.Last("PATCH", "/api/v1/requests/7");
    REQUIRE(sent);
    CHECK(sent->Header("X-CSRF-Token") == "csrf-agent");
    auto patch = api::DecodeRequestPatch(sent->request.body);
    REQUIRE(patch.ok());
    CHECK(patch->base_version == 3);
    CHECK(patch->group_id == 2);
    REQUIRE(patch->assignee.has_value());
    CHECK(patch->assignee->value == 6);
    CHECK(patch->impact == Level::high);
    CHECK(patch->urgency == Level::medium);
    CHECK_FALSE(patch->status.has_value());
    CHECK(Workspace(app).saving);

    // 409: the status buttons' notice; once the fresh version is here "Apply again" resends it.
    REQUIRE(app.api.Answer("PATCH", "/api/v1/requests/7", 409, kConflict));
    RequestDetailViewModel vm = BuildRequestDetail(app.state, seven, app.clock);
    CHECK(vm.workflow_error.find("changed this request meanwhile") != std::string::npos);
    app.Sync();
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/7", 200, api::EncodeRequest(Seven(4))));
    vm = BuildRequestDetail(app.state, seven, app.clock);
    CHECK(vm.can_reapply);
    CHECK_FALSE(vm.workspace.can_reapply_merge);
    CHECK(vm.workspace.dirty);  // the edit is kept
    app.actions.ReapplyChange(seven);
    REQUIRE(app.api.Count("PATCH", "/api/v1/requests/7") == 2);
    patch = api::DecodeRequestPatch(app.api.Last("PATCH", "/api/v1/requests/7")->request.body);
    REQUIRE(patch.ok());
    CHECK(patch->base_version == 4);
    CHECK(patch->group_id == 2);
    CHECK(patch->impact == Level::high);

    Request saved = Seven(5);
    saved.group_id = 2;
    saved.group_name = "Network";
    saved.assignee_id = UserId(6);
    saved.assignee_name = "Noah Brown";
    saved.impact = Level::high;
    saved.urgency = Level::medium;
    saved.priority = Priority::high;
    REQUIRE(app.api.Answer("PATCH", "/api/v1/requests/7", 200, api::EncodeRequest(saved)));
    app.Sync();
    ws = Workspace(app);
    CHECK_FALSE(ws.dirty);  // saved: nothing left to save
    CHECK(ws.group_label == "Network");
    CHECK(ws.assignee_label == "Noah Brown (away)");
    CHECK(ws.priority == "P2 High");
    CHECK(ws.priority_was.empty());

    // On screen: the pickers and level controls, and Save only when something changed.
    Harness h;
    h.Frames(app, 2);
    CHECK(HasItem("edit_group"));
    CHECK(HasItem("edit_assignee"));
    CHECK(HasItem("edit_impact"));
    CHECK(HasItem("edit_urgency"));
    CHECK_FALSE(HasItem("edit_save"));
    REQUIRE(h.Click(app, "edit_urgency_low"));
    CHECK(Workspace(app).priority == "P3 Moderate");
    REQUIRE(HasItem("edit_save"));
    REQUIRE(h.Click(app, "edit_save"));
    REQUIRE(app.api.Count("PATCH", "/api/v1/requests/7") == 3);
    patch = api::DecodeRequestPatch(app.api.Last("PATCH", "/api/v1/requests/7")->request.body);
    REQUIRE(patch.ok());
    CHECK(patch->urgency == Level::low);
    CHECK_FALSE(patch->impact.has_value());  // only what changed
    CHECK_FALSE(patch->group_id.has_value());

    // The group picker offers the directory's groups.
    saved.version = 6;
    saved.urgency = Level::low;
    saved.priority = Priority::moderate;
    REQUIRE(app.api.Answer("PATCH", "/api/v1/requests/7", 200, api::EncodeRequest(saved)));
    h.Frames(app, 2);
    REQUIRE(h.Click(app, "edit_group"));
    REQUIRE(h.Click(app, "IT Service Desk"));
    ws = Workspace(app);
    CHECK(ws.group_edited);
    CHECK(ws.group_label == "IT Service Desk");
    CHECK(ws.assignee_label == "Unassigned");  // Noah is not in it
}

TEST_CASE("workspace: wide windows put it in a side column, narrow ones stack it under the conversation") {
    for (const float width : {1280.0f, 900.0f}) {
        CAPTURE(width);
        App app;
        OpenSeven(app);
        Harness h(width, 4000);
        h.Frames(app, 2);
        const ui::hooks::HookedItem* reply = ui::hooks::FindItem("send_reply");
        const ui::hooks::HookedItem* requester = ui::hooks::FindItem("requester_name");
        const ui::hooks::HookedItem* link = ui::hooks::FindItem("link_add");
        const ui::hooks::HookedItem* history = ui::hooks::FindItem("history_row");
        REQUIRE(reply);
        REQUIRE(requester);
        REQUIRE(link);
        REQUIRE(history);
        const ui::hooks::HookedItem* link_input = ui::hooks::FindItem("link_input");
        REQUIRE(link_input);
        CHECK(link->h == doctest::Approx(link_input->h));  // the button matches the box beside it (was 40 vs 33 px)
        CHECK(link->y == doctest::Approx(link_input->y));
        if (width >= 1100) {
            CHECK(requester->x > reply->x + 300);  // beside the conversation
            CHECK(requester->y < reply->y);
            CHECK(history->x < requester->x);  // history stays in the main column
        } else {
            CHECK(requester->y > reply->y);  // under the conversation
            CHECK(link->y > requester->y);
            CHECK(history->y > link->y);
        }
    }
}

TEST_CASE("workspace: employees never ask for related requests, history, canned replies or groups") {
    App app;
    app.SignedIn("#/requests/7");
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/7", 200, api::EncodeRequest(Seven())));
    Harness h;
    h.Frames(app, 3);
    const RequestId seven(7);
    app.actions.ReloadWorkspace(seven);
    app.actions.EditLinkText(seven, "#12");
    app.actions.AddLink(seven);
    app.actions.RemoveLink(seven, RequestId(12));
    app.actions.SetLinkKind(seven, LinkKind::duplicate_of);
    app.actions.AskMerge(seven);
    app.actions.ConfirmMerge(seven);
    app.actions.InsertCanned(seven, 1);
    app.actions.SetEditGroup(seven, 2);
    app.actions.SetEditAssignee(seven, UserId(2));
    app.actions.SetEditImpact(seven, Level::high);
    app.actions.SetEditUrgency(seven, Level::high);
    app.actions.SaveDetails(seven);
    h.Frames(app, 3);

    CHECK(app.api.Count("GET", "/api/v1/requests/7/") == 0);  // related, history, canned/{cid}
    CHECK(app.api.Count("GET", "/api/v1/canned") == 0);
    CHECK(app.api.Count("GET", "/api/v1/groups") == 0);
    CHECK(app.api.Count("POST", "/api/v1/requests/7/links") == 0);
    CHECK(app.api.Count("DELETE", "/api/v1/requests/7/links") == 0);
    CHECK(app.api.Count("POST", "/api/v1/requests/7/merge") == 0);
    CHECK(app.api.Count("PATCH", "/api/v1/requests/7") == 0);
    CHECK(app.state.workspace.drafts.empty());
    CHECK_FALSE(BuildRequestDetail(app.state, seven, app.clock).workspace.visible);
    for (const char* id : {"canned_picker", "link_add", "merge_into", "edit_group", "edit_assignee", "edit_impact",
                           "edit_urgency", "history_row", "requester_name", "related_11"})
        CHECK_FALSE(HasItem(id));
    CHECK(HasItem("send_reply"));  // the employee's own reply box is still there
}
