// Schema migrations: the numbered server/storage/migrations/NNNN_name.sql files, embedded at build
// time, applied in order on the writer connection, each in its own transaction, with the schema
// version kept in PRAGMA user_version. Running it again on a current database changes nothing.
#pragma once
#include "server/storage/sqlite.h"

namespace spoc::storage {

int LatestSchemaVersion();                    // version of the newest embedded migration
Result<int> ReadSchemaVersion(Database& db);  // PRAGMA user_version
// Applies every embedded migration newer than the file's version; returns how many ran. A file
// whose version is newer than this binary knows is refused (an older binary must not touch it).
Result<int> Migrate(Database& db);

}  // namespace spoc::storage
