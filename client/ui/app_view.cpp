// The frame around every screen: root window, top bar, the scrolling page column, toasts, and the
// choice of screen for the current route and session phase.
#include <algorithm>
#include <cmath>

#include "client/ui/attachments_view.h"
#include "client/ui/item_hooks.h"
#include "client/ui/motion.h"
#include "client/ui/screens.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"
#include "imgui_internal.h"
#include "shared/domain/i18n.h"

namespace spoc::ui {

using namespace spoc::client;
using i18n::Format;
using i18n::FormatInt;
using i18n::Plural;
using i18n::tr;

namespace {
constexpr float kTopBarHeight = 64.0f;
constexpr float kMaxContentWidth = 1120.0f;

// Touch screens: a finger dragged over the page scrolls it, as on any phone. Once a drag has
// moved past a few pixels it is a scroll, and the widget it started on loses its press, so
// lifting the finger doesn't click it. Text fields keep their drag (selection).
void DragToScroll(UiState& ui) {
    const ImGuiIO& io = ImGui::GetIO();
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        ui.drag_scrolling = false;
        return;
    }
    if (!ui.drag_scrolling) {
        // The finger usually lands on a widget (a row, a tile), which is then active: still the page.
        if (!ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) || io.WantTextInput)
            return;
        if (!ImGui::IsMouseDragging(ImGuiMouseButton_Left, 8.0f)) return;
        if (std::fabs(ImGui::GetMouseDragDelta(ImGuiMouseButton_Left).y) < std::fabs(ImGui::GetMouseDragDelta(ImGuiMouseButton_Left).x)) return;
        ui.drag_scrolling = true;
        ImGui::ClearActiveID();
        ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetMouseDragDelta(ImGuiMouseButton_Left).y);
        return;
    }
    ImGui::ClearActiveID();
    ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
}
}  // namespace

