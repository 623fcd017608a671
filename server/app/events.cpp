// EventHub (see events.h): subscriptions, the replay ring, per-audience frames and presence.
// One mutex guards the subscriber list, the ring and the presence map; each subscription has its
// own lock and condition variable, so a slow stream never holds up a publisher for long.
#include "server/app/events.h"

#include <algorithm>

#include "shared/api/live_dto.h"
#include "shared/domain/i18n.h"

namespace spoc::app {

namespace {

// One SSE block. `data` is one line of JSON (Dump never writes a raw newline).
std::shared_ptr<const std::string> MakeFrame(std::int64_t id, std::string_view event, const std::string& data) {
    std::string text = "id: " + std::to_string(id) + "\nevent: ";
    text.append(event);
    text += "\ndata: ";
    text += data;
    text += "\n\n";
    return std::make_shared<const std::string>(std::move(text));
}

constexpr const char* kResyncFrame = "event: resync\ndata: {}\n\n";

}  // namespace

std::string_view ChangeKindName(ChangeKind kind) {
    switch (kind) {
        case ChangeKind::created:
            return "created";
        case ChangeKind::updated:
            return "updated";
        case ChangeKind::comment:
            return "comment";
        case ChangeKind::note:
            return "note";
    }
    return "updated";
}

// [SECTION] Subscription

Subscription::~Subscription() { m_hub.Unsubscribe(this); }

void Subscription::Push(const std::shared_ptr<const std::string>& frame) {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_overflowed) return;
        if (static_cast<int>(m_frames.size()) >= EventHub::kMaxQueuedFrames) {
            m_frames.clear();
            m_overflowed = true;
        } else {
            m_frames.push_back(frame);
        }
    }
    m_wake.notify_one();
}

bool Subscription::Wait(std::string* out, int timeout_ms) {
    std::unique_lock<std::mutex> lock(m_mutex);
    m_wake.wait_for(lock, std::chrono::milliseconds(timeout_ms),
                    [&] { return m_closed || m_overflowed || !m_frames.empty(); });
    if (m_closed) return false;
    if (m_overflowed) {
        out->append(kResyncFrame);
        m_overflowed = false;
    }
    for (const auto& frame : m_frames) out->append(*frame);
    m_frames.clear();
    return true;
}

// [SECTION] Hub

EventHub::~EventHub() { Shutdown(); }

Result<std::shared_ptr<Subscription>> EventHub::Subscribe(UserId user, bool staff, std::int64_t last_event_id) {
    std::lock_guard<std::mutex> lock(m_mutex);
    return SubscribeLocked(user, staff, 0, last_event_id);
}

Result<std::shared_ptr<Subscription>> EventHub::SubscribeKiosk(std::int64_t kiosk_id, std::int64_t location_id,
                                                               std::int64_t last_event_id) {
    std::lock_guard<std::mutex> lock(m_mutex);
    // Negative keys: a kiosk never shares a person's per-user stream limit, nor another kiosk's.
    return SubscribeLocked(UserId(-kiosk_id), false, location_id, last_event_id);
}

Result<std::shared_ptr<Subscription>> EventHub::SubscribeLocked(UserId user, bool staff, std::int64_t kiosk_location,
                                                                std::int64_t last_event_id) {
    if (m_shutdown) return MakeError(ErrorCode::unavailable, "The server is shutting down.");
    if (static_cast<int>(m_subs.size()) >= kMaxStreams)
        return MakeError(ErrorCode::unavailable, "Too many live streams are open; try again shortly.");
    int mine = 0;
    for (const Subscription* s : m_subs) mine += s->m_user == user ? 1 : 0;
    if (mine >= kMaxStreamsPerUser)
        return MakeError(ErrorCode::rate_limited, i18n::tr("Too many live streams are open for this user; close a tab."));
    std::shared_ptr<Subscription> sub(new Subscription(*this, user, staff, kiosk_location));
    m_subs.push_back(sub.get());
    if (last_event_id > 0 && last_event_id < m_next_id - 1) {
        // Missed events: replay them when the ring still has them all, else ask for a resync.
        const bool complete = !m_replay.empty() && m_replay.front().id <= last_event_id + 1;
        if (!complete) {
            sub->m_overflowed = true;
        } else {
            for (const Frame& f : m_replay) {
                if (f.id <= last_event_id) continue;
                if (const auto* text = Reach(f, *sub)) sub->m_frames.push_back(*text);
            }
        }
    }
    return sub;
}

const std::shared_ptr<const std::string>* EventHub::Reach(const Frame& f, const Subscription& s) {
    if (s.m_kiosk_location != 0) return f.kiosk && f.kiosk_location == s.m_kiosk_location ? &f.kiosk : nullptr;
    if (s.m_staff) return f.staff ? &f.staff : nullptr;
    if (!f.owner) return nullptr;
    if (f.owner_id == s.m_user) return &f.owner;
    return std::find(f.watchers.begin(), f.watchers.end(), s.m_user) != f.watchers.end() ? &f.owner : nullptr;
}

