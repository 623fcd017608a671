// Item hooks (see item_hooks.h). Compiled into imgui_core: defines the four functions imgui.cpp
// calls when IMGUI_ENABLE_TEST_ENGINE is set, and records labelled items frame by frame.
// Recording starts at NewFrame and is published at EndFrame, so readers always see a whole frame.
#include "client/ui/item_hooks.h"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <unordered_map>

#include "imgui.h"
#include "imgui_internal.h"

namespace spoc::ui::hooks {
namespace {

struct Recorder {
    bool enabled = false;
    ImGuiContext* hooked_ctx = nullptr;                 // context our NewFrame/EndFrame hooks live in
    ImGuiID hook_ids[2] = {0, 0};
    float scale = 1.0f;
    float mirror_width = 0.0f;  // right-to-left UI: the display width (ImGui units) rects are mirrored across
    int frames = 0;
    std::vector<HookedItem> current;                    // frame being recorded
    std::unordered_map<ImGuiID, size_t> current_index;  // id -> position in current
    std::vector<HookedItem> last;                       // last completed frame
    std::string debug_label;                            // storage for FindItemDebugLabel
    std::vector<int> groups;                            // open containers (indexes into current)
    int last_target = -1;                               // the last widget or closed container (DescribeLastItem)
};

Recorder& R() {
    static Recorder recorder;
    return recorder;
}

void SplitLabel(const char* label, std::string* visible, std::string* id) {
    const std::string_view text(label);
    size_t pos = text.find("###");
    size_t skip = 3;
    if (pos == std::string_view::npos) {
        pos = text.find("##");
        skip = 2;
    }
    if (pos == std::string_view::npos) {
        *visible = std::string(text);
        *id = std::string(text);
        return;
    }
    *visible = std::string(text.substr(0, pos));
    *id = std::string(text.substr(pos + skip));
}

void OnNewFrame(ImGuiContext*, ImGuiContextHook*) {
    Recorder& r = R();
    r.current.clear();
    r.current_index.clear();
    r.groups.clear();
    r.last_target = -1;
}

int OpenGroup() { return R().groups.empty() ? -1 : R().groups.back(); }

void OnEndFrame(ImGuiContext* ctx, ImGuiContextHook*) {
    Recorder& r = R();
    if (!r.enabled) return;
    r.last.clear();
    std::vector<int> moved(r.current.size(), -1);  // index in current -> index in last
    for (size_t i = 0; i < r.current.size(); ++i) {
        HookedItem& item = r.current[i];
        // Widgets without a name stay (scrolled-out ones: ImGui names an item only when it is
        // drawn, and keyboard navigation may already be on it); nameless text does not.
        if (item.id.empty() && item.label.empty() && !item.widget && !item.group) continue;
        item.parent = item.parent >= 0 ? moved[static_cast<size_t>(item.parent)] : -1;  // containers come first
        moved[i] = static_cast<int>(r.last.size());
        if (item.role.empty()) item.role = item.widget ? "button" : "text";
        item.active = item.widget && item.imgui_id == ctx->ActiveId;
        item.focused = item.widget && item.imgui_id == ctx->NavId && ctx->NavId != 0;
        if (r.mirror_width > 0) {  // rects as seen on screen, after the frame is mirrored
            const float w = r.mirror_width * r.scale;
            item.x = w - item.x - item.w;
            item.full_x = w - item.full_x - item.full_w;
        }
        r.last.push_back(std::move(item));
    }
    r.current.clear();
    r.current_index.clear();
    r.groups.clear();
    ++r.frames;
}

HookedItem* Lookup(ImGuiID id) {
    Recorder& r = R();
    auto it = r.current_index.find(id);
    return it == r.current_index.end() ? nullptr : &r.current[it->second];
}

void AppendJsonString(std::string* out, std::string_view s) {
    out->push_back('"');
    for (unsigned char c : s) {
        switch (c) {
            case '"': *out += "\\\""; break;
            case '\\': *out += "\\\\"; break;
            case '\n': *out += "\\n"; break;
            case '\r': *out += "\\r"; break;
            case '\t': *out += "\\t"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    *out += buf;
                } else {
                    out->push_back(static_cast<char>(c));
                }
        }
    }
    out->push_back('"');
}

}  // namespace

