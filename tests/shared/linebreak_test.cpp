// shared/domain/linebreak.h: which characters open break opportunities in Chinese and Japanese
// text, and which the kinsoku rules hold to their neighbour.
#include "shared/domain/linebreak.h"

#include <doctest/doctest.h>

#include <initializer_list>
#include <string>
#include <vector>

using namespace spoc::linebreak;

TEST_CASE("line breaks: ideographs and kana break, kinsoku characters hold, Latin and Hangul do not") {
    CHECK(Ideographic(0x4F60));   // 你
    CHECK(Ideographic(0x3042));   // あ
    CHECK(Ideographic(0x30AB));   // カ
    CHECK(Ideographic(0x3002));   // 。
    CHECK(Ideographic(0xFF01));   // ！
    CHECK(Ideographic(0x20B9F));  // 𠮟 (beyond the BMP)
    CHECK_FALSE(Ideographic('a'));
    CHECK_FALSE(Ideographic(0x00E9));  // é
    CHECK_FALSE(Ideographic(0xAC00));  // 가: Korean breaks at spaces
    CHECK_FALSE(Ideographic(0x0645));  // Arabic
    CHECK_FALSE(Ideographic(0x3000));  // the ideographic space is a blank, not a character
    for (unsigned int c : {0x3002u, 0x3001u, 0x300Du, 0x30FCu, 0x3063u, 0x30C3u, 0xFF09u, 0x3005u}) {
        CAPTURE(c);
        CHECK(NoBreakBefore(c));
        CHECK_FALSE(NoBreakAfter(c));
    }
    for (unsigned int c : {0x300Cu, 0x300Eu, 0xFF08u, 0x3010u, 0x201Cu}) {
        CAPTURE(c);
        CHECK(NoBreakAfter(c));
        CHECK_FALSE(NoBreakBefore(c));
    }
    CHECK_FALSE(NoBreakBefore(0x3042));  // あ may begin a line
    CHECK_FALSE(NoBreakBefore('a'));
}

TEST_CASE("line breaks: a run without spaces splits into the pieces a line may break between") {
    auto pieces = [](std::string_view run) {
        std::vector<std::string> out;
        while (!run.empty()) {
            const std::size_t n = FirstPiece(run);
            REQUIRE(n > 0);
            out.emplace_back(run.substr(0, n));
            run.remove_prefix(n);
        }
        return out;
    };
    CHECK(pieces("laptop") == std::vector<std::string>{"laptop"});
    CHECK(pieces("naïve,café") == std::vector<std::string>{"naïve,café"});
    CHECK(pieces("你好") == std::vector<std::string>{"你", "好"});
    // 。 stays with the character before it, 「 with the one after it; ー and っ never begin a piece.
    CHECK(pieces("です。「パス」") == std::vector<std::string>{"で", "す。", "「パ", "ス」"});
    CHECK(pieces("ちょっとサーバー") == std::vector<std::string>{"ちょっ", "と", "サー", "バー"});
    // A Latin word inside Chinese text stays whole; breaks come on both sides of it.
    CHECK(pieces("连接VPN网络") == std::vector<std::string>{"连", "接", "VPN", "网", "络"});
    // Broken UTF-8 does not stall or read past the end.
    CHECK(pieces(std::string_view("\xe4\xbd", 2)) == std::vector<std::string>{"\xe4\xbd"});
}
