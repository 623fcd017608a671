// SQL for the knowledge base (see kb_repo.h).
#include "server/storage/kb_repo.h"

#include <nlohmann/json.hpp>

namespace spoc::storage {

namespace {

std::string TagsJson(const std::vector<std::string>& tags) {
    return nlohmann::json(tags).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> ParseTags(const std::string& text) {
    std::vector<std::string> out;
    auto doc = nlohmann::json::parse(text, nullptr, false);
    if (!doc.is_array()) return out;
    for (const auto& v : doc)
        if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

// Columns read by ReadArticle, in order.
#define SPOC_ARTICLE_COLUMNS                                                                        \
    "a.id, a.title, a.category, a.tags, a.audience, a.state, a.review_by, a.owner_id, o.display_name, " \
    "a.version, a.created_at, a.updated_at, a.published_at, e.display_name, a.helpful, a.not_helpful, " \
    "a.views, a.deflections"
#define SPOC_ARTICLE_FROM " FROM kb_articles a JOIN users o ON o.id = a.owner_id JOIN users e ON e.id = a.updated_by "
inline constexpr int kArticleColumnCount = 18;

Result<Article> ReadArticle(const Query& q) {
    Article a;
    a.id = ArticleId(q.Int(0));
    a.content.title = q.Text(1);
    a.content.category = q.Text(2);
    a.content.tags = ParseTags(q.Text(3));
    if (!ParseAudience(q.Text(4), &a.content.audience) || !ParseArticleState(q.Text(5), &a.state))
        return MakeError(ErrorCode::internal, "Stored article " + std::to_string(a.id.value) + " has a bad enum value.");
    a.content.review_by = q.Text(6);
    a.owner_id = UserId(q.Int(7));
    a.owner_name = q.Text(8);
    a.version = static_cast<int>(q.Int(9));
    a.created_at = q.Int(10);
    a.updated_at = q.Int(11);
    a.published_at = q.Int(12);
    a.updated_by_name = q.Text(13);
    a.helpful = static_cast<int>(q.Int(14));
    a.not_helpful = static_cast<int>(q.Int(15));
    a.views = static_cast<int>(q.Int(16));
    a.deflections = static_cast<int>(q.Int(17));
    return a;
}

Result<Unit> AppendVersion(Database& db, const Article& a, UserId author, std::string_view change) {
    auto q = db.Prepare(
        "INSERT INTO kb_versions (article_id, version, author_id, at, state, change, title, body, category, tags, "
        "audience, review_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    if (!q.ok()) return q.error();
    q->Bind(1, a.id.value).Bind(2, a.version).Bind(3, author.value).Bind(4, a.updated_at);
    q->Bind(5, ArticleStateName(a.state)).Bind(6, change).Bind(7, a.content.title).Bind(8, a.content.body);
    q->Bind(9, a.content.category).Bind(10, TagsJson(a.content.tags)).Bind(11, AudienceName(a.content.audience));
    q->Bind(12, a.content.review_by);
    return q->Run();
}

Result<std::vector<Article>> CollectArticles(Query& q) {
    std::vector<Article> out;
    for (;;) {
        auto row = q.Step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        auto a = ReadArticle(q);
        if (!a.ok()) return a.error();
        out.push_back(std::move(*a));
    }
    return out;
}

}  // namespace

// [SECTION] Articles --------------------------------------------------------------------------------

Result<ArticleId> InsertArticle(Database& db, Article& a, UserId author, std::string_view change) {
    auto q = db.Prepare(
        "INSERT INTO kb_articles (title, body, category, tags, audience, state, review_by, owner_id, updated_by, "
        "version, created_at, updated_at, published_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1, ?10, ?10, ?11)");
    if (!q.ok()) return q.error();
    a.version = 1;
    a.updated_at = a.created_at;
    a.published_at = a.state == ArticleState::published ? a.created_at : 0;
    q->Bind(1, a.content.title).Bind(2, a.content.body).Bind(3, a.content.category).Bind(4, TagsJson(a.content.tags));
    q->Bind(5, AudienceName(a.content.audience)).Bind(6, ArticleStateName(a.state)).Bind(7, a.content.review_by);
    q->Bind(8, a.owner_id.value).Bind(9, author.value).Bind(10, a.created_at).Bind(11, a.published_at);
    if (auto run = q->Run(); !run.ok()) return run.error();
    a.id = ArticleId(db.LastInsertId());
    if (auto v = AppendVersion(db, a, author, change); !v.ok()) return v.error();
    return a.id;
}

Result<std::optional<Article>> FindArticle(Database& db, ArticleId id) {
    auto q = db.Prepare("SELECT " SPOC_ARTICLE_COLUMNS ", a.body" SPOC_ARTICLE_FROM "WHERE a.id = ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, id.value);
    auto row = q->Step();
    if (!row.ok()) return row.error();
    if (!*row) return std::optional<Article>();
    auto a = ReadArticle(*q);
    if (!a.ok()) return a.error();
    a->content.body = q->Text(kArticleColumnCount);
    return std::optional<Article>(std::move(*a));
}

Result<ArticleId> FindArticleIdByTitle(Database& db, std::string_view title) {
    auto q = db.Prepare("SELECT id FROM kb_articles WHERE title = ?1 ORDER BY id LIMIT 1");
    if (!q.ok()) return q.error();
    q->Bind(1, title);
    auto row = q->Step();
    if (!row.ok()) return row.error();
    return *row ? ArticleId(q->Int(0)) : ArticleId();
}

Result<bool> CatalogItemExists(Database& db, CatalogItemId id) {
    auto q = db.Prepare("SELECT 1 FROM catalog_items WHERE id = ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, id.value);
    auto row = q->Step();
    if (!row.ok()) return row.error();
    return *row;
}

Result<std::int64_t> CountArticles(Database& db) {
    auto q = db.Prepare("SELECT COUNT(*) FROM kb_articles");
    if (!q.ok()) return q.error();
    auto row = q->Step();
    if (!row.ok()) return row.error();
    return *row ? q->Int(0) : 0;
}

Result<Unit> SaveArticle(Database& db, const Article& a, UserId author, std::string_view change) {
    auto q = db.Prepare(
        "UPDATE kb_articles SET title = ?2, body = ?3, category = ?4, tags = ?5, audience = ?6, state = ?7, "
        "review_by = ?8, owner_id = ?9, updated_by = ?10, version = ?11, updated_at = ?12, published_at = ?13 "
        "WHERE id = ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, a.id.value).Bind(2, a.content.title).Bind(3, a.content.body).Bind(4, a.content.category);
    q->Bind(5, TagsJson(a.content.tags)).Bind(6, AudienceName(a.content.audience)).Bind(7, ArticleStateName(a.state));
    q->Bind(8, a.content.review_by).Bind(9, a.owner_id.value).Bind(10, author.value).Bind(11, a.version);
    q->Bind(12, a.updated_at).Bind(13, a.published_at);
    if (auto run = q->Run(); !run.ok()) return run.error();
    if (db.Changes() != 1) return MakeError(ErrorCode::not_found, "No such article.");
    return AppendVersion(db, a, author, change);
}

Result<std::vector<ArticleVersion>> ListArticleVersions(Database& db, ArticleId id, int limit) {
    auto q = db.Prepare(
        "SELECT v.version, v.author_id, u.display_name, v.at, v.state, v.change, v.title, v.body, v.category, "
        "v.tags, v.audience, v.review_by FROM kb_versions v JOIN users u ON u.id = v.author_id "
        "WHERE v.article_id = ?1 ORDER BY v.version DESC LIMIT ?2");
    if (!q.ok()) return q.error();
    q->Bind(1, id.value).Bind(2, limit);
    std::vector<ArticleVersion> out;
    for (;;) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        ArticleVersion v;
        v.version = static_cast<int>(q->Int(0));
        v.author_id = UserId(q->Int(1));
        v.author_name = q->Text(2);
        v.at = q->Int(3);
        (void)ParseArticleState(q->Text(4), &v.state);
        v.change = q->Text(5);
        v.content.title = q->Text(6);
        v.content.body = q->Text(7);
        v.content.category = q->Text(8);
        v.content.tags = ParseTags(q->Text(9));
        (void)ParseAudience(q->Text(10), &v.content.audience);
        v.content.review_by = q->Text(11);
        out.push_back(std::move(v));
    }
    return out;
}

// [SECTION] Lists -----------------------------------------------------------------------------------

Result<api::ArticlePage> ListArticles(Database& db, const ArticleListQuery& query) {
    // Four state slots: a slot holds a state name when the query wants it, else NULL (matches nothing).
    static constexpr const char* kWhere =
        "WHERE (?1 OR a.state IN (?2, ?3, ?4, ?5)) AND (?6 = 0 OR a.audience = 'everyone') "
        "AND (?7 = '' OR a.review_by = '' OR a.review_by >= ?7) AND (?8 = 0 OR a.owner_id = ?8) "
        "AND (?9 = '' OR a.category = ?9) ";
    const char* order = "ORDER BY a.updated_at DESC, a.id DESC ";
    switch (query.sort) {
        case ArticleSort::updated: break;
        case ArticleSort::helpful: order = "ORDER BY (a.helpful - a.not_helpful) DESC, a.helpful DESC, a.id ASC "; break;
        case ArticleSort::title: order = "ORDER BY a.title COLLATE NOCASE ASC, a.id ASC "; break;
        case ArticleSort::views: order = "ORDER BY a.views DESC, a.id ASC "; break;
    }
    auto bind = [&](Query& q) {
        q.Bind(1, query.states.empty());
        const ArticleState all[] = {ArticleState::draft, ArticleState::in_review, ArticleState::published,
                                    ArticleState::retired};
        for (int i = 0; i < 4; ++i) {
            bool wanted = false;
            for (ArticleState s : query.states) wanted = wanted || s == all[i];
            if (wanted) q.Bind(2 + i, ArticleStateName(all[i]));
            else q.BindNull(2 + i);
        }
        q.Bind(6, query.everyone_only).Bind(7, query.not_overdue_on).Bind(8, query.owner.value).Bind(9, query.category);
    };
    auto count = db.Prepare(std::string("SELECT COUNT(*) FROM kb_articles a ") + kWhere);
    if (!count.ok()) return count.error();
    bind(*count);
    auto counted = count->Step();
    if (!counted.ok()) return counted.error();
    api::ArticlePage page;
    page.total = *counted ? static_cast<int>(count->Int(0)) : 0;

    auto q = db.Prepare(std::string("SELECT " SPOC_ARTICLE_COLUMNS SPOC_ARTICLE_FROM) + kWhere + order +
                        "LIMIT ?10 OFFSET ?11");
    if (!q.ok()) return q.error();
    bind(*q);
    q->Bind(10, query.limit).Bind(11, query.offset);
    auto items = CollectArticles(*q);
    if (!items.ok()) return items.error();
    page.items = std::move(*items);
    return page;
}

Result<std::vector<Article>> ListPublishedArticles(Database& db) {
    auto q = db.Prepare("SELECT " SPOC_ARTICLE_COLUMNS ", a.body" SPOC_ARTICLE_FROM
                        "WHERE a.state = 'published' ORDER BY a.id");
    if (!q.ok()) return q.error();
    std::vector<Article> out;
    for (;;) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        auto a = ReadArticle(*q);
        if (!a.ok()) return a.error();
        a->content.body = q->Text(kArticleColumnCount);
        out.push_back(std::move(*a));
    }
    return out;
}

Result<std::vector<Article>> ListReviewQueue(Database& db, UserId owner, const std::string& today) {
    auto q = db.Prepare("SELECT " SPOC_ARTICLE_COLUMNS SPOC_ARTICLE_FROM
                        "WHERE a.state = 'in_review' OR (a.owner_id = ?1 AND a.state != 'retired' "
                        "AND a.review_by != '' AND a.review_by < ?2) "
                        "ORDER BY a.state = 'in_review' DESC, a.review_by ASC, a.id ASC LIMIT 500");
    if (!q.ok()) return q.error();
    q->Bind(1, owner.value).Bind(2, today);
    return CollectArticles(*q);
}

// [SECTION] Votes, views and deflections -------------------------------------------------------------

Result<Unit> UpsertVote(Database& db, ArticleId id, UserId user, const ArticleFeedback& f, Timestamp now) {
    auto q = db.Prepare(
        "INSERT INTO kb_votes (article_id, user_id, helpful, comment, at) VALUES (?1, ?2, ?3, ?4, ?5) "
        "ON CONFLICT (article_id, user_id) DO UPDATE SET helpful = excluded.helpful, comment = excluded.comment, "
        "at = excluded.at");
    if (!q.ok()) return q.error();
    q->Bind(1, id.value).Bind(2, user.value).Bind(3, f.helpful).Bind(4, f.comment).Bind(5, now);
    if (auto run = q->Run(); !run.ok()) return run.error();
    auto recount = db.Prepare(
        "UPDATE kb_articles SET helpful = (SELECT COUNT(*) FROM kb_votes WHERE article_id = ?1 AND helpful = 1), "
        "not_helpful = (SELECT COUNT(*) FROM kb_votes WHERE article_id = ?1 AND helpful = 0) WHERE id = ?1");
    if (!recount.ok()) return recount.error();
    recount->Bind(1, id.value);
    return recount->Run();
}

Result<Unit> AddViews(Database& db, ArticleId id, std::int64_t count) {
    auto q = db.Prepare("UPDATE kb_articles SET views = views + ?2 WHERE id = ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, id.value).Bind(2, count);
    return q->Run();
}

Result<Unit> InsertDeflection(Database& db, const api::Deflection& d, UserId user, Timestamp now) {
    auto q = db.Prepare(
        "INSERT INTO kb_deflections (article_id, user_id, catalog_item_id, query, at) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!q.ok()) return q.error();
    q->Bind(1, d.article_id.value).Bind(2, user.value);
    if (d.catalog_item_id.valid()) q->Bind(3, d.catalog_item_id.value);
    else q->BindNull(3);
    q->Bind(4, d.query).Bind(5, now);
    if (auto run = q->Run(); !run.ok()) return run.error();
    auto bump = db.Prepare("UPDATE kb_articles SET deflections = deflections + 1 WHERE id = ?1");
    if (!bump.ok()) return bump.error();
    bump->Bind(1, d.article_id.value);
    return bump->Run();
}

Result<api::KbStats> ReadKbStats(Database& db, Timestamp since_30d) {
    api::KbStats s;
    auto totals = db.Prepare(
        "SELECT (SELECT COUNT(*) FROM kb_deflections), (SELECT COUNT(*) FROM kb_deflections WHERE at >= ?1), "
        "(SELECT COUNT(*) FROM kb_articles WHERE state = 'published'), (SELECT COALESCE(SUM(views), 0) FROM kb_articles)");
    if (!totals.ok()) return totals.error();
    totals->Bind(1, since_30d);
    auto row = totals->Step();
    if (!row.ok()) return row.error();
    if (*row) {
        s.deflections_total = static_cast<int>(totals->Int(0));
        s.deflections_30d = static_cast<int>(totals->Int(1));
        s.articles_published = static_cast<int>(totals->Int(2));
        s.views_total = static_cast<int>(totals->Int(3));
    }
    auto collect = [&](const char* sql, std::vector<api::KbArticleStat>& out) -> Result<Unit> {
        auto q = db.Prepare(sql);
        if (!q.ok()) return q.error();
        for (;;) {
            auto r = q->Step();
            if (!r.ok()) return r.error();
            if (!*r) break;
            out.push_back({ArticleId(q->Int(0)), q->Text(1), static_cast<int>(q->Int(2)), static_cast<int>(q->Int(3))});
        }
        return Unit{};
    };
    if (auto c = collect("SELECT id, title, deflections, views FROM kb_articles WHERE deflections > 0 "
                         "ORDER BY deflections DESC, id ASC LIMIT 10",
                         s.top_deflecting);
        !c.ok())
        return c.error();
    if (auto c = collect("SELECT id, title, helpful, not_helpful FROM kb_articles WHERE helpful > 0 "
                         "ORDER BY helpful DESC, not_helpful ASC, id ASC LIMIT 10",
                         s.most_helpful);
        !c.ok())
        return c.error();
    auto fb = db.Prepare(
        "SELECT v.article_id, a.title, v.helpful, v.comment, u.display_name, v.at FROM kb_votes v "
        "JOIN kb_articles a ON a.id = v.article_id JOIN users u ON u.id = v.user_id WHERE v.comment != '' "
        "ORDER BY v.at DESC LIMIT 20");
    if (!fb.ok()) return fb.error();
    for (;;) {
        auto r = fb->Step();
        if (!r.ok()) return r.error();
        if (!*r) break;
        s.recent_feedback.push_back({ArticleId(fb->Int(0)), fb->Text(1), fb->Int(2) != 0, fb->Text(3), fb->Text(4), fb->Int(5)});
    }
    return s;
}

// [SECTION] Synonyms --------------------------------------------------------------------------------

Result<SynonymSettings> ReadSynonyms(Database& db) {
    auto q = db.Prepare("SELECT synonyms, revision FROM kb_settings WHERE id = 1");
    if (!q.ok()) return q.error();
    auto row = q->Step();
    if (!row.ok()) return row.error();
    if (!*row) return SynonymSettings{};
    return SynonymSettings{q->Text(0), q->Int(1)};
}

Result<Unit> WriteSynonyms(Database& db, const std::string& text, Timestamp now) {
    auto q = db.Prepare("UPDATE kb_settings SET synonyms = ?1, revision = revision + 1, updated_at = ?2 WHERE id = 1");
    if (!q.ok()) return q.error();
    q->Bind(1, text).Bind(2, now);
    return q->Run();
}

}  // namespace spoc::storage
