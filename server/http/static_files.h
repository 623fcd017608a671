// The web client, served from memory: every file of the --web folder is read at start-up, each
// compressible one pre-gzipped (zlib level 9, kept only if smaller), with a strong ETag per
// representation. Serves "/" as index.html, answers If-None-Match with 304, and sends
// Cache-Control: no-cache (the file names carry no content hash, so browsers must revalidate).
#pragma once
#include <memory>
#include <string>
#include <unordered_map>

#include "shared/domain/result.h"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace spoc::http {

std::string MimeTypeFor(std::string_view path);  // by extension; application/octet-stream if unknown
bool IsCompressibleMime(std::string_view mime);
std::string GzipBytes(std::string_view data);  // zlib gzip stream, level 9; empty on failure

class StaticFiles {
public:
    static Result<std::unique_ptr<StaticFiles>> Load(const std::string& dir);
    // Handles GET/HEAD for a known path; false if no such file (the caller answers 404).
    bool Serve(const httplib::Request& req, httplib::Response& res) const;
    std::size_t Count() const { return m_files.size(); }
    const std::string* Bytes(const std::string& path) const;  // "/i18n/de.mo" -> its bytes; null if absent

private:
    struct File {
        std::string mime;
        std::string body;
        std::string etag;       // "<hash>"
        std::string gzip;       // empty when not worth it
        std::string gzip_etag;  // "<hash>-gz"
    };
    std::unordered_map<std::string, File> m_files;  // "/app.wasm" -> file
};

}  // namespace spoc::http
