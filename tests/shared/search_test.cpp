// Tests for the knowledge-base search (shared/domain/search.h, search_text.h): text
// pipeline (folding, tokenizing, stop words, Porter2 stems), BM25 ranking, prefix,
// typos, synonyms, phrases, snippets, determinism and hostile input; and the catalog search
// and suggestion rule built on it (shared/domain/catalog_search.h).
#include "shared/domain/catalog_search.h"
#include "shared/domain/search.h"
#include "shared/domain/search_text.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

std::vector<std::string> Words(std::string_view text) {
    std::vector<spoc::SearchWord> words;
    spoc::SplitWords(text, words);
    std::vector<std::string> out;
    for (const auto& w : words) out.push_back(w.folded);
    return out;
}

std::vector<std::int64_t> Ids(const std::vector<spoc::SearchHit>& hits) {
    std::vector<std::int64_t> ids;
    for (const auto& h : hits) ids.push_back(h.doc_id);
    return ids;
}

// Id of the best hit, or -1 when nothing matched.
std::int64_t Top(const std::vector<spoc::SearchHit>& hits) { return hits.empty() ? -1 : hits.front().doc_id; }

bool Contains(const std::vector<spoc::SearchHit>& hits, std::int64_t id) {
    for (const auto& h : hits)
        if (h.doc_id == id) return true;
    return false;
}

// A small service-desk knowledge base.
spoc::SearchIndex MakeKb() {
    spoc::SearchIndex index;
    index.Add(1, "Set up the VPN client",
              "Install the GlobalProtect client, then connect to vpn.example.com with your network account. "
              "If connecting fails, check that remote access is enabled for your account.",
              "vpn network remote");
    index.Add(2, "Reset your MFA device",
              "Lost your phone? Ask the service desk to reset multi-factor authentication, then enrol the new "
              "authenticator app.",
              "mfa security");
    index.Add(3, "Clear a paper jam on the printer",
              "Open tray 2, remove the jammed paper carefully and close the tray. The printer restarts by itself.",
              "printer hardware");
    index.Add(4, "Reset a forgotten password",
              "Go to the self-service portal and choose Reset password. Passwords must be 14 characters long.",
              "password account");
    index.Add(5, "Connect to the office Wi-Fi",
              "Choose the Corp-WiFi network and sign in with your account. Guests use the visitor network.",
              "wifi wireless network");
    index.Add(6, "Submit travel expenses",
              "Photograph each receipt and submit the expense report within 30 days of travel.",
              "expenses finance");
    index.Add(7, "Office 365 licences",
              "Request an o365 licence from the portal. The password policy also applies to Office 365 accounts.",
              "o365 licensing");
    index.Add(8, "Accès au réseau",
              "Pour accéder au réseau de l'entreprise, connectez-vous avec votre compte.", "réseau");
    index.Build();
    return index;
}

}  // namespace

// [SECTION] Text pipeline

TEST_CASE("search: folding lower-cases and strips accents across scripts") {
    CHECK(spoc::FoldText("RÉSEAU") == "reseau");
    CHECK(spoc::FoldText("Ñandú Straße Æsir Øre Łódź") == "nandu strasse aesir ore lodz");
    CHECK(spoc::FoldText("Čeština Œuvre Ĳssel") == "cestina oeuvre ijssel");
    CHECK(spoc::FoldText("ΆΣΟΣ ΚΑΛΗΜΈΡΑ") == "ασοσ καλημερα");
    CHECK(spoc::FoldText("ПРИВЕТ Ёлка") == "привет елка");
    CHECK(spoc::FoldText("cafe\xCC\x81") == "cafe");  // combining acute accent dropped
    CHECK(spoc::FoldText("Þorn") == "thorn");
}

