// The EMV read sequence (EMV Book 1 §12, Book 3 §10.1–10.2): SELECT PSE → READ RECORD (directory)
// → SELECT AID (falling back to the terminal's candidate AID list when the card has no PSE) →
// GET PROCESSING OPTIONS (PDOL filled with the terminal's values or zeros) → READ RECORD per AFL.
// Produces the card data in memory only; never log a ChipCardData.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/bytes.hpp"
#include "common/clock.hpp"
#include "common/result.hpp"
#include "drivers/card/card_data.hpp"
#include "drivers/chip/ber_tlv.hpp"
#include "drivers/chip/chip_channel.hpp"

namespace kiosk::drivers::chip {

// Failures of the card's answers: domain "emv", message "<step>: <what>", native_code the status
// word when the card refused the step (0 when its data was wrong). Channel failures keep domain
// "chip" (see chip_failure_of) with the step prefixed to the message.
inline constexpr std::string_view emv_error_domain = "emv";

struct ChipCardData {
    Bytes aid;                      // the application read
    std::string application_label;  // 50, from the FCI (or the PSE directory); may be empty
    SecureString pan;               // 5A (or from 57 when the card has no 5A)
    std::string expiry_yymmdd;      // 5F24; without it, YYMM from 57 and day "00" (unknown)
    SecureString track2_equivalent; // 57 as "PAN=YYMMSSS…"; empty when absent
    std::string service_code;       // from 57; empty when absent

    // PAN, expiry YYMM and service code in the stripe's shape, for the same session logic.
    [[nodiscard]] CardData to_card_data() const;
};

// AIDs the kiosk accepts when a card has no PSE (EMV Book 1 §12.3.3), in this order.
std::vector<Bytes> default_candidate_aids();

struct EmvReaderOptions {
    std::vector<Bytes> candidate_aids = default_candidate_aids();
    std::map<TlvTag, Bytes> terminal_data;  // values for PDOL tags (e.g. 9F1A country, 5F2A currency)
    Millis power_on_timeout{3000};
    Millis command_timeout{2000};           // for each APDU
};

class EmvReader {
public:
    explicit EmvReader(ChipChannel& channel, EmvReaderOptions options = {})
        : channel_(channel), options_(std::move(options)) {}

    // Powers the chip and runs the sequence. The chip is left powered for the transaction that
    // follows; the caller powers it off.
    Result<ChipCardData> read();

private:
    struct Candidate {
        Bytes aid;
        std::string label;
        int priority = 0;  // 87 bits 1–4; 0 = none given (tried last)
    };
    struct Selected {
        Bytes aid;
        std::string label;
        Bytes pdol;
    };

    Result<std::vector<Candidate>> read_pse_directory();
    Result<Selected> select_application(const std::vector<Candidate>& from_pse);
    Result<Bytes> get_processing_options(const Selected& application);
    Result<ChipCardData> read_application_records(ByteView afl, Selected application);

    ChipChannel& channel_;
    EmvReaderOptions options_;
};

}  // namespace kiosk::drivers::chip
