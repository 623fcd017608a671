// bench/walkup driver, two parts (bench/walkup/run drives both; bench/walkup/README.md explains them):
//   sim: simulated walk-up desk days (fixed seeds, hand-written distributions over std::mt19937_64),
//        served FIFO by walkup::QueueOrder. At each check-in it asks walkup::EstimateWait (with a
//        ServiceTimeModel learnt from the previous days) and walkup::NaiveWait ("position x average")
//        for the wait, then compares both with the wait the person actually had when called.
//   api: kiosk check-ins per second against a running spoc-server (real HTTP, durable SQLite
//        writes): pairs a kiosk as root, then CLIENTS threads POST /api/v1/kiosk/checkins.
// Usage: spoc_bench_walkup sim [--days 60] [--seed 1]
//        spoc_bench_walkup api PORT [--seconds 5] [--clients 32]
//
// Index: [SECTION] Random numbers  [SECTION] The desk  [SECTION] One day  [SECTION] Scores
//        [SECTION] sim  [SECTION] api  [SECTION] main
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <random>
#include <set>
#include <thread>

#include "bench/common/bench_client.h"
#include "shared/domain/walkup.h"

using namespace spoc;
using namespace spoc::bench;

namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] Random numbers
// std::mt19937_64's output is fixed by the standard; the distributions on top of it are written
// here (std::normal_distribution and friends may differ between standard libraries).
// ---------------------------------------------------------------------------------------------

class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_engine(seed) {}
    double Uniform() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }  // [0, 1)
    double Uniform(double lo, double hi) { return lo + (hi - lo) * Uniform(); }
    int Int(int lo, int hi) { return lo + static_cast<int>(Uniform() * (hi - lo + 1)); }  // [lo, hi]
    bool Chance(double p) { return Uniform() < p; }
    double Exponential(double rate) { return -std::log1p(-Uniform()) / rate; }
    double Normal(double mean, double sd) {  // Box-Muller; the second value is dropped
        const double u1 = 1.0 - Uniform(), u2 = Uniform();
        return mean + sd * std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    }
    double LogNormalWithMean(double mean, double sigma) {  // E[X] = mean
        return std::exp(Normal(std::log(mean) - sigma * sigma / 2, sigma));
    }
    template <std::size_t N>
    int Pick(const double (&weights)[N]) {  // an index, with probability proportional to its weight
        double total = 0;
        for (double w : weights) total += w;
        double u = Uniform() * total;
        for (std::size_t i = 0; i < N; ++i) {
            if (u < weights[i]) return static_cast<int>(i);
            u -= weights[i];
        }
        return static_cast<int>(N - 1);
    }

private:
    std::mt19937_64 m_engine;
};

// ---------------------------------------------------------------------------------------------
// [SECTION] The desk
// One desk open 8 hours (08:30-16:30), 2 to 4 agents (drawn per day), walk-ins arriving as a
// Poisson process whose rate moves through the day, appointments on 15-minute slots. The desk is
// staffed to its forecast: demand scales with the agents on duty, times a factor for the forecast
// being off (0.8-1.2), so every staffing level sees queues at its peaks.
// ---------------------------------------------------------------------------------------------

constexpr const char* kLocation = "london-hq";
constexpr double kDayMinutes = 480;
constexpr double kServiceSigma = 0.5;               // of ln(minutes), every reason
constexpr Timestamp kFirstDay = 1'800'000'000'000;  // 2027-01-15, any instant would do

struct Reason {
    const char* key;
    double mean_minutes;  // the true mean service time (log-normal, sigma kServiceSigma)
};
constexpr Reason kReasons[] = {{"password", 4}, {"pickup", 3}, {"laptop", 18}, {"other", 10}};
constexpr int kReasonCount = 4;
constexpr double kWalkinMix[kReasonCount] = {0.40, 0.20, 0.15, 0.25};
constexpr double kAppointmentMix[kReasonCount] = {0.0, 0.35, 0.45, 0.20};  // booked: pickups, laptops

