// Headless tests of #/reports (staff, issue 14): the URL holds the page, period and filters; the
// summary, breakdowns and heat map load for exactly that query; the tiles read the KPIs with
// their trend (lower is better for times and backlog) and target; both pages draw balanced at a
// desktop and a phone width; employees get neither the requests nor the page.
#include <cmath>

#include "fixtures.h"

using namespace fixtures;

namespace {

api::ReportSummary Summary() {
    api::ReportSummary s;
    ParseDate("2026-11-28", &s.query.from);
    ParseDate("2026-11-30", &s.query.to);
    ParseDate("2026-11-25", &s.previous.from);
    ParseDate("2026-11-27", &s.previous.to);
    kpi::Cell now, before;
    now[kpi::Counter::created] = 12;
    now[kpi::Counter::resolved] = 9;
    now[kpi::Counter::surveys] = 6;
    now[kpi::Counter::satisfied] = 5;
    now[kpi::Counter::resolution_met] = 8;
    now[kpi::Counter::resolution_breached] = 1;
    now[kpi::Counter::done] = 9;
    now[kpi::Counter::ttr_business_ms] = 9 * 3600000;
    before[kpi::Counter::surveys] = 4;
    before[kpi::Counter::satisfied] = 2;
    before[kpi::Counter::done] = 3;
    before[kpi::Counter::resolved] = 3;
    before[kpi::Counter::ttr_business_ms] = 3 * 7200000;  // 2 h mean before, 1 h now: better
    s.kpis = api::KpiFigures(now, before, 20, 15);          // backlog up from 15 to 20: worse
    for (const char* date : {"2026-11-28", "2026-11-29", "2026-11-30"}) {
        api::DayFigures d;
        d.date = date;
        d.backlog = 18;
        d.cell[kpi::Counter::created] = 4;
        d.cell[kpi::Counter::resolved] = 3;
        d.cell[kpi::Counter::resolution_met] = 3;
        s.days.push_back(d);
    }
    s.open_now = 20;
    return s;
}

api::ReportBreakdown Breakdown(const std::string& by, std::vector<std::pair<std::string, std::string>> rows) {
    api::ReportBreakdown b;
    b.query = Summary().query;
    b.by = by;
    for (const auto& [key, label] : rows) {
        api::BreakdownRow r;
        r.key = key;
        r.label = label;
        r.cell[kpi::Counter::created] = 5;
        r.cell[kpi::Counter::resolved] = 4;
        r.cell[kpi::Counter::resolution_met] = 3;
        r.cell[kpi::Counter::resolution_breached] = 1;
        r.median_ttr_ms = 5400000;
        r.open_now = 2;
        b.rows.push_back(r);
    }
    return b;
}

void AnswerOptions(App& app) {
    for (const char* by : {"group", "department", "category", "location"}) {
        INFO(by);
        std::vector<std::pair<std::string, std::string>> rows;
        if (std::string(by) == "group") rows = {{"1", "IT Service Desk"}, {"2", "Network"}};
        if (std::string(by) == "department") rows = {{"", "None"}, {"Finance", "Finance"}};
        if (std::string(by) == "category") rows = {{"Hardware", "Hardware"}};
        if (std::string(by) == "location") rows = {{"0", "Not at a walk-up desk"}, {"1", "London HQ"}};
        CHECK(app.api.Answer("GET", std::string("/api/v1/reports/breakdown?by=") + by, 200,
                             api::EncodeReportBreakdown(Breakdown(by, rows))));
    }
}

const ReportFilterViewModel* FilterOf(const ReportsViewModel& vm, const std::string& key) {
    for (const ReportFilterViewModel& f : vm.filters)
        if (f.key == key) return &f;
    return nullptr;
}

}  // namespace

