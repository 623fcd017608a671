// Server texts in the reader's language, with the real German catalog (assets/i18n/de.po compiled
// by msgfmt, installed the way the server installs <web>/i18n/de.mo): validation errors follow the
// request's Accept-Language, the catalog comes back translated, and an SLA breach notification is
// written in the language its recipient chose in the language menu.
#include <doctest/doctest.h>

#include "shared/domain/i18n.h"
#include "test_support.h"

using namespace spoc::test;
namespace i18n = spoc::i18n;


TEST_CASE("i18n: errors and the catalog follow Accept-Language; notifications follow the recipient's choice") {
    InstallGerman();
    REQUIRE(German("Some fields are not valid.") != "Some fields are not valid.");
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");

    const json bad = {{"catalog_item_id", 2}, {"summary", "x"}, {"values", json::object()}};
    auto english = PostJson(cli, emma, "/api/v1/requests", bad.dump());
    auto german = PostJson(cli, emma, "/api/v1/requests", bad.dump(), {{"Accept-Language", "de-CH, de;q=0.9, en;q=0.5"}});
    REQUIRE(english);
    REQUIRE(german);
    CHECK(english->status == 422);
    CHECK(german->status == 422);
    CHECK(Body(english)["error"]["message"] == "Some fields are not valid.");
    CHECK(Body(german)["error"]["message"] == German("Some fields are not valid."));
    auto japanese = PostJson(cli, emma, "/api/v1/requests", bad.dump(), {{"Accept-Language", "ja"}});  // no catalog installed here
    REQUIRE(japanese);
    CHECK(Body(japanese)["error"]["message"] == "Some fields are not valid.");

    httplib::Headers de = AuthHeaders(emma);
    de.emplace("Accept-Language", "de");
    auto catalog = cli.Get("/api/v1/catalog", de);
    REQUIRE(catalog);
    REQUIRE_MESSAGE(catalog->status == 200, catalog->body);
    bool found = false;
    const json list = Body(catalog);
    for (const auto& item : list["items"])
        if (item["id"] == 1) {  // "New laptop"
            found = true;
            i18n::SetThreadLocale(&i18n::InstalledLocale(i18n::Lang::de));
            CHECK(item["title"] == std::string(i18n::trc("catalog", "New laptop")));
            i18n::SetThreadLocale(nullptr);
            CHECK(item["title"] != "New laptop");
        }
    CHECK(found);

    // ava (lead of Network) reads German; root (the assignee) never chose: English.
    const Session ava = SignIn(cli, "ava");
    const Session root = SignIn(cli, "root");
    auto chose = cli.Patch("/api/v1/me", AuthHeaders(ava), R"({"locale":"de"})", "application/json");
    REQUIRE(chose);
    REQUIRE(chose->status == 200);
    const json created = CreateRequestOk(cli, emma, {{"catalog_item_id", 2}, {"summary", "VPN drops"}, {"urgency", "high"},
                                                     {"values", {{"location", "home"}}}});
    const int id = created["id"];
    json r = PatchRequestOk(cli, ava, id, {{"base_version", created["version"]}, {"assignee_id", root.user["id"]}});
    spoc::Timestamp due = 0;
    REQUIRE(spoc::ParseIso8601(r["response_due_at"].get<std::string>(), &due));
    auto ran = server.server().RunHousekeepingAt(due + 60'000);
    REQUIRE(ran.ok());

    const std::string number = created["number"];
    const std::string to_lead = GetOk(cli, ava, "/api/v1/notifications")["items"][0]["text"];
    const std::string to_assignee = GetOk(cli, root, "/api/v1/notifications")["items"][0]["text"];
    const std::string who = i18n::Format(German("{0} in {1} (assigned to {2})"), {number, "Network", "Spoc Admin"});
    CHECK(to_lead == i18n::Format(German("{0} breached its first-response target: {1}"), {who, "VPN drops"}));
    CHECK(to_assignee == number + " breached its first-response target: VPN drops");
}
