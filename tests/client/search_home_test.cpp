// Portal search and form suggestions against the real demo content (assets/demo/catalog.json and
// assets/demo/kb/*.md, read as the server seeds them): a typo finds the service and the articles
// and no section says "no matches" while another has results, "See all N articles" opens the
// knowledge search, and the suggestions beside a form ignore fragments and unrelated articles.
#include <algorithm>
#include <filesystem>
#include <sstream>

#include "fixtures.h"
#include "shared/api/kb_dto.h"
#include "shared/domain/kb.h"
#include "shared/domain/markdown.h"

using namespace fixtures;

namespace {

namespace fs = std::filesystem;

fs::path DemoDir() { return fs::path(__FILE__).parent_path().parent_path().parent_path() / "assets" / "demo"; }

std::string ReadText(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The demo catalog in file order, with the ids the server gives it (1..14).
std::vector<CatalogItem> DemoCatalog() {
    auto items = api::DecodeCatalogList(ReadText(DemoDir() / "catalog.json"));
    REQUIRE(items.ok());
    for (std::size_t i = 0; i < items->size(); ++i) (*items)[i].id = CatalogItemId(static_cast<std::int64_t>(i + 1));
    return *items;
}

const CatalogItem& DemoItem(const std::vector<CatalogItem>& items, const std::string& title) {
    auto it = std::find_if(items.begin(), items.end(), [&](const CatalogItem& i) { return i.title == title; });
    REQUIRE(it != items.end());
    return *it;
}

// What an employee's index holds: the demo articles that are published for everyone and not
// past review (ids in file order), with the demo synonyms.
api::KbIndex DemoIndex(const Clock& clock) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(DemoDir() / "kb"))
        if (entry.path().extension() == ".md") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 30);
    api::KbIndex index;
    index.version = "demo";
    std::int64_t id = 0;
    for (const fs::path& path : files) {
        auto file = ParseArticleFile(ReadText(path), path.filename().string());
        REQUIRE(file.ok());
        Article article;
        article.id = ArticleId(++id);
        article.content = file->content;
        article.state = file->state;
        if (!IsInEmployeeIndex(article, LocalToday(clock))) continue;
        api::KbIndexEntry e;
        e.id = article.id;
        e.title = article.content.title;
        e.category = article.content.category;
        e.tags = article.content.tags;
        e.text = md::ToPlainText(article.content.body);
        e.updated_at = clock.now - 86400000LL;
        index.articles.push_back(std::move(e));
    }
    auto synonyms = ParseSynonyms(ReadText(DemoDir() / "kb" / "synonyms.txt"));
    REQUIRE(synonyms.ok());
    index.synonyms = *synonyms;
    return index;
}

// Signed in on the home page with the demo catalog and knowledge index loaded.
void DemoHome(App& app) {
    app.SignedIn("#/");
    REQUIRE(app.api.Answer("GET", "/api/v1/catalog", 200, api::EncodeCatalogList(DemoCatalog())));
    app.api.Answer("GET", "/api/v1/requests", 200, api::EncodeRequestPage(Page({}, 0)));
    REQUIRE(app.api.Answer("GET", "/api/v1/kb/index", 200, api::EncodeKbIndex(DemoIndex(app.clock))));
    app.Sync();
}

// Signed in on the demo "New laptop" form with the knowledge index loaded.
CatalogItemId DemoLaptopForm(App& app) {
    const std::vector<CatalogItem> items = DemoCatalog();
    const CatalogItem& laptop = DemoItem(items, "New laptop");
    app.SignedIn("#/catalog/" + std::to_string(laptop.id.value));
    REQUIRE(app.api.Answer("GET", "/api/v1/catalog/" + std::to_string(laptop.id.value), 200,
                           api::EncodeCatalogItem(laptop)));
    REQUIRE(app.api.Answer("GET", "/api/v1/kb/index", 200, api::EncodeKbIndex(DemoIndex(app.clock))));
    app.Sync();
    return laptop.id;
}

std::vector<std::string> TileTitles(const CatalogViewModel& vm) {
    std::vector<std::string> out;
    for (const CatalogTileViewModel& t : vm.results) out.push_back(t.title);
    return out;
}

std::vector<std::string> HitTitles(const std::vector<ArticleHitViewModel>& hits) {
    std::vector<std::string> out;
    for (const ArticleHitViewModel& h : hits) out.push_back(h.title);
    return out;
}

bool Mentions(const CatalogViewModel& vm, const std::string& text) {
    return vm.services_heading.find(text) != std::string::npos || vm.services_note.find(text) != std::string::npos;
}

}  // namespace

