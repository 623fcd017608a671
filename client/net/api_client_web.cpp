// ApiClient over the browser's fetch(): same origin, session cookie included, never cached (except
// requests marked `revalidate`, which the browser revalidates with their ETag: a 304 costs no body).
// JavaScript reports each completion into a queue; Poll() drains it on the main loop, so
// callbacks never run in the middle of a frame. A rejected fetch is reported as status 0.
#include "client/net/api_client.h"

#include <emscripten/emscripten.h>

#include <cstdint>
#include <cstdlib>
#include <deque>
#include <map>
#include <string>

#include "shared/domain/i18n.h"

namespace {

struct Completion {
    int id = 0;
    int status = 0;
    std::string body;
};

std::deque<Completion>& Arrived() {
    static std::deque<Completion> queue;
    return queue;
}

struct StreamEvent {
    int stream = 0;  // which OpenEvents call it belongs to (older streams' leftovers are dropped)
    std::string type;
    std::string data;
};

std::deque<StreamEvent>& ArrivedEvents() {
    static std::deque<StreamEvent> queue;
    return queue;
}

struct FileProgress {
    int file = 0;
    double sent = 0, total = 0;
    bool done = false;
    int status = 0;
    std::string body;
};

std::deque<FileProgress>& ArrivedFileProgress() {
    static std::deque<FileProgress> queue;
    return queue;
}

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void spoc_net_file_progress(int file, double sent, double total) {
    ArrivedFileProgress().push_back(FileProgress{file, sent, total, false, 0, {}});
}

extern "C" EMSCRIPTEN_KEEPALIVE void spoc_net_file_done(int file, int status, const char* body) {
    ArrivedFileProgress().push_back(FileProgress{file, 0, 0, true, status, body ? std::string(body) : std::string()});
}

// A chosen file's bytes (Module.spocFiles, kept by files_web.cpp) go up with XMLHttpRequest: fetch()
// can't report upload progress. abort() ends in onabort, reported as status 0 like a network error.
EM_JS(void, spoc_net_send_file, (int file, const char* path, const char* headers_json), {
    var files = Module.spocFiles;
    var entry = files && files.map[file];
    var done = function(status, text) {
        var len = lengthBytesUTF8(text) + 1;
        var ptr = _malloc(len);
        stringToUTF8(text, ptr, len);
        _spoc_net_file_done(file, status, ptr);
        _free(ptr);
        if (entry) entry.xhr = null;
        if (Module.spocWake) Module.spocWake();
    };
    if (!entry) { setTimeout(function() { done(0, ""); }, 0); return; }
    var xhr = new XMLHttpRequest();
    entry.xhr = xhr;
    xhr.open("POST", UTF8ToString(path), true);
    xhr.withCredentials = true;
    var headers = JSON.parse(UTF8ToString(headers_json));
    Object.keys(headers).forEach(function(name) { xhr.setRequestHeader(name, headers[name]); });
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    var last = 0;
    xhr.upload.onprogress = function(ev) {
        var now = Date.now();
        if (now - last < 50 && ev.loaded < ev.total) return;  // a frame's worth is enough
        last = now;
        _spoc_net_file_progress(file, ev.loaded, ev.lengthComputable ? ev.total : entry.file.size);
        if (Module.spocWake) Module.spocWake();
    };
    xhr.onload = function() { done(xhr.status, xhr.responseText || ""); };
    xhr.onerror = function() { done(0, ""); };
    xhr.onabort = function() { done(0, ""); };
    xhr.send(entry.file);
});

EM_JS(void, spoc_net_abort_file, (int file), {
    var entry = Module.spocFiles && Module.spocFiles.map[file];
    if (entry && entry.xhr) entry.xhr.abort();
});

extern "C" EMSCRIPTEN_KEEPALIVE void spoc_net_complete(int id, int status, const char* body) {
    Arrived().push_back(Completion{id, status, body ? std::string(body) : std::string()});
}

extern "C" EMSCRIPTEN_KEEPALIVE void spoc_net_event(int stream, const char* type, const char* data) {
    ArrivedEvents().push_back(StreamEvent{stream, type ? type : "", data ? data : ""});
}

// EventSource reconnects by itself after a network error (sending Last-Event-ID); after an HTTP
// error (401, 429, 503) it gives up, so this reopens it a few seconds later, resuming from the
// last id it saw via ?last_event_id= (a fresh EventSource can't set the header).
EM_JS(void, spoc_net_events_open, (int stream, const char* path), {
    var url = UTF8ToString(path);
    var state = { stream: stream, source: null, last: "", timer: 0, closed: false };
    Module.spocEvents = state;
    var emit = function(type, data) {
        if (state.closed) return;
        var copy = function(text) {
            var len = lengthBytesUTF8(text) + 1;
            var ptr = _malloc(len);
            stringToUTF8(text, ptr, len);
            return ptr;
        };
        var t = copy(type);
        var d = copy(data);
        _spoc_net_event(stream, t, d);
        _free(t);
        _free(d);
        if (Module.spocWake) Module.spocWake();
    };
    var open = function() {
        if (state.closed) return;
        var full = url + (state.last ? (url.indexOf("?") < 0 ? "?" : "&") + "last_event_id=" + encodeURIComponent(state.last) : "");
        var source = new EventSource(full, { withCredentials: true });
        state.source = source;
        var types = ["ready", "request", "presence", "resync", "signed_out", "notification", "walkup", "unpaired"];
        types.forEach(function(type) {
            source.addEventListener(type, function(ev) {
                if (ev.lastEventId) state.last = ev.lastEventId;
                emit(type, typeof ev.data === "string" ? ev.data : "");
            });
        });
        source.onerror = function() {
            emit("closed", "");
            if (source.readyState === 2 && !state.closed) {  // CLOSED: the browser will not retry
                state.timer = setTimeout(open, 5000);
            }
        };
    };
    open();
});

EM_JS(void, spoc_net_events_close, (), {
    var state = Module.spocEvents;
    if (!state) return;
    state.closed = true;
    if (state.timer) clearTimeout(state.timer);
    if (state.source) state.source.close();
    Module.spocEvents = null;
});

// headers_json is a JSON object {"Name":"value"}; body may be empty.
EM_JS(void, spoc_net_fetch, (int id, const char* method, const char* path, const char* headers_json, const char* body,
                             int revalidate), {
    var init = {
        method: UTF8ToString(method),
        credentials: 'same-origin',
        cache: revalidate ? 'no-cache' : 'no-store',
        headers: JSON.parse(UTF8ToString(headers_json))
    };
    var text = UTF8ToString(body);
    if (text.length > 0) init.body = text;
    var deliver = function(status, responseText) {
        var len = lengthBytesUTF8(responseText) + 1;
        var ptr = _malloc(len);
        stringToUTF8(responseText, ptr, len);
        _spoc_net_complete(id, status, ptr);
        _free(ptr);
        if (Module.spocWake) Module.spocWake();
    };
    fetch(UTF8ToString(path), init)
        .then(function(response) {
            return response.text().then(function(t) { deliver(response.status, t); },
                                        function() { deliver(0, ""); });
        })
        .catch(function() { deliver(0, ""); });
});

namespace spoc::net {
namespace {

std::string JsonEscape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '"' || c == '\\') out.push_back('\\');
        if (static_cast<unsigned char>(c) < 0x20) continue;  // header values never carry controls
        out.push_back(c);
    }
    return out;
}

