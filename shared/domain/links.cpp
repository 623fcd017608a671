// Link and merge rules (see links.h). Messages are sentences an agent can act on.
#include "shared/domain/links.h"

#include <algorithm>

#include "shared/domain/i18n.h"
#include "shared/domain/request_builder.h"

namespace spoc {

using i18n::Format;
using i18n::Plural;
using i18n::tr;

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
    if (!IsStaff(actor)) return MakeError(ErrorCode::forbidden, tr("Only agents and admins can link requests."));
    if (kind == LinkKind::duplicate_of)
        return Invalid(tr("Merge the request to mark it as a duplicate."), "kind");
    if (!other.valid()) return Invalid(tr("Choose the request to link to."), "other_id");
    if (other == id) return Invalid(tr("A request can't be linked to itself."), "other_id");
    if (existing_links >= kMaxLinksPerRequest)
        return MakeError(ErrorCode::conflict,
                         Plural("A request can have at most {0} link.", "A request can have at most {0} links.",
                                static_cast<long>(kMaxLinksPerRequest)),
                         "other_id");
    return Unit{};
}

Result<Unit> CheckUnlink(Role actor, LinkKind kind) {
    if (!IsStaff(actor)) return MakeError(ErrorCode::forbidden, tr("Only agents and admins can unlink requests."));
    if (kind == LinkKind::duplicate_of)
        return Invalid(tr("This link records a merge and can't be removed."), "other_id");
    return Unit{};
}

Result<Unit> CheckMerge(const MergeFacts& f, Role actor) {
    if (!IsStaff(actor)) return MakeError(ErrorCode::forbidden, tr("Only agents and admins can merge requests."));
    if (!f.target.valid()) return Invalid(tr("Choose the request to merge into."), "into_id");
    if (f.target == f.source) return Invalid(tr("A request can't be merged into itself."), "into_id");
    // TRANSLATORS: {0} is a request reference, "#42".
    if (!f.target_exists) return Invalid(Format(tr("There is no request {0}."), {Ref(f.target)}), "into_id");
    if (std::find(f.duplicate_chain.begin(), f.duplicate_chain.end(), f.source) != f.duplicate_chain.end())
        // TRANSLATORS: {0} and {1} are request references, "#42".
        return Invalid(Format(tr("{0} was merged into {1} (directly or through others); merging back would make a loop."),
                              {Ref(f.target), Ref(f.source)}),
                       "into_id");
    if (f.target_status == Status::closed || f.target_status == Status::cancelled)
        // TRANSLATORS: {0} is a request reference ("#42"), {1} its status ("Closed").
        return Invalid(Format(tr("{0} is {1}; merge into a request that is still being worked on."),
                              {Ref(f.target), StatusLabel(f.target_status)}),
                       "into_id");
    if (f.source_status == Status::closed || f.source_status == Status::cancelled)
        // TRANSLATORS: {0} is a status ("Closed").
        return Invalid(Format(tr("This request is already {0}."), {StatusLabel(f.source_status)}), "status");
    return Unit{};
}

// Both texts are stored as comments, in the language of the agent who merges.
std::string MergedIntoText(RequestId target) {
    // TRANSLATORS: a reply posted on a request merged into another; {0} is a request reference, "#42".
    return Format(tr("Merged into {0}."), {Ref(target)});
}

std::string MergedFromNote(RequestId source, std::string_view source_number, std::string_view source_summary) {
    // TRANSLATORS: an internal note on the request another was merged into: {0} "#17", {1} "REQ0000017",
    // {2} the merged request's summary.
    return Format(tr("Merged {0} ({1}) into this request: {2}"), {Ref(source), source_number, source_summary});
}

}  // namespace spoc
