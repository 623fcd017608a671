// Right-to-left text for a renderer that draws one glyph per code point, left to right, with no
// shaping (Dear ImGui): Arabic contextual shaping to presentation forms, and the visual order of
// one display line by a practical subset of the Unicode Bidirectional Algorithm (UAX #9).
// Pure, UTF-8 in and out; the only allocation is the result (lines over kBidiStackCodePoints
// code points also allocate scratch arrays). Malformed UTF-8 bytes come out as U+FFFD once a
// line is processed. Tables live in bidi_tables.cpp.
//
// Use: wrap a paragraph in logical order, take its direction once with ParagraphDirection, then
// draw VisualLine(line, direction) for each wrapped line (right-aligned when direction is RTL).
// Lines without RTL text in an LTR paragraph come back byte for byte (check HasRtl to skip the copy).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace spoc {

// [SECTION] Display
enum BidiDirection : int { kBidiAuto = 0, kBidiLtr = 1, kBidiRtl = 2 };  // VisualLine's base_dir
inline constexpr int kBidiStackCodePoints = 256;  // VisualLine works on the stack up to this line length

bool HasRtl(std::string_view utf8);                 // any character of a right-to-left script, or RLM (fast for ASCII)
int ParagraphDirection(std::string_view utf8);      // kBidiLtr or kBidiRtl: first strong character (UBA P2/P3), LTR if none
std::string ShapeArabic(std::string_view logical);  // Arabic letters -> contextual presentation forms, lam-alef ligatures
std::string VisualLine(std::string_view logical_line, int base_dir); // shapes (ShapeArabic), then reorders to left-to-right drawing order

// One grapheme cluster of a line in visual order: the logical bytes [begin, end) it came from and
// what is drawn for it (shaped, mirrored on a right-to-left level). A lam-alef ligature is one
// cluster covering both letters. For caret and selection maths over text being edited.
struct VisualCluster {
    std::uint32_t begin = 0, end = 0;
    bool rtl = false;  // on a right-to-left level: its logical start is its right edge
    std::string glyphs;
};
// The clusters of VisualLine(logical_line, base_dir), left to right; their glyphs concatenated
// are exactly VisualLine's result.
std::vector<VisualCluster> VisualClusters(std::string_view logical_line, int base_dir);

// [SECTION] Character properties (bidi_tables.cpp)
// Bidi classes of UAX #9 (explicit embedding/isolate controls are classed ON: they are refused by
// IsPlainText, and VisualLine does not honour them).
enum class BidiClass : std::uint8_t { L, R, AL, EN, ES, ET, AN, CS, NSM, BN, B, S, WS, ON };
// Arabic joining types (ArabicShaping.txt): U non-joining, R right-joining (joins only the
// character before it: alef, dal, reh, waw, teh marbuta...), D dual-joining, C join-causing
// (tatweel, ZWJ), T transparent (marks, skipped when looking for neighbours).
enum class JoiningType : std::uint8_t { U, R, D, C, T };

struct ArabicForms {     // presentation forms of one letter; 0 where the letter has none
    std::uint16_t letter;
    std::uint16_t isolated, final_form, initial, medial;
};

BidiClass BidiClassOf(std::uint32_t cp);               // approximate UCD Bidi_Class, exact for the scripts in use
JoiningType JoiningTypeOf(std::uint32_t cp);           // Arabic block, Arabic Supplement, tatweel, ZWJ/ZWNJ, marks
const ArabicForms* FindArabicForms(std::uint32_t cp);  // nullptr when cp has no presentation forms
std::uint32_t LamAlefLigature(std::uint32_t alef, bool final_form); // U+FEF5..FEFC for alef variants, 0 otherwise
std::uint32_t MirroredChar(std::uint32_t cp);          // ( ) [ ] { } < > « » ‹ › ≤ ≥ ... swapped; cp itself otherwise
std::uint32_t ClosingBracket(std::uint32_t cp);        // ')' for '(' and the other paired brackets of rule N0; 0 otherwise
bool IsClusterExtender(std::uint32_t cp);              // stays glued to the character before it (marks, ZWJ, VS, skin tones, tags)
bool IsPictographic(std::uint32_t cp);                 // emoji that a ZWJ glues to the sequence before it

}  // namespace spoc
