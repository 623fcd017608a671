// One demo request's life, built in memory and then written in one go: the same bookkeeping the
// live use cases do (ApplyStatus, RecordChanges, AddComment's first response and reply effect,
// RecordPlacement's creation rows, auto-close), so what the seed stores looks exactly like what
// real traffic leaves behind. Steps after `now` are dropped: the story stops where the present is.
#pragma once
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "server/storage/agents_repo.h"
#include "server/storage/sqlite.h"
#include "shared/domain/request.h"
#include "shared/domain/sla.h"

namespace spoc::app {

// The demo SLA calendars and policies (as assignment.cpp uses them), and a request's view of them.
struct DemoSla {
    const BusinessCalendar* cal = nullptr;  // the calendar its policy uses for its priority
    std::int64_t response_ms = 0;           // first-response target, business ms on `cal`
    std::int64_t resolution_ms = 0;         // resolution target
};
DemoSla DemoSlaFor(const Request& r);  // r.sla_policy and r.priority set

class DemoStory {
public:
    // `r` as placed at r.created_at (group, and assignee + status Assigned when routing gave one).
    DemoStory(Request r, Timestamp now);

    const Request& request() const { return m_r; }
    bool stopped() const { return m_stopped; }  // a step fell after `now`; later steps are ignored
    Timestamp last() const { return m_last; }   // the instant of the last step taken
    int reopens() const { return m_reopens; }   // Resolved -> open moves
    int PublicReplies() const;
    int InternalNotes() const;

    // A status move by `actor` (a default User is the system); `text` is the resolution note
    // (to = resolved) or the cancel reason (to = cancelled).
    void Move(Timestamp at, const User& actor, Status to, PendingReason reason = PendingReason::none,
              std::string text = {});
    void Assign(Timestamp at, const User& actor, const User& agent);  // New becomes Assigned
    void Reply(Timestamp at, const User& author, std::string body);   // public, with its effects
    void Note(Timestamp at, const User& author, std::string body);    // internal

    // Inserts the request, comments, history (time order), pauses and the breach marks the
    // escalation job would have set by `now` (with their "sla" history rows). Fills *response /
    // *resolution with whether each clock breached.
    Result<RequestId> Write(storage::Database& db, bool* response_breached, bool* resolution_breached);

private:
    void AddComment(Timestamp at, const User& author, std::string body, bool internal);  // no effects
    bool Take(Timestamp at);  // false (and stopped) when `at` is after now
    void ChangeStatus(Timestamp at, const User& actor, Status to, PendingReason reason);
    void Bump(Timestamp at) {  // one saved change: version + 1, updated_at
        ++m_r.version;
        m_r.updated_at = std::max(m_r.updated_at, at);
    }
    void Row(Timestamp at, const User& actor, const char* field, std::string old_value, std::string new_value);

    Request m_r;
    Timestamp m_now;
    Timestamp m_last;
    bool m_stopped = false;
    int m_reopens = 0;
    std::vector<Comment> m_comments;
    std::vector<storage::HistoryEntry> m_history;
    std::vector<std::pair<Timestamp, Timestamp>> m_pauses;  // [from, to); to 0 = open
};

}  // namespace spoc::app
