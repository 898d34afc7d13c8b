// An exclusive lock on `<ring>.lock` (flock), held while a process reads, changes and rewrites
// the key ring, so the kiosk reserving counts and `kioskctl keys rotate` never lose each other's
// update. Waits at most `timeout`, then fails naming the lock file.
#pragma once

#include <chrono>
#include <filesystem>

#include "common/result.hpp"

namespace kiosk::security {

class KeyRingLock {
public:
    static Result<KeyRingLock> acquire(const std::filesystem::path& ring,
                                       std::chrono::milliseconds timeout = std::chrono::seconds(5));
    KeyRingLock(KeyRingLock&& other) noexcept;
    KeyRingLock& operator=(KeyRingLock&&) = delete;
    KeyRingLock(const KeyRingLock&) = delete;
    KeyRingLock& operator=(const KeyRingLock&) = delete;
    ~KeyRingLock();  // closing the descriptor releases the lock

private:
    explicit KeyRingLock(int fd) : fd_(fd) {}
    int fd_;
};

}  // namespace kiosk::security
