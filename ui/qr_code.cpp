// libqrencode behind RAII: the QRcode* is freed by its unique_ptr on every path.
#include "ui/qr_code.hpp"

#include <qrencode.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <string>

namespace kiosk::ui {
namespace {

struct QrCodeDeleter {
    void operator()(QRcode* code) const { QRcode_free(code); }
};
using UniqueQrCode = std::unique_ptr<QRcode, QrCodeDeleter>;

std::size_t longest_digit_run(std::string_view text) {
    std::size_t longest = 0;
    std::size_t run = 0;
    for (const char c : text) {
        run = (c >= '0' && c <= '9') ? run + 1 : 0;
        if (run > longest) longest = run;
    }
    return longest;
}

}  // namespace

Result<QrMatrix> encode_qr(std::string_view text) {
    if (text.empty()) return make_error("ui", "receipt QR text is empty");
    if (text.size() > kMaxQrText) {
        return make_error("ui", "receipt QR text is " + std::to_string(text.size()) + " bytes, at most " +
                                    std::to_string(kMaxQrText) + " are shown");
    }
    if (longest_digit_run(text) >= kCardLikeDigitRun) {
        // The text itself is not echoed: it may be the card number this check exists to stop.
        return make_error("ui", "receipt QR text holds a run of " + std::to_string(kCardLikeDigitRun) +
                                    " or more digits, which could be a card number; refused");
    }
    const std::string zero_terminated(text);
    UniqueQrCode code(QRcode_encodeString8bit(zero_terminated.c_str(), 0, QR_ECLEVEL_M));
    if (!code) return make_error("qrencode", std::string("cannot encode the receipt QR: ") + std::strerror(errno));
    QrMatrix matrix;
    matrix.size = code->width;
    const auto modules = static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width);
    matrix.dark.resize(modules);
    // Bit 0 of each byte is the module's colour (1 = dark); the other bits are encoder bookkeeping.
    for (std::size_t i = 0; i < modules; ++i) matrix.dark[i] = (code->data[i] & 1U) != 0;
    return matrix;
}

}  // namespace kiosk::ui
