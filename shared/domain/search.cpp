// Knowledge-base search index (see search.h): Build() turns queued documents into
// sorted postings with positions and a deletion-neighbourhood typo index (hashes of each
// word minus up to 2 bytes, so typo candidates are looked up, not scanned); Search()
// compiles a query into clauses (exact, prefix, typo and synonym alternatives plus
// required phrases) and ranks with BM25F: each term saturates once over its field-weighted,
// length-normalized frequencies, the body's opening words counting twice.
// Index: [SECTION] Helpers, [SECTION] Build, [SECTION] Query plan, [SECTION] Search, [SECTION] Snippet
#include "shared/domain/search.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <unordered_map>

#include "shared/domain/search_text.h"

namespace spoc {

// [SECTION] Helpers

namespace {

// BM25F. A term's frequencies in title, body and tags are weighted, divided by their field's
// length norm and summed before one saturation, so a title hit weighs like 8 body hits but a
// term cannot earn more than (k1 + 1) * idf however many fields hold it. Saturating each field
// apart (the earlier scheme) let a title hit alone outscore any body, so short generic headings
// beat long articles that match every query word (issue 15). k1 is high for BM25 because the
// weighted frequencies are.
constexpr double kK1 = 2.0;
constexpr double kB = 0.75;
constexpr double kFieldWeight[3] = {8.0, 1.0, 5.0};  // title, body, tags
constexpr std::uint32_t kLeadWords = 50;  // the body's first words (stop words included) count twice:
                                          // an article's opening says what it is about
constexpr double kPrefixWeight = 0.85;
constexpr double kTypo1Weight = 0.6;
constexpr double kTypo2Weight = 0.4;
constexpr double kSynonymWeight = 0.8;
constexpr std::size_t kMaxQueryBytes = 2048;
constexpr std::size_t kMaxQueryWords = 32;
constexpr std::size_t kMaxPrefixTerms = 32;
constexpr std::size_t kMaxTypoTerms = 8;
constexpr std::size_t kMaxTypoLength = 60;
constexpr std::uint32_t kMaxPosition = (1u << 30) - 1;

// Natural log from +, *, / only, so native and wasm builds agree to the last bit.
double DeterministicLog(double x) {
    int exponent = 0;
    double m = std::frexp(x, &exponent);  // x = m * 2^exponent, m in [0.5, 1)
    if (m < 0.70710678118654752) { m *= 2.0; --exponent; }
    const double t = (m - 1.0) / (m + 1.0);
    const double t2 = t * t;
    double term = t, sum = 0.0;
    for (int k = 1; k < 64; k += 2) {
        sum += term / k;
        term *= t2;
    }
    return 2.0 * sum + exponent * 0.69314718055994531;
}

// Optimal-string-alignment (restricted Damerau-Levenshtein) distance, or max_d + 1 once exceeded.
int BoundedDistance(std::string_view a, std::string_view b, int max_d) {
    const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
    if (std::abs(n - m) > max_d) return max_d + 1;
    std::array<int, kMaxTypoLength + 3> prev2{}, prev{}, cur{};
    for (int j = 0; j <= m; ++j) prev[j] = j;
    for (int i = 1; i <= n; ++i) {
        cur[0] = i;
        int row_min = cur[0];
        for (int j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, prev2[j - 2] + 1);
            cur[j] = v;
            row_min = std::min(row_min, v);
        }
        if (row_min > max_d) return max_d + 1;
        prev2 = prev;
        prev = cur;
    }
    return std::min(prev[m], max_d + 1);
}

// Hashes of every string made by deleting up to max_deletes bytes from word (deduplicated,
// appended to out). Two words within restricted Damerau-Levenshtein distance k share at
// least one such hash when both sides delete up to k bytes: each edit costs at most one
// deletion per side (a transposition "ab"/"ba" deletes the same letter on both).
void AppendDeletionHashes(std::string_view word, int max_deletes, std::vector<std::uint32_t>& out) {
    const std::size_t n = word.size();
    const std::size_t first = out.size();
    auto hash_skipping = [&](std::size_t skip1, std::size_t skip2) {
        std::uint32_t h = 2166136261u;  // FNV-1a over the kept bytes
        for (std::size_t i = 0; i < n; ++i) {
            if (i == skip1 || i == skip2) continue;
            h = (h ^ static_cast<unsigned char>(word[i])) * 16777619u;
        }
        return h;
    };
    const std::size_t none = n;
    out.push_back(hash_skipping(none, none));
    if (max_deletes >= 1)
        for (std::size_t i = 0; i < n; ++i) out.push_back(hash_skipping(i, none));
    if (max_deletes >= 2)
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = i + 1; j < n; ++j) out.push_back(hash_skipping(i, j));
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
    out.erase(std::unique(out.begin() + static_cast<std::ptrdiff_t>(first), out.end()), out.end());
}

