// Fuzzes the ISO 8583 decoder with what the bank host (or anything on the network pretending to
// be it) could send, then the kiosk-side reply mapping on whatever decodes. Invariants: no crash
// or read past the end (ASan), a decoded message re-encodes to exactly the input (the wire form
// is canonical), and every rejection is an "iso8583" error with a message.
#include <cstddef>
#include <cstdint>

#include "fuzz_check.hpp"
#include "host/iso8583/host_message_mapping.hpp"
#include "host/iso8583/iso8583_codec.hpp"
#include "host/iso8583/reconciliation_mapping.hpp"

namespace {

namespace iso = kiosk::host::iso8583;

// A fixed request the fuzzed bytes are checked against as if they were its reply.
const iso::Message& sent_request() {
    static const iso::Message request = [] {
        kiosk::host::AuthorizationRequest r;
        r.type = kiosk::host::TransactionType::Withdrawal;
        r.pan = "4012888888881881";
        r.pin_block = kiosk::Bytes(16, 0x5A);
        r.amount = kiosk::Money{100'00, "CNY", 2};
        r.stan = 1;
        r.terminal_id = "KIOSK001";
        r.local_time = kiosk::from_unix_millis(1'767'603'600'000);
        return *iso::to_iso(r);
    }();
    return request;
}

// The 0500 the fuzzed bytes are checked against as if they were its 0510 (the seed
// corpus/iso8583_fuzz/totals_0510 answers exactly this one).
const iso::Message& sent_totals_request() {
    static const iso::Message request =
        *iso::reconciliation_request(77, "KIOSK001", kiosk::from_unix_millis(1'767'603'600'000));
    return request;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const kiosk::ByteView wire(data, size);
    auto decoded = iso::decode(wire);
    if (!decoded.ok()) {
        FUZZ_CHECK(decoded.error().domain == "iso8583");
        FUZZ_CHECK(!decoded.error().message.empty());
        return 0;
    }
    auto again = iso::encode(*decoded);
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(again->size() == size);
    FUZZ_CHECK(std::equal(again->begin(), again->end(), data));

    // The reply mapping must either accept or refuse, never crash, on any decodable message.
    const auto reference = kiosk::from_unix_millis(1'767'603'600'000);
    (void)iso::authorization_response_from_iso(*decoded, sent_request());
    (void)iso::reversal_response_from_iso(*decoded, sent_request());
    (void)iso::authorization_request_from_iso(*decoded, reference);
    (void)iso::reversal_request_from_iso(*decoded, reference);
    (void)iso::reconciliation_totals_from_iso(*decoded, sent_totals_request());
    if (auto query = iso::reconciliation_request_from_iso(*decoded, reference); query.ok()) {
        (void)iso::reconciliation_response(*decoded, kiosk::host::ResponseCode::Approved, {});
    }
    return 0;
}
