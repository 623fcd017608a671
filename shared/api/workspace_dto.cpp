// JSON codecs for the ticket workspace (see workspace_dto.h), on the shared helpers of
// json_support.h. Requests inside a merge answer go through dto.h's own codec, so they read
// exactly like GET /api/v1/requests/{id}.
#include "shared/api/workspace_dto.h"

#include <algorithm>

#include "shared/api/json_support.h"
#include "shared/domain/i18n.h"
#include "shared/domain/limits.h"

namespace spoc::api {

using namespace json_support;  // json, Reader, ParseObject, Guard, Dump

namespace {

// [SECTION] Helpers -------------------------------------------------------------------------------

std::string TimeText(Timestamp ts) { return ts ? FormatIso8601(ts) : std::string(); }

json CannedJson(const CannedResponse& c) {
    json j = {{"id", c.id}, {"title", c.title}, {"body", c.body}, {"group_id", c.group_id}, {"group_name", c.group_name}};
    if (c.updated_at) j["updated_at"] = TimeText(c.updated_at);
    return j;
}

CannedResponse ReadCanned(Reader& r) {
    CannedResponse c;
    c.id = r.Int("id", 0, true);
    c.title = r.String("title", true, kMaxCannedTitle * 4 + 64);
    c.body = r.String("body", true, limits::kMaxComment * 4 + 64);
    c.group_id = r.Int("group_id");
    c.group_name = r.String("group_name", false, 256);
    c.updated_at = r.Time("updated_at");
    return c;
}

json BriefJson(const RequestBrief& b) {
    json j = {{"id", b.id.value},
              {"number", b.number},
              {"summary", b.summary},
              {"status", StatusName(b.status)},
              {"priority", PriorityName(b.priority)},
              {"created_at", TimeText(b.created_at)},
              {"updated_at", TimeText(b.updated_at)}};
    if (!b.assignee_name.empty()) j["assignee_name"] = b.assignee_name;
    return j;
}

RequestBrief ReadBrief(Reader& r) {
    RequestBrief b;
    b.id = RequestId(r.Int("id", 0, true));
    b.number = r.String("number", false, 64);
    b.summary = r.String("summary", false, limits::kMaxSummary * 4 + 64);
    b.status = r.Enum("status", Status::new_, ParseStatus, true);
    b.priority = r.Enum("priority", Priority::planning, ParsePriority);
    b.created_at = r.Time("created_at");
    b.updated_at = r.Time("updated_at");
    b.assignee_name = r.String("assignee_name", false, 256);
    return b;
}

json LinkJson(const LinkedRequest& l) {
    json j = BriefJson(l.request);
    j["kind"] = LinkKindName(l.kind);
    j["direction"] = l.outgoing ? "outgoing" : "incoming";
    return j;
}

LinkedRequest ReadLink(Reader& r) {
    LinkedRequest l;
    l.request = ReadBrief(r);
    l.kind = r.Enum("kind", LinkKind::relates, ParseLinkKind, true);
    const std::string direction = r.String("direction", false, 16);
    if (direction != "outgoing" && direction != "incoming" && !r.failed())
        r.Fail("direction", "must be outgoing or incoming.");
    l.outgoing = direction != "incoming";
    return l;
}

// Reads {"key":[objects]} with `read` into `out`; a missing list is an error when `required`.
template <class T, class ReadFn>
void ReadList(Reader& r, const char* key, bool required, std::vector<T>& out, ReadFn read) {
    const json* list = r.Array(key);
    if (!list) {
        if (required && !r.failed()) r.Fail(key, "is required.");
        return;
    }
    for (const json& item : *list) {
        if (!item.is_object()) { r.Fail(key, "must hold objects."); return; }
        Reader ir(item, r.prefix() + key + ".");
        T value = read(ir);
        if (ir.failed()) { r.Adopt(ir.error()); return; }
        out.push_back(std::move(value));
    }
}

json ErrorJson(const Error& e) {
    json j = {{"code", ErrorCodeName(e.code)}, {"message", e.message}};
    if (!e.field.empty()) j["field"] = e.field;
    return j;
}

// Decodes a Request nested in an answer with dto.h's codec.
Request ReadNestedRequest(Reader& r, const char* key) {
    const json* object = r.Object(key);
    if (!object) {
        if (!r.failed()) r.Fail(key, "is required.");
        return {};
    }
    auto decoded = DecodeRequest(Dump(*object));
    if (!decoded.ok()) {
        r.Adopt(decoded.error());
        return {};
    }
    return std::move(*decoded);
}

}  // namespace

// [SECTION] Canned responses ----------------------------------------------------------------------

std::string EncodeCanned(const CannedResponse& canned) { return Dump(CannedJson(canned)); }

Result<CannedResponse> DecodeCanned(std::string_view body) {
    return Guard<CannedResponse>([&]() -> Result<CannedResponse> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        CannedResponse c = ReadCanned(r);
        if (r.failed()) return r.error();
        return c;
    });
}

