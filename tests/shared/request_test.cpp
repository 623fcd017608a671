// Tests for shared/domain/request.h: the ITIL impact x urgency priority matrix, wire names and
// labels of every enum, open/done statuses, the "My requests" status filter, and request
// numbers as people quote them ("REQ0000042", "#42", "inc42").
#include "shared/domain/request.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

using spoc::Level;
using spoc::Priority;
using spoc::RequestId;
using spoc::RequestType;
using spoc::Role;
using spoc::Status;

namespace {

const Status kAllStatuses[] = {Status::new_,     Status::assigned, Status::in_progress, Status::pending,
                               Status::resolved, Status::closed,   Status::cancelled, Status::awaiting_approval};
const Level kAllLevels[] = {Level::high, Level::medium, Level::low};
const Priority kAllPriorities[] = {Priority::critical, Priority::high, Priority::moderate, Priority::low,
                                   Priority::planning};
const Role kAllRoles[] = {Role::employee, Role::agent, Role::admin};
const RequestType kAllTypes[] = {RequestType::incident, RequestType::service_request};

bool IsWireName(std::string_view name) {
    if (name.empty()) return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || c == '_')) return false;
    return true;
}

// ParseRequestRef for text that must be accepted.
std::int64_t RefOf(std::string_view text) {
    RequestId id;
    const bool ok = spoc::ParseRequestRef(text, &id);
    REQUIRE_MESSAGE(ok, "rejected '" << std::string(text) << "'");
    return id.value;
}

}  // namespace

TEST_CASE("request: impact x urgency priority matrix (ITIL)") {
    struct Row {
        Level impact, urgency;
        Priority expected;
    };
    const Row matrix[] = {
        {Level::high, Level::high, Priority::critical},     {Level::high, Level::medium, Priority::high},
        {Level::high, Level::low, Priority::moderate},      {Level::medium, Level::high, Priority::high},
        {Level::medium, Level::medium, Priority::moderate}, {Level::medium, Level::low, Priority::low},
        {Level::low, Level::high, Priority::moderate},      {Level::low, Level::medium, Priority::low},
        {Level::low, Level::low, Priority::planning},
    };
    for (const Row& row : matrix) {
        CAPTURE(spoc::LevelName(row.impact));
        CAPTURE(spoc::LevelName(row.urgency));
        CHECK(spoc::ComputePriority(row.impact, row.urgency) == row.expected);
        // The matrix is symmetric: impact and urgency weigh the same.
        CHECK(spoc::ComputePriority(row.urgency, row.impact) == row.expected);
    }
    CHECK(spoc::PriorityLabel(spoc::ComputePriority(Level::high, Level::high)) == "P1 Critical");
    CHECK(spoc::PriorityLabel(spoc::ComputePriority(Level::medium, Level::medium)) == "P3 Moderate");
    CHECK(spoc::PriorityLabel(spoc::ComputePriority(Level::low, Level::low)) == "P5 Planning");
    // Raising either input never lowers the priority.
    for (Level i : kAllLevels)
        for (Level u : kAllLevels) {
            const int p = static_cast<int>(spoc::ComputePriority(i, u));
            CHECK(p >= 1);
            CHECK(p <= 5);
            if (i != Level::high) CHECK(static_cast<int>(spoc::ComputePriority(static_cast<Level>(static_cast<int>(i) - 1), u)) < p);
            if (u != Level::high) CHECK(static_cast<int>(spoc::ComputePriority(i, static_cast<Level>(static_cast<int>(u) - 1))) < p);
        }
}

