// Small helpers over AppState (see state.h): local time from the frame clock, request-list keys,
// lookups, the user-data reset used on sign-out, and the cached catalog search index.
#include "client/app/state.h"

#include "shared/domain/catalog_search.h"
#include "shared/domain/i18n.h"

namespace spoc::client {

namespace {
std::int64_t FloorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
std::int64_t LocalMs(const Clock& c) { return c.now + static_cast<std::int64_t>(c.utc_offset_minutes) * 60000; }
}  // namespace

int LocalHour(const Clock& clock) {
    const std::int64_t ms_of_day = LocalMs(clock) - FloorDiv(LocalMs(clock), 86400000) * 86400000;
    return static_cast<int>(ms_of_day / 3600000);
}

CivilDate LocalToday(const Clock& clock) { return LocalDate(clock, clock.now); }
CivilDate LocalDate(const Clock& clock, Timestamp t) { return CivilFromDays(FloorDiv(LocalMs(Clock{t, clock.utc_offset_minutes}), 86400000)); }

std::string LocalDateText(const Clock& clock, Timestamp t) {
    const CivilDate d = LocalDate(clock, t);
    return i18n::FormatDateShort(d.year, d.month, d.day);
}

Timestamp LocalMidnight(const Clock& clock, const CivilDate& date) {
    return DaysFromCivil(date.year, date.month, date.day) * 86400000 - static_cast<Timestamp>(clock.utc_offset_minutes) * 60000;
}

std::string RequestListKey(const RequestFilter& filter, int page, int page_size) {
    return "status=" + StatusFilterName(filter) + "&page=" + std::to_string(page) + "&page_size=" + std::to_string(page_size);
}

const CatalogItem* LoadedItem(const AppState& state, CatalogItemId id) {
    auto it = state.items.find(id.value);
    return it != state.items.end() && it->second.has_data ? &it->second.data : nullptr;
}

const FormDraftState* FindDraft(const AppState& state, CatalogItemId id) {
    auto it = state.drafts.find(id.value);
    return it == state.drafts.end() ? nullptr : &it->second;
}

using i18n::Format;
using i18n::tr;

std::string FormatFileSize(std::int64_t bytes) {
    if (bytes < 1000)
        // TRANSLATORS: a file's size under a kilobyte; {0} is the number of bytes.
        return Format(tr("{0} bytes"), {i18n::FormatDecimal(static_cast<double>(bytes), 0)});
    const double kb = static_cast<double>(bytes) / 1000.0;
    if (kb < 1000) return Format(tr("{0} kB"), {i18n::FormatDecimal(kb, kb < 10 ? 1 : 0)});
    const double mb = kb / 1000.0;
    if (mb < 1000) return Format(tr("{0} MB"), {i18n::FormatDecimal(mb, mb < 10 ? 1 : 0)});
    return Format(tr("{0} GB"), {i18n::FormatDecimal(mb / 1000.0, 1)});
}

std::string FileKindLabel(const std::string& mime, const std::string& name) {
    const std::size_t dot = name.rfind('.');
    std::string ext = dot == std::string::npos ? std::string() : name.substr(dot + 1);
    for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (mime == "application/pdf") return "PDF";
    if (mime.rfind("image/", 0) == 0) {
        std::string kind = mime.substr(6);
        for (char& c : kind) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
        // TRANSLATORS: the type of an attached picture; {0} is its format, e.g. "PNG".
        return Format(tr("{0} image"), {kind});
    }
    if (ext == "docx" || ext == "doc") return tr("Word document");
    if (ext == "xlsx" || ext == "xls") return tr("Excel workbook");
    if (ext == "pptx" || ext == "ppt") return tr("PowerPoint presentation");
    if (mime == "application/zip") return tr("ZIP archive");
    if (mime.rfind("text/", 0) == 0) return ext == "csv" ? std::string("CSV") : std::string(tr("Text file"));
    return tr("File");
}

bool UploadsBusy(const std::vector<UploadChip>& files) {
    for (const UploadChip& f : files)
        if (f.phase == UploadPhase::uploading) return true;
    return false;
}

std::vector<std::int64_t> UploadedIds(const std::vector<UploadChip>& files) {
    std::vector<std::int64_t> ids;
    for (const UploadChip& f : files)
        if (f.phase == UploadPhase::done) ids.push_back(f.stored.id);
    return ids;
}

void ClearUserData(AppState* state) {
    state->drafts.clear();
    state->replies.clear();
    state->pick_target = {};
    state->people = {};
    state->people_admin = {};
    state->surveys.clear();
    state->survey_banner_hidden.clear();
    state->done_requests = {};
    state->approvals = {};
    state->decisions.clear();
    state->delegations = {};
    state->delegation = {};
    state->details.clear();
    state->requests = {};
    state->open_requests = {};
    state->search.clear();
    // The index, articles and lists depend on who is asking (audience, drafts for staff).
    state->queue = {};
    state->agent = {};
    state->workflow.clear();
    state->workspace = {};
    state->walkup = {};  // the console's visits, notes and pairing inputs
    state->live.presence.clear();
    state->live.presence_request = RequestId();
    state->live.presence_state.clear();
    state->kb_index = {};
    state->kb_index_checked = 0;
    state->kb_search.clear();
    state->kb_category.clear();
    state->articles.clear();
    state->feedback.clear();
    state->kb_popular = {};
    state->kb_manage = {};
    state->kb_review = {};
    state->kb_stats = {};
    state->versions.clear();
    state->editors.clear();
    state->deflections.clear();
    state->kb_synonyms = {};
    state->synonyms_draft.reset();
    state->synonyms_saving = false;
    state->synonyms_error.reset();
    state->data_owner.clear();
}

void AddToast(AppState* state, std::string text, bool is_error) {
    if (state->toasts.size() >= 3) state->toasts.erase(state->toasts.begin());
    state->toasts.push_back(Toast{std::move(text), is_error, 0});
}

namespace {
const SynonymPairs& CatalogSynonyms(const AppState& state) {
    static const SynonymPairs kNone;
    return state.kb_index.has_data ? state.kb_index.data.index.synonyms : kNone;
}
}  // namespace

const SearchIndex* FreshCatalogSearch(const AppState& state) {
    if (!state.catalog.has_data || state.catalog_search.fingerprint == 0) return nullptr;
    const std::uint64_t now = CatalogSearchFingerprint(state.catalog.data, CatalogSynonyms(state));
    return now == state.catalog_search.fingerprint ? &state.catalog_search.index : nullptr;
}

void RefreshCatalogSearch(AppState* state) {
    if (!state->catalog.has_data || FreshCatalogSearch(*state)) return;
    state->catalog_search.index = SearchIndex();
    BuildCatalogSearchIndex(state->catalog.data, CatalogSynonyms(*state), state->catalog_search.index);
    state->catalog_search.fingerprint = CatalogSearchFingerprint(state->catalog.data, CatalogSynonyms(*state));
}

}  // namespace spoc::client

namespace spoc::client {

void ResetKioskVisitor(KioskState* kiosk) {
    kiosk->step = KioskStep::welcome;
    kiosk->guest = false;
    kiosk->appointment = false;
    kiosk->who.clear();
    kiosk->who.shrink_to_fit();  // the visible state holds nothing of the person who left
    kiosk->key_times.clear();
    kiosk->badge.clear();
    kiosk->badge.shrink_to_fit();
    kiosk->reason.clear();
    kiosk->note.clear();
    kiosk->note.shrink_to_fit();
    kiosk->submitting = false;
    kiosk->errors.clear();
    kiosk->idempotency_key.clear();
    kiosk->visit.reset();
    kiosk->article = 0;
    kiosk->shift = false;
    kiosk->keyboard_hidden = false;
    kiosk->typing_note = false;
    kiosk->rate_visit = 0;
    kiosk->rate_ticket.clear();
    kiosk->rating = false;
    kiosk->last_input_at = 0;
    ++kiosk->ticket;
}

}  // namespace spoc::client
