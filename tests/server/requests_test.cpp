// Catalog and requests over real HTTP: create/list/read, validation through shared ValidateDraft,
// idempotency, who may see what (404 not 403), internal notes (invisible to employees, side effects
// included), comments and their per-request limit, paging and filters.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "server/storage/audit_repo.h"
#include "server/storage/requests_repo.h"
#include "server/storage/sqlite.h"
#include "test_support.h"

using namespace spoc::test;

namespace {

std::int64_t CountRequestRows(const TestServer& server) {
    auto db = spoc::storage::Database::Open(server.db_path(), spoc::storage::OpenMode::read_only);
    REQUIRE(db.ok());
    auto count = spoc::storage::CountRequests(**db);
    REQUIRE(count.ok());
    return *count;
}

// field -> message of a 422 body's details.
std::map<std::string, std::string> Details(const httplib::Result& res) {
    std::map<std::string, std::string> out;
    const json body = Body(res);
    for (const auto& d : body["error"]["details"]) out[d["field"]] = d["message"];
    return out;
}

}  // namespace

TEST_CASE("catalog: list by department then sort, one item with fields, 404 for unknown") {
    TestServer server;
    auto cli = server.Client();
    Session s = SignIn(cli, "emma");
    auto list = Get(cli, s, "/api/v1/catalog");
    REQUIRE(list);
    CHECK(list->status == 200);
    const json items = Body(list)["items"];
    REQUIRE(items.size() == 3);
    CHECK(items[0]["title"] == "Desk move");  // Facilities < IT
    CHECK(items[1]["title"] == "New laptop");
    CHECK(items[2]["title"] == "VPN problem");
    CHECK_FALSE(items[1].contains("fields"));

    auto item = Get(cli, s, "/api/v1/catalog/" + std::to_string(items[1]["id"].get<int>()));
    REQUIRE(item);
    CHECK(item->status == 200);
    const json laptop = Body(item);
    CHECK(laptop["title"] == "New laptop");
    REQUIRE(laptop["fields"].size() == 7);
    CHECK(laptop["fields"][3]["pattern"] == "CC-[0-9]{4}");

    auto missing = Get(cli, s, "/api/v1/catalog/999");
    REQUIRE(missing);
    CHECK(missing->status == 404);
    CHECK(ErrorCodeOf(missing) == "not_found");
    auto bad_id = Get(cli, s, "/api/v1/catalog/abc");
    REQUIRE(bad_id);
    CHECK(bad_id->status == 404);
}

TEST_CASE("create: a valid form gives 201 + Location, is stored as submitted and listed") {
    TestServer server;
    auto cli = server.Client();
    Session s = SignIn(cli, "emma");
    const auto rows_before = CountRequestRows(server);

    json draft = ValidLaptopDraft();
    draft["values"]["cost_centre"] = "  CC-9876  ";  // trimmed by NormalizeValues
    auto res = PostJson(cli, s, "/api/v1/requests", draft.dump());
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 201, res->body);
    const json created = Body(res);
    const int id = created["id"];
    CHECK(res->get_header_value("Location") == "/api/v1/requests/" + std::to_string(id));
    CHECK(created["number"] == spoc::FormatRequestNumber(spoc::RequestType::service_request, spoc::RequestId(id)));
    // Routed by department to the IT Service Desk, whose round robin gives it to its only agent.
    CHECK(created["status"] == "assigned");
    CHECK(created["group_name"] == "IT Service Desk");
    CHECK(created["assignee_name"] == "Ava Patel");
    CHECK(created["sla_policy"] == "London standard");  // emma is in Europe/London
    spoc::Timestamp response_due = 0, resolution_due = 0, created_at = 0;
    REQUIRE(spoc::ParseIso8601(created["response_due_at"].get<std::string>(), &response_due));
    REQUIRE(spoc::ParseIso8601(created["resolution_due_at"].get<std::string>(), &resolution_due));
    REQUIRE(spoc::ParseIso8601(created["created_at"].get<std::string>(), &created_at));
    CHECK(response_due > created_at);
    CHECK(resolution_due > response_due);
    CHECK(created["type"] == "service_request");
    CHECK(created["priority"] == "planning");  // low impact x low urgency
    CHECK(created["requester_name"] == "Emma Jones");
    CHECK(created["catalog_item_title"] == "New laptop");
    CHECK(created["form"]["cost_centre"] == "CC-9876");
    CHECK(created["form"]["extras"] == json({"mouse", "dock"}));
    CHECK(CountRequestRows(server) == rows_before + 1);

    auto list = Get(cli, s, "/api/v1/requests");
    REQUIRE(list);
    const json page = Body(list);
    CHECK(page["items"][0]["id"] == id);  // newest update first
    CHECK(page["total"] == 4);            // three seeded + this one

    auto one = Get(cli, s, "/api/v1/requests/" + std::to_string(id));
    REQUIRE(one);
    CHECK(one->status == 200);
    CHECK(Body(one)["summary"] == "Laptop for the new analyst");

    // Audited.
    auto db = spoc::storage::Database::Open(server.db_path(), spoc::storage::OpenMode::read_only);
    REQUIRE(db.ok());
    auto audit = spoc::storage::ListAudit(**db, "request", id);
    REQUIRE(audit.ok());
    REQUIRE(audit->size() == 1);
    CHECK((*audit)[0].action == "create");
    CHECK((*audit)[0].actor.value == s.user["id"].get<int>());
}

