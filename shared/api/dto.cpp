// JSON encode/decode for the wire DTOs (see dto.h). Parsing never throws past this file: the
// parser runs in non-throwing mode, every access is type-checked, and each public decoder also
// has a catch-all boundary that turns anything unexpected into a bad_request error.
#include "shared/api/dto.h"

#include <nlohmann/json.hpp>

#include "shared/api/json_support.h"

#include "shared/domain/approval.h"
#include "shared/domain/i18n.h"
#include "shared/domain/limits.h"
#include "shared/domain/text.h"

namespace spoc::api {

using nlohmann::json;
using i18n::Format;
using i18n::tr;
using i18n::trn;

// [SECTION] Reading helpers ------------------------------------------------------------------

using namespace json_support;  // Reader, ParseObject, Guard, Dump

// [SECTION] Errors ------------------------------------------------------------------------------

std::string EncodeError(const Error& error) {
    json e = {{"code", ErrorCodeName(error.code)}, {"message", error.message}};
    if (!error.field.empty()) e["field"] = error.field;
    if (!error.details.empty()) {
        json details = json::array();
        for (const FieldError& d : error.details) details.push_back({{"field", d.field}, {"message", d.message}});
        e["details"] = std::move(details);
    }
    return Dump(json{{"error", std::move(e)}});
}

Error DecodeError(std::string_view body, int http_status) {
    Error fallback;
    fallback.code = http_status == 401 ? ErrorCode::unauthenticated
                  : http_status == 403 ? ErrorCode::forbidden
                  : http_status == 404 ? ErrorCode::not_found
                  : http_status == 409 ? ErrorCode::conflict
                  : http_status == 413 ? ErrorCode::payload_too_large
                  : http_status == 429 ? ErrorCode::rate_limited
                  : http_status == 503 ? ErrorCode::unavailable
                  : http_status == 0   ? ErrorCode::network
                  : http_status >= 400 && http_status < 500 ? ErrorCode::bad_request
                                                             : ErrorCode::internal;
    fallback.message = std::string(ErrorCodeDefaultMessage(fallback.code));
    try {
        auto doc = ParseObject(body);
        if (!doc.ok()) return fallback;
        const json* e = doc->contains("error") && doc->at("error").is_object() ? &doc->at("error") : nullptr;
        if (!e) return fallback;
        Reader r(*e, "");
        Error out = fallback;
        ErrorCode code;
        if (ParseErrorCode(r.String("code"), &code)) {
            out.code = code;
            out.message = std::string(ErrorCodeDefaultMessage(code));
        }
        const std::string message = r.String("message");
        if (!message.empty()) out.message = message;
        out.field = r.String("field");
        if (const json* details = r.Array("details")) {
            for (const json& d : *details) {
                if (!d.is_object()) continue;
                Reader dr(d, "");
                out.details.push_back({dr.String("field"), dr.String("message")});
            }
        }
        return out;
    } catch (...) {
        return fallback;
    }
}

// [SECTION] Session -----------------------------------------------------------------------------

Result<SignInBody> DecodeSignIn(std::string_view body) {
    return Guard<SignInBody>([&]() -> Result<SignInBody> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        SignInBody out;
        out.username = ToLowerAscii(Trim(r.String("username", true, limits::kMaxUsername * 4)));
        out.password = r.String("password", true, limits::kMaxPassword * 4);
        if (r.failed()) return r.error();
        if (out.username.empty()) return MakeError(ErrorCode::validation_failed, tr("Enter your username."), "username");
        if (out.username.size() > limits::kMaxUsername) return MakeError(ErrorCode::validation_failed, tr("That username is too long."), "username");
        if (out.password.empty()) return MakeError(ErrorCode::validation_failed, tr("Enter your password."), "password");
        if (out.password.size() > limits::kMaxPassword) return MakeError(ErrorCode::validation_failed, tr("That password is too long."), "password");
        return out;
    });
}

std::string EncodeSignIn(const SignInBody& body) {
    return Dump(json{{"username", body.username}, {"password", body.password}});
}

static json UserJson(const User& u) {
    return json{{"id", u.id.value}, {"username", u.username}, {"display_name", u.display_name}, {"email", u.email},
                {"role", RoleName(u.role)}, {"department", u.department}, {"time_zone", u.time_zone}};
}

static User ReadUser(Reader& r) {
    User u;
    u.id = UserId(r.Int("id", 0, true));
    u.username = r.String("username", true, 256);
    u.display_name = r.String("display_name", false, 256);
    u.email = r.String("email", false, 256);
    u.role = r.Enum("role", Role::employee, ParseRole, true);
    u.department = r.String("department", false, 256);
    u.time_zone = r.String("time_zone", false, 64);
    u.locale = r.String("locale", false, 16);
    return u;
}

std::string EncodeMe(const Me& me) {
    json user = UserJson(me.user);
    user["locale"] = me.user.locale;  // only the user's own: their language menu
    return Dump(json{{"user", std::move(user)}, {"csrf_token", me.csrf_token}});
}

std::string EncodeMePatch(const std::string& locale) { return Dump(json{{"locale", locale}}); }

Result<std::string> DecodeMePatch(std::string_view body) {
    return Guard<std::string>([&]() -> Result<std::string> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        std::string locale = r.String("locale", true, 16);
        if (r.failed()) return r.error();
        i18n::Lang lang;
        if (!locale.empty() && (!i18n::ParseLang(locale, &lang) || i18n::LangCode(lang) != locale))
            return MakeError(ErrorCode::validation_failed, tr("Choose one of the languages Spoc offers."), "locale");
        return locale;
    });
}

Result<Me> DecodeMe(std::string_view body) {
    return Guard<Me>([&]() -> Result<Me> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        Me me;
        me.csrf_token = r.String("csrf_token", true, 256);
        const json* user = r.Object("user");
        if (!user && !r.failed()) r.Fail("user", "is required.");
        if (user) {
            Reader ur(*user, "user.");
            me.user = ReadUser(ur);
            if (ur.failed()) r.Adopt(ur.error());
        }
        if (r.failed()) return r.error();
        return me;
    });
}

// [SECTION] Catalog -----------------------------------------------------------------------------

