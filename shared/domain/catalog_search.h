// Catalog search and article suggestions: the knowledge-search engine (search.h) built over
// catalog items, so a service is found with the same typo tolerance, prefixes, stems and ranking
// as an article; and the rule that picks the articles suggested beside a request form (finished
// words only, a floor, and a boost for articles about the item). Pure and deterministic.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "shared/domain/catalog.h"
#include "shared/domain/search.h"

namespace spoc {

// ---- Catalog search ---------------------------------------------------------------------------
using SynonymPairs = std::vector<std::pair<std::string, std::string>>;
void BuildCatalogSearchIndex(
    const std::vector<CatalogItem>& items, const SynonymPairs& synonyms,
    SearchIndex& out);  // doc id = item id; title; summary as body; keywords, category, department as tags
std::uint64_t CatalogSearchFingerprint(const std::vector<CatalogItem>& items,
                                       const SynonymPairs& synonyms);  // changes whenever anything indexed does
// Items matching `query`, best first (equal scores in catalog order: sort, then title). Only the
// items that match as many query words as the best one are kept, so "new laptop" lists the
// laptop, not every item that mentions one of the words. A blank query lists every item.
std::vector<const CatalogItem*> SearchCatalogItems(const SearchIndex& index, const std::vector<CatalogItem>& items,
                                                   std::string_view query);

// ---- Suggestions beside a request form --------------------------------------------------------
inline constexpr double kSuggestionAboutBoost = 1.5;   // score factor for an article about the item
inline constexpr double kSuggestionMinRelative = 0.4;  // of the best (boosted) score
// Absolute floor: one title word or two body words. Scores are BM25F (search.h): a word in an
// article's title and body earns ~2.5 x its idf (it earned ~3.5 x under per-field BM25, floor 3.0).
inline constexpr double kSuggestionMinScore = 2.0;

// The words typed into a form's fields that can be trusted: every finished word (followed by a
// space or punctuation), and the word at the end of a field (perhaps still being typed) only when
// it already is a whole indexed word ("laptop", not "ca" or "lapt"): a fragment is never
// prefix-expanded. Returns them as a query with a trailing space (so Search does not expand the
// last one either), or "" when no word of three or more letters that is not a stop word remains.
std::string SuggestionQuery(const SearchIndex& index, const std::vector<std::string_view>& fields);
// True when the article's category or one of its tags is made only of words of the item's title,
// category or keywords ("new laptop" and "laptop" on the laptop form; "car park" is not).
bool IsArticleAboutItem(const CatalogItem& item, std::string_view article_category,
                        const std::vector<std::string>& article_tags);
// Boosts hits whose `about[i]` is true, re-sorts (ties by id), then keeps at most `limit` hits
// scoring at least kSuggestionMinRelative x the best and kSuggestionMinScore.
std::vector<SearchHit> RankSuggestions(std::vector<SearchHit> hits, const std::vector<bool>& about, int limit);

}  // namespace spoc
