// Markdown rendering (see markdown_view.h). Each block is laid out as a flow of words: a word
// that doesn't fit on the line starts the next one; a word wider than the whole line is broken
// by characters. Italic has no font of its own: its glyph quads are sheared after drawing.
#include "client/ui/markdown_view.h"

#include <string>

#include "client/ui/item_hooks.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"
#include "imgui_internal.h"
#include "shared/domain/linebreak.h"

namespace spoc::ui {

namespace {

struct Flow {
    ImDrawList* dl = nullptr;
    float left = 0, right = 0;  // line bounds (screen x)
    float x = 0, y = 0;         // pen (screen)
    float line_h = 0;           // height of the current line
    float base_line_h = 0;      // line height of the block's font
    int link_counter = 0;
    const char* id = "";
    client::Actions* actions = nullptr;
};

const ImFont* SpanFont(const md::Span& span, const ImFont* base, const ImFont* bold) {
    return (span.style & md::kBold) ? bold : base;
}

void NewLine(Flow& f) {
    f.x = f.left;
    f.y += f.line_h > 0 ? f.line_h : f.base_line_h;
    f.line_h = 0;
}

// Draws one piece of text (no spaces inside unless `piece` is a single space) at the pen.
void DrawPiece(Flow& f, std::string_view piece, const md::Span& span, const ImFont* font, ImU32 color) {
    const ImVec2 size = MeasureText(font, piece);
    if (piece == " ") {  // spaces at a line start are dropped
        if (f.x > f.left) f.x += size.x;
        return;
    }
    if (f.x + size.x > f.right && f.x > f.left) NewLine(f);
    const ImVec2 pos(f.x, f.y + (f.base_line_h - size.y) * 0.5f);
    bool hovered = false;
    if (span.style & md::kLink) {
        // One invisible button per word: clickable, hoverable and reachable by keyboard.
        ImGui::SetCursorScreenPos(pos);
        const std::string wid = std::string(piece) + "##" + f.id + "_link_" + std::to_string(f.link_counter++);
        if (ImGui::InvisibleButton(wid.c_str(), ImVec2(std::max(1.0f, size.x), std::max(1.0f, size.y))) && f.actions)
            f.actions->FollowLink(span.url);
        hovered = ImGui::IsItemHovered();
        if (hovered) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            ImGui::SetTooltip("%s", span.url.c_str());
        }
        color = hovered ? color::kAccentHover : color::kAccent;
    }
    if (span.style & md::kCode)
        f.dl->AddRectFilled(ImVec2(pos.x - 3, pos.y - 1), ImVec2(pos.x + size.x + 3, pos.y + size.y + 1), color::kMutedSoft, 4.0f);
    const int first_vertex = f.dl->VtxBuffer.Size;
    DrawTextAt(f.dl, font, pos, color, piece);
    if (span.style & md::kItalic) {
        const float base = pos.y + size.y;
        for (int i = first_vertex; i < f.dl->VtxBuffer.Size; ++i) f.dl->VtxBuffer[i].pos.x += (base - f.dl->VtxBuffer[i].pos.y) * 0.2f;
    }
    if (span.style & md::kLink)
        f.dl->AddLine(ImVec2(pos.x, pos.y + size.y), ImVec2(pos.x + size.x, pos.y + size.y), color, hovered ? 1.5f : 1.0f);
    f.x += size.x + ((span.style & md::kCode) ? 6.0f : 0.0f);
    f.line_h = std::max(f.line_h, std::max(size.y, f.base_line_h));
}

// Flows the spans of one block between f.left and f.right.
void FlowSpans(Flow& f, const std::vector<md::Span>& spans, const ImFont* base, const ImFont* bold, ImU32 color) {
    for (const md::Span& span : spans) {
        const ImFont* font = SpanFont(span, base, bold);
        const ImU32 c = (span.style & md::kCode) ? color::kText : color;
        std::string_view text = span.text;
        std::size_t i = 0;
        while (i < text.size()) {
            if (text[i] == '\n') {
                NewLine(f);
                ++i;
                continue;
            }
            if (text[i] == ' ') {
                DrawPiece(f, " ", span, font, c);
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < text.size() && text[j] != ' ' && text[j] != '\n') ++j;
            std::string_view run = text.substr(i, j - i);
            i = j;
            // Chinese and Japanese have no spaces: the run is split where a line may break
            // (shared/domain/linebreak.h), so it flows like words do.
            while (!run.empty()) {
                const std::size_t piece = linebreak::FirstPiece(run);
                std::string_view word = run.substr(0, piece);
                run.remove_prefix(piece);
                // A word longer than the line is cut by characters.
                while (!word.empty() && MeasureText(font, word).x > f.right - f.left) {
                    std::size_t cut = 0;
                    float w = 0;
                    while (cut < word.size()) {
                        unsigned int cp = 0;
                        const int n = ImTextCharFromUtf8(&cp, word.data() + cut, word.data() + word.size());
                        const float cw = MeasureText(font, word.substr(cut, static_cast<std::size_t>(std::max(1, n)))).x;
                        if (w + cw > f.right - f.left && cut > 0) break;
                        w += cw;
                        cut += static_cast<std::size_t>(std::max(1, n));
                    }
                    if (f.x > f.left) NewLine(f);
                    DrawPiece(f, word.substr(0, cut), span, font, c);
                    NewLine(f);
                    word.remove_prefix(cut);
                }
                if (!word.empty()) DrawPiece(f, word, span, font, c);
            }
        }
    }
}

}  // namespace

