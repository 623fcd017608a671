// Tests for shared/domain/lifecycle.h: the transition matrix per role (table-driven), ownership,
// assignee and pending-reason rules, final states, AllowedTransitions agreeing with CheckTransition
// over every combination, reply effects with the reopen-window edges, and auto-close.
#include "shared/domain/lifecycle.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using spoc::Actor;
using spoc::ErrorCode;
using spoc::PendingReason;
using spoc::Role;
using spoc::Status;
using spoc::TicketFacts;
using spoc::UserId;

namespace {

const Status kAllStatuses[] = {Status::new_,     Status::assigned, Status::in_progress, Status::pending,
                               Status::resolved, Status::closed,   Status::cancelled};
const PendingReason kAllReasons[] = {PendingReason::none, PendingReason::requester, PendingReason::vendor,
                                     PendingReason::change};
const Role kAllRoles[] = {Role::employee, Role::agent, Role::admin};

constexpr std::int64_t kDay = spoc::kMsPerDay;
constexpr spoc::Timestamp kResolvedAt = 1'780'000'000'000;  // some day in 2026

const UserId kRequester(10);
const UserId kAgent(20);
const UserId kOtherEmployee(30);

TicketFacts Ticket(Status status, PendingReason reason = PendingReason::none) {
    TicketFacts t;
    t.status = status;
    t.pending_reason = status == Status::pending && reason == PendingReason::none ? PendingReason::vendor : reason;
    t.requester = kRequester;
    t.assignee = kAgent;
    t.group_id = 1;
    t.resolved_at = status == Status::resolved ? kResolvedAt : 0;
    return t;
}

Actor Requester() { return {kRequester, Role::employee, false}; }
Actor OtherEmployee() { return {kOtherEmployee, Role::employee, false}; }
Actor Agent(bool in_group = true) { return {kAgent, Role::agent, in_group}; }
Actor Admin() { return {UserId(1), Role::admin, false}; }

PendingReason ReasonFor(Status to) { return to == Status::pending ? PendingReason::requester : PendingReason::none; }

bool Allows(const TicketFacts& t, Status to, const Actor& a) {
    return spoc::CheckTransition(t, to, ReasonFor(to), a).ok();
}

bool Contains(const std::vector<Status>& v, Status s) { return std::find(v.begin(), v.end(), s) != v.end(); }

}  // namespace

TEST_CASE("lifecycle: pending reason names, labels and parsing") {
    for (PendingReason r : kAllReasons) {
        PendingReason back = PendingReason::none;
        CHECK(spoc::ParsePendingReason(spoc::PendingReasonName(r), &back));
        CHECK(back == r);
        CHECK(spoc::PendingReasonLabel(r).empty() == (r == PendingReason::none));
    }
    CHECK(spoc::PendingReasonLabel(PendingReason::vendor) == "Awaiting vendor");
    PendingReason out = PendingReason::vendor;
    CHECK_FALSE(spoc::ParsePendingReason("Vendor", &out));
    CHECK_FALSE(spoc::ParsePendingReason("", &out));
    CHECK(out == PendingReason::vendor);
}

TEST_CASE("lifecycle: staff transition matrix (agents in or out of the group, admins)") {
    struct Row {
        Status from;
        std::vector<Status> allowed;
    };
    const Row table[] = {
        {Status::new_, {Status::assigned, Status::resolved, Status::cancelled}},  // resolved: it has an assignee
        {Status::assigned, {Status::in_progress, Status::resolved, Status::cancelled}},
        {Status::in_progress, {Status::pending, Status::resolved, Status::cancelled}},
        {Status::pending, {Status::in_progress, Status::resolved, Status::cancelled}},
        {Status::resolved, {Status::in_progress, Status::closed}},
        {Status::closed, {}},
        {Status::cancelled, {}},
    };
    const Actor staff[] = {Agent(true), Agent(false), Admin()};
    for (const Row& row : table) {
        for (const Actor& actor : staff) {
            for (Status to : kAllStatuses) {
                const auto r = spoc::CheckTransition(Ticket(row.from), to, ReasonFor(to), actor);
                const bool expected = Contains(row.allowed, to);
                INFO(spoc::StatusName(row.from) << " -> " << spoc::StatusName(to) << " by "
                                                << spoc::RoleName(actor.role) << " in_group=" << actor.in_group);
                CHECK(r.ok() == expected);
                if (!r.ok()) {
                    CHECK(r.error().code == ErrorCode::validation_failed);
                    CHECK(r.error().field == "status");
                    CHECK_FALSE(r.error().message.empty());
                }
            }
            CHECK(spoc::AllowedTransitions(Ticket(row.from), actor) == row.allowed);
        }
    }
}

