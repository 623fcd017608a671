// Knowledge-base search benchmark (bench/kb/run drives it). Loads quality sets (corpus TSV:
// key<TAB>title<TAB>body; queries TSV: text<TAB>expected key): the Debian FAQ with employee-style
// queries, then any further sets (the Python library reference with its module synopses). Scores
// each set as written and with one typo in every word of 4+ letters (MRR@10, recall@5) for Spoc
// and, natively, SQLite FTS5 bm25; then times index build, index size and query p50/p99 on the
// sets and on generated corpora.
// Usage: kb_bench LABEL CORPUS.tsv QUERIES.tsv SYNONYMS.txt [CORPUS2.tsv QUERIES2.tsv]... [SIZE...]
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <unordered_map>
#include <vector>

#include "shared/domain/search.h"
#include "shared/domain/search_text.h"

#ifdef KB_BENCH_WITH_SQLITE
#include <sqlite3.h>
#endif

namespace {

// [SECTION] Input

struct Article {
    std::string key, title, body;
};
struct Query {
    std::string text, expected;
};

std::vector<std::string> SplitTabs(const std::string& line) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t tab = line.find('\t', start);
        out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) return out;
        start = tab + 1;
    }
}

std::vector<std::string> ReadLines(const char* path) {
    std::ifstream in(path);
    if (!in) {
        std::fprintf(stderr, "kb_bench: cannot read %s\n", path);
        std::exit(2);
    }
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '#') lines.push_back(line);
    return lines;
}

std::string Trim(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.pop_back();
    std::size_t b = 0;
    while (b < s.size() && s[b] == ' ') ++b;
    return s.substr(b);
}

// [SECTION] Timing helpers

double NowMs() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

double Percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    const std::size_t i = std::min(v.size() - 1, static_cast<std::size_t>(std::ceil(p * v.size())) - 1);
    return v[i];
}

struct Timing {
    double build_ms = 0, p50 = 0, p99 = 0, max = 0;
    std::size_t bytes = 0, typo_bytes = 0, vocabulary = 0;
};

Timing TimeQueries(const spoc::SearchIndex& index, const std::vector<std::string>& queries, int rounds) {
    std::vector<double> samples;
    samples.reserve(queries.size() * static_cast<std::size_t>(rounds));
    std::size_t sink = 0;
    for (int r = 0; r < rounds; ++r) {
        for (const std::string& q : queries) {
            const double t0 = NowMs();
            sink += index.Search(q, 10).size();
            samples.push_back(NowMs() - t0);
        }
    }
    Timing t;
    t.p50 = Percentile(samples, 0.50);
    t.p99 = Percentile(samples, 0.99);
    t.max = Percentile(samples, 1.0);
    if (sink == 0) std::printf("(no hits at all)\n");
    return t;
}

// [SECTION] Quality

struct Quality {
    double mrr = 0, recall5 = 0;
    std::vector<std::string> misses;  // queries whose article is not in the top 5
};

template <typename RankFn>
Quality Measure(const std::vector<Query>& queries, const std::vector<Article>& articles, RankFn rank) {
    Quality q;
    for (const Query& query : queries) {
        const std::vector<std::int64_t> top = rank(query.text);
        std::size_t at = 0;
        while (at < top.size() && at < 10 && articles[static_cast<std::size_t>(top[at])].key != query.expected) ++at;
        if (at < top.size() && at < 10) q.mrr += 1.0 / static_cast<double>(at + 1);
        if (at < top.size() && at < 5)
            q.recall5 += 1.0;
        else {
            std::string got = top.empty() ? "-" : articles[static_cast<std::size_t>(top[0])].key;
            q.misses.push_back("\"" + query.text + "\" want " + query.expected + " got " + got +
                               (at < top.size() && at < 10 ? " (rank " + std::to_string(at + 1) + ")" : ""));
        }
    }
    q.mrr /= static_cast<double>(queries.size());
    q.recall5 /= static_cast<double>(queries.size());
    return q;
}

#ifdef KB_BENCH_WITH_SQLITE
// [SECTION] SQLite FTS5 baseline

struct Fts {
    sqlite3* db = nullptr;
    sqlite3_stmt* query = nullptr;
    double build_ms = 0;
    std::size_t bytes = 0;

