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
    // Semantics for the screen-reader mirror (a11y_web.cpp):
    std::string role;          // button, link, tab, checkbox, combobox, textbox, heading, text, status
    int level = 0;             // headings: 1..3
    bool disabled = false;
    bool text_only = false;    // text recorded for the mirror only (not in the e2e item list)
    unsigned int window_id = 0; // ImGuiID of the window holding a widget (focus requests)
    std::string value;         // text boxes: the text; combo boxes: the choice shown
    std::string description;   // a field's error message (aria-describedby)
    bool invalid = false;      // a field with an error (aria-invalid)
    bool password = false;     // a password box: the mirror never holds its value
    bool multiline = false;    // a text area
    bool group = false;        // a container (BeginGroup): list, listitem, table, row, cell, columnheader, dialog, group
    bool modal = false;        // dialogs: aria-modal
    std::string group_key;     // containers: a stable key given by the caller ("" = by position)
    int parent = -1;           // index (in the same frame's list) of the container holding this item, -1 for the page
};

void Enable(ImGuiContext* ctx);                   // switch hooks on for ctx and start recording frames
void Disable(ImGuiContext* ctx);                  // switch them off (recorded frames are kept)
bool IsEnabled();                                 // true between Enable() and Disable()
void SetPixelScale(float css_per_imgui_unit);     // multiply ImGui coordinates by this to get CSS px (default 1)
void SetMirrorWidth(float display_width);  // right-to-left UI: publish rects mirrored across this width (0: off)
void AnnotateLastItem(std::string_view label);    // semantic label for the last item (inputs drawn with "##id")
void AnnotateItem(unsigned int imgui_id, std::string_view label, std::string_view id = {}); // same, for an item recorded earlier this frame (widgets without an ItemInfo hook, e.g. combos, also get `id`)
void RecordItem(std::string_view label, std::string_view id, float x0, float y0, float x1, float y1); // a non-interactive item (group captions), ImGui coordinates
void SetLastItemRole(std::string_view role);      // e.g. "link", "tab" for the widget just drawn (default from its kind)
// Value and state of a field for the mirror: the text of a text box (never kept for passwords), the
// choice shown by a combo box. SetLastItemValue makes the item a text box, SetItemValue a combo box.
void SetLastItemValue(std::string_view value, bool password = false, bool multiline = false);
void SetItemValue(unsigned int imgui_id, std::string_view value);
void SetLastItemInvalid(bool invalid);
// A field's error message: describes (and marks invalid) the last widget or container drawn.
void DescribeLastItem(std::string_view text);
// Containers for the mirror: what is drawn between Begin and End belongs to it. Roles: list,
// listitem, table, row, cell, columnheader, dialog, group. `level` carries the table's row count
// (aria-rowcount) or a row's position (aria-rowindex, from 1); `key` keeps a container's DOM node
// across frames (rows: the request id). Nest freely; End closes the innermost.
void BeginGroup(std::string_view role, std::string_view name = {}, std::string_view key = {}, int level = 0, bool modal = false);
void EndGroup();
// Text on screen for the screen-reader mirror: role "heading" (level 1..3), "text" or "status"
// (announced when it appears). Not part of LastFrameItemsJson (the e2e list).
void RecordText(std::string_view text, std::string_view role, int level, float x0, float y0, float x1, float y1);
const std::vector<HookedItem>& LastFrameItems();  // items of the last completed frame, submission order
const HookedItem* FindItem(std::string_view id_or_label); // first visible item whose id, then label, matches
int RecordedFrames();                             // completed frames recorded since Enable()
std::string LastFrameItemsJson();                 // [{"label","id","x","y","w","h","visible","checked","active","focused","widget","full":[x,y,w,h]}...]
// Everything the mirror shows, in reading order: [[key,role,name,level,x,y,w,h,flags,parent,value,
// description]...], flags bit 0 checked, 1 disabled, 2 focused, 3 active, 4 invalid, 5 password,
// 6 multiline, 7 modal; parent is the key of the holding container ("" for the page). Widgets
// scrolled out of view stay; text out of view does not.
std::string LastFrameSemanticsJson();
bool FindLastFrameItem(unsigned int imgui_id, HookedItem* out);  // a widget of the last frame by ImGui id
unsigned int LastFrameFocusedId();                // the keyboard's item (nav focus or the active item), 0 if none

}  // namespace spoc::ui::hooks
