// The one rule that turns a validated catalog draft into a new request, shared by the server
// (which stores it) and the browser (which can show what will be filed): type and impact from the
// item, urgency from the draft only when the item asks for it, priority from the ITIL matrix,
// summary defaulting to the item title, texts trimmed. Also who counts as staff.
#pragma once
#include "shared/domain/catalog.h"
#include "shared/domain/request.h"

namespace spoc {

bool IsStaff(Role role);  // agents and admins: they see every request and internal notes

// A new request (status new, version 1, created = updated = now) filed by `requester` from `item`
// with `normalized_draft`, a draft that passed ValidateDraft for `item`. id and number stay empty:
// storage assigns the id on insert and sets number = FormatRequestNumber(type, id). form_json stays
// empty too, since shared/domain has no JSON: the caller stores
// api::EncodeFormValues(NormalizeValues(item, draft.values)).
Request BuildRequest(const CatalogItem& item, const RequestDraft& normalized_draft, const User& requester,
                     Timestamp now);

}  // namespace spoc