TEST_CASE("request: status names and labels round trip") {
    std::set<std::string> names, labels;
    for (Status s : kAllStatuses) {
        const std::string_view name = spoc::StatusName(s);
        CHECK(IsWireName(name));
        CHECK_FALSE(spoc::StatusLabel(s).empty());
        Status back = Status::cancelled;
        REQUIRE(spoc::ParseStatus(name, &back));
        CHECK(back == s);
        names.insert(std::string(name));
        labels.insert(std::string(spoc::StatusLabel(s)));
    }
    CHECK(names.size() == static_cast<size_t>(spoc::kStatusCount));
    CHECK(labels.size() == static_cast<size_t>(spoc::kStatusCount));
    CHECK(spoc::StatusName(Status::new_) == "new");
    CHECK(spoc::StatusName(Status::in_progress) == "in_progress");
    CHECK(spoc::StatusLabel(Status::in_progress) == "In progress");
    CHECK(spoc::StatusLabel(Status::cancelled) == "Cancelled");

    for (const char* bad : {"", "New", "NEW", "new_", "in progress", "In progress", "in-progress", "open", "done",
                            "all", "canceled", " new", "new ", "closed\n"}) {
        Status out = Status::pending;
        CHECK_MESSAGE(!spoc::ParseStatus(bad, &out), "accepted '" << std::string(bad) << "'");
        CHECK(out == Status::pending);
    }
}

TEST_CASE("request: level names and labels round trip") {
    for (Level l : kAllLevels) {
        Level back = l == Level::low ? Level::high : Level::low;
        REQUIRE(spoc::ParseLevel(spoc::LevelName(l), &back));
        CHECK(back == l);
        CHECK(IsWireName(spoc::LevelName(l)));
    }
    CHECK(spoc::LevelName(Level::high) == "high");
    CHECK(spoc::LevelName(Level::medium) == "medium");
    CHECK(spoc::LevelName(Level::low) == "low");
    CHECK(spoc::LevelLabel(Level::high) == "High");
    CHECK(spoc::LevelLabel(Level::medium) == "Medium");
    CHECK(spoc::LevelLabel(Level::low) == "Low");
    Level out = Level::medium;
    for (const char* bad : {"", "High", "HIGH", "med", "critical", "1", " low"}) CHECK_FALSE(spoc::ParseLevel(bad, &out));
    CHECK(out == Level::medium);
}

TEST_CASE("request: priority names and labels round trip") {
    const char* labels[] = {"P1 Critical", "P2 High", "P3 Moderate", "P4 Low", "P5 Planning"};
    const char* names[] = {"critical", "high", "moderate", "low", "planning"};
    for (int i = 0; i < 5; ++i) {
        const Priority p = kAllPriorities[i];
        CHECK(static_cast<int>(p) == i + 1);
        CHECK(spoc::PriorityName(p) == names[i]);
        CHECK(spoc::PriorityLabel(p) == labels[i]);
        Priority back = Priority::planning;
        REQUIRE(spoc::ParsePriority(spoc::PriorityName(p), &back));
        CHECK(back == p);
    }
    Priority out = Priority::moderate;
    for (const char* bad : {"", "P1", "p1", "1", "Critical", "P1 Critical", "urgent", "medium"})
        CHECK_MESSAGE(!spoc::ParsePriority(bad, &out), "accepted '" << std::string(bad) << "'");
    CHECK(out == Priority::moderate);
}

TEST_CASE("request: role and request type names round trip") {
    for (Role r : kAllRoles) {
        Role back = r == Role::admin ? Role::employee : Role::admin;
        REQUIRE(spoc::ParseRole(spoc::RoleName(r), &back));
        CHECK(back == r);
    }
    CHECK(spoc::RoleName(Role::employee) == "employee");
    CHECK(spoc::RoleName(Role::agent) == "agent");
    CHECK(spoc::RoleName(Role::admin) == "admin");
    Role role = Role::agent;
    for (const char* bad : {"", "Admin", "ADMIN", "administrator", "root", "user", "employee "})
        CHECK_MESSAGE(!spoc::ParseRole(bad, &role), "accepted '" << std::string(bad) << "'");
    CHECK(role == Role::agent);

    for (RequestType t : kAllTypes) {
        RequestType back = t == RequestType::incident ? RequestType::service_request : RequestType::incident;
        REQUIRE(spoc::ParseRequestType(spoc::RequestTypeName(t), &back));
        CHECK(back == t);
    }
    CHECK(spoc::RequestTypeName(RequestType::incident) == "incident");
    CHECK(spoc::RequestTypeName(RequestType::service_request) == "service_request");
    CHECK(spoc::RequestTypeLabel(RequestType::incident) == "Incident");
    CHECK(spoc::RequestTypeLabel(RequestType::service_request) == "Service request");
    RequestType type = RequestType::incident;
    for (const char* bad : {"", "Incident", "service request", "request", "service-request", "INC", "REQ"})
        CHECK_MESSAGE(!spoc::ParseRequestType(bad, &type), "accepted '" << std::string(bad) << "'");
    CHECK(type == RequestType::incident);
}

