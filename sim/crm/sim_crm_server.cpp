// SimCrmServer: TLS context set up in httplib's SSL_CTX callback (protocol bounds, optional
// client verification), the routes and control endpoints, the accessors, and the three ways an
// answer can fail to arrive (closed, stalled, cut) done on the request's own socket. What a
// request does to the store is sim_crm_handling.cpp.
#include "sim/crm/sim_crm_server.hpp"

#include <httplib.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <optional>
#include <stdexcept>

#include "crm/profile_format.hpp"
#include "crm/record_opener.hpp"
#include "security/openssl_error.hpp"
#include "security/openssl_handles.hpp"

namespace kiosk::sim {
namespace {

using namespace std::chrono_literals;

// URL-safe tokens (hex or base64url HMACs) and complaint references ("KB-20261202-7Q4M").
constexpr const char* kTokenPattern = "([A-Za-z0-9._~-]{1,256})";
constexpr const char* kReferencePattern = "([A-Za-z0-9._~-]{1,64})";

bool configure_tls(SSL_CTX& context, const SimCrmOptions& options, std::string& failure) {
    const auto fail = [&failure](const std::string& what) {
        failure = security::openssl_error(what).to_string();
        return false;
    };
    if (options.min_tls_version != 0 && SSL_CTX_set_min_proto_version(&context, options.min_tls_version) != 1) {
        return fail("SSL_CTX_set_min_proto_version");
    }
    if (options.max_tls_version != 0 && SSL_CTX_set_max_proto_version(&context, options.max_tls_version) != 1) {
        return fail("SSL_CTX_set_max_proto_version");
    }
    if (!options.cipher_list.empty() && SSL_CTX_set_cipher_list(&context, options.cipher_list.c_str()) != 1) {
        return fail("SSL_CTX_set_cipher_list(" + options.cipher_list + ")");
    }
    if (SSL_CTX_use_certificate_chain_file(&context, options.certificate_file.c_str()) != 1) {
        return fail("cannot load certificate " + options.certificate_file.string());
    }
    if (SSL_CTX_use_PrivateKey_file(&context, options.private_key_file.c_str(), SSL_FILETYPE_PEM) != 1 ||
        SSL_CTX_check_private_key(&context) != 1) {
        return fail("cannot load private key " + options.private_key_file.string());
    }
    if (!options.client_ca_file.empty()) {
        if (SSL_CTX_load_verify_locations(&context, options.client_ca_file.c_str(), nullptr) != 1) {
            return fail("cannot load client CA " + options.client_ca_file.string());
        }
        SSL_CTX_set_client_CA_list(&context, SSL_load_client_CA_file(options.client_ca_file.c_str()));
        SSL_CTX_set_verify(&context, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
    }
    return true;
}

// A client that hangs up while its answer is written raises SIGPIPE, whose default action ends
// the process; OpenSSL writes with plain write(), so MSG_NOSIGNAL is not available. Refuse, Stall
// and ResetMidAnswer make that happen on purpose.
void ignore_sigpipe() {
    static const bool ignored = [] {
        std::signal(SIGPIPE, SIG_IGN);
        return true;
    }();
    (void)ignored;
}

template <typename T>
T or_throw(Result<T> result, const char* what) {
    if (!result) throw std::runtime_error(std::string("simulated CRM: ") + what + ": " + result.error().to_string());
    return std::move(*result);
}

void answer(httplib::Response& response, int status, const std::string& body) {
    response.status = status;
    if (!body.empty()) response.set_content(body, "application/json");
}

}  // namespace

SimCrmServer::SimCrmServer(CrmStore store, const SimCrmOptions& options)
    : clock_(options.clock != nullptr ? options.clock : &system_clock_),
      open_record_(options.open_record),
      control_enabled_(options.enable_control),
      store_(std::make_unique<CrmStore>(std::move(store))) {}

Result<std::unique_ptr<SimCrmServer>> SimCrmServer::start(const SimCrmOptions& options) {
    ignore_sigpipe();
    auto store = CrmStore::open(options.database_path);
    if (!store) return make_error("sim-crm", "cannot open the CRM database: " + store.error().to_string());
    SimCrmOptions opening = options;
    if (!opening.open_record && !opening.record_keys.empty()) {
        // The opener caches unwrapped data keys; the server calls it under its own lock.
        auto opener = std::make_shared<crm::RecordOpener>(opening.record_keys);
        opening.open_record = [opener](const crm::UploadBatch& batch, const security::SealedRecord& record) {
            return opener->open(batch, record);
        };
    }
    std::unique_ptr<SimCrmServer> crm(new SimCrmServer(std::move(*store), opening));
    std::string tls_failure;
    crm->server_ = std::make_unique<httplib::SSLServer>(
        [&options, &tls_failure](SSL_CTX& context) { return configure_tls(context, options, tls_failure); });
    if (!crm->server_->is_valid()) return make_error("sim-crm", "TLS setup failed: " + tls_failure);

    // One request per connection ("Connection: close"): curl silently retries a request whose
    // reused connection dies before any answer byte, which would hide a Refuse; it also keeps
    // stop() from waiting on idle keep-alive connections.
    crm->server_->set_keep_alive_max_count(1);
    crm->server_->set_keep_alive_timeout(1);
    crm->install_routes();

    // Loopback only: tests never reach another host. Port 0: chosen by the OS, so tests never collide.
    if (options.port == 0) {
        crm->port_ = crm->server_->bind_to_any_port("127.0.0.1");
        if (crm->port_ <= 0) return make_error("sim-crm", "cannot bind 127.0.0.1 to any port");
    } else {
        if (!crm->server_->bind_to_port("127.0.0.1", options.port)) {
            return make_error("sim-crm", "cannot bind 127.0.0.1:" + std::to_string(options.port));
        }
        crm->port_ = options.port;
    }
    SimCrmServer* self = crm.get();
    crm->thread_ = std::thread([self] { self->server_->listen_after_bind(); });
    // stop() before listen_after_bind() has started would be missed and the join would hang.
    for (int i = 0; i < 5000 && !crm->server_->is_running(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    if (!crm->server_->is_running()) return make_error("sim-crm", "server thread did not start listening");
    return crm;
}

SimCrmServer::~SimCrmServer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    shutting_down_.notify_all();
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
}

std::string SimCrmServer::url() const { return "https://127.0.0.1:" + std::to_string(port_) + records_path; }
std::string SimCrmServer::profiles_url() const { return "https://127.0.0.1:" + std::to_string(port_) + profiles_path; }
std::string SimCrmServer::control_url() const { return "https://127.0.0.1:" + std::to_string(port_) + control_path; }

void SimCrmServer::install_routes() {
    server_->Post(records_path, [this](const httplib::Request& request, httplib::Response& response) {
        deliver(request, response, handle_records(request.body));
    });
    server_->Get(std::string(profiles_path) + "/" + kTokenPattern,
                 [this](const httplib::Request& request, httplib::Response& response) {
                     deliver(request, response, handle_profile(request.matches[1].str()));
                 });
    if (control_enabled_) install_control_routes();
}

void SimCrmServer::install_control_routes() {
    const std::string base = control_path;
    server_->Post(base + "/faults", [this](const httplib::Request& request, httplib::Response& response) {
        const auto fault = decode_fault_request(request.body);
        if (!fault) return answer(response, 400, encode_error(fault.error().message));
        if (!fault->retry_after.empty()) set_retry_after(fault->retry_after);
        inject(fault->fault, fault->times, fault->endpoint);
        answer(response, 204, "");
    });
    server_->Delete(base + "/faults", [this](const httplib::Request&, httplib::Response& response) {
        clear_faults();
        answer(response, 204, "");
    });
    server_->Put(base + "/profiles/" + kTokenPattern, [this](const httplib::Request& request, httplib::Response& response) {
        const auto profile = crm::decode_profile(request.body, control_profile_max_bytes);
        if (!profile) return answer(response, 400, encode_error(profile.error().message));
        const auto stored = put_profile(request.matches[1].str(), *profile);
        if (!stored) return answer(response, 500, encode_error(stored.error().to_string()));
        answer(response, 204, "");
    });
    server_->Put(base + "/complaints/" + kReferencePattern,
                 [this](const httplib::Request& request, httplib::Response& response) {
                     const auto state = decode_complaint_update(request.body);
                     if (!state) return answer(response, 400, encode_error(state.error().message));
                     const auto changed = set_complaint_state(request.matches[1].str(), *state);
                     if (!changed) return answer(response, 500, encode_error(changed.error().to_string()));
                     if (!*changed) return answer(response, 404, encode_error("no complaint with that reference"));
                     answer(response, 204, "");
                 });
    server_->Get(base + "/stats", [this](const httplib::Request&, httplib::Response& response) {
        std::lock_guard lock(mutex_);
        const auto stats = read_stats();
        if (!stats) return answer(response, 500, encode_error(stats.error().to_string()));
        answer(response, 200, encode_stats(*stats));
    });
    server_->Get(base + "/requests", [this](const httplib::Request&, httplib::Response& response) {
        std::lock_guard lock(mutex_);
        const auto log = store_->request_log();
        if (!log) return answer(response, 500, encode_error(log.error().to_string()));
        answer(response, 200, encode_request_log(*log));
    });
}

void SimCrmServer::inject(CrmFault fault, int times, CrmEndpoint endpoint) {
    std::lock_guard lock(mutex_);
    for (int i = 0; i < times; ++i) faults_.push_back({fault, endpoint});
}

void SimCrmServer::clear_faults() {
    std::lock_guard lock(mutex_);
    faults_.clear();
}

void SimCrmServer::set_retry_after(std::string value) {
    std::lock_guard lock(mutex_);
    retry_after_ = std::move(value);
}

void SimCrmServer::reject_record(const std::string& record_id, std::string reason) {
    std::lock_guard lock(mutex_);
    rejections_[record_id] = std::move(reason);
}

void SimCrmServer::set_answer_delay(Millis delay) {
    std::lock_guard lock(mutex_);
    answer_delay_ = delay;
}

Status SimCrmServer::put_profile(const std::string& pan_token, const CustomerProfile& profile) {
    std::lock_guard lock(mutex_);
    return store_->put_profile(pan_token, crm::encode_profile(profile, pan_token));
}

Result<bool> SimCrmServer::set_complaint_state(const std::string& reference, ComplaintState state) {
    std::lock_guard lock(mutex_);
    return store_->set_complaint_state(reference, state, now_ms());
}

std::vector<security::SealedRecord> SimCrmServer::received() const {
    std::lock_guard lock(mutex_);
    return or_throw(store_->sealed_records(), "reading records");
}

std::vector<std::string> SimCrmServer::received_ids() const {
    std::vector<std::string> ids;
    for (const auto& record : received()) ids.push_back(record.header.record_id);
    return ids;
}

std::vector<OpenedCrmRecord> SimCrmServer::opened_records() const {
    std::lock_guard lock(mutex_);
    return or_throw(store_->opened_records(), "reading opened records");
}

std::vector<StoredComplaint> SimCrmServer::complaints_of(const std::string& pan_token) const {
    std::lock_guard lock(mutex_);
    return or_throw(store_->complaints_of(pan_token), "reading complaints");
}

std::size_t SimCrmServer::times_delivered(const std::string& record_id) const {
    std::lock_guard lock(mutex_);
    return or_throw(store_->deliveries(record_id), "reading deliveries");
}

std::size_t SimCrmServer::request_count() const {
    const auto log = request_log();
    return static_cast<std::size_t>(
        std::count_if(log.begin(), log.end(), [](const RequestLogEntry& entry) { return entry.path == records_path; }));
}

std::vector<RequestLogEntry> SimCrmServer::request_log() const {
    std::lock_guard lock(mutex_);
    return or_throw(store_->request_log(), "reading the request log");
}

SimCrmStats SimCrmServer::stats() const {
    std::lock_guard lock(mutex_);
    return or_throw(read_stats(), "reading stats");
}

Result<SimCrmStats> SimCrmServer::read_stats() const {
    SimCrmStats stats;
    auto held = store_->record_count();
    if (!held) return held.error();
    auto opened = store_->opened_records();
    if (!opened) return opened.error();
    auto complaints = store_->complaint_count();
    if (!complaints) return complaints.error();
    auto log = store_->request_log();
    if (!log) return log.error();
    stats.records_held = *held;
    stats.records_opened = opened->size();
    stats.complaints = *complaints;
    for (const auto& entry : *log) {
        auto& counts = entry.path == records_path ? stats.record_requests_by_status : stats.profile_requests_by_status;
        ++counts[entry.http_status];
    }
    return stats;
}

void SimCrmServer::deliver(const httplib::Request& request, httplib::Response& response, const Reply& reply) {
    // The TLS connection's socket: where an answer is withheld or cut. It is always set on an
    // SSLServer; without it the reply goes out as a normal answer.
    const int socket = request.ssl != nullptr ? SSL_get_fd(request.ssl) : -1;
    if (socket >= 0) {
        switch (reply.delivery) {
            case Delivery::Answer: break;
            case Delivery::Close:
                ::shutdown(socket, SHUT_RDWR);  // httplib's later write fails and it closes
                return;
            case Delivery::Stall:
                wait_until_client_leaves(socket);
                ::shutdown(socket, SHUT_RDWR);
                return;
            case Delivery::CutMidBody: {
                response.status = reply.status;
                auto body = std::make_shared<std::string>(reply.body);
                response.set_content_provider(
                    body->size(), "application/json",
                    [body, socket](std::size_t /*offset*/, std::size_t /*length*/, httplib::DataSink& sink) {
                        sink.write(body->data(), body->size() / 2);
                        ::shutdown(socket, SHUT_RDWR);
                        return false;  // httplib gives up on the rest and closes the connection
                    });
                return;
            }
        }
    }
    response.status = reply.status == 0 ? 500 : reply.status;
    if (!reply.retry_after.empty()) response.set_header("Retry-After", reply.retry_after);
    response.set_content(reply.body, "application/json");
}

void SimCrmServer::wait_until_client_leaves(int socket) {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        // A client waiting for its answer sends nothing; anything readable (its close_notify, the
        // end of the stream) or a hang-up means it gave up.
        pollfd watch{socket, static_cast<short>(POLLIN | POLLRDHUP), 0};
        if (::poll(&watch, 1, 0) != 0) return;
        shutting_down_.wait_for(lock, 20ms, [this] { return stopping_; });
    }
}

void SimCrmServer::wait_answer_delay() {
    std::unique_lock lock(mutex_);
    if (answer_delay_ <= Millis{0}) return;
    // Interruptible, so destroying the server never waits out a long injected delay.
    shutting_down_.wait_for(lock, answer_delay_, [this] { return stopping_; });
}

std::int64_t SimCrmServer::now_ms() const { return to_unix_millis(clock_->now()); }

}  // namespace kiosk::sim
