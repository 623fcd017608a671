// Walk-up codecs (see walkup_dto.h), on the json_support helpers like every other codec. Times
// are ISO-8601 strings; 0 (not yet) is left out.
#include "shared/api/walkup_dto.h"

#include "shared/api/json_support.h"

namespace spoc::api {

using namespace json_support;

namespace {

void PutTime(json& j, const char* key, Timestamp t) {
    if (t > 0) j[key] = FormatIso8601(t);
}

json WaitJson(const WaitEstimate& w) { return json{{"low", w.low}, {"high", w.high}}; }

WaitEstimate WaitFrom(Reader& r) {
    WaitEstimate w;
    if (const json* o = r.Object("wait")) {
        Reader wr(*o, r.prefix() + "wait.");
        w.low = static_cast<int>(wr.Int("low"));
        w.high = static_cast<int>(wr.Int("high"));
        if (wr.failed()) r.Adopt(wr.error());
    }
    return w;
}

json ReasonJson(const WalkupReason& x) { return json{{"key", x.key}, {"label", x.label}}; }

json LocationJson(const WalkupLocation& l) {
    json desks = json::array();
    for (const WalkupDesk& d : l.desks) desks.push_back(json{{"id", d.id}, {"name", d.name}});
    return json{{"id", l.id},           {"key", l.key},         {"name", l.name},   {"prefix", l.prefix},
                {"time_zone", l.time_zone}, {"hours", l.hours}, {"open_now", l.open_now}, {"desks", desks},
                {"waiting", l.waiting}, {"wait", WaitJson(l.wait)}};
}

Result<WalkupLocation> LocationFrom(const json& o, const std::string& prefix) {
    Reader r(o, prefix);
    WalkupLocation l;
    l.id = r.Int("id", 0, true);
    l.key = r.String("key", true, 64);
    l.name = r.String("name", true, 200);
    l.prefix = r.String("prefix", false, 8);
    l.time_zone = r.String("time_zone", false, 64);
    l.hours = r.String("hours", false, 2000);
    l.open_now = r.Bool("open_now");
    l.waiting = static_cast<int>(r.Int("waiting"));
    l.wait = WaitFrom(r);
    if (const json* desks = r.Array("desks")) {
        for (const json& d : *desks) {
            if (!d.is_object()) { r.Fail("desks", "must hold objects."); break; }
            Reader dr(d, prefix + "desks.");
            l.desks.push_back({dr.Int("id", 0, true), dr.String("name", true, 100)});
            if (dr.failed()) { r.Adopt(dr.error()); break; }
        }
    }
    if (r.failed()) return r.error();
    return l;
}

json VisitJson(const Visit& v) {
    json j = {{"id", v.id},
              {"location_id", v.location_id},
              {"ticket", v.ticket},
              {"status", walkup::VisitStatusName(v.status)},
              {"channel", v.channel},
              {"reason", v.reason},
              {"reason_label", v.reason_label},
              {"board_name", v.board_name},
              {"position", v.position},
              {"first_contact", v.first_contact},
              {"csat", v.csat},
              {"version", v.version}};
    if (!v.note.empty()) j["note"] = v.note;
    if (!v.name.empty()) j["name"] = v.name;
    if (v.user_id != 0) j["user_id"] = v.user_id;
    PutTime(j, "checked_in_at", v.checked_in_at);
    PutTime(j, "called_at", v.called_at);
    PutTime(j, "started_at", v.started_at);
    PutTime(j, "ended_at", v.ended_at);
    PutTime(j, "appointment_at", v.appointment_at);
    if (!v.desk.empty()) {
        j["desk"] = v.desk;
        j["desk_id"] = v.desk_id;
    }
    if (!v.agent_name.empty()) j["agent_name"] = v.agent_name;
    if (v.status == walkup::VisitStatus::waiting || v.status == walkup::VisitStatus::en_route) j["wait"] = WaitJson(v.wait);
    if (v.request_id != 0) j["request_id"] = v.request_id;
    if (!v.outcome_note.empty()) j["outcome_note"] = v.outcome_note;
    return j;
}

Result<Visit> VisitFrom(const json& o, const std::string& prefix) {
    Reader r(o, prefix);
    Visit v;
    v.id = r.Int("id", 0, true);
    v.location_id = r.Int("location_id");
    v.ticket = r.String("ticket", true, 16);
    v.status = r.Enum("status", walkup::VisitStatus::waiting, walkup::ParseVisitStatus, true);
    v.channel = r.String("channel", false, 16);
    v.reason = r.String("reason", false, 64);
    v.reason_label = r.String("reason_label", false, 200);
    v.note = r.String("note", false, 2000);
    v.board_name = r.String("board_name", false, 200);
    v.name = r.String("name", false, 400);
    v.user_id = r.Int("user_id");
    v.checked_in_at = r.Time("checked_in_at");
    v.called_at = r.Time("called_at");
    v.started_at = r.Time("started_at");
    v.ended_at = r.Time("ended_at");
    v.appointment_at = r.Time("appointment_at");
    v.desk = r.String("desk", false, 100);
    v.desk_id = r.Int("desk_id");
    v.agent_name = r.String("agent_name", false, 400);
    v.position = static_cast<int>(r.Int("position"));
    v.wait = WaitFrom(r);
    v.request_id = r.Int("request_id");
    v.first_contact = r.Bool("first_contact");
    v.outcome_note = r.String("outcome_note", false, 8000);
    v.csat = static_cast<int>(r.Int("csat"));
    v.version = static_cast<int>(r.Int("version", 1));
    if (r.failed()) return r.error();
    return v;
}

json BoardEntryJson(const BoardEntry& e) {
    json j = {{"ticket", e.ticket}};
    if (!e.board_name.empty()) j["board_name"] = e.board_name;  // never for a just-served ticket
    if (!e.desk.empty()) j["desk"] = e.desk;
    if (e.visit_id != 0) j["visit_id"] = e.visit_id;
    return j;
}

template <class T, class From>
Result<std::vector<T>> ListFrom(Reader& r, const char* key, const std::string& prefix, From from) {
    std::vector<T> out;
    if (const json* items = r.Array(key)) {
        for (const json& item : *items) {
            if (!item.is_object()) return MakeError(ErrorCode::bad_request, "'" + prefix + key + "' must hold objects.", prefix + key);
            auto one = from(item, prefix + key + ".");
            if (!one.ok()) return one.error();
            out.push_back(std::move(*one));
        }
    }
    if (r.failed()) return r.error();
    return out;
}

Result<BoardEntry> BoardEntryFrom(const json& o, const std::string& prefix) {
    Reader r(o, prefix);
    BoardEntry e{r.String("ticket", true, 16), r.String("board_name", false, 200), r.String("desk", false, 100),
                 r.Int("visit_id")};
    if (r.failed()) return r.error();
    return e;
}

Result<WalkupReason> ReasonFrom(const json& o, const std::string& prefix) {
    Reader r(o, prefix);
    WalkupReason x{r.String("key", true, 64), r.String("label", true, 200)};
    if (r.failed()) return r.error();
    return x;
}

json DeviceJson(const KioskDevice& d) {
    json reasons = json::array();
    for (const WalkupReason& x : d.reasons) reasons.push_back(ReasonJson(x));
    json j = {{"id", d.id}, {"name", d.name}, {"location", LocationJson(d.location)}, {"reasons", reasons}, {"revoked", d.revoked}};
    if (!d.csrf_token.empty()) j["csrf_token"] = d.csrf_token;
    PutTime(j, "paired_at", d.paired_at);
    PutTime(j, "last_seen_at", d.last_seen_at);
    return j;
}

}  // namespace

std::string EncodeVisit(const Visit& v) { return Dump(VisitJson(v)); }

Result<Visit> DecodeVisit(std::string_view body) {
    return Guard<Visit>([&]() -> Result<Visit> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        return VisitFrom(*doc, "");
    });
}