std::string EncodeCannedList(const std::vector<CannedResponse>& items) {
    json list = json::array();
    for (const CannedResponse& c : items) list.push_back(CannedJson(c));
    json names = json::array();
    for (std::string_view name : PlaceholderNames()) names.push_back(std::string(name));
    return Dump(json{{"items", std::move(list)}, {"placeholders", std::move(names)}});
}

Result<std::vector<CannedResponse>> DecodeCannedList(std::string_view body) {
    return Guard<std::vector<CannedResponse>>([&]() -> Result<std::vector<CannedResponse>> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        std::vector<CannedResponse> items;
        ReadList(r, "items", true, items, ReadCanned);
        if (r.failed()) return r.error();
        return items;
    });
}

std::string EncodeCannedWrite(const CannedResponse& c) {
    return Dump(json{{"title", c.title}, {"body", c.body}, {"group_id", c.group_id}});
}

Result<CannedResponse> DecodeCannedWrite(std::string_view body) {
    return Guard<CannedResponse>([&]() -> Result<CannedResponse> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        CannedResponse c;
        c.title = std::string(Trim(r.String("title", true, kMaxCannedTitle * 4 + 64)));
        c.body = std::string(Trim(r.String("body", true, limits::kMaxComment * 4 + 64)));
        c.group_id = r.Int("group_id");
        if (r.failed()) return r.error();
        if (c.group_id < 0) return MakeError(ErrorCode::bad_request, "'group_id' must not be negative.", "group_id");
        return c;
    });
}

std::string EncodeCannedExpansion(const CannedExpansion& e) {
    return Dump(json{{"canned_id", e.canned_id},
                     {"title", e.title},
                     {"text", e.expansion.text},
                     {"unknown", e.expansion.unknown},
                     {"truncated", e.expansion.truncated}});
}

Result<CannedExpansion> DecodeCannedExpansion(std::string_view body) {
    return Guard<CannedExpansion>([&]() -> Result<CannedExpansion> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        CannedExpansion e;
        e.canned_id = r.Int("canned_id", 0, true);
        e.title = r.String("title", false, kMaxCannedTitle * 4 + 64);
        e.expansion.text = r.String("text", true, limits::kMaxComment * 4 + 64);
        e.expansion.truncated = r.Bool("truncated");
        if (const json* unknown = r.Array("unknown")) {
            for (const json& name : *unknown) {
                if (!name.is_string() || name.get_ref<const std::string&>().size() > 128) {
                    r.Fail("unknown", "must hold placeholder names.");
                    break;
                }
                e.expansion.unknown.push_back(name.get<std::string>());
            }
        }
        if (r.failed()) return r.error();
        return e;
    });
}

// [SECTION] Related requests ----------------------------------------------------------------------

std::string EncodeRelated(const RelatedRequests& related) {
    const User& u = related.requester;
    json requester = {{"id", u.id.value},           {"name", u.display_name},       {"username", u.username},
                      {"email", u.email},           {"department", u.department},    {"time_zone", u.time_zone},
                      {"role", RoleName(u.role)}};
    json others = json::array();
    for (const RequestBrief& b : related.other_requests) others.push_back(BriefJson(b));
    json links = json::array();
    for (const LinkedRequest& l : related.links) links.push_back(LinkJson(l));
    return Dump(json{{"requester", std::move(requester)},
                     {"other_total", related.other_total},
                     {"other_requests", std::move(others)},
                     {"links", std::move(links)}});
}

