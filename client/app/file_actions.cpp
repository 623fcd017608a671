// Attachments in the browser (issue 13): which composer takes a chosen, dropped or pasted file, the
// checks made before a byte is sent (the shared limits), the chips' cancel, and opening a stored
// file. The bytes stay in the page; Effects::Upload sends them (effects.cpp).
#include <string>
#include <utility>
#include <vector>

#include "client/app/actions.h"
#include "client/app/effects.h"
#include "shared/api/routes.h"
#include "shared/domain/i18n.h"

namespace spoc::client {

using i18n::Format;
using i18n::tr;

namespace {

// The target's chips. A form's files are part of what a Retry would replay: touching them starts a
// new submission (a new Idempotency-Key), like editing a field.
std::vector<UploadChip>* ChipsOf(AppState& state, const FileTarget& target) {
    switch (target.kind) {
        case FileTarget::Kind::reply: return &state.replies[target.id].files;
        case FileTarget::Kind::form: {
            FormDraftState& d = state.drafts[target.id];
            d.idempotency_key.clear();
            return &d.files;
        }
        case FileTarget::Kind::none: break;
    }
    return nullptr;
}

}  // namespace

FileTarget Actions::DropTarget() const {
    if (m_state.session != SessionPhase::signed_in || !m_state.me) return {};
    const Route& route = m_state.route;
    if (route.screen == Screen::request_detail) {
        auto it = m_state.details.find(route.request.value);
        if (it == m_state.details.end() || !it->second.has_data) return {};
        const Request& r = it->second.data;
        // The reply box is shown to staff and to the requester while the request isn't cancelled.
        const bool mine = r.requester_id == m_state.me->user.id;
        if (r.status == Status::cancelled || (!IsStaff(m_state.me->user.role) && !mine)) return {};
        return FileTarget{FileTarget::Kind::reply, route.request.value};
    }
    if (route.screen == Screen::catalog_item) {
        if (!LoadedItem(m_state, route.item)) return {};
        const FormDraftState* d = FindDraft(m_state, route.item);
        if (d && d->phase == SubmitPhase::succeeded) return {};
        return FileTarget{FileTarget::Kind::form, route.item.value};
    }
    return {};
}

void Actions::PickFiles(FileTarget target) {
    if (target.kind == FileTarget::Kind::none) return;
    m_state.pick_target = target;
    m_host.PickFiles();
}

void Actions::DraggingFiles(bool dragging) { m_state.dragging_files = dragging; }

void Actions::FilesArrived(std::vector<LocalFile> files, FileSource source) {
    m_state.dragging_files = false;
    const FileTarget target = source == FileSource::picker ? m_state.pick_target : DropTarget();
    std::vector<UploadChip>* chips = ChipsOf(m_state, target);
    if (!chips) {
        for (const LocalFile& f : files) m_host.ReleaseFile(f.file);
        if (!files.empty()) AddToast(&m_state, tr("To attach a file, open one of your requests or a request form first."), true);
        return;
    }
    std::size_t kept = 0;
    std::int64_t total = 0;
    for (const UploadChip& c : *chips) {
        if (c.phase == UploadPhase::failed) continue;
        kept++;
        total += c.size;
    }
    bool refused_count = false;
    for (LocalFile& f : files) {
        if (kept >= attachment::kMaxPerMessage) {
            m_host.ReleaseFile(f.file);
            refused_count = true;
            continue;
        }
        UploadChip chip;
        chip.file = f.file;
        chip.name = std::move(f.name);
        chip.size = f.size;
        auto refuse = [&](std::string message) {
            chip.phase = UploadPhase::failed;
            chip.error = MakeError(ErrorCode::validation_failed, std::move(message), "attachments");
            m_host.ReleaseFile(chip.file);
        };
        if (chip.size <= 0) {
            refuse(tr("This file is empty."));
        } else if (chip.size > attachment::kDefaultMaxFileBytes) {
            // TRANSLATORS: {0} is the largest file size allowed, e.g. "25 MB".
            refuse(Format(tr("Larger than {0}, the most a file may be."), {FormatFileSize(attachment::kDefaultMaxFileBytes)}));
        } else if (total + chip.size > attachment::kDefaultMaxRequestBytes) {
            refuse(Format(tr("Together the files would pass {0}."), {FormatFileSize(attachment::kDefaultMaxRequestBytes)}));
        } else {
            kept++;
            total += chip.size;
        }
        const bool upload = chip.phase == UploadPhase::uploading;
        const int handle = chip.file;
        chips->push_back(std::move(chip));
        if (upload) m_effects.Upload(target, handle);
    }
    if (refused_count)
        // TRANSLATORS: {0} is the number of files one message may carry (10).
        AddToast(&m_state, Format(tr("A message can carry at most {0} files."), {std::to_string(attachment::kMaxPerMessage)}), true);
}

void Actions::RemoveFile(FileTarget target, int file) {
    std::vector<UploadChip>* chips = ChipsOf(m_state, target);
    if (!chips) return;
    for (auto it = chips->begin(); it != chips->end(); ++it) {
        if (it->file != file) continue;
        if (it->phase == UploadPhase::uploading) m_effects.AbortUpload(file);  // its completion finds no chip and releases
        else if (it->held) m_host.ReleaseFile(file);
        chips->erase(it);
        return;
    }
}

void Actions::RetryFile(FileTarget target, int file) {
    std::vector<UploadChip>* chips = ChipsOf(m_state, target);
    if (!chips) return;
    for (UploadChip& c : *chips) {
        if (c.file != file || c.phase != UploadPhase::failed || !c.held) continue;
        c.phase = UploadPhase::uploading;
        c.held = false;
        c.error.reset();
        c.sent = 0;
        m_effects.Upload(target, file);
        return;
    }
}

void Actions::OpenAttachment(std::int64_t id, bool image) {
    const std::string path = std::string(routes::kAttachments) + "/" + std::to_string(id);
    if (image) m_host.OpenFile(path + "?inline=1", /*save=*/false);
    else m_host.OpenFile(path, /*save=*/true);
}

}  // namespace spoc::client
