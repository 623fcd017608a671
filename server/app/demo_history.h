// The demo's requests, told as stories and written through the same repositories live changes
// use: the four classic ones (emma's three, liam's one) and, on request, the last N days of a
// working desk (about four requests a day across IT, HR and Facilities: routing, assignment,
// replies, internal notes, pending spans, resolutions with notes, reopenings, closes and
// cancellations at plausible local times). History rows, first responses, resolved_at, SLA pauses
// and breach marks agree, so reports can compute FRT, MTTR and SLA compliance back from them.
// Deterministic: a fixed-seed PRNG and times relative to `now`.
#pragma once
#include <array>
#include <vector>

#include "server/storage/sqlite.h"
#include "shared/domain/catalog.h"
#include "shared/domain/request.h"

namespace spoc::app {

inline constexpr int kDemoHistoryDays = 90;  // what --demo seeds unless <assets>/demo/seed.json says otherwise

struct DemoSeedFigures {
    int requests = 0;
    std::array<int, kStatusCount> by_status{};  // indexed by Status
    int public_replies = 0;
    int internal_notes = 0;
    int reopened = 0;             // requests reopened at least once
    int response_breaches = 0;    // requests whose first-response clock breached
    int resolution_breaches = 0;  // requests whose resolution clock breached
};

// Inside the seed's write job, after the users, the catalog (ids set) and the demo groups with
// their routing rules: the classic four, then `history_days` days of history (0: none). Users are
// found by username (emma, liam, ava, root; the history also uses noah, mia, omar and every other
// employee in `users`).
Result<DemoSeedFigures> SeedDemoRequests(storage::Database& db, const std::vector<User>& users,
                                         const std::vector<CatalogItem>& items, Timestamp now, int history_days);

}  // namespace spoc::app
