// HTTP front (see http_server.h): httplib set-up, the one Dispatch path, error/exception hooks
// and security headers.
#include "server/http/http_server.h"

#include "server/http/connection_guard.h"  // httplib, through server/http/httplib_include.h

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <list>
#include <mutex>
#include <thread>

#include "server/app/clock.h"
#include "server/http/auth.h"
#include "shared/api/dto.h"
#include "shared/api/routes.h"
#include "shared/domain/i18n.h"
#include "shared/domain/limits.h"

namespace spoc::http {

namespace {

constexpr const char* kCsp =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

bool IsApiPath(const std::string& path) { return path == "/api" || path.rfind("/api/", 0) == 0; }

// The error code that best names an HTTP status httplib produced on its own.
ErrorCode CodeForStatus(int status) {
    switch (status) {
        case 401:
            return ErrorCode::unauthenticated;
        case 403:
            return ErrorCode::forbidden;
        case 404:
            return ErrorCode::not_found;
        case 405:
            return ErrorCode::method_not_allowed;
        case 409:
            return ErrorCode::conflict;
        case 413:
            return ErrorCode::payload_too_large;
        case 415:
            return ErrorCode::unsupported_media;
        case 429:
            return ErrorCode::rate_limited;
        case 503:
            return ErrorCode::unavailable;
        default:
            return status >= 500 ? ErrorCode::internal : ErrorCode::bad_request;
    }
}

bool IsJsonContentType(const std::string& value) {
    std::string media = value.substr(0, value.find(';'));
    while (!media.empty() && (media.back() == ' ' || media.back() == '\t')) media.pop_back();
    for (auto& c : media) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return media == "application/json";
}

// Reads the whole body through httplib's reader. Past the cap it stops reading and the connection
// closes after the 413 (the rest of the body is never read), and a small gzip body can't inflate
// without bound.
Result<std::string> ReadBody(const httplib::Request& req, httplib::Response& res,
                             const httplib::ContentReader& reader) {
    std::string body;
    bool too_large = false;
    bool ok;
    if (req.is_multipart_form_data()) {
        ok = reader([](const httplib::MultipartFormData&) { return true; },
                    [](const char*, std::size_t) { return true; });
        if (ok) return MakeError(ErrorCode::unsupported_media);
    } else {
        ok = reader([&](const char* data, std::size_t size) {
            if (too_large || body.size() + size > limits::kMaxBodyBytes) {
                too_large = true;
                GuardedServer::CloseAfterResponse();
                return false;
            }
            body.append(data, size);
            return true;
        });
    }
    if (!ok) GuardedServer::CloseAfterResponse();  // the body's rest is unread: never parse it as a request
    if (too_large || (!ok && res.status == 413)) return MakeError(ErrorCode::payload_too_large);
    if (!ok) return MakeError(ErrorCode::bad_request, i18n::tr("The request body could not be read."));
    return body;
}

void WriteReply(httplib::Response& res, Reply reply) {
    res.status = reply.status;
    for (auto& [name, value] : reply.headers) res.set_header(name, value);
    if (!reply.file_path.empty()) {  // a stored file: httplib maps and sends it
        res.set_file_content(reply.file_path, reply.content_type);
        return;
    }
    if (reply.stream) {
        res.set_chunked_content_provider(reply.content_type,
                                         [pump = std::move(reply.stream)](std::size_t, httplib::DataSink& sink) {
                                             // is_writable also peeks: a peer that closed reads as gone.
                                             if (!sink.is_writable()) return false;
                                             bool client_gone = false;
                                             const StreamWrite write = [&](std::string_view chunk) {
                                                 if (!client_gone && !sink.write(chunk.data(), chunk.size()))
                                                     client_gone = true;
                                                 return !client_gone;
                                             };
                                             const bool more = pump(write);
                                             if (client_gone) return false;
                                             if (!more) sink.done();
                                             return true;
                                         });
        return;
    }
    if (!reply.body.empty()) res.set_content(std::move(reply.body), reply.content_type);
}

// The worker pool: `base` threads always, more on demand up to `max` (a live event stream holds
// its connection's thread for as long as it is open), extra threads leaving after a quiet minute.
// httplib's own ThreadPool is fixed-size: 500 open streams would starve every other request.
class ElasticPool final : public httplib::TaskQueue {
public:
    ElasticPool(std::size_t base, std::size_t max) : m_base(base), m_max(max < base ? base : max) {
        std::lock_guard<std::mutex> lock(m_mutex);
        for (std::size_t i = 0; i < m_base; ++i) SpawnLocked(true);
    }
    ~ElasticPool() override { shutdown(); }

