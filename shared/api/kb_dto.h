// Wire format of the knowledge-base API (see shared/api/routes.h for the paths): articles, their
// versions, edits and state changes, feedback, deflections, the compact search index the browser
// downloads, server-side search results, admin statistics and the synonym list.
// Same conventions as dto.h: snake_case, missing == null, ISO-8601 times, decoders never throw.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "shared/domain/kb.h"
#include "shared/domain/result.h"
#include "shared/domain/search.h"

namespace spoc::api {

// ---- Articles ----------------------------------------------------------------------------------
std::string EncodeArticle(const Article& article, bool with_body);   // with_body=false for lists
Result<Article> DecodeArticle(std::string_view body);

struct ArticlePage {
    std::vector<Article> items;        // without bodies
    int total = 0;
};
std::string EncodeArticlePage(const ArticlePage& page);
Result<ArticlePage> DecodeArticlePage(std::string_view body);

// POST /kb/articles (base_version ignored) and PUT /kb/articles/{id}.
struct ArticleWrite {
    ArticleContent content;
    int base_version = 0;              // the version the edit started from (PUT); stale -> 409
};
std::string EncodeArticleWrite(const ArticleWrite& write);
Result<ArticleWrite> DecodeArticleWrite(std::string_view body);  // shape only; NormalizeArticleContent + Validate run after

struct StateChange {
    ArticleState state = ArticleState::draft;
    int base_version = 0;
};
std::string EncodeStateChange(const StateChange& change);
Result<StateChange> DecodeStateChange(std::string_view body);

std::string EncodeArticleVersions(const std::vector<ArticleVersion>& versions);  // {"items":[...]} newest first
Result<std::vector<ArticleVersion>> DecodeArticleVersions(std::string_view body);

// ---- Feedback and deflection -------------------------------------------------------------------
std::string EncodeFeedback(const ArticleFeedback& feedback);
Result<ArticleFeedback> DecodeFeedback(std::string_view body);

struct Deflection {
    ArticleId article_id;
    CatalogItemId catalog_item_id;     // the form the employee was filling in (0 = none)
    std::string query;                 // what they had typed (summary), <= kMaxSearchQuery bytes
};
std::string EncodeDeflection(const Deflection& deflection);
Result<Deflection> DecodeDeflection(std::string_view body);

// ---- Search index for the browser ---------------------------------------------------------------
struct KbIndexEntry {
    ArticleId id;
    std::string title;
    std::string category;
    std::vector<std::string> tags;
    std::string text;                  // plain text of the body (markdown::ToPlainText)
    Audience audience = Audience::everyone;
    Timestamp updated_at = 0;
};
struct KbIndex {
    std::string version;               // changes whenever the content below changes (also the ETag)
    std::vector<KbIndexEntry> articles;
    std::vector<std::pair<std::string, std::string>> synonyms;
};
std::string EncodeKbIndex(const KbIndex& index);
// Fills `out` from the download (or the server's own entries): every article with its tags and
// category as the tag field, the synonyms, then Build(). Server and browser both index this way,
// so the same query ranks the same on both.
void BuildKbSearchIndex(const KbIndex& index, SearchIndex& out);
Result<KbIndex> DecodeKbIndex(std::string_view body);

// ---- Server-side search ------------------------------------------------------------------------
struct KbSearchHit {
    ArticleId id;
    std::string title;
    std::string category;
    std::string snippet;               // plain text; matched words between \x01 and \x02 on the wire as <mark>..</mark>
    double score = 0;
};
std::string EncodeKbSearch(const std::vector<KbSearchHit>& hits, std::string_view query);
Result<std::vector<KbSearchHit>> DecodeKbSearch(std::string_view body);

// ---- Admin statistics --------------------------------------------------------------------------
struct KbArticleStat {
    ArticleId id;
    std::string title;
    int count = 0;                     // deflections, or helpful votes, depending on the list
    int other = 0;                     // not-helpful votes in the helpful list; views in the deflection list
};
struct KbFeedbackEntry {
    ArticleId article_id;
    std::string title;
    bool helpful = true;
    std::string comment;
    std::string user_name;
    Timestamp at = 0;
};
struct KbStats {
    int deflections_total = 0;
    int deflections_30d = 0;
    int articles_published = 0;
    int views_total = 0;
    std::vector<KbArticleStat> top_deflecting;   // most deflections first
    std::vector<KbArticleStat> most_helpful;     // most helpful votes first
    std::vector<KbFeedbackEntry> recent_feedback; // newest first, comments only
};
std::string EncodeKbStats(const KbStats& stats);
Result<KbStats> DecodeKbStats(std::string_view body);

struct SynonymsBody {
    std::string text;                  // ParseSynonyms format
};
std::string EncodeSynonymsBody(const SynonymsBody& body);
Result<SynonymsBody> DecodeSynonymsBody(std::string_view body);

// Replaces the snippet markers with <mark>/</mark> and escapes HTML (&, <, >, ", ').
std::string SnippetToHtml(std::string_view snippet);

}  // namespace spoc::api
