// Attachments on screen (see attachments_view.h).
#include "client/ui/attachments_view.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "client/ui/item_hooks.h"
#include "client/ui/mirror.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"
#include "shared/domain/i18n.h"

namespace spoc::ui {

using i18n::Format;
using i18n::tr;

namespace {

ThumbnailSource g_thumbnails = nullptr;

constexpr float kChipW = 250.0f;
constexpr float kChipH = 54.0f;
constexpr float kThumbBox = 200.0f;  // a thumbnail fits in this square (CSS px)

// The file's extension in capitals for its icon ("PDF"), at most 4 letters.
std::string ExtensionBadge(const std::string& name) {
    const std::size_t dot = name.rfind('.');
    if (dot == std::string::npos || dot + 1 >= name.size()) return "FILE";
    std::string ext = name.substr(dot + 1, 4);
    for (char& c : ext) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    return ext;
}

// A page-like icon with the extension on it.
void DrawFileIcon(ImDrawList* dl, ImVec2 at, const std::string& name, ImU32 tint) {
    const Fonts& f = GetFonts();
    const ImVec2 max(at.x + 30, at.y + 36);
    dl->AddRectFilled(at, max, color::kSurface, 4.0f);
    dl->AddRect(at, max, color::kBorder, 4.0f);
    dl->AddRectFilled(ImVec2(at.x, max.y - 14), max, tint, 4.0f, ImDrawFlags_RoundCornersBottom);
    const std::string ext = ExtensionBadge(name);
    const float s = f.small_semibold->FontSize * 0.7f;
    const ImVec2 size = f.small_semibold->CalcTextSizeA(s, 100, 0, ext.c_str());
    dl->AddText(f.small_semibold, s, ImVec2(at.x + (30 - size.x) * 0.5f, max.y - 12.5f), color::kOnAccent, ext.c_str());
}

// One stored file that isn't shown as a picture: icon, name, type and size; a click saves it.
void FileRow(const client::AttachmentViewModel& a, float width, client::Actions& actions) {
    const Fonts& f = GetFonts();
    const float w = std::min(width, 420.0f);
    const float h = 48.0f;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const std::string label = a.name + "###" + a.hook_id;
    const bool pressed = ImGui::InvisibleButton(label.c_str(), ImVec2(w, h));
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        // TRANSLATORS: tooltip of an attached file; {0} is its type and size.
        ImGui::SetTooltip("%s", Format(tr("Download ({0})"), {a.detail}).c_str());
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), hovered ? color::kSurfaceHover : color::kSurface, 8.0f);
    dl->AddRect(pos, ImVec2(pos.x + w, pos.y + h), color::kBorder, 8.0f);
    DrawFileIcon(dl, ImVec2(pos.x + 9, pos.y + 6), a.name, color::kAccent);
    const float text_x = pos.x + 50, text_w = w - 60;
    DrawTextClipped(dl, f.small_semibold, ImVec2(text_x, pos.y + 7), color::kAccent, a.name, text_w);
    DrawTextClipped(dl, f.small, ImVec2(text_x, pos.y + 26), color::kTextMuted, a.detail, text_w);
    A11yText(a.detail, ImVec2(text_x, pos.y + 26), ImVec2(text_x + text_w, pos.y + h - 4));
    if (pressed) actions.OpenAttachment(a.id, false);
}

// A picture as a thumbnail (a click opens it whole in a new tab); a row when it can't be decoded.
bool Thumb(const client::AttachmentViewModel& a, client::Actions& actions) {
    if (!g_thumbnails) return false;
    const float scale = ImGui::GetIO().DisplayFramebufferScale.x > 0 ? ImGui::GetIO().DisplayFramebufferScale.x : 1.0f;
    const int max_px = static_cast<int>(std::ceil(kThumbBox * scale));
    const Thumbnail t = g_thumbnails(a.id, a.inline_path, max_px);
    if (t.state == Thumbnail::State::failed) return false;
    ImVec2 size(kThumbBox * 0.75f, kThumbBox * 0.5f);
    if (t.state == Thumbnail::State::ready && t.width > 0 && t.height > 0) {
        size = ImVec2(static_cast<float>(t.width) / scale, static_cast<float>(t.height) / scale);
        const float fit = std::min(1.0f, std::min(kThumbBox / size.x, kThumbBox / size.y));
        size = ImVec2(std::max(24.0f, size.x * fit), std::max(24.0f, size.y * fit));
    }
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const std::string label = a.name + "###" + a.hook_id;
    const bool pressed = ImGui::InvisibleButton(label.c_str(), size);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    if (t.state == Thumbnail::State::ready) {
        // A right-to-left screen is mirrored as a whole after drawing: mirror the picture first.
        const bool flip = Mirrored();
        dl->AddImageRounded(t.texture, pos, max, ImVec2(flip ? 1.0f : 0.0f, 0), ImVec2(flip ? 0.0f : 1.0f, 1), IM_COL32_WHITE, 8.0f);
    } else {
        dl->AddRectFilled(pos, max, color::kMutedSoft, 8.0f);
        DrawSpinner(dl, ImVec2(pos.x + size.x * 0.5f, pos.y + size.y * 0.5f), 8, 2, color::kTextMuted);
        RequestAnimation();
    }
    dl->AddRect(pos, max, hovered ? color::kAccent : color::kBorder, 8.0f, 0, hovered ? 2.0f : 1.0f);
    if (hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        // TRANSLATORS: tooltip of a picture in a conversation; {0} is its name, {1} its type and size.
        ImGui::SetTooltip("%s", Format(tr("{0} ({1}). Click to open it full size."), {a.name, a.detail}).c_str());
    }
    if (pressed) actions.OpenAttachment(a.id, true);
    return true;
}

}  // namespace

