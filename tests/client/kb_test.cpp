// Knowledge base in the browser client, headless: kb routes, the search-index download (ETag
// revalidation, no rebuild for an unchanged version), local search on the portal and beside a
// request form, deflection ("This solved it"), the article page with feedback, the editor (create,
// save, 409 reload-and-reapply, state changes), which loads each role gets, and every kb screen
// drawn with real ImGui frames and item hooks.
#include <algorithm>

#include "client/app/route.h"
#include "fixtures.h"
#include "shared/api/kb_dto.h"

using namespace fixtures;

namespace {

// ---- Fixtures -------------------------------------------------------------------------------
api::Me StaffMe(Role role) {
    User u;
    u.id = UserId(role == Role::admin ? 1 : 5);
    u.username = role == Role::admin ? "root" : "liam";
    u.display_name = role == Role::admin ? "Root Admin" : "Liam Smith";
    u.role = role;
    u.department = "IT";
    return api::Me{u, "csrf-staff"};
}

// Like App::SignedIn, for any user.
api::KbIndexEntry Entry(std::int64_t id, std::string title, std::string category, std::vector<std::string> tags,
                        std::string text) {
    api::KbIndexEntry e;
    e.id = ArticleId(id);
    e.title = std::move(title);
    e.category = std::move(category);
    e.tags = std::move(tags);
    e.text = std::move(text);
    e.updated_at = kNow - 86400000LL;
    return e;
}

api::KbIndex Index(std::string version) {
    api::KbIndex index;
    index.version = std::move(version);
    index.articles = {
        Entry(1, "Can't connect to the VPN from home", "Network & VPN", {"vpn", "remote access"},
              "If the VPN client keeps dropping, restart it and sign in again. Check your home internet connection "
              "first."),
        Entry(2, "Printer jams on the third floor", "Printers", {"printer", "paper"},
              "Open tray two and remove the jammed paper. Then restart the printer and print a test page."),
        Entry(3, "Reset a forgotten password", "Accounts", {"password", "login"},
              "Use the self-service page to reset your password. You need your phone for the confirmation code."),
        Entry(4, "Laptop battery drains quickly", "Hardware", {"battery"},
              "Lower the screen brightness and close apps you don't use. A laptop battery older than three years may "
              "need replacing."),
        Entry(5, "Laptop won't charge", "Hardware", {"charger"},
              "Try another charger and another socket. If the laptop still won't charge, raise a request."),
        Entry(6, "Laptop screen flickers", "Hardware", {"screen"},
              "Update the display driver. If the laptop screen still flickers, bring it to the IT desk."),
        Entry(7, "Dock a laptop at your desk", "Hardware", {"dock"},
              "Connect the laptop to the dock with the USB-C cable; the monitors and keyboard come with it."),
    };
    return index;
}

void AnswerIndex(App& app, const api::KbIndex& index) {
    REQUIRE(app.api.Answer("GET", "/api/v1/kb/index", 200, api::EncodeKbIndex(index)));
}

// Every Markdown construct the renderer knows, with an in-app link and an external one.
const char* kRichBody =
    "# Before you start\n"
    "\n"
    "Most problems are fixed by a **restart**, some by *patience*, and a few need `ipconfig /renew`.\n"
    "\n"
    "## Steps\n"
    "\n"
    "1. Open the VPN client\n"
    "2. Sign in again\n"
    "\n"
    "- Check the Wi-Fi\n"
    "  - or plug in a cable\n"
    "- Restart the laptop\n"
    "\n"
    "```\n"
    "ipconfig /all\n"
    "ping intranet\n"
    "```\n"
    "\n"
    "### Still stuck\n"
    "\n"
    "See [reset](#/kb/3) or the [vendor](https://example.com/vpn) page.\n";

Article MakeArticle(std::int64_t id, ArticleState state, int version, std::string title,
                    std::string body = "Some **text**.") {
    Article a;
    a.id = ArticleId(id);
    a.content.title = std::move(title);
    a.content.body = std::move(body);
    a.content.category = "Network & VPN";
    a.content.tags = {"vpn"};
    a.content.review_by = "2026-12-31";
    a.state = state;
    a.owner_id = UserId(5);
    a.owner_name = "Liam Smith";
    a.version = version;
    a.created_at = kNow - 10 * 86400000LL;
    a.updated_at = kNow - 3600000LL;
    a.published_at = state == ArticleState::published ? kNow - 5 * 86400000LL : 0;
    a.updated_by_name = "Ava Patel";
    a.helpful = 4;
    a.not_helpful = 1;
    a.views = 20;
    return a;
}

std::string ArticleJson(const Article& a) { return api::EncodeArticle(a, true); }

std::vector<ArticleVersion> Versions(const Article& latest) {
    std::vector<ArticleVersion> out;
    for (int v = latest.version; v >= 1; --v) {
        ArticleVersion version;
        version.version = v;
        version.author_id = UserId(5);
        version.author_name = "Liam Smith";
        version.at = kNow - v * 3600000LL;
        version.state = v == latest.version ? latest.state : ArticleState::draft;
        version.change = v == 1 ? "created" : "edited";
        version.content = latest.content;
        version.content.body = "Line one\nLine " + std::to_string(v) + "\n";
        if (v == 1) version.content.title = "First title";
        out.push_back(version);
    }
    return out;
}

const char* kNotFound = R"({"error":{"code":"not_found","message":"Not found."}})";
const char* kConflict =
    R"({"error":{"code":"conflict","message":"The record was changed by someone else.","field":"base_version"}})";

std::vector<std::int64_t> HitIds(const std::vector<ArticleHitViewModel>& hits) {
    std::vector<std::int64_t> out;
    for (const auto& h : hits) out.push_back(h.id.value);
    return out;
}

bool HasHighlight(const std::vector<SnippetPiece>& pieces, const std::string& word) {
    for (const SnippetPiece& p : pieces) {
        std::string lower = p.text;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (p.highlight && lower.find(word) != std::string::npos) return true;
    }
    return false;
}

int CountSentStartingWith(const App& app, const std::string& prefix) {
    int n = 0;
    for (const auto& s : app.api.sent) n += s.request.path.rfind(prefix, 0) == 0;
    return n;
}

}  // namespace

