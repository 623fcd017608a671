// Tests for shared/domain/markdown.h: every block and inline construct, nesting of emphasis and
// links, escapes, URL safety, hard breaks, plain-text export, and hostile input (marker floods,
// huge and random byte input) checked for validity and bounded output rather than timing.
#include "shared/domain/markdown.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

using spoc::md::Block;
using spoc::md::BlockKind;
using spoc::md::Document;
using spoc::md::Span;

namespace {

std::string Repeat(std::string_view unit, std::size_t count) {
    std::string out;
    out.reserve(unit.size() * count);
    for (std::size_t i = 0; i < count; ++i) out += unit;
    return out;
}

bool ValidUtf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        std::size_t len = b0 < 0x80             ? 1
                          : (b0 & 0xE0) == 0xC0 ? 2
                          : (b0 & 0xF0) == 0xE0 ? 3
                          : (b0 & 0xF8) == 0xF0 ? 4
                                                : 0;
        if (len == 0 || i + len > s.size()) return false;
        std::uint32_t cp = len == 1 ? b0 : b0 & (0x7F >> len);
        for (std::size_t k = 1; k < len; ++k) {
            const auto b = static_cast<unsigned char>(s[i + k]);
            if ((b & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (b & 0x3F);
        }
        static const std::uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += len;
    }
    return true;
}

// The invariants every parse must keep; returns "" or the first violation. Checked once per
// document so hostile inputs with many spans do not produce millions of assertions.
std::string Violation(const Document& doc) {
    for (const Block& block : doc.blocks) {
        if (!ValidUtf8(block.code)) return "code is not UTF-8";
        if (block.kind == BlockKind::heading && (block.level < 1 || block.level > 3)) return "heading level";
        if ((block.kind == BlockKind::bullet_item || block.kind == BlockKind::ordered_item) && block.level != 0 &&
            block.level != 1)
            return "list level";
        for (std::size_t i = 0; i < block.spans.size(); ++i) {
            const Span& s = block.spans[i];
            if (s.text.empty()) return "empty span";
            if (!ValidUtf8(s.text)) return "span is not UTF-8";
            if (((s.style & spoc::md::kLink) != 0) == s.url.empty()) return "link style without url or vice versa";
            if (!s.url.empty() && !spoc::md::IsSafeUrl(s.url)) return "unsafe url " + s.url;
            if (s.text != "\n" && s.text.find('\n') != std::string::npos) return "newline inside a span";
            if (i > 0 && s.text != "\n" && block.spans[i - 1].text != "\n" && block.spans[i - 1].style == s.style &&
                block.spans[i - 1].url == s.url)
                return "adjacent spans not merged: " + s.text;
        }
    }
    return "";
}

std::size_t CountSpans(const Document& doc) {
    std::size_t spans = 0;
    for (const Block& block : doc.blocks) spans += block.spans.size();
    return spans;
}

// Checks the invariants and returns the number of spans.
std::size_t CheckDocument(const Document& doc) {
    CHECK(Violation(doc) == "");
    return CountSpans(doc);
}

// "text|style[@url]" per span joined by ",", e.g. "a |0,b|1", for compact expectations.
std::string Describe(const std::vector<Span>& spans) {
    std::string out;
    for (const Span& s : spans) {
        if (!out.empty()) out += ',';
        out += (s.text == "\n" ? std::string("\\n") : s.text) + "|" + std::to_string(s.style);
        if (!s.url.empty()) out += "@" + s.url;
    }
    return out;
}

std::vector<Span> Inline(std::string_view markdown) {
    Document doc = spoc::md::Parse(markdown);
    CheckDocument(doc);
    REQUIRE(doc.blocks.size() == 1);
    return doc.blocks[0].spans;
}

std::string InlineDesc(std::string_view markdown) { return Describe(Inline(markdown)); }

}  // namespace

