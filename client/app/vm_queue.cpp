// The agents' queue view-model (see view_models.h): six views as tabs, sortable columns, filters,
// and rows (built only for the ones on screen) with who works on each request and how long until
// its resolution is due.
#include <algorithm>

#include "client/app/view_models.h"
#include "client/app/vm_internal.h"
#include "shared/domain/i18n.h"
#include "shared/domain/sla.h"

namespace spoc::client {

using i18n::Format;
using i18n::tr;
using i18n::trc;

std::string DueText(const Request& r, SlaKind kind, Timestamp due, Timestamp now, Tone* tone) {
    if (due <= 0) return {};
    static const std::vector<BusinessCalendar> calendars = DemoCalendars();
    static const std::vector<SlaPolicy> policies = DemoSlaPolicies();
    switch (RunningSlaPhase(policies, calendars, r.sla_policy, r.priority, kind, due, now)) {
        // TRANSLATORS: an SLA badge; {0} is a duration such as "2h 15m" or "1d 3h".
        case SlaState::breached: *tone = Tone::danger; return Format(tr("Overdue by {0}"), {FormatSlaDuration(now - due)});
        case SlaState::warning: *tone = Tone::warning; break;
        default: *tone = Tone::neutral; break;
    }
    // TRANSLATORS: an SLA badge; {0} is a duration such as "2h 15m" or "1d 3h".
    return Format(tr("Due in {0}"), {FormatSlaDuration(due - now)});
}

std::string CountNoun(std::int64_t n, const char* one, const char* many) {
    return FormatCount(n) + " " + (n == 1 ? one : many);
}

std::string FormatCount(std::int64_t n) { return i18n::FormatInt(n); }  // English: "1,204" as before

namespace {

// What a report's slice lists, in words: the kind, the readable filters, the period.
std::string ReportSliceText(const Route& route) {
    const std::string& kind = route.queue_report;
    // TRANSLATORS: the queue opened from a report's chart lists requests that were ... (one of six).
    std::string what = kind == "created"     ? tr("created")
                       : kind == "open"      ? tr("still open, created")
                       : kind == "resolved"  ? tr("resolved")
                       : kind == "breached"  ? tr("resolved late (SLA breached)")
                       : kind == "satisfied" ? tr("rated satisfied")
                                             : tr("rated unsatisfied");
    const std::string& rq = route.queue_report_query;
    for (const char* key : {"department", "category"})
        if (std::string v = api::QueryValue(rq, key); !v.empty()) what += " · " + v;
    Priority p;
    if (std::string v = api::QueryValue(rq, "priority"); !v.empty() && v.size() == 1 && v[0] >= '1' && v[0] <= '5') {
        p = static_cast<Priority>(v[0] - '0');
        what += " · " + std::string(PriorityLabel(p));
    }
    CivilDate from, to;
    if (ParseDate(api::QueryValue(rq, "from"), &from) && ParseDate(api::QueryValue(rq, "to"), &to)) {
        std::string period = i18n::FormatDateShort(from.year, from.month, from.day);
        if (FormatDate(from) != FormatDate(to)) period += " – " + i18n::FormatDateShort(to.year, to.month, to.day);
        what += " · " + period;
    } else if (ParseDate(api::QueryValue(rq, "to"), &to)) {
        // TRANSLATORS: the oldest backlog-ageing bar's requests: created on or before {0} ("Nov 7").
        what += " · " + Format(tr("on or before {0}"), {i18n::FormatDateShort(to.year, to.month, to.day)});
    }
    // TRANSLATORS: above the queue opened from a report: {0} says which requests ("resolved late · Hardware · Sep 1 – Dec 6").
    return Format(tr("From Reports: requests {0}"), {what});
}

}  // namespace

QueueViewModel BuildQueue(const AppState& state, const Clock& clock) {
    (void)clock;
    QueueViewModel vm;
    vm.allowed = state.me && IsStaff(state.me->user.role);
    if (state.me) vm.me = state.me->user.id;
    const Route& route = state.route;
    const std::string view = route.screen == Screen::queue ? route.queue_view : "open";
    const std::pair<const char*, const char*> tabs[] = {{"mine", trc("queue view", "Mine")},
                                                        {"groups", trc("queue view", "My groups")},
                                                        {"unassigned", trc("queue view", "Unassigned")},
                                                        {"open", trc("queue view", "All open")},
                                                        {"breaching", trc("queue view", "Breaching soon")},
                                                        {"pending", trc("queue view", "Pending")}};
    for (const auto& [name, label] : tabs) vm.tabs.push_back({name, label, view == name && route.queue_report.empty()});
    if (route.screen == Screen::queue && !route.queue_report.empty()) vm.report_text = ReportSliceText(route);
    // The titles stay English (N_, rule for static tables): client/ui/screen_queue.cpp picks each
    // column's cells and width by its title, so it is the one to show tr(title).
    const std::pair<const char*, const char*> columns[] = {{N_("Number"), "id"},         {N_("Summary"), ""},
                                                           {N_("Status"), ""},           {N_("Priority"), "priority"},
                                                           {N_("Assignee"), ""},         {N_("Updated"), "updated"},
                                                           {N_("Resolution due"), "due"}};
    for (const auto& [title, sort] : columns) {
        const bool sorted = *sort != '\0' && route.queue_sort == sort;
        vm.columns.push_back({title, sort, sorted, sorted && route.queue_desc});
    }
    const QueueState& q = state.queue;
    vm.search = q.search_draft;
    vm.priority_filter = route.queue_priority;
    vm.status_filter = route.queue_status;
    const bool current = q.key == QueueQueryString(route);
    if (current && q.total >= 0) {
        vm.load.status = ViewStatus::ready;
        vm.total = q.total;
        vm.count_text = i18n::Plural("{0} request", "{0} requests", q.total);
        for (const auto& [index, block] : q.blocks)
            if (block.load == Load::loading) vm.load.refreshing = true;
        // TRANSLATORS: {0} is the reason, a whole sentence.
        if (q.error) vm.load.error = Format(tr("Couldn't load every row: {0}"), {q.error->message});
    } else if (q.error) {
        vm.load.status = ViewStatus::failed;
        vm.load.error = q.error->code == ErrorCode::network
                            ? std::string(tr("We couldn't reach Spoc. Check your connection and try again."))
                            : q.error->message;
        vm.load.retryable = q.error->code != ErrorCode::forbidden;
    }
    vm.cursor = q.cursor;
    vm.scroll_to_cursor = q.scroll_to_cursor;
    vm.selected_count = static_cast<int>(q.selected.size());
    vm.bulk_busy = q.bulk_in_flight;
    if (q.bulk_error) vm.bulk_error = q.bulk_error->message;
    int loaded = 0;
    bool all = true;
    for (const auto& [index, block] : q.blocks)
        for (const Request& r : block.rows) {
            ++loaded;
            if (!q.selected.count(r.id.value)) all = false;
        }
    vm.all_loaded_selected = loaded > 0 && all;
    const bool filtered = !route.queue_q.empty() || !route.queue_priority.empty() || !route.queue_status.empty();
    vm.empty_text = filtered               ? tr("Nothing in this view matches the filters.")
                    : view == "mine"       ? tr("Nothing assigned to you. Pick something from Unassigned.")
                    : view == "breaching"  ? tr("Nothing is close to breaching its SLA.")
                    : view == "unassigned" ? tr("Every open request has someone on it.")
                                           : tr("No open requests in this view.");
    return vm;
}

std::optional<QueueRowViewModel> BuildQueueRow(const AppState& state, int index, const Clock& clock) {
    const QueueState& q = state.queue;
    if (index < 0) return std::nullopt;
    auto it = q.blocks.find(index / QueueState::kBlockRows);
    if (it == q.blocks.end()) return std::nullopt;
    const size_t at = static_cast<size_t>(index % QueueState::kBlockRows);
    if (at >= it->second.rows.size()) return std::nullopt;
    const Request& r = it->second.rows[at];
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
    row.priority_tone = r.priority == Priority::critical ? Tone::danger
                        : r.priority == Priority::high   ? Tone::warning
                                                         : Tone::neutral;
    row.assignee = r.assignee_name;
    row.group = r.group_name;
    row.updated = FormatRelative(r.updated_at ? r.updated_at : r.created_at, clock.now);
    if (r.status == Status::pending) row.due = trc("sla", "Paused");
    else row.due = DueText(r, SlaKind::resolution, r.resolution_due_at, clock.now, &row.due_tone);
    row.selected = q.selected.count(r.id.value) > 0;
    row.cursor = q.cursor == index;
    auto w = state.workflow.find(r.id.value);
    row.busy = w != state.workflow.end() && w->second.in_flight;
    return row;
}

}  // namespace spoc::client
