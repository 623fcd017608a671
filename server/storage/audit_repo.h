// Typed access to audit_log: who did what to which record, when, with a JSON detail object
// (built with AuditDetail, so the use cases above never touch JSON themselves).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "server/storage/sqlite.h"
#include "shared/domain/request.h"

namespace spoc::storage {

struct AuditEntry {
    Timestamp at = 0;
    UserId actor;                    // invalid (0) for anonymous events; stored as NULL
    std::string entity;              // "request", "comment", "session", "user", "catalog_item"
    std::int64_t entity_id = 0;      // 0 stored as NULL
    std::string action;              // "create", "sign_in", "sign_in_failed",
                                     // "sign_in_throttled", "sign_out", "seed"
    std::string detail_json = "{}";  // a JSON object
};

// The detail object of one audit row: AuditDetail().Text("number", n).Int("catalog_item_id", id).Json()
class AuditDetail {
public:
    AuditDetail& Text(std::string_view key, std::string_view value);
    AuditDetail& Int(std::string_view key, std::int64_t value);
    AuditDetail& Bool(std::string_view key, bool value);
    std::string Json() const;  // a JSON object; invalid UTF-8 in a text is replaced, never thrown

private:
    std::vector<std::pair<std::string, std::variant<std::string, std::int64_t, bool>>> m_fields;
};

Result<Unit> AppendAudit(Database& db, const AuditEntry& entry);
// Entries for one entity (entity_id 0: every entry of that kind), oldest first.
Result<std::vector<AuditEntry>> ListAudit(Database& db, std::string_view entity, std::int64_t entity_id);

}  // namespace spoc::storage
