// The approval rules (shared/domain/approval.h): policies and their conditions, who approves a
// step (never the requester; admins when nobody else), delegation, any-one / all-members
// tallies, chains, the race of two approvers on an "any one" step, and reminders on business hours.
#include <doctest/doctest.h>

#include "shared/api/dto.h"
#include "shared/domain/approval.h"

using namespace spoc;
using namespace spoc::approval;

namespace {

const UserId kEmma(2), kMia(5), kNoah(6), kOlga(7), kRoot(1), kAva(3);
const Timestamp kT0 = 1'773'135'000'000;

CatalogItem LaptopItem() {
    CatalogItem item;
    FieldDef model;
    model.key = "model";
    model.type = FieldType::single_choice;
    model.options = {{"standard_14", "Standard"}, {"high_performance", "High performance"}};
    FieldDef extras;
    extras.key = "extras";
    extras.type = FieldType::multi_choice;
    extras.options = {{"dock", "Dock"}, {"monitor", "Monitor"}};
    item.fields = {model, extras};
    return item;
}

Policy Chain() {  // high-performance laptops: manager, then IT asset management (any one)
    Policy p;
    p.steps = {{StepKind::manager, "", Quorum::any, {{"model", {"high_performance"}}}},
               {StepKind::group, "it_asset_management", Quorum::any, {{"model", {"high_performance"}}}}};
    return p;
}

std::vector<Step> Started(const Policy& p, std::vector<UserId> first) {
    std::vector<Step> steps;
    for (const StepRule& r : p.steps) {
        Step s;
        s.kind = r.kind;
        s.quorum = r.quorum;
        s.group = r.group;
        steps.push_back(s);
    }
    REQUIRE(StartStep(steps, std::move(first), kT0));
    return steps;
}

}  // namespace

TEST_CASE("approval policy: conditions on form answers decide whether it applies; the loader's checks") {
    const Policy p = Chain();
    FormValues standard{{"model", FormValue::Text("standard_14")}};
    FormValues fast{{"model", FormValue::Text("high_performance")}};
    CHECK_FALSE(Applies(p, standard));
    CHECK(Applies(p, fast));
    CHECK(ActiveSteps(p, fast).size() == 2);
    CHECK_FALSE(Applies(p, {}));
    // A step of its own condition: the manager always, asset management only for the fast model.
    Policy mixed = p;
    mixed.steps[0].when.clear();
    REQUIRE(ActiveSteps(mixed, standard).size() == 1);
    CHECK(ActiveSteps(mixed, standard)[0].kind == StepKind::manager);
    CHECK(ActiveSteps(mixed, fast).size() == 2);
    Policy on_list;
    on_list.steps = {{StepKind::manager, "", Quorum::any, {{"extras", {"monitor"}}}}};
    FormValue extras;
    extras.kind = FormValue::Kind::list;
    extras.list = {"dock", "monitor"};
    CHECK(Applies(on_list, {{"extras", extras}}));
    extras.list = {"dock"};
    CHECK_FALSE(Applies(on_list, {{"extras", extras}}));
    Policy always;
    always.steps = {{StepKind::manager, "", Quorum::any, {}}};
    CHECK(Applies(always, standard));
    CHECK_FALSE(Applies(Policy{}, fast));  // no steps, no approval

    const CatalogItem item = LaptopItem();
    CHECK(ValidatePolicy(p, item).empty());
    Policy bad = p;
    bad.steps[0].when = {{"colour", {"red"}}};
    CHECK(ValidatePolicy(bad, item).at(0).field == "approval.when");
    bad.steps[0].when = {{"model", {"gold"}}};
    CHECK(ValidatePolicy(bad, item).at(0).field == "approval.when");
    bad.steps[0].when = {{"model", {}}};
    CHECK(ValidatePolicy(bad, item).at(0).field == "approval.when");
    bad = p;
    bad.steps[1].group = "";
    CHECK(ValidatePolicy(bad, item).at(0).field == "approval.steps");
    bad = p;
    bad.steps.assign(6, StepRule{});
    CHECK(ValidatePolicy(bad, item).at(0).field == "approval.steps");
    bad = p;
    bad.remind_after_hours = -1;
    CHECK(ValidatePolicy(bad, item).at(0).field == "approval.remind_after_hours");
}

