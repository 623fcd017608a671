// Field patterns for catalog forms: parser (recursive over pattern nesting only,
// capped at Pattern::kMaxNesting), NFA emitter (capped at Pattern::kMaxStates)
// and the Thompson/Pike simulation, O(len(text) * states), for FullMatch.
// No exceptions are thrown and no recursion depends on the input text.
#include "shared/domain/pattern.h"
#include "shared/domain/i18n.h"
#include "shared/domain/text.h"

#include <algorithm>
#include <utility>

namespace spoc {

using i18n::Format;
using i18n::tr;

namespace {

using detail::PatternInst;
using detail::PatternOp;
using detail::PatternRange;

constexpr std::uint32_t kInvalidCodePoint = 0x110000;  // one undecodable input byte
constexpr std::uint32_t kMaxCodeValue = kInvalidCodePoint;  // top of the class domain

// Decodes one UTF-8 sequence at text[i] (i < text.size()). Returns the bytes
// consumed; a malformed sequence consumes one byte as kInvalidCodePoint.
std::size_t DecodeUtf8(std::string_view text, std::size_t i, std::uint32_t& cp_out) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    cp_out = kInvalidCodePoint;
    if (b0 < 0x80) {
        cp_out = b0;
        return 1;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    std::uint32_t min_cp = 0;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2;
        cp = b0 & 0x1Fu;
        min_cp = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        cp = b0 & 0x0Fu;
        min_cp = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4;
        cp = b0 & 0x07u;
        min_cp = 0x10000;
    } else {
        return 1;
    }
    if (text.size() - i < len) return 1;
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(text[i + k]);
        if ((b & 0xC0) != 0x80) return 1;
        cp = (cp << 6) | (b & 0x3Fu);
    }
    if (cp < min_cp || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 1;
    cp_out = cp;
    return len;
}


// Sorts and merges ranges in place.
void NormalizeRanges(std::vector<PatternRange>& ranges) {
    std::sort(ranges.begin(), ranges.end(),
              [](const PatternRange& x, const PatternRange& y) { return x.lo < y.lo; });
    std::size_t out = 0;
    for (const PatternRange& r : ranges) {
        if (out > 0 && r.lo <= ranges[out - 1].hi + 1) {
            ranges[out - 1].hi = std::max(ranges[out - 1].hi, r.hi);
        } else {
            ranges[out++] = r;
        }
    }
    ranges.resize(out);
}

// Complements normalized ranges over [0, kMaxCodeValue].
std::vector<PatternRange> ComplementRanges(const std::vector<PatternRange>& ranges) {
    std::vector<PatternRange> result;
    std::uint32_t next = 0;
    for (const PatternRange& r : ranges) {
        if (r.lo > next) result.push_back({next, r.lo - 1});
        next = r.hi + 1;
    }
    if (next <= kMaxCodeValue) result.push_back({next, kMaxCodeValue});
    return result;
}

void AppendSet(std::vector<PatternRange>& out, std::vector<PatternRange> set, bool negated) {
    NormalizeRanges(set);
    if (negated) set = ComplementRanges(set);
    out.insert(out.end(), set.begin(), set.end());
}

std::vector<PatternRange> DigitRanges() { return {{'0', '9'}}; }
std::vector<PatternRange> WordRanges() { return {{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}}; }
std::vector<PatternRange> SpaceRanges() {  // ECMAScript WhiteSpace + LineTerminator
    return {{0x09, 0x0D}, {0x20, 0x20},     {0xA0, 0xA0},     {0x1680, 0x1680}, {0x2000, 0x200A},
            {0x2028, 0x2029}, {0x202F, 0x202F}, {0x205F, 0x205F}, {0x3000, 0x3000}, {0xFEFF, 0xFEFF}};
}
std::vector<PatternRange> LineTerminatorRanges() { return {{0x0A, 0x0A}, {0x0D, 0x0D}, {0x2028, 0x2029}}; }

enum class NodeKind : std::uint8_t { kEmpty, kClass, kAssertBegin, kAssertEnd, kConcat, kAlternate, kRepeat };

struct Node {
    NodeKind kind = NodeKind::kEmpty;
    std::uint32_t range_offset = 0;  // kClass
    std::uint32_t range_count = 0;   // kClass
    std::vector<int> children;       // kConcat, kAlternate; kRepeat has one
    int min = 0;                     // kRepeat
    int max = 0;                     // kRepeat; -1 means unbounded
};

// Recursive-descent parser over the decoded pattern; recursion depth is bounded
// by Pattern::kMaxNesting. Every failure records the first error and returns -1/false.
class Parser {
public:
    Parser(const std::vector<std::uint32_t>& cps, std::vector<PatternRange>& ranges)
        : m_cps(cps), m_ranges(ranges) {}