std::string EncodeVisitList(const std::vector<Visit>& visits) {
    json items = json::array();
    for (const Visit& v : visits) items.push_back(VisitJson(v));
    return Dump(json{{"items", items}});
}

Result<std::vector<Visit>> DecodeVisitList(std::string_view body) {
    return Guard<std::vector<Visit>>([&]() -> Result<std::vector<Visit>> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        return ListFrom<Visit>(r, "items", "", VisitFrom);
    });
}

std::string EncodeLocationList(const std::vector<WalkupLocation>& locations, const std::vector<WalkupReason>& reasons) {
    json ls = json::array(), rs = json::array();
    for (const WalkupLocation& l : locations) ls.push_back(LocationJson(l));
    for (const WalkupReason& x : reasons) rs.push_back(ReasonJson(x));
    return Dump(json{{"items", ls}, {"reasons", rs}});
}

Result<LocationList> DecodeLocationList(std::string_view body) {
    return Guard<LocationList>([&]() -> Result<LocationList> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        LocationList out;
        auto ls = ListFrom<WalkupLocation>(r, "items", "", LocationFrom);
        if (!ls.ok()) return ls.error();
        auto rs = ListFrom<WalkupReason>(r, "reasons", "", ReasonFrom);
        if (!rs.ok()) return rs.error();
        out.locations = std::move(*ls);
        out.reasons = std::move(*rs);
        return out;
    });
}

