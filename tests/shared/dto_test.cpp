// Tests for shared/api/dto.h: encode -> decode round trips for every wire body, error bodies and
// their HTTP fallbacks, sign-in normalisation and limits, and hostile input: malformed JSON,
// wrong types, huge and deeply nested bodies, invalid UTF-8, out-of-range ids, and a fixed-seed
// mutation fuzz loop over every decoder. Decoders must answer with a clean error, never throw.
#include "shared/api/dto.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "shared/domain/limits.h"

using spoc::CatalogItem;
using spoc::Comment;
using spoc::Error;
using spoc::ErrorCode;
using spoc::FieldDef;
using spoc::FieldType;
using spoc::FormValue;
using spoc::FormValues;
using spoc::Request;
using spoc::RequestDraft;
using spoc::Result;
namespace api = spoc::api;

namespace {

std::string Repeat(std::string_view unit, size_t count) {
    std::string out;
    out.reserve(unit.size() * count);
    for (size_t i = 0; i < count; ++i) out += unit;
    return out;
}

std::string Code(ErrorCode code) { return std::string(spoc::ErrorCodeName(code)); }

// A decoder result reduced to what the hostile-input checks need.
struct Outcome {
    bool ok = false;
    ErrorCode code = ErrorCode::internal;
    std::string message;
    std::string field;
    bool reencode_failed = false;  // decoded fine, but its own encoding did not decode again
};

template <class T>
Outcome From(const Result<T>& r) {
    Outcome o;
    o.ok = r.ok();
    if (!o.ok) {
        o.code = r.error().code;
        o.message = r.error().message;
        o.field = r.error().field;
    }
    return o;
}

// Decodes, and when that works, encodes the value and decodes it once more.
template <class T, class Decode, class Encode>
Outcome RoundTrip(std::string_view body, Decode decode, Encode encode) {
    const Result<T> first = decode(body);
    Outcome o = From(first);
    if (first.ok()) {
        const Result<T> second = decode(encode(first.value()));
        if (!second.ok()) {
            o.reencode_failed = true;
            o.message = second.error().message;
        }
    }
    return o;
}

struct NamedDecoder {
    const char* name;
    Outcome (*run)(std::string_view body);
};

const NamedDecoder kDecoders[] = {
    {"DecodeSignIn", [](std::string_view b) { return RoundTrip<api::SignInBody>(b, api::DecodeSignIn, api::EncodeSignIn); }},
    {"DecodeMe", [](std::string_view b) { return RoundTrip<api::Me>(b, api::DecodeMe, api::EncodeMe); }},
    {"DecodeCatalogItem",
     [](std::string_view b) { return RoundTrip<CatalogItem>(b, api::DecodeCatalogItem, api::EncodeCatalogItem); }},
    {"DecodeCatalogList",
     [](std::string_view b) {
         return RoundTrip<std::vector<CatalogItem>>(b, api::DecodeCatalogList, api::EncodeCatalogList);
     }},
    {"DecodeFormValues",
     [](std::string_view b) { return RoundTrip<FormValues>(b, api::DecodeFormValues, api::EncodeFormValues); }},
    {"DecodeDraft", [](std::string_view b) { return RoundTrip<RequestDraft>(b, api::DecodeDraft, api::EncodeDraft); }},
    {"DecodeRequest", [](std::string_view b) { return RoundTrip<Request>(b, api::DecodeRequest, api::EncodeRequest); }},
    {"DecodeRequestPage",
     [](std::string_view b) { return RoundTrip<api::RequestPage>(b, api::DecodeRequestPage, api::EncodeRequestPage); }},
    {"DecodeCommentBody",
     [](std::string_view b) { return RoundTrip<api::CommentBody>(b, api::DecodeCommentBody, api::EncodeCommentBody); }},
    {"DecodeComment", [](std::string_view b) { return RoundTrip<Comment>(b, api::DecodeComment, api::EncodeComment); }},
    {"DecodeError",
     [](std::string_view b) {
         const Error e = api::DecodeError(b, 422);
         Outcome o;
         o.code = e.code;
         o.message = e.message;
         o.field = e.field;
         return o;
     }},
};

bool IsCleanDecodeError(ErrorCode code) {
    return code == ErrorCode::bad_request || code == ErrorCode::invalid_json || code == ErrorCode::validation_failed ||
           code == ErrorCode::payload_too_large;
}

// Feeds body to every decoder and checks each one refuses it cleanly.
void ExpectEveryDecoderRefuses(std::string_view body, const std::string& what) {
    for (const NamedDecoder& d : kDecoders) {
        Outcome o;
        CHECK_NOTHROW(o = d.run(body));
        INFO(what << " -> " << d.name << ": " << o.message);
        CHECK_FALSE(o.ok);
        CHECK_FALSE(o.message.empty());
        if (std::string_view(d.name) != "DecodeError") CHECK(IsCleanDecodeError(o.code));
    }
}

// ---- Sample values ------------------------------------------------------------------------------

api::Me SampleMe() {
    api::Me me;
    me.user.id = spoc::UserId(12);
    me.user.username = "emma.jones";
    me.user.display_name = "Emma Jonés \"EJ\"";
    me.user.email = "emma.jones@example.com";
    me.user.role = spoc::Role::agent;
    me.user.department = "Finance";
    me.user.time_zone = "Europe/London";
    me.csrf_token = "c2VjcmV0LXRva2VuLTEyMw";
    return me;
}

FieldDef FullField() {
    FieldDef f;
    f.key = "old_asset_tag";
    f.label = "Old asset tag";
    f.type = FieldType::short_text;
    f.required = true;
    f.help = "Printed on the sticker under the laptop.";
    f.placeholder = "AB-1234";
    f.min_length = 7;
    f.max_length = 9;
    f.pattern = "[A-Z]{2}-[0-9]{4,6}";
    f.pattern_message = "Use the form AB-1234.";
    f.default_value = "XX-0000";
    f.visible_when = spoc::VisibleWhen{"reason", "replacement"};
    return f;
}

CatalogItem SampleItem() {
    CatalogItem item;
    item.id = spoc::CatalogItemId(7);
    item.department = "IT";
    item.category = "Hardware";
    item.title = "New laptop";
    item.summary = "Request a new or replacement laptop.";
    item.description = "Standard models ship with the company image.\nAsk for a \"special\" model in the notes. ✓";
    item.icon = "laptop";
    item.type = spoc::RequestType::incident;
    item.impact = spoc::Level::high;
    item.urgency = spoc::Level::medium;
    item.ask_urgency = true;
    item.requires_approval = true;
    item.fulfillment = "Usually ready in 3 business days";
    item.keywords = {"notebook", "computer", "macbook"};
    item.sort = -3;

    FieldDef reason;
    reason.key = "reason";
    reason.label = "Reason";
    reason.type = FieldType::single_choice;
    reason.options = {{"new_starter", "New starter"}, {"replacement", "Replacement"}};
    reason.default_value = "new_starter";
    item.fields.push_back(reason);
    item.fields.push_back(FullField());

    FieldDef quantity;
    quantity.key = "quantity";
    quantity.label = "Quantity";
    quantity.type = FieldType::number;
    quantity.integer = true;
    quantity.min = 1;
    quantity.max = 5;
    item.fields.push_back(quantity);

    FieldDef budget;
    budget.key = "budget";
    budget.label = "Budget (k€)";
    budget.type = FieldType::number;
    budget.min = -0.5;
    budget.max = 2.75;
    item.fields.push_back(budget);

    FieldDef accessories;
    accessories.key = "accessories";
    accessories.label = "Accessories";
    accessories.type = FieldType::multi_choice;
    accessories.options = {{"dock", "Docking station"}, {"mouse", "Mouse"}};
    accessories.min = 0;
    accessories.max = 2;
    item.fields.push_back(accessories);

    FieldDef needed_by;
    needed_by.key = "needed_by";
    needed_by.label = "Needed by";
    needed_by.type = FieldType::date;
    needed_by.min_date = "today+1";
    needed_by.max_date = "2027-12-31";
    item.fields.push_back(needed_by);

    FieldDef agree;
    agree.key = "agree";
    agree.label = "I agree";
    agree.type = FieldType::checkbox;
    agree.required = true;
    agree.default_value = "true";
    item.fields.push_back(agree);

    FieldDef notes;
    notes.key = "notes";
    notes.label = "Notes";
    notes.type = FieldType::long_text;
    notes.max_length = 500;
    item.fields.push_back(notes);
    return item;
}

void CheckSameField(const FieldDef& a, const FieldDef& b) {
    CAPTURE(a.key);
    CHECK(a.key == b.key);
    CHECK(a.label == b.label);
    CHECK(a.type == b.type);
    CHECK(a.required == b.required);
    CHECK(a.help == b.help);
    CHECK(a.placeholder == b.placeholder);
    REQUIRE(a.options.size() == b.options.size());
    for (size_t i = 0; i < a.options.size(); ++i) {
        CHECK(a.options[i].value == b.options[i].value);
        CHECK(a.options[i].label == b.options[i].label);
    }
    CHECK(a.min.has_value() == b.min.has_value());
    if (a.min && b.min) CHECK(*a.min == *b.min);
    CHECK(a.max.has_value() == b.max.has_value());
    if (a.max && b.max) CHECK(*a.max == *b.max);
    CHECK(a.integer == b.integer);
    CHECK(a.min_length == b.min_length);
    CHECK(a.max_length == b.max_length);
    CHECK(a.min_date == b.min_date);
    CHECK(a.max_date == b.max_date);
    CHECK(a.pattern == b.pattern);
    CHECK(a.pattern_message == b.pattern_message);
    CHECK(a.default_value == b.default_value);
    CHECK(a.visible_when.has_value() == b.visible_when.has_value());
    if (a.visible_when && b.visible_when) {
        CHECK(a.visible_when->field == b.visible_when->field);
        CHECK(a.visible_when->equals == b.visible_when->equals);
    }
}

void CheckSameItem(const CatalogItem& a, const CatalogItem& b, bool with_fields) {
    CHECK(a.id == b.id);
    CHECK(a.department == b.department);
    CHECK(a.category == b.category);
    CHECK(a.title == b.title);
    CHECK(a.summary == b.summary);
    CHECK(a.description == b.description);
    CHECK(a.icon == b.icon);
    CHECK(a.type == b.type);
    CHECK(a.impact == b.impact);
    CHECK(a.urgency == b.urgency);
    CHECK(a.ask_urgency == b.ask_urgency);
    CHECK(a.requires_approval == b.requires_approval);
    CHECK(a.fulfillment == b.fulfillment);
    CHECK(a.keywords == b.keywords);
    CHECK(a.sort == b.sort);
    if (!with_fields) return;
    REQUIRE(a.fields.size() == b.fields.size());
    for (size_t i = 0; i < a.fields.size(); ++i) CheckSameField(a.fields[i], b.fields[i]);
}

bool SameValue(const FormValue& a, const FormValue& b) {
    return a.kind == b.kind && a.text == b.text && a.checked == b.checked && a.list == b.list;
}

void CheckSameValues(const FormValues& a, const FormValues& b) {
    REQUIRE(a.size() == b.size());
    for (auto it = a.begin(); it != a.end(); ++it) {
        const std::string& key = it->first;
        CAPTURE(key);
        REQUIRE(b.count(key) == 1);
        CHECK(SameValue(it->second, b.at(key)));
    }
}

FormValues SampleValues() {
    FormValues v;
    v["reason"] = FormValue::Text("replacement");
    v["old_asset_tag"] = FormValue::Text("AB-1234");
    v["quantity"] = FormValue::Text("2");
    v["accessories"] = FormValue::List({"dock", "mouse"});
    v["agree"] = FormValue::Bool(true);
    v["notes"] = FormValue::Text("Line 1\nLine 2 \"quoted\" \\ backslash \t tab ü 😀");
    v["cleared"] = FormValue{};
    return v;
}

Comment SampleComment(std::int64_t id, bool internal) {
    Comment c;
    c.id = spoc::CommentId(id);
    c.author_id = spoc::UserId(30 + id);
    c.author_name = internal ? "Sam Agent" : "Emma Jones";
    c.author_role = internal ? spoc::Role::agent : spoc::Role::employee;
    c.body = internal ? "Checked stock: two in the Leeds office." : "Any update?\nThanks!";
    c.internal = internal;
    c.created_at = 1773100800123 + id * 61001;  // 2026-03-10, with milliseconds
    return c;
}

Request SampleRequest(std::int64_t id) {
    Request q;
    q.id = spoc::RequestId(id);
    q.type = spoc::RequestType::incident;
    q.number = spoc::FormatRequestNumber(q.type, q.id);
    q.status = spoc::Status::in_progress;
    q.impact = spoc::Level::medium;
    q.urgency = spoc::Level::high;
    q.priority = spoc::ComputePriority(q.impact, q.urgency);
    q.requester_id = spoc::UserId(12);
    q.requester_name = "Emma Jones";
    q.catalog_item_id = spoc::CatalogItemId(7);
    q.catalog_item_title = "New laptop";
    q.department = "IT";
    q.summary = "Laptop screen flickers";
    q.description = "Since Monday.\nWorse on battery.";
    q.form_json = api::EncodeFormValues(SampleValues());
    q.created_at = 1773100800000 + id;
    q.updated_at = 1773187200999 + id;
    q.version = 4;
    q.comment_count = 2;
    q.comments = {SampleComment(1, false), SampleComment(2, true)};
    return q;
}

void CheckSameComment(const Comment& a, const Comment& b) {
    CHECK(a.id == b.id);
    CHECK(a.author_id == b.author_id);
    CHECK(a.author_name == b.author_name);
    CHECK(a.author_role == b.author_role);
    CHECK(a.body == b.body);
    CHECK(a.internal == b.internal);
    CHECK(a.created_at == b.created_at);
}

void CheckSameRequest(const Request& a, const Request& b) {
    CHECK(a.id == b.id);
    CHECK(a.number == b.number);
    CHECK(a.type == b.type);
    CHECK(a.status == b.status);
    CHECK(a.impact == b.impact);
    CHECK(a.urgency == b.urgency);
    CHECK(a.priority == b.priority);
    CHECK(a.requester_id == b.requester_id);
    CHECK(a.requester_name == b.requester_name);
    CHECK(a.catalog_item_id == b.catalog_item_id);
    CHECK(a.catalog_item_title == b.catalog_item_title);
    CHECK(a.department == b.department);
    CHECK(a.summary == b.summary);
    CHECK(a.description == b.description);
    CHECK(a.form_json == b.form_json);
    CHECK(a.created_at == b.created_at);
    CHECK(a.updated_at == b.updated_at);
    CHECK(a.version == b.version);
    CHECK(a.comment_count == b.comment_count);
    REQUIRE(a.comments.size() == b.comments.size());
    for (size_t i = 0; i < a.comments.size(); ++i) CheckSameComment(a.comments[i], b.comments[i]);
}

const ErrorCode kAllCodes[] = {
    ErrorCode::bad_request,   ErrorCode::invalid_json,     ErrorCode::validation_failed, ErrorCode::unauthenticated,
    ErrorCode::invalid_credentials, ErrorCode::forbidden,  ErrorCode::csrf_failed,       ErrorCode::not_found,
    ErrorCode::method_not_allowed,  ErrorCode::conflict,   ErrorCode::idempotency_conflict,
    ErrorCode::payload_too_large,   ErrorCode::unsupported_media, ErrorCode::rate_limited, ErrorCode::internal,
    ErrorCode::unavailable,   ErrorCode::network,
};

std::string Draft(std::string_view members) { return "{\"catalog_item_id\":7" + std::string(members) + "}"; }

}  // namespace

