// One request (#/requests/{id}): header with number (copyable), summary and badges, the
// lifecycle actions and outcome (screen_request_actions.cpp), the submitted form as label/value
// lines, the conversation (internal notes set apart) with a reply box and, for staff, canned
// replies; beside it the facts card or, for staff, the workspace cards
// (screen_request_workspace.cpp). Wide windows (>= 1100 px) put the workspace in a right-hand
// column; narrow ones stack it under the conversation. Index:
//   [SECTION] Canned-response picker
//   [SECTION] Conversation and reply box
//   [SECTION] Screen
#include <algorithm>
#include <functional>

#include "client/ui/attachments_view.h"
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
using i18n::tr;
using i18n::trc;

namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] Canned-response picker
// ---------------------------------------------------------------------------------------------
// A dropdown like widgets.h's Dropdown whose rows the caller draws (canned responses: title,
// audience, preview). True while its list is open: draw the rows, then EndPicker(). A disabled
// picker never opens.
bool BeginPicker(const char* id, std::string_view hook_id, std::string_view hook_label, const std::string& preview,
                 float width, bool enabled, bool muted_text) {
    const ImGuiID combo_id = ImGui::GetID(id);
    const ImVec2 cpos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();  // the popup becomes the current window: take it first
    const float ch = ImGui::GetFrameHeight();
    const ImVec2 cmax(cpos.x + width, cpos.y + ch);
    const bool hovered = enabled && ImGui::IsMouseHoveringRect(cpos, cmax) && ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows);
    ImGui::PushStyleColor(ImGuiCol_Border, color::kInputBorder);
    ImGui::PushStyleColor(ImGuiCol_Text, muted_text || !enabled ? color::kPlaceholder : color::kText);
    ImGui::PushStyleColor(ImGuiCol_Button, color::kSurface);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, color::kSurface);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6, 6));
    ImGui::PushStyleVar(ImGuiStyleVar_PopupBorderSize, 1.0f);
    ImGui::SetNextItemWidth(width);
    if (!enabled) ImGui::BeginDisabled();
    bool open = ImGui::BeginCombo(id, preview.c_str(), ImGuiComboFlags_HeightLarge | ImGuiComboFlags_NoArrowButton);
    if (!enabled) {
        if (open) {  // opened before it was disabled: close it
            ImGui::CloseCurrentPopup();
            ImGui::EndCombo();
            open = false;
        }
        ImGui::EndDisabled();
    }
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(4);
    hooks::AnnotateItem(combo_id, hook_label, hook_id);
    const float r = ImGui::GetStyle().FrameRounding;
    if (open) {
        dl->AddRect(ImVec2(cpos.x - 3, cpos.y - 3), ImVec2(cmax.x + 3, cmax.y + 3), color::kAccentRing, r + 3, 0, 3.0f);
        dl->AddRect(cpos, cmax, color::kAccent, r, 0, 1.5f);
    } else if (hovered) {
        dl->AddRect(cpos, cmax, color::kInputBorderHover, r, 0, 1.0f);
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    const ImVec2 c(cmax.x - 20, cpos.y + ch * 0.5f);
    const float d = open ? -1.0f : 1.0f;
    dl->AddLine(ImVec2(c.x - 5, c.y - 2.5f * d), ImVec2(c.x, c.y + 2.5f * d), color::kTextMuted, 1.6f);
    dl->AddLine(ImVec2(c.x, c.y + 2.5f * d), ImVec2(c.x + 5, c.y - 2.5f * d), color::kTextMuted, 1.6f);
    if (open) ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8, 2));
    return open;
}

