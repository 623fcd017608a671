// Typed access to the sessions table. Only a hash of the cookie token is ever stored.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "server/storage/sqlite.h"
#include "shared/domain/request.h"

namespace spoc::storage {

struct SessionRecord {
    std::int64_t id = 0;
    std::string token_hash;  // raw bytes of crypto_generichash(token)
    UserId user_id;
    std::string csrf_token;
    Timestamp created_at = 0;
    Timestamp expires_at = 0;
};

struct ActiveSession {
    std::int64_t id = 0;
    User user;
    std::string csrf_token;
    Timestamp expires_at = 0;
};

Result<std::int64_t> InsertSession(Database& db, const SessionRecord& session);
// The unexpired session whose token hashes to token_hash, with its user; nullopt if none.
Result<std::optional<ActiveSession>> FindActiveSession(Database& db, std::string_view token_hash, Timestamp now);
Result<bool> DeleteSession(Database& db, std::int64_t session_id);  // true if a row went
Result<int> DeleteExpiredSessions(Database& db, Timestamp now);

}  // namespace spoc::storage