    int Parse() {
        const int root = ParseAlternation(0);
        if (root < 0) return -1;
        if (!AtEnd()) {  // only an unmatched ')' stops the top-level alternation early
            // TRANSLATORS: a catalog field pattern (a regular expression) is wrong; {0} is a character position.
            Fail(Format(tr("Unmatched ')' at position {0}"), {std::to_string(m_pos)}));
            return -1;
        }
        return root;
    }

    const std::string& Error() const { return m_error; }
    const std::vector<Node>& Nodes() const { return m_nodes; }

private:
    bool AtEnd() const { return m_pos >= m_cps.size(); }
    std::uint32_t Peek() const { return m_cps[m_pos]; }
    bool PeekIs(std::size_t offset, std::uint32_t c) const {
        return m_pos + offset < m_cps.size() && m_cps[m_pos + offset] == c;
    }

    bool Fail(std::string message) {
        if (m_error.empty()) m_error = std::move(message);
        return false;
    }

    std::string Text(std::size_t from, std::size_t to) const {
        std::string out;
        for (std::size_t i = from; i < to && i < m_cps.size(); ++i) AppendUtf8(out, m_cps[i]);
        return out;
    }

    // `what`: an N_-marked plural noun ("lookaheads").
    std::string Unsupported(std::size_t from, std::size_t to, const char* what) {
        // TRANSLATORS: a catalog field pattern (a regular expression) is wrong: {0} is the syntax, {1} a
        // character position, {2} the kind of syntax ("lookaheads", "named groups").
        return Format(tr("Unsupported syntax '{0}' at position {1} ({2} are not supported)"),
                      {Text(from, to), std::to_string(from), tr(what)});
    }

    int AddNode(Node node) {
        m_nodes.push_back(std::move(node));
        return static_cast<int>(m_nodes.size()) - 1;
    }

    int AddClassNode(std::vector<PatternRange> set) {
        NormalizeRanges(set);
        Node node;
        node.kind = NodeKind::kClass;
        node.range_offset = static_cast<std::uint32_t>(m_ranges.size());
        node.range_count = static_cast<std::uint32_t>(set.size());
        m_ranges.insert(m_ranges.end(), set.begin(), set.end());
        return AddNode(std::move(node));
    }

    int ParseAlternation(int depth) {
        const int first = ParseSequence(depth);
        if (first < 0) return -1;
        if (AtEnd() || Peek() != '|') return first;
        Node alt;
        alt.kind = NodeKind::kAlternate;
        alt.children.push_back(first);
        while (!AtEnd() && Peek() == '|') {
            ++m_pos;
            const int branch = ParseSequence(depth);
            if (branch < 0) return -1;
            alt.children.push_back(branch);
        }
        return AddNode(std::move(alt));
    }

    int ParseSequence(int depth) {
        Node seq;
        seq.kind = NodeKind::kConcat;
        while (!AtEnd() && Peek() != '|' && Peek() != ')') {
            const int atom = ParseAtom(depth);
            if (atom < 0) return -1;
            const int item = ParseQuantifier(atom);
            if (item < 0) return -1;
            seq.children.push_back(item);
        }
        if (seq.children.empty()) return AddNode(Node{});
        if (seq.children.size() == 1) return seq.children[0];
        return AddNode(std::move(seq));
    }

    static bool IsQuantifierStart(std::uint32_t c) { return c == '*' || c == '+' || c == '?' || c == '{'; }

    // Reads digits into value (saturating); false when there are none.
    bool ParseNumber(int& value) {
        const std::size_t start = m_pos;
        value = 0;
        while (!AtEnd() && Peek() >= '0' && Peek() <= '9') {
            value = std::min(value * 10 + static_cast<int>(Peek() - '0'), 100000);
            ++m_pos;
        }
        return m_pos > start;
    }

