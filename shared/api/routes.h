// Route paths of the JSON API, shared by the server's router and the browser's client.
#pragma once

namespace spoc::routes {

inline constexpr const char* kSession = "/api/v1/session";         // POST sign in, DELETE sign out
inline constexpr const char* kMe = "/api/v1/me";                   // GET
inline constexpr const char* kCatalog = "/api/v1/catalog";         // GET list; /{id} GET one
inline constexpr const char* kRequests = "/api/v1/requests";       // GET mine, POST new; /{id}, /{id}/comments;
                                                                   // /{id}/survey PUT (the requester, once resolved);
                                                                   // staff: /{id}/related GET, /{id}/links POST,
                                                                   // /{id}/links/{other} DELETE, /{id}/merge POST,
                                                                   // /{id}/canned/{cid} GET (expanded text)
inline constexpr const char* kApprovals = "/api/v1/approvals";     // GET ?limit= what the caller may decide now;
                                                                   // a decision: POST /requests/{id}/approval
inline constexpr const char* kDelegations = "/api/v1/approvals/delegations"; // GET mine, POST new; /{id} DELETE ends it
inline constexpr const char* kUploads = "/api/v1/uploads";         // POST ?name= raw bytes: a staged attachment
inline constexpr const char* kAttachments = "/api/v1/attachments"; // /{id} GET the file (?inline=1 for images)
inline constexpr const char* kUsers = "/api/v1/users";             // /{id}/manager PUT {"manager_id":N} (admin)
inline constexpr const char* kRequestsBulk = "/api/v1/requests/bulk"; // POST one change to many requests (staff)
inline constexpr const char* kCanned = "/api/v1/canned";           // GET list, POST new; /{id} PUT, DELETE (staff)
inline constexpr const char* kKbIndex = "/api/v1/kb/index";       // GET the browser's search index (ETag)
inline constexpr const char* kKbSearch = "/api/v1/kb/search";     // GET ?q=&limit=
inline constexpr const char* kKbArticles = "/api/v1/kb/articles"; // GET list, POST new; /{id} GET, PUT;
                                                                   // /{id}/state POST; /{id}/versions GET;
                                                                   // /{id}/feedback POST
inline constexpr const char* kKbDeflections = "/api/v1/kb/deflections"; // POST "This solved it"
inline constexpr const char* kKbReview = "/api/v1/kb/review";     // GET the caller's review list (staff)
inline constexpr const char* kKbStats = "/api/v1/kb/stats";       // GET (admin)
inline constexpr const char* kKbSynonyms = "/api/v1/kb/synonyms"; // GET (staff), PUT (admin)
inline constexpr const char* kEvents = "/api/v1/events";         // GET: server-sent events (live updates)
inline constexpr const char* kQueue = "/api/v1/queue";           // GET ?view=unassigned|mine|groups|open|breaching|pending (staff)
                                                                  // &sort=due|priority|updated|created|id&dir=asc|desc
                                                                  // &priority=&status=&group=&assignee=&q=&page=&page_size=
inline constexpr const char* kAgentsMe = "/api/v1/agents/me";    // GET availability + groups (staff)
inline constexpr const char* kAgentsMeAvailability = "/api/v1/agents/me/availability";  // PUT {"available":bool} (staff)
inline constexpr const char* kGroups = "/api/v1/groups";          // GET every group with its agents (staff)
inline constexpr const char* kNotifications = "/api/v1/notifications";  // GET ?before=&limit= (own, newest first);
                                                                         // /{id}/read POST
// Reports (issue 14; admins, and agents for their own groups). GET /summary, /breakdown?by=, /heatmap
// with ?from=&to=&group=&agent=&department=&category=&priority=&type=&location= (report_dto.h) and
// format=csv on /summary and /breakdown.
inline constexpr const char* kReports = "/api/v1/reports";
// Walk-up desk (issue 12). Session routes:
inline constexpr const char* kWalkupLocations = "/api/v1/walkup/locations";  // GET list; /{id}/checkins POST "on my way";
                                                                            // /{id}/board GET; /{id}/queue GET (staff);
                                                                            // /{id}/call-next POST (staff)
inline constexpr const char* kWalkupVisits = "/api/v1/walkup/visits";  // GET mine; /{id}/{call|start|resolve|transfer|
                                                                      // no_show|requeue|cancel|survey} POST
inline constexpr const char* kWalkupKiosks = "/api/v1/walkup/kiosks";  // GET list, POST pair (admin); /{id} DELETE revoke
// Kiosk routes (the kiosk's device credential, never a session):
inline constexpr const char* kKioskPairing = "/api/v1/kiosk/pairing";  // POST new code, GET poll (pairing cookie; no auth)
inline constexpr const char* kKioskMe = "/api/v1/kiosk/me";            // GET the kiosk's location, reasons, CSRF token
inline constexpr const char* kKioskCheckins = "/api/v1/kiosk/checkins";  // POST a check-in (Idempotency-Key for the outbox)
inline constexpr const char* kKioskBoard = "/api/v1/kiosk/board";      // GET its location's board
inline constexpr const char* kKioskVisits = "/api/v1/kiosk/visits";    // /{id}/survey POST {"score":1..5}
inline constexpr const char* kKioskKbIndex = "/api/v1/kiosk/kb/index"; // GET public articles' search index
inline constexpr const char* kKioskEvents = "/api/v1/kiosk/events";    // GET: server-sent walk-up events of its location
inline constexpr const char* kOpenApi = "/api/v1/openapi.json";    // GET
inline constexpr const char* kHealth = "/api/v1/health";           // GET, no auth

inline constexpr const char* kSessionCookie = "spoc_session";     // HttpOnly; SameSite=Strict
inline constexpr const char* kKioskCookie = "spoc_kiosk";         // a paired kiosk's device credential
inline constexpr const char* kKioskPairingCookie = "spoc_kiosk_pair";  // a kiosk waiting to be paired
inline constexpr const char* kCsrfHeader = "X-CSRF-Token";
inline constexpr const char* kIdempotencyHeader = "Idempotency-Key";

}  // namespace spoc::routes