static json FieldJson(const FieldDef& f) {
    json j = {{"key", f.key}, {"label", f.label}, {"type", FieldTypeName(f.type)}, {"required", f.required}};
    if (!f.help.empty()) j["help"] = f.help;
    if (!f.placeholder.empty()) j["placeholder"] = f.placeholder;
    if (!f.options.empty()) {
        json options = json::array();
        for (const Choice& c : f.options) options.push_back({{"value", c.value}, {"label", c.label}});
        j["options"] = std::move(options);
    }
    if (f.min) j["min"] = *f.min;
    if (f.max) j["max"] = *f.max;
    if (f.integer) j["integer"] = true;
    if (f.min_length) j["min_length"] = f.min_length;
    if (f.max_length) j["max_length"] = f.max_length;
    if (!f.min_date.empty()) j["min_date"] = f.min_date;
    if (!f.max_date.empty()) j["max_date"] = f.max_date;
    if (!f.pattern.empty()) j["pattern"] = f.pattern;
    if (!f.pattern_message.empty()) j["pattern_message"] = f.pattern_message;
    if (!f.default_value.empty()) j["default"] = f.default_value;
    if (f.visible_when) j["visible_when"] = {{"field", f.visible_when->field}, {"equals", f.visible_when->equals}};
    return j;
}

static json ApprovalJson(const approval::Policy& policy) {
    json steps = json::array();
    for (const approval::StepRule& s : policy.steps) {
        json step = {{"kind", approval::StepKindName(s.kind)}};
        if (s.kind == approval::StepKind::group) {
            step["group"] = s.group;
            step["quorum"] = approval::QuorumName(s.quorum);
        }
        if (!s.when.empty()) {
            json when = json::array();
            for (const approval::Condition& c : s.when) when.push_back({{"field", c.field}, {"in", c.values}});
            step["when"] = std::move(when);
        }
        steps.push_back(std::move(step));
    }
    return {{"steps", std::move(steps)}, {"hold_until_approved", policy.hold_until_approved},
            {"remind_after_hours", policy.remind_after_hours}};
}

static approval::Policy ReadApproval(Reader& r) {
    approval::Policy p;
    p.hold_until_approved = r.Has("hold_until_approved") ? r.Bool("hold_until_approved") : true;
    p.remind_after_hours = r.Int32("remind_after_hours", approval::kDefaultRemindAfterHours);
    const json* steps = r.Array("steps");
    if (!steps) return p;
    if (steps->size() > static_cast<std::size_t>(approval::kMaxSteps) * 2) {
        r.Fail("steps", "has too many steps.");
        return p;
    }
    for (const json& sj : *steps) {
        if (!sj.is_object()) { r.Fail("steps", "must hold objects."); break; }
        Reader sr(sj, r.prefix() + "steps.");
        approval::StepRule s;
        s.kind = sr.Enum("kind", approval::StepKind::manager, approval::ParseStepKind);
        s.group = sr.String("group", false, 64);
        s.quorum = sr.Enum("quorum", approval::Quorum::any, approval::ParseQuorum);
        if (const json* when = sr.Array("when")) {
            for (const json& cj : *when) {
                if (!cj.is_object() || s.when.size() >= 10) { sr.Fail("when", "must hold at most 10 objects."); break; }
                Reader cr(cj, sr.prefix() + "when.");
                approval::Condition c;
                c.field = cr.String("field", true, 64);
                if (const json* in = cr.Array("in"))
                    for (const json& v : *in)
                        if (v.is_string() && c.values.size() < limits::kMaxChoices) c.values.push_back(v.get<std::string>());
                if (cr.failed()) { sr.Adopt(cr.error()); break; }
                s.when.push_back(std::move(c));
            }
        }
        if (sr.failed()) { r.Adopt(sr.error()); break; }
        p.steps.push_back(std::move(s));
    }
    return p;
}

static json ItemJson(const CatalogItem& item, bool with_fields) {
    json j = {{"id", item.id.value}, {"department", item.department}, {"category", item.category},
              {"title", item.title}, {"summary", item.summary}, {"description", item.description},
              {"icon", item.icon}, {"type", RequestTypeName(item.type)}, {"impact", LevelName(item.impact)},
              {"urgency", LevelName(item.urgency)}, {"ask_urgency", item.ask_urgency},
              {"requires_approval", item.requires_approval || approval::HasApproval(item.approval)},
              {"fulfillment", item.fulfillment},
              {"keywords", item.keywords}, {"sort", item.sort}};
    if (with_fields) {
        json fields = json::array();
        for (const FieldDef& f : item.fields) fields.push_back(FieldJson(f));
        j["fields"] = std::move(fields);
        if (approval::HasApproval(item.approval)) j["approval"] = ApprovalJson(item.approval);
    }
    return j;
}

static FieldDef ReadField(Reader& r) {
    FieldDef f;
    f.key = r.String("key", true, 64);
    f.label = r.String("label", true, 200);
    f.type = r.Enum("type", FieldType::short_text, ParseFieldType, true);
    f.required = r.Bool("required");
    f.help = r.String("help", false, 1000);
    f.placeholder = r.String("placeholder", false, 200);
    if (const json* options = r.Array("options")) {
        for (const json& o : *options) {
            if (!o.is_object()) { r.Fail("options", "must hold objects."); break; }
            Reader orr(o, r.prefix() + "options.");
            Choice c{orr.String("value", true, 100), orr.String("label", true, 200)};
            if (orr.failed()) { r.Adopt(orr.error()); break; }
            f.options.push_back(std::move(c));
        }
    }
    f.min = r.Number("min");
    f.max = r.Number("max");
    f.integer = r.Bool("integer");
    f.min_length = static_cast<int>(r.Int("min_length"));
    f.max_length = static_cast<int>(r.Int("max_length"));
    f.min_date = r.String("min_date", false, 32);
    f.max_date = r.String("max_date", false, 32);
    f.pattern = r.String("pattern", false, 512);
    f.pattern_message = r.String("pattern_message", false, 300);
    f.default_value = r.String("default", false, 200);
    if (const json* vw = r.Object("visible_when")) {
        Reader vr(*vw, r.prefix() + "visible_when.");
        VisibleWhen when{vr.String("field", true, 64), vr.String("equals", true, 100)};
        if (vr.failed()) r.Adopt(vr.error());
        else f.visible_when = std::move(when);
    }
    if (f.min_length < 0 || f.max_length < 0) r.Fail("min_length", "must not be negative.");
    return f;
}

