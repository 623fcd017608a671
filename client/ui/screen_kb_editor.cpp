// The article editor for agents and admins: fields with the shared validation, the body with a
// live Markdown preview beside it (tabs on narrow windows), state changes (send for review,
// publish, retire, ...), a stale-save notice that reloads and keeps your text, and the version
// history with a line diff of what each version changed.
#include <algorithm>

#include "client/ui/item_hooks.h"
#include "client/ui/markdown_view.h"
#include "client/ui/screens.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"
#include "imgui_internal.h"
#include "shared/domain/i18n.h"

namespace spoc::ui {

using namespace spoc::client;
using i18n::Format;
using i18n::FormatInt;
using i18n::tr;
using i18n::trc;

namespace {

// A field's caption row. It has the same height with or without a note, so fields side by side
// (Category and Tags) start their inputs on the same line; a note that would not fit in `width`
// is left out here (the caller shows it under the input instead).
void EditorLabel(const char* text, const char* note = nullptr, float width = 0) {
    const Fonts& f = GetFonts();
    const ImVec2 start = ImGui::GetCursorPos();
    Label(f.body_semibold, color::kText, text);
    if (note && (width <= 0 || MeasureText(f.body_semibold, text).x + 6 + MeasureText(f.small, note).x <= width)) {
        ImGui::SameLine(0, 6);
        ImGui::SetCursorPosY(start.y + (Px(f.body_semibold) - Px(f.small)) * 0.5f + 1);
        Label(f.small, color::kTextMuted, note);
    }
    ImGui::SetCursorPos(ImVec2(start.x, start.y + Px(f.body_semibold) * 1.25f + 8));
}

// Names the last item's rectangle for tests and tools (layout checks on captions and cards).
void RecordLastItem(std::string_view id) {
    hooks::RecordItem(id, id, ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x,
                      ImGui::GetItemRectMax().y);
}

void Problem(const std::string& message, float width) {
    if (message.empty()) return;
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
    Paragraph(GetFonts().small, color::kDanger, message, width);
}

void DrawFields(const EditorViewModel& vm, float width, Actions& actions) {
    ArticleContent content = vm.content;
    std::string tags = vm.tags_text;
    bool edited = false;
    TextInputOptions o;
    o.width = width;

    // TRANSLATORS: caption of a knowledge article's title field.
    EditorLabel(tr("Title"));
    o.max_chars = static_cast<int>(kMaxArticleTitle);
    o.invalid = !vm.ProblemFor("title").empty();
    // TRANSLATORS: caption of a knowledge article's title field.
    o.hook_label = tr("Title");
    o.placeholder = tr("What someone would search for, e.g. “Can't connect to the VPN from home”");
    edited |= TextInput("##kb_title", &content.title, o).edited;
    Problem(vm.ProblemFor("title"), width);
    VSpace(6);

    const float half = (width - 16) * 0.5f;
    ImGui::BeginGroup();
    EditorLabel(tr("Category"));
    o = TextInputOptions{};
    o.width = half;
    o.max_chars = static_cast<int>(kMaxArticleCategory);
    o.hook_label = tr("Category");
    // TRANSLATORS: an example category of knowledge articles.
    o.placeholder = tr("Network & VPN");
    o.invalid = !vm.ProblemFor("category").empty();
    edited |= TextInput("##kb_category", &content.category, o).edited;
    Problem(vm.ProblemFor("category"), half);
    ImGui::EndGroup();
    ImGui::SameLine(0, 16);
    ImGui::BeginGroup();
    EditorLabel(tr("Tags"), tr("(comma separated)"), half);
    o = TextInputOptions{};
    o.width = half;
    o.max_chars = 400;
    o.hook_label = tr("Tags");
    // TRANSLATORS: example tags of a knowledge article, separated by commas.
    o.placeholder = tr("vpn, remote access");
    o.invalid = !vm.ProblemFor("tags").empty();
    edited |= TextInput("##kb_tags", &tags, o).edited;
    Problem(vm.ProblemFor("tags"), half);
    ImGui::EndGroup();
    VSpace(6);

    ImGui::BeginGroup();
    EditorLabel(tr("Audience"));
    // TRANSLATORS: who can read a knowledge-base article.
    const std::string audience_labels[] = {std::string(trc("audience", "Everyone")) + "###Everyone",
                                           std::string(trc("audience", "Agents only")) + "###Agents only"};
    const char* audiences[] = {audience_labels[0].c_str(), audience_labels[1].c_str()};
    int audience = content.audience == Audience::agents ? 1 : 0;
    if (SegmentedControl("##kb_audience", audiences, 2, &audience)) {
        content.audience = audience == 1 ? Audience::agents : Audience::everyone;
        edited = true;
    }
    ImGui::EndGroup();
    const float audience_w = ImGui::GetItemRectSize().x;
    const bool beside = width - audience_w - 24 >= 200;  // narrow: Review by goes under Audience
    if (beside) ImGui::SameLine(0, 24);
    ImGui::BeginGroup();
    const float review_w = beside ? width - audience_w - 24 : width;
    // TRANSLATORS: caption of the date by which an article must be reviewed again.
    EditorLabel(tr("Review by"));
    o = TextInputOptions{};
    o.width = 160;
    o.max_chars = 10;
    o.filter = CharFilter::date;
    o.hook_label = tr("Review by");
    o.placeholder = "2027-06-30";
    o.invalid = !vm.ProblemFor("review_by").empty();
    edited |= TextInput("##kb_review_by", &content.review_by, o).edited;
    if (vm.ProblemFor("review_by").empty()) {
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
        // TRANSLATORS: the field accepts dates only in this form; keep "YYYY-MM-DD" (letters may be translated).
        Paragraph(GetFonts().small, color::kTextMuted, tr("YYYY-MM-DD. After it, employees no longer see the article."), review_w);
        RecordLastItem("review_by_hint");
    }
    Problem(vm.ProblemFor("review_by"), review_w);
    ImGui::EndGroup();
    VSpace(6);

    if (edited) actions.EditArticle(vm.id, content, tags);
}

void DrawBody(const EditorViewModel& vm, float width, float height, Actions& actions) {
    // TRANSLATORS: caption of the article's body and a Markdown cheat sheet; keep the Markdown marks (#, **, *, `, -, 1., [](...)) as they are.
    EditorLabel(tr("Text"), tr("(# heading, **bold**, *italic*, `code`, - lists, 1. steps, [link](https://...))"));
    std::string body = vm.content.body;
    TextInputOptions o;
    o.multiline = true;
    o.width = width;
    o.height = height;
    o.max_chars = static_cast<int>(kMaxArticleBody);
    o.hook_label = tr("Article text");
    o.invalid = !vm.ProblemFor("body").empty();
    if (TextInput("##kb_body", &body, o).edited) actions.EditArticle(vm.id, [&] {
        ArticleContent c = vm.content;
        c.body = body;
        return c;
    }(), vm.tags_text);
    Problem(vm.ProblemFor("body"), width);
}

void DrawPreview(const EditorViewModel& vm, float width, float min_height) {
    const Fonts& f = GetFonts();
    EditorLabel(tr("Preview"));
    BeginCard("preview", width, 20);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 40);
    Paragraph(f.h2, color::kText, vm.content.title.empty() ? std::string(tr("Untitled article")) : vm.content.title, width - 40);
    ImGui::PopTextWrapPos();
    VSpace(6);
    const float top = ImGui::GetCursorScreenPos().y;
    MarkdownView("preview", vm.preview, width - 40, nullptr);
    const float used = ImGui::GetCursorScreenPos().y - top;
    if (used < min_height - 60) VSpace(min_height - 60 - used);
    EndCard();
    RecordLastItem("preview_card");
}

void DrawHistory(const EditorViewModel& vm, float width, Actions& actions) {
    const Fonts& f = GetFonts();
    Label(f.h3, color::kText, tr("History"));
    Paragraph(f.small, color::kTextMuted, tr("Every change is kept. Pick a version to see what it changed."), width);
    VSpace(4);
    if (vm.versions_load.status == ViewStatus::loading && vm.versions.empty()) {
        Skeleton(ImVec2(width, 90), 8);
        return;
    }
    BeginCard("history", width, 12);
    const float inner = width - 24;
    for (const VersionRowViewModel& v : vm.versions) {
        const std::string label = v.line + "##version_" + std::to_string(v.version);
        if (LinkButton(label.c_str(), v.selected ? f.small_semibold : f.small, v.selected ? color::kAccent : color::kTextSecondary))
            actions.ShowArticleDiff(vm.id, v.version);
    }
    if (!vm.diff_title.empty()) {
        VSpace(8);
        Divider(inner);
        VSpace(8);
        // TRANSLATORS: after a version's title: {0} lines were added and {1} removed by it ("−" is a minus sign).
        Label(f.small_semibold, color::kText,
              vm.diff_title + "  ·  " +
                  Format(tr("+{0} / −{1} lines"), {FormatInt(vm.diff_stats.added), FormatInt(vm.diff_stats.removed)}));
        if (vm.diff_meta_changed) Paragraph(f.small, color::kTextSecondary, vm.diff_meta, inner);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float line_h = Px(f.small) * 1.5f;
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0));
        for (const DiffLine& line : vm.diff) {
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const ImU32 bg = line.op == DiffOp::added ? color::kSuccessSoft : line.op == DiffOp::removed ? color::kDangerSoft : 0;
            const ImU32 fg = line.op == DiffOp::added ? color::kSuccess : line.op == DiffOp::removed ? color::kDanger : color::kTextMuted;
            if (bg) dl->AddRectFilled(p, ImVec2(p.x + inner, p.y + line_h), bg);
            const char* mark = line.op == DiffOp::added ? "+" : line.op == DiffOp::removed ? "\xE2\x88\x92" : " ";
            DrawTextAt(dl, f.small_semibold, ImVec2(p.x + 4, p.y + 2), fg, mark);
            DrawTextClipped(dl, f.small, ImVec2(p.x + 20, p.y + 2), line.op == DiffOp::same ? color::kTextMuted : color::kText,
                            line.text, inner - 24);
            ImGui::Dummy(ImVec2(inner, line_h));
        }
        ImGui::PopStyleVar();
    }
    EndCard();
    RecordLastItem("history_card");
}

}  // namespace

