// Knowledge-base actions (see actions.h): search and category filter, votes and comments, the
// editor (shared validation before any save, 409 -> reload and reapply), state changes, the
// history diff, and deflection on request forms. Also the loads each knowledge screen needs.
#include <algorithm>

#include "client/app/actions.h"
#include "shared/domain/i18n.h"
#include "shared/domain/limits.h"
#include "shared/domain/text.h"

namespace spoc::client {

using i18n::Format;
using i18n::tr;

namespace {

bool IsStaffUser(const AppState& state) { return state.me && IsStaff(state.me->user.role); }

std::vector<std::string> SplitTagsText(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t comma = text.find(',', start);
        if (comma == std::string_view::npos) comma = text.size();
        out.emplace_back(Trim(text.substr(start, comma - start)));
        start = comma + 1;
    }
    return out;
}

}  // namespace

// [SECTION] Loads -----------------------------------------------------------------------------------

void Actions::EnsureKbIndex() {
    Remote<KbIndexData>& slot = m_state.kb_index;
    if (slot.load == Load::loading) return;
    // Revalidate at most once a minute while screens that search are open (a 304 when unchanged).
    // A failed download is tried again on the same schedule: home and the request forms only
    // suggest articles and have no Retry button for it (Retry on #/kb marks it stale: at once).
    const bool due = m_clock.now - m_state.kb_index_checked >= Effects::kKbIndexRecheckMs;
    if (slot.load == Load::idle || slot.stale || due) {
        m_state.kb_index_checked = m_clock.now;
        m_effects.LoadKbIndex();
    }
}

void Actions::EnsureKbForRoute() {
    const Route& route = m_state.route;
    const bool staff = IsStaffUser(m_state);
    // The editor and the review list are staff screens; employees get "not found" without asking.
    if (!staff && (route.screen == Screen::kb_edit || route.screen == Screen::kb_review)) return;
    switch (route.screen) {
        case Screen::kb_home:
            EnsureKbIndex();
            if (NeedsLoad(m_state.kb_popular, "helpful")) m_effects.LoadKbPopular();
            if (staff && NeedsLoad(m_state.kb_manage, "all")) m_effects.LoadKbManage();
            if (staff && NeedsLoad(m_state.kb_review, "review")) m_effects.LoadKbReview();
            if (m_state.me && m_state.me->user.role == Role::admin) {
                if (NeedsLoad(m_state.kb_stats, "stats")) m_effects.LoadKbStats();
                if (NeedsLoad(m_state.kb_synonyms, "synonyms") && !m_state.synonyms_saving) m_effects.LoadSynonyms();
            }
            break;
        case Screen::kb_review:
            if (NeedsLoad(m_state.kb_review, "review")) m_effects.LoadKbReview();
            break;
        case Screen::kb_article: {
            const std::int64_t id = route.article.value;
            if (NeedsLoad(m_state.articles[id], std::to_string(id))) m_effects.LoadArticle(route.article, true);
            break;
        }
        case Screen::kb_edit: {
            const std::int64_t id = route.article.value;
            EditorState& editor = m_state.editors[id];
            if (!route.article.valid()) {
                if (!editor.initialized) {
                    editor = EditorState{};
                    editor.initialized = true;
                    const CivilDate today = LocalToday(m_clock);  // new articles come up for review in a year
                    editor.content.review_by = FormatDate(CivilFromDays(DaysFromCivil(today.year, today.month, today.day) + 365));
                }
                break;
            }
            Remote<Article>& article = m_state.articles[id];
            if (NeedsLoad(article, std::to_string(id) + "?edit")) m_effects.LoadArticle(route.article, false);
            if (staff && NeedsLoad(m_state.versions[id], std::to_string(id))) m_effects.LoadVersions(route.article);
            if (article.has_data && article.data.id == route.article && article.load != Load::loading) {
                if (!editor.initialized) {
                    editor.initialized = true;
                    editor.content = article.data.content;
                    editor.base_version = article.data.version;
                    std::string tags;
                    for (const std::string& t : article.data.content.tags) tags += (tags.empty() ? "" : ", ") + t;
                    editor.tags_text = tags;
                } else if (editor.stale && article.data.version > editor.base_version && article.load == Load::ready) {
                    // Reload-and-reapply: my text stays, the save now builds on the latest version.
                    editor.base_version = article.data.version;
                    editor.stale = false;
                    editor.error.reset();
                    // TRANSLATORS: {0} is the article's version number, {1} who saved it.
                    AddToast(&m_state, Format(tr("Reloaded version {0} by {1}. Your edits are kept; review and save."),
                                              {std::to_string(article.data.version), article.data.updated_by_name}));
                }
            }
            break;
        }
        default: break;
    }
}

// [SECTION] Search and reading ------------------------------------------------------------------------

void Actions::SetKbSearch(std::string query) {
    if (query.size() > limits::kMaxSearchQuery) query.resize(limits::kMaxSearchQuery);
    m_state.kb_search = std::move(query);
}

