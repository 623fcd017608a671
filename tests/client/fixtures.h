// Fixtures for the headless client tests: a catalog whose items use every field type, requests
// with a conversation, a scripted ApiClient, a recording Host, an App bundle wiring them to
// AppState/Effects/Actions, and an ImGui harness with no renderer that records item hooks.
#pragma once
#include <cstdio>
#include <deque>
#include <map>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <vector>

#include "client/app/actions.h"
#include "client/app/effects.h"
#include "client/app/state.h"
#include "client/app/view_models.h"
#include "client/net/api_client.h"
#include "client/ui/item_hooks.h"
#include "client/ui/screens.h"
#include "client/ui/theme.h"
#include "doctest/doctest.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "shared/api/dto.h"

namespace fixtures {

using namespace spoc;
using namespace spoc::client;

// 2026-03-10T09:30:00Z, a Tuesday morning.
inline constexpr Timestamp kNow = 1773135000000LL;

inline Clock MorningClock() { return Clock{kNow, 0}; }

inline FieldDef Field(std::string key, std::string label, FieldType type, bool required = false) {
    FieldDef f;
    f.key = std::move(key);
    f.label = std::move(label);
    f.type = type;
    f.required = required;
    return f;
}

inline CatalogItem Laptop() {
    CatalogItem item;
    item.id = CatalogItemId(3);
    item.department = "IT";
    item.category = "Hardware";
    item.title = "New laptop";
    item.summary = "A new or replacement laptop, set up and ready to use.";
    item.description = "Pick a model and tell us why you need it. We image it and hand it over at the IT desk.";
    item.icon = "laptop";
    item.ask_urgency = true;
    item.requires_approval = true;
    item.fulfillment = "Usually ready in 3 business days";
    item.keywords = {"notebook", "computer", "macbook"};
    item.sort = 1;

    FieldDef model = Field("model", "Laptop model", FieldType::single_choice, true);
    model.options = {{"mbp14", "MacBook Pro 14\""}, {"mbp16", "MacBook Pro 16\""}, {"x1", "ThinkPad X1 Carbon"}};
    model.help = "All models come with 32 GB of memory.";
    FieldDef reason = Field("reason", "Why do you need it?", FieldType::long_text, true);
    reason.min_length = 10;
    FieldDef monitor = Field("needs_monitor", "I also need an external monitor", FieldType::checkbox);
    FieldDef size = Field("monitor_size", "Monitor size", FieldType::single_choice, true);
    size.options = {{"24", "24 inch"}, {"27", "27 inch"}, {"32", "32 inch"}, {"34w", "34 inch ultrawide"}, {"43", "43 inch"}};
    size.visible_when = VisibleWhen{"needs_monitor", "true"};
    FieldDef accessories = Field("accessories", "Accessories", FieldType::multi_choice);
    accessories.options = {{"mouse", "Mouse"}, {"keyboard", "Keyboard"}, {"headset", "Headset"}};
    accessories.max = 2;
    FieldDef code = Field("cost_center", "Cost center", FieldType::short_text);
    code.pattern = "[A-Z]{2}-[0-9]{4}";
    code.pattern_message = "Use the form AB-1234.";
    code.placeholder = "AB-1234";
    FieldDef qty = Field("quantity", "How many?", FieldType::number, true);
    qty.min = 1;
    qty.max = 5;
    qty.integer = true;
    qty.default_value = "1";
    FieldDef when = Field("needed_by", "Needed by", FieldType::date);
    when.min_date = "today";
    item.fields = {model, reason, monitor, size, accessories, code, qty, when};
    return item;
}

inline CatalogItem Simple(std::int64_t id, std::string dept, std::string category, std::string title, std::string summary, int sort,
                          std::vector<std::string> keywords = {}) {
    CatalogItem item;
    item.id = CatalogItemId(id);
    item.department = std::move(dept);
    item.category = std::move(category);
    item.title = std::move(title);
    item.summary = std::move(summary);
    item.sort = sort;
    item.keywords = std::move(keywords);
    item.fulfillment = "Usually done in 1 business day";
    item.fields = {Field("details", "Details", FieldType::long_text, false)};
    return item;
}

inline std::vector<CatalogItem> Catalog() {
    std::vector<CatalogItem> items;
    items.push_back(Simple(9, "Facilities", "Workplace", "Parking permit", "A parking space at the office.", 1, {"car"}));
    items.push_back(Laptop());
    items.push_back(Simple(4, "IT", "Access", "Access to an application", "Request access to a business system.", 2, {"permission", "login"}));
    items.push_back(Simple(7, "HR", "Pay", "Question about my payslip", "Ask payroll about your pay or deductions.", 1, {"salary"}));
    items.push_back(Simple(5, "IT", "Hardware", "Replacement charger", "Lost or broken laptop charger.", 3, {"power"}));
    return items;
}

inline User Emma() {
    User u;
    u.id = UserId(2);
    u.username = "emma";
    u.display_name = "Emma Jones";
    u.role = Role::employee;
    u.department = "Finance";
    return u;
}

inline api::Me EmmaMe() { return api::Me{Emma(), "csrf-123"}; }

inline Request MakeRequest(std::int64_t id, Status status, std::string summary) {
    Request r;
    r.id = RequestId(id);
    r.number = FormatRequestNumber(RequestType::service_request, r.id);
    r.status = status;
    r.priority = Priority::moderate;
    r.requester_id = UserId(2);
    r.requester_name = "Emma Jones";
    r.catalog_item_id = CatalogItemId(3);
    r.catalog_item_title = "New laptop";
    r.department = "IT";
    r.summary = std::move(summary);
    r.created_at = kNow - 3 * 86400000LL;
    r.updated_at = kNow - 5 * 60000LL;
    return r;
}

inline Request DetailedRequest() {
    Request r = MakeRequest(42, Status::in_progress, "Laptop for the new analyst");
    r.description = "Starts on Monday.";
    FormValues values;
    values["model"] = FormValue::Text("mbp14");
    values["reason"] = FormValue::Text("New starter in the team");
    values["needs_monitor"] = FormValue::Bool(false);
    values["quantity"] = FormValue::Text("1");
    r.form_json = api::EncodeFormValues(values);
    Comment c1;
    c1.id = CommentId(1);
    c1.author_id = UserId(2);
    c1.author_name = "Emma Jones";
    c1.body = "Could it be ready by Monday?";
    c1.created_at = kNow - 2 * 3600000LL;
    Comment c2;
    c2.id = CommentId(2);
    c2.author_id = UserId(5);
    c2.author_name = "Liam Smith";
    c2.author_role = Role::agent;
    c2.body = "Yes, it's being imaged now.";
    c2.created_at = kNow - 3600000LL;
    Comment c3 = c2;
    c3.id = CommentId(3);
    c3.internal = true;
    c3.body = "Stock is low; take from the spare shelf.";
    c3.created_at = kNow - 1800000LL;
    r.comments = {c1, c2, c3};
    r.comment_count = 3;
    return r;
}

inline api::RequestPage Page(std::vector<Request> items, int total, int page = 1, int size = 20) {
    api::RequestPage p;
    p.items = std::move(items);
    p.total = total;
    p.page = page;
    p.page_size = size;
    return p;
}

// ---- Scripted network ---------------------------------------------------------------------
class FakeApi final : public net::ApiClient {
public:
    struct Sent {
        net::HttpRequest request;
        net::HttpCallback done;
        bool answered = false;
        std::string Header(const std::string& name) const {
            for (const auto& h : request.headers)
                if (h.first == name) return h.second;
            return {};
        }
    };
    void Send(net::HttpRequest request, net::HttpCallback done) override { sent.push_back({std::move(request), std::move(done)}); }
    void Poll() override {
        while (!ready.empty()) {
            auto fn = std::move(ready.front());
            ready.pop_front();
            fn();
        }
    }
    int InFlight() const override {
        int n = 0;
        for (const Sent& s : sent) n += s.answered ? 0 : 1;
        return n;
    }
    // Answer the oldest unanswered request whose path starts with `prefix` (and method matches).
    bool Answer(const std::string& method, const std::string& prefix, int status, std::string body) {
        for (Sent& s : sent) {
            if (s.answered || s.request.method != method || s.request.path.rfind(prefix, 0) != 0) continue;
            s.answered = true;
            auto done = s.done;
            ready.push_back([done, status, body] { done(status, body); });
            Poll();
            return true;
        }
        return false;
    }
    const Sent* Last(const std::string& method, const std::string& prefix) const {
        for (auto it = sent.rbegin(); it != sent.rend(); ++it)
            if (it->request.method == method && it->request.path.rfind(prefix, 0) == 0) return &*it;
        return nullptr;
    }
    int Count(const std::string& method, const std::string& prefix) const {
        int n = 0;
        for (const Sent& s : sent) n += s.request.method == method && s.request.path.rfind(prefix, 0) == 0;
        return n;
    }
    // Requests to exactly `path` (Count("GET", "/api/v1/requests/7") also counts .../7/history).
    int CountExact(const std::string& method, const std::string& path) const {
        int n = 0;
        for (const Sent& s : sent) n += s.request.method == method && s.request.path == path;
        return n;
    }
    // The live-update stream: what the app opened, and events pushed into it as the server would.
    void OpenEvents(std::string path, net::EventCallback on_event) override {
        events_path = std::move(path);
        on_event_ = std::move(on_event);
        events_opened++;
    }
    void CloseEvents() override {
        if (on_event_) events_closed++;
        on_event_ = nullptr;
    }
    bool EventsOpen() const { return static_cast<bool>(on_event_); }
    // Delivers one event (as Poll would); false when no stream is open.
    bool PushEvent(const std::string& type, const std::string& data) {
        if (!on_event_) return false;
        auto fn = on_event_;
        ready.push_back([fn, type, data] { fn(type, data); });
        Poll();
        return true;
    }
    // File uploads (SendFile): recorded; progress and the answer are given by the test.
    struct SentFile {
        int file = 0;
        net::HttpRequest request;
        net::ProgressCallback progress;
        net::HttpCallback done;
        bool answered = false;
        bool aborted = false;
    };
    void SendFile(int file, net::HttpRequest request, net::ProgressCallback progress, net::HttpCallback done) override {
        files.push_back({file, std::move(request), std::move(progress), std::move(done)});
    }
    void AbortFile(int file) override {  // like the browser: the transfer ends with status 0
        for (SentFile& f : files)
            if (f.file == file && !f.answered) {
                f.answered = f.aborted = true;
                auto done = f.done;
                ready.push_back([done] { done(0, ""); });
            }
    }
    SentFile* File(int file) {
        for (auto it = files.rbegin(); it != files.rend(); ++it)
            if (it->file == file) return &*it;
        return nullptr;
    }
    bool FileProgress(int file, std::int64_t sent_bytes, std::int64_t total) {
        SentFile* f = File(file);
        if (!f || f->answered) return false;
        f->progress(sent_bytes, total);
        return true;
    }
    bool FinishFile(int file, int status, std::string body) {
        SentFile* f = File(file);
        if (!f || f->answered) return false;
        f->answered = true;
        auto done = f->done;
        ready.push_back([done, status, body] { done(status, body); });
        Poll();
        return true;
    }
    std::vector<SentFile> files;
    std::vector<Sent> sent;
    std::deque<std::function<void()>> ready;
    std::string events_path;
    int events_opened = 0, events_closed = 0;

private:
    net::EventCallback on_event_;
};

class FakeHost final : public Host {
public:
    void SetLocation(const std::string& hash, bool replace) override { locations.push_back({hash, replace}); }
    void CopyText(const std::string& text) override { copied.push_back(text); }
    std::string NewIdempotencyKey() override { return "key-" + std::to_string(++keys); }
    void OpenUrl(const std::string& url) override { opened.push_back(url); }
    void PickFiles() override { picks++; }
    void ReleaseFile(int file) override { released.push_back(file); }
    void OpenFile(const std::string& path, bool save) override { files_opened.push_back({path, save}); }
    int picks = 0;
    std::vector<int> released;
    std::vector<std::pair<std::string, bool>> files_opened;
    std::string ReadStored(const std::string& key) override {
        auto it = stored.find(key);
        return it == stored.end() ? std::string() : it->second;
    }
    bool WriteStored(const std::string& key, const std::string& value) override {
        if (value.empty()) stored.erase(key);
        else stored[key] = value;
        return true;
    }
    std::map<std::string, std::string> stored;  // localStorage
    std::vector<std::pair<std::string, bool>> locations;
    std::vector<std::string> copied;
    std::vector<std::string> opened;  // external links, in order
    int keys = 0;
};

// AppState + Effects + Actions over the fakes, with helpers to reach common states.
struct App {
    AppState state;
    FakeApi api;
    FakeHost host;
    Effects effects{state, api, host};
    Actions actions{state, effects, host};
    Clock clock = MorningClock();

