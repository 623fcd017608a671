// The agents' queue (#/queue): view tabs (Mine, My groups, Unassigned, All open, Breaching soon,
// Pending), a search box and filters, sortable column headers, and one scrolling list of every
// request in the view (rows are built and drawn only while on screen; their blocks load as they
// scroll in). Tick rows for a bulk change; j/k move, Enter opens, r replies, x ticks, a assigns to me.
// Staff only; others get "not found".
#include <algorithm>
#include <iterator>
#include <optional>

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
using i18n::trc;

namespace {

constexpr float kRowHeight = 52.0f;
constexpr float kHeaderHeight = 42.0f;
constexpr float kPad = 16.0f;
constexpr float kTickWidth = 36.0f;

struct Column {
    const QueueColumnViewModel* vm;
    float width;  // 0: the rest
};

// The row's cells, drawn straight into the draw list (no widgets: cheap per frame).
void DrawRowCells(ImDrawList* dl, const QueueRowViewModel& row, const std::vector<Column>& cols, float summary_w, ImVec2 p,
                  bool hovered) {
    const Fonts& f = GetFonts();
    bool number_shown = false;  // phones drop the Number column: the number leads the summary's second line
    for (const Column& c : cols) number_shown = number_shown || c.vm->title == "Number";
    float x = p.x + kPad + kTickWidth;
    for (const Column& c : cols) {
        const float cw = c.width > 0 ? c.width : summary_w;
        const std::string& title = c.vm->title;
        const ImVec2 cmin(x, p.y), cmax(x + cw, p.y + kRowHeight);  // the cell, for the screen-reader mirror
        if (title == "Number") {
            DrawTextClipped(dl, f.body_semibold, ImVec2(x, p.y + 16), hovered ? color::kAccent : color::kText, row.number, cw - 12);
            // the mirror's Number cell is the row's link (drawn by DrawQueue)
        } else if (title == "Summary") {
            DrawTextClipped(dl, f.body, ImVec2(x, p.y + 7), color::kText, row.summary, cw - 16);
            const std::string meta = (number_shown ? std::string() : row.number + " \xC2\xB7 ") + row.requester +
                                     (row.group.empty() ? "" : " \xC2\xB7 " + row.group);
            DrawTextClipped(dl, f.small, ImVec2(x, p.y + 29), color::kTextMuted, meta, cw - 16);
            A11yGroup cell("cell");
            A11yText(row.summary, cmin, ImVec2(cmax.x, p.y + 27));
            A11yText(meta, ImVec2(cmin.x, p.y + 27), cmax);
        } else if (title == "Status") {
            DrawBadge(dl, ImVec2(x, p.y + 15), row.status, row.status_tone);
            A11yText(row.status, cmin, cmax, "cell");
        } else if (title == "Priority") {
            const ImU32 col = row.priority_tone == Tone::danger    ? color::kDanger
                              : row.priority_tone == Tone::warning ? color::kWarning
                                                                   : color::kTextSecondary;
            DrawTextClipped(dl, f.small, ImVec2(x, p.y + 18), col, row.priority, cw - 12);
            A11yText(row.priority, cmin, cmax, "cell");
        } else if (title == "Assignee") {
            // TRANSLATORS: the Assignee cell of a request nobody is assigned to.
            const std::string who = row.assignee.empty() ? std::string(tr("Unassigned")) : row.assignee;
            DrawTextClipped(dl, f.small, ImVec2(x, p.y + 18), row.assignee.empty() ? color::kTextMuted : color::kText, who, cw - 12);
            A11yText(who, cmin, cmax, "cell");
        } else if (title == "Updated") {
            DrawTextClipped(dl, f.small, ImVec2(x, p.y + 18), color::kTextSecondary, row.updated, cw - 12);
            A11yText(row.updated, cmin, cmax, "cell");
        } else {
            if (!row.due.empty()) DrawBadge(dl, ImVec2(x, p.y + 15), row.due, row.due_tone);
            A11yText(row.due.empty() ? std::string_view("\xE2\x80\x94") : std::string_view(row.due), cmin, cmax, "cell");
        }
        x += cw;
    }
    if (row.busy) DrawSpinner(dl, ImVec2(p.x + kPad + kTickWidth - 12, p.y + kRowHeight * 0.5f), 5, 1.6f, color::kAccent);
}

void DrawToolbar(const QueueViewModel& vm, float w, Actions& actions) {
    const Fonts& f = GetFonts();
    const bool narrow = w < 640;  // phones: the search on its own line, the two filters under it
    const float x0 = ImGui::GetCursorPosX();
    float y = ImGui::GetCursorPosY();
    std::string search = vm.search;
    TextInputOptions o;
    o.placeholder = tr("Search requests…");
    o.width = narrow ? w : std::min(340.0f, w * 0.4f);
    o.max_chars = 100;
    o.escape_clears = true;
    o.hook_label = tr("Search the queue");
    if (ImGui::IsKeyPressed(ImGuiKey_Slash, false) && !ImGui::GetIO().WantTextInput) ImGui::SetKeyboardFocusHere();
    const TextInputResult r = TextInput("##queue_search", &search, o);
    if (r.edited) actions.EditQueueSearch(search);
    if (r.submitted) actions.ApplyQueueSearch();

    // Built each frame, in the current language (the names below are the API's and stay as they are).
    // TRANSLATORS: the queue's priority filter: no filter, then the five priorities.
    const std::vector<std::string> priority_labels = {tr("Any priority"), tr("P1 Critical"), tr("P2 High"), tr("P3 Moderate"),
                                                      tr("P4 Low"),       tr("P5 Planning")};
    static const char* priority_names[] = {"", "critical", "high", "moderate", "low", "planning"};
    // TRANSLATORS: the queue's status filter: no filter, then request statuses.
    const std::vector<std::string> status_labels = {tr("Any status"), trc("status", "New"), trc("status", "Assigned"),
                                                    trc("status", "In progress"), trc("status", "Pending")};
    static const char* status_names[] = {"", "new", "assigned", "in_progress", "pending"};
    int priority = 0, status = 0;
    for (int i = 0; i < 6; ++i)
        if (vm.priority_filter == priority_names[i]) priority = i;
    for (int i = 0; i < 5; ++i)
        if (vm.status_filter == status_names[i]) status = i;
    const float filter_w = narrow ? (w - 10) * 0.5f : 150.0f;
    if (narrow) {
        y = ImGui::GetCursorPosY() + 2;
    } else {
        ImGui::SameLine(0, 10);
    }
    ImGui::SetCursorPosY(y + 1);
    if (Dropdown("##queue_priority", tr("Priority"), priority_labels, &priority, filter_w))
        actions.SetQueueFilter(priority_names[priority], vm.status_filter);
    ImGui::SameLine(0, 10);
    ImGui::SetCursorPosY(y + 1);
    if (Dropdown("##queue_status", tr("Status"), status_labels, &status, filter_w))
        actions.SetQueueFilter(vm.priority_filter, status_names[status]);
    if (w > 900) {
        // TRANSLATORS: keyboard shortcuts of the queue; the keys (j, k, Enter, r, x, a, /) stay as they are.
        const char* hint = tr("j / k move · Enter open · r reply · x tick · a assign to me · / search");
        ImGui::SameLine(x0 + w - MeasureText(f.small, hint).x);
        ImGui::SetCursorPosY(y + 12);
        Label(f.small, color::kTextMuted, hint);
    }
}

void DrawBulkBar(const QueueViewModel& vm, float w, Actions& actions) {
    const Fonts& f = GetFonts();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetFrameHeight();
    struct BulkButton {
        std::string label;
        ButtonKind kind;
        float width = 0;
        ImVec2 at;
    };
    // Bulk actions on the ticked requests ("In progress" and "Awaiting requester" set that status).
    BulkButton buttons[] = {{L("Assign to me", "bulk_assign_me"), ButtonKind::primary, 0, {}},
                            {L("Unassign", "bulk_unassign"), ButtonKind::secondary, 0, {}},
                            {std::string(trc("status", "In progress")) + "###bulk_in_progress", ButtonKind::secondary, 0, {}},
                            {L("Awaiting requester", "bulk_pending"), ButtonKind::secondary, 0, {}},
                            {std::string(trc("verb", "Resolve")) + "###bulk_resolved", ButtonKind::secondary, 0, {}},
                            // TRANSLATORS: unticks every ticked request in the queue.
                            {L("Clear", "bulk_clear"), ButtonKind::ghost, 0, {}}};
    // Lay the buttons out first (they flow onto more lines on a phone), then draw the bar behind them.
    // TRANSLATORS: how many requests are ticked in the queue.
    const std::string count = Plural("{0} selected", "{0} selected", vm.selected_count);
    float x = 10 + MeasureText(f.body_semibold, count).x + 10, y = 0;
    for (BulkButton& b : buttons) {
        const char* label = b.label.c_str();
        const char* end = ImGui::FindRenderedTextEnd(label);
        b.width = MeasureText(f.body_semibold, std::string_view(label, static_cast<size_t>(end - label))).x + 34.0f;
        if (x + b.width > w) {
            x = 0;
            y += h + 8;
        }
        b.at = ImVec2(p.x + x, p.y + y);
        x += b.width + 10;
    }
    const float bar_h = y + h;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x - 4, p.y - 4), ImVec2(p.x + w + 4, p.y + bar_h + 4), color::kAccentSoft, 8.0f);
    ImGui::SetCursorScreenPos(ImVec2(p.x + 10, p.y + (h - Px(f.body_semibold)) * 0.5f - 1));
    Label(f.body_semibold, color::kText, count);
    const bool on = !vm.bulk_busy;
    for (size_t i = 0; i < std::size(buttons); ++i) {
        ImGui::SetCursorScreenPos(buttons[i].at);
        if (!Button(buttons[i].label.c_str(), buttons[i].kind, ImVec2(buttons[i].width, h), on)) continue;
        switch (i) {
            case 0: actions.BulkAssign(vm.me); break;
            case 1: actions.BulkAssign(UserId()); break;
            case 2: actions.BulkStatus(Status::in_progress); break;
            case 3: actions.BulkStatus(Status::pending, PendingReason::requester); break;
            case 4: actions.BulkStatus(Status::resolved); break;
            default: actions.SelectLoadedQueueRows(false); break;
        }
    }
    const BulkButton& last = buttons[std::size(buttons) - 1];
    const ImVec2 after(last.at.x + last.width + 12, last.at.y);
    if (vm.bulk_busy) {
        ImGui::SetCursorScreenPos(ImVec2(after.x, after.y + h * 0.5f - 8));
        Spinner(8, 2, color::kAccent);
    } else if (!vm.bulk_error.empty()) {
        // One line beside the buttons (the full text is in the tooltip): the bar keeps its height.
        const float room = p.x + w - after.x;
        ImGui::SetCursorScreenPos(ImVec2(after.x, after.y + (h - Px(f.small)) * 0.5f));
        TextEllipsis(f.small, color::kDanger, vm.bulk_error, std::max(40.0f, room - 8));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", vm.bulk_error.c_str());
    }
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + bar_h));
    ImGui::Dummy(ImVec2(w, 0));
}

