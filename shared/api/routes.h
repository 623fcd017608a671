// Route paths of the JSON API, shared by the server's router and the browser's client.
#pragma once

namespace spoc::routes {

inline constexpr const char* kSession = "/api/v1/session";         // POST sign in, DELETE sign out
inline constexpr const char* kMe = "/api/v1/me";                   // GET
inline constexpr const char* kCatalog = "/api/v1/catalog";         // GET list; /{id} GET one
inline constexpr const char* kRequests = "/api/v1/requests";       // GET mine, POST new; /{id}, /{id}/comments
inline constexpr const char* kOpenApi = "/api/v1/openapi.json";    // GET
inline constexpr const char* kHealth = "/api/v1/health";           // GET, no auth

inline constexpr const char* kSessionCookie = "spoc_session";     // HttpOnly; SameSite=Strict
inline constexpr const char* kCsrfHeader = "X-CSRF-Token";
inline constexpr const char* kIdempotencyHeader = "Idempotency-Key";

}  // namespace spoc::routes
