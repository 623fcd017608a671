// The walk-up kiosk (#/kiosk) and the queue board (#/board/{key}) on a paired device: full screen,
// touch-first (large targets), no portal chrome. Index:
//   [SECTION] Shared parts (the big ticket, the board's lines)
//   [SECTION] Kiosk: pairing, welcome, reason, done
//   [SECTION] Board
#include <algorithm>
#include <cfloat>
#include <cstdio>

#include "client/ui/item_hooks.h"
#include "client/ui/keyboard.h"
#include "imgui_internal.h"
#include "client/ui/screens.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"
#include "shared/domain/i18n.h"

namespace spoc::ui {

using namespace spoc::client;
using i18n::Format;
using i18n::tr;

namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] Shared parts
// ---------------------------------------------------------------------------------------------
constexpr float kTouchRow = 64.0f;  // kiosk buttons and fields: finger-sized

// True when `font` has a glyph of its own for every character of `text`.
bool Covers(const ImFont* font, std::string_view text) {
    const char* s = text.data();
    const char* end = s + text.size();
    while (s < end) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, s, end);
        if (n <= 0 || font->FindGlyphNoFallback(static_cast<ImWchar>(c)) == nullptr) return false;
        s += n;
    }
    return true;
}

// Text larger than the largest font (the ticket number, the pairing code), centred in `width`:
// `scale` times h1, drawn from the display font when it has every character (sharp), else h1
// scaled up.
void BigText(std::string_view text, float scale, ImU32 col, float width) {
    UseDisplayFont();
    const ImFont* h1 = GetFonts().h1;
    const ImFont* display = GetFonts().display;
    const ImFont* font = display != nullptr && Covers(display, text) ? display : h1;
    const float unit = ImGui::GetIO().FontGlobalScale;  // atlas pixels to ImGui units (1 / pixel ratio)
    const float wanted = h1->FontSize * unit * scale;
    const float natural = font->CalcTextSizeA(wanted, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
    const float size = natural > width && natural > 0 ? wanted * width / natural : wanted;  // a phone-sized kiosk: shrink to fit
    const ImVec2 s = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data(), text.data() + text.size());
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 at(p.x + std::max(0.0f, (width - s.x) * 0.5f), p.y);
    ImGui::GetWindowDrawList()->AddText(font, size, at, col, text.data(), text.data() + text.size());
    A11yText(text, at, ImVec2(at.x + s.x, at.y + s.y));
    ImGui::Dummy(ImVec2(width, s.y));
}

// The board's two lists: now serving (ticket -> desk) and next (ticket, first name + initial).
void BoardLines(const KioskViewModel& vm, float width, float scale) {
    const Fonts& f = GetFonts();
    const float col = (width - 24.0f) * 0.5f;
    const ImVec2 top = ImGui::GetCursorPos();
    {
        A11yGroup list("list", tr("Now serving"));
        Label(f.h3, color::kTextSecondary, tr("Now serving"));
        VSpace(6);
        if (vm.serving.empty()) Label(f.body, color::kTextMuted, tr("Nobody yet"));
        for (const BoardLineView& line : vm.serving) {
            A11yGroup item("listitem");
            BigText(line.ticket + "  →  " + line.desk, scale, color::kAccent, col);
        }
    }
    const float left_end = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(top.x + col + 24.0f, top.y));
    ImGui::BeginGroup();
    {
        A11yGroup list("list", tr("Next"));
        Label(f.h3, color::kTextSecondary, tr("Next"));
        VSpace(6);
        if (vm.next.empty()) Label(f.body, color::kTextMuted, tr("Nobody is waiting"));
        for (const BoardLineView& line : vm.next) {
            A11yGroup item("listitem");
            Label(scale > 1.5f ? f.h2 : f.h3, color::kText, line.ticket + "   " + line.name);
            VSpace(4);
        }
    }
    ImGui::EndGroup();
    ImGui::SetCursorPosY(std::max(left_end, ImGui::GetCursorPosY()));
}

// The on-screen keyboard fits when its keys are at least finger-wide (44 px): ten keys and gaps.
constexpr float kKeyboardMinWidth = 10 * 44.0f + 9 * 6.0f;

bool DrawnKeyboard(const KioskViewModel& vm, float inner) { return vm.keyboard && inner >= kKeyboardMinWidth; }

