// Headless tests of the walk-up desks page (#/desks) with a scripted server: the locations with
// their waits, booking a time (reason and slot checked before anything is sent, the slot list of
// the chosen day at the location's time zone), "I'm on my way", cancel and move on a booking, and
// the one-tap rating after a visit.
#include "fixtures.h"
#include "shared/api/walkup_dto.h"

using namespace fixtures;

namespace {

std::string Locations() {
    api::WalkupLocation l;
    l.id = 1;
    l.key = "london-hq";
    l.name = "London HQ IT Bar";
    l.time_zone = "Europe/London";
    l.hours = "mon-fri: 08:30-17:30";
    l.open_now = true;
    l.waiting = 3;
    l.wait = {5, 10};
    api::WalkupLocation ny = l;
    ny.id = 2;
    ny.key = "new-york";
    ny.name = "New York Tech Desk";
    ny.time_zone = "America/New_York";
    ny.open_now = false;
    return api::EncodeLocationList({l, ny}, {{"laptop", "Laptop problem"}, {"password", "Password or MFA"}});
}

api::Visit MyVisit(std::int64_t id, walkup::VisitStatus status) {
    api::Visit v;
    v.id = id;
    v.location_id = 1;
    v.ticket = "A-0" + std::to_string(40 + id);
    v.status = status;
    v.reason = "laptop";
    v.reason_label = "Laptop problem";
    return v;
}

bool Drawn(const std::string& text) {
    for (const auto& item : ui::hooks::LastFrameItems())
        if (item.label.find(text) != std::string::npos) return true;
    return false;
}

void Loaded(App& app, Harness& h, const std::vector<api::Visit>& mine) {
    app.SignedIn("#/desks");
    h.Frames(app, 2);
    REQUIRE(app.api.Answer("GET", "/api/v1/walkup/locations", 200, Locations()));
    REQUIRE(app.api.Answer("GET", "/api/v1/walkup/visits", 200, api::EncodeVisitList(mine)));
    h.Frames(app, 2);
}

}  // namespace

