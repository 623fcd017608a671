// Demo seeding (see demo_seed.h).
#include "server/app/demo_seed.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "server/app/crypto.h"
#include "server/app/demo_history.h"
#include "server/storage/agents_repo.h"
#include "server/storage/approvals_repo.h"
#include "server/storage/audit_repo.h"
#include "server/storage/catalog_repo.h"
#include "server/storage/requests_repo.h"
#include "server/storage/users_repo.h"
#include "server/storage/workspace_repo.h"
#include "shared/api/dto.h"
#include "shared/domain/canned.h"
#include "shared/domain/request_builder.h"
#include "shared/domain/routing.h"
#include "shared/domain/sla.h"
#include "shared/domain/text.h"

namespace spoc::app {

namespace {

struct DemoUser {
    const char* username;
    const char* display_name;
    Role role;
    const char* department;
    const char* time_zone;
};

const DemoUser kDemoUsers[] = {
    {"emma", "Emma Jones", Role::employee, "Finance", "Europe/London"},
    {"liam", "Liam Chen", Role::employee, "Marketing", "America/New_York"},
    {"ava", "Ava Patel", Role::agent, "IT Service Desk", "Europe/London"},
    {"root", "Spoc Admin", Role::admin, "", "UTC"},
    {"olivia", "Olivia Grant", Role::employee, "Finance", "Europe/London"},  // emma's and liam's manager: approves
};

// With the history: the other groups' agents and the people who file most of the requests.
const DemoUser kHistoryUsers[] = {
    {"noah", "Noah Williams", Role::agent, "Network", "America/New_York"},
    {"mia", "Mia Schneider", Role::agent, "HR Operations", "Europe/London"},
    {"omar", "Omar Haddad", Role::agent, "Facilities", "Europe/London"},
    {"sofia", "Sofia Rossi", Role::employee, "Sales", "Europe/London"},
    {"james", "James O'Connor", Role::employee, "Finance", "Europe/Dublin"},
    {"priya", "Priya Sharma", Role::employee, "Engineering", "Asia/Kolkata"},
    {"lucas", "Lucas Martin", Role::employee, "Operations", "Europe/Paris"},
    {"hannah", "Hannah Kim", Role::employee, "Marketing", "America/New_York"},
    {"daniel", "Daniel Okafor", Role::employee, "Legal", "Europe/London"},
    {"grace", "Grace Miller", Role::employee, "Sales", "America/Chicago"},
    {"ethan", "Ethan Brooks", Role::employee, "Engineering", "America/Los_Angeles"},
    {"zoe", "Zoe Fischer", Role::employee, "People", "Europe/Berlin"},
    {"ben", "Ben Carter", Role::employee, "Customer Support", "Europe/London"},
};

// How many days of history to seed: <assets>/demo/seed.json {"history_days": N} (0..365), else
// kDemoHistoryDays. The server tests' fixture asks for none, to keep their small known data set.
Result<int> ReadHistoryDays(const std::string& assets_dir) {
    const std::string path = assets_dir + "/demo/seed.json";
    std::ifstream in(path, std::ios::binary);
    if (!in) return kDemoHistoryDays;
    const nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
    const auto days = doc.is_object() ? doc.find("history_days") : doc.end();
    if (!doc.is_object() || days == doc.end() || !days->is_number_integer() || days->get<std::int64_t>() < 0 ||
        days->get<std::int64_t>() > 365)
        return MakeError(ErrorCode::validation_failed, path + " must be {\"history_days\": 0..365}.");
    return static_cast<int>(days->get<std::int64_t>());
}

// The demo groups with their agents and routing rules. ava works the IT queues and Facilities,
// root covers HR; with the history noah joins Network, mia HR Operations and omar Facilities.
// Leads (who get breach escalations): ava, and root for HR. False when ava or root is missing.
Result<bool> InsertDemoGroups(storage::Database& db) {
    UserId member[5];  // ava, root, noah, mia, omar
    const char* names[] = {"ava", "root", "noah", "mia", "omar"};
    for (int i = 0; i < 5; ++i) {
        auto found = storage::FindUserByUsername(db, names[i]);
        if (!found.ok()) return found.error();
        if (*found && IsStaff((*found)->user.role)) member[i] = (*found)->user.id;
    }
    const UserId ava = member[0], admin = member[1], noah = member[2], mia = member[3], omar = member[4];
    if (!ava.valid() || !admin.valid()) return false;  // not the demo users: nothing to staff the groups with
    for (AssignmentGroup group : DemoAssignmentGroups()) {
        switch (group.id) {
            case kDemoGroupNetwork: group.members = {ava, noah}; break;
            case kDemoGroupHrOperations: group.members = {admin, mia}; break;
            case kDemoGroupFacilities: group.members = {ava, omar}; break;
            default: group.members = {ava}; break;
        }
        group.lead = group.id == kDemoGroupHrOperations ? admin : ava;
        auto id = storage::InsertGroup(db, group);
        if (!id.ok()) return id.error();
        int sort = 0;
        for (UserId m : group.members)
            if (m.valid())
                if (auto added = storage::AddGroupMember(db, *id, m, sort++); !added.ok()) return added.error();
    }
    for (const RoutingRule& rule : DemoRoutingRules())
        if (auto r = storage::InsertRoutingRule(db, rule); !r.ok()) return r.error();
    return true;
}

std::string NumberText(double value) {
    if (std::floor(value) == value && std::fabs(value) < 1e15) return std::to_string(static_cast<long long>(value));
    std::ostringstream out;
    out << value;
    return out.str();
}

std::string SampleText(const FieldDef& field) {
    std::string text = field.type == FieldType::long_text ? "Details as discussed with my manager." : "Demo";
    while (static_cast<int>(Utf8Length(text)) < field.min_length) text += " demo";
    if (field.max_length > 0 && static_cast<int>(Utf8Length(text)) > field.max_length)
        text = text.substr(0, field.max_length);
    return text;
}

}  // namespace

std::optional<FormValues> SampleFormValues(const CatalogItem& item, const CivilDate& today) {
    FormValues values;
    for (const auto& field : item.fields) {
        if (!IsFieldVisible(item, field, values)) continue;
        FormValue value;
        switch (field.type) {
            case FieldType::short_text:
            case FieldType::long_text:
                if (!field.default_value.empty()) {
                    value = FormValue::Text(field.default_value);
                } else if (field.required) {
                    // The placeholder is usually a well-formed example ("CC-1234", "e.g. Spain").
                    std::string example = field.placeholder;
                    if (example.rfind("e.g. ", 0) == 0) example.erase(0, 5);
                    value = FormValue::Text(example);
                    if (example.empty() || !ValidateField(field, &value, today).empty())
                        value = FormValue::Text(SampleText(field));
                }
                break;
            case FieldType::single_choice:
                if (!field.default_value.empty())
                    value = FormValue::Text(field.default_value);
                else if (!field.options.empty())
                    value = FormValue::Text(field.options.front().value);
                break;
            case FieldType::multi_choice: {
                std::vector<std::string> chosen;
                const std::size_t want = field.min ? static_cast<std::size_t>(std::max(1.0, *field.min)) : 1;
                for (std::size_t i = 0; i < want && i < field.options.size(); ++i)
                    chosen.push_back(field.options[i].value);
                if (field.required || field.min) value = FormValue::List(std::move(chosen));
                break;
            }
            case FieldType::number:
                if (!field.default_value.empty())
                    value = FormValue::Text(field.default_value);
                else
                    value = FormValue::Text(NumberText(field.min   ? *field.min
                                                       : field.max ? std::min(1.0, *field.max)
                                                                   : 1.0));
                break;
            case FieldType::date: {
                CivilDate date = CivilFromDays(DaysFromCivil(today.year, today.month, today.day) + 7);
                CivilDate bound;
                if (!field.min_date.empty() && ResolveDateBound(field.min_date, today, &bound) &&
                    DaysFromCivil(bound.year, bound.month, bound.day) > DaysFromCivil(date.year, date.month, date.day))
                    date = bound;
                if (!field.max_date.empty() && ResolveDateBound(field.max_date, today, &bound) &&
                    DaysFromCivil(bound.year, bound.month, bound.day) < DaysFromCivil(date.year, date.month, date.day))
                    date = bound;
                if (field.required || !field.default_value.empty()) value = FormValue::Text(FormatDate(date));
                break;
            }
            case FieldType::checkbox:
                value = FormValue::Bool(field.required || field.default_value == "true");
                break;
        }
        if (value.kind != FormValue::Kind::none) values[field.key] = std::move(value);
    }
    RequestDraft draft;
    draft.catalog_item_id = item.id;
    draft.values = values;
    if (!ValidateDraft(item, draft, today).empty()) return std::nullopt;
    return NormalizeValues(item, values);
}

Result<std::vector<CatalogItem>> LoadCatalogFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return MakeError(ErrorCode::not_found, "Cannot read the demo catalog " + path + ".");
    std::stringstream text;
    text << in.rdbuf();
    // The same codec the API uses for {"items":[...]}; then each definition's own rules.
    auto items = api::DecodeCatalogList(text.str());
    if (!items.ok())
        return MakeError(items.error().code,
                         path + " is not a valid catalog {\"items\": [...]}: " + items.error().message +
                             (items.error().field.empty() ? "" : " (" + items.error().field + ")"));
    for (const CatalogItem& item : *items) {
        auto problems = ValidateCatalogItem(item);
        if (problems.empty()) continue;
        std::string message = path + ": catalog item \"" + item.title + "\" is not valid:";
        for (const auto& p : problems) message += " " + p.field + ": " + p.message;
        return MakeError(ErrorCode::validation_failed, message);
    }
    return items;
}

