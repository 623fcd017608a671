// Sign-in screen: a centred card with username and password (masked), Enter to submit, the
// server's answer inline, and the demo accounts hint.
#include <algorithm>

#include "client/ui/item_hooks.h"
#include "client/ui/screens.h"
#include "client/ui/theme.h"
#include "client/ui/widgets.h"
#include "shared/domain/i18n.h"

namespace spoc::ui {

using namespace spoc::client;
using i18n::tr;

void DrawSignIn(const SignInViewModel& vm, UiState& ui, Actions& actions) {
    const Fonts& f = GetFonts();
    const float w = ui.viewport_width, h = ui.viewport_height;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetWindowPos();
    // Soft accent wash behind the card.
    dl->AddRectFilledMultiColor(origin, ImVec2(origin.x + w, origin.y + h * 0.55f), color::kAccentSoft, color::kAccentSoft,
                                color::kPage, color::kPage);

    const float card_w = std::min(420.0f, w - 32.0f);
    const float inner = card_w - 2 * 36.0f;
    const float card_h_estimate = 470.0f;
    ImGui::SetCursorPos(ImVec2((w - card_w) * 0.5f, std::max(24.0f, (h - card_h_estimate) * 0.42f)));

    // Brand above the card.
    {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float brand_w = 30 + 10 + MeasureText(f.h2, "Spoc").x;
        const ImVec2 mark(p.x + (card_w - brand_w) * 0.5f, p.y);
        dl->AddRectFilled(mark, ImVec2(mark.x + 30, mark.y + 30), color::kAccentFill, 8.0f);
        const ImVec2 ss = MeasureText(f.h3, "S");
        DrawTextAt(dl, f.h3, ImVec2(mark.x + (30 - ss.x) * 0.5f, mark.y + (30 - ss.y) * 0.5f), color::kOnAccent, "S");
        DrawTextAt(dl, f.h2, ImVec2(mark.x + 40, mark.y + (30 - MeasureText(f.h2, "Spoc").y) * 0.5f), color::kText, "Spoc");
        ImGui::Dummy(ImVec2(card_w, 30));
        VSpace(14);
    }

    ImGui::SetCursorPosX((w - card_w) * 0.5f);
    BeginCard("signin_card", card_w, 36.0f);
    Label(f.h2, color::kText, tr("Sign in"));
    Paragraph(f.body, color::kTextSecondary, tr("Welcome back. Use your work account to reach the service desk."), inner);
    VSpace(8);

    std::string username = vm.username;
    std::string password = vm.password;
    Label(f.small_semibold, color::kTextSecondary, tr("Username"));
    TextInputOptions user_opts;
    // TRANSLATORS: placeholder of the username field; "emma" is a demo account name, keep it.
    user_opts.placeholder = tr("e.g. emma");
    user_opts.max_chars = 64;
    user_opts.invalid = vm.error_field == "username";
    user_opts.hook_label = tr("Username");
    user_opts.autocomplete = "username";
    if (ui.focus_first_field) ImGui::SetKeyboardFocusHere();
    const TextInputResult user = TextInput("##username", &username, user_opts);
    if (user.edited) actions.EditSignInUsername(username);
    VSpace(4);

    Label(f.small_semibold, color::kTextSecondary, tr("Password"));
    TextInputOptions pass_opts;
    pass_opts.password = true;
    pass_opts.max_chars = 256;
    pass_opts.invalid = vm.error_field == "password" || (!vm.error.empty() && vm.error_field.empty());
    pass_opts.hook_label = tr("Password");
    pass_opts.autocomplete = "current-password";
    const TextInputResult pass = TextInput("##password", &password, pass_opts);
    if (pass.edited) actions.EditSignInPassword(password);

    if (!vm.error.empty()) {
        hooks::DescribeLastItem(vm.error);  // the password box (the last field) is described by the error
        VSpace(4);
        Notice("signin_error", NoticeKind::error, vm.error, nullptr, inner);
    }
    VSpace(10);
    const std::string signin_label = vm.submitting ? L("Signing in…", "signin") : L("Sign in", "signin");
    const bool clicked = Button(signin_label.c_str(), ButtonKind::primary, ImVec2(inner, 44), true, vm.submitting);
    if (clicked || user.submitted || pass.submitted) actions.SignIn();

    VSpace(14);
    Divider(inner);
    VSpace(10);
    Paragraph(f.small, color::kTextMuted, vm.demo_hint, inner);
    EndCard();

    VSpace(16);
    {  // the language, before anyone has signed in
        const float picker_w = std::min(220.0f, card_w);
        ImGui::SetCursorPosX((w - picker_w) * 0.5f);
        i18n::Lang lang;
        if (LanguagePicker("##signin_language", picker_w, &lang)) actions.ChooseLanguage(lang);
        VSpace(12);
    }
    const char* footer = tr("Spoc · IT, HR and Facilities service desk");
    const ImVec2 fs = MeasureText(f.small, footer);
    ImGui::SetCursorPosX((w - fs.x) * 0.5f);
    Label(f.small, color::kTextMuted, footer);
}

}  // namespace spoc::ui
