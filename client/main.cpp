// Spoc's browser client: wires AppState, Effects and Actions to the fetch ApiClient and the
// browser platform, then hands the frame callback to the platform's main loop.
#include <memory>
#include <string>
#include <vector>

#include "client/app/actions.h"
#include "client/app/effects.h"
#include "client/app/state.h"
#include "client/net/api_client.h"
#include "client/platform/platform.h"
#include "client/ui/screens.h"

namespace {

// Host on top of the browser platform: URL bar, clipboard, random Idempotency-Keys, new tabs.
class BrowserHost final : public spoc::client::Host {
public:
    void SetLocation(const std::string& hash, bool replace) override { spoc::platform::SetLocation(hash, replace); }
    void CopyText(const std::string& text) override { spoc::platform::CopyText(text); }
    std::string NewIdempotencyKey() override { return spoc::platform::RandomHex(16); }
    void OpenUrl(const std::string& url) override { spoc::platform::OpenUrl(url); }
    std::string ReadStored(const std::string& key) override { return spoc::platform::StorageGet(key); }
    bool WriteStored(const std::string& key, const std::string& value) override { return spoc::platform::StorageSet(key, value); }
    void PickFiles() override { spoc::platform::PickFiles(); }
    void ReleaseFile(int file) override { spoc::platform::ReleaseFile(file); }
    void OpenFile(const std::string& path, bool save) override { spoc::platform::OpenFile(path, save); }
    void SetLanguage(const std::string& code) override {
        spoc::i18n::Lang lang;
        if (spoc::i18n::ParseLang(code, &lang)) spoc::platform::ChooseLanguage(lang, /*remember=*/true);
    }
};

struct Client {
    spoc::client::AppState state;
    BrowserHost host;
    std::unique_ptr<spoc::net::ApiClient> api = spoc::net::CreateFetchApiClient();
    spoc::client::Effects effects{state, *api, host};
    spoc::client::Actions actions{state, effects, host};
    spoc::ui::UiState ui;
};

std::string JsonString(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out.push_back('\\');
        if (static_cast<unsigned char>(c) >= 0x20) out.push_back(c);
    }
    return out + "\"";
}

}  // namespace

int main() {
    static Client client;  // lives for the page's lifetime; main() unwinds into the browser loop
    client.actions.OnLocationChanged(spoc::platform::Location());
    if (spoc::platform::Location().empty()) spoc::platform::SetLocation(spoc::client::FormatRoute(client.state.route), true);

    spoc::platform::AppCallbacks callbacks;
    callbacks.poll = [] { client.api->Poll(); };
    callbacks.frame = [](const spoc::platform::FrameContext& ctx) {
        spoc::client::Clock clock;
        clock.now = static_cast<spoc::Timestamp>(ctx.now_ms);
        clock.utc_offset_minutes = ctx.utc_offset_minutes;
        client.actions.Sync(clock);
        // Files the page reported (dialog, drop, paste) and drags over it.
        const int dragging = spoc::platform::TakeDragging();
        if (dragging >= 0) client.actions.DraggingFiles(dragging == 1);
        for (spoc::platform::FileBatch& batch : spoc::platform::TakeFiles()) {
            std::vector<spoc::client::LocalFile> files;
            for (spoc::platform::PickedFile& f : batch.files)
                files.push_back(spoc::client::LocalFile{f.handle, std::move(f.name), f.size, std::move(f.type)});
            const auto source = batch.source == 1   ? spoc::client::FileSource::drop
                                : batch.source == 2 ? spoc::client::FileSource::paste
                                                    : spoc::client::FileSource::picker;
            client.actions.FilesArrived(std::move(files), source);
        }
        client.ui.touch = ctx.touch;
        const spoc::ui::FrameOutput out = spoc::ui::DrawApp(client.state, client.ui, client.actions, clock, client.api->InFlight());
        spoc::platform::FrameResult result;
        result.animating = out.animating;
        result.title = out.title;
        return result;
    };
    callbacks.location_changed = [](const std::string& hash) { client.actions.OnLocationChanged(hash); };
    callbacks.e2e_state = [] {
        const auto& s = client.state;
        std::string user = s.me ? JsonString(s.me->user.username) : std::string("null");
        return "{\"route\":" + JsonString(spoc::client::FormatRoute(s.route)) + ",\"user\":" + user + ",\"in_flight\":" +
               std::to_string(client.api->InFlight()) + ",\"live\":" + (s.live.connected ? "true" : "false") +
               ",\"live_events\":" + std::to_string(s.live.events) + ",\"kiosk_live\":" + (s.kiosk.live ? "true" : "false") +
               ",\"kiosk_live_events\":" + std::to_string(s.kiosk.live_events) + "}";
    };
    spoc::platform::Run(std::move(callbacks));
    return 0;
}
