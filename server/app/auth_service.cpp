// Sign-in / sessions use cases (see auth_service.h).
#include "server/app/auth_service.h"

#include "server/app/crypto.h"
#include "server/storage/audit_repo.h"
#include "server/storage/sessions_repo.h"

namespace spoc::app {

// [SECTION] SignInThrottle

namespace {
constexpr std::size_t kSweepAbove = 100000;  // buckets kept before stale ones are swept
}

void SignInThrottle::Prune(Bucket& bucket, Timestamp now) {
    while (!bucket.failures.empty() && bucket.failures.front() <= now - kSignInFailureWindowMs)
        bucket.failures.pop_front();
}

void SignInThrottle::Forget(Buckets& buckets, Buckets::iterator it) {
    if (it->second.failures.empty() && it->second.in_flight == 0) buckets.erase(it);
}

void SignInThrottle::Sweep(Buckets& buckets, Timestamp now) {
    if (buckets.size() <= kSweepAbove) return;
    for (auto it = buckets.begin(); it != buckets.end();) {
        Prune(it->second, now);
        const bool empty = it->second.failures.empty() && it->second.in_flight == 0;
        it = empty ? buckets.erase(it) : std::next(it);
    }
}

SignInThrottle::Verdict SignInThrottle::TryBegin(const std::string& username, const std::string& client,
                                                 Timestamp now) {
    std::lock_guard lock(m_mutex);
    Sweep(m_usernames, now);
    Sweep(m_clients, now);
    // Failures plus attempts still being checked: each of those may yet become a failure.
    auto at_limit = [&](Buckets& buckets, const std::string& key, int limit) {
        auto it = buckets.find(key);
        if (it == buckets.end()) return false;
        Prune(it->second, now);
        const bool full = static_cast<int>(it->second.failures.size()) + it->second.in_flight >= limit;
        Forget(buckets, it);
        return full;
    };
    if (at_limit(m_clients, client, kMaxClientSignInFailures)) return Verdict::client_blocked;
    if (at_limit(m_usernames, username, kMaxSignInFailures)) return Verdict::username_blocked;
    ++m_usernames[username].in_flight;
    ++m_clients[client].in_flight;
    return Verdict::go;
}

bool SignInThrottle::Finish(Buckets& buckets, const std::string& key, Outcome outcome, int limit, Timestamp now) {
    auto it = buckets.find(key);
    if (it == buckets.end()) return false;  // a Finish without its TryBegin: nothing reserved
    Bucket& bucket = it->second;
    if (bucket.in_flight > 0) --bucket.in_flight;
    Prune(bucket, now);
    bool now_blocked = false;
    if (outcome == Outcome::failed) {
        bucket.failures.push_back(now);
        now_blocked = static_cast<int>(bucket.failures.size()) == limit;
    }
    Forget(buckets, it);
    return now_blocked;
}

SignInThrottle::Finished SignInThrottle::Finish(const std::string& username, const std::string& client, Outcome outcome,
                                                Timestamp now) {
    std::lock_guard lock(m_mutex);
    Finished out;
    out.username_now_blocked = Finish(m_usernames, username, outcome, kMaxSignInFailures, now);
    out.client_now_blocked = Finish(m_clients, client, outcome, kMaxClientSignInFailures, now);
    if (outcome == Outcome::succeeded) {
        if (auto it = m_usernames.find(username); it != m_usernames.end()) {
            it->second.failures.clear();
            Forget(m_usernames, it);
        }
    }
    return out;
}

// [SECTION] AuthService

AuthService::AuthService(storage::ReaderPool& readers, storage::Writer& writer)
    : m_readers(readers), m_writer(writer) {}

Result<Unit> AuthService::Init() {
    m_dummy_hash = std::async(std::launch::async, [] {
                       auto dummy = HashPassword(RandomToken(24));
                       return dummy.ok() ? std::move(*dummy) : std::string();
                   }).share();
    return Unit{};
}

Result<AuthService::Checked> AuthService::CheckPassword(const api::SignInBody& body) {
    Checked out;
    {
        auto lease = m_readers.Acquire();
        auto found = storage::FindUserByUsername(*lease, body.username);
        if (!found.ok()) return found.error();
        out.record = std::move(*found);
    }
    // Unknown users cost the same argon2id run as known ones: no timing tells which names exist.
    const std::string& dummy = m_dummy_hash.get();
    if (!out.record && dummy.empty()) return MakeError(ErrorCode::unavailable, "Passwords cannot be checked right now.");
    auto verified = VerifyPassword(out.record ? out.record->password_hash : dummy, body.password);
    if (!verified.ok()) return verified.error();
    out.verified = *verified && out.record;
    return out;
}

void AuthService::AuditFailure(const api::SignInBody& body, const std::string& client, const Checked& checked,
                               const SignInThrottle::Finished& finished, Timestamp now) {
    const UserId actor = checked.record ? checked.record->user.id : UserId();
    // Failed attempts go to the audit log too; the answer does not wait on it failing. At most
    // kMaxSignInFailures of them per username per window get this far, plus one row when the
    // name (or the address) becomes blocked; refused attempts write nothing.
    (void)m_writer.Run([&](storage::Database& db) -> Result<Unit> {
        const std::string detail = storage::AuditDetail().Text("username", body.username).Text("client", client).Json();
        if (auto a = storage::AppendAudit(db, {now, actor, "session", 0, "sign_in_failed", detail}); !a.ok()) return a;
        if (finished.username_now_blocked) {
            const std::string blocked = storage::AuditDetail().Text("username", body.username).Json();
            if (auto a = storage::AppendAudit(db, {now, actor, "session", 0, "sign_in_throttled", blocked}); !a.ok())
                return a;
        }
        if (finished.client_now_blocked) {
            const std::string blocked = storage::AuditDetail().Text("client", client).Json();
            if (auto a = storage::AppendAudit(db, {now, UserId(), "session", 0, "sign_in_throttled", blocked}); !a.ok())
                return a;
        }
        return Unit{};
    });
}

Result<SignedIn> AuthService::SignIn(const api::SignInBody& body, const std::string& client, Timestamp now) {
    switch (m_throttle.TryBegin(body.username, client, now)) {
        case SignInThrottle::Verdict::go:
            break;
        case SignInThrottle::Verdict::username_blocked:
            return MakeError(ErrorCode::rate_limited, {}, "username");
        case SignInThrottle::Verdict::client_blocked:
            return MakeError(ErrorCode::rate_limited);
    }
    auto checked = CheckPassword(body);  // no early return between TryBegin and Finish
    using Outcome = SignInThrottle::Outcome;
    const Outcome outcome = !checked.ok()       ? Outcome::not_checked
                            : checked->verified ? Outcome::succeeded
                                                : Outcome::failed;
    const SignInThrottle::Finished finished = m_throttle.Finish(body.username, client, outcome, now);
    if (!checked.ok()) return checked.error();
    if (!checked->verified) {
        AuditFailure(body, client, *checked, finished, now);
        return MakeError(ErrorCode::invalid_credentials);
    }

    const storage::UserRecord& record = *checked->record;
    SignedIn out;
    out.token = RandomToken(kSessionTokenBytes);
    out.me.user = record.user;
    out.me.csrf_token = RandomToken(32);
    storage::SessionRecord session{0,   HashToken(out.token),    record.user.id, out.me.csrf_token,
                                   now, now + kSessionLifetimeMs};
    auto stored = m_writer.Run([&](storage::Database& db) -> Result<std::int64_t> {
        auto id = storage::InsertSession(db, session);
        if (!id.ok()) return id;
        auto audited = storage::AppendAudit(db, {now, record.user.id, "session", *id, "sign_in", "{}"});
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

Result<Unit> AuthService::SetLocale(const Caller& caller, const std::string& locale, Timestamp now) {
    return m_writer.Run([&](storage::Database& db) -> Result<Unit> {
        if (auto set = storage::SetUserLocale(db, caller.user.id, locale); !set.ok()) return set.error();
        const std::string detail = storage::AuditDetail().Text("locale", locale).Json();
        return storage::AppendAudit(db, {now, caller.user.id, "user", caller.user.id.value, "set_locale", detail});
    });
}

Result<Unit> AuthService::SignOut(const Caller& caller, Timestamp now) {
    return m_writer.Run([&](storage::Database& db) -> Result<Unit> {
        auto deleted = storage::DeleteSession(db, caller.session_id);
        if (!deleted.ok()) return deleted.error();
        return storage::AppendAudit(db, {now, caller.user.id, "session", caller.session_id, "sign_out", "{}"});
    });
}

}  // namespace spoc::app
