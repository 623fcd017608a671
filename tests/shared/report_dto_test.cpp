// Tests for shared/api/report_dto.h's query decoding: a report's period and filters (defaults,
// bounds, refusals naming the field) and a chart slice's rq, whose open (backlog ageing) kind may
// leave out its first day.
#include "shared/api/report_dto.h"

#include <doctest/doctest.h>

#include <map>
#include <string>

namespace api = spoc::api;
using spoc::CivilDate;

namespace {

spoc::Result<api::ReportQuery> Decode(const std::map<std::string, std::string>& params, CivilDate today) {
    return api::DecodeReportQuery(
        [&](std::string_view name) {
            auto it = params.find(std::string(name));
            return it == params.end() ? std::string() : it->second;
        },
        today);
}

std::int64_t Day(const CivilDate& d) { return api::DayNumber(d); }

template <class T>
std::string FieldOf(const spoc::Result<T>& r) {
    return r.ok() ? "<ok>" : r.error().field;
}

}  // namespace

TEST_CASE("report query: 30 days up to today by default; from after to, or over two years, is refused") {
    const CivilDate today{2026, 12, 7};
    auto plain = Decode({}, today);
    REQUIRE(plain.ok());
    CHECK(Day(plain->to) == Day(today));
    CHECK(api::PeriodDays(*plain) == api::kDefaultReportDays);
    CHECK(FieldOf(Decode({{"from", "2026-12-08"}, {"to", "2026-12-07"}}, today)) == "from");
    CHECK(FieldOf(Decode({{"from", "2024-01-01"}, {"to", "2026-12-07"}}, today)) == "from");
    CHECK(FieldOf(Decode({{"to", "2026-13-01"}}, today)) == "to");
    CHECK(FieldOf(Decode({{"priority", "6"}}, today)) == "priority");
    CHECK(FieldOf(Decode({{"group", "3,,4"}}, today)) == "group");
    auto filtered = Decode({{"from", "2026-11-01"}, {"to", "2026-11-30"}, {"group", "3,4"}, {"priority", "2"}}, today);
    REQUIRE(filtered.ok());
    CHECK(filtered->filter.groups == std::vector<std::int64_t>{3, 4});
    CHECK(filtered->filter.priority == 2);
    // What the client encodes, the server decodes back.
    const std::string rq = api::EncodeReportQuery(*filtered);
    auto slice = api::DecodeSliceQuery(rq, false);
    REQUIRE(slice.ok());
    REQUIRE(slice->from.has_value());
    CHECK(Day(*slice->from) == Day(filtered->from));
    CHECK(Day(slice->to) == Day(filtered->to));
    CHECK(slice->filter.groups == filtered->filter.groups);
}

TEST_CASE("chart slice: both ends needed, except an open slice's first day") {
    CHECK(FieldOf(api::DecodeSliceQuery("to=2026-12-07", false)) == "rq");
    CHECK(FieldOf(api::DecodeSliceQuery("from=2026-12-01", false)) == "rq");
    CHECK(FieldOf(api::DecodeSliceQuery("from=2026-12-01", true)) == "rq");  // to is always needed
    CHECK(FieldOf(api::DecodeSliceQuery("", true)) == "rq");
    auto oldest = api::DecodeSliceQuery("to=2026-11-07&group=2", true);  // the "30+ days" band
    REQUIRE(oldest.ok());
    CHECK_FALSE(oldest->from.has_value());
    CHECK(Day(oldest->to) == Day(CivilDate{2026, 11, 7}));
    CHECK(oldest->filter.groups == std::vector<std::int64_t>{2});
    auto band = api::DecodeSliceQuery("from=2026-11-08&to=2026-11-30", true);
    REQUIRE(band.ok());
    REQUIRE(band->from.has_value());
    CHECK(Day(*band->from) == Day(CivilDate{2026, 11, 8}));
    // The period's rules still hold on a slice that names both ends.
    CHECK(FieldOf(api::DecodeSliceQuery("from=2026-12-02&to=2026-12-01", true)) == "from");
    CHECK(FieldOf(api::DecodeSliceQuery("from=2026-12-01&to=2026-12-02&priority=9", false)) == "priority");
}
