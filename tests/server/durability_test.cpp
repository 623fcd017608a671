// Durability: 32 concurrent creators against group commit (every acknowledged id exists), and
// the real spoc-server binary killed with SIGKILL mid-stream, restarted on the same data folder:
// every request that got a 201 is still there. Also: SIGTERM stops cleanly, bad flags exit 2.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <cstdio>
#include <mutex>

#include "server/storage/requests_repo.h"
#include "server/storage/sqlite.h"
#include "test_support.h"

using namespace spoc;
using namespace spoc::test;

namespace {

// A spoc-server child process; its first stdout line tells the port.
class ServerProcess {
public:
    explicit ServerProcess(std::vector<std::string> args) {
        const auto binary = ServerBinary();
        REQUIRE_MESSAGE(std::filesystem::exists(binary),
                        "spoc-server not found at " << binary.string() << " (build the spoc-server target)");
        int out[2];
        REQUIRE(pipe(out) == 0);
        m_pid = fork();
        REQUIRE(m_pid >= 0);
        if (m_pid == 0) {
            dup2(out[1], STDOUT_FILENO);
            close(out[0]);
            close(out[1]);
            std::vector<char*> argv;
            std::string path = binary.string();
            argv.push_back(path.data());
            for (auto& a : args) argv.push_back(a.data());
            argv.push_back(nullptr);
            execv(path.c_str(), argv.data());
            _exit(127);
        }
        close(out[1]);
        m_stdout = fdopen(out[0], "r");
    }
    ~ServerProcess() {
        if (m_pid > 0) {
            kill(m_pid, SIGKILL);
            waitpid(m_pid, nullptr, 0);
        }
        if (m_stdout) fclose(m_stdout);
    }
    // Reads the "listening on http://HOST:PORT" line; 0 if the process ended instead.
    int WaitForPort() {
        char line[512];
        if (!fgets(line, sizeof line, m_stdout)) return 0;
        const std::string text = line;
        const auto colon = text.find(':', text.find("http://") + 7);
        REQUIRE_MESSAGE(colon != std::string::npos, text);
        return std::stoi(text.substr(colon + 1));
    }
    void Signal(int sig) { kill(m_pid, sig); }
    int Wait() {  // exit status, or 128 + signal
        int status = 0;
        waitpid(m_pid, &status, 0);
        m_pid = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }

private:
    pid_t m_pid = -1;
    FILE* m_stdout = nullptr;
};

}  // namespace

TEST_CASE("group commit: 32 concurrent creators; every acknowledged id exists afterwards") {
    TestServer server([](ServerConfig& c) { c.threads = 40; });
    Session emma;
    {
        auto cli = server.Client();
        emma = SignIn(cli, "emma");
    }
    const std::string body = ValidLaptopDraft().dump();
    std::mutex mutex;
    std::vector<std::int64_t> acked;
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 32; ++t) {
        threads.emplace_back([&] {
            auto cli = server.Client();
            for (int i = 0; i < 25; ++i) {
                auto res = PostJson(cli, emma, "/api/v1/requests", body);
                if (!res || res->status != 201) {
                    std::lock_guard lock(mutex);
                    ++failures;
                    if (res)
                        FAIL_CHECK("status " << res->status << ": " << res->body);
                    else
                        FAIL_CHECK("transport error " << httplib::to_string(res.error()));
                    continue;
                }
                std::lock_guard lock(mutex);
                acked.push_back(Body(res)["id"].get<std::int64_t>());
            }
        });
    }
    for (auto& t : threads) t.join();
    CHECK(failures == 0);
    CHECK(acked.size() == 32 * 25);
    std::sort(acked.begin(), acked.end());
    CHECK(std::adjacent_find(acked.begin(), acked.end()) == acked.end());  // all distinct
    MESSAGE("writer: " << server.server().WriterStatsText());

    server.Restart();
    auto db = storage::Database::Open(server.db_path(), storage::OpenMode::read_only);
    REQUIRE(db.ok());
    for (auto id : acked) {
        auto found = storage::FindRequest(**db, RequestId(id), false);
        REQUIRE(found.ok());
        CHECK_MESSAGE(found->has_value(), "acknowledged request " << id << " is missing");
    }
    CHECK(*storage::CountRequests(**db) == static_cast<std::int64_t>(acked.size()) + 4);  // + 4 seeded
}