void DrawKbEditor(const EditorViewModel& vm, UiState& ui, Actions& actions) {
    const Fonts& f = GetFonts();
    const float w = ui.content_width;
    Route home;
    home.screen = Screen::kb_home;
    if (LinkButton(L("Knowledge base", "crumb_kb").c_str(), f.small_semibold)) actions.Navigate(home);
    VSpace(6);
    if (vm.load.status == ViewStatus::loading) {
        Skeleton(ImVec2(std::min(w, 420.0f), 34));
        VSpace(12);
        Skeleton(ImVec2(w, 420), 12);
        return;
    }
    if (vm.load.status == ViewStatus::failed) {
        if (ErrorPanel("editor_error", tr("This article didn't load"), vm.load.error, vm.load.retryable, std::min(w, 640.0f)))
            actions.Retry();
        return;
    }

    Label(f.h1, color::kText, vm.is_new ? tr("New article") : tr("Edit article"));
    // TRANSLATORS: an article's state ("Draft") and its version number ("v3").
    Badge(vm.version > 0 ? Format(tr("{0} · v{1}"), {vm.state, FormatInt(vm.version)}) : vm.state, vm.state_tone);
    if (vm.dirty) {
        ImGui::SameLine(0, 8);
        Badge(tr("Unsaved changes"), Tone::warning);
    }
    if (!vm.is_new) {
        ImGui::SameLine(0, 14);
        Route view;
        view.screen = Screen::kb_article;
        view.article = vm.id;
        if (LinkButton(L("View article", "kb_view").c_str())) actions.Navigate(view);
    }
    VSpace(14);

    if (vm.stale) {
        if (Notice("stale", NoticeKind::warning,
                   vm.error.empty() ? std::string(tr("Someone else saved this article meanwhile.")) : vm.error,
                   L("Reload and reapply", "kb_reapply").c_str(), std::min(w, 900.0f)))
            actions.ReapplyOnLatest(vm.id);
        VSpace(8);
    } else if (!vm.error.empty()) {
        Notice("save_error", NoticeKind::error, vm.error, nullptr, std::min(w, 900.0f));
        VSpace(8);
    }

    // Actions row.
    const std::string save_label = vm.saving   ? L("Saving…", "kb_save")
                                   : vm.is_new ? L("Create draft", "kb_save")
                                               : L("Save", "kb_save");
    if (Button(save_label.c_str(), ButtonKind::primary, ImVec2(140, 40), !vm.saving && (vm.dirty || vm.is_new), vm.saving))
        actions.SaveArticle(vm.id);
    for (const StateActionViewModel& a : vm.state_actions) {
        ImGui::SameLine(0, 10);
        const std::string label = a.label + "##kb_state_" + std::string(ArticleStateName(a.to));
        // A state change applies to the saved version: save edits first.
        if (Button(label.c_str(), a.to == ArticleState::retired ? ButtonKind::danger : ButtonKind::secondary, ImVec2(0, 40),
                   !vm.saving && !vm.dirty))
            actions.ChangeArticleState(vm.id, a.to);
    }
    if (vm.dirty && !vm.state_actions.empty()) {
        ImGui::SameLine(0, 12);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 10);
        Label(f.small, color::kTextMuted, tr("Save first to change the state."));
    }
    VSpace(16);

    const bool wide = w >= 1000;
    if (wide) {
        const float col = (w - 28) * 0.5f;
        ImGui::BeginGroup();
        DrawFields(vm, col, actions);
        DrawBody(vm, col, 440, actions);
        ImGui::EndGroup();
        ImGui::SameLine(0, 28);
        ImGui::BeginGroup();
        DrawPreview(vm, col, 600);
        ImGui::EndGroup();
        VSpace(20);
        if (!vm.is_new) DrawHistory(vm, w, actions);  // as wide as both columns above it
        return;
    }
    // TRANSLATORS: the editor's tabs on narrow screens: write the article, see it as readers will, its versions.
    const std::string tab_labels[] = {L("Write", "Write"), L("Preview", "Preview"), L("History", "History")};
    const char* tabs[] = {tab_labels[0].c_str(), tab_labels[1].c_str(), tab_labels[2].c_str()};
    int tab = vm.tab;
    if (SegmentedControl("##kb_tabs", tabs, vm.is_new ? 2 : 3, &tab)) actions.SetEditorTab(vm.id, tab);
    VSpace(12);
    if (tab == 0) {
        DrawFields(vm, w, actions);
        DrawBody(vm, w, 360, actions);
    } else if (tab == 1) {
        DrawPreview(vm, w, 300);
    } else {
        DrawHistory(vm, w, actions);
    }
}

}  // namespace spoc::ui