TEST_CASE("approval: approvers are the manager or the group, never the requester; admins when nobody is left") {
    const StepRule manager{StepKind::manager, "", Quorum::any, {}};
    const StepRule group{StepKind::group, "it_asset_management", Quorum::all, {}};
    CHECK(ResolveApprovers(manager, kEmma, kMia, {}, {kRoot}) == std::vector<UserId>{kMia});
    CHECK(ResolveApprovers(manager, kEmma, UserId(), {}, {kRoot}) == std::vector<UserId>{kRoot});  // no manager on record
    CHECK(ResolveApprovers(manager, kEmma, kEmma, {}, {kRoot}) == std::vector<UserId>{kRoot});     // her own manager?
    CHECK(ResolveApprovers(group, kEmma, kMia, {kNoah, kEmma, kOlga, kNoah}, {kRoot}) == std::vector<UserId>{kNoah, kOlga});
    CHECK(ResolveApprovers(group, kEmma, kMia, {kEmma}, {kRoot, kEmma}) == std::vector<UserId>{kRoot});
}

TEST_CASE("approval: an any-one step is decided by the first vote; the second approver gets a conflict") {
    Policy p;
    p.steps = {{StepKind::group, "it_asset_management", Quorum::any, {}}};
    std::vector<Step> steps = Started(p, {kNoah, kOlga});
    CHECK(OutcomeOf(steps) == Outcome::pending);
    CHECK(CurrentStep(steps) == 0);
    // Someone else can't, the requester can't.
    CHECK(Decide(steps, kAva, kEmma, {}, Decision::approve, "", kT0 + 1).error().code == ErrorCode::forbidden);
    CHECK(Decide(steps, kEmma, kEmma, {}, Decision::approve, "", kT0 + 1).error().code == ErrorCode::forbidden);
    REQUIRE(Decide(steps, kNoah, kEmma, {}, Decision::approve, "  Fine by me ", kT0 + 2).ok());
    CHECK(steps[0].state == StepState::approved);
    CHECK(steps[0].decided_at == kT0 + 2);
    REQUIRE(steps[0].votes.size() == 1);
    CHECK(steps[0].votes[0].comment == "Fine by me");
    // The slower approver (acting on what they saw) gets a conflict, and nothing changes.
    auto late = Decide(steps, kOlga, kEmma, {}, Decision::reject, "No budget", kT0 + 3);
    CHECK(late.error().code == ErrorCode::conflict);
    CHECK(steps[0].votes.size() == 1);
    CHECK(OutcomeOf(steps) == Outcome::approved);
}

TEST_CASE("approval: an all-members step needs every approval; one rejection ends it; a reason is required") {
    Policy p;
    p.steps = {{StepKind::group, "security", Quorum::all, {}}};
    std::vector<Step> steps = Started(p, {kNoah, kOlga});
    auto no_reason = Decide(steps, kNoah, kEmma, {}, Decision::reject, "   ", kT0 + 1);
    CHECK(no_reason.error().code == ErrorCode::validation_failed);
    CHECK(no_reason.error().field == "comment");
    CHECK(Decide(steps, kNoah, kEmma, {}, Decision::approve, std::string(2001, 'x'), kT0 + 1).error().field == "comment");
    REQUIRE(Decide(steps, kNoah, kEmma, {}, Decision::approve, "", kT0 + 1).ok());
    CHECK(steps[0].state == StepState::pending);
    CHECK(Decide(steps, kNoah, kEmma, {}, Decision::approve, "", kT0 + 2).error().code == ErrorCode::conflict);  // once each
    REQUIRE(Decide(steps, kOlga, kEmma, {}, Decision::approve, "", kT0 + 3).ok());
    CHECK(steps[0].state == StepState::approved);

    std::vector<Step> other = Started(p, {kNoah, kOlga});
    REQUIRE(Decide(other, kOlga, kEmma, {}, Decision::reject, "Not on the approved list", kT0 + 1).ok());
    CHECK(other[0].state == StepState::rejected);
    CHECK(OutcomeOf(other) == Outcome::rejected);
    CHECK(Decide(other, kNoah, kEmma, {}, Decision::approve, "", kT0 + 2).error().code == ErrorCode::conflict);
}

