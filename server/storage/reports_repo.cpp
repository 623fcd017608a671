// SQL for the reports (see reports_repo.h). The cell columns come from kpi::ColumnName, so the
// statements below are built once from that list and then cached by SQLite like any other.
#include "server/storage/reports_repo.h"

#include "server/storage/requests_repo.h"

namespace spoc::storage {

namespace {

using kpi::kCellWidth;

const char* const kDimColumns = "group_id, agent_id, department, category, priority, type, location_id";

std::string Param(int n) {  // "?7" (appended: GCC 12 warns -Wrestrict on "?" + std::to_string)
    std::string p = "?";
    p += std::to_string(n);
    return p;
}

std::string CellColumns(const char* prefix, const char* suffix) {
    std::string out;
    for (int i = 0; i < kCellWidth; ++i) {
        if (i) out += ", ";
        out += prefix;
        out += kpi::ColumnName(i);
        out += suffix;
    }
    return out;
}

Query& BindDims(Query& q, int first, const kpi::Dims& d) {
    q.Bind(first, d.group_id).Bind(first + 1, d.agent_id).Bind(first + 2, d.department).Bind(first + 3, d.category);
    q.Bind(first + 4, static_cast<std::int64_t>(d.priority)).Bind(first + 5, static_cast<std::int64_t>(d.type));
    return q.Bind(first + 6, d.location_id);
}

std::optional<std::int64_t> OptionalDay(std::int64_t day) {
    return day == kpi::kNoDay ? std::nullopt : std::optional<std::int64_t>(day);
}

}  // namespace

std::string FilterSqlWith(const kpi::Filter& f, const AddInt& add_int, const AddText& add_text) {
    std::string sql;
    if (!f.groups.empty()) {
        sql += " AND group_id IN (";
        for (std::size_t i = 0; i < f.groups.size(); ++i) sql += (i ? ", " : "") + add_int(f.groups[i]);
        sql += ")";
    }
    if (f.agent_id >= 0) sql += " AND agent_id = " + add_int(f.agent_id);
    if (!f.department.empty()) sql += " AND department = " + add_text(f.department);
    if (!f.category.empty()) sql += " AND category = " + add_text(f.category);
    if (f.priority > 0) sql += " AND priority = " + add_int(f.priority);
    if (f.type >= 0) sql += " AND type = " + add_int(f.type);
    if (f.location_id >= 0) sql += " AND location_id = " + add_int(f.location_id);
    return sql;
}

namespace {

// " AND group_id IN (?3, ?4) AND agent_id = ?5 ...": the filter as SQL, its values appended to `binds`
// (texts and integers, bound in order from `next`).
struct Binds {
    std::vector<std::int64_t> ints;
    std::vector<std::string> texts;
    std::vector<bool> is_text;
};

std::string FilterSql(const kpi::Filter& f, int next, Binds* b) {
    auto add_int = [&](std::int64_t v) {
        b->ints.push_back(v);
        b->texts.emplace_back();
        b->is_text.push_back(false);
        return Param(next++);
    };
    auto add_text = [&](const std::string& v) {
        b->ints.push_back(0);
        b->texts.push_back(v);
        b->is_text.push_back(true);
        return Param(next++);
    };
    return FilterSqlWith(f, add_int, add_text);
}

void ApplyBinds(Query& q, int first, const Binds& b) {
    for (std::size_t i = 0; i < b.ints.size(); ++i) {
        if (b.is_text[i]) q.Bind(first + static_cast<int>(i), std::string_view(b.texts[i]));
        else q.Bind(first + static_cast<int>(i), b.ints[i]);
    }
}

kpi::Cell ReadCell(const Query& q, int first) {
    kpi::Cell c;
    for (int i = 0; i < kCellWidth; ++i) c.v[i] = q.Int(first + i);
    return c;
}

}  // namespace

// [SECTION] Keeping them ------------------------------------------------------------------------------

Result<std::vector<std::int64_t>> ListDirtyRequests(Database& db, int limit) {
    auto q = db.Prepare("SELECT request_id FROM report_dirty ORDER BY request_id LIMIT ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, static_cast<std::int64_t>(limit));
    std::vector<std::int64_t> out;
    for (;;) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) return out;
        out.push_back(q->Int(0));
    }
}

