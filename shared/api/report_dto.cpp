// JSON codecs and the query of the reports (see report_dto.h), on the helpers of json_support.h.
#include "shared/api/report_dto.h"

#include "shared/api/json_support.h"
#include "shared/api/url.h"
#include "shared/domain/i18n.h"
#include "shared/domain/limits.h"
#include "shared/domain/text.h"

namespace spoc::api {

using namespace json_support;  // json, Reader, ParseObject, Guard, Dump

// [SECTION] The query -----------------------------------------------------------------------------

std::int64_t DayNumber(const CivilDate& d) { return DaysFromCivil(d.year, d.month, d.day); }
int PeriodDays(const ReportQuery& q) { return static_cast<int>(DayNumber(q.to) - DayNumber(q.from) + 1); }

namespace {

Error BadParam(std::string_view name, const std::string& what) {
    std::string message = "'";
    message.append(name).append("' ").append(what);
    return MakeError(ErrorCode::bad_request, message, std::string(name));
}

// A positive id of at most 15 digits.
bool ParseId(std::string_view text, std::int64_t* out) {
    if (text.empty() || text.size() > 15) return false;
    std::int64_t v = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    if (v <= 0) return false;
    *out = v;
    return true;
}

Result<std::string> PlainParam(std::string_view name, const std::string& value) {
    const std::string text(Trim(value));
    if (text.size() > 4 * limits::kMaxDepartment) return BadParam(name, "is too long.");
    if (std::string problem = PlainTextProblem(text, false, "'" + std::string(name) + "'"); !problem.empty())
        return MakeError(ErrorCode::bad_request, std::move(problem), std::string(name));
    return text;
}

// "none" -> 0, an id -> itself, "" -> -1 (any).
Result<std::int64_t> IdOrNone(std::string_view name, const std::string& value) {
    if (value.empty()) return std::int64_t{-1};
    if (value == "none") return std::int64_t{0};
    std::int64_t id = 0;
    if (!ParseId(value, &id)) return BadParam(name, "must be an id or 'none'.");
    return id;
}

}  // namespace

Result<ReportQuery> DecodeReportQuery(const std::function<std::string(std::string_view)>& param, CivilDate today) {
    ReportQuery q;
    const std::string from = param("from"), to = param("to");
    q.to = today;
    if (!to.empty() && !ParseDate(to, &q.to)) return BadParam("to", "must be a date (YYYY-MM-DD).");
    q.from = CivilFromDays(DayNumber(q.to) - (kDefaultReportDays - 1));
    if (!from.empty() && !ParseDate(from, &q.from)) return BadParam("from", "must be a date (YYYY-MM-DD).");
    if (DayNumber(q.from) > DayNumber(q.to)) return BadParam("from", "must not be after 'to'.");
    if (PeriodDays(q) > kMaxReportDays)
        return BadParam("from", "must be at most " + std::to_string(kMaxReportDays) + " days before 'to'.");

    const std::string groups = param("group");
    if (groups.size() > kMaxReportGroups * 16) return BadParam("group", "names too many groups.");
    for (std::string_view rest = groups; !rest.empty();) {
        const std::size_t comma = rest.find(',');
        const std::string_view item = rest.substr(0, comma);
        std::int64_t id = 0;
        if (!ParseId(item, &id)) return BadParam("group", "must be group ids separated by commas.");
        q.filter.groups.push_back(id);
        if (q.filter.groups.size() > kMaxReportGroups) return BadParam("group", "names too many groups.");
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        if (comma != std::string_view::npos && rest.empty()) return BadParam("group", "must be group ids separated by commas.");
    }
    auto agent = IdOrNone("agent", param("agent"));
    if (!agent.ok()) return agent.error();
    q.filter.agent_id = *agent;
    auto location = IdOrNone("location", param("location"));
    if (!location.ok()) return location.error();
    q.filter.location_id = *location;
    auto department = PlainParam("department", param("department"));
    if (!department.ok()) return department.error();
    q.filter.department = *department;
    auto category = PlainParam("category", param("category"));
    if (!category.ok()) return category.error();
    q.filter.category = *category;
    if (const std::string p = param("priority"); !p.empty()) {
        if (p.size() != 1 || p[0] < '1' || p[0] > '5') return BadParam("priority", "must be 1 to 5.");
        q.filter.priority = p[0] - '0';
    }
    if (const std::string t = param("type"); !t.empty()) {
        RequestType type;
        if (!ParseRequestType(t, &type)) return BadParam("type", "must be incident or service_request.");
        q.filter.type = type == RequestType::incident ? 0 : 1;
    }
    return q;
}

Result<SliceQuery> DecodeSliceQuery(std::string_view rq, bool open_slice) {
    const bool open_ended = open_slice && QueryValue(rq, "from").empty();
    if ((QueryValue(rq, "from").empty() && !open_ended) || QueryValue(rq, "to").empty())
        return MakeError(ErrorCode::bad_request, "'rq' must name the report's from and to (an open slice may leave out from).",
                         "rq");
    // An open-ended slice is decoded as the one-day period [to, to]; from is dropped after.
    auto decoded = DecodeReportQuery(
        [&](std::string_view name) { return QueryValue(rq, open_ended && name == "from" ? "to" : name); }, CivilDate{});
    if (!decoded.ok()) return decoded.error();
    SliceQuery out;
    if (!open_ended) out.from = decoded->from;
    out.to = decoded->to;
    out.filter = std::move(decoded->filter);
    return out;
}

std::string EncodeReportQuery(const ReportQuery& q) {
    std::string out = "from=" + FormatDate(q.from) + "&to=" + FormatDate(q.to);
    if (!q.filter.groups.empty()) {
        out += "&group=";
        for (std::size_t i = 0; i < q.filter.groups.size(); ++i)
            out += (i ? "," : "") + std::to_string(q.filter.groups[i]);
    }
    auto id_or_none = [](std::int64_t id) { return id == 0 ? std::string("none") : std::to_string(id); };
    if (q.filter.agent_id >= 0) out += "&agent=" + id_or_none(q.filter.agent_id);
    if (!q.filter.department.empty()) out += "&department=" + PercentEncode(q.filter.department);
    if (!q.filter.category.empty()) out += "&category=" + PercentEncode(q.filter.category);
    if (q.filter.priority > 0) out += "&priority=" + std::to_string(q.filter.priority);
    if (q.filter.type >= 0) out += q.filter.type == 0 ? "&type=incident" : "&type=service_request";
    if (q.filter.location_id >= 0) out += "&location=" + id_or_none(q.filter.location_id);
    return out;
}

ReportQuery PreviousPeriod(const ReportQuery& q) {
    ReportQuery p = q;
    const int days = PeriodDays(q);
    p.to = CivilFromDays(DayNumber(q.from) - 1);
    p.from = CivilFromDays(DayNumber(q.from) - days);
    return p;
}

// [SECTION] KPI figures -------------------------------------------------------------------------------

std::string_view KpiUnitName(KpiUnit u) {
    switch (u) {
        case KpiUnit::percent: return "percent";
        case KpiUnit::duration_ms: return "duration_ms";
        case KpiUnit::count: return "count";
        case KpiUnit::score: return "score";
    }
    return "count";
}

namespace {
bool ParseKpiUnit(std::string_view text, KpiUnit* out) {
    for (KpiUnit u : {KpiUnit::percent, KpiUnit::duration_ms, KpiUnit::count, KpiUnit::score})
        if (KpiUnitName(u) == text) {
            *out = u;
            return true;
        }
    return false;
}

std::optional<double> AsDouble(std::optional<std::int64_t> v) {
    return v ? std::optional<double>(static_cast<double>(*v)) : std::nullopt;
}
}  // namespace

std::vector<KpiFigure> KpiFigures(const kpi::Cell& now, const kpi::Cell& before, std::int64_t backlog_end,
                                  std::int64_t backlog_before) {
    using kpi::Counter;
    std::vector<KpiFigure> out;
    auto ratio = [&](const char* key, kpi::Ratio (*fn)(const kpi::Cell&), std::optional<double> target,
                     bool higher = true) {
        const kpi::Ratio r = fn(now);
        out.push_back({key, KpiUnit::percent, r.Percent(), fn(before).Percent(), r.num, r.den, target, higher});
    };
    auto duration = [&](const char* key, std::optional<std::int64_t> (*fn)(const kpi::Cell&, bool), bool business) {
        out.push_back({key, KpiUnit::duration_ms, AsDouble(fn(now, business)), AsDouble(fn(before, business)), 0, 0,
                       std::nullopt, false});
    };
    auto count = [&](const char* key, std::int64_t a, std::int64_t b, bool higher) {
        out.push_back({key, KpiUnit::count, static_cast<double>(a), static_cast<double>(b), a, 0, std::nullopt, higher});
    };
    // The executive six first (kExecutiveKpis).
    ratio("csat", kpi::Csat, kpi::kCsatTarget);
    ratio("fcr", kpi::Fcr, kpi::kFcrTarget);
    ratio("sla_resolution", kpi::ResolutionCompliance, kpi::kSlaTarget);
    duration("mttr", kpi::MeanTtrMs, true);
    duration("frt", kpi::MeanFrtMs, true);
    count("backlog", backlog_end, backlog_before, false);
    // The rest.
    ratio("sla_response", kpi::ResponseCompliance, kpi::kSlaTarget);
    duration("median_ttr", kpi::MedianTtrMs, true);
    duration("mttr_calendar", kpi::MeanTtrMs, false);
    duration("frt_calendar", kpi::MeanFrtMs, false);
    count("created", now[Counter::created], before[Counter::created], true);
    count("resolved", now[Counter::resolved], before[Counter::resolved], true);
    ratio("reopen_rate", kpi::ReopenRate, std::nullopt, false);
    ratio("escalation_rate", kpi::EscalationRate, std::nullopt, false);
    out.push_back({"ces", KpiUnit::score, kpi::Ces(now), kpi::Ces(before), now[Counter::effort_sum],
                   now[Counter::effort_answers], std::nullopt, true});
    return out;
}

void AddDeflectionFigures(std::vector<KpiFigure>* out, std::optional<std::int64_t> now, std::optional<std::int64_t> before,
                          const kpi::Cell& cell_now, const kpi::Cell& cell_before) {
    if (!now) return;
    const std::int64_t was = before.value_or(0);
    out->push_back({"deflections", KpiUnit::count, static_cast<double>(*now), static_cast<double>(was), *now, 0,
                    std::nullopt, true});
    const kpi::Ratio r = kpi::DeflectionRate(*now, cell_now[kpi::Counter::created]);
    const kpi::Ratio p = kpi::DeflectionRate(was, cell_before[kpi::Counter::created]);
    out->push_back({"deflection_rate", KpiUnit::percent, r.Percent(), p.Percent(), r.num, r.den, std::nullopt, true});
}

void AddWalkupFigures(std::vector<KpiFigure>* out, const std::optional<kpi::WalkupTotals>& now,
                      const std::optional<kpi::WalkupTotals>& before) {
    if (!now) return;
    const kpi::WalkupTotals was = before.value_or(kpi::WalkupTotals{});
    out->push_back({"walkup_visits", KpiUnit::count, static_cast<double>(now->visits), static_cast<double>(was.visits),
                    now->visits, 0, std::nullopt, true});
    out->push_back({"walkup_wait", KpiUnit::duration_ms, AsDouble(kpi::MeanWaitMs(*now)), AsDouble(kpi::MeanWaitMs(was)),
                    now->called, 0, std::nullopt, false});
    out->push_back({"walkup_service", KpiUnit::duration_ms, AsDouble(kpi::MeanServiceMs(*now)),
                    AsDouble(kpi::MeanServiceMs(was)), now->served, 0, std::nullopt, false});
    const kpi::Ratio ns = kpi::NoShowRate(*now);
    out->push_back({"walkup_no_show", KpiUnit::percent, ns.Percent(), kpi::NoShowRate(was).Percent(), ns.num, ns.den,
                    std::nullopt, false});
    const kpi::Ratio dr = kpi::DeskResolution(*now);
    out->push_back({"walkup_resolution", KpiUnit::percent, dr.Percent(), kpi::DeskResolution(was).Percent(), dr.num,
                    dr.den, std::nullopt, true});
}

// [SECTION] JSON ---------------------------------------------------------------------------------------

namespace {

json QueryJson(const ReportQuery& q) {
    json j = {{"from", FormatDate(q.from)}, {"to", FormatDate(q.to)}, {"query", EncodeReportQuery(q)}};
    return j;
}

// The query echoed back: read through the same decoder as a URL.
ReportQuery ReadQuery(Reader& r, const char* key) {
    const json* o = r.Object(key);
    ReportQuery q;
    if (o == nullptr) return q;
    Reader inner(*o, std::string(key) + ".");
    const std::string text = inner.String("query", true, 4096);
    if (inner.failed()) {
        r.Adopt(inner.error());
        return q;
    }
    auto param = [&](std::string_view name) { return QueryValue(text, name); };
    auto decoded = DecodeReportQuery(param, CivilDate{});
    if (!decoded.ok()) r.Adopt(decoded.error());
    else q = *decoded;
    return q;
}

json CountersJson(const kpi::Cell& c) {
    json j = json::object();
    for (int i = 0; i < kpi::kCounterCount; ++i) j[kpi::ColumnName(i)] = c.v[i];
    return j;
}

kpi::Cell ReadCounters(Reader& r, const char* key) {
    kpi::Cell c;
    const json* o = r.Object(key);
    if (o == nullptr) return c;
    Reader inner(*o, r.prefix() + key + ".");
    for (int i = 0; i < kpi::kCounterCount; ++i) c.v[i] = inner.Int(kpi::ColumnName(i).c_str());
    if (inner.failed()) r.Adopt(inner.error());
    return c;
}

json Optional(std::optional<double> v) { return v ? json(*v) : json(nullptr); }

}  // namespace

std::string EncodeReportSummary(const ReportSummary& s) {
    json kpis = json::array();
    for (const KpiFigure& k : s.kpis)
        kpis.push_back({{"key", k.key},
                        {"unit", KpiUnitName(k.unit)},
                        {"value", Optional(k.value)},
                        {"previous", Optional(k.previous)},
                        {"num", k.num},
                        {"den", k.den},
                        {"target", Optional(k.target)},
                        {"higher_is_better", k.higher_is_better}});
    json days = json::array();
    for (const DayFigures& d : s.days)
        days.push_back({{"date", d.date}, {"backlog", d.backlog}, {"counters", CountersJson(d.cell)}});
    return Dump(json{{"query", QueryJson(s.query)},
                     {"previous", QueryJson(s.previous)},
                     {"kpis", std::move(kpis)},
                     {"days", std::move(days)},
                     {"open_now", s.open_now},
                     {"as_of", s.as_of},
                     {"ageing", s.ageing}});
}

Result<ReportSummary> DecodeReportSummary(std::string_view body) {
    return Guard<ReportSummary>([&]() -> Result<ReportSummary> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        ReportSummary s;
        s.query = ReadQuery(r, "query");
        s.previous = ReadQuery(r, "previous");
        s.open_now = r.Int("open_now");
        s.as_of = r.String("as_of", false, 16);
        if (const json* kpis = r.Array("kpis"))
            for (const json& k : *kpis) {
                if (!k.is_object()) return MakeError(ErrorCode::bad_request, "'kpis' must hold objects.", "kpis");
                Reader kr(k, "kpis.");
                KpiFigure f;
                f.key = kr.String("key", true, 64);
                f.unit = kr.Enum("unit", KpiUnit::count, ParseKpiUnit);
                f.value = kr.Number("value");
                f.previous = kr.Number("previous");
                f.num = kr.Int("num");
                f.den = kr.Int("den");
                f.target = kr.Number("target");
                f.higher_is_better = kr.Bool("higher_is_better", true);
                if (kr.failed()) return kr.error();
                s.kpis.push_back(std::move(f));
            }
        if (const json* ageing = r.Array("ageing")) {
            if (ageing->size() != s.ageing.size())
                return MakeError(ErrorCode::bad_request, "'ageing' must hold one count per age bucket.", "ageing");
            for (std::size_t i = 0; i < s.ageing.size(); ++i) {
                if (!(*ageing)[i].is_number_integer())
                    return MakeError(ErrorCode::bad_request, "'ageing' must hold whole numbers.", "ageing");
                s.ageing[i] = (*ageing)[i].get<std::int64_t>();
            }
        }
        if (const json* days = r.Array("days"))
            for (const json& d : *days) {
                if (!d.is_object()) return MakeError(ErrorCode::bad_request, "'days' must hold objects.", "days");
                Reader dr(d, "days.");
                DayFigures f;
                f.date = dr.String("date", true, 16);
                f.backlog = dr.Int("backlog");
                f.cell = ReadCounters(dr, "counters");
                if (dr.failed()) return dr.error();
                s.days.push_back(std::move(f));
            }
        if (r.failed()) return r.error();
        return s;
    });
}

