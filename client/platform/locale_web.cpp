// The UI language in the browser (see platform.h, [Languages]): the user's stored choice, else the
// best of navigator.languages (shared Negotiate); its compiled catalog (build/web/i18n/<code>.mo)
// is fetched, and becomes the thread locale when it arrives. The first frame waits for it (up to
// kFirstCatalogWaitMs), so a German browser never flashes English. <html lang dir> follow.
#include <emscripten/emscripten.h>

#include <cstdlib>
#include <string>

#include "client/platform/platform.h"
#include "client/ui/mirror.h"
#include "shared/domain/i18n.h"

EM_JS(char*, spoc_js_languages, (), {
    var stored = "";
    try { stored = window.localStorage.getItem("spoc.lang") || ""; } catch (e) { stored = ""; }
    var list = (navigator.languages && navigator.languages.length) ? navigator.languages.join(",") : (navigator.language || "");
    var s = stored + ";" + list;
    var len = lengthBytesUTF8(s) + 1;
    var p = _malloc(len);
    stringToUTF8(s, p, len);
    return p;
});
EM_JS(void, spoc_js_store_language, (const char* code), {
    try { window.localStorage.setItem("spoc.lang", UTF8ToString(code)); } catch (e) {}
});
EM_JS(void, spoc_js_fetch_catalog, (const char* code, int serial), {
    var c = UTF8ToString(code);
    Module.spocCatalog = {serial: serial, state: 0, bytes: null};
    fetch("i18n/" + c + ".mo", {credentials: "same-origin"}).then(function(r) {
        if (!r.ok) throw new Error("answered " + r.status);
        return r.arrayBuffer();
    }).then(function(b) {
        if (Module.spocCatalog.serial !== serial) return;
        Module.spocCatalog.bytes = new Uint8Array(b);
        Module.spocCatalog.state = 1;
        if (Module.spocWake) Module.spocWake();
    }).catch(function(e) {
        console.warn("Spoc: the " + c + " messages are unavailable (" + e.message + ")");
        if (Module.spocCatalog.serial !== serial) return;
        Module.spocCatalog.state = -1;
        if (Module.spocWake) Module.spocWake();
    });
});
// 0 loading, 1 arrived (size in *size), -1 failed; for the fetch numbered `serial`.
EM_JS(int, spoc_js_catalog_state, (int serial, int* size), {
    var c = Module.spocCatalog;
    if (!c || c.serial !== serial) return -1;
    if (c.state === 1) HEAP32[size >> 2] = c.bytes.length;
    return c.state;
});
EM_JS(void, spoc_js_catalog_copy, (unsigned char* out), {
    HEAPU8.set(Module.spocCatalog.bytes, out);
    Module.spocCatalog.bytes = null;
    Module.spocCatalog.state = 2;
});
EM_JS(void, spoc_js_document_language, (const char* code, int rtl), {
    document.documentElement.lang = UTF8ToString(code);
    document.documentElement.dir = rtl ? "rtl" : "ltr";
});

namespace spoc::platform {
namespace {

constexpr double kFirstCatalogWaitMs = 4000;

struct Languages {
    i18n::Lang shown = i18n::Lang::en;    // the thread locale's language
    i18n::Lang pending = i18n::Lang::en;  // being fetched (== shown when nothing is)
    int serial = 0;                       // the fetch in flight (0: none)
    bool first_done = false;              // the first catalog arrived, failed, or was waited for long enough
    double started_ms = 0;
    i18n::Catalog catalog;                // the shown language's catalog
    i18n::Locale locale;
};

Languages& S() {
    static Languages s;
    return s;
}

void Show(i18n::Lang lang) {
    Languages& s = S();
    s.shown = lang;
    s.locale.lang = lang;
    s.locale.catalog = lang == i18n::Lang::en ? nullptr : &s.catalog;
    i18n::SetThreadLocale(&s.locale);
    ui::SetMirrored(i18n::IsRtl(lang));
    const std::string code(i18n::LangCode(lang));
    spoc_js_document_language(code.c_str(), i18n::IsRtl(lang) ? 1 : 0);
    Wake();
}

void Fetch(i18n::Lang lang) {
    Languages& s = S();
    s.pending = lang;
    if (lang == i18n::Lang::en) {  // English is the source text: nothing to fetch
        s.serial = 0;
        Show(lang);
        return;
    }
    const std::string code(i18n::LangCode(lang));
    spoc_js_fetch_catalog(code.c_str(), ++s.serial);
}

}  // namespace

void StartLanguage() {
    Languages& s = S();
    s.started_ms = emscripten_get_now();
    char* raw = spoc_js_languages();
    const std::string both = raw ? raw : ";";
    std::free(raw);
    const std::size_t semi = both.find(';');
    i18n::Lang lang = i18n::Lang::en;
    if (!i18n::ParseLang(both.substr(0, semi), &lang)) lang = i18n::Negotiate(both.substr(semi + 1));
    Show(i18n::Lang::en);
    Fetch(lang);
    if (lang == i18n::Lang::en) s.first_done = true;
}

bool LanguageReady() {
    Languages& s = S();
    PollLanguage();
    if (!s.first_done && emscripten_get_now() - s.started_ms > kFirstCatalogWaitMs) s.first_done = true;
    return s.first_done;
}

void PollLanguage() {
    Languages& s = S();
    if (s.serial == 0) return;
    int size = 0;
    const int state = spoc_js_catalog_state(s.serial, &size);
    if (state == 0 || state == 2) return;
    s.serial = 0;
    s.first_done = true;
    if (state < 0) {  // no catalog: stay in the language shown
        s.pending = s.shown;
        return;
    }
    std::string bytes(static_cast<std::size_t>(size), '\0');
    spoc_js_catalog_copy(reinterpret_cast<unsigned char*>(bytes.data()));
    std::string error;
    i18n::Catalog next;
    if (!next.Load(std::move(bytes), &error)) {
        emscripten_log(EM_LOG_WARN, "Spoc: the %s messages could not be read (%s)", std::string(i18n::LangCode(s.pending)).c_str(),
                       error.c_str());
        s.pending = s.shown;
        return;
    }
    s.catalog = std::move(next);
    Show(s.pending);
}

void ChooseLanguage(i18n::Lang lang, bool remember) {
    if (remember) spoc_js_store_language(std::string(i18n::LangCode(lang)).c_str());
    Languages& s = S();
    if (lang == s.pending && (s.serial != 0 || lang == s.shown)) return;
    Fetch(lang);
}

i18n::Lang CurrentLanguage() { return S().shown; }

}  // namespace spoc::platform
