// Names, labels and rules for the request model (see request.h).
#include "shared/domain/request.h"

#include <cstdio>

#include "shared/domain/i18n.h"

namespace spoc {

using i18n::tr;
using i18n::trc;

std::string_view RoleName(Role role) {
    switch (role) {
        case Role::employee: return "employee";
        case Role::agent: return "agent";
        case Role::admin: return "admin";
    }
    return "employee";
}

bool ParseRole(std::string_view t, Role* out) {
    if (t == "employee") *out = Role::employee;
    else if (t == "agent") *out = Role::agent;
    else if (t == "admin") *out = Role::admin;
    else return false;
    return true;
}

std::string_view RequestTypeName(RequestType type) {
    return type == RequestType::incident ? "incident" : "service_request";
}
std::string_view RequestTypeLabel(RequestType type) {
    return type == RequestType::incident ? tr("Incident") : tr("Service request");
}
bool ParseRequestType(std::string_view t, RequestType* out) {
    if (t == "incident") *out = RequestType::incident;
    else if (t == "service_request") *out = RequestType::service_request;
    else return false;
    return true;
}

std::string_view StatusName(Status s) {
    switch (s) {
#define SPOC_X(e, name, label) case Status::e: return name;
        SPOC_STATUSES(SPOC_X)
#undef SPOC_X
    }
    return "new";
}
std::string_view StatusLabel(Status s) {
    switch (s) {
#define SPOC_X(e, name, label) case Status::e: return label;
        SPOC_STATUSES(SPOC_X)
#undef SPOC_X
    }
    return trc("status", "New");
}
bool ParseStatus(std::string_view t, Status* out) {
#define SPOC_X(e, name, label) if (t == name) { *out = Status::e; return true; }
    SPOC_STATUSES(SPOC_X)
#undef SPOC_X
    return false;
}
bool IsOpenStatus(Status s) {
    return s == Status::new_ || s == Status::assigned || s == Status::in_progress || s == Status::pending ||
           s == Status::awaiting_approval;
}

bool ParseStatusFilter(std::string_view t, RequestFilter* out) {
    if (t.empty() || t == "all") { *out = {StatusFilter::all, Status::new_}; return true; }
    if (t == "open") { *out = {StatusFilter::open, Status::new_}; return true; }
    if (t == "done") { *out = {StatusFilter::done, Status::new_}; return true; }
    Status s;
    if (!ParseStatus(t, &s)) return false;
    *out = {StatusFilter::single, s};
    return true;
}
std::string StatusFilterName(const RequestFilter& f) {
    switch (f.kind) {
        case StatusFilter::all: return "all";
        case StatusFilter::open: return "open";
        case StatusFilter::done: return "done";
        case StatusFilter::single: return std::string(StatusName(f.status));
    }
    return "all";
}
bool StatusMatches(const RequestFilter& f, Status s) {
    switch (f.kind) {
        case StatusFilter::all: return true;
        case StatusFilter::open: return IsOpenStatus(s);
        case StatusFilter::done: return !IsOpenStatus(s);
        case StatusFilter::single: return s == f.status;
    }
    return true;
}

std::string_view LevelName(Level l) {
    switch (l) {
        case Level::high: return "high";
        case Level::medium: return "medium";
        case Level::low: return "low";
    }
    return "low";
}
std::string_view LevelLabel(Level l) {
    switch (l) {
        // TRANSLATORS: an impact or urgency level.
        case Level::high: return trc("level", "High");
        // TRANSLATORS: an impact or urgency level.
        case Level::medium: return trc("level", "Medium");
        // TRANSLATORS: an impact or urgency level.
        case Level::low: return trc("level", "Low");
    }
    return trc("level", "Low");
}
bool ParseLevel(std::string_view t, Level* out) {
    if (t == "high") *out = Level::high;
    else if (t == "medium") *out = Level::medium;
    else if (t == "low") *out = Level::low;
    else return false;
    return true;
}

Priority ComputePriority(Level impact, Level urgency) {
    // The ITIL matrix: priority = impact + urgency - 1, so high/high = P1 and low/low = P5.
    const int p = static_cast<int>(impact) + static_cast<int>(urgency) - 1;
    return static_cast<Priority>(p);
}
std::string_view PriorityName(Priority p) {
    switch (p) {
        case Priority::critical: return "critical";
        case Priority::high: return "high";
        case Priority::moderate: return "moderate";
        case Priority::low: return "low";
        case Priority::planning: return "planning";
    }
    return "planning";
}
std::string_view PriorityLabel(Priority p) {
    switch (p) {
        // TRANSLATORS: a request priority; keep the "P1".."P5" prefix.
        case Priority::critical: return tr("P1 Critical");
        // TRANSLATORS: a request priority; keep the "P1".."P5" prefix.
        case Priority::high: return tr("P2 High");
        // TRANSLATORS: a request priority; keep the "P1".."P5" prefix.
        case Priority::moderate: return tr("P3 Moderate");
        // TRANSLATORS: a request priority; keep the "P1".."P5" prefix.
        case Priority::low: return tr("P4 Low");
        // TRANSLATORS: a request priority; keep the "P1".."P5" prefix.
        case Priority::planning: return tr("P5 Planning");
    }
    return tr("P5 Planning");
}
bool ParsePriority(std::string_view t, Priority* out) {
    for (int i = 1; i <= 5; ++i)
        if (t == PriorityName(static_cast<Priority>(i))) { *out = static_cast<Priority>(i); return true; }
    return false;
}

std::string FormatRequestNumber(RequestType type, RequestId id) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%07lld", type == RequestType::incident ? "INC" : "REQ",
                  static_cast<long long>(id.value));
    return buf;
}

bool ParseRequestRef(std::string_view t, RequestId* out) {
    if (!t.empty() && t.front() == '#') t.remove_prefix(1);
    if (t.size() >= 3) {
        const std::string_view prefix = t.substr(0, 3);
        auto eq = [](std::string_view a, const char* b) {
            for (size_t i = 0; i < 3; ++i)
                if ((a[i] | 0x20) != b[i]) return false;
            return true;
        };
        if (eq(prefix, "req") || eq(prefix, "inc")) t.remove_prefix(3);
    }
    if (t.empty() || t.size() > 15) return false;
    long long v = 0;
    for (char c : t) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    if (v <= 0) return false;
    *out = RequestId(v);
    return true;
}

}  // namespace spoc
