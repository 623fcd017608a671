// SQL for idempotency_keys (see idempotency_repo.h).
#include "server/storage/idempotency_repo.h"

namespace spoc::storage {

Result<std::optional<IdempotencyRecord>> FindIdempotencyRecord(Database& db, UserId user, std::string_view key) {
    auto q = db.Prepare(
        "SELECT fingerprint, status, body, location, created_at FROM idempotency_keys WHERE user_id = ?1 AND key = ?2");
    if (!q.ok()) return q.error();
    q->Bind(1, user.value).Bind(2, key);
    auto row = q->Step();
    if (!row.ok()) return row.error();
    if (!*row) return std::optional<IdempotencyRecord>();
    IdempotencyRecord r{q->Blob(0), static_cast<int>(q->Int(1)), q->Text(2), q->Text(3), q->Int(4)};
    return std::optional<IdempotencyRecord>(std::move(r));
}

Result<Unit> InsertIdempotencyRecord(Database& db, UserId user, std::string_view key, const IdempotencyRecord& r) {
    auto q = db.Prepare(
        "INSERT INTO idempotency_keys (user_id, key, fingerprint, status, body, location, created_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!q.ok()) return q.error();
    q->Bind(1, user.value).Bind(2, key).BindBlob(3, r.fingerprint).Bind(4, r.status).Bind(5, r.body);
    q->Bind(6, r.location).Bind(7, r.created_at);
    return q->Run();
}

Result<int> DeleteIdempotencyRecordsBefore(Database& db, Timestamp cutoff) {
    auto q = db.Prepare("DELETE FROM idempotency_keys WHERE created_at < ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, cutoff);
    if (auto run = q->Run(); !run.ok()) return run.error();
    return db.Changes();
}

}  // namespace spoc::storage
