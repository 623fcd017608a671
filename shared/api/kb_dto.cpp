// JSON codecs for the knowledge-base API (see kb_dto.h), on the shared helpers of json_support.h.
#include "shared/api/kb_dto.h"

#include "shared/api/json_support.h"
#include "shared/domain/search.h"

namespace spoc::api {

using namespace json_support;  // json, Reader, ParseObject, Guard, Dump

namespace {

// [SECTION] Helpers -------------------------------------------------------------------------------

std::string TimeText(Timestamp ts) { return ts ? FormatIso8601(ts) : std::string(); }

json ContentJson(const ArticleContent& c, bool with_body) {
    json j = {{"title", c.title}, {"category", c.category}, {"tags", c.tags}, {"audience", AudienceName(c.audience)},
              {"review_by", c.review_by}};
    if (with_body) j["body"] = c.body;
    return j;
}

std::vector<std::string> ReadStrings(Reader& r, const char* key, std::size_t max_items, std::size_t max_bytes) {
    std::vector<std::string> out;
    const json* list = r.Array(key);
    if (!list) return out;
    if (list->size() > max_items) { r.Fail(key, "has too many entries."); return out; }
    for (const json& v : *list) {
        if (!v.is_string() || v.get_ref<const std::string&>().size() > max_bytes ||
            !IsValidUtf8(v.get_ref<const std::string&>())) {
            r.Fail(key, "must hold short strings.");
            return {};
        }
        out.push_back(v.get<std::string>());
    }
    return out;
}

ArticleContent ReadContent(Reader& r, bool body_required) {
    ArticleContent c;
    c.title = r.String("title", true, kMaxArticleTitle * 4);
    c.body = r.String("body", body_required, kMaxArticleBody + 1024);
    c.category = r.String("category", false, kMaxArticleCategory * 4);
    c.tags = ReadStrings(r, "tags", kMaxArticleTags * 2, kMaxArticleTag * 4);
    c.audience = r.Enum("audience", Audience::everyone, ParseAudience);
    c.review_by = r.String("review_by", false, 32);
    return c;
}

json ArticleJson(const Article& a, bool with_body) {
    json j = ContentJson(a.content, with_body);
    j["id"] = a.id.value;
    j["state"] = ArticleStateName(a.state);
    j["owner_id"] = a.owner_id.value;
    j["owner_name"] = a.owner_name;
    j["version"] = a.version;
    j["created_at"] = TimeText(a.created_at);
    j["updated_at"] = TimeText(a.updated_at);
    if (a.published_at) j["published_at"] = TimeText(a.published_at);
    j["updated_by_name"] = a.updated_by_name;
    j["helpful"] = a.helpful;
    j["not_helpful"] = a.not_helpful;
    j["views"] = a.views;
    j["deflections"] = a.deflections;
    return j;
}

Article ReadArticle(Reader& r) {
    Article a;
    a.content = ReadContent(r, false);
    a.id = ArticleId(r.Int("id", 0, true));
    a.state = r.Enum("state", ArticleState::draft, ParseArticleState, true);
    a.owner_id = UserId(r.Int("owner_id"));
    a.owner_name = r.String("owner_name", false, 256);
    a.version = static_cast<int>(r.Int("version", 1));
    a.created_at = r.Time("created_at");
    a.updated_at = r.Time("updated_at");
    a.published_at = r.Time("published_at");
    a.updated_by_name = r.String("updated_by_name", false, 256);
    a.helpful = static_cast<int>(r.Int("helpful"));
    a.not_helpful = static_cast<int>(r.Int("not_helpful"));
    a.views = static_cast<int>(r.Int("views"));
    a.deflections = static_cast<int>(r.Int("deflections"));
    return a;
}

// Decodes {"items":[...]} with `read` applied to every object.
template <class T, class ReadFn>
Result<std::vector<T>> DecodeItems(std::string_view body, const char* key, ReadFn read) {
    return Guard<std::vector<T>>([&]() -> Result<std::vector<T>> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        std::vector<T> out;
        const json* list = r.Array(key);
        if (!list && !r.failed()) r.Fail(key, "is required.");
        if (list) {
            for (const json& item : *list) {
                if (!item.is_object()) { r.Fail(key, "must hold objects."); break; }
                Reader ir(item, std::string(key) + ".");
                T value = read(ir);
                if (ir.failed()) { r.Adopt(ir.error()); break; }
                out.push_back(std::move(value));
            }
        }
        if (r.failed()) return r.error();
        return out;
    });
}

// Decodes one object with `read`.
template <class T, class ReadFn>
Result<T> DecodeOne(std::string_view body, ReadFn read) {
    return Guard<T>([&]() -> Result<T> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        T value = read(r, *doc);
        if (r.failed()) return r.error();
        return value;
    });
}

}  // namespace

