// Actions: every intent the UI (or the browser) can express, applied to AppState. Draw code calls
// these and nothing else; they change state, ask Effects for I/O, and keep the URL in step.
// Sync() runs once per frame and starts whatever loads the current screen still needs.
#pragma once
#include <string>
#include <string_view>

#include "client/app/effects.h"
#include "client/app/host.h"
#include "client/app/state.h"

namespace spoc::client {

// Show `route` and mirror it in the URL (push, or replace for redirects). Used by Effects too.
void ShowRoute(AppState& state, Host& host, const Route& route, bool replace);

class Actions {
public:
    Actions(AppState& state, Effects& effects, Host& host);

    // ---- Navigation
    void OnLocationChanged(std::string_view hash);   // back/forward, typed URL, start-up
    void Navigate(const Route& route);                // a link or button: new history entry
    void Sync(const Clock& clock);                    // per frame: session check, loads, toast expiry
    void Retry();                                     // reload whatever failed on the current screen

    // ---- Session
    void EditSignInUsername(std::string value);
    void EditSignInPassword(std::string value);
    void SignIn();                                    // no-op while in flight; inline error if empty
    void SignOut();
    void ChooseLanguage(i18n::Lang lang);             // the language menu: this browser, and the account if signed in

    // ---- Catalog
    void SetSearch(std::string query);
    void ClearSearch();
    void SearchKnowledge(std::string query);          // "See all N articles": #/kb searching for `query`

    // ---- Catalog item form (input keys: "summary", "description", "urgency", "values.<key>")
    void EditField(CatalogItemId item, const std::string& field_key, FormValue value);
    void EditSummary(CatalogItemId item, std::string value);
    void EditDescription(CatalogItemId item, std::string value);
    void SetUrgency(CatalogItemId item, Level urgency);
    void TouchField(CatalogItemId item, const std::string& input_key); // the field lost focus
    void Submit(CatalogItemId item);                  // validates first; sends only a clean draft
    void RetrySubmit(CatalogItemId item);             // same body, same Idempotency-Key
    void StartAnother(CatalogItemId item);            // leave the success panel for a fresh form

    // ---- My requests
    void SetFilter(const RequestFilter& filter);      // back to page 1
    void SetPage(int page);
    void OpenRequest(RequestId id);
    void EditReply(RequestId id, std::string text);
    void SendReply(RequestId id);
    void SetReplyInternal(RequestId id, bool internal); // staff: public reply or internal note
    // ---- Satisfaction survey (survey_actions.cpp): the requester, once resolved
    void RateRequest(RequestId id, int score);          // one click: saves the score (keeps effort and comment)
    void OpenSurveyDetails(RequestId id, bool open);    // "Add a comment" / "Change your answer" / "Cancel"
    void SetSurveyEffort(RequestId id, int effort);     // 0 clears it
    void EditSurveyComment(RequestId id, std::string text);
    void SaveSurveyDetails(RequestId id);               // the score as it stands, with effort and comment
    void HideSurveyBanner(RequestId id);                // "Not now" on the home banner
    // ---- Approvals (approval_actions.cpp): an approver on #/approvals or the request page
    void EditDecisionComment(RequestId id, std::string text);
    void StartReject(RequestId id, bool on);             // opens (or closes) the reason box
    void Approve(RequestId id);                          // with the optional comment
    void Reject(RequestId id);                           // needs the reason (shared ValidateDecisionComment)
    enum class DelegationField { to, from, until };
    void EditDelegation(DelegationField field, std::string text);
    void AddDelegation();                                // shared ValidateDelegation first; dates are local days
    void EndDelegation(std::int64_t id);
    void CopyText(const std::string& text, std::string confirmation); // clipboard + toast

    // ---- People, for admins (people_actions.cpp)
    void SearchPeople(std::string text);              // the search box (from the first page)
    void PeoplePage(int page);
    void EditPerson(std::int64_t id);                 // open the editor under their row, with their values
    void EditPersonDepartment(std::int64_t id, std::string text);
    void EditPersonManager(std::int64_t id, std::string username);
    void SavePerson(std::int64_t id);                 // PATCH /users/{id} with what changed
    void CloseEditor(std::int64_t id);

    // ---- Reports, for staff (reports_actions.cpp): each changes the URL (#/reports?...)
    void ReportFilter(const std::string& key, const std::string& value);  // "" clears it
    void ReportPeriod(int days);                      // the `days` days up to the period's end (or today)
    void ReportPage(bool ops);                        // executive or operational page, same filters
    void ReportCsv(const std::string& what);          // download: "summary", or a breakdown's "group" ...
    void QueueCsv();                                  // download: every request of the queue's view and filters
    // A chart's bar or point: the queue of exactly the requests it counts (`kind` created, resolved,
    // breached...), the report's filters plus `key`=`value` (a group, a category), or one `day`.
    // A backlog-ageing bar (kpi::AgeBucket): the requests still open created in that age band.
    void OpenAgeingSlice(int bucket);
    void OpenReportSlice(const std::string& kind, const std::string& key, const std::string& value,
                         const std::string& day = {});

