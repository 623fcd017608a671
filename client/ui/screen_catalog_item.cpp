// A catalog item page (#/catalog/{id}): the item's description and hints, then its form built
// from the field definitions (every field type), summary/description/urgency, inline errors,
// the submit button with progress, the failure banner with Retry, and the success panel.
// Index:
//   [SECTION] Field widgets
//   [SECTION] Form card, side panel, success panel
//   [SECTION] Screen
#include <algorithm>
#include <cfloat>
#include <optional>

#include "client/ui/attachments_view.h"
#include "client/ui/item_hooks.h"
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

// ---------------------------------------------------------------------------------------------
// [SECTION] Field widgets
// ---------------------------------------------------------------------------------------------
namespace {

// The caption of a field. Groups (radio lists, checkbox lists) have no single widget, so their
// caption is recorded as the field's item for the hooks.
void FieldLabel(const FieldViewModel& f, bool record = false) {
    const Fonts& fonts = GetFonts();
    Label(fonts.body_semibold, color::kText, f.label);
    if (record) {
        const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
        hooks::RecordItem(f.label, f.input_id, min.x, min.y, max.x, max.y);
    }
    if (f.required) {
        ImGui::SameLine(0, 3);
        Label(fonts.body_semibold, color::kDanger, "*");
    } else {
        ImGui::SameLine(0, 6);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 1);
        // TRANSLATORS: shown after the caption of a form field that may be left empty.
        Label(fonts.small, color::kTextMuted, tr("(optional)"));
    }
}

void FieldHelp(const std::string& help, float width) {
    if (help.empty()) return;
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 6);
    Paragraph(GetFonts().small, color::kTextMuted, help, width);
}

void FieldError(const std::string& error, float width) {
    if (error.empty()) return;
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c(p.x + 7, p.y + 9);
    dl->AddCircleFilled(c, 7, color::kDanger, 16);
    dl->AddLine(ImVec2(c.x, c.y - 3.5f), ImVec2(c.x, c.y + 0.8f), color::kSurface, 1.6f);
    dl->AddCircleFilled(ImVec2(c.x, c.y + 3.2f), 1.0f, color::kSurface);
    ImGui::SetCursorScreenPos(ImVec2(p.x + 20, p.y));
    hooks::DescribeLastItem(error);  // the field's description in the mirror, and aria-invalid
    Paragraph(GetFonts().small, color::kDanger, error, width - 20);
    ImGui::SetCursorScreenPos(ImVec2(p.x, ImGui::GetCursorScreenPos().y));
}

// A radio button or checkbox whose label wraps inside `width` (ImGui's own never wrap, so a long
// option ran out of its card on a phone). The whole row is the hit target. True when clicked.
bool ChoiceRow(const char* label, bool on, bool radio, float width) {
    const Fonts& f = GetFonts();
    const char* end = ImGui::FindRenderedTextEnd(label);
    const std::string_view text(label, static_cast<size_t>(end - label));
    const float box = 20.0f, gap = 10.0f;
    const float text_w = std::max(40.0f, width - box - gap);
    const ImVec2 ts = MeasureText(f.body, text, text_w);
    const float h = std::max(box + 8, ts.y + 8);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton(label, ImVec2(width, h));
    ImGuiContext& g = *GImGui;
    IMGUI_TEST_ENGINE_ITEM_INFO(g.LastItemData.ID, label, g.LastItemData.StatusFlags | ImGuiItemStatusFlags_Checkable |
                                                          (on ? ImGuiItemStatusFlags_Checked : 0));
    if (radio) hooks::SetLastItemRole("radio");
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c(p.x + box * 0.5f, p.y + 4 + box * 0.5f);
    const ImU32 edge = on ? color::kAccent : hovered ? color::kInputBorderHover : color::kInputBorder;
    if (radio) {
        dl->AddCircleFilled(c, box * 0.5f, hovered && !on ? color::kSurfaceHover : color::kSurface, 24);
        dl->AddCircle(c, box * 0.5f, edge, 24, on ? 1.8f : 1.2f);
        if (on) dl->AddCircleFilled(c, box * 0.25f, color::kAccent, 16);
    } else {
        const ImVec2 a(c.x - box * 0.5f, c.y - box * 0.5f), b(c.x + box * 0.5f, c.y + box * 0.5f);
        dl->AddRectFilled(a, b, on ? color::kAccentFill : color::kSurface, 5.0f);
        if (!on) dl->AddRect(a, b, edge, 5.0f, 0, 1.2f);
        if (on) {
            dl->PathLineTo(ImVec2(c.x - 5, c.y));
            dl->PathLineTo(ImVec2(c.x - 1.5f, c.y + 3.5f));
            dl->PathLineTo(ImVec2(c.x + 5, c.y - 3.5f));
            dl->PathStroke(color::kOnAccent, 0, 2.0f);
        }
    }
    DrawTextAt(dl, f.body, ImVec2(p.x + box + gap, p.y + 4 + (box - Px(f.body) * 1.2f) * 0.5f + 1), color::kText, text, text_w);
    ImGui::RenderNavHighlight(ImRect(p, ImVec2(p.x + width, p.y + h)), g.LastItemData.ID);
    return pressed;
}

