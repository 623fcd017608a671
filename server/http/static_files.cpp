// In-memory static file server (see static_files.h).
#include "server/http/static_files.h"

#include "server/http/httplib_include.h"
#include <sodium.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace spoc::http {

namespace {

std::string Hex(const unsigned char* data, std::size_t size) {
    static const char kDigits[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < size; ++i) {
        out += kDigits[data[i] >> 4];
        out += kDigits[data[i] & 15];
    }
    return out;
}

std::string ContentHash(std::string_view data) {
    unsigned char hash[16];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(data.data()), data.size(), nullptr, 0);
    return Hex(hash, sizeof hash);
}

// True if the Accept-Encoding header accepts gzip (a "gzip" or "*" token without q=0).
bool AcceptsGzip(const std::string& header) {
    std::size_t pos = 0;
    while (pos <= header.size()) {
        std::size_t end = header.find(',', pos);
        if (end == std::string::npos) end = header.size();
        std::string token = header.substr(pos, end - pos);
        pos = end + 1;
        std::string params;
        if (auto semi = token.find(';'); semi != std::string::npos) {
            params = token.substr(semi + 1);
            token.resize(semi);
        }
        auto trim = [](std::string s) {
            while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.erase(s.begin());
            while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
            return s;
        };
        token = trim(token);
        params = trim(params);
        for (auto& c : token) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (token != "gzip" && token != "*") continue;
        if (params.rfind("q=", 0) == 0) {
            const double q = std::atof(params.c_str() + 2);
            if (q <= 0.0) continue;
        }
        return true;
    }
    return false;
}

// True if an If-None-Match header lists `etag` (weak comparison, as RFC 9110 asks for it) or "*".
bool EtagListed(const std::string& header, const std::string& etag) {
    std::size_t pos = 0;
    while (pos < header.size()) {
        std::size_t end = header.find(',', pos);
        if (end == std::string::npos) end = header.size();
        std::string token = header.substr(pos, end - pos);
        pos = end + 1;
        while (!token.empty() && token.front() == ' ') token.erase(token.begin());
        while (!token.empty() && token.back() == ' ') token.pop_back();
        if (token.rfind("W/", 0) == 0) token.erase(0, 2);
        if (token == "*" || token == etag) return true;
    }
    return false;
}

}  // namespace

std::string MimeTypeFor(std::string_view path) {
    static const std::pair<const char*, const char*> kTypes[] = {
        {".html", "text/html; charset=utf-8"},
        {".htm", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".wasm", "application/wasm"},
        {".json", "application/json"},
        {".map", "application/json"},
        {".webmanifest", "application/manifest+json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},
        {".gif", "image/gif"},
        {".webp", "image/webp"},
        {".ico", "image/x-icon"},
        {".otf", "font/otf"},
        {".ttf", "font/ttf"},
        {".woff", "font/woff"},
        {".woff2", "font/woff2"},
        {".txt", "text/plain; charset=utf-8"},
        {".xml", "application/xml"},
    };
    const auto dot = path.rfind('.');
    if (dot != std::string_view::npos && path.find('/', dot) == std::string_view::npos) {
        std::string ext(path.substr(dot));
        for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (const auto& [e, mime] : kTypes)
            if (ext == e) return mime;
    }
    return "application/octet-stream";
}

bool IsCompressibleMime(std::string_view mime) {
    return mime.rfind("text/", 0) == 0 || mime.rfind("application/json", 0) == 0 || mime == "application/wasm" ||
           mime == "application/manifest+json" || mime == "application/xml" || mime == "image/svg+xml" ||
           mime == "image/x-icon" || mime == "font/otf" || mime == "font/ttf";
}

std::string GzipBytes(std::string_view data) {
    z_stream z{};
    // windowBits 15 + 16: a gzip wrapper rather than raw zlib.
    if (deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return {};
    std::string out(deflateBound(&z, data.size()), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return rc == Z_STREAM_END ? out : std::string();
}

Result<std::unique_ptr<StaticFiles>> StaticFiles::Load(const std::string& dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return MakeError(ErrorCode::not_found, "--web " + dir + " is not a folder.");
    std::unique_ptr<StaticFiles> files(new StaticFiles());
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        std::ifstream in(it->path(), std::ios::binary);
        if (!in) return MakeError(ErrorCode::internal, "Cannot read " + it->path().string() + ".");
        std::stringstream content;
        content << in.rdbuf();
        File file;
        const std::string rel = "/" + fs::relative(it->path(), dir, ec).generic_string();
        file.mime = MimeTypeFor(rel);
        file.body = content.str();
        const std::string hash = ContentHash(file.body);
        file.etag = "\"" + hash + "\"";
        if (IsCompressibleMime(file.mime) && file.body.size() > 256) {
            std::string gz = GzipBytes(file.body);
            if (!gz.empty() && gz.size() < file.body.size()) {
                file.gzip = std::move(gz);
                file.gzip_etag = "\"" + hash + "-gz\"";
            }
        }
        files->m_files.emplace(rel, std::move(file));
    }
    if (ec) return MakeError(ErrorCode::internal, "Cannot list " + dir + ": " + ec.message());
    return files;
}

const std::string* StaticFiles::Bytes(const std::string& path) const {
    auto it = m_files.find(path);
    return it == m_files.end() ? nullptr : &it->second.body;
}

bool StaticFiles::Serve(const httplib::Request& req, httplib::Response& res) const {
    const std::string path = req.path == "/" ? "/index.html" : req.path;
    auto it = m_files.find(path);
    if (it == m_files.end()) return false;
    const File& file = it->second;
    const bool gzip = !file.gzip.empty() && AcceptsGzip(req.get_header_value("Accept-Encoding"));
    const std::string& etag = gzip ? file.gzip_etag : file.etag;
    res.set_header("ETag", etag);
    res.set_header("Cache-Control", "no-cache");
    if (!file.gzip.empty()) res.set_header("Vary", "Accept-Encoding");
    if (req.has_header("If-None-Match") && EtagListed(req.get_header_value("If-None-Match"), etag)) {
        res.status = 304;
        return true;
    }
    if (gzip) res.set_header("Content-Encoding", "gzip");
    // A content provider with a known length, not set_content: httplib gzips compressible
    // bodies on the fly, and would gzip our pre-gzipped bytes a second time.
    const std::string& bytes = gzip ? file.gzip : file.body;
    res.set_content_provider(bytes.size(), file.mime,
                             [&bytes](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                 return sink.write(bytes.data() + offset, length);
                             });
    res.status = 200;
    return true;
}

}  // namespace spoc::http
