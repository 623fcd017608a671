// Headless tests of the satisfaction survey (issue 13): the requester rates a resolved request
// with one click (nothing else is asked first), may then add effort and a comment (checked by the
// shared rules before anything is sent), changes keep the stored answer's other parts; the home
// banner asks about the latest resolved request and "Not now" puts it off; staff see the answer
// and are never asked; an open request has no survey.
#include "fixtures.h"

using namespace fixtures;

namespace {

Request Resolved(std::int64_t id, const char* summary) {
    Request r = MakeRequest(id, Status::resolved, summary);
    r.resolved_at = kNow - 3600000;
    r.resolved_by = UserId(3);
    r.resolved_by_name = "Ava";
    r.version = 4;
    return r;
}

std::optional<survey::Answer> LastAnswer(App& app, std::int64_t id) {
    const auto* sent = app.api.Last("PUT", "/api/v1/requests/" + std::to_string(id) + "/survey");
    if (!sent) return std::nullopt;
    auto a = api::DecodeSurveyBody(sent->request.body);
    if (!a.ok()) return std::nullopt;
    return *a;
}

Request Rated(Request r, int score, int effort = 0, std::string comment = {}) {
    r.survey.score = score;
    r.survey.effort = effort;
    r.survey.comment = std::move(comment);
    r.survey.answered_at = r.survey.updated_at = kNow - 60000;
    r.version += 1;
    return r;
}

}  // namespace

TEST_CASE("survey: one click rates a resolved request; then effort and a comment; a change keeps the rest") {
    App app;
    app.SignedIn("#/requests/8");
    const Request r = Resolved(8, "Docking station flickers");
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/8", 200, api::EncodeRequest(r)));
    Harness h;
    h.Frames(app, 3);
    RequestDetailViewModel vm = BuildRequestDetail(app.state, RequestId(8), app.clock);
    REQUIRE(vm.survey.visible);
    CHECK(vm.survey.score == 0);
    REQUIRE(vm.survey.score_labels.size() == 5);
    CHECK(vm.survey.score_labels[4] == "Very satisfied");
    REQUIRE(HasItem("survey_score_5"));
    CHECK_FALSE(HasItem("survey_comment"));  // nothing to fill in before the click

    REQUIRE(h.Click(app, "survey_score_5"));
    auto sent = LastAnswer(app, 8);
    REQUIRE(sent);
    CHECK(sent->score == 5);
    CHECK(sent->effort == 0);
    CHECK(sent->comment.empty());
    vm = BuildRequestDetail(app.state, RequestId(8), app.clock);
    CHECK(vm.survey.sending);
    CHECK(vm.survey.score == 5);  // shown at once
    REQUIRE(app.api.Answer("PUT", "/api/v1/requests/8/survey", 200, api::EncodeRequest(Rated(r, 5))));
    h.Frames(app, 2);
    vm = BuildRequestDetail(app.state, RequestId(8), app.clock);
    CHECK_FALSE(vm.survey.sending);
    CHECK(vm.survey.thanks == "Thank you! You answered 5 – Very satisfied.");
    CHECK(vm.survey.change_note.find("You can change your answer until") == 0);
    CHECK(vm.survey.details_open);  // the comment is offered after the first answer
    REQUIRE(HasItem("survey_comment"));
    CHECK(app.state.toasts.back().text == "Thank you for your feedback.");

    // Effort and a comment; a too-long comment is refused before sending.
    REQUIRE(h.Click(app, "survey_effort_4"));
    app.actions.EditSurveyComment(RequestId(8), std::string(1001, 'x'));
    REQUIRE(h.Click(app, "survey_save"));
    CHECK(app.api.Count("PUT", "/api/v1/requests/8/survey") == 1);
    vm = BuildRequestDetail(app.state, RequestId(8), app.clock);
    CHECK(vm.survey.error_field == "comment");
    app.actions.EditSurveyComment(RequestId(8), "  Fixed in ten minutes.  ");
    h.Frames(app, 1);
    REQUIRE(h.Click(app, "survey_save"));
    sent = LastAnswer(app, 8);
    REQUIRE(sent);
    CHECK(sent->score == 5);
    CHECK(sent->effort == 4);
    CHECK(sent->comment == "Fixed in ten minutes.");
    REQUIRE(app.api.Answer("PUT", "/api/v1/requests/8/survey", 200,
                           api::EncodeRequest(Rated(r, 5, 4, "Fixed in ten minutes."))));
    h.Frames(app, 2);
    vm = BuildRequestDetail(app.state, RequestId(8), app.clock);
    CHECK_FALSE(vm.survey.details_open);
    CHECK(HasItem("survey_add_comment"));

    // Changing the score with one click keeps the effort and comment given.
    REQUIRE(h.Click(app, "survey_score_4"));
    sent = LastAnswer(app, 8);
    REQUIRE(sent);
    CHECK(sent->score == 4);
    CHECK(sent->effort == 4);
    CHECK(sent->comment == "Fixed in ten minutes.");

    // A refusal (the window closed meanwhile) is shown and the request re-read.
    REQUIRE(app.api.Answer("PUT", "/api/v1/requests/8/survey", 409,
                           R"({"error":{"code":"conflict","message":"This survey is closed."}})"));
    h.Frames(app, 2);
    vm = BuildRequestDetail(app.state, RequestId(8), app.clock);
    CHECK(vm.survey.error == "This survey is closed.");
}