void Enable(ImGuiContext* ctx) {
    Recorder& r = R();
    r.enabled = true;
    r.frames = 0;
    ctx->TestEngineHookItems = true;
    if (r.hooked_ctx != ctx) {
        ImGuiContextHook begin;
        begin.Type = ImGuiContextHookType_NewFramePre;
        begin.Callback = OnNewFrame;
        r.hook_ids[0] = ImGui::AddContextHook(ctx, &begin);
        ImGuiContextHook end;
        end.Type = ImGuiContextHookType_EndFramePost;
        end.Callback = OnEndFrame;
        r.hook_ids[1] = ImGui::AddContextHook(ctx, &end);
        r.hooked_ctx = ctx;
    }
}

void Disable(ImGuiContext* ctx) {
    Recorder& r = R();
    r.enabled = false;
    if (r.hooked_ctx == ctx) {
        ImGui::RemoveContextHook(ctx, r.hook_ids[0]);
        ImGui::RemoveContextHook(ctx, r.hook_ids[1]);
        r.hooked_ctx = nullptr;
    }
    ctx->TestEngineHookItems = false;
}

bool IsEnabled() { return R().enabled; }
void SetMirrorWidth(float display_width) { R().mirror_width = display_width > 0 ? display_width : 0.0f; }

void SetPixelScale(float css_per_imgui_unit) { R().scale = css_per_imgui_unit > 0 ? css_per_imgui_unit : 1.0f; }

void AnnotateLastItem(std::string_view label) {
    Recorder& r = R();
    if (!r.enabled || GImGui == nullptr) return;
    if (HookedItem* item = Lookup(GImGui->LastItemData.ID)) item->label = std::string(label);
}

void AnnotateItem(unsigned int imgui_id, std::string_view label, std::string_view id) {
    if (!R().enabled) return;
    if (HookedItem* item = Lookup(imgui_id)) {
        item->label = std::string(label);
        if (!id.empty()) item->id = std::string(id);
    }
}

void SetLastItemRole(std::string_view role) {
    Recorder& r = R();
    if (!r.enabled || GImGui == nullptr) return;
    if (HookedItem* item = Lookup(GImGui->LastItemData.ID)) item->role = std::string(role);
}

void SetLastItemValue(std::string_view value, bool password, bool multiline) {
    Recorder& r = R();
    if (!r.enabled || GImGui == nullptr) return;
    if (HookedItem* item = Lookup(GImGui->LastItemData.ID)) {
        item->role = "textbox";  // multi-line editors are custom widgets ImGui reports as plain items
        item->value = password ? std::string() : std::string(value);
        item->password = password;
        item->multiline = multiline;
    }
}

void SetItemValue(unsigned int imgui_id, std::string_view value) {
    if (!R().enabled) return;
    if (HookedItem* item = Lookup(imgui_id)) {
        item->value = std::string(value);
        if (item->role.empty() || item->role == "button") item->role = "combobox";  // a combo's preview button
    }
}

void SetLastItemInvalid(bool invalid) {
    Recorder& r = R();
    if (!r.enabled || GImGui == nullptr) return;
    if (HookedItem* item = Lookup(GImGui->LastItemData.ID)) item->invalid = invalid;
}

void DescribeLastItem(std::string_view text) {
    Recorder& r = R();
    if (!r.enabled || text.empty() || r.last_target < 0 || r.last_target >= static_cast<int>(r.current.size())) return;
    HookedItem& item = r.current[static_cast<size_t>(r.last_target)];
    if (!item.description.empty()) item.description += ' ';
    item.description += text;
    item.invalid = true;
}

void BeginGroup(std::string_view role, std::string_view name, std::string_view key, int level, bool modal) {
    Recorder& r = R();
    if (!r.enabled || GImGui == nullptr) return;
    HookedItem item;
    item.group = true;
    item.role = std::string(role);
    item.label = std::string(name);
    item.group_key = std::string(key);
    item.level = level;
    item.modal = modal;
    item.parent = OpenGroup();
    r.groups.push_back(static_cast<int>(r.current.size()));
    r.current.push_back(std::move(item));
}

void EndGroup() {
    Recorder& r = R();
    if (!r.enabled || r.groups.empty()) return;
    r.last_target = r.groups.back();
    r.groups.pop_back();
}

void RecordText(std::string_view text, std::string_view role, int level, float x0, float y0, float x1, float y1) {
    Recorder& r = R();
    if (!r.enabled || GImGui == nullptr || text.empty()) return;
    RecordItem(text, "", x0, y0, x1, y1);
    HookedItem& item = r.current.back();
    item.role = std::string(role);
    item.level = level;
    item.text_only = true;
}

