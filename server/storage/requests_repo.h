// Typed access to requests and their comments: insert (assigning the request number), find one,
// list a requester's requests by status filter with paging, add, count and list comments, bump a
// request's updated_at/version; the agents' queue views with their sort orders and filters.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/storage/reports_repo.h"
#include "server/storage/sqlite.h"
#include "shared/api/dto.h"
#include "shared/domain/request.h"

namespace spoc::storage {

// Inserts `request` (all fields but id/number/comment_count taken as given), then sets its
// number with FormatRequestNumber. Fills request.id and request.number.
Result<RequestId> InsertRequest(Database& db, Request& request);
// One request with requester name and comment count (internal notes counted only if asked).
// Comments are not loaded here.
Result<std::optional<Request>> FindRequest(Database& db, RequestId id, bool count_internal);

struct RequestListQuery {
    UserId requester;
    RequestFilter filter;
    int page = 1;  // 1-based
    int page_size = 25;
    bool count_internal = false;  // include internal notes in comment_count
};
// Newest update first; total counts every match across pages.
Result<api::RequestPage> ListRequestsByRequester(Database& db, const RequestListQuery& query);
Result<std::int64_t> CountRequests(Database& db);

// Agent mode: writes the workflow fields of `request` (status, impact, urgency, priority, group,
// assignee, pending reason, lifecycle instants, due times, updated_at, resolution note, resolver,
// cancel reason) with version = request.version,
// only if the stored version is still `base_version`. False when someone changed it meanwhile.
Result<bool> SaveWorkflow(Database& db, const Request& request, int base_version);
Result<Unit> OpenPause(Database& db, RequestId id, Timestamp at);    // a Pending span starts
Result<Unit> ClosePause(Database& db, RequestId id, Timestamp at);   // the open span ends
Result<std::vector<std::pair<Timestamp, Timestamp>>> ListPauses(Database& db, RequestId id);  // [from, to); to 0 = open

// ---- Queues ------------------------------------------------------------------------------------
enum class QueueView { unassigned, mine, my_groups, all_open, breaching, pending };
bool ParseQueueView(std::string_view text, QueueView* out);  // "unassigned", "mine", "groups", "open", "breaching", "pending"
std::string_view QueueViewName(QueueView view);

// Queue order. due: soonest resolution due first, none due last, then id (the view's own index);
// priority: P1 first, then as due; updated / created: oldest first; id. Descending reverses it all.
enum class QueueSort { due, priority, updated, created, id };
bool ParseQueueSort(std::string_view text, QueueSort* out);  // "due", "priority", "updated", "created", "id"
std::string_view QueueSortName(QueueSort sort);

// Narrowing a view; every set member must hold.
struct QueueFilter {
    std::optional<Priority> priority;
    std::optional<Status> status;          // one of the open statuses
    std::optional<std::int64_t> group_id;  // 0 = no group
    std::optional<UserId> assignee;        // 0 = unassigned
    std::string search;                    // ?q=: words each in the number, summary, description or
                                           // comments (queue_search.h); "" = any
    std::optional<ReportSlice> report;     // a report's bar or point: its requests in any status (the
                                           // view is ignored then); the others still narrow it
};

struct QueueQuery {
    QueueView view = QueueView::all_open;
    UserId caller;                   // for mine / my groups
    Timestamp now = 0;               // breaching: resolution due within the next `soon_ms`
    std::int64_t soon_ms = 4LL * 60 * 60 * 1000;
    int page = 1;
    int page_size = 50;
    QueueSort sort = QueueSort::due;
    bool descending = false;
    QueueFilter filter;
};
// Open requests of the view that pass the filter, in the asked order; total counts every match.
// The page is chosen by ids first (keys only, through the view's or the sort's partial index) and
// only those rows are read in full.
Result<api::RequestPage> ListQueue(Database& db, const QueueQuery& query);
// The next `limit` requests of the view and filter (paging and sort ignored) with ids above
// `after_id`, in id order: the queue's CSV export walks them batch by batch, so a million rows
// never sit in memory at once.
Result<std::vector<Request>> ExportQueueBatch(Database& db, const QueueQuery& query, std::int64_t after_id, int limit);
// EXPLAIN QUERY PLAN of the statement that picks the page's ids (tests and benchmarks).
Result<std::string> ExplainQueue(Database& db, const QueueQuery& query);


Result<CommentId> InsertComment(Database& db, RequestId request, Comment& comment);  // fills comment.id
Result<std::int64_t> CountComments(Database& db, RequestId request);                 // internal notes too
Result<std::vector<Comment>> ListComments(Database& db, RequestId request, bool include_internal);  // oldest first
Result<Unit> TouchRequest(Database& db, RequestId id, Timestamp now);  // updated_at = now, version + 1

}  // namespace spoc::storage