// Edits allowed for a query word of this many bytes (0: exact only). 3-byte words ("vpm") get one
// edit too, but only towards title and tag words of 3-4 bytes, and only when no indexed word
// starts with them: acronyms and product names live in titles and tags, while reaching every
// short body word ("cat" -> "car", "cap", "can") would mostly add noise.
int MaxTypoDistance(std::size_t length) { return length >= 8 ? 2 : length >= 3 ? 1 : 0; }
constexpr std::size_t kShortTypoLength = 3;     // query words this short take the title/tag-only rule
constexpr std::size_t kShortTypoMaxSurface = 4; // longest surface such a word may reach

struct StemmedWord {
    std::string stem;
    std::uint32_t position = 0;
};

// Non-stop words of text as stems with their word positions.
std::vector<StemmedWord> StemWords(std::string_view text) {
    std::vector<SearchWord> words;
    SplitWords(text, words);
    std::vector<StemmedWord> out;
    for (const SearchWord& w : words)
        if (!IsStopWord(w.folded)) out.push_back({NormalizeTerm(w.folded), w.position});
    return out;
}

}  // namespace

struct SearchIndex::Clause {
    struct Alternative {
        std::vector<std::uint32_t> terms;  // term sequence (usually one)
        std::vector<std::uint32_t> gaps;   // position of each term relative to the first
        double weight = 1.0;
    };
    std::vector<Alternative> alternatives;
    std::size_t span_begin = 0, span_end = 0;  // token clauses a synonym clause stands in for
};

struct SearchIndex::Plan {
    std::vector<Clause> clauses;        // token clauses first, then synonym clauses
    std::size_t token_clauses = 0;
    std::vector<Clause::Alternative> phrases; // required quoted phrases
    bool impossible = false;            // a quoted phrase uses a word the index lacks
};

namespace {

void AddAlternative(SearchIndex::Clause& clause, std::uint32_t term, double weight) {
    for (auto& alt : clause.alternatives) {
        if (alt.terms.size() == 1 && alt.terms[0] == term) {
            alt.weight = std::max(alt.weight, weight);
            return;
        }
    }
    clause.alternatives.push_back({{term}, {0}, weight});
}

}  // namespace

// [SECTION] Build

void SearchIndex::Add(std::int64_t doc_id, std::string_view title, std::string_view body, std::string_view tags) {
    Document doc;
    doc.id = doc_id;
    doc.title = std::string(title);
    doc.body = std::string(body);
    doc.tags = std::string(tags);
    m_docs.push_back(std::move(doc));
}

