// HTTP-side guards: the session cookie (read, set, clear), the CSRF header check (constant time)
// and the Origin check on state changes. The session itself lives in app::AuthService.
#pragma once
#include <string>
#include <string_view>

#include "server/app/auth_service.h"

namespace httplib {
struct Request;
}

namespace spoc::http {

bool IsStateChanging(std::string_view method);                // POST, PUT, PATCH, DELETE
std::string SessionCookieValue(const httplib::Request& req);  // spoc_session from any Cookie header, or ""
std::string SessionSetCookie(const std::string& token);       // Set-Cookie value for a new session
std::string SessionClearCookie();                             // Set-Cookie value that removes it
// An Origin header, when present, must name this server: http(s)://<Host header>.
Result<Unit> CheckOrigin(const httplib::Request& req);
// X-CSRF-Token must equal the session's token.
Result<Unit> CheckCsrf(const httplib::Request& req, const app::Caller& caller);

}  // namespace spoc::http