TEST_CASE("lifecycle: employee transition matrix on their own request") {
    struct Row {
        Status from;
        std::vector<Status> allowed;
    };
    const Row table[] = {
        {Status::new_, {Status::cancelled}},
        {Status::assigned, {Status::cancelled}},
        {Status::in_progress, {}},
        {Status::pending, {}},
        {Status::resolved, {Status::closed}},  // reopening goes through a reply, not a button
        {Status::closed, {}},
        {Status::cancelled, {}},
    };
    for (const Row& row : table) {
        for (Status to : kAllStatuses) {
            INFO(spoc::StatusName(row.from) << " -> " << spoc::StatusName(to));
            const auto r = spoc::CheckTransition(Ticket(row.from), to, ReasonFor(to), Requester());
            CHECK(r.ok() == Contains(row.allowed, to));
            if (!r.ok()) {
                const bool not_a_move = to == row.from || row.from == Status::closed || row.from == Status::cancelled;
                CHECK(r.error().code == (not_a_move ? ErrorCode::validation_failed : ErrorCode::forbidden));
            }
        }
        CHECK(spoc::AllowedTransitions(Ticket(row.from), Requester()) == row.allowed);
    }
    const auto reopen =
        spoc::CheckTransition(Ticket(Status::resolved), Status::in_progress, PendingReason::none, Requester());
    REQUIRE_FALSE(reopen.ok());
    CHECK(reopen.error().message == "Reply to the request to reopen it.");
    const auto late_cancel =
        spoc::CheckTransition(Ticket(Status::in_progress), Status::cancelled, PendingReason::none, Requester());
    REQUIRE_FALSE(late_cancel.ok());
    CHECK(late_cancel.error().message.find("comment") != std::string::npos);
}

TEST_CASE("lifecycle: employees can do nothing on someone else's request") {
    for (Status from : kAllStatuses)
        for (Status to : kAllStatuses) {
            const auto r = spoc::CheckTransition(Ticket(from), to, ReasonFor(to), OtherEmployee());
            REQUIRE_FALSE(r.ok());
            CHECK(r.error().code == ErrorCode::forbidden);
            CHECK(r.error().message == "You can only change your own requests.");
        }
    // An actor without an id never owns a request, even one whose requester is unset.
    TicketFacts orphan = Ticket(Status::new_);
    orphan.requester = UserId();
    CHECK_FALSE(Allows(orphan, Status::cancelled, Actor{UserId(), Role::employee, false}));
    CHECK(spoc::AllowedTransitions(Ticket(Status::resolved), OtherEmployee()).empty());
}

TEST_CASE("lifecycle: staff who filed the request keep staff rights") {
    TicketFacts t = Ticket(Status::in_progress);
    t.requester = kAgent;
    CHECK(Allows(t, Status::cancelled, Agent()));
    CHECK(Allows(t, Status::pending, Agent()));
}

TEST_CASE("lifecycle: staff resolve straight from Assigned, and from New only with an assignee") {
    CHECK(Allows(Ticket(Status::assigned), Status::resolved, Agent()));
    CHECK(Allows(Ticket(Status::assigned), Status::resolved, Agent(false)));
    CHECK(Allows(Ticket(Status::assigned), Status::resolved, Admin()));
    CHECK_FALSE(Allows(Ticket(Status::assigned), Status::resolved, Requester()));
    CHECK(Allows(Ticket(Status::new_), Status::resolved, Agent()));  // first-contact fix by its assignee
    TicketFacts unassigned = Ticket(Status::new_);
    unassigned.assignee = UserId();
    const auto r = spoc::CheckTransition(unassigned, Status::resolved, PendingReason::none, Agent());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::validation_failed);
    CHECK(r.error().field == "assignee");
    CHECK_FALSE(Contains(spoc::AllowedTransitions(unassigned, Agent()), Status::resolved));
    // Still no shortcut into Pending or Closed: the hints say what comes first.
    const auto pending = spoc::CheckTransition(Ticket(Status::assigned), Status::pending, PendingReason::vendor, Agent());
    REQUIRE_FALSE(pending.ok());
    CHECK(pending.error().message.find("Start work") != std::string::npos);
    const auto closed = spoc::CheckTransition(Ticket(Status::assigned), Status::closed, PendingReason::none, Agent());
    REQUIRE_FALSE(closed.ok());
    CHECK(closed.error().message.find("Resolve it first") != std::string::npos);
}

