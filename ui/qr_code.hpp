// QR codes for the e-receipt (ReceiptQr), encoded with libqrencode. The text is a receipt URL or
// reference; anything that looks like card data is refused, so a caller's mistake cannot put a
// PAN on the screen for any camera to read.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "common/result.hpp"

namespace kiosk::ui {

struct QrMatrix {
    int size = 0;                // modules per side, without the quiet zone
    std::vector<bool> dark;      // size × size, row by row
    [[nodiscard]] bool is_dark(int x, int y) const {
        return dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) + static_cast<std::size_t>(x)];
    }
};

// The longest text accepted: a QR of version 10 at level M holds 213 bytes; receipts need ~60.
inline constexpr std::size_t kMaxQrText = 200;
// A run of this many digits could be a card number (PANs are 12–19 digits): refused.
inline constexpr std::size_t kCardLikeDigitRun = 12;

// Error correction level M (15%): survives a scratched or glaring screen, keeps modules large.
// Errors: empty text, text over kMaxQrText, a card-number-like digit run, or libqrencode failing.
[[nodiscard]] Result<QrMatrix> encode_qr(std::string_view text);

}  // namespace kiosk::ui
