// A multi-line text box that wraps long lines at word boundaries (Dear ImGui 1.90's
// InputTextMultiline only breaks at '\n'), with caret, selection, clipboard, undo, keyboard and
// mouse editing that follow the wrapped layout, and its own scrolling. TextInput() uses it for
// every multi-line field (request descriptions, replies, article bodies, synonyms).
#pragma once
#include <string>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"

namespace spoc::ui {

// An edit made outside ImGui, in the browser's text proxy (a phone keyboard's autocorrect or
// Backspace, dictation, a password manager): code points [from, to) of the text become `text`,
// and the caret ends after it.
struct TextEdit {
    int from = 0, to = 0;
    std::string text;
};

struct TextEditorOptions {
    int max_chars = 0;         // code points; typing and pasting stop there (0 = unlimited)
    bool read_only = false;
    std::vector<TextEdit>* edits = nullptr;  // applied (and emptied) while the box is active
};

struct TextEditorResult {
    bool edited = false;       // the text changed this frame
    bool active = false;       // the box has the keyboard
    bool hovered = false;
    bool deactivated = false;  // it lost the keyboard this frame
    ImRect caret_rect;         // where the caret is drawn (screen coordinates), while active
    int sel_start = 0, sel_end = 0;  // the selection in code points (equal: the caret), while active
};

// `label` is an ImGui id ("##kb_body"); `size` is the whole box in pixels. Uses the current font.
TextEditorResult WrappedTextEditor(const char* label, std::string* text, ImVec2 size, const TextEditorOptions& options);

}  // namespace spoc::ui
