// Tests for shared/domain/catalog.h, built around a realistic "New laptop" catalog item:
// conditional visibility (chains, checkbox and multi-choice controllers), per-field validation
// for every field type, whole-draft validation, normalization of stored values, defaults,
// decimal and date-bound parsing, definition checks and the human-readable summary.
#include "shared/domain/catalog.h"

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "shared/domain/limits.h"

using spoc::CatalogItem;
using spoc::CivilDate;
using spoc::FieldDef;
using spoc::FieldError;
using spoc::FieldType;
using spoc::FormValue;
using spoc::FormValues;
using spoc::RequestDraft;

namespace {

const CivilDate kToday{2026, 3, 10};

std::string Repeat(std::string_view unit, size_t count) {
    std::string out;
    out.reserve(unit.size() * count);
    for (size_t i = 0; i < count; ++i) out += unit;
    return out;
}

FieldDef Field(std::string key, std::string label, FieldType type, bool required = false) {
    FieldDef f;
    f.key = std::move(key);
    f.label = std::move(label);
    f.type = type;
    f.required = required;
    return f;
}

// The "New laptop" item of the IT catalog, with every kind of field and rule.
CatalogItem LaptopItem() {
    CatalogItem item;
    item.id = spoc::CatalogItemId(7);
    item.department = "IT";
    item.category = "Hardware";
    item.title = "New laptop";
    item.summary = "Request a new or replacement laptop.";
    item.icon = "laptop";
    item.requires_approval = true;

    FieldDef model = Field("model", "Laptop model", FieldType::single_choice, true);
    model.options = {{"mbp14", "MacBook Pro 14\""}, {"xps13", "Dell XPS 13"}, {"t14", "ThinkPad T14"}};
    item.fields.push_back(model);

    FieldDef reason = Field("reason", "Reason", FieldType::single_choice, true);
    reason.options = {{"new_starter", "New starter"}, {"replacement", "Replacement"}, {"broken", "Broken"}};
    item.fields.push_back(reason);

    FieldDef tag = Field("old_asset_tag", "Old asset tag", FieldType::short_text, true);
    tag.pattern = "[A-Z]{2}-[0-9]{4,6}";
    tag.pattern_message = "Use the form AB-1234.";
    tag.placeholder = "AB-1234";
    tag.visible_when = spoc::VisibleWhen{"reason", "replacement"};
    item.fields.push_back(tag);

    FieldDef return_old = Field("return_old", "Return old laptop by courier", FieldType::checkbox);
    return_old.visible_when = spoc::VisibleWhen{"reason", "replacement"};
    item.fields.push_back(return_old);

    FieldDef courier = Field("courier_date", "Courier pickup date", FieldType::date, true);
    courier.visible_when = spoc::VisibleWhen{"return_old", "true"};  // chain: reason -> return_old -> courier_date
    item.fields.push_back(courier);

    FieldDef needed_by = Field("needed_by", "Needed by", FieldType::date, true);
    needed_by.min_date = "today+1";
    needed_by.max_date = "today+180";
    item.fields.push_back(needed_by);

    FieldDef quantity = Field("quantity", "Quantity", FieldType::number, true);
    quantity.integer = true;
    quantity.min = 1;
    quantity.max = 5;
    quantity.default_value = "1";
    item.fields.push_back(quantity);

    FieldDef accessories = Field("accessories", "Accessories", FieldType::multi_choice);
    accessories.options = {{"dock", "Docking station"}, {"mouse", "Mouse"}, {"keyboard", "Keyboard"},
                           {"headset", "Headset"}, {"bag", "Laptop bag"}};
    accessories.max = 3;
    item.fields.push_back(accessories);

    FieldDef dock_type = Field("dock_type", "Dock type", FieldType::single_choice, true);
    dock_type.options = {{"usb_c", "USB-C"}, {"thunderbolt", "Thunderbolt"}};
    dock_type.visible_when = spoc::VisibleWhen{"accessories", "dock"};
    item.fields.push_back(dock_type);

    FieldDef standard_image = Field("standard_image", "Install the standard image", FieldType::checkbox);
    standard_image.default_value = "true";
    item.fields.push_back(standard_image);

    FieldDef image_notes = Field("image_notes", "Software you need instead", FieldType::long_text, true);
    image_notes.visible_when = spoc::VisibleWhen{"standard_image", "false"};
    item.fields.push_back(image_notes);

    FieldDef justification = Field("justification", "Business justification", FieldType::long_text, true);
    justification.min_length = 20;
    justification.help = "Why do you need this laptop?";
    item.fields.push_back(justification);

    FieldDef agree = Field("agree", "I will look after this equipment", FieldType::checkbox, true);
    item.fields.push_back(agree);
    return item;
}

// An incident item that asks the employee how urgent it is.
CatalogItem OutageItem() {
    CatalogItem item;
    item.id = spoc::CatalogItemId(9);
    item.department = "IT";
    item.title = "Report an outage";
    item.type = spoc::RequestType::incident;
    item.ask_urgency = true;
    item.fields.push_back(Field("service", "Affected service", FieldType::short_text, true));
    return item;
}

const FieldDef& Def(const CatalogItem& item, std::string_view key) {
    const FieldDef* f = spoc::FindField(item, key);
    REQUIRE_MESSAGE(f != nullptr, "no field " << std::string(key));
    return *f;
}

// A complete, valid draft for the laptop item.
FormValues ValidLaptopValues() {
    FormValues v;
    v["model"] = FormValue::Text("mbp14");
    v["reason"] = FormValue::Text("new_starter");
    v["needed_by"] = FormValue::Text("2026-04-01");
    v["quantity"] = FormValue::Text("2");
    v["accessories"] = FormValue::List({"mouse", "keyboard"});
    v["standard_image"] = FormValue::Bool(true);
    v["justification"] = FormValue::Text("Joining the finance team on April 1st.");
    v["agree"] = FormValue::Bool(true);
    return v;
}

RequestDraft LaptopDraft() {
    RequestDraft d;
    d.catalog_item_id = spoc::CatalogItemId(7);
    d.summary = "Laptop for Emma";
    d.values = ValidLaptopValues();
    return d;
}

// Validates one value against one field of the laptop item (or a given field).
std::vector<FieldError> Check(const FieldDef& field, const FormValue& value, const CivilDate& today = kToday) {
    return spoc::ValidateField(field, &value, today);
}

// The single error message, or "" when the value is fine. Fails the test on more than one.
std::string Message(const std::vector<FieldError>& errors) {
    REQUIRE(errors.size() <= 1);
    return errors.empty() ? std::string() : errors[0].message;
}

std::string OneError(const FieldDef& field, const FormValue& value, const CivilDate& today = kToday) {
    const auto errors = Check(field, value, today);
    if (!errors.empty()) CHECK(errors[0].field == "values." + field.key);
    return Message(errors);
}

std::string MissingError(const FieldDef& field) { return Message(spoc::ValidateField(field, nullptr, kToday)); }

bool HasErrorFor(const std::vector<FieldError>& errors, std::string_view field) {
    for (const FieldError& e : errors)
        if (e.field == field) return true;
    return false;
}

std::string ErrorsText(const std::vector<FieldError>& errors) {
    std::string out;
    for (const FieldError& e : errors) out += e.field + ": " + e.message + "\n";
    return out;
}

bool Contains(const std::string& haystack, std::string_view needle) { return haystack.find(needle) != std::string::npos; }

bool SameValue(const FormValue& a, const FormValue& b) {
    return a.kind == b.kind && a.text == b.text && a.checked == b.checked && a.list == b.list;
}

bool SameValues(const FormValues& a, const FormValues& b) {
    if (a.size() != b.size()) return false;
    for (const auto& [key, value] : a) {
        auto it = b.find(key);
        if (it == b.end() || !SameValue(value, it->second)) return false;
    }
    return true;
}

bool Visible(const CatalogItem& item, std::string_view key, const FormValues& values) {
    return spoc::IsFieldVisible(item, Def(item, key), values);
}

}  // namespace

