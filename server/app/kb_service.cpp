// Knowledge-base use cases (see kb_service.h).
#include "server/app/kb_service.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "server/app/clock.h"
#include "server/storage/audit_repo.h"
#include "server/storage/kb_repo.h"
#include "server/storage/users_repo.h"
#include "shared/domain/i18n.h"
#include "shared/domain/markdown.h"

namespace spoc::app {

using i18n::Format;
using i18n::tr;

namespace {

constexpr Timestamp kDayMs = 86400000;
constexpr int kMaxVersionsListed = 200;
constexpr std::size_t kMaxImportFileBytes = 256 * 1024;

Error NotFound() { return MakeError(ErrorCode::not_found, tr("No such article.")); }
Error StaffOnly() { return MakeError(ErrorCode::forbidden, tr("Only agents and admins can do that.")); }

Error Invalid(std::vector<FieldError> problems) {
    Error error = MakeError(ErrorCode::validation_failed, problems.front().message, problems.front().field);
    error.details = std::move(problems);
    return error;
}

Error Stale(const Article& current) {
    // TRANSLATORS: {0} is a person's name, {1} the article's version number.
    return MakeError(ErrorCode::conflict,
                     Format(tr("{0} changed this article (now version {1}). Reload it and apply your change again."),
                            {current.updated_by_name, std::to_string(current.version)}),
                     "base_version");
}

std::string Today(Timestamp now) { return FormatDate(UtcDate(now)); }

// FNV-1a over the text; the index version is its hex form.
std::uint64_t Fnv(std::uint64_t h, std::string_view text) {
    for (unsigned char c : text) h = (h ^ c) * 1099511628211ULL;
    return h;
}

std::string Hex(std::uint64_t v) {
    static const char* digits = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, v >>= 4) out[static_cast<std::size_t>(i)] = digits[v & 15];
    return out;
}

void BuildAudience(const std::vector<Article>& articles, bool staff, const CivilDate& today,
                   const std::vector<std::pair<std::string, std::string>>& synonyms, std::int64_t synonym_revision,
                   KbAudienceIndex& out) {
    api::KbIndex download;
    std::uint64_t h = Fnv(1469598103934665603ULL, staff ? "staff|" : "employees|");
    for (const Article& a : articles) {
        if (staff ? !IsInStaffIndex(a) : !IsInEmployeeIndex(a, today)) continue;
        api::KbIndexEntry e;
        e.id = a.id;
        e.title = a.content.title;
        e.category = a.content.category;
        e.tags = a.content.tags;
        e.text = md::ToPlainText(a.content.body);
        e.audience = a.content.audience;
        e.updated_at = a.updated_at;
        h = Fnv(h, std::to_string(a.id.value) + ":" + std::to_string(a.version) + ";");
        download.articles.push_back(std::move(e));
    }
    h = Fnv(h, "synonyms:" + std::to_string(synonym_revision));
    download.synonyms = synonyms;
    download.version = Hex(h);
    api::BuildKbSearchIndex(download, out.index);
    out.version = download.version;
    out.encoded = api::EncodeKbIndex(download);
    out.entries = std::move(download.articles);
}

bool SameContent(const ArticleContent& a, const ArticleContent& b) {
    return a.title == b.title && a.body == b.body && a.category == b.category && a.tags == b.tags &&
           a.audience == b.audience && a.review_by == b.review_by;
}

}  // namespace

const api::KbIndexEntry* KbAudienceIndex::Find(ArticleId id) const {
    auto it = std::lower_bound(entries.begin(), entries.end(), id,
                               [](const api::KbIndexEntry& e, ArticleId v) { return e.id < v; });
    return it != entries.end() && it->id == id ? &*it : nullptr;
}

const KbAudienceIndex& KbSnapshot::For(Role role) const { return IsStaff(role) ? staff : employees; }

KbService::KbService(storage::ReaderPool& readers, storage::Writer& writer) : m_readers(readers), m_writer(writer) {}