    bool enqueue(std::function<void()> fn) override {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (m_stopping) return false;
            ReapLocked();
            m_jobs.push_back(std::move(fn));
            if (m_idle < m_jobs.size() && m_workers.size() < m_max) SpawnLocked(false);
        }
        m_wake.notify_one();
        return true;
    }

    void shutdown() override {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (m_stopping && m_workers.empty()) return;
            m_stopping = true;
        }
        m_wake.notify_all();
        std::list<Worker> workers;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            workers.swap(m_workers);
        }
        for (Worker& w : workers)
            if (w.thread.joinable()) w.thread.join();
    }

private:
    struct Worker {
        std::thread thread;
        bool done = false;
    };

    void SpawnLocked(bool permanent) {
        m_workers.emplace_back();
        Worker* self = &m_workers.back();
        self->thread = std::thread([this, self, permanent] { Run(self, permanent); });
    }

    void ReapLocked() {
        for (auto it = m_workers.begin(); it != m_workers.end();) {
            if (it->done) {
                it->thread.join();  // already returned: immediate
                it = m_workers.erase(it);
            } else {
                ++it;
            }
        }
    }

    void Run(Worker* self, bool permanent) {
        std::unique_lock<std::mutex> lock(m_mutex);
        for (;;) {
            ++m_idle;
            const bool woke = m_wake.wait_for(lock, std::chrono::seconds(60),
                                              [&] { return m_stopping || !m_jobs.empty(); });
            --m_idle;
            if (m_jobs.empty()) {
                if (m_stopping) break;
                if (!woke && !permanent) break;
                continue;
            }
            auto job = std::move(m_jobs.front());
            m_jobs.pop_front();
            lock.unlock();
            job();
            lock.lock();
        }
        self->done = true;
    }

    const std::size_t m_base, m_max;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_jobs;
    std::list<Worker> m_workers;
    std::size_t m_idle = 0;
    bool m_stopping = false;
};

}  // namespace

void WriteError(httplib::Response& res, const Error& error, std::string_view context) {
    Error sent = error;
    int status = ErrorCodeHttpStatus(error.code);
    if (status == 0) status = 500;
    if (status >= 500) {
        // Internal detail (SQLite messages, exception text) goes to the log, not to the client.
        std::fprintf(stderr, "spoc: %.*s -> %d %s: %s\n", static_cast<int>(context.size()), context.data(), status,
                     std::string(ErrorCodeName(error.code)).c_str(), error.message.c_str());
        sent = MakeError(error.code);
    }
    res.status = status;
    if (error.retry_after_seconds > 0) res.set_header("Retry-After", std::to_string(error.retry_after_seconds));
    res.set_content(api::EncodeError(sent), "application/json");
}

