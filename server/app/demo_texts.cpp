// The demo's words (see demo_texts.h). Data only; keep summaries free of words the end-to-end
// journeys search for ("Docking station"), so a seeded request never matches their searches.
#include "server/app/demo_texts.h"

namespace spoc::app {

const std::vector<DemoItemTexts>& DemoItemTextTable() {
    static const std::vector<DemoItemTexts> table = {
        {"New laptop",
         6,
         {{"Laptop for a new starter in {dept}",
           "A new colleague joins the team on Monday and needs a standard laptop."},
          {"Laptop battery lasts under an hour",
           "The battery drains from full in about 50 minutes, even with the screen dimmed."},
          {"Replacement laptop: cracked screen",
           "The screen cracked in my bag on the train; the left third is unreadable."},
          {"Upgrade to a 16-inch laptop for design work",
           "The 14-inch model is too small for the layout work I do every day."},
          {"Laptop fan very loud and hot",
           "The fan runs at full speed all day and the keyboard gets hot to the touch."}},
         {"Hi {name}, thanks for the details. I've reserved a laptop from stock for you and I'm setting it up now.",
          "Hi {name}, I can see the device in our inventory. I'll check the warranty and come back to you today.",
          "Hi {name}, thanks. Could you bring the laptop to the service desk on the 2nd floor when convenient? I'll "
          "look at "
          "it while you wait."},
         {"Warranty valid until next March; vendor RMA possible.",
          "Stock check: 3 standard 14-inch left, 16-inch on order.",
          "Asset record updated with the new serial number."},
         {"Your new laptop is set up with your apps and files; the old one has been collected for recycling.",
          "The battery was replaced under warranty and the laptop now lasts a full day.",
          "A replacement laptop has been handed over and your data migrated. Please sign in once to finish the setup.",
          "Your 16-inch laptop is set up with your design apps; the 14-inch one has gone back to stock.",
          "The fan was cleaned and the BIOS updated; temperatures are back to normal."}},
        {"Request a monitor or accessory",
         5,
         {{"Second monitor for my desk", "A second screen would make the monthly reporting much quicker."},
          {"Headset for Teams calls", "My headset's microphone stopped working; colleagues can't hear me on calls."},
          {"Ergonomic keyboard and mouse",
           "Occupational health recommended an ergonomic keyboard and a vertical mouse."},
          {"USB-C adapter for meeting room screens",
           "I need an adapter to connect my laptop to the screens in the meeting rooms."}},
         {"Hi {name}, thanks. We have these in stock; I'll bring them to your desk this afternoon.",
          "Hi {name}, I've put the order in. Delivery is usually 3-5 working days.",
          "Hi {name}, could you confirm your desk number so we deliver to the right place?"},
         {"Ordered from the framework supplier, PO 4471.",
          "Occupational health letter on file, approved by the manager."},
         {"Delivered to your desk and tested with your laptop.",
          "The headset has been delivered and paired; please test it on your next call.",
          "Your ergonomic keyboard and mouse are set up at your desk. Enjoy!",
          "Two USB-C adapters are at your desk; they work with every meeting room screen."}},
        {"Software access",
         8,
         {{"Access to the finance reporting tool",
           "I need read access to the reporting tool to prepare the quarterly figures."},
          {"Visio licence for process diagrams", "I'm documenting our onboarding process and need Visio."},
          {"Add me to the shared Marketing drive", "I moved teams and can't open the shared Marketing folders."},
          {"Install Python and VS Code", "I'd like Python 3 and VS Code for some data analysis scripts."},
          {"CRM access for the new sales region",
           "I've taken over the Nordics accounts and need edit rights in the CRM."}},
         {"Hi {name}, thanks. I've asked your manager to approve the access; I'll set it up as soon as they do.",
          "Hi {name}, thanks. I'm setting this up now and will confirm here once it's done.",
          "Hi {name}, I've added you to the right group. It can take up to an hour to show up; please sign out and "
          "back in."},
         {"Manager approval received by email, attached to the access log.",
          "Licence pool has 2 seats left; flagged to procurement.",
          "Same rights as the previous account owner, checked."},
         {"Access granted. Sign out and back in and the tool will appear in your apps.",
          "The licence is assigned and the software installed through Software Center.",
          "You're now a member of the shared drive group; the folders show up under Network locations.",
          "Installed both; Python is on the PATH and VS Code has the Python extension.",
          "Edit rights for the Nordics accounts are set up in the CRM."}},
        {"Password reset help",
         9,
         {{"Locked out after the password change", "I changed my password this morning and now my account is locked."},
          {"Authenticator prompt not arriving",
           "I get no prompt on my phone when I sign in, so I can't get into email."},
          {"Password expired while on leave",
           "I was away for three weeks and my password expired; I can't sign in at all."},
          {"Can't sign in to the expenses system",
           "The expenses system says my password is wrong but it works everywhere else."}},
         {"Hi {name}, I've unlocked your account. Please try again and use the self-service reset if needed.",
          "Hi {name}, I've re-registered your authenticator. You should get a new prompt now.",
          "Hi {name}, I've sent a temporary password to your manager. Please change it at first sign-in."},
         {"Identity confirmed by a call-back to the number on file.",
          "Account was locked by 30 failed attempts from an old phone."},
         {"Your account is unlocked and the old phone's saved password removed, which was causing the lockouts.",
          "The authenticator was re-registered on your new phone; sign-in works again.",
          "Your password was reset; you chose a new one at sign-in and everything syncs again.",
          "Password reset and account unlocked. The expenses system now uses single sign-on, so it follows your normal "
          "password."}},
        {"Broken printer",
         6,
         {{"Printer on 3rd floor jams every few pages", "The printer by the kitchen jams on almost every job."},
          {"Printer shows error 50.4", "The big printer near reception shows error 50.4 and won't print."},
          {"Scans to email not arriving", "Scanning to email from the 2nd floor printer no longer sends anything."},
          {"Colour prints come out streaky", "Every colour print has pale streaks down the page."}},
         {"Hi {name}, thanks for reporting it. I'm on my way to have a look.",
          "Hi {name}, I've logged a call with the printer vendor; an engineer should come within one working day.",
          "Hi {name}, please use the printer by the lifts meanwhile; I'll update you when this one is fixed."},
         {"Vendor call reference VX-20931.", "Fuser unit at end of life according to the page counter."},
         {"Cleared the paper path and replaced a worn roller; test prints are fine.",
          "The engineer replaced the fuser unit; the printer is working again.",
          "The scan-to-email relay password had expired; it's renewed and scans arrive again.",
          "Replaced the colour toner cartridges and ran a calibration; prints are clean again."}},
        {"Report a security concern / phishing",
         4,
         {{"Suspicious invoice email with a link",
           "I received an invoice email from an unknown supplier asking me to log in."},
          {"Clicked a link in a fake delivery email", "I clicked a link about a parcel before I noticed it was fake."},
          {"USB stick found in the car park", "Someone handed in a USB stick found in the car park."}},
         {"Hi {name}, thank you for reporting this so quickly. We're looking into it now; please don't click anything "
          "else "
          "in that email.",
          "Hi {name}, thanks. I've blocked the sender and I'm checking whether anyone else received it."},
         {"Sender domain registered 2 days ago; blocked at the gateway.",
          "No credentials entered according to the proxy logs.", "Device scanned remotely, nothing found."},
         {"The email was phishing. We've removed it from all mailboxes and blocked the sender.",
          "Your password was reset as a precaution and your laptop scanned; nothing malicious was found.",
          "The USB stick was destroyed without being plugged in. Thanks for handing it in."}},
        {"VPN problem",
         9,
         {{"VPN drops every few minutes at home", "The VPN disconnects every 5-10 minutes, which cuts me off calls."},
          {"VPN won't connect from the hotel", "On the hotel Wi-Fi the VPN client gets stuck on 'Connecting'."},
          {"Very slow VPN in the afternoons", "Every afternoon the VPN gets so slow that files take minutes to open."},
          {"VPN certificate error after update",
           "After last night's update the VPN says my certificate is not valid."}},
         {"Hi {name}, thanks. I've checked the gateway logs and I'm pushing a new VPN profile to your laptop now.",
          "Hi {name}, could you try the reinstall steps in the knowledge article and tell me if it still drops?",
          "Hi {name}, thanks for the details. We're seeing this for a few users and are investigating."},
         {"Gateway logs show MTU fragmentation from this ISP.",
          "Certificate renewal job failed for 14 devices overnight.",
          "Afternoon peak saturates the London gateway; second tunnel planned."},
         {"A new VPN profile with a lower MTU fixed the drops.",
          "The hotel blocked the VPN port; the client now falls back to port 443, which works there.",
          "We added capacity on the London gateway; afternoon speeds are back to normal.",
          "Your device certificate was renewed; the VPN connects again."}},
        {"Onboarding a new hire",
         4,
         {{"New hire starting in {dept} next month",
           "Please set up everything for our new analyst starting on the 1st."},
          {"Contractor onboarding for a 6-month project", "A contractor joins the project team for six months."},
          {"Graduate intake: two new starters", "Two graduates join the team in September."}},
         {"Hi {name}, thanks. I've started the onboarding checklist; IT and Facilities have their tasks.",
          "Hi {name}, could you send the signed contract so we can create the employee record?"},
         {"Contract received, right-to-work check done.",
          "Payroll cut-off is the 15th; record must be complete by then."},
         {"The new hire's record, accounts, laptop and desk are ready for day one.",
          "Onboarding complete: contract, payroll and equipment are all set.",
          "Both graduates' records, accounts, laptops and desks are ready for their first day."}},
        {"Offboarding a leaver",
         3,
         {{"Leaver on the {dept} team at month end",
           "A team member leaves at the end of the month; please start the offboarding."},
          {"Contractor finishing early", "Our contractor's assignment ends two weeks early."}},
         {"Hi {name}, thanks for letting us know. I've scheduled the account closure for the last day.",
          "Hi {name}, could you confirm who should receive the leaver's mailbox?"},
         {"Equipment return booked for the last day.", "Final pay includes 3 days of untaken leave."},
         {"Offboarding complete: accounts closed, equipment returned, mailbox forwarded to the manager.",
          "All done: final pay is scheduled and the leaver's access has been removed."}},
        {"Leave of absence question",
         5,
         {{"Parental leave: how to apply", "I'm expecting a baby in the spring; how do I apply for parental leave?"},
          {"Sabbatical eligibility", "Am I eligible for the sabbatical scheme after five years?"},
          {"Carry over unused holiday", "Can I carry over 4 days of holiday into next year?"},
          {"Unpaid leave for a family matter", "I need two weeks of unpaid leave next month for a family matter."}},
         {"Hi {name}, thanks for your question. I'm checking the policy and your record and will reply today.",
          "Hi {name}, happy to help. Could you tell me the dates you have in mind?"},
         {"Manager already aware according to the request.", "Policy allows carry-over of up to 5 days with approval."},
         {"You can apply in the HR portal under Leave > Parental leave; I've sent you the policy and the form.",
          "Yes, you're eligible from your fifth anniversary. I've sent you the application form.",
          "Approved: 4 days carried over to next year.", "Your unpaid leave is approved and recorded for payroll."}},
        {"Payslip question",
         6,
         {{"Overtime missing from this month's pay", "The overtime I worked last month isn't on my payslip."},
          {"Tax code looks wrong", "My tax code changed this month and my take-home pay dropped."},
          {"Pension contribution changed", "My pension contribution went up without me asking for it."},
          {"Can't find my payslips online", "The payslip portal shows nothing after March."}},
         {"Hi {name}, thanks. I'm checking with payroll and will come back to you.",
          "Hi {name}, I've looked at your record. Could you confirm the dates the overtime was worked?"},
         {"Overtime approved late by the manager; missed the cut-off.", "Tax office notice received on the 3rd."},
         {"The missing overtime will be paid with next month's salary; payroll confirmed it.",
          "The tax office issued a new code; payroll applied it and you'll get the difference back next month.",
          "Your pension rose with the annual auto-escalation; you can opt back down in the benefits portal.",
          "Your portal access was re-linked to your employee id; all payslips show again."}},
        {"Desk move",
         4,
         {{"Team move to the 4th floor", "Our team of six is moving to the 4th floor east wing."},
          {"Move desk closer to my team", "I'd like to sit with my new team on the 2nd floor."},
          {"Standing desk after the move", "I need my standing desk moved with me."}},
         {"Hi {name}, thanks. I've booked the move for Friday evening; crates will be at your desks on Thursday.",
          "Hi {name}, I've checked the floor plan; desk 2F-18 is free. Does that work for you?"},
         {"Moving team booked for Friday 18:00.", "Standing desk needs two people; booked the contractor."},
         {"The move is done; your desks, screens and phones are set up at the new location.",
          "You're at desk 2F-18 next to your team from Monday; your things have been moved.",
          "Your standing desk was moved and set up at your new place."}},
        {"Parking permit",
         4,
         {{"Parking permit for the new car", "I changed cars and need the permit updated."},
          {"Temporary permit for a visitor", "A visiting client needs a parking space on Thursday."},
          {"Electric charging bay access", "I now drive an electric car; can I get access to the charging bays?"}},
         {"Hi {name}, thanks. I've updated the registration; the barrier reads it from tomorrow.",
          "Hi {name}, spaces are tight that day; I'll confirm by the end of the day."},
         {"Charging bays are full on Mondays; rota suggested.", "Visitor bay 12 reserved."},
         {"Your permit now covers the new registration.",
          "Visitor space 12 is reserved for Thursday; the barrier will open for them.",
          "Charging bay access added to your permit."}},
        {"Room or AV problem",
         7,
         {{"Projector in Boardroom 2 won't turn on", "The projector doesn't respond to the remote or the wall panel."},
          {"No sound from the room speakers", "Video calls in room 3.04 have no sound from the ceiling speakers."},
          {"Meeting room too cold", "Room 1.12 is freezing; the thermostat doesn't seem to do anything."},
          {"Broken chair and whiteboard in room 2.07",
           "Two chairs are broken and the whiteboard is falling off the wall."},
          {"Video bar shows a black screen", "The video bar in room 4.01 shows a black screen on every call."}},
         {"Hi {name}, thanks for reporting it. Someone from Facilities will be there within the hour.",
          "Hi {name}, I've put a sign on the room and booked an engineer.",
          "Hi {name}, thanks. Could you tell me roughly when the problem started?"},
         {"Room taken out of the booking system until fixed.", "AV contractor call ref AV-5513."},
         {"The projector lamp was replaced; the room is bookable again.",
          "The speaker amplifier was reset and its firmware updated; sound works again.",
          "The heating valve was stuck and has been replaced.", "The chairs were replaced and the whiteboard refitted.",
          "The video bar's camera cable had come loose; reconnected and tested with a call."}},
    };
    return table;
}

const std::vector<const char*>& DemoWaitingOnRequester() {
    static const std::vector<const char*> texts = {
        "Hi {name}, to move this forward I need a little more from you: could you send a screenshot of the error and "
        "the time it happened? I've set the request to wait for your reply.",
        "Hi {name}, could you confirm your manager approves this? Replying here starts the request again.",
        "Hi {name}, when would suit you for a 10-minute remote session? I'll wait for your reply.",
    };
    return texts;
}

const std::vector<const char*>& DemoWaitingOnVendor() {
    static const std::vector<const char*> texts = {
        "Hi {name}, I've ordered the part from the supplier; delivery takes a few working days. I'll update you when "
        "it arrives.",
        "Hi {name}, the vendor is looking into it on their side. I'll let you know as soon as they come back to us.",
        "Hi {name}, the licence has been requested from the vendor; this usually takes 2-3 days.",
    };
    return texts;
}

const std::vector<const char*>& DemoWaitingOnChange() {
    static const std::vector<const char*> texts = {
        "Hi {name}, the fix needs a change to a shared system, scheduled for Thursday's maintenance window.",
        "Hi {name}, this is part of a planned change next week; I'll confirm once it's done.",
    };
    return texts;
}

const std::vector<const char*>& DemoRequesterAnswers() {
    static const std::vector<const char*> texts = {
        "Here's the screenshot; it happened at about 10:15 this morning.",
        "My manager approved it; she's copied on the email I forwarded.",
        "Tomorrow at 11 works for me, thanks.",
        "Thanks, the details are in the attachment I sent by email.",
    };
    return texts;
}

const std::vector<const char*>& DemoVendorUpdates() {
    static const std::vector<const char*> texts = {
        "Hi {name}, the part arrived this morning; I'm fitting it now.",
        "Hi {name}, the vendor came back with a fix; I'm applying it now.",
        "Hi {name}, the change went in last night; I'm checking your case now.",
    };
    return texts;
}

const std::vector<const char*>& DemoRequesterFollowUps() {
    static const std::vector<const char*> texts = {
        "Any news on this? It's getting urgent for me.",
        "Thanks for the update. Is there anything I can do meanwhile?",
        "Just checking in: is this still on track for this week?",
    };
    return texts;
}

const std::vector<const char*>& DemoReopenReplies() {
    static const std::vector<const char*> texts = {
        "This didn't fix it: the problem came back this morning.",
        "This didn't fix it, unfortunately. It worked for a day and now it's the same again.",
        "Sorry, it's still not working for me.",
    };
    return texts;
}

const std::vector<const char*>& DemoReopenAnswers() {
    static const std::vector<const char*> texts = {
        "Hi {name}, sorry about that. I'm looking at it again and will try a different fix.",
        "Hi {name}, thanks for telling us. I've reopened it and I'm checking the logs again.",
    };
    return texts;
}

const std::vector<const char*>& DemoSecondResolutions() {
    static const std::vector<const char*> texts = {
        "The first fix only treated the symptom; I've replaced the faulty part and checked it with you.",
        "Fixed properly this time: the setting kept coming back from an old policy, which is now removed.",
        "Sorted for good: we applied the permanent fix and tested it together.",
    };
    return texts;
}

const std::vector<const char*>& DemoThanks() {
    static const std::vector<const char*> texts = {
        "All working now, thank you!",
        "Confirmed, that fixed it. Thanks for the quick help.",
        "Great, thanks {agent}!",
    };
    return texts;
}

const std::vector<const char*>& DemoRequesterCancelReasons() {
    static const std::vector<const char*> texts = {
        "No longer needed: a colleague lent me one.",
        "Filed this twice by mistake.",
        "The problem went away after a restart.",
        "My manager decided to postpone this.",
    };
    return texts;
}

const std::vector<const char*>& DemoAgentCancelReasons() {
    static const std::vector<const char*> texts = {
        "Duplicate of an earlier request from the same person.",
        "Raised by mistake; the requester confirmed by phone it isn't needed.",
        "Covered by the team-wide change announced on the intranet.",
    };
    return texts;
}

}  // namespace spoc::app
