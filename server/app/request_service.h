// Requests and their conversation: create from a catalog form (validated by shared's ValidateDraft,
// stored with an audit row and, when the client sent one, its Idempotency-Key in the same write
// job), list the caller's own, read one (employees: only their own, never internal notes), comment
// (at most kMaxCommentsPerRequest per request; an internal note changes nothing an employee sees);
// agent mode: update, bulk update and merge (each one writer job), queues and histories.
#pragma once
#include <mutex>
#include <optional>
#include <string>

#include "server/app/auth_service.h"
#include "server/app/blob_store.h"
#include "server/app/catalog_service.h"
#include "server/app/events.h"
#include "server/storage/agents_repo.h"
#include "server/storage/reader_pool.h"
#include "server/storage/requests_repo.h"
#include "server/storage/writer.h"
#include "shared/api/dto.h"
#include "shared/api/workspace_dto.h"
#include "shared/domain/request_builder.h"

namespace spoc::app {

struct IdempotencyKey {
    std::string key;          // the Idempotency-Key header, already checked for size and charset
    std::string fingerprint;  // Fingerprint(method, path, body) of this attempt
};

// The answer to a create: the stored first answer when this was an idempotent retry.
struct CreatedResponse {
    int status = 201;
    std::string body;      // api::EncodeRequest of the stored request
    std::string location;  // /api/v1/requests/{id}
    bool replayed = false;
};

struct NewComment {
    std::string body;
    bool internal = false;
    std::vector<std::int64_t> attachments;  // staged uploads of the author's to link
};

// Attachments: how large files may be, and a stored one as a download sends it.
struct AttachmentLimits {
    std::int64_t max_file_bytes = attachment::kDefaultMaxFileBytes;
    std::int64_t max_request_bytes = attachment::kDefaultMaxRequestBytes;
};
struct AttachmentFile {
    std::string path;       // the blob on disk
    std::string name, mime, sha256;
    std::int64_t size = 0;
    bool image = false;
};
// Reads an upload's body piece by piece (http::BodyReader): false when it ended early or `chunk` said stop.
using ChunkReader = std::function<bool(const std::function<bool(const char*, std::size_t)>& chunk)>;

// What an employee is told of the staff on their request (first names); staff keep full names.
void ShapeForCaller(const User& caller, Request& r);
// Puts the request's files on it and on its (already listed) comments; internal ones for staff.
Result<Unit> FillAttachments(storage::Database& db, Request& r, bool with_internal);

class RequestService {
public:
    RequestService(storage::ReaderPool& readers, storage::Writer& writer, CatalogService& catalog);

    Result<CreatedResponse> Create(const User& caller, const RequestDraft& draft,
                                   const std::optional<IdempotencyKey>& idempotency, Timestamp now);
    Result<api::RequestPage> ListMine(const User& caller, const RequestFilter& filter, int page, int page_size);
    // With the comments the caller may see and its approval. Besides the requester and staff, an
    // approver of one of its steps (or an approver's delegate now) may read it, without internal notes.
    Result<Request> Get(const User& caller, RequestId id, Timestamp now = 0);
    Result<Comment> AddComment(const User& caller, RequestId id, const NewComment& comment, Timestamp now);
    // Agent mode. Update: status (lifecycle rules per role, shared CheckTransition), assignee,
    // group, impact/urgency (priority recomputed); stale base_version -> 409; every changed field
    // goes to the history; SLA clocks pause while Pending or Resolved.
    Result<Request> Update(const User& caller, RequestId id, const api::RequestPatch& patch, Timestamp now);
    // (staff only): a queue view (sorted and filtered; caller and now are filled in here), and a
    // request's field-change history.
    Result<api::RequestPage> Queue(const User& caller, storage::QueueQuery query, Timestamp now);
    // The queue's CSV export: `query` checked and scoped for the caller (as Queue), then read in
    // id order, `limit` at a time after `after_id`, each batch in its own read snapshot.
    Result<storage::QueueQuery> ScopeQueue(const User& caller, storage::QueueQuery query, Timestamp now);
    Result<std::vector<Request>> QueueBatch(const storage::QueueQuery& scoped, std::int64_t after_id, int limit);
    Result<std::vector<storage::HistoryEntry>> History(const User& caller, RequestId id);
    // (staff only) The same change on many requests in one writer job: each id is checked and
    // applied on its own, exactly as Update would against its current version; refused ids are
    // reported and change nothing.
    Result<api::BulkUpdateResult> BulkUpdate(const User& caller, const api::BulkUpdateBody& bulk, Timestamp now);
    // (staff only) Merges request `id` (at body.base_version, else 409) into body.into under the
    // shared CheckMerge rules: the source gets the public reply "Merged into #N", a duplicate_of
    // link and Closed (version + 1, history); the target an internal note naming the source.
    // Employees: 404 for requests they can't see, 403 for their own.
    Result<api::MergeResult> Merge(const User& caller, RequestId id, const api::MergeBody& body, Timestamp now);

