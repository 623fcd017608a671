// Agent-mode actions (see actions.h): queue views, status changes checked first with the shared
// lifecycle rules (so only real steps are sent), and "assign to me".
#include "client/app/actions.h"
#include "shared/domain/lifecycle.h"

namespace spoc::client {

void Actions::SetQueueView(const std::string& view) {
    if (!IsQueueViewName(view)) return;
    Route route;
    route.screen = Screen::queue;
    route.queue_view = view;
    Navigate(route);
}

void Actions::ChangeStatus(RequestId id, Status to, PendingReason reason) {
    auto detail = m_state.details.find(id.value);
    if (detail == m_state.details.end() || !detail->second.has_data || !m_state.me) return;
    if (m_state.workflow[id.value].in_flight) return;
    const Request& r = detail->second.data;
    const TicketFacts facts{r.status, r.pending_reason, r.requester_id, r.assignee_id, r.group_id, r.resolved_at};
    const Actor actor{m_state.me->user.id, m_state.me->user.role, false};
    if (auto ok = CheckTransition(facts, to, reason, actor); !ok.ok()) {
        m_state.workflow[id.value].error = ok.error();
        return;
    }
    api::RequestPatch patch;
    patch.base_version = r.version;
    patch.status = to;
    patch.pending_reason = reason;
    m_effects.UpdateRequest(id, patch);
}

void Actions::AssignToMe(RequestId id) {
    auto detail = m_state.details.find(id.value);
    if (detail == m_state.details.end() || !detail->second.has_data || !m_state.me) return;
    if (!IsStaff(m_state.me->user.role) || m_state.workflow[id.value].in_flight) return;
    api::RequestPatch patch;
    patch.base_version = detail->second.data.version;
    patch.assignee = m_state.me->user.id;
    m_effects.UpdateRequest(id, patch);
}

}  // namespace spoc::client
