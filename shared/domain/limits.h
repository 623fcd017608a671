// Size limits on every input, shared by the browser (to stop typing early) and the server (to reject).
#pragma once
#include <cstddef>

namespace spoc::limits {

inline constexpr std::size_t kMaxBodyBytes = 64 * 1024;       // whole JSON request body
inline constexpr std::size_t kMaxUsername = 64;               // bytes
inline constexpr std::size_t kMaxPassword = 256;              // bytes
inline constexpr std::size_t kMaxDepartment = 80;             // a person's department, code points
inline constexpr std::size_t kMaxSummary = 160;               // request title, in code points
inline constexpr std::size_t kMaxDescription = 8000;          // request description, code points
inline constexpr std::size_t kMaxComment = 8000;              // conversation entry, code points
inline constexpr std::size_t kMaxResolutionNote = 4000;       // what was done, given when resolving; code points
inline constexpr std::size_t kMaxCancelReason = 500;          // why a request was cancelled; code points
inline constexpr std::size_t kMaxShortText = 200;             // default cap for short-text fields
inline constexpr std::size_t kMaxLongText = 4000;             // default cap for long-text fields
inline constexpr std::size_t kMaxChoices = 50;                // values in one multi-choice answer
inline constexpr std::size_t kMaxFormFields = 40;             // fields per catalog item
inline constexpr std::size_t kMaxIdempotencyKey = 128;        // bytes
inline constexpr std::size_t kMaxSearchQuery = 200;           // bytes
inline constexpr std::size_t kMaxQueueSearch = 100;           // queue ?q= (words to find), bytes
inline constexpr std::size_t kMaxBulkIds = 200;               // requests in one bulk update
inline constexpr int kMaxPageSize = 100;                      // list endpoints
inline constexpr int kDefaultPageSize = 25;

}  // namespace spoc::limits
