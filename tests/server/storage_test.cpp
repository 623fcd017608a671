// Storage layer against real SQLite files: pragmas read back (and refusal when one can't take),
// migrations idempotent on reopen, the group-commit writer's batch/savepoint/commit rules, and
// the checkpointer emptying the WAL once the writer rests.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <latch>
#include <thread>

#include "server/storage/audit_repo.h"
#include "server/storage/checkpointer.h"
#include "server/storage/migrations.h"
#include "server/storage/reader_pool.h"
#include "server/storage/requests_repo.h"
#include "server/storage/sqlite.h"
#include "server/storage/writer.h"
#include "test_support.h"

using namespace spoc;
using namespace spoc::storage;

namespace {

std::unique_ptr<Database> OpenOrFail(const std::string& path, OpenMode mode = OpenMode::read_write) {
    auto db = Database::Open(path, mode);
    REQUIRE_MESSAGE(db.ok(), (db.ok() ? "" : db.error().message));
    return std::move(*db);
}

Result<std::int64_t> CountRows(Database& db, const char* sql) {
    auto q = db.Prepare(sql);
    if (!q.ok()) return q.error();
    auto row = q->Step();
    if (!row.ok()) return row.error();
    return q->Int(0);
}

}  // namespace

TEST_CASE("connection pragmas are set and read back") {
    test::TempDir dir;
    const std::string path = (dir.path() / "p.db").string();
    auto writer = OpenOrFail(path);
    CHECK(*writer->PragmaValue("journal_mode") == "wal");
    CHECK(*writer->PragmaValue("synchronous") == "2");  // FULL
    CHECK(*writer->PragmaValue("foreign_keys") == "1");
    CHECK(*writer->PragmaValue("busy_timeout") == "5000");
    CHECK(*writer->PragmaValue("journal_size_limit") == "67108864");

    auto reader = OpenOrFail(path, OpenMode::read_only);
    CHECK(*reader->PragmaValue("journal_mode") == "wal");
    CHECK(*reader->PragmaValue("foreign_keys") == "1");
    CHECK(*reader->PragmaValue("query_only") == "1");
}

TEST_CASE("a database where WAL can't take is refused with a message naming the pragma") {
    // An in-memory database answers journal_mode=memory: the server must not start on it.
    auto db = Database::Open(":memory:", OpenMode::read_write);
    REQUIRE_FALSE(db.ok());
    CHECK(db.error().message.find("journal_mode") != std::string::npos);
}

TEST_CASE("migrations run once and are idempotent on reopen") {
    test::TempDir dir;
    const std::string path = (dir.path() / "m.db").string();
    {
        auto db = OpenOrFail(path);
        CHECK(*ReadSchemaVersion(*db) == 0);
        auto applied = Migrate(*db);
        REQUIRE(applied.ok());
        CHECK(*applied == LatestSchemaVersion());
        CHECK(*ReadSchemaVersion(*db) == LatestSchemaVersion());
        REQUIRE(db->Exec("INSERT INTO users (username, display_name, role, password_hash, created_at) "
                         "VALUES ('x', 'X', 'employee', 'h', 0)")
                    .ok());
    }
    {
        auto db = OpenOrFail(path);
        auto applied = Migrate(*db);
        REQUIRE(applied.ok());
        CHECK(*applied == 0);
        CHECK(*ReadSchemaVersion(*db) == LatestSchemaVersion());
        CHECK(*CountRows(*db, "SELECT COUNT(*) FROM users") == 1);  // data survived
    }
}

TEST_CASE("a database from a newer server is refused") {
    test::TempDir dir;
    const std::string path = (dir.path() / "n.db").string();
    auto db = OpenOrFail(path);
    REQUIRE(db->Exec("PRAGMA user_version = 999").ok());
    auto applied = Migrate(*db);
    REQUIRE_FALSE(applied.ok());
    CHECK(applied.error().message.find("newer") != std::string::npos);
}

