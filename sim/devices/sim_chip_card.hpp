// SimChipCard: the EMV chip of a deck card. It parses command APDUs with the drivers' own codec and
// answers from the card's chip profile: FCI for the PSE and each AID, the PSE directory record,
// GET PROCESSING OPTIONS (AIP + AFL, format 1 or 2), application records with PAN, expiry, name and
// track 2 equivalent — built from the card's fields, so chip and stripe always agree. A T=0-style
// card answers 61xx / 6Cxx first. Thread-safe: the vpcd link answers from its own thread.
// Run: build/h-drivers/bin/sim_devices_tests --gtest_filter='SimChipCard*'
// Used by: SimChipChannel (in-process), VpcdCardLink (behind pcscd), tests/drivers/emv_reader_test.cpp.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>

#include "common/bytes.hpp"
#include "sim/devices/card_deck.hpp"
#include "sim/devices/fault_mode.hpp"

namespace kiosk::sim {

class SimChipCard {
public:
    explicit SimChipCard(VirtualCard card);

    // Powers the chip (a second call is a reset): the ATR, or nullopt for a mute chip.
    std::optional<Bytes> power_on();
    void power_off();
    // The ATR without touching the session (readers ask for it again at any time); nullopt for a
    // mute chip.
    [[nodiscard]] std::optional<Bytes> atr() const;
    [[nodiscard]] bool powered() const;

    // The response (data + SW1 SW2) to one command APDU; nullopt when the chip does not answer.
    std::optional<Bytes> answer(ByteView command);

    // Faults: the chip stays silent for the next command (once) or for good (always); or answers
    // the next command(s) with `sw` and no data. With `on_ins` only that instruction (A4 SELECT,
    // B2 READ RECORD, A8 GET PROCESSING OPTIONS) triggers the fault.
    void mute(FaultMode mode, std::optional<std::uint8_t> on_ins = std::nullopt);
    void answer_with_status(std::uint16_t sw, FaultMode mode, std::optional<std::uint8_t> on_ins = std::nullopt);

    [[nodiscard]] const VirtualCard& card() const { return card_; }
    [[nodiscard]] std::size_t commands_answered() const;

    static constexpr std::uint8_t pse_directory_sfi = 1;

private:
    enum class Selected : std::uint8_t { nothing, pse, application };

    Bytes respond(ByteView command);
    Bytes select(ByteView name);
    Bytes read_record(std::uint8_t sfi, std::uint8_t record) const;
    Bytes processing_options() const;
    Bytes application_fci(const ChipApplication& application) const;
    Bytes with_transport(Bytes answer, std::uint8_t ins, std::optional<std::size_t> le);

    const VirtualCard card_;
    mutable std::mutex mutex_;
    bool powered_ = false;
    Selected selected_ = Selected::nothing;
    std::size_t selected_application_ = 0;
    Bytes pending_response_;  // T=0: what the next GET RESPONSE returns
    bool fault_fires(Fault& fault, std::optional<std::uint8_t> on_ins, ByteView command);

    Fault mute_;
    std::optional<std::uint8_t> mute_ins_;
    Fault wrong_status_;
    std::optional<std::uint8_t> wrong_status_ins_;
    std::uint16_t wrong_sw_ = 0x6F00;
    std::size_t answered_ = 0;
};

}  // namespace kiosk::sim
