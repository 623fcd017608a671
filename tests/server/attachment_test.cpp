// Attachments over real HTTP (issue 13): uploads stream into <data>/blobs under their SHA-256 and
// are staged for their uploader; a reply, an internal note or a new request links them in its own
// transaction; downloads carry nosniff, a sandbox CSP and Content-Disposition; access follows the
// request (an internal note's file never reaches the requester); the type comes from the bytes (an
// .exe renamed .png is refused), names lose their paths; limits answer 413; an upload cut short
// leaves nothing; uploads never linked are collected with their bytes; a crash's leftovers go at
// the next start.
#include <doctest/doctest.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "server/storage/sqlite.h"
#include "shared/api/routes.h"
#include "test_support.h"

using namespace spoc::test;
namespace fs = std::filesystem;

namespace {

std::string Png(std::size_t size = 600) {
    std::string bytes("\x89PNG\r\n\x1a\n", 8);
    bytes += std::string("\0\0\0\rIHDR", 8);
    while (bytes.size() < size) bytes += static_cast<char>(bytes.size() * 7 % 251);
    return bytes;
}

std::string Exe() {
    std::string bytes("MZ\x90\0\3\0\0\0\4\0\0\0\xff\xff\0\0", 16);
    while (bytes.size() < 700) bytes += '\0';
    return bytes;
}

std::string UrlEncode(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '.' || c == '-' || c == '_') out += static_cast<char>(c);
        else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

httplib::Result Upload(httplib::Client& cli, const Session& s, const std::string& name, const std::string& bytes) {
    return cli.Post(std::string(spoc::routes::kUploads) + "?name=" + UrlEncode(name), AuthHeaders(s), bytes,
                    "application/octet-stream");
}

json UploadOk(httplib::Client& cli, const Session& s, const std::string& name, const std::string& bytes) {
    auto res = Upload(cli, s, name, bytes);
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 201, res->body);
    return Body(res);
}

std::string FileUrl(const json& a) { return std::string(spoc::routes::kAttachments) + "/" + std::to_string(a["id"].get<int>()); }

int FilesUnder(const fs::path& dir) {
    int n = 0;
    std::error_code ec;
    for (const auto& e : fs::recursive_directory_iterator(dir, ec))
        if (e.is_regular_file()) ++n;
    return n;
}

httplib::Result Comment(httplib::Client& cli, const Session& s, int request, const json& body) {
    return PostJson(cli, s, std::string(spoc::routes::kRequests) + "/" + std::to_string(request) + "/comments", body.dump());
}

}  // namespace

TEST_CASE("attachments: upload, link to a reply, read it back; staged files are their uploader's alone") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma"), liam = SignIn(cli, "liam"), ava = SignIn(cli, "ava");
    const json request = CreateRequestOk(cli, emma, ValidLaptopDraft());
    const int id = request["id"];

    const std::string png = Png();
    const json up = UploadOk(cli, emma, "C:\\Users\\emma\\Desktop\\screen shot.png", png);
    CHECK(up["name"] == "screen shot.png");  // the path is gone
    CHECK(up["mime"] == "image/png");
    CHECK(up["size"] == png.size());
    CHECK(up["image"] == true);
    // Staged: emma may read it back; nobody else, not even staff, can.
    auto mine = cli.Get(FileUrl(up), AuthHeaders(emma, false));
    REQUIRE(mine);
    CHECK(mine->status == 200);
    CHECK(mine->body == png);
    for (const Session* other : {&liam, &ava}) CHECK(cli.Get(FileUrl(up), AuthHeaders(*other, false))->status == 404);
    // Nor may another employee link it to their own request.
    const json liams = CreateRequestOk(cli, liam, ValidLaptopDraft());
    auto stolen = Comment(cli, liam, liams["id"], {{"body", "mine now"}, {"attachments", {up["id"]}}});
    REQUIRE(stolen);
    CHECK(stolen->status == 422);
    CHECK(Body(stolen)["error"]["field"] == "attachments");

    // A reply with just the screenshot.
    auto reply = Comment(cli, emma, id, {{"body", ""}, {"attachments", {up["id"]}}});
    REQUIRE(reply);
    REQUIRE_MESSAGE(reply->status == 201, reply->body);
    CHECK(Body(reply)["attachments"][0]["id"] == up["id"]);
    const json detail = GetOk(cli, emma, std::string(spoc::routes::kRequests) + "/" + std::to_string(id));
    REQUIRE(detail["comments"].size() == 1);
    CHECK(detail["comments"][0]["attachments"][0]["name"] == "screen shot.png");
    // Linked once: it can't be linked again.
    auto again = Comment(cli, emma, id, {{"body", "again"}, {"attachments", {up["id"]}}});
    CHECK(again->status == 422);

    // Now it follows the request: ava (staff) reads it, liam still can't.
    auto as_ava = cli.Get(FileUrl(up), AuthHeaders(ava, false));
    REQUIRE(as_ava);
    CHECK(as_ava->status == 200);
    CHECK(as_ava->body == png);
    CHECK(as_ava->get_header_value("Content-Type") == "image/png");
    CHECK(as_ava->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(as_ava->get_header_value("Content-Security-Policy").find("sandbox") != std::string::npos);
    CHECK(as_ava->get_header_value("Content-Disposition").rfind("attachment;", 0) == 0);
    // (httplib's client percent-decodes header values: "screen%20shot.png" on the wire reads as below.)
    CHECK_MESSAGE(as_ava->get_header_value("Content-Disposition").find("filename*=UTF-8''screen shot.png") != std::string::npos,
                  as_ava->get_header_value("Content-Disposition"));
    auto shown = cli.Get(FileUrl(up) + "?inline=1", AuthHeaders(ava, false));
    CHECK(shown->get_header_value("Content-Disposition").rfind("inline;", 0) == 0);
    CHECK(cli.Get(FileUrl(up), AuthHeaders(liam, false))->status == 404);
    CHECK(cli.Get(std::string(spoc::routes::kAttachments) + "/999999", AuthHeaders(ava, false))->status == 404);

    // One copy of the bytes however often they are uploaded.
    UploadOk(cli, liam, "same.png", png);
    CHECK(CountRows(server, "SELECT COUNT(*) FROM blobs") == 1);
    CHECK(CountRows(server, "SELECT COUNT(*) FROM attachments") == 2);
    // Without a session or CSRF token nothing is stored.
    auto anonymous = cli.Post(spoc::routes::kUploads + std::string("?name=a.png"), png, "application/octet-stream");
    CHECK(anonymous->status == 401);
    auto no_csrf = cli.Post(spoc::routes::kUploads + std::string("?name=a.png"), AuthHeaders(emma, false), png, "application/octet-stream");
    CHECK(no_csrf->status == 403);
    CHECK(CountRows(server, "SELECT COUNT(*) FROM attachments") == 2);
}

