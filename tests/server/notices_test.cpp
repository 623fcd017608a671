// The requester's notifications over real HTTP: emma (whose account speaks German) hears when the
// service desk answers her publicly (not of internal notes, nor of her own replies), when her
// request is resolved, when it waits on her, and when her manager approves or rejects it; olivia,
// an employee who approves, reads what waits for her in the same inbox. Each text is in its
// reader's language, whatever language the person who caused it uses.
#include <doctest/doctest.h>

#include "shared/domain/i18n.h"
#include "test_support.h"

using namespace spoc::test;

namespace {

json Inbox(httplib::Client& cli, const Session& s) { return GetOk(cli, s, "/api/v1/notifications?limit=50"); }

std::vector<std::string> Texts(const json& page, const std::string& kind) {
    std::vector<std::string> out;
    for (const auto& n : page["items"])
        if (n["kind"] == kind) out.push_back(n["text"].get<std::string>());
    return out;
}

}  // namespace

TEST_CASE("notices: the requester hears of answers and outcomes, in her own language; approvers of what waits") {
    InstallGerman();
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma"), ava = SignIn(cli, "ava"), olivia = SignIn(cli, "olivia");
    REQUIRE(cli.Patch("/api/v1/me", AuthHeaders(emma), R"({"locale":"de"})", "application/json")->status == 200);

    const json created = CreateRequestOk(cli, emma, ValidLaptopDraft());
    const int id = created["id"];
    const std::string path = "/api/v1/requests/" + std::to_string(id);
    const std::string number = created["number"];
    CHECK(Inbox(cli, emma)["items"].empty());

    // Her own reply and an internal note tell her nothing; ava's public reply does, in German.
    REQUIRE(PostJson(cli, emma, path + "/comments", R"({"body":"It is for the new analyst"})")->status == 201);
    REQUIRE(PostJson(cli, ava, path + "/comments", R"({"body":"Check stock first","internal":true})")->status == 201);
    CHECK(Inbox(cli, emma)["items"].empty());
    REQUIRE(PostJson(cli, ava, path + "/comments", R"({"body":"We have one in stock, ready tomorrow."})")->status == 201);
    json inbox = Inbox(cli, emma);
    REQUIRE(inbox["items"].size() == 1);
    CHECK(inbox["unread"] == 1);
    CHECK(inbox["items"][0]["kind"] == "reply");
    CHECK(inbox["items"][0]["request_id"] == id);
    CHECK(inbox["items"][0]["text"] ==
          spoc::i18n::Format(German("{0} replied on {1} “{2}”."), {"Ava Patel", number, created["summary"].get<std::string>()}));
    CHECK(inbox["items"][0]["text"].get<std::string>().find("geantwortet") != std::string::npos);

    // Resolved by ava: told, in German, with the request named.
    const json now = GetOk(cli, ava, path);
    const json resolved = PatchRequestOk(cli, ava, id, {{"base_version", now["version"]}, {"status", "resolved"}, {"resolution_note", "Handed over at the IT bar."}});
    inbox = Inbox(cli, emma);
    const std::vector<std::string> updates = Texts(inbox, "request_update");
    REQUIRE(updates.size() == 1);
    CHECK(updates[0].find(number) != std::string::npos);
    CHECK(updates[0].find("gelöst") != std::string::npos);

    // Her own reopen (a reply) is not news to her.
    REQUIRE(PostJson(cli, emma, path + "/comments", R"({"body":"The charger is missing"})")->status == 201);
    CHECK(Texts(Inbox(cli, emma), "request_update").size() == 1);

    // A performance laptop: olivia (an employee) is asked in her inbox; her rejection reaches emma.
    json perf = ValidLaptopDraft();
    perf["values"]["model"] = "performance";
    perf["summary"] = "Performance laptop for CAD work";
    const json held = CreateRequestOk(cli, emma, perf);
    CHECK(Texts(Inbox(cli, olivia), "approval").size() == 1);
    auto rejected = PostJson(cli, olivia, "/api/v1/requests/" + std::to_string(held["id"].get<int>()) + "/approval",
                             json({{"decision", "reject"}, {"base_version", held["version"]}, {"comment", "Please order the standard model."}}).dump());
    REQUIRE(rejected);
    REQUIRE(rejected->status == 200);
    const std::vector<std::string> after = Texts(Inbox(cli, emma), "request_update");
    REQUIRE(after.size() == 2);  // newest first
    CHECK(after[0].find(held["number"].get<std::string>()) != std::string::npos);
    CHECK(after[0].find("Please order the standard model.") != std::string::npos);
    CHECK(after[0].find("storniert") != std::string::npos);
    (void)resolved;
}