TEST_CASE("approval: a chain runs step by step; a rejection anywhere ends it") {
    const Policy p = Chain();
    std::vector<Step> steps = Started(p, {kMia});
    CHECK(steps[1].state == StepState::waiting);
    CHECK(Decide(steps, kNoah, kEmma, {}, Decision::approve, "", kT0 + 1).error().code == ErrorCode::forbidden);  // not yet his
    REQUIRE(Decide(steps, kMia, kEmma, {}, Decision::approve, "", kT0 + 1).ok());
    CHECK(OutcomeOf(steps) == Outcome::pending);
    CHECK(CurrentStep(steps) == -1);
    REQUIRE(StartStep(steps, {kNoah, kOlga}, kT0 + 2));
    CHECK(CurrentStep(steps) == 1);
    CHECK_FALSE(StartStep(steps, {kRoot}, kT0 + 3));  // one pending at a time
    REQUIRE(Decide(steps, kOlga, kEmma, {}, Decision::approve, "", kT0 + 4).ok());
    CHECK(OutcomeOf(steps) == Outcome::approved);
    CHECK_FALSE(StartStep(steps, {kRoot}, kT0 + 5));

    std::vector<Step> rejected = Started(p, {kMia});
    REQUIRE(Decide(rejected, kMia, kEmma, {}, Decision::reject, "Use the standard model.", kT0 + 1).ok());
    CHECK(OutcomeOf(rejected) == Outcome::rejected);
    CHECK(rejected[1].state == StepState::waiting);  // never started
}

TEST_CASE("approval: a delegate acts for an absent approver while the delegation runs, one level deep") {
    Policy p;
    p.steps = {{StepKind::manager, "", Quorum::any, {}}};
    std::vector<Step> steps = Started(p, {kMia});
    const std::vector<Delegation> away = {{kMia, kNoah, kT0, kT0 + 7 * kMsPerDay}, {kNoah, kOlga, kT0, kT0 + 7 * kMsPerDay}};
    CHECK(ActingFor(steps[0], kNoah, kEmma, away, kT0 + 1) == std::vector<UserId>{kMia});
    CHECK(ActingFor(steps[0], kOlga, kEmma, away, kT0 + 1).empty());                 // not a delegate's delegate
    CHECK(ActingFor(steps[0], kNoah, kEmma, away, kT0 + 8 * kMsPerDay).empty());     // the delegation ended
    CHECK(ActingFor(steps[0], kMia, kEmma, away, kT0 + 1) == std::vector<UserId>{kMia});  // she may still act herself
    const std::vector<Delegation> to_requester = {{kMia, kEmma, kT0, kT0 + kMsPerDay}};
    CHECK(ActingFor(steps[0], kEmma, kEmma, to_requester, kT0 + 1).empty());         // never for her own request
    REQUIRE(Decide(steps, kNoah, kEmma, away, Decision::approve, "For Mia, who is on leave", kT0 + 2).ok());
    REQUIRE(steps[0].votes.size() == 1);
    CHECK(steps[0].votes[0].approver == kMia);
    CHECK(steps[0].votes[0].by == kNoah);
    CHECK(steps[0].state == StepState::approved);
}

