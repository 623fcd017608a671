// Typed access to the users table: insert, look up by name or id, count.
#pragma once
#include <optional>
#include <string>

#include "server/storage/sqlite.h"
#include "shared/api/dto.h"
#include "shared/domain/request.h"

namespace spoc::storage {

struct UserRecord {
    User user;
    std::string password_hash;  // crypto_pwhash_str output (argon2id)
};

Result<UserId> InsertUser(Database& db, const User& user, std::string_view password_hash, Timestamp now);
Result<std::optional<UserRecord>> FindUserByUsername(Database& db, std::string_view username);
// The one person with this e-mail (any case), through users_email; none when nobody or several have it.
Result<std::optional<UserId>> FindUserByEmail(Database& db, std::string_view email);
Result<std::optional<User>> FindUser(Database& db, UserId id);
Result<std::int64_t> CountUsers(Database& db);
Result<Unit> SetUserLocale(Database& db, UserId id, std::string_view locale);  // "" = follow the browser
Result<Unit> SetDepartment(Database& db, UserId id, std::string_view department);
// People whose name, username or department contains `q` (any case, ASCII), by name, with their
// manager: page `page` (1-based) of `page_size`, and how many match.
Result<api::PeoplePage> ListPeople(Database& db, std::string_view q, int page, int page_size);

}  // namespace spoc::storage
