// Catalog items in the reader's language (see catalog_l10n.h).
#include "shared/domain/catalog_l10n.h"

#include "shared/domain/i18n.h"

namespace spoc {
namespace {
void Localize(std::string* text) {
    if (text->empty()) return;
    const char* t = i18n::trc("catalog", text->c_str());
    if (t != text->c_str()) *text = t;
}
}  // namespace

void LocalizeCatalogItem(CatalogItem* item) {
    if (i18n::ThreadLocale().catalog == nullptr) return;  // English: the source texts
    for (std::string* s : {&item->title, &item->summary, &item->description, &item->category, &item->fulfillment})
        Localize(s);
    for (FieldDef& field : item->fields) {
        for (std::string* s : {&field.label, &field.help, &field.placeholder, &field.pattern_message}) Localize(s);
        for (Choice& choice : field.options) Localize(&choice.label);
    }
}

}  // namespace spoc