TEST_CASE("lifecycle: New -> Assigned needs an assignee") {
    TicketFacts t = Ticket(Status::new_);
    t.assignee = UserId();
    const auto r = spoc::CheckTransition(t, Status::assigned, PendingReason::none, Agent());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::validation_failed);
    CHECK(r.error().field == "assignee");
    CHECK_FALSE(Contains(spoc::AllowedTransitions(t, Agent()), Status::assigned));
    CHECK_FALSE(Contains(spoc::AllowedTransitions(t, Agent()), Status::resolved));
    CHECK(Contains(spoc::AllowedTransitions(t, Agent()), Status::cancelled));
    t.assignee = kAgent;
    CHECK(spoc::CheckTransition(t, Status::assigned, PendingReason::none, Agent()).ok());
}

TEST_CASE("lifecycle: pending needs a reason, and only pending takes one") {
    const TicketFacts working = Ticket(Status::in_progress);
    for (PendingReason r : kAllReasons) {
        const auto to_pending = spoc::CheckTransition(working, Status::pending, r, Agent());
        CHECK(to_pending.ok() == (r != PendingReason::none));
        if (!to_pending.ok()) CHECK(to_pending.error().field == "pending_reason");
        const auto to_resolved = spoc::CheckTransition(working, Status::resolved, r, Agent());
        CHECK(to_resolved.ok() == (r == PendingReason::none));
        if (!to_resolved.ok()) CHECK(to_resolved.error().field == "pending_reason");
    }
    // Pending -> In progress and Pending -> Resolved whatever it was waiting for.
    for (PendingReason waiting : {PendingReason::requester, PendingReason::vendor, PendingReason::change}) {
        const TicketFacts t = Ticket(Status::pending, waiting);
        CHECK(Allows(t, Status::in_progress, Agent()));
        CHECK(Allows(t, Status::resolved, Agent()));
        CHECK_FALSE(Allows(t, Status::pending, Agent()));  // already pending: resume first to change the reason
    }
}

TEST_CASE("lifecycle: Closed and Cancelled are final for every role") {
    const Actor actors[] = {Requester(), OtherEmployee(), Agent(true), Agent(false), Admin()};
    for (Status final_status : {Status::closed, Status::cancelled})
        for (const Actor& actor : actors) {
            CHECK(spoc::AllowedTransitions(Ticket(final_status), actor).empty());
            for (Status to : kAllStatuses)
                for (PendingReason r : kAllReasons)
                    CHECK_FALSE(spoc::CheckTransition(Ticket(final_status), to, r, actor).ok());
        }
    const auto r = spoc::CheckTransition(Ticket(Status::closed), Status::in_progress, PendingReason::none, Agent());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("new request") != std::string::npos);
}

TEST_CASE("lifecycle: AllowedTransitions agrees with CheckTransition over every combination") {
    int combinations = 0;
    for (Status from : kAllStatuses)
        for (PendingReason current : kAllReasons)
            for (Role role : kAllRoles)
                for (bool own : {false, true})
                    for (bool has_assignee : {false, true})
                        for (bool in_group : {false, true}) {
                            TicketFacts t = Ticket(from, current);
                            t.pending_reason = current;
                            if (!has_assignee) t.assignee = UserId();
                            const Actor actor{own ? kRequester : UserId(99), role, in_group};
                            const std::vector<Status> allowed = spoc::AllowedTransitions(t, actor);
                            for (Status to : kAllStatuses) {
                                bool any_reason_ok = false;
                                for (PendingReason r : kAllReasons)
                                    any_reason_ok = any_reason_ok || spoc::CheckTransition(t, to, r, actor).ok();
                                INFO(spoc::StatusName(from) << " -> " << spoc::StatusName(to) << " by "
                                                            << spoc::RoleName(role) << " own=" << own);
                                CHECK(Contains(allowed, to) == any_reason_ok);
                                ++combinations;
                            }
                            // Every pending reason is accepted alike.
                            if (Contains(allowed, Status::pending))
                                for (PendingReason r : {PendingReason::vendor, PendingReason::change})
                                    CHECK(spoc::CheckTransition(t, Status::pending, r, actor).ok());
                        }
    CHECK(combinations == 7 * 4 * 3 * 2 * 2 * 2 * 7);
}

