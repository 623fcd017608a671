// Search text pipeline (see search_text.h): UTF-8 decode, folding tables, word
// splitting, stop words, the Porter2 English stemmer and the text rules of snippets.
#include "shared/domain/search_text.h"
#include "shared/domain/search.h"
#include "shared/domain/text.h"

#include <algorithm>
#include <array>

namespace spoc {

// [SECTION] UTF-8 and folding

std::uint32_t DecodeUtf8(std::string_view s, std::size_t& i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { ++i; return c; }
    int len = 0;
    std::uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1Fu; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0Fu; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07u; }
    else { ++i; return 0xFFFD; }
    if (i + static_cast<std::size_t>(len) > s.size()) { ++i; return 0xFFFD; }
    for (int k = 1; k < len; ++k) {
        const unsigned char cc = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
        if ((cc & 0xC0) != 0x80) { ++i; return 0xFFFD; }
        cp = (cp << 6) | (cc & 0x3Fu);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return 0xFFFD;
    }
    i += static_cast<std::size_t>(len);
    return cp;
}

namespace {


// U+00C0..U+00FF folded to ASCII; '1' = "ae", '2' = "th", '3' = "ss", '.' = not a letter.
constexpr std::string_view kLatin1 = "aaaaaa1ceeeeiiiidnooooo.ouuuuy23aaaaaa1ceeeeiiiidnooooo.ouuuuy2y";
// U+0100..U+017F folded to ASCII; '1' = "ij", '2' = "oe".
constexpr std::string_view kLatinExtA =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii11jjkkkllllllllllnnnnnnnnnoooooo22rrrrrrssssssss"
    "ttttttuuuuuuuuuuuuwwyyyzzzzzzs";

bool IsCombiningMark(std::uint32_t cp) { return cp >= 0x300 && cp <= 0x36F; }

}  // namespace

void AppendFolded(std::uint32_t cp, std::string& out) {
    if (cp < 0x80) {
        out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
        return;
    }
    char mapped = 0;
    if (cp >= 0xC0 && cp <= 0xFF) mapped = kLatin1[cp - 0xC0];
    else if (cp >= 0x100 && cp <= 0x17F) mapped = kLatinExtA[cp - 0x100];
    if (mapped == '1') { out += (cp < 0x100 ? "ae" : "ij"); return; }
    if (mapped == '2') { out += (cp < 0x100 ? "th" : "oe"); return; }
    if (mapped == '3') { out += "ss"; return; }
    if (mapped != 0 && mapped != '.') { out += mapped; return; }
    if (cp >= 0x370 && cp <= 0x3FF) {  // Greek: lower-case and drop tonos/dialytika
        switch (cp) {
            case 0x386: case 0x3AC: cp = 0x3B1; break;
            case 0x388: case 0x3AD: cp = 0x3B5; break;
            case 0x389: case 0x3AE: cp = 0x3B7; break;
            case 0x38A: case 0x3AF: case 0x390: case 0x3AA: case 0x3CA: cp = 0x3B9; break;
            case 0x38C: case 0x3CC: cp = 0x3BF; break;
            case 0x38E: case 0x3CD: case 0x3B0: case 0x3AB: case 0x3CB: cp = 0x3C5; break;
            case 0x38F: case 0x3CE: cp = 0x3C9; break;
            case 0x3C2: cp = 0x3C3; break;  // final sigma
            default:
                if (cp >= 0x391 && cp <= 0x3A9) cp += 0x20;
        }
    } else if (cp >= 0x400 && cp <= 0x42F) {  // Cyrillic upper-case
        cp = cp < 0x410 ? cp + 0x50 : cp + 0x20;
    }
    if (cp == 0x451) cp = 0x435;  // ё -> е
    AppendUtf8(out, cp);
}

bool IsWordCodePoint(std::uint32_t cp) {
    if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;
    if (cp == 0x37E || cp == 0x387 || (cp >= 0x482 && cp <= 0x489)) return false;
    if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows, math
    if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
    if (cp >= 0xD800 && cp <= 0xF8FF) return false;  // surrogates, private use
    if (cp >= 0xFE00 && cp <= 0xFE6F) return false;  // variation selectors, small forms
    if (cp >= 0xFF00 && cp <= 0xFF0F) return false;  // full-width punctuation
    if (cp >= 0xFFF0 && cp <= 0xFFFF) return false;  // specials, replacement char
    if (cp >= 0x1F000) return false;                 // emoji and beyond
    return true;
}

