// OpenAPI 3.0 document for the JSON API (see openapi.h). Schemas mirror shared/api/dto.cpp.
#include "server/http/openapi.h"

#include <nlohmann/json.hpp>

#include "shared/api/routes.h"
#include "shared/domain/kb.h"
#include "shared/domain/limits.h"

namespace spoc::http {

namespace {

using nlohmann::json;

json Ref(const char* name) { return json{{"$ref", std::string("#/components/schemas/") + name}}; }
json Str() { return json{{"type", "string"}}; }
json StrEnum(std::initializer_list<const char*> values) {
    json e = json::array();
    for (const char* v : values) e.push_back(v);
    return json{{"type", "string"}, {"enum", e}};
}
json Int() { return json{{"type", "integer"}, {"format", "int64"}}; }
json Bool() { return json{{"type", "boolean"}}; }
json Time() { return json{{"type", "string"}, {"format", "date-time"}}; }
json ArrayOf(json items) { return json{{"type", "array"}, {"items", std::move(items)}}; }
json Object(json properties, std::initializer_list<const char*> required = {}) {
    json o = {{"type", "object"}, {"properties", std::move(properties)}};
    if (required.size() > 0) {
        json r = json::array();
        for (const char* name : required) r.push_back(name);
        o["required"] = r;
    }
    return o;
}

json JsonBody(const char* schema) { return json{{"application/json", {{"schema", Ref(schema)}}}}; }
json Ok(const char* description, const char* schema) {
    return json{{"description", description}, {"content", JsonBody(schema)}};
}
json ErrorResponse(const char* description) { return Ok(description, "Error"); }

// The error responses every route can give, plus the ones named.
json Responses(json ok, std::initializer_list<std::pair<const char*, const char*>> errors) {
    json r = std::move(ok);
    for (const auto& [status, description] : errors) r[status] = ErrorResponse(description);
    r["500"] = ErrorResponse("Internal error (code internal).");
    return r;
}

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
                        {"time_zone", Str()}},
                       {"id", "username", "role"});
    s["Me"] = Object({{"user", Ref("User")}, {"csrf_token", Str()}}, {"user", "csrf_token"});
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
                {"comments", ArrayOf(Ref("Comment"))}},
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
                                {"urgency", StrEnum({"high", "medium", "low"})}},
                               {"base_version"});
    s["History"] = Object({{"items", ArrayOf(Object({{"id", Int()},
                                                    {"at", Time()},
                                                    {"actor_id", Int()},
                                                    {"actor_name", Str()},
                                                    {"field", Str()},
                                                    {"old", Str()},
                                                    {"new", Str()}},
                                                   {"id", "at", "field"}))}},
                          {"items"});

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
    return s;
}

json IdParam(const char* what) {
    return json{{"name", "id"},
                {"in", "path"},
                {"required", true},
                {"description", what},
                {"schema", {{"type", "integer"}, {"minimum", 1}}}};
}

json Operation(const char* summary, json responses, bool session = true) {
    json op = {{"summary", summary}, {"responses", std::move(responses)}};
    if (!session) op["security"] = json::array();
    return op;
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

    // Agent mode.
    json queue = Operation(
        "A queue view for agents and admins: open requests, soonest resolution due first, with the view's total.",
        Responses({{"200", Ok("One page.", "RequestPage")}},
                  {{"400", "Bad view, page or page_size."}, {"401", "No valid session."}, {"403", "Employees."}}));
    queue["parameters"] = json::array(
        {{{"name", "view"}, {"in", "query"}, {"schema", StrEnum({"unassigned", "mine", "groups", "open", "breaching", "pending"})}},
         {{"name", "page"}, {"in", "query"}, {"schema", {{"type", "integer"}, {"minimum", 1}}}},
         {{"name", "page_size"}, {"in", "query"}, {"schema", {{"type", "integer"}, {"minimum", 1}, {"maximum", limits::kMaxPageSize}}}}});
    paths[kQueue]["get"] = queue;
    json history = Operation(
        "Every change to a request: who, when, field, old and new value (agents and admins).",
        Responses({{"200", Ok("Oldest first.", "History")}},
                  {{"401", "No valid session."}, {"403", "Employees."}, {"404", "No such request."}}));
    history["parameters"] = json::array({IdParam("Request id.")});
    paths[request + "/history"]["get"] = history;
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
            {"csrf", {{"type", "apiKey"}, {"in", "header"}, {"name", kCsrfHeader}}}}}}},
        {"security", json::array({{{"session", json::array()}}})},
    };
    return doc.dump();
}

}  // namespace spoc::http
