// SQL for catalog_items (see catalog_repo.h).
#include "server/storage/catalog_repo.h"

#include "shared/api/dto.h"

namespace spoc::storage {

Result<CatalogItemId> InsertCatalogItem(Database& db, const CatalogItem& item, bool active, Timestamp now) {
    auto q = db.Prepare(
        "INSERT INTO catalog_items (department, title, sort, active, definition, created_at, updated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)");
    if (!q.ok()) return q.error();
    q->Bind(1, item.department).Bind(2, item.title).Bind(3, item.sort).Bind(4, active);
    q->Bind(5, api::EncodeCatalogItem(item)).Bind(6, now);
    if (auto run = q->Run(); !run.ok()) return run.error();
    return CatalogItemId(db.LastInsertId());
}

Result<std::vector<StoredCatalogItem>> LoadCatalogItems(Database& db) {
    auto q = db.Prepare("SELECT id, active, definition FROM catalog_items ORDER BY department, sort, id");
    if (!q.ok()) return q.error();
    std::vector<StoredCatalogItem> items;
    for (;;) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        auto decoded = api::DecodeCatalogItem(q->Text(2));
        if (!decoded.ok())
            return MakeError(ErrorCode::internal, "Stored catalog item " + std::to_string(q->Int(0)) +
                                                      " does not decode: " + decoded.error().message);
        StoredCatalogItem stored{std::move(*decoded), q->Int(1) != 0};
        stored.item.id = CatalogItemId(q->Int(0));
        items.push_back(std::move(stored));
    }
    return items;
}

}  // namespace spoc::storage