// [SECTION] Round trips ----------------------------------------------------------------------------

TEST_CASE("dto: Me round trip") {
    const api::Me me = SampleMe();
    const auto back = api::DecodeMe(api::EncodeMe(me));
    REQUIRE_MESSAGE(back.ok(), back.error().message);
    CHECK(back->user.id == me.user.id);
    CHECK(back->user.username == me.user.username);
    CHECK(back->user.display_name == me.user.display_name);
    CHECK(back->user.email == me.user.email);
    CHECK(back->user.role == me.user.role);
    CHECK(back->user.department == me.user.department);
    CHECK(back->user.time_zone == me.user.time_zone);
    CHECK(back->csrf_token == me.csrf_token);
    for (spoc::Role role : {spoc::Role::employee, spoc::Role::agent, spoc::Role::admin}) {
        api::Me m = me;
        m.user.role = role;
        const auto r = api::DecodeMe(api::EncodeMe(m));
        REQUIRE(r.ok());
        CHECK(r->user.role == role);
    }
}

TEST_CASE("dto: Me decode errors name the field") {
    auto missing_user = api::DecodeMe(R"({"csrf_token":"t"})");
    REQUIRE_FALSE(missing_user.ok());
    CHECK(missing_user.error().field == "user");
    auto missing_token = api::DecodeMe(R"({"user":{"id":1,"username":"a","role":"admin"}})");
    REQUIRE_FALSE(missing_token.ok());
    CHECK(missing_token.error().field == "csrf_token");
    auto bad_role = api::DecodeMe(R"({"csrf_token":"t","user":{"id":1,"username":"a","role":"root"}})");
    REQUIRE_FALSE(bad_role.ok());
    CHECK(bad_role.error().field == "user.role");
    CHECK(bad_role.error().code == ErrorCode::bad_request);
    auto bad_id = api::DecodeMe(R"({"csrf_token":"t","user":{"id":"1","username":"a","role":"admin"}})");
    REQUIRE_FALSE(bad_id.ok());
    CHECK(bad_id.error().field == "user.id");
    auto user_array = api::DecodeMe(R"({"csrf_token":"t","user":[]})");
    REQUIRE_FALSE(user_array.ok());
    CHECK(user_array.error().field == "user");
}

