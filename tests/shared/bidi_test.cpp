// Tests for shared/domain/bidi.h: HasRtl and the paragraph direction, Arabic shaping (joining
// forms, transparent marks, tatweel and joiners, lam-alef ligatures, Persian letters) and the
// visual order of a line (mixed directions, numbers, mirrored brackets, marks and emoji kept with
// their base, long lines past the stack buffer).
#include "shared/domain/bidi.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "shared/domain/text.h"

using spoc::kBidiAuto;
using spoc::kBidiLtr;
using spoc::kBidiRtl;
using spoc::ShapeArabic;
using spoc::VisualLine;

namespace {

std::string U8(std::initializer_list<std::uint32_t> cps) {
    std::string out;
    for (std::uint32_t cp : cps) spoc::AppendUtf8(out, cp);
    return out;
}

std::vector<std::uint32_t> CodePoints(std::string_view s) {
    std::vector<std::uint32_t> out;
    for (std::size_t i = 0; i < s.size();) out.push_back(spoc::NextCodePoint(s, i));
    return out;
}

// مرحبا shaped (initial meem, final reh, initial hah, medial beh, final alef), in visual order.
const std::string kMarhabaVisual = U8({0xFE8E, 0xFE92, 0xFEA3, 0xFEAE, 0xFEE3});

}  // namespace

// [SECTION] Scanning ---------------------------------------------------------------------------

TEST_CASE("bidi: HasRtl finds right-to-left scripts only") {
    for (const char* ltr : {"", "plain ASCII text, 1+2=3 (ok)", "naïve café", "你好 🙂", "Ελληνικά русский ﬁ"})
        CHECK_FALSE_MESSAGE(spoc::HasRtl(ltr), ltr);
    for (const char* rtl : {"שלום", "abc مرحبا", "پیام", "ܫܠܡܐ", "\xE2\x80\x8F", "\xEF\xBB\xBB", "\xF0\x9E\xA4\x80"})
        CHECK_MESSAGE(spoc::HasRtl(rtl), rtl);
    CHECK_FALSE(spoc::HasRtl("\xff\xfe broken"));  // malformed bytes are not RTL
}

TEST_CASE("bidi: the paragraph direction is the first strong character's") {
    CHECK(spoc::ParagraphDirection("Hello שלום") == kBidiLtr);
    CHECK(spoc::ParagraphDirection("123, (שלום) Hello") == kBidiRtl);  // digits and punctuation are not strong
    CHECK(spoc::ParagraphDirection("مرحبا") == kBidiRtl);
    CHECK(spoc::ParagraphDirection("ñ") == kBidiLtr);
    CHECK(spoc::ParagraphDirection("") == kBidiLtr);
    CHECK(spoc::ParagraphDirection("42 !") == kBidiLtr);
}

// [SECTION] Shaping ----------------------------------------------------------------------------

TEST_CASE("bidi: Arabic letters take their joining forms") {
    CHECK(ShapeArabic("مرحبا") == U8({0xFEE3, 0xFEAE, 0xFEA3, 0xFE92, 0xFE8E}));
    CHECK(ShapeArabic("ب") == U8({0xFE8F}));                     // alone: isolated
    CHECK(ShapeArabic("ببب") == U8({0xFE91, 0xFE92, 0xFE90}));   // initial, medial, final
    CHECK(ShapeArabic("دار") == U8({0xFEA9, 0xFE8D, 0xFEAD}));   // right-joining letters never join forward
    CHECK(ShapeArabic("ب ب") == U8({0xFE8F, ' ', 0xFE8F}));      // a space breaks the join
    CHECK(ShapeArabic("پیام") == U8({0xFB58, 0xFBFF, 0xFE8E, 0xFEE1}));  // Persian peh and yeh (Forms-A)
    CHECK(ShapeArabic("ءب") == U8({0xFE80, 0xFE8F}));            // hamza does not join
}

TEST_CASE("bidi: lam-alef becomes one ligature") {
    CHECK(ShapeArabic("لا") == U8({0xFEFB}));
    CHECK(ShapeArabic("سلام") == U8({0xFEB3, 0xFEFC, 0xFEE1}));  // final ligature after a joining seen
    CHECK(ShapeArabic("لأ") == U8({0xFEF7}));
    CHECK(ShapeArabic("لإ") == U8({0xFEF9}));
    CHECK(ShapeArabic("لآ") == U8({0xFEF5}));
    CHECK(ShapeArabic("لَا") == U8({0xFEFB, 0x064E}));             // the lam's mark follows the ligature
    CHECK(ShapeArabic("لب") == U8({0xFEDF, 0xFE90}));            // no alef: an ordinary initial lam
}

