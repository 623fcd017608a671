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

namespace spoc::ui {

using namespace spoc::client;

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
    Label(f.small_semibold, edited ? color::kAccent : color::kTextMuted, edited ? std::string(caption) + " (edited)" : caption);
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
    const std::string retry = std::string("Retry##") + id + "_retry";
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
    CardTitle("Requester", ws.related_load.refreshing);
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
    Label(f.small_semibold, edited ? color::kAccent : color::kTextMuted, edited ? std::string(caption) + " (edited)" : caption);
    const std::string high = std::string("High##") + id + "_high", medium = std::string("Medium##") + id + "_medium",
                      low = std::string("Low##") + id + "_low";
    const char* labels[] = {high.c_str(), medium.c_str(), low.c_str()};
    int selected = static_cast<int>(level) - 1;
    if (SegmentedControl(id, labels, 3, &selected)) {
        const Level to = static_cast<Level>(selected + 1);
        if (impact) actions.SetEditImpact(vm.id, to);
        else actions.SetEditUrgency(vm.id, to);
    }
    RecordLast(std::string(caption) + ": " + std::string(LevelLabel(level)), id);
}

void DrawDetailsCard(const RequestDetailViewModel& vm, float width, Actions& actions) {
    const WorkspaceViewModel& ws = vm.workspace;
    const Fonts& f = GetFonts();
    const float pad = 24.0f;
    const float inner = width - 2 * pad;
    BeginCard("facts", width, pad);
    CardTitle("Details", false);
    KeyValue("Status", vm.pending_reason.empty() ? vm.status : vm.status + " (" + vm.pending_reason + ")", inner, 110);
    if (!vm.response_due.empty()) KeyValue("First response", vm.response_due, inner, 110);
    if (!vm.resolution_due.empty()) KeyValue("Resolution", vm.resolution_due, inner, 110);
    VSpace(4);

    // Group and assignee: the directory's groups, and the chosen group's agents.
    const bool editable = !ws.saving;
    if (ws.groups_load.status == ViewStatus::failed)
        PanelError("groups_error", "Groups didn't load: " + ws.groups_load.error, ws.groups_load.retryable, inner, vm.id, actions);
    if (ws.groups_load.status == ViewStatus::loading) {
        KeyValue("Group", ws.group_label, inner, 110);
        KeyValue("Assignee", ws.assignee_label, inner, 110);
    } else {
        // Without the directory only the request's own group and assignee are known: still shown.
        const bool directory = ws.groups_load.status == ViewStatus::ready;
        DrawOptionPicker("##edit_group", "Group", ws.group_edited, ws.groups, editable && directory, inner,
                         [&](std::int64_t id) { actions.SetEditGroup(vm.id, id); });
        DrawOptionPicker("##edit_assignee", "Assignee", ws.assignee_edited, ws.assignees, editable && directory, inner,
                         [&](std::int64_t id) { actions.SetEditAssignee(vm.id, UserId(id)); });
    }

    // Impact x urgency -> priority (the shared matrix), shown as it will be once saved.
    DrawLevelPicker("edit_impact", "Impact", ws.impact, ws.impact_edited, vm, actions, true);
    DrawLevelPicker("edit_urgency", "Urgency", ws.urgency, ws.urgency_edited, vm, actions, false);
    Label(f.small_semibold, color::kTextMuted, "Priority");
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
        if (Button(ws.saving ? "Saving\xE2\x80\xA6###edit_save" : "Save changes###edit_save", ButtonKind::primary, ImVec2(0, 36),
                   !ws.saving, ws.saving))
            actions.SaveDetails(vm.id);
        ImGui::SameLine(0, 8);
        if (Button("Discard##edit_discard", ButtonKind::ghost, ImVec2(0, 36), !ws.saving)) actions.DiscardDetails(vm.id);
    }
    VSpace(6);
    Divider(inner);
    VSpace(8);
    KeyValue("Type", vm.type_label, inner, 110);
    KeyValue("Service", vm.catalog_item, inner, 110);
    KeyValue("Opened", vm.created, inner, 110);
    KeyValue("Last update", vm.updated, inner, 110);
    EndCard();
}

