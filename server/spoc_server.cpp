// Wiring of the whole server (see spoc_server.h): [SECTION] flags, [SECTION] start-up order.
#include "server/spoc_server.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <mutex>

#include "server/app/agent_service.h"
#include "server/app/blob_store.h"
#include "server/app/auth_service.h"
#include "server/app/catalog_service.h"
#include "server/app/clock.h"
#include "server/app/crypto.h"
#include "server/app/demo_seed.h"
#include "server/app/escalation.h"
#include "server/app/events.h"
#include "server/app/kb_service.h"
#include "server/app/request_approval.h"
#include "server/app/request_service.h"
#include "server/app/workspace_service.h"
#include "server/http/auth.h"
#include "server/http/handlers.h"
#include "server/http/http_server.h"
#include "server/storage/attachments_repo.h"
#include "server/storage/checkpointer.h"
#include "server/storage/idempotency_repo.h"
#include "server/storage/migrations.h"
#include "server/storage/reader_pool.h"
#include "server/storage/sessions_repo.h"
#include "server/storage/queue_search.h"
#include "server/storage/writer.h"
#include "server/app/report_service.h"
#include "server/app/reports.h"

namespace spoc {

// [SECTION] Flags

namespace {

constexpr std::size_t kGroupCommitMaxBatch = 512;
constexpr std::chrono::microseconds kGroupCommitGatherWindow{1000};  // see storage/writer.h
constexpr Timestamp kIdempotencyRetentionMs = 24LL * 60 * 60 * 1000;

}  // namespace

std::string ServerUsage() {
    return "usage: spoc-server [--host ADDR] [--port N] [--allow-host NAME[:PORT]]... [--data DIR] [--web DIR]\n"
           "                   [--assets DIR] [--demo] [--no-group-commit] [--threads N] [--auto-close-days N]\n"
           "                   [--max-file-mb N] [--max-request-files-mb N] [--report-time-zone ZONE]\n"
           "                   [--startup-timings]\n"
           "       spoc-server [--data DIR] --import-kb FOLDER [--import-as USERNAME]\n"
           "       spoc-server [--data DIR] [--report-time-zone ZONE] --rebuild-reports\n"
           "       spoc-server [--data DIR] --backup FILE\n"
           "  --host ADDR        address to listen on (default 127.0.0.1)\n"
           "  --port N           TCP port, 0 for any free one (default 8080)\n"
           "  --allow-host NAME[:PORT]\n"
           "                     also answer requests whose Host header is NAME:PORT (without PORT: NAME with\n"
           "                     this server's port, or NAME alone as sent through a proxy on port 80/443).\n"
           "                     Repeatable. Always allowed: 127.0.0.1, localhost and [::1] with the port, and\n"
           "                     the --host address with the port; any other Host is refused (400), which\n"
           "                     stops DNS-rebinding pages. Origin must name an allowed host too.\n"
           "  --trusted-proxy CIDR\n"
           "                     a reverse proxy's address or range (repeatable): only requests from it are\n"
           "                     read through X-Forwarded-For, whose rightmost untrusted hop is then the\n"
           "                     client the sign-in throttle counts per; it is also exempt from the\n"
           "                     per-address connection cap\n"
           "  --data DIR         data folder, created if missing; database DIR/spoc.db (default ./data)\n"
           "  --web DIR          serve the web client from DIR (loaded into memory at start)\n"
           "  --assets DIR       assets folder; demo content in DIR/demo (default ./assets)\n"
           "  --demo             seed demo users, catalog and requests if the database has no users\n"
           "  --no-group-commit  one transaction and fsync per write (for benchmarks)\n"
           "  --threads N        HTTP worker threads = keep-alive connections served at once (default 64)\n"
           "  --head-timeout S   seconds a client has to send a request's line and headers, 1..300 (default\n"
           "                     10); a slower one is disconnected\n"
           "  --max-connections-per-address N\n"
           "                     connections open at once from one client address, 0..100000, 0 = no cap\n"
           "                     (default 256); more get 429. Behind a reverse proxy every client shares its\n"
           "                     address: set 0 there and let the proxy cap them\n"
           "  --auto-close-days N\n"
           "                     close Resolved requests N days after they were resolved, 0..365, 0 = never\n"
           "                     (default 7, the same as the window in which a requester's reply reopens one)\n"
           "  --max-file-mb N    largest attachment, 1..1024 MB (default 25); larger uploads get 413\n"
           "  --max-request-files-mb N\n"
           "                     most all of one request's attachments may add up to, 1..10240 MB (default 100)\n"
           "  --report-time-zone ZONE\n"
           "                     IANA zone whose local dates the reports count in (default UTC); starting\n"
           "                     with another zone than last time recomputes the report rollups\n"
           "  --rebuild-reports  recompute every report rollup from the requests, print a summary and exit\n"
           "  --startup-timings  print how long each start-up phase took (bench/start/run)\n"
           "  --import-kb FOLDER import every FOLDER/*.md as a knowledge article (front matter: title, category,\n"
           "                     tags, audience, state, owner, review_by), print a report and exit; an article\n"
           "                     with the same title gets a new version when it differs\n"
           "  --import-as NAME   agent or admin recorded as the importer (default root)\n"
           "  --backup FILE      copy DIR/spoc.db to FILE as of one instant (while a server may be writing to it),\n"
           "                     check it, and copy the attachment bytes it names to FILE-blobs; never overwrites.\n"
           "                     Restore: stop the server, put FILE at DIR/spoc.db and FILE-blobs at DIR/blobs\n";
}

Result<ServerConfig> ParseServerArgs(int argc, const char* const* argv) {
    ServerConfig config;
    for (int i = 1; i < argc; ++i) {
        std::string flag = argv[i];
        std::string value;
        bool has_inline_value = false;
        if (auto eq = flag.find('='); flag.rfind("--", 0) == 0 && eq != std::string::npos) {
            value = flag.substr(eq + 1);
            flag.resize(eq);
            has_inline_value = true;
        }
        auto next = [&]() -> Result<std::string> {
            if (has_inline_value) return value;
            if (i + 1 >= argc) return MakeError(ErrorCode::bad_request, flag + " needs a value.");
            return std::string(argv[++i]);
        };
        auto no_value = [&]() -> Result<Unit> {
            if (has_inline_value) return MakeError(ErrorCode::bad_request, flag + " takes no value.");
            return Unit{};
        };
        if (flag == "--import-kb" || flag == "--import-as" || flag == "--backup") {
            auto v = next();
            if (!v.ok()) return v.error();
            if (v->empty()) return MakeError(ErrorCode::bad_request, flag + " needs a non-empty value.");
            (flag == "--import-kb" ? config.import_kb_dir : flag == "--backup" ? config.backup_file : config.import_as) = *v;
        } else if (flag == "--host" || flag == "--data" || flag == "--web" || flag == "--assets") {
            auto v = next();
            if (!v.ok()) return v.error();
            if (v->empty()) return MakeError(ErrorCode::bad_request, flag + " needs a non-empty value.");
            if (flag == "--host")
                config.host = *v;
            else if (flag == "--data")
                config.data_dir = *v;
            else if (flag == "--web")
                config.web_dir = *v;
            else
                config.assets_dir = *v;
        } else if (flag == "--report-time-zone") {
            auto v = next();
            if (!v.ok()) return v.error();
            TimeZoneRule zone;
            if (!FindTimeZone(*v, &zone)) return MakeError(ErrorCode::bad_request, flag + ": unknown time zone '" + *v + "'.");
            config.report_time_zone = *v;
        } else if (flag == "--rebuild-reports") {
            if (auto ok = no_value(); !ok.ok()) return ok.error();
            config.rebuild_reports = true;
        } else if (flag == "--startup-timings") {
            if (auto ok = no_value(); !ok.ok()) return ok.error();
            config.startup_timings = true;
        } else if (flag == "--trusted-proxy") {
            auto v = next();
            if (!v.ok()) return v.error();
            auto range = http::ParseCidr(*v);
            if (!range.ok()) return range.error();
            config.trusted_proxies.push_back(*range);
        } else if (flag == "--allow-host") {
            auto v = next();
            if (!v.ok()) return v.error();
            std::string why;
            if (!http::IsValidHostSpec(*v, &why))
                return MakeError(ErrorCode::bad_request, "--allow-host '" + *v + "': " + why + ".");
            config.allowed_hosts.push_back(*v);
        } else if (flag == "--port") {
            auto v = next();
            if (!v.ok()) return v.error();
            auto port = http::ParseBoundedInt(*v, 0, 65535, flag);
            if (!port.ok()) return port.error();
            config.port = *port;
        } else if (flag == "--threads") {
            auto v = next();
            if (!v.ok()) return v.error();
            auto threads = http::ParseBoundedInt(*v, 1, 1024, flag);
            if (!threads.ok()) return threads.error();
            config.threads = *threads;
        } else if (flag == "--head-timeout") {
            auto v = next();
            if (!v.ok()) return v.error();
            auto seconds = http::ParseBoundedInt(*v, 1, 300, flag);
            if (!seconds.ok()) return seconds.error();
            config.connections.head_seconds = *seconds;
        } else if (flag == "--max-connections-per-address") {
            auto v = next();
            if (!v.ok()) return v.error();
            auto cap = http::ParseBoundedInt(*v, 0, 100000, flag);
            if (!cap.ok()) return cap.error();
            config.connections.max_per_address = *cap;
        } else if (flag == "--auto-close-days") {
            auto v = next();
            if (!v.ok()) return v.error();
            auto days = http::ParseBoundedInt(*v, 0, 365, flag);
            if (!days.ok()) return days.error();
            config.auto_close_days = *days;
        } else if (flag == "--max-file-mb" || flag == "--max-request-files-mb") {
            auto v = next();
            if (!v.ok()) return v.error();
            auto mb = http::ParseBoundedInt(*v, 1, flag == "--max-file-mb" ? 1024 : 10240, flag);
            if (!mb.ok()) return mb.error();
            (flag == "--max-file-mb" ? config.max_file_bytes : config.max_request_bytes) = static_cast<std::int64_t>(*mb) * 1000 * 1000;
        } else if (flag == "--demo") {
            if (auto ok = no_value(); !ok.ok()) return ok.error();
            config.demo = true;
        } else if (flag == "--no-group-commit") {
            if (auto ok = no_value(); !ok.ok()) return ok.error();
            config.group_commit = false;
        } else {
            return MakeError(ErrorCode::bad_request, "Unknown flag '" + flag + "'.");
        }
    }
    return config;
}

// [SECTION] Start-up

namespace {

// How long each start-up phase took, for --startup-timings: "open and migrate 3, ... (41 ms)".
class PhaseClock {
public:
    void Mark(const char* phase) {
        const auto now = std::chrono::steady_clock::now();
        if (!m_text.empty()) m_text += ", ";
        m_text.append(phase).append(" ").append(std::to_string(Ms(m_last, now)));
        m_last = now;
    }
    std::string Text() const {
        return m_text + " (" + std::to_string(Ms(m_start, std::chrono::steady_clock::now())) + " ms)";
    }

private:
    static long long Ms(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
        return static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(b - a).count());
    }
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point m_last = m_start;
    std::string m_text;
};

}  // namespace

