// View-models: pure functions from AppState (+ the frame clock) to exactly what each screen
// shows. Business rules come from shared/ (ValidateDraft, IsFieldVisible, DescribeValues, labels);
// nothing here touches ImGui, the network or a clock of its own.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "client/app/chart_model.h"
#include "client/app/state.h"
#include "shared/domain/diff.h"
#include "shared/domain/markdown.h"
#include "shared/domain/sla.h"

namespace spoc::client {

// ---- Shared pieces ----------------------------------------------------------------------------
enum class ViewStatus { loading, failed, ready };   // what to show instead of (or above) content

struct LoadView {
    ViewStatus status = ViewStatus::loading;
    std::string error;            // failed: one sentence
    bool retryable = true;        // failed: offer Retry
    bool refreshing = false;      // ready, but a newer copy is loading
};

enum class Tone { neutral, info, progress, warning, success, muted, danger }; // badge colours

struct SnippetPiece {
    std::string text;
    bool highlight = false;       // a matched word
};
std::vector<SnippetPiece> SplitSnippet(std::string_view marked); // Snippet() output -> pieces

struct ArticleHitViewModel {
    ArticleId id;
    std::string title;
    std::string category;
    std::vector<SnippetPiece> snippet;
};
// Local search over the downloaded index; empty when it isn't loaded or the query is blank.
// Hits scoring under `min_relative` x the best one are dropped (suggestions keep only strong ones).
std::vector<ArticleHitViewModel> SearchArticles(const AppState& state, std::string_view query, int limit,
                                                double min_relative = 0.0);
inline constexpr int kKbSearchLimit = 20;  // results the knowledge home lists for a search
// Articles to suggest beside `item`'s form for what was typed in its fields (summary, description;
// shared/domain/catalog_search.h: finished words only, a floor, a boost for articles about the item).
std::vector<ArticleHitViewModel> SuggestArticles(const AppState& state, const CatalogItem& item,
                                                 const std::vector<std::string_view>& typed, int limit = 3);

struct CatalogTileViewModel {
    CatalogItemId id;
    std::string title;
    std::string summary;
    std::string fulfillment;      // "Usually ready in 3 business days"
    std::string department;       // "IT"
    std::string category;         // "Hardware"
    std::string icon;             // icon key from the catalog
    bool requires_approval = false;
};

struct DepartmentGroupViewModel {
    std::string department;       // "IT"
    std::string heading;          // "IT services"
    std::vector<CatalogTileViewModel> tiles;
};

struct RequestRowViewModel {
    RequestId id;
    std::string number;           // "REQ0000042"
    std::string summary;
    std::string status;           // "In progress"
    Tone status_tone = Tone::neutral;
    std::string priority;         // "P3 Moderate"
    std::string updated;          // "5 min ago"
    std::string catalog_item;     // "New laptop"
};

struct TopBarViewModel {
    bool visible = false;         // hidden on the sign-in screen
    std::string user_name;        // "Emma Jones"
    std::string user_initials;    // "EJ"
    std::string role;             // "Employee"
    Screen active = Screen::home; // which nav link is current (catalog_item counts as catalog)
    bool staff = false;           // agents and admins get the Queue link
    bool admin = false;           // the account menu links to #/people
    int busy = 0;                 // requests in flight (thin progress bar)
    int approvals = 0;            // requests waiting for my approval (the Approvals link shows with a count)
    // Staff: availability for auto-assignment and the notification inbox.
    bool availability_known = false;
    bool available = false;
    bool availability_busy = false;
    int unread = 0;
    struct Notice {
        std::int64_t id = 0;
        std::string text;         // "INC0000042 breached its resolution target."
        std::string when;         // "5 min ago"
        bool unread = false;
    };
    std::vector<Notice> notifications; // newest first
    bool notifications_loading = false;
};

std::vector<const CatalogItem*> SearchCatalog(const std::vector<CatalogItem>& items, std::string_view query); // SearchCatalogItems over a fresh index (the screens use the cached one)
std::vector<DepartmentGroupViewModel> GroupByDepartment(const std::vector<const CatalogItem*>& items);     // IT, HR, Facilities first, then A-Z
CatalogTileViewModel MakeTile(const CatalogItem& item);
RequestRowViewModel MakeRequestRow(const Request& request, Timestamp now);
Tone StatusTone(Status status);
std::string FirstName(const User& user);       // "Emma" from "Emma Jones", else the username
std::string Initials(const User& user);        // "EJ"
std::string Greeting(int local_hour);          // "Good morning" / "Good afternoon" / "Good evening"
std::string DocumentTitle(const AppState& state); // "My requests · Spoc"
TopBarViewModel BuildTopBar(const AppState& state, int busy, Timestamp now);

// ---- Sign-in ------------------------------------------------------------------------------
struct SignInViewModel {
    std::string username;
    std::string password;
    bool submitting = false;
    std::string error;            // inline, under the fields
    std::string error_field;      // "username" / "password" / "" (whole form)
    std::string demo_hint;        // "Demo accounts: emma, liam, ava and root - password spoc-demo"
};
SignInViewModel BuildSignIn(const AppState& state);

// ---- Start-up -----------------------------------------------------------------------------
struct StartupViewModel {
    bool checking = true;         // still asking the server who we are
    std::string error;            // check failed: why
};
StartupViewModel BuildStartup(const AppState& state);

// ---- Portal home and catalog --------------------------------------------------------------
struct CatalogViewModel {
    LoadView load;
    std::string search;
    bool searching = false;                          // search box not empty
    std::vector<CatalogTileViewModel> results;       // when searching, best first
    std::vector<ArticleHitViewModel> article_results; // when searching: knowledge articles, best first
    int article_total = 0;                           // when searching: articles the knowledge page lists for it
    std::string see_all_label;                       // "See all 12 articles" when more match than are shown, else ""
    std::string services_heading;                    // "2 services match <query>"; "" when none does
    std::string services_note;                       // no service but some article matches: a hint, never "no matches"
    bool nothing_found = false;                      // neither services nor articles: the empty state
    std::vector<DepartmentGroupViewModel> groups;    // when not searching
    int item_count = 0;
};
CatalogViewModel BuildCatalog(const AppState& state);

// The requester's satisfaction survey on a resolved request (survey.h): five one-click answers,
// then an optional "How easy was it to get help?" and a comment. Also the home page's banner.
struct SurveyViewModel {
    bool visible = false;         // the requester may answer it (or change the answer) now
    RequestId id;
    std::string heading;          // "How did we do?"
    std::string question;         // "How satisfied are you with how your request was handled?"
    std::string subject;          // banner: "VPN drops every hour (INC0000042)"
    int score = 0;                // stored, or the one being sent
    bool sending = false;
    std::vector<std::string> score_labels;   // 1..5: "Very dissatisfied" .. "Very satisfied"
    std::string thanks;           // "You answered: 5 – Very satisfied."
    std::string change_note;      // "You can change your answer until Dec 13, 2026."
    bool details_open = false;
    std::string effort_question;  // "How easy was it to get help? (optional)"
    std::vector<std::string> effort_labels;  // 1..5: "Very difficult" .. "Very easy"
    int effort = 0;
    std::string comment;
    std::string comment_label;    // "Anything else? (optional)"
    int comment_max = 0;
    std::string error;
    std::string error_field;      // "comment", "effort", "score"
};
// Staff on a rated request: "4/5 · Satisfied", "Effort: Easy", the comment.
struct SurveyResultViewModel {
    bool visible = false;
    int score = 0;
    std::string line;             // "4/5 · Satisfied"
    Tone tone = Tone::neutral;    // success for 4-5, warning 3, danger 1-2
    std::string effort;           // "Getting help was easy" ("" without one)
    std::string comment;
    std::string when;             // "Answered 2 days ago"
};
SurveyViewModel BuildSurvey(const AppState& state, const Request& r, const Clock& clock);
SurveyResultViewModel BuildSurveyResult(const Request& r, const Clock& clock);

struct HomeViewModel {
    std::string greeting;                            // "Good morning, Emma"
    std::string subtitle;                            // "What do you need help with today?"
    CatalogViewModel catalog;
    LoadView open_load;
    std::vector<RequestRowViewModel> open_requests;  // up to 5
    int open_total = 0;                              // all open requests
    SurveyViewModel survey;                          // the latest resolved request still to rate
};
HomeViewModel BuildHome(const AppState& state, const Clock& clock);

// ---- Knowledge base (vm_kb.cpp) ------------------------------------------------------------
struct ArticleRowViewModel {
    ArticleId id;
    std::string title;
    std::string category;
    std::string state;            // "Draft"
    Tone state_tone = Tone::neutral;
    std::string meta;             // "Updated 3 days ago by Ava Patel" / "12 found this helpful"
    bool overdue = false;         // past its review date
    std::string review_by;
    bool agents_only = false;
};
Tone ArticleStateTone(ArticleState state);

struct KbCategoryViewModel {
    std::string name;
    int count = 0;
    bool selected = false;
};

struct KbStatLine {
    ArticleId id;
    std::string title;
    std::string figure;           // "14 deflections" / "9 helpful, 1 not"
};

struct KbHomeViewModel {
    LoadView load;                // the index
    std::string search;
    bool searching = false;
    std::vector<ArticleHitViewModel> results;
    int article_count = 0;        // articles the user can search
    std::vector<KbCategoryViewModel> categories;
    std::string category;         // selected ("" = none)
    std::vector<ArticleRowViewModel> category_articles;
    LoadView popular_load;
    std::vector<ArticleRowViewModel> popular;   // most helpful
    bool staff = false;
    LoadView manage_load;
    std::vector<ArticleRowViewModel> manage;    // staff: every article, newest change first
    int review_count = 0;
    bool admin = false;
    LoadView stats_load;
    int deflections_total = 0;
    int deflections_30d = 0;
    int views_total = 0;
    int articles_published = 0;
    std::vector<KbStatLine> top_deflecting;
    std::vector<KbStatLine> most_helpful;
    std::vector<std::string> feedback;          // "Emma Jones on VPN keeps dropping: 'step 3 ...'"
    LoadView synonyms_load;                     // admin: the synonym editor
    std::string synonyms_text;                  // the draft if edited, else what is saved
    bool synonyms_dirty = false;
    bool synonyms_saving = false;
    int synonym_pairs = 0;                      // pairs in the text as it stands (-1: a line is bad)
    std::string synonyms_error;
};
KbHomeViewModel BuildKbHome(const AppState& state, const Clock& clock);

struct ArticleViewModel {
    ArticleId id;
    LoadView load;
    std::string title;
    std::string category;
    std::vector<std::string> tags;
    std::string updated;          // "Updated 3 days ago"
    std::string owner;
    md::Document document;        // the rendered body
    bool staff = false;
    std::string state;
    Tone state_tone = Tone::neutral;
    bool published = false;
    bool agents_only = false;
    bool overdue = false;
    std::string review_by;
    int helpful = 0;
    int not_helpful = 0;
    int views = 0;
    bool voted = false;
    bool voted_helpful = true;
    bool feedback_sending = false;
    bool comment_open = false;
    std::string comment;
    bool comment_sent = false;
    std::string feedback_error;
    int comment_max_chars = 0;
};
ArticleViewModel BuildArticle(const AppState& state, ArticleId id, const Clock& clock);

struct StateActionViewModel {
    std::string label;            // "Publish"
    ArticleState to = ArticleState::published;
    bool primary = false;
};

struct VersionRowViewModel {
    int version = 0;
    std::string line;             // "v3 · published by Ava Patel · 2 h ago"
    bool selected = false;
};

struct EditorViewModel {
    ArticleId id;
    bool is_new = false;
    LoadView load;
    ArticleContent content;
    std::string tags_text;
    md::Document preview;         // live preview of the body
    std::string state;
    Tone state_tone = Tone::neutral;
    int version = 0;
    bool dirty = false;
    bool saving = false;
    bool stale = false;           // 409: offer reload-and-reapply
    std::string error;
    std::vector<FieldError> problems;
    std::string ProblemFor(std::string_view field) const;
    std::vector<StateActionViewModel> state_actions;
    int tab = 0;
    LoadView versions_load;
    std::vector<VersionRowViewModel> versions;
    std::string diff_title;       // "Changes in v3 (compared with v2)"
    std::vector<DiffLine> diff;
    DiffStats diff_stats;
    bool diff_meta_changed = false; // title/category/tags/audience/review date changed too
    std::string diff_meta;        // "Title: 'a' -> 'b'"
};
EditorViewModel BuildEditor(const AppState& state, ArticleId id, const Clock& clock);

struct ReviewViewModel {
    LoadView load;
    std::vector<ArticleRowViewModel> rows;
};
ReviewViewModel BuildReview(const AppState& state, const Clock& clock);

// ---- Catalog item form --------------------------------------------------------------------
struct ChoiceViewModel {
    std::string value;
    std::string label;
};

struct FieldViewModel {
    std::string key;              // "model"
    std::string input_id;         // "values.model": widget id and error key
    std::string label;
    FieldType type = FieldType::short_text;
    bool required = false;
    bool radio = false;           // single choice with <= 4 options: radio list instead of combo
    std::string help;
    std::string placeholder;
    std::vector<ChoiceViewModel> options;
    std::string text;             // text, choice value, number, date
    bool checked = false;         // checkbox
    std::vector<std::string> selected; // multi choice
    std::string error;            // shown under the field (empty: none, or not shown yet)
    int max_chars = 0;            // code points the input accepts
};

// ---- People, for admins (vm_people.cpp) --------------------------------------------------------
struct PersonRowViewModel {
    std::int64_t id = 0;
    std::string name;             // "Emma Jones"
    std::string detail;           // "emma · Employee"
    std::string department;
    std::string manager;          // "Olivia Grant (olivia)", or "No manager"
    bool has_manager = false;
    bool editing = false;
    std::string draft_department, draft_manager;
    bool saving = false;
    bool can_save = false;        // changed, and the shared rules accept it
    std::string error;            // under the editor (the server's or the shared rule's)
    std::string error_field;      // "department" / "manager"
};
struct PeopleViewModel {
    LoadView load;
    std::string search;
    std::string summary;          // "24 people" / "2 people match “fin”"
    std::vector<PersonRowViewModel> rows;
    int page = 1;
    bool has_prev = false, has_next = false;
    std::string page_label;       // "Page 1 of 3"
};
PeopleViewModel BuildPeople(const AppState& state);

// ---- Reports (vm_reports.cpp) ------------------------------------------------------------------
// A headline KPI: its value against the previous period and the seeds' target.
struct ReportTileViewModel {
    std::string key;                     // "csat", "fcr", "sla_resolution", "mttr", "frt", "backlog"
    std::string label;                   // "Customer satisfaction"
    std::string hint;                    // how it is computed, one line
    std::optional<double> value, previous, target;  // in `unit` (durations in seconds)
    chart::Unit unit = chart::Unit::count;
    int trend = 0;                       // +1 better than before, -1 worse, 0 the same or unknown
    std::string detail;                  // "41 of 48 answers", "" when none
};
// One filter: its choices ("" = all) and which is on.
struct ReportFilterViewModel {
    std::string key;                     // the URL parameter ("group", "priority", ...)
    std::string label;                   // "Group"
    std::vector<std::string> values;     // [0] is "" (all)
    std::vector<std::string> labels;     // [0] "All groups"
    int selected = 0;
};
// A table under a chart: one row per group / agent / category, numbers formatted by the UI.
struct ReportColumn {
    std::string label;
    chart::Unit unit = chart::Unit::count;
};
struct ReportRowViewModel {
    std::string key, label;
    std::vector<double> cells;           // NaN: no value
};
struct ReportTableViewModel {
    std::string title;
    std::vector<ReportColumn> columns;   // after the label column
    std::vector<ReportRowViewModel> rows;
    std::string csv;                     // the breakdown's name for ReportCsv ("group")
};
struct ReportsViewModel {
    LoadView load;
    bool ops = false;                    // the operational page
    std::string period;                  // "1 Sep 2026 – 30 Nov 2026 (91 days)"
    std::string compared;                // "compared with 2 Jun – 31 Aug 2026"
    int preset_days = 0;                 // 7, 30, 90, 365 when the period is that many days to today-ish; else 0
    std::vector<ReportFilterViewModel> filters;
    std::vector<ReportTileViewModel> tiles;
    chart::ChartData volume;             // created and resolved per day
    chart::ChartData backlog;            // open at the end of each day
    chart::ChartData sla;                // resolution SLA met % per day, with the target line
    chart::ChartData by_priority;        // mean time to resolve and to first response per priority
    std::vector<ReportTileViewModel> service_tiles;  // KB deflections and walk-up (absent when the filter excludes them)
    // The operational page.
    ReportTableViewModel groups, agents;
    chart::ChartData groups_chart;       // created, resolved, breached per group
    chart::ChartData breaches;           // resolution met / breached per category (stacked)
    chart::ChartData arrivals;           // heat map: weekday x hour
    chart::ChartData ageing;             // open now by age (kpi::AgeBucket); a bar opens those requests
    LoadView ops_load;                   // the breakdowns and heat map
    // What each chart's x indices are, for a click's queue: dates, group ids, category names.
    std::vector<std::string> volume_days, group_keys, category_keys, priority_keys;
};
ReportsViewModel BuildReports(const AppState& state);

// ---- Attachments (vm_files.cpp) ----------------------------------------------------------------
// A stored file in the conversation or on the request: pictures get a thumbnail, other files a row.
struct AttachmentViewModel {
    std::int64_t id = 0;
    std::string name;             // "vpn-error.png"
    std::string detail;           // "PNG image · 182 kB"
    bool image = false;
    std::string inline_path;      // "/api/v1/attachments/7?inline=1" (the thumbnail's source)
    std::string hook_id;          // "attachment_7"
};
std::vector<AttachmentViewModel> BuildAttachments(const std::vector<attachment::Attachment>& files);

// A file being attached to a message, as a chip with progress and ×.
struct FileChipViewModel {
    int file = 0;
    std::string name;
    std::string detail;           // "182 kB", "Uploading… 45 %", or why it failed
    float progress = 0;           // 0..1 while uploading
    bool uploading = false;
    bool failed = false;
    bool can_retry = false;
    std::string hook_id;          // "file_chip_0" (its position)
};
// The files of one composer (a reply box or a new request's form).
struct ComposerFilesViewModel {
    FileTarget target;
    std::vector<FileChipViewModel> chips;
    bool can_add = true;          // fewer than attachment::kMaxPerMessage
    bool busy = false;            // an upload is running: Send waits
    std::string hint;             // "Up to 10 files, 25 MB each…"
};
ComposerFilesViewModel BuildComposerFiles(const std::vector<UploadChip>& files, FileTarget target);

struct UrgencyOption {
    Level level = Level::low;
    std::string label;            // "High"
    std::string hint;             // "I can't work"
};

struct FormViewModel {
    CatalogItemId item_id;
    LoadView load;
    std::string title;
    std::string department;
    std::string category;
    std::string description;
    std::string fulfillment;
    bool requires_approval = false;  // with the answers so far (a policy's steps may depend on them)
    std::vector<std::pair<std::string, std::string>> approval_steps;  // "Your manager approves it", detail
    std::string type_label;       // "Service request" / "Incident"

