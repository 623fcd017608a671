// Browser platform (see platform.h). Index:
//   [SECTION] JavaScript bridge (EM_JS)
//   [SECTION] State, input forwarding and HiDPI
//   [SECTION] Exports called from JavaScript
//   [SECTION] Fonts
//   [SECTION] Main loop
//   [SECTION] Public API
// ImGui works in CSS pixels: the canvas backing store is CSS size x devicePixelRatio, fonts are
// rasterized at that ratio and scaled back with FontGlobalScale, and GLFW's device-pixel mouse
// positions are divided back down before they reach ImGui.
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#define GLFW_INCLUDE_ES3
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>

#include <cfloat>
#include <cstdint>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "client/platform/a11y.h"
#include "client/platform/platform.h"
#include "client/platform/text_proxy.h"
#include "client/ui/glyph_bank.h"
#include "client/ui/item_hooks.h"
#include "client/ui/mirror.h"
#include "client/ui/motion.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"

// ---------------------------------------------------------------------------------------------
// [SECTION] JavaScript bridge
// ---------------------------------------------------------------------------------------------
// Strings returned to C++ are malloc'd; the caller frees them.
EM_JS(char*, spoc_js_string_out, (const char* which), {
    var name = UTF8ToString(which);
    var s = "";
    if (name === 'hash') s = window.location.hash || "";
    var len = lengthBytesUTF8(s) + 1;
    var p = _malloc(len);
    stringToUTF8(s, p, len);
    return p;
});

EM_JS(void, spoc_js_install, (int e2e), {
    window.addEventListener('hashchange', function() { _spoc_platform_location_changed(); });
    window.addEventListener('popstate', function() { _spoc_platform_location_changed(); });
    // Browsers refuse synchronous clipboard reads: take the text from the paste event that
    // follows Ctrl+V and hand it to ImGui's clipboard before the next frame handles the key.
    document.addEventListener('paste', function(event) {
        var data = event.clipboardData || window.clipboardData;
        var text = data ? data.getData('text/plain') : "";
        if (typeof text !== 'string') return;
        var len = lengthBytesUTF8(text) + 1;
        var p = _malloc(len);
        stringToUTF8(text, p, len);
        // Ctrl/Cmd+V: ImGui pastes on the key, from this text. A paste without the shortcut (the
        // context menu, a phone's Paste bubble on the text proxy) is typed into the field instead.
        var viaKey = performance.now() - (Module.spocPasteKeyAt || -1e9) < 1000;
        if (viaKey) _spoc_platform_paste(p);
        else _spoc_platform_text(p);
        _free(p);
        event.preventDefault();
    });
    window.addEventListener('keydown', function(e) {
        if ((e.ctrlKey || e.metaKey) && (e.key === 'v' || e.key === 'V')) Module.spocPasteKeyAt = performance.now();
    }, true);
    // Touch: Emscripten's GLFW presses the mouse button on touchstart without moving the cursor
    // to the finger (its touch path never updates the position), so a tap clicked wherever the
    // pointer last was. Its touch listeners are replaced by ones that give ImGui the finger's
    // position (in CSS px) as a touch-screen mouse; the browser's own gestures are off.
    var canvas = Module['canvas'];
    try {
        canvas.removeEventListener('touchmove', GLFW.onMousemove, true);
        canvas.removeEventListener('touchstart', GLFW.onMouseButtonDown, true);
        canvas.removeEventListener('touchcancel', GLFW.onMouseButtonUp, true);
        canvas.removeEventListener('touchend', GLFW.onMouseButtonUp, true);
    } catch (e) { console.warn('spoc: could not detach GLFW touch handlers', e); }
    var touchId = null;
    function onTouch(kind) {
        return function(event) {
            var rect = canvas.getBoundingClientRect();
            for (var i = 0; i < event.changedTouches.length; ++i) {
                var t = event.changedTouches[i];
                if (kind === 0 && touchId === null) touchId = t.identifier;
                if (t.identifier !== touchId) continue;  // one finger drives the pointer
                _spoc_platform_touch(kind, t.clientX - rect.left, t.clientY - rect.top);
                if (kind === 2) touchId = null;
            }
            event.preventDefault();
        };
    }
    canvas.addEventListener('touchstart', onTouch(0), { capture: true, passive: false });
    canvas.addEventListener('touchmove', onTouch(1), { capture: true, passive: false });
    canvas.addEventListener('touchend', onTouch(2), { capture: true, passive: false });
    canvas.addEventListener('touchcancel', onTouch(2), { capture: true, passive: false });
    window.addEventListener('focus', function() { _spoc_platform_wake(); });
    document.addEventListener('visibilitychange', function() { _spoc_platform_wake(); });
    Module.spocWake = function() { _spoc_platform_wake(); };
    if (e2e) {
        window.spoc = window.spoc || {};
        window.spoc.e2e = {
            items: function() { return JSON.parse(UTF8ToString(_spoc_e2e_items())); },
            state: function() { return JSON.parse(UTF8ToString(_spoc_e2e_state())); },
            frame: function() { return _spoc_e2e_frame(); },
            glyphs: function() { return JSON.parse(UTF8ToString(_spoc_e2e_glyphs())); },
            prefs: function() { return JSON.parse(UTF8ToString(_spoc_e2e_prefs())); }
        };
    }
});