// [SECTION] Snapshot ------------------------------------------------------------------------------

void KbService::Invalidate() {
    std::lock_guard lock(m_mutex);
    ++m_generation;
}

Result<Unit> KbService::Refresh(Timestamp now) {
    std::lock_guard refresh(m_refresh_mutex);
    return RefreshLocked(now);
}

Result<Unit> KbService::RefreshLocked(Timestamp now) {
    std::int64_t generation;
    {
        std::lock_guard lock(m_mutex);
        generation = m_generation;
    }
    std::vector<Article> articles;
    storage::SynonymSettings synonyms;
    {
        auto lease = m_readers.Acquire();
        auto published = storage::ListPublishedArticles(*lease);
        if (!published.ok()) return published.error();
        articles = std::move(*published);
        auto read = storage::ReadSynonyms(*lease);
        if (!read.ok()) return read.error();
        synonyms = std::move(*read);
    }
    auto pairs = ParseSynonyms(synonyms.text);
    std::vector<std::pair<std::string, std::string>> synonym_pairs = pairs.ok() ? *pairs : decltype(synonym_pairs){};
    auto snapshot = std::make_shared<KbSnapshot>();
    snapshot->built_for = UtcDate(now);
    snapshot->generation = generation;
    BuildAudience(articles, false, snapshot->built_for, synonym_pairs, synonyms.revision, snapshot->employees);
    BuildAudience(articles, true, snapshot->built_for, synonym_pairs, synonyms.revision, snapshot->staff);
    std::lock_guard lock(m_mutex);
    m_snapshot = std::move(snapshot);
    return Unit{};
}

Result<std::shared_ptr<const KbSnapshot>> KbService::Snapshot(Timestamp now) {
    const CivilDate today = UtcDate(now);
    auto fresh = [&]() -> std::shared_ptr<const KbSnapshot> {
        std::lock_guard lock(m_mutex);
        if (m_snapshot && m_snapshot->generation == m_generation && m_snapshot->built_for.year == today.year &&
            m_snapshot->built_for.month == today.month && m_snapshot->built_for.day == today.day)
            return m_snapshot;
        return nullptr;
    };
    if (auto s = fresh()) return s;
    // Requests that find the snapshot stale at the same moment wait for one rebuild, not one each.
    {
        std::lock_guard refresh(m_refresh_mutex);
        if (auto s = fresh()) return s;
        if (auto r = RefreshLocked(now); !r.ok()) return r.error();
    }
    std::lock_guard lock(m_mutex);
    return m_snapshot;
}

// [SECTION] Writing -------------------------------------------------------------------------------

Result<Article> KbService::Load(storage::Database& db, ArticleId id) {
    auto found = storage::FindArticle(db, id);
    if (!found.ok()) return found.error();
    if (!*found) return NotFound();
    return std::move(**found);
}

Result<Article> KbService::Create(const User& caller, api::ArticleWrite write, Timestamp now) {
    if (!CanEditArticles(caller.role)) return StaffOnly();
    NormalizeArticleContent(write.content);
    if (auto problems = ValidateArticleContent(write.content); !problems.empty()) return Invalid(std::move(problems));
    auto created = m_writer.Run([&](storage::Database& db) -> Result<Article> {
        Article a;
        a.content = write.content;
        a.state = ArticleState::draft;
        a.owner_id = caller.id;
        a.created_at = now;
        auto id = storage::InsertArticle(db, a, caller.id, "created");
        if (!id.ok()) return id.error();
        const std::string detail = storage::AuditDetail().Text("title", a.content.title).Json();
        if (auto r = storage::AppendAudit(db, {now, caller.id, "article", id->value, "create", detail}); !r.ok())
            return r.error();
        return Load(db, *id);
    });
    if (created.ok()) Invalidate();
    return created;
}

