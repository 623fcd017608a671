// RAII wrappers over the SQLite C API: Database (one connection, with a per-connection cache of
// prepared statements) and Query (a leased cached statement: bind by position, step, read columns;
// reset on scope exit so no read transaction is ever left open). Values are always bound, never
// spliced into SQL text. Errors come back as spoc::Error values (code internal/unavailable).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "shared/domain/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace spoc::storage {

class Database;

// A prepared statement borrowed from a Database's cache. Bind* calls chain and remember the first
// failure, which Step()/Run() then report. Column reads are valid after Step() returned true.
class Query {
public:
    Query(Query&& other) noexcept;
    Query& operator=(Query&&) = delete;
    Query(const Query&) = delete;
    ~Query();  // resets the statement and clears bindings

    Query& Bind(int index, std::int64_t value);  // 1-based, like SQLite
    Query& Bind(int index, int value) { return Bind(index, static_cast<std::int64_t>(value)); }
    Query& Bind(int index, bool value) { return Bind(index, static_cast<std::int64_t>(value ? 1 : 0)); }
    Query& Bind(int index, double value);
    Query& Bind(int index, std::string_view text);  // bound as TEXT (copied by SQLite)
    Query& Bind(int index, const char* text) { return Bind(index, std::string_view(text)); }
    Query& Bind(int index, const std::string& text) { return Bind(index, std::string_view(text)); }
    Query& BindBlob(int index, std::string_view bytes);  // bound as BLOB
    Query& BindNull(int index);
    template <class T>
    Query& Bind(int index, const std::optional<T>& value) {
        return value ? Bind(index, *value) : BindNull(index);
    }

    Result<bool> Step();  // true: a row is ready; false: done
    Result<Unit> Run();   // steps to completion (for statements without rows)

    bool IsNull(int column) const;  // 0-based, like SQLite
    std::int64_t Int(int column) const;
    double Real(int column) const;
    std::string Text(int column) const;
    std::string Blob(int column) const;

private:
    friend class Database;
    Query(Database* db, sqlite3_stmt* stmt) : m_db(db), m_stmt(stmt) {}
    void NoteBindResult(int rc);

    Database* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    int m_bind_error = 0;  // first failing sqlite3_bind_* code
};

enum class OpenMode { read_write, read_only };

// One SQLite connection. Not thread-safe: one thread uses it at a time (the writer thread, or a
// reader that leased it from the ReaderPool).
class Database {
public:
    // Opens (creating if read_write) the file and applies the connection pragmas
    // (WAL, synchronous=FULL, foreign_keys=ON, busy_timeout=5000, and for read_write
    // journal_size_limit=64 MiB), reading each back:
    // a pragma that did not take is an error naming it.
    static Result<std::unique_ptr<Database>> Open(const std::string& path, OpenMode mode);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    Result<Unit> Exec(std::string_view sql);                 // fixed SQL text only (DDL, BEGIN, ...)
    Result<Query> Prepare(std::string_view sql);             // cached per connection by SQL text
    Result<std::string> PragmaValue(std::string_view name);  // "PRAGMA name" read back as text

    std::int64_t LastInsertId() const;
    int Changes() const;         // rows changed by the last statement
    bool InTransaction() const;  // false when in autocommit mode
    // SQLite VM steps run so far by this connection's live statements (triggers and FTS5's own
    // statements included): the deterministic cost of a write, read before and after it
    // (SQLITE_STMTSTATUS_VM_STEP). A statement finalized in between would drop out: only cached
    // statements and SQLite's own long-lived ones run inside the writer.
    std::uint64_t TotalVmSteps() const;
    const std::string& Path() const { return m_path; }
    Error LastError(std::string_view context) const;  // internal error carrying sqlite's message

private:
    Database() = default;
    Result<Unit> ApplyPragmas(OpenMode mode);

    sqlite3* m_db = nullptr;
    std::string m_path;
    std::unordered_map<std::string, sqlite3_stmt*> m_cache;  // SQL text -> prepared statement
    friend class Query;
};

// Runs `fn` inside BEGIN IMMEDIATE ... COMMIT on `db` (rolls back when fn fails). For start-up
// work (migrations, seeding) and tests; request handlers go through the Writer instead.
template <class F>
auto InTransaction(Database& db, F&& fn) -> decltype(fn(db)) {
    if (auto begun = db.Exec("BEGIN IMMEDIATE"); !begun.ok()) return begun.error();
    auto result = fn(db);
    if (!result.ok()) {
        (void)db.Exec("ROLLBACK");
        return result;
    }
    if (auto committed = db.Exec("COMMIT"); !committed.ok()) {
        if (db.InTransaction()) (void)db.Exec("ROLLBACK");
        return committed.error();
    }
    return result;
}

// Runs `fn` inside SAVEPOINT `name` ... RELEASE on `db`, which must be in a transaction (a writer
// job); when fn fails, only its own changes are rolled back and the transaction goes on. For a job
// made of independent steps (a bulk update) where one step's failure must not undo the others.
template <class F>
auto InSavepoint(Database& db, std::string_view name, F&& fn) -> decltype(fn(db)) {
    const std::string savepoint(name);
    if (auto begun = db.Exec("SAVEPOINT " + savepoint); !begun.ok()) return begun.error();
    auto result = fn(db);
    if (!result.ok()) {
        if (auto undone = db.Exec("ROLLBACK TO " + savepoint); !undone.ok()) return undone.error();
    }
    if (auto released = db.Exec("RELEASE " + savepoint); !released.ok()) return released.error();
    return result;
}

// LIKE pattern for "contains `text`", with % _ and \ escaped (use with ESCAPE '\').
std::string ContainsPattern(std::string_view text);

}  // namespace spoc::storage
