// The composition root: command-line flags -> ServerConfig, and SpocServer, which opens the
// database (pragmas checked), migrates, optionally seeds demo content, wires storage -> app ->
// http, loads the web client and serves. main.cpp and the in-process tests both use it.
#pragma once
#include <memory>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "server/http/client_address.h"
#include "server/http/connection_limits.h"
#include "shared/domain/attachment.h"
#include "shared/domain/result.h"
#include "shared/domain/time.h"

namespace spoc {

struct ServerConfig {
    std::string host = "127.0.0.1";
    int port = 8080;                         // 0: any free port
    std::vector<std::string> allowed_hosts;  // extra Host header values (NAME or NAME:PORT), see --allow-host
    std::string data_dir = "./data";         // the database is data_dir/spoc.db
    std::string web_dir;                     // static web client; empty: API only
    std::string assets_dir = "./assets";
    bool demo = false;         // seed demo content into an empty database
    bool group_commit = true;  // false: one transaction (one fsync) per write
    int threads = 64;          // HTTP worker threads
    http::ConnectionLimits connections;  // --head-timeout, --max-connections-per-address
    std::vector<http::Cidr> trusted_proxies;  // --trusted-proxy: whose X-Forwarded-For is believed
    int readers = 8;           // read-only SQLite connections
    int auto_close_days = 7;   // --auto-close-days: Resolved requests close after this many days; 0 = never
    std::int64_t max_file_bytes = attachment::kDefaultMaxFileBytes;        // --max-file-mb
    std::int64_t max_request_bytes = attachment::kDefaultMaxRequestBytes;  // --max-request-files-mb
    std::string report_time_zone = "UTC";  // --report-time-zone: the days of the reports (IANA name)
    bool rebuild_reports = false;  // --rebuild-reports: recompute every report rollup, then exit
    bool startup_timings = false;  // --startup-timings: print how long each start-up phase took
    std::string import_kb_dir; // --import-kb: import this folder of Markdown articles, then exit
    std::string import_as = "root"; // --import-as: the agent or admin the import is recorded under
    std::string backup_file;   // --backup: copy the live database and its blobs to this file, then exit
};

// Parses argv (argv[0] is skipped). Errors name the bad flag; print them with ServerUsage().
Result<ServerConfig> ParseServerArgs(int argc, const char* const* argv);
std::string ServerUsage();

class SpocServer {
public:
    static Result<std::unique_ptr<SpocServer>> Open(const ServerConfig& config);
    ~SpocServer();

    Result<int> Bind();  // binds host:port; returns the port (useful with port 0)
    bool Listen();       // serves until Stop()
    void Stop();         // safe from any thread; idempotent
    void WaitUntilReady() const;
    const std::string& DatabasePath() const;
    const ServerConfig& Config() const;
    std::string WriterStatsText() const;                              // "jobs=... batches=... max_batch=..."
    // The write-cost guard (tests/server/write_cost_test.cpp): SQLite VM steps of every write job
    // since counting was switched on.
    void CountWriteVmSteps(bool on);
    std::uint64_t WriteVmSteps() const;
    std::vector<std::pair<std::string, std::string>> Routes() const;  // (method, path pattern) of every API route
    // Runs the scheduled SLA jobs (escalation of breaches, auto-close) now, as one write job, as if
    // the clock read `now`: what housekeeping does every minute, for tests that move time forward.
    Result<Unit> RunHousekeepingAt(Timestamp now);
    // Runs --import-kb: imports the folder, returns a printable report; *problems counts skipped files.
    Result<std::string> ImportKnowledge(const std::string& folder, const std::string& as_user, int* problems);

private:
    SpocServer();
    struct Impl;
    std::unique_ptr<Impl> m;
};

}  // namespace spoc
