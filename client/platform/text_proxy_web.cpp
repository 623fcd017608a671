// The text proxy (see text_proxy.h): a real, invisible <input> or <textarea> that holds the
// browser's focus while an ImGui text field has the keyboard, so input methods, dead keys, emoji
// pickers, phone keyboards and dictation can deliver text. Committed text goes to ImGui as
// characters; keys (arrows, Backspace, Enter, shortcuts) keep arriving through GLFW.
#include "client/platform/text_proxy.h"

#include <emscripten/emscripten.h>

#include <cfloat>
#include <cstdio>
#include <string>

#include "client/platform/platform.h"
#include "client/ui/mirror.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"
#include "imgui.h"

// kind: 0 text, 1 password, 2 decimal, 3 date, 4 text with no device keyboard (the app draws one);
// multiline uses the textarea.
EM_JS(void, spoc_js_text_proxy, (int want, int multiline, int kind, const char* autocomplete, const char* label, float x, float y, float h), {
    var P = Module.spocTextProxy;
    if (!P) {
        P = Module.spocTextProxy = { current: null, base: "", realKey: false, composing: false };
        var style = 'position:fixed;left:0;top:0;width:2px;height:24px;opacity:0;border:0;padding:0;margin:0;' +
                    'outline:none;resize:none;overflow:hidden;font-size:16px;background:transparent;color:transparent;' +
                    'caret-color:transparent;pointer-events:none;z-index:1;';
        function make(tag) {
            var el = document.createElement(tag);
            el.setAttribute('style', style);
            el.setAttribute('autocapitalize', 'off');
            el.setAttribute('autocorrect', 'off');
            el.setAttribute('spellcheck', 'false');
            el.setAttribute('aria-hidden', 'true');
            el.setAttribute('tabindex', '-1');
            el.id = 'spoc-text-' + tag;
            var composing = false;
            // The proxy holds the field's text and selection (synced from ImGui after each frame), so
            // a screen reader reads the field and a phone keyboard sees the words around the caret.
            // Whatever the browser changes in it is sent to ImGui as one edit: the code points that
            // were replaced and the new text (typing, autocorrect, dictation, a password manager).
            function cps(str) { var n = 0; for (var i = 0; i < str.length; i++) { var c = str.charCodeAt(i); if (c < 0xDC00 || c > 0xDFFF) n++; } return n; }
            function commit() {
                var o = P.base, v = el.value;
                if (o === v) return;
                var caret = typeof el.selectionEnd === 'number' ? el.selectionEnd : v.length;
                var max = Math.min(o.length, v.length);
                var sfx = 0;  // the common tail, never reaching into what was typed before the caret
                while (sfx < max && sfx < v.length - caret && o.charCodeAt(o.length - 1 - sfx) === v.charCodeAt(v.length - 1 - sfx)) sfx++;
                var pre = 0;
                while (pre < max - sfx && o.charCodeAt(pre) === v.charCodeAt(pre)) pre++;
                if (pre > 0 && o.charCodeAt(pre - 1) >= 0xD800 && o.charCodeAt(pre - 1) <= 0xDBFF) pre--;  // whole surrogate pairs
                if (sfx > 0 && o.charCodeAt(o.length - sfx) >= 0xDC00 && o.charCodeAt(o.length - sfx) <= 0xDFFF) sfx--;
                var from = cps(o.slice(0, pre)), to = from + cps(o.slice(pre, o.length - sfx));
                var text = v.slice(pre, v.length - sfx).split(String.fromCharCode(13)).join("");
                P.base = v;
                var len = lengthBytesUTF8(text) + 1;
                var p = _malloc(len);
                stringToUTF8(text, p, len);
                _spoc_platform_edit(from, to, p);
                _free(p);
            }
            function preview(text) {
                var len = lengthBytesUTF8(text) + 1;
                var p = _malloc(len);
                stringToUTF8(text, p, len);
                _spoc_platform_composition(p);
                _free(p);
            }
            el.addEventListener('compositionstart', function() { composing = P.composing = true; });
            el.addEventListener('compositionupdate', function(e) { preview(e.data || ""); });
            el.addEventListener('compositionend', function(e) {
                composing = P.composing = false;
                preview("");
                commit();
                _spoc_platform_text_resync();
            });
            el.addEventListener('input', function(e) {
                if (composing || e.isComposing) return;  // the preview stays in the proxy until committed
                var t = e.inputType || "";
                // A real key (Backspace, Delete, Ctrl+X) has already reached ImGui through GLFW: its
                // effect on the proxy is undone, and ImGui's result comes back with the next sync.
                // A phone keyboard's keys arrive as keyCode 229 and are applied from here.
                if (P.realKey && (t.indexOf('delete') === 0 || t.indexOf('history') === 0)) {
                    el.value = P.base;
                    _spoc_platform_text_resync();
                    return;
                }
                commit();
            });
            el.addEventListener('keydown', function(e) {
                P.realKey = !(e.keyCode === 229 || e.key === 'Unidentified' || e.key === 'Process' || e.isComposing);
                setTimeout(function() { P.realKey = false; }, 0);  // the input event comes in the same task
                // Enter and Tab belong to ImGui (submit, next field), not to the proxy.
                if (e.key === 'Enter' || e.key === 'Tab') e.preventDefault();
                // Undo and redo are ImGui's (the proxy only ever holds uncommitted text).
                if ((e.ctrlKey || e.metaKey) && (e.key === 'z' || e.key === 'Z' || e.key === 'y' || e.key === 'Y')) e.preventDefault();
            });
            document.body.appendChild(el);
            return el;
        }
        P.input = make('input');
        P.area = make('textarea');
        // A click on the canvas must not take the focus from the proxy (the field it lands on
        // may be the one being edited); ImGui decides, and the next frame moves the focus.
        Module['canvas'].addEventListener('mousedown', function(e) { if (P.current) e.preventDefault(); });
    }
    if (!want) {
        if (P.current) { P.current.value = ""; P.current.setAttribute('aria-hidden', 'true'); P.current.blur(); P.current = null; }
        return;
    }
    var el = multiline ? P.area : P.input;
    // While it has the focus, the proxy is the field for screen readers: named like it.
    var name = UTF8ToString(label);
    if (el.getAttribute('aria-label') !== name) el.setAttribute('aria-label', name);
    el.removeAttribute('aria-hidden');
    if (!multiline) {
        var type = kind === 1 ? 'password' : 'text';
        if (el.type !== type) el.type = type;
        el.setAttribute('inputmode', kind === 2 ? 'decimal' : kind === 3 ? 'numeric' : kind === 4 ? 'none' : 'text');
        el.setAttribute('autocomplete', UTF8ToString(autocomplete));
    }
    var left = Math.max(0, x) + 'px', top = Math.max(0, y) + 'px', height = Math.max(16, h) + 'px';
    if (el.style.left !== left) el.style.left = left;
    if (el.style.top !== top) el.style.top = top;
    if (el.style.height !== height) el.style.height = height;
    if (P.current !== el || document.activeElement !== el) {
        if (P.current && P.current !== el) { P.current.value = ""; P.current.setAttribute('aria-hidden', 'true'); P.current.blur(); }
        P.current = el;
        el.value = "";
        P.base = "";
        el.focus({ preventScroll: true });
    }
});

