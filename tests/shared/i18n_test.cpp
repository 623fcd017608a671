// Tests for shared/domain/i18n.h: language tags and Accept-Language negotiation, plural rules,
// the .mo catalog reader (files built here by a tiny writer in both byte orders, one written by
// GNU msgfmt, and every kind of broken file), tr/trc/trn with and without a thread locale,
// Format, and numbers, month names, dates and times in each of the five languages.
#include "shared/domain/i18n.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

using namespace spoc::i18n;

namespace {

// [SECTION] Helpers

struct MoEntry {
    std::string key, value;
};

std::string PluralKey(std::string_view singular, std::string_view plural) {
    return std::string(singular) + '\0' + std::string(plural);
}

std::string Forms(std::initializer_list<std::string_view> forms) {  // msgstr[0] '\0' msgstr[1] ...
    std::string out;
    bool first = true;
    for (std::string_view form : forms) {
        if (!first) out += '\0';
        out += form;
        first = false;
    }
    return out;
}

std::string CtxKey(std::string_view ctx, std::string_view msgid) {
    return std::string(ctx) + '\x04' + std::string(msgid);
}

void Put32(std::string& out, std::size_t at, std::uint32_t v, bool big_endian) {
    for (int i = 0; i < 4; ++i) {
        const int shift = big_endian ? 24 - 8 * i : 8 * i;
        out[at + static_cast<std::size_t>(i)] = static_cast<char>((v >> shift) & 0xFF);
    }
}

// A minimal .mo writer: header, the two tables, then every string followed by a NUL; no hash table.
std::string WriteMo(std::vector<MoEntry> entries, bool big_endian = false, bool sorted = true) {
    if (sorted)
        std::sort(entries.begin(), entries.end(), [](const MoEntry& a, const MoEntry& b) { return a.key < b.key; });
    const std::size_t n = entries.size();
    const std::size_t originals = 28, translations = 28 + 8 * n;
    std::string out(28 + 16 * n, '\0');
    Put32(out, 0, 0x950412de, big_endian);
    Put32(out, 8, static_cast<std::uint32_t>(n), big_endian);
    Put32(out, 12, static_cast<std::uint32_t>(originals), big_endian);
    Put32(out, 16, static_cast<std::uint32_t>(translations), big_endian);
    Put32(out, 24, static_cast<std::uint32_t>(out.size()), big_endian);  // hash table offset, size 0
    auto append = [&](std::size_t table, std::size_t i, const std::string& text) {
        Put32(out, table + 8 * i, static_cast<std::uint32_t>(text.size()), big_endian);
        Put32(out, table + 8 * i + 4, static_cast<std::uint32_t>(out.size()), big_endian);
        out += text;
        out += '\0';
    };
    for (std::size_t i = 0; i < n; ++i) append(originals, i, entries[i].key);
    for (std::size_t i = 0; i < n; ++i) append(translations, i, entries[i].value);
    return out;
}

std::vector<MoEntry> GermanEntries() {
    return {
        {"", "Project-Id-Version: spoc\nLanguage: de\nPlural-Forms: nplurals=2; plural=(n != 1);\n"},
        {"Save", "Speichern"},
        {"Cancel", "Abbrechen"},
        {"Untranslated", ""},
        {CtxKey("verb", "Open"), "Öffnen"},
        {CtxKey("status", "Open"), "Offen"},
        {PluralKey("{0} ticket", "{0} tickets"), Forms({"{0} Ticket", "{0} Tickets"})},
        {PluralKey("{0} file", "{0} files"), Forms({"{0} Datei", ""})},  // msgstr[1] left empty
    };
}

Catalog LoadOrFail(const std::string& bytes) {
    Catalog catalog;
    std::string error;
    const bool ok = catalog.Load(bytes, &error);
    CHECK_MESSAGE(ok, error);
    return catalog;
}

std::string Str(const char* s) { return s ? s : "(null)"; }

// Sets the thread locale for one scope and restores English after.
struct ScopedLocale {
    explicit ScopedLocale(const Locale* locale) { SetThreadLocale(locale); }
    ~ScopedLocale() { SetThreadLocale(nullptr); }
};

template <class F>
auto In(Lang lang, F f) {
    const Locale locale{lang, nullptr};
    ScopedLocale scope(&locale);
    return std::string(f());
}

// What GNU msgfmt 0.21 wrote for this .po (has a hash table; sorted originals):
//   header "Language: de\nContent-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural=(n != 1);\n"
//   "Save" -> "Speichern"; msgctxt "verb" "Open" -> "Öffnen"; msgctxt "status" "Open" -> "Offen";
//   "{0} ticket" / "{0} tickets" -> "{0} Ticket" / "{0} Tickets"
const char kMsgfmtMo[] =
    "\336\022\004\225\000\000\000\000\005\000\000\000\034\000\000\000D\000\000\000\007\000\000\000l\000"
    "\000\000\000\000\000\000\210\000\000\000\004\000\000\000\211\000\000\000\013\000\000\000\216\000\000"
    "\000\011\000\000\000\232\000\000\000\026\000\000\000\244\000\000\000`\000\000\000\273\000\000\000"
    "\011\000\000\000\034\001\000\000\005\000\000\000&\001\000\000\007\000\000\000,\001\000\000\026\000"
    "\000\0004\001\000\000\001\000\000\000\000\000\000\000\005\000\000\000\002\000\000\000\003\000\000"
    "\000\004\000\000\000\000\000\000\000\000Save\000status\004Open\000verb\004Open\000{0} ticket\000{0} "
    "tickets\000Language: de\012Content-Type: text/plain; charset=UTF-8\012Plural-Forms: nplurals=2; plur"
    "al=(n != 1);\012\000Speichern\000Offen\000\303\226ffnen\000{0} Ticket\000{0} Tickets\000";

}  // namespace

