// Language data (CLDR 48 where it has an opinion), Accept-Language negotiation, plural rules,
// the .mo catalog reader, the thread-local current locale, and locale formatting of numbers,
// dates and times. Arabic uses Arabic-Indic digits, as CLDR's ar-EG/ar-SA do (CLDR's bare "ar"
// switched to Latin digits in recent releases).
#include "shared/domain/i18n.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <mutex>

namespace spoc::i18n {

// [SECTION] Language data ------------------------------------------------------------------------

namespace {

struct LangInfo {
    std::string_view code, native_name;
    bool rtl;
    int nplurals;
    std::string_view plural_forms;     // gettext's Plural-Forms for the rule in PluralIndex
    std::string_view group;            // thousands separator
    std::string_view decimal;          // decimal mark
    std::string_view nan;              // CLDR's NaN symbol
    bool arabic_digits;                // U+0660..U+0669 instead of 0..9
    std::string_view months[12];       // wide, format context
    std::string_view months_abbr[12];  // abbreviated, format context (German stand-alone ones drop the dots)
};

// clang-format off
const LangInfo kInfo[] = {
    {"en", "English", false, 2, "nplurals=2; plural=(n != 1);", ",", ".", "NaN", false,
     {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
      "November", "December"},
     {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}},
    {"de", "Deutsch", false, 2, "nplurals=2; plural=(n != 1);", ".", ",", "NaN", false,
     {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
      "November", "Dezember"},
     {"Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."}},
    // fr: CLDR's "many" (exact millions: "1 000 000 de tickets") is folded into "other", as in
    // every French gettext catalog; the "de" is the translator's business.
    {"fr", "Français", false, 2, "nplurals=2; plural=(n > 1);", "\u202F", ",", "NaN", false,
     {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
      "novembre", "décembre"},
     {"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."}},
    {"ja", "日本語", false, 1, "nplurals=1; plural=0;", ",", ".", "NaN", false,
     {"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"},
     {"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"}},
    {"ar", "العربية", true, 6,
     "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);",
     "\u066C", "\u066B", "ليس\u00A0رقمًا", true,
     {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"},
     {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"}},
};
// clang-format on

const LangInfo& Info(Lang lang) {
    const auto i = static_cast<std::size_t>(lang);
    return kInfo[i < std::size(kInfo) ? i : 0];
}

char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool EqualsFolded(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (LowerAscii(a[i]) != LowerAscii(b[i])) return false;
    return true;
}

std::string_view TrimSpaces(std::string_view s) {  // spaces and tabs, as HTTP headers have them
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// RFC 9110 qvalue: "0", "1", "0.8", "1.000" (extra decimals are ignored); false if malformed or above 1.
bool ParseQValue(std::string_view text, int* thousandths) {
    if (text.empty() || (text[0] != '0' && text[0] != '1')) return false;
    int value = (text[0] - '0') * 1000;
    if (text.size() > 1) {
        if (text[1] != '.') return false;
        int scale = 100;
        for (std::size_t i = 2; i < text.size(); ++i) {
            if (!IsDigit(text[i])) return false;
            value += (text[i] - '0') * scale;
            scale /= 10;
        }
    }
    if (value > 1000) return false;
    *thousandths = value;
    return true;
}

}  // namespace

std::string_view LangCode(Lang lang) { return Info(lang).code; }
std::string_view LangNativeName(Lang lang) { return Info(lang).native_name; }
bool IsRtl(Lang lang) { return Info(lang).rtl; }

bool ParseLang(std::string_view tag, Lang* out) {
    // POSIX locale names ("de_DE.UTF-8", "sr_RS@latin") lose their codeset and modifier.
    tag = tag.substr(0, std::min(tag.find('.'), tag.find('@')));
    const std::size_t end = std::min(tag.find('-'), tag.find('_'));
    const std::string_view primary = tag.substr(0, end);
    if (primary.size() != 2) return false;
    // The rest must be well-formed subtags (region, script...): 1-8 letters or digits each.
    if (end != std::string_view::npos) {
        std::size_t run = 0;
        for (std::size_t i = end + 1; i <= tag.size(); ++i) {
            if (i == tag.size() || tag[i] == '-' || tag[i] == '_') {
                if (run == 0 || run > 8) return false;
                run = 0;
            } else if (IsAlpha(tag[i]) || IsDigit(tag[i])) {
                ++run;
            } else {
                return false;
            }
        }
    }
    for (Lang lang : kLangs) {
        if (EqualsFolded(primary, LangCode(lang))) {
            *out = lang;
            return true;
        }
    }
    return false;
}

Lang Negotiate(std::string_view accept_language) {
    Lang best = Lang::en;
    int best_q = 0;  // thousandths; an entry must beat it strictly, so the first of equals wins
    while (!accept_language.empty()) {
        const std::size_t comma = accept_language.find(',');
        std::string_view item = accept_language.substr(0, comma);
        accept_language.remove_prefix(comma == std::string_view::npos ? accept_language.size() : comma + 1);

        const std::size_t semicolon = item.find(';');
        const std::string_view tag = TrimSpaces(item.substr(0, semicolon));
        std::string_view params = semicolon == std::string_view::npos ? std::string_view() : item.substr(semicolon + 1);
        int q = 1000;
        bool valid = true;
        while (valid && !params.empty()) {
            const std::size_t next = params.find(';');
            const std::string_view param = TrimSpaces(params.substr(0, next));
            params.remove_prefix(next == std::string_view::npos ? params.size() : next + 1);
            if (param.size() >= 2 && LowerAscii(param[0]) == 'q' && param[1] == '=')
                valid = ParseQValue(TrimSpaces(param.substr(2)), &q);
        }
        Lang lang;
        if (valid && q > best_q && ParseLang(tag, &lang)) {
            best = lang;
            best_q = q;
        }
    }
    return best;
}

// [SECTION] Plural rules -------------------------------------------------------------------------

int PluralCount(Lang lang) { return Info(lang).nplurals; }

int PluralIndex(Lang lang, long n) {
    // CLDR's operand is the absolute value (English "-1 day"); gettext's expressions see an
    // unsigned long, so PluralFormsHeader agrees with this for n >= 0, which is what counts are.
    const unsigned long u = n < 0 ? 0UL - static_cast<unsigned long>(n) : static_cast<unsigned long>(n);
    switch (lang) {
        case Lang::fr: return u <= 1 ? 0 : 1;
        case Lang::ja: return 0;
        case Lang::ar: {
            if (u <= 2) return static_cast<int>(u);  // zero, one, two
            const unsigned long tail = u % 100;
            if (tail >= 3 && tail <= 10) return 3;  // few
            if (tail >= 11) return 4;               // many
            return 5;                               // other: 100-102, 200-202...
        }
        default: return u == 1 ? 0 : 1;  // en, de
    }
}

std::string_view PluralFormsHeader(Lang lang) { return Info(lang).plural_forms; }

// [SECTION] Catalog ------------------------------------------------------------------------------

namespace {

constexpr std::uint32_t kMoMagic = 0x950412de;
constexpr std::size_t kMoHeaderSize = 28;  // magic, revision, N, O, T, S, H

std::uint32_t ReadU32(const std::string& bytes, std::uint64_t offset, bool big_endian) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data()) + offset;
    const std::uint32_t b0 = p[0], b1 = p[1], b2 = p[2], b3 = p[3];
    return big_endian ? (b0 << 24) | (b1 << 16) | (b2 << 8) | b3 : (b3 << 24) | (b2 << 16) | (b1 << 8) | b0;
}

// Three-way comparison of key with the concatenation of parts, bytewise (as strcmp does).
int CompareJoined(std::string_view key, const std::string_view* parts, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
        const std::string_view part = parts[i];
        const std::size_t common = std::min(key.size(), part.size());
        if (const int c = key.substr(0, common).compare(part.substr(0, common))) return c;
        if (key.size() < part.size()) return -1;
        key.remove_prefix(part.size());
    }
    return key.empty() ? 0 : 1;
}

}  // namespace

bool Catalog::Load(std::string bytes, std::string* error) {
    m_bytes.clear();
    m_entries.clear();
    m_header = m_header_len = 0;
    auto fail = [error](std::string why) {
        if (error) *error = std::move(why);
        return false;
    };
    const std::uint64_t size = bytes.size();
    if (size < kMoHeaderSize) return fail("The file is too short to be a .mo catalog.");
    bool big_endian = false;
    if (ReadU32(bytes, 0, false) != kMoMagic) {
        if (ReadU32(bytes, 0, true) != kMoMagic) return fail("The file is not a .mo catalog (wrong magic number).");
        big_endian = true;
    }
    const std::uint32_t revision = ReadU32(bytes, 4, big_endian);
    if ((revision >> 16) > 1) return fail("The .mo catalog has an unsupported format revision.");
    const std::uint64_t count = ReadU32(bytes, 8, big_endian);
    const std::uint64_t originals = ReadU32(bytes, 12, big_endian);
    const std::uint64_t translations = ReadU32(bytes, 16, big_endian);
    if (originals + count * 8 > size || translations + count * 8 > size)
        return fail("The .mo catalog's string tables run past the end of the file.");

    // A string is (length, offset) and must be followed by a NUL inside the file.
    auto string_ok = [&](std::uint64_t length, std::uint64_t offset) {
        return offset + length < size && bytes[offset + length] == '\0';
    };
    std::vector<Entry> entries;
    entries.reserve(count);  // bounded by the file size (checked above)
    bool have_header = false;
    std::uint32_t header = 0, header_len = 0;
    for (std::uint64_t i = 0; i < count; ++i) {
        const std::uint32_t key_len = ReadU32(bytes, originals + i * 8, big_endian);
        const std::uint32_t key = ReadU32(bytes, originals + i * 8 + 4, big_endian);
        const std::uint32_t value_len = ReadU32(bytes, translations + i * 8, big_endian);
        const std::uint32_t value = ReadU32(bytes, translations + i * 8 + 4, big_endian);
        if (!string_ok(key_len, key) || !string_ok(value_len, value))
            return fail("String " + std::to_string(i) + " of the .mo catalog lies outside the file.");
        const void* nul = std::memchr(bytes.data() + key, '\0', key_len);
        const auto c_len =
            static_cast<std::uint32_t>(nul ? static_cast<const char*>(nul) - (bytes.data() + key) : key_len);
        if (c_len == 0) {  // the header entry; another "" singular could never be looked up anyway
            if (!have_header) {
                header = value;
                header_len = value_len;
            }
            have_header = true;
            continue;
        }
        entries.push_back(Entry{key, c_len, value, value_len});
    }
    auto key_less = [&bytes](const Entry& a, const Entry& b) {
        return std::string_view(bytes.data() + a.key, a.key_len) < std::string_view(bytes.data() + b.key, b.key_len);
    };
    if (!std::is_sorted(entries.begin(), entries.end(), key_less))  // msgfmt sorts; other writers may not
        std::sort(entries.begin(), entries.end(), key_less);
    m_bytes = std::move(bytes);
    m_entries = std::move(entries);
    m_header = header;
    m_header_len = header_len;
    return true;
}

const Catalog::Entry* Catalog::Lookup(std::string_view ctx, bool has_ctx, std::string_view msgid) const {
    const std::string_view parts[3] = {ctx, std::string_view("\x04", 1), msgid};
    const std::string_view* first = has_ctx ? parts : parts + 2;
    const std::size_t count = has_ctx ? 3 : 1;
    std::size_t lo = 0, hi = m_entries.size();
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        const Entry& e = m_entries[mid];
        const int c = CompareJoined(std::string_view(m_bytes.data() + e.key, e.key_len), first, count);
        if (c == 0) return &e;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return nullptr;
}

const char* Catalog::Find(std::string_view msgid) const { return FindPlural(msgid, 0); }

const char* Catalog::FindCtx(std::string_view ctx, std::string_view msgid) const {
    const Entry* e = Lookup(ctx, true, msgid);
    if (!e) return nullptr;
    const char* text = m_bytes.data() + e->value;
    return text[0] != '\0' ? text : nullptr;
}

const char* Catalog::FindPlural(std::string_view msgid_singular, int index) const {
    const Entry* e = index >= 0 ? Lookup({}, false, msgid_singular) : nullptr;
    if (!e) return nullptr;
    const char* text = m_bytes.data() + e->value;
    const char* end = text + e->value_len;  // a NUL (checked by Load)
    for (; index > 0; --index) {
        text = static_cast<const char*>(std::memchr(text, '\0', static_cast<std::size_t>(end - text)));
        if (!text) return nullptr;
        ++text;
    }
    return text < end && text[0] != '\0' ? text : nullptr;
}

std::string_view Catalog::Header(std::string_view field) const {
    std::string_view rest(m_bytes.data() + m_header, m_header_len);
    while (!rest.empty()) {
        const std::size_t newline = rest.find('\n');
        const std::string_view line = rest.substr(0, newline);
        rest.remove_prefix(newline == std::string_view::npos ? rest.size() : newline + 1);
        const std::size_t colon = line.find(':');
        if (colon != std::string_view::npos && EqualsFolded(TrimSpaces(line.substr(0, colon)), field))
            return TrimSpaces(line.substr(colon + 1));
    }
    return {};
}

// [SECTION] Current locale and translation -------------------------------------------------------

namespace {
const Locale kEnglish{};
thread_local const Locale* t_locale = nullptr;  // the one piece of thread state in shared/

// Process-wide catalogs (the server's): installed once at start-up, read by every thread.
struct Installed {
    Catalog catalog;
    Locale locale;
    std::atomic<bool> ready{false};
};
Installed g_installed[std::size(kLangs)];
std::mutex g_install_mutex;
std::size_t LangIndex(Lang lang) { return static_cast<std::size_t>(lang); }

}  // namespace

bool InstallCatalog(Lang lang, std::string bytes, std::string* error) {
    std::lock_guard lock(g_install_mutex);
    Installed& slot = g_installed[LangIndex(lang)];
    if (slot.ready.load(std::memory_order_acquire)) return true;  // the first one stays (readers may hold it)
    if (!slot.catalog.Load(std::move(bytes), error)) return false;
    slot.locale = Locale{lang, &slot.catalog};
    slot.ready.store(true, std::memory_order_release);
    return true;
}

const Locale& InstalledLocale(Lang lang) {
    static const Locale plain[] = {{Lang::en, nullptr}, {Lang::de, nullptr}, {Lang::fr, nullptr}, {Lang::ja, nullptr}, {Lang::ar, nullptr}};
    const Installed& slot = g_installed[LangIndex(lang)];
    return slot.ready.load(std::memory_order_acquire) ? slot.locale : plain[LangIndex(lang)];
}

void SetThreadLocale(const Locale* locale) { t_locale = locale; }
const Locale& ThreadLocale() { return t_locale ? *t_locale : kEnglish; }
Lang CurrentLang() { return ThreadLocale().lang; }

const char* tr(const char* msgid) {
    if (!msgid) return "";
    const Catalog* catalog = ThreadLocale().catalog;
    const char* text = catalog ? catalog->Find(msgid) : nullptr;
    return text ? text : msgid;
}

const char* trc(const char* ctx, const char* msgid) {
    if (!msgid) return "";
    const Catalog* catalog = ThreadLocale().catalog;
    const char* text = catalog ? catalog->FindCtx(ctx ? ctx : "", msgid) : nullptr;
    return text ? text : msgid;
}

const char* trn(const char* singular, const char* plural, long n) {
    if (!singular) singular = "";
    if (!plural) plural = singular;
    const Locale& locale = ThreadLocale();
    if (locale.catalog)
        if (const char* text = locale.catalog->FindPlural(singular, PluralIndex(locale.lang, n))) return text;
    return PluralIndex(Lang::en, n) == 0 ? singular : plural;
}

std::string Format(std::string_view pattern, std::initializer_list<std::string_view> args) {
    std::string out;
    out.reserve(pattern.size() + 16);
    for (std::size_t i = 0; i < pattern.size();) {
        const char c = pattern[i];
        if ((c == '{' || c == '}') && i + 1 < pattern.size() && pattern[i + 1] == c) {  // "{{" or "}}"
            out += c;
            i += 2;
            continue;
        }
        if (c == '{') {
            std::size_t j = i + 1, index = 0;
            while (j < pattern.size() && IsDigit(pattern[j]) && index < args.size())
                index = index * 10 + static_cast<std::size_t>(pattern[j++] - '0');
            if (j > i + 1 && j < pattern.size() && pattern[j] == '}' && index < args.size()) {
                out += args.begin()[index];
                i = j + 1;
                continue;
            }
        }
        out += c;  // anything else, including "{k}" with no args[k], is copied as is
        ++i;
    }
    return out;
}

std::string Plural(const char* singular, const char* plural, long n) {
    const std::string count = FormatInt(n);
    return Format(trn(singular, plural, n), {count});
}

// [SECTION] Numbers, dates and times -------------------------------------------------------------

namespace {

void AppendDigits(std::string& out, std::string_view ascii_digits, const LangInfo& info) {
    for (char c : ascii_digits) {
        if (info.arabic_digits && IsDigit(c)) {
            out += '\xD9';  // U+0660 + d is D9 A0+d in UTF-8
            out += static_cast<char>(0xA0 + (c - '0'));
        } else {
            out += c;
        }
    }
}

void AppendGrouped(std::string& out, std::string_view ascii_digits, const LangInfo& info) {
    for (std::size_t i = 0; i < ascii_digits.size(); ++i) {
        if (i > 0 && (ascii_digits.size() - i) % 3 == 0) out += info.group;
        AppendDigits(out, ascii_digits.substr(i, 1), info);
    }
}

std::string Number(int value, int min_width, const LangInfo& info) {  // ungrouped, zero-padded
    char buf[16];
    std::snprintf(buf, sizeof(buf), "%0*d", min_width, value);
    std::string out;
    AppendDigits(out, buf, info);
    return out;
}

}  // namespace

std::string FormatInt(long long n) {
    const LangInfo& info = Info(CurrentLang());
    const unsigned long long magnitude =
        n < 0 ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
    std::string out = n < 0 ? "-" : "";  // ar: CLDR puts U+061C before the '-'; left out on purpose
    AppendGrouped(out, std::to_string(magnitude), info);
    return out;
}

std::string FormatDecimal(double v, int max_fraction_digits) {
    const LangInfo& info = Info(CurrentLang());
    if (std::isnan(v)) return std::string(info.nan);
    if (std::isinf(v)) return v < 0 ? "-∞" : "∞";
    char buf[400];  // DBL_MAX has 309 integer digits
    std::snprintf(buf, sizeof(buf), "%.*f", std::clamp(max_fraction_digits, 0, 20), v);
    std::string_view text(buf);
    const bool negative = !text.empty() && text[0] == '-';
    if (negative) text.remove_prefix(1);
    std::size_t int_end = 0;
    while (int_end < text.size() && IsDigit(text[int_end])) ++int_end;
    const std::string_view integer = text.substr(0, int_end);
    std::size_t frac_begin = int_end;  // skip the C library's decimal point, whatever the C locale says it is
    while (frac_begin < text.size() && !IsDigit(text[frac_begin])) ++frac_begin;
    std::string_view fraction = text.substr(frac_begin);
    while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);

