// HTTP plumbing: JSON errors for everything (404/405/400/413/415/500/503 + Retry-After), security
// headers, Range refused on the API, the OpenAPI document against the router, static files (MIME,
// gzip, ETag/304, CSP), flags, and the demo catalog loader.
#include <doctest/doctest.h>
#include <zlib.h>

#include <fstream>

#include "server/app/auth_service.h"
#include "server/app/crypto.h"
#include "server/app/demo_seed.h"
#include "server/http/http_server.h"
#include "server/http/static_files.h"
#include "server/storage/migrations.h"
#include "shared/domain/limits.h"
#include "test_support.h"

using namespace spoc;
using namespace spoc::test;

namespace {

std::string Gunzip(const std::string& data) {
    z_stream z{};
    REQUIRE(inflateInit2(&z, 15 + 16) == Z_OK);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    std::string out;
    int rc = Z_OK;
    while (rc == Z_OK) {
        char chunk[16384];
        z.next_out = reinterpret_cast<Bytef*>(chunk);
        z.avail_out = sizeof chunk;
        rc = inflate(&z, Z_NO_FLUSH);
        out.append(chunk, sizeof chunk - z.avail_out);
    }
    inflateEnd(&z);
    REQUIRE(rc == Z_STREAM_END);
    return out;
}

void CheckSecurityHeaders(const httplib::Result& res) {
    CHECK(res->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(res->get_header_value("Referrer-Policy") == "no-referrer");
    CHECK(res->get_header_value("X-Frame-Options") == "DENY");
}

}  // namespace

TEST_CASE("errors are JSON with the code's status: 404, 405, 400, 413, 415") {
    TestServer server;
    auto cli = server.Client();
    Session s = SignIn(cli, "emma");

    auto unknown = cli.Get("/api/v1/nope");
    REQUIRE(unknown);
    CHECK(unknown->status == 404);
    CHECK(ErrorCodeOf(unknown) == "not_found");
    CHECK(unknown->get_header_value("Content-Type") == "application/json");
    CheckSecurityHeaders(unknown);
    CHECK(unknown->get_header_value("Cache-Control") == "no-store");

    auto wrong_method = cli.Put("/api/v1/catalog", AuthHeaders(s), "{}", "application/json");
    REQUIRE(wrong_method);
    CHECK(wrong_method->status == 405);
    CHECK(ErrorCodeOf(wrong_method) == "method_not_allowed");
    CHECK(wrong_method->get_header_value("Allow") == "GET");
    auto wrong_method2 = cli.Delete("/api/v1/requests", AuthHeaders(s));
    REQUIRE(wrong_method2);
    CHECK(wrong_method2->status == 405);
    CHECK(wrong_method2->get_header_value("Allow") == "GET, POST");

    // No body at all (no Content-Length): still a clean 405, not a read error.
    httplib::Client raw("127.0.0.1", server.port());
    auto bodiless = raw.Put("/api/v1/session");
    REQUIRE(bodiless);
    CHECK(bodiless->status == 405);
    CHECK(bodiless->get_header_value("Allow") == "POST, DELETE");

    auto malformed = PostJson(cli, s, "/api/v1/requests", R"({"catalog_item_id": 1,)");
    REQUIRE(malformed);
    CHECK(malformed->status == 400);
    CHECK(ErrorCodeOf(malformed) == "invalid_json");
    auto malformed_sign_in = cli.Post("/api/v1/session", "{nope", "application/json");
    REQUIRE(malformed_sign_in);
    CHECK(malformed_sign_in->status == 400);
    CHECK(ErrorCodeOf(malformed_sign_in) == "invalid_json");
    auto wrong_shape = PostJson(cli, s, "/api/v1/requests", R"({"catalog_item_id": "one"})");
    REQUIRE(wrong_shape);
    CHECK(wrong_shape->status == 400);
    CHECK(Body(wrong_shape)["error"]["field"] == "catalog_item_id");

    const std::string huge =
        R"({"catalog_item_id":1,"description":")" + std::string(limits::kMaxBodyBytes, 'x') + "\"}";
    auto too_big = PostJson(cli, s, "/api/v1/requests", huge);
    REQUIRE(too_big);
    CHECK(too_big->status == 413);
    CHECK(ErrorCodeOf(too_big) == "payload_too_large");
    // The connection is still usable afterwards.
    auto after = Get(cli, s, "/api/v1/me");
    REQUIRE(after);
    CHECK(after->status == 200);