// [SECTION] Languages

TEST_CASE("i18n: language codes, native names and direction") {
    CHECK(LangCode(Lang::de) == "de");
    CHECK(LangCode(Lang::ar) == "ar");
    CHECK(LangNativeName(Lang::en) == "English");
    CHECK(LangNativeName(Lang::fr) == "Français");
    CHECK(LangNativeName(Lang::ja) == "日本語");
    CHECK(LangNativeName(Lang::ar) == "العربية");
    for (Lang lang : kLangs) CHECK(IsRtl(lang) == (lang == Lang::ar));
    CHECK(std::size(kLangs) == 5);
}

TEST_CASE("i18n: ParseLang accepts supported tags with any region or case") {
    const struct {
        const char* tag;
        Lang lang;
    } good[] = {{"de", Lang::de},     {"de-CH", Lang::de},      {"DE_de", Lang::de},       {"ja-JP", Lang::ja},
                {"en", Lang::en},     {"EN-us", Lang::en},      {"fr-CA", Lang::fr},       {"ar-EG", Lang::ar},
                {"ar-001", Lang::ar}, {"de-Latn-DE", Lang::de}, {"fr_FR.UTF-8", Lang::fr}, {"de_DE@euro", Lang::de}};
    for (const auto& c : good) {
        Lang lang = Lang::en;
        CHECK_MESSAGE(ParseLang(c.tag, &lang), c.tag);
        CHECK_MESSAGE(lang == c.lang, c.tag);
    }
    for (const char* tag : {"es", "zh", "", "d", "deu", "english", "de-", "-de", "de--CH", "de CH", " de", "*",
                            "de-toolongsubtag", "C", "POSIX", "e\xc3\xa9"}) {
        Lang lang = Lang::ja;
        CHECK_FALSE_MESSAGE(ParseLang(tag, &lang), tag);
        CHECK(lang == Lang::ja);  // untouched on failure
    }
}

TEST_CASE("i18n: Negotiate picks the best supported language from real headers") {
    CHECK(Negotiate("fr-CA,fr;q=0.9,en;q=0.8") == Lang::fr);
    CHECK(Negotiate("de-DE,de;q=0.9,en-US;q=0.8,en;q=0.7") == Lang::de);
    CHECK(Negotiate("ja,en-US;q=0.9,en;q=0.8") == Lang::ja);
    CHECK(Negotiate("ar-SA,ar;q=0.9") == Lang::ar);
    CHECK(Negotiate("en-GB,en;q=0.9") == Lang::en);
    // q-values win over order; equal q keeps header order.
    CHECK(Negotiate("en;q=0.5, de;q=0.9, fr;q=0.7") == Lang::de);
    CHECK(Negotiate("fr;q=0.8, ja;q=0.8") == Lang::fr);
    CHECK(Negotiate("de;q=0.1, ja") == Lang::ja);
    CHECK(Negotiate("de ; q=0.4 , fr;Q=0.5") == Lang::fr);
    CHECK(Negotiate("de;q=1.000,fr;q=1") == Lang::de);
    // Unsupported languages are skipped, then the first supported one wins.
    CHECK(Negotiate("es-ES,es;q=0.9,de;q=0.5") == Lang::de);
    CHECK(Negotiate("pt-BR,zh-CN;q=0.8") == Lang::en);
    // "*", q=0 ("not acceptable") and malformed q-values are ignored.
    CHECK(Negotiate("*,de;q=0.5") == Lang::de);
    CHECK(Negotiate("*;q=1,ja;q=0.1") == Lang::ja);
    CHECK(Negotiate("fr;q=0,de;q=0.2") == Lang::de);
    CHECK(Negotiate("fr;q=2,de;q=0.2") == Lang::de);
    CHECK(Negotiate("fr;q=abc,de;q=0.2") == Lang::de);
    CHECK(Negotiate("fr;q=,ar;q=0.3") == Lang::ar);
    CHECK(Negotiate("fr;level=1;q=0.6,de;q=0.5") == Lang::fr);
    CHECK(Negotiate("fr;q = 0.1,de;q=0.5") == Lang::fr);  // "q = 0.1" is not a weight (RFC 9110 has no spaces there)
    // navigator.languages joined with commas.
    CHECK(Negotiate("ja-JP,ja,en-US,en") == Lang::ja);
    CHECK(Negotiate("es,fr") == Lang::fr);
    // Garbage and empty input fall back to English.
    for (const char* header : {"", ",", ";;;", ";q=0.9", "q=1", "\xff\xfe", "de-\xff", "   ", "en;q=0", "zz,yy;q=1",
                               "d e,f r"})
        CHECK_MESSAGE(Negotiate(header) == Lang::en, header);
    CHECK(Negotiate(std::string(1000, ',') + "ja") == Lang::ja);
}

