// The agents' queue (#/queue): view tabs (Mine, My groups, Unassigned, All open, Breaching soon,
// Pending), a table of open requests soonest-due first with who works on each and its SLA
// countdown, and paging. Staff only; others get "not found".
#include <algorithm>

#include "client/ui/screens.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"
#include "imgui_internal.h"

namespace spoc::ui {

using namespace spoc::client;

void DrawQueue(const QueueViewModel& vm, UiState& ui, Actions& actions) {
    if (!vm.allowed) {
        DrawNotFound(ui, actions);
        return;
    }
    const Fonts& f = GetFonts();
    const float w = ui.content_width;
    Label(f.h1, color::kText, "Queue");
    Paragraph(f.body, color::kTextSecondary, "Open requests, the ones due soonest first.", w);
    VSpace(12);

    std::vector<std::string> labels;
    std::vector<const char*> ptrs;
    int selected = 0;
    for (const QueueTab& tab : vm.tabs) labels.push_back(tab.label + "##queue_" + tab.view);
    for (size_t i = 0; i < labels.size(); ++i) {
        ptrs.push_back(labels[i].c_str());
        if (vm.tabs[i].selected) selected = static_cast<int>(i);
    }
    if (SegmentedControl("queue_views", ptrs.data(), static_cast<int>(ptrs.size()), &selected))
        actions.SetQueueView(vm.tabs[static_cast<size_t>(selected)].view);
    if (vm.load.refreshing) {
        ImGui::SameLine(0, 14);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 10);
        Spinner(9, 2, color::kAccent);
    }
    VSpace(14);
    if (vm.load.status == ViewStatus::failed) {
        if (ErrorPanel("queue_error", "The queue didn't load", vm.load.error, vm.load.retryable, w)) actions.Retry();
        return;
    }

    struct Column {
        const char* title;
        float width;  // 0: the rest
    };
    std::vector<Column> cols = {{"Number", 120}, {"Summary", 0}, {"Status", 150}, {"Priority", 118},
                                {"Assignee", 140}, {"Resolution due", 150}};
    if (w < 1000) cols.erase(cols.begin() + 4);
    if (w < 760) cols.erase(cols.begin() + 3);
    const float pad = 20.0f;
    float fixed = 0;
    for (const Column& c : cols) fixed += c.width;
    const float summary_w = std::max(120.0f, w - 2 * pad - fixed);

    BeginCard("queue_table", w, 0.0f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    dl->AddRectFilled(origin, ImVec2(origin.x + w, origin.y + 44), color::kSurfaceHover, 12.0f, ImDrawFlags_RoundCornersTop);
    dl->AddLine(ImVec2(origin.x, origin.y + 44), ImVec2(origin.x + w, origin.y + 44), color::kBorder);
    float hx = origin.x + pad;
    for (const Column& c : cols) {
        DrawTextAt(dl, f.small_semibold, ImVec2(hx, origin.y + 14), color::kTextMuted, c.title);
        hx += c.width > 0 ? c.width : summary_w;
    }
    ImGui::Dummy(ImVec2(w, 44));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y);

    const float row_h = 56.0f;
    if (vm.load.status == ViewStatus::loading) {
        for (int i = 0; i < 6; ++i) {
            const ImVec2 p = ImGui::GetCursorScreenPos();
            ImGui::SetCursorScreenPos(ImVec2(p.x + pad, p.y + 20));
            Skeleton(ImVec2(w - 2 * pad, 14));
            ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + row_h));
        }
        VSpace(4);
    } else if (vm.rows.empty()) {
        VSpace(28);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + pad);
        Paragraph(f.body, color::kTextSecondary, vm.empty_text, w - 2 * pad);
        VSpace(24);
    } else {
        // Only the rows in view are drawn: a page of 50 costs the same as a page of 5.
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(vm.rows.size()), row_h);
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const QueueRowViewModel& row = vm.rows[static_cast<size_t>(i)];
                const ImVec2 p = ImGui::GetCursorScreenPos();
                const std::string label = row.number + "##qrow_" + std::to_string(row.id.value);
                if (ImGui::InvisibleButton(label.c_str(), ImVec2(w, row_h))) actions.OpenRequest(row.id);
                const bool hovered = ImGui::IsItemHovered();
                if (hovered) {
                    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + row_h), color::kSurfaceHover);
                    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                }
                ImGui::RenderNavHighlight(ImRect(p, ImVec2(p.x + w, p.y + row_h)), ImGui::GetItemID());
                dl->AddLine(ImVec2(p.x, p.y + row_h - 0.5f), ImVec2(p.x + w, p.y + row_h - 0.5f), color::kBorder);
                float x = p.x + pad;
                for (const Column& c : cols) {
                    const float cw = c.width > 0 ? c.width : summary_w;
                    const std::string_view title = c.title;
                    if (title == "Number") {
                        DrawTextClipped(dl, f.body_semibold, ImVec2(x, p.y + 18), hovered ? color::kAccent : color::kText,
                                        row.number, cw - 12);
                    } else if (title == "Summary") {
                        DrawTextClipped(dl, f.body, ImVec2(x, p.y + 9), color::kText, row.summary, cw - 16);
                        DrawTextClipped(dl, f.small, ImVec2(x, p.y + 31), color::kTextMuted,
                                        row.requester + (row.group.empty() ? "" : " \xC2\xB7 " + row.group), cw - 16);
                    } else if (title == "Status") {
                        DrawBadge(dl, ImVec2(x, p.y + 17), row.status, row.status_tone);
                    } else if (title == "Priority") {
                        DrawTextClipped(dl, f.small, ImVec2(x, p.y + 20), color::kTextSecondary, row.priority, cw - 12);
                    } else if (title == "Assignee") {
                        DrawTextClipped(dl, f.small, ImVec2(x, p.y + 20), row.assignee.empty() ? color::kTextMuted : color::kText,
                                        row.assignee.empty() ? "Unassigned" : row.assignee, cw - 12);
                    } else if (!row.due.empty()) {
                        DrawBadge(dl, ImVec2(x, p.y + 17), row.due, row.due_tone);
                    }
                    x += cw;
                }
            }
        }
        clipper.End();
    }
    EndCard();
    VSpace(12);
    if (!vm.range.empty()) {
        const float row_y = ImGui::GetCursorPosY();
        ImGui::SetCursorPosY(row_y + 8);
        Label(f.small, color::kTextMuted, vm.range);
        ImGui::SameLine(0, 16);
        ImGui::SetCursorPosY(row_y);
        if (Button("Previous##queue_prev", ButtonKind::secondary, ImVec2(0, 32), vm.has_prev)) actions.SetPage(vm.page - 1);
        ImGui::SameLine(0, 8);
        ImGui::SetCursorPosY(row_y);
        if (Button("Next##queue_next", ButtonKind::secondary, ImVec2(0, 32), vm.has_next)) actions.SetPage(vm.page + 1);
    }
}

}  // namespace spoc::ui