TEST_CASE("search: UTF-8 decoding survives invalid bytes") {
    const std::string bad = "a\xC3\x28z\xFF\xE2\x82";
    std::size_t i = 0;
    std::vector<std::uint32_t> cps;
    while (i < bad.size()) cps.push_back(spoc::DecodeUtf8(bad, i));
    CHECK(cps == std::vector<std::uint32_t>{'a', 0xFFFD, '(', 'z', 0xFFFD, 0xFFFD, 0xFFFD});
    CHECK(Words(bad) == std::vector<std::string>{"a", "z"});
    CHECK(Words("\xC0\xAF overlong") == std::vector<std::string>{"overlong"});
}

TEST_CASE("search: tokenizing splits on non-alphanumerics and keeps digits") {
    CHECK(Words("Wi-Fi o365 won't-connect, error#0x80070005!") ==
          std::vector<std::string>{"wi", "fi", "o365", "won", "t", "connect", "error", "0x80070005"});
    CHECK(Words("  ").empty());
    CHECK(Words("Réseau—ÉTÉ 2024") == std::vector<std::string>{"reseau", "ete", "2024"});
    std::vector<spoc::SearchWord> words;
    spoc::SplitWords("ab  é!cd", words);
    REQUIRE(words.size() == 3);
    CHECK(words[1].begin == 4);
    CHECK(words[1].end == 6);
    CHECK(words[2].position == 2);
}

TEST_CASE("search: stop words") {
    for (const char* w : {"the", "a", "and", "to", "of", "with", "your", "is"}) CHECK(spoc::IsStopWord(w));
    for (const char* w : {"vpn", "printer", "reset", "password", "wifi"}) CHECK_FALSE(spoc::IsStopWord(w));
    for (const char* w : {"t", "won", "don", "s", "isn"}) CHECK(spoc::IsStopWord(w));  // "won't", "it's", ...
}

TEST_CASE("search: Porter2 stems match the Snowball reference") {
    const std::pair<const char*, const char*> table[] = {
        {"consign", "consign"},         {"consigned", "consign"},       {"consigning", "consign"},
        {"consignment", "consign"},     {"consistency", "consist"},     {"consistently", "consist"},
        {"consolation", "consol"},      {"consolatory", "consolatori"}, {"consoles", "consol"},
        {"consolidated", "consolid"},   {"consolingly", "consol"},      {"consonant", "conson"},
        {"conspicuously", "conspicu"},  {"conspiracy", "conspiraci"},   {"conspirators", "conspir"},
        {"constable", "constabl"},      {"constancy", "constanc"},      {"constant", "constant"},
        {"knackeries", "knackeri"},     {"knaves", "knave"},            {"kneaded", "knead"},
        {"kneeling", "kneel"},          {"knees", "knee"},              {"knightly", "knight"},
        {"knitting", "knit"},           {"knives", "knive"},            {"knockers", "knocker"},
        {"caresses", "caress"},         {"ponies", "poni"},             {"ties", "tie"},
        {"agreed", "agre"},             {"hopping", "hop"},             {"filing", "file"},
        {"happy", "happi"},             {"relational", "relat"},        {"generalization", "general"},
        {"skies", "sky"},               {"dying", "die"},               {"news", "news"},
        {"connection", "connect"},      {"connecting", "connect"},      {"printers", "printer"},
        {"passwords", "password"},      {"running", "run"},             {"by", "by"}};
    for (const auto& entry : table) CHECK_MESSAGE(spoc::StemEnglish(entry.first) == entry.second, entry.first);
    CHECK(spoc::NormalizeTerm("o365") == "o365");
    CHECK(spoc::NormalizeTerm("connections") == "connect");
}

// [SECTION] Index and BM25

TEST_CASE("search: basic retrieval and empty cases") {
    const spoc::SearchIndex index = MakeKb();
    CHECK(index.DocumentCount() == 8);
    CHECK(Top(index.Search("vpn ", 10)) == 1);
    CHECK(Top(index.Search("printer jam ", 10)) == 3);
    CHECK(index.Search("vpn", 0).empty());
    CHECK(index.Search("", 10).empty());
    CHECK(index.Search("   \t\n ", 10).empty());
    CHECK(index.Search("the and of ", 10).empty());
    CHECK(index.Search("zzzqqq ", 10).empty());
    spoc::SearchIndex empty;
    empty.Build();
    CHECK(empty.Search("vpn", 5).empty());
    CHECK(empty.Snippet(1, "vpn", 50).empty());
}