TEST_CASE("request: IsOpenStatus splits the lifecycle into open and done") {
    CHECK(spoc::IsOpenStatus(Status::new_));
    CHECK(spoc::IsOpenStatus(Status::assigned));
    CHECK(spoc::IsOpenStatus(Status::in_progress));
    CHECK(spoc::IsOpenStatus(Status::pending));
    CHECK_FALSE(spoc::IsOpenStatus(Status::resolved));
    CHECK_FALSE(spoc::IsOpenStatus(Status::closed));
    CHECK_FALSE(spoc::IsOpenStatus(Status::cancelled));
}

TEST_CASE("request: status filter parse, name and matching") {
    spoc::RequestFilter f;
    REQUIRE(spoc::ParseStatusFilter("", &f));
    CHECK(f.kind == spoc::StatusFilter::all);
    REQUIRE(spoc::ParseStatusFilter("all", &f));
    CHECK(f.kind == spoc::StatusFilter::all);
    REQUIRE(spoc::ParseStatusFilter("open", &f));
    CHECK(f.kind == spoc::StatusFilter::open);
    REQUIRE(spoc::ParseStatusFilter("done", &f));
    CHECK(f.kind == spoc::StatusFilter::done);
    for (Status s : kAllStatuses) {
        REQUIRE(spoc::ParseStatusFilter(spoc::StatusName(s), &f));
        CHECK(f.kind == spoc::StatusFilter::single);
        CHECK(f.status == s);
    }

    spoc::RequestFilter untouched{spoc::StatusFilter::done, Status::closed};
    for (const char* bad : {"Open", "ALL", "closed ", " open", "xyz", "pending,new", "new_", "opened", "*"}) {
        CHECK_MESSAGE(!spoc::ParseStatusFilter(bad, &untouched), "accepted '" << std::string(bad) << "'");
        CHECK(untouched.kind == spoc::StatusFilter::done);
        CHECK(untouched.status == Status::closed);
    }

    // Names round trip: every filter the UI can hold parses back to itself.
    std::vector<spoc::RequestFilter> filters = {{spoc::StatusFilter::all, Status::new_},
                                                {spoc::StatusFilter::open, Status::new_},
                                                {spoc::StatusFilter::done, Status::new_}};
    for (Status s : kAllStatuses) filters.push_back({spoc::StatusFilter::single, s});
    for (const auto& filter : filters) {
        const std::string name = spoc::StatusFilterName(filter);
        spoc::RequestFilter back;
        REQUIRE(spoc::ParseStatusFilter(name, &back));
        CHECK(back.kind == filter.kind);
        if (filter.kind == spoc::StatusFilter::single) CHECK(back.status == filter.status);
    }
    CHECK(spoc::StatusFilterName({spoc::StatusFilter::all, Status::closed}) == "all");
    CHECK(spoc::StatusFilterName({spoc::StatusFilter::open, Status::closed}) == "open");
    CHECK(spoc::StatusFilterName({spoc::StatusFilter::done, Status::new_}) == "done");
    CHECK(spoc::StatusFilterName({spoc::StatusFilter::single, Status::in_progress}) == "in_progress");

    // StatusMatches for every filter x status.
    for (Status s : kAllStatuses) {
        CAPTURE(spoc::StatusName(s));
        CHECK(spoc::StatusMatches({spoc::StatusFilter::all, Status::new_}, s));
        CHECK(spoc::StatusMatches({spoc::StatusFilter::open, Status::new_}, s) == spoc::IsOpenStatus(s));
        CHECK(spoc::StatusMatches({spoc::StatusFilter::done, Status::new_}, s) == !spoc::IsOpenStatus(s));
        for (Status t : kAllStatuses) CHECK(spoc::StatusMatches({spoc::StatusFilter::single, t}, s) == (s == t));
    }
}