    std::string out;
    if (negative && (fraction.size() > 0 || integer.find_first_not_of('0') != std::string_view::npos))
        out += '-';  // no "-0" for values that round to zero
    AppendGrouped(out, integer, info);
    if (!fraction.empty()) {
        out += info.decimal;
        AppendDigits(out, fraction, info);
    }
    return out;
}

std::string_view MonthName(int month, bool abbreviated) {
    if (month < 1 || month > 12) return {};
    const LangInfo& info = Info(CurrentLang());
    return abbreviated ? info.months_abbr[month - 1] : info.months[month - 1];
}

std::string FormatDateShort(int year, int month, int day) {
    const Lang lang = CurrentLang();
    const LangInfo& info = Info(lang);
    const std::string y = Number(year, 1, info), d = Number(day, 1, info);
    const std::string m(MonthName(month, true));
    switch (lang) {
        case Lang::de: return d + ". " + m + " " + y;  // CLDR yMMMd "d. MMM y"
        case Lang::fr: return d + " " + m + " " + y;   // "d MMM y" (CLDR writes "1 déc.", not "1er déc.")
        case Lang::ja: return y + "年" + m + d + "日";  // "y年M月d日"; the month name carries 月
        case Lang::ar: return d + " " + m + " " + y;   // "d MMM y"
        default: return m + " " + d + ", " + y;        // "MMM d, y"
    }
}

std::string FormatDateNumeric(int year, int month, int day) {
    const Lang lang = CurrentLang();
    const LangInfo& info = Info(lang);
    switch (lang) {
        case Lang::de: return Number(day, 2, info) + "." + Number(month, 2, info) + "." + Number(year, 1, info);
        case Lang::fr: return Number(day, 2, info) + "/" + Number(month, 2, info) + "/" + Number(year, 1, info);
        case Lang::ja: return Number(year, 1, info) + "/" + Number(month, 2, info) + "/" + Number(day, 2, info);
        case Lang::ar:  // CLDR short "d‏/M‏/y": RLM after day and month keeps the order in RTL text
            return Number(day, 1, info) + "\u200F/" + Number(month, 1, info) + "\u200F/" + Number(year, 1, info);
        default:  // en: CLDR's M/d/y reads as d/M/y to half the world; ISO 8601 is unambiguous
            return Number(year, 4, info) + "-" + Number(month, 2, info) + "-" + Number(day, 2, info);
    }
}

std::string FormatTime(int hour, int minute) {
    const Lang lang = CurrentLang();
    const LangInfo& info = Info(lang);
    hour = std::clamp(hour, 0, 23);
    const std::string mm = Number(std::clamp(minute, 0, 59), 2, info);
    const int hour12 = hour % 12 == 0 ? 12 : hour % 12;
    switch (lang) {
        case Lang::de:
        case Lang::fr: return Number(hour, 2, info) + ":" + mm;  // "HH:mm"
        case Lang::ja: return Number(hour, 1, info) + ":" + mm;  // "H:mm": "9:05"
        case Lang::ar: return Number(hour12, 1, info) + ":" + mm + (hour < 12 ? " ص" : " م");  // "h:mm a"
        default: return Number(hour12, 1, info) + ":" + mm + (hour < 12 ? " AM" : " PM");  // "h:mm a", CLDR 48's plain space
    }
}

}  // namespace spoc::i18n