static CatalogItem ReadItem(Reader& r, bool with_fields) {
    CatalogItem item;
    item.id = CatalogItemId(r.Int("id"));
    item.department = r.String("department", true, 100);
    item.category = r.String("category", false, 100);
    item.title = r.String("title", true, 200);
    item.summary = r.String("summary", false, 500);
    item.description = r.String("description", false, 4000);
    item.icon = r.String("icon", false, 40);
    item.type = r.Enum("type", RequestType::service_request, ParseRequestType);
    item.impact = r.Enum("impact", Level::low, ParseLevel);
    item.urgency = r.Enum("urgency", Level::low, ParseLevel);
    item.ask_urgency = r.Bool("ask_urgency");
    item.requires_approval = r.Bool("requires_approval");
    item.fulfillment = r.String("fulfillment", false, 200);
    item.sort = static_cast<int>(r.Int("sort"));
    if (const json* keywords = r.Array("keywords")) {
        for (const json& k : *keywords)
            if (k.is_string() && item.keywords.size() < 50) item.keywords.push_back(k.get<std::string>());
    }
    if (with_fields) {
        if (const json* fields = r.Array("fields")) {
            for (const json& fj : *fields) {
                if (!fj.is_object()) { r.Fail("fields", "must hold objects."); break; }
                Reader fr(fj, r.prefix() + "fields.");
                FieldDef f = ReadField(fr);
                if (fr.failed()) { r.Adopt(fr.error()); break; }
                item.fields.push_back(std::move(f));
            }
        }
        if (const json* aj = r.Object("approval")) {
            Reader ar(*aj, r.prefix() + "approval.");
            item.approval = ReadApproval(ar);
            if (ar.failed()) r.Adopt(ar.error());
            item.requires_approval = approval::HasApproval(item.approval);
        }
    }
    return item;
}

std::string EncodeCatalogItem(const CatalogItem& item) { return Dump(ItemJson(item, true)); }

Result<CatalogItem> DecodeCatalogItem(std::string_view body) {
    return Guard<CatalogItem>([&]() -> Result<CatalogItem> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        CatalogItem item = ReadItem(r, true);
        if (r.failed()) return r.error();
        return item;
    });
}

std::string EncodeCatalogList(const std::vector<CatalogItem>& items) {
    json list = json::array();
    for (const CatalogItem& item : items) list.push_back(ItemJson(item, false));
    return Dump(json{{"items", std::move(list)}});
}

Result<std::vector<CatalogItem>> DecodeCatalogList(std::string_view body) {
    return Guard<std::vector<CatalogItem>>([&]() -> Result<std::vector<CatalogItem>> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        std::vector<CatalogItem> items;
        const json* list = r.Array("items");
        if (!list && !r.failed()) r.Fail("items", "is required.");
        if (list) {
            for (const json& ij : *list) {
                if (!ij.is_object()) { r.Fail("items", "must hold objects."); break; }
                Reader ir(ij, "items.");
                CatalogItem item = ReadItem(ir, ij.contains("fields"));
                if (ir.failed()) { r.Adopt(ir.error()); break; }
                items.push_back(std::move(item));
            }
        }
        if (r.failed()) return r.error();
        return items;
    });
}

// [SECTION] Form values and drafts ----------------------------------------------------------------

static json ValuesJson(const FormValues& values) {
    json j = json::object();
    for (const auto& [key, v] : values) {
        switch (v.kind) {
            case FormValue::Kind::none: j[key] = nullptr; break;
            case FormValue::Kind::text: j[key] = v.text; break;
            case FormValue::Kind::boolean: j[key] = v.checked; break;
            case FormValue::Kind::list: j[key] = v.list; break;
        }
    }
    return j;
}

static Result<FormValues> ReadValues(const json& object) {
    FormValues values;
    if (object.size() > limits::kMaxFormFields * 2)
        return MakeError(ErrorCode::bad_request, tr("The form has too many values."), "values");
    for (auto it = object.begin(); it != object.end(); ++it) {
        const std::string& key = it.key();
        const std::string field = "values." + key.substr(0, 64);
        if (key.empty() || key.size() > 64 || !IsValidUtf8(key))
            return MakeError(ErrorCode::bad_request, tr("Form value keys must be short field keys."), "values");
        const json& v = it.value();
        FormValue fv;
        if (v.is_null()) {
            fv.kind = FormValue::Kind::none;
        } else if (v.is_string()) {
            fv.kind = FormValue::Kind::text;
            fv.text = v.get<std::string>();
            if (fv.text.size() > limits::kMaxLongText * 4 || !IsValidUtf8(fv.text))
                return MakeError(ErrorCode::validation_failed, tr("This value is too long or not valid text."), field);
        } else if (v.is_number()) {
            fv.kind = FormValue::Kind::text;  // numbers travel as JSON numbers and are validated as decimal text
            fv.text = Dump(v);  // exact decimal text for floats, signed and unsigned integers
        } else if (v.is_boolean()) {
            fv = FormValue::Bool(v.get<bool>());
        } else if (v.is_array()) {
            fv.kind = FormValue::Kind::list;
            if (v.size() > limits::kMaxChoices) return MakeError(ErrorCode::validation_failed, tr("Too many options chosen."), field);
            for (const json& e : v) {
                if (!e.is_string() || e.get_ref<const std::string&>().size() > 200)
                    return MakeError(ErrorCode::validation_failed, tr("Choices must be option values."), field);
                fv.list.push_back(e.get<std::string>());
            }
        } else {
            return MakeError(ErrorCode::validation_failed, tr("This value has the wrong type."), field);
        }
        values[key] = std::move(fv);
    }
    return values;
}

std::string EncodeFormValues(const FormValues& values) { return Dump(ValuesJson(values)); }

Result<FormValues> DecodeFormValues(std::string_view text) {
    return Guard<FormValues>([&]() -> Result<FormValues> {
        auto doc = ParseObject(text);
        if (!doc.ok()) return doc.error();
        return ReadValues(*doc);
    });
}

std::string EncodeDraft(const RequestDraft& draft) {
    json j = {{"catalog_item_id", draft.catalog_item_id.value}, {"summary", draft.summary},
              {"description", draft.description}, {"values", ValuesJson(draft.values)}};
    if (draft.urgency) j["urgency"] = LevelName(*draft.urgency);
    if (!draft.attachments.empty()) j["attachments"] = draft.attachments;
    return Dump(j);
}