// After a refused submit (or a click on an error link) the field scrolls into view and takes
// the keyboard, so the person lands on what needs fixing instead of hunting for it.
// Keyboard focus first; the scroll is requested over the next frames, after navigation has
// brought the focused control to the edge of the view, so the field's caption shows too.
bool TakeFocus(const std::string& input_id, bool invalid, UiState& ui) {
    if (ui.scroll_field == input_id && ui.scroll_field_frames > 0) {
        ImGui::SetScrollHereY(0.25f);
        if (--ui.scroll_field_frames == 0) ui.scroll_field.clear();
    }
    if (!(ui.focus_first_error && invalid) && ui.focus_field != input_id) return false;
    ui.focus_first_error = false;
    ui.focus_field.clear();
    ui.scroll_field = input_id;
    ui.scroll_field_frames = 3;
    ImGui::SetScrollHereY(0.25f);
    return true;
}

void DrawField(const FormViewModel& vm, const FieldViewModel& f, float width, UiState& ui, Actions& actions) {
    ImGui::PushID(f.input_id.c_str());
    const bool invalid = !f.error.empty();
    const bool focus = TakeFocus(f.input_id, invalid, ui);
    switch (f.type) {
        case FieldType::short_text:
        case FieldType::long_text:
        case FieldType::number:
        case FieldType::date: {
            FieldLabel(f);
            FieldHelp(f.help, width);
            std::string text = f.text;
            TextInputOptions o;
            o.placeholder = f.placeholder.empty() ? nullptr : f.placeholder.c_str();
            o.max_chars = f.max_chars;
            o.invalid = invalid;
            o.hook_label = f.label.c_str();
            o.multiline = f.type == FieldType::long_text;
            o.height = 110;
            if (f.type == FieldType::number) { o.filter = CharFilter::decimal; o.width = std::min(width, 220.0f); }
            if (f.type == FieldType::date) { o.filter = CharFilter::date; o.width = std::min(width, 220.0f); }
            const std::string id = "##" + f.input_id;
            if (focus) ImGui::SetKeyboardFocusHere();
            const TextInputResult r = TextInput(id.c_str(), &text, o);
            if (r.edited) {
                if (f.input_id == "summary") actions.EditSummary(vm.item_id, text);
                else if (f.input_id == "description") actions.EditDescription(vm.item_id, text);
                else actions.EditField(vm.item_id, f.key, FormValue::Text(text));
            }
            if (r.deactivated) actions.TouchField(vm.item_id, f.input_id);
            break;
        }
        case FieldType::checkbox: {
            const std::string label = f.label + "##" + f.input_id;
            if (focus) ImGui::SetKeyboardFocusHere();
            if (ChoiceRow(label.c_str(), f.checked, false, width)) actions.EditField(vm.item_id, f.key, FormValue::Bool(!f.checked));
            if (!f.help.empty()) {
                ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 32);
                FieldHelp(f.help, width - 32);
            }
            break;
        }
        case FieldType::single_choice: {
            FieldLabel(f, f.radio);
            FieldHelp(f.help, width);
            if (focus) ImGui::SetKeyboardFocusHere();
            if (f.radio) {
                A11yGroup group("radiogroup", f.label);
                for (const ChoiceViewModel& c : f.options) {
                    const std::string label = c.label + "##" + f.input_id + ":" + c.value;
                    if (ChoiceRow(label.c_str(), f.text == c.value, true, width)) actions.EditField(vm.item_id, f.key, FormValue::Text(c.value));
                }
                break;
            }
            // TRANSLATORS: a dropdown in a form with nothing picked yet.
            std::string preview = tr("Choose…");
            for (const ChoiceViewModel& c : f.options)
                if (c.value == f.text) preview = c.label;
            const std::string id = "##" + f.input_id;
            const ImGuiID combo_id = ImGui::GetID(id.c_str());
            const float combo_w = std::min(width, 420.0f);
            const ImVec2 cpos = ImGui::GetCursorScreenPos();
            ImGui::PushStyleColor(ImGuiCol_Border, invalid ? color::kDanger : color::kInputBorder);
            ImGui::PushStyleColor(ImGuiCol_Text, f.text.empty() ? color::kPlaceholder : color::kText);
            ImGui::PushStyleColor(ImGuiCol_Button, color::kSurface);
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, color::kSurface);
            // The popup becomes the current window inside BeginCombo: take what we need first.
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const float ch = ImGui::GetFrameHeight();
            const ImVec2 cmax(cpos.x + combo_w, cpos.y + ch);
            const bool hovered = ImGui::IsMouseHoveringRect(cpos, cmax) && ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows);
            ImGui::SetNextItemWidth(combo_w);
            ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6, 6));
            ImGui::PushStyleVar(ImGuiStyleVar_PopupBorderSize, 1.0f);
            const bool open = ImGui::BeginCombo(id.c_str(), preview.c_str(), ImGuiComboFlags_HeightLarge | ImGuiComboFlags_NoArrowButton);
            ImGui::PopStyleVar(2);
            ImGui::PopStyleColor(4);
            hooks::AnnotateItem(combo_id, f.label, f.input_id);
            hooks::SetItemValue(combo_id, f.text.empty() ? std::string() : preview);
            {
                // Chevron, hover border and focus ring, drawn like the text inputs'.
                const float r = ImGui::GetStyle().FrameRounding;
                if (open) {
                    dl->AddRect(ImVec2(cpos.x - 3, cpos.y - 3), ImVec2(cmax.x + 3, cmax.y + 3), color::kAccentRing, r + 3, 0, 3.0f);
                    dl->AddRect(cpos, cmax, color::kAccent, r, 0, 1.5f);
                } else if (invalid) {
                    dl->AddRect(cpos, cmax, color::kDanger, r, 0, 1.5f);
                } else if (hovered) {
                    dl->AddRect(cpos, cmax, color::kInputBorderHover, r, 0, 1.0f);
                }
                if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                const ImVec2 c(cmax.x - 20, cpos.y + ch * 0.5f);
                const float d = open ? -1.0f : 1.0f;
                dl->AddLine(ImVec2(c.x - 5, c.y - 2.5f * d), ImVec2(c.x, c.y + 2.5f * d), color::kTextMuted, 1.6f);
                dl->AddLine(ImVec2(c.x, c.y + 2.5f * d), ImVec2(c.x + 5, c.y - 2.5f * d), color::kTextMuted, 1.6f);
            }
            if (open) {
                ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8, 2));
                for (const ChoiceViewModel& c : f.options) {
                    const bool selected = c.value == f.text;
                    const std::string label = c.label + "##" + c.value;
                    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(8, 8));
                    if (ImGui::Selectable(label.c_str(), selected, 0, ImVec2(0, 30)))
                        actions.EditField(vm.item_id, f.key, FormValue::Text(c.value));
                    ImGui::PopStyleVar();
                    if (selected) ImGui::SetItemDefaultFocus();
                }
                ImGui::PopStyleVar();
                ImGui::EndCombo();
            }
            break;
        }
        case FieldType::multi_choice: {
            FieldLabel(f, true);
            FieldHelp(f.help, width);
            if (focus) ImGui::SetKeyboardFocusHere();
            A11yGroup group("group", f.label);
            for (const ChoiceViewModel& c : f.options) {
                bool on = std::find(f.selected.begin(), f.selected.end(), c.value) != f.selected.end();
                const std::string label = c.label + "##" + f.input_id + ":" + c.value;
                if (ChoiceRow(label.c_str(), on, false, width)) {
                    on = !on;
                    std::vector<std::string> next;
                    for (const ChoiceViewModel& o : f.options) {  // keep the definition's order
                        const bool was = std::find(f.selected.begin(), f.selected.end(), o.value) != f.selected.end();
                        if (o.value == c.value ? on : was) next.push_back(o.value);
                    }
                    actions.EditField(vm.item_id, f.key, FormValue::List(std::move(next)));
                }
            }
            break;
        }
    }
    FieldError(f.error, width);
    ImGui::PopID();
    VSpace(12);
}

