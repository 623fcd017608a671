// Satisfaction surveys (CSAT, with an optional effort score, CES): one model for requests and
// walk-up visits. A request's survey opens when it is resolved; the requester answers with one
// click (a score of 1..5), may add a comment and "How easy was it to get help?" (1..5), and may
// change the answer for kChangeWindowMs after giving it. The reports read the stored answers:
// CSAT % is the share of 4s and 5s (IsSatisfied).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "shared/domain/result.h"
#include "shared/domain/time.h"

namespace spoc {
enum class Status;  // request.h (which includes this header for Request::survey)
}

namespace spoc::survey {

inline constexpr int kMinScore = 1;   // very dissatisfied
inline constexpr int kMaxScore = 5;   // very satisfied
inline constexpr int kMinEffort = 1;  // very difficult
inline constexpr int kMaxEffort = 5;  // very easy
inline constexpr std::size_t kMaxComment = 1000;                 // code points
inline constexpr Timestamp kChangeWindowMs = 7 * kMsPerDay;       // after the first answer
inline constexpr Timestamp kAnswerWindowMs = 30 * kMsPerDay;      // after the resolution, for a first answer

struct Answer {
    int score = 0;            // 1..5; 0 = not answered
    int effort = 0;           // 1..5; 0 = not given (optional)
    std::string comment;      // optional, trimmed
    Timestamp answered_at = 0;  // the first answer
    Timestamp updated_at = 0;   // the last change
};

// Field keys "score", "effort", "comment"; empty when the answer is fine. The comment is checked
// as it is saved (trimmed); effort 0 means "not given".
std::vector<FieldError> ValidateScore(int score);
std::vector<FieldError> ValidateAnswer(const Answer& answer);

// Whether the requester may answer (or change the answer to) a request's survey now:
//   not_resolved - the request is not Resolved or Closed after a resolution (open, cancelled);
//   open         - no answer yet, and within kAnswerWindowMs of the resolution;
//   changeable   - answered, and within kChangeWindowMs of the first answer;
//   closed       - too late for either.
enum class Window { not_resolved, open, changeable, closed };
Window RequestWindow(Status status, Timestamp resolved_at, const Answer& answer, Timestamp now);
inline bool CanAnswer(Window w) { return w == Window::open || w == Window::changeable; }

// CSAT counts 4 and 5 as satisfied.
inline bool IsSatisfied(int score) { return score >= 4; }

// "Very dissatisfied" .. "Very satisfied" and "Very difficult" .. "Very easy" (translated); "" out of range.
std::string_view ScoreLabel(int score);
std::string_view EffortLabel(int effort);

}  // namespace spoc::survey
