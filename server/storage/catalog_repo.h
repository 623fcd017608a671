// Typed access to catalog_items. Each item's full definition is stored as the JSON that
// api::EncodeCatalogItem writes; department/title/sort are columns too, for ordering.
#pragma once
#include <vector>

#include "server/storage/sqlite.h"
#include "shared/domain/catalog.h"

namespace spoc::storage {

struct StoredCatalogItem {
    CatalogItem item;
    bool active = true;
};

Result<CatalogItemId> InsertCatalogItem(Database& db, const CatalogItem& item, bool active, Timestamp now);
// Every item, active or not, ordered by department, sort, id.
Result<std::vector<StoredCatalogItem>> LoadCatalogItems(Database& db);

}  // namespace spoc::storage