TEST_CASE("search: title match outranks body match; tags count") {
    spoc::SearchIndex index;
    index.Add(10, "Printer drivers", "Install drivers from the portal.", "");
    index.Add(11, "Drivers", "How to install a printer driver on a laptop.", "");
    index.Add(12, "Laptop drivers", "Install drivers from the portal.", "printer");
    index.Build();
    CHECK(Ids(index.Search("printer ", 10)) == std::vector<std::int64_t>{10, 12, 11});
}

TEST_CASE("search: stemming and accent folding find related forms") {
    const spoc::SearchIndex index = MakeKb();
    CHECK(Contains(index.Search("connection ", 10), 1));  // body says "connecting"/"connect"
    CHECK(Contains(index.Search("passwords ", 10), 4));
    CHECK(Top(index.Search("reseau ", 10)) == 8);
    CHECK(Top(index.Search("RÉSEAU ", 10)) == 8);
    CHECK(Top(index.Search("o365 ", 10)) == 7);
    CHECK(Contains(index.Search("wi-fi ", 10), 5));
}

TEST_CASE("search: BM25 scores are positive and ordered") {
    const spoc::SearchIndex index = MakeKb();
    const auto hits = index.Search("password reset ", 10);
    REQUIRE(hits.size() >= 2);
    CHECK(Top(hits) == 4);
    for (std::size_t i = 0; i < hits.size(); ++i) {
        CHECK(hits[i].score > 0.0);
        if (i > 0) CHECK(hits[i - 1].score >= hits[i].score);
    }
    CHECK(index.Search("network ", 2).size() == 2);
}

TEST_CASE("search: re-adding an id replaces the document") {
    spoc::SearchIndex index;
    index.Add(1, "Old printer article", "", "");
    index.Add(2, "Scanner", "", "");
    index.Add(1, "New VPN article", "", "");
    index.Build();
    CHECK(index.DocumentCount() == 2);
    CHECK(index.Search("printer ", 5).empty());
    CHECK(Ids(index.Search("vpn ", 5)) == std::vector<std::int64_t>{1});
}

// [SECTION] Prefix and typos

TEST_CASE("search: prefix matches the last word while typing") {
    const spoc::SearchIndex index = MakeKb();
    CHECK(Top(index.Search("passw", 10)) == 4);
    CHECK(Top(index.Search("reset passw", 10)) == 4);
    CHECK(index.Search("passw ", 10).empty());          // trailing space: the word is finished
    CHECK(index.Search("p", 10).empty());               // single letters do not expand
    CHECK(Top(index.Search("exp", 10)) == 6);

    spoc::SearchIndex ranked;
    ranked.Add(1, "Printer", "", "");
    ranked.Add(2, "Print", "", "");
    ranked.Build();
    const auto hits = ranked.Search("print", 10);
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].doc_id == 2);  // exact beats prefix
    CHECK(hits[0].score > hits[1].score);
}

TEST_CASE("search: typos within one or two edits still match") {
    const spoc::SearchIndex index = MakeKb();
    CHECK(Top(index.Search("pasword ", 10)) == 4);
    CHECK(Top(index.Search("vpnn ", 10)) == 1);
    CHECK(Top(index.Search("printr ", 10)) == 3);
    CHECK(Top(index.Search("pirnter ", 10)) == 3);        // transposition
    CHECK(Top(index.Search("authentcaton ", 10)) == 2);   // two edits, long word
    CHECK(index.Search("apx ", 10).empty());  // 3 letters: body words ("app") need an exact match
    CHECK(index.Search("vp ", 10).empty());   // 2 letters: always exact

    spoc::SearchIndex ranked;
    ranked.Add(1, "Printer", "", "");
    ranked.Add(2, "Printers", "printer printer", "");
    ranked.Add(3, "Pointer", "", "");
    ranked.Build();
    const auto exact = ranked.Search("pointer ", 10);
    REQUIRE(!exact.empty());
    CHECK(exact.size() == 1);  // exact word exists: no typo expansion
    CHECK(exact[0].doc_id == 3);
}

