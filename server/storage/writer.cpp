// Group commit (see writer.h): the writer thread's loop, one transaction per batch of waiting
// jobs with a SAVEPOINT around each, and the rules for answering jobs when something fails.
#include "server/storage/writer.h"

#include <chrono>
#include <cstdio>
#include <exception>

namespace spoc::storage {

namespace {

constexpr auto kHousekeepingInterval = std::chrono::seconds(60);

Error Internal(std::string message) { return MakeError(ErrorCode::internal, std::move(message)); }

// Transaction control through the connection's statement cache: no re-parsing per job.
Result<Unit> Control(Database& db, const char* sql) {
    auto q = db.Prepare(sql);
    if (!q.ok()) return q.error();
    return q->Run();
}

}  // namespace

Writer::Writer(std::unique_ptr<Database> db, std::size_t max_batch, std::chrono::microseconds gather_window)
    : m_db(std::move(db)), m_max_batch(max_batch == 0 ? 1 : max_batch), m_gather_window(gather_window) {
    m_thread = std::thread([this] { Loop(); });
}

Writer::~Writer() { Stop(); }

void Writer::SetHousekeeping(std::function<Result<Unit>(Database&)> fn, std::function<void()> after_commit) {
    std::lock_guard lock(m_mutex);
    m_housekeeping = std::move(fn);
    m_after_housekeeping = std::move(after_commit);
}

void Writer::SetBeforeCommit(std::function<Result<Unit>(Database&)> fn) {
    std::lock_guard lock(m_mutex);
    m_before_commit = std::move(fn);
}

bool Writer::Submit(Job& job) {
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping) return false;
        m_queue.push_back(&job);
    }
    m_wake.notify_one();
    return true;
}

void Writer::Stop() {
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping && !m_thread.joinable()) return;
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable()) m_thread.join();
}

WriterStats Writer::Stats() const { return WriterStats{m_jobs.load(), m_batches.load(), m_max_seen.load()}; }

WriterActivity Writer::Activity() const {
    WriterActivity out;
    out.transactions = m_transactions.load();
    out.last_end = std::chrono::steady_clock::time_point(std::chrono::steady_clock::duration(m_last_end.load()));
    return out;
}

void Writer::NoteTransactionEnd() {
    // The time first: a reader that sees the new count then also sees a time at least this recent.
    m_last_end.store(std::chrono::steady_clock::now().time_since_epoch().count());
    m_transactions.fetch_add(1);
}

std::size_t Writer::QueueDepth() const {
    std::lock_guard lock(m_mutex);
    return m_queue.size();
}

void Writer::Loop() {
    std::vector<Job*> batch;
    auto next_housekeeping = std::chrono::steady_clock::now() + kHousekeepingInterval;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait_until(lock, next_housekeeping, [&] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty()) {
                if (m_stopping) return;
                lock.unlock();
                RunHousekeeping();
                next_housekeeping = std::chrono::steady_clock::now() + kHousekeepingInterval;
                continue;
            }
            if (m_max_batch > 1 && m_gather_window.count() > 0 && !m_last_submitters.empty()) {
                const auto deadline = std::chrono::steady_clock::now() + m_gather_window;
                m_wake.wait_until(lock, deadline,
                                  [&] { return m_stopping || m_queue.size() >= m_max_batch || PreviousBatchBack(); });
            }
            // Everything waiting now goes into this transaction.
            while (!m_queue.empty() && batch.size() < m_max_batch) {
                batch.push_back(m_queue.front());
                m_queue.pop_front();
            }
        }
        RunBatch(batch);
        batch.clear();
        if (std::chrono::steady_clock::now() >= next_housekeeping) {  // busy servers need it too
            RunHousekeeping();
            next_housekeeping = std::chrono::steady_clock::now() + kHousekeepingInterval;
        }
    }
}

bool Writer::PreviousBatchBack() const {
    for (const auto& id : m_last_submitters) {
        bool queued = false;
        for (const Job* job : m_queue) queued = queued || job->submitter == id;
        if (!queued) return false;
    }
    return true;
}

