// Connection hygiene (issue 16, item 1): slow clients can't lock anyone out. Thousands of
// connections that trickle their headers a byte at a time (slowloris), from several addresses, are
// open while a person signs in; the sign-in and GET /me are answered at once, and every slow
// connection is closed by the head deadline. Also: the per-address cap (429), a 1 MB URL (414,
// answered, not dropped), and a body announced too large (413 before any of it is sent).
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "test_support.h"

using namespace spoc::test;
using Clock = std::chrono::steady_clock;

namespace {

void RaiseOpenFiles(rlim_t want) {
    rlimit limit{};
    REQUIRE(getrlimit(RLIMIT_NOFILE, &limit) == 0);
    if (limit.rlim_cur >= want) return;
    limit.rlim_cur = std::min(want, limit.rlim_max);
    REQUIRE(setrlimit(RLIMIT_NOFILE, &limit) == 0);
    REQUIRE(limit.rlim_cur >= want);
}

// A TCP connection to the server from a chosen loopback address (127.0.0.0/8 is all local).
int ConnectFrom(const std::string& from, int port) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in local{};
    local.sin_family = AF_INET;
    REQUIRE(inet_pton(AF_INET, from.c_str(), &local.sin_addr) == 1);
    REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) == 0);
    sockaddr_in server{};
    server.sin_family = AF_INET;
    server.sin_port = htons(static_cast<std::uint16_t>(port));
    REQUIRE(inet_pton(AF_INET, "127.0.0.1", &server.sin_addr) == 1);
    REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&server), sizeof server) == 0);
    return fd;
}

bool SendAll(int fd, const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return false;
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

// Everything the server sends until it closes the connection (or `wait_ms` passes).
std::string ReadUntilClosed(int fd, int wait_ms) {
    std::string out;
    const auto deadline = Clock::now() + std::chrono::milliseconds(wait_ms);
    char buffer[4096];
    while (Clock::now() < deadline) {
        pollfd p{fd, POLLIN, 0};
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (poll(&p, 1, static_cast<int>(std::max<long long>(left, 1))) <= 0) continue;
        const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        out.append(buffer, static_cast<std::size_t>(n));
    }
    return out;
}

// True when the server has closed the connection (EOF or reset) within `wait_ms`; what it sent
// before closing goes to *answer.
bool ClosedByServer(int fd, int wait_ms, std::string* answer) {
    const auto deadline = Clock::now() + std::chrono::milliseconds(wait_ms);
    char buffer[512];
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, static_cast<int>(std::max<long long>(left, 0))) <= 0) return false;
        const ssize_t n = recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
        if (n <= 0) return true;
        answer->append(buffer, static_cast<std::size_t>(n));
    }
}

}  // namespace

TEST_CASE("slow clients: 2,000 trickling connections lock nobody out, and the head deadline closes them") {
    constexpr int kSlow = 2000;
    constexpr int kHeadSeconds = 4;
    RaiseOpenFiles(2 * kSlow + 512);  // both ends live in this process
    TestServer server([](spoc::ServerConfig& c) { c.connections.head_seconds = kHeadSeconds; });

    // 250 from each of eight addresses (under the per-address cap: many clients, not one).
    std::vector<int> slow;
    for (int i = 0; i < kSlow; ++i) {
        const int fd = ConnectFrom("127.0.0." + std::to_string(2 + i % 8), server.port());
        REQUIRE(SendAll(fd, "GET /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "));
        slow.push_back(fd);
    }
    const auto opened = Clock::now();
    // One more header byte on every connection every 250 ms: each read succeeds, none finishes.
    std::atomic<bool> stop{false};
    std::thread trickle([&] {
        while (!stop.load()) {
            for (int fd : slow) (void)send(fd, "a", 1, MSG_NOSIGNAL | MSG_DONTWAIT);
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
        }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // the server has taken them all

    const auto started = Clock::now();
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const json me = GetOk(cli, emma, "/api/v1/me");
    const auto took_ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
    CHECK(me["user"]["username"] == "emma");
    MESSAGE("sign-in + GET /me with " << kSlow << " slow connections open: " << took_ms << " ms");
    // Without the deadline the sign-in waited for a worker the slow connections held; with it, it
    // must not have waited for any of them to be closed.
    CHECK(took_ms < 1000 * kHeadSeconds / 2);

    // Each slow connection is closed by the server once its head deadline passed (4 s after its
    // first byte), though it never stopped sending.
    int closed = 0, told = 0, other = 0;
    const auto give_up = opened + std::chrono::seconds(kHeadSeconds + 6);
    for (int fd : slow) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(give_up - Clock::now()).count();
        std::string answer;
        if (ClosedByServer(fd, static_cast<int>(std::max<long long>(left, 0)), &answer)) ++closed;
        if (answer.rfind("HTTP/1.1 408 ", 0) == 0) ++told;
        else if (!answer.empty()) ++other;
    }
    const auto all_closed_s = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - opened).count() / 1000.0;
    stop = true;
    trickle.join();
    for (int fd : slow) close(fd);
    CHECK(closed == kSlow);
    // Each is told why (408 Request Timeout), though one still sending may see the reset first.
    CHECK(told > 0);
    CHECK(other == 0);
    MESSAGE(told << " read the 408 before the connection closed");
    MESSAGE(closed << " of " << kSlow << " slow connections closed by the server " << all_closed_s << " s after they opened");
    // And the server still answers.
    CHECK(cli.Get("/api/v1/health")->status == 200);
}

