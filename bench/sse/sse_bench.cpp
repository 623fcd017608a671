// bench/sse driver: live-update fan-out of a running spoc-server. Opens CLIENTS streams on
// GET /api/v1/events (USERS signed-in agents, PER_USER streams each: the server caps one user at 8),
// each read by its own thread with its own httplib::Client, and waits for every "event: ready".
// Then, as the demo agent ava, it PATCHes one ticket EVENTS times, INTERVAL ms apart, noting when
// each PATCH was sent and when its 200 arrived (the ack). Every stream records when the "updated"
// frame carrying each new version reached it. Prints delivery latency (frame received minus ack,
// and minus send) as p50/p99/max over every (client, event), how many clients got every event,
// and the server's RSS and thread count (from /proc/PID/status) with the streams open.
// Usage: spoc_bench_sse PORT --users N --per-user K [--prefix bench_] [--events 50]
//                       [--interval-ms 100] [--server-pid PID]
#include <atomic>
#include <condition_variable>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "bench/common/bench_client.h"

using namespace spoc::bench;

namespace {

struct Options {
    int port = 0;
    int users = 100;
    int per_user = 5;
    std::string prefix = "bench_";
    int events = 50;
    int interval_ms = 100;
    int server_pid = 0;
};

Options ParseArgs(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) Fail(a + " needs a value");
            return argv[++i];
        };
        if (a == "--users") o.users = std::stoi(next());
        else if (a == "--per-user") o.per_user = std::stoi(next());
        else if (a == "--prefix") o.prefix = next();
        else if (a == "--events") o.events = std::stoi(next());
        else if (a == "--interval-ms") o.interval_ms = std::stoi(next());
        else if (a == "--server-pid") o.server_pid = std::stoi(next());
        else if (o.port == 0) o.port = std::stoi(a);
        else Fail("unknown argument " + a);
    }
    if (o.port <= 0) Fail("usage: spoc_bench_sse PORT --users N --per-user K [--events M] [--interval-ms T] [--server-pid PID]");
    return o;
}

// "VmRSS 123 MiB, 567 threads" from /proc/PID/status, or "" without a pid.
std::string ServerFootprint(int pid) {
    if (pid <= 0) return "";
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line, rss = "?", threads = "?";
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) rss = std::to_string(std::stol(line.substr(6)) / 1024) + " MiB";
        if (line.rfind("Threads:", 0) == 0) threads = line.substr(8);
    }
    while (!threads.empty() && (threads.front() == ' ' || threads.front() == '\t')) threads.erase(0, 1);
    return "server RSS " + rss + ", " + threads + " threads";
}

// One event stream on its own thread. Records when each version of `ticket` arrived.
class Stream {
public:
    Stream(int port, const Session& s, const std::atomic<std::int64_t>* ticket) : m_cli("127.0.0.1", port), m_ticket(ticket) {
        m_cli.set_read_timeout(120, 0);
        m_cli.set_connection_timeout(30, 0);
        m_thread = std::thread([this, headers = s.Headers(false)] {
            auto res = m_cli.Get(
                "/api/v1/events", headers,
                [this](const httplib::Response& r) {
                    m_status = r.status;
                    return r.status == 200;
                },
                [this](const char* data, size_t size) {
                    OnBytes(data, size);
                    return !m_stop.load();
                });
            if (!res && m_status == 0) m_status = -static_cast<int>(res.error());
            m_ended = true;
        });
    }
    ~Stream() { Close(); }
    void Close() {
        m_stop = true;
        m_cli.stop();
        if (m_thread.joinable()) m_thread.join();
    }
    bool ready() const { return m_ready.load(); }
    bool ended() const { return m_ended.load(); }
    int status() const { return m_status.load(); }
    std::map<int, std::int64_t> Arrivals() {  // version -> microseconds
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_arrivals;
    }

private:
    void OnBytes(const char* data, size_t size) {
        const std::int64_t now = NowUs();
        m_buffer.append(data, size);
        for (size_t end; (end = m_buffer.find("\n\n")) != std::string::npos;) {
            const std::string block = m_buffer.substr(0, end);
            m_buffer.erase(0, end + 2);
            if (block.find("event: ready") != std::string::npos) m_ready = true;
            if (block.find("event: request") == std::string::npos) continue;
            const size_t at = block.find("data: ");
            if (at == std::string::npos) continue;
            const json e = json::parse(block.substr(at + 6), nullptr, false);
            if (!e.is_object() || e.value("kind", "") != "updated" || e.value("id", 0LL) != m_ticket->load()) continue;
            std::lock_guard<std::mutex> lock(m_mutex);
            m_arrivals.emplace(e.value("version", 0), now);
        }
    }

    httplib::Client m_cli;
    const std::atomic<std::int64_t>* m_ticket;
    std::thread m_thread;
    std::string m_buffer;
    std::mutex m_mutex;
    std::map<int, std::int64_t> m_arrivals;
    std::atomic<bool> m_stop{false}, m_ready{false}, m_ended{false};
    std::atomic<int> m_status{0};
};

}  // namespace