std::string EncodeReportBreakdown(const ReportBreakdown& b) {
    json rows = json::array();
    for (const BreakdownRow& row : b.rows) {
        json j = {{"key", row.key}, {"label", row.label}, {"counters", CountersJson(row.cell)}, {"open_now", row.open_now}};
        j["median_ttr_ms"] = row.median_ttr_ms ? json(*row.median_ttr_ms) : json(nullptr);
        rows.push_back(std::move(j));
    }
    return Dump(json{{"query", QueryJson(b.query)}, {"by", b.by}, {"rows", std::move(rows)}});
}

Result<ReportBreakdown> DecodeReportBreakdown(std::string_view body) {
    return Guard<ReportBreakdown>([&]() -> Result<ReportBreakdown> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        ReportBreakdown b;
        b.query = ReadQuery(r, "query");
        b.by = r.String("by", true, 32);
        if (const json* rows = r.Array("rows"))
            for (const json& row : *rows) {
                if (!row.is_object()) return MakeError(ErrorCode::bad_request, "'rows' must hold objects.", "rows");
                Reader rr(row, "rows.");
                BreakdownRow out;
                out.key = rr.String("key", false, 512);
                out.label = rr.String("label", false, 1024);
                out.cell = ReadCounters(rr, "counters");
                out.open_now = rr.Int("open_now");
                if (rr.Has("median_ttr_ms")) out.median_ttr_ms = rr.Int("median_ttr_ms");
                if (rr.failed()) return rr.error();
                b.rows.push_back(std::move(out));
            }
        if (r.failed()) return r.error();
        return b;
    });
}

