// Tests for shared/domain/diff.h: basic edits, hunk ordering (removed before added), trailing
// newline handling, minimality against an LCS computed by dynamic programming on random small
// inputs, the work-budget fallback, and 5,000-line documents.
#include "shared/domain/diff.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

using spoc::DiffLine;
using spoc::DiffOp;

namespace {

std::vector<std::string> Lines(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        lines.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

// Compact form: " a" same, "-a" removed, "+a" added, joined by "|".
std::string Describe(const std::vector<DiffLine>& diff) {
    std::string out;
    for (const DiffLine& line : diff) {
        if (!out.empty()) out += '|';
        out += line.op == DiffOp::same ? ' ' : line.op == DiffOp::added ? '+' : '-';
        out += line.text;
    }
    return out;
}

// The diff must replay both sides exactly and list removed lines before added ones in a hunk.
void CheckValid(const std::vector<DiffLine>& diff, std::string_view before, std::string_view after) {
    std::vector<std::string> a, b;
    for (std::size_t i = 0; i < diff.size(); ++i) {
        const DiffLine& line = diff[i];
        if (line.op != DiffOp::added) a.push_back(line.text);
        if (line.op != DiffOp::removed) b.push_back(line.text);
        if (i > 0 && diff[i - 1].op == DiffOp::added) CHECK(line.op != DiffOp::removed);
    }
    CHECK(a == Lines(before));
    CHECK(b == Lines(after));
}

std::size_t Lcs(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::vector<std::vector<std::size_t>> dp(a.size() + 1, std::vector<std::size_t>(b.size() + 1, 0));
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j)
            dp[i][j] = a[i - 1] == b[j - 1] ? dp[i - 1][j - 1] + 1 : std::max(dp[i - 1][j], dp[i][j - 1]);
    return dp[a.size()][b.size()];
}

std::string Numbered(int count, int changed_every = 0) {
    std::string out;
    for (int i = 0; i < count; ++i) {
        out += "line " + std::to_string(i);
        if (changed_every > 0 && i % changed_every == 0) out += " (edited)";
        out += '\n';
    }
    return out;
}

}  // namespace

TEST_CASE("diff: identical and empty inputs") {
    CHECK(spoc::DiffLines("", "").empty());
    CHECK(Describe(spoc::DiffLines("a\nb\nc", "a\nb\nc")) == " a| b| c");
    CHECK(Describe(spoc::DiffLines("", "x\ny\n")) == "+x|+y");
    CHECK(Describe(spoc::DiffLines("x\ny\n", "")) == "-x|-y");
    const auto stats = spoc::CountDiff(spoc::DiffLines("a\nb", "a\nb"));
    CHECK(stats.added == 0);
    CHECK(stats.removed == 0);
}

TEST_CASE("diff: insert, delete and replace") {
    CHECK(Describe(spoc::DiffLines("a\nc", "a\nb\nc")) == " a|+b| c");
    CHECK(Describe(spoc::DiffLines("a\nb\nc", "a\nc")) == " a|-b| c");
    CHECK(Describe(spoc::DiffLines("a\nb\nc", "a\nB\nc")) == " a|-b|+B| c");
    CHECK(Describe(spoc::DiffLines("a\nb\nc\nd", "a\nX\nY\nd")) == " a|-b|-c|+X|+Y| d");
    CHECK(Describe(spoc::DiffLines("x\na\nb", "a\nb\ny")) == "-x| a| b|+y");
    CHECK(Describe(spoc::DiffLines("a\nb\nc\nd\ne", "b\nc\nX\ne\nf")) == "-a| b| c|-d|+X| e|+f");
    const auto stats = spoc::CountDiff(spoc::DiffLines("a\nb\nc\nd", "a\nX\nY\nZ\nd"));
    CHECK(stats.removed == 2);
    CHECK(stats.added == 3);
}

