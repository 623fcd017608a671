// Typed access to notifications (migration 0004): one user's inbox entries, written by the SLA
// escalation and read newest first through the (user_id, id) index, with the unread count from a
// partial index. Only the owner can read or mark one: every query names the user.
#pragma once
#include <optional>
#include <vector>

#include "server/storage/sqlite.h"
#include "shared/api/agent_dto.h"

namespace spoc::storage {

// Inserts `n` (request_number and read_at ignored) for `user`; returns the new id.
Result<std::int64_t> InsertNotification(Database& db, UserId user, const api::Notification& n);
// The user's notifications with id < before_id (0: from the newest), newest first, at most `limit`.
Result<std::vector<api::Notification>> ListNotifications(Database& db, UserId user, std::int64_t before_id, int limit);
Result<int> CountUnreadNotifications(Database& db, UserId user);
// Marks the user's notification `id` read at `now` (an already read one keeps its time). nullopt
// when the user has no notification `id`.
Result<std::optional<api::Notification>> MarkNotificationRead(Database& db, UserId user, std::int64_t id,
                                                              Timestamp now);

}  // namespace spoc::storage