Result<Unit> ClearDirtyThrough(Database& db, std::int64_t request_id) {
    auto q = db.Prepare("DELETE FROM report_dirty WHERE request_id <= ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, request_id);
    return q->Run();
}

Result<std::int64_t> CountDirty(Database& db) {
    auto q = db.Prepare("SELECT COUNT(*) FROM report_dirty");
    if (!q.ok()) return q.error();
    auto row = q->Step();
    if (!row.ok()) return row.error();
    return q->Int(0);
}

Result<Unit> ResetReports(Database& db) {
    for (const char* sql : {"DELETE FROM report_facts", "DELETE FROM report_daily", "DELETE FROM report_backlog",
                            "INSERT OR IGNORE INTO report_dirty (request_id) SELECT id FROM requests"}) {
        auto q = db.Prepare(sql);
        if (!q.ok()) return q.error();
        if (auto r = q->Run(); !r.ok()) return r.error();
    }
    return Unit{};
}

Result<std::optional<std::string>> ReportTimeZone(Database& db) {
    auto q = db.Prepare("SELECT time_zone FROM report_settings WHERE id = 1");
    if (!q.ok()) return q.error();
    auto row = q->Step();
    if (!row.ok()) return row.error();
    if (!*row) return std::optional<std::string>();
    return std::optional<std::string>(q->Text(0));
}

Result<Unit> SetReportTimeZone(Database& db, const std::string& zone) {
    auto q = db.Prepare(
        "INSERT INTO report_settings (id, time_zone) VALUES (1, ?1) ON CONFLICT (id) DO UPDATE SET time_zone = ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, zone);
    return q->Run();
}

Result<std::optional<kpi::RequestRecord>> LoadReportRecord(Database& db, std::int64_t request_id) {
    auto q = db.Prepare(
        "SELECT r.type, r.status, r.priority, COALESCE(r.group_id, 0), COALESCE(r.assignee_id, 0), r.department, "
        "COALESCE((SELECT json_extract(c.definition, '$.category') FROM catalog_items c "
        "          WHERE c.id = r.catalog_item_id), ''), "
        "COALESCE(v.location_id, 0), COALESCE(v.first_contact, 0), r.sla_policy, r.created_at, r.first_response_at, "
        "r.resolved_at, r.closed_at, COALESCE(r.resolved_by, 0), COALESCE(s.score, 0), COALESCE(s.effort, 0), "
        "COALESCE(s.answered_at, 0) "
        "FROM requests r LEFT JOIN surveys s ON s.request_id = r.id "
        "LEFT JOIN walkup_visits v ON v.id = (SELECT MIN(id) FROM walkup_visits WHERE request_id = r.id) "
        "WHERE r.id = ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, request_id);
    auto row = q->Step();
    if (!row.ok()) return row.error();
    if (!*row) return std::optional<kpi::RequestRecord>();
    kpi::RequestRecord r;
    if (!ParseRequestType(q->Text(0), &r.type) || !ParseStatus(q->Text(1), &r.status))
        return MakeError(ErrorCode::internal, "Stored request " + std::to_string(request_id) + " has a bad type or status.");
    const std::int64_t priority = q->Int(2);
    r.priority = priority >= 1 && priority <= 5 ? static_cast<Priority>(priority) : Priority::planning;
    r.dims.group_id = q->Int(3);
    r.dims.agent_id = q->Int(4);
    r.dims.department = q->Text(5);
    r.dims.category = q->Text(6);
    r.dims.location_id = q->Int(7);
    r.walkup_first_contact = q->Int(8) != 0;
    r.sla_policy = q->Text(9);
    r.created_at = q->Int(10);
    r.first_response_at = q->Int(11);
    r.resolved_at = q->Int(12);
    r.closed_at = q->Int(13);
    r.resolved_by = q->Int(14);
    r.survey_score = static_cast<int>(q->Int(15));
    r.survey_effort = static_cast<int>(q->Int(16));
    r.survey_at = q->Int(17);

    auto pauses = ListPauses(db, RequestId(request_id));
    if (!pauses.ok()) return pauses.error();
    r.pauses = std::move(*pauses);
    auto h = db.Prepare(
        "SELECT field, old_value, new_value FROM request_history WHERE request_id = ?1 "
        "AND field IN ('status', 'assignee', 'group') ORDER BY id");
    if (!h.ok()) return h.error();
    h->Bind(1, request_id);
    for (;;) {
        auto more = h->Step();
        if (!more.ok()) return more.error();
        if (!*more) break;
        r.history.push_back({h->Text(0), h->Text(1), h->Text(2)});
    }
    return std::optional<kpi::RequestRecord>(std::move(r));
}

namespace {
const char* const kFactColumns =
    "group_id, agent_id, department, category, priority, type, location_id, created_day, created_hour, "
    "responded_day, frt_business_ms, frt_calendar_ms, response, resolved_day, ttr_business_ms, ttr_calendar_ms, "
    "resolution, done_day, cancelled, fcr, reopened, escalated, survey_day, score, effort";

std::int64_t DayOrNone(const Query& q, int column) { return q.IsNull(column) ? kpi::kNoDay : q.Int(column); }
}  // namespace

Result<std::optional<kpi::Fact>> LoadFact(Database& db, std::int64_t request_id) {
    auto q = db.Prepare(std::string("SELECT ") + kFactColumns + " FROM report_facts WHERE request_id = ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, request_id);
    auto row = q->Step();
    if (!row.ok()) return row.error();
    if (!*row) return std::optional<kpi::Fact>();
    kpi::Fact f;
    f.dims = {q->Int(0), q->Int(1), q->Text(2), q->Text(3), static_cast<int>(q->Int(4)), static_cast<int>(q->Int(5)),
              q->Int(6)};
    f.created_day = DayOrNone(*q, 7);
    f.created_hour = static_cast<int>(q->Int(8));
    f.responded_day = DayOrNone(*q, 9);
    f.frt_business_ms = q->Int(10);
    f.frt_calendar_ms = q->Int(11);
    f.response = static_cast<kpi::SlaOutcome>(q->Int(12));
    f.resolved_day = DayOrNone(*q, 13);
    f.ttr_business_ms = q->Int(14);
    f.ttr_calendar_ms = q->Int(15);
    f.resolution = static_cast<kpi::SlaOutcome>(q->Int(16));
    f.done_day = DayOrNone(*q, 17);
    f.cancelled = q->Int(18) != 0;
    f.fcr = q->Int(19) != 0;
    f.reopened = q->Int(20) != 0;
    f.escalated = q->Int(21) != 0;
    f.survey_day = DayOrNone(*q, 22);
    f.score = static_cast<int>(q->Int(23));
    f.effort = static_cast<int>(q->Int(24));
    return std::optional<kpi::Fact>(std::move(f));
}

Result<Unit> SaveFact(Database& db, std::int64_t request_id, const kpi::Fact& f) {
    auto q = db.Prepare(std::string("INSERT OR REPLACE INTO report_facts (request_id, ") + kFactColumns +
                        ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
                        "?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)");
    if (!q.ok()) return q.error();
    q->Bind(1, request_id);
    BindDims(*q, 2, f.dims);
    q->Bind(9, OptionalDay(f.created_day)).Bind(10, static_cast<std::int64_t>(f.created_hour));
    q->Bind(11, OptionalDay(f.responded_day)).Bind(12, f.frt_business_ms).Bind(13, f.frt_calendar_ms);
    q->Bind(14, static_cast<std::int64_t>(f.response)).Bind(15, OptionalDay(f.resolved_day));
    q->Bind(16, f.ttr_business_ms).Bind(17, f.ttr_calendar_ms).Bind(18, static_cast<std::int64_t>(f.resolution));
    q->Bind(19, OptionalDay(f.done_day)).Bind(20, static_cast<std::int64_t>(f.cancelled));
    q->Bind(21, static_cast<std::int64_t>(f.fcr)).Bind(22, static_cast<std::int64_t>(f.reopened));
    q->Bind(23, static_cast<std::int64_t>(f.escalated)).Bind(24, OptionalDay(f.survey_day));
    q->Bind(25, static_cast<std::int64_t>(f.score)).Bind(26, static_cast<std::int64_t>(f.effort));
    return q->Run();
}

Result<Unit> DeleteFact(Database& db, std::int64_t request_id) {
    auto q = db.Prepare("DELETE FROM report_facts WHERE request_id = ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, request_id);
    return q->Run();
}

Result<Unit> AddToCell(Database& db, std::int64_t day, const kpi::Dims& dims, const kpi::Cell& cell) {
    static const std::string sql = [] {
        std::string values;
        for (int i = 0; i < kCellWidth; ++i) values += ", " + Param(9 + i);
        std::string update;
        for (int i = 0; i < kCellWidth; ++i) {
            const std::string c = kpi::ColumnName(i);
            update += (i ? ", " : "") + c + " = " + c + " + excluded." + c;
        }
        return std::string("INSERT INTO report_daily (day, ") + kDimColumns + ", " + CellColumns("", "") +
               ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8" + values + ") ON CONFLICT (day, " + kDimColumns +
               ") DO UPDATE SET " + update;
    }();
    auto q = db.Prepare(sql);
    if (!q.ok()) return q.error();
    q->Bind(1, day);
    BindDims(*q, 2, dims);
    for (int i = 0; i < kCellWidth; ++i) q->Bind(9 + i, cell.v[i]);
    return q->Run();
}

Result<Unit> AddToOpen(Database& db, const kpi::Dims& dims, int delta) {
    auto q = db.Prepare(std::string("INSERT INTO report_backlog (") + kDimColumns +
                        ", open) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (" + kDimColumns +
                        ") DO UPDATE SET open = open + excluded.open");
    if (!q.ok()) return q.error();
    BindDims(*q, 1, dims);
    q->Bind(8, static_cast<std::int64_t>(delta));
    return q->Run();
}

// [SECTION] Reading them ----------------------------------------------------------------------------

namespace {
constexpr std::pair<ReportDimension, std::string_view> kDimensions[] = {
    {ReportDimension::group, "group"},       {ReportDimension::agent, "agent"},
    {ReportDimension::department, "department"}, {ReportDimension::category, "category"},
    {ReportDimension::priority, "priority"}, {ReportDimension::type, "type"},
    {ReportDimension::location, "location"},
};
const char* DimensionColumn(ReportDimension d) {
    switch (d) {
        case ReportDimension::group: return "group_id";
        case ReportDimension::agent: return "agent_id";
        case ReportDimension::department: return "department";
        case ReportDimension::category: return "category";
        case ReportDimension::priority: return "priority";
        case ReportDimension::type: return "type";
        case ReportDimension::location: return "location_id";
    }
    return "group_id";
}
}  // namespace

bool ParseReportDimension(std::string_view text, ReportDimension* out) {
    for (const auto& [d, name] : kDimensions)
        if (name == text) {
            *out = d;
            return true;
        }
    return false;
}

std::string_view ReportDimensionName(ReportDimension d) {
    for (const auto& [dim, name] : kDimensions)
        if (dim == d) return name;
    return "group";
}

Result<std::vector<std::pair<std::int64_t, kpi::Cell>>> SumByDay(Database& db, const kpi::Filter& filter,
                                                                 std::int64_t from_day, std::int64_t to_day) {
    Binds binds;
    const std::string where = FilterSql(filter, 3, &binds);
    auto q = db.Prepare("SELECT day, " + CellColumns("SUM(", ")") +
                        " FROM report_daily WHERE day BETWEEN ?1 AND ?2" + where + " GROUP BY day ORDER BY day");
    if (!q.ok()) return q.error();
    q->Bind(1, from_day).Bind(2, to_day);
    ApplyBinds(*q, 3, binds);
    std::vector<std::pair<std::int64_t, kpi::Cell>> out;
    for (;;) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) return out;
        out.emplace_back(q->Int(0), ReadCell(*q, 1));
    }
}

Result<std::vector<std::pair<std::string, kpi::Cell>>> SumByDimension(Database& db, const kpi::Filter& filter,
                                                                      std::int64_t from_day, std::int64_t to_day,
                                                                      ReportDimension by) {
    Binds binds;
    const std::string where = FilterSql(filter, 3, &binds);
    const std::string column = DimensionColumn(by);
    auto q = db.Prepare("SELECT " + column + ", " + CellColumns("SUM(", ")") +
                        " FROM report_daily WHERE day BETWEEN ?1 AND ?2" + where + " GROUP BY " + column +
                        " ORDER BY " + column);
    if (!q.ok()) return q.error();
    q->Bind(1, from_day).Bind(2, to_day);
    ApplyBinds(*q, 3, binds);
    std::vector<std::pair<std::string, kpi::Cell>> out;
    for (;;) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) return out;
        out.emplace_back(q->Text(0), ReadCell(*q, 1));
    }
}

Result<std::int64_t> OpenNow(Database& db, const kpi::Filter& filter) {
    Binds binds;
    const std::string where = FilterSql(filter, 1, &binds);
    auto q = db.Prepare("SELECT COALESCE(SUM(open), 0) FROM report_backlog WHERE 1" + where);
    if (!q.ok()) return q.error();
    ApplyBinds(*q, 1, binds);
    auto row = q->Step();
    if (!row.ok()) return row.error();
    return q->Int(0);
}

Result<std::array<std::int64_t, kpi::kAgeBuckets>> OpenByAge(Database& db, const kpi::Filter& filter, std::int64_t today) {
    // Only the open facts (their partial index, as large as the backlog), counted per creation day.
    Binds binds;
    const std::string where = FilterSql(filter, 1, &binds);
    auto q = db.Prepare("SELECT created_day, COUNT(*) FROM report_facts WHERE done_day IS NULL AND created_day IS NOT NULL" +
                        where + " GROUP BY created_day");
    if (!q.ok()) return q.error();
    ApplyBinds(*q, 1, binds);
    std::array<std::int64_t, kpi::kAgeBuckets> out{};
    for (;;) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) return out;
        out[static_cast<std::size_t>(kpi::AgeBucket(q->Int(0), today))] += q->Int(1);
    }
}

