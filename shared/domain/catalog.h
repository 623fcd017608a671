// Catalog items and their typed forms: field definitions (type, required, limits, pattern,
// options, help, conditional visibility), submitted form values, and the one validation routine
// the browser runs as you type and the server runs before anything is stored.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/domain/approval_policy.h"
#include "shared/domain/ids.h"
#include "shared/domain/request.h"
#include "shared/domain/result.h"
#include "shared/domain/time.h"

namespace spoc {

// ---- Field definitions ----------------------------------------------------------------
enum class FieldType { short_text, long_text, single_choice, multi_choice, number, date, checkbox };
std::string_view FieldTypeName(FieldType type);        // "short_text"
bool ParseFieldType(std::string_view text, FieldType* out);

struct Choice {
    std::string value; // stored and sent: "macbook_pro_14"
    std::string label; // shown: "MacBook Pro 14\""
};

// "Show this field only when field `field` has value `equals`" (checkbox: "true"/"false";
// multi choice: the value is among the chosen ones).
struct VisibleWhen {
    std::string field;
    std::string equals;
};

struct FieldDef {
    std::string key;                 // [a-z][a-z0-9_]*, unique within the item
    std::string label;               // "Laptop model"
    FieldType type = FieldType::short_text;
    bool required = false;
    std::string help;                // one line under the field
    std::string placeholder;         // hint inside empty text inputs
    std::vector<Choice> options;     // single/multi choice
    std::optional<double> min;       // number: smallest value; multi choice: fewest selections
    std::optional<double> max;       // number: largest value; multi choice: most selections
    bool integer = false;            // number: whole numbers only
    int min_length = 0;              // text: fewest code points when not empty
    int max_length = 0;              // text: most code points (0 = type default from limits.h)
    std::string min_date;            // date: "YYYY-MM-DD", "today" or "today+N"
    std::string max_date;            // date: same forms
    std::string pattern;             // short text: linear-time regex the whole value must match
    std::string pattern_message;     // shown when the pattern fails: "Use the form AB-1234."
    std::string default_value;       // prefill for text/choice/number/date; "true" for checkbox
    std::optional<VisibleWhen> visible_when;
};

struct CatalogItem {
    CatalogItemId id;
    std::string department;          // "IT", "HR", "Facilities"
    std::string category;            // "Hardware", "Access", "Workplace"
    std::string title;               // "New laptop"
    std::string summary;             // one line on the tile
    std::string description;         // a paragraph on the item page
    std::string icon;                // icon key: "laptop", "key", "printer", ...
    RequestType type = RequestType::service_request;
    Level impact = Level::low;       // default impact of requests from this item
    Level urgency = Level::low;      // default urgency; the employee may change it if ask_urgency
    bool ask_urgency = false;        // show "How urgent is this?" on the form
    bool requires_approval = false;  // has an approval policy (HasApproval), for tiles and lists
    approval::Policy approval;       // who approves requests for it, and when (approval_policy.h)
    std::string fulfillment;         // "Usually ready in 3 business days"
    std::vector<std::string> keywords; // extra search words: "notebook", "computer"
    std::vector<FieldDef> fields;
    int sort = 0;
};

// ---- Form values ----------------------------------------------------------------------
struct FormValue {
    enum class Kind { none, text, boolean, list };
    Kind kind = Kind::none;
    std::string text;                // text/choice/date; numbers as decimal text
    bool checked = false;            // checkbox
    std::vector<std::string> list;   // multi choice
    static FormValue Text(std::string t) { FormValue v; v.kind = Kind::text; v.text = std::move(t); return v; }
    static FormValue Bool(bool b) { FormValue v; v.kind = Kind::boolean; v.checked = b; return v; }
    static FormValue List(std::vector<std::string> l) { FormValue v; v.kind = Kind::list; v.list = std::move(l); return v; }
};
using FormValues = std::map<std::string, FormValue>; // ordered: deterministic output

// What an employee submits from a catalog item page.
struct RequestDraft {
    CatalogItemId catalog_item_id;
    std::string summary;             // optional; defaults to the item title
    std::string description;         // optional free text
    std::optional<Level> urgency;    // only when the item asks for it
    FormValues values;
    std::vector<std::int64_t> attachments;  // uploads to link (attachment::ValidateIds)
};

// ---- Rules ----------------------------------------------------------------------------
const FieldDef* FindField(const CatalogItem& item, std::string_view key);
bool IsFieldVisible(const CatalogItem& item, const FieldDef& field, const FormValues& values);
FormValues DefaultFormValues(const CatalogItem& item);            // prefilled draft for a new form
bool ParseDecimal(std::string_view text, double* out);            // "-12.5" -> -12.5; no exponents, <= 15 digits
bool ResolveDateBound(std::string_view bound, const CivilDate& today, CivilDate* out); // "today+3"

// Per-field problems with one field's value (empty vector when fine). `today` bounds date fields.
std::vector<FieldError> ValidateField(const FieldDef& field, const FormValue* value, const CivilDate& today);
// Every problem with a draft: summary/description limits, urgency, unknown keys, each visible field.
// Field keys in the result are "summary", "description", "urgency" or "values.<key>".
std::vector<FieldError> ValidateDraft(const CatalogItem& item, const RequestDraft& draft, const CivilDate& today);
// The values that are stored: visible, known fields only, texts trimmed.
FormValues NormalizeValues(const CatalogItem& item, const FormValues& values);
// Problems with an item *definition* (duplicate keys, bad patterns, dangling visible_when, ...).
std::vector<FieldError> ValidateCatalogItem(const CatalogItem& item);
// Human-readable "Label: value" lines for a stored form, in field order (for request detail).
std::vector<std::pair<std::string, std::string>> DescribeValues(const CatalogItem& item, const FormValues& values);

}  // namespace spoc
