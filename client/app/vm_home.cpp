// View-models for the start-up splash, the sign-in screen, the portal home and #/catalog (its
// search lists matching services and the best articles side by side, from the same engine).
#include "client/app/view_models.h"
#include "client/app/vm_internal.h"
#include "shared/domain/catalog_search.h"
#include "shared/domain/i18n.h"
#include "shared/domain/text.h"

namespace spoc::client {

using i18n::Format;
using i18n::FormatInt;
using i18n::tr;
using i18n::trn;

namespace {

// Greeting() with the user's first name, as one sentence (the same hours as Greeting()).
std::string NamedGreeting(int hour, const std::string& name) {
    // TRANSLATORS: {0} is the user's first name.
    if (hour >= 5 && hour < 12) return Format(tr("Good morning, {0}"), {name});
    // TRANSLATORS: {0} is the user's first name.
    if (hour >= 12 && hour < 18) return Format(tr("Good afternoon, {0}"), {name});
    // TRANSLATORS: {0} is the user's first name.
    return Format(tr("Good evening, {0}"), {name});
}

}  // namespace

StartupViewModel BuildStartup(const AppState& state) {
    StartupViewModel vm;
    vm.checking = state.session == SessionPhase::unknown || state.session == SessionPhase::checking;
    if (state.session == SessionPhase::check_failed) {
        vm.error = state.session_error.code == ErrorCode::network
                       ? std::string(tr("We couldn't reach Spoc. Check your connection and try again."))
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
        vm.error = e.code == ErrorCode::network ? std::string(tr("We couldn't reach Spoc. Check your connection and try again."))
                                                : e.message;
        vm.error_field = e.field;
    }
    // TRANSLATORS: emma, liam, ava, root and spoc-demo are what the user types: keep them as they are.
    vm.demo_hint = tr("Demo accounts: emma, liam, ava and root — password spoc-demo");
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
        // Always more than the 3 shown, so English never needs the singular.
        if (vm.article_total > static_cast<int>(vm.article_results.size()))
            vm.see_all_label = i18n::Plural("See all {0} articles", "See all {0} articles", vm.article_total);
        const std::string query(Trim(state.search));
        const long services = static_cast<long>(vm.results.size());
        // TRANSLATORS: {0} is how many catalog services match, {1} what the user searched for.
        if (services > 0) vm.services_heading = Format(trn("{0} service matches “{1}”", "{0} services match “{1}”", services), {FormatInt(services), query});
        // TRANSLATORS: {0} is what the user searched for; knowledge articles matching it are listed above.
        else if (!vm.article_results.empty()) vm.services_note = Format(tr("No service matches “{0}” — the articles above may help."), {query});
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
    const int hour = LocalHour(clock);
    vm.greeting = state.me ? NamedGreeting(hour, FirstName(state.me->user)) : Greeting(hour);
    vm.subtitle = tr("What do you need help with today?");
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
    // The survey banner: the newest resolved request of mine still to rate (the detail's copy when
    // it is fresher), unless put off with "Not now".
    if (state.done_requests.has_data) {
        for (const Request& listed : state.done_requests.data.items) {
            const Request* r = &listed;
            if (auto d = state.details.find(listed.id.value); d != state.details.end() && d->second.has_data &&
                                                              d->second.data.version >= listed.version)
                r = &d->second.data;
            if (state.survey_banner_hidden.count(r->id.value)) continue;
            auto s = state.surveys.find(r->id.value);
            // Just answered here: it stays, thanking and offering the comment, until closed.
            const bool just_answered = s != state.surveys.end() && (s->second.in_flight || s->second.details_open);
            if (r->survey.score != 0 && !just_answered) continue;
            SurveyViewModel banner = BuildSurvey(state, *r, clock);
            if (!banner.visible) continue;
            vm.survey = std::move(banner);
            break;
        }
    }
    return vm;
}

}  // namespace spoc::client
