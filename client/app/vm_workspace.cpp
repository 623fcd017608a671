// View-model of the ticket workspace (staff beside a request; see view_models.h): the requester
// and their other requests, the links with what may be unlinked (shared CheckUnlink), the history
// as readable rows (newest first), canned replies with a preview expanded locally by the shared
// ExpandPlaceholders, and the Details editor with the priority the shared impact x urgency matrix
// gives. Pure: reads AppState and the frame clock only.
#include <algorithm>

#include "client/app/view_models.h"
#include "client/app/vm_internal.h"
#include "shared/domain/canned.h"
#include "shared/domain/i18n.h"
#include "shared/domain/links.h"
#include "shared/domain/text.h"

namespace spoc::client {

using i18n::Format;
using i18n::FormatInt;
using i18n::tr;

namespace {

constexpr int kHistoryShown = 8;           // newest changes shown before "Show all"
constexpr std::size_t kPreviewChars = 90;  // canned preview, code points
const char* const kDash = "\xE2\x80\x94";
const char* const kArrow = " \xE2\x86\x92 ";

// Built by appending: "#" + std::to_string(...) trips a GCC 12 -Wrestrict false positive.
std::string RequestRef(std::int64_t id) {
    std::string ref = "#";
    ref += std::to_string(id);
    return ref;
}

// At most `max` code points of the first line of `text`, with an ellipsis when cut.
std::string FirstLine(std::string_view text, std::size_t max) {
    text = Trim(text);
    const std::size_t nl = text.find('\n');
    const bool more_lines = nl != std::string_view::npos;
    if (more_lines) text = Trim(text.substr(0, nl));
    std::size_t points = 0, i = 0;
    for (; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            if (points == max) break;
            ++points;
        }
    }
    std::string out(text.substr(0, i));
    if (i < text.size() || more_lines) out += "\xE2\x80\xA6";
    return out;
}

WorkspaceRequestRow BriefRow(const RequestBrief& b, Timestamp now, std::string hook_id) {
    WorkspaceRequestRow row;
    row.id = b.id;
    row.number = b.number.empty() ? RequestRef(b.id.value) : b.number;
    row.summary = b.summary;
    row.status = std::string(StatusLabel(b.status));
    row.status_tone = StatusTone(b.status);
    const Timestamp at = b.updated_at ? b.updated_at : b.created_at;
    // TRANSLATORS: {0} is a relative time such as "2 days ago".
    if (at) row.meta = Format(tr("Updated {0}"), {FormatRelative(at, now)});
    if (!b.assignee_name.empty()) row.meta += (row.meta.empty() ? "" : " \xC2\xB7 ") + b.assignee_name;
    row.hook_id = std::move(hook_id);
    return row;
}

std::string AgentName(const AppState& state, UserId id) {
    if (state.workspace.groups.has_data)
        for (const api::DirectoryGroup& g : state.workspace.groups.data.groups)
            for (const api::DirectoryAgent& a : g.agents)
                if (a.id == id) return a.name;
    return {};
}

// One history value as people say it: labels for statuses and levels, names for assignee ids
// (routing records the id), a dash for nothing.
std::string HistoryValue(const AppState& state, std::string_view field, const std::string& value) {
    if (value.empty()) return kDash;
    Status status;
    PendingReason reason;
    Level level;
    Priority priority;
    if (field == "status" && ParseStatus(value, &status)) return std::string(StatusLabel(status));
    if (field == "pending_reason" && ParsePendingReason(value, &reason))
        return reason == PendingReason::none ? kDash : std::string(PendingReasonLabel(reason));
    if ((field == "impact" || field == "urgency") && ParseLevel(value, &level)) return std::string(LevelLabel(level));
    if (field == "priority" && ParsePriority(value, &priority)) return std::string(PriorityLabel(priority));
    if (field == "satisfaction" && value.size() == 1 && value[0] >= '1' && value[0] <= '5')
        // TRANSLATORS: a satisfaction score in a request's history; {0} is 1-5.
        return Format(tr("{0}/5"), {value});
    if (field == "assignee" && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        const std::string name = value.size() < 18 ? AgentName(state, UserId(std::stoll(value))) : std::string();
        // TRANSLATORS: an agent whose name isn't known; {0} is their user id.
        return name.empty() ? Format(tr("agent #{0}"), {value}) : name;
    }
    return value;
}

HistoryRowViewModel HistoryRow(const AppState& state, const api::HistoryItem& h, Timestamp now) {
    HistoryRowViewModel row;
    // TRANSLATORS: a person whose name isn't known; {0} is their user id.
    row.who = !h.actor_name.empty() ? h.actor_name
              : h.actor.valid()     ? Format(tr("User #{0}"), {std::to_string(h.actor.value)})
                                    : std::string("Spoc");  // the system itself: the product's name
    row.when = FormatRelative(h.at, now);
    row.field = HistoryFieldLabel(h.field);
    if (h.field == "created")
        row.change = "";
    else if (h.field == "linked" || h.field == "unlinked" || h.field == "merged_into" || h.field == "sla")
        row.change = h.new_value;
    else if (h.field == "merged_from")
        // TRANSLATORS: history of a merge ("Merged: #17 into this request"); {0} is the merged request, like #17.
        row.change = Format(tr("{0} into this request"), {h.new_value});
    else
        row.change = HistoryValue(state, h.field, h.old_value) + kArrow + HistoryValue(state, h.field, h.new_value);
    return row;
}

}  // namespace