Result<Article> KbService::Update(const User& caller, ArticleId id, api::ArticleWrite write, Timestamp now) {
    if (!CanEditArticles(caller.role)) return StaffOnly();
    NormalizeArticleContent(write.content);
    if (auto problems = ValidateArticleContent(write.content); !problems.empty()) return Invalid(std::move(problems));
    if (write.base_version <= 0)
        // TRANSLATORS: keep "base_version" (the field's name in the API).
        return MakeError(ErrorCode::validation_failed, tr("Say which version you edited (base_version)."), "base_version");
    auto updated = m_writer.Run([&](storage::Database& db) -> Result<Article> {
        auto current = Load(db, id);
        if (!current.ok()) return current.error();
        if (current->version != write.base_version) return Stale(*current);
        if (SameContent(current->content, write.content)) return std::move(*current);
        Article a = std::move(*current);
        a.content = write.content;
        a.version += 1;
        a.updated_at = now;
        if (auto r = storage::SaveArticle(db, a, caller.id, "edited"); !r.ok()) return r.error();
        const std::string detail = storage::AuditDetail().Int("version", a.version).Json();
        if (auto r = storage::AppendAudit(db, {now, caller.id, "article", id.value, "edit", detail}); !r.ok())
            return r.error();
        return Load(db, id);
    });
    if (updated.ok()) Invalidate();
    return updated;
}

Result<Article> KbService::ChangeState(const User& caller, ArticleId id, const api::StateChange& change, Timestamp now) {
    if (!CanEditArticles(caller.role)) return StaffOnly();
    auto changed = m_writer.Run([&](storage::Database& db) -> Result<Article> {
        auto current = Load(db, id);
        if (!current.ok()) return current.error();
        if (current->version != change.base_version) return Stale(*current);
        if (current->state == change.state) return std::move(*current);
        if (!CanTransition(current->state, change.state))
            // TRANSLATORS: {0} and {1} are article states ("Draft", "Published").
            return MakeError(ErrorCode::conflict,
                             Format(tr("A {0} article can't become {1}."),
                                    {ArticleStateLabel(current->state), ArticleStateLabel(change.state)}),
                             "state");
        Article a = std::move(*current);
        const ArticleState from = a.state;
        a.state = change.state;
        a.version += 1;
        a.updated_at = now;
        if (a.state == ArticleState::published && a.published_at == 0) a.published_at = now;
        if (auto r = storage::SaveArticle(db, a, caller.id, TransitionVerb(a.state)); !r.ok()) return r.error();
        const std::string detail = storage::AuditDetail()
                                       .Text("from", ArticleStateName(from))
                                       .Text("to", ArticleStateName(a.state))
                                       .Int("version", a.version)
                                       .Json();
        if (auto r = storage::AppendAudit(db, {now, caller.id, "article", id.value, "state", detail}); !r.ok())
            return r.error();
        return Load(db, id);
    });
    if (changed.ok()) Invalidate();
    return changed;
}

// [SECTION] Reading -------------------------------------------------------------------------------

Result<Article> KbService::Read(const User& caller, ArticleId id, bool count_view, Timestamp now) {
    Result<Article> article = NotFound();
    {
        auto lease = m_readers.Acquire();
        article = Load(*lease, id);
    }
    if (!article.ok()) return article.error();
    if (!CanReadArticle(*article, caller.role, UtcDate(now))) return NotFound();  // hidden looks missing
    if (count_view && article->state == ArticleState::published) {
        CountView(id, now);
        article->views += 1;
    }
    return article;
}

Result<Unit> KbService::WritePendingViews(storage::Database& db) {
    std::unordered_map<std::int64_t, std::int64_t> batch;
    {
        std::lock_guard lock(m_views_mutex);
        batch.swap(m_views);
    }
    for (const auto& [article, count] : batch) {
        if (auto r = storage::AddViews(db, ArticleId(article), count); !r.ok()) {
            std::lock_guard lock(m_views_mutex);  // not written: keep them for the next try
            for (const auto& [a, c] : batch) m_views[a] += c;
            return r.error();
        }
    }
    return Unit{};
}