void SearchIndex::Build() {
    std::stable_sort(m_docs.begin(), m_docs.end(),
                     [](const Document& a, const Document& b) { return a.id < b.id; });
    std::vector<Document> docs;
    docs.reserve(m_docs.size());
    for (std::size_t i = 0; i < m_docs.size(); ++i)  // keep the last added copy of each id
        if (i + 1 == m_docs.size() || m_docs[i + 1].id != m_docs[i].id) docs.push_back(std::move(m_docs[i]));
    m_docs = std::move(docs);
    m_built_count = m_docs.size();

    struct Entry {
        std::uint32_t term, doc, position;
    };
    std::vector<Entry> entries;
    std::unordered_map<std::string, std::uint32_t> ids;  // lookup only; order comes from sorting below
    std::vector<std::string> texts;
    struct SurfaceInfo {
        std::uint32_t term = 0;  // pre-sort id
        bool titled = false;     // seen in a title or tags
    };
    std::unordered_map<std::string, SurfaceInfo> surfaces;  // folded word -> its term
    std::vector<SearchWord> words;
    double total_length[3] = {0, 0, 0};
    double filled[3] = {0, 0, 0};  // documents with a non-empty field
    for (std::size_t d = 0; d < m_docs.size(); ++d) {
        Document& doc = m_docs[d];
        const std::string* fields[3] = {&doc.title, &doc.body, &doc.tags};
        for (std::uint32_t f = 0; f < 3; ++f) {
            words.clear();
            SplitWords(*fields[f], words);
            doc.length[f] = 0;
            for (const SearchWord& w : words) {
                if (IsStopWord(w.folded)) continue;
                auto surface = surfaces.find(w.folded);  // seen words skip stemming
                if (surface == surfaces.end()) {
                    auto [it, inserted] = ids.try_emplace(NormalizeTerm(w.folded), static_cast<std::uint32_t>(texts.size()));
                    if (inserted) texts.push_back(it->first);
                    surface = surfaces.emplace(w.folded, SurfaceInfo{it->second, false}).first;
                }
                surface->second.titled = surface->second.titled || f != 1;
                entries.push_back({surface->second.term, static_cast<std::uint32_t>(d), (f << 30) | std::min(w.position, kMaxPosition)});
                ++doc.length[f];
            }
            total_length[f] += doc.length[f];
            if (doc.length[f] > 0) ++filled[f];
        }
    }

    std::vector<std::uint32_t> order(texts.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return texts[a] < texts[b]; });
    std::vector<std::uint32_t> rank(texts.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) rank[order[i]] = i;
    for (Entry& e : entries) e.term = rank[e.term];
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        if (a.term != b.term) return a.term < b.term;
        if (a.doc != b.doc) return a.doc < b.doc;
        return a.position < b.position;
    });

    m_terms.assign(texts.size(), Term{});
    for (std::uint32_t i = 0; i < order.size(); ++i) m_terms[i].text = std::move(texts[order[i]]);
    m_postings.clear();
    m_positions.clear();
    m_positions.reserve(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const Entry& e = entries[i];
        Term& term = m_terms[e.term];
        if (term.post_count == 0) term.post_begin = static_cast<std::uint32_t>(m_postings.size());
        if (term.post_count == 0 || m_postings.back().doc != e.doc) {
            Posting p;
            p.doc = e.doc;
            p.pos_begin = static_cast<std::uint32_t>(m_positions.size());
            m_postings.push_back(p);
            ++term.post_count;
        }
        Posting& p = m_postings.back();
        const std::uint32_t field = e.position >> 30;
        if (p.tf[field] < 0xFFFF) ++p.tf[field];
        if (field == 1 && (e.position & kMaxPosition) < kLeadWords) ++p.lead_tf;
        ++p.pos_count;
        m_positions.push_back(e.position);
    }

    const double n = static_cast<double>(m_built_count);
    for (int f = 0; f < 3; ++f) m_avg_length[f] = filled[f] > 0 ? total_length[f] / filled[f] : 1.0;
    m_norm.resize(3 * m_built_count);
    for (std::size_t d = 0; d < m_built_count; ++d)
        for (int f = 0; f < 3; ++f)
            m_norm[3 * d + f] = kFieldWeight[f] / (1.0 - kB + kB * m_docs[d].length[f] / m_avg_length[f]);
    m_idf.resize(m_terms.size());
    for (std::size_t t = 0; t < m_terms.size(); ++t) {
        const double df = m_terms[t].post_count;
        m_idf[t] = DeterministicLog(1.0 + (n - df + 0.5) / (df + 0.5));
    }

    m_surfaces.clear();
    m_surfaces.reserve(surfaces.size());
    for (auto& [text, info] : surfaces) m_surfaces.push_back({text, rank[info.term], info.titled});
    std::sort(m_surfaces.begin(), m_surfaces.end(), [](const Surface& a, const Surface& b) { return a.text < b.text; });

    // Typo index: deletion neighbourhoods of every surface a query word could be within reach of.
    // Query words of 4-7 bytes allow 1 edit (surfaces of 3-8 bytes), 8+ bytes allow 2 (surfaces of 6+);
    // 3-byte query words allow 1 edit to a title or tag word of 3-4 bytes (see AddTypoMatches).
    // A shared key k has |k| >= 2 for 1 edit and >= 6 for 2 edits (the query deletes at most 2 of
    // its 8+ bytes), so a surface needs its 2-byte deletions only from 8 bytes on.
    std::vector<std::uint64_t> deletes;
    std::vector<std::uint32_t> hashes;
    for (std::uint32_t s = 0; s < m_surfaces.size(); ++s) {
        const std::size_t len = m_surfaces[s].text.size();
        if (len < 3 || len > kMaxTypoLength + 2) continue;
        hashes.clear();
        AppendDeletionHashes(m_surfaces[s].text, len >= 8 ? 2 : 1, hashes);
        for (std::uint32_t h : hashes) deletes.push_back((static_cast<std::uint64_t>(h) << 32) | s);
    }
    // Stable radix sort on the hash (two 16-bit passes): surfaces were pushed in increasing
    // order with distinct hashes each, so this leaves the keys fully sorted.
    m_deletes.assign(deletes.size(), 0);
    for (int shift = 32; shift < 64; shift += 16) {
        std::vector<std::uint32_t> offset(65537, 0);
        for (std::uint64_t k : deletes) ++offset[((k >> shift) & 0xFFFF) + 1];
        for (std::size_t b = 1; b < offset.size(); ++b) offset[b] += offset[b - 1];
        for (std::uint64_t k : deletes) m_deletes[offset[(k >> shift) & 0xFFFF]++] = k;
        deletes.swap(m_deletes);
    }
    m_deletes.swap(deletes);
    m_deletes.shrink_to_fit();  // the pass buffers alternate: this one may be the grown push_back one
}

