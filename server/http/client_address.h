// Who a request comes from, for the sign-in throttle and the audit log. Without trusted proxies it
// is the connection's peer. With `--trusted-proxy CIDR` (repeatable), a request whose peer is in a
// trusted range is read through its X-Forwarded-For header: the rightmost address that is not a
// trusted proxy (the first hop the trusted chain can't vouch for). X-Forwarded-For from any other
// peer is ignored: a client can't pick its own address.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "shared/domain/result.h"

namespace spoc::http {

struct Cidr {
    bool v6 = false;
    std::array<std::uint8_t, 16> bytes{};  // v4 uses the first 4
    int bits = 0;
};

Result<Cidr> ParseCidr(std::string_view text);  // "10.0.0.0/8", "127.0.0.1", "fd00::/8"; bad_request otherwise
bool InAnyCidr(std::string_view address, const std::vector<Cidr>& ranges);
// What the throttle and the connection cap count per: an IPv4 address (a mapped one unwrapped),
// or an IPv6 address's /64 (one client can hold a whole /64).
std::string AddressKey(const std::string& address);
std::string ClientAddress(const std::string& peer, std::string_view forwarded_for, const std::vector<Cidr>& trusted);

}  // namespace spoc::http
