// Small builders for the OpenAPI document's schemas and responses, shared by openapi.cpp and its
// per-feature parts (openapi_walkup.cpp, openapi_reports.cpp).
#pragma once
#include <initializer_list>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

namespace spoc::http::oas {

using nlohmann::json;

inline json Ref(const char* name) { return json{{"$ref", std::string("#/components/schemas/") + name}}; }
inline json Str() { return json{{"type", "string"}}; }
inline json StrEnum(std::initializer_list<const char*> values) {
    json e = json::array();
    for (const char* v : values) e.push_back(v);
    return json{{"type", "string"}, {"enum", e}};
}
inline json Int() { return json{{"type", "integer"}, {"format", "int64"}}; }
inline json Bool() { return json{{"type", "boolean"}}; }
inline json Time() { return json{{"type", "string"}, {"format", "date-time"}}; }
inline json ArrayOf(json items) { return json{{"type", "array"}, {"items", std::move(items)}}; }
inline json Object(json properties, std::initializer_list<const char*> required = {}) {
    json o = {{"type", "object"}, {"properties", std::move(properties)}};
    if (required.size() > 0) {
        json r = json::array();
        for (const char* name : required) r.push_back(name);
        o["required"] = r;
    }
    return o;
}
inline json JsonBody(const char* schema) { return json{{"application/json", {{"schema", Ref(schema)}}}}; }
inline json Ok(const char* description, const char* schema) {
    return json{{"description", description}, {"content", JsonBody(schema)}};
}

}  // namespace spoc::http::oas
