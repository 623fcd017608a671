// The demo seed with its 90 days of history (the real assets/demo catalog): deterministic (two
// fresh seeds at the same clock store the same requests, comments, history and pauses), quick,
// consistent (every request past New has a group and an assignee, resolved ones a resolution
// after their creation, stored due times and breach marks exactly what the SLA jobs would compute,
// so those jobs find nothing to do), in sane proportions, and still what the journeys expect.
#include <doctest/doctest.h>

#include <chrono>

#include "server/app/assignment.h"
#include "server/app/demo_seed.h"
#include "server/app/escalation.h"
#include "server/storage/migrations.h"
#include "server/storage/requests_repo.h"
#include "server/storage/writer.h"
#include "test_support.h"

using namespace spoc::test;
using spoc::Timestamp;
namespace storage = spoc::storage;

namespace {

constexpr Timestamp kSeedNow = 1'780'390'800'000;  // Tuesday 2026-06-02 09:00 UTC
constexpr Timestamp kDay = 86'400'000;

fs::path RealAssets() { return SourceDir().parent_path().parent_path() / "assets"; }

// A fresh, migrated database seeded at `now`; returns how long the seed took (ms).
double SeedFresh(const fs::path& path, Timestamp now) {
    auto db = storage::Database::Open(path.string(), storage::OpenMode::read_write);
    REQUIRE(db.ok());
    REQUIRE(storage::Migrate(**db).ok());
    storage::Writer writer(std::move(*db), 1);
    const auto started = std::chrono::steady_clock::now();
    auto seeded = spoc::app::SeedDemoIfEmpty(writer, RealAssets().string(), now);
    const auto took = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    REQUIRE_MESSAGE(seeded.ok(), (seeded.ok() ? "" : seeded.error().message));
    REQUIRE(*seeded);
    return took;
}

std::unique_ptr<storage::Database> OpenRead(const fs::path& path) {
    auto db = storage::Database::Open(path.string(), storage::OpenMode::read_only);
    REQUIRE(db.ok());
    return std::move(*db);
}

std::int64_t Scalar(storage::Database& db, const std::string& sql) {
    auto q = db.Prepare(sql);
    REQUIRE_MESSAGE(q.ok(), sql);
    auto row = q->Step();
    REQUIRE(row.ok());
    REQUIRE(*row);
    return q->Int(0);
}

// Every stored row of the seeded requests and what hangs off them, as one text.
std::string Digest(storage::Database& db) {
    const char* queries[] = {
        "SELECT group_concat(line, char(10)) FROM (SELECT id || '|' || number || '|' || status || '|' || priority || "
        "'|' || "
        "requester_id || '|' || IFNULL(group_id, '') || '|' || IFNULL(assignee_id, '') || '|' || summary || '|' || "
        "description || '|' || form_json || '|' || created_at || '|' || updated_at || '|' || version || '|' || "
        "pending_reason || '|' || first_response_at || '|' || resolved_at || '|' || closed_at || '|' || "
        "response_due_at "
        "|| '|' || resolution_due_at || '|' || response_breached_at || '|' || resolution_breached_at || '|' || "
        "resolution_note || '|' || IFNULL(resolved_by, '') || '|' || cancel_reason AS line FROM requests ORDER BY id)",
        "SELECT group_concat(line, char(10)) FROM (SELECT request_id || '|' || author_id || '|' || internal || '|' || "
        "created_at || '|' || body AS line FROM comments ORDER BY id)",
        "SELECT group_concat(line, char(10)) FROM (SELECT request_id || '|' || at || '|' || IFNULL(actor_id, '') || "
        "'|' || "
        "field || '|' || old_value || '|' || new_value AS line FROM request_history ORDER BY id)",
        "SELECT group_concat(line, char(10)) FROM (SELECT request_id || '|' || paused_at || '|' || resumed_at AS line "
        "FROM request_pauses ORDER BY request_id, paused_at)",
    };
    std::string out;
    for (const char* sql : queries) {
        auto q = db.Prepare(sql);
        REQUIRE(q.ok());
        auto row = q->Step();
        REQUIRE(row.ok());
        out += q->Text(0) + "\n--\n";
    }
    return out;
}

}  // namespace