TEST_CASE("writer: jobs waiting together commit in one batch; a failing job is rolled back alone") {
    test::TempDir dir;
    const std::string path = (dir.path() / "w.db").string();
    auto db = OpenOrFail(path);
    REQUIRE(db->Exec("CREATE TABLE t (v INTEGER NOT NULL UNIQUE)").ok());
    Writer writer(std::move(db), 512);

    // Job 0 holds the writer thread until ten more jobs are queued behind it.
    std::latch release(1);
    std::atomic<bool> running{false};
    std::thread first([&] {
        auto r = writer.Run([&](Database& d) -> Result<Unit> {
            running = true;
            release.wait();
            auto q = d.Prepare("INSERT INTO t (v) VALUES (?1)");
            if (!q.ok()) return q.error();
            q->Bind(1, 0);
            return q->Run();
        });
        CHECK(r.ok());
    });
    while (!running) std::this_thread::yield();  // job 0 is on the writer thread, off the queue

    std::vector<std::thread> threads;
    std::atomic<int> ok_count{0}, failed_count{0};
    for (int i = 1; i <= 10; ++i) {
        threads.emplace_back([&, i] {
            auto r = writer.Run([&](Database& d) -> Result<int> {
                auto q = d.Prepare("INSERT INTO t (v) VALUES (?1)");
                if (!q.ok()) return q.error();
                q->Bind(1, i);
                if (auto run = q->Run(); !run.ok()) return run.error();
                if (i == 5) return MakeError(ErrorCode::conflict, "job 5 fails after its insert");
                return i;
            });
            if (r.ok()) {
                CHECK(*r == i);
                ++ok_count;
            } else {
                CHECK(r.error().code == ErrorCode::conflict);
                ++failed_count;
            }
        });
    }
    while (writer.QueueDepth() < 10) std::this_thread::yield();
    const auto before = writer.Stats();
    release.count_down();
    first.join();
    for (auto& t : threads) t.join();

    CHECK(ok_count == 9);
    CHECK(failed_count == 1);
    const auto after = writer.Stats();
    CHECK(after.batches - before.batches == 2);  // job 0's batch, then all ten together
    CHECK(after.max_batch == 10);
    writer.Stop();

    auto check = OpenOrFail(path);
    CHECK(*CountRows(*check, "SELECT COUNT(*) FROM t") == 10);
    CHECK(*CountRows(*check, "SELECT COUNT(*) FROM t WHERE v = 5") == 0);  // only job 5 was undone
}

TEST_CASE("writer: when COMMIT fails, every job of the batch gets an error and nothing is stored") {
    test::TempDir dir;
    const std::string path = (dir.path() / "c.db").string();
    auto db = OpenOrFail(path);
    // A deferred foreign key is checked only at COMMIT: a dangling child makes COMMIT fail.
    REQUIRE(db->Exec("CREATE TABLE parent (id INTEGER PRIMARY KEY);"
                     "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER "
                     "REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)")
                .ok());
    Writer writer(std::move(db), 512);

    std::latch release(1);
    std::atomic<bool> running{false};
    std::thread blocker([&] {
        (void)writer.Run([&](Database&) -> Result<Unit> {
            running = true;
            release.wait();
            return Unit{};
        });
    });
    while (!running) std::this_thread::yield();
    std::vector<std::thread> threads;
    std::atomic<int> errors{0};
    auto insert = [&](const char* sql) {
        threads.emplace_back([&, sql] {
            auto r = writer.Run([&](Database& d) -> Result<Unit> { return d.Exec(sql); });
            if (!r.ok()) ++errors;
        });
    };
    insert("INSERT INTO parent (id) VALUES (1)");
    insert("INSERT INTO child (id, parent_id) VALUES (1, 42)");  // dangling
    insert("INSERT INTO parent (id) VALUES (2)");
    while (writer.QueueDepth() < 3) std::this_thread::yield();
    release.count_down();
    blocker.join();
    for (auto& t : threads) t.join();
    CHECK(errors == 3);
    writer.Stop();

    auto check = OpenOrFail(path);
    CHECK(*CountRows(*check, "SELECT COUNT(*) FROM parent") == 0);
    CHECK(*CountRows(*check, "SELECT COUNT(*) FROM child") == 0);
}

TEST_CASE("writer: a job that throws gets an internal error and the writer keeps going") {
    test::TempDir dir;
    auto db = OpenOrFail((dir.path() / "x.db").string());
    Writer writer(std::move(db), 1);
    auto thrown = writer.Run([](Database&) -> Result<Unit> { throw std::runtime_error("boom"); });
    REQUIRE_FALSE(thrown.ok());
    CHECK(thrown.error().code == ErrorCode::internal);
    auto after = writer.Run([](Database& d) { return d.Exec("CREATE TABLE ok (v)"); });
    CHECK(after.ok());
    writer.Stop();
    auto late = writer.Run([](Database&) -> Result<Unit> { return Unit{}; });
    CHECK_FALSE(late.ok());
}

