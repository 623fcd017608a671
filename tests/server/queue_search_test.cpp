// The queue's ?q= search (issue 15, migration 0016): words found anywhere in a request's number,
// summary, description or comments, in any case and inside longer words (Japanese too); every word
// must match; a request number finds its request; resolved requests leave the index and come back
// when reopened; a report's slice still searches its done requests; the index always holds exactly
// the open requests; and the plans read the index, not the table.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "server/storage/queue_search.h"
#include "server/storage/requests_repo.h"
#include "shared/api/url.h"
#include "test_support.h"

using namespace spoc::test;

namespace {

const std::string kRequests = "/api/v1/requests";

json Draft(const std::string& summary, const std::string& description) {
    json d = ValidLaptopDraft();
    d["summary"] = summary;
    d["description"] = description;
    return d;
}

std::vector<int> Ids(const json& page) {
    std::vector<int> out;
    for (const auto& item : page["items"]) out.push_back(item["id"].get<int>());
    std::sort(out.begin(), out.end());
    return out;
}

// The index must hold exactly the open requests, each once.
void CheckIndexMatchesOpenRequests(TestServer& server) {
    const std::int64_t open = CountRows(server, "SELECT COUNT(*) FROM requests WHERE status IN ('new', 'assigned', 'in_progress', 'pending')");
    CHECK(CountRows(server, "SELECT COUNT(*) FROM queue_search") == open);
    CHECK(CountRows(server,
                    "SELECT COUNT(*) FROM requests r JOIN queue_search s ON s.rowid = r.id "
                    "WHERE r.status IN ('new', 'assigned', 'in_progress', 'pending') AND s.summary = r.summary "
                    "AND s.description = r.description AND s.number = r.number") == open);
}

}  // namespace

TEST_CASE("queue search: the text parts of a query") {
    using spoc::storage::ParseQueueSearch;
    auto s = ParseQueueSearch("  Printer\tjam 3F ");
    CHECK(s.match == "\"Printer\" \"jam\"");
    CHECK(s.short_words == std::vector<std::string>{"3F"});
    CHECK(s.words == std::vector<std::string>{"Printer", "jam", "3F"});
    CHECK_FALSE(s.ref_id.has_value());
    // Quotes are doubled; FTS5 syntax stays text.
    const auto syntax = ParseQueueSearch("27\" monitor NEAR(a* OR b)");
    CHECK(syntax.match == "\"27\"\"\" \"monitor\" \"NEAR(a*\"");
    CHECK(syntax.short_words == std::vector<std::string>{"OR", "b)"});
    // A quoted phrase is one word; an unclosed quote runs to the end.
    const auto phrase = ParseQueueSearch("\"paper jam\" tray \" 3rd  floor");
    CHECK(phrase.words == std::vector<std::string>{"paper jam", "tray", "3rd  floor"});
    CHECK(phrase.match == "\"paper jam\" \"tray\" \"3rd  floor\"");
    CHECK(ParseQueueSearch("\"\" \"  \"").empty());
    // Code points, not bytes: two Japanese characters are a short word, three a long one; the
    // ideographic space separates words.
    auto ja = ParseQueueSearch("起動\xE3\x80\x80パソコン");
    CHECK(ja.short_words == std::vector<std::string>{"起動"});
    CHECK(ja.match == "\"パソコン\"");
    CHECK(ParseQueueSearch("#42").ref_id == 42);
    CHECK(ParseQueueSearch("INC0000042").ref_id == 42);
    CHECK(ParseQueueSearch("req42").ref_id == 42);
    CHECK_FALSE(ParseQueueSearch("42 printers").ref_id.has_value());
    CHECK(ParseQueueSearch("   ").empty());
}