TEST_CASE("reports: the URL keeps the page and the API's filters in a fixed order") {
    Route r = ParseRoute("#/reports/ops?to=2026-11-30&bogus=1&group=1%2C2&from=2026-09-01&department=R%26D");
    CHECK(r.screen == Screen::reports);
    CHECK(r.report_ops);
    CHECK(r.report_query == "from=2026-09-01&to=2026-11-30&group=1,2&department=R%26D");
    CHECK(FormatRoute(r) == "#/reports/ops?from=2026-09-01&to=2026-11-30&group=1,2&department=R%26D");
    CHECK(ParseRoute(FormatRoute(r)) == r);
    CHECK(ParseRoute("#/reports").screen == Screen::reports);
    CHECK_FALSE(ParseRoute("#/reports").report_ops);
    CHECK(FormatRoute(ParseRoute("#/reports")) == "#/reports");
    CHECK(ParseRoute("#/reports/weekly").screen == Screen::not_found);
    CHECK(ParseRoute("#/reports?from=2026-09-01") != ParseRoute("#/reports?from=2026-09-02"));
}

TEST_CASE("reports: an agent's overview loads for the URL, reads the KPIs, and filters change the URL") {
    App app;
    Harness h;
    SignedInAs(app, Agent(), "#/reports");
    CHECK(app.api.CountExact("GET", "/api/v1/reports/summary") == 1);
    CHECK(app.api.CountExact("GET", "/api/v1/reports/breakdown?by=group") == 1);  // the filter's choices
    CHECK(app.api.Count("GET", "/api/v1/reports/heatmap") == 0);                 // the ops page only
    h.Frames(app, 2);  // skeletons while loading
    REQUIRE(app.api.Answer("GET", "/api/v1/reports/summary", 200, api::EncodeReportSummary(Summary())));
    AnswerOptions(app);
    h.Frames(app, 3);
    ReportsViewModel vm = BuildReports(app.state);
    CHECK(vm.load.status == ViewStatus::ready);
    CHECK(vm.preset_days == 0);  // 3 days: no preset is on
    REQUIRE(vm.tiles.size() == 6);
    CHECK(vm.tiles[0].key == "csat");
    CHECK(std::fabs(*vm.tiles[0].value - 100.0 * 5 / 6) < 1e-9);
    CHECK(vm.tiles[0].trend == 1);  // 83 % from 50 %
    CHECK(*vm.tiles[0].target == 85);
    CHECK(vm.tiles[0].detail == "5 of 6 answers");
    CHECK(vm.tiles[3].key == "mttr");
    CHECK(vm.tiles[3].unit == chart::Unit::seconds);
    CHECK(*vm.tiles[3].value == 3600);
    CHECK(vm.tiles[3].trend == 1);  // shorter is better
    CHECK(vm.tiles[5].key == "backlog");
    CHECK(vm.tiles[5].trend == -1);  // more open is worse
    CHECK(vm.volume.x_labels.size() == 3);
    CHECK(vm.volume.series[0].values == std::vector<double>{4, 4, 4});
    CHECK(vm.sla.series[0].values[0] == 100);
    CHECK(*vm.sla.target == kpi::kSlaTarget);
    const ReportFilterViewModel* group = FilterOf(vm, "group");
    REQUIRE(group != nullptr);
    CHECK(group->labels == std::vector<std::string>{"All groups", "IT Service Desk", "Network"});
    const ReportFilterViewModel* department = FilterOf(vm, "department");
    REQUIRE(department != nullptr);
    CHECK(department->values == std::vector<std::string>{"", "Finance"});  // "no department" is not a choice
    const ReportFilterViewModel* location = FilterOf(vm, "location");
    REQUIRE(location != nullptr);
    CHECK(location->values == std::vector<std::string>{"", "none", "1"});
    CHECK(HasItem("report_csv_summary"));
    CHECK(HasItem("report_filter_group"));

    app.actions.ReportFilter("group", "2");
    app.Sync();
    CHECK(app.state.route.report_query == "group=2");
    CHECK(app.host.locations.back().first == "#/reports?group=2");
    CHECK(app.api.CountExact("GET", "/api/v1/reports/summary?group=2") == 1);
    CHECK(app.api.CountExact("GET", "/api/v1/reports/breakdown?by=group") == 1);  // choices: the period only
    CHECK(FilterOf(BuildReports(app.state), "group")->selected == 2);

    app.actions.ReportPeriod(90);  // ends where the shown period ends
    app.Sync();
    CHECK(app.state.route.report_query == "from=2026-09-02&to=2026-11-30&group=2");
    CHECK(app.api.CountExact("GET", "/api/v1/reports/breakdown?by=category&from=2026-09-02&to=2026-11-30") == 1);
    app.actions.ReportFilter("group", "");
    CHECK(app.state.route.report_query == "from=2026-09-02&to=2026-11-30");
    app.actions.ReportCsv("summary");
    REQUIRE_FALSE(app.host.files_opened.empty());
    CHECK(app.host.files_opened.back().first == "/api/v1/reports/summary?format=csv&from=2026-09-02&to=2026-11-30");
    CHECK(app.host.files_opened.back().second);
}

