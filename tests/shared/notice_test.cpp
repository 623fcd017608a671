// The requester's notices (shared/domain/notice.h): which changes she hears of, which she doesn't.
#include <doctest/doctest.h>

#include "shared/domain/notice.h"

using namespace spoc;
using notice::ForRequester;

namespace {

Request With(Status status, PendingReason reason = PendingReason::none) {
    Request r;
    r.id = RequestId(7);
    r.requester_id = UserId(2);
    r.status = status;
    r.pending_reason = reason;
    return r;
}

}  // namespace

TEST_CASE("notice: the requester hears of outcomes and of waits on her, from others only") {
    const UserId agent(5), requester(2);
    CHECK(notice::AfterChange(With(Status::in_progress), With(Status::resolved), agent) == ForRequester::resolved);
    CHECK(notice::AfterChange(With(Status::awaiting_approval), With(Status::new_), agent) == ForRequester::approved);
    CHECK(notice::AfterChange(With(Status::awaiting_approval), With(Status::cancelled), agent) == ForRequester::cancelled);
    CHECK(notice::AfterChange(With(Status::assigned), With(Status::pending, PendingReason::requester), agent) ==
          ForRequester::waiting_on_you);
    // Not news: her own change, an unchanged status, work moving along, a wait on someone else.
    CHECK(notice::AfterChange(With(Status::in_progress), With(Status::cancelled), requester) == ForRequester::none);
    CHECK(notice::AfterChange(With(Status::resolved), With(Status::resolved), agent) == ForRequester::none);
    CHECK(notice::AfterChange(With(Status::assigned), With(Status::in_progress), agent) == ForRequester::none);
    CHECK(notice::AfterChange(With(Status::assigned), With(Status::pending, PendingReason::vendor), agent) == ForRequester::none);
    Request nobody = With(Status::resolved);
    nobody.requester_id = UserId();
    CHECK(notice::AfterChange(With(Status::in_progress), nobody, agent) == ForRequester::none);

    CHECK(notice::AfterReply(With(Status::assigned), agent, false));
    CHECK_FALSE(notice::AfterReply(With(Status::assigned), agent, true));       // an internal note
    CHECK_FALSE(notice::AfterReply(With(Status::assigned), requester, false));  // her own reply
}
