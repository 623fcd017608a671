// The requester's satisfaction survey (RequestService::AnswerSurvey, see request_service.h).
#include "server/app/request_service.h"
#include "server/storage/agents_repo.h"
#include "server/storage/audit_repo.h"
#include "server/storage/requests_repo.h"
#include "server/storage/surveys_repo.h"
#include "shared/domain/i18n.h"
#include "shared/domain/survey.h"

namespace spoc::app {

using i18n::tr;

Result<Request> RequestService::AnswerSurvey(const User& caller, RequestId id, const survey::Answer& input,
                                             Timestamp now) {
    const bool staff = IsStaff(caller.role);
    auto result = m_writer.Run([&](storage::Database& db) -> Result<Request> {
        auto found = storage::FindRequest(db, id, staff);
        if (!found.ok()) return found.error();
        if (!*found || (!staff && (*found)->requester_id != caller.id))
            return MakeError(ErrorCode::not_found, tr("No such request."));
        const Request& before = **found;
        if (before.requester_id != caller.id)
            return MakeError(ErrorCode::forbidden, tr("Only the person who asked can answer the survey."));
        switch (survey::RequestWindow(before.status, before.resolved_at, before.survey, now)) {
            case survey::Window::not_resolved:
                return MakeError(ErrorCode::conflict, tr("You can rate a request once it is resolved."));
            case survey::Window::closed:
                return MakeError(ErrorCode::conflict, tr("This survey is closed."));
            default: break;
        }
        auto existing = storage::FindSurvey(db, id.value, 0);
        if (!existing.ok()) return existing.error();
        storage::SurveyRow row = existing->value_or(storage::SurveyRow{});
        const bool first = row.id == 0;
        row.request_id = id.value;
        row.user = caller.id;
        row.agent = before.resolved_by;
        row.group_id = before.group_id;
        const Timestamp answered_at = first ? now : row.answer.answered_at;
        row.answer = input;
        row.answer.answered_at = answered_at;
        row.answer.updated_at = now;
        if (auto s = storage::SaveSurvey(db, row); !s.ok()) return s.error();
        if (auto t = storage::TouchRequest(db, id, now); !t.ok()) return t.error();
        const std::string old_score = first ? std::string() : std::to_string(before.survey.score);
        if (old_score != std::to_string(input.score))
            if (auto h = storage::AppendHistory(db, id, {0, now, caller.id, {}, "satisfaction", old_score,
                                                         std::to_string(input.score)});
                !h.ok())
                return h.error();
        const std::string detail = storage::AuditDetail()
                                       .Int("request_id", id.value)
                                       .Int("score", input.score)
                                       .Int("effort", input.effort)
                                       .Bool("comment", !input.comment.empty())
                                       .Json();
        if (auto a = storage::AppendAudit(db, {now, caller.id, "survey", row.id, first ? "create" : "update", detail});
            !a.ok())
            return a.error();
        auto after = storage::FindRequest(db, id, staff);
        if (!after.ok()) return after.error();
        if (!*after) return MakeError(ErrorCode::internal, "The request vanished while it was rated.");
        Request out = std::move(**after);
        auto comments = storage::ListComments(db, id, staff);
        if (!comments.ok()) return comments.error();
        out.comments = std::move(*comments);
        out.comment_count = static_cast<int>(out.comments.size());
        return out;
    });
    if (result.ok()) {
        Publish(*result, ChangeKind::updated, caller.id);
        ShapeForCaller(caller, *result);
    }
    return result;
}

}  // namespace spoc::app
