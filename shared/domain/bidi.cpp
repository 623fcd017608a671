// Arabic shaping and the visual order of one display line (see bidi.h). VisualLine works on
// grapheme clusters (a base with its marks, or a whole emoji sequence), so nothing inside one is
// ever reversed or split; each step names the UAX #9 rules it applies. Tables: bidi_tables.cpp.
#include "shared/domain/bidi.h"

#include <algorithm>
#include <memory>
#include <vector>

#include "shared/domain/text.h"

namespace spoc {

// [SECTION] Scanning ---------------------------------------------------------------------------

static bool IsRtlCodePoint(std::uint32_t cp) {
    return (cp >= 0x0590 && cp <= 0x08FF) ||    // Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic...
           cp == 0x200F ||                      // RIGHT-TO-LEFT MARK
           (cp >= 0xFB1D && cp <= 0xFDFF) ||    // Hebrew and Arabic presentation forms (A)
           (cp >= 0xFE70 && cp <= 0xFEFE) ||    // Arabic presentation forms (B)
           (cp >= 0x10800 && cp <= 0x10FFF) ||  // historic RTL scripts, Rohingya, Yezidi, Arabic Extended-C
           (cp >= 0x1E800 && cp <= 0x1EFFF);    // Mende Kikakui, Adlam, Arabic mathematical symbols
}

bool HasRtl(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        // Below 0xD6: ASCII, a continuation byte, or the lead byte of U+0080..U+058F. Skip it.
        if (static_cast<unsigned char>(s[i]) < 0xD6) { ++i; continue; }
        if (IsRtlCodePoint(NextCodePoint(s, i))) return true;
    }
    return false;
}

int ParagraphDirection(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return kBidiLtr;  // ASCII letter: L
        const BidiClass cls = BidiClassOf(NextCodePoint(s, i));
        if (cls == BidiClass::L) return kBidiLtr;
        if (cls == BidiClass::R || cls == BidiClass::AL) return kBidiRtl;
    }
    return kBidiLtr;
}

// [SECTION] Arabic shaping ---------------------------------------------------------------------

static bool JoinsForward(JoiningType t) { return t == JoiningType::D || t == JoiningType::C; }
static bool JoinsBackward(JoiningType t) { return t != JoiningType::U && t != JoiningType::T; }

// The first code point at or after `i` that is not transparent (0 at the end); `i` stops on it.
static std::uint32_t PeekJoining(std::string_view s, std::size_t& i) {
    while (i < s.size()) {
        std::size_t next = i;
        const std::uint32_t cp = NextCodePoint(s, next);
        if (JoiningTypeOf(cp) != JoiningType::T) return cp;
        i = next;
    }
    return 0;
}

// A missing medial falls back to the final form, a missing initial or final to the isolated one.
static std::uint32_t PickForm(const ArabicForms& f, bool join_prev, bool join_next) {
    if (join_prev && join_next && f.medial) return f.medial;
    if (join_prev && f.final_form) return f.final_form;
    if (join_next && !join_prev && f.initial) return f.initial;
    return f.isolated ? f.isolated : f.letter;
}

