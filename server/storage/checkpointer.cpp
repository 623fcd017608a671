// Background WAL checkpoints (see checkpointer.h).
#include "server/storage/checkpointer.h"

#include <cstdio>

namespace spoc::storage {

Result<Unit> DisableAutoCheckpoint(Database& write_connection) {
    if (auto off = write_connection.Exec("PRAGMA wal_autocheckpoint=0"); !off.ok()) return off.error();
    auto value = write_connection.PragmaValue("wal_autocheckpoint");
    if (!value.ok()) return value.error();
    if (*value != "0")
        return MakeError(ErrorCode::unavailable, "PRAGMA wal_autocheckpoint did not take on " +
                                                     write_connection.Path() + ": got '" + *value + "'");
    return Unit{};
}

Result<std::unique_ptr<Checkpointer>> Checkpointer::Start(const std::string& path, const Writer* writer) {
    auto db = Database::Open(path, OpenMode::read_write);
    if (!db.ok()) return db.error();
    // PASSIVE never waits; TRUNCATE should give up quickly (and retry next tick) rather than hold
    // the write lock while it waits for a slow reader.
    if (auto quick = (*db)->Exec("PRAGMA busy_timeout=100"); !quick.ok()) return quick.error();
    return std::unique_ptr<Checkpointer>(new Checkpointer(std::move(*db), writer));
}

Checkpointer::Checkpointer(std::unique_ptr<Database> db, const Writer* writer) : m_db(std::move(db)), m_writer(writer) {
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
    while (!m_wake.wait_for(lock, kCheckpointInterval, [&] { return m_stopping; })) {
        lock.unlock();
        {
            std::lock_guard db_lock(m_db_mutex);
            auto done = m_db->PragmaValue("wal_checkpoint(PASSIVE)");
            if (!done.ok()) std::fprintf(stderr, "spoc: checkpoint failed: %s\n", done.error().message.c_str());
            TruncateIfIdle();
        }
        lock.lock();
    }
}

void Checkpointer::TruncateNow() {
    std::lock_guard db_lock(m_db_mutex);
    auto done = m_db->PragmaValue("wal_checkpoint(TRUNCATE)");
    if (!done.ok()) std::fprintf(stderr, "spoc: checkpoint failed: %s\n", done.error().message.c_str());
}

void Checkpointer::TruncateIfIdle() {
    if (!m_writer) return;
    const WriterActivity activity = m_writer->Activity();
    if (activity.transactions == m_truncated_at) return;  // nothing written since the last one
    if (std::chrono::steady_clock::now() - activity.last_end < kTruncateAfterIdle) return;
    // TRUNCATE takes the write lock for a moment: harmless now that the writer is resting. Its
    // first column is 1 when a reader kept it from finishing; then it is tried again next tick.
    auto busy = m_db->PragmaValue("wal_checkpoint(TRUNCATE)");
    if (busy.ok() && *busy == "0") m_truncated_at = activity.transactions;
}

}  // namespace spoc::storage