// The keyboard under the step's field, and the switch to the device's own keyboard (a tablet's,
// with its input methods); too narrow for finger-wide keys, the device's is used.
void KioskKeyboard(const KioskViewModel& vm, KeyboardLayout layout, float inner, Actions& actions) {
    if (DrawnKeyboard(vm, inner)) {
        VSpace(10);
        const KeyboardTap tap = OnScreenKeyboard("kiosk_keyboard", layout, vm.keyboard_upper, i18n::CurrentLang(), inner, 56.0f);
        if (!tap.text.empty()) actions.KioskType(tap.text);
        if (tap.erase) actions.KioskErase();
        if (tap.shift) actions.KioskShift();
        if (Button(L("Use this device's keyboard", "kiosk_keyboard_hide").c_str(), ButtonKind::ghost, ImVec2(inner, 44.0f)))
            actions.KioskShowKeyboard(false);
    } else if (!vm.keyboard && inner >= kKeyboardMinWidth) {
        VSpace(6);
        if (Button(L("Show the on-screen keyboard", "kiosk_keyboard_show").c_str(), ButtonKind::ghost, ImVec2(inner, 44.0f)))
            actions.KioskShowKeyboard(true);
    }
}

// A centred column: returns its width and moves the cursor to its left edge.
float Column(const UiState& ui, float max_width) {
    const float w = std::min(max_width, ui.viewport_width - 48.0f);
    ImGui::SetCursorPosX(std::max(24.0f, (ui.viewport_width - w) * 0.5f));
    return w;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Kiosk
// ---------------------------------------------------------------------------------------------
// Every kiosk step is one centred card; returns the width inside it.
float KioskCard(const char* id, const UiState& ui, float max_width) {
    const float w = Column(ui, max_width);
    BeginCard(id, w, 36.0f);
    return w - 72.0f;
}

void DrawPairing(const KioskViewModel& vm, const UiState& ui) {
    const Fonts& f = GetFonts();
    const float inner = KioskCard("kiosk_pairing", ui, 640.0f);
    Paragraph(f.h1, color::kText, tr("Pair this kiosk"), inner);
    VSpace(8);
    Paragraph(f.body, color::kTextSecondary,
              tr("An administrator enters this code in Spoc to bind this screen to a walk-up desk. It then works here by itself."),
              inner);
    VSpace(20);
    if (vm.pairing_code.empty()) LoadingPanel(tr("Asking for a code…"), inner);
    else BigText(vm.pairing_code, 2.6f, color::kAccent, inner);
    VSpace(16);
    Paragraph(f.small, color::kTextMuted, tr("The code is valid for 10 minutes; a new one appears after that."), inner);
    EndCard();
}

void DrawWelcome(const KioskViewModel& vm, UiState& ui, Actions& actions) {
    const Fonts& f = GetFonts();
    const float inner = KioskCard("kiosk_welcome", ui, 720.0f);
    const float w = inner + 72.0f;
    Paragraph(f.h1, color::kText, tr("Welcome! Check in for the IT desk"), inner);
    VSpace(6);
    Paragraph(f.body, color::kTextSecondary, vm.location + (vm.queue_text.empty() ? "" : "  ·  " + vm.queue_text), inner);
    if (vm.offline) {
        VSpace(8);
        Notice("kiosk_offline", NoticeKind::warning, vm.offline_text, nullptr, inner);
    } else if (!vm.open_now) {
        VSpace(8);
        Notice("kiosk_closed", NoticeKind::info, tr("The desk is closed now. You can still check in; we'll see you when it opens."),
               nullptr, inner);
    }
    VSpace(20);
    const char* prompt = vm.guest ? tr("Your name") : tr("Scan your badge, or type your username or e-mail");
    Paragraph(f.h3, color::kText, prompt, inner);
    VSpace(6);
    std::string who = vm.who;
    TextInputOptions o;
    o.large = true;
    o.width = inner;
    o.max_chars = vm.guest ? 80 : 64;
    o.hook_label = prompt;
    o.invalid = !vm.who_error.empty();
    o.autocomplete = "off";
    o.caret_at_end = true;  // back from an on-screen key: go on typing after the text
    o.device_keyboard = !DrawnKeyboard(vm, inner);
    // The field keeps the keyboard whenever nothing else has it: a badge reader's keys land here.
    if (ui.focus_first_field || !ImGui::IsAnyItemActive()) ImGui::SetKeyboardFocusHere();
    const TextInputResult in = TextInput("##kiosk_who", &who, o);
    if (in.edited) actions.KioskEditWho(who);
    if (!vm.who_error.empty()) {
        hooks::DescribeLastItem(vm.who_error);
        VSpace(4);
        Notice("kiosk_who_error", NoticeKind::error, vm.who_error, nullptr, inner);
    }
    KioskKeyboard(vm, vm.guest ? KeyboardLayout::text : KeyboardLayout::identity, inner, actions);
    VSpace(12);
    if (!vm.guest) {
        bool appointment = vm.appointment;
        if (StyledCheckbox(tr("I have an appointment"), &appointment, 15.0f)) actions.KioskSetAppointment(appointment);
        VSpace(12);
    }
    if (Button(L("Continue", "kiosk_continue").c_str(), ButtonKind::primary, ImVec2(inner, kTouchRow)) || in.submitted)
        actions.KioskContinue();
    VSpace(14);
    if (Button(vm.guest ? L("I have a company account", "kiosk_account").c_str() : L("No account? Check in as a guest", "kiosk_guest").c_str(),
               ButtonKind::ghost, ImVec2(inner, kTouchRow)))
        actions.KioskSetGuest(!vm.guest);
    EndCard();
    if (!vm.rate_tickets.empty()) {  // the survey after a visit: tap your number
        VSpace(16);
        const float inner_rate = KioskCard("kiosk_rate_pick", ui, 720.0f);
        const char* title = tr("Just been helped? Tap your number to rate your visit.");
        A11yGroup group("group", title);
        Paragraph(f.h3, color::kText, title, inner_rate);
        VSpace(8);
        for (std::size_t i = 0; i < vm.rate_tickets.size(); ++i) {
            if (i > 0) ImGui::SameLine(0, 12.0f);
            const std::string label = vm.rate_tickets[i].second + "###rate_ticket_" + std::to_string(vm.rate_tickets[i].first);
            if (Button(label.c_str(), ButtonKind::secondary, ImVec2(std::min(140.0f, inner_rate), kTouchRow)))
                actions.KioskStartRating(vm.rate_tickets[i].first, vm.rate_tickets[i].second);
        }
        EndCard();
    }
    VSpace(24);
    ImGui::SetCursorPosX(std::max(24.0f, (ui.viewport_width - w) * 0.5f));
    ImGui::BeginGroup();
    BoardLines(vm, w, 1.0f);
    ImGui::EndGroup();
}

// The end of a person's turn: Done, and when the screen forgets them by itself.
void DoneFooter(const KioskViewModel& vm, float inner, Actions& actions) {
    VSpace(20);
    if (Button(L("Done", "kiosk_done").c_str(), ButtonKind::primary, ImVec2(inner, kTouchRow))) actions.KioskDone();
    VSpace(8);
    // TRANSLATORS: {0} is a number of seconds.
    Paragraph(GetFonts().small, color::kTextMuted, Format(tr("This screen resets in {0} s."), {std::to_string(vm.reset_in_seconds)}), inner);
}

// The one-tap survey: five big answers, one under the other (finger-sized on a portrait kiosk).
void DrawRate(const KioskViewModel& vm, UiState& ui, Actions& actions) {
    const Fonts& f = GetFonts();
    const float inner = KioskCard("kiosk_rate", ui, 640.0f);
    A11yGroup group("group", tr("How was your visit?"));
    Paragraph(f.h1, color::kText, tr("How was your visit?"), inner);
    // TRANSLATORS: {0} is a walk-up ticket ("A-042").
    Paragraph(f.body, color::kTextSecondary, Format(tr("Your number: {0}"), {vm.rate_ticket}), inner);
    VSpace(16);
    for (int i = 0; i < 5; ++i) {
        const int score = 5 - i;  // the best first, under the thumb
        const std::string label = SurveyAnswer(score) + "###kiosk_rate_" + std::to_string(score);
        if (Button(label.c_str(), i == 0 ? ButtonKind::primary : ButtonKind::secondary, ImVec2(inner, kTouchRow), !vm.rating))
            actions.KioskRate(score);
        VSpace(6);
    }
    if (!vm.form_error.empty()) {
        VSpace(4);
        Notice("kiosk_rate_error", NoticeKind::error, vm.form_error, nullptr, inner);
    }
    VSpace(10);
    if (Button(L("Back", "kiosk_rate_back").c_str(), ButtonKind::ghost, ImVec2(inner, kTouchRow))) actions.KioskDone();
    EndCard();
}

void DrawThanks(const KioskViewModel& vm, UiState& ui, Actions& actions) {
    const Fonts& f = GetFonts();
    const float inner = KioskCard("kiosk_thanks", ui, 640.0f);
    Paragraph(f.h1, color::kSuccess, tr("Thank you for your feedback."), inner);
    DoneFooter(vm, inner, actions);
    EndCard();
}

void DrawReason(const KioskViewModel& vm, UiState& ui, Actions& actions) {
    const Fonts& f = GetFonts();
    const float inner = KioskCard("kiosk_reason", ui, 720.0f);
    Paragraph(f.h1, color::kText, tr("What do you need help with?"), inner);
    VSpace(16);
    {
        A11yGroup group("group", tr("What do you need help with?"));
        const int per_row = inner > 520.0f ? 2 : 1;
        const float tile_w = (inner - 12.0f * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
        for (std::size_t i = 0; i < vm.reasons.size(); ++i) {
            const KioskReasonView& r = vm.reasons[i];
            if (i % static_cast<std::size_t>(per_row) != 0) ImGui::SameLine(0, 12.0f);
            const std::string label = r.label + "###reason_" + r.key;
            if (Button(label.c_str(), r.selected ? ButtonKind::primary : ButtonKind::secondary, ImVec2(tile_w, kTouchRow + 8)))
                actions.KioskPickReason(r.key);
            if (i % static_cast<std::size_t>(per_row) == static_cast<std::size_t>(per_row - 1)) VSpace(4);
        }
    }
    if (!vm.reason_error.empty()) {
        VSpace(4);
        Notice("kiosk_reason_error", NoticeKind::error, vm.reason_error, nullptr, inner);
    }
    VSpace(16);
    const char* note_label = tr("Anything we should know? (optional, one sentence)");
    Paragraph(f.h3, color::kText, note_label, inner);
    VSpace(6);
    std::string note = vm.note;
    TextInputOptions o;
    o.large = true;
    o.width = inner;
    o.max_chars = 280;
    o.hook_label = note_label;
    o.invalid = !vm.note_error.empty();
    o.caret_at_end = true;
    o.device_keyboard = !DrawnKeyboard(vm, inner);
    // Once tapped, the note keeps the keyboard between on-screen keys (its caret stays visible).
    if (vm.typing_note && !o.device_keyboard && !ImGui::IsAnyItemActive()) ImGui::SetKeyboardFocusHere();
    const TextInputResult in = TextInput("##kiosk_note", &note, o);
    if (in.edited) actions.KioskEditNote(note);
    if (in.active && !vm.typing_note) actions.KioskTypingNote();
    if (!vm.note_error.empty()) {
        hooks::DescribeLastItem(vm.note_error);
        VSpace(4);
        Notice("kiosk_note_error", NoticeKind::error, vm.note_error, nullptr, inner);
    }
    if (vm.typing_note) KioskKeyboard(vm, KeyboardLayout::text, inner, actions);
    if (!vm.articles.empty()) {  // "while you wait": the best public articles for what they typed
        VSpace(14);
        const char* title = tr("While you wait, this may fix it");
        A11yGroup list("list", title);
        Paragraph(f.h3, color::kText, title, inner);
        VSpace(6);
        for (const ArticleHitViewModel& a : vm.articles) {
            A11yGroup item("listitem");
            const bool open = vm.article_open == a.id.value;
            const std::string label = a.title + "###kiosk_article_" + std::to_string(a.id.value);
            if (Button(label.c_str(), open ? ButtonKind::primary : ButtonKind::secondary, ImVec2(inner, kTouchRow)))
                actions.KioskOpenArticle(a.id.value);
            if (open) {
                VSpace(6);
                Paragraph(f.body, color::kText, vm.article_text, inner);
            }
            VSpace(6);
        }
    }
    // A problem with who they are (the server does not know the badge): shown here too, with the way back.
    const std::string& other = !vm.form_error.empty() ? vm.form_error : vm.who_error;
    if (!other.empty()) {
        VSpace(8);
        Notice("kiosk_form_error", NoticeKind::error, other, nullptr, inner);
    }
    VSpace(20);
    const float half = (inner - 12.0f) * 0.5f;
    if (Button(L("Back", "kiosk_back").c_str(), ButtonKind::secondary, ImVec2(half, kTouchRow))) actions.KioskBack();
    ImGui::SameLine(0, 12.0f);
    const std::string submit = vm.submitting ? L("Checking in…", "kiosk_check_in") : L("Check in", "kiosk_check_in");
    if (Button(submit.c_str(), ButtonKind::primary, ImVec2(half, kTouchRow), true, vm.submitting)) actions.KioskSubmit();
    EndCard();
}

void DrawDone(const KioskViewModel& vm, UiState& ui, Actions& actions) {
    const Fonts& f = GetFonts();
    const float inner = KioskCard("kiosk_done", ui, 640.0f);
    {
        // TRANSLATORS: shown with the kiosk's own number (K-3) when the server can't be reached.
        const char* heading = vm.done_offline ? tr("You're checked in (offline)") : tr("You're checked in");
        A11yGroup status("group", heading);
        Paragraph(f.h2, vm.done_offline ? color::kWarning : color::kSuccess, heading, inner);
        VSpace(8);
        Label(f.body, color::kTextSecondary, tr("Your number"));
        BigText(vm.ticket, 3.0f, color::kText, inner);
        VSpace(8);
        if (!vm.position_text.empty()) Paragraph(f.h3, color::kText, vm.position_text, inner);
        Paragraph(f.body, color::kTextSecondary, vm.wait_text, inner);
    }
    VSpace(12);
    Paragraph(f.body, color::kTextSecondary, tr("Take a seat. Your number appears on the screen when it's your turn."), inner);
    DoneFooter(vm, inner, actions);
    EndCard();
}

}  // namespace

void DrawKiosk(const KioskViewModel& vm, UiState& ui, Actions& actions) {
    VSpace(std::max(24.0f, ui.viewport_height * 0.06f));
    switch (vm.phase) {
        case KioskPhase::unknown:
        case KioskPhase::checking: {
            const float w = Column(ui, 480.0f);
            LoadingPanel(tr("Starting the kiosk…"), w);
            return;
        }
        case KioskPhase::unpaired:
        case KioskPhase::pairing: DrawPairing(vm, ui); return;
        case KioskPhase::failed: {
            const float w = Column(ui, 560.0f);
            ErrorPanel("kiosk_failed", tr("The service desk can't be reached"), vm.error + " " + tr("Trying again…"), false, w);
            return;
        }
        case KioskPhase::ready: break;
    }
    // Widgets of one person's turn: a field that still has the keyboard when the screen resets
    // (ImGui keeps its own copy of the text) must not hand the last person's text to the next.
    ImGui::PushID(static_cast<int>(vm.person & 0x7fffffff));
    switch (vm.step) {
        case KioskStep::welcome: DrawWelcome(vm, ui, actions); break;
        case KioskStep::reason: DrawReason(vm, ui, actions); break;
        case KioskStep::done: DrawDone(vm, ui, actions); break;
        case KioskStep::rate: DrawRate(vm, ui, actions); break;
        case KioskStep::thanks: DrawThanks(vm, ui, actions); break;
    }
    ImGui::PopID();
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Board
// ---------------------------------------------------------------------------------------------
void DrawBoard(const KioskViewModel& vm, UiState& ui, Actions& actions) {
    (void)actions;
    const Fonts& f = GetFonts();
    VSpace(32);
    if (vm.phase != KioskPhase::ready) {
        DrawKiosk(vm, ui, actions);  // pairing or starting: the same screens as the kiosk
        return;
    }
    const float w = Column(ui, std::max(600.0f, ui.viewport_width - 96.0f));
    ImGui::BeginGroup();
    Paragraph(f.h1, color::kText, vm.location, w);
    Paragraph(f.body, color::kTextSecondary, vm.queue_text, w);
    if (vm.offline) Paragraph(f.body, color::kWarning, tr("Offline: this board updates when the connection is back."), w);
    VSpace(28);
    BoardLines(vm, w, ui.viewport_width > 1200.0f ? 2.0f : 1.4f);
    ImGui::EndGroup();
}

}  // namespace spoc::ui