TEST_CASE("reports: the teams page loads per group, agent, category and the heat map; phones draw it too") {
    for (float width : {1280.0f, 390.0f}) {
        INFO(width);
        App app;
        Harness h(width);
        SignedInAs(app, Agent(), "#/reports/ops?priority=1");
        REQUIRE(app.api.Answer("GET", "/api/v1/reports/summary?priority=1", 200, api::EncodeReportSummary(Summary())));
        AnswerOptions(app);
        REQUIRE(app.api.Answer("GET", "/api/v1/reports/breakdown?by=group&priority=1", 200,
                               api::EncodeReportBreakdown(Breakdown("group", {{"1", "IT Service Desk"}, {"2", "Network"}}))));
        REQUIRE(app.api.Answer("GET", "/api/v1/reports/breakdown?by=agent&priority=1", 200,
                               api::EncodeReportBreakdown(Breakdown("agent", {{"3", "Ava Patel"}, {"0", "Unassigned"}}))));
        REQUIRE(app.api.Answer("GET", "/api/v1/reports/breakdown?by=category&priority=1", 200,
                               api::EncodeReportBreakdown(Breakdown("category", {{"Hardware", "Hardware"}}))));
        api::ReportHeatmap heat;
        heat.query = Summary().query;
        heat.arrivals[0][9] = 7;
        REQUIRE(app.api.Answer("GET", "/api/v1/reports/heatmap?priority=1", 200, api::EncodeReportHeatmap(heat)));
        h.Frames(app, 3);
        const ReportsViewModel vm = BuildReports(app.state);
        CHECK(vm.ops);
        REQUIRE(vm.groups.rows.size() == 2);
        CHECK(vm.groups.rows[0].label == "IT Service Desk");
        CHECK(vm.groups.rows[0].cells[3] == 75);    // 3 of 4 within SLA
        CHECK(vm.groups.rows[0].cells[4] == 5400);  // median 1.5 h in seconds
        CHECK(std::isnan(vm.groups.rows[0].cells[6]));  // no surveys
        CHECK(vm.agents.rows.size() == 2);
        CHECK(vm.groups_chart.series.size() == 3);
        CHECK(vm.breaches.series[1].values == std::vector<double>{1});
        REQUIRE(vm.arrivals.series.size() == 7);
        CHECK(vm.arrivals.series[0].label == "Mon");
        CHECK(vm.arrivals.series[0].values[9] == 7);
        CHECK(FilterOf(vm, "priority")->selected == 1);
        CHECK(HasItem("report_csv_group"));
        app.actions.ReportPage(false);
        CHECK(app.host.locations.back().first == "#/reports?priority=1");
    }
}