// j / k / Enter / x / a, when no text field has the keyboard.
void HandleKeys(const QueueViewModel& vm, const QueueRowSource& rows, Actions& actions) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId) || io.KeyCtrl || io.KeySuper || io.KeyAlt)
        return;
    if (ImGui::IsKeyPressed(ImGuiKey_J)) actions.MoveQueueCursor(1);
    if (ImGui::IsKeyPressed(ImGuiKey_K)) actions.MoveQueueCursor(-1);
    if (vm.cursor < 0) return;
    if (ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_O, false)) actions.OpenQueueCursor();
    if (ImGui::IsKeyPressed(ImGuiKey_A, false)) actions.AssignQueueCursorToMe();
    if (ImGui::IsKeyPressed(ImGuiKey_R, false)) actions.ReplyToQueueCursor();
    if (ImGui::IsKeyPressed(ImGuiKey_X, false))
        if (std::optional<QueueRowViewModel> row = rows(vm.cursor)) actions.ToggleQueueSelected(row->id);
}

}  // namespace

void DrawQueue(const QueueViewModel& vm, const QueueRowSource& rows, UiState& ui, Actions& actions) {
    if (!vm.allowed) {
        DrawNotFound(ui, actions);
        return;
    }
    const Fonts& f = GetFonts();
    const float w = ui.content_width;
    Label(f.h1, color::kText, tr("Queue"));
    ImGui::SameLine(0, 20);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 12);
    // TRANSLATORS: downloads every request of the queue's view and filters as a CSV file.
    if (LinkButton(L("Download CSV", "queue_csv").c_str(), f.small_semibold)) actions.QueueCsv();
    // TRANSLATORS: {0} is how many requests the queue view holds, e.g. "1,204 requests".
    Paragraph(f.body, color::kTextSecondary,
              vm.count_text.empty() ? std::string(tr("Open requests, the ones due soonest first.")) : Format(tr("{0} in this view."), {vm.count_text}),
              w);
    VSpace(12);
    if (!vm.report_text.empty()) {
        // TRANSLATORS: the button that leaves a report's slice for the queue's views.
        if (Notice("queue_report", NoticeKind::info, vm.report_text, tr("Show the whole queue"), w)) actions.SetQueueView("open");
        VSpace(12);
    }

    std::vector<std::string> labels;
    std::vector<const char*> ptrs;
    int selected = 0;
    for (const QueueTab& tab : vm.tabs) labels.push_back(tab.label + "##queue_" + tab.view);
    for (size_t i = 0; i < labels.size(); ++i) {
        ptrs.push_back(labels[i].c_str());
        if (vm.tabs[i].selected) selected = static_cast<int>(i);
    }
    if (w >= 720) {
        if (SegmentedControl("queue_views", ptrs.data(), static_cast<int>(ptrs.size()), &selected))
            actions.SetQueueView(vm.tabs[static_cast<size_t>(selected)].view);
    } else {  // six tabs don't fit a phone: the same views in a dropdown
        std::vector<std::string> names;
        for (const QueueTab& tab : vm.tabs) names.push_back(tab.label);
        // TRANSLATORS: name of the dropdown that picks one of the queue's views (Mine, My groups, Unassigned...).
        if (Dropdown("##queue_view_pick", trc("noun", "View"), names, &selected, w))
            actions.SetQueueView(vm.tabs[static_cast<size_t>(selected)].view);
    }
    if (vm.load.refreshing) {
        ImGui::SameLine(0, 14);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 10);
        Spinner(9, 2, color::kAccent);
    }
    VSpace(12);
    // Ticked rows swap the search and filters for the bulk actions, in the same height, so the
    // list never moves under the pointer.
    if (vm.selected_count > 0) DrawBulkBar(vm, w, actions);
    else DrawToolbar(vm, w, actions);
    VSpace(12);
    if (vm.load.status == ViewStatus::failed) {
        if (ErrorPanel("queue_error", tr("The queue didn't load"), vm.load.error, vm.load.retryable, w)) actions.Retry();
        return;
    }
    HandleKeys(vm, rows, actions);

    std::vector<Column> cols;
    for (const QueueColumnViewModel& c : vm.columns) {
        const std::string& t = c.title;
        const float width = t == "Number" ? 116 : t == "Summary" ? 0 : t == "Status" ? 150 : t == "Priority" ? 116
                            : t == "Assignee" ? 140 : t == "Updated" ? 104 : 150;
        if (t == "Updated" && w < 1080) continue;
        if (t == "Assignee" && w < 980) continue;
        if (t == "Priority" && w < 760) continue;
        if (t == "Status" && w < 560) continue;
        if (t == "Number" && w < 560) continue;
        cols.push_back({&c, width});
    }
    float fixed = kTickWidth + 2 * kPad;
    for (const Column& c : cols) fixed += c.width;
    const float summary_w = std::max(120.0f, w - fixed);

    BeginCard("queue_table", w, 0.0f);
    // The mirror: a table with a header row and one row per request drawn (aria-rowcount tells the
    // whole queue's size, aria-rowindex each row's place, as only the rows in view are built).
    std::optional<A11yGroup> table;
    std::string table_name = tr("Queue");
    for (const QueueTab& tab : vm.tabs)
        if (tab.selected) table_name = tab.label;
    table.emplace("table", table_name, "queue_table", vm.total + 1);
    std::optional<A11yGroup> header_row;
    header_row.emplace("row", "", "queue_header", 1);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    dl->AddRectFilled(origin, ImVec2(origin.x + w, origin.y + kHeaderHeight), color::kSurfaceHover, 12.0f,
                      ImDrawFlags_RoundCornersTop);
    dl->AddLine(ImVec2(origin.x, origin.y + kHeaderHeight), ImVec2(origin.x + w, origin.y + kHeaderHeight), color::kBorder);
    // The header: tick-all, then the column titles; sortable ones are buttons with an arrow.
    ImGui::SetCursorScreenPos(ImVec2(origin.x + kPad, origin.y + 10));
    bool all = vm.all_loaded_selected;
    {
        A11yGroup cell("columnheader");
        if (StyledCheckbox("##queue_select_all", &all)) actions.SelectLoadedQueueRows(all);
        hooks::AnnotateLastItem(tr("Select all loaded requests"));
    }
    bool number_shown = false;  // phones drop the Number column: the rows' links get a header of their own
    for (const Column& c : cols) number_shown = number_shown || c.vm->title == "Number";
    if (!number_shown) {
        A11yGroup cell("columnheader");
        // TRANSLATORS: the column of the agent queue's table that holds each request's link (screen readers).
        A11yText(trc("column", "Request"), origin, ImVec2(origin.x + 1, origin.y + kHeaderHeight));
    }
    float hx = origin.x + kPad + kTickWidth;
    for (const Column& c : cols) {
        const float cw = c.width > 0 ? c.width : summary_w;
        const QueueColumnViewModel& col = *c.vm;
        A11yGroup cell("columnheader");
        const std::string_view title = tr(col.title.c_str());  // the view-model's English title, marked there with N_
        ImU32 text_color = col.sorted ? color::kText : color::kTextMuted;
        if (!col.sort.empty()) {
            ImGui::SetCursorScreenPos(ImVec2(hx - 6, origin.y + 4));
            const std::string id = std::string(title) + "###sort_" + col.sort;
            if (ImGui::InvisibleButton(id.c_str(), ImVec2(std::min(cw - 4, MeasureText(f.small_semibold, title).x + 30), 34)))
                actions.SortQueue(col.sort);
            if (ImGui::IsItemHovered()) {
                ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                text_color = color::kAccent;
            }
        }
        DrawTextAt(dl, f.small_semibold, ImVec2(hx, origin.y + 13), text_color, title);
        if (col.sort.empty()) A11yText(title, ImVec2(hx, origin.y), ImVec2(hx + cw, origin.y + kHeaderHeight));
        if (col.sorted) {
            // A small triangle: up for ascending, down for descending.
            const float ax = hx + MeasureText(f.small_semibold, title).x + 9, ay = origin.y + kHeaderHeight * 0.5f;
            if (col.descending)
                dl->AddTriangleFilled(ImVec2(ax - 4, ay - 2), ImVec2(ax + 4, ay - 2), ImVec2(ax, ay + 3), color::kText);
            else
                dl->AddTriangleFilled(ImVec2(ax - 4, ay + 2), ImVec2(ax + 4, ay + 2), ImVec2(ax, ay - 3), color::kText);
        }
        hx += cw;
    }
    header_row.reset();
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + kHeaderHeight));

    if (vm.load.status == ViewStatus::loading) {
        for (int i = 0; i < 6; ++i) {
            const ImVec2 p = ImGui::GetCursorScreenPos();
            ImGui::SetCursorScreenPos(ImVec2(p.x + kPad, p.y + 20));
            Skeleton(ImVec2(w - 2 * kPad, 14));
            ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + kRowHeight));
        }
        VSpace(4);
    } else if (vm.total == 0) {
        table.reset();  // the empty state is not part of the table
        VSpace(28);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + kPad);
        Paragraph(f.body, color::kTextSecondary, vm.empty_text, w - 2 * kPad);
        VSpace(24);
    } else {
        // The rows scroll in their own region that fills the window, with the header kept in
        // place; only the rows in view are built and drawn, so 100,000 cost what 15 do.
        // Down to the page's bottom margin (VSpace(56) in DrawApp, the card's border, spacing).
        const float bottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight();
        const float room = std::max(4 * kRowHeight, bottom - ImGui::GetCursorScreenPos().y - 56.0f - 24.0f);
        const float list_h = std::min(room, vm.total * kRowHeight);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
        ImGui::BeginChild("queue_rows", ImVec2(w, list_h), ImGuiChildFlags_None, ImGuiWindowFlags_NavFlattened);
        ImGui::PopStyleVar();
        if (vm.scroll_to_cursor && vm.cursor >= 0) {
            const float top = vm.cursor * kRowHeight;
            if (top < ImGui::GetScrollY()) ImGui::SetScrollY(top);
            else if (top + kRowHeight > ImGui::GetScrollY() + list_h) ImGui::SetScrollY(top + kRowHeight - list_h);
        }
        ImDrawList* rdl = ImGui::GetWindowDrawList();
        ImGuiListClipper clipper;
        clipper.Begin(vm.total, kRowHeight);
        int first = -1, last = -1;
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const ImVec2 p = ImGui::GetCursorScreenPos();
                if (first < 0) first = i;
                last = i;
                const std::optional<QueueRowViewModel> row = rows(i);
                if (!row) {
                    ImGui::SetCursorScreenPos(ImVec2(p.x + kPad + kTickWidth, p.y + 19));
                    Skeleton(ImVec2(std::min(w * 0.6f, summary_w + 200), 14));
                    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + kRowHeight));
                    continue;
                }
                // The row's background first, so the checkbox and the text stay on top of it.
                const bool over = ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(p, ImVec2(p.x + w, p.y + kRowHeight));
                if (row->selected || row->cursor || over)
                    rdl->AddRectFilled(p, ImVec2(p.x + w, p.y + kRowHeight),
                                       row->selected ? color::kAccentSoft : color::kSurfaceHover);
                if (row->cursor) rdl->AddRectFilled(p, ImVec2(p.x + 3, p.y + kRowHeight), color::kAccent);
                const std::string row_key = "qrow_" + std::to_string(row->id.value);
                A11yGroup row_group("row", "", row_key, i + 2);
                const std::string tick = "##qsel_" + std::to_string(row->id.value);
                ImGui::SetCursorScreenPos(ImVec2(p.x + kPad, p.y + 15));
                bool ticked = row->selected;
                {
                    A11yGroup cell("cell");
                    if (StyledCheckbox(tick.c_str(), &ticked)) actions.ToggleQueueSelected(row->id);
                    // TRANSLATORS: a queue row's tick box, for screen readers; {0} is the request number.
                    hooks::AnnotateLastItem(Format(tr("Select {0}"), {row->number}));
                }
                ImGui::SetCursorScreenPos(ImVec2(p.x + kPad + kTickWidth - 4, p.y));
                const std::string label = row->number + "##" + row_key;
                bool open_row = false;
                {
                    A11yGroup cell("cell");
                    open_row = ImGui::InvisibleButton(label.c_str(), ImVec2(w - kPad - kTickWidth + 4, kRowHeight));
                    hooks::SetLastItemRole("link");
                }
                if (open_row) actions.OpenRequest(row->id);
                const bool hovered = ImGui::IsItemHovered();
                if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                ImGui::RenderNavHighlight(ImRect(p, ImVec2(p.x + w, p.y + kRowHeight)), ImGui::GetItemID());
                rdl->AddLine(ImVec2(p.x, p.y + kRowHeight - 0.5f), ImVec2(p.x + w, p.y + kRowHeight - 0.5f), color::kBorder);
                DrawRowCells(rdl, *row, cols, summary_w, p, hovered);
                ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + kRowHeight));
            }
        }
        clipper.End();
        ImGui::EndChild();
        if (first >= 0) actions.SetQueueVisible(first, last);
    }
    table.reset();
    EndCard();
    if (!vm.load.error.empty() && vm.load.status == ViewStatus::ready) {
        VSpace(8);
        if (Notice("queue_partial", NoticeKind::warning, vm.load.error, L("Retry", "Retry").c_str(), w)) actions.Retry();
    }
}

}  // namespace spoc::ui