// Emits `s` shaped, one code point at a time: each letter takes the form that joins it to its
// neighbours (marks are skipped when finding them), lam + alef become one ligature (marks between
// them follow it), malformed bytes become U+FFFD, everything else passes through unchanged.
// emit(code point, byte offset of the character it came from; a ligature: the lam's).
template <class Emit>
static void ShapeStream(std::string_view s, Emit&& emit) {
    bool prev_joins = false;  // the last non-transparent character connects to the next one
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t next = i;
        std::uint32_t cp = NextCodePoint(s, next);
        if (cp == kInvalidUtf8) cp = 0xFFFD;
        const JoiningType type = JoiningTypeOf(cp);
        if (type == JoiningType::T) {
            emit(cp, i);
            i = next;
            continue;
        }
        std::size_t ahead = next;
        const std::uint32_t following = PeekJoining(s, ahead);
        const bool join_prev = prev_joins && JoinsBackward(type);
        if (cp == 0x0644) {
            if (const std::uint32_t ligature = LamAlefLigature(following, join_prev)) {
                emit(ligature, i);
                for (std::size_t m = next; m < ahead;) {  // marks on the lam
                    const std::size_t at = m;
                    emit(NextCodePoint(s, m), at);
                }
                NextCodePoint(s, ahead);                                           // the alef is in the ligature
                prev_joins = false;
                i = ahead;
                continue;
            }
        }
        const bool join_next = JoinsForward(type) && JoinsBackward(JoiningTypeOf(following));
        if (const ArabicForms* forms = FindArabicForms(cp)) {
            const std::uint32_t form = PickForm(*forms, join_prev, join_next);
            emit(form, i);
            prev_joins = form == forms->initial || form == forms->medial;
        } else {
            emit(cp, i);
            prev_joins = JoinsForward(type);
        }
        i = next;
    }
}

std::string ShapeArabic(std::string_view logical) {
    if (!HasRtl(logical)) return std::string(logical);
    std::string out;
    out.reserve(logical.size() + logical.size() / 2);  // U+06xx (2 bytes) -> U+FExx (3 bytes)
    ShapeStream(logical, [&out](std::uint32_t cp, std::size_t) { AppendUtf8(out, cp); });
    return out;
}

// [SECTION] Visual order: working memory -------------------------------------------------------

namespace {

// Per-line arrays, indexed by code point (cps) or by cluster (the rest).
struct Line {
    std::uint32_t* cps = nullptr;    // shaped code points, logical order
    std::uint32_t* first = nullptr;  // cluster k is cps[first[k] .. first[k + 1])
    std::uint32_t* pair = nullptr;   // N0: closing bracket of an opening one, else kNoPair
    std::uint32_t* order = nullptr;  // L2: clusters in visual order
    BidiClass* type = nullptr;       // the cluster's class, resolved rule by rule
    std::uint8_t* level = nullptr;   // its embedding level (0..2)
    int count = 0;                   // code points
    int clusters = 0;
    bool rtl = false;                // paragraph direction
    BidiClass e = BidiClass::L;      // embedding direction, also sos and eos (one level run)

