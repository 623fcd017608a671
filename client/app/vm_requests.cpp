// View-models for "My requests" (#/requests) and one request (#/requests/{id}): rows, filter
// tabs, paging, the submitted form as label/value lines, and the conversation with its reply box.
#include <algorithm>

#include "client/app/view_models.h"
#include "shared/domain/lifecycle.h"
#include "client/app/vm_internal.h"
#include "shared/domain/i18n.h"
#include "shared/domain/limits.h"
#include "shared/domain/text.h"

namespace spoc::client {

using i18n::Format;
using i18n::FormatInt;
using i18n::tr;
using i18n::trc;
using i18n::trn;

RequestListViewModel BuildRequestList(const AppState& state, const Clock& clock) {
    RequestListViewModel vm;
    const Route& route = state.route;
    const RequestFilter filter = route.screen == Screen::requests ? route.filter : RequestFilter{};
    const int page = route.screen == Screen::requests ? route.page : 1;
    vm.load = ToLoadView(state.requests, RequestListKey(filter, page, Effects::kPageSize));

    const std::pair<const char*, StatusFilter> tabs[] = {{trc("requests filter", "All"), StatusFilter::all},
                                                          {trc("requests filter", "Open"), StatusFilter::open},
                                                          {trc("requests filter", "Done"), StatusFilter::done}};
    for (const auto& [label, kind] : tabs) {
        FilterTab tab;
        tab.label = label;
        tab.filter.kind = kind;
        tab.selected = filter.kind == kind;
        vm.tabs.push_back(tab);
    }
    if (filter.kind == StatusFilter::single) {
        FilterTab tab;
        tab.label = std::string(StatusLabel(filter.status));
        tab.filter = filter;
        tab.selected = true;
        vm.tabs.push_back(tab);
    }

    vm.page = page;
    if (state.requests.has_data) {
        const api::RequestPage& data = state.requests.data;
        for (const Request& r : data.items) vm.rows.push_back(MakeRequestRow(r, clock.now));
        vm.total = data.total;
        const int size = data.page_size > 0 ? data.page_size : Effects::kPageSize;
        vm.page_count = std::max(1, (data.total + size - 1) / size);
        vm.page = data.page > 0 ? data.page : page;
        if (!vm.rows.empty()) {
            const int first = (vm.page - 1) * size + 1;
            // TRANSLATORS: paging: {0}–{1} are the rows shown, {2} how many there are ("21–30 of 43").
            vm.range = Format(tr("{0}–{1} of {2}"), {FormatInt(first), FormatInt(first + static_cast<int>(vm.rows.size()) - 1),
                                                      FormatInt(data.total)});
        }
        vm.has_prev = vm.page > 1;
        vm.has_next = vm.page < vm.page_count;
    }
    switch (filter.kind) {
        case StatusFilter::open:
            vm.empty_title = tr("Nothing open right now");
            vm.empty_body = tr("Every request you've raised is done. Need something else? Browse the catalog.");
            break;
        case StatusFilter::done:
            vm.empty_title = tr("Nothing finished yet");
            vm.empty_body = tr("Requests appear here once the service desk resolves them.");
            break;
        default:
            vm.empty_title = page > 1 ? tr("No more requests") : tr("You haven't raised any requests yet");
            vm.empty_body = tr("Ask for equipment, access or help from the request catalog — it shows up here.");
    }
    return vm;
}

namespace {

// The usual next step gets the primary button; everything else goes in the "More" menu.
// Staff: Start work on an assigned ticket that is theirs, Resolve while in progress, Resume work
// while pending. Requester: Close request on a resolved one. Cancelling is never the primary.
void MarkPrimaryStep(const Request& r, UserId me, RequestDetailViewModel& vm) {
    if (vm.staff && vm.can_assign_to_me && (r.status == Status::new_ || r.status == Status::assigned)) return;  // "Assign to me" leads
    Status next = Status::new_;
    if (!vm.staff) next = r.status == Status::resolved ? Status::closed : Status::new_;
    else if (r.status == Status::new_ || r.status == Status::assigned) next = r.assignee_id == me ? Status::in_progress : Status::new_;
    else if (r.status == Status::in_progress) next = Status::resolved;
    else if (r.status == Status::pending) next = Status::in_progress;
    for (auto& a : vm.status_actions)
        if (a.to == next && a.reason == PendingReason::none) {
            a.primary = true;
            break;
        }
}

// What the requester (and the agent) reads about how it stands: assignee, resolution, cancellation,
// "This didn't fix it", and the confirmation dialog while one is open.
void BuildOutcome(const AppState& state, const Request& r, const Clock& clock, RequestDetailViewModel& vm) {
    const bool mine = r.requester_id == state.me->user.id;
    if (r.assignee_id.valid() && !r.assignee_name.empty()) vm.assignee_first = api::FirstName(r.assignee_name);
    if (r.status == Status::resolved || r.status == Status::closed) {
        // TRANSLATORS: who resolved a request when no name is known: "Resolved by the service desk".
        const std::string who = r.resolved_by_name.empty() ? std::string(tr("the service desk"))
                                : vm.staff              ? r.resolved_by_name
                                                        : api::FirstName(r.resolved_by_name);
        // TRANSLATORS: {0} is who resolved the request (a name, or "the service desk"), {1} when ("2 days ago").
        if (r.resolved_at) vm.resolution_title = Format(tr("Resolved by {0} · {1}"), {who, FormatRelative(r.resolved_at, clock.now)});
        // TRANSLATORS: {0} is who resolved the request (a name, or "the service desk").
        else vm.resolution_title = Format(tr("Resolved by {0}"), {who});
        vm.resolution_note = r.resolution_note;
    }
    if (r.status == Status::cancelled) {
        vm.read_only = !vm.staff;
        if (r.cancel_reason.empty())
            vm.cancelled_notice = vm.staff ? tr("This request was cancelled.")
                                           : tr("This request was cancelled. Nothing more happens on it. If you still need help, "
                                                "raise a new request.");
        else if (vm.staff)
            // TRANSLATORS: {0} is the reason given for cancelling, as written.
            vm.cancelled_notice = Format(tr("This request was cancelled: “{0}”"), {r.cancel_reason});
        else
            // TRANSLATORS: {0} is the reason given for cancelling, as written.
            vm.cancelled_notice = Format(tr("This request was cancelled: “{0}” Nothing more happens on it. If you still need "
                                            "help, raise a new request."),
                                         {r.cancel_reason});
    }
    const TicketFacts facts{r.status, r.pending_reason, r.requester_id, r.assignee_id, r.group_id, r.resolved_at};
    vm.can_reopen = mine && r.status == Status::resolved && OnPublicReply(facts, Actor{state.me->user.id, state.me->user.role, false}, clock.now).reopen;
    if (auto reply = state.replies.find(r.id.value); reply != state.replies.end()) vm.reopening = vm.can_reopen && reply->second.reopen;

    auto w = state.workflow.find(r.id.value);
    if (w == state.workflow.end() || !w->second.confirm) return;
    RequestDetailViewModel::ConfirmDialog& d = vm.confirm;
    d.open = true;
    d.to = *w->second.confirm;
    d.text = w->second.confirm_text;
    const std::string number = r.number.empty() ? FormatRequestNumber(r.type, r.id) : r.number;
    if (d.to == Status::cancelled) {
        // TRANSLATORS: title of a confirmation dialog; {0} is a request number like REQ0000042.
        d.title = Format(tr("Cancel {0}?"), {number});
        d.body = mine ? tr("The service desk stops working on it, and you can't reopen it. You can always raise a new request.")
                      : tr("Work on it stops and it can't be reopened. The requester sees the reason.");
        d.text_label = tr("Reason (optional)");
        d.placeholder = mine ? tr("For example: I found a spare charger") : tr("Why it is cancelled; the requester sees this");
        d.confirm_label = tr("Cancel request");
        d.keep_label = tr("Keep request");
        d.danger = true;
        d.max_chars = static_cast<int>(limits::kMaxCancelReason);
    } else {
        // TRANSLATORS: title of a dialog; {0} is a request number like REQ0000042.
        d.title = Format(tr("Resolve {0}"), {number});
        d.body = tr("Say what fixed it. The requester sees this note and can tell you if it didn't work.");
        d.text_label = tr("Resolution note");
        d.placeholder = tr("For example: Replaced the docking station; both screens work again.");
        d.confirm_label = trc("verb", "Resolve");
        d.keep_label = tr("Back");
        d.max_chars = static_cast<int>(limits::kMaxResolutionNote);
    }
    const std::size_t length = Utf8Length(Trim(d.text));
    if (length > static_cast<std::size_t>(d.max_chars)) {
        const long limit = d.max_chars + 1;  // std::to_string: "4001" as before, not "4,001"
        d.error = Format(trn("Keep it under {0} character.", "Keep it under {0} characters.", limit), {std::to_string(limit)});
    }
    d.can_confirm = d.error.empty() && !vm.workflow_busy;
}

}  // namespace

RequestDetailViewModel BuildRequestDetail(const AppState& state, RequestId id, const Clock& clock) {
    RequestDetailViewModel vm;
    vm.id = id;
    auto slot = state.details.find(id.value);
    if (slot == state.details.end()) return vm;
    vm.load = ToLoadView(slot->second, std::to_string(id.value));
    if (vm.load.status == ViewStatus::failed && slot->second.error.code == ErrorCode::not_found)
        vm.load.error = tr("We couldn't find this request. It may have been raised by someone else.");
    if (!slot->second.has_data) return vm;
    const Request& r = slot->second.data;

    vm.number = r.number.empty() ? FormatRequestNumber(r.type, r.id) : r.number;
    vm.summary = r.summary;
    vm.status = std::string(StatusLabel(r.status));
    vm.status_tone = StatusTone(r.status);
    vm.priority = std::string(PriorityLabel(r.priority));
    vm.type_label = std::string(RequestTypeLabel(r.type));
    vm.catalog_item = r.catalog_item_title;
    vm.requester = r.requester_name;
    const Timestamp local_created = r.created_at + static_cast<Timestamp>(clock.utc_offset_minutes) * 60000;
    const CivilDate created_day = CivilFromDays(local_created >= 0 ? local_created / 86400000 : (local_created - 86399999) / 86400000);
    vm.created = i18n::FormatDateNumeric(created_day.year, created_day.month, created_day.day) + " (" +
                 FormatRelative(r.created_at, clock.now) + ")";  // the date in the reader's form: en ISO, de 05.12.2026
    vm.updated = FormatRelative(r.updated_at ? r.updated_at : r.created_at, clock.now);
    vm.description = r.description;
    vm.closed = !IsOpenStatus(r.status);

    // Agent mode: assignment, SLA clocks and the lifecycle buttons the shared rules allow.
    vm.staff = state.me && IsStaff(state.me->user.role);
    vm.someone_elses = vm.staff && r.requester_id != state.me->user.id;
    if (vm.staff) {
        vm.assignee = r.assignee_name.empty() ? std::string(tr("Unassigned")) : r.assignee_name;
        vm.group = r.group_name.empty() ? std::string(tr("No group")) : r.group_name;
        vm.pending_reason = std::string(PendingReasonLabel(r.pending_reason));
        if (r.first_response_at) vm.response_due = trc("sla", "Met");
        else if (r.response_due_at) vm.response_due = DueText(r, SlaKind::first_response, r.response_due_at, clock.now, &vm.response_tone);
        if (r.status == Status::pending) vm.resolution_due = trc("sla", "Paused");
        else if (!IsOpenStatus(r.status)) vm.resolution_due = trc("sla", "Stopped");
        else if (r.resolution_due_at) vm.resolution_due = DueText(r, SlaKind::resolution, r.resolution_due_at, clock.now, &vm.resolution_tone);
    }
    // The lifecycle steps the shared rules allow this user: every step for agents; for the
    // requester, closing a Resolved request and cancelling one nobody has started.
    if (state.me) {
        const TicketFacts facts{r.status, r.pending_reason, r.requester_id, r.assignee_id, r.group_id, r.resolved_at};
        const Actor actor{state.me->user.id, state.me->user.role, false};
        for (Status to : AllowedTransitions(facts, actor)) {
            if (to == Status::pending) {
                for (PendingReason reason : {PendingReason::requester, PendingReason::vendor, PendingReason::change})
                    // TRANSLATORS: a button putting a request on hold; {0} is why ("Awaiting requester").
                    vm.status_actions.push_back({Format(tr("Pending: {0}"), {PendingReasonLabel(reason)}), to, reason,
                                                 "status_pending_" + std::string(PendingReasonName(reason))});
                continue;
            }
            std::string label = to == Status::in_progress ? (r.status == Status::resolved ? tr("Reopen")
                                                             : r.status == Status::pending  ? tr("Resume work")
                                                                                            : tr("Start work"))
                                : to == Status::resolved  ? tr("Resolve…")
                                : to == Status::closed    ? trc("verb", "Close")
                                : to == Status::cancelled ? tr("Cancel request…")
                                                          : std::string(StatusLabel(to));
            if (!vm.staff) label = to == Status::closed ? tr("Close request") : tr("Cancel request…");
            RequestDetailViewModel::StatusAction a{std::move(label), to, PendingReason::none, "status_" + std::string(StatusName(to))};
            a.confirm = to == Status::cancelled || to == Status::resolved;
            vm.status_actions.push_back(std::move(a));
        }
    }
    if (vm.staff) {
        vm.can_assign_to_me = r.assignee_id != state.me->user.id && IsOpenStatus(r.status);
        if (auto p = state.live.presence.find(id.value); p != state.live.presence.end())
            for (const api::PresenceEvent& v : p->second) {
                const bool replying = v.state == "replying";
                vm.someone_replying = vm.someone_replying || replying;
                // TRANSLATORS: {0} is another agent on the same request right now.
                vm.viewers.push_back(replying ? Format(tr("{0} is replying…"), {v.name}) : Format(tr("{0} is viewing"), {v.name}));
            }
    }
    if (state.me) {
        if (auto w = state.workflow.find(id.value); w != state.workflow.end()) {
            vm.workflow_busy = w->second.in_flight;
            if (w->second.error)
                vm.workflow_error = w->second.error->code == ErrorCode::conflict
                                        ? std::string(tr("Someone changed this request meanwhile. It has been reloaded: check it, "
                                                         "then apply your change again."))
                                        : w->second.error->message;
            vm.can_reapply = w->second.rejected && !w->second.in_flight && slot->second.load == Load::ready &&
                             w->second.rejected->base_version != r.version;
        }
    }

    if (state.me) {
        MarkPrimaryStep(r, state.me->user.id, vm);
        BuildOutcome(state, r, clock, vm);
    }
    // TRANSLATORS: placeholder of the reply box; {0} is the requester's first name.
    vm.reply_placeholder = !vm.staff       ? (vm.reopening ? tr("Tell the service desk what still isn't working…")
                                                           : tr("Add a reply or more details for the service desk…"))
                           : vm.someone_elses ? Format(tr("Reply to {0}… (they see this)"), {api::FirstName(r.requester_name)})
                                              : tr("Write a reply…");

    // The submitted form, described with the item's own labels once its definition is here.
    Result<FormValues> values = r.form_json.empty() ? Result<FormValues>(FormValues{}) : api::DecodeFormValues(r.form_json);
    const CatalogItem* item = LoadedItem(state, r.catalog_item_id);
    auto item_slot = state.items.find(r.catalog_item_id.value);
    const bool item_failed = item_slot != state.items.end() && item_slot->second.load == Load::failed;
    if (values.ok() && item != nullptr) {
        vm.form_lines = DescribeValues(*item, values.value());
    } else if (values.ok() && (item_failed || !r.catalog_item_id.valid())) {
        for (const auto& [key, value] : values.value()) {
            std::string text;
            switch (value.kind) {
                case FormValue::Kind::text: text = value.text; break;
                case FormValue::Kind::boolean: text = value.checked ? tr("Yes") : tr("No"); break;
                case FormValue::Kind::list:
                    for (const std::string& s : value.list) text += (text.empty() ? "" : ", ") + s;
                    break;
                case FormValue::Kind::none: break;
            }
            if (!text.empty()) vm.form_lines.emplace_back(key, text);
        }
    } else if (values.ok() && !values.value().empty()) {
        vm.form_loading = true;
    }

    std::vector<const Comment*> comments;
    for (const Comment& c : r.comments) comments.push_back(&c);
    std::stable_sort(comments.begin(), comments.end(), [](const Comment* a, const Comment* b) { return a->created_at < b->created_at; });
    const UserId me = state.me ? state.me->user.id : UserId();
    for (const Comment* c : comments) {
        ConversationEntry entry;
        entry.author = c->author_name;
        entry.is_me = me.valid() && c->author_id == me;
        entry.is_staff = c->author_role != Role::employee;
        entry.internal = c->internal;
        // TRANSLATORS: who wrote a message in a request's conversation.
        entry.role = entry.is_me ? tr("You") : entry.is_staff ? tr("Service desk") : trc("role", "Employee");
        if (entry.internal) entry.role = tr("Internal note");
        entry.when = FormatRelative(c->created_at, clock.now);
        entry.body = c->body;
        entry.id = c->id.value;
        entry.files = BuildAttachments(c->attachments);
        vm.conversation.push_back(std::move(entry));
    }

    auto reply = state.replies.find(id.value);
    if (reply != state.replies.end()) {
        vm.reply_text = reply->second.text;
        vm.reply_sending = reply->second.in_flight;
        vm.reply_internal = vm.staff && reply->second.internal;
        vm.reply_focus = reply->second.focus;
        if (reply->second.error) {
            const Error& e = *reply->second.error;
            vm.reply_error = e.code == ErrorCode::network ? std::string(tr("We couldn't reach Spoc. Your reply is kept — try again."))
                                                          : e.message;
        }
    }
    vm.files = BuildAttachments(r.attachments);
    const FileTarget reply_target{FileTarget::Kind::reply, id.value};
    vm.reply_files = BuildComposerFiles(reply != state.replies.end() ? reply->second.files : std::vector<UploadChip>{}, reply_target);
    vm.reply_max_chars = static_cast<int>(limits::kMaxComment);
    const std::vector<std::int64_t> uploaded =
        reply != state.replies.end() ? UploadedIds(reply->second.files) : std::vector<std::int64_t>{};
    if (!Trim(vm.reply_text).empty() || !uploaded.empty()) {
        api::CommentBody body;
        body.body = vm.reply_text;
        body.attachments = uploaded;
        Result<api::CommentBody> check = api::DecodeCommentBody(api::EncodeCommentBody(body));
        vm.reply_enabled = check.ok() && !vm.reply_sending && !vm.reply_files.busy;
        if (!check.ok() && vm.reply_error.empty()) vm.reply_error = check.error().message;
    }
    if (vm.staff) vm.workspace = BuildWorkspace(state, id, clock);  // vm_workspace.cpp
    vm.survey = BuildSurvey(state, r, clock);                        // vm_survey.cpp
    vm.approval = BuildApprovalCard(state, r, clock);                // vm_approvals.cpp
    // An approver reads someone else's request to decide it; the conversation isn't theirs.
    if (!vm.staff && state.me && r.requester_id != state.me->user.id) vm.read_only = true;
    if (vm.staff) vm.survey_result = BuildSurveyResult(r, clock);
    return vm;
}

}  // namespace spoc::client
