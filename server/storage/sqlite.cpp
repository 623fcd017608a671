// SQLite connection and statement wrappers (see sqlite.h): open + pragma verification, the
// per-connection statement cache, binding with sticky errors, and column access.
#include "server/storage/sqlite.h"

#include <sqlite3.h>

namespace spoc::storage {

// [SECTION] Query

Query::Query(Query&& other) noexcept : m_db(other.m_db), m_stmt(other.m_stmt), m_bind_error(other.m_bind_error) {
    other.m_db = nullptr;
    other.m_stmt = nullptr;
}

Query::~Query() {
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
}

void Query::NoteBindResult(int rc) {
    if (rc != SQLITE_OK && m_bind_error == 0) m_bind_error = rc;
}

Query& Query::Bind(int index, std::int64_t value) {
    NoteBindResult(sqlite3_bind_int64(m_stmt, index, value));
    return *this;
}
Query& Query::Bind(int index, double value) {
    NoteBindResult(sqlite3_bind_double(m_stmt, index, value));
    return *this;
}
Query& Query::Bind(int index, std::string_view text) {
    NoteBindResult(sqlite3_bind_text64(m_stmt, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
}
Query& Query::BindBlob(int index, std::string_view bytes) {
    NoteBindResult(sqlite3_bind_blob64(m_stmt, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
    return *this;
}
Query& Query::BindNull(int index) {
    NoteBindResult(sqlite3_bind_null(m_stmt, index));
    return *this;
}

Result<bool> Query::Step() {
    if (m_bind_error != 0)
        return MakeError(ErrorCode::internal, std::string("SQLite bind failed: ") + sqlite3_errstr(m_bind_error));
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    Error error = m_db->LastError(sqlite3_sql(m_stmt));
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) error.code = ErrorCode::unavailable;
    return error;
}

Result<Unit> Query::Run() {
    for (;;) {
        auto row = Step();
        if (!row.ok()) return row.error();
        if (!*row) return Unit{};
    }
}

bool Query::IsNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }
std::int64_t Query::Int(int column) const { return sqlite3_column_int64(m_stmt, column); }
double Query::Real(int column) const { return sqlite3_column_double(m_stmt, column); }

std::string Query::Text(int column) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    return text ? std::string(text, static_cast<size_t>(size)) : std::string();
}

std::string Query::Blob(int column) const {
    const auto* data = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    return data ? std::string(data, static_cast<size_t>(size)) : std::string();
}

// [SECTION] Database

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, OpenMode mode) {
    std::unique_ptr<Database> db(new Database());
    db->m_path = path;
    const int flags =
        (mode == OpenMode::read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
        SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &db->m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string message =
            "Cannot open database " + path + ": " + (db->m_db ? sqlite3_errmsg(db->m_db) : sqlite3_errstr(rc));
        return MakeError(ErrorCode::unavailable, std::move(message));
    }
    sqlite3_extended_result_codes(db->m_db, 1);
    if (auto applied = db->ApplyPragmas(mode); !applied.ok()) return applied.error();
    return db;
}

Database::~Database() {
    for (auto& [sql, stmt] : m_cache) sqlite3_finalize(stmt);
    if (m_db) sqlite3_close_v2(m_db);
}

Result<Unit> Database::ApplyPragmas(OpenMode mode) {
    // Set, then read back: SQLite silently ignores some pragmas (e.g. WAL on a read-only or
    // in-memory database), and a server that thinks it is durable when it is not must not start.
    struct Expected {
        const char* set;  // fixed statement, no values from outside
        const char* name;
        const char* value;  // what PRAGMA name must answer
    };
    static const Expected kWriter[] = {
        {"PRAGMA journal_mode=WAL", "journal_mode", "wal"},
        {"PRAGMA synchronous=FULL", "synchronous", "2"},
        {"PRAGMA foreign_keys=ON", "foreign_keys", "1"},
        {"PRAGMA busy_timeout=5000", "busy_timeout", "5000"},
        // A checkpointed WAL is cut back to at most 64 MiB when it restarts, whatever a burst grew it to.
        {"PRAGMA journal_size_limit=67108864", "journal_size_limit", "67108864"},
        {"PRAGMA temp_store=MEMORY", "temp_store", "2"},
    };
    static const Expected kReader[] = {
        {nullptr, "journal_mode", "wal"},  // set by the writer; persistent in the file
        {"PRAGMA synchronous=FULL", "synchronous", "2"},
        {"PRAGMA foreign_keys=ON", "foreign_keys", "1"},
        {"PRAGMA busy_timeout=5000", "busy_timeout", "5000"},
        {"PRAGMA query_only=ON", "query_only", "1"},
    };
    auto check = [&](const Expected& e) -> Result<Unit> {
        if (e.set) {
            if (auto set = Exec(e.set); !set.ok()) return set.error();
        }
        auto value = PragmaValue(e.name);
        if (!value.ok()) return value.error();
        if (*value != e.value)
            return MakeError(ErrorCode::unavailable, "PRAGMA " + std::string(e.name) + " did not take on " + m_path +
                                                         ": expected " + e.value + ", got '" + *value + "'");
        return Unit{};
    };
    if (mode == OpenMode::read_write) {
        for (const auto& e : kWriter)
            if (auto r = check(e); !r.ok()) return r;
    } else {
        for (const auto& e : kReader)
            if (auto r = check(e); !r.ok()) return r;
        // Readers map the file (up to 1 GiB) instead of copying each page into a private 2 MB
        // cache: a search that visits thousands of rows reads them where the OS keeps them. A
        // hint, not a guarantee (a build without mmap answers 0), so it is not read back.
        if (auto r = Exec("PRAGMA mmap_size=1073741824"); !r.ok()) return r;
    }
    return Unit{};
}

Result<Unit> Database::Exec(std::string_view sql) {
    char* message = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message);
    if (rc == SQLITE_OK) return Unit{};
    std::string detail = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    const std::string head = text.substr(0, 60);
    return MakeError(rc == SQLITE_BUSY ? ErrorCode::unavailable : ErrorCode::internal,
                     "SQLite: " + detail + " (in: " + head + ")");
}