TEST_CASE("diff: a trailing newline ends the last line, it does not add an empty one") {
    CHECK(Describe(spoc::DiffLines("a\nb\n", "a\nb")) == " a| b");
    CHECK(Describe(spoc::DiffLines("a\nb", "a\nb\n\n")) == " a| b|+");  // a real blank line is a line
    CHECK(Describe(spoc::DiffLines("\n", "")) == "-");
    CHECK(Describe(spoc::DiffLines("a\r\nb", "a\nb")) == "-a\r|+a| b");  // "\r" is content
    CHECK(Describe(spoc::DiffLines("\n\n", "\n")) == " |-");
}

TEST_CASE("diff: minimal on random small inputs (checked against LCS)") {
    std::uint64_t state = 12345;  // fixed seed, xorshift64
    auto next = [&state]() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    for (int round = 0; round < 400; ++round) {
        std::string before, after;
        const int alphabet = 2 + round % 5;
        for (std::uint64_t i = 0, n = next() % 14; i < n; ++i)
            before += std::string(1, char('a' + next() % alphabet)) + "\n";
        for (std::uint64_t i = 0, n = next() % 14; i < n; ++i)
            after += std::string(1, char('a' + next() % alphabet)) + "\n";
        CAPTURE(before);
        CAPTURE(after);
        const auto diff = spoc::DiffLines(before, after);
        CheckValid(diff, before, after);
        const auto a = Lines(before), b = Lines(after);
        const std::size_t lcs = Lcs(a, b);
        const auto stats = spoc::CountDiff(diff);
        CHECK(static_cast<std::size_t>(stats.removed) == a.size() - lcs);
        CHECK(static_cast<std::size_t>(stats.added) == b.size() - lcs);
    }
}

TEST_CASE("diff: work budget falls back to removed-then-added") {
    // Distance 4 (two replaced lines) with budget 3: the changed middle is reported wholesale,
    // the common prefix and suffix stay "same".
    const char* before = "head\na\nx\nb\ntail";
    const char* after = "head\nA\nx\nB\ntail";
    CHECK(Describe(spoc::DiffLines(before, after, 4)) == " head|-a|+A| x|-b|+B| tail");
    const auto fallback = spoc::DiffLines(before, after, 3);
    CHECK(Describe(fallback) == " head|-a|-x|-b|+A|+x|+B| tail");
    CheckValid(fallback, before, after);
    CHECK(Describe(spoc::DiffLines("a\nb", "a\nb", 0)) == " a| b");
    CHECK(Describe(spoc::DiffLines("a", "b", 0)) == "-a|+b");

    // Totally different 5,000-line documents: far beyond the default budget.
    std::string left, right;
    for (int i = 0; i < 5000; ++i) {
        left += "left " + std::to_string(i) + "\n";
        right += "right " + std::to_string(i) + "\n";
    }
    const auto diff = spoc::DiffLines(left, right);
    REQUIRE(diff.size() == 10000);
    CHECK(diff[0].op == DiffOp::removed);
    CHECK(diff[4999].op == DiffOp::removed);
    CHECK(diff[5000].op == DiffOp::added);
    CHECK(diff[5000].text == "right 0");
    // A huge budget is still capped internally and stays correct.
    CheckValid(spoc::DiffLines(left, right, static_cast<std::size_t>(-1)), left, right);
}

TEST_CASE("diff: 5,000-line documents with scattered edits") {
    const std::string before = Numbered(5000);
    const std::string after = Numbered(5000, 97);  // 52 edited lines
    const auto diff = spoc::DiffLines(before, after);
    CheckValid(diff, before, after);
    const auto stats = spoc::CountDiff(diff);
    CHECK(stats.removed == 52);
    CHECK(stats.added == 52);
    CHECK(diff.size() == 5052);

    // Insertions and deletions spread through the file.
    std::string inserted;
    const auto lines = Lines(before);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i % 250 == 0) continue;  // 20 deleted
        inserted += lines[i] + "\n";
        if (i % 500 == 7) inserted += "new " + std::to_string(i) + "\n";  // 10 inserted
    }
    const auto diff2 = spoc::DiffLines(before, inserted);
    CheckValid(diff2, before, inserted);
    const auto stats2 = spoc::CountDiff(diff2);
    CHECK(stats2.removed == 20);
    CHECK(stats2.added == 10);
}