std::size_t SearchIndex::MemoryBytes() const {
    std::size_t bytes = m_docs.capacity() * sizeof(Document) + m_terms.capacity() * sizeof(Term) +
                        m_postings.capacity() * sizeof(Posting) + m_positions.capacity() * sizeof(std::uint32_t) +
                        m_surfaces.capacity() * sizeof(Surface) + m_deletes.capacity() * sizeof(std::uint64_t) +
                        m_idf.capacity() * sizeof(double) + m_norm.capacity() * sizeof(double);
    auto heap = [](const std::string& s) { return s.capacity() > 15 ? s.capacity() + 1 : 0; };  // beyond SSO
    for (const Document& d : m_docs) bytes += heap(d.title) + heap(d.body) + heap(d.tags);
    for (const Term& t : m_terms) bytes += heap(t.text);
    for (const Surface& s : m_surfaces) bytes += heap(s.text);
    return bytes;
}

void SearchIndex::SetSynonyms(std::vector<std::pair<std::string, std::string>> pairs) {
    m_synonyms.clear();
    for (const auto& [a, b] : pairs) {
        const std::vector<StemmedWord> left = StemWords(a), right = StemWords(b);
        if (left.empty() || right.empty()) continue;
        Synonym forward, backward;
        for (const StemmedWord& w : left) forward.from.push_back(w.stem), backward.to.push_back(w.stem);
        for (const StemmedWord& w : right) forward.to.push_back(w.stem), backward.from.push_back(w.stem);
        if (forward.from == forward.to) continue;
        m_synonyms.push_back(std::move(forward));
        m_synonyms.push_back(std::move(backward));
    }
}

// [SECTION] Query plan

std::int64_t SearchIndex::FindTerm(std::string_view text) const {
    const auto it = std::lower_bound(m_terms.begin(), m_terms.end(), text,
                                     [](const Term& t, std::string_view s) { return t.text < s; });
    if (it == m_terms.end() || it->text != text) return -1;
    return it - m_terms.begin();
}

bool SearchIndex::HasWord(std::string_view word) const {
    const std::string folded = FoldText(word);
    if (folded.empty() || IsStopWord(folded)) return false;
    return FindTerm(NormalizeTerm(folded)) >= 0;
}

void SearchIndex::AddPrefixMatches(std::string_view prefix, double weight, Clause& clause) const {
    auto it = std::lower_bound(m_surfaces.begin(), m_surfaces.end(), prefix,
                               [](const Surface& t, std::string_view s) { return t.text < s; });
    std::vector<std::uint32_t> found;
    for (; it != m_surfaces.end() && std::string_view(it->text).substr(0, prefix.size()) == prefix; ++it)
        found.push_back(it->term);
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    auto more_common = [&](std::uint32_t a, std::uint32_t b) {
        if (m_terms[a].post_count != m_terms[b].post_count) return m_terms[a].post_count > m_terms[b].post_count;
        return a < b;
    };
    if (found.size() > kMaxPrefixTerms) {
        std::partial_sort(found.begin(), found.begin() + kMaxPrefixTerms, found.end(), more_common);
        found.resize(kMaxPrefixTerms);
    }
    for (std::uint32_t t : found) AddAlternative(clause, t, weight);
}

