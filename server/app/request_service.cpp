// Request use cases (see request_service.h).
#include "server/app/request_service.h"

#include "server/app/report_service.h"

#include "server/app/notices.h"

#include "server/app/assignment.h"
#include "server/app/clock.h"
#include "server/app/request_approval.h"
#include "server/app/request_workflow.h"
#include "server/storage/approvals_repo.h"
#include "server/storage/attachments_repo.h"
#include "server/storage/audit_repo.h"
#include "server/storage/idempotency_repo.h"
#include "server/storage/requests_repo.h"
#include "server/storage/workspace_repo.h"
#include "shared/api/routes.h"
#include "shared/domain/catalog_l10n.h"
#include "shared/domain/i18n.h"
#include "shared/domain/lifecycle.h"
#include "shared/domain/links.h"
#include "shared/domain/routing.h"
#include "shared/domain/sla.h"

namespace spoc::app {

using i18n::Format;
using i18n::tr;

// What an employee is told of the staff on their request: first names (assignee_first_name is
// always sent; resolved_by_name becomes the first name). Staff keep the full names.
void ShapeForCaller(const User& caller, Request& r) {
    if (!IsStaff(caller.role) && !r.resolved_by_name.empty()) r.resolved_by_name = api::FirstName(r.resolved_by_name);
}

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
    if (!item) return MakeError(ErrorCode::not_found, tr("No such catalog item."), "catalog_item_id");

    // Problems name the fields as the reader saw them (their language); the request is built from
    // the item as defined.
    CatalogItem localized;
    if (i18n::ThreadLocale().catalog != nullptr) {
        localized = *item;
        LocalizeCatalogItem(&localized);
    }
    auto problems = ValidateDraft(i18n::ThreadLocale().catalog != nullptr ? localized : *item, draft, UtcDate(now));
    if (!problems.empty()) {
        Error error = MakeError(ErrorCode::validation_failed, {}, problems.front().field);
        error.details = std::move(problems);
        return error;
    }

    Request request = BuildRequest(*item, draft, caller, now);
    const FormValues values = NormalizeValues(*item, draft.values);
    request.form_json = api::EncodeFormValues(values);
    // The approvals its policy asks for with these answers; the same rule the form showed.
    const std::vector<approval::StepRule> approvals = approval::ActiveSteps(item->approval, values);
    const bool hold = !approvals.empty() && item->approval.hold_until_approved;

    // Key check, insert, audit and remembered answer in one job: two concurrent retries of the
    // same key are serialised by the writer, and the second sees the first one's row.
    std::optional<Request> created;  // set when this call stored a new request (not a replay)
    auto result = m_writer.Run([&](storage::Database& db) -> Result<CreatedResponse> {
        if (idempotency) {
            auto replay = CheckIdempotency(db, caller.id, *idempotency);
            if (!replay.ok()) return replay.error();
            if (*replay) return std::move(**replay);
        }
        Request stored = request;
        // Routing, auto-assignment and SLA due times are decided in the same job as the insert,
        // so two requests created at once can't both take the same round-robin turn.
        // A request held for approval is not routed, assigned or timed until it is approved.
        if (hold) {
            stored.status = Status::awaiting_approval;
            stored.sla_policy = std::string(SlaPolicyNameFor(caller.time_zone));
        } else if (auto placed = PlaceNewRequest(db, stored, *item, caller, now); !placed.ok()) {
            return placed.error();
        }
        auto id = storage::InsertRequest(db, stored);
        if (!id.ok()) return id.error();
        auto files = storage::LinkStaged(db, draft.attachments, caller.id, stored.id, 0, false, m_limits.max_request_bytes, now);
        if (!files.ok()) return files.error();
        stored.attachments = std::move(*files);
        if (auto started = StartApproval(db, stored, approvals, now); !started.ok()) return started.error();
        if (!approvals.empty())
            if (auto filled = FillApproval(db, stored, caller.id, now); !filled.ok()) return filled.error();
        if (auto recorded = RecordPlacement(db, stored, now); !recorded.ok()) return recorded.error();
        // The body is encoded here only when it must be remembered with the key; otherwise after
        // the job, off the writer thread (every job waits for the writer).
        CreatedResponse out{201, idempotency ? api::EncodeRequest(stored) : std::string(), RequestLocation(stored.id), false};
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
        created = stored;
        return out;
    });
    if (result.ok() && created) {
        if (result->body.empty()) result->body = api::EncodeRequest(*created);
        Publish(*created, ChangeKind::created, caller.id, now);
    }
    return result;
}

