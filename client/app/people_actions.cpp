// People, for admins (issue 13): the search and pages of #/people, and one person's editor
// (department, manager by username), checked with the server's own decoder before it is sent.
#include <string>
#include <utility>

#include "client/app/actions.h"
#include "client/app/effects.h"
#include "client/app/effects_internal.h"
#include "shared/api/routes.h"
#include "shared/domain/i18n.h"
#include "shared/domain/text.h"

namespace spoc::client {

using i18n::Format;
using i18n::tr;
using namespace effects_internal;

std::string PeopleKey(const PeopleState& people) {
    return "q=" + std::string(Trim(people.search)) + "&page=" + std::to_string(people.page);
}

void Actions::EnsurePeople() {
    if (!m_state.me || m_state.me->user.role != Role::admin) return;
    if (NeedsLoad(m_state.people, PeopleKey(m_state.people_admin))) m_effects.LoadPeople();
}

void Actions::SearchPeople(std::string text) {
    m_state.people_admin.search = std::move(text);
    m_state.people_admin.page = 1;
}

void Actions::PeoplePage(int page) { m_state.people_admin.page = std::max(1, page); }

void Actions::EditPerson(std::int64_t id) {
    if (!m_state.people.has_data) return;
    for (const api::PersonView& p : m_state.people.data.items) {
        if (p.id.value != id) continue;
        PersonDraft d;
        d.department = p.department;
        d.manager = p.manager_username;
        m_state.people_admin.editing[id] = std::move(d);
        return;
    }
}

void Actions::EditPersonDepartment(std::int64_t id, std::string text) {
    auto it = m_state.people_admin.editing.find(id);
    if (it == m_state.people_admin.editing.end()) return;
    it->second.department = std::move(text);
    it->second.error.reset();
}

void Actions::EditPersonManager(std::int64_t id, std::string username) {
    auto it = m_state.people_admin.editing.find(id);
    if (it == m_state.people_admin.editing.end()) return;
    it->second.manager = std::move(username);
    it->second.error.reset();
}

void Actions::CloseEditor(std::int64_t id) { m_state.people_admin.editing.erase(id); }

// What the editor changes (nothing for fields left as they were), as the server will read it.
std::optional<api::PersonPatch> PersonChanges(const AppState& state, std::int64_t id, Error* problem) {
    auto it = state.people_admin.editing.find(id);
    if (it == state.people_admin.editing.end() || !state.people.has_data) return std::nullopt;
    const api::PersonView* person = nullptr;
    for (const api::PersonView& p : state.people.data.items)
        if (p.id.value == id) person = &p;
    if (!person) return std::nullopt;
    api::PersonPatch patch;
    if (Trim(it->second.department) != person->department) patch.department = it->second.department;
    if (Trim(it->second.manager) != person->manager_username) patch.manager = it->second.manager;
    if (!patch.department && !patch.manager) return std::nullopt;
    Result<api::PersonPatch> checked = api::DecodePersonPatch(api::EncodePersonPatch(patch));
    if (!checked.ok()) {
        if (problem) *problem = checked.error();
        return std::nullopt;
    }
    return checked.value();
}

void Actions::SavePerson(std::int64_t id) {
    auto it = m_state.people_admin.editing.find(id);
    if (it == m_state.people_admin.editing.end() || it->second.saving) return;
    Error problem;
    std::optional<api::PersonPatch> patch = PersonChanges(m_state, id, &problem);
    if (!patch) {
        if (!problem.message.empty()) it->second.error = problem;
        else m_state.people_admin.editing.erase(it);  // nothing changed
        return;
    }
    m_effects.SendPerson(id, *patch);
}

void Effects::LoadPeople() {
    const PeopleState& people = m_state.people_admin;
    std::string path = std::string(routes::kUsers) + "?page=" + std::to_string(people.page) + "&page_size=" +
                       std::to_string(kPeoplePageSize);
    const std::string q(Trim(people.search));
    if (!q.empty()) path += "&q=" + PercentEncode(q);
    AppState* s = &m_state;
    LoadInto<api::PeoplePage>(
        m_api, NewTicket(), PeopleKey(people), std::move(path), [s] { return &s->people; },
        [](const std::string& body) { return api::DecodePeoplePage(body); }, [this] { OnUnauthenticated(); });
}

void Effects::SendPerson(std::int64_t id, const api::PersonPatch& patch) {
    PersonDraft& d = m_state.people_admin.editing[id];
    d.saving = true;
    d.error.reset();
    d.ticket = NewTicket();
    const std::uint64_t ticket = d.ticket;
    m_api.Send(MakeRequest("PATCH", std::string(routes::kUsers) + "/" + std::to_string(id), api::EncodePersonPatch(patch)),
               [this, id, ticket](int status, const std::string& text) {
                   auto it = m_state.people_admin.editing.find(id);
                   if (it == m_state.people_admin.editing.end() || it->second.ticket != ticket) return;
                   it->second.saving = false;
                   if (status == 200) {
                       Result<api::PersonView> saved = api::DecodePerson(text);
                       if (saved.ok() && m_state.people.has_data)
                           for (api::PersonView& p : m_state.people.data.items)
                               if (p.id.value == id) p = saved.value();
                       // TRANSLATORS: after an admin saved a person's department or manager; {0} is their name.
                       AddToast(&m_state, Format(tr("Saved {0}."), {saved.ok() ? saved.value().display_name : std::string()}));
                       m_state.people_admin.editing.erase(it);
                       return;
                   }
                   it->second.error = ErrorFromResponse(status, text);
                   if (status == 401) OnUnauthenticated();
               });
}

}  // namespace spoc::client
