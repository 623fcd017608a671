// Headless tests of the walk-up kiosk (#/kiosk) with a scripted server: pairing with a code, the
// welcome screen, identifying by username or as a guest (checked with the shared rules before
// anything is sent), a badge reader's fast typing counted as a scan, the reason, the ticket, and
// the privacy reset (after Done or 30 s idle nothing of the person stays in state or on screen).
#include "fixtures.h"
#include "client/ui/widgets.h"
#include "shared/api/walkup_dto.h"

using namespace fixtures;

namespace {

std::string Device() {
    api::KioskDevice d;
    d.id = 1;
    d.name = "Lobby kiosk";
    d.location.id = 1;
    d.location.key = "london-hq";
    d.location.name = "London HQ IT Bar";
    d.location.open_now = true;
    d.location.desks = {{1, "Desk 1"}};
    d.reasons = {{"laptop", "Laptop problem"}, {"password", "Password or MFA"}};
    d.csrf_token = "kiosk-csrf";
    return api::EncodeKioskDevice(d);
}

std::string Visit(const std::string& ticket, int position) {
    api::Visit v;
    v.id = 7;
    v.location_id = 1;
    v.ticket = ticket;
    v.status = walkup::VisitStatus::waiting;
    v.board_name = "Emma J.";
    v.position = position;
    v.wait = {5, 10};
    return api::EncodeVisit(v);
}

bool Drawn(const std::string& text) {
    for (const auto& item : ui::hooks::LastFrameItems())
        if (item.label.find(text) != std::string::npos) return true;
    return false;
}

// A kiosk that is paired and on its welcome screen.
void ReadyKiosk(App& app, Harness& h) {
    app.Go("#/kiosk");
    h.Frames(app, 2);
    REQUIRE(app.api.Answer("GET", "/api/v1/kiosk/me", 200, Device()));
    h.Frames(app, 2);
    REQUIRE(app.state.kiosk.phase == KioskPhase::ready);
    app.api.Answer("GET", "/api/v1/kiosk/board", 200, api::EncodeBoard(api::Board{1, "London HQ IT Bar", {}, {}, 0, {}}));
    h.Frames(app, 2);
}

}  // namespace

TEST_CASE("kiosk: an unpaired kiosk shows a one-time code, polls, and starts once an admin paired it; no session is asked for") {
    App app;
    Harness h(1080, 1920);
    app.Go("#/kiosk");
    h.Frames(app, 2);
    CHECK(app.api.Count("GET", "/api/v1/me") == 0);  // a kiosk never asks who is signed in
    REQUIRE(app.api.Answer("GET", "/api/v1/kiosk/me", 401, R"({"error":{"code":"unauthenticated","message":"x"}})"));
    h.Frames(app, 2);
    REQUIRE(app.api.Answer("POST", "/api/v1/kiosk/pairing", 201, R"({"state":"pending","code":"7KQ-4MX"})"));
    h.Frames(app, 2);
    CHECK(app.state.kiosk.phase == KioskPhase::pairing);
    CHECK(Drawn("7KQ-4MX"));
    CHECK(app.state.route.screen == Screen::kiosk);  // not sent to sign-in
    app.clock.now += kKioskPollMs;
    h.Frames(app, 2);
    REQUIRE(app.api.Answer("GET", "/api/v1/kiosk/pairing", 200, R"({"state":"paired","location_id":1})"));
    h.Frames(app, 2);
    REQUIRE(app.api.Answer("GET", "/api/v1/kiosk/me", 200, Device()));
    h.Frames(app, 2);
    CHECK(app.state.kiosk.phase == KioskPhase::ready);
    CHECK(Drawn("Welcome"));
    CHECK(HasItem("kiosk_continue"));
}

