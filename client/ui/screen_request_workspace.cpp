// The staff workspace cards of a request page (see request_detail_parts.h): the requester and
// their other requests, the Details editor (group, assignee, impact x urgency -> priority), linked
// requests with link / unlink / merge, the history of every change, and the facts card employees
// see. Split out of screen_request_detail.cpp, which draws the page around them.
#include <algorithm>
#include <functional>

#include "client/ui/item_hooks.h"
#include "client/ui/request_detail_parts.h"
#include "client/ui/screens.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"
#include "imgui_internal.h"
#include "shared/domain/i18n.h"

namespace spoc::ui {

using namespace spoc::client;
using i18n::Format;
using i18n::Plural;
using i18n::tr;
using i18n::trc;

// ---------------------------------------------------------------------------------------------
// [SECTION] Pieces shared with the page
// ---------------------------------------------------------------------------------------------
std::string InitialsOf(const std::string& name) {
    std::string out;
    bool start = true;
    for (char ch : name) {
        if (ch == ' ') { start = true; continue; }
        if (start && out.size() < 2 && static_cast<unsigned char>(ch) < 0x80) out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(ch))));
        start = false;
    }
    return out.empty() ? "?" : out;
}

void KeyValue(const std::string& key, const std::string& value, float width, float key_w) {
    const Fonts& f = GetFonts();
    if (width < 440 && key_w > 120) {  // narrow: the label goes above its value
        Label(f.small, color::kTextMuted, key);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 8);
        Paragraph(f.body, color::kText, value.empty() ? std::string("\xE2\x80\x94") : value, width);
        return;
    }
    const ImVec2 p = ImGui::GetCursorScreenPos();
    DrawTextClipped(ImGui::GetWindowDrawList(), f.body, p, color::kTextMuted, key, key_w - 12);
    ImGui::SetCursorScreenPos(ImVec2(p.x + key_w, p.y));
    Paragraph(f.body, color::kText, value.empty() ? std::string("\xE2\x80\x94") : value, width - key_w);
    ImGui::SetCursorScreenPos(ImVec2(p.x, std::max(ImGui::GetCursorScreenPos().y, p.y + 24)));
}

// Records the last item's rectangle for the hooks under `id` (captions, whole controls).
void RecordLast(std::string_view label, std::string_view id) {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    hooks::RecordItem(label, id, min.x, min.y, max.x, max.y);
}

namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] Small pieces of the cards
// ---------------------------------------------------------------------------------------------
// Group or assignee: a Dropdown over the view-model's options (disabled while a change saves).
void DrawOptionPicker(const char* id, const char* caption, bool edited, const std::vector<PickOption>& options,
                      bool enabled, float width, const std::function<void(std::int64_t)>& pick) {
    const Fonts& f = GetFonts();
    // TRANSLATORS: a field's caption once its value was changed but not saved yet; {0} is the caption ("Group").
    Label(f.small_semibold, edited ? color::kAccent : color::kTextMuted, edited ? Format(tr("{0} (edited)"), {caption}) : caption);
    std::vector<std::string> labels;
    int selected = -1;
    for (size_t i = 0; i < options.size(); ++i) {
        labels.push_back(options[i].label);
        if (options[i].selected) selected = static_cast<int>(i);
    }
    if (!enabled) ImGui::BeginDisabled();
    if (Dropdown(id, caption, labels, &selected, width) && selected >= 0) pick(options[static_cast<size_t>(selected)].id);
    if (!enabled) ImGui::EndDisabled();
    VSpace(2);
}

// A card's small caption with an optional spinner while a newer copy loads.
void CardTitle(const std::string& title, bool refreshing) {
    const Fonts& f = GetFonts();
    Label(f.h3, color::kText, title);
    if (refreshing) {
        ImGui::SameLine(0, 10);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 5);
        Spinner(7, 2, color::kAccent);
    }
    VSpace(2);
}