// Walk-ins per hour and agent at 08:30, 09:30, ... 16:30 (linear in between): a mid-morning peak,
// a lunch dip, a second peak after lunch. Mean 5.0 an hour; an agent serves about 8.1 walk-ins an
// hour (mean service 7.4 min), so the peaks load the desk to about 0.9 before appointments.
constexpr double kRatePerAgentHour[] = {2.5, 6, 7.5, 5, 3, 6.5, 5.5, 4, 2};
constexpr double kRatePeak = 7.5;
constexpr double kDayFactorLow = 0.8, kDayFactorHigh = 1.2;  // the forecast's error

constexpr double kSlotMinutes = 15;
constexpr int kSlotCapacity = 2;
constexpr int kAppointmentsLow = 3, kAppointmentsHigh = 5;  // booked per day and agent
constexpr double kNoShowShare = 0.08;
constexpr double kVeryLateShare = 0.10;  // past the grace period: they queue as walk-ins

double RatePerAgentMinute(double minute) {
    const double h = std::clamp(minute / 60.0, 0.0, 8.0);
    const int i = std::min(static_cast<int>(h), 7);
    return (kRatePerAgentHour[i] + (kRatePerAgentHour[i + 1] - kRatePerAgentHour[i]) * (h - i)) / 60.0;
}

struct Person {
    int reason = 0;
    double checkin = 0;            // minutes since opening
    double appointment = -1;       // minutes since opening; < 0: walk-in
    double service = 0;            // minutes with an agent (drawn up front: the truth)
    double called = -1;            // minutes since opening
    std::int64_t id = 0;           // check-in order, 1-based (QueueOrder's tie-break)
    bool queued_as_walkin = true;  // walkup::QueueTime is the check-in (walk-in, or too late)
    // At check-in:
    bool agent_was_free = false;
    int ahead = 0;
    walkup::WaitRange spoc;
    int spoc_busy_agents = 0;  // the point with agents = those serving someone (max 1), as the server counts
    int naive = 0, naive_per_agent = 0;
};

Timestamp ToMs(Timestamp day_start, double minutes) {
    return day_start + static_cast<Timestamp>(std::llround(minutes * kMsPerMinute));
}

// The day's visitors in check-in order (ids assigned), with their true service times.
std::vector<Person> DrawVisitors(Rng& rng, int agents, double day_factor) {
    std::vector<Person> people;
    // Walk-ins: a non-homogeneous Poisson process by thinning (Lewis and Shedler).
    const double scale = agents * day_factor;
    const double max_rate = kRatePeak / 60.0 * scale;
    for (double t = rng.Exponential(max_rate); t < kDayMinutes; t += rng.Exponential(max_rate)) {
        if (!rng.Chance(RatePerAgentMinute(t) * scale / max_rate)) continue;
        Person p;
        p.reason = rng.Pick(kWalkinMix);
        p.checkin = t;
        p.service = rng.LogNormalWithMean(kReasons[p.reason].mean_minutes, kServiceSigma);
        people.push_back(p);
    }
    // Appointments: slots of 15 minutes, at most two per slot; people come a few minutes early
    // or late, some very late, some not at all.
    const int slots = static_cast<int>(kDayMinutes / kSlotMinutes);
    std::vector<int> booked(slots, 0);
    const int appointments =
        std::min(rng.Int(kAppointmentsLow * agents, kAppointmentsHigh * agents), slots * kSlotCapacity);
    for (int a = 0; a < appointments; ++a) {
        int slot = rng.Int(0, slots - 1);
        while (booked[slot] >= kSlotCapacity) slot = (slot + 1) % slots;
        ++booked[slot];
        Person p;
        p.reason = rng.Pick(kAppointmentMix);
        p.appointment = slot * kSlotMinutes;
        p.service = rng.LogNormalWithMean(kReasons[p.reason].mean_minutes, kServiceSigma);
        if (rng.Chance(kNoShowShare)) continue;
        const double offset =
            rng.Chance(kVeryLateShare) ? rng.Uniform(11, 30) : std::clamp(rng.Normal(-4, 4), -20.0, 9.5);
        p.checkin = std::max(0.0, p.appointment + offset);  // nobody checks in before opening
        people.push_back(p);
    }
    std::stable_sort(people.begin(), people.end(),
                     [](const Person& a, const Person& b) { return a.checkin < b.checkin; });
    for (std::size_t i = 0; i < people.size(); ++i) people[i].id = static_cast<std::int64_t>(i + 1);
    return people;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] One day