void EndPicker() {
    ImGui::PopStyleVar();
    ImGui::EndCombo();
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Conversation and reply box
// ---------------------------------------------------------------------------------------------
void DrawCannedPicker(const RequestDetailViewModel& vm, float width, Actions& actions) {
    const WorkspaceViewModel& ws = vm.workspace;
    const bool ready = ws.canned_load.status == ViewStatus::ready;
    std::string preview = ws.canned_busy ? tr("Inserting…")
                          : ready         ? tr("Insert canned response…")
                          : ws.canned_load.status == ViewStatus::loading ? tr("Loading canned responses…")
                                                                         : tr("Canned responses didn't load");
    if (BeginPicker("##canned_picker", "canned_picker", tr("Canned responses"), preview, width, ready && !ws.canned_busy && !vm.reply_sending, true)) {
        const Fonts& f = GetFonts();
        if (ws.canned.empty()) Label(f.small, color::kTextMuted, tr("No canned responses yet."));
        for (const CannedOptionViewModel& c : ws.canned) {
            const std::string id = "##canned_" + std::to_string(c.id);
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float iw = std::max(width, 360.0f) - 12;
            ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(8, 6));
            const bool pressed = ImGui::Selectable(id.c_str(), false, 0, ImVec2(iw, 46));
            ImGui::PopStyleVar();
            hooks::AnnotateLastItem(c.title);
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const float aw = MeasureText(f.small, c.audience).x;
            DrawTextClipped(dl, f.body_semibold, ImVec2(p.x + 8, p.y + 4), color::kText, c.title, iw - aw - 28);
            DrawTextAt(dl, f.small, ImVec2(p.x + iw - aw - 8, p.y + 6), color::kTextMuted, c.audience);
            DrawTextClipped(dl, f.small, ImVec2(p.x + 8, p.y + 25), color::kTextSecondary, c.preview, iw - 16);
            if (pressed) actions.InsertCanned(vm.id, c.id);
        }
        EndPicker();
    }
    if (ws.canned_busy) {
        ImGui::SameLine(0, 8);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 12);
        Spinner(7, 2, color::kAccent);
    }
}