// A clickable request line (requester's other requests, links): number + status badge, then the
// summary and a muted line. `trailing_w` keeps room on the right for a button drawn afterwards.
void RequestRow(const WorkspaceRequestRow& row, float width, float trailing_w, Actions& actions) {
    const Fonts& f = GetFonts();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const bool with_kind = !row.kind.empty();
    const float h = with_kind ? 76.0f : 58.0f;
    const float w = width - trailing_w;
    const std::string label = row.number + "##" + row.hook_id;
    if (ImGui::InvisibleButton(label.c_str(), ImVec2(std::max(1.0f, w), h))) actions.OpenRequest(row.id);
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) {
        dl->AddRectFilled(ImVec2(p.x - 8, p.y), ImVec2(p.x + w, p.y + h), color::kSurfaceHover, 8.0f);
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    ImGui::RenderNavHighlight(ImRect(p, ImVec2(p.x + w, p.y + h)), ImGui::GetItemID());
    float y = p.y + 6;
    if (with_kind) {
        DrawTextAt(dl, f.small_semibold, ImVec2(p.x, y), color::kTextMuted, row.kind);
        y += 18;
    }
    DrawTextAt(dl, f.body_semibold, ImVec2(p.x, y), hovered ? color::kAccent : color::kText, row.number);
    const ImVec2 bs = BadgeSize(row.status);
    DrawBadge(dl, ImVec2(p.x + w - bs.x - 4, y - 2), row.status, row.status_tone);
    y += 22;
    DrawTextClipped(dl, f.small, ImVec2(p.x, y), color::kTextSecondary, row.summary, w - 8);
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h));
}

// An inline "this panel didn't load" line with Retry.
void PanelError(const char* id, const std::string& message, bool retryable, float width, RequestId request, Actions& actions) {
    const std::string retry = L("Retry", (std::string(id) + "_retry").c_str());
    if (Notice(id, NoticeKind::error, message, retryable ? retry.c_str() : nullptr, width)) actions.ReloadWorkspace(request);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Workspace cards
// ---------------------------------------------------------------------------------------------
void DrawRequesterCard(const RequestDetailViewModel& vm, float width, Actions& actions) {
    const WorkspaceViewModel& ws = vm.workspace;
    const Fonts& f = GetFonts();
    const float pad = 24.0f;
    const float inner = width - 2 * pad;
    BeginCard("requester_card", width, pad);
    CardTitle(tr("Requester"), ws.related_load.refreshing);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    Avatar(InitialsOf(ws.requester), 40, color::kAccentSoft, color::kAccent);
    ImGui::SetCursorScreenPos(ImVec2(p.x + 52, p.y + (ws.requester_meta.empty() ? 9 : 0)));
    ImGui::BeginGroup();
    TextEllipsis(f.body_semibold, color::kText, ws.requester, inner - 52);
    RecordLast(ws.requester, "requester_name");
    if (!ws.requester_meta.empty()) {
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 6);
        TextEllipsis(f.small, color::kTextMuted, ws.requester_meta, inner - 52);
    }
    ImGui::EndGroup();
    ImGui::SetCursorScreenPos(ImVec2(p.x, std::max(ImGui::GetItemRectMax().y, p.y + 40) + 12));
    Divider(inner);
    VSpace(6);
    Label(f.small_semibold, color::kTextMuted, ws.other_title);
    if (ws.related_load.status == ViewStatus::loading) {
        for (int i = 0; i < 3; ++i) Skeleton(ImVec2(inner * (0.9f - 0.15f * static_cast<float>(i)), 16));
    } else if (ws.related_load.status == ViewStatus::failed) {
        PanelError("related_error", ws.related_load.error, ws.related_load.retryable, inner, vm.id, actions);
    } else if (ws.other_requests.empty()) {
        Paragraph(f.small, color::kTextSecondary, ws.other_empty, inner);
        RecordLast(ws.other_empty, "related_empty");
    } else {
        for (const WorkspaceRequestRow& row : ws.other_requests) RequestRow(row, inner, 0, actions);
        if (!ws.other_more.empty()) Paragraph(f.small, color::kTextMuted, ws.other_more, inner);
    }
    EndCard();
}

