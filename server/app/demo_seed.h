// Demo content for a first run (--demo on an empty database), in one transaction: the users
// (password "spoc-demo"; emma, liam, ava and root, and with the history three more agents and ten
// employees), the catalog from <assets>/demo/catalog.json, the assignment groups with their agents
// and routing rules, emma's and liam's classic requests and 90 days of a working desk's history
// (demo_history.h; <assets>/demo/seed.json {"history_days": N} changes the days, 0 = none). Then
// canned responses.
#pragma once
#include <string>
#include <vector>

#include "server/storage/writer.h"
#include "shared/domain/catalog.h"

namespace spoc::app {

inline constexpr const char* kDemoPassword = "spoc-demo";

// Reads {"items":[...]} with api::DecodeCatalogList (each item as api::EncodeCatalogItem writes it,
// without "id"); a file that does not decode is an error naming the field, an item that fails
// ValidateCatalogItem one naming the item's title.
Result<std::vector<CatalogItem>> LoadCatalogFile(const std::string& path);

// Seeds when the users table is empty; returns false (and does nothing) otherwise. Deterministic:
// the same `now` and assets give the same rows.
Result<bool> SeedDemoIfEmpty(storage::Writer& writer, const std::string& assets_dir, Timestamp now);

// Demo assignment groups (IT Service Desk, Network, HR Operations, Facilities), their agents and
// the routing rules, when the database has users but no groups yet (SeedDemoIfEmpty adds them
// itself; this covers a database seeded before groups existed); false when it had groups.
Result<bool> SeedDemoGroupsIfEmpty(storage::Writer& writer);

// Demo canned responses (password reset, VPN reinstall, need more info, resolved - please
// confirm, hardware ordered, HR payroll handoff, desk move, acknowledgement), for everyone or one
// demo group, when the database has the demo groups but no canned responses; false otherwise.
Result<bool> SeedDemoCannedIfEmpty(storage::Writer& writer, Timestamp now);

// Form values that pass ValidateDraft for `item` on `today` (defaults, first choices, lower
// bounds), or nullopt if the item's rules can't be met that simply (e.g. a pattern field).
std::optional<FormValues> SampleFormValues(const CatalogItem& item, const CivilDate& today);

}  // namespace spoc::app
