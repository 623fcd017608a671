// Knowledge base over real HTTP: what employees may see on every route (drafts, in review,
// retired, agents-only and past-review articles stay hidden, built through the API and from the
// demo folder), the lifecycle with stale-version 409s, validation, the index ETag, search limits,
// typos and escaped snippets, feedback, deflections, synonyms, the review list and --import-kb.
#include <doctest/doctest.h>

#include <cctype>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>

#include "server/app/clock.h"
#include "test_support.h"

using namespace spoc;
using namespace spoc::test;

namespace {

constexpr const char* kIndex = "/api/v1/kb/index";
constexpr const char* kSearch = "/api/v1/kb/search";
constexpr const char* kArticles = "/api/v1/kb/articles";
constexpr const char* kDeflections = "/api/v1/kb/deflections";
constexpr const char* kReview = "/api/v1/kb/review";
constexpr const char* kStats = "/api/v1/kb/stats";
constexpr const char* kSynonyms = "/api/v1/kb/synonyms";

fs::path RepoRoot() { return SourceDir().parent_path().parent_path(); }

// A TestServer whose assets also hold the real demo articles (assets/demo/kb), seeded at start.
void WithDemoKb(ServerConfig& c) {
    fs::copy(RepoRoot() / "assets" / "demo" / "kb", fs::path(c.assets_dir) / "demo" / "kb",
             fs::copy_options::recursive);
}

std::string ArticlePath(int id, const char* rest = "") {
    return std::string(kArticles) + "/" + std::to_string(id) + rest;
}

std::string DateFromToday(int days) { return FormatDate(app::UtcDate(app::NowMs() + days * 86400000LL)); }

std::string UrlEncode(const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

httplib::Result Put(httplib::Client& cli, const Session& s, const std::string& path, const std::string& body) {
    return cli.Put(path, AuthHeaders(s), body, "application/json");
}

json ArticleBody(const std::string& title, const std::string& body = "Plain steps that help.", json extra = {}) {
    json j = {{"title", title}, {"body", body}, {"category", "Testing"}, {"tags", {"test"}}};
    if (extra.is_object())
        for (auto& [k, v] : extra.items()) j[k] = v;
    return j;
}

json Create(httplib::Client& cli, const Session& s, const json& article) {
    auto res = PostJson(cli, s, kArticles, article.dump());
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 201, res->body);
    return Body(res);
}

// Moves `article` to `state` from its current version; returns the article after the change.
json SetState(httplib::Client& cli, const Session& s, const json& article, const std::string& state) {
    auto res = PostJson(cli, s, ArticlePath(article["id"], "/state"),
                        json{{"state", state}, {"base_version", article["version"]}}.dump());
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, state << ": " << res->body);
    return Body(res);
}

json Publish(httplib::Client& cli, const Session& s, const json& article) {
    return SetState(cli, s, article, "published");
}

std::set<int> IdsOf(const json& items) {
    std::set<int> out;
    for (const auto& item : items) out.insert(item["id"].get<int>());
    return out;
}

std::set<int> IndexIds(httplib::Client& cli, const Session& s) { return IdsOf(GetOk(cli, s, kIndex)["articles"]); }

std::set<int> SearchIds(httplib::Client& cli, const Session& s, const std::string& q, int limit = 50) {
    return IdsOf(
        GetOk(cli, s, std::string(kSearch) + "?q=" + UrlEncode(q) + "&limit=" + std::to_string(limit))["items"]);
}

int ArticleTotal(httplib::Client& cli, const Session& s) {
    return GetOk(cli, s, std::string(kArticles) + "?page_size=1")["total"].get<int>();
}

// title -> id of every article, as staff sees them.
std::map<std::string, int> AllArticles(httplib::Client& cli, const Session& staff) {
    std::map<std::string, int> out;
    for (int page = 1;; ++page) {
        const json list = GetOk(cli, staff, std::string(kArticles) + "?page_size=100&page=" + std::to_string(page));
        for (const auto& a : list["items"]) out[a["title"]] = a["id"];
        if (list["items"].empty() || static_cast<int>(out.size()) >= list["total"].get<int>()) break;
    }
    return out;
}

// Every employee-facing route must treat `id` as missing.
void CheckHiddenFromEmployee(httplib::Client& cli, const Session& emma, int id, const std::string& title) {
    INFO("article " << id << " '" << title << "'");
    CHECK(IndexIds(cli, emma).count(id) == 0);
    CHECK(SearchIds(cli, emma, title).count(id) == 0);
    auto read = Get(cli, emma, ArticlePath(id));
    REQUIRE(read);
    CHECK(read->status == 404);
    CHECK(ErrorCodeOf(read) == "not_found");
    auto read_quietly = Get(cli, emma, ArticlePath(id) + "?view=false");
    REQUIRE(read_quietly);
    CHECK(read_quietly->status == 404);
    auto versions = Get(cli, emma, ArticlePath(id, "/versions"));
    REQUIRE(versions);
    CHECK(versions->status == 404);
    auto vote = PostJson(cli, emma, ArticlePath(id, "/feedback"), R"({"helpful":true})");
    REQUIRE(vote);
    CHECK(vote->status == 404);
    auto deflect = PostJson(cli, emma, kDeflections, json{{"article_id", id}, {"catalog_item_id", 1}}.dump());
    REQUIRE(deflect);
    CHECK(deflect->status == 404);
    for (const char* params : {"", "?state=draft", "?state=retired", "?state=in_review",
                               "?state=draft,in_review,published,retired", "?sort=title", "?sort=helpful",
                               "?sort=views", "?sort=updated&mine=true", "?state=draft&sort=title&page_size=100"}) {
        INFO("list" << params);
        const json list = GetOk(cli, emma, std::string(kArticles) + params);
        CHECK(IdsOf(list["items"]).count(id) == 0);
        for (const auto& a : list["items"]) {
            CHECK(a["state"] == "published");
            CHECK(a["audience"] == "everyone");
        }
    }
}