TEST_CASE("dto: CatalogItem round trip with every field attribute") {
    const CatalogItem item = SampleItem();
    CHECK(spoc::ValidateCatalogItem(item).empty());
    const std::string json = api::EncodeCatalogItem(item);
    const auto back = api::DecodeCatalogItem(json);
    REQUIRE_MESSAGE(back.ok(), back.error().message);
    CheckSameItem(item, back.value(), true);
    // Encoding is deterministic.
    CHECK(api::EncodeCatalogItem(back.value()) == json);
    // Field types all survive.
    for (FieldType t : {FieldType::short_text, FieldType::long_text, FieldType::single_choice, FieldType::multi_choice,
                        FieldType::number, FieldType::date, FieldType::checkbox}) {
        CatalogItem one = item;
        one.fields = {FullField()};
        one.fields[0].type = t;
        const auto r = api::DecodeCatalogItem(api::EncodeCatalogItem(one));
        REQUIRE(r.ok());
        CHECK(r->fields[0].type == t);
    }
}

TEST_CASE("dto: catalog list round trip carries no fields") {
    CatalogItem laptop = SampleItem();
    CatalogItem phone = SampleItem();
    phone.id = spoc::CatalogItemId(8);
    phone.title = "Mobile phone";
    phone.type = spoc::RequestType::service_request;
    phone.impact = spoc::Level::low;
    phone.urgency = spoc::Level::low;
    phone.ask_urgency = false;
    phone.keywords.clear();
    const std::string json = api::EncodeCatalogList({laptop, phone});
    CHECK(json.find("\"fields\"") == std::string::npos);
    const auto back = api::DecodeCatalogList(json);
    REQUIRE_MESSAGE(back.ok(), back.error().message);
    REQUIRE(back->size() == 2);
    CheckSameItem(laptop, back->at(0), false);
    CheckSameItem(phone, back->at(1), false);
    CHECK(back->at(0).fields.empty());
    CHECK(back->at(1).fields.empty());

    const auto empty = api::DecodeCatalogList(api::EncodeCatalogList({}));
    REQUIRE(empty.ok());
    CHECK(empty->empty());
    const auto missing = api::DecodeCatalogList("{}");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().field == "items");
    const auto not_objects = api::DecodeCatalogList(R"({"items":[1]})");
    REQUIRE_FALSE(not_objects.ok());
    CHECK(not_objects.error().field == "items");
    const auto bad_item = api::DecodeCatalogList(R"({"items":[{"title":"No department"}]})");
    REQUIRE_FALSE(bad_item.ok());
    CHECK(bad_item.error().field == "items.department");
}

TEST_CASE("dto: CatalogItem decode errors name the field") {
    struct Case {
        const char* body;
        const char* field;
    } cases[] = {
        {R"({"title":"T"})", "department"},
        {R"({"department":"IT"})", "title"},
        {R"({"department":"IT","title":"T","type":"problem"})", "type"},
        {R"({"department":"IT","title":"T","impact":"huge"})", "impact"},
        {R"({"department":"IT","title":"T","ask_urgency":"yes"})", "ask_urgency"},
        {R"({"department":"IT","title":"T","keywords":"laptop"})", "keywords"},
        {R"({"department":"IT","title":"T","fields":{}})", "fields"},
        {R"({"department":"IT","title":"T","fields":[1]})", "fields"},
        {R"({"department":"IT","title":"T","fields":[{"label":"L","type":"date"}]})", "fields.key"},
        {R"({"department":"IT","title":"T","fields":[{"key":"k","label":"L"}]})", "fields.type"},
        {R"({"department":"IT","title":"T","fields":[{"key":"k","label":"L","type":"slider"}]})", "fields.type"},
        {R"({"department":"IT","title":"T","fields":[{"key":"k","label":"L","type":"number","min":"1"}]})", "fields.min"},
        {R"({"department":"IT","title":"T","fields":[{"key":"k","label":"L","type":"number","integer":1}]})", "fields.integer"},
        {R"({"department":"IT","title":"T","fields":[{"key":"k","label":"L","type":"short_text","min_length":-1}]})", "fields.min_length"},
        {R"({"department":"IT","title":"T","fields":[{"key":"k","label":"L","type":"short_text","max_length":2.5}]})", "fields.max_length"},
        {R"({"department":"IT","title":"T","fields":[{"key":"k","label":"L","type":"single_choice","options":[{"value":"a"}]}]})", "fields.options.label"},
        {R"({"department":"IT","title":"T","fields":[{"key":"k","label":"L","type":"single_choice","options":["a"]}]})", "fields.options"},
        {R"({"department":"IT","title":"T","fields":[{"key":"k","label":"L","type":"date","visible_when":{"field":"x"}}]})", "fields.visible_when.equals"},
        {R"({"department":"IT","title":"T","fields":[{"key":"k","label":"L","type":"date","visible_when":"x"}]})", "fields.visible_when"},
    };
    for (const Case& c : cases) {
        const auto r = api::DecodeCatalogItem(c.body);
        CAPTURE(std::string(c.body));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::bad_request);
        CHECK(r.error().field == c.field);
        CHECK_FALSE(r.error().message.empty());
    }
}

TEST_CASE("dto: RequestDraft round trip with each value kind") {
    RequestDraft draft;
    draft.catalog_item_id = spoc::CatalogItemId(7);
    draft.summary = "Laptop for Emma — urgent";
    draft.description = "New starter\non Monday.";
    draft.urgency = spoc::Level::high;
    draft.values = SampleValues();
    const auto back = api::DecodeDraft(api::EncodeDraft(draft));
    REQUIRE_MESSAGE(back.ok(), back.error().message);
    CHECK(back->catalog_item_id == draft.catalog_item_id);
    CHECK(back->summary == draft.summary);
    CHECK(back->description == draft.description);
    REQUIRE(back->urgency.has_value());
    CHECK(*back->urgency == spoc::Level::high);
    CheckSameValues(draft.values, back->values);
    CHECK(back->values.at("cleared").kind == FormValue::Kind::none);

    draft.urgency.reset();
    draft.values.clear();
    const auto minimal = api::DecodeDraft(api::EncodeDraft(draft));
    REQUIRE(minimal.ok());
    CHECK_FALSE(minimal->urgency.has_value());
    CHECK(minimal->values.empty());
    const auto bare = api::DecodeDraft(R"({"catalog_item_id":7})");
    REQUIRE(bare.ok());
    CHECK(bare->summary.empty());
    CHECK_FALSE(bare->urgency.has_value());
    const auto nulls = api::DecodeDraft(R"({"catalog_item_id":7,"summary":null,"urgency":null,"values":null})");
    REQUIRE(nulls.ok());
    CHECK_FALSE(nulls->urgency.has_value());
}