TEST_CASE("bidi: marks are transparent, tatweel and ZWJ join, ZWNJ breaks") {
    CHECK(ShapeArabic("بَاب") == U8({0xFE91, 0x064E, 0xFE8E, 0xFE8F}));
    CHECK(ShapeArabic("بـب") == U8({0xFE91, 0x0640, 0xFE90}));
    CHECK(ShapeArabic("ب\u200D") == U8({0xFE91, 0x200D}));
    CHECK(ShapeArabic("\u200Dب") == U8({0x200D, 0xFE90}));
    CHECK(ShapeArabic("ب\u200Cب") == U8({0xFE8F, 0x200C, 0xFE8F}));
}

TEST_CASE("bidi: text without Arabic letters is not touched by shaping") {
    for (const char* text : {"", "abc", "שלום", "naïve 🙂", "ﻣﺮﺣﺒﺎ"})  // presentation forms stay as they are
        CHECK(ShapeArabic(text) == text);
    CHECK(ShapeArabic("ب\xff") == U8({0xFE8F, 0xFFFD}));  // malformed bytes become U+FFFD
}

// [SECTION] Visual order -----------------------------------------------------------------------

TEST_CASE("bidi: left-to-right text comes back byte for byte") {
    for (const char* text : {"", "Hello, world! (test) 1+2=3 <tag> [x] {y}", "naïve café e\xCC\x81", "你好 👩‍💻 🇩🇪",
                             "trailing spaces   ", "\xff invalid bytes stay"}) {
        CHECK(VisualLine(text, kBidiAuto) == text);
        CHECK(VisualLine(text, kBidiLtr) == text);
    }
}

TEST_CASE("bidi: an RTL word inside LTR text is shaped and reversed in place") {
    CHECK(VisualLine("abc مرحبا def", kBidiLtr) == "abc " + kMarhabaVisual + " def");
    CHECK(VisualLine("abc مرحبا def", kBidiAuto) == "abc " + kMarhabaVisual + " def");
    CHECK(VisualLine("Printer שלום עולם ok", kBidiLtr) == "Printer םלוע םולש ok");
}

TEST_CASE("bidi: an RTL paragraph is reversed") {
    CHECK(VisualLine("שלום", kBidiAuto) == "םולש");
    CHECK(VisualLine("שלום עולם", kBidiAuto) == "םלוע םולש");
    CHECK(VisualLine("مرحبا", kBidiAuto) == kMarhabaVisual);
    CHECK(VisualLine("سلام", kBidiRtl) == U8({0xFEE1, 0xFEFC, 0xFEB3}));
    CHECK(VisualLine("abc!", kBidiRtl) == "!abc");  // the neutral at the end goes to the RTL side
}

TEST_CASE("bidi: numbers keep their digit order") {
    CHECK(VisualLine("مرحبا 123", kBidiAuto) == "123 " + kMarhabaVisual);
    CHECK(VisualLine("שלום 123", kBidiAuto) == "123 םולש");
    CHECK(VisualLine("מחיר 1,234.50 ₪", kBidiAuto) == "₪ 1,234.50 ריחמ");
    CHECK(VisualLine("שלום 5% עולם", kBidiAuto) == "םלוע 5% םולש");
    CHECK(VisualLine("مرحبا ١٢٣", kBidiAuto) == "١٢٣ " + kMarhabaVisual);  // Arabic-Indic digits
    CHECK(VisualLine("abc 12 שלום", kBidiLtr) == "abc 12 םולש");
    CHECK(VisualLine("ab 12 cd", kBidiRtl) == "ab 12 cd");
}

TEST_CASE("bidi: brackets and < > mirror in RTL runs") {
    CHECK(VisualLine("(שלום)", kBidiAuto) == "(םולש)");
    CHECK(VisualLine("שלום [עולם]", kBidiAuto) == "[םלוע] םולש");
    CHECK(VisualLine("א < ב", kBidiAuto) == "ב > א");
    CHECK(VisualLine("«שלום»", kBidiAuto) == "«םולש»");
    CHECK(VisualLine("שלום (abc) עולם", kBidiAuto) == "םלוע (abc) םולש");
    CHECK(VisualLine("abc (שלום) def", kBidiLtr) == "abc (םולש) def");  // N0: the pair follows its content
    CHECK(VisualLine("abc (def) ghi", kBidiRtl) == "abc (def) ghi");    // L brackets are never mirrored
}

TEST_CASE("bidi: marks stay after their base letter") {
    CHECK(VisualLine("بَاب", kBidiAuto) == U8({0xFE8F, 0xFE8E, 0xFE91, 0x064E}));
    CHECK(VisualLine("שָׁלוֹם", kBidiAuto) == U8({0x05DD, 0x05D5, 0x05B9, 0x05DC, 0x05E9, 0x05B8, 0x05C1}));
}

