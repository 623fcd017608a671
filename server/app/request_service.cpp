// Request use cases (see request_service.h).
#include "server/app/request_service.h"

#include "server/app/assignment.h"
#include "server/app/clock.h"
#include "server/storage/audit_repo.h"
#include "server/storage/idempotency_repo.h"
#include "server/storage/requests_repo.h"
#include "server/storage/users_repo.h"
#include "shared/api/routes.h"
#include "shared/domain/lifecycle.h"
#include "shared/domain/routing.h"

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

namespace {

Error StaleRequest(const Request& current) {
    return MakeError(ErrorCode::conflict,
                     "This request changed since you loaded it (now version " + std::to_string(current.version) +
                         "). Reload it and apply your change again.",
                     "base_version");
}

// Moves `r` to `to` with the bookkeeping of the lifecycle: SLA pauses (Pending and Resolved stop
// the clocks), resolved_at / closed_at.
Result<Unit> ApplyStatus(storage::Database& db, Request& r, Status to, PendingReason reason, Timestamp now) {
    const Status from = r.status;
    const bool was_paused = from == Status::pending || from == Status::resolved;
    const bool now_paused = to == Status::pending || to == Status::resolved;
    if (was_paused && !now_paused)
        if (auto p = storage::ClosePause(db, r.id, now); !p.ok()) return p.error();
    if (now_paused && !was_paused)
        if (auto p = storage::OpenPause(db, r.id, now); !p.ok()) return p.error();
    r.status = to;
    r.pending_reason = to == Status::pending ? reason : PendingReason::none;
    if (to == Status::resolved) r.resolved_at = now;
    if (from == Status::resolved && IsOpenStatus(to)) r.resolved_at = 0;  // reopened
    if (to == Status::closed || to == Status::cancelled) r.closed_at = now;
    return Unit{};
}

// History rows for every workflow field that differs between `before` and `after`.
Result<Unit> RecordChanges(storage::Database& db, const Request& before, const Request& after, UserId actor, Timestamp now) {
    auto add = [&](const char* field, std::string old_value, std::string new_value) -> Result<Unit> {
        if (old_value == new_value) return Unit{};
        return storage::AppendHistory(db, after.id, {0, now, actor, {}, field, std::move(old_value), std::move(new_value)});
    };
    const std::pair<const char*, std::pair<std::string, std::string>> changes[] = {
        {"status", {std::string(StatusName(before.status)), std::string(StatusName(after.status))}},
        {"pending_reason",
         {std::string(PendingReasonName(before.pending_reason)), std::string(PendingReasonName(after.pending_reason))}},
        {"assignee", {before.assignee_name, after.assignee_name}},
        {"group", {before.group_name, after.group_name}},
        {"impact", {std::string(LevelName(before.impact)), std::string(LevelName(after.impact))}},
        {"urgency", {std::string(LevelName(before.urgency)), std::string(LevelName(after.urgency))}},
        {"priority", {std::string(PriorityName(before.priority)), std::string(PriorityName(after.priority))}},
    };
    for (const auto& [field, values] : changes)
        if (auto r = add(field, values.first, values.second); !r.ok()) return r.error();
    return Unit{};
}

// Due times follow the status, the priority and the pauses.
Result<Unit> RefreshDueTimes(storage::Database& db, Request& r, Timestamp now) {
    auto pauses = storage::ListPauses(db, r.id);
    if (!pauses.ok()) return pauses.error();
    RecomputeDueTimes(r, *pauses, now);
    return Unit{};
}

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
            // A public reply is the first response when an agent writes it, and a requester's
            // reply reopens a recently Resolved request or resumes one Pending on them.
            const Request before = **found;
            Request r = before;
            if (staff && caller.id != before.requester_id && r.first_response_at == 0) r.first_response_at = now;
            TicketFacts facts{before.status, before.pending_reason, before.requester_id, before.assignee_id,
                              before.group_id, before.resolved_at};
            const ReplyEffect effect = OnPublicReply(facts, Actor{caller.id, caller.role, false}, now);
            if (effect.new_status != before.status)
                if (auto a = ApplyStatus(db, r, effect.new_status, PendingReason::none, now); !a.ok()) return a.error();
            if (auto d = RefreshDueTimes(db, r, now); !d.ok()) return d.error();
            r.version = before.version + 1;
            r.updated_at = now;
            auto saved = storage::SaveWorkflow(db, r, before.version);
            if (!saved.ok()) return saved.error();
            if (!*saved) return StaleRequest(before);
            if (auto h = RecordChanges(db, before, r, caller.id, now); !h.ok()) return h.error();
        }
        const std::string detail =
            storage::AuditDetail().Int("request_id", id.value).Bool("internal", input.internal).Json();
        if (auto a = storage::AppendAudit(db, {now, caller.id, "comment", comment.id.value, "create", detail}); !a.ok())
            return a.error();
        return comment;
    });
}