// High / Medium / Low for impact or urgency; the whole control is hooked as `id`.
void DrawLevelPicker(const char* id, const char* caption, Level level, bool edited, const RequestDetailViewModel& vm,
                     Actions& actions, bool impact) {
    const Fonts& f = GetFonts();
    // TRANSLATORS: a field's caption once its value was changed but not saved yet; {0} is the caption ("Impact").
    Label(f.small_semibold, edited ? color::kAccent : color::kTextMuted, edited ? Format(tr("{0} (edited)"), {caption}) : caption);
    // TRANSLATORS: levels of a request's impact or urgency.
    const std::string high = std::string(trc("level", "High")) + "###" + id + "_high",
                      medium = std::string(trc("level", "Medium")) + "###" + id + "_medium",
                      low = std::string(trc("level", "Low")) + "###" + id + "_low";
    const char* labels[] = {high.c_str(), medium.c_str(), low.c_str()};
    int selected = static_cast<int>(level) - 1;
    if (SegmentedControl(id, labels, 3, &selected)) {
        const Level to = static_cast<Level>(selected + 1);
        if (impact) actions.SetEditImpact(vm.id, to);
        else actions.SetEditUrgency(vm.id, to);
    }
    // TRANSLATORS: a control's name and its current value, e.g. "Impact: High".
    RecordLast(Format(tr("{0}: {1}"), {caption, LevelLabel(level)}), id);
}

void DrawDetailsCard(const RequestDetailViewModel& vm, float width, Actions& actions) {
    const WorkspaceViewModel& ws = vm.workspace;
    const Fonts& f = GetFonts();
    const float pad = 24.0f;
    const float inner = width - 2 * pad;
    BeginCard("facts", width, pad);
    CardTitle(tr("Details"), false);
    // TRANSLATORS: a request's status and why it is pending, e.g. "Pending (Awaiting requester)".
    KeyValue(tr("Status"), vm.pending_reason.empty() ? vm.status : Format(tr("{0} ({1})"), {vm.status, vm.pending_reason}), inner, 110);
    // TRANSLATORS: when the first response to the request is due.
    if (!vm.response_due.empty()) KeyValue(tr("First response"), vm.response_due, inner, 110);
    // TRANSLATORS: when the request's resolution is due.
    if (!vm.resolution_due.empty()) KeyValue(tr("Resolution"), vm.resolution_due, inner, 110);
    VSpace(4);

    // Group and assignee: the directory's groups, and the chosen group's agents.
    const bool editable = !ws.saving;
    if (ws.groups_load.status == ViewStatus::failed)
        // TRANSLATORS: {0} is the reason, e.g. "The server didn't answer."
        PanelError("groups_error", Format(tr("Groups didn't load: {0}"), {ws.groups_load.error}), ws.groups_load.retryable, inner, vm.id,
                   actions);
    if (ws.groups_load.status == ViewStatus::loading) {
        KeyValue(tr("Group"), ws.group_label, inner, 110);
        KeyValue(tr("Assignee"), ws.assignee_label, inner, 110);
    } else {
        // Without the directory only the request's own group and assignee are known: still shown.
        const bool directory = ws.groups_load.status == ViewStatus::ready;
        DrawOptionPicker("##edit_group", tr("Group"), ws.group_edited, ws.groups, editable && directory, inner,
                         [&](std::int64_t id) { actions.SetEditGroup(vm.id, id); });
        DrawOptionPicker("##edit_assignee", tr("Assignee"), ws.assignee_edited, ws.assignees, editable && directory, inner,
                         [&](std::int64_t id) { actions.SetEditAssignee(vm.id, UserId(id)); });
    }

    // Impact x urgency -> priority (the shared matrix), shown as it will be once saved.
    DrawLevelPicker("edit_impact", tr("Impact"), ws.impact, ws.impact_edited, vm, actions, true);
    DrawLevelPicker("edit_urgency", tr("Urgency"), ws.urgency, ws.urgency_edited, vm, actions, false);
    Label(f.small_semibold, color::kTextMuted, tr("Priority"));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
    Badge(ws.priority, ws.priority_was.empty() ? Tone::neutral : Tone::info);
    RecordLast(ws.priority, "edit_priority");
    if (!ws.priority_was.empty()) {
        ImGui::SameLine(0, 8);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 3);
        Label(f.small, color::kTextMuted, ws.priority_was);
    }
    if (ws.dirty) {
        VSpace(4);
        if (Button((ws.saving ? L("Saving…", "edit_save") : L("Save changes", "edit_save")).c_str(), ButtonKind::primary, ImVec2(0, 36),
                   !ws.saving, ws.saving))
            actions.SaveDetails(vm.id);
        ImGui::SameLine(0, 8);
        if (Button(L("Discard", "edit_discard").c_str(), ButtonKind::ghost, ImVec2(0, 36), !ws.saving)) actions.DiscardDetails(vm.id);
    }
    VSpace(6);
    Divider(inner);
    VSpace(8);
    // TRANSLATORS: the kind of request (incident, service request...).
    KeyValue(tr("Type"), vm.type_label, inner, 110);
    KeyValue(tr("Service"), vm.catalog_item, inner, 110);
    // TRANSLATORS: when the request was opened.
    KeyValue(tr("Opened"), vm.created, inner, 110);
    KeyValue(tr("Last update"), vm.updated, inner, 110);
    EndCard();
}

