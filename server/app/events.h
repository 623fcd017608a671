// Live updates: the EventHub fans server-sent events out to every open /api/v1/events stream the
// event may reach (staff see every request change and presence; an employee sees only public
// changes of their own requests: never an internal note, never who is viewing), keeps the last
// kReplayEvents for reconnects (Last-Event-ID), and the PresenceBoard tracks "ava is viewing /
// replying" per request, expiring silent viewers. Events only say what changed; clients re-read
// through the ordinary routes, which apply the same visibility rules again.
#pragma once
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "shared/domain/request.h"
#include "shared/domain/result.h"
#include "shared/domain/time.h"

namespace spoc::app {

class EventHub;

// What a request change was, as the events name it.
enum class ChangeKind { created, updated, comment, note };  // note: internal, staff only
std::string_view ChangeKindName(ChangeKind kind);

struct RequestChange {
    RequestId id;
    int version = 0;              // after the change (a note leaves it alone)
    ChangeKind kind = ChangeKind::updated;
    UserId requester_id;          // who may see the public frame
    UserId actor_id;              // who made the change (0: the system)
    Status status = Status::new_;
    UserId assignee_id;
    std::int64_t group_id = 0;
    std::vector<UserId> watchers; // also get the public frame: the request's approvers and their delegates
};

// One open stream. The HTTP pump waits on it and writes what it returns.
class Subscription {
public:
    ~Subscription();
    // Waits up to timeout_ms for frames; appends them (complete "id/event/data" blocks) to *out.
    // False once the hub is shutting down (the stream should end).
    bool Wait(std::string* out, int timeout_ms);
    UserId user() const { return m_user; }

private:
    friend class EventHub;
    Subscription(EventHub& hub, UserId user, bool staff, std::int64_t kiosk_location)
        : m_hub(hub), m_user(user), m_staff(staff), m_kiosk_location(kiosk_location) {}
    void Push(const std::shared_ptr<const std::string>& frame);  // called with the hub lock held

    EventHub& m_hub;
    UserId m_user;
    bool m_staff = false;
    std::int64_t m_kiosk_location = 0;  // a kiosk's stream: only walk-up changes at its location
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::shared_ptr<const std::string>> m_frames;
    bool m_overflowed = false;  // fell kMaxQueuedFrames behind: the next Wait sends "resync"
    bool m_closed = false;
};

struct Viewer {
    UserId user;
    std::string name;
    bool replying = false;
    Timestamp seen_at = 0;
};

class EventHub {
public:
    static constexpr int kReplayEvents = 1024;        // kept for Last-Event-ID resumes
    static constexpr int kMaxQueuedFrames = 512;       // per stream, before it is told to resync
    static constexpr int kMaxStreams = 1000;           // in all
    static constexpr int kMaxStreamsPerUser = 8;       // tabs and kiosks of one user
    static constexpr Timestamp kPresenceTtlMs = 30000; // a viewer who stops saying so is gone

    EventHub() = default;
    ~EventHub();
    EventHub(const EventHub&) = delete;
    EventHub& operator=(const EventHub&) = delete;

    // A new stream for `user`. `last_event_id` (0: none) replays what it missed, or a resync when
    // that is older than the replay buffer. unavailable (503) past the stream limits.
    Result<std::shared_ptr<Subscription>> Subscribe(UserId user, bool staff, std::int64_t last_event_id);
    // A kiosk's stream (its boards and check-in screen): walk-up changes at its location only.
    // Kiosks count against the per-user limit one by one (each has its own key).
    Result<std::shared_ptr<Subscription>> SubscribeKiosk(std::int64_t kiosk_id, std::int64_t location_id,
                                                         std::int64_t last_event_id);
    void PublishRequest(const RequestChange& change);  // after the change was committed
    // The walk-up queue at a location changed (committed): staff, the location's kiosks and the
    // visitor (0: a guest) hear {"location_id":N} and re-read the queue / board / their visits.
    void PublishWalkup(std::int64_t location_id, UserId visitor);
    // Presence on a request (staff): state "viewing", "replying" or "left". Publishes when the
    // caller's state there changes; returns the other staff currently on the request.
    std::vector<Viewer> TouchPresence(RequestId request, UserId user, const std::string& name, std::string_view state,
                                      Timestamp now);
    void SweepPresence(Timestamp now);  // viewers silent for kPresenceTtlMs leave
    void Shutdown();                    // wakes every stream; they end
    int StreamCount() const;
    std::int64_t LastEventId() const;

private:
    friend class Subscription;
    struct Frame {
        std::int64_t id = 0;
        std::shared_ptr<const std::string> staff;  // null: not for staff
        std::shared_ptr<const std::string> owner;  // null: not for the requester
        UserId owner_id;
        std::vector<UserId> watchers;              // ...and these (approvers) get `owner` too
        std::shared_ptr<const std::string> kiosk;  // null: not for kiosks
        std::int64_t kiosk_location = 0;           // ...of this location
    };
    Result<std::shared_ptr<Subscription>> SubscribeLocked(UserId user, bool staff, std::int64_t kiosk_location,
                                                          std::int64_t last_event_id);
    static const std::shared_ptr<const std::string>* Reach(const Frame& f, const Subscription& s);  // null: not for it
    void Unsubscribe(Subscription* sub);
    void PublishLocked(Frame frame);  // assigns the id, stores for replay, fans out
    void PublishPresenceLocked(RequestId request, const Viewer& viewer, std::string_view state);

    mutable std::mutex m_mutex;
    std::vector<Subscription*> m_subs;
    std::deque<Frame> m_replay;
    std::int64_t m_next_id = 1;
    bool m_shutdown = false;
    std::map<std::int64_t, std::vector<Viewer>> m_presence;  // by request id
};

}  // namespace spoc::app
