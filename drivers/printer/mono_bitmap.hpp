// MonoBitmap: a 1-bit image as thermal printers take it (ESC/POS `GS v 0`): rows top to bottom,
// each ceil(width / 8) bytes, the most significant bit the leftmost dot, 1 = black.
#pragma once

#include <cstddef>
#include <cstdint>

#include "common/bytes.hpp"

namespace kiosk::drivers {

struct MonoBitmap {
    std::size_t width = 0;   // dots
    std::size_t height = 0;  // dots
    Bytes rows;              // bytes_per_row() × height

    MonoBitmap() = default;
    MonoBitmap(std::size_t width_dots, std::size_t height_dots)
        : width(width_dots), height(height_dots), rows(((width_dots + 7) / 8) * height_dots, 0) {}

    [[nodiscard]] std::size_t bytes_per_row() const { return (width + 7) / 8; }
    [[nodiscard]] bool dot(std::size_t x, std::size_t y) const {
        return (rows[y * bytes_per_row() + x / 8] & (0x80U >> (x % 8))) != 0;
    }
    void set(std::size_t x, std::size_t y) {
        rows[y * bytes_per_row() + x / 8] |= static_cast<std::uint8_t>(0x80U >> (x % 8));
    }

    friend bool operator==(const MonoBitmap&, const MonoBitmap&) = default;
};

}  // namespace kiosk::drivers
