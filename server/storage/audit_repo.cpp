// SQL for audit_log (see audit_repo.h).
#include "server/storage/audit_repo.h"

#include <nlohmann/json.hpp>

namespace spoc::storage {

AuditDetail& AuditDetail::Text(std::string_view key, std::string_view value) {
    m_fields.emplace_back(std::string(key), std::string(value));
    return *this;
}
AuditDetail& AuditDetail::Int(std::string_view key, std::int64_t value) {
    m_fields.emplace_back(std::string(key), value);
    return *this;
}
AuditDetail& AuditDetail::Bool(std::string_view key, bool value) {
    m_fields.emplace_back(std::string(key), value);
    return *this;
}

std::string AuditDetail::Json() const {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [key, value] : m_fields) std::visit([&](const auto& v) { out[key] = v; }, value);
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<Unit> AppendAudit(Database& db, const AuditEntry& e) {
    auto q = db.Prepare(
        "INSERT INTO audit_log (at, actor_id, entity, entity_id, action, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!q.ok()) return q.error();
    q->Bind(1, e.at);
    if (e.actor.valid())
        q->Bind(2, e.actor.value);
    else
        q->BindNull(2);
    q->Bind(3, e.entity);
    if (e.entity_id != 0)
        q->Bind(4, e.entity_id);
    else
        q->BindNull(4);
    q->Bind(5, e.action).Bind(6, e.detail_json);
    return q->Run();
}

Result<std::vector<AuditEntry>> ListAudit(Database& db, std::string_view entity, std::int64_t entity_id) {
    auto q = db.Prepare(
        "SELECT at, actor_id, entity, entity_id, action, detail FROM audit_log "
        "WHERE entity = ?1 AND (?2 = 0 OR entity_id = ?2) ORDER BY id");
    if (!q.ok()) return q.error();
    q->Bind(1, entity).Bind(2, entity_id);
    std::vector<AuditEntry> out;
    for (;;) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        out.push_back(AuditEntry{q->Int(0), UserId(q->IsNull(1) ? 0 : q->Int(1)), q->Text(2),
                                 q->IsNull(3) ? 0 : q->Int(3), q->Text(4), q->Text(5)});
    }
    return out;
}

}  // namespace spoc::storage
