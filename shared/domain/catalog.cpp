// Catalog form rules: field visibility, defaults, per-field validation, draft validation,
// normalization of stored values, and sanity checks on item definitions (see catalog.h).
#include "shared/domain/catalog.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

#include "shared/domain/approval.h"
#include "shared/domain/i18n.h"
#include "shared/domain/limits.h"
#include "shared/domain/pattern.h"
#include "shared/domain/text.h"

namespace spoc {

using i18n::Format;
using i18n::Plural;
using i18n::tr;
using i18n::trn;

// [SECTION] Names ----------------------------------------------------------------------------

static constexpr struct { FieldType type; const char* name; } kFieldTypes[] = {
    {FieldType::short_text, "short_text"}, {FieldType::long_text, "long_text"},
    {FieldType::single_choice, "single_choice"}, {FieldType::multi_choice, "multi_choice"},
    {FieldType::number, "number"}, {FieldType::date, "date"}, {FieldType::checkbox, "checkbox"},
};

std::string_view FieldTypeName(FieldType type) {
    for (const auto& entry : kFieldTypes)
        if (entry.type == type) return entry.name;
    return "short_text";
}

bool ParseFieldType(std::string_view text, FieldType* out) {
    for (const auto& entry : kFieldTypes)
        if (text == entry.name) { *out = entry.type; return true; }
    return false;
}

// [SECTION] Lookup and visibility ---------------------------------------------------------------

const FieldDef* FindField(const CatalogItem& item, std::string_view key) {
    for (const FieldDef& f : item.fields)
        if (f.key == key) return &f;
    return nullptr;
}

static bool ValueEquals(const FieldDef& controller, const FormValue* value, std::string_view expected) {
    if (!value) return controller.type == FieldType::checkbox && expected == "false";
    switch (controller.type) {
        case FieldType::checkbox: return (value->checked ? "true" : "false") == expected;
        case FieldType::multi_choice:
            return std::find(value->list.begin(), value->list.end(), expected) != value->list.end();
        default: return Trim(value->text) == expected;
    }
}

bool IsFieldVisible(const CatalogItem& item, const FieldDef& field, const FormValues& values) {
    // Walk the chain of controllers; definitions only reference earlier fields, and the depth cap
    // guards against a malformed definition that loops.
    const FieldDef* current = &field;
    for (std::size_t depth = 0; depth < limits::kMaxFormFields && current->visible_when; ++depth) {
        const FieldDef* controller = FindField(item, current->visible_when->field);
        if (!controller) return false;
        auto it = values.find(controller->key);
        if (!ValueEquals(*controller, it == values.end() ? nullptr : &it->second, current->visible_when->equals))
            return false;
        current = controller;
    }
    return true;
}

FormValues DefaultFormValues(const CatalogItem& item) {
    FormValues values;
    for (const FieldDef& f : item.fields) {
        switch (f.type) {
            case FieldType::checkbox: values[f.key] = FormValue::Bool(f.default_value == "true"); break;
            case FieldType::multi_choice: values[f.key] = FormValue::List({}); break;
            default: values[f.key] = FormValue::Text(f.default_value); break;
        }
    }
    return values;
}

// [SECTION] Parsing helpers -----------------------------------------------------------------------

bool ParseDecimal(std::string_view text, double* out) {
    text = Trim(text);
    if (text.empty() || text.size() > 24) return false;
    size_t i = 0;
    if (text[0] == '-' || text[0] == '+') ++i;
    int digits = 0, dots = 0;
    for (size_t k = i; k < text.size(); ++k) {
        if (text[k] >= '0' && text[k] <= '9') ++digits;
        else if (text[k] == '.' && dots == 0) ++dots;
        else return false;
    }
    if (digits == 0 || digits > 15) return false;
    std::string copy(text);
    char* end = nullptr;
    const double v = std::strtod(copy.c_str(), &end);
    if (end != copy.c_str() + copy.size() || !std::isfinite(v)) return false;
    *out = v;
    return true;
}

bool ResolveDateBound(std::string_view bound, const CivilDate& today, CivilDate* out) {
    if (bound.rfind("today", 0) == 0) {
        std::string_view rest = bound.substr(5);
        long offset = 0;
        if (!rest.empty()) {
            if (rest[0] != '+' && rest[0] != '-') return false;
            const bool negative = rest[0] == '-';
            rest.remove_prefix(1);
            if (rest.empty() || rest.size() > 5) return false;
            for (char c : rest) {
                if (c < '0' || c > '9') return false;
                offset = offset * 10 + (c - '0');
            }
            if (negative) offset = -offset;
        }
        *out = CivilFromDays(DaysFromCivil(today.year, today.month, today.day) + offset);
        return true;
    }
    return ParseDate(bound, out);
}

static std::string FormatNumber(double v) {
    char buf[32];
    if (v == std::floor(v) && std::fabs(v) < 1e15) std::snprintf(buf, sizeof buf, "%.0f", v);
    else std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// [SECTION] Validation ------------------------------------------------------------------------

static bool IsEmptyValue(const FieldDef& field, const FormValue* value) {
    if (!value || value->kind == FormValue::Kind::none) return true;
    switch (field.type) {
        case FieldType::checkbox: return !value->checked;
        case FieldType::multi_choice: return value->list.empty();
        default: return Trim(value->text).empty();
    }
}

static bool HasOption(const FieldDef& field, std::string_view v) {
    for (const Choice& c : field.options)
        if (c.value == v) return true;
    return false;
}

static size_t DefaultMaxLength(const FieldDef& f) {
    if (f.max_length > 0) return static_cast<size_t>(f.max_length);
    return f.type == FieldType::long_text ? limits::kMaxLongText : limits::kMaxShortText;
}

// What is wrong with a text value holding `bad` (see FindForbiddenChar). C0 controls and DEL keep
// the messages forms have always shown; the characters refused since then are named.
static std::string FieldTextProblem(std::uint32_t bad, bool single_line) {
    const bool c0 = bad < 0x20 || bad == 0x7F;
    if (single_line && (c0 || bad == 0x2028 || bad == 0x2029)) return tr("Keep this to a single line.");
    if (c0 || bad == kInvalidUtf8) return tr("The text contains invalid characters.");
    // TRANSLATORS: {0} is what the text may not contain, e.g. "text-direction overrides (U+202E)".
    return Format(tr("The text can't contain {0}."), {DescribeForbiddenChar(bad)});
}

std::vector<FieldError> ValidateField(const FieldDef& field, const FormValue* value, const CivilDate& today) {
    std::vector<FieldError> errors;
    const std::string key = "values." + field.key;
    auto fail = [&](std::string message) { errors.push_back(FieldError{key, std::move(message)}); };

    if (IsEmptyValue(field, value)) {
        if (field.required) {
            if (field.type == FieldType::checkbox) fail(tr("Tick this box to continue."));
            else if (field.type == FieldType::single_choice) fail(tr("Choose an option."));
            else if (field.type == FieldType::multi_choice) fail(tr("Choose at least one option."));
            else fail(tr("This field is required."));
        }
        // A type mismatch on an empty value is still a mismatch (e.g. a list sent for a text field).
        if (value && value->kind != FormValue::Kind::none) {
            const bool kind_ok = field.type == FieldType::checkbox   ? value->kind == FormValue::Kind::boolean
                                 : field.type == FieldType::multi_choice ? value->kind == FormValue::Kind::list
                                                                         : value->kind == FormValue::Kind::text;
            if (!kind_ok && errors.empty()) fail(tr("This value has the wrong type."));
        }
        return errors;
    }

    switch (field.type) {
        case FieldType::short_text:
        case FieldType::long_text: {
            if (value->kind != FormValue::Kind::text) { fail(tr("Enter text.")); break; }
            const std::string_view text = Trim(value->text);
            if (const auto bad = FindForbiddenChar(text, field.type == FieldType::long_text)) {
                fail(FieldTextProblem(*bad, field.type == FieldType::short_text));
                break;
            }
            const size_t length = Utf8Length(text);
            const size_t max_length = DefaultMaxLength(field);
            if (length > max_length) {
                const long limit = static_cast<long>(max_length) + 1;
                // TRANSLATORS: {0} is the limit, {1} how many characters the text has now.
                fail(Format(trn("Keep this under {0} character ({1} now).", "Keep this under {0} characters ({1} now).", limit),
                            {std::to_string(limit), std::to_string(length)}));
                break;
            }
            if (field.min_length > 0 && length < static_cast<size_t>(field.min_length)) {
                fail(Format(trn("Write at least {0} character.", "Write at least {0} characters.", field.min_length),
                            {std::to_string(field.min_length)}));
                break;
            }
            if (!field.pattern.empty()) {
                const auto pattern = Pattern::Compile(field.pattern);
                if (!pattern || !pattern->FullMatch(text))
                    fail(field.pattern_message.empty() ? std::string(tr("This doesn't match the expected format.")) : field.pattern_message);
            }
            break;
        }
        case FieldType::single_choice:
            if (value->kind != FormValue::Kind::text || !HasOption(field, Trim(value->text))) fail(tr("Choose one of the listed options."));
            break;
        case FieldType::multi_choice: {
            if (value->kind != FormValue::Kind::list) { fail(tr("Choose from the listed options.")); break; }
            if (value->list.size() > limits::kMaxChoices) { fail(tr("Too many options chosen.")); break; }
            std::set<std::string_view> seen;
            for (const std::string& v : value->list) {
                if (!HasOption(field, v)) { fail(tr("Choose only from the listed options.")); return errors; }
                if (!seen.insert(v).second) { fail(tr("Each option can be chosen once.")); return errors; }
            }
            const double count = static_cast<double>(value->list.size());
            if (field.min && count < *field.min) {
                const long n = static_cast<long>(*field.min);
                fail(Format(trn("Choose at least {0} option.", "Choose at least {0} options.", n), {std::to_string(n)}));
            } else if (field.max && count > *field.max) {
                const long n = static_cast<long>(*field.max);
                fail(Format(trn("Choose at most {0} option.", "Choose at most {0} options.", n), {std::to_string(n)}));
            }
            break;
        }
        case FieldType::number: {
            double v = 0;
            // TRANSLATORS: keep "2.5" with a dot: the field accepts only a dot as the decimal separator.
            if (value->kind != FormValue::Kind::text || !ParseDecimal(value->text, &v)) { fail(tr("Enter a number, like 3 or 2.5.")); break; }
            if (field.integer && v != std::floor(v)) { fail(tr("Enter a whole number.")); break; }
            if (field.min && field.max && (v < *field.min || v > *field.max))
                fail(Format(tr("Enter a number from {0} to {1}."), {FormatNumber(*field.min), FormatNumber(*field.max)}));
            else if (field.min && v < *field.min) fail(Format(tr("Enter {0} or more."), {FormatNumber(*field.min)}));
            else if (field.max && v > *field.max) fail(Format(tr("Enter {0} or less."), {FormatNumber(*field.max)}));
            break;
        }
        case FieldType::date: {
            CivilDate d;
            // TRANSLATORS: the field accepts dates only in this form; keep "YYYY-MM-DD" (letters may be translated).
            if (value->kind != FormValue::Kind::text || !ParseDate(Trim(value->text), &d)) { fail(tr("Enter a date as YYYY-MM-DD.")); break; }
            const std::int64_t day = DaysFromCivil(d.year, d.month, d.day);
            CivilDate bound;
            if (!field.min_date.empty() && ResolveDateBound(field.min_date, today, &bound) &&
                day < DaysFromCivil(bound.year, bound.month, bound.day)) {
                // TRANSLATORS: {0} is a date, YYYY-MM-DD.
                fail(Format(tr("Choose {0} or later."), {FormatDate(bound)}));
            } else if (!field.max_date.empty() && ResolveDateBound(field.max_date, today, &bound) &&
                       day > DaysFromCivil(bound.year, bound.month, bound.day)) {
                // TRANSLATORS: {0} is a date, YYYY-MM-DD.
                fail(Format(tr("Choose {0} or earlier."), {FormatDate(bound)}));
            }
            break;
        }
        case FieldType::checkbox:
            if (value->kind != FormValue::Kind::boolean) fail(tr("This value has the wrong type."));
            break;
    }
    return errors;
}

std::vector<FieldError> ValidateDraft(const CatalogItem& item, const RequestDraft& draft, const CivilDate& today) {
    std::vector<FieldError> errors;
    const std::string_view summary = Trim(draft.summary);
    if (std::string problem = PlainTextProblemAs(summary, false, tr("The summary can't contain {0}.")); !problem.empty())
        errors.push_back({"summary", std::move(problem)});
    else if (Utf8Length(summary) > limits::kMaxSummary)
        errors.push_back({"summary", Plural("Keep the summary under {0} character.", "Keep the summary under {0} characters.",
                                            static_cast<long>(limits::kMaxSummary + 1))});
    const std::string_view description = Trim(draft.description);
    if (std::string problem = PlainTextProblemAs(description, true, tr("The description can't contain {0}.")); !problem.empty())
        errors.push_back({"description", std::move(problem)});
    else if (Utf8Length(description) > limits::kMaxDescription)
        errors.push_back({"description", Format(trn("Keep the description under {0} character.", "Keep the description under {0} characters.",
                                                    static_cast<long>(limits::kMaxDescription + 1)),
                                                {std::to_string(limits::kMaxDescription + 1)})});
    if (draft.urgency && !item.ask_urgency)
        errors.push_back({"urgency", tr("This request type doesn't take an urgency.")});

    for (const auto& [key, value] : draft.values) {
        if (!FindField(item, key))
            errors.push_back({"values." + key, Format(tr("This form has no field called '{0}'."), {key.substr(0, 40)})});
        (void)value;
    }
    for (const FieldDef& field : item.fields) {
        if (!IsFieldVisible(item, field, draft.values)) continue;
        auto it = draft.values.find(field.key);
        auto field_errors = ValidateField(field, it == draft.values.end() ? nullptr : &it->second, today);
        errors.insert(errors.end(), field_errors.begin(), field_errors.end());
    }
    return errors;
}

FormValues NormalizeValues(const CatalogItem& item, const FormValues& values) {
    FormValues out;
    for (const FieldDef& field : item.fields) {
        auto it = values.find(field.key);
        if (it == values.end() || !IsFieldVisible(item, field, values)) continue;
        FormValue v = it->second;
        v.text = std::string(Trim(v.text));
        if (IsEmptyValue(field, &v) && field.type != FieldType::checkbox) continue;
        out[field.key] = std::move(v);
    }
    return out;
}

std::vector<FieldError> ValidateCatalogItem(const CatalogItem& item) {
    std::vector<FieldError> errors;
    auto fail = [&](std::string field, std::string message) { errors.push_back({std::move(field), std::move(message)}); };
    if (Trim(item.title).empty()) fail("title", tr("An item needs a title."));
    if (item.department.empty()) fail("department", tr("An item needs a department."));
    if (item.fields.size() > limits::kMaxFormFields)
        fail("fields", Plural("An item can have at most {0} field.", "An item can have at most {0} fields.",
                              static_cast<long>(limits::kMaxFormFields)));
    std::set<std::string> keys;
    for (const FieldDef& f : item.fields) {
        const std::string where = "fields." + f.key;
        bool key_ok = !f.key.empty() && f.key.size() <= 40 && f.key[0] >= 'a' && f.key[0] <= 'z';
        for (char c : f.key) key_ok = key_ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
        // TRANSLATORS: a catalog item definition is wrong (for whoever writes the catalog); keep lower_snake_case.
        if (!key_ok) fail(where, Plural("Field keys are lower_snake_case, up to {0} character.",
                                        "Field keys are lower_snake_case, up to {0} characters.", 40));
        // TRANSLATORS: {0} is a field key ("laptop_model").
        if (Trim(f.label).empty()) fail(where, Format(tr("Field '{0}' needs a label."), {f.key}));
        const bool is_choice = f.type == FieldType::single_choice || f.type == FieldType::multi_choice;
        // TRANSLATORS: {0} is a field key ("laptop_model").
        if (is_choice && f.options.empty()) fail(where, Format(tr("Choice field '{0}' needs options."), {f.key}));
        std::set<std::string> option_values;
        for (const Choice& c : f.options)
            if (c.value.empty() || !option_values.insert(c.value).second)
                // TRANSLATORS: {0} is a field key ("laptop_model").
                fail(where, Format(tr("Field '{0}' has an empty or repeated option value."), {f.key}));
        if (!f.pattern.empty()) {
            std::string why;
            if (f.type != FieldType::short_text) fail(where, tr("Only short text fields take a pattern."));
            // TRANSLATORS: {0} is a field key ("laptop_model"), {1} what is wrong with its pattern.
            else if (!Pattern::Compile(f.pattern, &why)) fail(where, Format(tr("Field '{0}': {1}"), {f.key, why}));
        }
        // TRANSLATORS: {0} is a field key ("laptop_model"); keep "min" and "max" (the definition's keys).
        if (f.min && f.max && *f.min > *f.max) fail(where, Format(tr("Field '{0}' has min above max."), {f.key}));
        CivilDate probe;
        const CivilDate today{2000, 1, 1};
        if (!f.min_date.empty() && !ResolveDateBound(f.min_date, today, &probe))
            // TRANSLATORS: {0} is a field key ("laptop_model"); keep "min_date" (the definition's key).
            fail(where, Format(tr("Field '{0}' has a bad min_date."), {f.key}));
        if (!f.max_date.empty() && !ResolveDateBound(f.max_date, today, &probe))
            // TRANSLATORS: {0} is a field key ("laptop_model"); keep "max_date" (the definition's key).
            fail(where, Format(tr("Field '{0}' has a bad max_date."), {f.key}));
        if (f.visible_when) {
            // Only earlier fields may control visibility: no cycles, and the form reads top-down.
            const FieldDef* controller = keys.count(f.visible_when->field) ? FindField(item, f.visible_when->field) : nullptr;
            if (!controller)
                // TRANSLATORS: {0} and {1} are field keys ("laptop_model").
                fail(where, Format(tr("Field '{0}' depends on '{1}', which must come earlier."), {f.key, f.visible_when->field}));
            else if ((controller->type == FieldType::single_choice || controller->type == FieldType::multi_choice) &&
                     !HasOption(*controller, f.visible_when->equals))
                // TRANSLATORS: {0} and {2} are field keys ("laptop_model"), {1} an option value.
                fail(where, Format(tr("Field '{0}' waits for a value '{1}' that '{2}' never offers."),
                                   {f.key, f.visible_when->equals, controller->key}));
            else if (controller->type == FieldType::checkbox && f.visible_when->equals != "true" && f.visible_when->equals != "false")
                // TRANSLATORS: {0} and {1} are field keys ("laptop_model"); keep "true" and "false" (the values).
                fail(where, Format(tr("Field '{0}' must wait for \"true\" or \"false\" from checkbox '{1}'."), {f.key, controller->key}));
        }
        // TRANSLATORS: {0} is a field key ("laptop_model").
        if (!keys.insert(f.key).second) fail(where, Format(tr("Field key '{0}' is used twice."), {f.key}));
    }
    for (FieldError& e : approval::ValidatePolicy(item.approval, item)) errors.push_back(std::move(e));
    return errors;
}

std::vector<std::pair<std::string, std::string>> DescribeValues(const CatalogItem& item, const FormValues& values) {
    std::vector<std::pair<std::string, std::string>> lines;
    auto label_of = [](const FieldDef& f, const std::string& v) {
        for (const Choice& c : f.options)
            if (c.value == v) return c.label;
        return v;
    };
    for (const FieldDef& f : item.fields) {
        auto it = values.find(f.key);
        if (it == values.end()) continue;
        const FormValue& v = it->second;
        std::string text;
        switch (f.type) {
            case FieldType::checkbox: text = v.checked ? tr("Yes") : tr("No"); break;
            case FieldType::single_choice: text = label_of(f, v.text); break;
            case FieldType::multi_choice:
                for (const std::string& choice : v.list) text += (text.empty() ? "" : ", ") + label_of(f, choice);
                break;
            default: text = v.text; break;
        }
        if (!text.empty()) lines.emplace_back(f.label, std::move(text));
    }
    return lines;
}

}  // namespace spoc
