// Moves WAL checkpoints off the commit path. With SQLite's default auto-checkpoint, the COMMIT
// that crosses 1000 WAL pages also copies them into the database file and fsyncs it, stalling
// every job in that batch. The writer connection turns auto-checkpoint off; this thread, on its
// own connection, runs PASSIVE checkpoints (which never block the writer) a few times a second.
#pragma once
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "server/storage/sqlite.h"

namespace spoc::storage {

class Checkpointer {
public:
    static Result<std::unique_ptr<Checkpointer>> Start(const std::string& path);
    ~Checkpointer();  // stops the thread (the last connection to close checkpoints fully)
    void Stop();

private:
    explicit Checkpointer(std::unique_ptr<Database> db);
    void Loop();

    std::unique_ptr<Database> m_db;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

}  // namespace spoc::storage
