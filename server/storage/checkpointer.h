// Moves WAL checkpoints off the commit path. With SQLite's default auto-checkpoint, the COMMIT
// that crosses 1000 WAL pages also copies them into the database file and fsyncs it, stalling
// every job in that batch. The writer connection turns auto-checkpoint off (DisableAutoCheckpoint);
// this thread, on its own connection, runs PASSIVE checkpoints (which never block the writer) a
// few times a second, and once the writer has been idle for a second a TRUNCATE checkpoint, which
// empties the WAL file (PASSIVE alone never shrinks it, and a busy server never lets it restart).
#pragma once
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "server/storage/sqlite.h"
#include "server/storage/writer.h"

namespace spoc::storage {

inline constexpr std::chrono::milliseconds kCheckpointInterval{250};  // PASSIVE every ...
inline constexpr std::chrono::milliseconds kTruncateAfterIdle{1000};  // TRUNCATE once the writer rested this long

// Turns SQLite's auto-checkpoint off on the write connection (read back: it must answer 0).
Result<Unit> DisableAutoCheckpoint(Database& write_connection);

class Checkpointer {
public:
    // Opens its own connection to `path`. `writer` (may be null: no TRUNCATE) must outlive it.
    static Result<std::unique_ptr<Checkpointer>> Start(const std::string& path, const Writer* writer);
    ~Checkpointer();  // stops the thread (the last connection to close checkpoints fully)
    void Stop();
    // A TRUNCATE checkpoint now, for a caller that knows the writer is between jobs (the report
    // catch-up at start, whose back-to-back jobs never leave the writer idle for the thread's own).
    void TruncateNow();

private:
    Checkpointer(std::unique_ptr<Database> db, const Writer* writer);
    void Loop();
    void TruncateIfIdle();

    std::unique_ptr<Database> m_db;
    const Writer* m_writer;
    std::uint64_t m_truncated_at = 0;  // writer transactions already covered by a TRUNCATE
    std::mutex m_mutex;
    std::mutex m_db_mutex;  // m_db: the thread's checkpoints and TruncateNow
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

}  // namespace spoc::storage
