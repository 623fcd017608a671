// Tests for shared/domain/canned.h: every placeholder, spaces inside braces, unknown names
// reported once and left visible, malformed braces kept as text, inserted values never expanded
// again, the comment-size cap at a code point boundary, and ValidateCannedResponse's rules.
#include "shared/domain/canned.h"

#include <doctest/doctest.h>

#include <string>

#include "shared/domain/limits.h"
#include "shared/domain/text.h"

using spoc::CannedResponse;
using spoc::ExpandPlaceholders;
using spoc::PlaceholderContext;

namespace {

PlaceholderContext Context() {
    spoc::Request request;
    request.id = spoc::RequestId(42);
    request.number = "INC0000042";
    request.summary = "VPN drops every few minutes";
    request.requester_name = "Emma Jones";
    request.group_name = "Network";
    spoc::User agent;
    agent.display_name = "Ava Patel";
    return spoc::MakePlaceholderContext(request, agent);
}

std::string Expand(std::string_view body) { return ExpandPlaceholders(body, Context()).text; }

CannedResponse Canned(std::string title, std::string body, std::int64_t group_id = 0) {
    CannedResponse c;
    c.title = std::move(title);
    c.body = std::move(body);
    c.group_id = group_id;
    return c;
}

}  // namespace

TEST_CASE("canned: every placeholder expands from the request and the agent") {
    CHECK(Expand("{{requester.first_name}}") == "Emma");
    CHECK(Expand("{{requester.name}}") == "Emma Jones");
    CHECK(Expand("{{request.id}}") == "42");
    CHECK(Expand("{{request.number}}") == "INC0000042");
    CHECK(Expand("{{request.summary}}") == "VPN drops every few minutes");
    CHECK(Expand("{{agent.first_name}}") == "Ava");
    CHECK(Expand("{{agent.name}}") == "Ava Patel");
    CHECK(Expand("{{group.name}}") == "Network");
    CHECK(Expand("Hi {{requester.first_name}},\n\nthanks. {{ agent.first_name }}") == "Hi Emma,\n\nthanks. Ava");
    CHECK(spoc::PlaceholderNames().size() == 8);
    // Every listed name expands to something other than itself.
    for (std::string_view name : spoc::PlaceholderNames()) {
        CAPTURE(name);
        const auto e = ExpandPlaceholders("{{" + std::string(name) + "}}", Context());
        CHECK(e.unknown.empty());
        CHECK(e.text.find("{{") == std::string::npos);
    }
}

TEST_CASE("canned: unknown placeholders are reported once and stay visible") {
    const auto e = ExpandPlaceholders("Dear {{requester.title}} {{requester.name}}, {{ requester.title }} {{x}}", Context());
    CHECK(e.text == "Dear {{requester.title}} Emma Jones, {{ requester.title }} {{x}}");
    REQUIRE(e.unknown.size() == 2);
    CHECK(e.unknown[0] == "requester.title");
    CHECK(e.unknown[1] == "x");
    CHECK_FALSE(e.truncated);
    // Names are case-sensitive.
    CHECK(ExpandPlaceholders("{{Agent.Name}}", Context()).unknown == std::vector<std::string>{"Agent.Name"});
}

TEST_CASE("canned: malformed braces are left as text") {
    for (const char* text : {"{{", "}}", "{{}}", "{{ }}", "{{agent.name", "{{agent.name}", "{agent.name}}",
                             "{{agent name}}", "{{agent-name}}", "{{ agent.name } }"}) {
        CAPTURE(text);
        const auto e = ExpandPlaceholders(text, Context());
        CHECK(e.text == text);
        CHECK(e.unknown.empty());
    }
    // A stray brace before a good placeholder stays; the placeholder still expands.
    CHECK(Expand("{{{agent.first_name}}}") == "{Ava}");
    CHECK(Expand("{{{{agent.first_name}}") == "{{Ava");
    // A name longer than 64 characters is not a placeholder.
    const std::string long_name = "{{" + std::string(65, 'a') + "}}";
    CHECK(ExpandPlaceholders(long_name, Context()).unknown.empty());
    CHECK(Expand(long_name) == long_name);
}

TEST_CASE("canned: inserted values are not expanded again") {
    PlaceholderContext c = Context();
    c.request_summary = "Printer says {{agent.name}}";
    c.requester_name = "{{requester.name}}";
    const auto e = ExpandPlaceholders("{{request.summary}} / {{requester.first_name}}", c);
    CHECK(e.text == "Printer says {{agent.name}} / {{requester.name}}");
    CHECK(e.unknown.empty());
}

TEST_CASE("canned: empty facts expand to nothing; first names") {
    PlaceholderContext c;
    CHECK(ExpandPlaceholders("[{{group.name}}][{{request.id}}][{{agent.first_name}}]", c).text == "[][][]");
    CHECK(spoc::FirstName("Ava Patel") == "Ava");
    CHECK(spoc::FirstName("  Cher  ") == "Cher");
    CHECK(spoc::FirstName("") == "");
}

