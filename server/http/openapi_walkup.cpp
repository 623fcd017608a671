// OpenAPI for the walk-up routes (see openapi.h; schemas mirror shared/api/walkup_dto.cpp).
#include <nlohmann/json.hpp>

#include "server/http/openapi_support.h"
#include "shared/api/routes.h"
#include "shared/domain/limits.h"
#include "shared/domain/walkup.h"

namespace spoc::http {

using nlohmann::json;

namespace {

using namespace oas;  // Ref, Str, Int, Object, Ok, ...

json Op(const char* summary, json ok, std::initializer_list<std::pair<const char*, const char*>> errors, const char* security,
        const char* body = nullptr) {
    json responses = std::move(ok);
    for (const auto& [status, description] : errors) responses[status] = Ok(description, "Error");
    responses["500"] = Ok("Internal error (code internal).", "Error");
    json op = {{"summary", summary}, {"responses", responses}};
    if (std::string(security) == "none") op["security"] = json::array();
    if (std::string(security) == "kiosk") op["security"] = json::array({{{"kiosk", json::array()}}});
    if (std::string(security) == "either") op["security"] = json::array({{{"session", json::array()}}, {{"kiosk", json::array()}}});
    if (body != nullptr) op["requestBody"] = {{"required", true}, {"content", {{"application/json", {{"schema", Ref(body)}}}}}};
    return op;
}
json IdParam(const char* what) {
    return json{{"name", "id"}, {"in", "path"}, {"required", true}, {"description", what}, {"schema", {{"type", "integer"}, {"minimum", 1}}}};
}
json WithId(json op, const char* what) {
    op["parameters"] = json::array({IdParam(what)});
    return op;
}

}  // namespace

void WalkupSchemas(json& s) {
    const json wait = Object({{"low", Int()}, {"high", Int()}});
    s["WalkupLocation"] = Object({{"id", Int()}, {"key", Str()}, {"name", Str()}, {"prefix", Str()}, {"time_zone", Str()},
                                  {"hours", Str()}, {"open_now", Bool()},
                                  {"desks", ArrayOf(Object({{"id", Int()}, {"name", Str()}}))}, {"waiting", Int()}, {"wait", wait}});
    s["WalkupReason"] = Object({{"key", Str()}, {"label", Str()}});
    s["WalkupLocations"] = Object({{"items", ArrayOf(Ref("WalkupLocation"))}, {"reasons", ArrayOf(Ref("WalkupReason"))}});
    s["Visit"] = Object({{"id", Int()}, {"location_id", Int()}, {"ticket", Str()},
                         {"status", json{{"type", "string"},
                                         {"enum", {"booked", "en_route", "waiting", "called", "in_service", "resolved",
                                                   "transferred", "no_show", "cancelled"}}}},
                         {"channel", Str()}, {"reason", Str()}, {"reason_label", Str()}, {"note", Str()}, {"board_name", Str()},
                         {"name", Str()}, {"user_id", Int()}, {"checked_in_at", Time()}, {"called_at", Time()},
                         {"started_at", Time()}, {"ended_at", Time()}, {"appointment_at", Time()}, {"desk", Str()},
                         {"desk_id", Int()}, {"agent_name", Str()}, {"position", Int()}, {"wait", wait}, {"request_id", Int()},
                         {"first_contact", Bool()}, {"outcome_note", Str()}, {"csat", Int()}, {"version", Int()}});
    s["VisitList"] = Object({{"items", ArrayOf(Ref("Visit"))}});
    s["Checkin"] = Object({{"reason", json{{"type", "string"}, {"maxLength", walkup::kMaxKey}}},
                           {"note", json{{"type", "string"}, {"description", "At most 280 characters, one line."}}},
                           {"guest_name", Str()}, {"badge", Str()}, {"username", Str()}, {"appointment", Bool()},
                           {"local_checked_in_at", Time()}, {"kiosk_now", Time()}});
    const json entry = Object({{"ticket", Str()}, {"board_name", Str()}, {"desk", Str()}});
    s["Board"] = Object({{"location_id", Int()}, {"location_name", Str()}, {"serving", ArrayOf(entry)}, {"next", ArrayOf(entry)},
                         {"waiting", Int()}, {"wait", wait}});
    s["VisitAction"] = Object({{"desk_id", Int()}, {"note", Str()}, {"first_contact", Bool()},
                               {"to", json{{"type", "string"}, {"enum", {"desk", "back_office"}}}}, {"score", Int()},
                               {"base_version", Int()}});
    s["SlotList"] = Object({{"items", ArrayOf(Object({{"start", Time()}, {"capacity", Int()}, {"free", Int()}}))}});
    s["Booking"] = Object({{"reason", Str()}, {"start", Time()}, {"note", Str()}});
    s["KioskPairing"] = Object({{"code", Str()}, {"expires_at", Time()},
                                {"state", json{{"type", "string"}, {"enum", {"pending", "paired", "expired"}}}},
                                {"location_id", Int()}});
    s["PairKiosk"] = Object({{"code", Str()}, {"location_id", Int()}, {"name", Str()}});
    s["KioskDevice"] = Object({{"id", Int()}, {"name", Str()}, {"location", Ref("WalkupLocation")},
                               {"reasons", ArrayOf(Ref("WalkupReason"))}, {"csrf_token", Str()}, {"paired_at", Time()},
                               {"last_seen_at", Time()}, {"revoked", Bool()}});
    s["KioskList"] = Object({{"items", ArrayOf(Ref("KioskDevice"))}});
}

void WalkupPaths(json& paths) {
    using namespace routes;
    const std::string loc = std::string(kWalkupLocations) + "/{id}";
    const std::string visit = std::string(kWalkupVisits) + "/{id}";
    paths[kWalkupLocations]["get"] = Op("Walk-up locations (open now, desks, people waiting, the wait) and visit reasons.",
                                        {{"200", Ok("The list.", "WalkupLocations")}}, {{"401", "No valid session."}}, "session");
    paths[loc + "/checkins"]["post"] = WithId(
        Op("\"I'm on my way\": join a location's queue from the portal (en route until checked in at the kiosk).",
           {{"201", Ok("The visit, with the wait.", "Visit")}, {"200", Ok("Already in this queue: that visit.", "Visit")}},
           {{"401", "No valid session."}, {"404", "No such location."}, {"422", "Closed, or a bad reason or note."}}, "session",
           "Checkin"),
        "Location id.");
    paths[loc + "/board"]["get"] = WithId(
        Op("The queue board: now serving (ticket, desk) and the next people (ticket, first name and initial).",
           {{"200", Ok("The board.", "Board")}}, {{"401", "No session or kiosk credential."}, {"404", "No such location."}},
           "either"),
        "Location id.");
    paths[loc + "/queue"]["get"] = WithId(Op("The console: every open visit of a location in queue order (agents).",
                                             {{"200", Ok("Visits.", "VisitList")}},
                                             {{"401", "No valid session."}, {"403", "Employees."}, {"404", "No such location."}},
                                             "session"),
                                          "Location id.");
    paths[loc + "/call-next"]["post"] = WithId(
        Op("Call the first person waiting to a desk (agents).", {{"200", Ok("The visit called.", "Visit")}},
           {{"401", "No valid session."}, {"403", "Employees."}, {"409", "Nobody is waiting."}, {"422", "No such desk."}},
           "session", "VisitAction"),
        "Location id.");
    json slots = WithId(Op("A location's appointment slots on one local date (?date=YYYY-MM-DD), with free places.",
                           {{"200", Ok("Slots from now to 30 days ahead.", "SlotList")}},
                           {{"400", "Bad date."}, {"401", "No valid session."}, {"404", "No such location."}}, "session"),
                        "Location id.");
    slots["parameters"].push_back(json{{"name", "date"}, {"in", "query"}, {"required", true}, {"schema", Str()}});
    paths[loc + "/slots"]["get"] = slots;
    paths[loc + "/appointments"]["post"] = WithId(
        Op("Book a slot (one booking per person, location and day).", {{"201", Ok("The booked visit.", "Visit")}},
           {{"401", "No valid session."}, {"404", "No such location."}, {"409", "The slot is full, or already booked that day."},
            {"422", "Not a slot, in the past, or a bad reason."}},
           "session", "Booking"),
        "Location id.");
    paths[visit + "/reschedule"]["post"] = WithId(
        Op("Move the caller's booking to another slot of the same day.", {{"200", Ok("The visit.", "Visit")}},
           {{"401", "No valid session."}, {"404", "No such visit (or not yours)."}, {"409", "Not booked, or the slot is full."},
            {"422", "Not a slot of that day."}},
           "session", "Booking"),
        "Visit id.");
    paths[kWalkupVisits]["get"] = Op("The caller's own visits, newest first.", {{"200", Ok("Visits.", "VisitList")}},
                                     {{"401", "No valid session."}}, "session");
    for (const char* action : {"call", "start", "resolve", "transfer", "no_show", "requeue", "cancel", "survey"}) {
        paths[visit + "/" + action]["post"] =
            WithId(Op("A step of a visit: call (to a desk), start, resolve (files a resolved request), transfer (to a desk, "
                      "or to the back office: files an open request), no_show, requeue, cancel (the visitor), survey (the "
                      "visitor: score 1-5).",
                      {{"200", Ok("The visit.", "Visit")}},
                      {{"401", "No valid session."}, {"403", "Not allowed for this role."}, {"404", "No such visit (or not yours)."},
                       {"409", "Not possible from the visit's status, or it changed."}, {"422", "A bad desk, note or score."}},
                      "session", "VisitAction"),
                   "Visit id.");
    }
    paths[kWalkupKiosks]["get"] = Op("Paired kiosks (admins).", {{"200", Ok("Kiosks.", "KioskList")}},
                                     {{"401", "No valid session."}, {"403", "Not an admin."}}, "session");
    paths[kWalkupKiosks]["post"] = Op("Pair a kiosk with the code on its screen, binding it to a location (admins).",
                                      {{"201", Ok("The kiosk.", "KioskDevice")}},
                                      {{"401", "No valid session."}, {"403", "Not an admin."}, {"422", "Unknown or expired code."}},
                                      "session", "PairKiosk");
    paths[std::string(kWalkupKiosks) + "/{id}"]["delete"] =
        WithId(Op("Revoke a kiosk's credential (admins).", {{"204", {{"description", "Revoked."}}}},
                  {{"401", "No valid session."}, {"403", "Not an admin."}, {"404", "No such kiosk."}}, "session"),
               "Kiosk id.");
    paths[kKioskPairing]["post"] = Op("A kiosk asks to be paired: a one-time code to show (10 minutes) and a pairing cookie.",
                                      {{"201", Ok("The code.", "KioskPairing")}}, {{"503", "Busy."}}, "none");
    paths[kKioskPairing]["get"] = Op("The kiosk polls its pairing; once paired it receives its device credential cookie.",
                                     {{"200", Ok("pending, paired or expired.", "KioskPairing")}},
                                     {{"401", "No pairing cookie."}}, "none");
    paths[kKioskMe]["get"] = Op("The kiosk's location, reasons and CSRF token.", {{"200", Ok("The kiosk.", "KioskDevice")}},
                                {{"401", "No valid kiosk credential."}}, "kiosk");
    paths[kKioskCheckins]["post"] = Op(
        "Check a person in at the kiosk (badge, username or guest name); an Idempotency-Key makes an outbox entry land once.",
        {{"201", Ok("The visit: ticket, position, wait.", "Visit")}, {"200", Ok("A replay, or already in the queue.", "Visit")}},
        {{"401", "No valid kiosk credential."}, {"403", "CSRF token missing."}, {"422", "Unknown badge or username, bad input."}},
        "kiosk", "Checkin");
    paths[kKioskBoard]["get"] = Op("The board of the kiosk's location.", {{"200", Ok("The board.", "Board")}},
                                   {{"401", "No valid kiosk credential."}}, "kiosk");
    paths[std::string(kKioskVisits) + "/{id}/survey"]["post"] =
        WithId(Op("One-tap satisfaction after a visit at this kiosk's location.", {{"200", Ok("The visit.", "Visit")}},
                  {{"401", "No valid kiosk credential."}, {"404", "No such visit here."}, {"409", "Already rated."}}, "kiosk",
                  "VisitAction"),
               "Visit id.");
    paths[kKioskKbIndex]["get"] = Op("The public knowledge articles' search index, for \"while you wait\".",
                                     {{"200", {{"description", "The index (as /kb/index)."}}}},
                                     {{"401", "No valid kiosk credential."}}, "kiosk");
    paths[kKioskEvents]["get"] = Op(
        "Server-sent events for the kiosk's location: \"ready\", then \"walkup\" {\"location_id\"} whenever its queue changes "
        "(re-read the board); \"unpaired\" ends a revoked kiosk's stream. Last-Event-ID resumes.",
        {{"200", {{"description", "text/event-stream"}}}}, {{"401", "No valid kiosk credential."}}, "kiosk");
}

}  // namespace spoc::http
