// Secrets for sign-in and sessions, all from libsodium: random tokens (base64url), the one-way
// hash stored for a session token, argon2id password hashes (with a cap on how many run at
// once: each takes 64 MiB; a caller waits at most kPwhashSlotWait for a turn, then gets
// `unavailable`), constant-time comparison and request fingerprints.
#pragma once
#include <chrono>
#include <string>
#include <string_view>

#include "shared/domain/result.h"

namespace spoc::app {

inline constexpr std::chrono::milliseconds kPwhashSlotWait{250};  // longest wait for an argon2id turn

Result<Unit> InitCrypto();                                      // sodium_init; call once before anything below
std::string RandomToken(std::size_t bytes);                     // `bytes` random bytes as unpadded base64url
bool LooksLikeToken(std::string_view text, std::size_t bytes);  // right length, base64url alphabet only
std::string HashToken(std::string_view token);                  // 32 raw bytes of crypto_generichash(token)
Result<std::string> HashPassword(std::string_view password);    // crypto_pwhash_str, argon2id, INTERACTIVE limits
// crypto_pwhash_str_verify: true when the password matches; `unavailable` when no turn came in time.
Result<bool> VerifyPassword(const std::string& hash, std::string_view password);
bool ConstantTimeEquals(std::string_view a, std::string_view b);  // sodium_memcmp; false on length mismatch
std::string Fingerprint(std::string_view a, std::string_view b,
                        std::string_view c);  // 32-byte hash of the three, length-prefixed

}  // namespace spoc::app
