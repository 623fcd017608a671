// Tests for shared/api/workspace_dto.h: round trips of every workspace body (canned responses,
// expansions, related requests, links, merge, bulk), the decoders' refusals with the field named
// (ids count, duplicates, negative ids, fields bulk can't change), and hostile input.
#include "shared/api/workspace_dto.h"

#include <doctest/doctest.h>

#include <string>

#include "shared/domain/limits.h"

namespace api = spoc::api;
using spoc::RequestId;
using spoc::Status;

namespace {

template <class T>
std::string FieldOf(const spoc::Result<T>& r) {
    return r.ok() ? "<ok>" : r.error().field;
}

spoc::RequestBrief Brief(std::int64_t id) {
    spoc::RequestBrief b;
    b.id = RequestId(id);
    b.number = std::string("REQ000000").append(std::to_string(id));
    b.summary = std::string("Summary ").append(std::to_string(id));
    b.status = Status::pending;
    b.priority = spoc::Priority::moderate;
    b.created_at = 1'780'000'000'000 + id;
    b.updated_at = 1'780'000'100'000 + id;
    return b;
}

}  // namespace

TEST_CASE("workspace dto: canned responses round-trip; writes are trimmed and shape-checked") {
    spoc::CannedResponse c;
    c.id = 7;
    c.title = "VPN: reinstall";
    c.body = "Hi {{requester.first_name}},\nreinstall the client.";
    c.group_id = 2;
    c.group_name = "Network";
    c.updated_at = 1'780'000'000'123;
    auto back = api::DecodeCanned(api::EncodeCanned(c));
    REQUIRE(back.ok());
    CHECK(back->id == 7);
    CHECK(back->title == c.title);
    CHECK(back->body == c.body);
    CHECK(back->group_id == 2);
    CHECK(back->group_name == "Network");
    CHECK(back->updated_at == c.updated_at);

    auto list = api::DecodeCannedList(api::EncodeCannedList({c, c}));
    REQUIRE(list.ok());
    CHECK(list->size() == 2);
    CHECK(api::EncodeCannedList({}).find("\"placeholders\":[\"requester.first_name\"") != std::string::npos);

    auto write = api::DecodeCannedWrite(R"({"title":"  Need more info  ","body":"\n Please send a screenshot. \n"})");
    REQUIRE(write.ok());
    CHECK(write->title == "Need more info");
    CHECK(write->body == "Please send a screenshot.");
    CHECK(write->group_id == 0);
    auto again = api::DecodeCannedWrite(api::EncodeCannedWrite(c));
    REQUIRE(again.ok());
    CHECK(again->group_id == 2);
    CHECK(FieldOf(api::DecodeCannedWrite(R"({"body":"x"})")) == "title");
    CHECK(FieldOf(api::DecodeCannedWrite(R"({"title":"x"})")) == "body");
    CHECK(FieldOf(api::DecodeCannedWrite(R"({"title":"x","body":"y","group_id":-1})")) == "group_id");
    CHECK(FieldOf(api::DecodeCannedWrite(R"({"title":5,"body":"y"})")) == "title");
    CHECK_FALSE(api::DecodeCannedWrite("[1]").ok());
    CHECK_FALSE(api::DecodeCannedWrite("{").ok());
}

TEST_CASE("workspace dto: expansion, related, links round-trip") {
    api::CannedExpansion e;
    e.canned_id = 3;
    e.title = "T";
    e.expansion.text = "Hi Emma {{x}}";
    e.expansion.unknown = {"x"};
    e.expansion.truncated = true;
    auto eb = api::DecodeCannedExpansion(api::EncodeCannedExpansion(e));
    REQUIRE(eb.ok());
    CHECK(eb->canned_id == 3);
    CHECK(eb->expansion.text == e.expansion.text);
    CHECK(eb->expansion.unknown == e.expansion.unknown);
    CHECK(eb->expansion.truncated);

    api::RelatedRequests r;
    r.requester.id = spoc::UserId(4);
    r.requester.display_name = "Emma Jones";
    r.requester.username = "emma";
    r.requester.department = "Finance";
    r.requester.email = "emma@example.com";
    r.requester.time_zone = "Europe/London";
    r.other_total = 30;
    r.other_requests = {Brief(9), Brief(8)};
    r.other_requests[1].assignee_name = "Ava Patel";
    r.links = {{Brief(5), spoc::LinkKind::relates, true}, {Brief(6), spoc::LinkKind::duplicate_of, false}};
    auto rb = api::DecodeRelated(api::EncodeRelated(r));
    REQUIRE(rb.ok());
    CHECK(rb->requester.id == r.requester.id);
    CHECK(rb->requester.display_name == "Emma Jones");
    CHECK(rb->requester.department == "Finance");
    CHECK(rb->other_total == 30);
    REQUIRE(rb->other_requests.size() == 2);
    CHECK(rb->other_requests[0].id == RequestId(9));
    CHECK(rb->other_requests[0].status == Status::pending);
    CHECK(rb->other_requests[0].created_at == Brief(9).created_at);
    CHECK(rb->other_requests[1].assignee_name == "Ava Patel");
    REQUIRE(rb->links.size() == 2);
    CHECK(rb->links[0].kind == spoc::LinkKind::relates);
    CHECK(rb->links[0].outgoing);
    CHECK(rb->links[1].kind == spoc::LinkKind::duplicate_of);
    CHECK_FALSE(rb->links[1].outgoing);
    CHECK(rb->links[1].request.id == RequestId(6));
    CHECK(api::EncodeRelated(r).find("\"direction\":\"incoming\"") != std::string::npos);

    auto links = api::DecodeLinks(api::EncodeLinks(r.links));
    REQUIRE(links.ok());
    CHECK(links->size() == 2);
    CHECK(FieldOf(api::DecodeLinks(R"({"links":[{"id":1,"status":"new","kind":"relates","direction":"up"}]})")) ==
          "links.direction");
    CHECK(FieldOf(api::DecodeLinks(R"({"links":[{"id":1,"status":"new","kind":"parent"}]})")) == "links.kind");
}