void SetThumbnailSource(ThumbnailSource source) { g_thumbnails = source; }

void DrawAttachments(const std::vector<client::AttachmentViewModel>& files, float width, client::Actions& actions) {
    if (files.empty()) return;
    A11yGroup list("list", tr("Attachments"), "attachments");
    const float x0 = ImGui::GetCursorScreenPos().x;
    bool row_open = false;  // a line of thumbnails is being laid out
    for (const client::AttachmentViewModel& a : files) {
        ImGui::PushID(a.hook_id.c_str());
        if (a.image) {
            if (row_open) {
                ImGui::SameLine(0, 10);
                if (ImGui::GetCursorScreenPos().x + kThumbBox > x0 + width) ImGui::NewLine();
            }
            ImGui::BeginGroup();
            const bool shown = Thumb(a, actions);
            if (!shown) FileRow(a, width, actions);
            ImGui::EndGroup();
            row_open = shown;
            if (!shown) VSpace(2);
        } else {
            if (row_open) VSpace(2);
            row_open = false;
            FileRow(a, width, actions);
            VSpace(2);
        }
        ImGui::PopID();
    }
    if (row_open) VSpace(4);
}

bool AttachButton(const client::ComposerFilesViewModel& vm, client::Actions& actions, bool enabled) {
    const bool clicked = Button(L("Attach files", "attach_files").c_str(), ButtonKind::secondary, ImVec2(0, 40), enabled && vm.can_add);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", vm.hint.c_str());
    hooks::DescribeLastItem(vm.hint);
    if (clicked) actions.PickFiles(vm.target);
    return clicked;
}

void DrawComposerFiles(const client::ComposerFilesViewModel& vm, float width, client::Actions& actions, bool enabled) {
    const Fonts& f = GetFonts();
    AttachButton(vm, actions, enabled);
    const float after_button = ImGui::GetItemRectMax().x;
    const float hint_w = MeasureText(f.small, vm.hint).x;
    if (after_button + 12 + hint_w <= ImGui::GetCursorScreenPos().x + width) {
        ImGui::SameLine(0, 12);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 12);
        Label(f.small, color::kTextMuted, vm.hint);
    } else {
        Paragraph(f.small, color::kTextMuted, vm.hint, width);
    }
    DrawFileChips(vm, width, actions);
}