TEST_CASE("search: three-letter typos reach title and tag words, never body-only words") {
    spoc::SearchIndex index;
    index.Add(1, "Can't connect to the VPN", "Restart the client.", "remote access");
    index.Add(2, "Pets in the office", "A cat or a dog may visit on Fridays.", "office");
    index.Add(3, "Guest Wi-Fi", "Visitors get a code.", "wifi");
    index.Build();
    CHECK(Top(index.Search("vpm ", 10)) == 1);   // the issue: "vpm" found nothing
    CHECK(Top(index.Search("vpm", 10)) == 1);    // also while typing (nothing starts with "vpm")
    CHECK(Top(index.Search("VNP ", 10)) == 1);   // transposition
    CHECK(Top(index.Search("wif ", 10)) == 3);   // one letter short of a 4-letter tag word
    CHECK(index.Search("cst ", 10).empty());     // "cat" is only in a body: no typo match
    CHECK(index.Search("dgo ", 10).empty());
    CHECK(Top(index.Search("cat ", 10)) == 2);   // exact body words still match
    CHECK(index.Search("vp ", 10).empty());      // two letters stay exact
    const auto vpn = index.Search("vpn ", 10);
    const auto typo = index.Search("vpm ", 10);
    REQUIRE(vpn.size() == 1);
    REQUIRE(typo.size() == 1);
    CHECK(typo[0].score < vpn[0].score);  // a typo ranks below the word itself

    spoc::SearchIndex typing;  // a word that starts other words expands as a prefix, not as a typo
    typing.Add(1, "Camera", "", "");
    typing.Add(2, "Car park", "", "");
    typing.Build();
    CHECK(Ids(typing.Search("cam", 10)) == std::vector<std::int64_t>{1});
}

TEST_CASE("search: hits count the query words they matched") {
    const spoc::SearchIndex index = MakeKb();
    const auto hits = index.Search("reset password printer ", 10);
    REQUIRE_FALSE(hits.empty());
    CHECK(hits[0].doc_id == 4);
    CHECK(hits[0].matched == 2);  // reset + password
    for (const auto& h : hits) {
        CHECK(h.matched >= 1);
        CHECK(h.matched <= 3);
        if (h.doc_id == 3) CHECK(h.matched == 1);  // printer only
    }
    spoc::SearchIndex synonyms = MakeKb();
    synonyms.SetSynonyms({{"vpn", "remote access"}});
    synonyms.Add(20, "Remote access from home", "", "");
    synonyms.Build();
    for (const auto& h : synonyms.Search("vpn home ", 10))
        if (h.doc_id == 20) CHECK(h.matched == 2);  // the synonym stands for "vpn"
}

// [SECTION] Synonyms and phrases

TEST_CASE("search: synonyms expand both ways, phrases allowed") {
    spoc::SearchIndex index = MakeKb();
    index.SetSynonyms({{"vpn", "remote access"}, {"mfa", "two factor"}, {"laptop", "notebook"}});
    index.Add(20, "Remote access from home", "Use remote access when travelling.", "");
    index.Add(21, "Two factor sign-in", "Two factor codes expire quickly.", "");
    index.Add(22, "Access badge", "Remote offices issue badges.", "");
    index.Build();
    const auto vpn = index.Search("vpn ", 10);
    CHECK(Contains(vpn, 1));
    CHECK(Contains(vpn, 20));
    CHECK_FALSE(Contains(vpn, 22));  // words apart are not the phrase
    CHECK(Top(vpn) == 1);   // the literal word still wins
    CHECK(Contains(index.Search("remote access ", 10), 1));
    CHECK(Contains(index.Search("mfa ", 10), 21));
    CHECK(Contains(index.Search("two factor ", 10), 2));
}

