// Knowledge-base search: an in-memory inverted index over title/body/tags ranked with BM25F
// (fields weighted before one saturation, the body's opening words counting twice), prefix
// matching while typing, typo tolerance, two-way synonyms, quoted phrases and highlighted
// snippets that start at a sentence and keep blocks apart.
// Pure and deterministic: the same corpus and query rank identically natively and in wasm
// (ties go to the lower id).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace spoc {

struct SearchHit {
    std::int64_t doc_id = 0;  // id given to SearchIndex::Add
    double score = 0.0;       // higher is better; only comparable within one query
    int matched = 0;          // query words the document matched (a synonym counts for the words it stands for)
};

inline constexpr char kSnippetMarkBegin = '\x01';  // starts a matched word in Snippet() output
inline constexpr char kSnippetMarkEnd = '\x02';    // ends a matched word in Snippet() output
inline constexpr std::string_view kSnippetBlockBreak = " \xC2\xB7 ";  // stands for a line/block break in Snippet() output
inline constexpr std::string_view kSnippetEllipsis = "\xE2\x80\xA6 ";  // opens a Snippet() that starts mid-sentence

class SearchIndex {
public:
    void Add(std::int64_t doc_id, std::string_view title, std::string_view body,
             std::string_view tags);  // queue a document (same id again replaces it at Build)
    void Build();                     // (re)build the index from every document added so far
    void SetSynonyms(std::vector<std::pair<std::string, std::string>> pairs); // two-way, phrases allowed
    std::vector<SearchHit> Search(std::string_view query, int limit) const;  // best first, ties by id
    std::string Snippet(std::int64_t doc_id, std::string_view query,
                        std::size_t max_chars) const;  // body window of <= max_chars bytes from a sentence start, matches marked, blocks apart
    bool HasWord(std::string_view word) const;  // word (any case) is an indexed term as written (stemmed; stop words: false)
    std::size_t DocumentCount() const { return m_built_count; }  // documents in the built index
    std::size_t VocabularySize() const { return m_terms.size(); } // distinct indexed terms
    std::size_t MemoryBytes() const;  // approximate heap bytes held (documents, postings, typo index)
    std::size_t TypoIndexBytes() const { return m_deletes.capacity() * sizeof(std::uint64_t); } // share of the typo index

    struct Clause;  // query plan pieces (defined in search.cpp)
    struct Plan;

private:
    struct Document {
        std::int64_t id = 0;
        std::string title, body, tags;
        std::uint32_t length[3] = {0, 0, 0};  // indexed terms per field
    };
    struct Posting {
        std::uint32_t doc = 0;                // index into m_docs (sorted by id)
        std::uint16_t tf[3] = {0, 0, 0};      // term frequency per field (saturates at 65535)
        std::uint16_t lead_tf = 0;            // occurrences among the body's first kLeadWords words
        std::uint32_t pos_begin = 0, pos_count = 0; // slice of m_positions
    };
    struct Term {
        std::string text;                     // stem (or folded word when not plain English)
        std::uint32_t post_begin = 0, post_count = 0; // slice of m_postings
    };
    struct Surface {
        std::string text;                     // folded word as written in documents
        std::uint32_t term = 0;               // the index term it normalizes to
        bool titled = false;                  // appears in a title or tags (3-letter typos may reach it)
    };
    struct Synonym {
        std::vector<std::string> from, to;    // stem sequences
    };

    std::int64_t FindTerm(std::string_view text) const;  // term index or -1
    double TermScore(std::uint32_t term, const Posting& p) const;
    const Posting* FindPosting(std::uint32_t term, std::uint32_t doc) const;
    bool HasSequence(const std::vector<std::uint32_t>& terms, const std::vector<std::uint32_t>& gaps,
                     std::uint32_t doc) const;
    void AddPrefixMatches(std::string_view prefix, double weight, Clause& clause) const;
    void AddTypoMatches(std::string_view word, Clause& clause) const;
    void ShareExpansionIdf(Clause& clause) const;
    Plan MakePlan(std::string_view query) const;

    std::vector<Document> m_docs;             // built docs sorted by id, then pending ones
    std::size_t m_built_count = 0;
    std::vector<Term> m_terms;                // sorted by text
    std::vector<Posting> m_postings;
    std::vector<std::uint32_t> m_positions;   // (field << 30) | word position, sorted per posting
    std::vector<Surface> m_surfaces;          // sorted by text; prefix and typo matching run on these
    std::vector<std::uint64_t> m_deletes;     // hash(surface minus <= 2 bytes) << 32 | surface, sorted
    std::vector<double> m_idf;                // per term, BM25 inverse document frequency
    std::vector<double> m_norm;               // per document and field, BM25F field weight / length norm
    double m_avg_length[3] = {0, 0, 0};
    std::vector<Synonym> m_synonyms;
};

}  // namespace spoc
