// Agents' availability and the notification inbox (see agent_service.h).
#include "server/app/agent_service.h"

#include "server/storage/agents_repo.h"
#include "server/storage/audit_repo.h"
#include "server/storage/notifications_repo.h"
#include "shared/domain/i18n.h"
#include "shared/domain/request_builder.h"

namespace spoc::app {

using i18n::tr;

namespace {

Result<api::AgentSelf> ReadSelf(storage::Database& db, UserId agent) {
    api::AgentSelf self;
    auto available = storage::IsAvailable(db, agent);
    if (!available.ok()) return available.error();
    self.available = *available;
    auto groups = storage::ListGroupsOf(db, agent);
    if (!groups.ok()) return groups.error();
    self.groups = std::move(*groups);
    return self;
}

Error StaffOnly() { return MakeError(ErrorCode::forbidden, tr("Availability is for agents and admins.")); }

}  // namespace

AgentService::AgentService(storage::ReaderPool& readers, storage::Writer& writer)
    : m_readers(readers), m_writer(writer) {}

Result<api::AgentSelf> AgentService::Self(const User& caller) {
    if (!IsStaff(caller.role)) return StaffOnly();
    auto lease = m_readers.Acquire();
    return ReadSelf(*lease, caller.id);
}

Result<api::AgentSelf> AgentService::SetAvailability(const User& caller, bool available, Timestamp now) {
    if (!IsStaff(caller.role)) return StaffOnly();
    return m_writer.Run([&](storage::Database& db) -> Result<api::AgentSelf> {
        if (auto s = storage::SetAvailable(db, caller.id, available); !s.ok()) return s.error();
        const std::string detail = storage::AuditDetail().Bool("available", available).Json();
        if (auto a = storage::AppendAudit(db, {now, caller.id, "user", caller.id.value, "availability", detail});
            !a.ok())
            return a.error();
        return ReadSelf(db, caller.id);
    });
}

Result<api::GroupDirectory> AgentService::Directory(const User& caller) {
    if (!IsStaff(caller.role)) return MakeError(ErrorCode::forbidden, tr("The group directory is for agents and admins."));
    auto lease = m_readers.Acquire();
    return storage::ListGroupDirectory(*lease);
}

Result<api::NotificationPage> AgentService::Notifications(const User& caller, std::int64_t before_id, int limit) {
    auto lease = m_readers.Acquire();
    api::NotificationPage page;
    auto items = storage::ListNotifications(*lease, caller.id, before_id, limit);
    if (!items.ok()) return items.error();
    page.items = std::move(*items);
    auto unread = storage::CountUnreadNotifications(*lease, caller.id);
    if (!unread.ok()) return unread.error();
    page.unread = *unread;
    if (static_cast<int>(page.items.size()) == limit) page.next_before = page.items.back().id;
    return page;
}

Result<api::Notification> AgentService::MarkNotificationRead(const User& caller, std::int64_t id, Timestamp now) {
    return m_writer.Run([&](storage::Database& db) -> Result<api::Notification> {
        auto marked = storage::MarkNotificationRead(db, caller.id, id, now);
        if (!marked.ok()) return marked.error();
        if (!*marked) return MakeError(ErrorCode::not_found, tr("No such notification."));
        return std::move(**marked);
    });
}

}  // namespace spoc::app
