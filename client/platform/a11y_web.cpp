// The screen-reader mirror (see a11y.h): after each frame, every widget and text ImGui drew (the
// item hooks' semantics) is kept as a real, invisible DOM element over the canvas, in reading
// order: headings, links, buttons, checkboxes, text boxes with their names, combo boxes, text, and
// a live region for toasts. The canvas itself is hidden from assistive technology.
//
// Focus goes both ways. ImGui owns the keyboard (Tab, arrows, Enter go to its navigation); the
// mirror element of ImGui's keyboard item gets the DOM focus, so a screen reader announces it.
// When a screen reader moves its own focus to an element, ImGui's keyboard focus follows; when it
// activates one (a click with no key behind it), ImGui gets a click at that widget.
#include <emscripten/emscripten.h>

#include <string>

#include "client/platform/a11y.h"
#include "client/platform/platform.h"
#include "client/platform/text_proxy.h"
#include "client/ui/item_hooks.h"
#include "client/ui/mirror.h"
#include "imgui.h"
#include "imgui_internal.h"

EM_JS(void, spoc_js_a11y_update, (const char* json, const char* focus_key), {
    var M = Module.spocA11y;
    if (!M) {
        var root = document.createElement("div");
        root.id = "spoc-a11y";
        root.setAttribute("style", "position:fixed;left:0;top:0;width:100%;height:100%;overflow:hidden;" +
                                   "pointer-events:none;opacity:0;z-index:0");
        var live = document.createElement("div");
        live.setAttribute("role", "status");
        live.setAttribute("aria-live", "polite");
        live.setAttribute("style", "position:absolute;left:0;top:0;width:1px;height:1px;overflow:hidden");
        var alert = document.createElement("div");
        alert.setAttribute("role", "alert");
        alert.setAttribute("style", "position:absolute;left:0;top:0;width:1px;height:1px;overflow:hidden");
        var main = document.createElement("main");
        main.setAttribute("style", "position:absolute;left:0;top:0;width:100%;height:100%");
        root.appendChild(main);
        main.appendChild(live);
        main.appendChild(alert);
        document.body.appendChild(root);
        var canvas = Module["canvas"];
        canvas.setAttribute("aria-hidden", "true");
        canvas.setAttribute("tabindex", "-1");
        M = Module.spocA11y = {root: root, main: main, live: live, alert: alert, nodes: {}, order: "", keyAt: -1e9,
                               ours: false, said: {}};
        window.addEventListener("keydown", function(e) {
            if (e.key === "Enter" || e.key === " " || e.key === "Spacebar") M.keyAt = performance.now();
        }, true);
    }
    var items = JSON.parse(UTF8ToString(json));
    var focusKey = UTF8ToString(focus_key);
    var tags = {heading: "h", text: "p", button: "button", link: "a", "link-current": "a", checkbox: "input", radio: "input",
                textbox: "input", combobox: "input", status: "p", alert: "p"};
    var groups = {list: 1, listitem: 1, table: 1, row: 1, cell: 1, columnheader: 1, dialog: 1, group: 1, radiogroup: 1};
    function make(key, role, variant, level) {
        var el;
        if (groups[role]) {  // containers: no box of their own; the widgets inside are placed on the page
            el = document.createElement("div");
            el.setAttribute("role", role);
            el.spocRole = role;
            el.spocVariant = variant;
            el.spocLevel = level;
            return el;
        }
        var tag = tags[role] || "p";
        if (tag === "h") tag = "h" + Math.max(1, Math.min(3, level || 2));
        if (role === "textbox" && (variant & 64)) tag = "textarea";
        el = document.createElement(tag);
        el.setAttribute("style", "position:absolute;margin:0;padding:0;border:0;font-size:1px;overflow:hidden;white-space:nowrap;resize:none");
        if (role === "button") el.type = "button";
        if (role === "combobox") {
            el.type = "text";
            el.readOnly = true;
            el.setAttribute("role", "combobox");
            el.setAttribute("aria-expanded", "false");
            el.setAttribute("aria-haspopup", "listbox");
        }
        if (role === "checkbox") el.type = "checkbox";
        if (role === "radio") el.type = "radio";
        if (role === "textbox") {
            if (tag === "input") el.type = (variant & 32) ? "password" : "text";
            el.readOnly = true;
        }
        if (tag === "a") el.href = "#";
        if (key.charAt(0) === "w") {
            el.tabIndex = -1;  // reachable by screen readers; Tab itself is ImGui's
            el.addEventListener("focus", function() {
                if (M.ours) return;
                _spoc_platform_a11y_focus(parseInt(key.substring(1), 10) >>> 0);
            });
            el.addEventListener("click", function(e) {
                e.preventDefault();
                if (performance.now() - M.keyAt < 250) return;  // Enter/Space: ImGui's navigation activates it
                _spoc_platform_a11y_click(parseInt(key.substring(1), 10) >>> 0);
            });
        }
        el.spocRole = role;
        el.spocVariant = variant;
        el.spocLevel = level;
        return el;
    }
    function attr(el, name, value) {  // set or (null) remove, touching the DOM only on a change
        if (value === null) { if (el.hasAttribute(name)) el.removeAttribute(name); }
        else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
    }
    M.descs = M.descs || {};
    var keys = [], parents = [];
    var seen = {};
    var rebuilt = false;
    var announce = {status: "", alert: ""};
    for (var i = 0; i < items.length; i++) {
        var it = items[i];
        var key = it[0], role = it[1], name = it[2], level = it[3], flags = it[8];
        var parent = it[9] || "", value = it[10] || "", desc = it[11] || "";
        if (role === "status" || role === "alert") {
            announce[role] += (announce[role] ? " " : "") + name;
            continue;
        }
        var variant = flags & (32 | 64);
        var el = M.nodes[key];
        if (el && (el.spocRole !== role || el.spocLevel !== level || el.spocVariant !== variant)) { el.remove(); el = null; }
        if (!el) { el = M.nodes[key] = make(key, role, variant, level); rebuilt = true; }
        seen[key] = true;
        keys.push(key);
        parents.push(parent);
        if (groups[role]) {
            attr(el, "aria-label", name && role !== "row" && role !== "cell" && role !== "listitem" ? name : null);
            attr(el, "aria-rowcount", role === "table" && level > 0 ? String(level) : null);
            attr(el, "aria-rowindex", role === "row" && level > 0 ? String(level) : null);
            attr(el, "aria-modal", role === "dialog" && (flags & 128) ? "true" : null);
            continue;
        }
        if (role === "textbox" || role === "checkbox" || role === "radio" || role === "combobox") {
            attr(el, "aria-label", name);
        } else if (el.textContent !== name) {
            el.textContent = name;
        }
        if (role === "checkbox" || role === "radio") el.checked = (flags & 1) !== 0;
        if ((role === "textbox" || role === "combobox") && el.value !== value) el.value = value;
        if (role === "link-current") attr(el, "aria-current", "page");
        attr(el, "aria-disabled", (flags & 2) ? "true" : null);
        attr(el, "aria-invalid", (flags & 16) ? "true" : null);
        var d = M.descs[key];
        if (desc) {
            if (!d) {
                d = M.descs[key] = document.createElement("span");
                d.id = "spoc-d-" + (M.descId = (M.descId || 0) + 1);
                d.hidden = true;
                M.root.appendChild(d);
            }
            if (d.textContent !== desc) d.textContent = desc;
            attr(el, "aria-describedby", d.id);
        } else if (d) {
            d.remove();
            delete M.descs[key];
            attr(el, "aria-describedby", null);
        }
        var s = el.style;
        var l = it[4] + "px", t = it[5] + "px", w = Math.max(1, it[6]) + "px", h = Math.max(1, it[7]) + "px";
        if (s.left !== l) s.left = l;
        if (s.top !== t) s.top = t;
        if (s.width !== w) s.width = w;
        if (s.height !== h) s.height = h;
    }
    for (var k in M.nodes) if (!seen[k]) { M.nodes[k].remove(); delete M.nodes[k]; }
    for (var dk in M.descs) if (!seen[dk]) { M.descs[dk].remove(); delete M.descs[dk]; }
    var order = keys.join("|") + "#" + parents.join("|");
    if (order !== M.order || rebuilt) {
        M.order = order;
        var active = document.activeElement;
        // Parents come before their children: appending in reading order rebuilds the tree.
        for (var j = 0; j < keys.length; j++) (parents[j] && M.nodes[parents[j]] ? M.nodes[parents[j]] : M.main).appendChild(M.nodes[keys[j]]);
        if (active && active !== document.activeElement && M.main.contains(active)) { M.ours = true; active.focus({preventScroll: true}); M.ours = false; }
    }
    // Toasts: a new message is announced once.
    ["status", "alert"].forEach(function(r) {
        var region = r === "status" ? M.live : M.alert;
        if (announce[r] !== M.said[r]) { M.said[r] = announce[r]; region.textContent = announce[r]; }
    });
    // ImGui's keyboard item holds the DOM focus (unless the text proxy has it for editing).
    var want = focusKey ? M.nodes[focusKey] : null;
    var proxy = Module.spocTextProxy && Module.spocTextProxy.current;
    if (want && document.activeElement !== want && !(proxy && document.activeElement === proxy)) {
        M.ours = true;
        want.focus({preventScroll: true});
        M.ours = false;
    }
});