void Actions::SetKbCategory(std::string category) {
    m_state.kb_category = m_state.kb_category == category ? std::string() : std::move(category);
}

void Actions::OpenArticle(ArticleId id) {
    Route route;
    route.screen = Screen::kb_article;
    route.article = id;
    Navigate(route);
}

void Actions::Vote(ArticleId id, bool helpful) {
    FeedbackState& f = m_state.feedback[id.value];
    if (f.in_flight) return;
    f.helpful = helpful;
    f.comment_open = !helpful;  // "No" asks what was missing
    m_effects.SendFeedback(id);
}

void Actions::EditFeedbackComment(ArticleId id, std::string text) {
    FeedbackState& f = m_state.feedback[id.value];
    if (f.in_flight) return;
    f.comment = std::move(text);
    f.comment_sent = false;
}

void Actions::SendFeedbackComment(ArticleId id) {
    FeedbackState& f = m_state.feedback[id.value];
    if (f.in_flight || Trim(f.comment).empty()) return;
    if (!ValidateFeedback({f.helpful, f.comment}).empty()) return;
    f.comment_open = true;
    m_effects.SendFeedback(id);
}

// [SECTION] Editor ------------------------------------------------------------------------------------

void Actions::EditArticle(ArticleId id, ArticleContent content, std::string tags_text) {
    EditorState& editor = m_state.editors[id.value];
    if (editor.saving) return;
    content.tags = SplitTagsText(tags_text);
    editor.content = std::move(content);
    editor.tags_text = std::move(tags_text);
    editor.dirty = true;
    if (!editor.problems.empty()) {  // re-check as they type once problems are shown
        ArticleContent normalized = editor.content;
        NormalizeArticleContent(normalized);
        editor.problems = ValidateArticleContent(normalized);
    }
}

void Actions::SaveArticle(ArticleId id) {
    EditorState& editor = m_state.editors[id.value];
    if (editor.saving) return;
    ArticleContent normalized = editor.content;
    NormalizeArticleContent(normalized);
    editor.problems = ValidateArticleContent(normalized);
    if (!editor.problems.empty()) return;
    m_effects.SaveArticle(id);
}

void Actions::ReapplyOnLatest(ArticleId id) {
    EditorState& editor = m_state.editors[id.value];
    editor.stale = true;
    m_state.articles[id.value].stale = true;
}

void Actions::ChangeArticleState(ArticleId id, ArticleState to) {
    EditorState& editor = m_state.editors[id.value];
    if (editor.saving || !id.valid()) return;
    auto article = m_state.articles.find(id.value);
    const int base = editor.base_version ? editor.base_version
                                         : (article != m_state.articles.end() ? article->second.data.version : 0);
    m_effects.ChangeArticleState(id, to, base);
}

void Actions::ShowArticleDiff(ArticleId id, int version) {
    EditorState& editor = m_state.editors[id.value];
    editor.diff_version = editor.diff_version == version ? 0 : version;
}

void Actions::SetEditorTab(ArticleId id, int tab) { m_state.editors[id.value].tab = std::clamp(tab, 0, 2); }

// [SECTION] Deflection --------------------------------------------------------------------------------

void Actions::Deflect(CatalogItemId item, ArticleId article) {
    DeflectionState& d = m_state.deflections[item.value];
    if (d.in_flight || d.solved) return;
    d.article = article;
    if (m_state.kb_index.has_data)
        for (const api::KbIndexEntry& e : m_state.kb_index.data.index.articles)
            if (e.id == article) d.article_title = e.title;
    std::string query;
    if (const FormDraftState* draft = FindDraft(m_state, item)) query = draft->draft.summary;
    if (query.size() > limits::kMaxSearchQuery) query.resize(limits::kMaxSearchQuery);
    while (!query.empty() && !IsValidUtf8(query)) query.pop_back();  // don't cut a character in half
    m_effects.Deflect(item, article, std::move(query));
}

void Actions::UndoDeflection(CatalogItemId item) { m_state.deflections.erase(item.value); }

// [SECTION] Synonyms ----------------------------------------------------------------------------------

void Actions::EditSynonyms(std::string text) {
    if (m_state.synonyms_saving) return;
    if (text.size() > kMaxSynonymsText) text.resize(kMaxSynonymsText);
    while (!text.empty() && !IsValidUtf8(text)) text.pop_back();
    m_state.synonyms_draft = std::move(text);
    m_state.synonyms_error.reset();
}

void Actions::SaveSynonyms() {
    if (m_state.synonyms_saving || !m_state.synonyms_draft) return;
    auto parsed = ParseSynonyms(*m_state.synonyms_draft);  // the server's rule, before sending
    if (!parsed.ok()) {
        m_state.synonyms_error = parsed.error();
        return;
    }
    m_effects.SaveSynonyms();
}

}  // namespace spoc::client
