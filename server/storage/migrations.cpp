// Applies the embedded migrations (generated spoc_migrations.h) and tracks PRAGMA user_version.
#include "server/storage/migrations.h"

#include <string>

#include "spoc_migrations.h"

namespace spoc::storage {

int LatestSchemaVersion() {
    int latest = 0;
    for (const auto& m : kEmbeddedMigrations) latest = m.version > latest ? m.version : latest;
    return latest;
}

Result<int> ReadSchemaVersion(Database& db) {
    auto value = db.PragmaValue("user_version");
    if (!value.ok()) return value.error();
    return std::stoi(value->empty() ? std::string("0") : *value);
}

Result<int> Migrate(Database& db) {
    // The embedded list is sorted by file name; versions must run 1, 2, 3... with no gaps.
    int expected = 1;
    for (const auto& m : kEmbeddedMigrations) {
        if (m.version != expected)
            return MakeError(ErrorCode::internal, std::string("Migration ") + m.name +
                                                      " is out of sequence: expected " + std::to_string(expected));
        ++expected;
    }
    auto current = ReadSchemaVersion(db);
    if (!current.ok()) return current.error();
    if (*current > LatestSchemaVersion())
        return MakeError(ErrorCode::unavailable, "Database " + db.Path() + " has schema version " +
                                                     std::to_string(*current) + ", newer than this server knows (" +
                                                     std::to_string(LatestSchemaVersion()) + "). Upgrade the server.");
    int applied = 0;
    for (const auto& m : kEmbeddedMigrations) {
        if (m.version <= *current) continue;
        auto done = InTransaction(db, [&](Database& tx) -> Result<Unit> {
            if (auto run = tx.Exec(m.sql); !run.ok()) {
                Error error = run.error();
                error.message = std::string("Migration ") + m.name + " failed: " + error.message;
                return error;
            }
            // PRAGMA takes no bound parameters; the version is a compile-time integer from our
            // own embedded list, never outside input.
            return tx.Exec("PRAGMA user_version = " + std::to_string(m.version));
        });
        if (!done.ok()) return done.error();
        ++applied;
    }
    return applied;
}

}  // namespace spoc::storage
