// Test helpers (see test_support.h).
#include "test_support.h"

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <random>

#include "server/storage/sqlite.h"
#include "shared/api/dto.h"
#include "shared/domain/i18n.h"

namespace spoc::test {

TempDir::TempDir() {
    std::random_device rd;
    for (;;) {
        m_path = fs::temp_directory_path() / ("spoc-test-" + std::to_string(getpid()) + "-" + std::to_string(rd()));
        if (fs::create_directory(m_path)) break;
    }
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
}

std::vector<CatalogItem> FixtureCatalog() {
    std::vector<CatalogItem> items;

    CatalogItem laptop;
    laptop.department = "IT";
    laptop.category = "Hardware";
    laptop.title = "New laptop";
    laptop.summary = "Order a laptop";
    laptop.icon = "laptop";
    laptop.type = RequestType::service_request;
    laptop.impact = Level::low;
    laptop.urgency = Level::low;
    laptop.keywords = {"notebook", "computer"};
    laptop.sort = 10;
    {
        FieldDef model;
        model.key = "model";
        model.label = "Model";
        model.type = FieldType::single_choice;
        model.required = true;
        model.options = {{"standard", "Standard 14\""}, {"performance", "Performance 16\""}};
        FieldDef quantity;
        quantity.key = "quantity";
        quantity.label = "How many";
        quantity.type = FieldType::number;
        quantity.min = 1;
        quantity.max = 3;
        quantity.integer = true;
        FieldDef needed_by;
        needed_by.key = "needed_by";
        needed_by.label = "Needed by";
        needed_by.type = FieldType::date;
        needed_by.min_date = "today";
        FieldDef cost_centre;
        cost_centre.key = "cost_centre";
        cost_centre.label = "Cost centre";
        cost_centre.type = FieldType::short_text;
        cost_centre.required = true;
        cost_centre.pattern = "CC-[0-9]{4}";
        cost_centre.pattern_message = "Use the form CC-1234.";
        cost_centre.placeholder = "CC-1234";
        FieldDef justification;
        justification.key = "justification";
        justification.label = "Why";
        justification.type = FieldType::long_text;
        justification.max_length = 200;
        FieldDef extras;
        extras.key = "extras";
        extras.label = "Extras";
        extras.type = FieldType::multi_choice;
        extras.options = {{"mouse", "Mouse"}, {"dock", "Dock"}, {"bag", "Bag"}};
        FieldDef loaner;
        loaner.key = "loaner";
        loaner.label = "Need a loaner meanwhile";
        loaner.type = FieldType::checkbox;
        laptop.fields = {model, quantity, needed_by, cost_centre, justification, extras, loaner};
        // The performance model needs the manager, then IT asset management (any one member).
        approval::StepRule manager;
        manager.when = {{"model", {"performance"}}};
        approval::StepRule assets;
        assets.kind = approval::StepKind::group;
        assets.group = "it_asset_management";
        assets.when = manager.when;
        laptop.approval.steps = {manager, assets};
        laptop.requires_approval = true;
    }
    items.push_back(laptop);

    CatalogItem vpn;
    vpn.department = "IT";
    vpn.category = "Network";
    vpn.title = "VPN problem";
    vpn.icon = "wifi";
    vpn.type = RequestType::incident;
    vpn.impact = Level::medium;
    vpn.urgency = Level::medium;
    vpn.ask_urgency = true;
    vpn.keywords = {"vpn", "remote"};
    vpn.sort = 20;
    {
        FieldDef location;
        location.key = "location";
        location.label = "Where are you";
        location.type = FieldType::single_choice;
        location.required = true;
        location.options = {{"home", "Home"}, {"office", "Office"}};
        vpn.fields = {location};
    }
    items.push_back(vpn);

    CatalogItem desk;
    desk.department = "Facilities";
    desk.category = "Workplace";
    desk.title = "Desk move";
    desk.icon = "desk";
    desk.sort = 10;
    {
        FieldDef where;
        where.key = "new_desk";
        where.label = "New desk";
        where.type = FieldType::short_text;
        where.required = true;
        where.placeholder = "HQ3-A14";
        desk.fields = {where};
    }
    items.push_back(desk);
    return items;
}

void WriteFixtureAssets(const fs::path& assets_dir) {
    fs::create_directories(assets_dir / "demo");
    json doc = {{"items", json::array()}};
    for (const auto& item : FixtureCatalog()) {
        json j = json::parse(api::EncodeCatalogItem(item));
        j.erase("id");
        doc["items"].push_back(j);
    }
    std::ofstream(assets_dir / "demo" / "catalog.json") << doc.dump(2);
    // The small known data set (emma's three requests, liam's one), without the 90 days of history.
    std::ofstream(assets_dir / "demo" / "seed.json") << R"({"history_days": 0})";
    // Approvals: olivia manages emma; ava and root are IT asset management.
    std::ofstream(assets_dir / "demo" / "approvals.json") << R"({
  "managers": {"emma": "olivia"},
  "groups": [{"key": "it_asset_management", "name": "IT asset management", "members": ["ava", "root"]}]
})";
    // Walk-up desks: "hq" is always open (tests run at any hour), "night" never is.
    std::ofstream(assets_dir / "demo" / "walkup.json") << R"({
  "locations": [
    {"key": "hq", "name": "HQ IT Bar", "prefix": "A", "time_zone": "Europe/London", "hours": "mon-sun: 00:00-24:00",
     "desks": ["Desk 1", "Desk 2"]},
    {"key": "night", "name": "Closed Desk", "prefix": "N", "time_zone": "America/New_York", "hours": "mon-sun: closed",
     "desks": ["Window 1"]}
  ],
  "reasons": [
    {"key": "vpn", "label": "VPN trouble", "catalog_item": "VPN problem", "typical_minutes": 6},
    {"key": "other", "label": "Something else", "catalog_item": "", "typical_minutes": 10}
  ],
  "badges": {"emma": "100234", "liam": "100235"}
})";
}

