// Client app logic without ImGui: view-models (search, grouping, greeting, form errors, request
// detail), and actions/effects against a scripted network (session, drafts, submit, retry, 422).
#include <algorithm>

#include "fixtures.h"

using namespace fixtures;

namespace {

std::vector<std::string> Titles(const std::vector<const CatalogItem*>& items) {
    std::vector<std::string> out;
    for (const CatalogItem* i : items) out.push_back(i->title);
    return out;
}

const FieldViewModel* FindField(const FormViewModel& vm, const std::string& key) {
    for (const FieldViewModel& f : vm.fields)
        if (f.key == key) return &f;
    return nullptr;
}

}  // namespace

// ---- Catalog search and grouping --------------------------------------------------------------
TEST_CASE("catalog search matches title, summary, keywords and category, case-insensitively") {
    const auto items = Catalog();
    CHECK(Titles(SearchCatalog(items, "laptop")) == std::vector<std::string>{"New laptop", "Replacement charger"});
    CHECK(Titles(SearchCatalog(items, "NOTEBOOK")) == std::vector<std::string>{"New laptop"});
    CHECK(Titles(SearchCatalog(items, "hardware")).size() == 2);
    CHECK(Titles(SearchCatalog(items, "deductions")) == std::vector<std::string>{"Question about my payslip"});
    CHECK(Titles(SearchCatalog(items, "  new   LAPTOP ")) == std::vector<std::string>{"New laptop"});
    CHECK(SearchCatalog(items, "zebra").empty());
    CHECK(SearchCatalog(items, "").size() == items.size());
}

TEST_CASE("catalog groups by department: IT, HR, Facilities, items by sort order") {
    const auto items = Catalog();
    std::vector<const CatalogItem*> all;
    for (const auto& i : items) all.push_back(&i);
    const auto groups = GroupByDepartment(all);
    REQUIRE(groups.size() == 3);
    CHECK(groups[0].department == "IT");
    CHECK(groups[1].department == "HR");
    CHECK(groups[2].department == "Facilities");
    REQUIRE(groups[0].tiles.size() == 3);
    CHECK(groups[0].tiles[0].title == "New laptop");
    CHECK(groups[0].tiles[1].title == "Access to an application");
    CHECK(groups[0].tiles[0].fulfillment == "Usually ready in 3 business days");
}

TEST_CASE("greeting follows the browser's local time of day") {
    App app;
    app.SignedIn("#/");
    app.clock = Clock{kNow, 0};  // 09:30 UTC
    CHECK(BuildHome(app.state, app.clock).greeting == "Good morning, Emma");
    app.clock = Clock{kNow, 5 * 60};  // 14:30 local
    CHECK(BuildHome(app.state, app.clock).greeting == "Good afternoon, Emma");
    app.clock = Clock{kNow, -10 * 60};  // 23:30 the day before
    CHECK(BuildHome(app.state, app.clock).greeting == "Good evening, Emma");
    CHECK(LocalToday(app.clock).day == 9);
}

TEST_CASE("home shows up to five open requests and the catalog once loaded") {
    App app;
    app.SignedIn("#/");
    CHECK(app.api.Count("GET", "/api/v1/catalog") == 1);
    REQUIRE(app.api.Last("GET", "/api/v1/requests?status=open") != nullptr);
    CHECK(app.api.Last("GET", "/api/v1/requests?status=open")->request.path == "/api/v1/requests?status=open&page=1&page_size=5");
    // The latest done ones, for the survey banner.
    REQUIRE(app.api.Last("GET", "/api/v1/requests?status=done") != nullptr);
    CHECK(app.api.Last("GET", "/api/v1/requests?status=done")->request.path == "/api/v1/requests?status=done&page=1&page_size=10");
    HomeViewModel vm = BuildHome(app.state, app.clock);
    CHECK(vm.catalog.load.status == ViewStatus::loading);
    app.AnswerCatalog();
    std::vector<Request> open;
    for (int i = 1; i <= 6; ++i) open.push_back(MakeRequest(i, Status::new_, "Thing " + std::to_string(i)));
    app.api.Answer("GET", "/api/v1/requests?status=open", 200, api::EncodeRequestPage(Page(open, 9)));
    vm = BuildHome(app.state, app.clock);
    CHECK(vm.catalog.load.status == ViewStatus::ready);
    CHECK(vm.catalog.groups.size() == 3);
    CHECK(vm.open_requests.size() == 5);
    CHECK(vm.open_total == 9);
    CHECK(vm.open_requests[0].updated == "5 min ago");
    app.actions.SetSearch("payslip");
    vm = BuildHome(app.state, app.clock);
    CHECK(vm.catalog.searching);
    REQUIRE(vm.catalog.results.size() == 1);
    CHECK(vm.catalog.results[0].title == "Question about my payslip");
    app.actions.ClearSearch();
    CHECK_FALSE(BuildHome(app.state, app.clock).catalog.searching);
}