TEST_CASE("kiosk: username, reason, check in with the kiosk's CSRF token and an Idempotency-Key; the ticket; Done forgets everything") {
    App app;
    Harness h(1080, 1920);
    ReadyKiosk(app, h);
    // Nothing typed: the shared check answers, nothing is sent.
    REQUIRE(h.Click(app, "kiosk_continue"));
    CHECK(app.state.kiosk.step == KioskStep::welcome);
    CHECK_FALSE(app.state.kiosk.errors.empty());
    h.Frames(app, 1);       // the field takes the keyboard back
    app.clock.now += 400;  // a person types slowly: not a badge scan
    for (const char* c : {"e", "m", "m", "a"}) {
        h.Type(app, c);
        app.clock.now += 300;
    }
    CHECK(app.state.kiosk.who == "emma");
    h.Key(app, ImGuiKey_Enter);
    REQUIRE(app.state.kiosk.step == KioskStep::reason);
    CHECK(app.state.kiosk.badge.empty());
    REQUIRE(h.Click(app, "Check in"));  // no reason yet
    CHECK(app.api.Count("POST", "/api/v1/kiosk/checkins") == 0);
    CHECK(app.state.kiosk.errors.front().field == "reason");
    REQUIRE(h.Click(app, "reason_password"));
    REQUIRE(h.Click(app, "kiosk_check_in"));
    const auto* sent = app.api.Last("POST", "/api/v1/kiosk/checkins");
    REQUIRE(sent != nullptr);
    CHECK(sent->request.body.find("\"username\":\"emma\"") != std::string::npos);
    CHECK(sent->request.body.find("\"reason\":\"password\"") != std::string::npos);
    bool csrf = false, key = false;
    for (const auto& [name, value] : sent->request.headers) {
        csrf = csrf || (name == "X-CSRF-Token" && value == "kiosk-csrf");
        key = key || (name == "Idempotency-Key" && !value.empty());
    }
    CHECK(csrf);
    CHECK(key);
    REQUIRE(app.api.Answer("POST", "/api/v1/kiosk/checkins", 201, Visit("A-042", 3)));
    h.Frames(app, 2);
    REQUIRE(app.state.kiosk.step == KioskStep::done);
    CHECK(Drawn("A-042"));
    CHECK(Drawn("You are number 3 in the queue."));
    CHECK(Drawn("about 5–10 min"));
    REQUIRE(h.Click(app, "kiosk_done"));
    CHECK(app.state.kiosk.step == KioskStep::welcome);
    CHECK(app.state.kiosk.who.empty());
    CHECK(app.state.kiosk.reason.empty());
    CHECK_FALSE(app.state.kiosk.visit.has_value());
    CHECK_FALSE(Drawn("A-042"));
    CHECK_FALSE(Drawn("emma"));
}

TEST_CASE("kiosk: a badge reader's fast typing is a scan; 30 s without input resets the screen") {
    App app;
    Harness h(1920, 1080);
    ReadyKiosk(app, h);
    h.Type(app, "100");  // a reader types within a few ms a key: two frames each here, same clock
    h.Type(app, "234");
    h.Key(app, ImGuiKey_Enter);
    REQUIRE(app.state.kiosk.step == KioskStep::reason);
    CHECK(app.state.kiosk.badge == "100234");
    REQUIRE(h.Click(app, "reason_laptop"));
    REQUIRE(h.Click(app, "kiosk_check_in"));
    const auto* scan = app.api.Last("POST", "/api/v1/kiosk/checkins");
    REQUIRE(scan != nullptr);
    CHECK(scan->request.body.find("\"badge\":\"100234\"") != std::string::npos);
    // The person walks away: 30 s later the kiosk is back at the welcome screen, empty.
    app.clock.now += kKioskIdleResetMs;
    h.Frames(app, 2);
    CHECK(app.state.kiosk.step == KioskStep::welcome);
    CHECK(app.state.kiosk.badge.empty());
    CHECK(app.state.kiosk.reason.empty());
    // A guest gives a name; a bidi override in it is refused by the shared rules, before sending.
    REQUIRE(h.Click(app, "kiosk_guest"));
    CHECK(app.state.kiosk.guest);
    h.Frames(app, 1);
    h.Type(app, "Kim \u202Eevil");
    h.Key(app, ImGuiKey_Enter);
    CHECK(app.state.kiosk.step == KioskStep::welcome);
    CHECK(app.api.Count("POST", "/api/v1/kiosk/checkins") == 1);  // only the badge's, before the reset
}

