// The agents' queue view-model (see view_models.h): six views as tabs, rows with who works on
// each request and how long until its resolution is due, paging.
#include <algorithm>

#include "client/app/view_models.h"
#include "client/app/vm_internal.h"
#include "shared/domain/sla.h"

namespace spoc::client {

std::string DueText(Timestamp due, Timestamp now, Tone* tone) {
    if (due <= 0) return {};
    if (due <= now) {
        *tone = Tone::danger;
        return "Overdue by " + FormatSlaDuration(now - due);
    }
    *tone = due - now <= 60LL * 60 * 1000 ? Tone::warning : Tone::neutral;
    return "Due in " + FormatSlaDuration(due - now);
}

QueueViewModel BuildQueue(const AppState& state, const Clock& clock) {
    QueueViewModel vm;
    vm.allowed = state.me && IsStaff(state.me->user.role);
    const Route& route = state.route;
    const std::string view = route.screen == Screen::queue ? route.queue_view : "open";
    const int page = route.screen == Screen::queue ? route.page : 1;
    const std::pair<const char*, const char*> tabs[] = {{"mine", "Mine"},          {"groups", "My groups"},
                                                        {"unassigned", "Unassigned"}, {"open", "All open"},
                                                        {"breaching", "Breaching soon"}, {"pending", "Pending"}};
    for (const auto& [name, label] : tabs) vm.tabs.push_back({name, label, view == name});
    vm.load = ToLoadView(state.queue, view + "&page=" + std::to_string(page));
    vm.page = page;
    if (state.queue.has_data) {
        const api::RequestPage& data = state.queue.data;
        for (const Request& r : data.items) {
            QueueRowViewModel row;
            row.id = r.id;
            row.number = r.number.empty() ? FormatRequestNumber(r.type, r.id) : r.number;
            row.summary = r.summary;
            row.requester = r.requester_name;
            row.status = std::string(StatusLabel(r.status));
            if (r.status == Status::pending && r.pending_reason != PendingReason::none)
                row.status = std::string(PendingReasonLabel(r.pending_reason));
            row.status_tone = StatusTone(r.status);
            row.priority = std::string(PriorityLabel(r.priority));
            row.assignee = r.assignee_name;
            row.group = r.group_name;
            if (r.status == Status::pending) row.due = "Paused";
            else row.due = DueText(r.resolution_due_at, clock.now, &row.due_tone);
            vm.rows.push_back(std::move(row));
        }
        vm.total = data.total;
        const int size = data.page_size > 0 ? data.page_size : Effects::kQueuePageSize;
        vm.page_count = std::max(1, (data.total + size - 1) / size);
        vm.page = data.page > 0 ? data.page : page;
        if (!vm.rows.empty()) {
            const int first = (vm.page - 1) * size + 1;
            vm.range = std::to_string(first) + "\xE2\x80\x93" + std::to_string(first + static_cast<int>(vm.rows.size()) - 1) +
                       " of " + std::to_string(data.total);
        }
        vm.has_prev = vm.page > 1;
        vm.has_next = vm.page < vm.page_count;
    }
    vm.empty_text = view == "mine"         ? "Nothing assigned to you. Pick something from Unassigned."
                    : view == "breaching"  ? "Nothing is close to breaching its SLA."
                    : view == "unassigned" ? "Every open request has someone on it."
                                           : "No open requests in this view.";
    return vm;
}

}  // namespace spoc::client
