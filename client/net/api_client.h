// The client's one network seam: asynchronous HTTP to Spoc's own origin. The browser build
// implements it with fetch() (api_client_web.cpp); tests use a scripted fake. Completions are
// delivered on the main loop, from Poll(), never re-entrantly from Send().
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace spoc::net {

struct HttpRequest {
    std::string method = "GET";                                // GET, POST, DELETE
    std::string path;                                          // "/api/v1/requests?status=open" (same origin)
    std::string body;                                          // JSON text, empty for GET/DELETE
    std::vector<std::pair<std::string, std::string>> headers;  // name, value
    bool revalidate = false;  // use the browser cache, revalidated (ETag) on every request; else no-store
};

// status is the HTTP status, or 0 when the server could not be reached (ErrorCode::network).
using HttpCallback = std::function<void(int status, const std::string& body)>;

// One server-sent event: its `event:` type ("request", "presence", "ready", "resync", ...) and
// `data:` text. type "closed" (data empty) reports that the stream dropped; the client keeps
// trying to reconnect until CloseEvents().
using EventCallback = std::function<void(const std::string& type, const std::string& data)>;

// Bytes of a file sent so far, of its total.
using ProgressCallback = std::function<void(std::int64_t sent, std::int64_t total)>;

class ApiClient {
public:
    virtual ~ApiClient() = default;
    virtual void Send(HttpRequest request, HttpCallback done) = 0; // starts the request; done runs from a later Poll()
    virtual void Poll() = 0;                                         // runs the completions that have arrived
    virtual int InFlight() const = 0;                                // requests started and not yet completed
    // The live-update stream (GET path as text/event-stream; at most one open). Events arrive
    // through Poll() like completions. Reconnects resume from the last event id.
    virtual void OpenEvents(std::string path, EventCallback on_event) = 0;
    virtual void CloseEvents() = 0;
    // Sends the bytes of a file the person chose (the page's handle `file`, see Host) as the body of
    // `request` (a POST), reporting progress as it goes; done(status, body) comes last, status 0
    // when the connection failed or AbortFile stopped it. One transfer per file at a time.
    virtual void SendFile(int file, HttpRequest request, ProgressCallback progress, HttpCallback done) {
        (void)file; (void)request; (void)progress;
        if (done) done(0, {});
    }
    virtual void AbortFile(int file) { (void)file; }  // stop that transfer (its done still runs, with 0)
};

std::unique_ptr<ApiClient> CreateFetchApiClient(); // browser build only (api_client_web.cpp)

}  // namespace spoc::net