TEST_CASE("canned: the expanded text is cut at the comment limit on a code point boundary") {
    PlaceholderContext c = Context();
    c.request_summary = std::string(100, 'x');
    std::string body;
    while (spoc::Utf8Length(body) + 20 < spoc::limits::kMaxComment) body += "\xC3\xA9{{request.summary}}";  // é + 100
    const auto e = ExpandPlaceholders(body, c);
    CHECK(e.truncated);
    CHECK(spoc::Utf8Length(e.text) == spoc::limits::kMaxComment);
    CHECK(spoc::IsValidUtf8(e.text));
    // Multi-byte characters at the cut: 2-byte "é" repeated past the limit.
    std::string accents;
    for (std::size_t i = 0; i < spoc::limits::kMaxComment - 1; ++i) accents += "\xC3\xA9";
    const auto cut = ExpandPlaceholders(accents + "{{agent.first_name}}", c);  // limit - 1 + 3 code points
    CHECK(cut.truncated);
    CHECK(spoc::Utf8Length(cut.text) == spoc::limits::kMaxComment);
    CHECK(cut.text.substr(cut.text.size() - 3) == "\xC3\xA9" "A");
    // Exactly at the limit is not cut.
    const auto exact = ExpandPlaceholders(std::string(spoc::limits::kMaxComment, 'a'), c);
    CHECK_FALSE(exact.truncated);
    CHECK(exact.text.size() == spoc::limits::kMaxComment);
}

TEST_CASE("canned: validation of title, body, placeholders and group") {
    CHECK(spoc::ValidateCannedResponse(Canned("Password reset", "Hi {{requester.first_name}}")).empty());

    auto fields = [](const CannedResponse& c) {
        std::vector<std::string> out;
        for (const auto& p : spoc::ValidateCannedResponse(c)) out.push_back(p.field);
        return out;
    };
    CHECK(fields(Canned("", "text")) == std::vector<std::string>{"title"});
    CHECK(fields(Canned("   ", "text")) == std::vector<std::string>{"title"});
    CHECK(fields(Canned(std::string(120, 't'), "text")).empty());
    CHECK(fields(Canned(std::string(121, 't'), "text")) == std::vector<std::string>{"title"});
    // 120 two-byte characters are 120 characters, not 240.
    std::string accents;
    for (int i = 0; i < 120; ++i) accents += "\xC3\xA9";
    CHECK(fields(Canned(accents, "text")).empty());
    CHECK(fields(Canned("Two\nlines", "text")) == std::vector<std::string>{"title"});
    CHECK(fields(Canned("Title", "")) == std::vector<std::string>{"body"});
    CHECK(fields(Canned("Title", "line one\nline two\ttab")).empty());
    CHECK(fields(Canned("Title", "bell \x07")) == std::vector<std::string>{"body"});
    CHECK(fields(Canned("Title", std::string(spoc::limits::kMaxComment, 'b'))).empty());
    CHECK(fields(Canned("Title", std::string(spoc::limits::kMaxComment + 1, 'b'))) == std::vector<std::string>{"body"});
    CHECK(fields(Canned("Title", "bad \xFF utf8")) == std::vector<std::string>{"body"});
    CHECK(fields(Canned("Title", "ok", -1)) == std::vector<std::string>{"group_id"});
    CHECK(fields(Canned("", "", -1)) == std::vector<std::string>{"title", "body", "group_id"});

    // Unknown placeholders are named in the message; malformed braces are fine.
    const auto problems = spoc::ValidateCannedResponse(Canned("T", "Hi {{requester.nickname}} and {{ticket}} {{"));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "body");
    CHECK(problems[0].message.find("{{requester.nickname}}") != std::string::npos);
    CHECK(problems[0].message.find("{{ticket}}") != std::string::npos);
    CHECK(problems[0].message.find("{{requester.first_name}}") != std::string::npos);  // the help lists known ones
    CHECK(spoc::FindUnknownPlaceholders("{{a}} {{b}} {{a}} {{agent.name}}") == std::vector<std::string>{"a", "b"});
}

TEST_CASE("canned: who sees which canned responses") {
    using spoc::Role;
    const std::vector<std::int64_t> groups = {1, 2};
    CHECK(spoc::CanSeeCanned(Role::agent, 0, groups));
    CHECK(spoc::CanSeeCanned(Role::agent, 2, groups));
    CHECK_FALSE(spoc::CanSeeCanned(Role::agent, 3, groups));
    CHECK(spoc::CanSeeCanned(Role::admin, 3, {}));
    CHECK_FALSE(spoc::CanSeeCanned(Role::employee, 0, groups));
}