TEST_CASE("markdown: headings, levels and closing hashes") {
    Document doc =
        spoc::md::Parse("# One\n## Two\n### Three\n#### Four\n###### Six ##\n####### Seven\n\n#nospace\n# C#");
    REQUIRE(doc.blocks.size() == 8);
    const int levels[] = {1, 2, 3, 3, 3};
    const char* texts[] = {"One", "Two", "Three", "Four", "Six"};
    for (int i = 0; i < 5; ++i) {
        CHECK(doc.blocks[i].kind == BlockKind::heading);
        CHECK(doc.blocks[i].level == levels[i]);
        CHECK(Describe(doc.blocks[i].spans) == std::string(texts[i]) + "|0");
    }
    CHECK(doc.blocks[5].kind == BlockKind::paragraph);  // 7 hashes is not a heading
    CHECK(Describe(doc.blocks[5].spans) == "####### Seven|0");
    CHECK(doc.blocks[6].kind == BlockKind::paragraph);
    CHECK(Describe(doc.blocks[6].spans) == "#nospace|0");
    CHECK(Describe(doc.blocks[7].spans) == "C#|0");
    CHECK(Describe(spoc::md::Parse("## **Bold** title").blocks[0].spans) == "Bold|1, title|0");
}

TEST_CASE("markdown: paragraphs join lines and split on blank lines") {
    Document doc = spoc::md::Parse("first line\nsecond line\n\n\nthird\r\nfourth\n   \nfifth");
    REQUIRE(doc.blocks.size() == 3);
    CHECK(Describe(doc.blocks[0].spans) == "first line second line|0");
    CHECK(Describe(doc.blocks[1].spans) == "third fourth|0");
    CHECK(Describe(doc.blocks[2].spans) == "fifth|0");
    for (const Block& b : doc.blocks) CHECK(b.kind == BlockKind::paragraph);
    CHECK(spoc::md::Parse("").blocks.empty());
    CHECK(spoc::md::Parse("\n\n  \n\t\n").blocks.empty());
}

TEST_CASE("markdown: hard line breaks") {
    CHECK(InlineDesc("one  \ntwo") == "one|0,\\n|0,two|0");
    CHECK(InlineDesc("one\\\ntwo") == "one|0,\\n|0,two|0");
    CHECK(InlineDesc("one \ntwo") == "one two|0");       // a single trailing space is soft
    CHECK(InlineDesc("one\\\\\ntwo") == "one\\ two|0");  // escaped backslash is not a break
    CHECK(InlineDesc("last  ") == "last|0");             // trailing break at the end is dropped
    CHECK(InlineDesc("**a  \nb**") == "a|1,\\n|0,b|1");  // break inside bold keeps both sides bold
    CHECK(spoc::md::ToPlainText("one  \ntwo") == "one\ntwo");
}

TEST_CASE("markdown: bullet and numbered lists with one nesting level") {
    Document doc = spoc::md::Parse(
        "- apple\n* banana\n+ cherry\n  - nested dash\n    * deeper is still level 1\n- back\n"
        "continued lazily\n\n1. first\n2) second\n   7. nested seven\n1234567. big\n\n  - nested after a blank line");
    REQUIRE(doc.blocks.size() == 11);
    const BlockKind kinds[] = {BlockKind::bullet_item,  BlockKind::bullet_item,  BlockKind::bullet_item,
                               BlockKind::bullet_item,  BlockKind::bullet_item,  BlockKind::bullet_item,
                               BlockKind::ordered_item, BlockKind::ordered_item, BlockKind::ordered_item,
                               BlockKind::ordered_item, BlockKind::bullet_item};
    const int levels[] = {0, 0, 0, 1, 1, 0, 0, 0, 1, 0, 1};
    for (int i = 0; i < 11; ++i) {
        CAPTURE(i);
        CHECK(doc.blocks[i].kind == kinds[i]);
        CHECK(doc.blocks[i].level == levels[i]);
    }
    CHECK(Describe(doc.blocks[0].spans) == "apple|0");
    CHECK(Describe(doc.blocks[4].spans) == "deeper is still level 1|0");
    CHECK(Describe(doc.blocks[5].spans) == "back continued lazily|0");
    CHECK(doc.blocks[6].number == 1);
    CHECK(doc.blocks[7].number == 2);
    CHECK(doc.blocks[8].number == 7);
    CHECK(doc.blocks[9].number == 999999);  // clamped
    CHECK(Describe(doc.blocks[10].spans) == "nested after a blank line|0");

    // Not list markers.
    Document plain = spoc::md::Parse("-no space\n\n1.no space\n\n**bold** start\n\n\\- escaped");
    REQUIRE(plain.blocks.size() == 4);
    for (const Block& b : plain.blocks) CHECK(b.kind == BlockKind::paragraph);
    CHECK(Describe(plain.blocks[2].spans) == "bold|1, start|0");
    CHECK(Describe(plain.blocks[3].spans) == "- escaped|0");
}

