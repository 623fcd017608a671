// Ticket-workspace effects (see effects.h): the staff panels beside a request. Loads go through
// LoadInto like every other Remote; links and unlinks update the loaded links in place and mark
// the history stale; a merge shares the request's WorkflowState with the status buttons, so it
// shows their progress and, on a 409, their "changed meanwhile / Apply again" notice.
#include <algorithm>

#include "client/app/effects.h"
#include "client/app/effects_internal.h"
#include "shared/api/routes.h"
#include "shared/domain/i18n.h"

namespace spoc::client {

using namespace effects_internal;  // ErrorFromResponse, LoadInto
using i18n::Format;
using i18n::tr;
using i18n::trn;

namespace {

std::string RequestPath(std::int64_t id) { return std::string(routes::kRequests) + "/" + std::to_string(id); }

// Built by appending: "#" + std::to_string(...) trips a GCC 12 -Wrestrict false positive.
std::string Ref(std::int64_t id) {
    std::string ref = "#";
    ref += std::to_string(id);
    return ref;
}

void MarkHistoryStale(AppState& state, std::int64_t id) {
    if (auto h = state.workspace.history.find(id); h != state.workspace.history.end()) h->second.stale = true;
}

}  // namespace

void Effects::LoadRelated(RequestId id, const std::string& key) {
    AppState* s = &m_state;
    const std::int64_t rid = id.value;
    LoadInto<api::RelatedRequests>(
        m_api, NewTicket(), key, RequestPath(rid) + "/related", [s, rid] { return &s->workspace.related[rid]; },
        [](const std::string& body) { return api::DecodeRelated(body); }, [this] { OnUnauthenticated(); });
}

void Effects::LoadHistory(RequestId id, const std::string& key) {
    AppState* s = &m_state;
    const std::int64_t rid = id.value;
    LoadInto<std::vector<api::HistoryItem>>(
        m_api, NewTicket(), key, RequestPath(rid) + "/history", [s, rid] { return &s->workspace.history[rid]; },
        [](const std::string& body) { return api::DecodeHistory(body); }, [this] { OnUnauthenticated(); });
}

void Effects::LoadCanned() {
    AppState* s = &m_state;
    LoadInto<std::vector<CannedResponse>>(
        m_api, NewTicket(), "all", routes::kCanned, [s] { return &s->workspace.canned; },
        [](const std::string& body) { return api::DecodeCannedList(body); }, [this] { OnUnauthenticated(); });
}

void Effects::LoadGroups() {
    AppState* s = &m_state;
    LoadInto<api::GroupDirectory>(
        m_api, NewTicket(), "all", routes::kGroups, [s] { return &s->workspace.groups; },
        [](const std::string& body) { return api::DecodeGroupDirectory(body); }, [this] { OnUnauthenticated(); });
}

void Effects::AddLink(RequestId id, api::LinkBody body) {
    const std::int64_t key = id.value;
    WorkspaceDrafts& d = m_state.workspace.drafts[key];
    d.link_in_flight = true;
    d.link_error.reset();
    d.link_ticket = NewTicket();
    const std::uint64_t ticket = d.link_ticket;
    const std::int64_t other = body.other.value;
    m_api.Send(MakeRequest("POST", RequestPath(key) + "/links", api::EncodeLinkBody(body)),
               [this, key, ticket, other](int status, const std::string& answer) {
                   auto it = m_state.workspace.drafts.find(key);
                   if (it == m_state.workspace.drafts.end() || it->second.link_ticket != ticket) return;
                   WorkspaceDrafts& d = it->second;
                   d.link_in_flight = false;
                   if (status == 200 || status == 201) {
                       Result<std::vector<LinkedRequest>> links = api::DecodeLinks(answer);
                       auto related = m_state.workspace.related.find(key);
                       if (related != m_state.workspace.related.end()) {
                           if (links.ok() && related->second.has_data)
                               related->second.data.links = std::move(*links);
                           else
                               related->second.stale = true;
                       }
                       MarkHistoryStale(m_state, key);
                       d.link_text.clear();
                       d.link_error.reset();
                       // TRANSLATORS: {0} is a request reference like #42.
                       AddToast(&m_state, status == 201 ? Format(tr("Linked to {0}."), {Ref(other)})
                                                        // TRANSLATORS: {0} is a request reference like #42.
                                                        : Format(tr("{0} was already linked."), {Ref(other)}));
                       return;
                   }
                   d.link_error = ErrorFromResponse(status, answer);
                   if (status == 401) OnUnauthenticated();
               });
}

void Effects::RemoveLink(RequestId id, RequestId other_id) {
    const std::int64_t key = id.value;
    const std::int64_t other = other_id.value;
    WorkspaceDrafts& d = m_state.workspace.drafts[key];
    d.unlinking = other;
    d.link_error.reset();
    d.unlink_ticket = NewTicket();
    const std::uint64_t ticket = d.unlink_ticket;
    m_api.Send(MakeRequest("DELETE", RequestPath(key) + "/links/" + std::to_string(other)),
               [this, key, other, ticket](int status, const std::string& answer) {
                   auto it = m_state.workspace.drafts.find(key);
                   if (it == m_state.workspace.drafts.end() || it->second.unlink_ticket != ticket) return;
                   WorkspaceDrafts& d = it->second;
                   d.unlinking = 0;
                   auto related = m_state.workspace.related.find(key);
                   if (status == 204 || status == 200 || status == 404) {
                       // 404: someone unlinked it first; either way it is gone.
                       if (related != m_state.workspace.related.end()) {
                           auto& links = related->second.data.links;
                           links.erase(
                               std::remove_if(links.begin(), links.end(),
                                              [&](const LinkedRequest& l) { return l.request.id.value == other; }),
                               links.end());
                       }
                       MarkHistoryStale(m_state, key);
                       // TRANSLATORS: {0} is a request reference like #42.
                       AddToast(&m_state, Format(tr("Unlinked {0}."), {Ref(other)}));
                       return;
                   }
                   d.link_error = ErrorFromResponse(status, answer);
                   if (status == 401) OnUnauthenticated();
               });
}

void Effects::Merge(RequestId id, api::MergeBody body) {
    const std::int64_t key = id.value;
    WorkflowState& w = m_state.workflow[key];
    w.in_flight = true;
    w.error.reset();
    w.rejected.reset();  // an earlier rejected status change is superseded by this
    w.ticket = NewTicket();
    const std::uint64_t ticket = w.ticket;
    m_api.Send(MakeRequest("POST", RequestPath(key) + "/merge", api::EncodeMergeBody(body)),
               [this, key, ticket, body](int status, const std::string& answer) {
                   auto it = m_state.workflow.find(key);
                   if (it == m_state.workflow.end() || it->second.ticket != ticket) return;
                   WorkflowState& w = it->second;
                   w.in_flight = false;
                   WorkspaceDrafts& d = m_state.workspace.drafts[key];
                   d.merge_rejected.reset();
                   d.merge_into = RequestId();
                   auto detail = m_state.details.find(key);
                   if (status == 200) {
                       Result<api::MergeResult> merged = api::DecodeMergeResult(answer);
                       if (merged.ok() && detail != m_state.details.end() && detail->second.has_data) {
                           std::vector<Comment> comments = std::move(detail->second.data.comments);
                           detail->second.data = std::move(merged->source);
                           detail->second.data.comments = std::move(comments);
                       }
                       // Both ends changed: their conversations got the merge notes.
                       if (detail != m_state.details.end()) detail->second.stale = true;
                       if (auto target = m_state.details.find(body.into.value); target != m_state.details.end())
                           target->second.stale = true;
                       if (auto related = m_state.workspace.related.find(key);
                           related != m_state.workspace.related.end())
                           related->second.stale = true;
                       MarkHistoryStale(m_state, key);
                       m_state.queue.stale = true;
                       m_state.requests.stale = true;
                       m_state.open_requests.stale = true;
                       d.link_text.clear();
                       d.link_kind = LinkKind::relates;
                       // TRANSLATORS: {0} is a request reference like #42.
                       AddToast(&m_state, Format(tr("Merged into {0}; this request is now closed."), {Ref(body.into.value)}));
                       return;
                   }
                   w.error = ErrorFromResponse(status, answer);
                   if (w.error->code == ErrorCode::conflict && w.error->field == "base_version") {
                       // Someone changed this request first: reload, and offer to merge again.
                       d.merge_rejected = body;
                       d.merge_ticket = ticket;
                       if (detail != m_state.details.end()) detail->second.stale = true;
                   } else if (w.error->code == ErrorCode::conflict) {
                       // A full conversation, not a stale version: show the server's sentence, not
                       // the "changed meanwhile" notice (which keys on the conflict code).
                       w.error->code = ErrorCode::validation_failed;
                   }
                   if (status == 401) OnUnauthenticated();
               });
}

void Effects::ExpandCanned(RequestId id, std::int64_t canned_id) {
    const std::int64_t key = id.value;
    WorkspaceDrafts& d = m_state.workspace.drafts[key];
    d.canned_loading = canned_id;
    d.canned_error.reset();
    d.canned_notice.clear();
    d.canned_ticket = NewTicket();
    const std::uint64_t ticket = d.canned_ticket;
    m_api.Send(MakeRequest("GET", RequestPath(key) + "/canned/" + std::to_string(canned_id)),
               [this, key, ticket](int status, const std::string& answer) {
                   auto it = m_state.workspace.drafts.find(key);
                   if (it == m_state.workspace.drafts.end() || it->second.canned_ticket != ticket) return;
                   WorkspaceDrafts& d = it->second;
                   d.canned_loading = 0;
                   if (status == 200) {
                       Result<api::CannedExpansion> expanded = api::DecodeCannedExpansion(answer);
                       if (!expanded.ok()) {
                           d.canned_error = expanded.error();
                           return;
                       }
                       const Expansion& e = expanded->expansion;
                       if (!e.unknown.empty()) {
                           std::string names;
                           for (const std::string& n : e.unknown) names += (names.empty() ? "{{" : ", {{") + n + "}}";
                           // TRANSLATORS: {0} lists unknown placeholders as written, like "{{name}}, {{ticket}}".
                           d.canned_notice = Format(trn("{0} is not a placeholder and was left as written.",
                                                        "{0} are not a placeholder and was left as written.",
                                                        static_cast<long>(e.unknown.size())),
                                                    {names});
                       } else if (e.truncated) {
                           d.canned_notice = tr("The text was cut at the reply length limit.");
                       }
                       d.canned_ready = e.text;  // into the reply box at the next Sync (EditReply)
                       return;
                   }
                   d.canned_error = ErrorFromResponse(status, answer);
                   if (status == 401) OnUnauthenticated();
               });
}

}  // namespace spoc::client
