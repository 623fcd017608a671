// The server's one clock: wall time in ms since the epoch (UTC) and today's UTC calendar date.
// Everything below the http layer takes "now" as an argument; only handlers and start-up call these.
#pragma once
#include "shared/domain/time.h"

namespace spoc::app {

Timestamp NowMs();                // system clock, ms since 1970-01-01T00:00:00Z
CivilDate UtcDate(Timestamp ts);  // calendar date of ts in UTC

}  // namespace spoc::app