TEST_CASE("attachments: the type comes from the bytes; names lose their paths and get the right extension") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    // An executable renamed .png.
    auto spoofed = Upload(cli, emma, "holiday.png", Exe());
    REQUIRE(spoofed);
    CHECK(spoofed->status == 415);
    CHECK(Body(spoofed)["error"]["field"] == "file");
    // A picture named .exe is a picture, and is offered as one.
    CHECK(UploadOk(cli, emma, "invoice.exe", Png())["name"] == "invoice.exe.png");
    // A path-traversal name is just a name, stored under the content's hash.
    const json text = UploadOk(cli, emma, "../../../etc/passwd", "root:x:0:0:root:/root:/bin/bash\n");
    CHECK(text["name"] == "passwd.txt");
    CHECK(text["mime"] == "text/plain");
    CHECK(!fs::exists(server.dir() / "etc"));
    CHECK(UploadOk(cli, emma, "..", "just text")["name"] == "file.txt");
    auto empty = Upload(cli, emma, "empty.txt", "");
    CHECK(empty->status == 422);
    CHECK(CountRows(server, "SELECT COUNT(*) FROM attachments") == 3);
    CHECK(FilesUnder(server.dir() / "data" / "blobs" / "tmp") == 0);  // refused uploads left nothing
}

TEST_CASE("attachments: per-file and per-request limits answer 413 and store nothing") {
    TestServer server([](spoc::ServerConfig& c) {
        c.max_file_bytes = 2000;
        c.max_request_bytes = 3000;
    });
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    auto big = Upload(cli, emma, "big.png", Png(2500));
    REQUIRE(big);
    CHECK(big->status == 413);
    CHECK(CountRows(server, "SELECT COUNT(*) FROM attachments") == 0);
    // The connection is still good afterwards.
    CHECK(Upload(cli, emma, "ok.png", Png(1800))->status == 201);

    const json request = CreateRequestOk(cli, emma, ValidLaptopDraft());
    const json a = UploadOk(cli, emma, "a.png", Png(1500)), b = UploadOk(cli, emma, "b.png", Png(1600));
    auto both = Comment(cli, emma, request["id"], {{"body", "two big ones"}, {"attachments", {a["id"], b["id"]}}});
    REQUIRE(both);
    CHECK_MESSAGE(both->status == 413, both->body);
    const std::string on_request = " WHERE request_id = " + std::to_string(request["id"].get<int>());
    CHECK(CountRows(server, "SELECT COUNT(*) FROM comments" + on_request) == 0);  // the reply did not half-happen
    CHECK(CountRows(server, "SELECT COUNT(*) FROM attachments WHERE request_id IS NOT NULL") == 0);
    CHECK(Comment(cli, emma, request["id"], {{"body", "one"}, {"attachments", {a["id"]}}})->status == 201);
    // Too many ids in one message, or nonsense ids.
    json many = json::array();
    for (int i = 1; i <= 11; ++i) many.push_back(i);
    CHECK(Comment(cli, emma, request["id"], {{"body", "x"}, {"attachments", many}})->status == 422);
    CHECK(Comment(cli, emma, request["id"], {{"body", "x"}, {"attachments", {-3}}})->status == 400);
}

