// Line breaking for Chinese and Japanese text, which has no spaces between words (a simplified
// UAX #14 with the Japanese kinsoku rules). Dear ImGui 1.90 only breaks lines at blanks and after
// .,;!?", so a paragraph of Chinese or Japanese ran off the right edge as one word. The patched
// copy of imgui_draw.cpp (CMakeLists.txt) asks these from ImFont::CalcWordWrapPositionA, which
// every wrapped text in the client goes through (labels, markdown, the text box, bidi lines).
// The rules are constexpr in this header: the ImGui core library uses them without linking the
// shared library.
#pragma once
#include <cstddef>
#include <string_view>

namespace spoc::linebreak {

// Ideographs, kana, CJK symbols and full-width forms: a line may break before and after each
// (unless a rule below holds it). Hangul is not here: Korean separates its words with spaces.
constexpr bool Ideographic(unsigned int c) {
    return (c >= 0x2E80 && c <= 0x2FFF) || (c >= 0x3001 && c <= 0x303F) || (c >= 0x3040 && c <= 0x30FF) ||
           (c >= 0x3100 && c <= 0x31FF) || (c >= 0x3200 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF01 && c <= 0xFF9F) ||
           (c >= 0x20000 && c <= 0x3FFFF);
}

// Never at the start of a line: closing brackets and quotes, CJK commas and full stops, the
// prolonged-sound mark, small kana and iteration marks (kinsoku shori).
constexpr bool NoBreakBefore(unsigned int c) {
    switch (c) {
        case 0x3001: case 0x3002: case 0xFF0C: case 0xFF0E: case 0xFF1A: case 0xFF1B: case 0xFF1F: case 0xFF01:  // 、。，．：；？！
        case 0xFF09: case 0xFF3D: case 0xFF5D: case 0x3009: case 0x300B: case 0x300D: case 0x300F: case 0x3011:  // ）］｝〉》」』】
        case 0x3015: case 0x3017: case 0x3019: case 0x301F: case 0xFF60: case 0x2019: case 0x201D: case 0x00BB:  // 〕〗〙〟｠’”»
        case 0xFF61: case 0xFF63: case 0xFF64:                                                                    // ｡｣､
        case 0x30FC: case 0xFF70: case 0x309D: case 0x309E: case 0x30FD: case 0x30FE: case 0x3005: case 0x303B:  // ー ｰ ゝゞヽヾ々〻
        case 0x30FB: case 0x301C: case 0xFF5E: case 0x2010: case 0x30A0:                                          // ・〜～‐゠
        case 0x3041: case 0x3043: case 0x3045: case 0x3047: case 0x3049: case 0x3063: case 0x3083: case 0x3085:  // ぁぃぅぇぉっゃゅ
        case 0x3087: case 0x308E: case 0x3095: case 0x3096:                                                      // ょゎゕゖ
        case 0x30A1: case 0x30A3: case 0x30A5: case 0x30A7: case 0x30A9: case 0x30C3: case 0x30E3: case 0x30E5:  // ァィゥェォッャュ
        case 0x30E7: case 0x30EE: case 0x30F5: case 0x30F6:                                                      // ョヮヵヶ
            return true;
        default:
            return c >= 0x31F0 && c <= 0x31FF;  // small katakana extensions
    }
}

// Never at the end of a line: opening brackets and quotes.
constexpr bool NoBreakAfter(unsigned int c) {
    switch (c) {
        case 0xFF08: case 0xFF3B: case 0xFF5B: case 0x3008: case 0x300A: case 0x300C: case 0x300E: case 0x3010:  // （［｛〈《「『【
        case 0x3014: case 0x3016: case 0x3018: case 0x301D: case 0xFF5F: case 0x2018: case 0x201C: case 0x00AB:  // 〔〖〘〝｟‘“«
        case 0xFF62:                                                                                              // ｢
            return true;
        default:
            return false;
    }
}

// May a line break between characters a and b of a run with no spaces? Around Chinese and
// Japanese characters, unless kinsoku holds them together; never inside a Latin word.
constexpr bool BreakBetween(unsigned int a, unsigned int b) {
    return (Ideographic(a) || Ideographic(b)) && !NoBreakBefore(b) && !NoBreakAfter(a);
}

// The byte length of the first unbreakable piece of `word` (text without spaces): all of it for a
// Latin word, one character (plus what kinsoku holds to it) for Chinese or Japanese. Defined in
// linebreak.cpp (the ImGui patch needs only the constexpr rules above).
std::size_t FirstPiece(std::string_view word);

}  // namespace spoc::linebreak