Result<api::RequestPage> RequestService::ListMine(const User& caller, const RequestFilter& filter, int page,
                                                  int page_size) {
    auto lease = m_readers.Acquire();
    auto listed = storage::ListRequestsByRequester(*lease, {caller.id, filter, page, page_size, IsStaff(caller.role)});
    if (listed.ok())
        for (Request& r : listed->items) ShapeForCaller(caller, r);
    return listed;
}

Result<Request> RequestService::Get(const User& caller, RequestId id, Timestamp now) {
    const bool staff = IsStaff(caller.role);
    auto lease = m_readers.Acquire();
    auto found = storage::FindRequest(*lease, id, staff);
    if (!found.ok()) return found.error();
    // Someone else's request looks exactly like a missing one to an employee (approvers read what
    // they are asked to decide).
    if (!*found) return MakeError(ErrorCode::not_found, tr("No such request."));
    auto visible = MayRead(*lease, **found, caller, now);
    if (!visible.ok()) return visible.error();
    if (!*visible) return MakeError(ErrorCode::not_found, tr("No such request."));
    Request request = std::move(**found);
    if (auto f = FillApproval(*lease, request, caller.id, now); !f.ok()) return f.error();
    auto comments = storage::ListComments(*lease, id, staff);
    if (!comments.ok()) return comments.error();
    request.comments = std::move(*comments);
    request.comment_count = static_cast<int>(request.comments.size());
    if (auto files = FillAttachments(*lease, request, staff); !files.ok()) return files.error();
    ShapeForCaller(caller, request);
    return request;
}

Result<Comment> RequestService::AddComment(const User& caller, RequestId id, const NewComment& input, Timestamp now) {
    const bool staff = IsStaff(caller.role);
    if (input.internal && !staff)
        return MakeError(ErrorCode::forbidden, tr("Only agents can add internal notes."), "internal");
    std::optional<Request> after;  // the request once the comment is in
    auto result = m_writer.Run([&](storage::Database& db) -> Result<Comment> {
        auto found = storage::FindRequest(db, id, staff);
        if (!found.ok()) return found.error();
        if (!*found || (!staff && (*found)->requester_id != caller.id))
            return MakeError(ErrorCode::not_found, tr("No such request."));
        auto count = storage::CountComments(db, id);  // in the job: concurrent comments can't overshoot
        if (!count.ok()) return count.error();
        if (*count >= static_cast<std::int64_t>(kMaxCommentsPerRequest))
            return MakeError(ErrorCode::conflict, tr("This request has reached its comment limit; start a new request."));
        Comment comment;
        comment.author_id = caller.id;
        comment.author_name = caller.display_name;
        comment.author_role = caller.role;
        comment.body = input.body;
        comment.internal = input.internal;
        comment.created_at = now;
        if (auto c = storage::InsertComment(db, id, comment); !c.ok()) return c.error();
        auto files = storage::LinkStaged(db, input.attachments, caller.id, id, comment.id.value, input.internal,
                                         m_limits.max_request_bytes, now);
        if (!files.ok()) return files.error();
        comment.attachments = std::move(*files);
        if (auto n = NotifyRequesterOfReply(db, **found, caller, input.internal, now); !n.ok()) return n.error();
        // An internal note leaves updated_at and version alone: employees see both (and their
        // list is ordered by updated_at), so bumping them would tell that a note was written.
        after = **found;
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
                if (auto a = ApplyStatus(db, r, effect.new_status, PendingReason::none, caller, now); !a.ok())
                    return a.error();
            if (auto d = RefreshDueTimes(db, r, now); !d.ok()) return d.error();
            if (auto s = SaveChanged(db, before, r, caller.id, now); !s.ok()) return s.error();
            after = r;
        }
        const std::string detail =
            storage::AuditDetail().Int("request_id", id.value).Bool("internal", input.internal).Json();
        if (auto a = storage::AppendAudit(db, {now, caller.id, "comment", comment.id.value, "create", detail}); !a.ok())
            return a.error();
        return comment;
    });
    if (result.ok() && after) Publish(*after, input.internal ? ChangeKind::note : ChangeKind::comment, caller.id);
    return result;
}


Result<Request> RequestService::Update(const User& caller, RequestId id, const api::RequestPatch& patch, Timestamp now) {
    const bool staff = IsStaff(caller.role);
    if (!staff && (patch.assignee || patch.group_id || patch.impact || patch.urgency))
        return MakeError(ErrorCode::forbidden, tr("Only agents can change the assignee, group, impact or urgency."));
    int version_before = 0;
    auto updated = m_writer.Run([&](storage::Database& db) -> Result<Request> {
        auto found = storage::FindRequest(db, id, staff);
        if (!found.ok()) return found.error();
        if (!*found || (!staff && (*found)->requester_id != caller.id))
            return MakeError(ErrorCode::not_found, tr("No such request."));
        version_before = (*found)->version;
        return ApplyPatch(db, caller, **found, patch, now);
    });
    if (updated.ok() && updated->version != version_before) Publish(*updated, ChangeKind::updated, caller.id, now);
    if (updated.ok()) ShapeForCaller(caller, *updated);
    return updated;
}