void DrawLinksCard(const RequestDetailViewModel& vm, float width, Actions& actions) {
    const WorkspaceViewModel& ws = vm.workspace;
    const Fonts& f = GetFonts();
    const float pad = 24.0f;
    const float inner = width - 2 * pad;
    BeginCard("links_card", width, pad);
    CardTitle("Linked requests", ws.related_load.refreshing);
    if (ws.related_load.status == ViewStatus::loading) {
        Skeleton(ImVec2(inner * 0.8f, 16));
    } else if (ws.related_load.status == ViewStatus::failed) {
        PanelError("links_error", ws.related_load.error, ws.related_load.retryable, inner, vm.id, actions);
    } else if (ws.links.empty()) {
        Paragraph(f.small, color::kTextSecondary, "No linked requests.", inner);
        RecordLast("No linked requests.", "links_empty");
    }
    for (const WorkspaceRequestRow& row : ws.links) {
        const float unlink_w = row.can_unlink ? 76.0f : 0.0f;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        RequestRow(row, inner, unlink_w, actions);
        const ImVec2 after = ImGui::GetCursorScreenPos();
        if (row.can_unlink) {
            ImGui::SetCursorScreenPos(ImVec2(p.x + inner - unlink_w + 6, p.y + 18));
            const std::string label = (row.unlinking ? std::string("\xE2\x80\xA6") : std::string("Unlink")) + "###unlink_" +
                                      std::to_string(row.id.value);
            if (Button(label.c_str(), ButtonKind::ghost, ImVec2(unlink_w - 6, 32), !ws.link_busy)) actions.RemoveLink(vm.id, row.id);
            ImGui::SetCursorScreenPos(after);
        }
    }

    // Link another request, or merge this one into it (a duplicate).
    VSpace(6);
    Divider(inner);
    VSpace(8);
    Label(f.small_semibold, color::kTextMuted, "Link to another request");
    static const char* const kKinds[] = {"Relates to##link_kind_relates", "Duplicate of##link_kind_duplicate"};
    int kind = ws.link_kind == LinkKind::duplicate_of ? 1 : 0;
    if (SegmentedControl("link_kind", kKinds, 2, &kind))
        actions.SetLinkKind(vm.id, kind == 1 ? LinkKind::duplicate_of : LinkKind::relates);
    RecordLast(kind == 1 ? "Duplicate of" : "Relates to", "link_kind");
    VSpace(2);
    std::string text = ws.link_text;
    TextInputOptions o;
    o.placeholder = "#42 or REQ0000042";
    o.hook_label = "Request to link";
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
        go = Button("Merge into\xE2\x80\xA6##merge_into", ButtonKind::secondary, ImVec2(button_w, input_h), ws.link_enabled && !ws.merge_confirm) || go;
        if (go) actions.AskMerge(vm.id);
    } else {
        go = Button("Link##link_add", ButtonKind::secondary, ImVec2(button_w, input_h), ws.link_enabled, ws.link_busy && !ws.link_text.empty()) || go;
        if (go) actions.AddLink(vm.id);
    }
    if (!ws.link_error.empty()) Paragraph(f.small, color::kDanger, ws.link_error, inner);
    else if (merge && !ws.merge_confirm)
        Paragraph(f.small, color::kTextMuted, "Merging closes this request and records it as a duplicate of the other.", inner);
    if (ws.merge_confirm) {
        VSpace(4);
        BeginCard("merge_confirm_card", inner, 14.0f, color::kWarningSoft, color::kWarningBorder);
        Paragraph(f.small, color::kWarningStrong, ws.merge_question, inner - 28);
        VSpace(2);
        if (Button(ws.merge_busy ? "Merging\xE2\x80\xA6###merge_confirm" : "Merge###merge_confirm", ButtonKind::danger, ImVec2(0, 34),
                   !ws.merge_busy, ws.merge_busy))
            actions.ConfirmMerge(vm.id);
        ImGui::SameLine(0, 8);
        if (Button("Cancel##merge_cancel", ButtonKind::ghost, ImVec2(0, 34), !ws.merge_busy)) actions.CancelMerge(vm.id);
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
    CardTitle("History", ws.history_load.refreshing);
    if (ws.history_load.status == ViewStatus::loading) {
        for (int i = 0; i < 3; ++i) Skeleton(ImVec2(inner * (0.7f - 0.1f * static_cast<float>(i)), 16));
    } else if (ws.history_load.status == ViewStatus::failed) {
        PanelError("history_error", ws.history_load.error, ws.history_load.retryable, inner, vm.id, actions);
    } else if (ws.history.empty()) {
        Paragraph(f.small, color::kTextSecondary, "No changes yet.", inner);
        RecordLast("No changes yet.", "history_empty");
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
        const std::string line = h.change.empty() ? h.field : h.field + ": " + h.change;
        Paragraph(f.body, color::kTextSecondary, line, inner - 20);
        ImGui::EndGroup();
        RecordLast(h.who + ", " + h.when + ", " + line, "history_row");
        ImGui::SetCursorScreenPos(ImVec2(p.x, ImGui::GetItemRectMax().y + 6));
    }
    if (ws.history_more) {
        const std::string label = "Show all " + std::to_string(ws.history_total) + " changes##history_all";
        if (LinkButton(label.c_str(), f.small_semibold)) actions.ShowAllHistory(vm.id, true);
    } else if (ws.history_less) {
        if (LinkButton("Show fewer##history_fewer", f.small_semibold)) actions.ShowAllHistory(vm.id, false);
    }
    EndCard();
}

namespace {

// The facts card employees see (and staff while the workspace is not there).
void DrawFactsCard(const RequestDetailViewModel& vm, float width) {
    const Fonts& f = GetFonts();
    const float pad = 24.0f;
    BeginCard("facts", width, pad);
    Label(f.h3, color::kText, "Details");
    VSpace(2);
    const float inner = width - 2 * pad;
    KeyValue("Status", vm.pending_reason.empty() ? vm.status : vm.status + " (" + vm.pending_reason + ")", inner, 110);
    if (!vm.staff) KeyValue("Working on it", vm.assignee_first.empty() ? std::string("Not assigned yet") : vm.assignee_first, inner, 110);
    if (vm.staff) {
        KeyValue("Assignee", vm.assignee, inner, 110);
        KeyValue("Group", vm.group, inner, 110);
        if (!vm.response_due.empty()) KeyValue("First response", vm.response_due, inner, 110);
        if (!vm.resolution_due.empty()) KeyValue("Resolution", vm.resolution_due, inner, 110);
    }
    KeyValue("Priority", vm.priority, inner, 110);
    KeyValue("Type", vm.type_label, inner, 110);
    KeyValue("Service", vm.catalog_item, inner, 110);
    KeyValue("Requested by", vm.requester, inner, 110);
    KeyValue("Opened", vm.created, inner, 110);
    KeyValue("Last update", vm.updated, inner, 110);
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