// Managers and approver groups from <assets>/demo/approvals.json (optional): {"managers":
// {"emma":"olivia"}, "groups":[{"key","name","members":[usernames]}]}. Names of people who were
// not seeded are skipped.
static Result<Unit> SeedApprovals(storage::Database& db, const std::string& assets_dir) {
    const std::string path = assets_dir + "/demo/approvals.json";
    std::ifstream in(path, std::ios::binary);
    if (!in) return Unit{};
    const nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
    if (!doc.is_object()) return MakeError(ErrorCode::validation_failed, path + " is not a JSON object.");
    auto id_of = [&](const nlohmann::json& name) -> Result<UserId> {
        if (!name.is_string()) return UserId();
        auto u = storage::FindUserByUsername(db, name.get<std::string>());
        if (!u.ok()) return u.error();
        return *u ? (*u)->user.id : UserId();
    };
    if (auto managers = doc.find("managers"); managers != doc.end() && managers->is_object()) {
        for (const auto& [who, boss] : managers->items()) {
            auto user = id_of(who);
            auto manager = id_of(boss);
            if (!user.ok()) return user.error();
            if (!manager.ok()) return manager.error();
            if (user->valid() && manager->valid())
                if (auto s = storage::SetManager(db, *user, *manager); !s.ok()) return s.error();
        }
    }
    if (auto groups = doc.find("groups"); groups != doc.end() && groups->is_array()) {
        for (const auto& g : *groups) {
            if (!g.is_object() || !g.contains("key") || !g["key"].is_string()) continue;
            storage::ApproverGroupRow row;
            row.key = g["key"].get<std::string>();
            row.name = g.value("name", row.key);
            if (g.contains("members") && g["members"].is_array())
                for (const auto& m : g["members"]) {
                    auto id = id_of(m);
                    if (!id.ok()) return id.error();
                    if (id->valid()) row.members.push_back(*id);
                }
            if (auto u = storage::UpsertApproverGroup(db, row); !u.ok()) return u.error();
        }
    }
    return Unit{};
}

