// View-model pieces used by several screens: catalog search and grouping, tiles, request rows,
// names and greetings, the document title and the top bar.
#include <algorithm>
#include <cctype>

#include "client/app/view_models.h"
#include "client/app/vm_internal.h"
#include "shared/domain/catalog_search.h"
#include "shared/domain/i18n.h"
#include "shared/domain/text.h"

namespace spoc::client {

using i18n::Format;
using i18n::tr;
using i18n::trc;

namespace {

std::vector<std::string_view> Words(std::string_view text) {
    std::vector<std::string_view> words;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        size_t j = i;
        while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j]))) ++j;
        if (j > i) words.push_back(text.substr(i, j - i));
        i = j;
    }
    return words;
}

int DepartmentRank(std::string_view department) {
    if (department == "IT") return 0;
    if (department == "HR") return 1;
    if (department == "Facilities") return 2;
    return 3;
}

bool CatalogOrder(const CatalogItem* a, const CatalogItem* b) {
    if (a->sort != b->sort) return a->sort < b->sort;
    return a->title < b->title;
}

}  // namespace

std::string RoleTitle(Role role) {
    switch (role) {
        case Role::employee: return trc("role", "Employee");
        case Role::agent: return trc("role", "Agent");
        case Role::admin: return trc("role", "Admin");
    }
    return {};
}

std::vector<const CatalogItem*> SearchCatalog(const std::vector<CatalogItem>& items, std::string_view query) {
    SearchIndex index;
    BuildCatalogSearchIndex(items, {}, index);
    return SearchCatalogItems(index, items, query);
}

std::vector<DepartmentGroupViewModel> GroupByDepartment(const std::vector<const CatalogItem*>& items) {
    std::vector<const CatalogItem*> sorted = items;
    std::stable_sort(sorted.begin(), sorted.end(), [](const CatalogItem* a, const CatalogItem* b) {
        const int ra = DepartmentRank(a->department), rb = DepartmentRank(b->department);
        if (ra != rb) return ra < rb;
        if (a->department != b->department) return a->department < b->department;
        return CatalogOrder(a, b);
    });
    std::vector<DepartmentGroupViewModel> groups;
    for (const CatalogItem* item : sorted) {
        if (groups.empty() || groups.back().department != item->department) {
            DepartmentGroupViewModel group;
            group.department = item->department;
            // TRANSLATORS: heading of the catalog services that belong to no department.
            group.heading = item->department.empty() ? std::string(trc("department", "Other")) : item->department;
            groups.push_back(std::move(group));
        }
        groups.back().tiles.push_back(MakeTile(*item));
    }
    return groups;
}

CatalogTileViewModel MakeTile(const CatalogItem& item) {
    CatalogTileViewModel tile;
    tile.id = item.id;
    tile.title = item.title;
    tile.summary = item.summary;
    tile.fulfillment = item.fulfillment;
    tile.department = item.department;
    tile.category = item.category;
    tile.icon = item.icon;
    tile.requires_approval = item.requires_approval;
    return tile;
}

Tone StatusTone(Status status) {
    switch (status) {
        case Status::new_: return Tone::info;
        case Status::assigned: return Tone::info;
        case Status::in_progress: return Tone::progress;
        case Status::pending: return Tone::warning;
        case Status::awaiting_approval: return Tone::warning;
        case Status::resolved: return Tone::success;
        case Status::closed: return Tone::muted;
        case Status::cancelled: return Tone::muted;
    }
    return Tone::neutral;
}

RequestRowViewModel MakeRequestRow(const Request& request, Timestamp now) {
    RequestRowViewModel row;
    row.id = request.id;
    row.number = request.number.empty() ? FormatRequestNumber(request.type, request.id) : request.number;
    row.summary = request.summary;
    row.status = std::string(StatusLabel(request.status));
    row.status_tone = StatusTone(request.status);
    row.priority = std::string(PriorityLabel(request.priority));
    row.updated = FormatRelative(request.updated_at ? request.updated_at : request.created_at, now);
    row.catalog_item = request.catalog_item_title;
    return row;
}

