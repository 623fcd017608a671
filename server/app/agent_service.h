// An agent's own settings and everyone's notification inbox. Availability: staff mark themselves
// available or away (auto-assignment skips agents who are away; shared PickAssignee), see the
// groups they lead or belong to, and the directory of every group with its agents. Notifications:
// each user reads only their own, newest first with the unread count, and marks them read;
// someone else's notification looks like a missing one.
#pragma once
#include "server/app/auth_service.h"
#include "server/storage/reader_pool.h"
#include "server/storage/writer.h"
#include "shared/api/agent_dto.h"

namespace spoc::app {

inline constexpr int kDefaultNotificationPage = 20;
inline constexpr int kMaxNotificationPage = 100;

class AgentService {
public:
    AgentService(storage::ReaderPool& readers, storage::Writer& writer);

    // (staff only) availability and groups.
    Result<api::AgentSelf> Self(const User& caller);
    Result<api::AgentSelf> SetAvailability(const User& caller, bool available, Timestamp now);  // audited
    // (staff only) every assignment group with its agents and their availability.
    Result<api::GroupDirectory> Directory(const User& caller);

    // The caller's notifications older than `before_id` (0: from the newest), at most `limit`.
    Result<api::NotificationPage> Notifications(const User& caller, std::int64_t before_id, int limit);
    // Marks one of the caller's notifications read; not_found for anyone else's.
    Result<api::Notification> MarkNotificationRead(const User& caller, std::int64_t id, Timestamp now);

private:
    storage::ReaderPool& m_readers;
    storage::Writer& m_writer;
};

}  // namespace spoc::app
