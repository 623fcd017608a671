// The request/incident model: ITIL statuses, request types, impact x urgency -> priority,
// roles and users, and the records an employee sees (Request, Comment). Pure data + rules.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "shared/domain/attachment.h"
#include "shared/domain/ids.h"
#include "shared/domain/survey.h"
#include "shared/domain/time.h"

namespace spoc {

// ---- Roles and users --------------------------------------------------------------------
enum class Role { employee, agent, admin };
std::string_view RoleName(Role role);                 // "employee"
bool ParseRole(std::string_view text, Role* out);

struct User {
    UserId id;
    std::string username;     // sign-in name, lower-case
    std::string display_name; // "Emma Jones"
    std::string email;
    Role role = Role::employee;
    std::string department;   // "Finance"
    std::string time_zone;    // IANA name, "Europe/London"
    std::string locale;       // UI language the user chose ("de"); "" = follow the browser
};

// ---- Request type and status ----------------------------------------------------------
enum class RequestType { incident, service_request };
std::string_view RequestTypeName(RequestType type);   // "incident" | "service_request"
std::string_view RequestTypeLabel(RequestType type);  // "Incident" | "Service request" (translated)
bool ParseRequestType(std::string_view text, RequestType* out);

// ITIL lifecycle. Open statuses: awaiting_approval, new, assigned, in_progress, pending. Done:
// resolved, closed, cancelled. Awaiting approval (approval.h): not routed, assigned or timed yet;
// queues never list it. X(enum, wire name, display label): the label is translated with the
// context "status" when used. Appended last so stored enum orders stay put.
#define SPOC_STATUSES(X)                                              \
    X(new_, "new", i18n::trc("status", "New"))                        \
    X(assigned, "assigned", i18n::trc("status", "Assigned"))          \
    X(in_progress, "in_progress", i18n::trc("status", "In progress")) \
    X(pending, "pending", i18n::trc("status", "Pending"))             \
    X(resolved, "resolved", i18n::trc("status", "Resolved"))          \
    X(closed, "closed", i18n::trc("status", "Closed"))                \
    X(cancelled, "cancelled", i18n::trc("status", "Cancelled"))      \
    X(awaiting_approval, "awaiting_approval", i18n::trc("status", "Awaiting approval"))

enum class Status {
#define SPOC_X(e, name, label) e,
    SPOC_STATUSES(SPOC_X)
#undef SPOC_X
};
inline constexpr int kStatusCount = 8;
std::string_view StatusName(Status status);           // wire name "in_progress"
std::string_view StatusLabel(Status status);          // "In progress" (translated)
bool ParseStatus(std::string_view text, Status* out);
bool IsOpenStatus(Status status);                     // awaiting_approval/new/assigned/in_progress/pending

// Why a request waits. Only meaningful while the status is Pending; none otherwise.
enum class PendingReason { none, requester, vendor, change };
std::string_view PendingReasonName(PendingReason reason);            // wire name "vendor"
std::string_view PendingReasonLabel(PendingReason reason);           // "Awaiting vendor" (translated); "" for none
bool ParsePendingReason(std::string_view text, PendingReason* out);  // "none" | "requester" | "vendor" | "change"

// Filter used by "My requests": a single status, all open ones, all done ones, or everything.
enum class StatusFilter { all, open, done, single };
struct RequestFilter {
    StatusFilter kind = StatusFilter::all;
    Status status = Status::new_;                      // when kind == single
};
bool ParseStatusFilter(std::string_view text, RequestFilter* out); // "", "all", "open", "done" or a status name
std::string StatusFilterName(const RequestFilter& filter);
bool StatusMatches(const RequestFilter& filter, Status status);

// ---- Impact x urgency -> priority (ITIL matrix) ----------------------------------------
enum class Level { high = 1, medium = 2, low = 3 };   // impact and urgency share the scale
std::string_view LevelName(Level level);               // "high"
std::string_view LevelLabel(Level level);              // "High" (translated)
bool ParseLevel(std::string_view text, Level* out);

enum class Priority { critical = 1, high = 2, moderate = 3, low = 4, planning = 5 };
Priority ComputePriority(Level impact, Level urgency); // P1 = high/high ... P5 = low/low
std::string_view PriorityName(Priority p);             // "critical"
std::string_view PriorityLabel(Priority p);            // "P1 Critical" (translated)
bool ParsePriority(std::string_view text, Priority* out);

// ---- Records ---------------------------------------------------------------------------
struct Comment {
    CommentId id;
    UserId author_id;
    std::string author_name;
    Role author_role = Role::employee;
    std::string body;
    bool internal = false;    // agent-only note; never sent to employees
    Timestamp created_at = 0;
    std::vector<attachment::Attachment> attachments;  // the files it carries
};
// Comments (internal notes included) one request may hold; past it the conversation belongs in a
// new request. Bounds the detail page and the row count behind one request id.
inline constexpr std::size_t kMaxCommentsPerRequest = 500;

// A request's approval as its requester, its approvers and staff see it (approval.h runs it).
struct ApprovalVoteView {
    std::string approver;      // whose vote ("Olivia Grant")
    std::string by;            // who cast it when a delegate did ("" when the approver did)
    bool approved = false;     // false: rejected
    std::string comment;
    Timestamp at = 0;
};
struct ApprovalStepView {
    std::string kind;          // "manager" | "group"
    std::string group_name;    // a group step: "IT asset management"
    std::string quorum;        // "any" | "all"
    std::string state;         // "waiting" | "pending" | "approved" | "rejected"
    std::vector<std::string> approvers;  // names, once the step started
    std::vector<ApprovalVoteView> votes;
    Timestamp started_at = 0;
    Timestamp decided_at = 0;
};

struct Request {
    RequestId id;
    std::string number;        // "REQ0000042" / "INC0000042": what people quote on the phone
    RequestType type = RequestType::service_request;
    Status status = Status::new_;
    Level impact = Level::low;
    Level urgency = Level::low;
    Priority priority = Priority::planning;
    UserId requester_id;
    std::string requester_name;
    CatalogItemId catalog_item_id;
    std::string catalog_item_title;
    std::string department;    // IT, HR, Facilities
    std::string summary;
    std::string description;
    std::string form_json;     // the submitted form values, as a JSON object (see api/dto.h)
    Timestamp created_at = 0;
    Timestamp updated_at = 0;
    int version = 1;           // bumps on every change; stale updates get 409
    int comment_count = 0;
    // Agent mode: who works on it, why it waits, and its SLA instants (0 = none / not yet).
    std::int64_t group_id = 0;
    std::string group_name;    // "Network"
    UserId assignee_id;
    std::string assignee_name;
    PendingReason pending_reason = PendingReason::none;
    Timestamp first_response_at = 0;
    Timestamp resolved_at = 0;
    Timestamp closed_at = 0;
    Timestamp response_due_at = 0;   // projected first-response due instant while not yet met
    Timestamp resolution_due_at = 0; // projected resolution due instant while running (0 while paused)
    std::string sla_policy;    // policy name the due times come from
    std::vector<Comment> comments; // only filled on the detail route
    std::vector<attachment::Attachment> attachments;  // files sent with the request itself (detail route)
    // How it ended, public (the requester sees all of it): the note given when resolving, who
    // resolved it (cleared when it reopens), and the reason given when cancelling.
    std::string resolution_note;
    UserId resolved_by;
    std::string resolved_by_name; // full name for staff; the server gives employees the first name
    std::string cancel_reason;
    // The requester's satisfaction survey once resolved (survey.h; score 0 = not answered).
    survey::Answer survey;
    // Its approval steps in order (empty: none), and whether the caller may decide the pending one.
    std::vector<ApprovalStepView> approval;
    bool can_decide = false;
};

std::string FormatRequestNumber(RequestType type, RequestId id); // "INC0000042"
bool ParseRequestRef(std::string_view text, RequestId* out);     // "42", "#42", "REQ0000042", "inc42"

}  // namespace spoc
