// Draft -> request (see request_builder.h).
#include "shared/domain/request_builder.h"

#include "shared/domain/text.h"

namespace spoc {

bool IsStaff(Role role) { return role == Role::agent || role == Role::admin; }

Request BuildRequest(const CatalogItem& item, const RequestDraft& draft, const User& requester, Timestamp now) {
    Request request;
    request.type = item.type;
    request.status = Status::new_;
    request.impact = item.impact;
    request.urgency = item.ask_urgency && draft.urgency ? *draft.urgency : item.urgency;
    request.priority = ComputePriority(request.impact, request.urgency);
    request.requester_id = requester.id;
    request.requester_name = requester.display_name;
    request.catalog_item_id = item.id;
    request.catalog_item_title = item.title;
    request.department = item.department;
    const std::string_view summary = Trim(draft.summary);
    request.summary = summary.empty() ? item.title : std::string(summary);
    request.description = std::string(Trim(draft.description));
    request.created_at = now;
    request.updated_at = now;
    request.version = 1;
    return request;
}

}  // namespace spoc
