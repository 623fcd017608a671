// Markdown subset parser (see markdown.h). Three linear passes: Sanitize (cut to the size limit,
// repair UTF-8, normalize line ends), block parsing line by line, and inline parsing of each block
// into nodes with a CommonMark-style delimiter stack (links first, then emphasis) that is walked
// once to produce merged spans. No recursion; every scan is amortized so hostile input stays O(n).
#include "shared/domain/markdown.h"

#include <algorithm>
#include <unordered_map>

namespace spoc::md {

namespace {

// [SECTION] Characters ---------------------------------------------------------------------------

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n'; }
bool IsAsciiPunct(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Length of the well-formed UTF-8 sequence at text[i], or 0 when it is malformed.
std::size_t Utf8SequenceLength(std::string_view text, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 < 0x80) return 1;
    std::size_t len = 0;
    std::uint32_t min_cp = 0, cp = 0;
    if ((b0 & 0xE0) == 0xC0)
        len = 2, min_cp = 0x80, cp = b0 & 0x1F;
    else if ((b0 & 0xF0) == 0xE0)
        len = 3, min_cp = 0x800, cp = b0 & 0x0F;
    else if ((b0 & 0xF8) == 0xF0)
        len = 4, min_cp = 0x10000, cp = b0 & 0x07;
    else
        return 0;
    if (i + len > text.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(text[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min_cp || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

// Cuts to kMaxMarkdownBytes at a code point boundary, replaces malformed UTF-8 with U+FFFD,
// turns "\r\n" and lone "\r" into "\n", drops other control characters (except tab) and a BOM.
std::string Sanitize(std::string_view input) {
    std::string out;
    out.reserve(std::min(input.size(), kMaxMarkdownBytes));
    std::size_t i = 0;
    if (input.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    while (i < input.size()) {
        const char c = input[i];
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x80) {
            ++i;
            if (c == '\r') {
                if (i < input.size() && input[i] == '\n') ++i;
            } else if ((byte < 0x20 && c != '\t' && c != '\n') || byte == 0x7F) {
                continue;
            }
            if (out.size() + 1 > kMaxMarkdownBytes) break;
            out.push_back(c == '\r' ? '\n' : c);
            continue;
        }
        const std::size_t len = Utf8SequenceLength(input, i);
        const std::string_view piece = len ? input.substr(i, len) : std::string_view("\xEF\xBF\xBD");
        if (out.size() + piece.size() > kMaxMarkdownBytes) break;
        out.append(piece);
        i += len ? len : 1;
    }
    return out;
}

// [SECTION] Inline parsing -----------------------------------------------------------------------

enum class NodeKind : std::uint8_t { text, code, delim, bracket, link_open, link_close, hard_break };

struct Node {
    NodeKind kind = NodeKind::text;
    std::string text;  // text/code: content; bracket: "["; link_open: the URL when safe
    char delim = 0;    // delim: '*' or '_'
    bool can_open = false, can_close = false;
    int remaining = 0;                          // delim: characters not consumed by a match (rendered literally)
    int opens[2] = {0, 0}, closes[2] = {0, 0};  // matches on this run: [0] italic, [1] bold
};

struct Bracket {
    std::size_t node = 0;          // index of the "[" node
    std::size_t delim_bottom = 0;  // delimiter-list size when "[" was seen
};

class InlineParser {
public:
    explicit InlineParser(std::string_view src) : m_src(src) {}

    std::vector<Span> Run() {
        IndexBacktickRuns();
        std::size_t i = 0;
        while (i < m_src.size()) {
            const char c = m_src[i];
            if (c == '\\' && i + 1 < m_src.size() && IsAsciiPunct(m_src[i + 1])) {
                AppendText(m_src.substr(i + 1, 1));
                i += 2;
            } else if (c == '`') {
                i = CodeSpan(i);
            } else if (c == '*' || c == '_') {
                i = DelimiterRun(i);
            } else if (c == '[') {
                m_brackets.push_back({m_nodes.size(), m_delims.size()});
                m_nodes.push_back({NodeKind::bracket, "["});
                ++i;
            } else if (c == ']') {
                i = CloseBracket(i);
            } else if (c == '\n') {
                m_nodes.push_back({NodeKind::hard_break, {}});
                ++i;
            } else {
                std::size_t end = i + 1;
                while (end < m_src.size() && !IsSpecial(m_src[end])) ++end;
                AppendText(m_src.substr(i, end - i));
                i = end;
            }
        }
        ProcessEmphasis(0);
        return BuildSpans();
    }

private:
    static bool IsSpecial(char c) {
        return c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']' || c == '\n';
    }

    void AppendText(std::string_view text) {
        if (m_nodes.empty() || m_nodes.back().kind != NodeKind::text) m_nodes.push_back({NodeKind::text, {}});
        m_nodes.back().text.append(text);
    }

    // Every maximal backtick run, grouped by length, so a closer is found by advancing a cursor.
    void IndexBacktickRuns() {
        for (std::size_t i = 0; i < m_src.size();) {
            if (m_src[i] != '`') {
                ++i;
                continue;
            }
            std::size_t end = i;
            while (end < m_src.size() && m_src[end] == '`') ++end;
            m_runs[end - i].positions.push_back(i);
            i = end;
        }
    }

    std::size_t CodeSpan(std::size_t start) {
        std::size_t end = start;
        while (end < m_src.size() && m_src[end] == '`') ++end;
        const std::size_t len = end - start;
        auto found = m_runs.find(len);
        if (found != m_runs.end()) {
            RunList& runs = found->second;
            while (runs.cursor < runs.positions.size() && runs.positions[runs.cursor] < end) ++runs.cursor;
            if (runs.cursor < runs.positions.size()) {
                const std::size_t close = runs.positions[runs.cursor];
                std::string code(m_src.substr(end, close - end));
                std::replace(code.begin(), code.end(), '\n', ' ');
                if (code.size() >= 2 && code.front() == ' ' && code.back() == ' ' &&
                    code.find_first_not_of(' ') != std::string::npos)
                    code = code.substr(1, code.size() - 2);
                m_nodes.push_back({NodeKind::code, std::move(code)});
                return close + len;
            }
        }
        AppendText(m_src.substr(start, len));  // no closer: the backticks are literal
        return end;
    }

    std::size_t DelimiterRun(std::size_t start) {
        const char c = m_src[start];
        std::size_t end = start;
        while (end < m_src.size() && m_src[end] == c) ++end;
        const char before = start > 0 ? m_src[start - 1] : ' ';
        const char after = end < m_src.size() ? m_src[end] : ' ';
        const bool left = !IsSpace(after) && (!IsAsciiPunct(after) || IsSpace(before) || IsAsciiPunct(before));
        const bool right = !IsSpace(before) && (!IsAsciiPunct(before) || IsSpace(after) || IsAsciiPunct(after));
        Node node{NodeKind::delim, {}};
        node.delim = c;
        node.can_open = c == '*' ? left : left && (!right || IsAsciiPunct(before));
        node.can_close = c == '*' ? right : right && (!left || IsAsciiPunct(after));
        node.remaining = static_cast<int>(end - start);
        if (!node.can_open && !node.can_close) {
            AppendText(m_src.substr(start, end - start));
            return end;
        }
        m_delims.push_back(m_nodes.size());
        m_nodes.push_back(std::move(node));
        return end;
    }

    // End of a link destination starting at `from`: the first ')', whitespace or ASCII control.
    // Cached because consecutive "](" can share the same stretch (keeps "[](" x n linear).
    std::size_t UrlStop(std::size_t from) {
        if (from < m_url_scan_from || from > m_url_scan_stop) {
            m_url_scan_from = from;
            m_url_scan_stop = from;
            while (m_url_scan_stop < m_src.size()) {
                const auto b = static_cast<unsigned char>(m_src[m_url_scan_stop]);
                if (b == ')' || b <= 0x20 || b == 0x7F) break;
                ++m_url_scan_stop;
            }
        }
        return m_url_scan_stop;
    }

    std::size_t CloseBracket(std::size_t at) {
        if (m_brackets.empty()) {
            AppendText("]");
            return at + 1;
        }
        const Bracket opener = m_brackets.back();
        m_brackets.pop_back();
        const bool active = m_brackets.size() >= m_active_below;  // its stack index vs. the inactive prefix
        m_active_below = std::min(m_active_below, m_brackets.size());
        const bool empty_label = opener.node + 1 == m_nodes.size();
        if (!active || empty_label || at + 1 >= m_src.size() || m_src[at + 1] != '(') {
            AppendText("]");
            return at + 1;
        }
        const std::size_t url_start = at + 2;
        const std::size_t stop = UrlStop(url_start);
        if (stop >= m_src.size() || m_src[stop] != ')') {
            AppendText("]");
            return at + 1;
        }
        const std::string_view url = m_src.substr(url_start, stop - url_start);
        Node& open = m_nodes[opener.node];
        open.kind = NodeKind::link_open;
        open.text = IsSafeUrl(url) ? std::string(url) : std::string();  // unsafe: the label stays, as plain text
        m_nodes.push_back({NodeKind::link_close, {}});
        ProcessEmphasis(opener.delim_bottom);  // emphasis inside the label stays inside it
        m_delims.resize(opener.delim_bottom);
        m_active_below = m_brackets.size();  // no links inside links: earlier "[" become literal
        return stop + 1;
    }

    // Matches delimiter runs m_delims[bottom..] with a stack. A closer pairs with the nearest
    // opener of the same character; runs between them are dropped (they stay literal). Every
    // loop iteration consumes a character or pops a run, so the pass is linear.
    void ProcessEmphasis(std::size_t bottom) {
        std::vector<std::size_t> stack;
        int open_count[2] = {0, 0};  // openers on the stack: [0] '*', [1] '_'
        auto slot = [](char c) { return c == '*' ? 0 : 1; };
        for (std::size_t d = bottom; d < m_delims.size(); ++d) {
            Node& closer = m_nodes[m_delims[d]];
            const int s = slot(closer.delim);
            if (closer.can_close) {
                while (closer.remaining > 0 && open_count[s] > 0) {
                    while (m_nodes[stack.back()].delim != closer.delim) {
                        --open_count[slot(m_nodes[stack.back()].delim)];
                        stack.pop_back();
                    }
                    Node& opener = m_nodes[stack.back()];
                    const int use = opener.remaining >= 2 && closer.remaining >= 2 ? 2 : 1;
                    opener.remaining -= use;
                    closer.remaining -= use;
                    ++opener.opens[use - 1];
                    ++closer.closes[use - 1];
                    if (opener.remaining == 0) {
                        stack.pop_back();
                        --open_count[s];
                    }
                }
            }
            if (closer.can_open && closer.remaining > 0) {
                stack.push_back(m_delims[d]);
                ++open_count[s];
            }
        }
    }

    std::vector<Span> BuildSpans() {
        std::vector<Span> spans;
        int depth[2] = {0, 0};  // italic, bold
        std::string url;
        bool after_break = false;
        auto emit = [&](std::string_view text, std::uint8_t extra) {
            if (text.empty()) return;
            std::uint8_t style = extra;
            if (depth[0] > 0) style |= kItalic;
            if (depth[1] > 0) style |= kBold;
            if (!url.empty()) style |= kLink;
            if (!spans.empty() && !after_break && spans.back().style == style && spans.back().url == url) {
                spans.back().text.append(text);
            } else {
                spans.push_back({std::string(text), style, (style & kLink) ? url : std::string()});
            }
            after_break = false;
        };
        for (const Node& node : m_nodes) {
            switch (node.kind) {
                case NodeKind::text:
                case NodeKind::bracket:
                    emit(node.text, kPlain);
                    break;
                case NodeKind::code:
                    emit(node.text, kCode);
                    break;
                case NodeKind::delim:
                    depth[0] -= node.closes[0];
                    depth[1] -= node.closes[1];
                    emit(std::string(static_cast<std::size_t>(node.remaining), node.delim), kPlain);
                    depth[0] += node.opens[0];
                    depth[1] += node.opens[1];
                    break;
                case NodeKind::link_open:
                    url = node.text;
                    break;
                case NodeKind::link_close:
                    url.clear();
                    break;
                case NodeKind::hard_break:
                    spans.push_back({"\n", kPlain, {}});
                    after_break = true;
                    break;
            }
        }
        return spans;
    }

    struct RunList {
        std::vector<std::size_t> positions;
        std::size_t cursor = 0;
    };

    std::string_view m_src;
    std::vector<Node> m_nodes;
    std::vector<std::size_t> m_delims;  // indices of delim nodes not yet processed
    std::vector<Bracket> m_brackets;
    std::size_t m_active_below = 0;                   // brackets below this stack index can no longer form links
    std::unordered_map<std::size_t, RunList> m_runs;  // backtick runs by length
    std::size_t m_url_scan_from = 1, m_url_scan_stop = 0;
};

std::vector<Span> ParseInline(std::string_view text) {
    if (text.empty()) return {};
    return InlineParser(text).Run();
}

// [SECTION] Block parsing ------------------------------------------------------------------------

std::string_view TrimLeft(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    return s;
}
std::string_view TrimRight(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool IsFence(std::string_view rest) { return rest.substr(0, 3) == "```"; }
bool IsClosingFence(std::string_view rest) {
    rest = TrimRight(rest);
    return rest.size() >= 3 && rest.find_first_not_of('`') == std::string_view::npos;
}

// "- ", "* ", "+ ", "12. " or "12) ". On success sets `content` and (ordered) `number`.
bool ListMarker(std::string_view rest, bool* ordered, int* number, std::string_view* content) {
    std::size_t after = 0;
    if (!rest.empty() && (rest[0] == '-' || rest[0] == '*' || rest[0] == '+')) {
        *ordered = false;
        after = 1;
    } else {
        std::size_t digits = 0;
        long value = 0;
        while (digits < rest.size() && IsDigit(rest[digits]) && digits < 9) value = value * 10 + (rest[digits++] - '0');
        if (digits == 0 || digits >= rest.size() || (rest[digits] != '.' && rest[digits] != ')')) return false;
        *ordered = true;
        *number = static_cast<int>(std::min<long>(value, 999999));
        after = digits + 1;
    }
    if (after >= rest.size() || (rest[after] != ' ' && rest[after] != '\t')) return false;
    *content = TrimLeft(rest.substr(after));
    return true;
}

Block MakeBlock(BlockKind kind) {
    Block block;
    block.kind = kind;
    return block;
}

class BlockParser {
public:
    Document Run(std::string_view text) {
        std::size_t start = 0;
        while (start < text.size()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string_view::npos) end = text.size();
            Line(text.substr(start, end - start));
            start = end + 1;
        }
        FinishInline();
        return std::move(m_doc);
    }

private:
    void Line(std::string_view line) {
        if (m_in_fence) {
            if (IsFence(TrimLeft(line)) && IsClosingFence(TrimLeft(line)) && Indent(line) <= 3) {
                m_in_fence = false;
            } else {
                std::string& code = m_doc.blocks.back().code;
                if (m_fence_has_line) code.push_back('\n');
                code.append(line);
                m_fence_has_line = true;
            }
            return;
        }
        const std::size_t indent = Indent(line);
        const std::string_view rest = TrimLeft(line);
        if (TrimRight(rest).empty()) {
            FinishInline();
            return;
        }
        if (indent <= 3 && IsFence(rest)) {
            FinishInline();
            m_doc.blocks.push_back(MakeBlock(BlockKind::code_block));
            m_in_fence = true;
            m_fence_has_line = false;
            m_in_list = false;
            return;
        }
        if (indent <= 3 && rest[0] == '#') {
            std::size_t hashes = rest.find_first_not_of('#');
            if (hashes != std::string_view::npos && hashes <= 6 && (rest[hashes] == ' ' || rest[hashes] == '\t')) {
                FinishInline();
                std::string_view content = TrimRight(TrimLeft(rest.substr(hashes)));
                const std::size_t closing = content.find_last_not_of('#');  // optional closing "###"
                if (closing == std::string_view::npos)
                    content = {};
                else if (closing + 1 < content.size() && (content[closing] == ' ' || content[closing] == '\t'))
                    content = TrimRight(content.substr(0, closing));
                Block block = MakeBlock(BlockKind::heading);
                block.level = static_cast<int>(std::min<std::size_t>(hashes, 3));
                block.spans = ParseInline(content);
                m_doc.blocks.push_back(std::move(block));
                m_in_list = false;
                return;
            }
        }
        bool ordered = false;
        int number = 0;
        std::string_view content;
        if (ListMarker(rest, &ordered, &number, &content)) {
            FinishInline();
            Block block = MakeBlock(ordered ? BlockKind::ordered_item : BlockKind::bullet_item);
            block.level = indent >= 2 && m_in_list ? 1 : 0;
            block.number = ordered ? number : 0;
            m_doc.blocks.push_back(std::move(block));
            m_in_list = true;
            StartInline(content);
            return;
        }
        if (m_open) {
            m_source.push_back(m_hard_break ? '\n' : ' ');
            AppendInlineLine(rest);
            return;
        }
        m_doc.blocks.push_back(MakeBlock(BlockKind::paragraph));
        m_in_list = false;
        StartInline(rest);
    }

    static std::size_t Indent(std::string_view line) {
        std::size_t columns = 0;
        for (char c : line) {
            if (c == ' ')
                ++columns;
            else if (c == '\t')
                columns += 4 - columns % 4;
            else
                break;
        }
        return columns;
    }

    void StartInline(std::string_view content) {
        m_open = true;
        m_source.clear();
        AppendInlineLine(content);
    }

    // Appends one line of a paragraph or list item; notes a hard break (two trailing spaces or
    // an unescaped trailing backslash) for the line that follows.
    void AppendInlineLine(std::string_view content) {
        const std::size_t raw_size = content.size();
        content = TrimRight(content);
        m_hard_break = raw_size - content.size() >= 2;
        std::size_t backslashes = 0;
        while (backslashes < content.size() && content[content.size() - 1 - backslashes] == '\\') ++backslashes;
        if (backslashes % 2 == 1) {
            content.remove_suffix(1);
            m_hard_break = true;
        }
        m_source.append(content);
    }

    void FinishInline() {
        if (!m_open) return;
        m_open = false;
        m_hard_break = false;
        m_doc.blocks.back().spans = ParseInline(m_source);
    }

    Document m_doc;
    bool m_open = false;        // the last block is a paragraph or list item still taking lines
    bool m_hard_break = false;  // the previous line of the open block ended with a hard break
    bool m_in_list = false;     // an indented list marker nests under the previous item
    bool m_in_fence = false;
    bool m_fence_has_line = false;
    std::string m_source;  // inline source of the open block; "\n" marks a hard break
};

bool StartsWithFolded(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i]) return false;
    }
    return true;
}

}  // namespace

// [SECTION] Public API ---------------------------------------------------------------------------

bool IsSafeUrl(std::string_view url) {
    for (char c : url) {
        const auto b = static_cast<unsigned char>(c);
        if (b <= 0x20 || b == 0x7F || c == '"' || c == '<' || c == '>' || c == '`' || c == '\\') return false;
    }
    for (std::string_view prefix : {"http://", "https://", "mailto:", "#/"})
        if (url.size() > prefix.size() && StartsWithFolded(url, prefix)) return true;
    return false;
}

Document Parse(std::string_view markdown) { return BlockParser().Run(Sanitize(markdown)); }

std::string ToPlainText(const Document& document) {
    std::string out;
    for (std::size_t i = 0; i < document.blocks.size(); ++i) {
        const Block& block = document.blocks[i];
        if (i > 0) out.push_back('\n');
        if (block.kind == BlockKind::code_block) {
            out.append(block.code);
        } else {
            for (const Span& span : block.spans) out.append(span.text);
        }
    }
    return out;
}

std::string ToPlainText(std::string_view markdown) { return ToPlainText(Parse(markdown)); }

}  // namespace spoc::md
