// Knowledge-base use cases: write, publish and retire articles (agents and admins), read them
// (employees only what is published for everyone and not past review), history, votes, views,
// deflections, the review queue, admin statistics and synonyms, the Markdown-folder import, and
// search. Search runs on in-memory snapshots: one index of what employees may read and one of
// every published article for staff, rebuilt after each change and when the date rolls over
// (review-by dates expire at midnight UTC). The same snapshot gives the browser its index download.
#pragma once
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "server/storage/kb_repo.h"
#include "server/storage/reader_pool.h"
#include "server/storage/writer.h"
#include "shared/api/kb_dto.h"
#include "shared/domain/kb.h"
#include "shared/domain/search.h"

namespace spoc::app {

// One immutable view of the published knowledge base for one audience.
struct KbAudienceIndex {
    SearchIndex index;                          // Search + Snippet
    std::vector<api::KbIndexEntry> entries;     // sorted by id (titles/categories for hits)
    std::string version;                        // content hash; the ETag of the download
    std::string encoded;                        // api::EncodeKbIndex, ready to send
    const api::KbIndexEntry* Find(ArticleId id) const;
};

struct KbSnapshot {
    CivilDate built_for;                        // the UTC date expiry was judged on
    std::int64_t generation = 0;                // write counter it was built at
    KbAudienceIndex employees;
    KbAudienceIndex staff;
    const KbAudienceIndex& For(Role role) const;
};

struct ArticleListOptions {
    std::vector<ArticleState> states;           // staff only; employees always get published
    std::string category;
    storage::ArticleSort sort = storage::ArticleSort::updated;
    bool mine = false;                          // staff: only articles the caller owns
    int page = 1;
    int page_size = 25;
};

struct ImportReport {
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    std::vector<std::string> problems;          // "file.md: reason" for files that were skipped
};

class KbService {
public:
    KbService(storage::ReaderPool& readers, storage::Writer& writer);
    Result<Unit> Refresh(Timestamp now);                       // rebuild the search snapshot now

    Result<Article> Create(const User& caller, api::ArticleWrite write, Timestamp now);
    Result<Article> Update(const User& caller, ArticleId id, api::ArticleWrite write, Timestamp now);
    Result<Article> ChangeState(const User& caller, ArticleId id, const api::StateChange& change, Timestamp now);
    Result<Article> Read(const User& caller, ArticleId id, bool count_view, Timestamp now);  // not_found when hidden
    Result<api::ArticlePage> List(const User& caller, const ArticleListOptions& options, Timestamp now);
    Result<std::vector<ArticleVersion>> Versions(const User& caller, ArticleId id);
    Result<Article> Vote(const User& caller, ArticleId id, const ArticleFeedback& feedback, Timestamp now);
    Result<Unit> Deflect(const User& caller, const api::Deflection& deflection, Timestamp now);
    Result<std::vector<Article>> ReviewQueue(const User& caller, Timestamp now);
    Result<api::KbStats> Stats(const User& caller, Timestamp now);
    Result<api::SynonymsBody> Synonyms(const User& caller);
    Result<api::SynonymsBody> SetSynonyms(const User& caller, const api::SynonymsBody& body, Timestamp now);

    Result<std::vector<api::KbSearchHit>> Search(const User& caller, std::string_view query, int limit, Timestamp now);
    Result<std::shared_ptr<const KbSnapshot>> Snapshot(Timestamp now);  // refreshed if stale

    // Imports every *.md file of `folder` (sorted by name) as `importer`; an article with the same
    // title is updated (a new version) when its content or state differs. Owners named in front
    // matter must exist and be staff; otherwise the importer owns the article.
    Result<ImportReport> ImportFolder(const std::string& folder, const std::string& importer_username, Timestamp now);
    // Writes the views counted since the last write (housekeeping and shutdown; runs on `db`,
    // the writer's connection inside its transaction).
    Result<Unit> WritePendingViews(storage::Database& db);
    Result<Unit> FlushViews();  // WritePendingViews in a writer job

    // Demo content: imports <assets>/demo/kb (as root) and its synonyms.txt into an empty knowledge base.
    Result<bool> SeedDemoIfEmpty(const std::string& assets_dir, Timestamp now);
    // Reads the synonym file (if any) into the settings.
    Result<Unit> ImportSynonymsFile(const std::string& path, Timestamp now);

private:
    Result<Article> Load(storage::Database& db, ArticleId id);
    Result<Unit> RefreshLocked(Timestamp now);  // m_refresh_mutex held
    void CountView(ArticleId id, Timestamp now);  // buffered; see m_views
    void Invalidate();

    storage::ReaderPool& m_readers;
    storage::Writer& m_writer;
    std::mutex m_refresh_mutex;                 // one rebuild at a time
    mutable std::mutex m_mutex;                 // guards the two fields below
    std::shared_ptr<const KbSnapshot> m_snapshot;
    std::int64_t m_generation = 0;              // bumped after every committed write that changes the index
    // Views are counters, not records: they are added up in memory and written at most once a
    // second in one job, so reading an article never waits for (or costs) an fsync of its own.
    // A crash loses at most the last second of views.
    std::mutex m_views_mutex;
    std::unordered_map<std::int64_t, std::int64_t> m_views;  // article id -> views not yet written
    Timestamp m_views_flushed_at = 0;
    bool m_views_flushing = false;
};

}  // namespace spoc::app
