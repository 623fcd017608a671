// Sign-in / sessions use cases (see auth_service.h).
#include "server/app/auth_service.h"

#include <nlohmann/json.hpp>

#include "server/app/crypto.h"
#include "server/storage/audit_repo.h"
#include "server/storage/sessions_repo.h"
#include "server/storage/users_repo.h"

namespace spoc::app {

// [SECTION] SignInThrottle

void SignInThrottle::Prune(std::deque<Timestamp>& times, Timestamp now) const {
    while (!times.empty() && times.front() <= now - kSignInFailureWindowMs) times.pop_front();
}

bool SignInThrottle::Blocked(const std::string& username, Timestamp now) {
    std::lock_guard lock(m_mutex);
    auto it = m_failures.find(username);
    if (it == m_failures.end()) return false;
    Prune(it->second, now);
    if (it->second.empty()) {
        m_failures.erase(it);
        return false;
    }
    return static_cast<int>(it->second.size()) >= kMaxSignInFailures;
}

void SignInThrottle::RecordFailure(const std::string& username, Timestamp now) {
    std::lock_guard lock(m_mutex);
    if (m_failures.size() > 100000) {  // a flood of made-up names: forget the stale ones
        for (auto it = m_failures.begin(); it != m_failures.end();) {
            Prune(it->second, now);
            it = it->second.empty() ? m_failures.erase(it) : std::next(it);
        }
    }
    auto& times = m_failures[username];
    Prune(times, now);
    times.push_back(now);
}

void SignInThrottle::Clear(const std::string& username) {
    std::lock_guard lock(m_mutex);
    m_failures.erase(username);
}

// [SECTION] AuthService

AuthService::AuthService(storage::ReaderPool& readers, storage::Writer& writer)
    : m_readers(readers), m_writer(writer) {}

Result<Unit> AuthService::Init() {
    auto dummy = HashPassword(RandomToken(24));
    if (!dummy.ok()) return dummy.error();
    m_dummy_hash = std::move(*dummy);
    return Unit{};
}

Result<SignedIn> AuthService::SignIn(const api::SignInBody& body, Timestamp now) {
    if (m_throttle.Blocked(body.username, now)) return MakeError(ErrorCode::rate_limited, {}, "username");

    std::optional<storage::UserRecord> record;
    {
        auto lease = m_readers.Acquire();
        auto found = storage::FindUserByUsername(*lease, body.username);
        if (!found.ok()) return found.error();
        record = std::move(*found);
    }
    // Unknown users cost the same argon2id run as known ones: no timing tells which names exist.
    const bool verified = VerifyPassword(record ? record->password_hash : m_dummy_hash, body.password) && record;
    if (!verified) {
        m_throttle.RecordFailure(body.username, now);
        const nlohmann::json detail = {{"username", body.username}};
        // Failed attempts go to the audit log too; the answer does not wait on it failing.
        (void)m_writer.Run([&](storage::Database& db) {
            return storage::AppendAudit(
                db, {now, record ? record->user.id : UserId(), "session", 0, "sign_in_failed", detail.dump()});
        });
        return MakeError(ErrorCode::invalid_credentials);
    }
    m_throttle.Clear(body.username);

    SignedIn out;
    out.token = RandomToken(kSessionTokenBytes);
    out.me.user = record->user;
    out.me.csrf_token = RandomToken(32);
    storage::SessionRecord session{0,   HashToken(out.token),    record->user.id, out.me.csrf_token,
                                   now, now + kSessionLifetimeMs};
    auto stored = m_writer.Run([&](storage::Database& db) -> Result<std::int64_t> {
        auto id = storage::InsertSession(db, session);
        if (!id.ok()) return id;
        auto audited = storage::AppendAudit(db, {now, record->user.id, "session", *id, "sign_in", "{}"});
        if (!audited.ok()) return audited.error();
        return id;
    });
    if (!stored.ok()) return stored.error();
    return out;
}

Result<Caller> AuthService::Authenticate(std::string_view token, Timestamp now) {
    if (!LooksLikeToken(token, kSessionTokenBytes)) return MakeError(ErrorCode::unauthenticated);
    auto lease = m_readers.Acquire();
    auto found = storage::FindActiveSession(*lease, HashToken(token), now);
    if (!found.ok()) return found.error();
    if (!*found) return MakeError(ErrorCode::unauthenticated);
    auto& s = **found;
    return Caller{s.id, std::move(s.user), std::move(s.csrf_token)};
}

Result<Unit> AuthService::SignOut(const Caller& caller, Timestamp now) {
    return m_writer.Run([&](storage::Database& db) -> Result<Unit> {
        auto deleted = storage::DeleteSession(db, caller.session_id);
        if (!deleted.ok()) return deleted.error();
        return storage::AppendAudit(db, {now, caller.user.id, "session", caller.session_id, "sign_out", "{}"});
    });
}

}  // namespace spoc::app