TEST_CASE("create: urgency is taken from the draft only when the item asks; summary defaults to the title") {
    TestServer server;
    auto cli = server.Client();
    Session s = SignIn(cli, "emma");
    json vpn = {{"catalog_item_id", 2}, {"urgency", "high"}, {"values", {{"location", "home"}}}};
    auto res = PostJson(cli, s, "/api/v1/requests", vpn.dump());
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 201, res->body);
    const json created = Body(res);
    CHECK(created["type"] == "incident");
    CHECK(created["number"].get<std::string>().rfind("INC", 0) == 0);
    CHECK(created["impact"] == "medium");
    CHECK(created["urgency"] == "high");
    CHECK(created["priority"] == "high");  // medium impact x high urgency = P2
    CHECK(created["summary"] == "VPN problem");

    json laptop = ValidLaptopDraft();
    laptop["urgency"] = "high";  // this item doesn't ask
    auto refused = PostJson(cli, s, "/api/v1/requests", laptop.dump());
    REQUIRE(refused);
    CHECK(refused->status == 422);
    CHECK(Details(refused).count("urgency") == 1);
}

TEST_CASE("create: invalid forms give 422 with every problem in details") {
    TestServer server;
    auto cli = server.Client();
    Session s = SignIn(cli, "emma");
    const auto rows_before = CountRequestRows(server);

    struct Case {
        const char* name;
        std::function<void(json&)> change;
        const char* field;
    };
    const Case cases[] = {
        {"missing required", [](json& d) { d["values"].erase("model"); }, "values.model"},
        {"bad choice", [](json& d) { d["values"]["model"] = "gold_plated"; }, "values.model"},
        {"number out of range", [](json& d) { d["values"]["quantity"] = 7; }, "values.quantity"},
        {"not a whole number", [](json& d) { d["values"]["quantity"] = 1.5; }, "values.quantity"},
        {"bad date", [](json& d) { d["values"]["needed_by"] = "2025-02-30"; }, "values.needed_by"},
        {"date in the past", [](json& d) { d["values"]["needed_by"] = "2001-01-01"; }, "values.needed_by"},
        {"pattern mismatch", [](json& d) { d["values"]["cost_centre"] = "CC12"; }, "values.cost_centre"},
        {"unknown field", [](json& d) { d["values"]["colour"] = "red"; }, "values.colour"},
        {"bad multi choice",
         [](json& d) {
             d["values"]["extras"] = {"mouse", "jetpack"};
         },
         "values.extras"},
        {"oversize text", [](json& d) { d["values"]["justification"] = std::string(201, 'x'); },
         "values.justification"},
        {"oversize summary", [](json& d) { d["summary"] = std::string(161, 's'); }, "summary"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        json draft = ValidLaptopDraft();
        c.change(draft);
        auto res = PostJson(cli, s, "/api/v1/requests", draft.dump());
        REQUIRE(res);
        CHECK(res->status == 422);
        CHECK(ErrorCodeOf(res) == "validation_failed");
        const auto details = Details(res);
        CHECK(details.count(c.field) == 1);
        CHECK(Body(res)["error"]["field"] == Body(res)["error"]["details"][0]["field"]);
    }

    // Several problems at once: all reported, first one in "field".
    json many = ValidLaptopDraft();
    many["values"].erase("model");
    many["values"]["cost_centre"] = "nope";
    many["values"]["quantity"] = 0;
    auto res = PostJson(cli, s, "/api/v1/requests", many.dump());
    REQUIRE(res);
    CHECK(res->status == 422);
    const auto details = Details(res);
    CHECK(details.size() == 3);
    CHECK(details.count("values.model") == 1);
    CHECK(details.count("values.cost_centre") == 1);
    CHECK(details.count("values.quantity") == 1);
    CHECK(details.at("values.cost_centre") == "Use the form CC-1234.");

    auto unknown_item =
        PostJson(cli, s, "/api/v1/requests", json{{"catalog_item_id", 99}, {"values", json::object()}}.dump());
    REQUIRE(unknown_item);
    CHECK(unknown_item->status == 404);
    CHECK(Body(unknown_item)["error"]["field"] == "catalog_item_id");

    CHECK(CountRequestRows(server) == rows_before);  // nothing stored
}

TEST_CASE("idempotency: a retry returns the first answer; a reused key with another body is refused") {
    TestServer server;
    auto cli = server.Client();
    Session emma = SignIn(cli, "emma");
    Session liam = SignIn(cli, "liam");
    const std::string body = ValidLaptopDraft().dump();
    const auto rows_before = CountRequestRows(server);

    auto first = PostJson(cli, emma, "/api/v1/requests", body, {{"Idempotency-Key", "order-42"}});
    REQUIRE(first);
    REQUIRE(first->status == 201);
    auto retry = PostJson(cli, emma, "/api/v1/requests", body, {{"Idempotency-Key", "order-42"}});
    REQUIRE(retry);
    CHECK(retry->status == 201);
    CHECK(retry->body == first->body);
    CHECK(retry->get_header_value("Location") == first->get_header_value("Location"));
    CHECK(retry->get_header_value("Idempotent-Replayed") == "true");
    CHECK(CountRequestRows(server) == rows_before + 1);

    json other = ValidLaptopDraft();
    other["summary"] = "Something else";
    auto conflict = PostJson(cli, emma, "/api/v1/requests", other.dump(), {{"Idempotency-Key", "order-42"}});
    REQUIRE(conflict);
    CHECK(conflict->status == 422);
    CHECK(ErrorCodeOf(conflict) == "idempotency_conflict");

    // Keys are per user: liam's "order-42" is his own.
    auto liams = PostJson(cli, liam, "/api/v1/requests", body, {{"Idempotency-Key", "order-42"}});
    REQUIRE(liams);
    CHECK(liams->status == 201);
    CHECK(Body(liams)["id"] != Body(first)["id"]);
    CHECK(CountRequestRows(server) == rows_before + 2);

    auto too_long = PostJson(cli, emma, "/api/v1/requests", body, {{"Idempotency-Key", std::string(129, 'k')}});
    REQUIRE(too_long);
    CHECK(too_long->status == 400);
    CHECK(Body(too_long)["error"]["field"] == "Idempotency-Key");
    auto control = PostJson(cli, emma, "/api/v1/requests", body, {{"Idempotency-Key", "a\tb"}});
    REQUIRE(control);
    CHECK(control->status == 400);
    CHECK(CountRequestRows(server) == rows_before + 2);
}

TEST_CASE("idempotency: a create refused by validation stores nothing; the corrected retry gets 201") {
    TestServer server;
    auto cli = server.Client();
    Session emma = SignIn(cli, "emma");
    const auto rows_before = CountRequestRows(server);

    json invalid = ValidLaptopDraft();
    invalid["values"]["cost_centre"] = "nope";
    auto refused = PostJson(cli, emma, "/api/v1/requests", invalid.dump(), {{"Idempotency-Key", "form-7"}});
    REQUIRE(refused);
    CHECK(refused->status == 422);
    CHECK(CountRequestRows(server) == rows_before);
    {
        auto db = spoc::storage::Database::Open(server.db_path(), spoc::storage::OpenMode::read_only);
        REQUIRE(db.ok());
        auto q = (*db)->Prepare("SELECT COUNT(*) FROM idempotency_keys");
        REQUIRE(q.ok());
        REQUIRE(*q->Step());
        CHECK(q->Int(0) == 0);  // the key was not used up by the refusal
    }

    auto corrected =
        PostJson(cli, emma, "/api/v1/requests", ValidLaptopDraft().dump(), {{"Idempotency-Key", "form-7"}});
    REQUIRE(corrected);
    CHECK(corrected->status == 201);
    CHECK(corrected->get_header_value("Idempotent-Replayed").empty());
    CHECK(CountRequestRows(server) == rows_before + 1);
    auto retried = PostJson(cli, emma, "/api/v1/requests", ValidLaptopDraft().dump(), {{"Idempotency-Key", "form-7"}});
    REQUIRE(retried);
    CHECK(retried->status == 201);
    CHECK(retried->body == corrected->body);
    CHECK(CountRequestRows(server) == rows_before + 1);
}

TEST_CASE("idempotency: concurrent retries of one key store exactly one request") {
    TestServer server;
    Session emma;
    {
        auto cli = server.Client();
        emma = SignIn(cli, "emma");
    }
    const auto rows_before = CountRequestRows(server);
    const std::string body = ValidLaptopDraft().dump();
    std::vector<std::thread> threads;
    std::mutex mutex;
    std::set<std::string> ids;
    int ok = 0;
    for (int i = 0; i < 16; ++i) {
        threads.emplace_back([&] {
            auto cli = server.Client();
            auto res = PostJson(cli, emma, "/api/v1/requests", body, {{"Idempotency-Key", "same-key"}});
            std::lock_guard lock(mutex);
            if (res && res->status == 201) {
                ++ok;
                ids.insert(Body(res)["id"].dump());
            } else if (res) {
                FAIL_CHECK("status " << res->status << ": " << res->body);
            } else {
                FAIL_CHECK("transport error " << httplib::to_string(res.error()));
            }
        });
    }
    for (auto& t : threads) t.join();
    CHECK(ok == 16);
    CHECK(ids.size() == 1);
    CHECK(CountRequestRows(server) == rows_before + 1);
}

TEST_CASE("visibility: employees see only their own requests (404, not 403); agents see all") {
    TestServer server;
    auto cli = server.Client();
    Session emma = SignIn(cli, "emma");
    Session liam = SignIn(cli, "liam");
    Session ava = SignIn(cli, "ava");
    auto created = PostJson(cli, emma, "/api/v1/requests", ValidLaptopDraft().dump());
    REQUIRE(created);
    REQUIRE(created->status == 201);
    const std::string path = "/api/v1/requests/" + Body(created)["id"].dump();

    auto peek = Get(cli, liam, path);
    REQUIRE(peek);
    CHECK(peek->status == 404);
    CHECK(ErrorCodeOf(peek) == "not_found");
    auto nothing = Get(cli, liam, "/api/v1/requests/999999");
    REQUIRE(nothing);
    CHECK(Body(peek) == Body(nothing));  // no existence leak

    auto liams = Get(cli, liam, "/api/v1/requests?page_size=100");
    REQUIRE(liams);
    const json liam_page = Body(liams);
    for (const auto& item : liam_page["items"]) CHECK(item["requester_id"] == liam.user["id"]);
    CHECK(liam_page["total"] == 1);  // his one seeded request

    auto comment = PostJson(cli, liam, path + "/comments", R"({"body":"hello"})");
    REQUIRE(comment);
    CHECK(comment->status == 404);

    auto agent = Get(cli, ava, path);
    REQUIRE(agent);
    CHECK(agent->status == 200);
}

TEST_CASE("comments: replies bump the request; internal notes are agent-only and hidden from employees") {
    TestServer server;
    auto cli = server.Client();
    Session emma = SignIn(cli, "emma");
    Session ava = SignIn(cli, "ava");
    auto created = PostJson(cli, emma, "/api/v1/requests", ValidLaptopDraft().dump());
    REQUIRE(created);
    REQUIRE(created->status == 201);
    const json request = Body(created);
    const std::string path = "/api/v1/requests/" + request["id"].dump();

    auto note = PostJson(cli, ava, path + "/comments", R"({"body":"Check stock in Leeds first.","internal":true})");
    REQUIRE(note);
    REQUIRE_MESSAGE(note->status == 201, note->body);
    CHECK(Body(note)["internal"] == true);
    CHECK(Body(note)["author_name"] == "Ava Patel");
    CHECK(Body(note)["author_role"] == "agent");

    auto reply = PostJson(cli, ava, path + "/comments", R"({"body":"  Ordered, arriving Thursday.  "})");
    REQUIRE(reply);
    REQUIRE(reply->status == 201);
    CHECK(Body(reply)["body"] == "Ordered, arriving Thursday.");
    CHECK(Body(reply)["internal"] == false);

    auto sneaky = PostJson(cli, emma, path + "/comments", R"({"body":"note to self","internal":true})");
    REQUIRE(sneaky);
    CHECK(sneaky->status == 403);
    auto thanks = PostJson(cli, emma, path + "/comments", R"({"body":"Thanks!"})");
    REQUIRE(thanks);
    CHECK(thanks->status == 201);

    auto as_emma = Get(cli, emma, path);
    REQUIRE(as_emma);
    const json seen = Body(as_emma);
    REQUIRE(seen["comments"].size() == 2);
    for (const auto& c : seen["comments"]) CHECK(c["internal"] == false);
    CHECK(seen["comments"][0]["body"] == "Ordered, arriving Thursday.");
    CHECK(seen["comment_count"] == 2);
    CHECK(seen["version"] == 3);  // the two replies bump it; the internal note does not
    CHECK(seen["updated_at"] >= request["updated_at"]);
    CHECK(as_emma->body.find("Leeds") == std::string::npos);

    auto list = Get(cli, emma, "/api/v1/requests");
    REQUIRE(list);
    CHECK(Body(list)["items"][0]["comment_count"] == 2);
    CHECK(list->body.find("Leeds") == std::string::npos);

    auto as_ava = Get(cli, ava, path);
    REQUIRE(as_ava);
    CHECK(Body(as_ava)["comments"].size() == 3);
    CHECK(Body(as_ava)["comments"][0]["internal"] == true);

    auto empty = PostJson(cli, emma, path + "/comments", R"({"body":"   "})");
    REQUIRE(empty);
    CHECK(empty->status == 422);
}

TEST_CASE("comments: an internal note changes nothing an employee can see, byte for byte") {
    TestServer server;
    auto cli = server.Client();
    Session emma = SignIn(cli, "emma");
    Session ava = SignIn(cli, "ava");
    // Two requests, so the list has an order an update could change: the older one gets the note.
    auto older = PostJson(cli, emma, "/api/v1/requests", ValidLaptopDraft().dump());
    REQUIRE(older);
    REQUIRE(older->status == 201);
    const std::string path = "/api/v1/requests/" + Body(older)["id"].dump();
    auto reply = PostJson(cli, ava, path + "/comments", R"({"body":"On it."})");
    REQUIRE(reply);
    REQUIRE(reply->status == 201);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));  // distinct updated_at values
    json newer_draft = ValidLaptopDraft();
    newer_draft["summary"] = "A newer request";
    auto newer = PostJson(cli, emma, "/api/v1/requests", newer_draft.dump());
    REQUIRE(newer);
    REQUIRE(newer->status == 201);

    auto detail_before = Get(cli, emma, path);
    auto list_before = Get(cli, emma, "/api/v1/requests");
    REQUIRE(detail_before);
    REQUIRE(list_before);
    REQUIRE(detail_before->status == 200);
    REQUIRE(Body(list_before)["items"][0]["summary"] == "A newer request");

    std::this_thread::sleep_for(std::chrono::milliseconds(5));  // a bump would show as a new time
    auto note = PostJson(cli, ava, path + "/comments", R"({"body":"Employee is on leave until May.","internal":true})");
    REQUIRE(note);
    REQUIRE(note->status == 201);

    auto detail_after = Get(cli, emma, path);
    auto list_after = Get(cli, emma, "/api/v1/requests");
    REQUIRE(detail_after);
    REQUIRE(list_after);
    CHECK(detail_after->body == detail_before->body);  // updated_at, version, comment_count, comments
    CHECK(list_after->body == list_before->body);      // and the order of the list
    CHECK(Body(detail_after)["comment_count"] == 1);
    // The agent sees the note, on a request whose version the note did not change either.
    auto as_ava = Get(cli, ava, path);
    REQUIRE(as_ava);
    CHECK(Body(as_ava)["comments"].size() == 2);
    CHECK(Body(as_ava)["version"] == Body(detail_before)["version"]);
}