FrameOutput DrawApp(const AppState& state, UiState& ui, Actions& actions, const Clock& clock, int busy) {
    BeginWidgetsFrame();
    FrameOutput out;
    out.title = DocumentTitle(state);

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ui.viewport_width = vp->Size.x;
    ui.viewport_height = vp->Size.y;
    const bool device = IsDeviceRoute(state.route);  // kiosk or board: the device's own full-screen UI
    const StartupViewModel startup = BuildStartup(state);
    const bool show_startup = !device && (startup.checking || !startup.error.empty());
    const bool show_signin =
        !device && !show_startup && (state.session != SessionPhase::signed_in || state.route.screen == Screen::signin);
    std::string view = show_startup ? "startup" : show_signin ? "signin" : FormatRoute(state.route);
    if (device)  // each kiosk step is a screen of its own (focus, scroll)
        view += "/" + std::to_string(static_cast<int>(state.kiosk.phase)) + "/" + std::to_string(static_cast<int>(state.kiosk.step));
    ui.route_changed = view != ui.shown_view;
    ui.focus_first_field = ui.route_changed;
    ui.shown_view = view;

    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    const ImGuiWindowFlags root_flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("Spoc##root", nullptr, root_flags);
    // Keyboard-only users never click: without a focused window, Tab and the arrows would do nothing.
    if (GImGui->NavWindow == nullptr) ImGui::SetWindowFocus();

    if (device) {
        ImGui::BeginChild("device", ImVec2(vp->Size.x, vp->Size.y), ImGuiChildFlags_None, ImGuiWindowFlags_NavFlattened);
        if (ui.route_changed) ImGui::SetScrollY(0);
        if (ui.touch) DragToScroll(ui);
        const KioskViewModel kiosk = BuildKiosk(state, clock);
        if (state.route.screen == Screen::kiosk) DrawKiosk(kiosk, ui, actions);
        else DrawBoard(kiosk, ui, actions);
        VSpace(40);
        ImGui::EndChild();
    } else if (show_startup) {
        DrawStartup(startup, ui, actions);
    } else if (show_signin) {
        DrawSignIn(BuildSignIn(state), ui, actions);
    } else {
        DrawTopBar(BuildTopBar(state, busy, clock.now), ui, actions);
        ImGui::SetCursorPos(ImVec2(0, kTopBarHeight));
        ImGui::BeginChild("page", ImVec2(vp->Size.x, std::max(1.0f, vp->Size.y - kTopBarHeight)), ImGuiChildFlags_None,
                          ImGuiWindowFlags_NavFlattened);
        if (ui.route_changed) ImGui::SetScrollY(0);
        if (ui.touch) DragToScroll(ui);
        const float margin = vp->Size.x < 720 ? 16.0f : 40.0f;
        // The page column is laid out as if the scrollbar were always there (a stable gutter), so
        // a page that grows past the window doesn't shift sideways when its scrollbar appears.
        const float avail = ImGui::GetContentRegionAvail().x - (ImGui::GetCurrentWindow()->ScrollbarY ? 0.0f : ImGui::GetStyle().ScrollbarSize);
        ui.content_width = std::max(280.0f, std::min(kMaxContentWidth, avail - 2 * margin));
        const float x0 = std::max(margin, (avail - ui.content_width) * 0.5f);
        ImGui::Indent(x0);
        VSpace(28);
        switch (state.route.screen) {
            case Screen::home: DrawHome(BuildHome(state, clock), ui, actions); break;
            case Screen::catalog: DrawCatalog(BuildCatalog(state), ui, actions); break;
            case Screen::catalog_item: DrawCatalogItem(BuildForm(state, state.route.item, clock), ui, actions); break;
            case Screen::requests: DrawRequestList(BuildRequestList(state, clock), ui, actions); break;
            case Screen::request_detail: DrawRequestDetail(BuildRequestDetail(state, state.route.request, clock), ui, actions); break;
            case Screen::queue:
                DrawQueue(BuildQueue(state, clock), [&](int i) { return BuildQueueRow(state, i, clock); }, ui, actions);
                break;
            case Screen::kb_home: DrawKbHome(BuildKbHome(state, clock), ui, actions); break;
            case Screen::walkup: DrawConsole(BuildConsole(state, clock), ui, actions); break;
            case Screen::desks: DrawDesks(BuildDesks(state, clock), ui, actions); break;
            case Screen::approvals: DrawApprovals(BuildApprovals(state, clock), ui, actions); break;
            case Screen::people:
                if (!state.me || state.me->user.role != Role::admin) DrawNotFound(ui, actions);
                else DrawPeople(BuildPeople(state), ui, actions);
                break;
            case Screen::reports:
                if (!state.me || !IsStaff(state.me->user.role)) DrawNotFound(ui, actions);
                else DrawReports(BuildReports(state), ui, actions);
                break;
            case Screen::kiosk:
            case Screen::board: break;  // drawn full screen above
            case Screen::kb_article: DrawArticle(BuildArticle(state, state.route.article, clock), ui, actions); break;
            case Screen::kb_edit:
            case Screen::kb_review:
                if (!state.me || !IsStaff(state.me->user.role)) DrawNotFound(ui, actions);  // staff screens
                else if (state.route.screen == Screen::kb_edit) DrawKbEditor(BuildEditor(state, state.route.article, clock), ui, actions);
                else DrawKbReview(BuildReview(state, clock), ui, actions);
                break;
            case Screen::signin:
            case Screen::not_found: DrawNotFound(ui, actions); break;
        }
        VSpace(56);
        ImGui::Unindent(x0);
        ImGui::EndChild();
    }
    ImGui::End();
    DrawToasts(state.toasts, actions);
    if (state.dragging_files && state.session == SessionPhase::signed_in) DrawDropOverlay(actions.DropTarget());
    out.animating = AnimationRequested();
    return out;
}

