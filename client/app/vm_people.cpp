// The view-model of #/people (admins): a page of people with department and manager, and the
// editor open under a row (what changed, whether the shared rules accept it, the server's answer).
#include <string>

#include "client/app/effects.h"
#include "client/app/view_models.h"
#include "client/app/vm_internal.h"
#include "shared/domain/i18n.h"
#include "shared/domain/text.h"

namespace spoc::client {

using i18n::Format;
using i18n::tr;

PeopleViewModel BuildPeople(const AppState& state) {
    PeopleViewModel vm;
    const PeopleState& people = state.people_admin;
    vm.search = people.search;
    vm.page = people.page;
    vm.load = ToLoadView(state.people, PeopleKey(people));
    if (!state.people.has_data) return vm;
    const api::PeoplePage& page = state.people.data;
    const std::string q(Trim(people.search));
    vm.summary = q.empty() ? i18n::Plural("{0} person", "{0} people", page.total)
                           // TRANSLATORS: {0} is how many people match, {1} what was searched for.
                           : Format(i18n::trn("{0} person matches “{1}”", "{0} people match “{1}”", page.total),
                                    {i18n::FormatDecimal(page.total, 0), q});
    const int pages = page.page_size > 0 ? (page.total + page.page_size - 1) / page.page_size : 1;
    vm.has_prev = page.page > 1;
    vm.has_next = page.page < pages;
    // TRANSLATORS: {0} is the page shown, {1} how many pages there are.
    if (pages > 1) vm.page_label = Format(tr("Page {0} of {1}"), {std::to_string(page.page), std::to_string(pages)});
    for (const api::PersonView& p : page.items) {
        PersonRowViewModel row;
        row.id = p.id.value;
        row.name = p.display_name;
        row.detail = p.username + " · " + RoleTitle(p.role);
        row.department = p.department;
        row.has_manager = p.manager_id.valid();
        // TRANSLATORS: a person's manager, e.g. "Olivia Grant (olivia)".
        row.manager = row.has_manager ? Format(tr("{0} ({1})"), {p.manager_name, p.manager_username}) : std::string(tr("No manager"));
        if (auto it = people.editing.find(row.id); it != people.editing.end()) {
            const PersonDraft& d = it->second;
            row.editing = true;
            row.draft_department = d.department;
            row.draft_manager = d.manager;
            row.saving = d.saving;
            Error problem;
            const bool changed = PersonChanges(state, row.id, &problem).has_value();
            row.can_save = changed && !d.saving;
            if (d.error) {
                row.error = d.error->code == ErrorCode::network ? std::string(tr("We couldn't reach Spoc. Try again.")) : d.error->message;
                row.error_field = d.error->field;
            } else if (!problem.message.empty()) {
                row.error = problem.message;
                row.error_field = problem.field;
            }
        }
        vm.rows.push_back(std::move(row));
    }
    return vm;
}

}  // namespace spoc::client