    // ---- Attachments (file_actions.cpp)
    FileTarget DropTarget() const;                    // the composer on screen that takes dropped/pasted files
    void PickFiles(FileTarget target);                // "Attach files": the page's file dialog, for `target`
    void FilesArrived(std::vector<LocalFile> files, FileSource source); // chosen, dropped or pasted: upload each
    void RemoveFile(FileTarget target, int file);     // the chip's ×: cancel its upload, forget it
    void RetryFile(FileTarget target, int file);      // a failed upload the network or the server may take now
    void DraggingFiles(bool dragging);                // the page says files are over it (the drop overlay)
    void OpenAttachment(std::int64_t id, bool image); // a picture opens in a new tab; other files download
    void FollowLink(const std::string& url);          // "#/..." navigates in the app, others open a tab

    void DismissToast(size_t index);

    // ---- Walk-up kiosk (kiosk_actions.cpp): the person at the kiosk
    void KioskEditWho(std::string text);              // username, or the guest's name (key times kept for scans)
    void KioskSetGuest(bool guest);
    void KioskSetAppointment(bool appointment);
    void KioskContinue();                             // welcome -> reason, after the shared identity check
    void KioskPickReason(const std::string& key);
    void KioskEditNote(std::string text);
    void KioskSubmit();                               // check in
    void KioskBack();                                 // reason -> welcome
    void KioskDone();                                 // the next person: everything about this one is forgotten
    void KioskStartRating(std::int64_t visit, const std::string& ticket);  // a just-served ticket tapped on the welcome screen
    void KioskRate(int score);                        // the one-tap survey (1..5)
    void KioskType(const std::string& text);          // on-screen keyboard: add to the step's field (never a scan)
    void KioskErase();                                // on-screen keyboard: ⌫
    void KioskShift();                                // on-screen keyboard: ⇧ for the next letter
    void KioskShowKeyboard(bool show);                // the drawn keyboard, or the device's own
    void KioskTypingNote();                           // reason: the note field was tapped (its keyboard shows)
    void KioskOpenArticle(std::int64_t article);      // "while you wait": read it on the kiosk (0 closes)

    // ---- Walk-up console (kiosk_actions.cpp; staff)
    void ConsoleSetLocation(std::int64_t location);
    void ConsoleSetDesk(std::int64_t desk);
    void ConsoleCallNext();
    void ConsoleStep(std::int64_t visit, const std::string& action);  // call (to the desk), start, resolve, no_show, requeue, back_office
    void ConsoleEditNote(std::int64_t visit, std::string text);
    void ConsoleEditPairing(std::string code, std::string name);
    void ConsolePairKiosk();                          // admin: bind the kiosk showing the code to the location shown

    // ---- Walk-up desks for the person signed in (#/desks; desks_actions.cpp) ----
    void EnsureDesks();                               // locations, my visits, the open panel's slots (refreshed)
    void DesksOpen(std::int64_t location, const std::string& mode, std::int64_t visit = 0);  // join | book | move
    void DesksClose();
    void DesksPickReason(const std::string& key);
    void DesksPickDay(int day);
    void DesksPickSlot(Timestamp start);
    void DesksEditNote(std::string text);
    void DesksConfirm();                              // checked with the shared rules, then join / book / move
    void DesksCancel(std::int64_t visit);
    void DesksRate(std::int64_t visit, int score);    // the one-tap survey after a visit

    // ---- Agent mode (agent_actions.cpp)
    void SetQueueView(const std::string& view);        // keeps order and filters, back to the top
    void SortQueue(const std::string& column);         // due, priority, updated, created, id; again: reverse
    void EditQueueSearch(std::string text);            // applied after a short pause (or at once on Enter)
    void ApplyQueueSearch();
    void SetQueueFilter(const std::string& priority, const std::string& status); // "" = any
    void SetQueueVisible(int first, int last);         // rows on screen (the UI, every frame)
    void MoveQueueCursor(int delta);                   // j / k
    void OpenQueueCursor();                            // Enter
    void ReplyToQueueCursor();                         // r: open it with the keyboard in the reply box
    void FocusReply(RequestId id, bool focus);         // r on a request (true); the box has it (false)
    void ToggleQueueSelected(RequestId id);            // x / the row's checkbox
    void SelectLoadedQueueRows(bool select);           // the header checkbox: every loaded row, or none
    void AssignQueueCursorToMe();                      // a
    void BulkAssign(UserId assignee);                  // the ticked rows (0: unassign)
    void BulkStatus(Status to, PendingReason reason = PendingReason::none);
    static constexpr Timestamp kQueueSearchPauseMs = 300;
    static constexpr int kQueueLoadsAtOnce = 2;        // block GETs in flight at most
    void ToggleAvailability();                         // available <-> away (auto-assignment)
    void OpenNotification(std::int64_t id);            // marks it read and opens its request
    void RefreshInbox();                               // the inbox opened: re-read it now
    void ChangeStatus(RequestId id, Status to, PendingReason reason = PendingReason::none,
                      std::string note = {});            // note: resolution note (resolved) or cancel reason (cancelled)
    void AskStatus(RequestId id, Status to);             // cancel / resolve: open the confirmation dialog first
    void EditConfirmText(RequestId id, std::string text);// the dialog's reason / resolution note
    void ConfirmStatus(RequestId id);                    // the dialog's confirm button: sends the step with its text
    void DismissConfirm(RequestId id);                   // "Keep it" / Esc: nothing changes
    void StartReopen(RequestId id, bool on);             // requester: "This didn't fix it" puts the reply box in reopen mode
    void AssignToMe(RequestId id);
    void ReapplyChange(RequestId id);                  // after a 409: the same change on the fresh version

