// SQL for the scheduled SLA jobs (see escalation_repo.h).
#include "server/storage/escalation_repo.h"

#include <algorithm>
#include <tuple>

namespace spoc::storage {

namespace {

// The WHERE clauses repeat the partial indexes of migration 0004 term for term, so each scan walks
// its index from the soonest due time and stops after `limit` rows.
constexpr const char* kDueResponses =
    "SELECT id, response_due_at FROM requests "
    "WHERE status IN ('new', 'assigned', 'in_progress') AND first_response_at = 0 AND response_due_at > 0 "
    "AND response_breached_at = 0 AND response_due_at <= ?1 ORDER BY response_due_at LIMIT ?2";
constexpr const char* kDueResolutions =
    "SELECT id, resolution_due_at FROM requests "
    "WHERE status IN ('new', 'assigned', 'in_progress') AND resolution_due_at > 0 AND resolution_breached_at = 0 "
    "AND resolution_due_at <= ?1 ORDER BY resolution_due_at LIMIT ?2";

}  // namespace

Result<std::vector<DueBreach>> ListDueBreaches(Database& db, Timestamp now, int limit) {
    // (due, id, is_resolution) from both scans, merged soonest first.
    std::vector<std::tuple<Timestamp, std::int64_t, bool>> due;
    for (const bool resolution : {false, true}) {
        auto q = db.Prepare(resolution ? kDueResolutions : kDueResponses);
        if (!q.ok()) return q.error();
        q->Bind(1, now).Bind(2, limit);
        for (;;) {
            auto row = q->Step();
            if (!row.ok()) return row.error();
            if (!*row) break;
            due.emplace_back(q->Int(1), q->Int(0), resolution);
        }
    }
    std::sort(due.begin(), due.end());
    std::vector<DueBreach> out;
    for (const auto& [at, id, resolution] : due) {
        auto same = std::find_if(out.begin(), out.end(), [&](const DueBreach& b) { return b.id.value == id; });
        if (same == out.end()) {
            if (static_cast<int>(out.size()) >= limit) continue;
            out.push_back(DueBreach{RequestId(id), false, false});
            same = out.end() - 1;
        }
        (resolution ? same->resolution : same->response) = true;
    }
    return out;
}

Result<Unit> MarkBreaches(Database& db, RequestId id, Timestamp response_breached_at,
                          Timestamp resolution_breached_at) {
    // A mark already set keeps its instant; ?2 / ?3 = 0 leaves an unmarked clock unmarked.
    auto q = db.Prepare(
        "UPDATE requests SET "
        "response_breached_at = IIF(response_breached_at = 0, ?2, response_breached_at), "
        "resolution_breached_at = IIF(resolution_breached_at = 0, ?3, resolution_breached_at) "
        "WHERE id = ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, id.value).Bind(2, response_breached_at).Bind(3, resolution_breached_at);
    return q->Run();
}

Result<Unit> SetDueTimes(Database& db, RequestId id, Timestamp response_due_at, Timestamp resolution_due_at) {
    auto q = db.Prepare("UPDATE requests SET response_due_at = ?2, resolution_due_at = ?3 WHERE id = ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, id.value).Bind(2, response_due_at).Bind(3, resolution_due_at);
    return q->Run();
}

Result<BreachMarks> ReadBreachMarks(Database& db, RequestId id) {
    auto q = db.Prepare("SELECT response_breached_at, resolution_breached_at FROM requests WHERE id = ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, id.value);
    auto row = q->Step();
    if (!row.ok()) return row.error();
    if (!*row) return BreachMarks{};
    return BreachMarks{q->Int(0), q->Int(1)};
}

Result<std::vector<RequestId>> ListAutoCloseCandidates(Database& db, Timestamp resolved_before, int limit) {
    auto q = db.Prepare(
        "SELECT id FROM requests WHERE status = 'resolved' AND resolved_at > 0 AND resolved_at < ?1 "
        "ORDER BY resolved_at LIMIT ?2");
    if (!q.ok()) return q.error();
    q->Bind(1, resolved_before).Bind(2, limit);
    std::vector<RequestId> out;
    for (;;) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        out.push_back(RequestId(q->Int(0)));
    }
    return out;
}

}  // namespace spoc::storage