void DrawUrgency(const FormViewModel& vm, float width, UiState& ui, Actions& actions) {
    const Fonts& f = GetFonts();
    if (TakeFocus("urgency", !vm.urgency_error.empty(), ui)) ImGui::SetKeyboardFocusHere();
    Label(f.body_semibold, color::kText, tr("How urgent is this?"));
    const float gap = 10.0f;
    const int n = static_cast<int>(vm.urgency_options.size());
    const bool stacked = width < 480;
    const float box_w = stacked ? width : (width - gap * static_cast<float>(n - 1)) / static_cast<float>(n);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    std::optional<A11yGroup> group;
    group.emplace("radiogroup", tr("How urgent is this?"));
    for (int i = 0; i < n; ++i) {
        const UrgencyOption& o = vm.urgency_options[static_cast<size_t>(i)];
        const ImVec2 pos = stacked ? ImVec2(start.x, start.y + i * (64 + gap)) : ImVec2(start.x + i * (box_w + gap), start.y);
        ImGui::SetCursorScreenPos(pos);
        const std::string label = o.label + "##urgency_" + std::string(LevelName(o.level));
        const bool selected = vm.urgency == o.level;
        if (ImGui::InvisibleButton(label.c_str(), ImVec2(box_w, 64))) actions.SetUrgency(vm.item_id, o.level);
        ImGuiContext& g = *GImGui;  // IMGUI_TEST_ENGINE_ITEM_INFO reads `g`
        IMGUI_TEST_ENGINE_ITEM_INFO(g.LastItemData.ID, label.c_str(),
                                    g.LastItemData.StatusFlags | ImGuiItemStatusFlags_Checkable | (selected ? ImGuiItemStatusFlags_Checked : 0));
        hooks::SetLastItemRole("radio");
        const bool hovered = ImGui::IsItemHovered();
        if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        const ImVec2 max(pos.x + box_w, pos.y + 64);
        dl->AddRectFilled(pos, max, selected ? color::kAccentSoft : hovered ? color::kSurfaceHover : color::kSurface, 10.0f);
        dl->AddRect(pos, max, selected ? color::kAccent : color::kInputBorder, 10.0f, 0, selected ? 1.5f : 1.0f);
        ImGui::RenderNavHighlight(ImRect(pos, max), ImGui::GetItemID());
        const ImVec2 c(pos.x + 22, pos.y + 22);
        dl->AddCircle(c, 8, selected ? color::kAccent : color::kInputBorder, 20, 1.5f);
        if (selected) dl->AddCircleFilled(c, 4.5f, color::kAccent, 16);
        DrawTextAt(dl, f.body_semibold, ImVec2(pos.x + 38, pos.y + 12), color::kText, o.label);
        DrawTextClipped(dl, f.small, ImVec2(pos.x + 38, pos.y + 34), color::kTextMuted, o.hint, box_w - 48);
    }
    group.reset();
    ImGui::SetCursorScreenPos(start);
    ImGui::Dummy(ImVec2(width, stacked ? n * (64 + gap) - gap : 64));
    FieldError(vm.urgency_error, width);
    VSpace(12);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Form card, side panel, success panel
// ---------------------------------------------------------------------------------------------
void DrawFormCard(const FormViewModel& vm, float width, UiState& ui, Actions& actions) {
    const Fonts& f = GetFonts();
    const bool focus_pending = ui.focus_first_error;  // set by last frame's refused submit
    const float pad = 32.0f;
    const float inner = width - 2 * pad;
    BeginCard("form", width, pad);
    Label(f.h3, color::kText, tr("Your request"));
    Paragraph(f.small, color::kTextMuted, tr("Fields marked * are required. Your answers are kept if you leave this page."), inner);
    VSpace(10);

    for (const FieldViewModel& field : vm.fields) DrawField(vm, field, inner, ui, actions);
    if (!vm.fields.empty()) {
        Divider(inner);
        VSpace(14);
    }
    DrawField(vm, vm.summary, inner, ui, actions);
    DrawField(vm, vm.description_input, inner, ui, actions);
    if (vm.ask_urgency) DrawUrgency(vm, inner, ui, actions);
    // TRANSLATORS: heading over the files attached to a new request (optional).
    Label(f.body_semibold, color::kText, tr("Attachments (optional)"));
    VSpace(2);
    DrawComposerFiles(vm.files, inner, actions, !vm.submitting);
    VSpace(14);

    if (!vm.banner.empty()) {
        const std::string retry = L("Retry", "retry_submit");
        if (Notice("submit_banner", vm.banner_retry ? NoticeKind::warning : NoticeKind::error, vm.banner,
                   vm.banner_retry ? retry.c_str() : nullptr, inner))
            actions.RetrySubmit(vm.item_id);
        VSpace(6);
    }
    VSpace(4);
    const std::string submit_label = vm.submit_label + "###submit";
    if (Button(submit_label.c_str(), ButtonKind::primary, ImVec2(180, 44), vm.submit_enabled, vm.submitting)) {
        actions.Submit(vm.item_id);
        // Refused (the shared validator finds problems): next frame, go to the first one.
        if (vm.error_count + vm.hidden_error_count > 0) ui.focus_first_error = true;
    }
    if (!vm.error_links.empty()) {
        // The summary lists each field as a link that scrolls to it and focuses it.
        VSpace(4);
        Label(f.body_semibold, color::kDanger,
              Plural("{0} answer needs attention:", "{0} answers need attention:", static_cast<long>(vm.error_links.size())));
        for (const auto& [label, input_id] : vm.error_links) {
            const std::string link = label + "##goto_" + input_id;
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 12);
            if (LinkButton(link.c_str(), f.body, color::kDanger)) ui.focus_field = input_id;
        }
    }
    if (focus_pending) ui.focus_first_error = false;  // nothing claimed it (the form was fine after all)
    EndCard();
}

