// Request use cases (see request_service.h).
#include "server/app/request_service.h"

#include "server/app/assignment.h"
#include "server/app/clock.h"
#include "server/storage/audit_repo.h"
#include "server/storage/idempotency_repo.h"
#include "server/storage/requests_repo.h"
#include "shared/api/routes.h"

namespace spoc::app {

namespace {

// Replays the stored first answer, or refuses a reused key with a different body.
Result<std::optional<CreatedResponse>> CheckIdempotency(storage::Database& db, UserId user, const IdempotencyKey& key) {
    auto found = storage::FindIdempotencyRecord(db, user, key.key);
    if (!found.ok()) return found.error();
    if (!*found) return std::optional<CreatedResponse>();
    if ((*found)->fingerprint != key.fingerprint)
        return MakeError(ErrorCode::idempotency_conflict, {}, "Idempotency-Key");
    return std::optional<CreatedResponse>(CreatedResponse{(*found)->status, (*found)->body, (*found)->location, true});
}

std::string RequestLocation(RequestId id) { return std::string(routes::kRequests) + "/" + std::to_string(id.value); }

}  // namespace

RequestService::RequestService(storage::ReaderPool& readers, storage::Writer& writer, CatalogService& catalog)
    : m_readers(readers), m_writer(writer), m_catalog(catalog) {}

Result<CreatedResponse> RequestService::Create(const User& caller, const RequestDraft& draft,
                                               const std::optional<IdempotencyKey>& idempotency, Timestamp now) {
    // A retry of something already stored gets its first answer, even if the catalog changed since.
    if (idempotency) {
        auto lease = m_readers.Acquire();
        auto replay = CheckIdempotency(*lease, caller.id, *idempotency);
        if (!replay.ok()) return replay.error();
        if (*replay) return std::move(**replay);
    }

    auto snapshot = m_catalog.Snapshot();
    const CatalogItem* item = snapshot->Find(draft.catalog_item_id);
    if (!item) return MakeError(ErrorCode::not_found, "No such catalog item.", "catalog_item_id");

    auto problems = ValidateDraft(*item, draft, UtcDate(now));
    if (!problems.empty()) {
        Error error = MakeError(ErrorCode::validation_failed, {}, problems.front().field);
        error.details = std::move(problems);
        return error;
    }

    Request request = BuildRequest(*item, draft, caller, now);
    request.form_json = api::EncodeFormValues(NormalizeValues(*item, draft.values));

    // Key check, insert, audit and remembered answer in one job: two concurrent retries of the
    // same key are serialised by the writer, and the second sees the first one's row.
    return m_writer.Run([&](storage::Database& db) -> Result<CreatedResponse> {
        if (idempotency) {
            auto replay = CheckIdempotency(db, caller.id, *idempotency);
            if (!replay.ok()) return replay.error();
            if (*replay) return std::move(**replay);
        }
        Request stored = request;
        // Routing, auto-assignment and SLA due times are decided in the same job as the insert,
        // so two requests created at once can't both take the same round-robin turn.
        if (auto placed = PlaceNewRequest(db, stored, *item, caller, now); !placed.ok()) return placed.error();
        auto id = storage::InsertRequest(db, stored);
        if (!id.ok()) return id.error();
        if (auto recorded = RecordPlacement(db, stored, now); !recorded.ok()) return recorded.error();
        CreatedResponse out{201, api::EncodeRequest(stored), RequestLocation(stored.id), false};
        const std::string detail = storage::AuditDetail()
                                       .Text("number", stored.number)
                                       .Int("catalog_item_id", item->id.value)
                                       .Text("priority", PriorityName(stored.priority))
                                       .Json();
        if (auto a = storage::AppendAudit(db, {now, caller.id, "request", stored.id.value, "create", detail}); !a.ok())
            return a.error();
        if (idempotency) {
            storage::IdempotencyRecord record{idempotency->fingerprint, out.status, out.body, out.location, now};
            if (auto k = storage::InsertIdempotencyRecord(db, caller.id, idempotency->key, record); !k.ok())
                return k.error();
        }
        return out;
    });
}

Result<api::RequestPage> RequestService::ListMine(const User& caller, const RequestFilter& filter, int page,
                                                  int page_size) {
    auto lease = m_readers.Acquire();
    return storage::ListRequestsByRequester(*lease, {caller.id, filter, page, page_size, IsStaff(caller.role)});
}

Result<Request> RequestService::Get(const User& caller, RequestId id) {
    const bool staff = IsStaff(caller.role);
    auto lease = m_readers.Acquire();
    auto found = storage::FindRequest(*lease, id, staff);
    if (!found.ok()) return found.error();
    // Someone else's request looks exactly like a missing one to an employee.
    if (!*found || (!staff && (*found)->requester_id != caller.id))
        return MakeError(ErrorCode::not_found, "No such request.");
    Request request = std::move(**found);
    auto comments = storage::ListComments(*lease, id, staff);
    if (!comments.ok()) return comments.error();
    request.comments = std::move(*comments);
    request.comment_count = static_cast<int>(request.comments.size());
    return request;
}

Result<Comment> RequestService::AddComment(const User& caller, RequestId id, const NewComment& input, Timestamp now) {
    const bool staff = IsStaff(caller.role);
    if (input.internal && !staff)
        return MakeError(ErrorCode::forbidden, "Only agents can add internal notes.", "internal");
    return m_writer.Run([&](storage::Database& db) -> Result<Comment> {
        auto found = storage::FindRequest(db, id, staff);
        if (!found.ok()) return found.error();
        if (!*found || (!staff && (*found)->requester_id != caller.id))
            return MakeError(ErrorCode::not_found, "No such request.");
        auto count = storage::CountComments(db, id);  // in the job: concurrent comments can't overshoot
        if (!count.ok()) return count.error();
        if (*count >= static_cast<std::int64_t>(kMaxCommentsPerRequest))
            return MakeError(ErrorCode::conflict, "This request has reached its comment limit; start a new request.");
        Comment comment;
        comment.author_id = caller.id;
        comment.author_name = caller.display_name;
        comment.author_role = caller.role;
        comment.body = input.body;
        comment.internal = input.internal;
        comment.created_at = now;
        if (auto c = storage::InsertComment(db, id, comment); !c.ok()) return c.error();
        // An internal note leaves updated_at and version alone: employees see both (and their
        // list is ordered by updated_at), so bumping them would tell that a note was written.
        if (!input.internal) {
            if (auto t = storage::TouchRequest(db, id, now); !t.ok()) return t.error();
        }
        const std::string detail =
            storage::AuditDetail().Int("request_id", id.value).Bool("internal", input.internal).Json();
        if (auto a = storage::AppendAudit(db, {now, caller.id, "comment", comment.id.value, "create", detail}); !a.ok())
            return a.error();
        return comment;
    });
}

Result<api::RequestPage> RequestService::Queue(const User& caller, storage::QueueView view, int page, int page_size,
                                              Timestamp now) {
    if (!IsStaff(caller.role)) return MakeError(ErrorCode::forbidden, "Queues are for agents and admins.");
    auto lease = m_readers.Acquire();
    return storage::ListQueue(*lease, {view, caller.id, now, 4LL * 60 * 60 * 1000, page, page_size});
}

Result<std::vector<storage::HistoryEntry>> RequestService::History(const User& caller, RequestId id) {
    if (!IsStaff(caller.role)) return MakeError(ErrorCode::forbidden, "The history is for agents and admins.");
    auto lease = m_readers.Acquire();
    auto found = storage::FindRequest(*lease, id, true);
    if (!found.ok()) return found.error();
    if (!*found) return MakeError(ErrorCode::not_found, "No such request.");
    return storage::ListHistory(*lease, id);
}

}  // namespace spoc::app