TEST_CASE("dto: draft values accept JSON numbers, booleans, lists and null") {
    const auto r = api::DecodeDraft(Draft(R"(,"values":{"quantity":3,"ratio":2.5,"neg":-4,"whole":3.0,"big":1e300,
        "agree":true,"off":false,"accessories":["dock","mouse"],"none":[],"note":null,"tag":"AB-1234"})"));
    REQUIRE_MESSAGE(r.ok(), r.error().message);
    const FormValues& v = r->values;
    CHECK(v.at("quantity").kind == FormValue::Kind::text);
    CHECK(v.at("quantity").text == "3");
    CHECK(v.at("ratio").text == "2.5");
    CHECK(v.at("neg").text == "-4");
    CHECK(v.at("whole").text == "3.0");
    CHECK(v.at("big").kind == FormValue::Kind::text);
    CHECK(v.at("agree").kind == FormValue::Kind::boolean);
    CHECK(v.at("agree").checked);
    CHECK_FALSE(v.at("off").checked);
    CHECK(v.at("accessories").kind == FormValue::Kind::list);
    CHECK(v.at("accessories").list == std::vector<std::string>{"dock", "mouse"});
    CHECK(v.at("none").kind == FormValue::Kind::list);
    CHECK(v.at("none").list.empty());
    CHECK(v.at("note").kind == FormValue::Kind::none);
    CHECK(v.at("tag").text == "AB-1234");

    // Numbers sent as JSON numbers validate like typed text.
    FieldDef quantity;
    quantity.key = "quantity";
    quantity.label = "Quantity";
    quantity.type = FieldType::number;
    quantity.integer = true;
    quantity.min = 1;
    quantity.max = 5;
    const spoc::CivilDate today{2026, 3, 10};
    CHECK(spoc::ValidateField(quantity, &v.at("quantity"), today).empty());
    CHECK(spoc::ValidateField(quantity, &v.at("whole"), today).empty());
    CHECK_FALSE(spoc::ValidateField(quantity, &v.at("ratio"), today).empty());
    CHECK_FALSE(spoc::ValidateField(quantity, &v.at("big"), today).empty());
    CHECK_FALSE(spoc::ValidateField(quantity, &v.at("neg"), today).empty());

    // EncodeFormValues/DecodeFormValues is the same shape, stored in Request::form_json.
    const auto stored = api::DecodeFormValues(api::EncodeFormValues(SampleValues()));
    REQUIRE(stored.ok());
    CheckSameValues(SampleValues(), stored.value());
    CHECK(api::EncodeFormValues({}) == "{}");
}

TEST_CASE("dto: Request round trip with form and comments") {
    const Request q = SampleRequest(42);
    const auto back = api::DecodeRequest(api::EncodeRequest(q));
    REQUIRE_MESSAGE(back.ok(), back.error().message);
    CheckSameRequest(q, back.value());
    CHECK(back->number == "INC0000042");
    CHECK(back->priority == spoc::Priority::high);

    // Every status, level, priority and type survives.
    for (int s = 0; s < spoc::kStatusCount; ++s) {
        Request r = q;
        r.status = static_cast<spoc::Status>(s);
        r.priority = static_cast<spoc::Priority>(1 + s % 5);
        r.type = s % 2 ? spoc::RequestType::incident : spoc::RequestType::service_request;
        r.impact = static_cast<spoc::Level>(1 + s % 3);
        const auto d = api::DecodeRequest(api::EncodeRequest(r));
        REQUIRE(d.ok());
        CheckSameRequest(r, d.value());
    }

    // No comments: the key is omitted and decodes as an empty list; an empty form is "{}".
    Request plain = q;
    plain.comments.clear();
    plain.form_json.clear();
    const std::string json = api::EncodeRequest(plain);
    CHECK(json.find("\"comments\"") == std::string::npos);
    const auto d = api::DecodeRequest(json);
    REQUIRE(d.ok());
    CHECK(d->comments.empty());
    CHECK(d->form_json == "{}");
    // Timestamps before 1970 survive too.
    plain.created_at = -86400000LL * 365 * 20 - 1;
    const auto old = api::DecodeRequest(api::EncodeRequest(plain));
    REQUIRE(old.ok());
    CHECK(old->created_at == plain.created_at);
}

TEST_CASE("dto: Request carries how it ended: resolution note, resolver, cancel reason, assignee's first name") {
    Request q = SampleRequest(42);
    q.status = spoc::Status::resolved;
    q.assignee_id = spoc::UserId(3);
    q.assignee_name = "Ava Patel";
    q.resolution_note = "Replaced the dock.\nIt works again.";
    q.resolved_by = spoc::UserId(3);
    q.resolved_by_name = "Ava";
    q.cancel_reason = "Filed twice";
    const std::string text = api::EncodeRequest(q);
    CHECK(text.find("\"assignee_first_name\":\"Ava\"") != std::string::npos);
    const auto back = api::DecodeRequest(text);
    REQUIRE_MESSAGE(back.ok(), back.error().message);
    CHECK(back->resolution_note == q.resolution_note);
    CHECK(back->resolved_by == q.resolved_by);
    CHECK(back->resolved_by_name == "Ava");
    CHECK(back->cancel_reason == "Filed twice");
    // Unset: the keys are left out.
    Request plain = SampleRequest(43);
    plain.assignee_id = spoc::UserId();
    const std::string bare = api::EncodeRequest(plain);
    for (const char* key : {"resolution_note", "resolved_by_id", "resolved_by_name", "cancel_reason", "assignee_first_name"})
        CHECK(bare.find(key) == std::string::npos);
    CHECK(api::FirstName("Ava Patel") == "Ava");
    CHECK(api::FirstName("  Spoc Admin ") == "Spoc");
    CHECK(api::FirstName("Cher") == "Cher");
    CHECK(api::FirstName("") == "");
}

TEST_CASE("dto: RequestPatch resolution_note goes with resolved, cancel_reason with cancelled") {
    api::RequestPatch p;
    p.base_version = 4;
    p.status = spoc::Status::resolved;
    p.resolution_note = "Reset the password and unlocked the account.";
    auto back = api::DecodeRequestPatch(api::EncodeRequestPatch(p));
    REQUIRE_MESSAGE(back.ok(), back.error().message);
    CHECK(back->resolution_note == p.resolution_note);
    CHECK(back->cancel_reason.empty());

    const auto trimmed = api::DecodeRequestPatch(R"({"base_version":2,"status":"cancelled","cancel_reason":"  Not needed any more \n"})");
    REQUIRE(trimmed.ok());
    CHECK(trimmed->cancel_reason == "Not needed any more");
    const auto blank = api::DecodeRequestPatch(R"({"base_version":2,"status":"resolved","resolution_note":"   "})");
    REQUIRE(blank.ok());
    CHECK(blank->resolution_note.empty());
    const auto null_note = api::DecodeRequestPatch(R"({"base_version":2,"status":"resolved","resolution_note":null})");
    REQUIRE(null_note.ok());

    struct Case {
        std::string body;
        const char* field;
    } cases[] = {
        {R"({"base_version":2,"status":"in_progress","resolution_note":"done"})", "resolution_note"},
        {R"({"base_version":2,"resolution_note":"done"})", "resolution_note"},
        {R"({"base_version":2,"status":"resolved","cancel_reason":"why"})", "cancel_reason"},
        {R"({"base_version":2,"status":"resolved","resolution_note":7})", "resolution_note"},
        {R"({"base_version":2,"status":"resolved","resolution_note":"bell\u0007"})", "resolution_note"},
        {R"({"base_version":2,"status":"cancelled","cancel_reason":")" + std::string(spoc::limits::kMaxCancelReason + 1, 'x') + "\"}",
         "cancel_reason"},
        {R"({"base_version":2,"status":"resolved","resolution_note":")" +
             std::string(spoc::limits::kMaxResolutionNote + 1, 'x') + "\"}",
         "resolution_note"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.body.substr(0, 120));
        const auto r = api::DecodeRequestPatch(c.body);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().field == c.field);
        CHECK_FALSE(r.error().message.empty());
    }
    const auto at_limit = api::DecodeRequestPatch(R"({"base_version":2,"status":"cancelled","cancel_reason":")" +
                                                  std::string(spoc::limits::kMaxCancelReason, 'x') + "\"}");
    CHECK(at_limit.ok());
}