TEST_CASE("comments: a request holds at most kMaxCommentsPerRequest; then 409 conflict") {
    TestServer server;
    auto cli = server.Client();
    Session emma = SignIn(cli, "emma");
    auto created = PostJson(cli, emma, "/api/v1/requests", ValidLaptopDraft().dump());
    REQUIRE(created);
    REQUIRE(created->status == 201);
    const spoc::RequestId id(Body(created)["id"].get<std::int64_t>());
    const std::string path = "/api/v1/requests/" + std::to_string(id.value) + "/comments";

    // Fill it up to one short of the limit straight through the repository (one transaction).
    {
        auto db = spoc::storage::Database::Open(server.db_path(), spoc::storage::OpenMode::read_write);
        REQUIRE(db.ok());
        auto filled = spoc::storage::InTransaction(**db, [&](spoc::storage::Database& d) -> spoc::Result<spoc::Unit> {
            for (std::size_t i = 0; i + 1 < spoc::kMaxCommentsPerRequest; ++i) {
                spoc::Comment c;
                c.author_id = spoc::UserId(emma.user["id"].get<std::int64_t>());
                c.body = "comment " + std::to_string(i);
                c.internal = i % 50 == 0;  // internal notes count too
                c.created_at = 1;
                if (auto r = spoc::storage::InsertComment(d, id, c); !r.ok()) return r.error();
            }
            return spoc::Unit{};
        });
        REQUIRE(filled.ok());
    }
    auto last = PostJson(cli, emma, path, R"({"body":"The last one that fits."})");
    REQUIRE(last);
    CHECK(last->status == 201);
    auto refused = PostJson(cli, emma, path, R"({"body":"One too many."})");
    REQUIRE(refused);
    CHECK(refused->status == 409);
    CHECK(ErrorCodeOf(refused) == "conflict");
    CHECK(Body(refused)["error"]["message"] == "This request has reached its comment limit; start a new request.");

    auto db = spoc::storage::Database::Open(server.db_path(), spoc::storage::OpenMode::read_only);
    REQUIRE(db.ok());
    auto count = spoc::storage::CountComments(**db, id);
    REQUIRE(count.ok());
    CHECK(*count == static_cast<std::int64_t>(spoc::kMaxCommentsPerRequest));
}