void RecordItem(std::string_view label, std::string_view id, float x0, float y0, float x1, float y1) {
    Recorder& r = R();
    if (!r.enabled || GImGui == nullptr) return;
    ImRect rect(x0, y0, x1, y1);
    if (ImGuiWindow* window = GImGui->CurrentWindow) rect.ClipWithFull(window->ClipRect);
    HookedItem item;
    item.label = std::string(label);
    item.id = std::string(id);
    item.visible = rect.GetWidth() > 0 && rect.GetHeight() > 0;
    item.x = rect.Min.x * r.scale;
    item.y = rect.Min.y * r.scale;
    item.w = item.visible ? rect.GetWidth() * r.scale : 0;
    item.h = item.visible ? rect.GetHeight() * r.scale : 0;
    item.full_x = x0 * r.scale;
    item.full_y = y0 * r.scale;
    item.full_w = (x1 - x0) * r.scale;
    item.full_h = (y1 - y0) * r.scale;
    item.parent = OpenGroup();
    r.current.push_back(std::move(item));
}

const std::vector<HookedItem>& LastFrameItems() { return R().last; }

const HookedItem* FindItem(std::string_view key) {
    for (const HookedItem& item : R().last)
        if (item.visible && item.id == key) return &item;
    for (const HookedItem& item : R().last)
        if (item.visible && item.label == key) return &item;
    return nullptr;
}

int RecordedFrames() { return R().frames; }

std::string LastFrameItemsJson() {
    std::string out = "[";
    char buf[200];
    bool first = true;
    for (const HookedItem& item : R().last) {
        if (item.text_only || item.group || (item.id.empty() && item.label.empty())) continue;
        if (!first) out.push_back(',');
        first = false;
        out += "{\"label\":";
        AppendJsonString(&out, item.label);
        out += ",\"id\":";
        AppendJsonString(&out, item.id);
        std::snprintf(buf, sizeof buf, ",\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f,\"visible\":%s,\"checked\":%s",
                      item.x, item.y, item.w, item.h, item.visible ? "true" : "false", item.checked ? "true" : "false");
        out += buf;
        std::snprintf(buf, sizeof buf, ",\"active\":%s,\"focused\":%s,\"widget\":%s,\"inputable\":%s,\"full\":[%.1f,%.1f,%.1f,%.1f]}",
                      item.active ? "true" : "false", item.focused ? "true" : "false", item.widget ? "true" : "false",
                      item.inputable ? "true" : "false", item.full_x, item.full_y, item.full_w, item.full_h);
        out += buf;
    }
    out.push_back(']');
    return out;
}

std::string LastFrameSemanticsJson() {
    std::string out = "[";
    char buf[160];
    bool first = true;
    const std::vector<HookedItem>& items = R().last;
    std::vector<std::string> keys(items.size());  // "" for items left out
    std::unordered_map<std::string, int> seen;    // occurrences of a text or an unkeyed container, per parent
    int heading = 0;                               // the last heading's level: levels go down one at a time
    for (size_t i = 0; i < items.size(); ++i) {
        const HookedItem& item = items[i];
        const std::string& parent = item.parent >= 0 ? keys[static_cast<size_t>(item.parent)] : std::string();
        if (item.parent >= 0 && parent.empty()) continue;  // its container was left out
        std::string name = item.label.empty() ? item.id : item.label;
        std::string key;  // built by appends: GCC 12 warns (-Wrestrict, falsely) on operator+ chains
        if (item.group) {
            key = "g";
            if (!item.group_key.empty()) {
                key += item.group_key;
            } else {
                std::string slot = parent;
                slot.push_back('/');
                slot += item.role;
                key += slot;
                key.push_back('.');
                key += std::to_string(seen[slot]++);
            }
        } else {
            // Scrolled out of view: widgets stay in the mirror (a screen reader reads the whole
            // page, and Tab may focus them before they scroll in); plain text does not.
            if (!item.visible && (item.text_only || item.full_w <= 0 || item.full_h <= 0)) continue;
            if (name.empty()) continue;
            if (item.label.empty())  // "clear_search" -> "clear search"
                for (char& c : name)
                    if (c == '_') c = ' ';
            if (item.text_only) {
                std::string slot = parent;
                slot.push_back('|');
                slot.append(name, 0, 40);
                key = "t";
                key += std::to_string(seen[slot]++);
                key.push_back(':');
                key += slot;
            } else {
                key = "w";
                key += std::to_string(item.imgui_id);
            }
        }
        keys[i] = key;
        if (!first) out.push_back(',');
        first = false;
        out.push_back('[');
        AppendJsonString(&out, key);
        out.push_back(',');
        AppendJsonString(&out, item.role.empty() ? "text" : item.role);
        out.push_back(',');
        AppendJsonString(&out, name);
        int level = item.level;
        if (item.role == "heading") heading = level = std::min(level, heading + 1);
        const int flags = (item.checked ? 1 : 0) | (item.disabled ? 2 : 0) | (item.focused ? 4 : 0) | (item.active ? 8 : 0) |
                          (item.invalid ? 16 : 0) | (item.password ? 32 : 0) | (item.multiline ? 64 : 0) | (item.modal ? 128 : 0);
        if (item.visible || item.group)
            std::snprintf(buf, sizeof buf, ",%d,%.0f,%.0f,%.0f,%.0f,%d,", level, item.x, item.y, item.w, item.h, flags);
        else
            std::snprintf(buf, sizeof buf, ",%d,%.0f,%.0f,%.0f,%.0f,%d,", level, item.full_x, item.full_y, item.full_w,
                          item.full_h, flags);
        out += buf;
        AppendJsonString(&out, parent);
        out.push_back(',');
        AppendJsonString(&out, item.value);
        out.push_back(',');
        AppendJsonString(&out, item.description);
        out.push_back(']');
    }
    out.push_back(']');
    return out;
}

