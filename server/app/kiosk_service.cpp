// Kiosks and the demo locations (see walkup_service.h). A kiosk pairs like a TV app: it asks for
// a one-time code (POST /kiosk/pairing, which also sets a pairing cookie), shows it, and an admin
// enters it in the app with the location to bind. The kiosk's next poll trades its pairing cookie
// for its device credential: a cookie token that is stored only as a hash, with its own CSRF
// token. The credential holds no user session and opens only the /kiosk routes.
#include <fstream>
#include <nlohmann/json.hpp>

#include "server/app/crypto.h"
#include "server/app/walkup_service.h"
#include "server/storage/audit_repo.h"
#include "server/storage/users_repo.h"
#include "shared/domain/i18n.h"
#include "shared/domain/request_builder.h"
#include "shared/domain/text.h"

namespace spoc::app {

using i18n::tr;

namespace {

// The demo reasons' labels (assets/demo/walkup.json), so the catalogs translate them; the server
// shows every reason label through tr().
[[maybe_unused]] constexpr const char* kDemoReasonLabels[] = {N_("Laptop problem"), N_("Password or MFA"),
                                                            N_("Pick up equipment"), N_("Something else")};

// Codes avoid look-alikes (0/O, 1/I/L): "7KQ-4MX".
constexpr char kCodeAlphabet[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

std::string NewPairingCode() {
    const std::string random = RandomToken(16);
    std::string code;
    for (std::size_t i = 0; code.size() < 7 && i < random.size(); ++i) {
        if (code.size() == 3) code.push_back('-');
        code.push_back(kCodeAlphabet[static_cast<unsigned char>(random[i]) % (sizeof kCodeAlphabet - 1)]);
    }
    return code;
}

// What an admin types: case, spaces and the dash don't matter.
std::string NormalizeCode(std::string_view typed) {
    std::string out;
    for (char c : typed) {
        if (c == '-' || c == ' ') continue;
        out.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c));
        if (out.size() == 3) out.push_back('-');
    }
    return out;
}

api::KioskDevice DeviceView(const storage::KioskRow& k, const api::WalkupLocation& location) {
    api::KioskDevice d;
    d.id = k.id;
    d.name = k.name;
    d.location = location;
    d.paired_at = k.paired_at;
    d.last_seen_at = k.last_seen_at;
    d.revoked = k.revoked_at != 0;
    return d;
}

}  // namespace

Result<PairingStart> WalkupService::StartPairing(Timestamp now) {
    PairingStart out;
    out.secret = RandomToken(kKioskTokenBytes);
    out.pairing.state = "pending";
    out.pairing.expires_at = now + kPairingLifetimeMs;
    auto stored = m_writer.Run([&](storage::Database& db) -> Result<Unit> {
        if (auto swept = storage::DeleteExpiredPairings(db, now); !swept.ok()) return swept.error();
        for (int attempt = 0; attempt < 8; ++attempt) {  // a code in use (rare): draw another
            out.pairing.code = NewPairingCode();
            auto taken = storage::FindPairingByCode(db, out.pairing.code);
            if (!taken.ok()) return taken.error();
            if (!*taken) return storage::InsertPairing(db, out.pairing.code, HashToken(out.secret), now, out.pairing.expires_at);
        }
        return MakeError(ErrorCode::unavailable);
    });
    if (!stored.ok()) return stored.error();
    return out;
}

Result<PairingPoll> WalkupService::PollPairing(std::string_view secret, Timestamp now) {
    if (!LooksLikeToken(secret, kKioskTokenBytes)) return MakeError(ErrorCode::unauthenticated);
    return m_writer.Run([&](storage::Database& db) -> Result<PairingPoll> {
        auto found = storage::FindPairingBySecret(db, HashToken(secret));
        if (!found.ok()) return found.error();
        if (!*found) return MakeError(ErrorCode::unauthenticated);
        PairingPoll out;
        out.pairing.code = (*found)->code;
        out.pairing.expires_at = (*found)->expires_at;
        if ((*found)->device_id == 0) {
            out.pairing.state = (*found)->expires_at < now ? "expired" : "pending";
            return out;
        }
        // Paired: hand out the device credential once, and forget the pairing.
        out.device_token = RandomToken(kKioskTokenBytes);
        if (auto set = storage::SetKioskToken(db, (*found)->device_id, HashToken(out.device_token)); !set.ok()) return set.error();
        if (auto gone = storage::DeletePairing(db, (*found)->id); !gone.ok()) return gone.error();
        auto kiosk = storage::FindKiosk(db, (*found)->device_id);
        if (!kiosk.ok()) return kiosk.error();
        out.pairing.state = "paired";
        out.pairing.location_id = *kiosk ? (*kiosk)->location_id : 0;
        return out;
    });
}

