// When a request's requester is told of a change (issue 13): the rule, pure and shared; the server
// writes the notification in the reader's language (server/app/notices.cpp).
#pragma once
#include "shared/domain/request.h"

namespace spoc::notice {

// What a change saved by `actor` tells the requester: nothing when they made it, when the status
// stayed, or for a new status that neither asks something of them nor ends the request.
enum class ForRequester { none, approved, resolved, waiting_on_you, cancelled };
ForRequester AfterChange(const Request& before, const Request& after, UserId actor);
// A reply by `author` tells the requester when it is public and not theirs.
bool AfterReply(const Request& r, UserId author, bool internal);

}  // namespace spoc::notice