std::string FoldText(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const std::uint32_t cp = DecodeUtf8(text, i);
        if (!IsCombiningMark(cp)) AppendFolded(cp, out);
    }
    return out;
}

void SplitWords(std::string_view text, std::vector<SearchWord>& out) {
    std::uint32_t position = 0;
    std::size_t i = 0;
    SearchWord current;
    bool in_word = false;
    while (i < text.size()) {
        const std::size_t start = i;
        const std::uint32_t cp = DecodeUtf8(text, i);
        if (in_word && IsCombiningMark(cp)) { current.end = static_cast<std::uint32_t>(i); continue; }
        if (IsWordCodePoint(cp)) {
            if (!in_word) {
                current.folded.clear();
                current.begin = static_cast<std::uint32_t>(start);
                current.position = position++;
                in_word = true;
            }
            AppendFolded(cp, current.folded);
            current.end = static_cast<std::uint32_t>(i);
        } else if (in_word) {
            out.push_back(current);
            in_word = false;
        }
    }
    if (in_word) out.push_back(current);
}

// [SECTION] Stop words

bool IsStopWord(std::string_view w) {
    // The contraction pieces ("won't" splits into "won" + "t") count as stop words too.
    static constexpr std::array<std::string_view, 71> kStop = {
        "a", "an", "and", "are", "aren", "as", "at", "be", "but", "by", "can", "couldn", "d",
        "didn", "do", "does", "doesn", "don", "for", "from", "has", "hasn", "have", "haven", "how",
        "i", "if", "in", "into", "is", "isn", "it", "its", "ll", "m", "me", "my", "no", "not", "of",
        "on", "or", "our", "re", "s", "shouldn", "so", "t", "that", "the", "their", "then", "there",
        "these", "this", "to", "ve", "was", "wasn", "we", "what", "when", "where", "which", "who",
        "will", "with", "won", "wouldn", "you", "your"};
    return std::binary_search(kStop.begin(), kStop.end(), w);
}

// [SECTION] Porter2 English stemmer (snowballstem.org/algorithms/english/stemmer.html)

namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

bool EndsWith(const std::string& w, std::string_view s) {
    return w.size() >= s.size() && std::string_view(w).substr(w.size() - s.size()) == s;
}

std::size_t RegionAfter(const std::string& w, std::size_t start) {  // R1/R2 start
    for (std::size_t i = start; i + 1 < w.size(); ++i)
        if (IsVowel(w[i]) && !IsVowel(w[i + 1])) return i + 2;
    return w.size();
}

bool EndsShortSyllable(const std::string& w, std::size_t n) {  // in w[0, n)
    if (n >= 3)
        return !IsVowel(w[n - 3]) && IsVowel(w[n - 2]) && !IsVowel(w[n - 1]) && w[n - 1] != 'w' &&
               w[n - 1] != 'x' && w[n - 1] != 'Y';
    return n == 2 && IsVowel(w[0]) && !IsVowel(w[1]);
}

bool HasVowel(const std::string& w, std::size_t end) {
    for (std::size_t i = 0; i < end; ++i)
        if (IsVowel(w[i])) return true;
    return false;
}

bool IsLiEnding(char c) { return std::string_view("cdeghkmnrt").find(c) != std::string_view::npos; }

struct Rule {
    std::string_view suffix;
    std::string_view replacement;
    char condition;  // 0 = none, 'l' = preceded by l, 'L' = valid li-ending, 's' = preceded by s/t, '2' = in R2
};

const Rule* LongestRule(const std::string& w, const Rule* rules, std::size_t count) {
    const Rule* best = nullptr;
    for (std::size_t k = 0; k < count; ++k)
        if (EndsWith(w, rules[k].suffix) && (!best || rules[k].suffix.size() > best->suffix.size())) best = &rules[k];
    return best;
}

// Applies the longest matching rule if its suffix starts at or after region and its condition holds.
void ApplyRules(std::string& w, const Rule* rules, std::size_t count, std::size_t region, std::size_t r2) {
    const Rule* rule = LongestRule(w, rules, count);
    if (!rule) return;
    const std::size_t at = w.size() - rule->suffix.size();
    if (at < region) return;
    const char before = at > 0 ? w[at - 1] : '\0';
    switch (rule->condition) {
        case 'l': if (before != 'l') return; break;
        case 'L': if (!IsLiEnding(before)) return; break;
        case 's': if (before != 's' && before != 't') return; break;
        case '2': if (at < r2) return; break;
        default: break;
    }
    w.replace(at, rule->suffix.size(), rule->replacement);
}

