// Internal to client/app effects files: turning responses into errors, and the generic
// GET-into-a-Remote loader shared by effects.cpp and kb_effects.cpp.
#pragma once
#include <functional>
#include <string>

#include "client/app/state.h"
#include "client/net/api_client.h"

namespace spoc::client::effects_internal {

inline Error ErrorFromResponse(int status, const std::string& body) {
    if (status == 0) return MakeError(ErrorCode::network);
    return api::DecodeError(body, status);
}

// GET `path` into the Remote that `find` returns (looked up again on completion: the slot may
// have been cleared by a sign-out meanwhile). Responses older than the slot's ticket are dropped.
template <class T, class Find, class Decode>
void LoadInto(net::ApiClient& api, std::uint64_t ticket, std::string key, std::string path, Find find, Decode decode,
              std::function<void()> on_401) {
    Remote<T>* slot = find();
    slot->load = Load::loading;
    slot->key = std::move(key);
    slot->stale = false;
    slot->ticket = ticket;
    net::HttpRequest request;
    request.path = std::move(path);
    request.headers.emplace_back("Accept", "application/json");
    api.Send(std::move(request), [find, decode, ticket, on_401](int status, const std::string& body) {
        Remote<T>* slot = find();
        if (slot == nullptr || slot->ticket != ticket) return;
        if (status == 200) {
            Result<T> decoded = decode(body);
            if (decoded.ok()) {
                slot->data = std::move(decoded.value());
                slot->has_data = true;
                slot->data_key = slot->key;
                slot->load = Load::ready;
                return;
            }
            slot->error = decoded.error();
            slot->load = Load::failed;
            return;
        }
        slot->error = ErrorFromResponse(status, body);
        slot->load = Load::failed;
        if (status == 401) on_401();
    });
}


}  // namespace spoc::client::effects_internal