// [SECTION] Articles ------------------------------------------------------------------------------

std::string EncodeArticle(const Article& article, bool with_body) { return Dump(ArticleJson(article, with_body)); }

Result<Article> DecodeArticle(std::string_view body) {
    return DecodeOne<Article>(body, [](Reader& r, const json&) { return ReadArticle(r); });
}

std::string EncodeArticlePage(const ArticlePage& page) {
    json items = json::array();
    for (const Article& a : page.items) items.push_back(ArticleJson(a, false));
    return Dump(json{{"items", std::move(items)}, {"total", page.total}});
}

Result<ArticlePage> DecodeArticlePage(std::string_view body) {
    auto items = DecodeItems<Article>(body, "items", [](Reader& r) { return ReadArticle(r); });
    if (!items.ok()) return items.error();
    ArticlePage page;
    page.items = std::move(*items);
    auto total = DecodeOne<int>(body, [](Reader& r, const json&) { return static_cast<int>(r.Int("total")); });
    page.total = total.ok() ? *total : static_cast<int>(page.items.size());
    return page;
}

std::string EncodeArticleWrite(const ArticleWrite& write) {
    json j = ContentJson(write.content, true);
    if (write.base_version) j["base_version"] = write.base_version;
    return Dump(j);
}

Result<ArticleWrite> DecodeArticleWrite(std::string_view body) {
    return DecodeOne<ArticleWrite>(body, [](Reader& r, const json&) {
        ArticleWrite w;
        w.content = ReadContent(r, true);
        w.base_version = static_cast<int>(r.Int("base_version"));
        return w;
    });
}

std::string EncodeStateChange(const StateChange& change) {
    return Dump(json{{"state", ArticleStateName(change.state)}, {"base_version", change.base_version}});
}

Result<StateChange> DecodeStateChange(std::string_view body) {
    return DecodeOne<StateChange>(body, [](Reader& r, const json&) {
        StateChange c;
        c.state = r.Enum("state", ArticleState::draft, ParseArticleState, true);
        c.base_version = static_cast<int>(r.Int("base_version", 0, true));
        return c;
    });
}

std::string EncodeArticleVersions(const std::vector<ArticleVersion>& versions) {
    json items = json::array();
    for (const ArticleVersion& v : versions) {
        json j = ContentJson(v.content, true);
        j["version"] = v.version;
        j["author_id"] = v.author_id.value;
        j["author_name"] = v.author_name;
        j["at"] = TimeText(v.at);
        j["state"] = ArticleStateName(v.state);
        j["change"] = v.change;
        items.push_back(std::move(j));
    }
    return Dump(json{{"items", std::move(items)}});
}

Result<std::vector<ArticleVersion>> DecodeArticleVersions(std::string_view body) {
    return DecodeItems<ArticleVersion>(body, "items", [](Reader& r) {
        ArticleVersion v;
        v.content = ReadContent(r, false);
        v.version = static_cast<int>(r.Int("version", 0, true));
        v.author_id = UserId(r.Int("author_id"));
        v.author_name = r.String("author_name", false, 256);
        v.at = r.Time("at");
        v.state = r.Enum("state", ArticleState::draft, ParseArticleState);
        v.change = r.String("change", false, 64);
        return v;
    });
}

// [SECTION] Feedback and deflection ---------------------------------------------------------------

std::string EncodeFeedback(const ArticleFeedback& f) {
    json j = {{"helpful", f.helpful}};
    if (!f.comment.empty()) j["comment"] = f.comment;
    return Dump(j);
}

