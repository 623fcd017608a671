// Keeping the report rollups (issue 14): after every write job the writer recomputes the facts of
// the requests the job touched (kpi::FactOf) and moves their old contribution out of the daily
// cells and the new one in, in the same transaction (ApplyDirty). Start-up catches up on what a
// migration or a new reporting time zone marked, and --rebuild-reports recomputes everything.
// The dashboards' reads are in report_service.cpp.
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "server/storage/sqlite.h"
#include "shared/domain/kpi.h"

namespace spoc::storage {
class Writer;
}

namespace spoc::app {

// The reporting setup: the time zone by IANA name (error on an unknown one) and the server's SLA
// policies and calendars (assignment.cpp:ServerSla).
Result<kpi::ReportSetup> MakeReportSetup(const std::string& time_zone);
// Recomputes the facts of up to `limit` marked requests; returns how many it did.
Result<std::int64_t> ApplyDirty(storage::Database& db, const kpi::ReportSetup& setup, std::int64_t limit = INT64_MAX);
// Before the first job: when the stored zone differs (or none is stored), everything is marked
// for recomputing (`rebuild` marks everything anyway); then the marked requests are recomputed in
// jobs of a few thousand. Returns how many requests were recomputed.
// `between_jobs` (may be empty) runs after each job, outside any transaction: the server empties
// the WAL there, which a million requests' catch-up would otherwise grow by gigabytes.
Result<std::int64_t> CatchUpReports(storage::Writer& writer, const kpi::ReportSetup& setup, bool rebuild,
                                    const std::function<void()>& between_jobs = {});

}  // namespace spoc::app