namespace {

// Checks someone in by username on a ready kiosk (the answer is left to the caller).
void CheckInAs(App& app, Harness& h, const char* who) {
    h.Frames(app, 1);
    app.clock.now += 400;
    for (const char* c = who; *c != 0; ++c) {
        h.Type(app, std::string(1, *c).c_str());
        app.clock.now += 300;  // typed by a person, not scanned
    }
    h.Key(app, ImGuiKey_Enter);
    REQUIRE(app.state.kiosk.step == KioskStep::reason);
    REQUIRE(h.Click(app, "reason_laptop"));
    REQUIRE(h.Click(app, "kiosk_check_in"));
}

std::string Header(const FakeApi::Sent& s, const std::string& name) {
    for (const auto& [n, v] : s.request.headers)
        if (n == name) return v;
    return {};
}

}  // namespace

TEST_CASE("kiosk offline: check-ins go to a stored outbox (K-1, K-2...), survive a reload, and are sent in order with their keys once the server is back") {
    std::map<std::string, std::string> storage;  // the browser's localStorage across the reload
    std::vector<std::string> keys;
    {
        App app;
        Harness h(1080, 1920);
        ReadyKiosk(app, h);
        // The device is kept for a start without the server, without its CSRF token.
        REQUIRE(app.host.stored.count(kKioskDeviceKey) == 1);
        CHECK(app.host.stored[kKioskDeviceKey].find("London HQ IT Bar") != std::string::npos);
        CHECK(app.host.stored[kKioskDeviceKey].find("kiosk-csrf") == std::string::npos);
        // The server goes away while emma checks in: the check-in is kept, she gets K-1.
        const Timestamp emma_at = app.clock.now + 400 + 300 * 4;
        CheckInAs(app, h, "emma");
        REQUIRE(app.api.Answer("POST", "/api/v1/kiosk/checkins", 0, ""));
        h.Frames(app, 2);
        REQUIRE(app.state.kiosk.step == KioskStep::done);
        CHECK(Drawn("You're checked in (offline)"));
        CHECK(Drawn("K-1"));
        REQUIRE(app.state.kiosk.outbox.items.size() == 1);
        CHECK(app.state.kiosk.outbox.items[0].checkin.local_checked_in_at == emma_at);
        keys.push_back(app.state.kiosk.outbox.items[0].key);
        CHECK(keys[0] == Header(*app.api.Last("POST", "/api/v1/kiosk/checkins"), "Idempotency-Key"));  // the attempt's own key
        REQUIRE(h.Click(app, "kiosk_done"));
        CHECK(Drawn("Offline: 1 check-in is kept"));
        CHECK_FALSE(Drawn("emma"));
        // Offline, the next check-in doesn't wait for the network at all.
        CheckInAs(app, h, "liam");
        CHECK(app.api.Count("POST", "/api/v1/kiosk/checkins") == 1);
        h.Frames(app, 1);
        CHECK(Drawn("K-2"));
        REQUIRE(app.state.kiosk.outbox.items.size() == 2);
        keys.push_back(app.state.kiosk.outbox.items[1].key);
        CHECK(keys[0] != keys[1]);
        REQUIRE(h.Click(app, "kiosk_done"));
        storage = app.host.stored;
    }
    // The page is reloaded with the server still down: the kiosk starts from what it kept.
    App app;
    app.host.stored = storage;
    app.host.keys = 100;
    Harness h(1080, 1920);
    app.Go("#/kiosk");
    h.Frames(app, 2);
    REQUIRE(app.api.Answer("GET", "/api/v1/kiosk/me", 0, ""));
    h.Frames(app, 2);
    REQUIRE(app.state.kiosk.phase == KioskPhase::ready);
    CHECK(app.state.kiosk.offline);
    CHECK(Drawn("Offline: 2 check-ins"));
    CheckInAs(app, h, "noah");
    h.Frames(app, 1);
    CHECK(Drawn("K-3"));
    REQUIRE(app.state.kiosk.outbox.items.size() == 3);
    keys.push_back(app.state.kiosk.outbox.items[2].key);
    CHECK(app.api.Count("POST", "/api/v1/kiosk/checkins") == 0);
    // The server is back: the kiosk finds it, then sends the three one at a time, oldest first,
    // with their own keys and the kiosk's clock for the skew correction.
    app.clock.now += kKioskPollMs;
    h.Frames(app, 2);
    REQUIRE(app.api.Answer("GET", "/api/v1/kiosk/me", 200, Device()));
    h.Frames(app, 2);
    CHECK_FALSE(app.state.kiosk.offline);
    for (int i = 0; i < 3; ++i) {
        REQUIRE(app.api.Count("POST", "/api/v1/kiosk/checkins") == i + 1);  // one in flight at a time
        const auto* sent = app.api.Last("POST", "/api/v1/kiosk/checkins");
        CHECK(Header(*sent, "Idempotency-Key") == keys[static_cast<std::size_t>(i)]);
        CHECK(Header(*sent, "X-CSRF-Token") == "kiosk-csrf");
        auto body = api::DecodeCheckinBody(sent->request.body);
        REQUIRE(body.ok());
        CHECK(body->kiosk_now == app.clock.now);
        CHECK(body->local_checked_in_at > 0);
        CHECK(body->local_checked_in_at < app.clock.now);
        CHECK(body->input.username == std::vector<std::string>{"emma", "liam", "noah"}[static_cast<std::size_t>(i)]);
        // The first was answered 200: the attempt before the outage had reached the server after all.
        REQUIRE(app.api.Answer("POST", "/api/v1/kiosk/checkins", i == 0 ? 200 : 201, Visit("A-05" + std::to_string(i), i + 1)));
        h.Frames(app, 2);
    }
    CHECK(app.state.kiosk.outbox.items.empty());
    CHECK(app.host.stored.count(kKioskOutboxKey) == 0);  // nothing of those people left in storage
    CHECK(app.api.Count("POST", "/api/v1/kiosk/checkins") == 3);
    CHECK_FALSE(Drawn("Offline"));
}

