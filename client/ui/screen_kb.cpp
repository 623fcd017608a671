// Knowledge-base screens: article search results (shared with the home search and the request
// form's suggestions), the knowledge home (search, categories, most helpful; the management
// list for staff; deflection statistics for admins), the article page with feedback, and the
// review list. Index:
//   [SECTION] Pieces: hit rows, article rows
//   [SECTION] Knowledge home
//   [SECTION] Article page
//   [SECTION] Review list
#include <algorithm>

#include "client/ui/markdown_view.h"
#include "client/ui/item_hooks.h"
#include "client/ui/screens.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"
#include "imgui_internal.h"
#include "shared/domain/i18n.h"

namespace spoc::ui {

using namespace spoc::client;
using i18n::Format;
using i18n::FormatInt;
using i18n::Plural;
using i18n::tr;
using i18n::trc;
using i18n::trn;

// ---------------------------------------------------------------------------------------------
// [SECTION] Pieces
// ---------------------------------------------------------------------------------------------
namespace {

// Snippet text with matched words in semibold on a soft highlight, wrapped at `width`, at most
// `max_lines` lines. Returns the height used; with dl == nullptr it only measures.
float DrawSnippet(ImDrawList* dl, ImVec2 pos, const std::vector<SnippetPiece>& pieces, float width, int max_lines) {
    const Fonts& f = GetFonts();
    const float line_h = Px(f.small) * 1.45f;
    float x = pos.x, y = pos.y;
    int line = 1;
    for (const SnippetPiece& piece : pieces) {
        const ImFont* font = piece.highlight ? f.small_semibold : f.small;
        std::size_t i = 0;
        const std::string& t = piece.text;
        while (i < t.size()) {
            std::size_t j = i;
            while (j < t.size() && t[j] != ' ') ++j;
            if (j < t.size()) ++j;  // keep the space with its word
            const std::string_view word(t.data() + i, j - i);
            const float w = MeasureText(font, word).x;
            if (x + w > pos.x + width && x > pos.x) {
                if (++line > max_lines) return y + line_h - pos.y;
                x = pos.x;
                y += line_h;
            }
            if (dl == nullptr) {
                x += w;
                i = j;
                continue;
            }
            if (piece.highlight) {
                const float trimmed = MeasureText(font, word.back() == ' ' ? word.substr(0, word.size() - 1) : word).x;
                dl->AddRectFilled(ImVec2(x - 1, y), ImVec2(x + trimmed + 1, y + line_h - 2), color::kWarningSoft, 3.0f);
            }
            DrawTextAt(dl, font, ImVec2(x, y + 1), piece.highlight ? color::kText : color::kTextSecondary, word);
            x += w;
            i = j;
        }
    }
    return y + line_h - pos.y;
}

}  // namespace

// One result: title (opens the article), category and snippet; optional "This solved it".
// Returns true when the "solved" button was clicked.
bool DrawArticleHit(const ArticleHitViewModel& hit, float width, Actions& actions, bool offer_solved, bool solving) {
    const Fonts& f = GetFonts();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float pad = 14.0f;
    const float text_x = pos.x + pad + 22;
    const float text_w = width - 2 * pad - 22;
    // Title line, meta line, up to `snippet_lines` snippet lines; then the "solved" button when offered.
    const int snippet_lines = offer_solved ? 3 : 2;
    const float snippet_h = hit.snippet.empty() ? 0.0f : DrawSnippet(nullptr, ImVec2(0, 0), hit.snippet, text_w, snippet_lines);
    const float body_h = pad + Px(f.body_semibold) * 1.4f + Px(f.small) * 1.5f + snippet_h + (offer_solved ? 4.0f : pad);
    const float height = body_h + (offer_solved ? 34.0f + pad : 0.0f);
    const std::string label = hit.title + "##article_" + std::to_string(hit.id.value);
    const bool open = ImGui::InvisibleButton(label.c_str(), ImVec2(width, body_h));
    hooks::SetLastItemRole("link");
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    const ImVec2 max(pos.x + width, pos.y + height);
    dl->AddRectFilled(pos, max, hovered ? color::kSurfaceHover : color::kSurface, 10.0f);
    dl->AddRect(pos, max, hovered ? color::kAccentBorderHover : color::kBorder, 10.0f);
    ImGui::RenderNavHighlight(ImRect(pos, ImVec2(pos.x + width, pos.y + body_h)), ImGui::GetItemID());
    float y = pos.y + pad;
    // Document glyph.
    dl->AddRect(ImVec2(pos.x + pad, y + 2), ImVec2(pos.x + pad + 12, y + 18), color::kAccent, 2.0f, 0, 1.4f);
    dl->AddLine(ImVec2(pos.x + pad + 3, y + 8), ImVec2(pos.x + pad + 9, y + 8), color::kAccent, 1.2f);
    dl->AddLine(ImVec2(pos.x + pad + 3, y + 12), ImVec2(pos.x + pad + 9, y + 12), color::kAccent, 1.2f);
    DrawTextClipped(dl, f.body_semibold, ImVec2(text_x, y), hovered ? color::kAccent : color::kText, hit.title, text_w);
    y += Px(f.body_semibold) * 1.4f;
    // TRANSLATORS: the line under a search hit's title; {0} is the article's category ("Network & VPN").
    DrawTextClipped(dl, f.small, ImVec2(text_x, y), color::kTextMuted,
                    hit.category.empty() ? std::string(tr("Knowledge article")) : Format(tr("Knowledge article · {0}"), {hit.category}),
                    text_w);
    y += Px(f.small) * 1.5f;
    if (!hit.snippet.empty()) DrawSnippet(dl, ImVec2(text_x, y), hit.snippet, text_w, snippet_lines);
    bool solved = false;
    if (offer_solved) {
        ImGui::SetCursorScreenPos(ImVec2(text_x, pos.y + body_h));
        const std::string solve_id = "solved_" + std::to_string(hit.id.value);
        solved = Button(L("This solved it", solve_id.c_str()).c_str(), ButtonKind::secondary, ImVec2(0, 34), !solving, false);
        ImGui::SameLine(0, 12);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 8);
        const std::string read_id = "read_" + std::to_string(hit.id.value);
        // TRANSLATORS: link that opens a suggested knowledge article.
        if (LinkButton(L("Read it", read_id.c_str()).c_str(), f.small_semibold)) actions.OpenArticle(hit.id);
    }
    if (open) actions.OpenArticle(hit.id);
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(width, height));
    return solved;
}