void DrawLinksCard(const RequestDetailViewModel& vm, float width, Actions& actions) {
    const WorkspaceViewModel& ws = vm.workspace;
    const Fonts& f = GetFonts();
    const float pad = 24.0f;
    const float inner = width - 2 * pad;
    BeginCard("links_card", width, pad);
    CardTitle(tr("Linked requests"), ws.related_load.refreshing);
    if (ws.related_load.status == ViewStatus::loading) {
        Skeleton(ImVec2(inner * 0.8f, 16));
    } else if (ws.related_load.status == ViewStatus::failed) {
        PanelError("links_error", ws.related_load.error, ws.related_load.retryable, inner, vm.id, actions);
    } else if (ws.links.empty()) {
        Paragraph(f.small, color::kTextSecondary, tr("No linked requests."), inner);
        RecordLast(tr("No linked requests."), "links_empty");
    }
    for (const WorkspaceRequestRow& row : ws.links) {
        const float unlink_w = row.can_unlink ? 76.0f : 0.0f;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        RequestRow(row, inner, unlink_w, actions);
        const ImVec2 after = ImGui::GetCursorScreenPos();
        if (row.can_unlink) {
            ImGui::SetCursorScreenPos(ImVec2(p.x + inner - unlink_w + 6, p.y + 18));
            const std::string unlink_id = "unlink_" + std::to_string(row.id.value);
            const std::string label = row.unlinking ? "\xE2\x80\xA6###" + unlink_id : L("Unlink", unlink_id.c_str());
            if (Button(label.c_str(), ButtonKind::ghost, ImVec2(unlink_w - 6, 32), !ws.link_busy)) actions.RemoveLink(vm.id, row.id);
            ImGui::SetCursorScreenPos(after);
        }
    }

    // Link another request, or merge this one into it (a duplicate).
    VSpace(6);
    Divider(inner);
    VSpace(8);
    Label(f.small_semibold, color::kTextMuted, tr("Link to another request"));
    // TRANSLATORS: how this request relates to the one being linked: "(this request) relates to / is a duplicate of (that one)".
    const std::string kind_labels[] = {L("Relates to", "link_kind_relates"), L("Duplicate of", "link_kind_duplicate")};
    const char* const kKinds[] = {kind_labels[0].c_str(), kind_labels[1].c_str()};
    int kind = ws.link_kind == LinkKind::duplicate_of ? 1 : 0;
    if (SegmentedControl("link_kind", kKinds, 2, &kind))
        actions.SetLinkKind(vm.id, kind == 1 ? LinkKind::duplicate_of : LinkKind::relates);
    RecordLast(kind == 1 ? tr("Duplicate of") : tr("Relates to"), "link_kind");
    VSpace(2);
    std::string text = ws.link_text;
    TextInputOptions o;
    // TRANSLATORS: the two ways to name a request; keep "#42" and "REQ0000042" as they are.
    o.placeholder = tr("#42 or REQ0000042");
    o.hook_label = tr("Request to link");
    o.invalid = !ws.link_error.empty();
    o.read_only = ws.link_busy;
    const bool merge = ws.link_kind == LinkKind::duplicate_of;
    const float button_w = merge ? 130.0f : 84.0f;
    o.width = inner - button_w - 8;
    const TextInputResult r = TextInput("##link_input", &text, o);
    if (r.edited) actions.EditLinkText(vm.id, text);
    const float input_h = ImGui::GetItemRectSize().y;  // the button beside it takes the same height
    ImGui::SameLine(0, 8);
    bool go = r.submitted && ws.link_enabled;
    if (merge) {
        go = Button(L("Merge into…", "merge_into").c_str(), ButtonKind::secondary, ImVec2(button_w, input_h), ws.link_enabled && !ws.merge_confirm) ||
             go;
        if (go) actions.AskMerge(vm.id);
    } else {
        // TRANSLATORS: button that links the request typed beside it to this one.
        const std::string link_label = std::string(trc("verb", "Link")) + "###link_add";
        go = Button(link_label.c_str(), ButtonKind::secondary, ImVec2(button_w, input_h), ws.link_enabled, ws.link_busy && !ws.link_text.empty()) ||
             go;
        if (go) actions.AddLink(vm.id);
    }
    if (!ws.link_error.empty()) Paragraph(f.small, color::kDanger, ws.link_error, inner);
    else if (merge && !ws.merge_confirm)
        Paragraph(f.small, color::kTextMuted, tr("Merging closes this request and records it as a duplicate of the other."), inner);
    if (ws.merge_confirm) {
        VSpace(4);
        BeginCard("merge_confirm_card", inner, 14.0f, color::kWarningSoft, color::kWarningBorder);
        Paragraph(f.small, color::kWarningStrong, ws.merge_question, inner - 28);
        VSpace(2);
        if (Button((ws.merge_busy ? L("Merging…", "merge_confirm") : L("Merge", "merge_confirm")).c_str(), ButtonKind::danger, ImVec2(0, 34),
                   !ws.merge_busy, ws.merge_busy))
            actions.ConfirmMerge(vm.id);
        ImGui::SameLine(0, 8);
        if (Button(L("Cancel", "merge_cancel").c_str(), ButtonKind::ghost, ImVec2(0, 34), !ws.merge_busy)) actions.CancelMerge(vm.id);
        EndCard();
    }
    EndCard();
}

}  // namespace

