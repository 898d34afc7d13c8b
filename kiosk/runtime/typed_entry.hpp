// Digits typed in clear on the PIN pad (an amount, a phone number, a one-time code), held in a
// buffer that is wiped when cleared or destroyed. PINs never come here: they stay in the pad.
#pragma once

#include <cstddef>
#include <string_view>

#include "security/secure_bytes.hpp"

namespace kiosk {

class TypedEntry {
public:
    static constexpr std::size_t capacity = 19;  // the longest clear entry the pad accepts

    // Appends a digit; false (and nothing kept) when full or not '0'–'9'.
    bool push(char digit) {
        if (length_ >= capacity || digit < '0' || digit > '9') return false;
        digits_[length_++] = digit;
        return true;
    }
    void pop() {
        if (length_ > 0) digits_[--length_] = '\0';
    }
    void clear() {
        digits_.wipe();
        length_ = 0;
    }
    [[nodiscard]] std::string_view view() const { return std::string_view(digits_.data(), length_); }
    [[nodiscard]] std::size_t size() const { return length_; }
    [[nodiscard]] bool empty() const { return length_ == 0; }

private:
    security::SecureString digits_{capacity};
    std::size_t length_ = 0;
};

}  // namespace kiosk
