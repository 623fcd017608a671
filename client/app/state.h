// AppState: everything the browser client knows, in one plain struct the UI reads through
// view-models. Server data is cached in Remote<T> slots (load status + last good value + error);
// drafts (sign-in, catalog forms, replies) live here too, so navigation and errors never lose them.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "client/app/route.h"
#include "shared/domain/i18n.h"
#include "shared/api/agent_dto.h"
#include "shared/api/dto.h"
#include "shared/api/report_dto.h"
#include "shared/api/walkup_dto.h"
#include "shared/api/kb_dto.h"
#include "shared/api/live_dto.h"
#include "shared/api/agent_dto.h"
#include "shared/api/workspace_dto.h"
#include "shared/domain/attachment.h"
#include "shared/domain/kb.h"
#include "shared/domain/search.h"
#include "shared/domain/catalog.h"
#include "shared/domain/request.h"
#include "shared/domain/result.h"
#include "shared/domain/time.h"

namespace spoc::client {

// ---- Time ---------------------------------------------------------------------------------
// The client never reads a clock itself: the platform passes one of these into every frame.
struct Clock {
    Timestamp now = 0;           // ms since epoch, UTC
    int utc_offset_minutes = 0;  // local time = UTC + offset (browser's time zone)
};
int LocalHour(const Clock& clock);        // 0..23 in the browser's time zone
CivilDate LocalToday(const Clock& clock); // today's date in the browser's time zone
CivilDate LocalDate(const Clock& clock, Timestamp t);  // the browser's date at instant t
std::string LocalDateText(const Clock& clock, Timestamp t);  // that date, short and localized ("Dec 13, 2026")
Timestamp LocalMidnight(const Clock& clock, const CivilDate& date);  // the instant `date` starts in the browser's zone

// ---- Remote data ----------------------------------------------------------------------------
enum class Load { idle, loading, ready, failed };

template <class T>
struct Remote {
    Load load = Load::idle;
    T data{};               // last good value; kept while reloading so screens don't flash
    bool has_data = false;
    Error error;            // why the last load failed (load == failed)
    std::string key;        // what the latest load is for ("status=open&page=1", "42")
    std::string data_key;   // what `data` is for (differs from key while another key loads)
    std::uint64_t ticket = 0; // identifies the load in flight; older responses are dropped
    bool stale = false;     // reload at the next Sync even though key matches
};

// True when `slot` should (re)load for `key`: never loaded, loaded for another key, or marked
// stale, and nothing is in flight for this key.
template <class T>
bool NeedsLoad(const Remote<T>& slot, const std::string& key) {
    if (slot.key != key) return true;
    if (slot.load == Load::loading) return false;
    return slot.load == Load::idle || slot.stale;
}

// ---- Catalog search -------------------------------------------------------------------------
// The catalog's search index (shared/domain/catalog_search.h), kept between frames: rebuilt only
// when the catalog or the knowledge synonyms it borrows change.
struct CatalogSearchCache {
    std::uint64_t fingerprint = 0; // CatalogSearchFingerprint of what `index` holds (0: never built)
    SearchIndex index;
};

// ---- Session --------------------------------------------------------------------------------
enum class SessionPhase { unknown, checking, check_failed, signed_out, signed_in };

struct SignInState {
    std::string username;
    std::string password;
    bool in_flight = false;
    std::optional<Error> error;  // invalid credentials, rate limited, network
    std::uint64_t ticket = 0;
};

// ---- Files being attached (a reply box or a new request's form) ----------------------------
// A file the person chose (picker, drop or paste). Its bytes stay in the page; the app knows it by
// the page's handle until the upload is answered. Sent with the message once every one is done.
enum class UploadPhase { uploading, done, failed };
struct UploadChip {
    int file = 0;                  // the page's handle (unique for the page's life)
    std::string name;              // as the browser names it; the server's cleaned name once done
    std::int64_t size = 0;         // bytes
    std::int64_t sent = 0;         // bytes sent so far
    UploadPhase phase = UploadPhase::uploading;
    attachment::Attachment stored; // done: what the server kept (id, cleaned name, detected type)
    std::optional<Error> error;    // failed: too big, a refused type, the network
    bool held = false;             // failed, and the page still has the bytes: "Retry" may send them again
};
// Which composer a file goes to: a request's reply box or a catalog item's form.
struct FileTarget {
    enum class Kind { none, reply, form };
    Kind kind = Kind::none;
    std::int64_t id = 0;           // request id (reply) or catalog item id (form)
    bool operator==(const FileTarget&) const = default;
};
// Where a file came from (the tests and the toast wording tell them apart).
enum class FileSource { picker, drop, paste };
struct LocalFile {                 // what the page reports of a chosen file
    int file = 0;
    std::string name;
    std::int64_t size = 0;
    std::string type;              // the browser's guess from the name ("image/png"); informative only
};
std::string FormatFileSize(std::int64_t bytes);  // "12 bytes", "340 kB", "1.2 MB", "25 MB" (SI units, localized digits)
std::string FileKindLabel(const std::string& mime, const std::string& name);  // "PDF", "Word document", "PNG image"
bool UploadsBusy(const std::vector<UploadChip>& files);            // some still uploading
std::vector<std::int64_t> UploadedIds(const std::vector<UploadChip>& files);  // the done ones, in order

// ---- People (admins, #/people) --------------------------------------------------------------
struct PersonDraft {               // one person's editor, open under their row
    std::string department;
    std::string manager;           // a username; "" for none
    bool saving = false;
    std::optional<Error> error;
    std::uint64_t ticket = 0;
};
struct PeopleState {
    std::string search;            // the box as typed
    int page = 1;
    std::map<std::int64_t, PersonDraft> editing;  // by user id
};
std::string PeopleKey(const PeopleState& people);  // "q=<search>&page=N": what `people` holds (people_actions.cpp)

// ---- Catalog forms --------------------------------------------------------------------------
enum class SubmitPhase { editing, submitting, failed, succeeded };

struct FormDraftState {
    RequestDraft draft;                      // what the employee typed (values keyed by field key)
    bool initialized = false;                // defaults from the item definition applied
    std::set<std::string> touched;           // "summary", "description", "urgency", "values.<key>"
    bool submit_attempted = false;           // show every error from now on
    std::vector<FieldError> server_errors;   // 422 details, each removed when its field is edited
    SubmitPhase phase = SubmitPhase::editing;
    std::string idempotency_key;             // of the last attempt; Retry reuses it, edits clear it
    std::optional<Error> submit_error;       // failed: what went wrong
    Request created;                         // succeeded: the new request
    std::vector<UploadChip> files;           // attached to the new request
    std::uint64_t ticket = 0;
};

// ---- Request conversation -------------------------------------------------------------------
struct ReplyState {
    std::string text;
    bool internal = false;         // staff: an internal note (never shown to the requester)
    bool focus = false;            // put the keyboard in the reply box at the next frame ("r")
    bool reopen = false;           // requester: "This didn't fix it" - the reply reopens the resolved request
    std::vector<UploadChip> files; // attached to the reply (or note)
    bool in_flight = false;
    std::optional<Error> error;
    std::uint64_t ticket = 0;
};

// An approver's decision on a request while it is made (the inbox and the request page).
struct DecisionState {
    std::string comment;           // optional to approve, the reason to reject
    bool rejecting = false;        // "Reject" opened the reason box
    bool in_flight = false;
    std::optional<Error> error;
    std::uint64_t ticket = 0;
};

// "When you're away" on #/approvals: who decides for me, from and until which dates (local).
struct DelegationDraft {
    std::string to;                // their username
    std::string from_date;         // "YYYY-MM-DD"; empty: from now
    std::string until_date;        // "YYYY-MM-DD", the last day they decide for me
    bool in_flight = false;
    std::int64_t ending = 0;       // the delegation being ended
    std::optional<Error> error;
    std::uint64_t ticket = 0;
};

// A request's satisfaction survey while it is answered (the request page and the home banner).
struct SurveyState {
    bool details_open = false;     // "Add a comment" opened (or an answer being changed)
    bool seeded = false;           // effort and comment copied from the stored answer
    int effort = 0;                // 0 = not given
    std::string comment;
    int sending_score = 0;         // the score in flight (shown at once); 0 = none
    bool in_flight = false;
    std::optional<Error> error;
    std::uint64_t ticket = 0;
};

// ---- Knowledge base -------------------------------------------------------------------------
// The downloaded index of the articles this user may read, searched locally as they type.
struct KbIndexData {
    api::KbIndex index;            // titles, categories, plain texts, synonyms
    SearchIndex search;            // built from `index` with api::BuildKbSearchIndex
};

struct FeedbackState {
    bool voted = false;            // this session: a vote was recorded
    bool helpful = true;
    std::string comment;
    bool comment_open = false;     // "not helpful" opens the comment box
    bool comment_sent = false;
    bool in_flight = false;
    std::optional<Error> error;
    std::uint64_t ticket = 0;
};

struct EditorState {
    bool initialized = false;      // content copied from the loaded article (or blank for a new one)
    ArticleContent content;
    std::string tags_text;         // "vpn, remote access" as typed
    int base_version = 0;          // version the edit started from (0 for new)
    bool dirty = false;
    bool saving = false;
    std::vector<FieldError> problems;   // from the shared validation or a 422
    std::optional<Error> error;    // save failed (409 stale, network, ...)
    bool stale = false;            // 409: someone else saved meanwhile
    int diff_version = 0;          // version whose changes the history panel shows (0: none)
    int tab = 0;                   // 0 write, 1 preview (narrow windows), 2 history
    std::uint64_t ticket = 0;
};

struct DeflectionState {
    bool solved = false;           // "This solved it" recorded: nothing filed
    ArticleId article;             // the article that solved it
    std::string article_title;
    bool in_flight = false;
    std::optional<Error> error;
    std::uint64_t ticket = 0;
};

// ---- Agent mode -----------------------------------------------------------------------------
struct WorkflowState {             // a status / assignment change in flight on one request
    bool in_flight = false;
    std::optional<Error> error;    // 409 (changed meanwhile), 422 (not allowed), network...
    std::optional<api::RequestPatch> rejected; // 409: the change, to apply again on the fresh version
    std::uint64_t ticket = 0;
    std::optional<Status> confirm; // a step waiting in the confirmation dialog (cancel, resolve)
    std::string confirm_text;      // its cancel reason or resolution note, as typed
};

// The agent queue as one long list: the API pages it, the client keeps the blocks of rows it has
// fetched (by block index) and loads the ones scrolled into view, so 100,000 rows scroll like
// 100. Live events mark it stale: the blocks in view reload, the rest are dropped.
struct QueueBlock {
    std::vector<Request> rows;
    Load load = Load::idle;
    bool stale = false;            // reload when in view
    std::uint64_t ticket = 0;
};

struct QueueState {
    static constexpr int kBlockRows = 100;  // rows per API page (the API's page_size limit)
    std::string key;               // QueueQueryString of what `blocks` hold
    int total = -1;                // rows in the view (-1: not known yet)
    std::map<int, QueueBlock> blocks;
    int loads_in_flight = 0;       // block GETs sent and not answered (dropped blocks included)
    std::optional<Error> error;    // the last block load failed
    bool stale = false;            // something changed: reload the blocks in view
    int first_visible = 0;         // rows the screen shows (reported by the UI each frame)
    int last_visible = 30;
    int cursor = -1;               // keyboard row (j/k), -1: none
    bool scroll_to_cursor = false; // the UI brings the cursor row into view once
    std::set<std::int64_t> selected; // request ids ticked for a bulk change
    bool bulk_in_flight = false;
    std::optional<Error> bulk_error;
    std::string search_draft;      // the search box as typed (applied to the route after a pause)
    Timestamp search_edited_at = 0; // 0: nothing waiting
    std::uint64_t bulk_ticket = 0;
};

// The agent's own availability (auto-assignment skips agents who are away) and their inbox of
// notifications (SLA breaches escalated to them).
struct AgentInboxState {
    Remote<api::AgentSelf> self;
    bool availability_saving = false;
    std::optional<Error> availability_error;
    Remote<api::NotificationPage> notifications;
    Timestamp notifications_loaded_at = 0;  // live events re-read the inbox at most this often
};

// ---- Live updates ---------------------------------------------------------------------------
// The server-sent event stream and "who else is on this request". Events only mark cached data
// stale; the normal loads re-read it, so visibility rules stay on the server.
struct LiveState {
    std::string open_for;          // username the stream was opened for ("": closed)
    bool connected = false;        // "ready" seen and no drop since
    int drops = 0;                 // how often the stream dropped (it reconnects by itself)
    int events = 0;                // request events received (tests, diagnostics)
    std::map<std::int64_t, std::vector<api::PresenceEvent>> presence;  // by request: other staff there
    RequestId presence_request;    // the request this agent last said they are on
    std::string presence_state;    // what was said: "viewing" / "replying"
    Timestamp presence_sent_at = 0;
    // One presence POST at a time, so the server sees them in the order said: a late "replying"
    // can't land after "left" and keep a departed agent on the request until it expires.
    bool presence_in_flight = false;
    std::vector<std::pair<RequestId, std::string>> presence_queue;  // said meanwhile, in order
};

// ---- Ticket workspace (staff) ---------------------------------------------------------------
// What an agent works with beside one request: the requester's other requests and the links
// (GET .../related), the change history, canned replies, the group directory, and the drafts of
// the link box, a merge and the group/assignee/impact/urgency editor (workspace_actions.cpp).
struct DetailsDraft {              // unsaved edits of the Details card; unset = as the request has it
    std::optional<std::int64_t> group_id;  // 0: no group
    std::optional<UserId> assignee;        // 0: unassigned
    std::optional<Level> impact;
    std::optional<Level> urgency;
};

struct WorkspaceDrafts {           // one request's workspace inputs and the writes in flight
    std::string link_text;         // "#42" / "REQ0000042" as typed
    LinkKind link_kind = LinkKind::relates;  // duplicate_of: the merge path
    bool link_in_flight = false;
    std::optional<Error> link_error;         // shared rule or server refusal, under the link box
    std::uint64_t link_ticket = 0;
    std::int64_t unlinking = 0;    // the other end of an unlink in flight (0: none)
    std::uint64_t unlink_ticket = 0;
    RequestId merge_into;          // valid: "Merge into #N?" is waiting for confirmation
    std::optional<api::MergeBody> merge_rejected; // 409: the merge, to send again on the fresh version
    std::uint64_t merge_ticket = 0; // WorkflowState ticket of that merge (a later change supersedes it)
    std::int64_t canned_loading = 0; // canned response being expanded (0: none)
    std::optional<Error> canned_error;
    std::optional<std::string> canned_ready; // expanded text, put into the reply box at the next Sync
    std::string canned_notice;     // "{{x}} was left as written" / "cut at the comment limit"
    std::uint64_t canned_ticket = 0;
    DetailsDraft details;
    bool history_all = false;      // show every change, not only the newest
};

struct WorkspaceState {
    std::map<std::int64_t, Remote<api::RelatedRequests>> related;          // by request id, key "id@version"
    std::map<std::int64_t, Remote<std::vector<api::HistoryItem>>> history; // by request id, key "id@version"
    Remote<std::vector<CannedResponse>> canned;  // the canned replies this agent may use (key "all")
    Remote<api::GroupDirectory> groups;          // every assignment group with its agents (key "all")
    std::map<std::int64_t, WorkspaceDrafts> drafts; // by request id
    RequestId shown;                             // request on screen last frame (entering one refreshes its panels)
};

struct Toast {
    std::string text;
    bool is_error = false;
    Timestamp expires_at = 0;  // 0: set from the clock at the next Sync
};

// The walk-up kiosk (#/kiosk) and the queue board (#/board/{key}) on a paired device. The device
// holds a kiosk credential (an HttpOnly cookie), never a user session.
enum class KioskPhase { unknown, checking, unpaired, pairing, ready, failed };
enum class KioskStep { welcome, reason, done, rate, thanks };  // rate/thanks: the survey after a visit
struct KioskState {
    KioskPhase phase = KioskPhase::unknown;
    std::optional<api::KioskDevice> device;  // ready: location, reasons, the kiosk's CSRF token
    api::KioskPairing pairing;               // pairing: the code on screen
    Timestamp polled_at = 0;                 // pairing: last poll; unpaired/failed: last attempt
    bool in_flight = false;
    Error error;                             // failed: why
    // The person at the kiosk now. Reset (every field emptied) by Done and after kKioskIdleResetMs
    // without input: nothing of them stays for the next person.
    KioskStep step = KioskStep::welcome;
    bool guest = false;                      // identify by a name instead of an account
    bool appointment = false;                // "I have an appointment"
    std::string who;                         // username typed, or the guest's name
    std::vector<Timestamp> key_times;        // when each character of `who` arrived (badge-scan detection)
    std::string badge;                       // set when `who` arrived as a badge reader's scan
    std::string reason;
    std::string note;
    bool submitting = false;
    std::vector<FieldError> errors;          // from the shared check or the server
    std::string idempotency_key;
    std::optional<api::Visit> visit;         // done: the ticket
    std::int64_t article = 0;                // reason: the "while you wait" article opened (0: none)
    // The on-screen keyboard (a kiosk has no keyboard of its own): it types into the step's field
    // (welcome: who; reason: the note). Hidden by the person, the device's own keyboard is used.
    bool shift = false;                      // capitals for the next letter
    bool keyboard_hidden = false;
    bool typing_note = false;                // reason: the note field was tapped, so its keyboard shows
    std::int64_t rate_visit = 0;             // rate: the visit whose ticket was tapped
    std::string rate_ticket;
    bool rating = false;                     // the score is on its way
    Timestamp last_input_at = 0;
    std::uint64_t ticket = 0;                // answers for a person already reset are dropped
    // Offline: the server can't be reached. A kiosk that was paired before starts from its stored
    // device (kKioskDeviceKey) and keeps checking people in: each check-in waits in the outbox
    // (stored under kKioskOutboxKey, so a reload keeps it) until the server answers again.
    bool offline = false;
    bool restored = false;                   // the stored outbox was read (once per page)
    api::Outbox outbox;
    bool outbox_in_flight = false;
    Timestamp outbox_failed_at = 0;          // a send that didn't reach the server: wait before the next
    int outbox_refused = 0;                  // stored check-ins the server refused for good (shown to staff)
    // Live updates of the location's queue (/kiosk/events): the board is re-read on each change;
    // polling slows to kBoardLiveRefreshMs while the stream is up.
    bool live_open = false;
    bool live = false;
    int live_events = 0;
    // The board (the kiosk's welcome screen and #/board)
    std::optional<api::Board> board;
    Timestamp board_loaded_at = 0;
    bool board_in_flight = false;
};
inline constexpr Timestamp kKioskIdleResetMs = 30000;
inline constexpr Timestamp kKioskPollMs = 3000;    // pairing poll; offline: how often to look for the server
inline constexpr const char* kKioskDeviceKey = "spoc.kiosk.device";  // localStorage: the last /kiosk/me (no person in it)
inline constexpr const char* kKioskOutboxKey = "spoc.kiosk.outbox";  // localStorage: check-ins not yet sent
inline constexpr Timestamp kBoardRefreshMs = 5000;
inline constexpr Timestamp kBoardLiveRefreshMs = 60000;  // with the event stream up: a safety net only
void ResetKioskVisitor(KioskState* kiosk);  // forget the person at the kiosk (step, inputs, ticket)

// Staff: the walk-up console (#/walkup): a location's open visits and the steps on them; admins
// also pair kiosks there.
struct WalkupConsoleState {
    Remote<api::LocationList> locations;
    std::int64_t location_id = 0;            // the location shown (0: the first)
    std::int64_t desk_id = 0;                // the desk this agent calls people to (0: the location's first)
    Remote<std::vector<api::Visit>> visits;  // key: the location id
    Timestamp loaded_at = 0;
    bool acting = false;                     // a step is in flight
    std::map<std::int64_t, std::string> notes;  // resolution notes being typed, by visit id
    std::string pair_code, pair_name;        // admin: pairing a kiosk
    bool pairing = false;
    std::string pair_result;                 // "Paired: Lobby kiosk" or an error
    bool pair_failed = false;
};
inline constexpr Timestamp kConsoleRefreshMs = 5000;

// #/desks: the walk-up desks for the person signed in: where they are and how long the wait is,
// "I'm on my way", booking a time (or moving a booking), their own visits with cancel and the
// survey after a visit.
struct DesksState {
    Remote<api::LocationList> locations;
    Remote<std::vector<api::Visit>> visits;  // mine
    Timestamp loaded_at = 0;
    bool acting = false;                     // a join, booking, cancel or rating is in flight
    // The booking panel, open under one location (0: closed); `moving` is the booked visit being
    // moved to another time (reschedule) instead of a new booking.
    std::int64_t booking_location = 0;
    std::string mode;                        // join ("I'm on my way") | book | move
    std::int64_t moving = 0;
    std::string reason;
    int day = 0;                             // 0 = today at the location, 1 = tomorrow...
    Timestamp slot = 0;                      // the start picked (book, move)
    std::string note;
    Remote<std::vector<api::Slot>> slots;    // key: "<location>/<YYYY-MM-DD>"
    std::string booking_error;
};
inline constexpr Timestamp kDesksRefreshMs = 10000;
inline constexpr int kBookingDaysShown = 7;
// The local date `days_ahead` days after `now` in the IANA zone `tz` (UTC if unknown): "2026-12-07".
std::string LocalDateAhead(const std::string& tz, Timestamp now, int days_ahead, CivilDate* out = nullptr);
// A walk-up location's opening hours as a calendar (its "hours" text in its zone); false when the
// text can't be read, and then every day counts as open.
bool LocationCalendar(const api::WalkupLocation& location, BusinessCalendar* out);
// The days ahead (0 = today) with opening hours at the location: the first kBookingDaysShown of
// the next kBookingDaysSearched days, so closed days (weekends, holidays) offer no booking.
inline constexpr int kBookingDaysSearched = 21;
std::vector<int> OpenDaysAhead(const api::WalkupLocation& location, Timestamp now);

struct AppState {
    Route route;                              // the screen shown
    std::optional<Route> after_sign_in;       // where to go once signed in (set by a 401 or a deep link)

