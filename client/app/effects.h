// Effects: the only client code that starts I/O. Each function builds one HTTP call from state
// (CSRF token, Idempotency-Key, JSON body via shared/api codecs), marks the matching slot as in
// flight, and on completion decodes the answer into AppState. A 401 anywhere but sign-in sends the
// user to the sign-in screen and remembers where they were.
#pragma once
#include <functional>
#include <string>

#include "client/app/host.h"
#include "client/app/state.h"
#include "client/net/api_client.h"

namespace spoc::client {

bool IsRetryable(const Error& error);   // network, 5xx, rate limited: same request may succeed later

// What a live event changes in the cached data (pure; used by Effects::OnLiveEvent).
void ApplyRequestEvent(AppState* state, const api::RequestEvent& e);
void ApplyPresenceEvent(AppState* state, const api::PresenceEvent& e);

class Effects {
public:
    Effects(AppState& state, net::ApiClient& api, Host& host);

    void CheckSession();                           // GET /me: restore the session after a reload
    void SignIn();                                 // POST /session with state.sign_in
    void SignOut();                                // DELETE /session (local state is cleared at once)
    void SaveLanguage(const std::string& code);    // PATCH /me {"locale"}: the account's language
    void AdoptAccountLanguage();                   // after /me: the account's saved language, if any, is shown
    void LoadCatalog();                            // GET /catalog
    void LoadItem(CatalogItemId id);               // GET /catalog/{id}
    void LoadOpenRequests();                       // GET /requests?status=open (home panel)
    void LoadRequests(const RequestFilter& filter, int page); // GET /requests?status=&page=
    void LoadRequest(RequestId id);                // GET /requests/{id}
    void Submit(CatalogItemId id);                 // POST /requests with the draft and its Idempotency-Key
    void Reply(RequestId id);                      // POST /requests/{id}/comments
    void LoadDoneRequests();                       // GET /requests?status=done (home: the survey banner)
    void Upload(FileTarget target, int file);      // POST /uploads?name= with the chip's file (progress, abort)
    void AbortUpload(int file);                    // stop it (the chip is already gone)
    void SendSurvey(RequestId id, const survey::Answer& answer); // PUT /requests/{id}/survey
    void LoadApprovals();                          // GET /approvals (inbox and count)
    void SendDecision(RequestId id, const api::DecisionBody& body); // POST /requests/{id}/approval
    void LoadDelegations();                        // GET /approvals/delegations
    void SendDelegation(const api::DelegationBody& body);  // POST /approvals/delegations
    void SendEndDelegation(std::int64_t id);       // DELETE /approvals/delegations/{id}
    void LoadPeople();                             // GET /users?q=&page= (admins; state.people_admin)
    void SendPerson(std::int64_t id, const api::PersonPatch& patch);  // PATCH /users/{id}
    void LoadReportSummary(const std::string& query);  // GET /reports/summary?<query>
    void LoadReportBreakdown(const std::string& slot, const std::string& by, const std::string& query);  // /breakdown
    void LoadReportHeatmap(const std::string& query);  // GET /reports/heatmap?<query>

    // ---- Agent mode (agent_effects.cpp)
    void LoadQueueBlock(const std::string& query, int block); // GET /queue?<query>&page=block+1&page_size=100
    void UpdateRequest(RequestId id, api::RequestPatch patch); // PATCH /requests/{id}
    void BulkUpdate(std::vector<RequestId> ids, api::RequestPatch patch); // POST /requests/bulk
    void LoadAgentSelf();                          // GET /agents/me
    void SetAvailability(bool available);          // PUT /agents/me/availability
    void LoadNotifications();                      // GET /notifications?limit=20
    void MarkNotificationRead(std::int64_t id);    // POST /notifications/{id}/read
    static constexpr Timestamp kInboxRecheckMs = 15000; // live events re-read the inbox at most this often

    // ---- Ticket workspace (workspace_effects.cpp; staff)
    void LoadRelated(RequestId id, const std::string& key); // GET /requests/{id}/related
    void LoadHistory(RequestId id, const std::string& key); // GET /requests/{id}/history
    void LoadCanned();                             // GET /canned
    void LoadGroups();                             // GET /groups
    void AddLink(RequestId id, api::LinkBody body); // POST /requests/{id}/links
    void RemoveLink(RequestId id, RequestId other); // DELETE /requests/{id}/links/{other}
    void Merge(RequestId id, api::MergeBody body); // POST /requests/{id}/merge (a 409 offers "Apply again")
    void ExpandCanned(RequestId id, std::int64_t canned_id); // GET /requests/{id}/canned/{cid}

