// One request (#/requests/{id}): header with number (copyable), summary and badges, the
// submitted form as label/value lines, the conversation (internal notes set apart), a reply box,
// and a side card with the key facts.
#include <algorithm>

#include "client/ui/item_hooks.h"
#include "client/ui/screens.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"
#include "imgui_internal.h"

namespace spoc::ui {

using namespace spoc::client;

namespace {

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

void DrawConversation(const RequestDetailViewModel& vm, float width, Actions& actions) {
    const Fonts& f = GetFonts();
    const float pad = 28.0f;
    const float inner = width - 2 * pad;
    BeginCard("conversation", width, pad);
    Label(f.h3, color::kText, "Conversation");
    VSpace(2);
    if (vm.conversation.empty()) {
        Paragraph(f.body, color::kTextSecondary, "No messages yet. The service desk replies here, and you can add details at any time.", inner);
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
        Paragraph(f.body, color::kText, e.body, e.internal ? body_w - 28 : body_w);
        if (e.internal) EndCard();
        else ImGui::EndGroup();
        // Named for tests and tools: "comment_<id>" with the start of its text.
        const ImVec2 top_left = ImGui::GetItemRectMin(), bottom_right = ImGui::GetItemRectMax();
        hooks::RecordItem(std::string_view(e.body).substr(0, 120), "comment_" + std::to_string(e.id), top_left.x,
                          top_left.y, bottom_right.x, bottom_right.y);
        ImGui::SetCursorScreenPos(ImVec2(p.x, std::max(ImGui::GetItemRectMax().y, p.y + 36) + 14));
        ImGui::PopID();
    }

    Divider(inner);
    VSpace(10);
    std::string text = vm.reply_text;
    TextInputOptions o;
    o.multiline = true;
    o.height = 104;
    o.placeholder = "Add a reply or more details for the service desk\xE2\x80\xA6";
    if (vm.staff) {
        // Agents choose who reads it: the requester (public reply) or only staff (internal note).
        static const char* const kKinds[] = {"Reply to requester##reply_public", "Internal note##reply_internal"};
        int picked = vm.reply_internal ? 1 : 0;
        if (SegmentedControl("reply_kind", kKinds, 2, &picked)) actions.SetReplyInternal(vm.id, picked == 1);
        VSpace(4);
        if (vm.reply_internal) {
            o.placeholder = "Only agents and admins see internal notes\xE2\x80\xA6";
            o.hook_label = "Note";
        }
    } else {
        Label(f.body_semibold, color::kText, "Reply");
    }
    o.max_chars = vm.reply_max_chars;
    o.invalid = !vm.reply_error.empty();
    if (!vm.reply_internal) o.hook_label = "Reply";
    o.read_only = vm.reply_sending;
    const TextInputResult r = TextInput("##reply", &text, o);
    if (r.edited) actions.EditReply(vm.id, text);
    const bool ctrl_enter = r.active && ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_Enter, false);
    if (!vm.reply_error.empty()) Paragraph(f.small, color::kDanger, vm.reply_error, inner);
    const char* send_label = vm.reply_sending    ? "Sending\xE2\x80\xA6###send_reply"
                             : vm.reply_internal ? "Add note###send_reply"
                                                 : "Send reply###send_reply";
    if (Button(send_label, ButtonKind::primary, ImVec2(140, 40), vm.reply_enabled, vm.reply_sending) || (ctrl_enter && vm.reply_enabled))
        actions.SendReply(vm.id);
    ImGui::SameLine(0, 14);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 11);
    Label(f.small, color::kTextMuted, vm.closed ? "This request is closed; a reply still reaches the service desk." : "Ctrl+Enter sends.");
    EndCard();
}

}  // namespace

