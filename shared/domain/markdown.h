// The knowledge base's Markdown subset: ATX headings (#, ##, ###), paragraphs, bullet and
// numbered lists (one nesting level by indentation), **bold**, *italic* / _italic_, `inline code`,
// fenced code blocks (```), [links](url) and hard line breaks. Parsing never fails and is linear
// in the input: unmatched markers are plain text, unsafe link targets become plain text.
// The client renders the blocks with ImGui; the search index uses ToPlainText.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace spoc::md {

enum SpanStyle : std::uint8_t {  // bit flags, combined
    kPlain = 0,
    kBold = 1,
    kItalic = 2,
    kCode = 4,
    kLink = 8,
};

struct Span {
    std::string text;             // UTF-8, markers removed; "\n" only for a hard line break
    std::uint8_t style = kPlain;  // SpanStyle bits
    std::string url;              // when style has kLink: a target IsSafeUrl accepted
};

enum class BlockKind { heading, paragraph, bullet_item, ordered_item, code_block };

struct Block {
    BlockKind kind = BlockKind::paragraph;
    int level = 0;            // heading: 1..3 (#### and deeper render as 3); list items: 0 or 1 (nesting depth)
    int number = 0;           // ordered_item: the number written in the source (clamped to 0..999999)
    std::vector<Span> spans;  // inline content (not used by code_block)
    std::string code;         // code_block: raw text, lines joined with "\n"
};

struct Document {
    std::vector<Block> blocks;
};

inline constexpr std::size_t kMaxMarkdownBytes = 100 * 1024;  // longer input is cut (at a UTF-8 boundary)

Document Parse(std::string_view markdown);           // never fails; O(n) time and memory
std::string ToPlainText(const Document& document);  // block texts separated by "\n", no markers
std::string ToPlainText(std::string_view markdown); // Parse + ToPlainText
bool IsSafeUrl(std::string_view url);                // http://, https://, mailto: or an in-app "#/..." link

}  // namespace spoc::md