TEST_CASE("dto: Request decode errors name the field") {
    struct Case {
        const char* body;
        const char* field;
    } cases[] = {
        {R"({})", "id"},
        {R"({"id":"42"})", "id"},
        {R"({"id":42,"status":"open"})", "status"},
        {R"({"id":42,"priority":"P1"})", "priority"},
        {R"({"id":42,"created_at":"yesterday"})", "created_at"},
        {R"({"id":42,"updated_at":1773100800000})", "updated_at"},
        {R"({"id":42,"form":"{}"})", "form"},
        {R"({"id":42,"comments":{}})", "comments"},
        {R"({"id":42,"comments":[{"body":"no id"}]})", "comments.id"},
        {R"({"id":42,"comments":[{"id":1,"author_role":"boss"}]})", "comments.author_role"},
        {R"({"id":42,"comments":[7]})", "comments"},
        {R"({"id":42,"version":"4"})", "version"},
    };
    for (const Case& c : cases) {
        const auto r = api::DecodeRequest(c.body);
        CAPTURE(std::string(c.body));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().field == c.field);
        CHECK_FALSE(r.error().message.empty());
    }
}

TEST_CASE("dto: RequestPage round trip") {
    api::RequestPage page;
    page.items = {SampleRequest(42), SampleRequest(41)};
    page.items[1].comments.clear();
    page.items[1].status = spoc::Status::resolved;
    page.total = 42;
    page.page = 2;
    page.page_size = 25;
    const auto back = api::DecodeRequestPage(api::EncodeRequestPage(page));
    REQUIRE_MESSAGE(back.ok(), back.error().message);
    CHECK(back->total == 42);
    CHECK(back->page == 2);
    CHECK(back->page_size == 25);
    REQUIRE(back->items.size() == 2);
    CheckSameRequest(page.items[0], back->items[0]);
    CheckSameRequest(page.items[1], back->items[1]);

    const auto defaults = api::DecodeRequestPage("{}");
    REQUIRE(defaults.ok());
    CHECK(defaults->items.empty());
    CHECK(defaults->page == 1);
    CHECK(defaults->page_size == spoc::limits::kDefaultPageSize);
    const auto bad_item = api::DecodeRequestPage(R"({"items":[{"id":1},{"id":"2"}]})");
    REQUIRE_FALSE(bad_item.ok());
    CHECK(bad_item.error().field == "items.id");
}

TEST_CASE("dto: Comment and CommentBody round trips") {
    for (bool internal : {false, true}) {
        const Comment c = SampleComment(5, internal);
        const auto back = api::DecodeComment(api::EncodeComment(c));
        REQUIRE_MESSAGE(back.ok(), back.error().message);
        CheckSameComment(c, back.value());

        api::CommentBody body{"Could you also add a mouse?\nThanks", internal};
        const auto b = api::DecodeCommentBody(api::EncodeCommentBody(body));
        REQUIRE_MESSAGE(b.ok(), b.error().message);
        CHECK(b->body == body.body);
        CHECK(b->internal == internal);
    }
    CHECK(api::EncodeCommentBody({"hi", false}).find("internal") == std::string::npos);
}

TEST_CASE("dto: CommentBody trims and enforces limits") {
    auto ok = api::DecodeCommentBody(R"({"body":"  \n Thanks!\n\t "})");
    REQUIRE(ok.ok());
    CHECK(ok->body == "Thanks!");
    CHECK_FALSE(ok->internal);

    auto empty = api::DecodeCommentBody(R"({"body":"  \n "})");
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().code == ErrorCode::validation_failed);
    CHECK(empty.error().field == "body");
    auto missing = api::DecodeCommentBody(R"({"internal":true})");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().field == "body");
    auto control = api::DecodeCommentBody(R"({"body":"ring \u0007 ring"})");
    REQUIRE_FALSE(control.ok());
    CHECK(control.error().code == ErrorCode::validation_failed);
    auto nul = api::DecodeCommentBody(R"({"body":"a\u0000b"})");
    REQUIRE_FALSE(nul.ok());
    auto wrong_internal = api::DecodeCommentBody(R"({"body":"x","internal":"true"})");
    REQUIRE_FALSE(wrong_internal.ok());
    CHECK(wrong_internal.error().field == "internal");

    const std::string at_limit = Repeat("é", spoc::limits::kMaxComment);
    auto max = api::DecodeCommentBody(api::EncodeCommentBody({at_limit, false}));
    REQUIRE(max.ok());
    CHECK(max->body == at_limit);
    auto over = api::DecodeCommentBody(api::EncodeCommentBody({at_limit + "é", false}));
    REQUIRE_FALSE(over.ok());
    CHECK(over.error().code == ErrorCode::validation_failed);
    CHECK(over.error().field == "body");
    auto huge = api::DecodeCommentBody(api::EncodeCommentBody({Repeat("x", 40000), false}));
    REQUIRE_FALSE(huge.ok());
    CHECK(huge.error().field == "body");
}

// [SECTION] Errors -------------------------------------------------------------------------------

TEST_CASE("dto: EncodeError/DecodeError round trip incl. details") {
    Error e = spoc::MakeError(ErrorCode::validation_failed, "Some fields are not valid.", "values.model");
    e.details = {{"values.model", "Choose an option."}, {"summary", "Keep the summary under 161 characters."}};
    const Error back = api::DecodeError(api::EncodeError(e), 422);
    CHECK(back.code == ErrorCode::validation_failed);
    CHECK(back.message == e.message);
    CHECK(back.field == "values.model");
    REQUIRE(back.details.size() == 2);
    CHECK(back.details[0].field == "values.model");
    CHECK(back.details[0].message == "Choose an option.");
    CHECK(back.details[1].field == "summary");
    CHECK(back.details[1].message == "Keep the summary under 161 characters.");

    // Every code round trips by name, whatever the HTTP status says.
    for (ErrorCode code : kAllCodes) {
        const Error one = spoc::MakeError(code);
        CHECK_FALSE(one.message.empty());
        const Error decoded = api::DecodeError(api::EncodeError(one), 500);
        CHECK(decoded.code == code);
        CHECK(decoded.message == one.message);
        CHECK(decoded.field.empty());
        CHECK(decoded.details.empty());
        ErrorCode parsed = ErrorCode::internal;
        REQUIRE(spoc::ParseErrorCode(spoc::ErrorCodeName(code), &parsed));
        CHECK(parsed == code);
    }
    ErrorCode untouched = ErrorCode::conflict;
    CHECK_FALSE(spoc::ParseErrorCode("teapot", &untouched));
    CHECK_FALSE(spoc::ParseErrorCode("", &untouched));
    CHECK(untouched == ErrorCode::conflict);

    // Encoding never throws, even on invalid UTF-8.
    std::string encoded;
    CHECK_NOTHROW(encoded = api::EncodeError(spoc::MakeError(ErrorCode::bad_request, "bad \xff byte", "f\xfe")));
    CHECK(api::DecodeError(encoded, 400).code == ErrorCode::bad_request);
}

TEST_CASE("dto: DecodeError falls back by HTTP status on non-JSON bodies") {
    const struct {
        int status;
        ErrorCode code;
    } table[] = {
        {401, ErrorCode::unauthenticated}, {403, ErrorCode::forbidden},  {404, ErrorCode::not_found},
        {409, ErrorCode::conflict},        {413, ErrorCode::payload_too_large}, {429, ErrorCode::rate_limited},
        {503, ErrorCode::unavailable},     {0, ErrorCode::network},      {400, ErrorCode::bad_request},
        {418, ErrorCode::bad_request},     {422, ErrorCode::bad_request}, {500, ErrorCode::internal},
        {502, ErrorCode::internal},        {504, ErrorCode::internal},
    };
    const char* bodies[] = {"", "<html><body>502 Bad Gateway</body></html>", "Service Unavailable", "null", "[]",
                            "{", "{\"message\":\"x\"}", "{\"error\":\"boom\"}", "{\"error\":[]}", "\xff\xfe"};
    for (const auto& row : table) {
        for (const char* body : bodies) {
            CAPTURE(row.status);
            CAPTURE(std::string(body));
            const Error e = api::DecodeError(body, row.status);
            CHECK(e.code == row.code);
            CHECK(e.message == spoc::ErrorCodeDefaultMessage(row.code));
            CHECK(e.field.empty());
            CHECK(e.details.empty());
        }
    }
}