// Event by event: an agent who finishes calls the first of walkup::QueueOrder among the people
// present (as POST /walkup/locations/{id}/call-next does, early appointments included); a person
// checking in gets both estimates, then is called at once if an agent is free. Nobody checks in
// after closing; the agents stay until the line is empty.
// ---------------------------------------------------------------------------------------------

struct History {                     // what the desk has learnt from the days before
    walkup::ServiceTimeModel model;  // per reason, log-normal
    double service_total = 0;        // for the naive average
    long service_count = 0;
    double Average() const { return service_count > 0 ? service_total / service_count : walkup::kPriorMeanMinutes; }
};

class DeskDay {
public:
    DeskDay(std::vector<Person> people, int agents, Timestamp day_start, const History& history)
        : m_people(std::move(people)),
          m_agent_person(agents, -1),
          m_agent_free_at(agents, 0),
          m_day_start(day_start),
          m_history(history) {}

    std::vector<Person> Run() {
        for (std::size_t i = 0; i < m_people.size(); ++i) {
            FinishUntil(m_people[i].checkin);
            CheckIn(static_cast<int>(i));
        }
        FinishUntil(INFINITY);
        return std::move(m_people);
    }

private:
    walkup::QueueEntry Entry(int who) const {
        const Person& p = m_people[who];
        return {p.id, walkup::VisitStatus::waiting, ToMs(m_day_start, p.checkin),
                p.appointment < 0 ? 0 : ToMs(m_day_start, p.appointment)};
    }

    std::vector<std::int64_t> Order() const {
        std::vector<walkup::QueueEntry> entries;
        for (int who : m_waiting) entries.push_back(Entry(who));
        return walkup::QueueOrder(std::move(entries));
    }

    walkup::ServiceTime Expected(int who) const {
        return m_history.model.Expected(kLocation, kReasons[m_people[who].reason].key);
    }

    void CheckIn(int who) {
        Person& p = m_people[who];
        const double now = p.checkin;
        const walkup::QueueEntry e = Entry(who);
        p.queued_as_walkin = walkup::QueueTime(e) == e.checked_in_at;
        m_waiting.push_back(who);
        walkup::WaitInput in;
        in.agents = static_cast<int>(m_agent_person.size());
        for (std::int64_t id : Order()) {  // the people ahead, in queue order
            if (id == p.id) break;
            in.ahead.push_back(Expected(static_cast<int>(id - 1)));
        }
        for (int served : m_agent_person) {
            if (served < 0) continue;
            in.in_service.push_back(Expected(served));
            in.in_service_elapsed_minutes.push_back(now - m_people[served].called);
        }
        p.agent_was_free = in.in_service.size() < m_agent_person.size();
        p.ahead = static_cast<int>(in.ahead.size());
        p.spoc = walkup::EstimateWait(in);
        walkup::WaitInput busy_only = in;
        busy_only.agents = std::max<int>(1, static_cast<int>(in.in_service.size()));
        p.spoc_busy_agents = walkup::EstimateWait(busy_only).point;
        p.naive = walkup::NaiveWait(p.ahead, m_history.Average());
        p.naive_per_agent = walkup::NaiveWait(p.ahead, m_history.Average() / in.agents);
        CallWhileFree(now);
    }