// [SECTION] Names and visibility -------------------------------------------------------------

TEST_CASE("catalog: field type names round trip") {
    const FieldType types[] = {FieldType::short_text, FieldType::long_text, FieldType::single_choice,
                               FieldType::multi_choice, FieldType::number, FieldType::date, FieldType::checkbox};
    const char* names[] = {"short_text", "long_text", "single_choice", "multi_choice", "number", "date", "checkbox"};
    for (int i = 0; i < 7; ++i) {
        CHECK(spoc::FieldTypeName(types[i]) == names[i]);
        FieldType back = FieldType::checkbox;
        REQUIRE(spoc::ParseFieldType(names[i], &back));
        CHECK(back == types[i]);
    }
    FieldType out = FieldType::date;
    for (const char* bad : {"", "text", "Short_text", "short-text", "choice", "bool", "integer"})
        CHECK_FALSE(spoc::ParseFieldType(bad, &out));
    CHECK(out == FieldType::date);
}

TEST_CASE("catalog: the laptop item definition is itself valid") {
    const auto errors = spoc::ValidateCatalogItem(LaptopItem());
    CHECK_MESSAGE(errors.empty(), ErrorsText(errors));
    CHECK(spoc::ValidateCatalogItem(OutageItem()).empty());
    CHECK(spoc::FindField(LaptopItem(), "nope") == nullptr);
    CHECK(spoc::FindField(LaptopItem(), "") == nullptr);
}

TEST_CASE("catalog: a field is hidden until its controller equals the value") {
    const CatalogItem item = LaptopItem();
    FormValues v;
    CHECK_FALSE(Visible(item, "old_asset_tag", v));
    v["reason"] = FormValue::Text("new_starter");
    CHECK_FALSE(Visible(item, "old_asset_tag", v));
    v["reason"] = FormValue::Text("replacement");
    CHECK(Visible(item, "old_asset_tag", v));
    v["reason"] = FormValue::Text("  replacement ");  // compared trimmed
    CHECK(Visible(item, "old_asset_tag", v));
    v["reason"] = FormValue::Text("Replacement");  // values are case-sensitive
    CHECK_FALSE(Visible(item, "old_asset_tag", v));
    v["reason"] = FormValue::List({"replacement"});  // wrong kind never matches a single choice
    CHECK_FALSE(Visible(item, "old_asset_tag", v));
    v["reason"] = FormValue{};
    CHECK_FALSE(Visible(item, "old_asset_tag", v));
    // Fields without a condition are always visible.
    CHECK(Visible(item, "model", {}));
    CHECK(Visible(item, "agree", {}));
}

TEST_CASE("catalog: visibility chains through every controller") {
    const CatalogItem item = LaptopItem();
    FormValues v;
    v["reason"] = FormValue::Text("replacement");
    CHECK(Visible(item, "return_old", v));
    CHECK_FALSE(Visible(item, "courier_date", v));  // return_old absent = unticked
    v["return_old"] = FormValue::Bool(false);
    CHECK_FALSE(Visible(item, "courier_date", v));
    v["return_old"] = FormValue::Bool(true);
    CHECK(Visible(item, "courier_date", v));
    // The middle of the chain is hidden: its stale "true" must not reveal the last field.
    v["reason"] = FormValue::Text("broken");
    CHECK_FALSE(Visible(item, "return_old", v));
    CHECK_FALSE(Visible(item, "courier_date", v));
    v.erase("reason");
    CHECK_FALSE(Visible(item, "courier_date", v));
}

TEST_CASE("catalog: checkbox controllers compare as \"true\"/\"false\"") {
    const CatalogItem item = LaptopItem();
    FormValues v;
    CHECK(Visible(item, "image_notes", v));  // an absent checkbox counts as unticked
    v["standard_image"] = FormValue::Bool(true);
    CHECK_FALSE(Visible(item, "image_notes", v));
    v["standard_image"] = FormValue::Bool(false);
    CHECK(Visible(item, "image_notes", v));
    v["standard_image"] = FormValue::Text("true");  // wrong kind: not ticked
    CHECK(Visible(item, "image_notes", v));
    // With the defaults, the standard image is ticked and the notes are hidden.
    CHECK_FALSE(Visible(item, "image_notes", spoc::DefaultFormValues(item)));
}

TEST_CASE("catalog: multi-choice controllers match when the value is among the choices") {
    const CatalogItem item = LaptopItem();
    FormValues v;
    CHECK_FALSE(Visible(item, "dock_type", v));
    v["accessories"] = FormValue::List({});
    CHECK_FALSE(Visible(item, "dock_type", v));
    v["accessories"] = FormValue::List({"mouse", "bag"});
    CHECK_FALSE(Visible(item, "dock_type", v));
    v["accessories"] = FormValue::List({"mouse", "dock"});
    CHECK(Visible(item, "dock_type", v));
    v["accessories"] = FormValue::List({"dock"});
    CHECK(Visible(item, "dock_type", v));
    v["accessories"] = FormValue::List({"docking"});
    CHECK_FALSE(Visible(item, "dock_type", v));
    v["accessories"] = FormValue::Text("dock");  // wrong kind
    CHECK_FALSE(Visible(item, "dock_type", v));
}

TEST_CASE("catalog: visibility with a broken definition neither hangs nor shows orphans") {
    CatalogItem item;
    item.title = "Broken";
    item.department = "IT";
    FieldDef a = Field("a", "A", FieldType::short_text);
    a.visible_when = spoc::VisibleWhen{"b", "x"};
    FieldDef b = Field("b", "B", FieldType::short_text);
    b.visible_when = spoc::VisibleWhen{"a", "x"};
    FieldDef orphan = Field("orphan", "Orphan", FieldType::short_text);
    orphan.visible_when = spoc::VisibleWhen{"missing", "x"};
    item.fields = {a, b, orphan};
    FormValues v{{"a", FormValue::Text("x")}, {"b", FormValue::Text("x")}};
    (void)spoc::IsFieldVisible(item, item.fields[0], v);  // must terminate
    CHECK_FALSE(spoc::IsFieldVisible(item, item.fields[0], {}));
    CHECK_FALSE(spoc::IsFieldVisible(item, item.fields[2], v));
    CHECK_FALSE(spoc::ValidateCatalogItem(item).empty());
}

// [SECTION] ValidateField, type by type --------------------------------------------------------