struct SpocServer::Impl {
    ServerConfig config;
    std::string db_path;
    std::unique_ptr<storage::Writer> writer;
    kpi::ReportSetup report_setup;  // set before the writer's first job; read-only after
    std::unique_ptr<app::ReportService> reports;
    std::unique_ptr<storage::Checkpointer> checkpointer;
    std::unique_ptr<storage::ReaderPool> readers;
    std::unique_ptr<app::AuthService> auth;
    std::unique_ptr<app::CatalogService> catalog;
    std::unique_ptr<app::RequestService> requests;
    std::unique_ptr<app::WorkspaceService> workspace;
    std::unique_ptr<app::KbService> kb;
    std::unique_ptr<app::EventHub> events;
    std::unique_ptr<app::AgentService> agents;
    std::unique_ptr<app::WalkupService> walkup;
    std::unique_ptr<app::BlobStore> blobs;
    std::unique_ptr<http::HttpServer> http;
    std::vector<std::string> collected_blobs;  // writer thread only: this housekeeping run's, until it commits

    // Requests changed by the scheduled SLA jobs (escalation, auto-close) are reported here once
    // their transaction committed, on the writer thread (empty: nobody listens).
    std::mutex changed_mutex;
    std::function<void(const std::vector<RequestId>&)> on_requests_changed;
    std::vector<RequestId> housekeeping_changed;  // writer thread only: this run's, until it commits