std::string EncodeReportHeatmap(const ReportHeatmap& h) {
    json rows = json::array();
    for (const auto& day : h.arrivals) rows.push_back(json(day));
    return Dump(json{{"query", QueryJson(h.query)}, {"arrivals", std::move(rows)}});
}

Result<ReportHeatmap> DecodeReportHeatmap(std::string_view body) {
    return Guard<ReportHeatmap>([&]() -> Result<ReportHeatmap> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        ReportHeatmap h;
        h.query = ReadQuery(r, "query");
        const json* rows = r.Array("arrivals");
        if (r.failed()) return r.error();
        if (rows == nullptr || rows->size() != 7)
            return MakeError(ErrorCode::bad_request, "'arrivals' must be 7 rows of 24 counts.", "arrivals");
        for (std::size_t d = 0; d < 7; ++d) {
            const json& row = (*rows)[d];
            if (!row.is_array() || row.size() != 24)
                return MakeError(ErrorCode::bad_request, "'arrivals' must be 7 rows of 24 counts.", "arrivals");
            for (std::size_t hour = 0; hour < 24; ++hour) {
                if (!row[hour].is_number_integer())
                    return MakeError(ErrorCode::bad_request, "'arrivals' must be 7 rows of 24 counts.", "arrivals");
                h.arrivals[d][hour] = row[hour].get<std::int64_t>();
            }
        }
        return h;
    });
}

}  // namespace spoc::api