TEST_CASE("survey: no survey while open, for someone else's request, or after the window; staff see the answer") {
    App app;
    app.SignedIn("#/requests/9");
    Request open = MakeRequest(9, Status::in_progress, "Printer jam");
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/9", 200, api::EncodeRequest(open)));
    Harness h;
    h.Frames(app, 3);
    CHECK_FALSE(BuildRequestDetail(app.state, RequestId(9), app.clock).survey.visible);
    CHECK_FALSE(HasItem("survey_score_1"));

    Request old = Rated(Resolved(9, "Printer jam"), 3);
    old.survey.answered_at = kNow - 8 * 86400000LL;  // answered 8 days ago: no longer changeable
    app.state.details[9].data = old;
    h.Frames(app, 1);
    CHECK_FALSE(BuildRequestDetail(app.state, RequestId(9), app.clock).survey.visible);

    App agent;
    SignedInAs(agent, Agent(), "#/requests/8");
    const Request rated = Rated(Resolved(8, "Docking station flickers"), 2, 1, "Took three calls.");
    REQUIRE(agent.api.Answer("GET", "/api/v1/requests/8", 200, api::EncodeRequest(rated)));
    Harness ha;
    ha.Frames(agent, 3);
    const RequestDetailViewModel vm = BuildRequestDetail(agent.state, RequestId(8), agent.clock);
    CHECK_FALSE(vm.survey.visible);  // staff are never asked about emma's request
    REQUIRE(vm.survey_result.visible);
    CHECK(vm.survey_result.line == "2/5 · Dissatisfied");
    CHECK(vm.survey_result.tone == Tone::danger);
    CHECK(vm.survey_result.effort == "Getting help: Very difficult");
    CHECK(vm.survey_result.comment == "Took three calls.");
    CHECK(HasItem("survey_result"));
}

TEST_CASE("survey: the home banner asks about the latest resolved request; one click answers; Not now hides it") {
    App app;
    app.SignedIn("#/");
    Request cancelled = MakeRequest(5, Status::cancelled, "Old ask");
    Request rated = Rated(Resolved(6, "Mouse replaced"), 5);
    Request waiting = Resolved(7, "VPN drops every hour");
    Request older = Resolved(4, "Monitor cable");
    REQUIRE(app.api.Answer("GET", "/api/v1/requests?status=open", 200, api::EncodeRequestPage(Page({}, 0))));
    REQUIRE(app.api.Answer("GET", "/api/v1/requests?status=done", 200,
                           api::EncodeRequestPage(Page({cancelled, rated, waiting, older}, 4))));
    Harness h;
    h.Frames(app, 4);
    HomeViewModel vm = BuildHome(app.state, app.clock);
    REQUIRE(vm.survey.visible);
    CHECK(vm.survey.id == RequestId(7));  // not the cancelled one, not the one already rated
    CHECK(vm.survey.subject == "VPN drops every hour (REQ0000007)");
    REQUIRE(HasItem("banner_score_1"));

    REQUIRE(h.Click(app, "banner_not_now"));
    vm = BuildHome(app.state, app.clock);
    REQUIRE(vm.survey.visible);
    CHECK(vm.survey.id == RequestId(4));  // the next one

    REQUIRE(h.Click(app, "banner_score_4"));
    auto sent = LastAnswer(app, 4);
    REQUIRE(sent);
    CHECK(sent->score == 4);
    REQUIRE(app.api.Answer("PUT", "/api/v1/requests/4/survey", 200, api::EncodeRequest(Rated(older, 4))));
    h.Frames(app, 2);
    vm = BuildHome(app.state, app.clock);
    REQUIRE(vm.survey.visible);  // thanks, with the comment offered on the request
    CHECK(vm.survey.thanks == "Thank you! You answered 4 – Satisfied.");
    REQUIRE(h.Click(app, "banner_comment"));
    h.Frames(app, 1);
    CHECK(app.state.route.screen == Screen::request_detail);
    CHECK(app.state.route.request == RequestId(4));
}