    void ReportRequestsChanged(const std::vector<RequestId>& ids) {
        if (ids.empty()) return;
        std::function<void(const std::vector<RequestId>&)> callback;
        {
            std::lock_guard lock(changed_mutex);
            callback = on_requests_changed;
        }
        if (callback) callback(ids);
    }
};

SpocServer::SpocServer() : m(std::make_unique<Impl>()) {}

SpocServer::~SpocServer() {
    if (m->events) m->events->Shutdown();  // open event streams end, so their threads can be joined
    if (m->http) m->http->Stop();
    m->http.reset();                   // no more handlers running ...
    if (m->kb) (void)m->kb->FlushViews();  // counted views not yet written
    if (m->writer) m->writer->Stop();  // ... then the last writes are committed
    if (m->checkpointer) m->checkpointer->Stop();
}

Result<std::unique_ptr<SpocServer>> SpocServer::Open(const ServerConfig& config) {
    std::unique_ptr<SpocServer> server(new SpocServer());
    Impl& s = *server->m;
    s.config = config;

    PhaseClock phases;
    if (auto crypto = app::InitCrypto(); !crypto.ok()) return crypto.error();
    std::error_code ec;
    std::filesystem::create_directories(config.data_dir, ec);
    if (ec)
        return MakeError(ErrorCode::unavailable, "Cannot create data folder " + config.data_dir + ": " + ec.message());
    s.db_path = (std::filesystem::path(config.data_dir) / "spoc.db").string();

    // The writer connection first: it creates the file and switches it to WAL.
    auto write_db = storage::Database::Open(s.db_path, storage::OpenMode::read_write);
    if (!write_db.ok()) return write_db.error();
    auto migrated = storage::Migrate(**write_db);
    if (!migrated.ok()) return migrated.error();
    // Checkpoints run on their own thread, so no COMMIT has to wait for one.
    if (auto off = storage::DisableAutoCheckpoint(**write_db); !off.ok()) return off.error();
    phases.Mark("open and migrate");
    s.writer = std::make_unique<storage::Writer>(std::move(*write_db), config.group_commit ? kGroupCommitMaxBatch : 1,
                                                 kGroupCommitGatherWindow);
    // Started before the report catch-up, whose jobs at a million requests would otherwise grow
    // the WAL by gigabytes.
    auto checkpointer = storage::Checkpointer::Start(s.db_path, s.writer.get());
    if (!checkpointer.ok()) return checkpointer.error();
    s.checkpointer = std::move(*checkpointer);
    phases.Mark("writer");
    {
        // Report rollups: catch up on what a migration or another reporting zone marked, before any
        // other job (each job then keeps them for what it touched).
        auto setup = app::MakeReportSetup(config.report_time_zone);
        if (!setup.ok()) return setup.error();
        s.report_setup = std::move(*setup);
        const auto started = std::chrono::steady_clock::now();
        auto caught_up = app::CatchUpReports(*s.writer, s.report_setup, config.rebuild_reports,
                                             [&s] { s.checkpointer->TruncateNow(); });
        if (!caught_up.ok()) return caught_up.error();
        if (*caught_up > 0 || config.rebuild_reports)
            std::fprintf(stderr, "spoc: report rollups computed for %lld requests in %lld ms\n",
                         static_cast<long long>(*caught_up),
                         static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                    std::chrono::steady_clock::now() - started)
                                                    .count()));
        // Once per write transaction: the queue's search index and the rollups of what it changed.
        s.writer->SetBeforeCommit([&s](storage::Database& db) -> Result<Unit> {
            if (auto indexed = storage::FlushQueueSearch(db); !indexed.ok()) return indexed.error();
            auto n = app::ApplyDirty(db, s.report_setup);
            if (!n.ok()) return n.error();
            return Unit{};
        });
        // Requests changed outside the server since it last ran (a migration, an admin's SQL) are
        // searchable from the first request on.
        auto flushed = s.writer->Run([](storage::Database&) -> Result<Unit> { return Unit{}; });
        if (!flushed.ok()) return flushed.error();
    }
    phases.Mark("report catch-up");
    auto readers = storage::ReaderPool::Open(s.db_path, config.readers);
    if (!readers.ok()) return readers.error();
    s.readers = std::move(*readers);
    phases.Mark("readers");

    s.reports = std::make_unique<app::ReportService>(*s.readers, s.report_setup);
    s.auth = std::make_unique<app::AuthService>(*s.readers, *s.writer);
    if (auto init = s.auth->Init(); !init.ok()) return init.error();
    phases.Mark("auth");
    s.catalog = std::make_unique<app::CatalogService>(*s.readers);
    s.requests = std::make_unique<app::RequestService>(*s.readers, *s.writer, *s.catalog);
    {
        // Attachment bytes; what a crash left behind (temp files, blobs no row names) goes now.
        auto blobs = app::BlobStore::Open(config.data_dir);
        if (!blobs.ok()) return blobs.error();
        s.blobs = std::move(*blobs);
        auto lease = s.readers->Acquire();
        s.blobs->RemoveUnknown([&](const std::string& sha) {
            auto known = storage::BlobExists(*lease, sha);
            return !known.ok() || *known;  // in doubt, keep it
        });
        s.requests->SetAttachments(s.blobs.get(), app::AttachmentLimits{config.max_file_bytes, config.max_request_bytes});
    }
    phases.Mark("attachments");
    s.workspace = std::make_unique<app::WorkspaceService>(*s.readers, *s.writer);
    s.events = std::make_unique<app::EventHub>();
    s.requests->SetEvents(s.events.get());
    {
        std::lock_guard lock(s.changed_mutex);  // the writer's housekeeping may already be running
        s.on_requests_changed = [&s](const std::vector<RequestId>& ids) { s.requests->PublishSystemChanges(ids); };
    }

    s.kb = std::make_unique<app::KbService>(*s.readers, *s.writer);
    s.agents = std::make_unique<app::AgentService>(*s.readers, *s.writer);
    // Housekeeping is set before the first write job (the demo seed below), after everything it uses.
    // The SLA jobs' changed requests are reported once the housekeeping transaction committed.
    auto housekeeping = [&s](storage::Database& db) -> Result<Unit> {
        const Timestamp now = app::NowMs();
        s.housekeeping_changed.clear();
        if (auto r = s.kb->WritePendingViews(db); !r.ok()) return r.error();
        if (auto r = storage::DeleteExpiredSessions(db, now); !r.ok()) return r.error();
        if (auto r = storage::DeleteIdempotencyRecordsBefore(db, now - kIdempotencyRetentionMs); !r.ok())
            return r.error();
        if (auto r = app::WalkupService::ReleaseNoShows(db, now); !r.ok()) return r.error();
        if (auto r = app::RemindApprovers(db, now); !r.ok()) return r.error();
        auto collected = app::RequestService::CollectAttachments(db, now);
        if (!collected.ok()) return collected.error();
        s.collected_blobs = std::move(*collected);
        auto changed = app::RunSlaJobs(db, now, s.config.auto_close_days);
        if (!changed.ok()) return changed.error();
        s.housekeeping_changed = std::move(*changed);
        return Unit{};
    };
    s.writer->SetHousekeeping(housekeeping, [&s] {
        s.requests->RemoveCollected(std::exchange(s.collected_blobs, {}));
        s.ReportRequestsChanged(std::exchange(s.housekeeping_changed, {}));
    });
    phases.Mark("services");
    if (config.demo) {
        auto seeded = app::SeedDemoIfEmpty(*s.writer, config.assets_dir, app::NowMs());
        if (!seeded.ok()) return seeded.error();
        auto groups = app::SeedDemoGroupsIfEmpty(*s.writer);
        if (!groups.ok()) return groups.error();
        auto canned = app::SeedDemoCannedIfEmpty(*s.writer, app::NowMs());
        if (!canned.ok()) return canned.error();
        auto articles = s.kb->SeedDemoIfEmpty(config.assets_dir, app::NowMs());
        if (!articles.ok()) return articles.error();
    }
    phases.Mark("demo seed");
    if (auto indexed = s.kb->Refresh(app::NowMs()); !indexed.ok()) return indexed.error();
    phases.Mark("kb index");
    if (auto loaded = s.catalog->Reload(); !loaded.ok()) return loaded.error();
    phases.Mark("catalog");
    s.walkup = std::make_unique<app::WalkupService>(*s.readers, *s.writer, *s.catalog);
    s.walkup->SetEvents(s.events.get());
    if (config.demo) {  // after the catalog: reasons name the catalog items their visits file
        auto desks = s.walkup->SeedDemoIfEmpty(config.assets_dir);
        if (!desks.ok()) return desks.error();
    }

    std::unique_ptr<http::StaticFiles> web;
    if (!config.web_dir.empty()) {
        auto files = http::StaticFiles::Load(config.web_dir);
        if (!files.ok()) return files.error();
        web = std::move(*files);
    }
    http::Router router;
    http::AddApiRoutes(router, {*s.auth, *s.catalog, *s.requests, *s.kb, *s.events, *s.agents, *s.workspace, *s.walkup});
    http::AddReportRoutes(router, *s.reports);
    http::HttpOptions options;
    options.threads = config.threads;
    options.max_streams = app::EventHub::kMaxStreams;
    options.allowed_hosts = config.allowed_hosts;
    options.max_upload_bytes = config.max_file_bytes + 64 * 1024;  // the handler says 413 with the limit
    options.connections = config.connections;
    options.trusted_proxies = config.trusted_proxies;
    options.kiosk_auth = [w = s.walkup.get()](std::string_view token, Timestamp now) { return w->AuthenticateKiosk(token, now); };
    s.http = std::make_unique<http::HttpServer>(std::move(router), std::move(web), *s.auth, options);
    phases.Mark("walk-up, web files and routes");
    if (config.startup_timings) std::fprintf(stderr, "spoc: start-up phases (ms): %s\n", phases.Text().c_str());
    return server;
}

