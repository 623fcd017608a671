// View-models of attachments: stored files (thumbnails and rows in a conversation) and the chips of
// files being attached to a reply or a new request (progress, cancel, why one was refused).
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "client/app/effects.h"
#include "client/app/view_models.h"
#include "shared/api/routes.h"
#include "shared/domain/i18n.h"

namespace spoc::client {

using i18n::Format;
using i18n::tr;

std::vector<AttachmentViewModel> BuildAttachments(const std::vector<attachment::Attachment>& files) {
    std::vector<AttachmentViewModel> out;
    out.reserve(files.size());
    for (const attachment::Attachment& a : files) {
        AttachmentViewModel vm;
        vm.id = a.id;
        vm.name = a.name;
        vm.detail = FileKindLabel(a.mime, a.name) + " · " + FormatFileSize(a.size);
        vm.image = a.image;
        vm.inline_path = std::string(routes::kAttachments) + "/" + std::to_string(a.id) + "?inline=1";
        vm.hook_id = "attachment_" + std::to_string(a.id);
        out.push_back(std::move(vm));
    }
    return out;
}

ComposerFilesViewModel BuildComposerFiles(const std::vector<UploadChip>& files, FileTarget target) {
    ComposerFilesViewModel vm;
    vm.target = target;
    std::size_t counted = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const UploadChip& f = files[i];
        FileChipViewModel chip;
        chip.file = f.file;
        chip.name = f.name;
        chip.hook_id = "file_chip_" + std::to_string(i);
        switch (f.phase) {
            case UploadPhase::uploading: {
                chip.uploading = true;
                vm.busy = true;
                chip.progress = f.size > 0 ? std::clamp(static_cast<float>(f.sent) / static_cast<float>(f.size), 0.0f, 1.0f) : 0.0f;
                // TRANSLATORS: a file on its way to the server; {0} is the percentage sent so far ("45").
                chip.detail = Format(tr("Uploading… {0}%"), {i18n::FormatDecimal(std::floor(chip.progress * 100.0f), 0)});
                counted++;
                break;
            }
            case UploadPhase::done:
                chip.detail = FormatFileSize(f.size);
                counted++;
                break;
            case UploadPhase::failed:
                chip.failed = true;
                chip.can_retry = f.held;
                chip.detail = !f.error                             ? std::string(tr("Not uploaded."))
                              : f.error->code == ErrorCode::network ? std::string(tr("Not uploaded: Spoc couldn't be reached."))
                                                                    : f.error->message;
                break;
        }
        vm.chips.push_back(std::move(chip));
    }
    vm.can_add = counted < attachment::kMaxPerMessage;
    // TRANSLATORS: under the "Attach files" button; {0} is the count (10), {1} the size (25 MB).
    vm.hint = Format(tr("Up to {0} files, {1} each. You can also drop files here or paste a screenshot."),
                     {std::to_string(attachment::kMaxPerMessage), FormatFileSize(attachment::kDefaultMaxFileBytes)});
    return vm;
}

}  // namespace spoc::client