TEST_CASE("markdown: list item with inline content and a paragraph after") {
    Document doc =
        spoc::md::Parse("- see [docs](https://x.org) and `cfg`\n\nAfter the list.\n  - not nested: paragraph above");
    REQUIRE(doc.blocks.size() == 3);
    CHECK(Describe(doc.blocks[0].spans) == "see |0,docs|8@https://x.org, and |0,cfg|4");
    CHECK(doc.blocks[1].kind == BlockKind::paragraph);
    CHECK(doc.blocks[2].kind == BlockKind::bullet_item);
    CHECK(doc.blocks[2].level == 0);
}

TEST_CASE("markdown: fenced code blocks") {
    Document doc = spoc::md::Parse("before\n```bash\nls -la **not bold**\n\n  # not a heading\n```\nafter");
    REQUIRE(doc.blocks.size() == 3);
    CHECK(doc.blocks[1].kind == BlockKind::code_block);
    CHECK(doc.blocks[1].code == "ls -la **not bold**\n\n  # not a heading");
    CHECK(doc.blocks[1].spans.empty());
    CHECK(Describe(doc.blocks[2].spans) == "after|0");

    Document empty = spoc::md::Parse("```\n```");
    REQUIRE(empty.blocks.size() == 1);
    CHECK(empty.blocks[0].code.empty());

    Document open = spoc::md::Parse("text\n```\nline 1\n- line 2\n```not a close\n");  // unterminated: runs to the end
    REQUIRE(open.blocks.size() == 2);
    CHECK(open.blocks[1].code == "line 1\n- line 2\n```not a close");
}

TEST_CASE("markdown: bold, italic and their nesting") {
    CHECK(InlineDesc("**bold**") == "bold|1");
    CHECK(InlineDesc("*it* and _it_") == "it|2, and |0,it|2");
    CHECK(InlineDesc("__bold__") == "bold|1");
    CHECK(InlineDesc("*italic **bold in italic** back*") == "italic |2,bold in italic|3, back|2");
    CHECK(InlineDesc("**bold *italic in bold* back**") == "bold |1,italic in bold|3, back|1");
    CHECK(InlineDesc("_x **y** z_") == "x |2,y|3, z|2");
    CHECK(InlineDesc("***both***") == "both|3");
    CHECK(InlineDesc("a*b*c") == "a|0,b|2,c|0");                  // '*' works inside words
    CHECK(InlineDesc("snake_case_name") == "snake_case_name|0");  // '_' does not
    CHECK(InlineDesc("2 * 3 * 4") == "2 * 3 * 4|0");              // surrounded by spaces: literal
    CHECK(InlineDesc("**unclosed bold") == "**unclosed bold|0");
    CHECK(InlineDesc("*a **b*") == "*a *|0,b|2");
    CHECK(InlineDesc("***a**") == "*|0,a|1");
    CHECK(InlineDesc("*a _b* c_") == "a _b|2, c_|0");  // crossing: the inner opener is dropped
}