namespace {

void DrawArticleRow(const ArticleRowViewModel& row, float width, Actions& actions, bool show_state) {
    const Fonts& f = GetFonts();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = 58.0f;
    const std::string label = row.title + "##row_article_" + std::to_string(row.id.value);
    A11yGroup item("listitem");  // callers open the list
    const bool open = ImGui::InvisibleButton(label.c_str(), ImVec2(width, h));
    hooks::SetLastItemRole("link");
    if (open) {
        Route route;
        route.screen = show_state ? Screen::kb_edit : Screen::kb_article;
        route.article = row.id;
        actions.Navigate(route);
    }
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), color::kSurfaceHover, 6.0f);
    }
    ImGui::RenderNavHighlight(ImRect(pos, ImVec2(pos.x + width, pos.y + h)), ImGui::GetItemID());
    float right = pos.x + width - 8;
    std::vector<std::pair<std::string, Tone>> badges;
    if (show_state) badges.emplace_back(row.state, row.state_tone);
    if (row.overdue) badges.emplace_back(tr("Review overdue"), Tone::danger);
    // TRANSLATORS: who can read a knowledge-base article.
    if (row.agents_only) badges.emplace_back(trc("audience", "Agents only"), Tone::progress);
    for (const auto& [text, tone] : badges) {
        const ImVec2 bs = BadgeSize(text);
        right -= bs.x;
        DrawBadge(dl, ImVec2(right, pos.y + (h - bs.y) * 0.5f), text, tone);
        right -= 8;
    }
    DrawTextClipped(dl, f.body_semibold, ImVec2(pos.x + 8, pos.y + 9), hovered ? color::kAccent : color::kText, row.title,
                    right - pos.x - 16);
    const std::string meta = (row.category.empty() ? std::string() : row.category + " \xC2\xB7 ") + row.meta;
    DrawTextClipped(dl, f.small, ImVec2(pos.x + 8, pos.y + 31), color::kTextMuted, meta, right - pos.x - 16);
    dl->AddLine(ImVec2(pos.x, pos.y + h - 0.5f), ImVec2(pos.x + width, pos.y + h - 0.5f), color::kBorder);
}

