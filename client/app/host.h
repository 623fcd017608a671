// Host: what the app needs from the page around it, besides the network: the URL bar, the
// clipboard and a source of random keys. The browser implements it in client/main.cpp on top of
// client/platform; tests use a recording fake, which keeps client/app deterministic.
#pragma once
#include <string>

namespace spoc::client {

class Host {
public:
    virtual ~Host() = default;
    virtual void SetLocation(const std::string& hash, bool replace) = 0; // push (or replace) a history entry; no hashchange echo
    virtual void CopyText(const std::string& text) = 0;                 // write to the system clipboard
    virtual std::string NewIdempotencyKey() = 0;                        // random, unique per submission attempt
    virtual void OpenUrl(const std::string& url) { (void)url; }         // external link in a new tab
    // Show the UI in this language ("de") from now on, and remember it in this browser. The new
    // texts appear once its messages arrive (i18n::CurrentLang() says what is on screen).
    virtual void SetLanguage(const std::string& code) { (void)code; }
    // Small strings kept in this browser across reloads (localStorage); "" = absent, and writing
    // "" removes the key. Best effort: false when the browser refused to store it.
    virtual std::string ReadStored(const std::string& key) { (void)key; return {}; }
    virtual bool WriteStored(const std::string& key, const std::string& value) { (void)key; (void)value; return false; }
    // Files: the page opens its file dialog (the chosen files come back through
    // Actions::FilesArrived, as do dropped and pasted ones); ReleaseFile lets the page drop a
    // file's bytes once its upload is over; OpenFile shows a same-origin path ("/api/v1/...") in a
    // new tab, or saves it (save = true: the browser's download).
    virtual void PickFiles() {}
    virtual void ReleaseFile(int file) { (void)file; }
    virtual void OpenFile(const std::string& path, bool save) { (void)path; (void)save; }
};

}  // namespace spoc::client
