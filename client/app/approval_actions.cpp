// An approver's decisions (issue 13): approve with an optional comment, or reject with the reason
// the requester reads (shared approval::ValidateDecisionComment first), from #/approvals or the
// request page; the inbox behind the top bar's "Approvals" count; "When you're away": handing
// one's approvals to a colleague for some days (shared approval::ValidateDelegation first).
#include "client/app/actions.h"
#include "client/app/effects.h"
#include "client/app/effects_internal.h"
#include "shared/api/routes.h"
#include "shared/domain/approval.h"
#include "shared/domain/i18n.h"
#include "shared/domain/text.h"
#include "shared/domain/time.h"

namespace spoc::client {

using namespace effects_internal;  // ErrorFromResponse, LoadInto
using i18n::Format;
using i18n::tr;

namespace {

// The version the approver decides on: the request page's copy, else the inbox's.
int KnownVersion(const AppState& state, RequestId id) {
    if (auto d = state.details.find(id.value); d != state.details.end() && d->second.has_data) return d->second.data.version;
    if (state.approvals.has_data)
        for (const Request& r : state.approvals.data.items)
            if (r.id == id) return r.version;
    return 0;
}

}  // namespace

void Actions::EditDecisionComment(RequestId id, std::string text) {
    DecisionState& d = m_state.decisions[id.value];
    if (d.in_flight) return;
    d.comment = std::move(text);
    if (d.error && d.error->code != ErrorCode::network) d.error.reset();
}

void Actions::StartReject(RequestId id, bool on) {
    DecisionState& d = m_state.decisions[id.value];
    if (d.in_flight) return;
    d.rejecting = on;
    d.error.reset();
}

void Actions::Approve(RequestId id) {
    DecisionState& d = m_state.decisions[id.value];
    if (d.in_flight) return;
    api::DecisionBody body{true, std::string(Trim(d.comment)), KnownVersion(m_state, id)};
    if (auto bad = approval::ValidateDecisionComment(approval::Decision::approve, body.comment); !bad.empty()) {
        d.error = MakeError(ErrorCode::validation_failed, bad.front().message, bad.front().field);
        return;
    }
    m_effects.SendDecision(id, body);
}

void Actions::Reject(RequestId id) {
    DecisionState& d = m_state.decisions[id.value];
    if (d.in_flight) return;
    if (!d.rejecting) {  // the first click asks for the reason
        d.rejecting = true;
        return;
    }
    api::DecisionBody body{false, std::string(Trim(d.comment)), KnownVersion(m_state, id)};
    if (auto bad = approval::ValidateDecisionComment(approval::Decision::reject, body.comment); !bad.empty()) {
        d.error = MakeError(ErrorCode::validation_failed, bad.front().message, bad.front().field);
        return;
    }
    m_effects.SendDecision(id, body);
}

void Actions::EditDelegation(DelegationField field, std::string text) {
    DelegationDraft& d = m_state.delegation;
    if (d.in_flight) return;
    std::string& slot = field == DelegationField::to ? d.to : field == DelegationField::from ? d.from_date : d.until_date;
    slot = std::move(text);
    if (d.error && d.error->code != ErrorCode::network) d.error.reset();
}

void Actions::AddDelegation() {
    DelegationDraft& d = m_state.delegation;
    if (d.in_flight) return;
    // The days are the approver's own: from the start of the first to the end of the last, locally.
    api::DelegationBody body;
    body.to = std::string(Trim(d.to));
    CivilDate from{}, until{};
    const std::string_view from_text = Trim(d.from_date), until_text = Trim(d.until_date);
    if (!from_text.empty() && !ParseDate(from_text, &from)) {
        d.error = MakeError(ErrorCode::validation_failed, tr("Enter a date as YYYY-MM-DD."), "from");
        return;
    }
    if (!ParseDate(until_text, &until)) {
        d.error = MakeError(ErrorCode::validation_failed, until_text.empty() ? tr("Say until when.") : tr("Enter a date as YYYY-MM-DD."), "until");
        return;
    }
    body.starts_at = from_text.empty() ? m_clock.now : LocalMidnight(m_clock, from);
    body.ends_at = LocalMidnight(m_clock, until) + kMsPerDay;
    if (auto bad = approval::ValidateDelegation(body.to, body.starts_at, body.ends_at); !bad.empty()) {
        d.error = MakeError(ErrorCode::validation_failed, bad.front().message, bad.front().field == "ends_at" ? "until" : bad.front().field);
        return;
    }
    if (body.ends_at <= m_clock.now) {
        d.error = MakeError(ErrorCode::validation_failed, tr("The delegation has already ended."), "until");
        return;
    }
    m_effects.SendDelegation(body);
}

void Actions::EndDelegation(std::int64_t id) {
    if (m_state.delegation.in_flight) return;
    m_effects.SendEndDelegation(id);
}

void Effects::LoadDelegations() {
    AppState* s = &m_state;
    LoadInto<std::vector<api::DelegationView>>(
        m_api, NewTicket(), "mine", routes::kDelegations, [s] { return &s->delegations; },
        [](const std::string& body) { return api::DecodeDelegations(body); }, [this] { OnUnauthenticated(); });
}

// Adds (POST) or ends (DELETE, ending = id) a delegation; the list is re-read after either.
void Effects::SendDelegation(const api::DelegationBody& body) {
    DelegationDraft& d = m_state.delegation;
    d.in_flight = true;
    d.error.reset();
    d.ticket = NewTicket();
    const std::uint64_t ticket = d.ticket;
    m_api.Send(MakeRequest("POST", routes::kDelegations, api::EncodeDelegationBody(body)),
               [this, ticket](int status, const std::string& text) {
                   DelegationDraft& d = m_state.delegation;
                   if (d.ticket != ticket) return;
                   d.in_flight = false;
                   m_state.delegations.stale = true;
                   if (status == 201) {
                       Result<api::DelegationView> made = api::DecodeDelegation(text);
                       d = DelegationDraft{};
                       // TRANSLATORS: after handing one's approvals to a colleague; {0} is their name.
                       AddToast(&m_state, Format(tr("{0} now approves for you."), {made.ok() ? made.value().to_name : std::string()}));
                       return;
                   }
                   d.error = ErrorFromResponse(status, text);
                   if (status == 401) OnUnauthenticated();
               });
}

void Effects::SendEndDelegation(std::int64_t id) {
    DelegationDraft& d = m_state.delegation;
    d.in_flight = true;
    d.ending = id;
    d.error.reset();
    d.ticket = NewTicket();
    const std::uint64_t ticket = d.ticket;
    m_api.Send(MakeRequest("DELETE", std::string(routes::kDelegations) + "/" + std::to_string(id), ""),
               [this, ticket](int status, const std::string& text) {
                   DelegationDraft& d = m_state.delegation;
                   if (d.ticket != ticket) return;
                   d.in_flight = false;
                   d.ending = 0;
                   m_state.delegations.stale = true;
                   if (status == 204 || status == 404) {  // 404: it had already ended
                       AddToast(&m_state, tr("The delegation has ended. Your approvals come to you alone again."));
                       return;
                   }
                   d.error = ErrorFromResponse(status, text);
                   if (status == 401) OnUnauthenticated();
               });
}

void Effects::LoadApprovals() {
    AppState* s = &m_state;
    LoadInto<api::RequestPage>(
        m_api, NewTicket(), "inbox", std::string(routes::kApprovals) + "?limit=50", [s] { return &s->approvals; },
        [](const std::string& body) { return api::DecodeRequestPage(body); }, [this] { OnUnauthenticated(); });
}

void Effects::SendDecision(RequestId id, const api::DecisionBody& body) {
    const std::int64_t key = id.value;
    DecisionState& d = m_state.decisions[key];
    d.in_flight = true;
    d.error.reset();
    d.ticket = NewTicket();
    const std::uint64_t ticket = d.ticket;
    const bool approve = body.approve;
    m_api.Send(MakeRequest("POST", std::string(routes::kRequests) + "/" + std::to_string(key) + "/approval",
                           api::EncodeDecisionBody(body)),
               [this, key, ticket, approve](int status, const std::string& text) {
                   auto it = m_state.decisions.find(key);
                   if (it == m_state.decisions.end() || it->second.ticket != ticket) return;
                   DecisionState& d = it->second;
                   d.in_flight = false;
                   m_state.approvals.stale = true;
                   if (status == 200) {
                       if (Result<Request> r = api::DecodeRequest(text); r.ok()) {
                           Remote<Request>& detail = m_state.details[key];
                           detail.data = std::move(r.value());
                           detail.has_data = true;
                           detail.data_key = detail.key = std::to_string(key);
                           if (detail.load != Load::loading) detail.load = Load::ready;
                       }
                       d = DecisionState{};
                       AddToast(&m_state, approve ? tr("Approved. The requester is told.") : tr("Rejected. The requester reads your reason."));
                       return;
                   }
                   d.error = ErrorFromResponse(status, text);
                   if (status == 409)
                       if (auto detail = m_state.details.find(key); detail != m_state.details.end()) detail->second.stale = true;
                   if (status == 401) OnUnauthenticated();
               });
}

}  // namespace spoc::client
