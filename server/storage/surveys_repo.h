// SQL for satisfaction surveys (migrations/0011_surveys.sql): one row per answered request or
// walk-up visit (both when a visit filed a request).
#pragma once
#include <cstdint>
#include <optional>

#include "server/storage/sqlite.h"
#include "shared/domain/ids.h"
#include "shared/domain/survey.h"

namespace spoc::storage {

struct SurveyRow {
    std::int64_t id = 0;
    std::int64_t request_id = 0;  // 0: none
    std::int64_t visit_id = 0;    // 0: none
    UserId user;                  // who answered (invalid: a guest)
    UserId agent;                 // who resolved it
    std::int64_t group_id = 0;
    survey::Answer answer;
};

// The row of a request (request_id > 0) or else of a visit.
Result<std::optional<SurveyRow>> FindSurvey(Database& db, std::int64_t request_id, std::int64_t visit_id);
// Inserts (id 0) or updates the row by id; fills row.id.
Result<Unit> SaveSurvey(Database& db, SurveyRow& row);

}  // namespace spoc::storage
