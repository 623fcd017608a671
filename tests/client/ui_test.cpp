// Headless ImGui: every screen renders from fixtures (loading, error, empty and ready states)
// with balanced stacks, and the item hooks report the labels the e2e tests rely on. A few
// interactions go through real ImGui input events (mouse clicks, typed characters, Enter).
#include "client/ui/widgets.h"
#include "fixtures.h"

using namespace fixtures;

TEST_CASE("item hooks split labels into visible text and id") {
    App app;
    Harness h;
    app.Go("#/signin");
    app.api.Answer("GET", "/api/v1/me", 401, "{}");
    h.Frames(app, 3);
    const auto* button = ui::hooks::FindItem("signin");
    REQUIRE(button != nullptr);
    CHECK(button->label == "Sign in");
    CHECK(button->w > 100);
    const auto* user = ui::hooks::FindItem("username");
    REQUIRE(user != nullptr);
    CHECK(user->label == "Username");  // annotated: the input itself is drawn with "##username"
    CHECK(user->inputable);
    CHECK(HasItem("Password"));
    CHECK(ui::hooks::RecordedFrames() >= 3);
    const std::string json = ui::hooks::LastFrameItemsJson();
    CHECK(json.find("{\"label\":\"Sign in\",\"id\":\"signin\"") != std::string::npos);
}

TEST_CASE("start-up: spinner while checking, then an error with Retry when the server is down") {
    App app;
    Harness h;
    app.Go("#/");
    h.Frames(app, 2);
    CHECK_FALSE(HasItem("signin"));
    app.api.Answer("GET", "/api/v1/me", 0, "");
    h.Frames(app, 2);
    CHECK(HasItem("retry"));
    CHECK(h.Click(app, "retry"));
    CHECK(app.api.Count("GET", "/api/v1/me") == 2);
}

TEST_CASE("sign-in: typing reaches the inputs and Enter submits") {
    App app;
    Harness h;
    app.Go("#/signin");
    app.api.Answer("GET", "/api/v1/me", 401, "{}");
    h.Frames(app, 2);  // first frame focuses the username field
    h.Type(app, "emma");
    CHECK(app.state.sign_in.username == "emma");
    REQUIRE(h.Click(app, "password"));
    h.Type(app, "spoc-demo");
    CHECK(app.state.sign_in.password == "spoc-demo");
    h.Key(app, ImGuiKey_Enter);
    REQUIRE(app.api.Count("POST", "/api/v1/session") == 1);
    h.Frames(app, 2);
    app.api.Answer("POST", "/api/v1/session", 401, R"({"error":{"code":"invalid_credentials","message":"The username or password is incorrect."}})");
    h.Frames(app, 2);
    CHECK(HasItem("signin"));  // still on the sign-in card, with the error inline
    CHECK(app.state.sign_in.error.has_value());
}

TEST_CASE("home renders loading, then tiles by department and open requests") {
    App app;
    Harness h;
    app.SignedIn("#/");
    h.Frames(app, 3);  // skeletons
    CHECK(HasItem("nav_home"));
    CHECK(HasItem("Search the catalog"));
    CHECK_FALSE(HasItem("tile_3"));
    app.AnswerCatalog();
    app.api.Answer("GET", "/api/v1/requests", 200,
                   api::EncodeRequestPage(Page({MakeRequest(12, Status::pending, "Monitor arm"), MakeRequest(11, Status::new_, "VPN access")}, 2)));
    h.Frames(app, 3);
    CHECK(HasLabel("New laptop"));
    CHECK(HasLabel("Parking permit"));
    CHECK(HasLabel("Question about my payslip"));
    CHECK(HasItem("open_12"));
    CHECK(HasItem("all_requests"));

    // Search as you type narrows the tiles; Esc clears.
    REQUIRE(h.Click(app, "search"));
    h.Type(app, "park");
    CHECK(app.state.search == "park");
    CHECK(HasLabel("Parking permit"));
    CHECK_FALSE(HasLabel("New laptop"));
    h.Key(app, ImGuiKey_Escape);
    CHECK(app.state.search.empty());

    REQUIRE(h.Click(app, "tile_3"));
    CHECK(FormatRoute(app.state.route) == "#/catalog/3");
}

TEST_CASE("home shows an error panel when the catalog fails, and Retry reloads it") {
    App app;
    Harness h;
    app.SignedIn("#/");
    app.api.Answer("GET", "/api/v1/catalog", 500, R"({"error":{"code":"internal","message":"Something went wrong on the server."}})");
    app.api.Answer("GET", "/api/v1/requests", 200, api::EncodeRequestPage(Page({}, 0)));
    h.Frames(app, 3);
    REQUIRE(HasItem("retry"));
    REQUIRE(h.Click(app, "retry"));
    CHECK(app.api.Count("GET", "/api/v1/catalog") == 2);
}

