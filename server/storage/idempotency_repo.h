// Typed access to idempotency_keys: the first response to a (user, Idempotency-Key) pair, kept so
// a retry gets the same answer instead of a second record.
#pragma once
#include <optional>
#include <string>

#include "server/storage/sqlite.h"
#include "shared/domain/request.h"

namespace spoc::storage {

struct IdempotencyRecord {
    std::string fingerprint;  // hash of method + path + body of the first request
    int status = 0;           // HTTP status of the first response
    std::string body;         // its body
    std::string location;     // its Location header, if any
    Timestamp created_at = 0;
};

Result<std::optional<IdempotencyRecord>> FindIdempotencyRecord(Database& db, UserId user, std::string_view key);
Result<Unit> InsertIdempotencyRecord(Database& db, UserId user, std::string_view key, const IdempotencyRecord& record);
Result<int> DeleteIdempotencyRecordsBefore(Database& db, Timestamp cutoff);

}  // namespace spoc::storage
