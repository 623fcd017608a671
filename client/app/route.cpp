// Route parsing and formatting (see route.h). Query parameters are only meaningful on
// #/requests and #/queue; unknown parameters are ignored so old links keep working.
#include "client/app/route.h"

#include <vector>

namespace spoc::client {
namespace {

// A walk-up location's key as the server stores it: 1-40 of [a-z0-9-].
bool IsLocationKey(std::string_view key) {
    if (key.empty() || key.size() > 40) return false;
    for (char c : key)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

bool ParsePositive(std::string_view text, std::int64_t* out) {
    if (text.empty() || text.size() > 12) return false;
    std::int64_t v = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    if (v <= 0) return false;
    *out = v;
    return true;
}

std::vector<std::string_view> Split(std::string_view text, char sep) {
    std::vector<std::string_view> parts;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t end = text.find(sep, start);
        if (end == std::string_view::npos) {
            parts.push_back(text.substr(start));
            break;
        }
        parts.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

Route NotFound() {
    Route r;
    r.screen = Screen::not_found;
    return r;
}

}  // namespace

Route ParseRoute(std::string_view hash) {
    if (!hash.empty() && hash.front() == '#') hash.remove_prefix(1);
    if (!hash.empty() && hash.front() == '/') hash.remove_prefix(1);
    std::string_view query;
    if (const size_t q = hash.find('?'); q != std::string_view::npos) {
        query = hash.substr(q + 1);
        hash = hash.substr(0, q);
    }
    while (!hash.empty() && hash.back() == '/') hash.remove_suffix(1);

    Route route;
    const std::vector<std::string_view> parts = hash.empty() ? std::vector<std::string_view>{} : Split(hash, '/');
    if (parts.empty()) return route;  // home
    std::int64_t id = 0;
    if (parts[0] == "signin" && parts.size() == 1) {
        route.screen = Screen::signin;
    } else if (parts[0] == "catalog" && parts.size() == 1) {
        route.screen = Screen::catalog;
    } else if (parts[0] == "catalog" && parts.size() == 2 && ParsePositive(parts[1], &id)) {
        route.screen = Screen::catalog_item;
        route.item = CatalogItemId(id);
    } else if (parts[0] == "requests" && parts.size() == 1) {
        route.screen = Screen::requests;
        for (std::string_view pair : Split(query, '&')) {
            const size_t eq = pair.find('=');
            const std::string_view key = pair.substr(0, eq);
            const std::string_view value = eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
            std::int64_t page = 0;
            if (key == "status" && !ParseStatusFilter(value, &route.filter)) route.filter = RequestFilter{};
            if (key == "page" && ParsePositive(value, &page)) route.page = page > 100000 ? 100000 : static_cast<int>(page);
        }
    } else if (parts[0] == "queue" && parts.size() == 1) {
        route.screen = Screen::queue;
        for (std::string_view pair : Split(query, '&')) {
            const size_t eq = pair.find('=');
            const std::string_view key = pair.substr(0, eq);
            const std::string_view value = eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
            Priority priority;
            Status status;
            if (key == "view" && IsQueueViewName(value)) route.queue_view = std::string(value);
            if (key == "sort" && IsQueueSortName(value)) route.queue_sort = std::string(value);
            if (key == "dir") route.queue_desc = value == "desc";
            if (key == "q") route.queue_q = PercentDecode(value).substr(0, 200);
            if (key == "priority" && ParsePriority(value, &priority)) route.queue_priority = std::string(value);
            if (key == "status" && ParseStatus(value, &status) && IsOpenStatus(status))
                route.queue_status = std::string(value);
            if (key == "report" && IsReportSliceName(value)) route.queue_report = std::string(value);
            if (key == "rq") route.queue_report_query = ReportQueryString(PercentDecode(value));
        }
        if (route.queue_report.empty() || route.queue_report_query.empty()) {  // a slice needs both
            route.queue_report.clear();
            route.queue_report_query.clear();
        }
    } else if (parts[0] == "kb" && parts.size() == 1) {
        route.screen = Screen::kb_home;
    } else if (parts[0] == "kb" && parts.size() == 2 && parts[1] == "review") {
        route.screen = Screen::kb_review;
    } else if (parts[0] == "kb" && parts.size() == 2 && parts[1] == "new") {
        route.screen = Screen::kb_edit;
    } else if (parts[0] == "kb" && parts.size() == 2 && ParsePositive(parts[1], &id)) {
        route.screen = Screen::kb_article;
        route.article = ArticleId(id);
    } else if (parts[0] == "kb" && parts.size() == 3 && parts[2] == "edit" && ParsePositive(parts[1], &id)) {
        route.screen = Screen::kb_edit;
        route.article = ArticleId(id);
    } else if (parts[0] == "walkup" && parts.size() == 1) {
        route.screen = Screen::walkup;
    } else if (parts[0] == "desks" && parts.size() == 1) {
        route.screen = Screen::desks;
    } else if (parts[0] == "approvals" && parts.size() == 1) {
        route.screen = Screen::approvals;
    } else if (parts[0] == "people" && parts.size() == 1) {
        route.screen = Screen::people;
    } else if (parts[0] == "reports" && (parts.size() == 1 || (parts.size() == 2 && parts[1] == "ops"))) {
        route.screen = Screen::reports;
        route.report_ops = parts.size() == 2;
        route.report_query = ReportQueryString(query);
    } else if (parts[0] == "kiosk" && parts.size() == 1) {
        route.screen = Screen::kiosk;
    } else if (parts[0] == "board" && parts.size() == 2 && IsLocationKey(parts[1])) {
        route.screen = Screen::board;
        route.board_key = std::string(parts[1]);
    } else if (parts[0] == "requests" && parts.size() == 2 && ParsePositive(parts[1], &id)) {
        route.screen = Screen::request_detail;
        route.request = RequestId(id);
    } else {
        return NotFound();
    }
    return route;
}

std::string FormatRoute(const Route& route) {
    switch (route.screen) {
        case Screen::signin: return "#/signin";
        case Screen::home: return "#/";
        case Screen::catalog: return "#/catalog";
        case Screen::catalog_item: return "#/catalog/" + std::to_string(route.item.value);
        case Screen::request_detail: return "#/requests/" + std::to_string(route.request.value);
        case Screen::queue: {
            std::string out = "#/queue";
            char sep = '?';
            auto add = [&](const char* key, const std::string& value) {
                out.append(1, sep).append(key).append("=").append(value);
                sep = '&';
            };
            if (route.queue_view != "open") add("view", route.queue_view);
            if (route.queue_sort != "due") add("sort", route.queue_sort);
            if (route.queue_desc) add("dir", "desc");
            if (!route.queue_priority.empty()) add("priority", route.queue_priority);
            if (!route.queue_status.empty()) add("status", route.queue_status);
            if (!route.queue_q.empty()) add("q", PercentEncode(route.queue_q));
            if (!route.queue_report.empty()) {
                add("report", route.queue_report);
                add("rq", PercentEncode(route.queue_report_query));
            }
            return out;
        }
        case Screen::kb_home: return "#/kb";
        case Screen::kb_review: return "#/kb/review";
        case Screen::kb_article: return "#/kb/" + std::to_string(route.article.value);
        case Screen::kb_edit:
            return route.article.valid() ? "#/kb/" + std::to_string(route.article.value) + "/edit" : "#/kb/new";
        case Screen::walkup: return "#/walkup";
        case Screen::desks: return "#/desks";
        case Screen::approvals: return "#/approvals";
        case Screen::people: return "#/people";
        case Screen::reports:
            return std::string(route.report_ops ? "#/reports/ops" : "#/reports") +
                   (route.report_query.empty() ? std::string() : "?" + route.report_query);
        case Screen::kiosk: return "#/kiosk";
        case Screen::board: return "#/board/" + route.board_key;
        case Screen::not_found: return "#/not-found";
        case Screen::requests: {
            std::string out = "#/requests";
            char sep = '?';
            if (route.filter.kind != StatusFilter::all) {
                out += sep + std::string("status=") + StatusFilterName(route.filter);
                sep = '&';
            }
            if (route.page > 1) out += sep + std::string("page=") + std::to_string(route.page);
            return out;
        }
    }
    return "#/";
}

bool operator==(const Route& a, const Route& b) {
    if (a.screen != b.screen) return false;
    switch (a.screen) {
        case Screen::catalog_item: return a.item == b.item;
        case Screen::request_detail: return a.request == b.request;
        case Screen::kb_article:
        case Screen::kb_edit: return a.article == b.article;
        case Screen::queue: return QueueQueryString(a) == QueueQueryString(b);
        case Screen::board: return a.board_key == b.board_key;
        case Screen::reports: return a.report_ops == b.report_ops && a.report_query == b.report_query;
        case Screen::requests:
            return a.page == b.page && StatusFilterName(a.filter) == StatusFilterName(b.filter);
        default: return true;
    }
}

std::string ReportQueryString(std::string_view query) {
    static const char* const kKeys[] = {"from", "to", "group", "agent", "department", "category", "priority", "type", "location"};
    std::string out;
    for (const char* key : kKeys) {
        std::string value = api::QueryValue(query, key);
        if (value.empty()) continue;
        if (value.size() > 200) value.resize(200);
        if (!out.empty()) out += '&';
        out.append(key).append("=");
        // Ids lists stay readable ("1,2"); everything else is percent-encoded.
        for (char c : value) {
            if (c == ',' && std::string_view(key) == "group") out += ',';
            else out += PercentEncode(std::string_view(&c, 1));
        }
    }
    return out;
}

bool IsReportSliceName(std::string_view name) {
    for (const char* v : {"created", "resolved", "breached", "satisfied", "unsatisfied", "open"})
        if (name == v) return true;
    return false;
}

bool IsQueueSortName(std::string_view name) {
    for (const char* v : {"due", "priority", "updated", "created", "id"})
        if (name == v) return true;
    return false;
}

std::string QueueQueryString(const Route& route) {
    std::string out = "view=" + route.queue_view + "&sort=" + route.queue_sort + (route.queue_desc ? "&dir=desc" : "&dir=asc");
    if (!route.queue_priority.empty()) out += "&priority=" + route.queue_priority;
    if (!route.queue_status.empty()) out += "&status=" + route.queue_status;
    if (!route.queue_q.empty()) out += "&q=" + PercentEncode(route.queue_q);
    if (!route.queue_report.empty()) out += "&report=" + route.queue_report + "&rq=" + PercentEncode(route.queue_report_query);
    return out;
}

bool IsQueueViewName(std::string_view name) {
    for (const char* v : {"unassigned", "mine", "groups", "open", "breaching", "pending"})
        if (name == v) return true;
    return false;
}

bool RouteNeedsSession(const Route& route) { return route.screen != Screen::signin && !IsDeviceRoute(route); }
bool IsDeviceRoute(const Route& route) { return route.screen == Screen::kiosk || route.screen == Screen::board; }

}  // namespace spoc::client