    // The requester's satisfaction survey (shared survey::RequestWindow and ValidateAnswer): a first
    // answer or a change, stored with who resolved it and the group; the request's version goes up
    // with a "satisfaction" history row, audited and published. Another employee's request: 404;
    // staff on someone else's request: 403; not resolved or the window is over: 409.
    Result<Request> AnswerSurvey(const User& caller, RequestId id, const survey::Answer& answer, Timestamp now);

    // Approvals (request_approval.cpp). Decide: the caller's approve/reject on the pending step
    // (shared approval::Decide: approvers and their delegates, never the requester; 403 for someone
    // who sees the request but may not decide, 409 when decided already or base_version is stale,
    // 422 for a rejection without a reason). The last approval makes it a new request, routed and
    // assigned with its SLA clocks starting; a rejection cancels it with the reason. Requests the
    // caller may decide now, oldest first (total: all of them).
    Result<Request> DecideApproval(const User& caller, RequestId id, const api::DecisionBody& body, Timestamp now);
    Result<api::RequestPage> ApprovalInbox(const User& caller, int limit, Timestamp now);
    // Delegations of the caller's approvals to someone else while away: list (from and to the
    // caller, not ended), add (to an existing user other than the caller, ending after it starts,
    // at most 90 days), end one of theirs now.
    Result<std::vector<api::DelegationView>> ListDelegations(const User& caller, Timestamp now);
    Result<api::DelegationView> AddDelegation(const User& caller, const api::DelegationBody& body, Timestamp now);
    Result<Unit> EndDelegation(const User& caller, std::int64_t id, Timestamp now);
    // (admin) Sets who a user's manager is (0: none).
    Result<Unit> SetManager(const User& caller, UserId user, UserId manager, Timestamp now);
    // (admin, request_people.cpp) People with their department and manager; one person's
    // department and manager (by username, "" for none), audited.
    Result<api::PeoplePage> People(const User& caller, const std::string& q, int page, int page_size);
    Result<api::PersonView> UpdatePerson(const User& caller, UserId user, const api::PersonPatch& patch, Timestamp now);

    // Attachments (request_attachments.cpp). Upload: streams a file into the blob store (never
    // whole in memory), refusing it past max_file_bytes (413, before reading when the size is
    // declared), when its bytes are not an allowed type (415) or empty (422); stores it staged,
    // readable and linkable only by its uploader until Create or AddComment links it (their
    // "attachments"). OpenAttachment: a linked file for whoever may read its request (an internal
    // note's only for staff), a staged one for its uploader; 404 for anyone else.
    void SetAttachments(BlobStore* blobs, AttachmentLimits limits) {
        m_blobs = blobs;
        m_limits = limits;
    }
    Result<attachment::Attachment> Upload(const User& caller, const std::string& name, std::int64_t declared_bytes,
                                          const ChunkReader& read, Timestamp now);
    Result<AttachmentFile> OpenAttachment(const User& caller, std::int64_t id, Timestamp now);
    // Housekeeping (a writer job): staged uploads older than attachment::kStagedTtlMs go with the
    // blobs nobody refers to any more; RemoveCollected deletes their files once that committed.
    static Result<std::vector<std::string>> CollectAttachments(storage::Database& db, Timestamp now);
    void RemoveCollected(std::vector<std::string> blobs);

    // Live updates: every committed change is published here (nullptr: nowhere).
    void SetEvents(EventHub* events) { m_events = events; }
    // Changes the system made (escalation, auto-close), already committed: published as updates.
    void PublishSystemChanges(const std::vector<RequestId>& ids);

private:
    // approval: the change may concern its approvers (a decision); at `now` their delegates too.
    void Publish(const Request& r, ChangeKind kind, UserId actor, Timestamp now = 0, bool approval = false);

    EventHub* m_events = nullptr;
    BlobStore* m_blobs = nullptr;
    AttachmentLimits m_limits;
    std::mutex m_collect_mutex;                // RemoveCollected runs on the writer thread and from RunHousekeepingAt
    std::vector<std::string> m_collect_later;  // blobs collected while an upload held the store
    storage::ReaderPool& m_readers;
    storage::Writer& m_writer;
    CatalogService& m_catalog;
};

}  // namespace spoc::app