void DrawKbSearchBox(const std::string& query, float width, Actions& actions) {
    std::string text = query;
    TextInputOptions o;
    // TRANSLATORS: the examples are typical search words; use ones people in your language would type.
    o.placeholder = width >= 560 ? tr("Search articles — vpn, printer, payslip, lost badge…") : tr("Search articles…");
    o.large = true;
    o.left_inset = 28;
    o.width = width;
    o.max_chars = 100;
    o.escape_clears = true;
    o.hook_label = tr("Search articles");
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = Px(GetFonts().body) + 28.0f;
    const TextInputResult r = TextInput("##kb_search", &text, o);
    if (r.edited) actions.SetKbSearch(text);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c(pos.x + 24, pos.y + h * 0.5f - 1);
    dl->AddCircle(c, 6.5f, r.active ? color::kAccent : color::kTextMuted, 20, 1.8f);
    dl->AddLine(ImVec2(c.x + 4.8f, c.y + 4.8f), ImVec2(c.x + 9.5f, c.y + 9.5f), r.active ? color::kAccent : color::kTextMuted, 1.8f);
}

void SectionTitle(const char* title, const std::string& note = {}) {
    const Fonts& f = GetFonts();
    const float avail = ImGui::GetContentRegionAvail().x;
    Label(f.h3, color::kText, title);
    if (!note.empty()) {
        // Beside the title when it fits (long languages, phones: wrapped underneath).
        if (MeasureText(f.h3, title).x + 8 + MeasureText(f.small, note).x <= avail) {
            ImGui::SameLine(0, 8);
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 3);
            Label(f.small, color::kTextMuted, note);
        } else {
            Paragraph(f.small, color::kTextMuted, note, avail);
        }
    }
    VSpace(4);
}

}  // namespace