std::string EncodeCheckinBody(const CheckinBody& b) {
    json j = {{"reason", b.input.reason}};
    if (!b.input.location.empty()) j["location"] = b.input.location;
    if (!b.input.note.empty()) j["note"] = b.input.note;
    if (!b.input.guest_name.empty()) j["guest_name"] = b.input.guest_name;
    if (!b.input.badge.empty()) j["badge"] = b.input.badge;
    if (!b.input.username.empty()) j["username"] = b.input.username;
    if (b.appointment) j["appointment"] = true;
    PutTime(j, "local_checked_in_at", b.local_checked_in_at);
    PutTime(j, "kiosk_now", b.kiosk_now);
    return Dump(j);
}

Result<CheckinBody> DecodeCheckinBody(std::string_view body) {
    return Guard<CheckinBody>([&]() -> Result<CheckinBody> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        CheckinBody b;
        // Lengths are checked in code points by walkup::ValidateCheckin; the byte caps only stop
        // a huge body early (4 bytes per code point at most).
        b.input.location = r.String("location", false, 160);
        b.input.reason = r.String("reason", false, 160);
        b.input.note = r.String("note", false, 4 * 280);
        b.input.guest_name = r.String("guest_name", false, 4 * 80);
        b.input.badge = r.String("badge", false, 256);
        b.input.username = r.String("username", false, 256);
        b.appointment = r.Bool("appointment");
        b.local_checked_in_at = r.Time("local_checked_in_at");
        b.kiosk_now = r.Time("kiosk_now");
        if (r.failed()) return r.error();
        if ((b.local_checked_in_at > 0) != (b.kiosk_now > 0))
            return MakeError(ErrorCode::bad_request, "'local_checked_in_at' and 'kiosk_now' go together.", "kiosk_now");
        return b;
    });
}

std::string EncodeBoard(const Board& b) {
    json serving = json::array(), next = json::array();
    for (const BoardEntry& e : b.serving) serving.push_back(BoardEntryJson(e));
    for (const BoardEntry& e : b.next) next.push_back(BoardEntryJson(e));
    json j{{"location_id", b.location_id}, {"location_name", b.location_name}, {"serving", serving},
           {"next", next}, {"waiting", b.waiting}, {"wait", WaitJson(b.wait)}};
    if (!b.just_served.empty()) {
        json served = json::array();
        for (const BoardEntry& e : b.just_served) served.push_back(BoardEntryJson(e));
        j["just_served"] = served;
    }
    return Dump(j);
}