Result<api::KioskDevice> WalkupService::PairKiosk(const User& caller, const api::PairKioskBody& body, Timestamp now) {
    if (caller.role != Role::admin) return MakeError(ErrorCode::forbidden, tr("Only administrators can pair kiosks."));
    const std::string name = std::string(Trim(body.name)).empty() ? "Kiosk" : std::string(Trim(body.name));
    if (Utf8Length(name) > 80 || !IsPlainText(name, false))
        return MakeError(ErrorCode::validation_failed, tr("Name the kiosk in one line of at most 80 characters."), "name");
    return m_writer.Run([&](storage::Database& db) -> Result<api::KioskDevice> {
        auto location = storage::FindLocation(db, body.location_id);
        if (!location.ok()) return location.error();
        if (!*location) return MakeError(ErrorCode::validation_failed, tr("Choose a walk-up location."), "location_id");
        auto pairing = storage::FindPairingByCode(db, NormalizeCode(body.code));
        if (!pairing.ok()) return pairing.error();
        if (!*pairing || (*pairing)->expires_at < now || (*pairing)->device_id != 0)
            return MakeError(ErrorCode::validation_failed, tr("That code is not valid. Check the code on the kiosk's screen."), "code");
        storage::KioskRow k;
        k.location_id = body.location_id;
        k.name = name;
        k.csrf_token = RandomToken(32);
        k.paired_by = caller.id;
        k.paired_at = now;
        auto id = storage::InsertKiosk(db, k);
        if (!id.ok()) return id.error();
        k.id = *id;
        if (auto set = storage::SetPairingDevice(db, (*pairing)->id, k.id); !set.ok()) return set.error();
        const std::string detail = storage::AuditDetail().Text("name", name).Int("location_id", body.location_id).Json();
        if (auto a = storage::AppendAudit(db, {now, caller.id, "kiosk", k.id, "pair", detail}); !a.ok()) return a.error();
        auto view = LocationView(db, **location, now);
        if (!view.ok()) return view.error();
        return DeviceView(k, *view);
    });
}

Result<std::vector<api::KioskDevice>> WalkupService::ListKiosks(const User& caller) {
    if (caller.role != Role::admin) return MakeError(ErrorCode::forbidden, tr("Only administrators can see kiosks."));
    auto lease = m_readers.Acquire();
    auto kiosks = storage::ListKiosks(*lease);
    if (!kiosks.ok()) return kiosks.error();
    auto locations = storage::ListLocations(*lease);
    if (!locations.ok()) return locations.error();
    std::vector<api::KioskDevice> out;
    for (const storage::KioskRow& k : *kiosks) {
        api::WalkupLocation where;
        for (const storage::LocationRow& l : *locations) {
            if (l.id != k.location_id) continue;
            where.id = l.id;
            where.key = l.key;
            where.name = l.name;
            where.prefix = l.prefix;
            where.time_zone = l.time_zone;
            where.hours = l.hours;
        }
        out.push_back(DeviceView(k, where));
    }
    return out;
}

Result<Unit> WalkupService::RevokeKiosk(const User& caller, std::int64_t kiosk_id, Timestamp now) {
    if (caller.role != Role::admin) return MakeError(ErrorCode::forbidden, tr("Only administrators can revoke kiosks."));
    return m_writer.Run([&](storage::Database& db) -> Result<Unit> {
        auto revoked = storage::RevokeKiosk(db, kiosk_id, now);
        if (!revoked.ok()) return revoked.error();
        if (!*revoked) return MakeError(ErrorCode::not_found, tr("No such kiosk."));
        return storage::AppendAudit(db, {now, caller.id, "kiosk", kiosk_id, "revoke", "{}"});
    });
}

