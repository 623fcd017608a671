// Helpers for the server tests: temp folders, a fixture catalog (built with the shared codec and
// written as <assets>/demo/catalog.json), an in-process server on a free loopback port with demo
// data, and small HTTP helpers (sign in, authenticated GET/POST/DELETE, JSON access).
#pragma once
#include <httplib.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "server/spoc_server.h"
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

// Items: "New laptop" (every field type, a pattern, bounds), "VPN problem" (incident, asks urgency),
// "Desk move" (Facilities). Ids are assigned by the database in this order: 1, 2, 3.
std::vector<CatalogItem> FixtureCatalog();
void WriteFixtureAssets(const fs::path& assets_dir);  // assets_dir/demo/catalog.json
fs::path SourceDir();                                 // this folder, from __FILE__
fs::path ServerBinary();                              // built spoc-server next to the test binary

// The real server, in process, on 127.0.0.1:<free port>, with fixture demo data.
class TestServer {
public:
    explicit TestServer(std::function<void(ServerConfig&)> tweak = {});
    ~TestServer();
    void Restart();  // stop, then open the same data folder again
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
std::string ErrorCodeOf(const httplib::Result& res);  // error.code of a JSON error body

// A valid draft for the fixture's "New laptop" (item id 1).
json ValidLaptopDraft();

}  // namespace spoc::test