namespace {

// The bell: an outlined bell with the unread count in a red dot.
void DrawBell(ImDrawList* dl, ImVec2 c, ImU32 col, int unread) {
    dl->PathArcTo(ImVec2(c.x, c.y - 1), 6.0f, IM_PI, 2 * IM_PI, 12);
    dl->PathLineTo(ImVec2(c.x + 6, c.y + 4));
    dl->PathLineTo(ImVec2(c.x + 8, c.y + 6));
    dl->PathLineTo(ImVec2(c.x - 8, c.y + 6));
    dl->PathLineTo(ImVec2(c.x - 6, c.y + 4));
    dl->PathStroke(col, ImDrawFlags_Closed, 1.6f);
    dl->AddLine(ImVec2(c.x, c.y - 7), ImVec2(c.x, c.y - 9), col, 1.6f);
    dl->AddCircleFilled(ImVec2(c.x, c.y + 8.5f), 2.0f, col);
    if (unread <= 0) return;
    const Fonts& f = GetFonts();
    const std::string n = unread > 99 ? FormatInt(99) + "+" : FormatInt(unread);
    const ImVec2 ts = MeasureText(f.small_semibold, n);
    const float bw = std::max(18.0f, ts.x + 10);
    const ImVec2 b(c.x + 3, c.y - 16);
    dl->AddRectFilled(b, ImVec2(b.x + bw, b.y + 18), color::kDangerFill, 9.0f);
    DrawTextAt(dl, f.small_semibold, ImVec2(b.x + (bw - ts.x) * 0.5f, b.y + (18 - ts.y) * 0.5f), color::kOnAccent, n);
}

// The inbox's entries (newest first; a click opens the request and marks it read) in a popup
// `panel_w` wide whose text starts `inset` in from its left edge.
void DrawNoticeList(const TopBarViewModel& vm, float panel_w, float inset, Actions& actions, size_t max_items = 20) {
    const Fonts& f = GetFonts();
    if (inset > 0) ImGui::SetCursorPosX(inset);
    Label(f.body_semibold, color::kText, tr("Notifications"));
    VSpace(4);
    if (vm.notifications.empty()) {
        if (inset > 0) ImGui::SetCursorPosX(inset);
        Paragraph(f.small, color::kTextMuted,
                  vm.notifications_loading ? tr("Loading…")
                  : vm.staff               ? tr("Nothing yet. SLA breaches on your requests and groups show up here.")
                                           : tr("Nothing yet. Answers and updates on your requests show up here."),
                  panel_w - 2 * std::max(inset, 0.0f));
        VSpace(8);
    }
    ImDrawList* pdl = ImGui::GetWindowDrawList();
    for (size_t i = 0; i < vm.notifications.size() && i < max_items; ++i) {
        const TopBarViewModel::Notice& n = vm.notifications[i];
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float text_w = panel_w - 56;
        const float h = MeasureText(f.small, n.text, text_w).y + 34;
        const std::string id = "##notification_" + std::to_string(n.id);
        if (ImGui::InvisibleButton(id.c_str(), ImVec2(panel_w, h))) {
            actions.OpenNotification(n.id);
            ImGui::CloseCurrentPopup();
        }
        hooks::AnnotateLastItem(n.text);
        if (ImGui::IsItemHovered()) {
            pdl->AddRectFilled(p, ImVec2(p.x + panel_w, p.y + h), color::kSurfaceHover);
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        }
        if (n.unread) pdl->AddCircleFilled(ImVec2(p.x + 22, p.y + 17), 4, color::kAccent);
        DrawTextAt(pdl, n.unread ? f.small_semibold : f.small, ImVec2(p.x + 36, p.y + 8),
                   n.unread ? color::kText : color::kTextSecondary, n.text, text_w);
        DrawTextAt(pdl, f.small, ImVec2(p.x + 36, p.y + h - 22), color::kTextMuted, n.when);
    }
}

// Right of the navigation: the notification bell with its inbox (everyone) and, for staff on wide
// screens, "Available / Away" (auto-assignment). `right` is where the user's avatar starts.
void DrawAgentControls(const TopBarViewModel& vm, float right, bool availability, Actions& actions) {
    const Fonts& f = GetFonts();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float x = right - 40;
    ImGui::SetCursorPos(ImVec2(x, (kTopBarHeight - 40) * 0.5f));
    const ImVec2 bp = ImGui::GetCursorScreenPos();
    // TRANSLATORS: name of the notification bell; {0} is how many notifications are unread.
    const std::string bell_label = vm.unread > 0 ? Plural("Notifications ({0} unread)", "Notifications ({0} unread)", vm.unread) + "###notifications"
                                                 : L("Notifications", "notifications");
    if (ImGui::InvisibleButton(bell_label.c_str(), ImVec2(40, 40))) {
        ImGui::OpenPopup("inbox");
        actions.RefreshInbox();
    }
    const bool bell_hovered = ImGui::IsItemHovered();
    if (bell_hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        dl->AddCircleFilled(ImVec2(bp.x + 20, bp.y + 20), 19, color::kSurfaceHover);
    }
    DrawBell(dl, ImVec2(bp.x + 20, bp.y + 21), bell_hovered ? color::kText : color::kTextSecondary, vm.unread);

    const float panel_w = std::min(380.0f, ImGui::GetIO().DisplaySize.x - 16);
    ImGui::SetNextWindowPos(ImVec2(std::max(8.0f, bp.x + 40 - panel_w), bp.y + 46));
    ImGui::SetNextWindowSize(ImVec2(panel_w, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 8));
    ImGui::PushStyleVar(ImGuiStyleVar_PopupRounding, 10.0f);
    if (ImGui::BeginPopup("inbox")) {
        DrawNoticeList(vm, panel_w, 16, actions);
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar(2);

    if (!availability || !vm.availability_known) return;
    // TRANSLATORS: an agent's availability for auto-assignment, shown on a toggle in the top bar.
    const char* text = vm.available ? tr("Available") : tr("Away");
    const float pill_w = MeasureText(f.small_semibold, text).x + 38;
    x -= 12 + pill_w;
    ImGui::SetCursorPos(ImVec2(x, (kTopBarHeight - 30) * 0.5f));
    const ImVec2 pp = ImGui::GetCursorScreenPos();
    const std::string label = std::string(text) + "###availability";
    if (ImGui::InvisibleButton(label.c_str(), ImVec2(pill_w, 30)) && !vm.availability_busy) actions.ToggleAvailability();
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::SetTooltip("%s", vm.available ? tr("New requests can be assigned to you. Click to go away.")
                                             : tr("Auto-assignment skips you. Click to become available."));
    }
    dl->AddRectFilled(pp, ImVec2(pp.x + pill_w, pp.y + 30), vm.available ? color::kSuccessSoft : color::kMutedSoft, 15.0f);
    if (hovered) dl->AddRect(pp, ImVec2(pp.x + pill_w, pp.y + 30), color::kInputBorder, 15.0f);
    dl->AddCircleFilled(ImVec2(pp.x + 16, pp.y + 15), 4.5f, vm.available ? color::kSuccess : color::kTextMuted);
    if (vm.availability_busy) DrawSpinner(dl, ImVec2(pp.x + 16, pp.y + 15), 6, 1.6f, color::kAccent);
    DrawTextAt(dl, f.small_semibold, ImVec2(pp.x + 27, pp.y + 6), vm.available ? color::kSuccess : color::kTextSecondary, text);
}

}  // namespace

