// Sign-in / sessions use cases (see auth_service.h).
#include "server/app/auth_service.h"

#include <sodium.h>

#include "server/app/crypto.h"
#include "server/storage/audit_repo.h"
#include "server/storage/sessions_repo.h"

namespace spoc::app {

// [SECTION] SignInThrottle

namespace {
constexpr std::size_t kSweepAbove = 100000;  // buckets kept before stale ones are swept
constexpr Timestamp kSweepEveryMs = 10000;    // ... at most this often
constexpr std::size_t kMaxCountedFailures = 256;  // per bucket: past every ceiling and the longest delay
}

void SignInThrottle::Prune(Bucket& bucket, Timestamp now, bool sliding) {
    if (sliding) {
        // A name's or an address's count: the failures of the last window, at most a few hundred.
        while (!bucket.failures.empty() &&
               (bucket.failures.front() <= now - kSignInFailureWindowMs || bucket.failures.size() > kMaxCountedFailures))
            bucket.failures.pop_front();
        return;
    }
    // A pair's failures all go once the last one is a window old: its delays keep growing while
    // it keeps failing, however slowly (its growth stops at the longest delay).
    if (!bucket.failures.empty() && bucket.failures.back() <= now - kSignInFailureWindowMs) bucket.failures.clear();
    while (bucket.failures.size() > kMaxCountedFailures) bucket.failures.pop_front();
}

void SignInThrottle::Forget(Buckets& buckets, Buckets::iterator it) {
    if (it->second.failures.empty() && it->second.in_flight == 0) buckets.erase(it);
}

void SignInThrottle::Sweep(Buckets& buckets, Timestamp now, bool sliding) {
    if (buckets.size() <= kSweepAbove) return;
    for (auto it = buckets.begin(); it != buckets.end();) {
        Prune(it->second, now, sliding);
        const bool empty = it->second.failures.empty() && it->second.in_flight == 0;
        it = empty ? buckets.erase(it) : std::next(it);
    }
}

int SignInThrottle::Failures(Buckets& buckets, const std::string& key, Timestamp now) {
    auto it = buckets.find(key);
    if (it == buckets.end()) return 0;
    Prune(it->second, now, true);
    const int n = static_cast<int>(it->second.failures.size());
    Forget(buckets, it);
    return n;
}

namespace {
// 16 hex digits of a keyed BLAKE2b of a typed name that matches no account (for the audit log).
// The key lives only in this process: the log can't be turned back into what was typed (a
// password typed into the username field) by trying a dictionary, yet the same typo shows as the
// same digest until the server restarts.
std::string UsernameDigest(std::string_view typed) {
    static constexpr char kHex[] = "0123456789abcdef";
    static const std::string key = RandomToken(32);
    unsigned char raw[16];
    crypto_generichash(raw, sizeof raw, reinterpret_cast<const unsigned char*>(typed.data()), typed.size(),
                       reinterpret_cast<const unsigned char*>(key.data()), key.size());
    const std::string digest(reinterpret_cast<const char*>(raw), sizeof raw);
    std::string out;
    for (std::size_t i = 0; i < 8 && i < digest.size(); ++i) {
        out += kHex[static_cast<unsigned char>(digest[i]) >> 4];
        out += kHex[static_cast<unsigned char>(digest[i]) & 15];
    }
    return out;
}

// The wait after the pair's n-th failure once its free ones are used: 1 s, 2 s, 4 s, ... capped.
Timestamp DelayAfter(int failures, int free) {
    if (failures < free) return 0;
    Timestamp delay = kFirstSignInDelayMs;
    for (int i = free; i < failures && delay < kMaxSignInDelayMs; ++i) delay *= 2;
    return std::min(delay, kMaxSignInDelayMs);
}
}  // namespace

SignInThrottle::Verdict SignInThrottle::TryBegin(const std::string& username, const std::string& address, Timestamp now) {
    std::lock_guard lock(m_mutex);
    if (now - m_last_sweep >= kSweepEveryMs) {  // a flood of made-up names: drop what is stale, now and then
        m_last_sweep = now;
        Sweep(m_pairs, now, false);
        Sweep(m_usernames, now, true);
        Sweep(m_addresses, now, true);
        if (m_known.size() > kSweepAbove)
            std::erase_if(m_known, [&](const auto& entry) { return entry.second <= now - kKnownDeviceMs; });
    }
    const std::string pair_key = username + '\n' + address;
    const auto known = m_known.find(pair_key);
    const bool known_device = known != m_known.end() && known->second > now - kKnownDeviceMs;
    const bool address_slowed = !known_device && Failures(m_addresses, address, now) >= kAddressSignInCeiling;
    const int free = address_slowed ? 1 : kFreeSignInFailures;

    Bucket& pair = m_pairs[pair_key];
    Prune(pair, now, false);
    const int failures = static_cast<int>(pair.failures.size());
    Timestamp wait = 0;
    // Guesses in flight may each become a failure: past the free ones, one at a time.
    if (failures + pair.in_flight >= free && pair.in_flight > 0) wait = kFirstSignInDelayMs;
    if (failures >= free) wait = std::max<Timestamp>(wait, pair.failures.back() + DelayAfter(failures, free) - now);
    if (!known_device && pair.last_attempt > 0 && Failures(m_usernames, username, now) >= kUsernameSignInCeiling)
        wait = std::max<Timestamp>(wait, pair.last_attempt + kCeilingSpacingMs - now);
    if (address_slowed) {
        // Guessing across names from one address: its unknown devices' attempts one at a time,
        // kAddressSpacingMs apart (its known devices, the people who work there, are not held up).
        const Bucket& from = m_addresses[address];
        if (from.in_flight > 0) wait = std::max<Timestamp>(wait, kFirstSignInDelayMs);
        wait = std::max<Timestamp>(wait, from.last_attempt + kAddressSpacingMs - now);
    }
    if (wait > 0) {
        Forget(m_pairs, m_pairs.find(pair_key));
        return Verdict{false, wait};
    }
    ++pair.in_flight;
    pair.last_attempt = now;
    ++m_usernames[username].in_flight;
    Bucket& from = m_addresses[address];
    ++from.in_flight;
    if (!known_device) from.last_attempt = now;
    return Verdict{true, 0};
}

SignInThrottle::Finished SignInThrottle::Finish(const std::string& username, const std::string& address, Outcome outcome,
                                                Timestamp now) {
    std::lock_guard lock(m_mutex);
    Finished out;
    const std::string pair_key = username + '\n' + address;
    auto settle = [&](Buckets& buckets, const std::string& key, int threshold) {
        auto it = buckets.find(key);
        if (it == buckets.end()) return false;  // a Finish without its TryBegin: nothing reserved
        Bucket& bucket = it->second;
        if (bucket.in_flight > 0) --bucket.in_flight;
        Prune(bucket, now, &buckets != &m_pairs);
        bool reached = false;
        if (outcome == Outcome::failed) {
            bucket.failures.push_back(now);
            reached = static_cast<int>(bucket.failures.size()) == threshold;
        }
        if (outcome == Outcome::succeeded && &buckets == &m_pairs) bucket.failures.clear();
        Forget(buckets, it);
        return reached;
    };
    out.pair_now_delayed = settle(m_pairs, pair_key, kFreeSignInFailures);
    out.username_now_slowed = settle(m_usernames, username, kUsernameSignInCeiling);
    out.address_now_slowed = settle(m_addresses, address, kAddressSignInCeiling);
    if (outcome == Outcome::succeeded) m_known[pair_key] = now;
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
        // A name that matches no account is kept as a hash: a password typed into the username
        // field must not land in the log. The same typo still shows as the same hash.
        storage::AuditDetail who;
        if (checked.record)
            who.Text("username", body.username);
        else
            who.Text("unknown_username_hash", UsernameDigest(body.username));
        const std::string detail = storage::AuditDetail(who).Text("client", client).Json();
        if (auto a = storage::AppendAudit(db, {now, actor, "session", 0, "sign_in_failed", detail}); !a.ok()) return a;
        if (finished.pair_now_delayed || finished.username_now_slowed) {
            storage::AuditDetail slowed(who);
            slowed.Text("client", client).Text("scope", finished.username_now_slowed ? "username" : "username_and_client");
            if (auto a = storage::AppendAudit(db, {now, actor, "session", 0, "sign_in_throttled", slowed.Json()}); !a.ok())
                return a;
        }
        if (finished.address_now_slowed) {
            const std::string slowed = storage::AuditDetail().Text("client", client).Text("scope", "client").Json();
            if (auto a = storage::AppendAudit(db, {now, UserId(), "session", 0, "sign_in_throttled", slowed}); !a.ok())
                return a;
        }
        return Unit{};
    });
}

Result<SignedIn> AuthService::SignIn(const api::SignInBody& body, const std::string& client, Timestamp now) {
    if (const SignInThrottle::Verdict verdict = m_throttle.TryBegin(body.username, client, now); !verdict.go) {
        Error error = MakeError(ErrorCode::rate_limited, {}, "username");
        error.retry_after_seconds = static_cast<int>((verdict.retry_in_ms + 999) / 1000);
        return error;
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
