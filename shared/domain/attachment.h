// Attachments (issue 13): files on a new request, a reply or an internal note. The server stores
// the bytes by their SHA-256 and the metadata in SQLite; what a file really is comes from its first
// bytes (DetectType, an allowlist), never from its name; names are cleaned of paths and controls
// (CleanFileName) and get the extension of what they are (NameForType). The browser checks the same
// limits before it sends anything.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "shared/domain/result.h"
#include "shared/domain/time.h"

namespace spoc::attachment {

inline constexpr std::int64_t kDefaultMaxFileBytes = 25LL * 1000 * 1000;      // per file (configurable; "25 MB")
inline constexpr std::int64_t kDefaultMaxRequestBytes = 100LL * 1000 * 1000;  // all of one request's files
inline constexpr std::size_t kMaxPerMessage = 10;   // files linked by one request or comment
inline constexpr std::size_t kMaxNameBytes = 200;   // a cleaned name, in bytes (UTF-8 kept whole)
inline constexpr std::size_t kSniffBytes = 512;     // what DetectType needs to see
inline constexpr Timestamp kStagedTtlMs = 24 * kMsPerHour;  // an upload never linked is collected after this

// One allowed kind of file.
struct FileType {
    std::string_view mime;       // "image/png"
    std::string_view extension;  // "png" (no dot)
    bool image = false;          // the browser may show it inline and as a thumbnail
};

// The type of a file from its first bytes (at least min(size, kSniffBytes) of them), against the
// allowlist: PNG, JPEG, GIF, WebP, PDF, ZIP (and the Office formats inside one), the old Office
// formats, and plain UTF-8 text without NULs (logs, CSV). Anything else (executables, scripts in
// binary containers, unknown data) is refused: nullptr. `name` only picks between types that share
// their bytes (a .docx is a ZIP).
const FileType* DetectType(std::string_view head, std::string_view name);

// A file name as it will be stored and offered for download: the last path segment (either slash),
// no control or bidi characters, no leading dots or trailing dots and spaces, at most kMaxNameBytes
// (the extension kept), never empty ("file"). Invalid UTF-8 is replaced.
std::string CleanFileName(std::string_view name);

// `clean` with the type's extension when it has another one ("invoice.exe" as a PNG: "invoice.exe.png").
std::string NameForType(const std::string& clean, const FileType& type);

// What the browser shows of a stored file.
struct Attachment {
    std::int64_t id = 0;
    std::string name;            // cleaned
    std::string mime;            // from DetectType
    std::int64_t size = 0;       // bytes
    bool image = false;
    Timestamp created_at = 0;
    std::int64_t comment_id = 0; // 0: on the request itself
};

// The ids a request or a comment links (the uploads' "id"s): at most kMaxPerMessage, positive, no
// repeats. Field "attachments".
std::vector<FieldError> ValidateIds(const std::vector<std::int64_t>& ids);

}  // namespace spoc::attachment
