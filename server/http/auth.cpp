// Cookie, CSRF and Origin guards (see auth.h).
#include "server/http/auth.h"

#include <httplib.h>

#include "server/app/crypto.h"
#include "shared/api/routes.h"

namespace spoc::http {

bool IsStateChanging(std::string_view method) {
    return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

std::string SessionCookieValue(const httplib::Request& req) {
    const std::string name = std::string(routes::kSessionCookie) + "=";
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

std::string SessionSetCookie(const std::string& token) {
    return std::string(routes::kSessionCookie) + "=" + token +
           "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(app::kSessionMaxAgeSeconds);
}

std::string SessionClearCookie() {
    return std::string(routes::kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
}

Result<Unit> CheckOrigin(const httplib::Request& req) {
    if (!req.has_header("Origin")) return Unit{};
    const std::string origin = req.get_header_value("Origin");
    const std::string host = req.get_header_value("Host");
    if (!host.empty() && (origin == "http://" + host || origin == "https://" + host)) return Unit{};
    return MakeError(ErrorCode::csrf_failed,
                     "The request came from another site (Origin " + origin.substr(0, 100) + ").");
}

Result<Unit> CheckCsrf(const httplib::Request& req, const app::Caller& caller) {
    if (!app::ConstantTimeEquals(req.get_header_value(routes::kCsrfHeader), caller.csrf_token))
        return MakeError(ErrorCode::csrf_failed, {}, routes::kCsrfHeader);
    return Unit{};
}

}  // namespace spoc::http
