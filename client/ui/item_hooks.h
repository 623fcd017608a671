// Item hooks: records, for the last completed ImGui frame, every labelled item and its on-screen
// rectangle, through the test-engine hooks imgui.cpp calls when IMGUI_ENABLE_TEST_ENGINE is set.
// Feeds window.spoc.e2e in the browser (only with ?e2e=1) and the headless client tests.
// Costs nothing until Enable() is called.
#pragma once
#include <string>
#include <string_view>
#include <vector>

struct ImGuiContext;

namespace spoc::ui::hooks {

struct HookedItem {
    unsigned int imgui_id = 0; // ImGuiID
    std::string label;         // visible part of the label ("Sign in"), or the annotation for hidden labels
    std::string id;            // part after "##"/"###" ("signin"), or the whole label when it has none
    float x = 0, y = 0, w = 0, h = 0; // visible (clipped) rectangle, in CSS pixels
    bool visible = false;      // some part of the item is inside its window's clip rect
    bool checked = false;      // checkboxes, radio buttons, selected selectables
    bool inputable = false;    // text inputs
    bool active = false;       // ImGui's active item at the end of the frame (a text field being edited, a held button)
    bool focused = false;      // keyboard navigation's current item
    bool widget = false;       // an ImGui item (button, input, ...); false for captions recorded with RecordItem
    float full_x = 0, full_y = 0, full_w = 0, full_h = 0; // unclipped rectangle, CSS px (overflow checks)
};

void Enable(ImGuiContext* ctx);                   // switch hooks on for ctx and start recording frames
void Disable(ImGuiContext* ctx);                  // switch them off (recorded frames are kept)
bool IsEnabled();                                 // true between Enable() and Disable()
void SetPixelScale(float css_per_imgui_unit);     // multiply ImGui coordinates by this to get CSS px (default 1)
void AnnotateLastItem(std::string_view label);    // semantic label for the last item (inputs drawn with "##id")
void AnnotateItem(unsigned int imgui_id, std::string_view label, std::string_view id = {}); // same, for an item recorded earlier this frame (widgets without an ItemInfo hook, e.g. combos, also get `id`)
void RecordItem(std::string_view label, std::string_view id, float x0, float y0, float x1, float y1); // a non-interactive item (group captions), ImGui coordinates
const std::vector<HookedItem>& LastFrameItems();  // items of the last completed frame, submission order
const HookedItem* FindItem(std::string_view id_or_label); // first visible item whose id, then label, matches
int RecordedFrames();                             // completed frames recorded since Enable()
std::string LastFrameItemsJson();                 // [{"label","id","x","y","w","h","visible","checked","active","focused","widget","full":[x,y,w,h]}...]

}  // namespace spoc::ui::hooks