TEST_CASE("dto: DecodeError takes what it can from partial bodies") {
    const Error unknown_code = api::DecodeError(R"({"error":{"code":"teapot","message":"I'm a teapot."}})", 418);
    CHECK(unknown_code.code == ErrorCode::bad_request);
    CHECK(unknown_code.message == "I'm a teapot.");
    const Error wrong_types = api::DecodeError(R"({"error":{"code":7,"message":["x"],"field":{},"details":"no"}})", 404);
    CHECK(wrong_types.code == ErrorCode::not_found);
    CHECK(wrong_types.message == spoc::ErrorCodeDefaultMessage(ErrorCode::not_found));
    const Error mixed_details = api::DecodeError(
        R"({"error":{"code":"validation_failed","message":"m","details":[1,"x",{"field":"a","message":"b"},{}]}})", 422);
    REQUIRE(mixed_details.details.size() == 2);
    CHECK(mixed_details.details[0].field == "a");
    CHECK(mixed_details.details[0].message == "b");
    CHECK(mixed_details.details[1].field.empty());
}

TEST_CASE("dto: DecodeError with a code but no message uses that code's message") {
    // The body names the code; the message should match it rather than the HTTP fallback's.
    const Error e = api::DecodeError(R"({"error":{"code":"conflict"}})", 500);
    CHECK(e.code == ErrorCode::conflict);
    CHECK(e.message == spoc::ErrorCodeDefaultMessage(ErrorCode::conflict));
}

// [SECTION] Sign-in ------------------------------------------------------------------------------

TEST_CASE("dto: sign-in folds and trims the username, not the password") {
    auto r = api::DecodeSignIn(R"({"username":"  Emma.Jones \t","password":"  s3cret Pass "})");
    REQUIRE_MESSAGE(r.ok(), r.error().message);
    CHECK(r->username == "emma.jones");
    CHECK(r->password == "  s3cret Pass ");
    auto upper = api::DecodeSignIn(R"({"username":"EMMA","password":"x"})");
    REQUIRE(upper.ok());
    CHECK(upper->username == "emma");
    auto accents = api::DecodeSignIn(R"({"username":"ÉMMA","password":"x"})");
    REQUIRE(accents.ok());
    CHECK(accents->username == "Émma");  // ASCII-only folding
    const api::SignInBody body{"sam", "pa\"ss\\word"};
    auto back = api::DecodeSignIn(api::EncodeSignIn(body));
    REQUIRE(back.ok());
    CHECK(back->username == "sam");
    CHECK(back->password == body.password);
}

TEST_CASE("dto: sign-in limits and missing fields") {
    auto sign_in = [](const std::string& user, const std::string& pass) {
        return api::DecodeSignIn(api::EncodeSignIn({user, pass}));
    };
    const std::string u64 = Repeat("u", spoc::limits::kMaxUsername);
    const std::string p256 = Repeat("p", spoc::limits::kMaxPassword);
    CHECK(sign_in(u64, "x").ok());
    CHECK(sign_in("  " + u64 + "  ", "x").ok());
    CHECK(sign_in("x", p256).ok());

    auto expect = [](const Result<api::SignInBody>& r, ErrorCode code, const char* field) {
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == code);
        CHECK(r.error().field == field);
        CHECK_FALSE(r.error().message.empty());
    };
    expect(sign_in(u64 + "u", "x"), ErrorCode::validation_failed, "username");
    expect(sign_in(Repeat("u", 300), "x"), ErrorCode::bad_request, "username");
    expect(sign_in("", "x"), ErrorCode::validation_failed, "username");
    expect(sign_in(" \t\n ", "x"), ErrorCode::validation_failed, "username");
    expect(sign_in("x", ""), ErrorCode::validation_failed, "password");
    expect(sign_in("x", p256 + "p"), ErrorCode::validation_failed, "password");
    expect(sign_in("x", Repeat("p", 1100)), ErrorCode::bad_request, "password");
    expect(api::DecodeSignIn(R"({"password":"x"})"), ErrorCode::bad_request, "username");
    expect(api::DecodeSignIn(R"({"username":"x"})"), ErrorCode::bad_request, "password");
    expect(api::DecodeSignIn(R"({"username":null,"password":"x"})"), ErrorCode::bad_request, "username");
    expect(api::DecodeSignIn(R"({"username":42,"password":"x"})"), ErrorCode::bad_request, "username");
    expect(api::DecodeSignIn(R"({"username":"x","password":["x"]})"), ErrorCode::bad_request, "password");
}

// [SECTION] Drafts: wrong types, limits, ids --------------------------------------------------------

TEST_CASE("dto: every draft field rejects the wrong JSON type") {
    struct Case {
        std::string body;
        const char* field;
    };
    std::vector<Case> cases;
    for (const char* bad : {"\"7\"", "7.5", "true", "[]", "{}", "null", "0", "-3", "1e3"})
        cases.push_back({std::string("{\"catalog_item_id\":") + bad + "}", "catalog_item_id"});
    cases.push_back({"{}", "catalog_item_id"});
    for (const char* bad : {"1", "true", "[]", "{}", "[\"a\"]"}) {
        cases.push_back({Draft(std::string(",\"summary\":") + bad), "summary"});
        cases.push_back({Draft(std::string(",\"description\":") + bad), "description"});
    }
    for (const char* bad : {"1", "true", "[]", "{}", "\"extreme\"", "\"High\"", "\"p1\""})
        cases.push_back({Draft(std::string(",\"urgency\":") + bad), "urgency"});
    for (const char* bad : {"[]", "\"x\"", "1", "true", "[{}]"}) cases.push_back({Draft(std::string(",\"values\":") + bad), "values"});
    for (const char* bad : {"{}", "[1]", "[true]", "[null]", "[[]]", "[{}]", "[\"a\",2]"})
        cases.push_back({Draft(std::string(",\"values\":{\"x\":") + bad + "}"), "values.x"});
    cases.push_back({Draft(",\"values\":{\"\":\"x\"}"), "values"});
    cases.push_back({Draft(",\"values\":{\"" + Repeat("k", 65) + "\":\"x\"}"), "values"});

    for (const Case& c : cases) {
        CAPTURE(c.body);
        Result<RequestDraft> r = RequestDraft{};
        CHECK_NOTHROW(r = api::DecodeDraft(c.body));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().field == c.field);
        CHECK(IsCleanDecodeError(r.error().code));
        CHECK_FALSE(r.error().message.empty());
    }
}

TEST_CASE("dto: an empty urgency string is not silently read as low") {
    // "urgency":"" is neither a level nor absent; today it decodes as Level::low.
    const auto r = api::DecodeDraft(Draft(",\"urgency\":\"\""));
    CHECK((!r.ok() || !r->urgency.has_value()));
}

