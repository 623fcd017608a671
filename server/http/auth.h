// HTTP-side guards: the Host allowlist (against DNS rebinding: a page on evil.example whose name
// now resolves to 127.0.0.1 still sends "Host: evil.example"), the session cookie (read, set,
// clear), the CSRF header check (constant time) and the Origin check on state changes. The
// session itself lives in app::AuthService.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "server/app/auth_service.h"
#include "server/app/walkup_service.h"

namespace httplib {
struct Request;
}

namespace spoc::http {

// The Host header values this server answers to, compared without regard to case.
class HostAllowlist {
public:
    // 127.0.0.1, localhost and [::1] with `port`, plus `listen_host` (an IPv6 literal gets its
    // brackets) with `port`; on port 80 the bare names too.
    HostAllowlist(const std::string& listen_host, int port);
    HostAllowlist() = default;  // allows nothing
    // "NAME:PORT" exactly; a bare "NAME" allows NAME with this server's port and NAME alone (as a
    // browser sends it for the scheme's default port, e.g. behind a reverse proxy).
    void Add(const std::string& name);
    bool Allows(std::string_view host) const;  // a Host header value
    const std::vector<std::string>& Entries() const { return m_entries; }

private:
    void AddExact(std::string host);
    int m_port = 0;
    std::vector<std::string> m_entries;  // lower-case
};

// NAME or NAME:PORT where NAME is a DNS name, an IPv4 address or a bracketed IPv6 address (for
// --allow-host); false with a sentence in *why otherwise.
bool IsValidHostSpec(std::string_view spec, std::string* why);

bool IsStateChanging(std::string_view method);                // POST, PUT, PATCH, DELETE
std::string SessionCookieValue(const httplib::Request& req);  // spoc_session from any Cookie header, or ""
std::string CookieValue(const httplib::Request& req, std::string_view name);  // any cookie, or ""
// A paired kiosk's device credential (spoc_kiosk, a year) and its pairing secret while it waits
// for an admin (spoc_kiosk_pair, the code's lifetime): HttpOnly, SameSite=Strict like the session.
std::string KioskSetCookie(const std::string& token);
std::string KioskPairingSetCookie(const std::string& secret);
std::string KioskPairingClearCookie();
std::string SessionSetCookie(const std::string& token);       // Set-Cookie value for a new session
std::string SessionClearCookie();                             // Set-Cookie value that removes it
// The Host header must be on the allowlist (bad_request "Unknown Host header." otherwise).
Result<Unit> CheckHost(const httplib::Request& req, const HostAllowlist& hosts);
// An Origin header, when present, must name this server: http(s)://<an allowed host>. (Not the
// request's own Host header: under DNS rebinding the attacker chooses both.)
Result<Unit> CheckOrigin(const httplib::Request& req, const HostAllowlist& hosts);
// X-CSRF-Token must equal the session's token.
Result<Unit> CheckCsrf(const httplib::Request& req, const app::Caller& caller);
Result<Unit> CheckKioskCsrf(const httplib::Request& req, const app::KioskCaller& kiosk);  // X-CSRF-Token = the kiosk's

}  // namespace spoc::http
