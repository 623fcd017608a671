// OpenAPI for the report routes (see openapi.h; schemas mirror shared/api/report_dto.cpp).
#include <string>

#include <nlohmann/json.hpp>

#include "server/http/openapi_support.h"
#include "shared/api/routes.h"
#include "shared/domain/kpi.h"

namespace spoc::http {

using nlohmann::json;

namespace {

using namespace oas;  // Ref, Str, Int, Object, Ok, ...

json Num() { return json{{"type", "number"}, {"nullable", true}}; }
json Query(const char* name, const char* description) {
    return json{{"name", name}, {"in", "query"}, {"required", false}, {"description", description}, {"schema", Str()}};
}

// The filters every report route takes (report_dto.h: DecodeReportQuery).
json Filters(bool csv) {
    json p = json::array({
        Query("from", "First day, YYYY-MM-DD in the reporting time zone (default: 29 days before 'to')."),
        Query("to", "Last day, inclusive (default: today). At most 731 days in all."),
        Query("group", "Assignment groups, comma-separated ids (at most 50)."),
        Query("agent", "Assignee id, or 'none' for unassigned."),
        Query("department", "Department, exact text."),
        Query("category", "Catalog category, exact text."),
        Query("priority", "1 (critical) to 5 (planning)."),
        Query("type", "incident or service_request."),
        Query("location", "Walk-up location id, or 'none'."),
    });
    if (csv) p.push_back(Query("format", "json (default) or csv (RFC 4180, UTF-8 with BOM, formula-safe cells)."));
    return p;
}

json Op(const char* summary, const char* schema, json parameters, bool csv) {
    json ok = Ok("The report.", schema);
    if (csv) ok["content"]["text/csv"] = {{"schema", Str()}};
    json responses = {{"200", ok},
                      {"400", Ok("A bad parameter (the field names it).", "Error")},
                      {"401", Ok("No valid session.", "Error")},
                      {"403", Ok("Employees; or an agent naming a group they are not in.", "Error")},
                      {"500", Ok("Internal error (code internal).", "Error")}};
    return json{{"summary", summary}, {"parameters", std::move(parameters)}, {"responses", std::move(responses)}};
}

}  // namespace

void ReportSchemas(json& s) {
    json counters = json::object();
    for (int i = 0; i < kpi::kCounterCount; ++i) counters[kpi::ColumnName(i)] = Int();
    const json query = Object({{"from", Str()}, {"to", Str()}, {"query", Str()}});
    s["ReportCounters"] = Object(counters);
    s["ReportSummary"] = Object(
        {{"query", query},
         {"previous", query},
         {"kpis", ArrayOf(Object({{"key", Str()},
                                  {"unit", json{{"type", "string"}, {"enum", {"percent", "duration_ms", "count", "score"}}}},
                                  {"value", Num()},
                                  {"previous", Num()},
                                  {"num", Int()},
                                  {"den", Int()},
                                  {"target", Num()},
                                  {"higher_is_better", json{{"type", "boolean"}}}}))},
         {"days", ArrayOf(Object({{"date", Str()}, {"backlog", Int()}, {"counters", Ref("ReportCounters")}}))},
         {"open_now", Int()},
         {"as_of", Str()},
         {"ageing", json{{"type", "array"}, {"items", Int()}, {"minItems", kpi::kAgeBuckets}, {"maxItems", kpi::kAgeBuckets},
                         {"description", "Open now by age in whole local days since creation: today, 1-2, 3-6, 7-29, 30 and more."}}}});
    s["ReportBreakdown"] = Object({{"query", query},
                                   {"by", Str()},
                                   {"rows", ArrayOf(Object({{"key", Str()},
                                                            {"label", Str()},
                                                            {"counters", Ref("ReportCounters")},
                                                            {"open_now", Int()},
                                                            {"median_ttr_ms", Int()}}))}});
    s["ReportHeatmap"] = Object({{"query", query}, {"arrivals", ArrayOf(ArrayOf(Int()))}});
}

void ReportPaths(json& paths) {
    const std::string base = routes::kReports;
    paths[base + "/summary"]["get"] =
        Op("KPIs for a period against the previous one (CSAT, FCR, SLA compliance, MTTR, first response, backlog...), "
           "the daily series and the backlog's ageing; format=csv gives the daily counters. KB deflections "
           "(deflections, deflection_rate) are included unless the filter names a group, agent, priority, type or "
           "location; walk-up figures (walkup_visits, walkup_wait, walkup_service, walkup_no_show, walkup_resolution) "
           "unless it names a group, department, category, priority or type.",
           "ReportSummary", Filters(true), true);
    json by = Filters(true);
    by.push_back(json{{"name", "by"},
                      {"in", "query"},
                      {"required", true},
                      {"schema", json{{"type", "string"},
                                      {"enum", {"group", "agent", "department", "category", "priority", "type", "location"}}}}});
    paths[base + "/breakdown"]["get"] =
        Op("The period's counters per group, agent, department, category, priority, type or location.", "ReportBreakdown",
           std::move(by), true);
    paths[base + "/heatmap"]["get"] =
        Op("Arrivals by weekday (Monday first) and local hour over the period.", "ReportHeatmap", Filters(false), false);
}

}  // namespace spoc::http
