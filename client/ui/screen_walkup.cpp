// The walk-up console (#/walkup, agents and admins): a location's open visits in queue order with
// the next step for each (call to my desk, start, resolve with a note, hand to the back office,
// no-show, put back), "Call next", and for admins the card that pairs a kiosk with its code.
#include <algorithm>

#include "client/ui/item_hooks.h"
#include "client/ui/screens.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"
#include "shared/domain/i18n.h"

namespace spoc::ui {

using namespace spoc::client;
using i18n::Format;
using i18n::tr;

namespace {

std::vector<std::string> Names(const std::vector<std::pair<std::int64_t, std::string>>& items) {
    std::vector<std::string> out;
    for (const auto& [id, name] : items) out.push_back(name);
    return out;
}

// One open visit: who, why, how long, and its next steps.
void VisitRow(const ConsoleRowView& row, float width, bool acting, Actions& actions) {
    const Fonts& f = GetFonts();
    A11yGroup item("listitem", row.ticket + " " + row.name);
    const std::string id = "visit_" + std::to_string(row.id);
    BeginCard(id.c_str(), width, 16.0f);
    const float inner = width - 32.0f;
    Paragraph(f.h3, color::kText, row.ticket + "  " + row.name, inner - 140.0f);
    ImGui::SameLine(0, 12.0f);
    Badge(row.status_text, row.tone);
    A11yText(row.status_text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());  // the badge, read too
    std::string line = row.reason;
    if (!row.waited.empty()) line += "  ·  " + row.waited;
    if (!row.desk.empty()) line += "  ·  " + row.desk;
    Paragraph(f.body, color::kTextSecondary, line, inner);
    if (!row.note.empty()) Paragraph(f.body, color::kText, "“" + row.note + "”", inner);
    VSpace(8);
    auto step = [&](const char* label, const char* action, ButtonKind kind) {
        const std::string text = std::string(label) + "###" + action + "_" + std::to_string(row.id);
        if (Button(text.c_str(), kind, ImVec2(0, 40), !acting)) actions.ConsoleStep(row.id, action);
        ImGui::SameLine(0, 8.0f);
    };
    switch (row.status) {
        case walkup::VisitStatus::waiting:
            step(tr("Call to my desk"), "call", ButtonKind::primary);
            step(tr("No-show"), "no_show", ButtonKind::ghost);
            break;
        case walkup::VisitStatus::called:
            step(tr("Start"), "start", ButtonKind::primary);
            step(tr("Put back"), "requeue", ButtonKind::secondary);
            step(tr("No-show"), "no_show", ButtonKind::ghost);
            break;
        case walkup::VisitStatus::in_service: {
            std::string note = row.outcome;
            TextInputOptions o;
            o.width = inner;
            o.max_chars = 4000;
            o.placeholder = tr("What was done (shown to the requester)");
            const std::string note_label = tr("Resolution note") + std::string("###note_") + std::to_string(row.id);
            o.hook_label = tr("Resolution note");
            if (TextInput(note_label.c_str(), &note, o).edited) actions.ConsoleEditNote(row.id, note);
            VSpace(8);
            step(tr("Resolve"), "resolve", ButtonKind::primary);
            step(tr("Hand to the back office"), "back_office", ButtonKind::secondary);
            break;
        }
        default: break;
    }
    ImGui::NewLine();
    EndCard();
    VSpace(10);
}

void PairingCard(const ConsoleViewModel& vm, float width, Actions& actions) {
    const Fonts& f = GetFonts();
    BeginCard("pair_kiosk", width, 20.0f);
    const float inner = width - 40.0f;
    Label(f.h3, color::kText, tr("Pair a kiosk"));
    Paragraph(f.body, color::kTextSecondary, tr("Open #/kiosk on the kiosk's browser, then type the code it shows. It checks people in at the location above."),
              inner);
    VSpace(6);
    std::string code = vm.pair_code, name = vm.pair_name;
    TextInputOptions c;
    c.width = std::min(200.0f, inner);
    c.max_chars = 9;
    c.placeholder = "7KQ-4MX";
    c.hook_label = tr("Code");
    const bool code_edit = TextInput("##pair_code", &code, c).edited;
    ImGui::SameLine(0, 8.0f);
    TextInputOptions n;
    n.width = std::max(120.0f, inner - 200.0f - 8.0f - 110.0f);
    n.max_chars = 80;
    n.placeholder = tr("Name, e.g. Lobby kiosk");
    n.hook_label = tr("Kiosk name");
    const bool name_edit = TextInput("##pair_name", &name, n).edited;
    if (code_edit || name_edit) actions.ConsoleEditPairing(code, name);
    ImGui::SameLine(0, 8.0f);
    if (Button(L("Pair", "pair_kiosk_button").c_str(), ButtonKind::primary, ImVec2(102, 0), !vm.pairing, vm.pairing))
        actions.ConsolePairKiosk();
    if (!vm.pair_result.empty()) {
        VSpace(6);
        Notice("pair_result", vm.pair_failed ? NoticeKind::error : NoticeKind::success, vm.pair_result, nullptr, inner);
    }
    EndCard();
}

}  // namespace

void DrawConsole(const ConsoleViewModel& vm, UiState& ui, Actions& actions) {
    const Fonts& f = GetFonts();
    const float width = ui.content_width;
    if (!vm.allowed) {
        DrawNotFound(ui, actions);
        return;
    }
    Label(f.h1, color::kText, tr("Walk-up"));
    VSpace(12);
    if (vm.load.status == ViewStatus::loading) {
        LoadingPanel(tr("Loading the walk-up queue…"), width);
        return;
    }
    if (vm.load.status == ViewStatus::failed) {
        if (ErrorPanel("walkup_error", tr("The walk-up queue didn't load"), vm.load.error, vm.load.retryable, width)) actions.Retry();
        return;
    }
    const float pick_w = std::min(280.0f, (width - 16.0f) / 2.0f);
    int location = vm.location_index;
    if (Dropdown("##walkup_location", tr("Location"), Names(vm.locations), &location, pick_w) &&
        location < static_cast<int>(vm.locations.size()))
        actions.ConsoleSetLocation(vm.locations[static_cast<std::size_t>(location)].first);
    ImGui::SameLine(0, 16.0f);
    int desk = vm.desk_index;
    if (!vm.desks.empty() && Dropdown("##walkup_desk", tr("My desk"), Names(vm.desks), &desk, pick_w) &&
        desk < static_cast<int>(vm.desks.size()))
        actions.ConsoleSetDesk(vm.desks[static_cast<std::size_t>(desk)].first);
    VSpace(8);
    Paragraph(f.body, color::kTextSecondary, vm.location_summary, width);
    VSpace(10);
    if (Button(L("Call next", "walkup_call_next").c_str(), ButtonKind::primary, ImVec2(std::min(width, 240.0f), 44), !vm.acting))
        actions.ConsoleCallNext();
    VSpace(16);
    {
        A11yGroup list("list", tr("Open visits"));
        if (vm.rows.empty()) Label(f.body, color::kTextMuted, tr("Nobody is waiting."));
        for (const ConsoleRowView& row : vm.rows) VisitRow(row, width, vm.acting, actions);
    }
    if (vm.admin) {
        VSpace(16);
        PairingCard(vm, width, actions);
    }
}

}  // namespace spoc::ui