TEST_CASE("catalog: short text with pattern and message") {
    const CatalogItem item = LaptopItem();
    const FieldDef& tag = Def(item, "old_asset_tag");
    CHECK(OneError(tag, FormValue::Text("AB-1234")) == "");
    CHECK(OneError(tag, FormValue::Text("ZX-123456")) == "");
    CHECK(OneError(tag, FormValue::Text("  AB-1234  ")) == "");  // trimmed first
    CHECK(OneError(tag, FormValue::Text("AB-1234\n")) == "");    // trailing newline is whitespace
    CHECK(OneError(tag, FormValue::Text("ab-1234")) == "Use the form AB-1234.");
    CHECK(OneError(tag, FormValue::Text("AB-123")) == "Use the form AB-1234.");
    CHECK(OneError(tag, FormValue::Text("AB-1234567")) == "Use the form AB-1234.");
    CHECK(OneError(tag, FormValue::Text("xAB-1234")) == "Use the form AB-1234.");  // whole value must match
    CHECK(OneError(tag, FormValue::Text("AB-1234x")) == "Use the form AB-1234.");
    CHECK(OneError(tag, FormValue::Text("ÄB-1234")) == "Use the form AB-1234.");

    FieldDef no_message = tag;
    no_message.pattern_message.clear();
    CHECK(OneError(no_message, FormValue::Text("nope")) == "This doesn't match the expected format.");
}

TEST_CASE("catalog: short text rejects control characters and invalid UTF-8") {
    const FieldDef text = Field("service", "Service", FieldType::short_text, true);
    CHECK(OneError(text, FormValue::Text("Payroll\tsystem")) == "");  // tab is allowed
    CHECK(OneError(text, FormValue::Text("two\nlines")) == "Keep this to a single line.");
    CHECK(OneError(text, FormValue::Text("two\rlines")) == "Keep this to a single line.");
    CHECK(OneError(text, FormValue::Text("bell\x07")) == "Keep this to a single line.");
    CHECK(OneError(text, FormValue::Text(std::string("nul\0x", 5))) == "Keep this to a single line.");
    CHECK(OneError(text, FormValue::Text("del\x7f")) == "Keep this to a single line.");
    CHECK(OneError(text, FormValue::Text("bad \xff byte")) == "The text contains invalid characters.");
    CHECK(OneError(text, FormValue::Text("overlong \xc0\xaf")) == "The text contains invalid characters.");
    CHECK(OneError(text, FormValue::Text("surrogate \xed\xa0\x80")) == "The text contains invalid characters.");
    CHECK(OneError(text, FormValue::Text("cut \xe2\x82")) == "The text contains invalid characters.");
}

TEST_CASE("catalog: text lengths count code points") {
    FieldDef text = Field("name", "Name", FieldType::short_text);
    CHECK(OneError(text, FormValue::Text(Repeat("a", spoc::limits::kMaxShortText))) == "");
    CHECK(OneError(text, FormValue::Text(Repeat("a", spoc::limits::kMaxShortText + 1))) ==
          "Keep this under 201 characters (201 now).");
    CHECK(OneError(text, FormValue::Text(Repeat("é", spoc::limits::kMaxShortText))) == "");  // 400 bytes

    text.max_length = 5;
    CHECK(OneError(text, FormValue::Text("ééééé")) == "");
    CHECK(OneError(text, FormValue::Text("😀😀😀😀😀")) == "");  // 20 bytes, 5 code points
    CHECK(OneError(text, FormValue::Text("éééééé")) == "Keep this under 6 characters (6 now).");
    CHECK(OneError(text, FormValue::Text("  abcde  ")) == "");  // surrounding spaces are not counted

    text.max_length = 0;
    text.min_length = 3;
    CHECK(OneError(text, FormValue::Text("éé")) == "Write at least 3 characters.");
    CHECK(OneError(text, FormValue::Text("ééé")) == "");
    CHECK(OneError(text, FormValue::Text("  ab  ")) == "Write at least 3 characters.");
    CHECK(OneError(text, FormValue::Text("")) == "");  // min_length applies only when not empty
    text.min_length = 1;
    CHECK(OneError(text, FormValue::Text("a")) == "");

    const CatalogItem item = LaptopItem();
    const FieldDef& justification = Def(item, "justification");
    CHECK(OneError(justification, FormValue::Text(Repeat("é", 19))) == "Write at least 20 characters.");
    CHECK(OneError(justification, FormValue::Text(Repeat("é", 20))) == "");
    CHECK(OneError(justification, FormValue::Text(Repeat("x", spoc::limits::kMaxLongText))) == "");
    CHECK(OneError(justification, FormValue::Text(Repeat("x", spoc::limits::kMaxLongText + 1))) ==
          "Keep this under 4001 characters (4001 now).");
}

TEST_CASE("catalog: long text allows newlines but not other controls") {
    const CatalogItem item = LaptopItem();
    const FieldDef& justification = Def(item, "justification");
    CHECK(OneError(justification, FormValue::Text("Line one is here.\nLine two\r\nand\tthree.")) == "");
    CHECK(OneError(justification, FormValue::Text("Twenty characters and a bell\x07")) ==
          "The text contains invalid characters.");
    CHECK(OneError(justification, FormValue::Text("Twenty characters and an escape \x1b[31m")) ==
          "The text contains invalid characters.");
    CHECK(OneError(justification, FormValue::Text("Twenty characters and bad \xff")) ==
          "The text contains invalid characters.");
}

TEST_CASE("catalog: empty required fields and wrong kinds") {
    const CatalogItem item = LaptopItem();
    // Missing / empty values on required fields: one message per field type.
    CHECK(MissingError(Def(item, "old_asset_tag")) == "This field is required.");
    CHECK(MissingError(Def(item, "justification")) == "This field is required.");
    CHECK(MissingError(Def(item, "needed_by")) == "This field is required.");
    CHECK(MissingError(Def(item, "quantity")) == "This field is required.");
    CHECK(MissingError(Def(item, "model")) == "Choose an option.");
    CHECK(MissingError(Def(item, "agree")) == "Tick this box to continue.");
    FieldDef required_multi = Def(item, "accessories");
    required_multi.required = true;
    CHECK(MissingError(required_multi) == "Choose at least one option.");
    CHECK(OneError(required_multi, FormValue::List({})) == "Choose at least one option.");
    CHECK(OneError(Def(item, "old_asset_tag"), FormValue::Text("")) == "This field is required.");
    CHECK(OneError(Def(item, "old_asset_tag"), FormValue::Text(" \t\n ")) == "This field is required.");
    CHECK(OneError(Def(item, "old_asset_tag"), FormValue{}) == "This field is required.");
    CHECK(OneError(Def(item, "agree"), FormValue::Bool(false)) == "Tick this box to continue.");

    // Optional fields accept missing and empty values.
    CHECK(MissingError(Def(item, "accessories")) == "");
    CHECK(MissingError(Def(item, "return_old")) == "");
    CHECK(OneError(Def(item, "accessories"), FormValue::List({})) == "");
    CHECK(OneError(Def(item, "return_old"), FormValue::Bool(false)) == "");
    CHECK(OneError(Def(item, "return_old"), FormValue{}) == "");
    const FieldDef optional_text = Field("note", "Note", FieldType::short_text);
    CHECK(OneError(optional_text, FormValue::Text("")) == "");

    // Wrong kinds are reported, even when the wrong-kind value looks empty.
    CHECK(OneError(optional_text, FormValue::Bool(true)) == "This value has the wrong type.");
    CHECK(OneError(optional_text, FormValue::List({"a"})) == "This value has the wrong type.");
    CHECK(OneError(Def(item, "return_old"), FormValue::Text("true")) == "This value has the wrong type.");
    CHECK(OneError(Def(item, "return_old"), FormValue::List({"true"})) == "This value has the wrong type.");
    CHECK(OneError(Def(item, "accessories"), FormValue::Text("mouse")) == "This value has the wrong type.");
    CHECK(OneError(Def(item, "accessories"), FormValue::Bool(true)) == "This value has the wrong type.");
    FieldDef optional_choice = Def(item, "model");
    optional_choice.required = false;
    CHECK(OneError(optional_choice, FormValue::List({"mbp14"})) == "This value has the wrong type.");
    FieldDef optional_number = Def(item, "quantity");
    optional_number.required = false;
    CHECK(OneError(optional_number, FormValue::Bool(true)) == "This value has the wrong type.");
    FieldDef optional_date = Def(item, "needed_by");
    optional_date.required = false;
    CHECK(OneError(optional_date, FormValue::List({"2026-04-01"})) == "This value has the wrong type.");

    // On required fields, a wrong kind is never accepted (it reads as empty).
    CHECK_FALSE(Check(Def(item, "model"), FormValue::List({"mbp14"})).empty());
    CHECK_FALSE(Check(Def(item, "quantity"), FormValue::Bool(true)).empty());
    CHECK_FALSE(Check(Def(item, "agree"), FormValue::Text("true")).empty());
    CHECK_FALSE(Check(Def(item, "justification"), FormValue::List({Repeat("x", 30)})).empty());
}

