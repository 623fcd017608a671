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