    int ParseQuantifier(int atom) {
        if (AtEnd() || !IsQuantifierStart(Peek())) return atom;
        const std::size_t q_pos = m_pos;
        const NodeKind atom_kind = m_nodes[static_cast<std::size_t>(atom)].kind;
        if (atom_kind == NodeKind::kAssertBegin || atom_kind == NodeKind::kAssertEnd) {
            // TRANSLATORS: a catalog field pattern (a regular expression) is wrong; {0} is a character position.
            Fail(Format(tr("Nothing to repeat at position {0} (anchors cannot be quantified)"), {std::to_string(q_pos)}));
            return -1;
        }
        int min = 0;
        int max = -1;
        const std::uint32_t c = Peek();
        ++m_pos;
        if (c == '+') {
            min = 1;
        } else if (c == '?') {
            max = 1;
        } else if (c == '{') {
            // TRANSLATORS: a catalog field pattern (a regular expression) is wrong; {0} is a character position.
            // Keep {n}, {n,}, {n,m} and '\{' as they are (they are the syntax).
            const std::string malformed = Format(tr("Malformed repetition at position {0}; use {n}, {n,} or {n,m}, or escape the brace as '\\{'"),
                                                 {std::to_string(q_pos)});
            if (!ParseNumber(min)) {
                Fail(malformed);
                return -1;
            }
            max = min;
            if (!AtEnd() && Peek() == ',') {
                ++m_pos;
                if (!ParseNumber(max)) max = -1;
            }
            if (AtEnd() || Peek() != '}') {
                Fail(malformed);
                return -1;
            }
            ++m_pos;
            if (min > Pattern::kMaxRepeat || max > Pattern::kMaxRepeat) {
                // TRANSLATORS: a catalog field pattern (a regular expression) is wrong: {0} is the repetition
                // ("{2000}"), {1} a character position, {2} the largest count allowed.
                Fail(Format(tr("Repetition count in '{0}' at position {1} is above the limit of {2}"),
                            {Text(q_pos, m_pos), std::to_string(q_pos), std::to_string(Pattern::kMaxRepeat)}));
                return -1;
            }
            if (max >= 0 && max < min) {
                // TRANSLATORS: a catalog field pattern (a regular expression) is wrong: {0} is the repetition
                // ("{5,2}"), {1} a character position.
                Fail(Format(tr("Repetition range '{0}' at position {1} is out of order"),
                            {Text(q_pos, m_pos), std::to_string(q_pos)}));
                return -1;
            }
        }
        if (!AtEnd() && Peek() == '?') {
            Fail(Unsupported(q_pos, m_pos + 1, N_("lazy quantifiers")));
            return -1;
        }
        if (!AtEnd() && IsQuantifierStart(Peek())) {
            // TRANSLATORS: a catalog field pattern (a regular expression) is wrong; {0} is a character position.
            Fail(Format(tr("Nothing to repeat at position {0} (quantifier follows a quantifier)"), {std::to_string(m_pos)}));
            return -1;
        }
        Node rep;
        rep.kind = NodeKind::kRepeat;
        rep.children.push_back(atom);
        rep.min = min;
        rep.max = max;
        return AddNode(std::move(rep));
    }

    int ParseAtom(int depth) {
        const std::size_t pos = m_pos;
        const std::uint32_t c = Peek();
        switch (c) {
            case '*':
            case '+':
            case '?':
            case '{':
                // TRANSLATORS: a catalog field pattern (a regular expression) is wrong; {0} is a character position.
                Fail(Format(tr("Nothing to repeat at position {0}"), {std::to_string(pos)}));
                return -1;
            case '}':
            case ']':
                // TRANSLATORS: a catalog field pattern (a regular expression) is wrong: {0} is the character
                // ("}" or "]"), {1} its position. Keep '\{0}' (the escaped character).
                Fail(Format(tr("Unescaped '{0}' at position {1}; escape it as '\\{0}'"), {Text(pos, pos + 1), std::to_string(pos)}));
                return -1;
            case '(':
                return ParseGroup(depth);
            case '[':
                return ParseClass();
            case '.':
                ++m_pos;
                return AddClassNode(ComplementRanges(LineTerminatorRanges()));
            case '^': {
                ++m_pos;
                Node node;
                node.kind = NodeKind::kAssertBegin;
                return AddNode(std::move(node));
            }
            case '$': {
                ++m_pos;
                Node node;
                node.kind = NodeKind::kAssertEnd;
                return AddNode(std::move(node));
            }
            case '\\': {
                std::vector<PatternRange> set;
                if (!ParseEscape(false, set)) return -1;
                return AddClassNode(std::move(set));
            }
            default:
                ++m_pos;
                return AddClassNode({{c, c}});
        }
    }

