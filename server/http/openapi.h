// The OpenAPI 3.0 description of the JSON API (GET /api/v1/openapi.json): every route with its
// parameters, request bodies, responses and the shared error schema. Written by hand next to the
// router; a test checks that every routed method + path appears here.
#pragma once
#include <string>

namespace spoc::http {

std::string OpenApiDocument();  // the JSON text

}  // namespace spoc::http