TEST_CASE("request: FormatRequestNumber") {
    CHECK(spoc::FormatRequestNumber(RequestType::service_request, RequestId(42)) == "REQ0000042");
    CHECK(spoc::FormatRequestNumber(RequestType::incident, RequestId(42)) == "INC0000042");
    CHECK(spoc::FormatRequestNumber(RequestType::service_request, RequestId(1)) == "REQ0000001");
    CHECK(spoc::FormatRequestNumber(RequestType::incident, RequestId(9999999)) == "INC9999999");
    CHECK(spoc::FormatRequestNumber(RequestType::incident, RequestId(12345678)) == "INC12345678");
    // Every formatted number parses back to its id.
    for (std::int64_t v : {std::int64_t{1}, std::int64_t{7}, std::int64_t{42}, std::int64_t{1000000},
                           std::int64_t{9999999}, std::int64_t{10000000}, std::int64_t{123456789012345}}) {
        for (RequestType t : kAllTypes) {
            const std::string number = spoc::FormatRequestNumber(t, RequestId(v));
            CHECK(RefOf(number) == v);
            CHECK(RefOf("#" + number) == v);
        }
    }
}

TEST_CASE("request: ParseRequestRef accepts what people type") {
    CHECK(RefOf("42") == 42);
    CHECK(RefOf("#42") == 42);
    CHECK(RefOf("REQ0000042") == 42);
    CHECK(RefOf("req0000042") == 42);
    CHECK(RefOf("Req42") == 42);
    CHECK(RefOf("inc42") == 42);
    CHECK(RefOf("INC0000042") == 42);
    CHECK(RefOf("#INC0000042") == 42);
    CHECK(RefOf("#req7") == 7);
    CHECK(RefOf("1") == 1);
    CHECK(RefOf("000000000000042") == 42);              // 15 digits
    CHECK(RefOf("999999999999999") == 999999999999999);  // largest accepted
    CHECK(RefOf("REQ999999999999999") == 999999999999999);
}

TEST_CASE("request: ParseRequestRef rejects junk and out-of-range numbers") {
    const char* rejected[] = {
        "",     "#",       "0",    "#0",     "REQ0000000", "000",    "-1",  "+1",    "abc",
        "REQ",  "INC",     "#REQ", "REQ-42", "RE42",       "42a",    " 42", "42 ",   "4 2",
        "##42", "REQ#42",  "0x2A", "INCREQ42", "1234567890123456", "0000000000000042",
        "REQ1234567890123456", "99999999999999999999999", "9223372036854775808", "1e3", "42.0",
        "\xef\xbc\x94\xef\xbc\x92",  // full-width "42"
    };
    for (const char* text : rejected) {
        RequestId out(777);
        CHECK_MESSAGE(!spoc::ParseRequestRef(text, &out), "accepted '" << std::string(text) << "'");
        CHECK(out.value == 777);
    }
    RequestId out(777);
    CHECK_FALSE(spoc::ParseRequestRef(std::string_view("42\0", 3), &out));
    CHECK(out.value == 777);
}

TEST_CASE("request: ids are typed and 0 means none") {
    CHECK_FALSE(RequestId().valid());
    CHECK_FALSE(RequestId(0).valid());
    CHECK_FALSE(RequestId(-1).valid());
    CHECK(RequestId(1).valid());
    CHECK(RequestId(3) == RequestId(3));
    CHECK(RequestId(3) != RequestId(4));
    CHECK(RequestId(3) < RequestId(4));
    CHECK(std::hash<RequestId>()(RequestId(5)) == std::hash<std::int64_t>()(5));
}