TEST_CASE("search: quoted phrases require adjacent words in order") {
    spoc::SearchIndex index;
    index.Add(1, "Reset password", "Use reset password in the portal.", "");
    index.Add(2, "Password reset policy", "The password is never reset by email.", "");
    index.Add(3, "Reset the password", "", "");
    index.Build();
    CHECK(Ids(index.Search("\"reset password\"", 10)) == std::vector<std::int64_t>{1});
    CHECK(Ids(index.Search("\"password reset\"", 10)) == std::vector<std::int64_t>{2});
    CHECK(Ids(index.Search("\"reset the password\"", 10)) == std::vector<std::int64_t>{3});
    CHECK(index.Search("\"reset printer\"", 10).empty());
    CHECK(Ids(index.Search("\"resetting passwords\" policy", 10)) == std::vector<std::int64_t>{1});
    CHECK(index.Search("reset password ", 10).size() == 3);
    CHECK(index.Search("\"reset password", 10).size() == 3);  // unclosed quote: plain words
}

// [SECTION] Snippets

TEST_CASE("search: snippets window the body and mark matches") {
    std::string body = "Intro text about nothing in particular. ";
    for (int i = 0; i < 20; ++i) body += "Filler sentence number " + std::to_string(i) + ". ";
    body += "To reset your password open the portal and choose Reset. ";
    for (int i = 0; i < 20; ++i) body += "More filler. ";
    spoc::SearchIndex index;
    index.Add(1, "Password help", body, "");
    index.Add(2, "Short", "Printer jammed again.", "");
    index.Build();

    const std::string snip = index.Snippet(1, "reset password", 80);
    CHECK(snip.size() <= 80 + 8);
    CHECK(snip.find("\x01reset\x02") != std::string::npos);
    CHECK(snip.find("\x01password\x02") != std::string::npos);
    CHECK(snip.find("Intro") == std::string::npos);

    CHECK(index.Snippet(2, "printers", 100) == "\x01Printer\x02 jammed again.");
    CHECK(index.Snippet(2, "printer ", 100) == "\x01Printer\x02 jammed again.");
    CHECK(index.Snippet(2, "printr ", 100) == "\x01Printer\x02 jammed again.");
    CHECK(index.Snippet(2, "nothing ", 100) == "Printer jammed again.");
    CHECK(index.Snippet(2, "nothing ", 9) == "Printer");
    CHECK(index.Snippet(99, "printer", 100).empty());
    CHECK(index.Snippet(2, "printer", 0).empty());
}

TEST_CASE("search: snippets start at a sentence, clause or block boundary") {
    std::string body;
    for (int i = 0; i < 12; ++i) body += "Open the authenticator and wait for sync number " + std::to_string(i) + ". ";
    body += "Type the six digits and enter the code). Choose Verify on the new phone and you are done. ";
    for (int i = 0; i < 12; ++i) body += "More text about other things. ";
    spoc::SearchIndex index;
    index.Add(1, "MFA", body, "");
    index.Add(2, "Long", std::string(300, 'x') + " " + std::string(60, 'y') + " verify " + std::string(200, 'z'), "");
    index.Add(3, "Steps", "Problems: none so far; restart the phone first.", "");
    index.Build();

    // The issue: the window began mid-sentence ("enter the code). Choose...").
    const std::string snip = index.Snippet(1, "verify phone", 160);
    INFO(snip);
    CHECK(snip.rfind("Choose \x01Verify\x02 on the new \x01phone\x02", 0) == 0);
    const std::string digits = index.Snippet(1, "digits phone", 160);
    INFO(digits);
    CHECK(digits.rfind("Type the six \x01" "digits\x02", 0) == 0);

    // No boundary close enough before the match: an ellipsis says the text was cut.
    const std::string cut = index.Snippet(2, "verify", 80);
    CHECK(cut.rfind(spoc::kSnippetEllipsis, 0) == 0);
    CHECK(cut.find("\x01verify\x02") != std::string::npos);
    CHECK(cut.size() <= 80 + 2);

    CHECK(spoc::SentenceStart("One. Two", 5, 10) == 5);
    CHECK(spoc::SentenceStart("Problems: none; restart", 16, 100) == 16);
    CHECK(spoc::SentenceStart("a b c d", 6, 100) == 0);       // the text start
    CHECK(spoc::SentenceStart("x\n  heading", 4, 100) == 4);  // a line start, blanks skipped
    CHECK(spoc::SentenceStart("a b c d e f", 10, 4) == std::string::npos);
    CHECK(spoc::SentenceStart("He said \"stop.\" Then", 16, 100) == 16);
}

