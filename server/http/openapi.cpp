// OpenAPI 3.0 document for the JSON API (see openapi.h). Schemas mirror shared/api/dto.cpp.
#include "server/http/openapi.h"

#include <nlohmann/json.hpp>

#include "shared/api/routes.h"
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