    auto text = cli.Post("/api/v1/requests", AuthHeaders(s), ValidLaptopDraft().dump(), "text/plain");
    REQUIRE(text);
    CHECK(text->status == 415);
    CHECK(ErrorCodeOf(text) == "unsupported_media");
    auto form = cli.Post("/api/v1/session", "username=emma&password=spoc-demo", "application/x-www-form-urlencoded");
    REQUIRE(form);
    CHECK(form->status == 415);
    auto charset =
        cli.Post("/api/v1/requests", AuthHeaders(s), ValidLaptopDraft().dump(), "application/json; charset=utf-8");
    REQUIRE(charset);
    CHECK(charset->status == 201);
}

TEST_CASE("a gzip request body may not inflate past the size limit") {
    TestServer server;
    auto cli = server.Client();
    Session s = SignIn(cli, "emma");
    const std::string big =
        R"({"catalog_item_id":1,"description":")" + std::string(2 * limits::kMaxBodyBytes, 'x') + "\"}";
    const std::string gz = http::GzipBytes(big);
    REQUIRE(gz.size() < limits::kMaxBodyBytes);
    httplib::Headers h = AuthHeaders(s);
    h.emplace("Content-Encoding", "gzip");
    auto res = cli.Post("/api/v1/requests", h, gz, "application/json");
    REQUIRE(res);
    CHECK(res->status == 413);
    CHECK(ErrorCodeOf(res) == "payload_too_large");
}

TEST_CASE(
    "a handler that throws gives 500 internal JSON, without details, and the server lives on; 503 says Retry-After") {
    test::TempDir dir;
    REQUIRE(app::InitCrypto().ok());
    const std::string path = (dir.path() / "e.db").string();
    auto db = storage::Database::Open(path, storage::OpenMode::read_write);
    REQUIRE(db.ok());
    REQUIRE(storage::Migrate(**db).ok());
    storage::Writer writer(std::move(*db), 1);
    auto readers = storage::ReaderPool::Open(path, 1);
    REQUIRE(readers.ok());
    app::AuthService auth(**readers, writer);

    http::Router router;
    router.Add("GET", "/api/v1/boom", http::Access::anyone,
               [](http::RequestContext&) -> Result<http::Reply> { throw std::runtime_error("secret detail"); });
    router.Add("GET", "/api/v1/fine", http::Access::anyone, [](http::RequestContext&) -> Result<http::Reply> {
        return http::Reply{200, "{}", "application/json", {}, {}};
    });
    router.Add("GET", "/api/v1/busy", http::Access::anyone,
               [](http::RequestContext&) -> Result<http::Reply> { return MakeError(ErrorCode::unavailable); });
    http::HttpServer http_server(std::move(router), nullptr, auth, {});
    auto port = http_server.Bind("127.0.0.1", 0);
    REQUIRE(port.ok());
    std::thread listener([&] { http_server.Listen(); });
    http_server.WaitUntilReady();

    httplib::Client cli("127.0.0.1", *port);
    auto boom = cli.Get("/api/v1/boom");
    REQUIRE(boom);
    CHECK(boom->status == 500);
    CHECK(ErrorCodeOf(boom) == "internal");
    CHECK(boom->body.find("secret") == std::string::npos);
    CheckSecurityHeaders(boom);
    auto fine = cli.Get("/api/v1/fine");
    REQUIRE(fine);
    CHECK(fine->status == 200);
    CHECK_FALSE(fine->has_header("Retry-After"));
    auto busy = cli.Get("/api/v1/busy");
    REQUIRE(busy);
    CHECK(busy->status == 503);
    CHECK(ErrorCodeOf(busy) == "unavailable");
    CHECK(busy->get_header_value("Retry-After") == "1");

    http_server.Stop();
    listener.join();
}

