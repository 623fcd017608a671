// View-models for the start-up splash, the sign-in screen, the portal home and #/catalog (its
// search lists matching services and the best articles side by side, from the same engine).
#include "client/app/view_models.h"
#include "client/app/vm_internal.h"
#include "shared/domain/catalog_search.h"
#include "shared/domain/text.h"

namespace spoc::client {

StartupViewModel BuildStartup(const AppState& state) {
    StartupViewModel vm;
    vm.checking = state.session == SessionPhase::unknown || state.session == SessionPhase::checking;
    if (state.session == SessionPhase::check_failed) {
        vm.error = state.session_error.code == ErrorCode::network
                       ? "We couldn't reach Spoc. Check your connection and try again."
                       : state.session_error.message;
    }
    return vm;
}

SignInViewModel BuildSignIn(const AppState& state) {
    SignInViewModel vm;
    vm.username = state.sign_in.username;
    vm.password = state.sign_in.password;
    vm.submitting = state.sign_in.in_flight;
    if (state.sign_in.error) {
        const Error& e = *state.sign_in.error;
        vm.error = e.code == ErrorCode::network ? "We couldn't reach Spoc. Check your connection and try again." : e.message;
        vm.error_field = e.field;
    }
    vm.demo_hint = "Demo accounts: emma, liam, ava and root \xE2\x80\x94 password spoc-demo";
    return vm;
}

CatalogViewModel BuildCatalog(const AppState& state) {
    CatalogViewModel vm;
    vm.load = ToLoadView(state.catalog, "all");
    vm.search = state.search;
    if (!state.catalog.has_data) return vm;
    const std::vector<CatalogItem>& items = state.catalog.data;
    vm.item_count = static_cast<int>(items.size());
    vm.searching = !Trim(state.search).empty();
    if (vm.searching) {
        // Services and articles go through the same engine, so a typo finds both or neither.
        SearchIndex scratch;  // only while the cached index is behind the catalog (before the next Sync)
        const SearchIndex* index = FreshCatalogSearch(state);
        if (!index) {
            BuildCatalogSearchIndex(items, state.kb_index.has_data ? state.kb_index.data.index.synonyms : SynonymPairs{},
                                    scratch);
            index = &scratch;
        }
        for (const CatalogItem* item : SearchCatalogItems(*index, items, state.search)) vm.results.push_back(MakeTile(*item));
        vm.article_results = SearchArticles(state, state.search, 3);
        if (state.kb_index.has_data)
            vm.article_total = static_cast<int>(state.kb_index.data.search.Search(state.search, kKbSearchLimit).size());
        if (vm.article_total > static_cast<int>(vm.article_results.size()))
            vm.see_all_label = "See all " + std::to_string(vm.article_total) + " articles";
        const std::string quoted = "\xE2\x80\x9C" + std::string(Trim(state.search)) + "\xE2\x80\x9D";
        if (vm.results.size() == 1) vm.services_heading = "1 service matches " + quoted;
        else if (!vm.results.empty()) vm.services_heading = std::to_string(vm.results.size()) + " services match " + quoted;
        else if (!vm.article_results.empty()) vm.services_note = "No service matches " + quoted + " \xE2\x80\x94 the articles above may help.";
        vm.nothing_found = vm.results.empty() && vm.article_results.empty();
    } else {
        std::vector<const CatalogItem*> all;
        for (const CatalogItem& item : items) all.push_back(&item);
        vm.groups = GroupByDepartment(all);
    }
    return vm;
}

HomeViewModel BuildHome(const AppState& state, const Clock& clock) {
    HomeViewModel vm;
    vm.greeting = Greeting(LocalHour(clock));
    if (state.me) vm.greeting += ", " + FirstName(state.me->user);
    vm.subtitle = "What do you need help with today?";
    vm.catalog = BuildCatalog(state);
    RequestFilter open;
    open.kind = StatusFilter::open;
    vm.open_load = ToLoadView(state.open_requests, RequestListKey(open, 1, Effects::kHomeOpenCount));
    if (state.open_requests.has_data) {
        for (const Request& r : state.open_requests.data.items) {
            if (vm.open_requests.size() >= static_cast<size_t>(Effects::kHomeOpenCount)) break;
            vm.open_requests.push_back(MakeRequestRow(r, clock.now));
        }
        vm.open_total = state.open_requests.data.total;
    }
    return vm;
}

}  // namespace spoc::client
