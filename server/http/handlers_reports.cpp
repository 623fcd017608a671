// Report routes (issue 14, see app/report_service.h): the summary, a breakdown by one dimension
// and the arrivals heat map, as JSON or (format=csv) as a CSV file for Excel and BI tools.
#include <cstdio>
#include <memory>

#include "server/http/httplib_include.h"

#include "server/http/handlers.h"
#include "shared/api/routes.h"
#include "shared/domain/csv.h"

namespace spoc::http {

namespace {

std::string Path(const char* base, const char* rest) { return std::string(base) + rest; }

Result<api::ReportQuery> QueryOf(const app::ReportService& reports, RequestContext& ctx) {
    return api::DecodeReportQuery([&](std::string_view name) { return ctx.http.get_param_value(std::string(name)); },
                                  reports.Today(ctx.now));
}

Result<bool> WantsCsv(RequestContext& ctx) {
    const std::string format = ctx.http.get_param_value("format");
    if (format.empty() || format == "json") return false;
    if (format == "csv") return true;
    return MakeError(ErrorCode::bad_request, "'format' must be json or csv.", "format");
}

Reply CsvReply(std::string name, std::string body) {
    Reply reply{200, csv::kBom.data() + std::move(body), "text/csv; charset=utf-8", {}, {}, {}, 0};
    reply.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
    reply.headers.emplace_back("Cache-Control", "no-store");
    return reply;
}

// One request as a CSV row: what an Excel user filters and pivots on.
void AppendRequestRow(std::string& out, const Request& r) {
    auto time = [](Timestamp t) { return t > 0 ? FormatIso8601(t) : std::string(); };
    const std::vector<std::string> cells = {
        csv::TextCell(r.number),          csv::TextCell(RequestTypeName(r.type)),
        csv::TextCell(StatusName(r.status)), csv::TextCell(PriorityName(r.priority)),
        csv::TextCell(r.summary),         csv::TextCell(r.requester_name),
        csv::TextCell(r.department),      csv::TextCell(r.catalog_item_title),
        csv::TextCell(r.group_name),      csv::TextCell(r.assignee_name),
        csv::TextCell(time(r.created_at)), csv::TextCell(time(r.updated_at)),
        csv::TextCell(time(r.first_response_at)), csv::TextCell(time(r.resolved_at)),
        csv::TextCell(time(r.closed_at)), csv::TextCell(time(r.resolution_due_at))};
    csv::AppendRow(out, cells);
}

std::vector<std::string> CounterHeader() {
    std::vector<std::string> out;
    for (int i = 0; i < kpi::kCounterCount; ++i) out.push_back(csv::TextCell(kpi::ColumnName(i)));
    return out;
}

void AppendCounters(std::vector<std::string>& cells, const kpi::Cell& c) {
    for (int i = 0; i < kpi::kCounterCount; ++i) cells.push_back(csv::NumberCell(c.v[i]));
}

Result<Reply> GetSummary(app::ReportService& reports, RequestContext& ctx) {
    auto csv_wanted = WantsCsv(ctx);
    if (!csv_wanted.ok()) return csv_wanted.error();
    auto query = QueryOf(reports, ctx);
    if (!query.ok()) return query.error();
    auto summary = reports.Summary(ctx.caller->user, *query, ctx.now);
    if (!summary.ok()) return summary.error();
    if (!*csv_wanted) return Reply{200, api::EncodeReportSummary(*summary), "application/json", {}, {}, {}, 0};
    std::string out;
    std::vector<std::string> header = {"date", "backlog"};
    for (std::string& h : CounterHeader()) header.push_back(std::move(h));
    csv::AppendRow(out, header);
    for (const api::DayFigures& d : summary->days) {
        std::vector<std::string> cells = {csv::TextCell(d.date), csv::NumberCell(d.backlog)};
        AppendCounters(cells, d.cell);
        csv::AppendRow(out, cells);
    }
    return CsvReply("spoc-daily-" + FormatDate(summary->query.from) + "-" + FormatDate(summary->query.to) + ".csv",
                    std::move(out));
}

Result<Reply> GetBreakdown(app::ReportService& reports, RequestContext& ctx) {
    auto csv_wanted = WantsCsv(ctx);
    if (!csv_wanted.ok()) return csv_wanted.error();
    storage::ReportDimension by = storage::ReportDimension::group;
    const std::string by_text = ctx.http.get_param_value("by");
    if (!by_text.empty() && !storage::ParseReportDimension(by_text, &by))
        return MakeError(ErrorCode::bad_request,
                         "'by' must be group, agent, department, category, priority, type or location.", "by");
    auto query = QueryOf(reports, ctx);
    if (!query.ok()) return query.error();
    auto breakdown = reports.Breakdown(ctx.caller->user, *query, by);
    if (!breakdown.ok()) return breakdown.error();
    if (!*csv_wanted) return Reply{200, api::EncodeReportBreakdown(*breakdown), "application/json", {}, {}, {}, 0};
    std::string out;
    std::vector<std::string> header = {breakdown->by, "name", "open_now", "median_ttr_business_ms"};
    for (std::string& h : CounterHeader()) header.push_back(std::move(h));
    csv::AppendRow(out, header);
    for (const api::BreakdownRow& row : breakdown->rows) {
        std::vector<std::string> cells = {csv::TextCell(row.key), csv::TextCell(row.label), csv::NumberCell(row.open_now),
                                          row.median_ttr_ms ? csv::NumberCell(*row.median_ttr_ms) : std::string()};
        AppendCounters(cells, row.cell);
        csv::AppendRow(out, cells);
    }
    return CsvReply("spoc-by-" + breakdown->by + "-" + FormatDate(breakdown->query.from) + "-" +
                        FormatDate(breakdown->query.to) + ".csv",
                    std::move(out));
}

Result<Reply> GetHeatmap(app::ReportService& reports, RequestContext& ctx) {
    auto query = QueryOf(reports, ctx);
    if (!query.ok()) return query.error();
    auto heatmap = reports.Heatmap(ctx.caller->user, *query);
    if (!heatmap.ok()) return heatmap.error();
    return Reply{200, api::EncodeReportHeatmap(*heatmap), "application/json", {}, {}, {}, 0};
}

}  // namespace

Result<Reply> QueueCsvReply(app::RequestService& requests, const storage::QueueQuery& scoped) {
    constexpr int kBatch = 1000;
    struct Walk {
        storage::QueueQuery query;
        std::int64_t after = 0;
        bool started = false;
        std::string out;
    };
    auto walk = std::make_shared<Walk>();
    walk->query = scoped;
    Reply reply{200, {}, "text/csv; charset=utf-8", {}, {}, {}, 0};
    reply.headers.emplace_back("Content-Disposition", "attachment; filename=\"spoc-queue.csv\"");
    reply.headers.emplace_back("Cache-Control", "no-store");
    reply.stream = [walk, &requests](const StreamWrite& write) {
        Walk& w = *walk;
        w.out.clear();
        if (!w.started) {
            w.started = true;
            w.out = csv::kBom;
            csv::AppendRow(w.out, {"number", "type", "status", "priority", "summary", "requester", "department",
                                   "catalog_item", "group", "assignee", "created_at", "updated_at", "first_response_at",
                                   "resolved_at", "closed_at", "resolution_due_at"});
        }
        auto batch = requests.QueueBatch(w.query, w.after, kBatch);
        if (!batch.ok()) {  // the status line is gone: end the file where it is, and say so in the log
            std::fprintf(stderr, "spoc: queue export stopped after id %lld: %s\n", static_cast<long long>(w.after),
                         batch.error().message.c_str());
            return false;
        }
        for (const Request& r : *batch) AppendRequestRow(w.out, r);
        if (!batch->empty()) w.after = batch->back().id.value;
        if (!w.out.empty() && !write(w.out)) return false;
        return static_cast<int>(batch->size()) == kBatch;
    };
    return reply;
}

void AddReportRoutes(Router& r, app::ReportService& reports) {
    using namespace routes;
    auto to = [&reports](auto handler) { return [&reports, handler](RequestContext& c) { return handler(reports, c); }; };
    r.Add("GET", Path(kReports, "/summary"), Access::session, to(GetSummary));
    r.Add("GET", Path(kReports, "/breakdown"), Access::session, to(GetBreakdown));
    r.Add("GET", Path(kReports, "/heatmap"), Access::session, to(GetHeatmap));
}

}  // namespace spoc::http
