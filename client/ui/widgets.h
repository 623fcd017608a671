// Spoc's widget kit on top of Dear ImGui: cards, buttons, text inputs bound to std::string with
// code-point limits, badges, spinners, skeletons and notices. Every interactive widget takes a
// "Visible label##stable_id" so the item hooks (and the e2e tests) can find it.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "client/app/view_models.h"
#include "imgui.h"
#include "shared/domain/i18n.h"

namespace spoc::ui {

// A translated widget label with a stable id: tr(msgid) + "###" + id. The ImGui id and the hook
// key stay `id` in every language (xgettext extracts the first argument: --keyword=L:1).
inline std::string L(const char* msgid, const char* id) {
    std::string out = i18n::tr(msgid);
    out += "###";
    out += id;
    return out;
}

// ---- Frame bookkeeping ------------------------------------------------------------------------
void BeginWidgetsFrame();          // call once per frame before drawing
void RequestAnimation();           // something on screen moves: keep frames coming
bool AnimationRequested();         // read after drawing

// ---- Text -----------------------------------------------------------------------------------
float Px(const ImFont* font);                                      // font size in CSS px
ImVec2 MeasureText(const ImFont* font, std::string_view text, float wrap_width = -1.0f);
void Label(const ImFont* font, ImU32 color, std::string_view text); // one line, advances the layout
void Paragraph(const ImFont* font, ImU32 color, std::string_view text, float width); // wrapped at width
void TextEllipsis(const ImFont* font, ImU32 color, std::string_view text, float max_width); // one line, "..." when cut
void DrawTextAt(ImDrawList* dl, const ImFont* font, ImVec2 pos, ImU32 color, std::string_view text, float wrap_width = 0);
std::string FitText(const ImFont* font, std::string_view text, float max_width); // text, or its start + "…" to fit
void DrawTextClipped(ImDrawList* dl, const ImFont* font, ImVec2 pos, ImU32 color, std::string_view text, float max_width);

// The screen-reader mirror's containers (item_hooks.h BeginGroup) around what is drawn in scope:
// a list, listitem, table, row, cell, columnheader, dialog or group.
class A11yGroup {
public:
    explicit A11yGroup(std::string_view role, std::string_view name = {}, std::string_view key = {}, int level = 0, bool modal = false);
    ~A11yGroup();
    A11yGroup(const A11yGroup&) = delete;
    A11yGroup& operator=(const A11yGroup&) = delete;
};
// Text drawn straight into a draw list, told to the mirror (in a cell of its own with `cell` set).
void A11yText(std::string_view text, ImVec2 min, ImVec2 max, const char* cell = nullptr);

// ---- Layout ---------------------------------------------------------------------------------
void BeginCard(const char* id, float width, float padding = 24.0f, ImU32 bg = 0, ImU32 border = 0); // white, rounded, bordered
void EndCard();
void VSpace(float height);                                        // vertical gap
void Divider(float width);                                        // 1 px line across `width`

// ---- Buttons --------------------------------------------------------------------------------
enum class ButtonKind { primary, secondary, ghost, danger };
bool Button(const char* label, ButtonKind kind, ImVec2 size = ImVec2(0, 0), bool enabled = true, bool busy = false);
bool LinkButton(const char* label, const ImFont* font = nullptr, ImU32 color = 0); // accent text, underline on hover
bool NavTab(const char* label, bool active, float height, float pad = 12.0f); // top-bar link with active underline; `pad` each side
bool SegmentedControl(const char* id, const char* const* labels, int count, int* selected); // pill tabs

// ---- Inputs ---------------------------------------------------------------------------------
enum class CharFilter { none, decimal, date };
struct TextInputOptions {
    const char* placeholder = nullptr;
    bool password = false;
    bool multiline = false;
    float height = 0;          // multiline: box height (0 = 4 lines)
    float width = -1;          // -1: fill the available width
    int max_chars = 0;         // code points; typing stops there (0 = unlimited)
    bool invalid = false;      // red border
    bool escape_clears = false;
    bool read_only = false;
    bool large = false;        // 48 px tall (search box)
    float left_inset = 0;      // room for an icon inside the box
    CharFilter filter = CharFilter::none;
    const char* hook_label = nullptr; // visible name for item hooks when the label is "##id" only
    const char* autocomplete = nullptr; // the browser's autocomplete token ("username", "current-password")
    bool caret_at_end = false; // focused from code (SetKeyboardFocusHere): caret after the text, nothing selected
    bool device_keyboard = true; // false: an on-screen keyboard is drawn, so the device's own stays hidden
};
struct TextInputResult {
    bool edited = false;       // text changed this frame
    bool deactivated = false;  // focus left the field (touch)
    bool submitted = false;    // Enter pressed in a single-line field
    bool active = false;
};
TextInputResult TextInput(const char* label, std::string* value, const TextInputOptions& options);
// The text field that has the keyboard this frame, for the platform's real text element (the
// browser's input proxy: IME, phone keyboards, password managers). active is false otherwise.
struct ActiveTextField {
    bool active = false;
    bool multiline = false;
    bool password = false;
    CharFilter filter = CharFilter::none;  // decimal / date: numeric phone keyboards
    std::string autocomplete;              // "username" / "current-password" / "off"
    bool device_keyboard = true;           // false: the app draws its own (kiosk), the device's stays hidden
    std::string label;                     // the field's name, for screen readers on the text proxy
    float x = 0, y = 0, h = 0;             // caret position (CSS px), where composition windows open
    std::string text;                      // its text and selection (code points), which the proxy
    int sel_start = 0, sel_end = 0;        // holds too: screen readers and phone keyboards see them
};
const ActiveTextField& CurrentTextField();   // reset at BeginWidgetsFrame, set by TextInput while active
// An edit made in the text proxy: code points [from, to) of the active field's text become `text`
// (the caret after it). Applied by the active TextInput in the next frame; DropTextFieldEdits()
// after each frame forgets any that found no active field.
void QueueTextFieldEdit(int from, int to, std::string text);
void DropTextFieldEdits();
bool StyledCheckbox(const char* label, bool* value, float padding = 4.0f);  // accent when ticked; true when toggled; padding: box size (touch: 15)
// One choice from `labels` in a styled combo; `id` is "##hook_id", hooks see `hook_label`.
// True when the user picked a different entry (*selected is then its index).
// The five UI languages by their own names; true when the user picked another (*chosen).
bool LanguagePicker(const char* id, float width, i18n::Lang* chosen);
bool Dropdown(const char* id, const char* hook_label, const std::vector<std::string>& labels, int* selected, float width);

// ---- Status ---------------------------------------------------------------------------------
void Badge(std::string_view text, client::Tone tone);            // pill with tinted background
ImVec2 BadgeSize(std::string_view text);
void DrawBadge(ImDrawList* dl, ImVec2 pos, std::string_view text, client::Tone tone);
void Spinner(float radius, float thickness, ImU32 color);         // rotating arc (a still one under ReducedMotion())
void DrawSpinner(ImDrawList* dl, ImVec2 center, float radius, float thickness, ImU32 color);
void Skeleton(ImVec2 size, float rounding = 6.0f);               // pulsing placeholder block (steady under ReducedMotion())
void Avatar(std::string_view initials, float size, ImU32 bg, ImU32 fg);
enum class NoticeKind { error, warning, success, info };
bool Notice(const char* id, NoticeKind kind, std::string_view message, const char* action_label, float width); // true: action clicked
bool ErrorPanel(const char* id, std::string_view title, std::string_view message, bool retry, float width); // true: Retry clicked
void LoadingPanel(std::string_view message, float width);

}  // namespace spoc::ui
