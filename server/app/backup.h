// Online backup (issue 16): `spoc-server --backup FILE` copies the live database while the server
// keeps serving writes, and the attachment bytes it names.
//  - The database goes through SQLite's backup API in one step: one read transaction, so the copy
//    is the database as of one instant (every write acknowledged before it started is in it), and
//    in WAL mode the server's writer is never blocked. It is written to FILE.partial, switched to
//    a rollback journal (one self-contained file), checked with PRAGMA integrity_check, synced,
//    and only then renamed to FILE.
//  - The blobs its attachment rows name are copied (and synced) to FILE-blobs/ab/abcdef..., the
//    layout of <data>/blobs. An upload nobody linked may expire meanwhile: it is skipped; any other
//    missing blob fails the backup.
// Restore: stop the server, put FILE at <data>/spoc.db and FILE-blobs at <data>/blobs, start it.
#pragma once
#include <cstdint>
#include <string>

#include "shared/domain/result.h"

namespace spoc::app {

struct BackupReport {
    std::int64_t bytes = 0;        // size of FILE
    int blobs = 0;                 // attachment blobs copied
    int staged_skipped = 0;        // unlinked uploads whose bytes were already collected
    std::string Text(const std::string& file) const;  // one line for the console
};

// Refuses to overwrite: FILE, FILE.partial and FILE-blobs must not exist.
Result<BackupReport> BackupDataFolder(const std::string& data_dir, const std::string& file);

}  // namespace spoc::app
