// Knowledge-base rules (see kb.h): state and audience names, visibility, the lifecycle graph,
// content normalisation and validation, and the article-file and synonym-list parsers.
#include "shared/domain/kb.h"

#include <algorithm>

#include "shared/domain/i18n.h"
#include "shared/domain/text.h"

namespace spoc {

using i18n::Format;
using i18n::FormatInt;
using i18n::Plural;
using i18n::tr;
using i18n::trc;
using i18n::trn;

// [SECTION] Names -------------------------------------------------------------------------------

std::string_view ArticleStateName(ArticleState state) {
    switch (state) {
        case ArticleState::draft: return "draft";
        case ArticleState::in_review: return "in_review";
        case ArticleState::published: return "published";
        case ArticleState::retired: return "retired";
    }
    return "draft";
}

std::string_view ArticleStateLabel(ArticleState state) {
    switch (state) {
        // TRANSLATORS: the state of a knowledge-base article.
        case ArticleState::draft: return trc("article state", "Draft");
        // TRANSLATORS: the state of a knowledge-base article.
        case ArticleState::in_review: return trc("article state", "In review");
        // TRANSLATORS: the state of a knowledge-base article.
        case ArticleState::published: return trc("article state", "Published");
        // TRANSLATORS: the state of a knowledge-base article.
        case ArticleState::retired: return trc("article state", "Retired");
    }
    return trc("article state", "Draft");
}

bool ParseArticleState(std::string_view text, ArticleState* out) {
    for (ArticleState s : {ArticleState::draft, ArticleState::in_review, ArticleState::published, ArticleState::retired})
        if (text == ArticleStateName(s)) { *out = s; return true; }
    return false;
}

std::string_view AudienceName(Audience audience) { return audience == Audience::agents ? "agents" : "everyone"; }
std::string_view AudienceLabel(Audience audience) {
    // TRANSLATORS: who can read a knowledge-base article.
    return audience == Audience::agents ? trc("audience", "Agents only") : trc("audience", "Everyone");
}

bool ParseAudience(std::string_view text, Audience* out) {
    if (text == "everyone") { *out = Audience::everyone; return true; }
    if (text == "agents") { *out = Audience::agents; return true; }
    return false;
}

// [SECTION] Rules -------------------------------------------------------------------------------

bool IsReviewOverdue(const Article& article, const CivilDate& today) {
    CivilDate due;
    if (article.content.review_by.empty() || !ParseDate(article.content.review_by, &due)) return false;
    return DaysFromCivil(due.year, due.month, due.day) < DaysFromCivil(today.year, today.month, today.day);
}

bool IsInEmployeeIndex(const Article& article, const CivilDate& today) {
    return article.state == ArticleState::published && article.content.audience == Audience::everyone &&
           !IsReviewOverdue(article, today);
}

bool IsInStaffIndex(const Article& article) { return article.state == ArticleState::published; }

bool CanReadArticle(const Article& article, Role role, const CivilDate& today) {
    return IsStaff(role) || IsInEmployeeIndex(article, today);
}

bool CanEditArticles(Role role) { return IsStaff(role); }

bool CanTransition(ArticleState from, ArticleState to) {
    using S = ArticleState;
    switch (from) {
        case S::draft: return to == S::in_review || to == S::published || to == S::retired;
        case S::in_review: return to == S::draft || to == S::published || to == S::retired;
        case S::published: return to == S::draft || to == S::retired;
        case S::retired: return to == S::draft;
    }
    return false;
}

std::string_view TransitionVerb(ArticleState to) {
    switch (to) {
        case ArticleState::draft: return "moved to draft";
        case ArticleState::in_review: return "sent for review";
        case ArticleState::published: return "published";
        case ArticleState::retired: return "retired";
    }
    return "changed";
}

// [SECTION] Validation --------------------------------------------------------------------------

namespace {

std::string CollapseSpaces(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : Trim(text)) {
        const bool is_space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (is_space) { space = true; continue; }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

}  // namespace

void NormalizeArticleContent(ArticleContent& content) {
    content.title = CollapseSpaces(content.title);
    content.category = CollapseSpaces(content.category);
    content.review_by = std::string(Trim(content.review_by));
    std::vector<std::string> tags;
    for (const std::string& raw : content.tags) {
        std::string tag = ToLowerAscii(CollapseSpaces(raw));
        if (tag.empty() || std::find(tags.begin(), tags.end(), tag) != tags.end()) continue;
        tags.push_back(std::move(tag));
    }
    content.tags = std::move(tags);
    // Editors on Windows send CRLF; store one kind of line end.
    std::string body;
    body.reserve(content.body.size());
    for (char c : content.body)
        if (c != '\r') body += c;
    content.body = std::move(body);
}

std::vector<FieldError> ValidateArticleContent(const ArticleContent& c) {
    std::vector<FieldError> out;
    std::string problem;
    // `sentence`: a translated "... can't contain {0}." (see PlainTextProblemAs).
    auto bad_text = [&problem](const std::string& s, bool newlines, const char* sentence) {
        problem = PlainTextProblemAs(s, newlines, sentence);
        return !problem.empty();
    };
    if (c.title.empty()) out.push_back({"title", tr("Give the article a title.")});
    else if (bad_text(c.title, false, tr("The title can't contain {0}."))) out.push_back({"title", problem});
    else if (Utf8Length(c.title) < 3)
        out.push_back({"title", Plural("The title needs at least {0} character.", "The title needs at least {0} characters.", 3)});
    else if (Utf8Length(c.title) > kMaxArticleTitle)
        out.push_back({"title", Plural("Keep the title under {0} character.", "Keep the title under {0} characters.",
                                       static_cast<long>(kMaxArticleTitle))});

    if (Trim(c.body).empty()) out.push_back({"body", tr("Write the article's text.")});
    else if (bad_text(c.body, true, tr("The text can't contain {0}."))) out.push_back({"body", problem});
    else if (c.body.size() > kMaxArticleBody)
        // TRANSLATORS: {0} is a number of kilobytes.
        out.push_back({"body", Format(tr("The text is too long (at most {0} KB)."), {FormatInt(kMaxArticleBody / 1000)})});

    if (bad_text(c.category, false, tr("The category can't contain {0}."))) out.push_back({"category", problem});
    else if (Utf8Length(c.category) > kMaxArticleCategory)
        out.push_back({"category", Plural("Keep the category under {0} character.", "Keep the category under {0} characters.",
                                          static_cast<long>(kMaxArticleCategory))});

    if (c.tags.size() > kMaxArticleTags)
        out.push_back({"tags", Plural("Use at most {0} tag.", "Use at most {0} tags.", static_cast<long>(kMaxArticleTags))});
    for (const std::string& tag : c.tags) {
        if (tag.find(',') != std::string::npos) {
            out.push_back({"tags", tr("Tags can't contain commas.")});
            break;
        }
        if (bad_text(tag, false, tr("Tags can't contain {0}."))) {
            out.push_back({"tags", problem});
            break;
        }
        if (Utf8Length(tag) > kMaxArticleTag) {
            out.push_back({"tags", Plural("Keep each tag under {0} character.", "Keep each tag under {0} characters.",
                                          static_cast<long>(kMaxArticleTag))});
            break;
        }
    }
    CivilDate date;
    if (!c.review_by.empty() && !ParseDate(c.review_by, &date))
        // TRANSLATORS: the field accepts dates only in this form; keep "YYYY-MM-DD" (letters may be translated).
        out.push_back({"review_by", tr("Enter the review date as YYYY-MM-DD.")});
    return out;
}

std::vector<FieldError> ValidateFeedback(const ArticleFeedback& f) {
    std::vector<FieldError> out;
    if (std::string problem = PlainTextProblemAs(f.comment, true, tr("The comment can't contain {0}.")); !problem.empty())
        out.push_back({"comment", std::move(problem)});
    else if (Utf8Length(f.comment) > kMaxFeedbackComment)
        out.push_back({"comment", Format(trn("Keep the comment under {0} character.", "Keep the comment under {0} characters.",
                                             static_cast<long>(kMaxFeedbackComment)),
                                         {std::to_string(kMaxFeedbackComment)})});
    return out;
}

// [SECTION] Article files -----------------------------------------------------------------------

namespace {

// Splits text into lines without their "\n" (and a trailing "\r").
std::vector<std::string_view> Lines(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        out.push_back(line);
        if (end == text.size()) break;
        start = end + 1;
    }
    return out;
}

std::vector<std::string> SplitTags(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t comma = text.find(',', start);
        if (comma == std::string_view::npos) comma = text.size();
        out.emplace_back(Trim(text.substr(start, comma - start)));
        start = comma + 1;
    }
    return out;
}

std::string TitleFromFileName(std::string_view name) {
    if (std::size_t slash = name.find_last_of('/'); slash != std::string_view::npos) name.remove_prefix(slash + 1);
    if (std::size_t dot = name.rfind('.'); dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
    // "07-printer-jobs-stuck" -> "printer jobs stuck"
    std::size_t skip = 0;
    while (skip < name.size() && name[skip] >= '0' && name[skip] <= '9') ++skip;
    if (skip > 0 && skip < name.size() && (name[skip] == '-' || name[skip] == '_')) name.remove_prefix(skip + 1);
    std::string out(name);
    for (char& c : out)
        if (c == '-' || c == '_') c = ' ';
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

}  // namespace

Result<ArticleFile> ParseArticleFile(std::string_view text, std::string_view file_name) {
    if (!IsValidUtf8(text)) return MakeError(ErrorCode::validation_failed, tr("The file is not valid UTF-8."), "body");
    if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF && static_cast<unsigned char>(text[1]) == 0xBB &&
        static_cast<unsigned char>(text[2]) == 0xBF)
        text.remove_prefix(3);  // byte-order mark
    ArticleFile out;
    std::vector<std::string_view> lines = Lines(text);
    std::size_t body_start = 0;
    if (!lines.empty() && Trim(lines[0]) == "---") {
        std::size_t end = 1;
        while (end < lines.size() && Trim(lines[end]) != "---") ++end;
        if (end == lines.size())
            // TRANSLATORS: an article file being imported is wrong; "front matter" is the block of 'key: value'
            // lines between '---' lines at its top.
            return MakeError(ErrorCode::validation_failed, tr("The front matter has no closing '---' line."), "front_matter");
        for (std::size_t i = 1; i < end; ++i) {
            std::string_view line = Trim(lines[i]);
            if (line.empty() || line[0] == '#') continue;
            std::size_t colon = line.find(':');
            if (colon == std::string_view::npos)
                return MakeError(ErrorCode::validation_failed,
                                 // TRANSLATORS: an article file being imported is wrong; {0} is a line number.
                                 Format(tr("Front matter line {0} is not 'key: value'."), {std::to_string(i + 1)}),
                                 "front_matter");
            const std::string key = ToLowerAscii(Trim(line.substr(0, colon)));
            std::string_view value = Trim(line.substr(colon + 1));
            if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
                value = value.substr(1, value.size() - 2);
            if (key == "title") out.content.title = std::string(value);
            else if (key == "category") out.content.category = std::string(value);
            else if (key == "tags") out.content.tags = SplitTags(value);
            else if (key == "review_by") out.content.review_by = std::string(value);
            else if (key == "owner") out.owner = ToLowerAscii(value);
            else if (key == "audience") {
                if (!ParseAudience(value, &out.content.audience))
                    // TRANSLATORS: an article file being imported is wrong; keep audience, everyone, agents (the syntax).
                    return MakeError(ErrorCode::validation_failed, tr("audience must be everyone or agents."), "audience");
            } else if (key == "state") {
                if (!ParseArticleState(value, &out.state))
                    return MakeError(ErrorCode::validation_failed,
                                     // TRANSLATORS: an article file being imported is wrong; keep the words (the syntax).
                                     tr("state must be draft, in_review, published or retired."), "state");
            } else {
                // TRANSLATORS: an article file being imported is wrong; {0} is the key written there.
                return MakeError(ErrorCode::validation_failed, Format(tr("Unknown front matter key '{0}'."), {key.substr(0, 40)}),
                                 "front_matter");
            }
        }
        body_start = end + 1;
    }
    // Without a title, the first "# heading" becomes it.
    while (body_start < lines.size() && Trim(lines[body_start]).empty()) ++body_start;
    if (out.content.title.empty() && body_start < lines.size() && lines[body_start].substr(0, 2) == "# ") {
        out.content.title = std::string(Trim(lines[body_start].substr(2)));
        ++body_start;
        while (body_start < lines.size() && Trim(lines[body_start]).empty()) ++body_start;
    }
    if (out.content.title.empty()) out.content.title = TitleFromFileName(file_name);
    std::string body;
    for (std::size_t i = body_start; i < lines.size(); ++i) {
        body.append(lines[i]);
        body += '\n';
    }
    while (!body.empty() && (body.back() == '\n' || body.back() == ' ')) body.pop_back();
    out.content.body = std::move(body);
    NormalizeArticleContent(out.content);
    if (auto problems = ValidateArticleContent(out.content); !problems.empty()) {
        Error error = MakeError(ErrorCode::validation_failed, problems.front().message, problems.front().field);
        error.details = std::move(problems);
        return error;
    }
    return out;
}

Result<std::vector<std::pair<std::string, std::string>>> ParseSynonyms(std::string_view text) {
    if (text.size() > kMaxSynonymsText)
        return MakeError(ErrorCode::validation_failed, tr("The synonym list is too long."), "synonyms");
    if (std::string problem = PlainTextProblemAs(text, true, tr("The synonym list can't contain {0}.")); !problem.empty())
        return MakeError(ErrorCode::validation_failed, std::move(problem), "synonyms");
    std::vector<std::pair<std::string, std::string>> out;
    std::vector<std::string_view> lines = Lines(text);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string_view line = Trim(lines[i]);
        if (line.empty() || line[0] == '#') continue;
        const std::size_t eq = line.find('=');
        std::string a = eq == std::string_view::npos ? std::string() : CollapseSpaces(line.substr(0, eq));
        std::string b = eq == std::string_view::npos ? std::string() : CollapseSpaces(line.substr(eq + 1));
        if (a.empty() || b.empty() || b.find('=') != std::string::npos || a.size() > 80 || b.size() > 80)
            return MakeError(ErrorCode::validation_failed,
                             // TRANSLATORS: {0} is a line number; keep the example 'vpn = remote access' (it is the syntax).
                             Format(tr("Line {0} should look like 'vpn = remote access'."), {std::to_string(i + 1)}),
                             "line " + std::to_string(i + 1));
        out.emplace_back(ToLowerAscii(a), ToLowerAscii(b));
        if (out.size() > kMaxSynonymPairs)
            return MakeError(ErrorCode::validation_failed,
                             Plural("Use at most {0} synonym pair.", "Use at most {0} synonym pairs.",
                                    static_cast<long>(kMaxSynonymPairs)),
                             "synonyms");
    }
    return out;
}

}  // namespace spoc