Result<ArticleFeedback> DecodeFeedback(std::string_view body) {
    return DecodeOne<ArticleFeedback>(body, [](Reader& r, const json& doc) {
        ArticleFeedback f;
        if (!doc.contains("helpful") || !doc.at("helpful").is_boolean()) r.Fail("helpful", "must be true or false.");
        f.helpful = r.Bool("helpful");
        f.comment = std::string(Trim(r.String("comment", false, kMaxFeedbackComment * 4)));
        return f;
    });
}

std::string EncodeDeflection(const Deflection& d) {
    json j = {{"article_id", d.article_id.value}, {"query", d.query}};
    if (d.catalog_item_id.valid()) j["catalog_item_id"] = d.catalog_item_id.value;
    return Dump(j);
}

Result<Deflection> DecodeDeflection(std::string_view body) {
    return DecodeOne<Deflection>(body, [](Reader& r, const json&) {
        Deflection d;
        d.article_id = ArticleId(r.Int("article_id", 0, true));
        d.catalog_item_id = CatalogItemId(r.Int("catalog_item_id"));
        d.query = r.String("query", false, limits::kMaxSearchQuery * 4);
        if (!r.failed() && !d.article_id.valid()) r.Fail("article_id", "must be a positive id.");
        if (!r.failed() && d.catalog_item_id.value < 0) r.Fail("catalog_item_id", "must be a positive id.");
        if (!r.failed() && d.query.size() > limits::kMaxSearchQuery) r.Fail("query", "is too long.");
        return d;
    });
}

// [SECTION] Search index --------------------------------------------------------------------------

std::string EncodeKbIndex(const KbIndex& index) {
    json articles = json::array();
    for (const KbIndexEntry& e : index.articles) {
        json j = {{"id", e.id.value}, {"title", e.title}, {"category", e.category}, {"tags", e.tags},
                  {"text", e.text}, {"updated_at", TimeText(e.updated_at)}};
        if (e.audience != Audience::everyone) j["audience"] = AudienceName(e.audience);
        articles.push_back(std::move(j));
    }
    json synonyms = json::array();
    for (const auto& [a, b] : index.synonyms) synonyms.push_back(json::array({a, b}));
    return Dump(json{{"version", index.version}, {"articles", std::move(articles)}, {"synonyms", std::move(synonyms)}});
}

void BuildKbSearchIndex(const KbIndex& index, SearchIndex& out) {
    std::string tags;
    for (const KbIndexEntry& e : index.articles) {
        tags.clear();
        for (const std::string& t : e.tags) {
            tags += t;
            tags += ", ";
        }
        tags += e.category;
        out.Add(e.id.value, e.title, e.text, tags);
    }
    out.SetSynonyms(index.synonyms);
    out.Build();
}

Result<KbIndex> DecodeKbIndex(std::string_view body) {
    auto entries = DecodeItems<KbIndexEntry>(body, "articles", [](Reader& r) {
        KbIndexEntry e;
        e.id = ArticleId(r.Int("id", 0, true));
        e.title = r.String("title", true, 1024);
        e.category = r.String("category", false, 1024);
        e.tags = ReadStrings(r, "tags", 64, 256);
        e.text = r.String("text", false, 1 << 20);
        e.audience = r.Enum("audience", Audience::everyone, ParseAudience);
        e.updated_at = r.Time("updated_at");
        return e;
    });
    if (!entries.ok()) return entries.error();
    return DecodeOne<KbIndex>(body, [&](Reader& r, const json& doc) {
        KbIndex index;
        index.version = r.String("version", true, 256);
        index.articles = std::move(*entries);
        if (doc.contains("synonyms") && doc.at("synonyms").is_array()) {
            for (const json& pair : doc.at("synonyms")) {
                if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string()) {
                    r.Fail("synonyms", "must hold [a, b] pairs.");
                    break;
                }
                index.synonyms.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
            }
        }
        return index;
    });
}

// [SECTION] Search results ------------------------------------------------------------------------