unsigned int LastFrameFocusedId() {
    for (const HookedItem& item : R().last)
        if (item.widget && (item.active || item.focused)) return item.imgui_id;
    return 0;
}

bool FindLastFrameItem(unsigned int imgui_id, HookedItem* out) {
    for (const HookedItem& item : R().last)
        if (item.imgui_id == imgui_id && item.widget) {
            *out = item;
            return true;
        }
    return false;
}

}  // namespace spoc::ui::hooks

// ---- The hooks imgui.cpp calls (signatures from imgui_internal.h, Dear ImGui 1.90.1) ---------
using spoc::ui::hooks::HookedItem;

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData* item_data) {
    auto& r = spoc::ui::hooks::R();
    if (!r.enabled || id == 0) return;
    ImRect clipped = bb;
    if (ImGuiWindow* window = ctx->CurrentWindow) clipped.ClipWithFull(window->ClipRect);
    const bool visible = clipped.GetWidth() > 0.0f && clipped.GetHeight() > 0.0f;
    HookedItem* item = spoc::ui::hooks::Lookup(id);
    if (item == nullptr) {
        r.current_index[id] = r.current.size();
        r.current.emplace_back();
        item = &r.current.back();
        item->imgui_id = id;
        item->parent = spoc::ui::hooks::OpenGroup();
    }
    r.last_target = static_cast<int>(r.current_index[id]);
    const float s = r.scale;
    item->x = clipped.Min.x * s;
    item->y = clipped.Min.y * s;
    item->w = visible ? clipped.GetWidth() * s : 0.0f;
    item->h = visible ? clipped.GetHeight() * s : 0.0f;
    item->visible = visible;
    item->widget = true;
    item->disabled = item_data != nullptr && (item_data->InFlags & ImGuiItemFlags_Disabled) != 0;
    item->window_id = ctx->CurrentWindow != nullptr ? ctx->CurrentWindow->ID : 0;
    item->full_x = bb.Min.x * s;
    item->full_y = bb.Min.y * s;
    item->full_w = bb.GetWidth() * s;
    item->full_h = bb.GetHeight() * s;
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    auto& r = spoc::ui::hooks::R();
    if (!r.enabled || id == 0 || label == nullptr) return;
    for (ImGuiWindow* window : ctx->Windows)  // windows report themselves too; they are not items
        if (window->ID == id) return;
    HookedItem* item = spoc::ui::hooks::Lookup(id);
    if (item == nullptr) return;
    spoc::ui::hooks::SplitLabel(label, &item->label, &item->id);
    item->checked = (flags & ImGuiItemStatusFlags_Checked) != 0;
    item->inputable = (flags & ImGuiItemStatusFlags_Inputable) != 0;
    if (item->inputable) item->role = "textbox";
    else if (flags & ImGuiItemStatusFlags_Checkable) item->role = "checkbox";
    else if (flags & ImGuiItemStatusFlags_Openable) item->role = "combobox";
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID id) {
    auto& r = spoc::ui::hooks::R();
    if (const HookedItem* item = spoc::ui::hooks::Lookup(id)) {
        r.debug_label = item->label.empty() ? item->id : item->label;
        return r.debug_label.c_str();
    }
    for (const HookedItem& item : r.last)
        if (item.imgui_id == id) {
            r.debug_label = item.label.empty() ? item.id : item.label;
            return r.debug_label.c_str();
        }
    return nullptr;
}
