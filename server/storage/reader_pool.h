// A small pool of read-only connections for request handlers, so reads never wait for (or run on)
// the writer's connection. Acquire() blocks until a connection is free; the lease gives it back.
#pragma once
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "server/storage/sqlite.h"

namespace spoc::storage {

class ReaderPool {
public:
    class Lease {
    public:
        Lease(ReaderPool* pool, Database* db) : m_pool(pool), m_db(db) {}
        Lease(Lease&& other) noexcept : m_pool(other.m_pool), m_db(other.m_db) { other.m_db = nullptr; }
        Lease(const Lease&) = delete;
        ~Lease() {
            if (m_db) m_pool->Release(m_db);
        }
        Database& operator*() const { return *m_db; }
        Database* operator->() const { return m_db; }

    private:
        ReaderPool* m_pool;
        Database* m_db;
    };

    // Opens `size` read-only connections to `path` (the writer must have created the file).
    static Result<std::unique_ptr<ReaderPool>> Open(const std::string& path, int size);
    Lease Acquire();

private:
    ReaderPool() = default;
    void Release(Database* db);

    std::vector<std::unique_ptr<Database>> m_all;
    std::vector<Database*> m_free;
    std::mutex m_mutex;
    std::condition_variable m_available;
};

}  // namespace spoc::storage
