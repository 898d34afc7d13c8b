#include "kiosk/runtime/host_channel.hpp"

#include "kiosk/runtime/recorder.hpp"

namespace kiosk {

namespace {


// The request's PAN, PIN blocks and code are secure buffers: dropping the request wipes them.
void wipe(host::AuthorizationRequest& request) { request = host::AuthorizationRequest{}; }

}  // namespace

bool moves_money(host::TransactionType type) {
    return type == host::TransactionType::Withdrawal || type == host::TransactionType::CardlessWithdrawal ||
           type == host::TransactionType::Transfer;
}

HostChannel::HostChannel(RuntimePorts ports, Parts parts, Session& session, std::string terminal_id,
                         DeviceTimeouts timeouts)
    : ports_(std::move(ports)), parts_(parts), session_(session), terminal_id_(std::move(terminal_id)),
      timeouts_(timeouts) {}

std::uint32_t HostChannel::take_stan() {
    if (parts_.stans != nullptr) {
        auto stan = parts_.stans->next();
        if (stan.ok()) return *stan;
        // The database is failing: every business step will refuse too; keep counting in memory.
        ports_.note("STAN not persisted: " + stan.error().to_string());
    }
    // ISO 8583 field 11: 1–999999, then round again.
    const std::uint32_t stan = next_stan_;
    next_stan_ = next_stan_ >= 999'999 ? 1 : next_stan_ + 1;
    return stan;
}

void HostChannel::authorize(host::TransactionType type, const std::optional<Money>& amount,
                            const flow::Context& context) {
    const std::uint64_t serial = ++authorization_serial_;
    current_never_sent_ = false;
    // The PIN block of the entry that just completed may still be on its way from the pad.
    parts_.keys.when_pin_block_ready([this, serial, type, amount, context] {
        if (serial != authorization_serial_) return;  // abandoned while the block was on its way
        const bool cardless = type == host::TransactionType::CardlessWithdrawal;
        host::AuthorizationRequest request;
        request.type = type;
        request.amount = amount;
        request.from_type = context.from_account.value_or(host::AccountType::Default);
        request.to_type = context.to_account.value_or(host::AccountType::Default);
        if (cardless) {
            request.one_time_code = session_.one_time_code;
            request.phone_number = session_.phone_number;
        } else {
            if (session_.pin_block.empty()) {
                // Nothing goes to the host, so nothing can need reversing: a decline, not "no answer"
                // (which would reverse the visit's previous request by its STAN).
                ports_.note("no PIN block for this request; nothing sent");
                session_.last_stan = 0;  // the record of this refusal names no request
                ports_.post(flow::events::HostDeclined(host::ResponseCode::SystemError));
                return;
            }
            request.pan = session_.pan;
            request.expiry_yymm = session_.expiry_yymm;
            request.pin_block = session_.pin_block;
            if (type == host::TransactionType::PinChange) request.new_pin_block = session_.new_pin_block;
        }
        request.stan = take_stan();
        request.terminal_id = terminal_id_;
        request.local_time = ports_.clock.now();
        session_.last_stan = request.stan;
        session_.last_request_time = request.local_time;
        in_flight_ = InFlight{0, type, amount, context};
        send(std::move(request));
    });
}

void HostChannel::send(host::AuthorizationRequest request) {
    host::AuthorizationRequest summary;  // what the answer's handler needs, without card data
    summary.type = request.type;
    summary.stan = request.stan;
    summary.amount = request.amount;
    auto shared = std::make_shared<host::AuthorizationRequest>(std::move(request));
    in_flight_->id = parts_.host.submit<host::AuthorizationResponse>(
        "authorize", timeouts_.host,
        [shared](host::HostLink& link) {
            auto answer = link.authorize(*shared);
            wipe(*shared);
            return answer;
        },
        [this, summary](const Completion<host::AuthorizationResponse>& done) { on_answer(summary, done); });
}

bool HostChannel::authorization_outstanding() const {
    return in_flight_ && parts_.host.outstanding(in_flight_->id);
}

void HostChannel::unreachable() {
    reachable_ = false;  // out of service after this session, until an echo answers
    next_probe_ = ports_.clock.now() + parts_.probe_interval;
}

void HostChannel::on_answer(const host::AuthorizationRequest& sent, const Completion<host::AuthorizationResponse>& done) {
    if (done.code == CompletionCode::canceled) return;  // abandoned: abandon_authorization() decided
    in_flight_.reset();
    if (!done.ok()) {
        ports_.note("host link: " + done.describe());
        unreachable();
        ports_.post(flow::events::HostUnavailable{});
        return;
    }
    reachable_ = true;
    const host::AuthorizationResponse& response = *done.payload;
    const std::string stan_text = "stan " + std::to_string(sent.stan);
    if (sent.type == host::TransactionType::CardlessWithdrawal) {
        ports_.recorder.journal("customer", "cardless_code_verification",
                                response.code == host::ResponseCode::Approved
                                    ? "success"
                                    : "failure: " + std::string(host::to_string(response.code)),
                                "cardless", stan_text);
    } else {
        // The host verified the PIN with the request: its answer is the PIN's outcome too.
        const bool pin_refused =
            response.code == host::ResponseCode::WrongPin || response.code == host::ResponseCode::PinTriesExceeded;
        ports_.recorder.journal("customer", "pin_verification",
                                pin_refused ? "failure: " + std::string(host::to_string(response.code)) : "success",
                                "card " + session_.masked_pan, stan_text);
    }
    if (sent.type == host::TransactionType::PinChange && response.code == host::ResponseCode::Approved) {
        ports_.recorder.journal("customer", "pin_changed", "success", "card " + session_.masked_pan, stan_text);
        // From now on the host knows the new PIN: the rest of the visit sends its block.
        session_.pin_block = std::move(session_.new_pin_block);
    }
    if (response.code != host::ResponseCode::Approved) {
        ports_.post(flow::events::HostDeclined(response.code));
        return;
    }
    session_.last_balance = response.available_balance;
    session_.last_authorization_id = response.authorization_id;
    session_.last_retrieval_reference = response.retrieval_reference;
    session_.last_amount = sent.amount;
    session_.statement = response.statement;
    ports_.post(flow::events::HostApproved(response.available_balance));
}

void HostChannel::abandon_authorization(const char* why) {
    ++authorization_serial_;
    if (!in_flight_) {
        current_never_sent_ = true;  // still waiting for its PIN block: nothing left the kiosk
        return;
    }
    const InFlight abandoned = *in_flight_;
    in_flight_.reset();
    const CancelOutcome outcome = parts_.host.cancel(abandoned.id);
    if (outcome == CancelOutcome::removedBeforeStart) {
        current_never_sent_ = true;
        ports_.note(std::string("host request abandoned before it was sent (") + why + ")");
    } else if (outcome == CancelOutcome::abandonedWhileRunning) {
        ports_.note(std::string("host request abandoned while outstanding (") + why + "); its answer will be dropped");
    }
}

host::ReversalRequest HostChannel::reversal_for(host::TransactionType type, const Money& amount, const Money& dispensed,
                                                host::ReversalReason reason, const flow::Context& context) {
    host::ReversalRequest reversal;
    reversal.original_type = type;
    reversal.original_stan = session_.last_stan;
    reversal.original_time = session_.last_request_time;
    if (type != host::TransactionType::CardlessWithdrawal) {
        reversal.pan = session_.pan;
        reversal.expiry_yymm = session_.expiry_yymm;
    }
    reversal.from_type = context.from_account.value_or(host::AccountType::Default);
    reversal.to_type = context.to_account.value_or(host::AccountType::Default);
    reversal.amount = amount;
    reversal.dispensed = dispensed;
    reversal.reason = reason;
    reversal.stan = take_stan();
    reversal.terminal_id = terminal_id_;
    reversal.local_time = ports_.clock.now();
    return reversal;
}

void HostChannel::reverse(host::TransactionType type, const Money& amount, const Money& dispensed,
                          host::ReversalReason reason, const flow::Context& context) {
    if (parts_.reversals == nullptr || parts_.bracket == nullptr) {
        ports_.note("reversal asked without a reversal queue; nothing queued");
        return;
    }
    if (reason == host::ReversalReason::HostTimeout && current_never_sent_) {
        // The abandoned request never left the kiosk; the STAN in the session is an earlier request's.
        ports_.note("nothing to reverse: the abandoned request was never sent");
        return;
    }
    host::ReversalRequest reversal = reversal_for(type, amount, dispensed, reason, context);
    // One transaction: the reversal is queued and any open cash bracket closed together.
    const Status queued = parts_.bracket->close_with_reversal(*parts_.reversals, reversal);
    if (!queued.ok()) {
        ports_.note("queueing the reversal failed: " + queued.error().to_string());
        return;
    }
    ports_.note("reversal queued for STAN " + std::to_string(reversal.original_stan) + " (" +
                std::string(host::to_string(reversal.reason)) + ")");
    ports_.recorder.journal("system", "reversal_queued", "success", "stan " + std::to_string(reversal.original_stan),
                            std::string(host::to_string(reversal.original_type)) + ", " +
                                std::string(host::to_string(reversal.reason)));
    send_reversals();
}

void HostChannel::send_reversals() {
    if (parts_.reversals == nullptr || reversal_round_running_) return;
    next_reversal_round_.reset();
    auto due = parts_.reversals->due();
    if (!due.ok()) {
        ports_.note("sending reversals failed: " + due.error().to_string());
        next_reversal_round_ = ports_.clock.now() + parts_.reversal_retry;
        return;
    }
    if (due->empty()) {
        auto left = parts_.reversals->pending();  // unreadable ones stay for a technician
        if (!left.ok() || !left->empty()) next_reversal_round_ = ports_.clock.now() + parts_.reversal_retry;
        return;
    }
    reversal_round_running_ = true;
    send_next(std::move(*due), 0);
}

void HostChannel::send_next(std::vector<host::DueReversal> due, std::size_t index) {
    if (index >= due.size()) {
        reversal_round_running_ = false;
        auto left = parts_.reversals->pending();
        if (!left.ok() || !left->empty()) next_reversal_round_ = ports_.clock.now() + parts_.reversal_retry;
        return;
    }
    auto request = std::make_shared<host::ReversalRequest>(due[index].request);
    const std::string record_id = due[index].record_id;
    parts_.host.submit<host::ReversalResponse>(
        "reverse", timeouts_.host,
        [request](host::HostLink& link) {
            auto answer = link.reverse(*request);
            *request = host::ReversalRequest{};  // its PAN wipes itself
            return answer;
        },
        [this, record_id, due = std::move(due), index](const Completion<host::ReversalResponse>& done) mutable {
            if (!done.ok()) {
                // The host is away: the rest would fail the same way; the next round tries again.
                (void)parts_.reversals->record_attempt(record_id, done.describe());
                reversal_round_running_ = false;
                next_reversal_round_ = ports_.clock.now() + parts_.reversal_retry;
                return;
            }
            if (done.payload->acknowledged()) {
                if (auto removed = parts_.reversals->acknowledge(record_id); !removed.ok()) {
                    ports_.note("reversal acknowledged but not removed: " + removed.error().to_string());
                } else {
                    ports_.note("1 reversal(s) acknowledged");
                }
            } else {
                (void)parts_.reversals->record_attempt(record_id,
                                                       "host answered " + std::string(host::to_string(done.payload->code)));
            }
            send_next(std::move(due), index + 1);
        });
}

void HostChannel::on_turn(TimePoint now) {
    if (next_reversal_round_ && now >= *next_reversal_round_) send_reversals();
    if (reachable_ || probing_ || (next_probe_ && now < *next_probe_)) return;
    next_probe_ = now + parts_.probe_interval;
    probing_ = true;
    const std::uint32_t stan = take_stan();
    parts_.host.submit<Done>(
        "echo", timeouts_.host,
        [stan, terminal = terminal_id_, now](host::HostLink& link) { return link.echo(stan, terminal, now); },
        [this](const Completion<Done>& done) {
            probing_ = false;
            if (!done.ok()) return;
            reachable_ = true;
            ports_.note("host answers the echo test again");
        });
}

}  // namespace kiosk