// ---- Session ------------------------------------------------------------------------------------
TEST_CASE("start-up restores the session from /me and keeps the route") {
    App app;
    app.SignedIn("#/requests/42");
    CHECK(app.state.session == SessionPhase::signed_in);
    CHECK(app.state.route.screen == Screen::request_detail);
    CHECK(app.api.Count("GET", "/api/v1/requests/42") == 1);
}

TEST_CASE("no session: sign-in first, then back to the route that was asked for") {
    App app;
    app.Go("#/catalog/3");
    REQUIRE(app.api.Answer("GET", "/api/v1/me", 401, R"({"error":{"code":"unauthenticated","message":"Sign in to continue."}})"));
    app.Sync();
    CHECK(app.state.route.screen == Screen::signin);
    REQUIRE(app.state.after_sign_in.has_value());
    CHECK(FormatRoute(*app.state.after_sign_in) == "#/catalog/3");
    CHECK(app.host.locations.back() == std::make_pair(std::string("#/signin"), true));

    app.actions.SignIn();  // empty: inline error, nothing sent
    CHECK(app.state.sign_in.error.has_value());
    CHECK(app.api.Count("POST", "/api/v1/session") == 0);

    app.actions.EditSignInUsername("emma");
    app.actions.EditSignInPassword("wrong");
    app.actions.SignIn();
    REQUIRE(app.api.Last("POST", "/api/v1/session") != nullptr);
    CHECK(app.api.Last("POST", "/api/v1/session")->request.body.find("\"emma\"") != std::string::npos);
    CHECK(app.api.Last("POST", "/api/v1/session")->Header("X-CSRF-Token").empty());
    app.api.Answer("POST", "/api/v1/session", 401, R"({"error":{"code":"invalid_credentials","message":"The username or password is incorrect."}})");
    CHECK(BuildSignIn(app.state).error == "The username or password is incorrect.");
    CHECK(app.state.sign_in.password.empty());

    app.actions.EditSignInPassword("spoc-demo");
    app.actions.SignIn();
    CHECK(BuildSignIn(app.state).submitting);
    app.api.Answer("POST", "/api/v1/session", 200, api::EncodeMe(EmmaMe()));
    CHECK(app.state.session == SessionPhase::signed_in);
    CHECK(FormatRoute(app.state.route) == "#/catalog/3");
    app.Sync();
    CHECK(app.api.Count("GET", "/api/v1/catalog/3") == 1);
}

TEST_CASE("rate limiting and network failures on sign-in are explained inline") {
    App app;
    app.Go("#/signin");
    app.api.Answer("GET", "/api/v1/me", 401, "{}");
    app.actions.EditSignInUsername("emma");
    app.actions.EditSignInPassword("x");
    app.actions.SignIn();
    app.api.Answer("POST", "/api/v1/session", 429, R"({"error":{"code":"rate_limited","message":"Too many attempts. Wait a moment and try again."}})");
    CHECK(BuildSignIn(app.state).error == "Too many attempts. Wait a moment and try again.");
    app.actions.SignIn();
    app.api.Answer("POST", "/api/v1/session", 0, "");
    CHECK(BuildSignIn(app.state).error.find("couldn't reach") != std::string::npos);
    CHECK(app.state.sign_in.password == "x");  // kept for the retry
}

