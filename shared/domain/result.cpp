// Tables generated from SPOC_ERROR_CODES: names, HTTP statuses, default messages.
#include "shared/domain/result.h"

namespace spoc {

std::string_view ErrorCodeName(ErrorCode code) {
    switch (code) {
#define SPOC_X(name, http, msg) case ErrorCode::name: return #name;
        SPOC_ERROR_CODES(SPOC_X)
#undef SPOC_X
    }
    return "internal";
}

int ErrorCodeHttpStatus(ErrorCode code) {
    switch (code) {
#define SPOC_X(name, http, msg) case ErrorCode::name: return http;
        SPOC_ERROR_CODES(SPOC_X)
#undef SPOC_X
    }
    return 500;
}

std::string_view ErrorCodeDefaultMessage(ErrorCode code) {
    switch (code) {
#define SPOC_X(name, http, msg) case ErrorCode::name: return i18n::tr(msg);
        SPOC_ERROR_CODES(SPOC_X)
#undef SPOC_X
    }
    return i18n::tr("Something went wrong.");
}

bool ParseErrorCode(std::string_view name, ErrorCode* out) {
#define SPOC_X(n, http, msg) if (name == #n) { *out = ErrorCode::n; return true; }
    SPOC_ERROR_CODES(SPOC_X)
#undef SPOC_X
    return false;
}

}  // namespace spoc
