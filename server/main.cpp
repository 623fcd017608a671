// spoc-server: parses flags, opens and migrates the database, optionally seeds demo content,
// serves the JSON API (and the web client with --web) until SIGINT/SIGTERM, then stops cleanly:
// no new requests, the last writes committed, the database closed. With --backup FILE it only
// copies the data folder's live database and blobs (server/app/backup.h) and exits.
#include <signal.h>
#include <sys/resource.h>

#include <cstdio>
#include <thread>

#include "server/app/backup.h"
#include "server/spoc_server.h"

// Every connection, event stream included, holds a descriptor; the usual soft limit of 1024 would
// stop the server near 1,000 streams (EventHub::kMaxStreams) plus its worker connections. The hard
// limit is what the administrator allows: take all of it.
static void RaiseOpenFileLimit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= limit.rlim_max) return;
    limit.rlim_cur = limit.rlim_max;
    (void)setrlimit(RLIMIT_NOFILE, &limit);  // best effort: the server still runs on the old limit
}

int main(int argc, char** argv) {
    auto config = spoc::ParseServerArgs(argc, argv);
    if (!config.ok()) {
        std::fprintf(stderr, "spoc-server: %s\n%s", config.error().message.c_str(), spoc::ServerUsage().c_str());
        return 2;
    }

    if (!config->backup_file.empty()) {  // a copy of the live files, next to a running server or not
        auto report = spoc::app::BackupDataFolder(config->data_dir, config->backup_file);
        if (!report.ok()) {
            std::fprintf(stderr, "spoc-server: %s\n", report.error().message.c_str());
            return 1;
        }
        std::fputs(report->Text(config->backup_file).c_str(), stdout);
        return 0;
    }

    // Block the stop signals in every thread; one thread waits for them and stops the server.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    signal(SIGPIPE, SIG_IGN);
    RaiseOpenFileLimit();

    auto server = spoc::SpocServer::Open(*config);
    if (!server.ok()) {
        std::fprintf(stderr, "spoc-server: %s\n", server.error().message.c_str());
        return 1;
    }
    if (config->rebuild_reports) return 0;  // Open did it and said how long it took
    if (!config->import_kb_dir.empty()) {
        int problems = 0;
        auto report = (*server)->ImportKnowledge(config->import_kb_dir, config->import_as, &problems);
        if (!report.ok()) {
            std::fprintf(stderr, "spoc-server: %s\n", report.error().message.c_str());
            return 1;
        }
        std::fputs(report->c_str(), stdout);
        return problems == 0 ? 0 : 1;
    }
    auto port = (*server)->Bind();
    if (!port.ok()) {
        std::fprintf(stderr, "spoc-server: %s\n", port.error().message.c_str());
        return 1;
    }

    std::thread stopper([&] {
        int sig = 0;
        sigwait(&stop_signals, &sig);
        (*server)->Stop();
    });
    std::printf("spoc: listening on http://%s:%d (db: %s)\n", config->host.c_str(), *port,
                (*server)->DatabasePath().c_str());
    std::fflush(stdout);

    const bool listened = (*server)->Listen();
    // Listen returns after a stop signal, or on a socket failure: wake the stopper either way.
    pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
    std::fprintf(stderr, "spoc: stopped (%s)\n", (*server)->WriterStatsText().c_str());
    server->reset();
    return listened ? 0 : 1;
}
