// Errors as values for every layer of Spoc. Each error code is declared once in SPOC_ERROR_CODES,
// which produces the enum, its wire name ("validation_failed") and its HTTP status.
// Result<T> carries either a value or an Error{code, message, field}; nothing here throws.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "shared/domain/i18n.h"  // N_ in SPOC_ERROR_CODES

namespace spoc {

//  X(name,               http, default message: marked with N_, translated by ErrorCodeDefaultMessage)
#define SPOC_ERROR_CODES(X)                                                                            \
    X(bad_request,          400, N_("The request is malformed."))                                      \
    X(invalid_json,         400, N_("The request body is not valid JSON."))                            \
    X(validation_failed,    422, N_("Some fields are not valid."))                                     \
    X(unauthenticated,      401, N_("Sign in to continue."))                                           \
    X(invalid_credentials,  401, N_("The username or password is incorrect."))                         \
    X(forbidden,            403, N_("You are not allowed to do that."))                                \
    X(csrf_failed,          403, N_("The request is missing a valid CSRF token. Reload the page."))    \
    X(not_found,            404, N_("Not found."))                                                     \
    X(method_not_allowed,   405, N_("That method is not allowed here."))                               \
    X(conflict,             409, N_("The record was changed by someone else."))                        \
    X(idempotency_conflict, 422, N_("This Idempotency-Key was already used for a different request.")) \
    X(payload_too_large,    413, N_("The request body is too large."))                                 \
    X(unsupported_media,    415, N_("Send the body as application/json."))                             \
    X(rate_limited,         429, N_("Too many attempts. Wait a moment and try again."))                \
    X(internal,             500, N_("Something went wrong on the server."))                            \
    X(unavailable,          503, N_("The service is temporarily unavailable."))                        \
    X(network,              0,   N_("The server could not be reached."))

enum class ErrorCode {
#define SPOC_X(name, http, msg) name,
    SPOC_ERROR_CODES(SPOC_X)
#undef SPOC_X
};

std::string_view ErrorCodeName(ErrorCode code);          // "validation_failed"
int ErrorCodeHttpStatus(ErrorCode code);                  // 422; 0 for client-side-only codes
std::string_view ErrorCodeDefaultMessage(ErrorCode code); // a sentence for users, in the thread's language
bool ParseErrorCode(std::string_view name, ErrorCode* out); // inverse of ErrorCodeName

// One problem with one input field: what a form shows under that field.
struct FieldError {
    std::string field;   // field key ("summary", "values.model")
    std::string message; // "Choose a model."
};

struct Error {
    ErrorCode code = ErrorCode::internal;
    std::string message;             // one sentence a person can act on
    std::string field;               // the (first) offending field key, or empty
    std::vector<FieldError> details; // every field problem, for validation_failed
    int retry_after_seconds = 0;     // rate_limited: when to try again (the Retry-After header); 0: unsaid
};

inline Error MakeError(ErrorCode code, std::string message = {}, std::string field = {}) {
    if (message.empty()) message = std::string(ErrorCodeDefaultMessage(code));
    return Error{code, std::move(message), std::move(field), {}};
}

// Either a T or an Error. Check ok() before value().
template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::move(value)) {}     // NOLINT: implicit on purpose
    Result(Error error) : m_data(std::move(error)) {}  // NOLINT
    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<0>(m_data); }
    const T& value() const { return std::get<0>(m_data); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    const Error& error() const { return std::get<1>(m_data); }
    T value_or(T fallback) const { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, Error> m_data;
};

struct Unit {}; // value type for Result<Unit> when only success/failure matters

}  // namespace spoc