    // ---- Ticket workspace (workspace_actions.cpp): staff only, no-ops for anyone else
    void ReloadWorkspace(RequestId id);                // Retry on a workspace panel
    void EditLinkText(RequestId id, std::string text); // the link box: "#42", "42" or "REQ0000042"
    void SetLinkKind(RequestId id, LinkKind kind);     // relates: link; duplicate_of: merge into it
    void AddLink(RequestId id);                        // checked with CheckLink, then POST .../links
    void RemoveLink(RequestId id, RequestId other);    // checked with CheckUnlink, then DELETE .../links/{other}
    void AskMerge(RequestId id);                       // "Merge into…": checked with CheckMerge, then confirm
    void CancelMerge(RequestId id);
    void ConfirmMerge(RequestId id);                   // POST .../merge with base_version
    void ReapplyMerge(RequestId id);                   // after a 409: the same merge on the fresh version
    void InsertCanned(RequestId id, std::int64_t canned_id); // expanded by the server, then EditReply
    void SetEditGroup(RequestId id, std::int64_t group_id);  // 0: no group (drops an assignee outside it)
    void SetEditAssignee(RequestId id, UserId assignee);     // 0: unassigned
    void SetEditImpact(RequestId id, Level impact);
    void SetEditUrgency(RequestId id, Level urgency);
    void SaveDetails(RequestId id);                    // one PATCH with the edited fields and base_version
    void DiscardDetails(RequestId id);
    void ShowAllHistory(RequestId id, bool all);

    // ---- Knowledge base (kb_actions.cpp)
    void SetKbSearch(std::string query);
    void SetKbCategory(std::string category);         // "" = all
    void OpenArticle(ArticleId id);
    void Vote(ArticleId id, bool helpful);            // "Was this helpful?" yes / no
    void EditFeedbackComment(ArticleId id, std::string text);
    void SendFeedbackComment(ArticleId id);           // resends the vote with the comment
    void EditArticle(ArticleId id, ArticleContent content, std::string tags_text); // editor fields (0: new)
    void SaveArticle(ArticleId id);                   // validates with shared rules, then POST/PUT
    void ReapplyOnLatest(ArticleId id);               // after a 409: reload, keep my text, save again
    void ChangeArticleState(ArticleId id, ArticleState to);
    void ShowArticleDiff(ArticleId id, int version);  // history: what `version` changed (0 hides)
    void SetEditorTab(ArticleId id, int tab);
    void Deflect(CatalogItemId item, ArticleId article); // "This solved it" on a request form
    void UndoDeflection(CatalogItemId item);          // back to the form (the click stays counted)
    void EditSynonyms(std::string text);              // admin: the synonym list
    void SaveSynonyms();                              // checked with shared ParseSynonyms first

private:
    FormDraftState& Draft(CatalogItemId item);        // created on first use; initialized once the item loads
    void InitDraft(CatalogItemId item);
    void EnsureDataForRoute();
    void EnsureKbIndex();                             // download or revalidate the search index
    void EnsureKbForRoute();                          // loads of the knowledge screens
    void SyncLive();                                  // event stream for this user; presence heartbeats
    void SyncDevice();                                // #/kiosk, #/board: pairing, the board's refresh, the idle reset
    void EnsureWorkspace();                           // staff on a request: its workspace panels loaded and fresh
    void EnsureQueueBlocks();                         // the queue's blocks in view, loaded and fresh
    void EnsureAgentInbox();                          // notifications (everyone) and availability (staff) loaded
    void EnsurePeople();                              // #/people: the page of people for the search
    void EnsureReports();                             // #/reports: the summary, breakdowns and filter choices
    void EnsureWalkupConsole();                       // #/walkup: locations, then the location's visits (refreshed)

    AppState& m_state;
    Effects& m_effects;
    Host& m_host;
    Clock m_clock;
};

}  // namespace spoc::client