// Field names of a 422 body's details.
std::set<std::string> DetailFields(const httplib::Result& res) {
    std::set<std::string> out;
    const json body = Body(res);
    if (body.is_object() && body.contains("error") && body["error"].contains("details"))
        for (const auto& d : body["error"]["details"]) out.insert(d["field"].get<std::string>());
    return out;
}

void WriteFile(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

}  // namespace

// [SECTION] Visibility

TEST_CASE("kb: employees never see drafts, in-review, retired, agents-only or past-review articles on any route") {
    TestServer server;
    auto cli = server.Client();
    Session ava = SignIn(cli, "ava");
    Session emma = SignIn(cli, "emma");

    const json draft = Create(cli, ava, ArticleBody("Quokka draft procedure"));
    const json in_review = SetState(cli, ava, Create(cli, ava, ArticleBody("Wombat review procedure")), "in_review");
    const json retired =
        SetState(cli, ava, Publish(cli, ava, Create(cli, ava, ArticleBody("Numbat retired procedure"))), "retired");
    const json agents = Publish(
        cli, ava, Create(cli, ava, ArticleBody("Dingo agents procedure", "Runbook.", {{"audience", "agents"}})));
    const json expired = Publish(
        cli, ava,
        Create(cli, ava, ArticleBody("Platypus expired procedure", "Old.", {{"review_by", DateFromToday(-1)}})));
    const json due_today = Publish(
        cli, ava, Create(cli, ava, ArticleBody("Echidna due procedure", "Due.", {{"review_by", DateFromToday(0)}})));
    const json visible = Publish(cli, ava, Create(cli, ava, ArticleBody("Koala visible procedure")));
    CHECK(retired["state"] == "retired");
    CHECK(agents["audience"] == "agents");

    const std::vector<std::pair<json, std::string>> hidden = {{draft, "Quokka draft procedure"},
                                                              {in_review, "Wombat review procedure"},
                                                              {retired, "Numbat retired procedure"},
                                                              {agents, "Dingo agents procedure"},
                                                              {expired, "Platypus expired procedure"}};
    for (const auto& [article, title] : hidden) CheckHiddenFromEmployee(cli, emma, article["id"], title);

    // The control group: what emma may read is there on every route.
    for (const json& shown : {visible, due_today}) {
        const int id = shown["id"];
        INFO("visible article " << id);
        CHECK(IndexIds(cli, emma).count(id) == 1);
        CHECK(SearchIds(cli, emma, shown["title"]).count(id) == 1);
        CHECK(GetOk(cli, emma, ArticlePath(id))["title"] == shown["title"]);
        CHECK(IdsOf(GetOk(cli, emma, std::string(kArticles) + "?state=draft")["items"]).count(id) == 1);
    }
    const json emma_list = GetOk(cli, emma, std::string(kArticles) + "?state=draft,in_review,retired");
    CHECK(emma_list["total"] == 2);
    CHECK(IdsOf(emma_list["items"]) == std::set<int>{visible["id"].get<int>(), due_today["id"].get<int>()});

    // Staff: every published article (agents-only and past review too) in the index and search;
    // drafts/in-review/retired are not in either but can be opened.
    const std::set<int> staff_index = IndexIds(cli, ava);
    CHECK(staff_index.count(agents["id"]) == 1);
    CHECK(staff_index.count(expired["id"]) == 1);
    CHECK(staff_index.count(draft["id"]) == 0);
    CHECK(staff_index.count(retired["id"]) == 0);
    CHECK(SearchIds(cli, ava, "Dingo agents procedure").count(agents["id"]) == 1);
    CHECK(SearchIds(cli, ava, "Platypus expired procedure").count(expired["id"]) == 1);
    CHECK(SearchIds(cli, ava, "Quokka draft procedure").count(draft["id"]) == 0);
    for (const auto& [article, title] : hidden) CHECK(GetOk(cli, ava, ArticlePath(article["id"]))["title"] == title);
    CHECK(GetOk(cli, ava, std::string(kArticles))["total"] == 7);
    CHECK(GetOk(cli, ava, std::string(kArticles) + "?state=draft,in_review")["total"] == 2);
    const json index = GetOk(cli, ava, kIndex);
    for (const auto& a : index["articles"])
        if (a["id"] == agents["id"]) CHECK(a["audience"] == "agents");
}

TEST_CASE("kb: the demo articles: employees see exactly the 32 current published-for-everyone ones") {
    TestServer server(WithDemoKb);
    auto cli = server.Client();
    Session ava = SignIn(cli, "ava");
    Session emma = SignIn(cli, "emma");

    const auto all = AllArticles(cli, ava);
    REQUIRE(all.size() == 41);
    const std::vector<std::string> hidden_titles = {
        "Office Wi-Fi password for 2025",                    // past review_by
        "Agent: VPN gateway troubleshooting",                // agents only
        "Agent runbook: unlocking an AD account",            // agents only
        "Agent: MFA reset and temporary access pass",        // agents only
        "Agent: reimaging a laptop",                         // agents only
        "Windows 11 24H2 upgrade: what to expect",           // draft
        "Northwind password manager (1Password) rollout",    // draft
        "Booking a hot desk with the new desk booking app",  // draft
        "Legacy Cisco AnyConnect VPN guide",                 // retired
    };
    std::set<int> hidden;
    for (const auto& title : hidden_titles) {
        REQUIRE_MESSAGE(all.count(title) == 1, title);
        hidden.insert(all.at(title));
    }

    const std::set<int> emma_index = IndexIds(cli, emma);
    CHECK(emma_index.size() == 32);
    CHECK(GetOk(cli, emma, std::string(kArticles) + "?page_size=100")["total"] == 32);
    CHECK(IdsOf(GetOk(cli, emma, std::string(kArticles) + "?page_size=100&sort=title")["items"]) == emma_index);
    CHECK(IndexIds(cli, ava).size() == 37);  // every published one, agents-only and overdue included
    for (const auto& title : hidden_titles) CheckHiddenFromEmployee(cli, emma, all.at(title), title);
    for (const auto& [title, id] : all) {
        if (hidden.count(id)) continue;
        CHECK_MESSAGE(emma_index.count(id) == 1, title);
    }
    // Published but hidden from emma: staff find them by their title.
    for (const char* title :
         {"Office Wi-Fi password for 2025", "Agent: VPN gateway troubleshooting", "Agent: reimaging a laptop"})
        CHECK_MESSAGE(SearchIds(cli, ava, title).count(all.at(title)) == 1, title);
    // The expired Wi-Fi page is on root's review list (root owns it), not on ava's.
    Session root = SignIn(cli, "root");
    CHECK(IdsOf(GetOk(cli, root, kReview)["items"]).count(all.at("Office Wi-Fi password for 2025")) == 1);
    CHECK(IdsOf(GetOk(cli, ava, kReview)["items"]).count(all.at("Office Wi-Fi password for 2025")) == 0);
}