TEST_CASE("approval: reminders after the policy's business hours, then again after as many more") {
    Policy p;
    p.steps = {{StepKind::manager, "", Quorum::any, {}}};
    BusinessCalendar cal = MakeCalendar24x7();
    std::vector<Step> steps = Started(p, {kMia});
    CHECK_FALSE(ReminderDue(steps[0], 8, cal, kT0 + 8 * kMsPerHour - 1));
    CHECK(ReminderDue(steps[0], 8, cal, kT0 + 8 * kMsPerHour));
    steps[0].reminded_at = kT0 + 8 * kMsPerHour;
    CHECK_FALSE(ReminderDue(steps[0], 8, cal, kT0 + 15 * kMsPerHour));
    CHECK(ReminderDue(steps[0], 8, cal, kT0 + 16 * kMsPerHour));
    CHECK_FALSE(ReminderDue(steps[0], 0, cal, kT0 + 100 * kMsPerHour));  // never
    steps[0].state = StepState::approved;
    CHECK_FALSE(ReminderDue(steps[0], 8, cal, kT0 + 100 * kMsPerHour));
}

TEST_CASE("approval policy on the wire: a catalog item carries it; the loader names a bad one") {
    CatalogItem item = LaptopItem();
    item.title = "New laptop";
    item.department = "IT";
    item.approval = Chain();
    item.approval.steps[1].quorum = Quorum::all;
    item.approval.hold_until_approved = false;
    item.approval.remind_after_hours = 16;
    auto back = api::DecodeCatalogItem(api::EncodeCatalogItem(item));
    REQUIRE(back.ok());
    CHECK(back->requires_approval);  // follows the policy
    REQUIRE(back->approval.steps.size() == 2);
    CHECK(back->approval.steps[0].kind == StepKind::manager);
    CHECK(back->approval.steps[1].kind == StepKind::group);
    CHECK(back->approval.steps[1].group == "it_asset_management");
    CHECK(back->approval.steps[1].quorum == Quorum::all);
    REQUIRE(back->approval.steps[1].when.size() == 1);
    CHECK(back->approval.steps[1].when[0].values == std::vector<std::string>{"high_performance"});
    CHECK_FALSE(back->approval.hold_until_approved);
    CHECK(back->approval.remind_after_hours == 16);
    CHECK(ValidatePolicy(back->approval, *back).empty());
    // A list carries only the flag; a definition without a policy keeps its flag too.
    auto listed = api::DecodeCatalogList(api::EncodeCatalogList({item}));
    REQUIRE(listed.ok());
    CHECK(listed->at(0).requires_approval);
    CHECK(listed->at(0).approval.steps.empty());
    auto bad = api::DecodeCatalogItem(R"({"title":"X","department":"IT","approval":{"steps":[{"kind":"boss"}]}})");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().field.find("kind") != std::string::npos);
    item.approval.steps[0].when = {{"colour", {"red"}}};
    const auto problems = ValidateCatalogItem(item);  // the catalog loader's check includes the policy
    CHECK(std::count_if(problems.begin(), problems.end(), [](const FieldError& e) { return e.field == "approval.when"; }) == 1);
}

TEST_CASE("approval: a delegation names someone, ends after it starts, and lasts at most 90 days") {
    const Timestamp t = 1'800'000'000'000;
    CHECK(approval::ValidateDelegation("liam", t, t + kMsPerDay).empty());
    CHECK(approval::ValidateDelegation("liam", t, t + approval::kMaxDelegationMs).empty());
    REQUIRE(approval::ValidateDelegation("  ", t, t + kMsPerDay).size() == 1);
    CHECK(approval::ValidateDelegation("  ", t, t + kMsPerDay)[0].field == "to");
    CHECK(approval::ValidateDelegation("liam", t, t)[0].field == "ends_at");
    CHECK(approval::ValidateDelegation("liam", t, t - 1)[0].field == "ends_at");
    CHECK(approval::ValidateDelegation("liam", t, t + approval::kMaxDelegationMs + 1)[0].field == "ends_at");
    // The body decoder applies the same rules.
    CHECK(api::DecodeDelegationBody(R"({"to":"liam","starts_at":"2026-12-07T00:00:00Z","ends_at":"2027-06-01T00:00:00Z"})").error().field == "ends_at");
    CHECK(api::DecodeDelegationBody(R"({"to":"liam","starts_at":"2026-12-07T00:00:00Z","ends_at":"2026-12-08T00:00:00Z"})").ok());
}