    // Every idle agent calls the next person in line.
    void CallWhileFree(double now) {
        for (std::size_t a = 0; a < m_agent_person.size() && !m_waiting.empty(); ++a) {
            if (m_agent_person[a] >= 0) continue;
            const int next = static_cast<int>(Order().front() - 1);
            m_waiting.erase(std::find(m_waiting.begin(), m_waiting.end(), next));
            m_people[next].called = now;
            m_agent_person[a] = next;
            m_agent_free_at[a] = now + m_people[next].service;
        }
    }

    // Visits that end by `t`, in time order, each freeing its agent for the next in line.
    void FinishUntil(double t) {
        for (;;) {
            int first = -1;
            for (std::size_t a = 0; a < m_agent_person.size(); ++a)
                if (m_agent_person[a] >= 0 && (first < 0 || m_agent_free_at[a] < m_agent_free_at[first]))
                    first = static_cast<int>(a);
            if (first < 0 || m_agent_free_at[first] > t) return;
            m_agent_person[first] = -1;
            CallWhileFree(m_agent_free_at[first]);
        }
    }

    std::vector<Person> m_people;
    std::vector<int> m_agent_person;      // index into m_people being served, -1 when idle
    std::vector<double> m_agent_free_at;  // minutes; meaningful while busy
    std::vector<int> m_waiting;           // checked in, not called yet
    Timestamp m_day_start;
    const History& m_history;
};

// ---------------------------------------------------------------------------------------------
// [SECTION] Scores
// ---------------------------------------------------------------------------------------------

struct Score {
    std::set<int> days;  // day numbers seen
    long visits = 0, in_range = 0;
    double wait = 0, spoc_abs = 0, spoc_signed = 0, naive_abs = 0, naive_agents_abs = 0, width = 0;
    double spoc_busy_abs = 0;

    void Add(int day, const Person& p) {
        const double actual = p.called - p.checkin;
        days.insert(day);
        ++visits;
        wait += actual;
        spoc_abs += std::fabs(p.spoc.point - actual);
        spoc_signed += p.spoc.point - actual;
        spoc_busy_abs += std::fabs(p.spoc_busy_agents - actual);
        naive_abs += std::fabs(p.naive - actual);
        naive_agents_abs += std::fabs(p.naive_per_agent - actual);
        width += p.spoc.high - p.spoc.low;
        if (actual >= p.spoc.low && actual <= p.spoc.high) ++in_range;
    }
    // Spoc's MAE when the agents are counted as the server counts them (WalkupService Estimate:
    // distinct agents with a visit called or in service, at least 1): an idle agent is not seen.
    void PrintBusyAgents(const char* label) const {
        std::printf("%-26s %5s %7s %8s %9.2f\n", label, "", "", "", spoc_busy_abs / std::max<long>(visits, 1));
    }
    void Print(const char* label) const {
        const double n = std::max<long>(visits, 1);
        std::printf("%-26s %5zu %7ld %8.1f %9.2f %9.2f %10.2f %12.2f %10.1f%% %7.1f\n", label, days.size(), visits,
                    wait / n, spoc_abs / n, naive_abs / n, naive_agents_abs / n, spoc_signed / n, 100.0 * in_range / n,
                    width / n);
    }
};

void PrintHeader(const char* first) {
    std::printf("%-26s %5s %7s %8s %9s %9s %10s %12s %11s %7s\n", first, "days", "visits", "wait", "Spoc MAE",
                "naive MAE", "naive/agt", "Spoc bias", "in [lo,hi]", "width");
}

// ---------------------------------------------------------------------------------------------
// [SECTION] sim
// ---------------------------------------------------------------------------------------------

