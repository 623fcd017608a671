// Host, cookie, CSRF and Origin guards (see auth.h).
#include "server/http/auth.h"

#include "server/http/httplib_include.h"

#include <algorithm>
#include <cctype>

#include "server/app/crypto.h"
#include "server/http/router.h"
#include "shared/api/routes.h"
#include "shared/domain/i18n.h"
#include "shared/domain/text.h"

namespace spoc::http {

// [SECTION] Host allowlist

HostAllowlist::HostAllowlist(const std::string& listen_host, int port) : m_port(port) {
    for (const char* name : {"127.0.0.1", "localhost", "[::1]"}) Add(name);
    if (listen_host.empty()) return;
    const bool ipv6 = listen_host.find(':') != std::string::npos && listen_host.front() != '[';
    AddExact((ipv6 ? "[" + listen_host + "]" : listen_host) + ":" + std::to_string(port));
}

void HostAllowlist::AddExact(std::string host) {
    host = ToLowerAscii(host);
    if (std::find(m_entries.begin(), m_entries.end(), host) == m_entries.end()) m_entries.push_back(std::move(host));
}

void HostAllowlist::Add(const std::string& name) {
    const std::size_t bracket = name.rfind(']');
    const std::size_t colon = name.rfind(':');
    const bool has_port = colon != std::string::npos && (bracket == std::string::npos || colon > bracket);
    if (has_port) return AddExact(name);
    AddExact(name + ":" + std::to_string(m_port));
    // A bare name: what a browser sends on the scheme's default port. For the built-in loopback
    // names only when this server is on port 80 itself; a name given with --allow-host always
    // (it usually sits behind a reverse proxy on 80/443).
    const bool loopback = name == "127.0.0.1" || name == "localhost" || name == "[::1]";
    if (!loopback || m_port == 80) AddExact(name);
}

bool HostAllowlist::Allows(std::string_view host) const {
    if (host.empty()) return false;
    const std::string lower = ToLowerAscii(host);
    return std::find(m_entries.begin(), m_entries.end(), lower) != m_entries.end();
}

bool IsValidHostSpec(std::string_view spec, std::string* why) {
    std::string_view name = spec;
    const std::size_t bracket = spec.rfind(']');
    const std::size_t colon = spec.rfind(':');
    if (colon != std::string_view::npos && (bracket == std::string_view::npos || colon > bracket)) {
        auto port = ParseBoundedInt(spec.substr(colon + 1), 1, 65535, "port");
        if (!port.ok()) {
            *why = "the port must be a whole number from 1 to 65535";
            return false;
        }
        name = spec.substr(0, colon);
    }
    if (name.empty() || name.size() > 253) {
        *why = "the name is empty or too long";
        return false;
    }
    if (name.front() == '[') {
        const bool ok =
            name.back() == ']' && name.size() > 2 && std::all_of(name.begin() + 1, name.end() - 1, [](char c) {
                return std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.';
            });
        if (!ok) *why = "an IPv6 address needs brackets and hex digits only, as in [::1]";
        return ok;
    }
    const bool ok = std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.';
    });
    if (!ok) *why = "a host name has letters, digits, '-' and '.' only (an IPv6 address goes in brackets)";
    return ok;
}

// [SECTION] Guards

bool IsStateChanging(std::string_view method) {
    return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

std::string CookieValue(const httplib::Request& req, std::string_view cookie) {
    const std::string name = std::string(cookie) + "=";
    const auto count = req.get_header_value_count("Cookie");
    for (std::size_t i = 0; i < count; ++i) {
        const std::string header = req.get_header_value("Cookie", "", i);
        std::size_t pos = 0;
        while (pos < header.size()) {
            while (pos < header.size() && (header[pos] == ' ' || header[pos] == ';')) ++pos;
            std::size_t end = header.find(';', pos);
            if (end == std::string::npos) end = header.size();
            if (header.compare(pos, name.size(), name) == 0)
                return header.substr(pos + name.size(), end - pos - name.size());
            pos = end;
        }
    }
    return {};
}

std::string SessionCookieValue(const httplib::Request& req) { return CookieValue(req, routes::kSessionCookie); }

std::string KioskSetCookie(const std::string& token) {
    return std::string(routes::kKioskCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=31536000";
}

std::string KioskPairingSetCookie(const std::string& secret) {
    return std::string(routes::kKioskPairingCookie) + "=" + secret + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
           std::to_string(app::kPairingLifetimeMs / 1000);
}

std::string KioskPairingClearCookie() {
    return std::string(routes::kKioskPairingCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
}

std::string SessionSetCookie(const std::string& token) {
    return std::string(routes::kSessionCookie) + "=" + token +
           "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(app::kSessionMaxAgeSeconds);
}

std::string SessionClearCookie() {
    return std::string(routes::kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
}

Result<Unit> CheckHost(const httplib::Request& req, const HostAllowlist& hosts) {
    if (req.get_header_value_count("Host") == 1 && hosts.Allows(req.get_header_value("Host"))) return Unit{};
    return MakeError(ErrorCode::bad_request, i18n::tr("Unknown Host header."), "Host");
}

Result<Unit> CheckOrigin(const httplib::Request& req, const HostAllowlist& hosts) {
    if (!req.has_header("Origin")) return Unit{};
    const std::string origin = req.get_header_value("Origin");
    std::string_view host;
    if (origin.rfind("http://", 0) == 0)
        host = std::string_view(origin).substr(7);
    else if (origin.rfind("https://", 0) == 0)
        host = std::string_view(origin).substr(8);
    if (req.get_header_value_count("Origin") == 1 && hosts.Allows(host)) return Unit{};
    // TRANSLATORS: {0} is the site the request came from ("https://example.com"); keep "Origin" (an HTTP header).
    return MakeError(ErrorCode::csrf_failed,
                     i18n::Format(i18n::tr("The request came from another site (Origin {0})."), {origin.substr(0, 100)}));
}

Result<Unit> CheckKioskCsrf(const httplib::Request& req, const app::KioskCaller& kiosk) {
    if (!app::ConstantTimeEquals(req.get_header_value(routes::kCsrfHeader), kiosk.csrf_token))
        return MakeError(ErrorCode::csrf_failed, {}, routes::kCsrfHeader);
    return Unit{};
}

Result<Unit> CheckCsrf(const httplib::Request& req, const app::Caller& caller) {
    if (!app::ConstantTimeEquals(req.get_header_value(routes::kCsrfHeader), caller.csrf_token))
        return MakeError(ErrorCode::csrf_failed, {}, routes::kCsrfHeader);
    return Unit{};
}

}  // namespace spoc::http
