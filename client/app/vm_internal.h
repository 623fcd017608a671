// Helpers shared by the view-model builders (not part of the UI-facing API).
#pragma once
#include "client/app/effects.h"
#include "client/app/view_models.h"
#include "shared/domain/i18n.h"

namespace spoc::client {

// How a Remote slot should look on screen when the screen wants `key`.
template <class T>
LoadView ToLoadView(const Remote<T>& slot, const std::string& key) {
    LoadView view;
    const bool current = slot.has_data && slot.data_key == key;
    if (slot.load == Load::failed && !current) {
        view.status = ViewStatus::failed;
        view.error = slot.error.message.empty() ? std::string(ErrorCodeDefaultMessage(slot.error.code)) : slot.error.message;
        if (slot.error.code == ErrorCode::network)
            view.error = i18n::tr("We couldn't reach Spoc. Check your connection and try again.");
        view.retryable = slot.error.code != ErrorCode::not_found && slot.error.code != ErrorCode::forbidden;
        return view;
    }
    if (slot.has_data) {
        view.status = ViewStatus::ready;
        view.refreshing = slot.load == Load::loading || !current;
        // TRANSLATORS: {0} is the reason, a whole sentence such as "The server is busy. Try again in a moment."
        if (slot.load == Load::failed) view.error = i18n::Format(i18n::tr("Couldn't refresh: {0}"), {slot.error.message});
        return view;
    }
    view.status = ViewStatus::loading;
    return view;
}

std::string RoleTitle(Role role);  // "Employee", "Agent", "Admin" (translated; vm_common.cpp)

}  // namespace spoc::client