Result<Unit> KbService::FlushViews() {
    return m_writer.Run([&](storage::Database& db) { return WritePendingViews(db); });
}

void KbService::CountView(ArticleId id, Timestamp now) {
    std::unordered_map<std::int64_t, std::int64_t> batch;
    {
        std::lock_guard lock(m_views_mutex);
        m_views[id.value] += 1;
        if (m_views_flushing || now - m_views_flushed_at < 1000) return;
        m_views_flushing = true;
        m_views_flushed_at = now;
        batch.swap(m_views);
    }
    auto written = m_writer.Run([&](storage::Database& db) -> Result<Unit> {
        for (const auto& [article, count] : batch)
            if (auto r = storage::AddViews(db, ArticleId(article), count); !r.ok()) return r.error();
        return Unit{};
    });
    std::lock_guard lock(m_views_mutex);
    m_views_flushing = false;
    if (!written.ok())  // keep them for the next flush
        for (const auto& [article, count] : batch) m_views[article] += count;
}

Result<api::ArticlePage> KbService::List(const User& caller, const ArticleListOptions& o, Timestamp now) {
    storage::ArticleListQuery q;
    if (IsStaff(caller.role)) {
        q.states = o.states;
        if (o.mine) q.owner = caller.id;
    } else {
        q.states = {ArticleState::published};
        q.everyone_only = true;
        q.not_overdue_on = Today(now);
    }
    q.category = o.category;
    q.sort = o.sort;
    q.limit = o.page_size;
    q.offset = (o.page - 1) * o.page_size;
    auto lease = m_readers.Acquire();
    return storage::ListArticles(*lease, q);
}

Result<std::vector<ArticleVersion>> KbService::Versions(const User& caller, ArticleId id) {
    if (!IsStaff(caller.role)) return NotFound();  // history is an editor's tool
    auto lease = m_readers.Acquire();
    if (auto a = Load(*lease, id); !a.ok()) return a.error();
    return storage::ListArticleVersions(*lease, id, kMaxVersionsListed);
}

Result<std::vector<Article>> KbService::ReviewQueue(const User& caller, Timestamp now) {
    if (!IsStaff(caller.role)) return StaffOnly();
    auto lease = m_readers.Acquire();
    return storage::ListReviewQueue(*lease, caller.id, Today(now));
}

Result<api::KbStats> KbService::Stats(const User& caller, Timestamp now) {
    if (caller.role != Role::admin) return MakeError(ErrorCode::forbidden, tr("Only admins can see knowledge-base statistics."));
    auto lease = m_readers.Acquire();
    return storage::ReadKbStats(*lease, now - 30 * kDayMs);
}

// [SECTION] Feedback and deflection ---------------------------------------------------------------

Result<Article> KbService::Vote(const User& caller, ArticleId id, const ArticleFeedback& feedback, Timestamp now) {
    if (auto problems = ValidateFeedback(feedback); !problems.empty()) return Invalid(std::move(problems));
    const CivilDate today = UtcDate(now);
    return m_writer.Run([&](storage::Database& db) -> Result<Article> {
        auto current = Load(db, id);
        if (!current.ok()) return current.error();
        if (!CanReadArticle(*current, caller.role, today)) return NotFound();
        if (current->state != ArticleState::published)
            return MakeError(ErrorCode::conflict, tr("Only published articles take feedback."));
        if (auto r = storage::UpsertVote(db, id, caller.id, feedback, now); !r.ok()) return r.error();
        return Load(db, id);
    });
}