Result<bool> SeedDemoIfEmpty(storage::Writer& writer, const std::string& assets_dir, Timestamp now) {
    auto count = writer.Run([](storage::Database& db) { return storage::CountUsers(db); });
    if (!count.ok()) return count.error();
    if (*count > 0) return false;

    auto catalog = LoadCatalogFile(assets_dir + "/demo/catalog.json");
    if (!catalog.ok()) return catalog.error();
    auto history_days = ReadHistoryDays(assets_dir);
    if (!history_days.ok()) return history_days.error();
    std::vector<DemoUser> people(std::begin(kDemoUsers), std::end(kDemoUsers));
    if (*history_days > 0) people.insert(people.end(), std::begin(kHistoryUsers), std::end(kHistoryUsers));
    // Everyone shares the published demo password, so one argon2id hash serves them all (a hash
    // takes about 0.1 s; one per user would make the first start slow for nothing).
    auto hash = HashPassword(kDemoPassword);
    if (!hash.ok()) return hash.error();

    return writer.Run([&](storage::Database& db) -> Result<bool> {
        auto again = storage::CountUsers(db);  // someone may have won the race
        if (!again.ok()) return again.error();
        if (*again > 0) return false;

        std::vector<User> users;
        for (const DemoUser& d : people) {
            User user{UserId(), d.username,   d.display_name, std::string(d.username) + "@example.com",
                      d.role,   d.department, d.time_zone,  /*locale=*/""};
            auto id = storage::InsertUser(db, user, *hash, now);
            if (!id.ok()) return id.error();
            user.id = *id;
            users.push_back(std::move(user));
        }
        std::vector<CatalogItem> items = *catalog;
        for (auto& item : items) {
            auto id = storage::InsertCatalogItem(db, item, true, now);
            if (!id.ok()) return id.error();
            item.id = *id;
        }
        // Groups first: every seeded request past New has its group and assignee.
        if (auto groups = InsertDemoGroups(db); !groups.ok()) return groups.error();
        if (auto approvals = SeedApprovals(db, assets_dir); !approvals.ok()) return approvals.error();
        auto figures = SeedDemoRequests(db, users, items, now, *history_days);
        if (!figures.ok()) return figures.error();
        const std::string detail = storage::AuditDetail()
                                       .Int("users", static_cast<std::int64_t>(users.size()))
                                       .Int("catalog_items", static_cast<std::int64_t>(items.size()))
                                       .Int("requests", figures->requests)
                                       .Int("history_days", *history_days)
                                       .Json();
        if (auto a = storage::AppendAudit(db, {now, UserId(), "demo", 0, "seed", detail}); !a.ok()) return a.error();
        return true;
    });
}

