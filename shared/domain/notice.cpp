// When a request's requester is told of a change (see notice.h).
#include "shared/domain/notice.h"

namespace spoc::notice {

ForRequester AfterChange(const Request& before, const Request& after, UserId actor) {
    if (before.status == after.status || actor == after.requester_id || !after.requester_id.valid()) return ForRequester::none;
    if (before.status == Status::awaiting_approval && IsOpenStatus(after.status)) return ForRequester::approved;
    if (after.status == Status::resolved) return ForRequester::resolved;
    if (after.status == Status::pending && after.pending_reason == PendingReason::requester) return ForRequester::waiting_on_you;
    if (after.status == Status::cancelled) return ForRequester::cancelled;
    return ForRequester::none;
}

bool AfterReply(const Request& r, UserId author, bool internal) {
    return !internal && r.requester_id.valid() && author != r.requester_id;
}

}  // namespace spoc::notice
