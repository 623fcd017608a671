// The request catalog: the search box, tiles grouped by department, search results, and the
// #/catalog page that hosts them (the home page reuses the same pieces).
#include <algorithm>
#include <cfloat>

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

constexpr float kTileHeight = 132.0f;
constexpr float kGap = 16.0f;

std::string FirstLetter(const std::string& text) {
    if (text.empty()) return "?";
    unsigned int c = 0;
    const int n = ImTextCharFromUtf8(&c, text.c_str(), text.c_str() + text.size());
    return text.substr(0, static_cast<size_t>(std::max(1, n)));
}

void DrawTile(const CatalogTileViewModel& tile, ImVec2 size, Actions& actions) {
    const Fonts& f = GetFonts();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const std::string label = tile.title + "##tile_" + std::to_string(tile.id.value);
    A11yGroup item("listitem");  // the mirror: a list item with the tile's link, its department and summary
    const bool clicked = ImGui::InvisibleButton(label.c_str(), size);
    hooks::SetLastItemRole("link");
    const bool hovered = ImGui::IsItemHovered();
    const ImGuiID id = ImGui::GetItemID();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    if (clicked) {
        Route route;
        route.screen = Screen::catalog_item;
        route.item = tile.id;
        actions.Navigate(route);
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    dl->AddRectFilled(ImVec2(pos.x, pos.y + (hovered ? 3.0f : 1.0f)), ImVec2(max.x, max.y + (hovered ? 4.0f : 1.0f)),
                      color::Shadow(hovered ? 22 : 10), 12.0f);
    dl->AddRectFilled(pos, max, color::kSurface, 12.0f);
    dl->AddRect(pos, max, hovered ? color::kAccentBorderHover : color::kBorder, 12.0f, 0, 1.0f);
    ImGui::RenderNavHighlight(ImRect(pos, max), id);

    // Monogram in the department's colour.
    const ImVec2 m(pos.x + 18, pos.y + 18);
    dl->AddRectFilled(m, ImVec2(m.x + 40, m.y + 40), DepartmentSoftColor(tile.department.c_str()), 10.0f);
    const std::string letter = FirstLetter(tile.title);
    const ImVec2 ls = MeasureText(f.h3, letter);
    DrawTextAt(dl, f.h3, ImVec2(m.x + (40 - ls.x) * 0.5f, m.y + (40 - ls.y) * 0.5f), DepartmentColor(tile.department.c_str()), letter);

    const float text_x = pos.x + 72;
    const float text_w = max.x - text_x - 18;
    DrawTextClipped(dl, f.body_semibold, ImVec2(text_x, pos.y + 17), hovered ? color::kAccent : color::kText, tile.title, text_w);
    const std::string meta = tile.department + " \xC2\xB7 " + tile.category;
    DrawTextClipped(dl, f.small, ImVec2(text_x, pos.y + 39), color::kTextMuted, meta, text_w);
    A11yText(meta, ImVec2(text_x, pos.y + 39), ImVec2(text_x + text_w, pos.y + 58));

    // Summary: two lines at most.
    dl->PushClipRect(ImVec2(pos.x + 18, pos.y + 64), ImVec2(max.x - 18, pos.y + 64 + Px(f.small) * 2.6f), true);
    DrawTextAt(dl, f.small, ImVec2(pos.x + 18, pos.y + 66), color::kTextSecondary, tile.summary, size.x - 36);
    dl->PopClipRect();
    A11yText(tile.summary, ImVec2(pos.x + 18, pos.y + 64), ImVec2(max.x - 18, pos.y + 64 + Px(f.small) * 2.6f));

    // Footer: fulfilment hint and approval marker.
    const float fy = max.y - 28;
    float badge_w = 0;
    if (tile.requires_approval) {
        // TRANSLATORS: badge on a catalog tile: requests for this service need an approval.
        const char* approval = trc("badge", "Approval");
        const ImVec2 bs = BadgeSize(approval);
        badge_w = bs.x + 8;
        DrawBadge(dl, ImVec2(max.x - 16 - bs.x, fy - 3), approval, Tone::warning);
        // TRANSLATORS: read by screen readers on a catalog tile whose requests need an approval.
        A11yText(tr("Needs approval"), ImVec2(max.x - 16 - bs.x, fy - 3), ImVec2(max.x - 16, fy - 3 + bs.y));
    }
    if (!tile.fulfillment.empty()) {
        const ImVec2 c(pos.x + 24, fy + 8);
        dl->AddCircle(c, 5.5f, color::kTextMuted, 16, 1.3f);
        dl->AddLine(c, ImVec2(c.x, c.y - 3.5f), color::kTextMuted, 1.3f);
        dl->AddLine(c, ImVec2(c.x + 2.5f, c.y + 1.0f), color::kTextMuted, 1.3f);
        DrawTextClipped(dl, f.small, ImVec2(pos.x + 36, fy), color::kTextMuted, tile.fulfillment, size.x - 54 - badge_w);
        A11yText(tile.fulfillment, ImVec2(pos.x + 36, fy), ImVec2(max.x - 18 - badge_w, fy + 20));
    }
}

void DrawTileGrid(const std::vector<CatalogTileViewModel>& tiles, std::string_view name, float width, int columns, Actions& actions) {
    A11yGroup list("list", name);
    columns = std::max(1, columns);
    const float tile_w = (width - kGap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    float bottom = start.y;
    for (size_t i = 0; i < tiles.size(); ++i) {
        const int col = static_cast<int>(i % static_cast<size_t>(columns));
        const int row = static_cast<int>(i / static_cast<size_t>(columns));
        ImGui::SetCursorScreenPos(ImVec2(start.x + col * (tile_w + kGap), start.y + row * (kTileHeight + kGap)));
        DrawTile(tiles[i], ImVec2(tile_w, kTileHeight), actions);
        bottom = start.y + row * (kTileHeight + kGap) + kTileHeight;
    }
    ImGui::SetCursorScreenPos(start);
    ImGui::Dummy(ImVec2(width, bottom - start.y));
}

void DrawTileSkeletons(float width, int columns, int count) {
    const float tile_w = (width - kGap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    for (int i = 0; i < count; ++i) {
        ImGui::SetCursorScreenPos(ImVec2(start.x + (i % columns) * (tile_w + kGap), start.y + (i / columns) * (kTileHeight + kGap)));
        Skeleton(ImVec2(tile_w, kTileHeight), 12.0f);
    }
    const int rows = (count + columns - 1) / columns;
    ImGui::SetCursorScreenPos(start);
    ImGui::Dummy(ImVec2(width, rows * (kTileHeight + kGap) - kGap));
}

}  // namespace

void DrawSearchBox(const std::string& query, float width, Actions& actions) {
    std::string text = query;
    TextInputOptions o;
    // The full hint only where it fits; phones get the short one rather than a cut-off sentence.
    o.placeholder = width >= 560 ? tr("Search services and answers — laptop, vpn, parking, payslip…")
                                 : tr("Search services and answers…");
    o.large = true;
    o.left_inset = 28;
    o.width = width;
    o.max_chars = 100;
    o.escape_clears = true;
    o.hook_label = tr("Search the catalog");
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = Px(GetFonts().body) + 28.0f;  // large input: 14 px padding above and below
    ImDrawList* dl = ImGui::GetWindowDrawList();

    // The clear button is submitted before the input so it wins the mouse where they overlap
    // (an input marked AllowOverlap would defer its own hover by a frame and drop fast clicks).
    bool clear_hovered = false;
    if (!query.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(pos.x + width - 40, pos.y + (h - 28) * 0.5f));
        if (ImGui::InvisibleButton(L("Clear search", "clear_search").c_str(), ImVec2(28, 28))) actions.ClearSearch();
        clear_hovered = ImGui::IsItemHovered();
        if (clear_hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::SetCursorScreenPos(pos);
    }
    const TextInputResult r = TextInput("##search", &text, o);
    if (r.edited) actions.SetSearch(text);

    const ImVec2 c(pos.x + 24, pos.y + h * 0.5f - 1);  // magnifier
    dl->AddCircle(c, 6.5f, r.active ? color::kAccent : color::kTextMuted, 20, 1.8f);
    dl->AddLine(ImVec2(c.x + 4.8f, c.y + 4.8f), ImVec2(c.x + 9.5f, c.y + 9.5f), r.active ? color::kAccent : color::kTextMuted, 1.8f);
    if (!query.empty()) {
        const ImVec2 x(pos.x + width - 26, pos.y + h * 0.5f);
        if (clear_hovered) dl->AddCircleFilled(x, 12, color::kMutedSoft);
        dl->AddLine(ImVec2(x.x - 4.5f, x.y - 4.5f), ImVec2(x.x + 4.5f, x.y + 4.5f), color::kTextMuted, 1.6f);
        dl->AddLine(ImVec2(x.x + 4.5f, x.y - 4.5f), ImVec2(x.x - 4.5f, x.y + 4.5f), color::kTextMuted, 1.6f);
        // Esc clears even when the box is not focused.
        if (!ImGui::GetIO().WantTextInput && ImGui::IsKeyPressed(ImGuiKey_Escape, false)) actions.ClearSearch();
    }
}

void DrawCatalogBrowser(const CatalogViewModel& vm, float width, int columns, Actions& actions) {
    const Fonts& f = GetFonts();
    if (vm.load.status == ViewStatus::loading) {
        Skeleton(ImVec2(120, 22));
        VSpace(6);
        DrawTileSkeletons(width, columns, columns * 2);
        return;
    }
    if (vm.load.status == ViewStatus::failed) {
        if (ErrorPanel("catalog_error", tr("The catalog didn't load"), vm.load.error, vm.load.retryable, width)) actions.Retry();
        return;
    }
    if (vm.searching) {
        // Answers first: an article may solve it without a request. No section says "no matches"
        // while the other one found something.
        if (!vm.article_results.empty()) {
            Label(f.h3, color::kText, Plural("{0} article might answer this", "{0} articles might answer this",
                                             static_cast<long>(vm.article_results.size())));
            VSpace(4);
            DrawArticleResults(vm.article_results, std::min(width, 820.0f), actions);
            if (!vm.see_all_label.empty()) {
                const std::string label = vm.see_all_label + "##see_all_articles";
                if (LinkButton(label.c_str())) actions.SearchKnowledge(vm.search);
            }
            VSpace(14);
        }
        if (vm.nothing_found) {
            Label(f.h3, color::kText, Format(tr("No matches for “{0}”"), {vm.search}));
            VSpace(4);
            Paragraph(f.body, color::kTextSecondary,
                      tr("Try another word, such as “laptop” or “access”, or clear the search to browse every service."),
                      width);
            VSpace(6);
            if (Button(L("Clear search", "clear_search_empty").c_str(), ButtonKind::secondary)) actions.ClearSearch();
            return;
        }
        if (vm.results.empty()) {
            Paragraph(f.body, color::kTextSecondary, vm.services_note, width);
            return;
        }
        Label(f.h3, color::kText, vm.services_heading);
        VSpace(4);
        DrawTileGrid(vm.results, vm.services_heading, width, columns, actions);
        return;
    }
    for (size_t g = 0; g < vm.groups.size(); ++g) {
        const DepartmentGroupViewModel& group = vm.groups[g];
        if (g > 0) VSpace(18);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(ImVec2(p.x, p.y + 4), ImVec2(p.x + 4, p.y + 20), DepartmentColor(group.department.c_str()), 2.0f);
        ImGui::SetCursorScreenPos(ImVec2(p.x + 14, p.y));
        Label(f.h3, color::kText, group.heading);
        ImGui::SameLine(0, 8);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 3);
        Label(f.small, color::kTextMuted, Plural("{0} service", "{0} services", static_cast<long>(group.tiles.size())));
        ImGui::SetCursorScreenPos(ImVec2(p.x, ImGui::GetCursorScreenPos().y));
        VSpace(2);
        DrawTileGrid(group.tiles, group.heading, width, columns, actions);
    }
    if (vm.groups.empty()) Paragraph(f.body, color::kTextSecondary, tr("The catalog is empty for now."), width);
}

void DrawCatalog(const CatalogViewModel& vm, UiState& ui, Actions& actions) {
    const Fonts& f = GetFonts();
    const float w = ui.content_width;
    Label(f.h1, color::kText, tr("Request catalog"));
    Paragraph(f.body, color::kTextSecondary, tr("Everything the IT, HR and Facilities teams can do for you. Pick a service to open its form."), w);
    VSpace(12);
    DrawSearchBox(vm.search, std::min(w, 640.0f), actions);
    VSpace(24);
    const int columns = w >= 900 ? 3 : w >= 560 ? 2 : 1;
    DrawCatalogBrowser(vm, w, columns, actions);
}

}  // namespace spoc::ui
