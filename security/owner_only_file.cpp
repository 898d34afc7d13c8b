// Owner-only file reading and atomic replacement (see owner_only_file.hpp).
#include "security/owner_only_file.hpp"

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/bytes.hpp"

namespace kiosk::security {

namespace {

class Descriptor {
public:
    explicit Descriptor(int fd) : fd_(fd) {}
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    ~Descriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    [[nodiscard]] int get() const { return fd_; }
    bool close() { return ::close(std::exchange(fd_, -1)) == 0; }

private:
    int fd_;
};

Error file_error(const std::filesystem::path& path, const std::string& why, int code = 0) {
    return make_error("keystore", path.string() + ": " + why, code);
}

Error errno_error(const std::filesystem::path& path, const std::string& action) {
    const int code = errno;
    return file_error(path, action + ": " + std::strerror(code), code);
}

std::string octal_mode(mode_t mode) {
    std::string digits;
    for (int shift = 9; shift >= 0; shift -= 3) digits.push_back(static_cast<char>('0' + ((mode >> shift) & 7U)));
    return digits;
}

}  // namespace

Result<SecureString> read_owner_only_file(const std::filesystem::path& path, std::size_t max_size) {
    const int raw = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (raw < 0) {
        if (errno == ENOENT) return file_error(path, "not found", ENOENT);
        return errno_error(path, "cannot open");
    }
    Descriptor fd(raw);
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0) return errno_error(path, "cannot stat");
    if (!S_ISREG(info.st_mode)) return file_error(path, "not a regular file");
    if ((info.st_mode & 077U) != 0) {
        return file_error(path, "mode " + octal_mode(info.st_mode & 07777U) +
                                    " lets group or others read it; run `chmod 600 " + path.string() + "`");
    }
    if (info.st_size < 0 || static_cast<std::size_t>(info.st_size) > max_size) {
        return file_error(path, "larger than " + std::to_string(max_size) + " bytes");
    }
    SecureString content(static_cast<std::size_t>(info.st_size));
    std::size_t filled = 0;
    while (filled < content.size()) {
        const ssize_t got = ::read(fd.get(), content.data() + filled, content.size() - filled);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) return errno_error(path, "cannot read");
        if (got == 0) return file_error(path, "changed size while being read");
        filled += static_cast<std::size_t>(got);
    }
    return content;
}

Status replace_owner_only_file(const std::filesystem::path& path, std::string_view content, RandomSource& random) {
    Bytes suffix(8);
    random.fill(suffix);
    const std::filesystem::path temporary = path.string() + ".tmp-" + to_hex(suffix);
    const int raw = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (raw < 0) return errno_error(temporary, "cannot create");
    Descriptor fd(raw);
    const auto fail = [&](const std::string& action) {
        Error error = errno_error(temporary, action);
        ::unlink(temporary.c_str());
        return error;
    };
    if (::fchmod(fd.get(), 0600) != 0) return fail("cannot set mode 0600");
    std::string_view rest = content;
    while (!rest.empty()) {
        const ssize_t put = ::write(fd.get(), rest.data(), rest.size());
        if (put < 0 && errno == EINTR) continue;
        if (put < 0) return fail("cannot write");
        rest.remove_prefix(static_cast<std::size_t>(put));
    }
    if (::fsync(fd.get()) != 0) return fail("cannot sync");
    if (!fd.close()) return fail("cannot close");
    if (::rename(temporary.c_str(), path.c_str()) != 0) return fail("cannot rename into place");
    const std::filesystem::path directory = path.has_parent_path() ? path.parent_path() : ".";
    const int dir_raw = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir_raw < 0) return errno_error(directory, "cannot open to sync");
    const Descriptor dir(dir_raw);
    if (::fsync(dir.get()) != 0) return errno_error(directory, "cannot sync");
    return ok_status();
}

}  // namespace kiosk::security
