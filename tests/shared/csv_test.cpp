// Tests for shared/domain/csv.h: RFC 4180 quoting, formula-injection neutralisation, UTF-8
// cleaning, locale-free numbers, CRLF records, and a round trip through a strict RFC 4180 reader
// written here (so the export is checked by something other than itself).
#include "shared/domain/csv.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/domain/text.h"

using spoc::csv::DecimalCell;
using spoc::csv::NumberCell;
using spoc::csv::TextCell;

namespace {

using Record = std::vector<std::string>;

// Reads the record at `pos` and moves past its CRLF. Strict RFC 4180: a quote may only open a
// field or close it before ',' or CRLF, and bare CR or LF must be inside quotes. nullopt if not.
std::optional<Record> ReadRecord(std::string_view text, std::size_t& pos) {
    Record fields(1);
    bool quoted = false, was_quoted = false;
    while (pos < text.size()) {
        const char c = text[pos++];
        if (quoted) {
            if (c != '"')
                fields.back() += c;
            else if (pos < text.size() && text[pos] == '"')
                fields.back() += text[pos++];
            else
                quoted = false;
        } else if (c == ',') {
            fields.emplace_back();
            was_quoted = false;
        } else if (c == '\r' && pos < text.size() && text[pos] == '\n') {
            ++pos;
            return fields;
        } else if (c == '"' && fields.back().empty() && !was_quoted) {
            quoted = was_quoted = true;
        } else if (c == '"' || c == '\r' || c == '\n' || was_quoted) {
            return std::nullopt;  // stray quote, bare line break, or text after a closing quote
        } else {
            fields.back() += c;
        }
    }
    return std::nullopt;  // no CRLF at the end
}

std::vector<Record> ReadAll(std::string_view text) {
    std::vector<Record> records;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::optional<Record> record = ReadRecord(text, pos);
        REQUIRE(record.has_value());
        records.push_back(*record);
    }
    return records;
}

}  // namespace

TEST_CASE("csv: the strict reader in this file rejects malformed records") {
    std::size_t pos = 0;
    CHECK(ReadRecord("a,b", pos) == std::nullopt);  // no CRLF
    for (std::string_view bad : {"a\"b\r\n", "\"a\"b\r\n", "a\nb\r\n", "\"a\r\n"}) {
        pos = 0;
        CHECK_MESSAGE(ReadRecord(bad, pos) == std::nullopt, bad);
    }
    pos = 0;
    CHECK(ReadRecord("\"a,\"\"b\"\"\",,c\r\n", pos) == Record{"a,\"b\"", "", "c"});
}

TEST_CASE("csv: plain text is written as is") {
    CHECK(TextCell("Printer jammed") == "Printer jammed");
    CHECK(TextCell("") == "");
    CHECK(TextCell("it's fine") == "it's fine");
    CHECK(TextCell("a=b") == "a=b");
    CHECK(TextCell("user@example.com") == "user@example.com");
    CHECK(TextCell("1-2") == "1-2");
    CHECK(TextCell("tab\tinside") == "tab\tinside");
}