// ---- Routes ---------------------------------------------------------------------------------
TEST_CASE("kb: routes round-trip and reject malformed knowledge paths") {
    for (const char* hash : {"#/kb", "#/kb/7", "#/kb/7/edit", "#/kb/new", "#/kb/review"}) {
        CAPTURE(hash);
        CHECK(FormatRoute(ParseRoute(hash)) == hash);
    }
    CHECK(ParseRoute("#/kb").screen == Screen::kb_home);
    const Route article = ParseRoute("#/kb/7");
    CHECK(article.screen == Screen::kb_article);
    CHECK(article.article == ArticleId(7));
    const Route edit = ParseRoute("#/kb/7/edit");
    CHECK(edit.screen == Screen::kb_edit);
    CHECK(edit.article == ArticleId(7));
    const Route fresh = ParseRoute("#/kb/new");
    CHECK(fresh.screen == Screen::kb_edit);
    CHECK_FALSE(fresh.article.valid());
    CHECK(ParseRoute("#/kb/review").screen == Screen::kb_review);
    CHECK(ParseRoute("/kb/12/").article == ArticleId(12));  // lenient like the other routes

    for (const char* hash :
         {"#/kb/0", "#/kb/x/edit", "#/kb/7/edit/more", "#/kb/0/edit", "#/kb/new/edit", "#/kb/-3", "#/kb/7/view"}) {
        CAPTURE(hash);
        CHECK(ParseRoute(hash).screen == Screen::not_found);
    }
    CHECK(ParseRoute("#/kb/7") != ParseRoute("#/kb/8"));
    CHECK(ParseRoute("#/kb/7") != ParseRoute("#/kb/7/edit"));
    CHECK(ParseRoute("#/kb/7/edit") != ParseRoute("#/kb/new"));
    CHECK(RouteNeedsSession(ParseRoute("#/kb")));
}

// ---- Index download and local search ----------------------------------------------------------
TEST_CASE("kb: the index downloads with revalidation, is searched locally, and is rebuilt only for a new version") {
    App app;
    app.SignedIn("#/kb");
    REQUIRE(app.api.Count("GET", "/api/v1/kb/index") == 1);
    const auto* sent = app.api.Last("GET", "/api/v1/kb/index");
    CHECK(sent->request.path == "/api/v1/kb/index");
    CHECK(sent->request.revalidate);  // the browser sends If-None-Match: an unchanged index is a 304
    CHECK(BuildKbHome(app.state, app.clock).load.status == ViewStatus::loading);
    CHECK(SearchArticles(app.state, "vpn", 5).empty());  // nothing to search yet

    AnswerIndex(app, Index("v1"));
    CHECK(app.state.kb_index.load == Load::ready);
    CHECK(app.state.kb_index.data.search.DocumentCount() == 7);
    KbHomeViewModel home = BuildKbHome(app.state, app.clock);
    CHECK(home.load.status == ViewStatus::ready);
    CHECK(home.article_count == 7);
    REQUIRE(home.categories.size() == 4);
    CHECK(home.categories[1].name == "Hardware");
    CHECK(home.categories[1].count == 4);

    // Typos, prefixes while typing, highlighted snippets.
    auto hits = SearchArticles(app.state, "pasword ", 5);
    REQUIRE_FALSE(hits.empty());
    CHECK(hits[0].id == ArticleId(3));
    CHECK(hits[0].title == "Reset a forgotten password");
    CHECK(hits[0].category == "Accounts");
    hits = SearchArticles(app.state, "printe", 5);
    REQUIRE_FALSE(hits.empty());
    CHECK(hits[0].id == ArticleId(2));
    hits = SearchArticles(app.state, "password", 5);
    REQUIRE_FALSE(hits.empty());
    CHECK(HasHighlight(hits[0].snippet, "password"));
    bool plain = false;
    for (const SnippetPiece& p : hits[0].snippet) plain = plain || (!p.highlight && !p.text.empty());
    CHECK(plain);
    for (const SnippetPiece& p : hits[0].snippet) {
        CHECK(p.text.find('\x01') == std::string::npos);  // markers never reach the screen
        CHECK(p.text.find('\x02') == std::string::npos);
    }
    CHECK(SearchArticles(app.state, "   ", 5).empty());
    CHECK(SearchArticles(app.state, "laptop", 2).size() == 2);  // the limit holds

    app.actions.SetKbSearch("vpn");
    home = BuildKbHome(app.state, app.clock);
    CHECK(home.searching);
    REQUIRE_FALSE(home.results.empty());
    CHECK(home.results[0].id == ArticleId(1));
    app.actions.SetKbCategory("Hardware");
    home = BuildKbHome(app.state, app.clock);
    CHECK(home.category == "Hardware");
    CHECK(home.category_articles.size() == 4);
    app.actions.SetKbCategory("Hardware");  // a second click clears the filter
    CHECK(app.state.kb_category.empty());

    // Revalidated at most once a minute, also across screens.
    app.clock.now += 30000;
    app.Sync();
    app.Go("#/");
    app.Go("#/kb");
    CHECK(app.api.Count("GET", "/api/v1/kb/index") == 1);
    app.clock.now = kNow + 59999;
    app.Sync();
    CHECK(app.api.Count("GET", "/api/v1/kb/index") == 1);
    app.clock.now = kNow + 60000;
    app.Sync();
    REQUIRE(app.api.Count("GET", "/api/v1/kb/index") == 2);
    CHECK(app.api.Last("GET", "/api/v1/kb/index")->request.revalidate);
    app.Sync();
    CHECK(app.api.Count("GET", "/api/v1/kb/index") == 2);  // one in flight at a time

    // Same version: the built index is kept (an odd body with the same version proves it).
    api::KbIndex same = Index("v1");
    same.articles.resize(2);
    AnswerIndex(app, same);
    CHECK(app.state.kb_index.load == Load::ready);
    CHECK(app.state.kb_index.data.search.DocumentCount() == 7);
    CHECK(app.state.kb_index.data.index.articles.size() == 7);
    hits = SearchArticles(app.state, "password", 5);
    REQUIRE_FALSE(hits.empty());
    CHECK(hits[0].id == ArticleId(3));

    // A new version replaces it.
    app.clock.now = kNow + 125000;
    app.Sync();
    REQUIRE(app.api.Count("GET", "/api/v1/kb/index") == 3);
    api::KbIndex next = Index("v2");
    next.articles.erase(next.articles.begin() + 2);  // the password article was retired
    next.articles.push_back(
        Entry(9, "Book a meeting room", "Facilities", {"room"}, "Use the calendar to book a meeting room."));
    AnswerIndex(app, next);
    CHECK(app.state.kb_index.data.index.version == "v2");
    CHECK(app.state.kb_index.data.search.DocumentCount() == 7);
    CHECK(app.state.kb_index.data.index.articles.size() == 7);
    hits = SearchArticles(app.state, "meeting room", 5);
    REQUIRE_FALSE(hits.empty());
    CHECK(hits[0].id == ArticleId(9));
    for (const auto& h : SearchArticles(app.state, "password", 5)) CHECK(h.id != ArticleId(3));
}

TEST_CASE("kb: a failed revalidation keeps the old index and is tried again a minute later") {
    App app;
    app.SignedIn("#/kb");
    AnswerIndex(app, Index("v1"));
    app.clock.now = kNow + 60000;
    app.Sync();
    REQUIRE(app.api.Count("GET", "/api/v1/kb/index") == 2);
    REQUIRE(app.api.Answer("GET", "/api/v1/kb/index", 0, ""));
    CHECK(BuildKbHome(app.state, app.clock).load.status == ViewStatus::ready);  // still searchable
    CHECK_FALSE(SearchArticles(app.state, "vpn", 5).empty());
    app.clock.now = kNow + 90000;
    app.Sync();
    CHECK(app.api.Count("GET", "/api/v1/kb/index") == 2);  // not before the minute is up
    app.clock.now = kNow + 125000;
    app.Sync();
    CHECK(app.api.Count("GET", "/api/v1/kb/index") == 3);
}