Result<bool> SeedDemoGroupsIfEmpty(storage::Writer& writer) {
    return writer.Run([&](storage::Database& db) -> Result<bool> {
        auto count = storage::CountGroups(db);
        if (!count.ok()) return count.error();
        if (*count > 0) return false;
        return InsertDemoGroups(db);
    });
}

namespace {

struct DemoCanned {
    std::int64_t group_id;  // 0: everyone
    const char* title;
    const char* body;
};

const DemoCanned kDemoCanned[] = {
    {0, "Acknowledged - we're on it",
     "Hi {{requester.first_name}},\n\nthanks for reporting this. {{request.number}} is with {{group.name}} and I'm "
     "looking into it now. I'll update this request as soon as I know more.\n\n{{agent.first_name}}"},
    {0, "Need more information",
     "Hi {{requester.first_name}},\n\nto get \"{{request.summary}}\" moving I need a little more from you:\n\n"
     "- what exactly happens (the full error message, or a screenshot)\n- since when, and whether anything changed "
     "around then\n- the device name (Settings > About)\n\nI've set the request to wait for your reply; answering "
     "here starts it again.\n\n{{agent.first_name}}"},
    {0, "Resolved - please confirm",
     "Hi {{requester.first_name}},\n\nI believe {{request.number}} is fixed now. Could you check and let me know? "
     "If it's still not right, just reply here within 7 days and the request reopens; otherwise it closes on its "
     "own.\n\nThanks,\n{{agent.name}}"},
    {kDemoGroupServiceDesk, "Password reset: self-service steps",
     "Hi {{requester.first_name}},\n\nyou can reset your password yourself in a couple of minutes:\n\n"
     "1. Go to https://password.example.com from any browser.\n2. Enter your username and choose \"Forgot password\".\n"
     "3. Approve the prompt on your phone (the authenticator app).\n4. Choose a new password of at least 14 "
     "characters; it can't be one of your last five.\n5. Sign out and back in on your laptop so it picks up the new "
     "password, and update it on your phone's mail app.\n\nIf the phone prompt doesn't arrive, reply here and I'll "
     "reset it for you.\n\n{{agent.first_name}}"},
    {kDemoGroupNetwork, "VPN: reinstall the client",
     "Hi {{requester.first_name}},\n\nthe quickest fix for a VPN that keeps dropping is a clean reinstall:\n\n"
     "1. Open Software Center and uninstall \"Corporate VPN\".\n2. Restart the laptop.\n3. In Software Center, "
     "install \"Corporate VPN\" again (it brings the current profile).\n4. Connect, and sign in with your usual "
     "account.\n\nIf it still drops, reply with the time it happened and whether you were on home Wi-Fi or a "
     "hotspot, and I'll check the gateway logs.\n\n{{agent.first_name}}, {{group.name}}"},
    {kDemoGroupServiceDesk, "Hardware order placed",
     "Hi {{requester.first_name}},\n\nI've placed the order for {{request.number}} (\"{{request.summary}}\"). "
     "Delivery usually takes 3-5 working days; we'll set it up and contact you to arrange the handover. I've set "
     "this request to wait on the vendor until then.\n\n{{agent.first_name}}"},
    {kDemoGroupHrOperations, "HR: payroll question handed to HR Operations",
     "Hi {{requester.first_name}},\n\npayroll questions are handled by HR Operations, so I've passed "
     "{{request.number}} to them with everything you wrote. Please don't send payslips or bank details in this "
     "conversation; HR will contact you directly if they need them.\n\n{{agent.name}}"},
    {kDemoGroupFacilities, "Desk move scheduled",
     "Hi {{requester.first_name}},\n\nyour move is booked. Please clear your desk into the crates we'll leave the "
     "evening before; Facilities moves the crates, monitor and dock overnight, and everything will be set up at your "
     "new desk by 9:00.\n\n{{agent.first_name}}, {{group.name}}"},
};

}  // namespace

Result<bool> SeedDemoCannedIfEmpty(storage::Writer& writer, Timestamp now) {
    return writer.Run([&](storage::Database& db) -> Result<bool> {
        auto count = storage::CountCanned(db);
        if (!count.ok()) return count.error();
        if (*count > 0) return false;
        auto groups = storage::ListGroups(db);
        if (!groups.ok()) return groups.error();
        auto has_group = [&](std::int64_t id) {
            for (const AssignmentGroup& g : *groups)
                if (g.id == id) return true;
            return false;
        };
        if (!has_group(kDemoGroupServiceDesk)) return false;  // not the demo groups
        for (const DemoCanned& demo : kDemoCanned) {
            CannedResponse canned;
            canned.title = demo.title;
            canned.body = demo.body;
            canned.group_id = has_group(demo.group_id) ? demo.group_id : 0;
            if (auto problems = ValidateCannedResponse(canned); !problems.empty())
                return MakeError(ErrorCode::internal, std::string("Demo canned response \"") + demo.title +
                                                          "\" is not valid: " + problems.front().message);
            if (auto id = storage::InsertCanned(db, canned, UserId(), now); !id.ok()) return id.error();
        }
        return true;
    });
}

}  // namespace spoc::app