void DrawTopBar(const TopBarViewModel& vm, UiState& ui, Actions& actions) {
    const Fonts& f = GetFonts();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetWindowPos();
    const float w = ui.viewport_width;
    dl->AddRectFilled(origin, ImVec2(origin.x + w, origin.y + kTopBarHeight), color::kSurface);
    dl->AddLine(ImVec2(origin.x, origin.y + kTopBarHeight - 0.5f), ImVec2(origin.x + w, origin.y + kTopBarHeight - 0.5f), color::kBorder);

    // Logo: a mark and the word, which also leads home.
    const float pad = w < 720 ? 16.0f : 28.0f;
    ImGui::SetCursorPos(ImVec2(pad, 0));
    const ImVec2 logo = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton("Spoc##logo", ImVec2(w < 760 ? 30.0f : 100.0f, kTopBarHeight))) {
        Route home;
        actions.Navigate(home);
    }
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    const ImVec2 mark(logo.x, logo.y + (kTopBarHeight - 30) * 0.5f);
    dl->AddRectFilled(mark, ImVec2(mark.x + 30, mark.y + 30), color::kAccentFill, 8.0f);
    const ImVec2 ss = MeasureText(f.h3, "S");
    DrawTextAt(dl, f.h3, ImVec2(mark.x + (30 - ss.x) * 0.5f, mark.y + (30 - ss.y) * 0.5f), color::kOnAccent, "S");
    const bool compact = w < 760;  // phones: mark only, short link names, no avatar
    if (!compact) {
        const ImVec2 ws = MeasureText(f.h3, "Spoc");
        DrawTextAt(dl, f.h3, ImVec2(mark.x + 40, logo.y + (kTopBarHeight - ws.y) * 0.5f), color::kText, "Spoc");
    }

    // Navigation: the tabs that fit between the logo and the account menu; the rest go into a
    // "More" menu (phones), so nothing is ever drawn over anything else.
    struct Tab {
        const char* text;  // translated
        const char* id;    // ImGui id and hook key
        Route route;
        bool active;
        std::string label() const { return std::string(text) + "###" + id; }
    };
    std::vector<Tab> tabs;
    std::string approvals_label;  // outlives the tabs that point at it
    {
        Route home, catalog, requests, queue, knowledge;
        catalog.screen = Screen::catalog;
        requests.screen = Screen::requests;
        queue.screen = Screen::queue;
        queue.queue_view = "mine";
        knowledge.screen = Screen::kb_home;
        // TRANSLATORS: top-bar link to the home page.
        tabs.push_back({tr("Home"), "nav_home", home, vm.active == Screen::home});
        // TRANSLATORS: top-bar link; the first, short name is used on phones.
        tabs.push_back({compact ? tr("Catalog") : tr("Request catalog"), "nav_catalog", catalog, vm.active == Screen::catalog});
        // TRANSLATORS: top-bar link; the first, short name is used on phones.
        tabs.push_back({compact ? tr("Requests") : tr("My requests"), "nav_requests", requests, vm.active == Screen::requests});
        if (vm.staff) tabs.push_back({tr("Queue"), "nav_queue", queue, vm.active == Screen::queue});
        if (vm.staff && !compact) {
            Route walkup;
            walkup.screen = Screen::walkup;
            tabs.push_back({tr("Walk-up"), "nav_walkup", walkup, vm.active == Screen::walkup});
        }
        if (vm.staff) {
            Route reports;
            reports.screen = Screen::reports;
            // TRANSLATORS: top-bar link to the service-desk reports (staff).
            tabs.push_back({tr("Reports"), "nav_reports", reports, vm.active == Screen::reports});
        }
        // TRANSLATORS: top-bar link to the knowledge base ("Help" on phones).
        tabs.push_back({compact ? tr("Help") : tr("Knowledge"), "nav_kb", knowledge, vm.active == Screen::kb_home});
        if (vm.approvals > 0 || vm.active == Screen::approvals) {
            Route approvals;
            approvals.screen = Screen::approvals;
            // TRANSLATORS: top-bar link to the requests waiting for the user's approval; {0} is how many.
            approvals_label = vm.approvals > 0 ? Format(tr("Approvals ({0})"), {i18n::FormatInt(vm.approvals)}) : std::string(tr("Approvals"));
            tabs.push_back({approvals_label.c_str(), "nav_approvals", approvals, vm.active == Screen::approvals});
        }
        if (!vm.staff && !compact) {  // phones reach it from the home page's link
            Route desks;
            desks.screen = Screen::desks;
            // TRANSLATORS: top-bar link to the walk-up desks (queue on the way, appointments).
            tabs.push_back({tr("Walk-up desks"), "nav_desks", desks, vm.active == Screen::desks});
        }
    }
    const float account_w = 40.0f;
    const bool show_name = w >= 900;
    const float name_w = show_name ? std::max(MeasureText(f.body_semibold, vm.user_name).x, MeasureText(f.small, vm.role).x) + 10.0f : 0.0f;
    const float account_x = w - pad - account_w - name_w;
    const float tabs_x = pad + (compact ? 36 : 128);
    // Availability pill and bell, or the bell; phones keep the bell's list in the account menu.
    const float agent_w = compact ? 0.0f : vm.staff ? 180.0f : 44.0f;
    float room = account_x - 12 - agent_w - tabs_x;
    const float tab_pad = compact ? 8.0f : 12.0f;
    // TRANSLATORS: top-bar menu holding the links that don't fit.
    const char* more = tr("More");
    const float more_w = MeasureText(f.body_semibold, more).x + 2 * tab_pad + 14.0f;
    size_t fit = 0;
    {
        float used = 0;
        for (size_t i = 0; i < tabs.size(); ++i) {
            const float tw = MeasureText(f.body_semibold, tabs[i].text).x + 2 * tab_pad;
            const float need = used + tw + (i + 1 < tabs.size() ? more_w : 0.0f);
            if (need > room) break;
            used += tw + (compact ? 0 : 4);
            fit = i + 1;
        }
    }
    ImGui::SetCursorPos(ImVec2(tabs_x, 0));
    for (size_t i = 0; i < fit; ++i) {
        if (i) ImGui::SameLine(0, compact ? 0 : 4);
        if (NavTab(tabs[i].label().c_str(), tabs[i].active, kTopBarHeight, tab_pad)) actions.Navigate(tabs[i].route);
    }
    if (fit < tabs.size()) {
        bool overflow_active = false;
        for (size_t i = fit; i < tabs.size(); ++i) overflow_active = overflow_active || tabs[i].active;
        if (fit) ImGui::SameLine(0, compact ? 0 : 4);
        const ImVec2 mp = ImGui::GetCursorScreenPos();
        if (NavTab((std::string(more) + "   ###nav_more").c_str(), overflow_active, kTopBarHeight, tab_pad)) ImGui::OpenPopup("nav_more_menu");
        const ImVec2 c(ImGui::GetItemRectMax().x - 2, mp.y + kTopBarHeight * 0.5f);
        dl->AddTriangleFilled(ImVec2(c.x - 9, c.y - 2), ImVec2(c.x - 1, c.y - 2), ImVec2(c.x - 5, c.y + 3), color::kTextSecondary);
        ImGui::SetNextWindowPos(ImVec2(std::min(mp.x, w - 8 - 200), mp.y + kTopBarHeight - 4));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6, 6));
        ImGui::PushStyleVar(ImGuiStyleVar_PopupRounding, 10.0f);
        if (ImGui::BeginPopup("nav_more_menu")) {
            ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8, 2));
            for (size_t i = fit; i < tabs.size(); ++i) {
                const ImVec2 ip = ImGui::GetCursorScreenPos();
                if (ImGui::Selectable((std::string("##m") + tabs[i].id).c_str(), tabs[i].active, 0, ImVec2(188, 40)))
                    actions.Navigate(tabs[i].route);
                hooks::AnnotateItem(ImGui::GetItemID(), tabs[i].text, tabs[i].id);
                DrawTextAt(ImGui::GetWindowDrawList(), f.body_semibold, ImVec2(ip.x + 12, ip.y + 10),
                           tabs[i].active ? color::kAccent : color::kText, tabs[i].text);
            }
            ImGui::PopStyleVar();
            ImGui::EndPopup();
        }
        ImGui::PopStyleVar(2);
    }

    // The account menu, right-aligned: avatar (and name on wide screens) opens name, role and Sign out.
    ImGui::SetCursorPos(ImVec2(account_x, (kTopBarHeight - 40) * 0.5f));
    const ImVec2 ap = ImGui::GetCursorScreenPos();
    // TRANSLATORS: name of the account menu button; {0} is the signed-in user's name.
    std::string account_label = Format(tr("Account: {0}"), {vm.user_name});
    // TRANSLATORS: added to the account button's name on phones, where it holds the notifications.
    if (compact && vm.unread > 0) account_label += " · " + Plural("{0} unread notification", "{0} unread notifications", vm.unread);
    account_label += "###account";
    if (ImGui::InvisibleButton(account_label.c_str(), ImVec2(account_w + name_w, 40))) {
        ImGui::OpenPopup("account_menu");
        if (compact) actions.RefreshInbox();
    }
    const bool account_hovered = ImGui::IsItemHovered();
    if (account_hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        dl->AddRectFilled(ImVec2(ap.x - 4, ap.y), ImVec2(ap.x + account_w + name_w + 4, ap.y + 40), color::kSurfaceHover, 20.0f);
    }
    ImGui::RenderNavHighlight(ImRect(ap, ImVec2(ap.x + account_w + name_w, ap.y + 40)), ImGui::GetItemID());
    {
        const ImVec2 c(ap.x + 20, ap.y + 20);
        dl->AddCircleFilled(c, 17, color::kAccentSoft, 32);
        const ImVec2 ts = MeasureText(f.small_semibold, vm.user_initials);
        DrawTextAt(dl, f.small_semibold, ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), color::kAccent, vm.user_initials);
        if (compact && vm.unread > 0) {  // phones: the bell's count rides on the avatar
            const std::string count = vm.unread > 99 ? std::string("99+") : std::to_string(vm.unread);
            const ImVec2 cs = MeasureText(f.small_semibold, count);
            const float bw = std::max(18.0f, cs.x + 10);
            const ImVec2 b(c.x + 8, c.y - 22);
            dl->AddRectFilled(b, ImVec2(b.x + bw, b.y + 18), color::kDangerFill, 9.0f);
            DrawTextAt(dl, f.small_semibold, ImVec2(b.x + (bw - cs.x) * 0.5f, b.y + (18 - cs.y) * 0.5f), color::kOnAccent, count);
        }
    }
    if (show_name) {
        const ImVec2 p(ap.x + 46, ap.y + 1);
        DrawTextAt(dl, f.body_semibold, p, color::kText, vm.user_name);
        DrawTextAt(dl, f.small, ImVec2(p.x, p.y + 20), color::kTextMuted, vm.role);
    }
    const float menu_w = 240.0f;
    ImGui::SetNextWindowPos(ImVec2(std::max(8.0f, ap.x + account_w + name_w - menu_w), ap.y + 46));
    ImGui::SetNextWindowSize(ImVec2(menu_w, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14, 12));
    ImGui::PushStyleVar(ImGuiStyleVar_PopupRounding, 10.0f);
    if (ImGui::BeginPopup("account_menu")) {
        Label(f.body_semibold, color::kText, vm.user_name);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 6);
        Label(f.small, color::kTextMuted, vm.role);
        VSpace(6);
        Label(f.small_semibold, color::kTextSecondary, tr("Language"));
        i18n::Lang lang;
        if (LanguagePicker("##account_language", menu_w - 28, &lang)) actions.ChooseLanguage(lang);
        VSpace(8);
        // Approvals, with "When you're away", even when nothing waits (the top-bar link is hidden then).
        // TRANSLATORS: account menu link to the approvals page and its out-of-office delegation.
        if (LinkButton((std::string(tr("Approvals and time away")) + "###account_approvals").c_str(), f.small_semibold)) {
            ImGui::CloseCurrentPopup();
            Route approvals;
            approvals.screen = Screen::approvals;
            actions.Navigate(approvals);
        }
        if (compact) {  // phones: the inbox lives here (the top bar has no room for the bell)
            VSpace(8);
            Divider(menu_w - 28);
            VSpace(6);
            DrawNoticeList(vm, menu_w - 28, 0, actions, 5);
            Divider(menu_w - 28);
        }
        if (vm.admin) {
            VSpace(6);
            // TRANSLATORS: account menu link (admins) to the page of departments and managers.
            if (LinkButton((std::string(tr("People and managers")) + "###account_people").c_str(), f.small_semibold)) {
                ImGui::CloseCurrentPopup();
                Route people;
                people.screen = Screen::people;
                actions.Navigate(people);
            }
        }
        VSpace(8);
        if (Button(L("Sign out", "signout").c_str(), ButtonKind::secondary, ImVec2(menu_w - 28, 36))) {
            ImGui::CloseCurrentPopup();
            actions.SignOut();
        }
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar(2);
    if (!compact) DrawAgentControls(vm, account_x - 14, vm.staff, actions);

    // Activity: a thin indeterminate bar under the top bar while requests are in flight (a steady
    // line under reduced motion).
    if (vm.busy > 0) {
        if (!ReducedMotion()) RequestAnimation();
        const ActivitySpan span = ActivityBarSpan(ImGui::GetTime(), w);
        if (span.end > span.begin)
            dl->AddRectFilled(ImVec2(origin.x + span.begin, origin.y + kTopBarHeight - 2),
                              ImVec2(origin.x + span.end, origin.y + kTopBarHeight), color::kAccent);
    }
}