    explicit Fts(const std::vector<Article>& articles) {
        const double t0 = NowMs();
        sqlite3_open(":memory:", &db);
        sqlite3_exec(db,
                     "CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='porter unicode61 remove_diacritics 2');"
                     "BEGIN;",
                     nullptr, nullptr, nullptr);
        sqlite3_stmt* ins = nullptr;
        sqlite3_prepare_v2(db, "INSERT INTO t(rowid, title, body) VALUES(?, ?, ?)", -1, &ins, nullptr);
        for (std::size_t i = 0; i < articles.size(); ++i) {
            sqlite3_bind_int64(ins, 1, static_cast<sqlite3_int64>(i));
            sqlite3_bind_text(ins, 2, articles[i].title.c_str(), -1, SQLITE_STATIC);
            sqlite3_bind_text(ins, 3, articles[i].body.c_str(), -1, SQLITE_STATIC);
            sqlite3_step(ins);
            sqlite3_reset(ins);
        }
        sqlite3_finalize(ins);
        sqlite3_exec(db, "COMMIT; INSERT INTO t(t) VALUES('optimize');", nullptr, nullptr, nullptr);
        build_ms = NowMs() - t0;
        bytes = static_cast<std::size_t>(PragmaInt("page_count") * PragmaInt("page_size"));
        if (sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ? ORDER BY bm25(t, 2.5, 1.0) LIMIT 10", -1,
                               &query, nullptr) != SQLITE_OK)
            std::fprintf(stderr, "kb_bench: FTS5 prepare failed: %s\n", sqlite3_errmsg(db));
    }
    ~Fts() {
        sqlite3_finalize(query);
        sqlite3_close(db);
    }
    long long PragmaInt(const char* name) {
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db, (std::string("PRAGMA ") + name).c_str(), -1, &st, nullptr);
        long long v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
        sqlite3_finalize(st);
        return v;
    }

    // Each word quoted, OR-ed, the last one as a prefix: the usual safe translation of user input.
    static std::string MatchExpression(const std::string& text) {
        std::vector<std::string> tokens;
        std::string cur;
        for (char c : text) {
            if (std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80))
                cur += c;
            else if (!cur.empty())
                tokens.push_back(cur), cur.clear();
        }
        if (!cur.empty()) tokens.push_back(cur);
        std::string expr;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (i) expr += " OR ";
            expr += "\"" + tokens[i] + "\"";
            if (i + 1 == tokens.size()) expr += "*";
        }
        return expr;
    }

    std::vector<std::int64_t> Rank(const std::string& text) {
        std::vector<std::int64_t> out;
        const std::string expr = MatchExpression(text);
        if (expr.empty()) return out;
        sqlite3_bind_text(query, 1, expr.c_str(), -1, SQLITE_TRANSIENT);
        while (sqlite3_step(query) == SQLITE_ROW) out.push_back(sqlite3_column_int64(query, 0));
        sqlite3_reset(query);
        return out;
    }
};
#endif

// [SECTION] Synthetic corpora

struct Rng {  // splitmix64: deterministic on every platform
    std::uint64_t state;
    std::uint64_t Next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::size_t Below(std::size_t n) { return static_cast<std::size_t>(Next() % n); }
    double Unit() { return static_cast<double>(Next() >> 11) / 9007199254740992.0; }
};

// Vocabulary ranked for a Zipf law: the FAQ's words by frequency, then generated words.
std::vector<std::string> MakeVocabulary(const std::vector<Article>& articles, std::size_t total, Rng& rng) {
    std::unordered_map<std::string, std::size_t> counts;
    std::vector<spoc::SearchWord> words;
    for (const Article& a : articles) {
        words.clear();
        spoc::SplitWords(a.title + " " + a.body, words);
        for (const auto& w : words)
            if (w.folded.size() >= 2 && !std::isdigit(static_cast<unsigned char>(w.folded[0]))) ++counts[w.folded];
    }
    std::vector<std::pair<std::size_t, std::string>> ranked;
    for (auto& [w, c] : counts) ranked.push_back({c, w});
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    std::vector<std::string> vocab;
    for (auto& [c, w] : ranked) vocab.push_back(w);
    static const char* const kOnsets[] = {"b",  "c",  "d",  "f",  "g",  "h",  "k",  "l",  "m",
                                          "n",  "p",  "r",  "s",  "t",  "v",  "w",  "br", "cl",
                                          "dr", "fl", "gr", "pl", "pr", "sh", "st", "tr", "ch"};
    static const char* const kVowels[] = {"a", "e", "i", "o", "u", "ai", "ea", "io", "ou"};
    static const char* const kCodas[] = {"", "", "", "n", "r", "s", "t", "l", "m", "ck", "nd", "st"};
    std::unordered_map<std::string, bool> seen;
    for (const auto& w : vocab) seen[w] = true;
    while (vocab.size() < total) {
        std::string w;
        const std::size_t syllables = 1 + rng.Below(4);
        for (std::size_t s = 0; s < syllables; ++s) {
            w += kOnsets[rng.Below(std::size(kOnsets))];
            w += kVowels[rng.Below(std::size(kVowels))];
            w += kCodas[rng.Below(std::size(kCodas))];
        }
        if (w.size() >= 3 && !seen[w]) {
            seen[w] = true;
            vocab.push_back(w);
        }
    }
    // Interleave so generated words also reach the frequent ranks (real KBs have jargon).
    for (std::size_t i = vocab.size() - 1; i > 200; --i) {
        const std::size_t j = 200 + rng.Below(i - 199);
        if (rng.Below(3) == 0) std::swap(vocab[i], vocab[j]);
    }
    return vocab;
}

