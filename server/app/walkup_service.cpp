// The walk-up desk's reads, check-in and console (see walkup_service.h). Index:
//   [SECTION] Helpers: locations, the service-time model, views
//   [SECTION] Reads
//   [SECTION] Check-in
//   [SECTION] Console and visitor actions
//   [SECTION] The request a visit files
#include "server/app/walkup_service.h"
#include "server/app/walkup_internal.h"

#include <algorithm>
#include <set>

#include "server/app/assignment.h"
#include "server/storage/agents_repo.h"
#include "server/storage/audit_repo.h"
#include "server/storage/requests_repo.h"
#include "server/storage/surveys_repo.h"
#include "server/storage/users_repo.h"
#include "shared/domain/i18n.h"
#include "shared/domain/limits.h"
#include "shared/domain/request_builder.h"
#include "shared/domain/routing.h"
#include "shared/domain/sla.h"
#include "shared/domain/text.h"

namespace spoc::app {

using i18n::tr;
using walkup::VisitStatus;

namespace walkup_detail {

// ---------------------------------------------------------------------------------------------
// [SECTION] Helpers: locations, the service-time model, views
// ---------------------------------------------------------------------------------------------

Result<storage::LocationRow> RequireLocation(storage::Database& db, std::int64_t id) {
    auto found = storage::FindLocation(db, id);
    if (!found.ok()) return found.error();
    if (!*found) return MakeError(ErrorCode::not_found, tr("No such walk-up location."));
    return std::move(**found);
}

TimeZoneRule ZoneOf(const storage::LocationRow& l) {
    TimeZoneRule zone;
    if (!FindTimeZone(l.time_zone, &zone)) FindTimeZone("UTC", &zone);
    return zone;
}

std::string LocalDay(const storage::LocationRow& l, Timestamp t) { return FormatDate(UtcToLocal(ZoneOf(l), t).date); }

// The opening hours as a business calendar (the location's `hours` in the sla.h syntax).
std::optional<BusinessCalendar> Opening(const storage::LocationRow& l) {
    auto cal = walkup::OpeningCalendar(l.key, l.time_zone, l.hours);
    if (!cal.ok()) return std::nullopt;
    return std::move(cal.value());
}

bool OpenNow(const storage::LocationRow& l, Timestamp now) {
    const auto cal = Opening(l);
    return cal && IsBusinessTime(*cal, now);
}

walkup::ServiceTimeModel LearnModel(storage::Database& db, const storage::LocationRow& l,
                                    const std::vector<storage::ReasonRow>& reasons) {
    walkup::ServiceTimeModel model;
    for (const storage::ReasonRow& r : reasons)
        for (int i = 0; i < kPriorSamples; ++i) model.Add(l.key, r.key, r.typical_minutes);
    auto history = storage::RecentServiceTimes(db, l.id, kServiceHistory);
    if (history.ok())
        for (const auto& [reason, minutes] : *history) model.Add(l.key, reason, minutes);
    return model;
}

// The wait of someone behind the first `ahead` waiting visits of `open` (queue order).
// Agents on duty: everyone who called someone here in the last hour, busy or free (at least 1).
int OnDuty(storage::Database& db, const storage::LocationRow& l, Timestamp now) {
    auto n = storage::CountRecentAgents(db, l.id, now - kMsPerHour);
    return n.ok() ? std::max(1, *n) : 1;
}

api::WaitEstimate Estimate(const walkup::ServiceTimeModel& model, const storage::LocationRow& l,
                           const std::vector<storage::VisitRow>& open, std::size_t ahead, int on_duty, Timestamp now) {
    walkup::WaitInput in;
    std::set<std::int64_t> agents;
    std::size_t waiting_seen = 0;
    for (const storage::VisitRow& v : open) {
        if (v.status == VisitStatus::waiting && waiting_seen++ < ahead) in.ahead.push_back(model.Expected(l.key, v.reason_key));
        if (v.status == VisitStatus::called || v.status == VisitStatus::in_service) {
            const Timestamp since = v.started_at > 0 ? v.started_at : v.called_at;
            in.in_service.push_back(model.Expected(l.key, v.reason_key));
            in.in_service_elapsed_minutes.push_back(static_cast<double>(std::max<Timestamp>(0, now - since)) / kMsPerMinute);
            if (v.agent_id.valid()) agents.insert(v.agent_id.value);
        }
    }
    in.agents = std::max<int>(on_duty, static_cast<int>(agents.size()));
    const walkup::WaitRange w = walkup::EstimateWait(in);
    return api::WaitEstimate{w.low, w.high};
}

std::string ReasonLabel(const std::vector<storage::ReasonRow>& reasons, const std::string& key) {
    for (const storage::ReasonRow& r : reasons)
        if (r.key == key) return tr(r.label.c_str());
    return key;
}

const storage::ReasonRow* FindReason(const std::vector<storage::ReasonRow>& reasons, const std::string& key) {
    for (const storage::ReasonRow& r : reasons)
        if (r.key == key) return &r;
    return nullptr;
}

// One visit as `viewer` may see it: staff see names, notes and agents; the visitor sees their
// own; a kiosk or board (staff = false, own = false) only ticket, board name, status and desk.
api::Visit View(const storage::VisitRow& v, const std::vector<storage::ReasonRow>& reasons, bool staff, bool own) {
    api::Visit out;
    out.id = v.id;
    out.location_id = v.location_id;
    out.ticket = v.ticket;
    out.status = v.status;
    out.channel = v.channel;
    out.reason = v.reason_key;
    out.reason_label = ReasonLabel(reasons, v.reason_key);
    out.board_name = v.board_name;
    out.checked_in_at = v.checked_in_at;
    out.called_at = v.called_at;
    out.started_at = v.started_at;
    out.ended_at = v.ended_at;
    out.appointment_at = v.appointment_at;
    out.desk = v.desk_name;
    out.desk_id = v.desk_id;
    out.request_id = v.request_id.value;
    out.first_contact = v.first_contact;
    out.csat = v.csat;
    out.version = v.version;
    if (staff || own) {
        out.note = v.note;
        out.outcome_note = v.outcome_note;
        out.user_id = v.user_id.value;
    }
    if (staff) {
        out.name = v.user_id.valid() ? v.user_name : v.guest_name;
        out.agent_name = v.agent_name;
    }
    return out;
}

// Positions and waits for the waiting visits among `views`, from the location's open queue.
void AddPositions(storage::Database& db, const storage::LocationRow& l, const std::vector<storage::ReasonRow>& reasons,
                  std::vector<api::Visit>& views, Timestamp now) {
    auto open = storage::ListOpenVisits(db, l.id);
    if (!open.ok()) return;
    const walkup::ServiceTimeModel model = LearnModel(db, l, reasons);
    const int on_duty = OnDuty(db, l, now);
    std::vector<walkup::QueueEntry> entries;
    for (const storage::VisitRow& v : *open) entries.push_back({v.id, v.status, v.queue_at, v.appointment_at});  // queue_at: an en-route arrival keeps its place
    for (api::Visit& view : views) {
        if (view.location_id != l.id) continue;
        if (view.status == VisitStatus::waiting) {
            view.position = walkup::PositionOf(entries, view.id);
            view.wait = Estimate(model, l, *open, static_cast<std::size_t>(std::max(0, view.position - 1)), on_duty, now);
        } else if (view.status == VisitStatus::en_route) {
            // Not in the line yet: the wait if they arrived now, behind everyone waiting.
            view.wait = Estimate(model, l, *open, static_cast<std::size_t>(-1), on_duty, now);
        }
    }
}

bool Staff(const User& u) { return IsStaff(u.role); }

Error BadMove(const storage::VisitRow& v, std::string_view action) {
    (void)action;
    // TRANSLATORS: {0} is a walk-up ticket number ("A-042").
    return MakeError(ErrorCode::conflict, i18n::Format(tr("That step is not possible for visit {0} in its current state."), {v.ticket}));
}

Result<Unit> Audit(storage::Database& db, UserId actor, const storage::VisitRow& v, const char* action, Timestamp now) {
    const std::string detail = storage::AuditDetail()
                                   .Text("ticket", v.ticket)
                                   .Text("status", std::string(walkup::VisitStatusName(v.status)))
                                   .Int("location_id", v.location_id)
                                   .Json();
    return storage::AppendAudit(db, {now, actor, "walkup_visit", v.id, action, detail});
}

}  // namespace walkup_detail

using namespace walkup_detail;

WalkupService::WalkupService(storage::ReaderPool& readers, storage::Writer& writer, CatalogService& catalog)
    : m_readers(readers), m_writer(writer), m_catalog(catalog) {}

// ---------------------------------------------------------------------------------------------
// [SECTION] Reads
// ---------------------------------------------------------------------------------------------
Result<api::WalkupLocation> WalkupService::LocationView(storage::Database& db, const storage::LocationRow& l, Timestamp now) {
    api::WalkupLocation out;
    out.id = l.id;
    out.key = l.key;
    out.name = l.name;
    out.prefix = l.prefix;
    out.time_zone = l.time_zone;
    out.hours = l.hours;
    out.open_now = OpenNow(l, now);
    for (const auto& [id, name] : l.desks) out.desks.push_back({id, name});
    auto reasons = storage::ListReasons(db);
    if (!reasons.ok()) return reasons.error();
    auto open = storage::ListOpenVisits(db, l.id);
    if (!open.ok()) return open.error();
    for (const storage::VisitRow& v : *open) out.waiting += v.status == VisitStatus::waiting ? 1 : 0;
    out.wait = Estimate(LearnModel(db, l, *reasons), l, *open, static_cast<std::size_t>(out.waiting), OnDuty(db, l, now), now);
    return out;
}

Result<api::LocationList> WalkupService::Locations(Timestamp now) {
    auto lease = m_readers.Acquire();
    auto rows = storage::ListLocations(*lease);
    if (!rows.ok()) return rows.error();
    auto reasons = storage::ListReasons(*lease);
    if (!reasons.ok()) return reasons.error();
    api::LocationList out;
    for (const storage::LocationRow& l : *rows) {
        auto view = LocationView(*lease, l, now);
        if (!view.ok()) return view.error();
        out.locations.push_back(std::move(*view));
    }
    for (const storage::ReasonRow& r : *reasons) out.reasons.push_back({r.key, tr(r.label.c_str())});
    return out;
}

namespace {

// A location with its open visits (queue order) and the reasons: what the board and the console read.
struct QueueSnapshot {
    storage::LocationRow location;
    std::vector<storage::VisitRow> open;
    std::vector<storage::ReasonRow> reasons;
};

Result<QueueSnapshot> LoadQueue(storage::Database& db, std::int64_t location_id) {
    auto l = RequireLocation(db, location_id);
    if (!l.ok()) return l.error();
    auto open = storage::ListOpenVisits(db, location_id);
    if (!open.ok()) return open.error();
    auto reasons = storage::ListReasons(db);
    if (!reasons.ok()) return reasons.error();
    return QueueSnapshot{std::move(*l), std::move(*open), std::move(*reasons)};
}

}  // namespace

void WalkupService::Announce(const api::Visit& changed) const {
    if (m_events != nullptr) m_events->PublishWalkup(changed.location_id, UserId(changed.user_id));
}

Result<api::Board> WalkupService::Board(std::int64_t location_id, Timestamp now, bool for_kiosk) {
    auto lease = m_readers.Acquire();
    auto q = LoadQueue(*lease, location_id);
    if (!q.ok()) return q.error();
    api::Board b;
    b.location_id = q->location.id;
    b.location_name = q->location.name;
    std::vector<const storage::VisitRow*> serving;
    for (const storage::VisitRow& v : q->open) {
        if (v.status == VisitStatus::called || v.status == VisitStatus::in_service) serving.push_back(&v);
        if (v.status != VisitStatus::waiting) continue;
        ++b.waiting;
        if (b.next.size() < 10) b.next.push_back({v.ticket, v.board_name, ""});
    }
    std::sort(serving.begin(), serving.end(), [](const auto* a, const auto* c) { return a->called_at > c->called_at; });
    for (const storage::VisitRow* v : serving) b.serving.push_back({v->ticket, v->board_name, v->desk_name});
    b.wait = Estimate(LearnModel(*lease, q->location, q->reasons), q->location, q->open, static_cast<std::size_t>(b.waiting),
                      OnDuty(*lease, q->location, now), now);
    if (for_kiosk) {  // tickets a person who just left a desk can tap to rate their visit
        auto served = storage::ListUnratedServedSince(*lease, location_id, now - kKioskSurveyMs, 6);
        if (!served.ok()) return served.error();
        for (const storage::VisitRow& v : *served) b.just_served.push_back({v.ticket, "", "", v.id});
    }
    return b;
}

Result<std::vector<api::Visit>> WalkupService::Console(const User& caller, std::int64_t location_id, Timestamp now) {
    if (!Staff(caller)) return MakeError(ErrorCode::forbidden, tr("Only agents can see the walk-up queue."));
    auto lease = m_readers.Acquire();
    auto q = LoadQueue(*lease, location_id);
    if (!q.ok()) return q.error();
    std::vector<api::Visit> out;
    for (const storage::VisitRow& v : q->open) out.push_back(View(v, q->reasons, true, false));
    AddPositions(*lease, q->location, q->reasons, out, now);
    return out;
}

Result<std::vector<api::Visit>> WalkupService::MyVisits(const User& caller, Timestamp now) {
    auto lease = m_readers.Acquire();
    auto rows = storage::ListVisitsOfUser(*lease, caller.id, 20);
    if (!rows.ok()) return rows.error();
    auto reasons = storage::ListReasons(*lease);
    if (!reasons.ok()) return reasons.error();
    auto locations = storage::ListLocations(*lease);
    if (!locations.ok()) return locations.error();
    std::vector<api::Visit> out;
    for (const storage::VisitRow& v : *rows) out.push_back(View(v, *reasons, false, true));
    for (const storage::LocationRow& l : *locations) AddPositions(*lease, l, *reasons, out, now);
    return out;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Check-in
// ---------------------------------------------------------------------------------------------
Result<CheckinResult> WalkupService::CheckInAtKiosk(const KioskCaller& kiosk, const api::CheckinBody& body,
                                                    const std::optional<std::string>& idempotency_key, Timestamp now) {
    const bool offline = body.local_checked_in_at > 0;
    if (offline && !idempotency_key)
        return MakeError(ErrorCode::bad_request, tr("An offline check-in needs an Idempotency-Key."), "Idempotency-Key");
    auto stored = m_writer.Run([&](storage::Database& db) -> Result<StoredCheckin> {
        auto l = RequireLocation(db, kiosk.location_id);
        if (!l.ok()) return l.error();
        api::CheckinBody b = body;
        b.input.location = l->key;  // a kiosk checks in at its own location only
        if (std::vector<FieldError> problems = walkup::ValidateKioskCheckin(b.input); !problems.empty()) {
            Error e = MakeError(ErrorCode::validation_failed, problems.front().message, problems.front().field);
            e.details = std::move(problems);
            return e;
        }
        const Timestamp at =
            offline ? walkup::MergedCheckinTime(body.local_checked_in_at, body.kiosk_now, now, kMaxKioskClockSkewMs) : now;
        std::optional<User> who;
        if (offline) b.appointment = false;  // a booking is found by the person anyway; none is no reason to refuse
        if (!b.input.badge.empty() || !b.input.username.empty()) {
            std::optional<UserId> id;
            if (!b.input.badge.empty()) {
                auto found = storage::FindUserByBadge(db, Trim(b.input.badge));
                if (!found.ok()) return found.error();
                id = *found;
                if (!id && offline) return OfflineGuest(db, *l, std::move(b), kiosk, *idempotency_key, at, now);
                if (!id) return MakeError(ErrorCode::validation_failed, tr("We don't know this badge. Try your username."), "badge");
            } else {
                auto found = storage::FindUserByUsername(db, Trim(b.input.username));
                if (!found.ok()) return found.error();
                if (*found) id = (*found)->user.id;
                else if (Trim(b.input.username).find('@') != std::string_view::npos) {  // an e-mail address
                    auto mail = storage::FindUserByEmail(db, Trim(b.input.username));
                    if (!mail.ok()) return mail.error();
                    id = *mail;
                } else {  // a badge number typed by hand (or a scan the kiosk took for typing) works too
                    auto badge = storage::FindUserByBadge(db, Trim(b.input.username));
                    if (!badge.ok()) return badge.error();
                    id = *badge;
                }
                if (!id && offline) return OfflineGuest(db, *l, std::move(b), kiosk, *idempotency_key, at, now);
                if (!id) return MakeError(ErrorCode::validation_failed, tr("We don't know this username."), "username");
            }
            auto user = storage::FindUser(db, *id);
            if (!user.ok()) return user.error();
            if (!*user) return MakeError(ErrorCode::validation_failed, tr("We don't know this username."), "username");
            who = std::move(**user);
        }
        return CheckIn(db, *l, b, who ? &*who : nullptr, kiosk.kiosk_id, idempotency_key.value_or(""), at,
                       offline ? "offline" : (b.appointment ? "appointment" : "kiosk"), now);
    });
    if (!stored.ok()) return stored.error();
    return Respond(*stored, now);
}

// An offline check-in whose badge or username the server doesn't know: the person already holds
// the kiosk's number and has sat down, so they are queued as a guest (named by what they typed,
// a badge number never shown) rather than lost.
Result<StoredCheckin> WalkupService::OfflineGuest(storage::Database& db, const storage::LocationRow& l, api::CheckinBody b,
                                                  const KioskCaller& kiosk, const std::string& idempotency_key, Timestamp at,
                                                  Timestamp now) {
    const std::string typed(Trim(b.input.username));
    b.input.guest_name = typed.empty() ? std::string(tr("Visitor")) : typed;
    b.input.username.clear();
    b.input.badge.clear();
    return CheckIn(db, l, b, nullptr, kiosk.kiosk_id, idempotency_key, at, "offline", now);
}

Result<CheckinResult> WalkupService::CheckInRemote(const User& caller, std::int64_t location_id, const api::CheckinBody& body,
                                                   Timestamp now) {
    auto stored = m_writer.Run([&](storage::Database& db) -> Result<StoredCheckin> {
        auto l = RequireLocation(db, location_id);
        if (!l.ok()) return l.error();
        if (!OpenNow(*l, now))
            return MakeError(ErrorCode::validation_failed, tr("This desk is closed now. Join the queue when it is open."), "location");
        api::CheckinBody b = body;
        b.input.location = l->key;
        b.input.badge.clear();
        b.input.username.clear();
        b.input.guest_name.clear();
        b.appointment = false;
        return CheckIn(db, *l, b, &caller, 0, "", now, "remote", now);
    });
    if (!stored.ok()) return stored.error();
    return Respond(*stored, now);
}

// The answer to a check-in, read after its write committed: the position and the wait come from
// the whole queue, which the write itself never reads.
Result<CheckinResult> WalkupService::Respond(const StoredCheckin& stored, Timestamp now) {
    auto lease = m_readers.Acquire();
    auto l = RequireLocation(*lease, stored.visit.location_id);
    if (!l.ok()) return l.error();
    auto reasons = storage::ListReasons(*lease);
    if (!reasons.ok()) return reasons.error();
    std::vector<api::Visit> one{View(stored.visit, *reasons, false, true)};
    AddPositions(*lease, *l, *reasons, one, now);
    if (!stored.visit.user_id.valid()) one.front().user_id = 0;  // a guest at a kiosk
    return CheckinResult{std::move(one.front()), stored.created};
}

// The one check-in path, inside a writer job. A person has at most one open visit per location:
// checking in again returns it, and checking in at the kiosk moves an "on my way" or booked visit
// into the line (an en-route visit keeps its place from when it joined).
Result<StoredCheckin> WalkupService::CheckIn(storage::Database& db, const storage::LocationRow& l, const api::CheckinBody& body,
                                             const User* who, std::int64_t kiosk_id, const std::string& idempotency_key,
                                             Timestamp checked_in_at, std::string channel, Timestamp now) {
    auto reasons = storage::ListReasons(db);
    if (!reasons.ok()) return reasons.error();
    auto respond = [](const storage::VisitRow& v, bool created) -> Result<StoredCheckin> { return StoredCheckin{v, created}; };
    if (!idempotency_key.empty()) {
        auto replay = storage::FindVisitByKey(db, kiosk_id, idempotency_key);
        if (!replay.ok()) return replay.error();
        if (*replay) return respond(**replay, false);
    }
    std::vector<FieldError> problems = walkup::ValidateCheckin(body.input);
    if (problems.empty() && FindReason(*reasons, body.input.reason) == nullptr)
        problems.push_back({"reason", tr("Choose one of the reasons shown.")});
    if (!problems.empty()) {
        Error e = MakeError(ErrorCode::validation_failed, problems.front().message, problems.front().field);
        e.details = std::move(problems);
        return e;
    }
    const std::string day = LocalDay(l, checked_in_at);
    if (who != nullptr) {
        auto open = storage::ListOpenVisitsOfUser(db, l.id, who->id);  // the person's own, not the whole queue
        if (!open.ok()) return open.error();
        for (const storage::VisitRow& existing : *open) {
            if (existing.status == VisitStatus::booked && existing.day != day) continue;  // booked for another day
            const bool arriving = channel != "remote" &&
                                  (existing.status == VisitStatus::en_route || existing.status == VisitStatus::booked);
            if (!arriving) return respond(existing, false);
            storage::VisitRow v = existing;
            v.status = VisitStatus::waiting;
            v.checked_in_at = checked_in_at;
            if (existing.status == VisitStatus::booked)
                v.queue_at = walkup::QueueTime({v.id, VisitStatus::waiting, checked_in_at, v.appointment_at});
            auto saved = storage::UpdateVisit(db, v, existing.version);
            if (!saved.ok()) return saved.error();
            if (auto a = Audit(db, who->id, v, "arrive", now); !a.ok()) return a.error();
            auto fresh = storage::FindVisit(db, v.id);
            if (!fresh.ok()) return fresh.error();
            return respond(**fresh, true);
        }
    }
    if (body.appointment)
        return MakeError(ErrorCode::validation_failed, tr("We can't find an appointment for you today. Check in without one."),
                         "appointment");
    auto seq = storage::NextVisitSeq(db, l.id, day);
    if (!seq.ok()) return seq.error();
    storage::VisitRow v;
    v.location_id = l.id;
    v.day = day;
    v.seq = *seq;
    v.ticket = walkup::TicketNumber(l.prefix.empty() ? 'A' : l.prefix[0], *seq);
    v.status = channel == "remote" ? VisitStatus::en_route : VisitStatus::waiting;
    v.channel = std::move(channel);
    v.reason_key = body.input.reason;
    v.note = std::string(Trim(body.input.note));
    if (who != nullptr) v.user_id = who->id;
    v.guest_name = who != nullptr ? "" : std::string(Trim(body.input.guest_name));
    v.board_name = walkup::BoardName(who != nullptr ? who->display_name : v.guest_name);
    v.checked_in_at = checked_in_at;
    v.queue_at = checked_in_at;
    v.kiosk_id = kiosk_id;
    v.idempotency_key = idempotency_key;
    if (auto id = storage::InsertVisit(db, v); !id.ok()) return id.error();
    if (auto a = Audit(db, who != nullptr ? who->id : UserId(), v, "check_in", now); !a.ok()) return a.error();
    auto fresh = storage::FindVisit(db, v.id);
    if (!fresh.ok()) return fresh.error();
    return respond(**fresh, true);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Console and visitor actions
// ---------------------------------------------------------------------------------------------
namespace {

bool IsStaffAction(std::string_view a) {
    return a == "call" || a == "start" || a == "resolve" || a == "transfer" || a == "no_show" || a == "requeue";
}

// Applies `action` to `v` (already loaded and authorised); false with an error when the move is
// not allowed from its status or the input is wrong.
Result<Unit> ApplyAction(storage::Database& db, storage::VisitRow& v, std::string_view action, const api::VisitAction& body,
                         const User& caller, const storage::LocationRow& l, Timestamp now) {
    auto desk_of = [&](std::int64_t id) -> const std::pair<std::int64_t, std::string>* {
        for (const auto& d : l.desks)
            if (d.first == id) return &d;
        return nullptr;
    };
    if (action == "call") {
        if (!walkup::CanMove(v.status, VisitStatus::called)) return BadMove(v, action);
        if (desk_of(body.desk_id) == nullptr)
            return MakeError(ErrorCode::validation_failed, tr("Choose the desk you are calling to."), "desk_id");
        v.status = VisitStatus::called;
        v.called_at = now;
        v.desk_id = body.desk_id;
        v.agent_id = caller.id;
    } else if (action == "start") {
        if (!walkup::CanMove(v.status, VisitStatus::in_service)) return BadMove(v, action);
        v.status = VisitStatus::in_service;
        v.started_at = now;
        v.agent_id = caller.id;
    } else if (action == "resolve" || (action == "transfer" && body.to != "desk")) {
        const VisitStatus to = action == "resolve" ? VisitStatus::resolved : VisitStatus::transferred;
        if (!walkup::CanMove(v.status, to)) return BadMove(v, action);
        if (auto bad = walkup::ValidateOutcomeNote(body.note); !bad.empty())
            return MakeError(ErrorCode::validation_failed, bad.front().message, bad.front().field);
        if (action == "transfer" && body.to != "back_office")
            return MakeError(ErrorCode::validation_failed, tr("Transfer to a desk or to the back office."), "to");
        v.status = to;
        v.ended_at = now;
        v.outcome_note = std::string(Trim(body.note));
        v.first_contact = to == VisitStatus::resolved && body.first_contact;
        if (!v.agent_id.valid()) v.agent_id = caller.id;
    } else if (action == "transfer") {  // to another desk: called there, by whoever is at that desk
        if (v.status != VisitStatus::called && v.status != VisitStatus::in_service) return BadMove(v, action);
        if (desk_of(body.desk_id) == nullptr || body.desk_id == v.desk_id)
            return MakeError(ErrorCode::validation_failed, tr("Choose another desk."), "desk_id");
        v.status = VisitStatus::called;
        v.called_at = now;
        v.started_at = 0;
        v.desk_id = body.desk_id;
        v.agent_id = UserId();
    } else if (action == "no_show") {
        if (!walkup::CanMove(v.status, VisitStatus::no_show)) return BadMove(v, action);
        v.status = VisitStatus::no_show;
        v.ended_at = now;
    } else if (action == "requeue") {
        if (!walkup::CanMove(v.status, VisitStatus::waiting) || v.status != VisitStatus::called) return BadMove(v, action);
        v.status = VisitStatus::waiting;
        v.called_at = 0;
        v.desk_id = 0;
        v.agent_id = UserId();
    } else if (action == "cancel") {
        if (!walkup::CanMove(v.status, VisitStatus::cancelled)) return BadMove(v, action);
        v.status = VisitStatus::cancelled;
        v.ended_at = now;
    } else if (action == "survey") {
        if (v.status != VisitStatus::resolved && v.status != VisitStatus::transferred) return BadMove(v, action);
        if (now - v.ended_at > kSurveyWindowMs) return MakeError(ErrorCode::conflict, tr("This visit can no longer be rated."));
        if (v.csat != 0) return MakeError(ErrorCode::conflict, tr("This visit was already rated. Thank you!"));
        if (auto bad = walkup::ValidateSurveyScore(body.score); !bad.empty())
            return MakeError(ErrorCode::validation_failed, bad.front().message, bad.front().field);
        v.csat = body.score;
        // The same survey as the request the visit filed: one row answers both.
        auto existing = storage::FindSurvey(db, v.request_id.value, v.id);
        if (!existing.ok()) return existing.error();
        storage::SurveyRow row = existing->value_or(storage::SurveyRow{});
        if (row.id == 0) row.answer.answered_at = now;
        row.request_id = v.request_id.value;
        row.visit_id = v.id;
        row.user = v.user_id;
        row.agent = v.agent_id;
        row.answer.score = body.score;
        row.answer.updated_at = now;
        if (auto saved = storage::SaveSurvey(db, row); !saved.ok()) return saved.error();
    } else {
        return MakeError(ErrorCode::not_found, tr("There is no such API route."));
    }
    return Unit{};
}

}  // namespace

Result<api::Visit> WalkupService::Act(const User& caller, std::int64_t visit_id, std::string_view action,
                                      const api::VisitAction& body, Timestamp now) {
    return m_writer.Run([&](storage::Database& db) -> Result<api::Visit> {
        auto found = storage::FindVisit(db, visit_id);
        if (!found.ok()) return found.error();
        const bool staff = Staff(caller);
        const bool own = *found && (*found)->user_id == caller.id;
        // Someone else's visit looks exactly like a missing one to an employee.
        if (!*found || (!staff && !own)) return MakeError(ErrorCode::not_found, tr("No such visit."));
        if (IsStaffAction(action) && !staff) return MakeError(ErrorCode::forbidden, tr("Only agents can do that."));
        if (action == "survey" && !own) return MakeError(ErrorCode::forbidden, tr("Only the visitor can rate a visit."));
        storage::VisitRow v = **found;
        if (body.base_version != 0 && body.base_version != v.version) return MakeError(ErrorCode::conflict);
        auto l = RequireLocation(db, v.location_id);
        if (!l.ok()) return l.error();
        if (auto applied = ApplyAction(db, v, action, body, caller, *l, now); !applied.ok()) return applied.error();
        const bool files_request = v.status == VisitStatus::resolved || v.status == VisitStatus::transferred;
        if (files_request && action != "survey") {
            if (auto filed = FileVisitRequest(db, v, caller, v.status == VisitStatus::resolved, now); !filed.ok())
                return filed.error();
        }
        auto saved = storage::UpdateVisit(db, v, found->value().version);
        if (!saved.ok()) return saved.error();
        if (!*saved) return MakeError(ErrorCode::conflict);
        if (auto a = Audit(db, caller.id, v, std::string(action).c_str(), now); !a.ok()) return a.error();
        auto fresh = storage::FindVisit(db, v.id);
        if (!fresh.ok()) return fresh.error();
        auto reasons = storage::ListReasons(db);
        if (!reasons.ok()) return reasons.error();
        std::vector<api::Visit> one{View(**fresh, *reasons, staff, own)};
        AddPositions(db, *l, *reasons, one, now);
        return one.front();
    });
}

Result<api::Visit> WalkupService::CallNext(const User& caller, std::int64_t location_id, const api::VisitAction& body,
                                           Timestamp now) {
    if (!Staff(caller)) return MakeError(ErrorCode::forbidden, tr("Only agents can do that."));
    std::int64_t next = 0;
    {
        auto lease = m_readers.Acquire();
        auto l = RequireLocation(*lease, location_id);
        if (!l.ok()) return l.error();
        auto open = storage::ListOpenVisits(*lease, location_id);
        if (!open.ok()) return open.error();
        std::vector<walkup::QueueEntry> entries;
        for (const storage::VisitRow& v : *open) entries.push_back({v.id, v.status, v.queue_at, v.appointment_at});  // queue_at: an en-route arrival keeps its place
        const std::vector<std::int64_t> order = walkup::QueueOrder(entries);
        if (order.empty()) return MakeError(ErrorCode::conflict, tr("Nobody is waiting."));
        next = order.front();
    }
    // Two agents calling at once: the second finds the visit already called (409) and calls again.
    return Act(caller, next, "call", body, now);
}

Result<api::Visit> WalkupService::KioskSurvey(const KioskCaller& kiosk, std::int64_t visit_id, int score, Timestamp now) {
    return m_writer.Run([&](storage::Database& db) -> Result<api::Visit> {
        auto found = storage::FindVisit(db, visit_id);
        if (!found.ok()) return found.error();
        if (!*found || (*found)->location_id != kiosk.location_id) return MakeError(ErrorCode::not_found, tr("No such visit."));
        storage::VisitRow v = **found;
        auto l = RequireLocation(db, v.location_id);
        if (!l.ok()) return l.error();
        api::VisitAction body;
        body.score = score;
        User none;
        if (auto applied = ApplyAction(db, v, "survey", body, none, *l, now); !applied.ok()) return applied.error();
        auto saved = storage::UpdateVisit(db, v, found->value().version);
        if (!saved.ok()) return saved.error();
        if (!*saved) return MakeError(ErrorCode::conflict);
        if (auto a = Audit(db, UserId(), v, "survey", now); !a.ok()) return a.error();
        auto reasons = storage::ListReasons(db);
        if (!reasons.ok()) return reasons.error();
        return View(v, *reasons, false, false);
    });
}

// ---------------------------------------------------------------------------------------------
// [SECTION] The request a visit files
// A resolved visit becomes a resolved request in the normal history (requester, reason, timings,
// the agent), so "My requests" and the reports include walk-ups; a visit handed to the back
// office becomes an open request, routed and assigned like any other.
// ---------------------------------------------------------------------------------------------
Result<Unit> WalkupService::FileVisitRequest(storage::Database& db, storage::VisitRow& v, const User& agent, bool resolved,
                                             Timestamp now) {
    auto reasons = storage::ListReasons(db);
    if (!reasons.ok()) return reasons.error();
    const storage::ReasonRow* reason = FindReason(*reasons, v.reason_key);
    const auto snapshot = m_catalog.Snapshot();
    const CatalogItem* found = reason != nullptr && reason->catalog_item_id > 0
                                   ? snapshot->Find(CatalogItemId(reason->catalog_item_id))
                                   : nullptr;
    static const CatalogItem kGeneric = [] {  // reasons without a catalog item file a plain IT incident
        CatalogItem g;
        g.title = "Walk-up visit";
        g.department = "IT";
        g.category = "Walk-up";
        g.type = RequestType::incident;
        g.impact = Level::low;
        g.urgency = Level::low;
        return g;
    }();
    const CatalogItem& item = found != nullptr ? *found : kGeneric;

    User requester = agent;  // a guest's visit is filed under the agent who served them
    if (v.user_id.valid()) {
        auto user = storage::FindUser(db, v.user_id);
        if (!user.ok()) return user.error();
        if (*user) requester = **user;
    }
    RequestDraft draft;
    const std::string who = v.user_id.valid() ? "" : " (guest: " + v.guest_name + ")";
    draft.summary = "Walk-up " + v.ticket + ": " + (reason != nullptr ? reason->label : v.reason_key) + who;
    if (Utf8Length(draft.summary) > limits::kMaxSummary) draft.summary = v.ticket;
    draft.description = v.note;
    if (!v.outcome_note.empty()) draft.description += (draft.description.empty() ? "" : "\n\n") + v.outcome_note;
    Request r = BuildRequest(item, draft, requester, now);
    r.created_at = v.checked_in_at;
    r.form_json = "{}";
    if (resolved) {
        r.sla_policy = std::string(SlaPolicyNameFor(requester.time_zone));
        auto groups = storage::ListGroups(db);
        if (!groups.ok()) return groups.error();
        auto rules = storage::ListRoutingRules(db);
        if (!rules.ok()) return rules.error();
        if (!groups->empty()) {
            r.group_id = RouteToGroup(*rules, item.id, item.category, item.department, groups->front().id);
            for (const AssignmentGroup& g : *groups)
                if (g.id == r.group_id) r.group_name = g.name;
        }
        RecomputeDueTimes(r, {}, now);
        r.status = Status::resolved;
        r.assignee_id = agent.id;
        r.assignee_name = agent.display_name;
        r.first_response_at = v.started_at > 0 ? v.started_at : now;
        r.resolved_at = now;
        r.resolution_note = v.outcome_note.empty() ? "Solved at the walk-up desk." : v.outcome_note;
        r.resolved_by = agent.id;
        r.response_due_at = 0;
        r.resolution_due_at = 0;
    } else {
        if (auto placed = PlaceNewRequest(db, r, item, requester, now); !placed.ok()) return placed.error();
    }
    if (auto id = storage::InsertRequest(db, r); !id.ok()) return id.error();
    if (auto recorded = RecordPlacement(db, r, now); !recorded.ok()) return recorded.error();
    const std::string detail = storage::AuditDetail().Text("number", r.number).Text("walkup_ticket", v.ticket).Json();
    if (auto a = storage::AppendAudit(db, {now, agent.id, "request", r.id.value, "create", detail}); !a.ok()) return a.error();
    v.request_id = r.id;
    return Unit{};
}

}  // namespace spoc::app
