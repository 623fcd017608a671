// SQL for requests and comments (see requests_repo.h).
#include "server/storage/requests_repo.h"

#include "server/storage/queue_search.h"

namespace spoc::storage {

namespace {

// Columns read by ReadRequest, in order; ?1 decides whether internal notes are counted.
#define SPOC_REQUEST_SELECT                                                                             \
    "SELECT r.id, r.number, r.type, r.status, r.impact, r.urgency, r.priority, r.requester_id, "        \
    "u.display_name, r.catalog_item_id, r.catalog_item_title, r.department, r.summary, r.description, " \
    "r.form_json, r.created_at, r.updated_at, r.version, "                                              \
    "(SELECT COUNT(*) FROM comments c WHERE c.request_id = r.id AND (c.internal = 0 OR ?1)), "          \
    "COALESCE(r.group_id, 0), COALESCE(g.name, ''), COALESCE(r.assignee_id, 0), COALESCE(a.display_name, ''), " \
    "r.pending_reason, r.first_response_at, r.resolved_at, r.closed_at, r.response_due_at, "             \
    "r.resolution_due_at, r.sla_policy, r.resolution_note, COALESCE(r.resolved_by, 0), "                \
    "COALESCE(rb.display_name, ''), r.cancel_reason, COALESCE(s.score, 0), COALESCE(s.effort, 0), "     \
    "COALESCE(s.comment, ''), COALESCE(s.answered_at, 0), COALESCE(s.updated_at, 0) "                    \
    "FROM requests r JOIN users u ON u.id = r.requester_id "                                             \
    "LEFT JOIN assignment_groups g ON g.id = r.group_id LEFT JOIN users a ON a.id = r.assignee_id "      \
    "LEFT JOIN users rb ON rb.id = r.resolved_by LEFT JOIN surveys s ON s.request_id = r.id "

Result<Request> ReadRequest(const Query& q) {
    Request r;
    r.id = RequestId(q.Int(0));
    r.number = q.Text(1);
    const bool ok = ParseRequestType(q.Text(2), &r.type) && ParseStatus(q.Text(3), &r.status) &&
                    ParseLevel(q.Text(4), &r.impact) && ParseLevel(q.Text(5), &r.urgency);
    const auto priority = q.Int(6);
    if (!ok || priority < 1 || priority > 5)
        return MakeError(ErrorCode::internal,
                         "Stored request " + std::to_string(r.id.value) + " has a bad enum value.");
    r.priority = static_cast<Priority>(priority);
    r.requester_id = UserId(q.Int(7));
    r.requester_name = q.Text(8);
    r.catalog_item_id = CatalogItemId(q.IsNull(9) ? 0 : q.Int(9));
    r.catalog_item_title = q.Text(10);
    r.department = q.Text(11);
    r.summary = q.Text(12);
    r.description = q.Text(13);
    r.form_json = q.Text(14);
    r.created_at = q.Int(15);
    r.updated_at = q.Int(16);
    r.version = static_cast<int>(q.Int(17));
    r.comment_count = static_cast<int>(q.Int(18));
    r.group_id = q.Int(19);
    r.group_name = q.Text(20);
    r.assignee_id = UserId(q.Int(21));
    r.assignee_name = q.Text(22);
    if (!ParsePendingReason(q.Text(23), &r.pending_reason))
        return MakeError(ErrorCode::internal, "Stored request " + std::to_string(r.id.value) + " has a bad pending reason.");
    r.first_response_at = q.Int(24);
    r.resolved_at = q.Int(25);
    r.closed_at = q.Int(26);
    r.response_due_at = q.Int(27);
    r.resolution_due_at = q.Int(28);
    r.sla_policy = q.Text(29);
    r.resolution_note = q.Text(30);
    r.resolved_by = UserId(q.Int(31));
    r.resolved_by_name = q.Text(32);
    r.cancel_reason = q.Text(33);
    r.survey.score = static_cast<int>(q.Int(34));
    r.survey.effort = static_cast<int>(q.Int(35));
    r.survey.comment = q.Text(36);
    r.survey.answered_at = q.Int(37);
    r.survey.updated_at = q.Int(38);
    return r;
}

// Steps `q` (a SPOC_REQUEST_SELECT) to the end, appending every row.
Result<Unit> AppendRequests(Query& q, std::vector<Request>& out) {
    for (;;) {
        auto row = q.Step();
        if (!row.ok()) return row.error();
        if (!*row) return Unit{};
        auto r = ReadRequest(q);
        if (!r.ok()) return r.error();
        out.push_back(std::move(*r));
    }
}

// Binds the kStatusCount (8) status slots of "status IN (?a..?h)": a slot holds a status name when the
// filter (shared's StatusMatches) accepts it, else NULL, which matches nothing.
void BindStatusSlots(Query& q, int first_index, const RequestFilter& filter) {
    for (int i = 0; i < kStatusCount; ++i) {
        const auto status = static_cast<Status>(i);
        if (StatusMatches(filter, status))
            q.Bind(first_index + i, StatusName(status));
        else
            q.BindNull(first_index + i);
    }
}

}  // namespace

Result<RequestId> InsertRequest(Database& db, Request& r) {
    // The number is made from the id, so the id is taken first: the one SQLite would pick (the
    // largest plus one; only the writer inserts), and the row is written once, number and all.
    std::int64_t id = 0;
    {
        auto next = db.Prepare("SELECT COALESCE(MAX(id), 0) + 1 FROM requests");
        if (!next.ok()) return next.error();
        auto row = next->Step();
        if (!row.ok()) return row.error();
        id = next->Int(0);
    }
    r.id = RequestId(id);
    r.number = FormatRequestNumber(r.type, r.id);
    auto q = db.Prepare(
        "INSERT INTO requests (type, status, impact, urgency, priority, requester_id, catalog_item_id, "
        "catalog_item_title, department, summary, description, form_json, created_at, updated_at, version, "
        "group_id, assignee_id, response_due_at, resolution_due_at, sla_policy, pending_reason, first_response_at, "
        "resolved_at, closed_at, resolution_note, resolved_by, cancel_reason, id, number) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, "
        "?23, ?24, ?25, ?26, ?27, ?28, ?29)");
    if (!q.ok()) return q.error();
    q->Bind(1, RequestTypeName(r.type)).Bind(2, StatusName(r.status)).Bind(3, LevelName(r.impact));
    q->Bind(4, LevelName(r.urgency)).Bind(5, static_cast<int>(r.priority)).Bind(6, r.requester_id.value);
    if (r.catalog_item_id.valid())
        q->Bind(7, r.catalog_item_id.value);
    else
        q->BindNull(7);
    q->Bind(8, r.catalog_item_title).Bind(9, r.department).Bind(10, r.summary).Bind(11, r.description);
    q->Bind(12, r.form_json).Bind(13, r.created_at).Bind(14, r.updated_at).Bind(15, r.version);
    if (r.group_id > 0) q->Bind(16, r.group_id);
    else q->BindNull(16);
    if (r.assignee_id.valid()) q->Bind(17, r.assignee_id.value);
    else q->BindNull(17);
    q->Bind(18, r.response_due_at).Bind(19, r.resolution_due_at).Bind(20, r.sla_policy);
    q->Bind(21, PendingReasonName(r.pending_reason)).Bind(22, r.first_response_at).Bind(23, r.resolved_at);
    q->Bind(24, r.closed_at).Bind(25, r.resolution_note);
    if (r.resolved_by.valid()) q->Bind(26, r.resolved_by.value);
    else q->BindNull(26);
    q->Bind(27, r.cancel_reason);
    q->Bind(28, r.id.value).Bind(29, r.number);
    if (auto run = q->Run(); !run.ok()) return run.error();
    return r.id;
}

Result<std::optional<Request>> FindRequest(Database& db, RequestId id, bool count_internal) {
    auto q = db.Prepare(SPOC_REQUEST_SELECT "WHERE r.id = ?2");
    if (!q.ok()) return q.error();
    q->Bind(1, count_internal).Bind(2, id.value);
    auto row = q->Step();
    if (!row.ok()) return row.error();
    if (!*row) return std::optional<Request>();
    auto r = ReadRequest(*q);
    if (!r.ok()) return r.error();
    return std::optional<Request>(std::move(*r));
}

Result<api::RequestPage> ListRequestsByRequester(Database& db, const RequestListQuery& query) {
    api::RequestPage page;
    page.page = query.page;
    page.page_size = query.page_size;
    {
        auto count = db.Prepare(
            "SELECT COUNT(*) FROM requests WHERE requester_id = ?1 AND status IN (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
        if (!count.ok()) return count.error();
        count->Bind(1, query.requester.value);
        BindStatusSlots(*count, 2, query.filter);
        auto row = count->Step();
        if (!row.ok()) return row.error();
        page.total = static_cast<int>(count->Int(0));
    }
    auto q = db.Prepare(SPOC_REQUEST_SELECT
                        "WHERE r.requester_id = ?2 AND r.status IN (?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
                        "ORDER BY r.updated_at DESC, r.id DESC LIMIT ?11 OFFSET ?12");
    if (!q.ok()) return q.error();
    q->Bind(1, query.count_internal).Bind(2, query.requester.value);
    BindStatusSlots(*q, 3, query.filter);
    q->Bind(11, query.page_size).Bind(12, static_cast<std::int64_t>(query.page - 1) * query.page_size);
    if (auto rows = AppendRequests(*q, page.items); !rows.ok()) return rows.error();
    return page;
}

Result<std::int64_t> CountRequests(Database& db) {
    auto q = db.Prepare("SELECT COUNT(*) FROM requests");
    if (!q.ok()) return q.error();
    auto row = q->Step();
    if (!row.ok()) return row.error();
    return q->Int(0);
}

Result<CommentId> InsertComment(Database& db, RequestId request, Comment& c) {
    auto q = db.Prepare(
        "INSERT INTO comments (request_id, author_id, body, internal, created_at) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!q.ok()) return q.error();
    q->Bind(1, request.value).Bind(2, c.author_id.value).Bind(3, c.body).Bind(4, c.internal).Bind(5, c.created_at);
    if (auto run = q->Run(); !run.ok()) return run.error();
    c.id = CommentId(db.LastInsertId());
    return c.id;
}

Result<std::int64_t> CountComments(Database& db, RequestId request) {
    auto q = db.Prepare("SELECT COUNT(*) FROM comments WHERE request_id = ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, request.value);
    auto row = q->Step();
    if (!row.ok()) return row.error();
    return q->Int(0);
}

Result<std::vector<Comment>> ListComments(Database& db, RequestId request, bool include_internal) {
    auto q = db.Prepare(
        "SELECT c.id, c.author_id, u.display_name, u.role, c.body, c.internal, c.created_at "
        "FROM comments c JOIN users u ON u.id = c.author_id "
        "WHERE c.request_id = ?1 AND (c.internal = 0 OR ?2) ORDER BY c.created_at, c.id");
    if (!q.ok()) return q.error();
    q->Bind(1, request.value).Bind(2, include_internal);
    std::vector<Comment> out;
    for (;;) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        Comment c;
        c.id = CommentId(q->Int(0));
        c.author_id = UserId(q->Int(1));
        c.author_name = q->Text(2);
        if (!ParseRole(q->Text(3), &c.author_role))
            return MakeError(ErrorCode::internal, "Stored user has an unknown role.");
        c.body = q->Text(4);
        c.internal = q->Int(5) != 0;
        c.created_at = q->Int(6);
        out.push_back(std::move(c));
    }
    return out;
}

Result<Unit> TouchRequest(Database& db, RequestId id, Timestamp now) {
    auto q = db.Prepare("UPDATE requests SET updated_at = ?1, version = version + 1 WHERE id = ?2");
    if (!q.ok()) return q.error();
    q->Bind(1, now).Bind(2, id.value);
    if (auto run = q->Run(); !run.ok()) return run.error();
    if (db.Changes() != 1) return MakeError(ErrorCode::not_found, "Request not found.");
    return Unit{};
}

// [SECTION] Workflow --------------------------------------------------------------------------------

Result<bool> SaveWorkflow(Database& db, const Request& r, int base_version) {
    auto q = db.Prepare(
        "UPDATE requests SET status = ?3, impact = ?4, urgency = ?5, priority = ?6, group_id = ?7, assignee_id = ?8, "
        "pending_reason = ?9, first_response_at = ?10, resolved_at = ?11, closed_at = ?12, response_due_at = ?13, "
        "resolution_due_at = ?14, updated_at = ?15, version = ?16, resolution_note = ?17, resolved_by = ?18, "
        "cancel_reason = ?19 WHERE id = ?1 AND version = ?2");
    if (!q.ok()) return q.error();
    q->Bind(1, r.id.value).Bind(2, base_version).Bind(3, StatusName(r.status)).Bind(4, LevelName(r.impact));
    q->Bind(5, LevelName(r.urgency)).Bind(6, static_cast<int>(r.priority));
    if (r.group_id > 0) q->Bind(7, r.group_id);
    else q->BindNull(7);
    if (r.assignee_id.valid()) q->Bind(8, r.assignee_id.value);
    else q->BindNull(8);
    q->Bind(9, PendingReasonName(r.pending_reason)).Bind(10, r.first_response_at).Bind(11, r.resolved_at);
    q->Bind(12, r.closed_at).Bind(13, r.response_due_at).Bind(14, r.resolution_due_at).Bind(15, r.updated_at);
    q->Bind(16, r.version).Bind(17, r.resolution_note);
    if (r.resolved_by.valid()) q->Bind(18, r.resolved_by.value);
    else q->BindNull(18);
    q->Bind(19, r.cancel_reason);
    if (auto run = q->Run(); !run.ok()) return run.error();
    return db.Changes() == 1;
}

Result<Unit> OpenPause(Database& db, RequestId id, Timestamp at) {
    auto q = db.Prepare("INSERT OR IGNORE INTO request_pauses (request_id, paused_at, resumed_at) VALUES (?1, ?2, 0)");
    if (!q.ok()) return q.error();
    q->Bind(1, id.value).Bind(2, at);
    return q->Run();
}

Result<Unit> ClosePause(Database& db, RequestId id, Timestamp at) {
    auto q = db.Prepare("UPDATE request_pauses SET resumed_at = ?2 WHERE request_id = ?1 AND resumed_at = 0");
    if (!q.ok()) return q.error();
    q->Bind(1, id.value).Bind(2, at);
    return q->Run();
}

Result<std::vector<std::pair<Timestamp, Timestamp>>> ListPauses(Database& db, RequestId id) {
    auto q = db.Prepare("SELECT paused_at, resumed_at FROM request_pauses WHERE request_id = ?1 ORDER BY paused_at");
    if (!q.ok()) return q.error();
    q->Bind(1, id.value);
    std::vector<std::pair<Timestamp, Timestamp>> out;
    for (;;) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        out.emplace_back(q->Int(0), q->Int(1));
    }
    return out;
}

// [SECTION] Queues ------------------------------------------------------------------------------------

bool ParseQueueView(std::string_view text, QueueView* out) {
    for (QueueView v : {QueueView::unassigned, QueueView::mine, QueueView::my_groups, QueueView::all_open,
                        QueueView::breaching, QueueView::pending})
        if (text == QueueViewName(v)) {
            *out = v;
            return true;
        }
    return false;
}

std::string_view QueueViewName(QueueView view) {
    switch (view) {
        case QueueView::unassigned: return "unassigned";
        case QueueView::mine: return "mine";
        case QueueView::my_groups: return "groups";
        case QueueView::all_open: return "open";
        case QueueView::breaching: return "breaching";
        case QueueView::pending: return "pending";
    }
    return "open";
}

bool ParseQueueSort(std::string_view text, QueueSort* out) {
    for (QueueSort s : {QueueSort::due, QueueSort::priority, QueueSort::updated, QueueSort::created, QueueSort::id})
        if (text == QueueSortName(s)) {
            *out = s;
            return true;
        }
    return false;
}

std::string_view QueueSortName(QueueSort sort) {
    switch (sort) {
        case QueueSort::due: return "due";
        case QueueSort::priority: return "priority";
        case QueueSort::updated: return "updated";
        case QueueSort::created: return "created";
        case QueueSort::id: return "id";
    }
    return "due";
}

namespace {

// The numbered parameters of a statement built from parts: Add() returns "?N" for a value and
// remembers it, so the count and the page statements share one WHERE text and one binding.
class SqlParams {
    // Built by appending: "?" + std::to_string(...) trips a GCC 12 -Wrestrict false positive.
    static std::string Placeholder(int index) { return std::string("?").append(std::to_string(index)); }

public:
    explicit SqlParams(int first) : m_next(first) {}
    std::string Add(std::int64_t value) {
        m_ints.emplace_back(m_next, value);
        return Placeholder(m_next++);
    }
    std::string Add(std::string value) {
        m_texts.emplace_back(m_next, std::move(value));
        return Placeholder(m_next++);
    }
    std::string AddNull() {
        m_nulls.push_back(m_next);
        return Placeholder(m_next++);
    }
    void BindAll(Query& q) const {
        for (const auto& [index, value] : m_ints) q.Bind(index, value);
        for (const auto& [index, value] : m_texts) q.Bind(index, value);
        for (int index : m_nulls) q.BindNull(index);
    }
private:
    int m_next;
    std::vector<std::pair<int, std::int64_t>> m_ints;
    std::vector<std::pair<int, std::string>> m_texts;
    std::vector<int> m_nulls;
};

// "AND (...) " for the search text of ?q= (see queue_search.h): each long word through the
// queue_search index of the open requests, each short one as a substring of the request's text (in
// a report's slice, whose done requests the index doesn't hold: every word, of the summary or the
// number). A text that names a request finds it too.
std::string SearchCondition(const std::string& text, bool report_slice, SqlParams& params) {
    const QueueSearch search = ParseQueueSearch(text);
    std::vector<std::string> parts;
    if (!search.match.empty() && !report_slice)
        parts.push_back("r.id IN (SELECT rowid FROM queue_search WHERE queue_search MATCH " + params.Add(search.match) + ")");
    // A short word of an open request is looked for in the index's stored text of that one
    // request (a rowid lookup), after the index has narrowed the rows if any word could.
    auto like = [&](std::string_view word, bool in_index) {
        const std::string p = params.Add(ContainsPattern(word));
        std::string part = "r.summary LIKE " + p + " ESCAPE '\\' OR r.number LIKE " + p + " ESCAPE '\\'";
        if (in_index)
            part += " OR EXISTS (SELECT 1 FROM queue_search s WHERE s.rowid = r.id AND (s.description LIKE " + p +
                    " ESCAPE '\\' OR s.comments LIKE " + p + " ESCAPE '\\'))";
        parts.push_back("(" + part + ")");
    };
    for (const std::string& word : report_slice ? search.words : search.short_words) like(word, !report_slice);
    std::string all;
    for (const std::string& part : parts) all.append(all.empty() ? "" : " AND ").append(part);
    if (search.ref_id) all = "r.id = " + params.Add(*search.ref_id) + (all.empty() ? "" : " OR (" + all + ")");
    return all.empty() ? std::string() : "AND (" + all + ") ";
}

// WHERE of the view plus the filter. Every filter that is set adds its own condition (and only
// then), so SQLite sees plain equalities it can serve from an index. Each connection caches every
// statement text it prepares, so the texts stay few: 6 views x 2^4 x 5 filter texts (group and
// assignee use IS, which matches NULL too, so "none" needs no text of its own), times the 10
// orders for the page's ids; the full rows are read by one fixed statement.
std::string QueueWhere(const QueueQuery& query, SqlParams& params, bool walk_by_id = false) {
    static constexpr const char* kOpen = "r.status IN ('new', 'assigned', 'in_progress', 'pending') ";
    std::string where = std::string("WHERE ") + kOpen;
    if (query.filter.report) {
        auto add_int = [&](std::int64_t v) { return params.Add(v); };
        auto add_text = [&](const std::string& v) { return params.Add(v); };
        where = "WHERE " + ReportSliceSql(*query.filter.report, add_int, add_text, walk_by_id) + " ";
    } else {
        switch (query.view) {
            case QueueView::all_open: break;
            case QueueView::unassigned: where += "AND r.assignee_id IS NULL "; break;
            case QueueView::mine: where += "AND r.assignee_id = " + params.Add(query.caller.value) + " "; break;
            case QueueView::my_groups:
                where += "AND r.group_id IN (SELECT group_id FROM group_members WHERE user_id = " +
                         params.Add(query.caller.value) + ") ";
                break;
            case QueueView::pending: where = "WHERE r.status = 'pending' "; break;
            case QueueView::breaching:
                // Pending requests have no due time (their clock is paused: ComputeDueTimes), so
                // the range leaves them out, and the count reads queue_open's keys alone.
                where += "AND (r.resolution_due_at = 0) = 0 AND r.resolution_due_at <= " +
                         params.Add(query.now + query.soon_ms) + " ";
                break;
        }
    }
    const QueueFilter& f = query.filter;
    if (f.priority) where += "AND r.priority = " + params.Add(static_cast<std::int64_t>(*f.priority)) + " ";
    if (f.status) {
        // A literal, not a parameter: SQLite uses a partial index only when it can see that the
        // index's WHERE holds (status = 'pending' -> queue_pending). One of four fixed texts.
        switch (*f.status) {
            case Status::new_: where += "AND r.status = 'new' "; break;
            case Status::assigned: where += "AND r.status = 'assigned' "; break;
            case Status::in_progress: where += "AND r.status = 'in_progress' "; break;
            case Status::pending: where += "AND r.status = 'pending' "; break;
            default: where += "AND 0 "; break;  // queues list open requests only
        }
    }
    // 0 means "none": bound as NULL through IS, so one text serves both.
    auto id_or_null = [&](std::int64_t id) { return id > 0 ? params.Add(id) : params.AddNull(); };
    if (f.group_id) where += "AND r.group_id IS " + id_or_null(*f.group_id) + " ";
    if (f.assignee) where += "AND r.assignee_id IS " + id_or_null(f.assignee->value) + " ";
    if (!f.search.empty()) where += SearchCondition(f.search, f.report.has_value(), params);
    return where;
}

// ORDER BY terms of the sort. Each ascending order is the key order of a partial index (due: the
// view's own, 0003; priority / updated / created: 0005; id: the table); descending reverses every
// term so the same index is read backwards. Pending requests have no due time (their clocks are
// paused), so "due" over Pending ones only is id order, served by queue_pending.
std::string QueueOrder(const QueueQuery& query) {
    const bool pending_only = query.view == QueueView::pending || query.filter.status == Status::pending;
    std::vector<const char*> terms;
    switch (query.sort) {
        case QueueSort::due:
            if (pending_only) terms = {"r.id"};
            // Breaching has a due time (the first term is constant): without it, SQLite reads
            // queue_open in order instead of sorting the whole range.
            else if (query.view == QueueView::breaching && !query.filter.report) terms = {"r.resolution_due_at", "r.id"};
            else terms = {"(r.resolution_due_at = 0)", "r.resolution_due_at", "r.id"};
            break;
        case QueueSort::priority: terms = {"r.priority", "(r.resolution_due_at = 0)", "r.resolution_due_at", "r.id"}; break;
        case QueueSort::updated: terms = {"r.updated_at", "r.id"}; break;
        case QueueSort::created: terms = {"r.created_at", "r.id"}; break;
        case QueueSort::id: terms = {"r.id"}; break;
    }
    std::string order = "ORDER BY ";
    for (std::size_t i = 0; i < terms.size(); ++i) {
        if (i) order += ", ";
        order += terms[i];
        if (query.descending) order += " DESC";
    }
    return order + " ";
}

// The statement that picks the page's ids, with its parameters.
std::string QueuePageIdsSql(const QueueQuery& query, SqlParams& params, bool with_total = false) {
    std::string sql = std::string(with_total ? "SELECT r.id, COUNT(*) OVER () " : "SELECT r.id ") + "FROM requests r " +
                      QueueWhere(query, params) + QueueOrder(query);
    sql += "LIMIT " + params.Add(static_cast<std::int64_t>(query.page_size));
    sql += " OFFSET " + params.Add(static_cast<std::int64_t>(query.page - 1) * query.page_size);
    return sql;
}

}  // namespace

Result<api::RequestPage> ListQueue(Database& db, const QueueQuery& query) {
    api::RequestPage page;
    page.page = query.page;
    page.page_size = query.page_size;
    // Keys first: the page's ids come from an index walk (or a sort of ids only); then only those
    // rows are read in full (names, comment counts), and put back in page order. A search finds
    // its rows through the index and sorts them: the same pass gives the total, through a window
    // (a COUNT would find them all a second time). Past the last page no row carries it, and the
    // COUNT below answers it; a view's total is that COUNT over its index.
    const bool search = !query.filter.search.empty();
    std::vector<std::int64_t> ids;
    bool counted = false;
    {
        SqlParams params(1);
        auto q = db.Prepare(QueuePageIdsSql(query, params, /*with_total=*/search));
        if (!q.ok()) return q.error();
        params.BindAll(*q);
        for (;;) {
            auto row = q->Step();
            if (!row.ok()) return row.error();
            if (!*row) break;
            ids.push_back(q->Int(0));
            if (search) {
                page.total = static_cast<int>(q->Int(1));
                counted = true;
            }
        }
    }
    if (!counted) {
        SqlParams params(1);
        auto count = db.Prepare("SELECT COUNT(*) FROM requests r " + QueueWhere(query, params));
        if (!count.ok()) return count.error();
        params.BindAll(*count);
        auto row = count->Step();
        if (!row.ok()) return row.error();
        page.total = *row ? static_cast<int>(count->Int(0)) : 0;
    }
    if (ids.empty()) return page;
    std::string list = "[";
    for (std::size_t i = 0; i < ids.size(); ++i) list.append(i ? "," : "").append(std::to_string(ids[i]));
    list += "]";
    auto rows = db.Prepare(SPOC_REQUEST_SELECT "WHERE r.id IN (SELECT value FROM json_each(?2))");
    if (!rows.ok()) return rows.error();
    rows->Bind(1, true).Bind(2, list);
    std::vector<Request> found;
    if (auto read = AppendRequests(*rows, found); !read.ok()) return read.error();
    for (std::int64_t id : ids)
        for (Request& r : found)
            if (r.id.value == id) page.items.push_back(std::move(r));
    return page;
}

Result<std::vector<Request>> ExportQueueBatch(Database& db, const QueueQuery& query, std::int64_t after_id, int limit) {
    SqlParams params(1);
    std::string sql = "SELECT r.id FROM requests r " + QueueWhere(query, params, /*walk_by_id=*/true);
    sql += "AND r.id > " + params.Add(after_id) + " ORDER BY r.id LIMIT " + params.Add(static_cast<std::int64_t>(limit));
    auto q = db.Prepare(sql);
    if (!q.ok()) return q.error();
    params.BindAll(*q);
    std::string list = "[";
    for (bool first = true;;) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        list.append(first ? "" : ",").append(std::to_string(q->Int(0)));
        first = false;
    }
    list += "]";
    std::vector<Request> out;
    if (list == "[]") return out;
    auto rows = db.Prepare(SPOC_REQUEST_SELECT "WHERE r.id IN (SELECT value FROM json_each(?2)) ORDER BY r.id");
    if (!rows.ok()) return rows.error();
    rows->Bind(1, true).Bind(2, list);
    if (auto read = AppendRequests(*rows, out); !read.ok()) return read.error();
    return out;
}

Result<std::string> ExplainQueue(Database& db, const QueueQuery& query) {
    SqlParams params(1);
    auto q = db.Prepare("EXPLAIN QUERY PLAN " + QueuePageIdsSql(query, params));
    if (!q.ok()) return q.error();
    params.BindAll(*q);
    std::string plan;
    for (;;) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        plan += q->Text(3) + "\n";
    }
    return plan;
}

}  // namespace spoc::storage
