// Wire shapes of live updates (GET /api/v1/events, server-sent events) and presence
// (POST /api/v1/requests/{id}/presence). The server encodes them, the browser decodes them with
// the same code. Events only say that something changed; clients re-read through the normal
// routes, so what a user may see is decided in one place.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "shared/domain/request.h"
#include "shared/domain/result.h"

namespace spoc::api {

// event: request. Staff get every field; a requester gets id, version, kind and status.
struct RequestEvent {
    RequestId id;
    int version = 0;
    std::string kind;            // created | updated | comment | note (note: staff only)
    Status status = Status::new_;
    UserId assignee_id;          // staff frames only (0 otherwise)
    std::int64_t group_id = 0;   // staff frames only
    UserId actor_id;             // staff frames only; 0 = the system
};
std::string EncodeRequestEvent(const RequestEvent& e, bool staff);
Result<RequestEvent> DecodeRequestEvent(std::string_view data);

// event: presence (staff only), and the viewers listed in a presence answer.
struct PresenceEvent {
    RequestId request_id;
    UserId user_id;
    std::string name;            // "Ava Patel"
    std::string state;           // viewing | replying | left
};
std::string EncodePresenceEvent(const PresenceEvent& e);
Result<PresenceEvent> DecodePresenceEvent(std::string_view data);

// POST /requests/{id}/presence body: {"state": "viewing" | "replying" | "left"}.
bool IsPresenceState(std::string_view state);
std::string EncodePresenceBody(std::string_view state);
Result<std::string> DecodePresenceBody(std::string_view body);

// Its answer: the other staff on the request right now.
std::string EncodePresenceAnswer(const std::vector<PresenceEvent>& viewers);
Result<std::vector<PresenceEvent>> DecodePresenceAnswer(std::string_view body);

}  // namespace spoc::api
