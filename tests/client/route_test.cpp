// Routes: parse/format round trips, lenient parsing of hand-edited URLs, not-found.
#include "client/app/route.h"
#include "doctest/doctest.h"

using namespace spoc;
using namespace spoc::client;

TEST_CASE("canonical routes round-trip through parse and format") {
    for (const char* hash : {"#/", "#/signin", "#/catalog", "#/catalog/3", "#/requests", "#/requests?status=open",
                             "#/requests?status=done&page=2", "#/requests?page=3", "#/requests?status=in_progress",
                             "#/requests/42"}) {
        CAPTURE(hash);
        CHECK(FormatRoute(ParseRoute(hash)) == hash);
    }
}

TEST_CASE("route parsing is lenient about prefixes and trailing slashes") {
    CHECK(ParseRoute("").screen == Screen::home);
    CHECK(ParseRoute("#").screen == Screen::home);
    CHECK(ParseRoute("/catalog/3/").item == CatalogItemId(3));
    CHECK(ParseRoute("catalog").screen == Screen::catalog);
    const Route r = ParseRoute("#/requests?status=open&page=2&utm=x");
    CHECK(r.screen == Screen::requests);
    CHECK(r.filter.kind == StatusFilter::open);
    CHECK(r.page == 2);
    CHECK(ParseRoute("#/requests?status=bogus").filter.kind == StatusFilter::all);
    CHECK(ParseRoute("#/requests?page=0").page == 1);
    CHECK(ParseRoute("#/requests?page=-3").page == 1);
}

TEST_CASE("unknown paths are not found") {
    for (const char* hash : {"#/nope", "#/catalog/abc", "#/catalog/0", "#/requests/1/2", "#/signin/x", "#/catalog/-1"}) {
        CAPTURE(hash);
        CHECK(ParseRoute(hash).screen == Screen::not_found);
    }
}

TEST_CASE("route equality ignores parameters other screens don't use") {
    Route a = ParseRoute("#/catalog/3");
    Route b = a;
    b.page = 9;
    CHECK(a == b);
    CHECK(ParseRoute("#/requests?status=open") != ParseRoute("#/requests"));
    CHECK(RouteNeedsSession(ParseRoute("#/requests")));
    CHECK_FALSE(RouteNeedsSession(ParseRoute("#/signin")));
}

TEST_CASE("walk-up routes: the console, the kiosk and a location's board; the kiosk and board need no session") {
    for (const char* hash : {"#/walkup", "#/kiosk", "#/board/london-hq", "#/board/new-york"}) {
        CAPTURE(hash);
        CHECK(FormatRoute(ParseRoute(hash)) == hash);
    }
    CHECK(ParseRoute("#/board/london-hq").board_key == "london-hq");
    CHECK(ParseRoute("#/board/London HQ").screen == Screen::not_found);  // keys are [a-z0-9-]
    CHECK(ParseRoute("#/board").screen == Screen::not_found);
    CHECK_FALSE(RouteNeedsSession(ParseRoute("#/kiosk")));
    CHECK_FALSE(RouteNeedsSession(ParseRoute("#/board/london-hq")));
    CHECK(RouteNeedsSession(ParseRoute("#/walkup")));
    CHECK(ParseRoute("#/board/a") != ParseRoute("#/board/b"));
}
