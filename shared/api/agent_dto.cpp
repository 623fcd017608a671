// JSON codecs for agents' settings, the group directory and notifications (see agent_dto.h), on
// the shared helpers of json_support.h.
#include "shared/api/agent_dto.h"

#include "shared/api/json_support.h"

namespace spoc::api {

using namespace json_support;  // json, Reader, ParseObject, Guard, Dump

namespace {

json NotificationJson(const Notification& n) {
    json j = {{"id", n.id}, {"kind", n.kind}, {"text", n.text}, {"created_at", FormatIso8601(n.created_at)}};
    if (n.request_id.valid()) {
        j["request_id"] = n.request_id.value;
        j["request_number"] = n.request_number;
    }
    if (n.read_at != 0) j["read_at"] = FormatIso8601(n.read_at);
    return j;
}

Notification ReadNotification(Reader& r) {
    Notification n;
    n.id = r.Int("id", 0, true);
    n.request_id = RequestId(r.Int("request_id"));
    n.request_number = r.String("request_number", false, 64);
    n.kind = r.String("kind", true, 64);
    n.text = r.String("text", true, 4096);
    n.created_at = r.Time("created_at");
    n.read_at = r.Time("read_at");
    return n;
}

}  // namespace

// [SECTION] Agents ------------------------------------------------------------------------------------

std::string EncodeAgentSelf(const AgentSelf& self) {
    json groups = json::array();
    for (const AgentGroup& g : self.groups)
        groups.push_back({{"id", g.id}, {"name", g.name}, {"lead", g.lead}, {"member", g.member}});
    return Dump(json{{"available", self.available}, {"groups", std::move(groups)}});
}

Result<AgentSelf> DecodeAgentSelf(std::string_view body) {
    return Guard<AgentSelf>([&]() -> Result<AgentSelf> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        AgentSelf self;
        self.available = r.Bool("available", true);
        if (const json* list = r.Array("groups")) {
            for (const json& item : *list) {
                if (!item.is_object()) {
                    r.Fail("groups", "must hold objects.");
                    break;
                }
                Reader gr(item, "groups.");
                AgentGroup g;
                g.id = gr.Int("id", 0, true);
                g.name = gr.String("name", false, 256);
                g.lead = gr.Bool("lead");
                g.member = gr.Bool("member");
                if (gr.failed()) {
                    r.Adopt(gr.error());
                    break;
                }
                self.groups.push_back(std::move(g));
            }
        }
        if (r.failed()) return r.error();
        return self;
    });
}

std::string EncodeAvailability(const AvailabilityBody& body) { return Dump(json{{"available", body.available}}); }

Result<AvailabilityBody> DecodeAvailability(std::string_view body) {
    return Guard<AvailabilityBody>([&]() -> Result<AvailabilityBody> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        if (!r.Has("available")) r.Fail("available", "is required.");
        AvailabilityBody out;
        out.available = r.Bool("available");
        if (r.failed()) return r.error();
        return out;
    });
}

// [SECTION] Directory -------------------------------------------------------------------------------------

std::string EncodeGroupDirectory(const GroupDirectory& directory) {
    json groups = json::array();
    for (const DirectoryGroup& g : directory.groups) {
        json agents = json::array();
        for (const DirectoryAgent& a : g.agents)
            agents.push_back({{"id", a.id.value}, {"name", a.name}, {"available", a.available}});
        json group = {{"id", g.id}, {"name", g.name}};
        if (g.lead_id.valid()) group["lead_id"] = g.lead_id.value;
        group["agents"] = std::move(agents);
        groups.push_back(std::move(group));
    }
    return Dump(json{{"groups", std::move(groups)}});
}

Result<GroupDirectory> DecodeGroupDirectory(std::string_view body) {
    return Guard<GroupDirectory>([&]() -> Result<GroupDirectory> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        GroupDirectory directory;
        const json* list = r.Array("groups");
        if (!list && !r.failed()) r.Fail("groups", "is required.");
        for (size_t i = 0; list && i < list->size() && !r.failed(); ++i) {
            const json& item = (*list)[i];
            if (!item.is_object()) {
                r.Fail("groups", "must hold objects.");
                break;
            }
            Reader gr(item, "groups.");
            DirectoryGroup g;
            g.id = gr.Int("id", 0, true);
            g.name = gr.String("name", true, 256);
            g.lead_id = UserId(gr.Int("lead_id"));
            if (const json* agents = gr.Array("agents")) {
                for (const json& a : *agents) {
                    if (!a.is_object()) {
                        gr.Fail("agents", "must hold objects.");
                        break;
                    }
                    Reader ar(a, "groups.agents.");
                    DirectoryAgent agent;
                    agent.id = UserId(ar.Int("id", 0, true));
                    agent.name = ar.String("name", true, 256);
                    agent.available = ar.Bool("available");
                    if (ar.failed()) {
                        gr.Adopt(ar.error());
                        break;
                    }
                    g.agents.push_back(std::move(agent));
                }
            }
            if (gr.failed()) {
                r.Adopt(gr.error());
                break;
            }
            directory.groups.push_back(std::move(g));
        }
        if (r.failed()) return r.error();
        return directory;
    });
}

// [SECTION] Notifications -------------------------------------------------------------------------------

std::string EncodeNotification(const Notification& n) { return Dump(NotificationJson(n)); }

Result<Notification> DecodeNotification(std::string_view body) {
    return Guard<Notification>([&]() -> Result<Notification> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        Notification n = ReadNotification(r);
        if (r.failed()) return r.error();
        return n;
    });
}

std::string EncodeNotificationPage(const NotificationPage& page) {
    json items = json::array();
    for (const Notification& n : page.items) items.push_back(NotificationJson(n));
    json j = {{"items", std::move(items)}, {"unread", page.unread}};
    if (page.next_before > 0) j["next_before"] = page.next_before;
    return Dump(j);
}

Result<NotificationPage> DecodeNotificationPage(std::string_view body) {
    return Guard<NotificationPage>([&]() -> Result<NotificationPage> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        NotificationPage page;
        const json* list = r.Array("items");
        if (!list && !r.failed()) r.Fail("items", "is required.");
        if (list) {
            for (const json& item : *list) {
                if (!item.is_object()) {
                    r.Fail("items", "must hold objects.");
                    break;
                }
                Reader ir(item, "items.");
                Notification n = ReadNotification(ir);
                if (ir.failed()) {
                    r.Adopt(ir.error());
                    break;
                }
                page.items.push_back(std::move(n));
            }
        }
        page.unread = static_cast<int>(r.Int("unread"));
        page.next_before = r.Int("next_before");
        if (r.failed()) return r.error();
        return page;
    });
}

}  // namespace spoc::api
