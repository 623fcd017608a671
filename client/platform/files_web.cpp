// Files in the browser (issue 13): the file dialog, files dropped on the page and pictures pasted
// from the clipboard are kept in Module.spocFiles by handle (the upload in api_client_web.cpp sends
// them from there) and reported to the app; the thumbnails of stored pictures are decoded by the
// browser (createImageBitmap), scaled on a 2D canvas and uploaded as GL textures for ImGui.
#include <emscripten/emscripten.h>
#include <GLES3/gl3.h>

#include <cstdint>
#include <cstring>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "client/platform/platform.h"
#include "client/ui/attachments_view.h"

namespace {

struct Arrivals {
    std::vector<spoc::platform::PickedFile> building;   // the batch being reported
    std::deque<spoc::platform::FileBatch> ready;
    int dragging = -1;                                   // -1: unchanged since the last take
};

Arrivals& A() {
    static Arrivals a;
    return a;
}

// ---- Thumbnails ---------------------------------------------------------------------------------
struct Thumb {
    spoc::ui::Thumbnail::State state = spoc::ui::Thumbnail::State::loading;
    GLuint texture = 0;
    int width = 0, height = 0, max_px = 0;
    std::vector<unsigned char> pixels;  // decoded, waiting for the next frame to become a texture
    std::uint64_t used = 0;             // the last lookup (for eviction)
};

std::map<std::int64_t, Thumb>& Thumbs() {
    static std::map<std::int64_t, Thumb> thumbs;
    return thumbs;
}
std::uint64_t g_lookups = 0;
constexpr std::size_t kMaxThumbs = 96;  // textures kept; the least recently drawn goes first

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void spoc_files_add(int handle, const char* name, double size, const char* type) {
    A().building.push_back(spoc::platform::PickedFile{handle, name ? name : "", static_cast<std::int64_t>(size), type ? type : ""});
}

EMSCRIPTEN_KEEPALIVE void spoc_files_end(int source) {
    Arrivals& a = A();
    a.ready.push_back(spoc::platform::FileBatch{source, std::move(a.building)});
    a.building.clear();
    spoc::platform::Wake();
}

EMSCRIPTEN_KEEPALIVE void spoc_files_dragging(int on) {
    A().dragging = on;
    spoc::platform::Wake();
}

EMSCRIPTEN_KEEPALIVE void spoc_thumb_ready(double id, int width, int height, const unsigned char* rgba) {
    auto it = Thumbs().find(static_cast<std::int64_t>(id));
    if (it == Thumbs().end()) return;
    Thumb& t = it->second;
    if (width <= 0 || height <= 0 || rgba == nullptr) {
        t.state = spoc::ui::Thumbnail::State::failed;
    } else {
        t.width = width;
        t.height = height;
        t.pixels.assign(rgba, rgba + static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    }
    spoc::platform::Wake();
}

}  // extern "C"

// Listeners: a drag with files over the page shows the app's drop overlay (the browser would
// otherwise open the file in place of the app); a drop, a paste that carries files and no text,
// and the file dialog each report their files as one batch (source 0 dialog, 1 drop, 2 paste).
EM_JS(void, spoc_js_files_install, (), {
    var files = Module.spocFiles = { next: 1, map: {}, input: null };
    var report = function(list, source) {
        if (!list || list.length === 0) return;
        for (var i = 0; i < list.length; i++) {
            var f = list[i];
            var h = files.next++;
            files.map[h] = { file: f, xhr: null };
            var name = f.name || "file";
            var nl = lengthBytesUTF8(name) + 1, np = _malloc(nl);
            stringToUTF8(name, np, nl);
            var type = f.type || "";
            var tl = lengthBytesUTF8(type) + 1, tp = _malloc(tl);
            stringToUTF8(type, tp, tl);
            _spoc_files_add(h, np, f.size, tp);
            _free(np);
            _free(tp);
        }
        _spoc_files_end(source);
    };
    var hasFiles = function(dt) {
        if (!dt || !dt.types) return false;
        for (var i = 0; i < dt.types.length; i++) if (dt.types[i] === "Files") return true;
        return false;
    };
    var depth = 0;
    window.addEventListener("dragenter", function(e) {
        if (!hasFiles(e.dataTransfer)) return;
        e.preventDefault();
        if (depth++ === 0) _spoc_files_dragging(1);
    });
    window.addEventListener("dragover", function(e) {
        if (!hasFiles(e.dataTransfer)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = "copy";
    });
    window.addEventListener("dragleave", function(e) {
        if (!hasFiles(e.dataTransfer)) return;
        if (--depth <= 0) { depth = 0; _spoc_files_dragging(0); }
    });
    window.addEventListener("drop", function(e) {
        if (!hasFiles(e.dataTransfer)) return;
        e.preventDefault();
        depth = 0;
        _spoc_files_dragging(0);
        report(e.dataTransfer.files, 1);
    });
    // Before the text paste handler (platform_web.cpp): a screenshot on the clipboard has files
    // and no text; a copy from an office program has both, and then the text is what is meant.
    window.addEventListener("paste", function(e) {
        var data = e.clipboardData;
        if (!data) return;
        var text = data.getData("text/plain");
        if (typeof text === "string" && text.length > 0) return;
        var list = [];
        if (data.files && data.files.length) {
            for (var i = 0; i < data.files.length; i++) list.push(data.files[i]);
        } else if (data.items) {
            for (var j = 0; j < data.items.length; j++) {
                if (data.items[j].kind !== "file") continue;
                var f = data.items[j].getAsFile();
                if (f) list.push(f);
            }
        }
        if (list.length === 0) return;
        e.preventDefault();
        e.stopImmediatePropagation();
        report(list, 2);
    }, true);
    files.pick = function() {
        if (!files.input) {
            var input = document.createElement("input");
            input.type = "file";
            input.multiple = true;
            input.style.display = "none";
            input.setAttribute("aria-hidden", "true");
            input.addEventListener("change", function() {
                var chosen = Array.prototype.slice.call(input.files || []);
                input.value = "";
                report(chosen, 0);
            });
            document.body.appendChild(input);
            files.input = input;
        }
        files.input.click();
    };
});

EM_JS(void, spoc_js_files_pick, (), {
    if (Module.spocFiles && Module.spocFiles.pick) Module.spocFiles.pick();
});

EM_JS(void, spoc_js_files_release, (int handle), {
    if (Module.spocFiles) delete Module.spocFiles.map[handle];
});

// A same-origin path: saved through a download link, or shown in a new tab (a picture).
EM_JS(void, spoc_js_open_file, (const char* path, int save), {
    var url = UTF8ToString(path);
    if (url.charAt(0) !== "/" || url.charAt(1) === "/") return;
    if (save) {
        var a = document.createElement("a");
        a.href = url;
        a.download = "";
        a.rel = "noopener";
        a.style.display = "none";
        document.body.appendChild(a);
        a.click();
        document.body.removeChild(a);
    } else {
        window.open(url, "_blank", "noopener,noreferrer");
    }
});

EM_JS(void, spoc_js_thumb_load, (double id, const char* path, int max_px), {
    var url = UTF8ToString(path);
    var fail = function() { _spoc_thumb_ready(id, 0, 0, 0); };
    if (typeof createImageBitmap !== "function") { fail(); return; }
    fetch(url, { credentials: "same-origin" })
        .then(function(r) { if (!r.ok) throw new Error(String(r.status)); return r.blob(); })
        .then(function(blob) { return createImageBitmap(blob); })
        .then(function(bitmap) {
            var scale = Math.min(1, max_px / Math.max(bitmap.width, bitmap.height));
            var w = Math.max(1, Math.round(bitmap.width * scale)), h = Math.max(1, Math.round(bitmap.height * scale));
            var canvas = document.createElement("canvas");
            canvas.width = w;
            canvas.height = h;
            var ctx = canvas.getContext("2d", { willReadFrequently: true });
            ctx.imageSmoothingQuality = "high";
            ctx.drawImage(bitmap, 0, 0, w, h);
            if (bitmap.close) bitmap.close();
            var data = ctx.getImageData(0, 0, w, h).data;
            var ptr = _malloc(data.length);
            HEAPU8.set(data, ptr);
            _spoc_thumb_ready(id, w, h, ptr);
            _free(ptr);
        })
        .catch(fail);
});

namespace spoc::platform {
namespace {

// The app's thumbnail source (client/ui/attachments_view.h): starts a decode the first time a
// picture is drawn, turns decoded pixels into a texture during a frame (the GL context is the
// frame's), and drops the least recently drawn textures past kMaxThumbs.
ui::Thumbnail ThumbnailFor(std::int64_t id, const std::string& path, int max_px) {
    auto& thumbs = Thumbs();
    auto it = thumbs.find(id);
    if (it == thumbs.end() || (it->second.state == ui::Thumbnail::State::ready && it->second.max_px < max_px)) {
        if (it != thumbs.end() && it->second.texture) glDeleteTextures(1, &it->second.texture);
        Thumb fresh;
        fresh.max_px = max_px;
        it = thumbs.insert_or_assign(id, std::move(fresh)).first;
        spoc_js_thumb_load(static_cast<double>(id), path.c_str(), max_px);
    }
    Thumb& t = it->second;
    t.used = ++g_lookups;
    if (!t.pixels.empty()) {
        glGenTextures(1, &t.texture);
        glBindTexture(GL_TEXTURE_2D, t.texture);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, t.width, t.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, t.pixels.data());
        t.pixels.clear();
        t.pixels.shrink_to_fit();
        t.state = ui::Thumbnail::State::ready;
        if (thumbs.size() > kMaxThumbs) {
            auto oldest = thumbs.end();
            for (auto i = thumbs.begin(); i != thumbs.end(); ++i)
                if (i->first != id && i->second.state != ui::Thumbnail::State::loading &&
                    (oldest == thumbs.end() || i->second.used < oldest->second.used))
                    oldest = i;
            if (oldest != thumbs.end()) {
                if (oldest->second.texture) glDeleteTextures(1, &oldest->second.texture);
                thumbs.erase(oldest);
            }
        }
    }
    ui::Thumbnail out;
    out.state = t.state;
    out.texture = reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(t.texture));
    out.width = t.width;
    out.height = t.height;
    return out;
}

}  // namespace

void InstallFiles() {
    spoc_js_files_install();
    ui::SetThumbnailSource(&ThumbnailFor);
}

void PickFiles() { spoc_js_files_pick(); }
void ReleaseFile(int handle) { spoc_js_files_release(handle); }
void OpenFile(const std::string& path, bool save) { spoc_js_open_file(path.c_str(), save ? 1 : 0); }

std::vector<FileBatch> TakeFiles() {
    std::vector<FileBatch> out(std::make_move_iterator(A().ready.begin()), std::make_move_iterator(A().ready.end()));
    A().ready.clear();
    return out;
}

int TakeDragging() {
    const int d = A().dragging;
    A().dragging = -1;
    return d;
}

}  // namespace spoc::platform