Result<Board> DecodeBoard(std::string_view body) {
    return Guard<Board>([&]() -> Result<Board> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        Board b;
        b.location_id = r.Int("location_id", 0, true);
        b.location_name = r.String("location_name", false, 200);
        b.waiting = static_cast<int>(r.Int("waiting"));
        b.wait = WaitFrom(r);
        auto serving = ListFrom<BoardEntry>(r, "serving", "", BoardEntryFrom);
        if (!serving.ok()) return serving.error();
        auto next = ListFrom<BoardEntry>(r, "next", "", BoardEntryFrom);
        if (!next.ok()) return next.error();
        auto served = ListFrom<BoardEntry>(r, "just_served", "", BoardEntryFrom);
        if (!served.ok()) return served.error();
        b.serving = std::move(*serving);
        b.next = std::move(*next);
        b.just_served = std::move(*served);
        return b;
    });
}

std::string EncodeVisitAction(const VisitAction& a) {
    json j = json::object();
    if (a.desk_id != 0) j["desk_id"] = a.desk_id;
    if (!a.note.empty()) j["note"] = a.note;
    if (!a.first_contact) j["first_contact"] = false;
    if (!a.to.empty()) j["to"] = a.to;
    if (a.score != 0) j["score"] = a.score;
    if (a.base_version != 0) j["base_version"] = a.base_version;
    return Dump(j);
}

Result<VisitAction> DecodeVisitAction(std::string_view body) {
    if (body.empty()) return VisitAction{};
    return Guard<VisitAction>([&]() -> Result<VisitAction> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        VisitAction a;
        a.desk_id = r.Int("desk_id");
        a.note = r.String("note", false, 4 * limits::kMaxResolutionNote);
        a.first_contact = r.Bool("first_contact", true);
        a.to = r.String("to", false, 32);
        a.score = r.Int32("score");
        a.base_version = static_cast<int>(r.Int("base_version"));
        if (r.failed()) return r.error();
        if (!a.to.empty() && a.to != "desk" && a.to != "back_office")
            return MakeError(ErrorCode::bad_request, "'to' must be desk or back_office.", "to");
        if (a.desk_id < 0) return MakeError(ErrorCode::bad_request, "'desk_id' must be a desk id.", "desk_id");
        return a;
    });
}

std::string EncodeSlotList(const std::vector<Slot>& slots) {
    json items = json::array();
    for (const Slot& s : slots) items.push_back(json{{"start", FormatIso8601(s.start)}, {"capacity", s.capacity}, {"free", s.free}});
    return Dump(json{{"items", items}});
}

Result<std::vector<Slot>> DecodeSlotList(std::string_view body) {
    return Guard<std::vector<Slot>>([&]() -> Result<std::vector<Slot>> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        return ListFrom<Slot>(r, "items", "", [](const json& o, const std::string& prefix) -> Result<Slot> {
            Reader sr(o, prefix);
            Slot s{sr.Time("start"), static_cast<int>(sr.Int("capacity")), static_cast<int>(sr.Int("free"))};
            if (sr.failed()) return sr.error();
            return s;
        });
    });
}

std::string EncodeBookingBody(const BookingBody& b) {
    json j = {{"start", FormatIso8601(b.start)}};
    if (!b.reason.empty()) j["reason"] = b.reason;
    if (!b.note.empty()) j["note"] = b.note;
    return Dump(j);
}

Result<BookingBody> DecodeBookingBody(std::string_view body, bool reason_required) {
    return Guard<BookingBody>([&]() -> Result<BookingBody> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        BookingBody b;
        b.reason = r.String("reason", reason_required, 160);
        b.start = r.Time("start");
        b.note = r.String("note", false, 4 * 280);
        if (r.failed()) return r.error();
        if (b.start == 0) return MakeError(ErrorCode::bad_request, "'start' is required.", "start");
        return b;
    });
}

std::string EncodeKioskPairing(const KioskPairing& p) {
    json j = {{"state", p.state}};
    if (!p.code.empty()) j["code"] = p.code;
    PutTime(j, "expires_at", p.expires_at);
    if (p.location_id != 0) j["location_id"] = p.location_id;
    return Dump(j);
}

