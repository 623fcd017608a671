// Small UTF-8 text helpers shared by validation and search: code point decoding and counting,
// trimming, validity checks, ASCII case folding, and the plain-text policy every validator uses
// (which characters user text may contain). Pure and allocation-light.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace spoc {

// [SECTION] UTF-8 basics
inline constexpr std::uint32_t kInvalidUtf8 = 0x110000;  // NextCodePoint/FindForbiddenChar: a malformed byte

bool IsValidUtf8(std::string_view text);             // well-formed UTF-8, no overlongs or surrogates
std::uint32_t NextCodePoint(std::string_view text, std::size_t& i); // decode at i < size and advance; malformed: kInvalidUtf8, i+1
std::size_t Utf8Length(std::string_view text);       // code points (assumes valid UTF-8)
std::string_view Trim(std::string_view text);        // strip ASCII whitespace at both ends
std::string ToLowerAscii(std::string_view text);     // ASCII-only lower-casing
void AppendUtf8(std::string& out, std::uint32_t cp);   // encode one code point (cp <= 0x10FFFF)
bool ContainsFolded(std::string_view haystack, std::string_view needle); // ASCII case-insensitive substring

// [SECTION] Plain-text policy
// User text may hold any printable Unicode: every script (CJK, Arabic, Hebrew...), combining
// marks, emoji and their sequences (ZWJ, ZWNJ, variation selectors, skin tones, flag tags,
// regional indicators), private-use and unassigned code points, LRM/RLM/ALM (U+200E, U+200F,
// U+061C), tab, and "\n" "\r" when allow_newlines. Refused: the other C0 controls, DEL, C1
// controls (U+0080-009F), bidi embeddings/overrides/isolates (U+202A-202E, U+2066-2069: they can
// make text read differently from its stored order, "Trojan source"), U+2028/U+2029, noncharacters
// (U+FDD0-FDEF and U+xxFFFE/U+xxFFFF in every plane), U+FEFF (BOM) anywhere, and invalid UTF-8.
bool IsForbiddenChar(std::uint32_t cp, bool allow_newlines); // the policy for one code point
std::optional<std::uint32_t> FindForbiddenChar(std::string_view utf8, bool allow_newlines); // first refused code point, kInvalidUtf8 for bad UTF-8
bool IsPlainText(std::string_view utf8, bool allow_newlines); // valid UTF-8 with nothing refused
std::string DescribeForbiddenChar(std::uint32_t cp);  // "line breaks", "text-direction overrides (U+202E)", ... (translated)
std::string PlainTextProblem(std::string_view utf8, bool allow_newlines, std::string_view subject); // "" or "<subject> can't contain ..."
// The same with a whole translated sentence whose {0} is DescribeForbiddenChar's text:
// PlainTextProblemAs(title, false, tr("The title can't contain {0}.")). "" when the text is fine.
std::string PlainTextProblemAs(std::string_view utf8, bool allow_newlines, std::string_view sentence);

}  // namespace spoc