TEST_CASE("markdown: inline code is literal") {
    CHECK(InlineDesc("run `rm **x** [a](b)` now") == "run |0,rm **x** [a](b)|4, now|0");
    CHECK(InlineDesc("``a ` b``") == "a ` b|4");
    CHECK(InlineDesc("` padded `") == "padded|4");
    CHECK(InlineDesc("`unclosed") == "`unclosed|0");
    CHECK(InlineDesc("**`code` in bold**") == "code|5, in bold|1");
    CHECK(InlineDesc("`a\nb`") == "a b|4");
    CHECK(InlineDesc("a ```x`` y`") == "a ```x`` y`|0");  // no closer of length 3: literal backticks
}

TEST_CASE("markdown: links") {
    CHECK(InlineDesc("see [the docs](https://example.com/a?b=1#c) now") ==
          "see |0,the docs|8@https://example.com/a?b=1#c, now|0");
    CHECK(InlineDesc("[**bold** and *it*](http://x.y)") == "bold|9@http://x.y, and |8@http://x.y,it|10@http://x.y");
    CHECK(InlineDesc("[mail](mailto:help@corp.example)") == "mail|8@mailto:help@corp.example");
    CHECK(InlineDesc("[ticket](#/tickets/42)") == "ticket|8@#/tickets/42");
    CHECK(InlineDesc("[UPPER](HTTPS://X.ORG)") == "UPPER|8@HTTPS://X.ORG");
    CHECK(InlineDesc("*[a*](http://x.y)") == "*|0,a*|8@http://x.y");  // emphasis cannot cross a link edge
    CHECK(InlineDesc("*see [a](http://x.y)*") == "see |2,a|10@http://x.y");
    CHECK(InlineDesc("[a [b] c](http://x.y)") == "a [b] c|8@http://x.y");
    CHECK(InlineDesc("[outer [inner](http://i.x)](http://o.x)") == "[outer |0,inner|8@http://i.x,](http://o.x)|0");
    CHECK(InlineDesc("[no target] and [space](http://a b)") == "[no target] and [space](http://a b)|0");
    CHECK(InlineDesc("[](http://x.y)") == "[](http://x.y)|0");
    CHECK(InlineDesc("[`code`](http://x.y)") == "code|12@http://x.y");
    CHECK(InlineDesc("[a](http://x.y)[b](http://x.y)") == "ab|8@http://x.y");  // same url: merged
    CHECK(InlineDesc("[a](http://x.y)[b](http://z.w)") == "a|8@http://x.y,b|8@http://z.w");
}

TEST_CASE("markdown: unsafe link targets become plain text") {
    CHECK(InlineDesc("[click](javascript:alert(1))") == "click)|0");
    CHECK(InlineDesc("[click](JavaScript:alert(1))") == "click)|0");
    CHECK(InlineDesc("[x](data:text/html;base64,PHNjcmlwdD4=)") == "x|0");
    CHECK(InlineDesc("[x](vbscript:msgbox)") == "x|0");
    CHECK(InlineDesc("[x](//evil.example)") == "x|0");
    CHECK(InlineDesc("[x](ftp://files)") == "x|0");
    CHECK(InlineDesc("[**x**](javascript:alert(1))") == "x|1,)|0");

    CHECK(spoc::md::IsSafeUrl("https://example.com"));
    CHECK(spoc::md::IsSafeUrl("HtTp://example.com"));
    CHECK(spoc::md::IsSafeUrl("mailto:a@b.c"));
    CHECK(spoc::md::IsSafeUrl("#/kb/12"));
    CHECK_FALSE(spoc::md::IsSafeUrl(""));
    CHECK_FALSE(spoc::md::IsSafeUrl("https://"));
    CHECK_FALSE(spoc::md::IsSafeUrl("#top"));
    CHECK_FALSE(spoc::md::IsSafeUrl("javascript:alert(1)"));
    CHECK_FALSE(spoc::md::IsSafeUrl(" javascript:alert(1)"));
    CHECK_FALSE(spoc::md::IsSafeUrl("java\tscript:alert(1)"));
    CHECK_FALSE(spoc::md::IsSafeUrl("https://a.b/x y"));
    CHECK_FALSE(spoc::md::IsSafeUrl("https://a.b/\x01"));
    CHECK_FALSE(spoc::md::IsSafeUrl("https://a.b/\"onclick=x"));
    CHECK_FALSE(spoc::md::IsSafeUrl("data:text/html,hi"));
    CHECK_FALSE(spoc::md::IsSafeUrl("vbscript:x"));
}

