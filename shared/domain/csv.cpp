// CSV cells and records (see csv.h).
#include "shared/domain/csv.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "shared/domain/text.h"

namespace spoc::csv {

namespace {

bool IsBlank(std::uint32_t cp) { return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n'; }

bool IsFormulaSign(std::uint32_t cp) {
    constexpr std::u32string_view kSigns = U"=+-@\uFF1D\uFF0B\uFF0D\uFF20";  // and full-width ＝＋－＠
    return kSigns.find(static_cast<char32_t>(cp)) != std::u32string_view::npos;
}

// Valid UTF-8 without NULs: each malformed byte becomes U+FFFD.
std::string CleanUtf8(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (std::size_t i = 0; i < value.size();) {
        const std::size_t start = i;
        const std::uint32_t cp = NextCodePoint(value, i);
        if (cp == 0) continue;
        if (cp == kInvalidUtf8)
            AppendUtf8(out, 0xFFFD);
        else
            out.append(value.substr(start, i - start));
    }
    return out;
}

bool StartsFormula(std::string_view text) {
    if (!text.empty() && (text.front() == '\t' || text.front() == '\r')) return true;
    for (std::size_t i = 0; i < text.size();) {
        const std::uint32_t cp = NextCodePoint(text, i);
        if (!IsBlank(cp)) return IsFormulaSign(cp);
    }
    return false;
}

}  // namespace

std::string TextCell(std::string_view value) {
    std::string text = CleanUtf8(value);
    if (StartsFormula(text)) text.insert(0, 1, '\'');
    const auto is_edge_blank = [](char c) { return c == ' ' || c == '\t'; };
    const bool quote = text.find_first_of(",\"\r\n") != std::string::npos ||
                       (!text.empty() && (is_edge_blank(text.front()) || is_edge_blank(text.back())));
    if (!quote) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string NumberCell(std::int64_t value) { return std::to_string(value); }

std::string DecimalCell(double value, int decimals) {
    if (!std::isfinite(value)) return "";
    char buf[400];  // DBL_MAX has 309 integer digits
    std::snprintf(buf, sizeof buf, "%.*f", std::clamp(decimals, 0, 20), value);
    std::string out;
    bool nonzero = false, point = false;
    for (const char* p = buf; *p != '\0'; ++p) {
        if (*p >= '0' && *p <= '9') {
            out += *p;
            nonzero = nonzero || *p != '0';
        } else if (*p != '-' && !point) {  // the C locale's decimal point, whatever it is
            out += '.';
            point = true;
        }
    }
    if (buf[0] == '-' && nonzero) out.insert(0, 1, '-');  // no "-0.0" for values that round to zero
    return out;
}

void AppendRow(std::string& out, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) out += ',';
        out += cells[i];
    }
    out += "\r\n";
}

Row& Row::Text(std::string_view value) {
    m_cells.push_back(TextCell(value));
    return *this;
}

Row& Row::Number(std::int64_t value) {
    m_cells.push_back(NumberCell(value));
    return *this;
}

Row& Row::Decimal(double value, int decimals) {
    m_cells.push_back(DecimalCell(value, decimals));
    return *this;
}

}  // namespace spoc::csv
