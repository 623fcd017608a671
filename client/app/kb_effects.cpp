// Knowledge-base effects (see effects.h): the search-index download, article and list loads,
// saving and publishing from the editor, feedback and deflections.
#include "client/app/actions.h"
#include "client/app/effects.h"
#include "client/app/effects_internal.h"
#include "shared/api/routes.h"
#include "shared/domain/i18n.h"

namespace spoc::client {

using namespace effects_internal;  // ErrorFromResponse, LoadInto
using i18n::Format;
using i18n::tr;

namespace {

// The toast after a state change. Whole sentences: TransitionVerb() is the word the server stores
// in the version history, not a label.
const char* StateChangedToast(ArticleState to) {
    switch (to) {
        case ArticleState::draft: return tr("Article moved to draft.");
        case ArticleState::in_review: return tr("Article sent for review.");
        case ArticleState::published: return tr("Article published.");
        case ArticleState::retired: return tr("Article retired.");
    }
    return tr("Article changed.");
}

std::string ArticlePath(ArticleId id) { return std::string(routes::kKbArticles) + "/" + std::to_string(id.value); }

// Finds a keyed Remote in a map again when a response arrives (it may have been cleared).
template <class T>
auto InMap(std::map<std::int64_t, Remote<T>>* map, std::int64_t key) {
    return [map, key]() -> Remote<T>* {
        auto it = map->find(key);
        return it == map->end() ? nullptr : &it->second;
    };
}

}  // namespace

void Effects::LoadKbIndex(bool kiosk) {
    Remote<KbIndexData>& slot = m_state.kb_index;
    const std::uint64_t ticket = NewTicket();
    slot.load = Load::loading;
    slot.key = "index";
    slot.stale = false;
    slot.ticket = ticket;
    net::HttpRequest request = MakeRequest("GET", kiosk ? routes::kKioskKbIndex : routes::kKbIndex);
    request.revalidate = true;  // the browser sends If-None-Match; an unchanged index costs a 304
    m_api.Send(std::move(request), [this, ticket, kiosk](int status, const std::string& body) {
        Remote<KbIndexData>& slot = m_state.kb_index;
        if (slot.ticket != ticket) return;
        if (status != 200) {
            slot.error = ErrorFromResponse(status, body);
            slot.load = Load::failed;
            if (status == 401 && !kiosk) OnUnauthenticated();  // a kiosk has no session to renew
            return;
        }
        Result<api::KbIndex> index = api::DecodeKbIndex(body);
        if (!index.ok()) {
            slot.error = index.error();
            slot.load = Load::failed;
            return;
        }
        // Same version as the one we hold: keep the built index (no re-indexing on every visit).
        if (!slot.has_data || slot.data.index.version != index->version) {
            slot.data.index = std::move(*index);
            slot.data.search = SearchIndex();
            api::BuildKbSearchIndex(slot.data.index, slot.data.search);
        }
        slot.has_data = true;
        slot.data_key = slot.key;
        slot.load = Load::ready;
    });
}

void Effects::LoadArticle(ArticleId id, bool count_view) {
    const std::int64_t key = id.value;
    m_state.articles[key];
    LoadInto<Article>(
        m_api, NewTicket(), std::to_string(key) + (count_view ? "" : "?edit"),
        ArticlePath(id) + (count_view ? "" : "?view=false"), InMap(&m_state.articles, key),
        [](const std::string& body) { return api::DecodeArticle(body); }, [this] { OnUnauthenticated(); });
}

void Effects::LoadKbPopular() {
    AppState* s = &m_state;
    LoadInto<api::ArticlePage>(
        m_api, NewTicket(), "helpful", std::string(routes::kKbArticles) + "?state=published&sort=helpful&page_size=6",
        [s] { return &s->kb_popular; }, [](const std::string& body) { return api::DecodeArticlePage(body); },
        [this] { OnUnauthenticated(); });
}

void Effects::LoadKbManage() {
    AppState* s = &m_state;
    LoadInto<api::ArticlePage>(
        m_api, NewTicket(), "all", std::string(routes::kKbArticles) + "?sort=updated&page_size=100",
        [s] { return &s->kb_manage; }, [](const std::string& body) { return api::DecodeArticlePage(body); },
        [this] { OnUnauthenticated(); });
}

void Effects::LoadKbReview() {
    AppState* s = &m_state;
    LoadInto<api::ArticlePage>(
        m_api, NewTicket(), "review", routes::kKbReview, [s] { return &s->kb_review; },
        [](const std::string& body) { return api::DecodeArticlePage(body); }, [this] { OnUnauthenticated(); });
}

void Effects::LoadKbStats() {
    AppState* s = &m_state;
    LoadInto<api::KbStats>(
        m_api, NewTicket(), "stats", routes::kKbStats, [s] { return &s->kb_stats; },
        [](const std::string& body) { return api::DecodeKbStats(body); }, [this] { OnUnauthenticated(); });
}

void Effects::LoadVersions(ArticleId id) {
    const std::int64_t key = id.value;
    m_state.versions[key];
    LoadInto<std::vector<ArticleVersion>>(
        m_api, NewTicket(), std::to_string(key), ArticlePath(id) + "/versions", InMap(&m_state.versions, key),
        [](const std::string& body) { return api::DecodeArticleVersions(body); }, [this] { OnUnauthenticated(); });
}

// After any successful write: the article, lists and index are refreshed at the next Sync.
static void AfterArticleWrite(AppState& state, const Article& article) {
    Remote<Article>& slot = state.articles[article.id.value];
    slot.data = article;
    slot.has_data = true;
    slot.stale = true;
    state.versions[article.id.value].stale = true;
    state.kb_manage.stale = true;
    state.kb_review.stale = true;
    state.kb_popular.stale = true;
    state.kb_index.stale = true;
}

void Effects::SaveArticle(ArticleId id) {
    const std::int64_t key = id.value;
    EditorState& editor = m_state.editors[key];
    editor.saving = true;
    editor.error.reset();
    editor.ticket = NewTicket();
    const std::uint64_t ticket = editor.ticket;
    api::ArticleWrite write{editor.content, editor.base_version};
    const bool create = !id.valid();
    m_api.Send(MakeRequest(create ? "POST" : "PUT", create ? std::string(routes::kKbArticles) : ArticlePath(id),
                           api::EncodeArticleWrite(write)),
               [this, key, ticket, create](int status, const std::string& body) {
                   auto it = m_state.editors.find(key);
                   if (it == m_state.editors.end() || it->second.ticket != ticket) return;
                   EditorState& editor = it->second;
                   editor.saving = false;
                   if (status == 200 || status == 201) {
                       Result<Article> saved = api::DecodeArticle(body);
                       if (!saved.ok()) {
                           editor.error = saved.error();
                           return;
                       }
                       AfterArticleWrite(m_state, *saved);
                       editor.base_version = saved->version;
                       editor.dirty = false;
                       editor.stale = false;
                       editor.problems.clear();
                       // TRANSLATORS: {0} is the article's new version number.
                       AddToast(&m_state, create ? std::string(tr("Draft created."))
                                                 : Format(tr("Saved as version {0}."), {std::to_string(saved->version)}));
                       if (create) {
                           // The new article gets its own editor (and URL); the blank one is reset.
                           EditorState moved = std::move(editor);
                           m_state.editors.erase(key);
                           m_state.editors[saved->id.value] = std::move(moved);
                           Route route;
                           route.screen = Screen::kb_edit;
                           route.article = saved->id;
                           ShowRoute(m_state, m_host, route, /*replace=*/true);
                       }
                       return;
                   }
                   Error error = ErrorFromResponse(status, body);
                   if (error.code == ErrorCode::validation_failed) {
                       editor.problems = error.details;
                       if (editor.problems.empty()) editor.problems.push_back({error.field, error.message});
                   }
                   if (error.code == ErrorCode::conflict) editor.stale = true;
                   editor.error = std::move(error);
                   if (status == 401) OnUnauthenticated();
               });
}

void Effects::ChangeArticleState(ArticleId id, ArticleState to, int base_version) {
    const std::int64_t key = id.value;
    EditorState& editor = m_state.editors[key];
    editor.saving = true;
    editor.error.reset();
    editor.ticket = NewTicket();
    const std::uint64_t ticket = editor.ticket;
    m_api.Send(MakeRequest("POST", ArticlePath(id) + "/state", api::EncodeStateChange({to, base_version})),
               [this, key, ticket, to](int status, const std::string& body) {
                   auto it = m_state.editors.find(key);
                   if (it == m_state.editors.end() || it->second.ticket != ticket) return;
                   EditorState& editor = it->second;
                   editor.saving = false;
                   if (status == 200) {
                       Result<Article> saved = api::DecodeArticle(body);
                       if (!saved.ok()) {
                           editor.error = saved.error();
                           return;
                       }
                       AfterArticleWrite(m_state, *saved);
                       editor.base_version = saved->version;
                       AddToast(&m_state, StateChangedToast(to));
                       return;
                   }
                   Error error = ErrorFromResponse(status, body);
                   if (error.code == ErrorCode::conflict && error.field == "base_version") editor.stale = true;
                   editor.error = std::move(error);
                   if (status == 401) OnUnauthenticated();
               });
}

void Effects::SendFeedback(ArticleId id) {
    const std::int64_t key = id.value;
    FeedbackState& f = m_state.feedback[key];
    f.in_flight = true;
    f.error.reset();
    f.ticket = NewTicket();
    const std::uint64_t ticket = f.ticket;
    ArticleFeedback body{f.helpful, f.comment_open ? f.comment : std::string()};
    const bool with_comment = !body.comment.empty();
    m_api.Send(MakeRequest("POST", ArticlePath(id) + "/feedback", api::EncodeFeedback(body)),
               [this, key, ticket, with_comment](int status, const std::string& text) {
                   auto it = m_state.feedback.find(key);
                   if (it == m_state.feedback.end() || it->second.ticket != ticket) return;
                   FeedbackState& f = it->second;
                   f.in_flight = false;
                   if (status == 200) {
                       f.voted = true;
                       if (with_comment) f.comment_sent = true;
                       Result<Article> counts = api::DecodeArticle(text);
                       auto article = m_state.articles.find(key);
                       if (counts.ok() && article != m_state.articles.end() && article->second.has_data) {
                           article->second.data.helpful = counts->helpful;
                           article->second.data.not_helpful = counts->not_helpful;
                       }
                       m_state.kb_popular.stale = true;
                       return;
                   }
                   f.error = ErrorFromResponse(status, text);
                   if (status == 401) OnUnauthenticated();
               });
}

void Effects::Deflect(CatalogItemId item, ArticleId article, std::string query) {
    const std::int64_t key = item.value;
    DeflectionState& d = m_state.deflections[key];
    d.in_flight = true;
    d.error.reset();
    d.ticket = NewTicket();
    const std::uint64_t ticket = d.ticket;
    api::Deflection body{article, item, std::move(query)};
    m_api.Send(MakeRequest("POST", routes::kKbDeflections, api::EncodeDeflection(body)),
               [this, key, ticket](int status, const std::string& text) {
                   auto it = m_state.deflections.find(key);
                   if (it == m_state.deflections.end() || it->second.ticket != ticket) return;
                   DeflectionState& d = it->second;
                   d.in_flight = false;
                   if (status == 204 || status == 200) {
                       d.solved = true;
                       return;
                   }
                   d.error = ErrorFromResponse(status, text);
                   if (status == 401) OnUnauthenticated();
               });
}

void Effects::LoadSynonyms() {
    AppState* s = &m_state;
    LoadInto<api::SynonymsBody>(
        m_api, NewTicket(), "synonyms", routes::kKbSynonyms, [s] { return &s->kb_synonyms; },
        [](const std::string& body) { return api::DecodeSynonymsBody(body); }, [this] { OnUnauthenticated(); });
}

void Effects::SaveSynonyms() {
    if (!m_state.synonyms_draft) return;
    m_state.synonyms_saving = true;
    m_state.synonyms_error.reset();
    const std::uint64_t ticket = NewTicket();
    m_state.kb_synonyms.ticket = ticket;
    api::SynonymsBody body{*m_state.synonyms_draft};
    m_api.Send(MakeRequest("PUT", routes::kKbSynonyms, api::EncodeSynonymsBody(body)),
               [this, ticket](int status, const std::string& text) {
                   if (m_state.kb_synonyms.ticket != ticket) return;
                   m_state.synonyms_saving = false;
                   if (status == 200) {
                       Result<api::SynonymsBody> saved = api::DecodeSynonymsBody(text);
                       if (saved.ok()) {
                           m_state.kb_synonyms.data = std::move(*saved);
                           m_state.kb_synonyms.has_data = true;
                           m_state.kb_synonyms.data_key = "synonyms";
                           m_state.kb_synonyms.load = Load::ready;
                       }
                       m_state.synonyms_draft.reset();
                       m_state.kb_index.stale = true;  // the index download carries the synonyms
                       AddToast(&m_state, tr("Synonyms saved. Search uses them now."));
                       return;
                   }
                   m_state.synonyms_error = ErrorFromResponse(status, text);
                   if (status == 401) OnUnauthenticated();
               });
}

}  // namespace spoc::client
