// SQL for the walk-up desk (see migrations/0009_walkup.sql): locations, desks and reasons (seeded
// from assets/demo/walkup.json), visits, and kiosk pairings and devices.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "server/storage/sqlite.h"
#include "shared/domain/ids.h"
#include "shared/domain/time.h"
#include "shared/domain/walkup.h"

namespace spoc::storage {

struct LocationRow {
    std::int64_t id = 0;
    std::string key, name, prefix, time_zone, hours;
    int slot_minutes = 15, slot_capacity = 2, sort = 0;
    std::vector<std::pair<std::int64_t, std::string>> desks;  // id, name
};
struct ReasonRow {
    std::int64_t id = 0;
    std::string key, label;
    std::int64_t catalog_item_id = 0;  // 0: none (the visit files a generic walk-up request)
    double typical_minutes = 8;
    int sort = 0;
};

Result<std::int64_t> InsertLocation(Database& db, const LocationRow& l);  // and its desks
Result<Unit> InsertReason(Database& db, const ReasonRow& r);
Result<std::int64_t> CountLocations(Database& db);
Result<std::vector<LocationRow>> ListLocations(Database& db);  // by sort, with desks
Result<std::optional<LocationRow>> FindLocation(Database& db, std::int64_t id);
Result<std::vector<ReasonRow>> ListReasons(Database& db);     // by sort

struct VisitRow {
    std::int64_t id = 0;
    std::int64_t location_id = 0;
    std::string day;  // local date "2026-12-04"
    int seq = 0;
    std::string ticket;
    walkup::VisitStatus status = walkup::VisitStatus::waiting;
    std::string channel = "kiosk";
    std::string reason_key, note;
    UserId user_id;  // 0: a guest
    std::string guest_name, board_name;
    Timestamp appointment_at = 0, checked_in_at = 0, queue_at = 0, called_at = 0, started_at = 0, ended_at = 0;
    std::int64_t desk_id = 0;
    UserId agent_id;
    RequestId request_id;
    bool first_contact = false;
    std::string outcome_note;
    std::int64_t kiosk_id = 0;
    std::string idempotency_key;
    int csat = 0;
    int version = 1;
    // Joined for display (not stored in walkup_visits):
    std::string user_name, desk_name, agent_name;
};

// The next ticket number of `day` at a location (MAX(seq) + 1 through the unique index).
Result<int> NextVisitSeq(Database& db, std::int64_t location_id, std::string_view day);
Result<std::int64_t> InsertVisit(Database& db, VisitRow& v);  // fills v.id
Result<std::optional<VisitRow>> FindVisit(Database& db, std::int64_t id);
Result<std::optional<VisitRow>> FindVisitByKey(Database& db, std::int64_t kiosk_id, std::string_view key);
// Open visits of a location (booked, en route, waiting, called, in service) in queue order.
Result<std::vector<VisitRow>> ListOpenVisits(Database& db, std::int64_t location_id);
// One person's open visits at a location (through the by-user index: the queue's length does not matter).
Result<std::vector<VisitRow>> ListOpenVisitsOfUser(Database& db, std::int64_t location_id, UserId user);
// Agents who called someone at the location since `since` (the agents on duty, busy or not).
Result<int> CountRecentAgents(Database& db, std::int64_t location_id, Timestamp since);
Result<std::vector<VisitRow>> ListVisitsOfUser(Database& db, UserId user, int limit);  // newest first
// Visits resolved at the location since `since`, not rated yet, newest first (the kiosk's survey;
// through the served index: bounded by `limit`, not by the history's length).
Result<std::vector<VisitRow>> ListUnratedServedSince(Database& db, std::int64_t location_id, Timestamp since, int limit);
// Saves every mutable column when the stored version is `base_version`; false when it is not.
Result<bool> UpdateVisit(Database& db, const VisitRow& v, int base_version);
// A booking's new time (appointment_at, queue_at) when the stored version is `base_version`.
Result<bool> UpdateVisitSchedule(Database& db, const VisitRow& v, int base_version);
// Service times (minutes from start to end) of the location's latest resolved visits, per reason.
Result<std::vector<std::pair<std::string, double>>> RecentServiceTimes(Database& db, std::int64_t location_id, int limit);
// Today's open booking of a user at a location (for "I have an appointment"), if any.
Result<std::optional<VisitRow>> FindBooking(Database& db, std::int64_t location_id, UserId user, std::string_view day);

// Open visits booked at a location for the slot starting at `start` (capacity).
Result<int> CountBookedAt(Database& db, std::int64_t location_id, Timestamp start);
// Bookings whose appointment started before `cutoff` and who never checked in become no-shows.
Result<std::vector<std::int64_t>> ReleaseNoShows(Database& db, Timestamp cutoff, Timestamp now);

// Kiosks
struct KioskRow {
    std::int64_t id = 0;
    std::int64_t location_id = 0;
    std::string name, csrf_token;
    UserId paired_by;
    Timestamp paired_at = 0, revoked_at = 0, last_seen_at = 0;
};
struct PairingRow {
    std::int64_t id = 0;
    std::string code;
    Timestamp created_at = 0, expires_at = 0;
    std::int64_t device_id = 0;
};
Result<Unit> InsertPairing(Database& db, std::string_view code, std::string_view secret_hash, Timestamp now, Timestamp expires_at);
Result<std::optional<PairingRow>> FindPairingBySecret(Database& db, std::string_view secret_hash);
Result<std::optional<PairingRow>> FindPairingByCode(Database& db, std::string_view code);
Result<Unit> SetPairingDevice(Database& db, std::int64_t pairing_id, std::int64_t device_id);
Result<Unit> DeletePairing(Database& db, std::int64_t pairing_id);
Result<int> DeleteExpiredPairings(Database& db, Timestamp now);
Result<std::int64_t> InsertKiosk(Database& db, const KioskRow& k);
Result<Unit> SetKioskToken(Database& db, std::int64_t kiosk_id, std::string_view token_hash);
Result<std::optional<KioskRow>> FindKioskByToken(Database& db, std::string_view token_hash);  // not revoked
Result<std::optional<KioskRow>> FindKiosk(Database& db, std::int64_t id);
Result<std::vector<KioskRow>> ListKiosks(Database& db);
Result<bool> RevokeKiosk(Database& db, std::int64_t id, Timestamp now);
Result<Unit> TouchKiosk(Database& db, std::int64_t id, Timestamp now);

// Badges
Result<std::optional<UserId>> FindUserByBadge(Database& db, std::string_view badge);
Result<Unit> SetUserBadge(Database& db, UserId user, std::string_view badge);

}  // namespace spoc::storage