TEST_CASE("search: snippets keep headings and list items apart and drop Markdown markers") {
    spoc::SearchIndex index;
    index.Add(1, "MFA", "Problems\nNo notification arrives on the phone.\nCheck the signal\n\nRestart the app", "");
    index.Add(2, "Raw", "## Steps\n- **Restart** the `vpn` client\n* then 2 * 3 tries", "");
    index.Build();
    const std::string snip = index.Snippet(1, "notification", 200);
    INFO(snip);
    CHECK(snip.find("Problems No") == std::string::npos);  // the issue: heading glued to the text
    CHECK(snip == "Problems \xC2\xB7 No \x01notification\x02 arrives on the phone. \xC2\xB7 Check the signal \xC2\xB7 Restart the app");
    CHECK(snip.find('\n') == std::string::npos);
    const std::string raw = index.Snippet(2, "restart", 200);
    INFO(raw);
    CHECK(raw == "Steps \xC2\xB7 \x01Restart\x02 the vpn client \xC2\xB7 then 2 * 3 tries");
}

TEST_CASE("search: snippets never split a UTF-8 sequence") {
    spoc::SearchIndex index;
    index.Add(1, "Réseau", "ééééééééééééééééééééé", "");
    index.Build();
    const std::string snip = index.Snippet(1, "x", 5);
    CHECK(snip.size() <= 5);
    CHECK(spoc::FoldText(snip).find("\xEF\xBF\xBD") == std::string::npos);
}

// [SECTION] Catalog search and suggestions

namespace {

spoc::CatalogItem Item(std::int64_t id, std::string title, std::string category, std::string summary,
                       std::vector<std::string> keywords, int sort = 0) {
    spoc::CatalogItem item;
    item.id = spoc::CatalogItemId(id);
    item.department = "IT";
    item.category = std::move(category);
    item.title = std::move(title);
    item.summary = std::move(summary);
    item.keywords = std::move(keywords);
    item.sort = sort;
    return item;
}

std::vector<spoc::CatalogItem> DemoLikeCatalog() {
    return {Item(1, "New laptop", "Hardware", "Order a laptop, or replace one that is old", {"notebook", "computer", "pc"}, 1),
            Item(4, "VPN problem", "Network", "GlobalProtect won't connect", {"remote", "tunnel"}, 4),
            Item(5, "Password reset help", "Accounts", "Locked out or forgotten password", {"password", "mfa", "unlock"}, 5),
            Item(8, "Onboarding a new hire", "Joiners", "Set up a new starter", {"joiner", "first day"}, 8),
            Item(13, "Parking permit", "Parking and travel", "A parking space at HQ", {"car park", "vehicle"}, 13)};
}

std::vector<std::string> Titles(const std::vector<const spoc::CatalogItem*>& items) {
    std::vector<std::string> out;
    for (const spoc::CatalogItem* item : items) out.push_back(item->title);
    return out;
}

}  // namespace