void EventHub::Unsubscribe(Subscription* sub) {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_subs.erase(std::remove(m_subs.begin(), m_subs.end(), sub), m_subs.end());
}

void EventHub::PublishLocked(Frame frame) {
    if (m_shutdown) return;
    for (Subscription* s : m_subs)
        if (const auto* text = Reach(frame, *s)) s->Push(*text);
    m_replay.push_back(std::move(frame));
    while (static_cast<int>(m_replay.size()) > kReplayEvents) m_replay.pop_front();
}

void EventHub::PublishRequest(const RequestChange& change) {
    std::lock_guard<std::mutex> lock(m_mutex);
    Frame frame;
    frame.id = m_next_id++;
    const api::RequestEvent event{change.id,          change.version,  std::string(ChangeKindName(change.kind)),
                                  change.status,      change.assignee_id, change.group_id,
                                  change.actor_id};
    frame.staff = MakeFrame(frame.id, "request", api::EncodeRequestEvent(event, true));
    if (change.kind != ChangeKind::note) {
        // The requester learns that their request changed and re-reads it; nothing else.
        frame.owner = MakeFrame(frame.id, "request", api::EncodeRequestEvent(event, false));
        frame.owner_id = change.requester_id;
        frame.watchers = change.watchers;  // an approver's inbox and count follow the request too
    }
    PublishLocked(std::move(frame));
}

void EventHub::PublishWalkup(std::int64_t location_id, UserId visitor) {
    std::lock_guard<std::mutex> lock(m_mutex);
    Frame frame;
    frame.id = m_next_id++;
    frame.staff = MakeFrame(frame.id, "walkup", "{\"location_id\":" + std::to_string(location_id) + "}");
    frame.kiosk = frame.staff;
    frame.kiosk_location = location_id;
    if (visitor.valid()) {  // their own visit moved: their page re-reads it
        frame.owner = frame.staff;
        frame.owner_id = visitor;
    }
    PublishLocked(std::move(frame));
}

void EventHub::PublishPresenceLocked(RequestId request, const Viewer& viewer, std::string_view state) {
    Frame frame;
    frame.id = m_next_id++;
    const api::PresenceEvent event{request, viewer.user, viewer.name, std::string(state)};
    frame.staff = MakeFrame(frame.id, "presence", api::EncodePresenceEvent(event));
    PublishLocked(std::move(frame));
}

std::vector<Viewer> EventHub::TouchPresence(RequestId request, UserId user, const std::string& name,
                                            std::string_view state, Timestamp now) {
    std::lock_guard<std::mutex> lock(m_mutex);
    auto& viewers = m_presence[request.value];
    auto it = std::find_if(viewers.begin(), viewers.end(), [&](const Viewer& v) { return v.user == user; });
    if (state == "left") {
        if (it != viewers.end()) {
            Viewer gone = *it;
            viewers.erase(it);
            PublishPresenceLocked(request, gone, "left");
        }
    } else {
        const bool replying = state == "replying";
        if (it == viewers.end()) {
            viewers.push_back(Viewer{user, name, replying, now});
            PublishPresenceLocked(request, viewers.back(), state);
        } else {
            it->seen_at = now;
            if (it->replying != replying) {
                it->replying = replying;
                PublishPresenceLocked(request, *it, state);
            }
        }
    }
    std::vector<Viewer> others;
    for (const Viewer& v : viewers)
        if (v.user != user && now - v.seen_at < kPresenceTtlMs) others.push_back(v);
    if (viewers.empty()) m_presence.erase(request.value);
    return others;
}

void EventHub::SweepPresence(Timestamp now) {
    std::lock_guard<std::mutex> lock(m_mutex);
    for (auto it = m_presence.begin(); it != m_presence.end();) {
        auto& viewers = it->second;
        for (auto v = viewers.begin(); v != viewers.end();) {
            if (now - v->seen_at >= kPresenceTtlMs) {
                PublishPresenceLocked(RequestId{it->first}, *v, "left");
                v = viewers.erase(v);
            } else {
                ++v;
            }
        }
        it = viewers.empty() ? m_presence.erase(it) : std::next(it);
    }
}

void EventHub::Shutdown() {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_shutdown = true;
    for (Subscription* s : m_subs) {
        {
            std::lock_guard<std::mutex> sub_lock(s->m_mutex);
            s->m_closed = true;
        }
        s->m_wake.notify_all();
    }
}

int EventHub::StreamCount() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return static_cast<int>(m_subs.size());
}

std::int64_t EventHub::LastEventId() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_next_id - 1;
}

}  // namespace spoc::app
