// The HTTP front: a cpp-httplib server whose every request goes through one Dispatch: body read
// (capped at limits::kMaxBodyBytes, decompressed bytes included), the Host allowlist, API routing
// (404/405; a Range header is refused on the API), Origin, session, CSRF and content-type guards,
// then the route's handler; other GETs go to the web client's static files. Every error, including
// httplib's own (bad request line, 413...) and exceptions, leaves as an api::EncodeError body;
// every response carries the security headers, and a 503 says Retry-After: 1.
#pragma once
#include <functional>
#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "server/app/auth_service.h"
#include "server/http/auth.h"
#include "server/http/client_address.h"
#include "server/http/connection_limits.h"
#include "server/http/router.h"
#include "server/http/static_files.h"

namespace httplib {
class Server;
struct Response;
class ContentReader;
}  // namespace httplib

namespace spoc::http {

struct HttpOptions {
    int threads = 64;       // worker threads always running = keep-alive connections served at once
    int max_streams = 1000; // extra threads started on demand for long-lived event streams
    int read_timeout_seconds = 10;
    int write_timeout_seconds = 10;
    int keep_alive_seconds = 5;
    std::vector<std::string> allowed_hosts;  // beyond the loopback names and the bound address (HostAllowlist::Add)
    // Resolves a kiosk's cookie token (Access::kiosk routes); unset: every kiosk route is 401.
    std::function<Result<app::KioskCaller>(std::string_view token, Timestamp now)> kiosk_auth;
    std::int64_t max_upload_bytes = 0;  // upload routes' bodies (0: JSON-sized only)
    ConnectionLimits connections;       // deadlines and caps per connection (connection_guard.h)
    std::vector<Cidr> trusted_proxies;  // peers whose X-Forwarded-For names the client (client_address.h)
};

class HttpServer {
public:
    HttpServer(Router router, std::unique_ptr<StaticFiles> web, app::AuthService& auth, HttpOptions options);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // port 0: any free port; returns the bound port. Also fixes the Host allowlist (it needs the port).
    Result<int> Bind(const std::string& host, int port);
    bool Listen();  // serves until Stop(); false on socket failure
    void Stop();
    void WaitUntilReady() const;
    const Router& Routes() const { return m_router; }

private:
    void Dispatch(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader* reader);
    void DispatchUpload(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader, bool has_body);
    Result<Reply> Handle(const httplib::Request& req, std::string_view body, Timestamp now, const BodyReader* upload = nullptr);

    std::unique_ptr<httplib::Server> m_server;
    std::int64_t m_max_upload_bytes = 0;
    std::vector<Cidr> m_trusted_proxies;
    Router m_router;
    std::unique_ptr<StaticFiles> m_web;
    app::AuthService& m_auth;
    std::vector<std::string> m_extra_hosts;
    std::function<Result<app::KioskCaller>(std::string_view, Timestamp)> m_kiosk_auth;
    HostAllowlist m_hosts;  // set by Bind, read-only once listening
    std::atomic<bool> m_listen_called{false}, m_listen_done{false}, m_stop_requested{false};
};

// Writes an error as JSON with the code's HTTP status (internal details are logged, not sent).
void WriteError(httplib::Response& res, const Error& error, std::string_view context);

}  // namespace spoc::http