void SearchIndex::AddTypoMatches(std::string_view word, Clause& clause) const {
    const std::size_t len = word.size();
    const int max_d = MaxTypoDistance(len);
    const bool short_word = len <= kShortTypoLength;
    if (max_d == 0 || len > kMaxTypoLength || m_deletes.empty()) return;
    struct Candidate {
        int distance;
        std::uint32_t term;
    };
    // Surfaces sharing a deletion hash with the word, then checked exactly.
    std::vector<std::uint32_t> hashes, surfaces;
    AppendDeletionHashes(word, max_d, hashes);
    for (std::uint32_t h : hashes) {
        const std::uint64_t key = static_cast<std::uint64_t>(h) << 32;
        for (auto it = std::lower_bound(m_deletes.begin(), m_deletes.end(), key);
             it != m_deletes.end() && (*it >> 32) == h; ++it)
            surfaces.push_back(static_cast<std::uint32_t>(*it));
    }
    std::sort(surfaces.begin(), surfaces.end());
    surfaces.erase(std::unique(surfaces.begin(), surfaces.end()), surfaces.end());
    std::vector<Candidate> found;
    for (std::uint32_t s : surfaces) {
        const Surface& surface = m_surfaces[s];
        if (short_word && (!surface.titled || surface.text.size() > kShortTypoMaxSurface)) continue;
        const int d = BoundedDistance(word, surface.text, max_d);
        if (d > 0 && d <= max_d) found.push_back({d, surface.term});
    }
    std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
        return a.term != b.term ? a.term < b.term : a.distance < b.distance;
    });
    found.erase(std::unique(found.begin(), found.end(),
                            [](const Candidate& a, const Candidate& b) { return a.term == b.term; }),
                found.end());
    std::sort(found.begin(), found.end(), [&](const Candidate& a, const Candidate& b) {
        if (a.distance != b.distance) return a.distance < b.distance;
        if (m_terms[a.term].post_count != m_terms[b.term].post_count)
            return m_terms[a.term].post_count > m_terms[b.term].post_count;
        return a.term < b.term;
    });
    if (found.size() > kMaxTypoTerms) found.resize(kMaxTypoTerms);
    for (const Candidate& c : found) AddAlternative(clause, c.term, c.distance == 1 ? kTypo1Weight : kTypo2Weight);
}

// Prefix and typo alternatives are guesses at one word, so they score as one term (as FTS5 scores
// "word*"): each takes the idf of the clause's most common alternative, the typed word included.
// Scored with their own idf, rare completions outranked the word as typed ("data" reaching
// "datagramhandler" at 0.85 x a far higher idf), which cost long descriptive queries most.
void SearchIndex::ShareExpansionIdf(Clause& clause) const {
    double lowest = 0.0;
    for (const Clause::Alternative& alt : clause.alternatives)
        if (lowest == 0.0 || m_idf[alt.terms[0]] < lowest) lowest = m_idf[alt.terms[0]];
    for (Clause::Alternative& alt : clause.alternatives)
        if (alt.weight < 1.0 && m_idf[alt.terms[0]] > 0.0) alt.weight *= lowest / m_idf[alt.terms[0]];
}

