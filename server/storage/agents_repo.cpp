// SQL for agent mode (see agents_repo.h).
#include "server/storage/agents_repo.h"

namespace spoc::storage {

// [SECTION] Groups and routing ------------------------------------------------------------------------

Result<std::int64_t> InsertGroup(Database& db, const AssignmentGroup& g) {
    auto q = db.Prepare("INSERT INTO assignment_groups (id, name, strategy, lead_id) VALUES (?1, ?2, ?3, ?4)");
    if (!q.ok()) return q.error();
    if (g.id > 0) q->Bind(1, g.id);
    else q->BindNull(1);
    q->Bind(2, g.name).Bind(3, AssignmentStrategyName(g.strategy));
    if (g.lead.valid()) q->Bind(4, g.lead.value);
    else q->BindNull(4);
    if (auto r = q->Run(); !r.ok()) return r.error();
    return db.LastInsertId();
}

Result<Unit> AddGroupMember(Database& db, std::int64_t group_id, UserId user, int sort) {
    auto q = db.Prepare("INSERT OR IGNORE INTO group_members (group_id, user_id, sort) VALUES (?1, ?2, ?3)");
    if (!q.ok()) return q.error();
    q->Bind(1, group_id).Bind(2, user.value).Bind(3, sort);
    return q->Run();
}

Result<Unit> InsertRoutingRule(Database& db, const RoutingRule& r) {
    auto q = db.Prepare(
        "INSERT INTO routing_rules (catalog_item_id, category, department, group_id, sort) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!q.ok()) return q.error();
    q->Bind(1, r.catalog_item_id).Bind(2, r.category).Bind(3, r.department).Bind(4, r.group_id).Bind(5, r.order);
    return q->Run();
}

Result<std::vector<AssignmentGroup>> ListGroups(Database& db) {
    auto q = db.Prepare("SELECT id, name, strategy, COALESCE(lead_id, 0) FROM assignment_groups ORDER BY id");
    if (!q.ok()) return q.error();
    std::vector<AssignmentGroup> out;
    for (;;) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        AssignmentGroup g;
        g.id = q->Int(0);
        g.name = q->Text(1);
        if (!ParseAssignmentStrategy(q->Text(2), &g.strategy))
            return MakeError(ErrorCode::internal, "Stored group " + std::to_string(g.id) + " has a bad strategy.");
        g.lead = UserId(q->Int(3));
        out.push_back(std::move(g));
    }
    auto m = db.Prepare("SELECT group_id, user_id FROM group_members ORDER BY group_id, sort, user_id");
    if (!m.ok()) return m.error();
    for (;;) {
        auto row = m->Step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        for (AssignmentGroup& g : out)
            if (g.id == m->Int(0)) g.members.push_back(UserId(m->Int(1)));
    }
    return out;
}

Result<std::vector<RoutingRule>> ListRoutingRules(Database& db) {
    auto q = db.Prepare("SELECT catalog_item_id, category, department, group_id, sort FROM routing_rules ORDER BY id");
    if (!q.ok()) return q.error();
    std::vector<RoutingRule> out;
    for (;;) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        out.push_back({q->Int(0), q->Text(1), q->Text(2), q->Int(3), static_cast<int>(q->Int(4))});
    }
    return out;
}

Result<std::int64_t> CountGroups(Database& db) {
    auto q = db.Prepare("SELECT COUNT(*) FROM assignment_groups");
    if (!q.ok()) return q.error();
    auto row = q->Step();
    if (!row.ok()) return row.error();
    return *row ? q->Int(0) : 0;
}

Result<std::vector<AgentLoad>> ListAgentLoads(Database& db, std::int64_t group_id) {
    auto q = db.Prepare(
        // open tickets: the counter migration 0008's triggers keep (a COUNT here grew with the backlog)
        "SELECT m.user_id, COALESCE(p.available, 1), COALESCE(p.last_assigned_at, 0), COALESCE(l.open_tickets, 0) "
        "FROM group_members m LEFT JOIN agent_presence p ON p.user_id = m.user_id "
        "LEFT JOIN agent_load l ON l.user_id = m.user_id WHERE m.group_id = ?1 "
        "ORDER BY m.sort, m.user_id");
    if (!q.ok()) return q.error();
    q->Bind(1, group_id);
    std::vector<AgentLoad> out;
    for (;;) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        AgentLoad load;
        load.agent = UserId(q->Int(0));
        load.available = q->Int(1) != 0;
        load.last_assigned_at = q->Int(2);
        load.open_tickets = static_cast<int>(q->Int(3));
        out.push_back(load);
    }
    return out;
}

