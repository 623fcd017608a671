// Requests and their conversation: create from a catalog form (validated by shared's ValidateDraft,
// stored with an audit row and, when the client sent one, its Idempotency-Key in the same write
// job), list the caller's own, read one (employees: only their own, never internal notes), comment
// (at most kMaxCommentsPerRequest per request; an internal note changes nothing an employee sees);
// agent mode: update, bulk update and merge (each one writer job), queues and histories.
#pragma once
#include <optional>
#include <string>

#include "server/app/auth_service.h"
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
};

// What an employee is told of the staff on their request (first names); staff keep full names.
void ShapeForCaller(const User& caller, Request& r);

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

    // Live updates: every committed change is published here (nullptr: nowhere).
    void SetEvents(EventHub* events) { m_events = events; }
    // Changes the system made (escalation, auto-close), already committed: published as updates.
    void PublishSystemChanges(const std::vector<RequestId>& ids);

private:
    // approval: the change may concern its approvers (a decision); at `now` their delegates too.
    void Publish(const Request& r, ChangeKind kind, UserId actor, Timestamp now = 0, bool approval = false);

    EventHub* m_events = nullptr;
    storage::ReaderPool& m_readers;
    storage::Writer& m_writer;
    CatalogService& m_catalog;
};

}  // namespace spoc::app
