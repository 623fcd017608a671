// An on-screen keyboard drawn in ImGui, for kiosks: touch screens with no keyboard of their own.
// Keys are finger-sized buttons; a tap returns what to type, and the caller's action edits the
// field (the field keeps its place in the state, so a key is one action like any other tap).
#pragma once
#include <string>
#include <string_view>

#include "shared/domain/i18n.h"

namespace spoc::ui {

enum class KeyboardLayout {
    identity,  // usernames, e-mail addresses, badge numbers: lower case, digits, @ . - _
    text,      // names and sentences: shift, space and punctuation, plus the UI language's letters
};

struct KeyboardTap {
    std::string text;    // characters to type ("a", "A", " ", "@"); empty when no key was tapped
    bool erase = false;  // ⌫: delete the last character
    bool shift = false;  // ⇧: capitals for the next letter
};

// Draws the keyboard `width` wide, keys `key_height` tall. `upper`: letters show and type as
// capitals. In the text layout, `lang` adds its own letters (de: ä ö ü ß; fr: é è à ç …).
KeyboardTap OnScreenKeyboard(const char* id, KeyboardLayout layout, bool upper, i18n::Lang lang, float width,
                             float key_height);

// Upper case of the letters the keyboard types (ASCII, and the accented Latin letters it adds).
std::string KeyboardUpper(std::string_view key);

}  // namespace spoc::ui