Result<RequestDraft> DecodeDraft(std::string_view body) {
    return Guard<RequestDraft>([&]() -> Result<RequestDraft> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        RequestDraft draft;
        draft.catalog_item_id = CatalogItemId(r.Int("catalog_item_id", 0, true));
        draft.summary = r.String("summary", false, limits::kMaxSummary * 4 + 64);
        draft.description = r.String("description", false, limits::kMaxDescription * 4 + 64);
        if (r.Has("urgency")) draft.urgency = r.Enum("urgency", Level::low, ParseLevel);
        if (const json* values = r.Object("values")) {
            auto parsed = ReadValues(*values);
            if (!parsed.ok()) r.Adopt(parsed.error());
            else draft.values = std::move(parsed.value());
        }
        draft.attachments = r.Ids("attachments", 64);
        if (r.failed()) return r.error();
        if (auto bad = attachment::ValidateIds(draft.attachments); !bad.empty())
            return MakeError(ErrorCode::validation_failed, bad.front().message, bad.front().field);
        if (!draft.catalog_item_id.valid())
            return MakeError(ErrorCode::bad_request, "'catalog_item_id' must be a positive id.", "catalog_item_id");
        return draft;
    });
}

// [SECTION] Requests and comments -----------------------------------------------------------------

static json AttachmentJson(const attachment::Attachment& a) {
    json j = {{"id", a.id}, {"name", a.name}, {"mime", a.mime}, {"size", a.size}, {"image", a.image},
              {"created_at", FormatIso8601(a.created_at)}};
    if (a.comment_id) j["comment_id"] = a.comment_id;
    return j;
}

static attachment::Attachment ReadAttachment(Reader& r) {
    attachment::Attachment a;
    a.id = r.Int("id", 0, true);
    a.name = r.String("name", true, 1024);
    a.mime = r.String("mime", false, 256);
    a.size = r.Int("size");
    a.image = r.Bool("image");
    a.created_at = r.Time("created_at");
    a.comment_id = r.Int("comment_id");
    return a;
}

static json AttachmentsJson(const std::vector<attachment::Attachment>& list) {
    json out = json::array();
    for (const auto& a : list) out.push_back(AttachmentJson(a));
    return out;
}

static std::vector<attachment::Attachment> ReadAttachments(Reader& r, const char* key) {
    std::vector<attachment::Attachment> out;
    if (const json* items = r.Array(key))
        for (const json& aj : *items) {
            if (!aj.is_object() || out.size() >= 1000) break;
            Reader ar(aj, r.prefix() + key + ".");
            out.push_back(ReadAttachment(ar));
            if (ar.failed()) {
                r.Adopt(ar.error());
                break;
            }
        }
    return out;
}

std::string EncodeAttachment(const attachment::Attachment& a) { return Dump(AttachmentJson(a)); }

Result<attachment::Attachment> DecodeAttachment(std::string_view body) {
    return Guard<attachment::Attachment>([&]() -> Result<attachment::Attachment> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        attachment::Attachment a = ReadAttachment(r);
        if (r.failed()) return r.error();
        return a;
    });
}

static json CommentJson(const Comment& c) {
    json j{{"id", c.id.value}, {"author_id", c.author_id.value}, {"author_name", c.author_name},
           {"author_role", RoleName(c.author_role)}, {"body", c.body}, {"internal", c.internal},
           {"created_at", FormatIso8601(c.created_at)}};
    if (!c.attachments.empty()) j["attachments"] = AttachmentsJson(c.attachments);
    return j;
}

static Comment ReadComment(Reader& r) {
    Comment c;
    c.id = CommentId(r.Int("id", 0, true));
    c.author_id = UserId(r.Int("author_id"));
    c.author_name = r.String("author_name");
    c.author_role = r.Enum("author_role", Role::employee, ParseRole);
    c.body = r.String("body");
    c.internal = r.Bool("internal");
    c.created_at = r.Time("created_at");
    c.attachments = ReadAttachments(r, "attachments");
    return c;
}

std::string FirstName(std::string_view display_name) {
    const std::string_view name = Trim(display_name);
    const std::size_t space = name.find(' ');
    return std::string(space == std::string_view::npos ? name : name.substr(0, space));
}

static json SurveyJson(const survey::Answer& a) {
    json j = {{"score", a.score}};
    if (a.effort != 0) j["effort"] = a.effort;
    if (!a.comment.empty()) j["comment"] = a.comment;
    if (a.answered_at) j["answered_at"] = FormatIso8601(a.answered_at);
    if (a.updated_at) j["updated_at"] = FormatIso8601(a.updated_at);
    return j;
}

static survey::Answer ReadSurvey(Reader& r) {
    survey::Answer a;
    a.score = r.Int32("score");
    a.effort = r.Int32("effort");
    a.comment = r.String("comment", false, survey::kMaxComment * 4 + 64);
    a.answered_at = r.Time("answered_at");
    a.updated_at = r.Time("updated_at");
    return a;
}

