// Notifications for the people a change concerns (see notices.h).
#include "server/app/notices.h"

#include "server/storage/notifications_repo.h"
#include "server/storage/users_repo.h"
#include "shared/api/agent_dto.h"
#include "shared/domain/i18n.h"
#include "shared/domain/notice.h"

namespace spoc::app {

using i18n::Format;
using i18n::tr;

Result<std::string> InReadersLanguage(storage::Database& db, UserId reader, const std::function<std::string()>& make) {
    auto user = storage::FindUser(db, reader);
    if (!user.ok()) return user.error();
    i18n::Lang lang = i18n::Lang::en;
    if (*user) i18n::ParseLang((*user)->locale, &lang);
    const i18n::Locale* before = &i18n::ThreadLocale();
    i18n::SetThreadLocale(&i18n::InstalledLocale(lang));
    std::string text = make();
    i18n::SetThreadLocale(before);
    return text;
}

Result<Unit> NotifyUsers(storage::Database& db, const Request& r, const std::vector<UserId>& who, const char* kind,
                         const std::function<std::string()>& text, Timestamp now) {
    for (UserId u : who) {
        api::Notification n;
        n.request_id = r.id;
        n.kind = kind;
        n.created_at = now;
        auto written = InReadersLanguage(db, u, text);
        if (!written.ok()) return written.error();
        n.text = std::move(*written);
        if (auto in = storage::InsertNotification(db, u, n); !in.ok()) return in.error();
    }
    return Unit{};
}

Result<Unit> NotifyRequesterOfChange(storage::Database& db, const Request& before, const Request& after, UserId actor,
                                     Timestamp now) {
    const Request& r = after;
    std::function<std::string()> text;
    switch (notice::AfterChange(before, after, actor)) {
        case notice::ForRequester::none: return Unit{};
        case notice::ForRequester::approved:
            // TRANSLATORS: a notification; {0} is a request number, {1} its title.
            text = [&] { return Format(tr("{0} “{1}” was approved and is with the service desk now."), {r.number, r.summary}); };
            break;
        case notice::ForRequester::resolved:
            text = [&] {
                return Format(tr("{0} “{1}” was resolved. Check that it works for you, and tell us how it went."), {r.number, r.summary});
            };
            break;
        case notice::ForRequester::waiting_on_you:
            text = [&] { return Format(tr("{0} “{1}” waits for your reply."), {r.number, r.summary}); };
            break;
        case notice::ForRequester::cancelled:
            text = [&] {
                // TRANSLATORS: a notification; {0} is a request number, {1} its title, {2} why (e.g. "Not approved by Olivia Grant: budget").
                return r.cancel_reason.empty() ? Format(tr("{0} “{1}” was cancelled."), {r.number, r.summary})
                                               : Format(tr("{0} “{1}” was cancelled: {2}"), {r.number, r.summary, r.cancel_reason});
            };
            break;
    }
    return NotifyUsers(db, r, {r.requester_id}, kNotificationUpdate, text, now);
}

Result<Unit> NotifyRequesterOfReply(storage::Database& db, const Request& r, const User& author, bool internal, Timestamp now) {
    if (!notice::AfterReply(r, author.id, internal)) return Unit{};
    return NotifyUsers(db, r, {r.requester_id}, kNotificationReply, [&] {
        // TRANSLATORS: a notification; {0} is who answered, {1} a request number, {2} its title.
        return Format(tr("{0} replied on {1} “{2}”."), {author.display_name, r.number, r.summary});
    }, now);
}

}  // namespace spoc::app