struct Zipf {
    std::vector<double> cdf;
    explicit Zipf(std::size_t n, double s = 1.0) {
        cdf.resize(n);
        double sum = 0;
        for (std::size_t i = 0; i < n; ++i) cdf[i] = (sum += 1.0 / std::pow(static_cast<double>(i + 1), s));
        for (double& c : cdf) c /= sum;
    }
    std::size_t Draw(Rng& rng) const {
        return static_cast<std::size_t>(std::lower_bound(cdf.begin(), cdf.end(), rng.Unit()) - cdf.begin()) %
               cdf.size();
    }
};

std::string MakeText(const std::vector<std::string>& vocab, const Zipf& zipf, std::size_t words, Rng& rng,
                     bool sentences) {
    std::string out;
    for (std::size_t i = 0; i < words; ++i) {
        if (i) out += (sentences && rng.Below(12) == 0) ? ". " : " ";
        out += vocab[zipf.Draw(rng)];
    }
    return out;
}

std::string Typo(std::string w, Rng& rng) {
    if (w.size() < 5) return w;
    const std::size_t i = 1 + rng.Below(w.size() - 2);
    switch (rng.Below(4)) {
        case 0:
            w.erase(i, 1);
            break;
        case 1:
            w.insert(i, 1, static_cast<char>('a' + rng.Below(26)));
            break;
        case 2:
            w[i] = static_cast<char>('a' + rng.Below(26));
            break;
        default:
            std::swap(w[i], w[i + 1 < w.size() ? i + 1 : i - 1]);
            break;
    }
    return w;
}

// The typo variant of a quality query: one typo (deletion, insertion, substitution or swap of
// neighbours, anywhere in the word) in every word of 4+ ASCII letters; seeded by the query text.
std::string TypoEveryWord(const std::string& text) {
    std::uint64_t seed = 1469598103934665603ull;
    for (unsigned char c : text) seed = (seed ^ c) * 1099511628211ull;
    Rng rng{seed};
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t j = i;
        while (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) ++j;
        if (j == i) {
            out += text[i++];
            continue;
        }
        std::string w = text.substr(i, j - i);
        if (w.size() >= 4) {
            const std::string original = w;
            while (w == original) {
                const std::size_t at = rng.Below(w.size());
                const char letter = static_cast<char>('a' + rng.Below(26));
                switch (rng.Below(4)) {
                    case 0:
                        w.erase(at, 1);
                        break;
                    case 1:
                        w.insert(at, 1, letter);
                        break;
                    case 2:
                        w[at] = letter;
                        break;
                    default:
                        if (at + 1 < w.size()) std::swap(w[at], w[at + 1]);
                        break;
                }
            }
        }
        out += w;
        i = j;
    }
    return out;
}

// Queries of 1-4 words taken from one generated article: plain, typed-so-far (last word cut),
// or with one typo; 2 in 3 end with a space (a finished word), like the UI sends them.
std::vector<std::string> MakeQueries(const std::vector<std::vector<std::string>>& doc_words, std::size_t count,
                                     Rng& rng) {
    std::vector<std::string> out;
    while (out.size() < count) {
        const auto& words = doc_words[rng.Below(doc_words.size())];
        const std::size_t n = 1 + rng.Below(4);
        std::string q;
        const std::size_t kind = out.size() % 3;
        for (std::size_t k = 0; k < n; ++k) {
            std::string w = words[rng.Below(words.size())];
            if (kind == 2 && k + 1 == n) w = Typo(w, rng);
            if (kind == 1 && k + 1 == n && w.size() > 3) w = w.substr(0, 2 + rng.Below(w.size() - 2));
            q += (k ? " " : "") + w;
        }
        if (kind != 1) q += " ";
        out.push_back(q);
    }
    return out;
}

