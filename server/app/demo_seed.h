// Demo content for a first run (--demo on an empty database): four users (password "spoc-demo"),
// the catalog from <assets>/demo/catalog.json, and a few past requests with one agent reply so
// "My requests" is not empty on first sign-in. Everything is written in one transaction. Then the
// agent-mode demo: assignment groups and routing rules, and canned responses.
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

// Seeds when the users table is empty; returns false (and does nothing) otherwise.
Result<bool> SeedDemoIfEmpty(storage::Writer& writer, const std::string& assets_dir, Timestamp now);

// Demo assignment groups (IT Service Desk, Network, HR Operations, Facilities), their agents and
// the routing rules, when the database has users but no groups yet; false when it had groups.
Result<bool> SeedDemoGroupsIfEmpty(storage::Writer& writer);

// Demo canned responses (password reset, VPN reinstall, need more info, resolved - please
// confirm, hardware ordered, HR payroll handoff, desk move, acknowledgement), for everyone or one
// demo group, when the database has the demo groups but no canned responses; false otherwise.
Result<bool> SeedDemoCannedIfEmpty(storage::Writer& writer, Timestamp now);

// Form values that pass ValidateDraft for `item` on `today` (defaults, first choices, lower
// bounds), or nullopt if the item's rules can't be met that simply (e.g. a pattern field).
std::optional<FormValues> SampleFormValues(const CatalogItem& item, const CivilDate& today);

}  // namespace spoc::app
