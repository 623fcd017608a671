// The words of the demo's 90 days of requests (server/app/demo_history.cpp tells the stories):
// per catalog item what people ask, what agents answer first, write in internal notes and give as
// resolution notes, plus the generic lines (waiting on someone, "this didn't fix it", cancel
// reasons). "{name}" in a text is the requester's first name, "{agent}" the agent's.
#pragma once
#include <string_view>
#include <vector>

namespace spoc::app {

struct DemoAsk {
    const char* summary;
    const char* description;
};

// What happens around one catalog item, looked up by its title in the seeded catalog.
struct DemoItemTexts {
    const char* item_title;                // "VPN problem"
    int weight;                            // relative share of the requests filed against it
    std::vector<DemoAsk> asks;             // summary + description
    std::vector<const char*> replies;      // the agent's first public reply
    std::vector<const char*> notes;        // internal notes (staff only)
    std::vector<const char*> resolutions;  // resolution notes (public), one per ask, in the same order
};

const std::vector<DemoItemTexts>& DemoItemTextTable();

// Generic lines. Pending: the agent's public reply when the request starts waiting, per reason.
const std::vector<const char*>& DemoWaitingOnRequester();
const std::vector<const char*>& DemoWaitingOnVendor();
const std::vector<const char*>& DemoWaitingOnChange();
const std::vector<const char*>& DemoRequesterAnswers();    // the requester's reply that resumes the work
const std::vector<const char*>& DemoVendorUpdates();       // the agent's reply when the wait is over (last: a change)
const std::vector<const char*>& DemoRequesterFollowUps();  // "any news?" while it is open
const std::vector<const char*>& DemoReopenReplies();       // "This didn't fix it": reopens a Resolved request
const std::vector<const char*>& DemoReopenAnswers();       // the agent's answer to a reopen
const std::vector<const char*>& DemoSecondResolutions();   // the resolution note after a reopen
const std::vector<const char*>& DemoThanks();              // the requester's reply before closing it
const std::vector<const char*>& DemoRequesterCancelReasons();
const std::vector<const char*>& DemoAgentCancelReasons();

}  // namespace spoc::app
