// Translation and locale formatting for the five UI languages (en, de, fr, ja, ar): language tags
// and Accept-Language negotiation, CLDR plural rules in gettext order, a reader for compiled GNU
// gettext .mo catalogs, tr()/trc()/trn() lookups, and numbers, month names, dates and times.
// Pure like the rest of shared/, with one exception: the current locale is a `thread_local`
// pointer (the gettext habit), set per request thread by the server and once by the client.
#pragma once
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace spoc::i18n {

// [SECTION] Languages
enum class Lang { en, de, fr, ja, ar };
inline constexpr Lang kLangs[] = {Lang::en, Lang::de, Lang::fr, Lang::ja, Lang::ar};  // every supported language

std::string_view LangCode(Lang lang);              // "en", "de", "fr", "ja", "ar"
std::string_view LangNativeName(Lang lang);        // "English", "Deutsch", "Français", "日本語", "العربية"
bool IsRtl(Lang lang);                             // written right to left (ar)
bool ParseLang(std::string_view tag, Lang* out);   // "de", "de-CH", "DE_de", "fr_FR.UTF-8" -> true; "es" -> false
Lang Negotiate(std::string_view accept_language);  // best of an Accept-Language header or navigator.languages; else en
// Negotiate: q-values are honoured (q=0 and malformed ones drop the entry), "*" and unsupported
// languages are skipped, and among equal q the first listed wins.

// [SECTION] Plural rules
int PluralCount(Lang lang);                     // gettext nplurals: en 2, de 2, fr 2, ja 1, ar 6
int PluralIndex(Lang lang, long n);             // msgstr[] index: CLDR cardinal rules of |n|, in gettext order
std::string_view PluralFormsHeader(Lang lang);  // "nplurals=2; plural=(n != 1);"...: the .po header for PluralIndex

// [SECTION] Catalog
// A compiled GNU gettext .mo file (what `msgfmt -o x.mo x.po` writes), either byte order.
// Lookups binary-search an index built by Load over the original strings (sorted as msgfmt sorts
// them, by their bytes up to the first NUL) and never allocate. Plural entries are keyed by the
// singular msgid; their msgstr holds the forms separated by '\0'. Context entries are keyed by
// ctx + '\x04' + msgid. The hash table and revision-1 system-dependent strings are ignored.
// Load never trusts the file: every table and string is bounds-checked and must end in a NUL.
class Catalog {
public:
    bool Load(std::string bytes, std::string* error);  // false: *error (may be null) says why, catalog left empty
    const char* Find(std::string_view msgid) const;    // translation or nullptr (also for ""); plural entry: msgstr[0]
    const char* FindCtx(std::string_view ctx, std::string_view msgid) const;   // the same for a msgctxt entry
    const char* FindPlural(std::string_view msgid_singular, int index) const;  // msgstr[index], nullptr if none
    std::size_t size() const { return m_entries.size(); }                      // entries, header excluded
    std::string_view Header(std::string_view field) const;  // "Language" -> "de" from the "" entry; "" if absent
    // Empty translations count as missing everywhere. Returned strings live as long as the catalog's bytes.

private:
    struct Entry {                       // offsets into m_bytes
        std::uint32_t key, key_len;      // the original up to its first NUL (the singular of a plural entry)
        std::uint32_t value, value_len;  // the whole translation; value + value_len is a NUL
    };
    const Entry* Lookup(std::string_view ctx, bool has_ctx, std::string_view msgid) const;

    std::string m_bytes;                           // the .mo file
    std::vector<Entry> m_entries;                  // sorted by key
    std::uint32_t m_header = 0, m_header_len = 0;  // translation of the "" entry
};

// [SECTION] Current locale and translation
struct Locale {
    Lang lang = Lang::en;              // drives plural choice and formatting
    const Catalog* catalog = nullptr;  // translations; nullptr = untranslated
};
// Process-wide catalogs, for a server whose threads answer in many languages: install each once at
// start-up (the first install of a language wins and lives for the process); InstalledLocale then
// gives its locale, or the language without translations when none was installed. Thread-safe.
bool InstallCatalog(Lang lang, std::string bytes, std::string* error);
const Locale& InstalledLocale(Lang lang);
void SetThreadLocale(const Locale* locale);  // this thread's locale (must outlive its use); nullptr = English
const Locale& ThreadLocale();                // never null: a static English, untranslated one by default
Lang CurrentLang();                          // ThreadLocale().lang

const char* tr(const char* msgid);                    // translation, else msgid itself (same pointer; nullptr -> "")
const char* trc(const char* ctx, const char* msgid);  // the same with a msgctxt
const char* trn(const char* singular, const char* plural, long n);  // gettext plural; else |n| == 1 ? singular : plural
#ifndef N_
#define N_(s) s  // marks a string for extraction (xgettext --keyword=N_) without translating it: static tables
#endif

std::string Format(std::string_view pattern, std::initializer_list<std::string_view> args);  // "{0}" -> args[0]...
std::string Plural(const char* singular, const char* plural, long n);  // Format(trn(...), {FormatInt(n)})
// Format: "{{" -> "{" and "}}" -> "}"; "{k}" with no args[k], "{}", "{x}" and lone braces are copied as is.

// [SECTION] Numbers, dates and times (in CurrentLang())
std::string FormatInt(long long n);  // en/ja "1,234", de "1.234", fr "1 234" (U+202F), ar "١٬٢٣٤"; "-1,234"
std::string FormatDecimal(double v, int max_fraction_digits);  // rounded, no trailing zeros: de "1.234,5", ar "١٬٢٣٤٫٥"
std::string_view MonthName(int month, bool abbreviated);      // 1..12 as used inside a date: "Dez.", "déc.", "12月"
std::string FormatDateShort(int year, int month, int day);    // "Dec 5, 2026", "5. Dez. 2026", "2026年12月5日"...
std::string FormatDateNumeric(int year, int month, int day);  // en "2026-12-05", de "05.12.2026", ja "2026/12/05"...
std::string FormatTime(int hour, int minute);                 // en "2:05 PM", de/fr "14:05", ja "9:05", ar "٢:٠٥ م"

}  // namespace spoc::i18n
