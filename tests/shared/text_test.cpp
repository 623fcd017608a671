// Tests for shared/domain/text.h's plain-text policy: printable Unicode in every script, emoji
// sequences and direction marks are text; controls, bidi overrides and isolates, line and
// paragraph separators, noncharacters, BOMs and bad UTF-8 are not. Also the validators that
// use it (ValidateDraft, canned responses, KB articles) and UTF-8 decoding.
#include "shared/domain/text.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <initializer_list>
#include <string>

#include "shared/domain/canned.h"
#include "shared/domain/catalog.h"
#include "shared/domain/kb.h"

using spoc::FindForbiddenChar;
using spoc::IsPlainText;

namespace {

std::string U8(std::initializer_list<std::uint32_t> cps) {
    std::string out;
    for (std::uint32_t cp : cps) spoc::AppendUtf8(out, cp);
    return out;
}

std::string Around(std::uint32_t cp) { return "ab" + U8({cp}) + "cd"; }

std::vector<spoc::FieldError> DraftErrors(const std::string& summary, const std::string& description = "") {
    spoc::CatalogItem item;
    item.title = "Something else";
    spoc::RequestDraft draft;
    draft.summary = summary;
    draft.description = description;
    return spoc::ValidateDraft(item, draft, spoc::CivilDate{2026, 3, 10});
}

}  // namespace

TEST_CASE("text: printable Unicode in any script is plain text") {
    for (const char* text : {"Printer on floor 3 is jammed", "naïve café", "你好 مرحبا 🙂", "שלום עולם",
                             "Ελληνικά, русский, हिन्दी, ไทย, 한국어", "👩‍💻", "🇩🇪", "👍🏽", "🏴󠁧󠁢󠁳󠁣󠁴󠁿",
                             "❤️", "e\xcc\x81", "tab\tinside", ""}) {
        CHECK_MESSAGE(IsPlainText(text, false), text);
        CHECK_MESSAGE(IsPlainText(text, true), text);
    }
    // Joiners, variation selectors, direction marks and private use are all text.
    for (std::uint32_t cp : {0x200Cu, 0x200Du, 0xFE0Fu, 0xE0100u, 0xE01EFu, 0x1F3FBu, 0xE0020u, 0xE007Fu,
                             0x1F1E6u, 0x200Eu, 0x200Fu, 0x061Cu, 0x0301u, 0x00A0u, 0x00ADu, 0xE000u, 0x10FFFDu,
                             0xFFFDu, 0xFDCFu, 0xFDF0u}) {
        CHECK_MESSAGE(IsPlainText(Around(cp), false), cp);
        CHECK_FALSE(spoc::IsForbiddenChar(cp, false));
    }
}

TEST_CASE("text: newlines only when allowed") {
    CHECK(IsPlainText("one\ntwo\r\nthree", true));
    CHECK(FindForbiddenChar("one\ntwo", false) == std::uint32_t{'\n'});
    CHECK(FindForbiddenChar("one\rtwo", false) == std::uint32_t{'\r'});
    // U+2028/U+2029 are refused even where newlines are allowed: "\n" is the one line break.
    CHECK(FindForbiddenChar(Around(0x2028), true) == 0x2028u);
    CHECK(FindForbiddenChar(Around(0x2029), true) == 0x2029u);
}

TEST_CASE("text: controls, direction overrides, noncharacters and BOMs are refused") {
    for (std::uint32_t cp : {0x00u, 0x07u, 0x0Bu, 0x0Cu, 0x1Bu, 0x1Fu, 0x7Fu, 0x80u, 0x85u, 0x9Fu,  // C0, DEL, C1
                             0x202Au, 0x202Bu, 0x202Cu, 0x202Du, 0x202Eu,                         // embeddings, overrides
                             0x2066u, 0x2067u, 0x2068u, 0x2069u,                                  // isolates
                             0xFDD0u, 0xFDEFu, 0xFFFEu, 0xFFFFu, 0x1FFFEu, 0x1FFFFu, 0x10FFFEu, 0x10FFFFu,
                             0xFEFFu}) {
        const std::string text = cp == 0 ? std::string("ab\0cd", 5) : Around(cp);
        CHECK_MESSAGE(FindForbiddenChar(text, true) == cp, cp);
        CHECK_MESSAGE(spoc::IsForbiddenChar(cp, true), cp);
    }
    CHECK(FindForbiddenChar(U8({0xFEFF}) + "starts with a BOM", true) == 0xFEFFu);
    CHECK(FindForbiddenChar("ok " + U8({0x202E}) + "txt.exe" + U8({0x2066}), false) == 0x202Eu);  // the first one
}