Result<Request> RequestService::Update(const User& caller, RequestId id, const api::RequestPatch& patch, Timestamp now) {
    const bool staff = IsStaff(caller.role);
    if (!staff && (patch.assignee || patch.group_id || patch.impact || patch.urgency))
        return MakeError(ErrorCode::forbidden, "Only agents can change the assignee, group, impact or urgency.");
    return m_writer.Run([&](storage::Database& db) -> Result<Request> {
        auto found = storage::FindRequest(db, id, staff);
        if (!found.ok()) return found.error();
        if (!*found || (!staff && (*found)->requester_id != caller.id))
            return MakeError(ErrorCode::not_found, "No such request.");
        const Request before = **found;
        if (before.version != patch.base_version) return StaleRequest(before);
        Request r = before;

        if (patch.group_id) {
            r.group_id = *patch.group_id;
            r.group_name.clear();
            if (r.group_id > 0) {
                auto groups = storage::ListGroups(db);
                if (!groups.ok()) return groups.error();
                for (const AssignmentGroup& g : *groups)
                    if (g.id == r.group_id) r.group_name = g.name;
                if (r.group_name.empty()) return MakeError(ErrorCode::validation_failed, "No such group.", "group_id");
            }
        }
        if (patch.assignee) {
            r.assignee_id = *patch.assignee;
            r.assignee_name.clear();
            if (r.assignee_id.valid()) {
                auto user = storage::FindUser(db, r.assignee_id);
                if (!user.ok()) return user.error();
                if (!*user || !IsStaff((*user)->role))
                    return MakeError(ErrorCode::validation_failed, "Assign requests to an agent.", "assignee_id");
                r.assignee_name = (*user)->display_name;
            }
        }
        if (patch.impact) r.impact = *patch.impact;
        if (patch.urgency) r.urgency = *patch.urgency;
        r.priority = ComputePriority(r.impact, r.urgency);

        Status to = patch.status.value_or(before.status);
        // Giving a New request an assignee makes it Assigned, as the lifecycle says.
        if (!patch.status && before.status == Status::new_ && r.assignee_id.valid()) to = Status::assigned;
        if (to != before.status || (to == Status::pending && patch.pending_reason != before.pending_reason)) {
            TicketFacts facts{before.status, before.pending_reason, before.requester_id, r.assignee_id, r.group_id,
                              before.resolved_at};
            const Actor actor{caller.id, caller.role, false};
            if (auto ok = CheckTransition(facts, to, patch.pending_reason, actor); !ok.ok()) return ok.error();
            if (auto a = ApplyStatus(db, r, to, patch.pending_reason, now); !a.ok()) return a.error();
        }
        if (auto d = RefreshDueTimes(db, r, now); !d.ok()) return d.error();
        const bool changed = r.status != before.status || r.pending_reason != before.pending_reason ||
                             r.assignee_id != before.assignee_id || r.group_id != before.group_id ||
                             r.impact != before.impact || r.urgency != before.urgency;
        if (!changed) return before;
        r.version = before.version + 1;
        r.updated_at = now;
        auto saved = storage::SaveWorkflow(db, r, before.version);
        if (!saved.ok()) return saved.error();
        if (!*saved) return StaleRequest(before);
        if (auto h = RecordChanges(db, before, r, caller.id, now); !h.ok()) return h.error();
        const std::string detail = storage::AuditDetail()
                                       .Text("status", StatusName(r.status))
                                       .Int("version", r.version)
                                       .Int("assignee_id", r.assignee_id.value)
                                       .Json();
        if (auto a = storage::AppendAudit(db, {now, caller.id, "request", id.value, "update", detail}); !a.ok())
            return a.error();
        auto reloaded = storage::FindRequest(db, id, staff);
        if (!reloaded.ok()) return reloaded.error();
        if (!*reloaded) return MakeError(ErrorCode::not_found, "No such request.");
        return std::move(**reloaded);
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