    // ---- Live updates (live_effects.cpp)
    void OpenLive();                               // GET /events as a stream, for the signed-in user
    void CloseLive();
    void OnLiveEvent(const std::string& type, const std::string& data);
    void SendPresence(RequestId id, const std::string& state); // POST /requests/{id}/presence
    static constexpr Timestamp kPresenceEveryMs = 10000; // re-say "viewing" this often (server forgets after 30 s)

    // ---- Knowledge base (kb_effects.cpp)
    void LoadKbIndex(bool kiosk = false);          // GET /kb/index (a kiosk: /kiosk/kb/index, public articles; revalidated by ETag)
    void LoadArticle(ArticleId id, bool count_view); // GET /kb/articles/{id}[?view=false]
    void LoadKbPopular();                          // GET /kb/articles?sort=helpful
    void LoadKbManage();                           // GET /kb/articles (staff: every state)
    void LoadKbReview();                           // GET /kb/review
    void LoadKbStats();                            // GET /kb/stats (admin)
    void LoadVersions(ArticleId id);               // GET /kb/articles/{id}/versions
    void SaveArticle(ArticleId id);                // POST (id 0) or PUT with the editor's content
    void ChangeArticleState(ArticleId id, ArticleState to, int base_version);
    void SendFeedback(ArticleId id);               // POST /kb/articles/{id}/feedback
    void Deflect(CatalogItemId item, ArticleId article, std::string query); // POST /kb/deflections
    void LoadSynonyms();                           // GET /kb/synonyms (admin screen)
    void SaveSynonyms();                           // PUT /kb/synonyms with state.synonyms_draft

    // ---- Walk-up kiosk and board (kiosk_effects.cpp; the kiosk's credential, never a session)
    void LoadKioskDevice();                        // GET /kiosk/me (401: not paired -> StartKioskPairing)
    void StartKioskPairing();                      // POST /kiosk/pairing: a code to show
    void PollKioskPairing();                       // GET /kiosk/pairing (paired: the credential cookie arrives)
    void KioskCheckIn(Timestamp now);              // POST /kiosk/checkins with the visitor's inputs (offline: the outbox)
    void QueueOfflineCheckIn(api::CheckinBody body, Timestamp now);  // into the stored outbox, ticket K-n
    void SyncKioskOutbox(Timestamp now);           // POST the oldest stored check-in (Idempotency-Key, kiosk clock)
    void LoadKioskBoard();                         // GET /kiosk/board
    void KioskRate(std::int64_t visit, int score); // POST /kiosk/visits/{id}/survey
    void OpenKioskLive();                          // GET /kiosk/events: re-read the board on each walk-up change

    // ---- Walk-up console (kiosk_effects.cpp; staff session)
    void LoadWalkupLocations();                    // GET /walkup/locations
    void LoadWalkupVisits(std::int64_t location);  // GET /walkup/locations/{id}/queue
    void WalkupStep(std::int64_t visit, const std::string& action, api::VisitAction body); // POST /walkup/visits/{id}/{action}
    void WalkupCallNext(std::int64_t location, std::int64_t desk); // POST /walkup/locations/{id}/call-next
    void PairKiosk(api::PairKioskBody body);       // POST /walkup/kiosks (admin)

    // ---- Walk-up desks for the person signed in (desks_effects.cpp) ----
    void LoadDesks();                              // GET /walkup/locations and /walkup/visits (mine)
    void LoadSlots(std::int64_t location, const std::string& date);  // GET .../slots?date=YYYY-MM-DD
    void JoinQueueRemotely(std::int64_t location, const std::string& reason, const std::string& note);  // "I'm on my way"
    void BookVisit(std::int64_t location, api::BookingBody body);               // POST .../appointments
    void MoveVisit(std::int64_t visit, Timestamp start);                        // POST /visits/{id}/reschedule
    void ActOnMyVisit(std::int64_t visit, const std::string& action, int score = 0);  // cancel | survey

    static constexpr int kPageSize = 20;           // rows per page on #/requests
    static constexpr int kHomeOpenCount = 5;       // open requests shown on the home page
    static constexpr int kHomeDoneCount = 10;
    static constexpr int kPeoplePageSize = 25;     // people per page on #/people      // done requests read for the home survey banner
    static constexpr Timestamp kKbIndexRecheckMs = 60000; // revalidate the index at most once a minute

private:
    net::HttpRequest MakeRequest(const char* method, std::string path, std::string body = {}) const;
    void OnUnauthenticated();                      // session expired: go to sign-in, keep drafts
    std::uint64_t NewTicket() { return m_state.next_ticket++; }
    void DesksStep(std::string path, std::string body, std::function<void(const api::Visit&)> done);  // POST, then refresh

    AppState& m_state;
    net::ApiClient& m_api;
    Host& m_host;
};

}  // namespace spoc::client
