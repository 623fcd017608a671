// Route matching (see router.h).
#include "server/http/router.h"

namespace spoc::http {

Result<int> ParseBoundedInt(std::string_view text, int lo, int hi, const std::string& what) {
    const std::string whole = "'" + what + "' must be a whole number.";
    if (text.empty() || text.size() > 9) return MakeError(ErrorCode::bad_request, whole, what);
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return MakeError(ErrorCode::bad_request, whole, what);
        value = value * 10 + (c - '0');
    }
    if (value < lo || value > hi)
        return MakeError(ErrorCode::bad_request,
                         "'" + what + "' must be between " + std::to_string(lo) + " and " + std::to_string(hi) + ".",
                         what);
    return value;
}

void Router::Add(std::string method, std::string pattern, Access access, RouteHandler handler) {
    m_routes.push_back(Route{std::move(method), std::move(pattern), access, std::move(handler)});
}

void Router::AddUpload(std::string method, std::string pattern, Access access, RouteHandler handler) {
    m_routes.push_back(Route{std::move(method), std::move(pattern), access, std::move(handler), true});
}

bool Router::MatchPath(std::string_view pattern, std::string_view path, std::vector<std::int64_t>* ids) {
    ids->clear();
    while (!pattern.empty() || !path.empty()) {
        if (pattern.empty() || path.empty() || pattern.front() != '/' || path.front() != '/') return false;
        pattern.remove_prefix(1);
        path.remove_prefix(1);
        const auto pat_end = pattern.find('/');
        const auto path_end = path.find('/');
        const std::string_view pat_seg = pattern.substr(0, pat_end);
        const std::string_view path_seg = path.substr(0, path_end);
        if (pat_seg.size() > 2 && pat_seg.front() == '{' && pat_seg.back() == '}') {  // {id}, {cid}, {other}
            if (path_seg.empty() || path_seg.size() > 15 || path_seg.front() == '0') return false;
            std::int64_t value = 0;
            for (char c : path_seg) {
                if (c < '0' || c > '9') return false;
                value = value * 10 + (c - '0');
            }
            ids->push_back(value);
        } else if (pat_seg != path_seg) {
            return false;
        }
        pattern.remove_prefix(pat_end == std::string_view::npos ? pattern.size() : pat_end);
        path.remove_prefix(path_end == std::string_view::npos ? path.size() : path_end);
    }
    return true;
}

RouteMatch Router::Find(std::string_view method, std::string_view path) const {
    if (method == "HEAD") method = "GET";
    RouteMatch match;
    std::vector<std::int64_t> ids;
    for (const auto& route : m_routes) {
        if (!MatchPath(route.pattern, path, &ids)) continue;
        if (route.method == method && !match.route) {
            match.route = &route;
            match.ids = ids;
        }
        match.allowed.push_back(route.method);
    }
    return match;
}

}  // namespace spoc::http
