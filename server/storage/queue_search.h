// The queue's ?q= search, as SQL parts (issue 15): the words of 3+ characters go to the FTS5
// trigram index of the open requests (migration 0016), the shorter ones to a LIKE over the summary
// and number, and a text that names a request ("42", "#42", "INC0000042") also finds that request.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/storage/sqlite.h"

namespace spoc::storage {

struct QueueSearch {
    std::string match;                     // FTS5 query: every long word as a quoted string, ANDed; "" = none
    std::vector<std::string> words;        // all of them, in order
    std::vector<std::string> short_words;  // 1-2 characters: the trigram index can't look them up
    std::optional<std::int64_t> ref_id;    // the whole text parsed as a request reference
    bool empty() const { return match.empty() && short_words.empty(); }
};

// Splits `text` at spaces (ASCII whitespace and the ideographic space U+3000); a "quoted phrase"
// is one word. Each word must occur in the request (AND), anywhere in its number, summary,
// description or comments, as typed (a phrase: its words next to each other, in order).
QueueSearch ParseQueueSearch(std::string_view text);

// Brings the index up to date with the requests the triggers noted in queue_search_stale
// (migration 0017): each one's row is dropped and, if the request is open, written again from its
// number, summary, description and comments (the trigger queue_search_reindex, migration 0017).
// The writer runs it once per transaction, after the last job and outside any savepoint (FTS5
// writes a segment at every savepoint). Returns how many requests it re-indexed; the cost is per
// noted request, not per row of the table.
Result<std::int64_t> FlushQueueSearch(Database& db);

}  // namespace spoc::storage
