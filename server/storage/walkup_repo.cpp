// SQL for the walk-up desk (see walkup_repo.h).
#include "server/storage/walkup_repo.h"

namespace spoc::storage {

namespace {

constexpr const char* kVisitColumns =
    "v.id, v.location_id, v.day, v.seq, v.ticket, v.status, v.channel, v.reason_key, v.note, v.user_id, v.guest_name, "
    "v.board_name, v.appointment_at, v.checked_in_at, v.queue_at, v.called_at, v.started_at, v.ended_at, v.desk_id, "
    "v.agent_id, v.request_id, v.first_contact, v.outcome_note, v.kiosk_id, v.idempotency_key, v.csat, v.version, "
    "COALESCE(u.display_name, ''), COALESCE(d.name, ''), COALESCE(a.display_name, '')";
constexpr const char* kVisitJoins =
    " FROM walkup_visits v LEFT JOIN users u ON u.id = v.user_id LEFT JOIN walkup_desks d ON d.id = v.desk_id "
    "LEFT JOIN users a ON a.id = v.agent_id ";

std::string VisitSelect(const char* where) { return std::string("SELECT ") + kVisitColumns + kVisitJoins + where; }

VisitRow ReadVisit(const Query& q) {
    VisitRow v;
    v.id = q.Int(0);
    v.location_id = q.Int(1);
    v.day = q.Text(2);
    v.seq = static_cast<int>(q.Int(3));
    v.ticket = q.Text(4);
    walkup::ParseVisitStatus(q.Text(5), &v.status);
    v.channel = q.Text(6);
    v.reason_key = q.Text(7);
    v.note = q.Text(8);
    v.user_id = UserId(q.IsNull(9) ? 0 : q.Int(9));
    v.guest_name = q.Text(10);
    v.board_name = q.Text(11);
    v.appointment_at = q.Int(12);
    v.checked_in_at = q.Int(13);
    v.queue_at = q.Int(14);
    v.called_at = q.Int(15);
    v.started_at = q.Int(16);
    v.ended_at = q.Int(17);
    v.desk_id = q.IsNull(18) ? 0 : q.Int(18);
    v.agent_id = UserId(q.IsNull(19) ? 0 : q.Int(19));
    v.request_id = RequestId(q.IsNull(20) ? 0 : q.Int(20));
    v.first_contact = q.Int(21) != 0;
    v.outcome_note = q.Text(22);
    v.kiosk_id = q.IsNull(23) ? 0 : q.Int(23);
    v.idempotency_key = q.IsNull(24) ? "" : q.Text(24);
    v.csat = static_cast<int>(q.Int(25));
    v.version = static_cast<int>(q.Int(26));
    v.user_name = q.Text(27);
    v.desk_name = q.Text(28);
    v.agent_name = q.Text(29);
    return v;
}

template <class T>
std::optional<T> NonZero(T v) {
    return v == 0 ? std::nullopt : std::optional<T>(v);
}

Result<std::vector<VisitRow>> ReadVisits(Query& q) {
    std::vector<VisitRow> out;
    while (true) {
        auto row = q.Step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        out.push_back(ReadVisit(q));
    }
    return out;
}

Result<std::optional<VisitRow>> ReadOneVisit(Query& q) {
    auto row = q.Step();
    if (!row.ok()) return row.error();
    if (!*row) return std::optional<VisitRow>();
    return std::optional<VisitRow>(ReadVisit(q));
}

KioskRow ReadKiosk(const Query& q) {
    KioskRow k;
    k.id = q.Int(0);
    k.location_id = q.Int(1);
    k.name = q.Text(2);
    k.csrf_token = q.Text(3);
    k.paired_by = UserId(q.Int(4));
    k.paired_at = q.Int(5);
    k.revoked_at = q.Int(6);
    k.last_seen_at = q.Int(7);
    return k;
}
constexpr const char* kKioskSelect =
    "SELECT id, location_id, name, csrf_token, paired_by, paired_at, revoked_at, last_seen_at FROM kiosk_devices ";

Result<std::optional<PairingRow>> ReadPairing(Query& q) {
    auto row = q.Step();
    if (!row.ok()) return row.error();
    if (!*row) return std::optional<PairingRow>();
    PairingRow p{q.Int(0), q.Text(1), q.Int(2), q.Int(3), q.IsNull(4) ? 0 : q.Int(4)};
    return std::optional<PairingRow>(std::move(p));
}

}  // namespace

// [SECTION] Locations and reasons

Result<std::int64_t> InsertLocation(Database& db, const LocationRow& l) {
    auto q = db.Prepare(
        "INSERT INTO walkup_locations (key, name, prefix, time_zone, hours, slot_minutes, slot_capacity, sort) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!q.ok()) return q.error();
    q->Bind(1, l.key).Bind(2, l.name).Bind(3, l.prefix).Bind(4, l.time_zone).Bind(5, l.hours);
    q->Bind(6, l.slot_minutes).Bind(7, l.slot_capacity).Bind(8, l.sort);
    if (auto run = q->Run(); !run.ok()) return run.error();
    const std::int64_t id = db.LastInsertId();
    for (const auto& desk : l.desks) {
        auto d = db.Prepare("INSERT INTO walkup_desks (location_id, name) VALUES (?1, ?2)");
        if (!d.ok()) return d.error();
        d->Bind(1, id).Bind(2, desk.second);
        if (auto run = d->Run(); !run.ok()) return run.error();
    }
    return id;
}

Result<Unit> InsertReason(Database& db, const ReasonRow& r) {
    auto q = db.Prepare(
        "INSERT INTO walkup_reasons (key, label, catalog_item_id, typical_minutes, sort) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!q.ok()) return q.error();
    q->Bind(1, r.key).Bind(2, r.label).Bind(3, NonZero(r.catalog_item_id)).Bind(4, r.typical_minutes).Bind(5, r.sort);
    return q->Run();
}

Result<std::int64_t> CountLocations(Database& db) {
    auto q = db.Prepare("SELECT COUNT(*) FROM walkup_locations");
    if (!q.ok()) return q.error();
    auto row = q->Step();
    if (!row.ok()) return row.error();
    return q->Int(0);
}

Result<std::vector<LocationRow>> ListLocations(Database& db) {
    std::vector<LocationRow> out;
    {
        auto q = db.Prepare(
            "SELECT id, key, name, prefix, time_zone, hours, slot_minutes, slot_capacity, sort FROM walkup_locations "
            "ORDER BY sort, id");
        if (!q.ok()) return q.error();
        while (true) {
            auto row = q->Step();
            if (!row.ok()) return row.error();
            if (!*row) break;
            LocationRow l;
            l.id = q->Int(0);
            l.key = q->Text(1);
            l.name = q->Text(2);
            l.prefix = q->Text(3);
            l.time_zone = q->Text(4);
            l.hours = q->Text(5);
            l.slot_minutes = static_cast<int>(q->Int(6));
            l.slot_capacity = static_cast<int>(q->Int(7));
            l.sort = static_cast<int>(q->Int(8));
            out.push_back(std::move(l));
        }
    }
    auto d = db.Prepare("SELECT location_id, id, name FROM walkup_desks ORDER BY id");
    if (!d.ok()) return d.error();
    while (true) {
        auto row = d->Step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        for (LocationRow& l : out)
            if (l.id == d->Int(0)) l.desks.emplace_back(d->Int(1), d->Text(2));
    }
    return out;
}

Result<std::optional<LocationRow>> FindLocation(Database& db, std::int64_t id) {
    auto all = ListLocations(db);  // a handful of rows
    if (!all.ok()) return all.error();
    for (LocationRow& l : *all)
        if (l.id == id) return std::optional<LocationRow>(std::move(l));
    return std::optional<LocationRow>();
}

Result<std::vector<ReasonRow>> ListReasons(Database& db) {
    auto q = db.Prepare("SELECT id, key, label, catalog_item_id, typical_minutes, sort FROM walkup_reasons ORDER BY sort, id");
    if (!q.ok()) return q.error();
    std::vector<ReasonRow> out;
    while (true) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        out.push_back({q->Int(0), q->Text(1), q->Text(2), q->IsNull(3) ? 0 : q->Int(3), q->Real(4), static_cast<int>(q->Int(5))});
    }
    return out;
}

// [SECTION] Visits

Result<int> NextVisitSeq(Database& db, std::int64_t location_id, std::string_view day) {
    auto q = db.Prepare("SELECT COALESCE(MAX(seq), 0) + 1 FROM walkup_visits WHERE location_id = ?1 AND day = ?2");
    if (!q.ok()) return q.error();
    q->Bind(1, location_id).Bind(2, day);
    auto row = q->Step();
    if (!row.ok()) return row.error();
    return static_cast<int>(q->Int(0));
}

Result<std::int64_t> InsertVisit(Database& db, VisitRow& v) {
    auto q = db.Prepare(
        "INSERT INTO walkup_visits (location_id, day, seq, ticket, status, channel, reason_key, note, user_id, guest_name, "
        "board_name, appointment_at, checked_in_at, queue_at, kiosk_id, idempotency_key, version) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, 1)");
    if (!q.ok()) return q.error();
    q->Bind(1, v.location_id).Bind(2, v.day).Bind(3, v.seq).Bind(4, v.ticket);
    q->Bind(5, walkup::VisitStatusName(v.status)).Bind(6, v.channel).Bind(7, v.reason_key).Bind(8, v.note);
    q->Bind(9, NonZero(v.user_id.value)).Bind(10, v.guest_name).Bind(11, v.board_name).Bind(12, v.appointment_at);
    q->Bind(13, v.checked_in_at).Bind(14, v.queue_at).Bind(15, NonZero(v.kiosk_id));
    if (v.idempotency_key.empty()) q->BindNull(16);
    else q->Bind(16, v.idempotency_key);
    if (auto run = q->Run(); !run.ok()) return run.error();
    v.id = db.LastInsertId();
    v.version = 1;
    return v.id;
}

Result<std::optional<VisitRow>> FindVisit(Database& db, std::int64_t id) {
    auto q = db.Prepare(VisitSelect("WHERE v.id = ?1"));
    if (!q.ok()) return q.error();
    q->Bind(1, id);
    return ReadOneVisit(*q);
}

Result<std::optional<VisitRow>> FindVisitByKey(Database& db, std::int64_t kiosk_id, std::string_view key) {
    auto q = db.Prepare(VisitSelect("WHERE v.kiosk_id = ?1 AND v.idempotency_key = ?2"));
    if (!q.ok()) return q.error();
    q->Bind(1, kiosk_id).Bind(2, key);
    return ReadOneVisit(*q);
}

Result<std::vector<VisitRow>> ListOpenVisits(Database& db, std::int64_t location_id) {
    auto q = db.Prepare(VisitSelect(
        "WHERE v.location_id = ?1 AND v.status IN ('booked', 'en_route', 'waiting', 'called', 'in_service') "
        "ORDER BY v.queue_at, v.id"));
    if (!q.ok()) return q.error();
    q->Bind(1, location_id);
    return ReadVisits(*q);
}

Result<std::vector<VisitRow>> ListOpenVisitsOfUser(Database& db, std::int64_t location_id, UserId user) {
    auto q = db.Prepare(VisitSelect(
        "WHERE v.user_id = ?1 AND v.location_id = ?2 AND v.status IN ('booked', 'en_route', 'waiting', 'called', 'in_service') "
        "ORDER BY v.id"));
    if (!q.ok()) return q.error();
    q->Bind(1, user.value).Bind(2, location_id);
    return ReadVisits(*q);
}

Result<int> CountRecentAgents(Database& db, std::int64_t location_id, Timestamp since) {
    auto q = db.Prepare(
        "SELECT COUNT(DISTINCT agent_id) FROM walkup_visits WHERE location_id = ?1 AND called_at > ?2 AND agent_id IS NOT NULL");
    if (!q.ok()) return q.error();
    q->Bind(1, location_id).Bind(2, since);
    auto row = q->Step();
    if (!row.ok()) return row.error();
    return static_cast<int>(q->Int(0));
}

Result<std::vector<VisitRow>> ListUnratedServedSince(Database& db, std::int64_t location_id, Timestamp since, int limit) {
    auto q = db.Prepare(VisitSelect(
        "WHERE v.location_id = ?1 AND v.status = 'resolved' AND v.started_at > 0 AND v.ended_at >= ?2 AND v.csat = 0 "
        "ORDER BY v.ended_at DESC LIMIT ?3"));
    if (!q.ok()) return q.error();
    q->Bind(1, location_id).Bind(2, since).Bind(3, limit);
    return ReadVisits(*q);
}

Result<std::vector<VisitRow>> ListVisitsOfUser(Database& db, UserId user, int limit) {
    auto q = db.Prepare(VisitSelect("WHERE v.user_id = ?1 ORDER BY v.id DESC LIMIT ?2"));
    if (!q.ok()) return q.error();
    q->Bind(1, user.value).Bind(2, limit);
    return ReadVisits(*q);
}

Result<bool> UpdateVisit(Database& db, const VisitRow& v, int base_version) {
    auto q = db.Prepare(
        "UPDATE walkup_visits SET status = ?1, queue_at = ?2, called_at = ?3, started_at = ?4, ended_at = ?5, "
        "desk_id = ?6, agent_id = ?7, request_id = ?8, first_contact = ?9, outcome_note = ?10, csat = ?11, "
        "checked_in_at = ?12, channel = ?13, version = version + 1 WHERE id = ?14 AND version = ?15");
    if (!q.ok()) return q.error();
    q->Bind(1, walkup::VisitStatusName(v.status)).Bind(2, v.queue_at).Bind(3, v.called_at).Bind(4, v.started_at);
    q->Bind(5, v.ended_at).Bind(6, NonZero(v.desk_id)).Bind(7, NonZero(v.agent_id.value)).Bind(8, NonZero(v.request_id.value));
    q->Bind(9, v.first_contact).Bind(10, v.outcome_note).Bind(11, v.csat).Bind(12, v.checked_in_at).Bind(13, v.channel);
    q->Bind(14, v.id).Bind(15, base_version);
    if (auto run = q->Run(); !run.ok()) return run.error();
    return db.Changes() == 1;
}

Result<bool> UpdateVisitSchedule(Database& db, const VisitRow& v, int base_version) {
    auto q = db.Prepare(
        "UPDATE walkup_visits SET appointment_at = ?1, queue_at = ?2, version = version + 1 WHERE id = ?3 AND version = ?4");
    if (!q.ok()) return q.error();
    q->Bind(1, v.appointment_at).Bind(2, v.queue_at).Bind(3, v.id).Bind(4, base_version);
    if (auto run = q->Run(); !run.ok()) return run.error();
    return db.Changes() == 1;
}

Result<std::vector<std::pair<std::string, double>>> RecentServiceTimes(Database& db, std::int64_t location_id, int limit) {
    auto q = db.Prepare(
        "SELECT reason_key, (ended_at - started_at) / 60000.0 FROM walkup_visits "
        "WHERE location_id = ?1 AND status = 'resolved' AND started_at > 0 ORDER BY ended_at DESC LIMIT ?2");
    if (!q.ok()) return q.error();
    q->Bind(1, location_id).Bind(2, limit);
    std::vector<std::pair<std::string, double>> out;
    while (true) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        out.emplace_back(q->Text(0), q->Real(1));
    }
    return out;
}

Result<std::optional<VisitRow>> FindBooking(Database& db, std::int64_t location_id, UserId user, std::string_view day) {
    auto q = db.Prepare(VisitSelect(
        "WHERE v.user_id = ?1 AND v.location_id = ?2 AND v.day = ?3 AND v.status = 'booked' ORDER BY v.appointment_at LIMIT 1"));
    if (!q.ok()) return q.error();
    q->Bind(1, user.value).Bind(2, location_id).Bind(3, day);
    return ReadOneVisit(*q);
}

Result<int> CountBookedAt(Database& db, std::int64_t location_id, Timestamp start) {
    auto q = db.Prepare(
        "SELECT COUNT(*) FROM walkup_visits WHERE location_id = ?1 AND appointment_at = ?2 "
        "AND status IN ('booked', 'waiting', 'called', 'in_service')");
    if (!q.ok()) return q.error();
    q->Bind(1, location_id).Bind(2, start);
    auto row = q->Step();
    if (!row.ok()) return row.error();
    return static_cast<int>(q->Int(0));
}

Result<std::vector<std::int64_t>> ReleaseNoShows(Database& db, Timestamp cutoff, Timestamp now) {
    std::vector<std::int64_t> ids;
    {
        auto q = db.Prepare("SELECT id FROM walkup_visits WHERE status = 'booked' AND appointment_at < ?1 LIMIT 500");
        if (!q.ok()) return q.error();
        q->Bind(1, cutoff);
        while (true) {
            auto row = q->Step();
            if (!row.ok()) return row.error();
            if (!*row) break;
            ids.push_back(q->Int(0));
        }
    }
    for (std::int64_t id : ids) {
        auto u = db.Prepare(
            "UPDATE walkup_visits SET status = 'no_show', ended_at = ?1, version = version + 1 WHERE id = ?2 AND status = 'booked'");
        if (!u.ok()) return u.error();
        u->Bind(1, now).Bind(2, id);
        if (auto run = u->Run(); !run.ok()) return run.error();
    }
    return ids;
}

// [SECTION] Kiosks

Result<Unit> InsertPairing(Database& db, std::string_view code, std::string_view secret_hash, Timestamp now, Timestamp expires_at) {
    auto q = db.Prepare("INSERT INTO kiosk_pairings (code, secret_hash, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)");
    if (!q.ok()) return q.error();
    q->Bind(1, code).BindBlob(2, secret_hash).Bind(3, now).Bind(4, expires_at);
    return q->Run();
}

Result<std::optional<PairingRow>> FindPairingBySecret(Database& db, std::string_view secret_hash) {
    auto q = db.Prepare("SELECT id, code, created_at, expires_at, device_id FROM kiosk_pairings WHERE secret_hash = ?1");
    if (!q.ok()) return q.error();
    q->BindBlob(1, secret_hash);
    return ReadPairing(*q);
}

Result<std::optional<PairingRow>> FindPairingByCode(Database& db, std::string_view code) {
    auto q = db.Prepare("SELECT id, code, created_at, expires_at, device_id FROM kiosk_pairings WHERE code = ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, code);
    return ReadPairing(*q);
}

Result<Unit> SetPairingDevice(Database& db, std::int64_t pairing_id, std::int64_t device_id) {
    auto q = db.Prepare("UPDATE kiosk_pairings SET device_id = ?1 WHERE id = ?2");
    if (!q.ok()) return q.error();
    q->Bind(1, device_id).Bind(2, pairing_id);
    return q->Run();
}

Result<Unit> DeletePairing(Database& db, std::int64_t pairing_id) {
    auto q = db.Prepare("DELETE FROM kiosk_pairings WHERE id = ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, pairing_id);
    return q->Run();
}

Result<int> DeleteExpiredPairings(Database& db, Timestamp now) {
    auto q = db.Prepare("DELETE FROM kiosk_pairings WHERE expires_at < ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, now);
    if (auto run = q->Run(); !run.ok()) return run.error();
    return db.Changes();
}

Result<std::int64_t> InsertKiosk(Database& db, const KioskRow& k) {
    auto q = db.Prepare(
        "INSERT INTO kiosk_devices (location_id, name, csrf_token, paired_by, paired_at) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!q.ok()) return q.error();
    q->Bind(1, k.location_id).Bind(2, k.name).Bind(3, k.csrf_token).Bind(4, k.paired_by.value).Bind(5, k.paired_at);
    if (auto run = q->Run(); !run.ok()) return run.error();
    return db.LastInsertId();
}

Result<Unit> SetKioskToken(Database& db, std::int64_t kiosk_id, std::string_view token_hash) {
    auto q = db.Prepare("UPDATE kiosk_devices SET token_hash = ?1 WHERE id = ?2");
    if (!q.ok()) return q.error();
    q->BindBlob(1, token_hash).Bind(2, kiosk_id);
    return q->Run();
}

Result<std::optional<KioskRow>> FindKioskByToken(Database& db, std::string_view token_hash) {
    auto q = db.Prepare(std::string(kKioskSelect) + "WHERE token_hash = ?1 AND revoked_at = 0");
    if (!q.ok()) return q.error();
    q->BindBlob(1, token_hash);
    auto row = q->Step();
    if (!row.ok()) return row.error();
    if (!*row) return std::optional<KioskRow>();
    return std::optional<KioskRow>(ReadKiosk(*q));
}

Result<std::optional<KioskRow>> FindKiosk(Database& db, std::int64_t id) {
    auto q = db.Prepare(std::string(kKioskSelect) + "WHERE id = ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, id);
    auto row = q->Step();
    if (!row.ok()) return row.error();
    if (!*row) return std::optional<KioskRow>();
    return std::optional<KioskRow>(ReadKiosk(*q));
}

Result<std::vector<KioskRow>> ListKiosks(Database& db) {
    auto q = db.Prepare(std::string(kKioskSelect) + "ORDER BY id");
    if (!q.ok()) return q.error();
    std::vector<KioskRow> out;
    while (true) {
        auto row = q->Step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        out.push_back(ReadKiosk(*q));
    }
    return out;
}

Result<bool> RevokeKiosk(Database& db, std::int64_t id, Timestamp now) {
    auto q = db.Prepare("UPDATE kiosk_devices SET revoked_at = ?1, token_hash = NULL WHERE id = ?2 AND revoked_at = 0");
    if (!q.ok()) return q.error();
    q->Bind(1, now).Bind(2, id);
    if (auto run = q->Run(); !run.ok()) return run.error();
    return db.Changes() == 1;
}

Result<Unit> TouchKiosk(Database& db, std::int64_t id, Timestamp now) {
    auto q = db.Prepare("UPDATE kiosk_devices SET last_seen_at = ?1 WHERE id = ?2");
    if (!q.ok()) return q.error();
    q->Bind(1, now).Bind(2, id);
    return q->Run();
}

// [SECTION] Badges

Result<std::optional<UserId>> FindUserByBadge(Database& db, std::string_view badge) {
    auto q = db.Prepare("SELECT id FROM users WHERE badge = ?1");
    if (!q.ok()) return q.error();
    q->Bind(1, badge);
    auto row = q->Step();
    if (!row.ok()) return row.error();
    if (!*row) return std::optional<UserId>();
    return std::optional<UserId>(UserId(q->Int(0)));
}

Result<Unit> SetUserBadge(Database& db, UserId user, std::string_view badge) {
    auto q = db.Prepare("UPDATE users SET badge = ?1 WHERE id = ?2");
    if (!q.ok()) return q.error();
    q->Bind(1, badge).Bind(2, user.value);
    return q->Run();
}

}  // namespace spoc::storage
