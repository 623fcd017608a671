// People, for admins (issue 13): who manages whom (the approvals' "manager" step) and which
// department each person is in, listed and changed. Every change is audited; a manager chain can't
// loop (nobody ends up managing themselves through others).
#include <string>

#include "server/app/request_service.h"
#include "server/storage/approvals_repo.h"
#include "server/storage/audit_repo.h"
#include "server/storage/users_repo.h"
#include "shared/domain/i18n.h"
#include "shared/domain/text.h"

namespace spoc::app {

using i18n::Format;
using i18n::tr;

namespace {

constexpr int kMaxChain = 64;  // managers above anyone, far more than any org chart

// Would `manager` managing `user` close a loop (user is already above manager)?
Result<bool> MakesLoop(storage::Database& db, UserId user, UserId manager) {
    UserId at = manager;
    for (int i = 0; i < kMaxChain && at.valid(); ++i) {
        if (at == user) return true;
        auto up = storage::ManagerOf(db, at);
        if (!up.ok()) return up.error();
        at = *up;
    }
    return at.valid();  // a chain this long is a loop somewhere already
}

Result<Unit> ApplyManager(storage::Database& db, UserId user, UserId manager) {
    if (manager.valid()) {
        if (manager == user) return MakeError(ErrorCode::validation_failed, tr("Nobody is their own manager."), "manager");
        auto loop = MakesLoop(db, user, manager);
        if (!loop.ok()) return loop.error();
        if (*loop)
            return MakeError(ErrorCode::validation_failed,
                             tr("That would make a loop: this person already manages that manager, directly or through others."),
                             "manager");
    }
    return storage::SetManager(db, user, manager);
}

Result<api::PersonView> Person(storage::Database& db, UserId id) {
    auto user = storage::FindUser(db, id);
    if (!user.ok()) return user.error();
    if (!*user) return MakeError(ErrorCode::not_found, tr("No such user."));
    api::PersonView p;
    p.id = id;
    p.username = (*user)->username;
    p.display_name = (*user)->display_name;
    p.role = (*user)->role;
    p.department = (*user)->department;
    auto manager = storage::ManagerOf(db, id);
    if (!manager.ok()) return manager.error();
    if (manager->valid()) {
        auto m = storage::FindUser(db, *manager);
        if (!m.ok()) return m.error();
        if (*m) {
            p.manager_id = *manager;
            p.manager_username = (*m)->username;
            p.manager_name = (*m)->display_name;
        }
    }
    return p;
}

}  // namespace

Result<Unit> RequestService::SetManager(const User& caller, UserId user, UserId manager, Timestamp now) {
    if (caller.role != Role::admin) return MakeError(ErrorCode::forbidden, tr("Only admins can change managers."));
    return m_writer.Run([&](storage::Database& db) -> Result<Unit> {
        auto u = storage::FindUser(db, user);
        if (!u.ok()) return u.error();
        if (!*u) return MakeError(ErrorCode::not_found, tr("No such user."));
        if (manager.valid()) {
            auto m = storage::FindUser(db, manager);
            if (!m.ok()) return m.error();
            if (!*m) return MakeError(ErrorCode::validation_failed, tr("There is no such manager."), "manager_id");
        }
        if (auto s = ApplyManager(db, user, manager); !s.ok()) {
            Error e = s.error();
            if (e.field == "manager") e.field = "manager_id";
            return e;
        }
        const std::string detail = storage::AuditDetail().Int("manager_id", manager.value).Json();
        return storage::AppendAudit(db, {now, caller.id, "user", user.value, "set_manager", detail});
    });
}

Result<api::PeoplePage> RequestService::People(const User& caller, const std::string& q, int page, int page_size) {
    if (caller.role != Role::admin) return MakeError(ErrorCode::forbidden, tr("Only admins can see the list of people."));
    auto lease = m_readers.Acquire();
    return storage::ListPeople(*lease, q, page, page_size);
}

Result<api::PersonView> RequestService::UpdatePerson(const User& caller, UserId user, const api::PersonPatch& patch,
                                                     Timestamp now) {
    if (caller.role != Role::admin) return MakeError(ErrorCode::forbidden, tr("Only admins can change people's departments and managers."));
    return m_writer.Run([&](storage::Database& db) -> Result<api::PersonView> {
        auto before = Person(db, user);
        if (!before.ok()) return before.error();
        storage::AuditDetail detail;
        if (patch.department && *patch.department != before->department) {
            if (auto d = storage::SetDepartment(db, user, *patch.department); !d.ok()) return d.error();
            detail.Text("department", *patch.department);
        }
        if (patch.manager) {
            UserId manager;
            if (!patch.manager->empty()) {
                auto found = storage::FindUserByUsername(db, *patch.manager);
                if (!found.ok()) return found.error();
                if (!*found)
                    return MakeError(ErrorCode::validation_failed, Format(tr("Nobody has the username {0}."), {*patch.manager}), "manager");
                manager = (*found)->user.id;
            }
            if (manager != before->manager_id) {
                if (auto m = ApplyManager(db, user, manager); !m.ok()) return m.error();
                detail.Int("manager_id", manager.value);
            }
        }
        if (auto a = storage::AppendAudit(db, {now, caller.id, "user", user.value, "update", detail.Json()}); !a.ok())
            return a.error();
        return Person(db, user);
    });
}

}  // namespace spoc::app