TEST_CASE("kb: a request form whose index download failed gets its suggestions a minute later") {
    App app;
    app.OpenLaptopForm();
    const CatalogItemId id(3);
    REQUIRE(
        app.api.Answer("GET", "/api/v1/kb/index", 503, R"({"error":{"code":"unavailable","message":"Try later."}})"));
    app.actions.EditSummary(id, "printer jam");
    app.Sync();
    CHECK(app.api.Count("GET", "/api/v1/kb/index") == 1);
    CHECK(BuildForm(app.state, id, app.clock).suggestions.empty());
    CHECK(BuildForm(app.state, id, app.clock).banner.empty());  // the form itself is unaffected
    app.clock.now = kNow + 60000;
    app.Sync();
    REQUIRE(app.api.Count("GET", "/api/v1/kb/index") == 2);
    AnswerIndex(app, Index("v1"));
    const FormViewModel vm = BuildForm(app.state, id, app.clock);
    REQUIRE_FALSE(vm.suggestions.empty());
    CHECK(vm.suggestions[0].id == ArticleId(2));
}

TEST_CASE("kb: the portal search shows articles from the local index without asking the server") {
    App app;
    app.SignedIn("#/");
    REQUIRE(app.api.Count("GET", "/api/v1/kb/index") == 1);
    app.AnswerCatalog();
    app.api.Answer("GET", "/api/v1/requests", 200, api::EncodeRequestPage(Page({}, 0)));
    AnswerIndex(app, Index("v1"));
    app.Sync();
    const std::size_t sent_before = app.api.sent.size();

    app.actions.SetSearch("printr jam");
    HomeViewModel vm = BuildHome(app.state, app.clock);
    CHECK(vm.catalog.searching);
    REQUIRE_FALSE(vm.catalog.article_results.empty());
    CHECK(vm.catalog.article_results[0].id == ArticleId(2));
    CHECK(vm.catalog.article_results[0].title == "Printer jams on the third floor");

    app.actions.SetSearch("laptop");
    vm = BuildHome(app.state, app.clock);
    CHECK(vm.catalog.article_results.size() == 3);  // at most three beside the catalog results
    CHECK(vm.catalog.results.size() >= 1);          // "New laptop" still found in the catalog
    app.Sync();
    app.Sync();
    CHECK(app.api.sent.size() == sent_before);
    CHECK(app.api.Count("GET", "/api/v1/kb/search") == 0);

    app.actions.ClearSearch();
    CHECK(BuildHome(app.state, app.clock).catalog.article_results.empty());
}

// ---- Deflection ---------------------------------------------------------------------------------
TEST_CASE("kb: suggestions beside a request form, and \"This solved it\" files nothing") {
    App app;
    app.OpenLaptopForm();
    const CatalogItemId id(3);
    REQUIRE(app.api.Count("GET", "/api/v1/kb/index") == 1);  // loaded for the suggestions
    CHECK(BuildForm(app.state, id, app.clock).suggestions.empty());
    AnswerIndex(app, Index("v1"));
    CHECK(BuildForm(app.state, id, app.clock).suggestions.empty());  // nothing typed yet

    app.actions.EditSummary(id, "laptop");
    const auto laptop = HitIds(BuildForm(app.state, id, app.clock).suggestions);
    CHECK(laptop.size() == 3);  // four laptop articles, three shown
    for (std::int64_t hit : laptop) CHECK((hit >= 4 && hit <= 7));

    app.actions.EditSummary(id, "My laptop battery drains");
    FormViewModel vm = BuildForm(app.state, id, app.clock);
    REQUIRE_FALSE(vm.suggestions.empty());
    CHECK(vm.suggestions.size() <= 3);
    CHECK(vm.suggestions[0].id == ArticleId(4));
    CHECK(vm.suggestions[0].title == "Laptop battery drains quickly");
    CHECK_FALSE(vm.deflected);

    app.actions.Deflect(id, ArticleId(4));
    REQUIRE(app.api.Count("POST", "/api/v1/kb/deflections") == 1);
    const auto* sent = app.api.Last("POST", "/api/v1/kb/deflections");
    CHECK(sent->Header("X-CSRF-Token") == "csrf-123");
    auto body = api::DecodeDeflection(sent->request.body);
    REQUIRE(body.ok());
    CHECK(body->article_id == ArticleId(4));
    CHECK(body->catalog_item_id == id);
    CHECK(body->query == "My laptop battery drains");
    CHECK(BuildForm(app.state, id, app.clock).deflecting);
    app.actions.Deflect(id, ArticleId(4));  // double click: one POST
    CHECK(app.api.Count("POST", "/api/v1/kb/deflections") == 1);

    REQUIRE(app.api.Answer("POST", "/api/v1/kb/deflections", 204, ""));
    vm = BuildForm(app.state, id, app.clock);
    CHECK(vm.deflected);
    CHECK_FALSE(vm.deflecting);
    CHECK(vm.deflected_article == ArticleId(4));
    CHECK(vm.deflected_title == "Laptop battery drains quickly");
    app.Sync();
    CHECK(app.api.Count("POST", "/api/v1/requests") == 0);  // nothing filed

    app.actions.UndoDeflection(id);
    vm = BuildForm(app.state, id, app.clock);
    CHECK_FALSE(vm.deflected);
    CHECK(vm.summary.text == "My laptop battery drains");  // the draft is kept
    CHECK_FALSE(vm.suggestions.empty());
    CHECK(app.api.Count("POST", "/api/v1/requests") == 0);
}

TEST_CASE("kb: a failed deflection says so and can be tried again") {
    App app;
    app.OpenLaptopForm();
    const CatalogItemId id(3);
    AnswerIndex(app, Index("v1"));
    app.actions.EditSummary(id, "screen flickers");
    app.actions.Deflect(id, ArticleId(6));
    REQUIRE(app.api.Answer("POST", "/api/v1/kb/deflections", 0, ""));
    FormViewModel vm = BuildForm(app.state, id, app.clock);
    CHECK_FALSE(vm.deflected);
    CHECK_FALSE(vm.deflect_error.empty());
    app.actions.Deflect(id, ArticleId(6));
    CHECK(app.api.Count("POST", "/api/v1/kb/deflections") == 2);
}