TEST_CASE("catalog search: the article engine finds services with typos, keywords and stems") {
    const auto items = DemoLikeCatalog();
    spoc::SearchIndex index;
    spoc::BuildCatalogSearchIndex(items, {{"laptop", "notebook"}}, index);
    CHECK(index.DocumentCount() == items.size());
    const auto password = Titles(spoc::SearchCatalogItems(index, items, "pasword reset"));  // the issue
    REQUIRE_FALSE(password.empty());
    CHECK(password[0] == "Password reset help");
    CHECK(Titles(spoc::SearchCatalogItems(index, items, "vpm")) == std::vector<std::string>{"VPN problem"});
    CHECK(Titles(spoc::SearchCatalogItems(index, items, "new laptop ")) == std::vector<std::string>{"New laptop"});
    CHECK(Titles(spoc::SearchCatalogItems(index, items, "new ")).size() == 2);  // one word: every item with it
    CHECK(Titles(spoc::SearchCatalogItems(index, items, "computers ")) == std::vector<std::string>{"New laptop"});
    CHECK(Titles(spoc::SearchCatalogItems(index, items, "park")) == std::vector<std::string>{"Parking permit"});
    CHECK(spoc::SearchCatalogItems(index, items, "zebra ").empty());
    CHECK(Titles(spoc::SearchCatalogItems(index, items, "  ")).front() == "New laptop");  // blank: every item, in order
    CHECK(spoc::SearchCatalogItems(index, items, "").size() == items.size());

    const auto before = spoc::CatalogSearchFingerprint(items, {});
    auto changed = items;
    changed[2].keywords.push_back("2fa");
    CHECK(spoc::CatalogSearchFingerprint(changed, {}) != before);
    CHECK(spoc::CatalogSearchFingerprint(items, {{"pto", "annual leave"}}) != before);
    CHECK(spoc::CatalogSearchFingerprint(items, {}) == before);
}

TEST_CASE("suggestions: only finished words, and at least one real word") {
    const spoc::SearchIndex index = MakeKb();
    CHECK(spoc::SuggestionQuery(index, {"ca"}).empty());           // the issue: a fragment suggested articles
    CHECK(spoc::SuggestionQuery(index, {"printe"}).empty());       // not expanded while typed
    CHECK(spoc::SuggestionQuery(index, {"printer"}) == "printer ");  // a whole word of the articles counts at once
    CHECK(spoc::SuggestionQuery(index, {"Printer jam"}) == "printer jam ");
    CHECK(spoc::SuggestionQuery(index, {"printe ", ""}) == "printe ");  // finished (a space followed): typos may match
    CHECK(spoc::SuggestionQuery(index, {"ca", "printer jam"}) == "printer jam ");  // each field's end may be unfinished
    CHECK(spoc::SuggestionQuery(index, {"it is not ", ""}).empty());  // stop words only
    CHECK(spoc::SuggestionQuery(index, {"my pc ", ""}).empty());      // nothing of three letters
    CHECK(spoc::SuggestionQuery(index, {"", ""}).empty());
}

TEST_CASE("suggestions: articles about the item lead; weak and far-behind hits are dropped") {
    const spoc::CatalogItem laptop = DemoLikeCatalog()[0];
    CHECK(spoc::IsArticleAboutItem(laptop, "Devices & printers", {"new laptop", "setup"}));
    CHECK(spoc::IsArticleAboutItem(laptop, "Hardware", {}));
    CHECK(spoc::IsArticleAboutItem(laptop, "Devices", {"Notebooks"}));
    CHECK_FALSE(spoc::IsArticleAboutItem(laptop, "Workplace & facilities", {"parking", "car park"}));
    CHECK_FALSE(spoc::IsArticleAboutItem(laptop, "Security", {"lost laptop"}));  // every word must belong to the item

    using Hits = std::vector<spoc::SearchHit>;
    const Hits hits = {{1, 10.0, 1}, {2, 8.0, 1}, {3, 3.5, 1}, {4, 2.0, 1}};
    CHECK(Ids(spoc::RankSuggestions(hits, {false, true, false, false}, 3)) == std::vector<std::int64_t>{2, 1});
    CHECK(Ids(spoc::RankSuggestions(hits, {}, 3)) == std::vector<std::int64_t>{1, 2});
    CHECK(Ids(spoc::RankSuggestions(hits, {}, 1)) == std::vector<std::int64_t>{1});
    CHECK(spoc::RankSuggestions({{1, spoc::kSuggestionMinScore * 0.9, 1}}, {true}, 3).size() == 1);  // boosted over the floor
    CHECK(spoc::RankSuggestions({{1, spoc::kSuggestionMinScore * 0.9, 1}}, {false}, 3).empty());
    CHECK(spoc::RankSuggestions({}, {}, 3).empty());
}

