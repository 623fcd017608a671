// SQL for notifications (see notifications_repo.h).
#include "server/storage/notifications_repo.h"

#include <cstdint>

namespace spoc::storage {

namespace {

#define SPOC_NOTIFICATION_SELECT                                                                     \
    "SELECT n.id, COALESCE(n.request_id, 0), COALESCE(r.number, ''), n.kind, n.text, n.created_at, " \
    "n.read_at FROM notifications n LEFT JOIN requests r ON r.id = n.request_id "

api::Notification ReadNotification(const Query& q) {
    api::Notification n;
    n.id = q.Int(0);
    n.request_id = RequestId(q.Int(1));
    n.request_number = q.Text(2);
    n.kind = q.Text(3);
    n.text = q.Text(4);
    n.created_at = q.Int(5);
    n.read_at = q.Int(6);
    return n;
}

}  // namespace

Result<std::int64_t> InsertNotification(Database& db, UserId user, const api::Notification& n) {
    auto q = db.Prepare(
        "INSERT INTO notifications (user_id, request_id, kind, text, created_at, read_at) VALUES (?1, ?2, ?3, ?4, ?5, "
        "0)");
    if (!q.ok()) return q.error();
    q->Bind(1, user.value);
    if (n.request_id.valid())
        q->Bind(2, n.request_id.value);
    else
        q->BindNull(2);
    q->Bind(3, n.kind).Bind(4, n.text).Bind(5, n.created_at);
    if (auto run = q->Run(); !run.ok()) return run.error();
    return db.LastInsertId();
}

Result<std::vector<api::Notification>> ListNotifications(Database& db, UserId user, std::int64_t before_id, int limit) {
    auto q = db.Prepare(SPOC_NOTIFICATION_SELECT "WHERE n.user_id = ?1 AND n.id < ?2 ORDER BY n.id DESC LIMIT ?3");
    if (!q.ok()) return q.error();
    q->Bind(1, user.value).Bind(2, before_id > 0 ? before_id : INT64_MAX).Bind(3, limit);
    std::vector<api::Notification> out;
    for (;;) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        out.push_back(ReadNotification(*q));
    }
    return out;
}

Result<int> CountUnreadNotifications(Database& db, UserId user) {
    auto q = db.Prepare("SELECT COUNT(*) FROM notifications WHERE user_id = ?1 AND read_at = 0");
    if (!q.ok()) return q.error();
    q->Bind(1, user.value);
    auto row = q->Step();
    if (!row.ok()) return row.error();
    return *row ? static_cast<int>(q->Int(0)) : 0;
}

Result<std::optional<api::Notification>> MarkNotificationRead(Database& db, UserId user, std::int64_t id,
                                                              Timestamp now) {
    auto mark = db.Prepare("UPDATE notifications SET read_at = ?3 WHERE id = ?1 AND user_id = ?2 AND read_at = 0");
    if (!mark.ok()) return mark.error();
    mark->Bind(1, id).Bind(2, user.value).Bind(3, now);
    if (auto run = mark->Run(); !run.ok()) return run.error();
    auto q = db.Prepare(SPOC_NOTIFICATION_SELECT "WHERE n.id = ?1 AND n.user_id = ?2");
    if (!q.ok()) return q.error();
    q->Bind(1, id).Bind(2, user.value);
    auto row = q->Step();
    if (!row.ok()) return row.error();
    if (!*row) return std::optional<api::Notification>();
    return std::optional<api::Notification>(ReadNotification(*q));
}

}  // namespace spoc::storage