std::string HeadersJson(HttpRequest& request) {
    // Server texts (errors, the catalog) come back in the language on screen.
    request.headers.emplace_back("Accept-Language", std::string(i18n::LangCode(i18n::CurrentLang())));
    std::string headers = "{";
    for (size_t i = 0; i < request.headers.size(); ++i) {
        if (i) headers += ",";
        headers += "\"" + JsonEscape(request.headers[i].first) + "\":\"" + JsonEscape(request.headers[i].second) + "\"";
    }
    return headers + "}";
}

class FetchApiClient final : public ApiClient {
public:
    void Send(HttpRequest request, HttpCallback done) override {
        const int id = m_next_id++;
        m_pending[id] = std::move(done);
        const std::string headers = HeadersJson(request);
        spoc_net_fetch(id, request.method.c_str(), request.path.c_str(), headers.c_str(), request.body.c_str(),
                       request.revalidate ? 1 : 0);
    }

    void SendFile(int file, HttpRequest request, ProgressCallback progress, HttpCallback done) override {
        m_files[file] = FileTransfer{std::move(progress), std::move(done)};
        const std::string headers = HeadersJson(request);
        spoc_net_send_file(file, request.path.c_str(), headers.c_str());
    }

    void AbortFile(int file) override { spoc_net_abort_file(file); }

    void Poll() override {
        auto& files = ArrivedFileProgress();
        while (!files.empty()) {
            FileProgress p = std::move(files.front());
            files.pop_front();
            auto it = m_files.find(p.file);
            if (it == m_files.end()) continue;
            if (!p.done) {
                if (it->second.progress)
                    it->second.progress(static_cast<std::int64_t>(p.sent), static_cast<std::int64_t>(p.total));
                continue;
            }
            HttpCallback done = std::move(it->second.done);
            m_files.erase(it);
            if (done) done(p.status, p.body);
        }
        auto& arrived = Arrived();
        while (!arrived.empty()) {
            Completion c = std::move(arrived.front());
            arrived.pop_front();
            auto it = m_pending.find(c.id);
            if (it == m_pending.end()) continue;
            HttpCallback done = std::move(it->second);
            m_pending.erase(it);
            if (done) done(c.status, c.body);
        }
        auto& events = ArrivedEvents();
        while (!events.empty()) {
            StreamEvent e = std::move(events.front());
            events.pop_front();
            if (e.stream == m_stream && m_on_event) m_on_event(e.type, e.data);
        }
    }

    void OpenEvents(std::string path, EventCallback on_event) override {
        CloseEvents();
        m_stream++;
        m_on_event = std::move(on_event);
        spoc_net_events_open(m_stream, path.c_str());
    }

    void CloseEvents() override {
        if (!m_on_event) return;
        spoc_net_events_close();
        m_on_event = nullptr;
    }

    int InFlight() const override { return static_cast<int>(m_pending.size()); }

private:
    struct FileTransfer {
        ProgressCallback progress;
        HttpCallback done;
    };
    std::map<int, FileTransfer> m_files;  // by the page's file handle
    int m_next_id = 1;
    std::map<int, HttpCallback> m_pending;
    int m_stream = 0;  // id of the open event stream
    EventCallback m_on_event;
};

}  // namespace

std::unique_ptr<ApiClient> CreateFetchApiClient() { return std::make_unique<FetchApiClient>(); }

}  // namespace spoc::net