static json RequestJson(const Request& q) {
    json j = {{"id", q.id.value}, {"number", q.number}, {"type", RequestTypeName(q.type)},
              {"status", StatusName(q.status)}, {"impact", LevelName(q.impact)}, {"urgency", LevelName(q.urgency)},
              {"priority", PriorityName(q.priority)}, {"requester_id", q.requester_id.value},
              {"requester_name", q.requester_name}, {"catalog_item_id", q.catalog_item_id.value},
              {"catalog_item_title", q.catalog_item_title}, {"department", q.department}, {"summary", q.summary},
              {"description", q.description}, {"created_at", FormatIso8601(q.created_at)},
              {"updated_at", FormatIso8601(q.updated_at)}, {"version", q.version}, {"comment_count", q.comment_count}};
    if (q.group_id) {
        j["group_id"] = q.group_id;
        j["group_name"] = q.group_name;
    }
    if (q.assignee_id.valid()) {
        j["assignee_id"] = q.assignee_id.value;
        j["assignee_name"] = q.assignee_name;
        j["assignee_first_name"] = FirstName(q.assignee_name);
    }
    if (!q.resolution_note.empty()) j["resolution_note"] = q.resolution_note;
    if (q.resolved_by.valid()) {
        j["resolved_by_id"] = q.resolved_by.value;
        j["resolved_by_name"] = q.resolved_by_name;
    }
    if (!q.cancel_reason.empty()) j["cancel_reason"] = q.cancel_reason;
    if (q.pending_reason != PendingReason::none) j["pending_reason"] = PendingReasonName(q.pending_reason);
    auto time = [&](const char* key, Timestamp t) {
        if (t) j[key] = FormatIso8601(t);
    };
    time("first_response_at", q.first_response_at);
    time("resolved_at", q.resolved_at);
    time("closed_at", q.closed_at);
    time("response_due_at", q.response_due_at);
    time("resolution_due_at", q.resolution_due_at);
    if (!q.sla_policy.empty()) j["sla_policy"] = q.sla_policy;
    json form = json::parse(q.form_json.empty() ? std::string_view("{}") : std::string_view(q.form_json), nullptr, false);
    j["form"] = form.is_object() ? form : json::object();
    if (!q.comments.empty()) {
        json comments = json::array();
        for (const Comment& c : q.comments) comments.push_back(CommentJson(c));
        j["comments"] = std::move(comments);
    }
    if (!q.attachments.empty()) j["attachments"] = AttachmentsJson(q.attachments);
    if (q.survey.score != 0) j["survey"] = SurveyJson(q.survey);
    if (!q.approval.empty()) {
        json steps = json::array();
        for (const ApprovalStepView& s : q.approval) {
            json votes = json::array();
            for (const ApprovalVoteView& v : s.votes) {
                json vj = {{"approver", v.approver}, {"decision", v.approved ? "approve" : "reject"}, {"at", FormatIso8601(v.at)}};
                if (!v.by.empty()) vj["by"] = v.by;
                if (!v.comment.empty()) vj["comment"] = v.comment;
                votes.push_back(std::move(vj));
            }
            json sj = {{"kind", s.kind}, {"quorum", s.quorum}, {"state", s.state}, {"approvers", s.approvers},
                       {"votes", std::move(votes)}};
            if (!s.group_name.empty()) sj["group_name"] = s.group_name;
            if (s.started_at) sj["started_at"] = FormatIso8601(s.started_at);
            if (s.decided_at) sj["decided_at"] = FormatIso8601(s.decided_at);
            steps.push_back(std::move(sj));
        }
        j["approval"] = {{"steps", std::move(steps)}, {"can_decide", q.can_decide}};
    }
    return j;
}

static Request ReadRequest(Reader& r, const json& object) {
    Request q;
    q.id = RequestId(r.Int("id", 0, true));
    q.number = r.String("number");
    q.type = r.Enum("type", RequestType::service_request, ParseRequestType);
    q.status = r.Enum("status", Status::new_, ParseStatus);
    q.impact = r.Enum("impact", Level::low, ParseLevel);
    q.urgency = r.Enum("urgency", Level::low, ParseLevel);
    q.priority = r.Enum("priority", Priority::planning, ParsePriority);
    q.requester_id = UserId(r.Int("requester_id"));
    q.requester_name = r.String("requester_name");
    q.catalog_item_id = CatalogItemId(r.Int("catalog_item_id"));
    q.catalog_item_title = r.String("catalog_item_title");
    q.department = r.String("department");
    q.summary = r.String("summary");
    q.description = r.String("description");
    q.created_at = r.Time("created_at");
    q.updated_at = r.Time("updated_at");
    q.version = static_cast<int>(r.Int("version", 1));
    q.comment_count = static_cast<int>(r.Int("comment_count"));
    q.group_id = r.Int("group_id");
    q.group_name = r.String("group_name", false, 256);
    q.assignee_id = UserId(r.Int("assignee_id"));
    q.assignee_name = r.String("assignee_name", false, 256);
    q.pending_reason = r.Enum("pending_reason", PendingReason::none, ParsePendingReason);
    q.first_response_at = r.Time("first_response_at");
    q.resolved_at = r.Time("resolved_at");
    q.closed_at = r.Time("closed_at");
    q.response_due_at = r.Time("response_due_at");
    q.resolution_due_at = r.Time("resolution_due_at");
    q.sla_policy = r.String("sla_policy", false, 256);
    q.resolution_note = r.String("resolution_note", false, limits::kMaxResolutionNote * 4);
    q.resolved_by = UserId(r.Int("resolved_by_id"));
    q.resolved_by_name = r.String("resolved_by_name", false, 256);
    q.cancel_reason = r.String("cancel_reason", false, limits::kMaxCancelReason * 4);
    if (const json* form = r.Object("form")) {
        // A form is one level of values; checking the shape first keeps Dump() from recursing deeply.
        if (!ReadValues(*form).ok()) r.Fail("form", "must be an object of form values.");
        else q.form_json = Dump(*form);
    }
    (void)object;
    if (const json* sj = r.Object("survey")) {
        Reader sr(*sj, "survey.");
        q.survey = ReadSurvey(sr);
        if (sr.failed()) r.Adopt(sr.error());
    }
    if (const json* aj = r.Object("approval")) {
        Reader ar(*aj, "approval.");
        q.can_decide = ar.Bool("can_decide");
        if (const json* steps = ar.Array("steps")) {
            for (const json& sj : *steps) {
                if (!sj.is_object() || q.approval.size() >= 10) { ar.Fail("steps", "must hold at most 10 objects."); break; }
                Reader sr(sj, "approval.steps.");
                ApprovalStepView s;
                s.kind = sr.String("kind", false, 16);
                s.group_name = sr.String("group_name", false, 200);
                s.quorum = sr.String("quorum", false, 8);
                s.state = sr.String("state", false, 16);
                s.started_at = sr.Time("started_at");
                s.decided_at = sr.Time("decided_at");
                if (const json* names = sr.Array("approvers"))
                    for (const json& n : *names)
                        if (n.is_string() && s.approvers.size() < 100) s.approvers.push_back(n.get<std::string>());
                if (const json* votes = sr.Array("votes")) {
                    for (const json& vj : *votes) {
                        if (!vj.is_object() || s.votes.size() >= 100) break;
                        Reader vr(vj, "approval.steps.votes.");
                        ApprovalVoteView v;
                        v.approver = vr.String("approver", false, 256);
                        v.by = vr.String("by", false, 256);
                        v.approved = vr.String("decision", false, 16) == "approve";
                        v.comment = vr.String("comment", false, 2000 * 4 + 64);
                        v.at = vr.Time("at");
                        if (vr.failed()) { sr.Adopt(vr.error()); break; }
                        s.votes.push_back(std::move(v));
                    }
                }
                if (sr.failed()) { ar.Adopt(sr.error()); break; }
                q.approval.push_back(std::move(s));
            }
        }
        if (ar.failed()) r.Adopt(ar.error());
    }
    if (const json* comments = r.Array("comments")) {
        for (const json& cj : *comments) {
            if (!cj.is_object()) { r.Fail("comments", "must hold objects."); break; }
            Reader cr(cj, "comments.");
            Comment c = ReadComment(cr);
            if (cr.failed()) { r.Adopt(cr.error()); break; }
            q.comments.push_back(std::move(c));
        }
    }
    q.attachments = ReadAttachments(r, "attachments");
    return q;
}

