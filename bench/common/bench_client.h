// Helpers shared by the C++ benchmark drivers (bench/update, bench/sse): a monotonic clock in
// microseconds, percentiles, and a signed-in session against a running spoc-server (cookie + CSRF
// token, read from POST /api/v1/session). Header-only; drivers build with httplib and nlohmann.
#pragma once
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace spoc::bench {

using nlohmann::json;

inline std::int64_t NowUs() {  // monotonic, microseconds
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// The q-quantile (0..1) of `values` by nearest rank; 0 when empty. Sorts a copy.
inline double Percentile(std::vector<double> values, double q) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    size_t rank = static_cast<size_t>(q * static_cast<double>(values.size()) + 0.999999);
    rank = std::clamp<size_t>(rank, 1, values.size());
    return values[rank - 1];
}

[[noreturn]] inline void Fail(const std::string& what) {
    std::fprintf(stderr, "bench: %s\n", what.c_str());
    std::exit(1);
}

struct Session {
    std::string cookie;  // "spoc_session=..."
    std::string csrf;
    std::int64_t user_id = 0;
    httplib::Headers Headers(bool with_csrf = true) const {
        httplib::Headers h{{"Cookie", cookie}};
        if (with_csrf) h.emplace("X-CSRF-Token", csrf);
        return h;
    }
};

inline Session SignIn(httplib::Client& cli, const std::string& username, const std::string& password = "spoc-demo") {
    const json body = {{"username", username}, {"password", password}};
    for (int attempt = 0; attempt < 50; ++attempt) {
        auto res = cli.Post("/api/v1/session", body.dump(), "application/json");
        if (res && res->status == 503) {  // no argon2id turn right now: wait and retry
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            continue;
        }
        if (!res || res->status != 200)
            Fail("sign-in as " + username + " failed: " + (res ? std::to_string(res->status) + " " + res->body : "no answer"));
        Session s;
        const std::string set_cookie = res->get_header_value("Set-Cookie");
        s.cookie = set_cookie.substr(0, set_cookie.find(';'));
        const json me = json::parse(res->body);
        s.csrf = me.value("csrf_token", "");
        s.user_id = me["user"]["id"].get<std::int64_t>();
        return s;
    }
    Fail("sign-in as " + username + ": the server stayed busy");
}

// The id of the demo catalog's "New laptop" and a valid draft for it (as bench/http/run sends).
inline json LaptopDraft(httplib::Client& cli, const Session& s, const std::string& summary) {
    auto res = cli.Get("/api/v1/catalog", s.Headers(false));
    if (!res || res->status != 200) Fail("GET /api/v1/catalog failed");
    const json catalog = json::parse(res->body);  // named: a range-for over a temporary's member dangles
    for (const json& item : catalog["items"])
        if (item["title"] == "New laptop")
            return {{"catalog_item_id", item["id"]},
                    {"summary", summary},
                    {"values",
                     {{"reason", "replacement"}, {"old_asset_tag", "LT-12345"}, {"model", "standard_14"},
                      {"keyboard_layout", "uk"}, {"cost_centre", "CC-1234"}}}};
    Fail("the catalog has no \"New laptop\" (start the server with --demo)");
}

// Creates a request as `s`; returns its JSON.
inline json CreateRequest(httplib::Client& cli, const Session& s, const json& draft) {
    auto res = cli.Post("/api/v1/requests", s.Headers(), draft.dump(), "application/json");
    if (!res || res->status != 201) Fail("create failed: " + (res ? std::to_string(res->status) + " " + res->body : "no answer"));
    return json::parse(res->body);
}

}  // namespace spoc::bench
