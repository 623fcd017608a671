// Attachments on screen: the files of a composer (an "Attach files" button, chips with progress,
// ×, Retry), stored files in a conversation (thumbnails for pictures, rows for other files) and the
// overlay shown while files are dragged over the page. Thumbnails come from a source the platform
// installs (the browser decodes the picture into a GL texture); without one, pictures show as rows.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "client/app/actions.h"
#include "client/app/view_models.h"
#include "imgui.h"

namespace spoc::ui {

struct Thumbnail {
    enum class State { loading, ready, failed };
    State state = State::failed;
    ImTextureID texture = nullptr;
    int width = 0, height = 0;     // pixels of the texture
};
// `path` is the picture's same-origin URL; it is scaled to fit max_px x max_px pixels.
using ThumbnailSource = Thumbnail (*)(std::int64_t id, const std::string& path, int max_px);
void SetThumbnailSource(ThumbnailSource source);

// The "Attach files" button (its hint as tooltip and description), the hint beside or under it,
// then the chips: a new request's form. A reply box puts AttachButton beside Send and the chips
// above it (DrawFileChips draws nothing without files).
void DrawComposerFiles(const client::ComposerFilesViewModel& vm, float width, client::Actions& actions, bool enabled = true);
bool AttachButton(const client::ComposerFilesViewModel& vm, client::Actions& actions, bool enabled = true);
void DrawFileChips(const client::ComposerFilesViewModel& vm, float width, client::Actions& actions);
void DrawAttachments(const std::vector<client::AttachmentViewModel>& files, float width, client::Actions& actions);
// Over the whole window while files are dragged over it: where they will go, or how to get there.
void DrawDropOverlay(client::FileTarget target);

}  // namespace spoc::ui