Result<int> SpocServer::Bind() { return m->http->Bind(m->config.host, m->config.port); }
bool SpocServer::Listen() { return m->http->Listen(); }
void SpocServer::Stop() {
    m->events->Shutdown();
    m->http->Stop();
}
void SpocServer::WaitUntilReady() const { m->http->WaitUntilReady(); }
const std::string& SpocServer::DatabasePath() const { return m->db_path; }
const ServerConfig& SpocServer::Config() const { return m->config; }

std::vector<std::pair<std::string, std::string>> SpocServer::Routes() const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& route : m->http->Routes().Routes()) out.emplace_back(route.method, route.pattern);
    return out;
}

Result<std::string> SpocServer::ImportKnowledge(const std::string& folder, const std::string& as_user, int* problems) {
    auto report = m->kb->ImportFolder(folder, as_user, app::NowMs());
    if (!report.ok()) return report.error();
    *problems = static_cast<int>(report->problems.size());
    std::string text = "imported " + folder + ": " + std::to_string(report->created) + " created, " +
                       std::to_string(report->updated) + " updated, " + std::to_string(report->unchanged) +
                       " unchanged, " + std::to_string(report->problems.size()) + " problem(s)\n";
    for (const std::string& p : report->problems) text += "  " + p + "\n";
    return text;
}

Result<Unit> SpocServer::RunHousekeepingAt(Timestamp now) {
    const int days = m->config.auto_close_days;
    std::vector<std::string> collected;
    auto changed = m->writer->Run([&](storage::Database& db) -> Result<std::vector<RequestId>> {
        if (auto r = app::RemindApprovers(db, now); !r.ok()) return r.error();
        auto gone = app::RequestService::CollectAttachments(db, now);
        if (!gone.ok()) return gone.error();
        collected = std::move(*gone);
        return app::RunSlaJobs(db, now, days);
    });
    if (!changed.ok()) return changed.error();
    m->requests->RemoveCollected(std::move(collected));
    m->ReportRequestsChanged(*changed);
    return Unit{};
}

void SpocServer::CountWriteVmSteps(bool on) { m->writer->CountVmSteps(on); }
std::uint64_t SpocServer::WriteVmSteps() const { return m->writer->JobVmSteps(); }

std::string SpocServer::WriterStatsText() const {
    const auto stats = m->writer->Stats();
    return "jobs=" + std::to_string(stats.jobs) + " batches=" + std::to_string(stats.batches) +
           " max_batch=" + std::to_string(stats.max_batch);
}

}  // namespace spoc
