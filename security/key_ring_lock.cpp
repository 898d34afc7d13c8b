// flock-based key ring lock (see key_ring_lock.hpp).
#include "security/key_ring_lock.hpp"

#include <cerrno>
#include <cstring>
#include <string>
#include <thread>
#include <utility>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace kiosk::security {

Result<KeyRingLock> KeyRingLock::acquire(const std::filesystem::path& ring, std::chrono::milliseconds timeout) {
    const std::filesystem::path path = ring.string() + ".lock";
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        const int code = errno;
        return make_error("keystore", path.string() + ": cannot open lock file: " + std::strerror(code), code);
    }
    KeyRingLock lock(fd);
    // Polled rather than a blocking flock so a stuck holder becomes an error, not a hang.
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int code = errno;
        if (code == EINTR) continue;
        if (code != EWOULDBLOCK) {
            return make_error("keystore", path.string() + ": cannot lock: " + std::strerror(code), code);
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            return make_error("keystore", path.string() + ": still locked by another process after " +
                                              std::to_string(timeout.count()) + " ms");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return lock;
}

KeyRingLock::KeyRingLock(KeyRingLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

KeyRingLock::~KeyRingLock() {
    if (fd_ >= 0) ::close(fd_);
}

}  // namespace kiosk::security
