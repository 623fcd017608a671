// Typed access to the ticket-workspace tables (migration 0005): canned responses, links between
// requests (and the duplicate_of chains merges leave), and a requester's other requests as brief
// rows. Rules (who may, which links are valid) are in shared/domain; this file only stores.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "server/storage/sqlite.h"
#include "shared/domain/canned.h"
#include "shared/domain/links.h"

namespace spoc::storage {

// ---- Canned responses -------------------------------------------------------------------------
Result<std::vector<CannedResponse>> ListCanned(Database& db);  // every one, by title, with group names
Result<std::optional<CannedResponse>> FindCanned(Database& db, std::int64_t id);
Result<std::int64_t> InsertCanned(Database& db, const CannedResponse& canned, UserId author, Timestamp now);
Result<bool> UpdateCanned(Database& db, const CannedResponse& canned, Timestamp now);  // false: no such id
Result<bool> DeleteCanned(Database& db, std::int64_t id);                             // false: no such id
Result<std::int64_t> CountCanned(Database& db);
Result<std::vector<std::int64_t>> ListMemberGroups(Database& db, UserId user);  // group ids, ascending

// ---- Links ------------------------------------------------------------------------------------
struct LinkRow {
    RequestId request_id;  // first end (for duplicate_of: the duplicate)
    RequestId other_id;
    LinkKind kind = LinkKind::relates;
};
Result<std::optional<LinkRow>> FindLinkBetween(Database& db, RequestId a, RequestId b);  // either direction
Result<Unit> InsertLink(Database& db, const LinkRow& link, UserId actor, Timestamp now);
Result<bool> DeleteLink(Database& db, RequestId request_id, RequestId other_id);  // that exact row
Result<std::int64_t> CountLinks(Database& db, RequestId id);                      // links touching `id`
// Links touching `id`, seen from it (the other end as a brief row), duplicates first, then newest.
Result<std::vector<LinkedRequest>> ListLinks(Database& db, RequestId id);
// Following duplicate_of from `from`: the request it was merged into, that one's, ... (at most
// `max_steps`; stops at a request that was not merged).
Result<std::vector<RequestId>> DuplicateChain(Database& db, RequestId from, std::size_t max_steps);

// ---- A requester's other requests -------------------------------------------------------------
// Newest first (created_at, then id), `except` left out, at most `limit`; *total counts them all.
Result<std::vector<RequestBrief>> ListOtherRequests(Database& db, UserId requester, RequestId except, int limit,
                                                    std::int64_t* total);

}  // namespace spoc::storage
