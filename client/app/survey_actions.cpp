// The requester's satisfaction survey (issue 13): one click saves a score, then an optional
// comment and "How easy was it to get help?" (shared survey.h decides when it may be answered and
// what a valid answer is); the home banner asks about the latest resolved request.
#include "client/app/actions.h"
#include "client/app/effects.h"
#include "client/app/effects_internal.h"
#include "shared/api/routes.h"
#include "shared/domain/i18n.h"
#include "shared/domain/survey.h"
#include "shared/domain/text.h"

namespace spoc::client {

using namespace effects_internal;  // ErrorFromResponse, LoadInto
using i18n::tr;

namespace {

const Request* LoadedRequest(const AppState& state, RequestId id) {
    if (auto d = state.details.find(id.value); d != state.details.end() && d->second.has_data) return &d->second.data;
    if (state.done_requests.has_data)
        for (const Request& r : state.done_requests.data.items)
            if (r.id == id) return &r;
    return nullptr;
}

// The effort and comment being edited start from the stored answer.
void Seed(SurveyState& s, const Request* r) {
    if (s.seeded || !r) return;
    s.effort = r->survey.effort;
    s.comment = r->survey.comment;
    s.seeded = true;
}

}  // namespace

void Actions::RateRequest(RequestId id, int score) {
    SurveyState& s = m_state.surveys[id.value];
    if (s.in_flight || !survey::ValidateScore(score).empty()) return;
    const Request* r = LoadedRequest(m_state, id);
    Seed(s, r);
    survey::Answer answer;
    answer.score = score;
    answer.effort = s.effort;
    answer.comment = std::string(Trim(s.comment));
    if (!survey::ValidateAnswer(answer).empty()) {  // a comment being edited is too long: keep it out of the click
        answer.effort = r ? r->survey.effort : 0;
        answer.comment = r ? r->survey.comment : std::string();
    }
    m_effects.SendSurvey(id, answer);
}

void Actions::OpenSurveyDetails(RequestId id, bool open) {
    SurveyState& s = m_state.surveys[id.value];
    if (s.in_flight) return;
    s.seeded = false;
    Seed(s, LoadedRequest(m_state, id));  // open or cancel: back to what is stored
    s.details_open = open;
    s.error.reset();
}

void Actions::SetSurveyEffort(RequestId id, int effort) {
    SurveyState& s = m_state.surveys[id.value];
    if (s.in_flight) return;
    Seed(s, LoadedRequest(m_state, id));
    s.effort = effort >= survey::kMinEffort && effort <= survey::kMaxEffort && effort != s.effort ? effort : 0;
}

void Actions::EditSurveyComment(RequestId id, std::string text) {
    SurveyState& s = m_state.surveys[id.value];
    if (s.in_flight) return;
    Seed(s, LoadedRequest(m_state, id));
    s.comment = std::move(text);
    if (s.error && s.error->code != ErrorCode::network) s.error.reset();
}

void Actions::SaveSurveyDetails(RequestId id) {
    SurveyState& s = m_state.surveys[id.value];
    const Request* r = LoadedRequest(m_state, id);
    if (s.in_flight || !r || r->survey.score == 0) return;
    Seed(s, r);
    survey::Answer answer;
    answer.score = r->survey.score;
    answer.effort = s.effort;
    answer.comment = std::string(Trim(s.comment));
    if (auto bad = survey::ValidateAnswer(answer); !bad.empty()) {
        s.error = MakeError(ErrorCode::validation_failed, bad.front().message, bad.front().field);
        return;
    }
    m_effects.SendSurvey(id, answer);
}

void Actions::HideSurveyBanner(RequestId id) { m_state.survey_banner_hidden.insert(id.value); }

void Effects::LoadDoneRequests() {
    AppState* s = &m_state;
    RequestFilter done;
    done.kind = StatusFilter::done;
    const std::string query = RequestListKey(done, 1, kHomeDoneCount);
    LoadInto<api::RequestPage>(
        m_api, NewTicket(), query, std::string(routes::kRequests) + "?" + query, [s] { return &s->done_requests; },
        [](const std::string& body) { return api::DecodeRequestPage(body); }, [this] { OnUnauthenticated(); });
}

void Effects::SendSurvey(RequestId id, const survey::Answer& answer) {
    const std::int64_t key = id.value;
    SurveyState& s = m_state.surveys[key];
    s.in_flight = true;
    s.error.reset();
    s.sending_score = answer.score;
    s.ticket = NewTicket();
    const std::uint64_t ticket = s.ticket;
    const bool first = [&] {
        auto d = m_state.details.find(key);
        return d == m_state.details.end() || !d->second.has_data || d->second.data.survey.score == 0;
    }();
    m_api.Send(MakeRequest("PUT", std::string(routes::kRequests) + "/" + std::to_string(key) + "/survey",
                           api::EncodeSurveyBody(answer)),
               [this, key, ticket, first](int status, const std::string& body) {
                   auto it = m_state.surveys.find(key);
                   if (it == m_state.surveys.end() || it->second.ticket != ticket) return;
                   SurveyState& s = it->second;
                   s.in_flight = false;
                   s.sending_score = 0;
                   if (status == 200) {
                       Result<Request> r = api::DecodeRequest(body);
                       if (r.ok()) {
                           Remote<Request>& d = m_state.details[key];
                           d.data = std::move(r.value());
                           d.has_data = true;
                           d.data_key = d.key = std::to_string(key);
                           if (d.load != Load::loading) d.load = Load::ready;
                       }
                       s.details_open = first;  // after the first click: invite a comment
                       s.seeded = false;
                       m_state.done_requests.stale = true;
                       m_state.requests.stale = true;
                       AddToast(&m_state, tr("Thank you for your feedback."));
                       return;
                   }
                   s.error = ErrorFromResponse(status, body);
                   if (status == 409) {
                       if (auto d = m_state.details.find(key); d != m_state.details.end()) d->second.stale = true;
                       m_state.done_requests.stale = true;
                   }
                   if (status == 401) OnUnauthenticated();
               });
}

}  // namespace spoc::client
