// Headless tests of #/people (admins): the page loads for the search and page, an editor opens with
// the person's values, the shared decoder's refusal shows before anything is sent, Save sends only
// what changed and updates the card, and only admins load or see the screen.
#include "fixtures.h"

using namespace fixtures;

namespace {

User Admin() {
    User u;
    u.id = UserId(1);
    u.username = "root";
    u.display_name = "Spoc Admin";
    u.role = Role::admin;
    return u;
}

api::PeoplePage Page() {
    api::PeoplePage page;
    api::PersonView emma;
    emma.id = UserId(2);
    emma.username = "emma";
    emma.display_name = "Emma Jones";
    emma.department = "Finance";
    emma.manager_id = UserId(9);
    emma.manager_username = "olivia";
    emma.manager_name = "Olivia Grant";
    api::PersonView liam;
    liam.id = UserId(3);
    liam.username = "liam";
    liam.display_name = "Liam Chen";
    liam.department = "Marketing";
    page.items = {emma, liam};
    page.total = 30;
    page.page = 1;
    page.page_size = 25;
    return page;
}

void SignInAdmin(App& app, const std::string& hash) {
    app.actions.OnLocationChanged(hash);
    app.Sync();
    REQUIRE(app.api.Answer("GET", "/api/v1/me", 200, api::EncodeMe(api::Me{Admin(), "csrf-admin"})));
    app.Sync();
}

}  // namespace

TEST_CASE("people: admins search, page and edit departments and managers; refusals before sending") {
    App app;
    SignInAdmin(app, "#/people");
    REQUIRE(app.api.Answer("GET", "/api/v1/users?page=1&page_size=25", 200, api::EncodePeoplePage(Page())));
    app.Sync();
    PeopleViewModel vm = BuildPeople(app.state);
    REQUIRE(vm.rows.size() == 2);
    CHECK(vm.summary == "30 people");
    CHECK(vm.rows[0].manager == "Olivia Grant (olivia)");
    CHECK(vm.rows[1].manager == "No manager");
    CHECK(vm.rows[1].detail == "liam · Employee");
    CHECK(vm.has_next);
    CHECK_FALSE(vm.has_prev);
    CHECK(vm.page_label == "Page 1 of 2");

    app.actions.SearchPeople("fin");
    app.Sync();
    REQUIRE(app.api.Count("GET", "/api/v1/users?page=1&page_size=25&q=fin") == 1);
    api::PeoplePage found = Page();
    found.items.resize(1);
    found.total = 1;
    REQUIRE(app.api.Answer("GET", "/api/v1/users?page=1&page_size=25&q=fin", 200, api::EncodePeoplePage(found)));
    app.Sync();
    vm = BuildPeople(app.state);
    CHECK(vm.summary == "1 person matches “fin”");

    app.actions.EditPerson(2);
    vm = BuildPeople(app.state);
    REQUIRE(vm.rows[0].editing);
    CHECK(vm.rows[0].draft_department == "Finance");
    CHECK(vm.rows[0].draft_manager == "olivia");
    CHECK_FALSE(vm.rows[0].can_save);  // nothing changed yet

    app.actions.EditPersonDepartment(2, "   ");
    vm = BuildPeople(app.state);
    CHECK_FALSE(vm.rows[0].can_save);
    CHECK(vm.rows[0].error == "Enter a department.");
    CHECK(vm.rows[0].error_field == "department");
    app.actions.SavePerson(2);
    CHECK(app.api.Count("PATCH", "/api/v1/users/2") == 0);

    app.actions.EditPersonDepartment(2, "Sales");
    app.actions.EditPersonManager(2, "liam");
    vm = BuildPeople(app.state);
    CHECK(vm.rows[0].can_save);
    CHECK(vm.rows[0].error.empty());
    app.actions.SavePerson(2);
    const auto* sent = app.api.Last("PATCH", "/api/v1/users/2");
    REQUIRE(sent);
    CHECK(sent->Header("X-CSRF-Token") == "csrf-admin");
    auto patch = api::DecodePersonPatch(sent->request.body);
    REQUIRE(patch.ok());
    CHECK(patch->department == std::optional<std::string>("Sales"));
    CHECK(patch->manager == std::optional<std::string>("liam"));

    // A refusal from the server stays under the editor, on its field.
    REQUIRE(app.api.Answer("PATCH", "/api/v1/users/2", 422,
                           R"({"error":{"code":"validation_failed","message":"That would make a loop.","field":"manager"}})"));
    vm = BuildPeople(app.state);
    CHECK(vm.rows[0].editing);
    CHECK(vm.rows[0].error == "That would make a loop.");
    CHECK(vm.rows[0].error_field == "manager");

    app.actions.SavePerson(2);
    api::PersonView saved = Page().items[0];
    saved.department = "Sales";
    saved.manager_id = UserId(3);
    saved.manager_username = "liam";
    saved.manager_name = "Liam Chen";
    REQUIRE(app.api.Answer("PATCH", "/api/v1/users/2", 200, api::EncodePerson(saved)));
    vm = BuildPeople(app.state);
    CHECK_FALSE(vm.rows[0].editing);
    CHECK(vm.rows[0].department == "Sales");
    CHECK(vm.rows[0].manager == "Liam Chen (liam)");

    Harness h;
    h.Frames(app, 3);
    CHECK(HasItem("person_edit_2"));
    CHECK(HasItem("people_search"));
}

TEST_CASE("people: an employee neither loads nor sees #/people") {
    App app;
    app.SignedIn("#/people");
    CHECK(app.api.Count("GET", "/api/v1/users") == 0);
    Harness h;
    h.Frames(app, 3);
    CHECK_FALSE(HasItem("people_search"));
    CHECK(HasItem("go_home"));
}
