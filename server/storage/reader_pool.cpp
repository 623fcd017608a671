// Read-only connection pool (see reader_pool.h).
#include "server/storage/reader_pool.h"

namespace spoc::storage {

Result<std::unique_ptr<ReaderPool>> ReaderPool::Open(const std::string& path, int size) {
    std::unique_ptr<ReaderPool> pool(new ReaderPool());
    for (int i = 0; i < (size < 1 ? 1 : size); ++i) {
        auto db = Database::Open(path, OpenMode::read_only);
        if (!db.ok()) return db.error();
        pool->m_free.push_back(db->get());
        pool->m_all.push_back(std::move(*db));
    }
    return pool;
}

ReaderPool::Lease ReaderPool::Acquire() {
    std::unique_lock lock(m_mutex);
    m_available.wait(lock, [&] { return !m_free.empty(); });
    Database* db = m_free.back();
    m_free.pop_back();
    return Lease(this, db);
}

void ReaderPool::Release(Database* db) {
    {
        std::lock_guard lock(m_mutex);
        m_free.push_back(db);
    }
    m_available.notify_one();
}

}  // namespace spoc::storage