// [SECTION] Lifecycle

TEST_CASE("kb: lifecycle: create, stale edits get 409, edits bump the version, transitions, 403 and CSRF") {
    TestServer server;
    auto cli = server.Client();
    Session ava = SignIn(cli, "ava");
    Session emma = SignIn(cli, "emma");

    auto created = PostJson(cli, ava, kArticles, ArticleBody("Printer offline", "Turn it off and on.").dump());
    REQUIRE(created);
    REQUIRE_MESSAGE(created->status == 201, created->body);
    json a = Body(created);
    const int id = a["id"];
    CHECK(created->get_header_value("Location") == ArticlePath(id));
    CHECK(a["state"] == "draft");
    CHECK(a["version"] == 1);
    CHECK(a["owner_name"] == "Ava Patel");
    CHECK(a["body"] == "Turn it off and on.");

    // Edit from version 1 -> version 2.
    json edit = ArticleBody("Printer offline", "Turn it off and on again.");
    edit["base_version"] = 1;
    auto edited = Put(cli, ava, ArticlePath(id), edit.dump());
    REQUIRE(edited);
    REQUIRE_MESSAGE(edited->status == 200, edited->body);
    a = Body(edited);
    CHECK(a["version"] == 2);
    CHECK(a["body"] == "Turn it off and on again.");
    json versions = GetOk(cli, ava, ArticlePath(id, "/versions"))["items"];
    REQUIRE(versions.size() == 2);
    CHECK(versions[0]["version"] == 2);  // newest first
    CHECK(versions[0]["change"] == "edited");
    CHECK(versions[0]["author_name"] == "Ava Patel");
    CHECK(versions[0]["body"] == "Turn it off and on again.");
    CHECK(versions[1]["version"] == 1);
    CHECK(versions[1]["change"] == "created");

    // A second edit still based on version 1 is stale: 409, nothing stored.
    json stale = ArticleBody("Printer offline (stale)", "Lost update.");
    stale["base_version"] = 1;
    auto conflict = Put(cli, ava, ArticlePath(id), stale.dump());
    REQUIRE(conflict);
    CHECK(conflict->status == 409);
    CHECK(ErrorCodeOf(conflict) == "conflict");
    CHECK(Body(conflict)["error"]["field"] == "base_version");
    const json after_conflict = GetOk(cli, ava, ArticlePath(id) + "?view=false");
    CHECK(after_conflict["version"] == 2);
    CHECK(after_conflict["title"] == "Printer offline");
    CHECK(after_conflict["body"] == "Turn it off and on again.");
    CHECK(GetOk(cli, ava, ArticlePath(id, "/versions"))["items"].size() == 2);
    // A base version from the future is as stale as one from the past.
    stale["base_version"] = 9;
    auto future = Put(cli, ava, ArticlePath(id), stale.dump());
    REQUIRE(future);
    CHECK(future->status == 409);

    // Stale state changes are refused too.
    auto stale_state = PostJson(cli, ava, ArticlePath(id, "/state"), R"({"state":"published","base_version":1})");
    REQUIRE(stale_state);
    CHECK(stale_state->status == 409);
    CHECK(GetOk(cli, ava, ArticlePath(id) + "?view=false")["state"] == "draft");

    // draft -> in_review -> published -> retired -> (published refused) -> draft.
    a = SetState(cli, ava, a, "in_review");
    CHECK(a["version"] == 3);
    a = SetState(cli, ava, a, "published");
    CHECK(a.contains("published_at"));
    auto back_to_review = PostJson(cli, ava, ArticlePath(id, "/state"),
                                   json{{"state", "in_review"}, {"base_version", a["version"]}}.dump());
    REQUIRE(back_to_review);
    CHECK(back_to_review->status == 409);
    a = SetState(cli, ava, a, "retired");
    auto republish = PostJson(cli, ava, ArticlePath(id, "/state"),
                              json{{"state", "published"}, {"base_version", a["version"]}}.dump());
    REQUIRE(republish);
    CHECK(republish->status == 409);
    CHECK(Body(republish)["error"]["field"] == "state");
    CHECK(GetOk(cli, ava, ArticlePath(id) + "?view=false")["state"] == "retired");
    a = SetState(cli, ava, a, "draft");
    CHECK(a["version"] == 6);
    versions = GetOk(cli, ava, ArticlePath(id, "/versions"))["items"];
    REQUIRE(versions.size() == 6);
    CHECK(versions[0]["change"] == "moved to draft");
    CHECK(versions[1]["change"] == "retired");
    CHECK(versions[2]["change"] == "published");
    CHECK(versions[3]["change"] == "sent for review");
    auto bad_state = PostJson(cli, ava, ArticlePath(id, "/state"),
                              json{{"state", "archived"}, {"base_version", a["version"]}}.dump());
    REQUIRE(bad_state);
    CHECK(bad_state->status / 100 == 4);
    CHECK(bad_state->status != 200);

    // Employees may not write, whatever they send.
    const int total = ArticleTotal(cli, ava);
    auto emma_create = PostJson(cli, emma, kArticles, ArticleBody("Emma's tip").dump());
    REQUIRE(emma_create);
    CHECK(emma_create->status == 403);
    CHECK(ErrorCodeOf(emma_create) == "forbidden");
    json emma_edit = ArticleBody("Hijacked");
    emma_edit["base_version"] = a["version"];
    auto emma_put = Put(cli, emma, ArticlePath(id), emma_edit.dump());
    REQUIRE(emma_put);
    CHECK(emma_put->status == 403);
    auto emma_state = PostJson(cli, emma, ArticlePath(id, "/state"),
                               json{{"state", "published"}, {"base_version", a["version"]}}.dump());
    REQUIRE(emma_state);
    CHECK(emma_state->status == 403);

    // Without the CSRF header, even ava's writes are refused.
    auto no_csrf_create =
        cli.Post(kArticles, AuthHeaders(ava, false), ArticleBody("No CSRF").dump(), "application/json");
    REQUIRE(no_csrf_create);
    CHECK(no_csrf_create->status == 403);
    CHECK(ErrorCodeOf(no_csrf_create) == "csrf_failed");
    json csrf_edit = ArticleBody("No CSRF edit");
    csrf_edit["base_version"] = a["version"];
    auto no_csrf_put = cli.Put(ArticlePath(id), AuthHeaders(ava, false), csrf_edit.dump(), "application/json");
    REQUIRE(no_csrf_put);
    CHECK(no_csrf_put->status == 403);
    auto no_csrf_state =
        cli.Post(ArticlePath(id, "/state"), AuthHeaders(ava, false),
                 json{{"state", "published"}, {"base_version", a["version"]}}.dump(), "application/json");
    REQUIRE(no_csrf_state);
    CHECK(no_csrf_state->status == 403);

    CHECK(ArticleTotal(cli, ava) == total);
    const json unchanged = GetOk(cli, ava, ArticlePath(id) + "?view=false");
    CHECK(unchanged["title"] == "Printer offline");
    CHECK(unchanged["state"] == "draft");
    CHECK(unchanged["version"] == a["version"]);
}

