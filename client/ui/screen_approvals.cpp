// Approvals (issue 13): #/approvals, what waits for the user's decision (each request with its
// form and the approve / reject controls), and the approval card on a request page (each step:
// who, state, when, comments).
#include <algorithm>

#include "client/ui/item_hooks.h"
#include "client/ui/request_detail_parts.h"
#include "client/ui/screens.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"
#include "imgui.h"
#include "shared/domain/i18n.h"

namespace spoc::ui {

using namespace spoc::client;
using i18n::tr;

namespace {

// The approver's controls: comment, Approve, Reject (which first asks for the reason). Ids carry
// the request id so a list of them stays apart: approve_42, reject_42, decision_comment_42.
void DrawDecision(const DecisionViewModel& vm, float inner, Actions& actions) {
    if (!vm.visible) return;
    const Fonts& f = GetFonts();
    const std::string n = std::to_string(vm.id.value);
    ImGui::PushID(static_cast<int>(vm.id.value));
    Label(f.body_semibold, vm.rejecting ? color::kDanger : color::kText, vm.comment_label);
    VSpace(4);
    std::string text = vm.comment;
    TextInputOptions o;
    o.multiline = true;
    o.height = 72;
    o.max_chars = vm.comment_max;
    o.invalid = vm.error_field == "comment";
    o.read_only = vm.sending;
    o.hook_label = vm.comment_label.c_str();
    if (TextInput(("##decision_comment_" + n).c_str(), &text, o).edited) actions.EditDecisionComment(vm.id, text);
    if (!vm.error.empty()) {
        Paragraph(f.small, color::kDanger, vm.error, inner);
        hooks::DescribeLastItem(vm.error);
    }
    VSpace(6);
    if (!vm.rejecting) {
        if (Button((std::string(tr("Approve")) + "###approve_" + n).c_str(), ButtonKind::primary, ImVec2(0, 40), !vm.sending, vm.sending))
            actions.Approve(vm.id);
        ImGui::SameLine(0, 12);
        if (Button((std::string(tr("Reject")) + "###reject_" + n).c_str(), ButtonKind::secondary, ImVec2(0, 40), !vm.sending))
            actions.Reject(vm.id);
    } else {
        if (Button((std::string(tr("Reject request")) + "###reject_" + n).c_str(), ButtonKind::danger, ImVec2(0, 40), !vm.sending, vm.sending))
            actions.Reject(vm.id);
        ImGui::SameLine(0, 12);
        if (Button((std::string(tr("Back")) + "###reject_back_" + n).c_str(), ButtonKind::ghost, ImVec2(0, 40), !vm.sending))
            actions.StartReject(vm.id, false);
    }
    ImGui::PopID();
}

// One labelled single-line field of the away form: delegation_to, delegation_from, delegation_until.
bool AwayField(const char* id, const std::string& label, const std::string& hint, std::string* text, float width,
               bool invalid, bool read_only) {
    const Fonts& f = GetFonts();
    ImGui::BeginGroup();
    Label(f.body_semibold, color::kText, label);
    VSpace(2);
    TextInputOptions o;
    o.placeholder = hint.c_str();
    o.width = width;
    o.max_chars = 64;
    o.invalid = invalid;
    o.read_only = read_only;
    o.hook_label = label.c_str();
    const bool edited = TextInput(id, text, o).edited;
    ImGui::EndGroup();
    return edited;
}

void DrawInbox(const ApprovalsViewModel& vm, float w, Actions& actions);  // each request with its controls

// "When you're away": the delegations both ways (mine can be ended) and the form to hand over.
void DrawAway(const AwayViewModel& vm, float w, Actions& actions) {
    const Fonts& f = GetFonts();
    const float pad = 24.0f;
    const float inner = w - 2 * pad;
    BeginCard("away", w, pad);
    A11yGroup region("group", vm.heading);
    Label(f.h3, color::kText, vm.heading);
    Paragraph(f.body, color::kTextSecondary, vm.intro, inner);
    VSpace(8);
    for (const DelegationRowViewModel& row : vm.rows) {
        const std::string n = std::to_string(row.id);
        Paragraph(f.body, color::kText, row.text, inner);
        RecordLast(row.text, "delegation_" + n);
        if (row.can_end) {
            const std::string end = (row.ending ? std::string(tr("Ending…")) : std::string(tr("End it now"))) + "###delegation_end_" + n;
            if (LinkButton(end.c_str(), f.small_semibold) && !vm.sending) actions.EndDelegation(row.id);
        }
        VSpace(8);
    }
    using Field = Actions::DelegationField;
    std::string to = vm.to, from = vm.from, until = vm.until;
    if (AwayField("##delegation_to", vm.to_label, vm.to_hint, &to, std::min(inner, 420.0f), vm.error_field == "to", vm.sending))
        actions.EditDelegation(Field::to, to);
    VSpace(8);
    const bool side_by_side = inner >= 2 * 180.0f + 16;
    const float date_w = side_by_side ? 180.0f : std::min(inner, 420.0f);
    const float row_y = ImGui::GetCursorPosY();
    if (AwayField("##delegation_from", vm.from_label, vm.date_hint, &from, date_w, vm.error_field == "from", vm.sending))
        actions.EditDelegation(Field::from, from);
    if (side_by_side) {
        ImGui::SameLine(0, 16);
        ImGui::SetCursorPosY(row_y);  // top-aligned with "From", not on its text baseline
    } else {
        VSpace(8);
    }
    if (AwayField("##delegation_until", vm.until_label, vm.date_hint, &until, date_w, vm.error_field == "until", vm.sending))
        actions.EditDelegation(Field::until, until);
    if (!vm.error.empty()) {
        VSpace(4);
        Paragraph(f.small, color::kDanger, vm.error, inner);
        hooks::DescribeLastItem(vm.error);
    }
    VSpace(10);
    const bool adding = vm.sending && std::none_of(vm.rows.begin(), vm.rows.end(), [](const DelegationRowViewModel& r) { return r.ending; });
    if (Button((vm.add_label + "###delegation_add").c_str(), ButtonKind::secondary, ImVec2(0, 40), !vm.sending, adding))
        actions.AddDelegation();
    EndCard();
}

}  // namespace

void DrawApprovalCard(const ApprovalCardViewModel& vm, float width, Actions& actions) {
    if (!vm.visible) return;
    const Fonts& f = GetFonts();
    const float pad = 24.0f;
    const float inner = width - 2 * pad;
    BeginCard("approval", width, pad);
    A11yGroup region("group", vm.heading);
    Label(f.h3, color::kText, vm.heading);
    Paragraph(f.body, color::kTextSecondary, vm.summary, inner);
    RecordLast(vm.summary, "approval_summary");
    VSpace(6);
    {
        A11yGroup list("list", vm.heading);
        for (size_t i = 0; i < vm.steps.size(); ++i) {
            const ApprovalStepRowViewModel& s = vm.steps[i];
            A11yGroup item("listitem", s.title);
            Badge(s.state, s.tone);
            RecordLast(s.state, "approval_step_" + std::to_string(i));
            ImGui::SameLine(0, 10);
            Paragraph(f.body_semibold, color::kText, s.title, std::max(120.0f, inner - BadgeSize(s.state).x - 10));
            if (!s.when.empty()) Label(f.small, color::kTextMuted, s.when);
            for (const std::string& c : s.comments) Paragraph(f.small, color::kTextSecondary, c, inner);
            VSpace(6);
        }
    }
    if (vm.decision.visible) {
        Divider(inner);
        VSpace(10);
        DrawDecision(vm.decision, inner, actions);
    }
    EndCard();
    VSpace(16);
}

void DrawApprovals(const ApprovalsViewModel& vm, UiState& ui, Actions& actions) {
    const Fonts& f = GetFonts();
    const float w = std::min(ui.content_width, 900.0f);
    Paragraph(f.h1, color::kText, vm.title, w);
    if (!vm.subtitle.empty()) Paragraph(f.body, color::kTextSecondary, vm.subtitle, w);
    VSpace(16);
    if (vm.load.status == ViewStatus::loading && vm.items.empty()) {
        LoadingPanel(tr("Loading approvals…"), w);
        return;
    }
    if (vm.load.status == ViewStatus::failed && vm.items.empty()) {
        if (ErrorPanel("approvals_error", tr("Approvals didn't load"), vm.load.error, vm.load.retryable, w)) actions.Retry();
        return;
    }
    if (vm.items.empty()) {
        Paragraph(f.body, color::kTextSecondary, vm.empty, w);
        RecordLast(vm.empty, "approvals_empty");
        VSpace(16);
    } else {
        DrawInbox(vm, w, actions);
    }
    DrawAway(vm.away, w, actions);
}

namespace {

void DrawInbox(const ApprovalsViewModel& vm, float w, Actions& actions) {
    const Fonts& f = GetFonts();
    A11yGroup list("list", vm.title);
    const float pad = 24.0f;
    const float inner = w - 2 * pad;
    for (const ApprovalItemViewModel& item : vm.items) {
        ImGui::PushID(static_cast<int>(item.id.value));
        A11yGroup li("listitem", item.summary);
        BeginCard("approval_item", w, pad);
        Label(f.small_semibold, color::kTextMuted, item.number);
        Paragraph(f.h3, color::kText, item.summary, inner);
        Paragraph(f.small, color::kTextSecondary, item.meta, inner);
        if (!item.step.empty()) Paragraph(f.small, color::kTextSecondary, item.step, inner);
        if (!item.form_lines.empty()) {
            VSpace(6);
            const float key_w = std::min(220.0f, inner * 0.38f);
            for (const auto& [key, value] : item.form_lines) KeyValue(key, value, inner, key_w);
        }
        VSpace(8);
        if (LinkButton((std::string(tr("Open the request")) + "###approval_open_" + std::to_string(item.id.value)).c_str(), f.small_semibold))
            actions.OpenRequest(item.id);
        VSpace(8);
        DrawDecision(item.decision, inner, actions);
        EndCard();
        VSpace(16);
        ImGui::PopID();
    }
}

}  // namespace

}  // namespace spoc::ui