// ---- Article page -------------------------------------------------------------------------------
TEST_CASE("kb: article page loads the article, votes, and sends a comment after \"No\"") {
    App app;
    app.SignedIn("#/kb/7");
    REQUIRE(app.api.Count("GET", "/api/v1/kb/articles/7") == 1);
    CHECK(app.api.Last("GET", "/api/v1/kb/articles/7")->request.path == "/api/v1/kb/articles/7");  // counts a view
    CHECK(BuildArticle(app.state, ArticleId(7), app.clock).load.status == ViewStatus::loading);
    REQUIRE(app.api.Answer("GET", "/api/v1/kb/articles/7", 200,
                           ArticleJson(MakeArticle(7, ArticleState::published, 3, "VPN drops", kRichBody))));
    ArticleViewModel vm = BuildArticle(app.state, ArticleId(7), app.clock);
    CHECK(vm.load.status == ViewStatus::ready);
    CHECK(vm.title == "VPN drops");
    CHECK(vm.published);
    CHECK_FALSE(vm.staff);
    CHECK(vm.helpful == 4);
    REQUIRE_FALSE(vm.document.blocks.empty());
    CHECK(vm.document.blocks[0].kind == md::BlockKind::heading);
    CHECK(DocumentTitle(app.state).find("VPN drops") != std::string::npos);

    app.actions.Vote(ArticleId(7), true);
    REQUIRE(app.api.Count("POST", "/api/v1/kb/articles/7/feedback") == 1);
    const auto* sent = app.api.Last("POST", "/api/v1/kb/articles/7/feedback");
    CHECK(sent->Header("X-CSRF-Token") == "csrf-123");
    auto feedback = api::DecodeFeedback(sent->request.body);
    REQUIRE(feedback.ok());
    CHECK(feedback->helpful);
    CHECK(feedback->comment.empty());
    CHECK(BuildArticle(app.state, ArticleId(7), app.clock).feedback_sending);
    Article counted = MakeArticle(7, ArticleState::published, 3, "VPN drops", kRichBody);
    counted.helpful = 5;
    REQUIRE(app.api.Answer("POST", "/api/v1/kb/articles/7/feedback", 200, ArticleJson(counted)));
    vm = BuildArticle(app.state, ArticleId(7), app.clock);
    CHECK(vm.voted);
    CHECK(vm.voted_helpful);
    CHECK_FALSE(vm.comment_open);
    CHECK(vm.helpful == 5);

    // "No" asks what was missing.
    app.Go("#/kb/8");
    REQUIRE(app.api.Answer("GET", "/api/v1/kb/articles/8", 200,
                           ArticleJson(MakeArticle(8, ArticleState::published, 1, "Printer"))));
    app.actions.Vote(ArticleId(8), false);
    CHECK(BuildArticle(app.state, ArticleId(8), app.clock).comment_open);
    feedback = api::DecodeFeedback(app.api.Last("POST", "/api/v1/kb/articles/8/feedback")->request.body);
    REQUIRE(feedback.ok());
    CHECK_FALSE(feedback->helpful);
    REQUIRE(app.api.Answer("POST", "/api/v1/kb/articles/8/feedback", 200,
                           ArticleJson(MakeArticle(8, ArticleState::published, 1, "Printer"))));
    vm = BuildArticle(app.state, ArticleId(8), app.clock);
    CHECK(vm.voted);
    CHECK_FALSE(vm.voted_helpful);
    CHECK(vm.comment_open);
    CHECK_FALSE(vm.comment_sent);

    app.actions.SendFeedbackComment(ArticleId(8));  // empty: nothing sent
    CHECK(app.api.Count("POST", "/api/v1/kb/articles/8/feedback") == 1);
    app.actions.EditFeedbackComment(ArticleId(8), "Step 3 doesn't match my printer");
    app.actions.SendFeedbackComment(ArticleId(8));
    REQUIRE(app.api.Count("POST", "/api/v1/kb/articles/8/feedback") == 2);
    feedback = api::DecodeFeedback(app.api.Last("POST", "/api/v1/kb/articles/8/feedback")->request.body);
    REQUIRE(feedback.ok());
    CHECK_FALSE(feedback->helpful);
    CHECK(feedback->comment == "Step 3 doesn't match my printer");
    REQUIRE(app.api.Answer("POST", "/api/v1/kb/articles/8/feedback", 200,
                           ArticleJson(MakeArticle(8, ArticleState::published, 1, "Printer"))));
    vm = BuildArticle(app.state, ArticleId(8), app.clock);
    CHECK(vm.comment_sent);
}

TEST_CASE("kb: a missing article fails once, without a retry") {
    App app;
    app.SignedIn("#/kb/99");
    REQUIRE(app.api.Answer("GET", "/api/v1/kb/articles/99", 404, kNotFound));
    const ArticleViewModel vm = BuildArticle(app.state, ArticleId(99), app.clock);
    CHECK(vm.load.status == ViewStatus::failed);
    CHECK_FALSE(vm.load.retryable);
    CHECK_FALSE(vm.load.error.empty());
    for (int i = 0; i < 5; ++i) {
        app.clock.now += 1000;
        app.Sync();
    }
    CHECK(app.api.Count("GET", "/api/v1/kb/articles/99") == 1);
}

// ---- Editor -------------------------------------------------------------------------------------
TEST_CASE("kb: a new article starts blank, is validated locally, and moves to its own URL once created") {
    App app;
    SignedInAs(app, StaffMe(Role::agent), "#/kb/new");
    EditorViewModel vm = BuildEditor(app.state, ArticleId(0), app.clock);
    CHECK(vm.is_new);
    CHECK(vm.load.status == ViewStatus::ready);
    CHECK(vm.content.title.empty());
    CHECK(vm.content.body.empty());
    CHECK(vm.content.review_by == "2027-03-10");  // a year from the clock's date
    CHECK(app.api.Count("GET", "/api/v1/kb/articles") == 0);

    app.actions.SaveArticle(ArticleId(0));
    CHECK(app.api.Count("POST", "/api/v1/kb/articles") == 0);
    vm = BuildEditor(app.state, ArticleId(0), app.clock);
    CHECK_FALSE(vm.ProblemFor("title").empty());
    CHECK_FALSE(vm.saving);

    ArticleContent content = vm.content;
    content.title = "Can't print from the laptop";
    content.body = "Restart the **print spooler**.";
    content.category = "Printers";
    app.actions.EditArticle(ArticleId(0), content, "Printer,  paper , printer");
    vm = BuildEditor(app.state, ArticleId(0), app.clock);
    CHECK(vm.ProblemFor("title").empty());  // re-checked as they type
    CHECK(vm.dirty);
    app.actions.SaveArticle(ArticleId(0));
    REQUIRE(app.api.Count("POST", "/api/v1/kb/articles") == 1);
    const auto* sent = app.api.Last("POST", "/api/v1/kb/articles");
    CHECK(sent->request.path == "/api/v1/kb/articles");
    CHECK(sent->Header("X-CSRF-Token") == "csrf-staff");
    auto write = api::DecodeArticleWrite(sent->request.body);
    REQUIRE(write.ok());
    CHECK(write->content.title == "Can't print from the laptop");
    CHECK(write->content.category == "Printers");
    CHECK(write->content.review_by == "2027-03-10");
    CHECK(BuildEditor(app.state, ArticleId(0), app.clock).saving);
    app.actions.SaveArticle(ArticleId(0));  // double click
    CHECK(app.api.Count("POST", "/api/v1/kb/articles") == 1);

    Article created =
        MakeArticle(12, ArticleState::draft, 1, "Can't print from the laptop", "Restart the **print spooler**.");
    created.content.category = "Printers";
    REQUIRE(app.api.Answer("POST", "/api/v1/kb/articles", 201, ArticleJson(created)));
    CHECK(app.state.route.screen == Screen::kb_edit);
    CHECK(app.state.route.article == ArticleId(12));
    REQUIRE_FALSE(app.host.locations.empty());
    CHECK(app.host.locations.back() == std::make_pair(std::string("#/kb/12/edit"), true));
    CHECK(app.state.editors.count(0) == 0);
    REQUIRE(app.state.editors.count(12) == 1);
    CHECK(app.state.editors[12].content.title == "Can't print from the laptop");
    CHECK(app.state.editors[12].base_version == 1);
    CHECK_FALSE(app.state.editors[12].dirty);

    app.Sync();
    CHECK(app.api.Count("GET", "/api/v1/kb/articles/12?view=false") == 1);
    CHECK(app.api.Count("GET", "/api/v1/kb/articles/12/versions") == 1);
    vm = BuildEditor(app.state, ArticleId(12), app.clock);
    CHECK_FALSE(vm.is_new);
    CHECK(vm.content.title == "Can't print from the laptop");

    // #/kb/new again: a blank editor, not the one just created.
    app.Go("#/kb/new");
    CHECK(BuildEditor(app.state, ArticleId(0), app.clock).content.title.empty());
}

