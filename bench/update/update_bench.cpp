// bench/update driver: ticket update throughput against a running spoc-server (real HTTP, real
// SQLite file). N client threads, each with its own keep-alive httplib::Client, send
// PATCH /api/v1/requests/{id} with base_version, alternating {status: in_progress, assignee: ava}
// and {status: pending (vendor), assignee: root}:
//   distinct: thread i updates only ticket i, so no update conflicts with another;
//   contended: every thread updates the same ticket; a 409 (stale base_version) makes the thread
//              re-read the ticket (GET) and try again, as a client would.
// Prints one row per run: updates/s (200s only), p50/p99 of every PATCH round trip in ms, 409s.
// Usage: spoc_bench_update PORT [--seconds 5] [--threads "1 8 32"] [--contended "8 32"]
#include <atomic>
#include <sstream>
#include <thread>

#include "bench/common/bench_client.h"

using namespace spoc::bench;

namespace {

struct Options {
    int port = 0;
    double seconds = 5;
    std::vector<int> threads = {1, 8, 32};
    std::vector<int> contended = {8, 32};
};

std::vector<int> ParseList(const std::string& text) {
    std::vector<int> out;
    std::istringstream in(text);
    for (int n; in >> n;) out.push_back(n);
    return out;
}

Options ParseArgs(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) Fail(a + " needs a value");
            return argv[++i];
        };
        if (a == "--seconds") o.seconds = std::stod(next());
        else if (a == "--threads") o.threads = ParseList(next());
        else if (a == "--contended") o.contended = ParseList(next());
        else if (o.port == 0) o.port = std::stoi(a);
        else Fail("unknown argument " + a);
    }
    if (o.port <= 0) Fail("usage: spoc_bench_update PORT [--seconds S] [--threads \"1 8 32\"] [--contended \"8 32\"]");
    return o;
}

struct ThreadResult {
    std::vector<double> latency_ms;  // every PATCH, whatever its answer
    long ok = 0, conflicts = 0, errors = 0;
    std::string first_error;
};

int CurrentVersion(httplib::Client& cli, const Session& s, std::int64_t id) {
    auto res = cli.Get("/api/v1/requests/" + std::to_string(id), s.Headers(false));
    if (!res || res->status != 200) Fail("GET request " + std::to_string(id) + " failed");
    return json::parse(res->body)["version"].get<int>();
}

// One client thread: reads the ticket's version, says it is ready, waits for the deadline to be
// set (the start signal), then PATCHes `id` until it passes.
void RunClient(int port, const Session& agent, std::int64_t ava, std::int64_t root, std::int64_t id,
               const std::atomic<std::int64_t>* deadline, std::atomic<int>* ready, ThreadResult* out) {
    httplib::Client cli("127.0.0.1", port);
    cli.set_keep_alive(true);
    cli.set_tcp_nodelay(true);  // headers and body go out as two writes: without it, Nagle + delayed ACK add 40 ms
    cli.set_read_timeout(30, 0);
    const httplib::Headers headers = agent.Headers();
    const std::string path = "/api/v1/requests/" + std::to_string(id);
    int version = CurrentVersion(cli, agent, id);
    ++*ready;
    while (deadline->load() == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
    const std::int64_t until = deadline->load();
    for (long step = 0; NowUs() < until; ++step) {
        json patch = {{"base_version", version}};
        if (step % 2 == 0) {
            patch["status"] = "in_progress";
            patch["assignee_id"] = ava;
        } else {
            patch["status"] = "pending";
            patch["pending_reason"] = "vendor";
            patch["assignee_id"] = root;
        }
        const std::int64_t t0 = NowUs();
        auto res = cli.Patch(path, headers, patch.dump(), "application/json");
        out->latency_ms.push_back(static_cast<double>(NowUs() - t0) / 1000.0);
        if (res && res->status == 200) {
            ++out->ok;
            version = json::parse(res->body)["version"].get<int>();
        } else if (res && res->status == 409) {
            ++out->conflicts;
            version = CurrentVersion(cli, agent, id);
            --step;  // the same change again, on the fresh version
        } else {
            ++out->errors;
            if (out->first_error.empty())
                out->first_error = res ? std::to_string(res->status) + " " + res->body.substr(0, 200) : "no answer";
            if (res) version = CurrentVersion(cli, agent, id);
        }
    }
}

// One run: `clients` threads on `tickets` (one each, or all on tickets[0] when it holds one).
void Run(const Options& o, const char* label, int clients, const std::vector<std::int64_t>& tickets,
         const Session& agent, std::int64_t ava, std::int64_t root) {
    std::vector<ThreadResult> results(clients);
    std::vector<std::thread> threads;
    std::atomic<std::int64_t> deadline{0};
    std::atomic<int> ready{0};
    for (int i = 0; i < clients; ++i) {
        const std::int64_t id = tickets[tickets.size() == 1 ? 0 : i];
        threads.emplace_back([&, i, id] { RunClient(o.port, agent, ava, root, id, &deadline, &ready, &results[i]); });
    }
    while (ready.load() < clients) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    const std::int64_t start_us = NowUs();
    deadline = start_us + static_cast<std::int64_t>(o.seconds * 1e6);
    for (auto& t : threads) t.join();
    const double secs = static_cast<double>(NowUs() - start_us) / 1e6;
    ThreadResult all;
    for (ThreadResult& r : results) {
        all.latency_ms.insert(all.latency_ms.end(), r.latency_ms.begin(), r.latency_ms.end());
        all.ok += r.ok;
        all.conflicts += r.conflicts;
        all.errors += r.errors;
        if (all.first_error.empty()) all.first_error = r.first_error;
    }
    std::printf("%-22s %7d %10.1f %9.2f %9.2f %9ld %7ld %7ld\n", label, clients, static_cast<double>(all.ok) / secs,
                Percentile(all.latency_ms, 0.50), Percentile(all.latency_ms, 0.99), all.ok, all.conflicts, all.errors);
    if (!all.first_error.empty()) std::printf("   first error: %s\n", all.first_error.c_str());
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    const Options o = ParseArgs(argc, argv);
    httplib::Client cli("127.0.0.1", o.port);
    const Session emma = SignIn(cli, "emma");
    const Session agent = SignIn(cli, "ava");
    const Session admin = SignIn(cli, "root");

    int most = 1;
    for (int n : o.threads) most = std::max(most, n);
    const json draft = LaptopDraft(cli, emma, "Benchmark ticket (bench/update)");
    std::vector<std::int64_t> tickets;
    for (int i = 0; i < most; ++i) tickets.push_back(CreateRequest(cli, emma, draft)["id"].get<std::int64_t>());
    const std::int64_t hot = CreateRequest(cli, emma, draft)["id"].get<std::int64_t>();
    std::printf("created %d tickets (+1 for the contended runs) as emma; updating as ava, %.0f s per run\n\n", most,
                o.seconds);
    std::printf("%-22s %7s %10s %9s %9s %9s %7s %7s\n", "run", "clients", "updates/s", "p50 ms", "p99 ms", "updates",
                "409s", "errors");
    for (int n : o.threads) Run(o, "distinct tickets", n, tickets, agent, agent.user_id, admin.user_id);
    for (int n : o.contended) Run(o, "one ticket (contended)", n, {hot}, agent, agent.user_id, admin.user_id);
    std::printf("\nupdates/s counts 200s; p50/p99: every PATCH round trip (200s and 409s); errors: anything else.\n");
    return 0;
}
