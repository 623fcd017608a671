// Field patterns for catalog forms: owns the linear-time regex subset (parser,
// NFA compiler and Pike-style set-of-states matcher) that validates untrusted
// field input identically in the browser (wasm) and on the server.
// Never throws, never backtracks, never recurses over the input text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spoc {

namespace detail {

enum class PatternOp : std::uint8_t {
    kClass,        // consume one code point in m_ranges[a, a + b); go to pc + 1
    kSplit,        // epsilon to a and to b
    kJump,         // epsilon to a
    kAssertBegin,  // epsilon to pc + 1 only at the start of the text
    kAssertEnd,    // epsilon to pc + 1 only at the end of the text
    kMatch,        // accepting state
};

struct PatternInst {
    PatternOp op = PatternOp::kMatch;  // what this NFA state does
    std::uint32_t a = 0;               // class range offset, or first target
    std::uint32_t b = 0;               // class range count, or second target
};

struct PatternRange {
    std::uint32_t lo = 0;  // first code point (inclusive)
    std::uint32_t hi = 0;  // last code point (inclusive)
};

}  // namespace detail

// A compiled field pattern: a linear-time subset of ECMAScript regex syntax.
// Supported: literals, '.', \d \D \w \W \s \S, \n \r \t \f \v \xHH \uHHHH,
// escaped punctuation, [classes] with ranges and [^negation], ( ) and (?: ),
// '|', * + ? {n} {n,} {n,m} (n, m <= 100), and ^ / $ anchors.
// Error positions are 0-based character (code point) offsets into the source.
class Pattern {
public:
    static constexpr std::size_t kMaxSourceBytes = 256;  // longest accepted source, in bytes
    static constexpr std::size_t kMaxStates = 2000;      // largest accepted NFA, after {n,m} expansion
    static constexpr int kMaxRepeat = 100;               // largest n or m in {n,m}
    static constexpr int kMaxNesting = 32;               // deepest accepted group nesting

    static std::optional<Pattern> Compile(std::string_view source, std::string* error_out = nullptr);  // nullopt + one-sentence error on bad or oversize syntax
    bool FullMatch(std::string_view text) const;  // true when the whole UTF-8 text matches
    const std::string& Source() const;            // the pattern text given to Compile

private:
    Pattern() = default;

    std::string m_source;                            // original pattern text
    std::vector<detail::PatternInst> m_program;      // NFA states; state 0 is the start
    std::vector<detail::PatternRange> m_ranges;      // sorted, merged code point ranges of all classes
};

bool PatternIsValid(std::string_view source, std::string* error_out = nullptr);  // Compile succeeds; error_out gets the reason if not

}  // namespace spoc
