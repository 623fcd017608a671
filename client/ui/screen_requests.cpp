// "My requests" (#/requests): status filter tabs, a table of the employee's requests (number,
// summary, status, priority, last update, catalog item), paging, and loading/empty/error states.
#include <algorithm>
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
using i18n::FormatInt;
using i18n::tr;
using i18n::trc;

namespace {

struct Column {
    const char* key;    // English name, picks the cell drawer (never shown)
    const char* title;  // the translated header
    float width;        // 0: takes the remaining space
};

void DrawEmptyState(const RequestListViewModel& vm, float width, Actions& actions) {
    const Fonts& f = GetFonts();
    const float inner = width - 96;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c(p.x + inner * 0.5f, p.y + 28);
    dl->AddCircleFilled(c, 28, color::kAccentSoft, 32);
    dl->AddRect(ImVec2(c.x - 10, c.y - 12), ImVec2(c.x + 10, c.y + 12), color::kAccent, 3.0f, 0, 2.0f);
    dl->AddLine(ImVec2(c.x - 5, c.y - 4), ImVec2(c.x + 5, c.y - 4), color::kAccent, 2.0f);
    dl->AddLine(ImVec2(c.x - 5, c.y + 2), ImVec2(c.x + 5, c.y + 2), color::kAccent, 2.0f);
    ImGui::Dummy(ImVec2(inner, 64));
    VSpace(4);
    const ImVec2 ts = MeasureText(f.h3, vm.empty_title);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (inner - ts.x) * 0.5f);
    Label(f.h3, color::kText, vm.empty_title);
    const float para_w = std::min(inner, 440.0f);
    const ImVec2 bs = MeasureText(f.body, vm.empty_body, para_w);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (inner - bs.x) * 0.5f);
    Paragraph(f.body, color::kTextSecondary, vm.empty_body, para_w);
    VSpace(8);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (inner - 180) * 0.5f);
    Route catalog;
    catalog.screen = Screen::catalog;
    if (Button(L("Browse the catalog", "empty_browse").c_str(), ButtonKind::primary, ImVec2(180, 40))) actions.Navigate(catalog);
}

// A phone's row: number and status on top, the whole summary (up to three lines) under them,
// then the priority and the last update. The card is one button, like a table row.
void DrawRequestCard(const RequestRowViewModel& row, float w, bool last, Actions& actions) {
    const Fonts& f = GetFonts();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = 16.0f;
    const float text_w = w - 2 * pad;
    const float line_h = Px(f.body) * 1.25f;
    const float summary_h = std::min(MeasureText(f.body, row.summary, text_w).y, line_h * 3);
    const float h = 14 + 26 + summary_h + 8 + 20 + 14;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const std::string key = "row_" + std::to_string(row.id.value);
    A11yGroup item("listitem", "", key);
    const std::string label = row.number + "##" + key;
    if (ImGui::InvisibleButton(label.c_str(), ImVec2(w, h))) actions.OpenRequest(row.id);
    hooks::SetLastItemRole("link");
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), color::kSurfaceHover);
    ImGui::RenderNavHighlight(ImRect(p, ImVec2(p.x + w, p.y + h)), ImGui::GetItemID());
    if (!last) dl->AddLine(ImVec2(p.x, p.y + h - 0.5f), ImVec2(p.x + w, p.y + h - 0.5f), color::kBorder);
    float y = p.y + 14;
    DrawTextAt(dl, f.body_semibold, ImVec2(p.x + pad, y + 2), hovered ? color::kAccent : color::kText, row.number);
    const ImVec2 bs = BadgeSize(row.status);
    DrawBadge(dl, ImVec2(p.x + w - pad - bs.x, y), row.status, row.status_tone);
    A11yText(row.status, ImVec2(p.x + w - pad - bs.x, y), ImVec2(p.x + w - pad, y + bs.y));
    y += 30;
    dl->PushClipRect(ImVec2(p.x + pad, y), ImVec2(p.x + w - 4, y + summary_h + 2), true);  // room for glyph overhang
    DrawTextAt(dl, f.body, ImVec2(p.x + pad, y), color::kText, row.summary, text_w);
    dl->PopClipRect();
    A11yText(row.summary, ImVec2(p.x + pad, y), ImVec2(p.x + w - pad, y + summary_h));
    y += summary_h + 8;
    // TRANSLATORS: a request card's last line: {0} is the priority ("High"), {1} when it was last updated ("2 hours ago").
    const std::string meta = Format(tr("{0} · Updated {1}"), {row.priority, row.updated});
    DrawTextClipped(dl, f.small, ImVec2(p.x + pad, y), color::kTextMuted, meta, text_w);
    A11yText(meta, ImVec2(p.x + pad, y), ImVec2(p.x + w - pad, y + 20));
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h));
}

}  // namespace

