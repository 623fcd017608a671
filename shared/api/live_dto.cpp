// Live-update codecs (see live_dto.h), on the json_support helpers like every other codec.
#include "shared/api/live_dto.h"

#include "shared/api/json_support.h"
#include "shared/domain/i18n.h"

namespace spoc::api {

using namespace json_support;

namespace {

json PresenceJson(const PresenceEvent& e) {
    return json{{"request_id", e.request_id.value}, {"user_id", e.user_id.value}, {"name", e.name}, {"state", e.state}};
}

Result<PresenceEvent> PresenceFrom(const json& object, const std::string& prefix) {
    Reader r(object, prefix);
    PresenceEvent e;
    e.request_id = RequestId(r.Int("request_id", 0, true));
    e.user_id = UserId(r.Int("user_id", 0, true));
    e.name = r.String("name", false, 256);
    e.state = r.String("state", true, 16);
    if (r.failed()) return r.error();
    if (!IsPresenceState(e.state))
        return MakeError(ErrorCode::bad_request, "'" + prefix + "state' must be viewing, replying or left.",
                         prefix + "state");
    return e;
}

}  // namespace

std::string EncodeRequestEvent(const RequestEvent& e, bool staff) {
    json j = {{"id", e.id.value}, {"version", e.version}, {"kind", e.kind}, {"status", StatusName(e.status)}};
    if (staff) {
        j["assignee_id"] = e.assignee_id.value;
        j["group_id"] = e.group_id;
        j["actor_id"] = e.actor_id.value;
    }
    return Dump(j);
}

Result<RequestEvent> DecodeRequestEvent(std::string_view data) {
    return Guard<RequestEvent>([&]() -> Result<RequestEvent> {
        auto doc = ParseObject(data);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        RequestEvent e;
        e.id = RequestId(r.Int("id", 0, true));
        e.version = static_cast<int>(r.Int("version"));
        e.kind = r.String("kind", true, 16);
        e.status = r.Enum("status", Status::new_, ParseStatus, true);
        e.assignee_id = UserId(r.Int("assignee_id"));
        e.group_id = r.Int("group_id");
        e.actor_id = UserId(r.Int("actor_id"));
        if (r.failed()) return r.error();
        if (!e.id.valid()) return MakeError(ErrorCode::bad_request, "'id' must be a request id.", "id");
        return e;
    });
}

std::string EncodePresenceEvent(const PresenceEvent& e) { return Dump(PresenceJson(e)); }

Result<PresenceEvent> DecodePresenceEvent(std::string_view data) {
    return Guard<PresenceEvent>([&]() -> Result<PresenceEvent> {
        auto doc = ParseObject(data);
        if (!doc.ok()) return doc.error();
        return PresenceFrom(*doc, "");
    });
}

bool IsPresenceState(std::string_view state) { return state == "viewing" || state == "replying" || state == "left"; }

std::string EncodePresenceBody(std::string_view state) { return Dump(json{{"state", std::string(state)}}); }

Result<std::string> DecodePresenceBody(std::string_view body) {
    return Guard<std::string>([&]() -> Result<std::string> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        std::string state = r.String("state", true, 16);
        if (r.failed()) return r.error();
        if (!IsPresenceState(state))
            return MakeError(ErrorCode::bad_request, "'state' must be viewing, replying or left.", "state");
        return state;
    });
}

std::string EncodePresenceAnswer(const std::vector<PresenceEvent>& viewers) {
    json list = json::array();
    for (const PresenceEvent& v : viewers) list.push_back(PresenceJson(v));
    return Dump(json{{"viewers", std::move(list)}});
}

Result<std::vector<PresenceEvent>> DecodePresenceAnswer(std::string_view body) {
    return Guard<std::vector<PresenceEvent>>([&]() -> Result<std::vector<PresenceEvent>> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        const json* list = r.Array("viewers");
        if (r.failed()) return r.error();
        std::vector<PresenceEvent> out;
        if (!list) return out;
        if (list->size() > 100) return MakeError(ErrorCode::bad_request, i18n::tr("Too many viewers."), "viewers");
        for (size_t i = 0; i < list->size(); ++i) {
            const json& v = (*list)[i];
            const std::string prefix = "viewers[" + std::to_string(i) + "].";
            if (!v.is_object()) return MakeError(ErrorCode::bad_request, "'" + prefix + "' must be an object.", prefix);
            auto e = PresenceFrom(v, prefix);
            if (!e.ok()) return e.error();
            out.push_back(std::move(*e));
        }
        return out;
    });
}

}  // namespace spoc::api