TEST_CASE("reports: employees neither load nor see them") {
    App app;
    Harness h;
    User u;
    u.id = UserId(2);
    u.username = "emma";
    u.display_name = "Emma Jones";
    u.role = Role::employee;
    SignedInAs(app, api::Me{u, "csrf"}, "#/reports");
    h.Frames(app, 3);
    CHECK(app.api.Count("GET", "/api/v1/reports") == 0);
    CHECK_FALSE(HasItem("report_csv_summary"));
    CHECK_FALSE(HasItem("nav_reports"));
}

TEST_CASE("reports: a chart's bar opens the queue of exactly its requests, and the queue says so") {
    App app;
    Harness h;
    SignedInAs(app, Agent(), "#/reports/ops?priority=1");
    REQUIRE(app.api.Answer("GET", "/api/v1/reports/summary?priority=1", 200, api::EncodeReportSummary(Summary())));
    AnswerOptions(app);
    h.Frames(app, 2);
    // The period the summary showed is made explicit; the bar's category is added to the filters.
    app.actions.OpenReportSlice("breached", "category", "Hardware & Co");
    app.Sync();
    CHECK(app.state.route.screen == Screen::queue);
    CHECK(app.state.route.queue_report == "breached");
    CHECK(app.state.route.queue_report_query == "from=2026-11-28&to=2026-11-30&category=Hardware%20%26%20Co&priority=1");
    const std::string hash = app.host.locations.back().first;
    CHECK(hash == "#/queue?report=breached&rq=from%3D2026-11-28%26to%3D2026-11-30%26category%3DHardware%2520%2526%2520Co%26priority%3D1");
    CHECK(ParseRoute(hash) == app.state.route);
    CHECK(app.api.Count("GET", "/api/v1/queue?view=open&sort=due&dir=asc&report=breached&rq=from%3D2026-11-28") == 1);
    h.Frames(app, 2);
    const QueueViewModel vm = BuildQueue(app.state, app.clock);
    CHECK(vm.report_text == "From Reports: requests resolved late (SLA breached) · Hardware & Co · P1 Critical · Nov 28, 2026 – Nov 30, 2026");
    for (const QueueTab& tab : vm.tabs) CHECK_FALSE(tab.selected);  // a slice, not a view
    CHECK(HasItem("Show the whole queue"));
    // A day's point: that day only; agent 0 reads "none".
    app.Go("#/reports/ops?priority=1");
    app.actions.OpenReportSlice("created", "agent", "0", "2026-11-29");
    CHECK(app.state.route.queue_report_query == "from=2026-11-29&to=2026-11-29&agent=none&priority=1");
    CHECK(BuildQueue(app.state, app.clock).report_text.find("Nov 29, 2026 ·") == std::string::npos);  // one day, no range
    // The slice downloads as CSV with the same query.
    app.actions.QueueCsv();
    REQUIRE_FALSE(app.host.files_opened.empty());
    CHECK(app.host.files_opened.back().first ==
          "/api/v1/queue?view=open&sort=due&dir=asc&report=created&rq=from%3D2026-11-29%26to%3D2026-11-29%26agent%3Dnone%26priority%3D1"
          "&format=csv");
    // Back to the views.
    app.actions.SetQueueView("mine");
    CHECK(app.state.route.queue_report.empty());
    CHECK(app.host.locations.back().first == "#/queue?view=mine");
    // A slice needs both halves; an unknown kind is dropped.
    CHECK(ParseRoute("#/queue?report=breached").queue_report.empty());
    CHECK(ParseRoute("#/queue?report=late&rq=from%3D2026-01-01").queue_report.empty());
}