// [SECTION] Determinism and robustness

TEST_CASE("search: results are deterministic and ties go to the lower id") {
    spoc::SearchIndex index;
    for (int id : {9, 3, 7, 1, 5}) index.Add(id, "VPN guide", "Same body text.", "vpn");
    index.Build();
    const auto a = index.Search("vpn ", 10);
    const auto b = index.Search("vpn ", 10);
    CHECK(Ids(a) == std::vector<std::int64_t>{1, 3, 5, 7, 9});
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i].score == b[i].score);
    CHECK(Ids(index.Search("vpn ", 2)) == std::vector<std::int64_t>{1, 3});
}

TEST_CASE("search: hostile queries do not crash") {
    const spoc::SearchIndex index = MakeKb();
    std::string huge;
    for (int i = 0; i < 20000; ++i) huge += "password vpn printer ";
    CHECK(Ids(index.Search(huge, 3)).size() == 3);
    CHECK(index.Search("\xFF\xFE\xC3", 10).empty());
    CHECK(Contains(index.Search("vpn\xFF" "printer ", 10), 3));
    CHECK(index.Search("\"\"\"\"", 10).empty());
    CHECK(index.Search("\"", 10).empty());
    CHECK(index.Search(std::string(5000, 'a'), 10).empty());
    CHECK(index.Snippet(1, huge, 40).size() <= 48);
    CHECK(index.Snippet(1, "\xFF\xFE", 40).size() <= 40);
}

TEST_CASE("search: a generated 5000-document corpus builds and searches") {
    const char* words[] = {"vpn",     "printer", "password", "network", "laptop", "monitor", "email",
                           "outlook", "teams",   "license",  "reset",   "install", "error",   "update",
                           "driver",  "badge",   "expense",  "travel",  "wifi",   "account"};
    spoc::SearchIndex index;
    std::uint32_t seed = 12345;
    auto next = [&seed] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7FFF; };
    for (int d = 0; d < 5000; ++d) {
        std::string title, body;
        for (int k = 0; k < 4; ++k) title += std::string(words[next() % 20]) + " ";
        for (int k = 0; k < 60; ++k) body += std::string(words[next() % 20]) + std::to_string(next() % 50) + " ";
        index.Add(d, title, body, words[next() % 20]);
    }
    index.Build();
    CHECK(index.DocumentCount() == 5000);
    CHECK(index.Search("vpn password ", 20).size() == 20);
    CHECK(index.Search("pasword ", 5).size() == 5);
    CHECK(index.Search("print", 5).size() == 5);
    CHECK(index.Search("\"reset password\"", 5).size() <= 5);
    CHECK(index.Search("vpn7 ", 10).size() == 10);
    CHECK(!index.Snippet(42, "vpn", 60).empty());
}

TEST_CASE("search: scores are bit-identical across builds (native and wasm)") {
    spoc::SearchIndex index;
    index.Add(1, "VPN guide", "connect vpn remote", "vpn");
    index.Add(2, "Printer", "printer jam vpn", "hw");
    index.Add(3, "Other", "nothing here vpn vpn", "");
    index.Build();
    const auto hits = index.Search("vpn printer ", 10);
    REQUIRE(hits.size() == 3);
    CHECK(Ids(hits) == std::vector<std::int64_t>{2, 1, 3});
    CHECK(hits[0].score == 0x1.5cb3000bdbdabp+1);
    CHECK(hits[1].score == 0x1.6324e8e6e2637p-2);
    CHECK(hits[2].score == 0x1.0b41cb9612aeap-2);
}