void DrawHistoryCard(const RequestDetailViewModel& vm, float width, Actions& actions) {
    const WorkspaceViewModel& ws = vm.workspace;
    const Fonts& f = GetFonts();
    const float pad = 28.0f;
    const float inner = width - 2 * pad;
    BeginCard("history_card", width, pad);
    CardTitle(tr("History"), ws.history_load.refreshing);
    if (ws.history_load.status == ViewStatus::loading) {
        for (int i = 0; i < 3; ++i) Skeleton(ImVec2(inner * (0.7f - 0.1f * static_cast<float>(i)), 16));
    } else if (ws.history_load.status == ViewStatus::failed) {
        PanelError("history_error", ws.history_load.error, ws.history_load.retryable, inner, vm.id, actions);
    } else if (ws.history.empty()) {
        Paragraph(f.small, color::kTextSecondary, tr("No changes yet."), inner);
        RecordLast(tr("No changes yet."), "history_empty");
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (size_t i = 0; i < ws.history.size(); ++i) {
        const HistoryRowViewModel& h = ws.history[i];
        const ImVec2 p = ImGui::GetCursorScreenPos();
        // A dot on a thin timeline, then "who · when" and "Field: old → new".
        dl->AddCircleFilled(ImVec2(p.x + 5, p.y + 9), 4, color::kAccent);
        if (i + 1 < ws.history.size()) dl->AddLine(ImVec2(p.x + 5, p.y + 16), ImVec2(p.x + 5, p.y + 52), color::kBorder, 1.0f);
        ImGui::SetCursorScreenPos(ImVec2(p.x + 20, p.y));
        ImGui::BeginGroup();
        Label(f.small_semibold, color::kText, h.who);
        ImGui::SameLine(0, 6);
        Label(f.small, color::kTextMuted, "\xC2\xB7 " + h.when);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 8);
        // TRANSLATORS: a changed field and the change, e.g. "Status: New → Assigned".
        const std::string line = h.change.empty() ? h.field : Format(tr("{0}: {1}"), {h.field, h.change});
        Paragraph(f.body, color::kTextSecondary, line, inner - 20);
        ImGui::EndGroup();
        RecordLast(h.who + ", " + h.when + ", " + line, "history_row");
        ImGui::SetCursorScreenPos(ImVec2(p.x, ImGui::GetItemRectMax().y + 6));
    }
    if (ws.history_more) {
        // TRANSLATORS: link that shows a request's whole history; {0} is how many changes there are (always more than one).
        const std::string label = Plural("Show all {0} changes", "Show all {0} changes", ws.history_total) + "###history_all";
        if (LinkButton(label.c_str(), f.small_semibold)) actions.ShowAllHistory(vm.id, true);
    } else if (ws.history_less) {
        if (LinkButton(L("Show fewer", "history_fewer").c_str(), f.small_semibold)) actions.ShowAllHistory(vm.id, false);
    }
    EndCard();
}

