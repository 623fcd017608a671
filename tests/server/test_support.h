// Helpers for the server tests: temp folders, a fixture catalog (built with the shared codec and
// written as <assets>/demo/catalog.json), an in-process server on a free loopback port with demo
// data, and small HTTP helpers (sign in, authenticated GET/POST/DELETE, JSON access).
#pragma once
#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "server/spoc_server.h"
#include "server/storage/requests_repo.h"
#include "server/storage/sqlite.h"
#include "shared/domain/catalog.h"

namespace spoc::test {

namespace fs = std::filesystem;
using nlohmann::json;

class TempDir {
public:
    TempDir();
    ~TempDir();
    const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

// Items: "New laptop" (every field type, a pattern, bounds; the "performance" model needs olivia,
// then IT asset management: ava or root), "VPN problem" (incident, asks urgency),
// "Desk move" (Facilities). Ids are assigned by the database in this order: 1, 2, 3.
std::vector<CatalogItem> FixtureCatalog();
void WriteFixtureAssets(const fs::path& assets_dir);  // assets_dir/demo/catalog.json, seed.json (no history)
fs::path SourceDir();                                 // this folder, from __FILE__
// Compiles assets/i18n/de.po with msgfmt and installs it for the process (once), as the server
// installs <web>/i18n/de.mo; German(msgid) is then its translation.
void InstallGerman();
std::string German(const char* msgid);
fs::path ServerBinary();                              // built spoc-server next to the test binary
// Runs the real spoc-server binary to completion; exit code and stdout + stderr.
struct Run {
    int exit_code = -1;
    std::string output;
};
Run RunServerBinary(const std::vector<std::string>& args);

// The real server, in process, on 127.0.0.1:<free port>, with fixture demo data.
class TestServer {
public:
    explicit TestServer(std::function<void(ServerConfig&)> tweak = {});
    ~TestServer();
    void Restart();  // stop, then open the same data folder again
    void Restart(const std::function<void()>& while_stopped);  // the same, running `while_stopped` in between
    httplib::Client Client() const;
    int port() const { return m_port; }
    SpocServer& server() { return *m_server; }
    const fs::path& dir() const { return m_dir.path(); }
    std::string db_path() const;

private:
    void Start();
    void StopServer();
    TempDir m_dir;
    ServerConfig m_config;
    std::unique_ptr<SpocServer> m_server;
    std::thread m_thread;
    int m_port = 0;
};

struct Session {
    std::string token;  // cookie value
    std::string csrf;
    json user;
};

std::string CookieToken(const httplib::Result& res);  // spoc_session value from Set-Cookie, or ""
Session SignIn(httplib::Client& cli, const std::string& username, const std::string& password = "spoc-demo");
httplib::Headers AuthHeaders(const Session& s, bool with_csrf = true);
httplib::Result Get(httplib::Client& cli, const Session& s, const std::string& path);
httplib::Result PostJson(httplib::Client& cli, const Session& s, const std::string& path, const std::string& body,
                         httplib::Headers extra = {});
json Body(const httplib::Result& res);                // parsed JSON body (null if unparsable)
// The request routes, each REQUIREing success (201 / 200) and returning the parsed body.
json CreateRequestOk(httplib::Client& cli, const Session& s, const json& draft);          // POST /api/v1/requests
httplib::Result PatchRequest(httplib::Client& cli, const Session& s, int id, const json& body); // PATCH /api/v1/requests/{id}
json PatchRequestOk(httplib::Client& cli, const Session& s, int id, const json& body);
json GetOk(httplib::Client& cli, const Session& s, const std::string& path);             // any GET, 200
std::string ErrorCodeOf(const httplib::Result& res);  // error.code of a JSON error body

// A valid draft for the fixture's "New laptop" (item id 1).
json ValidLaptopDraft();
std::int64_t CountRows(TestServer& server, const std::string& sql);  // the first column of a one-row query, read-only
// The server's SQLite file opened directly (read-write only while Restart has it stopped), and a
// statement on it that fails the test with SQLite's message.
std::unique_ptr<spoc::storage::Database> OpenDb(TestServer& server, spoc::storage::OpenMode mode);
void ExecSql(spoc::storage::Database& db, const std::string& sql);
// EXPLAIN QUERY PLAN of a queue page's ids as `caller` would ask for it, read from the server's file.
std::string QueuePlan(TestServer& server, const Session& caller, spoc::storage::QueueQuery query);
long long NowSeconds();              // the wall clock, s since 1970 (what the server under test reads)
std::string Iso(long long seconds);  // "2026-12-07T00:00:00Z"

// The parsed `data:` of every "event: <type>" block in a stream's text.
std::vector<json> EventsOf(const std::string& text, const std::string& type);

// One open GET /api/v1/events stream, read on a background thread into a buffer until closed.
class EventStream {
public:
    EventStream(int port, const Session& s, std::string last_event_id = {})
        : EventStream(port, WithLastEventId(AuthHeaders(s, false), last_event_id), "/api/v1/events") {}
    // Any stream route with any credential (a kiosk's cookie on /api/v1/kiosk/events).
    EventStream(int port, httplib::Headers headers, std::string path) : m_cli("127.0.0.1", port) {
        m_cli.set_read_timeout(60, 0);
        m_thread = std::thread([this, headers, path] {
            auto res = m_cli.Get(
                path, headers,
                [this](const httplib::Response& r) {
                    std::lock_guard<std::mutex> lock(m_mutex);
                    m_status = r.status;
                    m_content_type = r.get_header_value("Content-Type");
                    m_wake.notify_all();
                    return true;
                },
                [this](const char* data, size_t size) {
                    std::lock_guard<std::mutex> lock(m_mutex);
                    m_text.append(data, size);
                    m_wake.notify_all();
                    return !m_stop;
                });
            std::lock_guard<std::mutex> lock(m_mutex);
            if (res && m_status == 0) m_status = res->status;
            if (res) m_text += res->body;  // an error answer arrives as a normal body
            m_ended = true;
            m_wake.notify_all();
        });
    }
    ~EventStream() { Close(); }

    void Close() {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_stop = true;
        }
        m_cli.stop();
        if (m_thread.joinable()) m_thread.join();
    }

    // Waits (up to 10 s) until the text read so far contains `needle`.
    bool WaitFor(const std::string& needle) {
        std::unique_lock<std::mutex> lock(m_mutex);
        return m_wake.wait_for(lock, std::chrono::seconds(10),
                               [&] { return m_text.find(needle) != std::string::npos || m_ended; }) &&
               m_text.find(needle) != std::string::npos;
    }
    bool WaitEnded() {
        std::unique_lock<std::mutex> lock(m_mutex);
        return m_wake.wait_for(lock, std::chrono::seconds(10), [&] { return m_ended; });
    }
    std::string Text() {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_text;
    }
    int Status() {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_status;
    }
    std::string ContentType() {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_content_type;
    }

private:
    static httplib::Headers WithLastEventId(httplib::Headers h, const std::string& id) {
        if (!id.empty()) h.emplace("Last-Event-ID", id);
        return h;
    }
    httplib::Client m_cli;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::string m_text, m_content_type;
    int m_status = 0;
    bool m_stop = false, m_ended = false;
};

}  // namespace spoc::test