std::string FirstName(const User& user) {
    std::string_view name = Trim(user.display_name);
    if (!name.empty()) return std::string(name.substr(0, name.find(' ')));
    std::string out = user.username;
    if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

std::string Initials(const User& user) {
    std::string out;
    const std::vector<std::string_view> words = Words(user.display_name.empty() ? user.username : user.display_name);
    for (std::string_view w : words) {
        if (out.size() >= 2) break;
        const unsigned char c = static_cast<unsigned char>(w[0]);
        if (c < 0x80) out.push_back(static_cast<char>(std::toupper(c)));
    }
    return out.empty() ? "?" : out;
}

std::string Greeting(int hour) {
    if (hour >= 5 && hour < 12) return tr("Good morning");
    if (hour >= 12 && hour < 18) return tr("Good afternoon");
    return tr("Good evening");
}

std::string DocumentTitle(const AppState& state) {
    std::string page;
    switch (state.route.screen) {
        case Screen::signin: page = tr("Sign in"); break;
        case Screen::home: page = tr("Home"); break;
        case Screen::catalog: page = tr("Request catalog"); break;
        case Screen::catalog_item: {
            const CatalogItem* item = LoadedItem(state, state.route.item);
            page = item ? item->title : tr("Request catalog");
            break;
        }
        case Screen::requests: page = tr("My requests"); break;
        case Screen::request_detail: {
            auto it = state.details.find(state.route.request.value);
            page = it != state.details.end() && it->second.has_data ? it->second.data.number + " " + it->second.data.summary
                                                                     : tr("Request");
            break;
        }
        case Screen::kb_home: page = tr("Knowledge base"); break;
        case Screen::queue: page = tr("Queue"); break;
        case Screen::kb_review: page = tr("Articles to review"); break;
        case Screen::kb_article:
        case Screen::kb_edit: {
            auto it = state.articles.find(state.route.article.value);
            const bool known = it != state.articles.end() && it->second.has_data;
            const std::string title = known ? it->second.data.content.title : std::string();
            if (state.route.screen == Screen::kb_article) page = known ? title : tr("Article");
            else if (!state.route.article.valid()) page = tr("New article");  // nothing is loaded as article 0
            // TRANSLATORS: browser tab title of the article editor; {0} is the article's title (empty while it loads).
            else page = Format(tr("Edit: {0}"), {title});
            break;
        }
        case Screen::not_found: page = tr("Page not found"); break;
        case Screen::kiosk: page = tr("Walk-up check-in"); break;
        case Screen::walkup: page = tr("Walk-up"); break;
        case Screen::desks: page = tr("Walk-up desks"); break;
        case Screen::approvals: page = tr("Approvals"); break;
        // TRANSLATORS: the admins' page of departments and managers.
        case Screen::people: page = tr("People"); break;
        case Screen::reports: page = tr("Reports"); break;
        case Screen::board: page = state.kiosk.device ? state.kiosk.device->location.name : tr("Queue board"); break;
    }
    // TRANSLATORS: the browser tab title; {0} is the page ("My requests", a request's number and summary...).
    return Format(tr("{0} · Spoc"), {page});
}

TopBarViewModel BuildTopBar(const AppState& state, int busy, Timestamp now) {
    TopBarViewModel bar;
    bar.visible = state.session == SessionPhase::signed_in && state.me.has_value() && state.route.screen != Screen::signin;
    if (state.me) {
        bar.user_name = state.me->user.display_name.empty() ? state.me->user.username : state.me->user.display_name;
        bar.user_initials = Initials(state.me->user);
        bar.role = RoleTitle(state.me->user.role);
    }
    switch (state.route.screen) {
        case Screen::catalog:
        case Screen::catalog_item: bar.active = Screen::catalog; break;
        case Screen::requests: bar.active = Screen::requests; break;
        case Screen::request_detail: {
            // Staff on someone else's request came from the queue; their own is under My requests.
            auto d = state.details.find(state.route.request.value);
            const bool others = state.me && IsStaff(state.me->user.role) && d != state.details.end() &&
                                d->second.has_data && d->second.data.requester_id != state.me->user.id;
            bar.active = others ? Screen::queue : Screen::requests;
            break;
        }
        case Screen::kb_home:
        case Screen::kb_article:
        case Screen::kb_edit:
        case Screen::kb_review: bar.active = Screen::kb_home; break;
        case Screen::queue: bar.active = Screen::queue; break;
        default: bar.active = state.route.screen;
    }
    bar.busy = busy;
    bar.approvals = state.approvals.has_data ? state.approvals.data.total : 0;
    bar.staff = state.me && IsStaff(state.me->user.role);
    bar.admin = state.me && state.me->user.role == Role::admin;
    if (state.me) {
        const AgentInboxState& a = state.agent;
        bar.availability_known = bar.staff && a.self.has_data;
        bar.available = a.self.data.available;
        bar.availability_busy = a.availability_saving;
        bar.unread = a.notifications.data.unread;
        bar.notifications_loading = !a.notifications.has_data && a.notifications.load == Load::loading;
        for (const api::Notification& n : a.notifications.data.items)
            bar.notifications.push_back({n.id, n.text, FormatRelative(n.created_at, now), n.read_at == 0});
    }
    return bar;
}

}  // namespace spoc::client