// [SECTION] Validation

TEST_CASE("kb: invalid articles get 422 naming the field and nothing is stored") {
    TestServer server;
    auto cli = server.Client();
    Session ava = SignIn(cli, "ava");
    const json existing = Create(cli, ava, ArticleBody("A valid article"));
    const int before = ArticleTotal(cli, ava);

    json thirteen_tags = json::array();
    for (int i = 0; i < 13; ++i) thirteen_tags.push_back("tag" + std::to_string(i));
    struct Case {
        const char* name;
        json body;
        const char* field;
    };
    const std::vector<Case> cases = {
        {"empty title", ArticleBody(""), "title"},
        {"blank title", ArticleBody("   "), "title"},
        {"200-character title", ArticleBody(std::string(200, 'x')), "title"},
        {"review_by not a date", ArticleBody("Good title", "Body.", {{"review_by", "next week"}}), "review_by"},
        {"review_by impossible day", ArticleBody("Good title", "Body.", {{"review_by", "2027-02-30"}}), "review_by"},
        {"13 tags", ArticleBody("Good title", "Body.", {{"tags", thirteen_tags}}), "tags"},
        {"control character in title", ArticleBody("Bad\x01title"), "title"},
        {"control character in body", ArticleBody("Good title", "Ring\x07 the bell"), "body"},
        {"control character in a tag", ArticleBody("Good title", "Body.", {{"tags", {"ok", "b\x1b[31m"}}}), "tags"},
        {"empty body", ArticleBody("Good title", " \n "), "body"},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        auto res = PostJson(cli, ava, kArticles, c.body.dump());
        REQUIRE(res);
        CHECK(res->status == 422);
        CHECK(ErrorCodeOf(res) == "validation_failed");
        CHECK(DetailFields(res).count(c.field) == 1);

        json edit = c.body;
        edit["base_version"] = existing["version"];
        auto put = Put(cli, ava, ArticlePath(existing["id"]), edit.dump());
        REQUIRE(put);
        CHECK(put->status == 422);
        CHECK(DetailFields(put).count(c.field) == 1);
    }
    // Several problems at once are all reported.
    auto many = PostJson(cli, ava, kArticles,
                         ArticleBody("", "Body.", {{"review_by", "soon"}, {"tags", thirteen_tags}}).dump());
    REQUIRE(many);
    CHECK(many->status == 422);
    CHECK(DetailFields(many) == std::set<std::string>{"title", "review_by", "tags"});

    CHECK(ArticleTotal(cli, ava) == before);
    const json after = GetOk(cli, ava, ArticlePath(existing["id"]) + "?view=false");
    CHECK(after["version"] == existing["version"]);
    CHECK(after["title"] == "A valid article");
    CHECK(GetOk(cli, ava, ArticlePath(existing["id"], "/versions"))["items"].size() == 1);

    // 120 characters (the limit) and 12 tags are fine.
    thirteen_tags.erase(thirteen_tags.begin());
    const json at_limit = Create(cli, ava, ArticleBody(std::string(120, 'y'), "Body.", {{"tags", thirteen_tags}}));
    CHECK(at_limit["tags"].size() == 12);
    CHECK(ArticleTotal(cli, ava) == before + 1);
}

// [SECTION] Index ETag

