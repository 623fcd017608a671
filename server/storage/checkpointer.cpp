// Background WAL checkpoints (see checkpointer.h).
#include "server/storage/checkpointer.h"

#include <chrono>
#include <cstdio>

namespace spoc::storage {

namespace {
constexpr auto kInterval = std::chrono::milliseconds(250);
}

Result<std::unique_ptr<Checkpointer>> Checkpointer::Start(const std::string& path) {
    auto db = Database::Open(path, OpenMode::read_write);
    if (!db.ok()) return db.error();
    return std::unique_ptr<Checkpointer>(new Checkpointer(std::move(*db)));
}

Checkpointer::Checkpointer(std::unique_ptr<Database> db) : m_db(std::move(db)) {
    m_thread = std::thread([this] { Loop(); });
}

Checkpointer::~Checkpointer() { Stop(); }

void Checkpointer::Stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable()) m_thread.join();
}

void Checkpointer::Loop() {
    std::unique_lock lock(m_mutex);
    while (!m_wake.wait_for(lock, kInterval, [&] { return m_stopping; })) {
        lock.unlock();
        auto done = m_db->PragmaValue("wal_checkpoint(PASSIVE)");
        if (!done.ok()) std::fprintf(stderr, "spoc: checkpoint failed: %s\n", done.error().message.c_str());
        lock.lock();
    }
}

}  // namespace spoc::storage