TEST_CASE("markdown: backslash escapes") {
    CHECK(InlineDesc("\\*not italic\\*") == "*not italic*|0");
    CHECK(InlineDesc("\\_a\\_ \\`b\\` \\[c\\](http://x.y)") == "_a_ `b` [c](http://x.y)|0");
    CHECK(InlineDesc("\\# not heading") == "# not heading|0");
    CHECK(InlineDesc("back\\\\slash") == "back\\slash|0");
    CHECK(InlineDesc("C:\\path\\file") == "C:\\path\\file|0");  // not a marker: kept
    CHECK(InlineDesc("**a\\*b**") == "a*b|1");
    CHECK(InlineDesc("`a\\*b`") == "a\\*b|4");  // no escapes inside code
}

TEST_CASE("markdown: plain text export") {
    const char* source =
        "# Reset a *password*\n\nOpen **Settings** and [the portal](https://p.example).\n\n- step `one`\n"
        "  - sub step\n\n```\ncode **x**\n```\n[bad](javascript:x)";
    CHECK(spoc::md::ToPlainText(source) ==
          "Reset a password\nOpen Settings and the portal.\nstep one\nsub step\ncode **x**\nbad");
    CHECK(spoc::md::ToPlainText("") == "");
}

TEST_CASE("markdown: input is sanitized to valid UTF-8") {
    CHECK(InlineDesc("caf\xC3\xA9 \xE2\x9C\x93") == "caf\xC3\xA9 \xE2\x9C\x93|0");  // valid kept
    CHECK(InlineDesc("a\xFF"
                     "b") ==
          "a\xEF\xBF\xBD"
          "b|0");  // invalid -> U+FFFD
    CHECK(InlineDesc("a\xC0\xAF"
                     "b") ==
          "a\xEF\xBF\xBD\xEF\xBF\xBD"
          "b|0");  // overlong
    CHECK(InlineDesc("a\xED\xA0\x80"
                     "b") ==
          "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
          "b|0");  // surrogate
    CHECK(InlineDesc(std::string("a\0b\x07"
                                 "c",
                                 5)) == "abc|0");         // controls dropped
    CHECK(InlineDesc("\xEF\xBB\xBFhello") == "hello|0");  // BOM dropped
}

TEST_CASE("markdown: oversized input is cut at a UTF-8 boundary") {
    // 3-byte characters so the limit does not fall on a character boundary.
    const std::string big = Repeat("\xE2\x82\xAC", 1024 * 1024 / 3 + 1);
    REQUIRE(big.size() > spoc::md::kMaxMarkdownBytes);
    const std::string text = spoc::md::ToPlainText(big);
    CHECK(text.size() <= spoc::md::kMaxMarkdownBytes);
    CHECK(text.size() >= spoc::md::kMaxMarkdownBytes - 3);
    CHECK(ValidUtf8(text));

    const std::string lines = Repeat("- item **bold** [l](https://x.y)\n", 40000);  // ~1.3 MB
    Document doc = spoc::md::Parse(lines);
    CheckDocument(doc);
    CHECK(doc.blocks.size() <= spoc::md::kMaxMarkdownBytes / 33 + 1);
    CHECK(doc.blocks.size() >= spoc::md::kMaxMarkdownBytes / 33 - 1);
    CHECK(spoc::md::ToPlainText(doc).size() <= spoc::md::kMaxMarkdownBytes);
}

