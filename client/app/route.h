// Client routes: the screen the URL hash names, and its parameters. Parse and format are exact
// inverses for every canonical hash ("#/", "#/signin", "#/catalog", "#/catalog/3", "#/requests",
// "#/requests?status=open&page=2", "#/requests/42",
// "#/kb", "#/kb/7", "#/kb/7/edit", "#/kb/new", "#/kb/review"); anything else parses to Screen::not_found.
#pragma once
#include <string>
#include <string_view>

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
};
bool IsQueueViewName(std::string_view name);  // one of the six API view names

Route ParseRoute(std::string_view hash);      // accepts "#/x", "/x", "x" and "" (home)
std::string FormatRoute(const Route& route);  // canonical "#/..." form
bool operator==(const Route& a, const Route& b);
inline bool operator!=(const Route& a, const Route& b) { return !(a == b); }
bool RouteNeedsSession(const Route& route);   // everything but the sign-in screen

}  // namespace spoc::client
