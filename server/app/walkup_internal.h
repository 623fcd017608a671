// Internal to the walk-up service's files (walkup_service.cpp, walkup_appointments.cpp,
// kiosk_service.cpp): shared helpers over locations, reasons and visits. Defined in
// walkup_service.cpp.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "server/storage/walkup_repo.h"
#include "shared/api/walkup_dto.h"
#include "shared/domain/request.h"
#include "shared/domain/sla.h"

namespace spoc::app::walkup_detail {

inline constexpr int kServiceHistory = 300;  // latest finished visits per location the estimate learns from
inline constexpr int kPriorSamples = 3;      // a reason's typical minutes count as this many visits

Result<storage::LocationRow> RequireLocation(storage::Database& db, std::int64_t id);
TimeZoneRule ZoneOf(const storage::LocationRow& l);
std::string LocalDay(const storage::LocationRow& l, Timestamp t);             // "2026-12-04" at the location
std::optional<BusinessCalendar> Opening(const storage::LocationRow& l);       // its hours as a calendar
bool OpenNow(const storage::LocationRow& l, Timestamp now);
const storage::ReasonRow* FindReason(const std::vector<storage::ReasonRow>& reasons, const std::string& key);
// A visit as a viewer may see it (staff: names, notes, agent; own: notes; else board fields only).
api::Visit View(const storage::VisitRow& v, const std::vector<storage::ReasonRow>& reasons, bool staff, bool own);
// Positions and waits for the waiting (and en-route) visits among `views` at location `l`.
void AddPositions(storage::Database& db, const storage::LocationRow& l, const std::vector<storage::ReasonRow>& reasons,
                  std::vector<api::Visit>& views, Timestamp now);
bool Staff(const User& u);
Result<Unit> Audit(storage::Database& db, UserId actor, const storage::VisitRow& v, const char* action, Timestamp now);

}  // namespace spoc::app::walkup_detail