EM_JS(void, spoc_js_set_location, (const char* hash, int replace), {
    var h = UTF8ToString(hash);
    if (window.location.hash === h) return;
    if (replace) window.history.replaceState(null, "", h);
    else window.history.pushState(null, "", h);
});

EM_JS(void, spoc_js_set_title, (const char* title), { document.title = UTF8ToString(title); });

EM_JS(void, spoc_js_open_url, (const char* url), {
    var u = UTF8ToString(url);
    if (!/^(https?:|mailto:)/i.test(u)) return;
    window.open(u, '_blank', 'noopener,noreferrer');
});

EM_JS(void, spoc_js_copy, (const char* text), {
    var s = UTF8ToString(text);
    var fallback = function() {
        var ta = document.createElement('textarea');
        ta.value = s;
        ta.setAttribute('readonly', "");
        ta.style.position = 'fixed';
        ta.style.opacity = '0';
        document.body.appendChild(ta);
        ta.select();
        try { document.execCommand('copy'); } catch (e) {}
        document.body.removeChild(ta);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(s).catch(fallback);
    else fallback();
});

EM_JS(void, spoc_js_random, (unsigned char* out, int n), { crypto.getRandomValues(HEAPU8.subarray(out, out + n)); });
EM_JS(double, spoc_js_now, (), { return Date.now(); });
EM_JS(int, spoc_js_tz_offset, (), { return -new Date().getTimezoneOffset(); });
// Phones and tablets: no desktop scrollbar (a thin indicator instead), as native touch apps do.
// The browser's default font size (Settings > Appearance > Font size): the computed size of
// `font-size: medium`, 16 px unless the user changed it. Spoc scales its whole UI by it / 16.
EM_JS(double, spoc_js_root_font_px, (), {
    var probe = Module.spocFontProbe;
    if (!probe) {
        probe = Module.spocFontProbe = document.createElement("div");
        probe.setAttribute("style", "position:absolute;visibility:hidden;font-size:medium;left:-99px;top:0");
        probe.setAttribute("aria-hidden", "true");
        document.body.appendChild(probe);
    }
    var px = parseFloat(window.getComputedStyle(probe).fontSize);
    return px > 0 ? px : 16;
});
// Media queries the UI follows: bit 0 prefers-color-scheme: dark, bit 1 prefers-reduced-motion.
EM_JS(int, spoc_js_preferences, (), {
    var m = window.matchMedia;
    if (!m) return 0;
    return (m('(prefers-color-scheme: dark)').matches ? 1 : 0) | (m('(prefers-reduced-motion: reduce)').matches ? 2 : 0);
});
EM_JS(int, spoc_js_coarse_pointer, (), { return window.matchMedia && window.matchMedia('(pointer: coarse)').matches ? 1 : 0; });
EM_JS(int, spoc_js_e2e_flag, (), { return /[?&]e2e=1(&|$)/.test(window.location.search) ? 1 : 0; });

// Fonts are fetched by boot.js while spoc.wasm downloads: -1 none requested, 0 loading, 1 done.
EM_JS(int, spoc_js_fonts_state, (), {
    if (!Module.spocFonts) return -1;
    return Module.spocFonts.done ? 1 : 0;
});
EM_JS(int, spoc_js_font_size, (int index), {
    var f = Module.spocFonts && Module.spocFonts.files[index];
    return f ? f.length : 0;
});
EM_JS(void, spoc_js_font_copy, (int index, unsigned char* out), {
    HEAPU8.set(Module.spocFonts.files[index], out);
    Module.spocFonts.files[index] = null;
});

EM_JS(void, spoc_js_ready, (), { if (Module.spocReady) Module.spocReady(); });
EM_JS(void, spoc_js_fatal, (const char* message), {
    var m = UTF8ToString(message);
    if (Module.spocFatal) Module.spocFatal(m);
    else console.error(m);
});
EM_JS(void, spoc_js_set_cursor, (const char* cursor), {
    var c = Module.canvas || document.getElementById('canvas');
    if (c) c.style.cursor = UTF8ToString(cursor);
});

namespace spoc::platform {
namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] State, input forwarding and HiDPI
// ---------------------------------------------------------------------------------------------
constexpr int kFramesAfterInput = 6;       // ImGui settles hover/active/popup state over a few frames
constexpr double kIdleIntervalMs = 1000;   // relative times and toasts still tick when idle
constexpr double kTypingIntervalMs = 100;  // text cursor blink while an input has focus
constexpr double kE2eIntervalMs = 50;      // ?e2e=1: tests wait on frame counts

struct Platform {
    AppCallbacks callbacks;
    GLFWwindow* window = nullptr;
    bool gl_ready = false;
    bool fonts_ready = false;
    bool language_ready = false;  // the first message catalog arrived (or was waited for long enough)
    bool failed = false;
    bool shown = false;                    // loading overlay hidden
    ui::FontFiles fonts;
    float pixel_ratio = 1.0f;              // fonts were built for this ratio (device px per ImGui unit)
    float zoom = 1.0f;                     // CSS px per ImGui unit: the browser's default font size / 16
    int preferences = -1;                  // spoc_js_preferences() last applied
    bool touch = false;                    // coarse pointer: see FrameContext::touch
    double css_w = 0, css_h = 0;
    int fb_w = 0, fb_h = 0;
    int dirty_frames = kFramesAfterInput;
    bool animating = false;
    bool text_active = false;
    double last_render_ms = -1e9;
    int frame_counter = 0;
    bool mouse_inside = false;
    bool finger_down = false;              // a touch is on the screen at finger (ImGui coordinates)
    ImVec2 finger;
    bool e2e = false;
    std::string title;
    std::string clipboard;                 // what ImGui pastes: last copy, or the last paste event
    std::string cursor;
    std::string e2e_items;
    std::string e2e_state;
};

Platform& P() {
    static Platform platform;
    return platform;
}

void MarkDirty() { P().dirty_frames = kFramesAfterInput; }

// ImGui's display is the canvas's CSS size divided by the zoom; these are framebuffer pixels per
// ImGui unit.
float ScaleX() { return P().css_w > 0 ? static_cast<float>(P().fb_w * P().zoom / P().css_w) : 1.0f; }
float ScaleY() { return P().css_h > 0 ? static_cast<float>(P().fb_h * P().zoom / P().css_h) : 1.0f; }

float ReadZoom() {
    const double z = spoc_js_root_font_px() / 16.0;
    return static_cast<float>(z < 0.75 ? 0.75 : z > 3.0 ? 3.0 : z);
}

void OnCursorPos(GLFWwindow* w, double x, double y) {
    MarkDirty();
    if (!P().mouse_inside) {
        P().mouse_inside = true;
        ImGui_ImplGlfw_CursorEnterCallback(w, 1);
    }
    ImGui_ImplGlfw_CursorPosCallback(w, ui::MirrorX(static_cast<float>(x / ScaleX()), ImGui::GetIO().DisplaySize.x), y / ScaleY());
}
void OnCursorEnter(GLFWwindow* w, int entered) {
    MarkDirty();
    P().mouse_inside = entered != 0;
    ImGui_ImplGlfw_CursorEnterCallback(w, entered);
}
void OnMouseButton(GLFWwindow* w, int button, int action, int mods) {
    MarkDirty();
    ImGui_ImplGlfw_MouseButtonCallback(w, button, action, mods);
}
void OnScroll(GLFWwindow* w, double x, double y) {
    MarkDirty();
    ImGui_ImplGlfw_ScrollCallback(w, x, y);  // ignored by the backend on the web; the wheel callback feeds ImGui
}
void OnKey(GLFWwindow* w, int key, int scancode, int action, int mods) {
    MarkDirty();
    ImGui_ImplGlfw_KeyCallback(w, key, scancode, action, mods);
}
void OnChar(GLFWwindow* w, unsigned int c) {
    MarkDirty();
    if (TextProxyHasFocus()) return;  // the text proxy delivers it (IME, phone keyboards)
    ImGui_ImplGlfw_CharCallback(w, c);
}
void OnFocus(GLFWwindow* w, int focused) {
    MarkDirty();
    ImGui_ImplGlfw_WindowFocusCallback(w, focused);
}

// Mouse wheel, on the canvas rather than the document (the backend's choice), where Chrome makes
// listeners passive and logs an error for every preventDefault. Same scaling as the backend.
EM_BOOL OnWheel(int, const EmscriptenWheelEvent* ev, void*) {
    MarkDirty();
    float multiplier = 0.0f;
    if (ev->deltaMode == DOM_DELTA_PIXEL) multiplier = 1.0f / 100.0f;  // 100 pixels make a step
    else if (ev->deltaMode == DOM_DELTA_LINE) multiplier = 1.0f / 3.0f;
    else if (ev->deltaMode == DOM_DELTA_PAGE) multiplier = 80.0f;
    ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(ev->deltaX) * -multiplier, static_cast<float>(ev->deltaY) * -multiplier);
    return EM_TRUE;
}

