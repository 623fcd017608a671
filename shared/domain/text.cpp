// UTF-8 and ASCII text helpers (see text.h).
#include "shared/domain/text.h"

#include <cstdio>

#include "shared/domain/i18n.h"

namespace spoc {

using i18n::Format;
using i18n::tr;

bool IsValidUtf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size())
        if (NextCodePoint(s, i) == kInvalidUtf8) return false;
    return true;
}

std::uint32_t NextCodePoint(std::string_view s, std::size_t& i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { ++i; return c; }
    int len;
    std::uint32_t cp;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else { ++i; return kInvalidUtf8; }
    if (i + len > s.size()) { ++i; return kInvalidUtf8; }
    for (int k = 1; k < len; ++k) {
        const unsigned char cc = static_cast<unsigned char>(s[i + k]);
        if ((cc & 0xC0) != 0x80) { ++i; return kInvalidUtf8; }
        cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return kInvalidUtf8;
    }
    i += len;
    return cp;
}

std::size_t Utf8Length(std::string_view s) {
    std::size_t count = 0;
    for (char ch : s)
        if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++count;
    return count;
}

std::string_view Trim(std::string_view s) {
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

std::string ToLowerAscii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

void AppendUtf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool ContainsFolded(std::string_view hay, std::string_view needle) {
    if (needle.empty()) return true;
    if (needle.size() > hay.size()) return false;
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
    for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
        size_t k = 0;
        while (k < needle.size() && lower(hay[i + k]) == lower(needle[k])) ++k;
        if (k == needle.size()) return true;
    }
    return false;
}

// [SECTION] Plain-text policy ------------------------------------------------------------------

bool IsForbiddenChar(std::uint32_t cp, bool allow_newlines) {
    if (cp < 0x20) return !(cp == '\t' || (allow_newlines && (cp == '\n' || cp == '\r')));
    if (cp < 0x7F) return false;
    if (cp <= 0x9F) return true;                                      // DEL and the C1 controls
    if (cp < 0x2028) return false;                                    // fast path: most letters
    if (cp <= 0x202E) return true;                                    // U+2028/2029, embeddings, overrides
    if (cp >= 0x2066 && cp <= 0x2069) return true;                    // isolates
    if (cp >= 0xFDD0 && cp <= 0xFDEF) return true;                    // noncharacters
    if ((cp & 0xFFFE) == 0xFFFE) return true;                         // U+xxFFFE / U+xxFFFF
    return cp == 0xFEFF || cp > 0x10FFFF;                             // BOM / not a code point
}

std::optional<std::uint32_t> FindForbiddenChar(std::string_view s, bool allow_newlines) {
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x7F) { ++i; continue; }  // printable ASCII
        const std::uint32_t cp = NextCodePoint(s, i);
        if (cp == kInvalidUtf8 || IsForbiddenChar(cp, allow_newlines)) return cp;
    }
    return std::nullopt;
}

bool IsPlainText(std::string_view s, bool allow_newlines) { return !FindForbiddenChar(s, allow_newlines); }

std::string DescribeForbiddenChar(std::uint32_t cp) {
    // TRANSLATORS: what a text may not contain, shown as {0} in "The title can't contain {0}.".
    if (cp == kInvalidUtf8) return tr("invalid UTF-8 byte sequences");
    // TRANSLATORS: what a text may not contain, shown as {0} in "The title can't contain {0}.".
    if (cp == '\n' || cp == '\r') return tr("line breaks");
    char code[16];
    std::snprintf(code, sizeof code, " (U+%04X)", static_cast<unsigned>(cp));
    // TRANSLATORS: what a text may not contain, shown as {0} in "The title can't contain {0}."
    // (followed by the code point, e.g. " (U+202E)").
    const char* what = N_("noncharacters");
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) what = N_("control characters");
    else if (cp == 0x2028 || cp == 0x2029) what = N_("line or paragraph separators");
    else if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) what = N_("text-direction overrides");
    else if (cp == 0xFEFF) what = N_("byte order marks");
    else if (!IsForbiddenChar(cp, true)) what = N_("the character");
    return tr(what) + std::string(code);
}

std::string PlainTextProblem(std::string_view s, bool allow_newlines, std::string_view subject) {
    const std::optional<std::uint32_t> bad = FindForbiddenChar(s, allow_newlines);
    if (!bad) return {};
    // TRANSLATORS: {0} is what is being checked ("The summary", "'q'"), {1} what it may not contain ("line breaks").
    return Format(tr("{0} can't contain {1}."), {subject, DescribeForbiddenChar(*bad)});
}

std::string PlainTextProblemAs(std::string_view s, bool allow_newlines, std::string_view sentence) {
    const std::optional<std::uint32_t> bad = FindForbiddenChar(s, allow_newlines);
    if (!bad) return {};
    return Format(sentence, {DescribeForbiddenChar(*bad)});
}

}  // namespace spoc
