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
// Sign-in throttling (issue 16): failures count per (username, client address), so guessing from
// one address never locks the owner out from another. After kFreeSignInFailures failures of one
// pair, each further attempt from that pair waits twice as long as the last (1 s, 2 s, 4 s, ...
// up to kMaxSignInDelayMs). Across all addresses a username past kUsernameSignInCeiling failures
// is slowed, never blocked: each address may then try that name once per kCeilingSpacingMs, and an
// address that signed in to it successfully before (a known device) is not slowed at all. An
// address past kAddressSignInCeiling failures, whatever the names, gets one free failure per name
// instead of five, and its unknown devices one attempt at a time, kAddressSpacingMs apart.
// Addresses are counted per AddressKey (an IPv6 client's whole /64). Failures are forgotten kSignInFailureWindowMs after the last one.
inline constexpr int kFreeSignInFailures = 5;
inline constexpr int kMaxSignInFailures = kFreeSignInFailures;  // checked guesses per pair before delays start
inline constexpr Timestamp kFirstSignInDelayMs = 1000;
inline constexpr Timestamp kMaxSignInDelayMs = 5 * 60 * 1000;
inline constexpr int kUsernameSignInCeiling = 20;
inline constexpr Timestamp kCeilingSpacingMs = 5000;
inline constexpr int kAddressSignInCeiling = 20;
inline constexpr Timestamp kAddressSpacingMs = 1000;  // past it: its unknown devices' attempts this far apart
inline constexpr Timestamp kSignInFailureWindowMs = 15 * 60 * 1000;
inline constexpr Timestamp kKnownDeviceMs = 30LL * 24 * 60 * 60 * 1000;

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

// Recent sign-in failures and attempts in flight per (username, address), per username and per
// address; in memory, pruned as it goes. An attempt is reserved before its password is checked,
// so however many guesses arrive at once, a pair's free failures are never exceeded.
class SignInThrottle {
public:
    enum class Outcome { not_checked, failed, succeeded };
    struct Verdict {
        bool go = false;
        Timestamp retry_in_ms = 0;  // when refused: how long until this pair may try again
    };
    struct Finished {
        bool pair_now_delayed = false;      // this failure started the pair's delays
        bool username_now_slowed = false;   // ... took the username past its ceiling
        bool address_now_slowed = false;    // ... took the address past its ceiling
    };

    // Reserves an attempt, or refuses it. Every `go` must be followed by exactly one Finish with
    // the same keys.
    Verdict TryBegin(const std::string& username, const std::string& address, Timestamp now);
    // Releases the reservation; a failure is recorded against the pair, the name and the address;
    // a success clears the pair and marks the address a known device for that name.
    Finished Finish(const std::string& username, const std::string& address, Outcome outcome, Timestamp now);

private:
    struct Bucket {
        std::deque<Timestamp> failures;
        int in_flight = 0;
        Timestamp last_attempt = 0;
    };
    using Buckets = std::unordered_map<std::string, Bucket>;
    static void Prune(Bucket& bucket, Timestamp now, bool sliding);  // sliding: names and addresses
    static void Forget(Buckets& buckets, Buckets::iterator it);  // erases it when it holds nothing
    static void Sweep(Buckets& buckets, Timestamp now, bool sliding);  // a flood of made-up names: drop stale ones
    static int Failures(Buckets& buckets, const std::string& key, Timestamp now);

    std::mutex m_mutex;
    Buckets m_pairs;      // username + '\n' + address
    Buckets m_usernames;
    Buckets m_addresses;
    std::unordered_map<std::string, Timestamp> m_known;  // pair -> last successful sign-in
    Timestamp m_last_sweep = 0;
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