TEST_CASE("bidi: emoji sequences and flags stay intact inside RTL text") {
    CHECK(VisualLine("שלום 👩‍💻 עולם", kBidiAuto) == "םלוע 👩‍💻 םולש");
    CHECK(VisualLine("שלום 🇩🇪🇫🇷", kBidiAuto) == "🇩🇪🇫🇷 םולש");  // flags are L: their order stays
    CHECK(VisualLine("שלום 👍🏽❤️", kBidiAuto) == "❤️👍🏽 םולש");
    CHECK(VisualLine("👩🏽‍💻 مرحبا", kBidiRtl) == kMarhabaVisual + " 👩🏽‍💻");
}

TEST_CASE("bidi: a Latin phrase inside RTL text keeps its letter order") {
    CHECK(VisualLine("שלום abc עולם", kBidiAuto) == "םלוע abc םולש");
    CHECK(VisualLine("الطابعة HP LaserJet لا تعمل", kBidiAuto).find("HP LaserJet") != std::string::npos);
    const std::string mixed = VisualLine("مرحبا Hello World", kBidiAuto);
    CHECK(mixed == "Hello World " + kMarhabaVisual);
}

TEST_CASE("bidi: lines longer than the stack buffer") {
    std::string logical;
    for (int i = 0; i < 2 * spoc::kBidiStackCodePoints; ++i) logical += "שב ";
    std::vector<std::uint32_t> expected = CodePoints(logical);
    std::reverse(expected.begin(), expected.end());  // all level 1, nothing to mirror
    CHECK(CodePoints(VisualLine(logical, kBidiAuto)) == expected);
    std::string arabic;
    for (int i = 0; i < spoc::kBidiStackCodePoints; ++i) arabic += "مرحبا ";
    const std::string visual = VisualLine(arabic, kBidiRtl);
    CHECK(visual.find(kMarhabaVisual + " " + kMarhabaVisual) != std::string::npos);
}

TEST_CASE("bidi: VisualClusters map each drawn cluster back to its logical bytes") {
    using spoc::VisualClusters;
    const std::vector<std::string> lines = {
        "abc " + U8({0x0645, 0x0631, 0x062D, 0x0628, 0x0627}) + " 123",   // Latin, Arabic, digits
        U8({0x0634, 0x0643, 0x0631, 0x0627}) + " (VPN) " + U8({0x05E9, 0x05DC, 0x05D5, 0x05DD}),
        U8({0x0644, 0x064E, 0x0627, 0x0020, 0x0628}),                     // lam + fatha + alef: one ligature
        "plain ascii",
        "",
    };
    for (const std::string& line : lines) {
        for (int dir : {kBidiLtr, kBidiRtl}) {
            CAPTURE(line);
            CAPTURE(dir);
            const auto clusters = VisualClusters(line, dir);
            std::string glyphs;
            std::vector<int> covered(line.size(), 0);
            for (const auto& c : clusters) {
                glyphs += c.glyphs;
                REQUIRE(c.begin < c.end);
                REQUIRE(c.end <= line.size());
                for (std::uint32_t i = c.begin; i < c.end; ++i) ++covered[i];
            }
            CHECK(glyphs == VisualLine(line, dir));  // same drawing as the display path
            const bool each_byte_once = std::all_of(covered.begin(), covered.end(), [](int n) { return n == 1; });
            CHECK(each_byte_once);
        }
    }
    // Right to left: the leftmost cluster drawn is the last letter typed, and it is on an RTL level.
    const std::string salam = U8({0x0633, 0x0644, 0x0627, 0x0645});  // سلام: seen, lam-alef, meem
    const auto c = VisualClusters(salam, kBidiRtl);
    REQUIRE(c.size() == 3);
    CHECK(c[0].begin == 6);  // meem
    CHECK(c[0].rtl);
    CHECK(c[1].begin == 2);  // lam-alef: one cluster over both letters
    CHECK(c[1].end == 6);
    CHECK(CodePoints(c[1].glyphs) == std::vector<std::uint32_t>{0xFEFC});
    CHECK(c[2].begin == 0);
    // A Latin word inside an RTL paragraph keeps its own order, on an LTR level.
    const auto mixed = VisualClusters(U8({0x0634}) + " ab", kBidiRtl);
    REQUIRE(mixed.size() == 4);
    CHECK(mixed[0].glyphs == "a");
    CHECK_FALSE(mixed[0].rtl);
    CHECK(mixed[1].glyphs == "b");
    CHECK(mixed[3].begin == 0);
}
