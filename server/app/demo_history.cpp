// The demo's requests (see demo_history.h): who files what and when, what becomes of it, and the
// story each one tells through DemoStory.
//
// Index: [SECTION] Helpers  [SECTION] The classic four  [SECTION] The history: planning
//        [SECTION] The history: stories  [SECTION] Entry point
#include "server/app/demo_history.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "server/app/clock.h"
#include "server/app/demo_seed.h"
#include "server/app/demo_story.h"
#include "server/app/demo_texts.h"
#include "server/app/escalation.h"
#include "server/storage/agents_repo.h"
#include "shared/api/dto.h"
#include "shared/domain/request_builder.h"
#include "shared/domain/routing.h"
#include "shared/domain/text.h"

namespace spoc::app {

namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] Helpers
// ---------------------------------------------------------------------------------------------

constexpr Timestamp kMinute = kMsPerMinute;
constexpr Timestamp kHour = kMsPerHour;
constexpr Timestamp kDay = kMsPerDay;
constexpr std::uint64_t kSeed = 0x5EED'0F'5B0C'2026ull;

// SplitMix64: the same numbers with every compiler and standard library (std distributions are not).
class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t Next() {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double Unit() { return static_cast<double>(Next() >> 11) * (1.0 / 9007199254740992.0); }  // [0, 1)
    double Between(double lo, double hi) { return lo + (hi - lo) * Unit(); }
    std::int64_t Range(std::int64_t lo, std::int64_t hi) {  // inclusive
        return lo + static_cast<std::int64_t>(Next() % static_cast<std::uint64_t>(hi - lo + 1));
    }
    bool Chance(double p) { return Unit() < p; }
    template <class T>
    const T& Pick(const std::vector<T>& v) {
        return v[Next() % v.size()];
    }

private:
    std::uint64_t m_state;
};

struct Cast {
    const User* emma = nullptr;
    const User* liam = nullptr;
    const User* ava = nullptr;
    const User* root = nullptr;
    const User* noah = nullptr;
    const User* mia = nullptr;
    const User* omar = nullptr;
    std::vector<const User*> others;  // every other employee, in seed order
};

Cast FindCast(const std::vector<User>& users) {
    Cast c;
    const std::pair<const char*, const User**> named[] = {{"emma", &c.emma}, {"liam", &c.liam}, {"ava", &c.ava},
                                                          {"root", &c.root}, {"noah", &c.noah}, {"mia", &c.mia},
                                                          {"omar", &c.omar}};
    for (const User& u : users) {
        bool found = false;
        for (const auto& [name, slot] : named)
            if (u.username == name) *slot = &u, found = true;
        if (!found && u.role == Role::employee) c.others.push_back(&u);
    }
    return c;
}