void DrawFileChips(const client::ComposerFilesViewModel& vm, float width, client::Actions& actions) {
    const Fonts& f = GetFonts();
    const client::FileTarget target = vm.target;
    if (vm.chips.empty()) return;
    VSpace(4);
    A11yGroup list("list", tr("Files to send"), "file_chips");
    const float x0 = ImGui::GetCursorScreenPos().x;
    const float chip_w = std::min(kChipW, width);
    for (std::size_t i = 0; i < vm.chips.size(); ++i) {
        const client::FileChipViewModel& c = vm.chips[i];
        const std::string n = std::to_string(i);
        ImGui::PushID(c.hook_id.c_str());
        if (i > 0) {
            ImGui::SameLine(0, 8);
            if (ImGui::GetCursorScreenPos().x + chip_w > x0 + width + 0.5f) ImGui::NewLine();
        }
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const ImVec2 max(pos.x + chip_w, pos.y + kChipH);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(pos, max, c.failed ? color::kDangerSoft : color::kSurface, 8.0f);
        dl->AddRect(pos, max, c.failed ? color::kDanger : color::kBorder, 8.0f);
        DrawFileIcon(dl, ImVec2(pos.x + 8, pos.y + 9), c.name, c.failed ? color::kDanger : color::kAccent);
        const float text_x = pos.x + 46;
        const float text_w = chip_w - 46 - 34;
        DrawTextClipped(dl, f.small_semibold, ImVec2(text_x, pos.y + 8), color::kText, c.name, text_w);
        float detail_w = text_w;
        if (c.can_retry) {
            // TRANSLATORS: send a file again after its upload failed.
            const std::string retry = tr("Retry");
            detail_w -= MeasureText(f.small_semibold, retry).x + 8;
            ImGui::SetCursorScreenPos(ImVec2(text_x + detail_w + 8, pos.y + 28));
            if (LinkButton((retry + "###file_retry_" + n).c_str(), f.small_semibold)) actions.RetryFile(target, c.file);
        }
        DrawTextClipped(dl, f.small, ImVec2(text_x, pos.y + 29), c.failed ? color::kDanger : color::kTextMuted, c.detail, detail_w);
        if (c.uploading) {
            const float bar_w = chip_w - 16;
            dl->AddRectFilled(ImVec2(pos.x + 8, max.y - 7), ImVec2(pos.x + 8 + bar_w, max.y - 4), color::kMutedSoft, 2.0f);
            dl->AddRectFilled(ImVec2(pos.x + 8, max.y - 7), ImVec2(pos.x + 8 + bar_w * c.progress, max.y - 4), color::kAccent, 2.0f);
            RequestAnimation();
        }
        // ×: cancels an upload on its way, or takes the file off the message.
        ImGui::SetCursorScreenPos(ImVec2(max.x - 32, pos.y + (kChipH - 28) * 0.5f));
        // TRANSLATORS: the × on a file about to be sent; {0} is the file's name.
        const std::string remove = Format(c.uploading ? tr("Cancel uploading {0}") : tr("Remove {0}"), {c.name}) + "###file_remove_" + n;
        const ImVec2 xpos = ImGui::GetCursorScreenPos();
        if (ImGui::InvisibleButton(remove.c_str(), ImVec2(28, 28))) actions.RemoveFile(target, c.file);
        const bool xhover = ImGui::IsItemHovered();
        if (xhover) {
            dl->AddRectFilled(xpos, ImVec2(xpos.x + 28, xpos.y + 28), color::kMutedSoft, 6.0f);
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        }
        const ImVec2 cx(xpos.x + 14, xpos.y + 14);
        const ImU32 xc = xhover ? color::kText : color::kTextMuted;
        dl->AddLine(ImVec2(cx.x - 5, cx.y - 5), ImVec2(cx.x + 5, cx.y + 5), xc, 1.6f);
        dl->AddLine(ImVec2(cx.x + 5, cx.y - 5), ImVec2(cx.x - 5, cx.y + 5), xc, 1.6f);
        ImGui::SetCursorScreenPos(pos);
        ImGui::Dummy(ImVec2(chip_w, kChipH));
        // The chip is one item for the mirror and the tests: its name and state.
        hooks::RecordItem(c.name + " — " + c.detail, c.hook_id, pos.x, pos.y, max.x, max.y);
        ImGui::PopID();
    }
}

void DrawDropOverlay(client::FileTarget target) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const ImVec2 min(vp->Pos.x + 12, vp->Pos.y + 12), max(vp->Pos.x + vp->Size.x - 12, vp->Pos.y + vp->Size.y - 12);
    dl->AddRectFilled(vp->Pos, ImVec2(vp->Pos.x + vp->Size.x, vp->Pos.y + vp->Size.y), color::Shadow(90));
    dl->AddRectFilled(min, max, target.kind == client::FileTarget::Kind::none ? color::kMutedSoft : color::kAccentSoft, 16.0f);
    dl->AddRect(min, max, color::kAccent, 16.0f, 0, 3.0f);
    const Fonts& f = GetFonts();
    const char* text = target.kind == client::FileTarget::Kind::reply  ? tr("Drop the files to attach them to your reply")
                       : target.kind == client::FileTarget::Kind::form ? tr("Drop the files to attach them to this request")
                                                                       : tr("Open one of your requests or a request form to attach files");
    const float wrap = std::max(200.0f, max.x - min.x - 48);
    const ImVec2 size = MeasureText(f.h2, text, wrap);
    DrawTextAt(dl, f.h2, ImVec2((min.x + max.x - size.x) * 0.5f, (min.y + max.y - size.y) * 0.5f), color::kText, text, wrap);
}

}  // namespace spoc::ui
