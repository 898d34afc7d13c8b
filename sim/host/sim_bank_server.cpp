#include "sim/host/sim_bank_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>

#include "host/iso8583/host_message_mapping.hpp"
#include "host/iso8583/iso8583_codec.hpp"
#include "host/iso8583/iso8583_fields.hpp"
#include "host/iso8583/reconciliation_mapping.hpp"
#include "security/openssl_error.hpp"

namespace kiosk::sim {

namespace {

namespace iso = host::iso8583;

constexpr Millis kPollSlice{50};       // how often idle loops look at the stop flag
constexpr Millis kFrameTimeout{5'000};  // a started frame or handshake must finish within this

Result<UniqueFd> listen_on_loopback(int& port) {
    UniqueFd socket(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
    if (!socket.valid()) return make_error("sim-bank", std::string("socket: ") + std::strerror(errno), errno);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;  // the OS picks: tests never collide
    if (::bind(socket.get(), reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||  // NOLINT
        ::listen(socket.get(), 8) != 0) {
        return make_error("sim-bank", std::string("bind/listen on 127.0.0.1: ") + std::strerror(errno), errno);
    }
    socklen_t length = sizeof address;
    if (::getsockname(socket.get(), reinterpret_cast<sockaddr*>(&address), &length) != 0) {  // NOLINT
        return make_error("sim-bank", std::string("getsockname: ") + std::strerror(errno), errno);
    }
    port = ntohs(address.sin_port);
    return socket;
}

// Loosens the shared server context to play a legacy bank (options.min/max_tls_version).
Status apply_legacy_protocol(SSL_CTX& context, const SimBankServerOptions& options) {
    if (!options.cipher_list.empty() && SSL_CTX_set_cipher_list(&context, options.cipher_list.c_str()) != 1) {
        return security::openssl_error("SSL_CTX_set_cipher_list(" + options.cipher_list + ")");
    }
    if (options.min_tls_version != 0 && SSL_CTX_set_min_proto_version(&context, options.min_tls_version) != 1) {
        return security::openssl_error("SSL_CTX_set_min_proto_version");
    }
    if (options.max_tls_version != 0 && SSL_CTX_set_max_proto_version(&context, options.max_tls_version) != 1) {
        return security::openssl_error("SSL_CTX_set_max_proto_version");
    }
    return ok_status();
}

}  // namespace

Result<std::unique_ptr<SimBankServer>> SimBankServer::start(const SimBankServerOptions& options,
                                                            std::shared_ptr<SimBank> bank) {
    std::unique_ptr<SimBankServer> server(new SimBankServer(std::move(bank), options.clock));
    auto context = host::make_server_context(options.tls);
    if (!context.ok()) return context.error();
    KIOSK_TRY(apply_legacy_protocol(**context, options));
    server->context_ = std::move(*context);
    auto listener = listen_on_loopback(server->port_);
    if (!listener.ok()) return listener.error();
    server->listener_ = std::move(*listener);
    server->acceptor_ = std::thread([raw = server.get()] { raw->accept_loop(); });
    return server;
}

SimBankServer::~SimBankServer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    stopping_signal_.notify_all();
    bank_->wake_held_answers();  // a connection waiting on a held answer sees stopping_ and closes
    if (acceptor_.joinable()) acceptor_.join();
    std::vector<std::thread> connections;
    {
        std::lock_guard lock(mutex_);
        connections.swap(connections_);
    }
    for (auto& connection : connections) connection.join();
}

TimePoint SimBankServer::now() const { return clock_ != nullptr ? clock_->now() : SystemClock().now(); }

void SimBankServer::accept_loop() {
    while (!stopping_) {
        pollfd entry{listener_.get(), POLLIN, 0};
        if (::poll(&entry, 1, static_cast<int>(kPollSlice.count())) <= 0) continue;
        UniqueFd client(::accept4(listener_.get(), nullptr, nullptr, SOCK_CLOEXEC));
        if (!client.valid()) continue;
        ++accepted_;
        std::lock_guard lock(mutex_);
        if (stopping_) break;
        connections_.emplace_back([this, socket = std::move(client)]() mutable { serve(std::move(socket)); });
    }
}

void SimBankServer::serve(UniqueFd socket) {
    auto stream = host::FramedTlsStream::accept(*context_, std::move(socket), host::deadline_after(kFrameTimeout));
    if (!stream.ok()) return;  // a client that fails the handshake (no certificate, wrong CA) is dropped
    while (!stopping_) {
        auto readable = stream->wait_readable(host::deadline_after(kPollSlice));
        if (!readable.ok()) return;
        if (!*readable) continue;
        auto request = stream->read_frame(host::deadline_after(kFrameTimeout));
        if (!request.ok()) return;  // the kiosk closed the connection, or sent half a frame
        if (!answer(*stream, request->view())) return;
    }
}

void SimBankServer::wait_answer_delay() {
    std::unique_lock lock(mutex_);
    stopping_signal_.wait_for(lock, bank_->answer_delay(), [this] { return stopping_.load(); });
}

bool SimBankServer::answer(host::FramedTlsStream& stream, ByteView request_wire) {
    auto request = iso::decode(request_wire);
    if (!request.ok()) {
        ++rejected_;
        return false;
    }
    if (request->mti() == iso::Mti::NetworkRequest) return answer_echo(stream, *request);
    if (request->mti() == iso::Mti::ReconciliationRequest) return answer_totals(stream, *request);

    const std::optional<HostFault> fault = bank_->take_fault();
    if (fault == HostFault::Unreachable) return false;

    Result<iso::Message> reply = make_error("sim-bank", "no reply");
    if (request->mti() == iso::Mti::ReversalAdvice) {
        auto reversal = iso::reversal_request_from_iso(*request, now());
        if (!reversal.ok()) {
            ++rejected_;
            return false;
        }
        const host::ReversalResponse response = fault == HostFault::SystemError
                                                    ? host::ReversalResponse{host::ResponseCode::SystemError, reversal->stan}
                                                    : bank_->reverse(*reversal);
        reply = iso::to_iso(response, *request);
    } else {
        auto authorization = iso::authorization_request_from_iso(*request, now());
        if (!authorization.ok()) {
            ++rejected_;
            return false;
        }
        host::AuthorizationResponse response;
        if (fault == HostFault::SystemError) {
            response = host::AuthorizationResponse{host::ResponseCode::SystemError, authorization->stan, {}, {}, "", "", {}};
            bank_->note_answered_without_processing(authorization->type, response.code, response.stan);
        } else {
            response = bank_->authorize(*authorization);
        }
        reply = iso::to_iso(response, *request);
        bank_->await_answer_release(&stopping_);
        if (stopping_) return false;
    }
    if (!reply.ok()) return false;
    auto wire = iso::encode(*reply);
    if (!wire.ok()) return false;
    return deliver(stream, wire->view(), fault);
}

bool SimBankServer::answer_echo(host::FramedTlsStream& stream, const iso::Message& request) {
    // The echo meets queued faults like any request, as in process (SimBankHost::echo), so an
    // "unreachable" bank stays unreachable to the kiosk's out-of-service probes too.
    const std::optional<HostFault> fault = bank_->take_fault();
    if (fault == HostFault::Unreachable) return false;
    auto reply = iso::echo_response(request);
    if (!reply.ok()) return false;
    if (fault == HostFault::SystemError) reply->set(iso::field::kResponseCode, "96");
    auto wire = iso::encode(*reply);
    if (!wire.ok()) return false;
    return deliver(stream, wire->view(), fault);
}

bool SimBankServer::answer_totals(host::FramedTlsStream& stream, const iso::Message& request) {
    auto query = iso::reconciliation_request_from_iso(request, now());
    if (!query.ok()) {
        ++rejected_;
        return false;
    }
    // Faults as for any request (SimBankHost::totals does the same in process); never held.
    const std::optional<HostFault> fault = bank_->take_fault();
    if (fault == HostFault::Unreachable) return false;
    const host::ResponseCode code =
        fault == HostFault::SystemError ? host::ResponseCode::SystemError : host::ResponseCode::Approved;
    auto reply = iso::reconciliation_response(request, code, bank_->totals(query->terminal_id));
    if (!reply.ok()) return false;
    auto wire = iso::encode(*reply);
    if (!wire.ok()) return false;
    return deliver(stream, wire->view(), fault);
}

bool SimBankServer::deliver(host::FramedTlsStream& stream, ByteView wire, std::optional<HostFault> fault) {
    switch (fault.value_or(HostFault::SystemError)) {
        case HostFault::DropAfterProcessing: return false;
        case HostFault::MalformedAnswer:
            // A whole frame whose ISO 8583 message is cut in half: the kiosk's decoder must refuse it.
            (void)stream.write_frame(wire.first(wire.size() / 2), host::deadline_after(kFrameTimeout));
            return false;
        case HostFault::LateAnswer: wait_answer_delay(); break;
        case HostFault::Unreachable:
        case HostFault::SystemError: break;
    }
    return !stopping_ && stream.write_frame(wire, host::deadline_after(kFrameTimeout)).ok();
}

}  // namespace kiosk::sim