void DrawStartup(const StartupViewModel& vm, UiState& ui, Actions& actions) {
    const float w = ui.viewport_width, h = ui.viewport_height;
    if (vm.error.empty()) {
        ImGui::SetCursorPos(ImVec2(0, h * 0.5f - 60));
        LoadingPanel(tr("Loading Spoc…"), w);
        return;
    }
    const float card_w = std::min(460.0f, w - 32);
    ImGui::SetCursorPos(ImVec2((w - card_w) * 0.5f, std::max(24.0f, h * 0.5f - 150)));
    if (ErrorPanel("startup_error", tr("Spoc is unavailable"), vm.error, true, card_w)) actions.Retry();
}

void DrawNotFound(UiState& ui, Actions& actions) {
    const float w = std::min(520.0f, ui.content_width);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ui.content_width - w) * 0.5f);
    BeginCard("not_found", w, 40);
    Label(GetFonts().h2, color::kText, tr("Page not found"));
    VSpace(2);
    Paragraph(GetFonts().body, color::kTextSecondary, tr("The link you followed doesn't lead anywhere in Spoc. It may be mistyped or out of date."),
              w - 80);
    VSpace(8);
    if (Button(L("Go to the home page", "go_home").c_str(), ButtonKind::primary)) actions.Navigate(Route{});
    EndCard();
}