TEST_CASE("workspace dto: link and merge bodies") {
    auto link = api::DecodeLinkBody(api::EncodeLinkBody({RequestId(12), spoc::LinkKind::relates}));
    REQUIRE(link.ok());
    CHECK(link->other == RequestId(12));
    CHECK(link->kind == spoc::LinkKind::relates);
    auto dup = api::DecodeLinkBody(R"({"other_id":3,"kind":"duplicate_of"})");
    REQUIRE(dup.ok());  // shape only: CheckLink refuses it
    CHECK(dup->kind == spoc::LinkKind::duplicate_of);
    CHECK(FieldOf(api::DecodeLinkBody(R"({"kind":"relates"})")) == "other_id");
    CHECK(FieldOf(api::DecodeLinkBody(R"({"other_id":0})")) == "other_id");
    CHECK(FieldOf(api::DecodeLinkBody(R"({"other_id":"3"})")) == "other_id");
    CHECK(FieldOf(api::DecodeLinkBody(R"({"other_id":3,"kind":"blocks"})")) == "kind");

    auto merge = api::DecodeMergeBody(api::EncodeMergeBody({RequestId(8), 3}));
    REQUIRE(merge.ok());
    CHECK(merge->into == RequestId(8));
    CHECK(merge->base_version == 3);
    CHECK(FieldOf(api::DecodeMergeBody(R"({"base_version":1})")) == "into_id");
    CHECK(FieldOf(api::DecodeMergeBody(R"({"into_id":2})")) == "base_version");
    CHECK(FieldOf(api::DecodeMergeBody(R"({"into_id":2,"base_version":0})")) == "base_version");
    CHECK(FieldOf(api::DecodeMergeBody(R"({"into_id":-2,"base_version":1})")) == "into_id");

    api::MergeResult result;
    result.source.id = RequestId(1);
    result.source.status = Status::closed;
    result.source.version = 4;
    result.target.id = RequestId(2);
    result.target.summary = "Target";
    auto mr = api::DecodeMergeResult(api::EncodeMergeResult(result));
    REQUIRE(mr.ok());
    CHECK(mr->source.id == RequestId(1));
    CHECK(mr->source.status == Status::closed);
    CHECK(mr->source.version == 4);
    CHECK(mr->target.summary == "Target");
    CHECK(FieldOf(api::DecodeMergeResult(R"({"source":{"id":1}})")) == "target");
}

