// Line diff for article version history: Myers' O(ND) algorithm on lines, with a work budget so
// hostile or huge inputs degrade to "everything removed, everything added" instead of running away.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace spoc {

enum class DiffOp { same, added, removed };

struct DiffLine {
    DiffOp op = DiffOp::same;
    std::string text;  // the line without its "\n"
};

struct DiffStats {
    int added = 0;
    int removed = 0;
};

// Lines of `before` and `after` in order: removed lines come before the added lines that replace
// them. Minimal (shortest edit script) when the edit distance is within `max_edits`.
std::vector<DiffLine> DiffLines(std::string_view before, std::string_view after, std::size_t max_edits = 2000);
DiffStats CountDiff(const std::vector<DiffLine>& diff);

}  // namespace spoc
