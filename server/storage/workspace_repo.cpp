// SQL for the ticket workspace (see workspace_repo.h).
#include "server/storage/workspace_repo.h"

namespace spoc::storage {

namespace {

// Columns read by ReadBrief, in order, from requests r (LEFT JOIN users a: the assignee).
#define SPOC_BRIEF_COLUMNS \
    "r.id, r.number, r.summary, r.status, r.priority, r.created_at, r.updated_at, COALESCE(a.display_name, '')"

Result<RequestBrief> ReadBrief(const Query& q, int first) {
    RequestBrief b;
    b.id = RequestId(q.Int(first));
    b.number = q.Text(first + 1);
    b.summary = q.Text(first + 2);
    const auto priority = q.Int(first + 4);
    if (!ParseStatus(q.Text(first + 3), &b.status) || priority < 1 || priority > 5)
        return MakeError(ErrorCode::internal, "Stored request " + std::to_string(b.id.value) + " has a bad enum value.");
    b.priority = static_cast<Priority>(priority);
    b.created_at = q.Int(first + 5);
    b.updated_at = q.Int(first + 6);
    b.assignee_name = q.Text(first + 7);
    return b;
}

CannedResponse ReadCanned(const Query& q) {
    CannedResponse c;
    c.id = q.Int(0);
    c.title = q.Text(1);
    c.body = q.Text(2);
    c.group_id = q.Int(3);
    c.group_name = q.Text(4);
    c.updated_at = q.Int(5);
    return c;
}

#define SPOC_CANNED_SELECT                                                                     \
    "SELECT c.id, c.title, c.body, COALESCE(c.group_id, 0), COALESCE(g.name, ''), c.updated_at " \
    "FROM canned_responses c LEFT JOIN assignment_groups g ON g.id = c.group_id "

}  // namespace

// [SECTION] Canned responses -----------------------------------------------------------------------

Result<std::vector<CannedResponse>> ListCanned(Database& db) {
    auto q = db.Prepare(SPOC_CANNED_SELECT "ORDER BY c.title COLLATE NOCASE, c.id");
    if (!q.ok()) return q.error();
    std::vector<CannedResponse> out;
    for (;;) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        out.push_back(ReadCanned(*q));
    }
    return out;
}