TEST_CASE("dto: draft size limits") {
    const size_t summary_cap = spoc::limits::kMaxSummary * 4 + 64;
    CHECK(api::DecodeDraft(Draft(",\"summary\":\"" + Repeat("s", summary_cap) + "\"")).ok());
    auto long_summary = api::DecodeDraft(Draft(",\"summary\":\"" + Repeat("s", summary_cap + 1) + "\""));
    REQUIRE_FALSE(long_summary.ok());
    CHECK(long_summary.error().field == "summary");
    const size_t description_cap = spoc::limits::kMaxDescription * 4 + 64;
    auto long_description = api::DecodeDraft(Draft(",\"description\":\"" + Repeat("d", description_cap + 1) + "\""));
    REQUIRE_FALSE(long_description.ok());
    CHECK(long_description.error().field == "description");

    auto long_value = api::DecodeDraft(Draft(",\"values\":{\"notes\":\"" + Repeat("v", spoc::limits::kMaxLongText * 4 + 1) + "\"}"));
    REQUIRE_FALSE(long_value.ok());
    CHECK(long_value.error().field == "values.notes");
    CHECK(long_value.error().code == ErrorCode::validation_failed);
    auto long_choice = api::DecodeDraft(Draft(",\"values\":{\"acc\":[\"" + Repeat("c", 201) + "\"]}"));
    REQUIRE_FALSE(long_choice.ok());
    CHECK(long_choice.error().field == "values.acc");
    std::string many = "[";
    for (size_t i = 0; i <= spoc::limits::kMaxChoices; ++i) many += (i ? ",\"o" : "\"o") + std::to_string(i) + "\"";
    many += "]";
    auto too_many_choices = api::DecodeDraft(Draft(",\"values\":{\"acc\":" + many + "}"));
    REQUIRE_FALSE(too_many_choices.ok());
    CHECK(too_many_choices.error().field == "values.acc");

    // 80 keys are fine, 81 or 1,000 are not.
    auto object_with = [](size_t n) {
        std::string values = "{";
        for (size_t i = 0; i < n; ++i) values += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":\"v\"";
        return values + "}";
    };
    auto draft_with = [&](size_t n) { return Draft(",\"values\":" + object_with(n)); };
    CHECK(api::DecodeDraft(draft_with(spoc::limits::kMaxFormFields * 2)).ok());
    auto eighty_one = api::DecodeDraft(draft_with(spoc::limits::kMaxFormFields * 2 + 1));
    REQUIRE_FALSE(eighty_one.ok());
    CHECK(eighty_one.error().field == "values");
    auto thousand = api::DecodeDraft(draft_with(1000));
    REQUIRE_FALSE(thousand.ok());
    CHECK(thousand.error().field == "values");
    CHECK(api::DecodeFormValues(object_with(spoc::limits::kMaxFormFields * 2)).ok());
    auto thousand_values = api::DecodeFormValues(object_with(1000));
    REQUIRE_FALSE(thousand_values.ok());
    CHECK(thousand_values.error().field == "values");

    // Whole bodies over the cap are refused before parsing.
    const std::string huge = Draft(",\"summary\":\"" + Repeat("h", spoc::limits::kMaxBodyBytes * 4) + "\"");
    auto too_large = api::DecodeDraft(huge);
    REQUIRE_FALSE(too_large.ok());
    CHECK(too_large.error().code == ErrorCode::payload_too_large);
    ExpectEveryDecoderRefuses(huge, "a 256 KiB body");
}

TEST_CASE("dto: catalog_item_id must be a positive int64") {
    CHECK(api::DecodeDraft(R"({"catalog_item_id":1})").ok());
    const auto max = api::DecodeDraft(R"({"catalog_item_id":9223372036854775807})");
    REQUIRE(max.ok());
    CHECK(max->catalog_item_id.value == INT64_MAX);
    for (const char* bad : {"0", "-1", "-0", "-9223372036854775808", "9223372036854775808", "18446744073709551615",
                            "18446744073709551616", "-9223372036854775809", "1e19", "99999999999999999999999"}) {
        const auto r = api::DecodeDraft(std::string("{\"catalog_item_id\":") + bad + "}");
        CAPTURE(std::string(bad));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().field == "catalog_item_id");
    }
}

TEST_CASE("dto: ids beyond int64 are rejected, not wrapped to negative values") {
    // JSON integers in (INT64_MAX, UINT64_MAX] parse as unsigned and are read with get<int64_t>(),
    // which wraps them: 9223372036854775808 -> INT64_MIN, 18446744073709551615 -> -1.
    for (const char* big : {"9223372036854775808", "18446744073709551615"}) {
        CAPTURE(std::string(big));
        const auto request = api::DecodeRequest(std::string("{\"id\":") + big + "}");
        CHECK_FALSE(request.ok());
        const auto comment = api::DecodeComment(std::string("{\"id\":") + big + "}");
        CHECK_FALSE(comment.ok());
        const auto me = api::DecodeMe(std::string(R"({"csrf_token":"t","user":{"username":"a","role":"admin","id":)") + big + "}}");
        CHECK_FALSE(me.ok());
        // A form number in that range must not turn into a different, negative number.
        const auto values = api::DecodeFormValues(std::string("{\"n\":") + big + "}");
        CHECK((!values.ok() || values->at("n").text == big));
    }
}

// [SECTION] Hostile bodies -------------------------------------------------------------------------

TEST_CASE("dto: malformed bodies give clean errors from every decoder") {
    const std::vector<std::string> bodies = {
        "",
        " ",
        "null",
        "[]",
        "{",
        "}",
        "\"str\"",
        "42",
        "-1",
        "true",
        "{\"a\":}",
        "{'a':1}",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{\"a\":1}}",
        "{\"a\":1} trailing",
        "{\"a\":\"\xff\"}",
        "{\"a\":\"\xc0\xaf\"}",
        "{\"a\":\"\xed\xa0\x80\"}",
        "{\"a\":\"\\ud800\"}",
        "{\"a\":\"\\u12\"}",
        "{\"a\":\"unterminated}",
        "{\"a\":01}",
        "{\"a\":NaN}",
        "{\"a\":Infinity}",
        "{\"a\":1e99999}",
        "\xff\xfe{}",
        std::string("\0{}", 3),
        "[{\"id\":1}]",
        Repeat("{", 1000),
        Repeat("{\"a\":", 5000),
    };
    for (const std::string& body : bodies) {
        std::string what = "'";  // built by append: GCC 12 warns falsely on "lit" + std::string&& (bug 105651)
        what.append(body, 0, 40).append("'");
        ExpectEveryDecoderRefuses(body, what);
    }
    CHECK(api::DecodeDraft("{\"catalog_item_id\":1,\"summary\":\"\xff\"}").error().code == ErrorCode::invalid_json);
}

TEST_CASE("dto: 100,000 nested arrays give an error, not a stack overflow") {
    const std::string open(100000, '[');
    ExpectEveryDecoderRefuses(open, "100,000 '['");
    const std::string balanced = open + std::string(100000, ']');
    ExpectEveryDecoderRefuses(balanced, "100,000 nested empty arrays");
    const std::string objects = Repeat("{\"a\":", 50000) + "1" + std::string(50000, '}');
    for (const NamedDecoder& d : kDecoders) {
        Outcome o;
        CHECK_NOTHROW(o = d.run(objects));  // a valid object; decoders may accept or refuse it
        CHECK((o.ok || !o.message.empty()));
    }
    // Deep nesting inside fields that are read.
    auto values = api::DecodeDraft(Draft(",\"values\":{\"x\":" + open + std::string(100000, ']') + "}"));
    REQUIRE_FALSE(values.ok());
    CHECK(values.error().field == "values.x");
    auto summary = api::DecodeDraft(Draft(",\"summary\":" + balanced));
    REQUIRE_FALSE(summary.ok());
    CHECK(summary.error().field == "summary");
    // ... and inside fields that are ignored.
    CHECK(api::DecodeDraft(Draft(",\"extra\":" + balanced)).ok());
    CHECK(api::DecodeComment("{\"id\":1,\"extra\":" + balanced + "}").ok());
}

TEST_CASE("dto: a request whose form is nested deeply is refused") {
    // "form" is copied with json::dump(), which recurses once per level. 1,000 levels are safe
    // everywhere; they should still be refused as not being a form.
    const std::string nested = Repeat("[", 1000) + Repeat("]", 1000);
    const auto request = api::DecodeRequest("{\"id\":1,\"form\":{\"a\":" + nested + "}}");
    CHECK_FALSE(request.ok());
    const auto page = api::DecodeRequestPage("{\"items\":[{\"id\":1,\"form\":{\"a\":" + nested + "}}]}");
    CHECK_FALSE(page.ok());
}

TEST_CASE("dto: a request whose form is nested 100,000 deep does not crash") {
    // Regression: "form" used to be copied with a recursive json::dump() before its shape was
    // checked, which overflowed the stack (natively from ~5,000 levels, in wasm from ~10,000).
    const std::string nested = Repeat("[", 100000) + Repeat("]", 100000);
    const auto request = api::DecodeRequest("{\"id\":1,\"form\":{\"a\":" + nested + "}}");
    CHECK_FALSE(request.ok());
    const auto page = api::DecodeRequestPage("{\"items\":[{\"id\":1,\"form\":{\"a\":" + nested + "}}]}");
    CHECK_FALSE(page.ok());
}

TEST_CASE("dto: huge strings and invalid UTF-8 inside valid JSON") {
    // Invalid UTF-8 can only reach the decoders through escapes that nlohmann refuses, so every
    // raw or escaped bad sequence is an invalid_json error.
    for (const char* bad : {"\xff", "\xfe\xff", "\xc3", "\xe2\x82", "\xf4\x90\x80\x80", "\\udc00", "\\ud800\\u0041"}) {
        const auto r = api::DecodeCommentBody(std::string("{\"body\":\"x") + bad + "\"}");
        CAPTURE(std::string(bad));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::invalid_json);
    }
    // Valid escapes decode to the right UTF-8.
    const auto emoji = api::DecodeCommentBody(R"({"body":"\ud83d\ude00 \u00e9"})");
    REQUIRE(emoji.ok());
    CHECK(emoji->body == "😀 é");

    // Long strings in every string field of an item are refused by name, not truncated.
    const std::string long_text = Repeat("x", 5000);
    for (const char* key : {"department", "category", "title", "summary", "description", "icon", "fulfillment"}) {
        CAPTURE(std::string(key));
        std::string body = R"({"department":"IT","title":"T",")" + std::string(key) + "\":\"" + long_text + "\"}";
        const auto r = api::DecodeCatalogItem(body);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().field == key);
    }
}