HttpServer::HttpServer(Router router, std::unique_ptr<StaticFiles> web, app::AuthService& auth, HttpOptions options)
    : m_server(std::make_unique<GuardedServer>(options.connections,
                                               [trusted = options.trusted_proxies](const std::string& peer) {
                                                   return InAnyCidr(peer, trusted);
                                               })),
      m_max_upload_bytes(std::max<std::int64_t>(limits::kMaxBodyBytes, options.max_upload_bytes)),
      m_trusted_proxies(options.trusted_proxies),
      m_router(std::move(router)),
      m_web(std::move(web)),
      m_auth(auth),
      m_extra_hosts(std::move(options.allowed_hosts)),
      m_kiosk_auth(std::move(options.kiosk_auth)) {
    // Server texts in the reader's language: the web client's compiled catalogs (<web>/i18n/<code>.mo).
    for (const i18n::Lang lang : i18n::kLangs) {
        const std::string* mo = m_web ? m_web->Bytes("/i18n/" + std::string(i18n::LangCode(lang)) + ".mo") : nullptr;
        std::string error;
        if (mo != nullptr && !i18n::InstallCatalog(lang, *mo, &error))
            std::fprintf(stderr, "spoc: i18n/%s.mo is not a message catalog (%s)\n", std::string(i18n::LangCode(lang)).c_str(),
                         error.c_str());
    }
    auto& svr = *m_server;
    const int threads = options.threads < 4 ? 4 : options.threads;
    // Every open connection holds a worker thread (event streams and slow clients included), so
    // the pool may grow to the connection cap: a new client always finds a thread.
    const int max_threads = std::max(threads + (options.max_streams > 0 ? options.max_streams : 0),
                                     options.connections.max_connections + 16);
    svr.new_task_queue = [threads, max_threads] {
        return new ElasticPool(static_cast<std::size_t>(threads), static_cast<std::size_t>(max_threads));
    };
    svr.set_tcp_nodelay(true);  // without it every response waits ~40 ms on Nagle + delayed ACK
    // JSON bodies are held to limits::kMaxBodyBytes as they are read (ReadBody); only an upload
    // route's body may be longer, up to the upload limit (httplib answers 413 past it unread).
    svr.set_payload_max_length(static_cast<std::size_t>(std::max<std::int64_t>(limits::kMaxBodyBytes, options.max_upload_bytes)));
    svr.set_read_timeout(options.read_timeout_seconds, 0);
    svr.set_write_timeout(options.write_timeout_seconds, 0);
    svr.set_keep_alive_timeout(options.keep_alive_seconds);
    svr.set_keep_alive_max_count(1000);

    auto plain = [this](const httplib::Request& req, httplib::Response& res) { Dispatch(req, res, nullptr); };
    auto with_body = [this](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
        Dispatch(req, res, &reader);
    };
    svr.Get(".*", plain);
    svr.Options(".*", plain);
    svr.Post(".*", with_body);
    svr.Put(".*", with_body);
    svr.Patch(".*", with_body);
    svr.Delete(".*", with_body);

    // httplib's own failures (bad request line, oversize body, unknown method...) get JSON too.
    svr.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty() || res.status == 304) return httplib::Server::HandlerResponse::Unhandled;
        Error error = MakeError(CodeForStatus(res.status));
        res.set_content(api::EncodeError(error), "application/json");
        return httplib::Server::HandlerResponse::Handled;
    });
    svr.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown exception";
        try {
            if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
        res.headers.clear();
        WriteError(res, MakeError(ErrorCode::internal, "Unhandled exception: " + what), req.method + " " + req.path);
    });
    svr.set_post_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        res.set_header("X-Content-Type-Options", "nosniff");
        res.set_header("Referrer-Policy", "no-referrer");
        res.set_header("X-Frame-Options", "DENY");
        if (res.get_header_value("Content-Type").rfind("text/html", 0) == 0)
            res.set_header("Content-Security-Policy", kCsp);
        if (IsApiPath(req.path) && !res.has_header("Cache-Control")) res.set_header("Cache-Control", "no-store");
        // Busy (no argon2id turn, writer shutting down...): a well-behaved client waits a second.
        if (res.status == 503 && !res.has_header("Retry-After")) res.set_header("Retry-After", "1");
    });
}

HttpServer::~HttpServer() { Stop(); }