void Writer::RunBatch(std::vector<Job*>& batch) {
    Database& db = *m_db;
    std::vector<bool> failed(batch.size(), false);
    std::optional<Error> batch_error;

    if (auto begun = Control(db, "BEGIN IMMEDIATE"); !begun.ok()) batch_error = begun.error();

    for (std::size_t i = 0; i < batch.size() && !batch_error; ++i) {
        if (auto sp = Control(db, "SAVEPOINT job"); !sp.ok()) {
            batch_error = sp.error();
            break;
        }
        std::optional<Error> job_error;
        const bool counting = m_count_steps.load(std::memory_order_relaxed);
        const std::uint64_t steps_before = counting ? db.TotalVmSteps() : 0;
        try {
            job_error = batch[i]->run(db);
        } catch (const std::exception& e) {
            job_error = Internal(std::string("Write job threw: ") + e.what());
            batch[i]->failure = job_error;
        } catch (...) {
            job_error = Internal("Write job threw an unknown exception.");
            batch[i]->failure = job_error;
        }
        if (counting) m_job_steps.fetch_add(db.TotalVmSteps() - steps_before);
        if (!db.InTransaction()) {
            // SQLite rolled the whole transaction back on its own (I/O error, disk full...):
            // the jobs before this one are gone too.
            batch_error = job_error ? *job_error : Internal("The transaction was rolled back.");
            break;
        }
        if (job_error) {
            failed[i] = true;
            auto undone = Control(db, "ROLLBACK TO job");
            if (!undone.ok()) {
                batch_error = undone.error();
                break;
            }
        }
        if (auto released = Control(db, "RELEASE job"); !released.ok()) {
            batch_error = released.error();
            break;
        }
    }

    std::function<Result<Unit>(Database&)> before_commit;
    {
        std::lock_guard lock(m_mutex);
        before_commit = m_before_commit;
    }
    if (!batch_error && before_commit) {
        const bool counting = m_count_steps.load(std::memory_order_relaxed);
        const std::uint64_t steps_before = counting ? db.TotalVmSteps() : 0;
        try {
            auto derived = before_commit(db);
            if (!derived.ok()) batch_error = derived.error();
        } catch (const std::exception& e) {
            batch_error = Internal(std::string("Before-commit step threw: ") + e.what());
        } catch (...) {
            batch_error = Internal("Before-commit step threw an unknown exception.");
        }
        if (counting) m_job_steps.fetch_add(db.TotalVmSteps() - steps_before);
    }
    if (!batch_error) {
        if (auto committed = Control(db, "COMMIT"); !committed.ok()) batch_error = committed.error();
    }
    if (batch_error && db.InTransaction()) (void)Control(db, "ROLLBACK");

    if (batch_error) {
        std::fprintf(stderr, "spoc: write batch of %zu failed: %s\n", batch.size(), batch_error->message.c_str());
        for (std::size_t i = 0; i < batch.size(); ++i)
            if (!batch[i]->failure) batch[i]->failure = *batch_error;
    }

    NoteTransactionEnd();
    m_batches.fetch_add(1, std::memory_order_relaxed);
    m_jobs.fetch_add(batch.size(), std::memory_order_relaxed);
    if (batch.size() > m_max_seen.load(std::memory_order_relaxed)) m_max_seen.store(batch.size());
    // Only now, after the one fsync, does anybody hear back (and a job is gone once released).
    m_last_submitters.clear();
    for (const Job* job : batch) m_last_submitters.push_back(job->submitter);
    for (Job* job : batch) job->Answer();
}

void Writer::RunHousekeeping() {
    std::function<Result<Unit>(Database&)> fn;
    std::function<void()> after_commit;
    std::function<Result<Unit>(Database&)> before_commit;
    {
        std::lock_guard lock(m_mutex);
        fn = m_housekeeping;
        after_commit = m_after_housekeeping;
        before_commit = m_before_commit;
    }
    if (!fn) return;
    auto done = InTransaction(*m_db, [&](Database& db) -> Result<Unit> {
        if (auto r = fn(db); !r.ok()) return r.error();
        if (before_commit) return before_commit(db);
        return Unit{};
    });
    NoteTransactionEnd();
    if (!done.ok()) std::fprintf(stderr, "spoc: housekeeping failed: %s\n", done.error().message.c_str());
    else if (after_commit) after_commit();
}

}  // namespace spoc::storage