    SessionPhase session = SessionPhase::unknown;
    std::optional<api::Me> me;                // signed-in user + CSRF token
    Error session_error;                      // check_failed: why /me could not be read
    std::uint64_t session_ticket = 0;
    SignInState sign_in;

    Remote<std::vector<CatalogItem>> catalog; // list, without fields
    std::map<std::int64_t, Remote<CatalogItem>> items;   // full definitions by item id
    std::map<std::int64_t, FormDraftState> drafts;       // by catalog item id
    std::string search;                       // catalog search box (home and #/catalog)
    CatalogSearchCache catalog_search;        // index over `catalog` for that box (RefreshCatalogSearch)

    Remote<api::RequestPage> open_requests;   // home: my open requests (first page)
    Remote<api::RequestPage> requests;        // #/requests with the route's filter and page
    std::map<std::int64_t, Remote<Request>> details;     // by request id
    std::map<std::int64_t, ReplyState> replies;          // by request id
    Remote<api::RequestPage> done_requests;   // home: my latest done requests (the survey banner)
    Remote<api::RequestPage> approvals;       // what waits for my approval (#/approvals, the top bar's count)
    std::map<std::int64_t, DecisionState> decisions;     // by request id
    Remote<std::vector<api::DelegationView>> delegations;  // mine, both ways (#/approvals)
    DelegationDraft delegation;
    std::map<std::int64_t, SurveyState> surveys;         // by request id
    std::set<std::int64_t> survey_banner_hidden;         // "Not now" on the home banner (this session)

