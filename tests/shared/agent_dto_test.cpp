// Tests for the group directory codec of shared/api/agent_dto.h (GET /api/v1/groups): the
// documented example round-trips, a group without a lead leaves "lead_id" out, and bad JSON or bad
// shapes are refused with the field named, never thrown.
#include "shared/api/agent_dto.h"

#include <doctest/doctest.h>

#include <string>

namespace api = spoc::api;
using spoc::UserId;

namespace {

template <class T>
std::string FieldOf(const spoc::Result<T>& r) {
    return r.ok() ? "<ok>" : r.error().field;
}

}  // namespace

TEST_CASE("agent dto: the group directory round-trips and matches the documented shape") {
    api::GroupDirectory directory;
    directory.groups.push_back({1, "IT Service Desk", UserId(3), {{UserId(3), "Ava Patel", true}}});
    directory.groups.push_back({5, "Night shift", UserId(), {}});
    directory.groups.push_back({2, "Network", UserId(3), {{UserId(4), "Bo Li", false}, {UserId(3), "Ava Patel", true}}});

    const std::string json = api::EncodeGroupDirectory(directory);
    CHECK(json.rfind(R"({"groups":[{"agents":[{"available":true,"id":3,"name":"Ava Patel"}],"id":1,"lead_id":3,)"
                     R"("name":"IT Service Desk"})",
                     0) == 0);
    CHECK(json.find(R"({"agents":[],"id":5,"name":"Night shift"})") != std::string::npos);  // no lead: no lead_id

    auto decoded = api::DecodeGroupDirectory(json);
    REQUIRE(decoded.ok());
    REQUIRE(decoded->groups.size() == 3);
    const api::DirectoryGroup& desk = decoded->groups[0];
    CHECK(desk.id == 1);
    CHECK(desk.name == "IT Service Desk");
    CHECK(desk.lead_id == UserId(3));
    REQUIRE(desk.agents.size() == 1);
    CHECK(desk.agents[0].id == UserId(3));
    CHECK(desk.agents[0].name == "Ava Patel");
    CHECK(desk.agents[0].available);
    CHECK_FALSE(decoded->groups[1].lead_id.valid());
    CHECK(decoded->groups[1].agents.empty());
    REQUIRE(decoded->groups[2].agents.size() == 2);  // order is kept as sent
    CHECK(decoded->groups[2].agents[0].name == "Bo Li");
    CHECK_FALSE(decoded->groups[2].agents[0].available);

    // The example of the contract, as another client would write it (null lead = no lead).
    auto example = api::DecodeGroupDirectory(
        R"({"groups":[{"id":1,"name":"IT Service Desk","lead_id":3,"agents":[{"id":3,"name":"Ava Patel","available":true}]},)"
        R"({"id":2,"name":"Empty","lead_id":null}]})");
    REQUIRE(example.ok());
    REQUIRE(example->groups.size() == 2);
    CHECK(example->groups[0].agents[0].available);
    CHECK(example->groups[1].agents.empty());  // missing agents == none
    auto empty = api::DecodeGroupDirectory(api::EncodeGroupDirectory({}));
    REQUIRE(empty.ok());
    CHECK(empty->groups.empty());
}

TEST_CASE("agent dto: the group directory decoder refuses bad JSON and bad shapes without throwing") {
    for (const char* bad : {"", "{", "not json", "[]", "null", "42", R"({"groups":[)"}) {
        CAPTURE(bad);
        CHECK_FALSE(api::DecodeGroupDirectory(bad).ok());
    }
    CHECK(FieldOf(api::DecodeGroupDirectory("{}")) == "groups");
    CHECK(FieldOf(api::DecodeGroupDirectory(R"({"groups":{}})")) == "groups");
    CHECK(FieldOf(api::DecodeGroupDirectory(R"({"groups":[1]})")) == "groups");
    CHECK(FieldOf(api::DecodeGroupDirectory(R"({"groups":[{"name":"X"}]})")) == "groups.id");
    CHECK(FieldOf(api::DecodeGroupDirectory(R"({"groups":[{"id":1}]})")) == "groups.name");
    CHECK(FieldOf(api::DecodeGroupDirectory(R"({"groups":[{"id":"1","name":"X"}]})")) == "groups.id");
    CHECK(FieldOf(api::DecodeGroupDirectory(R"({"groups":[{"id":1,"name":"X","lead_id":"3"}]})")) == "groups.lead_id");
    CHECK(FieldOf(api::DecodeGroupDirectory(R"({"groups":[{"id":1,"name":"X","agents":{}}]})")) == "groups.agents");
    CHECK(FieldOf(api::DecodeGroupDirectory(R"({"groups":[{"id":1,"name":"X","agents":["ava"]}]})")) ==
          "groups.agents");
    CHECK(FieldOf(api::DecodeGroupDirectory(R"({"groups":[{"id":1,"name":"X","agents":[{"name":"A"}]}]})")) ==
          "groups.agents.id");
    CHECK(FieldOf(api::DecodeGroupDirectory(
              R"({"groups":[{"id":1,"name":"X","agents":[{"id":3,"name":"A","available":"yes"}]}]})")) ==
          "groups.agents.available");
    CHECK(FieldOf(api::DecodeGroupDirectory(R"({"groups":[{"id":1,"name":)" + std::string(300, 'n') + "}]}")) ==
          "");  // not JSON at all
    CHECK(FieldOf(api::DecodeGroupDirectory(R"({"groups":[{"id":1,"name":")" + std::string(300, 'n') + R"("}]})")) ==
          "groups.name");  // too long
}