void DrawConversation(const RequestDetailViewModel& vm, float width, Actions& actions) {
    const Fonts& f = GetFonts();
    const float pad = 28.0f;
    const float inner = width - 2 * pad;
    BeginCard("conversation", width, pad);
    Label(f.h3, color::kText, tr("Conversation"));
    VSpace(2);
    if (vm.conversation.empty()) {
        Paragraph(f.body, color::kTextSecondary, tr("No messages yet. The service desk replies here, and you can add details at any time."), inner);
        VSpace(6);
    }
    for (size_t i = 0; i < vm.conversation.size(); ++i) {
        const ConversationEntry& e = vm.conversation[i];
        ImGui::PushID(static_cast<int>(i));
        const ImU32 avatar_bg = e.is_staff ? color::kProgressSoft : color::kAccentSoft;
        const ImU32 avatar_fg = e.is_staff ? color::kProgress : color::kAccent;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        Avatar(InitialsOf(e.author), 36, avatar_bg, avatar_fg);
        ImGui::SetCursorScreenPos(ImVec2(p.x + 50, p.y));
        const float body_w = inner - 50;
        if (e.internal) {
            BeginCard("note", body_w, 14.0f, color::kWarningSoft, color::kWarningBorder);
        } else {
            ImGui::BeginGroup();
        }
        Label(f.body_semibold, color::kText, e.author);
        ImGui::SameLine(0, 8);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 1);
        Badge(e.role, e.internal ? Tone::warning : e.is_staff ? Tone::progress : e.is_me ? Tone::info : Tone::neutral);
        ImGui::SameLine(0, 8);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 3);
        Label(f.small, color::kTextMuted, e.when);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
        if (!e.body.empty()) Paragraph(f.body, color::kText, e.body, e.internal ? body_w - 28 : body_w);
        if (!e.files.empty()) {
            VSpace(4);
            DrawAttachments(e.files, e.internal ? body_w - 28 : body_w, actions);
        }
        if (e.internal) EndCard();
        else ImGui::EndGroup();
        // Named for tests and tools: "comment_<id>" with the start of its text.
        const ImVec2 top_left = ImGui::GetItemRectMin(), bottom_right = ImGui::GetItemRectMax();
        hooks::RecordItem(std::string_view(e.body).substr(0, 120), "comment_" + std::to_string(e.id), top_left.x,
                          top_left.y, bottom_right.x, bottom_right.y);
        ImGui::SetCursorScreenPos(ImVec2(p.x, std::max(ImGui::GetItemRectMax().y, p.y + 36) + 14));
        ImGui::PopID();
    }

    if (vm.read_only) {  // cancelled: the conversation is a record now
        EndCard();
        return;
    }
    Divider(inner);
    VSpace(10);
    std::string text = vm.reply_text;
    TextInputOptions o;
    o.multiline = true;
    o.height = 104;
    o.placeholder = vm.reply_placeholder.c_str();
    if (vm.staff) {
        // Agents choose who reads it: the requester (public reply) or only staff (internal note),
        // and may start from a canned response (expanded for this request by the server).
        const std::string kinds[] = {L("Reply to requester", "reply_public"), L("Internal note", "reply_internal")};
        const char* const kind_labels[] = {kinds[0].c_str(), kinds[1].c_str()};
        int picked = vm.reply_internal ? 1 : 0;
        if (SegmentedControl("reply_kind", kind_labels, 2, &picked)) actions.SetReplyInternal(vm.id, picked == 1);
        if (vm.workspace.visible) {
            const float used = ImGui::GetItemRectSize().x;
            const float room = inner - used - 12;
            if (room >= 220) {
                ImGui::SameLine(0, 12);
            } else {
                VSpace(2);
            }
            DrawCannedPicker(vm, std::min(300.0f, room >= 220 ? room : inner), actions);
            const WorkspaceViewModel& ws = vm.workspace;
            if (!ws.canned_error.empty()) Paragraph(f.small, color::kDanger, ws.canned_error, inner);
            else if (ws.canned_load.status == ViewStatus::failed) {
                Paragraph(f.small, color::kDanger, ws.canned_load.error, inner);
                if (ws.canned_load.retryable && LinkButton(L("Retry loading canned responses", "canned_retry").c_str(), f.small_semibold))
                    actions.ReloadWorkspace(vm.id);
            }
            if (!ws.canned_notice.empty()) Paragraph(f.small, color::kWarning, ws.canned_notice, inner);
        }
        VSpace(4);
        if (vm.reply_internal) {
            o.placeholder = tr("Only agents and admins see internal notes…");
            // TRANSLATORS: name of the text box where an agent writes an internal note.
            o.hook_label = trc("noun", "Note");
        }
    } else {
        // TRANSLATORS: heading of the requester's reply box.
        Label(f.body_semibold, vm.reopening ? color::kAccent : color::kText, vm.reopening ? tr("What still isn't working?") : trc("noun", "Reply"));
    }
    o.max_chars = vm.reply_max_chars;
    o.invalid = !vm.reply_error.empty();
    // TRANSLATORS: name of the reply text box.
    if (!vm.reply_internal) o.hook_label = trc("noun", "Reply");
    o.read_only = vm.reply_sending;
    // "r" (when no field has the keyboard) or arriving by "r" from the queue: straight to the reply.
    const ImGuiIO& io = ImGui::GetIO();
    const bool r_key = !io.WantTextInput && !io.KeyCtrl && !io.KeySuper && !io.KeyAlt &&
                       !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId) && ImGui::IsKeyPressed(ImGuiKey_R, false);
    if (r_key || vm.reply_focus) {
        ImGui::SetKeyboardFocusHere();
        if (vm.reply_focus) actions.FocusReply(vm.id, false);
    }
    const TextInputResult r = TextInput("##reply", &text, o);
    if (r.edited) actions.EditReply(vm.id, text);
    const bool ctrl_enter = r.active && ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_Enter, false);
    if (!vm.reply_error.empty()) Paragraph(f.small, color::kDanger, vm.reply_error, inner);
    if (!vm.reply_files.chips.empty()) {
        VSpace(4);
        DrawFileChips(vm.reply_files, inner, actions);
        VSpace(4);
    }
    const std::string send_label = vm.reply_sending    ? L("Sending…", "send_reply")
                                   : vm.reply_internal ? L("Add note", "send_reply")
                                   : vm.reopening      ? L("Reopen with this reply", "send_reply")
                                                       : L("Send reply", "send_reply");
    if (Button(send_label.c_str(), ButtonKind::primary, ImVec2(vm.reopening ? 0 : 140, 40), vm.reply_enabled, vm.reply_sending) ||
        (ctrl_enter && vm.reply_enabled))
        actions.SendReply(vm.id);
    ImGui::SameLine(0, 10);
    AttachButton(vm.reply_files, actions, !vm.reply_sending);
    const char* note = vm.closed ? tr("This request is closed; a reply still reaches the service desk.") : tr("Ctrl+Enter sends.");
    // The note beside the buttons while it fits; under them on phones and in long languages.
    if (ImGui::GetItemRectMax().x + 14 + MeasureText(f.small, note).x <= ImGui::GetCursorScreenPos().x + inner) {
        ImGui::SameLine(0, 14);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 11);
        Label(f.small, color::kTextMuted, note);
    } else {
        Paragraph(f.small, color::kTextMuted, note, inner);
    }
    EndCard();
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] Screen
// ---------------------------------------------------------------------------------------------
void DrawRequestDetail(const RequestDetailViewModel& vm, UiState& ui, Actions& actions) {
    const Fonts& f = GetFonts();
    const float w = ui.content_width;
    Route list;
    list.screen = vm.someone_elses ? Screen::queue : Screen::requests;
    if (vm.someone_elses) list.queue_view = "mine";
    // TRANSLATORS: breadcrumb back to the agents' list of requests ("Queue") or the requester's own list.
    if (LinkButton((vm.someone_elses ? L("Queue", "crumb_queue") : L("My requests", "crumb_requests")).c_str(), f.small_semibold))
        actions.Navigate(list);
    if (!vm.number.empty()) {
        ImGui::SameLine(0, 6);
        Label(f.small, color::kTextMuted, "/  " + vm.number);
    }
    VSpace(6);

    if (vm.load.status == ViewStatus::loading) {
        Skeleton(ImVec2(140, 16));
        Skeleton(ImVec2(std::min(w, 480.0f), 30));
        Skeleton(ImVec2(260, 24));
        VSpace(16);
        Skeleton(ImVec2(std::min(w, 760.0f), 220), 12);
        VSpace(16);
        Skeleton(ImVec2(std::min(w, 760.0f), 260), 12);
        return;
    }
    if (vm.load.status == ViewStatus::failed) {
        const char* title = vm.load.retryable ? tr("This request didn't load") : tr("Request not found");
        if (ErrorPanel("detail_error", title, vm.load.error, vm.load.retryable, std::min(w, 640.0f))) actions.Retry();
        if (!vm.load.retryable) {
            VSpace(4);
            if (Button(L("Back to my requests", "back_requests").c_str(), ButtonKind::secondary)) actions.Navigate(list);
        }
        return;
    }

    // Header.
    Label(f.body_semibold, color::kTextMuted, vm.number);
    ImGui::SameLine(0, 10);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 6);
    if (Button(L("Copy number", "copy_number").c_str(), ButtonKind::secondary, ImVec2(0, 30)))
        actions.CopyText(vm.number, Format(tr("Copied {0} to the clipboard."), {vm.number}));
    if (vm.load.refreshing) {
        ImGui::SameLine(0, 10);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 7);
        Spinner(8, 2, color::kAccent);
    }
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 8);
    Paragraph(f.h2, color::kText, vm.summary, std::min(w, 820.0f));
    // Badges and "Updated …" share a line while they fit; phones and long languages wrap them.
    const float line_x0 = ImGui::GetCursorScreenPos().x;
    auto same_line_if_fits = [&](float item_w, float gap) {
        if (ImGui::GetItemRectMax().x + gap + item_w > line_x0 + w) return false;
        ImGui::SameLine(0, gap);
        return true;
    };
    Badge(vm.status, vm.status_tone);
    hooks::RecordItem(vm.status, "status_badge", ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                      ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y);
    if (!same_line_if_fits(BadgeSize(vm.priority).x, 8)) VSpace(2);
    Badge(vm.priority, Tone::neutral);
    if (!same_line_if_fits(BadgeSize(vm.type_label).x, 8)) VSpace(2);
    Badge(vm.type_label, Tone::neutral);
    // TRANSLATORS: {0} is when the request last changed, e.g. "2 hours ago".
    const std::string updated = Format(tr("Updated {0}"), {vm.updated});
    if (same_line_if_fits(MeasureText(f.small, updated).x, 14)) ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 3);
    Label(f.small, color::kTextMuted, updated);
    // Collision hints: other agents on this request right now (live, from presence events).
    for (size_t i = 0; i < vm.viewers.size(); ++i) {
        ImGui::SameLine(0, i == 0 ? 18 : 12);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const ImU32 dot = vm.someone_replying ? color::kWarning : color::kSuccess;
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(at.x + 4, at.y + f.small->FontSize * 0.5f + 1), 4, dot);
        ImGui::SetCursorScreenPos(ImVec2(at.x + 13, at.y));
        Label(f.small_semibold, vm.someone_replying ? color::kWarning : color::kText, vm.viewers[i]);
        hooks::RecordItem(vm.viewers[i], "viewer_" + std::to_string(i), at.x, at.y, ImGui::GetItemRectMax().x,
                          ImGui::GetItemRectMax().y);
    }
    VSpace(18);

    // The lifecycle steps the shared rules allow (the usual one first), then how it ended.
    DrawStatusActions(vm, w, actions);
    DrawConfirmDialog(vm, actions);
    DrawOutcome(vm, std::min(w, 820.0f), actions);
    DrawApprovalCard(vm.approval, std::min(w, 820.0f), actions);
    DrawSurveyCard(vm.survey, std::min(w, 820.0f), actions);
    DrawSurveyResult(vm.survey_result, std::min(w, 820.0f));

    // Staff get the workspace column on wide windows only (it holds pickers and a link box).
    const bool workspace = vm.workspace.visible;
    const bool two_columns = workspace ? ui.viewport_width >= 1100 && w >= 900 : w >= 960;
    const float side_w = two_columns ? (workspace ? 340.0f : 320.0f) : w;
    const float main_w = two_columns ? w - side_w - 32.0f : w;

    ImGui::BeginGroup();
    {
        const float pad = 28.0f;
        const float inner = main_w - 2 * pad;
        BeginCard("details", main_w, pad);
        Label(f.h3, color::kText, vm.someone_elses ? tr("What was asked for") : tr("What you asked for"));
        VSpace(2);
        if (vm.form_loading) {
            for (int i = 0; i < 3; ++i) Skeleton(ImVec2(inner * 0.7f, 16));
        } else if (vm.form_lines.empty()) {
            Paragraph(f.body, color::kTextSecondary, tr("No form answers were submitted with this request."), inner);
        }
        const float key_w = std::min(220.0f, inner * 0.38f);
        for (const auto& [key, value] : vm.form_lines) KeyValue(key, value, inner, key_w);
        if (!vm.description.empty()) {
            VSpace(6);
            Divider(inner);
            VSpace(8);
            Label(f.body_semibold, color::kText, tr("Description"));
            Paragraph(f.body, color::kText, vm.description, inner);
        }
        if (!vm.files.empty()) {
            VSpace(6);
            Divider(inner);
            VSpace(8);
            Label(f.body_semibold, color::kText, tr("Attachments"));
            VSpace(2);
            DrawAttachments(vm.files, inner, actions);
        }
        EndCard();
    }
    VSpace(20);
    DrawConversation(vm, main_w, actions);

    if (two_columns && workspace) {
        VSpace(20);
        DrawHistoryCard(vm, main_w, actions);
    }
    ImGui::EndGroup();

    if (two_columns) {
        ImGui::SameLine(0, 32);
        ImGui::BeginGroup();
        DrawSide(vm, side_w, actions);
        ImGui::EndGroup();
    } else {
        VSpace(20);
        DrawSide(vm, side_w, actions);
        if (workspace) {
            VSpace(20);
            DrawHistoryCard(vm, w, actions);
        }
    }
}

}  // namespace spoc::ui