    QueueState queue;                         // staff: #/queue with the route's view, order and filters
    AgentInboxState agent;                    // staff: availability and notifications
    std::map<std::int64_t, WorkflowState> workflow;      // by request id
    LiveState live;                           // the event stream and presence
    WorkspaceState workspace;                 // staff: the ticket workspace beside a request
    Remote<KbIndexData> kb_index;             // the search index download (refreshed by ETag)
    Timestamp kb_index_checked = 0;           // when it was last revalidated
    std::string kb_search;                    // #/kb search box
    std::string kb_category;                  // #/kb category filter ("" = all)
    std::map<std::int64_t, Remote<Article>> articles;    // by article id (with body)
    std::map<std::int64_t, FeedbackState> feedback;      // by article id
    Remote<api::ArticlePage> kb_popular;      // most helpful, for the knowledge home
    Remote<api::ArticlePage> kb_manage;       // staff: every article, newest change first
    Remote<api::ArticlePage> kb_review;       // staff: the review list
    Remote<api::KbStats> kb_stats;            // admin: deflections and feedback
    std::map<std::int64_t, Remote<std::vector<ArticleVersion>>> versions; // by article id
    std::map<std::int64_t, EditorState> editors;         // by article id (0: new article)
    std::map<std::int64_t, DeflectionState> deflections; // by catalog item id
    Remote<api::SynonymsBody> kb_synonyms;    // admin: the synonym list as saved
    std::optional<std::string> synonyms_draft; // admin: edited text not yet saved
    bool synonyms_saving = false;
    std::optional<Error> synonyms_error;      // save failed (a bad line names it)