TEST_CASE("Range on the API is refused before the handler runs: no committed write answered with an error") {
    TestServer server;
    auto cli = server.Client();
    Session s = SignIn(cli, "emma");
    auto count_rows = [&] {
        auto db = storage::Database::Open(server.db_path(), storage::OpenMode::read_only);
        REQUIRE(db.ok());
        auto q = (*db)->Prepare("SELECT COUNT(*) FROM requests");
        REQUIRE(q.ok());
        REQUIRE(*q->Step());
        return q->Int(0);
    };
    const auto rows_before = count_rows();

    auto ranged = PostJson(cli, s, "/api/v1/requests", ValidLaptopDraft().dump(), {{"Range", "bytes=999999-"}});
    REQUIRE(ranged);
    CHECK(ranged->status == 400);
    CHECK(ErrorCodeOf(ranged) == "bad_request");
    CHECK(Body(ranged)["error"]["field"] == "Range");
    CHECK(count_rows() == rows_before);  // an error answer, and nothing stored

    auto ranged_get = cli.Get("/api/v1/me", {{"Cookie", "spoc_session=" + s.token}, {"Range", "bytes=0-3"}});
    REQUIRE(ranged_get);
    CHECK(ranged_get->status == 400);

    auto plain = PostJson(cli, s, "/api/v1/requests", ValidLaptopDraft().dump());
    REQUIRE(plain);
    CHECK(plain->status == 201);
    CHECK(count_rows() == rows_before + 1);
}

TEST_CASE("openapi.json describes every routed method and path") {
    TestServer server;
    auto cli = server.Client();
    auto res = cli.Get("/api/v1/openapi.json");
    REQUIRE(res);
    CHECK(res->status == 200);
    const json doc = Body(res);
    CHECK(doc["openapi"].get<std::string>().rfind("3.0", 0) == 0);
    const auto routes = server.server().Routes();
    CHECK(routes.size() == 88);
    for (const auto& [method, pattern] : routes) {
        CAPTURE(method);
        CAPTURE(pattern);
        std::string lower = method;
        for (auto& c : lower) c = static_cast<char>(std::tolower(c));
        REQUIRE(doc["paths"].contains(pattern));
        REQUIRE(doc["paths"][pattern].contains(lower));
        CHECK(doc["paths"][pattern][lower].contains("responses"));
    }
    CHECK(doc["components"]["schemas"].contains("Error"));
    CHECK(
        doc["paths"]["/api/v1/requests"]["post"]["responses"]["422"]["content"]["application/json"]["schema"]["$ref"] ==
        "#/components/schemas/Error");
    // Every $ref points at a schema that exists.
    std::function<void(const json&)> check_refs = [&](const json& node) {
        if (node.is_object()) {
            if (node.contains("$ref")) {
                const std::string ref = node["$ref"];
                CHECK(doc["components"]["schemas"].contains(ref.substr(ref.rfind('/') + 1)));
            }
            for (const auto& [k, v] : node.items()) check_refs(v);
        } else if (node.is_array()) {
            for (const auto& v : node) check_refs(v);
        }
    };
    check_refs(doc);
}