namespace {

// The facts card employees see (and staff while the workspace is not there).
void DrawFactsCard(const RequestDetailViewModel& vm, float width) {
    const Fonts& f = GetFonts();
    const float pad = 24.0f;
    BeginCard("facts", width, pad);
    Label(f.h3, color::kText, tr("Details"));
    VSpace(2);
    const float inner = width - 2 * pad;
    // TRANSLATORS: a request's status and why it is pending, e.g. "Pending (Awaiting requester)".
    KeyValue(tr("Status"), vm.pending_reason.empty() ? vm.status : Format(tr("{0} ({1})"), {vm.status, vm.pending_reason}), inner, 110);
    // TRANSLATORS: shown to the requester: who is working on the request (an agent's first name), or "Not assigned yet".
    if (!vm.staff) KeyValue(tr("Working on it"), vm.assignee_first.empty() ? std::string(tr("Not assigned yet")) : vm.assignee_first, inner, 110);
    if (vm.staff) {
        KeyValue(tr("Assignee"), vm.assignee, inner, 110);
        KeyValue(tr("Group"), vm.group, inner, 110);
        // TRANSLATORS: when the first response to the request is due.
        if (!vm.response_due.empty()) KeyValue(tr("First response"), vm.response_due, inner, 110);
        // TRANSLATORS: when the request's resolution is due.
        if (!vm.resolution_due.empty()) KeyValue(tr("Resolution"), vm.resolution_due, inner, 110);
    }
    KeyValue(tr("Priority"), vm.priority, inner, 110);
    // TRANSLATORS: the kind of request (incident, service request...).
    KeyValue(tr("Type"), vm.type_label, inner, 110);
    KeyValue(tr("Service"), vm.catalog_item, inner, 110);
    KeyValue(tr("Requested by"), vm.requester, inner, 110);
    // TRANSLATORS: when the request was opened.
    KeyValue(tr("Opened"), vm.created, inner, 110);
    KeyValue(tr("Last update"), vm.updated, inner, 110);
    EndCard();
}

}  // namespace

// The side column: the workspace cards for staff, the facts card for everyone else.
void DrawSide(const RequestDetailViewModel& vm, float width, Actions& actions) {
    if (!vm.workspace.visible) {
        DrawFactsCard(vm, width);
        return;
    }
    DrawRequesterCard(vm, width, actions);
    VSpace(16);
    DrawDetailsCard(vm, width, actions);
    VSpace(16);
    DrawLinksCard(vm, width, actions);
}

}  // namespace spoc::ui