TEST_CASE("demo seed: deterministic, quick, and consistent with the SLA jobs and the lifecycle") {
    TempDir dir;
    const double first_ms = SeedFresh(dir.path() / "a.db", kSeedNow);
    const double second_ms = SeedFresh(dir.path() / "b.db", kSeedNow);
    MESSAGE("demo seed took " << first_ms << " ms and " << second_ms << " ms (password hash included)");
    CHECK(std::min(first_ms, second_ms) < 3000);
    auto a = OpenRead(dir.path() / "a.db");
    auto b = OpenRead(dir.path() / "b.db");
    const std::string digest = Digest(*a);
    CHECK(digest == Digest(*b));
    CHECK(digest.size() > 100000);

    // Proportions of a working desk.
    const auto count = [&](const std::string& where) {
        return Scalar(*a, "SELECT COUNT(*) FROM requests WHERE " + where);
    };
    const std::int64_t total = count("1");
    const std::int64_t open = count("status IN ('new', 'assigned', 'in_progress', 'pending')");
    MESSAGE("requests " << total << ", open " << open << ", resolved " << count("status = 'resolved'") << ", closed "
                        << count("status = 'closed'") << ", cancelled " << count("status = 'cancelled'"));
    CHECK(total >= 300);
    CHECK(total <= 400);
    CHECK(open >= 15);
    CHECK(open <= 50);
    CHECK(count("status = 'closed'") > total / 2);
    CHECK(count("status = 'resolved'") >= 5);
    CHECK(count("status = 'cancelled'") >= 3);
    CHECK(count("status = 'pending' AND pending_reason != 'none'") >= 2);
    CHECK(count("status != 'pending' AND pending_reason != 'none'") == 0);
    for (const char* dept : {"IT", "HR", "Facilities"}) CHECK(count(std::string("department = '") + dept + "'") >= 30);
    const std::int64_t late = count("resolution_breached_at > 0"), slow = count("response_breached_at > 0");
    CHECK(late >= 5);
    CHECK(late < total / 4);
    CHECK(slow >= 5);
    CHECK(slow < total / 4);
    CHECK(Scalar(*a,
                 "SELECT COUNT(DISTINCT request_id) FROM request_history WHERE field = 'status' AND "
                 "old_value = 'resolved' AND new_value = 'in_progress'") >= 5);  // reopened
    CHECK(Scalar(*a, "SELECT COUNT(*) FROM comments WHERE internal = 1") >= 30);
    CHECK(Scalar(*a, "SELECT COUNT(*) FROM users WHERE role = 'agent'") == 4);
    CHECK(count("created_at < " + std::to_string(kSeedNow - 80 * kDay)) >= 10);  // it spans the 90 days
    CHECK(count("created_at > " + std::to_string(kSeedNow)) == 0);

    // Every request past New has a group and an assignee; the lifecycle instants agree.
    CHECK(count("status != 'new' AND (group_id IS NULL OR assignee_id IS NULL)") == 0);
    CHECK(count("resolved_at != 0 AND resolved_at < created_at") == 0);
    CHECK(count("first_response_at != 0 AND first_response_at < created_at") == 0);
    CHECK(count("status IN ('resolved', 'closed') AND (resolved_at = 0 OR resolved_by IS NULL OR resolution_note = '' "
                "OR first_response_at = 0)") == 0);
    CHECK(count("status IN ('new', 'assigned', 'in_progress', 'pending') AND (resolved_at != 0 OR closed_at != 0)") ==
          0);
    CHECK(count("status IN ('closed', 'cancelled') AND closed_at < created_at") == 0);
    CHECK(count("status = 'closed' AND closed_at < resolved_at") == 0);
    CHECK(count("status = 'cancelled' AND cancel_reason = ''") == 0);
    CHECK(count("status = 'resolved' AND resolved_at < " + std::to_string(kSeedNow - 7 * kDay - 60'000)) == 0);
    CHECK(count("updated_at < created_at OR updated_at > " + std::to_string(kSeedNow)) == 0);
    CHECK(Scalar(*a,
                 "SELECT COUNT(*) FROM requests r WHERE NOT EXISTS (SELECT 1 FROM request_history h WHERE "
                 "h.request_id = r.id AND h.field = 'created' AND h.at = r.created_at)") == 0);
    CHECK(Scalar(*a,
                 "SELECT COUNT(*) FROM requests r WHERE status IN ('resolved', 'closed') AND NOT EXISTS (SELECT 1 "
                 "FROM request_history h WHERE h.request_id = r.id AND h.field = 'status' AND h.new_value = "
                 "'resolved' AND h.at = r.resolved_at)") == 0);
    CHECK(Scalar(*a, "SELECT COUNT(*) FROM request_pauses WHERE resumed_at != 0 AND resumed_at < paused_at") == 0);
    CHECK(Scalar(*a,
                 "SELECT COUNT(*) FROM requests WHERE status IN ('pending', 'resolved') AND id NOT IN (SELECT "
                 "request_id FROM request_pauses WHERE resumed_at = 0)") == 0);

    // Small lists where people look first: emma's open requests, ava's queue (the journeys find
    // their new request on her first screen), and liam has requests of his own.
    const std::string emma = "(SELECT id FROM users WHERE username = 'emma')";
    const std::string ava = "(SELECT id FROM users WHERE username = 'ava')";
    CHECK(count("requester_id = " + emma + " AND status IN ('new', 'assigned', 'in_progress', 'pending')") <= 5);
    CHECK(count("assignee_id = " + ava + " AND status IN ('new', 'assigned', 'in_progress', 'pending')") <= 10);
    CHECK(count("requester_id = (SELECT id FROM users WHERE username = 'liam')") >= 1);

    // The stored due times are the shared SLA clocks' own, and the SLA jobs find nothing to do.
    std::int64_t open_checked = 0;
    for (std::int64_t id = 1; id <= total; ++id) {
        auto r = storage::FindRequest(*a, spoc::RequestId(id), true);
        REQUIRE(r.ok());
        REQUIRE(*r);
        auto pauses = storage::ListPauses(*a, spoc::RequestId(id));
        REQUIRE(pauses.ok());
        spoc::Request check = **r;
        spoc::app::RecomputeDueTimes(check, *pauses, kSeedNow);
        CHECK(check.response_due_at == (*r)->response_due_at);
        CHECK(check.resolution_due_at == (*r)->resolution_due_at);
        open_checked += spoc::IsOpenStatus((*r)->status);
    }
    CHECK(open_checked == open);
    auto writable = storage::Database::Open((dir.path() / "a.db").string(), storage::OpenMode::read_write);
    REQUIRE(writable.ok());
    auto jobs = storage::InTransaction(**writable, [](storage::Database& db) {
        return spoc::app::RunSlaJobs(db, kSeedNow + 30'000, spoc::app::kDefaultAutoCloseDays);
    });
    REQUIRE(jobs.ok());
    CHECK(jobs->empty());
}

TEST_CASE("demo seed: a server with the history keeps what the journeys expect") {
    TestServer server([](spoc::ServerConfig& c) { c.assets_dir = RealAssets().string(); });
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const json mine = Body(Get(cli, emma, "/api/v1/requests?status=open"));
    CHECK(mine["total"].get<int>() >= 1);
    CHECK(mine["total"].get<int>() <= 5);
    CHECK(Body(Get(cli, emma, "/api/v1/requests?status=all"))["total"].get<int>() >= 3);

    // A new laptop goes to the IT Service Desk and, by round robin, to Ava Patel.
    const json catalog = Body(Get(cli, emma, "/api/v1/catalog"));
    int laptop = 0;
    for (const auto& item : catalog["items"])
        if (item["title"] == "New laptop") laptop = item["id"];
    REQUIRE(laptop > 0);
    const json draft = {
        {"catalog_item_id", laptop},
        {"summary", "Replacement laptop for the Leeds trip"},
        {"values",
         {{"reason", "additional"}, {"model", "standard_14"}, {"keyboard_layout", "uk"}, {"cost_centre", "CC-4410"}}}};
    auto created = PostJson(cli, emma, "/api/v1/requests", draft.dump());
    REQUIRE(created);
    REQUIRE_MESSAGE(created->status == 201, created->body);
    CHECK(Body(created)["assignee_name"] == "Ava Patel");
    CHECK(Body(created)["group_name"] == "IT Service Desk");

    const Session ava = SignIn(cli, "ava");
    CHECK(Body(Get(cli, ava, "/api/v1/queue?view=mine"))["total"].get<int>() <= 11);
    CHECK(Body(Get(cli, ava, "/api/v1/queue?view=open&page_size=100"))["total"].get<int>() >= 15);
    for (const char* agent : {"noah", "mia", "omar"}) {
        const Session s = SignIn(cli, agent);
        CHECK(s.user["role"] == "agent");
        CHECK(Body(Get(cli, s, "/api/v1/queue?view=mine"))["total"].get<int>() >= 1);
    }
    const Session liam = SignIn(cli, "liam");
    CHECK(Body(Get(cli, liam, "/api/v1/requests?status=all"))["total"].get<int>() >= 1);
}
