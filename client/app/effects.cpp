// Effects (see effects.h). Index:
//   [SECTION] Helpers: errors from responses, the generic GET-into-a-Remote loader
//   [SECTION] Session: check, sign in, sign out, 401 handling
//   [SECTION] Catalog and requests: loads
//   [SECTION] Submissions: catalog form, reply
#include "client/app/effects.h"

#include "client/app/actions.h"
#include "client/app/effects_internal.h"
#include "shared/api/routes.h"
#include "shared/domain/i18n.h"

namespace spoc::client {

using i18n::tr;

// ---------------------------------------------------------------------------------------------
// [SECTION] Helpers
// ---------------------------------------------------------------------------------------------
using namespace effects_internal;  // ErrorFromResponse, LoadInto

bool IsRetryable(const Error& error) {
    switch (error.code) {
        case ErrorCode::network:
        case ErrorCode::internal:
        case ErrorCode::unavailable:
        case ErrorCode::rate_limited: return true;
        default: return false;
    }
}

Effects::Effects(AppState& state, net::ApiClient& api, Host& host) : m_state(state), m_api(api), m_host(host) {}

net::HttpRequest Effects::MakeRequest(const char* method, std::string path, std::string body) const {
    net::HttpRequest request;
    request.method = method;
    request.path = std::move(path);
    request.body = std::move(body);
    request.headers.emplace_back("Accept", "application/json");
    if (!request.body.empty()) request.headers.emplace_back("Content-Type", "application/json");
    if (m_state.me && request.method != "GET") request.headers.emplace_back(routes::kCsrfHeader, m_state.me->csrf_token);
    return request;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Session
// ---------------------------------------------------------------------------------------------
void Effects::OnUnauthenticated() {
    if (m_state.session != SessionPhase::signed_in && m_state.session != SessionPhase::checking) return;
    const bool expired = m_state.session == SessionPhase::signed_in;
    m_state.session = SessionPhase::signed_out;
    m_state.me.reset();
    if (RouteNeedsSession(m_state.route)) m_state.after_sign_in = m_state.route;
    if (m_state.route.screen != Screen::signin) {
        Route signin;
        signin.screen = Screen::signin;
        ShowRoute(m_state, m_host, signin, /*replace=*/true);
    }
    if (expired) AddToast(&m_state, tr("Your session has ended. Sign in again to continue."), true);
}

void Effects::CheckSession() {
    const std::uint64_t ticket = NewTicket();
    m_state.session = SessionPhase::checking;
    m_state.session_ticket = ticket;
    m_api.Send(MakeRequest("GET", routes::kMe), [this, ticket](int status, const std::string& body) {
        if (m_state.session_ticket != ticket || m_state.session != SessionPhase::checking) return;
        if (status == 200) {
            Result<api::Me> me = api::DecodeMe(body);
            if (me.ok()) {
                m_state.me = std::move(me.value());
                m_state.session = SessionPhase::signed_in;
                m_state.data_owner = m_state.me->user.username;
                AdoptAccountLanguage();
                if (m_state.route.screen == Screen::signin) {
                    ShowRoute(m_state, m_host, m_state.after_sign_in.value_or(Route{}), true);
                    m_state.after_sign_in.reset();
                }
                return;
            }
            m_state.session_error = me.error();
            m_state.session = SessionPhase::check_failed;
            return;
        }
        if (status == 401) {
            OnUnauthenticated();
            return;
        }
        m_state.session_error = ErrorFromResponse(status, body);
        m_state.session = SessionPhase::check_failed;
    });
}

void Effects::SignIn() {
    SignInState& form = m_state.sign_in;
    const std::uint64_t ticket = NewTicket();
    form.in_flight = true;
    form.error.reset();
    form.ticket = ticket;
    api::SignInBody body{form.username, form.password};
    m_api.Send(MakeRequest("POST", routes::kSession, api::EncodeSignIn(body)), [this, ticket](int status, const std::string& text) {
        SignInState& form = m_state.sign_in;
        if (form.ticket != ticket) return;
        form.in_flight = false;
        if (status == 200 || status == 201) {
            Result<api::Me> me = api::DecodeMe(text);
            if (!me.ok()) {
                form.error = me.error();
                return;
            }
            if (m_state.data_owner != me->user.username) ClearUserData(&m_state);
            m_state.me = std::move(me.value());
            m_state.data_owner = m_state.me->user.username;
            m_state.session = SessionPhase::signed_in;
            AdoptAccountLanguage();
            form.password.clear();
            form.error.reset();
            ShowRoute(m_state, m_host, m_state.after_sign_in.value_or(Route{}), /*replace=*/true);
            m_state.after_sign_in.reset();
            return;
        }
        form.error = ErrorFromResponse(status, text);
        if (form.error->code == ErrorCode::invalid_credentials) form.password.clear();  // keep it for retries
    });
}

void Effects::AdoptAccountLanguage() {
    i18n::Lang lang;
    if (!m_state.me || !i18n::ParseLang(m_state.me->user.locale, &lang) || lang == i18n::CurrentLang()) return;
    m_host.SetLanguage(m_state.me->user.locale);
}

void Effects::SaveLanguage(const std::string& code) {
    if (!m_state.me) return;
    m_state.me->user.locale = code;
    m_api.Send(MakeRequest("PATCH", routes::kMe, api::EncodeMePatch(code)), [this](int status, const std::string& body) {
        if (status < 200 || status >= 300) AddToast(&m_state, ErrorFromResponse(status, body).message, /*is_error=*/true);
    });
}

void Effects::SignOut() {
    m_api.Send(MakeRequest("DELETE", routes::kSession), [](int, const std::string&) {});
    m_state.me.reset();
    m_state.session = SessionPhase::signed_out;
    m_state.after_sign_in.reset();
    m_state.sign_in = SignInState{};
    ClearUserData(&m_state);
    Route signin;
    signin.screen = Screen::signin;
    ShowRoute(m_state, m_host, signin, /*replace=*/false);
    AddToast(&m_state, tr("You're signed out."));
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Catalog and requests
// ---------------------------------------------------------------------------------------------
void Effects::LoadCatalog() {
    AppState* s = &m_state;
    LoadInto<std::vector<CatalogItem>>(
        m_api, NewTicket(), "all", routes::kCatalog, [s] { return &s->catalog; },
        [](const std::string& body) { return api::DecodeCatalogList(body); }, [this] { OnUnauthenticated(); });
}

void Effects::LoadItem(CatalogItemId id) {
    AppState* s = &m_state;
    const std::int64_t key = id.value;
    m_state.items[key];
    LoadInto<CatalogItem>(
        m_api, NewTicket(), std::to_string(key), std::string(routes::kCatalog) + "/" + std::to_string(key),
        [s, key]() -> Remote<CatalogItem>* {
            auto it = s->items.find(key);
            return it == s->items.end() ? nullptr : &it->second;
        },
        [](const std::string& body) { return api::DecodeCatalogItem(body); }, [this] { OnUnauthenticated(); });
}

void Effects::LoadOpenRequests() {
    AppState* s = &m_state;
    RequestFilter open;
    open.kind = StatusFilter::open;
    const std::string query = RequestListKey(open, 1, kHomeOpenCount);
    LoadInto<api::RequestPage>(
        m_api, NewTicket(), query, std::string(routes::kRequests) + "?" + query,
        [s] { return &s->open_requests; }, [](const std::string& body) { return api::DecodeRequestPage(body); },
        [this] { OnUnauthenticated(); });
}

void Effects::LoadRequests(const RequestFilter& filter, int page) {
    AppState* s = &m_state;
    const std::string query = RequestListKey(filter, page, kPageSize);
    LoadInto<api::RequestPage>(
        m_api, NewTicket(), query, std::string(routes::kRequests) + "?" + query, [s] { return &s->requests; },
        [](const std::string& body) { return api::DecodeRequestPage(body); }, [this] { OnUnauthenticated(); });
}

void Effects::LoadRequest(RequestId id) {
    AppState* s = &m_state;
    const std::int64_t key = id.value;
    m_state.details[key];
    LoadInto<Request>(
        m_api, NewTicket(), std::to_string(key), std::string(routes::kRequests) + "/" + std::to_string(key),
        [s, key]() -> Remote<Request>* {
            auto it = s->details.find(key);
            return it == s->details.end() ? nullptr : &it->second;
        },
        [](const std::string& body) { return api::DecodeRequest(body); }, [this] { OnUnauthenticated(); });
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Submissions
// ---------------------------------------------------------------------------------------------
void Effects::Submit(CatalogItemId id) {
    const std::int64_t key = id.value;
    FormDraftState& d = m_state.drafts[key];
    if (d.idempotency_key.empty()) d.idempotency_key = m_host.NewIdempotencyKey();
    d.phase = SubmitPhase::submitting;
    d.submit_error.reset();
    d.ticket = NewTicket();
    const std::uint64_t ticket = d.ticket;
    d.draft.catalog_item_id = id;
    d.draft.attachments = UploadedIds(d.files);
    net::HttpRequest request = MakeRequest("POST", routes::kRequests, api::EncodeDraft(d.draft));
    request.headers.emplace_back(routes::kIdempotencyHeader, d.idempotency_key);
    m_api.Send(std::move(request), [this, key, ticket](int status, const std::string& body) {
        auto it = m_state.drafts.find(key);
        if (it == m_state.drafts.end() || it->second.ticket != ticket) return;
        FormDraftState& d = it->second;
        if (status == 200 || status == 201) {
            Result<Request> created = api::DecodeRequest(body);
            if (created.ok()) {
                const CatalogItem* item = LoadedItem(m_state, CatalogItemId(key));
                d.created = std::move(created.value());
                d.phase = SubmitPhase::succeeded;
                d.draft = RequestDraft{};
                d.draft.catalog_item_id = CatalogItemId(key);
                if (item) {
                    d.draft.values = DefaultFormValues(*item);
                    if (item->ask_urgency) d.draft.urgency = item->urgency;
                }
                d.files.clear();
                d.touched.clear();
                d.submit_attempted = false;
                d.server_errors.clear();
                d.idempotency_key.clear();
                m_state.open_requests.stale = true;
                m_state.requests.stale = true;
                return;
            }
            d.phase = SubmitPhase::failed;  // stored, but the answer was unreadable: Retry replays it
            d.submit_error = created.error();
            return;
        }
        Error error = ErrorFromResponse(status, body);
        d.phase = SubmitPhase::failed;
        if (error.code == ErrorCode::validation_failed) {
            d.server_errors = error.details;
            if (d.server_errors.empty() && !error.field.empty()) d.server_errors.push_back({error.field, error.message});
            d.submit_attempted = true;
            d.idempotency_key.clear();  // the body has to change before it can be sent again
        } else if (!IsRetryable(error) && error.code != ErrorCode::unauthenticated) {
            d.idempotency_key.clear();
        }
        d.submit_error = std::move(error);
        if (status == 401) OnUnauthenticated();
    });
}

void Effects::Reply(RequestId id) {
    const std::int64_t key = id.value;
    ReplyState& reply = m_state.replies[key];
    reply.in_flight = true;
    reply.error.reset();
    reply.ticket = NewTicket();
    const std::uint64_t ticket = reply.ticket;
    api::CommentBody body;
    body.body = reply.text;
    body.internal = reply.internal && m_state.me && IsStaff(m_state.me->user.role);
    body.attachments = UploadedIds(reply.files);
    m_api.Send(MakeRequest("POST", std::string(routes::kRequests) + "/" + std::to_string(key) + "/comments",
                           api::EncodeCommentBody(body)),
               [this, key, ticket](int status, const std::string& text) {
                   auto it = m_state.replies.find(key);
                   if (it == m_state.replies.end() || it->second.ticket != ticket) return;
                   ReplyState& reply = it->second;
                   reply.in_flight = false;
                   if (status == 200 || status == 201) {
                       reply.text.clear();
                       reply.files.clear();
                       reply.error.reset();
                       Result<Comment> comment = api::DecodeComment(text);
                       auto detail = m_state.details.find(key);
                       if (comment.ok() && detail != m_state.details.end() && detail->second.has_data) {
                           detail->second.data.comments.push_back(std::move(comment.value()));
                           detail->second.data.comment_count += 1;
                       }
                       if (detail != m_state.details.end()) detail->second.stale = true;  // pick up status changes too
                       AddToast(&m_state, reply.internal ? tr("Internal note added.")
                                          : reply.reopen ? tr("Reply sent. Your request is open again.")
                                                         : tr("Reply sent."));
                       reply.reopen = false;
                       return;
                   }
                   reply.error = ErrorFromResponse(status, text);
                   if (status == 401) OnUnauthenticated();
               });
}

// The chip's file goes up as the raw body of POST /uploads?name= (session and CSRF checked before
// the server reads a byte); its answer is the staged attachment, linked later by the message.
void Effects::Upload(FileTarget target, int file) {
    std::vector<UploadChip>* chips = target.kind == FileTarget::Kind::reply  ? &m_state.replies[target.id].files
                                     : target.kind == FileTarget::Kind::form ? &m_state.drafts[target.id].files
                                                                             : nullptr;
    if (!chips) return;
    std::string name;
    for (const UploadChip& c : *chips)
        if (c.file == file) name = c.name;
    auto find = [this, target, file]() -> UploadChip* {
        std::vector<UploadChip>* list = nullptr;
        if (target.kind == FileTarget::Kind::reply) {
            auto it = m_state.replies.find(target.id);
            if (it != m_state.replies.end()) list = &it->second.files;
        } else if (target.kind == FileTarget::Kind::form) {
            auto it = m_state.drafts.find(target.id);
            if (it != m_state.drafts.end()) list = &it->second.files;
        }
        if (!list) return nullptr;
        for (UploadChip& c : *list)
            if (c.file == file) return &c;
        return nullptr;
    };
    net::HttpRequest request = MakeRequest("POST", std::string(routes::kUploads) + "?name=" + PercentEncode(name));
    m_api.SendFile(
        file, std::move(request),
        [find](std::int64_t sent, std::int64_t total) {
            if (UploadChip* chip = find()) {
                chip->sent = sent;
                if (total > 0) chip->size = total;
            }
        },
        [this, find, file](int status, const std::string& text) {
            // The page keeps the bytes only while a retry may need them.
            UploadChip* chip = find();
            if (!chip) {  // removed (cancelled), or the user signed out
                m_host.ReleaseFile(file);
                return;
            }
            if (status == 201 || status == 200) {
                Result<attachment::Attachment> stored = api::DecodeAttachment(text);
                if (stored.ok()) {
                    chip->stored = std::move(stored.value());
                    chip->name = chip->stored.name;
                    chip->sent = chip->size;
                    chip->phase = UploadPhase::done;
                    m_host.ReleaseFile(file);
                    return;
                }
                chip->error = stored.error();
            } else {
                chip->error = ErrorFromResponse(status, text);
            }
            chip->phase = UploadPhase::failed;
            chip->sent = 0;
            chip->held = IsRetryable(*chip->error);
            if (!chip->held) m_host.ReleaseFile(file);
            if (status == 401) OnUnauthenticated();
        });
}

void Effects::AbortUpload(int file) { m_api.AbortFile(file); }

}  // namespace spoc::client
