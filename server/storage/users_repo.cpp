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

Result<Unit> SetDepartment(Database& db, UserId id, std::string_view department) {
    auto q = db.Prepare("UPDATE users SET department = ?2 WHERE id = ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, id.value).Bind(2, department);
    return q->Run();
}

Result<api::PeoplePage> ListPeople(Database& db, std::string_view text, int page, int page_size) {
    const std::string pattern = ContainsPattern(text);
    const char* where =
        " WHERE (?1 = '%%' OR u.display_name LIKE ?1 ESCAPE '\\' OR u.username LIKE ?1 ESCAPE '\\'"
        " OR u.department LIKE ?1 ESCAPE '\\')";
    api::PeoplePage out;
    out.page = page;
    out.page_size = page_size;
    {
        auto q = db.Prepare(std::string("SELECT COUNT(*) FROM users u") + where);
        if (!q.ok()) return q.error();
        q->Bind(1, pattern);
        auto row = q->Step();
        if (!row.ok()) return row.error();
        out.total = *row ? static_cast<int>(q->Int(0)) : 0;
    }
    auto q = db.Prepare(std::string("SELECT u.id, u.username, u.display_name, u.role, u.department, m.id, m.username, "
                                    "m.display_name FROM users u LEFT JOIN users m ON m.id = u.manager_id") +
                        where + " ORDER BY u.display_name COLLATE NOCASE, u.id LIMIT ?2 OFFSET ?3");
    if (!q.ok()) return q.error();
    q->Bind(1, pattern).Bind(2, page_size).Bind(3, static_cast<std::int64_t>(page - 1) * page_size);
    while (true) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        api::PersonView p;
        p.id = UserId(q->Int(0));
        p.username = q->Text(1);
        p.display_name = q->Text(2);
        if (!ParseRole(q->Text(3), &p.role)) p.role = Role::employee;
        p.department = q->Text(4);
        if (!q->IsNull(5)) {
            p.manager_id = UserId(q->Int(5));
            p.manager_username = q->Text(6);
            p.manager_name = q->Text(7);
        }
        out.items.push_back(std::move(p));
    }
    return out;
}

}  // namespace spoc::storage