TEST_CASE("reports: self-service and walk-up tiles, time per priority, and backlog ageing whose bars open the queue") {
    App app;
    Harness h;
    SignedInAs(app, Agent(), "#/reports");
    api::ReportSummary s = Summary();
    kpi::Cell now, before;
    now[kpi::Counter::created] = 12;
    api::AddDeflectionFigures(&s.kpis, 4, 2, now, before);
    kpi::WalkupTotals visits;
    visits.Add({walkup::VisitStatus::resolved, 0, 600000, 660000, 1860000, true});  // waited 10 min, served 20 min
    api::AddWalkupFigures(&s.kpis, visits, std::nullopt);
    s.as_of = "2026-11-30";
    s.ageing = {3, 2, 0, 5, 1};
    REQUIRE(app.api.Answer("GET", "/api/v1/reports/summary", 200, api::EncodeReportSummary(s)));
    AnswerOptions(app);
    api::ReportBreakdown priority = Breakdown("priority", {{"1", "P1"}, {"3", "P3"}});
    priority.rows[0].cell[kpi::Counter::ttr_business_ms] = 4 * 7200000;  // 4 resolved: 2 h mean
    priority.rows[0].cell[kpi::Counter::frt_business_ms] = 2 * 900000;
    priority.rows[0].cell[kpi::Counter::responded] = 2;                  // 15 min mean
    REQUIRE(app.api.Answer("GET", "/api/v1/reports/breakdown?by=priority", 200, api::EncodeReportBreakdown(priority)));
    h.Frames(app, 3);
    ReportsViewModel vm = BuildReports(app.state);
    CHECK(vm.tiles.size() == 6);  // the headline six stay six
    REQUIRE(vm.service_tiles.size() == 5);
    CHECK(vm.service_tiles[0].key == "deflections");
    CHECK(*vm.service_tiles[0].value == 4);
    CHECK(vm.service_tiles[0].trend == 1);  // more deflected is better
    CHECK(vm.service_tiles[1].key == "deflection_rate");
    CHECK(std::fabs(*vm.service_tiles[1].value - 100.0 * 4 / 16) < 1e-9);
    CHECK(vm.service_tiles[3].key == "walkup_wait");
    CHECK(*vm.service_tiles[3].value == 600);  // seconds
    CHECK(vm.service_tiles[4].label == "Walk-up service time");
    CHECK(HasItem("report_priority_chart_0_0"));  // P1's time-to-resolve bar
    REQUIRE(vm.by_priority.x_labels.size() == 5);  // every priority, with or without data
    CHECK(vm.by_priority.series[0].values[0] == 7200);
    CHECK(vm.by_priority.series[1].values[0] == 900);
    CHECK(std::isnan(vm.by_priority.series[0].values[1]));  // P2: nothing resolved
    // A priority's bar: the requests of that priority resolved in the period.
    app.actions.OpenReportSlice("resolved", "priority", vm.priority_keys[2]);
    CHECK(app.state.route.queue_report_query == "from=2026-11-28&to=2026-11-30&priority=3");

    app.Go("#/reports/ops");
    h.Frames(app, 2);
    vm = BuildReports(app.state);
    REQUIRE(vm.ageing.series.size() == 1);
    CHECK(vm.ageing.series[0].values == std::vector<double>{3, 2, 0, 5, 1});
    CHECK(vm.ageing.x_labels.front() == "Today");
    // The 1-2 days bar: created 1 or 2 days before the day the ageing was counted on, still open.
    app.actions.OpenAgeingSlice(1);
    CHECK(app.state.route.queue_report == "open");
    CHECK(app.state.route.queue_report_query == "from=2026-11-28&to=2026-11-29");
    CHECK(BuildQueue(app.state, app.clock).report_text == "From Reports: requests still open, created · Nov 28, 2026 – Nov 29, 2026");
    // The oldest bar has no first day.
    app.Go("#/reports/ops");
    app.actions.OpenAgeingSlice(4);
    CHECK(app.state.route.queue_report_query == "to=2026-10-31");
    CHECK(ParseRoute(app.host.locations.back().first) == app.state.route);
    CHECK(BuildQueue(app.state, app.clock).report_text == "From Reports: requests still open, created · on or before Oct 31, 2026");
}
