// The e-receipt QR encoder: a real QR symbol (finder patterns in three corners, a version-sized
// matrix), deterministic, and refusing empty, oversized or card-number-like text.
#include "ui/qr_code.hpp"

#include <gtest/gtest.h>

#include <string>

namespace kiosk::ui {
namespace {

// A finder pattern: 7×7 dark ring, light ring, 3×3 dark centre, with its top-left at (x, y).
bool finder_at(const QrMatrix& m, int x, int y) {
    for (int dy = 0; dy < 7; ++dy) {
        for (int dx = 0; dx < 7; ++dx) {
            const bool ring = dx == 0 || dy == 0 || dx == 6 || dy == 6;
            const bool centre = dx >= 2 && dx <= 4 && dy >= 2 && dy <= 4;
            if (m.is_dark(x + dx, y + dy) != (ring || centre)) return false;
        }
    }
    return true;
}

TEST(QrCode, EncodesAReceiptUrlAsAValidSymbol) {
    const auto matrix = encode_qr("https://receipts.kioskbank.example/r/K7QX-20261123-004217");
    ASSERT_TRUE(matrix.ok()) << matrix.error().to_string();
    EXPECT_EQ((matrix->size - 17) % 4, 0) << "a QR side is 17 + 4 × version modules";
    EXPECT_GE(matrix->size, 21);
    EXPECT_EQ(matrix->dark.size(), static_cast<std::size_t>(matrix->size * matrix->size));
    EXPECT_TRUE(finder_at(*matrix, 0, 0));
    EXPECT_TRUE(finder_at(*matrix, matrix->size - 7, 0));
    EXPECT_TRUE(finder_at(*matrix, 0, matrix->size - 7));
    EXPECT_FALSE(finder_at(*matrix, matrix->size - 7, matrix->size - 7));
}

TEST(QrCode, SameTextSameSymbolOtherTextOtherSymbol) {
    const auto a = encode_qr("R-0001");
    const auto b = encode_qr("R-0001");
    const auto c = encode_qr("R-0002");
    ASSERT_TRUE(a.ok() && b.ok() && c.ok());
    EXPECT_EQ(a->dark, b->dark);
    EXPECT_NE(a->dark, c->dark);
}

TEST(QrCode, RefusesEmptyOversizedAndCardLikeText) {
    EXPECT_FALSE(encode_qr("").ok());
    const auto big = encode_qr(std::string(kMaxQrText + 1, 'a'));
    ASSERT_FALSE(big.ok());
    EXPECT_NE(big.error().message.find("at most"), std::string::npos);
    EXPECT_TRUE(encode_qr(std::string(kMaxQrText, 'a')).ok());

    const std::string pan_like = "ref=4000123412341234";
    const auto refused = encode_qr(pan_like);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("card number"), std::string::npos);
    EXPECT_EQ(refused.error().message.find("4000123412341234"), std::string::npos);  // never echoed
    EXPECT_TRUE(encode_qr("R-20261123-00421").ok());  // eleven digits in a row are fine
    EXPECT_FALSE(encode_qr("R-202611230042").ok());    // twelve are not
}

}  // namespace
}  // namespace kiosk::ui