int RunSim(int days, std::uint64_t seed) {
    History history;
    Score all, waited, by_agents[5], by_agents_waited[5], by_phase[3], by_queue[4], by_kind[3];
    long people_total = 0;
    for (int day = 1; day <= days; ++day) {
        Rng rng(seed * 1'000'003 + static_cast<std::uint64_t>(day));  // each day reproducible on its own
        const int agents = rng.Int(2, 4);
        const double factor = rng.Uniform(kDayFactorLow, kDayFactorHigh);
        const Timestamp start = kFirstDay + static_cast<Timestamp>(day - 1) * kMsPerDay;
        const std::vector<Person> served = DeskDay(DrawVisitors(rng, agents, factor), agents, start, history).Run();
        for (const Person& p : served) {
            all.Add(day, p);
            if (!p.agent_was_free) waited.Add(day, p);
            by_agents[agents].Add(day, p);
            if (!p.agent_was_free) by_agents_waited[agents].Add(day, p);
            by_phase[day == 1 ? 0 : day <= 10 ? 1 : 2].Add(day, p);
            by_queue[p.agent_was_free ? 0 : p.ahead == 0 ? 1 : p.ahead <= 3 ? 2 : 3].Add(day, p);
            by_kind[p.appointment < 0 ? 0 : p.queued_as_walkin ? 2 : 1].Add(day, p);
        }
        people_total += static_cast<long>(served.size());
        // Learn from the day's completed visits only after it ends: tomorrow's estimates use them.
        for (const Person& p : served) {
            history.model.Add(kLocation, kReasons[p.reason].key, p.service);
            history.service_total += p.service;
            ++history.service_count;
        }
    }

    std::printf("simulated %d days (seed %llu), %ld visits; waits in minutes from check-in to being called\n", days,
                static_cast<unsigned long long>(seed), people_total);
    std::printf("service times learnt (model mean [25th-75th] / true mean, minutes):");
    for (const Reason& r : kReasons) {
        const walkup::ServiceTime st = history.model.Expected(kLocation, r.key);
        std::printf(" %s %.1f [%.1f-%.1f] / %.0f;", r.key, st.mean, st.low, st.high, r.mean_minutes);
    }
    std::printf(" naive average %.2f\n\n", history.Average());
    PrintHeader("");
    all.Print("all visits");
    waited.Print("no agent free at check-in");
    std::printf("\n");
    PrintHeader("by agents on duty");
    for (int a = 2; a <= 4; ++a) by_agents[a].Print((std::to_string(a) + " agents").c_str());
    for (int a = 2; a <= 4; ++a) by_agents_waited[a].Print((std::to_string(a) + " agents, none free").c_str());
    std::printf("\n");
    PrintHeader("by learning phase");
    by_phase[0].Print("day 1 (prior only)");
    by_phase[1].Print("days 2-10");
    by_phase[2].Print(("days 11-" + std::to_string(days)).c_str());
    std::printf("\n");
    PrintHeader("by line at check-in");
    by_queue[0].Print("an agent free");
    by_queue[0].PrintBusyAgents("  (server's agent count)");
    by_queue[1].Print("all busy, nobody ahead");
    by_queue[2].Print("1-3 ahead");
    by_queue[3].Print("4+ ahead");
    std::printf("\n");
    PrintHeader("by kind");
    by_kind[0].Print("walk-in");
    by_kind[1].Print("appointment, on time");
    by_kind[2].Print("appointment, >10 min late");
    std::printf(
        "\nwait: mean actual wait. Spoc: walkup::EstimateWait point (model learnt from the previous days; day 1 = "
        "prior).\nnaive: walkup::NaiveWait(people ahead, average service so far) = position x average (the issue's "
        "baseline);\nnaive/agt: the same divided by the agents on duty. bias: mean(Spoc - actual). in [lo,hi]: "
        "actual wait\ninside Spoc's range. width: mean high - low.\n");
    return 0;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] api
// ---------------------------------------------------------------------------------------------

std::string CookieFrom(const httplib::Result& res, const std::string& name) {  // "name=value" of a Set-Cookie
    const auto range = res->headers.equal_range("Set-Cookie");
    for (auto it = range.first; it != range.second; ++it)
        if (it->second.rfind(name + "=", 0) == 0) return it->second.substr(0, it->second.find(';'));
    return {};
}