void DrawArticleResults(const std::vector<ArticleHitViewModel>& hits, float width, Actions& actions) {
    // TRANSLATORS: the name screen readers give the list of knowledge-base search results.
    A11yGroup list("list", tr("Articles found"));
    for (const ArticleHitViewModel& hit : hits) {
        A11yGroup item("listitem");
        DrawArticleHit(hit, width, actions, false, false);
        VSpace(8);
    }
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Knowledge home
// ---------------------------------------------------------------------------------------------
void DrawKbHome(const KbHomeViewModel& vm, UiState& ui, Actions& actions) {
    const Fonts& f = GetFonts();
    const float w = ui.content_width;
    Label(f.h1, color::kText, tr("Knowledge base"));
    Paragraph(f.body, color::kTextSecondary,
              tr("Answers from the IT, HR and Facilities teams. Search as you type — typos and other words for "
                 "the same thing are fine."),
              std::min(w, 760.0f));
    VSpace(12);
    const float search_w = std::min(w, 640.0f);
    DrawKbSearchBox(vm.search, search_w, actions);
    if (vm.staff) {
        ImGui::SameLine(0, 16);
        Route edit;
        edit.screen = Screen::kb_edit;
        if (Button(L("Write an article", "kb_new").c_str(), ButtonKind::primary, ImVec2(0, 46))) actions.Navigate(edit);
        if (vm.review_count > 0) {
            ImGui::SameLine(0, 10);
            Route review;
            review.screen = Screen::kb_review;
            // TRANSLATORS: button to the articles waiting for a review; {0} is how many there are.
            const std::string label = Format(tr("Review ({0})"), {FormatInt(vm.review_count)}) + "###kb_review";
            if (Button(label.c_str(), ButtonKind::secondary, ImVec2(0, 46))) actions.Navigate(review);
        }
    }
    VSpace(22);

    if (vm.load.status == ViewStatus::loading) {
        for (int i = 0; i < 4; ++i) {
            Skeleton(ImVec2(std::min(w, 760.0f), 76), 10);
            VSpace(8);
        }
        return;
    }
    if (vm.load.status == ViewStatus::failed) {
        if (ErrorPanel("kb_error", tr("The knowledge base didn't load"), vm.load.error, vm.load.retryable, std::min(w, 640.0f)))
            actions.Retry();
        return;
    }

    if (vm.searching) {
        const long found = static_cast<long>(vm.results.size());
        std::string title;
        if (vm.results.empty()) {
            // TRANSLATORS: {0} is what the user searched for; use your language's quotation marks.
            title = Format(tr("No articles match “{0}”"), {vm.search});
        } else {
            // TRANSLATORS: {0} is the number of articles found, {1} what the user searched for.
            title = Format(trn("{0} article for “{1}”", "{0} articles for “{1}”", found), {FormatInt(found), vm.search});
        }
        SectionTitle(title.c_str());
        if (vm.results.empty())
            Paragraph(f.body, color::kTextSecondary,
                      tr("Try fewer or different words. If you can't find an answer, the request catalog lets you ask the team directly."),
                      std::min(w, 640.0f));
        DrawArticleResults(vm.results, std::min(w, 820.0f), actions);
        return;
    }

    const bool two_columns = w >= 900;
    const float side_w = two_columns ? 300.0f : w;
    const float main_w = two_columns ? w - side_w - 32.0f : w;
    ImGui::BeginGroup();
    // Categories as chips.
    SectionTitle(tr("Browse by category"), Plural("{0} article", "{0} articles", vm.article_count));
    {
        float x = 0;
        for (const KbCategoryViewModel& c : vm.categories) {
            const std::string text = c.name + "  " + FormatInt(c.count);
            const std::string label = text + "##cat_" + c.name;
            const float bw = MeasureText(f.small_semibold, text).x + 28;
            if (x > 0 && x + bw > main_w) x = 0;
            else if (x > 0) ImGui::SameLine(0, 8);
            if (Button(label.c_str(), c.selected ? ButtonKind::primary : ButtonKind::secondary, ImVec2(bw, 32)))
                actions.SetKbCategory(c.name);
            x += bw + 8;
        }
    }
    VSpace(16);
    if (!vm.category.empty()) {
        SectionTitle(vm.category.c_str());
        BeginCard("category_list", main_w, 12);
        {
            A11yGroup list("list", vm.category);
            for (const ArticleRowViewModel& row : vm.category_articles) DrawArticleRow(row, main_w - 24, actions, false);
        }
        EndCard();
        VSpace(16);
    }
    SectionTitle(tr("Most helpful"));
    if (vm.popular_load.status == ViewStatus::loading) Skeleton(ImVec2(main_w, 120), 10);
    else if (vm.popular.empty())
        Paragraph(f.body, color::kTextMuted, tr("No votes yet — articles people mark as helpful show up here."), main_w);
    else {
        BeginCard("popular", main_w, 12);
        {
            A11yGroup list("list", tr("Most helpful"));
            for (const ArticleRowViewModel& row : vm.popular) DrawArticleRow(row, main_w - 24, actions, false);
        }
        EndCard();
    }
    if (vm.staff) {
        VSpace(20);
        // TRANSLATORS: a heading for staff and the note beside it (which articles the list includes).
        SectionTitle(tr("All articles"), tr("drafts, reviews and retired ones included"));
        if (vm.manage_load.status == ViewStatus::loading) Skeleton(ImVec2(main_w, 200), 10);
        else {
            BeginCard("manage", main_w, 12);
            {
                A11yGroup list("list", tr("All articles"));
                for (const ArticleRowViewModel& row : vm.manage) DrawArticleRow(row, main_w - 24, actions, true);
            }
            EndCard();
        }
    }
    ImGui::EndGroup();

    if (two_columns) ImGui::SameLine(0, 32);
    else VSpace(20);
    ImGui::BeginGroup();
    BeginCard("kb_help", side_w, 20);
    Label(f.h3, color::kText, tr("Didn't find it?"));
    Paragraph(f.small, color::kTextSecondary, tr("Ask the team: pick a service from the request catalog and we'll get back to you."),
              side_w - 40);
    VSpace(6);
    Route catalog;
    catalog.screen = Screen::catalog;
    if (Button(L("Open the request catalog", "kb_to_catalog").c_str(), ButtonKind::secondary)) actions.Navigate(catalog);
    EndCard();
    if (vm.admin) {
        VSpace(16);
        BeginCard("kb_stats", side_w, 20);
        // TRANSLATORS: heading of the admins' statistics on questions the knowledge base answered without a request.
        Label(f.h3, color::kText, tr("Self-service"));
        if (vm.stats_load.status == ViewStatus::loading) Skeleton(ImVec2(side_w - 40, 80));
        else {
            const float inner = side_w - 40;
            auto figure = [&](const char* id, const std::string& value, const char* caption) {
                ImGui::BeginGroup();
                Label(f.h2, color::kText, value);
                ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
                Label(f.small, color::kTextMuted, caption);
                ImGui::EndGroup();
                (void)id;
            };
            // TRANSLATORS: caption under a large number: how many times an article solved a problem before a request was raised.
            figure("d", FormatInt(vm.deflections_total), trn("deflection", "deflections", vm.deflections_total));
            ImGui::SameLine(0, 28);
            // TRANSLATORS: caption under a large number: deflections in the last 30 days.
            figure("d30", FormatInt(vm.deflections_30d), tr("last 30 days"));
            ImGui::SameLine(0, 28);
            // TRANSLATORS: caption under a large number: how many times articles were read (page views).
            figure("v", FormatInt(vm.views_total), trn("view", "views", vm.views_total));
            VSpace(10);
            Label(f.small_semibold, color::kText, tr("Articles that deflect most"));
            if (vm.top_deflecting.empty()) Paragraph(f.small, color::kTextMuted, tr("None yet."), inner);
            for (const KbStatLine& line : vm.top_deflecting) {
                const std::string label = line.title + "##stat_" + std::to_string(line.id.value);
                if (LinkButton(label.c_str(), f.small)) actions.OpenArticle(line.id);
                Label(f.small, color::kTextMuted, line.figure);
            }
            if (!vm.feedback.empty()) {
                VSpace(8);
                Label(f.small_semibold, color::kText, tr("Recent feedback"));
                for (const std::string& line : vm.feedback) Paragraph(f.small, color::kTextSecondary, line, inner);
            }
        }
        EndCard();
        VSpace(16);
        BeginCard("kb_synonyms", side_w, 20);
        const float inner = side_w - 40;
        Label(f.h3, color::kText, tr("Synonyms"));
        // TRANSLATORS: help for the synonyms box; keep the "a = b" form and the "#" that starts a note.
        Paragraph(f.small, color::kTextMuted,
                  tr("One pair per line, both ways: “vpn = remote access”. Lines starting with # are notes."), inner);
        VSpace(4);
        if (vm.synonyms_load.status == ViewStatus::loading) {
            Skeleton(ImVec2(inner, 120));
        } else {
            std::string text = vm.synonyms_text;
            TextInputOptions o;
            o.multiline = true;
            o.height = 180;
            o.width = inner;
            o.max_chars = static_cast<int>(kMaxSynonymsText);
            o.hook_label = tr("Synonyms");
            o.invalid = !vm.synonyms_error.empty();
            if (TextInput("##kb_synonyms_text", &text, o).edited) actions.EditSynonyms(text);
            if (!vm.synonyms_error.empty()) Paragraph(f.small, color::kDanger, vm.synonyms_error, inner);
            // TRANSLATORS: how many synonym pairs the box holds.
            else Label(f.small, color::kTextMuted, Plural("{0} pair", "{0} pairs", vm.synonym_pairs));
            VSpace(4);
            if (Button(L("Save synonyms", "kb_synonyms_save").c_str(), ButtonKind::secondary, ImVec2(0, 0),
                       vm.synonyms_dirty && vm.synonym_pairs >= 0 && !vm.synonyms_saving, vm.synonyms_saving))
                actions.SaveSynonyms();
        }
        EndCard();
    }
    ImGui::EndGroup();
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Article page
// ---------------------------------------------------------------------------------------------
void DrawArticle(const ArticleViewModel& vm, UiState& ui, Actions& actions) {
    const Fonts& f = GetFonts();
    const float w = ui.content_width;
    Route home;
    home.screen = Screen::kb_home;
    if (LinkButton(L("Knowledge base", "crumb_kb").c_str(), f.small_semibold)) actions.Navigate(home);
    if (!vm.category.empty()) {
        ImGui::SameLine(0, 6);
        Label(f.small, color::kTextMuted, "/  " + vm.category);
    }
    VSpace(6);
    const float col = std::min(w, 760.0f);
    if (vm.load.status == ViewStatus::loading) {
        Skeleton(ImVec2(std::min(col, 480.0f), 34));
        VSpace(10);
        for (int i = 0; i < 6; ++i) Skeleton(ImVec2(col * (i % 2 ? 0.8f : 1.0f), 16));
        return;
    }
    if (vm.load.status == ViewStatus::failed) {
        if (ErrorPanel("article_error", tr("This article isn't available"), vm.load.error, vm.load.retryable, std::min(w, 640.0f)))
            actions.Retry();
        return;
    }
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + col);
    Paragraph(f.h1, color::kText, vm.title, col);
    ImGui::PopTextWrapPos();
    VSpace(4);
    {
        std::string meta = vm.updated;
        // TRANSLATORS: {0} is the name of the person who looks after the article.
        if (!vm.owner.empty()) meta += " · " + Format(tr("Owner: {0}"), {vm.owner});
        // TRANSLATORS: how many times the article was read (page views).
        if (vm.staff) meta += " · " + Plural("{0} view", "{0} views", vm.views);
        Label(f.small, color::kTextMuted, meta);
    }
    {
        bool any = false;
        if (vm.staff) {
            Badge(vm.state, vm.state_tone);
            any = true;
        }
        if (vm.agents_only) {
            if (any) ImGui::SameLine(0, 8);
            // TRANSLATORS: who can read a knowledge-base article.
            Badge(trc("audience", "Agents only"), Tone::progress);
            any = true;
        }
        if (vm.overdue) {
            if (any) ImGui::SameLine(0, 8);
            // TRANSLATORS: {0} is the date the article was due for review.
            Badge(Format(tr("Review overdue since {0}"), {vm.review_by}), Tone::danger);
            any = true;
        }
        for (const std::string& tag : vm.tags) {
            if (any) ImGui::SameLine(0, 6);
            Badge(tag, Tone::neutral);
            any = true;
        }
        if (vm.staff) {
            ImGui::SameLine(0, 14);
            Route edit;
            edit.screen = Screen::kb_edit;
            edit.article = vm.id;
            if (LinkButton(L("Edit article", "kb_edit").c_str())) actions.Navigate(edit);
        }
    }
    VSpace(18);
    BeginCard("article_body", col, 28);
    MarkdownView("body", vm.document, col - 56, &actions);
    EndCard();
    VSpace(18);

    if (vm.published) {
        BeginCard("feedback", col, 20);
        const float inner = col - 40;
        if (!vm.voted) {
            const float row_y = ImGui::GetCursorPosY();
            ImGui::SetCursorPosY(row_y + 8);
            Label(f.body_semibold, color::kText, tr("Was this article helpful?"));
            ImGui::SameLine(0, 16);
            ImGui::SetCursorPosY(row_y);
            // TRANSLATORS: answers to "Was this article helpful?".
            if (Button(L("Yes", "helpful_yes").c_str(), ButtonKind::secondary, ImVec2(72, 34), !vm.feedback_sending)) actions.Vote(vm.id, true);
            ImGui::SameLine(0, 8);
            ImGui::SetCursorPosY(row_y);
            if (Button(L("No", "helpful_no").c_str(), ButtonKind::secondary, ImVec2(72, 34), !vm.feedback_sending)) actions.Vote(vm.id, false);
        } else if (vm.voted_helpful) {
            Label(f.body_semibold, color::kSuccess, tr("Thanks — glad it helped."));
        } else {
            Label(f.body_semibold, color::kText, tr("Thanks for telling us. What was missing or wrong?"));
        }
        if (vm.voted && vm.comment_open) {
            VSpace(6);
            if (vm.comment_sent) {
                Paragraph(f.small, color::kTextMuted, tr("Your comment went to the article's owner."), inner);
            } else {
                std::string text = vm.comment;
                TextInputOptions o;
                o.multiline = true;
                o.height = 80;
                o.width = inner;
                o.max_chars = vm.comment_max_chars;
                o.placeholder = tr("e.g. step 3 doesn't match what I see on my laptop");
                o.hook_label = tr("Feedback comment");
                if (TextInput("##feedback_comment", &text, o).edited) actions.EditFeedbackComment(vm.id, text);
                VSpace(4);
                if (Button(L("Send comment", "send_feedback").c_str(), ButtonKind::primary, ImVec2(0, 0), !vm.comment.empty(), vm.feedback_sending))
                    actions.SendFeedbackComment(vm.id);
            }
        }
        if (!vm.feedback_error.empty()) {
            VSpace(4);
            Label(f.small, color::kDanger, vm.feedback_error);
        }
        EndCard();
        VSpace(12);
    }
    Paragraph(f.small, color::kTextMuted, tr("Still stuck? Raise a request from the catalog and mention this article."), col);
    Route catalog;
    catalog.screen = Screen::catalog;
    if (LinkButton(L("Open the request catalog", "article_to_catalog").c_str(), f.small_semibold)) actions.Navigate(catalog);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Review list
// ---------------------------------------------------------------------------------------------
void DrawKbReview(const ReviewViewModel& vm, UiState& ui, Actions& actions) {
    const Fonts& f = GetFonts();
    const float w = std::min(ui.content_width, 900.0f);
    Route home;
    home.screen = Screen::kb_home;
    if (LinkButton(L("Knowledge base", "crumb_kb").c_str(), f.small_semibold)) actions.Navigate(home);
    VSpace(6);
    Label(f.h1, color::kText, tr("Articles to review"));
    Paragraph(f.body, color::kTextSecondary,
              tr("Articles waiting for a reviewer, and your own articles past their review date (employees no longer see "
                 "those until they're reviewed: edit the article and move its review date on)."),
              w);
    VSpace(14);
    if (vm.load.status == ViewStatus::loading) {
        Skeleton(ImVec2(w, 180), 10);
        return;
    }
    if (vm.load.status == ViewStatus::failed) {
        if (ErrorPanel("review_error", tr("The review list didn't load"), vm.load.error, vm.load.retryable, w)) actions.Retry();
        return;
    }
    if (vm.rows.empty()) {
        Paragraph(f.body, color::kTextMuted, tr("Nothing to review. Every article you own is up to date."), w);
        return;
    }
    BeginCard("review", w, 12);
    A11yGroup list("list", tr("Articles to review"));
    for (const ArticleRowViewModel& row : vm.rows) DrawArticleRow(row, w - 24, actions, true);
    EndCard();
}

}  // namespace spoc::ui
