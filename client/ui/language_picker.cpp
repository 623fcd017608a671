// The language menu (sign-in screen and account menu): the five UI languages by their own names.
#include <string>
#include <vector>

#include "client/ui/widgets.h"
#include "shared/domain/i18n.h"

namespace spoc::ui {

bool LanguagePicker(const char* id, float width, i18n::Lang* chosen) {
    std::vector<std::string> names;
    int current = 0;
    for (i18n::Lang lang : i18n::kLangs) {
        if (lang == i18n::CurrentLang()) current = static_cast<int>(names.size());
        names.emplace_back(i18n::LangNativeName(lang));
    }
    int selected = current;
    // TRANSLATORS: name of the language menu, for screen readers.
    if (!Dropdown(id, i18n::tr("Language"), names, &selected, width) || selected == current) return false;
    *chosen = i18n::kLangs[selected];
    return true;
}

}  // namespace spoc::ui