Result<Unit> KbService::Deflect(const User& caller, const api::Deflection& d, Timestamp now) {
    const CivilDate today = UtcDate(now);
    return m_writer.Run([&](storage::Database& db) -> Result<Unit> {
        auto article = Load(db, d.article_id);
        if (!article.ok() || !CanReadArticle(*article, caller.role, today) || article->state != ArticleState::published)
            return MakeError(ErrorCode::not_found, tr("No such article."), "article_id");
        if (d.catalog_item_id.valid()) {
            auto exists = storage::CatalogItemExists(db, d.catalog_item_id);
            if (!exists.ok()) return exists.error();
            if (!*exists) return MakeError(ErrorCode::not_found, tr("No such catalog item."), "catalog_item_id");
        }
        if (auto r = storage::InsertDeflection(db, d, caller.id, now); !r.ok()) return r.error();
        const std::string detail = storage::AuditDetail()
                                       .Int("article_id", d.article_id.value)
                                       .Int("catalog_item_id", d.catalog_item_id.value)
                                       .Json();
        return storage::AppendAudit(db, {now, caller.id, "article", d.article_id.value, "deflect", detail});
    });
}

// [SECTION] Synonyms ------------------------------------------------------------------------------

Result<api::SynonymsBody> KbService::Synonyms(const User& caller) {
    if (!IsStaff(caller.role)) return StaffOnly();
    auto lease = m_readers.Acquire();
    auto s = storage::ReadSynonyms(*lease);
    if (!s.ok()) return s.error();
    return api::SynonymsBody{s->text};
}

Result<api::SynonymsBody> KbService::SetSynonyms(const User& caller, const api::SynonymsBody& body, Timestamp now) {
    if (caller.role != Role::admin) return MakeError(ErrorCode::forbidden, tr("Only admins can change synonyms."));
    auto parsed = ParseSynonyms(body.text);
    if (!parsed.ok()) return parsed.error();
    auto saved = m_writer.Run([&](storage::Database& db) -> Result<Unit> {
        if (auto r = storage::WriteSynonyms(db, body.text, now); !r.ok()) return r.error();
        const std::string detail = storage::AuditDetail().Int("pairs", static_cast<std::int64_t>(parsed->size())).Json();
        return storage::AppendAudit(db, {now, caller.id, "kb_synonyms", 1, "update", detail});
    });
    if (!saved.ok()) return saved.error();
    Invalidate();
    return body;
}

// [SECTION] Search --------------------------------------------------------------------------------

Result<std::vector<api::KbSearchHit>> KbService::Search(const User& caller, std::string_view query, int limit,
                                                        Timestamp now) {
    auto snapshot = Snapshot(now);
    if (!snapshot.ok()) return snapshot.error();
    const KbAudienceIndex& audience = (*snapshot)->For(caller.role);
    std::vector<api::KbSearchHit> out;
    for (const SearchHit& hit : audience.index.Search(query, limit)) {
        const api::KbIndexEntry* e = audience.Find(ArticleId(hit.doc_id));
        if (!e) continue;
        out.push_back({e->id, e->title, e->category, audience.index.Snippet(hit.doc_id, query, 200), hit.score});
    }
    return out;
}

// [SECTION] Import --------------------------------------------------------------------------------

