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

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void spoc_net_complete(int id, int status, const char* body) {
    Arrived().push_back(Completion{id, status, body ? std::string(body) : std::string()});
}

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

class FetchApiClient final : public ApiClient {
public:
    void Send(HttpRequest request, HttpCallback done) override {
        const int id = m_next_id++;
        m_pending[id] = std::move(done);
        std::string headers = "{";
        for (size_t i = 0; i < request.headers.size(); ++i) {
            if (i) headers += ",";
            headers += "\"" + JsonEscape(request.headers[i].first) + "\":\"" + JsonEscape(request.headers[i].second) + "\"";
        }
        headers += "}";
        spoc_net_fetch(id, request.method.c_str(), request.path.c_str(), headers.c_str(), request.body.c_str(),
                       request.revalidate ? 1 : 0);
    }

    void Poll() override {
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
    }

    int InFlight() const override { return static_cast<int>(m_pending.size()); }

private:
    int m_next_id = 1;
    std::map<int, HttpCallback> m_pending;
};

}  // namespace

std::unique_ptr<ApiClient> CreateFetchApiClient() { return std::make_unique<FetchApiClient>(); }

}  // namespace spoc::net