TEST_CASE("queue search: number, summary, description and comments; every word; kept in step with writes") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const Session ava = SignIn(cli, "ava");
    const json printer = CreateRequestOk(cli, emma, Draft("Printer on the 3rd floor jams", "The Netzwerkdrucker shows E-42."));
    const json docking = CreateRequestOk(cli, emma, Draft("Docking station flickers", "Second monitor goes dark."));
    const json japanese = CreateRequestOk(cli, emma, Draft("ノートパソコンが起動しない", "電源ランプは点灯します。"));
    const int p = printer["id"], d = docking["id"], j = japanese["id"];
    auto search = [&](const std::string& q, const std::string& extra = "view=open") {
        return GetOk(cli, ava, "/api/v1/queue?page_size=100&" + extra + "&q=" + spoc::api::PercentEncode(q));
    };

    CHECK(Ids(search("printer")) == std::vector<int>{p});        // summary, any case
    CHECK(Ids(search("DRUCKER")) == std::vector<int>{p});        // inside a word of the description
    CHECK(Ids(search("monitor dark")) == std::vector<int>{d});   // two words, both in the description
    CHECK(search("monitor printer")["total"] == 0);              // every word must match the same request
    CHECK(Ids(search("パソコン")) == std::vector<int>{j});        // Japanese, inside the summary
    CHECK(Ids(search("点灯")) == std::vector<int>{j});            // two characters: read from the request's text
    CHECK(Ids(search("ランプ")) == std::vector<int>{j});          // three go through the index (the description)
    CHECK(Ids(search("ランプ 点灯")) == std::vector<int>{j});
    CHECK(Ids(search("E-42 3rd")) == std::vector<int>{p});       // punctuation is text; a short word narrows it
    CHECK(Ids(search("\"floor jams\"")) == std::vector<int>{p}); // a phrase: those words in that order
    CHECK(search("\"jams floor\"")["total"] == 0);
    CHECK(search("zzz-nothing")["total"] == 0);
    CHECK(Ids(search(printer["number"].get<std::string>())) == std::vector<int>{p});  // INC/REQ number
    CHECK(Ids(search("#" + std::to_string(d))) == std::vector<int>{d});             // #id

    // A comment (an internal note too) makes its request findable at once.
    REQUIRE(PostJson(cli, ava, kRequests + "/" + std::to_string(d) + "/comments",
                     json{{"body", "Replaced the Thunderbolt cable."}, {"internal", true}}.dump())
                ->status == 201);
    REQUIRE(PostJson(cli, emma, kRequests + "/" + std::to_string(d) + "/comments",
                     json{{"body", "Still flickering after lunch."}}.dump())
                ->status == 201);
    CHECK(Ids(search("thunderbolt")) == std::vector<int>{d});
    CHECK(Ids(search("thunderbolt lunch")) == std::vector<int>{d});  // words from two comments

    // The index is brought up to date before each write transaction commits: nothing is left
    // noted for later once a write has been answered.
    CHECK(CountRows(server, "SELECT COUNT(*) FROM queue_search_stale") == 0);

    // A summary changed in the database while the server was stopped (an admin's fix, a
    // migration) is searched by its new words from the next start on.
    server.Restart([&] {
        auto db = OpenDb(server, spoc::storage::OpenMode::read_write);
        ExecSql(*db, "UPDATE requests SET summary = 'Plotter on the 3rd floor jams' WHERE id = " + std::to_string(p));
        CHECK(CountRows(server, "SELECT COUNT(*) FROM queue_search_stale") == 1);
    });
    CHECK(search("printer")["total"] == 0);
    CHECK(Ids(search("plotter")) == std::vector<int>{p});
    CheckIndexMatchesOpenRequests(server);
    // One changed while it runs is indexed by the server's next write transaction.
    {
        auto db = OpenDb(server, spoc::storage::OpenMode::read_write);
        ExecSql(*db, "UPDATE requests SET summary = 'Printer on the 3rd floor jams' WHERE id = " + std::to_string(p));
    }
    CreateRequestOk(cli, emma, Draft("Headset crackles", "Only on calls."));
    CHECK(Ids(search("printer")) == std::vector<int>{p});
    CheckIndexMatchesOpenRequests(server);

    // Resolved: gone from the queue and its index; reopened by the requester's reply: back, with
    // the reply searchable.
    const json before = GetOk(cli, ava, kRequests + "/" + std::to_string(d));
    PatchRequestOk(cli, ava, d, {{"base_version", before["version"]}, {"status", "resolved"}, {"resolution_note", "New cable."}});
    CHECK(search("thunderbolt")["total"] == 0);
    CheckIndexMatchesOpenRequests(server);
    REQUIRE(PostJson(cli, emma, kRequests + "/" + std::to_string(d) + "/comments",
                     json{{"body", "This didn't fix it: the screen went black again."}}.dump())
                ->status == 201);
    REQUIRE(GetOk(cli, ava, kRequests + "/" + std::to_string(d))["status"] == "in_progress");
    CHECK(Ids(search("thunderbolt")) == std::vector<int>{d});
    CHECK(Ids(search("black again")) == std::vector<int>{d});
    CheckIndexMatchesOpenRequests(server);

    // Other views narrow the same search.
    CHECK(search("flicker", "view=pending")["total"] == 0);
    CHECK(search("flicker", "view=open&priority=critical")["total"] == 0);
}

TEST_CASE("queue search: a report's slice finds its done requests by summary words") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const Session ava = SignIn(cli, "ava");
    const Session root = SignIn(cli, "root");
    const json created = CreateRequestOk(cli, emma, Draft("Scanner driver missing", "Needs the vendor package."));
    const int id = created["id"];
    PatchRequestOk(cli, ava, id, {{"base_version", created["version"]}, {"status", "resolved"}, {"resolution_note", "Installed."}});
    const std::string day = Iso(NowSeconds()).substr(0, 10);
    const std::string rq = spoc::api::PercentEncode("from=" + day + "&to=" + day);
    auto slice = [&](const std::string& q) {
        return GetOk(cli, root, "/api/v1/queue?report=resolved&rq=" + rq + "&q=" + spoc::api::PercentEncode(q));
    };
    CHECK(Ids(slice("")).size() >= 1);
    CHECK(Ids(slice("scanner")) == std::vector<int>{id});
    CHECK(Ids(slice("SCANNER dri")) == std::vector<int>{id});
    CHECK(slice("scanner plotter")["total"] == 0);
}

TEST_CASE("queue search: plans read the search index and the breaching range without a sort") {
    TestServer server;
    auto cli = server.Client();
    const Session ava = SignIn(cli, "ava");
    auto plan = [&](const spoc::storage::QueueQuery& q) { return QueuePlan(server, ava, q); };
    spoc::storage::QueueQuery q;
    q.filter.search = "printer jam";
    CHECK(plan(q).find("queue_search") != std::string::npos);
    CHECK(plan(q).find("SCAN r") == std::string::npos);  // no walk over the requests
    q.filter.search.clear();
    q.view = spoc::storage::QueueView::breaching;
    q.now = 1'800'000'000'000;
    CHECK(plan(q).find("queue_open") != std::string::npos);
    CHECK(plan(q).find("TEMP B-TREE") == std::string::npos);
}
