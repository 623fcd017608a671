// Query strings, the one way both sides write and read them: percent-encoding of a value and a
// parameter's value out of "a=1&b=x%20y". Used by the client's routes (#/queue?...) and API calls,
// and by the report DTOs that echo their query back.
#pragma once
#include <string>
#include <string_view>

namespace spoc::api {

std::string PercentEncode(std::string_view text);  // for a query value: unreserved bytes stay
std::string PercentDecode(std::string_view text);  // '+' is a space; bad escapes stay as they are
// The decoded value of `name` in `query` ("a=1&b=2", no leading '?'); "" when absent.
std::string QueryValue(std::string_view query, std::string_view name);

}  // namespace spoc::api
