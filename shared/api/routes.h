// Route paths of the JSON API, shared by the server's router and the browser's client.
#pragma once

namespace spoc::routes {

inline constexpr const char* kSession = "/api/v1/session";         // POST sign in, DELETE sign out
inline constexpr const char* kMe = "/api/v1/me";                   // GET
inline constexpr const char* kCatalog = "/api/v1/catalog";         // GET list; /{id} GET one
inline constexpr const char* kRequests = "/api/v1/requests";       // GET mine, POST new; /{id}, /{id}/comments
inline constexpr const char* kKbIndex = "/api/v1/kb/index";       // GET the browser's search index (ETag)
inline constexpr const char* kKbSearch = "/api/v1/kb/search";     // GET ?q=&limit=
inline constexpr const char* kKbArticles = "/api/v1/kb/articles"; // GET list, POST new; /{id} GET, PUT;
                                                                   // /{id}/state POST; /{id}/versions GET;
                                                                   // /{id}/feedback POST
inline constexpr const char* kKbDeflections = "/api/v1/kb/deflections"; // POST "This solved it"
inline constexpr const char* kKbReview = "/api/v1/kb/review";     // GET the caller's review list (staff)
inline constexpr const char* kKbStats = "/api/v1/kb/stats";       // GET (admin)
inline constexpr const char* kKbSynonyms = "/api/v1/kb/synonyms"; // GET (staff), PUT (admin)
inline constexpr const char* kQueue = "/api/v1/queue";           // GET ?view=unassigned|mine|groups|open|breaching|pending (staff)
inline constexpr const char* kOpenApi = "/api/v1/openapi.json";    // GET
inline constexpr const char* kHealth = "/api/v1/health";           // GET, no auth

inline constexpr const char* kSessionCookie = "spoc_session";     // HttpOnly; SameSite=Strict
inline constexpr const char* kCsrfHeader = "X-CSRF-Token";
inline constexpr const char* kIdempotencyHeader = "Idempotency-Key";

}  // namespace spoc::routes