TEST_CASE("a 401 anywhere sends the user to sign-in and back afterwards") {
    App app;
    app.SignedIn("#/requests?status=open");
    app.api.Answer("GET", "/api/v1/requests", 401, R"({"error":{"code":"unauthenticated","message":"Sign in to continue."}})");
    CHECK(app.state.session == SessionPhase::signed_out);
    CHECK(app.state.route.screen == Screen::signin);
    CHECK(FormatRoute(*app.state.after_sign_in) == "#/requests?status=open");
    CHECK_FALSE(app.state.toasts.empty());
}

TEST_CASE("start-up with the server down offers a retry") {
    App app;
    app.Go("#/");
    app.api.Answer("GET", "/api/v1/me", 0, "");
    CHECK_FALSE(BuildStartup(app.state).error.empty());
    app.actions.Retry();
    app.Sync();
    CHECK(app.api.Count("GET", "/api/v1/me") == 2);
}

TEST_CASE("sign out clears the user's data and returns to sign-in") {
    App app;
    app.OpenLaptopForm();
    app.actions.EditSummary(CatalogItemId(3), "draft");
    app.actions.SignOut();
    CHECK(app.api.Count("DELETE", "/api/v1/session") == 1);
    CHECK(app.api.Last("DELETE", "/api/v1/session")->Header("X-CSRF-Token") == "csrf-123");
    CHECK(app.state.drafts.empty());
    CHECK(app.state.route.screen == Screen::signin);
    CHECK_FALSE(app.state.me.has_value());
}

// ---- Catalog form -------------------------------------------------------------------------------
TEST_CASE("form view-model: visible fields, placeholders, radio vs combo") {
    App app;
    app.OpenLaptopForm();
    FormViewModel vm = BuildForm(app.state, CatalogItemId(3), app.clock);
    CHECK(vm.load.status == ViewStatus::ready);
    CHECK(vm.title == "New laptop");
    CHECK(vm.summary.placeholder == "New laptop");
    CHECK(vm.ask_urgency);
    CHECK(vm.requires_approval);
    CHECK(FindField(vm, "monitor_size") == nullptr);  // hidden until the checkbox is ticked
    REQUIRE(FindField(vm, "model") != nullptr);
    CHECK(FindField(vm, "model")->radio);
    CHECK(FindField(vm, "quantity")->text == "1");  // default value
    CHECK(FindField(vm, "needed_by")->placeholder == "YYYY-MM-DD");
    app.actions.EditField(CatalogItemId(3), "needs_monitor", FormValue::Bool(true));
    vm = BuildForm(app.state, CatalogItemId(3), app.clock);
    REQUIRE(FindField(vm, "monitor_size") != nullptr);
    CHECK_FALSE(FindField(vm, "monitor_size")->radio);  // 5 options: a combo
    app.actions.EditField(CatalogItemId(3), "needs_monitor", FormValue::Bool(false));
    CHECK(FindField(BuildForm(app.state, CatalogItemId(3), app.clock), "monitor_size") == nullptr);
}

TEST_CASE("form errors show only after a field is touched or a submit is attempted") {
    App app;
    app.OpenLaptopForm();
    const CatalogItemId id(3);
    FormViewModel vm = BuildForm(app.state, id, app.clock);
    CHECK(vm.error_count == 0);
    CHECK(vm.hidden_error_count >= 2);  // model and reason are required and empty
    CHECK(FindField(vm, "reason")->error.empty());

    app.actions.EditField(id, "cost_center", FormValue::Text("ab12"));
    CHECK(FindField(BuildForm(app.state, id, app.clock), "cost_center")->error.empty());  // typing: not yet
    app.actions.TouchField(id, "values.cost_center");
    CHECK(FindField(BuildForm(app.state, id, app.clock), "cost_center")->error == "Use the form AB-1234.");
    app.actions.EditField(id, "cost_center", FormValue::Text("AB-1234"));
    CHECK(FindField(BuildForm(app.state, id, app.clock), "cost_center")->error.empty());  // fixed as you type

    app.actions.Submit(id);
    CHECK(app.api.Count("POST", "/api/v1/requests") == 0);  // invalid drafts never leave the browser
    vm = BuildForm(app.state, id, app.clock);
    CHECK_FALSE(FindField(vm, "model")->error.empty());
    CHECK_FALSE(FindField(vm, "reason")->error.empty());
    CHECK(vm.error_count >= 2);
    CHECK(vm.hidden_error_count == 0);
}