    std::vector<FieldViewModel> fields; // visible fields only, in definition order
    FieldViewModel summary;       // "summary", placeholder = item title
    FieldViewModel description_input; // "description"
    bool ask_urgency = false;
    Level urgency = Level::low;
    std::vector<UrgencyOption> urgency_options;
    std::string urgency_error;

    int error_count = 0;          // problems shown right now
    std::vector<std::pair<std::string, std::string>> error_links; // (label, input_id) of each field showing a problem, in form order
    int hidden_error_count = 0;   // problems not yet shown (untouched fields)
    ComposerFilesViewModel files; // attached to the new request
    bool submit_enabled = false;  // false while loading, uploading or in flight
    bool submitting = false;
    std::string submit_label;     // "Submit request" / "Submitting..."
    std::string banner;           // failure message above the button
    bool banner_retry = false;    // offer "Retry" (resends with the same Idempotency-Key)
    std::vector<ArticleHitViewModel> suggestions; // best articles for what was typed (max 3)
    bool deflected = false;       // "This solved it" recorded: show the thank-you panel, file nothing
    std::string deflected_title;
    ArticleId deflected_article;
    bool deflecting = false;
    std::string deflect_error;
    bool succeeded = false;
    std::string created_number;   // "REQ0000042"
    RequestId created_id;
    std::string created_summary;
};
FormViewModel BuildForm(const AppState& state, CatalogItemId item, const Clock& clock);

// ---- My requests --------------------------------------------------------------------------
struct FilterTab {
    std::string label;            // "Open"
    RequestFilter filter;
    bool selected = false;
};

struct RequestListViewModel {
    LoadView load;
    std::vector<FilterTab> tabs;  // All, Open, Done
    std::vector<RequestRowViewModel> rows;
    int page = 1;
    int page_count = 1;
    int total = 0;
    std::string range;            // "1-20 of 43"
    bool has_prev = false;
    bool has_next = false;
    std::string empty_title;      // shown when ready and no rows
    std::string empty_body;
};
RequestListViewModel BuildRequestList(const AppState& state, const Clock& clock);

// ---- Ticket workspace (vm_workspace.cpp; staff only) --------------------------------------------
struct WorkspaceRequestRow {       // one request in the requester panel or the links list
    RequestId id;
    std::string number;           // "REQ0000017"
    std::string summary;
    std::string status;           // "In progress"
    Tone status_tone = Tone::neutral;
    std::string meta;             // "Updated 2 days ago · Ava Patel"
    std::string kind;             // links: "Relates to" / "Duplicate of" / "Duplicated by"
    bool can_unlink = false;      // links: the shared rules allow removing it (not a merge record)
    bool unlinking = false;
    std::string hook_id;          // "related_17" / "linked_17"
};

struct HistoryRowViewModel {
    std::string who;              // "Ava Patel" / "Spoc" (the system)
    std::string when;             // "5 min ago"
    std::string field;            // "Status"
    std::string change;           // "New → In progress" / "Linked #17"
};

struct CannedOptionViewModel {
    std::int64_t id = 0;
    std::string title;
    std::string audience;         // "Everyone" / "Network"
    std::string preview;          // the first line, expanded for this request
};

struct PickOption {               // a group or an agent in the Details editor
    std::int64_t id = 0;          // 0: "No group" / "Unassigned"
    std::string label;
    bool selected = false;
};

struct WorkspaceViewModel {
    bool visible = false;         // staff, and the request is loaded
    // Requester panel (GET .../related)
    LoadView related_load;
    std::string requester;        // "Emma Jones"
    std::string requester_meta;   // "Finance · emma@example.com"
    std::vector<WorkspaceRequestRow> other_requests; // newest first
    std::string other_title;      // "Other requests (3)"
    std::string other_more;       // "Showing the newest 20 of 34."
    std::string other_empty;      // "No other requests from Emma."
    // Links
    std::vector<WorkspaceRequestRow> links;
    std::string link_text;
    LinkKind link_kind = LinkKind::relates;
    bool link_busy = false;       // a link or unlink in flight
    bool link_enabled = false;    // something typed, nothing in flight
    std::string link_error;
    bool merge_confirm = false;   // "Merge into #42?" waiting for a yes
    std::string merge_question;
    bool merge_busy = false;      // the merge (or another change of this request) is in flight
    bool can_reapply_merge = false; // 409 and the fresh version is here: "Apply again" merges again
    // History (GET .../history), newest first
    LoadView history_load;
    std::vector<HistoryRowViewModel> history;
    int history_total = 0;
    bool history_all = false;
    bool history_more = false;    // older rows hidden: offer "Show all"
    bool history_less = false;    // all shown, more than the default: offer "Show fewer"
    // Canned responses beside the reply box
    LoadView canned_load;
    std::vector<CannedOptionViewModel> canned;
    bool canned_busy = false;     // expanding one
    std::string canned_error;
    std::string canned_notice;    // unknown placeholders, or cut at the limit
    // Details editor: group, assignee, impact x urgency -> priority
    LoadView groups_load;
    std::vector<PickOption> groups;
    std::vector<PickOption> assignees; // "Unassigned" + the chosen group's agents
    std::string group_label;      // what the group picker shows
    std::string assignee_label;
    Level impact = Level::low;
    Level urgency = Level::low;
    std::string priority;         // "P2 High": computed from the (edited) impact and urgency
    std::string priority_was;     // "was P3 Moderate" when the edit changes it
    bool group_edited = false, assignee_edited = false, impact_edited = false, urgency_edited = false;
    bool dirty = false;           // something to save
    bool saving = false;          // a change of this request is in flight
};
WorkspaceViewModel BuildWorkspace(const AppState& state, RequestId id, const Clock& clock);
std::string HistoryFieldLabel(std::string_view field);  // "pending_reason" -> "Pending reason"

// ---- Request detail -----------------------------------------------------------------------
struct ConversationEntry {
    std::int64_t id = 0;          // comment id
    std::string author;
    std::string role;             // "Agent", "You", "Employee"
    bool is_me = false;
    bool is_staff = false;
    bool internal = false;        // agent-only note
    std::string when;             // "5 min ago"
    std::string body;
    std::vector<AttachmentViewModel> files;
};


// ---- Approvals (vm_approvals.cpp) -------------------------------------------------------------
// The approver's controls: an optional comment to approve, the reason to reject.
struct DecisionViewModel {
    bool visible = false;         // the viewer may decide the pending step now
    RequestId id;
    std::string comment;
    bool rejecting = false;       // the reason box is open
    bool sending = false;
    std::string comment_label;    // "Comment (optional)" / "Why do you reject it? The requester reads this."
    int comment_max = 0;
    std::string error;
    std::string error_field;
};
struct ApprovalStepRowViewModel {
    std::string title;            // "Your manager: Olivia Grant" / "IT asset management (any one of 2)"
    std::string state;            // "Approved" / "Waiting" / "Not started" / "Rejected"
    Tone tone = Tone::neutral;
    std::string when;             // "Approved 2 h ago by Olivia Grant" ...
    std::vector<std::string> comments;  // "Olivia Grant: Fine for CAD work."
};
struct ApprovalCardViewModel {
    bool visible = false;
    std::string heading;          // "Approval"
    std::string summary;          // "Waiting for Olivia Grant" / "Approved" / "Not approved"
    std::vector<ApprovalStepRowViewModel> steps;
    DecisionViewModel decision;
};
ApprovalCardViewModel BuildApprovalCard(const AppState& state, const Request& r, const Clock& clock);

struct ApprovalItemViewModel {
    RequestId id;
    std::string number;
    std::string summary;
    std::string meta;             // "Emma Jones · New laptop · 2 h ago"
    std::string step;             // "You approve as the manager" ...
    std::vector<std::pair<std::string, std::string>> form_lines;
    DecisionViewModel decision;
};
// "When you're away": who approves for me (and for whom I approve), and the form to hand over.
struct DelegationRowViewModel {
    std::int64_t id = 0;
    std::string text;             // "Liam Chen approves for you from Dec 7, 2026 to Dec 14, 2026."
    bool can_end = false;         // mine to end (not one handed to me)
    bool ending = false;
};
struct AwayViewModel {
    std::string heading;          // "When you're away"
    std::string intro;
    std::vector<DelegationRowViewModel> rows;
    std::string to, from, until;  // the form as typed
    std::string to_label, to_hint, from_label, until_label, date_hint, add_label;
    bool sending = false;
    std::string error, error_field;  // error_field: "to" | "from" | "until" | ""
};
struct ApprovalsViewModel {
    AwayViewModel away;
    LoadView load;
    std::string title;            // "Approvals"
    std::string subtitle;         // "2 requests wait for your decision"
    std::vector<ApprovalItemViewModel> items;
    std::string empty;            // "Nothing waits for your approval."
};
ApprovalsViewModel BuildApprovals(const AppState& state, const Clock& clock);

struct RequestDetailViewModel {
    RequestId id;
    LoadView load;
    std::string number;
    std::string summary;
    std::string status;
    Tone status_tone = Tone::neutral;
    std::string priority;
    std::string type_label;
    std::string catalog_item;
    std::string requester;
    std::string created;          // "2026-03-02 (3 days ago)"
    std::string updated;          // "5 min ago"
    std::string description;
    std::vector<std::pair<std::string, std::string>> form_lines; // "Laptop model", "MacBook Pro 14"
    bool form_loading = false;    // item definition still loading
    std::vector<ConversationEntry> conversation;
    std::vector<AttachmentViewModel> files;  // attached when the request was made
    ComposerFilesViewModel reply_files;
    std::string reply_text;
    bool reply_sending = false;
    bool reply_internal = false;  // staff: the box writes an internal note
    bool reply_focus = false;     // "r" was pressed: the box takes the keyboard
    bool reply_enabled = false;   // non-empty, within limits
    std::string reply_error;
    int reply_max_chars = 0;
    bool closed = false;          // resolved/closed/cancelled: reply still possible, shown as note
    // Agent mode (staff only): who works on it, SLA clocks, and the lifecycle buttons.
    bool staff = false;
    bool someone_elses = false;   // staff on another person's request: reached from the queue
    std::string assignee;         // "Ava Patel" / "Unassigned"
    std::string group;            // "Network"
    std::string response_due;     // "Due in 45m" / "Overdue by 2h" / "Met" / ""
    Tone response_tone = Tone::neutral;
    std::string resolution_due;   // same, "Paused" while Pending
    Tone resolution_tone = Tone::neutral;
    std::string pending_reason;   // "Awaiting requester"
    struct StatusAction {
        std::string label;        // "Resolve"
        Status to = Status::in_progress;
        PendingReason reason = PendingReason::none;
        std::string id;           // hook id "status_resolved", "status_pending_vendor"
        bool primary = false;     // the usual next step: a primary button (the rest go in the "More" menu)
        bool confirm = false;     // asks first, in a dialog (cancel: optional reason; resolve: resolution note)
    };
    std::vector<StatusAction> status_actions;
    // The confirmation dialog for a cancel or a resolve, while it is open.
    struct ConfirmDialog {
        bool open = false;
        Status to = Status::cancelled;
        std::string title;        // "Cancel REQ0000042?"
        std::string body;
        std::string text_label;   // "Reason (optional)" / "Resolution note"
        std::string placeholder;
        std::string text;
        std::string confirm_label;// "Cancel request" / "Resolve"
        std::string keep_label;   // "Keep request" / "Back"
        bool danger = false;
        int max_chars = 0;
        std::string error;        // too long
        bool can_confirm = false;
    } confirm;
    // How it stands, in the requester's words: who works on it, how it was resolved or cancelled.
    std::string assignee_first;   // "Ava" ("" while nobody has it)
    std::string resolution_title; // "Resolved by Ava · 2 days ago"
    std::string resolution_note;
    std::string cancelled_notice; // "This request was cancelled: <reason>. ..."
    bool read_only = false;       // cancelled: no reply box
    bool can_reopen = false;      // requester on a Resolved request within the reopen window
    bool reopening = false;       // the reply box will reopen the request ("This didn't fix it")
    std::string reply_placeholder;
    bool can_assign_to_me = false;
    bool workflow_busy = false;
    std::string workflow_error;   // the last change failed (409: reloaded, apply again)
    bool can_reapply = false;     // 409 and the fresh version is here: "Apply again" resends the change
    std::vector<std::string> viewers; // other agents here now: "Ava Patel is replying…"
    bool someone_replying = false;    // one of them is writing a reply (shown as a warning)
    WorkspaceViewModel workspace;     // staff: requester, links, history, canned replies, details editor
    SurveyViewModel survey;           // the requester, once resolved
    ApprovalCardViewModel approval;   // its approval steps; the approver's buttons
    SurveyResultViewModel survey_result;  // staff: what the requester answered
};
RequestDetailViewModel BuildRequestDetail(const AppState& state, RequestId id, const Clock& clock);

// ---- Agent queue (vm_queue.cpp) --------------------------------------------------------------
// One SLA clock of `r` as a badge: "Due in 3h 10m" / "Overdue by 2h", amber from 75% of the target
// (the shared RunningSlaPhase on the shared demo calendars, as the server uses), red once breached.
std::string DueText(const Request& r, SlaKind kind, Timestamp due, Timestamp now, Tone* tone);

struct QueueRowViewModel {
    RequestId id;
    std::string number;
    std::string summary;
    std::string requester;
    std::string status;
    Tone status_tone = Tone::neutral;
    std::string priority;
    Tone priority_tone = Tone::neutral;
    std::string assignee;         // "" when unassigned
    std::string group;
    std::string updated;          // "5 min ago"
    std::string due;              // resolution due text
    Tone due_tone = Tone::neutral;
    bool selected = false;        // ticked for a bulk change
    bool cursor = false;          // the keyboard row
    bool busy = false;            // a change to it is in flight
};

struct QueueTab {
    std::string view;             // "mine"
    std::string label;            // "Mine"
    bool selected = false;
};

struct QueueColumnViewModel {
    std::string title;            // "Resolution due"
    std::string sort;             // API sort name ("" = not sortable)
    bool sorted = false;          // the list is in this column's order
    bool descending = false;
};

struct QueueViewModel {
    LoadView load;                // the first rows of the view
    bool allowed = false;         // staff only
    UserId me;                    // "Assign to me"
    std::vector<QueueTab> tabs;
    std::vector<QueueColumnViewModel> columns; // Number, Summary, Status, Priority, Assignee, Updated, Resolution due
    int total = 0;                // rows in the view (scrolls through all of them)
    std::string count_text;       // "1,204 requests"
    std::string search;           // the search box as typed
    std::string priority_filter;  // "" or a priority name
    std::string status_filter;    // "" or an open status name
    int cursor = -1;              // keyboard row
    bool scroll_to_cursor = false;
    int selected_count = 0;
    bool all_loaded_selected = false;
    bool bulk_busy = false;
    std::string bulk_error;
    std::string empty_text;
    std::string report_text;      // a report's slice: "From Reports: resolved late · Hardware · Sep 1 – Dec 6, 2026"
};
QueueViewModel BuildQueue(const AppState& state, const Clock& clock);
// Row `index` of the view, or nothing while its block is loading (the UI draws a placeholder).
// Built per visible row and frame, so the cost follows the window, not the 100,000 rows.
std::optional<QueueRowViewModel> BuildQueueRow(const AppState& state, int index, const Clock& clock);
// ---- Walk-up kiosk and board (vm_kiosk.cpp) -------------------------------------------------
struct KioskReasonView {
    std::string key, label;
    bool selected = false;
};
struct BoardLineView {
    std::string ticket, name, desk;
};
struct KioskViewModel {
    KioskPhase phase = KioskPhase::unknown;
    std::uint64_t person = 0;       // changes at each reset: the screen's widgets start afresh for the next person
    std::string pairing_code;       // "7KQ-4MX" while waiting for an admin
    std::string error;              // failed: why (the kiosk retries by itself)
    std::string location;           // "London HQ IT Bar"
    bool open_now = false;
    std::string hours;              // the opening hours as configured ("mon-fri: 08:30-17:30")
    KioskStep step = KioskStep::welcome;
    bool guest = false, appointment = false;
    std::string who, note;
    std::vector<KioskReasonView> reasons;
    std::string who_error, reason_error, note_error, form_error;  // inline errors per field, and the rest
    bool submitting = false;
    std::string ticket;             // done: "A-042"
    std::string position_text;      // "You are number 3 in the queue." / "You're next."
    std::string wait_text;          // "Estimated wait: 5-10 min"
    std::string queue_text;         // welcome: "4 people waiting · about 10-15 min"
    std::vector<BoardLineView> serving, next;  // the board
    int reset_in_seconds = 0;       // done: the screen resets in N s
    std::vector<ArticleHitViewModel> articles;  // reason: "while you wait, this may fix it" (public articles)
    std::int64_t article_open = 0;  // the one being read
    std::string article_text;       // its plain text
    std::vector<std::pair<std::int64_t, std::string>> rate_tickets;  // welcome: just served (visit, ticket)
    std::string rate_ticket;        // rate: the ticket being rated
    bool rating = false;
    bool offline = false;           // the server can't be reached: check-ins wait on this kiosk
    bool done_offline = false;      // done: this check-in is in the outbox (ticket "K-3")
    std::string offline_text;       // "Offline · 3 check-ins will be sent when the connection is back"
    // The on-screen keyboard: shown unless the person chose the device's own (on the reason step,
    // once the note field was tapped); `keyboard_upper`: ⇧, or the start of a name or sentence.
    bool keyboard = false;
    bool keyboard_upper = false;
    bool typing_note = false;
};
KioskViewModel BuildKiosk(const AppState& state, const Clock& clock);
std::string WaitRangeText(int low, int high);  // "about 5-10 min", "less than 5 min"
std::string SurveyAnswer(int score);           // the survey's answers, 1..5: "1 – Very poor" ... "5 – Excellent"

// #/desks: walk-up desks for the person signed in.
struct DeskLocationView {
    std::int64_t id = 0;
    std::string name;
    std::string status_line;        // "Open · 3 waiting · about 5–10 min" / "Closed now"
    std::string hours;              // "Today 8:30 AM–5:30 PM" / "Opens tomorrow at 8:30 AM" (its time zone)
    bool open_now = false;
    bool panel_open = false;        // the join / book panel is open under it
};
struct MyVisitView {
    std::int64_t id = 0;
    std::string title;              // "A-042 · London HQ IT Bar"
    std::string status_text;
    Tone tone = Tone::neutral;
    std::string detail;             // "You are number 3 · about 5–10 min", "Mon, Dec 7 at 9:30 AM", the outcome
    bool can_cancel = false, can_move = false, can_rate = false;
    int rated = 0;                  // the score given (1..5), 0 = none
    std::int64_t location_id = 0;
};
struct DeskSlotView {
    Timestamp start = 0;
    std::string label;              // "9:30 AM"
    std::string free_text;          // "1 place free" (the last one) / "full" / "" (room)
    bool full = false, selected = false;
};
struct DesksViewModel {
    LoadView load;
    std::vector<MyVisitView> visits;
    std::vector<DeskLocationView> locations;
    bool acting = false;
    // The panel under one location
    std::int64_t panel_location = 0;
    std::string mode;               // join | book | move
    std::string panel_title;        // "Join the queue at London HQ IT Bar"
    std::vector<KioskReasonView> reasons;
    std::vector<std::pair<std::string, bool>> days;  // label, selected: the days the location is open
    std::vector<int> day_offsets;                    // of each: days ahead of today (0 = today)
    LoadView slots_load;
    std::vector<DeskSlotView> slots;
    std::string note, error, confirm_label;
};
DesksViewModel BuildDesks(const AppState& state, const Clock& clock);

struct ConsoleRowView {
    std::int64_t id = 0;
    std::string ticket, name, reason, note, waited, desk;
    std::string status_text;
    Tone tone = Tone::neutral;
    walkup::VisitStatus status = walkup::VisitStatus::waiting;
    std::string outcome;            // the resolution note being typed
};
struct ConsoleViewModel {
    bool allowed = false;           // staff only
    bool admin = false;             // pairs kiosks
    LoadView load;
    std::vector<std::pair<std::int64_t, std::string>> locations, desks;
    int location_index = 0, desk_index = 0;
    std::string location_summary;   // "3 waiting · about 10–15 min · open" / "closed"
    std::vector<ConsoleRowView> rows;
    bool acting = false;
    std::string pair_code, pair_name, pair_result;
    bool pair_failed = false, pairing = false;
};
ConsoleViewModel BuildConsole(const AppState& state, const Clock& clock);

std::string FormatCount(std::int64_t n);  // 1204 -> "1,204"
std::string CountNoun(std::int64_t n, const char* one, const char* many); // 1 -> "1 view", 1204 -> "1,204 views" (English plural rule)

}  // namespace spoc::client