SearchIndex::Plan SearchIndex::MakePlan(std::string_view query) const {
    Plan plan;
    if (query.size() > kMaxQueryBytes) query = query.substr(0, kMaxQueryBytes);

    // Split into words; segments between a pair of quotes become phrases.
    struct QueryWord {
        SearchWord word;
        int phrase = -1;
    };
    std::vector<QueryWord> words;
    std::vector<SearchWord> segment_words;
    std::uint32_t position = 0;
    int segment = 0;
    for (std::size_t start = 0; start <= query.size() && words.size() < kMaxQueryWords; ++segment) {
        std::size_t stop = query.find('"', start);
        const bool closed = stop != std::string_view::npos;
        if (!closed) stop = query.size();
        segment_words.clear();
        SplitWords(query.substr(start, stop - start), segment_words);
        for (SearchWord& w : segment_words) {
            if (words.size() >= kMaxQueryWords) break;
            w.begin += static_cast<std::uint32_t>(start);
            w.end += static_cast<std::uint32_t>(start);
            w.position += position;
            words.push_back({w, (segment % 2 == 1 && closed) ? segment : -1});
        }
        position += static_cast<std::uint32_t>(segment_words.size()) + 1;
        start = stop + 1;
    }
    const bool typing_last = !words.empty() && words.back().word.end == query.size() && words.back().phrase < 0 &&
                             words.back().word.folded.size() >= 2;

    std::vector<StemmedWord> stems;          // non-stop words that got a token clause
    for (std::size_t i = 0; i < words.size(); ++i) {
        const SearchWord& w = words[i].word;
        const bool prefix = typing_last && i + 1 == words.size();
        const bool stop = IsStopWord(w.folded);
        if (stop && !prefix) continue;
        const std::string stem = NormalizeTerm(w.folded);
        Clause clause;
        const std::int64_t exact = stop ? -1 : FindTerm(stem);
        if (exact >= 0) AddAlternative(clause, static_cast<std::uint32_t>(exact), 1.0);
        if (prefix) {
            AddPrefixMatches(w.folded, kPrefixWeight, clause);
            if (stem != w.folded) AddPrefixMatches(stem, kPrefixWeight, clause);
        }
        const bool short_word = w.folded.size() <= kShortTypoLength;
        if (exact < 0 && !stop && words[i].phrase < 0 && (!short_word || clause.alternatives.empty()))
            AddTypoMatches(w.folded, clause);
        ShareExpansionIdf(clause);
        plan.clauses.push_back(std::move(clause));
        stems.push_back({stop ? std::string() : stem, w.position});
    }
    plan.token_clauses = plan.clauses.size();

    // Required phrases: exact stems at the same relative positions.
    for (std::size_t i = 0; i < words.size();) {
        const int phrase = words[i].phrase;
        std::size_t j = i;
        while (j < words.size() && words[j].phrase == phrase) ++j;
        if (phrase >= 0) {
            Clause::Alternative seq;
            std::uint32_t first_position = 0;
            for (std::size_t k = i; k < j; ++k) {
                if (IsStopWord(words[k].word.folded)) continue;
                const std::int64_t t = FindTerm(NormalizeTerm(words[k].word.folded));
                if (t < 0) plan.impossible = true;
                if (seq.terms.empty()) first_position = words[k].word.position;
                seq.gaps.push_back(words[k].word.position - first_position);
                seq.terms.push_back(static_cast<std::uint32_t>(std::max<std::int64_t>(t, 0)));
            }
            if (!seq.terms.empty()) plan.phrases.push_back(std::move(seq));
        }
        i = j;
    }

    // Synonyms: a matched run of query stems gains an alternative for the whole run.
    for (const Synonym& syn : m_synonyms) {
        for (std::size_t i = 0; i + syn.from.size() <= stems.size(); ++i) {
            bool match = true;
            for (std::size_t k = 0; k < syn.from.size() && match; ++k) match = stems[i + k].stem == syn.from[k];
            if (!match) continue;
            Clause::Alternative alt;
            alt.weight = kSynonymWeight;
            for (std::size_t k = 0; k < syn.to.size(); ++k) {
                const std::int64_t t = FindTerm(syn.to[k]);
                if (t < 0) { alt.terms.clear(); break; }
                alt.terms.push_back(static_cast<std::uint32_t>(t));
                alt.gaps.push_back(static_cast<std::uint32_t>(k));
            }
            if (alt.terms.empty()) continue;
            const std::size_t span_end = i + syn.from.size();
            auto same_span = std::find_if(plan.clauses.begin() + static_cast<std::ptrdiff_t>(plan.token_clauses),
                                          plan.clauses.end(), [&](const Clause& c) {
                                              return c.span_begin == i && c.span_end == span_end;
                                          });
            if (same_span == plan.clauses.end()) {
                Clause clause;
                clause.span_begin = i;
                clause.span_end = span_end;
                plan.clauses.push_back(std::move(clause));
                same_span = plan.clauses.end() - 1;
            }
            same_span->alternatives.push_back(std::move(alt));
        }
    }
    return plan;
}

// [SECTION] Search