TEST_CASE("kiosk survey: a just-served ticket on the welcome screen opens the one-tap survey; the score is sent once; Done forgets it") {
    App app;
    Harness h(1080, 1920);
    app.Go("#/kiosk");
    h.Frames(app, 2);
    REQUIRE(app.api.Answer("GET", "/api/v1/kiosk/me", 200, Device()));
    h.Frames(app, 2);
    api::Board board{1, "London HQ IT Bar", {}, {}, 0, {}, {}};
    board.just_served = {{"A-041", "", "", 41}};
    REQUIRE(app.api.Answer("GET", "/api/v1/kiosk/board", 200, api::EncodeBoard(board)));
    h.Frames(app, 2);
    CHECK(Drawn("Just been helped? Tap your number to rate your visit."));
    REQUIRE(h.Click(app, "rate_ticket_41"));
    CHECK(app.state.kiosk.step == KioskStep::rate);
    CHECK(Drawn("Your number: A-041"));
    REQUIRE(h.Click(app, "kiosk_rate_4"));
    h.Frames(app, 1);
    REQUIRE(h.Click(app, "kiosk_rate_5"));  // a second tap while the first is on its way sends nothing
    CHECK(app.api.Count("POST", "/api/v1/kiosk/visits/41/survey") == 1);
    const auto* sent = app.api.Last("POST", "/api/v1/kiosk/visits/41/survey");
    CHECK(sent->request.body == R"({"score":4})");
    bool csrf = false;
    for (const auto& [name, value] : sent->request.headers) csrf = csrf || (name == "X-CSRF-Token" && value == "kiosk-csrf");
    CHECK(csrf);
    REQUIRE(app.api.Answer("POST", "/api/v1/kiosk/visits/41/survey", 200, Visit("A-041", 0)));
    h.Frames(app, 2);
    CHECK(app.state.kiosk.step == KioskStep::thanks);
    CHECK(Drawn("Thank you for your feedback."));
    REQUIRE(h.Click(app, "kiosk_done"));
    CHECK(app.state.kiosk.step == KioskStep::welcome);
    CHECK(app.state.kiosk.rate_visit == 0);
    CHECK(app.state.kiosk.rate_ticket.empty());
}

