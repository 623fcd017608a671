// The satisfaction survey (issue 13): the requester's card on a resolved request, the home
// page's banner for the latest one still to rate, and what staff see of the answer. One click on a
// score saves it; the comment and "How easy was it to get help?" are optional and come after.
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

// Five answers in a row when their words fit; else (phones, long languages) five numbered
// buttons in a row with the scale's two ends written under them, each button named by its words
// for screen readers and tests. Returns the answer clicked (1..5), 0 for none. `selected` is drawn
// as the primary one.
int ScaleButtons(const char* id_prefix, const std::vector<std::string>& labels, int selected, float inner, bool busy,
                 std::string_view group_name) {
    const Fonts& f = GetFonts();
    A11yGroup group("group", group_name);
    const float gap = 8.0f;
    const float each = (inner - gap * 4) / 5;
    float widest = 0;
    for (const std::string& l : labels) widest = std::max(widest, MeasureText(f.body, l).x);
    const bool words = widest + 28 <= each;
    int clicked = 0;
    for (int i = 0; i < static_cast<int>(labels.size()); ++i) {
        if (i > 0) ImGui::SameLine(0, gap);
        const std::string shown = words ? labels[static_cast<size_t>(i)] : std::to_string(i + 1);
        const std::string label = shown + "###" + id_prefix + std::to_string(i + 1);
        if (Button(label.c_str(), selected == i + 1 ? ButtonKind::primary : ButtonKind::secondary, ImVec2(each, 44), !busy))
            clicked = i + 1;
        if (!words) hooks::AnnotateLastItem(labels[static_cast<size_t>(i)]);
    }
    if (!words && !labels.empty()) {  // the ends of the scale: "1 Very dissatisfied ... 5 Very satisfied"
        const std::string low = "1 " + labels.front(), high = std::to_string(labels.size()) + " " + labels.back();
        const float x0 = ImGui::GetCursorPosX();
        const float high_w = MeasureText(f.small, high).x;
        if (MeasureText(f.small, low).x + high_w + 16 <= inner) {
            Label(f.small, color::kTextMuted, low);
            ImGui::SameLine(0, 0);
            ImGui::SetCursorPosX(x0 + inner - high_w);
            Label(f.small, color::kTextMuted, high);
        } else {
            Label(f.small, color::kTextMuted, low);
            Label(f.small, color::kTextMuted, high);
        }
    }
    return clicked;
}

void DrawDetails(const SurveyViewModel& vm, float inner, Actions& actions) {
    const Fonts& f = GetFonts();
    VSpace(10);
    Label(f.body_semibold, color::kText, vm.effort_question);
    VSpace(4);
    if (int e = ScaleButtons("survey_effort_", vm.effort_labels, vm.effort, inner, vm.sending, vm.effort_question))
        actions.SetSurveyEffort(vm.id, e);
    VSpace(10);
    Label(f.body_semibold, color::kText, vm.comment_label);
    VSpace(4);
    std::string text = vm.comment;
    TextInputOptions o;
    o.multiline = true;
    o.height = 88;
    o.max_chars = vm.comment_max;
    o.invalid = vm.error_field == "comment";
    o.read_only = vm.sending;
    o.hook_label = vm.comment_label.c_str();
    if (TextInput("##survey_comment", &text, o).edited) actions.EditSurveyComment(vm.id, text);
    if (!vm.error.empty()) {
        Paragraph(f.small, color::kDanger, vm.error, inner);
        hooks::DescribeLastItem(vm.error);
    }
    VSpace(6);
    if (Button(L("Save answer", "survey_save").c_str(), ButtonKind::primary, ImVec2(0, 40), !vm.sending, vm.sending))
        actions.SaveSurveyDetails(vm.id);
    ImGui::SameLine(0, 12);
    if (Button(L("Cancel", "survey_cancel").c_str(), ButtonKind::ghost, ImVec2(0, 40), !vm.sending))
        actions.OpenSurveyDetails(vm.id, false);
}

}  // namespace