TEST_CASE("catalog: single choice accepts only option values") {
    const CatalogItem item = LaptopItem();
    const FieldDef& model = Def(item, "model");
    CHECK(OneError(model, FormValue::Text("mbp14")) == "");
    CHECK(OneError(model, FormValue::Text(" t14 ")) == "");
    CHECK(OneError(model, FormValue::Text("MBP14")) == "Choose one of the listed options.");
    CHECK(OneError(model, FormValue::Text("MacBook Pro 14\"")) == "Choose one of the listed options.");  // a label
    CHECK(OneError(model, FormValue::Text("mbp14,xps13")) == "Choose one of the listed options.");
}

TEST_CASE("catalog: multi choice limits and duplicates") {
    const CatalogItem item = LaptopItem();
    const FieldDef& accessories = Def(item, "accessories");
    CHECK(OneError(accessories, FormValue::List({"dock"})) == "");
    CHECK(OneError(accessories, FormValue::List({"dock", "mouse", "bag"})) == "");
    CHECK(OneError(accessories, FormValue::List({"dock", "mouse", "bag", "headset"})) == "Choose at most 3 options.");
    CHECK(OneError(accessories, FormValue::List({"dock", "dock"})) == "Each option can be chosen once.");
    CHECK(OneError(accessories, FormValue::List({"mouse", "Mouse"})) == "Choose only from the listed options.");
    CHECK(OneError(accessories, FormValue::List({"laser"})) == "Choose only from the listed options.");
    CHECK(OneError(accessories, FormValue::List({""})) == "Choose only from the listed options.");
    std::vector<std::string> many(spoc::limits::kMaxChoices + 1, "mouse");
    CHECK(OneError(accessories, FormValue::List(many)) == "Too many options chosen.");

    FieldDef at_least_two = accessories;
    at_least_two.min = 2;
    at_least_two.max = 4;
    CHECK(OneError(at_least_two, FormValue::List({"dock"})) == "Choose at least 2 options.");
    CHECK(OneError(at_least_two, FormValue::List({"dock", "mouse"})) == "");
    CHECK(OneError(at_least_two, FormValue::List({"dock", "mouse", "bag", "headset"})) == "");
    FieldDef at_most_one = accessories;
    at_most_one.max = 1;
    CHECK(OneError(at_most_one, FormValue::List({"dock", "mouse"})) == "Choose at most 1 option.");
}

TEST_CASE("catalog: number fields check decimals, integers and bounds") {
    const CatalogItem item = LaptopItem();
    const FieldDef& quantity = Def(item, "quantity");  // integer, 1..5
    CHECK(OneError(quantity, FormValue::Text("1")) == "");
    CHECK(OneError(quantity, FormValue::Text("5")) == "");
    CHECK(OneError(quantity, FormValue::Text(" 3 ")) == "");
    CHECK(OneError(quantity, FormValue::Text("3.0")) == "");  // JSON numbers can arrive as 3.0
    CHECK(OneError(quantity, FormValue::Text("+2")) == "");
    CHECK(OneError(quantity, FormValue::Text("2.5")) == "Enter a whole number.");
    CHECK(OneError(quantity, FormValue::Text("0")) == "Enter a number from 1 to 5.");
    CHECK(OneError(quantity, FormValue::Text("6")) == "Enter a number from 1 to 5.");
    CHECK(OneError(quantity, FormValue::Text("-1")) == "Enter a number from 1 to 5.");
    CHECK(OneError(quantity, FormValue::Text("abc")) == "Enter a number, like 3 or 2.5.");
    CHECK(OneError(quantity, FormValue::Text("1e3")) == "Enter a number, like 3 or 2.5.");
    CHECK(OneError(quantity, FormValue::Text("3 laptops")) == "Enter a number, like 3 or 2.5.");
    CHECK(OneError(quantity, FormValue::Text("1e+300")) == "Enter a number, like 3 or 2.5.");

    FieldDef budget = Field("budget", "Budget", FieldType::number);
    budget.min = 0.5;
    budget.max = 2.5;
    CHECK(OneError(budget, FormValue::Text("2.5")) == "");
    CHECK(OneError(budget, FormValue::Text("0.5")) == "");
    CHECK(OneError(budget, FormValue::Text("1.75")) == "");
    CHECK(OneError(budget, FormValue::Text("2.51")) == "Enter a number from 0.5 to 2.5.");
    CHECK(OneError(budget, FormValue::Text("0.49")) == "Enter a number from 0.5 to 2.5.");

    FieldDef min_only = Field("seats", "Seats", FieldType::number);
    min_only.min = 1;
    CHECK(OneError(min_only, FormValue::Text("0")) == "Enter 1 or more.");
    CHECK(OneError(min_only, FormValue::Text("100000")) == "");
    FieldDef max_only = Field("hours", "Hours", FieldType::number);
    max_only.max = 40;
    CHECK(OneError(max_only, FormValue::Text("40.5")) == "Enter 40 or less.");
    CHECK(OneError(max_only, FormValue::Text("-3")) == "");
    FieldDef unbounded = Field("any", "Any", FieldType::number);
    CHECK(OneError(unbounded, FormValue::Text("-123456789012.5")) == "");
}