// The active field's text and selection (code points) into the proxy, unless an input method is
// composing there (its commit is sent, then a resync follows).
EM_JS(void, spoc_js_text_proxy_sync, (const char* text, int sel_start, int sel_end), {
    var P = Module.spocTextProxy;
    if (!P || !P.current || P.composing) return;
    var el = P.current, v = UTF8ToString(text);
    function units(cp) {
        var i = 0;
        for (var n = 0; n < cp && i < v.length; n++) { var c = v.charCodeAt(i); i += c >= 0xD800 && c <= 0xDBFF ? 2 : 1; }
        return i;
    }
    if (el.value !== v) el.value = v;
    P.base = v;
    var a = units(sel_start), b = units(sel_end);
    if (el.selectionStart !== a || el.selectionEnd !== b) el.setSelectionRange(a, b);
});

EM_JS(int, spoc_js_text_proxy_focused, (), {
    var P = Module.spocTextProxy;
    return P && P.current && document.activeElement === P.current ? 1 : 0;
});

extern "C" {

// Text typed without the proxy's help (a paste from a context menu or a phone's Paste bubble).
EMSCRIPTEN_KEEPALIVE void spoc_platform_text(const char* utf8) {
    spoc::platform::Wake();
    if (utf8 && *utf8) ImGui::GetIO().AddInputCharactersUTF8(utf8);
}

// An edit in the text proxy (typing, an input method, a phone keyboard, dictation, autofill):
// code points [from, to) of the field's text became `utf8`.
EMSCRIPTEN_KEEPALIVE void spoc_platform_edit(int from, int to, const char* utf8) {
    spoc::platform::Wake();
    spoc::ui::QueueTextFieldEdit(from, to, utf8 ? utf8 : "");
    spoc::platform::ResyncTextProxy();
}

// The proxy's content may differ from the field's: send the field again after the next frame.
EMSCRIPTEN_KEEPALIVE void spoc_platform_text_resync() {
    spoc::platform::Wake();
    spoc::platform::ResyncTextProxy();
}

// The input method's uncommitted text, drawn at the caret until it is committed ("" ends it).
EMSCRIPTEN_KEEPALIVE void spoc_platform_composition(const char* utf8) {
    spoc::platform::Wake();
    spoc::platform::SetComposition(utf8 ? utf8 : "");
}

}  // extern "C"

