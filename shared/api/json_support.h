// Internal to shared/api: the JSON reading helpers every codec file uses (typed member access that
// remembers the first problem, a non-throwing object parse, a catch-all decoder boundary, and a
// dump that replaces invalid UTF-8). Not part of the wire API; include only from shared/api/*.cpp.
#pragma once
#include <nlohmann/json.hpp>

#include <climits>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "shared/domain/limits.h"
#include "shared/domain/result.h"
#include "shared/domain/text.h"
#include "shared/domain/time.h"

namespace spoc::api::json_support {

using nlohmann::json;

// Reads typed members out of one JSON object, remembering the first problem.
class Reader {
public:
    Reader(const json& object, std::string prefix) : m_object(object), m_prefix(std::move(prefix)) {}

    bool Has(const char* key) const { return m_object.contains(key) && !m_object.at(key).is_null(); }

    std::string String(const char* key, bool required = false, size_t max_bytes = 64 * 1024) {
        if (!Has(key)) { if (required) Fail(key, "is required."); return {}; }
        const json& v = m_object.at(key);
        if (!v.is_string()) { Fail(key, "must be a string."); return {}; }
        const std::string& s = v.get_ref<const std::string&>();
        if (s.size() > max_bytes) { Fail(key, "is too long."); return {}; }
        if (!IsValidUtf8(s)) { Fail(key, "is not valid UTF-8."); return {}; }
        return s;
    }
    std::int64_t Int(const char* key, std::int64_t fallback = 0, bool required = false) {
        if (!Has(key)) { if (required) Fail(key, "is required."); return fallback; }
        const json& v = m_object.at(key);
        if (!v.is_number_integer()) { Fail(key, "must be a whole number."); return fallback; }
        if (v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
            Fail(key, "is out of range.");
            return fallback;
        }
        return v.get<std::int64_t>();
    }
    // Int() for a field held in an int: a value outside int's range fails ("is out of range")
    // instead of wrapping around into a valid-looking one (2^32 + 5 must not read as 5).
    int Int32(const char* key, int fallback = 0, bool required = false) {
        const std::int64_t v = Int(key, fallback, required);
        if (v < INT_MIN || v > INT_MAX) {
            Fail(key, "is out of range.");
            return fallback;
        }
        return static_cast<int>(v);
    }
    std::optional<double> Number(const char* key) {
        if (!Has(key)) return std::nullopt;
        const json& v = m_object.at(key);
        if (!v.is_number()) { Fail(key, "must be a number."); return std::nullopt; }
        return v.get<double>();
    }
    bool Bool(const char* key, bool fallback = false) {
        if (!Has(key)) return fallback;
        const json& v = m_object.at(key);
        if (!v.is_boolean()) { Fail(key, "must be true or false."); return fallback; }
        return v.get<bool>();
    }
    template <class E, class ParseFn>
    E Enum(const char* key, E fallback, ParseFn parse, bool required = false) {
        const std::string s = String(key, required, 64);
        if (s.empty() && !Has(key)) return fallback;
        E out = fallback;
        if (!parse(s, &out)) Fail(key, "has an unknown value '" + s.substr(0, 32) + "'.");
        return out;
    }
    Timestamp Time(const char* key) {
        const std::string s = String(key, false, 64);
        Timestamp ts = 0;
        if (!s.empty() && !ParseIso8601(s, &ts)) Fail(key, "must be an ISO-8601 time.");
        return ts;
    }
    const json* Array(const char* key) {
        if (!Has(key)) return nullptr;
        const json& v = m_object.at(key);
        if (!v.is_array()) { Fail(key, "must be an array."); return nullptr; }
        return &v;
    }
    // An array of positive whole numbers (ids), at most max_items of them.
    std::vector<std::int64_t> Ids(const char* key, std::size_t max_items) {
        std::vector<std::int64_t> out;
        const json* a = Array(key);
        if (a == nullptr) return out;
        if (a->size() > max_items) { Fail(key, "has too many items."); return {}; }
        for (const json& v : *a) {
            if (!v.is_number_integer() || (v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) ||
                v.get<std::int64_t>() <= 0) {
                Fail(key, "must hold positive ids.");
                return {};
            }
            out.push_back(v.get<std::int64_t>());
        }
        return out;
    }
    const json* Object(const char* key) {
        if (!Has(key)) return nullptr;
        const json& v = m_object.at(key);
        if (!v.is_object()) { Fail(key, "must be an object."); return nullptr; }
        return &v;
    }
    void Fail(std::string_view key, const std::string& what) {
        if (m_failed) return;
        m_failed = true;
        m_error = MakeError(ErrorCode::bad_request, "'" + m_prefix + std::string(key) + "' " + what, m_prefix + std::string(key));
    }
    void Adopt(const Error& e) { if (!m_failed) { m_failed = true; m_error = e; } }
    bool failed() const { return m_failed; }
    const Error& error() const { return m_error; }
    const std::string& prefix() const { return m_prefix; }

private:
    const json& m_object;
    std::string m_prefix;
    bool m_failed = false;
    Error m_error;
};

inline Result<json> ParseObject(std::string_view body) {
    if (body.size() > limits::kMaxBodyBytes * 4) return MakeError(ErrorCode::payload_too_large);
    json doc = json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) return MakeError(ErrorCode::invalid_json);
    if (!doc.is_object()) return MakeError(ErrorCode::bad_request, "The body must be a JSON object.");
    return doc;
}

// Runs a decoder with a catch-all boundary: nothing thrown inside escapes to the caller.
template <class T, class Fn>
Result<T> Guard(Fn&& fn) {
    try {
        return fn();
    } catch (...) {
        return MakeError(ErrorCode::bad_request, "The request body has an unexpected shape.");
    }
}

inline std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace spoc::api::json_support
