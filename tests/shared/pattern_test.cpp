// Tests for spoc::Pattern (shared/domain/pattern.h): syntax coverage, UTF-8
// handling, real catalog field examples, rejected syntax and its messages,
// size caps, and linear-time behaviour on pathological patterns.
#include "shared/domain/pattern.h"

#include <doctest/doctest.h>

#include <string>

namespace {

// Compiles source (which must be valid) and matches text against it.
bool Matches(const char* source, std::string_view text) {
    std::string error;
    const auto pattern = spoc::Pattern::Compile(source, &error);
    REQUIRE_MESSAGE(pattern.has_value(), "pattern '" << source << "' failed: " << error);
    return pattern->FullMatch(text);
}

// Compiles source (which must be invalid) and returns the error text.
std::string CompileError(std::string_view source) {
    std::string error;
    const auto pattern = spoc::Pattern::Compile(source, &error);
    REQUIRE_MESSAGE(!pattern.has_value(), "pattern '" << std::string(source) << "' unexpectedly compiled");
    CHECK_FALSE(error.empty());
    return error;
}

bool Contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("pattern: literals must match the whole text") {
    CHECK(Matches("abc", "abc"));
    CHECK_FALSE(Matches("abc", "abcd"));
    CHECK_FALSE(Matches("abc", "xabc"));
    CHECK_FALSE(Matches("abc", "ab"));
    CHECK_FALSE(Matches("abc", ""));
    CHECK(Matches("a.c", "a-c"));
    CHECK_FALSE(Matches("a.c", "a\nc"));
    CHECK(Matches("a\\.c", "a.c"));
    CHECK_FALSE(Matches("a\\.c", "abc"));
}

TEST_CASE("pattern: anchors at the ends are accepted and redundant") {
    CHECK(Matches("^abc$", "abc"));
    CHECK(Matches("^abc", "abc"));
    CHECK(Matches("abc$", "abc"));
    CHECK_FALSE(Matches("^abc$", "abcabc"));
    CHECK(Matches("^a|^b", "b"));
    CHECK_FALSE(Matches("a$b", "ab"));
    CHECK(Matches("\\^\\$", "^$"));
}

TEST_CASE("pattern: empty pattern matches only the empty string") {
    CHECK(Matches("", ""));
    CHECK_FALSE(Matches("", "a"));
    CHECK(Matches("^$", ""));
    CHECK_FALSE(Matches("^$", " "));
}

TEST_CASE("pattern: character classes, ranges and negation") {
    CHECK(Matches("[abc]", "b"));
    CHECK_FALSE(Matches("[abc]", "d"));
    CHECK(Matches("[a-z0-9_]+", "abc_123"));
    CHECK_FALSE(Matches("[a-z0-9_]+", "abc-123"));
    CHECK(Matches("[^abc]", "x"));
    CHECK_FALSE(Matches("[^abc]", "a"));
    CHECK(Matches("[-a]", "-"));
    CHECK(Matches("[a-]", "-"));
    CHECK(Matches("[\\]\\[\\-]+", "][-"));
    CHECK(Matches("[\\d.]+", "3.14"));
    CHECK_FALSE(Matches("[\\d.]+", "3,14"));
    CHECK(Matches("[^\\s@]+", "name"));
    CHECK_FALSE(Matches("[^\\s@]+", "na me"));
    CHECK_FALSE(Matches("[]", "a"));
    CHECK(Matches("[^]", "\n"));
}

TEST_CASE("pattern: class escapes") {
    CHECK(Matches("\\d\\d", "42"));
    CHECK_FALSE(Matches("\\d", "x"));
    CHECK(Matches("\\D", "x"));
    CHECK_FALSE(Matches("\\D", "4"));
    CHECK(Matches("\\w+", "Ab_9"));
    CHECK_FALSE(Matches("\\w", "-"));
    CHECK(Matches("\\W", "-"));
    CHECK(Matches("\\s", " "));
    CHECK(Matches("\\s", "\t"));
    CHECK(Matches("\\s", "\xC2\xA0"));  // no-break space
    CHECK_FALSE(Matches("\\S", " "));
    CHECK(Matches("\\S", "\xC3\xA9"));  // é is one code point
    CHECK(Matches("\\x41\\u00e9", "A\xC3\xA9"));
    CHECK(Matches("a\\tb", "a\tb"));
    CHECK(Matches("\\/\\(\\)\\{\\}\\*\\+\\?\\|\\\\", "/(){}*+?|\\"));
}

TEST_CASE("pattern: quantifiers") {
    CHECK(Matches("ab*c", "ac"));
    CHECK(Matches("ab*c", "abbbc"));
    CHECK_FALSE(Matches("ab+c", "ac"));
    CHECK(Matches("ab+c", "abc"));
    CHECK(Matches("ab?c", "ac"));
    CHECK(Matches("ab?c", "abc"));
    CHECK_FALSE(Matches("ab?c", "abbc"));

    CHECK(Matches("a{3}", "aaa"));
    CHECK_FALSE(Matches("a{3}", "aa"));
    CHECK_FALSE(Matches("a{3}", "aaaa"));
    CHECK_FALSE(Matches("a{2,}", "a"));
    CHECK(Matches("a{2,}", "aa"));
    CHECK(Matches("a{2,}", "aaaaaaaaaa"));
    CHECK_FALSE(Matches("a{2,4}", "a"));
    CHECK(Matches("a{2,4}", "aa"));
    CHECK(Matches("a{2,4}", "aaaa"));
    CHECK_FALSE(Matches("a{2,4}", "aaaaa"));
    CHECK(Matches("a{0}", ""));
    CHECK_FALSE(Matches("a{0}", "a"));
    CHECK(Matches("(ab){1,2}c", "ababc"));
    CHECK_FALSE(Matches("(ab){1,2}c", "abababc"));
    CHECK(Matches("x{100}", std::string(100, 'x')));
    CHECK_FALSE(Matches("x{100}", std::string(101, 'x')));
}

TEST_CASE("pattern: alternation and groups") {
    CHECK(Matches("cat|dog", "cat"));
    CHECK(Matches("cat|dog", "dog"));
    CHECK_FALSE(Matches("cat|dog", "catdog"));
    CHECK(Matches("(cat|dog)s?", "dogs"));
    CHECK(Matches("(?:cat|dog)+", "catdogcat"));
    CHECK_FALSE(Matches("(?:cat|dog)+", ""));
    CHECK(Matches("a(b|)c", "ac"));
    CHECK(Matches("a(b|)c", "abc"));
    CHECK(Matches("a|", ""));
    CHECK(Matches("()", ""));
    CHECK(Matches("((((a))))", "a"));
    CHECK(Matches("(a|b(c|d))*e", "abcbdae"));
    CHECK_FALSE(Matches("(a|b(c|d))*e", "abe"));
}

TEST_CASE("pattern: UTF-8 text is matched by code point") {
    CHECK(Matches(".", "\xC3\xA9"));          // é (2 bytes) is one character
    CHECK_FALSE(Matches("..", "\xC3\xA9"));
    CHECK(Matches("caf.", "caf\xC3\xA9"));
    CHECK(Matches(".{3}", "\xE2\x82\xAC\xF0\x9F\x98\x80x"));  // €, 😀, x
    CHECK(Matches("[^a]", "\xF0\x9F\x98\x80"));
    CHECK(Matches("caf\xC3\xA9", "caf\xC3\xA9"));  // literal non-ASCII
    CHECK_FALSE(Matches("caf\xC3\xA9", "cafe"));
    CHECK(Matches("[\xC3\xA0-\xC3\xBF]+", "\xC3\xA9\xC3\xA8"));  // [à-ÿ]
    CHECK(Matches("\xC3\xA9+", "\xC3\xA9\xC3\xA9"));  // quantifier applies to the whole é
    CHECK(Matches(".", "\xFF"));  // one undecodable byte counts as one character
    CHECK_FALSE(Matches("a", "\xFF"));
}

TEST_CASE("pattern: real catalog form examples") {
    const char* asset_tag = "^[A-Z]{2}-\\d{4,6}$";
    CHECK(Matches(asset_tag, "LT-1234"));
    CHECK(Matches(asset_tag, "DK-123456"));
    CHECK_FALSE(Matches(asset_tag, "LT-123"));
    CHECK_FALSE(Matches(asset_tag, "LT-1234567"));
    CHECK_FALSE(Matches(asset_tag, "lt-1234"));
    CHECK_FALSE(Matches(asset_tag, "LT-1234\n"));

    const char* cost_centre = "CC\\d{4}";
    CHECK(Matches(cost_centre, "CC0420"));
    CHECK_FALSE(Matches(cost_centre, "CC042"));
    CHECK_FALSE(Matches(cost_centre, "xCC0420"));

    const char* employee_id = "E\\d{6}|C-\\d{5}";
    CHECK(Matches(employee_id, "E012345"));
    CHECK(Matches(employee_id, "C-12345"));
    CHECK_FALSE(Matches(employee_id, "E12345"));

    const char* phone = "\\+?[0-9 ()-]{7,20}";
    CHECK(Matches(phone, "+44 (20) 7946-0958"));
    CHECK(Matches(phone, "0123456"));
    CHECK_FALSE(Matches(phone, "012345"));
    CHECK_FALSE(Matches(phone, "+44 20 7946 0958 ext"));
    CHECK_FALSE(Matches(phone, "++44207946095"));

    const char* email = "[^@\\s]+@[^@\\s]+\\.[a-z]{2,}";
    CHECK(Matches(email, "jane.doe@example.co.uk"));
    CHECK(Matches(email, "j\xC3\xA9r\xC3\xB4me@exemple.fr"));
    CHECK_FALSE(Matches(email, "jane@@example.com"));
    CHECK_FALSE(Matches(email, "jane doe@example.com"));
    CHECK_FALSE(Matches(email, "jane@example"));
    CHECK_FALSE(Matches(email, "jane@example.c"));
}

TEST_CASE("pattern: unsupported and malformed syntax is rejected with position") {
    CHECK(CompileError("abc(?=d)") == "Unsupported syntax '(?=' at position 3 (lookaheads are not supported)");
    CHECK(Contains(CompileError("a(?!b)"), "'(?!' at position 1"));
    CHECK(Contains(CompileError("(?<=a)b"), "'(?<=' at position 0"));
    CHECK(Contains(CompileError("(?<!a)b"), "'(?<!'"));
    CHECK(Contains(CompileError("(?<name>a)"), "named groups"));
    CHECK(Contains(CompileError("(?i)abc"), "'(?i'"));
    CHECK(Contains(CompileError("(a)\\1"), "'\\1' at position 3"));
    CHECK(Contains(CompileError("a*?"), "'*?' at position 1"));
    CHECK(Contains(CompileError("a+?"), "lazy"));
    CHECK(Contains(CompileError("a{2,3}?"), "'{2,3}?'"));
    CHECK(Contains(CompileError("\\bword"), "word boundaries"));
    CHECK(Contains(CompileError("\\p{L}"), "Unicode property"));
    CHECK(Contains(CompileError("a\\q"), "Unknown escape '\\q' at position 1"));
    CHECK(Contains(CompileError("ab\\"), "lone '\\'"));
    CHECK(Contains(CompileError("*a"), "Nothing to repeat at position 0"));
    CHECK(Contains(CompileError("a**"), "Nothing to repeat at position 2"));
    CHECK(Contains(CompileError("a|+"), "Nothing to repeat"));
    CHECK(Contains(CompileError("^*"), "Nothing to repeat"));
    CHECK(Contains(CompileError("(ab"), "Missing ')'"));
    CHECK(Contains(CompileError("ab)"), "Unmatched ')' at position 2"));
    CHECK(Contains(CompileError("[abc"), "Missing ']'"));
    CHECK(Contains(CompileError("a]"), "Unescaped ']'"));
    CHECK(Contains(CompileError("a}"), "Unescaped '}'"));
    CHECK(Contains(CompileError("[z-a]"), "'z-a' at position 1 is out of order"));
    CHECK(Contains(CompileError("[\\d-z]"), "class escape"));
    CHECK(Contains(CompileError("[[a]]"), "Unescaped '['"));
    CHECK(Contains(CompileError("a{x}"), "Malformed repetition"));
    CHECK(Contains(CompileError("a{2"), "Malformed repetition"));
    CHECK(Contains(CompileError("a{,3}"), "Malformed repetition"));
    CHECK(Contains(CompileError("a{3,2}"), "out of order"));
    CHECK(Contains(CompileError("a{101}"), "above the limit of 100"));
    CHECK(Contains(CompileError("a{1,1000000000000}"), "above the limit"));
    CHECK(Contains(CompileError("\\x4"), "Malformed '\\x' escape"));
    CHECK(Contains(CompileError("a\xFF"), "not valid UTF-8"));

    std::string error = "stale";
    CHECK_FALSE(spoc::PatternIsValid("(?=x)", &error));
    CHECK(Contains(error, "Unsupported syntax '(?='"));
    CHECK(spoc::PatternIsValid("[A-Z]{2}", &error));
    CHECK(error.empty());
    CHECK_FALSE(spoc::PatternIsValid("("));  // null error_out is fine
}

TEST_CASE("pattern: oversize patterns are rejected") {
    CHECK(Contains(CompileError(std::string(257, 'a')), "too long"));
    CHECK(spoc::PatternIsValid(std::string(256, 'a')));

    CHECK(Contains(CompileError("(a{100}){100}"), "too complex"));
    CHECK(Contains(CompileError("((((a{100}){100}){100}){100}){100}"), "too complex"));
    CHECK(Contains(CompileError("[a-z]{100}[a-z]{100}[a-z]{100}[a-z]{100}[a-z]{100}"
                                "[a-z]{100}[a-z]{100}[a-z]{100}[a-z]{100}[a-z]{100}"
                                "[a-z]{100}[a-z]{100}[a-z]{100}[a-z]{100}[a-z]{100}"
                                "[a-z]{100}[a-z]{100}[a-z]{100}[a-z]{100}[a-z]{100}"),
                   "2000"));

    std::string nested_ok;
    std::string nested_too_deep;
    for (int i = 0; i < 32; ++i) nested_ok += '(';
    nested_ok += 'a';
    for (int i = 0; i < 32; ++i) nested_ok += ')';
    CHECK(Matches(nested_ok.c_str(), "a"));
    nested_too_deep = "(" + nested_ok + ")";
    CHECK(Contains(CompileError(nested_too_deep), "nested more than 32 deep"));
    CHECK(Contains(CompileError(std::string(200, '(')), "nested more than 32 deep"));
}

TEST_CASE("pattern: pathological patterns stay linear") {
    const std::string many_a(50000, 'a');
    CHECK_FALSE(Matches("(a*)*b", many_a));
    CHECK_FALSE(Matches("(a|a)*c", many_a));
    CHECK_FALSE(Matches("(a+)+b", many_a));
    CHECK_FALSE(Matches("(a|aa)*(a|aa)*b", many_a));
    CHECK(Matches("(a*)*", many_a));
    CHECK(Matches("(a|a)*", many_a));
    CHECK(Matches("(a?){50}a{50}", std::string(50, 'a')));
    CHECK_FALSE(Matches(".*.*.*=.*", many_a));
    CHECK(Matches("(?:\\w+\\s?)*", std::string(50000, 'x')));
}

TEST_CASE("pattern: compiled patterns are copyable values") {
    const auto compiled = spoc::Pattern::Compile("^[A-Z]{2}-\\d{4}$");
    REQUIRE(compiled.has_value());
    const spoc::Pattern copy = *compiled;  // NOLINT(performance-unnecessary-copy-initialization)
    spoc::Pattern assigned = *spoc::Pattern::Compile("x");
    assigned = copy;
    CHECK(copy.Source() == "^[A-Z]{2}-\\d{4}$");
    CHECK(assigned.Source() == compiled->Source());
    CHECK(assigned.FullMatch("AB-1234"));
    CHECK_FALSE(assigned.FullMatch("AB-123"));
}
