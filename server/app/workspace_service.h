// The ticket workspace's use cases besides request changes (agents and admins only): canned
// responses (list, create, edit, delete, and the text one expands to for a request and the caller
// with shared's ExpandPlaceholders), a request's requester with their other requests and links,
// and linking/unlinking (one writer job each, history rows on both ends, an audit row).
// Employees: 403, or 404 for a request they can't see (see CheckStaffOnRequest).
#pragma once
#include <cstdint>
#include <vector>

#include "server/storage/reader_pool.h"
#include "server/storage/writer.h"
#include "shared/api/workspace_dto.h"

namespace spoc::app {

class WorkspaceService {
public:
    WorkspaceService(storage::ReaderPool& readers, storage::Writer& writer);

    // Canned responses: agents see (and may write) those for everyone and for their groups;
    // admins all of them. One the caller can't see answers 404.
    Result<std::vector<CannedResponse>> ListCanned(const User& caller);
    Result<CannedResponse> CreateCanned(const User& caller, const CannedResponse& canned, Timestamp now);
    Result<CannedResponse> UpdateCanned(const User& caller, std::int64_t id, const CannedResponse& canned, Timestamp now);
    Result<Unit> DeleteCanned(const User& caller, std::int64_t id, Timestamp now);
    Result<api::CannedExpansion> ExpandCanned(const User& caller, RequestId request, std::int64_t canned_id);

    // The requester, their newest other requests (kMaxRelatedRequests) and the request's links.
    Result<api::RelatedRequests> Related(const User& caller, RequestId id);
    // Links `id` and body.other ('relates' only, by shared CheckLink). *created is false when the
    // two were already linked (nothing changes). Answers the links of `id`.
    Result<std::vector<LinkedRequest>> Link(const User& caller, RequestId id, const api::LinkBody& body, Timestamp now,
                                            bool* created);
    // Removes the link between `id` and `other` (either direction); a merge's duplicate_of stays.
    Result<Unit> Unlink(const User& caller, RequestId id, RequestId other, Timestamp now);

private:
    storage::ReaderPool& m_readers;
    storage::Writer& m_writer;
};

}  // namespace spoc::app
