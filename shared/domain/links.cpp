// Link and merge rules (see links.h). Messages are sentences an agent can act on.
#include "shared/domain/links.h"

#include <algorithm>

#include "shared/domain/request_builder.h"

namespace spoc {

namespace {

// Built by appending: "#" + std::to_string(...) trips a GCC 12 -Wrestrict false positive.
std::string Ref(RequestId id) {
    std::string ref = "#";
    ref += std::to_string(id.value);
    return ref;
}

Error Invalid(std::string message, const char* field) {
    return MakeError(ErrorCode::validation_failed, std::move(message), field);
}

}  // namespace

std::string_view LinkKindName(LinkKind kind) {
    switch (kind) {
        case LinkKind::relates: return "relates";
        case LinkKind::duplicate_of: return "duplicate_of";
    }
    return "relates";
}

bool ParseLinkKind(std::string_view text, LinkKind* out) {
    if (text == "relates") *out = LinkKind::relates;
    else if (text == "duplicate_of") *out = LinkKind::duplicate_of;
    else return false;
    return true;
}

RequestBrief MakeRequestBrief(const Request& r) {
    return RequestBrief{r.id, r.number, r.summary, r.status, r.priority, r.created_at, r.updated_at, r.assignee_name};
}

Result<Unit> CheckLink(Role actor, RequestId id, RequestId other, LinkKind kind, std::size_t existing_links) {
    if (!IsStaff(actor)) return MakeError(ErrorCode::forbidden, "Only agents and admins can link requests.");
    if (kind == LinkKind::duplicate_of)
        return Invalid("Merge the request to mark it as a duplicate.", "kind");
    if (!other.valid()) return Invalid("Choose the request to link to.", "other_id");
    if (other == id) return Invalid("A request can't be linked to itself.", "other_id");
    if (existing_links >= kMaxLinksPerRequest)
        return MakeError(ErrorCode::conflict,
                         "A request can have at most " + std::to_string(kMaxLinksPerRequest) + " links.", "other_id");
    return Unit{};
}

Result<Unit> CheckUnlink(Role actor, LinkKind kind) {
    if (!IsStaff(actor)) return MakeError(ErrorCode::forbidden, "Only agents and admins can unlink requests.");
    if (kind == LinkKind::duplicate_of)
        return Invalid("This link records a merge and can't be removed.", "other_id");
    return Unit{};
}

Result<Unit> CheckMerge(const MergeFacts& f, Role actor) {
    if (!IsStaff(actor)) return MakeError(ErrorCode::forbidden, "Only agents and admins can merge requests.");
    if (!f.target.valid()) return Invalid("Choose the request to merge into.", "into_id");
    if (f.target == f.source) return Invalid("A request can't be merged into itself.", "into_id");
    if (!f.target_exists) return Invalid("There is no request " + Ref(f.target) + ".", "into_id");
    if (std::find(f.duplicate_chain.begin(), f.duplicate_chain.end(), f.source) != f.duplicate_chain.end())
        return Invalid(Ref(f.target) + " was merged into " + Ref(f.source) +
                           " (directly or through others); merging back would make a loop.",
                       "into_id");
    if (f.target_status == Status::closed || f.target_status == Status::cancelled)
        return Invalid(Ref(f.target) + " is " + std::string(StatusLabel(f.target_status)) +
                           "; merge into a request that is still being worked on.",
                       "into_id");
    if (f.source_status == Status::closed || f.source_status == Status::cancelled)
        return Invalid("This request is already " + std::string(StatusLabel(f.source_status)) + ".", "status");
    return Unit{};
}

std::string MergedIntoText(RequestId target) { return "Merged into " + Ref(target) + "."; }

std::string MergedFromNote(RequestId source, std::string_view source_number, std::string_view source_summary) {
    return "Merged " + Ref(source) + " (" + std::string(source_number) + ") into this request: " +
           std::string(source_summary);
}

}  // namespace spoc
