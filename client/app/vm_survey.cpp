// View-models of the satisfaction survey (issue 13): the requester's card on a resolved request,
// the home banner for the latest one still to rate, and what staff see of the answer.
#include "client/app/view_models.h"
#include "client/app/vm_internal.h"
#include "shared/domain/i18n.h"
#include "shared/domain/survey.h"

namespace spoc::client {

using i18n::Format;
using i18n::tr;


SurveyViewModel BuildSurvey(const AppState& state, const Request& r, const Clock& clock) {
    SurveyViewModel vm;
    vm.id = r.id;
    if (!state.me || state.me->user.id != r.requester_id) return vm;
    const survey::Window window = survey::RequestWindow(r.status, r.resolved_at, r.survey, clock.now);
    auto s = state.surveys.find(r.id.value);
    const SurveyState* edit = s == state.surveys.end() ? nullptr : &s->second;
    vm.visible = survey::CanAnswer(window) || (edit && edit->in_flight);
    if (!vm.visible) return vm;
    vm.heading = tr("How did we do?");
    vm.question = tr("How satisfied are you with how your request was handled?");
    // TRANSLATORS: the request being rated on the home page; {0} is its title, {1} its number.
    vm.subject = Format(tr("{0} ({1})"), {r.summary, r.number});
    for (int i = survey::kMinScore; i <= survey::kMaxScore; ++i) vm.score_labels.emplace_back(survey::ScoreLabel(i));
    for (int i = survey::kMinEffort; i <= survey::kMaxEffort; ++i) vm.effort_labels.emplace_back(survey::EffortLabel(i));
    vm.score = r.survey.score;
    vm.sending = edit && edit->in_flight;
    if (vm.sending && edit->sending_score != 0) vm.score = edit->sending_score;
    if (r.survey.score != 0) {
        // TRANSLATORS: after rating a request; {0} is the score (1-5), {1} its words ("Very satisfied").
        vm.thanks = Format(tr("Thank you! You answered {0} – {1}."), {std::to_string(r.survey.score), survey::ScoreLabel(r.survey.score)});
        // TRANSLATORS: {0} is a date ("Dec 13, 2026").
        vm.change_note = Format(tr("You can change your answer until {0}."),
                                {LocalDateText(clock, r.survey.answered_at + survey::kChangeWindowMs)});
    }
    vm.details_open = edit && edit->details_open && r.survey.score != 0;
    vm.effort_question = tr("How easy was it to get help? (optional)");
    vm.comment_label = tr("Anything else you'd like to tell us? (optional)");
    vm.comment_max = static_cast<int>(survey::kMaxComment);
    if (edit && edit->seeded) {
        vm.effort = edit->effort;
        vm.comment = edit->comment;
    } else {
        vm.effort = r.survey.effort;
        vm.comment = r.survey.comment;
    }
    if (edit && edit->error) {
        const Error& e = *edit->error;
        vm.error = e.code == ErrorCode::network ? std::string(tr("We couldn't reach Spoc. Your answer is kept — try again."))
                                                : e.message;
        vm.error_field = e.field;
    }
    return vm;
}

SurveyResultViewModel BuildSurveyResult(const Request& r, const Clock& clock) {
    SurveyResultViewModel vm;
    if (r.survey.score == 0) return vm;
    vm.visible = true;
    vm.score = r.survey.score;
    // TRANSLATORS: a satisfaction score; {0} is 1-5, {1} its words ("Satisfied").
    vm.line = Format(tr("{0}/5 · {1}"), {std::to_string(r.survey.score), survey::ScoreLabel(r.survey.score)});
    vm.tone = survey::IsSatisfied(r.survey.score) ? Tone::success : r.survey.score == 3 ? Tone::warning : Tone::danger;
    // TRANSLATORS: the customer effort answer; {0} is "Very easy" .. "Very difficult".
    if (r.survey.effort != 0) vm.effort = Format(tr("Getting help: {0}"), {survey::EffortLabel(r.survey.effort)});
    vm.comment = r.survey.comment;
    // TRANSLATORS: {0} is when the survey was last answered, e.g. "2 days ago".
    vm.when = Format(tr("Answered {0}"), {FormatRelative(r.survey.updated_at, clock.now)});
    return vm;
}

}  // namespace spoc::client