TEST_CASE("desks: the locations with their waits; booking checks the reason and the time before sending, then books the slot picked") {
    App app;
    Harness h(1280, 1600);  // tall: the panel's buttons in view without scrolling
    Loaded(app, h, {});
    CHECK(Drawn("London HQ IT Bar"));
    CHECK(Drawn("Open now · 3 waiting · about 5–10 min"));
    CHECK(Drawn("Closed now"));
    CHECK(HasItem("join_1"));
    CHECK_FALSE(HasItem("join_2"));  // closed: no "on my way"
    REQUIRE(h.Click(app, "book_1"));
    h.Frames(app, 2);
    // Today's slots at the location's time zone are asked for.
    const auto* asked = app.api.Last("GET", "/api/v1/walkup/locations/1/slots");
    REQUIRE(asked != nullptr);
    const std::string today = LocalDateAhead("Europe/London", app.clock.now, 0);
    CHECK(asked->request.path == "/api/v1/walkup/locations/1/slots?date=" + today);
    const Timestamp nine = app.clock.now + 2 * kMsPerHour, past = app.clock.now - kMsPerHour;
    REQUIRE(app.api.Answer("GET", "/api/v1/walkup/locations/1/slots", 200,
                           api::EncodeSlotList({{past, 2, 2}, {nine, 2, 1}, {nine + 15 * kMsPerMinute, 2, 0}})));
    h.Frames(app, 2);
    CHECK(Drawn("1 place free"));
    CHECK(Drawn("full"));
    CHECK_FALSE(HasItem("slot_" + std::to_string(past)));  // begun: not offered
    // Nothing picked: the shared check answers, nothing is sent.
    REQUIRE(h.Click(app, "desk_confirm"));
    CHECK(app.api.Count("POST", "/api/v1/walkup/locations/1/appointments") == 0);
    CHECK(Drawn("Choose what you need help with."));
    REQUIRE(h.Click(app, "desk_reason_laptop"));
    REQUIRE(h.Click(app, "desk_confirm"));
    CHECK(app.api.Count("POST", "/api/v1/walkup/locations/1/appointments") == 0);
    CHECK(Drawn("Choose a time."));
    // Tomorrow's slots are another request.
    REQUIRE(h.Click(app, "desk_day_1"));
    h.Frames(app, 2);
    CHECK(app.api.Last("GET", "/api/v1/walkup/locations/1/slots")->request.path ==
          "/api/v1/walkup/locations/1/slots?date=" + LocalDateAhead("Europe/London", app.clock.now, 1));
    REQUIRE(h.Click(app, "desk_day_0"));
    h.Frames(app, 2);
    // Tomorrow's answer comes late and is not shown for today; today's is asked for then.
    REQUIRE(app.api.Answer("GET", "/api/v1/walkup/locations/1/slots", 200, api::EncodeSlotList({{nine + kMsPerDay, 2, 2}})));
    h.Frames(app, 2);
    CHECK_FALSE(HasItem("slot_" + std::to_string(nine + kMsPerDay)));
    REQUIRE(app.api.Answer("GET", "/api/v1/walkup/locations/1/slots", 200, api::EncodeSlotList({{nine, 2, 1}})));
    h.Frames(app, 2);
    REQUIRE(h.Click(app, "slot_" + std::to_string(nine)));
    REQUIRE(h.Click(app, "desk_confirm"));
    const auto* booked = app.api.Last("POST", "/api/v1/walkup/locations/1/appointments");
    REQUIRE(booked != nullptr);
    auto body = api::DecodeBookingBody(booked->request.body, true);
    REQUIRE(body.ok());
    CHECK(body->reason == "laptop");
    CHECK(body->start == nine);
    api::Visit v = MyVisit(7, walkup::VisitStatus::booked);
    v.appointment_at = nine;
    REQUIRE(app.api.Answer("POST", "/api/v1/walkup/locations/1/appointments", 201, api::EncodeVisit(v)));
    h.Frames(app, 2);
    CHECK(app.state.desks.booking_location == 0);  // the panel closes
    CHECK(app.api.Count("GET", "/api/v1/walkup/visits") == 2);  // and my visits are read again
}

TEST_CASE("desks: my visits: position and wait, move and cancel a booking, \"on my way\", and a one-tap rating after the visit") {
    App app;
    Harness h(390, 2400);  // phone width; tall so every card is in view
    api::Visit waiting = MyVisit(1, walkup::VisitStatus::waiting);
    waiting.position = 2;
    waiting.wait = {5, 10};
    api::Visit booked = MyVisit(2, walkup::VisitStatus::booked);
    booked.appointment_at = app.clock.now + 26 * kMsPerHour;
    api::Visit done = MyVisit(3, walkup::VisitStatus::resolved);
    done.ended_at = app.clock.now - kMsPerHour;
    done.outcome_note = "Replaced the charger.";
    Loaded(app, h, {waiting, booked, done});
    CHECK(Drawn("You are number 2 in the queue."));
    CHECK(Drawn("Replaced the charger."));
    CHECK(HasItem("cancel_1"));
    CHECK_FALSE(HasItem("move_1"));  // only a booking moves
    CHECK(HasItem("move_2"));
    REQUIRE(h.Click(app, "rate_3_4"));
    const auto* rated = app.api.Last("POST", "/api/v1/walkup/visits/3/survey");
    REQUIRE(rated != nullptr);
    CHECK(rated->request.body.find("\"score\":4") != std::string::npos);
    REQUIRE(app.api.Answer("POST", "/api/v1/walkup/visits/3/survey", 200, api::EncodeVisit(done)));
    h.Frames(app, 2);
    REQUIRE(h.Click(app, "cancel_1"));
    CHECK(app.api.Count("POST", "/api/v1/walkup/visits/1/cancel") == 1);
    REQUIRE(app.api.Answer("POST", "/api/v1/walkup/visits/1/cancel", 200, api::EncodeVisit(waiting)));
    h.Frames(app, 2);
    // Move the booking: the same reason, a new time; the reschedule route.
    REQUIRE(h.Click(app, "move_2"));
    h.Frames(app, 2);
    CHECK(app.state.desks.mode == "move");
    CHECK(app.state.desks.reason == "laptop");
    const Timestamp later = app.clock.now + 3 * kMsPerHour;
    REQUIRE(app.api.Answer("GET", "/api/v1/walkup/locations/1/slots", 200, api::EncodeSlotList({{later, 1, 1}})));
    h.Frames(app, 2);
    REQUIRE(h.Click(app, "slot_" + std::to_string(later)));
    REQUIRE(h.Click(app, "desk_confirm"));
    const auto* moved = app.api.Last("POST", "/api/v1/walkup/visits/2/reschedule");
    REQUIRE(moved != nullptr);
    CHECK(api::DecodeBookingBody(moved->request.body, false)->start == later);
    REQUIRE(app.api.Answer("POST", "/api/v1/walkup/visits/2/reschedule", 200, api::EncodeVisit(booked)));
    h.Frames(app, 2);
    // "I'm on my way": a reason, then the remote check-in.
    REQUIRE(h.Click(app, "join_1"));
    REQUIRE(h.Click(app, "desk_reason_password"));
    REQUIRE(h.Click(app, "desk_confirm"));
    const auto* joined = app.api.Last("POST", "/api/v1/walkup/locations/1/checkins");
    REQUIRE(joined != nullptr);
    CHECK(joined->request.body.find("\"reason\":\"password\"") != std::string::npos);
    REQUIRE(app.api.Answer("POST", "/api/v1/walkup/locations/1/checkins", 201, api::EncodeVisit(MyVisit(9, walkup::VisitStatus::en_route))));
    h.Frames(app, 2);
    CHECK(app.state.desks.booking_location == 0);
}

