// Wire shapes of the ticket workspace (agent mode): canned responses and their expansion, a
// request's requester with their other requests and links, link/merge bodies, and bulk updates.
// Split from dto.h by feature like kb_dto.h; same conventions: snake_case, missing == null, times
// ISO-8601, decoders return Result<T> and never throw.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "shared/api/dto.h"
#include "shared/domain/canned.h"
#include "shared/domain/links.h"

namespace spoc::api {

// ---- Canned responses: GET/POST /api/v1/canned, PUT/DELETE /api/v1/canned/{id} ---------------
std::string EncodeCanned(const CannedResponse& canned);  // {id,title,body,group_id,group_name,updated_at}
Result<CannedResponse> DecodeCanned(std::string_view body);
// {"items":[...], "placeholders":["requester.first_name", ...]}: the names the editor offers.
std::string EncodeCannedList(const std::vector<CannedResponse>& items);
Result<std::vector<CannedResponse>> DecodeCannedList(std::string_view body);
std::string EncodeCannedWrite(const CannedResponse& canned);  // POST/PUT body {title, body, group_id}
// Shape only; title and body trimmed. ValidateCannedResponse checks the content.
Result<CannedResponse> DecodeCannedWrite(std::string_view body);

// GET /api/v1/requests/{id}/canned/{cid}: the text for that request and caller.
struct CannedExpansion {
    std::int64_t canned_id = 0;
    std::string title;
    Expansion expansion;  // {"text", "unknown": [...], "truncated"}
};
std::string EncodeCannedExpansion(const CannedExpansion& e);
Result<CannedExpansion> DecodeCannedExpansion(std::string_view body);

// ---- GET /api/v1/requests/{id}/related ---------------------------------------------------------
struct RelatedRequests {
    User requester;                           // {id, name, username, email, department, time_zone, role}
    int other_total = 0;                      // all their other requests; other_requests holds the newest
    std::vector<RequestBrief> other_requests;  // newest first, at most kMaxRelatedRequests
    std::vector<LinkedRequest> links;          // {..brief, kind, direction: outgoing | incoming}
};
std::string EncodeRelated(const RelatedRequests& related);
Result<RelatedRequests> DecodeRelated(std::string_view body);

// ---- Links: POST /api/v1/requests/{id}/links, DELETE .../links/{other} ---------------------------
struct LinkBody {
    RequestId other;
    LinkKind kind = LinkKind::relates;
};
std::string EncodeLinkBody(const LinkBody& body);
Result<LinkBody> DecodeLinkBody(std::string_view body);  // other_id required and positive
std::string EncodeLinks(const std::vector<LinkedRequest>& links);  // {"links":[...]}
Result<std::vector<LinkedRequest>> DecodeLinks(std::string_view body);

// ---- Merge: POST /api/v1/requests/{id}/merge -----------------------------------------------------
struct MergeBody {
    RequestId into;
    int base_version = 0;  // the source's version the agent saw
};
std::string EncodeMergeBody(const MergeBody& body);
Result<MergeBody> DecodeMergeBody(std::string_view body);  // both required and positive
struct MergeResult {
    Request source;  // closed, version + 1
    Request target;
};
std::string EncodeMergeResult(const MergeResult& result);  // {"source":{Request},"target":{Request}}
Result<MergeResult> DecodeMergeResult(std::string_view body);

// ---- Bulk update: POST /api/v1/requests/bulk -----------------------------------------------------
// {"ids":[...], "patch":{status?, pending_reason?, assignee_id?, group_id?}}; ids 1..kMaxBulkIds,
// positive and distinct. Each id is checked on its own (as PATCH would, against its current
// version); patch.base_version is not used.
struct BulkUpdateBody {
    std::vector<RequestId> ids;
    RequestPatch patch;
};
std::string EncodeBulkUpdate(const BulkUpdateBody& body);
Result<BulkUpdateBody> DecodeBulkUpdate(std::string_view body);

struct BulkItemResult {
    RequestId id;
    bool ok = false;
    int version = 0;  // when ok: the version after the change
    Error error;      // when not ok
};
struct BulkUpdateResult {
    std::vector<BulkItemResult> results;  // in the order of the ids
};
// {"results":[{"id","ok":true,"version"} | {"id","ok":false,"error":{code,message,field}}],
//  "succeeded":n, "failed":m}
std::string EncodeBulkResult(const BulkUpdateResult& result);
Result<BulkUpdateResult> DecodeBulkResult(std::string_view body);

}  // namespace spoc::api
