// #/people (admins, issue 13): who is in which department and who manages whom, the "manager"
// of the approval policies. A search box, a page of people as cards (name, username and role,
// department, manager), "Edit" opening the two fields under a card, Save / Cancel, Previous / Next.
#include <algorithm>
#include <string>

#include "client/ui/item_hooks.h"
#include "client/ui/screens.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"
#include "shared/domain/i18n.h"
#include "shared/domain/limits.h"

namespace spoc::ui {

using client::PeopleViewModel;
using client::PersonRowViewModel;
using i18n::tr;

namespace {

bool PersonField(const std::string& id, const char* label, const char* hint, std::string* text, float width, int max_chars,
                 bool invalid, bool read_only) {
    const Fonts& f = GetFonts();
    ImGui::BeginGroup();
    Label(f.small_semibold, color::kTextSecondary, label);
    VSpace(2);
    TextInputOptions o;
    o.placeholder = hint;
    o.width = width;
    o.max_chars = max_chars;
    o.invalid = invalid;
    o.read_only = read_only;
    o.hook_label = label;
    const bool edited = TextInput(id.c_str(), text, o).edited;
    ImGui::EndGroup();
    return edited;
}

void DrawPerson(const PersonRowViewModel& row, float w, client::Actions& actions) {
    const Fonts& f = GetFonts();
    const std::string n = std::to_string(row.id);
    const float pad = 20.0f;
    const float inner = w - 2 * pad;
    BeginCard(("person_" + n).c_str(), w, pad);
    A11yGroup item("listitem", row.name, "person_" + n);
    const bool wide = inner >= 620;
    const float col = wide ? inner * 0.34f : inner;
    const float y0 = ImGui::GetCursorPosY();
    const float x0 = ImGui::GetCursorPosX();
    ImGui::BeginGroup();
    Label(f.body_semibold, color::kText, row.name);
    Label(f.small, color::kTextMuted, row.detail);
    ImGui::EndGroup();
    if (wide) {
        ImGui::SetCursorPos(ImVec2(x0 + col, y0));
    } else {
        VSpace(6);
    }
    ImGui::BeginGroup();
    // TRANSLATORS: a label on a person's card; their department follows.
    Label(f.small, color::kTextMuted, tr("Department"));
    Paragraph(f.body, color::kText, row.department.empty() ? std::string("—") : row.department, wide ? col - 16 : inner);
    ImGui::EndGroup();
    if (wide) {
        ImGui::SetCursorPos(ImVec2(x0 + 2 * col, y0));
    } else {
        VSpace(6);
    }
    ImGui::BeginGroup();
    // TRANSLATORS: a label on a person's card; their manager follows (who approves their requests).
    Label(f.small, color::kTextMuted, tr("Manager"));
    Paragraph(f.body, row.has_manager ? color::kText : color::kTextMuted, row.manager, wide ? inner - 2 * col - 90 : inner);
    ImGui::EndGroup();
    if (!row.editing) {
        if (wide) {
            ImGui::SetCursorPos(ImVec2(x0 + inner - 70, y0 + 4));
        } else {
            VSpace(8);
        }
        if (Button((std::string(tr("Edit")) + "###person_edit_" + n).c_str(), ButtonKind::secondary, ImVec2(70, 34)))
            actions.EditPerson(row.id);
        EndCard();
        return;
    }
    VSpace(12);
    Divider(inner);
    VSpace(10);
    const bool side = inner >= 2 * 220 + 16;
    const float field_w = side ? std::min(320.0f, (inner - 16) * 0.5f) : inner;
    std::string department = row.draft_department, manager = row.draft_manager;
    const ImVec2 field_at = ImGui::GetCursorPos();
    if (PersonField("##person_department_" + n, tr("Department"), tr("e.g. Finance"), &department, field_w,
                    static_cast<int>(limits::kMaxDepartment), row.error_field == "department", row.saving))
        actions.EditPersonDepartment(row.id, department);
    // Side by side, top-aligned: placed on a fresh line (SameLine would align the label to the
    // field's text baseline).
    if (side) ImGui::SetCursorPos(ImVec2(field_at.x + field_w + 16, field_at.y));
    else VSpace(8);
    // TRANSLATORS: the field for a person's manager, by username.
    if (PersonField("##person_manager_" + n, tr("Manager's username"), tr("Empty: no manager"), &manager, field_w,
                    static_cast<int>(limits::kMaxUsername), row.error_field == "manager", row.saving))
        actions.EditPersonManager(row.id, manager);
    if (!row.error.empty()) {
        VSpace(4);
        Paragraph(f.small, color::kDanger, row.error, inner);
        hooks::DescribeLastItem(row.error);
    }
    VSpace(10);
    if (Button((std::string(row.saving ? tr("Saving…") : tr("Save")) + "###person_save_" + n).c_str(), ButtonKind::primary,
               ImVec2(0, 36), row.can_save, row.saving))
        actions.SavePerson(row.id);
    ImGui::SameLine(0, 10);
    if (Button((std::string(tr("Cancel")) + "###person_cancel_" + n).c_str(), ButtonKind::ghost, ImVec2(0, 36), !row.saving))
        actions.CloseEditor(row.id);
    EndCard();
}

}  // namespace

void DrawPeople(const PeopleViewModel& vm, UiState& ui, client::Actions& actions) {
    const Fonts& f = GetFonts();
    const float w = std::min(ui.content_width, 960.0f);
    Paragraph(f.h1, color::kText, tr("People"), w);
    Paragraph(f.body, color::kTextSecondary,
              tr("Departments and managers. A person's manager approves their requests when a catalog item asks for it."), w);
    VSpace(12);
    std::string search = vm.search;
    TextInputOptions o;
    o.placeholder = tr("Search by name, username or department…");
    o.width = std::min(w, 480.0f);
    o.max_chars = static_cast<int>(limits::kMaxSearchQuery);
    o.hook_label = tr("Search people");
    o.escape_clears = true;
    if (ui.route_changed) ImGui::SetKeyboardFocusHere();
    if (TextInput("##people_search", &search, o).edited) actions.SearchPeople(search);
    VSpace(10);
    if (vm.load.status == client::ViewStatus::failed && vm.rows.empty()) {
        if (ErrorPanel("people_error", tr("People didn't load"), vm.load.error, vm.load.retryable, w)) actions.Retry();
        return;
    }
    if (vm.load.status == client::ViewStatus::loading && vm.rows.empty()) {
        for (int i = 0; i < 4; ++i) Skeleton(ImVec2(w, 72), 12);
        return;
    }
    Label(f.small_semibold, color::kTextMuted, vm.summary);
    VSpace(6);
    {
        A11yGroup list("list", tr("People"), "people");
        for (const PersonRowViewModel& row : vm.rows) {
            DrawPerson(row, w, actions);
            VSpace(10);
        }
    }
    if (vm.has_prev || vm.has_next) {
        if (Button(L("Previous", "people_prev").c_str(), ButtonKind::secondary, ImVec2(0, 36), vm.has_prev)) actions.PeoplePage(vm.page - 1);
        ImGui::SameLine(0, 12);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 9);
        Label(f.small, color::kTextMuted, vm.page_label);
        ImGui::SameLine(0, 12);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 9);
        if (Button(L("Next", "people_next").c_str(), ButtonKind::secondary, ImVec2(0, 36), vm.has_next)) actions.PeoplePage(vm.page + 1);
    }
}

}  // namespace spoc::ui
