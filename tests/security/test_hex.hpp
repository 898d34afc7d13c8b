// Test helper: hex text to bytes, failing the test on malformed input.
#pragma once

#include <string_view>

#include <gtest/gtest.h>

#include "common/bytes.hpp"

namespace kiosk::security::test {

inline Bytes hex(std::string_view text) {
    auto bytes = from_hex(text);
    EXPECT_TRUE(bytes.ok()) << "bad hex in test: " << text;
    return bytes.ok() ? bytes.value() : Bytes{};
}

}  // namespace kiosk::security::test