Result<KioskPairing> DecodeKioskPairing(std::string_view body) {
    return Guard<KioskPairing>([&]() -> Result<KioskPairing> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        KioskPairing p;
        p.state = r.String("state", true, 16);
        p.code = r.String("code", false, 16);
        p.expires_at = r.Time("expires_at");
        p.location_id = r.Int("location_id");
        if (r.failed()) return r.error();
        return p;
    });
}

std::string EncodePairKioskBody(const PairKioskBody& b) {
    return Dump(json{{"code", b.code}, {"location_id", b.location_id}, {"name", b.name}});
}

Result<PairKioskBody> DecodePairKioskBody(std::string_view body) {
    return Guard<PairKioskBody>([&]() -> Result<PairKioskBody> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        PairKioskBody b;
        b.code = r.String("code", true, 32);
        b.location_id = r.Int("location_id", 0, true);
        b.name = r.String("name", false, 4 * 80);
        if (r.failed()) return r.error();
        return b;
    });
}

std::string EncodeKioskDevice(const KioskDevice& d) { return Dump(DeviceJson(d)); }

Result<KioskDevice> DecodeKioskDevice(std::string_view body) {
    return Guard<KioskDevice>([&]() -> Result<KioskDevice> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        KioskDevice d;
        d.id = r.Int("id", 0, true);
        d.name = r.String("name", false, 400);
        d.csrf_token = r.String("csrf_token", false, 128);
        d.paired_at = r.Time("paired_at");
        d.last_seen_at = r.Time("last_seen_at");
        d.revoked = r.Bool("revoked");
        const json* loc = r.Object("location");
        if (r.failed()) return r.error();
        if (loc == nullptr) return MakeError(ErrorCode::bad_request, "'location' is required.", "location");
        auto location = LocationFrom(*loc, "location.");
        if (!location.ok()) return location.error();
        d.location = std::move(*location);
        auto reasons = ListFrom<WalkupReason>(r, "reasons", "", ReasonFrom);
        if (!reasons.ok()) return reasons.error();
        d.reasons = std::move(*reasons);
        return d;
    });
}

std::string EncodeOutbox(const Outbox& o) {
    json items = json::array();
    for (const OutboxEntry& e : o.items)
        items.push_back(json{{"key", e.key}, {"ticket", e.ticket}, {"checkin", json::parse(EncodeCheckinBody(e.checkin))}});
    return Dump(json{{"seq", o.seq}, {"items", items}});
}

Result<Outbox> DecodeOutbox(std::string_view body) {
    return Guard<Outbox>([&]() -> Result<Outbox> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        Outbox o;
        o.seq = static_cast<int>(r.Int("seq", 0, false));
        if (r.failed()) return r.error();
        const auto it = doc->find("items");
        if (it == doc->end() || !it->is_array())
            return MakeError(ErrorCode::bad_request, "'items' must be a list.", "items");
        if (it->size() > kMaxOutboxEntries) return MakeError(ErrorCode::bad_request, "Too many outbox entries.", "items");
        for (const json& item : *it) {
            if (!item.is_object()) return MakeError(ErrorCode::bad_request, "An outbox entry must be an object.", "items");
            Reader e(item, "items.");
            OutboxEntry entry;
            entry.key = e.String("key", true, 128);
            entry.ticket = e.String("ticket", false, 16);
            if (e.failed()) return e.error();
            const auto checkin = item.find("checkin");
            if (checkin == item.end() || !checkin->is_object())
                return MakeError(ErrorCode::bad_request, "'checkin' is required.", "items.checkin");
            auto b = DecodeCheckinBody(checkin->dump());
            if (!b.ok()) return b.error();
            entry.checkin = std::move(*b);
            o.items.push_back(std::move(entry));
        }
        return o;
    });
}

std::string EncodeKioskList(const std::vector<KioskDevice>& devices) {
    json items = json::array();
    for (const KioskDevice& d : devices) items.push_back(DeviceJson(d));
    return Dump(json{{"items", items}});
}

}  // namespace spoc::api