TEST_CASE("kb: editing saves with base_version; a 409 reloads the latest and keeps the typed text") {
    App app;
    SignedInAs(app, StaffMe(Role::agent), "#/kb/7/edit");
    REQUIRE(app.api.Count("GET", "/api/v1/kb/articles/7?view=false") == 1);
    CHECK(app.api.Count("GET", "/api/v1/kb/articles/7/versions") == 1);
    CHECK(BuildEditor(app.state, ArticleId(7), app.clock).load.status == ViewStatus::loading);
    const Article v3 = MakeArticle(7, ArticleState::draft, 3, "VPN drops");
    REQUIRE(app.api.Answer("GET", "/api/v1/kb/articles/7?view=false", 200, ArticleJson(v3)));
    REQUIRE(app.api.Answer("GET", "/api/v1/kb/articles/7/versions", 200, api::EncodeArticleVersions(Versions(v3))));
    app.Sync();
    EditorViewModel vm = BuildEditor(app.state, ArticleId(7), app.clock);
    CHECK(vm.load.status == ViewStatus::ready);
    CHECK(vm.content.title == "VPN drops");
    CHECK(vm.tags_text == "vpn");
    CHECK(vm.version == 3);
    CHECK(vm.versions.size() == 3);
    CHECK(app.state.editors[7].base_version == 3);

    ArticleContent mine = vm.content;
    mine.body = "My better text.";
    app.actions.EditArticle(ArticleId(7), mine, "vpn, remote access");
    app.actions.SaveArticle(ArticleId(7));
    REQUIRE(app.api.Count("PUT", "/api/v1/kb/articles/7") == 1);
    const auto* sent = app.api.Last("PUT", "/api/v1/kb/articles/7");
    CHECK(sent->request.path == "/api/v1/kb/articles/7");
    CHECK(sent->Header("X-CSRF-Token") == "csrf-staff");
    auto write = api::DecodeArticleWrite(sent->request.body);
    REQUIRE(write.ok());
    CHECK(write->base_version == 3);
    CHECK(write->content.body == "My better text.");
    CHECK(write->content.tags == std::vector<std::string>{"vpn", "remote access"});

    REQUIRE(app.api.Answer("PUT", "/api/v1/kb/articles/7", 409, kConflict));
    vm = BuildEditor(app.state, ArticleId(7), app.clock);
    CHECK(vm.stale);
    CHECK_FALSE(vm.saving);
    CHECK(vm.content.body == "My better text.");

    app.actions.ReapplyOnLatest(ArticleId(7));
    app.Sync();
    REQUIRE(app.api.Count("GET", "/api/v1/kb/articles/7?view=false") == 2);
    Article v4 = v3;
    v4.version = 4;
    v4.content.body = "Someone else's text.";
    v4.updated_by_name = "Ava Patel";
    REQUIRE(app.api.Answer("GET", "/api/v1/kb/articles/7?view=false", 200, ArticleJson(v4)));
    app.Sync();
    vm = BuildEditor(app.state, ArticleId(7), app.clock);
    CHECK_FALSE(vm.stale);
    CHECK(vm.content.body == "My better text.");  // kept
    CHECK(vm.version == 4);
    CHECK(app.state.editors[7].base_version == 4);
    CHECK(vm.dirty);

    app.actions.SaveArticle(ArticleId(7));
    REQUIRE(app.api.Count("PUT", "/api/v1/kb/articles/7") == 2);
    write = api::DecodeArticleWrite(app.api.Last("PUT", "/api/v1/kb/articles/7")->request.body);
    REQUIRE(write.ok());
    CHECK(write->base_version == 4);
    Article v5 = v4;
    v5.version = 5;
    v5.content = write->content;
    REQUIRE(app.api.Answer("PUT", "/api/v1/kb/articles/7", 200, ArticleJson(v5)));
    CHECK(app.state.editors[7].base_version == 5);
    CHECK_FALSE(BuildEditor(app.state, ArticleId(7), app.clock).dirty);

    app.actions.ChangeArticleState(ArticleId(7), ArticleState::published);
    REQUIRE(app.api.Count("POST", "/api/v1/kb/articles/7/state") == 1);
    const auto* state_sent = app.api.Last("POST", "/api/v1/kb/articles/7/state");
    CHECK(state_sent->Header("X-CSRF-Token") == "csrf-staff");
    auto change = api::DecodeStateChange(state_sent->request.body);
    REQUIRE(change.ok());
    CHECK(change->state == ArticleState::published);
    CHECK(change->base_version == 5);
    Article v6 = v5;
    v6.version = 6;
    v6.state = ArticleState::published;
    REQUIRE(app.api.Answer("POST", "/api/v1/kb/articles/7/state", 200, ArticleJson(v6)));
    CHECK(app.state.editors[7].base_version == 6);
    app.Sync();
    CHECK(BuildEditor(app.state, ArticleId(7), app.clock).state == "Published");
}