Result<Query> Database::Prepare(std::string_view sql) {
    std::string key(sql);
    auto it = m_cache.find(key);
    if (it == m_cache.end()) {
        sqlite3_stmt* stmt = nullptr;
        const int rc = sqlite3_prepare_v3(m_db, key.data(), static_cast<int>(key.size()), SQLITE_PREPARE_PERSISTENT,
                                          &stmt, nullptr);
        if (rc != SQLITE_OK) return LastError(key);
        it = m_cache.emplace(std::move(key), stmt).first;
    }
    return Query(this, it->second);
}

Result<std::string> Database::PragmaValue(std::string_view name) {
    auto query = Prepare("PRAGMA " + std::string(name));
    if (!query.ok()) return query.error();
    auto row = query->Step();
    if (!row.ok()) return row.error();
    if (!*row) return std::string();
    return query->Text(0);
}

std::int64_t Database::LastInsertId() const { return sqlite3_last_insert_rowid(m_db); }
int Database::Changes() const { return sqlite3_changes(m_db); }
bool Database::InTransaction() const { return sqlite3_get_autocommit(m_db) == 0; }

std::uint64_t Database::TotalVmSteps() const {
    // Every live statement of the connection: ours (cached) and the ones SQLite prepares for
    // itself (FTS5's, behind the queue_search index), so a virtual table's work counts too.
    std::uint64_t steps = 0;
    for (sqlite3_stmt* stmt = sqlite3_next_stmt(m_db, nullptr); stmt; stmt = sqlite3_next_stmt(m_db, stmt))
        steps += static_cast<std::uint64_t>(sqlite3_stmt_status(stmt, SQLITE_STMTSTATUS_VM_STEP, 0));
    return steps;
}

Error Database::LastError(std::string_view context) const {
    std::string message = std::string("SQLite: ") + sqlite3_errmsg(m_db);
    if (!context.empty()) message += " (in: " + std::string(context.substr(0, 60)) + ")";
    return MakeError(ErrorCode::internal, std::move(message));
}

std::string ContainsPattern(std::string_view text) {
    std::string out = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    return out + "%";
}

}  // namespace spoc::storage
