// Typed access to agent-mode tables (migration 0003): assignment groups, their members and leads,
// agents' availability (read and set) and load, the staff directory of groups and their agents,
// routing rules, and the request history (field changes).
#pragma once
#include <string>
#include <vector>

#include "server/storage/sqlite.h"
#include "shared/api/agent_dto.h"
#include "shared/api/dto.h"
#include "shared/domain/routing.h"

namespace spoc::storage {

// ---- Groups and routing ------------------------------------------------------------------------
Result<std::int64_t> InsertGroup(Database& db, const AssignmentGroup& group);  // id taken as given when > 0
Result<Unit> AddGroupMember(Database& db, std::int64_t group_id, UserId user, int sort);
Result<Unit> InsertRoutingRule(Database& db, const RoutingRule& rule);
Result<std::vector<AssignmentGroup>> ListGroups(Database& db);           // with members in round-robin order
Result<std::vector<RoutingRule>> ListRoutingRules(Database& db);
Result<std::int64_t> CountGroups(Database& db);
// Load of every member of `group_id`: availability (no presence row = available), open requests
// assigned to them, and when they last got one.
Result<std::vector<AgentLoad>> ListAgentLoads(Database& db, std::int64_t group_id);
Result<UserId> GroupCursor(Database& db, std::int64_t group_id);            // round robin: last assignee
Result<Unit> NoteAssigned(Database& db, std::int64_t group_id, UserId agent, Timestamp now);  // cursor + last_assigned_at
Result<UserId> GroupLead(Database& db, std::int64_t group_id);  // 0 = no lead, or no such group

// ---- Availability ------------------------------------------------------------------------------
// An agent without a presence row counts as available (as ListAgentLoads reads it).
Result<bool> IsAvailable(Database& db, UserId agent);
Result<Unit> SetAvailable(Database& db, UserId agent, bool available);
// The groups `user` leads or belongs to, by id, with those two facts.
Result<std::vector<api::AgentGroup>> ListGroupsOf(Database& db, UserId user);
// Every assignment group with its members (display name, availability as ListAgentLoads reads
// it); groups by name, agents by name (case-insensitive, then id).
Result<api::GroupDirectory> ListGroupDirectory(Database& db);

// ---- History -----------------------------------------------------------------------------------
using HistoryEntry = api::HistoryItem;  // the wire record is exactly what is stored
Result<Unit> AppendHistory(Database& db, RequestId request, const HistoryEntry& entry);
Result<std::vector<HistoryEntry>> ListHistory(Database& db, RequestId request);  // oldest first

}  // namespace spoc::storage
