// ParseQueueSearch: the queue's ?q= text as an FTS5 query plus the words too short for it.
#include "server/storage/queue_search.h"

#include "shared/domain/request.h"

namespace spoc::storage {

namespace {

// Code points in valid UTF-8 (the handler has checked it): the bytes that don't continue one.
std::size_t CodePoints(std::string_view word) {
    std::size_t n = 0;
    for (unsigned char c : word) n += (c & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::size_t SpaceAt(std::string_view text, std::size_t i) {  // bytes of the separator at i, or 0
    static constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
    if (IsAsciiSpace(text[i])) return 1;
    return text.substr(i, kIdeographicSpace.size()) == kIdeographicSpace ? kIdeographicSpace.size() : 0;
}

// Words between separators; "a quoted phrase" (a quote opening a word) is one word, spaces and
// all, up to the next quote or the end.
std::vector<std::string_view> Words(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < text.size()) {
        if (const std::size_t sep = SpaceAt(text, i); sep > 0) {
            i += sep;
            continue;
        }
        if (text[i] == '"') {
            const std::size_t close = text.find('"', i + 1);
            const std::size_t end = close == std::string_view::npos ? text.size() : close;
            std::string_view phrase = text.substr(i + 1, end - i - 1);
            while (!phrase.empty() && IsAsciiSpace(phrase.back())) phrase.remove_suffix(1);
            while (!phrase.empty() && IsAsciiSpace(phrase.front())) phrase.remove_prefix(1);
            if (!phrase.empty()) words.push_back(phrase);
            i = close == std::string_view::npos ? text.size() : close + 1;
            continue;
        }
        const std::size_t start = i;
        while (i < text.size() && SpaceAt(text, i) == 0) ++i;
        words.push_back(text.substr(start, i - start));
    }
    return words;
}

}  // namespace

QueueSearch ParseQueueSearch(std::string_view text) {
    QueueSearch out;
    for (std::string_view word : Words(text)) {
        out.words.emplace_back(word);
        if (CodePoints(word) < 3) {
            out.short_words.emplace_back(word);
            continue;
        }
        // An FTS5 string: any text between double quotes, a quote doubled. No operator, column
        // filter or prefix syntax of the user's reaches the query.
        if (!out.match.empty()) out.match += ' ';
        out.match += '"';
        for (char c : word) {
            if (c == '"') out.match += '"';
            out.match += c;
        }
        out.match += '"';
    }
    RequestId id;
    if (ParseRequestRef(text, &id)) out.ref_id = id.value;
    return out;
}

Result<std::int64_t> FlushQueueSearch(Database& db) {
    std::int64_t noted = 0;
    {
        auto q = db.Prepare("SELECT COUNT(*) FROM queue_search_stale");
        if (!q.ok()) return q.error();
        auto row = q->Step();
        if (!row.ok()) return row.error();
        noted = *row ? q->Int(0) : 0;
    }
    if (noted == 0) return 0;
    // One statement (the trigger queue_search_reindex does the work per row): FTS5 writes its
    // pending terms out at every statement's savepoint, so a statement per request would still
    // write a segment per request.
    auto q = db.Prepare("DELETE FROM queue_search_stale");
    if (!q.ok()) return q.error();
    if (auto r = q->Run(); !r.ok()) return r.error();
    return noted;
}

}  // namespace spoc::storage
