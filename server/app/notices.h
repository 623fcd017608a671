// Notifications (the bell) for the people a change concerns, written in each reader's own language
// (their account's, else English) inside the change's write job: the requester hears when someone
// else answers, resolves, approves, rejects, cancels or waits on them; approvers hear what waits for
// them (request_approval.cpp). Cost per write: one user lookup and one insert per reader.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "server/storage/sqlite.h"
#include "shared/domain/request.h"

namespace spoc::app {

inline constexpr const char* kNotificationUpdate = "request_update";  // the reader's request changed
inline constexpr const char* kNotificationReply = "reply";            // the service desk answered the reader

// make() with the thread speaking `reader`'s language: the one they chose in the language menu,
// English when they never did (a write job has no browser to ask).
Result<std::string> InReadersLanguage(storage::Database& db, UserId reader, const std::function<std::string()>& make);
// Writes one notification about `r` to each of `who`; `text` is called with each reader's
// language as the thread's language.
Result<Unit> NotifyUsers(storage::Database& db, const Request& r, const std::vector<UserId>& who, const char* kind,
                         const std::function<std::string()>& text, Timestamp now);
// After a change saved by `actor`: tells the requester what notice::AfterChange says they hear.
Result<Unit> NotifyRequesterOfChange(storage::Database& db, const Request& before, const Request& after, UserId actor,
                                     Timestamp now);
// A reply: tells the requester when notice::AfterReply says so (public, by someone else).
Result<Unit> NotifyRequesterOfReply(storage::Database& db, const Request& r, const User& author, bool internal, Timestamp now);

}  // namespace spoc::app