void DrawSidePanel(const FormViewModel& vm, float width) {
    const Fonts& f = GetFonts();
    const float pad = 24.0f;
    const float inner = width - 2 * pad;
    BeginCard("next_steps", width, pad);
    Label(f.h3, color::kText, tr("What happens next"));
    VSpace(4);
    std::vector<std::pair<std::string, std::string>> steps;
    steps.emplace_back(tr("You submit the request"), tr("You get a request number straight away."));
    for (const auto& step : vm.approval_steps) steps.push_back(step);
    steps.emplace_back(vm.department.empty() ? std::string(tr("The service desk takes it on"))
                                             // TRANSLATORS: {0} is a department's name from the catalog, e.g. "IT", "HR", "Facilities".
                                             : Format(tr("The {0} team takes it on"), {vm.department}),
                       vm.fulfillment.empty() ? tr("They reply in the request's conversation.") : vm.fulfillment + ".");
    steps.emplace_back(tr("Follow it in My requests"), tr("Status changes and replies appear there."));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (size_t i = 0; i < steps.size(); ++i) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const ImVec2 c(p.x + 12, p.y + 12);
        dl->AddCircleFilled(c, 12, color::kAccentSoft, 24);
        const std::string n = std::to_string(i + 1);
        const ImVec2 ns = MeasureText(f.small_semibold, n);
        DrawTextAt(dl, f.small_semibold, ImVec2(c.x - ns.x * 0.5f, c.y - ns.y * 0.5f), color::kAccent, n);
        if (i + 1 < steps.size()) dl->AddLine(ImVec2(c.x, c.y + 16), ImVec2(c.x, c.y + 50), color::kBorder, 1.5f);
        ImGui::SetCursorScreenPos(ImVec2(p.x + 36, p.y + 2));
        ImGui::BeginGroup();
        Label(f.body_semibold, color::kText, steps[i].first);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 6);
        Paragraph(f.small, color::kTextMuted, steps[i].second, inner - 36);
        ImGui::EndGroup();
        ImGui::SetCursorScreenPos(ImVec2(p.x, std::max(ImGui::GetItemRectMax().y + 16, p.y + 58)));
    }
    EndCard();
}

