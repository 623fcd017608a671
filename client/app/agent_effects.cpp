// Agent-mode effects (see effects.h): the queue views and request updates (status, assignee).
// A 409 means someone changed the request meanwhile: the detail reloads and the agent applies the
// change again on the fresh version instead of overwriting it.
#include "client/app/actions.h"
#include "client/app/effects.h"
#include "client/app/effects_internal.h"
#include "shared/api/routes.h"

namespace spoc::client {

using namespace effects_internal;  // ErrorFromResponse, LoadInto

void Effects::LoadQueue(const std::string& view, int page) {
    AppState* s = &m_state;
    const std::string key = view + "&page=" + std::to_string(page);
    LoadInto<api::RequestPage>(
        m_api, NewTicket(), key,
        std::string(routes::kQueue) + "?view=" + view + "&page=" + std::to_string(page) +
            "&page_size=" + std::to_string(kQueuePageSize),
        [s] { return &s->queue; }, [](const std::string& body) { return api::DecodeRequestPage(body); },
        [this] { OnUnauthenticated(); });
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
                       AddToast(&m_state, "Request updated.");
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

}  // namespace spoc::client