TEST_CASE("kb: a 422 from the server lands on the editor's fields") {
    App app;
    SignedInAs(app, StaffMe(Role::agent), "#/kb/7/edit");
    REQUIRE(app.api.Answer("GET", "/api/v1/kb/articles/7?view=false", 200,
                           ArticleJson(MakeArticle(7, ArticleState::draft, 2, "VPN"))));
    app.Sync();
    ArticleContent c = app.state.editors[7].content;
    c.category = "Somewhere";
    app.actions.EditArticle(ArticleId(7), c, "vpn");
    app.actions.SaveArticle(ArticleId(7));
    REQUIRE(app.api.Answer(
        "PUT", "/api/v1/kb/articles/7", 422,
        R"({"error":{"code":"validation_failed","message":"Some fields are not valid.","field":"category",)"
        R"("details":[{"field":"category","message":"Pick an existing category."}]}})"));
    const EditorViewModel vm = BuildEditor(app.state, ArticleId(7), app.clock);
    CHECK(vm.ProblemFor("category") == "Pick an existing category.");
    CHECK(vm.error.empty());  // shown on the field, not as a banner
    CHECK_FALSE(vm.stale);
}

// ---- Who loads what -------------------------------------------------------------------------------
TEST_CASE("kb: employees never trigger staff loads; agents get the review and full lists; admins the stats") {
    {
        App app;
        app.SignedIn("#/kb");
        app.Sync();
        CHECK(app.api.Count("GET", "/api/v1/kb/index") == 1);
        CHECK(CountSentStartingWith(app, "/api/v1/kb/review") == 0);
        CHECK(CountSentStartingWith(app, "/api/v1/kb/stats") == 0);
        int lists = 0;
        for (const auto& s : app.api.sent) {
            const std::string& path = s.request.path;
            if (path.rfind("/api/v1/kb/articles", 0) != 0) continue;
            ++lists;
            CAPTURE(path);
            CHECK(path.find("state=published") != std::string::npos);
        }
        CHECK(lists == 1);  // the most-helpful list
        const KbHomeViewModel vm = BuildKbHome(app.state, app.clock);
        CHECK_FALSE(vm.staff);
        CHECK_FALSE(vm.admin);
    }
    {
        App app;
        SignedInAs(app, StaffMe(Role::agent), "#/kb");
        CHECK(app.api.Count("GET", "/api/v1/kb/review") == 1);
        CHECK(app.api.Count("GET", "/api/v1/kb/articles?sort=updated") == 1);
        CHECK(CountSentStartingWith(app, "/api/v1/kb/stats") == 0);
        api::ArticlePage review;
        review.items = {MakeArticle(9, ArticleState::in_review, 2, "Guest Wi-Fi")};
        review.total = 1;
        REQUIRE(app.api.Answer("GET", "/api/v1/kb/review", 200, api::EncodeArticlePage(review)));
        const KbHomeViewModel vm = BuildKbHome(app.state, app.clock);
        CHECK(vm.staff);
        CHECK_FALSE(vm.admin);
        CHECK(vm.review_count == 1);
    }
    {
        App app;
        SignedInAs(app, StaffMe(Role::admin), "#/kb");
        CHECK(app.api.Count("GET", "/api/v1/kb/review") == 1);
        CHECK(app.api.Count("GET", "/api/v1/kb/stats") == 1);
        api::KbStats stats;
        stats.deflections_total = 14;
        stats.top_deflecting = {{ArticleId(1), "VPN", 9, 40}};
        REQUIRE(app.api.Answer("GET", "/api/v1/kb/stats", 200, api::EncodeKbStats(stats)));
        const KbHomeViewModel vm = BuildKbHome(app.state, app.clock);
        CHECK(vm.admin);
        CHECK(vm.deflections_total == 14);
        REQUIRE(vm.top_deflecting.size() == 1);
        CHECK(vm.top_deflecting[0].figure == "9 deflections");
    }
}

TEST_CASE("kb: the editor and the review list are staff screens: an employee's typed URL asks nothing") {
    App app;
    app.SignedIn("#/kb/review");
    app.Go("#/kb/3/edit");
    app.Go("#/kb/new");
    CHECK(CountSentStartingWith(app, "/api/v1/kb/review") == 0);
    CHECK(CountSentStartingWith(app, "/api/v1/kb/articles") == 0);
    CHECK(app.state.editors.empty());
    Harness h;
    h.Frames(app, 2);
    CHECK(ui::hooks::FindItem("kb_title") == nullptr);  // the not-found page, not the editor
    // The same URL works for an agent.
    App agent;
    SignedInAs(agent, StaffMe(Role::agent), "#/kb/review");
    CHECK(agent.api.Count("GET", "/api/v1/kb/review") == 1);
}

// ---- Links --------------------------------------------------------------------------------------
TEST_CASE("kb: FollowLink navigates in-app links and hands others to the host") {
    App app;
    app.SignedIn("#/kb/7");
    app.actions.FollowLink("#/kb/3");
    CHECK(app.state.route.screen == Screen::kb_article);
    CHECK(app.state.route.article == ArticleId(3));
    CHECK(app.host.locations.back() == std::make_pair(std::string("#/kb/3"), false));
    CHECK(app.host.opened.empty());
    const std::size_t locations = app.host.locations.size();
    app.actions.FollowLink("https://x");
    CHECK(app.host.opened == std::vector<std::string>{"https://x"});
    CHECK(app.state.route.article == ArticleId(3));
    CHECK(app.host.locations.size() == locations);
}

// ---- Screens (headless ImGui) -------------------------------------------------------------------
TEST_CASE("kb: knowledge home draws loading, categories, search results and the staff parts") {
    App app;
    Harness h;
    app.SignedIn("#/kb");
    h.Frames(app, 2);  // skeletons
    CHECK(HasItem("kb_search"));
    CHECK(HasItem("nav_kb"));
    AnswerIndex(app, Index("v1"));
    api::ArticlePage popular;
    popular.items = {MakeArticle(1, ArticleState::published, 2, "Can't connect to the VPN from home")};
    popular.total = 1;
    REQUIRE(app.api.Answer("GET", "/api/v1/kb/articles?state=published", 200, api::EncodeArticlePage(popular)));
    h.Frames(app, 3);
    CHECK(HasItem("cat_Hardware"));
    CHECK(HasItem("row_article_1"));
    CHECK(HasItem("kb_to_catalog"));
    CHECK_FALSE(HasItem("kb_new"));  // employees don't write articles

    REQUIRE(h.Click(app, "kb_search"));
    h.Type(app, "printr");
    CHECK(app.state.kb_search == "printr");
    h.Frames(app, 2);
    CHECK(HasItem("article_2"));
    REQUIRE(h.Click(app, "article_2"));
    CHECK(FormatRoute(app.state.route) == "#/kb/2");

    app.Go("#/kb");
    app.actions.SetKbSearch("");
    h.Frames(app, 2);
    REQUIRE(h.Click(app, "cat_Hardware"));
    CHECK(app.state.kb_category == "Hardware");
    h.Frames(app, 2);
    CHECK(HasItem("row_article_4"));
}

