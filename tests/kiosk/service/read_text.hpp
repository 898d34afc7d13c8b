// A whole text file as a string, empty when it cannot be read (the test's expectation then fails
// with the file's name): the packaging tests read the deploy files, the package's control files
// and what systemd-sysusers wrote.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace kiosk::test {

inline std::string read_text(const std::filesystem::path& path) {
    std::ifstream file(path);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

}  // namespace kiosk::test