Result<int> HttpServer::Bind(const std::string& host, int port) {
    if (port == 0) {
        port = m_server->bind_to_any_port(host);
        if (port <= 0) return MakeError(ErrorCode::unavailable, "Cannot listen on " + host + ".");
    } else if (!m_server->bind_to_port(host, port)) {
        return MakeError(ErrorCode::unavailable,
                         "Cannot listen on " + host + ":" + std::to_string(port) + " (in use, or a bad address?).");
    }
    m_hosts = HostAllowlist(host, port);
    for (const auto& extra : m_extra_hosts) m_hosts.Add(extra);
    return port;
}

bool HttpServer::Listen() {
    m_listen_called = true;
    const bool ok = m_stop_requested ? true : m_server->listen_after_bind();
    m_listen_done = true;
    return ok;
}

void HttpServer::Stop() {
    // A stop may come (from a signal) between Bind and Listen: Listen then returns at once, and
    // a Listen already on its way is waited for, since httplib ignores stop() until it runs.
    m_stop_requested = true;
    if (!m_listen_called) return;
    while (!m_server->is_running() && !m_listen_done) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    m_server->stop();
}
void HttpServer::WaitUntilReady() const { m_server->wait_until_ready(); }

void HttpServer::Dispatch(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader* reader) {
    const std::string context = req.method + " " + req.path;
    std::string body;
    // A request with neither Content-Length nor chunked encoding has no body (RFC 9112 6.3);
    // httplib would otherwise try to read one until the connection closes.
    const bool has_body = req.has_header("Content-Length") || req.has_header("Transfer-Encoding");
    const RouteMatch found = IsApiPath(req.path) ? m_router.Find(req.method, req.path) : RouteMatch{};
    // A body announced larger than this route takes is refused before a byte of it is read.
    if (reader && req.has_header("Content-Length")) {
        const bool upload = found.route && found.route->streams_body;
        const std::uint64_t cap = static_cast<std::uint64_t>(upload ? m_max_upload_bytes : limits::kMaxBodyBytes);
        const std::string announced = req.get_header_value("Content-Length");
        std::uint64_t length = 0;
        bool number = !announced.empty() && announced.size() <= 19;
        for (char c : announced) {
            number = number && c >= '0' && c <= '9';
            if (number) length = length * 10 + static_cast<std::uint64_t>(c - '0');
        }
        if (!number || length > cap) {
            GuardedServer::CloseAfterResponse();
            return WriteError(res, number ? MakeError(ErrorCode::payload_too_large) : MakeError(ErrorCode::bad_request), context);
        }
    }
    if (found.route && found.route->streams_body && reader) return DispatchUpload(req, res, *reader, has_body);
    if (reader && has_body) {
        auto read = ReadBody(req, res, *reader);
        if (!read.ok()) return WriteError(res, read.error(), context);
        body = std::move(*read);
    }
    // DNS rebinding: a page from another site may reach us under its own name. Refused before
    // anything is looked at (API or web client), once the body is read so the connection stays usable.
    if (auto host = CheckHost(req, m_hosts); !host.ok()) return WriteError(res, host.error(), context);
    if (!IsApiPath(req.path)) {
        if ((req.method == "GET" || req.method == "HEAD") && m_web && m_web->Serve(req, res)) return;
        return WriteError(res, MakeError(ErrorCode::not_found), context);
    }
    auto reply = Handle(req, body, app::NowMs());
    if (!reply.ok()) {
        WriteError(res, reply.error(), context);
        if (reply.error().code == ErrorCode::method_not_allowed) {
            std::string allow;
            for (const auto& method : m_router.Find(req.method, req.path).allowed)
                if (allow.find(method) == std::string::npos) allow += (allow.empty() ? "" : ", ") + method;
            res.set_header("Allow", allow);
        }
        return;
    }
    WriteReply(res, std::move(*reply));
}