TEST_CASE("workspace dto: bulk update bodies and results") {
    api::BulkUpdateBody body;
    body.ids = {RequestId(3), RequestId(1)};
    body.patch.status = Status::pending;
    body.patch.pending_reason = spoc::PendingReason::vendor;
    body.patch.assignee = spoc::UserId(0);
    body.patch.group_id = 2;
    auto back = api::DecodeBulkUpdate(api::EncodeBulkUpdate(body));
    REQUIRE(back.ok());
    CHECK(back->ids == body.ids);
    CHECK(back->patch.status == Status::pending);
    CHECK(back->patch.pending_reason == spoc::PendingReason::vendor);
    REQUIRE(back->patch.assignee);
    CHECK(back->patch.assignee->value == 0);
    CHECK(back->patch.group_id == 2);
    // null assignee_id unassigns too; absent leaves it alone.
    auto unassign = api::DecodeBulkUpdate(R"({"ids":[1],"patch":{"assignee_id":null}})");
    REQUIRE(unassign.ok());
    CHECK(unassign->patch.assignee.has_value());
    auto status_only = api::DecodeBulkUpdate(R"({"ids":[1],"patch":{"status":"in_progress"}})");
    REQUIRE(status_only.ok());
    CHECK_FALSE(status_only->patch.assignee.has_value());

    std::string ids200 = "1";
    for (std::size_t i = 2; i <= spoc::limits::kMaxBulkIds; ++i) ids200.append(",").append(std::to_string(i));
    CHECK(api::DecodeBulkUpdate(R"({"ids":[)" + ids200 + R"(],"patch":{"group_id":1}})").ok());
    CHECK(FieldOf(api::DecodeBulkUpdate(R"({"ids":[)" + ids200 + R"(,9999],"patch":{"group_id":1}})")) == "ids");
    CHECK(FieldOf(api::DecodeBulkUpdate(R"({"ids":[],"patch":{"group_id":1}})")) == "ids");
    CHECK(FieldOf(api::DecodeBulkUpdate(R"({"ids":[1,2,1],"patch":{"group_id":1}})")) == "ids");
    CHECK(FieldOf(api::DecodeBulkUpdate(R"({"ids":[0],"patch":{"group_id":1}})")) == "ids");
    CHECK(FieldOf(api::DecodeBulkUpdate(R"({"ids":["1"],"patch":{"group_id":1}})")) == "ids");
    CHECK(FieldOf(api::DecodeBulkUpdate(R"({"ids":[1.5],"patch":{"group_id":1}})")) == "ids");
    CHECK(FieldOf(api::DecodeBulkUpdate(R"({"ids":[18446744073709551615],"patch":{"group_id":1}})")) == "ids");
    CHECK(FieldOf(api::DecodeBulkUpdate(R"({"patch":{"group_id":1}})")) == "ids");
    CHECK(FieldOf(api::DecodeBulkUpdate(R"({"ids":[1]})")) == "patch");
    CHECK(FieldOf(api::DecodeBulkUpdate(R"({"ids":[1],"patch":{}})")) == "patch");
    CHECK(FieldOf(api::DecodeBulkUpdate(R"({"ids":[1],"patch":{"status":"done"}})")) == "patch.status");
    CHECK(FieldOf(api::DecodeBulkUpdate(R"({"ids":[1],"patch":{"urgency":"high"}})")) == "patch.urgency");
    CHECK(FieldOf(api::DecodeBulkUpdate(R"({"ids":[1],"patch":{"group_id":-1}})")) == "patch.group_id");
    CHECK(FieldOf(api::DecodeBulkUpdate(R"({"ids":[1],"patch":{"assignee_id":-1}})")) == "patch.assignee_id");

    api::BulkUpdateResult result;
    result.results.push_back({RequestId(1), true, 5, {}});
    result.results.push_back({RequestId(2), false, 0, spoc::MakeError(spoc::ErrorCode::not_found, "No such request.")});
    const std::string text = api::EncodeBulkResult(result);
    CHECK(text.find("\"succeeded\":1") != std::string::npos);
    CHECK(text.find("\"failed\":1") != std::string::npos);
    auto rb = api::DecodeBulkResult(text);
    REQUIRE(rb.ok());
    REQUIRE(rb->results.size() == 2);
    CHECK(rb->results[0].ok);
    CHECK(rb->results[0].version == 5);
    CHECK_FALSE(rb->results[1].ok);
    CHECK(rb->results[1].error.code == spoc::ErrorCode::not_found);
    CHECK(rb->results[1].error.message == "No such request.");
    CHECK(FieldOf(api::DecodeBulkResult(R"({"results":[{"id":1,"ok":false}]})")) == "results.error");
}

TEST_CASE("workspace dto: hostile input never throws") {
    const std::string inputs[] = {"", "null", "[]", "{", R"({"ids":{}})", R"({"items":[1,2]})", R"({"links":"x"})",
                                  R"({"results":[{"id":1,"ok":false,"error":{"code":"nope"}}]})",
                                  std::string(100, '['), R"({"source":[],"target":1})", "\xFF\xFE"};
    for (const std::string& in : inputs) {
        CAPTURE(in);
        CHECK_FALSE(api::DecodeCannedList(in).ok());
        CHECK_FALSE(api::DecodeRelated(in).ok());
        CHECK_FALSE(api::DecodeLinks(in).ok());
        CHECK_FALSE(api::DecodeMergeResult(in).ok());
        CHECK_FALSE(api::DecodeBulkUpdate(in).ok());
        CHECK_FALSE(api::DecodeBulkResult(in).ok());
        CHECK_FALSE(api::DecodeCannedExpansion(in).ok());
    }
}
