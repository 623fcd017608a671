// OpenAPI 3.0 document for the JSON API (see openapi.h). Schemas mirror shared/api/dto.cpp.
#include "server/http/openapi.h"

#include <nlohmann/json.hpp>

#include "server/http/openapi_support.h"
#include "shared/api/routes.h"
#include "shared/domain/canned.h"
#include "shared/domain/kb.h"
#include "shared/domain/limits.h"
#include "shared/domain/survey.h"

namespace spoc::http {

namespace {

using nlohmann::json;

using namespace oas;  // Ref, Str, Int, Object, Ok, ...

json ErrorResponse(const char* description) { return Ok(description, "Error"); }

// The error responses every route can give, plus the ones named.
json Responses(json ok, std::initializer_list<std::pair<const char*, const char*>> errors) {
    json r = std::move(ok);
    for (const auto& [status, description] : errors) r[status] = ErrorResponse(description);
    r["500"] = ErrorResponse("Internal error (code internal).");
    return r;
}

void WorkspaceSchemas(json& s);  // below, with the workspace paths

}  // namespace

void WalkupSchemas(json& s);  // openapi_walkup.cpp
void WalkupPaths(json& paths);
void ReportSchemas(json& s);  // openapi_reports.cpp
void ReportPaths(json& paths);

namespace {

json Schemas() {
    json s;
    s["Error"] = Object(
        {{"error",
          Object({{"code", StrEnum({"bad_request", "invalid_json", "validation_failed", "unauthenticated",
                                    "invalid_credentials", "forbidden", "csrf_failed", "not_found",
                                    "method_not_allowed", "conflict", "idempotency_conflict", "payload_too_large",
                                    "unsupported_media", "rate_limited", "internal", "unavailable"})},
                  {"message", Str()},
                  {"field", Str()},
                  {"details", ArrayOf(Object({{"field", Str()}, {"message", Str()}}, {"field", "message"}))}},
                 {"code", "message"})}},
        {"error"});
    s["SignIn"] = Object({{"username", json{{"type", "string"}, {"maxLength", limits::kMaxUsername}}},
                          {"password", json{{"type", "string"}, {"maxLength", limits::kMaxPassword}}}},
                         {"username", "password"});
    s["User"] = Object({{"id", Int()},
                        {"username", Str()},
                        {"display_name", Str()},
                        {"email", Str()},
                        {"role", StrEnum({"employee", "agent", "admin"})},
                        {"department", Str()},
                        {"time_zone", Str()},
                        {"locale", Str()}},
                       {"id", "username", "role"});
    s["Me"] = Object({{"user", Ref("User")}, {"csrf_token", Str()}}, {"user", "csrf_token"});
    s["MePatch"] = Object({{"locale", StrEnum({"", "en", "de", "fr", "ja", "ar"})}}, {"locale"});
    s["FieldDef"] = Object(
        {{"key", Str()},
         {"label", Str()},
         {"type", StrEnum({"short_text", "long_text", "single_choice", "multi_choice", "number", "date", "checkbox"})},
         {"required", Bool()},
         {"help", Str()},
         {"placeholder", Str()},
         {"options", ArrayOf(Object({{"value", Str()}, {"label", Str()}}, {"value", "label"}))},
         {"min", json{{"type", "number"}}},
         {"max", json{{"type", "number"}}},
         {"integer", Bool()},
         {"min_length", Int()},
         {"max_length", Int()},
         {"min_date", Str()},
         {"max_date", Str()},
         {"pattern", Str()},
         {"pattern_message", Str()},
         {"default", Str()},
         {"visible_when", Object({{"field", Str()}, {"equals", Str()}}, {"field", "equals"})}},
        {"key", "label", "type"});
    json item = {{"id", Int()},
                 {"department", Str()},
                 {"category", Str()},
                 {"title", Str()},
                 {"summary", Str()},
                 {"description", Str()},
                 {"icon", Str()},
                 {"type", StrEnum({"incident", "service_request"})},
                 {"impact", StrEnum({"high", "medium", "low"})},
                 {"urgency", StrEnum({"high", "medium", "low"})},
                 {"ask_urgency", Bool()},
                 {"requires_approval", Bool()},
                 {"approval",
                  json{{"type", "object"},
                       {"description",
                        "Definitions only: {steps:[{kind: manager|group, group, quorum: any|all, when:[{field, in:[values]}]}], "
                        "hold_until_approved, remind_after_hours}. A step applies when every condition on the form holds."}}},
                 {"fulfillment", Str()},
                 {"keywords", ArrayOf(Str())},
                 {"sort", Int()}};
    s["CatalogSummary"] = Object(item, {"id", "department", "title"});
    item["fields"] = ArrayOf(Ref("FieldDef"));
    s["CatalogItem"] = Object(item, {"id", "department", "title", "fields"});
    s["CatalogList"] = Object({{"items", ArrayOf(Ref("CatalogSummary"))}}, {"items"});
    s["FormValues"] = json{{"type", "object"},
                           {"description", "Field key -> string, number, boolean, array of strings or null."},
                           {"additionalProperties", true}};
    s["Draft"] = Object({{"catalog_item_id", Int()},
                         {"summary", json{{"type", "string"}, {"maxLength", limits::kMaxSummary}}},
                         {"description", json{{"type", "string"}, {"maxLength", limits::kMaxDescription}}},
                         {"urgency", StrEnum({"high", "medium", "low"})},
                         {"values", Ref("FormValues")}},
                        {"catalog_item_id"});
    s["Comment"] = Object({{"id", Int()},
                           {"author_id", Int()},
                           {"author_name", Str()},
                           {"author_role", StrEnum({"employee", "agent", "admin"})},
                           {"body", Str()},
                           {"internal", Bool()},
                           {"created_at", Time()}},
                          {"id", "body", "created_at"});
    s["CommentBody"] = Object({{"body", json{{"type", "string"}, {"maxLength", limits::kMaxComment}}},
                               {"internal", json{{"type", "boolean"}, {"description", "Agents and admins only."}}}},
                              {"body"});
    s["SurveyBody"] =
        Object({{"score", json{{"type", "integer"}, {"minimum", 1}, {"maximum", 5}, {"description", "1 very dissatisfied .. 5 very satisfied."}}},
                {"effort", json{{"type", "integer"}, {"minimum", 1}, {"maximum", 5}, {"description", "Optional: how easy it was to get help (CES), 1 very difficult .. 5 very easy."}}},
                {"comment", json{{"type", "string"}, {"maxLength", survey::kMaxComment}}}},
               {"score"});
    s["Survey"] = Object({{"score", Int()}, {"effort", Int()}, {"comment", Str()}, {"answered_at", Time()}, {"updated_at", Time()}},
                         {"score"});
    s["Request"] =
        Object({{"id", Int()},
                {"number", Str()},
                {"type", StrEnum({"incident", "service_request"})},
                {"status", StrEnum({"new", "assigned", "in_progress", "pending", "resolved", "closed", "cancelled"})},
                {"impact", StrEnum({"high", "medium", "low"})},
                {"urgency", StrEnum({"high", "medium", "low"})},
                {"priority", StrEnum({"critical", "high", "moderate", "low", "planning"})},
                {"requester_id", Int()},
                {"requester_name", Str()},
                {"catalog_item_id", Int()},
                {"catalog_item_title", Str()},
                {"department", Str()},
                {"summary", Str()},
                {"description", Str()},
                {"created_at", Time()},
                {"updated_at", Time()},
                {"version", Int()},
                {"comment_count", Int()},
                {"form", Ref("FormValues")},
                {"comments", ArrayOf(Ref("Comment"))},
                {"group_id", Int()},
                {"group_name", Str()},
                {"assignee_id", Int()},
                {"assignee_name", Str()},
                {"assignee_first_name", json{{"type", "string"}, {"description", "What employees are shown: \"Ava\"."}}},
                {"pending_reason", StrEnum({"requester", "vendor", "change"})},
                {"first_response_at", Time()},
                {"resolved_at", Time()},
                {"closed_at", Time()},
                {"response_due_at", Time()},
                {"resolution_due_at", Time()},
                {"sla_policy", Str()},
                {"resolution_note",
                 json{{"type", "string"}, {"description", "Public: what was done, given when it was resolved."}}},
                {"resolved_by_id", Int()},
                {"resolved_by_name",
                 json{{"type", "string"}, {"description", "Who resolved it: the full name for staff, the first name for employees."}}},
                {"cancel_reason", json{{"type", "string"}, {"description", "Public: why it was cancelled."}}},
                {"survey", Ref("Survey")}},
               {"id", "number", "status", "summary", "created_at", "updated_at"});
    s["RequestPage"] =
        Object({{"items", ArrayOf(Ref("Request"))}, {"total", Int()}, {"page", Int()}, {"page_size", Int()}},
               {"items", "total", "page", "page_size"});
    s["Health"] = Object({{"status", StrEnum({"ok"})}}, {"status"});
    s["RequestPatch"] = Object({{"base_version", Int()},
                                {"status", StrEnum({"new", "assigned", "in_progress", "pending", "resolved", "closed", "cancelled"})},
                                {"pending_reason", StrEnum({"none", "requester", "vendor", "change"})},
                                {"assignee_id", json{{"type", "integer"}, {"description", "0 or null unassigns."}}},
                                {"group_id", Int()},
                                {"impact", StrEnum({"high", "medium", "low"})},
                                {"urgency", StrEnum({"high", "medium", "low"})},
                                {"resolution_note", json{{"type", "string"},
                                                         {"maxLength", limits::kMaxResolutionNote},
                                                         {"description", "Only with status resolved. Public."}}},
                                {"cancel_reason", json{{"type", "string"},
                                                       {"maxLength", limits::kMaxCancelReason},
                                                       {"description", "Only with status cancelled. Public."}}}},
                               {"base_version"});
    s["PresenceBody"] = Object({{"state", StrEnum({"viewing", "replying", "left"})}}, {"state"});
    s["PresenceAnswer"] = Object({{"viewers", ArrayOf(Object({{"request_id", Int()},
                                                              {"user_id", Int()},
                                                              {"name", Str()},
                                                              {"state", StrEnum({"viewing", "replying"})}}))}});
    s["History"] = Object({{"items", ArrayOf(Object({{"id", Int()},
                                                    {"at", Time()},
                                                    {"actor_id", Int()},
                                                    {"actor_name", Str()},
                                                    {"field", Str()},
                                                    {"old", Str()},
                                                    {"new", Str()}},
                                                   {"id", "at", "field"}))}},
                          {"items"});

    // Agents' availability and notifications (shared/api/agent_dto.cpp).
    s["AgentSelf"] = Object({{"available", Bool()},
                             {"groups", ArrayOf(Object({{"id", Int()},
                                                        {"name", Str()},
                                                        {"lead", json{{"type", "boolean"}, {"description", "The caller leads it."}}},
                                                        {"member", Bool()}},
                                                       {"id", "name", "lead", "member"}))}},
                            {"available", "groups"});
    s["Availability"] = Object({{"available", Bool()}}, {"available"});
    s["GroupDirectory"] = Object(
        {{"groups",
          ArrayOf(Object({{"id", Int()},
                          {"name", Str()},
                          {"lead_id", json{{"type", "integer"}, {"format", "int64"}, {"description", "Absent: no lead."}}},
                          {"agents", ArrayOf(Object({{"id", Int()}, {"name", Str()}, {"available", Bool()}},
                                                    {"id", "name", "available"}))}},
                         {"id", "name", "agents"}))}},
        {"groups"});
    s["Notification"] = Object({{"id", Int()},
                                {"kind", StrEnum({"sla_breach"})},
                                {"text", Str()},
                                {"request_id", Int()},
                                {"request_number", Str()},
                                {"created_at", Time()},
                                {"read_at", json{{"type", "string"}, {"format", "date-time"}, {"description", "Absent while unread."}}}},
                               {"id", "kind", "text", "created_at"});
    s["NotificationPage"] = Object({{"items", ArrayOf(Ref("Notification"))},
                                    {"unread", json{{"type", "integer"}, {"description", "All of the caller's unread ones."}}},
                                    {"next_before", json{{"type", "integer"}, {"description", "?before= for the next page; absent at the end."}}}},
                                   {"items", "unread"});

    // Knowledge base (shared/api/kb_dto.cpp).
    json content = {{"title", json{{"type", "string"}, {"maxLength", kMaxArticleTitle}}},
                    {"body", json{{"type", "string"}, {"description", "Markdown subset."}}},
                    {"category", Str()},
                    {"tags", ArrayOf(Str())},
                    {"audience", StrEnum({"everyone", "agents"})},
                    {"review_by", json{{"type", "string"}, {"description", "YYYY-MM-DD or empty."}}}};
    json write = content;
    write["base_version"] = json{{"type", "integer"}, {"description", "PUT: the version the edit started from."}};
    s["ArticleWrite"] = Object(write, {"title", "body"});
    json article = content;
    for (const char* key : {"id", "owner_id", "version", "helpful", "not_helpful", "views", "deflections"}) article[key] = Int();
    article["state"] = StrEnum({"draft", "in_review", "published", "retired"});
    article["owner_name"] = Str();
    article["updated_by_name"] = Str();
    article["created_at"] = Time();
    article["updated_at"] = Time();
    article["published_at"] = Time();
    s["Article"] = Object(article, {"id", "title", "state", "version"});
    s["ArticlePage"] = Object({{"items", ArrayOf(Ref("Article"))}, {"total", Int()}}, {"items", "total"});
    json version = content;
    version["version"] = Int();
    version["author_id"] = Int();
    version["author_name"] = Str();
    version["at"] = Time();
    version["state"] = StrEnum({"draft", "in_review", "published", "retired"});
    version["change"] = Str();
    s["ArticleVersions"] = Object({{"items", ArrayOf(Object(version, {"version", "at"}))}}, {"items"});
    s["StateChange"] = Object({{"state", StrEnum({"draft", "in_review", "published", "retired"})}, {"base_version", Int()}},
                              {"state", "base_version"});
    s["Feedback"] = Object({{"helpful", Bool()}, {"comment", json{{"type", "string"}, {"maxLength", kMaxFeedbackComment}}}},
                           {"helpful"});
    s["Deflection"] = Object({{"article_id", Int()}, {"catalog_item_id", Int()}, {"query", Str()}}, {"article_id"});
    s["KbIndex"] = Object({{"version", Str()},
                           {"articles", ArrayOf(Object({{"id", Int()},
                                                        {"title", Str()},
                                                        {"category", Str()},
                                                        {"tags", ArrayOf(Str())},
                                                        {"text", Str()},
                                                        {"audience", StrEnum({"everyone", "agents"})},
                                                        {"updated_at", Time()}},
                                                       {"id", "title"}))},
                           {"synonyms", ArrayOf(ArrayOf(Str()))}},
                          {"version", "articles"});
    s["KbSearch"] = Object({{"query", Str()},
                            {"items", ArrayOf(Object({{"id", Int()},
                                                      {"title", Str()},
                                                      {"category", Str()},
                                                      {"snippet", Str()},
                                                      {"snippet_html", json{{"type", "string"}, {"description", "HTML-escaped, matches in <mark>."}}},
                                                      {"score", json{{"type", "number"}}}},
                                                     {"id", "title"}))}},
                           {"items"});
    json stat = Object({{"id", Int()}, {"title", Str()}, {"deflections", Int()}, {"views", Int()}, {"helpful", Int()},
                        {"not_helpful", Int()}});
    s["KbStats"] = Object({{"deflections_total", Int()},
                           {"deflections_30d", Int()},
                           {"articles_published", Int()},
                           {"views_total", Int()},
                           {"top_deflecting", ArrayOf(stat)},
                           {"most_helpful", ArrayOf(stat)},
                           {"recent_feedback", ArrayOf(Object({{"article_id", Int()},
                                                               {"title", Str()},
                                                               {"helpful", Bool()},
                                                               {"comment", Str()},
                                                               {"user_name", Str()},
                                                               {"at", Time()}}))}},
                          {"deflections_total"});
    s["Synonyms"] = Object({{"text", json{{"type", "string"}, {"description", "One 'a = b' pair per line; # comments."}}}},
                           {"text"});
    WorkspaceSchemas(s);
    WalkupSchemas(s);
    ReportSchemas(s);
    return s;
}

json IdParam(const char* what) {
    return json{{"name", "id"},
                {"in", "path"},
                {"required", true},
                {"description", what},
                {"schema", {{"type", "integer"}, {"minimum", 1}}}};
}

json QueryParam(const char* name, const char* what) {
    return json{{"name", name}, {"in", "query"}, {"required", false}, {"description", what}};
}

json Operation(const char* summary, json responses, bool session = true) {
    json op = {{"summary", summary}, {"responses", std::move(responses)}};
    if (!session) op["security"] = json::array();
    return op;
}

// [SECTION] Ticket workspace (shared/api/workspace_dto.cpp)

void WorkspaceSchemas(json& s) {
    s["CannedWrite"] = Object({{"title", json{{"type", "string"}, {"maxLength", kMaxCannedTitle}}},
                               {"body", json{{"type", "string"},
                                             {"maxLength", limits::kMaxComment},
                                             {"description", "Text with {{placeholders}}; unknown names are refused (422)."}}},
                               {"group_id", json{{"type", "integer"}, {"description", "Assignment group; 0 = everyone."}}}},
                              {"title", "body"});
    s["Canned"] = Object({{"id", Int()},
                          {"title", Str()},
                          {"body", Str()},
                          {"group_id", Int()},
                          {"group_name", Str()},
                          {"updated_at", Time()}},
                         {"id", "title", "body", "group_id"});
    s["CannedList"] = Object({{"items", ArrayOf(Ref("Canned"))},
                              {"placeholders", json{{"type", "array"},
                                                    {"items", Str()},
                                                    {"description", "Every placeholder name, e.g. requester.first_name."}}}},
                             {"items", "placeholders"});
    s["CannedExpansion"] = Object({{"canned_id", Int()},
                                   {"title", Str()},
                                   {"text", json{{"type", "string"}, {"maxLength", limits::kMaxComment}}},
                                   {"unknown", ArrayOf(Str())},
                                   {"truncated", Bool()}},
                                  {"canned_id", "text", "unknown", "truncated"});
    json brief = {{"id", Int()},
                  {"number", Str()},
                  {"summary", Str()},
                  {"status", StrEnum({"new", "assigned", "in_progress", "pending", "resolved", "closed", "cancelled"})},
                  {"priority", StrEnum({"critical", "high", "moderate", "low", "planning"})},
                  {"created_at", Time()},
                  {"updated_at", Time()},
                  {"assignee_name", Str()}};
    s["RequestBrief"] = Object(brief, {"id", "number", "summary", "status"});
    json link = brief;
    link["kind"] = StrEnum({"relates", "duplicate_of"});
    link["direction"] = json{{"type", "string"},
                             {"enum", {"outgoing", "incoming"}},
                             {"description", "outgoing: this request is the first end (duplicate_of: it is the duplicate)."}};
    s["LinkedRequest"] = Object(link, {"id", "number", "status", "kind", "direction"});
    s["Links"] = Object({{"links", ArrayOf(Ref("LinkedRequest"))}}, {"links"});
    s["Related"] = Object({{"requester", Object({{"id", Int()},
                                                 {"name", Str()},
                                                 {"username", Str()},
                                                 {"email", Str()},
                                                 {"department", Str()},
                                                 {"time_zone", Str()},
                                                 {"role", StrEnum({"employee", "agent", "admin"})}},
                                                {"id", "name"})},
                           {"other_total", Int()},
                           {"other_requests", ArrayOf(Ref("RequestBrief"))},
                           {"links", ArrayOf(Ref("LinkedRequest"))}},
                          {"requester", "other_total", "other_requests", "links"});
    s["LinkBody"] = Object({{"other_id", Int()}, {"kind", StrEnum({"relates"})}}, {"other_id"});
    s["MergeBody"] = Object({{"into_id", Int()}, {"base_version", Int()}}, {"into_id", "base_version"});
    s["MergeResult"] = Object({{"source", Ref("Request")}, {"target", Ref("Request")}}, {"source", "target"});
    s["BulkUpdate"] = Object(
        {{"ids", json{{"type", "array"}, {"items", Int()}, {"minItems", 1}, {"maxItems", limits::kMaxBulkIds}}},
         {"patch", Object({{"status", StrEnum({"new", "assigned", "in_progress", "pending", "resolved", "closed", "cancelled"})},
                           {"pending_reason", StrEnum({"none", "requester", "vendor", "change"})},
                           {"assignee_id", json{{"type", "integer"}, {"description", "0 or null unassigns."}}},
                           {"group_id", Int()}})}},
        {"ids", "patch"});
    s["BulkResult"] = Object({{"results", ArrayOf(Object({{"id", Int()},
                                                          {"ok", Bool()},
                                                          {"version", Int()},
                                                          {"error", json{{"type", "object"},
                                                                         {"properties",
                                                                          {{"code", Str()}, {"message", Str()}, {"field", Str()}}}}}},
                                                         {"id", "ok"}))},
                              {"succeeded", Int()},
                              {"failed", Int()}},
                             {"results", "succeeded", "failed"});
}

void WorkspacePaths(json& paths) {
    using namespace routes;
    const std::string request = std::string(kRequests) + "/{id}";
    auto op = [](const char* summary, json ok, std::initializer_list<std::pair<const char*, const char*>> errors) {
        return Operation(summary, Responses(std::move(ok), errors));
    };
    auto id_param = [](const char* name, const char* what) {
        json p = IdParam(what);
        p["name"] = name;
        return p;
    };

    paths[kCanned]["get"] = op("Canned responses the caller may use: for everyone and the caller's groups (admins: all).",
                               {{"200", Ok("By title.", "CannedList")}}, {{"401", "No valid session."}, {"403", "Employees."}});
    json create = op("Add a canned response (agents: for everyone or one of their groups).",
                     {{"201", Ok("Created; Location names it.", "Canned")}},
                     {{"400", "Malformed body."},
                      {"401", "No valid session."},
                      {"403", "Employees, or CSRF failure."},
                      {"409", "The store holds 500 already (conflict)."},
                      {"422", "Title, text, unknown placeholders (named) or group (validation_failed, details)."}});
    create["requestBody"] = {{"required", true}, {"content", JsonBody("CannedWrite")}};
    paths[kCanned]["post"] = create;
    const std::string canned = std::string(kCanned) + "/{id}";
    json update = op("Replace a canned response's title, text and group.", {{"200", Ok("The response.", "Canned")}},
                     {{"400", "Malformed body."},
                      {"401", "No valid session."},
                      {"403", "Employees, or CSRF failure."},
                      {"404", "No such canned response (or not for your groups)."},
                      {"422", "As for POST."}});
    update["parameters"] = json::array({IdParam("Canned response id.")});
    update["requestBody"] = {{"required", true}, {"content", JsonBody("CannedWrite")}};
    paths[canned]["put"] = update;
    json remove = op("Delete a canned response.", {{"204", {{"description", "Deleted."}}}},
                     {{"401", "No valid session."},
                      {"403", "Employees, or CSRF failure."},
                      {"404", "No such canned response (or not for your groups)."}});
    remove["parameters"] = json::array({IdParam("Canned response id.")});
    paths[canned]["delete"] = remove;
    json expand = op("A canned response expanded for this request and the caller (shared ExpandPlaceholders: the "
                     "browser gets the same text by expanding locally).",
                     {{"200", Ok("The text; unknown placeholders are listed and left in it.", "CannedExpansion")}},
                     {{"401", "No valid session."},
                      {"403", "Employees, on their own request."},
                      {"404", "No such request (or, for employees, not theirs), or no such canned response."}});
    expand["parameters"] = json::array({IdParam("Request id."), id_param("cid", "Canned response id.")});
    paths[request + "/canned/{cid}"]["get"] = expand;

    json related = op("The requester, their newest other requests (20, with the total) and this request's links.",
                      {{"200", Ok("Staff only; never internal notes.", "Related")}},
                      {{"401", "No valid session."},
                       {"403", "Employees, on their own request."},
                       {"404", "No such request (or, for employees, not theirs)."}});
    related["parameters"] = json::array({IdParam("Request id.")});
    paths[request + "/related"]["get"] = related;
    json link = op("Link two requests ('relates'; duplicates are marked by merging).",
                   {{"201", Ok("Linked; this request's links.", "Links")},
                    {"200", Ok("They were linked already; nothing changed.", "Links")}},
                   {{"400", "Malformed body."},
                    {"401", "No valid session."},
                    {"403", "Employees (on their own request), or CSRF failure."},
                    {"404", "No such request (or, for employees, not theirs)."},
                    {"409", "A request already has 50 links."},
                    {"422", "Linked to itself, kind duplicate_of, or no such other request (field other_id / kind)."}});
    link["parameters"] = json::array({IdParam("Request id.")});
    link["requestBody"] = {{"required", true}, {"content", JsonBody("LinkBody")}};
    paths[request + "/links"]["post"] = link;
    json unlink = op("Remove the link between two requests (either direction). A merge's duplicate_of link stays.",
                     {{"204", {{"description", "Unlinked."}}}},
                     {{"401", "No valid session."},
                      {"403", "Employees (on their own request), or CSRF failure."},
                      {"404", "Not linked, or no such request (employees: or not theirs)."},
                      {"422", "A duplicate_of link (field other_id)."}});
    unlink["parameters"] = json::array({IdParam("Request id."), id_param("other", "The other request's id.")});
    paths[request + "/links/{other}"]["delete"] = unlink;
    json merge = op("Merge this request into another: it gets the public reply \"Merged into #N\", a duplicate_of "
                    "link and Closed (version + 1, history); the other gets an internal note naming it.",
                    {{"200", Ok("Both requests after the merge.", "MergeResult")}},
                    {{"400", "Malformed body."},
                     {"401", "No valid session."},
                     {"403", "Employees (on their own request), or CSRF failure."},
                     {"404", "No such request (or, for employees, not theirs)."},
                     {"409", "base_version is stale (field base_version), or a comment limit is reached."},
                     {"422", "Into itself, into a closed/cancelled or missing request, or around a loop of merges "
                             "(field into_id); this request already closed (field status)."}});
    merge["parameters"] = json::array({IdParam("Request id.")});
    merge["requestBody"] = {{"required", true}, {"content", JsonBody("MergeBody")}};
    paths[request + "/merge"]["post"] = merge;
    json bulk = op("One change (status, pending reason, assignee, group) to up to 200 requests, in one transaction. "
                   "Each id is checked on its own like PATCH against its current version; refused ones change "
                   "nothing and are reported with their error.",
                   {{"200", Ok("One result per id, in order.", "BulkResult")}},
                   {{"400", "Malformed body: ids (1-200, positive, distinct) or patch (field names which)."},
                    {"401", "No valid session."},
                    {"403", "Employees, or CSRF failure."}});
    bulk["requestBody"] = {{"required", true}, {"content", JsonBody("BulkUpdate")}};
    paths[kRequestsBulk]["post"] = bulk;
}

}  // namespace

std::string OpenApiDocument() {
    using namespace routes;
    json paths;
    const std::string catalog_item = std::string(kCatalog) + "/{id}";
    const std::string request = std::string(kRequests) + "/{id}";
    const std::string comments = request + "/comments";

    json sign_in =
        Operation("Sign in. Sets the spoc_session cookie (HttpOnly; SameSite=Strict) and returns the CSRF token.",
                  Responses({{"200", Ok("Signed in.", "Me")}},
                            {{"400", "Malformed body (bad_request, invalid_json)."},
                             {"401", "Wrong username or password (invalid_credentials)."},
                             {"403", "Origin header names another site (csrf_failed)."},
                             {"413", "Body too large."},
                             {"415", "Body is not application/json."},
                             {"422", "Empty or oversize username/password (validation_failed)."},
                             {"429",
                              "Five failures (or attempts in flight) for this username, or twenty from this client "
                              "address, within 60 s (rate_limited)."},
                             {"503", "No password-hashing turn within 250 ms (unavailable); Retry-After: 1."}}),
                  false);
    sign_in["requestBody"] = {{"required", true}, {"content", JsonBody("SignIn")}};
    paths[kSession]["post"] = sign_in;
    paths[kSession]["delete"] = Operation(
        "Sign out: deletes the session and clears the cookie.",
        Responses({{"204", {{"description", "Signed out."}}}},
                  {{"401", "No valid session."}, {"403", "Missing or wrong X-CSRF-Token, or foreign Origin."}}));

    paths[kMe]["get"] = Operation("The signed-in user and this session's CSRF token.",
                                  Responses({{"200", Ok("The caller.", "Me")}}, {{"401", "No valid session."}}));
    json patch_me = Operation("Sets the caller's UI language (locale; \"\" follows the browser again).",
                              Responses({{"200", Ok("The caller, with the new locale.", "Me")}},
                                        {{"401", "No valid session."}, {"403", "Missing or wrong X-CSRF-Token, or foreign Origin."},
                                         {"422", "Not one of the languages Spoc offers."}}));
    patch_me["requestBody"] = {{"required", true}, {"content", JsonBody("MePatch")}};
    paths[kMe]["patch"] = patch_me;

    paths[kCatalog]["get"] =
        Operation("Active catalog items (without fields), by department then sort order.",
                  Responses({{"200", Ok("The catalog.", "CatalogList")}}, {{"401", "No valid session."}}));
    json get_item = Operation("One active catalog item with its form fields.",
                              Responses({{"200", Ok("The item.", "CatalogItem")}},
                                        {{"401", "No valid session."}, {"404", "No such active item."}}));
    get_item["parameters"] = json::array({IdParam("Catalog item id.")});
    paths[catalog_item]["get"] = get_item;

    json list = Operation(
        "The caller's own requests, most recently updated first.",
        Responses({{"200", Ok("One page.", "RequestPage")}},
                  {{"400", "Bad status, page or page_size (field names which)."}, {"401", "No valid session."}}));
    list["parameters"] = json::array({{{"name", "status"},
                                       {"in", "query"},
                                       {"description", "all (default), open, done, or one status name."},
                                       {"schema", {{"type", "string"}}}},
                                      {{"name", "page"},
                                       {"in", "query"},
                                       {"description", "1-based page number."},
                                       {"schema", {{"type", "integer"}, {"minimum", 1}, {"default", 1}}}},
                                      {{"name", "page_size"},
                                       {"in", "query"},
                                       {"schema",
                                        {{"type", "integer"},
                                         {"minimum", 1},
                                         {"maximum", limits::kMaxPageSize},
                                         {"default", limits::kDefaultPageSize}}}}});
    paths[kRequests]["get"] = list;

    json create =
        Operation("Submit a catalog form. Validated by the same rules the browser runs (shared ValidateDraft).",
                  Responses({{"201",
                              {{"description", "Created (or, for a retried Idempotency-Key, the first answer again)."},
                               {"headers", {{"Location", {{"schema", {{"type", "string"}}}}}}},
                               {"content", JsonBody("Request")}}}},
                            {{"400", "Malformed body or Idempotency-Key (bad_request, invalid_json)."},
                             {"401", "No valid session."},
                             {"403", "Missing or wrong X-CSRF-Token, or foreign Origin (csrf_failed)."},
                             {"404", "No such catalog item (field catalog_item_id)."},
                             {"413", "Body too large."},
                             {"415", "Body is not application/json."},
                             {"422", "validation_failed with every problem in details, or idempotency_conflict."}}));
    create["parameters"] =
        json::array({{{"name", "Idempotency-Key"},
                      {"in", "header"},
                      {"description", "Optional; up to 128 printable ASCII characters, scoped to the caller."},
                      {"schema", {{"type", "string"}, {"maxLength", limits::kMaxIdempotencyKey}}}}});
    create["requestBody"] = {{"required", true}, {"content", JsonBody("Draft")}};
    paths[kRequests]["post"] = create;

    json get_request =
        Operation("One request with its conversation. Employees see only their own and never internal notes.",
                  Responses({{"200", Ok("The request.", "Request")}},
                            {{"401", "No valid session."}, {"404", "No such request (or not yours)."}}));
    get_request["parameters"] = json::array({IdParam("Request id.")});
    paths[request]["get"] = get_request;

    json comment = Operation("Add a reply; agents and admins may add internal notes.",
                             Responses({{"201", Ok("The new comment.", "Comment")}},
                                       {{"400", "Malformed body."},
                                        {"401", "No valid session."},
                                        {"403", "CSRF/Origin failure, or an employee asking for an internal note."},
                                        {"404", "No such request (or not yours)."},
                                        {"409", "The request already holds 500 comments (conflict)."},
                                        {"413", "Body too large."},
                                        {"415", "Body is not application/json."},
                                        {"422", "Empty or oversize body (validation_failed)."}}));
    comment["parameters"] = json::array({IdParam("Request id.")});
    comment["requestBody"] = {{"required", true}, {"content", JsonBody("CommentBody")}};
    paths[comments]["post"] = comment;

    json survey = Operation(
        "The requester's satisfaction survey: a first answer once the request is resolved (within 30 days), or a "
        "change within 7 days of the first answer.",
        Responses({{"200", Ok("The request with its survey.", "Request")}},
                  {{"401", "No valid session."},
                   {"403", "CSRF/Origin failure, or staff answering for someone else's request."},
                   {"404", "No such request (or not yours)."},
                   {"409", "Not resolved yet, or the survey is closed."},
                   {"422", "Score, effort or comment out of range (validation_failed, field named)."}}));
    survey["parameters"] = json::array({IdParam("Request id.")});

    // Approvals.
    json decide = Operation(
        "Approve or reject the pending approval step: its approvers and their delegates (never the requester). The "
        "last approval routes and assigns the request and starts its SLA clocks; a rejection cancels it with the reason.",
        Responses({{"200", Ok("The request as it is now.", "Request")}},
                  {{"401", "No valid session."},
                   {"403", "CSRF/Origin failure, or not an approver of the pending step."},
                   {"404", "No such request (or not one the caller may see)."},
                   {"409", "Decided already (the other approver of an 'any one' step was first), stale base_version, or no approval."},
                   {"422", "A rejection without a reason, or a bad decision (validation_failed)."}}));
    decide["parameters"] = json::array({IdParam("Request id.")});
    decide["requestBody"] = {{"required", true},
                             {"content", {{"application/json", {{"schema", Object({{"decision", StrEnum({"approve", "reject"})},
                                                                                  {"comment", Str()},
                                                                                  {"base_version", Int()}},
                                                                                 {"decision", "base_version"})}}}}}};
    paths[request + "/approval"]["post"] = decide;
    json inbox = Operation("The requests waiting for the caller's decision (as an approver or a delegate), oldest first; total counts all.",
                           Responses({{"200", Ok("One page.", "RequestPage")}}, {{"400", "Bad limit."}, {"401", "No valid session."}}));
    paths[routes::kApprovals]["get"] = inbox;
    json delegations = Operation("The caller's delegations (from and to them) that have not ended.",
                                 Responses({{"200", {{"description", "{items:[{id, from_id, from_name, to_id, to_name, starts_at, ends_at}]}"}}}},
                                           {{"401", "No valid session."}}));
    paths[routes::kDelegations]["get"] = delegations;
    json delegate = Operation("Someone approves for the caller from starts_at until ends_at (at most 90 days).",
                              Responses({{"201", {{"description", "The delegation."}}}},
                                        {{"401", "No valid session."}, {"403", "CSRF/Origin failure."},
                                         {"409", "Too many delegations."}, {"422", "Unknown user, the caller, or bad times."}}));
    delegate["requestBody"] = {{"required", true},
                               {"content", {{"application/json", {{"schema", Object({{"to", Str()}, {"starts_at", Time()}, {"ends_at", Time()}},
                                                                                   {"to", "starts_at", "ends_at"})}}}}}};
    paths[routes::kDelegations]["post"] = delegate;
    json end = Operation("Ends one of the caller's delegations now.",
                         Responses({{"204", {{"description", "Ended."}}}}, {{"401", "No valid session."}, {"404", "Not theirs, or none."}}));
    end["parameters"] = json::array({IdParam("Delegation id.")});
    paths[std::string(routes::kDelegations) + "/{id}"]["delete"] = end;
    json manager = Operation("(admin) Sets a user's manager, who approves their manager steps.",
                             Responses({{"204", {{"description", "Set."}}}},
                                       {{"401", "No valid session."}, {"403", "Not an admin."}, {"404", "No such user."},
                                        {"422", "Unknown manager, or the user themselves."}}));
    manager["parameters"] = json::array({IdParam("User id.")});
    manager["requestBody"] = {{"required", true},
                              {"content", {{"application/json", {{"schema", Object({{"manager_id", Int()}}, {"manager_id"})}}}}}};
    paths[std::string(routes::kUsers) + "/{id}/manager"]["put"] = manager;
    json people = Operation("(admin) People whose name, username or department contains q, by name, with department and manager.",
                            Responses({{"200", {{"description", "{items:[{id, username, display_name, role, department, manager_id?, "
                                                                "manager_username?, manager_name?}], total, page, page_size}"}}}},
                                      {{"400", "Bad page or q."}, {"401", "No valid session."}, {"403", "Not an admin."}}));
    people["parameters"] = json::array({QueryParam("q", "Contained in the name, username or department (any case)."),
                                        QueryParam("page", "1-based page."), QueryParam("page_size", "1..100, default 25.")});
    paths[routes::kUsers]["get"] = people;
    json person = Operation("(admin) Changes a person's department and/or manager (by username; \"\" for none). Audited.",
                            Responses({{"200", {{"description", "The person."}}}},
                                      {{"401", "No valid session."}, {"403", "Not an admin, or CSRF/Origin failure."},
                                       {"404", "No such user."}, {"422", "Bad department, unknown manager, themselves, or a loop."}}));
    person["parameters"] = json::array({IdParam("User id.")});
    person["requestBody"] = {{"required", true},
                             {"content", {{"application/json", {{"schema", Object({{"department", Str()}, {"manager", Str()}})}}}}}};
    paths[std::string(routes::kUsers) + "/{id}"]["patch"] = person;
    survey["requestBody"] = {{"required", true}, {"content", JsonBody("SurveyBody")}};
    paths[request + "/survey"]["put"] = survey;

    // Attachments.
    json upload = Operation(
        "Uploads one file (the raw bytes as the body, streamed to disk) as a staged attachment of the caller's: link it "
        "with \"attachments\":[id] on a new request or a comment within 24 hours. Its type comes from its bytes "
        "(pictures, PDF, Office, ZIP, plain text), not its name.",
        Responses({{"201", {{"description", "{id, name, mime, size, image, created_at}"}}}},
                  {{"400", "Bad name, or the upload was cut short."}, {"401", "No valid session."},
                   {"403", "CSRF/Origin failure."}, {"413", "Larger than the per-file limit (25 MB by default)."},
                   {"415", "Not an allowed type of file."}, {"422", "An empty file."}}));
    upload["parameters"] = json::array({{{"name", "name"}, {"in", "query"}, {"required", true}, {"schema", Str()},
                                         {"description", "The file's name (cleaned of paths; the extension follows the type)."}}});
    upload["requestBody"] = {{"required", true}, {"content", {{"application/octet-stream", {{"schema", {{"type", "string"}, {"format", "binary"}}}}}}}};
    paths[routes::kUploads]["post"] = upload;
    json download = Operation(
        "A stored file, for whoever may read its request (an internal note's files: staff only; a staged upload: its "
        "uploader). Sent as a download; images with ?inline=1 inline. nosniff and a sandbox CSP.",
        Responses({{"200", {{"description", "The bytes, under their detected type."}}}},
                  {{"401", "No valid session."}, {"404", "No such file (or not one the caller may read)."}}));
    download["parameters"] = json::array({IdParam("Attachment id."), {{"name", "inline"}, {"in", "query"}, {"schema", Str()}}});
    paths[std::string(routes::kAttachments) + "/{id}"]["get"] = download;

    // Agent mode.
    json queue = Operation(
        "A queue view for agents and admins: open requests in the asked order (default: soonest resolution due "
        "first, undated last), narrowed by the filters, with the total of matching requests.",
        Responses({{"200", Ok("One page.", "RequestPage")}},
                  {{"400", "Bad view, sort, dir, filter, page or page_size (field names which)."},
                   {"401", "No valid session."},
                   {"403", "Employees."}}));
    auto query_param = [](const char* name, json schema, const char* description) {
        return json{{"name", name}, {"in", "query"}, {"description", description}, {"schema", std::move(schema)}};
    };
    queue["parameters"] = json::array(
        {query_param("view", StrEnum({"unassigned", "mine", "groups", "open", "breaching", "pending"}), "Default open."),
         query_param("sort", StrEnum({"due", "priority", "updated", "created", "id"}),
                     "Default due (resolution due time, undated last); priority: P1 first, then by due; ties by id."),
         query_param("dir", StrEnum({"asc", "desc"}), "Default asc; desc reverses the whole order."),
         query_param("priority", StrEnum({"critical", "high", "moderate", "low", "planning"}), "Only this priority."),
         query_param("status", StrEnum({"new", "assigned", "in_progress", "pending"}), "Only this (open) status."),
         query_param("group", Str(), "A group id, or none (no group)."),
         query_param("assignee", Str(), "A user id, me, or none (unassigned)."),
         query_param("q", json{{"type", "string"}, {"maxLength", limits::kMaxQueueSearch}},
                     "Summary contains this text (ASCII case-insensitive)."),
         query_param("report", StrEnum({"created", "resolved", "breached", "satisfied", "unsatisfied", "open"}),
                     "A report's bar or point: the requests it counts, in any status (view is ignored); needs rq. "
                     "open: created in rq's period and still open (a backlog-ageing bar)."),
         query_param("rq", Str(),
                     "With report: the report's query (from, to and filters of /reports), URL-encoded once more. "
                     "Agents are narrowed to their groups as in the reports."),
         query_param("format", StrEnum({"json", "csv"}),
                     "csv: every matching request (paging ignored) as a CSV file, streamed in id order; UTF-8 with "
                     "BOM, RFC 4180, text cells starting with = + - @ TAB or CR neutralised with a leading '."),
         query_param("page", json{{"type", "integer"}, {"minimum", 1}}, "1-based."),
         query_param("page_size", json{{"type", "integer"}, {"minimum", 1}, {"maximum", limits::kMaxPageSize}},
                     "Default 50.")});
    queue["responses"]["200"]["content"]["text/csv"] = {{"schema", Str()}};
    paths[kQueue]["get"] = queue;
    json history = Operation(
        "Every change to a request: who, when, field, old and new value (agents and admins).",
        Responses({{"200", Ok("Oldest first.", "History")}},
                  {{"401", "No valid session."}, {"403", "Employees."}, {"404", "No such request."}}));
    history["parameters"] = json::array({IdParam("Request id.")});
    paths[request + "/history"]["get"] = history;

    // Live updates.
    json events = Operation(
        "Live updates as server-sent events (text/event-stream). First block: event ready. Then event request "
        "{id, version, kind: created|updated|comment|note, status[, assignee_id, group_id, actor_id for staff]} "
        "and, for staff, event presence {request_id, user_id, name, state}. Staff get every request change; an "
        "employee only public changes (created, updated, comment) of their own requests, never a note or presence. "
        "Event resync: too far behind, re-read everything. Event signed_out: the session ended. A comment line "
        "every 15 s keeps the connection open. At most 8 streams per user and 1000 in all.",
        json{{"200", {{"description", "The stream (never ends by itself)."},
                      {"content", {{"text/event-stream", {{"schema", Str()}}}}}}},
             {"400", ErrorResponse("Bad Last-Event-ID / last_event_id.")},
             {"401", ErrorResponse("No valid session.")},
             {"429", ErrorResponse("This user already holds 8 streams (rate_limited).")},
             {"503", ErrorResponse("1000 streams open, or shutting down (unavailable).")},
             {"500", ErrorResponse("Internal error (code internal).")}});
    events["parameters"] = json::array(
        {json{{"name", "Last-Event-ID"},
              {"in", "header"},
              {"description", "Resume after this event id (EventSource sends it on reconnect)."},
              {"schema", {{"type", "integer"}, {"minimum", 0}}}},
         json{{"name", "last_event_id"},
              {"in", "query"},
              {"description", "The same, for a client opening a new stream."},
              {"schema", {{"type", "integer"}, {"minimum", 0}}}}});
    paths[kEvents]["get"] = events;
    json presence = Operation(
        "An agent says they are viewing or replying to a request, or left it (re-say every 10 s; silent viewers "
        "leave after 30 s). Other staff get a presence event when the state changes. Answers who else is there.",
        Responses({{"200", Ok("The other staff on the request now.", "PresenceAnswer")}},
                  {{"400", "state is not viewing, replying or left."},
                   {"401", "No valid session."},
                   {"403", "Employees; CSRF/Origin failure."},
                   {"404", "No such request."}}));
    presence["parameters"] = json::array({IdParam("Request id.")});
    presence["requestBody"] = {{"required", true}, {"content", JsonBody("PresenceBody")}};
    paths[request + "/presence"]["post"] = presence;
    json patch = Operation(
        "Change a request's status (lifecycle rules per role: employees may close their own resolved request or "
        "cancel their own new one), assignee, group, impact or urgency. base_version must be the current version.",
        Responses({{"200", Ok("The request after the change.", "Request")}},
                  {{"400", "Malformed body."},
                   {"401", "No valid session."},
                   {"403", "Not allowed for this role, or CSRF failure."},
                   {"404", "No such request (or not yours)."},
                   {"409", "Someone changed it meanwhile (conflict, field base_version)."},
                   {"422", "Not a lifecycle step, missing pending reason, unknown group or assignee."}}));
    patch["parameters"] = json::array({IdParam("Request id.")});
    patch["requestBody"] = {{"required", true}, {"content", JsonBody("RequestPatch")}};
    paths[request]["patch"] = patch;

    // Agents' availability and notifications.
    paths[kAgentsMe]["get"] = Operation(
        "The caller's availability for auto-assignment and the groups they lead or belong to (agents and admins).",
        Responses({{"200", Ok("The agent.", "AgentSelf")}}, {{"401", "No valid session."}, {"403", "Employees."}}));
    json availability = Operation(
        "Mark yourself available or away; round robin and least loaded skip agents who are away (agents and admins).",
        Responses({{"200", Ok("The agent after the change.", "AgentSelf")}},
                  {{"400", "Malformed body ('available' must be true or false)."},
                   {"401", "No valid session."},
                   {"403", "Employees, or CSRF failure."},
                   {"415", "Body is not application/json."}}));
    availability["requestBody"] = {{"required", true}, {"content", JsonBody("Availability")}};
    paths[kAgentsMeAvailability]["put"] = availability;
    paths[kGroups]["get"] = Operation(
        "Every assignment group by name, with its agents by name and whether each is available (agents and admins).",
        Responses({{"200", Ok("The directory.", "GroupDirectory")}}, {{"401", "No valid session."}, {"403", "Employees."}}));
    json notifications = Operation(
        "The caller's own notifications (SLA breaches escalated to them), newest first, with the unread count.",
        Responses({{"200", Ok("One page.", "NotificationPage")}}, {{"400", "Bad before or limit."}, {"401", "No valid session."}}));
    notifications["parameters"] = json::array(
        {{{"name", "before"}, {"in", "query"}, {"description", "Only ids below this (next_before of the previous page)."},
          {"schema", {{"type", "integer"}, {"minimum", 0}}}},
         {{"name", "limit"}, {"in", "query"}, {"schema", {{"type", "integer"}, {"minimum", 1}, {"maximum", 100}, {"default", 20}}}}});
    paths[kNotifications]["get"] = notifications;
    json read = Operation("Mark one of your notifications read (again: keeps the first time).",
                          Responses({{"200", Ok("The notification.", "Notification")}},
                                    {{"401", "No valid session."},
                                     {"403", "CSRF failure."},
                                     {"404", "No such notification (or not yours)."}}));
    read["parameters"] = json::array({IdParam("Notification id.")});
    paths[std::string(kNotifications) + "/{id}/read"]["post"] = read;

    // Knowledge base.
    const std::string article = std::string(kKbArticles) + "/{id}";
    auto with_id = [&](json op) {
        op["parameters"] = json::array({IdParam("Article id.")});
        return op;
    };
    auto with_body = [](json op, const char* schema) {
        op["requestBody"] = {{"required", true}, {"content", JsonBody(schema)}};
        return op;
    };
    json index = Operation(
        "The search index of every published article the caller may read (employees: audience everyone, not past its "
        "review date), with the synonym list. Revalidate with If-None-Match: an unchanged index is a 304.",
        Responses({{"200", Ok("The index; ETag header.", "KbIndex")}, {"304", {{"description", "Unchanged."}}}},
                  {{"401", "No valid session."}}));
    paths[kKbIndex]["get"] = index;
    json search = Operation("Search the articles the caller may read (same engine and ranking as the browser).",
                            Responses({{"200", Ok("Best first.", "KbSearch")}},
                                      {{"400", "q longer than 200 bytes or not UTF-8; bad limit (1-50)."},
                                       {"401", "No valid session."}}));
    search["parameters"] = json::array({{{"name", "q"}, {"in", "query"}, {"schema", {{"type", "string"}}}},
                                        {{"name", "limit"}, {"in", "query"}, {"schema", {{"type", "integer"}, {"minimum", 1}, {"maximum", 50}}}}});
    paths[kKbSearch]["get"] = search;
    json list_articles = Operation(
        "Articles: employees get what they may read; agents and admins every state (?state=draft,in_review, ?mine=true).",
        Responses({{"200", Ok("One page.", "ArticlePage")}}, {{"400", "Bad state, sort, page or page_size."}, {"401", "No valid session."}}));
    list_articles["parameters"] = json::array(
        {{{"name", "state"}, {"in", "query"}, {"schema", {{"type", "string"}}}},
         {{"name", "sort"}, {"in", "query"}, {"schema", StrEnum({"updated", "helpful", "title", "views"})}},
         {{"name", "category"}, {"in", "query"}, {"schema", {{"type", "string"}}}},
         {{"name", "mine"}, {"in", "query"}, {"schema", {{"type", "boolean"}}}},
         {{"name", "page"}, {"in", "query"}, {"schema", {{"type", "integer"}, {"minimum", 1}}}},
         {{"name", "page_size"}, {"in", "query"}, {"schema", {{"type", "integer"}, {"minimum", 1}, {"maximum", limits::kMaxPageSize}}}}});
    paths[kKbArticles]["get"] = list_articles;
    paths[kKbArticles]["post"] = with_body(
        Operation("Create a draft (agents and admins).",
                  Responses({{"201", Ok("The draft.", "Article")}},
                            {{"401", "No valid session."}, {"403", "Employees, or CSRF failure."}, {"422", "validation_failed."}})),
        "ArticleWrite");
    paths[article]["get"] = with_id(Operation(
        "One article with its body; counts a view unless ?view=false. Hidden articles are 404 for employees.",
        Responses({{"200", Ok("The article.", "Article")}}, {{"401", "No valid session."}, {"404", "No such article (or hidden)."}})));
    paths[article]["put"] = with_id(with_body(
        Operation("Edit an article: a new version. base_version must be the current version.",
                  Responses({{"200", Ok("The article.", "Article")}},
                            {{"401", "No valid session."},
                             {"403", "Employees, or CSRF failure."},
                             {"404", "No such article."},
                             {"409", "Someone saved a newer version (conflict, field base_version)."},
                             {"422", "validation_failed."}})),
        "ArticleWrite"));
    paths[article + "/state"]["post"] = with_id(with_body(
        Operation("Move an article through draft -> in_review -> published -> retired.",
                  Responses({{"200", Ok("The article.", "Article")}},
                            {{"401", "No valid session."},
                             {"403", "Employees, or CSRF failure."},
                             {"404", "No such article."},
                             {"409", "Stale base_version, or a transition the lifecycle doesn't allow."}})),
        "StateChange"));
    paths[article + "/versions"]["get"] = with_id(Operation(
        "Every version, newest first, with who and when (agents and admins).",
        Responses({{"200", Ok("The history.", "ArticleVersions")}}, {{"401", "No valid session."}, {"404", "No such article."}})));
    paths[article + "/feedback"]["post"] = with_id(with_body(
        Operation("Helpful / not helpful, with an optional comment; one vote per user (a new one replaces it).",
                  Responses({{"200", Ok("The article's counts.", "Article")}},
                            {{"401", "No valid session."}, {"404", "No such article (or hidden)."}, {"422", "Comment too long."}})),
        "Feedback"));
    paths[kKbDeflections]["post"] = with_body(
        Operation("\"This solved it\": an article answered a request before it was filed.",
                  Responses({{"204", {{"description", "Recorded."}}}},
                            {{"401", "No valid session."}, {"404", "No such article or catalog item."}})),
        "Deflection");
    paths[kKbReview]["get"] = Operation(
        "Articles in review, and the caller's own articles past their review date (agents and admins).",
        Responses({{"200", Ok("The list.", "ArticlePage")}}, {{"401", "No valid session."}, {"403", "Employees."}}));
    paths[kKbStats]["get"] = Operation(
        "Deflections, views, most helpful and recent feedback (admins).",
        Responses({{"200", Ok("Figures.", "KbStats")}}, {{"401", "No valid session."}, {"403", "Not an admin."}}));
    paths[kKbSynonyms]["get"] = Operation("The synonym list (agents and admins).",
                                          Responses({{"200", Ok("The list.", "Synonyms")}}, {{"401", "No valid session."}, {"403", "Employees."}}));
    paths[kKbSynonyms]["put"] = with_body(
        Operation("Replace the synonym list (admins); search uses it at once.",
                  Responses({{"200", Ok("The list.", "Synonyms")}},
                            {{"401", "No valid session."}, {"403", "Not an admin."}, {"422", "A bad line (field 'line N')."}})),
        "Synonyms");

    paths[kOpenApi]["get"] = Operation("This document.", {{"200", {{"description", "OpenAPI 3.0 JSON."}}}}, false);
    paths[kHealth]["get"] = Operation("Liveness probe.", {{"200", Ok("Up.", "Health")}}, false);

    WorkspacePaths(paths);
    WalkupPaths(paths);
    ReportPaths(paths);

    json doc = {
        {"openapi", "3.0.3"},
        {"info",
         {{"title", "Spoc API"},
          {"version", "1"},
          {"description",
           "Spoc service desk JSON API. Every state change except sign-in needs the X-CSRF-Token header from "
           "/api/v1/me; bodies are application/json up to 64 KiB; errors are {\"error\":{...}}. Every route "
           "answers 400 bad_request to a Host header the server was not told about (see --allow-host) and to a "
           "Range header; a 503 carries Retry-After."}}},
        {"paths", paths},
        {"components",
         {{"schemas", Schemas()},
          {"securitySchemes",
           {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", kSessionCookie}}},
            {"kiosk", {{"type", "apiKey"}, {"in", "cookie"}, {"name", kKioskCookie}}},
            {"csrf", {{"type", "apiKey"}, {"in", "header"}, {"name", kCsrfHeader}}}}}}},
        {"security", json::array({{{"session", json::array()}}})},
    };
    return doc.dump();
}

}  // namespace spoc::http