    int ParseGroup(int depth) {
        const std::size_t open_pos = m_pos;
        if (PeekIs(1, '?')) {
            if (!PeekIs(2, ':')) {
                if (PeekIs(2, '=') || PeekIs(2, '!')) {
                    Fail(Unsupported(open_pos, open_pos + 3, N_("lookaheads")));
                } else if (PeekIs(2, '<') && (PeekIs(3, '=') || PeekIs(3, '!'))) {
                    Fail(Unsupported(open_pos, open_pos + 4, N_("lookbehinds")));
                } else if (PeekIs(2, '<')) {
                    Fail(Unsupported(open_pos, open_pos + 3, N_("named groups")));
                } else {
                    Fail(Unsupported(open_pos, open_pos + 3, N_("group modifiers")));
                }
                return -1;
            }
            m_pos += 3;
        } else {
            m_pos += 1;
        }
        if (depth + 1 > Pattern::kMaxNesting) {
            // TRANSLATORS: a catalog field pattern (a regular expression) is wrong: {0} is the deepest nesting
            // allowed, {1} a character position.
            Fail(Format(tr("Groups are nested more than {0} deep at position {1}"),
                        {std::to_string(Pattern::kMaxNesting), std::to_string(open_pos)}));
            return -1;
        }
        const int inner = ParseAlternation(depth + 1);
        if (inner < 0) return -1;
        if (AtEnd()) {
            // TRANSLATORS: a catalog field pattern (a regular expression) is wrong; {0} is a character position.
            Fail(Format(tr("Missing ')' for the group opened at position {0}"), {std::to_string(open_pos)}));
            return -1;
        }
        ++m_pos;  // ')'
        return inner;
    }

    // Parses one escape at m_pos ('\'). A single character is appended as one
    // range and reported through single_out; class escapes append their ranges.
    bool ParseEscape(bool in_class, std::vector<PatternRange>& out, bool* is_set_out = nullptr,
                     std::uint32_t* single_out = nullptr) {
        const std::size_t pos = m_pos;
        // TRANSLATORS: a catalog field pattern (a regular expression) is wrong; {0} is a character position.
        if (pos + 1 >= m_cps.size()) return Fail(Format(tr("Pattern ends with a lone '\\' at position {0}"), {std::to_string(pos)}));
        const std::uint32_t c = m_cps[pos + 1];
        m_pos += 2;
        bool is_set = false;
        std::uint32_t single = 0;
        switch (c) {
            case 'd': case 'D':
                AppendSet(out, DigitRanges(), c == 'D');
                is_set = true;
                break;
            case 'w': case 'W':
                AppendSet(out, WordRanges(), c == 'W');
                is_set = true;
                break;
            case 's': case 'S':
                AppendSet(out, SpaceRanges(), c == 'S');
                is_set = true;
                break;
            case 'n': single = '\n'; break;
            case 'r': single = '\r'; break;
            case 't': single = '\t'; break;
            case 'f': single = '\f'; break;
            case 'v': single = '\v'; break;
            case 'x':
            case 'u': {
                const std::size_t digits = c == 'x' ? 2 : 4;
                for (std::size_t k = 0; k < digits; ++k) {
                    const std::uint32_t h = AtEnd() ? 0 : Peek();
                    std::uint32_t value = 0;
                    if (h >= '0' && h <= '9') {
                        value = h - '0';
                    } else if (h >= 'a' && h <= 'f') {
                        value = h - 'a' + 10;
                    } else if (h >= 'A' && h <= 'F') {
                        value = h - 'A' + 10;
                    } else {
                        // TRANSLATORS: a catalog field pattern (a regular expression) is wrong: '\{0}' is the escape
                        // ("\x", "\u"), {1} a character position, {2} how many hex digits it needs.
                        return Fail(Format(tr("Malformed '\\{0}' escape at position {1}; expected {2} hex digits"),
                                           {Text(pos + 1, pos + 2), std::to_string(pos), std::to_string(digits)}));
                    }
                    single = single * 16 + value;
                    ++m_pos;
                }
                if (single >= 0xD800 && single <= 0xDFFF) {
                    return Fail(Unsupported(pos, m_pos, N_("surrogate escapes")));
                }
                break;
            }
            case '.': case '\\': case '-': case '(': case ')': case '[': case ']': case '{': case '}':
            case '*': case '+': case '?': case '|': case '^': case '$': case '/':
                single = c;
                break;
            case 'b': case 'B':
                return Fail(Unsupported(pos, pos + 2, in_class ? N_("backspace escapes") : N_("word boundaries")));
            case 'p': case 'P':
                return Fail(Unsupported(pos, pos + 2, N_("Unicode property escapes")));
            case 'k':
                return Fail(Unsupported(pos, pos + 2, N_("named backreferences")));
            case 'c':
                return Fail(Unsupported(pos, pos + 2, N_("control escapes")));
            default:
                if (c >= '0' && c <= '9') return Fail(Unsupported(pos, pos + 2, N_("backreferences and octal escapes")));
                // TRANSLATORS: a catalog field pattern (a regular expression) is wrong: '\{0}' is the escape, {1}
                // a character position.
                return Fail(Format(tr("Unknown escape '\\{0}' at position {1}"), {Text(pos + 1, pos + 2), std::to_string(pos)}));
        }
        if (!is_set) out.push_back({single, single});
        if (is_set_out != nullptr) *is_set_out = is_set;
        if (single_out != nullptr) *single_out = single;
        return true;
    }