TEST_CASE("a half-filled form survives navigation and errors") {
    App app;
    app.OpenLaptopForm();
    const CatalogItemId id(3);
    app.actions.EditField(id, "model", FormValue::Text("x1"));
    app.actions.EditSummary(id, "For the new analyst");
    Route home;
    app.actions.Navigate(home);
    app.Sync();
    app.Go("#/requests");
    app.Go("#/catalog/3");
    const FormViewModel vm = BuildForm(app.state, id, app.clock);
    CHECK(FindField(vm, "model")->text == "x1");
    CHECK(vm.summary.text == "For the new analyst");
    CHECK(app.api.Count("GET", "/api/v1/catalog/3") == 1);  // definition cached
}

namespace {
void FillLaptop(App& app) {
    const CatalogItemId id(3);
    app.actions.EditField(id, "model", FormValue::Text("mbp14"));
    app.actions.EditField(id, "reason", FormValue::Text("My old one died this morning."));
    app.actions.SetUrgency(id, Level::high);
}
}  // namespace

TEST_CASE("submit sends the draft with CSRF and an Idempotency-Key; success shows the number") {
    App app;
    app.OpenLaptopForm();
    const CatalogItemId id(3);
    FillLaptop(app);
    app.actions.Submit(id);
    const auto* sent = app.api.Last("POST", "/api/v1/requests");
    REQUIRE(sent != nullptr);
    CHECK(sent->Header("X-CSRF-Token") == "csrf-123");
    CHECK(sent->Header("Idempotency-Key") == "key-1");
    CHECK(sent->Header("Content-Type") == "application/json");
    auto decoded = api::DecodeDraft(sent->request.body);
    REQUIRE(decoded.ok());
    CHECK(decoded->catalog_item_id == id);
    CHECK(decoded->urgency == Level::high);
    CHECK(decoded->values.at("model").text == "mbp14");

    FormViewModel vm = BuildForm(app.state, id, app.clock);
    CHECK(vm.submitting);
    CHECK_FALSE(vm.submit_enabled);
    app.actions.Submit(id);  // double click: ignored
    CHECK(app.api.Count("POST", "/api/v1/requests") == 1);

    Request created = MakeRequest(57, Status::new_, "New laptop");
    app.api.Answer("POST", "/api/v1/requests", 201, api::EncodeRequest(created));
    vm = BuildForm(app.state, id, app.clock);
    CHECK(vm.succeeded);
    CHECK(vm.created_number == "REQ0000057");
    CHECK(vm.created_id == RequestId(57));
    app.actions.StartAnother(id);
    vm = BuildForm(app.state, id, app.clock);
    CHECK_FALSE(vm.succeeded);
    CHECK(FindField(vm, "model")->text.empty());  // a fresh form
}

TEST_CASE("server down: the form keeps its values and Retry reuses the Idempotency-Key") {
    App app;
    app.OpenLaptopForm();
    const CatalogItemId id(3);
    FillLaptop(app);
    app.actions.Submit(id);
    app.api.Answer("POST", "/api/v1/requests", 0, "");
    FormViewModel vm = BuildForm(app.state, id, app.clock);
    CHECK_FALSE(vm.banner.empty());
    CHECK(vm.banner_retry);
    CHECK(FindField(vm, "model")->text == "mbp14");

    app.actions.RetrySubmit(id);
    CHECK(app.api.Count("POST", "/api/v1/requests") == 2);
    CHECK(app.api.Last("POST", "/api/v1/requests")->Header("Idempotency-Key") == "key-1");
    app.api.Answer("POST", "/api/v1/requests", 503, R"({"error":{"code":"unavailable","message":"The service is temporarily unavailable."}})");
    CHECK(BuildForm(app.state, id, app.clock).banner_retry);
    app.actions.RetrySubmit(id);
    CHECK(app.api.Last("POST", "/api/v1/requests")->Header("Idempotency-Key") == "key-1");
    app.api.Answer("POST", "/api/v1/requests", 0, "");

    // Editing makes it a different submission: a new key next time.
    app.actions.EditSummary(id, "Changed my mind");
    vm = BuildForm(app.state, id, app.clock);
    CHECK_FALSE(vm.banner_retry);
    app.actions.Submit(id);
    CHECK(app.api.Last("POST", "/api/v1/requests")->Header("Idempotency-Key") == "key-2");
}

