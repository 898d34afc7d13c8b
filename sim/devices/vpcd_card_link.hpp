// VpcdCardLink: puts a SimChipCard behind the real PC/SC stack. Debian's vsmartcard-vpcd gives
// pcscd a virtual reader that listens on a TCP port (0x8C7B = 35963 by default, see
// /etc/reader.conf.d/vpcd); the "virtual smart card" connects to it, and connecting means
// inserting the card, hanging up means removing it. Every message is a 2-byte big-endian length
// and a payload; a 1-byte payload is a control command (0 power off, 1 power on, 2 reset,
// 4 get ATR — answered with the ATR), anything longer is an APDU answered with the response.
// Run: KIOSK_PCSC_IT=1 build/h-drivers/bin/chip_pcsc_integration_tests (starts its own pcscd)
// Used by: tests/drivers/pcsc_integration_test.cpp, tests/sim/devices/vpcd_card_link_test.cpp.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "common/bytes.hpp"
#include "common/clock.hpp"
#include "common/result.hpp"
#include "sim/devices/sim_chip_card.hpp"

namespace kiosk::sim {

inline constexpr std::uint16_t vpcd_default_port = 0x8C7B;

// The bytes to send back for one vpcd message (without the length prefix), or nullopt when the
// message needs no reply (power off/on, reset). A mute chip answers with an empty payload, which
// vpcd reports to pcscd as a communication error rather than waiting forever.
std::optional<Bytes> vpcd_reply(SimChipCard& card, ByteView payload);

// Length-prefixes a payload (at most 65535 bytes).
Bytes vpcd_frame(ByteView payload);

class VpcdCardLink {
public:
    // Connects to vpcd at host:port, retrying refused connections until `timeout` (pcscd may
    // still be loading the driver). The card must outlive the link.
    static Result<std::unique_ptr<VpcdCardLink>> connect(const std::string& host, std::uint16_t port,
                                                         SimChipCard& card, Millis timeout);
    VpcdCardLink(const VpcdCardLink&) = delete;
    VpcdCardLink& operator=(const VpcdCardLink&) = delete;
    ~VpcdCardLink();  // stops the thread and hangs up: the card leaves the reader

    // Waits up to `timeout` for one message and answers it; an error when vpcd hung up or sent a
    // malformed message. For tests that drive the link without a thread.
    Status serve_one(Millis timeout);

    // Serves on a thread of its own until stop(), hang-up or error (see last_error()).
    void start();
    void stop();

    [[nodiscard]] std::size_t messages_served() const { return served_.load(); }
    [[nodiscard]] std::optional<Error> last_error() const;

private:
    VpcdCardLink(int fd, SimChipCard& card) : fd_(fd), card_(card) {}
    Result<Bytes> read_exact(std::size_t size, Millis timeout);

    int fd_;
    SimChipCard& card_;
    std::thread thread_;
    std::atomic<bool> stopping_{false};
    std::atomic<std::size_t> served_{0};
    mutable std::mutex error_mutex_;
    std::optional<Error> last_error_;
};

}  // namespace kiosk::sim