    // One class member at m_pos: a literal, an escaped literal or a class escape.
    bool ParseClassAtom(std::vector<PatternRange>& set_out, bool& is_set, std::uint32_t& single) {
        const std::uint32_t c = Peek();
        if (c == '\\') return ParseEscape(true, set_out, &is_set, &single);
        if (c == '[') {
            // TRANSLATORS: a catalog field pattern (a regular expression) is wrong; {0} is a character position.
            return Fail(Format(tr("Unescaped '[' inside a character class at position {0}; escape it as '\\['"),
                               {std::to_string(m_pos)}));
        }
        ++m_pos;
        is_set = false;
        single = c;
        set_out.push_back({c, c});
        return true;
    }

    int ParseClass() {
        const std::size_t open_pos = m_pos;
        ++m_pos;
        bool negated = false;
        if (!AtEnd() && Peek() == '^') {
            negated = true;
            ++m_pos;
        }
        std::vector<PatternRange> set;
        while (true) {
            if (AtEnd()) {
                // TRANSLATORS: a catalog field pattern (a regular expression) is wrong; {0} is a character position.
                Fail(Format(tr("Missing ']' for the character class opened at position {0}"), {std::to_string(open_pos)}));
                return -1;
            }
            if (Peek() == ']') {
                ++m_pos;
                break;
            }
            const std::size_t atom_pos = m_pos;
            std::vector<PatternRange> low_set;
            bool low_is_set = false;
            std::uint32_t low = 0;
            if (!ParseClassAtom(low_set, low_is_set, low)) return -1;
            const bool is_range = !AtEnd() && Peek() == '-' && m_pos + 1 < m_cps.size() && m_cps[m_pos + 1] != ']';
            if (!is_range) {
                set.insert(set.end(), low_set.begin(), low_set.end());
                continue;
            }
            ++m_pos;  // '-'
            std::vector<PatternRange> high_set;
            bool high_is_set = false;
            std::uint32_t high = 0;
            if (!ParseClassAtom(high_set, high_is_set, high)) return -1;
            if (low_is_set || high_is_set) {
                // TRANSLATORS: a catalog field pattern (a regular expression) is wrong: {0} is the range
                // ("a-\d"), {1} a character position.
                Fail(Format(tr("Character class range '{0}' at position {1} uses a class escape as an endpoint"),
                            {Text(atom_pos, m_pos), std::to_string(atom_pos)}));
                return -1;
            }
            if (high < low) {
                // TRANSLATORS: a catalog field pattern (a regular expression) is wrong: {0} is the range
                // ("z-a"), {1} a character position.
                Fail(Format(tr("Character class range '{0}' at position {1} is out of order"),
                            {Text(atom_pos, m_pos), std::to_string(atom_pos)}));
                return -1;
            }
            set.push_back({low, high});
        }
        NormalizeRanges(set);
        if (negated) set = ComplementRanges(set);
        return AddClassNode(std::move(set));
    }

    const std::vector<std::uint32_t>& m_cps;
    std::vector<PatternRange>& m_ranges;
    std::vector<Node> m_nodes;
    std::string m_error;
    std::size_t m_pos = 0;
};

// Emits the NFA program from the parse tree; recursion follows the tree, whose
// depth is bounded by the nesting cap. Stops as soon as kMaxStates is exceeded.
class Emitter {
public:
    Emitter(const std::vector<Node>& nodes, std::vector<PatternInst>& program) : m_nodes(nodes), m_program(program) {}

