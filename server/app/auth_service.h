// Sign-in, sign-out and "who is calling": argon2id password checks (an unknown user still pays
// for one, against a dummy hash), a per-username failure throttle, and sessions that are stored
// only as a hash of their cookie token, each with its own CSRF token. Every sign-in is audited.
#pragma once
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

#include "server/storage/reader_pool.h"
#include "server/storage/writer.h"
#include "shared/api/dto.h"

namespace spoc::app {

inline constexpr Timestamp kSessionLifetimeMs = 12LL * 60 * 60 * 1000;  // matches the cookie's Max-Age
inline constexpr int kSessionMaxAgeSeconds = 43200;
inline constexpr std::size_t kSessionTokenBytes = 32;
inline constexpr int kMaxSignInFailures = 5;                    // per username ...
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

// Counts recent sign-in failures per username; in memory, pruned as it goes.
class SignInThrottle {
public:
    bool Blocked(const std::string& username, Timestamp now);
    void RecordFailure(const std::string& username, Timestamp now);
    void Clear(const std::string& username);

private:
    void Prune(std::deque<Timestamp>& times, Timestamp now) const;
    std::mutex m_mutex;
    std::unordered_map<std::string, std::deque<Timestamp>> m_failures;
};

class AuthService {
public:
    AuthService(storage::ReaderPool& readers, storage::Writer& writer);
    Result<Unit> Init();  // makes the dummy hash for unknown users

    Result<SignedIn> SignIn(const api::SignInBody& body, Timestamp now);  // invalid_credentials / rate_limited
    Result<Caller> Authenticate(std::string_view token, Timestamp now);   // unauthenticated if unknown/expired
    Result<Unit> SignOut(const Caller& caller, Timestamp now);

private:
    storage::ReaderPool& m_readers;
    storage::Writer& m_writer;
    SignInThrottle m_throttle;
    std::string m_dummy_hash;
};

}  // namespace spoc::app
