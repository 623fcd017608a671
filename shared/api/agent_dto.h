// Wire format of an agent's own settings and everyone's notifications (see shared/api/routes.h):
// GET /agents/me (availability and groups), PUT /agents/me/availability, the staff directory of
// assignment groups and their agents (GET /groups), and the notification inbox (SLA breaches
// escalated to group leads and assignees) with its unread count.
// Same conventions as dto.h: snake_case, missing == null, ISO-8601 times, decoders never throw.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "shared/domain/ids.h"
#include "shared/domain/result.h"
#include "shared/domain/time.h"

namespace spoc::api {

// ---- Agents: GET /api/v1/agents/me, PUT /api/v1/agents/me/availability ----------------------------
struct AgentGroup {
    std::int64_t id = 0;
    std::string name;     // "Network"
    bool lead = false;    // the caller leads it (breaches there are escalated to them)
    bool member = false;  // the caller is among the agents it assigns to
};

struct AgentSelf {
    bool available = true;           // auto-assignment hands this agent new requests
    std::vector<AgentGroup> groups;  // the groups the caller leads or belongs to, by id
};
std::string EncodeAgentSelf(const AgentSelf& self);  // {"available":true,"groups":[{id,name,lead,member}]}
Result<AgentSelf> DecodeAgentSelf(std::string_view body);

struct AvailabilityBody {
    bool available = true;
};
std::string EncodeAvailability(const AvailabilityBody& body);        // {"available":false}
Result<AvailabilityBody> DecodeAvailability(std::string_view body);  // "available" is required, a boolean

// ---- Directory: GET /api/v1/groups (staff) ---------------------------------------------------------
// {"groups":[{"id":1,"name":"IT Service Desk","lead_id":3,"agents":[{"id":3,"name":"Ava Patel","available":true}]}]}
// Groups sorted by name, agents by name; "lead_id" is left out when a group has no lead.
struct DirectoryAgent {
    UserId id;
    std::string name;        // display name, "Ava Patel"
    bool available = false;  // auto-assignment hands this agent new requests
};

struct DirectoryGroup {
    std::int64_t id = 0;  // assignment group id (requests carry it as group_id)
    std::string name;     // "IT Service Desk"
    UserId lead_id;       // 0 = no lead
    std::vector<DirectoryAgent> agents;  // the group's members, by name
};

struct GroupDirectory {
    std::vector<DirectoryGroup> groups;  // every assignment group, by name
};
std::string EncodeGroupDirectory(const GroupDirectory& directory);
Result<GroupDirectory> DecodeGroupDirectory(std::string_view json);  // "groups" is required

// ---- Notifications: GET /api/v1/notifications, POST /api/v1/notifications/{id}/read -------------
inline constexpr const char* kNotificationSlaBreach = "sla_breach";  // a request's SLA clock breached

struct Notification {
    std::int64_t id = 0;
    RequestId request_id;        // 0 = not about a request
    std::string request_number;  // "INC0000042", empty when not about a request
    std::string kind;            // kNotificationSlaBreach
    std::string text;            // one sentence for the inbox
    Timestamp created_at = 0;
    Timestamp read_at = 0;  // 0 = unread
};
std::string EncodeNotification(const Notification& n);
Result<Notification> DecodeNotification(std::string_view body);

struct NotificationPage {
    std::vector<Notification> items;  // newest first
    int unread = 0;                   // all of the caller's unread notifications, not just this page
    std::int64_t next_before = 0;     // pass as ?before= for the next (older) page; 0 = no more
};
std::string EncodeNotificationPage(const NotificationPage& page);
Result<NotificationPage> DecodeNotificationPage(std::string_view body);

}  // namespace spoc::api
