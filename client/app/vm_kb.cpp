// Knowledge-base view-models (see view_models.h): local search results with highlighted
// snippets, the knowledge home (categories, most helpful, staff management list, admin
// statistics), the article page with feedback, the editor with preview, history and diff, the
// review list, and the suggestions beside a request form.
#include <algorithm>
#include <map>

#include "client/app/view_models.h"
#include "client/app/vm_internal.h"
#include "shared/domain/catalog_search.h"
#include "shared/domain/text.h"

namespace spoc::client {

namespace {

bool IsStaffUser(const AppState& state) { return state.me && IsStaff(state.me->user.role); }

std::string Plural(int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

ArticleRowViewModel MakeArticleRow(const Article& a, const Clock& clock, bool helpful_meta) {
    ArticleRowViewModel row;
    row.id = a.id;
    row.title = a.content.title;
    row.category = a.content.category;
    row.state = std::string(ArticleStateLabel(a.state));
    row.state_tone = ArticleStateTone(a.state);
    row.overdue = IsReviewOverdue(a, LocalToday(clock));
    row.review_by = a.content.review_by;
    row.agents_only = a.content.audience == Audience::agents;
    if (helpful_meta && a.helpful > 0)
        row.meta = Plural(a.helpful, "person found this helpful", "people found this helpful");
    else
        row.meta = "Updated " + FormatRelative(a.updated_at, clock.now) +
                   (a.updated_by_name.empty() ? "" : " by " + a.updated_by_name);
    return row;
}

const Article* LoadedArticle(const AppState& state, ArticleId id) {
    auto it = state.articles.find(id.value);
    return it != state.articles.end() && it->second.has_data && it->second.data.id == id ? &it->second.data : nullptr;
}

}  // namespace

Tone ArticleStateTone(ArticleState state) {
    switch (state) {
        case ArticleState::draft: return Tone::neutral;
        case ArticleState::in_review: return Tone::warning;
        case ArticleState::published: return Tone::success;
        case ArticleState::retired: return Tone::muted;
    }
    return Tone::neutral;
}

// [SECTION] Search ------------------------------------------------------------------------------------

std::vector<SnippetPiece> SplitSnippet(std::string_view marked) {
    std::vector<SnippetPiece> out;
    bool highlight = false;
    std::string current;
    auto flush = [&] {
        if (!current.empty()) out.push_back({std::move(current), highlight});
        current.clear();
    };
    for (char c : marked) {
        if (c == kSnippetMarkBegin || c == kSnippetMarkEnd) {
            flush();
            highlight = c == kSnippetMarkBegin;
            continue;
        }
        if (c == '\n') current += kSnippetBlockBreak;  // Snippet() writes breaks so already; a stray one must not glue words
        else current += c;
    }
    flush();
    return out;
}

namespace {

const api::KbIndexEntry* FindEntry(const KbIndexData& data, std::int64_t id) {
    const auto& articles = data.index.articles;
    auto it = std::find_if(articles.begin(), articles.end(), [&](const api::KbIndexEntry& e) { return e.id.value == id; });
    return it == articles.end() ? nullptr : &*it;
}

ArticleHitViewModel MakeHit(const KbIndexData& data, const api::KbIndexEntry& e, std::string_view query) {
    return {e.id, e.title, e.category, SplitSnippet(data.search.Snippet(e.id.value, query, 160))};
}

}  // namespace

std::vector<ArticleHitViewModel> SearchArticles(const AppState& state, std::string_view query, int limit,
                                                double min_relative) {
    std::vector<ArticleHitViewModel> out;
    if (!state.kb_index.has_data || Trim(query).empty()) return out;
    const KbIndexData& data = state.kb_index.data;
    const std::vector<SearchHit> hits = data.search.Search(query, limit);
    for (const SearchHit& hit : hits) {
        if (hit.score < hits.front().score * min_relative) break;  // best first: the rest are weaker
        if (const api::KbIndexEntry* e = FindEntry(data, hit.doc_id)) out.push_back(MakeHit(data, *e, query));
    }
    return out;
}

std::vector<ArticleHitViewModel> SuggestArticles(const AppState& state, const CatalogItem& item,
                                                 const std::vector<std::string_view>& typed, int limit) {
    std::vector<ArticleHitViewModel> out;
    if (!state.kb_index.has_data) return out;
    const KbIndexData& data = state.kb_index.data;
    const std::string query = SuggestionQuery(data.search, typed);
    if (query.empty()) return out;  // too little typed to go on
    std::vector<SearchHit> hits = data.search.Search(query, kKbSearchLimit);
    std::vector<bool> about;
    for (const SearchHit& hit : hits) {
        const api::KbIndexEntry* e = FindEntry(data, hit.doc_id);
        about.push_back(e && IsArticleAboutItem(item, e->category, e->tags));
    }
    for (const SearchHit& hit : RankSuggestions(std::move(hits), about, limit))
        if (const api::KbIndexEntry* e = FindEntry(data, hit.doc_id)) out.push_back(MakeHit(data, *e, query));
    return out;
}

// [SECTION] Knowledge home ----------------------------------------------------------------------------

KbHomeViewModel BuildKbHome(const AppState& state, const Clock& clock) {
    KbHomeViewModel vm;
    vm.load = ToLoadView(state.kb_index, "index");
    vm.search = state.kb_search;
    vm.searching = !Trim(state.kb_search).empty();
    vm.staff = IsStaffUser(state);
    vm.admin = state.me && state.me->user.role == Role::admin;
    vm.category = state.kb_category;
    if (state.kb_index.has_data) {
        const auto& articles = state.kb_index.data.index.articles;
        vm.article_count = static_cast<int>(articles.size());
        if (vm.searching) vm.results = SearchArticles(state, state.kb_search, kKbSearchLimit);
        std::map<std::string, int> counts;
        for (const api::KbIndexEntry& e : articles) counts[e.category.empty() ? "General" : e.category] += 1;
        for (const auto& [name, count] : counts) vm.categories.push_back({name, count, name == state.kb_category});
        if (!state.kb_category.empty()) {
            for (const api::KbIndexEntry& e : articles) {
                if ((e.category.empty() ? "General" : e.category) != state.kb_category) continue;
                ArticleRowViewModel row;
                row.id = e.id;
                row.title = e.title;
                row.category = e.category;
                row.agents_only = e.audience == Audience::agents;
                row.meta = "Updated " + FormatRelative(e.updated_at, clock.now);
                vm.category_articles.push_back(std::move(row));
            }
            std::sort(vm.category_articles.begin(), vm.category_articles.end(),
                      [](const ArticleRowViewModel& a, const ArticleRowViewModel& b) { return a.title < b.title; });
        }
    }
    vm.popular_load = ToLoadView(state.kb_popular, "helpful");
    if (state.kb_popular.has_data)
        for (const Article& a : state.kb_popular.data.items)
            if (a.helpful > 0) vm.popular.push_back(MakeArticleRow(a, clock, true));  // only what people voted for
    if (vm.staff) {
        vm.manage_load = ToLoadView(state.kb_manage, "all");
        if (state.kb_manage.has_data)
            for (const Article& a : state.kb_manage.data.items) vm.manage.push_back(MakeArticleRow(a, clock, false));
        if (state.kb_review.has_data) vm.review_count = static_cast<int>(state.kb_review.data.items.size());
    }
    if (vm.admin) {
        vm.stats_load = ToLoadView(state.kb_stats, "stats");
        if (state.kb_stats.has_data) {
            const api::KbStats& s = state.kb_stats.data;
            vm.deflections_total = s.deflections_total;
            vm.deflections_30d = s.deflections_30d;
            vm.views_total = s.views_total;
            vm.articles_published = s.articles_published;
            for (const api::KbArticleStat& a : s.top_deflecting)
                vm.top_deflecting.push_back({a.id, a.title, Plural(a.count, "deflection", "deflections")});
            for (const api::KbArticleStat& a : s.most_helpful)
                vm.most_helpful.push_back({a.id, a.title, std::to_string(a.count) + " helpful, " + std::to_string(a.other) + " not"});
            for (const api::KbFeedbackEntry& f : s.recent_feedback)
                vm.feedback.push_back(f.user_name + (f.helpful ? " (helpful) on " : " (not helpful) on ") + f.title +
                                      ": \"" + f.comment + "\"");
        }
    }
    if (vm.admin) {
        vm.synonyms_load = ToLoadView(state.kb_synonyms, "synonyms");
        vm.synonyms_dirty = state.synonyms_draft.has_value();
        vm.synonyms_text = vm.synonyms_dirty ? *state.synonyms_draft : state.kb_synonyms.data.text;
        vm.synonyms_saving = state.synonyms_saving;
        auto parsed = ParseSynonyms(vm.synonyms_text);
        vm.synonym_pairs = parsed.ok() ? static_cast<int>(parsed->size()) : -1;
        if (state.synonyms_error) vm.synonyms_error = state.synonyms_error->message;
        else if (!parsed.ok()) vm.synonyms_error = parsed.error().message;
    }
    return vm;
}

// [SECTION] Article page ------------------------------------------------------------------------------

ArticleViewModel BuildArticle(const AppState& state, ArticleId id, const Clock& clock) {
    ArticleViewModel vm;
    vm.id = id;
    vm.staff = IsStaffUser(state);
    vm.comment_max_chars = static_cast<int>(kMaxFeedbackComment);
    auto slot = state.articles.find(id.value);
    if (slot == state.articles.end()) return vm;
    vm.load = ToLoadView(slot->second, std::to_string(id.value));
    if (vm.load.status == ViewStatus::failed && slot->second.error.code == ErrorCode::not_found)
        vm.load.error = "This article doesn't exist, or isn't available to you.";
    const Article* a = LoadedArticle(state, id);
    if (!a) return vm;
    if (vm.load.status != ViewStatus::failed) vm.load.status = ViewStatus::ready;
    vm.title = a->content.title;
    vm.category = a->content.category;
    vm.tags = a->content.tags;
    vm.updated = "Updated " + FormatRelative(a->updated_at, clock.now);
    vm.owner = a->owner_name;
    vm.document = md::Parse(a->content.body);
    vm.state = std::string(ArticleStateLabel(a->state));
    vm.state_tone = ArticleStateTone(a->state);
    vm.published = a->state == ArticleState::published;
    vm.agents_only = a->content.audience == Audience::agents;
    vm.overdue = IsReviewOverdue(*a, LocalToday(clock));
    vm.review_by = a->content.review_by;
    vm.helpful = a->helpful;
    vm.not_helpful = a->not_helpful;
    vm.views = a->views;
    if (auto f = state.feedback.find(id.value); f != state.feedback.end()) {
        vm.voted = f->second.voted;
        vm.voted_helpful = f->second.helpful;
        vm.feedback_sending = f->second.in_flight;
        vm.comment_open = f->second.comment_open;
        vm.comment = f->second.comment;
        vm.comment_sent = f->second.comment_sent;
        if (f->second.error) vm.feedback_error = f->second.error->message;
    }
    return vm;
}

// [SECTION] Editor ------------------------------------------------------------------------------------

std::string EditorViewModel::ProblemFor(std::string_view field) const {
    for (const FieldError& p : problems)
        if (p.field == field) return p.message;
    return {};
}

EditorViewModel BuildEditor(const AppState& state, ArticleId id, const Clock& clock) {
    EditorViewModel vm;
    vm.id = id;
    vm.is_new = !id.valid();
    auto editor = state.editors.find(id.value);
    if (vm.is_new) {
        vm.load.status = ViewStatus::ready;
        vm.state = "New draft";
    } else {
        auto slot = state.articles.find(id.value);
        if (slot != state.articles.end()) vm.load = ToLoadView(slot->second, std::to_string(id.value) + "?edit");
        if (const Article* a = LoadedArticle(state, id)) {
            vm.state = std::string(ArticleStateLabel(a->state));
            vm.state_tone = ArticleStateTone(a->state);
            vm.version = a->version;
            if (vm.load.status == ViewStatus::loading) vm.load.status = ViewStatus::ready;
            const ArticleState all[] = {ArticleState::in_review, ArticleState::published, ArticleState::draft,
                                        ArticleState::retired};
            for (ArticleState to : all) {
                if (!CanTransition(a->state, to)) continue;
                std::string label = to == ArticleState::in_review   ? "Send for review"
                                    : to == ArticleState::published ? "Publish"
                                    : to == ArticleState::retired   ? "Retire"
                                                                    : (a->state == ArticleState::published ? "Unpublish" : "Back to draft");
                vm.state_actions.push_back({std::move(label), to, to == ArticleState::published});
            }
        }
    }
    if (editor == state.editors.end() || !editor->second.initialized) {
        if (!vm.is_new && vm.load.status == ViewStatus::ready) vm.load.status = ViewStatus::loading;
        return vm;
    }
    const EditorState& e = editor->second;
    vm.content = e.content;
    vm.tags_text = e.tags_text;
    vm.preview = md::Parse(e.content.body);
    vm.dirty = e.dirty;
    vm.saving = e.saving;
    vm.stale = e.stale;
    vm.problems = e.problems;
    vm.tab = e.tab;
    if (e.error && e.error->code != ErrorCode::validation_failed) vm.error = e.error->message;
    if (!vm.is_new) {
        auto versions = state.versions.find(id.value);
        if (versions != state.versions.end()) {
            vm.versions_load = ToLoadView(versions->second, std::to_string(id.value));
            const std::vector<ArticleVersion>& list = versions->second.data;
            for (std::size_t i = 0; i < list.size(); ++i) {
                const ArticleVersion& v = list[i];
                vm.versions.push_back({v.version,
                                       "v" + std::to_string(v.version) + " \xC2\xB7 " + v.change + " by " + v.author_name +
                                           " \xC2\xB7 " + FormatRelative(v.at, clock.now),
                                       v.version == e.diff_version});
                if (v.version != e.diff_version) continue;
                // Newest first: the version before this one is the next entry.
                const ArticleVersion* before = i + 1 < list.size() ? &list[i + 1] : nullptr;
                vm.diff_title = before ? "Changes in v" + std::to_string(v.version) + " (compared with v" +
                                             std::to_string(before->version) + ")"
                                       : "v" + std::to_string(v.version) + " (first version)";
                vm.diff = DiffLines(before ? before->content.body : std::string(), v.content.body);
                vm.diff_stats = CountDiff(vm.diff);
                if (before) {
                    auto note = [&](const char* what, const std::string& a, const std::string& b) {
                        if (a == b) return;
                        vm.diff_meta += std::string(what) + ": \"" + a + "\" \xE2\x86\x92 \"" + b + "\"\n";
                    };
                    auto tags = [](const std::vector<std::string>& t) {
                        std::string out;
                        for (const std::string& s : t) out += (out.empty() ? "" : ", ") + s;
                        return out;
                    };
                    note("Title", before->content.title, v.content.title);
                    note("Category", before->content.category, v.content.category);
                    note("Tags", tags(before->content.tags), tags(v.content.tags));
                    note("Audience", std::string(AudienceLabel(before->content.audience)),
                         std::string(AudienceLabel(v.content.audience)));
                    note("Review by", before->content.review_by, v.content.review_by);
                    note("State", std::string(ArticleStateLabel(before->state)), std::string(ArticleStateLabel(v.state)));
                    vm.diff_meta_changed = !vm.diff_meta.empty();
                }
            }
        }
    }
    return vm;
}

// [SECTION] Review list -------------------------------------------------------------------------------

ReviewViewModel BuildReview(const AppState& state, const Clock& clock) {
    ReviewViewModel vm;
    vm.load = ToLoadView(state.kb_review, "review");
    if (state.kb_review.has_data)
        for (const Article& a : state.kb_review.data.items) {
            ArticleRowViewModel row = MakeArticleRow(a, clock, false);
            if (row.overdue) row.meta = "Review was due " + a.content.review_by + " \xC2\xB7 " + row.meta;
            vm.rows.push_back(std::move(row));
        }
    return vm;
}

}  // namespace spoc::client