TEST_CASE("kiosk: while the person types, the best public articles appear (\"while you wait\"); a tap reads one; the reset forgets it") {
    App app;
    Harness h(1080, 1920);
    ReadyKiosk(app, h);
    // The kiosk loads the public articles' index from its own route (no session, no sign-in on a 401).
    REQUIRE(app.api.Count("GET", "/api/v1/kiosk/kb/index") == 1);
    CHECK(app.api.Count("GET", "/api/v1/kb/index") == 0);
    api::KbIndex index;
    index.version = "v1";
    api::KbIndexEntry vpn;
    vpn.id = ArticleId(1);
    vpn.title = "Can't connect to the VPN from home";
    vpn.tags = {"vpn"};
    vpn.text = "If the VPN client keeps dropping, restart it and sign in again.";
    api::KbIndexEntry screen = vpn;
    screen.id = ArticleId(2);
    screen.title = "Laptop screen flickers";
    screen.tags = {"screen"};
    screen.text = "Update the display driver. If the laptop screen still flickers, bring it to the IT desk.";
    index.articles = {vpn, screen};
    REQUIRE(app.api.Answer("GET", "/api/v1/kiosk/kb/index", 200, api::EncodeKbIndex(index)));
    h.Frames(app, 2);
    h.Frames(app, 1);
    app.clock.now += 400;
    for (const char* c : {"e", "m", "m", "a"}) {
        h.Type(app, c);
        app.clock.now += 300;
    }
    h.Key(app, ImGuiKey_Enter);
    REQUIRE(app.state.kiosk.step == KioskStep::reason);
    REQUIRE(h.Click(app, "reason_laptop"));
    // The person types a sentence: the matching article appears, and a tap opens it on the kiosk.
    REQUIRE(h.Click(app, "kiosk_note"));
    h.Type(app, "screen flickers ");
    h.Frames(app, 2);
    CHECK(Drawn("While you wait, this may fix it"));
    REQUIRE(HasItem("kiosk_article_2"));
    CHECK_FALSE(HasItem("kiosk_article_1"));
    REQUIRE(h.Click(app, "kiosk_article_2"));
    CHECK(Drawn("Update the display driver."));
    CHECK(app.api.Count("POST", "/api/v1/kiosk/checkins") == 0);  // reading sends nothing
    // They walk away: the reset forgets the article with the rest.
    app.clock.now += kKioskIdleResetMs;
    h.Frames(app, 2);
    CHECK(app.state.kiosk.step == KioskStep::welcome);
    CHECK(app.state.kiosk.article == 0);
    CHECK(app.state.kiosk.note.empty());
    // A 401 on the kiosk's index never sends it to sign-in.
    app.clock.now += Effects::kKbIndexRecheckMs;
    h.Frames(app, 2);
    REQUIRE(app.api.Answer("GET", "/api/v1/kiosk/kb/index", 401, R"({"error":{"code":"unauthenticated","message":"x"}})"));
    h.Frames(app, 2);
    CHECK(app.state.route.screen == Screen::kiosk);
}

