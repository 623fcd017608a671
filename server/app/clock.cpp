// Wall clock for the server (see clock.h).
#include "server/app/clock.h"

#include <chrono>

namespace spoc::app {

Timestamp NowMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

CivilDate UtcDate(Timestamp ts) {
    std::int64_t days = ts / 86400000;
    if (ts % 86400000 < 0) --days;
    return CivilFromDays(days);
}

}  // namespace spoc::app