Result<RelatedRequests> DecodeRelated(std::string_view body) {
    return Guard<RelatedRequests>([&]() -> Result<RelatedRequests> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        RelatedRequests out;
        const json* requester = r.Object("requester");
        if (!requester && !r.failed()) r.Fail("requester", "is required.");
        if (requester) {
            Reader ur(*requester, "requester.");
            out.requester.id = UserId(ur.Int("id", 0, true));
            out.requester.display_name = ur.String("name", false, 256);
            out.requester.username = ur.String("username", false, 256);
            out.requester.email = ur.String("email", false, 256);
            out.requester.department = ur.String("department", false, 256);
            out.requester.time_zone = ur.String("time_zone", false, 64);
            out.requester.role = ur.Enum("role", Role::employee, ParseRole);
            if (ur.failed()) r.Adopt(ur.error());
        }
        out.other_total = static_cast<int>(r.Int("other_total"));
        ReadList(r, "other_requests", true, out.other_requests, ReadBrief);
        ReadList(r, "links", true, out.links, ReadLink);
        if (r.failed()) return r.error();
        return out;
    });
}

// [SECTION] Links ---------------------------------------------------------------------------------

std::string EncodeLinkBody(const LinkBody& body) {
    return Dump(json{{"other_id", body.other.value}, {"kind", LinkKindName(body.kind)}});
}

Result<LinkBody> DecodeLinkBody(std::string_view body) {
    return Guard<LinkBody>([&]() -> Result<LinkBody> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        LinkBody out;
        out.other = RequestId(r.Int("other_id", 0, true));
        out.kind = r.Enum("kind", LinkKind::relates, ParseLinkKind);
        if (r.failed()) return r.error();
        if (!out.other.valid())
            return MakeError(ErrorCode::bad_request, "'other_id' must be a positive request id.", "other_id");
        return out;
    });
}

std::string EncodeLinks(const std::vector<LinkedRequest>& links) {
    json list = json::array();
    for (const LinkedRequest& l : links) list.push_back(LinkJson(l));
    return Dump(json{{"links", std::move(list)}});
}

Result<std::vector<LinkedRequest>> DecodeLinks(std::string_view body) {
    return Guard<std::vector<LinkedRequest>>([&]() -> Result<std::vector<LinkedRequest>> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        std::vector<LinkedRequest> links;
        ReadList(r, "links", true, links, ReadLink);
        if (r.failed()) return r.error();
        return links;
    });
}

// [SECTION] Merge ---------------------------------------------------------------------------------

std::string EncodeMergeBody(const MergeBody& body) {
    return Dump(json{{"into_id", body.into.value}, {"base_version", body.base_version}});
}

Result<MergeBody> DecodeMergeBody(std::string_view body) {
    return Guard<MergeBody>([&]() -> Result<MergeBody> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        MergeBody out;
        out.into = RequestId(r.Int("into_id", 0, true));
        const std::int64_t version = r.Int("base_version", 0, true);
        if (r.failed()) return r.error();
        if (!out.into.valid())
            return MakeError(ErrorCode::bad_request, "'into_id' must be a positive request id.", "into_id");
        if (version <= 0 || version > 1'000'000'000)
            return MakeError(ErrorCode::bad_request, "'base_version' must be a positive version.", "base_version");
        out.base_version = static_cast<int>(version);
        return out;
    });
}

std::string EncodeMergeResult(const MergeResult& result) {
    return Dump(json{{"source", json::parse(EncodeRequest(result.source))},
                     {"target", json::parse(EncodeRequest(result.target))}});
}

Result<MergeResult> DecodeMergeResult(std::string_view body) {
    return Guard<MergeResult>([&]() -> Result<MergeResult> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        MergeResult out;
        out.source = ReadNestedRequest(r, "source");
        out.target = ReadNestedRequest(r, "target");
        if (r.failed()) return r.error();
        return out;
    });
}

// [SECTION] Bulk update ---------------------------------------------------------------------------

std::string EncodeBulkUpdate(const BulkUpdateBody& body) {
    json ids = json::array();
    for (RequestId id : body.ids) ids.push_back(id.value);
    const RequestPatch& p = body.patch;
    json patch = json::object();
    if (p.status) patch["status"] = StatusName(*p.status);
    if (p.pending_reason != PendingReason::none) patch["pending_reason"] = PendingReasonName(p.pending_reason);
    if (p.assignee) patch["assignee_id"] = p.assignee->value;
    if (p.group_id) patch["group_id"] = *p.group_id;
    return Dump(json{{"ids", std::move(ids)}, {"patch", std::move(patch)}});
}

