// A fresh, empty directory for the running test, <tmp>/<prefix>-<pid>-<test name>, so that e2e
// tests running in parallel (ctest -j) never share a database, key ring or trace.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace kiosk::test {

inline std::filesystem::path fresh_test_directory(std::string_view prefix) {
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / (std::string(prefix) + "-" + std::to_string(::getpid()) + "-" +
                                                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

}  // namespace kiosk::test
