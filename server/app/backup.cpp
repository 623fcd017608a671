// BackupDataFolder: the database through SQLite's backup API in one step, then the blobs it names.
#include "server/app/backup.h"

#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <thread>
#include <vector>

#include "server/app/blob_store.h"

namespace spoc::app {

namespace fs = std::filesystem;

namespace {

struct CloseDb {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using DbHandle = std::unique_ptr<sqlite3, CloseDb>;

Error SqliteError(sqlite3* db, const std::string& what) {
    return MakeError(ErrorCode::internal, what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

Result<DbHandle> OpenDb(const std::string& path, int flags) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    DbHandle db(raw);
    if (rc != SQLITE_OK) return SqliteError(raw, "Cannot open " + path);
    sqlite3_busy_timeout(raw, 5000);
    return db;
}

// Runs fixed SQL (no outside values) and returns the first column of its first row.
Result<std::string> Scalar(sqlite3* db, const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) return SqliteError(db, sql);
    std::string out;
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW && sqlite3_column_text(stmt, 0)) out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return SqliteError(db, sql);
    return out;
}

// The copy as of one instant: step(-1) copies every page under one read transaction.
Result<Unit> CopyDatabase(const std::string& source, const std::string& target) {
    auto src = OpenDb(source, SQLITE_OPEN_READONLY);
    if (!src.ok()) return src.error();
    auto dst = OpenDb(target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (!dst.ok()) return dst.error();
    sqlite3_backup* backup = sqlite3_backup_init(dst->get(), "main", src->get(), "main");
    if (!backup) return SqliteError(dst->get(), "Cannot start the backup");
    int rc = SQLITE_OK;
    for (int attempt = 0; attempt < 500; ++attempt) {  // busy: the writer is checkpointing; retry for up to ~5 s
        rc = sqlite3_backup_step(backup, -1);
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) return SqliteError(dst->get(), "Backup of " + source + " failed");
    // One self-contained file: a rollback journal instead of WAL (the server switches back on open).
    auto mode = Scalar(dst->get(), "PRAGMA journal_mode=DELETE");
    if (!mode.ok()) return mode.error();
    auto check = Scalar(dst->get(), "PRAGMA integrity_check");
    if (!check.ok()) return check.error();
    if (*check != "ok") return MakeError(ErrorCode::internal, "The copy failed its integrity check: " + *check);
    return Unit{};
}

struct BlobRef {
    std::string sha256;
    bool staged = false;  // no request: an upload nobody linked (yet)
};

Result<std::vector<BlobRef>> BlobsNamedBy(const std::string& database) {
    auto db = OpenDb(database, SQLITE_OPEN_READONLY);
    if (!db.ok()) return db.error();
    const char* sql = "SELECT sha256, MIN(request_id IS NULL) FROM attachments GROUP BY sha256 ORDER BY sha256";
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db->get(), sql, -1, &stmt, nullptr) != SQLITE_OK) return SqliteError(db->get(), sql);
    std::vector<BlobRef> out;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const unsigned char* sha = sqlite3_column_text(stmt, 0);
        out.push_back({sha ? reinterpret_cast<const char*>(sha) : "", sqlite3_column_int(stmt, 1) != 0});
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) return SqliteError(db->get(), sql);
    return out;
}

Result<Unit> CopyBlobs(const std::string& data_dir, const std::string& database, const std::string& target,
                       BackupReport& report) {
    auto blobs = BlobsNamedBy(database);
    if (!blobs.ok()) return blobs.error();
    std::error_code ec;
    fs::create_directories(target, ec);
    if (ec) return MakeError(ErrorCode::internal, "Cannot create " + target + ": " + ec.message());
    std::vector<std::string> folders;
    for (const BlobRef& blob : *blobs) {
        if (!IsSha256Hex(blob.sha256)) return MakeError(ErrorCode::internal, "Bad blob name in attachments: " + blob.sha256);
        const std::string sub = blob.sha256.substr(0, 2);
        const fs::path from = fs::path(data_dir) / "blobs" / sub / blob.sha256;
        const fs::path folder = fs::path(target) / sub;
        if (!fs::exists(from, ec)) {
            if (blob.staged) {  // collected after the copy's instant: nobody can link it any more
                ++report.staged_skipped;
                continue;
            }
            return MakeError(ErrorCode::internal, "Attachment bytes missing: " + from.string());
        }
        fs::create_directories(folder, ec);
        if (ec) return MakeError(ErrorCode::internal, "Cannot create " + folder.string() + ": " + ec.message());
        fs::copy_file(from, folder / blob.sha256, fs::copy_options::overwrite_existing, ec);
        if (ec) return MakeError(ErrorCode::internal, "Cannot copy " + from.string() + ": " + ec.message());
        if (auto s = SyncPath((folder / blob.sha256).string(), false); !s.ok()) return s.error();
        if (folders.empty() || folders.back() != folder.string()) folders.push_back(folder.string());
        ++report.blobs;
    }
    for (const std::string& folder : folders)
        if (auto s = SyncPath(folder, true); !s.ok()) return s.error();
    return SyncPath(target, true);
}

}  // namespace

std::string BackupReport::Text(const std::string& file) const {
    std::string out = "spoc: backup " + file + ": " + std::to_string(bytes) + " bytes, integrity ok, ";
    out += std::to_string(blobs) + " attachment blob(s) in " + file + "-blobs";
    if (staged_skipped > 0) out += " (" + std::to_string(staged_skipped) + " expired unlinked upload(s) skipped)";
    return out + "\n";
}

Result<BackupReport> BackupDataFolder(const std::string& data_dir, const std::string& file) {
    const std::string source = (fs::path(data_dir) / "spoc.db").string();
    const std::string partial = file + ".partial", blobs = file + "-blobs";
    std::error_code ec;
    if (!fs::exists(source, ec)) return MakeError(ErrorCode::not_found, "No database at " + source + ".");
    for (const std::string& path : {file, partial, blobs})
        if (fs::exists(path, ec))
            return MakeError(ErrorCode::conflict, path + " already exists; a backup never overwrites one.");
    BackupReport report;
    // Nothing half-written stays behind: a failed backup leaves no FILE.partial or FILE-blobs.
    auto give_up = [&](Error error) {
        std::error_code ignored;
        fs::remove(partial, ignored);
        fs::remove_all(blobs, ignored);
        return error;
    };
    if (auto copied = CopyDatabase(source, partial); !copied.ok()) return give_up(copied.error());
    if (auto s = SyncPath(partial, false); !s.ok()) return give_up(s.error());
    if (auto copied = CopyBlobs(data_dir, partial, blobs, report); !copied.ok()) return give_up(copied.error());
    fs::rename(partial, file, ec);
    if (ec) return give_up(MakeError(ErrorCode::internal, "Cannot rename " + partial + ": " + ec.message()));
    const fs::path parent = fs::absolute(file, ec).parent_path();
    if (auto s = SyncPath(parent.string(), true); !s.ok()) return s.error();
    report.bytes = static_cast<std::int64_t>(fs::file_size(file, ec));
    return report;
}

}  // namespace spoc::app
