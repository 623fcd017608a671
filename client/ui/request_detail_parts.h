// Pieces of the request page (#/requests/{id}) drawn outside screen_request_detail.cpp, so each
// file stays readable: the lifecycle action bar, the cancel/resolve confirmation dialog and the
// outcome card (screen_request_actions.cpp).
#pragma once
#include "client/app/actions.h"
#include "client/app/view_models.h"

namespace spoc::ui {

void DrawStatusActions(const client::RequestDetailViewModel& vm, float width, client::Actions& actions); // primary step + "More actions"
void DrawConfirmDialog(const client::RequestDetailViewModel& vm, client::Actions& actions);              // modal while vm.confirm.open
void DrawOutcome(const client::RequestDetailViewModel& vm, float width, client::Actions& actions);       // resolved by / cancelled notice

}  // namespace spoc::ui
