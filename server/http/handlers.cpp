// API handlers (see handlers.h). Each one: read inputs, call a use case, encode the answer.
#include "server/http/handlers.h"

#include <httplib.h>

#include "server/app/crypto.h"
#include "server/http/auth.h"
#include "server/http/openapi.h"
#include "shared/api/dto.h"
#include "shared/api/routes.h"
#include "shared/domain/limits.h"

namespace spoc::http {

namespace {

std::string Path(const char* base, const char* rest = "") { return std::string(base) + rest; }

Reply Json(int status, std::string body) { return Reply{status, std::move(body), "application/json", {}}; }

// A strictly decimal query parameter in [lo, hi]; `fallback` when absent.
Result<int> IntParam(const httplib::Request& req, const char* name, int fallback, int lo, int hi) {
    if (!req.has_param(name)) return fallback;
    return ParseBoundedInt(req.get_param_value(name), lo, hi, name);
}

// The Idempotency-Key header, if sent: 1..kMaxIdempotencyKey printable ASCII characters.
Result<std::optional<std::string>> IdempotencyKeyHeader(const httplib::Request& req) {
    if (!req.has_header(routes::kIdempotencyHeader)) return std::optional<std::string>();
    std::string key = req.get_header_value(routes::kIdempotencyHeader);
    bool ok = !key.empty() && key.size() <= limits::kMaxIdempotencyKey;
    for (char c : key) ok = ok && c >= 0x20 && c <= 0x7e;
    if (!ok)
        return MakeError(ErrorCode::bad_request,
                         "Idempotency-Key must be 1 to " + std::to_string(limits::kMaxIdempotencyKey) +
                             " printable ASCII characters.",
                         routes::kIdempotencyHeader);
    return std::optional<std::string>(std::move(key));
}

// [SECTION] Session

Result<Reply> SignIn(app::AuthService& auth, RequestContext& ctx) {
    auto body = api::DecodeSignIn(ctx.body);
    if (!body.ok()) return body.error();
    auto signed_in = auth.SignIn(*body, ctx.http.remote_addr, ctx.now);
    if (!signed_in.ok()) return signed_in.error();
    Reply reply = Json(200, api::EncodeMe(signed_in->me));
    reply.headers.emplace_back("Set-Cookie", SessionSetCookie(signed_in->token));
    return reply;
}

Result<Reply> SignOut(app::AuthService& auth, RequestContext& ctx) {
    if (auto done = auth.SignOut(*ctx.caller, ctx.now); !done.ok()) return done.error();
    Reply reply{204, {}, {}, {}};
    reply.headers.emplace_back("Set-Cookie", SessionClearCookie());
    return reply;
}

Result<Reply> GetMe(RequestContext& ctx) {
    return Json(200, api::EncodeMe(api::Me{ctx.caller->user, ctx.caller->csrf_token}));
}

// [SECTION] Catalog

Result<Reply> ListCatalog(app::CatalogService& catalog, RequestContext&) {
    return Json(200, api::EncodeCatalogList(catalog.Snapshot()->active));
}

Result<Reply> GetCatalogItem(app::CatalogService& catalog, RequestContext& ctx) {
    auto item = catalog.Get(CatalogItemId(ctx.ids[0]));
    if (!item.ok()) return item.error();
    return Json(200, api::EncodeCatalogItem(*item));
}

// [SECTION] Requests

Result<Reply> CreateRequest(app::RequestService& requests, RequestContext& ctx) {
    auto key = IdempotencyKeyHeader(ctx.http);
    if (!key.ok()) return key.error();
    auto draft = api::DecodeDraft(ctx.body);
    if (!draft.ok()) return draft.error();
    std::optional<app::IdempotencyKey> idempotency;
    if (*key) idempotency = app::IdempotencyKey{**key, app::Fingerprint(ctx.http.method, ctx.http.path, ctx.body)};
    auto created = requests.Create(ctx.caller->user, *draft, idempotency, ctx.now);
    if (!created.ok()) return created.error();
    Reply reply = Json(created->status, std::move(created->body));
    if (!created->location.empty()) reply.headers.emplace_back("Location", created->location);
    if (created->replayed) reply.headers.emplace_back("Idempotent-Replayed", "true");
    return reply;
}

Result<Reply> ListMyRequests(app::RequestService& requests, RequestContext& ctx) {
    RequestFilter filter;
    const std::string status = ctx.http.get_param_value("status");
    if (!ParseStatusFilter(status, &filter))
        return MakeError(ErrorCode::bad_request, "'status' must be all, open, done or a status name.", "status");
    auto page = IntParam(ctx.http, "page", 1, 1, 1000000);
    if (!page.ok()) return page.error();
    auto page_size = IntParam(ctx.http, "page_size", limits::kDefaultPageSize, 1, limits::kMaxPageSize);
    if (!page_size.ok()) return page_size.error();
    auto result = requests.ListMine(ctx.caller->user, filter, *page, *page_size);
    if (!result.ok()) return result.error();
    return Json(200, api::EncodeRequestPage(*result));
}

Result<Reply> GetRequest(app::RequestService& requests, RequestContext& ctx) {
    auto request = requests.Get(ctx.caller->user, RequestId(ctx.ids[0]));
    if (!request.ok()) return request.error();
    return Json(200, api::EncodeRequest(*request));
}

Result<Reply> AddComment(app::RequestService& requests, RequestContext& ctx) {
    auto body = api::DecodeCommentBody(ctx.body);
    if (!body.ok()) return body.error();
    auto comment = requests.AddComment(ctx.caller->user, RequestId(ctx.ids[0]), {body->body, body->internal}, ctx.now);
    if (!comment.ok()) return comment.error();
    return Json(201, api::EncodeComment(*comment));
}

// [SECTION] Meta

Result<Reply> GetOpenApi(RequestContext&) {
    static const std::string document = OpenApiDocument();
    return Json(200, document);
}

Result<Reply> GetHealth(RequestContext&) { return Json(200, R"({"status":"ok"})"); }

}  // namespace

void AddApiRoutes(Router& r, ApiServices s) {
    using namespace routes;
    // Binds a handler taking (Service&, RequestContext&) to its service.
    auto to = [](auto& service, auto handler) {
        return [&service, handler](RequestContext& c) { return handler(service, c); };
    };
    r.Add("POST", kSession, Access::anyone, to(s.auth, SignIn));
    r.Add("DELETE", kSession, Access::session, to(s.auth, SignOut));
    r.Add("GET", kMe, Access::session, GetMe);
    r.Add("GET", kCatalog, Access::session, to(s.catalog, ListCatalog));
    r.Add("GET", Path(kCatalog, "/{id}"), Access::session, to(s.catalog, GetCatalogItem));
    r.Add("GET", kRequests, Access::session, to(s.requests, ListMyRequests));
    r.Add("POST", kRequests, Access::session, to(s.requests, CreateRequest));
    r.Add("GET", Path(kRequests, "/{id}"), Access::session, to(s.requests, GetRequest));
    r.Add("POST", Path(kRequests, "/{id}/comments"), Access::session, to(s.requests, AddComment));
    r.Add("GET", kOpenApi, Access::anyone, GetOpenApi);
    r.Add("GET", kHealth, Access::anyone, GetHealth);
}

}  // namespace spoc::http