TEST_CASE("catalog: date fields resolve bounds against the given today") {
    const CatalogItem item = LaptopItem();
    const FieldDef& needed_by = Def(item, "needed_by");  // today+1 .. today+180
    CHECK(OneError(needed_by, FormValue::Text("2026-03-11")) == "");
    CHECK(OneError(needed_by, FormValue::Text("2026-09-06")) == "");
    CHECK(OneError(needed_by, FormValue::Text(" 2026-06-01 ")) == "");
    CHECK(OneError(needed_by, FormValue::Text("2026-03-10")) == "Choose 2026-03-11 or later.");
    CHECK(OneError(needed_by, FormValue::Text("1999-01-01")) == "Choose 2026-03-11 or later.");
    CHECK(OneError(needed_by, FormValue::Text("2026-09-07")) == "Choose 2026-09-06 or earlier.");
    CHECK(OneError(needed_by, FormValue::Text("2026-3-11")) == "Enter a date as YYYY-MM-DD.");
    CHECK(OneError(needed_by, FormValue::Text("2026-02-30")) == "Enter a date as YYYY-MM-DD.");
    CHECK(OneError(needed_by, FormValue::Text("11/03/2026")) == "Enter a date as YYYY-MM-DD.");
    CHECK(OneError(needed_by, FormValue::Text("today+3")) == "Enter a date as YYYY-MM-DD.");

    // The same value against a different "today".
    CHECK(OneError(needed_by, FormValue::Text("2026-03-11"), CivilDate{2026, 3, 11}) == "Choose 2026-03-12 or later.");
    CHECK(OneError(needed_by, FormValue::Text("2027-01-01"), CivilDate{2026, 12, 31}) == "");
    CHECK(OneError(needed_by, FormValue::Text("2027-06-29"), CivilDate{2026, 12, 31}) == "");
    CHECK(OneError(needed_by, FormValue::Text("2027-06-30"), CivilDate{2026, 12, 31}) == "Choose 2027-06-29 or earlier.");
    CHECK(OneError(needed_by, FormValue::Text("2024-02-29"), CivilDate{2024, 2, 28}) == "");

    FieldDef fixed = Field("event", "Event day", FieldType::date);
    fixed.min_date = "2026-05-01";
    fixed.max_date = "2026-05-31";
    CHECK(OneError(fixed, FormValue::Text("2026-05-15")) == "");
    CHECK(OneError(fixed, FormValue::Text("2026-04-30")) == "Choose 2026-05-01 or later.");
    CHECK(OneError(fixed, FormValue::Text("2026-06-01")) == "Choose 2026-05-31 or earlier.");
    FieldDef past = Field("since", "Since", FieldType::date);
    past.max_date = "today";
    CHECK(OneError(past, FormValue::Text("2026-03-10")) == "");
    CHECK(OneError(past, FormValue::Text("2026-03-11")) == "Choose 2026-03-10 or earlier.");
    past.min_date = "today-30";
    CHECK(OneError(past, FormValue::Text("2026-02-08")) == "");
    CHECK(OneError(past, FormValue::Text("2026-02-07")) == "Choose 2026-02-08 or later.");
}

TEST_CASE("catalog: checkbox fields need a boolean") {
    const CatalogItem item = LaptopItem();
    const FieldDef& agree = Def(item, "agree");
    CHECK(OneError(agree, FormValue::Bool(true)) == "");
    CHECK(OneError(agree, FormValue::Bool(false)) == "Tick this box to continue.");
    CHECK(OneError(agree, FormValue::Text("true")) == "Tick this box to continue.");
    CHECK(OneError(agree, FormValue::List({"true"})) == "Tick this box to continue.");
}

// [SECTION] ValidateDraft ----------------------------------------------------------------------

TEST_CASE("catalog: a complete laptop draft is valid") {
    const auto errors = spoc::ValidateDraft(LaptopItem(), LaptopDraft(), kToday);
    CHECK_MESSAGE(errors.empty(), ErrorsText(errors));

    RequestDraft replacement = LaptopDraft();
    replacement.values["reason"] = FormValue::Text("replacement");
    replacement.values["old_asset_tag"] = FormValue::Text("IT-20931");
    replacement.values["return_old"] = FormValue::Bool(true);
    replacement.values["courier_date"] = FormValue::Text("2026-03-12");
    replacement.values["accessories"] = FormValue::List({"dock"});
    replacement.values["dock_type"] = FormValue::Text("thunderbolt");
    replacement.values["standard_image"] = FormValue::Bool(false);
    replacement.values["image_notes"] = FormValue::Text("Ubuntu 24.04 with the dev toolchain.");
    const auto errors2 = spoc::ValidateDraft(LaptopItem(), replacement, kToday);
    CHECK_MESSAGE(errors2.empty(), ErrorsText(errors2));
}

TEST_CASE("catalog: ValidateDraft reports every visible problem with its field key") {
    RequestDraft draft;
    draft.catalog_item_id = spoc::CatalogItemId(7);
    draft.values["reason"] = FormValue::Text("replacement");
    draft.values["return_old"] = FormValue::Bool(true);
    draft.values["accessories"] = FormValue::List({"dock"});
    draft.values["standard_image"] = FormValue::Bool(false);
    const auto errors = spoc::ValidateDraft(LaptopItem(), draft, kToday);
    INFO(ErrorsText(errors));
    for (const char* key : {"values.model", "values.old_asset_tag", "values.courier_date", "values.needed_by",
                            "values.quantity", "values.dock_type", "values.image_notes", "values.justification",
                            "values.agree"})
        CHECK_MESSAGE(HasErrorFor(errors, key), std::string(key));
    CHECK(errors.size() == 9);
    CHECK_FALSE(HasErrorFor(errors, "values.reason"));
    CHECK_FALSE(HasErrorFor(errors, "summary"));
}

TEST_CASE("catalog: unknown value keys are errors") {
    RequestDraft draft = LaptopDraft();
    draft.values["colour"] = FormValue::Text("space grey");
    draft.values["Model"] = FormValue{};
    const std::string long_key = Repeat("k", 60);
    draft.values[long_key] = FormValue::Text("x");
    const auto errors = spoc::ValidateDraft(LaptopItem(), draft, kToday);
    INFO(ErrorsText(errors));
    CHECK(errors.size() == 3);
    CHECK(HasErrorFor(errors, "values.colour"));
    CHECK(HasErrorFor(errors, "values.Model"));
    CHECK(HasErrorFor(errors, "values." + long_key));
    for (const FieldError& e : errors) {
        CHECK_FALSE(e.message.empty());
        CHECK(e.message.size() < 120);  // the key is shortened in the message
    }
}

TEST_CASE("catalog: hidden required fields are not required, nor validated") {
    RequestDraft draft = LaptopDraft();  // reason = new_starter: no old_asset_tag, no courier
    CHECK(spoc::ValidateDraft(LaptopItem(), draft, kToday).empty());
    // A stale, invalid value on a hidden field is ignored too.
    draft.values["old_asset_tag"] = FormValue::Text("not a tag");
    draft.values["return_old"] = FormValue::Text("wrong kind");
    draft.values["dock_type"] = FormValue::Text("laser");
    draft.values["image_notes"] = FormValue::Bool(true);
    const auto errors = spoc::ValidateDraft(LaptopItem(), draft, kToday);
    CHECK_MESSAGE(errors.empty(), ErrorsText(errors));
    // Once visible, it is required.
    draft.values["reason"] = FormValue::Text("replacement");
    draft.values.erase("old_asset_tag");
    CHECK(HasErrorFor(spoc::ValidateDraft(LaptopItem(), draft, kToday), "values.old_asset_tag"));
}