TEST_CASE("kb: the index has an ETag, 304 when unchanged, a new one after publishing, per audience") {
    TestServer server;
    auto cli = server.Client();
    Session ava = SignIn(cli, "ava");
    Session emma = SignIn(cli, "emma");
    const json first = Publish(cli, ava, Create(cli, ava, ArticleBody("First article")));

    auto res = Get(cli, emma, kIndex);
    REQUIRE(res);
    REQUIRE(res->status == 200);
    const std::string etag = res->get_header_value("ETag");
    CHECK(!etag.empty());
    CHECK(etag.front() == '"');
    CHECK(Body(res)["articles"].size() == 1);
    CHECK(IdsOf(Body(res)["articles"]).count(first["id"]) == 1);

    auto conditional = [&](const Session& s, const std::string& tag) {
        httplib::Headers h = AuthHeaders(s, false);
        h.emplace("If-None-Match", tag);
        return cli.Get(kIndex, h);
    };
    auto not_modified = conditional(emma, etag);
    REQUIRE(not_modified);
    CHECK(not_modified->status == 304);
    CHECK(not_modified->body.empty());
    CHECK(not_modified->get_header_value("ETag") == etag);
    auto other_tag = conditional(emma, "\"kb-something-else\"");
    REQUIRE(other_tag);
    CHECK(other_tag->status == 200);

    // The agent's index is another document with another tag; emma's tag doesn't fit it.
    auto staff = Get(cli, ava, kIndex);
    REQUIRE(staff);
    const std::string staff_etag = staff->get_header_value("ETag");
    CHECK(!staff_etag.empty());
    CHECK(staff_etag != etag);
    auto cross = conditional(ava, etag);
    REQUIRE(cross);
    CHECK(cross->status == 200);

    // Changes emma can't see leave her tag alone.
    const json draft = Create(cli, ava, ArticleBody("Second article"));
    Publish(cli, ava, Create(cli, ava, ArticleBody("Agents article", "Runbook.", {{"audience", "agents"}})));
    auto still = conditional(emma, etag);
    REQUIRE(still);
    CHECK(still->status == 304);
    CHECK(Get(cli, ava, kIndex)->get_header_value("ETag") != staff_etag);

    // Publishing changes it, and the new article is in the download.
    const json second = Publish(cli, ava, draft);
    auto changed = conditional(emma, etag);
    REQUIRE(changed);
    CHECK(changed->status == 200);
    const std::string new_etag = changed->get_header_value("ETag");
    CHECK(new_etag != etag);
    CHECK(IdsOf(Body(changed)["articles"]).count(second["id"]) == 1);
    CHECK(Body(changed)["articles"].size() == 2);
    CHECK(conditional(emma, new_etag)->status == 304);

    // An edit to a published article changes it too.
    json edit = ArticleBody("Second article", "New text.");
    edit["base_version"] = second["version"];
    auto put = Put(cli, ava, ArticlePath(second["id"]), edit.dump());
    REQUIRE(put);
    REQUIRE(put->status == 200);
    CHECK(conditional(emma, new_etag)->status == 200);
}

// [SECTION] Search

TEST_CASE("kb: search limits, typo tolerance and HTML-escaped snippets") {
    TestServer server(WithDemoKb);
    auto cli = server.Client();
    Session ava = SignIn(cli, "ava");
    Session emma = SignIn(cli, "emma");

    auto status_of = [&](const std::string& query) {
        auto res = Get(cli, emma, std::string(kSearch) + query);
        REQUIRE(res);
        return res->status;
    };
    CHECK(status_of("?q=" + std::string(200, 'a')) == 200);
    CHECK(status_of("?q=" + std::string(201, 'a')) == 400);
    CHECK(status_of("?q=vpn&limit=0") == 400);
    CHECK(status_of("?q=vpn&limit=51") == 400);
    CHECK(status_of("?q=vpn&limit=-1") == 400);
    CHECK(status_of("?q=vpn&limit=abc") == 400);
    CHECK(status_of("?q=vpn&limit=50") == 200);
    CHECK(status_of("?q=vpn&limit=1") == 200);
    CHECK(status_of("?q=%FF%FE") == 400);  // not UTF-8
    CHECK(GetOk(cli, emma, std::string(kSearch) + "?q=vpn&limit=2")["items"].size() == 2);
    CHECK(GetOk(cli, emma, std::string(kSearch) + "?q=")["items"].empty());

    const int password_article = AllArticles(cli, ava).at("Reset your password or unlock your account");
    const json typo = GetOk(cli, emma, std::string(kSearch) + "?q=pasword%20reset");
    REQUIRE(!typo["items"].empty());
    CHECK(typo["items"][0]["id"] == password_article);
    CHECK(typo["query"] == "pasword reset");
    CHECK(SearchIds(cli, emma, "pasword").count(password_article) == 1);  // the typo alone still finds it
    CHECK(SearchIds(cli, emma, "unlok acount").count(password_article) == 1);

    // Article text is escaped in snippet_html; only the <mark> tags are markup.
    const json xss = Publish(cli, ava,
                             Create(cli, ava,
                                    ArticleBody("Kumquat script notice",
                                                "If a page shows <script>alert('kumquat')</script> & \"quotes\", "
                                                "report the kumquat page.")));
    const json hits = GetOk(cli, emma, std::string(kSearch) + "?q=kumquat");
    REQUIRE(!hits["items"].empty());
    const json hit = hits["items"][0];
    CHECK(hit["id"] == xss["id"]);
    const std::string html = hit["snippet_html"];
    INFO("snippet_html: " << html);
    CHECK(html.find("&lt;script&gt;") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("</script") == std::string::npos);
    CHECK(html.find("<mark>") != std::string::npos);
    for (std::size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1))
        CHECK((html.compare(at, 6, "<mark>") == 0 || html.compare(at, 7, "</mark>") == 0));
    const std::string plain = hit["snippet"];
    CHECK(plain.find("<script>") != std::string::npos);  // the plain snippet is text, for text renderers
    CHECK(plain.find('\x01') == std::string::npos);
}

// [SECTION] Feedback

