// Connection hygiene (issue 16): what a client must do to keep a worker thread. cpp-httplib gives
// every connection a thread and waits on a socket as long as bytes trickle in, so ~1,000 clients
// sending one byte a second held every worker. GuardedServer runs each connection through its own
// stream, which enforces:
//   - a deadline for the request line and headers (from their first byte; default 10 s in all);
//   - a limit on their size: a request line past 16 KiB gets 414 and a head past 64 KiB gets 431,
//     answered at once (httplib would read a 1 MB URL to its end, then drop the connection);
//   - body progress: the next body bytes must come within the idle limit;
//   - a cap on the connections open at once from one client address (429 past it), and on all
//     connections (503 past it), so the worker pool always has a thread for a new client.
// A handler that answers without reading the body (413 on Content-Length) calls
// CloseAfterResponse, so the unread body is never parsed as the next request.
#pragma once
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <string>

#include "server/http/connection_limits.h"
#include "server/http/httplib_include.h"

namespace spoc::http {

class GuardedServer final : public httplib::Server {
public:
    // `exempt`: peers the per-address cap does not apply to (trusted reverse proxies).
    GuardedServer(ConnectionLimits limits, std::function<bool(const std::string&)> exempt)
        : m_limits(limits), m_exempt(std::move(exempt)) {}
    // From a request handler: the connection closes once this response is written.
    static void CloseAfterResponse();
    std::size_t OpenConnections() const;
    const ConnectionLimits& Limits() const { return m_limits; }

private:
    bool process_and_close_socket(socket_t sock) override;
    bool Admit(const std::string& address, int* status);  // false: refused with *status (429 / 503)
    void Leave(const std::string& address);

    const ConnectionLimits m_limits;
    const std::function<bool(const std::string&)> m_exempt;
    mutable std::mutex m_mutex;
    std::map<std::string, int> m_per_address;
    std::size_t m_open = 0;
};

}  // namespace spoc::http
