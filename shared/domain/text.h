// Small UTF-8 text helpers shared by validation and search: code point counting, trimming,
// validity checks and ASCII case folding. Pure and allocation-light.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace spoc {

bool IsValidUtf8(std::string_view text);             // well-formed UTF-8, no overlongs or surrogates
std::size_t Utf8Length(std::string_view text);       // code points (assumes valid UTF-8)
std::string_view Trim(std::string_view text);        // strip ASCII whitespace at both ends
std::string ToLowerAscii(std::string_view text);     // ASCII-only lower-casing
bool ContainsControlChars(std::string_view text, bool allow_newlines); // C0 controls except \t (and \n\r if allowed)
void AppendUtf8(std::string& out, std::uint32_t cp);   // encode one code point (cp <= 0x10FFFF)
bool ContainsFolded(std::string_view haystack, std::string_view needle); // ASCII case-insensitive substring

}  // namespace spoc