TEST_CASE("kb: feedback is one vote per user, comments are capped, admins see them in the stats") {
    TestServer server;
    auto cli = server.Client();
    Session ava = SignIn(cli, "ava");
    Session emma = SignIn(cli, "emma");
    Session liam = SignIn(cli, "liam");
    Session root = SignIn(cli, "root");
    const json article = Publish(cli, ava, Create(cli, ava, ArticleBody("Teams camera not working")));
    const std::string feedback = ArticlePath(article["id"], "/feedback");

    auto first = PostJson(cli, emma, feedback, R"({"helpful":true})");
    REQUIRE(first);
    REQUIRE_MESSAGE(first->status == 200, first->body);
    CHECK(Body(first)["helpful"] == 1);
    CHECK(Body(first)["not_helpful"] == 0);

    auto second = PostJson(cli, emma, feedback, R"({"helpful":false,"comment":"Step 2 is out of date."})");
    REQUIRE(second);
    REQUIRE_MESSAGE(second->status == 200, second->body);
    CHECK(Body(second)["helpful"] == 0);
    CHECK(Body(second)["not_helpful"] == 1);

    auto other_user = PostJson(cli, liam, feedback, R"({"helpful":true})");
    REQUIRE(other_user);
    CHECK(Body(other_user)["helpful"] == 1);
    CHECK(Body(other_user)["not_helpful"] == 1);

    const std::string too_long = json{{"helpful", true}, {"comment", std::string(1001, 'z')}}.dump();
    auto rejected = PostJson(cli, emma, feedback, too_long);
    REQUIRE(rejected);
    CHECK(rejected->status == 422);
    CHECK(DetailFields(rejected).count("comment") == 1);
    const std::string at_limit = json{{"helpful", false}, {"comment", std::string(1000, 'q')}}.dump();
    auto accepted = PostJson(cli, liam, feedback, at_limit);
    REQUIRE(accepted);
    CHECK(accepted->status == 200);
    auto no_vote = PostJson(cli, emma, feedback, R"({"comment":"no vote"})");
    REQUIRE(no_vote);
    CHECK(no_vote->status / 100 == 4);

    const json read = GetOk(cli, ava, ArticlePath(article["id"]) + "?view=false");
    CHECK(read["helpful"] == 0);
    CHECK(read["not_helpful"] == 2);

    // Feedback on an unpublished article: 404 for employees (hidden), 409 for staff.
    const json draft = Create(cli, ava, ArticleBody("Unpublished tip"));
    auto draft_vote = PostJson(cli, ava, ArticlePath(draft["id"], "/feedback"), R"({"helpful":true})");
    REQUIRE(draft_vote);
    CHECK(draft_vote->status == 409);
    auto missing = PostJson(cli, emma, ArticlePath(9999, "/feedback"), R"({"helpful":true})");
    REQUIRE(missing);
    CHECK(missing->status == 404);

    const json stats = GetOk(cli, root, kStats);
    bool found = false;
    for (const auto& f : stats["recent_feedback"]) {
        if (f["comment"] != "Step 2 is out of date.") continue;
        found = true;
        CHECK(f["article_id"] == article["id"]);
        CHECK(f["title"] == "Teams camera not working");
        CHECK(f["helpful"] == false);
        CHECK(f["user_name"] == "Emma Jones");
    }
    CHECK(found);
    CHECK(stats["recent_feedback"].size() == 2);  // votes without a comment are not listed
    CHECK(stats["articles_published"] == 1);

    for (const Session* s : {&ava, &emma}) {
        auto denied = Get(cli, *s, kStats);
        REQUIRE(denied);
        CHECK(denied->status == 403);
    }
}

// [SECTION] Deflection

TEST_CASE("kb: 'This solved it' records a deflection; unknown items and hidden articles are 404") {
    TestServer server;
    auto cli = server.Client();
    Session ava = SignIn(cli, "ava");
    Session emma = SignIn(cli, "emma");
    Session root = SignIn(cli, "root");
    const json article = Publish(cli, ava, Create(cli, ava, ArticleBody("VPN drops every hour")));
    const int before = GetOk(cli, root, kStats)["deflections_total"];

    auto ok = PostJson(cli, emma, kDeflections,
                       json{{"article_id", article["id"]}, {"catalog_item_id", 2}, {"query", "vpn drops"}}.dump());
    REQUIRE(ok);
    CHECK(ok->status == 204);
    CHECK(ok->body.empty());
    auto without_item = PostJson(cli, emma, kDeflections, json{{"article_id", article["id"]}}.dump());
    REQUIRE(without_item);
    CHECK(without_item->status == 204);

    auto unknown_item =
        PostJson(cli, emma, kDeflections, json{{"article_id", article["id"]}, {"catalog_item_id", 999}}.dump());
    REQUIRE(unknown_item);
    CHECK(unknown_item->status == 404);
    CHECK(Body(unknown_item)["error"]["field"] == "catalog_item_id");
    auto unknown_article = PostJson(cli, emma, kDeflections, json{{"article_id", 9999}, {"catalog_item_id", 2}}.dump());
    REQUIRE(unknown_article);
    CHECK(unknown_article->status == 404);
    auto no_article = PostJson(cli, emma, kDeflections, json{{"catalog_item_id", 2}}.dump());
    REQUIRE(no_article);
    CHECK(no_article->status / 100 == 4);
    auto no_csrf = cli.Post(kDeflections, AuthHeaders(emma, false), json{{"article_id", article["id"]}}.dump(),
                            "application/json");
    REQUIRE(no_csrf);
    CHECK(no_csrf->status == 403);

    const json stats = GetOk(cli, root, kStats);
    CHECK(stats["deflections_total"] == before + 2);
    CHECK(stats["deflections_30d"] == before + 2);
    REQUIRE(!stats["top_deflecting"].empty());
    CHECK(stats["top_deflecting"][0]["id"] == article["id"]);
    CHECK(stats["top_deflecting"][0]["deflections"] == 2);
    CHECK(GetOk(cli, ava, ArticlePath(article["id"]) + "?view=false")["deflections"] == 2);
}

