// The group-commit writer: one thread owns the only write connection. Callers hand it a job (a
// callable taking Database& and returning Result<T>) and block until the job is durable. The
// thread takes every job waiting at that moment, runs them in one BEGIN IMMEDIATE transaction,
// each inside its own SAVEPOINT (a failing job is rolled back alone and gets its own error), then
// COMMITs once (one fsync for the whole batch) and only then answers every job. If the COMMIT
// fails, every job of the batch gets an error. Batch size 1 gives one transaction per job.
// Gathering: clients answered by one batch usually come straight back with their next write. If
// the next batch started at once it would hold only the jobs that queued meanwhile, and the
// clients would settle into two half-size groups taking turns. So before a batch the writer
// waits, at most `gather_window`, until the threads of the previous batch have queued again.
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "shared/domain/i18n.h"
#include "server/storage/sqlite.h"

namespace spoc::storage {

// When the writer last finished a transaction (batch or housekeeping), for the checkpointer.
struct WriterActivity {
    std::uint64_t transactions = 0;                  // transactions finished so far
    std::chrono::steady_clock::time_point last_end;  // when the last one finished (epoch if none)
};

struct WriterStats {
    std::uint64_t jobs = 0;       // jobs answered
    std::uint64_t batches = 0;    // transactions committed or failed
    std::uint64_t max_batch = 0;  // most jobs in one transaction
};

class Writer {
public:
    // Takes ownership of the write connection. max_batch = 1 disables group commit.
    Writer(std::unique_ptr<Database> db, std::size_t max_batch,
           std::chrono::microseconds gather_window = std::chrono::microseconds(0));
    ~Writer();  // finishes queued jobs, then stops the thread
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    // Runs fn(db) on the writer thread inside the next batch and waits until it is committed.
    // fn must return Result<T>; its result is returned as is, unless the commit failed.
    template <class F>
    auto Run(F&& fn) -> decltype(fn(std::declval<Database&>()));

    void Stop();  // drains the queue, joins the thread; Run then fails
    WriterStats Stats() const;
    WriterActivity Activity() const;  // safe from any thread
    std::size_t QueueDepth() const;   // jobs waiting for the next batch (for tests)
    // Write cost, for the tests that guard it: with counting on, the SQLite VM steps of every job
    // (not housekeeping, not BEGIN/COMMIT) add up in JobVmSteps(). Off by default (no cost).
    void CountVmSteps(bool on) { m_count_steps.store(on); }
    std::uint64_t JobVmSteps() const { return m_job_steps.load(); }
    // Called on the writer thread about once a minute when idle, inside its own transaction
    // (housekeeping: expired sessions, old idempotency keys, SLA jobs). Set before the first Run.
    // `after_commit`, if set, runs next on the writer thread once that transaction has committed
    // (to announce what it changed); keep it cheap, it holds up the next batch.
    void SetHousekeeping(std::function<Result<Unit>(Database&)> fn, std::function<void()> after_commit = {});
    // Runs once per transaction, after the batch's last job and outside every savepoint, before
    // the COMMIT (and at the end of housekeeping): derived data kept in the same transaction as the
    // changes the jobs noted (the queue's search index, the report rollups). Batching it is the
    // point: FTS5 writes a segment at every savepoint, and a batch's creates share rollup cells.
    // Its failure fails the whole batch, as a failed COMMIT does. Its VM steps count as the jobs'.
    void SetBeforeCommit(std::function<Result<Unit>(Database&)> fn);

private:
    struct Job {
        std::function<std::optional<Error>(Database&)> run;  // runs the caller's fn; error if it failed
        std::optional<Error> failure;                        // set when the batch failed as a whole
        std::thread::id submitter = std::this_thread::get_id();
        // Answered: set under done_mutex, then done_cv is signalled. (A std::binary_semaphore
        // here spins in sched_yield before it sleeps, which costs the writer thread its core.)
        std::mutex done_mutex;
        std::condition_variable done_cv;
        bool done = false;
        void Wait() {
            std::unique_lock lock(done_mutex);
            done_cv.wait(lock, [&] { return done; });
        }
        void Answer() {
            std::lock_guard lock(done_mutex);
            done = true;
            done_cv.notify_one();  // under the lock: the job (and its cv) is gone once the waiter wakes
        }
    };
    bool Submit(Job& job);  // false when stopped
    void Loop();
    void RunBatch(std::vector<Job*>& batch);
    void RunHousekeeping();
    void NoteTransactionEnd();
    bool PreviousBatchBack() const;  // every thread of the last batch is queued again

    std::unique_ptr<Database> m_db;
    std::size_t m_max_batch;
    std::chrono::microseconds m_gather_window;
    std::vector<std::thread::id> m_last_submitters;  // writer thread only
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job*> m_queue;
    bool m_stopping = false;
    std::function<Result<Unit>(Database&)> m_housekeeping;
    std::function<void()> m_after_housekeeping;
    std::function<Result<Unit>(Database&)> m_before_commit;
    std::atomic<std::uint64_t> m_jobs{0}, m_batches{0}, m_max_seen{0};
    std::atomic<std::uint64_t> m_transactions{0};
    std::atomic<bool> m_count_steps{false};
    std::atomic<std::uint64_t> m_job_steps{0};
    std::atomic<std::chrono::steady_clock::rep> m_last_end{0};  // steady_clock ticks since its epoch
    std::thread m_thread;
};

template <class F>
auto Writer::Run(F&& fn) -> decltype(fn(std::declval<Database&>())) {
    using R = decltype(fn(std::declval<Database&>()));
    std::optional<R> out;
    Job job;
    // Messages the job writes (errors, comments) are in the submitting request's language.
    const i18n::Locale* locale = &i18n::ThreadLocale();
    job.run = [&, locale](Database& db) -> std::optional<Error> {
        i18n::SetThreadLocale(locale);
        out.emplace(fn(db));
        i18n::SetThreadLocale(nullptr);
        if (!out->ok()) return out->error();
        return std::nullopt;
    };
    if (!Submit(job)) return MakeError(ErrorCode::unavailable, "The server is shutting down.");
    job.Wait();
    if (job.failure) return *job.failure;
    return std::move(*out);
}

}  // namespace spoc::storage