TEST_CASE("kb: knowledge home for an admin shows writing, review and statistics") {
    App app;
    Harness h;
    SignedInAs(app, StaffMe(Role::admin), "#/kb");
    AnswerIndex(app, Index("v1"));
    api::ArticlePage all;
    all.items = {MakeArticle(9, ArticleState::in_review, 2, "Guest Wi-Fi"),
                 MakeArticle(1, ArticleState::published, 4, "VPN")};
    all.total = 2;
    app.api.Answer("GET", "/api/v1/kb/articles?state=published", 200, api::EncodeArticlePage(api::ArticlePage{}));
    app.api.Answer("GET", "/api/v1/kb/articles?sort=updated", 200, api::EncodeArticlePage(all));
    api::ArticlePage review;
    review.items = {all.items[0]};
    review.total = 1;
    app.api.Answer("GET", "/api/v1/kb/review", 200, api::EncodeArticlePage(review));
    api::KbStats stats;
    stats.deflections_total = 3;
    stats.top_deflecting = {{ArticleId(1), "VPN", 3, 10}};
    stats.recent_feedback = {{ArticleId(1), "VPN", false, "Step 3 is wrong", "Emma Jones", kNow}};
    app.api.Answer("GET", "/api/v1/kb/stats", 200, api::EncodeKbStats(stats));
    h.Frames(app, 3);
    CHECK(HasItem("kb_new"));
    CHECK(HasItem("kb_review"));
    CHECK(HasItem("row_article_9"));
    CHECK(HasItem("stat_1"));
    REQUIRE(h.Click(app, "kb_review"));
    CHECK(FormatRoute(app.state.route) == "#/kb/review");
}

TEST_CASE("kb: article page renders every Markdown construct, votes and follows links") {
    App app;
    Harness h;
    app.SignedIn("#/kb/7");
    h.Frames(app, 2);  // skeleton
    CHECK_FALSE(HasItem("helpful_yes"));
    REQUIRE(app.api.Answer("GET", "/api/v1/kb/articles/7", 200,
                           ArticleJson(MakeArticle(7, ArticleState::published, 3, "VPN drops", kRichBody))));
    h.Frames(app, 3);
    const ArticleViewModel vm = BuildArticle(app.state, ArticleId(7), app.clock);
    bool kinds[5] = {};
    for (const md::Block& b : vm.document.blocks) kinds[static_cast<int>(b.kind)] = true;
    for (bool k : kinds) CHECK(k);  // heading, paragraph, bullet, ordered, code block
    CHECK(HasItem("crumb_kb"));
    CHECK(HasItem("helpful_yes"));
    CHECK(HasItem("helpful_no"));
    CHECK(HasItem("article_to_catalog"));
    CHECK_FALSE(HasItem("kb_edit"));  // staff only
    REQUIRE(HasItem("body_link_0"));  // "reset" -> #/kb/3
    REQUIRE(HasItem("body_link_1"));  // "vendor" -> https://example.com/vpn
    CHECK(ui::hooks::FindItem("body_link_0")->label == "reset");

    REQUIRE(h.Click(app, "helpful_no"));
    REQUIRE(app.api.Count("POST", "/api/v1/kb/articles/7/feedback") == 1);
    REQUIRE(app.api.Answer("POST", "/api/v1/kb/articles/7/feedback", 200,
                           ArticleJson(MakeArticle(7, ArticleState::published, 3, "VPN drops", kRichBody))));
    h.Frames(app, 2);
    CHECK_FALSE(HasItem("helpful_yes"));
    REQUIRE(HasItem("feedback_comment"));
    REQUIRE(h.Click(app, "feedback_comment"));
    h.Type(app, "Step 2 fails");
    CHECK(app.state.feedback[7].comment == "Step 2 fails");
    REQUIRE(h.Click(app, "send_feedback"));
    CHECK(app.api.Count("POST", "/api/v1/kb/articles/7/feedback") == 2);

    REQUIRE(h.Click(app, "body_link_1"));
    CHECK(app.host.opened == std::vector<std::string>{"https://example.com/vpn"});
    CHECK(FormatRoute(app.state.route) == "#/kb/7");
    REQUIRE(h.Click(app, "body_link_0"));
    CHECK(FormatRoute(app.state.route) == "#/kb/3");
    CHECK(app.api.Count("GET", "/api/v1/kb/articles/3") == 1);
}

TEST_CASE("kb: article page shows a missing article without Retry") {
    App app;
    Harness h;
    app.SignedIn("#/kb/99");
    app.api.Answer("GET", "/api/v1/kb/articles/99", 404, kNotFound);
    h.Frames(app, 2);
    CHECK_FALSE(HasItem("retry"));
    CHECK_FALSE(HasItem("helpful_yes"));
    CHECK(HasItem("crumb_kb"));
}

TEST_CASE("kb: the editor draws wide and narrow, with history and a diff") {
    for (float width : {1280.0f, 600.0f}) {
        CAPTURE(width);
        App app;
        Harness h(width, 3200);
        SignedInAs(app, StaffMe(Role::agent), "#/kb/7/edit");
        h.Frames(app, 2);  // skeleton
        CHECK_FALSE(HasItem("kb_save"));
        const Article v3 = MakeArticle(7, ArticleState::draft, 3, "VPN drops", kRichBody);
        REQUIRE(app.api.Answer("GET", "/api/v1/kb/articles/7?view=false", 200, ArticleJson(v3)));
        REQUIRE(app.api.Answer("GET", "/api/v1/kb/articles/7/versions", 200, api::EncodeArticleVersions(Versions(v3))));
        h.Frames(app, 3);
        for (const char* id : {"kb_title", "kb_category", "kb_tags", "kb_review_by", "kb_body", "kb_save", "kb_view",
                               "kb_state_in_review"}) {
            CAPTURE(id);
            CHECK(HasItem(id));
        }
        if (width < 1000) {  // narrow: Write / Preview / History tabs
            CHECK_FALSE(HasItem("version_3"));
            app.actions.SetEditorTab(ArticleId(7), 2);
            h.Frames(app, 2);
            CHECK_FALSE(HasItem("kb_title"));
        }
        CHECK(HasItem("version_3"));
        CHECK(HasItem("version_2"));
        CHECK(HasItem("version_1"));
        REQUIRE(h.Click(app, "version_2"));
        CHECK(app.state.editors[7].diff_version == 2);
        const EditorViewModel vm = BuildEditor(app.state, ArticleId(7), app.clock);
        CHECK(vm.diff_title == "Changes in v2 (compared with v1)");
        CHECK(vm.diff_stats.added >= 1);
        CHECK(vm.diff_meta.find("Title") != std::string::npos);
        h.Frames(app, 2);
        if (width < 1000) {
            app.actions.SetEditorTab(ArticleId(7), 1);
            h.Frames(app, 2);  // the preview renders the Markdown
            CHECK_FALSE(HasItem("kb_title"));
            app.actions.SetEditorTab(ArticleId(7), 0);
            h.Frames(app, 2);
        }

        // Typing into the title makes the draft dirty; Save sends it.
        REQUIRE(h.Click(app, "kb_title"));
        h.Type(app, "!");
        CHECK(app.state.editors[7].content.title == "VPN drops!");
        CHECK(app.state.editors[7].dirty);
        REQUIRE(h.Click(app, "kb_save"));
        CHECK(app.api.Count("PUT", "/api/v1/kb/articles/7") == 1);
        app.api.Answer("PUT", "/api/v1/kb/articles/7", 409, kConflict);
        h.Frames(app, 2);
        CHECK(HasItem("kb_reapply"));
        REQUIRE(h.Click(app, "kb_reapply"));
        CHECK(app.api.Count("GET", "/api/v1/kb/articles/7?view=false") == 2);
    }
}

