// CSV export cells and records for reports and queue exports: RFC 4180 quoting, CRLF records, a
// UTF-8 BOM so Excel reads UTF-8, and formula-injection neutralisation (OWASP "CSV Injection",
// osTicket CVE-2019-14749) for every text cell. Numbers use '.' and no grouping whatever the C
// locale says. Pure: builds strings, writes no files.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace spoc::csv {

inline constexpr std::string_view kBom = "\xEF\xBB\xBF";  // UTF-8 byte-order mark; write it once, first

// One text field, ready to join. In order:
// 1. Clean: NUL bytes are dropped; each byte of invalid UTF-8 becomes U+FFFD (the file stays UTF-8).
// 2. Neutralise: a leading "'" is added when the cell starts with TAB or CR, or when its first
//    character after leading blanks (space, TAB, CR, LF) is = + - @ or their full-width forms
//    (U+FF1D U+FF0B U+FF0D U+FF20). Blanks are skipped because importers may trim them (LibreOffice's
//    "Trim spaces") and then evaluate what follows. The full-width signs are defensive: Japanese
//    Excel turns a typed "＝1+1" into a formula; untested for CSV import, and the quote costs little.
//    Text such as "-" or " - n/a" gets the quote too: a visible "'" is cheaper than a formula.
//    Numbers never go through here: use NumberCell/DecimalCell.
// 3. Quote (RFC 4180): wrapped in "..." with inner quotes doubled when it contains ',' '"' CR or LF,
//    or starts or ends with a space or TAB (some readers trim unquoted blanks).
std::string TextCell(std::string_view value);  // "a,b" -> "\"a,b\"", "=1+1" -> "'=1+1", "" -> ""
std::string NumberCell(std::int64_t value);    // -5 -> "-5", 1234567 -> "1234567"; never neutralised
// Fixed decimals (clamped to 0..20), rounded like printf and i18n::FormatDecimal: the nearest
// decimal to the double's exact binary value, exact ties to even (1.25 -> "1.2", 1.35 -> "1.4",
// since 1.35 is stored as 1.3500000000000000888). Never "-0.0"; NaN and infinities give "".
std::string DecimalCell(double value, int decimals);

void AppendRow(std::string& out, const std::vector<std::string>& cells);  // formatted cells joined by ',' + "\r\n"

// Builds one record: csv::Row().Text(title).Number(id).Decimal(hours, 1).AppendTo(out);
class Row {
public:
    Row& Text(std::string_view value);                                  // adds TextCell(value)
    Row& Number(std::int64_t value);                                    // adds NumberCell(value)
    Row& Decimal(double value, int decimals);                           // adds DecimalCell(value, decimals)
    const std::vector<std::string>& Cells() const { return m_cells; }   // the formatted cells so far
    void AppendTo(std::string& out) const { AppendRow(out, m_cells); }  // one record, CRLF-terminated

private:
    std::vector<std::string> m_cells;  // formatted, not yet joined
};

}  // namespace spoc::csv
