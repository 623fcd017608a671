// Sign-in, sign-out and "who is calling": argon2id password checks (an unknown user still pays
// for one, against a dummy hash), a sign-in throttle per username and per client address that
// counts attempts in flight as well as failures, and sessions that are stored only as a hash of
// their cookie token, each with its own CSRF token. Sign-ins and checked failures are audited;
// refused (throttled) attempts are not, beyond one row when a name or address becomes blocked.
#pragma once
#include <deque>
#include <future>
#include <mutex>
#include <string>
#include <unordered_map>

#include "server/storage/reader_pool.h"
#include "server/storage/users_repo.h"
#include "server/storage/writer.h"
#include "shared/api/dto.h"

namespace spoc::app {

inline constexpr Timestamp kSessionLifetimeMs = 12LL * 60 * 60 * 1000;
inline constexpr int kSessionMaxAgeSeconds = static_cast<int>(kSessionLifetimeMs / 1000);  // the cookie's Max-Age
inline constexpr std::size_t kSessionTokenBytes = 32;
inline constexpr int kMaxSignInFailures = 5;                    // per username ...
inline constexpr int kMaxClientSignInFailures = 20;             // ... and per client address ...
inline constexpr Timestamp kSignInFailureWindowMs = 60 * 1000;  // ... within this window

// The authenticated caller of one HTTP request.
struct Caller {
    std::int64_t session_id = 0;
    User user;
    std::string csrf_token;
};

struct SignedIn {
    std::string token;  // cookie value; never stored
    api::Me me;
};

// Recent sign-in failures and attempts in flight, per username and per client address; in memory,
// pruned as it goes. An attempt is reserved before its password is checked, so however many guesses
// arrive at once, at most kMaxSignInFailures per username (kMaxClientSignInFailures per address) are
// ever checked within one window.
class SignInThrottle {
public:
    enum class Verdict { go, username_blocked, client_blocked };
    enum class Outcome { not_checked, failed, succeeded };
    struct Finished {
        bool username_now_blocked = false;  // this failure was the one that reached the limit
        bool client_now_blocked = false;
    };

    // Reserves an attempt for both keys, or says which one is at its limit. Every `go` must be
    // followed by exactly one Finish with the same keys.
    Verdict TryBegin(const std::string& username, const std::string& client, Timestamp now);
    // Releases the reservation; a failure is recorded against both keys, a success clears the
    // username's failures (not the address's: one good account must not reset a guessing client).
    Finished Finish(const std::string& username, const std::string& client, Outcome outcome, Timestamp now);

private:
    struct Bucket {
        std::deque<Timestamp> failures;
        int in_flight = 0;
    };
    using Buckets = std::unordered_map<std::string, Bucket>;
    static void Prune(Bucket& bucket, Timestamp now);
    static void Forget(Buckets& buckets, Buckets::iterator it);  // erases it when it holds nothing
    static void Sweep(Buckets& buckets, Timestamp now);          // a flood of made-up names: drop stale ones
    static bool Finish(Buckets& buckets, const std::string& key, Outcome outcome, int limit, Timestamp now);

    std::mutex m_mutex;
    Buckets m_usernames;
    Buckets m_clients;
};

class AuthService {
public:
    AuthService(storage::ReaderPool& readers, storage::Writer& writer);
    // Starts making the dummy hash for unknown users on its own thread (an argon2id run: start-up
    // does not wait for it; the first sign-in of an unknown name does, if it is not ready yet).
    Result<Unit> Init();

    // invalid_credentials / rate_limited / unavailable (no argon2id turn in time). `client` is the
    // remote address the throttle counts per.
    Result<SignedIn> SignIn(const api::SignInBody& body, const std::string& client, Timestamp now);
    Result<Caller> Authenticate(std::string_view token, Timestamp now);  // unauthenticated if unknown/expired
    Result<Unit> SignOut(const Caller& caller, Timestamp now);
    Result<Unit> SetLocale(const Caller& caller, const std::string& locale, Timestamp now);  // the language menu

private:
    struct Checked {
        std::optional<storage::UserRecord> record;  // the named user, if the name exists
        bool verified = false;                      // ... and this is their password
    };
    Result<Checked> CheckPassword(const api::SignInBody& body);
    void AuditFailure(const api::SignInBody& body, const std::string& client, const Checked& checked,
                      const SignInThrottle::Finished& finished, Timestamp now);

    storage::ReaderPool& m_readers;
    storage::Writer& m_writer;
    SignInThrottle m_throttle;
    std::shared_future<std::string> m_dummy_hash;  // "" if hashing failed
};

}  // namespace spoc::app
