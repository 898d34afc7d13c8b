#include "sim/host/sim_bank_host.hpp"

#include <chrono>
#include <utility>

#include "security/pin_block.hpp"

namespace kiosk::sim {

namespace {

// "YYMM" of the request's local date, to compare with the card's expiry (valid through its month).
std::string year_month_of(TimePoint time) {
    const std::chrono::year_month_day date{std::chrono::floor<std::chrono::days>(time)};
    const int year = static_cast<int>(date.year()) % 100;
    const unsigned month = static_cast<unsigned>(date.month());
    std::string text = std::to_string(year * 100 + static_cast<int>(month));
    return std::string(4 - text.size(), '0') + text;
}

}  // namespace

SimBankHost::SimBankHost(Bytes pin_key) : pin_key_(std::move(pin_key)) {}

void SimBankHost::add_account(SimAccount account) {
    std::lock_guard lock(mutex_);
    const std::string pan = account.pan;
    accounts_by_pan_[pan] = std::move(account);
}

std::optional<Money> SimBankHost::balance_of(const std::string& pan) const {
    std::lock_guard lock(mutex_);
    const auto found = accounts_by_pan_.find(pan);
    if (found == accounts_by_pan_.end()) return std::nullopt;
    return found->second.balance;
}

void SimBankHost::inject(HostFault fault, int times) {
    std::lock_guard lock(mutex_);
    for (int i = 0; i < times; ++i) faults_.push_back(fault);
}

std::vector<SimBankHost::LogEntry> SimBankHost::log() const {
    std::lock_guard lock(mutex_);
    return log_;
}

host::ResponseCode SimBankHost::verify(const host::AuthorizationRequest& request,
                                       const SimAccount& account) const {
    if (year_month_of(request.local_time) > account.expiry_yymm) return host::ResponseCode::ExpiredCard;
    auto pin = security::decipher_format4(pin_key_, request.pin_block, request.pan);
    // A block that does not decipher to a well-formed PIN field is treated like a wrong PIN, as
    // an issuer's HSM reports a PIN verification failure.
    if (!pin.ok() || std::string_view(pin->data(), pin->size()) != account.pin) {
        return host::ResponseCode::WrongPin;
    }
    return host::ResponseCode::Approved;
}

Result<host::AuthorizationResponse> SimBankHost::authorize(const host::AuthorizationRequest& request) {
    std::lock_guard lock(mutex_);
    host::AuthorizationResponse response;
    response.stan = request.stan;

    if (!faults_.empty()) {
        const HostFault fault = faults_.front();
        faults_.pop_front();
        if (fault == HostFault::Unreachable) {
            return make_error("host", "simulated bank host unreachable (injected fault)");
        }
        response.code = host::ResponseCode::SystemError;
        log_.push_back({request.type, response.code, request.stan});
        return response;
    }

    const auto found = accounts_by_pan_.find(request.pan);
    if (found == accounts_by_pan_.end()) {
        response.code = host::ResponseCode::DoNotHonour;
    } else {
        SimAccount& account = found->second;
        response.code = verify(request, account);
        if (response.code == host::ResponseCode::Approved) {
            response.available_balance = account.balance;
            response.ledger_balance = account.balance;
            response.authorization_id = "A" + std::to_string(100000 + request.stan % 900000);
        }
    }
    log_.push_back({request.type, response.code, request.stan});
    return response;
}

}  // namespace kiosk::sim
