// The figures of the reports that are not daily rollups (issue 14), over real HTTP and a real
// SQLite file: backlog ageing (open requests by age) against the raw requests, each ageing bar's
// queue listing exactly its requests (the oldest one with no first day, past the two-year period
// limit), KB deflections and the deflection rate, and walk-up visits, waits and service times
// from hand-computed fixtures, and which filters leave them out.
#include <doctest/doctest.h>

#include <array>
#include <map>
#include <string>
#include <vector>

#include "server/app/reports.h"
#include "server/storage/sqlite.h"
#include "shared/api/url.h"
#include "shared/domain/kpi.h"
#include "test_support.h"

using namespace spoc::test;
using spoc::Timestamp;
using spoc::storage::OpenMode;
namespace kpi = spoc::kpi;

namespace {

constexpr const char* kZone = "America/New_York";
constexpr std::int64_t kMin = 60 * 1000;

const json* Figure(const json& summary, const std::string& key) {
    for (const json& k : summary["kpis"])
        if (k["key"] == key) return &k;
    return nullptr;
}

// Hand-written, not kpi::AgeBucket: today, 1-2, 3-6, 7-29, 30 and more days.
int Band(std::int64_t age) { return age < 1 ? 0 : age < 3 ? 1 : age < 7 ? 2 : age < 30 ? 3 : 4; }

// Open requests (not resolved, closed or cancelled) by age band, straight from the requests table.
std::array<std::int64_t, 5> RawAgeing(TestServer& server, const spoc::TimeZoneRule& zone, std::int64_t today,
                                      const std::string& where = "") {
    auto db = OpenDb(server, OpenMode::read_only);
    auto q = db->Prepare("SELECT created_at FROM requests WHERE status NOT IN ('resolved', 'closed', 'cancelled')" + where);
    REQUIRE(q.ok());
    std::array<std::int64_t, 5> out{};
    while (*q->Step()) out[static_cast<std::size_t>(Band(today - kpi::LocalDay(zone, q->Int(0))))] += 1;
    return out;
}

}  // namespace

TEST_CASE("reports: backlog ageing matches the raw requests, and an ageing bar's queue lists exactly its requests") {
    TestServer server([](spoc::ServerConfig& c) { c.report_time_zone = kZone; });
    auto cli = server.Client();
    const Session root = SignIn(cli, "root");
    const Session emma = SignIn(cli, "emma");
    const Session ava = SignIn(cli, "ava");
    std::vector<int> ids;
    for (int i = 0; i < 16; ++i) {
        json d = ValidLaptopDraft();
        d["summary"] = "Ageing fixture " + std::to_string(i);
        ids.push_back(CreateRequestOk(cli, emma, d)["id"]);
    }
    // Ages from today to well past the reports' two-year period limit; four of them done.
    const int ages[] = {0, 0, 1, 2, 3, 5, 6, 8, 12, 29, 30, 31, 45, 400, 800, 900};
    const Timestamp now = NowSeconds() * 1000;
    server.Restart([&] {
        auto db = OpenDb(server, OpenMode::read_write);
        ExecSql(*db, "BEGIN IMMEDIATE");
        for (int i = 0; i < 16; ++i)
            ExecSql(*db, "UPDATE requests SET created_at = " + std::to_string(now - ages[i] * spoc::kMsPerDay - 30 * kMin) +
                          " WHERE id = " + std::to_string(ids[static_cast<std::size_t>(i)]));
        for (int i : {1, 4, 10, 15})
            ExecSql(*db, "UPDATE requests SET status = 'resolved', resolved_at = created_at + 3600000, resolved_by = " +
                          std::to_string(ava.user["id"].get<int>()) + " WHERE id = " + std::to_string(ids[static_cast<std::size_t>(i)]));
        ExecSql(*db, "COMMIT");
    });
    auto setup = spoc::app::MakeReportSetup(kZone);
    REQUIRE(setup.ok());
    const json summary = GetOk(cli, root, "/api/v1/reports/summary");
    spoc::CivilDate as_of;
    REQUIRE(spoc::ParseDate(summary["as_of"].get<std::string>(), &as_of));
    const std::int64_t today = spoc::DaysFromCivil(as_of.year, as_of.month, as_of.day);
    const std::array<std::int64_t, 5> raw = RawAgeing(server, setup->zone, today);
    REQUIRE(summary["ageing"].size() == 5);
    std::int64_t total = 0;
    for (std::size_t b = 0; b < 5; ++b) {
        INFO("band ", b);
        CHECK(summary["ageing"][b] == raw[b]);
        total += raw[b];
    }
    CHECK(raw[4] >= 3);  // 30, 31, 45, 400 and 800 days old, 900 done: the oldest band bites
    CHECK(summary["open_now"] == total);

    // Each bar's queue: created in its band and still open. The oldest band has no first day.
    const int first[] = {0, 1, 3, 7, 30};
    auto slice = [&](const Session& who, int b, const std::string& filter) {
        std::string rq = "to=" + spoc::FormatDate(spoc::CivilFromDays(today - first[b]));
        if (b < 4) rq = "from=" + spoc::FormatDate(spoc::CivilFromDays(today - (first[b + 1] - 1))) + "&" + rq;
        const json page = GetOk(cli, who, "/api/v1/queue?report=open&rq=" + spoc::api::PercentEncode(rq + filter) + "&page_size=100");
        for (const json& r : page["items"]) {
            INFO("request ", r["id"]);
            CHECK(r["status"] != "resolved");
            CHECK(r["status"] != "closed");
            CHECK(r["status"] != "cancelled");
        }
        return page["total"].get<std::int64_t>();
    };
    for (int b = 0; b < 5; ++b) {
        INFO("band ", b);
        CHECK(slice(root, b, "") == raw[static_cast<std::size_t>(b)]);
    }
    // Filtered the same way: one group's bars, as an agent of that group sees them.
    const int group = CountRows(server, "SELECT group_id FROM requests WHERE id = " + std::to_string(ids[0]));
    const json mine = GetOk(cli, ava, "/api/v1/reports/summary?group=" + std::to_string(group));
    const auto raw_group = RawAgeing(server, setup->zone, today, " AND group_id = " + std::to_string(group));
    for (int b = 0; b < 5; ++b) {
        INFO("band ", b);
        CHECK(mine["ageing"][static_cast<std::size_t>(b)] == raw_group[static_cast<std::size_t>(b)]);
        CHECK(slice(ava, b, "&group=" + std::to_string(group)) == raw_group[static_cast<std::size_t>(b)]);
    }
    // Only an open slice may leave out its first day.
    auto res = Get(cli, root, "/api/v1/queue?report=created&rq=" + spoc::api::PercentEncode("to=" + summary["as_of"].get<std::string>()));
    REQUIRE(res);
    CHECK(res->status == 400);
    CHECK(Body(res)["error"]["field"] == "rq");
}