TEST_CASE("422 details are mapped onto the form's fields") {
    App app;
    app.OpenLaptopForm();
    const CatalogItemId id(3);
    FillLaptop(app);
    app.actions.Submit(id);
    app.api.Answer("POST", "/api/v1/requests", 422,
                   R"({"error":{"code":"validation_failed","message":"Some fields are not valid.","field":"values.model",)"
                   R"("details":[{"field":"values.model","message":"That model is out of stock."},{"field":"summary","message":"Too vague."}]}})");
    FormViewModel vm = BuildForm(app.state, id, app.clock);
    CHECK(FindField(vm, "model")->error == "That model is out of stock.");
    CHECK(vm.summary.error == "Too vague.");
    CHECK_FALSE(vm.banner_retry);
    CHECK(vm.error_count == 2);
    app.actions.EditField(id, "model", FormValue::Text("x1"));
    vm = BuildForm(app.state, id, app.clock);
    CHECK(FindField(vm, "model")->error.empty());  // the server's complaint goes once the field changes
    CHECK(vm.summary.error == "Too vague.");
}

TEST_CASE("a session that ends during submit keeps the draft and the key for a retry") {
    App app;
    app.OpenLaptopForm();
    const CatalogItemId id(3);
    FillLaptop(app);
    app.actions.Submit(id);
    app.api.Answer("POST", "/api/v1/requests", 401, R"({"error":{"code":"unauthenticated","message":"Sign in to continue."}})");
    CHECK(app.state.route.screen == Screen::signin);
    app.actions.EditSignInUsername("emma");
    app.actions.EditSignInPassword("spoc-demo");
    app.actions.SignIn();
    app.api.Answer("POST", "/api/v1/session", 200, api::EncodeMe(EmmaMe()));
    CHECK(FormatRoute(app.state.route) == "#/catalog/3");
    FormViewModel vm = BuildForm(app.state, id, app.clock);
    CHECK(vm.banner_retry);
    CHECK(FindField(vm, "reason")->text == "My old one died this morning.");
    app.actions.RetrySubmit(id);
    CHECK(app.api.Last("POST", "/api/v1/requests")->Header("Idempotency-Key") == "key-1");
}

// ---- My requests and detail -----------------------------------------------------------------------
TEST_CASE("request list: filter tabs, paging and empty state") {
    App app;
    app.SignedIn("#/requests?status=open&page=2");
    REQUIRE(app.api.Last("GET", "/api/v1/requests") != nullptr);
    CHECK(app.api.Last("GET", "/api/v1/requests")->request.path == "/api/v1/requests?status=open&page=2&page_size=20");
    std::vector<Request> rows;
    for (int i = 21; i <= 30; ++i) rows.push_back(MakeRequest(i, Status::assigned, "Request " + std::to_string(i)));
    app.api.Answer("GET", "/api/v1/requests", 200, api::EncodeRequestPage(Page(rows, 30, 2, 20)));
    RequestListViewModel vm = BuildRequestList(app.state, app.clock);
    CHECK(vm.rows.size() == 10);
    CHECK(vm.page == 2);
    CHECK(vm.page_count == 2);
    CHECK(vm.has_prev);
    CHECK_FALSE(vm.has_next);
    CHECK(vm.range == "21\xE2\x80\x93" "30 of 30");
    CHECK(vm.rows[0].status == "Assigned");
    CHECK(vm.rows[0].priority == "P3 Moderate");
    CHECK(vm.tabs[1].selected);

    app.actions.SetFilter(RequestFilter{StatusFilter::done, Status::new_});
    CHECK(FormatRoute(app.state.route) == "#/requests?status=done");
    app.Sync();
    CHECK(BuildRequestList(app.state, app.clock).load.refreshing);  // old rows dimmed while loading
    app.api.Answer("GET", "/api/v1/requests", 200, api::EncodeRequestPage(Page({}, 0)));
    vm = BuildRequestList(app.state, app.clock);
    CHECK(vm.load.status == ViewStatus::ready);
    CHECK(vm.rows.empty());
    CHECK(vm.empty_title == "Nothing finished yet");
}