TEST_CASE("catalog: summary and description limits") {
    const CatalogItem item = LaptopItem();
    RequestDraft draft = LaptopDraft();
    draft.summary = Repeat("é", spoc::limits::kMaxSummary);
    CHECK(spoc::ValidateDraft(item, draft, kToday).empty());
    draft.summary = "   " + Repeat("é", spoc::limits::kMaxSummary) + "  ";
    CHECK(spoc::ValidateDraft(item, draft, kToday).empty());
    draft.summary = Repeat("é", spoc::limits::kMaxSummary + 1);
    auto errors = spoc::ValidateDraft(item, draft, kToday);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "summary");
    CHECK(errors[0].message == "Keep the summary under 161 characters.");
    draft.summary = Repeat("a", spoc::limits::kMaxSummary + 1);
    CHECK(HasErrorFor(spoc::ValidateDraft(item, draft, kToday), "summary"));
    for (const char* bad : {"two\nlines", "tab is\tok but bell\x07 is not", "bad \xff utf8", "del\x7f", "c\rr"}) {
        draft.summary = bad;
        errors = spoc::ValidateDraft(item, draft, kToday);
        CHECK_MESSAGE(HasErrorFor(errors, "summary"), "accepted summary '" << std::string(bad) << "'");
    }
    draft.summary = "Laptop\tfor Emma";
    CHECK(spoc::ValidateDraft(item, draft, kToday).empty());
    draft.summary = "";
    CHECK(spoc::ValidateDraft(item, draft, kToday).empty());  // optional

    draft.description = "First line\nSecond line\r\n\tindented";
    CHECK(spoc::ValidateDraft(item, draft, kToday).empty());
    draft.description = Repeat("ü", spoc::limits::kMaxDescription);
    CHECK(spoc::ValidateDraft(item, draft, kToday).empty());
    draft.description = Repeat("ü", spoc::limits::kMaxDescription + 1);
    CHECK(HasErrorFor(spoc::ValidateDraft(item, draft, kToday), "description"));
    draft.description = "bell\x07";
    CHECK(HasErrorFor(spoc::ValidateDraft(item, draft, kToday), "description"));
    draft.description = "bad \xc3";
    CHECK(HasErrorFor(spoc::ValidateDraft(item, draft, kToday), "description"));
}

TEST_CASE("catalog: urgency only when the item asks for it") {
    RequestDraft draft = LaptopDraft();
    draft.urgency = spoc::Level::high;
    const auto errors = spoc::ValidateDraft(LaptopItem(), draft, kToday);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "urgency");

    RequestDraft outage;
    outage.catalog_item_id = spoc::CatalogItemId(9);
    outage.values["service"] = FormValue::Text("Payroll");
    CHECK(spoc::ValidateDraft(OutageItem(), outage, kToday).empty());
    outage.urgency = spoc::Level::high;
    CHECK(spoc::ValidateDraft(OutageItem(), outage, kToday).empty());
}

// [SECTION] NormalizeValues and DefaultFormValues ------------------------------------------------

TEST_CASE("catalog: NormalizeValues keeps visible, known, non-empty values, trimmed") {
    const CatalogItem item = LaptopItem();
    FormValues v = ValidLaptopValues();
    v["model"] = FormValue::Text("  xps13 \n");
    v["justification"] = FormValue::Text("\n  Joining the finance team on April 1st.  \n");
    v["old_asset_tag"] = FormValue::Text("AB-1234");  // hidden: reason is new_starter
    v["return_old"] = FormValue::Bool(true);          // hidden
    v["dock_type"] = FormValue::Text("usb_c");        // hidden: no dock chosen
    v["colour"] = FormValue::Text("red");             // unknown
    v["quantity"] = FormValue::Text("   ");           // empty after trim
    v["accessories"] = FormValue::List({});           // empty list
    v["image_notes"] = FormValue{};                   // hidden and none
    v["standard_image"] = FormValue::Bool(false);     // unticked checkbox is kept
    v["agree"] = FormValue::Bool(true);

    const FormValues out = spoc::NormalizeValues(item, v);
    CHECK(out.count("old_asset_tag") == 0);
    CHECK(out.count("return_old") == 0);
    CHECK(out.count("dock_type") == 0);
    CHECK(out.count("colour") == 0);
    CHECK(out.count("quantity") == 0);
    CHECK(out.count("accessories") == 0);
    CHECK(out.count("image_notes") == 0);
    REQUIRE(out.count("model") == 1);
    CHECK(out.at("model").kind == FormValue::Kind::text);
    CHECK(out.at("model").text == "xps13");
    CHECK(out.at("justification").text == "Joining the finance team on April 1st.");
    REQUIRE(out.count("standard_image") == 1);
    CHECK(out.at("standard_image").kind == FormValue::Kind::boolean);
    CHECK_FALSE(out.at("standard_image").checked);
    CHECK(out.at("agree").checked);
    CHECK(out.at("needed_by").text == "2026-04-01");
    CHECK(out.size() == 6);  // model, reason, needed_by, standard_image, justification, agree

    // Normalizing is idempotent, and a valid draft stays valid once normalized.
    CHECK(SameValues(spoc::NormalizeValues(item, out), out));
    RequestDraft draft = LaptopDraft();
    draft.values = spoc::NormalizeValues(item, ValidLaptopValues());
    CHECK(spoc::ValidateDraft(item, draft, kToday).empty());
    CHECK(spoc::NormalizeValues(item, {}).empty());
}

TEST_CASE("catalog: NormalizeValues keeps visible chained values") {
    const CatalogItem item = LaptopItem();
    FormValues v = ValidLaptopValues();
    v["reason"] = FormValue::Text("replacement");
    v["old_asset_tag"] = FormValue::Text(" AB-1234 ");
    v["return_old"] = FormValue::Bool(true);
    v["courier_date"] = FormValue::Text("2026-03-12 ");
    v["accessories"] = FormValue::List({"dock", "mouse"});
    v["dock_type"] = FormValue::Text("usb_c");
    const FormValues out = spoc::NormalizeValues(item, v);
    CHECK(out.at("old_asset_tag").text == "AB-1234");
    CHECK(out.at("return_old").checked);
    CHECK(out.at("courier_date").text == "2026-03-12");
    CHECK(out.at("dock_type").text == "usb_c");
    REQUIRE(out.at("accessories").kind == FormValue::Kind::list);
    CHECK(out.at("accessories").list == std::vector<std::string>{"dock", "mouse"});
}

TEST_CASE("catalog: DefaultFormValues prefills every field by type") {
    const CatalogItem item = LaptopItem();
    const FormValues d = spoc::DefaultFormValues(item);
    CHECK(d.size() == item.fields.size());
    for (const FieldDef& f : item.fields) {
        CAPTURE(f.key);
        REQUIRE(d.count(f.key) == 1);
        const FormValue& v = d.at(f.key);
        switch (f.type) {
            case FieldType::checkbox: CHECK(v.kind == FormValue::Kind::boolean); break;
            case FieldType::multi_choice: CHECK(v.kind == FormValue::Kind::list); CHECK(v.list.empty()); break;
            default: CHECK(v.kind == FormValue::Kind::text); break;
        }
    }
    CHECK(d.at("quantity").text == "1");
    CHECK(d.at("model").text == "");
    CHECK(d.at("standard_image").checked);
    CHECK_FALSE(d.at("agree").checked);
    CHECK_FALSE(d.at("return_old").checked);
    CHECK(spoc::DefaultFormValues(CatalogItem{}).empty());

    // The defaults alone are not a valid draft (required fields are empty) and report no unknown keys.
    RequestDraft draft;
    draft.values = d;
    const auto errors = spoc::ValidateDraft(item, draft, kToday);
    CHECK_FALSE(errors.empty());
    CHECK_FALSE(HasErrorFor(errors, "values.quantity"));
    CHECK_FALSE(HasErrorFor(errors, "values.old_asset_tag"));  // hidden by default
    CHECK(HasErrorFor(errors, "values.agree"));
}