TEST_CASE("kiosk live: the board is re-read on each walk-up event from /kiosk/events; polling slows while the stream is up; unpaired ends it") {
    App app;
    Harness h(1920, 1080);
    ReadyKiosk(app, h);
    REQUIRE(app.api.EventsOpen());
    CHECK(app.api.events_path == "/api/v1/kiosk/events");
    const int before = app.api.Count("GET", "/api/v1/kiosk/board");
    REQUIRE(app.api.PushEvent("ready", "{}"));
    h.Frames(app, 2);
    CHECK(app.api.Count("GET", "/api/v1/kiosk/board") == before + 1);  // what was missed while it was down
    app.api.Answer("GET", "/api/v1/kiosk/board", 200, api::EncodeBoard(api::Board{1, "London HQ IT Bar", {}, {}, 0, {}, {}}));
    h.Frames(app, 2);
    // Live: no 5-second poll any more...
    app.clock.now += kBoardRefreshMs;
    h.Frames(app, 2);
    CHECK(app.api.Count("GET", "/api/v1/kiosk/board") == before + 1);
    // ...but every change at the location is shown at once.
    REQUIRE(app.api.PushEvent("walkup", R"({"location_id":1})"));
    h.Frames(app, 2);
    CHECK(app.api.Count("GET", "/api/v1/kiosk/board") == before + 2);
    api::Board called{1, "London HQ IT Bar", {{"A-007", "Emma J.", "Desk 1"}}, {}, 0, {}, {}};
    app.api.Answer("GET", "/api/v1/kiosk/board", 200, api::EncodeBoard(called));
    h.Frames(app, 2);
    CHECK(Drawn("A-007  →  Desk 1"));
    CHECK(app.state.kiosk.live_events == 1);
    // A revoked kiosk's stream says so: it closes and the kiosk asks who it is again.
    REQUIRE(app.api.PushEvent("unpaired", "{}"));
    h.Frames(app, 1);
    CHECK_FALSE(app.api.EventsOpen());
    CHECK(app.api.Count("GET", "/api/v1/kiosk/me") == 2);
}

TEST_CASE("kiosk keyboard: on-screen keys type the username (never a scan) and the note; ⌫ deletes; names start in capitals; the device's keyboard stays shut unless chosen") {
    App app;
    Harness h(1080, 1920);
    ReadyKiosk(app, h);
    h.Frames(app, 1);
    // The field has the focus (a badge reader's keys land there) but asks the device not to open
    // its own keyboard: the drawn one is on screen.
    REQUIRE(HasItem("kb_e"));
    CHECK_FALSE(HasItem("kb_shift"));  // usernames have no capitals
    REQUIRE(ui::CurrentTextField().active);
    CHECK_FALSE(ui::CurrentTextField().device_keyboard);
    for (const char* key : {"kb_e", "kb_m", "kb_m", "kb_a", "kb_a"}) {
        REQUIRE(h.Click(app, key));
        app.clock.now += 20;  // even faster than a badge reader: a finger on the screen is never a scan
    }
    CHECK(app.state.kiosk.who == "emmaa");
    REQUIRE(h.Click(app, "kb_erase"));
    CHECK(app.state.kiosk.who == "emma");
    h.Frames(app, 2);
    REQUIRE(ui::CurrentTextField().active);  // back in the field, caret after the text, nothing selected
    CHECK(ui::CurrentTextField().text == "emma");
    CHECK(ui::CurrentTextField().sel_start == 4);
    CHECK(ui::CurrentTextField().sel_end == 4);
    h.Type(app, "@");  // a hardware key goes on after the text (it does not replace it)
    CHECK(app.state.kiosk.who == "emma@");
    REQUIRE(h.Click(app, "kb_erase"));
    REQUIRE(h.Click(app, "kiosk_continue"));
    REQUIRE(app.state.kiosk.step == KioskStep::reason);
    CHECK(app.state.kiosk.badge.empty());
    // The note's keyboard appears once the note is tapped; the sentence starts with a capital.
    CHECK_FALSE(HasItem("kb_space"));
    REQUIRE(h.Click(app, "kiosk_note"));
    REQUIRE(HasItem("kb_space"));
    CHECK(HasLabel("H"));
    REQUIRE(h.Click(app, "kb_h"));
    REQUIRE(h.Click(app, "kb_i"));
    REQUIRE(h.Click(app, "kb_space"));
    CHECK(app.state.kiosk.note == "Hi ");
    REQUIRE(h.Click(app, "kb_shift"));
    REQUIRE(h.Click(app, "kb_o"));
    REQUIRE(h.Click(app, "kb_k"));
    CHECK(app.state.kiosk.note == "Hi Ok");  // ⇧ is for one letter
    h.Frames(app, 2);                         // the note takes the keyboard back
    REQUIRE(h.Click(app, "reason_password"));
    REQUIRE(h.Click(app, "kiosk_check_in"));
    const auto* sent = app.api.Last("POST", "/api/v1/kiosk/checkins");
    REQUIRE(sent != nullptr);
    CHECK(sent->request.body.find("\"username\":\"emma\"") != std::string::npos);
    CHECK(sent->request.body.find("\"note\":\"Hi Ok\"") != std::string::npos);
    REQUIRE(h.Click(app, "kiosk_back"));
    // A guest: the name layout, a capital at the start of each name.
    app.actions.KioskDone();
    h.Frames(app, 2);
    REQUIRE(h.Click(app, "kiosk_guest"));
    REQUIRE(HasItem("kb_shift"));
    for (const char* key : {"kb_a", "kb_n", "kb_n", "kb_space", "kb_l", "kb_e", "kb_e"}) REQUIRE(h.Click(app, key));
    CHECK(app.state.kiosk.who == "Ann Lee");
    // Hidden by the person: the device's own keyboard (a tablet's, with its input methods) is used.
    REQUIRE(h.Click(app, "kiosk_keyboard_hide"));
    h.Frames(app, 2);
    CHECK_FALSE(HasItem("kb_a"));
    REQUIRE(HasItem("kiosk_keyboard_show"));
    REQUIRE(ui::CurrentTextField().active);
    CHECK(ui::CurrentTextField().device_keyboard);
    // The next person gets the drawn keyboard back, and nothing of Ann: 30 s idle while the field
    // still has the keyboard (its own copy of the text) leaves it empty.
    REQUIRE(ui::CurrentTextField().text == "Ann Lee");
    app.clock.now += kKioskIdleResetMs;
    h.Frames(app, 4);
    CHECK(app.state.kiosk.who.empty());
    CHECK_FALSE(Drawn("Ann Lee"));
    CHECK(HasItem("kb_a"));
    CHECK_FALSE(app.state.kiosk.shift);
    CHECK(app.state.kiosk.who.empty());
}