// The green check at the top of the "submitted" and "solved it" panels.
void SuccessMark() {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c(p.x + 24, p.y + 24);
    dl->AddCircleFilled(c, 24, color::kSuccessSoft, 32);
    dl->AddCircleFilled(c, 16, color::kSuccess, 32);
    dl->PathLineTo(ImVec2(c.x - 7, c.y));
    dl->PathLineTo(ImVec2(c.x - 2, c.y + 5));
    dl->PathLineTo(ImVec2(c.x + 7, c.y - 5));
    dl->PathStroke(color::kSurface, 0, 2.5f);
    ImGui::Dummy(ImVec2(48, 48));
}

// Suggested articles while the employee describes the problem; "This solved it" files nothing.
void DrawSuggestions(const FormViewModel& vm, float width, Actions& actions) {
    if (vm.suggestions.empty() || vm.deflected || vm.succeeded) return;
    const Fonts& f = GetFonts();
    const float pad = 20.0f;
    BeginCard("suggestions", width, pad, color::kAccentSoft, color::kAccentBorder);
    Label(f.h3, color::kText, tr("These articles might solve it"));
    Paragraph(f.small, color::kTextSecondary, tr("Based on what you've written so far. If one fixes it, you don't need to send the request."),
              width - 2 * pad);
    VSpace(6);
    for (const ArticleHitViewModel& hit : vm.suggestions) {
        if (DrawArticleHit(hit, width - 2 * pad, actions, true, vm.deflecting)) actions.Deflect(vm.item_id, hit.id);
        VSpace(8);
    }
    if (!vm.deflect_error.empty()) Label(f.small, color::kDanger, vm.deflect_error);
    EndCard();
    VSpace(16);
}