const char* GetClipboard(void*) { return P().clipboard.c_str(); }
void SetClipboard(void*, const char* text) {
    P().clipboard = text ? text : "";
    spoc_js_copy(P().clipboard.c_str());
}

// Keeps the backing store at CSS size x devicePixelRatio; rebuilds fonts when the ratio changes.
void SyncCanvasSize() {
    Platform& p = P();
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    float ratio = static_cast<float>(emscripten_get_device_pixel_ratio());
    if (!(ratio > 0.25f)) ratio = 1.0f;
    if (css_w < 1) css_w = 1;
    if (css_h < 1) css_h = 1;
    const int fb_w = static_cast<int>(std::lround(css_w * ratio));
    const int fb_h = static_cast<int>(std::lround(css_h * ratio));
    const float zoom = ReadZoom();
    if (zoom != p.zoom) {
        p.zoom = zoom;
        ui::hooks::SetPixelScale(zoom);
        MarkDirty();
    }
    ratio *= zoom;  // fonts are rasterized for device pixels per ImGui unit
    if (fb_w != p.fb_w || fb_h != p.fb_h || css_w != p.css_w || css_h != p.css_h) {
        p.css_w = css_w;
        p.css_h = css_h;
        p.fb_w = fb_w;
        p.fb_h = fb_h;
        // Not glfwSetWindowSize: Emscripten's GLFW turns a window the size of the screen into a
        // fullscreen request. ImGui's display size and scale are set from css/fb sizes each frame.
        emscripten_set_canvas_element_size("#canvas", fb_w, fb_h);
        MarkDirty();
    }
    if (p.fonts_ready && std::fabs(ratio - p.pixel_ratio) > 0.01f) {
        p.pixel_ratio = ratio;
        ui::BuildFonts(p.fonts, ratio);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        MarkDirty();
    }
}

