// A catalog item in the reader's language: its readable texts (title, summary, description,
// category, fulfilment note, field labels, help, placeholders, pattern messages, choice labels) go
// through the message catalog with the context "catalog" (scripts/i18n-catalog-pot.mjs lists them
// for translators). Keys, values, rules and the department stay as they are, so a localized item
// validates and routes exactly like the original. Uses the thread locale (i18n.h).
#pragma once
#include "shared/domain/catalog.h"

namespace spoc {

void LocalizeCatalogItem(CatalogItem* item);

}  // namespace spoc
