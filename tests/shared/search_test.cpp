// Tests for the knowledge-base search (shared/domain/search.h, search_text.h): text
// pipeline (folding, tokenizing, stop words, Porter2 stems), BM25 ranking, prefix,
// typos, synonyms, phrases, snippets, determinism and hostile input.
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
    CHECK(index.Search("vpx ", 10).empty());                     // short words need exact match

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

TEST_CASE("search: snippets never split a UTF-8 sequence") {
    spoc::SearchIndex index;
    index.Add(1, "Réseau", "ééééééééééééééééééééé", "");
    index.Build();
    const std::string snip = index.Snippet(1, "x", 5);
    CHECK(snip.size() <= 5);
    CHECK(spoc::FoldText(snip).find("\xEF\xBF\xBD") == std::string::npos);
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
    CHECK(hits[0].score == 0x1.f2582c81d34adp+1);
    CHECK(hits[1].score == 0x1.3bbb7bbdfe8f1p-1);
    CHECK(hits[2].score == 0x1.63ffdadfa5e71p-3);
}
