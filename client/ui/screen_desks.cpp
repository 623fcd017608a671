// Walk-up desks for everyone (#/desks): my visits (where I am in the queue, my appointments with
// move and cancel, a one-tap rating after a visit), then each location with its wait, "I'm on my
// way" and "Book a time"; the panel under a location picks the reason, the day and the time.
#include <algorithm>
#include <cstdio>

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

constexpr float kRow = 40.0f;

// Buttons laid out left to right, wrapping at `width`; returns the index clicked, or -1.
template <class Item, class LabelOf, class Draw>
int FlowButtons(const std::vector<Item>& items, float width, LabelOf label_of, Draw draw) {
    const Fonts& f = GetFonts();
    int clicked = -1;
    float x = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string label = label_of(items[i]);
        const std::string_view shown = std::string_view(label).substr(0, label.find("###"));  // what the button shows
        const float w = std::min(width, std::max(64.0f, MeasureText(f.body_semibold, shown).x + 32.0f));
        if (i > 0 && x + 8.0f + w <= width) ImGui::SameLine(0, 8.0f);
        else if (i > 0) {
            VSpace(2);
            x = 0;
        }
        if (i > 0 && x > 0) x += 8.0f;
        if (draw(items[i], label, w)) clicked = static_cast<int>(i);
        x += w;
    }
    return clicked;
}

void RatingButtons(const MyVisitView& v, float width, bool acting, Actions& actions) {
    const Fonts& f = GetFonts();
    Paragraph(f.body, color::kText, tr("How was your visit?"), width);
    VSpace(4);
    A11yGroup group("group", tr("How was your visit?"));
    const float w = std::min(120.0f, (width - 4 * 8.0f) / 5.0f);
    for (int score = 1; score <= 5; ++score) {
        if (score > 1) ImGui::SameLine(0, 8.0f);
        char id[48];
        std::snprintf(id, sizeof id, "###rate_%lld_%d", static_cast<long long>(v.id), score);
        const std::string label = SurveyAnswer(score) + id;
        if (Button(label.c_str(), ButtonKind::secondary, ImVec2(w, kRow), !acting)) actions.DesksRate(v.id, score);
    }
}

void VisitCard(const MyVisitView& v, float width, bool acting, Actions& actions) {
    const Fonts& f = GetFonts();
    A11yGroup item("listitem", v.title);
    const std::string id = "my_visit_" + std::to_string(v.id);
    BeginCard(id.c_str(), width, 16.0f);
    const float inner = width - 32.0f;
    Paragraph(f.h3, color::kText, v.title, inner - 140.0f);
    ImGui::SameLine(0, 12.0f);
    Badge(v.status_text, v.tone);
    A11yText(v.status_text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());  // the badge, read too
    if (!v.detail.empty()) Paragraph(f.body, color::kTextSecondary, v.detail, inner);
    if (v.rated > 0) {
        // TRANSLATORS: {0} is a score from 1 to 5.
        Paragraph(f.small, color::kTextMuted, Format(tr("You rated this visit {0} of 5. Thank you."), {std::to_string(v.rated)}), inner);
    }
    if (v.can_rate) {
        VSpace(6);
        RatingButtons(v, inner, acting, actions);
    }
    if (v.can_move || v.can_cancel) {
        VSpace(8);
        if (v.can_move) {
            const std::string move = std::string(tr("Move")) + "###move_" + std::to_string(v.id);
            if (Button(move.c_str(), ButtonKind::secondary, ImVec2(0, kRow), !acting)) actions.DesksOpen(v.location_id, "move", v.id);
            ImGui::SameLine(0, 8.0f);
        }
        const std::string cancel = std::string(tr("Cancel visit")) + "###cancel_" + std::to_string(v.id);
        if (Button(cancel.c_str(), ButtonKind::ghost, ImVec2(0, kRow), !acting)) actions.DesksCancel(v.id);
    }
    EndCard();
    VSpace(10);
}