TEST_CASE("markdown: hostile marker floods stay bounded") {
    const std::string floods[] = {
        Repeat("*", 200000),
        Repeat("[", 100000),
        Repeat("> ", 100000) + "x",
        Repeat("- ", 100000) + "x",
        Repeat("> \n", 50000),
        Repeat("- x\n  ", 30000),
        Repeat("*a", 60000),
        Repeat("a*", 60000),
        Repeat("**a", 40000) + Repeat("a**", 40000),
        Repeat("_a", 60000),
        Repeat("[](", 60000),
        Repeat("[a](", 50000),
        Repeat("`", 100000),
        Repeat("` ``", 30000),
        Repeat("[x](http://a.b)", 8000),
        Repeat("\\", 100001),
        Repeat("#", 100000),
        Repeat("```\n", 50000),
        Repeat("1. ", 50000),
        Repeat("*[", 50000) + Repeat("](http://a.b)*", 5000),
        Repeat("> > > > > > > > x\n", 10000),
        Repeat("- - - - - - - - x\n", 10000),
        Repeat("*_", 60000) + "a" + Repeat("_*", 60000),
        Repeat("**_a", 30000) + Repeat("*", 30000),
    };
    std::string indents;  // list items indented 0..199 spaces, line after line
    for (int i = 0; i < 20000; ++i) indents += std::string(static_cast<std::size_t>(i % 200), ' ') + "- x\n";
    std::vector<std::string> inputs(std::begin(floods), std::end(floods));
    inputs.push_back(indents);
    for (const std::string& input : inputs) {
        CAPTURE(input.substr(0, 12));
        Document doc = spoc::md::Parse(input);
        const std::size_t spans = CheckDocument(doc);
        const std::size_t bytes = std::min(input.size(), spoc::md::kMaxMarkdownBytes);
        // Runaway guard: each block and span needs at least one byte of input.
        CHECK(doc.blocks.size() <= bytes);
        CHECK(spans <= bytes);
        CHECK(spoc::md::ToPlainText(doc).size() <= bytes);
    }
    // 200k '*' on one line: neither opener nor closer, all literal.
    CHECK(spoc::md::ToPlainText(Repeat("*", 200000)) == Repeat("*", spoc::md::kMaxMarkdownBytes));
    CHECK(spoc::md::ToPlainText(Repeat("[", 100000)) == Repeat("[", 100000));
    // Alternating openers and closers pair up.
    const std::vector<Span> pairs = Inline(Repeat("*a* ", 1000));
    REQUIRE(pairs.size() == 1999);
    CHECK(pairs[0].style == spoc::md::kItalic);
    CHECK(pairs[1998].style == spoc::md::kItalic);
    CHECK(pairs[1].text == " ");
}

TEST_CASE("markdown: random bytes never break the invariants") {
    std::uint64_t state = 0x9E3779B97F4A7C15ull;  // fixed seed, xorshift64
    auto next = [&state]() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    const char alphabet[] = "*_`[]()#-+1. \n\\!h:/ab\t";
    for (int round = 0; round < 300; ++round) {
        std::string input;
        const std::size_t len = next() % 3000;
        const bool markup = round % 2 == 0;  // half markup-heavy, half raw bytes
        for (std::size_t i = 0; i < len; ++i) {
            const std::uint64_t r = next();
            input.push_back(markup ? alphabet[r % (sizeof(alphabet) - 1)] : static_cast<char>(r & 0xFF));
        }
        Document doc = spoc::md::Parse(input);
        const std::size_t spans = CheckDocument(doc);
        CHECK(spans <= input.size());
        CHECK(doc.blocks.size() <= input.size());
        const std::string text = spoc::md::ToPlainText(doc);
        CHECK(ValidUtf8(text));
        CHECK(text.size() <= 3 * input.size());  // U+FFFD replacement is the only growth
    }
}
