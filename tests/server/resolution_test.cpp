// How a request ends, over real HTTP: staff resolve straight from Assigned (and from New with an
// assignee) with a public resolution note; the employee sees who works on it and who resolved it
// by first name, the note and when; "This didn't fix it" is a public reply that reopens it; a
// cancel carries a public reason into the request and its history; internal notes never ride along.
#include <doctest/doctest.h>

#include "test_support.h"

using namespace spoc::test;

namespace {

std::string Path(int id, const std::string& tail = "") { return "/api/v1/requests/" + std::to_string(id) + tail; }

// "field: old -> new (actor)" for every history row of the request.
std::vector<std::string> History(httplib::Client& cli, const Session& staff, int id) {
    std::vector<std::string> out;
    const json history = GetOk(cli, staff, Path(id, "/history"));  // kept alive for the loop
    for (const auto& h : history["items"])
        out.push_back(h["field"].get<std::string>() + ": " + h["old"].get<std::string>() + " -> " +
                      h["new"].get<std::string>() + " (" + h["actor_name"].get<std::string>() + ")");
    return out;
}

bool Has(const std::vector<std::string>& rows, const std::string& row) {
    return std::find(rows.begin(), rows.end(), row) != rows.end();
}

json DeskDraft() {  // Facilities assigns by hand: the request stays New, without an assignee
    return json{{"catalog_item_id", 3}, {"summary", "Move me next to my team"}, {"values", {{"new_desk", "HQ3-A14"}}}};
}

}  // namespace

TEST_CASE(
    "resolution: staff resolve straight from Assigned with a note; the employee sees first names, note and time") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const Session ava = SignIn(cli, "ava");
    const json created = CreateRequestOk(cli, emma, ValidLaptopDraft());
    const int id = created["id"];
    REQUIRE(created["status"] == "assigned");
    CHECK(created["assignee_first_name"] == "Ava");
    CHECK_FALSE(created.contains("first_response_at"));

    // An internal note first: it must never reach emma, with or without the resolution.
    const std::string note = "Internal: battery serial BT-55102 is on the recall list";
    REQUIRE(PostJson(cli, ava, Path(id, "/comments"), json{{"body", note}, {"internal", true}}.dump())->status == 201);

    const std::string resolution = "Replaced the battery under warranty; it now lasts a full day.";
    // A note only goes with resolving; employees can't resolve.
    auto stray = PatchRequest(cli, ava, id,
                       {{"base_version", created["version"]}, {"status", "in_progress"}, {"resolution_note", "x"}});
    REQUIRE(stray);
    CHECK(stray->status == 422);
    CHECK(Body(stray)["error"]["field"] == "resolution_note");
    auto by_emma = PatchRequest(cli, emma, id, {{"base_version", created["version"]}, {"status", "resolved"}});
    REQUIRE(by_emma);
    CHECK(by_emma->status == 403);

    const json resolved = PatchRequestOk(
        cli, ava, id, {{"base_version", created["version"]}, {"status", "resolved"}, {"resolution_note", resolution}});
    CHECK(resolved["status"] == "resolved");
    CHECK(resolved["resolution_note"] == resolution);
    CHECK(resolved["resolved_by_name"] == "Ava Patel");  // staff: the full name
    CHECK(resolved["resolved_by_id"] == ava.user["id"]);
    CHECK(resolved.contains("resolved_at"));
    CHECK(resolved["first_response_at"] == resolved["resolved_at"]);  // the resolution answered the requester
    CHECK_FALSE(resolved.contains("resolution_due_at"));              // both clocks stopped
    CHECK_FALSE(resolved.contains("response_due_at"));
    const auto rows = History(cli, ava, id);
    CHECK(Has(rows, "status: assigned -> resolved (Ava Patel)"));
    CHECK(Has(rows, "resolution_note:  -> " + resolution + " (Ava Patel)"));

    // emma's view: who has it and who resolved it by first name, the note and the time; no note.
    const json seen = GetOk(cli, emma, Path(id));
    CHECK(seen["assignee_first_name"] == "Ava");
    CHECK(seen["resolved_by_name"] == "Ava");
    CHECK(seen["resolution_note"] == resolution);
    CHECK(seen["resolved_at"] == resolved["resolved_at"]);
    CHECK(seen["resolved_by_name"].get<std::string>().find("Patel") == std::string::npos);
    CHECK(Get(cli, emma, Path(id))->body.find("BT-55102") == std::string::npos);
    const json listed = GetOk(cli, emma, "/api/v1/requests?status=all");
    for (const auto& item : listed["items"])
        if (item["id"] == id) CHECK(item["resolved_by_name"] == "Ava");
}

