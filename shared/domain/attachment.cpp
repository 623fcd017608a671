// Attachments: the type allowlist by magic bytes, clean file names, and the id list a message links.
#include "shared/domain/attachment.h"

#include <algorithm>
#include <set>

#include "shared/domain/i18n.h"
#include "shared/domain/text.h"

namespace spoc::attachment {

using i18n::tr;

namespace {

constexpr FileType kPng{"image/png", "png", true};
constexpr FileType kJpeg{"image/jpeg", "jpg", true};
constexpr FileType kGif{"image/gif", "gif", true};
constexpr FileType kWebp{"image/webp", "webp", true};
constexpr FileType kPdf{"application/pdf", "pdf", false};
constexpr FileType kZip{"application/zip", "zip", false};
constexpr FileType kDocx{"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", false};
constexpr FileType kXlsx{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", false};
constexpr FileType kPptx{"application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx", false};
constexpr FileType kOle{"application/x-ole-storage", "doc", false};  // .doc, .xls, .ppt, .msg
constexpr FileType kOleXls{"application/vnd.ms-excel", "xls", false};
constexpr FileType kOleMsg{"application/vnd.ms-outlook", "msg", false};
constexpr FileType kText{"text/plain", "txt", false};

bool Starts(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string Extension(std::string_view name) {
    const size_t dot = name.rfind('.');
    if (dot == std::string_view::npos || dot + 1 >= name.size()) return {};
    return ToLowerAscii(name.substr(dot + 1));
}

// Plain text: valid UTF-8 (a sequence cut at the end of the sniffed bytes is fine), no NUL, and no
// C0 controls but tab, CR, LF, FF and ESC (coloured logs).
bool LooksLikeText(std::string_view head, bool complete) {
    if (head.empty()) return true;
    size_t i = 0;
    while (i < head.size()) {
        const unsigned char c = static_cast<unsigned char>(head[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) return false;
        if (c == 0x7F) return false;
        if (c < 0x80) {
            ++i;
            continue;
        }
        const size_t start = i;
        const std::uint32_t cp = NextCodePoint(head, i);
        if (cp == kInvalidUtf8) {
            // A multi-byte sequence cut by the sniff window is not an error.
            const size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            return !complete && start + need > head.size();
        }
    }
    return true;
}

}  // namespace

const FileType* DetectType(std::string_view head, std::string_view name) {
    const std::string ext = Extension(name);
    if (Starts(head, "\x89PNG\r\n\x1a\n")) return &kPng;
    if (Starts(head, "\xFF\xD8\xFF")) return &kJpeg;
    if (Starts(head, "GIF87a") || Starts(head, "GIF89a")) return &kGif;
    if (head.size() >= 12 && Starts(head, "RIFF") && head.substr(8, 4) == "WEBP") return &kWebp;
    if (Starts(head, "%PDF-")) return &kPdf;
    if (Starts(head, std::string_view("PK\x03\x04", 4)) || Starts(head, std::string_view("PK\x05\x06", 4))) {
        if (ext == "docx") return &kDocx;
        if (ext == "xlsx") return &kXlsx;
        if (ext == "pptx") return &kPptx;
        return &kZip;
    }
    if (Starts(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
        if (ext == "xls") return &kOleXls;
        if (ext == "msg") return &kOleMsg;
        return &kOle;
    }
    // Executables and the like never pass as text: "MZ" (Windows), ELF, Mach-O have NULs or
    // controls in their first bytes; a "#!" script is text, and is served as text/plain attachment.
    if (LooksLikeText(head, head.size() < kSniffBytes)) return &kText;
    return nullptr;
}

std::string CleanFileName(std::string_view name) {
    // The last segment of a path, either separator (a Windows browser may send "C:\\...\\a.png").
    const size_t slash = name.find_last_of("/\\");
    if (slash != std::string_view::npos) name = name.substr(slash + 1);
    std::string out;
    size_t i = 0;
    while (i < name.size()) {
        const std::uint32_t cp = NextCodePoint(name, i);
        if (cp == kInvalidUtf8) {
            AppendUtf8(out, 0xFFFD);
            continue;
        }
        if (IsForbiddenChar(cp, false) || cp == '\t' || cp == 0x200E || cp == 0x200F || cp == 0x061C) continue;
        if (cp == ':' || cp == '*' || cp == '?' || cp == '"' || cp == '<' || cp == '>' || cp == '|') {
            out += '_';
            continue;
        }
        AppendUtf8(out, cp);
    }
    // No hidden or relative names ("..", ".htaccess"), nothing Windows drops at the end.
    size_t first = out.find_first_not_of(". ");
    out = first == std::string::npos ? std::string() : out.substr(first);
    while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
    if (out.size() > kMaxNameBytes) {
        // Keep the extension; cut the stem on a code point boundary.
        std::string ext = Extension(out);
        if (ext.size() > 16) ext.clear();
        const size_t keep = kMaxNameBytes - (ext.empty() ? 0 : ext.size() + 1);
        size_t cut = 0, j = 0;
        while (j < out.size()) {
            size_t next = j;
            NextCodePoint(out, next);
            if (next > keep) break;
            cut = j = next;
        }
        out = out.substr(0, cut) + (ext.empty() ? "" : "." + ext);
    }
    return out.empty() ? std::string("file") : out;
}

std::string NameForType(const std::string& clean, const FileType& type) {
    const std::string ext = Extension(clean);
    const bool fits = ext == type.extension || (type.mime == kJpeg.mime && (ext == "jpeg" || ext == "jpe")) ||
                      (type.mime == kOle.mime && (ext == "xls" || ext == "ppt" || ext == "msg")) ||
                      (type.mime == kText.mime && (ext == "log" || ext == "csv" || ext == "md" || ext == "json" ||
                                                   ext == "xml" || ext == "yaml" || ext == "yml" || ext == "ini" ||
                                                   ext == "conf" || ext == "cfg" || ext == "eml"));
    if (fits) return clean;
    std::string named = clean + "." + std::string(type.extension);
    if (named.size() > kMaxNameBytes) named = CleanFileName(named);
    return named;
}

std::vector<FieldError> ValidateIds(const std::vector<std::int64_t>& ids) {
    if (ids.size() > kMaxPerMessage)
        // TRANSLATORS: {0} is how many files one message may carry.
        return {{"attachments", i18n::Format(tr("Attach at most {0} files to one message."), {std::to_string(kMaxPerMessage)})}};
    std::set<std::int64_t> seen;
    for (std::int64_t id : ids)
        if (id <= 0 || !seen.insert(id).second) return {{"attachments", tr("The list of attached files is not valid.")}};
    return {};
}

}  // namespace spoc::attachment
