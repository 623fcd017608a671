// Agent-mode effects (see effects.h): the queue's blocks of rows, request updates (status,
// assignee) one at a time or in bulk, and the agent's availability and notification inbox.
// A 409 means someone changed the request meanwhile: the detail reloads and the agent applies the
// change again on the fresh version instead of overwriting it.
#include <algorithm>

#include "client/app/actions.h"
#include "client/app/effects.h"
#include "client/app/effects_internal.h"
#include "shared/api/routes.h"
#include "shared/api/workspace_dto.h"
#include "shared/domain/i18n.h"

namespace spoc::client {

using namespace effects_internal;  // ErrorFromResponse, LoadInto
using i18n::Format;
using i18n::FormatInt;
using i18n::tr;

void Effects::LoadQueueBlock(const std::string& query, int block) {
    QueueState& q = m_state.queue;
    QueueBlock& b = q.blocks[block];
    b.load = Load::loading;
    b.stale = false;
    b.ticket = NewTicket();
    const std::uint64_t ticket = b.ticket;
    net::HttpRequest request;
    request.path = std::string(routes::kQueue) + "?" + query + "&page=" + std::to_string(block + 1) +
                   "&page_size=" + std::to_string(QueueState::kBlockRows);
    request.headers.emplace_back("Accept", "application/json");
    q.loads_in_flight++;
    m_api.Send(std::move(request), [this, query, block, ticket](int status, const std::string& body) {
        QueueState& q = m_state.queue;
        q.loads_in_flight = std::max(0, q.loads_in_flight - 1);
        auto it = q.blocks.find(block);
        if (q.key != query || it == q.blocks.end() || it->second.ticket != ticket) return;
        QueueBlock& b = it->second;
        if (status == 200) {
            Result<api::RequestPage> page = api::DecodeRequestPage(body);
            if (page.ok()) {
                b.rows = std::move(page->items);
                b.load = Load::ready;
                q.error.reset();
                if (q.total != page->total) {
                    // The view grew or shrank: rows shifted, so every other block is out of date.
                    q.total = page->total;
                    for (auto& [index, other] : q.blocks)
                        if (index != block) other.stale = true;
                }
                return;
            }
            b.load = Load::failed;
            q.error = page.error();
            return;
        }
        b.load = Load::failed;
        q.error = ErrorFromResponse(status, body);
        if (status == 401) OnUnauthenticated();
    });
}

void Effects::UpdateRequest(RequestId id, api::RequestPatch patch) {
    const std::int64_t key = id.value;
    WorkflowState& w = m_state.workflow[key];
    w.in_flight = true;
    w.error.reset();
    w.ticket = NewTicket();
    const std::uint64_t ticket = w.ticket;
    m_api.Send(MakeRequest("PATCH", std::string(routes::kRequests) + "/" + std::to_string(key), api::EncodeRequestPatch(patch)),
               [this, key, ticket, patch](int status, const std::string& body) {
                   auto it = m_state.workflow.find(key);
                   if (it == m_state.workflow.end() || it->second.ticket != ticket) return;
                   WorkflowState& w = it->second;
                   w.in_flight = false;
                   w.rejected.reset();
                   auto detail = m_state.details.find(key);
                   if (status == 200) {
                       Result<Request> updated = api::DecodeRequest(body);
                       if (updated.ok() && detail != m_state.details.end() && detail->second.has_data) {
                           // Keep the loaded conversation; take everything else from the answer.
                           std::vector<Comment> comments = std::move(detail->second.data.comments);
                           detail->second.data = std::move(*updated);
                           detail->second.data.comments = std::move(comments);
                       }
                       if (detail != m_state.details.end()) detail->second.stale = true;
                       m_state.queue.stale = true;
                       m_state.requests.stale = true;
                       m_state.open_requests.stale = true;
                       AddToast(&m_state, tr("Request updated."));
                       return;
                   }
                   w.error = ErrorFromResponse(status, body);
                   if (w.error->code == ErrorCode::conflict) {
                       // Someone else changed it first: reload, and offer to apply this change again.
                       w.rejected = patch;
                       if (detail != m_state.details.end()) detail->second.stale = true;
                   }
                   if (status == 401) OnUnauthenticated();
               });
}

void Effects::BulkUpdate(std::vector<RequestId> ids, api::RequestPatch patch) {
    QueueState& q = m_state.queue;
    q.bulk_in_flight = true;
    q.bulk_error.reset();
    q.bulk_ticket = NewTicket();
    const std::uint64_t ticket = q.bulk_ticket;
    api::BulkUpdateBody body{std::move(ids), std::move(patch)};
    m_api.Send(MakeRequest("POST", routes::kRequestsBulk, api::EncodeBulkUpdate(body)),
               [this, ticket](int status, const std::string& answer) {
                   QueueState& q = m_state.queue;
                   if (q.bulk_ticket != ticket) return;
                   q.bulk_in_flight = false;
                   q.stale = true;
                   if (status == 200) {
                       Result<api::BulkUpdateResult> result = api::DecodeBulkResult(answer);
                       if (!result.ok()) {
                           q.bulk_error = result.error();
                           return;
                       }
                       int ok = 0;
                       std::string first_failure;
                       for (const api::BulkItemResult& item : result->results) {
                           if (item.ok) {
                               ++ok;
                               q.selected.erase(item.id.value);
                               auto detail = m_state.details.find(item.id.value);
                               if (detail != m_state.details.end()) detail->second.stale = true;
                           } else if (first_failure.empty()) {
                               // Appended piece by piece: "#" + std::to_string(...) trips GCC 12's -Wrestrict false positive.
                               first_failure = "#";
                               first_failure += std::to_string(item.id.value);
                               first_failure += ": ";
                               first_failure += item.error.message;
                           }
                       }
                       const int failed = static_cast<int>(result->results.size()) - ok;
                       if (failed == 0) {
                           AddToast(&m_state, i18n::Plural("{0} request updated.", "{0} requests updated.", ok));
                       } else {
                           // The ones that failed stay ticked, so the agent sees which.
                           // TRANSLATORS: a bulk change: {0} requests were updated, {1} were not; {2} is the first
                           // failure, "#42: " and the reason.
                           q.bulk_error = MakeError(ErrorCode::validation_failed,
                                                    Format(tr("{0} updated, {1} not: {2}"), {FormatInt(ok), FormatInt(failed), first_failure}));
                       }
                       return;
                   }
                   q.bulk_error = ErrorFromResponse(status, answer);
                   if (status == 401) OnUnauthenticated();
               });
}

void Effects::LoadAgentSelf() {
    AppState* s = &m_state;
    LoadInto<api::AgentSelf>(
        m_api, NewTicket(), "me", routes::kAgentsMe, [s] { return &s->agent.self; },
        [](const std::string& body) { return api::DecodeAgentSelf(body); }, [this] { OnUnauthenticated(); });
}

void Effects::SetAvailability(bool available) {
    AgentInboxState& a = m_state.agent;
    a.availability_saving = true;
    a.availability_error.reset();
    const std::uint64_t ticket = NewTicket();
    a.self.ticket = ticket;
    m_api.Send(MakeRequest("PUT", routes::kAgentsMeAvailability, api::EncodeAvailability({available})),
               [this, ticket, available](int status, const std::string& body) {
                   AgentInboxState& a = m_state.agent;
                   if (a.self.ticket != ticket) return;
                   a.availability_saving = false;
                   Result<api::AgentSelf> self = status == 200 ? api::DecodeAgentSelf(body)
                                                               : Result<api::AgentSelf>(ErrorFromResponse(status, body));
                   if (self.ok()) {
                       a.self.data = std::move(*self);
                       a.self.has_data = true;
                       a.self.load = Load::ready;
                       AddToast(&m_state, available ? tr("You're available: new requests can be assigned to you.")
                                                    : tr("You're away: auto-assignment skips you."));
                       return;
                   }
                   a.availability_error = self.error();
                   // TRANSLATORS: {0} is the reason, a whole sentence.
                   AddToast(&m_state, Format(tr("Couldn't change your availability: {0}"), {self.error().message}), true);
                   if (status == 401) OnUnauthenticated();
               });
}

void Effects::LoadNotifications() {
    AppState* s = &m_state;
    LoadInto<api::NotificationPage>(
        m_api, NewTicket(), "inbox", std::string(routes::kNotifications) + "?limit=20",
        [s] { return &s->agent.notifications; },
        [](const std::string& body) { return api::DecodeNotificationPage(body); }, [this] { OnUnauthenticated(); });
}

void Effects::MarkNotificationRead(std::int64_t id) {
    // Shown as read at once; the inbox is re-read after the answer either way.
    for (api::Notification& n : m_state.agent.notifications.data.items)
        if (n.id == id && n.read_at == 0) {
            n.read_at = 1;  // the server's time arrives with the reload
            m_state.agent.notifications.data.unread = std::max(0, m_state.agent.notifications.data.unread - 1);
        }
    m_api.Send(MakeRequest("POST", std::string(routes::kNotifications) + "/" + std::to_string(id) + "/read"),
               [this](int status, const std::string&) {
                   m_state.agent.notifications.stale = true;
                   if (status == 401) OnUnauthenticated();
               });
}

}  // namespace spoc::client
