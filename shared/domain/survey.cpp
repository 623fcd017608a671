// The survey rules of survey.h.
#include "shared/domain/survey.h"

#include "shared/domain/i18n.h"
#include "shared/domain/request.h"
#include "shared/domain/text.h"

namespace spoc::survey {

using i18n::tr;
using i18n::trc;

std::vector<FieldError> ValidateScore(int score) {
    if (score >= kMinScore && score <= kMaxScore) return {};
    return {{"score", tr("Give a score from 1 to 5.")}};
}

std::vector<FieldError> ValidateAnswer(const Answer& answer) {
    std::vector<FieldError> out = ValidateScore(answer.score);
    if (answer.effort != 0 && (answer.effort < kMinEffort || answer.effort > kMaxEffort))
        out.push_back({"effort", tr("Choose how easy it was, from 1 to 5, or leave it out.")});
    if (Utf8Length(answer.comment) > kMaxComment || !IsPlainText(answer.comment, true))
        out.push_back({"comment", tr("Keep the comment to plain text of at most 1000 characters.")});
    return out;
}

Window RequestWindow(Status status, Timestamp resolved_at, const Answer& answer, Timestamp now) {
    const bool done = status == Status::resolved || (status == Status::closed && resolved_at != 0);
    if (!done || resolved_at == 0) return Window::not_resolved;
    if (answer.score == 0) return now - resolved_at <= kAnswerWindowMs ? Window::open : Window::closed;
    return now - answer.answered_at <= kChangeWindowMs ? Window::changeable : Window::closed;
}

std::string_view ScoreLabel(int score) {
    switch (score) {
        case 1: return trc("csat", "Very dissatisfied");
        case 2: return trc("csat", "Dissatisfied");
        case 3: return trc("csat", "Neutral");
        case 4: return trc("csat", "Satisfied");
        case 5: return trc("csat", "Very satisfied");
        default: return {};
    }
}

std::string_view EffortLabel(int effort) {
    switch (effort) {
        case 1: return trc("ces", "Very difficult");
        case 2: return trc("ces", "Difficult");
        case 3: return trc("ces", "Neither");
        case 4: return trc("ces", "Easy");
        case 5: return trc("ces", "Very easy");
        default: return {};
    }
}

}  // namespace spoc::survey