void DrawSurveyCard(const SurveyViewModel& vm, float width, Actions& actions) {
    if (!vm.visible) return;
    const Fonts& f = GetFonts();
    const float pad = 24.0f;
    const float inner = width - 2 * pad;
    BeginCard("survey", width, pad, color::kAccentSoft, color::kBorder);
    A11yGroup region("group", vm.heading);
    Label(f.h3, color::kText, vm.heading);
    Paragraph(f.body, color::kTextSecondary, vm.question, inner);
    VSpace(6);
    if (int score = ScaleButtons("survey_score_", vm.score_labels, vm.score, inner, vm.sending, vm.question))
        actions.RateRequest(vm.id, score);
    if (!vm.thanks.empty()) {
        VSpace(8);
        Paragraph(f.body_semibold, color::kSuccess, vm.thanks, inner);
        RecordLast(vm.thanks, "survey_thanks");
        Paragraph(f.small, color::kTextMuted, vm.change_note, inner);
        if (vm.details_open) {
            DrawDetails(vm, inner, actions);
        } else {
            const std::string link = vm.comment.empty() ? L("Add a comment", "survey_add_comment")
                                                        : L("Change your comment", "survey_add_comment");
            if (LinkButton(link.c_str(), f.small_semibold)) actions.OpenSurveyDetails(vm.id, true);
        }
    }
    if (!vm.details_open && !vm.error.empty()) {
        Paragraph(f.small, color::kDanger, vm.error, inner);
    }
    EndCard();
    VSpace(16);
}

void DrawSurveyBanner(const SurveyViewModel& vm, float width, Actions& actions) {
    if (!vm.visible) return;
    const Fonts& f = GetFonts();
    const float pad = 20.0f;
    const float inner = width - 2 * pad;
    BeginCard("survey_banner", width, pad, color::kAccentSoft, color::kBorder);
    A11yGroup region("group", vm.heading);
    Label(f.h3, color::kText, vm.heading);
    // TRANSLATORS: the home banner; {0} is the request ("VPN drops (INC0000042)").
    Paragraph(f.body, color::kTextSecondary, i18n::Format(tr("Your request {0} was resolved."), {vm.subject}), inner);
    Paragraph(f.body, color::kText, vm.question, inner);
    VSpace(6);
    if (vm.thanks.empty() || vm.sending) {
        if (int score = ScaleButtons("banner_score_", vm.score_labels, vm.score, inner, vm.sending, vm.question))
            actions.RateRequest(vm.id, score);
        VSpace(4);
        if (LinkButton(L("Not now", "banner_not_now").c_str(), f.small_semibold)) actions.HideSurveyBanner(vm.id);
    } else {
        Paragraph(f.body_semibold, color::kSuccess, vm.thanks, inner);
        RecordLast(vm.thanks, "banner_thanks");
        if (LinkButton(L("Add a comment", "banner_comment").c_str(), f.small_semibold)) actions.OpenRequest(vm.id);
        ImGui::SameLine(0, 18);
        if (LinkButton(L("Close", "banner_close").c_str(), f.small_semibold)) actions.HideSurveyBanner(vm.id);
    }
    if (!vm.error.empty()) Paragraph(f.small, color::kDanger, vm.error, inner);
    EndCard();
}

void DrawSurveyResult(const SurveyResultViewModel& vm, float width) {
    if (!vm.visible) return;
    const Fonts& f = GetFonts();
    const float pad = 20.0f;
    const float inner = width - 2 * pad;
    BeginCard("survey_result", width, pad);
    A11yGroup region("group", tr("Satisfaction"));
    Label(f.body_semibold, color::kText, tr("Satisfaction"));
    ImGui::SameLine(0, 12);
    Badge(vm.line, vm.tone);
    RecordLast(vm.line, "survey_result");
    if (!vm.effort.empty()) Paragraph(f.body, color::kTextSecondary, vm.effort, inner);
    if (!vm.comment.empty()) Paragraph(f.body, color::kText, "“" + vm.comment + "”", inner);
    Label(f.small, color::kTextMuted, vm.when);
    EndCard();
    VSpace(16);
}

}  // namespace spoc::ui