Result<KioskCaller> WalkupService::AuthenticateKiosk(std::string_view token, Timestamp now) {
    if (!LooksLikeToken(token, kKioskTokenBytes)) return MakeError(ErrorCode::unauthenticated);
    std::optional<storage::KioskRow> kiosk;
    {
        auto lease = m_readers.Acquire();
        auto found = storage::FindKioskByToken(*lease, HashToken(token));
        if (!found.ok()) return found.error();
        if (!*found) return MakeError(ErrorCode::unauthenticated, tr("This kiosk is not paired. Pair it again."));
        kiosk = std::move(*found);
    }
    // last_seen_at for the admin's list, written at most once a minute per kiosk.
    bool touch = false;
    {
        std::lock_guard<std::mutex> lock(m_touch_mutex);
        auto it = std::find_if(m_touched.begin(), m_touched.end(), [&](const auto& p) { return p.first == kiosk->id; });
        if (it == m_touched.end()) m_touched.emplace_back(kiosk->id, now), touch = true;
        else if (now - it->second >= kMsPerMinute) it->second = now, touch = true;
    }
    if (touch) (void)m_writer.Run([&](storage::Database& db) { return storage::TouchKiosk(db, kiosk->id, now); });
    return KioskCaller{kiosk->id, kiosk->location_id, kiosk->name, kiosk->csrf_token};
}

Result<api::KioskDevice> WalkupService::KioskMe(const KioskCaller& kiosk, Timestamp now) {
    auto lease = m_readers.Acquire();
    auto row = storage::FindKiosk(*lease, kiosk.kiosk_id);
    if (!row.ok()) return row.error();
    if (!*row) return MakeError(ErrorCode::unauthenticated);
    auto location = storage::FindLocation(*lease, kiosk.location_id);
    if (!location.ok()) return location.error();
    if (!*location) return MakeError(ErrorCode::not_found, tr("No such walk-up location."));
    auto view = LocationView(*lease, **location, now);
    if (!view.ok()) return view.error();
    api::KioskDevice d = DeviceView(**row, *view);
    d.csrf_token = kiosk.csrf_token;
    auto reasons = storage::ListReasons(*lease);
    if (!reasons.ok()) return reasons.error();
    for (const storage::ReasonRow& r : *reasons) d.reasons.push_back({r.key, tr(r.label.c_str())});
    return d;
}

// [SECTION] Demo locations
Result<bool> WalkupService::SeedDemoIfEmpty(const std::string& assets_dir) {
    const std::string path = assets_dir + "/demo/walkup.json";
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;  // no walk-up desks in this set of assets
    const nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return MakeError(ErrorCode::internal, path + " is not valid JSON.");
    const auto snapshot = m_catalog.Snapshot();
    return m_writer.Run([&](storage::Database& db) -> Result<bool> {
        auto count = storage::CountLocations(db);
        if (!count.ok()) return count.error();
        if (*count > 0) return false;
        try {
            int sort = 0;
            for (const auto& l : doc.at("locations")) {
                storage::LocationRow row;
                row.key = l.at("key").get<std::string>();
                row.name = l.at("name").get<std::string>();
                row.prefix = l.at("prefix").get<std::string>();
                row.time_zone = l.at("time_zone").get<std::string>();
                row.hours = l.at("hours").get<std::string>();
                row.slot_minutes = l.value("slot_minutes", 15);
                row.slot_capacity = l.value("slot_capacity", 2);
                row.sort = sort++;
                for (const auto& d : l.at("desks")) row.desks.emplace_back(0, d.get<std::string>());
                if (auto id = storage::InsertLocation(db, row); !id.ok()) return id.error();
            }
            sort = 0;
            for (const auto& r : doc.at("reasons")) {
                storage::ReasonRow row;
                row.key = r.at("key").get<std::string>();
                row.label = r.at("label").get<std::string>();
                row.typical_minutes = r.value("typical_minutes", 8.0);
                row.sort = sort++;
                const std::string item = r.value("catalog_item", "");
                for (const CatalogItem& c : snapshot->active)
                    if (!item.empty() && c.title == item) row.catalog_item_id = c.id.value;
                if (auto added = storage::InsertReason(db, row); !added.ok()) return added.error();
            }
            if (doc.contains("badges")) {
                for (const auto& [username, badge] : doc.at("badges").items()) {
                    auto user = storage::FindUserByUsername(db, username);
                    if (!user.ok()) return user.error();
                    if (*user) {
                        if (auto set = storage::SetUserBadge(db, (*user)->user.id, badge.get<std::string>()); !set.ok())
                            return set.error();
                    }
                }
            }
        } catch (const std::exception& e) {
            return MakeError(ErrorCode::internal, path + ": " + e.what());
        }
        return true;
    });
}

}  // namespace spoc::app