    std::uint32_t Base(int k) const { return cps[first[k]]; }
};

constexpr std::uint32_t kNoPair = 0xFFFFFFFF;

// L, R (R, AL, EN, AN count as R for N0 and N1), or ON for anything else.
BidiClass StrongDirection(BidiClass c) {
    if (c == BidiClass::L) return BidiClass::L;
    if (c == BidiClass::R || c == BidiClass::AL || c == BidiClass::EN || c == BidiClass::AN) return BidiClass::R;
    return BidiClass::ON;
}

bool IsNeutral(BidiClass c) {
    return c == BidiClass::B || c == BidiClass::S || c == BidiClass::WS || c == BidiClass::ON || c == BidiClass::BN;
}

bool IsRegionalIndicator(std::uint32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }

// [SECTION] Visual order: steps -----------------------------------------------------------------

// Splits the code points into clusters: a base plus its marks, ZWJ/ZWNJ, variation selectors,
// skin tones and tags; a pictograph after a ZWJ; regional indicators two by two (one flag).
void BuildClusters(Line& b) {
    int k = 0;
    int regional_run = 0;
    for (int i = 0; i < b.count; ++i) {
        const std::uint32_t cp = b.cps[i];
        bool glue = false;
        if (i > 0) {
            const std::uint32_t prev = b.cps[i - 1];
            glue = IsClusterExtender(cp) || (prev == 0x200D && IsPictographic(cp));
            if (IsRegionalIndicator(cp)) glue = regional_run % 2 == 1;
        }
        regional_run = IsRegionalIndicator(cp) ? regional_run + 1 : 0;
        if (!glue) b.first[k++] = static_cast<std::uint32_t>(i);
    }
    b.first[k] = static_cast<std::uint32_t>(b.count);
    b.clusters = k;
}

// W1-W7: classes from the cluster's base, then the weak types resolved in one level run.
void ResolveWeak(Line& b) {
    BidiClass* t = b.type;
    const int n = b.clusters;
    BidiClass last_strong = b.e;
    for (int k = 0; k < n; ++k) {
        t[k] = BidiClassOf(b.Base(k));
        if (t[k] == BidiClass::NSM) t[k] = k == 0 ? b.e : t[k - 1];                     // W1 (a mark with no base)
        if (t[k] == BidiClass::EN && last_strong == BidiClass::AL) t[k] = BidiClass::AN;  // W2
        if (t[k] == BidiClass::L || t[k] == BidiClass::R || t[k] == BidiClass::AL) last_strong = t[k];
    }
    for (int k = 0; k < n; ++k)
        if (t[k] == BidiClass::AL) t[k] = BidiClass::R;  // W3
    for (int k = 1; k + 1 < n; ++k) {                    // W4: 1,000 / 1.5 / 1+2 stay one number
        const BidiClass before = t[k - 1], after = t[k + 1];
        if (t[k] == BidiClass::ES && before == BidiClass::EN && after == BidiClass::EN) t[k] = BidiClass::EN;
        if (t[k] == BidiClass::CS && before == after && (before == BidiClass::EN || before == BidiClass::AN))
            t[k] = before;
    }
    for (int k = 0; k < n;) {  // W5: $ % # next to European digits join the number
        if (t[k] != BidiClass::ET) { ++k; continue; }
        int end = k;
        while (end < n && t[end] == BidiClass::ET) ++end;
        if ((k > 0 && t[k - 1] == BidiClass::EN) || (end < n && t[end] == BidiClass::EN))
            std::fill(t + k, t + end, BidiClass::EN);
        k = end;
    }
    last_strong = b.e;
    for (int k = 0; k < n; ++k) {
        if (t[k] == BidiClass::ES || t[k] == BidiClass::ET || t[k] == BidiClass::CS) t[k] = BidiClass::ON;  // W6
        if (t[k] == BidiClass::L || t[k] == BidiClass::R) last_strong = t[k];
        if (t[k] == BidiClass::EN && last_strong == BidiClass::L) t[k] = BidiClass::L;  // W7
    }
}

// BD16: pairs opening and closing brackets (a stack of 63, as UAX #9 specifies).
void PairBrackets(Line& b) {
    struct Open {
        std::uint32_t closer;
        int at;
    } stack[63];
    int depth = 0;
    std::fill(b.pair, b.pair + b.clusters, kNoPair);
    for (int k = 0; k < b.clusters; ++k) {
        if (b.type[k] != BidiClass::ON) continue;
        const std::uint32_t cp = b.Base(k);
        if (const std::uint32_t closer = ClosingBracket(cp)) {
            if (depth == 63) return;
            stack[depth++] = {closer, k};
            continue;
        }
        for (int s = depth - 1; s >= 0; --s) {
            if (stack[s].closer != cp) continue;
            b.pair[stack[s].at] = static_cast<std::uint32_t>(k);
            depth = s;
            break;
        }
    }
}

// N0: a bracket pair takes the embedding direction if it holds a strong type of that direction,
// else the opposite direction when it holds one and the context before it has it too.
void ResolveBrackets(Line& b) {
    PairBrackets(b);
    const BidiClass opposite = b.rtl ? BidiClass::L : BidiClass::R;
    for (int open = 0; open < b.clusters; ++open) {
        if (b.pair[open] == kNoPair) continue;
        const int close = static_cast<int>(b.pair[open]);
        bool has_e = false, has_opposite = false;
        for (int k = open + 1; k < close; ++k) {
            const BidiClass d = StrongDirection(b.type[k]);
            has_e = has_e || d == b.e;
            has_opposite = has_opposite || d == opposite;
        }
        if (!has_e && !has_opposite) continue;
        BidiClass dir = b.e;
        if (!has_e) {
            BidiClass context = b.e;  // sos
            for (int k = open - 1; k >= 0; --k) {
                const BidiClass d = StrongDirection(b.type[k]);
                if (d != BidiClass::ON) { context = d; break; }
            }
            dir = context == opposite ? opposite : b.e;
        }
        b.type[open] = b.type[close] = dir;
    }
}

// N1, N2: a run of neutrals between two strong types of the same direction takes it (numbers
// count as R); any other run takes the embedding direction.
void ResolveNeutrals(Line& b) {
    BidiClass* t = b.type;
    const int n = b.clusters;
    for (int k = 0; k < n;) {
        if (!IsNeutral(t[k])) { ++k; continue; }
        int end = k;
        while (end < n && IsNeutral(t[end])) ++end;
        const BidiClass before = k == 0 ? b.e : StrongDirection(t[k - 1]);
        const BidiClass after = end == n ? b.e : StrongDirection(t[end]);
        std::fill(t + k, t + end, before == after ? before : b.e);
        k = end;
    }
}

// I1, I2: levels from the resolved types; L1: tabs, and white space before a tab or at the end
// of the line, go back to the paragraph level.
void AssignLevels(Line& b) {
    const std::uint8_t base = b.rtl ? 1 : 0;
    for (int k = 0; k < b.clusters; ++k) {
        const BidiClass t = b.type[k];
        if (!b.rtl) b.level[k] = t == BidiClass::R ? 1 : (t == BidiClass::EN || t == BidiClass::AN) ? 2 : 0;
        else b.level[k] = t == BidiClass::R ? 1 : 2;
    }
    bool trailing = true;
    for (int k = b.clusters - 1; k >= 0; --k) {
        const BidiClass original = BidiClassOf(b.Base(k));
        if (original == BidiClass::S || original == BidiClass::B) {
            b.level[k] = base;
            trailing = true;
        } else if (trailing && (original == BidiClass::WS || original == BidiClass::BN)) {
            b.level[k] = base;
        } else {
            trailing = false;
        }
    }
}

// L2: from the highest level down to the lowest odd one, reverse every run at that level or above.
void Reorder(Line& b) {
    const int n = b.clusters;
    std::uint8_t highest = 0, lowest = 255;
    for (int k = 0; k < n; ++k) {
        b.order[k] = static_cast<std::uint32_t>(k);
        highest = std::max(highest, b.level[k]);
        lowest = std::min(lowest, b.level[k]);
    }
    const int lowest_odd = lowest % 2 ? lowest : lowest + 1;
    for (int level = highest; level >= lowest_odd; --level) {
        for (int k = 0; k < n;) {
            if (b.level[b.order[k]] < level) { ++k; continue; }
            int end = k;
            while (end < n && b.level[b.order[end]] >= level) ++end;
            std::reverse(b.order + k, b.order + end);
            k = end;
        }
    }
}

int Utf8Size(std::uint32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

// The clusters in visual order, each in logical order (marks after their base); L4: the base of
// a cluster on an odd (right-to-left) level is mirrored.
std::string Emit(const Line& b) {
    std::size_t bytes = 0;
    for (int i = 0; i < b.count; ++i) bytes += static_cast<std::size_t>(Utf8Size(b.cps[i]));
    std::string out;
    out.reserve(bytes);
    for (int k = 0; k < b.clusters; ++k) {
        const std::uint32_t c = b.order[k];
        const bool rtl_level = b.level[c] % 2 == 1;
        for (std::uint32_t i = b.first[c]; i < b.first[c + 1]; ++i)
            AppendUtf8(out, i == b.first[c] && rtl_level ? MirroredChar(b.cps[i]) : b.cps[i]);
    }
    return out;
}

}  // namespace

// [SECTION] Visual order -----------------------------------------------------------------------

// Shapes and resolves one line (every step above), then hands the finished Line to `finish`;
// `src` (optional, one slot per code point) receives each shaped code point's source byte offset.
template <class Finish>
static void ResolveLine(std::string_view logical_line, int dir, std::vector<std::uint32_t>* src, Finish&& finish) {
    int points = 0;  // shaping only ever merges code points, so this bounds the shaped line
    for (std::size_t i = 0; i < logical_line.size(); ++points) NextCodePoint(logical_line, i);

    constexpr int kStack = kBidiStackCodePoints;
    std::uint32_t stack_words[4 * kStack + 1];
    BidiClass stack_types[kStack];
    std::uint8_t stack_levels[kStack];
    std::unique_ptr<std::uint32_t[]> heap_words;
    std::unique_ptr<BidiClass[]> heap_types;
    std::unique_ptr<std::uint8_t[]> heap_levels;
    std::uint32_t* words = stack_words;
    Line b;
    b.type = stack_types;
    b.level = stack_levels;
    if (points > kStack) {  // long lines: one scratch block per array
        heap_words.reset(new std::uint32_t[4 * static_cast<std::size_t>(points) + 1]);
        heap_types.reset(new BidiClass[static_cast<std::size_t>(points)]);
        heap_levels.reset(new std::uint8_t[static_cast<std::size_t>(points)]);
        words = heap_words.get();
        b.type = heap_types.get();
        b.level = heap_levels.get();
    }
    const int capacity = std::max(points, kStack);
    b.cps = words;
    b.first = words + capacity;
    b.pair = words + 2 * capacity + 1;
    b.order = words + 3 * capacity + 1;
    b.rtl = dir == kBidiRtl;
    b.e = b.rtl ? BidiClass::R : BidiClass::L;

    if (src != nullptr) src->clear();
    ShapeStream(logical_line, [&b, src](std::uint32_t cp, std::size_t at) {
        b.cps[b.count++] = cp;
        if (src != nullptr) src->push_back(static_cast<std::uint32_t>(at));
    });
    BuildClusters(b);
    ResolveWeak(b);
    ResolveBrackets(b);
    ResolveNeutrals(b);
    AssignLevels(b);
    Reorder(b);
    finish(b);
}

std::string VisualLine(std::string_view logical_line, int base_dir) {
    const int dir = base_dir == kBidiLtr || base_dir == kBidiRtl ? base_dir : ParagraphDirection(logical_line);
    if (dir == kBidiLtr && !HasRtl(logical_line)) return std::string(logical_line);
    std::string out;
    ResolveLine(logical_line, dir, nullptr, [&out](const Line& b) { out = Emit(b); });
    return out;
}

std::vector<VisualCluster> VisualClusters(std::string_view logical_line, int base_dir) {
    const int dir = base_dir == kBidiLtr || base_dir == kBidiRtl ? base_dir : ParagraphDirection(logical_line);
    std::vector<VisualCluster> out;
    std::vector<std::uint32_t> src;
    ResolveLine(logical_line, dir, &src, [&](const Line& b) {
        out.reserve(static_cast<std::size_t>(b.clusters));
        for (int k = 0; k < b.clusters; ++k) {
            const std::uint32_t c = b.order[k];
            VisualCluster v;
            v.begin = src[b.first[c]];
            v.end = c + 1 < static_cast<std::uint32_t>(b.clusters) ? src[b.first[c + 1]] : static_cast<std::uint32_t>(logical_line.size());
            v.rtl = b.level[c] % 2 == 1;
            for (std::uint32_t i = b.first[c]; i < b.first[c + 1]; ++i)
                AppendUtf8(v.glyphs, i == b.first[c] && v.rtl ? MirroredChar(b.cps[i]) : b.cps[i]);
            out.push_back(std::move(v));
        }
    });
    return out;
}

}  // namespace spoc