int main(int argc, char** argv) {
    const Options o = ParseArgs(argc, argv);
    const int clients = o.users * o.per_user;
    httplib::Client cli("127.0.0.1", o.port);
    cli.set_read_timeout(60, 0);
    cli.set_tcp_nodelay(true);  // headers and body go out as two writes: without it, Nagle + delayed ACK add 40 ms

    std::int64_t t0 = NowUs();
    std::vector<Session> sessions;
    for (int u = 0; u < o.users; ++u) {
        char name[64];
        std::snprintf(name, sizeof name, "%s%03d", o.prefix.c_str(), u);
        sessions.push_back(SignIn(cli, name));
    }
    std::printf("signed in %d users in %.1f s (argon2id each)\n", o.users, static_cast<double>(NowUs() - t0) / 1e6);
    std::printf("before the streams: %s\n", ServerFootprint(o.server_pid).c_str());

    std::atomic<std::int64_t> ticket{0};
    t0 = NowUs();
    std::vector<std::unique_ptr<Stream>> streams;
    for (int c = 0; c < clients; ++c) streams.push_back(std::make_unique<Stream>(o.port, sessions[c % o.users], &ticket));
    int ready = 0, ended = 0;
    for (int waited = 0; waited < 600; ++waited) {  // up to 60 s
        ready = ended = 0;
        for (auto& s : streams) {
            ready += s->ready();
            ended += !s->ready() && s->ended();
        }
        if (ready + ended == clients) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    std::map<int, int> refused;  // status -> streams
    for (auto& s : streams)
        if (!s->ready()) ++refused[s->status()];
    std::printf("%d of %d streams ready in %.1f s", ready, clients, static_cast<double>(NowUs() - t0) / 1e6);
    for (auto [status, n] : refused) std::printf("; %d %s %d", n, status < 0 ? "client error" : "HTTP", status < 0 ? -status : status);
    std::printf("\nwith the streams open: %s\n", ServerFootprint(o.server_pid).c_str());
    std::fflush(stdout);

    // The writes: ava updates one of emma's tickets, alternating status and assignee.
    const Session emma = SignIn(cli, "emma");
    const Session ava = SignIn(cli, "ava");
    const Session root = SignIn(cli, "root");
    const json created = CreateRequest(cli, emma, LaptopDraft(cli, emma, "Benchmark ticket (bench/sse)"));
    ticket = created["id"].get<std::int64_t>();
    int version = created["version"];
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // let the "created" frame drain
    struct Write {
        int version;
        std::int64_t sent, acked;
    };
    std::vector<Write> writes;
    const std::string path = "/api/v1/requests/" + std::to_string(ticket.load());
    for (int k = 0; k < o.events; ++k) {
        json patch = {{"base_version", version}};
        if (k % 2 == 0) {
            patch["status"] = "in_progress";
            patch["assignee_id"] = ava.user_id;
        } else {
            patch["status"] = "pending";
            patch["pending_reason"] = "vendor";
            patch["assignee_id"] = root.user_id;
        }
        const std::int64_t sent = NowUs();
        auto res = cli.Patch(path, ava.Headers(), patch.dump(), "application/json");
        const std::int64_t acked = NowUs();
        if (!res || res->status != 200) Fail("PATCH failed: " + (res ? std::to_string(res->status) + " " + res->body : "no answer"));
        version = json::parse(res->body)["version"];
        writes.push_back({version, sent, acked});
        std::this_thread::sleep_for(std::chrono::milliseconds(o.interval_ms));
    }
    // Wait (up to 10 s) until every ready stream has the last version.
    for (int waited = 0; waited < 100; ++waited) {
        int done = 0;
        for (auto& s : streams) done += !s->ready() || s->Arrivals().count(version) > 0;
        if (done == clients) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    const std::string footprint = ServerFootprint(o.server_pid);

    std::vector<double> after_ack, after_send;
    int complete = 0;
    long missing = 0;
    for (auto& s : streams) {
        if (!s->ready()) continue;  // refused: counted above
        const auto arrivals = s->Arrivals();
        int got = 0;
        for (const Write& w : writes) {
            auto it = arrivals.find(w.version);
            if (it == arrivals.end()) continue;
            ++got;
            after_ack.push_back(static_cast<double>(it->second - w.acked) / 1000.0);
            after_send.push_back(static_cast<double>(it->second - w.sent) / 1000.0);
        }
        complete += got == static_cast<int>(writes.size());
        missing += static_cast<long>(writes.size()) - got;
    }
    std::vector<double> ack_ms;
    for (const Write& w : writes) ack_ms.push_back(static_cast<double>(w.acked - w.sent) / 1000.0);
    auto max_of = [](const std::vector<double>& v) { return v.empty() ? 0.0 : *std::max_element(v.begin(), v.end()); };
    auto min_of = [](const std::vector<double>& v) { return v.empty() ? 0.0 : *std::min_element(v.begin(), v.end()); };
    std::printf("\n%d PATCHes %d ms apart; PATCH round trip p50 %.2f ms, p99 %.2f ms\n", o.events, o.interval_ms,
                Percentile(ack_ms, 0.5), Percentile(ack_ms, 0.99));
    std::printf("%-28s %9s %9s %9s %9s\n", "delivery latency (ms)", "min", "p50", "p99", "max");
    std::printf("%-28s %9.2f %9.2f %9.2f %9.2f\n", "frame received - PATCH ack", min_of(after_ack),
                Percentile(after_ack, 0.5), Percentile(after_ack, 0.99), max_of(after_ack));
    std::printf("%-28s %9.2f %9.2f %9.2f %9.2f\n", "frame received - PATCH sent", min_of(after_send),
                Percentile(after_send, 0.5), Percentile(after_send, 0.99), max_of(after_send));
    std::printf("%d of %d clients (%d streams ready) got every one of the %d events; %ld (stream, event) frames missing\n",
                complete, clients, ready, o.events, missing);
    std::printf("after the events: %s\n", footprint.c_str());
    std::fflush(stdout);
    t0 = NowUs();
    for (auto& s : streams) s->Close();
    std::printf("closed %zu streams in %.1f s\n", streams.size(), static_cast<double>(NowUs() - t0) / 1e6);
    return 0;
}