const SearchIndex::Posting* SearchIndex::FindPosting(std::uint32_t term, std::uint32_t doc) const {
    const Term& t = m_terms[term];
    const Posting* begin = m_postings.data() + t.post_begin;
    const Posting* end = begin + t.post_count;
    const Posting* it = std::lower_bound(begin, end, doc, [](const Posting& p, std::uint32_t d) { return p.doc < d; });
    return it != end && it->doc == doc ? it : nullptr;
}

double SearchIndex::TermScore(std::uint32_t term, const Posting& p) const {
    const double* norms = m_norm.data() + 3 * static_cast<std::size_t>(p.doc);
    const double tf = p.tf[0] * norms[0] + p.tf[1] * norms[1] + p.tf[2] * norms[2] + p.lead_tf;
    return m_idf[term] * tf * (kK1 + 1.0) / (tf + kK1);
}

bool SearchIndex::HasSequence(const std::vector<std::uint32_t>& terms, const std::vector<std::uint32_t>& gaps,
                              std::uint32_t doc) const {
    const Posting* first = FindPosting(terms[0], doc);
    if (!first) return false;
    std::array<const Posting*, kMaxQueryWords> rest{};
    const std::size_t count = std::min(terms.size(), kMaxQueryWords);
    for (std::size_t k = 1; k < count; ++k)
        if (!(rest[k] = FindPosting(terms[k], doc))) return false;
    for (std::uint32_t i = 0; i < first->pos_count; ++i) {
        const std::uint32_t pos = m_positions[first->pos_begin + i];
        bool all = true;
        for (std::size_t k = 1; k < count && all; ++k) {
            const std::uint32_t* b = m_positions.data() + rest[k]->pos_begin;
            all = std::binary_search(b, b + rest[k]->pos_count, pos + gaps[k]);
        }
        if (all) return true;
    }
    return false;
}