TEST_CASE("crash: kill -9 mid-stream, restart, every 201 is still there") {
    TempDir dir;
    WriteFixtureAssets(dir.path() / "assets");
    const std::vector<std::string> args = {
        "--port", "0",         "--data", (dir.path() / "data").string(), "--assets", (dir.path() / "assets").string(),
        "--demo", "--threads", "16"};
    std::vector<std::int64_t> acked;
    {
        ServerProcess proc(args);
        const int port = proc.WaitForPort();
        REQUIRE(port > 0);
        httplib::Client login("127.0.0.1", port);
        Session emma = SignIn(login, "emma");

        std::mutex mutex;
        std::atomic<bool> stop{false};
        std::vector<std::thread> threads;
        const std::string body = ValidLaptopDraft().dump();
        for (int t = 0; t < 8; ++t) {
            threads.emplace_back([&] {
                httplib::Client cli("127.0.0.1", port);
                cli.set_read_timeout(5, 0);
                while (!stop) {
                    auto res = PostJson(cli, emma, "/api/v1/requests", body);
                    if (!res) {
                        if (stop) break;
                        continue;  // the server is gone or going
                    }
                    if (res->status == 201) {
                        std::lock_guard lock(mutex);
                        acked.push_back(Body(res)["id"].get<std::int64_t>());
                    }
                }
            });
        }
        // Kill it while creates are in flight.
        for (;;) {
            {
                std::lock_guard lock(mutex);
                if (acked.size() >= 300) break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        proc.Signal(SIGKILL);
        CHECK(proc.Wait() == 128 + SIGKILL);
        stop = true;
        for (auto& t : threads) t.join();
    }
    REQUIRE(acked.size() >= 300);

    ServerProcess again(args);
    const int port = again.WaitForPort();
    REQUIRE(port > 0);
    httplib::Client cli("127.0.0.1", port);
    Session emma = SignIn(cli, "emma");
    std::size_t present = 0;
    for (auto id : acked) {
        auto res = Get(cli, emma, "/api/v1/requests/" + std::to_string(id));
        REQUIRE(res);
        if (res->status == 200)
            ++present;
        else
            FAIL_CHECK("acknowledged request " << id << " is missing after the crash");
    }
    CHECK(present == acked.size());
    auto list = Get(cli, emma, "/api/v1/requests?page_size=1");
    REQUIRE(list);
    CHECK(Body(list)["total"].get<std::size_t>() >= acked.size() + 3);
    again.Signal(SIGTERM);
    CHECK(again.Wait() == 0);
}

TEST_CASE("crash: kill -9 during uploads, restart: every acknowledged file is whole, the rest is gone") {
    TempDir dir;
    WriteFixtureAssets(dir.path() / "assets");
    const std::filesystem::path data = dir.path() / "data";
    const std::vector<std::string> args = {"--port", "0", "--data", data.string(), "--assets", (dir.path() / "assets").string(),
                                           "--demo", "--threads", "16"};
    // Each upload's bytes: text (an allowed type) that tells its number, about 256 kB.
    auto content = [](int n) {
        std::string line = "upload " + std::to_string(n) + " of the crash test\n";
        std::string out;
        while (out.size() < 256 * 1024) out += line;
        return out;
    };
    std::map<std::int64_t, int> acked;  // attachment id -> upload number
    {
        ServerProcess proc(args);
        const int port = proc.WaitForPort();
        REQUIRE(port > 0);
        httplib::Client login("127.0.0.1", port);
        Session emma = SignIn(login, "emma");
        std::mutex mutex;
        std::atomic<bool> stop{false};
        std::atomic<int> next{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&] {
                httplib::Client cli("127.0.0.1", port);
                cli.set_read_timeout(5, 0);
                while (!stop) {
                    const int n = next++;
                    auto res = cli.Post("/api/v1/uploads?name=log-" + std::to_string(n) + ".txt", AuthHeaders(emma), content(n),
                                        "application/octet-stream");
                    if (!res) {
                        if (stop) break;
                        continue;
                    }
                    if (res->status == 201) {
                        std::lock_guard lock(mutex);
                        acked[Body(res)["id"].get<std::int64_t>()] = n;
                    }
                }
            });
        }
        for (;;) {
            {
                std::lock_guard lock(mutex);
                if (acked.size() >= 40) break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        proc.Signal(SIGKILL);
        CHECK(proc.Wait() == 128 + SIGKILL);
        stop = true;
        for (auto& t : threads) t.join();
    }
    REQUIRE(acked.size() >= 40);

    ServerProcess again(args);
    const int port = again.WaitForPort();
    REQUIRE(port > 0);
    httplib::Client cli("127.0.0.1", port);
    Session emma = SignIn(cli, "emma");
    for (const auto& [id, n] : acked) {
        auto res = cli.Get("/api/v1/attachments/" + std::to_string(id), AuthHeaders(emma, false));
        REQUIRE(res);
        CHECK_MESSAGE(res->status == 200, "acknowledged upload " << id << " is missing after the crash");
        CHECK_MESSAGE(res->body == content(n), "acknowledged upload " << id << " is not whole");
    }
    // Nothing half-written is left: no temp files, and every stored file is a row's, whole.
    int temps = 0, blobs = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(data / "blobs")) {
        if (!e.is_regular_file()) continue;
        if (e.path().parent_path().filename() == "tmp") ++temps;
        else ++blobs;
    }
    CHECK(temps == 0);
    auto db = storage::Database::Open((data / "spoc.db").string(), storage::OpenMode::read_only);
    REQUIRE(db.ok());
    auto q = (*db)->Prepare("SELECT sha256, size FROM blobs");
    REQUIRE(q.ok());
    int rows = 0;
    for (;;) {
        auto row = q->Step();
        REQUIRE(row.ok());
        if (!*row) break;
        ++rows;
        const std::string sha = q->Text(0);
        const auto path = data / "blobs" / sha.substr(0, 2) / sha;
        REQUIRE(std::filesystem::exists(path));
        CHECK(static_cast<std::int64_t>(std::filesystem::file_size(path)) == q->Int(1));
    }
    CHECK(rows == blobs);
    again.Signal(SIGTERM);
    CHECK(again.Wait() == 0);
}

TEST_CASE("spoc-server binary: SIGTERM stops cleanly with exit 0; bad flags exit 2") {
    TempDir dir;
    {
        ServerProcess proc({"--port", "0", "--data", (dir.path() / "data").string()});
        const int port = proc.WaitForPort();
        REQUIRE(port > 0);
        httplib::Client cli("127.0.0.1", port);
        auto health = cli.Get("/api/v1/health");
        REQUIRE(health);
        CHECK(health->status == 200);
        proc.Signal(SIGTERM);
        CHECK(proc.Wait() == 0);
    }
    CHECK(std::filesystem::exists(dir.path() / "data" / "spoc.db"));
    {
        ServerProcess bad({"--port", "not-a-port"});
        CHECK(bad.WaitForPort() == 0);
        CHECK(bad.Wait() == 2);
    }
    {
        // --demo without a catalog file: a clear refusal, not a half-seeded database.
        ServerProcess no_catalog({"--port", "0", "--data", (dir.path() / "data2").string(), "--assets",
                                  (dir.path() / "nowhere").string(), "--demo"});
        CHECK(no_catalog.WaitForPort() == 0);
        CHECK(no_catalog.Wait() == 1);
    }
}
