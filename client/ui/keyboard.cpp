// The kiosk's on-screen keyboard (keyboard.h): rows of finger-sized keys, drawn with the heading
// font so they read at arm's length. Each key is an ImGui button with a stable id ("kb_a",
// "kb_erase"), so the accessibility mirror and the tests find it by name.
#include "client/ui/keyboard.h"

#include <algorithm>
#include <vector>

#include "client/ui/item_hooks.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"
#include "imgui.h"

namespace spoc::ui {

using i18n::tr;

namespace {

enum class KeyKind { character, erase, shift, space };

struct Key {
    std::string_view text;  // what it types (lower case); empty for the special keys
    KeyKind kind = KeyKind::character;
    float span = 1.0f;      // width in key units
};

using Row = std::vector<Key>;

Row Characters(std::initializer_list<std::string_view> keys) {
    Row row;
    for (std::string_view k : keys) row.push_back({k});
    return row;
}

// The UI language's own letters, a row of their own in the text layout.
Row LanguageLetters(i18n::Lang lang) {
    switch (lang) {
        case i18n::Lang::de: return Characters({"ä", "ö", "ü", "ß"});
        case i18n::Lang::fr: return Characters({"é", "è", "ê", "à", "ç", "ù", "ô", "î", "ë"});
        default: return {};
    }
}

std::vector<Row> Rows(KeyboardLayout layout, i18n::Lang lang) {
    std::vector<Row> rows;
    rows.push_back(Characters({"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"}));
    rows.push_back(Characters({"q", "w", "e", "r", "t", "y", "u", "i", "o", "p"}));
    rows.push_back(Characters({"a", "s", "d", "f", "g", "h", "j", "k", "l"}));
    Row bottom;
    if (layout == KeyboardLayout::text) bottom.push_back({"", KeyKind::shift, 1.5f});
    for (std::string_view k : {"z", "x", "c", "v", "b", "n", "m"}) bottom.push_back({k});
    bottom.push_back({"", KeyKind::erase, 1.5f});
    rows.push_back(bottom);
    if (layout == KeyboardLayout::identity) {
        rows.push_back({{"@"}, {"."}, {"-"}, {"_"}});
    } else {
        if (Row letters = LanguageLetters(lang); !letters.empty()) rows.push_back(letters);
        rows.push_back({{"-"}, {"'"}, {"", KeyKind::space, 5.0f}, {","}, {"."}});
    }
    return rows;
}

// The id of a key ("kb_a", "kb_at"): ASCII names for the punctuation, so ids stay plain.
std::string KeyId(const Key& key) {
    switch (key.kind) {
        case KeyKind::erase: return "kb_erase";
        case KeyKind::shift: return "kb_shift";
        case KeyKind::space: return "kb_space";
        case KeyKind::character: break;
    }
    if (key.text == "@") return "kb_at";
    if (key.text == ".") return "kb_dot";
    if (key.text == "-") return "kb_dash";
    if (key.text == "_") return "kb_underscore";
    if (key.text == "'") return "kb_apostrophe";
    if (key.text == ",") return "kb_comma";
    return "kb_" + std::string(key.text);
}

// One key: a button with its caption centred in the heading font. Returns true when tapped.
bool DrawKey(const std::string& name, std::string_view caption, const std::string& id, ImVec2 size, bool on) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const std::string label = name + "###" + id;
    const bool pressed = ImGui::InvisibleButton(label.c_str(), size);
    const bool held = ImGui::IsItemActive(), hovered = ImGui::IsItemHovered();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 bg = on ? color::kAccentFill : held ? color::kMutedSoft : hovered ? color::kSurfaceHover : color::kSurface;
    dl->AddRectFilled(ImVec2(pos.x, pos.y + 1), ImVec2(max.x, max.y + 1), color::Shadow(12), 8.0f);
    dl->AddRectFilled(pos, max, bg, 8.0f);
    dl->AddRect(pos, max, color::kInputBorder, 8.0f, 0, 1.0f);
    const ImFont* font = GetFonts().h2;
    const ImVec2 ts = MeasureText(font, caption);
    DrawTextAt(dl, font, ImVec2(pos.x + (size.x - ts.x) * 0.5f, pos.y + (size.y - ts.y) * 0.5f), on ? color::kOnAccent : color::kText,
               caption);
    return pressed;
}

}  // namespace

std::string KeyboardUpper(std::string_view key) {
    static constexpr std::pair<std::string_view, std::string_view> kAccented[] = {
        {"ä", "Ä"}, {"ö", "Ö"}, {"ü", "Ü"}, {"é", "É"}, {"è", "È"}, {"ê", "Ê"}, {"à", "À"},
        {"ç", "Ç"}, {"ù", "Ù"}, {"ô", "Ô"}, {"î", "Î"}, {"ë", "Ë"}};
    for (const auto& [lower, upper] : kAccented)
        if (key == lower) return std::string(upper);
    std::string out(key);
    if (out.size() == 1 && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;  // ß and the rest stay as they are
}

KeyboardTap OnScreenKeyboard(const char* id, KeyboardLayout layout, bool upper, i18n::Lang lang, float width,
                             float key_height) {
    KeyboardTap tap;
    constexpr float kGap = 6.0f;
    constexpr float kUnits = 10.0f;  // the widest row (digits, q–p) is ten keys
    const float unit = (width - kGap * (kUnits - 1.0f)) / kUnits;
    ImGui::PushID(id);
    A11yGroup group("group", tr("Keyboard"));
    for (const Row& row : Rows(layout, lang)) {
        float units = 0;
        for (const Key& k : row) units += k.span;
        const float row_w = unit * units + kGap * static_cast<float>(row.size() - 1);
        const float start = ImGui::GetCursorPosX() + std::max(0.0f, (width - row_w) * 0.5f);  // shorter rows centred
        const float left = ImGui::GetCursorPosX();
        ImGui::SetCursorPosX(start);
        for (std::size_t i = 0; i < row.size(); ++i) {
            const Key& k = row[i];
            if (i > 0) ImGui::SameLine(0, kGap);
            const ImVec2 size(unit * k.span + kGap * (k.span - 1.0f), key_height);
            const std::string key_id = KeyId(k);
            switch (k.kind) {
                case KeyKind::erase:
                    if (DrawKey(tr("Delete"), "⌫", key_id, size, false)) tap.erase = true;
                    break;
                case KeyKind::shift:
                    if (DrawKey(tr("Capital letters"), "⇧", key_id, size, upper)) tap.shift = true;
                    break;
                case KeyKind::space:
                    if (DrawKey(tr("Space"), tr("Space"), key_id, size, false)) tap.text = " ";
                    break;
                case KeyKind::character: {
                    const std::string typed = upper ? KeyboardUpper(k.text) : std::string(k.text);
                    if (DrawKey(typed, typed, key_id, size, false)) tap.text = typed;
                    break;
                }
            }
        }
        ImGui::SetCursorPosX(left);
        VSpace(kGap);
    }
    ImGui::PopID();
    return tap;
}

}  // namespace spoc::ui
