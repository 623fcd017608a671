// The request page's decisions (see request_detail_parts.h): the action bar (the usual next step
// as the primary button, every other lifecycle step in a "More actions" menu, cancelling last and
// set apart), the confirmation dialog that cancelling and resolving go through (with a reason or
// a resolution note), and the outcome card (who resolved it and how, "This didn't fix it", or why
// it was cancelled).
#include <algorithm>

#include "client/ui/item_hooks.h"
#include "client/ui/request_detail_parts.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"
#include "imgui_internal.h"
#include "shared/domain/i18n.h"

namespace spoc::ui {

using namespace spoc::client;
using i18n::tr;

namespace {

void RunStep(const RequestDetailViewModel& vm, const RequestDetailViewModel::StatusAction& a, Actions& actions) {
    if (a.confirm) actions.AskStatus(vm.id, a.to);
    else actions.ChangeStatus(vm.id, a.to, a.reason);
}

}  // namespace

void DrawStatusActions(const RequestDetailViewModel& vm, float width, Actions& actions) {
    if (vm.status_actions.empty() && !vm.can_assign_to_me && vm.workflow_error.empty()) return;
    const Fonts& f = GetFonts();
    bool first = true;
    auto next = [&](float gap = 8) {
        if (!first) ImGui::SameLine(0, gap);
        first = false;
    };
    if (vm.can_assign_to_me) {
        next();
        if (Button(L("Assign to me", "assign_me").c_str(), ButtonKind::primary, ImVec2(0, 36), !vm.workflow_busy, vm.workflow_busy))
            actions.AssignToMe(vm.id);
    }
    std::vector<const RequestDetailViewModel::StatusAction*> rest;
    const RequestDetailViewModel::StatusAction* cancel = nullptr;
    for (const auto& a : vm.status_actions) {
        if (a.primary) {
            next();
            const std::string label = a.label + "##" + a.id;
            if (Button(label.c_str(), vm.can_assign_to_me ? ButtonKind::secondary : ButtonKind::primary, ImVec2(0, 36), !vm.workflow_busy,
                       vm.workflow_busy && !vm.can_assign_to_me))
                RunStep(vm, a, actions);
        } else if (a.to == Status::cancelled) {
            cancel = &a;
        } else {
            rest.push_back(&a);
        }
    }
    // Employees have at most a cancel besides the primary step: a quiet text button, not a red one.
    if (!vm.staff) {
        if (cancel) {
            next(16);
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 8);
            const std::string label = cancel->label + "##" + cancel->id;
            if (LinkButton(label.c_str(), f.body_semibold, color::kTextSecondary) && !vm.workflow_busy) RunStep(vm, *cancel, actions);
        }
    } else if (!rest.empty() || cancel) {
        next();
        const ImVec2 at = ImGui::GetCursorScreenPos();
        if (Button(L("More actions ▾", "status_more").c_str(), ButtonKind::secondary, ImVec2(0, 36), !vm.workflow_busy))
            ImGui::OpenPopup("status_menu");
        ImGui::SetNextWindowPos(ImVec2(at.x, at.y + 40));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6, 6));
        ImGui::PushStyleVar(ImGuiStyleVar_PopupRounding, 10.0f);
        if (ImGui::BeginPopup("status_menu")) {
            ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8, 2));
            for (const auto* a : rest) {
                const std::string label = a->label + "##" + a->id;
                ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(10, 8));
                if (ImGui::Selectable(label.c_str(), false, 0, ImVec2(240, 34))) RunStep(vm, *a, actions);
                ImGui::PopStyleVar();
            }
            if (cancel) {
                if (!rest.empty()) ImGui::Separator();
                const std::string label = cancel->label + "##" + cancel->id;
                ImGui::PushStyleColor(ImGuiCol_Text, color::kDanger);
                if (ImGui::Selectable(label.c_str(), false, 0, ImVec2(240, 34))) RunStep(vm, *cancel, actions);
                ImGui::PopStyleColor();
            }
            ImGui::PopStyleVar();
            ImGui::EndPopup();
        }
        ImGui::PopStyleVar(2);
    }
    if (!vm.workflow_error.empty()) {
        VSpace(4);
        // One notice for a refused status change, detail edit or merge; "Apply again" resends
        // whichever was rejected, on the fresh version.
        const bool reapply_merge = vm.workspace.can_reapply_merge;
        const std::string reapply = L("Apply again", "reapply");
        if (Notice("workflow_error", NoticeKind::warning, vm.workflow_error,
                   vm.can_reapply || reapply_merge ? reapply.c_str() : nullptr, std::min(width, 820.0f))) {
            if (reapply_merge) actions.ReapplyMerge(vm.id);
            else actions.ReapplyChange(vm.id);
        }
    }
    VSpace(14);
}

