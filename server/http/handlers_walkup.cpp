// Walk-up routes (see handlers.h and app/walkup_service.h): locations, check-ins, the board, the
// agent console, the visitor's own visits, kiosk pairing and the kiosk's own routes.
#include "server/http/httplib_include.h"

#include "server/app/crypto.h"
#include "server/http/auth.h"
#include "server/http/handlers.h"
#include "shared/api/routes.h"
#include "shared/api/walkup_dto.h"
#include "shared/domain/i18n.h"
#include "shared/domain/limits.h"

namespace spoc::http {

namespace {

std::string Path(const char* base, const char* rest = "") { return std::string(base) + rest; }
Reply Json(int status, std::string body) { return Reply{status, std::move(body), "application/json", {}, {}}; }

Reply CheckinReply(app::WalkupService& w, const app::CheckinResult& r) {
    if (r.created) w.Announce(r.visit);
    Reply reply = Json(r.created ? 201 : 200, api::EncodeVisit(r.visit));
    if (!r.created) reply.headers.emplace_back("Idempotent-Replayed", "true");
    return reply;
}

// [SECTION] Session routes

Result<Reply> ListLocations(app::WalkupService& w, RequestContext& ctx) {
    auto list = w.Locations(ctx.now);
    if (!list.ok()) return list.error();
    return Json(200, api::EncodeLocationList(list->locations, list->reasons));
}

Result<Reply> RemoteCheckin(app::WalkupService& w, RequestContext& ctx) {
    auto body = api::DecodeCheckinBody(ctx.body);
    if (!body.ok()) return body.error();
    if (body->local_checked_in_at > 0)
        return MakeError(ErrorCode::bad_request, "Only kiosks send offline check-ins.", "local_checked_in_at");
    auto done = w.CheckInRemote(ctx.caller->user, ctx.ids[0], *body, ctx.now);
    if (!done.ok()) return done.error();
    return CheckinReply(w, *done);
}

Result<Reply> GetBoard(app::WalkupService& w, RequestContext& ctx) {
    // A kiosk sees its own location's board only.
    if (ctx.kiosk && ctx.kiosk->location_id != ctx.ids[0])
        return MakeError(ErrorCode::not_found, i18n::tr("No such walk-up location."));
    auto board = w.Board(ctx.ids[0], ctx.now);
    if (!board.ok()) return board.error();
    return Json(200, api::EncodeBoard(*board));
}

Result<Reply> GetConsole(app::WalkupService& w, RequestContext& ctx) {
    auto visits = w.Console(ctx.caller->user, ctx.ids[0], ctx.now);
    if (!visits.ok()) return visits.error();
    return Json(200, api::EncodeVisitList(*visits));
}

Result<Reply> CallNext(app::WalkupService& w, RequestContext& ctx) {
    auto body = api::DecodeVisitAction(ctx.body);
    if (!body.ok()) return body.error();
    auto visit = w.CallNext(ctx.caller->user, ctx.ids[0], *body, ctx.now);
    if (!visit.ok()) return visit.error();
    w.Announce(*visit);
    return Json(200, api::EncodeVisit(*visit));
}

Result<Reply> ListMyVisits(app::WalkupService& w, RequestContext& ctx) {
    auto visits = w.MyVisits(ctx.caller->user, ctx.now);
    if (!visits.ok()) return visits.error();
    return Json(200, api::EncodeVisitList(*visits));
}

Result<Reply> ActOnVisit(app::WalkupService& w, const char* action, RequestContext& ctx) {
    auto body = api::DecodeVisitAction(ctx.body);
    if (!body.ok()) return body.error();
    auto visit = w.Act(ctx.caller->user, ctx.ids[0], action, *body, ctx.now);
    if (!visit.ok()) return visit.error();
    w.Announce(*visit);
    return Json(200, api::EncodeVisit(*visit));
}

Result<Reply> ListSlots(app::WalkupService& w, RequestContext& ctx) {
    auto slots = w.Slots(ctx.ids[0], ctx.http.get_param_value("date"), ctx.now);
    if (!slots.ok()) return slots.error();
    return Json(200, api::EncodeSlotList(*slots));
}

Result<Reply> BookSlot(app::WalkupService& w, RequestContext& ctx) {
    auto body = api::DecodeBookingBody(ctx.body, true);
    if (!body.ok()) return body.error();
    auto visit = w.Book(ctx.caller->user, ctx.ids[0], *body, ctx.now);
    if (!visit.ok()) return visit.error();
    w.Announce(*visit);
    return Json(201, api::EncodeVisit(*visit));
}

Result<Reply> Reschedule(app::WalkupService& w, RequestContext& ctx) {
    auto body = api::DecodeBookingBody(ctx.body, false);
    if (!body.ok()) return body.error();
    auto visit = w.Reschedule(ctx.caller->user, ctx.ids[0], body->start, ctx.now);
    if (!visit.ok()) return visit.error();
    w.Announce(*visit);
    return Json(200, api::EncodeVisit(*visit));
}

Result<Reply> PairKiosk(app::WalkupService& w, RequestContext& ctx) {
    auto body = api::DecodePairKioskBody(ctx.body);
    if (!body.ok()) return body.error();
    auto device = w.PairKiosk(ctx.caller->user, *body, ctx.now);
    if (!device.ok()) return device.error();
    return Json(201, api::EncodeKioskDevice(*device));
}

Result<Reply> ListKiosks(app::WalkupService& w, RequestContext& ctx) {
    auto devices = w.ListKiosks(ctx.caller->user);
    if (!devices.ok()) return devices.error();
    return Json(200, api::EncodeKioskList(*devices));
}

Result<Reply> RevokeKiosk(app::WalkupService& w, RequestContext& ctx) {
    if (auto done = w.RevokeKiosk(ctx.caller->user, ctx.ids[0], ctx.now); !done.ok()) return done.error();
    return Reply{204, {}, {}, {}, {}};
}

// [SECTION] Kiosk routes

Result<Reply> StartPairing(app::WalkupService& w, RequestContext& ctx) {
    auto started = w.StartPairing(ctx.now);
    if (!started.ok()) return started.error();
    Reply reply = Json(201, api::EncodeKioskPairing(started->pairing));
    reply.headers.emplace_back("Set-Cookie", KioskPairingSetCookie(started->secret));
    return reply;
}

Result<Reply> PollPairing(app::WalkupService& w, RequestContext& ctx) {
    auto polled = w.PollPairing(CookieValue(ctx.http, routes::kKioskPairingCookie), ctx.now);
    if (!polled.ok()) return polled.error();
    Reply reply = Json(200, api::EncodeKioskPairing(polled->pairing));
    reply.headers.emplace_back("Cache-Control", "no-store");
    if (!polled->device_token.empty()) {
        reply.headers.emplace_back("Set-Cookie", KioskSetCookie(polled->device_token));
        reply.headers.emplace_back("Set-Cookie", KioskPairingClearCookie());
    }
    return reply;
}

Result<Reply> KioskMe(app::WalkupService& w, RequestContext& ctx) {
    auto me = w.KioskMe(*ctx.kiosk, ctx.now);
    if (!me.ok()) return me.error();
    Reply reply = Json(200, api::EncodeKioskDevice(*me));
    reply.headers.emplace_back("Cache-Control", "no-store");
    return reply;
}

Result<Reply> KioskCheckin(app::WalkupService& w, RequestContext& ctx) {
    auto key = IdempotencyKeyHeader(ctx.http);
    if (!key.ok()) return key.error();
    auto body = api::DecodeCheckinBody(ctx.body);
    if (!body.ok()) return body.error();
    auto done = w.CheckInAtKiosk(*ctx.kiosk, *body, *key, ctx.now);
    if (!done.ok()) return done.error();
    return CheckinReply(w, *done);
}

Result<Reply> KioskBoard(app::WalkupService& w, RequestContext& ctx) {
    auto board = w.Board(ctx.kiosk->location_id, ctx.now, /*for_kiosk=*/true);
    if (!board.ok()) return board.error();
    return Json(200, api::EncodeBoard(*board));
}

Result<Reply> KioskSurvey(app::WalkupService& w, RequestContext& ctx) {
    auto body = api::DecodeVisitAction(ctx.body);
    if (!body.ok()) return body.error();
    auto visit = w.KioskSurvey(*ctx.kiosk, ctx.ids[0], body->score, ctx.now);
    if (!visit.ok()) return visit.error();
    w.Announce(*visit);
    return Json(200, api::EncodeVisit(*visit));
}

// Public articles only: a kiosk serves whoever walks up.
Result<Reply> KioskKbIndex(app::KbService& kb, RequestContext& ctx) { return KbIndexReply(kb, Role::employee, ctx); }

}  // namespace

void AddWalkupRoutes(Router& r, app::WalkupService& w, app::KbService& kb) {
    using namespace routes;
    auto to = [&w](auto handler) { return [&w, handler](RequestContext& c) { return handler(w, c); }; };
    r.Add("GET", kWalkupLocations, Access::session, to(ListLocations));
    r.Add("POST", Path(kWalkupLocations, "/{id}/checkins"), Access::session, to(RemoteCheckin));
    r.Add("GET", Path(kWalkupLocations, "/{id}/board"), Access::session_or_kiosk, to(GetBoard));
    r.Add("GET", Path(kWalkupLocations, "/{id}/queue"), Access::session, to(GetConsole));
    r.Add("POST", Path(kWalkupLocations, "/{id}/call-next"), Access::session, to(CallNext));
    r.Add("GET", Path(kWalkupLocations, "/{id}/slots"), Access::session, to(ListSlots));
    r.Add("POST", Path(kWalkupLocations, "/{id}/appointments"), Access::session, to(BookSlot));
    r.Add("GET", kWalkupVisits, Access::session, to(ListMyVisits));
    r.Add("POST", Path(kWalkupVisits, "/{id}/reschedule"), Access::session, to(Reschedule));
    for (const char* action : {"call", "start", "resolve", "transfer", "no_show", "requeue", "cancel", "survey"}) {
        r.Add("POST", Path(kWalkupVisits, "/{id}/") + action, Access::session,
              [&w, action](RequestContext& c) { return ActOnVisit(w, action, c); });
    }
    r.Add("GET", kWalkupKiosks, Access::session, to(ListKiosks));
    r.Add("POST", kWalkupKiosks, Access::session, to(PairKiosk));
    r.Add("DELETE", Path(kWalkupKiosks, "/{id}"), Access::session, to(RevokeKiosk));
    r.Add("POST", kKioskPairing, Access::anyone, to(StartPairing));
    r.Add("GET", kKioskPairing, Access::anyone, to(PollPairing));
    r.Add("GET", kKioskMe, Access::kiosk, to(KioskMe));
    r.Add("POST", kKioskCheckins, Access::kiosk, to(KioskCheckin));
    r.Add("GET", kKioskBoard, Access::kiosk, to(KioskBoard));
    r.Add("POST", Path(kKioskVisits, "/{id}/survey"), Access::kiosk, to(KioskSurvey));
    r.Add("GET", kKioskKbIndex, Access::kiosk, [&kb](RequestContext& c) { return KioskKbIndex(kb, c); });
}

}  // namespace spoc::http
