// libsodium-backed secrets (see crypto.h).
#include "server/app/crypto.h"

#include <sodium.h>

#include <cstdint>
#include <semaphore>

namespace spoc::app {

namespace {

// Each argon2id run holds MEMLIMIT_INTERACTIVE (64 MiB); with 64 HTTP threads an unbounded
// burst of sign-ins could ask for 4 GiB. Two at a time matches the cores and caps memory. A
// turn is waited for only briefly: under a flood, callers get a quick 503 instead of every HTTP
// thread queueing here while other requests wait for a thread.
std::counting_semaphore<64> g_pwhash_slots(2);

class PwhashSlot {
public:
    PwhashSlot() : m_held(g_pwhash_slots.try_acquire_for(kPwhashSlotWait)) {}
    ~PwhashSlot() {
        if (m_held) g_pwhash_slots.release();
    }
    PwhashSlot(const PwhashSlot&) = delete;
    PwhashSlot& operator=(const PwhashSlot&) = delete;
    bool held() const { return m_held; }

private:
    bool m_held;
};

Error Busy() {
    return MakeError(ErrorCode::unavailable, "The server is busy checking passwords. Try again in a moment.");
}

}  // namespace

Result<Unit> InitCrypto() {
    if (sodium_init() < 0) return MakeError(ErrorCode::internal, "libsodium failed to initialise.");
    return Unit{};
}

std::string RandomToken(std::size_t bytes) {
    std::string raw(bytes, '\0');
    randombytes_buf(raw.data(), raw.size());
    std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size(),
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out.resize(std::char_traits<char>::length(out.c_str()));
    sodium_memzero(raw.data(), raw.size());
    return out;
}

bool LooksLikeToken(std::string_view text, std::size_t bytes) {
    if (text.size() != (bytes * 4 + 2) / 3) return false;
    for (char c : text) {
        const bool ok =
            (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) return false;
    }
    return true;
}

std::string HashToken(std::string_view token) {
    std::string out(crypto_generichash_BYTES, '\0');
    crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), out.size(),
                       reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
    return out;
}

Result<std::string> HashPassword(std::string_view password) {
    char hash[crypto_pwhash_STRBYTES];
    PwhashSlot slot;
    if (!slot.held()) return Busy();
    if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return MakeError(ErrorCode::internal, "Password hashing ran out of memory.");
    return std::string(hash);
}

Result<bool> VerifyPassword(const std::string& hash, std::string_view password) {
    PwhashSlot slot;
    if (!slot.held()) return Busy();
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
    if (a.size() != b.size() || a.empty()) return false;
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string Fingerprint(std::string_view a, std::string_view b, std::string_view c) {
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, crypto_generichash_BYTES);
    for (std::string_view part : {a, b, c}) {
        const std::uint64_t size = part.size();
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(&size), sizeof size);
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(part.data()), part.size());
    }
    std::string out(crypto_generichash_BYTES, '\0');
    crypto_generichash_final(&state, reinterpret_cast<unsigned char*>(out.data()), out.size());
    return out;
}

}  // namespace spoc::app