// [SECTION] Quality sets

struct QualitySet {
    std::string name;  // "faq", "pydoc": the file name of the corpus without ".tsv"
    std::vector<Article> articles;
    std::vector<Query> queries;
};

QualitySet LoadSet(const char* corpus, const char* queries) {
    QualitySet set;
    set.name = corpus;
    set.name = set.name.substr(set.name.find_last_of('/') + 1);
    if (set.name.size() > 4 && set.name.compare(set.name.size() - 4, 4, ".tsv") == 0)
        set.name.resize(set.name.size() - 4);
    for (const std::string& line : ReadLines(corpus)) {
        const auto cols = SplitTabs(line);
        if (cols.size() >= 3) set.articles.push_back({cols[0], cols[1], cols[2]});
    }
    for (const std::string& line : ReadLines(queries)) {
        const auto cols = SplitTabs(line);
        if (cols.size() >= 2) set.queries.push_back({cols[0], Trim(cols[1])});
    }
    for (const Query& q : set.queries) {
        if (std::none_of(set.articles.begin(), set.articles.end(),
                         [&](const Article& a) { return a.key == q.expected; }))
            std::fprintf(stderr, "kb_bench: query \"%s\" expects unknown article %s\n", q.text.c_str(),
                         q.expected.c_str());
    }
    return set;
}

void BuildIndex(spoc::SearchIndex& index, const std::vector<Article>& articles) {
    for (std::size_t i = 0; i < articles.size(); ++i)
        index.Add(static_cast<std::int64_t>(i), articles[i].title, articles[i].body, "");
    index.Build();
}

void PrintTiming(const char* label, const spoc::SearchIndex& index, std::size_t articles, double build_ms,
                 const Timing& t) {
    std::printf(
        "%-6s %6zu articles  build %8.1f ms  size %7.1f MB (typo index %5.1f MB)  vocab %7zu  query p50 %6.3f ms  p99 "
        "%6.3f ms  max %6.3f ms\n",
        label, articles, build_ms, index.MemoryBytes() / 1e6, index.TypoIndexBytes() / 1e6, index.VocabularySize(),
        t.p50, t.p99, t.max);
}