    bool Emit(int index) {
        const Node& node = m_nodes[static_cast<std::size_t>(index)];
        switch (node.kind) {
            case NodeKind::kEmpty:
                return true;
            case NodeKind::kClass:
                return Push({PatternOp::kClass, node.range_offset, node.range_count}) >= 0;
            case NodeKind::kAssertBegin:
                return Push({PatternOp::kAssertBegin, 0, 0}) >= 0;
            case NodeKind::kAssertEnd:
                return Push({PatternOp::kAssertEnd, 0, 0}) >= 0;
            case NodeKind::kConcat:
                for (const int child : node.children) {
                    if (!Emit(child)) return false;
                }
                return true;
            case NodeKind::kAlternate:
                return EmitAlternate(node);
            case NodeKind::kRepeat:
                return EmitRepeat(node);
        }
        return false;
    }

    bool Finish() { return Push({PatternOp::kMatch, 0, 0}) >= 0; }

private:
    std::uint32_t Here() const { return static_cast<std::uint32_t>(m_program.size()); }

    long Push(PatternInst inst) {
        if (m_program.size() >= Pattern::kMaxStates) return -1;
        m_program.push_back(inst);
        return static_cast<long>(m_program.size()) - 1;
    }

    bool EmitAlternate(const Node& node) {
        std::vector<std::size_t> jumps;
        for (std::size_t i = 0; i < node.children.size(); ++i) {
            const bool last = i + 1 == node.children.size();
            long split = -1;
            if (!last) {
                split = Push({PatternOp::kSplit, Here() + 1, 0});
                if (split < 0) return false;
            }
            if (!Emit(node.children[i])) return false;
            if (!last) {
                const long jump = Push({PatternOp::kJump, 0, 0});
                if (jump < 0) return false;
                jumps.push_back(static_cast<std::size_t>(jump));
                m_program[static_cast<std::size_t>(split)].b = Here();
            }
        }
        for (const std::size_t jump : jumps) m_program[jump].a = Here();
        return true;
    }

    bool EmitRepeat(const Node& node) {
        const int child = node.children[0];
        if (node.max < 0) {
            if (node.min == 0) {  // L: split(L+1, out); child; jump L; out:
                const long split = Push({PatternOp::kSplit, Here() + 1, 0});
                if (split < 0 || !Emit(child)) return false;
                if (Push({PatternOp::kJump, static_cast<std::uint32_t>(split), 0}) < 0) return false;
                m_program[static_cast<std::size_t>(split)].b = Here();
                return true;
            }
            for (int i = 0; i + 1 < node.min; ++i) {
                if (!Emit(child)) return false;
            }
            const std::uint32_t loop = Here();  // L: child; split(L, out); out:
            if (!Emit(child)) return false;
            return Push({PatternOp::kSplit, loop, Here() + 1}) >= 0;
        }
        for (int i = 0; i < node.min; ++i) {
            if (!Emit(child)) return false;
        }
        std::vector<std::size_t> splits;  // each optional copy may skip to the end
        for (int i = node.min; i < node.max; ++i) {
            const long split = Push({PatternOp::kSplit, Here() + 1, 0});
            if (split < 0) return false;
            splits.push_back(static_cast<std::size_t>(split));
            if (!Emit(child)) return false;
        }
        for (const std::size_t split : splits) m_program[split].b = Here();
        return true;
    }

