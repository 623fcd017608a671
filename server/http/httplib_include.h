// cpp-httplib, with the settings every translation unit that includes it must share (its functions
// are inline: two files built with different values would break the one-definition rule).
#pragma once

// httplib's default listen backlog is 5: 32 clients connecting at once overflow the accept queue
// and some connections die before their first request.
#ifndef CPPHTTPLIB_LISTEN_BACKLOG
#define CPPHTTPLIB_LISTEN_BACKLOG 1024
#endif
#include <httplib.h>
