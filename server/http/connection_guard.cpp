// GuardedServer (see connection_guard.h): httplib's per-connection loop, with a stream that keeps
// the deadlines and size limits, and the per-address and total connection caps.
#include "server/http/connection_guard.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <vector>

#include "server/http/client_address.h"
#include "shared/api/dto.h"
#include "shared/domain/result.h"

namespace spoc::http {

namespace {

using Clock = std::chrono::steady_clock;

// What one connection's requests share.
struct Connection {
    bool refused = false;       // a raw error answer was written: nothing more is read or written
    bool close_after = false;   // a handler asked to close after its response
};

thread_local Connection* t_connection = nullptr;

const char* ReasonPhrase(int status) {
    switch (status) {
        case 408: return "Request Timeout";
        case 414: return "URI Too Long";
        case 429: return "Too Many Requests";
        case 431: return "Request Header Fields Too Large";
        default: return "Service Unavailable";
    }
}

// A complete answer written straight to the socket, for a request httplib never gets to parse.
void WriteRawError(socket_t sock, int status, ErrorCode code, int write_timeout_seconds) {
    const std::string body = api::EncodeError(MakeError(code));
    std::string head = "HTTP/1.1 " + std::to_string(status) + " " + ReasonPhrase(status) + "\r\n";
    head += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
    head += "Connection: close\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n";
    if (status == 429 || status == 503) head += "Retry-After: 10\r\n";
    head += "\r\n";
    head += body;
    std::size_t sent = 0;
    while (sent < head.size()) {
        if (httplib::detail::select_write(sock, write_timeout_seconds, 0) <= 0) return;
        const ssize_t n = httplib::detail::send_socket(sock, head.data() + sent, head.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return;
        sent += static_cast<std::size_t>(n);
    }
}

// One request's reads and writes. Until the blank line that ends the head, reads must finish by
// the head deadline and the head must stay within its sizes; after it, each wait for body bytes is
// limited to the idle time.
class GuardedStream final : public httplib::Stream {
public:
    GuardedStream(socket_t sock, const ConnectionLimits& limits, int write_timeout_seconds, Connection& connection)
        : m_sock(sock),
          m_limits(limits),
          m_write_timeout(write_timeout_seconds),
          m_connection(connection),
          m_head_deadline(Clock::now() + std::chrono::seconds(limits.head_seconds)),
          m_buffer(4096) {}

    bool is_readable() const override {
        if (m_connection.refused) return false;
        long long wait_ms;
        if (m_in_head) {
            wait_ms = std::chrono::duration_cast<std::chrono::milliseconds>(m_head_deadline - Clock::now()).count();
            if (wait_ms <= 0) return false;
        } else {
            wait_ms = static_cast<long long>(m_limits.body_idle_seconds) * 1000;
        }
        return httplib::detail::select_read(m_sock, static_cast<time_t>(wait_ms / 1000),
                                            static_cast<time_t>((wait_ms % 1000) * 1000)) > 0;
    }

    bool is_writable() const override {
        return !m_connection.refused && httplib::detail::select_write(m_sock, m_write_timeout, 0) > 0 &&
               httplib::detail::is_socket_alive(m_sock);
    }

    ssize_t read(char* ptr, std::size_t size) override {
        if (m_connection.refused) return -1;
        if (m_off >= m_len) {
            if (!is_readable()) {
                // Out of time for the head (the wait ends at its deadline): say so, where
                // httplib would answer 400 or nothing. A body that stopped coming: whatever is
                // answered, the rest of it must never be read as the next request.
                if (m_in_head) Refuse(408);
                m_connection.close_after = true;
                return -1;
            }
            const ssize_t n = httplib::detail::read_socket(m_sock, m_buffer.data(), m_buffer.size(), 0);
            if (n <= 0) {
                m_connection.close_after = true;
                return n;
            }
            m_off = 0;
            m_len = static_cast<std::size_t>(n);
        }
        const std::size_t n = std::min(size, m_len - m_off);
        std::memcpy(ptr, m_buffer.data() + m_off, n);
        m_off += n;
        if (m_in_head && !Track(ptr, n)) return -1;
        return static_cast<ssize_t>(n);
    }

    ssize_t write(const char* ptr, std::size_t size) override {
        if (!is_writable()) return -1;
        return httplib::detail::send_socket(m_sock, ptr, size, MSG_NOSIGNAL);
    }

    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        httplib::detail::get_remote_ip_and_port(m_sock, ip, port);
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override {
        httplib::detail::get_local_ip_and_port(m_sock, ip, port);
    }
    socket_t socket() const override { return m_sock; }

private:
    // Follows the head as httplib reads it, by httplib's rule: a line ends with CRLF only (a bare
    // LF is part of the line), and the head ends with an empty line after the request line.
    // False once it broke a limit (answered here).
    bool Track(const char* bytes, std::size_t n) {
        for (std::size_t i = 0; i < n && m_in_head; ++i) {
            const char c = bytes[i];
            ++m_head_bytes;
            if (c == '\n' && m_prev_cr) {
                if (m_line_bytes == 1 && m_line_done) m_in_head = false;  // "\r\n" alone: the blank line
                m_line_done = true;
                m_line_bytes = 0;
            } else {
                ++m_line_bytes;
            }
            m_prev_cr = c == '\r';
        }
        if (!m_line_done && m_head_bytes > m_limits.max_request_line) return Refuse(414);
        if (m_in_head && m_head_bytes > m_limits.max_head) return Refuse(431);
        return true;
    }

    bool Refuse(int status) {
        WriteRawError(m_sock, status, status == 408 ? ErrorCode::unavailable : ErrorCode::bad_request, m_write_timeout);
        m_connection.refused = true;
        return false;
    }

    socket_t m_sock;
    const ConnectionLimits& m_limits;
    int m_write_timeout;
    Connection& m_connection;
    Clock::time_point m_head_deadline;
    std::vector<char> m_buffer;
    std::size_t m_off = 0, m_len = 0;
    bool m_in_head = true;
    bool m_line_done = false;  // the request line has ended
    bool m_prev_cr = false;
    std::size_t m_line_bytes = 0;  // bytes of the current line so far (its CR included)
    std::size_t m_head_bytes = 0;
};

}  // namespace

void GuardedServer::CloseAfterResponse() {
    if (t_connection != nullptr) t_connection->close_after = true;
}

std::size_t GuardedServer::OpenConnections() const {
    std::lock_guard lock(m_mutex);
    return m_open;
}

bool GuardedServer::Admit(const std::string& address, int* status) {
    std::lock_guard lock(m_mutex);
    if (m_limits.max_connections > 0 && m_open >= static_cast<std::size_t>(m_limits.max_connections)) {
        *status = 503;
        return false;
    }
    int& mine = m_per_address[address];
    if (m_limits.max_per_address > 0 && mine >= m_limits.max_per_address && !(m_exempt && m_exempt(address))) {
        if (mine == 0) m_per_address.erase(address);
        *status = 429;
        return false;
    }
    ++mine;
    ++m_open;
    return true;
}

void GuardedServer::Leave(const std::string& address) {
    std::lock_guard lock(m_mutex);
    auto it = m_per_address.find(address);
    if (it != m_per_address.end() && --it->second <= 0) m_per_address.erase(it);
    --m_open;
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
    std::string remote_addr, local_addr;
    int remote_port = 0, local_port = 0;
    httplib::detail::get_remote_ip_and_port(sock, remote_addr, remote_port);
    httplib::detail::get_local_ip_and_port(sock, local_addr, local_port);
    const int write_timeout = static_cast<int>(write_timeout_sec_ > 0 ? write_timeout_sec_ : 1);

    bool ret = false;
    int refused = 0;
    const std::string counted_as = AddressKey(remote_addr);
    if (!Admit(counted_as, &refused)) {
        WriteRawError(sock, refused, refused == 429 ? ErrorCode::rate_limited : ErrorCode::unavailable, write_timeout);
    } else {
        Connection connection;
        t_connection = &connection;
        ret = httplib::detail::process_server_socket_core(
            svr_sock_, sock, keep_alive_max_count_, keep_alive_timeout_sec_,
            [&](bool close_connection, bool& connection_closed) {
                GuardedStream stream(sock, m_limits, write_timeout, connection);
                const bool ok = process_request(stream, remote_addr, remote_port, local_addr, local_port,
                                                close_connection, connection_closed, nullptr);
                if (connection.close_after || connection.refused) connection_closed = true;
                return ok && !connection.refused;
            });
        t_connection = nullptr;
        Leave(counted_as);
    }
    httplib::detail::shutdown_socket(sock);
    httplib::detail::close_socket(sock);
    return ret;
}

}  // namespace spoc::http