constexpr Rule kStep2[] = {
    {"tional", "tion", 0}, {"enci", "ence", 0},   {"anci", "ance", 0},    {"abli", "able", 0},
    {"entli", "ent", 0},   {"izer", "ize", 0},    {"ization", "ize", 0},  {"ational", "ate", 0},
    {"ation", "ate", 0},   {"ator", "ate", 0},    {"alism", "al", 0},     {"aliti", "al", 0},
    {"alli", "al", 0},     {"fulness", "ful", 0}, {"ousli", "ous", 0},    {"ousness", "ous", 0},
    {"iveness", "ive", 0}, {"iviti", "ive", 0},   {"biliti", "ble", 0},   {"bli", "ble", 0},
    {"ogi", "og", 'l'},    {"fulli", "ful", 0},   {"lessli", "less", 0},  {"li", "", 'L'}};
constexpr Rule kStep3[] = {
    {"tional", "tion", 0}, {"ational", "ate", 0}, {"alize", "al", 0}, {"icate", "ic", 0}, {"iciti", "ic", 0},
    {"ical", "ic", 0},     {"ful", "", 0},        {"ness", "", 0},    {"ative", "", '2'}};
constexpr Rule kStep4[] = {
    {"al", "", 0},  {"ance", "", 0}, {"ence", "", 0}, {"er", "", 0},  {"ic", "", 0},   {"able", "", 0},
    {"ible", "", 0}, {"ant", "", 0}, {"ement", "", 0}, {"ment", "", 0}, {"ent", "", 0}, {"ism", "", 0},
    {"ate", "", 0}, {"iti", "", 0},  {"ous", "", 0},  {"ive", "", 0}, {"ize", "", 0},  {"ion", "", 's'}};

struct Exception {
    std::string_view word;
    std::string_view stem;
};
constexpr Exception kExceptions[] = {
    {"skis", "ski"},   {"skies", "sky"},   {"dying", "die"},   {"lying", "lie"},    {"tying", "tie"},
    {"idly", "idl"},   {"gently", "gentl"}, {"ugly", "ugli"},  {"early", "earli"},  {"only", "onli"},
    {"singly", "singl"}, {"sky", "sky"},   {"news", "news"},   {"howe", "howe"},    {"atlas", "atlas"},
    {"cosmos", "cosmos"}, {"bias", "bias"}, {"andes", "andes"}};
constexpr std::string_view kInvariantAfter1a[] = {"inning",  "outing", "canning", "herring",
                                                  "earring", "proceed", "exceed", "succeed"};

}  // namespace