Result<std::optional<std::int64_t>> CountDeflections(Database& db, const kpi::Filter& filter, Timestamp from, Timestamp to) {
    if (!filter.groups.empty() || filter.agent_id >= 0 || filter.priority > 0 || filter.type >= 0 || filter.location_id >= 0)
        return std::optional<std::int64_t>();
    std::string sql = "SELECT COUNT(*) FROM kb_deflections d";
    if (!filter.department.empty() || !filter.category.empty())
        sql += " JOIN catalog_items c ON c.id = d.catalog_item_id";
    sql += " WHERE d.at >= ?1 AND d.at < ?2";
    if (!filter.department.empty()) sql += " AND c.department = ?3";
    if (!filter.category.empty()) sql += " AND json_extract(c.definition, '$.category') = ?4";
    auto q = db.Prepare(sql);
    if (!q.ok()) return q.error();
    q->Bind(1, from).Bind(2, to);
    if (!filter.department.empty()) q->Bind(3, std::string_view(filter.department));
    if (!filter.category.empty()) q->Bind(4, std::string_view(filter.category));
    auto row = q->Step();
    if (!row.ok()) return row.error();
    return std::optional<std::int64_t>(q->Int(0));
}

Result<std::optional<kpi::WalkupTotals>> SumVisits(Database& db, const kpi::Filter& filter, Timestamp from, Timestamp to) {
    if (!filter.groups.empty() || !filter.department.empty() || !filter.category.empty() || filter.priority > 0 ||
        filter.type >= 0 || filter.location_id == 0)
        return std::optional<kpi::WalkupTotals>();
    std::string sql =
        "SELECT status, queue_at, called_at, started_at, ended_at, first_contact FROM walkup_visits "
        "WHERE checked_in_at >= ?1 AND checked_in_at < ?2";
    if (filter.location_id > 0) sql += " AND location_id = ?3";
    if (filter.agent_id >= 0) sql += filter.agent_id == 0 ? " AND agent_id IS NULL" : " AND agent_id = ?4";
    auto q = db.Prepare(sql);
    if (!q.ok()) return q.error();
    q->Bind(1, from).Bind(2, to);
    if (filter.location_id > 0) q->Bind(3, filter.location_id);
    if (filter.agent_id > 0) q->Bind(4, filter.agent_id);
    kpi::WalkupTotals out;
    for (;;) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) return std::optional<kpi::WalkupTotals>(out);
        kpi::Visit v;
        if (!walkup::ParseVisitStatus(q->Text(0), &v.status)) continue;  // a status this build doesn't know
        v.queue_at = q->Int(1);
        v.called_at = q->Int(2);
        v.started_at = q->Int(3);
        v.ended_at = q->Int(4);
        v.first_contact = q->Int(5) != 0;
        out.Add(v);
    }
}

