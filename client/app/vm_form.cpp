// View-model of a catalog item page: the item's description and its form. Visibility, defaults
// and every validation message come from shared/domain/catalog.h; this file only decides which
// messages are shown yet (touched field or submit attempt) and merges the server's 422 details.
#include <map>

#include "client/app/view_models.h"
#include "client/app/vm_internal.h"
#include "shared/domain/approval.h"
#include "shared/domain/i18n.h"
#include "shared/domain/limits.h"

namespace spoc::client {

using i18n::Format;
using i18n::tr;
using i18n::trc;

namespace {

int MaxChars(const FieldDef& field) {
    switch (field.type) {
        case FieldType::short_text: return field.max_length > 0 ? field.max_length : static_cast<int>(limits::kMaxShortText);
        case FieldType::long_text: return field.max_length > 0 ? field.max_length : static_cast<int>(limits::kMaxLongText);
        case FieldType::number: return 24;
        case FieldType::date: return 10;
        default: return 0;
    }
}

}  // namespace

FormViewModel BuildForm(const AppState& state, CatalogItemId item_id, const Clock& clock) {
    FormViewModel vm;
    vm.item_id = item_id;
    auto slot = state.items.find(item_id.value);
    if (slot == state.items.end()) return vm;  // loading
    vm.load = ToLoadView(slot->second, std::to_string(item_id.value));
    if (!slot->second.has_data) return vm;
    const CatalogItem& item = slot->second.data;

    vm.title = item.title;
    vm.department = item.department;
    vm.category = item.category;
    vm.description = item.description;
    vm.fulfillment = item.fulfillment;
    vm.requires_approval = item.requires_approval;
    vm.type_label = std::string(RequestTypeLabel(item.type));

    // A draft appears at the first Sync after the item loads; until then show the defaults.
    FormDraftState fallback;
    const FormDraftState* found = FindDraft(state, item_id);
    if (found == nullptr || !found->initialized) {
        fallback.draft.catalog_item_id = item_id;
        fallback.draft.values = DefaultFormValues(item);
        if (item.ask_urgency) fallback.draft.urgency = item.urgency;
        found = &fallback;
    }
    const FormDraftState& d = *found;
    // Which approvals this request will need, with the answers given so far (shared ActiveSteps,
    // as the server decides on submit). An item without a policy keeps its plain flag.
    if (approval::HasApproval(item.approval)) {
        const std::vector<approval::StepRule> active = approval::ActiveSteps(item.approval, d.draft.values);
        vm.requires_approval = !active.empty();
        for (const approval::StepRule& s : active)
            vm.approval_steps.emplace_back(
                s.kind == approval::StepKind::manager ? tr("Your manager approves it") : tr("The service's approvers approve it"),
                s.kind == approval::StepKind::manager ? tr("We ask them for you and tell you when it's done.")
                : s.quorum == approval::Quorum::all   ? tr("Every one of them has to agree.")
                                                      : tr("One of them decides."));
    } else if (vm.requires_approval) {
        vm.approval_steps.emplace_back(tr("Your manager approves it"), tr("We ask them for you and tell you when it's done."));
    }

    // Problems: the shared validator's, then the server's for fields the validator is happy with.
    std::map<std::string, std::string> problems;
    for (const FieldError& e : ValidateDraft(item, d.draft, LocalToday(clock))) problems.emplace(e.field, e.message);
    std::map<std::string, std::string> server;
    for (const FieldError& e : d.server_errors) server.emplace(e.field, e.message);
    auto shown_error = [&](const std::string& key) -> std::string {
        auto p = problems.find(key);
        if (p != problems.end()) {
            if (d.submit_attempted || d.touched.count(key)) {
                ++vm.error_count;
                return p->second;
            }
            ++vm.hidden_error_count;
            return {};
        }
        auto s = server.find(key);
        if (s != server.end()) {
            ++vm.error_count;
            return s->second;
        }
        return {};
    };

    for (const FieldDef& field : item.fields) {
        if (!IsFieldVisible(item, field, d.draft.values)) continue;
        FieldViewModel f;
        f.key = field.key;
        f.input_id = "values." + field.key;
        f.label = field.label;
        f.type = field.type;
        f.required = field.required;
        f.help = field.help;
        f.placeholder = field.placeholder;
        // TRANSLATORS: placeholder of a date field: the field takes year-month-day with digits, as in 2026-03-31.
        if (field.type == FieldType::date && f.placeholder.empty()) f.placeholder = tr("YYYY-MM-DD");
        for (const Choice& c : field.options) f.options.push_back({c.value, c.label});
        f.radio = field.type == FieldType::single_choice && field.options.size() <= 4;
        f.max_chars = MaxChars(field);
        auto v = d.draft.values.find(field.key);
        if (v != d.draft.values.end()) {
            f.text = v->second.text;
            f.checked = v->second.checked;
            f.selected = v->second.list;
        }
        f.error = shown_error(f.input_id);
        vm.fields.push_back(std::move(f));
    }

    vm.summary.key = "summary";
    vm.summary.input_id = "summary";
    vm.summary.label = tr("Summary");
    // TRANSLATORS: {0} is the catalog item's title, used as the request's title when none is given.
    vm.summary.help = Format(tr("A short title for your request. Leave it empty to use \"{0}\"."), {item.title});
    vm.summary.placeholder = item.title;
    vm.summary.text = d.draft.summary;
    vm.summary.max_chars = static_cast<int>(limits::kMaxSummary);
    vm.summary.error = shown_error("summary");

    vm.description_input.key = "description";
    vm.description_input.input_id = "description";
    vm.description_input.label = tr("Description");
    vm.description_input.type = FieldType::long_text;
    vm.description_input.help = tr("Anything else the team should know.");
    vm.description_input.text = d.draft.description;
    vm.description_input.max_chars = static_cast<int>(limits::kMaxDescription);
    vm.description_input.error = shown_error("description");

    vm.ask_urgency = item.ask_urgency;
    if (vm.ask_urgency) {
        vm.urgency = d.draft.urgency.value_or(item.urgency);
        vm.urgency_options = {{Level::low, trc("urgency", "Low"), tr("It can wait a few days")},
                              {Level::medium, trc("urgency", "Medium"), tr("It slows my work down")},
                              {Level::high, trc("urgency", "High"), tr("I can't work")}};
        vm.urgency_error = shown_error("urgency");
    }
    for (const FieldViewModel* f : {&vm.summary, &vm.description_input})
        if (!f->error.empty()) vm.error_links.emplace_back(f->label, f->input_id);
    if (vm.ask_urgency && !vm.urgency_error.empty()) vm.error_links.emplace_back(tr("How urgent is this?"), "urgency");
    for (auto it = vm.fields.rbegin(); it != vm.fields.rend(); ++it)  // form fields come first
        if (!it->error.empty()) vm.error_links.insert(vm.error_links.begin(), {it->label, it->input_id});
    // Problems on keys the form does not show (unknown keys, hidden fields) still block submission:
    // count them, and after a submit attempt say so, or the button would seem to do nothing.
    std::string unplaced;
    for (const auto& p : problems) {
        const std::string& key = p.first;
        bool placed = key == "summary" || key == "description" || key == "urgency";
        for (const FieldViewModel& f : vm.fields) placed = placed || f.input_id == key;
        if (placed) continue;
        ++vm.hidden_error_count;
        if (unplaced.empty()) unplaced = p.second;
    }

    vm.submitting = d.phase == SubmitPhase::submitting;
    vm.succeeded = d.phase == SubmitPhase::succeeded;
    vm.files = BuildComposerFiles(d.files, FileTarget{FileTarget::Kind::form, item_id.value});
    vm.submit_enabled = !vm.submitting && !vm.succeeded && !vm.files.busy;
    vm.submit_label = vm.submitting ? tr("Submitting…") : vm.files.busy ? tr("Waiting for files…") : tr("Submit request");
    if (d.phase == SubmitPhase::failed && d.submit_error) {
        const Error& e = *d.submit_error;
        const bool can_replay = !d.idempotency_key.empty();
        switch (e.code) {
            case ErrorCode::network:
                vm.banner = tr("We couldn't reach Spoc, so your request may not have been sent. Your answers are kept — "
                               "retry when you're back online.");
                break;
            case ErrorCode::validation_failed: vm.banner = tr("Some answers need another look — see the highlighted fields."); break;
            case ErrorCode::unauthenticated: vm.banner = tr("Your request wasn't sent because your session ended. Retry to send it now."); break;
            default: vm.banner = e.message.empty() ? std::string(ErrorCodeDefaultMessage(e.code)) : e.message;
        }
        vm.banner_retry = can_replay && (IsRetryable(e) || e.code == ErrorCode::unauthenticated);
    }
    if (vm.banner.empty() && d.submit_attempted && !unplaced.empty())
        // TRANSLATORS: {0} is a whole sentence saying what is wrong (a field the form no longer shows).
        vm.banner = Format(tr("This form can't be sent as it is: {0} Reload the page to get the latest version of the form."), {unplaced});
    // Deflection: the articles that best match what has been typed so far.
    if (!vm.succeeded) {
        std::string_view description = d.draft.description;
        if (description.size() > 400) description = description.substr(0, 400);  // the opening says what it's about
        // Only finished words, only articles close to the best match and above a floor, and a lead
        // for articles about this item: "ca" or a stray word shouldn't put an unrelated article here.
        vm.suggestions = SuggestArticles(state, item, {d.draft.summary, description});
    }
    if (auto deflection = state.deflections.find(item_id.value); deflection != state.deflections.end()) {
        vm.deflected = deflection->second.solved;
        vm.deflected_title = deflection->second.article_title;
        vm.deflected_article = deflection->second.article;
        vm.deflecting = deflection->second.in_flight;
        if (deflection->second.error) vm.deflect_error = deflection->second.error->message;
    }
    if (vm.succeeded) {
        vm.created_id = d.created.id;
        vm.created_number = d.created.number.empty() ? FormatRequestNumber(d.created.type, d.created.id) : d.created.number;
        vm.created_summary = d.created.summary;
    }
    return vm;
}

}  // namespace spoc::client
