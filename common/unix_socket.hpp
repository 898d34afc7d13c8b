// The Unix-domain stream socket pieces every line server and client share (the simulator's control
// socket, the kiosk's control socket for kioskctl): an address for a
// path (checked against sun_path's size), and reading/writing one line within a deadline.
#pragma once

#include <sys/un.h>

#include <filesystem>
#include <string>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "common/unique_fd.hpp"

namespace kiosk {

Result<sockaddr_un> unix_address(const std::filesystem::path& path);

// Sends all of `text` within `timeout`.
Status write_all(int fd, std::string_view text, Millis timeout);

// Reads up to and including the next '\n' (returned without it) within `timeout`; bytes after it
// stay in `buffer` for the next call. Fails on timeout, on end of stream before a newline, and
// when the line would exceed `max_line` bytes.
Result<std::string> read_line(int fd, std::string& buffer, std::size_t max_line, Millis timeout);

// A distinguishable end-of-stream error (the peer closed between requests: not a failure).
bool is_end_of_stream(const Error& error);

}  // namespace kiosk