TEST_CASE("kiosk keyboard: a field full to its limit takes no more keys; too narrow for finger-wide keys, the device's keyboard is used") {
    {
        App app;
        Harness h(1080, 1920);
        ReadyKiosk(app, h);
        for (std::size_t i = 0; i < walkup::kMaxBadge; ++i) REQUIRE(h.Click(app, "kb_x"));
        REQUIRE(app.state.kiosk.who.size() == walkup::kMaxBadge);
        REQUIRE(h.Click(app, "kb_a"));
        CHECK(app.state.kiosk.who.size() == walkup::kMaxBadge);
        REQUIRE(h.Click(app, "kb_erase"));
        CHECK(app.state.kiosk.who.size() == walkup::kMaxBadge - 1);
    }
    App app;
    Harness h(390, 844);
    ReadyKiosk(app, h);
    h.Frames(app, 1);
    CHECK_FALSE(HasItem("kb_a"));
    REQUIRE(ui::CurrentTextField().active);
    CHECK(ui::CurrentTextField().device_keyboard);
}

TEST_CASE("board: a paired device shows its own location's board; an address with another key is corrected in place") {
    App app;
    Harness h(1920, 1080);
    app.Go("#/board/new-york");
    h.Frames(app, 2);
    REQUIRE(app.api.Answer("GET", "/api/v1/kiosk/me", 200, Device()));
    h.Frames(app, 2);
    CHECK(app.state.route.screen == Screen::board);
    CHECK(app.state.route.board_key == "london-hq");
    REQUIRE_FALSE(app.host.locations.empty());
    CHECK(app.host.locations.back().first == "#/board/london-hq");
    CHECK(app.host.locations.back().second);  // replaced: Back does not return to the wrong key
}
