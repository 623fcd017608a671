// The dashboards' reads (issue 14): who may see which reports (admins everything, agents their
// own groups, employees nothing), and the summary, breakdown and heat map summed from the daily
// cells that reports.cpp keeps. Each read is a handful of indexed range scans over report_daily,
// whatever the number of requests.
#pragma once
#include <string>

#include "server/storage/reader_pool.h"
#include "server/storage/reports_repo.h"
#include "shared/api/report_dto.h"
#include "shared/domain/request.h"

namespace spoc::app {

// Who may read which reports, applied to a filter: admins everything; agents their own groups (all
// of them when none is named; naming another is forbidden, field "group"); employees nothing. The
// report routes and the queue's report slices (GET /queue?report=) share it.
Result<Unit> ScopeReportFilter(storage::Database& db, const User& caller, kpi::Filter* filter);

class ReportService {
public:
    ReportService(storage::ReaderPool& readers, const kpi::ReportSetup& setup) : m_readers(readers), m_setup(setup) {}

    CivilDate Today(Timestamp now) const;  // the local date in the reporting time zone
    // Narrows the query to what the caller may see: employees are refused (403), an agent's groups
    // filter becomes their own groups (naming another group is refused), admins see everything.
    Result<Unit> Scope(const User& caller, api::ReportQuery* query) const;
    Result<api::ReportSummary> Summary(const User& caller, api::ReportQuery query, Timestamp now) const;
    Result<api::ReportBreakdown> Breakdown(const User& caller, api::ReportQuery query, storage::ReportDimension by) const;
    Result<api::ReportHeatmap> Heatmap(const User& caller, api::ReportQuery query) const;

private:
    Result<Unit> ServiceFigures(storage::Database& db, const kpi::Filter& asked, api::ReportSummary& out,
                                const kpi::Cell& now_cell, const kpi::Cell& before_cell) const;
    storage::ReaderPool& m_readers;
    const kpi::ReportSetup& m_setup;
};

}  // namespace spoc::app