    const std::vector<Node>& m_nodes;
    std::vector<PatternInst>& m_program;
};

bool ClassContains(const std::vector<PatternRange>& ranges, const PatternInst& inst, std::uint32_t cp) {
    const std::size_t end = static_cast<std::size_t>(inst.a) + inst.b;
    for (std::size_t i = inst.a; i < end; ++i) {
        if (cp < ranges[i].lo) return false;  // ranges are sorted
        if (cp <= ranges[i].hi) return true;
    }
    return false;
}

// Adds pc and everything reachable from it by epsilon moves to list. States are
// marked with the current generation so each enters a list at most once.
void AddClosure(const std::vector<PatternInst>& program, std::vector<std::uint32_t>& list,
                std::vector<std::uint32_t>& marks, std::uint32_t generation, std::vector<std::uint32_t>& stack,
                std::uint32_t start_pc, bool at_begin, bool at_end) {
    stack.clear();
    stack.push_back(start_pc);
    while (!stack.empty()) {
        const std::uint32_t pc = stack.back();
        stack.pop_back();
        if (marks[pc] == generation) continue;
        marks[pc] = generation;
        const PatternInst& inst = program[pc];
        switch (inst.op) {
            case PatternOp::kJump:
                stack.push_back(inst.a);
                break;
            case PatternOp::kSplit:
                stack.push_back(inst.b);
                stack.push_back(inst.a);
                break;
            case PatternOp::kAssertBegin:
                if (at_begin) stack.push_back(pc + 1);
                break;
            case PatternOp::kAssertEnd:
                if (at_end) stack.push_back(pc + 1);
                break;
            case PatternOp::kClass:
            case PatternOp::kMatch:
                list.push_back(pc);
                break;
        }
    }
}

}  // namespace

std::optional<Pattern> Pattern::Compile(std::string_view source, std::string* error_out) {
    if (error_out != nullptr) error_out->clear();
    auto fail = [error_out](std::string message) -> std::optional<Pattern> {
        if (error_out != nullptr) *error_out = std::move(message);
        return std::nullopt;
    };
    if (source.size() > kMaxSourceBytes) {
        // TRANSLATORS: a catalog field pattern (a regular expression) is wrong: {0} is its length, {1} the limit.
        return fail(Format(tr("Pattern is too long ({0} characters; the limit is {1})"),
                           {std::to_string(source.size()), std::to_string(kMaxSourceBytes)}));
    }
    std::vector<std::uint32_t> cps;
    cps.reserve(source.size());
    for (std::size_t i = 0; i < source.size();) {
        std::uint32_t cp = 0;
        const std::size_t len = DecodeUtf8(source, i, cp);
        if (cp == kInvalidCodePoint) {
            // TRANSLATORS: a catalog field pattern (a regular expression) is wrong; {0} is a byte offset.
            return fail(Format(tr("Pattern is not valid UTF-8 (bad byte at offset {0})"), {std::to_string(i)}));
        }
        cps.push_back(cp);
        i += len;
    }

    Pattern pattern;
    Parser parser(cps, pattern.m_ranges);
    const int root = parser.Parse();
    if (root < 0) return fail(parser.Error());

    Emitter emitter(parser.Nodes(), pattern.m_program);
    if (!emitter.Emit(root) || !emitter.Finish()) {
        // TRANSLATORS: a catalog field pattern (a regular expression) is wrong; {0} is the limit.
        return fail(Format(tr("Pattern is too complex (it needs more than {0} NFA states); lower the repetition counts"),
                           {std::to_string(kMaxStates)}));
    }
    pattern.m_source = std::string(source);
    return pattern;
}

bool Pattern::FullMatch(std::string_view text) const {
    const std::size_t state_count = m_program.size();
    std::vector<std::uint32_t> current;
    std::vector<std::uint32_t> next;
    std::vector<std::uint32_t> stack;
    std::vector<std::uint32_t> marks(state_count, 0);
    current.reserve(state_count);
    next.reserve(state_count);
    stack.reserve(state_count);

    std::uint32_t generation = 1;
    AddClosure(m_program, current, marks, generation, stack, 0, true, text.empty());
    std::size_t i = 0;
    while (i < text.size()) {
        if (current.empty()) return false;
        std::uint32_t cp = 0;
        i += DecodeUtf8(text, i, cp);
        const bool at_end = i == text.size();
        if (++generation == 0) {  // wrapped: reset marks so stale ones cannot collide
            std::fill(marks.begin(), marks.end(), 0);
            generation = 1;
        }
        next.clear();
        for (const std::uint32_t pc : current) {
            const PatternInst& inst = m_program[pc];
            if (inst.op == PatternOp::kClass && ClassContains(m_ranges, inst, cp)) {
                AddClosure(m_program, next, marks, generation, stack, pc + 1, false, at_end);
            }
        }
        current.swap(next);
    }
    for (const std::uint32_t pc : current) {
        if (m_program[pc].op == PatternOp::kMatch) return true;
    }
    return false;
}

const std::string& Pattern::Source() const { return m_source; }

bool PatternIsValid(std::string_view source, std::string* error_out) {
    return Pattern::Compile(source, error_out).has_value();
}

}  // namespace spoc
