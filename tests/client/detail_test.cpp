// Headless tests of the request page's decisions, each written against a defect a new user hit:
// cancelling asks first (with an optional reason) and is never the loud button; a cancelled
// request is read-only for its requester; the usual next step is the one primary button and the
// rest sit in a menu; resolving asks for a resolution note that the requester then reads, with
// who resolved it; "This didn't fix it" turns the reply into a reopen; the requester sees the
// assignee's first name; agents' reply box speaks to agents; and a refused form submit scrolls to
// and focuses the first problem, whose summary lists the fields as links.
#include "fixtures.h"

using namespace fixtures;

namespace {

Request Assigned(std::int64_t id, std::int64_t assignee) {
    Request r = MakeRequest(id, Status::assigned, "Docking station flickers");
    r.assignee_id = UserId(assignee);
    r.assignee_name = "Ava Patel";
    r.group_id = 1;
    r.group_name = "IT Service Desk";
    r.version = 3;
    return r;
}

std::optional<api::RequestPatch> LastPatch(App& app, const std::string& path) {
    const auto* sent = app.api.Last("PATCH", path);
    if (!sent) return std::nullopt;
    auto patch = api::DecodeRequestPatch(sent->request.body);
    if (!patch.ok()) return std::nullopt;
    return *patch;
}

}  // namespace

TEST_CASE("detail: an employee's cancel asks first, takes an optional reason, and is not a red button") {
    App app;
    app.SignedIn("#/requests/8");
    Request r = MakeRequest(8, Status::new_, "Desk move to 3F");
    r.version = 2;
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/8", 200, api::EncodeRequest(r)));
    Harness h;
    h.Frames(app, 3);
    RequestDetailViewModel vm = BuildRequestDetail(app.state, RequestId(8), app.clock);
    REQUIRE(vm.status_actions.size() == 1);
    CHECK(vm.status_actions[0].confirm);
    CHECK_FALSE(vm.status_actions[0].primary);
    REQUIRE(HasItem("status_cancelled"));
    CHECK(ui::hooks::FindItem("status_cancelled")->h < 36);  // a quiet text link, not the 36 px button row

    // One click opens the dialog; nothing is sent yet.
    REQUIRE(h.Click(app, "status_cancelled"));
    h.Frames(app, 2);  // a modal appears the frame after it opens
    CHECK(app.api.Count("PATCH", "/api/v1/requests/8") == 0);
    vm = BuildRequestDetail(app.state, RequestId(8), app.clock);
    REQUIRE(vm.confirm.open);
    CHECK(vm.confirm.title == "Cancel REQ0000008?");
    CHECK(HasItem("confirm_status"));
    CHECK(HasItem("confirm_keep"));

    // "Keep request" closes it with nothing sent.
    REQUIRE(h.Click(app, "confirm_keep"));
    CHECK_FALSE(BuildRequestDetail(app.state, RequestId(8), app.clock).confirm.open);
    CHECK(app.api.Count("PATCH", "/api/v1/requests/8") == 0);

    // Again, with a reason typed into the dialog (it has the keyboard as it opens).
    REQUIRE(h.Click(app, "status_cancelled"));
    h.Frames(app, 2);
    h.Type(app, "Found a spare desk");
    CHECK(BuildRequestDetail(app.state, RequestId(8), app.clock).confirm.text == "Found a spare desk");
    REQUIRE(h.Click(app, "confirm_status"));
    auto patch = LastPatch(app, "/api/v1/requests/8");
    REQUIRE(patch);
    CHECK(patch->status == Status::cancelled);
    CHECK(patch->cancel_reason == "Found a spare desk");
    CHECK(patch->base_version == 2);

    // The answer: cancelled, read-only for her, with the reason shown.
    Request after = r;
    after.status = Status::cancelled;
    after.cancel_reason = "Found a spare desk";
    after.version = 3;
    REQUIRE(app.api.Answer("PATCH", "/api/v1/requests/8", 200, api::EncodeRequest(after)));
    h.Frames(app, 3);
    vm = BuildRequestDetail(app.state, RequestId(8), app.clock);
    CHECK(vm.read_only);
    CHECK(vm.status_actions.empty());
    CHECK(vm.cancelled_notice.find("Found a spare desk") != std::string::npos);
    CHECK_FALSE(HasItem("send_reply"));
    CHECK_FALSE(HasItem("Reply"));
    CHECK_FALSE(vm.confirm.open);
}