void DrawConfirmDialog(const RequestDetailViewModel& vm, Actions& actions) {
    const RequestDetailViewModel::ConfirmDialog& d = vm.confirm;
    const char* popup = "confirm_status";
    if (d.open && !ImGui::IsPopupOpen(popup)) ImGui::OpenPopup(popup);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float w = std::min(480.0f, vp->Size.x - 32);
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y * 0.4f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(24, 22));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 12.0f);
    ImGui::PushStyleColor(ImGuiCol_ModalWindowDimBg, color::kScrim);
    const bool shown = ImGui::BeginPopupModal(popup, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                                                  ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    if (!shown) return;
    if (!d.open) {  // confirmed, dismissed, or the request moved on
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    A11yGroup dialog("dialog", d.title, "confirm_status", 0, true);  // the mirror: a modal dialog named by its title
    const Fonts& f = GetFonts();
    const float inner = w - 48;
    Paragraph(f.h3, color::kText, d.title, inner);
    hooks::RecordItem(d.title, "confirm_title", ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x,
                      ImGui::GetItemRectMax().y);
    Paragraph(f.body, color::kTextSecondary, d.body, inner);
    VSpace(6);
    Label(f.body_semibold, color::kText, d.text_label);
    std::string text = d.text;
    TextInputOptions o;
    o.multiline = true;
    o.height = 96;
    o.width = inner;
    o.placeholder = d.placeholder.c_str();
    o.max_chars = d.max_chars + 1;  // one over: the dialog then explains the limit
    o.invalid = !d.error.empty();
    o.hook_label = d.text_label.c_str();
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    if (TextInput("##confirm_text", &text, o).edited) actions.EditConfirmText(vm.id, text);
    if (!d.error.empty()) {
        hooks::DescribeLastItem(d.error);
        Paragraph(f.small, color::kDanger, d.error, inner);
    }
    VSpace(8);
    const std::string confirm = d.confirm_label + "###confirm_status";
    if (Button(confirm.c_str(), d.danger ? ButtonKind::danger : ButtonKind::primary, ImVec2(0, 40), d.can_confirm, vm.workflow_busy))
        actions.ConfirmStatus(vm.id);
    ImGui::SameLine(0, 10);
    const std::string keep = d.keep_label + "###confirm_keep";
    const bool esc = ImGui::IsKeyPressed(ImGuiKey_Escape, false);
    if (Button(keep.c_str(), ButtonKind::secondary, ImVec2(0, 40)) || esc) actions.DismissConfirm(vm.id);
    ImGui::EndPopup();
}

void DrawOutcome(const RequestDetailViewModel& vm, float width, Actions& actions) {
    const Fonts& f = GetFonts();
    if (!vm.cancelled_notice.empty()) {
        Notice("cancelled_notice", NoticeKind::info, vm.cancelled_notice, nullptr, width);
        hooks::RecordItem(vm.cancelled_notice, "cancelled_notice", ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                          ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y);
        VSpace(16);
        return;
    }
    if (vm.resolution_title.empty()) return;
    const float pad = 24.0f;
    const float inner = width - 2 * pad;
    BeginCard("resolution", width, pad, color::kSuccessSoft, color::kSuccessBorder);
    Label(f.body_semibold, color::kSuccess, vm.resolution_title);
    hooks::RecordItem(vm.resolution_title, "resolution_title", ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                      ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y);
    if (!vm.resolution_note.empty()) {
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
        Paragraph(f.body, color::kText, vm.resolution_note, inner);
        hooks::RecordItem(vm.resolution_note, "resolution_note", ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                          ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y);
    }
    if (vm.can_reopen) {
        VSpace(4);
        Paragraph(f.small, color::kTextSecondary,
                  vm.reopening ? tr("Write what still isn't working below; sending it reopens the request.")
                               : tr("Not fixed after all? Tell the service desk and the request opens again."),
                  inner);
        if (!vm.reopening) {
            if (Button(L("This didn't fix it", "reopen").c_str(), ButtonKind::secondary, ImVec2(0, 36))) actions.StartReopen(vm.id, true);
        } else if (LinkButton(L("Never mind", "reopen_cancel").c_str(), f.small_semibold)) {
            actions.StartReopen(vm.id, false);
        }
    }
    EndCard();
    VSpace(16);
}

}  // namespace spoc::ui
