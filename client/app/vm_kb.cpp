// Knowledge-base view-models (see view_models.h): local search results with highlighted
// snippets, the knowledge home (categories, most helpful, staff management list, admin
// statistics), the article page with feedback, the editor with preview, history and diff, the
// review list, and the suggestions beside a request form.
#include <algorithm>
#include <map>

#include "client/app/view_models.h"
#include "client/app/vm_internal.h"
#include "shared/domain/catalog_search.h"
#include "shared/domain/i18n.h"
#include "shared/domain/text.h"

namespace spoc::client {

using i18n::Format;
using i18n::FormatInt;
using i18n::Plural;
using i18n::tr;
using i18n::trc;

namespace {

bool IsStaffUser(const AppState& state) { return state.me && IsStaff(state.me->user.role); }

// "Updated 3 days ago by Ava Patel" / "Updated 3 days ago" (no name known).
std::string UpdatedLine(const std::string& when, const std::string& by) {
    // TRANSLATORS: {0} is a relative time such as "3 days ago".
    if (by.empty()) return Format(tr("Updated {0}"), {when});
    // TRANSLATORS: {0} is a relative time such as "3 days ago", {1} a person's name.
    return Format(tr("Updated {0} by {1}"), {when, by});
}

// One entry of an article's history: "v3 · published by Ava Patel · 2 h ago". `change` is the
// server's record of what happened (a stored English word); the known ones get a whole line each.
std::string VersionLine(const ArticleVersion& v, const std::string& when) {
    static const std::pair<const char*, const char*> kLines[] = {
        // TRANSLATORS: an article's version history: {0} is the version number, {1} a person's name, {2} a relative time ("2 h ago").
        {"created", N_("v{0} · created by {1} · {2}")},
        {"edited", N_("v{0} · edited by {1} · {2}")},
        {"imported", N_("v{0} · imported by {1} · {2}")},
        {"moved to draft", N_("v{0} · moved to draft by {1} · {2}")},
        {"sent for review", N_("v{0} · sent for review by {1} · {2}")},
        {"published", N_("v{0} · published by {1} · {2}")},
        {"retired", N_("v{0} · retired by {1} · {2}")},
    };
    const std::string number = std::to_string(v.version);
    for (const auto& [change, line] : kLines)
        if (v.change == change) return Format(tr(line), {number, v.author_name, when});
    // TRANSLATORS: an article's version history: {0} is the version number, {1} what was done (an English word
    // from the server), {2} a person's name, {3} a relative time ("2 h ago").
    return Format(tr("v{0} · {1} by {2} · {3}"), {number, v.change, v.author_name, when});
}

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
        row.meta = Plural("{0} person found this helpful", "{0} people found this helpful", a.helpful);
    else
        row.meta = UpdatedLine(FormatRelative(a.updated_at, clock.now), a.updated_by_name);
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
        // TRANSLATORS: the knowledge-base category of articles that have none.
        const std::string general = trc("kb category", "General");
        std::map<std::string, int> counts;
        for (const api::KbIndexEntry& e : articles) counts[e.category.empty() ? general : e.category] += 1;
        for (const auto& [name, count] : counts) vm.categories.push_back({name, count, name == state.kb_category});
        if (!state.kb_category.empty()) {
            for (const api::KbIndexEntry& e : articles) {
                if ((e.category.empty() ? general : e.category) != state.kb_category) continue;
                ArticleRowViewModel row;
                row.id = e.id;
                row.title = e.title;
                row.category = e.category;
                row.agents_only = e.audience == Audience::agents;
                row.meta = UpdatedLine(FormatRelative(e.updated_at, clock.now), std::string());
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
                vm.top_deflecting.push_back({a.id, a.title, Plural("{0} deflection", "{0} deflections", a.count)});
            for (const api::KbArticleStat& a : s.most_helpful)
                // TRANSLATORS: votes on an article: {0} people found it helpful, {1} did not.
                vm.most_helpful.push_back({a.id, a.title, Format(tr("{0} helpful, {1} not"), {FormatInt(a.count), FormatInt(a.other)})});
            for (const api::KbFeedbackEntry& f : s.recent_feedback) {
                // TRANSLATORS: feedback on an article: {0} who gave it, {1} the article's title, {2} their comment.
                const char* line = f.helpful ? tr("{0} (helpful) on {1}: \"{2}\"")
                                             // TRANSLATORS: feedback on an article: {0} who gave it, {1} the article's title, {2} their comment.
                                             : tr("{0} (not helpful) on {1}: \"{2}\"");
                vm.feedback.push_back(Format(line, {f.user_name, f.title, f.comment}));
            }
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
        vm.load.error = tr("This article doesn't exist, or isn't available to you.");
    const Article* a = LoadedArticle(state, id);
    if (!a) return vm;
    if (vm.load.status != ViewStatus::failed) vm.load.status = ViewStatus::ready;
    vm.title = a->content.title;
    vm.category = a->content.category;
    vm.tags = a->content.tags;
    vm.updated = UpdatedLine(FormatRelative(a->updated_at, clock.now), std::string());
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
        vm.state = tr("New draft");
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
                std::string label = to == ArticleState::in_review   ? tr("Send for review")
                                    : to == ArticleState::published ? tr("Publish")
                                    : to == ArticleState::retired   ? tr("Retire")
                                                                    : (a->state == ArticleState::published ? tr("Unpublish") : tr("Back to draft"));
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
                vm.versions.push_back({v.version, VersionLine(v, FormatRelative(v.at, clock.now)), v.version == e.diff_version});
                if (v.version != e.diff_version) continue;
                // Newest first: the version before this one is the next entry.
                const ArticleVersion* before = i + 1 < list.size() ? &list[i + 1] : nullptr;
                // TRANSLATORS: {0} and {1} are article version numbers ("Changes in v3 (compared with v2)").
                vm.diff_title = before ? Format(tr("Changes in v{0} (compared with v{1})"),
                                                {std::to_string(v.version), std::to_string(before->version)})
                                       // TRANSLATORS: {0} is an article version number.
                                       : Format(tr("v{0} (first version)"), {std::to_string(v.version)});
                vm.diff = DiffLines(before ? before->content.body : std::string(), v.content.body);
                vm.diff_stats = CountDiff(vm.diff);
                if (before) {
                    auto note = [&](const char* what, const std::string& a, const std::string& b) {
                        if (a == b) return;
                        // TRANSLATORS: a changed article field: {0} the field ("Title"), {1} the old value, {2} the new one.
                        vm.diff_meta += Format(tr("{0}: \"{1}\" → \"{2}\""), {what, a, b}) + "\n";
                    };
                    auto tags = [](const std::vector<std::string>& t) {
                        std::string out;
                        for (const std::string& s : t) out += (out.empty() ? "" : ", ") + s;
                        return out;
                    };
                    note(trc("article field", "Title"), before->content.title, v.content.title);
                    note(trc("article field", "Category"), before->content.category, v.content.category);
                    note(trc("article field", "Tags"), tags(before->content.tags), tags(v.content.tags));
                    note(trc("article field", "Audience"), std::string(AudienceLabel(before->content.audience)),
                         std::string(AudienceLabel(v.content.audience)));
                    note(trc("article field", "Review by"), before->content.review_by, v.content.review_by);
                    note(trc("article field", "State"), std::string(ArticleStateLabel(before->state)),
                         std::string(ArticleStateLabel(v.state)));
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
            // TRANSLATORS: {0} is a date (2026-03-31), {1} the rest of the line ("Updated 3 days ago by Ava Patel").
            if (row.overdue) row.meta = Format(tr("Review was due {0} · {1}"), {a.content.review_by, row.meta});
            vm.rows.push_back(std::move(row));
        }
    return vm;
}

}  // namespace spoc::client