TEST_CASE("text: invalid UTF-8 is refused") {
    for (const char* bad : {"bad \xff byte", "overlong \xc0\xaf", "surrogate \xed\xa0\x80", "cut \xe2\x82",
                            "too big \xf4\x90\x80\x80", "lone \x80 continuation"}) {
        CHECK_MESSAGE(FindForbiddenChar(bad, true) == spoc::kInvalidUtf8, bad);
        CHECK_FALSE(spoc::IsValidUtf8(bad));
    }
}

TEST_CASE("text: NextCodePoint decodes and steps over malformed bytes one at a time") {
    std::string s = U8({'a', 0xE9, 0x4F60, 0x1F642});
    s += '\xff';
    std::size_t i = 0;
    CHECK(spoc::NextCodePoint(s, i) == 'a');
    CHECK(spoc::NextCodePoint(s, i) == 0xE9u);
    CHECK(spoc::NextCodePoint(s, i) == 0x4F60u);
    CHECK(spoc::NextCodePoint(s, i) == 0x1F642u);
    CHECK(i == s.size() - 1);
    CHECK(spoc::NextCodePoint(s, i) == spoc::kInvalidUtf8);
    CHECK(i == s.size());
}

TEST_CASE("text: problems are sentences that name what was found") {
    CHECK(spoc::PlainTextProblem("fine 🙂", false, "The summary") == "");
    CHECK(spoc::PlainTextProblem("two\nlines", false, "The summary") == "The summary can't contain line breaks.");
    CHECK(spoc::PlainTextProblem("bell\x07", true, "The text") == "The text can't contain control characters (U+0007).");
    CHECK(spoc::PlainTextProblem(Around(0x202E), false, "The title") ==
          "The title can't contain text-direction overrides (U+202E).");
    CHECK(spoc::PlainTextProblem(Around(0x2028), true, "The text") ==
          "The text can't contain line or paragraph separators (U+2028).");
    CHECK(spoc::PlainTextProblem(Around(0xFEFF), true, "The text") == "The text can't contain byte order marks (U+FEFF).");
    CHECK(spoc::PlainTextProblem(Around(0x10FFFF), true, "The text") == "The text can't contain noncharacters (U+10FFFF).");
    CHECK(spoc::PlainTextProblem("\xff", true, "Tags") == "Tags can't contain invalid UTF-8 byte sequences.");
}

TEST_CASE("text: ValidateDraft takes emoji and any script, and refuses direction overrides") {
    CHECK(DraftErrors("My screen shows 🙂").empty());
    CHECK(DraftErrors("你好 مرحبا 🙂", "Details: 👩‍💻 🇩🇪\nnaïve café").empty());
    const auto override = DraftErrors("Invoice " + U8({0x202E}) + "fdp.exe");
    REQUIRE(override.size() == 1);
    CHECK(override[0].field == "summary");
    CHECK(override[0].message == "The summary can't contain text-direction overrides (U+202E).");
    const auto two_lines = DraftErrors("one\ntwo");
    REQUIRE(two_lines.size() == 1);
    CHECK(two_lines[0].message == "The summary can't contain line breaks.");
    const auto isolate = DraftErrors("ok", "text " + U8({0x2066}) + "hidden");
    REQUIRE(isolate.size() == 1);
    CHECK(isolate[0].field == "description");
}

TEST_CASE("text: other validators follow the same policy") {
    spoc::CannedResponse canned;
    canned.title = "Ответ 🙂";
    canned.body = "שלום {{requester.first_name}}\nمرحبا";
    CHECK(spoc::ValidateCannedResponse(canned).empty());
    canned.title = "Bad " + U8({0x202E});
    const auto canned_errors = spoc::ValidateCannedResponse(canned);
    REQUIRE(canned_errors.size() == 1);
    CHECK(canned_errors[0].field == "title");

    spoc::ArticleContent article;
    article.title = "Drucker 🖨️ einrichten";
    article.body = "Schritt 1: 你好\nSchritt 2: مرحبا";
    article.tags = {"drucker", "🖨️"};
    CHECK(spoc::ValidateArticleContent(article).empty());
    article.tags = {"ok", "b" + U8({0x2067})};
    const auto kb_errors = spoc::ValidateArticleContent(article);
    REQUIRE(kb_errors.size() == 1);
    CHECK(kb_errors[0].message == "Tags can't contain text-direction overrides (U+2067).");
}
