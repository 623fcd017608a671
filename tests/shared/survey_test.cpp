// The survey rules (shared/domain/survey.h): scores, effort, comment, and when a request's survey
// may be answered or changed.
#include <doctest/doctest.h>

#include "shared/api/dto.h"
#include "shared/api/walkup_dto.h"
#include "shared/domain/request.h"
#include "shared/domain/survey.h"
#include "shared/domain/walkup.h"

using namespace spoc;
using survey::Window;

TEST_CASE("survey: score 1..5, optional effort 1..5, plain comment of at most 1000 code points") {
    for (int s = 1; s <= 5; ++s) CHECK(survey::ValidateScore(s).empty());
    for (int s : {-1, 0, 6, 100}) {
        auto bad = survey::ValidateScore(s);
        REQUIRE(bad.size() == 1);
        CHECK(bad[0].field == "score");
    }
    CHECK(walkup::ValidateSurveyScore(0).size() == 1);  // the walk-up survey is the same model
    CHECK(walkup::ValidateSurveyScore(3).empty());
    survey::Answer a;
    a.score = 4;
    CHECK(survey::ValidateAnswer(a).empty());
    a.effort = 6;
    REQUIRE(survey::ValidateAnswer(a).size() == 1);
    CHECK(survey::ValidateAnswer(a)[0].field == "effort");
    a.effort = 1;
    a.comment = std::string(1000, 'x');
    CHECK(survey::ValidateAnswer(a).empty());
    a.comment = "Schnell erledigt, danke! 早い\nSecond line";
    CHECK(survey::ValidateAnswer(a).empty());
    a.comment = std::string(1001, 'x');
    CHECK(survey::ValidateAnswer(a)[0].field == "comment");
    a.comment = "null\0byte";
    a.comment.push_back('\0');
    CHECK(survey::ValidateAnswer(a)[0].field == "comment");
    a.score = 0;
    CHECK(survey::ValidateAnswer(a).size() == 2);
    CHECK(survey::IsSatisfied(4));
    CHECK(survey::IsSatisfied(5));
    CHECK_FALSE(survey::IsSatisfied(3));
    CHECK_FALSE(survey::ScoreLabel(5).empty());
    CHECK(survey::ScoreLabel(0).empty());
    CHECK_FALSE(survey::EffortLabel(1).empty());
}

TEST_CASE("survey: a request's window opens at resolution, 30 days for a first answer, 7 days to change it") {
    const Timestamp resolved = 1'700'000'000'000;
    survey::Answer none;
    CHECK(survey::RequestWindow(Status::in_progress, 0, none, resolved) == Window::not_resolved);
    CHECK(survey::RequestWindow(Status::cancelled, 0, none, resolved) == Window::not_resolved);
    CHECK(survey::RequestWindow(Status::closed, 0, none, resolved) == Window::not_resolved);  // closed without a resolution
    CHECK(survey::RequestWindow(Status::resolved, resolved, none, resolved) == Window::open);
    CHECK(survey::RequestWindow(Status::closed, resolved, none, resolved + 10 * kMsPerDay) == Window::open);
    CHECK(survey::RequestWindow(Status::resolved, resolved, none, resolved + 30 * kMsPerDay) == Window::open);
    CHECK(survey::RequestWindow(Status::resolved, resolved, none, resolved + 30 * kMsPerDay + 1) == Window::closed);
    survey::Answer given;
    given.score = 5;
    given.answered_at = resolved + 20 * kMsPerDay;
    CHECK(survey::RequestWindow(Status::closed, resolved, given, given.answered_at + 7 * kMsPerDay) == Window::changeable);
    CHECK(survey::RequestWindow(Status::closed, resolved, given, given.answered_at + 7 * kMsPerDay + 1) == Window::closed);
    // Reopened after an answer: nothing to change until it is resolved again.
    CHECK(survey::RequestWindow(Status::in_progress, 0, given, given.answered_at + 1) == Window::not_resolved);
    CHECK(survey::CanAnswer(Window::open));
    CHECK(survey::CanAnswer(Window::changeable));
    CHECK_FALSE(survey::CanAnswer(Window::closed));
    CHECK_FALSE(survey::CanAnswer(Window::not_resolved));
}

TEST_CASE("survey: the wire body is decoded with the shared checks; the request carries the answer") {
    auto ok = api::DecodeSurveyBody(R"({"score":5,"effort":4,"comment":"  Great  "})");
    REQUIRE(ok.ok());
    CHECK(ok->score == 5);
    CHECK(ok->effort == 4);
    CHECK(ok->comment == "Great");
    auto round = api::DecodeSurveyBody(api::EncodeSurveyBody(*ok));
    REQUIRE(round.ok());
    CHECK(round->comment == "Great");
    for (const char* bad : {R"({})", R"({"score":"five"})", R"({"score":7})", R"({"score":3,"effort":0.5})", "[1]", "{"}) {
        CAPTURE(bad);
        CHECK_FALSE(api::DecodeSurveyBody(bad).ok());
    }
    CHECK(api::DecodeSurveyBody(R"({"score":7})").error().field == "score");
    // A number past int's range is refused, not wrapped into a valid score (2^32 + 5 is not 5).
    auto wrapped = api::DecodeSurveyBody(R"({"score":4294967301})");
    REQUIRE_FALSE(wrapped.ok());
    CHECK(wrapped.error().field == "score");
    auto wrapped_effort = api::DecodeSurveyBody(R"({"score":4,"effort":4294967297})");
    REQUIRE_FALSE(wrapped_effort.ok());
    CHECK(wrapped_effort.error().field == "effort");
    Request r;
    r.id = RequestId(7);
    r.survey.score = 3;
    r.survey.effort = 2;
    r.survey.comment = "ok";
    r.survey.answered_at = 1'700'000'000'000;
    r.survey.updated_at = 1'700'000'100'000;
    auto back = api::DecodeRequest(api::EncodeRequest(r));
    REQUIRE(back.ok());
    CHECK(back->survey.score == 3);
    CHECK(back->survey.effort == 2);
    CHECK(back->survey.comment == "ok");
    CHECK(back->survey.answered_at == r.survey.answered_at);
    CHECK(back->survey.updated_at == r.survey.updated_at);
    Request none;
    CHECK(api::EncodeRequest(none).find("survey") == std::string::npos);
}

TEST_CASE("survey: a walk-up visit's score past int's range is refused, not wrapped") {
    auto wrapped = api::DecodeVisitAction(R"({"score":4294967301})");
    REQUIRE_FALSE(wrapped.ok());
    CHECK(wrapped.error().field == "score");
    auto fine = api::DecodeVisitAction(R"({"score":5})");
    REQUIRE(fine.ok());
    CHECK(fine->score == 5);
}
