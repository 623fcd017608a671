// Tests for shared/domain/request_builder.h: what a new request takes from its catalog item and
// from the draft (urgency only when the item asks, summary defaulting to the title, trimming),
// the priority matrix applied, requester and timestamps, and who counts as staff.
#include "shared/domain/request_builder.h"

#include <doctest/doctest.h>

#include <string>

using namespace spoc;

namespace {

CatalogItem VpnItem(bool ask_urgency) {
    CatalogItem item;
    item.id = CatalogItemId(7);
    item.department = "IT";
    item.title = "VPN problem";
    item.type = RequestType::incident;
    item.impact = Level::medium;
    item.urgency = Level::low;
    item.ask_urgency = ask_urgency;
    return item;
}

User Emma() {
    User user;
    user.id = UserId(3);
    user.username = "emma";
    user.display_name = "Emma Jones";
    return user;
}

}  // namespace

TEST_CASE("BuildRequest: type, impact, item and requester come from their sources; a fresh request") {
    RequestDraft draft;
    draft.catalog_item_id = CatalogItemId(7);
    draft.summary = "VPN drops every ten minutes";
    draft.description = "Since Monday.";
    const Request r = BuildRequest(VpnItem(false), draft, Emma(), 1'700'000'000'000);
    CHECK(r.type == RequestType::incident);
    CHECK(r.status == Status::new_);
    CHECK(r.impact == Level::medium);
    CHECK(r.urgency == Level::low);
    CHECK(r.priority == ComputePriority(Level::medium, Level::low));
    CHECK(r.requester_id == UserId(3));
    CHECK(r.requester_name == "Emma Jones");
    CHECK(r.catalog_item_id == CatalogItemId(7));
    CHECK(r.catalog_item_title == "VPN problem");
    CHECK(r.department == "IT");
    CHECK(r.summary == "VPN drops every ten minutes");
    CHECK(r.description == "Since Monday.");
    CHECK(r.created_at == 1'700'000'000'000);
    CHECK(r.updated_at == r.created_at);
    CHECK(r.version == 1);
    CHECK_FALSE(r.id.valid());  // storage assigns id and number
    CHECK(r.number.empty());
    CHECK(r.comment_count == 0);
    CHECK(r.comments.empty());
}

TEST_CASE("BuildRequest: urgency comes from the draft only when the item asks for it") {
    RequestDraft draft;
    draft.urgency = Level::high;
    const Request asked = BuildRequest(VpnItem(true), draft, Emma(), 0);
    CHECK(asked.urgency == Level::high);
    CHECK(asked.priority == Priority::high);  // medium impact x high urgency = P2

    const Request not_asked = BuildRequest(VpnItem(false), draft, Emma(), 0);
    CHECK(not_asked.urgency == Level::low);
    CHECK(not_asked.priority == ComputePriority(Level::medium, Level::low));

    draft.urgency.reset();  // asked, but the employee left the default
    const Request defaulted = BuildRequest(VpnItem(true), draft, Emma(), 0);
    CHECK(defaulted.urgency == Level::low);
}

TEST_CASE("BuildRequest: texts are trimmed and an empty summary becomes the item title") {
    RequestDraft draft;
    draft.summary = "   ";
    draft.description = "\n  Details here.  \t";
    const Request r = BuildRequest(VpnItem(false), draft, Emma(), 0);
    CHECK(r.summary == "VPN problem");
    CHECK(r.description == "Details here.");

    draft.summary = "  Laptop for the new analyst ";
    CHECK(BuildRequest(VpnItem(false), draft, Emma(), 0).summary == "Laptop for the new analyst");
}

TEST_CASE("IsStaff: agents and admins, not employees") {
    CHECK_FALSE(IsStaff(Role::employee));
    CHECK(IsStaff(Role::agent));
    CHECK(IsStaff(Role::admin));
}
