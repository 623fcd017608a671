#include "shared/domain/linebreak.h"

#include "shared/domain/text.h"

namespace spoc::linebreak {

std::size_t FirstPiece(std::string_view word) {
    std::size_t i = 0;
    std::uint32_t prev = 0;
    while (i < word.size()) {
        const std::size_t at = i;
        const std::uint32_t c = NextCodePoint(word, i);  // a malformed byte: kInvalidUtf8, one byte
        if (at > 0 && BreakBetween(prev, c)) return at;
        prev = c;
    }
    return word.size();
}

}  // namespace spoc::linebreak
