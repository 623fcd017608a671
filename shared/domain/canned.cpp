// Placeholder expansion and canned-response rules (see canned.h). One left-to-right scan: no
// backtracking, no re-expansion of inserted values, so the cost is linear in body + output.
#include "shared/domain/canned.h"

#include <algorithm>

#include "shared/domain/i18n.h"
#include "shared/domain/limits.h"
#include "shared/domain/request_builder.h"
#include "shared/domain/text.h"

namespace spoc {

using i18n::Format;
using i18n::Plural;
using i18n::tr;
using i18n::trn;

namespace {

constexpr std::size_t kMaxPlaceholderName = 64;  // longer "names" are text, not placeholders

bool IsNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

// At body[at] == "{{": the placeholder's name and its length in the body, or false when the
// braces are not a well-formed placeholder.
bool ReadPlaceholder(std::string_view body, std::size_t at, std::string_view* name, std::size_t* length) {
    std::size_t i = at + 2;
    while (i < body.size() && body[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < body.size() && IsNameChar(body[i]) && i - start <= kMaxPlaceholderName) ++i;
    const std::size_t end = i;
    if (end == start || end - start > kMaxPlaceholderName) return false;
    while (i < body.size() && body[i] == ' ') ++i;
    if (i + 1 >= body.size() || body[i] != '}' || body[i + 1] != '}') return false;
    *name = body.substr(start, end - start);
    *length = i + 2 - at;
    return true;
}

// The value of a known placeholder; false for an unknown name.
bool PlaceholderValue(std::string_view name, const PlaceholderContext& c, std::string* out) {
    if (name == "requester.first_name") *out = FirstName(c.requester_name);
    else if (name == "requester.name") *out = c.requester_name;
    else if (name == "request.id") *out = c.request_id.valid() ? std::to_string(c.request_id.value) : std::string();
    else if (name == "request.number") *out = c.request_number;
    else if (name == "request.summary") *out = c.request_summary;
    else if (name == "agent.first_name") *out = FirstName(c.agent_name);
    else if (name == "agent.name") *out = c.agent_name;
    else if (name == "group.name") *out = c.group_name;
    else return false;
    return true;
}

bool IsKnown(std::string_view name) {
    const auto& names = PlaceholderNames();
    return std::find(names.begin(), names.end(), name) != names.end();
}

void AddOnce(std::vector<std::string>& list, std::string_view name) {
    if (std::find(list.begin(), list.end(), name) == list.end()) list.emplace_back(name);
}

// Cuts `text` to at most `max_code_points` code points (valid UTF-8 in, valid UTF-8 out).
bool CutToCodePoints(std::string& text, std::size_t max_code_points) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if ((byte & 0xC0) == 0x80) continue;  // continuation byte
        if (count == max_code_points) {
            text.resize(i);
            return true;
        }
        ++count;
    }
    return false;
}

}  // namespace

PlaceholderContext MakePlaceholderContext(const Request& request, const User& agent) {
    PlaceholderContext c;
    c.requester_name = request.requester_name;
    c.request_id = request.id;
    c.request_number = request.number;
    c.request_summary = request.summary;
    c.agent_name = agent.display_name;
    c.group_name = request.group_name;
    return c;
}

const std::vector<std::string_view>& PlaceholderNames() {
    static const std::vector<std::string_view> names = {
        "requester.first_name", "requester.name", "request.id", "request.number", "request.summary",
        "agent.first_name",     "agent.name",     "group.name"};
    return names;
}

std::string FirstName(std::string_view display_name) {
    const std::string_view name = Trim(display_name);
    return std::string(name.substr(0, name.find(' ')));
}

Expansion ExpandPlaceholders(std::string_view body, const PlaceholderContext& context) {
    Expansion out;
    out.text.reserve(body.size());
    std::size_t i = 0;
    while (i < body.size()) {
        const std::size_t open = body.find("{{", i);
        if (open == std::string_view::npos) {
            out.text.append(body.substr(i));
            break;
        }
        out.text.append(body.substr(i, open - i));
        std::string_view name;
        std::size_t length = 0;
        if (!ReadPlaceholder(body, open, &name, &length)) {
            out.text.push_back('{');  // malformed: keep one brace as text and look again after it
            i = open + 1;
            continue;
        }
        std::string value;
        if (PlaceholderValue(name, context, &value)) {
            out.text.append(value);
        } else {
            AddOnce(out.unknown, name);
            out.text.append(body.substr(open, length));  // left visible, as written
        }
        i = open + length;
    }
    out.truncated = CutToCodePoints(out.text, limits::kMaxComment);
    return out;
}

std::vector<std::string> FindUnknownPlaceholders(std::string_view body) {
    std::vector<std::string> unknown;
    std::size_t i = 0;
    while ((i = body.find("{{", i)) != std::string_view::npos) {
        std::string_view name;
        std::size_t length = 0;
        if (!ReadPlaceholder(body, i, &name, &length)) {
            ++i;
            continue;
        }
        if (!IsKnown(name)) AddOnce(unknown, name);
        i += length;
    }
    return unknown;
}

std::vector<FieldError> ValidateCannedResponse(const CannedResponse& canned) {
    std::vector<FieldError> problems;
    const std::string_view title = Trim(canned.title);
    if (std::string problem = PlainTextProblemAs(title, false, tr("The title can't contain {0}.")); !problem.empty())
        problems.push_back({"title", std::move(problem)});
    else if (title.empty())
        problems.push_back({"title", tr("Give the canned response a title.")});
    else if (Utf8Length(title) > kMaxCannedTitle)
        problems.push_back({"title", Plural("Keep the title to {0} character.", "Keep the title to {0} characters.",
                                            static_cast<long>(kMaxCannedTitle))});

    const std::string_view body = Trim(canned.body);
    if (std::string problem = PlainTextProblemAs(body, true, tr("The text can't contain {0}.")); !problem.empty()) {
        problems.push_back({"body", std::move(problem)});
    } else if (body.empty()) {
        problems.push_back({"body", tr("Write the text of the response.")});
    } else if (Utf8Length(body) > limits::kMaxComment) {
        problems.push_back({"body", Format(trn("Keep the text to {0} character.", "Keep the text to {0} characters.",
                                               static_cast<long>(limits::kMaxComment)),
                                           {std::to_string(limits::kMaxComment)})});
    } else if (auto unknown = FindUnknownPlaceholders(body); !unknown.empty()) {
        std::string names, known;
        for (std::size_t n = 0; n < unknown.size(); ++n) names += (n ? ", {{" : "{{") + unknown[n] + "}}";
        for (std::string_view name : PlaceholderNames()) known += (known.empty() ? "{{" : " {{") + std::string(name) + "}}";
        // TRANSLATORS: {0} lists the unknown placeholders ("{{ticket}}, {{x}}"), {1} the known ones
        // ("{{requester.first_name}} {{request.number}} ..."); keep the placeholders as they are.
        std::string message = Format(trn("Unknown placeholder {0}. Use one of: {1}.", "Unknown placeholders {0}. Use one of: {1}.",
                                         static_cast<long>(unknown.size())),
                                     {names, known});
        problems.push_back({"body", std::move(message)});
    }

    if (canned.group_id < 0) problems.push_back({"group_id", tr("Choose a group, or none for everyone.")});
    return problems;
}

bool CanSeeCanned(Role role, std::int64_t canned_group_id, const std::vector<std::int64_t>& member_of) {
    if (!IsStaff(role)) return false;
    if (role == Role::admin || canned_group_id == 0) return true;
    return std::find(member_of.begin(), member_of.end(), canned_group_id) != member_of.end();
}

}  // namespace spoc