// [SECTION] Fuzz ----------------------------------------------------------------------------------

namespace {

// Fixed-seed 64-bit LCG (Knuth's MMIX constants): the same sequence on every platform.
struct Lcg {
    std::uint64_t state;
    std::uint32_t Next() {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(state >> 33);
    }
    std::size_t Below(std::size_t n) { return n == 0 ? 0 : Next() % n; }
};

std::vector<std::string> FuzzSeeds() {
    std::vector<std::string> seeds;
    seeds.push_back(api::EncodeSignIn({"Emma.Jones", "s3cret"}));
    seeds.push_back(api::EncodeMe(SampleMe()));
    seeds.push_back(api::EncodeCatalogItem(SampleItem()));
    seeds.push_back(api::EncodeCatalogList({SampleItem(), SampleItem()}));
    seeds.push_back(api::EncodeFormValues(SampleValues()));
    RequestDraft draft;
    draft.catalog_item_id = spoc::CatalogItemId(7);
    draft.summary = "Laptop for Emma";
    draft.urgency = spoc::Level::medium;
    draft.values = SampleValues();
    seeds.push_back(api::EncodeDraft(draft));
    seeds.push_back(Draft(R"(,"values":{"q":3,"r":2.5,"b":true,"l":["a","b"],"n":null})"));
    seeds.push_back(api::EncodeRequest(SampleRequest(42)));
    api::RequestPage page;
    page.items = {SampleRequest(42), SampleRequest(43)};
    page.total = 2;
    seeds.push_back(api::EncodeRequestPage(page));
    seeds.push_back(api::EncodeCommentBody({"Any update?\nThanks", true}));
    seeds.push_back(api::EncodeComment(SampleComment(3, true)));
    Error e = spoc::MakeError(ErrorCode::validation_failed, "Some fields are not valid.", "summary");
    e.details = {{"summary", "Too long."}, {"values.model", "Choose an option."}};
    seeds.push_back(api::EncodeError(e));
    return seeds;
}

std::string Mutate(const std::string& base, const std::vector<std::string>& seeds, Lcg& rng) {
    static const char kInteresting[] = "{}[]\":,\\0123456789-+.eEtfnul \t\n\x7f\x80\xbf\xc3\xe2\xf0\xff";
    std::string s = base;
    const std::size_t steps = 1 + rng.Below(4);
    for (std::size_t step = 0; step < steps; ++step) {
        const std::size_t pos = rng.Below(s.size() + 1);
        switch (rng.Below(8)) {
            case 0:  // flip one bit
                if (!s.empty()) s[pos % s.size()] = static_cast<char>(s[pos % s.size()] ^ (1 << rng.Below(8)));
                break;
            case 1:  // overwrite with a random byte
                if (!s.empty()) s[pos % s.size()] = static_cast<char>(rng.Below(256));
                break;
            case 2:  // overwrite with a JSON-significant byte
                if (!s.empty()) s[pos % s.size()] = kInteresting[rng.Below(sizeof kInteresting - 1)];
                break;
            case 3:  // truncate
                s.resize(pos);
                break;
            case 4:  // insert a JSON-significant byte or a random one
                s.insert(pos, 1, rng.Below(2) ? kInteresting[rng.Below(sizeof kInteresting - 1)]
                                              : static_cast<char>(rng.Below(256)));
                break;
            case 5: {  // delete a short range
                const std::size_t len = 1 + rng.Below(16);
                if (pos < s.size()) s.erase(pos, len);
                break;
            }
            case 6: {  // duplicate a slice of itself
                if (s.empty()) break;
                const std::size_t from = rng.Below(s.size());
                const std::size_t len = 1 + rng.Below(std::min<std::size_t>(64, s.size() - from));
                s.insert(pos, s.substr(from, len));
                break;
            }
            case 7: {  // splice in a slice of another seed
                const std::string& other = seeds[rng.Below(seeds.size())];
                const std::size_t from = rng.Below(other.size());
                const std::size_t len = 1 + rng.Below(std::min<std::size_t>(128, other.size() - from));
                s.insert(pos, other.substr(from, len));
                break;
            }
        }
    }
    return s;
}

}  // namespace

TEST_CASE("dto: every seed body decodes with its own decoder") {
    const std::vector<std::string> seeds = FuzzSeeds();
    const char* decoder_of_seed[] = {"DecodeSignIn",  "DecodeMe",      "DecodeCatalogItem", "DecodeCatalogList",
                                     "DecodeFormValues", "DecodeDraft", "DecodeDraft",      "DecodeRequest",
                                     "DecodeRequestPage", "DecodeCommentBody", "DecodeComment", "DecodeError"};
    REQUIRE(seeds.size() == sizeof decoder_of_seed / sizeof decoder_of_seed[0]);
    for (size_t i = 0; i < seeds.size(); ++i) {
        for (const NamedDecoder& d : kDecoders) {
            if (std::string_view(d.name) != decoder_of_seed[i]) continue;
            const Outcome o = d.run(seeds[i]);
            CAPTURE(seeds[i]);
            if (std::string_view(d.name) == "DecodeError") CHECK(o.code == ErrorCode::validation_failed);
            else CHECK_MESSAGE(o.ok, d.name << ": " << o.message);
            CHECK_FALSE(o.reencode_failed);
        }
    }
}

TEST_CASE("dto: fixed-seed mutation fuzz over every decoder") {
    const std::vector<std::string> seeds = FuzzSeeds();
    Lcg rng{0x5370C0DE2026ULL};
    constexpr int kIterations = 20000;
    long decodes = 0, accepted = 0, empty_messages = 0, unclean = 0, internal_throws = 0, reencode_failures = 0;
    std::string first_problem;
    auto note = [&](const std::string& what, const std::string& body) {
        if (first_problem.empty()) first_problem = what + " on body: " + body.substr(0, 300);
    };
    for (int i = 0; i < kIterations; ++i) {
        const std::string body = Mutate(seeds[static_cast<size_t>(i) % seeds.size()], seeds, rng);
        for (const NamedDecoder& d : kDecoders) {
            Outcome o;
            try {
                o = d.run(body);
            } catch (...) {
                ++internal_throws;
                note(std::string(d.name) + " threw", body);
                continue;
            }
            ++decodes;
            if (o.reencode_failed) {
                ++reencode_failures;
                note(std::string(d.name) + " re-encode failed: " + o.message, body);
            }
            if (o.ok) {
                ++accepted;
                continue;
            }
            if (o.message.empty()) {
                ++empty_messages;
                note(std::string(d.name) + " empty message", body);
            }
            if (std::string_view(d.name) != "DecodeError" && !IsCleanDecodeError(o.code)) {
                ++unclean;
                note(std::string(d.name) + " unexpected code " + Code(o.code), body);
            }
            // The catch-all boundary's message means something inside a decoder threw.
            if (o.message == "The request body has an unexpected shape.") {
                ++internal_throws;
                note(std::string(d.name) + " hit the catch-all boundary", body);
            }
        }
    }
    INFO("first problem: " << first_problem);
    CHECK(decodes == kIterations * static_cast<long>(sizeof kDecoders / sizeof kDecoders[0]));
    CHECK(empty_messages == 0);
    CHECK(unclean == 0);
    CHECK(internal_throws == 0);
    CHECK(reencode_failures == 0);
    // Sanity: the mutations leave a fair share of bodies decodable, so the fuzz reaches past the parser.
    CHECK(accepted > kIterations / 10);
}