// ---- Portal home search ------------------------------------------------------------------------
TEST_CASE("home search: \"pasword reset\" finds the Password reset help service and articles, never \"no matches\"") {
    App app;
    DemoHome(app);
    app.actions.SetSearch("pasword reset");
    const CatalogViewModel vm = BuildHome(app.state, app.clock).catalog;
    REQUIRE(vm.searching);
    REQUIRE_FALSE(vm.results.empty());
    CHECK(vm.results[0].title == "Password reset help");
    CHECK(vm.services_heading == "1 service matches \xE2\x80\x9Cpasword reset\xE2\x80\x9D");
    REQUIRE(vm.article_results.size() == 3);
    CHECK(vm.article_results[0].title == "Reset your password or unlock your account");
    CHECK_FALSE(vm.nothing_found);
    CHECK_FALSE(Mentions(vm, "No matches"));
    CHECK(vm.article_total > 3);
    CHECK(vm.see_all_label == "See all " + std::to_string(vm.article_total) + " articles");
    for (const ArticleHitViewModel& hit : vm.article_results)
        for (const SnippetPiece& piece : hit.snippet) {
            CHECK(piece.text.find('#') == std::string::npos);  // plain text, blocks kept apart
            CHECK(piece.text.find('\n') == std::string::npos);
        }

    // The cached index serves the same answer as a fresh one, and follows a catalog reload.
    CHECK(FreshCatalogSearch(app.state) != nullptr);
    CHECK(TileTitles(vm) == std::vector<std::string>{"Password reset help"});
    app.state.catalog.data.pop_back();
    CHECK(FreshCatalogSearch(app.state) == nullptr);
    CHECK(TileTitles(BuildHome(app.state, app.clock).catalog) == std::vector<std::string>{"Password reset help"});
    app.Sync();
    CHECK(FreshCatalogSearch(app.state) != nullptr);
}

TEST_CASE("home search: services and articles never contradict each other") {
    App app;
    DemoHome(app);
    // "vpm": a typo of a three-letter acronym finds the VPN service and VPN articles.
    app.actions.SetSearch("vpm");
    CatalogViewModel vm = BuildHome(app.state, app.clock).catalog;
    REQUIRE_FALSE(vm.results.empty());
    CHECK(vm.results[0].title == "VPN problem");
    REQUIRE_FALSE(vm.article_results.empty());
    for (const ArticleHitViewModel& hit : vm.article_results) CHECK(hit.title.find("VPN") != std::string::npos);

    // Articles but no service: a hint under them, not "no matches".
    app.actions.SetSearch("echo ");
    vm = BuildHome(app.state, app.clock).catalog;
    CHECK(vm.results.empty());
    REQUIRE_FALSE(vm.article_results.empty());
    CHECK_FALSE(vm.nothing_found);
    CHECK(vm.services_heading.empty());
    CHECK_FALSE(vm.services_note.empty());
    CHECK_FALSE(Mentions(vm, "No matches"));

    // Neither: the one empty state.
    app.actions.SetSearch("zqxv ");
    vm = BuildHome(app.state, app.clock).catalog;
    CHECK(vm.results.empty());
    CHECK(vm.article_results.empty());
    CHECK(vm.nothing_found);
    CHECK(vm.see_all_label.empty());
}

TEST_CASE("home search: \"See all N articles\" opens the knowledge search with the same words") {
    App app;
    Harness h;
    DemoHome(app);
    h.Frames(app, 2);
    REQUIRE(h.Click(app, "search"));
    h.Type(app, "pasword reset");
    h.Frames(app, 2);
    CHECK(HasItem("tile_5"));  // Password reset help, beside the articles
    CHECK_FALSE(HasItem("clear_search_empty"));
    const int total = BuildHome(app.state, app.clock).catalog.article_total;
    REQUIRE(HasItem("see_all_articles"));
    REQUIRE(h.Click(app, "see_all_articles"));
    CHECK(FormatRoute(app.state.route) == "#/kb");
    CHECK(app.state.kb_search == "pasword reset");
    const KbHomeViewModel kb = BuildKbHome(app.state, app.clock);
    CHECK(kb.searching);
    CHECK(static_cast<int>(kb.results.size()) == total);

    // Nothing anywhere: the empty state with its Clear button.
    app.Go("#/");
    app.actions.SetSearch("zqxv ");
    h.Frames(app, 2);
    CHECK(HasItem("clear_search_empty"));
    CHECK_FALSE(HasItem("see_all_articles"));
}

// ---- Suggestions beside a request form ---------------------------------------------------------
TEST_CASE("form suggestions: fragments being typed suggest nothing") {
    App app;
    const CatalogItemId id = DemoLaptopForm(app);
    for (const char* typed : {"ca", "cam", "lapt", "my ", "it is"}) {
        CAPTURE(typed);
        app.actions.EditSummary(id, typed);
        CHECK(BuildForm(app.state, id, app.clock).suggestions.empty());  // the issue: "ca" suggested camera and parking
    }
    app.actions.EditSummary(id, "ca");
    app.actions.EditDescription(id, "The laptop scree");  // the summary's fragment stays a fragment
    for (const ArticleHitViewModel& hit : BuildForm(app.state, id, app.clock).suggestions)
        CHECK(hit.title.find("Parking") == std::string::npos);
}

TEST_CASE("form suggestions: a laptop problem never brings up parking, and the laptop's own articles lead") {
    App app;
    const CatalogItemId id = DemoLaptopForm(app);
    app.actions.EditSummary(id, "laptop screen flickers");
    FormViewModel vm = BuildForm(app.state, id, app.clock);
    REQUIRE_FALSE(vm.suggestions.empty());
    CHECK(vm.suggestions.size() <= 3);
    for (const std::string& title : HitTitles(vm.suggestions)) CHECK(title.find("Parking") == std::string::npos);

    app.actions.EditSummary(id, "New laptop for a new starter");
    vm = BuildForm(app.state, id, app.clock);
    REQUIRE_FALSE(vm.suggestions.empty());
    CHECK(vm.suggestions[0].title == "Your first day: setting up your new laptop");
    for (const std::string& title : HitTitles(vm.suggestions)) CHECK(title.find("Parking") == std::string::npos);
}