TEST_CASE("csv: commas, quotes, line breaks and edge blanks are quoted") {
    CHECK(TextCell("a,b") == "\"a,b\"");
    CHECK(TextCell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(TextCell("\"") == "\"\"\"\"");
    CHECK(TextCell("line 1\r\nline 2") == "\"line 1\r\nline 2\"");
    CHECK(TextCell("line 1\nline 2") == "\"line 1\nline 2\"");
    CHECK(TextCell(" padded") == "\" padded\"");
    CHECK(TextCell("padded ") == "\"padded \"");
    CHECK(TextCell("tab\t") == "\"tab\t\"");
}

TEST_CASE("csv: formula starts get a leading quote") {
    CHECK(TextCell(R"(=HYPERLINK("http://evil","x"))") == R"csv("'=HYPERLINK(""http://evil"",""x"")")csv");
    CHECK(TextCell("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0");
    CHECK(TextCell("+1") == "'+1");
    CHECK(TextCell("-2+3") == "'-2+3");
    CHECK(TextCell("@SUM(A1)") == "'@SUM(A1)");
    CHECK(TextCell("-") == "'-");
    CHECK(TextCell("\t=1+1") == "'\t=1+1");
    CHECK(TextCell("\tplain") == "'\tplain");  // TAB and CR lead: quoted whatever follows
    CHECK(TextCell("\rplain") == "\"'\rplain\"");
    CHECK(TextCell("  =1+1") == "'  =1+1");  // blanks first, then a sign
    CHECK(TextCell("\n@x") == "\"'\n@x\"");
    CHECK(TextCell("＝1+1") == "'＝1+1");  // full-width signs
    CHECK(TextCell("－5") == "'－5");
    CHECK(TextCell(std::string("\0=1", 3)) == "'=1");  // the NUL is dropped before the check
    CHECK(TextCell("'=1") == "'=1");                   // already quoted: left alone
    CHECK(TextCell(" x =1") == "\" x =1\"");
}

TEST_CASE("csv: numbers are never neutralised") {
    CHECK(NumberCell(-5) == "-5");
    CHECK(NumberCell(0) == "0");
    CHECK(NumberCell(1234567) == "1234567");
    CHECK(NumberCell(std::numeric_limits<std::int64_t>::min()) == "-9223372036854775808");
    CHECK(DecimalCell(-2.5, 1) == "-2.5");
}

TEST_CASE("csv: decimals are fixed, rounded like printf, with '.'") {
    CHECK(DecimalCell(1.5, 1) == "1.5");
    CHECK(DecimalCell(3, 2) == "3.00");
    CHECK(DecimalCell(1.25, 1) == "1.2");    // exact binary tie: to even
    CHECK(DecimalCell(1.35, 1) == "1.4");    // stored as 1.35000000000000008882
    CHECK(DecimalCell(2.675, 2) == "2.67");  // stored as 2.67499999999999982236
    CHECK(DecimalCell(-1.25, 1) == "-1.2");
    CHECK(DecimalCell(-1.26, 1) == "-1.3");
    CHECK(DecimalCell(-0.04, 1) == "0.0");  // no "-0.0"
    CHECK(DecimalCell(-0.0, 0) == "0");
    CHECK(DecimalCell(2.5, 0) == "2");
    CHECK(DecimalCell(2.6, -1) == "3");  // decimals clamped to 0..20
    CHECK(DecimalCell(1234567.891, 2) == "1234567.89");
    CHECK(DecimalCell(std::numeric_limits<double>::quiet_NaN(), 1) == "");
    CHECK(DecimalCell(-std::numeric_limits<double>::infinity(), 1) == "");
    CHECK(DecimalCell(std::numeric_limits<double>::max(), 0).size() == 309);
}

TEST_CASE("csv: text stays valid UTF-8") {
    CHECK(TextCell("ab\xFF!") == "ab\xEF\xBF\xBD!");
    CHECK(TextCell("\xE3\x81") == "\xEF\xBF\xBD\xEF\xBF\xBD");                  // truncated sequence
    CHECK(TextCell("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong '/'
    CHECK(TextCell("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
    CHECK(TextCell(std::string("a\0b", 3)) == "ab");
    CHECK(spoc::IsValidUtf8(TextCell("\x80=\xF5,\xF0\x9F\x99")));
    CHECK(TextCell("プリンターが故障しました") == "プリンターが故障しました");
    CHECK(TextCell("Größe ändern – Übergabe") == "Größe ändern – Übergabe");
    CHECK(TextCell("Straße, 3. Stock") == "\"Straße, 3. Stock\"");
    CHECK(TextCell("🙂 👩‍💻") == "🙂 👩‍💻");
}

TEST_CASE("csv: AppendRow joins cells and ends the record with CRLF") {
    std::string out;
    spoc::csv::AppendRow(out, {"a", "", "\"b,c\""});
    CHECK(out == "a,,\"b,c\"\r\n");
    spoc::csv::AppendRow(out, {"d"});
    CHECK(out == "a,,\"b,c\"\r\nd\r\n");
    spoc::csv::AppendRow(out, {});
    CHECK(out == "a,,\"b,c\"\r\nd\r\n\r\n");
    CHECK(spoc::csv::kBom == "\xEF\xBB\xBF");
}

TEST_CASE("csv: Row builds a record from typed cells") {
    std::string out;
    spoc::csv::Row().Text("x").Number(3).Decimal(1.5, 1).Text("-1").Number(-1).AppendTo(out);
    CHECK(out == "x,3,1.5,'-1,-1\r\n");
    spoc::csv::Row row;
    row.Text("a,b").Text("");
    CHECK(row.Cells() == std::vector<std::string>{"\"a,b\"", ""});
}

TEST_CASE("csv: an export reads back as the values written, with the injected quote") {
    struct Case {
        std::string input, read_back;
    };
    const std::vector<Case> cases = {{"Printer jammed", "Printer jammed"},
                                     {"a,b", "a,b"},
                                     {"say \"hi\"", "say \"hi\""},
                                     {"line 1\r\nline 2", "line 1\r\nline 2"},
                                     {"lone\rcr", "lone\rcr"},
                                     {"lone\nlf", "lone\nlf"},
                                     {" padded ", " padded "},
                                     {"", ""},
                                     {"=1+1", "'=1+1"},
                                     {"\t@x", "'\t@x"},
                                     {"-", "'-"},
                                     {"プリンター, 3階", "プリンター, 3階"},
                                     {"Größe \"XL\"", "Größe \"XL\""},
                                     {",", ","},
                                     {"\"\"", "\"\""},
                                     {"=A1,\"x\"\r\n", "'=A1,\"x\"\r\n"}};
    std::string file(spoc::csv::kBom);
    spoc::csv::Row header;
    header.Text("id").Text("summary").Text("hours");
    header.AppendTo(file);
    for (std::size_t i = 0; i < cases.size(); ++i)
        spoc::csv::Row().Number(-static_cast<std::int64_t>(i)).Text(cases[i].input).Decimal(0.5 * i, 1).AppendTo(file);

    REQUIRE(file.rfind(spoc::csv::kBom, 0) == 0);
    const std::vector<Record> records = ReadAll(std::string_view(file).substr(spoc::csv::kBom.size()));
    REQUIRE(records.size() == cases.size() + 1);
    CHECK(records[0] == Record{"id", "summary", "hours"});
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const Record& r = records[i + 1];
        REQUIRE(r.size() == 3);
        CHECK(r[0] == std::to_string(-static_cast<long long>(i)));
        CHECK_MESSAGE(r[1] == cases[i].read_back, cases[i].input);
        CHECK(r[2] == DecimalCell(0.5 * i, 1));
    }
    CHECK(records[2][2] == "0.5");
    CHECK(records[16][2] == "7.5");
}
