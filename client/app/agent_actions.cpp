// Agent-mode actions (see actions.h): queue views, status changes checked first with the shared
// lifecycle rules (so only real steps are sent), and "assign to me".
#include <algorithm>

#include "client/app/actions.h"
#include "shared/domain/i18n.h"
#include "shared/domain/limits.h"
#include "shared/domain/lifecycle.h"
#include "shared/domain/text.h"

namespace spoc::client {

using i18n::Plural;
using i18n::tr;

void Actions::SetQueueView(const std::string& view) {
    if (!IsQueueViewName(view)) return;
    Route route = m_state.route.screen == Screen::queue ? m_state.route : Route{};
    route.screen = Screen::queue;
    route.queue_view = view;
    route.queue_report.clear();  // a view, not a report's slice
    route.queue_report_query.clear();
    Navigate(route);
}

void Actions::SortQueue(const std::string& column) {
    if (!IsQueueSortName(column) || m_state.route.screen != Screen::queue) return;
    Route route = m_state.route;
    // Due and id read best soonest / oldest first; the others newest / highest first.
    if (route.queue_sort == column) route.queue_desc = !route.queue_desc;
    else route.queue_desc = column == "updated" || column == "created";
    route.queue_sort = column;
    Navigate(route);
}

void Actions::EditQueueSearch(std::string text) {
    if (text.size() > limits::kMaxQueueSearch) text.resize(limits::kMaxQueueSearch);
    m_state.queue.search_draft = std::move(text);
    m_state.queue.search_edited_at = std::max<Timestamp>(1, m_clock.now);
}

void Actions::ApplyQueueSearch() {
    QueueState& q = m_state.queue;
    q.search_edited_at = 0;
    if (m_state.route.screen != Screen::queue) return;
    const std::string text(Trim(q.search_draft));
    if (text == m_state.route.queue_q) return;
    Route route = m_state.route;
    route.queue_q = text;
    // Typing refines one search: the address follows without a history entry per pause.
    ShowRoute(m_state, m_host, route, /*replace=*/true);
}

void Actions::SetQueueFilter(const std::string& priority, const std::string& status) {
    if (m_state.route.screen != Screen::queue) return;
    Route route = m_state.route;
    route.queue_priority = priority;
    route.queue_status = status;
    Navigate(route);
}

void Actions::SetQueueVisible(int first, int last) {
    QueueState& q = m_state.queue;
    q.first_visible = std::max(0, first);
    q.last_visible = std::max(q.first_visible, last);
    q.scroll_to_cursor = false;  // the screen has scrolled it into view
}

namespace {

const Request* QueueRowAt(const QueueState& q, int index) {
    if (index < 0) return nullptr;
    auto it = q.blocks.find(index / QueueState::kBlockRows);
    if (it == q.blocks.end()) return nullptr;
    const size_t at = static_cast<size_t>(index % QueueState::kBlockRows);
    return at < it->second.rows.size() ? &it->second.rows[at] : nullptr;
}

}  // namespace

void Actions::EnsureQueueBlocks() {
    if (!m_state.me || !IsStaff(m_state.me->user.role)) return;
    QueueState& q = m_state.queue;
    if (q.search_edited_at != 0 && m_clock.now - q.search_edited_at >= kQueueSearchPauseMs) ApplyQueueSearch();
    const Route& route = m_state.route;
    const std::string key = QueueQueryString(route);
    if (q.key != key) {
        // Another view, order or filter: start over at the top (the selection stays: it is ids).
        q.key = key;
        q.total = -1;
        q.blocks.clear();
        q.error.reset();
        q.cursor = -1;
        q.first_visible = 0;
        q.last_visible = 30;
        q.search_draft = route.queue_q;
        q.search_edited_at = 0;
    }
    if (q.stale) {
        q.stale = false;
        for (auto& [index, block] : q.blocks) block.stale = true;
    }
    if (q.error) return;  // Retry clears it
    // The blocks in view, then one either side (scrolling on reaches rows already loaded).
    const int n = QueueState::kBlockRows;
    const int last_block = q.total < 0 ? 0 : std::max(0, (q.total - 1) / n);
    const int first = q.total < 0 ? 0 : std::min(q.first_visible / n, last_block);
    const int last = q.total < 0 ? 0 : std::min(q.last_visible / n, last_block);
    for (auto it = q.blocks.begin(); it != q.blocks.end();) {
        // Far from view: drop it if it is out of date or still loading (a thumb dragged past it);
        // its answer, if any, is ignored.
        const bool near = it->first >= first - 1 && it->first <= last + 1;
        if (!near && (it->second.stale || it->second.load == Load::loading)) it = q.blocks.erase(it);
        else ++it;
    }
    auto wanted = [&](int b) {
        if (b < 0 || b > last_block) return false;
        auto it = q.blocks.find(b);
        return it == q.blocks.end() ||
               (it->second.load != Load::loading && (it->second.stale || it->second.load == Load::idle));
    };
    std::vector<int> order;
    for (int b = first; b <= last; ++b) order.push_back(b);
    order.push_back(last + 1);
    order.push_back(first - 1);
    for (int b : order) {
        // A few loads at a time: while a thumb drag sweeps past hundreds of blocks, the one it
        // stops on is not queued behind all of them.
        if (q.loads_in_flight >= kQueueLoadsAtOnce) break;
        if (wanted(b)) m_effects.LoadQueueBlock(key, b);
    }
}

void Actions::MoveQueueCursor(int delta) {
    QueueState& q = m_state.queue;
    if (q.total <= 0) return;
    int at = q.cursor < 0 ? q.first_visible : q.cursor + delta;
    at = std::clamp(at, 0, q.total - 1);
    q.cursor = at;
    q.scroll_to_cursor = true;
}

void Actions::OpenQueueCursor() {
    if (const Request* r = QueueRowAt(m_state.queue, m_state.queue.cursor)) OpenRequest(r->id);
}

void Actions::ReplyToQueueCursor() {
    const Request* r = QueueRowAt(m_state.queue, m_state.queue.cursor);
    if (r == nullptr) return;
    const RequestId id = r->id;  // OpenRequest may change what the queue holds
    FocusReply(id, true);
    OpenRequest(id);
}

void Actions::FocusReply(RequestId id, bool focus) {
    if (!id.valid()) return;
    if (focus) m_state.replies[id.value].focus = true;
    else if (auto it = m_state.replies.find(id.value); it != m_state.replies.end()) it->second.focus = false;
}

void Actions::ToggleQueueSelected(RequestId id) {
    if (!id.valid()) return;
    std::set<std::int64_t>& sel = m_state.queue.selected;
    if (!sel.erase(id.value)) sel.insert(id.value);
}

void Actions::SelectLoadedQueueRows(bool select) {
    QueueState& q = m_state.queue;
    if (!select) {
        q.selected.clear();
        return;
    }
    for (const auto& [index, block] : q.blocks)
        for (const Request& r : block.rows) q.selected.insert(r.id.value);
}

void Actions::AssignQueueCursorToMe() {
    const Request* r = QueueRowAt(m_state.queue, m_state.queue.cursor);
    if (r == nullptr || !m_state.me || !IsStaff(m_state.me->user.role)) return;
    if (r->assignee_id == m_state.me->user.id || m_state.workflow[r->id.value].in_flight) return;
    api::RequestPatch patch;
    patch.base_version = r->version;
    patch.assignee = m_state.me->user.id;
    m_effects.UpdateRequest(r->id, patch);
}

namespace {

// One change to every ticked row; the server applies the lifecycle rules to each and answers per row.
void SendBulk(AppState& state, Effects& effects, api::RequestPatch patch) {
    QueueState& q = state.queue;
    if (q.selected.empty() || q.bulk_in_flight || !state.me || !IsStaff(state.me->user.role)) return;
    if (q.selected.size() > limits::kMaxBulkIds) {
        const long most = static_cast<long>(limits::kMaxBulkIds);
        q.bulk_error = MakeError(ErrorCode::validation_failed,
                                 Plural("Tick at most {0} request for one change.", "Tick at most {0} requests for one change.", most),
                                 "ids");
        return;
    }
    std::vector<RequestId> ids;
    for (std::int64_t id : q.selected) ids.emplace_back(id);
    effects.BulkUpdate(std::move(ids), std::move(patch));
}

}  // namespace

void Actions::BulkAssign(UserId assignee) {
    api::RequestPatch patch;
    patch.assignee = assignee;
    SendBulk(m_state, m_effects, std::move(patch));
}

void Actions::BulkStatus(Status to, PendingReason reason) {
    api::RequestPatch patch;
    patch.status = to;
    patch.pending_reason = reason;
    SendBulk(m_state, m_effects, std::move(patch));
}

void Actions::AskStatus(RequestId id, Status to) {
    if (to != Status::cancelled && to != Status::resolved) return ChangeStatus(id, to);
    WorkflowState& w = m_state.workflow[id.value];
    if (w.in_flight) return;
    w.confirm = to;
    w.confirm_text.clear();
    w.error.reset();
}

void Actions::EditConfirmText(RequestId id, std::string text) {
    auto w = m_state.workflow.find(id.value);
    if (w == m_state.workflow.end() || !w->second.confirm) return;
    w->second.confirm_text = std::move(text);
}

void Actions::ConfirmStatus(RequestId id) {
    auto w = m_state.workflow.find(id.value);
    if (w == m_state.workflow.end() || !w->second.confirm || w->second.in_flight) return;
    const Status to = *w->second.confirm;
    std::string note(Trim(w->second.confirm_text));
    const std::size_t cap = to == Status::resolved ? limits::kMaxResolutionNote : limits::kMaxCancelReason;
    if (Utf8Length(note) > cap) return;  // the dialog says so and keeps the button off
    w->second.confirm.reset();
    w->second.confirm_text.clear();
    ChangeStatus(id, to, PendingReason::none, std::move(note));
}

void Actions::DismissConfirm(RequestId id) {
    auto w = m_state.workflow.find(id.value);
    if (w == m_state.workflow.end()) return;
    w->second.confirm.reset();
    w->second.confirm_text.clear();
}

void Actions::StartReopen(RequestId id, bool on) {
    ReplyState& reply = m_state.replies[id.value];
    reply.reopen = on;
    reply.focus = on;
}

void Actions::ChangeStatus(RequestId id, Status to, PendingReason reason, std::string note) {
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
    if (to == Status::resolved) patch.resolution_note = std::move(note);
    if (to == Status::cancelled) patch.cancel_reason = std::move(note);
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
        AddToast(&m_state, tr("Nothing to apply: the request already has that change."));
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

// Everyone signed in has the bell (employees hear of answers, outcomes and approvals to give);
// staff also have their availability.
void Actions::EnsureAgentInbox() {
    if (!m_state.me) return;
    AgentInboxState& a = m_state.agent;
    if (IsStaff(m_state.me->user.role) && NeedsLoad(a.self, "me") && !a.availability_saving && a.self.load != Load::failed)
        m_effects.LoadAgentSelf();
    // Live events mark the inbox stale; it is re-read at most every few seconds.
    const bool due = a.notifications.load == Load::idle || m_clock.now - a.notifications_loaded_at >= Effects::kInboxRecheckMs;
    if (NeedsLoad(a.notifications, "inbox") && due && a.notifications.load != Load::failed) {
        a.notifications_loaded_at = m_clock.now;
        m_effects.LoadNotifications();
    }
}

void Actions::ToggleAvailability() {
    AgentInboxState& a = m_state.agent;
    if (!m_state.me || !IsStaff(m_state.me->user.role) || !a.self.has_data || a.availability_saving) return;
    m_effects.SetAvailability(!a.self.data.available);
}

void Actions::RefreshInbox() {
    AgentInboxState& a = m_state.agent;
    if (a.notifications.load == Load::loading) return;
    a.notifications.stale = true;
    if (a.notifications.load == Load::failed) a.notifications.load = Load::idle;
    a.notifications_loaded_at = 0;
}

void Actions::OpenNotification(std::int64_t id) {
    for (const api::Notification& n : m_state.agent.notifications.data.items) {
        if (n.id != id) continue;
        const RequestId request = n.request_id;
        if (n.read_at == 0) m_effects.MarkNotificationRead(id);  // may touch the list: copy first
        if (request.valid()) OpenRequest(request);
        return;
    }
}

}  // namespace spoc::client
