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

void Actions::ReapplyChange(RequestId id) {
    auto w = m_state.workflow.find(id.value);
    auto detail = m_state.details.find(id.value);
    if (w == m_state.workflow.end() || !w->second.rejected || w->second.in_flight) return;
    if (detail == m_state.details.end() || !detail->second.has_data || detail->second.load != Load::ready) return;
    if (!m_state.me) return;
    api::RequestPatch patch = *w->second.rejected;
    const Request& r = detail->second.data;
    if (patch.base_version == r.version) return;  // the fresh version has not arrived yet
    patch.base_version = r.version;
    if (patch.status) {
        // The rules are checked again against what the request is now.
        const TicketFacts facts{r.status, r.pending_reason, r.requester_id, r.assignee_id, r.group_id, r.resolved_at};
        const Actor actor{m_state.me->user.id, m_state.me->user.role, false};
        if (*patch.status == r.status && patch.pending_reason == r.pending_reason) {
            patch.status.reset();
        } else if (auto ok = CheckTransition(facts, *patch.status, patch.pending_reason, actor); !ok.ok()) {
            w->second.rejected.reset();
            w->second.error = ok.error();
            return;
        }
    }
    if (!patch.status && !patch.assignee && !patch.group_id && !patch.impact && !patch.urgency) {
        w->second.rejected.reset();
        w->second.error.reset();
        AddToast(&m_state, "Nothing to apply: the request already has that change.");
        return;
    }
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
