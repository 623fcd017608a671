// SQL for surveys (see surveys_repo.h).
#include "server/storage/surveys_repo.h"

namespace spoc::storage {

namespace {

void BindId(Query& q, int index, std::int64_t id) {
    if (id > 0) q.Bind(index, id);
    else q.BindNull(index);
}

}  // namespace

Result<std::optional<SurveyRow>> FindSurvey(Database& db, std::int64_t request_id, std::int64_t visit_id) {
    auto q = db.Prepare(
        "SELECT id, COALESCE(request_id, 0), COALESCE(visit_id, 0), COALESCE(user_id, 0), COALESCE(agent_id, 0), "
        "COALESCE(group_id, 0), score, effort, comment, answered_at, updated_at FROM surveys "
        "WHERE (?1 > 0 AND request_id = ?1) OR (?1 = 0 AND visit_id = ?2)");
    if (!q.ok()) return q.error();
    q->Bind(1, request_id).Bind(2, visit_id);
    auto row = q->Step();
    if (!row.ok()) return row.error();
    if (!*row) return std::optional<SurveyRow>();
    SurveyRow s;
    s.id = q->Int(0);
    s.request_id = q->Int(1);
    s.visit_id = q->Int(2);
    s.user = UserId(q->Int(3));
    s.agent = UserId(q->Int(4));
    s.group_id = q->Int(5);
    s.answer.score = static_cast<int>(q->Int(6));
    s.answer.effort = static_cast<int>(q->Int(7));
    s.answer.comment = q->Text(8);
    s.answer.answered_at = q->Int(9);
    s.answer.updated_at = q->Int(10);
    return std::optional<SurveyRow>(std::move(s));
}

Result<Unit> SaveSurvey(Database& db, SurveyRow& row) {
    auto q = row.id == 0
                 ? db.Prepare("INSERT INTO surveys (request_id, visit_id, user_id, agent_id, group_id, score, effort, "
                              "comment, answered_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                 : db.Prepare("UPDATE surveys SET request_id = ?1, visit_id = ?2, user_id = ?3, agent_id = ?4, "
                              "group_id = ?5, score = ?6, effort = ?7, comment = ?8, answered_at = ?9, updated_at = ?10 "
                              "WHERE id = ?11");
    if (!q.ok()) return q.error();
    BindId(*q, 1, row.request_id);
    BindId(*q, 2, row.visit_id);
    BindId(*q, 3, row.user.value);
    BindId(*q, 4, row.agent.value);
    BindId(*q, 5, row.group_id);
    q->Bind(6, row.answer.score).Bind(7, row.answer.effort).Bind(8, row.answer.comment);
    q->Bind(9, row.answer.answered_at).Bind(10, row.answer.updated_at);
    if (row.id != 0) q->Bind(11, row.id);
    if (auto run = q->Run(); !run.ok()) return run.error();
    if (row.id == 0) row.id = db.LastInsertId();
    return Unit{};
}

}  // namespace spoc::storage
