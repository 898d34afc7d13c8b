#include "sim/host/sim_bank_host.hpp"

#include <stdexcept>
#include <utility>

namespace kiosk::sim {

SimBankHost::SimBankHost(Bytes pin_key) : bank_(std::make_shared<SimBank>(std::move(pin_key))) {}

SimBankHost::SimBankHost(std::shared_ptr<SimBank> bank) : bank_(std::move(bank)) {}

void SimBankHost::add_account(SimAccount account) {
    const std::string last4 = account.pan.size() >= 4 ? account.pan.substr(account.pan.size() - 4) : account.pan;
    SimCustomer customer{account.pan, account.pin, account.expiry_yymm,
                         {SimBankAccount{"ACC-" + last4, AccountKind::Checking, account.balance}}, std::nullopt};
    // Adding the same card twice is a programming error of the test or the rig.
    if (const Status added = bank_->add_customer(std::move(customer)); !added.ok()) {
        throw std::invalid_argument(added.error().to_string());
    }
}

std::optional<Money> SimBankHost::balance_of(const std::string& pan) const { return bank_->balance_of_card(pan); }

void SimBankHost::use_clock(VirtualClock& clock, Millis link_timeout) {
    clock_ = &clock;
    link_timeout_ = link_timeout;
}

std::optional<Error> SimBankHost::deliver(std::optional<HostFault> fault) {
    if (!fault) return std::nullopt;
    switch (*fault) {
        case HostFault::LateAnswer: {
            const Millis delay = bank_->answer_delay();
            if (delay <= link_timeout_) {
                if (clock_ != nullptr) clock_->advance(delay);
                return std::nullopt;
            }
            if (clock_ != nullptr) clock_->advance(link_timeout_);
            return make_error("host", "timed out after " + std::to_string(link_timeout_.count()) +
                                          " ms waiting for the simulated bank's answer (injected late answer)");
        }
        case HostFault::DropAfterProcessing:
            return make_error("host", "connection dropped before the answer (injected fault)");
        case HostFault::MalformedAnswer: return make_error("host", "malformed answer (injected fault)");
        case HostFault::Unreachable:
        case HostFault::SystemError: break;  // handled before processing
    }
    return std::nullopt;
}

Result<host::AuthorizationResponse> SimBankHost::authorize(const host::AuthorizationRequest& request) {
    const auto fault = bank_->take_fault();
    if (fault == HostFault::Unreachable) return make_error("host", "simulated bank host unreachable (injected fault)");
    if (fault == HostFault::SystemError) {
        bank_->note_answered_without_processing(request.type, host::ResponseCode::SystemError, request.stan);
        bank_->await_answer_release();
        return host::AuthorizationResponse{host::ResponseCode::SystemError, request.stan, {}, {}, "", "", {}};
    }
    host::AuthorizationResponse response = bank_->authorize(request);
    // The caller (the kiosk's host worker) waits here while answers are held; the wait is
    // bounded by the hold's limit, as nothing here can tell the caller is stopping.
    bank_->await_answer_release();
    if (auto failure = deliver(fault)) return *failure;
    return response;
}

Result<host::ReversalResponse> SimBankHost::reverse(const host::ReversalRequest& request) {
    const auto fault = bank_->take_fault();
    if (fault == HostFault::Unreachable) return make_error("host", "simulated bank host unreachable (injected fault)");
    if (fault == HostFault::SystemError) {
        bank_->note_answered_without_processing(request.original_type, host::ResponseCode::SystemError, request.stan);
        return host::ReversalResponse{host::ResponseCode::SystemError, request.stan};
    }
    const host::ReversalResponse response = bank_->reverse(request);
    if (auto failure = deliver(fault)) return *failure;
    return response;
}

Status SimBankHost::echo(std::uint32_t /*stan*/, std::string_view /*terminal_id*/, TimePoint /*now*/) {
    const auto fault = bank_->take_fault();
    if (fault == HostFault::Unreachable) return make_error("host", "simulated bank host unreachable (injected fault)");
    if (fault == HostFault::SystemError) return make_error("host", "echo answered 96 (injected fault)");
    if (auto failure = deliver(fault)) return *failure;
    return ok_status();
}

Result<host::ReconciliationTotals> SimBankHost::totals(std::uint32_t /*stan*/, std::string_view terminal_id,
                                                      TimePoint /*now*/) {
    const auto fault = bank_->take_fault();
    if (fault == HostFault::Unreachable) return make_error("host", "simulated bank host unreachable (injected fault)");
    if (fault == HostFault::SystemError) {
        return make_error("host", "the host refused the reconciliation request: response code 96 (injected fault)");
    }
    if (auto failure = deliver(fault)) return *failure;
    return bank_->totals(std::string(terminal_id));
}

}  // namespace kiosk::sim