TEST_CASE("static web client: index, MIME types, gzip, ETag 304, CSP on HTML, 404 JSON") {
    test::TempDir web;
    std::string wasm = std::string("\0asm\1\0\0\0", 8);
    for (int i = 0; i < 4000; ++i) wasm += static_cast<char>(i % 7);
    std::string js;
    for (int i = 0; i < 200; ++i) js += "console.log('spoc line " + std::to_string(i) + "');\n";
    const std::string html = "<!doctype html><title>Spoc</title><canvas id=c></canvas><script src=app.js></script>";
    std::ofstream(web.path() / "index.html") << html;
    std::ofstream(web.path() / "app.js") << js;
    std::ofstream(web.path() / "app.wasm", std::ios::binary) << wasm;
    std::filesystem::create_directories(web.path() / "fonts");
    std::ofstream(web.path() / "fonts" / "inter.ttf", std::ios::binary) << std::string(1000, 'f');

    TestServer server([&](ServerConfig& c) { c.web_dir = web.path().string(); });
    auto cli = server.Client();
    cli.set_decompress(false);

    auto index = cli.Get("/", {{"Accept-Encoding", "identity"}});
    REQUIRE(index);
    CHECK(index->status == 200);
    CHECK(index->body == html);
    CHECK(index->get_header_value("Content-Type").rfind("text/html", 0) == 0);
    CHECK(index->get_header_value("Content-Security-Policy").find("script-src 'self' 'wasm-unsafe-eval'") !=
          std::string::npos);
    CHECK(index->get_header_value("Content-Security-Policy").find("frame-ancestors 'none'") != std::string::npos);
    CHECK(index->get_header_value("Cache-Control") == "no-cache");
    CheckSecurityHeaders(index);

    auto plain = cli.Get("/app.wasm", {{"Accept-Encoding", "identity"}});
    REQUIRE(plain);
    CHECK(plain->status == 200);
    CHECK(plain->get_header_value("Content-Type") == "application/wasm");
    CHECK(plain->get_header_value("Content-Encoding").empty());
    CHECK(plain->body == wasm);
    CHECK(plain->get_header_value("Vary") == "Accept-Encoding");
    CHECK(plain->get_header_value("Content-Security-Policy").empty());

    auto gz = cli.Get("/app.wasm", {{"Accept-Encoding", "gzip, deflate, br"}});
    REQUIRE(gz);
    CHECK(gz->status == 200);
    CHECK(gz->get_header_value("Content-Encoding") == "gzip");
    CHECK(gz->body.size() < wasm.size());
    CHECK(Gunzip(gz->body) == wasm);  // gzipped exactly once
    const std::string etag = gz->get_header_value("ETag");
    CHECK(etag.front() == '"');
    CHECK(etag != plain->get_header_value("ETag"));  // one strong ETag per representation

    auto not_modified = cli.Get("/app.wasm", {{"Accept-Encoding", "gzip"}, {"If-None-Match", etag}});
    REQUIRE(not_modified);
    CHECK(not_modified->status == 304);
    CHECK(not_modified->body.empty());
    auto stale = cli.Get("/app.wasm", {{"Accept-Encoding", "gzip"}, {"If-None-Match", "\"other\""}});
    REQUIRE(stale);
    CHECK(stale->status == 200);
    auto refused_gzip = cli.Get("/app.wasm", {{"Accept-Encoding", "gzip;q=0"}});
    REQUIRE(refused_gzip);
    CHECK(refused_gzip->get_header_value("Content-Encoding").empty());

    auto script = cli.Get("/app.js", {{"Accept-Encoding", "gzip"}});
    REQUIRE(script);
    CHECK(script->get_header_value("Content-Type").rfind("text/javascript", 0) == 0);
    CHECK(Gunzip(script->body) == js);

    auto font = cli.Get("/fonts/inter.ttf", {{"Accept-Encoding", "identity"}});
    REQUIRE(font);
    CHECK(font->get_header_value("Content-Type") == "font/ttf");
    CHECK(http::MimeTypeFor("/a/b.otf") == "font/otf");

    auto missing = cli.Get("/nope.js", {{"Accept-Encoding", "identity"}});
    REQUIRE(missing);
    CHECK(missing->status == 404);
    CHECK(ErrorCodeOf(missing) == "not_found");
    auto traversal = cli.Get("/../spoc.db");
    REQUIRE(traversal);
    CHECK(traversal->status >= 400);

    auto head = cli.Head("/app.wasm", {{"Accept-Encoding", "identity"}});
    REQUIRE(head);
    CHECK(head->status == 200);
    CHECK(head->body.empty());
}