Result<UserId> GroupCursor(Database& db, std::int64_t group_id) {
    auto q = db.Prepare("SELECT COALESCE(cursor_user_id, 0) FROM assignment_groups WHERE id = ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, group_id);
    auto row = q->Step();
    if (!row.ok()) return row.error();
    return UserId(*row ? q->Int(0) : 0);
}

Result<Unit> NoteAssigned(Database& db, std::int64_t group_id, UserId agent, Timestamp now) {
    auto cursor = db.Prepare("UPDATE assignment_groups SET cursor_user_id = ?2 WHERE id = ?1");
    if (!cursor.ok()) return cursor.error();
    cursor->Bind(1, group_id).Bind(2, agent.value);
    if (auto r = cursor->Run(); !r.ok()) return r.error();
    auto presence = db.Prepare(
        "INSERT INTO agent_presence (user_id, available, last_assigned_at) VALUES (?1, 1, ?2) "
        "ON CONFLICT (user_id) DO UPDATE SET last_assigned_at = excluded.last_assigned_at");
    if (!presence.ok()) return presence.error();
    presence->Bind(1, agent.value).Bind(2, now);
    return presence->Run();
}

Result<UserId> GroupLead(Database& db, std::int64_t group_id) {
    auto q = db.Prepare("SELECT COALESCE(lead_id, 0) FROM assignment_groups WHERE id = ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, group_id);
    auto row = q->Step();
    if (!row.ok()) return row.error();
    return UserId(*row ? q->Int(0) : 0);
}

// [SECTION] Availability ------------------------------------------------------------------------------

Result<bool> IsAvailable(Database& db, UserId agent) {
    auto q = db.Prepare("SELECT available FROM agent_presence WHERE user_id = ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, agent.value);
    auto row = q->Step();
    if (!row.ok()) return row.error();
    return !*row || q->Int(0) != 0;
}

Result<Unit> SetAvailable(Database& db, UserId agent, bool available) {
    auto q = db.Prepare(
        "INSERT INTO agent_presence (user_id, available, last_assigned_at) VALUES (?1, ?2, 0) "
        "ON CONFLICT (user_id) DO UPDATE SET available = excluded.available");
    if (!q.ok()) return q.error();
    q->Bind(1, agent.value).Bind(2, available);
    return q->Run();
}

Result<std::vector<api::AgentGroup>> ListGroupsOf(Database& db, UserId user) {
    auto q = db.Prepare(
        "SELECT g.id, g.name, COALESCE(g.lead_id, 0) = ?1, "
        "EXISTS (SELECT 1 FROM group_members m WHERE m.group_id = g.id AND m.user_id = ?1) AS member "
        "FROM assignment_groups g WHERE g.lead_id = ?1 OR member ORDER BY g.id");
    if (!q.ok()) return q.error();
    q->Bind(1, user.value);
    std::vector<api::AgentGroup> out;
    for (;;) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        out.push_back({q->Int(0), q->Text(1), q->Int(2) != 0, q->Int(3) != 0});
    }
    return out;
}

Result<api::GroupDirectory> ListGroupDirectory(Database& db) {
    // One pass: a group without members comes back once, with NULL member columns.
    auto q = db.Prepare(
        "SELECT g.id, g.name, COALESCE(g.lead_id, 0), u.id, u.display_name, COALESCE(p.available, 1) "
        "FROM assignment_groups g "
        "LEFT JOIN group_members m ON m.group_id = g.id "
        "LEFT JOIN users u ON u.id = m.user_id "
        "LEFT JOIN agent_presence p ON p.user_id = m.user_id "
        "ORDER BY g.name COLLATE NOCASE, g.id, u.display_name COLLATE NOCASE, u.id");
    if (!q.ok()) return q.error();
    api::GroupDirectory out;
    for (;;) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        if (out.groups.empty() || out.groups.back().id != q->Int(0))
            out.groups.push_back({q->Int(0), q->Text(1), UserId(q->Int(2)), {}});
        if (q->IsNull(3)) continue;
        out.groups.back().agents.push_back({UserId(q->Int(3)), q->Text(4), q->Int(5) != 0});
    }
    return out;
}

// [SECTION] History ---------------------------------------------------------------------------------

Result<Unit> AppendHistory(Database& db, RequestId request, const HistoryEntry& e) {
    auto q = db.Prepare(
        "INSERT INTO request_history (request_id, at, actor_id, field, old_value, new_value) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!q.ok()) return q.error();
    q->Bind(1, request.value).Bind(2, e.at);
    if (e.actor.valid()) q->Bind(3, e.actor.value);
    else q->BindNull(3);
    q->Bind(4, e.field).Bind(5, e.old_value).Bind(6, e.new_value);
    return q->Run();
}

Result<std::vector<HistoryEntry>> ListHistory(Database& db, RequestId request) {
    auto q = db.Prepare(
        "SELECT h.id, h.at, COALESCE(h.actor_id, 0), COALESCE(u.display_name, 'Spoc'), h.field, h.old_value, "
        "h.new_value FROM request_history h LEFT JOIN users u ON u.id = h.actor_id WHERE h.request_id = ?1 "
        "ORDER BY h.id LIMIT 2000");
    if (!q.ok()) return q.error();
    q->Bind(1, request.value);
    std::vector<HistoryEntry> out;
    for (;;) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        out.push_back({q->Int(0), q->Int(1), UserId(q->Int(2)), q->Text(3), q->Text(4), q->Text(5), q->Text(6)});
    }
    return out;
}

}  // namespace spoc::storage