std::vector<SearchHit> SearchIndex::Search(std::string_view query, int limit) const {
    if (limit <= 0 || m_built_count == 0) return {};
    const Plan plan = MakePlan(query);
    if (plan.impossible) return {};

    // A clause scores each document by its best alternative. Token clauses add straight into
    // scores (clause by clause, so sums round the same way whatever the path); their per-document
    // hits are kept, sorted by document, only when a synonym clause needs to look them up.
    using DocScore = std::pair<std::uint32_t, double>;
    const bool keep_hits = plan.clauses.size() > plan.token_clauses;
    std::vector<std::vector<DocScore>> clause_hits(keep_hits ? plan.clauses.size() : 0);
    std::vector<double> scores(m_built_count, 0.0);
    std::vector<std::uint32_t> words(m_built_count, 0);  // per document, bit c: token clause c matched
    std::vector<double> best;               // per document, this clause's best alternative
    std::vector<std::uint32_t> touched;     // documents with best > 0
    for (std::size_t c = 0; c < plan.clauses.size(); ++c) {
        const bool token = c < plan.token_clauses;
        const auto& alternatives = plan.clauses[c].alternatives;
        const bool direct = token && !keep_hits;
        if (alternatives.empty()) continue;
        if (alternatives.size() == 1 && alternatives[0].terms.size() == 1) {
            // One term: its postings are already one per document in document order.
            const Clause::Alternative& alt = alternatives[0];
            const Term& term = m_terms[alt.terms[0]];
            const Posting* p = m_postings.data() + term.post_begin;
            if (!direct) clause_hits[c].reserve(term.post_count);
            for (std::uint32_t k = 0; k < term.post_count; ++k) {
                const double score = alt.weight * TermScore(alt.terms[0], p[k]);
                if (direct) scores[p[k].doc] += score, words[p[k].doc] |= 1u << c;
                else clause_hits[c].push_back({p[k].doc, score});
            }
            continue;
        }
        if (best.empty()) best.assign(m_built_count, 0.0);
        touched.clear();
        for (const Clause::Alternative& alt : alternatives) {
            const Term& first = m_terms[alt.terms[0]];
            for (std::uint32_t k = 0; k < first.post_count; ++k) {
                const Posting& p = m_postings[first.post_begin + k];
                double score = TermScore(alt.terms[0], p);
                if (alt.terms.size() > 1) {
                    if (!HasSequence(alt.terms, alt.gaps, p.doc)) continue;
                    for (std::size_t t = 1; t < alt.terms.size(); ++t)
                        score += TermScore(alt.terms[t], *FindPosting(alt.terms[t], p.doc));
                }
                score *= alt.weight;
                if (best[p.doc] == 0.0) touched.push_back(p.doc);
                best[p.doc] = std::max(best[p.doc], score);
            }
        }
        if (direct) {
            for (std::uint32_t d : touched) scores[d] += best[d], best[d] = 0.0, words[d] |= 1u << c;
        } else {
            std::sort(touched.begin(), touched.end());
            clause_hits[c].reserve(touched.size());
            for (std::uint32_t d : touched) clause_hits[c].push_back({d, best[d]}), best[d] = 0.0;
        }
    }

    if (keep_hits)
        for (std::size_t c = 0; c < plan.token_clauses; ++c)
            for (const DocScore& h : clause_hits[c]) scores[h.first] += h.second, words[h.first] |= 1u << c;
    for (std::size_t c = plan.token_clauses; c < plan.clauses.size(); ++c) {
        const Clause& clause = plan.clauses[c];
        const std::uint32_t span_bits = static_cast<std::uint32_t>(
            ((std::uint64_t{1} << clause.span_end) - 1) & ~((std::uint64_t{1} << clause.span_begin) - 1));
        for (const DocScore& h : clause_hits[c]) {
            words[h.first] |= span_bits;
            double span_score = 0.0;  // what the replaced words already earned here
            for (std::size_t t = clause.span_begin; t < clause.span_end; ++t) {
                const auto& th = clause_hits[t];
                const auto it = std::lower_bound(th.begin(), th.end(), h.first,
                                                 [](const DocScore& a, std::uint32_t d) { return a.first < d; });
                if (it != th.end() && it->first == h.first) span_score += it->second;
            }
            if (h.second > span_score) scores[h.first] += h.second - span_score;
        }
    }

    std::vector<SearchHit> result;
    std::vector<std::uint32_t> ranked;
    for (std::uint32_t d = 0; d < m_built_count; ++d) {
        if (scores[d] <= 0.0) continue;
        bool ok = true;
        for (const Clause::Alternative& phrase : plan.phrases)
            if (ok) ok = HasSequence(phrase.terms, phrase.gaps, d);
        if (ok) ranked.push_back(d);
    }
    const auto better = [&](std::uint32_t a, std::uint32_t b) { return scores[a] != scores[b] ? scores[a] > scores[b] : a < b; };
    const std::size_t keep = std::min(ranked.size(), static_cast<std::size_t>(limit));
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(), better);
    result.reserve(keep);
    for (std::size_t i = 0; i < keep; ++i)
        result.push_back({m_docs[ranked[i]].id, scores[ranked[i]], std::popcount(words[ranked[i]])});
    return result;
}

// [SECTION] Snippet

std::string SearchIndex::Snippet(std::int64_t doc_id, std::string_view query, std::size_t max_chars) const {
    const auto built_end = m_docs.begin() + static_cast<std::ptrdiff_t>(m_built_count);
    const auto doc = std::lower_bound(m_docs.begin(), built_end, doc_id,
                                      [](const Document& d, std::int64_t id) { return d.id < id; });
    if (doc == built_end || doc->id != doc_id || max_chars == 0 || doc->body.empty()) return {};
    const std::string_view body = doc->body;

    const Plan plan = MakePlan(query);
    std::vector<std::uint32_t> wanted;
    for (const Clause& c : plan.clauses)
        for (const auto& alt : c.alternatives) wanted.insert(wanted.end(), alt.terms.begin(), alt.terms.end());
    for (const auto& p : plan.phrases) wanted.insert(wanted.end(), p.terms.begin(), p.terms.end());
    std::sort(wanted.begin(), wanted.end());

    std::vector<SearchWord> words;
    SplitWords(body, words);
    std::vector<bool> matched(words.size(), false);
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (IsStopWord(words[i].folded)) continue;
        const std::int64_t t = FindTerm(NormalizeTerm(words[i].folded));
        matched[i] = t >= 0 && std::binary_search(wanted.begin(), wanted.end(), static_cast<std::uint32_t>(t));
    }

    return RenderSnippet(body, words, matched, ChooseSnippetWindow(body, words, matched, max_chars));
}

}  // namespace spoc
