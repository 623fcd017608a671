// Catalog snapshot (see catalog_service.h).
#include "server/app/catalog_service.h"

#include <algorithm>

#include "server/storage/catalog_repo.h"
#include "shared/domain/i18n.h"

namespace spoc::app {

const CatalogItem* CatalogSnapshot::Find(CatalogItemId id) const {
    auto it = by_id.find(id);
    return it == by_id.end() ? nullptr : &active[it->second];
}

CatalogService::CatalogService(storage::ReaderPool& readers)
    : m_readers(readers), m_snapshot(std::make_shared<CatalogSnapshot>()) {}

Result<Unit> CatalogService::Reload() {
    auto snapshot = std::make_shared<CatalogSnapshot>();
    {
        auto lease = m_readers.Acquire();
        auto items = storage::LoadCatalogItems(*lease);
        if (!items.ok()) return items.error();
        for (auto& stored : *items)
            if (stored.active) snapshot->active.push_back(std::move(stored.item));
    }
    std::stable_sort(snapshot->active.begin(), snapshot->active.end(), [](const CatalogItem& a, const CatalogItem& b) {
        if (a.department != b.department) return a.department < b.department;
        if (a.sort != b.sort) return a.sort < b.sort;
        return a.id < b.id;
    });
    for (std::size_t i = 0; i < snapshot->active.size(); ++i) snapshot->by_id[snapshot->active[i].id] = i;
    std::lock_guard lock(m_mutex);
    m_snapshot = std::move(snapshot);
    return Unit{};
}

std::shared_ptr<const CatalogSnapshot> CatalogService::Snapshot() const {
    std::lock_guard lock(m_mutex);
    return m_snapshot;
}

Result<CatalogItem> CatalogService::Get(CatalogItemId id) const {
    auto snapshot = Snapshot();
    const CatalogItem* item = snapshot->Find(id);
    if (!item) return MakeError(ErrorCode::not_found, i18n::tr("No such catalog item."));
    return *item;
}

}  // namespace spoc::app