// [SECTION] Parsing helpers -----------------------------------------------------------------------

TEST_CASE("catalog: ParseDecimal accept table") {
    const struct {
        const char* text;
        double value;
    } accepted[] = {
        {"0", 0},           {"3", 3},          {"-12.5", -12.5},  {"+4", 4},
        {" 7 ", 7},         {"\t2\n", 2},      {"1.", 1},         {".5", 0.5},
        {"-.25", -0.25},    {"007", 7},        {"-0", 0},         {"2.50", 2.5},
        {"123456789012345", 123456789012345.0}, {"99999999999999.9", 99999999999999.9},
        {"0.00000000000001", 0.00000000000001}, {"-999999999999999", -999999999999999.0},
    };
    for (const auto& row : accepted) {
        double out = -777;
        CHECK_MESSAGE(spoc::ParseDecimal(row.text, &out), "rejected '" << std::string(row.text) << "'");
        CHECK(out == doctest::Approx(row.value).epsilon(1e-15));
    }
}

TEST_CASE("catalog: ParseDecimal reject table") {
    const char* rejected[] = {
        "",          " ",        "-",          "+",           ".",          "-.",         "+.",
        "1e5",       "1E5",      "1e-5",       "0x10",        "1,5",        "1.2.3",      "--1",
        "+-1",       "1-",       "inf",        "-inf",        "nan",        "NaN",        "Infinity",
        "1 000",     "1_000",    "1'000",      "1234567890123456",          "0.000000000000001",
        "0000000000000000000000001",           "١٢",          "３",         "12abc",      "$5",
        "5%",        "½",        "0b101",      "1..2",        ". 5",        "- 5",
    };
    for (const char* text : rejected) {
        double out = -777;
        CHECK_MESSAGE(!spoc::ParseDecimal(text, &out), "accepted '" << std::string(text) << "'");
        CHECK(out == -777);
    }
    double out = -777;
    CHECK_FALSE(spoc::ParseDecimal(std::string_view("5\0", 2), &out));
    CHECK(out == -777);
}

TEST_CASE("catalog: ResolveDateBound") {
    auto resolve = [](std::string_view bound, CivilDate today) {
        CivilDate out{1111, 11, 11};
        const bool ok = spoc::ResolveDateBound(bound, today, &out);
        return ok ? spoc::FormatDate(out) : std::string("rejected");
    };
    CHECK(resolve("today", kToday) == "2026-03-10");
    CHECK(resolve("today+0", kToday) == "2026-03-10");
    CHECK(resolve("today+1", kToday) == "2026-03-11");
    CHECK(resolve("today+180", kToday) == "2026-09-06");
    CHECK(resolve("today-1", kToday) == "2026-03-09");
    CHECK(resolve("today-10", kToday) == "2026-02-28");
    CHECK(resolve("today-1", CivilDate{2026, 1, 1}) == "2025-12-31");
    CHECK(resolve("today+1", CivilDate{2026, 12, 31}) == "2027-01-01");
    CHECK(resolve("today+1", CivilDate{2024, 2, 28}) == "2024-02-29");
    CHECK(resolve("today+1", CivilDate{2100, 2, 28}) == "2100-03-01");
    CHECK(resolve("today+365", CivilDate{2024, 1, 1}) == "2024-12-31");
    CHECK(resolve("today+99999", kToday) == "2299-12-23");
    CHECK(resolve("2026-05-01", kToday) == "2026-05-01");
    CHECK(resolve("2024-02-29", kToday) == "2024-02-29");

    for (const char* bad : {"", "today+", "today-", "todayx", "today +1", "today+ 1", "Today", "TODAY",
                            "today+1d", "today+100000", "today++1", "today+-1", "tomorrow", "2026-02-30",
                            "2026-5-1", "now", "today+1 ", " today"})
        CHECK_MESSAGE(resolve(bad, kToday) == "rejected", "accepted '" << std::string(bad) << "'");
}

// [SECTION] ValidateCatalogItem ------------------------------------------------------------------

namespace {

// Errors of the laptop item after one change, as "field: message" lines.
template <class Edit>
std::vector<FieldError> LaptopErrorsAfter(Edit edit) {
    CatalogItem item = LaptopItem();
    edit(item);
    return spoc::ValidateCatalogItem(item);
}

FieldDef& Mutable(CatalogItem& item, std::string_view key) {
    for (FieldDef& f : item.fields)
        if (f.key == key) return f;
    FAIL("no field " << std::string(key));
    return item.fields.front();
}

}  // namespace

