// ClientAddress and the CIDR ranges it trusts (see client_address.h).
#include "server/http/client_address.h"

#include <arpa/inet.h>

#include <algorithm>

namespace spoc::http {

namespace {

bool ParseAddress(std::string_view text, Cidr* out) {
    const std::string s(text);
    if (inet_pton(AF_INET, s.c_str(), out->bytes.data()) == 1) {
        out->v6 = false;
        return true;
    }
    if (inet_pton(AF_INET6, s.c_str(), out->bytes.data()) == 1) {
        static constexpr std::uint8_t kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
        if (std::equal(kMapped, kMapped + 12, out->bytes.begin())) {  // ::ffff:a.b.c.d is that IPv4 address
            std::copy(out->bytes.begin() + 12, out->bytes.end(), out->bytes.begin());
            std::fill(out->bytes.begin() + 4, out->bytes.end(), 0);
            out->v6 = false;
            return true;
        }
        out->v6 = true;
        return true;
    }
    return false;
}

std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

Result<Cidr> ParseCidr(std::string_view text) {
    Cidr out;
    const std::size_t slash = text.find('/');
    const std::string_view address = text.substr(0, slash);
    auto bad = [&] {
        return MakeError(ErrorCode::bad_request, "--trusted-proxy: \"" + std::string(text) + "\" is not an address or CIDR range.",
                         "--trusted-proxy");
    };
    if (address.size() > 45 || !ParseAddress(address, &out)) return bad();
    const int max_bits = out.v6 ? 128 : 32;
    out.bits = max_bits;
    if (slash != std::string_view::npos) {
        const std::string_view bits = text.substr(slash + 1);
        if (bits.empty() || bits.size() > 3) return bad();
        int n = 0;
        for (char c : bits) {
            if (c < '0' || c > '9') return bad();
            n = n * 10 + (c - '0');
        }
        if (n > max_bits) return bad();
        out.bits = n;
    }
    return out;
}

bool InAnyCidr(std::string_view address, const std::vector<Cidr>& ranges) {
    Cidr a;
    if (ranges.empty() || address.size() > 45 || !ParseAddress(address, &a)) return false;
    for (const Cidr& range : ranges) {
        if (range.v6 != a.v6) continue;
        bool match = true;
        for (int bit = 0; bit < range.bits && match; ++bit) {
            const std::uint8_t mask = static_cast<std::uint8_t>(0x80 >> (bit % 8));
            match = (range.bytes[bit / 8] & mask) == (a.bytes[bit / 8] & mask);
        }
        if (match) return true;
    }
    return false;
}

std::string AddressKey(const std::string& address) {
    Cidr a;
    if (address.size() > 45 || !ParseAddress(address, &a)) return address;
    char text[INET6_ADDRSTRLEN] = {};
    if (!a.v6) {
        inet_ntop(AF_INET, a.bytes.data(), text, sizeof text);
        return text;
    }
    std::fill(a.bytes.begin() + 8, a.bytes.end(), 0);  // one /64: what one IPv6 client is given
    inet_ntop(AF_INET6, a.bytes.data(), text, sizeof text);
    return std::string(text) + "/64";
}

std::string ClientAddress(const std::string& peer, std::string_view forwarded_for, const std::vector<Cidr>& trusted) {
    if (!InAnyCidr(peer, trusted) || forwarded_for.empty()) return peer;
    std::string leftmost = peer;
    while (!forwarded_for.empty()) {
        const std::size_t comma = forwarded_for.rfind(',');
        const std::string_view hop = Trim(comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1));
        forwarded_for = comma == std::string_view::npos ? std::string_view() : forwarded_for.substr(0, comma);
        Cidr parsed;
        if (hop.size() > 45 || !ParseAddress(hop, &parsed)) return leftmost;  // garbage: stop at what was vouched for
        leftmost = std::string(hop);
        if (!InAnyCidr(hop, trusted)) return leftmost;
    }
    return leftmost;
}

}  // namespace spoc::http