fs::path SourceDir() { return fs::path(__FILE__).parent_path(); }

void InstallGerman() {
    static bool installed = false;
    if (installed) return;
    const fs::path po = SourceDir() / ".." / ".." / "assets" / "i18n" / "de.po";
    const fs::path mo = fs::temp_directory_path() / ("spoc-test-de-" + std::to_string(::getpid()) + ".mo");
    const std::string cmd = "msgfmt -o '" + mo.string() + "' '" + po.string() + "'";
    REQUIRE_MESSAGE(std::system(cmd.c_str()) == 0, cmd);
    std::ifstream in(mo, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    fs::remove(mo);
    std::string error;
    REQUIRE_MESSAGE(i18n::InstallCatalog(i18n::Lang::de, bytes.str(), &error), error);
    installed = true;
}

std::string German(const char* msgid) {
    i18n::SetThreadLocale(&i18n::InstalledLocale(i18n::Lang::de));
    std::string out = i18n::tr(msgid);
    i18n::SetThreadLocale(nullptr);
    return out;
}

fs::path ServerBinary() {
#ifdef SPOC_SERVER_BINARY
    return fs::path(SPOC_SERVER_BINARY);
#else
    return fs::read_symlink("/proc/self/exe").parent_path() / "spoc-server";
#endif
}

Run RunServerBinary(const std::vector<std::string>& args) {
    const auto binary = ServerBinary();
    REQUIRE_MESSAGE(fs::exists(binary), "spoc-server not found at " << binary.string());
    std::string command = "'" + binary.string() + "'";
    for (const auto& a : args) command += " '" + a + "'";
    command += " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    Run run;
    char chunk[4096];
    while (std::size_t n = fread(chunk, 1, sizeof chunk, pipe)) run.output.append(chunk, n);
    const int status = pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return run;
}

// [SECTION] TestServer

TestServer::TestServer(std::function<void(ServerConfig&)> tweak) {
    WriteFixtureAssets(m_dir.path() / "assets");
    m_config.host = "127.0.0.1";
    m_config.port = 0;
    m_config.data_dir = (m_dir.path() / "data").string();
    m_config.assets_dir = (m_dir.path() / "assets").string();
    m_config.demo = true;
    m_config.threads = 40;
    if (tweak) tweak(m_config);
    Start();
}

TestServer::~TestServer() { StopServer(); }

void TestServer::Start() {
    auto opened = SpocServer::Open(m_config);
    REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().message));
    m_server = std::move(*opened);
    auto port = m_server->Bind();
    REQUIRE_MESSAGE(port.ok(), (port.ok() ? "" : port.error().message));
    m_port = *port;
    m_config.port = m_port;  // a restart comes back on the same port
    m_thread = std::thread([this] { m_server->Listen(); });
    m_server->WaitUntilReady();
}

void TestServer::StopServer() {
    if (!m_server) return;
    m_server->Stop();
    if (m_thread.joinable()) m_thread.join();
    m_server.reset();
}

void TestServer::Restart() {
    StopServer();
    Start();
}

void TestServer::Restart(const std::function<void()>& while_stopped) {
    StopServer();
    while_stopped();
    Start();
}

httplib::Client TestServer::Client() const {
    httplib::Client cli("127.0.0.1", m_port);
    cli.set_connection_timeout(5, 0);
    cli.set_read_timeout(30, 0);
    return cli;
}

std::string TestServer::db_path() const { return m_config.data_dir + "/spoc.db"; }

// [SECTION] HTTP helpers

