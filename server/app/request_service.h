// Requests and their conversation: create from a catalog form (validated by shared's ValidateDraft,
// stored with an audit row and, when the client sent one, its Idempotency-Key in the same write
// job), list the caller's own, read one (employees: only their own, never internal notes), comment
// (at most kMaxCommentsPerRequest per request; an internal note changes nothing an employee sees).
#pragma once
#include <optional>
#include <string>

#include "server/app/auth_service.h"
#include "server/app/catalog_service.h"
#include "server/storage/agents_repo.h"
#include "server/storage/reader_pool.h"
#include "server/storage/requests_repo.h"
#include "server/storage/writer.h"
#include "shared/api/dto.h"
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

class RequestService {
public:
    RequestService(storage::ReaderPool& readers, storage::Writer& writer, CatalogService& catalog);

    Result<CreatedResponse> Create(const User& caller, const RequestDraft& draft,
                                   const std::optional<IdempotencyKey>& idempotency, Timestamp now);
    Result<api::RequestPage> ListMine(const User& caller, const RequestFilter& filter, int page, int page_size);
    Result<Request> Get(const User& caller, RequestId id);  // with the comments the caller may see
    Result<Comment> AddComment(const User& caller, RequestId id, const NewComment& comment, Timestamp now);
    // Agent mode. Update: status (lifecycle rules per role, shared CheckTransition), assignee,
    // group, impact/urgency (priority recomputed); stale base_version -> 409; every changed field
    // goes to the history; SLA clocks pause while Pending or Resolved.
    Result<Request> Update(const User& caller, RequestId id, const api::RequestPatch& patch, Timestamp now);
    // (staff only): a queue view, and a request's field-change history.
    Result<api::RequestPage> Queue(const User& caller, storage::QueueView view, int page, int page_size, Timestamp now);
    Result<std::vector<storage::HistoryEntry>> History(const User& caller, RequestId id);

private:
    storage::ReaderPool& m_readers;
    storage::Writer& m_writer;
    CatalogService& m_catalog;
};

}  // namespace spoc::app
