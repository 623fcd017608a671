// Actions (see actions.h). Index:
//   [SECTION] Navigation and per-frame sync
//   [SECTION] Session
//   [SECTION] Catalog form
//   [SECTION] Requests and conversation
#include "client/app/actions.h"

#include <algorithm>

#include "shared/domain/i18n.h"
#include "shared/domain/limits.h"
#include "shared/domain/text.h"

namespace spoc::client {

void ShowRoute(AppState& state, Host& host, const Route& route, bool replace) {
    state.route = route;
    host.SetLocation(FormatRoute(route), replace);
}

Actions::Actions(AppState& state, Effects& effects, Host& host) : m_state(state), m_effects(effects), m_host(host) {}

// ---------------------------------------------------------------------------------------------
// [SECTION] Navigation and per-frame sync
// ---------------------------------------------------------------------------------------------
namespace {

// Entering a screen refreshes its lists (showing the cached copy meanwhile).
void MarkStaleOnEnter(AppState& state, const Route& route) {
    switch (route.screen) {
        case Screen::home: state.open_requests.stale = state.done_requests.stale = state.approvals.stale = true; break;
        case Screen::approvals: state.approvals.stale = state.delegations.stale = true; break;
        case Screen::requests: state.requests.stale = true; break;
        case Screen::request_detail: {
            auto it = state.details.find(route.request.value);
            if (it != state.details.end()) it->second.stale = true;
            break;
        }
        case Screen::kb_home:
            state.kb_popular.stale = true;
            state.kb_manage.stale = true;
            state.kb_review.stale = true;
            state.kb_stats.stale = true;
            break;
        case Screen::kb_article: {
            auto it = state.articles.find(route.article.value);
            if (it != state.articles.end()) it->second.stale = true;
            break;
        }
        case Screen::kb_review: state.kb_review.stale = true; break;
        case Screen::queue: state.queue.stale = true; break;
        default: break;
    }
}

}  // namespace

void Actions::OnLocationChanged(std::string_view hash) {
    const Route route = ParseRoute(hash);
    if (route == m_state.route) return;
    m_state.route = route;
    MarkStaleOnEnter(m_state, route);
}

void Actions::Navigate(const Route& route) {
    if (route == m_state.route) return;
    ShowRoute(m_state, m_host, route, /*replace=*/false);
    MarkStaleOnEnter(m_state, route);
}

void Actions::ChooseLanguage(i18n::Lang lang) {
    const std::string code(i18n::LangCode(lang));
    m_host.SetLanguage(code);
    if (m_state.session == SessionPhase::signed_in) m_effects.SaveLanguage(code);
}

void Actions::Sync(const Clock& clock) {
    m_clock = clock;
    if (m_state.shown_lang != i18n::CurrentLang()) {  // the catalog's texts come in the reader's language
        m_state.shown_lang = i18n::CurrentLang();
        m_state.catalog = {};
        m_state.items.clear();
    }
    for (Toast& toast : m_state.toasts)
        if (toast.expires_at == 0) toast.expires_at = clock.now + (toast.is_error ? 6000 : 3500);
    m_state.toasts.erase(std::remove_if(m_state.toasts.begin(), m_state.toasts.end(),
                                        [&](const Toast& t) { return t.expires_at <= clock.now; }),
                         m_state.toasts.end());

    if (IsDeviceRoute(m_state.route)) {  // a kiosk or a board: the device's credential, no session
        SyncDevice();
        return;
    }
    switch (m_state.session) {
        case SessionPhase::unknown: m_effects.CheckSession(); return;
        case SessionPhase::checking:
        case SessionPhase::check_failed: return;
        case SessionPhase::signed_out:
            SyncLive();
            if (RouteNeedsSession(m_state.route)) {
                m_state.after_sign_in = m_state.route;
                Route signin;
                signin.screen = Screen::signin;
                ShowRoute(m_state, m_host, signin, /*replace=*/true);
            }
            return;
        case SessionPhase::signed_in:
            if (m_state.route.screen == Screen::signin) {
                ShowRoute(m_state, m_host, m_state.after_sign_in.value_or(Route{}), /*replace=*/true);
                m_state.after_sign_in.reset();
            }
            EnsureDataForRoute();
            EnsureAgentInbox();
            SyncLive();
            if (!m_state.search.empty()) RefreshCatalogSearch(&m_state);  // the catalog or synonyms may have reloaded
            return;
    }
}

void Actions::SyncLive() {
    LiveState& live = m_state.live;
    const bool signed_in = m_state.session == SessionPhase::signed_in && m_state.me;
    if (!signed_in) {
        if (!live.open_for.empty()) m_effects.CloseLive();
        return;
    }
    if (live.open_for != m_state.me->user.username) m_effects.OpenLive();
    if (!IsStaff(m_state.me->user.role)) return;

    // Presence: an agent on a request says so now and every few seconds ("replying" once the
    // reply box has text), and says "left" on leaving it.
    RequestId on;
    std::string say;
    if (m_state.route.screen == Screen::request_detail) {
        on = m_state.route.request;
        auto reply = m_state.replies.find(on.value);
        say = reply != m_state.replies.end() && !reply->second.text.empty() ? "replying" : "viewing";
    }
    if (live.presence_request.valid() && live.presence_request != on) {
        m_effects.SendPresence(live.presence_request, "left");
        live.presence.erase(live.presence_request.value);
        live.presence_request = RequestId();
        live.presence_state.clear();
    }
    if (!on.valid()) return;
    if (live.presence_request != on || live.presence_state != say ||
        m_clock.now - live.presence_sent_at >= Effects::kPresenceEveryMs) {
        m_effects.SendPresence(on, say);
        live.presence_request = on;
        live.presence_state = say;
        live.presence_sent_at = m_clock.now;
    }
}

void Actions::EnsureDataForRoute() {
    EnsureWorkspace();  // staff on a request: related, history, canned replies, groups (workspace_actions.cpp)
    // What waits for my approval: the top bar's count on every screen, the list on #/approvals.
    if (m_state.session == SessionPhase::signed_in && NeedsLoad(m_state.approvals, "inbox")) m_effects.LoadApprovals();
    const Route& route = m_state.route;
    switch (route.screen) {
        case Screen::home: {
            EnsureKbIndex();
            if (NeedsLoad(m_state.catalog, "all")) m_effects.LoadCatalog();
            RequestFilter open;
            open.kind = StatusFilter::open;
            if (NeedsLoad(m_state.open_requests, RequestListKey(open, 1, Effects::kHomeOpenCount))) m_effects.LoadOpenRequests();
            RequestFilter done;  // the survey banner asks about the latest resolved one
            done.kind = StatusFilter::done;
            if (NeedsLoad(m_state.done_requests, RequestListKey(done, 1, Effects::kHomeDoneCount))) m_effects.LoadDoneRequests();
            break;
        }
        case Screen::catalog:
            EnsureKbIndex();
            if (NeedsLoad(m_state.catalog, "all")) m_effects.LoadCatalog();
            break;
        case Screen::catalog_item: {
            EnsureKbIndex();  // suggested articles beside the form
            const std::string key = std::to_string(route.item.value);
            if (NeedsLoad(m_state.items[route.item.value], key)) m_effects.LoadItem(route.item);
            if (LoadedItem(m_state, route.item)) Draft(route.item);
            break;
        }
        case Screen::requests: {
            const std::string key = RequestListKey(route.filter, route.page, Effects::kPageSize);
            if (NeedsLoad(m_state.requests, key)) m_effects.LoadRequests(route.filter, route.page);
            break;
        }
        case Screen::request_detail: {
            Remote<Request>& detail = m_state.details[route.request.value];
            if (NeedsLoad(detail, std::to_string(route.request.value))) m_effects.LoadRequest(route.request);
            if (detail.has_data && detail.data.catalog_item_id.valid()) {
                const std::int64_t item_id = detail.data.catalog_item_id.value;
                if (NeedsLoad(m_state.items[item_id], std::to_string(item_id))) m_effects.LoadItem(detail.data.catalog_item_id);
            }
            break;
        }
        case Screen::kb_home:
        case Screen::kb_article:
        case Screen::kb_edit:
        case Screen::kb_review: EnsureKbForRoute(); break;
        case Screen::queue: EnsureQueueBlocks(); break;
        case Screen::walkup: EnsureWalkupConsole(); break;
        case Screen::desks: EnsureDesks(); break;
        case Screen::approvals:  // the forms are described with their items' labels
            if (m_state.approvals.has_data)
                for (const Request& r : m_state.approvals.data.items)
                    if (r.catalog_item_id.valid() && NeedsLoad(m_state.items[r.catalog_item_id.value], std::to_string(r.catalog_item_id.value)))
                        m_effects.LoadItem(r.catalog_item_id);
            if (NeedsLoad(m_state.delegations, "mine")) m_effects.LoadDelegations();  // "When you're away"
            break;
        case Screen::people: EnsurePeople(); break;
        case Screen::reports: EnsureReports(); break;
        case Screen::kiosk:
        case Screen::board:
        case Screen::signin:
        case Screen::not_found: break;
    }
}

void Actions::Retry() {
    if (m_state.session == SessionPhase::check_failed) {
        m_state.session = SessionPhase::unknown;
        return;
    }
    const Route& route = m_state.route;
    m_state.catalog.stale = m_state.catalog.load == Load::failed || m_state.catalog.stale;
    switch (route.screen) {
        case Screen::home: m_state.open_requests.stale = m_state.done_requests.stale = true; break;
        case Screen::approvals: m_state.approvals.stale = true; break;
        case Screen::people: m_state.people.stale = true; break;
        case Screen::reports:
            m_state.report_summary.stale = m_state.report_heatmap.stale = true;
            for (auto& [slot, remote] : m_state.report_breakdowns) remote.stale = true;
            break;
        case Screen::catalog_item: m_state.items[route.item.value].stale = true; break;
        case Screen::requests: m_state.requests.stale = true; break;
        case Screen::queue:
            m_state.queue.stale = true;
            m_state.queue.error.reset();
            break;
        case Screen::kb_home:
        case Screen::kb_review:
            m_state.kb_index.stale = true;
            m_state.kb_popular.stale = true;
            m_state.kb_manage.stale = true;
            m_state.kb_review.stale = true;
            m_state.kb_stats.stale = true;
            break;
        case Screen::kb_article:
        case Screen::kb_edit:
            m_state.articles[route.article.value].stale = true;
            m_state.versions[route.article.value].stale = true;
            break;
        case Screen::request_detail: {
            Remote<Request>& detail = m_state.details[route.request.value];
            detail.stale = true;
            if (detail.has_data) {
                Remote<CatalogItem>& item = m_state.items[detail.data.catalog_item_id.value];
                if (item.load == Load::failed) item.stale = true;
            }
            break;
        }
        default: break;
    }
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Session
// ---------------------------------------------------------------------------------------------
void Actions::EditSignInUsername(std::string value) {
    m_state.sign_in.username = std::move(value);
}

void Actions::EditSignInPassword(std::string value) {
    m_state.sign_in.password = std::move(value);
}

void Actions::SignIn() {
    SignInState& form = m_state.sign_in;
    if (form.in_flight) return;
    if (Trim(form.username).empty() || form.password.empty()) {
        form.error = MakeError(ErrorCode::validation_failed, i18n::tr("Enter your username and password."),
                               Trim(form.username).empty() ? "username" : "password");
        return;
    }
    m_effects.SignIn();
}

void Actions::SignOut() { m_effects.SignOut(); }

// ---------------------------------------------------------------------------------------------
// [SECTION] Catalog form
// ---------------------------------------------------------------------------------------------
void Actions::SetSearch(std::string query) {
    if (query.size() > limits::kMaxSearchQuery) query.resize(limits::kMaxSearchQuery);
    m_state.search = std::move(query);
    RefreshCatalogSearch(&m_state);
}

void Actions::ClearSearch() { m_state.search.clear(); }

void Actions::SearchKnowledge(std::string query) {
    SetKbSearch(std::move(query));
    m_state.kb_category.clear();
    Route route;
    route.screen = Screen::kb_home;
    Navigate(route);
}

void Actions::InitDraft(CatalogItemId item) {
    FormDraftState& d = m_state.drafts[item.value];
    const CatalogItem* def = LoadedItem(m_state, item);
    if (d.initialized || def == nullptr) return;
    d.draft.catalog_item_id = item;
    d.draft.values = DefaultFormValues(*def);
    if (def->ask_urgency) d.draft.urgency = def->urgency;
    d.initialized = true;
}

FormDraftState& Actions::Draft(CatalogItemId item) {
    InitDraft(item);
    return m_state.drafts[item.value];
}

namespace {

// Any edit makes this a new submission: forget the old key and the failure banner, and drop the
// server's complaint about the edited field.
void NoteEdit(FormDraftState& d, const std::string& input_key) {
    d.server_errors.erase(std::remove_if(d.server_errors.begin(), d.server_errors.end(),
                                         [&](const FieldError& e) { return e.field == input_key; }),
                          d.server_errors.end());
    d.idempotency_key.clear();
    if (d.phase == SubmitPhase::failed) {
        d.phase = SubmitPhase::editing;
        d.submit_error.reset();
    }
}

}  // namespace

void Actions::EditField(CatalogItemId item, const std::string& field_key, FormValue value) {
    FormDraftState& d = Draft(item);
    if (d.phase == SubmitPhase::submitting || d.phase == SubmitPhase::succeeded) return;
    const std::string input_key = "values." + field_key;
    d.draft.values[field_key] = std::move(value);
    NoteEdit(d, input_key);
    // Discrete choices are complete the moment they are made; text fields count as touched on blur.
    if (const CatalogItem* def = LoadedItem(m_state, item))
        if (const FieldDef* field = FindField(*def, field_key))
            if (field->type == FieldType::checkbox || field->type == FieldType::single_choice ||
                field->type == FieldType::multi_choice)
                d.touched.insert(input_key);
}

void Actions::EditSummary(CatalogItemId item, std::string value) {
    FormDraftState& d = Draft(item);
    if (d.phase == SubmitPhase::submitting || d.phase == SubmitPhase::succeeded) return;
    d.draft.summary = std::move(value);
    NoteEdit(d, "summary");
}

void Actions::EditDescription(CatalogItemId item, std::string value) {
    FormDraftState& d = Draft(item);
    if (d.phase == SubmitPhase::submitting || d.phase == SubmitPhase::succeeded) return;
    d.draft.description = std::move(value);
    NoteEdit(d, "description");
}

void Actions::SetUrgency(CatalogItemId item, Level urgency) {
    FormDraftState& d = Draft(item);
    if (d.phase == SubmitPhase::submitting || d.phase == SubmitPhase::succeeded) return;
    d.draft.urgency = urgency;
    NoteEdit(d, "urgency");
    d.touched.insert("urgency");
}

void Actions::TouchField(CatalogItemId item, const std::string& input_key) { Draft(item).touched.insert(input_key); }

void Actions::Submit(CatalogItemId item) {
    const CatalogItem* def = LoadedItem(m_state, item);
    FormDraftState& d = Draft(item);
    if (def == nullptr || d.phase == SubmitPhase::submitting || d.phase == SubmitPhase::succeeded) return;
    if (UploadsBusy(d.files)) return;  // the button waits for the files
    d.submit_attempted = true;
    if (!ValidateDraft(*def, d.draft, LocalToday(m_clock)).empty()) {
        d.phase = SubmitPhase::editing;
        d.submit_error.reset();
        return;
    }
    m_effects.Submit(item);
}

void Actions::RetrySubmit(CatalogItemId item) {
    FormDraftState& d = Draft(item);
    if (d.phase != SubmitPhase::failed || d.idempotency_key.empty()) return;
    m_effects.Submit(item);
}

void Actions::StartAnother(CatalogItemId item) {
    FormDraftState& d = Draft(item);
    if (d.phase == SubmitPhase::succeeded) d.phase = SubmitPhase::editing;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Requests and conversation
// ---------------------------------------------------------------------------------------------
void Actions::SetFilter(const RequestFilter& filter) {
    Route route;
    route.screen = Screen::requests;
    route.filter = filter;
    Navigate(route);
}

void Actions::SetPage(int page) {
    Route route = m_state.route;
    if (route.screen != Screen::requests) return;
    route.page = std::max(1, page);
    Navigate(route);
}

void Actions::OpenRequest(RequestId id) {
    Route route;
    route.screen = Screen::request_detail;
    route.request = id;
    Navigate(route);
}

void Actions::EditReply(RequestId id, std::string text) {
    ReplyState& reply = m_state.replies[id.value];
    if (reply.in_flight) return;
    reply.text = std::move(text);
    if (reply.error && reply.error->code != ErrorCode::network) reply.error.reset();
}

void Actions::SetReplyInternal(RequestId id, bool internal) {
    ReplyState& reply = m_state.replies[id.value];
    if (reply.in_flight || !m_state.me || !IsStaff(m_state.me->user.role)) return;
    reply.internal = internal;
}

void Actions::SendReply(RequestId id) {
    ReplyState& reply = m_state.replies[id.value];
    if (reply.in_flight || UploadsBusy(reply.files)) return;
    if (Trim(reply.text).empty() && UploadedIds(reply.files).empty()) return;
    m_effects.Reply(id);
}

void Actions::CopyText(const std::string& text, std::string confirmation) {
    m_host.CopyText(text);
    AddToast(&m_state, std::move(confirmation));
}

void Actions::FollowLink(const std::string& url) {
    if (url.rfind("#/", 0) == 0) {
        Navigate(ParseRoute(url));
        return;
    }
    m_host.OpenUrl(url);
}

void Actions::DismissToast(size_t index) {
    if (index < m_state.toasts.size()) m_state.toasts.erase(m_state.toasts.begin() + static_cast<std::ptrdiff_t>(index));
}

}  // namespace spoc::client
