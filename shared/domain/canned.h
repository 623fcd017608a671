// Canned responses: reusable reply texts with placeholders such as {{requester.first_name}}, the
// one expansion both the browser (preview) and the server (GET .../canned/{cid}) run, so they give
// the same text, and the rules a canned response must meet before it is stored. Pure: the
// request and the agent come in as arguments.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "shared/domain/request.h"
#include "shared/domain/result.h"

namespace spoc {

inline constexpr std::size_t kMaxCannedTitle = 120;     // code points
inline constexpr std::size_t kMaxCannedResponses = 500;  // stored in all; bounds the list route

struct CannedResponse {
    std::int64_t id = 0;
    std::string title;       // "VPN: reinstall the client"
    std::string body;        // comment text with {{placeholders}}
    std::int64_t group_id = 0;  // assignment group it is for; 0 = everyone
    std::string group_name;  // display only ("" for everyone)
    Timestamp updated_at = 0;
};

// The facts placeholders expand to. Build it with MakePlaceholderContext on both sides.
struct PlaceholderContext {
    std::string requester_name;  // display name, "Emma Jones"
    RequestId request_id;
    std::string request_number;  // "REQ0000042"
    std::string request_summary;
    std::string agent_name;      // who is replying
    std::string group_name;      // the request's assignment group ("" when none)
};
PlaceholderContext MakePlaceholderContext(const Request& request, const User& agent);

// The placeholder names, in the order the editor lists them: requester.first_name,
// requester.name, request.id, request.number, request.summary, agent.first_name, agent.name,
// group.name.
const std::vector<std::string_view>& PlaceholderNames();

struct Expansion {
    std::string text;                  // at most limits::kMaxComment code points
    std::vector<std::string> unknown;  // unknown names, each once, in order of appearance
    bool truncated = false;            // the expanded text was cut at the comment limit
};

// Replaces every {{name}} (spaces allowed inside the braces: {{ agent.name }}) with its value.
// Values are inserted as they are and never expanded again. An unknown name is reported in
// `unknown` and left in the text as written; malformed braces ("{{", "{{}}", "{{a b}}") stay as
// text. The result is cut (at a code point boundary) to limits::kMaxComment code points.
Expansion ExpandPlaceholders(std::string_view body, const PlaceholderContext& context);

// Names inside well-formed {{...}} that are not placeholders, each once, in order.
std::vector<std::string> FindUnknownPlaceholders(std::string_view body);

// "Emma" for "Emma Jones": the display name up to its first space ("" for an empty name).
std::string FirstName(std::string_view display_name);

// Every problem with a canned response about to be stored: title 1..kMaxCannedTitle code points
// on one line, body 1..limits::kMaxComment code points without control characters (newlines and
// tabs allowed), no unknown placeholders (the message names them), group_id not negative.
// Fields "title", "body", "group_id". Both are checked trimmed, as the API decoder stores them.
std::vector<FieldError> ValidateCannedResponse(const CannedResponse& canned);

// Agents see canned responses for everyone and for their own groups; admins see them all.
bool CanSeeCanned(Role role, std::int64_t canned_group_id, const std::vector<std::int64_t>& member_of);

}  // namespace spoc