void DrawRequestDetail(const RequestDetailViewModel& vm, UiState& ui, Actions& actions) {
    const Fonts& f = GetFonts();
    const float w = ui.content_width;
    Route list;
    list.screen = Screen::requests;
    if (LinkButton("My requests##crumb_requests", f.small_semibold)) actions.Navigate(list);
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
        const char* title = vm.load.retryable ? "This request didn't load" : "Request not found";
        if (ErrorPanel("detail_error", title, vm.load.error, vm.load.retryable, std::min(w, 640.0f))) actions.Retry();
        if (!vm.load.retryable) {
            VSpace(4);
            if (Button("Back to my requests##back_requests", ButtonKind::secondary)) actions.Navigate(list);
        }
        return;
    }

    // Header.
    Label(f.body_semibold, color::kTextMuted, vm.number);
    ImGui::SameLine(0, 10);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 6);
    if (Button("Copy number##copy_number", ButtonKind::secondary, ImVec2(0, 30))) actions.CopyText(vm.number, "Copied " + vm.number + " to the clipboard.");
    if (vm.load.refreshing) {
        ImGui::SameLine(0, 10);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 7);
        Spinner(8, 2, color::kAccent);
    }
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 8);
    Paragraph(f.h2, color::kText, vm.summary, std::min(w, 820.0f));
    Badge(vm.status, vm.status_tone);
    hooks::RecordItem(vm.status, "status_badge", ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                      ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y);
    ImGui::SameLine(0, 8);
    Badge(vm.priority, Tone::neutral);
    ImGui::SameLine(0, 8);
    Badge(vm.type_label, Tone::neutral);
    ImGui::SameLine(0, 14);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 3);
    Label(f.small, color::kTextMuted, "Updated " + vm.updated);
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

    // Agent mode: assignment and the lifecycle steps the shared rules allow this agent.
    if (!vm.status_actions.empty() || vm.can_assign_to_me) {
        bool first = true;
        if (vm.can_assign_to_me) {
            if (Button("Assign to me##assign_me", ButtonKind::primary, ImVec2(0, 36), !vm.workflow_busy, vm.workflow_busy))
                actions.AssignToMe(vm.id);
            first = false;
        }
        for (const RequestDetailViewModel::StatusAction& a : vm.status_actions) {
            if (!first) ImGui::SameLine(0, 8);
            first = false;
            const std::string label = a.label + "##" + a.id;
            if (Button(label.c_str(), a.to == Status::cancelled ? ButtonKind::danger : ButtonKind::secondary, ImVec2(0, 36),
                       !vm.workflow_busy))
                actions.ChangeStatus(vm.id, a.to, a.reason);
        }
        if (!vm.workflow_error.empty()) {
            VSpace(4);
            if (Notice("workflow_error", NoticeKind::warning, vm.workflow_error,
                       vm.can_reapply ? "Apply again##reapply" : nullptr, std::min(w, 820.0f)))
                actions.ReapplyChange(vm.id);
        }
        VSpace(14);
    }

    const bool two_columns = w >= 960;
    const float side_w = two_columns ? 320.0f : w;
    const float main_w = two_columns ? w - side_w - 32.0f : w;

    ImGui::BeginGroup();
    {
        const float pad = 28.0f;
        const float inner = main_w - 2 * pad;
        BeginCard("details", main_w, pad);
        Label(f.h3, color::kText, "What you asked for");
        VSpace(2);
        if (vm.form_loading) {
            for (int i = 0; i < 3; ++i) Skeleton(ImVec2(inner * 0.7f, 16));
        } else if (vm.form_lines.empty()) {
            Paragraph(f.body, color::kTextSecondary, "No form answers were submitted with this request.", inner);
        }
        const float key_w = std::min(220.0f, inner * 0.38f);
        for (const auto& [key, value] : vm.form_lines) KeyValue(key, value, inner, key_w);
        if (!vm.description.empty()) {
            VSpace(6);
            Divider(inner);
            VSpace(8);
            Label(f.body_semibold, color::kText, "Description");
            Paragraph(f.body, color::kText, vm.description, inner);
        }
        EndCard();
    }
    VSpace(20);
    DrawConversation(vm, main_w, actions);
    ImGui::EndGroup();

    const auto facts = [&](float width) {
        const float pad = 24.0f;
        BeginCard("facts", width, pad);
        Label(f.h3, color::kText, "Details");
        VSpace(2);
        const float inner = width - 2 * pad;
        KeyValue("Status", vm.pending_reason.empty() ? vm.status : vm.status + " (" + vm.pending_reason + ")", inner, 110);
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
    };
    if (two_columns) {
        ImGui::SameLine(0, 32);
        facts(side_w);
    } else {
        VSpace(20);
        facts(side_w);
    }
}

}  // namespace spoc::ui
