// Pieces of the request page (#/requests/{id}) drawn outside screen_request_detail.cpp, so each
// file stays readable: the lifecycle action bar, the cancel/resolve confirmation dialog and the
// outcome card (screen_request_actions.cpp), and the workspace cards (screen_request_workspace.cpp).
#pragma once
#include <string>
#include <string_view>

#include "client/app/actions.h"
#include "client/app/view_models.h"

namespace spoc::ui {

void DrawStatusActions(const client::RequestDetailViewModel& vm, float width, client::Actions& actions); // primary step + "More actions"
void DrawConfirmDialog(const client::RequestDetailViewModel& vm, client::Actions& actions);              // modal while vm.confirm.open
void DrawOutcome(const client::RequestDetailViewModel& vm, float width, client::Actions& actions);       // resolved by / cancelled notice
// screen_survey.cpp: the requester's satisfaction survey, and what staff see of the answer.
void DrawSurveyCard(const client::SurveyViewModel& vm, float width, client::Actions& actions);
void DrawSurveyResult(const client::SurveyResultViewModel& vm, float width);
// screen_approvals.cpp: the approval steps and the approver's buttons.
void DrawApprovalCard(const client::ApprovalCardViewModel& vm, float width, client::Actions& actions);

// screen_request_workspace.cpp: the side column (workspace cards for staff, facts for employees),
// the history card, and small pieces the page shares with them.
void DrawSide(const client::RequestDetailViewModel& vm, float width, client::Actions& actions);
void DrawHistoryCard(const client::RequestDetailViewModel& vm, float width, client::Actions& actions);
std::string InitialsOf(const std::string& name);                                 // "EJ" from "Emma Jones"
void KeyValue(const std::string& key, const std::string& value, float width, float key_w); // label / value line
void RecordLast(std::string_view label, std::string_view id);                    // name the last item for the hooks

}  // namespace spoc::ui