    void Sync() { actions.Sync(clock); }
    void Go(const std::string& hash) {
        actions.OnLocationChanged(hash);
        Sync();
    }
    // Session restored from /me, on `hash`.
    void SignedIn(const std::string& hash = "#/") {
        actions.OnLocationChanged(hash);
        Sync();
        REQUIRE(api.Answer("GET", "/api/v1/me", 200, api::EncodeMe(EmmaMe())));
        Sync();
    }
    void AnswerCatalog() { api.Answer("GET", "/api/v1/catalog", 200, api::EncodeCatalogList(Catalog())); }
    void AnswerItem(const CatalogItem& item) {
        api.Answer("GET", "/api/v1/catalog/" + std::to_string(item.id.value), 200, api::EncodeCatalogItem(item));
    }
    // Open the laptop form and load its definition.
    void OpenLaptopForm() {
        SignedIn("#/catalog/3");
        AnswerItem(Laptop());
        Sync();
    }
};

// ---- Headless ImGui -----------------------------------------------------------------------
inline const ui::FontFiles& TestFonts() {
    static ui::FontFiles files = [] {
        ui::FontFiles f;
        auto read = [](const char* path) {
            std::ifstream in(path, std::ios::binary);
            return std::vector<std::uint8_t>((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        };
        f.regular = read("/usr/share/fonts/opentype/inter/Inter-Regular.otf");
        f.semibold = read("/usr/share/fonts/opentype/inter/Inter-SemiBold.otf");
        f.fallback = read("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        return f;
    }();
    return files;
}

struct Harness {
    ImGuiContext* ctx = nullptr;
    ui::UiState ui;
    int frames = 0;

    explicit Harness(float w = 1280, float h = 3200) {  // tall: everything is above the fold
        ctx = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(w, h);
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        REQUIRE(ui::BuildFonts(TestFonts(), 1.0f));
        unsigned char* pixels = nullptr;
        int tw = 0, th = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &tw, &th);
        REQUIRE(pixels != nullptr);
        ui::ApplyTheme(&ImGui::GetStyle());
        ui::hooks::Enable(ctx);
    }
    ~Harness() {
        ui::hooks::Disable(ctx);
        ImGui::DestroyContext(ctx);
    }
    Harness(const Harness&) = delete;
    Harness& operator=(const Harness&) = delete;

    // One frame of the whole app; checks that every Push/Begin was matched.
    void Frame(App& app) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        app.Sync();
        ImGui::NewFrame();
        ui::DrawApp(app.state, ui, app.actions, app.clock, app.api.InFlight());
        CheckBalanced();
        ImGui::Render();
        ++frames;
    }
    void Frames(App& app, int n) {
        for (int i = 0; i < n; ++i) Frame(app);
    }
    static void CheckBalanced() {
        ImGuiContext& g = *GImGui;
        CHECK(g.CurrentWindowStack.Size == 1);  // only the implicit "Debug##Default" window
        CHECK(g.ColorStack.Size == 0);
        CHECK(g.StyleVarStack.Size == 0);
        CHECK(g.FontStack.Size == 0);
        CHECK(g.GroupStack.Size == 0);
        CHECK(g.CurrentWindow->IDStack.Size == 1);
        CHECK(g.CurrentWindow->DC.ItemWidthStack.Size == 0);
        CHECK(g.CurrentWindow->DC.TextWrapPosStack.Size == 0);
        CHECK(g.DisabledStackSize == 0);
    }

    // Mouse: move to the centre of an item (by id or label) and click it over the next frames.
    bool Click(App& app, const std::string& key) {
        const ui::hooks::HookedItem* item = ui::hooks::FindItem(key);
        if (!item) return false;
        ImGuiIO& io = ImGui::GetIO();
        io.AddMousePosEvent(item->x + item->w * 0.5f, item->y + item->h * 0.5f);
        Frame(app);
        io.AddMouseButtonEvent(0, true);
        Frame(app);
        io.AddMouseButtonEvent(0, false);
        Frame(app);
        Frame(app);  // the action's effects (Sync) start here
        return true;
    }
    void Type(App& app, const std::string& text) {
        ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
        Frame(app);
        Frame(app);
    }
    void Key(App& app, ImGuiKey key) {
        ImGui::GetIO().AddKeyEvent(key, true);
        Frame(app);
        ImGui::GetIO().AddKeyEvent(key, false);
        Frame(app);
    }
};

inline bool HasItem(const std::string& id_or_label) { return ui::hooks::FindItem(id_or_label) != nullptr; }

inline bool HasLabel(const std::string& label) {
    for (const auto& item : ui::hooks::LastFrameItems())
        if (item.label == label) return true;
    return false;
}

// An agent's /me (ava unless told otherwise).
inline api::Me Agent(std::int64_t id = 3, const std::string& username = "ava", const std::string& name = "Ava Patel") {
    User u;
    u.id = UserId(id);
    u.username = username;
    u.display_name = name;
    u.role = Role::agent;
    return api::Me{u, "csrf-agent"};
}

// Opens `hash` and answers the session check with `me`.
inline void SignedInAs(App& app, const api::Me& me, const std::string& hash) {
    app.actions.OnLocationChanged(hash);
    app.Sync();
    REQUIRE(app.api.Answer("GET", "/api/v1/me", 200, api::EncodeMe(me)));
    app.Sync();
}

}  // namespace fixtures
