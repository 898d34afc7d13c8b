// SimCrmServer: TLS context set up in httplib's SSL_CTX callback (protocol bounds, optional
// client verification), request handling under one mutex, faults consumed in order.
#include "sim/crm/sim_crm_server.hpp"

#include <httplib.h>

#include <chrono>
#include <optional>

#include "security/openssl_error.hpp"
#include "security/openssl_handles.hpp"

namespace kiosk::sim {
namespace {

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

std::string error_body(const std::string& message) {
    return std::string(R"({"error":")") + (message.find('"') == std::string::npos ? message : "bad request") + "\"}";
}

}  // namespace

Result<std::unique_ptr<SimCrmServer>> SimCrmServer::start(const SimCrmOptions& options) {
    std::unique_ptr<SimCrmServer> crm(new SimCrmServer());
    if (!options.record_keys.empty()) crm->opener_ = std::make_unique<crm::RecordOpener>(options.record_keys);
    if (options.clock != nullptr) crm->clock_ = options.clock;
    std::string tls_failure;
    crm->server_ = std::make_unique<httplib::SSLServer>(
        [&options, &tls_failure](SSL_CTX& context) { return configure_tls(context, options, tls_failure); });
    if (!crm->server_->is_valid()) return make_error("sim-crm", "TLS setup failed: " + tls_failure);

    // Short keep-alive: the server's stop() waits for idle connections to time out.
    crm->server_->set_keep_alive_timeout(1);
    SimCrmServer* self = crm.get();
    crm->server_->Post(records_path, [self](const httplib::Request& request, httplib::Response& response) {
        const Reply reply = self->handle(request.body);
        response.status = reply.status;
        if (!reply.retry_after.empty()) response.set_header("Retry-After", reply.retry_after);
        response.set_content(reply.body, "application/json");
    });

    // Loopback only, port chosen by the OS: tests never collide and never reach another host.
    crm->port_ = crm->server_->bind_to_any_port("127.0.0.1");
    if (crm->port_ <= 0) return make_error("sim-crm", "cannot bind 127.0.0.1 to any port");
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

void SimCrmServer::inject(CrmFault fault, int times) {
    std::lock_guard lock(mutex_);
    for (int i = 0; i < times; ++i) faults_.push_back(fault);
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

std::vector<security::SealedRecord> SimCrmServer::received() const {
    std::lock_guard lock(mutex_);
    return received_;
}

std::vector<OpenedCrmRecord> SimCrmServer::opened() const {
    std::lock_guard lock(mutex_);
    return opened_;
}

std::vector<std::string> SimCrmServer::received_ids() const {
    std::lock_guard lock(mutex_);
    std::vector<std::string> ids;
    ids.reserve(received_.size());
    for (const auto& record : received_) ids.push_back(record.header.record_id);
    return ids;
}

std::size_t SimCrmServer::times_delivered(const std::string& record_id) const {
    std::lock_guard lock(mutex_);
    const auto found = deliveries_.find(record_id);
    return found == deliveries_.end() ? 0 : found->second;
}

std::size_t SimCrmServer::request_count() const {
    std::lock_guard lock(mutex_);
    return requests_;
}

SimCrmServer::Reply SimCrmServer::handle(const std::string& body) {
    Reply reply;
    {
        std::lock_guard lock(mutex_);
        ++requests_;
        std::optional<CrmFault> fault;
        if (!faults_.empty()) {
            fault = faults_.front();
            faults_.pop_front();
        }
        if (fault == CrmFault::ServerError) return Reply{500, error_body("injected server error"), ""};
        if (fault == CrmFault::Throttled) return Reply{429, error_body("slow down"), retry_after_};

        auto batch = crm::decode_batch(body);
        if (!batch) return Reply{400, error_body(batch.error().message), ""};
        const auto results = ingest(*batch);
        if (fault == CrmFault::MalformedAnswer) {
            reply = Reply{200, R"({"results":[{"id":)", ""};  // truncated mid-answer
        } else if (fault == CrmFault::LostAnswer) {
            reply = Reply{500, error_body("stored, but the answer was lost"), ""};
        } else {
            reply = Reply{200, crm::encode_answer(results), ""};
        }
    }
    wait_answer_delay();
    return reply;
}

std::vector<crm::RecordResult> SimCrmServer::ingest(const crm::UploadBatch& batch) {
    std::vector<crm::RecordResult> results;
    results.reserve(batch.records.size());
    for (const auto& record : batch.records) {
        const std::string& id = record.header.record_id;
        ++deliveries_[id];
        if (const auto rejection = rejections_.find(id); rejection != rejections_.end()) {
            results.push_back({id, crm::RecordOutcome::Rejected, rejection->second});
        } else if (received_ids_.contains(id)) {
            // The idempotency key at work: already held, so not stored again, but acknowledged.
            results.push_back({id, crm::RecordOutcome::Duplicate, ""});
        } else if (auto refusal = open_record(batch, record)) {
            results.push_back({id, crm::RecordOutcome::Rejected, std::move(*refusal)});
        } else {
            received_ids_.insert(id);
            received_.push_back(record);
            results.push_back({id, crm::RecordOutcome::Accepted, ""});
        }
    }
    return results;
}

std::optional<std::string> SimCrmServer::open_record(const crm::UploadBatch& batch,
                                                     const security::SealedRecord& record) {
    if (!opener_) return std::nullopt;
    auto payload = opener_->open(batch, record);
    if (!payload) return payload.error().message;
    const security::RecordHeader& header = record.header;
    opened_.push_back(OpenedCrmRecord{header.record_id, header.kind, header.kiosk_id, header.schema_version,
                                      header.created_unix_ms, to_unix_millis(clock_->now()), std::move(*payload)});
    return std::nullopt;
}

void SimCrmServer::wait_answer_delay() {
    std::unique_lock lock(mutex_);
    if (answer_delay_ <= Millis{0}) return;
    // Interruptible, so destroying the server never waits out a long injected delay.
    shutting_down_.wait_for(lock, answer_delay_, [this] { return stopping_; });
}

}  // namespace kiosk::sim
