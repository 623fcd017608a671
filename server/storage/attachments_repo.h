// SQL for attachments (0013_attachments.sql): uploads staged by their uploader, linked to a request
// (and a comment) by the write that carries them, listed with the request, looked up for a download,
// and collected when nobody linked them or nothing refers to their bytes any more.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/storage/sqlite.h"
#include "shared/domain/attachment.h"
#include "shared/domain/ids.h"

namespace spoc::storage {

struct AttachmentRow {
    attachment::Attachment file;   // id, name, mime, size, image, created_at, comment_id
    std::string sha256;            // 64 lower-case hex digits: the blob's name
    UserId uploaded_by;
    std::int64_t request_id = 0;   // 0: staged (not linked yet)
    bool internal = false;         // linked by an internal note
};

// A finished upload: its blob (kept once per content) and its staged row; fills row.file.id.
Result<Unit> InsertStaged(Database& db, AttachmentRow& row);
Result<std::optional<AttachmentRow>> FindAttachment(Database& db, std::int64_t id);
// Links `ids`, each staged by `uploader`, to the request (and comment: 0 for the request itself).
// Refused (validation_failed, field "attachments") when one is not such an upload. The request's
// files then must stay within `max_request_bytes` (payload_too_large).
Result<std::vector<attachment::Attachment>> LinkStaged(Database& db, const std::vector<std::int64_t>& ids, UserId uploader,
                                                       RequestId request, std::int64_t comment_id, bool internal,
                                                       std::int64_t max_request_bytes, Timestamp now);
// A request's files, oldest first; internal ones only when `with_internal`.
Result<std::vector<attachment::Attachment>> ListForRequest(Database& db, RequestId request, bool with_internal);
// Housekeeping: staged uploads older than `before` go (500 a run), and the blobs nothing refers to
// any more lose their row. Returns those blobs' names, whose files the caller removes once this
// transaction committed (BlobStore::Remove).
Result<std::vector<std::string>> CollectGarbage(Database& db, Timestamp before);
Result<bool> BlobExists(Database& db, const std::string& sha256);

}  // namespace spoc::storage
