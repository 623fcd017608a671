// Attachments on requests (issue 13): streaming uploads into the content-addressed blob store,
// who may read a stored file, and collecting what was never linked. Linking happens in Create and
// AddComment (request_service.cpp), in their own transaction.
#include "server/app/request_approval.h"
#include "server/app/request_service.h"
#include "server/storage/attachments_repo.h"
#include "shared/domain/i18n.h"

namespace spoc::app {

using i18n::tr;

namespace {

Error TooLarge(std::int64_t max_bytes) {
    // TRANSLATORS: {0} is the largest file that may be attached ("25 MB").
    return MakeError(ErrorCode::payload_too_large,
                     i18n::Format(tr("A file may be {0} at most."), {std::to_string(max_bytes / 1000000) + " MB"}), "file");
}

}  // namespace

Result<Unit> FillAttachments(storage::Database& db, Request& r, bool with_internal) {
    auto files = storage::ListForRequest(db, r.id, with_internal);
    if (!files.ok()) return files.error();
    r.attachments.clear();
    for (attachment::Attachment& a : *files) {
        if (a.comment_id == 0) {
            r.attachments.push_back(std::move(a));
            continue;
        }
        for (Comment& c : r.comments)
            if (c.id.value == a.comment_id) {
                c.attachments.push_back(std::move(a));
                break;
            }
    }
    return Unit{};
}

Result<attachment::Attachment> RequestService::Upload(const User& caller, const std::string& name, std::int64_t declared_bytes,
                                                      const ChunkReader& read, Timestamp now) {
    if (m_blobs == nullptr) return MakeError(ErrorCode::unavailable, tr("Attachments are not set up on this server."));
    if (declared_bytes > m_limits.max_file_bytes) return TooLarge(m_limits.max_file_bytes);
    auto begun = m_blobs->Begin();
    if (!begun.ok()) return begun.error();
    std::unique_ptr<BlobWriter> blob = std::move(*begun);
    bool too_large = false;
    Error write_error;
    bool write_failed = false;
    const bool complete = read([&](const char* data, std::size_t size) {
        if (blob->size() + static_cast<std::int64_t>(size) > m_limits.max_file_bytes) {
            too_large = true;
            return false;
        }
        if (auto w = blob->Write(data, size); !w.ok()) {
            write_error = w.error();
            write_failed = true;
            return false;
        }
        return true;
    });
    if (too_large) return TooLarge(m_limits.max_file_bytes);
    if (write_failed) return write_error;
    if (!complete) return MakeError(ErrorCode::bad_request, tr("The upload was cut short. Try again."), "file");
    if (blob->size() == 0) return MakeError(ErrorCode::validation_failed, tr("The file is empty."), "file");
    const std::string clean = attachment::CleanFileName(name);
    const attachment::FileType* type = attachment::DetectType(blob->head(), clean);
    if (type == nullptr)
        return MakeError(ErrorCode::unsupported_media,
                         tr("This kind of file can't be attached. Attach pictures, PDFs, Office documents, ZIP archives or text files."),
                         "file");
    storage::AttachmentRow row;
    row.file.name = attachment::NameForType(clean, *type);
    row.file.mime = std::string(type->mime);
    row.file.size = blob->size();
    row.file.image = type->image;
    row.file.created_at = now;
    row.uploaded_by = caller.id;
    // From the file taking its place under its hash until its row committed, no collection may
    // remove that file (it may be an old blob this upload reuses).
    auto lock = m_blobs->Lock();
    auto sha = blob->Finish();
    if (!sha.ok()) return sha.error();
    row.sha256 = *sha;
    auto stored = m_writer.Run([&](storage::Database& db) -> Result<Unit> { return storage::InsertStaged(db, row); });
    if (!stored.ok()) return stored.error();
    return row.file;
}

Result<AttachmentFile> RequestService::OpenAttachment(const User& caller, std::int64_t id, Timestamp now) {
    if (m_blobs == nullptr) return MakeError(ErrorCode::not_found, tr("No such file."));
    const bool staff = IsStaff(caller.role);
    auto lease = m_readers.Acquire();
    auto found = storage::FindAttachment(*lease, id);
    if (!found.ok()) return found.error();
    const Error missing = MakeError(ErrorCode::not_found, tr("No such file."));
    if (!*found) return missing;
    const storage::AttachmentRow& row = **found;
    if (row.request_id == 0) {
        if (row.uploaded_by != caller.id) return missing;  // staged: its uploader's alone
    } else {
        if (row.internal && !staff) return missing;  // an internal note's file
        auto request = storage::FindRequest(*lease, RequestId(row.request_id), staff);
        if (!request.ok()) return request.error();
        if (!*request) return missing;
        auto visible = MayRead(*lease, **request, caller, now);  // the same readers as the request page
        if (!visible.ok()) return visible.error();
        if (!*visible) return missing;
    }
    AttachmentFile file;
    file.path = m_blobs->PathOf(row.sha256);
    file.name = row.file.name;
    file.mime = row.file.mime;
    file.sha256 = row.sha256;
    file.size = row.file.size;
    file.image = row.file.image;
    return file;
}

Result<std::vector<std::string>> RequestService::CollectAttachments(storage::Database& db, Timestamp now) {
    return storage::CollectGarbage(db, now - attachment::kStagedTtlMs);
}

void RequestService::RemoveCollected(std::vector<std::string> blobs) {
    if (m_blobs == nullptr) return;
    std::lock_guard<std::mutex> guard(m_collect_mutex);
    for (std::string& sha : blobs) m_collect_later.push_back(std::move(sha));
    if (m_collect_later.empty()) return;
    // An upload holding the store may be reusing one of these blobs: try again next time.
    auto lock = m_blobs->TryLock();
    if (!lock.owns_lock()) return;
    auto lease = m_readers.Acquire();
    for (const std::string& sha : m_collect_later) {
        auto exists = storage::BlobExists(*lease, sha);  // an upload since may have brought it back
        if (exists.ok() && !*exists) m_blobs->Remove(sha);
    }
    m_collect_later.clear();
}

}  // namespace spoc::app
