// Catalog search and article suggestions (see catalog_search.h): a SearchIndex over catalog
// items, the "as many words as the best" cut for service results, and the suggestion rule
// beside a request form (trusted words, the about-the-item boost, relative and absolute floors).
#include "shared/domain/catalog_search.h"

#include <algorithm>

#include "shared/domain/search_text.h"
#include "shared/domain/text.h"

namespace spoc {

namespace {

bool CatalogOrder(const CatalogItem* a, const CatalogItem* b) {
    if (a->sort != b->sort) return a->sort < b->sort;
    return a->title < b->title;
}

// Index terms (stems) of the non-stop words of text, appended to out.
void AppendStems(std::string_view text, std::vector<std::string>& out) {
    std::vector<SearchWord> words;
    SplitWords(text, words);
    for (const SearchWord& w : words)
        if (!IsStopWord(w.folded)) out.push_back(NormalizeTerm(w.folded));
}

void HashBytes(std::uint64_t& h, std::string_view bytes) {
    for (char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;  // FNV-1a
    h = (h ^ 0xFFu) * 1099511628211ull;  // field end: "ab"+"c" differs from "a"+"bc"
}

}  // namespace

// [SECTION] Catalog search

void BuildCatalogSearchIndex(const std::vector<CatalogItem>& items, const SynonymPairs& synonyms, SearchIndex& out) {
    std::string tags;
    for (const CatalogItem& item : items) {
        tags.clear();
        for (const std::string& keyword : item.keywords) tags += keyword + ", ";
        tags += item.category + ", " + item.department;
        out.Add(item.id.value, item.title, item.summary, tags);
    }
    out.SetSynonyms(synonyms);
    out.Build();
}

std::uint64_t CatalogSearchFingerprint(const std::vector<CatalogItem>& items, const SynonymPairs& synonyms) {
    std::uint64_t h = 14695981039346656037ull;
    for (const CatalogItem& item : items) {
        HashBytes(h, std::to_string(item.id.value));
        HashBytes(h, item.title);
        HashBytes(h, item.summary);
        HashBytes(h, item.category);
        HashBytes(h, item.department);
        for (const std::string& keyword : item.keywords) HashBytes(h, keyword);
    }
    for (const auto& [a, b] : synonyms) {
        HashBytes(h, a);
        HashBytes(h, b);
    }
    return h;
}

std::vector<const CatalogItem*> SearchCatalogItems(const SearchIndex& index, const std::vector<CatalogItem>& items,
                                                   std::string_view query) {
    std::vector<const CatalogItem*> out;
    if (Trim(query).empty()) {
        for (const CatalogItem& item : items) out.push_back(&item);
        std::stable_sort(out.begin(), out.end(), CatalogOrder);
        return out;
    }
    const std::vector<SearchHit> hits =
        index.Search(query, static_cast<int>(std::max<std::size_t>(index.DocumentCount(), 1)));
    int best_matched = 0;
    for (const SearchHit& hit : hits) best_matched = std::max(best_matched, hit.matched);
    std::vector<std::pair<double, const CatalogItem*>> scored;
    for (const SearchHit& hit : hits) {
        if (hit.matched < best_matched) continue;
        auto it =
            std::find_if(items.begin(), items.end(), [&](const CatalogItem& i) { return i.id.value == hit.doc_id; });
        if (it != items.end()) scored.emplace_back(hit.score, &*it);
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first > b.first;
        return CatalogOrder(a.second, b.second);
    });
    for (const auto& entry : scored) out.push_back(entry.second);
    return out;
}

// [SECTION] Suggestions

std::string SuggestionQuery(const SearchIndex& index, const std::vector<std::string_view>& fields) {
    std::string query;
    bool signal = false;
    std::vector<SearchWord> words;
    for (std::string_view typed : fields) {
        words.clear();
        SplitWords(typed, words);
        if (!words.empty() && words.back().end == typed.size() && !index.HasWord(words.back().folded))
            words.pop_back();  // perhaps still being typed, and not (yet) a word the articles use
        for (const SearchWord& w : words) {
            query += w.folded;
            query += ' ';
            signal = signal || (w.folded.size() >= 3 && !IsStopWord(w.folded));
        }
    }
    return signal ? query : std::string();
}

bool IsArticleAboutItem(const CatalogItem& item, std::string_view article_category,
                        const std::vector<std::string>& article_tags) {
    std::vector<std::string> vocabulary;
    AppendStems(item.title, vocabulary);
    AppendStems(item.category, vocabulary);
    for (const std::string& keyword : item.keywords) AppendStems(keyword, vocabulary);
    std::sort(vocabulary.begin(), vocabulary.end());
    auto covered = [&](std::string_view phrase) {
        std::vector<std::string> stems;
        AppendStems(phrase, stems);
        if (stems.empty()) return false;
        for (const std::string& s : stems)
            if (!std::binary_search(vocabulary.begin(), vocabulary.end(), s)) return false;
        return true;
    };
    if (covered(article_category)) return true;
    return std::any_of(article_tags.begin(), article_tags.end(), covered);
}

std::vector<SearchHit> RankSuggestions(std::vector<SearchHit> hits, const std::vector<bool>& about, int limit) {
    for (std::size_t i = 0; i < hits.size() && i < about.size(); ++i)
        if (about[i]) hits[i].score *= kSuggestionAboutBoost;
    std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) {
        return a.score != b.score ? a.score > b.score : a.doc_id < b.doc_id;
    });
    std::vector<SearchHit> out;
    for (const SearchHit& hit : hits) {
        if (static_cast<int>(out.size()) >= limit) break;
        if (hit.score < kSuggestionMinScore || hit.score < hits.front().score * kSuggestionMinRelative) break;
        out.push_back(hit);
    }
    return out;
}

}  // namespace spoc
