// Typed access to the knowledge base tables (migration 0002): articles and their version history,
// lists for the portal, the editor and the review queue, votes, views, deflections, statistics
// and the synonym list. Visibility rules live in shared/domain/kb.h; queries here only filter.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "server/storage/sqlite.h"
#include "shared/api/kb_dto.h"
#include "shared/domain/kb.h"

namespace spoc::storage {

// Inserts the article (id, version, counters ignored) and its first history row.
Result<ArticleId> InsertArticle(Database& db, Article& article, UserId author, std::string_view change);
Result<std::optional<Article>> FindArticle(Database& db, ArticleId id);  // with body and names
Result<ArticleId> FindArticleIdByTitle(Database& db, std::string_view title);  // 0 when none (first by id)
Result<bool> CatalogItemExists(Database& db, CatalogItemId id);
Result<std::int64_t> CountArticles(Database& db);
// Writes content, state, version, updated_* and published_at of `article`, then appends a history
// row for article.version. The caller has checked the base version inside the same write job.
Result<Unit> SaveArticle(Database& db, const Article& article, UserId author, std::string_view change);
Result<std::vector<ArticleVersion>> ListArticleVersions(Database& db, ArticleId id, int limit);  // newest first

enum class ArticleSort { updated, helpful, title, views };
struct ArticleListQuery {
    std::vector<ArticleState> states;       // empty = every state
    bool everyone_only = false;             // audience = everyone
    std::string not_overdue_on;             // "YYYY-MM-DD": drop articles whose review_by is before it
    UserId owner;                           // 0 = anyone
    std::string category;                   // "" = any
    ArticleSort sort = ArticleSort::updated;
    int limit = 50;
    int offset = 0;
};
Result<api::ArticlePage> ListArticles(Database& db, const ArticleListQuery& query);  // without bodies
// Every published article with its body, oldest id first (for the search indexes).
Result<std::vector<Article>> ListPublishedArticles(Database& db);
// The review list: `owner`'s articles past review_by (any state but retired) plus every article in review.
Result<std::vector<Article>> ListReviewQueue(Database& db, UserId owner, const std::string& today);

// One vote per user and article (a second one replaces the first); recounts the article's totals.
Result<Unit> UpsertVote(Database& db, ArticleId id, UserId user, const ArticleFeedback& feedback, Timestamp now);
Result<Unit> AddViews(Database& db, ArticleId id, std::int64_t count);
Result<Unit> InsertDeflection(Database& db, const api::Deflection& deflection, UserId user, Timestamp now);
Result<api::KbStats> ReadKbStats(Database& db, Timestamp since_30d);

struct SynonymSettings {
    std::string text;
    std::int64_t revision = 0;
};
Result<SynonymSettings> ReadSynonyms(Database& db);
Result<Unit> WriteSynonyms(Database& db, const std::string& text, Timestamp now);  // bumps the revision

}  // namespace spoc::storage