// [SECTION] Synonyms

TEST_CASE("kb: synonyms: admins set them, search uses them both ways, bad lines are 422 'line N'") {
    TestServer server;  // fixture assets: no demo articles, no synonyms
    auto cli = server.Client();
    Session ava = SignIn(cli, "ava");
    Session emma = SignIn(cli, "emma");
    Session root = SignIn(cli, "root");
    const json vpn = Publish(cli, ava,
                             Create(cli, ava,
                                    ArticleBody("GlobalProtect VPN client setup",
                                                "Install the GlobalProtect client, then sign in with your laptop "
                                                "account. The VPN connects by itself.")));
    Publish(cli, ava, Create(cli, ava, ArticleBody("Printer toner", "Replace the toner cartridge.")));

    CHECK(SearchIds(cli, emma, "remote access").count(vpn["id"]) == 0);
    CHECK(GetOk(cli, ava, kSynonyms)["text"] == "");
    const std::string etag = Get(cli, emma, kIndex)->get_header_value("ETag");

    auto saved = Put(cli, root, kSynonyms, json{{"text", "# network\nvpn = remote access\n"}}.dump());
    REQUIRE(saved);
    REQUIRE_MESSAGE(saved->status == 200, saved->body);
    CHECK(SearchIds(cli, emma, "remote access").count(vpn["id"]) == 1);
    CHECK(SearchIds(cli, ava, "remote access").count(vpn["id"]) == 1);
    CHECK(GetOk(cli, ava, kSynonyms)["text"] == "# network\nvpn = remote access\n");
    const json index = GetOk(cli, emma, kIndex);
    REQUIRE(index["synonyms"].size() == 1);
    CHECK(index["synonyms"][0] == json::array({"vpn", "remote access"}));
    CHECK(Get(cli, emma, kIndex)->get_header_value("ETag") != etag);

    auto agent = Put(cli, ava, kSynonyms, json{{"text", "printer = copier"}}.dump());
    REQUIRE(agent);
    CHECK(agent->status == 403);
    auto employee = Put(cli, emma, kSynonyms, json{{"text", "printer = copier"}}.dump());
    REQUIRE(employee);
    CHECK(employee->status == 403);
    auto employee_read = Get(cli, emma, kSynonyms);
    REQUIRE(employee_read);
    CHECK(employee_read->status == 403);

    auto bad = Put(cli, root, kSynonyms, json{{"text", "vpn = remote access\n\nprinter copier\n"}}.dump());
    REQUIRE(bad);
    CHECK(bad->status == 422);
    CHECK(Body(bad)["error"]["field"] == "line 3");
    auto bad_two = Put(cli, root, kSynonyms, json{{"text", "a = b = c"}}.dump());
    REQUIRE(bad_two);
    CHECK(bad_two->status == 422);
    CHECK(Body(bad_two)["error"]["field"] == "line 1");
    CHECK(GetOk(cli, ava, kSynonyms)["text"] == "# network\nvpn = remote access\n");
    CHECK(SearchIds(cli, emma, "remote access").count(vpn["id"]) == 1);

    // Cleared again: the synonym no longer matches.
    auto cleared = Put(cli, root, kSynonyms, json{{"text", ""}}.dump());
    REQUIRE(cleared);
    CHECK(cleared->status == 200);
    CHECK(SearchIds(cli, emma, "remote access").count(vpn["id"]) == 0);
}

// [SECTION] Review list

TEST_CASE("kb: the review list holds the caller's overdue articles and everything in review; staff only") {
    TestServer server;
    auto cli = server.Client();
    Session ava = SignIn(cli, "ava");
    Session emma = SignIn(cli, "emma");
    Session root = SignIn(cli, "root");

    const json overdue =
        Publish(cli, ava, Create(cli, ava, ArticleBody("Overdue guide", "Old.", {{"review_by", DateFromToday(-3)}})));
    const json overdue_draft =
        Create(cli, ava, ArticleBody("Overdue draft", "Old.", {{"review_by", DateFromToday(-1)}}));
    const json future =
        Publish(cli, ava, Create(cli, ava, ArticleBody("Fresh guide", "New.", {{"review_by", DateFromToday(30)}})));
    const json no_date = Publish(cli, ava, Create(cli, ava, ArticleBody("Undated guide")));
    const json retired =
        SetState(cli, ava, Create(cli, ava, ArticleBody("Retired overdue", "Old.", {{"review_by", DateFromToday(-5)}})),
                 "retired");
    const json roots_overdue =
        Publish(cli, root, Create(cli, root, ArticleBody("Root overdue", "Old.", {{"review_by", DateFromToday(-2)}})));
    const json in_review = SetState(cli, root, Create(cli, root, ArticleBody("Root in review")), "in_review");

    const json list = GetOk(cli, ava, kReview);
    const std::set<int> ids = IdsOf(list["items"]);
    CHECK(ids.count(overdue["id"]) == 1);
    CHECK(ids.count(overdue_draft["id"]) == 1);
    CHECK(ids.count(in_review["id"]) == 1);  // anyone's article in review
    CHECK(ids.count(future["id"]) == 0);
    CHECK(ids.count(no_date["id"]) == 0);
    CHECK(ids.count(retired["id"]) == 0);
    CHECK(ids.count(roots_overdue["id"]) == 0);  // root's own, not ava's
    CHECK(list["total"] == 3);
    CHECK(list["items"][0]["id"] == in_review["id"]);  // in review first

    const std::set<int> root_ids = IdsOf(GetOk(cli, root, kReview)["items"]);
    CHECK(root_ids == std::set<int>{roots_overdue["id"].get<int>(), in_review["id"].get<int>()});

    auto denied = Get(cli, emma, kReview);
    REQUIRE(denied);
    CHECK(denied->status == 403);
    CHECK(ErrorCodeOf(denied) == "forbidden");

    // The overdue published article is off the employee side until its date moves on.
    CHECK(Get(cli, emma, ArticlePath(overdue["id"]))->status == 404);
    json edit = ArticleBody("Overdue guide", "Checked again.", {{"review_by", DateFromToday(180)}});
    edit["base_version"] = overdue["version"];
    auto renewed = Put(cli, ava, ArticlePath(overdue["id"]), edit.dump());
    REQUIRE(renewed);
    REQUIRE(renewed->status == 200);
    CHECK(IdsOf(GetOk(cli, ava, kReview)["items"]).count(overdue["id"]) == 0);
    CHECK(Get(cli, emma, ArticlePath(overdue["id"]))->status == 200);
    CHECK(IndexIds(cli, emma).count(overdue["id"]) == 1);
}