namespace {
constexpr std::pair<DrillKind, std::string_view> kDrillKinds[] = {
    {DrillKind::created, "created"},     {DrillKind::resolved, "resolved"},       {DrillKind::breached, "breached"},
    {DrillKind::satisfied, "satisfied"}, {DrillKind::unsatisfied, "unsatisfied"}, {DrillKind::open, "open"},
};
}  // namespace

bool ParseDrillKind(std::string_view text, DrillKind* out) {
    for (const auto& [kind, name] : kDrillKinds)
        if (name == text) {
            *out = kind;
            return true;
        }
    return false;
}

std::string_view DrillKindName(DrillKind kind) {
    for (const auto& [k, name] : kDrillKinds)
        if (k == kind) return name;
    return "created";
}

std::string ReportSliceSql(const ReportSlice& slice, const AddInt& add_int, const AddText& add_text, bool correlated) {
    const DrillKind kind = slice.kind;
    const char* day_column = kind == DrillKind::created || kind == DrillKind::open           ? "created_day"
                             : kind == DrillKind::satisfied || kind == DrillKind::unsatisfied ? "survey_day"
                                                                                            : "resolved_day";
    const char* extra = kind == DrillKind::breached      ? " AND resolution = 2"
                        : kind == DrillKind::satisfied   ? " AND score >= 4"
                        : kind == DrillKind::unsatisfied ? " AND score BETWEEN 1 AND 3"
                        : kind == DrillKind::open        ? " AND done_day IS NULL"
                                                         : "";
    std::string sql = correlated ? "EXISTS (SELECT 1 FROM report_facts WHERE request_id = r.id AND "
                                 : "r.id IN (SELECT request_id FROM report_facts WHERE ";
    sql.append(day_column).append(" BETWEEN ").append(add_int(slice.from_day)).append(" AND ");
    sql.append(add_int(slice.to_day)).append(extra);
    sql += FilterSqlWith(slice.filter, add_int, add_text);
    sql += ")";
    return sql;
}

}  // namespace spoc::storage
