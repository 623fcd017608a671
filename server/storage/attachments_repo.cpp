// SQL for attachments (see attachments_repo.h).
#include "server/storage/attachments_repo.h"

#include "shared/domain/i18n.h"

namespace spoc::storage {

using i18n::tr;

namespace {

#define SPOC_ATTACHMENT_COLUMNS \
    "id, name, mime, size, created_at, COALESCE(comment_id, 0), sha256, uploaded_by, COALESCE(request_id, 0), internal"

AttachmentRow ReadRow(const Query& q) {
    AttachmentRow r;
    r.file.id = q.Int(0);
    r.file.name = q.Text(1);
    r.file.mime = q.Text(2);
    r.file.size = q.Int(3);
    r.file.created_at = q.Int(4);
    r.file.comment_id = q.Int(5);
    r.file.image = r.file.mime.rfind("image/", 0) == 0;
    r.sha256 = q.Text(6);
    r.uploaded_by = UserId(q.Int(7));
    r.request_id = q.Int(8);
    r.internal = q.Int(9) != 0;
    return r;
}

}  // namespace

Result<Unit> InsertStaged(Database& db, AttachmentRow& row) {
    auto blob = db.Prepare("INSERT OR IGNORE INTO blobs (sha256, size, created_at) VALUES (?1, ?2, ?3)");
    if (!blob.ok()) return blob.error();
    if (auto r = blob->Bind(1, row.sha256).Bind(2, row.file.size).Bind(3, row.file.created_at).Run(); !r.ok()) return r.error();
    auto q = db.Prepare(
        "INSERT INTO attachments (sha256, name, mime, size, uploaded_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!q.ok()) return q.error();
    q->Bind(1, row.sha256).Bind(2, row.file.name).Bind(3, row.file.mime).Bind(4, row.file.size);
    q->Bind(5, row.uploaded_by.value).Bind(6, row.file.created_at);
    if (auto r = q->Run(); !r.ok()) return r.error();
    row.file.id = db.LastInsertId();
    return Unit{};
}

Result<std::optional<AttachmentRow>> FindAttachment(Database& db, std::int64_t id) {
    auto q = db.Prepare("SELECT " SPOC_ATTACHMENT_COLUMNS " FROM attachments WHERE id = ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, id);
    auto row = q->Step();
    if (!row.ok()) return row.error();
    if (!*row) return std::optional<AttachmentRow>();
    return std::optional<AttachmentRow>(ReadRow(*q));
}

Result<std::vector<attachment::Attachment>> LinkStaged(Database& db, const std::vector<std::int64_t>& ids, UserId uploader,
                                                       RequestId request, std::int64_t comment_id, bool internal,
                                                       std::int64_t max_request_bytes, Timestamp now) {
    std::vector<attachment::Attachment> out;
    if (ids.empty()) return out;
    for (std::int64_t id : ids) {
        auto link = db.Prepare(  // a fresh borrow each time: a statement is rebound only after a reset
            "UPDATE attachments SET request_id = ?1, comment_id = ?2, internal = ?3, linked_at = ?4 "
            "WHERE id = ?5 AND uploaded_by = ?6 AND request_id IS NULL");
        if (!link.ok()) return link.error();
        link->Bind(1, request.value).Bind(3, internal).Bind(4, now).Bind(5, id).Bind(6, uploader.value);
        if (comment_id > 0) link->Bind(2, comment_id);
        else link->BindNull(2);
        if (auto r = link->Run(); !r.ok()) return r.error();
        if (db.Changes() != 1)
            return MakeError(ErrorCode::validation_failed,
                             tr("An attached file is not one of your uploads, or it is already on a message. Upload it again."),
                             "attachments");
    }
    auto total = db.Prepare("SELECT COALESCE(SUM(size), 0) FROM attachments WHERE request_id = ?1");
    if (!total.ok()) return total.error();
    total->Bind(1, request.value);
    auto row = total->Step();
    if (!row.ok()) return row.error();
    if (*row && total->Int(0) > max_request_bytes)
        return MakeError(ErrorCode::payload_too_large,
                         // TRANSLATORS: {0} is the most all of one request's files may add up to ("100 MB").
                         i18n::Format(tr("The files on one request may add up to {0} at most."),
                                      {std::to_string(max_request_bytes / 1000000) + " MB"}),
                         "attachments");
    for (std::int64_t id : ids) {
        auto found = FindAttachment(db, id);
        if (!found.ok()) return found.error();
        if (*found) out.push_back((*found)->file);
    }
    return out;
}

Result<std::vector<attachment::Attachment>> ListForRequest(Database& db, RequestId request, bool with_internal) {
    auto q = db.Prepare("SELECT " SPOC_ATTACHMENT_COLUMNS
                        " FROM attachments WHERE request_id = ?1 AND (?2 OR internal = 0) ORDER BY id LIMIT 1000");
    if (!q.ok()) return q.error();
    q->Bind(1, request.value).Bind(2, with_internal);
    std::vector<attachment::Attachment> out;
    for (;;) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) return out;
        out.push_back(ReadRow(*q).file);
    }
}

Result<std::vector<std::string>> CollectGarbage(Database& db, Timestamp before) {
    // Only a staged upload's going can leave a blob unreferenced (linked files stay with their
    // request), so the work is bounded by the stale uploads, 500 a run.
    auto stale = db.Prepare("SELECT id, sha256 FROM attachments WHERE request_id IS NULL AND created_at < ?1 ORDER BY created_at LIMIT 500");
    if (!stale.ok()) return stale.error();
    stale->Bind(1, before);
    std::vector<std::pair<std::int64_t, std::string>> rows;
    for (;;) {
        auto row = stale->Step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        rows.emplace_back(stale->Int(0), stale->Text(1));
    }
    for (const auto& [id, sha] : rows) {
        auto drop_row = db.Prepare("DELETE FROM attachments WHERE id = ?1");
        if (!drop_row.ok()) return drop_row.error();
        if (auto r = drop_row->Bind(1, id).Run(); !r.ok()) return r.error();
    }
    std::vector<std::string> gone;
    for (const auto& [id, sha] : rows) {
        auto drop_blob = db.Prepare(
            "DELETE FROM blobs WHERE sha256 = ?1 AND NOT EXISTS (SELECT 1 FROM attachments WHERE sha256 = ?1)");
        if (!drop_blob.ok()) return drop_blob.error();
        if (auto r = drop_blob->Bind(1, sha).Run(); !r.ok()) return r.error();
        if (db.Changes() == 1) gone.push_back(sha);
    }
    return gone;
}

Result<bool> BlobExists(Database& db, const std::string& sha256) {
    auto q = db.Prepare("SELECT 1 FROM blobs WHERE sha256 = ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, sha256);
    auto row = q->Step();
    if (!row.ok()) return row.error();
    return *row;
}

}  // namespace spoc::storage