namespace spoc::platform {
namespace {
std::string g_last;          // semantics sent last
std::string g_last_focus;
unsigned int g_focus_request = 0;
}  // namespace

void UpdateA11yMirror() {
    std::string json = ui::hooks::LastFrameSemanticsJson();
    // ImGui's keyboard item, while the keyboard is what moves it (not after mouse clicks).
    std::string focus;
    const ImGuiContext& g = *GImGui;
    if (g.NavId != 0 && !g.NavDisableHighlight) focus = "w" + std::to_string(g.NavId);
    if (json == g_last && focus == g_last_focus) return;
    g_last = std::move(json);
    g_last_focus = focus;
    spoc_js_a11y_update(g_last.c_str(), focus.c_str());
}

// Before the frame's widgets: a focus a screen reader asked for becomes ImGui's keyboard focus.
void ApplyA11yRequests() {
    ImGuiContext& g = *GImGui;
    // The keyboard's item left the screen (another page is shown): start again from the top, or
    // Tab would look for the item after one that is no longer drawn and find nothing.
    ui::hooks::HookedItem gone;
    if (g.NavId != 0 && g.ActiveId == 0 && ui::hooks::RecordedFrames() > 1 && !ui::hooks::FindLastFrameItem(g.NavId, &gone)) {
        g.NavId = 0;
        g.NavDisableHighlight = true;
    }
    if (g_focus_request == 0) return;
    ui::hooks::HookedItem item;
    if (ui::hooks::FindLastFrameItem(g_focus_request, &item)) {
        if (ImGuiWindow* window = ImGui::FindWindowByID(item.window_id)) {
            ImGui::FocusWindow(window);
            ImGui::SetFocusID(item.imgui_id, window);
            GImGui->NavDisableHighlight = false;
            GImGui->NavDisableMouseHover = true;
        }
    }
    g_focus_request = 0;
}

}  // namespace spoc::platform

extern "C" {

EMSCRIPTEN_KEEPALIVE void spoc_platform_a11y_focus(unsigned int imgui_id) {
    spoc::platform::g_focus_request = imgui_id;
    spoc::platform::Wake();
}

// A screen reader's "activate": a click in the middle of the widget (down and up; ImGui's input
// queue spreads them over two frames).
EMSCRIPTEN_KEEPALIVE void spoc_platform_a11y_click(unsigned int imgui_id) {
    spoc::ui::hooks::HookedItem item;
    if (!spoc::ui::hooks::FindLastFrameItem(imgui_id, &item) || !item.visible) return;
    const float z = spoc::platform::Zoom();  // hook rects are CSS px
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMousePosEvent(spoc::ui::MirrorX((item.x + item.w * 0.5f) / z, io.DisplaySize.x), (item.y + item.h * 0.5f) / z);
    io.AddMouseButtonEvent(0, true);
    io.AddMouseButtonEvent(0, false);
    spoc::platform::Wake();
}

}  // extern "C"