std::string CookieToken(const httplib::Result& res) {
    if (!res) return {};
    const std::string cookie = res->get_header_value("Set-Cookie");
    const std::string prefix = "spoc_session=";
    if (cookie.rfind(prefix, 0) != 0) return {};
    return cookie.substr(prefix.size(), cookie.find(';') - prefix.size());
}

Session SignIn(httplib::Client& cli, const std::string& username, const std::string& password) {
    auto res =
        cli.Post("/api/v1/session", json{{"username", username}, {"password", password}}.dump(), "application/json");
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    Session s;
    s.token = CookieToken(res);
    const json body = json::parse(res->body);
    s.csrf = body["csrf_token"].get<std::string>();
    s.user = body["user"];
    REQUIRE(!s.token.empty());
    return s;
}

httplib::Headers AuthHeaders(const Session& s, bool with_csrf) {
    httplib::Headers h = {{"Cookie", "spoc_session=" + s.token}};
    if (with_csrf) h.emplace("X-CSRF-Token", s.csrf);
    return h;
}

httplib::Result Get(httplib::Client& cli, const Session& s, const std::string& path) {
    return cli.Get(path, AuthHeaders(s, false));
}

httplib::Result PostJson(httplib::Client& cli, const Session& s, const std::string& path, const std::string& body,
                         httplib::Headers extra) {
    httplib::Headers h = AuthHeaders(s);
    for (auto& kv : extra) h.insert(kv);
    return cli.Post(path, h, body, "application/json");
}

json Body(const httplib::Result& res) {
    if (!res) return nullptr;
    return json::parse(res->body, nullptr, false);
}

json CreateRequestOk(httplib::Client& cli, const Session& s, const json& draft) {
    auto res = PostJson(cli, s, "/api/v1/requests", draft.dump());
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 201, res->body);
    return Body(res);
}

httplib::Result PatchRequest(httplib::Client& cli, const Session& s, int id, const json& body) {
    return cli.Patch("/api/v1/requests/" + std::to_string(id), AuthHeaders(s), body.dump(), "application/json");
}

json PatchRequestOk(httplib::Client& cli, const Session& s, int id, const json& body) {
    auto res = PatchRequest(cli, s, id, body);
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    return Body(res);
}

json GetOk(httplib::Client& cli, const Session& s, const std::string& path) {
    auto res = Get(cli, s, path);
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, path << ": " << res->body);
    return Body(res);
}

std::string ErrorCodeOf(const httplib::Result& res) {
    const json body = Body(res);
    if (!body.is_object() || !body.contains("error")) return "<no error body>";
    return body["error"].value("code", "<no code>");
}

json ValidLaptopDraft() {
    return json{{"catalog_item_id", 1},
                {"summary", "Laptop for the new analyst"},
                {"description", "Standard build please."},
                {"values",
                 {{"model", "standard"},
                  {"quantity", 2},
                  {"cost_centre", "CC-1234"},
                  {"extras", {"mouse", "dock"}},
                  {"loaner", true}}}};
}

std::int64_t CountRows(TestServer& server, const std::string& sql) {
    auto db = spoc::storage::Database::Open(server.db_path(), spoc::storage::OpenMode::read_only);
    REQUIRE(db.ok());
    auto q = (*db)->Prepare(sql);
    REQUIRE(q.ok());
    auto row = q->Step();
    REQUIRE(row.ok());
    REQUIRE(*row);
    return q->Int(0);
}

std::unique_ptr<spoc::storage::Database> OpenDb(TestServer& server, spoc::storage::OpenMode mode) {
    auto db = spoc::storage::Database::Open(server.db_path(), mode);
    REQUIRE(db.ok());
    return std::move(*db);
}

void ExecSql(spoc::storage::Database& db, const std::string& sql) {
    auto done = db.Exec(sql);
    REQUIRE_MESSAGE(done.ok(), (done.ok() ? sql : done.error().message));
}

std::string QueuePlan(TestServer& server, const Session& caller, spoc::storage::QueueQuery query) {
    auto db = OpenDb(server, spoc::storage::OpenMode::read_only);
    query.caller = spoc::UserId(caller.user["id"].get<std::int64_t>());
    auto text = spoc::storage::ExplainQueue(*db, query);
    REQUIRE(text.ok());
    return *text;
}

long long NowSeconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string Iso(long long seconds) {
    char buf[32];
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
    return std::string(buf);
}

std::vector<json> EventsOf(const std::string& text, const std::string& type) {
    std::vector<json> out;
    size_t at = 0;
    const std::string marker = "event: " + type + "\ndata: ";
    while ((at = text.find(marker, at)) != std::string::npos) {
        at += marker.size();
        const size_t end = text.find('\n', at);
        out.push_back(json::parse(text.substr(at, end - at), nullptr, false));
    }
    return out;
}

}  // namespace spoc::test