std::string Describe(const httplib::Result& res) {
    return res ? std::to_string(res->status) + " " + res->body.substr(0, 300)
               : "no answer (" + httplib::to_string(res.error()) + ")";
}

struct Kiosk {
    std::string cookie;  // "spoc_kiosk=..."
    std::string csrf;
};

// Pairs a kiosk at location 1 as the demo admin, the way the kiosk screen and the admin app do.
Kiosk PairKiosk(httplib::Client& cli) {
    auto started = cli.Post("/api/v1/kiosk/pairing", "", "application/json");
    if (!started || started->status != 201) Fail("POST /api/v1/kiosk/pairing: " + Describe(started));
    const std::string pairing_cookie = CookieFrom(started, "spoc_kiosk_pair");
    const std::string code = json::parse(started->body).value("code", "");
    if (pairing_cookie.empty() || code.empty()) Fail("POST /api/v1/kiosk/pairing gave no cookie or code");

    const Session root = SignIn(cli, "root");
    const json pair = {{"code", code}, {"location_id", 1}, {"name", "bench"}};
    auto paired = cli.Post("/api/v1/walkup/kiosks", root.Headers(), pair.dump(), "application/json");
    if (!paired || paired->status != 201) Fail("POST /api/v1/walkup/kiosks: " + Describe(paired));

    auto polled = cli.Get("/api/v1/kiosk/pairing", httplib::Headers{{"Cookie", pairing_cookie}});
    if (!polled || polled->status != 200) Fail("GET /api/v1/kiosk/pairing: " + Describe(polled));
    Kiosk k;
    k.cookie = CookieFrom(polled, "spoc_kiosk");
    if (k.cookie.empty()) Fail("GET /api/v1/kiosk/pairing did not hand out the kiosk cookie: " + Describe(polled));

    auto me = cli.Get("/api/v1/kiosk/me", httplib::Headers{{"Cookie", k.cookie}});
    if (!me || me->status != 200) Fail("GET /api/v1/kiosk/me: " + Describe(me));
    k.csrf = json::parse(me->body).value("csrf_token", "");
    if (k.csrf.empty()) Fail("GET /api/v1/kiosk/me gave no csrf_token");
    return k;
}

struct ClientResult {
    std::vector<double> latency_ms;  // every POST, whatever its answer
    std::vector<std::int64_t> done_at_us;
    long created = 0, errors = 0;
    std::string first_error;
};