TEST_CASE("catalog page renders groups and its search") {
    App app;
    Harness h;
    app.SignedIn("#/catalog");
    h.Frames(app, 2);
    app.AnswerCatalog();
    h.Frames(app, 2);
    CHECK(HasLabel("Access to an application"));
    CHECK(HasItem("nav_catalog"));
}

TEST_CASE("form screen: every visible field is labelled; conditional fields appear live") {
    App app;
    Harness h;
    app.SignedIn("#/catalog/3");
    h.Frames(app, 2);  // skeleton while the definition loads
    CHECK_FALSE(HasItem("submit"));
    app.AnswerItem(Laptop());
    h.Frames(app, 3);
    for (const char* label : {"Laptop model", "Why do you need it?", "I also need an external monitor", "Accessories", "Cost center",
                              "How many?", "Needed by", "Summary", "Description"}) {
        const std::string name = label;
        CAPTURE(name);
        CHECK(HasLabel(name));
    }
    CHECK(HasItem("values.model:mbp14"));  // radio list for <= 4 options
    CHECK(HasItem("values.accessories:mouse"));
    CHECK(HasItem("urgency_high"));
    CHECK(HasItem("submit"));
    CHECK_FALSE(HasLabel("Monitor size"));

    REQUIRE(h.Click(app, "values.needs_monitor"));
    CHECK(app.state.drafts[3].draft.values["needs_monitor"].checked);
    h.Frames(app, 2);
    CHECK(HasLabel("Monitor size"));  // a combo now
    CHECK(HasItem("values.monitor_size"));

    REQUIRE(h.Click(app, "values.model:x1"));
    CHECK(app.state.drafts[3].draft.values["model"].text == "x1");
    REQUIRE(h.Click(app, "values.accessories:headset"));
    CHECK(app.state.drafts[3].draft.values["accessories"].list == std::vector<std::string>{"headset"});

    // Typing into a field, then leaving it, shows its error inline.
    REQUIRE(h.Click(app, "values.cost_center"));
    h.Type(app, "nope");
    CHECK(app.state.drafts[3].draft.values["cost_center"].text == "nope");
    REQUIRE(h.Click(app, "values.quantity"));
    h.Frames(app, 2);
    CHECK(app.state.drafts[3].touched.count("values.cost_center") == 1);

    // Summary and description are the draft's own fields, not form values.
    REQUIRE(h.Click(app, "summary"));
    h.Type(app, "For the new analyst");
    REQUIRE(h.Click(app, "description"));
    h.Type(app, "Starts Monday");
    CHECK(app.state.drafts[3].draft.summary == "For the new analyst");
    CHECK(app.state.drafts[3].draft.description == "Starts Monday");
    CHECK(app.state.drafts[3].draft.values.count("summary") == 0);

    // Submit with errors: nothing is sent, every error shows.
    REQUIRE(h.Click(app, "submit"));
    CHECK(app.api.Count("POST", "/api/v1/requests") == 0);
    CHECK(BuildForm(app.state, CatalogItemId(3), app.clock).error_count >= 3);
    h.Frames(app, 2);
}

TEST_CASE("form screen: submitting, server down with Retry, then success panel") {
    App app;
    Harness h;
    app.OpenLaptopForm();
    const CatalogItemId id(3);
    app.actions.EditField(id, "model", FormValue::Text("mbp14"));
    app.actions.EditField(id, "reason", FormValue::Text("Old one is broken"));
    h.Frames(app, 2);
    REQUIRE(h.Click(app, "submit"));
    CHECK(app.api.Count("POST", "/api/v1/requests") == 1);
    h.Frames(app, 2);
    CHECK(HasLabel("Submitting\xE2\x80\xA6"));
    app.api.Answer("POST", "/api/v1/requests", 0, "");
    h.Frames(app, 2);
    REQUIRE(HasItem("retry_submit"));
    REQUIRE(h.Click(app, "retry_submit"));
    CHECK(app.api.Last("POST", "/api/v1/requests")->Header("Idempotency-Key") == "key-1");
    app.api.Answer("POST", "/api/v1/requests", 201, api::EncodeRequest(MakeRequest(57, Status::new_, "New laptop")));
    h.Frames(app, 2);
    CHECK(HasLabel("View REQ0000057"));
    REQUIRE(h.Click(app, "view_created"));
    CHECK(FormatRoute(app.state.route) == "#/requests/57");
}