Result<std::optional<CannedResponse>> FindCanned(Database& db, std::int64_t id) {
    auto q = db.Prepare(SPOC_CANNED_SELECT "WHERE c.id = ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, id);
    auto row = q->Step();
    if (!row.ok()) return row.error();
    if (!*row) return std::optional<CannedResponse>();
    return std::optional<CannedResponse>(ReadCanned(*q));
}

Result<std::int64_t> InsertCanned(Database& db, const CannedResponse& c, UserId author, Timestamp now) {
    auto q = db.Prepare(
        "INSERT INTO canned_responses (title, body, group_id, created_by, created_at, updated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?5)");
    if (!q.ok()) return q.error();
    q->Bind(1, c.title).Bind(2, c.body);
    if (c.group_id > 0) q->Bind(3, c.group_id);
    else q->BindNull(3);
    if (author.valid()) q->Bind(4, author.value);
    else q->BindNull(4);
    q->Bind(5, now);
    if (auto run = q->Run(); !run.ok()) return run.error();
    return db.LastInsertId();
}

Result<bool> UpdateCanned(Database& db, const CannedResponse& c, Timestamp now) {
    auto q = db.Prepare("UPDATE canned_responses SET title = ?2, body = ?3, group_id = ?4, updated_at = ?5 WHERE id = ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, c.id).Bind(2, c.title).Bind(3, c.body);
    if (c.group_id > 0) q->Bind(4, c.group_id);
    else q->BindNull(4);
    q->Bind(5, now);
    if (auto run = q->Run(); !run.ok()) return run.error();
    return db.Changes() == 1;
}

Result<bool> DeleteCanned(Database& db, std::int64_t id) {
    auto q = db.Prepare("DELETE FROM canned_responses WHERE id = ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, id);
    if (auto run = q->Run(); !run.ok()) return run.error();
    return db.Changes() == 1;
}

Result<std::int64_t> CountCanned(Database& db) {
    auto q = db.Prepare("SELECT COUNT(*) FROM canned_responses");
    if (!q.ok()) return q.error();
    auto row = q->Step();
    if (!row.ok()) return row.error();
    return q->Int(0);
}

Result<std::vector<std::int64_t>> ListMemberGroups(Database& db, UserId user) {
    auto q = db.Prepare("SELECT group_id FROM group_members WHERE user_id = ?1 ORDER BY group_id");
    if (!q.ok()) return q.error();
    q->Bind(1, user.value);
    std::vector<std::int64_t> out;
    for (;;) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        out.push_back(q->Int(0));
    }
    return out;
}

// [SECTION] Links ---------------------------------------------------------------------------------

Result<std::optional<LinkRow>> FindLinkBetween(Database& db, RequestId a, RequestId b) {
    auto q = db.Prepare(
        "SELECT request_id, other_id, kind FROM request_links "
        "WHERE (request_id = ?1 AND other_id = ?2) OR (request_id = ?2 AND other_id = ?1)");
    if (!q.ok()) return q.error();
    q->Bind(1, a.value).Bind(2, b.value);
    auto row = q->Step();
    if (!row.ok()) return row.error();
    if (!*row) return std::optional<LinkRow>();
    LinkRow link{RequestId(q->Int(0)), RequestId(q->Int(1)), LinkKind::relates};
    if (!ParseLinkKind(q->Text(2), &link.kind)) return MakeError(ErrorCode::internal, "Stored link has a bad kind.");
    return std::optional<LinkRow>(link);
}

Result<Unit> InsertLink(Database& db, const LinkRow& link, UserId actor, Timestamp now) {
    auto q = db.Prepare(
        "INSERT INTO request_links (request_id, other_id, kind, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!q.ok()) return q.error();
    q->Bind(1, link.request_id.value).Bind(2, link.other_id.value).Bind(3, LinkKindName(link.kind));
    if (actor.valid()) q->Bind(4, actor.value);
    else q->BindNull(4);
    q->Bind(5, now);
    return q->Run();
}

Result<bool> DeleteLink(Database& db, RequestId request_id, RequestId other_id) {
    auto q = db.Prepare("DELETE FROM request_links WHERE request_id = ?1 AND other_id = ?2");
    if (!q.ok()) return q.error();
    q->Bind(1, request_id.value).Bind(2, other_id.value);
    if (auto run = q->Run(); !run.ok()) return run.error();
    return db.Changes() == 1;
}

Result<std::int64_t> CountLinks(Database& db, RequestId id) {
    auto q = db.Prepare(
        "SELECT (SELECT COUNT(*) FROM request_links WHERE request_id = ?1) + "
        "(SELECT COUNT(*) FROM request_links WHERE other_id = ?1)");
    if (!q.ok()) return q.error();
    q->Bind(1, id.value);
    auto row = q->Step();
    if (!row.ok()) return row.error();
    return q->Int(0);
}

Result<std::vector<LinkedRequest>> ListLinks(Database& db, RequestId id) {
    auto q = db.Prepare(
        "SELECT " SPOC_BRIEF_COLUMNS ", x.kind, x.outgoing FROM "
        "(SELECT other_id AS id, kind, 1 AS outgoing FROM request_links WHERE request_id = ?1 "
        " UNION ALL SELECT request_id, kind, 0 FROM request_links WHERE other_id = ?1) x "
        "JOIN requests r ON r.id = x.id LEFT JOIN users a ON a.id = r.assignee_id "
        "ORDER BY x.kind = 'relates', r.id DESC");
    if (!q.ok()) return q.error();
    q->Bind(1, id.value);
    std::vector<LinkedRequest> out;
    for (;;) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        auto brief = ReadBrief(*q, 0);
        if (!brief.ok()) return brief.error();
        LinkedRequest link{std::move(*brief), LinkKind::relates, q->Int(9) != 0};
        if (!ParseLinkKind(q->Text(8), &link.kind)) return MakeError(ErrorCode::internal, "Stored link has a bad kind.");
        out.push_back(std::move(link));
    }
    return out;
}

Result<std::vector<RequestId>> DuplicateChain(Database& db, RequestId from, std::size_t max_steps) {
    std::vector<RequestId> chain;
    RequestId at = from;
    while (chain.size() < max_steps) {
        auto q = db.Prepare(
            "SELECT other_id FROM request_links WHERE request_id = ?1 AND kind = 'duplicate_of' ORDER BY other_id LIMIT 1");
        if (!q.ok()) return q.error();
        q->Bind(1, at.value);
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        at = RequestId(q->Int(0));
        if (at == from) break;  // a loop back to the start (never stored, but never spin either)
        chain.push_back(at);
    }
    return chain;
}

// [SECTION] A requester's other requests ------------------------------------------------------------

Result<std::vector<RequestBrief>> ListOtherRequests(Database& db, UserId requester, RequestId except, int limit,
                                                    std::int64_t* total) {
    {
        auto count = db.Prepare("SELECT COUNT(*) FROM requests WHERE requester_id = ?1 AND id != ?2");
        if (!count.ok()) return count.error();
        count->Bind(1, requester.value).Bind(2, except.value);
        auto row = count->Step();
        if (!row.ok()) return row.error();
        *total = count->Int(0);
    }
    auto q = db.Prepare("SELECT " SPOC_BRIEF_COLUMNS
                        " FROM requests r LEFT JOIN users a ON a.id = r.assignee_id "
                        "WHERE r.requester_id = ?1 AND r.id != ?2 ORDER BY r.created_at DESC, r.id DESC LIMIT ?3");
    if (!q.ok()) return q.error();
    q->Bind(1, requester.value).Bind(2, except.value).Bind(3, limit);
    std::vector<RequestBrief> out;
    for (;;) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        auto brief = ReadBrief(*q, 0);
        if (!brief.ok()) return brief.error();
        out.push_back(std::move(*brief));
    }
    return out;
}

}  // namespace spoc::storage
