// The knowledge base's model and rules: articles with an audience and a lifecycle (draft -> in
// review -> published -> retired), review-by dates (past it, employees no longer see the article),
// who may see and change what, field validation shared by the editor and the server, the
// Markdown-with-front-matter file format used by the import command, and the synonym list format.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "shared/domain/ids.h"
#include "shared/domain/request.h"
#include "shared/domain/request_builder.h"
#include "shared/domain/result.h"
#include "shared/domain/time.h"

namespace spoc {

// ---- Enums -----------------------------------------------------------------------------------
enum class ArticleState { draft, in_review, published, retired };
std::string_view ArticleStateName(ArticleState state);   // "in_review"
std::string_view ArticleStateLabel(ArticleState state);  // "In review" (translated)
bool ParseArticleState(std::string_view text, ArticleState* out);

enum class Audience { everyone, agents };
std::string_view AudienceName(Audience audience);        // "everyone" | "agents"
std::string_view AudienceLabel(Audience audience);       // "Everyone" | "Agents only" (translated)
bool ParseAudience(std::string_view text, Audience* out);

// ---- Records ---------------------------------------------------------------------------------
// What an author edits; one version of an article is one snapshot of these.
struct ArticleContent {
    std::string title;
    std::string body;                  // Markdown subset (shared/domain/markdown.h)
    std::string category;              // "Network & VPN"
    std::vector<std::string> tags;     // lower-case, trimmed, unique
    Audience audience = Audience::everyone;
    std::string review_by;             // "YYYY-MM-DD", or empty for no review date
};

struct Article {
    ArticleId id;
    ArticleContent content;
    ArticleState state = ArticleState::draft;
    UserId owner_id;
    std::string owner_name;
    int version = 1;                   // bumps on every change (content or state); stale edits get 409
    Timestamp created_at = 0;
    Timestamp updated_at = 0;
    Timestamp published_at = 0;        // first time it was published (0 = never)
    std::string updated_by_name;
    int helpful = 0;                   // votes
    int not_helpful = 0;
    int views = 0;
    int deflections = 0;               // "This solved it" clicks on the request form
};

// One entry of an article's history: who changed what, when, and the content after the change.
struct ArticleVersion {
    int version = 0;
    UserId author_id;
    std::string author_name;
    Timestamp at = 0;
    ArticleState state = ArticleState::draft;
    std::string change;                // "created", "edited", "published", "retired", ...
    ArticleContent content;
};

// ---- Rules -----------------------------------------------------------------------------------
bool IsReviewOverdue(const Article& article, const CivilDate& today);         // review_by < today
bool CanReadArticle(const Article& article, Role role, const CivilDate& today); // see below
// Employees read an article only when it is published, for everyone and not past its review date.
// Staff read every article in any state (the editor and the review list need them).
bool IsInEmployeeIndex(const Article& article, const CivilDate& today);       // == what employees can read
bool IsInStaffIndex(const Article& article);                                  // published, any audience (overdue too)
bool CanEditArticles(Role role);                                              // agents and admins
bool CanTransition(ArticleState from, ArticleState to);                       // the lifecycle graph
std::string_view TransitionVerb(ArticleState to);                             // "published", "sent for review", ...

// Trims, lower-cases tags and drops duplicates/empties; then checks every field.
// Problems are returned per field ("title", "body", "category", "tags", "review_by").
void NormalizeArticleContent(ArticleContent& content);
std::vector<FieldError> ValidateArticleContent(const ArticleContent& content);

struct ArticleFeedback {
    bool helpful = true;
    std::string comment;               // optional, <= kMaxFeedbackComment code points
};
std::vector<FieldError> ValidateFeedback(const ArticleFeedback& feedback);

inline constexpr std::size_t kMaxArticleTitle = 120;      // code points
inline constexpr std::size_t kMaxArticleBody = 50000;     // bytes (the whole JSON body is capped at 64 KiB)
inline constexpr std::size_t kMaxArticleCategory = 60;    // code points
inline constexpr std::size_t kMaxArticleTags = 12;
inline constexpr std::size_t kMaxArticleTag = 40;         // code points
inline constexpr std::size_t kMaxFeedbackComment = 1000;  // code points
inline constexpr std::size_t kMaxSynonymsText = 16000;    // bytes of the admin-edited synonym list
inline constexpr std::size_t kMaxSynonymPairs = 500;

// ---- Files -----------------------------------------------------------------------------------
// An article file: optional front matter between "---" lines (title, category, tags (comma
// separated), audience, state, owner (a username), review_by), then the Markdown body. Without a
// title in the front matter, the first "# heading" is the title (and is removed from the body);
// failing that, the file name (without extension, dashes as spaces).
struct ArticleFile {
    ArticleContent content;
    ArticleState state = ArticleState::published;
    std::string owner;                 // username; empty = the importing user
};
Result<ArticleFile> ParseArticleFile(std::string_view text, std::string_view file_name);

// Synonym list: one "a = b" pair per line (two-way; phrases allowed), '#' starts a comment line.
// Bad lines are reported with their line number in the error's field ("line 3").
Result<std::vector<std::pair<std::string, std::string>>> ParseSynonyms(std::string_view text);

}  // namespace spoc
