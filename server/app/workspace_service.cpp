// Ticket workspace use cases (see workspace_service.h).
#include "server/app/workspace_service.h"

#include <algorithm>

#include "server/app/request_workflow.h"
#include "server/storage/agents_repo.h"
#include "server/storage/audit_repo.h"
#include "server/storage/requests_repo.h"
#include "server/storage/users_repo.h"
#include "server/storage/workspace_repo.h"
#include "shared/domain/i18n.h"
#include "shared/domain/request_builder.h"

namespace spoc::app {

using i18n::Format;
using i18n::Plural;
using i18n::tr;

namespace {

Error CannedForbidden() { return MakeError(ErrorCode::forbidden, tr("Canned responses are for agents and admins.")); }
Error NoSuchCanned() { return MakeError(ErrorCode::not_found, tr("No such canned response.")); }

// The canned response `id` if the caller may see it.
Result<CannedResponse> FindVisibleCanned(storage::Database& db, const User& caller, std::int64_t id) {
    auto found = storage::FindCanned(db, id);
    if (!found.ok()) return found.error();
    if (!*found) return NoSuchCanned();
    auto groups = storage::ListMemberGroups(db, caller.id);
    if (!groups.ok()) return groups.error();
    if (!CanSeeCanned(caller.role, (*found)->group_id, *groups)) return NoSuchCanned();
    return std::move(**found);
}

// Content rules (shared ValidateCannedResponse), then the group: one that exists and, for an
// agent, one of theirs (or everyone). Fills canned.group_name.
Result<Unit> CheckCannedWrite(storage::Database& db, const User& caller, CannedResponse& canned) {
    auto problems = ValidateCannedResponse(canned);
    if (!problems.empty()) {
        Error error = MakeError(ErrorCode::validation_failed, problems.front().message, problems.front().field);
        error.details = std::move(problems);
        return error;
    }
    canned.group_name.clear();
    if (canned.group_id == 0) return Unit{};
    auto groups = storage::ListGroups(db);
    if (!groups.ok()) return groups.error();
    for (const AssignmentGroup& g : *groups)
        if (g.id == canned.group_id) canned.group_name = g.name;
    if (canned.group_name.empty()) return MakeError(ErrorCode::validation_failed, tr("No such group."), "group_id");
    auto mine = storage::ListMemberGroups(db, caller.id);
    if (!mine.ok()) return mine.error();
    if (!CanSeeCanned(caller.role, canned.group_id, *mine))
        return MakeError(ErrorCode::validation_failed, tr("Choose one of your own groups, or everyone."), "group_id");
    return Unit{};
}

Result<Unit> AuditCanned(storage::Database& db, const User& caller, std::int64_t id, const char* action,
                         const CannedResponse& canned, Timestamp now) {
    const std::string detail =
        storage::AuditDetail().Text("title", canned.title).Int("group_id", canned.group_id).Json();
    return storage::AppendAudit(db, {now, caller.id, "canned_response", id, action, detail});
}

std::string Ref(RequestId id) { return std::string("#").append(std::to_string(id.value)); }

// History rows on both ends of a link change ("linked" / "unlinked", new value "#other").
Result<Unit> RecordLinkChange(storage::Database& db, RequestId a, RequestId b, const char* field, UserId actor,
                              Timestamp now) {
    if (auto h = storage::AppendHistory(db, a, {0, now, actor, {}, field, "", Ref(b)}); !h.ok()) return h.error();
    return storage::AppendHistory(db, b, {0, now, actor, {}, field, "", Ref(a)});
}

}  // namespace

WorkspaceService::WorkspaceService(storage::ReaderPool& readers, storage::Writer& writer)
    : m_readers(readers), m_writer(writer) {}

// [SECTION] Canned responses

Result<std::vector<CannedResponse>> WorkspaceService::ListCanned(const User& caller) {
    if (!IsStaff(caller.role)) return CannedForbidden();
    auto lease = m_readers.Acquire();
    auto all = storage::ListCanned(*lease);
    if (!all.ok()) return all.error();
    auto groups = storage::ListMemberGroups(*lease, caller.id);
    if (!groups.ok()) return groups.error();
    std::vector<CannedResponse> out;
    for (CannedResponse& c : *all)
        if (CanSeeCanned(caller.role, c.group_id, *groups)) out.push_back(std::move(c));
    return out;
}

Result<CannedResponse> WorkspaceService::CreateCanned(const User& caller, const CannedResponse& input, Timestamp now) {
    if (!IsStaff(caller.role)) return CannedForbidden();
    return m_writer.Run([&](storage::Database& db) -> Result<CannedResponse> {
        CannedResponse canned = input;
        if (auto ok = CheckCannedWrite(db, caller, canned); !ok.ok()) return ok.error();
        auto count = storage::CountCanned(db);  // in the job: concurrent creates can't overshoot
        if (!count.ok()) return count.error();
        if (*count >= static_cast<std::int64_t>(kMaxCannedResponses))
            return MakeError(ErrorCode::conflict,
                             Plural("There is already {0} canned response; delete some first.",
                                    "There are already {0} canned responses; delete some first.",
                                    static_cast<long>(kMaxCannedResponses)));
        auto id = storage::InsertCanned(db, canned, caller.id, now);
        if (!id.ok()) return id.error();
        canned.id = *id;
        canned.updated_at = now;
        if (auto a = AuditCanned(db, caller, canned.id, "create", canned, now); !a.ok()) return a.error();
        return canned;
    });
}

Result<CannedResponse> WorkspaceService::UpdateCanned(const User& caller, std::int64_t id, const CannedResponse& input,
                                                      Timestamp now) {
    if (!IsStaff(caller.role)) return CannedForbidden();
    return m_writer.Run([&](storage::Database& db) -> Result<CannedResponse> {
        if (auto visible = FindVisibleCanned(db, caller, id); !visible.ok()) return visible.error();
        CannedResponse canned = input;
        canned.id = id;
        if (auto ok = CheckCannedWrite(db, caller, canned); !ok.ok()) return ok.error();
        auto updated = storage::UpdateCanned(db, canned, now);
        if (!updated.ok()) return updated.error();
        if (!*updated) return NoSuchCanned();
        canned.updated_at = now;
        if (auto a = AuditCanned(db, caller, id, "update", canned, now); !a.ok()) return a.error();
        return canned;
    });
}

Result<Unit> WorkspaceService::DeleteCanned(const User& caller, std::int64_t id, Timestamp now) {
    if (!IsStaff(caller.role)) return CannedForbidden();
    return m_writer.Run([&](storage::Database& db) -> Result<Unit> {
        auto visible = FindVisibleCanned(db, caller, id);
        if (!visible.ok()) return visible.error();
        auto deleted = storage::DeleteCanned(db, id);
        if (!deleted.ok()) return deleted.error();
        if (!*deleted) return NoSuchCanned();
        return AuditCanned(db, caller, id, "delete", *visible, now);
    });
}

Result<api::CannedExpansion> WorkspaceService::ExpandCanned(const User& caller, RequestId request_id,
                                                            std::int64_t canned_id) {
    auto lease = m_readers.Acquire();
    if (auto staff = CheckStaffOnRequest(*lease, caller, request_id, tr("Canned responses are for agents and admins."));
        !staff.ok())
        return staff.error();
    auto request = storage::FindRequest(*lease, request_id, true);
    if (!request.ok()) return request.error();
    if (!*request) return MakeError(ErrorCode::not_found, tr("No such request."));
    auto canned = FindVisibleCanned(*lease, caller, canned_id);
    if (!canned.ok()) return canned.error();
    // The same two shared calls the browser makes with the request it shows and the signed-in user.
    api::CannedExpansion out;
    out.canned_id = canned->id;
    out.title = canned->title;
    out.expansion = ExpandPlaceholders(canned->body, MakePlaceholderContext(**request, caller));
    return out;
}

// [SECTION] Related requests and links

Result<api::RelatedRequests> WorkspaceService::Related(const User& caller, RequestId id) {
    auto lease = m_readers.Acquire();
    if (auto staff = CheckStaffOnRequest(*lease, caller, id, tr("A requester's other requests are for agents and admins."));
        !staff.ok())
        return staff.error();
    auto request = storage::FindRequest(*lease, id, true);
    if (!request.ok()) return request.error();
    if (!*request) return MakeError(ErrorCode::not_found, tr("No such request."));
    auto requester = storage::FindUser(*lease, (*request)->requester_id);
    if (!requester.ok()) return requester.error();
    if (!*requester) return MakeError(ErrorCode::internal, "The request's requester is missing.");
    api::RelatedRequests out;
    out.requester = std::move(**requester);
    std::int64_t total = 0;
    auto others = storage::ListOtherRequests(*lease, out.requester.id, id, static_cast<int>(kMaxRelatedRequests), &total);
    if (!others.ok()) return others.error();
    out.other_requests = std::move(*others);
    out.other_total = static_cast<int>(total);
    auto links = storage::ListLinks(*lease, id);
    if (!links.ok()) return links.error();
    out.links = std::move(*links);
    return out;
}

Result<std::vector<LinkedRequest>> WorkspaceService::Link(const User& caller, RequestId id, const api::LinkBody& body,
                                                          Timestamp now, bool* created) {
    *created = false;
    if (!IsStaff(caller.role)) {
        auto lease = m_readers.Acquire();
        if (auto staff = CheckStaffOnRequest(*lease, caller, id, tr("Only agents and admins can link requests."));
            !staff.ok())
            return staff.error();
    }
    return m_writer.Run([&](storage::Database& db) -> Result<std::vector<LinkedRequest>> {
        *created = false;
        auto request = storage::FindRequest(db, id, true);
        if (!request.ok()) return request.error();
        if (!*request) return MakeError(ErrorCode::not_found, tr("No such request."));
        if (auto rule = CheckLink(caller.role, id, body.other, body.kind, 0); !rule.ok()) return rule.error();
        auto other = storage::FindRequest(db, body.other, true);
        if (!other.ok()) return other.error();
        // TRANSLATORS: {0} is a request reference, "#42".
        if (!*other) return MakeError(ErrorCode::validation_failed, Format(tr("There is no request {0}."), {Ref(body.other)}), "other_id");
        auto existing = storage::FindLinkBetween(db, id, body.other);
        if (!existing.ok()) return existing.error();
        if (!*existing) {
            std::size_t most = 0;
            for (RequestId end : {id, body.other}) {
                auto count = storage::CountLinks(db, end);
                if (!count.ok()) return count.error();
                most = std::max(most, static_cast<std::size_t>(*count));
            }
            if (auto rule = CheckLink(caller.role, id, body.other, body.kind, most); !rule.ok()) return rule.error();
            if (auto l = storage::InsertLink(db, {id, body.other, body.kind}, caller.id, now); !l.ok()) return l.error();
            if (auto h = RecordLinkChange(db, id, body.other, "linked", caller.id, now); !h.ok()) return h.error();
            const std::string detail = storage::AuditDetail().Int("other_id", body.other.value).Text("kind", LinkKindName(body.kind)).Json();
            if (auto a = storage::AppendAudit(db, {now, caller.id, "request", id.value, "link", detail}); !a.ok())
                return a.error();
            *created = true;
        }
        return storage::ListLinks(db, id);
    });
}

Result<Unit> WorkspaceService::Unlink(const User& caller, RequestId id, RequestId other, Timestamp now) {
    if (!IsStaff(caller.role)) {
        auto lease = m_readers.Acquire();
        if (auto staff = CheckStaffOnRequest(*lease, caller, id, tr("Only agents and admins can unlink requests."));
            !staff.ok())
            return staff.error();
    }
    return m_writer.Run([&](storage::Database& db) -> Result<Unit> {
        auto link = storage::FindLinkBetween(db, id, other);
        if (!link.ok()) return link.error();
        if (!*link) return MakeError(ErrorCode::not_found, tr("These requests are not linked."));
        if (auto rule = CheckUnlink(caller.role, (*link)->kind); !rule.ok()) return rule.error();
        auto deleted = storage::DeleteLink(db, (*link)->request_id, (*link)->other_id);
        if (!deleted.ok()) return deleted.error();
        if (auto h = RecordLinkChange(db, id, other, "unlinked", caller.id, now); !h.ok()) return h.error();
        const std::string detail = storage::AuditDetail().Int("other_id", other.value).Json();
        return storage::AppendAudit(db, {now, caller.id, "request", id.value, "unlink", detail});
    });
}

}  // namespace spoc::app