void DrawDeflected(const FormViewModel& vm, float width, Actions& actions) {
    const Fonts& f = GetFonts();
    const float pad = 36.0f;
    BeginCard("deflected", width, pad);
    SuccessMark();
    VSpace(6);
    Label(f.h2, color::kText, tr("Glad that solved it"));
    Paragraph(f.body, color::kTextSecondary,
              vm.deflected_title.empty()
                  ? std::string(tr("No request was filed. Your answers are still here if you need them later."))
                  // TRANSLATORS: {0} is the title of the knowledge article that solved the problem.
                  : Format(tr("No request was filed — “{0}” had the answer. Your answers are still here if you need them later."),
                           {vm.deflected_title}),
              width - 2 * pad);
    VSpace(8);
    Route home;
    if (Button(L("Back to home", "deflected_home").c_str(), ButtonKind::primary)) actions.Navigate(home);
    ImGui::SameLine(0, 10);
    if (Button(L("I still need help", "deflected_undo").c_str(), ButtonKind::secondary)) actions.UndoDeflection(vm.item_id);
    EndCard();
}

void DrawSuccess(const FormViewModel& vm, float width, Actions& actions) {
    const Fonts& f = GetFonts();
    const float pad = 36.0f;
    const float inner = width - 2 * pad;
    BeginCard("success", width, pad);
    SuccessMark();
    VSpace(6);
    Label(f.h2, color::kText, tr("Request submitted"));
    Paragraph(f.body, color::kTextSecondary,
              vm.created_summary.empty()
                  // TRANSLATORS: {0} is the new request's number ("SPOC-42").
                  ? Format(tr("We've logged {0}. You'll find updates and replies in My requests."), {vm.created_number})
                  // TRANSLATORS: {0} is the new request's number ("SPOC-42"), {1} its summary.
                  : Format(tr("We've logged {0} — “{1}”. You'll find updates and replies in My requests."),
                           {vm.created_number, vm.created_summary}),
              inner);
    VSpace(8);
    // TRANSLATORS: button that opens the request just created; {0} is its number ("SPOC-42").
    const std::string view = Format(tr("View {0}"), {vm.created_number}) + "###view_created";
    if (Button(view.c_str(), ButtonKind::primary)) actions.OpenRequest(vm.created_id);
    ImGui::SameLine(0, 10);
    if (Button(L("Submit another", "submit_another").c_str(), ButtonKind::secondary)) actions.StartAnother(vm.item_id);
    ImGui::SameLine(0, 18);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 10);
    Route catalog;
    catalog.screen = Screen::catalog;
    if (LinkButton(L("Back to the catalog", "back_catalog").c_str())) actions.Navigate(catalog);
    EndCard();
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] Screen
// ---------------------------------------------------------------------------------------------
void DrawCatalogItem(const FormViewModel& vm, UiState& ui, Actions& actions) {
    const Fonts& f = GetFonts();
    const float w = ui.content_width;
    Route catalog;
    catalog.screen = Screen::catalog;
    if (LinkButton(L("Request catalog", "crumb_catalog").c_str(), f.small_semibold)) actions.Navigate(catalog);
    if (!vm.department.empty()) {
        ImGui::SameLine(0, 6);
        Label(f.small, color::kTextMuted, "/  " + vm.department + "  /  " + vm.category);
    }
    VSpace(6);

    if (vm.load.status == ViewStatus::loading) {
        Skeleton(ImVec2(std::min(w, 380.0f), 34));
        VSpace(6);
        Skeleton(ImVec2(std::min(w, 640.0f), 16));
        Skeleton(ImVec2(std::min(w, 520.0f), 16));
        VSpace(18);
        Skeleton(ImVec2(std::min(w, 720.0f), 360), 12);
        return;
    }
    if (vm.load.status == ViewStatus::failed) {
        if (ErrorPanel("item_error", tr("This form didn't load"), vm.load.error, vm.load.retryable, std::min(w, 640.0f))) actions.Retry();
        return;
    }

    Label(f.h1, color::kText, vm.title);
    if (!vm.description.empty()) Paragraph(f.body, color::kTextSecondary, vm.description, std::min(w, 760.0f));
    VSpace(4);
    // Hint chips.
    {
        std::vector<std::pair<std::string, Tone>> chips;
        if (!vm.fulfillment.empty()) chips.emplace_back(vm.fulfillment, Tone::info);
        chips.emplace_back(vm.requires_approval ? tr("Needs approval") : tr("No approval needed"),
                           vm.requires_approval ? Tone::warning : Tone::success);
        chips.emplace_back(vm.type_label, Tone::neutral);
        // Chips flow onto the next line when the row is full (phones).
        float x = 0;
        for (size_t i = 0; i < chips.size(); ++i) {
            const float cw = BadgeSize(chips[i].first).x;
            if (i > 0 && x + 8 + cw <= w) {
                ImGui::SameLine(0, 8);
                x += 8;
            } else if (i > 0) {
                x = 0;
            }
            Badge(chips[i].first, chips[i].second);
            x += cw;
        }
    }
    VSpace(20);

    const bool two_columns = w >= 960;
    const float side_w = two_columns ? 320.0f : w;
    const float main_w = two_columns ? std::min(w - side_w - 32.0f, 760.0f) : w;
    ImGui::BeginGroup();
    if (vm.succeeded) DrawSuccess(vm, main_w, actions);
    else if (vm.deflected) DrawDeflected(vm, main_w, actions);
    else DrawFormCard(vm, main_w, ui, actions);
    ImGui::EndGroup();
    const float form_h = ImGui::GetItemRectSize().y;
    if (two_columns) {
        // The side column sticks to the top of the view while the form scrolls past, so the
        // suggestions stay in sight as the employee types further down (bounded by the form).
        ImGui::SameLine(0, 32);
        ImGuiStorage* storage = ImGui::GetStateStorage();
        const ImGuiID height_key = ImGui::GetID("side_column_height");
        const float top = ImGui::GetCursorPosY();
        const float side_h = storage->GetFloat(height_key, 0.0f);
        const float lowest = std::max(top, top + form_h - side_h);
        ImGui::SetCursorPosY(std::clamp(ImGui::GetScrollY() + 16.0f, top, lowest));
        ImGui::BeginGroup();
        DrawSuggestions(vm, side_w, actions);
        DrawSidePanel(vm, side_w);
        ImGui::EndGroup();
        storage->SetFloat(height_key, ImGui::GetItemRectSize().y);
    } else {
        VSpace(20);
        DrawSuggestions(vm, side_w, actions);
        DrawSidePanel(vm, side_w);
    }
}

}  // namespace spoc::ui
