// Line diff (see diff.h): common prefix/suffix trimming, then Myers' O(ND) greedy search on
// interned line ids with a per-step trace for backtracking. When the edit distance exceeds the
// budget the changed middle is reported as all removed, then all added. A trailing "\n" ends the
// last line; it does not start an empty one ("a\nb\n" and "a\nb" have the same two lines).
#include "shared/domain/diff.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

namespace spoc {

namespace {

// The trace holds (d+1)^2 ints; beyond this many edits the memory would be unreasonable, so the
// search falls back whatever budget the caller passed (2500 edits -> at most 25 MB).
constexpr std::size_t kMaxTraceEdits = 2500;

std::vector<std::string_view> SplitLines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

void Emit(std::vector<DiffLine>& out, DiffOp op, std::string_view text) { out.push_back({op, std::string(text)}); }

// Myers' forward search on a[0..n) / b[0..m) (ids). Returns false when the distance exceeds `limit`;
// otherwise appends the edit script (interleaved) to `ops` as same/removed/added in order.
bool MyersScript(const std::vector<int>& a, const std::vector<int>& b, std::size_t limit, std::vector<DiffOp>& ops) {
    const long n = static_cast<long>(a.size());
    const long m = static_cast<long>(b.size());
    const long max_d = static_cast<long>(std::min<std::size_t>(limit, static_cast<std::size_t>(n + m)));
    const long offset = max_d + 1;
    std::vector<long> v(static_cast<std::size_t>(2 * max_d + 3), 0);
    std::vector<std::int32_t> trace;  // step d occupies [d*d, d*d + 2d] for k = -d..d
    long found_d = -1;
    for (long d = 0; d <= max_d && found_d < 0; ++d) {
        for (long k = -d; k <= d; k += 2) {
            long x;
            if (k == -d || (k != d && v[k - 1 + offset] < v[k + 1 + offset]))
                x = v[k + 1 + offset];  // step down: insertion from b
            else
                x = v[k - 1 + offset] + 1;  // step right: deletion from a
            long y = x - k;
            while (x < n && y < m && a[x] == b[y]) ++x, ++y;
            v[k + offset] = x;
            if (x >= n && y >= m) found_d = d;
        }
        for (long k = -d; k <= d; ++k) trace.push_back(static_cast<std::int32_t>(v[k + offset]));
    }
    if (found_d < 0) return false;

    auto at = [&](long d, long k) { return long{trace[static_cast<std::size_t>(d * d + k + d)]}; };
    std::vector<DiffOp> reversed;
    long x = n, y = m;
    for (long d = found_d; d > 0; --d) {
        const long k = x - y;
        const bool down = k == -d || (k != d && at(d - 1, k - 1) < at(d - 1, k + 1));
        const long prev_k = down ? k + 1 : k - 1;
        const long prev_x = at(d - 1, prev_k);
        const long prev_y = prev_x - prev_k;
        const long snake_x = down ? prev_x : prev_x + 1;  // where the edit lands before the snake
        while (x > snake_x) reversed.push_back(DiffOp::same), --x, --y;
        reversed.push_back(down ? DiffOp::added : DiffOp::removed);
        x = prev_x;
        y = prev_y;
    }
    while (x > 0) reversed.push_back(DiffOp::same), --x;
    ops.assign(reversed.rbegin(), reversed.rend());
    return true;
}

}  // namespace

std::vector<DiffLine> DiffLines(std::string_view before, std::string_view after, std::size_t max_edits) {
    const std::vector<std::string_view> a_lines = SplitLines(before);
    const std::vector<std::string_view> b_lines = SplitLines(after);
    std::vector<DiffLine> out;
    out.reserve(std::max(a_lines.size(), b_lines.size()));

    std::size_t prefix = 0;
    while (prefix < a_lines.size() && prefix < b_lines.size() && a_lines[prefix] == b_lines[prefix]) ++prefix;
    std::size_t suffix = 0;
    while (suffix < a_lines.size() - prefix && suffix < b_lines.size() - prefix &&
           a_lines[a_lines.size() - 1 - suffix] == b_lines[b_lines.size() - 1 - suffix])
        ++suffix;
    for (std::size_t i = 0; i < prefix; ++i) Emit(out, DiffOp::same, a_lines[i]);

    const std::size_t a_end = a_lines.size() - suffix, b_end = b_lines.size() - suffix;
    // Intern the middle lines so the search compares ints.
    std::unordered_map<std::string_view, int> ids;
    std::vector<int> a, b;
    for (std::size_t i = prefix; i < a_end; ++i) a.push_back(ids.emplace(a_lines[i], int(ids.size())).first->second);
    for (std::size_t i = prefix; i < b_end; ++i) b.push_back(ids.emplace(b_lines[i], int(ids.size())).first->second);

    std::vector<DiffOp> ops;
    if (!MyersScript(a, b, std::min(max_edits, kMaxTraceEdits), ops)) {
        ops.assign(a.size(), DiffOp::removed);
        ops.insert(ops.end(), b.size(), DiffOp::added);
    }

    // Walk the script; within each run of changes, list the removed lines before the added ones.
    std::size_t ai = prefix, bi = prefix, i = 0;
    while (i < ops.size()) {
        if (ops[i] == DiffOp::same) {
            Emit(out, DiffOp::same, a_lines[ai]);
            ++ai, ++bi, ++i;
            continue;
        }
        std::size_t run_end = i, removed = 0, added = 0;
        for (; run_end < ops.size() && ops[run_end] != DiffOp::same; ++run_end)
            (ops[run_end] == DiffOp::removed ? removed : added)++;
        for (std::size_t r = 0; r < removed; ++r) Emit(out, DiffOp::removed, a_lines[ai++]);
        for (std::size_t r = 0; r < added; ++r) Emit(out, DiffOp::added, b_lines[bi++]);
        i = run_end;
    }
    for (std::size_t s = a_end; s < a_lines.size(); ++s) Emit(out, DiffOp::same, a_lines[s]);
    return out;
}

DiffStats CountDiff(const std::vector<DiffLine>& diff) {
    DiffStats stats;
    for (const DiffLine& line : diff) {
        if (line.op == DiffOp::added) ++stats.added;
        if (line.op == DiffOp::removed) ++stats.removed;
    }
    return stats;
}

}  // namespace spoc