Result<ImportReport> KbService::ImportFolder(const std::string& folder, const std::string& importer_username,
                                             Timestamp now) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return MakeError(ErrorCode::not_found, "No such folder: " + folder);
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder, ec))
        if (entry.is_regular_file() && entry.path().extension() == ".md") files.push_back(entry.path());
    if (ec) return MakeError(ErrorCode::unavailable, "Cannot read " + folder + ": " + ec.message());
    std::sort(files.begin(), files.end());

    // The importer and every owner named in the files, resolved once.
    auto resolve = [&](const std::string& username) -> Result<std::optional<User>> {
        auto lease = m_readers.Acquire();
        auto found = storage::FindUserByUsername(*lease, username);
        if (!found.ok()) return found.error();
        if (!*found) return std::optional<User>();
        return std::optional<User>((*found)->user);
    };
    auto importer = resolve(importer_username);
    if (!importer.ok()) return importer.error();
    if (!*importer || !IsStaff((*importer)->role))
        return MakeError(ErrorCode::forbidden, "Import as an agent or admin ('" + importer_username + "' isn't one).");

    ImportReport report;
    for (const fs::path& path : files) {
        const std::string name = path.filename().string();
        std::ifstream in(path, std::ios::binary);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (!in.good() && !in.eof()) { report.problems.push_back(name + ": cannot be read"); continue; }
        if (text.size() > kMaxImportFileBytes) { report.problems.push_back(name + ": larger than 256 KB"); continue; }
        auto file = ParseArticleFile(text, name);
        if (!file.ok()) { report.problems.push_back(name + ": " + file.error().message); continue; }
        User owner = **importer;
        if (!file->owner.empty()) {
            auto named = resolve(file->owner);
            if (!named.ok()) return named.error();
            if (*named && IsStaff((*named)->role)) owner = **named;
            else report.problems.push_back(name + ": owner '" + file->owner + "' is not an agent; imported as " +
                                           importer_username);
        }
        enum class Outcome { created, updated, unchanged };
        auto done = m_writer.Run([&](storage::Database& db) -> Result<Outcome> {
            auto existing = storage::FindArticleIdByTitle(db, file->content.title);
            if (!existing.ok()) return existing.error();
            if (!existing->valid()) {
                Article a;
                a.content = file->content;
                a.state = file->state;
                a.owner_id = owner.id;
                a.created_at = now;
                auto id = storage::InsertArticle(db, a, (*importer)->id, "imported");
                if (!id.ok()) return id.error();
                const std::string detail = storage::AuditDetail().Text("file", name).Json();
                if (auto r = storage::AppendAudit(db, {now, (*importer)->id, "article", id->value, "import", detail}); !r.ok())
                    return r.error();
                return Outcome::created;
            }
            auto current = Load(db, *existing);
            if (!current.ok()) return current.error();
            if (SameContent(current->content, file->content) && current->state == file->state) return Outcome::unchanged;
            Article a = std::move(*current);
            a.content = file->content;
            a.state = file->state;
            a.version += 1;
            a.updated_at = now;
            if (a.state == ArticleState::published && a.published_at == 0) a.published_at = now;
            if (auto r = storage::SaveArticle(db, a, (*importer)->id, "imported"); !r.ok()) return r.error();
            return Outcome::updated;
        });
        if (!done.ok()) { report.problems.push_back(name + ": " + done.error().message); continue; }
        if (*done == Outcome::created) ++report.created;
        else if (*done == Outcome::updated) ++report.updated;
        else ++report.unchanged;
    }
    Invalidate();
    return report;
}

Result<bool> KbService::SeedDemoIfEmpty(const std::string& assets_dir, Timestamp now) {
    {
        auto lease = m_readers.Acquire();
        auto count = storage::CountArticles(*lease);
        if (!count.ok()) return count.error();
        if (*count > 0) return false;
    }
    const std::string folder = (std::filesystem::path(assets_dir) / "demo" / "kb").string();
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) return false;
    auto report = ImportFolder(folder, "root", now);
    if (!report.ok()) return report.error();
    if (!report->problems.empty())
        return MakeError(ErrorCode::validation_failed, "Demo article " + report->problems.front());
    if (auto s = ImportSynonymsFile((std::filesystem::path(folder) / "synonyms.txt").string(), now); !s.ok())
        return s.error();
    return true;
}

Result<Unit> KbService::ImportSynonymsFile(const std::string& path, Timestamp now) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Unit{};  // no file, nothing to import
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto parsed = ParseSynonyms(text);
    if (!parsed.ok()) return MakeError(ErrorCode::validation_failed, path + ": " + parsed.error().message);
    auto saved = m_writer.Run([&](storage::Database& db) { return storage::WriteSynonyms(db, text, now); });
    if (!saved.ok()) return saved.error();
    Invalidate();
    return Unit{};
}

}  // namespace spoc::app