TEST_CASE("detail: staff get the usual next step as the primary button and the rest in a menu; resolve asks for a note") {
    App app;
    SignedInAs(app, Agent(), "#/requests/7");
    Request r = Assigned(7, 3);  // assigned to ava herself
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/7", 200, api::EncodeRequest(r)));
    Harness h;
    h.Frames(app, 3);
    RequestDetailViewModel vm = BuildRequestDetail(app.state, RequestId(7), app.clock);
    int primaries = 0;
    for (const auto& a : vm.status_actions) primaries += a.primary ? 1 : 0;
    CHECK(primaries == 1);
    CHECK(HasItem("status_in_progress"));         // Start work: the primary
    CHECK(HasItem("status_more"));
    CHECK_FALSE(HasItem("status_resolved"));      // in the menu until it opens
    CHECK_FALSE(HasItem("status_cancelled"));
    CHECK(vm.reply_placeholder.find("Emma") != std::string::npos);  // an agent's reply box names the requester

    // The menu holds Resolve (allowed straight from Assigned) and, last, Cancel.
    REQUIRE(h.Click(app, "status_more"));
    CHECK(HasItem("status_resolved"));
    CHECK(HasItem("status_cancelled"));
    REQUIRE(h.Click(app, "status_resolved"));
    h.Frames(app, 2);
    vm = BuildRequestDetail(app.state, RequestId(7), app.clock);
    REQUIRE(vm.confirm.open);
    CHECK(vm.confirm.to == Status::resolved);
    CHECK(app.api.Count("PATCH", "/api/v1/requests/7") == 0);
    h.Frames(app, 2);
    h.Type(app, "Replaced the dock; both screens work.");
    REQUIRE(h.Click(app, "confirm_status"));
    auto patch = LastPatch(app, "/api/v1/requests/7");
    REQUIRE(patch);
    CHECK(patch->status == Status::resolved);
    CHECK(patch->resolution_note == "Replaced the dock; both screens work.");

    // In progress: Resolve becomes the primary step.
    Request working = r;
    working.status = Status::in_progress;
    working.version = 4;
    REQUIRE(app.api.Answer("PATCH", "/api/v1/requests/7", 200, api::EncodeRequest(working)));
    h.Frames(app, 3);
    vm = BuildRequestDetail(app.state, RequestId(7), app.clock);
    for (const auto& a : vm.status_actions) CHECK(a.primary == (a.to == Status::resolved));
}

TEST_CASE("detail: the requester sees who works on it, how it was resolved, and 'This didn't fix it' reopens by reply") {
    App app;
    app.SignedIn("#/requests/9");
    Request r = Assigned(9, 3);
    r.status = Status::resolved;
    r.resolved_at = app.clock.now - 3600000;
    r.resolved_by = UserId(3);
    r.resolved_by_name = "Ava";
    r.resolution_note = "Pushed a new VPN profile.";
    r.version = 6;
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/9", 200, api::EncodeRequest(r)));
    Harness h;
    h.Frames(app, 3);
    RequestDetailViewModel vm = BuildRequestDetail(app.state, RequestId(9), app.clock);
    CHECK(vm.assignee_first == "Ava");
    CHECK(vm.resolution_title.find("Resolved by Ava") == 0);
    CHECK(HasItem("resolution_note"));
    CHECK(vm.can_reopen);
    REQUIRE(vm.status_actions.size() == 1);
    CHECK(vm.status_actions[0].primary);          // Close request
    CHECK(vm.status_actions[0].to == Status::closed);

    REQUIRE(h.Click(app, "reopen"));
    h.Frames(app, 2);
    vm = BuildRequestDetail(app.state, RequestId(9), app.clock);
    CHECK(vm.reopening);
    CHECK(HasLabel("Reopen with this reply"));
    h.Type(app, "Still drops every ten minutes");  // the reply box took the keyboard
    CHECK(app.state.replies[9].text == "Still drops every ten minutes");
    REQUIRE(h.Click(app, "send_reply"));
    CHECK(app.api.Count("POST", "/api/v1/requests/9/comments") == 1);

    // Past the reopen window there is nothing to reopen.
    App late;
    late.SignedIn("#/requests/9");
    r.resolved_at = late.clock.now - 9 * 86400000LL;
    REQUIRE(late.api.Answer("GET", "/api/v1/requests/9", 200, api::EncodeRequest(r)));
    CHECK_FALSE(BuildRequestDetail(late.state, RequestId(9), late.clock).can_reopen);
}

TEST_CASE("form: a refused submit scrolls to and focuses the first problem; the summary links each field") {
    App app;
    Harness h(1280, 700);  // short: the first field is off-screen once the page is scrolled to the button
    app.OpenLaptopForm();
    h.Frames(app, 3);
    // Scroll down to the submit button, as a person filling the form would be.
    for (int i = 0; i < 30 && !(ui::hooks::FindItem("submit") && ui::hooks::FindItem("submit")->y + 44 < 700); ++i) {
        ImGui::GetIO().AddMousePosEvent(640, 400);
        ImGui::GetIO().AddMouseWheelEvent(0, -3);
        h.Frames(app, 2);
    }
    REQUIRE(HasItem("submit"));
    REQUIRE(h.Click(app, "submit"));
    h.Frames(app, 3);
    const FormViewModel vm = BuildForm(app.state, CatalogItemId(3), app.clock);
    REQUIRE(vm.error_links.size() >= 1);
    const std::string first = vm.error_links[0].second;
    CHECK(first == "values.model");  // the form's first required field
    const auto* item = ui::hooks::FindItem(first);
    REQUIRE(item != nullptr);
    CHECK(item->y >= 64);
    CHECK(item->y + item->h <= 700);               // scrolled into view

    // The link for another field takes the keyboard there.
    for (const auto& [label, input_id] : vm.error_links) {
        if (input_id != "values.reason") continue;
        for (int i = 0; i < 30 && !HasItem("goto_" + input_id); ++i) {
            ImGui::GetIO().AddMousePosEvent(640, 400);
            ImGui::GetIO().AddMouseWheelEvent(0, -3);
            h.Frames(app, 2);
        }
        CHECK(HasItem("goto_" + first));           // the summary by the button lists every field as a link
        REQUIRE(h.Click(app, "goto_" + input_id));
        h.Frames(app, 4);
        const auto* field = ui::hooks::FindItem(input_id);
        REQUIRE(field != nullptr);
        CHECK(field->active);
    }
}