TEST_CASE("desks: only days the location is open can be booked; its hours read in words at its time zone") {
    App app;  // Tuesday 10 March 2026, 9:30 in London; the desk opens Monday to Friday, 8:30-17:30
    Harness h(1280, 1600);
    Loaded(app, h, {});
    CHECK(Drawn("Today 8:30 AM–5:30 PM"));
    CHECK_FALSE(Drawn("mon-fri"));  // not the configuration's text
    REQUIRE(h.Click(app, "book_1"));
    h.Frames(app, 2);
    for (int day : {0, 1, 2, 3, 6, 7, 8}) CHECK_MESSAGE(HasItem("desk_day_" + std::to_string(day)), day);
    for (int day : {4, 5, 9}) CHECK_MESSAGE(!HasItem("desk_day_" + std::to_string(day)), day);  // Saturday, Sunday; 7 days shown
    REQUIRE(app.api.Answer("GET", "/api/v1/walkup/locations/1/slots", 200, api::EncodeSlotList({})));
    h.Frames(app, 2);
    REQUIRE(h.Click(app, "desk_day_6"));  // Monday: its own slots
    h.Frames(app, 2);
    CHECK(app.api.Last("GET", "/api/v1/walkup/locations/1/slots")->request.path ==
          "/api/v1/walkup/locations/1/slots?date=" + LocalDateAhead("Europe/London", app.clock.now, 6));
    // Friday after closing: the page says when it opens next, and booking starts on Monday.
    REQUIRE(app.api.Answer("GET", "/api/v1/walkup/locations/1/slots", 200, api::EncodeSlotList({})));
    app.clock.now += 3 * kMsPerDay + 9 * kMsPerHour;  // Friday 13 March, 18:30
    app.actions.DesksClose();
    h.Frames(app, 2);
    CHECK(Drawn("Opens Mar 16, 2026 at 8:30 AM"));
    REQUIRE(h.Click(app, "book_1"));
    h.Frames(app, 2);
    CHECK_FALSE(HasItem("desk_day_0"));
    CHECK(HasItem("desk_day_3"));
    CHECK(app.api.Last("GET", "/api/v1/walkup/locations/1/slots")->request.path ==
          "/api/v1/walkup/locations/1/slots?date=" + LocalDateAhead("Europe/London", app.clock.now, 3));
}