void RequestService::PublishSystemChanges(const std::vector<RequestId>& ids) {
    if (!m_events || ids.empty()) return;
    auto lease = m_readers.Acquire();
    for (RequestId id : ids) {
        auto found = storage::FindRequest(*lease, id, true);
        if (found.ok() && *found) Publish(**found, ChangeKind::updated, UserId());
    }
}

void RequestService::Publish(const Request& r, ChangeKind kind, UserId actor, Timestamp now, bool approval) {
    if (!m_events) return;
    RequestChange change{r.id, r.version, kind, r.requester_id, actor, r.status, r.assignee_id, r.group_id, {}};
    // Held, cancelled while held, or decided: the approvers' inboxes (and their delegates') change too.
    if (now != 0 && kind != ChangeKind::note &&
        (approval || r.status == Status::awaiting_approval || r.status == Status::cancelled)) {
        auto lease = m_readers.Acquire();
        if (auto watchers = storage::ApprovalWatchers(*lease, r.id, now); watchers.ok())
            change.watchers = std::move(*watchers);
    }
    m_events->PublishRequest(change);
}

Result<storage::QueueQuery> RequestService::ScopeQueue(const User& caller, storage::QueueQuery query, Timestamp now) {
    if (!IsStaff(caller.role)) return MakeError(ErrorCode::forbidden, tr("Queues are for agents and admins."));
    query.caller = caller.id;
    query.now = now;
    if (query.filter.report) {  // a report's slice: the same scope as the report it came from
        auto lease = m_readers.Acquire();
        if (auto scoped = ScopeReportFilter(*lease, caller, &query.filter.report->filter); !scoped.ok()) return scoped.error();
        query.view = storage::QueueView::all_open;
    }
    return query;
}

Result<api::RequestPage> RequestService::Queue(const User& caller, storage::QueueQuery query, Timestamp now) {
    auto scoped = ScopeQueue(caller, std::move(query), now);
    if (!scoped.ok()) return scoped.error();
    auto lease = m_readers.Acquire();
    return storage::ListQueue(*lease, *scoped);
}

Result<std::vector<Request>> RequestService::QueueBatch(const storage::QueueQuery& scoped, std::int64_t after_id, int limit) {
    auto lease = m_readers.Acquire();
    return storage::ExportQueueBatch(*lease, scoped, after_id, limit);
}

Result<api::BulkUpdateResult> RequestService::BulkUpdate(const User& caller, const api::BulkUpdateBody& bulk,
                                                         Timestamp now) {
    if (!IsStaff(caller.role)) return MakeError(ErrorCode::forbidden, tr("Bulk changes are for agents and admins."));
    std::vector<Request> changed;  // published once the batch is committed
    auto result = m_writer.Run([&](storage::Database& db) -> Result<api::BulkUpdateResult> {
        changed.clear();
        api::BulkUpdateResult out;
        for (RequestId id : bulk.ids) {
            // Each id is its own PATCH against its current version, in its own savepoint: a refused
            // one leaves nothing behind and does not stop the others.
            int version_before = 0;
            auto applied = storage::InSavepoint(db, "bulk_item", [&](storage::Database& tx) -> Result<Request> {
                auto found = storage::FindRequest(tx, id, true);
                if (!found.ok()) return found.error();
                if (!*found) return MakeError(ErrorCode::not_found, tr("No such request."));
                api::RequestPatch patch = bulk.patch;
                patch.base_version = version_before = (*found)->version;
                return ApplyPatch(tx, caller, **found, patch, now);
            });
            if (!applied.ok()) {
                const ErrorCode code = applied.error().code;
                if (code == ErrorCode::internal || code == ErrorCode::unavailable)
                    return applied.error();  // the store failed, not a rule: all or nothing
                out.results.push_back({id, false, 0, applied.error()});
                continue;
            }
            out.results.push_back({id, true, applied->version, {}});
            if (applied->version != version_before) changed.push_back(std::move(*applied));
        }
        return out;
    });
    if (result.ok())
        for (const Request& r : changed) Publish(r, ChangeKind::updated, caller.id, now);
    return result;
}

