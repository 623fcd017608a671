// Headless tests of approvals in the browser (issue 13): the request form says whether this
// request will need an approval from the answers so far, with the shared ActiveSteps the server
// uses (a laptop needs its manager only for a high-performance model).
#include "fixtures.h"

using namespace fixtures;

TEST_CASE("approval: the form tells, from the answers so far, which approvals the request will need") {
    App app;
    app.SignedIn("#/catalog/3");
    CatalogItem laptop = Laptop();
    FieldDef& model = *std::find_if(laptop.fields.begin(), laptop.fields.end(), [](const FieldDef& f) { return f.type == FieldType::single_choice; });
    REQUIRE(model.options.size() >= 2);
    approval::StepRule manager;
    manager.when = {{model.key, {model.options[1].value}}};
    laptop.approval.steps = {manager};
    laptop.requires_approval = true;
    REQUIRE(app.api.Answer("GET", "/api/v1/catalog/3", 200, api::EncodeCatalogItem(laptop)));
    Harness h;
    h.Frames(app, 3);
    app.actions.EditField(CatalogItemId(3), model.key, FormValue::Text(model.options[0].value));
    FormViewModel vm = BuildForm(app.state, CatalogItemId(3), app.clock);
    CHECK_FALSE(vm.requires_approval);
    CHECK(vm.approval_steps.empty());
    app.actions.EditField(CatalogItemId(3), model.key, FormValue::Text(model.options[1].value));
    vm = BuildForm(app.state, CatalogItemId(3), app.clock);
    CHECK(vm.requires_approval);
    REQUIRE(vm.approval_steps.size() == 1);
    CHECK(vm.approval_steps[0].first == "Your manager approves it");
}

TEST_CASE("approval: 'When you're away' hands my approvals to a colleague for whole local days, and ends it") {
    App app;
    app.SignedIn("#/approvals");
    REQUIRE(app.api.Count("GET", "/api/v1/approvals/delegations") == 1);
    REQUIRE(app.api.Answer("GET", "/api/v1/approvals/delegations", 200, api::EncodeDelegations({})));
    app.Sync();
    ApprovalsViewModel vm = BuildApprovals(app.state, app.clock);
    CHECK(vm.away.rows.empty());

    // Checked here with the shared rules before anything is sent.
    using Field = Actions::DelegationField;
    app.actions.EditDelegation(Field::to, "liam");
    app.actions.EditDelegation(Field::until, "2026-13-01");
    app.actions.AddDelegation();
    CHECK(BuildApprovals(app.state, app.clock).away.error_field == "until");
    app.actions.EditDelegation(Field::to, "  ");
    const CivilDate today = LocalToday(app.clock);
    const CivilDate next_week = CivilFromDays(DaysFromCivil(today.year, today.month, today.day) + 7);
    app.actions.EditDelegation(Field::until, FormatDate(next_week));
    app.actions.AddDelegation();
    CHECK(BuildApprovals(app.state, app.clock).away.error_field == "to");
    const CivilDate far = CivilFromDays(DaysFromCivil(today.year, today.month, today.day) + 120);
    app.actions.EditDelegation(Field::to, "liam");
    app.actions.EditDelegation(Field::until, FormatDate(far));
    app.actions.AddDelegation();
    CHECK(BuildApprovals(app.state, app.clock).away.error_field == "until");  // at most 90 days
    CHECK(app.api.Count("POST", "/api/v1/approvals/delegations") == 0);

    // From now to the end of next week's day, in the browser's zone.
    app.actions.EditDelegation(Field::until, FormatDate(next_week));
    app.actions.AddDelegation();
    const auto* post = app.api.Last("POST", "/api/v1/approvals/delegations");
    REQUIRE(post);
    Result<api::DelegationBody> body = api::DecodeDelegationBody(post->request.body);
    REQUIRE(body.ok());
    CHECK(body.value().to == "liam");
    CHECK(body.value().starts_at == app.clock.now);
    CHECK(body.value().ends_at == LocalMidnight(app.clock, next_week) + kMsPerDay);
    CHECK(BuildApprovals(app.state, app.clock).away.sending);

    REQUIRE(app.state.me);
    const UserId me = app.state.me->user.id;
    api::DelegationView made{7, me, UserId(me.value + 100), "Emma Jones", "Liam Chen", body.value().starts_at, body.value().ends_at};
    REQUIRE(app.api.Answer("POST", "/api/v1/approvals/delegations", 201, api::EncodeDelegation(made)));
    app.Sync();
    CHECK(app.state.delegation.to.empty());  // the form is cleared
    REQUIRE(app.api.Count("GET", "/api/v1/approvals/delegations") == 2);  // and the list re-read
    api::DelegationView handed{8, UserId(me.value + 200), me, "Olivia Grant", "Emma Jones", body.value().starts_at, body.value().ends_at};
    REQUIRE(app.api.Answer("GET", "/api/v1/approvals/delegations", 200, api::EncodeDelegations({made, handed})));
    vm = BuildApprovals(app.state, app.clock);
    REQUIRE(vm.away.rows.size() == 2);
    CHECK(vm.away.rows[0].text.find("Liam Chen approves for you") == 0);
    CHECK(vm.away.rows[0].can_end);
    CHECK(vm.away.rows[1].text.find("You approve for Olivia Grant") == 0);
    CHECK_FALSE(vm.away.rows[1].can_end);  // only Olivia can end hers

    app.actions.EndDelegation(7);
    CHECK(BuildApprovals(app.state, app.clock).away.rows[0].ending);
    REQUIRE(app.api.Answer("DELETE", "/api/v1/approvals/delegations/7", 204, ""));
    app.Sync();
    CHECK(app.api.Count("GET", "/api/v1/approvals/delegations") == 3);

    // The server's refusal lands on its field.
    app.actions.EditDelegation(Field::to, "nobody");
    app.actions.EditDelegation(Field::until, FormatDate(next_week));
    app.actions.AddDelegation();
    REQUIRE(app.api.Answer("POST", "/api/v1/approvals/delegations", 422,
                           R"({"error":{"code":"validation_failed","message":"There is nobody with that username.","field":"to"}})"));
    vm = BuildApprovals(app.state, app.clock);
    CHECK(vm.away.error_field == "to");
    CHECK(vm.away.error == "There is nobody with that username.");
}