std::string HistoryFieldLabel(std::string_view field) {
    // TRANSLATORS: what a row of a request's history changed (a field or an event).
    static const std::pair<const char*, const char*> kLabels[] = {{"status", N_("Status")},
                                                                  {"pending_reason", N_("Pending reason")},
                                                                  {"assignee", N_("Assignee")},
                                                                  {"group", N_("Group")},
                                                                  {"impact", N_("Impact")},
                                                                  {"urgency", N_("Urgency")},
                                                                  {"priority", N_("Priority")},
                                                                  {"created", N_("Created")},
                                                                  {"linked", N_("Linked")},
                                                                  {"unlinked", N_("Unlinked")},
                                                                  {"merged_into", N_("Merged into")},
                                                                  {"merged_from", N_("Merged")},
                                                                  {"sla", N_("SLA")},
                                                                  {"satisfaction", N_("Satisfaction")}};
    for (const auto& [name, label] : kLabels)
        if (field == name) return tr(label);
    std::string out(field);
    std::replace(out.begin(), out.end(), '_', ' ');
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

WorkspaceViewModel BuildWorkspace(const AppState& state, RequestId id, const Clock& clock) {
    WorkspaceViewModel vm;
    if (!state.me || !IsStaff(state.me->user.role)) return vm;
    auto detail = state.details.find(id.value);
    if (detail == state.details.end() || !detail->second.has_data) return vm;
    const Request& r = detail->second.data;
    const WorkspaceState& ws = state.workspace;
    const std::string key = std::to_string(r.id.value) + "@" + std::to_string(r.version);
    vm.visible = true;

    const WorkspaceDrafts no_drafts;
    auto found_drafts = ws.drafts.find(id.value);
    const WorkspaceDrafts& d = found_drafts != ws.drafts.end() ? found_drafts->second : no_drafts;
    auto found_workflow = state.workflow.find(id.value);
    const WorkflowState* w = found_workflow != state.workflow.end() ? &found_workflow->second : nullptr;

    // ---- Requester and their other requests; links
    auto related_slot = ws.related.find(id.value);
    vm.requester = r.requester_name;
    if (related_slot != ws.related.end()) {
        vm.related_load = ToLoadView(related_slot->second, key);
        if (related_slot->second.has_data) {
            const api::RelatedRequests& rel = related_slot->second.data;
            if (!rel.requester.display_name.empty()) vm.requester = rel.requester.display_name;
            for (const std::string* part : {&rel.requester.department, &rel.requester.email})
                if (!part->empty()) vm.requester_meta += (vm.requester_meta.empty() ? "" : " \xC2\xB7 ") + *part;
            for (const RequestBrief& b : rel.other_requests)
                vm.other_requests.push_back(BriefRow(b, clock.now, "related_" + std::to_string(b.id.value)));
            const int total = std::max(rel.other_total, static_cast<int>(rel.other_requests.size()));
            // TRANSLATORS: a heading; {0} is how many other requests the requester has.
            vm.other_title = total > 0 ? Format(tr("Other requests ({0})"), {FormatInt(total)}) : std::string(tr("Other requests"));
            if (total > static_cast<int>(rel.other_requests.size()))
                // TRANSLATORS: {0} requests of the requester's {1} are listed, the newest.
                vm.other_more = Format(tr("Showing the newest {0} of {1}."),
                                       {FormatInt(static_cast<long long>(rel.other_requests.size())), FormatInt(total)});
            // TRANSLATORS: {0} is the requester's first name.
            vm.other_empty = Format(tr("No other requests from {0}."), {FirstName(rel.requester)});
            for (const LinkedRequest& l : rel.links) {
                WorkspaceRequestRow row =
                    BriefRow(l.request, clock.now, "linked_" + std::to_string(l.request.id.value));
                // TRANSLATORS: how a linked request relates to this one (a label before its number).
                row.kind = l.kind == LinkKind::relates ? tr("Relates to") : l.outgoing ? tr("Duplicate of") : tr("Duplicated by");
                row.can_unlink = CheckUnlink(state.me->user.role, l.kind).ok();
                row.unlinking = d.unlinking == l.request.id.value;
                vm.links.push_back(std::move(row));
            }
        }
    }
    if (vm.other_title.empty()) vm.other_title = tr("Other requests");

    vm.link_text = d.link_text;
    vm.link_kind = d.link_kind;
    vm.link_busy = d.link_in_flight || d.unlinking != 0;
    vm.merge_busy = w && w->in_flight;
    vm.link_enabled = !Trim(d.link_text).empty() && !vm.link_busy && !vm.merge_busy;
    if (d.link_error) vm.link_error = d.link_error->message;
    if (d.merge_into.valid()) {
        vm.merge_confirm = true;
        std::string target = RequestRef(d.merge_into.value);
        if (related_slot != ws.related.end() && related_slot->second.has_data) {
            const api::RelatedRequests& rel = related_slot->second.data;
            const RequestBrief* brief = nullptr;
            for (const RequestBrief& b : rel.other_requests)
                if (b.id == d.merge_into) brief = &b;
            for (const LinkedRequest& l : rel.links)
                if (l.request.id == d.merge_into) brief = &l.request;
            if (brief && !brief->summary.empty()) target += " (" + brief->summary + ")";
        }
        const std::string number = r.number.empty() ? RequestRef(r.id.value) : r.number;
        // TRANSLATORS: {0} is this request's number, {1} the other request ("#42 (Printer jam)"), {2} its number (#42).
        vm.merge_question = Format(tr("Merge {0} into {1}? This request is closed with a reply pointing there, and {2} gets "
                                      "an internal note."),
                                   {number, target, RequestRef(d.merge_into.value)});
    }
    vm.can_reapply_merge = d.merge_rejected && w && w->ticket == d.merge_ticket && !w->in_flight &&
                           detail->second.load == Load::ready && d.merge_rejected->base_version != r.version;

    // ---- History, newest first
    auto history_slot = ws.history.find(id.value);
    if (history_slot != ws.history.end()) {
        vm.history_load = ToLoadView(history_slot->second, key);
        if (history_slot->second.has_data) {
            std::vector<const api::HistoryItem*> items;
            for (const api::HistoryItem& h : history_slot->second.data) items.push_back(&h);
            std::stable_sort(items.begin(), items.end(), [](const api::HistoryItem* a, const api::HistoryItem* b) {
                return a->at != b->at ? a->at > b->at : a->id > b->id;
            });
            vm.history_total = static_cast<int>(items.size());
            vm.history_all = d.history_all;
            const int shown = d.history_all ? vm.history_total : std::min(vm.history_total, kHistoryShown);
            for (int i = 0; i < shown; ++i)
                vm.history.push_back(HistoryRow(state, *items[static_cast<size_t>(i)], clock.now));
            vm.history_more = shown < vm.history_total;
            vm.history_less = d.history_all && vm.history_total > kHistoryShown;
        }
    }

    // ---- Canned responses, previewed for this request and this agent
    vm.canned_load = ToLoadView(ws.canned, "all");
    if (ws.canned.has_data) {
        const PlaceholderContext context = MakePlaceholderContext(r, state.me->user);
        for (const CannedResponse& c : ws.canned.data) {
            CannedOptionViewModel option;
            option.id = c.id;
            option.title = c.title;
            // TRANSLATORS: who may use a canned reply: every agent, or one group ({0} is the group's id).
            option.audience = c.group_id == 0        ? std::string(tr("Everyone"))
                              : c.group_name.empty() ? Format(tr("Group #{0}"), {std::to_string(c.group_id)})
                                                     : c.group_name;
            option.preview = FirstLine(ExpandPlaceholders(c.body, context).text, kPreviewChars);
            vm.canned.push_back(std::move(option));
        }
    }
    vm.canned_busy = d.canned_loading != 0;
    if (d.canned_error) vm.canned_error = d.canned_error->message;
    vm.canned_notice = d.canned_notice;

    // ---- Details editor
    vm.groups_load = ToLoadView(ws.groups, "all");
    const DetailsDraft& e = d.details;
    const std::int64_t group_id = e.group_id.value_or(r.group_id);
    const UserId assignee = e.assignee.value_or(r.assignee_id);
    vm.impact = e.impact.value_or(r.impact);
    vm.urgency = e.urgency.value_or(r.urgency);
    vm.group_edited = group_id != r.group_id;
    vm.assignee_edited = assignee != r.assignee_id;
    vm.impact_edited = vm.impact != r.impact;
    vm.urgency_edited = vm.urgency != r.urgency;
    vm.dirty = vm.group_edited || vm.assignee_edited || vm.impact_edited || vm.urgency_edited;
    vm.saving = w && w->in_flight;

    const std::vector<api::DirectoryGroup> no_groups;
    const std::vector<api::DirectoryGroup>& directory = ws.groups.has_data ? ws.groups.data.groups : no_groups;
    vm.groups.push_back({0, tr("No group"), group_id == 0});
    bool group_listed = group_id == 0;
    for (const api::DirectoryGroup& g : directory) {
        vm.groups.push_back({g.id, g.name, g.id == group_id});
        group_listed = group_listed || g.id == group_id;
    }
    if (!group_listed)
        vm.groups.push_back(
            {group_id,
             // TRANSLATORS: a group whose name isn't known; {0} is its id.
             group_id == r.group_id && !r.group_name.empty() ? r.group_name : Format(tr("Group #{0}"), {std::to_string(group_id)}),
             true});

    // Agents of the chosen group; with no group, every agent in the directory.
    vm.assignees.push_back({0, tr("Unassigned"), !assignee.valid()});
    bool assignee_listed = !assignee.valid();
    for (const api::DirectoryGroup& g : directory) {
        if (group_id != 0 && g.id != group_id) continue;
        for (const api::DirectoryAgent& a : g.agents) {
            const bool seen = std::any_of(vm.assignees.begin(), vm.assignees.end(),
                                          [&](const PickOption& o) { return o.id == a.id.value; });
            if (seen) continue;
            // TRANSLATORS: an agent who is not taking new requests now; {0} is their name.
            vm.assignees.push_back({a.id.value, a.available ? a.name : Format(tr("{0} (away)"), {a.name}), a.id == assignee});
            assignee_listed = assignee_listed || a.id == assignee;
        }
    }
    if (group_id == 0)
        std::sort(vm.assignees.begin() + 1, vm.assignees.end(),
                  [](const PickOption& a, const PickOption& b) { return a.label < b.label; });
    if (!assignee_listed) {
        std::string name = assignee == r.assignee_id ? r.assignee_name : AgentName(state, assignee);
        vm.assignees.push_back(
            // TRANSLATORS: an agent whose name isn't known; {0} is their user id.
            {assignee.value, name.empty() ? Format(tr("Agent #{0}"), {std::to_string(assignee.value)}) : name, true});
    }
    for (const PickOption& o : vm.groups)
        if (o.selected) vm.group_label = o.label;
    for (const PickOption& o : vm.assignees)
        if (o.selected) vm.assignee_label = o.label;

    if (vm.impact_edited || vm.urgency_edited) {
        const Priority computed = ComputePriority(vm.impact, vm.urgency);
        vm.priority = std::string(PriorityLabel(computed));
        // TRANSLATORS: the priority before an edit; {0} is a priority such as "P3 Moderate".
        if (computed != r.priority) vm.priority_was = Format(tr("was {0}"), {PriorityLabel(r.priority)});
    } else {
        vm.priority = std::string(PriorityLabel(r.priority));
    }
    return vm;
}

}  // namespace spoc::client