TEST_CASE("writer: gathering never makes a lone client wait for itself") {
    // With a 30 s gather window, a client whose own previous write is the only one answered must
    // not wait for "the others": if it did, these 20 sequential writes would take ten minutes.
    // They run on their own thread and are given 20 s; a regression fails here instead of hanging
    // (Stop ends any gather wait, so the thread is always joined).
    test::TempDir dir;
    auto db = OpenOrFail((dir.path() / "g.db").string());
    REQUIRE(db->Exec("CREATE TABLE t (v INTEGER)").ok());
    Writer writer(std::move(db), 512, std::chrono::seconds(30));
    std::atomic<int> done{0};
    std::atomic<bool> failed{false};
    auto writes = std::async(std::launch::async, [&] {
        for (int i = 0; i < 20 && !failed; ++i) {
            auto r = writer.Run([&](Database& d) -> Result<Unit> {
                auto q = d.Prepare("INSERT INTO t (v) VALUES (?1)");
                if (!q.ok()) return q.error();
                q->Bind(1, i);
                return q->Run();
            });
            if (r.ok())
                ++done;
            else
                failed = true;
        }
    });
    const bool finished = writes.wait_for(std::chrono::seconds(20)) == std::future_status::ready;
    CHECK_MESSAGE(finished, "20 lone writes did not finish within 20 s (" << done.load() << " done)");
    const auto stop_started = std::chrono::steady_clock::now();
    writer.Stop();  // and stopping doesn't wait out the window either
    writes.wait();
    CHECK(std::chrono::steady_clock::now() - stop_started < std::chrono::seconds(10));
    CHECK(done == 20);
    CHECK(writer.Stats().batches == 20);
}

TEST_CASE("checkpointer: once the writer has rested ~1 s, a TRUNCATE checkpoint empties the WAL") {
    test::TempDir dir;
    const std::string path = (dir.path() / "t.db").string();
    const auto wal = std::filesystem::path(path + "-wal");
    auto db = OpenOrFail(path);
    REQUIRE(DisableAutoCheckpoint(*db).ok());
    CHECK(*db->PragmaValue("wal_autocheckpoint") == "0");
    REQUIRE(db->Exec("CREATE TABLE t (v TEXT)").ok());
    Writer writer(std::move(db), 1);
    auto checkpointer = Checkpointer::Start(path, &writer);
    REQUIRE(checkpointer.ok());

    for (int i = 0; i < 50; ++i) {
        auto r = writer.Run([&](Database& d) -> Result<Unit> {
            auto q = d.Prepare("INSERT INTO t (v) VALUES (?1)");
            if (!q.ok()) return q.error();
            q->Bind(1, std::string(4000, 'x'));
            return q->Run();
        });
        REQUIRE(r.ok());
    }
    REQUIRE(std::filesystem::exists(wal));
    CHECK(std::filesystem::file_size(wal) > 0);  // PASSIVE copies pages but never shrinks the file

    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::filesystem::file_size(wal) > 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(std::filesystem::file_size(wal) == 0);

    (*checkpointer)->Stop();
    writer.Stop();
    auto check = OpenOrFail(path);
    CHECK(*CountRows(*check, "SELECT COUNT(*) FROM t") == 50);
}

TEST_CASE("audit detail: text, numbers and flags as a JSON object; bad UTF-8 is replaced, not thrown") {
    const std::string detail =
        AuditDetail().Text("username", "emma").Int("request_id", 42).Bool("internal", true).Text("odd", "a\xff").Json();
    const auto parsed = nlohmann::json::parse(detail, nullptr, false);
    REQUIRE(parsed.is_object());
    CHECK(parsed["username"] == "emma");
    CHECK(parsed["request_id"] == 42);
    CHECK(parsed["internal"] == true);
    CHECK(parsed["odd"].get<std::string>().rfind("a", 0) == 0);
    CHECK(AuditDetail().Json() == "{}");
}