void RunClient(int port, int index, const Kiosk& kiosk, const std::atomic<std::int64_t>* deadline,
               std::atomic<int>* ready, ClientResult* out) {
    httplib::Client cli("127.0.0.1", port);
    cli.set_keep_alive(true);
    cli.set_tcp_nodelay(true);  // headers and body leave as two writes (see bench/update/README.md)
    cli.set_read_timeout(30, 0);
    const httplib::Headers headers{{"Cookie", kiosk.cookie}, {"X-CSRF-Token", kiosk.csrf}};
    ++*ready;
    while (deadline->load() == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
    const std::int64_t until = deadline->load();
    for (long n = 0; NowUs() < until; ++n) {
        const json body = {{"guest_name", "Guest " + std::to_string(index) + "-" + std::to_string(n)},
                           {"reason", kReasons[n % kReasonCount].key}};
        const std::int64_t t0 = NowUs();
        auto res = cli.Post("/api/v1/kiosk/checkins", headers, body.dump(), "application/json");
        const std::int64_t t1 = NowUs();
        out->latency_ms.push_back(static_cast<double>(t1 - t0) / 1000.0);
        if (res && res->status == 201) {
            ++out->created;
            out->done_at_us.push_back(t1);
        } else {
            ++out->errors;
            if (out->first_error.empty()) out->first_error = Describe(res);
        }
    }
}

int RunApi(int port, double seconds, int clients) {
    httplib::Client cli("127.0.0.1", port);
    const Kiosk kiosk = PairKiosk(cli);
    std::printf(
        "paired kiosk \"bench\" at location 1 as root; %d clients, %.0f s, POST /api/v1/kiosk/checkins "
        "{guest_name: unique, reason: 4 in turn}\n\n",
        clients, seconds);
    std::vector<ClientResult> results(clients);
    std::vector<std::thread> threads;
    std::atomic<std::int64_t> deadline{0};
    std::atomic<int> ready{0};
    for (int i = 0; i < clients; ++i)
        threads.emplace_back([&, i] { RunClient(port, i, kiosk, &deadline, &ready, &results[i]); });
    while (ready.load() < clients) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    const std::int64_t start_us = NowUs();
    deadline = start_us + static_cast<std::int64_t>(seconds * 1e6);
    for (auto& t : threads) t.join();
    const double secs = static_cast<double>(NowUs() - start_us) / 1e6;

    ClientResult all;
    for (const ClientResult& r : results) {
        all.latency_ms.insert(all.latency_ms.end(), r.latency_ms.begin(), r.latency_ms.end());
        all.done_at_us.insert(all.done_at_us.end(), r.done_at_us.begin(), r.done_at_us.end());
        all.created += r.created;
        all.errors += r.errors;
        if (all.first_error.empty()) all.first_error = r.first_error;
    }
    std::printf("%-22s %7s %12s %9s %9s %9s %7s\n", "run", "clients", "check-ins/s", "p50 ms", "p99 ms", "201s",
                "errors");
    std::printf("%-22s %7d %12.1f %9.2f %9.2f %9ld %7ld\n", "kiosk check-ins", clients,
                static_cast<double>(all.created) / secs, Percentile(all.latency_ms, 0.50),
                Percentile(all.latency_ms, 0.99), all.created, all.errors);
    if (!all.first_error.empty()) std::printf("   first error: %s\n", all.first_error.c_str());
    // Every check-in answers with the visit's position and wait, computed over the whole open
    // line, which this run makes long: the rate per second shows whether that costs.
    std::vector<long> per_second(static_cast<std::size_t>(std::ceil(secs)), 0);
    for (std::int64_t t : all.done_at_us)
        if (t >= start_us)
            ++per_second[std::min(per_second.size() - 1, static_cast<std::size_t>((t - start_us) / 1000000))];
    std::printf("201s per second of the run (the last: answers after the deadline):");
    for (long n : per_second) std::printf(" %ld", n);
    std::printf("\n");

    auto board = cli.Get("/api/v1/kiosk/board", httplib::Headers{{"Cookie", kiosk.cookie}});
    if (board && board->status == 200)
        std::printf("waiting at the end (board): %d\n", json::parse(board->body).value("waiting", -1));
    std::printf("\np50/p99: every POST round trip; errors: any answer other than 201.\n");
    return all.errors == 0 ? 0 : 1;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] main
// ---------------------------------------------------------------------------------------------

[[noreturn]] void Usage() {
    Fail(
        "usage: spoc_bench_walkup sim [--days 60] [--seed 1]\n"
        "       spoc_bench_walkup api PORT [--seconds 5] [--clients 32]");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) Usage();
    const std::string mode = argv[1];
    int days = 60, port = 0, clients = 32;
    double seconds = 5;
    std::uint64_t seed = 1;
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) Fail(a + " needs a value");
            return argv[++i];
        };
        if (a == "--days")
            days = std::stoi(next());
        else if (a == "--seed")
            seed = std::stoull(next());
        else if (a == "--seconds")
            seconds = std::stod(next());
        else if (a == "--clients")
            clients = std::stoi(next());
        else if (mode == "api" && port == 0)
            port = std::stoi(a);
        else
            Usage();
    }
    if (mode == "sim" && days > 0) return RunSim(days, seed);
    if (mode == "api" && port > 0 && clients > 0 && seconds > 0) return RunApi(port, seconds, clients);
    Usage();
}