namespace spoc::platform {
namespace {
bool g_on = false;       // the proxy has been given the focus
std::string g_state;     // what it was last set to
std::string g_composition;  // uncommitted input-method text
std::string g_synced;       // the field's text and selection as last sent to the proxy
}  // namespace

void ResyncTextProxy() { g_synced.clear(); }

void SetComposition(const std::string& text) { g_composition = text; }

// Draws the composition inline at the caret, underlined, on the field's own background, as the
// operating system would in a native field.
void DrawCompositionPreview() {
    const ui::ActiveTextField& f = ui::CurrentTextField();
    if (!f.active) g_composition.clear();
    if (g_composition.empty()) return;
    ImFont* font = ui::GetFonts().body;
    const float size = font->FontSize * font->Scale * ImGui::GetIO().FontGlobalScale;
    const ImVec2 text = font->CalcTextSizeA(size, FLT_MAX, 0.0f, g_composition.c_str());
    const float line_h = f.h > 0 ? f.h : size;
    const ImVec2 min(f.x, f.y + (line_h - size) * 0.5f);
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    dl->AddRectFilled(ImVec2(min.x, f.y), ImVec2(min.x + text.x + 2, f.y + line_h), ui::color::kSurface);
    dl->AddText(font, size, min, ui::color::kText, g_composition.c_str());
    dl->AddLine(ImVec2(min.x, min.y + size + 1), ImVec2(min.x + text.x, min.y + size + 1), ui::color::kText, 1.5f);
}

bool TextProxyHasFocus() { return g_on && spoc_js_text_proxy_focused() != 0; }

// Keeps the browser's focus on the text proxy while an ImGui text field has the keyboard (and
// where its caret is), and off it otherwise. The DOM is touched only when something changed.
void UpdateTextProxy() {
    const ui::ActiveTextField& f = ui::CurrentTextField();
    const int kind = f.password                              ? 1
                     : f.filter == ui::CharFilter::decimal    ? 2
                     : f.filter == ui::CharFilter::date       ? 3
                     : !f.device_keyboard                     ? 4
                                                              : 0;
    std::string key;
    if (f.active) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "%d|%d|%.0f|%.0f|%.0f|", f.multiline ? 1 : 0, kind, f.x, f.y, f.h);
        key = buf + f.autocomplete + "|" + f.label;
    }
    // Unchanged and (while active) still focused: nothing to do. A click elsewhere on the page or
    // a switch of tabs can take the focus away, so an active proxy is checked every frame.
    ui::DropTextFieldEdits();  // any the frame's fields did not take
    if (key != g_state || !(f.active ? spoc_js_text_proxy_focused() != 0 : !g_on)) {
        g_state = key;
        g_on = f.active;
        g_synced.clear();
        const float z = Zoom();  // ImGui units to CSS px
        const float x = ui::Mirrored() ? ImGui::GetIO().DisplaySize.x - f.x : f.x;  // right-to-left UI: on screen
        spoc_js_text_proxy(f.active ? 1 : 0, f.multiline ? 1 : 0, kind, f.autocomplete.c_str(), f.label.c_str(), x * z, f.y * z,
                           f.h * z);
    }
    if (!f.active) return;
    char sel[32];
    std::snprintf(sel, sizeof sel, "%d,%d|", f.sel_start, f.sel_end);
    std::string sync = sel;
    sync += f.text;
    if (sync == g_synced) return;
    g_synced = std::move(sync);
    spoc_js_text_proxy_sync(f.text.c_str(), f.sel_start, f.sel_end);
}

}  // namespace spoc::platform
