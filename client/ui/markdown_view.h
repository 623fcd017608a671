// Draws a parsed knowledge-base article (shared/domain/markdown.h) with ImGui: headings, wrapped
// paragraphs with bold, faux-italic, inline code and links (clickable, keyboard reachable),
// bullet and numbered lists, and code blocks. Layout is a simple word flow at the given width.
#pragma once
#include "client/app/actions.h"
#include "shared/domain/markdown.h"

namespace spoc::ui {

// Draws `document` at the cursor, `width` wide; link clicks go to actions->FollowLink (if given).
// `id` keeps link widget ids unique when two documents share a window (editor preview).
void MarkdownView(const char* id, const md::Document& document, float width, client::Actions* actions);

}  // namespace spoc::ui