std::string EncodeRequest(const Request& request) { return Dump(RequestJson(request)); }

Result<Request> DecodeRequest(std::string_view body) {
    return Guard<Request>([&]() -> Result<Request> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        Request q = ReadRequest(r, *doc);
        if (r.failed()) return r.error();
        return q;
    });
}

std::string EncodeRequestPage(const RequestPage& page) {
    json items = json::array();
    for (const Request& q : page.items) items.push_back(RequestJson(q));
    return Dump(json{{"items", std::move(items)}, {"total", page.total}, {"page", page.page}, {"page_size", page.page_size}});
}

Result<RequestPage> DecodeRequestPage(std::string_view body) {
    return Guard<RequestPage>([&]() -> Result<RequestPage> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        RequestPage page;
        page.total = static_cast<int>(r.Int("total"));
        page.page = static_cast<int>(r.Int("page", 1));
        page.page_size = static_cast<int>(r.Int("page_size", limits::kDefaultPageSize));
        if (const json* items = r.Array("items")) {
            for (const json& ij : *items) {
                if (!ij.is_object()) { r.Fail("items", "must hold objects."); break; }
                Reader ir(ij, "items.");
                Request q = ReadRequest(ir, ij);
                if (ir.failed()) { r.Adopt(ir.error()); break; }
                page.items.push_back(std::move(q));
            }
        }
        if (r.failed()) return r.error();
        return page;
    });
}

Result<CommentBody> DecodeCommentBody(std::string_view body) {
    return Guard<CommentBody>([&]() -> Result<CommentBody> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        CommentBody out;
        out.body = std::string(Trim(r.String("body", true, limits::kMaxComment * 4 + 64)));
        out.internal = r.Bool("internal");
        out.attachments = r.Ids("attachments", 64);
        if (r.failed()) return r.error();
        if (auto bad = attachment::ValidateIds(out.attachments); !bad.empty())
            return MakeError(ErrorCode::validation_failed, bad.front().message, bad.front().field);
        if (out.body.empty() && out.attachments.empty())
            return MakeError(ErrorCode::validation_failed, tr("Write a message first."), "body");
        if (std::string problem = PlainTextProblemAs(out.body, true, tr("The message can't contain {0}.")); !problem.empty())
            return MakeError(ErrorCode::validation_failed, std::move(problem), "body");
        if (Utf8Length(out.body) > limits::kMaxComment) {
            const long limit = static_cast<long>(limits::kMaxComment + 1);
            return MakeError(ErrorCode::validation_failed,
                             Format(trn("Keep the message under {0} character.", "Keep the message under {0} characters.", limit),
                                    {std::to_string(limit)}),
                             "body");
        }
        return out;
    });
}

Result<DecisionBody> DecodeDecisionBody(std::string_view body) {
    return Guard<DecisionBody>([&]() -> Result<DecisionBody> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        DecisionBody out;
        const std::string decision = r.String("decision", true, 16);
        out.comment = std::string(Trim(r.String("comment", false, approval::kMaxDecisionComment * 4 + 64)));
        out.base_version = static_cast<int>(r.Int("base_version", 0, true));
        if (r.failed()) return r.error();
        approval::Decision d;
        if (!approval::ParseDecision(decision, &d))
            return MakeError(ErrorCode::validation_failed, tr("Choose approve or reject."), "decision");
        out.approve = d == approval::Decision::approve;
        if (auto bad = approval::ValidateDecisionComment(d, out.comment); !bad.empty())
            return MakeError(ErrorCode::validation_failed, bad.front().message, bad.front().field);
        return out;
    });
}

std::string EncodeDecisionBody(const DecisionBody& body) {
    json j = {{"decision", body.approve ? "approve" : "reject"}, {"base_version", body.base_version}};
    if (!body.comment.empty()) j["comment"] = body.comment;
    return Dump(j);
}

Result<UserId> DecodeManagerBody(std::string_view body) {
    return Guard<UserId>([&]() -> Result<UserId> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        const std::int64_t id = r.Int("manager_id", 0, true);
        if (r.failed()) return r.error();
        if (id < 0) return MakeError(ErrorCode::validation_failed, tr("Choose a manager, or none."), "manager_id");
        return UserId(id);
    });
}

static json PersonJson(const PersonView& p) {
    json out{{"id", p.id.value}, {"username", p.username}, {"display_name", p.display_name}, {"role", RoleName(p.role)},
             {"department", p.department}};
    if (p.manager_id.valid()) {
        out["manager_id"] = p.manager_id.value;
        out["manager_username"] = p.manager_username;
        out["manager_name"] = p.manager_name;
    }
    return out;
}

static PersonView ReadPerson(Reader& r) {
    PersonView p;
    p.id = UserId(r.Int("id", 0, true));
    p.username = r.String("username", true, limits::kMaxUsername);
    p.display_name = r.String("display_name", false, 256);
    const std::string role = r.String("role", true, 32);
    if (!role.empty() && !ParseRole(role, &p.role)) p.role = Role::employee;
    p.department = r.String("department", false, 512);
    p.manager_id = UserId(r.Int("manager_id", 0));
    p.manager_username = r.String("manager_username", false, limits::kMaxUsername);
    p.manager_name = r.String("manager_name", false, 256);
    return p;
}

std::string EncodePerson(const PersonView& p) { return Dump(PersonJson(p)); }

Result<PersonView> DecodePerson(std::string_view body) {
    return Guard<PersonView>([&]() -> Result<PersonView> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        PersonView p = ReadPerson(r);
        if (r.failed()) return r.error();
        return p;
    });
}

