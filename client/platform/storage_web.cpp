// The browser's localStorage behind platform.h's [Storage]: small strings that outlive a reload
// (the kiosk's device and its offline outbox). A browser that refuses storage (private mode,
// quota) reads as empty and drops writes; callers treat storage as best effort.
#include <emscripten/emscripten.h>

#include <cstdlib>
#include <string>

#include "client/platform/platform.h"

EM_JS(char*, spoc_js_storage_get, (const char* key), {
    var v = null;
    try { v = window.localStorage.getItem(UTF8ToString(key)); } catch (e) { v = null; }
    if (v === null) return 0;
    var len = lengthBytesUTF8(v) + 1;
    var p = _malloc(len);
    stringToUTF8(v, p, len);
    return p;
});
EM_JS(int, spoc_js_storage_set, (const char* key, const char* value), {
    try {
        var k = UTF8ToString(key), v = UTF8ToString(value);
        if (v === "") window.localStorage.removeItem(k); else window.localStorage.setItem(k, v);
        return 1;
    } catch (e) { return 0; }
});

namespace spoc::platform {

std::string StorageGet(const std::string& key) {
    char* p = spoc_js_storage_get(key.c_str());
    if (p == nullptr) return {};
    std::string out(p);
    std::free(p);
    return out;
}

bool StorageSet(const std::string& key, const std::string& value) { return spoc_js_storage_set(key.c_str(), value.c_str()) != 0; }

}  // namespace spoc::platform