void DrawRequestList(const RequestListViewModel& vm, UiState& ui, Actions& actions) {
    const Fonts& f = GetFonts();
    const float w = ui.content_width;

    // Header: title, subtitle and the way into the catalog.
    const ImVec2 top = ImGui::GetCursorPos();
    const bool stacked = w < 640;  // narrow: the button goes under the title
    Label(f.h1, color::kText, tr("My requests"));
    Paragraph(f.body, color::kTextSecondary, tr("Everything you've asked the service desk for, newest activity first."), stacked ? w : w - 180);
    const ImVec2 after = ImGui::GetCursorPos();
    if (!stacked) ImGui::SetCursorPos(ImVec2(top.x + w - 150, top.y + 8));
    Route catalog;
    catalog.screen = Screen::catalog;
    if (Button(L("New request", "new_request").c_str(), ButtonKind::primary, ImVec2(150, 42))) actions.Navigate(catalog);
    if (!stacked) ImGui::SetCursorPos(after);
    VSpace(12);

    // Filter tabs.
    std::vector<std::string> labels;
    for (const FilterTab& tab : vm.tabs) labels.push_back(tab.label + "##filter_" + StatusFilterName(tab.filter));
    std::vector<const char*> ptrs;
    int selected = 0;
    for (size_t i = 0; i < labels.size(); ++i) {
        ptrs.push_back(labels[i].c_str());
        if (vm.tabs[i].selected) selected = static_cast<int>(i);
    }
    if (SegmentedControl("filters", ptrs.data(), static_cast<int>(ptrs.size()), &selected))
        actions.SetFilter(vm.tabs[static_cast<size_t>(selected)].filter);
    if (vm.load.refreshing) {
        ImGui::SameLine(0, 14);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 10);
        Spinner(9, 2, color::kAccent);
    }
    VSpace(14);

    if (vm.load.status == ViewStatus::failed) {
        if (ErrorPanel("list_error", tr("Your requests didn't load"), vm.load.error, vm.load.retryable, w)) actions.Retry();
        return;
    }

    // Columns: narrow windows drop the least important ones.
    // TRANSLATORS: column headers of the "My requests" table.
    std::vector<Column> cols = {{"Number", trc("column", "Number"), 128},
                                {"Summary", trc("column", "Summary"), 0},
                                {"Status", trc("column", "Status"), 140},
                                {"Priority", trc("column", "Priority"), 128},
                                {"Updated", trc("column", "Updated"), 116},
                                {"Catalog item", trc("column", "Catalog item"), 170}};
    if (w < 980) cols.erase(cols.begin() + 5);                   // catalog item
    if (w < 760) cols.erase(cols.begin() + 3);                   // priority
    if (w < 560) {                                               // phones: number, summary, status
        cols.erase(cols.begin() + 3);
        cols[0].width = 116;
        cols[2].width = 112;
    }
    const bool cards = w < 560;  // phones: a stacked card per request instead of a table
    if (cards) cols = {{"Requests", trc("column", "Requests"), 0}};
    const float pad = 20.0f;
    float fixed = 0;
    for (const Column& c : cols) fixed += c.width;
    const float summary_w = std::max(120.0f, w - 2 * pad - fixed);

    BeginCard("requests_table", w, 0.0f);
    // The mirror: a table (phones: a list of cards) named like the page.
    std::optional<A11yGroup> table;
    table.emplace(cards ? "list" : "table", tr("My requests"), "requests_table", cards ? 0 : static_cast<int>(vm.rows.size()) + 1);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    // Header row.
    dl->AddRectFilled(origin, ImVec2(origin.x + w, origin.y + 44), color::kSurfaceHover, 12.0f, ImDrawFlags_RoundCornersTop);
    dl->AddLine(ImVec2(origin.x, origin.y + 44), ImVec2(origin.x + w, origin.y + 44), color::kBorder);
    float x = origin.x + pad;
    {
        std::optional<A11yGroup> header;
        if (!cards) header.emplace("row", "", "requests_header", 1);
        for (const Column& c : cols) {
            const float cw = c.width > 0 ? c.width : summary_w;
            DrawTextAt(dl, f.small_semibold, ImVec2(x, origin.y + 14), color::kTextMuted, c.title);
            if (!cards) A11yText(c.title, ImVec2(x, origin.y), ImVec2(x + cw, origin.y + 44), "columnheader");
            x += cw;
        }
    }
    ImGui::Dummy(ImVec2(w, 44));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y);

    const float row_h = 56.0f;
    if (vm.load.status == ViewStatus::loading) {
        for (int i = 0; i < 6; ++i) {
            const ImVec2 p = ImGui::GetCursorScreenPos();
            float cx = p.x + pad;
            for (const Column& c : cols) {
                const float cw = c.width > 0 ? c.width : summary_w;
                ImGui::SetCursorScreenPos(ImVec2(cx, p.y + 20));
                Skeleton(ImVec2(cw * (c.width > 0 ? 0.6f : 0.7f), 14));
                cx += cw;
            }
            ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + row_h));
        }
        VSpace(4);
    } else if (vm.rows.empty()) {
        table.reset();  // the empty state is not part of the table
        VSpace(44);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 48);
        ImGui::BeginGroup();
        DrawEmptyState(vm, w, actions);
        ImGui::EndGroup();
        VSpace(36);
    } else {
        for (size_t i = 0; i < vm.rows.size(); ++i) {
            const RequestRowViewModel& row = vm.rows[i];
            if (cards) {
                DrawRequestCard(row, w, i + 1 == vm.rows.size(), actions);
                continue;
            }
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const std::string key = "row_" + std::to_string(row.id.value);
            A11yGroup row_group("row", "", key, static_cast<int>(i) + 2);
            const std::string label = row.number + "##" + key;
            bool open_row = false;
            {
                A11yGroup cell("cell");  // the Number cell is the row's link
                open_row = ImGui::InvisibleButton(label.c_str(), ImVec2(w, row_h));
                hooks::SetLastItemRole("link");
            }
            if (open_row) actions.OpenRequest(row.id);
            const bool hovered = ImGui::IsItemHovered();
            if (hovered) {
                dl->AddRectFilled(p, ImVec2(p.x + w, p.y + row_h), color::kSurfaceHover);
                ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            }
            ImGui::RenderNavHighlight(ImRect(p, ImVec2(p.x + w, p.y + row_h)), ImGui::GetItemID());
            if (i + 1 < vm.rows.size()) dl->AddLine(ImVec2(p.x, p.y + row_h - 0.5f), ImVec2(p.x + w, p.y + row_h - 0.5f), color::kBorder);
            float cx = p.x + pad;
            const float ty = p.y + (row_h - Px(f.body) * 1.2f) * 0.5f;
            for (const Column& c : cols) {
                const float cw = c.width > 0 ? c.width : summary_w;
                const std::string_view column(c.key);
                const ImVec2 cmin(cx, p.y), cmax(cx + cw, p.y + row_h);
                if (column == "Number") DrawTextAt(dl, f.body_semibold, ImVec2(cx, ty), hovered ? color::kAccent : color::kText, row.number);
                else if (column == "Summary") DrawTextClipped(dl, f.body, ImVec2(cx, ty), color::kText, row.summary, cw - 20);
                else if (column == "Status") DrawBadge(dl, ImVec2(cx, p.y + (row_h - BadgeSize(row.status).y) * 0.5f), row.status, row.status_tone);
                else if (column == "Priority") DrawTextClipped(dl, f.body, ImVec2(cx, ty), color::kTextSecondary, row.priority, cw - 12);
                else if (column == "Updated") DrawTextClipped(dl, f.body, ImVec2(cx, ty), color::kTextSecondary, row.updated, cw - 12);
                else DrawTextClipped(dl, f.body, ImVec2(cx, ty), color::kTextSecondary, row.catalog_item, cw - 12);
                if (column != "Number")  // the row's link holds the number
                    A11yText(column == "Summary" ? row.summary : column == "Status" ? row.status : column == "Priority" ? row.priority
                             : column == "Updated" ? row.updated : row.catalog_item, cmin, cmax, "cell");
                cx += cw;
            }
            ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + row_h));
        }
        table.reset();
        // Footer: range and paging.
        const ImVec2 fp = ImGui::GetCursorScreenPos();
        dl->AddLine(fp, ImVec2(fp.x + w, fp.y), color::kBorder);
        ImGui::SetCursorScreenPos(ImVec2(fp.x + pad, fp.y + 22));
        // TRANSLATORS: {0} is the range of rows on this page and the total, e.g. "1–20 of 57".
        Label(f.body, color::kTextMuted, vm.range.empty() ? std::string() : Format(tr("Showing {0}"), {vm.range}));
        float footer_h = 62;
        if ((vm.page_count > 1 || vm.page > 1) && cards) {  // phones: the buttons go under the range
            const float bw = (w - 2 * pad - 10) * 0.5f;
            ImGui::SetCursorScreenPos(ImVec2(fp.x + pad, fp.y + 52));
            if (Button(L("← Previous", "prev_page").c_str(), ButtonKind::secondary, ImVec2(bw, 40), vm.has_prev)) actions.SetPage(vm.page - 1);
            ImGui::SameLine(0, 10);
            if (Button(L("Next →", "next_page").c_str(), ButtonKind::secondary, ImVec2(bw, 40), vm.has_next)) actions.SetPage(vm.page + 1);
            footer_h = 108;
        } else if (vm.page_count > 1 || vm.page > 1) {
            const float bw = 110;
            const std::string page = Format(tr("Page {0} of {1}"), {FormatInt(vm.page), FormatInt(vm.page_count)});
            const float pw = MeasureText(f.body, page).x;
            DrawTextAt(dl, f.body, ImVec2(fp.x + w - pad - 2 * bw - 10 - 20 - pw, fp.y + 22), color::kTextMuted, page);
            ImGui::SetCursorScreenPos(ImVec2(fp.x + w - pad - 2 * bw - 10, fp.y + 12));
            if (Button(L("← Previous", "prev_page").c_str(), ButtonKind::secondary, ImVec2(bw, 38), vm.has_prev)) actions.SetPage(vm.page - 1);
            ImGui::SameLine(0, 10);
            if (Button(L("Next →", "next_page").c_str(), ButtonKind::secondary, ImVec2(bw, 38), vm.has_next)) actions.SetPage(vm.page + 1);
        }
        ImGui::SetCursorScreenPos(fp);
        ImGui::Dummy(ImVec2(w, footer_h));  // the footer's height, whatever was drawn in it
    }
    table.reset();
    EndCard();
}

}  // namespace spoc::ui