TEST_CASE("request detail: form lines, conversation with internal note, reply") {
    App app;
    app.SignedIn("#/requests/42");
    app.api.Answer("GET", "/api/v1/requests/42", 200, api::EncodeRequest(DetailedRequest()));
    app.Sync();
    RequestDetailViewModel vm = BuildRequestDetail(app.state, RequestId(42), app.clock);
    CHECK(vm.number == "REQ0000042");
    CHECK(vm.status == "In progress");
    CHECK(vm.form_loading);  // waiting for the item's labels
    app.AnswerItem(Laptop());
    vm = BuildRequestDetail(app.state, RequestId(42), app.clock);
    CHECK_FALSE(vm.form_loading);
    REQUIRE_FALSE(vm.form_lines.empty());
    CHECK(vm.form_lines[0].first == "Laptop model");
    CHECK(vm.form_lines[0].second == "MacBook Pro 14\"");
    REQUIRE(vm.conversation.size() == 3);
    CHECK(vm.conversation[0].is_me);
    CHECK(vm.conversation[0].role == "You");
    CHECK(vm.conversation[1].is_staff);
    CHECK(vm.conversation[2].internal);
    CHECK(vm.conversation[2].when == "30 min ago");
    CHECK_FALSE(vm.reply_enabled);

    app.actions.EditReply(RequestId(42), "  Thanks!  ");
    vm = BuildRequestDetail(app.state, RequestId(42), app.clock);
    CHECK(vm.reply_enabled);
    app.actions.SendReply(RequestId(42));
    const auto* sent = app.api.Last("POST", "/api/v1/requests/42/comments");
    REQUIRE(sent != nullptr);
    CHECK(sent->Header("X-CSRF-Token") == "csrf-123");
    Comment c;
    c.id = CommentId(9);
    c.author_id = UserId(2);
    c.author_name = "Emma Jones";
    c.body = "Thanks!";
    c.created_at = kNow;
    app.api.Answer("POST", "/api/v1/requests/42/comments", 201, api::EncodeComment(c));
    vm = BuildRequestDetail(app.state, RequestId(42), app.clock);
    CHECK(vm.conversation.size() == 4);
    CHECK(vm.reply_text.empty());

    app.actions.CopyText(vm.number, "Copied");
    CHECK(app.host.copied.back() == "REQ0000042");
}

TEST_CASE("a reply that fails is kept; a missing request explains itself") {
    App app;
    app.SignedIn("#/requests/42");
    app.api.Answer("GET", "/api/v1/requests/42", 200, api::EncodeRequest(DetailedRequest()));
    app.actions.EditReply(RequestId(42), "Any news?");
    app.actions.SendReply(RequestId(42));
    app.api.Answer("POST", "/api/v1/requests/42/comments", 0, "");
    RequestDetailViewModel vm = BuildRequestDetail(app.state, RequestId(42), app.clock);
    CHECK(vm.reply_text == "Any news?");
    CHECK_FALSE(vm.reply_error.empty());

    app.Go("#/requests/999");
    app.api.Answer("GET", "/api/v1/requests/999", 404, R"({"error":{"code":"not_found","message":"Not found."}})");
    vm = BuildRequestDetail(app.state, RequestId(999), app.clock);
    CHECK(vm.load.status == ViewStatus::failed);
    CHECK_FALSE(vm.load.retryable);
    CHECK(vm.load.error.find("couldn't find") != std::string::npos);
}

TEST_CASE("document titles name the screen") {
    App app;
    app.SignedIn("#/requests");
    CHECK(DocumentTitle(app.state) == "My requests \xC2\xB7 Spoc");
    app.Go("#/catalog/3");
    app.AnswerItem(Laptop());
    CHECK(DocumentTitle(app.state) == "New laptop \xC2\xB7 Spoc");
}

TEST_CASE("a problem the form can't show still explains a blocked submit") {
    App app;
    app.OpenLaptopForm();
    const CatalogItemId id(3);
    FillLaptop(app);
    app.actions.EditField(id, "retired_field", FormValue::Text("x"));  // e.g. a stale draft after the item changed
    app.actions.Submit(id);
    CHECK(app.api.Count("POST", "/api/v1/requests") == 0);
    const FormViewModel vm = BuildForm(app.state, id, app.clock);
    CHECK(vm.banner.find("retired_field") != std::string::npos);
}
