// The API's route table: method + path pattern ("/api/v1/requests/{id}") + who may call it +
// handler. Handlers take a decoded RequestContext and return Result<Reply>; the HTTP server turns
// errors into api::EncodeError bodies. Find() tells "no such path" (404) from "wrong method" (405).
// Also the one strict number parser for request inputs and command-line flags.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "server/app/auth_service.h"
#include "server/app/walkup_service.h"
#include "shared/domain/result.h"

namespace httplib {
struct Request;
}

namespace spoc::http {

// session: a signed-in caller (and CSRF on state changes); kiosk: a paired kiosk's device credential
// (and its CSRF token), never a session; session_or_kiosk: either (the queue board).
enum class Access { anyone, session, kiosk, session_or_kiosk };

// A long-lived answer (server-sent events): called again and again on the connection's worker
// thread; each call may wait briefly and write any number of chunks through `write` (false: the
// client is gone). Returns false when the stream is over.
using StreamWrite = std::function<bool(std::string_view chunk)>;
using StreamPump = std::function<bool(const StreamWrite& write)>;

struct Reply {
    int status = 200;
    std::string body;
    std::string content_type = "application/json";
    std::vector<std::pair<std::string, std::string>> headers;
    StreamPump stream;  // set: the body is streamed (chunked) instead of `body`
    std::string file_path;      // set: the body is this file, file_size bytes (attachment downloads)
    std::int64_t file_size = 0;
};

// A streamed request body (uploads): calls `chunk` with each piece as it arrives until the body
// ends (true) or `chunk` returns false or the connection fails (false).
using BodyReader = std::function<bool(const std::function<bool(const char*, std::size_t)>& chunk)>;

struct RequestContext {
    const httplib::Request& http;
    std::string_view body;              // the whole request body (JSON routes)
    std::vector<std::int64_t> ids;      // values of {id} (and other {name}) segments, in order
    std::optional<app::Caller> caller;  // set for Access::session routes
    std::optional<app::KioskCaller> kiosk;  // set for Access::kiosk routes (and session_or_kiosk with a kiosk)
    Timestamp now = 0;
    const BodyReader* upload = nullptr;  // set for upload routes (Router::AddUpload): `body` is empty
    std::string client;                  // the client's address (ClientAddress: the peer, or through --trusted-proxy)
};

// A strictly decimal whole number (digits only, at most 9) in [lo, hi]; otherwise bad_request
// whose message names `what` (a query parameter or a flag) and whose field is `what`.
Result<int> ParseBoundedInt(std::string_view text, int lo, int hi, const std::string& what);

using RouteHandler = std::function<Result<Reply>(RequestContext&)>;

struct Route {
    std::string method;   // "GET", "POST", "DELETE", ...
    std::string pattern;  // literal segments and {name} segments ({id}, {cid}: positive integers, in ctx.ids)
    Access access = Access::session;
    RouteHandler handler;
    bool streams_body = false;  // an upload: the handler reads the body itself (ctx.upload)
};

struct RouteMatch {
    const Route* route = nullptr;  // nullptr: no route for this method
    std::vector<std::int64_t> ids;
    std::vector<std::string> allowed;  // methods that do match the path (for 405 + Allow)
};

class Router {
public:
    void Add(std::string method, std::string pattern, Access access, RouteHandler handler);
    // A route whose body may be far larger than a JSON body and is not read into memory first:
    // authentication and CSRF are checked before a byte of it is read.
    void AddUpload(std::string method, std::string pattern, Access access, RouteHandler handler);
    RouteMatch Find(std::string_view method, std::string_view path) const;  // HEAD matches GET routes
    const std::vector<Route>& Routes() const { return m_routes; }

private:
    static bool MatchPath(std::string_view pattern, std::string_view path, std::vector<std::int64_t>* ids);
    std::vector<Route> m_routes;
};

}  // namespace spoc::http
