// Ticket-workspace actions (see actions.h): what an agent does beside a request. Loads start from
// Sync for staff only (employees never ask for any of it); links, merges and detail edits are
// checked with the shared rules (links.h) before anything is sent; canned text lands in the reply
// box through EditReply, like typing. Index:
//   [SECTION] Helpers
//   [SECTION] Loads (per frame)
//   [SECTION] Links and merge
//   [SECTION] Canned responses, history
//   [SECTION] Details editor (group, assignee, impact, urgency)
#include "client/app/actions.h"
#include "shared/domain/i18n.h"
#include "shared/domain/links.h"
#include "shared/domain/text.h"

namespace spoc::client {

// ---------------------------------------------------------------------------------------------
// [SECTION] Helpers
// ---------------------------------------------------------------------------------------------
namespace {

bool IsStaffUser(const AppState& state) {
    return state.session == SessionPhase::signed_in && state.me && IsStaff(state.me->user.role);
}

const Request* Shown(const AppState& state, RequestId id) {
    auto it = state.details.find(id.value);
    return it != state.details.end() && it->second.has_data ? &it->second.data : nullptr;
}

const api::RelatedRequests* LoadedRelated(const AppState& state, RequestId id) {
    auto it = state.workspace.related.find(id.value);
    return it != state.workspace.related.end() && it->second.has_data ? &it->second.data : nullptr;
}

// What the workspace panels of `r` are loaded for: a new version (a change by anyone) reloads them.
std::string WorkspaceKey(const Request& r) { return std::to_string(r.id.value) + "@" + std::to_string(r.version); }

// "#42", "42", "REQ0000042": the request the link box names.
Result<RequestId> ParseTarget(const std::string& text, const char* field) {
    RequestId other;
    if (!ParseRequestRef(Trim(text), &other) || !other.valid())
        return MakeError(ErrorCode::validation_failed, i18n::tr("Enter a request number, like #42 or REQ0000042."), field);
    return other;
}

// What the client knows for CheckMerge: the target's status if it is listed in the workspace
// (else the server decides), and a loop when the target was itself merged into this request.
MergeFacts MergeFactsFor(const AppState& state, const Request& r, RequestId target) {
    MergeFacts facts;
    facts.source = r.id;
    facts.source_status = r.status;
    facts.target = target;
    facts.target_exists = true;  // unknown here: the server answers "There is no request #N."
    if (const api::RelatedRequests* related = LoadedRelated(state, r.id)) {
        for (const RequestBrief& b : related->other_requests)
            if (b.id == target) facts.target_status = b.status;
        for (const LinkedRequest& l : related->links) {
            if (l.request.id != target) continue;
            facts.target_status = l.request.status;
            if (l.kind == LinkKind::duplicate_of && !l.outgoing) facts.duplicate_chain.push_back(r.id);
        }
    }
    return facts;
}

const api::DirectoryGroup* FindGroup(const AppState& state, std::int64_t group_id) {
    if (!state.workspace.groups.has_data) return nullptr;
    for (const api::DirectoryGroup& g : state.workspace.groups.data.groups)
        if (g.id == group_id) return &g;
    return nullptr;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] Loads (per frame)
// ---------------------------------------------------------------------------------------------
void Actions::EnsureWorkspace() {
    WorkspaceState& ws = m_state.workspace;
    // Canned text the server expanded goes into the reply box as if typed (kept while a reply sends).
    for (auto& [key, drafts] : ws.drafts) {
        if (!drafts.canned_ready) continue;
        auto reply = m_state.replies.find(key);
        if (reply != m_state.replies.end() && reply->second.in_flight) continue;
        const std::string current = reply != m_state.replies.end() ? reply->second.text : std::string();
        std::string text = std::move(*drafts.canned_ready);
        drafts.canned_ready.reset();
        if (!Trim(current).empty()) text = current + (current.back() == '\n' ? "\n" : "\n\n") + text;
        EditReply(RequestId(key), std::move(text));
    }

    if (m_state.route.screen != Screen::request_detail) {
        ws.shown = RequestId();
        return;
    }
    if (!IsStaffUser(m_state)) return;
    const RequestId id = m_state.route.request;
    if (ws.shown != id) {  // entering a request re-reads its panels (links carry no version)
        ws.shown = id;
        if (auto it = ws.related.find(id.value); it != ws.related.end()) it->second.stale = true;
        if (auto it = ws.history.find(id.value); it != ws.history.end()) it->second.stale = true;
    }
    auto detail = m_state.details.find(id.value);
    if (detail == m_state.details.end() || !detail->second.has_data) return;
    if (detail->second.load == Load::loading || detail->second.stale) return;  // wait for the fresh version
    const Request& r = detail->second.data;
    const std::string key = WorkspaceKey(r);
    if (NeedsLoad(ws.related[id.value], key)) m_effects.LoadRelated(id, key);
    if (NeedsLoad(ws.history[id.value], key)) m_effects.LoadHistory(id, key);
    if (NeedsLoad(ws.canned, "all")) m_effects.LoadCanned();
    if (NeedsLoad(ws.groups, "all")) m_effects.LoadGroups();

    // Edits the request now has (saved, or made by someone else) are no longer edits.
    auto d = ws.drafts.find(id.value);
    auto w = m_state.workflow.find(id.value);
    if (d != ws.drafts.end() && (w == m_state.workflow.end() || !w->second.in_flight)) {
        DetailsDraft& e = d->second.details;
        if (e.group_id && *e.group_id == r.group_id) e.group_id.reset();
        if (e.assignee && *e.assignee == r.assignee_id) e.assignee.reset();
        if (e.impact && *e.impact == r.impact) e.impact.reset();
        if (e.urgency && *e.urgency == r.urgency) e.urgency.reset();
    }
}

void Actions::ReloadWorkspace(RequestId id) {
    if (!IsStaffUser(m_state)) return;
    WorkspaceState& ws = m_state.workspace;
    ws.related[id.value].stale = true;
    ws.history[id.value].stale = true;
    ws.canned.stale = true;
    ws.groups.stale = true;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Links and merge
// ---------------------------------------------------------------------------------------------
void Actions::EditLinkText(RequestId id, std::string text) {
    if (!IsStaffUser(m_state)) return;
    WorkspaceDrafts& d = m_state.workspace.drafts[id.value];
    if (d.link_in_flight) return;
    if (text.size() > 40) text.resize(40);  // "REQ0000042" with room to spare
    d.link_text = std::move(text);
    d.link_error.reset();
    d.merge_into = RequestId();
}

void Actions::SetLinkKind(RequestId id, LinkKind kind) {
    if (!IsStaffUser(m_state)) return;
    WorkspaceDrafts& d = m_state.workspace.drafts[id.value];
    if (d.link_in_flight) return;
    d.link_kind = kind;
    d.link_error.reset();
    d.merge_into = RequestId();
}

void Actions::AddLink(RequestId id) {
    if (!IsStaffUser(m_state) || !Shown(m_state, id)) return;
    WorkspaceDrafts& d = m_state.workspace.drafts[id.value];
    if (d.link_in_flight) return;
    Result<RequestId> other = ParseTarget(d.link_text, "other_id");
    if (!other.ok()) {
        d.link_error = other.error();
        return;
    }
    const api::RelatedRequests* related = LoadedRelated(m_state, id);
    const std::size_t existing = related ? related->links.size() : 0;
    if (auto ok = CheckLink(m_state.me->user.role, id, *other, d.link_kind, existing); !ok.ok()) {
        d.link_error = ok.error();
        return;
    }
    if (related)
        for (const LinkedRequest& l : related->links)
            if (l.request.id == *other) {
                // TRANSLATORS: {0} is a request number like 42 (written "#42").
                d.link_error = MakeError(ErrorCode::validation_failed,
                                         i18n::Format(i18n::tr("#{0} is already linked to this request."),
                                                      {std::to_string(other->value)}),
                                         "other_id");
                return;
            }
    m_effects.AddLink(id, api::LinkBody{*other, d.link_kind});
}

void Actions::RemoveLink(RequestId id, RequestId other) {
    if (!IsStaffUser(m_state)) return;
    const api::RelatedRequests* related = LoadedRelated(m_state, id);
    if (!related) return;
    const LinkedRequest* link = nullptr;
    for (const LinkedRequest& l : related->links)
        if (l.request.id == other) link = &l;
    if (!link) return;
    WorkspaceDrafts& d = m_state.workspace.drafts[id.value];
    if (d.unlinking != 0) return;
    if (auto ok = CheckUnlink(m_state.me->user.role, link->kind); !ok.ok()) {
        d.link_error = ok.error();
        return;
    }
    m_effects.RemoveLink(id, other);
}

void Actions::AskMerge(RequestId id) {
    const Request* r = Shown(m_state, id);
    if (!IsStaffUser(m_state) || !r) return;
    WorkspaceDrafts& d = m_state.workspace.drafts[id.value];
    Result<RequestId> target = ParseTarget(d.link_text, "into_id");
    if (!target.ok()) {
        d.link_error = target.error();
        return;
    }
    if (auto ok = CheckMerge(MergeFactsFor(m_state, *r, *target), m_state.me->user.role); !ok.ok()) {
        d.link_error = ok.error();
        return;
    }
    d.link_error.reset();
    d.merge_into = *target;
}

void Actions::CancelMerge(RequestId id) {
    auto d = m_state.workspace.drafts.find(id.value);
    if (d != m_state.workspace.drafts.end()) d->second.merge_into = RequestId();
}

void Actions::ConfirmMerge(RequestId id) {
    const Request* r = Shown(m_state, id);
    if (!IsStaffUser(m_state) || !r) return;
    WorkspaceDrafts& d = m_state.workspace.drafts[id.value];
    if (!d.merge_into.valid() || m_state.workflow[id.value].in_flight) return;
    if (auto ok = CheckMerge(MergeFactsFor(m_state, *r, d.merge_into), m_state.me->user.role); !ok.ok()) {
        d.link_error = ok.error();
        d.merge_into = RequestId();
        return;
    }
    m_effects.Merge(id, api::MergeBody{d.merge_into, r->version});
}

void Actions::ReapplyMerge(RequestId id) {
    if (!IsStaffUser(m_state)) return;
    auto d = m_state.workspace.drafts.find(id.value);
    auto w = m_state.workflow.find(id.value);
    auto detail = m_state.details.find(id.value);
    if (d == m_state.workspace.drafts.end() || w == m_state.workflow.end() || detail == m_state.details.end()) return;
    if (!d->second.merge_rejected || w->second.ticket != d->second.merge_ticket || w->second.in_flight) return;
    if (!detail->second.has_data || detail->second.load != Load::ready) return;
    const Request& r = detail->second.data;
    api::MergeBody body = *d->second.merge_rejected;
    if (body.base_version == r.version) return;  // the fresh version has not arrived yet
    // The rules are checked again against what the request is now (someone may have closed it).
    if (auto ok = CheckMerge(MergeFactsFor(m_state, r, body.into), m_state.me->user.role); !ok.ok()) {
        d->second.merge_rejected.reset();
        w->second.error = ok.error();
        return;
    }
    body.base_version = r.version;
    m_effects.Merge(id, body);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Canned responses, history
// ---------------------------------------------------------------------------------------------
void Actions::InsertCanned(RequestId id, std::int64_t canned_id) {
    if (!IsStaffUser(m_state) || !Shown(m_state, id) || canned_id <= 0) return;
    WorkspaceDrafts& d = m_state.workspace.drafts[id.value];
    if (d.canned_loading != 0) return;
    m_effects.ExpandCanned(id, canned_id);
}

void Actions::ShowAllHistory(RequestId id, bool all) {
    if (!IsStaffUser(m_state)) return;
    m_state.workspace.drafts[id.value].history_all = all;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Details editor (group, assignee, impact, urgency)
// ---------------------------------------------------------------------------------------------
void Actions::SetEditGroup(RequestId id, std::int64_t group_id) {
    const Request* r = Shown(m_state, id);
    if (!IsStaffUser(m_state) || !r || group_id < 0) return;
    DetailsDraft& e = m_state.workspace.drafts[id.value].details;
    e.group_id = group_id;
    // An assignee from outside the new group is dropped (the agent picks one of its members).
    const UserId assignee = e.assignee.value_or(r->assignee_id);
    if (const api::DirectoryGroup* g = FindGroup(m_state, group_id); g && assignee.valid()) {
        bool member = false;
        for (const api::DirectoryAgent& a : g->agents) member = member || a.id == assignee;
        if (!member) e.assignee = UserId();
    }
}

void Actions::SetEditAssignee(RequestId id, UserId assignee) {
    if (!IsStaffUser(m_state) || !Shown(m_state, id)) return;
    m_state.workspace.drafts[id.value].details.assignee = assignee;
}

void Actions::SetEditImpact(RequestId id, Level impact) {
    if (!IsStaffUser(m_state) || !Shown(m_state, id)) return;
    m_state.workspace.drafts[id.value].details.impact = impact;
}

void Actions::SetEditUrgency(RequestId id, Level urgency) {
    if (!IsStaffUser(m_state) || !Shown(m_state, id)) return;
    m_state.workspace.drafts[id.value].details.urgency = urgency;
}

void Actions::SaveDetails(RequestId id) {
    const Request* r = Shown(m_state, id);
    if (!IsStaffUser(m_state) || !r || m_state.workflow[id.value].in_flight) return;
    const DetailsDraft& e = m_state.workspace.drafts[id.value].details;
    api::RequestPatch patch;
    patch.base_version = r->version;
    if (e.group_id && *e.group_id != r->group_id) patch.group_id = *e.group_id;
    if (e.assignee && *e.assignee != r->assignee_id) patch.assignee = *e.assignee;
    if (e.impact && *e.impact != r->impact) patch.impact = *e.impact;
    if (e.urgency && *e.urgency != r->urgency) patch.urgency = *e.urgency;
    if (!patch.group_id && !patch.assignee && !patch.impact && !patch.urgency) return;
    m_effects.UpdateRequest(id, patch);  // the status buttons' path: 409 -> reload, "Apply again"
}

void Actions::DiscardDetails(RequestId id) {
    auto d = m_state.workspace.drafts.find(id.value);
    if (d != m_state.workspace.drafts.end()) d->second.details = {};
}

}  // namespace spoc::client
