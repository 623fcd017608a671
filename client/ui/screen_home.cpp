// Portal home: greeting by time of day, the big catalog search, the catalog grouped by
// department, and a side panel with the employee's open requests.
#include <algorithm>

#include "client/ui/item_hooks.h"
#include "client/ui/screens.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"
#include "imgui_internal.h"
#include "shared/domain/i18n.h"

namespace spoc::ui {

using namespace spoc::client;
using i18n::FormatInt;
using i18n::tr;

namespace {

void DrawOpenRequests(const HomeViewModel& vm, float width, Actions& actions) {
    const Fonts& f = GetFonts();
    const float pad = 20.0f;
    const float inner = width - 2 * pad;
    BeginCard("open_requests", width, pad);
    Label(f.h3, color::kText, tr("My open requests"));
    if (vm.open_load.status == ViewStatus::ready && vm.open_total > 0) {
        ImGui::SameLine(0, 8);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 1);
        Badge(FormatInt(vm.open_total), Tone::info);
    }
    VSpace(2);
    if (vm.open_load.status == ViewStatus::loading) {
        for (int i = 0; i < 3; ++i) {
            Skeleton(ImVec2(inner * 0.4f, 12));
            Skeleton(ImVec2(inner, 16));
            VSpace(6);
        }
    } else if (vm.open_load.status == ViewStatus::failed) {
        Paragraph(f.body, color::kTextSecondary, vm.open_load.error, inner);
        if (Button(L("Retry", "retry_open").c_str(), ButtonKind::secondary)) actions.Retry();
    } else if (vm.open_requests.empty()) {
        Paragraph(f.body, color::kTextSecondary, tr("Nothing open. Requests you raise from the catalog show up here while the team works on them."), inner);
    } else {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        // TRANSLATORS: the name screen readers give the home page's list of open requests.
        A11yGroup list("list", tr("Your open requests"));
        for (size_t i = 0; i < vm.open_requests.size(); ++i) {
            const RequestRowViewModel& row = vm.open_requests[i];
            const ImVec2 pos = ImGui::GetCursorScreenPos();
            const ImVec2 size(inner + 16, 56);
            ImGui::SetCursorScreenPos(ImVec2(pos.x - 8, pos.y));
            const std::string label = row.number + "##open_" + std::to_string(row.id.value);
            A11yGroup item("listitem");
            if (ImGui::InvisibleButton(label.c_str(), size)) actions.OpenRequest(row.id);
            hooks::SetLastItemRole("link");
            const bool hovered = ImGui::IsItemHovered();
            if (hovered) {
                dl->AddRectFilled(ImVec2(pos.x - 8, pos.y), ImVec2(pos.x - 8 + size.x, pos.y + size.y), color::kSurfaceHover, 8.0f);
                ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            }
            ImGui::RenderNavHighlight(ImRect(ImVec2(pos.x - 8, pos.y), ImVec2(pos.x - 8 + size.x, pos.y + size.y)), ImGui::GetItemID());
            const ImVec2 bs = BadgeSize(row.status);
            DrawTextAt(dl, f.small_semibold, ImVec2(pos.x, pos.y + 6), color::kTextMuted, row.number);
            DrawBadge(dl, ImVec2(pos.x + inner - bs.x, pos.y + 3), row.status, row.status_tone);
            DrawTextClipped(dl, f.body_semibold, ImVec2(pos.x, pos.y + 26), hovered ? color::kAccent : color::kText, row.summary,
                            inner - 70);
            A11yText(row.status, ImVec2(pos.x + inner - bs.x, pos.y + 3), ImVec2(pos.x + inner, pos.y + 3 + bs.y));
            A11yText(row.summary, ImVec2(pos.x, pos.y + 24), ImVec2(pos.x + inner - 70, pos.y + 48));
            const ImVec2 us = MeasureText(f.small, row.updated);
            DrawTextAt(dl, f.small, ImVec2(pos.x + inner - us.x, pos.y + 29), color::kTextMuted, row.updated);
            if (i + 1 < vm.open_requests.size())
                dl->AddLine(ImVec2(pos.x, pos.y + size.y + 3.5f), ImVec2(pos.x + inner, pos.y + size.y + 3.5f), color::kBorder);
            ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + size.y + (i + 1 < vm.open_requests.size() ? 8.0f : 0.0f)));
        }
    }
    Divider(inner);
    VSpace(2);
    Route all;
    all.screen = Screen::requests;
    if (LinkButton(L("View all my requests →", "all_requests").c_str())) actions.Navigate(all);
    VSpace(6);
    Route desks;
    desks.screen = Screen::desks;
    // TRANSLATORS: a link to the walk-up desks page (join the queue on the way, book a time).
    if (LinkButton(L("Get help in person at a walk-up desk →", "home_desks").c_str())) actions.Navigate(desks);
    EndCard();
}

}  // namespace

void DrawHome(const HomeViewModel& vm, UiState& ui, Actions& actions) {
    const Fonts& f = GetFonts();
    const float w = ui.content_width;

    // Hero band across the whole window behind the greeting and the search box.
    {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 wp = ImGui::GetWindowPos();
        const float top = ImGui::GetCursorScreenPos().y - 28;
        const float bottom = top + 232;
        dl->AddRectFilledMultiColor(ImVec2(wp.x, top), ImVec2(wp.x + ImGui::GetWindowWidth(), bottom), color::kAccentSoft,
                                    color::kHeroTint, color::kPage, color::kPage);
    }
    VSpace(12);
    Paragraph(f.h1, color::kText, vm.greeting, w);  // wrapped: long names and languages on phones
    Paragraph(f.body, color::kTextSecondary, vm.subtitle, w);
    VSpace(14);
    DrawSearchBox(vm.catalog.search, std::min(w, 720.0f), actions);
    VSpace(40);
    if (vm.survey.visible) {
        DrawSurveyBanner(vm.survey, std::min(w, 820.0f), actions);
        VSpace(28);
    }

    const bool two_columns = w >= 940;
    const float side_w = two_columns ? 340.0f : w;
    const float main_w = two_columns ? w - side_w - 32.0f : w;
    if (!two_columns) {
        DrawOpenRequests(vm, w, actions);
        VSpace(28);
    }
    ImGui::BeginGroup();
    DrawCatalogBrowser(vm.catalog, main_w, main_w >= 680 ? 2 : 1, actions);
    ImGui::EndGroup();
    if (two_columns) {
        ImGui::SameLine(0, 32);
        ImGui::BeginGroup();
        DrawOpenRequests(vm, side_w, actions);
        ImGui::EndGroup();
    }
}

}  // namespace spoc::ui