TEST_CASE("catalog: ValidateCatalogItem catches duplicate and malformed keys") {
    auto dup = LaptopErrorsAfter([](CatalogItem& item) { item.fields.push_back(Field("model", "Again", FieldType::short_text)); });
    REQUIRE(dup.size() == 1);
    CHECK(dup[0].field == "fields.model");
    CHECK(Contains(dup[0].message, "used twice"));

    for (const char* bad : {"", "Model", "1model", "_model", "old-asset", "old asset", "modèle", "model!",
                            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" /* 41 */}) {
        auto errors = LaptopErrorsAfter([&](CatalogItem& item) { item.fields.push_back(Field(bad, "Bad", FieldType::short_text)); });
        CHECK_MESSAGE(errors.size() == 1, "key '" << std::string(bad) << "': " << ErrorsText(errors));
        if (!errors.empty()) CHECK(Contains(errors[0].message, "lower_snake_case"));
    }
    for (const char* good : {"a", "a1", "a_b_c", "x9_", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" /* 40 */}) {
        auto errors = LaptopErrorsAfter([&](CatalogItem& item) { item.fields.push_back(Field(good, "Good", FieldType::short_text)); });
        CHECK_MESSAGE(errors.empty(), "key '" << std::string(good) << "': " << ErrorsText(errors));
    }
}

TEST_CASE("catalog: ValidateCatalogItem checks choices, patterns, bounds and labels") {
    auto no_options = LaptopErrorsAfter([](CatalogItem& item) { Mutable(item, "model").options.clear(); });
    REQUIRE_FALSE(no_options.empty());
    CHECK(no_options[0].field == "fields.model");
    CHECK(Contains(no_options[0].message, "needs options"));
    CHECK_FALSE(LaptopErrorsAfter([](CatalogItem& item) { Mutable(item, "accessories").options.clear(); }).empty());
    CHECK_FALSE(LaptopErrorsAfter([](CatalogItem& item) { Mutable(item, "model").options.push_back({"mbp14", "Again"}); }).empty());
    CHECK_FALSE(LaptopErrorsAfter([](CatalogItem& item) { Mutable(item, "model").options.push_back({"", "Empty"}); }).empty());

    auto bad_pattern = LaptopErrorsAfter([](CatalogItem& item) { Mutable(item, "old_asset_tag").pattern = "[A-Z"; });
    REQUIRE(bad_pattern.size() == 1);
    CHECK(bad_pattern[0].field == "fields.old_asset_tag");
    CHECK(Contains(bad_pattern[0].message, "Field 'old_asset_tag': "));
    CHECK(bad_pattern[0].message.size() > std::string("Field 'old_asset_tag': ").size());
    CHECK(LaptopErrorsAfter([](CatalogItem& item) { Mutable(item, "old_asset_tag").pattern = "(a+)+b"; }).empty());
    CHECK(LaptopErrorsAfter([](CatalogItem& item) { Mutable(item, "old_asset_tag").pattern = "a{1,101}"; }).size() == 1);
    auto pattern_on_long = LaptopErrorsAfter([](CatalogItem& item) { Mutable(item, "justification").pattern = "[a-z]+"; });
    REQUIRE(pattern_on_long.size() == 1);
    CHECK(Contains(pattern_on_long[0].message, "Only short text"));

    auto min_above_max = LaptopErrorsAfter([](CatalogItem& item) { Mutable(item, "quantity").min = 6; });
    REQUIRE(min_above_max.size() == 1);
    CHECK(min_above_max[0].field == "fields.quantity");
    CHECK(Contains(min_above_max[0].message, "min above max"));
    CHECK(LaptopErrorsAfter([](CatalogItem& item) { Mutable(item, "quantity").min = 5; }).empty());
    CHECK(LaptopErrorsAfter([](CatalogItem& item) { Mutable(item, "accessories").min = 4; }).size() == 1);

    CHECK(LaptopErrorsAfter([](CatalogItem& item) { Mutable(item, "needed_by").min_date = "someday"; }).size() == 1);
    CHECK(LaptopErrorsAfter([](CatalogItem& item) { Mutable(item, "needed_by").max_date = "today+x"; }).size() == 1);
    CHECK(LaptopErrorsAfter([](CatalogItem& item) { Mutable(item, "needed_by").max_date = "2026-12-31"; }).empty());

    CHECK(LaptopErrorsAfter([](CatalogItem& item) { Mutable(item, "model").label = "  "; }).size() == 1);
    auto no_title = LaptopErrorsAfter([](CatalogItem& item) { item.title = " "; });
    REQUIRE(no_title.size() == 1);
    CHECK(no_title[0].field == "title");
    auto no_department = LaptopErrorsAfter([](CatalogItem& item) { item.department.clear(); });
    REQUIRE(no_department.size() == 1);
    CHECK(no_department[0].field == "department");
    auto too_many = LaptopErrorsAfter([](CatalogItem& item) {
        while (item.fields.size() <= spoc::limits::kMaxFormFields)
            item.fields.push_back(Field("extra_" + std::to_string(item.fields.size()), "Extra", FieldType::short_text));
    });
    REQUIRE(too_many.size() == 1);
    CHECK(too_many[0].field == "fields");
}

TEST_CASE("catalog: ValidateCatalogItem checks visible_when references") {
    auto later = LaptopErrorsAfter([](CatalogItem& item) { Mutable(item, "model").visible_when = spoc::VisibleWhen{"agree", "true"}; });
    REQUIRE(later.size() == 1);
    CHECK(later[0].field == "fields.model");
    CHECK(Contains(later[0].message, "must come earlier"));
    auto unknown = LaptopErrorsAfter([](CatalogItem& item) { Mutable(item, "agree").visible_when = spoc::VisibleWhen{"ghost", "x"}; });
    REQUIRE(unknown.size() == 1);
    CHECK(unknown[0].field == "fields.agree");
    auto self = LaptopErrorsAfter([](CatalogItem& item) { Mutable(item, "agree").visible_when = spoc::VisibleWhen{"agree", "true"}; });
    CHECK(self.size() == 1);

    auto not_an_option = LaptopErrorsAfter([](CatalogItem& item) { Mutable(item, "old_asset_tag").visible_when->equals = "Replacement"; });
    REQUIRE(not_an_option.size() == 1);
    CHECK(Contains(not_an_option[0].message, "never offers"));
    CHECK(LaptopErrorsAfter([](CatalogItem& item) { Mutable(item, "dock_type").visible_when->equals = "docking"; }).size() == 1);
    auto checkbox_yes = LaptopErrorsAfter([](CatalogItem& item) { Mutable(item, "courier_date").visible_when->equals = "yes"; });
    REQUIRE(checkbox_yes.size() == 1);
    CHECK(Contains(checkbox_yes[0].message, "\"true\" or \"false\""));
    CHECK(LaptopErrorsAfter([](CatalogItem& item) { Mutable(item, "courier_date").visible_when->equals = "false"; }).empty());
    // Text and number controllers take any value.
    CHECK(LaptopErrorsAfter([](CatalogItem& item) { Mutable(item, "agree").visible_when = spoc::VisibleWhen{"quantity", "5"}; }).empty());
}

// [SECTION] DescribeValues ------------------------------------------------------------------------

TEST_CASE("catalog: DescribeValues shows labels in field order") {
    const CatalogItem item = LaptopItem();
    FormValues v = ValidLaptopValues();
    v["reason"] = FormValue::Text("replacement");
    v["old_asset_tag"] = FormValue::Text("AB-1234");
    v["return_old"] = FormValue::Bool(false);
    v["accessories"] = FormValue::List({"dock", "bag"});
    v["dock_type"] = FormValue::Text("usb_c");
    v["standard_image"] = FormValue::Bool(true);
    v["colour"] = FormValue::Text("red");  // unknown keys are not shown
    const auto lines = spoc::DescribeValues(item, v);
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"Laptop model", "MacBook Pro 14\""},
        {"Reason", "Replacement"},
        {"Old asset tag", "AB-1234"},
        {"Return old laptop by courier", "No"},
        {"Needed by", "2026-04-01"},
        {"Quantity", "2"},
        {"Accessories", "Docking station, Laptop bag"},
        {"Dock type", "USB-C"},
        {"Install the standard image", "Yes"},
        {"Business justification", "Joining the finance team on April 1st."},
        {"I will look after this equipment", "Yes"},
    };
    REQUIRE(lines.size() == expected.size());
    for (size_t i = 0; i < lines.size(); ++i) {
        CHECK(lines[i].first == expected[i].first);
        CHECK(lines[i].second == expected[i].second);
    }
}

TEST_CASE("catalog: DescribeValues skips empty values and shows unknown options raw") {
    const CatalogItem item = LaptopItem();
    FormValues v;
    v["model"] = FormValue::Text("retired_model");
    v["accessories"] = FormValue::List({"mouse", "laser"});
    v["justification"] = FormValue::Text("");
    v["needed_by"] = FormValue::List({});
    const auto lines = spoc::DescribeValues(item, v);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == std::make_pair(std::string("Laptop model"), std::string("retired_model")));
    CHECK(lines[1] == std::make_pair(std::string("Accessories"), std::string("Mouse, laser")));
    CHECK(spoc::DescribeValues(item, {}).empty());
}