std::string StemEnglish(std::string_view input) {
    std::string w(input);
    if (w.size() <= 2) return w;
    for (const Exception& e : kExceptions)
        if (w == e.word) return std::string(e.stem);
    if (w[0] == '\'') w.erase(0, 1);
    if (w.empty()) return w;
    if (w[0] == 'y') w[0] = 'Y';
    for (std::size_t i = 1; i < w.size(); ++i)
        if (w[i] == 'y' && IsVowel(w[i - 1])) w[i] = 'Y';

    std::size_t r1 = RegionAfter(w, 0);
    if (w.rfind("gener", 0) == 0 || w.rfind("arsen", 0) == 0) r1 = 5;
    else if (w.rfind("commun", 0) == 0) r1 = 6;
    r1 = std::min(r1, w.size());
    const std::size_t r2 = RegionAfter(w, r1);

    // Step 0: possessives.
    if (EndsWith(w, "'s'")) w.resize(w.size() - 3);
    else if (EndsWith(w, "'s")) w.resize(w.size() - 2);
    else if (EndsWith(w, "'")) w.resize(w.size() - 1);

    // Step 1a: plurals.
    if (EndsWith(w, "sses")) {
        w.resize(w.size() - 2);
    } else if (EndsWith(w, "ied") || EndsWith(w, "ies")) {
        w.resize(w.size() - 3);
        w += w.size() > 1 ? "i" : "ie";
    } else if (EndsWith(w, "us") || EndsWith(w, "ss")) {
        // unchanged
    } else if (EndsWith(w, "s") && w.size() >= 2 && HasVowel(w, w.size() - 2)) {
        w.resize(w.size() - 1);
    }
    for (std::string_view word : kInvariantAfter1a)
        if (w == word) return w;

    // Step 1b: -ed, -ing and friends.
    static constexpr std::string_view kEed[] = {"eedly", "eed"};
    static constexpr std::string_view kEd[] = {"ingly", "edly", "ing", "ed"};
    bool handled = false;
    for (std::string_view s : kEed) {
        if (EndsWith(w, s)) {
            if (w.size() - s.size() >= r1) w.resize(w.size() - s.size() + 2);  // keep "ee"
            handled = true;
            break;
        }
    }
    if (!handled) {
        for (std::string_view s : kEd) {
            if (!EndsWith(w, s)) continue;
            if (EndsWith(w, "eedly") || (s == "ed" && EndsWith(w, "eed"))) break;
            if (!HasVowel(w, w.size() - s.size())) break;
            w.resize(w.size() - s.size());
            if (EndsWith(w, "at") || EndsWith(w, "bl") || EndsWith(w, "iz")) {
                w += 'e';
            } else if (w.size() >= 2 && w[w.size() - 1] == w[w.size() - 2] &&
                       std::string_view("bdfgmnprt").find(w.back()) != std::string_view::npos) {
                w.pop_back();
            } else if (EndsShortSyllable(w, w.size()) && r1 >= w.size()) {
                w += 'e';
            }
            break;
        }
    }

    // Step 1c: y -> i after a consonant that is not the first letter.
    if (w.size() > 2 && (w.back() == 'y' || w.back() == 'Y') && !IsVowel(w[w.size() - 2])) w.back() = 'i';

    ApplyRules(w, kStep2, std::size(kStep2), r1, r2);
    ApplyRules(w, kStep3, std::size(kStep3), r1, r2);
    ApplyRules(w, kStep4, std::size(kStep4), r2, r2);

    // Step 5: final e and ll.
    if (EndsWith(w, "e")) {
        const std::size_t at = w.size() - 1;
        if (at >= r2 || (at >= r1 && !EndsShortSyllable(w, at))) w.pop_back();
    } else if (EndsWith(w, "ll") && w.size() - 1 >= r2) {
        w.pop_back();
    }
    for (char& c : w)
        if (c == 'Y') c = 'y';
    return w;
}

std::string NormalizeTerm(std::string_view folded) {
    for (char c : folded)
        if (c < 'a' || c > 'z') return std::string(folded);
    return StemEnglish(folded);
}

// [SECTION] Snippet text

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool EndsClause(char c) { return c == '.' || c == '!' || c == '?' || c == ':' || c == ';'; }
bool IsCloser(char c) { return c == ')' || c == ']' || c == '"' || c == '\''; }

// Nothing but blanks between the last line break (or the text start) and byte i.
bool AtLineStart(std::string_view text, std::size_t i) {
    while (i > 0 && IsBlank(text[i - 1])) --i;
    return i == 0 || text[i - 1] == '\n';
}

// Bytes of a Markdown block marker at i ("## ", "- ", "* ", "> "), blanks after it included; 0 if none.
std::size_t BlockMarkerLength(std::string_view text, std::size_t i) {
    std::size_t j = i;
    if (j < text.size() && text[j] == '#')
        while (j < text.size() && text[j] == '#') ++j;
    else if (j < text.size() && (text[j] == '-' || text[j] == '*' || text[j] == '+' || text[j] == '>'))
        ++j;
    if (j == i || j >= text.size() || !IsBlank(text[j])) return 0;
    while (j < text.size() && IsBlank(text[j])) ++j;
    return j - i;
}

}  // namespace

std::size_t SentenceStart(std::string_view text, std::size_t at, std::size_t max_back) {
    at = std::min(at, text.size());
    const std::size_t floor = at > max_back ? at - max_back : 0;
    for (std::size_t i = at;; --i) {
        bool boundary = i == 0 || text[i - 1] == '\n';
        if (!boundary && IsBlank(text[i - 1])) {  // ". ", "! ", "? ", ": ", "; " (also ".) " and ".\" ")
            std::size_t j = i - 1;
            while (j > 0 && IsBlank(text[j - 1])) --j;
            if (j > 1 && IsCloser(text[j - 1]) && EndsClause(text[j - 2])) --j;
            boundary = j > 0 && EndsClause(text[j - 1]);
        }
        if (boundary) {
            while (i < at && (IsBlank(text[i]) || text[i] == '\n')) ++i;
            return i;
        }
        if (i == floor) return std::string_view::npos;
    }
}