TEST_CASE("slow clients: a cap per client address, a 1 MB URL gets 414, an oversized body 413 before it is sent") {
    TestServer server([](spoc::ServerConfig& c) {
        c.connections.max_per_address = 4;
        c.connections.head_seconds = 3;
    });
    const std::string host = "Host: 127.0.0.1:" + std::to_string(server.port()) + "\r\n";

    SUBCASE("the fifth connection from one address is refused with 429; other addresses are not") {
        std::vector<int> held;
        for (int i = 0; i < 4; ++i) {
            held.push_back(ConnectFrom("127.0.0.20", server.port()));
            REQUIRE(SendAll(held.back(), "GET /api/v1/health HTTP/1.1\r\n" + host));  // unfinished
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        const int fifth = ConnectFrom("127.0.0.20", server.port());
        const std::string refused = ReadUntilClosed(fifth, 3000);
        CHECK(refused.rfind("HTTP/1.1 429 ", 0) == 0);
        CHECK(refused.find("\"code\":\"rate_limited\"") != std::string::npos);
        close(fifth);
        const int other = ConnectFrom("127.0.0.21", server.port());
        REQUIRE(SendAll(other, "GET /api/v1/health HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n"));
        CHECK(ReadUntilClosed(other, 3000).rfind("HTTP/1.1 200 ", 0) == 0);
        close(other);
        // A held connection that finishes its request is served as usual.
        REQUIRE(SendAll(held[0], "Connection: close\r\n\r\n"));
        CHECK(ReadUntilClosed(held[0], 3000).rfind("HTTP/1.1 200 ", 0) == 0);
        for (int fd : held) close(fd);
    }

    SUBCASE("bare line feeds don't end the head early: its deadline still holds (408)") {
        const int fd = ConnectFrom("127.0.0.24", server.port());
        // httplib ends lines with CRLF only: to it this is still the request line.
        REQUIRE(SendAll(fd, "GET /api/v1/health HTTP/1.1\n\nX-More: 1\n\n"));
        const std::string answer = ReadUntilClosed(fd, 15000);
        close(fd);
        CHECK(answer.rfind("HTTP/1.1 408 ", 0) == 0);
    }

    SUBCASE("a 1 MB URL is answered 414 with a JSON error, without reading it to its end") {
        const int fd = ConnectFrom("127.0.0.22", server.port());
        std::thread sender([fd] { (void)SendAll(fd, "GET /api/v1/kb?q=" + std::string(1 << 20, 'a')); });
        const std::string answer = ReadUntilClosed(fd, 5000);
        sender.join();
        close(fd);
        CHECK(answer.rfind("HTTP/1.1 414 ", 0) == 0);
        CHECK(answer.find("{\"error\":{\"code\":\"bad_request\"") != std::string::npos);
    }

    SUBCASE("a body announced larger than the route takes gets 413 at once, and the connection closes") {
        const int fd = ConnectFrom("127.0.0.23", server.port());
        const auto started = Clock::now();
        REQUIRE(SendAll(fd, "POST /api/v1/session HTTP/1.1\r\n" + host + "Content-Type: application/json\r\n"
                            "Content-Length: 1000000000\r\n\r\n{\"username\":"));
        const std::string answer = ReadUntilClosed(fd, 5000);
        const auto took_ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
        close(fd);
        CHECK(answer.rfind("HTTP/1.1 413 ", 0) == 0);
        CHECK(answer.find("\"code\":\"payload_too_large\"") != std::string::npos);
        CHECK(took_ms < 4000);  // closed after the answer, not after a read timeout
    }
}
