// The screens of the browser client. Each Draw* takes its view-model, the UI-only state and the
// actions it may emit; none of them reads AppState, the network or a clock directly.
// DrawApp picks the screen for the current route and lays out the frame around it.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "client/app/actions.h"
#include "client/app/view_models.h"

namespace spoc::ui {

struct UiState {
    std::string shown_view;        // what the previous frame showed: "startup", "signin" or the route's hash
    bool route_changed = false;    // this frame shows a different screen than the last one
    bool focus_first_field = false;// give keyboard focus to the screen's first input this frame
    float content_width = 0;       // width of the centred page column, CSS px
    float viewport_width = 0;
    float viewport_height = 0;
    bool touch = false;            // coarse pointer: a drag on the page scrolls it (set by the platform)
    bool drag_scrolling = false;   // a touch drag is scrolling the page: it must not click what it started on
    std::string focus_field;       // one-shot: scroll to and focus this input (form error links)
    bool focus_first_error = false;// one-shot: after a refused submit, scroll to and focus the first invalid field
    std::string scroll_field;      // the field just focused: scrolled to a quarter down the view over the next frames
    int scroll_field_frames = 0;   // (after keyboard navigation has scrolled it to an edge)
};

struct FrameOutput {
    bool animating = false;        // spinners/skeletons on screen: keep rendering
    std::string title;             // document.title for this state
};

FrameOutput DrawApp(const client::AppState& state, UiState& ui, client::Actions& actions, const client::Clock& clock,
                    int requests_in_flight);

void DrawTopBar(const client::TopBarViewModel& vm, UiState& ui, client::Actions& actions);
void DrawStartup(const client::StartupViewModel& vm, UiState& ui, client::Actions& actions);
void DrawSignIn(const client::SignInViewModel& vm, UiState& ui, client::Actions& actions);
void DrawKiosk(const client::KioskViewModel& vm, UiState& ui, client::Actions& actions);  // screen_kiosk.cpp
void DrawBoard(const client::KioskViewModel& vm, UiState& ui, client::Actions& actions);
void DrawConsole(const client::ConsoleViewModel& vm, UiState& ui, client::Actions& actions);  // screen_walkup.cpp
void DrawDesks(const client::DesksViewModel& vm, UiState& ui, client::Actions& actions);      // screen_desks.cpp
void DrawHome(const client::HomeViewModel& vm, UiState& ui, client::Actions& actions);
void DrawApprovals(const client::ApprovalsViewModel& vm, UiState& ui, client::Actions& actions);  // screen_approvals.cpp
void DrawPeople(const client::PeopleViewModel& vm, UiState& ui, client::Actions& actions);  // screen_people.cpp
void DrawReports(const client::ReportsViewModel& vm, UiState& ui, client::Actions& actions);  // screen_reports.cpp
void DrawSurveyBanner(const client::SurveyViewModel& vm, float width, client::Actions& actions);  // screen_survey.cpp
void DrawCatalog(const client::CatalogViewModel& vm, UiState& ui, client::Actions& actions);
void DrawCatalogItem(const client::FormViewModel& vm, UiState& ui, client::Actions& actions);
void DrawRequestList(const client::RequestListViewModel& vm, UiState& ui, client::Actions& actions);
void DrawRequestDetail(const client::RequestDetailViewModel& vm, UiState& ui, client::Actions& actions);
void DrawKbHome(const client::KbHomeViewModel& vm, UiState& ui, client::Actions& actions);
void DrawArticle(const client::ArticleViewModel& vm, UiState& ui, client::Actions& actions);
void DrawKbEditor(const client::EditorViewModel& vm, UiState& ui, client::Actions& actions);
void DrawKbReview(const client::ReviewViewModel& vm, UiState& ui, client::Actions& actions);
// Row `index` of the queue's view, or nothing while it loads (BuildQueueRow, bound to the state).
using QueueRowSource = std::function<std::optional<client::QueueRowViewModel>(int index)>;
void DrawQueue(const client::QueueViewModel& vm, const QueueRowSource& rows, UiState& ui, client::Actions& actions);
void DrawNotFound(UiState& ui, client::Actions& actions);
void DrawToasts(const std::vector<client::Toast>& toasts, client::Actions& actions);

// Pieces shared by the home page and the catalog page (screen_catalog.cpp).
void DrawSearchBox(const std::string& query, float width, client::Actions& actions);
void DrawCatalogBrowser(const client::CatalogViewModel& vm, float width, int columns, client::Actions& actions);
// Knowledge pieces reused outside the knowledge screens (screen_kb.cpp).
bool DrawArticleHit(const client::ArticleHitViewModel& hit, float width, client::Actions& actions, bool offer_solved,
                    bool solving);  // true: "This solved it" clicked
void DrawArticleResults(const std::vector<client::ArticleHitViewModel>& hits, float width, client::Actions& actions);

}  // namespace spoc::ui