void MarkdownView(const char* id, const md::Document& document, float width, client::Actions* actions) {
    const Fonts& fonts = GetFonts();
    ImGui::PushID(id);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    Flow f;
    f.dl = ImGui::GetWindowDrawList();
    f.id = id;
    f.actions = actions;
    float y = origin.y;
    for (std::size_t b = 0; b < document.blocks.size(); ++b) {
        const md::Block& block = document.blocks[b];
        const bool first = b == 0;
        f.line_h = 0;
        switch (block.kind) {
            case md::BlockKind::heading: {
                const ImFont* font = block.level <= 1 ? fonts.h2 : fonts.h3;
                y += first ? 0.0f : (block.level <= 1 ? 18.0f : 12.0f);
                f.left = origin.x;
                f.right = origin.x + width;
                f.x = f.left;
                f.y = y;
                f.base_line_h = Px(font) * 1.3f;
                FlowSpans(f, block.spans, font, font, color::kText);
                y = f.y + f.base_line_h + 6.0f;
                break;
            }
            case md::BlockKind::paragraph: {
                y += first ? 0.0f : 8.0f;
                f.left = origin.x;
                f.right = origin.x + width;
                f.x = f.left;
                f.y = y;
                f.base_line_h = Px(fonts.body) * 1.55f;
                FlowSpans(f, block.spans, fonts.body, fonts.body_semibold, color::kTextSecondary);
                y = f.y + (f.line_h > 0 ? f.line_h : f.base_line_h) + 4.0f;
                break;
            }
            case md::BlockKind::bullet_item:
            case md::BlockKind::ordered_item: {
                const bool list_start = first || (document.blocks[b - 1].kind != block.kind);
                y += list_start && !first ? 6.0f : 0.0f;
                const float indent = 22.0f + static_cast<float>(block.level) * 22.0f;
                f.base_line_h = Px(fonts.body) * 1.55f;
                const float mx = origin.x + indent - 14.0f;
                if (block.kind == md::BlockKind::bullet_item) {
                    const ImVec2 c(mx, y + f.base_line_h * 0.5f);
                    if (block.level == 0) f.dl->AddCircleFilled(c, 2.6f, color::kTextSecondary, 12);
                    else f.dl->AddCircle(c, 2.6f, color::kTextSecondary, 12, 1.2f);
                } else {
                    const std::string n = std::to_string(block.number) + ".";
                    const ImVec2 ns = MeasureText(fonts.body_semibold, n);
                    DrawTextAt(f.dl, fonts.body_semibold, ImVec2(mx + 6 - ns.x, y + (f.base_line_h - ns.y) * 0.5f),
                               color::kTextSecondary, n);
                }
                f.left = origin.x + indent;
                f.right = origin.x + width;
                f.x = f.left;
                f.y = y;
                FlowSpans(f, block.spans, fonts.body, fonts.body_semibold, color::kTextSecondary);
                y = f.y + (f.line_h > 0 ? f.line_h : f.base_line_h) + 2.0f;
                break;
            }
            case md::BlockKind::code_block: {
                y += first ? 0.0f : 8.0f;
                const float line_h = Px(fonts.small) * 1.5f;
                int lines = 1;
                for (char c : block.code) lines += c == '\n';
                const float pad = 12.0f;
                const ImVec2 box_min(origin.x, y), box_max(origin.x + width, y + lines * line_h + 2 * pad);
                f.dl->AddRectFilled(box_min, box_max, color::kMutedSoft, 8.0f);
                f.dl->AddRect(box_min, box_max, color::kBorder, 8.0f);
                f.dl->PushClipRect(ImVec2(box_min.x + pad, box_min.y), ImVec2(box_max.x - pad, box_max.y), true);
                float ly = y + pad;
                std::size_t start = 0;
                while (start <= block.code.size()) {
                    std::size_t end = block.code.find('\n', start);
                    if (end == std::string::npos) end = block.code.size();
                    DrawTextAt(f.dl, fonts.small, ImVec2(box_min.x + pad, ly), color::kText,
                               std::string_view(block.code).substr(start, end - start));
                    ly += line_h;
                    if (end == block.code.size()) break;
                    start = end + 1;
                }
                f.dl->PopClipRect();
                y = box_max.y + 4.0f;
                break;
            }
        }
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, std::max(1.0f, y - origin.y)));
    ImGui::PopID();
}

}  // namespace spoc::ui