void Panel(const DesksViewModel& vm, float width, Actions& actions) {
    const Fonts& f = GetFonts();
    A11yGroup group("group", vm.panel_title);
    Divider(width);
    VSpace(10);
    Label(f.h3, color::kText, vm.panel_title);
    VSpace(8);
    if (!vm.reasons.empty()) {
        Paragraph(f.body_semibold, color::kText, tr("What do you need help with?"), width);
        VSpace(4);
        const int hit = FlowButtons(vm.reasons, width, [](const KioskReasonView& r) { return r.label + "###desk_reason_" + r.key; },
                                    [](const KioskReasonView& r, const std::string& label, float w) {
                                        return Button(label.c_str(), r.selected ? ButtonKind::primary : ButtonKind::secondary, ImVec2(w, kRow));
                                    });
        if (hit >= 0) actions.DesksPickReason(vm.reasons[static_cast<std::size_t>(hit)].key);
        VSpace(10);
    }
    if (!vm.days.empty()) {
        Paragraph(f.body_semibold, color::kText, tr("Day"), width);
        VSpace(4);
        std::size_t index = 0;  // ids by days ahead: desk_day_0 is today
        const int hit = FlowButtons(vm.days, width,
                                    [&](const std::pair<std::string, bool>& d) { return d.first + "###desk_day_" + std::to_string(vm.day_offsets[index++]); },
                                    [](const std::pair<std::string, bool>& d, const std::string& label, float w) {
                                        return Button(label.c_str(), d.second ? ButtonKind::primary : ButtonKind::secondary, ImVec2(w, kRow));
                                    });
        if (hit >= 0) actions.DesksPickDay(vm.day_offsets[static_cast<std::size_t>(hit)]);
        VSpace(10);
        Paragraph(f.body_semibold, color::kText, tr("Time"), width);
        VSpace(4);
        if (vm.slots_load.status == ViewStatus::loading) LoadingPanel(tr("Looking for free times…"), width);
        else if (vm.slots_load.status == ViewStatus::failed) Notice("desk_slots_error", NoticeKind::error, vm.slots_load.error, nullptr, width);
        else if (vm.slots.empty()) Paragraph(f.body, color::kTextMuted, tr("No times left on this day. Try another day."), width);
        else {
            A11yGroup list("group", tr("Time"));  // buttons: a group, not a list (no list items)
            const int slot = FlowButtons(vm.slots, width,
                                         [](const DeskSlotView& s) {
                                             return s.label + (s.free_text.empty() ? "" : " · " + s.free_text) + "###slot_" + std::to_string(s.start);
                                         },
                                         [](const DeskSlotView& s, const std::string& label, float w) {
                                             return Button(label.c_str(), s.selected ? ButtonKind::primary : ButtonKind::secondary, ImVec2(w, kRow), !s.full);
                                         });
            if (slot >= 0) actions.DesksPickSlot(vm.slots[static_cast<std::size_t>(slot)].start);
        }
        VSpace(10);
    }
    if (vm.mode != "move") {
        const char* note_label = tr("Anything we should know? (optional, one sentence)");
        std::string note = vm.note;
        TextInputOptions o;
        o.width = width;
        o.max_chars = 280;
        o.hook_label = note_label;
        o.placeholder = note_label;
        if (TextInput("##desk_note", &note, o).edited) actions.DesksEditNote(note);
        VSpace(10);
    }
    if (!vm.error.empty()) {
        Notice("desk_error", NoticeKind::error, vm.error, nullptr, width);
        VSpace(8);
    }
    if (Button((vm.confirm_label + "###desk_confirm").c_str(), ButtonKind::primary, ImVec2(0, kRow), !vm.acting, vm.acting))
        actions.DesksConfirm();
    ImGui::SameLine(0, 8.0f);
    if (Button(L("Cancel", "desk_close").c_str(), ButtonKind::ghost, ImVec2(0, kRow))) actions.DesksClose();
}

void LocationCard(const DeskLocationView& l, const DesksViewModel& vm, float width, Actions& actions) {
    const Fonts& f = GetFonts();
    A11yGroup item("listitem", l.name);
    const std::string id = "desk_location_" + std::to_string(l.id);
    BeginCard(id.c_str(), width, 20.0f);
    const float inner = width - 40.0f;
    Label(f.h3, color::kText, l.name);
    Paragraph(f.body, l.open_now ? color::kSuccess : color::kTextSecondary, l.status_line, inner);
    Paragraph(f.small, color::kTextMuted, l.hours, inner);
    VSpace(10);
    if (l.open_now) {
        const std::string join = std::string(tr("I'm on my way")) + "###join_" + std::to_string(l.id);
        if (Button(join.c_str(), ButtonKind::primary, ImVec2(0, kRow), !vm.acting)) actions.DesksOpen(l.id, "join");
        ImGui::SameLine(0, 8.0f);
    }
    const std::string book = std::string(tr("Book a time")) + "###book_" + std::to_string(l.id);
    if (Button(book.c_str(), ButtonKind::secondary, ImVec2(0, kRow), !vm.acting)) actions.DesksOpen(l.id, "book");
    if (l.panel_open) {
        VSpace(14);
        Panel(vm, inner, actions);
    }
    EndCard();
    VSpace(12);
}

}  // namespace

void DrawDesks(const DesksViewModel& vm, UiState& ui, Actions& actions) {
    const Fonts& f = GetFonts();
    const float width = ui.content_width;
    Label(f.h1, color::kText, tr("Walk-up desks"));
    VSpace(4);
    Paragraph(f.body, color::kTextSecondary,
              tr("Get help in person at an IT desk: join the queue on your way there, or book a time that suits you."), width);
    VSpace(16);
    if (vm.load.status == ViewStatus::loading) {
        LoadingPanel(tr("Loading the walk-up desks…"), width);
        return;
    }
    if (vm.load.status == ViewStatus::failed) {
        if (ErrorPanel("desks_error", tr("The walk-up desks didn't load"), vm.load.error, vm.load.retryable, width)) actions.Retry();
        return;
    }
    if (!vm.visits.empty()) {
        Label(f.h2, color::kText, tr("My visits"));
        VSpace(8);
        A11yGroup list("list", tr("My visits"));
        for (const MyVisitView& v : vm.visits) VisitCard(v, width, vm.acting, actions);
        VSpace(8);
    }
    Label(f.h2, color::kText, tr("Locations"));
    VSpace(8);
    A11yGroup list("list", tr("Locations"));
    for (const DeskLocationView& l : vm.locations) LocationCard(l, vm, width, actions);
}

}  // namespace spoc::ui