Result<BulkUpdateBody> DecodeBulkUpdate(std::string_view body) {
    return Guard<BulkUpdateBody>([&]() -> Result<BulkUpdateBody> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        BulkUpdateBody out;
        const json* ids = r.Array("ids");
        if (!ids && !r.failed()) r.Fail("ids", "is required.");
        const json* patch = r.Object("patch");
        if (!patch && !r.failed()) r.Fail("patch", "is required.");
        if (r.failed()) return r.error();
        if (ids->empty() || ids->size() > limits::kMaxBulkIds)
            return MakeError(ErrorCode::bad_request,
                             "'ids' must list 1 to " + std::to_string(limits::kMaxBulkIds) + " requests.", "ids");
        for (const json& id : *ids) {
            if (!id.is_number_integer() || (id.is_number_unsigned() && id.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) ||
                id.get<std::int64_t>() <= 0)
                return MakeError(ErrorCode::bad_request, "'ids' must hold positive request ids.", "ids");
            const RequestId value(id.get<std::int64_t>());
            if (std::find(out.ids.begin(), out.ids.end(), value) != out.ids.end())
                return MakeError(ErrorCode::bad_request,
                                 "'ids' lists request " + std::to_string(value.value) + " twice.", "ids");
            out.ids.push_back(value);
        }
        Reader pr(*patch, "patch.");
        RequestPatch& p = out.patch;
        if (pr.Has("status")) p.status = pr.Enum("status", Status::new_, ParseStatus, true);
        p.pending_reason = pr.Enum("pending_reason", PendingReason::none, ParsePendingReason);
        if (patch->contains("assignee_id")) p.assignee = UserId(pr.Int("assignee_id"));
        if (pr.Has("group_id")) p.group_id = pr.Int("group_id");
        for (const char* key : {"impact", "urgency", "base_version"})
            if (pr.Has(key)) pr.Fail(key, "can't be changed in bulk; change it on the request.");
        if (pr.failed()) return pr.error();
        if ((p.assignee && p.assignee->value < 0) || (p.group_id && *p.group_id < 0))
            return MakeError(ErrorCode::bad_request, i18n::tr("Ids must not be negative."),
                             p.group_id && *p.group_id < 0 ? "patch.group_id" : "patch.assignee_id");
        if (!p.status && !p.assignee && !p.group_id)
            return MakeError(ErrorCode::bad_request, "Say what to change: status, assignee_id or group_id.", "patch");
        return out;
    });
}

std::string EncodeBulkResult(const BulkUpdateResult& result) {
    json list = json::array();
    int succeeded = 0;
    for (const BulkItemResult& item : result.results) {
        json j = {{"id", item.id.value}, {"ok", item.ok}};
        if (item.ok) {
            j["version"] = item.version;
            ++succeeded;
        } else {
            j["error"] = ErrorJson(item.error);
        }
        list.push_back(std::move(j));
    }
    const int failed = static_cast<int>(result.results.size()) - succeeded;
    return Dump(json{{"results", std::move(list)}, {"succeeded", succeeded}, {"failed", failed}});
}

Result<BulkUpdateResult> DecodeBulkResult(std::string_view body) {
    return Guard<BulkUpdateResult>([&]() -> Result<BulkUpdateResult> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        BulkUpdateResult out;
        ReadList(r, "results", true, out.results, [](Reader& ir) {
            BulkItemResult item;
            item.id = RequestId(ir.Int("id", 0, true));
            item.ok = ir.Bool("ok");
            item.version = static_cast<int>(ir.Int("version"));
            if (const json* e = ir.Object("error")) {
                Reader er(*e, ir.prefix() + "error.");
                ErrorCode code = ErrorCode::internal;
                if (!ParseErrorCode(er.String("code", true, 64), &code) && !er.failed())
                    er.Fail("code", "is not an error code.");
                item.error = MakeError(code, er.String("message", false, 4096), er.String("field", false, 256));
                if (er.failed()) ir.Adopt(er.error());
            } else if (!item.ok && !ir.failed()) {
                ir.Fail("error", "is required when ok is false.");
            }
            return item;
        });
        if (r.failed()) return r.error();
        return out;
    });
}

}  // namespace spoc::api