std::string EncodePeoplePage(const PeoplePage& page) {
    json items = json::array();
    for (const PersonView& p : page.items) items.push_back(PersonJson(p));
    return Dump(json{{"items", std::move(items)}, {"total", page.total}, {"page", page.page}, {"page_size", page.page_size}});
}

Result<PeoplePage> DecodePeoplePage(std::string_view body) {
    return Guard<PeoplePage>([&]() -> Result<PeoplePage> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        PeoplePage page;
        if (!doc->contains("items") || !(*doc)["items"].is_array())
            return MakeError(ErrorCode::validation_failed, tr("The list of people is malformed."), "items");
        for (const json& item : (*doc)["items"]) {
            if (!item.is_object()) return MakeError(ErrorCode::validation_failed, tr("The list of people is malformed."), "items");
            Reader r(item, "items.");
            page.items.push_back(ReadPerson(r));
            if (r.failed()) return r.error();
        }
        Reader r(*doc, "");
        page.total = r.Int32("total");
        page.page = r.Int32("page", 1);
        page.page_size = r.Int32("page_size", limits::kDefaultPageSize);
        if (r.failed()) return r.error();
        return page;
    });
}

Result<PersonPatch> DecodePersonPatch(std::string_view body) {
    return Guard<PersonPatch>([&]() -> Result<PersonPatch> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        PersonPatch out;
        if (r.Has("department")) {
            const std::string text(Trim(r.String("department", true, 4 * limits::kMaxDepartment)));
            if (r.failed()) return r.error();
            if (text.empty()) return MakeError(ErrorCode::validation_failed, tr("Enter a department."), "department");
            if (Utf8Length(text) > limits::kMaxDepartment)
                return MakeError(ErrorCode::validation_failed,
                                 Format(tr("Keep the department under {0} characters."), {std::to_string(limits::kMaxDepartment)}),
                                 "department");
            if (const std::string problem = PlainTextProblemAs(text, false, tr("The department can't contain {0}.")); !problem.empty())
                return MakeError(ErrorCode::validation_failed, problem, "department");
            out.department = text;
        }
        if (r.Has("manager")) {
            out.manager = std::string(Trim(r.String("manager", true, limits::kMaxUsername)));
            if (r.failed()) return r.error();
        }
        if (r.failed()) return r.error();
        if (!out.department && !out.manager)
            return MakeError(ErrorCode::validation_failed, tr("Nothing to change."), "department");
        return out;
    });
}

std::string EncodePersonPatch(const PersonPatch& patch) {
    json out = json::object();
    if (patch.department) out["department"] = *patch.department;
    if (patch.manager) out["manager"] = *patch.manager;
    return Dump(out);
}

Result<DelegationBody> DecodeDelegationBody(std::string_view body) {
    return Guard<DelegationBody>([&]() -> Result<DelegationBody> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        DelegationBody out;
        out.to = std::string(Trim(r.String("to", true, limits::kMaxUsername)));
        out.starts_at = r.Time("starts_at");
        out.ends_at = r.Time("ends_at");
        if (r.failed()) return r.error();
        if (auto bad = approval::ValidateDelegation(out.to, out.starts_at, out.ends_at); !bad.empty())
            return MakeError(ErrorCode::validation_failed, bad.front().message, bad.front().field);
        return out;
    });
}

std::string EncodeDelegationBody(const DelegationBody& b) {
    return Dump(json{{"to", b.to}, {"starts_at", FormatIso8601(b.starts_at)}, {"ends_at", FormatIso8601(b.ends_at)}});
}

static json DelegationJson(const DelegationView& d) {
    return {{"id", d.id}, {"from_id", d.from.value}, {"from_name", d.from_name}, {"to_id", d.to.value},
            {"to_name", d.to_name}, {"starts_at", FormatIso8601(d.starts_at)}, {"ends_at", FormatIso8601(d.ends_at)}};
}

std::string EncodeDelegation(const DelegationView& d) { return Dump(DelegationJson(d)); }

std::string EncodeDelegations(const std::vector<DelegationView>& items) {
    json list = json::array();
    for (const DelegationView& d : items) list.push_back(DelegationJson(d));
    return Dump(json{{"items", std::move(list)}});
}

static DelegationView ReadDelegation(Reader& r) {
    DelegationView d;
    d.id = r.Int("id");
    d.from = UserId(r.Int("from_id"));
    d.to = UserId(r.Int("to_id"));
    d.from_name = r.String("from_name", false, 256);
    d.to_name = r.String("to_name", false, 256);
    d.starts_at = r.Time("starts_at");
    d.ends_at = r.Time("ends_at");
    return d;
}

Result<DelegationView> DecodeDelegation(std::string_view body) {
    return Guard<DelegationView>([&]() -> Result<DelegationView> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        DelegationView d = ReadDelegation(r);
        if (r.failed()) return r.error();
        return d;
    });
}

Result<std::vector<DelegationView>> DecodeDelegations(std::string_view body) {
    return Guard<std::vector<DelegationView>>([&]() -> Result<std::vector<DelegationView>> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        std::vector<DelegationView> out;
        if (const json* items = r.Array("items")) {
            for (const json& dj : *items) {
                if (!dj.is_object() || out.size() >= 100) break;
                Reader dr(dj, "items.");
                DelegationView d = ReadDelegation(dr);
                if (dr.failed()) return dr.error();
                out.push_back(std::move(d));
            }
        }
        if (r.failed()) return r.error();
        return out;
    });
}

Result<survey::Answer> DecodeSurveyBody(std::string_view body) {
    return Guard<survey::Answer>([&]() -> Result<survey::Answer> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        survey::Answer a;
        a.score = r.Int32("score", 0, true);
        a.effort = r.Int32("effort");
        a.comment = std::string(Trim(r.String("comment", false, survey::kMaxComment * 4 + 64)));
        if (r.failed()) return r.error();
        if (auto bad = survey::ValidateAnswer(a); !bad.empty())
            return MakeError(ErrorCode::validation_failed, bad.front().message, bad.front().field);
        return a;
    });
}

std::string EncodeSurveyBody(const survey::Answer& answer) {
    json j = {{"score", answer.score}};
    if (answer.effort != 0) j["effort"] = answer.effort;
    if (!answer.comment.empty()) j["comment"] = answer.comment;
    return Dump(j);
}

std::string EncodeCommentBody(const CommentBody& body) {
    json j = {{"body", body.body}};
    if (body.internal) j["internal"] = true;
    if (!body.attachments.empty()) j["attachments"] = body.attachments;
    return Dump(j);
}