TEST_CASE("lifecycle: a requester reply reopens a Resolved request within 7 days, inclusive") {
    const TicketFacts t = Ticket(Status::resolved);
    struct Case {
        spoc::Timestamp after;
        bool reopens;
    };
    const Case cases[] = {
        {-1000, true},  // clock skew: a reply "before" the resolution still reopens
        {0, true},
        {kDay, true},
        {7 * kDay - 1, true},
        {7 * kDay, true},  // the edge: exactly 7 days still counts
        {7 * kDay + 1, false},
        {30 * kDay, false},
    };
    for (const Case& c : cases) {
        INFO("after " << c.after << " ms");
        const spoc::ReplyEffect e = spoc::OnPublicReply(t, Requester(), kResolvedAt + c.after);
        CHECK(e.reopen == c.reopens);
        CHECK(e.reopen_expired == !c.reopens);
        CHECK(e.new_status == (c.reopens ? Status::in_progress : Status::resolved));
    }
    // A configurable window, and a zero window (only a reply at the same instant reopens).
    CHECK(spoc::OnPublicReply(t, Requester(), kResolvedAt + 3 * kDay, 3).reopen);
    CHECK(spoc::OnPublicReply(t, Requester(), kResolvedAt + 3 * kDay + 1, 3).reopen_expired);
    CHECK(spoc::OnPublicReply(t, Requester(), kResolvedAt, 0).reopen);
    CHECK(spoc::OnPublicReply(t, Requester(), kResolvedAt + 1, 0).reopen_expired);
    CHECK(spoc::OnPublicReply(t, Requester(), kResolvedAt + 1, -5).reopen_expired);
    // Unknown resolution time: the requester gets the benefit of the doubt.
    TicketFacts unknown = t;
    unknown.resolved_at = 0;
    CHECK(spoc::OnPublicReply(unknown, Requester(), kResolvedAt + 100 * kDay).reopen);
}

TEST_CASE("lifecycle: replies by others, and replies in other statuses") {
    // Staff replying on a Resolved request does not reopen it.
    for (const Actor& staff : {Agent(true), Agent(false), Admin()}) {
        const spoc::ReplyEffect e = spoc::OnPublicReply(Ticket(Status::resolved), staff, kResolvedAt + kDay);
        CHECK_FALSE(e.reopen);
        CHECK_FALSE(e.reopen_expired);
        CHECK(e.new_status == Status::resolved);
    }
    // Pending on the requester: their reply resumes the work; other waits are unaffected.
    CHECK(spoc::OnPublicReply(Ticket(Status::pending, PendingReason::requester), Requester(), 0).new_status ==
          Status::in_progress);
    CHECK_FALSE(spoc::OnPublicReply(Ticket(Status::pending, PendingReason::requester), Requester(), 0).reopen);
    CHECK(spoc::OnPublicReply(Ticket(Status::pending, PendingReason::requester), Agent(), 0).new_status ==
          Status::pending);
    for (PendingReason r : {PendingReason::vendor, PendingReason::change})
        CHECK(spoc::OnPublicReply(Ticket(Status::pending, r), Requester(), 0).new_status == Status::pending);
    // Any other status stays as it is, whoever writes.
    for (Status s : {Status::new_, Status::assigned, Status::in_progress, Status::closed, Status::cancelled})
        for (const Actor& a : {Requester(), Agent(), Admin()}) {
            const spoc::ReplyEffect e = spoc::OnPublicReply(Ticket(s), a, kResolvedAt);
            CHECK(e.new_status == s);
            CHECK_FALSE(e.reopen);
            CHECK_FALSE(e.reopen_expired);
        }
    // Someone else's reply on a Resolved request (not the requester): no change.
    CHECK(spoc::OnPublicReply(Ticket(Status::resolved), OtherEmployee(), kResolvedAt).new_status == Status::resolved);
}

TEST_CASE("lifecycle: Resolved auto-closes strictly after the configured days") {
    const TicketFacts t = Ticket(Status::resolved);
    CHECK_FALSE(spoc::ShouldAutoClose(t, kResolvedAt, 5));
    CHECK_FALSE(spoc::ShouldAutoClose(t, kResolvedAt + 5 * kDay, 5));
    CHECK(spoc::ShouldAutoClose(t, kResolvedAt + 5 * kDay + 1, 5));
    CHECK(spoc::ShouldAutoClose(t, kResolvedAt + 50 * kDay, 5));
    CHECK_FALSE(spoc::ShouldAutoClose(t, kResolvedAt + 50 * kDay, 0));   // off
    CHECK_FALSE(spoc::ShouldAutoClose(t, kResolvedAt + 50 * kDay, -1));  // off
    for (Status s : kAllStatuses)
        if (s != Status::resolved) CHECK_FALSE(spoc::ShouldAutoClose(Ticket(s), kResolvedAt + 50 * kDay, 5));
    TicketFacts unknown = t;
    unknown.resolved_at = 0;
    CHECK_FALSE(spoc::ShouldAutoClose(unknown, kResolvedAt + 50 * kDay, 5));
    // With equal settings a Resolved request is always exactly one of: reopenable, or due to close.
    const spoc::Timestamp afters[] = {0, kDay, 7 * kDay - 1, 7 * kDay, 7 * kDay + 1, 8 * kDay};
    for (spoc::Timestamp after : afters) {
        const bool reopenable = spoc::OnPublicReply(t, Requester(), kResolvedAt + after, 7).reopen;
        CHECK(reopenable != spoc::ShouldAutoClose(t, kResolvedAt + after, 7));
    }
}
