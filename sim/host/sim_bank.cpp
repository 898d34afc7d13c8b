#include "sim/host/sim_bank.hpp"

#include <algorithm>
#include <utility>

#include "security/pin_block.hpp"

namespace kiosk::sim {

namespace {

using host::ResponseCode;
using host::TransactionType;

// "YYMM" of a time, to compare with a card's expiry (valid through its month).
std::string year_month_of(TimePoint time) {
    const std::chrono::year_month_day date{std::chrono::floor<std::chrono::days>(time)};
    const int yymm = (static_cast<int>(date.year()) % 100) * 100 + static_cast<int>(static_cast<unsigned>(date.month()));
    std::string text = std::to_string(yymm);
    return std::string(4 - text.size(), '0') + text;
}

// The simulated bank keeps its customers by PAN in plain strings (it is a test double, not the kiosk).
template <typename Request>
std::string pan_of(const Request& request) { return std::string(request.pan.view()); }

bool pin_matches(const Bytes& key, ByteView block, const std::string& pan, const std::string& pin) {
    auto deciphered = security::decipher_format4(key, block, pan);
    // A block that does not decipher to a well-formed PIN field reads as a wrong PIN, as an
    // issuer's HSM reports a PIN verification failure.
    return deciphered.ok() && deciphered->view() == pin;
}

}  // namespace

SimBank::SimBank(Bytes pin_key, Money default_daily_limit)
    : pin_key_(std::move(pin_key)), default_daily_limit_(std::move(default_daily_limit)) {}

Status SimBank::add_customer(SimCustomer customer) {
    std::lock_guard lock(mutex_);
    if (customers_by_pan_.count(customer.pan) != 0) return make_error("sim-bank", "card already known");
    if (customer.accounts.empty()) return make_error("sim-bank", "a customer needs at least one account");
    for (const auto& account : customer.accounts) {
        if (accounts_by_id_.count(account.id) != 0) return make_error("sim-bank", "account " + account.id + " already known");
    }
    for (const auto& account : customer.accounts) accounts_by_id_[account.id] = Account{account, customer.pan, {}};
    const std::string pan = customer.pan;
    customers_by_pan_[pan] = Customer{std::move(customer), 0};
    return ok_status();
}

Status SimBank::stage_cardless_code(CardlessCode code) {
    std::lock_guard lock(mutex_);
    if (accounts_by_id_.count(code.account_id) == 0) return make_error("sim-bank", "account " + code.account_id + " unknown");
    const std::string key = code.code;
    cardless_codes_[key] = std::move(code);
    return ok_status();
}

void SimBank::inject(HostFault fault, int times) {
    std::lock_guard lock(mutex_);
    for (int i = 0; i < times; ++i) faults_.push_back(fault);
}

std::optional<HostFault> SimBank::take_fault() {
    std::lock_guard lock(mutex_);
    if (faults_.empty()) return std::nullopt;
    const HostFault fault = faults_.front();
    faults_.pop_front();
    return fault;
}

void SimBank::decline_next(host::ResponseCode code, int times) {
    std::lock_guard lock(mutex_);
    for (int i = 0; i < times; ++i) forced_declines_.push_back(code);
}

void SimBank::set_answer_delay(Millis delay) {
    std::lock_guard lock(mutex_);
    answer_delay_ = delay;
}

Millis SimBank::answer_delay() const {
    std::lock_guard lock(mutex_);
    return answer_delay_;
}

void SimBank::hold_answers(Millis at_most) {
    std::lock_guard lock(mutex_);
    holding_ = true;
    max_hold_ = at_most;
}

void SimBank::release_answers() {
    {
        std::lock_guard lock(mutex_);
        holding_ = false;
        ++releases_;
        held_ = 0;  // at once, not as each waiter wakes: a test reading 0 right after is right
    }
    released_signal_.notify_all();
}

std::size_t SimBank::held_requests() const {
    std::lock_guard lock(mutex_);
    return held_;
}

void SimBank::await_answer_release(const std::atomic<bool>* abandon) {
    std::unique_lock lock(mutex_);
    if (!holding_) return;
    const std::uint64_t turn = releases_;
    ++held_;
    const auto deadline = std::chrono::steady_clock::now() + max_hold_;
    released_signal_.wait_until(lock, deadline, [&] {
        return releases_ != turn || (abandon != nullptr && abandon->load());
    });
    if (releases_ == turn) --held_;  // gave up or waited its longest: no longer held
}

void SimBank::wake_held_answers() {
    // Taking the lock orders this after a waiter's look at its flag, or before it: no lost wake-up.
    { std::lock_guard lock(mutex_); }
    released_signal_.notify_all();
}

std::optional<Money> SimBank::balance_of_card(const std::string& pan) const {
    std::lock_guard lock(mutex_);
    const auto found = customers_by_pan_.find(pan);
    if (found == customers_by_pan_.end()) return std::nullopt;
    return accounts_by_id_.at(found->second.customer.accounts.front().id).account.balance;
}

std::optional<Money> SimBank::balance_of_account(const std::string& account_id) const {
    std::lock_guard lock(mutex_);
    const auto found = accounts_by_id_.find(account_id);
    if (found == accounts_by_id_.end()) return std::nullopt;
    return found->second.account.balance;
}

std::vector<Posting> SimBank::postings(const std::string& account_id) const {
    std::lock_guard lock(mutex_);
    const auto found = accounts_by_id_.find(account_id);
    return found == accounts_by_id_.end() ? std::vector<Posting>{} : found->second.postings;
}

Money SimBank::withdrawn_on(const std::string& pan, TimePoint day_of) const {
    std::lock_guard lock(mutex_);
    const auto found = withdrawn_.find(usage_key(pan, day_of));
    return Money{found == withdrawn_.end() ? 0 : found->second, default_daily_limit_.currency,
                 default_daily_limit_.exponent};
}

host::ReconciliationTotals SimBank::totals(const std::string& terminal_id) const {
    std::lock_guard lock(mutex_);
    const auto found = totals_.find(terminal_id);
    return found == totals_.end() ? host::ReconciliationTotals{} : found->second;
}

std::vector<SimBank::LogEntry> SimBank::log() const {
    std::lock_guard lock(mutex_);
    return log_;
}

void SimBank::note_answered_without_processing(TransactionType type, ResponseCode code, std::uint32_t stan) {
    std::lock_guard lock(mutex_);
    log_.push_back({type, code, stan, false});
}

std::string SimBank::original_key(const std::string& terminal_id, std::uint32_t stan, TimePoint time) {
    // Seconds only: the wire carries the transmission time to the second.
    const auto seconds = std::chrono::floor<std::chrono::seconds>(time).time_since_epoch().count();
    return terminal_id + "/" + std::to_string(stan) + "/" + std::to_string(seconds);
}

std::string SimBank::usage_key(const std::string& pan, TimePoint day_of) {
    return pan + "/" + std::to_string(std::chrono::floor<std::chrono::days>(day_of).time_since_epoch().count());
}

Money SimBank::limit_of(const Customer& customer) const {
    return customer.customer.daily_withdrawal_limit.value_or(default_daily_limit_);
}

SimBank::Account* SimBank::account_of(const Customer& customer, const std::string& id, host::AccountType type) {
    if (id.empty() && type != host::AccountType::Default) {
        // The customer chose a kind (field 3): the first of their accounts of that kind.
        const AccountKind kind = type == host::AccountType::Savings ? AccountKind::Savings : AccountKind::Checking;
        for (const SimBankAccount& account : customer.customer.accounts) {
            if (account.kind == kind) return &accounts_by_id_.at(account.id);
        }
        return nullptr;
    }
    const std::string& wanted = id.empty() ? customer.customer.accounts.front().id : id;
    const auto found = accounts_by_id_.find(wanted);
    if (found == accounts_by_id_.end() || found->second.owner_pan != customer.customer.pan) return nullptr;
    return &found->second;
}

void SimBank::debit(Account& account, const Money& amount, TimePoint time, std::string description) {
    account.account.balance.minor_units -= amount.minor_units;
    account.postings.push_back({time, amount.with_minor_units(-amount.minor_units), std::move(description)});
}

void SimBank::approve(host::AuthorizationResponse& response, const Account& shown) {
    ++approvals_;
    const std::string number = std::to_string(approvals_ % 100'000);
    response.authorization_id = "A" + std::string(5 - number.size(), '0') + number;
    const std::string reference = std::to_string(approvals_);
    response.retrieval_reference = std::string(12 - reference.size(), '0') + reference;
    response.available_balance = shown.account.balance;
    response.ledger_balance = shown.account.balance;
}

ResponseCode SimBank::card_checks(const host::AuthorizationRequest& request, Customer& customer) {
    if (year_month_of(request.local_time) > customer.customer.expiry_yymm) return ResponseCode::ExpiredCard;
    if (customer.wrong_pins >= kMaxWrongPins) return ResponseCode::PinTriesExceeded;
    if (!pin_matches(pin_key_, request.pin_block.view(), pan_of(request), customer.customer.pin)) {
        ++customer.wrong_pins;
        return customer.wrong_pins >= kMaxWrongPins ? ResponseCode::PinTriesExceeded : ResponseCode::WrongPin;
    }
    customer.wrong_pins = 0;
    return ResponseCode::Approved;
}

host::AuthorizationResponse SimBank::authorize(const host::AuthorizationRequest& request) {
    std::lock_guard lock(mutex_);
    host::AuthorizationResponse response;
    response.stan = request.stan;
    if (!forced_declines_.empty()) {
        response.code = forced_declines_.front();
        forced_declines_.pop_front();
    } else {
        response.code = request.type == TransactionType::CardlessWithdrawal ? process_cardless(request, response)
                                                                            : process(request, response);
    }
    if (response.code != ResponseCode::Approved) {
        response.available_balance.reset();
        response.ledger_balance.reset();
        response.statement.clear();
    }
    log_.push_back({request.type, response.code, request.stan, false});
    return response;
}

ResponseCode SimBank::process(const host::AuthorizationRequest& request, host::AuthorizationResponse& response) {
    const auto found = customers_by_pan_.find(pan_of(request));
    if (found == customers_by_pan_.end()) return ResponseCode::DoNotHonour;
    Customer& customer = found->second;
    if (const ResponseCode checked = card_checks(request, customer); checked != ResponseCode::Approved) return checked;
    Account* from = account_of(customer, request.from_account, request.from_type);
    if (from == nullptr) return ResponseCode::InvalidAccount;

    const bool moves_money = request.type == TransactionType::Withdrawal || request.type == TransactionType::Transfer;
    if (moves_money) {
        if (!request.amount || request.amount->minor_units <= 0 || !same_currency(*request.amount, from->account.balance)) {
            return ResponseCode::InvalidAmount;
        }
        if (from->account.balance.minor_units < request.amount->minor_units) return ResponseCode::InsufficientFunds;
    }
    switch (request.type) {
        case TransactionType::BalanceInquiry: break;
        case TransactionType::MiniStatement: {
            const auto& postings = from->postings;
            const std::size_t shown = std::min(postings.size(), kStatementLines);
            for (auto it = postings.rbegin(); it != postings.rbegin() + static_cast<std::ptrdiff_t>(shown); ++it) {
                response.statement.push_back({std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(it->time)},
                                              it->amount, it->description});
            }
            break;
        }
        case TransactionType::Withdrawal: {
            std::int64_t& used = withdrawn_[usage_key(pan_of(request), request.local_time)];
            if (used + request.amount->minor_units > limit_of(customer).minor_units) return ResponseCode::LimitExceeded;
            used += request.amount->minor_units;
            debit(*from, *request.amount, request.local_time, "ATM " + request.terminal_id);
            ++totals_[request.terminal_id].withdrawals;
            totals_[request.terminal_id].withdrawn_minor += request.amount->minor_units;
            originals_[original_key(request.terminal_id, request.stan, request.local_time)] =
                Original{request.type, pan_of(request), from->account.id, "", *request.amount, request.local_time};
            break;
        }
        case TransactionType::Transfer: {
            const bool to_named = !request.to_account.empty() || request.to_type != host::AccountType::Default;
            Account* to = to_named ? account_of(customer, request.to_account, request.to_type) : nullptr;
            if (to == nullptr) return ResponseCode::InvalidAccount;
            if (to == from) return ResponseCode::InvalidTransaction;
            if (!same_currency(to->account.balance, *request.amount)) return ResponseCode::InvalidAmount;
            debit(*from, *request.amount, request.local_time, "TRANSFER OUT");
            const Money credit = request.amount->with_minor_units(-request.amount->minor_units);
            debit(*to, credit, request.local_time, "TRANSFER IN");
            originals_[original_key(request.terminal_id, request.stan, request.local_time)] =
                Original{request.type, pan_of(request), from->account.id, to->account.id, *request.amount, request.local_time};
            break;
        }
        case TransactionType::PinChange: {
            auto new_pin = security::decipher_format4(pin_key_, request.new_pin_block.view(), pan_of(request));
            if (!new_pin.ok()) return ResponseCode::InvalidTransaction;
            customer.customer.pin = std::string(new_pin->view());
            break;
        }
        case TransactionType::Reversal:
        case TransactionType::CardlessWithdrawal: return ResponseCode::InvalidTransaction;
    }
    approve(response, *from);
    return ResponseCode::Approved;
}

ResponseCode SimBank::process_cardless(const host::AuthorizationRequest& request, host::AuthorizationResponse& response) {
    const auto found = cardless_codes_.find(std::string(request.one_time_code.view()));
    // Unknown code, wrong phone and used code give the same answer: telling them apart would let
    // someone probe which codes exist.
    if (found == cardless_codes_.end() || found->second.phone_number != request.phone_number) {
        return ResponseCode::InvalidOneTimeCode;
    }
    const CardlessCode& code = found->second;
    if (request.local_time > code.expires) return ResponseCode::OneTimeCodeExpired;
    Account& account = accounts_by_id_.at(code.account_id);
    if (!request.amount || request.amount->minor_units <= 0 || !same_currency(*request.amount, account.account.balance)) {
        return ResponseCode::InvalidAmount;
    }
    if (request.amount->minor_units > code.limit.minor_units) return ResponseCode::LimitExceeded;
    if (account.account.balance.minor_units < request.amount->minor_units) return ResponseCode::InsufficientFunds;
    debit(account, *request.amount, request.local_time, "CARDLESS " + request.terminal_id);
    ++totals_[request.terminal_id].withdrawals;
    totals_[request.terminal_id].withdrawn_minor += request.amount->minor_units;
    originals_[original_key(request.terminal_id, request.stan, request.local_time)] =
        Original{request.type, "", account.account.id, "", *request.amount, request.local_time};
    cardless_codes_.erase(found);  // single use
    approve(response, account);
    return ResponseCode::Approved;
}

host::ReversalResponse SimBank::reverse(const host::ReversalRequest& request) {
    std::lock_guard lock(mutex_);
    host::ReversalResponse response{ResponseCode::Approved, request.stan};
    const auto found = originals_.find(original_key(request.terminal_id, request.original_stan, request.original_time));
    if (found == originals_.end() || found->second.pan != pan_of(request) || found->second.type != request.original_type) {
        response.code = ResponseCode::OriginalNotFound;
    } else if (!found->second.reversed) {  // a repeated 0420 is acknowledged again, money moves once
        Original& original = found->second;
        if (!same_currency(request.dispensed, original.amount) || request.dispensed.minor_units < 0 ||
            request.dispensed.minor_units > original.amount.minor_units) {
            response.code = ResponseCode::InvalidAmount;
        } else {
            const std::int64_t back = original.type == TransactionType::Transfer
                                          ? original.amount.minor_units
                                          : original.amount.minor_units - request.dispensed.minor_units;
            const Money refund = original.amount.with_minor_units(-back);
            debit(accounts_by_id_.at(original.from_account), refund, request.local_time, "REVERSAL");
            if (original.type == TransactionType::Transfer) {
                debit(accounts_by_id_.at(original.to_account), refund.with_minor_units(back),
                      request.local_time, "REVERSAL");
            }
            if (original.type == TransactionType::Withdrawal) withdrawn_[usage_key(original.pan, original.day_of)] -= back;
            if (original.type == TransactionType::Withdrawal || original.type == TransactionType::CardlessWithdrawal) {
                host::ReconciliationTotals& totals = totals_[request.terminal_id];
                ++totals.reversals;
                totals.reversed_minor += back;
                totals.withdrawn_minor -= back;
            }
            original.reversed = true;
        }
    }
    log_.push_back({request.original_type, response.code, request.stan, true});
    return response;
}

}  // namespace kiosk::sim
