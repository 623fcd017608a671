// `spoc-server --backup FILE` (issue 16, item 7) against a live server in a write burst: the copy
// opens, passes integrity_check, holds every request acknowledged before the backup started and
// the attachment bytes they name; it never overwrites; and a server restored from it serves them.
#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include "server/storage/sqlite.h"
#include "shared/api/routes.h"
#include "test_support.h"

using namespace spoc::test;
namespace fs = std::filesystem;

namespace {

json Draft(int i) {
    json d = ValidLaptopDraft();
    d["summary"] = "Backup burst request " + std::to_string(i);
    return d;
}

std::string ReadAll(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace

TEST_CASE("backup: a consistent copy while the server writes, with the attachment bytes") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const fs::path data = fs::path(server.db_path()).parent_path();
    const fs::path out_dir = data.parent_path() / "backups";
    fs::create_directories(out_dir);
    const fs::path file = out_dir / "spoc-backup.db";

    // An attachment linked to a request by a reply: its bytes must travel with the backup.
    const std::string bytes = "%PDF-1.4\n" + std::string(3000, 'x');
    auto up = cli.Post(std::string(spoc::routes::kUploads) + "?name=invoice.pdf", AuthHeaders(emma), bytes,
                       "application/octet-stream");
    REQUIRE(up);
    REQUIRE_MESSAGE(up->status == 201, up->body);
    const json upload = Body(up);
    const json first = CreateRequestOk(cli, emma, Draft(0));
    auto reply = PostJson(cli, emma, "/api/v1/requests/" + std::to_string(first["id"].get<int>()) + "/comments",
                          json{{"body", "The invoice"}, {"attachments", {upload["id"]}}}.dump());
    REQUIRE(reply);
    REQUIRE_MESSAGE(reply->status == 201, reply->body);

    // A write burst on its own connection; every acknowledged id is recorded.
    std::mutex mu;
    std::vector<int> acknowledged{first["id"].get<int>()};
    std::atomic<bool> stop{false};
    std::thread burst([&] {
        auto writer = server.Client();
        for (int i = 1; !stop.load(); ++i) {
            auto res = PostJson(writer, emma, "/api/v1/requests", Draft(i).dump());
            if (!res || res->status != 201) continue;
            std::lock_guard<std::mutex> lock(mu);
            acknowledged.push_back(Body(res)["id"].get<int>());
        }
    });
    auto acknowledged_count = [&] {
        std::lock_guard<std::mutex> lock(mu);
        return acknowledged.size();
    };
    while (acknowledged_count() < 40) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    std::vector<int> before;
    {
        std::lock_guard<std::mutex> lock(mu);
        before = acknowledged;
    }
    const Run run = RunServerBinary({"--data", data.string(), "--backup", file.string()});
    const std::size_t after_backup = acknowledged_count();
    stop = true;
    burst.join();
    REQUIRE_MESSAGE(run.exit_code == 0, run.output);
    CHECK(run.output.find("integrity ok") != std::string::npos);
    CHECK(after_backup > before.size());  // the server kept acknowledging writes meanwhile
    CHECK_FALSE(fs::exists(file.string() + ".partial"));

    // One self-contained file (a rollback journal, no -wal beside it). Opened the way the server
    // opens its own (which switches it back to WAL), on a scratch copy.
    CHECK_FALSE(fs::exists(file.string() + "-wal"));
    CHECK_FALSE(fs::exists(file.string() + ".partial-wal"));
    const fs::path scratch = out_dir / "scratch.db";
    fs::copy_file(file, scratch);
    std::string hash;
    {
        auto copy = spoc::storage::Database::Open(scratch.string(), spoc::storage::OpenMode::read_write);
        REQUIRE(copy.ok());
        auto check = (*copy)->Prepare("PRAGMA integrity_check");
        REQUIRE(check.ok());
        REQUIRE(*check->Step());
        CHECK(check->Text(0) == "ok");
        std::set<int> in_copy;
        auto ids = (*copy)->Prepare("SELECT id FROM requests");
        REQUIRE(ids.ok());
        while (*ids->Step()) in_copy.insert(static_cast<int>(ids->Int(0)));
        for (int id : before) {
            CAPTURE(id);
            CHECK(in_copy.count(id) == 1);
        }
        // The attachment's bytes, under their hash, as in <data>/blobs.
        auto sha = (*copy)->Prepare("SELECT sha256 FROM attachments WHERE id = ?1");
        REQUIRE(sha.ok());
        sha->Bind(1, upload["id"].get<std::int64_t>());
        REQUIRE(*sha->Step());
        hash = sha->Text(0);
    }  // the statements go before their connection
    const fs::path blob = fs::path(file.string() + "-blobs") / hash.substr(0, 2) / hash;
    REQUIRE(fs::exists(blob));
    CHECK(ReadAll(blob) == bytes);

    // Never over an earlier backup.
    const Run again = RunServerBinary({"--data", data.string(), "--backup", file.string()});
    CHECK(again.exit_code != 0);
    CHECK(again.output.find("already exists") != std::string::npos);
    // A folder without a database is refused with a clear message.
    const Run nothing = RunServerBinary({"--data", (out_dir / "empty").string(), "--backup", (out_dir / "x.db").string()});
    CHECK(nothing.exit_code != 0);
    CHECK(nothing.output.find("No database") != std::string::npos);

    // Restored as the docs say (the file as spoc.db, the blobs folder as blobs), a server opens it:
    // migrations, the rollups' check, the blob store.
    const fs::path restored = out_dir / "restored";
    fs::create_directories(restored);
    fs::copy_file(file, restored / "spoc.db");
    fs::copy(file.string() + "-blobs", restored / "blobs", fs::copy_options::recursive);
    const Run open = RunServerBinary(
        {"--data", restored.string(), "--assets", server.server().Config().assets_dir, "--rebuild-reports"});
    CHECK_MESSAGE(open.exit_code == 0, open.output);
    CHECK(fs::exists(restored / "blobs" / hash.substr(0, 2) / hash));
}