// An upload: everything Handle checks (host, origin, session, CSRF) is checked before the body is
// read; the handler then streams it (ctx.upload). A refused upload's body is read and dropped (httplib
// stops at the upload limit), so the connection stays usable.
void HttpServer::DispatchUpload(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader,
                                bool has_body) {
    const std::string context = req.method + " " + req.path;
    bool read_started = false;
    const BodyReader body = [&](const std::function<bool(const char*, std::size_t)>& chunk) {
        read_started = true;
        if (!has_body) return true;
        const bool whole = reader([&](const char* data, std::size_t size) { return chunk(data, size); });
        if (!whole) GuardedServer::CloseAfterResponse();  // stopped part-way: the rest is never read
        return whole;
    };
    auto drain = [&] {
        if (!read_started && has_body) reader([](const char*, std::size_t) { return true; });
    };
    if (auto host = CheckHost(req, m_hosts); !host.ok()) {
        drain();
        return WriteError(res, host.error(), context);
    }
    auto reply = Handle(req, {}, app::NowMs(), &body);
    drain();
    if (!reply.ok()) return WriteError(res, reply.error(), context);
    WriteReply(res, std::move(*reply));
}

Result<Reply> HttpServer::Handle(const httplib::Request& req, std::string_view body, Timestamp now, const BodyReader* upload) {
    // Answers in the reader's language (the web client sends the one on screen).
    i18n::SetThreadLocale(&i18n::InstalledLocale(i18n::Negotiate(req.get_header_value("Accept-Language"))));
    RouteMatch match = m_router.Find(req.method, req.path);
    if (!match.route) {
        if (!match.allowed.empty()) return MakeError(ErrorCode::method_not_allowed);
        return MakeError(ErrorCode::not_found, i18n::tr("There is no such API route."));
    }
    // httplib applies a Range header to a 2xx answer after the handler ran, turning a committed
    // create into a 416. The API has nothing worth a partial read, so Range is refused up front.
    if (req.has_header("Range"))
        return MakeError(ErrorCode::bad_request, i18n::tr("The API does not serve byte ranges; send no Range header."), "Range");
    const Route& route = *match.route;
    const bool changes_state = IsStateChanging(req.method);
    if (changes_state) {
        if (auto origin = CheckOrigin(req, m_hosts); !origin.ok()) return origin.error();
    }
    RequestContext ctx{req,        body, std::move(match.ids), std::nullopt, std::nullopt, now, route.streams_body ? upload : nullptr,
                       ClientAddress(req.remote_addr,
                                     // Several X-Forwarded-For lines come in no defined order: believe none.
                                     req.get_header_value_count("X-Forwarded-For") == 1 ? req.get_header_value("X-Forwarded-For")
                                                                                        : std::string(),
                                     m_trusted_proxies)};
    if (route.streams_body && upload == nullptr) return MakeError(ErrorCode::bad_request, "An upload needs a body.");
    // A kiosk credential opens kiosk routes only, a session session routes only: each looks at
    // its own cookie, so a kiosk (which has no session cookie) gets 401 everywhere else.
    const bool kiosk_route = route.access == Access::kiosk ||
                             (route.access == Access::session_or_kiosk && SessionCookieValue(req).empty() &&
                              !CookieValue(req, routes::kKioskCookie).empty());
    if (kiosk_route) {
        if (!m_kiosk_auth) return MakeError(ErrorCode::unauthenticated);
        auto kiosk = m_kiosk_auth(CookieValue(req, routes::kKioskCookie), now);
        if (!kiosk.ok()) return kiosk.error();
        if (changes_state) {
            if (auto csrf = CheckKioskCsrf(req, *kiosk); !csrf.ok()) return csrf.error();
        }
        ctx.kiosk = std::move(*kiosk);
    } else if (route.access == Access::session || route.access == Access::session_or_kiosk) {
        auto caller = m_auth.Authenticate(SessionCookieValue(req), now);
        if (!caller.ok()) return caller.error();
        if (changes_state) {
            if (auto csrf = CheckCsrf(req, *caller); !csrf.ok()) return csrf.error();
        }
        ctx.caller = std::move(*caller);
    }
    if (changes_state && !route.streams_body && !body.empty() && !IsJsonContentType(req.get_header_value("Content-Type")))
        return MakeError(ErrorCode::unsupported_media);
    return route.handler(ctx);
}

}  // namespace spoc::http