void DrawToasts(const std::vector<Toast>& toasts, Actions& actions) {
    if (toasts.empty()) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const Fonts& f = GetFonts();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y - 24), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoNav |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove;
    ImGui::Begin("toasts", nullptr, flags);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float max_w = std::min(480.0f, vp->Size.x - 32);
    for (size_t i = 0; i < toasts.size(); ++i) {
        const Toast& t = toasts[i];
        const ImVec2 ts = MeasureText(f.body, t.text, max_w - 56);
        const ImVec2 size(std::min(max_w, ts.x + 56), ts.y + 28);
        ImGui::PushID(static_cast<int>(i));
        const ImVec2 min = ImGui::GetCursorScreenPos();
        if (ImGui::InvisibleButton((t.text + "##toast").c_str(), size)) actions.DismissToast(i);
        if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::PopID();
        const ImVec2 max(min.x + size.x, min.y + size.y);
        dl->AddRectFilled(ImVec2(min.x, min.y + 3), ImVec2(max.x, max.y + 4), color::Shadow(30), 10.0f);
        dl->AddRectFilled(min, max, t.is_error ? color::kToastError : color::kToast, 10.0f);
        dl->AddCircleFilled(ImVec2(min.x + 20, min.y + size.y * 0.5f), 4.0f, t.is_error ? color::kToastErrorDot : color::kToastDot);
        DrawTextAt(dl, f.body, ImVec2(min.x + 34, min.y + 14), color::kToastText, t.text, max_w - 56);
        hooks::RecordText(t.text, t.is_error ? "alert" : "status", 0, min.x, min.y, max.x, max.y);
    }
    ImGui::End();
}

}  // namespace spoc::ui