TEST_CASE("form screen: item that fails to load shows an error") {
    App app;
    Harness h;
    app.SignedIn("#/catalog/3");
    app.api.Answer("GET", "/api/v1/catalog/3", 0, "");
    h.Frames(app, 2);
    CHECK(HasItem("retry"));
}

TEST_CASE("my requests: skeleton, rows, paging and empty state") {
    App app;
    Harness h;
    app.SignedIn("#/requests");
    h.Frames(app, 2);
    CHECK(HasItem("filter_all"));
    CHECK(HasItem("filter_open"));
    std::vector<Request> rows;
    for (int i = 1; i <= 20; ++i) rows.push_back(MakeRequest(100 - i, i % 2 ? Status::resolved : Status::new_, "Row " + std::to_string(i)));
    app.api.Answer("GET", "/api/v1/requests", 200, api::EncodeRequestPage(Page(rows, 25)));
    h.Frames(app, 2);
    CHECK(HasItem("row_99"));
    CHECK(HasItem("next_page"));
    REQUIRE(h.Click(app, "next_page"));
    CHECK(FormatRoute(app.state.route) == "#/requests?page=2");
    app.api.Answer("GET", "/api/v1/requests", 200, api::EncodeRequestPage(Page({MakeRequest(3, Status::closed, "Old one")}, 25, 2)));
    h.Frames(app, 2);
    REQUIRE(h.Click(app, "row_3"));
    CHECK(FormatRoute(app.state.route) == "#/requests/3");

    app.Go("#/requests?status=open");
    app.api.Answer("GET", "/api/v1/requests?", 200, api::EncodeRequestPage(Page({}, 0)));
    h.Frames(app, 2);
    CHECK(HasItem("empty_browse"));
}

TEST_CASE("request detail: header, conversation, reply and copy") {
    App app;
    Harness h;
    app.SignedIn("#/requests/42");
    h.Frames(app, 2);  // skeleton
    app.api.Answer("GET", "/api/v1/requests/42", 200, api::EncodeRequest(DetailedRequest()));
    h.Frames(app, 2);
    app.AnswerItem(Laptop());
    h.Frames(app, 2);
    CHECK(HasItem("copy_number"));
    CHECK(HasItem("reply"));
    CHECK(HasItem("send_reply"));
    REQUIRE(h.Click(app, "copy_number"));
    CHECK(app.host.copied.back() == "REQ0000042");
    REQUIRE(h.Click(app, "reply"));
    h.Type(app, "Thanks, Monday works.");
    CHECK(app.state.replies[42].text == "Thanks, Monday works.");
    REQUIRE(h.Click(app, "send_reply"));
    CHECK(app.api.Count("POST", "/api/v1/requests/42/comments") == 1);
    h.Frames(app, 2);
}

TEST_CASE("not-found route and narrow windows render") {
    App app;
    Harness h(420, 3200);
    app.SignedIn("#/nowhere");
    h.Frames(app, 2);
    CHECK(HasItem("go_home"));
    app.Go("#/catalog/3");
    app.AnswerItem(Laptop());
    h.Frames(app, 2);
    CHECK(HasItem("submit"));
    app.Go("#/requests");
    app.api.Answer("GET", "/api/v1/requests", 200, api::EncodeRequestPage(Page({MakeRequest(1, Status::new_, "x")}, 1)));
    h.Frames(app, 2);
    CHECK(HasItem("row_1"));
}

TEST_CASE("the page column doesn't shift sideways when the page grows past the window (stable scrollbar gutter)") {
    App app;
    Harness h(1280, 700);
    app.SignedIn("#/");
    h.Frames(app, 3);  // skeletons: short page, no scrollbar
    const auto* before = ui::hooks::FindItem("search");
    REQUIRE(before);
    const float x = before->x, w = before->w;
    app.AnswerCatalog();
    app.api.Answer("GET", "/api/v1/requests", 200, api::EncodeRequestPage(Page({MakeRequest(12, Status::pending, "Monitor arm")}, 1)));
    h.Frames(app, 3);  // the tiles make it scroll
    REQUIRE(ImGui::FindWindowByName("Spoc##root") != nullptr);
    const auto* after = ui::hooks::FindItem("search");
    REQUIRE(after);
    CHECK(after->x == doctest::Approx(x));
    CHECK(after->w == doctest::Approx(w));
}

