// The simulated bank host on the network: a TLS server on 127.0.0.1 (OS-chosen port, mutual TLS
// with certificates from sim/crm/test_pki.hpp) that answers real ISO 8583 messages behind a
// 2-byte length header — 0100/0200 → 0110/0210, 0420 → 0430, 0500 → 0510 (SimBank::totals),
// 0800 → 0810 — from a shared SimBank.
// Faults queued on the bank are acted out on the wire, one per request, echo included (as the
// in-process front end does): close unread (Unreachable), answer 96, answer late (interruptible,
// so stopping never waits it out), drop after processing, or send a truncated message. A request
// that does not decode closes the connection. `kiosk --sim` runs one (kiosk/simulator).
// Held answers (SimBank::hold_answers): an authorization is read and processed, its answer
// waits for the release; the destructor ends such waits (the answer is never sent).
// Threads: one acceptor and one thread per connection; the getters are atomic.
// Run: build/h-host/bin/host_link_tests (tests/host/iso8583_host_link_test.cpp drives it); in code,
// SimBankServer::start({files}, bank) and point an Iso8583HostLink at 127.0.0.1:port().
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "host/tls/framed_tls_stream.hpp"
#include "host/iso8583/iso8583_message.hpp"
#include "host/tls/tls_context.hpp"
#include "sim/host/sim_bank.hpp"

namespace kiosk::sim {

struct SimBankServerOptions {
    host::TlsServerFiles tls;
    // Wire dates carry no year; the server takes the one nearest this clock. nullptr: system clock.
    const Clock* clock = nullptr;
    // A legacy bank for the kiosk to refuse: 0 = the shared server context's (TLS 1.2 or later).
    // OpenSSL 3 on Debian speaks TLS < 1.2 only at security level 0, hence the cipher list
    // ("DEFAULT@SECLEVEL=0"); empty keeps OpenSSL's default.
    int min_tls_version = 0;
    int max_tls_version = 0;
    std::string cipher_list;
};

class SimBankServer {
public:
    static Result<std::unique_ptr<SimBankServer>> start(const SimBankServerOptions& options, std::shared_ptr<SimBank> bank);
    ~SimBankServer();  // stops accepting, ends any held answer, joins every thread
    SimBankServer(const SimBankServer&) = delete;
    SimBankServer& operator=(const SimBankServer&) = delete;

    [[nodiscard]] int port() const { return port_; }
    [[nodiscard]] SimBank& bank() { return *bank_; }
    [[nodiscard]] std::size_t connections_accepted() const { return accepted_.load(); }
    // Requests that did not decode or map (the connection was closed on them).
    [[nodiscard]] std::size_t rejected_requests() const { return rejected_.load(); }

private:
    SimBankServer(std::shared_ptr<SimBank> bank, const Clock* clock) : bank_(std::move(bank)), clock_(clock) {}
    void accept_loop();
    void serve(UniqueFd socket);
    // false: close the connection.
    bool answer(host::FramedTlsStream& stream, ByteView request_wire);
    // 0800 → 0810, or the queued fault acted out on it.
    bool answer_echo(host::FramedTlsStream& stream, const host::iso8583::Message& request);
    // 0500 → 0510 from SimBank::totals, or the queued fault acted out on it.
    bool answer_totals(host::FramedTlsStream& stream, const host::iso8583::Message& request);
    // Sends `wire` as the fault (if any) says: whole, cut short, late or not at all. false: close.
    bool deliver(host::FramedTlsStream& stream, ByteView wire, std::optional<HostFault> fault);
    // Waits the bank's answer delay, or less if the server stops.
    void wait_answer_delay();
    [[nodiscard]] TimePoint now() const;

    std::shared_ptr<SimBank> bank_;
    const Clock* clock_;
    security::SslCtxPtr context_;
    UniqueFd listener_;
    int port_ = 0;
    std::thread acceptor_;
    std::mutex mutex_;
    std::condition_variable stopping_signal_;
    std::vector<std::thread> connections_;
    std::atomic<bool> stopping_{false};
    std::atomic<std::size_t> accepted_{0};
    std::atomic<std::size_t> rejected_{0};
};

}  // namespace kiosk::sim