void ReplaceAll(std::string& text, std::string_view from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

// A demo text for this requester and agent: {name}, {agent} and {dept} filled in.
std::string Fill(const char* text, const User& requester, const User* agent) {
    std::string out = text;
    ReplaceAll(out, "{name}", api::FirstName(requester.display_name));
    ReplaceAll(out, "{agent}", agent ? api::FirstName(agent->display_name) : std::string("team"));
    ReplaceAll(out, "{dept}", requester.department.empty() ? std::string("my team") : requester.department);
    return out;
}

struct Routing {
    std::vector<AssignmentGroup> groups;
    std::vector<RoutingRule> rules;
    const AssignmentGroup* For(const CatalogItem& item) const {
        if (groups.empty()) return nullptr;
        const std::int64_t id = RouteToGroup(rules, item.id, item.category, item.department, groups.front().id);
        for (const AssignmentGroup& g : groups)
            if (g.id == id) return &g;
        return nullptr;
    }
};

// A request from `item` as `requester` files it at `created`, placed in `group` (assigned to
// `agent` when the group hands requests out itself).
Request NewRequest(const CatalogItem& item, const User& requester, Timestamp created, std::string summary,
                   std::string description, std::optional<Level> urgency, const FormValues& values,
                   const AssignmentGroup* group, const User* agent) {
    RequestDraft draft;
    draft.catalog_item_id = item.id;
    draft.summary = std::move(summary);
    draft.description = std::move(description);
    draft.urgency = urgency;
    draft.values = values;
    Request r = BuildRequest(item, draft, requester, created);
    r.form_json = api::EncodeFormValues(values);
    r.sla_policy = std::string(SlaPolicyNameFor(requester.time_zone));
    if (group) {
        r.group_id = group->id;
        r.group_name = group->name;
        if (agent && group->strategy != AssignmentStrategy::manual) {
            r.assignee_id = agent->id;
            r.assignee_name = agent->display_name;
            r.status = Status::assigned;
        }
    }
    return r;
}

void Count(DemoSeedFigures& f, const DemoStory& s, bool response_breached, bool resolution_breached) {
    ++f.requests;
    ++f.by_status[static_cast<std::size_t>(s.request().status)];
    f.public_replies += s.PublicReplies();
    f.internal_notes += s.InternalNotes();
    f.reopened += s.reopens() > 0;
    f.response_breaches += response_breached;
    f.resolution_breaches += resolution_breached;
}

Result<Unit> WriteStory(storage::Database& db, DemoStory& story, DemoSeedFigures& figures) {
    bool response = false, resolution = false;
    auto id = story.Write(db, &response, &resolution);
    if (!id.ok()) return id.error();
    Count(figures, story, response, resolution);
    return Unit{};
}

// ---------------------------------------------------------------------------------------------
// [SECTION] The classic four: emma's resolved laptop, VPN in progress and new monitor request,
// and liam's licence waiting on the vendor. Tests and the journeys know them.
// ---------------------------------------------------------------------------------------------

// The catalog item to file a classic request against: the first whose text matches a keyword and
// whose sample form validates, else the n-th item whose sample form validates.
const CatalogItem* PickItem(const std::vector<CatalogItem>& items, std::initializer_list<const char*> keywords,
                            std::size_t n, const CivilDate& today) {
    std::vector<const CatalogItem*> usable;
    for (const auto& item : items)
        if (SampleFormValues(item, today)) usable.push_back(&item);
    if (usable.empty()) return nullptr;
    for (const char* keyword : keywords) {
        for (const CatalogItem* item : usable) {
            bool hit = ContainsFolded(item->title, keyword) || ContainsFolded(item->category, keyword);
            for (const auto& k : item->keywords) hit = hit || ContainsFolded(k, keyword);
            if (hit) return item;
        }
    }
    return usable[n % usable.size()];
}

Result<Unit> SeedClassic(storage::Database& db, const Cast& cast, const std::vector<CatalogItem>& items,
                         const Routing& routing, Timestamp now, DemoSeedFigures& figures) {
    if (!cast.emma || !cast.liam || !cast.ava) return Unit{};  // not the demo users
    const User& emma = *cast.emma;
    const User& ava = *cast.ava;
    struct Classic {
        const User* requester;
        std::initializer_list<const char*> keywords;
        const char* summary;
        const char* description;
        Timestamp created;
    };
    const Classic classics[] = {
        {&emma,
         {"laptop", "computer", "hardware"},
         "Replacement laptop for month-end reporting",
         "My current laptop is five years old and struggles with the month-end workbooks.",
         now - 4 * kDay - 2 * kHour},
        {&emma,
         {"vpn", "remote", "network", "access"},
         "VPN keeps disconnecting when working from home",
         "Since Monday the VPN drops every 10-15 minutes, which interrupts calls and uploads.",
         now - 5 * kDay - 2 * kHour},
        {&emma,
         {"monitor", "screen", "desk", "equipment"},
         "Second monitor for hot desk 3F-12",
         "A second screen would help with reconciliations.",
         now - 2 * kHour},
        {cast.liam,
         {"software", "licen", "adobe", "application"},
         "Adobe Creative Cloud licence for campaign work",
         "I need Photoshop and InDesign for the spring campaign assets.",
         now - 6 * kDay - 3 * kHour},
    };
    for (std::size_t n = 0; n < std::size(classics); ++n) {
        const Classic& c = classics[n];
        const CivilDate created_on = UtcDate(c.created);
        const CatalogItem* item = PickItem(items, c.keywords, n, created_on);
        if (!item) return Unit{};  // nothing in this catalog can be filled in generically
        const AssignmentGroup* group = routing.For(*item);
        // The new monitor request, filed two hours ago, waits to be picked up: a group, nobody yet
        // (its first-response target is well ahead, so tests moving the clock a day see no breach).
        const bool waiting = n == 2;
        Request r = NewRequest(*item, *c.requester, c.created, c.summary, c.description, std::nullopt,
                               *SampleFormValues(*item, created_on), group, waiting ? nullptr : &ava);
        DemoStory s(r, now);
        if (!waiting && !r.assignee_id.valid()) s.Assign(c.created + 20 * kMinute, ava, ava);
        switch (n) {
            case 0:  // fixed at first contact: resolved straight from Assigned, with a note
                s.Move(now - 3 * kDay - 3 * kHour, ava, Status::resolved, PendingReason::none,
                       "A replacement laptop with 32 GB of memory is set up with your apps and files. The old one "
                       "has been collected; month-end workbooks open in seconds now.");
                break;
            case 1:
                s.Move(c.created + 2 * kHour - 5 * kMinute, ava, Status::in_progress);
                s.Reply(c.created + 2 * kHour, ava,
                        "Hi Emma, thanks for the details. I've pushed a new VPN profile to your laptop. Please "
                        "restart it and let me know if the connection still drops.");
                break;
            case 3:
                s.Move(c.created + kHour, ava, Status::in_progress);
                s.Reply(c.created + 3 * kHour, ava,
                        "Hi Liam, the Creative Cloud licence is requested from Adobe; this usually takes a few "
                        "working days. I'll install it as soon as it arrives.");
                s.Move(c.created + 3 * kHour + kMinute, ava, Status::pending, PendingReason::vendor);
                break;
            default:
                break;
        }
        if (auto w = WriteStory(db, s, figures); !w.ok()) return w.error();
    }
    return Unit{};
}

// ---------------------------------------------------------------------------------------------
// [SECTION] The history: planning. Who files what and when, and what it has become by now: the
// newest few per group are still open (plus one older one each, overdue or long waiting on a
// vendor), the two newest Facilities ones not yet picked up, a few cancelled, the rest done.
// ---------------------------------------------------------------------------------------------

enum class Fate { done, cancelled_by_requester, cancelled_by_agent, open, open_stale, open_new };

struct Planned {
    const User* requester = nullptr;
    const CatalogItem* item = nullptr;
    const DemoItemTexts* texts = nullptr;
    const AssignmentGroup* group = nullptr;
    const User* agent = nullptr;  // who works on it (nullptr: nobody yet)
    Timestamp created = 0;
    FormValues values;
    Fate fate = Fate::done;
};

// Open requests per group at `now`: a working desk's backlog, small enough for one agent's queue
// to fit on a screen (ava's holds the IT Service Desk ones plus the classic ones).
int OpenQuota(std::int64_t group_id) {
    switch (group_id) {
        case kDemoGroupServiceDesk:
            return 6;
        case kDemoGroupNetwork:
            return 5;
        case kDemoGroupHrOperations:
            return 7;
        case kDemoGroupFacilities:
            return 6;
        default:
            return 3;
    }
}

// A moment someone files a request: weekdays far more than weekends, mostly office hours in
// their own time zone, never in the last 20 minutes.
Timestamp PickCreated(Rng& rng, const User& requester, Timestamp now, int days) {
    TimeZoneRule zone;
    if (!FindTimeZone(requester.time_zone, &zone)) FindTimeZone("UTC", &zone);
    const CivilDate local_today = UtcToLocal(zone, now).date;
    const std::int64_t today = DaysFromCivil(local_today.year, local_today.month, local_today.day);
    for (int attempt = 0; attempt < 64; ++attempt) {
        const std::int64_t day = today - rng.Range(0, days - 1);
        if (WeekdayFromDays(day) >= 5 && !rng.Chance(0.12)) continue;
        const double u = rng.Unit();
        const int minute = static_cast<int>(u < 0.45   ? rng.Range(9 * 60, 12 * 60 + 30)
                                            : u < 0.82 ? rng.Range(13 * 60 + 30, 17 * 60 + 30)
                                                       : rng.Range(7 * 60 + 30, 21 * 60));
        const Timestamp t = LocalToUtc(zone, CivilFromDays(day), minute) + rng.Range(0, 59) * 1000;
        if (t < now - 20 * kMinute) return t;
    }
    return now - static_cast<Timestamp>(days) * kDay / 2;
}

std::vector<Planned> PlanTickets(const Cast& cast, const std::vector<CatalogItem>& items, const Routing& routing,
                                 Timestamp now, int days) {
    // What can be filed: demo texts whose item is in the catalog, by weight.
    std::vector<std::pair<const DemoItemTexts*, const CatalogItem*>> kinds;
    int total_weight = 0;
    for (const DemoItemTexts& t : DemoItemTextTable())
        for (const CatalogItem& item : items)
            if (item.title == t.item_title && routing.For(item)) {
                kinds.emplace_back(&t, &item);
                total_weight += t.weight;
            }
    // Who files: emma and liam a little, everyone else more.
    std::vector<std::pair<const User*, int>> requesters = {{cast.emma, 2}, {cast.liam, 3}};
    for (const User* u : cast.others) requesters.emplace_back(u, 8);
    int requester_weight = 0;
    for (const auto& [u, w] : requesters) requester_weight += u ? w : 0;
    std::vector<Planned> out;
    if (kinds.empty() || requester_weight == 0) return out;

    Rng rng(kSeed);
    const int count = days * 38 / 10;
    for (int i = 0; i < count; ++i) {
        Planned p;
        std::int64_t pick = rng.Range(0, requester_weight - 1);
        for (const auto& [u, w] : requesters)
            if (u && (pick -= w) < 0) {
                p.requester = u;
                break;
            }
        pick = rng.Range(0, total_weight - 1);
        for (const auto& [t, item] : kinds)
            if ((pick -= t->weight) < 0) {
                p.texts = t;
                p.item = item;
                break;
            }
        p.created = PickCreated(rng, *p.requester, now, days);
        auto values = SampleFormValues(*p.item, UtcDate(p.created));
        if (!values) continue;  // the item's rules can't be met by the generic sample
        p.values = std::move(*values);
        p.group = routing.For(*p.item);
        out.push_back(std::move(p));
    }
    std::stable_sort(out.begin(), out.end(), [](const Planned& a, const Planned& b) { return a.created < b.created; });
    return out;
}

// Decides each request's fate and who works on it.
void DecideFates(std::vector<Planned>& plan, const Cast& cast, Timestamp now) {
    auto own = [&](const Planned& p) { return p.requester == cast.emma || p.requester == cast.liam; };
    std::map<std::int64_t, int> open;
    for (auto it = plan.rbegin(); it != plan.rend(); ++it) {  // newest first
        const std::int64_t g = it->group->id;
        if (own(*it) || open[g] >= OpenQuota(g) - 1) continue;
        const bool facilities = g == kDemoGroupFacilities;
        it->fate = facilities && open[g] < 2 && now - it->created < 2 * kDay ? Fate::open_new : Fate::open;
        ++open[g];
    }
    std::map<std::int64_t, bool> stale;
    for (auto it = plan.rbegin(); it != plan.rend(); ++it) {
        const std::int64_t g = it->group->id;
        const Timestamp age = now - it->created;
        if (own(*it) || it->fate != Fate::done || stale[g] || age < 6 * kDay || age > 20 * kDay) continue;
        it->fate = Fate::open_stale;
        stale[g] = true;
    }
    Rng rng(kSeed ^ 0xFA7Eull);
    int hr_turn = 0;
    for (Planned& p : plan) {
        const double u = rng.Unit();
        if (p.fate == Fate::done && u < 0.045)
            p.fate = rng.Chance(0.6) ? Fate::cancelled_by_requester : Fate::cancelled_by_agent;
        const bool open = p.fate == Fate::open || p.fate == Fate::open_stale;
        const double who = rng.Unit();
        switch (p.group->id) {
            case kDemoGroupNetwork:
                p.agent = open || who < 0.75 ? cast.noah : cast.ava;
                break;
            case kDemoGroupHrOperations:
                p.agent = hr_turn++ % 2 ? cast.mia : cast.root;
                break;  // round robin
            case kDemoGroupFacilities:
                p.agent = open || who < 0.8 ? cast.omar : cast.ava;
                break;
            default:
                p.agent = cast.ava;
                break;
        }
        if (!p.agent) p.agent = cast.ava;
        if (p.fate == Fate::open_new) p.agent = nullptr;
    }
}

// ---------------------------------------------------------------------------------------------
// [SECTION] The history: stories. Times come from the SLA targets of the request's policy on its
// business calendar: most first responses and resolutions land well inside their targets, a few
// late. `scale` shrinks every duration and `wall` reads them as plain time, so a request meant to
// be done by now can be told faster when its natural pace would run past now.
// ---------------------------------------------------------------------------------------------

// Share of the resolution target a resolution takes, per priority: a few breach.
double ResolutionShare(Rng& rng, Priority p) {
    static const double breach[] = {0.10, 0.10, 0.08, 0.06, 0.02};
    static const double lo[] = {0.2, 0.2, 0.1, 0.1, 0.03};
    static const double hi[] = {0.9, 0.9, 0.85, 0.8, 0.3};
    const int i = std::clamp(static_cast<int>(p) - 1, 0, 4);
    return rng.Chance(breach[i]) ? rng.Between(1.05, 1.9) : rng.Between(lo[i], hi[i]);
}

const std::vector<const char*>& WaitingTexts(PendingReason reason) {
    return reason == PendingReason::requester ? DemoWaitingOnRequester()
           : reason == PendingReason::vendor  ? DemoWaitingOnVendor()
                                              : DemoWaitingOnChange();
}

DemoStory Tell(Rng rng, const Planned& p, Timestamp now, double scale, bool wall) {
    const User& requester = *p.requester;
    const std::size_t ask_index = rng.Next() % p.texts->asks.size();
    const DemoAsk& ask = p.texts->asks[ask_index];
    std::optional<Level> urgency;
    if (p.item->ask_urgency) {
        const double u = rng.Unit();
        urgency = u < 0.15 ? Level::high : u < 0.6 ? Level::medium : Level::low;
    }
    const Request placed = NewRequest(*p.item, requester, p.created, Fill(ask.summary, requester, nullptr),
                                      Fill(ask.description, requester, nullptr), urgency, p.values, p.group, p.agent);
    DemoStory s(placed, now);
    if (!p.agent) return s;  // not picked up yet
    const User& agent = *p.agent;
    const DemoSla sla = DemoSlaFor(placed);
    const std::int64_t business_day = sla.cal && !wall ? BusinessDayMs(*sla.cal) : kDay;
    auto later = [&](Timestamp from, double business_ms) -> Timestamp {
        const auto ms = std::max<std::int64_t>(kMinute, static_cast<std::int64_t>(business_ms * scale));
        if (wall || !sla.cal) return from + ms;
        const Timestamp t = AddBusinessTime(*sla.cal, from, ms);
        return t == kNever ? from + ms : t;
    };
    auto elapsed = [&](Timestamp from, Timestamp to) -> std::int64_t {
        return wall || !sla.cal ? to - from : BusinessTimeBetween(*sla.cal, from, to);
    };
    auto text = [&](const std::vector<const char*>& texts) { return Fill(rng.Pick(texts), requester, &agent); };
    // The resolution note that answers this ask.
    const std::vector<const char*>& fixes = p.texts->resolutions;
    const std::string fix =
        Fill(fixes.size() == p.texts->asks.size() ? fixes[ask_index] : rng.Pick(fixes), requester, &agent);
    const std::int64_t response_ms = std::max<std::int64_t>(sla.response_ms, kHour);
    const std::int64_t resolution_ms = std::max<std::int64_t>(sla.resolution_ms, 4 * kHour);

    Timestamp t = p.created;
    if (!placed.assignee_id.valid()) {  // a manual group: the agent picks it up
        t = later(t, rng.Between(0.05, 0.35) * static_cast<double>(response_ms));
        s.Assign(t, agent, agent);
    }
    if (p.fate == Fate::cancelled_by_requester) {
        s.Move(later(t, rng.Between(0.1, 0.6) * static_cast<double>(response_ms)), requester, Status::cancelled,
               PendingReason::none, text(DemoRequesterCancelReasons()));
        return s;
    }
    const double response_share = rng.Chance(0.09) ? rng.Between(1.05, 2.6) : rng.Between(0.05, 0.9);
    const Timestamp first =
        std::max(t + 3 * kMinute, later(p.created, response_share * static_cast<double>(response_ms)));
    if (p.fate == Fate::cancelled_by_agent) {
        s.Move(first, agent, Status::cancelled, PendingReason::none, text(DemoAgentCancelReasons()));
        return s;
    }
    const bool open = p.fate == Fate::open || p.fate == Fate::open_stale;
    const double resolution_target = ResolutionShare(rng, placed.priority) * static_cast<double>(resolution_ms);
    Timestamp resolved = first;
    if (!open && rng.Chance(0.22)) {
        // Fixed at first contact: resolved straight from Assigned, the note being the first response.
        s.Move(first, agent, Status::resolved, PendingReason::none, fix);
    } else {
        s.Move(std::max(t + kMinute, first - rng.Range(1, 8) * kMinute), agent, Status::in_progress);
        s.Reply(first, agent, text(p.texts->replies));
        Timestamp cursor = first;
        if (rng.Chance(0.35)) {
            cursor = later(cursor, static_cast<double>(rng.Range(10, 180) * kMinute));
            s.Note(cursor, agent, text(p.texts->notes));
        }
        std::int64_t counted = 0;  // resolution-clock time before the wait
        // Open ones may still be waiting now: the old one on a vendor, a new one on anyone.
        const bool long_wait = open && rng.Chance(p.fate == Fate::open_stale ? 0.5 : 0.3);
        if (long_wait || rng.Chance(0.3)) {
            const double u = rng.Unit();
            const PendingReason reason = long_wait && p.fate == Fate::open_stale ? PendingReason::vendor
                                         : u < 0.4                               ? PendingReason::requester
                                         : u < 0.85                              ? PendingReason::vendor
                                                                                 : PendingReason::change;
            const Timestamp paused = later(cursor, static_cast<double>(rng.Range(15, 120) * kMinute));
            s.Reply(paused, agent, text(WaitingTexts(reason)));
            s.Move(paused + kMinute, agent, Status::pending, reason);
            counted = elapsed(p.created, paused);
            const double days = long_wait                            ? 400.0
                                : reason == PendingReason::requester ? rng.Between(0.15, 1.5)
                                : reason == PendingReason::vendor    ? rng.Between(0.5, 3.0)
                                                                     : rng.Between(1.0, 4.0);
            const Timestamp resumed = later(paused + kMinute, days * static_cast<double>(business_day));
            if (reason == PendingReason::requester) {
                s.Reply(resumed, requester, text(DemoRequesterAnswers()));  // resumes the work
            } else {
                const std::vector<const char*>& updates = DemoVendorUpdates();
                const char* update =
                    reason == PendingReason::change ? updates.back() : updates[rng.Next() % (updates.size() - 1)];
                s.Move(resumed, agent, Status::in_progress);
                s.Reply(resumed + 2 * kMinute, agent, Fill(update, requester, &agent));
            }
            cursor = resumed + 2 * kMinute;
        } else {
            counted = elapsed(p.created, cursor);
        }
        resolved = later(cursor, std::max(20.0 * kMinute, resolution_target - static_cast<double>(counted)));
        const Timestamp follow_up = later(cursor, rng.Between(2, 10) * kHour);
        if (rng.Chance(0.12) && follow_up < resolved - 30 * kMinute)
            s.Reply(follow_up, requester, text(DemoRequesterFollowUps()));
        if (open) return s;  // still being worked on
        if (rng.Chance(0.15))
            s.Reply(std::max(cursor + kMinute, resolved - rng.Range(5, 40) * kMinute), requester, text(DemoThanks()));
        s.Move(resolved, agent, Status::resolved, PendingReason::none, fix);
    }
    if (rng.Chance(0.07)) {  // "This didn't fix it": a reply within the reopen window reopens it
        const Timestamp back = resolved + static_cast<Timestamp>(rng.Between(2, 72) * kHour * scale) + kMinute;
        s.Reply(back, requester, text(DemoReopenReplies()));
        const Timestamp answer = later(back, static_cast<double>(rng.Range(20, 180) * kMinute));
        s.Reply(answer, agent, text(DemoReopenAnswers()));
        resolved = later(answer, rng.Between(1, 12) * kHour);
        s.Move(resolved, agent, Status::resolved, PendingReason::none, text(DemoSecondResolutions()));
    }
    if (rng.Chance(0.3))
        s.Move(resolved + static_cast<Timestamp>(rng.Between(0.3, 48) * kHour), requester, Status::closed);
    else
        s.Move(resolved + static_cast<Timestamp>(kDefaultAutoCloseDays) * kDay + kMinute, User(), Status::closed);
    return s;
}

// The story of `p`; one meant to be done by now is retold faster until it is.
DemoStory TellInTime(const Planned& p, std::size_t index, Timestamp now) {
    const Rng rng(kSeed + 0x100 * (index + 1));
    const bool must_finish = p.fate == Fate::done;
    const std::pair<double, bool> paces[] = {{1.0, false},  {0.5, false}, {0.25, false}, {0.1, false},
                                             {0.04, false}, {0.02, true}, {0.004, true}};
    for (const auto& [scale, wall] : paces) {
        DemoStory s = Tell(rng, p, now, scale, wall);
        if (!must_finish || !IsOpenStatus(s.request().status)) return s;
    }
    return Tell(rng, p, now, 0.004, true);  // filed minutes ago: it stays open
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] Entry point
// ---------------------------------------------------------------------------------------------

Result<DemoSeedFigures> SeedDemoRequests(storage::Database& db, const std::vector<User>& users,
                                         const std::vector<CatalogItem>& items, Timestamp now, int history_days) {
    DemoSeedFigures figures;
    const Cast cast = FindCast(users);
    Routing routing;
    auto groups = storage::ListGroups(db);
    if (!groups.ok()) return groups.error();
    routing.groups = std::move(*groups);
    auto rules = storage::ListRoutingRules(db);
    if (!rules.ok()) return rules.error();
    routing.rules = std::move(*rules);

    if (history_days > 0 && cast.ava && cast.root && !routing.groups.empty()) {
        std::vector<Planned> plan = PlanTickets(cast, items, routing, now, history_days);
        DecideFates(plan, cast, now);
        for (std::size_t i = 0; i < plan.size(); ++i) {
            DemoStory story = TellInTime(plan[i], i, now);
            if (auto w = WriteStory(db, story, figures); !w.ok()) return w.error();
            const Planned& p = plan[i];
            if (p.agent && p.group->strategy != AssignmentStrategy::manual)  // the group's round-robin cursor
                if (auto n = storage::NoteAssigned(db, p.group->id, p.agent->id, p.created); !n.ok()) return n.error();
        }
    }
    // The classic four last: the newest numbers, and the ones the journeys and tests know.
    if (auto c = SeedClassic(db, cast, items, routing, now, figures); !c.ok()) return c.error();
    return figures;
}

}  // namespace spoc::app