// [SECTION] Import

TEST_CASE("kb: --import-kb creates, leaves unchanged, updates, and reports bad files with exit 1") {
    TempDir dir;
    WriteFixtureAssets(dir.path() / "assets");
    const fs::path data = dir.path() / "data";
    const fs::path folder = dir.path() / "articles";
    fs::create_directories(folder);
    WriteFile(folder / "01-vpn.md",
              "---\ntitle: Importing the VPN guide\ncategory: Network\ntags: vpn, remote\naudience: everyone\n"
              "state: published\nowner: ava\nreview_by: 2099-01-31\n---\nInstall the client.\n\n## Then\nSign in.\n");
    WriteFile(folder / "02-printer.md", "# Printer quick fix\n\nSwitch it off and on.\n");
    WriteFile(folder / "notes.txt", "not an article");
    const std::vector<std::string> base = {"--data", data.string(), "--assets", (dir.path() / "assets").string(),
                                           "--demo"};
    auto import = [&](const fs::path& from) {
        auto args = base;
        args.push_back("--import-kb");
        args.push_back(from.string());
        return RunServerBinary(args);
    };

    const Run first = import(folder);
    INFO(first.output);
    CHECK(first.exit_code == 0);
    CHECK(first.output.find("2 created, 0 updated, 0 unchanged, 0 problem(s)") != std::string::npos);

    const Run again = import(folder);
    INFO(again.output);
    CHECK(again.exit_code == 0);
    CHECK(again.output.find("0 created, 0 updated, 2 unchanged") != std::string::npos);

    WriteFile(folder / "02-printer.md", "# Printer quick fix\n\nSwitch it off, wait ten seconds, switch it on.\n");
    const Run edited = import(folder);
    INFO(edited.output);
    CHECK(edited.exit_code == 0);
    CHECK(edited.output.find("0 created, 1 updated, 1 unchanged") != std::string::npos);

    WriteFile(folder / "03-broken.md", "---\ntitle: Never closed\ncategory: Oops\n\nBody text.\n");
    const Run broken = import(folder);
    INFO(broken.output);
    CHECK(broken.exit_code == 1);
    CHECK(broken.output.find("03-broken.md") != std::string::npos);
    CHECK(broken.output.find("closing '---'") != std::string::npos);
    CHECK(broken.output.find("1 problem(s)") != std::string::npos);
    CHECK(broken.output.find("2 unchanged") != std::string::npos);

    const Run missing = import(dir.path() / "nowhere");
    CHECK(missing.exit_code == 1);
    CHECK(missing.output.find("nowhere") != std::string::npos);
    auto as_employee = base;
    as_employee.insert(as_employee.end(), {"--import-kb", folder.string(), "--import-as", "emma"});
    const Run employee = RunServerBinary(as_employee);
    CHECK(employee.exit_code == 1);
    CHECK(employee.output.find("emma") != std::string::npos);

    // The imported articles are served: published, owned as the front matter says, at version 2 after the edit.
    TestServer server([&](ServerConfig& c) { c.data_dir = data.string(); });
    auto cli = server.Client();
    Session ava = SignIn(cli, "ava");
    Session emma = SignIn(cli, "emma");
    const auto all = AllArticles(cli, ava);
    REQUIRE(all.size() == 2);
    const json vpn = GetOk(cli, emma, ArticlePath(all.at("Importing the VPN guide")));
    CHECK(vpn["owner_name"] == "Ava Patel");
    CHECK(vpn["state"] == "published");
    CHECK(vpn["tags"] == json::array({"vpn", "remote"}));
    CHECK(vpn["review_by"] == "2099-01-31");
    const json printer = GetOk(cli, emma, ArticlePath(all.at("Printer quick fix")));
    CHECK(printer["version"] == 2);
    CHECK(printer["body"] == "Switch it off, wait ten seconds, switch it on.");
    CHECK(printer["owner_name"] == "Spoc Admin");
    const json history = GetOk(cli, ava, ArticlePath(all.at("Printer quick fix"), "/versions"))["items"];
    REQUIRE(history.size() == 2);
    CHECK(history[0]["change"] == "imported");
}

TEST_CASE("kb: views are counted in memory and all of them reach the database by shutdown") {
    TestServer server;
    auto cli = server.Client();
    const Session ava = SignIn(cli, "ava");
    const json article = Publish(cli, ava, Create(cli, ava, ArticleBody("Counting views")));
    const int id = article["id"].get<int>();
    const Session emma = SignIn(cli, "emma");
    for (int i = 0; i < 7; ++i) {
        auto res = Get(cli, emma, ArticlePath(id));
        REQUIRE(res);
        CHECK(res->status == 200);
    }
    // The editor's read doesn't count.
    REQUIRE(Get(cli, ava, ArticlePath(id, "?view=false"))->status == 200);
    server.Restart();  // a clean stop writes the views still held in memory
    auto again = server.Client();
    const Session ava2 = SignIn(again, "ava");
    const json stored = GetOk(again, ava2, ArticlePath(id, "?view=false"));
    CHECK(stored["views"].get<int>() == 7);
}
