// The dashboards' reads (see report_service.h).
#include "server/app/report_service.h"

#include <algorithm>
#include <map>

#include "server/storage/agents_repo.h"
#include "server/storage/users_repo.h"
#include "server/storage/walkup_repo.h"
#include "shared/domain/i18n.h"
#include "shared/domain/request_builder.h"

namespace spoc::app {

using api::DayNumber;
using i18n::tr;

CivilDate ReportService::Today(Timestamp now) const { return UtcToLocal(m_setup.zone, now).date; }

Result<Unit> ScopeReportFilter(storage::Database& db, const User& caller, kpi::Filter* filter) {
    if (caller.role == Role::admin) return Unit{};
    if (caller.role != Role::agent) return MakeError(ErrorCode::forbidden, tr("Reports are for the service desk's staff."));
    auto groups = storage::ListGroups(db);
    if (!groups.ok()) return groups.error();
    std::vector<std::int64_t> mine;
    for (const AssignmentGroup& g : *groups)
        if (g.lead == caller.id || std::find(g.members.begin(), g.members.end(), caller.id) != g.members.end())
            mine.push_back(g.id);
    auto& wanted = filter->groups;
    for (std::int64_t id : wanted)
        if (std::find(mine.begin(), mine.end(), id) == mine.end())
            return MakeError(ErrorCode::forbidden, tr("You can see the reports of your own groups only."), "group");
    if (wanted.empty()) wanted = mine.empty() ? std::vector<std::int64_t>{-1} : mine;  // -1: no group at all
    return Unit{};
}

Result<Unit> ReportService::Scope(const User& caller, api::ReportQuery* query) const {
    auto lease = m_readers.Acquire();
    return ScopeReportFilter(*lease, caller, &query->filter);
}

// Deflections and walk-up visits of the period and the previous one, appended to the KPIs.
Result<Unit> ReportService::ServiceFigures(storage::Database& db, const kpi::Filter& asked, api::ReportSummary& out,
                                          const kpi::Cell& now_cell, const kpi::Cell& before_cell) const {
    auto start = [&](const CivilDate& d) { return LocalToUtc(m_setup.zone, d, 0); };
    auto end = [&](const CivilDate& d) { return LocalToUtc(m_setup.zone, CivilFromDays(DayNumber(d) + 1), 0); };
    const Timestamp from = start(out.query.from), to = end(out.query.to);
    const Timestamp prev_from = start(out.previous.from), prev_to = end(out.previous.to);
    auto deflections = storage::CountDeflections(db, asked, from, to);
    if (!deflections.ok()) return deflections.error();
    auto deflections_before = storage::CountDeflections(db, asked, prev_from, prev_to);
    if (!deflections_before.ok()) return deflections_before.error();
    api::AddDeflectionFigures(&out.kpis, *deflections, *deflections_before, now_cell, before_cell);
    auto visits = storage::SumVisits(db, asked, from, to);
    if (!visits.ok()) return visits.error();
    auto visits_before = storage::SumVisits(db, asked, prev_from, prev_to);
    if (!visits_before.ok()) return visits_before.error();
    api::AddWalkupFigures(&out.kpis, *visits, *visits_before);
    return Unit{};
}

Result<api::ReportSummary> ReportService::Summary(const User& caller, api::ReportQuery query, Timestamp now) const {
    // Deflections and walk-up visits have no assignment group: whether they apply depends on the
    // filter asked for, not on the groups an agent's scope adds.
    const kpi::Filter asked = query.filter;
    if (auto scoped = Scope(caller, &query); !scoped.ok()) return scoped.error();
    api::ReportSummary out;
    out.query = query;
    out.previous = api::PreviousPeriod(query);
    const std::int64_t from = DayNumber(query.from), to = DayNumber(query.to);
    const std::int64_t prev_from = DayNumber(out.previous.from);
    auto lease = m_readers.Acquire();
    // One scan from the previous period's start to the last day there is: the two periods' cells,
    // and what happened after the period, which takes the backlog back from now to its end.
    auto days = storage::SumByDay(*lease, query.filter, prev_from, std::max(to, DayNumber(Today(now))) + 2);
    if (!days.ok()) return days.error();
    auto open = storage::OpenNow(*lease, query.filter);
    if (!open.ok()) return open.error();
    out.open_now = *open;

    kpi::Cell now_cell, before_cell;
    std::map<std::int64_t, kpi::Cell> in_period;
    std::int64_t backlog_end = *open;  // walks back to the end of `to`
    for (const auto& [day, cell] : *days) {
        if (day > to) backlog_end -= cell[kpi::Counter::created] - cell[kpi::Counter::done];
        else if (day >= from) {
            now_cell.Add(cell);
            in_period[day] = cell;
        } else {
            before_cell.Add(cell);
        }
    }
    std::int64_t backlog = backlog_end;
    out.days.resize(static_cast<std::size_t>(to - from + 1));
    for (std::int64_t day = to; day >= from; --day) {
        api::DayFigures& f = out.days[static_cast<std::size_t>(day - from)];
        f.date = FormatDate(CivilFromDays(day));
        f.backlog = backlog;
        if (auto it = in_period.find(day); it != in_period.end()) {
            f.cell = it->second;
            backlog -= f.cell[kpi::Counter::created] - f.cell[kpi::Counter::done];
        }
    }
    out.kpis = api::KpiFigures(now_cell, before_cell, backlog_end, backlog);  // `backlog`: at the end of from - 1
    if (auto extra = ServiceFigures(*lease, asked, out, now_cell, before_cell); !extra.ok()) return extra.error();
    const CivilDate today = Today(now);
    out.as_of = FormatDate(today);
    auto ageing = storage::OpenByAge(*lease, query.filter, DayNumber(today));
    if (!ageing.ok()) return ageing.error();
    out.ageing = *ageing;
    for (api::DayFigures& f : out.days) {  // buckets and arrivals are not sent
        for (int i = kpi::kCounterCount; i < kpi::kCellWidth; ++i) f.cell.v[i] = 0;
    }
    return out;
}

namespace {

Result<std::map<std::string, std::string>> Labels(storage::Database& db, storage::ReportDimension by,
                                                  const std::vector<std::pair<std::string, kpi::Cell>>& rows) {
    std::map<std::string, std::string> out;
    switch (by) {
        case storage::ReportDimension::group: {
            auto groups = storage::ListGroups(db);
            if (!groups.ok()) return groups.error();
            for (const AssignmentGroup& g : *groups) out[std::to_string(g.id)] = g.name;
            out["0"] = tr("No group");
            break;
        }
        case storage::ReportDimension::agent:
            for (const auto& [key, cell] : rows) {
                const std::int64_t id = std::stoll(key);
                if (id == 0) {
                    out[key] = tr("Unassigned");
                    continue;
                }
                auto user = storage::FindUser(db, UserId(id));
                if (!user.ok()) return user.error();
                out[key] = *user ? (*user)->display_name : key;
            }
            break;
        case storage::ReportDimension::priority:
            for (int p = 1; p <= 5; ++p) out[std::to_string(p)] = std::string(PriorityLabel(static_cast<Priority>(p)));
            break;
        case storage::ReportDimension::type:
            out["0"] = std::string(RequestTypeLabel(RequestType::incident));
            out["1"] = std::string(RequestTypeLabel(RequestType::service_request));
            break;
        case storage::ReportDimension::location: {
            auto locations = storage::ListLocations(db);
            if (!locations.ok()) return locations.error();
            for (const auto& l : *locations) out[std::to_string(l.id)] = l.name;
            out["0"] = tr("Not at a walk-up desk");
            break;
        }
        case storage::ReportDimension::department:
        case storage::ReportDimension::category:
            out[""] = tr("None");
            break;
    }
    return out;
}

}  // namespace

Result<api::ReportBreakdown> ReportService::Breakdown(const User& caller, api::ReportQuery query,
                                                      storage::ReportDimension by) const {
    if (auto scoped = Scope(caller, &query); !scoped.ok()) return scoped.error();
    auto lease = m_readers.Acquire();
    auto rows = storage::SumByDimension(*lease, query.filter, DayNumber(query.from), DayNumber(query.to), by);
    if (!rows.ok()) return rows.error();
    auto labels = Labels(*lease, by, *rows);
    if (!labels.ok()) return labels.error();
    api::ReportBreakdown out;
    out.query = query;
    out.by = std::string(storage::ReportDimensionName(by));
    for (const auto& [key, cell] : *rows) {
        api::BreakdownRow row;
        row.key = key;
        auto label = labels->find(key);
        row.label = label != labels->end() ? label->second : key;
        row.median_ttr_ms = kpi::MedianTtrMs(cell, true);
        row.cell = cell;
        for (int i = kpi::kCounterCount; i < kpi::kCellWidth; ++i) row.cell.v[i] = 0;
        // Open now, for this value within the filter.
        kpi::Filter one = query.filter;
        const std::int64_t number = by == storage::ReportDimension::department || by == storage::ReportDimension::category
                                        ? 0
                                        : std::stoll(key);
        switch (by) {
            case storage::ReportDimension::group:
                if (!one.groups.empty() && std::find(one.groups.begin(), one.groups.end(), number) == one.groups.end())
                    continue;
                one.groups = {number};
                break;
            case storage::ReportDimension::agent: one.agent_id = number; break;
            case storage::ReportDimension::priority: one.priority = static_cast<int>(number); break;
            case storage::ReportDimension::type: one.type = static_cast<int>(number); break;
            case storage::ReportDimension::location: one.location_id = number; break;
            case storage::ReportDimension::department: one.department = key; break;
            case storage::ReportDimension::category: one.category = key; break;
        }
        if (!(by == storage::ReportDimension::department && key.empty()) &&
            !(by == storage::ReportDimension::category && key.empty())) {
            auto open = storage::OpenNow(*lease, one);
            if (!open.ok()) return open.error();
            row.open_now = *open;
        }
        out.rows.push_back(std::move(row));
    }
    return out;
}

Result<api::ReportHeatmap> ReportService::Heatmap(const User& caller, api::ReportQuery query) const {
    if (auto scoped = Scope(caller, &query); !scoped.ok()) return scoped.error();
    auto lease = m_readers.Acquire();
    auto days = storage::SumByDay(*lease, query.filter, DayNumber(query.from), DayNumber(query.to));
    if (!days.ok()) return days.error();
    api::ReportHeatmap out;
    out.query = query;
    for (const auto& [day, cell] : *days) {
        auto& row = out.arrivals[static_cast<std::size_t>(WeekdayFromDays(day))];
        for (int h = 0; h < kpi::kHours; ++h) row[static_cast<std::size_t>(h)] += cell.v[kpi::kArrivalsAt + h];
    }
    return out;
}

}  // namespace spoc::app
