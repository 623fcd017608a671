// Live-update effects (see effects.h): the server-sent event stream and presence. A request
// event marks whatever shows that request stale (its detail, the queue, the lists), and the next
// Sync re-reads it through the normal routes; a presence event updates who else is on a request.
#include <algorithm>

#include "client/app/effects.h"
#include "client/app/effects_internal.h"
#include "shared/api/routes.h"

namespace spoc::client {

void Effects::OpenLive() {
    if (!m_state.me) return;
    m_state.live.open_for = m_state.me->user.username;
    m_state.live.connected = false;
    m_api.OpenEvents(routes::kEvents, [this](const std::string& type, const std::string& data) { OnLiveEvent(type, data); });
}

void Effects::CloseLive() {
    m_api.CloseEvents();
    m_state.live.open_for.clear();
    m_state.live.connected = false;
}

void ApplyRequestEvent(AppState* state, const api::RequestEvent& e) {
    state->live.events++;
    if (auto d = state->details.find(e.id.value); d != state->details.end()) {
        Remote<Request>& detail = d->second;
        // Our own change already came back in its answer: same version, nothing new to read.
        const bool known = detail.has_data && detail.data.version == e.version && e.kind == "updated";
        if (!known) detail.stale = true;
    }
    state->queue.stale = true;
    state->agent.notifications.stale = true;  // an escalation may have written to the inbox
    state->requests.stale = true;
    state->open_requests.stale = true;
    state->done_requests.stale = true;
    state->approvals.stale = true;  // a request I approve may have been decided by another approver
}

void ApplyPresenceEvent(AppState* state, const api::PresenceEvent& e) {
    if (state->me && e.user_id == state->me->user.id) return;  // another tab of mine
    auto& viewers = state->live.presence[e.request_id.value];
    viewers.erase(std::remove_if(viewers.begin(), viewers.end(),
                                 [&](const api::PresenceEvent& v) { return v.user_id == e.user_id; }),
                  viewers.end());
    if (e.state != "left") viewers.push_back(e);
    if (viewers.empty()) state->live.presence.erase(e.request_id.value);
}

void Effects::OnLiveEvent(const std::string& type, const std::string& data) {
    LiveState& live = m_state.live;
    if (type == "ready") {
        live.connected = true;
    } else if (type == "closed") {
        if (live.connected) live.drops++;
        live.connected = false;
    } else if (type == "resync") {
        // Too far behind to replay: everything on screen may be out of date.
        for (auto& [id, detail] : m_state.details) detail.stale = true;
        m_state.queue.stale = m_state.requests.stale = m_state.open_requests.stale = m_state.done_requests.stale = true;
        live.presence.clear();
    } else if (type == "signed_out") {
        CloseLive();
        OnUnauthenticated();
    } else if (type == "request") {
        if (auto e = api::DecodeRequestEvent(data); e.ok()) ApplyRequestEvent(&m_state, *e);
    } else if (type == "presence") {
        if (auto e = api::DecodePresenceEvent(data); e.ok()) ApplyPresenceEvent(&m_state, *e);
    } else if (type == "walkup") {  // a walk-up queue moved: the console and my visits re-read
        live.events++;
        m_state.walkup.visits.stale = true;
        m_state.desks.visits.stale = true;
        m_state.desks.locations.stale = true;
    }
}

void Effects::SendPresence(RequestId id, const std::string& state) {
    LiveState& live = m_state.live;
    if (live.presence_in_flight) {  // after the one on its way (see LiveState)
        live.presence_queue.emplace_back(id, state);
        return;
    }
    live.presence_in_flight = true;
    const std::int64_t key = id.value;
    m_api.Send(MakeRequest("POST", std::string(routes::kRequests) + "/" + std::to_string(key) + "/presence",
                           api::EncodePresenceBody(state)),
               [this, key, state](int status, const std::string& body) {
                   LiveState& live = m_state.live;
                   live.presence_in_flight = false;
                   if (status == 200 && state != "left") {
                       auto viewers = api::DecodePresenceAnswer(body);
                       if (viewers.ok()) {
                           if (viewers->empty())
                               live.presence.erase(key);
                           else
                               live.presence[key] = std::move(*viewers);
                       }
                   }
                   if (!live.presence_queue.empty()) {
                       auto next = live.presence_queue.front();
                       live.presence_queue.erase(live.presence_queue.begin());
                       SendPresence(next.first, next.second);
                   }
               });
}

}  // namespace spoc::client