std::string SnippetToHtml(std::string_view snippet) {
    std::string out;
    out.reserve(snippet.size() + 32);
    for (char c : snippet) {
        switch (c) {
            case kSnippetMarkBegin: out += "<mark>"; break;
            case kSnippetMarkEnd: out += "</mark>"; break;
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string EncodeKbSearch(const std::vector<KbSearchHit>& hits, std::string_view query) {
    json items = json::array();
    for (const KbSearchHit& h : hits) {
        std::string plain;
        for (char c : h.snippet)
            if (c != kSnippetMarkBegin && c != kSnippetMarkEnd) plain += c;
        items.push_back({{"id", h.id.value}, {"title", h.title}, {"category", h.category}, {"snippet", plain},
                         {"snippet_html", SnippetToHtml(h.snippet)}, {"score", h.score}});
    }
    return Dump(json{{"query", query}, {"items", std::move(items)}});
}

Result<std::vector<KbSearchHit>> DecodeKbSearch(std::string_view body) {
    return DecodeItems<KbSearchHit>(body, "items", [](Reader& r) {
        KbSearchHit h;
        h.id = ArticleId(r.Int("id", 0, true));
        h.title = r.String("title", true, 1024);
        h.category = r.String("category", false, 1024);
        h.snippet = r.String("snippet", false, 4096);
        h.score = r.Number("score").value_or(0.0);
        return h;
    });
}

// [SECTION] Statistics ----------------------------------------------------------------------------

std::string EncodeKbStats(const KbStats& s) {
    auto stat_list = [](const std::vector<KbArticleStat>& list, const char* count, const char* other) {
        json out = json::array();
        for (const KbArticleStat& a : list) out.push_back({{"id", a.id.value}, {"title", a.title}, {count, a.count}, {other, a.other}});
        return out;
    };
    json feedback = json::array();
    for (const KbFeedbackEntry& f : s.recent_feedback)
        feedback.push_back({{"article_id", f.article_id.value}, {"title", f.title}, {"helpful", f.helpful},
                            {"comment", f.comment}, {"user_name", f.user_name}, {"at", TimeText(f.at)}});
    return Dump(json{{"deflections_total", s.deflections_total},
                     {"deflections_30d", s.deflections_30d},
                     {"articles_published", s.articles_published},
                     {"views_total", s.views_total},
                     {"top_deflecting", stat_list(s.top_deflecting, "deflections", "views")},
                     {"most_helpful", stat_list(s.most_helpful, "helpful", "not_helpful")},
                     {"recent_feedback", std::move(feedback)}});
}

Result<KbStats> DecodeKbStats(std::string_view body) {
    auto read_stats = [&](const char* key, const char* count, const char* other) {
        return DecodeItems<KbArticleStat>(body, key, [&](Reader& r) {
            return KbArticleStat{ArticleId(r.Int("id", 0, true)), r.String("title", false, 1024),
                                 static_cast<int>(r.Int(count)), static_cast<int>(r.Int(other))};
        });
    };
    auto top = read_stats("top_deflecting", "deflections", "views");
    if (!top.ok()) return top.error();
    auto helpful = read_stats("most_helpful", "helpful", "not_helpful");
    if (!helpful.ok()) return helpful.error();
    auto feedback = DecodeItems<KbFeedbackEntry>(body, "recent_feedback", [](Reader& r) {
        KbFeedbackEntry f;
        f.article_id = ArticleId(r.Int("article_id", 0, true));
        f.title = r.String("title", false, 1024);
        f.helpful = r.Bool("helpful", true);
        f.comment = r.String("comment", false, 8192);
        f.user_name = r.String("user_name", false, 256);
        f.at = r.Time("at");
        return f;
    });
    if (!feedback.ok()) return feedback.error();
    return DecodeOne<KbStats>(body, [&](Reader& r, const json&) {
        KbStats s;
        s.deflections_total = static_cast<int>(r.Int("deflections_total"));
        s.deflections_30d = static_cast<int>(r.Int("deflections_30d"));
        s.articles_published = static_cast<int>(r.Int("articles_published"));
        s.views_total = static_cast<int>(r.Int("views_total"));
        s.top_deflecting = std::move(*top);
        s.most_helpful = std::move(*helpful);
        s.recent_feedback = std::move(*feedback);
        return s;
    });
}

std::string EncodeSynonymsBody(const SynonymsBody& body) { return Dump(json{{"text", body.text}}); }

Result<SynonymsBody> DecodeSynonymsBody(std::string_view body) {
    return DecodeOne<SynonymsBody>(body, [](Reader& r, const json&) {
        return SynonymsBody{r.String("text", true, kMaxSynonymsText + 1)};
    });
}

}  // namespace spoc::api
