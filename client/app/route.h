// Client routes: the screen the URL hash names, and its parameters. Parse and format are exact
// inverses for every canonical hash ("#/", "#/signin", "#/catalog", "#/catalog/3", "#/requests",
// "#/requests?status=open&page=2", "#/requests/42",
// "#/kb", "#/kb/7", "#/kb/7/edit", "#/kb/new", "#/kb/review", "#/kiosk", "#/board/london-hq"); anything
// else parses to Screen::not_found.
#pragma once
#include <string>
#include <string_view>

#include "shared/api/url.h"
#include "shared/domain/ids.h"
#include "shared/domain/request.h"

namespace spoc::client {

enum class Screen {
    signin, home, catalog, catalog_item, requests, request_detail,
    kb_home,      // #/kb (?q=search)
    kb_article,   // #/kb/42
    kb_edit,      // #/kb/42/edit, #/kb/new (article id 0)
    kb_review,    // #/kb/review
    queue,        // #/queue?view=mine&page=2 (agents and admins)
    walkup,       // #/walkup: the walk-up console (agents and admins)
    desks,        // #/desks: walk-up desks for everyone ("I'm on my way", appointments, my visits)
    approvals,    // #/approvals: requests waiting for the user's approval
    people,       // #/people: departments and managers (admins)
    reports,      // #/reports (executive), #/reports/ops (team leads), ?from=&to=&group=... (staff)
    kiosk,        // #/kiosk: the walk-up kiosk (a paired device; no user session)
    board,        // #/board/london-hq: a location's queue board (a paired device or a session)
    not_found
};

struct Route {
    Screen screen = Screen::home;
    CatalogItemId item;    // catalog_item
    RequestId request;     // request_detail
    RequestFilter filter;  // requests: ?status=
    int page = 1;          // requests: ?page= (1-based)
    ArticleId article;     // kb_article, kb_edit (0: a new article)
    std::string queue_view = "open"; // queue: unassigned, mine, groups, open, breaching, pending
    std::string queue_sort = "due";  // queue: due, priority, updated, created, id (?sort=)
    bool queue_desc = false;         // queue: ?dir=desc
    std::string queue_q;             // queue: search words (?q=, percent-encoded in the hash)
    std::string queue_priority;      // queue: "" or critical, high, moderate, low, planning
    std::string queue_status;        // queue: "" or new, assigned, in_progress, pending
    std::string queue_report;        // queue: a report's slice (?report=breached): created, resolved, breached,
                                     // satisfied, unsatisfied, open; "" = the view
    std::string queue_report_query;  // queue: that report's query (?rq=, encoded once more)
    std::string board_key;           // board: the location's key ([a-z0-9-])
    bool report_ops = false;         // reports: the operational page (#/reports/ops)
    std::string report_query;        // reports: the filters as the API reads them ("from=...&group=1,2")
};
// The report filters of a hash's query, kept in a fixed key order with each value re-encoded
// ("from=2026-09-01&to=2026-11-30&group=1%2C2" reads back as "from=...&group=1,2"); the server
// checks the values (DecodeReportQuery) and says which one is wrong.
std::string ReportQueryString(std::string_view query);
bool IsQueueViewName(std::string_view name);
bool IsReportSliceName(std::string_view name);  // created, resolved, breached, satisfied, unsatisfied, open
bool IsQueueSortName(std::string_view name);  // due, priority, updated, created, id

// The queue's view, order and filters as the API's query string ("view=mine&sort=due&dir=asc...");
// also the key that tells two queue listings apart (paging and scrolling are not part of it).
std::string QueueQueryString(const Route& route);

using api::PercentDecode;  // shared/api/url.h
using api::PercentEncode;

Route ParseRoute(std::string_view hash);      // accepts "#/x", "/x", "x" and "" (home)
std::string FormatRoute(const Route& route);  // canonical "#/..." form
bool operator==(const Route& a, const Route& b);
inline bool operator!=(const Route& a, const Route& b) { return !(a == b); }
bool RouteNeedsSession(const Route& route);   // everything but the sign-in screen, the kiosk and the board
bool IsDeviceRoute(const Route& route);       // kiosk and board: full-screen, without the portal's chrome

}  // namespace spoc::client