TEST_CASE("reports: KB deflections and walk-up visits, from hand-computed fixtures, and the filters that leave them out") {
    TestServer server([](spoc::ServerConfig& c) { c.report_time_zone = kZone; });
    auto cli = server.Client();
    const Session root = SignIn(cli, "root");
    const Session emma = SignIn(cli, "emma");
    const int emma_id = emma.user["id"].get<int>();
    const Session ava = SignIn(cli, "ava");
    const int ava_id = ava.user["id"].get<int>();
    auto article = PostJson(cli, ava, "/api/v1/kb/articles",
                            json{{"title", "VPN drops"}, {"body", "Plain steps."}, {"category", "Testing"}, {"tags", {"vpn"}}}.dump());
    REQUIRE(article);
    REQUIRE(article->status == 201);
    const Timestamp now = NowSeconds() * 1000;
    const Timestamp t = now - 2 * spoc::kMsPerDay;        // in the default period (the last 30 days)
    const Timestamp before = now - 40 * spoc::kMsPerDay;  // in the previous one
    std::int64_t location = 0;
    server.Restart([&] {
        auto db = OpenDb(server, OpenMode::read_write);
        ExecSql(*db, "BEGIN IMMEDIATE");
        ExecSql(*db, "DELETE FROM kb_deflections");
        const std::string article = "(SELECT MIN(id) FROM kb_articles)";
        auto deflect = [&](const char* item, Timestamp at) {
            ExecSql(*db, "INSERT INTO kb_deflections (article_id, user_id, catalog_item_id, query, at) VALUES (" + article + ", " +
                          std::to_string(emma_id) + ", " + item + ", 'vpn', " + std::to_string(at) + ")");
        };
        for (int i = 0; i < 5; ++i) deflect("1", t + i * kMin);  // the laptop form (IT)
        for (int i = 0; i < 2; ++i) deflect("NULL", t + i * kMin);
        for (int i = 0; i < 3; ++i) deflect("1", before + i * kMin);
        ExecSql(*db, "INSERT INTO walkup_locations (key, name, prefix, time_zone, hours) "
                  "VALUES ('test-desk', 'Test desk', 'T', 'Europe/London', 'mon-fri 09:00-17:00')");
        location = db->LastInsertId();
        int seq = 0;
        auto visit = [&](const char* status, Timestamp in, std::int64_t called, std::int64_t started, std::int64_t ended,
                         int first_contact) {
            auto at = [&](std::int64_t m) { return m < 0 ? std::string("0") : std::to_string(in + m * kMin); };
            ++seq;
            ExecSql(*db, "INSERT INTO walkup_visits (location_id, day, seq, ticket, status, channel, reason_key, board_name, "
                      "checked_in_at, queue_at, called_at, started_at, ended_at, first_contact, agent_id) VALUES (" +
                          std::to_string(location) + ", 'fixture', " + std::to_string(seq) + ", 'T-" + std::to_string(seq) +
                          "', '" + status + "', 'kiosk', 'other', 'Emma J.', " + std::to_string(in) + ", " + std::to_string(in) +
                          ", " + at(called) + ", " + at(started) + ", " + at(ended) + ", " + std::to_string(first_contact) +
                          ", " + std::to_string(ava_id) + ")");
        };
        visit("waiting", t, -1, -1, -1, 0);
        visit("resolved", t, 10, 12, 32, 1);     // waited 10 min, served 20 min, solved at the desk
        visit("transferred", t, 20, 21, 31, 0);  // waited 20 min, served 10 min
        visit("no_show", t, 5, -1, -1, 0);       // waited 5 min, gone when called
        visit("cancelled", t, -1, -1, -1, 0);    // never counts
        visit("booked", t, -1, -1, -1, 0);       // not arrived
        visit("resolved", before, 2, 3, 9, 1);   // the previous period: waited 2, served 6
        ExecSql(*db, "COMMIT");
    });
    const json summary = GetOk(cli, root, "/api/v1/reports/summary");
    const json* deflections = Figure(summary, "deflections");
    REQUIRE(deflections);
    CHECK((*deflections)["value"] == 7);
    CHECK((*deflections)["previous"] == 3);
    const json* rate = Figure(summary, "deflection_rate");
    const json* created = Figure(summary, "created");
    REQUIRE(rate);
    REQUIRE(created);
    CHECK((*rate)["num"] == 7);
    CHECK((*rate)["den"] == 7 + (*created)["value"].get<std::int64_t>());

    const std::string at_desk = "/api/v1/reports/summary?location=" + std::to_string(location);
    const json desk = GetOk(cli, root, at_desk);
    REQUIRE(Figure(desk, "walkup_visits"));
    CHECK((*Figure(desk, "walkup_visits"))["value"] == 4);
    CHECK((*Figure(desk, "walkup_visits"))["previous"] == 1);
    CHECK((*Figure(desk, "walkup_wait"))["value"] == (10 + 20 + 5) * kMin / 3);
    CHECK((*Figure(desk, "walkup_wait"))["previous"] == 2 * kMin);
    CHECK((*Figure(desk, "walkup_service"))["value"] == (20 + 10) * kMin / 2);
    CHECK((*Figure(desk, "walkup_no_show"))["num"] == 1);
    CHECK((*Figure(desk, "walkup_no_show"))["den"] == 4);
    CHECK((*Figure(desk, "walkup_resolution"))["num"] == 1);
    CHECK((*Figure(desk, "walkup_resolution"))["den"] == 2);
    // Deflections have no location: left out under a location filter.
    CHECK(Figure(desk, "deflections") == nullptr);
    // The agent who served them; another agent served none.
    CHECK((*Figure(GetOk(cli, root, at_desk + "&agent=" + std::to_string(ava_id)), "walkup_visits"))["value"] == 4);
    CHECK((*Figure(GetOk(cli, root, at_desk + "&agent=" + std::to_string(emma_id)), "walkup_visits"))["value"] == 0);
    // The laptop form's department keeps its five; a priority leaves deflections out, a group both.
    const std::string department = GetOk(cli, root, "/api/v1/catalog/1")["department"].get<std::string>();
    const json it = GetOk(cli, root, "/api/v1/reports/summary?department=" + spoc::api::PercentEncode(department));
    REQUIRE(Figure(it, "deflections"));
    CHECK((*Figure(it, "deflections"))["value"] == 5);
    CHECK(Figure(it, "walkup_visits") == nullptr);
    CHECK(Figure(GetOk(cli, root, "/api/v1/reports/summary?priority=1"), "deflections") == nullptr);
    const json grouped = GetOk(cli, root, "/api/v1/reports/summary?group=1");
    CHECK(Figure(grouped, "deflections") == nullptr);
    CHECK(Figure(grouped, "walkup_visits") == nullptr);
}
