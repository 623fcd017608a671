// The JSON API's routes, one line each, and their handlers: decode (shared/api codecs) ->
// service (server/app) -> encode. Guards (session, CSRF, Origin, content type, body size) run
// in HttpServer before a handler sees the request.
#pragma once
#include <string>

#include "server/app/agent_service.h"
#include "server/app/auth_service.h"
#include "server/app/catalog_service.h"
#include "server/app/events.h"
#include "server/app/kb_service.h"
#include "server/app/report_service.h"
#include "server/app/request_service.h"
#include "server/app/walkup_service.h"
#include "server/app/workspace_service.h"
#include "server/http/router.h"

namespace spoc::http {

struct ApiServices {
    app::AuthService& auth;
    app::CatalogService& catalog;
    app::RequestService& requests;
    app::KbService& kb;
    app::EventHub& events;
    app::AgentService& agents;  // availability and notifications
    app::WorkspaceService& workspace;  // canned responses, related requests, links
    app::WalkupService& walkup;        // walk-up desks, kiosks (handlers_walkup.cpp)
};

void AddApiRoutes(Router& router, ApiServices services);
// The Idempotency-Key header, if sent: 1..kMaxIdempotencyKey printable ASCII characters (400 otherwise).
Result<std::optional<std::string>> IdempotencyKeyHeader(const httplib::Request& req);
// GET of a knowledge index for one audience (ETag, no-cache): /kb/index and the kiosk's.
Result<Reply> KbIndexReply(app::KbService& kb, Role audience, RequestContext& ctx);
void AddWalkupRoutes(Router& router, app::WalkupService& walkup, app::KbService& kb);  // handlers_walkup.cpp
void AddReportRoutes(Router& router, app::ReportService& reports);  // handlers_reports.cpp
// GET /queue?format=csv: every request of the (scoped) view and filters as CSV, streamed in id
// order a batch at a time (handlers_reports.cpp).
Result<Reply> QueueCsvReply(app::RequestService& requests, const storage::QueueQuery& scoped);

}  // namespace spoc::http