TEST_CASE("kb: the new-article editor and the review list draw") {
    App app;
    Harness h;
    SignedInAs(app, StaffMe(Role::agent), "#/kb/new");
    h.Frames(app, 3);
    CHECK(HasItem("kb_title"));
    CHECK(HasItem("kb_save"));
    CHECK(HasLabel("Create draft"));
    CHECK_FALSE(HasItem("kb_view"));
    REQUIRE(h.Click(app, "kb_save"));
    CHECK(app.api.Count("POST", "/api/v1/kb/articles") == 0);
    CHECK_FALSE(BuildEditor(app.state, ArticleId(0), app.clock).ProblemFor("title").empty());
    h.Frames(app, 2);

    app.Go("#/kb/review");
    h.Frames(app, 2);  // skeleton
    api::ArticlePage review;
    Article overdue = MakeArticle(9, ArticleState::published, 2, "Guest Wi-Fi");
    overdue.content.review_by = "2026-01-31";
    review.items = {overdue, MakeArticle(10, ArticleState::in_review, 1, "Badge access")};
    review.total = 2;
    REQUIRE(app.api.Answer("GET", "/api/v1/kb/review", 200, api::EncodeArticlePage(review)));
    h.Frames(app, 2);
    CHECK(HasItem("row_article_9"));
    CHECK(HasItem("row_article_10"));
    const ReviewViewModel vm = BuildReview(app.state, app.clock);
    REQUIRE(vm.rows.size() == 2);
    CHECK(vm.rows[0].overdue);
    CHECK(vm.rows[0].meta.find("Review was due 2026-01-31") == 0);
    REQUIRE(h.Click(app, "row_article_10"));
    CHECK(FormatRoute(app.state.route) == "#/kb/10/edit");
}

TEST_CASE("kb: the request form draws suggestions, then the deflected panel, and back") {
    for (float width : {1280.0f, 600.0f}) {
        CAPTURE(width);
        App app;
        Harness h(width, 3200);
        app.OpenLaptopForm();
        AnswerIndex(app, Index("v1"));
        h.Frames(app, 2);
        CHECK_FALSE(HasItem("solved_4"));
        REQUIRE(h.Click(app, "summary"));
        h.Type(app, "laptop battery");
        CHECK(app.state.drafts[3].draft.summary == "laptop battery");
        h.Frames(app, 2);
        CHECK(HasItem("solved_4"));
        CHECK(HasItem("read_4"));
        CHECK(HasItem("article_4"));
        CHECK(HasItem("submit"));

        REQUIRE(h.Click(app, "solved_4"));
        REQUIRE(app.api.Count("POST", "/api/v1/kb/deflections") == 1);
        REQUIRE(app.api.Answer("POST", "/api/v1/kb/deflections", 204, ""));
        h.Frames(app, 2);
        CHECK(HasItem("deflected_home"));
        CHECK(HasItem("deflected_undo"));
        CHECK_FALSE(HasItem("submit"));
        CHECK_FALSE(HasItem("solved_4"));

        REQUIRE(h.Click(app, "deflected_undo"));
        h.Frames(app, 2);
        CHECK(HasItem("submit"));
        CHECK(app.state.drafts[3].draft.summary == "laptop battery");
        REQUIRE(h.Click(app, "solved_4"));
        REQUIRE(app.api.Answer("POST", "/api/v1/kb/deflections", 204, ""));
        h.Frames(app, 2);
        REQUIRE(h.Click(app, "deflected_home"));
        CHECK(FormatRoute(app.state.route) == "#/");
        CHECK(app.api.Count("POST", "/api/v1/requests") == 0);
    }
}

TEST_CASE("kb: the portal home lists matching articles under the catalog search") {
    App app;
    Harness h;
    app.SignedIn("#/");
    app.AnswerCatalog();
    app.api.Answer("GET", "/api/v1/requests", 200, api::EncodeRequestPage(Page({}, 0)));
    AnswerIndex(app, Index("v1"));
    h.Frames(app, 2);
    REQUIRE(h.Click(app, "search"));
    h.Type(app, "vpn");
    h.Frames(app, 2);
    CHECK(HasItem("article_1"));
    REQUIRE(h.Click(app, "article_1"));
    CHECK(FormatRoute(app.state.route) == "#/kb/1");
}

TEST_CASE("kb: the editor's columns line up: Category beside Tags, the Review-by hint inside its column, History full width") {
    App app;
    Harness h(1280, 3200);
    SignedInAs(app, StaffMe(Role::agent), "#/kb/7/edit");
    h.Frames(app, 2);
    const Article v3 = MakeArticle(7, ArticleState::draft, 3, "VPN drops", kRichBody);
    REQUIRE(app.api.Answer("GET", "/api/v1/kb/articles/7?view=false", 200, ArticleJson(v3)));
    REQUIRE(app.api.Answer("GET", "/api/v1/kb/articles/7/versions", 200, api::EncodeArticleVersions(Versions(v3))));
    h.Frames(app, 3);
    const auto* category = ui::hooks::FindItem("kb_category");
    const auto* tags = ui::hooks::FindItem("kb_tags");
    const auto* hint = ui::hooks::FindItem("review_by_hint");
    const auto* preview = ui::hooks::FindItem("preview_card");
    const auto* history = ui::hooks::FindItem("history_card");
    const auto* body = ui::hooks::FindItem("kb_body");
    REQUIRE(category);
    REQUIRE(tags);
    REQUIRE(hint);
    REQUIRE(preview);
    REQUIRE(history);
    REQUIRE(body);
    CHECK(category->y == doctest::Approx(tags->y));        // was 9 px apart
    CHECK(category->h == doctest::Approx(tags->h));
    CHECK(hint->x + hint->w <= preview->x);                 // the hint no longer runs into the preview
    CHECK(history->w >= preview->x + preview->w - body->x - 1);  // as wide as both columns
}

TEST_CASE("counts read naturally: 1 view, 2 views, 1,204 articles") {
    CHECK(CountNoun(1, "view", "views") == "1 view");
    CHECK(CountNoun(0, "view", "views") == "0 views");
    CHECK(CountNoun(2, "view", "views") == "2 views");
    CHECK(CountNoun(1204, "article", "articles") == "1,204 articles");
}
