// One demo request's life (see demo_story.h).
#include "server/app/demo_story.h"

#include <algorithm>

#include "server/app/assignment.h"
#include "server/app/request_workflow.h"
#include "server/storage/escalation_repo.h"
#include "server/storage/requests_repo.h"
#include "shared/domain/lifecycle.h"
#include "shared/domain/request_builder.h"

namespace spoc::app {

namespace {

const SlaPolicy* PolicyFor(const Request& r) {
    for (const SlaPolicy& p : ServerSla().policies)
        if (p.name == r.sla_policy) return &p;
    return nullptr;
}

// When the clock `kind` reached its target by `now`, as the escalation job marks it (0: it did not).
Timestamp BreachedAt(const Request& r, const std::vector<std::pair<Timestamp, Timestamp>>& pauses, SlaKind kind,
                     Timestamp now) {
    const SlaPolicy* policy = PolicyFor(r);
    const DemoSla sla = DemoSlaFor(r);
    if (!policy || !sla.cal) return 0;
    const std::int64_t target = kind == SlaKind::first_response ? sla.response_ms : sla.resolution_ms;
    if (target <= 0) return 0;
    SlaClockInput input;
    input.started = r.created_at;
    input.paused = pauses;
    const bool done = !IsOpenStatus(r.status);
    const Timestamp finished = r.resolved_at != 0 ? r.resolved_at : r.closed_at;
    if (kind == SlaKind::first_response)
        input.stopped = r.first_response_at != 0 ? r.first_response_at : (done ? finished : 0);
    else
        input.stopped = done ? finished : 0;
    const SlaState state = EvaluateSla(*sla.cal, target, input, now, policy->warning_percent);
    const bool reached = state.phase == SlaState::breached || state.phase == SlaState::met_late;
    return reached && state.due_at > 0 && state.due_at <= now ? state.due_at : 0;
}

}  // namespace

DemoSla DemoSlaFor(const Request& r) {
    DemoSla out;
    const SlaPolicy* policy = PolicyFor(r);
    if (!policy) return out;
    out.cal = FindCalendar(ServerSla().calendars, SlaCalendarFor(*policy, r.priority));
    if (!out.cal) return out;
    out.response_ms = SlaTargetMs(*policy, r.priority, SlaKind::first_response, *out.cal);
    out.resolution_ms = SlaTargetMs(*policy, r.priority, SlaKind::resolution, *out.cal);
    return out;
}

DemoStory::DemoStory(Request r, Timestamp now) : m_r(std::move(r)), m_now(now), m_last(m_r.created_at) {
    // RecordPlacement's rows: created by the requester, then what routing decided (the system).
    const Timestamp at = m_r.created_at;
    User requester;
    requester.id = m_r.requester_id;
    const User system;
    Row(at, requester, "created", {}, std::string(StatusName(Status::new_)));
    if (m_r.group_id > 0) Row(at, system, "group", {}, m_r.group_name);
    if (m_r.assignee_id.valid()) {
        Row(at, system, "assignee", {}, std::to_string(m_r.assignee_id.value));
        Row(at, system, "status", std::string(StatusName(Status::new_)), std::string(StatusName(m_r.status)));
    }
}

int DemoStory::PublicReplies() const {
    return static_cast<int>(
        std::count_if(m_comments.begin(), m_comments.end(), [](const Comment& c) { return !c.internal; }));
}

int DemoStory::InternalNotes() const { return static_cast<int>(m_comments.size()) - PublicReplies(); }

bool DemoStory::Take(Timestamp at) {
    if (m_stopped || at > m_now) {
        m_stopped = true;
        return false;
    }
    m_last = std::max(m_last, at);
    return true;
}

void DemoStory::Row(Timestamp at, const User& actor, const char* field, std::string old_value, std::string new_value) {
    m_history.push_back({0, at, actor.id, {}, field, std::move(old_value), std::move(new_value)});
}

// ApplyStatus and the status / pending-reason rows of RecordChanges, without the version bump.
void DemoStory::ChangeStatus(Timestamp at, const User& actor, Status to, PendingReason reason) {
    const Status from = m_r.status;
    const PendingReason old_reason = m_r.pending_reason;
    const PauseChange pause = ApplyStatusFields(m_r, to, reason, actor, at);
    if (pause == PauseChange::close && !m_pauses.empty() && m_pauses.back().second == 0) m_pauses.back().second = at;
    if (pause == PauseChange::open) m_pauses.emplace_back(at, 0);
    if (from == Status::resolved && IsOpenStatus(to)) ++m_reopens;
    Row(at, actor, "status", std::string(StatusName(from)), std::string(StatusName(to)));
    if (old_reason != m_r.pending_reason)
        Row(at, actor, "pending_reason", std::string(PendingReasonName(old_reason)),
            std::string(PendingReasonName(m_r.pending_reason)));
}

void DemoStory::Move(Timestamp at, const User& actor, Status to, PendingReason reason, std::string text) {
    if (!Take(at)) return;
    const std::string old_note = m_r.resolution_note, old_reason = m_r.cancel_reason;
    ChangeStatus(at, actor, to, reason);
    if (to == Status::resolved) m_r.resolution_note = std::move(text);
    if (to == Status::cancelled) m_r.cancel_reason = std::move(text);
    if (!m_r.resolution_note.empty() && m_r.resolution_note != old_note)
        Row(at, actor, "resolution_note", old_note, m_r.resolution_note);
    if (!m_r.cancel_reason.empty() && m_r.cancel_reason != old_reason)
        Row(at, actor, "cancel_reason", old_reason, m_r.cancel_reason);
    Bump(at);
}

void DemoStory::Assign(Timestamp at, const User& actor, const User& agent) {
    if (!Take(at)) return;
    if (m_r.status == Status::new_) ChangeStatus(at, actor, Status::assigned, PendingReason::none);
    Row(at, actor, "assignee", m_r.assignee_name, agent.display_name);
    m_r.assignee_id = agent.id;
    m_r.assignee_name = agent.display_name;
    Bump(at);
}

void DemoStory::AddComment(Timestamp at, const User& author, std::string body, bool internal) {
    Comment c;
    c.author_id = author.id;
    c.author_name = author.display_name;
    c.author_role = author.role;
    c.body = std::move(body);
    c.internal = internal;
    c.created_at = at;
    m_comments.push_back(std::move(c));
}

void DemoStory::Reply(Timestamp at, const User& author, std::string body) {
    if (!Take(at)) return;
    AddComment(at, author, std::move(body), false);
    // AddComment: a staff reply is the first response; the requester's may reopen or resume.
    if (IsStaff(author.role) && author.id != m_r.requester_id && m_r.first_response_at == 0) m_r.first_response_at = at;
    const TicketFacts facts{m_r.status,      m_r.pending_reason, m_r.requester_id,
                            m_r.assignee_id, m_r.group_id,       m_r.resolved_at};
    const ReplyEffect effect = OnPublicReply(facts, Actor{author.id, author.role, false}, at);
    if (effect.new_status != m_r.status) ChangeStatus(at, author, effect.new_status, PendingReason::none);
    Bump(at);
}

void DemoStory::Note(Timestamp at, const User& author, std::string body) {
    if (!Take(at)) return;
    AddComment(at, author, std::move(body), true);
}

Result<RequestId> DemoStory::Write(storage::Database& db, bool* response_breached, bool* resolution_breached) {
    const SlaDueTimes due = RequestDueTimes(ServerSla().policies, ServerSla().calendars, m_r, m_pauses, m_now);
    m_r.response_due_at = due.first_response;
    m_r.resolution_due_at = due.resolution;
    auto id = storage::InsertRequest(db, m_r);
    if (!id.ok()) return id.error();
    for (Comment& c : m_comments)
        if (auto r = storage::InsertComment(db, *id, c); !r.ok()) return r.error();
    for (const auto& [from, to] : m_pauses) {
        if (auto r = storage::OpenPause(db, *id, from); !r.ok()) return r.error();
        if (to != 0)
            if (auto r = storage::ClosePause(db, *id, to); !r.ok()) return r.error();
    }
    // The marks the minute-by-minute escalation would have set, each with its history row.
    const Timestamp response = BreachedAt(m_r, m_pauses, SlaKind::first_response, m_now);
    const Timestamp resolution = BreachedAt(m_r, m_pauses, SlaKind::resolution, m_now);
    *response_breached = response != 0;
    *resolution_breached = resolution != 0;
    const User system;
    if (response) Row(response, system, "sla", {}, "response breached");
    if (resolution) Row(resolution, system, "sla", {}, "resolution breached");
    if (response || resolution)
        if (auto m = storage::MarkBreaches(db, *id, response, resolution); !m.ok()) return m.error();
    std::stable_sort(m_history.begin(), m_history.end(),
                     [](const storage::HistoryEntry& a, const storage::HistoryEntry& b) { return a.at < b.at; });
    for (const storage::HistoryEntry& h : m_history)
        if (auto r = storage::AppendHistory(db, *id, h); !r.ok()) return r.error();
    return *id;
}

}  // namespace spoc::app
