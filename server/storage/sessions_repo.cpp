// SQL for the sessions table (see sessions_repo.h).
#include "server/storage/sessions_repo.h"

namespace spoc::storage {

Result<std::int64_t> InsertSession(Database& db, const SessionRecord& s) {
    auto q = db.Prepare(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!q.ok()) return q.error();
    q->BindBlob(1, s.token_hash)
        .Bind(2, s.user_id.value)
        .Bind(3, s.csrf_token)
        .Bind(4, s.created_at)
        .Bind(5, s.expires_at);
    if (auto run = q->Run(); !run.ok()) return run.error();
    return db.LastInsertId();
}

Result<std::optional<ActiveSession>> FindActiveSession(Database& db, std::string_view token_hash, Timestamp now) {
    auto q = db.Prepare(
        "SELECT s.id, s.csrf_token, s.expires_at, u.id, u.username, u.display_name, u.email, u.role, u.department, "
        "u.time_zone, u.locale FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?1 AND s.expires_at > ?2");
    if (!q.ok()) return q.error();
    q->BindBlob(1, token_hash).Bind(2, now);
    auto row = q->Step();
    if (!row.ok()) return row.error();
    if (!*row) return std::optional<ActiveSession>();
    ActiveSession s;
    s.id = q->Int(0);
    s.csrf_token = q->Text(1);
    s.expires_at = q->Int(2);
    s.user.id = UserId(q->Int(3));
    s.user.username = q->Text(4);
    s.user.display_name = q->Text(5);
    s.user.email = q->Text(6);
    if (!ParseRole(q->Text(7), &s.user.role)) return MakeError(ErrorCode::internal, "Stored user has an unknown role.");
    s.user.department = q->Text(8);
    s.user.time_zone = q->Text(9);
    s.user.locale = q->Text(10);
    return std::optional<ActiveSession>(std::move(s));
}

Result<bool> DeleteSession(Database& db, std::int64_t session_id) {
    auto q = db.Prepare("DELETE FROM sessions WHERE id = ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, session_id);
    if (auto run = q->Run(); !run.ok()) return run.error();
    return db.Changes() > 0;
}

Result<int> DeleteExpiredSessions(Database& db, Timestamp now) {
    auto q = db.Prepare("DELETE FROM sessions WHERE expires_at <= ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, now);
    if (auto run = q->Run(); !run.ok()) return run.error();
    return db.Changes();
}

}  // namespace spoc::storage