// Quality of one set as written and with typos, then its timings (all queries x 20). The admin
// synonyms belong to the first set (the FAQ); other sets are measured without synonyms.
void RunQualitySet(const char* label, const QualitySet& set,
                   const std::vector<std::pair<std::string, std::string>>* synonyms, bool verbose) {
    std::vector<Query> typo_queries = set.queries;
    for (Query& q : typo_queries) q.text = TypoEveryWord(q.text);
    spoc::SearchIndex index, plain;
    const double t0 = NowMs();
    BuildIndex(index, set.articles);
    const double build_ms = NowMs() - t0;
    auto spoc_rank = [](const spoc::SearchIndex& searched) {
        return [&searched](const std::string& text) {
            std::vector<std::int64_t> ids;
            for (const auto& hit : searched.Search(text, 10)) ids.push_back(hit.doc_id);
            return ids;
        };
    };
    auto print = [&](const char* engine, const Quality& q) {
        std::printf("%-6s quality  %-6s %-20s MRR@10 %.3f  recall@5 %.3f  (n=%zu)\n", label, set.name.c_str(), engine,
                    q.mrr, q.recall5, set.queries.size());
    };
    auto list_misses = [&](const char* engine, const Quality& q) {
        if (verbose)
            for (const auto& m : q.misses)
                std::printf("%-6s miss %-6s %-12s %s\n", label, set.name.c_str(), engine, m.c_str());
    };
    if (synonyms) {
        BuildIndex(plain, set.articles);
        index.SetSynonyms(*synonyms);
    }
    const Quality q_spoc = Measure(set.queries, set.articles, spoc_rank(index));
    const Quality q_spoc_typo = Measure(typo_queries, set.articles, spoc_rank(index));
    print("spoc", q_spoc);
    if (synonyms) print("spoc (no synonyms)", Measure(set.queries, set.articles, spoc_rank(plain)));
    print("spoc typos", q_spoc_typo);
#ifdef KB_BENCH_WITH_SQLITE
    Fts fts(set.articles);
    auto fts_rank = [&](const std::string& text) { return fts.Rank(text); };
    const Quality q_fts = Measure(set.queries, set.articles, fts_rank);
    const Quality q_fts_typo = Measure(typo_queries, set.articles, fts_rank);
    print("fts5 bm25", q_fts);
    print("fts5 bm25 typos", q_fts_typo);
#endif
    list_misses("spoc", q_spoc);
    list_misses("spoc typos", q_spoc_typo);
#ifdef KB_BENCH_WITH_SQLITE
    list_misses("fts5", q_fts);
    list_misses("fts5 typos", q_fts_typo);
#endif

    std::vector<std::string> texts;
    for (const Query& q : set.queries) texts.push_back(q.text);
    PrintTiming(label, index, set.articles.size(), build_ms, TimeQueries(index, texts, 20));
#ifdef KB_BENCH_WITH_SQLITE
    std::vector<double> samples;
    for (int r = 0; r < 20; ++r)
        for (const std::string& q : texts) {
            const double s0 = NowMs();
            fts.Rank(q);
            samples.push_back(NowMs() - s0);
        }
    std::printf("%-6s %6zu articles  fts5  build %8.1f ms  size %7.1f MB  query p50 %6.3f ms  p99 %6.3f ms\n", label,
                set.articles.size(), fts.build_ms, fts.bytes / 1e6, Percentile(samples, 0.5),
                Percentile(samples, 0.99));
#endif
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 5) {
        std::fprintf(stderr,
                     "usage: kb_bench LABEL CORPUS.tsv QUERIES.tsv SYNONYMS.txt [CORPUS2.tsv QUERIES2.tsv]... "
                     "[SIZE...]\n");
        return 2;
    }
    const char* label = argv[1];
    std::vector<QualitySet> sets;
    sets.push_back(LoadSet(argv[2], argv[3]));
    std::vector<std::pair<std::string, std::string>> synonyms;
    for (const std::string& line : ReadLines(argv[4])) {
        const std::size_t eq = line.find('=');
        if (eq != std::string::npos) synonyms.push_back({Trim(line.substr(0, eq)), Trim(line.substr(eq + 1))});
    }
    int a = 5;
    for (; a + 1 < argc && std::string(argv[a]).ends_with(".tsv"); a += 2)
        sets.push_back(LoadSet(argv[a], argv[a + 1]));
    const bool verbose = std::getenv("KB_BENCH_VERBOSE") != nullptr;
    for (std::size_t i = 0; i < sets.size(); ++i) RunQualitySet(label, sets[i], i == 0 ? &synonyms : nullptr, verbose);
    const std::vector<Article>& articles = sets[0].articles;  // the FAQ's words seed the generated vocabulary

    // Generated corpora.
    for (; a < argc; ++a) {
        const std::size_t n = static_cast<std::size_t>(std::strtoull(argv[a], nullptr, 10));
        Rng rng{0x5EED0000u + n};
        const std::vector<std::string> vocab = MakeVocabulary(articles, 60000, rng);
        const Zipf zipf(vocab.size(), 1.0);
        std::vector<std::vector<std::string>> doc_words;
        Timing t;
        {
            spoc::SearchIndex index;
            for (std::size_t i = 0; i < n; ++i) {
                const std::string title = MakeText(vocab, zipf, 5 + rng.Below(6), rng, false);
                const std::string body = MakeText(vocab, zipf, 80 + rng.Below(171), rng, true);
                if (i % (n / 200 + 1) == 0) {  // remember some articles' words to query for
                    std::vector<spoc::SearchWord> words;
                    spoc::SplitWords(title + " " + body, words);
                    std::vector<std::string> kept;
                    for (const auto& w : words)
                        if (!spoc::IsStopWord(w.folded)) kept.push_back(w.folded);
                    doc_words.push_back(kept);
                }
                index.Add(static_cast<std::int64_t>(i), title, body, "");
            }
            index.SetSynonyms(synonyms);
            const double b0 = NowMs();
            index.Build();
            const double build_ms = NowMs() - b0;
            const std::vector<std::string> generated = MakeQueries(doc_words, 300, rng);
            t = TimeQueries(index, generated, n >= 100000 ? 3 : 10);
            t.build_ms = build_ms;
            t.bytes = index.MemoryBytes();
            t.typo_bytes = index.TypoIndexBytes();
            t.vocabulary = index.VocabularySize();
        }
        std::printf(
            "%-6s %6zu articles  build %8.1f ms  size %7.1f MB (typo index %5.1f MB)  vocab %7zu  query p50 %6.3f ms  "
            "p99 %6.3f ms  max %6.3f ms\n",
            label, n, t.build_ms, t.bytes / 1e6, t.typo_bytes / 1e6, t.vocabulary, t.p50, t.p99, t.max);
        std::fflush(stdout);
    }
    return 0;
}