void Fail(const std::string& message) {
    P().failed = true;
    spoc_js_fatal(message.c_str());
    emscripten_cancel_main_loop();
}

void RenderFrame();  // the main loop's frame (below); also run straight from a touch handler
}  // namespace
}  // namespace spoc::platform

// ---------------------------------------------------------------------------------------------
// [SECTION] Exports called from JavaScript
// ---------------------------------------------------------------------------------------------
extern "C" {

EMSCRIPTEN_KEEPALIVE void spoc_platform_wake() { spoc::platform::MarkDirty(); }

// A finger went down (0), moved (1) or lifted (2) at CSS px (x, y): ImGui gets a touch-screen
// mouse there. After a lift the pointer leaves, so nothing stays hovered under the finger.
EMSCRIPTEN_KEEPALIVE void spoc_platform_touch(int kind, double x, double y) {
    spoc::platform::MarkDirty();
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    const float zoom = spoc::platform::P().zoom;
    const ImVec2 at(spoc::ui::MirrorX(static_cast<float>(x) / zoom, io.DisplaySize.x), static_cast<float>(y) / zoom);
    io.AddMousePosEvent(at.x, at.y);
    spoc::platform::P().finger_down = kind != 2;
    spoc::platform::P().finger = at;
    if (kind == 0) io.AddMouseButtonEvent(0, true);
    if (kind == 2) {
        io.AddMouseButtonEvent(0, false);
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    }
    spoc::platform::P().mouse_inside = kind != 2;
    // A tap on a text field must focus the text proxy inside the touch's own event handler:
    // phones open their keyboard only for a focus() made during the user's gesture. So the
    // frame that activates the field runs now, not at the next animation frame.
    if (kind != 1 && spoc::platform::P().fonts_ready && !spoc::platform::P().failed) spoc::platform::RenderFrame();
}

EMSCRIPTEN_KEEPALIVE void spoc_platform_location_changed() {
    auto& p = spoc::platform::P();
    spoc::platform::MarkDirty();
    if (p.callbacks.location_changed) p.callbacks.location_changed(spoc::platform::Location());
}

EMSCRIPTEN_KEEPALIVE void spoc_platform_paste(const char* text) {
    std::string s = text ? text : "";
    std::string clean;
    clean.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {  // CRLF -> LF
        if (s[i] == '\r') {
            if (i + 1 < s.size() && s[i + 1] == '\n') continue;
            clean.push_back('\n');
            continue;
        }
        clean.push_back(s[i]);
    }
    spoc::platform::P().clipboard = std::move(clean);
    spoc::platform::MarkDirty();
}

EMSCRIPTEN_KEEPALIVE const char* spoc_e2e_items() {
    auto& p = spoc::platform::P();
    p.e2e_items = spoc::ui::hooks::LastFrameItemsJson();
    return p.e2e_items.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* spoc_e2e_state() {
    auto& p = spoc::platform::P();
    p.e2e_state = p.callbacks.e2e_state ? p.callbacks.e2e_state() : std::string("{}");
    return p.e2e_state.c_str();
}

EMSCRIPTEN_KEEPALIVE int spoc_e2e_frame() { return spoc::platform::P().frame_counter; }

EMSCRIPTEN_KEEPALIVE const char* spoc_e2e_prefs() {
    static std::string json;
    char buf[128];
    std::snprintf(buf, sizeof buf, "{\"zoom\":%.3f,\"dark\":%s,\"reduced_motion\":%s}", spoc::platform::P().zoom,
                  spoc::ui::CurrentColorScheme() == spoc::ui::ColorScheme::dark ? "true" : "false",
                  spoc::ui::ReducedMotion() ? "true" : "false");
    json = buf;
    return json.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* spoc_e2e_glyphs() {
    static std::string json;
    json = spoc::ui::glyphs::StatsJson();
    return json.c_str();
}

}  // extern "C"

namespace spoc::platform {
namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] Fonts
// ---------------------------------------------------------------------------------------------
// Returns true once fonts are built. While boot.js is still downloading them, returns false and
// the HTML loading screen stays up.
bool TryLoadFonts() {
    Platform& p = P();
    const int state = spoc_js_fonts_state();
    if (state == 0) return false;
    std::vector<std::uint8_t>* slots[] = {&p.fonts.regular, &p.fonts.semibold, &p.fonts.fallback};
    for (int i = 0; i < 3; ++i) {
        const int size = state == 1 ? spoc_js_font_size(i) : 0;
        if (size <= 0) continue;
        slots[i]->resize(static_cast<size_t>(size));
        spoc_js_font_copy(i, slots[i]->data());
    }
    if (p.fonts.regular.empty() && p.fonts.fallback.empty()) {
        Fail("Spoc couldn't download its fonts. Check your connection and reload the page.");
        return false;
    }
    float ratio = static_cast<float>(emscripten_get_device_pixel_ratio());
    if (!(ratio > 0.25f)) ratio = 1.0f;
    p.zoom = ReadZoom();
    ui::hooks::SetPixelScale(p.zoom);
    ratio *= p.zoom;
    if (!ui::BuildFonts(p.fonts, ratio)) {
        Fail("Spoc couldn't read its fonts. Reload the page to try again.");
        return false;
    }
    p.pixel_ratio = ratio;
    p.fonts_ready = true;
    return true;
}

// DejaVu Sans (symbols, Greek, Cyrillic) usually arrives after the first frame; merge it in then,
// the same way a change of devicePixelRatio rebuilds the atlas.
void MergeLateFallbackFont() {
    Platform& p = P();
    if (!p.fonts_ready || !p.fonts.fallback.empty()) return;
    const int size = spoc_js_font_size(2);
    if (size <= 0) return;
    p.fonts.fallback.resize(static_cast<size_t>(size));
    spoc_js_font_copy(2, p.fonts.fallback.data());
    if (!ui::BuildFonts(p.fonts, p.pixel_ratio)) {  // unreadable file: carry on with Inter alone
        p.fonts.fallback.clear();
        ui::BuildFonts(p.fonts, p.pixel_ratio);
    }
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    MarkDirty();
}

// prefers-color-scheme and prefers-reduced-motion, applied at start and whenever they change.
void FollowPreferences() {
    Platform& p = P();
    const int prefs = spoc_js_preferences();
    if (prefs == p.preferences) return;
    p.preferences = prefs;
    ui::SetColorScheme((prefs & 1) ? ui::ColorScheme::dark : ui::ColorScheme::light);
    ui::SetReducedMotion((prefs & 2) != 0);
    ImGui::GetIO().ConfigInputTextCursorBlink = (prefs & 2) == 0;
    MarkDirty();
}

// Text drawn in the last frame needed characters the atlas lacks: the browser draws them and the
// atlas is rebuilt before the next frame, which is drawn straight away.
void AddNewGlyphs() {
    Platform& p = P();
    if (!p.fonts_ready || !(ui::glyphs::NeedsRebuild() || ui::DisplayFontMissing())) return;
    ui::BuildFonts(p.fonts, p.pixel_ratio);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    MarkDirty();
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Main loop
// ---------------------------------------------------------------------------------------------
const char* CssCursor(ImGuiMouseCursor cursor) {
    switch (cursor) {
        case ImGuiMouseCursor_TextInput: return "text";
        case ImGuiMouseCursor_Hand: return "pointer";
        case ImGuiMouseCursor_ResizeNS: return "ns-resize";
        case ImGuiMouseCursor_ResizeEW: return "ew-resize";
        case ImGuiMouseCursor_ResizeAll: return "move";
        case ImGuiMouseCursor_NotAllowed: return "not-allowed";
        default: return "default";
    }
}

void RenderFrame() {
    Platform& p = P();
    if (p.callbacks.poll) p.callbacks.poll();

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ui::glyphs::BeginFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(p.css_w / p.zoom), static_cast<float>(p.css_h / p.zoom));
    io.DisplayFramebufferScale = ImVec2(ScaleX(), ScaleY());
    if (!p.mouse_inside) io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);  // the backend's fallback reports device pixels
    // Under a finger the backend's fallback (the last mouse position, as no mouse entered) would
    // move the pointer off the button being held, and its release would click nothing.
    else if (p.finger_down) io.AddMousePosEvent(p.finger.x, p.finger.y);
    ui::hooks::SetMirrorWidth(ui::Mirrored() ? io.DisplaySize.x : 0.0f);
    ImGui::NewFrame();
    ApplyA11yRequests();

    FrameContext ctx;
    ctx.now_ms = spoc_js_now();
    ctx.utc_offset_minutes = spoc_js_tz_offset();
    ctx.pixel_ratio = p.pixel_ratio;
    ctx.touch = p.touch;
    FrameResult result = p.callbacks.frame ? p.callbacks.frame(ctx) : FrameResult{};
    DrawCompositionPreview();

    ImGui::Render();
    if (ui::Mirrored()) ui::MirrorDrawData(ImGui::GetDrawData(), io.DisplaySize.x);  // right-to-left UI
    glViewport(0, 0, p.fb_w, p.fb_h);
    const ImVec4 page = ImGui::ColorConvertU32ToFloat4(ui::color::kPage);
    glClearColor(page.x, page.y, page.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    ++p.frame_counter;
    p.animating = result.animating;
    p.text_active = io.WantTextInput;
    UpdateTextProxy();
    UpdateA11yMirror();
    if (!result.title.empty() && result.title != p.title) {
        p.title = result.title;
        spoc_js_set_title(p.title.c_str());
    }
    const char* cursor = CssCursor(ImGui::GetMouseCursor());
    if (p.cursor != cursor) {
        p.cursor = cursor;
        spoc_js_set_cursor(cursor);
    }
    if (!p.shown) {
        p.shown = true;
        spoc_js_ready();
    }
}

void Tick(void*) {
    Platform& p = P();
    if (p.failed) return;
    if (!p.fonts_ready || !p.language_ready) {
        if (!p.fonts_ready && !TryLoadFonts()) return;
        p.language_ready = p.language_ready || LanguageReady();
        if (!p.language_ready) return;
        MarkDirty();
    }
    PollLanguage();
    SyncCanvasSize();
    MergeLateFallbackFont();
    AddNewGlyphs();
    FollowPreferences();
    const double now = emscripten_get_now();
    // With ?e2e=1 idle frames keep coming quickly, so tests that wait for frame() never stall.
    const double interval = p.e2e ? kE2eIntervalMs : p.text_active ? kTypingIntervalMs : kIdleIntervalMs;
    const bool due = p.dirty_frames > 0 || p.animating || now - p.last_render_ms >= interval;
    if (!due) return;
    if (p.dirty_frames > 0) --p.dirty_frames;
    p.last_render_ms = now;
    RenderFrame();
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] Public API
// ---------------------------------------------------------------------------------------------
void Run(AppCallbacks callbacks) {
    Platform& p = P();
    p.callbacks = std::move(callbacks);
    p.e2e = spoc_js_e2e_flag() != 0;

    if (!glfwInit()) {
        Fail("Your browser can't run Spoc: the windowing layer failed to start.");
        return;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    p.window = glfwCreateWindow(1280, 800, "Spoc", nullptr, nullptr);
    if (p.window == nullptr) {
        Fail("Your browser can't run Spoc: WebGL 2 is not available. Turn on hardware acceleration or try another browser.");
        return;
    }
    glfwMakeContextCurrent(p.window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard | ImGuiConfigFlags_NoMouseCursorChange;
    ui::ApplyTheme(&ImGui::GetStyle());
    InstallBrowserGlyphs();
    p.touch = spoc_js_coarse_pointer() != 0;
    if (p.touch) ui::ApplyTouchStyle(&ImGui::GetStyle());

    ImGui_ImplGlfw_InitForOpenGL(p.window, /*install_callbacks=*/false);
    glfwSetCursorPosCallback(p.window, OnCursorPos);
    glfwSetCursorEnterCallback(p.window, OnCursorEnter);
    glfwSetMouseButtonCallback(p.window, OnMouseButton);
    glfwSetScrollCallback(p.window, OnScroll);
    glfwSetKeyCallback(p.window, OnKey);
    glfwSetCharCallback(p.window, OnChar);
    glfwSetWindowFocusCallback(p.window, OnFocus);
    emscripten_set_wheel_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, nullptr);  // drop the backend's
    emscripten_set_wheel_callback("#canvas", nullptr, false, OnWheel);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    io.GetClipboardTextFn = GetClipboard;
    io.SetClipboardTextFn = SetClipboard;
    io.ClipboardUserData = nullptr;

    // The item hooks feed the screen-reader mirror (and window.spoc.e2e with ?e2e=1).
    ui::hooks::Enable(ImGui::GetCurrentContext());
    StartLanguage();
    ui::hooks::SetPixelScale(p.zoom);  // CSS px per ImGui unit (updated with the zoom)
    ui::glyphs::SetClipCheck(p.e2e);  // tests ask which texts were cut off (window.spoc.e2e.glyphs().clipped)
    spoc_js_install(p.e2e ? 1 : 0);
    InstallFiles();
    p.gl_ready = true;
    emscripten_set_main_loop_arg(Tick, nullptr, 0, true);
}

std::string Location() {
    char* s = spoc_js_string_out("hash");
    std::string out = s ? s : "";
    std::free(s);
    return out;
}

void SetLocation(const std::string& hash, bool replace) { spoc_js_set_location(hash.c_str(), replace ? 1 : 0); }

void OpenUrl(const std::string& url) { spoc_js_open_url(url.c_str()); }

void CopyText(const std::string& text) {
    P().clipboard = text;
    spoc_js_copy(text.c_str());
}

std::string RandomHex(int bytes) {
    if (bytes <= 0 || bytes > 64) bytes = 16;
    unsigned char buf[64];
    spoc_js_random(buf, bytes);
    static const char kHex[] = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < bytes; ++i) {
        out.push_back(kHex[buf[i] >> 4]);
        out.push_back(kHex[buf[i] & 15]);
    }
    return out;
}

void Wake() { MarkDirty(); }
bool E2eEnabled() { return P().e2e; }
const ui::FontFiles& LoadedFonts() { return P().fonts; }
float Zoom() { return P().zoom; }

}  // namespace spoc::platform
