// The deadlines and caps a connection lives under (enforced by GuardedServer, connection_guard.h).
#pragma once
#include <cstddef>

namespace spoc::http {

struct ConnectionLimits {
    int head_seconds = 10;                     // request line + headers, from their first byte
    int body_idle_seconds = 10;                // longest wait for the next body bytes
    int max_per_address = 256;                 // connections open at once from one address; 0: no cap
    int max_connections = 4096;                // connections open at once in all (the pool has a thread for each)
    std::size_t max_request_line = 16 * 1024;  // longer: 414 (httplib answers 414 itself past 8 KiB)
    std::size_t max_head = 64 * 1024;          // request line + headers; longer: 431
};

}  // namespace spoc::http