Result<api::MergeResult> RequestService::Merge(const User& caller, RequestId id, const api::MergeBody& body,
                                               Timestamp now) {
    if (!IsStaff(caller.role)) {
        auto lease = m_readers.Acquire();
        if (auto staff = CheckStaffOnRequest(*lease, caller, id, tr("Only agents and admins can merge requests."));
            !staff.ok())
            return staff.error();
    }
    auto result = m_writer.Run([&](storage::Database& db) -> Result<api::MergeResult> {
        auto source = storage::FindRequest(db, id, true);
        if (!source.ok()) return source.error();
        if (!*source) return MakeError(ErrorCode::not_found, tr("No such request."));
        const Request before = **source;
        if (before.version != body.base_version) return StaleRequest(before);
        auto target = storage::FindRequest(db, body.into, true);
        if (!target.ok()) return target.error();
        MergeFacts facts{id, before.status, body.into, target->has_value(), Status::new_, {}};
        if (*target) {
            facts.target_status = (*target)->status;
            auto chain = storage::DuplicateChain(db, body.into, kMaxLinksPerRequest);
            if (!chain.ok()) return chain.error();
            facts.duplicate_chain = std::move(*chain);
        }
        if (auto ok = CheckMerge(facts, caller.role); !ok.ok()) return ok.error();
        for (RequestId full : {id, body.into}) {
            auto count = storage::CountComments(db, full);
            if (!count.ok()) return count.error();
            if (*count >= static_cast<std::int64_t>(kMaxCommentsPerRequest))
                // TRANSLATORS: {0} is a request reference, "#42".
                return MakeError(ErrorCode::conflict, Format(tr("{0} has reached its comment limit, so the merge can't be noted there."),
                                                             {std::string("#").append(std::to_string(full.value))}));
        }

        // The source: a public reply saying where it went, then Closed (version + 1, history).
        Comment reply;
        reply.author_id = caller.id;
        reply.body = MergedIntoText(body.into);
        reply.created_at = now;
        if (auto c = storage::InsertComment(db, id, reply); !c.ok()) return c.error();
        Request r = before;
        if (caller.id != before.requester_id && r.first_response_at == 0) r.first_response_at = now;
        if (auto a = ApplyStatus(db, r, Status::closed, PendingReason::none, caller, now); !a.ok()) return a.error();
        if (auto d = RefreshDueTimes(db, r, now); !d.ok()) return d.error();
        if (auto s = SaveChanged(db, before, r, caller.id, now); !s.ok()) return s.error();
        const std::string into_ref = std::string("#").append(std::to_string(body.into.value));
        const std::string from_ref = std::string("#").append(std::to_string(id.value));
        if (auto h = storage::AppendHistory(db, id, {0, now, caller.id, {}, "merged_into", "", into_ref}); !h.ok())
            return h.error();

        // The link replaces any 'relates' link between the two.
        if (auto link = storage::FindLinkBetween(db, id, body.into); !link.ok()) {
            return link.error();
        } else if (*link) {
            if (auto d = storage::DeleteLink(db, (*link)->request_id, (*link)->other_id); !d.ok()) return d.error();
        }
        if (auto l = storage::InsertLink(db, {id, body.into, LinkKind::duplicate_of}, caller.id, now); !l.ok())
            return l.error();

        // The target: an internal note (which, like every note, leaves its version alone).
        Comment note;
        note.author_id = caller.id;
        note.body = MergedFromNote(id, before.number, before.summary);
        note.internal = true;
        note.created_at = now;
        if (auto c = storage::InsertComment(db, body.into, note); !c.ok()) return c.error();
        if (auto h = storage::AppendHistory(db, body.into, {0, now, caller.id, {}, "merged_from", "", from_ref}); !h.ok())
            return h.error();

        const std::string detail = storage::AuditDetail().Int("into_id", body.into.value).Int("version", r.version).Json();
        if (auto a = storage::AppendAudit(db, {now, caller.id, "request", id.value, "merge", detail}); !a.ok())
            return a.error();
        api::MergeResult out;
        for (auto [which, slot] : {std::pair{id, &out.source}, std::pair{body.into, &out.target}}) {
            auto reloaded = storage::FindRequest(db, which, true);
            if (!reloaded.ok()) return reloaded.error();
            if (!*reloaded) return MakeError(ErrorCode::not_found, tr("No such request."));
            *slot = std::move(**reloaded);
        }
        return out;
    });
    if (result.ok()) {
        Publish(result->source, ChangeKind::updated, caller.id);
        Publish(result->target, ChangeKind::note, caller.id);
    }
    return result;
}

Result<std::vector<storage::HistoryEntry>> RequestService::History(const User& caller, RequestId id) {
    if (!IsStaff(caller.role)) return MakeError(ErrorCode::forbidden, tr("The history is for agents and admins."));
    auto lease = m_readers.Acquire();
    auto found = storage::FindRequest(*lease, id, true);
    if (!found.ok()) return found.error();
    if (!*found) return MakeError(ErrorCode::not_found, tr("No such request."));
    return storage::ListHistory(*lease, id);
}

}  // namespace spoc::app