TEST_CASE("attachments: an internal note's file never reaches the requester; a new request carries files") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma"), ava = SignIn(cli, "ava");
    const json shot = UploadOk(cli, emma, "error.png", Png());
    json draft = ValidLaptopDraft();
    draft["attachments"] = {shot["id"]};
    const json request = CreateRequestOk(cli, emma, draft);
    const int id = request["id"];
    CHECK(request["attachments"][0]["name"] == "error.png");

    const json log = UploadOk(cli, ava, "vpn-debug.log", "2026-12-07 10:00:01 TLS handshake failed SECRET-LOG-7F\n");
    auto note = Comment(cli, ava, id, {{"body", "Gateway log attached"}, {"internal", true}, {"attachments", {log["id"]}}});
    REQUIRE(note);
    REQUIRE(note->status == 201);
    const std::string path = std::string(spoc::routes::kRequests) + "/" + std::to_string(id);
    auto as_emma = Get(cli, emma, path);
    CHECK(as_emma->body.find("vpn-debug") == std::string::npos);
    CHECK(Body(as_emma)["attachments"][0]["name"] == "error.png");
    CHECK(cli.Get(FileUrl(log), AuthHeaders(emma, false))->status == 404);
    auto as_ava = GetOk(cli, ava, path);
    CHECK(as_ava["comments"][0]["attachments"][0]["name"] == "vpn-debug.log");
    CHECK(cli.Get(FileUrl(log), AuthHeaders(ava, false))->body.find("SECRET-LOG-7F") != std::string::npos);
    CHECK(cli.Get(FileUrl(shot), AuthHeaders(ava, false))->status == 200);
}

TEST_CASE("attachments: an upload cut short leaves nothing; unlinked uploads are collected; a crash's leftovers go at start") {
    TestServer server;
    auto cli = server.Client();
    const Session emma = SignIn(cli, "emma");
    const fs::path blobs = server.dir() / "data" / "blobs";

    // The client promises 100 kB, sends 1 kB and hangs up.
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        REQUIRE(fd >= 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<std::uint16_t>(server.port()));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        std::string head = "POST /api/v1/uploads?name=cut.png HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(server.port()) +
                           "\r\nCookie: spoc_session=" + emma.token + "\r\nX-CSRF-Token: " + emma.csrf +
                           "\r\nContent-Type: application/octet-stream\r\nContent-Length: 100000\r\n\r\n";
        head += Png(1000);
        REQUIRE(::send(fd, head.data(), head.size(), 0) == static_cast<ssize_t>(head.size()));
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        ::close(fd);
    }
    for (int i = 0; i < 100 && FilesUnder(blobs / "tmp") > 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(FilesUnder(blobs / "tmp") == 0);
    CHECK(CountRows(server, "SELECT COUNT(*) FROM attachments") == 0);

    // Staged for more than a day: collected with its bytes; a linked file stays.
    const json request = CreateRequestOk(cli, emma, ValidLaptopDraft());
    const json kept = UploadOk(cli, emma, "kept.png", Png(700));
    const json dropped = UploadOk(cli, emma, "dropped.txt", "never sent");
    REQUIRE(Comment(cli, emma, request["id"], {{"body", "see picture"}, {"attachments", {kept["id"]}}})->status == 201);
    CHECK(FilesUnder(blobs) == 2);
    REQUIRE(server.server().RunHousekeepingAt(NowSeconds() * 1000 + 25 * 3600 * 1000LL).ok());
    CHECK(CountRows(server, "SELECT COUNT(*) FROM attachments") == 1);
    CHECK(CountRows(server, "SELECT COUNT(*) FROM blobs") == 1);
    CHECK(FilesUnder(blobs) == 1);
    CHECK(cli.Get(FileUrl(dropped), AuthHeaders(emma, false))->status == 404);
    CHECK(cli.Get(FileUrl(kept), AuthHeaders(emma, false))->status == 200);

    // What a crash may leave: a temp file mid-upload, a blob whose row never committed.
    server.Restart([&] {
        std::ofstream(blobs / "tmp" / "half-written") << "partial";
        const std::string sha(64, 'a');
        fs::create_directories(blobs / "aa");
        std::ofstream(blobs / "aa" / sha) << "orphan";
    });
    CHECK(FilesUnder(blobs) == 1);
    CHECK(cli.Get(FileUrl(kept), AuthHeaders(SignIn(cli, "emma"), false))->status == 200);
}
