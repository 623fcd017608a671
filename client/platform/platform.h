// The platform seam (sokol-style): the app hands callbacks to Run() and never owns the main loop.
// The browser implementation (platform_web.cpp) owns the canvas, WebGL2, HiDPI sizing, fonts
// fetched at start-up, URL hash, document title, clipboard, idle throttling and the e2e bridge.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "client/ui/theme.h"
#include "shared/domain/i18n.h"

namespace spoc::platform {

struct FrameContext {
    double now_ms = 0;            // wall clock, ms since the Unix epoch
    int utc_offset_minutes = 0;   // the browser's time zone
    float pixel_ratio = 1;        // device pixels per CSS pixel
    int requests_in_flight = 0;   // filled by the app if it wants; informational
    bool touch = false;           // coarse pointer (phone, tablet, kiosk): drag scrolls, thin scroll indicator
};

struct FrameResult {
    bool animating = false;       // keep rendering at full rate (spinners, skeletons)
    std::string title;            // document.title
};

struct AppCallbacks {
    std::function<void()> poll;                                   // before a frame: deliver network completions
    std::function<FrameResult(const FrameContext&)> frame;       // between NewFrame and Render: all ImGui calls
    std::function<void(const std::string& hash)> location_changed; // back/forward or an edited URL ("#/requests")
    std::function<std::string()> e2e_state;                       // JSON for window.spoc.e2e.state()
};

void Run(AppCallbacks callbacks);                 // starts the loop; on the web it returns only to unwind main()
std::string Location();                           // the current URL hash, "#/..." or ""
void SetLocation(const std::string& hash, bool replace); // pushState/replaceState: no hashchange echo
void CopyText(const std::string& text);           // navigator.clipboard.writeText (+ the in-app clipboard)
void OpenUrl(const std::string& url);             // a new tab, without opener (http(s) and mailto only)
std::string RandomHex(int bytes);                 // crypto.getRandomValues, hex encoded
void Wake();                                      // something changed outside input: draw the next frames
bool E2eEnabled();                                // the page URL has ?e2e=1
const ui::FontFiles& LoadedFonts();               // bytes fetched at start-up (valid once Run draws)
float Zoom();                                     // CSS px per ImGui unit (the browser's default font size / 16)
void InstallBrowserGlyphs();                      // glyph_bank draws missing characters with the browser (glyphs_web.cpp)

// [Files] (files_web.cpp): chosen, dropped and pasted files stay in the page, named by handle.
struct PickedFile {
    int handle = 0;
    std::string name;
    std::int64_t size = 0;
    std::string type;                                // the browser's guess from the name
};
struct FileBatch {
    int source = 0;                                  // 0 the file dialog, 1 a drop, 2 a paste
    std::vector<PickedFile> files;
};
void InstallFiles();                                 // listeners and the thumbnail source (called by Run)
void PickFiles();                                    // the file dialog (within a click's user activation)
void ReleaseFile(int handle);                        // the page forgets the file's bytes
void OpenFile(const std::string& path, bool save);   // same-origin path: download (save) or a new tab
std::vector<FileBatch> TakeFiles();                  // batches reported since the last call
int TakeDragging();                                  // 1/0 when a drag with files began/ended since the last call, else -1

// [Storage] (storage_web.cpp): localStorage, best effort. An empty value removes the key.
std::string StorageGet(const std::string& key);     // "" when absent or refused
bool StorageSet(const std::string& key, const std::string& value);  // false when refused (quota, private mode)

// [Languages] (locale_web.cpp): the UI language and its message catalog.
void StartLanguage();                               // the stored choice, else the browser's languages; fetches
bool LanguageReady();                               // the first frame waits for the first catalog (bounded)
void PollLanguage();                                // a catalog that arrived becomes the thread locale
void ChooseLanguage(i18n::Lang lang, bool remember); // switch when its catalog arrives; remember: localStorage
i18n::Lang CurrentLanguage();                       // the language on screen

}  // namespace spoc::platform