    KioskState kiosk;                         // #/kiosk and #/board on a paired device
    DesksState desks;                         // #/desks
    WalkupConsoleState walkup;                // staff: #/walkup

    PeopleState people_admin;                 // admins: #/people
    Remote<api::PeoplePage> people;           // admins: the page of people shown (key "q=...&page=N")
    // Staff: #/reports. The summary for route.report_query; breakdowns by slot: "group", "agent",
    // "category" (the operational page, same filters) and "options:group", "options:department",
    // "options:category", "options:location" (the filters' choices: the period only).
    Remote<api::ReportSummary> report_summary;
    std::map<std::string, Remote<api::ReportBreakdown>> report_breakdowns;
    Remote<api::ReportHeatmap> report_heatmap;
    FileTarget pick_target;                   // where the files from the open file dialog go
    bool dragging_files = false;              // files are being dragged over the page (the drop overlay)

    std::string data_owner;                   // username the cached requests and drafts belong to
    i18n::Lang shown_lang = i18n::Lang::en;   // the language the cached catalog was loaded in
    std::vector<Toast> toasts;                // newest last
    std::uint64_t next_ticket = 1;
};

std::string RequestListKey(const RequestFilter& filter, int page, int page_size); // "status=open&page=1&page_size=25"
const CatalogItem* LoadedItem(const AppState& state, CatalogItemId id);           // full definition or null
const FormDraftState* FindDraft(const AppState& state, CatalogItemId id);         // null if never opened
void ClearUserData(AppState* state);                  // forget requests, drafts and replies (sign-out, other user)
void AddToast(AppState* state, std::string text, bool is_error = false); // shown for a few seconds
const SearchIndex* FreshCatalogSearch(const AppState& state); // the cached catalog index if it matches the catalog, else null
void RefreshCatalogSearch(AppState* state);           // rebuild the catalog index if the catalog or synonyms changed
// What person `id`'s open editor changes, checked by the server's own decoder; nullopt when nothing
// changed or it is refused (then *problem says why, when given).
std::optional<api::PersonPatch> PersonChanges(const AppState& state, std::int64_t id, Error* problem);

}  // namespace spoc::client