TEST_CASE("flags: defaults, every flag, and errors for bad ones") {
    const char* none[] = {"spoc-server"};
    auto defaults = ParseServerArgs(1, none);
    REQUIRE(defaults.ok());
    CHECK(defaults->host == "127.0.0.1");
    CHECK(defaults->port == 8080);
    CHECK(defaults->group_commit);
    CHECK_FALSE(defaults->demo);

    const char* all[] = {"spoc-server", "--host", "0.0.0.0",  "--port=9000", "--data", "/tmp/d",
                         "--web",       "/tmp/w", "--assets", "/tmp/a",      "--demo", "--no-group-commit",
                         "--threads",   "8"};
    auto parsed = ParseServerArgs(static_cast<int>(std::size(all)), all);
    REQUIRE(parsed.ok());
    CHECK(parsed->host == "0.0.0.0");
    CHECK(parsed->port == 9000);
    CHECK(parsed->data_dir == "/tmp/d");
    CHECK(parsed->web_dir == "/tmp/w");
    CHECK(parsed->assets_dir == "/tmp/a");
    CHECK(parsed->demo);
    CHECK_FALSE(parsed->group_commit);
    CHECK(parsed->threads == 8);
    CHECK(parsed->allowed_hosts.empty());

    const char* hosts[] = {"spoc-server",  "--allow-host",  "spoc.example.com", "--allow-host=desk.lan:8443",
                           "--allow-host", "[fd00::1]:8080"};
    auto with_hosts = ParseServerArgs(static_cast<int>(std::size(hosts)), hosts);
    REQUIRE(with_hosts.ok());
    CHECK(with_hosts->allowed_hosts == std::vector<std::string>{"spoc.example.com", "desk.lan:8443", "[fd00::1]:8080"});

    for (std::vector<const char*> bad :
         std::vector<std::vector<const char*>>{{"spoc-server", "--port", "http"},
                                               {"spoc-server", "--port", "70000"},
                                               {"spoc-server", "--port"},
                                               {"spoc-server", "--frobnicate"},
                                               {"spoc-server", "--threads", "0"},
                                               {"spoc-server", "--demo=yes"},
                                               {"spoc-server", "--data", ""},
                                               {"spoc-server", "--allow-host"},
                                               {"spoc-server", "--allow-host", ""},
                                               {"spoc-server", "--allow-host", "a b"},
                                               {"spoc-server", "--allow-host", "x:0"},
                                               {"spoc-server", "--allow-host", "x:99999"},
                                               {"spoc-server", "--allow-host", "::1"},
                                               {"spoc-server", "--allow-host", "evil/x"}}) {
        CAPTURE(bad.back());
        auto r = ParseServerArgs(static_cast<int>(bad.size()), bad.data());
        CHECK_FALSE(r.ok());
    }
    CHECK(ServerUsage().find("--no-group-commit") != std::string::npos);
    CHECK(ServerUsage().find("--allow-host NAME[:PORT]") != std::string::npos);
}

TEST_CASE("demo catalog loader: the shipped assets/demo/catalog.json is valid; a bad item is named") {
    const auto shipped = SourceDir() / ".." / ".." / "assets" / "demo" / "catalog.json";
    REQUIRE_MESSAGE(std::filesystem::exists(shipped), "the shipped demo catalog is missing: " << shipped.string());
    auto items = app::LoadCatalogFile(shipped.string());
    REQUIRE_MESSAGE(items.ok(), (items.ok() ? "" : items.error().message));
    CHECK(items->size() >= 3);
    test::TempDir dir;
    const auto file = dir.path() / "catalog.json";
    std::ofstream(file) << R"({"items":[{"department":"IT","title":"Broken thing","fields":[
        {"key":"a","label":"A","type":"short_text"},{"key":"a","label":"Again","type":"short_text"}]}]})";
    auto bad = app::LoadCatalogFile(file.string());
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message.find("Broken thing") != std::string::npos);
    std::ofstream(file, std::ios::trunc) << "[1,2]";
    CHECK_FALSE(app::LoadCatalogFile(file.string()).ok());
    std::ofstream(file, std::ios::trunc) << R"({"items":[{"department":"IT","title":7}]})";
    auto undecodable = app::LoadCatalogFile(file.string());
    REQUIRE_FALSE(undecodable.ok());
    CHECK(undecodable.error().message.find(file.string()) != std::string::npos);
    CHECK_FALSE(app::LoadCatalogFile((dir.path() / "missing.json").string()).ok());
}

TEST_CASE("restart on the same data folder keeps users, sessions and requests; seeding is not repeated") {
    TestServer server;
    auto cli = server.Client();
    Session emma = SignIn(cli, "emma");
    auto created = PostJson(cli, emma, "/api/v1/requests", ValidLaptopDraft().dump());
    REQUIRE(created);
    REQUIRE(created->status == 201);
    server.Restart();
    auto cli2 = server.Client();
    auto me = Get(cli2, emma, "/api/v1/me");  // the session survived
    REQUIRE(me);
    CHECK(me->status == 200);
    auto list = Get(cli2, emma, "/api/v1/requests");
    REQUIRE(list);
    CHECK(Body(list)["total"] == 4);  // 3 seeded once + 1
    auto catalog = Get(cli2, emma, "/api/v1/catalog");
    REQUIRE(catalog);
    CHECK(Body(catalog)["items"].size() == 3);
}
