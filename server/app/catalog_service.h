// The service catalog, read-mostly: an immutable in-memory snapshot of every item, swapped
// whole when the catalog changes (Reload after a write). Readers never touch SQLite.
#pragma once
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "server/storage/reader_pool.h"
#include "shared/domain/catalog.h"

namespace spoc::app {

struct CatalogSnapshot {
    std::vector<CatalogItem> active;                       // active items by department, then sort
    std::unordered_map<CatalogItemId, std::size_t> by_id;  // index into `active`
    const CatalogItem* Find(CatalogItemId id) const;       // active item or nullptr
};

class CatalogService {
public:
    explicit CatalogService(storage::ReaderPool& readers);
    Result<Unit> Reload();  // re-reads catalog_items into a new snapshot
    std::shared_ptr<const CatalogSnapshot> Snapshot() const;
    Result<CatalogItem> Get(CatalogItemId id) const;  // active item, else not_found

private:
    storage::ReaderPool& m_readers;
    mutable std::mutex m_mutex;
    std::shared_ptr<const CatalogSnapshot> m_snapshot;
};

}  // namespace spoc::app
