// Shared by the host tests: a SimBank with two customers, format-4 PIN blocks for them, and a
// withdrawal request builder. Card data stays in this file and is never printed by a test.
#pragma once

#include <memory>

#include "security/pin_block.hpp"
#include "sim/host/sim_bank.hpp"
#include "sim/virtual_clock.hpp"

namespace kiosk::host::test {

inline const Bytes& pin_key() {
    static const Bytes key{0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF};
    return key;
}
inline constexpr const char* kPan = "4012888888881881";
inline Money cny(std::int64_t minor) { return Money{minor, "CNY", 2}; }

inline std::shared_ptr<sim::SimBank> make_bank() {
    auto bank = std::make_shared<sim::SimBank>(pin_key());
    (void)bank->add_customer({kPan, "1234", "2812",
                              {{"CHK-1001", sim::AccountKind::Checking, cny(2'000'00)},
                               {"SAV-1002", sim::AccountKind::Savings, cny(5'000'00)}},
                              std::nullopt});
    return bank;
}

inline AuthorizationRequest card_request(TransactionType type, std::uint32_t stan, TimePoint time,
                                         std::optional<Money> amount = std::nullopt, std::string_view pin = "1234") {
    static const Bytes pad{0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88};
    AuthorizationRequest r;
    r.type = type;
    r.pan = kPan;
    r.expiry_yymm = "2812";
    r.pin_block = *security::encipher_format4(pin_key(), pin, kPan, pad);
    r.amount = std::move(amount);
    r.stan = stan;
    r.terminal_id = "KIOSK001";
    r.local_time = time;
    return r;
}

inline ReversalRequest reversal_of(const AuthorizationRequest& original, std::uint32_t stan, Money dispensed,
                                   ReversalReason reason = ReversalReason::HostTimeout) {
    ReversalRequest r;
    r.original_type = original.type;
    r.original_stan = original.stan;
    r.original_time = original.local_time;
    r.pan = original.pan;
    r.expiry_yymm = original.expiry_yymm;
    r.amount = *original.amount;
    r.dispensed = std::move(dispensed);
    r.from_account = original.from_account;
    r.to_account = original.to_account;
    r.reason = reason;
    r.stan = stan;
    r.terminal_id = original.terminal_id;
    r.local_time = original.local_time + Millis(30'000);
    return r;
}

}  // namespace kiosk::host::test
