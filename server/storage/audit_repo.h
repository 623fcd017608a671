// Typed access to audit_log: who did what to which record, when, with a JSON detail object.
#pragma once
#include <string>
#include <vector>

#include "server/storage/sqlite.h"
#include "shared/domain/request.h"

namespace spoc::storage {

struct AuditEntry {
    Timestamp at = 0;
    UserId actor;                    // invalid (0) for anonymous events; stored as NULL
    std::string entity;              // "request", "comment", "session", "user", "catalog_item"
    std::int64_t entity_id = 0;      // 0 stored as NULL
    std::string action;              // "create", "sign_in", "sign_in_failed", "sign_out", "seed"
    std::string detail_json = "{}";  // a JSON object
};

Result<Unit> AppendAudit(Database& db, const AuditEntry& entry);
// Entries for one entity (entity_id 0: every entry of that kind), oldest first.
Result<std::vector<AuditEntry>> ListAudit(Database& db, std::string_view entity, std::int64_t entity_id);

}  // namespace spoc::storage
