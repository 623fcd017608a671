// Wire format of the JSON API: encode/decode for every body the server and the browser exchange.
// snake_case fields; a missing field and null mean the same; times are ISO-8601 strings.
// Decoders return Result<T> and never let an exception escape (bad JSON -> invalid_json,
// wrong shapes -> bad_request/validation_failed with the field named).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/domain/catalog.h"
#include "shared/domain/limits.h"
#include "shared/domain/request.h"
#include "shared/domain/result.h"

namespace spoc::api {

// ---- Errors: {"error":{"code":..., "message":..., "field":..., "details":[{field,message}]}}
std::string EncodeError(const Error& error);
Error DecodeError(std::string_view body, int http_status); // best effort: unknown bodies -> a generic error for that status

// ---- Session -----------------------------------------------------------------------------
struct SignInBody {
    std::string username;
    std::string password;
};
Result<SignInBody> DecodeSignIn(std::string_view body);     // lower-cases and trims the username; checks limits
std::string EncodeSignIn(const SignInBody& body);

struct Me {
    User user;
    std::string csrf_token;                                  // echo in X-CSRF-Token on every state change
};
std::string EncodeMe(const Me& me);                          // {"user":{...},"csrf_token":"..."}
Result<Me> DecodeMe(std::string_view body);
// PATCH /me: {"locale":"de"} (one of i18n::kLangs' codes, or "" to follow the browser again).
std::string EncodeMePatch(const std::string& locale);
Result<std::string> DecodeMePatch(std::string_view body);

// ---- Catalog -----------------------------------------------------------------------------
std::string EncodeCatalogItem(const CatalogItem& item);      // full definition, with fields
Result<CatalogItem> DecodeCatalogItem(std::string_view body);
std::string EncodeCatalogList(const std::vector<CatalogItem>& items); // {"items":[... without "fields"]}
Result<std::vector<CatalogItem>> DecodeCatalogList(std::string_view body);

// ---- Requests ----------------------------------------------------------------------------
std::string EncodeFormValues(const FormValues& values);      // JSON object text, as stored in Request::form_json
Result<FormValues> DecodeFormValues(std::string_view json_object);
std::string EncodeDraft(const RequestDraft& draft);          // POST /api/v1/requests body
Result<RequestDraft> DecodeDraft(std::string_view body);     // shape only; ValidateDraft checks content

// The first word of a display name ("Ava Patel" -> "Ava"): what an employee is told of the agent
// who has or resolved their request ("assignee_first_name", and "resolved_by_name" for them).
std::string FirstName(std::string_view display_name);

// Includes "form" (object) and "comments" if any; "assignee_first_name" with an assignee;
// "resolution_note", "resolved_by_id", "resolved_by_name" and "cancel_reason" when set; "survey"
// ({score, effort, comment, answered_at, updated_at}) once the requester answered it.
std::string EncodeRequest(const Request& request);
Result<Request> DecodeRequest(std::string_view body);

struct RequestPage {
    std::vector<Request> items;                              // newest update first
    int total = 0;                                           // matching the filter, across pages
    int page = 1;                                            // 1-based
    int page_size = 25;
};
std::string EncodeRequestPage(const RequestPage& page);
Result<RequestPage> DecodeRequestPage(std::string_view body);

struct CommentBody {
    std::string body;
    bool internal = false;                                   // agent note; the server refuses it from employees
    std::vector<std::int64_t> attachments;                   // uploads to link (attachment::ValidateIds)
};
// Trims; up to kMaxComment code points, no control chars; empty only when files are attached.
Result<CommentBody> DecodeCommentBody(std::string_view body);
std::string EncodeAttachment(const attachment::Attachment& a);  // POST /api/v1/uploads answers this
Result<attachment::Attachment> DecodeAttachment(std::string_view body);
std::string EncodeCommentBody(const CommentBody& body);
std::string EncodeComment(const Comment& comment);
Result<Comment> DecodeComment(std::string_view body);

// POST /api/v1/requests/{id}/approval: {"decision":"approve"|"reject", "comment":"...", "base_version":N}.
// The comment is trimmed; required to reject (approval::ValidateDecisionComment).
struct DecisionBody {
    bool approve = true;
    std::string comment;
    int base_version = 0;
};
Result<DecisionBody> DecodeDecisionBody(std::string_view body);
std::string EncodeDecisionBody(const DecisionBody& body);

// Delegations: POST /api/v1/approvals/delegations {"to":"username","starts_at":ISO,"ends_at":ISO};
// GET lists them ({"items":[{id, from_id, from_name, to_id, to_name, starts_at, ends_at}]}).
struct DelegationBody {
    std::string to;           // the delegate's username
    Timestamp starts_at = 0;
    Timestamp ends_at = 0;
};
Result<DelegationBody> DecodeDelegationBody(std::string_view body);
std::string EncodeDelegationBody(const DelegationBody& body);
struct DelegationView {
    std::int64_t id = 0;
    UserId from, to;
    std::string from_name, to_name;
    Timestamp starts_at = 0;
    Timestamp ends_at = 0;
};
std::string EncodeDelegation(const DelegationView& d);
std::string EncodeDelegations(const std::vector<DelegationView>& items);
Result<DelegationView> DecodeDelegation(std::string_view body);
Result<std::vector<DelegationView>> DecodeDelegations(std::string_view body);

// PUT /api/v1/users/{id}/manager: {"manager_id": N} (0: none).
Result<UserId> DecodeManagerBody(std::string_view body);

// GET /api/v1/users?q=&page= (admins): people with their department and manager, by name.
struct PersonView {
    UserId id;
    std::string username;
    std::string display_name;
    Role role = Role::employee;
    std::string department;
    UserId manager_id;                // invalid: none
    std::string manager_username;     // "" when none
    std::string manager_name;
};
struct PeoplePage {
    std::vector<PersonView> items;
    int total = 0;                    // matching people, all pages
    int page = 1;
    int page_size = limits::kDefaultPageSize;
};
std::string EncodePeoplePage(const PeoplePage& page);
Result<PeoplePage> DecodePeoplePage(std::string_view body);
std::string EncodePerson(const PersonView& p);
Result<PersonView> DecodePerson(std::string_view body);
// PATCH /api/v1/users/{id} (admins): {"department"?: "Finance", "manager"?: "olivia" | "" (none)}.
// The department is trimmed plain text, 1..kMaxDepartment code points; the manager a username.
struct PersonPatch {
    std::optional<std::string> department;
    std::optional<std::string> manager;
};
Result<PersonPatch> DecodePersonPatch(std::string_view body);
std::string EncodePersonPatch(const PersonPatch& patch);

// PUT /api/v1/requests/{id}/survey: {"score":1..5, "effort":1..5 (optional), "comment":"..." (optional)}.
// Shape and content (survey::ValidateAnswer, the comment trimmed); the window is the server's.
Result<survey::Answer> DecodeSurveyBody(std::string_view body);
std::string EncodeSurveyBody(const survey::Answer& answer);

// ---- Agent mode: PATCH /api/v1/requests/{id} -------------------------------------------------
// Only the fields present change. assignee_id 0 (or null) unassigns; base_version is required.
// resolution_note goes only with status = resolved, cancel_reason only with status = cancelled
// (validation_failed otherwise); both are trimmed, optional, public, and at most
// limits::kMaxResolutionNote / kMaxCancelReason code points without control characters.
struct RequestPatch {
    int base_version = 0;
    std::optional<Status> status;
    PendingReason pending_reason = PendingReason::none;  // with status = pending
    std::optional<UserId> assignee;
    std::optional<std::int64_t> group_id;
    std::optional<Level> impact;
    std::optional<Level> urgency;
    std::string resolution_note;  // with status = resolved: what was done ("" = none)
    std::string cancel_reason;    // with status = cancelled: why ("" = none)
};
std::string EncodeRequestPatch(const RequestPatch& patch);
Result<RequestPatch> DecodeRequestPatch(std::string_view body);

// ---- Agent mode: a request's change history ---------------------------------------------------
struct HistoryItem {
    std::int64_t id = 0;
    Timestamp at = 0;
    UserId actor;              // 0 = the system (routing, auto-close)
    std::string actor_name;    // "Spoc" for the system
    std::string field;         // "created", "status", "assignee", "group", ...
    std::string old_value;
    std::string new_value;
};
std::string EncodeHistory(const std::vector<HistoryItem>& items);  // {"items":[{id,at,actor_id,actor_name,field,old,new}]}
Result<std::vector<HistoryItem>> DecodeHistory(std::string_view body);

}  // namespace spoc::api
