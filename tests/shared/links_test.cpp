// Tests for shared/domain/links.h: link kinds, who may link/unlink/merge, the merge rules (self,
// missing, closed or cancelled target, loops through duplicate_of chains, closed source) with
// the field each error names, and the texts a merge leaves in the conversations.
#include "shared/domain/links.h"

#include <doctest/doctest.h>

#include <string>

using spoc::ErrorCode;
using spoc::LinkKind;
using spoc::MergeFacts;
using spoc::RequestId;
using spoc::Role;
using spoc::Status;

namespace {

MergeFacts Facts(Status source = Status::in_progress, Status target = Status::in_progress) {
    MergeFacts f;
    f.source = RequestId(10);
    f.source_status = source;
    f.target = RequestId(20);
    f.target_exists = true;
    f.target_status = target;
    return f;
}

std::string FieldOf(const spoc::Result<spoc::Unit>& r) { return r.ok() ? "<ok>" : r.error().field; }
ErrorCode CodeOf(const spoc::Result<spoc::Unit>& r) { return r.ok() ? ErrorCode::internal : r.error().code; }

}  // namespace

TEST_CASE("links: kind names round-trip") {
    for (LinkKind k : {LinkKind::relates, LinkKind::duplicate_of}) {
        LinkKind back = k == LinkKind::relates ? LinkKind::duplicate_of : LinkKind::relates;
        REQUIRE(spoc::ParseLinkKind(spoc::LinkKindName(k), &back));
        CHECK(back == k);
    }
    LinkKind out;
    CHECK_FALSE(spoc::ParseLinkKind("parent", &out));
    CHECK_FALSE(spoc::ParseLinkKind("", &out));
}

TEST_CASE("links: linking rules") {
    const RequestId a(1), b(2);
    CHECK(spoc::CheckLink(Role::agent, a, b, LinkKind::relates, 0).ok());
    CHECK(spoc::CheckLink(Role::admin, a, b, LinkKind::relates, spoc::kMaxLinksPerRequest - 1).ok());
    CHECK(CodeOf(spoc::CheckLink(Role::employee, a, b, LinkKind::relates, 0)) == ErrorCode::forbidden);
    CHECK(FieldOf(spoc::CheckLink(Role::agent, a, a, LinkKind::relates, 0)) == "other_id");
    CHECK(FieldOf(spoc::CheckLink(Role::agent, a, RequestId(), LinkKind::relates, 0)) == "other_id");
    CHECK(FieldOf(spoc::CheckLink(Role::agent, a, b, LinkKind::duplicate_of, 0)) == "kind");
    CHECK(CodeOf(spoc::CheckLink(Role::agent, a, b, LinkKind::relates, spoc::kMaxLinksPerRequest)) == ErrorCode::conflict);

    CHECK(spoc::CheckUnlink(Role::agent, LinkKind::relates).ok());
    CHECK(CodeOf(spoc::CheckUnlink(Role::employee, LinkKind::relates)) == ErrorCode::forbidden);
    CHECK(FieldOf(spoc::CheckUnlink(Role::admin, LinkKind::duplicate_of)) == "other_id");
}

TEST_CASE("links: merge rules") {
    CHECK(spoc::CheckMerge(Facts(), Role::agent).ok());
    CHECK(spoc::CheckMerge(Facts(Status::new_, Status::resolved), Role::admin).ok());
    CHECK(CodeOf(spoc::CheckMerge(Facts(), Role::employee)) == ErrorCode::forbidden);

    MergeFacts self = Facts();
    self.target = self.source;
    CHECK(FieldOf(spoc::CheckMerge(self, Role::agent)) == "into_id");
    CHECK(spoc::CheckMerge(self, Role::agent).error().message.find("itself") != std::string::npos);

    MergeFacts missing = Facts();
    missing.target_exists = false;
    CHECK(FieldOf(spoc::CheckMerge(missing, Role::agent)) == "into_id");
    MergeFacts none = Facts();
    none.target = RequestId();
    CHECK(FieldOf(spoc::CheckMerge(none, Role::agent)) == "into_id");

    for (Status final_status : {Status::closed, Status::cancelled}) {
        CAPTURE(spoc::StatusName(final_status));
        const auto into_closed = spoc::CheckMerge(Facts(Status::in_progress, final_status), Role::agent);
        CHECK(FieldOf(into_closed) == "into_id");
        CHECK(CodeOf(into_closed) == ErrorCode::validation_failed);
        const auto from_closed = spoc::CheckMerge(Facts(final_status, Status::in_progress), Role::agent);
        CHECK(FieldOf(from_closed) == "status");
    }

    // 20 was merged into 30, which was merged into 10: merging 10 into 20 would loop.
    MergeFacts loop = Facts(Status::in_progress, Status::closed);
    loop.duplicate_chain = {RequestId(30), RequestId(10)};
    const auto looped = spoc::CheckMerge(loop, Role::agent);
    CHECK(FieldOf(looped) == "into_id");
    CHECK(looped.error().message.find("loop") != std::string::npos);
    // A chain that does not reach the source is no loop.
    MergeFacts chain = Facts();
    chain.duplicate_chain = {RequestId(30), RequestId(40)};
    CHECK(spoc::CheckMerge(chain, Role::agent).ok());
}

TEST_CASE("links: merge texts and brief rows") {
    CHECK(spoc::MergedIntoText(RequestId(42)) == "Merged into #42.");
    CHECK(spoc::MergedFromNote(RequestId(7), "REQ0000007", "Printer jam") ==
          "Merged #7 (REQ0000007) into this request: Printer jam");
    spoc::Request r;
    r.id = RequestId(5);
    r.number = "INC0000005";
    r.summary = "Down";
    r.status = Status::pending;
    r.priority = spoc::Priority::high;
    r.assignee_name = "Ava Patel";
    r.created_at = 1000;
    r.updated_at = 2000;
    const spoc::RequestBrief b = spoc::MakeRequestBrief(r);
    CHECK(b.id == r.id);
    CHECK(b.number == "INC0000005");
    CHECK(b.summary == "Down");
    CHECK(b.status == Status::pending);
    CHECK(b.priority == spoc::Priority::high);
    CHECK(b.assignee_name == "Ava Patel");
    CHECK(b.created_at == 1000);
    CHECK(b.updated_at == 2000);
}