namespace {

// text[from, to) without Markdown markers, each run of line breaks as one kSnippetBlockBreak.
void AppendSnippetText(std::string_view text, std::size_t from, std::size_t to, std::string& out) {
    to = std::min(to, text.size());
    for (std::size_t i = from; i < to;) {
        const char c = text[i];
        if (c == '\n') {  // a block (or line) ends: one separator for the whole run of breaks
            while (!out.empty() && IsBlank(out.back())) out.pop_back();
            const bool has_break = out.size() >= kSnippetBlockBreak.size() &&
                                   std::string_view(out).substr(out.size() - kSnippetBlockBreak.size()) == kSnippetBlockBreak;
            if (!out.empty() && !has_break) out += kSnippetBlockBreak;
            while (i < to && (text[i] == '\n' || IsBlank(text[i]))) ++i;
            continue;
        }
        if (!IsBlank(c) && AtLineStart(text, i)) {
            if (const std::size_t marker = BlockMarkerLength(text, i); marker > 0) {
                i += marker;
                continue;
            }
        }
        const bool emphasis = c == '*' && ((i > 0 && !IsBlank(text[i - 1])) || (i + 1 < text.size() && !IsBlank(text[i + 1])));
        if (c != '`' && !emphasis) out += c;
        ++i;
    }
}

}  // namespace

SnippetWindow ChooseSnippetWindow(std::string_view body, const std::vector<SearchWord>& words,
                                  const std::vector<bool>& matched, std::size_t max_chars) {
    SnippetWindow window{0, body.size(), false};
    if (body.size() <= max_chars) return window;
    // Anchor on the matched word whose window holds the most matches (earliest on ties).
    std::size_t best_anchor = words.size(), best_count = 0, j = 0, count = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (j < i) { j = i; count = 0; }
        while (j < words.size() && words[j].end <= words[i].begin + max_chars) count += matched[j++] ? 1 : 0;
        if (matched[i] && count > best_count) { best_count = count; best_anchor = i; }
        if (j > i && matched[i]) --count;
    }
    // Start at the sentence (clause, block) holding the anchor when that start leaves the anchor in
    // the first half of the window; else a little before the anchor, behind an ellipsis.
    std::size_t budget = max_chars;
    if (best_anchor < words.size()) {
        const std::size_t anchor = words[best_anchor].begin;
        const std::size_t sentence = SentenceStart(body, anchor, max_chars / 2);
        if (sentence != std::string_view::npos) {
            window.begin = sentence;
        } else {
            window.cut = max_chars > 2 * kSnippetEllipsis.size();
            if (window.cut) budget -= kSnippetEllipsis.size();
            const std::size_t lead = budget / 5;
            const std::size_t desired = anchor > lead ? anchor - lead : 0;
            window.begin = anchor;
            for (std::size_t i = best_anchor; i > 0 && words[i - 1].begin >= desired; --i) window.begin = words[i - 1].begin;
        }
    }
    // End after the last whole word that fits (or at a code point boundary when none does).
    window.end = std::min(body.size(), window.begin + budget);
    if (window.end < body.size()) {
        std::size_t snapped = window.begin;
        for (const SearchWord& w : words)
            if (w.begin >= window.begin && w.end <= window.end) snapped = w.end;
        if (snapped > window.begin) window.end = snapped;
        else
            while (window.end > window.begin && (static_cast<unsigned char>(body[window.end]) & 0xC0) == 0x80) --window.end;
    }
    return window;
}

std::string RenderSnippet(std::string_view body, const std::vector<SearchWord>& words, const std::vector<bool>& matched,
                          const SnippetWindow& window) {
    std::string out;
    out.reserve(window.end - window.begin + 16);
    if (window.cut) out += kSnippetEllipsis;
    std::size_t at = window.begin;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!matched[i] || words[i].begin < window.begin || words[i].end > window.end) continue;
        AppendSnippetText(body, at, words[i].begin, out);
        out += kSnippetMarkBegin;
        out.append(body.substr(words[i].begin, words[i].end - words[i].begin));
        out += kSnippetMarkEnd;
        at = words[i].end;
    }
    AppendSnippetText(body, at, window.end, out);
    if (out.size() >= kSnippetBlockBreak.size() &&
        std::string_view(out).substr(out.size() - kSnippetBlockBreak.size()) == kSnippetBlockBreak)
        out.resize(out.size() - kSnippetBlockBreak.size());
    return out;
}

}  // namespace spoc