TEST_CASE("resolution: \"This didn't fix it\" is the requester's reply, and it reopens the request") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const Session ava = SignIn(cli, "ava");
    const json created = CreateRequestOk(cli, emma, ValidLaptopDraft());
    const int id = created["id"];
    const json resolved = PatchRequestOk(
        cli, ava, id,
        {{"base_version", created["version"]}, {"status", "resolved"}, {"resolution_note", "Reinstalled the driver."}});

    auto reply =
        PostJson(cli, emma, Path(id, "/comments"), R"({"body":"This didn't fix it: it froze again this morning."})");
    REQUIRE(reply);
    REQUIRE(reply->status == 201);
    const json reopened = GetOk(cli, emma, Path(id));
    CHECK(reopened["status"] == "in_progress");
    CHECK(reopened["version"].get<int>() == resolved["version"].get<int>() + 1);
    for (const char* gone : {"resolved_at", "resolved_by_name", "resolution_note"})
        CHECK_FALSE(reopened.contains(gone));
    CHECK(reopened.contains("resolution_due_at"));  // the clock runs again
    CHECK(Has(History(cli, ava, id), "status: resolved -> in_progress (Emma Jones)"));

    // Resolved again, then emma closes it herself.
    const json again = PatchRequestOk(cli, ava, id,
                               {{"base_version", reopened["version"]},
                                {"status", "resolved"},
                                {"resolution_note", "Replaced the memory module."}});
    CHECK(again["resolution_note"] == "Replaced the memory module.");
    const json closed = PatchRequestOk(cli, emma, id, {{"base_version", again["version"]}, {"status", "closed"}});
    CHECK(closed["status"] == "closed");
    CHECK(closed["resolution_note"] == "Replaced the memory module.");
    CHECK(closed["resolved_by_name"] == "Ava");
}

TEST_CASE("resolution: New -> Resolved needs an assignee, which the same change may give") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const Session ava = SignIn(cli, "ava");
    const json created = CreateRequestOk(cli, emma, DeskDraft());
    const int id = created["id"];
    REQUIRE(created["status"] == "new");
    REQUIRE_FALSE(created.contains("assignee_id"));
    auto unassigned = PatchRequest(cli, ava, id, {{"base_version", created["version"]}, {"status", "resolved"}});
    REQUIRE(unassigned);
    CHECK(unassigned->status == 422);
    CHECK(Body(unassigned)["error"]["field"] == "assignee");
    const json done = PatchRequestOk(cli, ava, id,
                              {{"base_version", created["version"]},
                               {"status", "resolved"},
                               {"assignee_id", ava.user["id"]},
                               {"resolution_note", "Desk HQ3-A14 is yours from tomorrow."}});
    CHECK(done["status"] == "resolved");
    CHECK(done["assignee_name"] == "Ava Patel");
    const auto rows = History(cli, ava, id);
    CHECK(Has(rows, "status: new -> resolved (Ava Patel)"));
    CHECK(Has(rows, "assignee:  -> Ava Patel (Ava Patel)"));
}

TEST_CASE("resolution: a cancel reason is stored, shown to both sides and recorded in the history") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const Session ava = SignIn(cli, "ava");

    // The requester cancels her own Assigned request, saying why.
    const json mine = CreateRequestOk(cli, emma, ValidLaptopDraft());
    auto wrong =
        PatchRequest(cli, emma, mine["id"], {{"base_version", mine["version"]}, {"status", "closed"}, {"cancel_reason", "x"}});
    REQUIRE(wrong);
    CHECK(wrong->status == 422);
    CHECK(Body(wrong)["error"]["field"] == "cancel_reason");
    const json cancelled = PatchRequestOk(
        cli, emma, mine["id"],
        {{"base_version", mine["version"]}, {"status", "cancelled"}, {"cancel_reason", "  Filed twice by mistake.  "}});
    CHECK(cancelled["status"] == "cancelled");
    CHECK(cancelled["cancel_reason"] == "Filed twice by mistake.");
    CHECK(GetOk(cli, ava, Path(mine["id"]))["cancel_reason"] == "Filed twice by mistake.");
    CHECK(Has(History(cli, ava, mine["id"]), "cancel_reason:  -> Filed twice by mistake. (Emma Jones)"));

    // Staff cancel with a reason too; the requester reads it.
    const json other = CreateRequestOk(cli, emma, DeskDraft());
    PatchRequestOk(cli, ava, other["id"],
            {{"base_version", other["version"]},
             {"status", "cancelled"},
             {"cancel_reason", "Covered by the team move on Friday."}});
    const json seen = GetOk(cli, emma, Path(other["id"]));
    CHECK(seen["status"] == "cancelled");
    CHECK(seen["cancel_reason"] == "Covered by the team move on Friday.");
    CHECK(seen.contains("closed_at"));

    // Without a reason it is still a cancel, and nothing is recorded for the reason.
    const json third = CreateRequestOk(cli, emma, ValidLaptopDraft());
    const json plain = PatchRequestOk(cli, emma, third["id"], {{"base_version", third["version"]}, {"status", "cancelled"}});
    CHECK_FALSE(plain.contains("cancel_reason"));
    for (const std::string& row : History(cli, ava, third["id"])) CHECK(row.rfind("cancel_reason", 0) != 0);
}