// [SECTION] Plural rules

TEST_CASE("i18n: plural rules per language") {
    const long ns[] = {0, 1, 2, 3, 10, 11, 99, 100, 101, 102, 111};
    const int en[] = {1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    const int fr[] = {0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    const int ar[] = {0, 1, 2, 3, 3, 4, 4, 5, 5, 5, 4};  // zero one two few few many many other other other many
    for (std::size_t i = 0; i < std::size(ns); ++i) {
        CAPTURE(ns[i]);
        CHECK(PluralIndex(Lang::en, ns[i]) == en[i]);
        CHECK(PluralIndex(Lang::de, ns[i]) == en[i]);
        CHECK(PluralIndex(Lang::fr, ns[i]) == fr[i]);
        CHECK(PluralIndex(Lang::ja, ns[i]) == 0);
        CHECK(PluralIndex(Lang::ar, ns[i]) == ar[i]);
    }
    CHECK(PluralIndex(Lang::ar, 1003) == 3);
    CHECK(PluralIndex(Lang::ar, 1000000) == 5);
    CHECK(PluralIndex(Lang::fr, 1000000) == 1);  // CLDR "many" folds into "other"
    // CLDR works on |n|: "-1 day".
    CHECK(PluralIndex(Lang::en, -1) == 0);
    CHECK(PluralIndex(Lang::ar, -2) == 2);
    CHECK(PluralIndex(Lang::en, std::numeric_limits<long>::min()) == 1);
    for (Lang lang : kLangs)
        for (long n = 0; n < 1000; ++n) {
            const int index = PluralIndex(lang, n);
            CHECK((index >= 0 && index < PluralCount(lang)));
        }
    CHECK(PluralCount(Lang::en) == 2);
    CHECK(PluralCount(Lang::de) == 2);
    CHECK(PluralCount(Lang::fr) == 2);
    CHECK(PluralCount(Lang::ja) == 1);
    CHECK(PluralCount(Lang::ar) == 6);
    CHECK(PluralFormsHeader(Lang::en) == "nplurals=2; plural=(n != 1);");
    CHECK(PluralFormsHeader(Lang::de) == "nplurals=2; plural=(n != 1);");
    CHECK(PluralFormsHeader(Lang::fr) == "nplurals=2; plural=(n > 1);");
    CHECK(PluralFormsHeader(Lang::ja) == "nplurals=1; plural=0;");
    CHECK(PluralFormsHeader(Lang::ar) ==
          "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);");
}

// [SECTION] Catalog

TEST_CASE("i18n: Catalog looks up plain, context and plural entries of a little-endian .mo") {
    const Catalog catalog = LoadOrFail(WriteMo(GermanEntries()));
    CHECK(catalog.size() == 7);
    CHECK(Str(catalog.Find("Save")) == "Speichern");
    CHECK(Str(catalog.Find("Cancel")) == "Abbrechen");
    CHECK(catalog.Find("Untranslated") == nullptr);  // empty translation = missing
    CHECK(catalog.Find("Missing") == nullptr);
    CHECK(catalog.Find("") == nullptr);  // the header is not a translation
    CHECK(catalog.Find("Sav") == nullptr);
    CHECK(catalog.Find("Save ") == nullptr);
    CHECK(catalog.Find(std::string_view("Save\0x", 6)) == nullptr);
    CHECK(catalog.Find("Open") == nullptr);  // only exists with a context
    CHECK(Str(catalog.FindCtx("verb", "Open")) == "Öffnen");
    CHECK(Str(catalog.FindCtx("status", "Open")) == "Offen");
    CHECK(catalog.FindCtx("noun", "Open") == nullptr);
    CHECK(catalog.FindCtx("verb", "Save") == nullptr);
    CHECK(catalog.FindCtx("", "Save") == nullptr);
    CHECK(Str(catalog.FindPlural("{0} ticket", 0)) == "{0} Ticket");
    CHECK(Str(catalog.FindPlural("{0} ticket", 1)) == "{0} Tickets");
    CHECK(catalog.FindPlural("{0} ticket", 2) == nullptr);
    CHECK(catalog.FindPlural("{0} ticket", -1) == nullptr);
    CHECK(catalog.FindPlural("{0} tickets", 0) == nullptr);  // the plural msgid is not a key
    CHECK(Str(catalog.Find("{0} ticket")) == "{0} Ticket");  // gettext() on a plural entry: msgstr[0]
    CHECK(Str(catalog.FindPlural("{0} file", 0)) == "{0} Datei");
    CHECK(catalog.FindPlural("{0} file", 1) == nullptr);
    CHECK(catalog.Header("Language") == "de");
    CHECK(catalog.Header("plural-forms") == "nplurals=2; plural=(n != 1);");
    CHECK(catalog.Header("Project-Id-Version") == "spoc");
    CHECK(catalog.Header("Content-Type").empty());

    const Catalog copy = catalog;  // offsets, not pointers: copies stay valid
    CHECK(Str(copy.FindCtx("verb", "Open")) == "Öffnen");
}

TEST_CASE("i18n: Catalog reads big-endian and unsorted files") {
    const Catalog big = LoadOrFail(WriteMo(GermanEntries(), /*big_endian=*/true));
    CHECK(big.size() == 7);
    CHECK(Str(big.Find("Save")) == "Speichern");
    CHECK(Str(big.FindCtx("status", "Open")) == "Offen");
    CHECK(Str(big.FindPlural("{0} ticket", 1)) == "{0} Tickets");
    CHECK(big.Header("Language") == "de");

    const Catalog unsorted = LoadOrFail(WriteMo(GermanEntries(), false, /*sorted=*/false));
    for (const char* id : {"Save", "Cancel"}) CHECK(unsorted.Find(id) != nullptr);
    CHECK(Str(unsorted.FindCtx("verb", "Open")) == "Öffnen");
    CHECK(Str(unsorted.FindPlural("{0} ticket", 1)) == "{0} Tickets");

    // Many keys: every one is found by the binary search, and its neighbours are not confused.
    std::vector<MoEntry> many;
    for (int i = 0; i < 500; ++i) many.push_back({"key " + std::to_string(i * 7), "value " + std::to_string(i)});
    const Catalog large = LoadOrFail(WriteMo(many));
    CHECK(large.size() == 500);
    for (int i = 0; i < 500; ++i) {
        CHECK(Str(large.Find("key " + std::to_string(i * 7))) == "value " + std::to_string(i));
        CHECK(large.Find("key " + std::to_string(i * 7 + 1)) == nullptr);
    }
    CHECK(large.Header("Language").empty());  // no header entry at all
}

TEST_CASE("i18n: Catalog reads a file written by GNU msgfmt") {
    const Catalog catalog = LoadOrFail(std::string(kMsgfmtMo, sizeof(kMsgfmtMo) - 1));
    CHECK(catalog.size() == 4);
    CHECK(Str(catalog.Find("Save")) == "Speichern");
    CHECK(Str(catalog.FindCtx("verb", "Open")) == "Öffnen");
    CHECK(Str(catalog.FindCtx("status", "Open")) == "Offen");
    CHECK(Str(catalog.FindPlural("{0} ticket", 0)) == "{0} Ticket");
    CHECK(Str(catalog.FindPlural("{0} ticket", 1)) == "{0} Tickets");
    CHECK(catalog.Header("Language") == "de");
    CHECK(catalog.Header("Plural-Forms") == PluralFormsHeader(Lang::de));
}

TEST_CASE("i18n: Catalog rejects truncated, garbage and out-of-bounds files without crashing") {
    const std::string good = WriteMo(GermanEntries());
    const std::string msgfmt(kMsgfmtMo, sizeof(kMsgfmtMo) - 1);
    for (const std::string* file : {&good, &msgfmt}) {
        for (std::size_t len = 0; len < file->size(); ++len) {
            Catalog catalog;
            std::string error;
            CHECK_FALSE_MESSAGE(catalog.Load(file->substr(0, len), &error), len);
            CHECK_FALSE(error.empty());
            CHECK(catalog.size() == 0);
            CHECK(catalog.Find("Save") == nullptr);
            CHECK(catalog.Header("Language").empty());
        }
    }

    auto rejects = [](std::string bytes) {
        Catalog catalog;
        std::string error;
        const bool ok = catalog.Load(std::move(bytes), &error);
        return !ok && !error.empty() && catalog.size() == 0 && catalog.Find("Save") == nullptr;
    };
    // GermanEntries() has 8 strings: the originals table is at 28, the translations table at 28 + 8 * 8,
    // and translation 1 (sorted: "", "Cancel", ...) is "Abbrechen", followed by "\0Speichern".
    const std::size_t kTranslations = 28 + 8 * 8;
    auto patched = [&good](std::size_t at, std::uint32_t v) {
        std::string bytes = good;
        Put32(bytes, at, v, false);
        return bytes;
    };
    CHECK(rejects("garbage that is long enough to hold a header"));
    CHECK(rejects(std::string(64, '\0')));
    CHECK(rejects(std::string(64, '\xff')));
    CHECK(rejects(patched(0, 0x950412df)));         // magic off by one
    CHECK(rejects(patched(4, 0x00020000)));         // major revision 2
    CHECK(rejects(patched(8, 0xFFFFFFFF)));         // 4 billion strings
    CHECK(rejects(patched(12, 0xFFFFFFF0)));        // originals table past the end
    CHECK(rejects(patched(16, static_cast<std::uint32_t>(good.size()))));  // translations table at the end
    CHECK(rejects(patched(28, 0xFFFFFFFF)));        // first key: length overflows
    CHECK(rejects(patched(32, 0xFFFFFFFF)));        // first key: offset past the end
    CHECK(rejects(patched(kTranslations + 8, 10)));  // "Abbrechen" one byte longer: ends on 'S', not on a NUL
    CHECK(rejects(patched(kTranslations + 8 * 7 + 4, static_cast<std::uint32_t>(good.size()))));  // starts at EOF
    CHECK(Str(LoadOrFail(patched(kTranslations + 8, 9)).Find("Cancel")) == "Abbrechen");  // the unpatched value
    std::string unterminated = good;  // last string not NUL-terminated (not string::replace: GCC 12 -Wrestrict false positive)
    unterminated.back() = 'x';
    CHECK(rejects(unterminated));
    CHECK_FALSE(rejects(patched(24, 0xFFFFFFFF)));  // the hash table is not used, so its offset does not matter

    // A failed Load empties a catalog that was loaded before.
    Catalog catalog = LoadOrFail(good);
    CHECK_FALSE(catalog.Load("nope", nullptr));  // error may be null
    CHECK(catalog.size() == 0);
    CHECK(catalog.Find("Save") == nullptr);

    // Random corruption of valid files must never crash (run under ASan/UBSan to mean something).
    std::uint32_t seed = 12345;
    auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
    for (int round = 0; round < 3000; ++round) {
        std::string bytes = round % 2 ? good : msgfmt;
        const int flips = 1 + static_cast<int>(next() % 4);
        for (int k = 0; k < flips; ++k) bytes[next() % bytes.size()] = static_cast<char>(next() >> 24);
        Catalog fuzzed;
        if (fuzzed.Load(bytes, nullptr)) {
            for (const char* id : {"Save", "Cancel", "{0} ticket", "", "Open"}) {
                (void)fuzzed.Find(id);
                for (int index = 0; index < 3; ++index) (void)fuzzed.FindPlural(id, index);
                (void)fuzzed.FindCtx("verb", id);
            }
            (void)fuzzed.Header("Language");
        }
    }
}

// [SECTION] Translation

TEST_CASE("i18n: tr, trc and trn without a locale return the English text itself") {
    SetThreadLocale(nullptr);
    CHECK(CurrentLang() == Lang::en);
    CHECK(ThreadLocale().catalog == nullptr);
    const char* msgid = "Save";
    CHECK(tr(msgid) == msgid);  // the same pointer
    const char* ctx_msgid = "Open";
    CHECK(trc("verb", ctx_msgid) == ctx_msgid);
    const char* one = "{0} ticket";
    const char* many = "{0} tickets";
    CHECK(trn(one, many, 1) == one);
    CHECK(trn(one, many, 0) == many);
    CHECK(trn(one, many, 2) == many);
    CHECK(trn(one, many, -1) == one);
    CHECK(std::string(tr(nullptr)).empty());
    CHECK(Plural("{0} ticket", "{0} tickets", 1) == "1 ticket");
    CHECK(Plural("{0} ticket", "{0} tickets", 1234) == "1,234 tickets");
    static const char* const kTable[] = {N_("Low"), N_("High")};  // N_ leaves the text as is
    CHECK(std::string(kTable[1]) == "High");

    const Locale english_no_catalog{Lang::en, nullptr};
    ScopedLocale scope(&english_no_catalog);
    CHECK(&ThreadLocale() == &english_no_catalog);
    CHECK(tr(msgid) == msgid);
}

TEST_CASE("i18n: tr, trc and trn follow the thread locale") {
    const Catalog german = LoadOrFail(WriteMo(GermanEntries()));
    const Locale de{Lang::de, &german};
    {
        ScopedLocale scope(&de);
        CHECK(CurrentLang() == Lang::de);
        CHECK(std::string(tr("Save")) == "Speichern");
        const char* missing = "Not in the catalog";
        CHECK(tr(missing) == missing);
        const char* untranslated = "Untranslated";
        CHECK(tr(untranslated) == untranslated);
        CHECK(std::string(trc("verb", "Open")) == "Öffnen");
        CHECK(std::string(trc("status", "Open")) == "Offen");
        CHECK(std::string(trc("noun", "Open")) == "Open");
        CHECK(std::string(trn("{0} ticket", "{0} tickets", 1)) == "{0} Ticket");
        CHECK(std::string(trn("{0} ticket", "{0} tickets", 5)) == "{0} Tickets");
        CHECK(Plural("{0} ticket", "{0} tickets", 1200) == "1.200 Tickets");
        // A missing form falls back to English, by the English rule.
        CHECK(std::string(trn("{0} file", "{0} files", 1)) == "{0} Datei");
        CHECK(std::string(trn("{0} file", "{0} files", 3)) == "{0} files");
        CHECK(std::string(trn("{0} day", "{0} days", 1)) == "{0} day");
        CHECK(Plural("{0} day", "{0} days", 2) == "2 days");
        // The tr() results live in the catalog's bytes, not in a temporary.
        const char* saved = tr("Save");
        CHECK(saved == german.Find("Save"));
    }
    CHECK(std::string(tr("Save")) == "Save");  // back to English after the scope

    const Catalog arabic = LoadOrFail(WriteMo({
        {"", "Language: ar\n"},
        {PluralKey("{0} ticket", "{0} tickets"),
         Forms({"لا تذاكر", "تذكرة واحدة", "تذكرتان", "{0} تذاكر", "{0} تذكرة", "{0} تذكرة."})},
    }));
    const Locale ar{Lang::ar, &arabic};
    ScopedLocale scope(&ar);
    CHECK(IsRtl(CurrentLang()));
    CHECK(Plural("{0} ticket", "{0} tickets", 0) == "لا تذاكر");
    CHECK(Plural("{0} ticket", "{0} tickets", 1) == "تذكرة واحدة");
    CHECK(Plural("{0} ticket", "{0} tickets", 2) == "تذكرتان");
    CHECK(Plural("{0} ticket", "{0} tickets", 7) == "٧ تذاكر");
    CHECK(Plural("{0} ticket", "{0} tickets", 11) == "١١ تذكرة");
    CHECK(Plural("{0} ticket", "{0} tickets", 100) == "١٠٠ تذكرة.");
}

TEST_CASE("i18n: Format replaces numbered arguments and leaves everything else") {
    CHECK(Format("{0} of {1}", {"3", "7"}) == "3 of 7");
    CHECK(Format("{1} before {0}", {"a", "b"}) == "b before a");
    CHECK(Format("{0}{0}{0}", {"x"}) == "xxx");
    CHECK(Format("no arguments", {}) == "no arguments");
    CHECK(Format("", {"x"}).empty());
    CHECK(Format("{0}", {""}).empty());
    CHECK(Format("{2} missing", {"a", "b"}) == "{2} missing");
    CHECK(Format("{0} and {1}", {"only"}) == "only and {1}");
    CHECK(Format("{{0}} is literal", {"x"}) == "{0} is literal");
    CHECK(Format("{{{0}}}", {"x"}) == "{x}");
    CHECK(Format("{{", {}) == "{");
    CHECK(Format("a } b { c", {"x"}) == "a } b { c");
    CHECK(Format("{", {"x"}) == "{");
    CHECK(Format("}", {"x"}) == "}");
    CHECK(Format("{0", {"x"}) == "{0");
    CHECK(Format("{}", {"x"}) == "{}");
    CHECK(Format("{ 0}", {"x"}) == "{ 0}");
    CHECK(Format("{-1}", {"x"}) == "{-1}");
    CHECK(Format("{x}", {"x"}) == "{x}");
    CHECK(Format("{99999999999999999999}", {"x"}) == "{99999999999999999999}");
    CHECK(Format("{10}", {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "ten"}) == "ten");
    CHECK(Format("{01}", {"a", "b"}) == "b");
    CHECK(Format("{0}", {"{1}"}) == "{1}");  // arguments are not expanded again
    CHECK(Format("{0} → {1}", {"日本", "العربية"}) == "日本 → العربية");
}

// [SECTION] Numbers, dates and times

TEST_CASE("i18n: FormatInt per language") {
    const long long values[] = {0, 7, 999, 1000, 1234, -1234, 1234567, std::numeric_limits<long long>::min()};
    const char* en[] = {"0", "7", "999", "1,000", "1,234", "-1,234", "1,234,567", "-9,223,372,036,854,775,808"};
    const char* de[] = {"0", "7", "999", "1.000", "1.234", "-1.234", "1.234.567", "-9.223.372.036.854.775.808"};
    const char* fr[] = {"0", "7", "999", "1\u202F000", "1\u202F234", "-1\u202F234", "1\u202F234\u202F567",
                        "-9\u202F223\u202F372\u202F036\u202F854\u202F775\u202F808"};
    const char* ar[] = {"٠", "٧", "٩٩٩", "١٬٠٠٠", "١٬٢٣٤", "-١٬٢٣٤", "١٬٢٣٤٬٥٦٧", "-٩٬٢٢٣٬٣٧٢٬٠٣٦٬٨٥٤٬٧٧٥٬٨٠٨"};
    for (std::size_t i = 0; i < std::size(values); ++i) {
        const long long v = values[i];
        CAPTURE(v);
        CHECK(In(Lang::en, [v] { return FormatInt(v); }) == en[i]);
        CHECK(In(Lang::ja, [v] { return FormatInt(v); }) == en[i]);
        CHECK(In(Lang::de, [v] { return FormatInt(v); }) == de[i]);
        CHECK(In(Lang::fr, [v] { return FormatInt(v); }) == fr[i]);
        CHECK(In(Lang::ar, [v] { return FormatInt(v); }) == ar[i]);
    }
    CHECK(FormatInt(1234) == "1,234");  // no locale: English
}

TEST_CASE("i18n: FormatDecimal per language") {
    auto dec = [](Lang lang, double v, int digits) { return In(lang, [=] { return FormatDecimal(v, digits); }); };
    CHECK(dec(Lang::en, 1234.5, 2) == "1,234.5");
    CHECK(dec(Lang::ja, 1234.5, 2) == "1,234.5");
    CHECK(dec(Lang::de, 1234.5, 2) == "1.234,5");
    CHECK(dec(Lang::fr, 1234.5, 2) == "1\u202F234,5");
    CHECK(dec(Lang::ar, 1234.5, 2) == "١٬٢٣٤٫٥");
    CHECK(dec(Lang::en, 2.0, 2) == "2");          // trailing zeros dropped, and the mark with them
    CHECK(dec(Lang::en, 2.50, 3) == "2.5");
    CHECK(dec(Lang::en, 0.24, 1) == "0.2");
    CHECK(dec(Lang::en, 0.26, 1) == "0.3");
    CHECK(dec(Lang::en, 1.999, 2) == "2");
    CHECK(dec(Lang::en, 999.96, 1) == "1,000");
    CHECK(dec(Lang::en, 3.14159, 0) == "3");
    CHECK(dec(Lang::en, 3.14159, -4) == "3");     // negative digits act as 0
    CHECK(dec(Lang::en, 0.51, 0) == "1");
    CHECK(dec(Lang::en, -0.001, 2) == "0");       // no "-0"
    CHECK(dec(Lang::en, -0.0, 2) == "0");
    CHECK(dec(Lang::de, -1234.56, 1) == "-1.234,6");
    CHECK(dec(Lang::ar, -0.75, 2) == "-٠٫٧٥");
    CHECK(dec(Lang::en, 0.1 + 0.2, 10) == "0.3");
    CHECK(dec(Lang::en, 1e21, 0) == "1,000,000,000,000,000,000,000");
    CHECK(dec(Lang::en, std::numeric_limits<double>::max(), 20).size() > 400);  // all 309 digits, grouped
    CHECK(dec(Lang::en, std::numeric_limits<double>::quiet_NaN(), 2) == "NaN");
    CHECK(dec(Lang::ar, std::numeric_limits<double>::quiet_NaN(), 2) == "ليس\u00A0رقمًا");
    CHECK(dec(Lang::fr, std::numeric_limits<double>::infinity(), 2) == "∞");
    CHECK(dec(Lang::fr, -std::numeric_limits<double>::infinity(), 2) == "-∞");
}

TEST_CASE("i18n: month names per language") {
    auto month = [](Lang lang, int m, bool abbreviated) { return In(lang, [=] { return MonthName(m, abbreviated); }); };
    CHECK(month(Lang::en, 1, false) == "January");
    CHECK(month(Lang::en, 9, true) == "Sep");
    CHECK(month(Lang::de, 3, false) == "März");
    CHECK(month(Lang::de, 3, true) == "März");
    CHECK(month(Lang::de, 9, true) == "Sept.");
    CHECK(month(Lang::de, 12, true) == "Dez.");
    CHECK(month(Lang::fr, 2, false) == "février");
    CHECK(month(Lang::fr, 7, true) == "juil.");
    CHECK(month(Lang::fr, 8, true) == "août");
    CHECK(month(Lang::ja, 1, true) == "1月");
    CHECK(month(Lang::ja, 12, false) == "12月");
    const char* ar[] = {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
                        "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"};
    for (int m = 1; m <= 12; ++m) {
        CHECK(month(Lang::ar, m, false) == ar[m - 1]);
        CHECK(month(Lang::ar, m, true) == ar[m - 1]);
        for (Lang lang : kLangs) {
            CHECK_FALSE(month(lang, m, false).empty());
            CHECK_FALSE(month(lang, m, true).empty());
        }
    }
    CHECK(MonthName(0, false).empty());
    CHECK(MonthName(13, true).empty());
}

TEST_CASE("i18n: dates per language") {
    auto date = [](Lang lang, int y, int m, int d) { return In(lang, [=] { return FormatDateShort(y, m, d); }); };
    auto numeric = [](Lang lang, int y, int m, int d) { return In(lang, [=] { return FormatDateNumeric(y, m, d); }); };
    CHECK(date(Lang::en, 2026, 12, 5) == "Dec 5, 2026");
    CHECK(date(Lang::de, 2026, 12, 5) == "5. Dez. 2026");
    CHECK(date(Lang::fr, 2026, 12, 5) == "5 déc. 2026");
    CHECK(date(Lang::ja, 2026, 12, 5) == "2026年12月5日");
    CHECK(date(Lang::ar, 2026, 12, 5) == "٥ ديسمبر ٢٠٢٦");
    CHECK(date(Lang::en, 2027, 1, 31) == "Jan 31, 2027");
    CHECK(date(Lang::de, 2026, 5, 1) == "1. Mai 2026");
    CHECK(date(Lang::ja, 2026, 1, 9) == "2026年1月9日");

    CHECK(numeric(Lang::en, 2026, 12, 5) == "2026-12-05");
    CHECK(numeric(Lang::de, 2026, 12, 5) == "05.12.2026");
    CHECK(numeric(Lang::fr, 2026, 12, 5) == "05/12/2026");
    CHECK(numeric(Lang::ja, 2026, 12, 5) == "2026/12/05");
    CHECK(numeric(Lang::ar, 2026, 12, 5) == "٥\u200F/١٢\u200F/٢٠٢٦");
    CHECK(numeric(Lang::en, 2026, 1, 9) == "2026-01-09");
    CHECK(numeric(Lang::ar, 2026, 1, 9) == "٩\u200F/١\u200F/٢٠٢٦");
    CHECK(FormatDateShort(2026, 12, 5) == "Dec 5, 2026");  // no locale: English
}

TEST_CASE("i18n: times per language") {
    auto time = [](Lang lang, int h, int m) { return In(lang, [=] { return FormatTime(h, m); }); };
    CHECK(time(Lang::en, 14, 5) == "2:05 PM");
    CHECK(time(Lang::en, 0, 5) == "12:05 AM");
    CHECK(time(Lang::en, 12, 0) == "12:00 PM");
    CHECK(time(Lang::en, 11, 59) == "11:59 AM");
    CHECK(time(Lang::de, 14, 5) == "14:05");
    CHECK(time(Lang::de, 9, 5) == "09:05");
    CHECK(time(Lang::fr, 0, 0) == "00:00");
    CHECK(time(Lang::ja, 14, 5) == "14:05");
    CHECK(time(Lang::ja, 9, 5) == "9:05");  // CLDR ja "H:mm"
    CHECK(time(Lang::ar, 14, 5) == "٢:٠٥ م");
    CHECK(time(Lang::ar, 0, 30) == "١٢:٣٠ ص");
    CHECK(time(Lang::de, 25, 75) == "23:59");  // out of range: clamped
    CHECK(time(Lang::en, -1, -1) == "12:00 AM");
}
