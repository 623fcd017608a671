// API handlers (see handlers.h). Each one: read inputs, call a use case, encode the answer.
#include "server/http/handlers.h"

#include "server/http/httplib_include.h"

#include <cctype>
#include <cstdlib>
#include <functional>
#include <limits>

#include "server/app/clock.h"
#include "server/app/crypto.h"
#include "server/http/auth.h"
#include "server/http/client_address.h"
#include "server/http/openapi.h"
#include "shared/api/agent_dto.h"
#include "shared/api/dto.h"
#include "shared/api/kb_dto.h"
#include "shared/api/live_dto.h"
#include "shared/api/report_dto.h"
#include "shared/api/routes.h"
#include "shared/api/url.h"
#include "shared/api/workspace_dto.h"
#include "shared/domain/catalog_l10n.h"
#include "shared/domain/i18n.h"
#include "shared/domain/limits.h"
#include "shared/domain/text.h"

namespace spoc::http {

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

namespace {

std::string Path(const char* base, const char* rest = "") { return std::string(base) + rest; }

Reply Json(int status, std::string body) { return Reply{status, std::move(body), "application/json", {}, {}}; }

// A strictly decimal query parameter in [lo, hi]; `fallback` when absent.
Result<int> IntParam(const httplib::Request& req, const char* name, int fallback, int lo, int hi) {
    if (!req.has_param(name)) return fallback;
    return ParseBoundedInt(req.get_param_value(name), lo, hi, name);
}

// [SECTION] Session

Result<Reply> SignIn(app::AuthService& auth, RequestContext& ctx) {
    auto body = api::DecodeSignIn(ctx.body);
    if (!body.ok()) return body.error();
    auto signed_in = auth.SignIn(*body, AddressKey(ctx.client), ctx.now);
    if (!signed_in.ok()) return signed_in.error();
    Reply reply = Json(200, api::EncodeMe(signed_in->me));
    reply.headers.emplace_back("Set-Cookie", SessionSetCookie(signed_in->token));
    return reply;
}

Result<Reply> SignOut(app::AuthService& auth, RequestContext& ctx) {
    if (auto done = auth.SignOut(*ctx.caller, ctx.now); !done.ok()) return done.error();
    Reply reply{204, {}, {}, {}, {}};
    reply.headers.emplace_back("Set-Cookie", SessionClearCookie());
    return reply;
}

Result<Reply> GetMe(RequestContext& ctx) {
    return Json(200, api::EncodeMe(api::Me{ctx.caller->user, ctx.caller->csrf_token}));
}

// PATCH /me {"locale":"de"}: the language the user chose, for every device they sign in on.
Result<Reply> PatchMe(app::AuthService& auth, RequestContext& ctx) {
    auto locale = api::DecodeMePatch(ctx.body);
    if (!locale.ok()) return locale.error();
    if (auto set = auth.SetLocale(*ctx.caller, *locale, ctx.now); !set.ok()) return set.error();
    User user = ctx.caller->user;
    user.locale = *locale;
    return Json(200, api::EncodeMe(api::Me{user, ctx.caller->csrf_token}));
}

// [SECTION] Catalog

Result<Reply> ListCatalog(app::CatalogService& catalog, RequestContext&) {
    auto snapshot = catalog.Snapshot();
    if (i18n::ThreadLocale().catalog == nullptr) return Json(200, api::EncodeCatalogList(snapshot->active));
    std::vector<CatalogItem> items = snapshot->active;  // in the reader's language
    for (CatalogItem& item : items) LocalizeCatalogItem(&item);
    return Json(200, api::EncodeCatalogList(items));
}

Result<Reply> GetCatalogItem(app::CatalogService& catalog, RequestContext& ctx) {
    auto item = catalog.Get(CatalogItemId(ctx.ids[0]));
    if (!item.ok()) return item.error();
    LocalizeCatalogItem(&*item);
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
    auto request = requests.Get(ctx.caller->user, RequestId(ctx.ids[0]), ctx.now);
    if (!request.ok()) return request.error();
    return Json(200, api::EncodeRequest(*request));
}

Result<Reply> AddComment(app::RequestService& requests, RequestContext& ctx) {
    auto body = api::DecodeCommentBody(ctx.body);
    if (!body.ok()) return body.error();
    auto comment = requests.AddComment(ctx.caller->user, RequestId(ctx.ids[0]), {body->body, body->internal, body->attachments}, ctx.now);
    if (!comment.ok()) return comment.error();
    return Json(201, api::EncodeComment(*comment));
}

// POST /api/v1/uploads?name=<file name>: the raw bytes as the body (any Content-Type), streamed.
Result<Reply> UploadFile(app::RequestService& requests, RequestContext& ctx) {
    const std::string name = ctx.http.get_param_value("name");
    if (name.size() > 4 * attachment::kMaxNameBytes || !IsValidUtf8(name))
        return MakeError(ErrorCode::bad_request, "'name' must be a file name of UTF-8 text.", "name");
    std::int64_t declared = 0;
    if (ctx.http.has_header("Content-Length")) {
        const std::string length = ctx.http.get_header_value("Content-Length");
        declared = length.size() > 15 ? INT64_MAX : std::atoll(length.c_str());
    }
    auto stored = requests.Upload(ctx.caller->user, name, declared, *ctx.upload, ctx.now);
    if (!stored.ok()) return stored.error();
    return Json(201, api::EncodeAttachment(*stored));
}

// Percent-encodes a file name for Content-Disposition's filename* (RFC 8187, UTF-8'').
std::string Rfc8187(const std::string& name) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : name) {
        if (std::isalnum(c) || c == '.' || c == '-' || c == '_' || c == '~') out += static_cast<char>(c);
        else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

// GET /api/v1/attachments/{id}[?inline=1]: the stored bytes under their detected type; a download
// (Content-Disposition: attachment) unless an image is asked for inline. Sandboxed, never sniffed.
Result<Reply> DownloadFile(app::RequestService& requests, RequestContext& ctx) {
    auto file = requests.OpenAttachment(ctx.caller->user, ctx.ids[0], ctx.now);
    if (!file.ok()) return file.error();
    const bool inline_image = file->image && ctx.http.get_param_value("inline") == "1";
    std::string ascii;
    for (unsigned char c : file->name) ascii += (c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%') ? static_cast<char>(c) : '_';
    Reply reply;
    reply.status = 200;
    reply.content_type = file->mime;
    reply.file_path = file->path;
    reply.file_size = file->size;
    reply.headers.emplace_back("Content-Disposition", std::string(inline_image ? "inline" : "attachment") + "; filename=\"" + ascii +
                                                          "\"; filename*=UTF-8''" + Rfc8187(file->name));
    reply.headers.emplace_back("Content-Security-Policy", "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox");
    reply.headers.emplace_back("Cache-Control", "private, max-age=3600");
    reply.headers.emplace_back("ETag", "\"" + file->sha256 + "\"");
    return reply;
}

Result<Reply> PatchRequest(app::RequestService& requests, RequestContext& ctx) {
    auto patch = api::DecodeRequestPatch(ctx.body);
    if (!patch.ok()) return patch.error();
    auto updated = requests.Update(ctx.caller->user, RequestId(ctx.ids[0]), *patch, ctx.now);
    if (!updated.ok()) return updated.error();
    return Json(200, api::EncodeRequest(*updated));
}

Result<Reply> DecideApproval(app::RequestService& requests, RequestContext& ctx) {
    auto body = api::DecodeDecisionBody(ctx.body);
    if (!body.ok()) return body.error();
    auto decided = requests.DecideApproval(ctx.caller->user, RequestId(ctx.ids[0]), *body, ctx.now);
    if (!decided.ok()) return decided.error();
    return Json(200, api::EncodeRequest(*decided));
}

Result<Reply> GetApprovalInbox(app::RequestService& requests, RequestContext& ctx) {
    auto limit = IntParam(ctx.http, "limit", 50, 0, 100);
    if (!limit.ok()) return limit.error();
    auto page = requests.ApprovalInbox(ctx.caller->user, *limit, ctx.now);
    if (!page.ok()) return page.error();
    return Json(200, api::EncodeRequestPage(*page));
}

Result<Reply> ListDelegations(app::RequestService& requests, RequestContext& ctx) {
    auto items = requests.ListDelegations(ctx.caller->user, ctx.now);
    if (!items.ok()) return items.error();
    return Json(200, api::EncodeDelegations(*items));
}

Result<Reply> AddDelegation(app::RequestService& requests, RequestContext& ctx) {
    auto body = api::DecodeDelegationBody(ctx.body);
    if (!body.ok()) return body.error();
    auto added = requests.AddDelegation(ctx.caller->user, *body, ctx.now);
    if (!added.ok()) return added.error();
    return Json(201, api::EncodeDelegation(*added));
}

Result<Reply> EndDelegation(app::RequestService& requests, RequestContext& ctx) {
    if (auto done = requests.EndDelegation(ctx.caller->user, ctx.ids[0], ctx.now); !done.ok()) return done.error();
    return Reply{204, {}, {}, {}, {}};
}

Result<Reply> PutManager(app::RequestService& requests, RequestContext& ctx) {
    auto manager = api::DecodeManagerBody(ctx.body);
    if (!manager.ok()) return manager.error();
    if (auto done = requests.SetManager(ctx.caller->user, UserId(ctx.ids[0]), *manager, ctx.now); !done.ok())
        return done.error();
    return Reply{204, {}, {}, {}, {}};
}

Result<Reply> ListPeople(app::RequestService& requests, RequestContext& ctx) {
    const std::string q = ctx.http.get_param_value("q");
    if (q.size() > limits::kMaxSearchQuery || !IsValidUtf8(q))
        return MakeError(ErrorCode::bad_request,
                         "'q' must be valid UTF-8 of at most " + std::to_string(limits::kMaxSearchQuery) + " bytes.", "q");
    auto page = IntParam(ctx.http, "page", 1, 1, 100000);
    if (!page.ok()) return page.error();
    auto size = IntParam(ctx.http, "page_size", limits::kDefaultPageSize, 1, limits::kMaxPageSize);
    if (!size.ok()) return size.error();
    auto people = requests.People(ctx.caller->user, std::string(Trim(q)), *page, *size);
    if (!people.ok()) return people.error();
    return Json(200, api::EncodePeoplePage(*people));
}

Result<Reply> PatchPerson(app::RequestService& requests, RequestContext& ctx) {
    auto patch = api::DecodePersonPatch(ctx.body);
    if (!patch.ok()) return patch.error();
    auto person = requests.UpdatePerson(ctx.caller->user, UserId(ctx.ids[0]), *patch, ctx.now);
    if (!person.ok()) return person.error();
    return Json(200, api::EncodePerson(*person));
}

Result<Reply> PutSurvey(app::RequestService& requests, RequestContext& ctx) {
    auto answer = api::DecodeSurveyBody(ctx.body);
    if (!answer.ok()) return answer.error();
    auto updated = requests.AnswerSurvey(ctx.caller->user, RequestId(ctx.ids[0]), *answer, ctx.now);
    if (!updated.ok()) return updated.error();
    return Json(200, api::EncodeRequest(*updated));
}

// ?sort= &dir= of the queue.
Result<Unit> QueueOrderParams(const httplib::Request& req, storage::QueueQuery* q) {
    const std::string sort = req.get_param_value("sort");
    if (!sort.empty() && !storage::ParseQueueSort(sort, &q->sort))
        return MakeError(ErrorCode::bad_request, "'sort' must be due, priority, updated, created or id.", "sort");
    const std::string dir = req.get_param_value("dir");
    if (!dir.empty() && dir != "asc" && dir != "desc")
        return MakeError(ErrorCode::bad_request, "'dir' must be asc or desc.", "dir");
    q->descending = dir == "desc";
    return Unit{};
}

// ?group= / ?assignee=: a positive id, or "none" (0); assignee also "me".
Result<std::int64_t> IdOrNoneParam(const httplib::Request& req, const char* name, const User& caller) {
    const std::string value = req.get_param_value(name);
    if (value == "none") return std::int64_t{0};
    if (value == "me" && std::string_view(name) == "assignee") return caller.id.value;
    auto id = ParseBoundedInt(value, 1, 999999999, name);
    if (!id.ok())
        return MakeError(ErrorCode::bad_request,
                         std::string("'") + name + "' must be a positive id" +
                             (std::string_view(name) == "assignee" ? ", none or me." : " or none."),
                         name);
    return std::int64_t{*id};
}

// ?priority= &status= &group= &assignee= &q= of the queue; absent or empty: no filter.
Result<Unit> QueueFilterParams(const httplib::Request& req, const User& caller, storage::QueueFilter* f) {
    if (const std::string v = req.get_param_value("priority"); !v.empty()) {
        Priority p;
        if (!ParsePriority(v, &p))
            return MakeError(ErrorCode::bad_request, "'priority' must be critical, high, moderate, low or planning.",
                             "priority");
        f->priority = p;
    }
    if (const std::string v = req.get_param_value("status"); !v.empty()) {
        Status st;
        if (!ParseStatus(v, &st) || !IsOpenStatus(st))
            return MakeError(ErrorCode::bad_request,
                             "'status' must be new, assigned, in_progress or pending (queues list open requests).",
                             "status");
        f->status = st;
    }
    for (const char* name : {"group", "assignee"}) {
        if (req.get_param_value(name).empty()) continue;
        auto id = IdOrNoneParam(req, name, caller);
        if (!id.ok()) return id.error();
        if (std::string_view(name) == "group") f->group_id = *id;
        else f->assignee = UserId(*id);
    }
    const std::string q = std::string(Trim(req.get_param_value("q")));
    if (q.size() > limits::kMaxQueueSearch)
        return MakeError(ErrorCode::bad_request,
                         "'q' must be text of at most " + std::to_string(limits::kMaxQueueSearch) + " bytes.", "q");
    if (std::string problem = PlainTextProblem(q, false, "'q'"); !problem.empty())
        return MakeError(ErrorCode::bad_request, std::move(problem), "q");
    f->search = q;
    // A report's bar or point: report=<kind>&rq=<the report's own query, encoded once more>.
    const std::string kind = req.get_param_value("report");
    const std::string rq = req.get_param_value("rq");
    if (kind.empty() && rq.empty()) return Unit{};
    storage::ReportSlice slice;
    if (!storage::ParseDrillKind(kind, &slice.kind))
        return MakeError(ErrorCode::bad_request, "'report' must be created, resolved, breached, satisfied, unsatisfied or open.",
                         "report");
    if (rq.size() > 4096) return MakeError(ErrorCode::bad_request, "'rq' is too long.", "rq");
    auto decoded = api::DecodeSliceQuery(rq, slice.kind == storage::DrillKind::open);
    if (!decoded.ok()) return decoded.error();
    slice.from_day = decoded->from ? api::DayNumber(*decoded->from) : std::numeric_limits<std::int32_t>::min();
    slice.to_day = api::DayNumber(decoded->to);
    slice.filter = decoded->filter;
    f->report = std::move(slice);
    return Unit{};
}

Result<Reply> GetQueue(app::RequestService& requests, RequestContext& ctx) {
    storage::QueueQuery query;
    const std::string name = ctx.http.get_param_value("view");
    if (!name.empty() && !storage::ParseQueueView(name, &query.view))
        return MakeError(ErrorCode::bad_request, "'view' must be unassigned, mine, groups, open, breaching or pending.",
                         "view");
    auto page = IntParam(ctx.http, "page", 1, 1, 1000000);
    if (!page.ok()) return page.error();
    auto page_size = IntParam(ctx.http, "page_size", 50, 1, limits::kMaxPageSize);
    if (!page_size.ok()) return page_size.error();
    query.page = *page;
    query.page_size = *page_size;
    if (auto order = QueueOrderParams(ctx.http, &query); !order.ok()) return order.error();
    if (auto filter = QueueFilterParams(ctx.http, ctx.caller->user, &query.filter); !filter.ok()) return filter.error();
    if (const std::string format = ctx.http.get_param_value("format"); format == "csv") {
        auto scoped = requests.ScopeQueue(ctx.caller->user, query, ctx.now);
        if (!scoped.ok()) return scoped.error();
        return QueueCsvReply(requests, *scoped);
    } else if (!format.empty() && format != "json") {
        return MakeError(ErrorCode::bad_request, "'format' must be json or csv.", "format");
    }
    auto result = requests.Queue(ctx.caller->user, query, ctx.now);
    if (!result.ok()) return result.error();
    return Json(200, api::EncodeRequestPage(*result));
}

Result<Reply> GetRequestHistory(app::RequestService& requests, RequestContext& ctx) {
    auto history = requests.History(ctx.caller->user, RequestId(ctx.ids[0]));
    if (!history.ok()) return history.error();
    return Json(200, api::EncodeHistory(*history));
}

// [SECTION] Agents and notifications

Result<Reply> GetAgentSelf(app::AgentService& agents, RequestContext& ctx) {
    auto self = agents.Self(ctx.caller->user);
    if (!self.ok()) return self.error();
    return Json(200, api::EncodeAgentSelf(*self));
}

Result<Reply> PutAvailability(app::AgentService& agents, RequestContext& ctx) {
    if (!IsStaff(ctx.caller->user.role))  // before the body: employees learn nothing from its shape
        return MakeError(ErrorCode::forbidden, i18n::tr("Availability is for agents and admins."));
    auto body = api::DecodeAvailability(ctx.body);
    if (!body.ok()) return body.error();
    auto self = agents.SetAvailability(ctx.caller->user, body->available, ctx.now);
    if (!self.ok()) return self.error();
    return Json(200, api::EncodeAgentSelf(*self));
}

Result<Reply> GetGroupDirectory(app::AgentService& agents, RequestContext& ctx) {
    auto directory = agents.Directory(ctx.caller->user);
    if (!directory.ok()) return directory.error();
    return Json(200, api::EncodeGroupDirectory(*directory));
}

Result<Reply> ListNotifications(app::AgentService& agents, RequestContext& ctx) {
    auto before = IntParam(ctx.http, "before", 0, 0, 999999999);
    if (!before.ok()) return before.error();
    auto limit = IntParam(ctx.http, "limit", app::kDefaultNotificationPage, 1, app::kMaxNotificationPage);
    if (!limit.ok()) return limit.error();
    auto page = agents.Notifications(ctx.caller->user, *before, *limit);
    if (!page.ok()) return page.error();
    return Json(200, api::EncodeNotificationPage(*page));
}

Result<Reply> ReadNotification(app::AgentService& agents, RequestContext& ctx) {
    auto read = agents.MarkNotificationRead(ctx.caller->user, ctx.ids[0], ctx.now);
    if (!read.ok()) return read.error();
    return Json(200, api::EncodeNotification(*read));
}

// [SECTION] Ticket workspace

Result<Reply> ListCannedResponses(app::WorkspaceService& ws, RequestContext& ctx) {
    auto list = ws.ListCanned(ctx.caller->user);
    if (!list.ok()) return list.error();
    return Json(200, api::EncodeCannedList(*list));
}

Result<Reply> CreateCannedResponse(app::WorkspaceService& ws, RequestContext& ctx) {
    auto write = api::DecodeCannedWrite(ctx.body);
    if (!write.ok()) return write.error();
    auto canned = ws.CreateCanned(ctx.caller->user, *write, ctx.now);
    if (!canned.ok()) return canned.error();
    Reply reply = Json(201, api::EncodeCanned(*canned));
    reply.headers.emplace_back("Location", std::string(routes::kCanned) + "/" + std::to_string(canned->id));
    return reply;
}

Result<Reply> UpdateCannedResponse(app::WorkspaceService& ws, RequestContext& ctx) {
    auto write = api::DecodeCannedWrite(ctx.body);
    if (!write.ok()) return write.error();
    auto canned = ws.UpdateCanned(ctx.caller->user, ctx.ids[0], *write, ctx.now);
    if (!canned.ok()) return canned.error();
    return Json(200, api::EncodeCanned(*canned));
}

Result<Reply> DeleteCannedResponse(app::WorkspaceService& ws, RequestContext& ctx) {
    if (auto done = ws.DeleteCanned(ctx.caller->user, ctx.ids[0], ctx.now); !done.ok()) return done.error();
    return Reply{204, {}, {}, {}, {}};
}

Result<Reply> ExpandCannedResponse(app::WorkspaceService& ws, RequestContext& ctx) {
    auto expanded = ws.ExpandCanned(ctx.caller->user, RequestId(ctx.ids[0]), ctx.ids[1]);
    if (!expanded.ok()) return expanded.error();
    return Json(200, api::EncodeCannedExpansion(*expanded));
}

Result<Reply> GetRelatedRequests(app::WorkspaceService& ws, RequestContext& ctx) {
    auto related = ws.Related(ctx.caller->user, RequestId(ctx.ids[0]));
    if (!related.ok()) return related.error();
    return Json(200, api::EncodeRelated(*related));
}

Result<Reply> AddRequestLink(app::WorkspaceService& ws, RequestContext& ctx) {
    auto body = api::DecodeLinkBody(ctx.body);
    if (!body.ok()) return body.error();
    bool created = false;
    auto links = ws.Link(ctx.caller->user, RequestId(ctx.ids[0]), *body, ctx.now, &created);
    if (!links.ok()) return links.error();
    return Json(created ? 201 : 200, api::EncodeLinks(*links));
}

Result<Reply> RemoveRequestLink(app::WorkspaceService& ws, RequestContext& ctx) {
    auto done = ws.Unlink(ctx.caller->user, RequestId(ctx.ids[0]), RequestId(ctx.ids[1]), ctx.now);
    if (!done.ok()) return done.error();
    return Reply{204, {}, {}, {}, {}};
}

Result<Reply> MergeRequest(app::RequestService& requests, RequestContext& ctx) {
    auto body = api::DecodeMergeBody(ctx.body);
    if (!body.ok()) return body.error();
    auto merged = requests.Merge(ctx.caller->user, RequestId(ctx.ids[0]), *body, ctx.now);
    if (!merged.ok()) return merged.error();
    return Json(200, api::EncodeMergeResult(*merged));
}

Result<Reply> BulkUpdateRequests(app::RequestService& requests, RequestContext& ctx) {
    auto body = api::DecodeBulkUpdate(ctx.body);
    if (!body.ok()) return body.error();
    auto result = requests.BulkUpdate(ctx.caller->user, *body, ctx.now);
    if (!result.ok()) return result.error();
    return Json(200, api::EncodeBulkResult(*result));
}

// [SECTION] Knowledge base

// ?state=draft,in_review (staff lists); empty = every state.
Result<std::vector<ArticleState>> StatesParam(const httplib::Request& req) {
    std::vector<ArticleState> out;
    const std::string text = req.get_param_value("state");
    std::size_t start = 0;
    while (!text.empty() && start <= text.size()) {
        std::size_t comma = text.find(',', start);
        if (comma == std::string::npos) comma = text.size();
        ArticleState s;
        if (!ParseArticleState(text.substr(start, comma - start), &s))
            return MakeError(ErrorCode::bad_request, "'state' must list draft, in_review, published or retired.", "state");
        out.push_back(s);
        start = comma + 1;
    }
    return out;
}

}  // namespace

Result<Reply> KbIndexReply(app::KbService& kb, Role audience, RequestContext& ctx) {
    auto snapshot = kb.Snapshot(ctx.now);
    if (!snapshot.ok()) return snapshot.error();
    const app::KbAudienceIndex& index = (*snapshot)->For(audience);
    const std::string etag = "\"kb-" + index.version + "\"";
    // Revalidated on every visit (no-cache), re-sent only when it changed; private: per audience.
    Reply reply = Json(200, index.encoded);
    if (ctx.http.get_header_value("If-None-Match") == etag) reply = Reply{304, {}, {}, {}, {}};
    reply.headers.emplace_back("ETag", etag);
    reply.headers.emplace_back("Cache-Control", "private, no-cache");
    reply.headers.emplace_back("Vary", "Cookie");
    return reply;
}

namespace {

Result<Reply> GetKbIndex(app::KbService& kb, RequestContext& ctx) { return KbIndexReply(kb, ctx.caller->user.role, ctx); }

Result<Reply> SearchKb(app::KbService& kb, RequestContext& ctx) {
    const std::string q = ctx.http.get_param_value("q");
    if (q.size() > limits::kMaxSearchQuery || !IsValidUtf8(q))
        return MakeError(ErrorCode::bad_request,
                         "'q' must be valid UTF-8 of at most " + std::to_string(limits::kMaxSearchQuery) + " bytes.", "q");
    auto limit = IntParam(ctx.http, "limit", 10, 1, 50);
    if (!limit.ok()) return limit.error();
    auto hits = kb.Search(ctx.caller->user, q, *limit, ctx.now);
    if (!hits.ok()) return hits.error();
    return Json(200, api::EncodeKbSearch(*hits, q));
}

Result<Reply> ListArticles(app::KbService& kb, RequestContext& ctx) {
    app::ArticleListOptions o;
    auto states = StatesParam(ctx.http);
    if (!states.ok()) return states.error();
    o.states = std::move(*states);
    o.category = ctx.http.get_param_value("category");
    if (o.category.size() > 256) return MakeError(ErrorCode::bad_request, "'category' is too long.", "category");
    const std::string sort = ctx.http.get_param_value("sort");
    if (sort.empty() || sort == "updated") o.sort = storage::ArticleSort::updated;
    else if (sort == "helpful") o.sort = storage::ArticleSort::helpful;
    else if (sort == "title") o.sort = storage::ArticleSort::title;
    else if (sort == "views") o.sort = storage::ArticleSort::views;
    else return MakeError(ErrorCode::bad_request, "'sort' must be updated, helpful, title or views.", "sort");
    const std::string mine = ctx.http.get_param_value("mine");
    if (!mine.empty() && mine != "true" && mine != "false")
        return MakeError(ErrorCode::bad_request, "'mine' must be true or false.", "mine");
    o.mine = mine == "true";
    auto page = IntParam(ctx.http, "page", 1, 1, 1000000);
    if (!page.ok()) return page.error();
    auto page_size = IntParam(ctx.http, "page_size", limits::kDefaultPageSize, 1, limits::kMaxPageSize);
    if (!page_size.ok()) return page_size.error();
    o.page = *page;
    o.page_size = *page_size;
    auto list = kb.List(ctx.caller->user, o, ctx.now);
    if (!list.ok()) return list.error();
    return Json(200, api::EncodeArticlePage(*list));
}

Result<Reply> CreateArticle(app::KbService& kb, RequestContext& ctx) {
    auto write = api::DecodeArticleWrite(ctx.body);
    if (!write.ok()) return write.error();
    auto article = kb.Create(ctx.caller->user, std::move(*write), ctx.now);
    if (!article.ok()) return article.error();
    Reply reply = Json(201, api::EncodeArticle(*article, true));
    reply.headers.emplace_back("Location", std::string(routes::kKbArticles) + "/" + std::to_string(article->id.value));
    return reply;
}

Result<Reply> GetArticle(app::KbService& kb, RequestContext& ctx) {
    // ?view=false lets the editor load an article without counting a view.
    const bool count_view = ctx.http.get_param_value("view") != "false";
    auto article = kb.Read(ctx.caller->user, ArticleId(ctx.ids[0]), count_view, ctx.now);
    if (!article.ok()) return article.error();
    return Json(200, api::EncodeArticle(*article, true));
}

Result<Reply> UpdateArticle(app::KbService& kb, RequestContext& ctx) {
    auto write = api::DecodeArticleWrite(ctx.body);
    if (!write.ok()) return write.error();
    auto article = kb.Update(ctx.caller->user, ArticleId(ctx.ids[0]), std::move(*write), ctx.now);
    if (!article.ok()) return article.error();
    return Json(200, api::EncodeArticle(*article, true));
}

Result<Reply> ChangeArticleState(app::KbService& kb, RequestContext& ctx) {
    auto change = api::DecodeStateChange(ctx.body);
    if (!change.ok()) return change.error();
    auto article = kb.ChangeState(ctx.caller->user, ArticleId(ctx.ids[0]), *change, ctx.now);
    if (!article.ok()) return article.error();
    return Json(200, api::EncodeArticle(*article, true));
}

Result<Reply> ListArticleVersions(app::KbService& kb, RequestContext& ctx) {
    auto versions = kb.Versions(ctx.caller->user, ArticleId(ctx.ids[0]));
    if (!versions.ok()) return versions.error();
    return Json(200, api::EncodeArticleVersions(*versions));
}

Result<Reply> SendFeedback(app::KbService& kb, RequestContext& ctx) {
    auto feedback = api::DecodeFeedback(ctx.body);
    if (!feedback.ok()) return feedback.error();
    auto article = kb.Vote(ctx.caller->user, ArticleId(ctx.ids[0]), *feedback, ctx.now);
    if (!article.ok()) return article.error();
    return Json(200, api::EncodeArticle(*article, false));
}

Result<Reply> RecordDeflection(app::KbService& kb, RequestContext& ctx) {
    auto deflection = api::DecodeDeflection(ctx.body);
    if (!deflection.ok()) return deflection.error();
    if (auto done = kb.Deflect(ctx.caller->user, *deflection, ctx.now); !done.ok()) return done.error();
    return Reply{204, {}, {}, {}, {}};
}

Result<Reply> GetReviewQueue(app::KbService& kb, RequestContext& ctx) {
    auto queue = kb.ReviewQueue(ctx.caller->user, ctx.now);
    if (!queue.ok()) return queue.error();
    api::ArticlePage page{std::move(*queue), 0};
    page.total = static_cast<int>(page.items.size());
    return Json(200, api::EncodeArticlePage(page));
}

Result<Reply> GetKbStats(app::KbService& kb, RequestContext& ctx) {
    auto stats = kb.Stats(ctx.caller->user, ctx.now);
    if (!stats.ok()) return stats.error();
    return Json(200, api::EncodeKbStats(*stats));
}

Result<Reply> GetSynonyms(app::KbService& kb, RequestContext& ctx) {
    auto synonyms = kb.Synonyms(ctx.caller->user);
    if (!synonyms.ok()) return synonyms.error();
    return Json(200, api::EncodeSynonymsBody(*synonyms));
}

Result<Reply> PutSynonyms(app::KbService& kb, RequestContext& ctx) {
    auto body = api::DecodeSynonymsBody(ctx.body);
    if (!body.ok()) return body.error();
    auto saved = kb.SetSynonyms(ctx.caller->user, *body, ctx.now);
    if (!saved.ok()) return saved.error();
    return Json(200, api::EncodeSynonymsBody(*saved));
}

// [SECTION] Live updates

struct LiveServices {
    app::AuthService& auth;
    app::EventHub& events;
    app::RequestService& requests;
    app::WalkupService& walkup;
};

constexpr Timestamp kHeartbeatMs = 15000;       // a comment line keeps proxies and the browser from timing out
constexpr int kPollMs = 1000;                   // how soon a closed connection is noticed
constexpr Timestamp kRecheckSessionMs = 60000;  // a stream ends within a minute of its session
constexpr Timestamp kSweepPresenceMs = 5000;

// Last-Event-ID (sent by EventSource on reconnect), or ?last_event_id= (a client reopening).
Result<int> LastEventId(RequestContext& ctx) {
    if (ctx.http.has_header("Last-Event-ID"))
        return ParseBoundedInt(ctx.http.get_header_value("Last-Event-ID"), 0, 999999999, "Last-Event-ID");
    if (ctx.http.has_param("last_event_id"))
        return ParseBoundedInt(ctx.http.get_param_value("last_event_id"), 0, 999999999, "last_event_id");
    return 0;
}

// The pump every stream shares: "event: ready" first (a client knows it is live), then frames as
// they come, a heartbeat, and every minute a check that the credential still holds; when it no
// longer does, `ended_event` is sent and the stream ends.
Reply StreamReply(LiveServices& live, std::shared_ptr<app::Subscription> sub, std::function<bool(Timestamp)> still_valid,
                  const char* ended_event, Timestamp now) {
    Reply reply{200, {}, "text/event-stream", {}, {}};
    reply.headers.emplace_back("X-Accel-Buffering", "no");
    struct PumpState {
        std::shared_ptr<app::Subscription> sub;
        std::function<bool(Timestamp)> still_valid;
        std::string ended;
        bool started = false;
        Timestamp next_check = 0;
        Timestamp next_sweep = 0;
        Timestamp last_write = 0;
        std::string out;
    };
    auto state = std::make_shared<PumpState>();
    state->sub = std::move(sub);
    state->still_valid = std::move(still_valid);
    state->ended = std::string("event: ") + ended_event + "\ndata: {}\n\n";
    state->next_check = now + kRecheckSessionMs;
    reply.stream = [state, &live](const StreamWrite& write) {
        PumpState& p = *state;
        p.out.clear();
        if (!p.started) {
            p.started = true;
            p.out = "retry: 3000\nevent: ready\ndata: {}\n\n";
            p.last_write = app::NowMs();
            if (!p.sub->Wait(&p.out, 0)) return false;
            return write(p.out);
        }
        // Short waits: between them the server notices a client that went away (see WriteReply).
        if (!p.sub->Wait(&p.out, kPollMs)) return false;  // shutting down
        const Timestamp t = app::NowMs();
        if (t >= p.next_sweep) {
            live.events.SweepPresence(t);
            p.next_sweep = t + kSweepPresenceMs;
        }
        if (t >= p.next_check) {
            if (!p.still_valid(t)) {
                (void)write(p.ended);
                return false;
            }
            p.next_check = t + kRecheckSessionMs;
        }
        if (p.out.empty()) {
            if (t - p.last_write < kHeartbeatMs) return true;
            p.out = ": keep-alive\n\n";
        }
        p.last_write = t;
        return write(p.out);
    };
    return reply;
}

// GET /events: a server-sent event stream for the person signed in. A stream ends within a minute
// of its session ("event: signed_out").
Result<Reply> GetEvents(LiveServices& live, RequestContext& ctx) {
    auto last_event_id = LastEventId(ctx);
    if (!last_event_id.ok()) return last_event_id.error();
    const User& user = ctx.caller->user;
    auto sub = live.events.Subscribe(user.id, IsStaff(user.role), *last_event_id);
    if (!sub.ok()) return sub.error();
    const std::string token = SessionCookieValue(ctx.http);
    return StreamReply(live, std::move(*sub), [&live, token](Timestamp t) { return live.auth.Authenticate(token, t).ok(); },
                       "signed_out", ctx.now);
}

// GET /kiosk/events: a paired kiosk's stream (its check-in screen and boards): walk-up changes at
// its own location only. A revoked kiosk's stream ends within a minute ("event: unpaired").
Result<Reply> GetKioskEvents(LiveServices& live, RequestContext& ctx) {
    auto last_event_id = LastEventId(ctx);
    if (!last_event_id.ok()) return last_event_id.error();
    auto sub = live.events.SubscribeKiosk(ctx.kiosk->kiosk_id, ctx.kiosk->location_id, *last_event_id);
    if (!sub.ok()) return sub.error();
    const std::string token = CookieValue(ctx.http, routes::kKioskCookie);
    return StreamReply(live, std::move(*sub), [&live, token](Timestamp t) { return live.walkup.AuthenticateKiosk(token, t).ok(); },
                       "unpaired", ctx.now);
}

// POST /requests/{id}/presence (staff): "viewing", "replying" or "left"; answers who else is there.
Result<Reply> PostPresence(LiveServices& live, RequestContext& ctx) {
    const User& user = ctx.caller->user;
    if (!IsStaff(user.role)) return MakeError(ErrorCode::forbidden, i18n::tr("Presence is for agents and admins."));
    auto state = api::DecodePresenceBody(ctx.body);
    if (!state.ok()) return state.error();
    const RequestId id(ctx.ids[0]);
    if (auto found = live.requests.Get(user, id); !found.ok()) return found.error();
    auto others = live.events.TouchPresence(id, user.id, user.display_name, *state, ctx.now);
    std::vector<api::PresenceEvent> viewers;
    for (const app::Viewer& v : others)
        viewers.push_back({id, v.user, v.name, v.replying ? "replying" : "viewing"});
    return Json(200, api::EncodePresenceAnswer(viewers));
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
    r.Add("PATCH", kMe, Access::session, to(s.auth, PatchMe));
    r.Add("GET", kCatalog, Access::session, to(s.catalog, ListCatalog));
    r.Add("GET", Path(kCatalog, "/{id}"), Access::session, to(s.catalog, GetCatalogItem));
    r.Add("GET", kRequests, Access::session, to(s.requests, ListMyRequests));
    r.Add("POST", kRequests, Access::session, to(s.requests, CreateRequest));
    r.Add("GET", Path(kRequests, "/{id}"), Access::session, to(s.requests, GetRequest));
    r.Add("POST", Path(kRequests, "/{id}/comments"), Access::session, to(s.requests, AddComment));
    r.AddUpload("POST", kUploads, Access::session, to(s.requests, UploadFile));
    r.Add("GET", Path(kAttachments, "/{id}"), Access::session, to(s.requests, DownloadFile));
    r.Add("PATCH", Path(kRequests, "/{id}"), Access::session, to(s.requests, PatchRequest));
    r.Add("GET", Path(kRequests, "/{id}/history"), Access::session, to(s.requests, GetRequestHistory));
    r.Add("PUT", Path(kRequests, "/{id}/survey"), Access::session, to(s.requests, PutSurvey));
    r.Add("POST", Path(kRequests, "/{id}/approval"), Access::session, to(s.requests, DecideApproval));
    r.Add("GET", kApprovals, Access::session, to(s.requests, GetApprovalInbox));
    r.Add("GET", kDelegations, Access::session, to(s.requests, ListDelegations));
    r.Add("POST", kDelegations, Access::session, to(s.requests, AddDelegation));
    r.Add("DELETE", Path(kDelegations, "/{id}"), Access::session, to(s.requests, EndDelegation));
    r.Add("PUT", Path(kUsers, "/{id}/manager"), Access::session, to(s.requests, PutManager));
    r.Add("GET", kUsers, Access::session, to(s.requests, ListPeople));
    r.Add("PATCH", Path(kUsers, "/{id}"), Access::session, to(s.requests, PatchPerson));
    r.Add("GET", kQueue, Access::session, to(s.requests, GetQueue));
    r.Add("POST", kRequestsBulk, Access::session, to(s.requests, BulkUpdateRequests));
    r.Add("POST", Path(kRequests, "/{id}/merge"), Access::session, to(s.requests, MergeRequest));
    r.Add("GET", Path(kRequests, "/{id}/related"), Access::session, to(s.workspace, GetRelatedRequests));
    r.Add("POST", Path(kRequests, "/{id}/links"), Access::session, to(s.workspace, AddRequestLink));
    r.Add("DELETE", Path(kRequests, "/{id}/links/{other}"), Access::session, to(s.workspace, RemoveRequestLink));
    r.Add("GET", Path(kRequests, "/{id}/canned/{cid}"), Access::session, to(s.workspace, ExpandCannedResponse));
    r.Add("GET", kCanned, Access::session, to(s.workspace, ListCannedResponses));
    r.Add("POST", kCanned, Access::session, to(s.workspace, CreateCannedResponse));
    r.Add("PUT", Path(kCanned, "/{id}"), Access::session, to(s.workspace, UpdateCannedResponse));
    r.Add("DELETE", Path(kCanned, "/{id}"), Access::session, to(s.workspace, DeleteCannedResponse));
    auto live = std::make_shared<LiveServices>(LiveServices{s.auth, s.events, s.requests, s.walkup});
    r.Add("GET", kEvents, Access::session, [live](RequestContext& c) { return GetEvents(*live, c); });
    r.Add("GET", kKioskEvents, Access::kiosk, [live](RequestContext& c) { return GetKioskEvents(*live, c); });
    r.Add("POST", Path(kRequests, "/{id}/presence"), Access::session,
          [live](RequestContext& c) { return PostPresence(*live, c); });
    r.Add("GET", kAgentsMe, Access::session, to(s.agents, GetAgentSelf));
    r.Add("PUT", kAgentsMeAvailability, Access::session, to(s.agents, PutAvailability));
    r.Add("GET", kGroups, Access::session, to(s.agents, GetGroupDirectory));
    r.Add("GET", kNotifications, Access::session, to(s.agents, ListNotifications));
    r.Add("POST", Path(kNotifications, "/{id}/read"), Access::session, to(s.agents, ReadNotification));
    const std::string article = Path(kKbArticles, "/{id}");
    r.Add("GET", kKbIndex, Access::session, to(s.kb, GetKbIndex));
    r.Add("GET", kKbSearch, Access::session, to(s.kb, SearchKb));
    r.Add("GET", kKbArticles, Access::session, to(s.kb, ListArticles));
    r.Add("POST", kKbArticles, Access::session, to(s.kb, CreateArticle));
    r.Add("GET", article, Access::session, to(s.kb, GetArticle));
    r.Add("PUT", article, Access::session, to(s.kb, UpdateArticle));
    r.Add("POST", article + "/state", Access::session, to(s.kb, ChangeArticleState));
    r.Add("GET", article + "/versions", Access::session, to(s.kb, ListArticleVersions));
    r.Add("POST", article + "/feedback", Access::session, to(s.kb, SendFeedback));
    r.Add("POST", kKbDeflections, Access::session, to(s.kb, RecordDeflection));
    r.Add("GET", kKbReview, Access::session, to(s.kb, GetReviewQueue));
    r.Add("GET", kKbStats, Access::session, to(s.kb, GetKbStats));
    r.Add("GET", kKbSynonyms, Access::session, to(s.kb, GetSynonyms));
    r.Add("PUT", kKbSynonyms, Access::session, to(s.kb, PutSynonyms));
    AddWalkupRoutes(r, s.walkup, s.kb);
    r.Add("GET", kOpenApi, Access::anyone, GetOpenApi);
    r.Add("GET", kHealth, Access::anyone, GetHealth);
}

}  // namespace spoc::http