TEST_CASE("the field with the keyboard is described for the browser's text proxy (autocomplete, password, multi-line)") {
    App app;
    Harness h;
    app.Go("#/signin");
    app.api.Answer("GET", "/api/v1/me", 401, "{}");
    h.Frames(app, 2);  // the first frame focuses the username field
    h.Frames(app, 1);
    CHECK(ui::CurrentTextField().active);
    CHECK(ui::CurrentTextField().autocomplete == "username");
    CHECK_FALSE(ui::CurrentTextField().password);
    REQUIRE(h.Click(app, "password"));
    CHECK(ui::CurrentTextField().active);
    CHECK(ui::CurrentTextField().password);
    CHECK(ui::CurrentTextField().autocomplete == "current-password");
    CHECK(ui::CurrentTextField().y > 0);

    App form;
    Harness h2;
    form.OpenLaptopForm();
    h2.Frames(form, 3);
    REQUIRE(h2.Click(form, "description"));
    CHECK(ui::CurrentTextField().active);
    CHECK(ui::CurrentTextField().multiline);
    CHECK(ui::CurrentTextField().autocomplete == "off");
    h2.Key(form, ImGuiKey_Escape);
    h2.Frames(form, 1);
    CHECK_FALSE(ui::CurrentTextField().active);
}

TEST_CASE("text proxy edits (phone Backspace, autocorrect, autofill, dictation) reach the field, which reports its text and selection") {
    App app;
    Harness h;
    app.Go("#/signin");
    app.api.Answer("GET", "/api/v1/me", 401, "{}");
    h.Frames(app, 3);  // the username field has the keyboard
    REQUIRE(ui::CurrentTextField().active);
    ui::QueueTextFieldEdit(0, 0, "emmq");  // typed on a phone keyboard
    h.Frames(app, 1);
    CHECK(ui::CurrentTextField().text == "emmq");
    CHECK(ui::CurrentTextField().sel_start == 4);
    CHECK(ui::CurrentTextField().sel_end == 4);
    ui::QueueTextFieldEdit(3, 4, "");  // its Backspace (keyCode 229: no key reaches ImGui)
    h.Frames(app, 1);
    CHECK(ui::CurrentTextField().text == "emm");
    ui::QueueTextFieldEdit(0, 3, "emma");  // autocorrect replaces the word before the caret
    h.Frames(app, 1);
    CHECK(ui::CurrentTextField().text == "emma");
    CHECK(ui::CurrentTextField().sel_start == 4);
    h.Key(app, ImGuiKey_LeftArrow);  // ImGui's own caret movement is reported back
    CHECK(ui::CurrentTextField().sel_start == 3);
    ui::QueueTextFieldEdit(0, 0, "\x01\n");  // control characters never get in
    h.Frames(app, 1);
    CHECK(ui::CurrentTextField().text == "emma");
    ui::QueueTextFieldEdit(2, 4, "ö\xf0\x9f\x99\x82");  // code points, not bytes
    h.Frames(app, 1);
    CHECK(ui::CurrentTextField().text == "emö\xf0\x9f\x99\x82");
    CHECK(ui::CurrentTextField().sel_start == 4);
    REQUIRE(h.Click(app, "password"));
    ui::QueueTextFieldEdit(0, 0, "s3cret pass");  // a password manager fills the field
    h.Frames(app, 1);
    CHECK(ui::CurrentTextField().password);
    CHECK(ui::CurrentTextField().text == "s3cret pass");

    App form;
    Harness h2;
    form.OpenLaptopForm();
    h2.Frames(form, 3);
    REQUIRE(h2.Click(form, "description"));
    REQUIRE(ui::CurrentTextField().multiline);
    ui::QueueTextFieldEdit(0, 0, "Line one\r\nLine two");  // dictation or a paste bubble: line breaks kept
    h2.Frames(form, 1);
    CHECK(ui::CurrentTextField().text == "Line one\nLine two");
    CHECK(ui::CurrentTextField().sel_start == 17);
    ui::QueueTextFieldEdit(4, 8, "");
    h2.Frames(form, 1);
    CHECK(ui::CurrentTextField().text == "Line\nLine two");
    CHECK(ui::CurrentTextField().sel_start == 4);
    h2.Key(form, ImGuiKey_Escape);
    REQUIRE(h2.Click(form, "values.quantity"));
    REQUIRE(ui::CurrentTextField().active);
    const int before = static_cast<int>(ui::CurrentTextField().text.size());
    ui::QueueTextFieldEdit(0, before, "12ab");  // a number field keeps what its keyboard filter allows
    h2.Frames(form, 1);
    CHECK(ui::CurrentTextField().text == "12");
}
