// APDU exchange with 61xx / 6Cxx handling (see apdu_exchange.hpp).
#include "drivers/chip/apdu_exchange.hpp"

#include <string>

namespace kiosk::drivers::chip {
namespace {

Result<ResponseApdu> transmit_once(ChipChannel& channel, const CommandApdu& command, Millis timeout) {
    auto encoded = encode_command(command);
    if (!encoded) return encoded.error();
    auto raw = channel.transmit(*encoded, timeout);
    if (!raw) return raw.error();
    auto response = parse_response(*raw);
    if (!response) return chip_error(ChipFailure::protocolError, "malformed response: " + response.error().message);
    return response;
}

}  // namespace

Result<ResponseApdu> exchange_apdu(ChipChannel& channel, const CommandApdu& command, Millis timeout) {
    auto response = transmit_once(channel, command, timeout);
    if (!response) return response;
    if (response->sw1() == 0x6C) {  // wrong Le: the card says how many bytes it has
        CommandApdu again = command;
        again.le = response->sw2() == 0 ? 256 : response->sw2();
        response = transmit_once(channel, again, timeout);
        if (!response) return response;
    }
    Bytes data = std::move(response->data);
    for (int round = 0; response->sw1() == 0x61; ++round) {  // more data waiting (T=0 cases 2 and 4)
        if (round == max_get_response_rounds) {
            return chip_error(ChipFailure::protocolError,
                              "card still answered 61xx after " + std::to_string(round) + " GET RESPONSE commands");
        }
        response = transmit_once(channel, get_response(response->sw2()), timeout);
        if (!response) return response;
        data.insert(data.end(), response->data.begin(), response->data.end());
    }
    response->data = std::move(data);
    return response;
}

}  // namespace kiosk::drivers::chip