TEST_CASE("seeded demo: emma's requests include an agent reply") {
    TestServer server;
    auto cli = server.Client();
    Session emma = SignIn(cli, "emma");
    auto list = Get(cli, emma, "/api/v1/requests");
    REQUIRE(list);
    const json page = Body(list);
    CHECK(page["total"] == 3);
    int replies = 0;
    for (const auto& item : page["items"]) replies += item["comment_count"].get<int>();
    CHECK(replies == 1);
}

TEST_CASE("list: status filters, paging, and bad parameters") {
    TestServer server;
    auto cli = server.Client();
    Session emma = SignIn(cli, "emma");
    for (int i = 0; i < 4; ++i) {
        json draft = ValidLaptopDraft();
        draft["summary"] = "Laptop " + std::to_string(i);
        auto res = PostJson(cli, emma, "/api/v1/requests", draft.dump());
        REQUIRE(res);
        REQUIRE(res->status == 201);
    }
    // Seeded: resolved, in_progress, new. Created: 4 x assigned (auto-assigned to ava).
    auto count = [&](const std::string& query) {
        auto res = Get(cli, emma, "/api/v1/requests" + query);
        REQUIRE(res);
        REQUIRE_MESSAGE(res->status == 200, res->body);
        return Body(res);
    };
    CHECK(count("")["total"] == 7);
    CHECK(count("?status=all")["total"] == 7);
    CHECK(count("?status=open")["total"] == 6);
    CHECK(count("?status=done")["total"] == 1);
    CHECK(count("?status=done")["items"][0]["status"] == "resolved");
    CHECK(count("?status=new")["total"] == 1);
    CHECK(count("?status=assigned")["total"] == 4);
    CHECK(count("?status=in_progress")["total"] == 1);
    CHECK(count("?status=closed")["total"] == 0);

    const json p1 = count("?page_size=3&page=1");
    const json p3 = count("?page_size=3&page=3");
    CHECK(p1["items"].size() == 3);
    CHECK(p1["total"] == 7);
    CHECK(p1["page"] == 1);
    CHECK(p1["page_size"] == 3);
    CHECK(p1["items"][0]["summary"] == "Laptop 3");  // newest first
    CHECK(p3["items"].size() == 1);
    CHECK(count("?page=9")["items"].empty());

    std::set<std::string> seen;
    for (int page = 1; page <= 3; ++page) {
        const json items = count("?page_size=3&page=" + std::to_string(page))["items"];
        for (const auto& item : items) seen.insert(item["id"].dump());
    }
    CHECK(seen.size() == 7);  // pages don't overlap

    for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>>{{"?status=bogus", "status"},
                                                                                       {"?page=0", "page"},
                                                                                       {"?page=abc", "page"},
                                                                                       {"?page_size=0", "page_size"},
                                                                                       {"?page_size=101", "page_size"},
                                                                                       {"?page=-1", "page"}}) {
        CAPTURE(query);
        auto res = Get(cli, emma, "/api/v1/requests" + query);
        REQUIRE(res);
        CHECK(res->status == 400);
        CHECK(Body(res)["error"]["field"] == field);
    }
}
