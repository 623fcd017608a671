// Links between requests and merging a duplicate into another: the link kinds, the brief rows a
// workspace lists (the requester's other requests, linked requests), and the rules: who may link,
// unlink and merge, and which merges are valid (not into itself, not into a closed request, not
// around a loop of duplicates). Also the texts a merge leaves in both conversations. Pure.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "shared/domain/request.h"
#include "shared/domain/result.h"

namespace spoc {

inline constexpr std::size_t kMaxLinksPerRequest = 50;  // links touching one request
inline constexpr std::size_t kMaxRelatedRequests = 20;  // "other requests" listed in a workspace

// relates: symmetric, for "see also". duplicate_of: directed, request -> the one it was merged
// into; only a merge creates it.
enum class LinkKind { relates, duplicate_of };
std::string_view LinkKindName(LinkKind kind);  // "relates" | "duplicate_of"
bool ParseLinkKind(std::string_view text, LinkKind* out);

// One line of a list of requests in the workspace.
struct RequestBrief {
    RequestId id;
    std::string number;
    std::string summary;
    Status status = Status::new_;
    Priority priority = Priority::planning;
    Timestamp created_at = 0;
    Timestamp updated_at = 0;
    std::string assignee_name;  // "" when unassigned
};
RequestBrief MakeRequestBrief(const Request& request);

// A link as seen from one request. outgoing: this request is the link's first end (for
// duplicate_of: this request is the duplicate).
struct LinkedRequest {
    RequestBrief request;  // the other end
    LinkKind kind = LinkKind::relates;
    bool outgoing = true;
};

// Linking: staff only (forbidden otherwise); only "relates" can be added by hand (a duplicate is
// marked by merging); not to itself (field "other_id"); at most kMaxLinksPerRequest per request
// (`existing_links` is the larger count of the two ends; conflict past it).
Result<Unit> CheckLink(Role actor, RequestId id, RequestId other, LinkKind kind, std::size_t existing_links);
// Unlinking: staff only; a duplicate_of link records a merge and stays (field "other_id").
Result<Unit> CheckUnlink(Role actor, LinkKind kind);

// What CheckMerge needs to know. duplicate_chain: the requests the target was itself merged into,
// following duplicate_of links from the target (nearest first).
struct MergeFacts {
    RequestId source;
    Status source_status = Status::new_;
    RequestId target;                      // 0 when the caller named no request
    bool target_exists = false;
    Status target_status = Status::new_;
    std::vector<RequestId> duplicate_chain;
};
// Staff only. validation_failed with field "into_id": no target, the target is the source, the
// target does not exist, the target leads back to the source through duplicate_of links (a loop),
// the target is Closed or Cancelled. With field "status": the source is Closed or Cancelled.
Result<Unit> CheckMerge(const MergeFacts& facts, Role actor);

std::string MergedIntoText(RequestId target);  // public reply on the source: "Merged into #42."
// Internal note on the target: "Merged #17 (REQ0000017) into this request: <summary>".
std::string MergedFromNote(RequestId source, std::string_view source_number, std::string_view source_summary);

}  // namespace spoc
