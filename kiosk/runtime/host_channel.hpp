// HostChannel: the bank host, as the runtime uses it. Every request (0100/0200 authorization, 0420
// reversal, 0800 echo) goes to the host link's own worker with a deadline; its answer comes back as
// a flow event. Requests carry the session's enciphered PIN block, never the PIN; one that may have
// moved money without an answer (link failure, timeout, the customer cancelling while it was on its
// way) is reversed through the durable reversal queue, which this channel also drains.
#pragma once

#include <optional>
#include <string>

#include "common/async/request_worker.hpp"
#include "host/host_link.hpp"
#include "host/reversal_queue.hpp"
#include "kiosk/flow/flow_types.hpp"
#include "kiosk/runtime/in_flight_bracket.hpp"
#include "kiosk/runtime/key_entry.hpp"
#include "kiosk/runtime/runtime_ports.hpp"
#include "kiosk/runtime/session.hpp"
#include "kiosk/runtime/stan_counter.hpp"

namespace kiosk {

using HostWorker = RequestWorker<host::HostLink>;

class HostChannel {
public:
    struct Parts {
        HostWorker& host;
        KeyEntry& keys;                              // a PIN block may still be on its way from the pad
        StanCounter* stans = nullptr;                // none: STANs counted in memory from 1 (tests)
        host::ReversalQueue* reversals = nullptr;    // none: nothing can be reversed (no cash, tests)
        InFlightBracket* bracket = nullptr;
        Millis reversal_retry{30'000};               // how often unacknowledged reversals are sent again
        Millis probe_interval{15'000};               // how often an unreachable host is echoed
    };

    HostChannel(RuntimePorts ports, Parts parts, Session& session, std::string terminal_id, DeviceTimeouts timeouts = {});

    // Sends the request for `type` (context: accounts) once the PIN block is in: HostApproved,
    // HostDeclined or HostUnavailable follows.
    void authorize(host::TransactionType type, const std::optional<Money>& amount, const flow::Context& context);
    // The flow left Authorizing (the customer cancelled, or its timer ran out) before the answer:
    // the request is abandoned and its answer, if one comes, dropped. Whether it must be reversed is
    // the flow's rule (the table's reversing rows); reverse() then skips a request that never left
    // the kiosk — still queued, or waiting for its PIN block — so no other request is reversed by mistake.
    void abandon_authorization(const char* why);
    [[nodiscard]] bool authorization_outstanding() const;

    // Queues the 0420 of a cash bracket (closing it in the same transaction), then sends.
    void reverse(host::TransactionType type, const Money& amount, const Money& dispensed, host::ReversalReason reason,
                 const flow::Context& context);
    // Sends queued reversals one after the other, unless a round is running.
    void send_reversals();
    // The reversal that would undo `amount` of the session's last request.
    [[nodiscard]] host::ReversalRequest reversal_for(host::TransactionType type, const Money& amount,
                                                     const Money& dispensed, host::ReversalReason reason,
                                                     const flow::Context& context);

    // Every turn: reversal retries and, while the host is unreachable, the echo probe.
    void on_turn(TimePoint now);
    [[nodiscard]] bool reachable() const { return reachable_; }
    [[nodiscard]] std::uint32_t take_stan();

private:
    void send(host::AuthorizationRequest request);
    void on_answer(const host::AuthorizationRequest& sent, const Completion<host::AuthorizationResponse>& done);
    void send_next(std::vector<host::DueReversal> due, std::size_t index);
    void unreachable();

    RuntimePorts ports_;
    Parts parts_;
    Session& session_;
    std::string terminal_id_;
    DeviceTimeouts timeouts_;
    std::uint32_t next_stan_ = 1;
    bool reachable_ = true;
    std::optional<TimePoint> next_probe_;
    std::optional<TimePoint> next_reversal_round_;
    bool reversal_round_running_ = false;
    bool probing_ = false;
    struct InFlight {
        RequestId id;
        host::TransactionType type;
        std::optional<Money> amount;
        flow::Context context;
    };
    std::optional<InFlight> in_flight_;
    std::uint64_t authorization_serial_ = 0;  // bumped by authorize and abandon: a deferred send checks it
    bool current_never_sent_ = false;         // the last authorization was abandoned before it left
};

// Which transactions move money at the host, so that one without an answer must be reversed:
// the flow table's rule (kiosk/flow/flow_table.cpp, moves_money), exposed here once.
bool moves_money(host::TransactionType type);

}  // namespace kiosk