std::string EncodeComment(const Comment& comment) { return Dump(CommentJson(comment)); }

Result<Comment> DecodeComment(std::string_view body) {
    return Guard<Comment>([&]() -> Result<Comment> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        Comment c = ReadComment(r);
        if (r.failed()) return r.error();
        return c;
    });
}

// [SECTION] Request patch ---------------------------------------------------------------------------

std::string EncodeRequestPatch(const RequestPatch& p) {
    json j = {{"base_version", p.base_version}};
    if (p.status) j["status"] = StatusName(*p.status);
    if (p.pending_reason != PendingReason::none) j["pending_reason"] = PendingReasonName(p.pending_reason);
    if (p.assignee) j["assignee_id"] = p.assignee->value;
    if (p.group_id) j["group_id"] = *p.group_id;
    if (p.impact) j["impact"] = LevelName(*p.impact);
    if (p.urgency) j["urgency"] = LevelName(*p.urgency);
    if (!p.resolution_note.empty()) j["resolution_note"] = p.resolution_note;
    if (!p.cancel_reason.empty()) j["cancel_reason"] = p.cancel_reason;
    return Dump(j);
}

// A public text that goes with one status move: trimmed; plain text (IsPlainText) with newlines;
// at most `max_points` code points; "" when absent. `bad_char`: the translated "The ... can't contain
// {0}."; `too_long`: the translated "Keep the ... under {0} characters." for max_points + 1.
static Result<std::string> ReadStatusText(Reader& r, const char* key, std::size_t max_points, const char* bad_char,
                                          const char* too_long) {
    std::string text(Trim(r.String(key, false, max_points * 4 + 64)));
    if (r.failed()) return r.error();
    if (std::string problem = PlainTextProblemAs(text, true, bad_char); !problem.empty())
        return MakeError(ErrorCode::validation_failed, std::move(problem), key);
    if (Utf8Length(text) > max_points)
        return MakeError(ErrorCode::validation_failed, Format(too_long, {std::to_string(max_points + 1)}), key);
    return text;
}

Result<RequestPatch> DecodeRequestPatch(std::string_view body) {
    return Guard<RequestPatch>([&]() -> Result<RequestPatch> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        RequestPatch p;
        p.base_version = static_cast<int>(r.Int("base_version", 0, true));
        if (r.Has("status")) p.status = r.Enum("status", Status::new_, ParseStatus, true);
        p.pending_reason = r.Enum("pending_reason", PendingReason::none, ParsePendingReason);
        if (doc->contains("assignee_id")) p.assignee = UserId(r.Int("assignee_id"));
        if (r.Has("group_id")) p.group_id = r.Int("group_id");
        if (r.Has("impact")) p.impact = r.Enum("impact", Level::low, ParseLevel, true);
        if (r.Has("urgency")) p.urgency = r.Enum("urgency", Level::low, ParseLevel, true);
        if (r.failed()) return r.error();
        auto note = ReadStatusText(r, "resolution_note", limits::kMaxResolutionNote, tr("The resolution note can't contain {0}."),
                                   trn("Keep the resolution note under {0} character.", "Keep the resolution note under {0} characters.",
                                       static_cast<long>(limits::kMaxResolutionNote + 1)));
        if (!note.ok()) return note.error();
        p.resolution_note = std::move(*note);
        auto reason = ReadStatusText(r, "cancel_reason", limits::kMaxCancelReason, tr("The reason can't contain {0}."),
                                     trn("Keep the reason under {0} character.", "Keep the reason under {0} characters.",
                                         static_cast<long>(limits::kMaxCancelReason + 1)));
        if (!reason.ok()) return reason.error();
        p.cancel_reason = std::move(*reason);
        if (!p.resolution_note.empty() && p.status != Status::resolved)
            return MakeError(ErrorCode::validation_failed, tr("A resolution note goes with resolving the request."),
                             "resolution_note");
        if (!p.cancel_reason.empty() && p.status != Status::cancelled)
            return MakeError(ErrorCode::validation_failed, tr("A reason goes with cancelling the request."), "cancel_reason");
        if (p.base_version <= 0) return MakeError(ErrorCode::bad_request, "'base_version' must be a positive version.", "base_version");
        if ((p.assignee && p.assignee->value < 0) || (p.group_id && *p.group_id < 0))
            return MakeError(ErrorCode::bad_request, tr("Ids must not be negative."), p.group_id && *p.group_id < 0 ? "group_id" : "assignee_id");
        if (!p.status && !p.assignee && !p.group_id && !p.impact && !p.urgency)
            return MakeError(ErrorCode::bad_request, tr("Say what to change."), "status");
        return p;
    });
}

// [SECTION] History -------------------------------------------------------------------------------

std::string EncodeHistory(const std::vector<HistoryItem>& items) {
    json list = json::array();
    for (const HistoryItem& h : items)
        list.push_back({{"id", h.id}, {"at", FormatIso8601(h.at)}, {"actor_id", h.actor.value}, {"actor_name", h.actor_name},
                        {"field", h.field}, {"old", h.old_value}, {"new", h.new_value}});
    return Dump(json{{"items", std::move(list)}});
}

Result<std::vector<HistoryItem>> DecodeHistory(std::string_view body) {
    return Guard<std::vector<HistoryItem>>([&]() -> Result<std::vector<HistoryItem>> {
        auto doc = ParseObject(body);
        if (!doc.ok()) return doc.error();
        Reader r(*doc, "");
        std::vector<HistoryItem> out;
        const json* list = r.Array("items");
        if (!list && !r.failed()) r.Fail("items", "is required.");
        if (list) {
            for (const json& item : *list) {
                if (!item.is_object()) { r.Fail("items", "must hold objects."); break; }
                Reader ir(item, "items.");
                HistoryItem h;
                h.id = ir.Int("id", 0, true);
                h.at = ir.Time("at");
                h.actor = UserId(ir.Int("actor_id"));
                h.actor_name = ir.String("actor_name", false, 256);
                h.field = ir.String("field", true, 64);
                h.old_value = ir.String("old", false, 4096);
                h.new_value = ir.String("new", false, 4096);
                if (ir.failed()) { r.Adopt(ir.error()); break; }
                out.push_back(std::move(h));
            }
        }
        if (r.failed()) return r.error();
        return out;
    });
}

}  // namespace spoc::api
