// Keeping the report rollups (see reports.h).
#include "server/app/reports.h"

#include <map>
#include <tuple>

#include "server/app/assignment.h"
#include "server/storage/reports_repo.h"
#include "server/storage/writer.h"

namespace spoc::app {

Result<kpi::ReportSetup> MakeReportSetup(const std::string& time_zone) {
    kpi::ReportSetup setup;
    if (!FindTimeZone(time_zone, &setup.zone))
        return MakeError(ErrorCode::bad_request, "Unknown reporting time zone \"" + time_zone + "\".", "time_zone");
    setup.policies = ServerSla().policies;
    setup.calendars = ServerSla().calendars;
    return setup;
}

namespace {

// What a set of requests' changes add to the rollups: each one's old fact out, its new one in,
// netted per (dims, day) cell and per dims' open count over the whole set, so the creates of one
// write batch (same day, mostly the same dims) touch each cell once.
struct Delta {
    std::map<std::pair<kpi::Dims, std::int64_t>, kpi::Cell> cells;
    std::map<kpi::Dims, int> open;
    void Add(const kpi::Fact& f, int sign) {
        for (const auto& [day, cell] : kpi::Contributions(f)) cells[{f.dims, day}].Add(cell, sign);
        if (f.done_day == kpi::kNoDay) open[f.dims] += sign;
    }
};

// One request: its fact recomputed and saved, the change added to `delta`.
Result<Unit> CollectOne(storage::Database& db, const kpi::ReportSetup& setup, std::int64_t id, Delta* delta) {
    auto old_fact = storage::LoadFact(db, id);
    if (!old_fact.ok()) return old_fact.error();
    auto record = storage::LoadReportRecord(db, id);
    if (!record.ok()) return record.error();
    std::optional<kpi::Fact> new_fact;
    if (*record) new_fact = kpi::FactOf(**record, setup);
    if (*old_fact == new_fact) return Unit{};
    if (*old_fact) delta->Add(**old_fact, -1);
    if (new_fact) delta->Add(*new_fact, +1);
    auto saved = new_fact ? storage::SaveFact(db, id, *new_fact) : storage::DeleteFact(db, id);
    if (!saved.ok()) return saved.error();
    return Unit{};
}

Result<Unit> WriteDelta(storage::Database& db, const Delta& delta) {
    for (const auto& [key, cell] : delta.cells)
        if (!cell.Empty())
            if (auto r = storage::AddToCell(db, key.second, key.first, cell); !r.ok()) return r.error();
    for (const auto& [dims, n] : delta.open)
        if (n != 0)
            if (auto r = storage::AddToOpen(db, dims, n); !r.ok()) return r.error();
    return Unit{};
}

}  // namespace

Result<std::int64_t> ApplyDirty(storage::Database& db, const kpi::ReportSetup& setup, std::int64_t limit) {
    std::int64_t done = 0;
    while (done < limit) {
        auto ids = storage::ListDirtyRequests(db, static_cast<int>(std::min<std::int64_t>(limit - done, 500)));
        if (!ids.ok()) return ids.error();
        if (ids->empty()) break;
        Delta delta;
        for (std::int64_t id : *ids)
            if (auto r = CollectOne(db, setup, id, &delta); !r.ok()) return r.error();
        if (auto r = WriteDelta(db, delta); !r.ok()) return r.error();
        // The ids came oldest first, and nothing above marks a request: these are the first ones.
        if (auto r = storage::ClearDirtyThrough(db, ids->back()); !r.ok()) return r.error();
        done += static_cast<std::int64_t>(ids->size());
    }
    return done;
}

Result<std::int64_t> CatchUpReports(storage::Writer& writer, const kpi::ReportSetup& setup, bool rebuild,
                                    const std::function<void()>& between_jobs) {
    auto reset = writer.Run([&](storage::Database& db) -> Result<Unit> {
        auto stored = storage::ReportTimeZone(db);
        if (!stored.ok()) return stored.error();
        const std::string zone(setup.zone.name);
        if (rebuild || !*stored || **stored != zone) {
            if (auto r = storage::ResetReports(db); !r.ok()) return r.error();
            if (auto r = storage::SetReportTimeZone(db, zone); !r.ok()) return r.error();
        }
        return Unit{};
    });
    if (!reset.ok()) return reset.error();
    std::int64_t total = 0;
    for (;;) {
        auto n = writer.Run([&](storage::Database& db) { return ApplyDirty(db, setup, 5000); });
        if (!n.ok()) return n.error();
        if (*n == 0) return total;
        total += *n;
        if (between_jobs) between_jobs();
    }
}

}  // namespace spoc::app
