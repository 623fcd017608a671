// SQL for the users table (see users_repo.h).
#include "server/storage/users_repo.h"

namespace spoc::storage {

namespace {

constexpr const char* kUserColumns = "id, username, display_name, email, role, department, time_zone, password_hash, locale";

Result<UserRecord> ReadUser(const Query& q) {
    UserRecord r;
    r.user.id = UserId(q.Int(0));
    r.user.username = q.Text(1);
    r.user.display_name = q.Text(2);
    r.user.email = q.Text(3);
    if (!ParseRole(q.Text(4), &r.user.role))
        return MakeError(ErrorCode::internal,
                         "Stored user " + std::to_string(r.user.id.value) + " has an unknown role.");
    r.user.department = q.Text(5);
    r.user.time_zone = q.Text(6);
    r.password_hash = q.Text(7);
    r.user.locale = q.Text(8);
    return r;
}

Result<std::optional<UserRecord>> FindOne(Database& db, const std::string& sql, auto bind) {
    auto q = db.Prepare(sql);
    if (!q.ok()) return q.error();
    bind(*q);
    auto row = q->Step();
    if (!row.ok()) return row.error();
    if (!*row) return std::optional<UserRecord>();
    auto user = ReadUser(*q);
    if (!user.ok()) return user.error();
    return std::optional<UserRecord>(std::move(*user));
}

}  // namespace

Result<UserId> InsertUser(Database& db, const User& user, std::string_view password_hash, Timestamp now) {
    auto q = db.Prepare(
        "INSERT INTO users (username, display_name, email, role, department, time_zone, password_hash, created_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!q.ok()) return q.error();
    q->Bind(1, user.username).Bind(2, user.display_name).Bind(3, user.email).Bind(4, RoleName(user.role));
    q->Bind(5, user.department).Bind(6, user.time_zone).Bind(7, password_hash).Bind(8, now);
    if (auto run = q->Run(); !run.ok()) return run.error();
    return UserId(db.LastInsertId());
}

Result<std::optional<UserRecord>> FindUserByUsername(Database& db, std::string_view username) {
    return FindOne(db, std::string("SELECT ") + kUserColumns + " FROM users WHERE username = ?1",
                   [&](Query& q) { q.Bind(1, username); });
}

Result<std::optional<UserId>> FindUserByEmail(Database& db, std::string_view email) {
    auto q = db.Prepare("SELECT id FROM users WHERE email = ?1 COLLATE NOCASE AND email <> '' LIMIT 2");
    if (!q.ok()) return q.error();
    q->Bind(1, email);
    std::optional<UserId> found;
    for (int n = 0;; ++n) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        if (n == 1) return std::optional<UserId>();  // shared by two people: ambiguous, so nobody
        found = UserId(q->Int(0));
    }
    return found;
}

Result<std::optional<User>> FindUser(Database& db, UserId id) {
    auto found = FindOne(db, std::string("SELECT ") + kUserColumns + " FROM users WHERE id = ?1",
                         [&](Query& q) { q.Bind(1, id.value); });
    if (!found.ok()) return found.error();
    if (!*found) return std::optional<User>();
    return std::optional<User>((*found)->user);
}

Result<Unit> SetUserLocale(Database& db, UserId id, std::string_view locale) {
    auto q = db.Prepare("UPDATE users SET locale = ?2 WHERE id = ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, id.value).Bind(2, locale);
    if (auto run = q->Run(); !run.ok()) return run.error();
    return Unit{};
}

Result<std::int64_t> CountUsers(Database& db) {
    auto q = db.Prepare("SELECT COUNT(*) FROM users");
    if (!q.ok()) return q.error();
    auto row = q->Step();
    if (!row.ok()) return row.error();
    return q->Int(0);
}

}  // namespace spoc::storage
