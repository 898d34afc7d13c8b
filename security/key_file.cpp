// Loading and creating the keys file (see key_file.hpp). The file's contents are read into a
// wiped buffer and parsed in place, so no key text is left in ordinary heap strings.
#include "security/key_file.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/bytes.hpp"

namespace kiosk::security {

namespace {

constexpr std::size_t kMaxNameLength = 64;
constexpr std::size_t kMaxFileSize = 64 * 1024;  // a keys file is a few lines; refuse anything odd

// Closes the descriptor on scope exit: RAII for the POSIX handle.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    [[nodiscard]] int get() const { return fd_; }
    // Closes now, reporting failure (a failed close after write can mean lost data).
    bool close() { return ::close(std::exchange(fd_, -1)) == 0; }

private:
    int fd_;
};

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& why) {
    throw std::runtime_error("keys file " + path.string() + ": " + why);
}

std::string errno_text(int error) { return std::strerror(error); }

std::string octal_mode(mode_t mode) {
    std::string digits;
    for (int shift = 9; shift >= 0; shift -= 3) digits.push_back(static_cast<char>('0' + ((mode >> shift) & 7U)));
    return digits;
}

bool valid_name(std::string_view name) {
    return !name.empty() && name.size() <= kMaxNameLength &&
           std::all_of(name.begin(), name.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
           });
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

SecureString read_all(const std::filesystem::path& path) {
    const int raw_fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (raw_fd < 0) {
        const int error = errno;
        if (error == ENOENT) fail(path, "not found");
        fail(path, "cannot open: " + errno_text(error));
    }
    FileDescriptor fd(raw_fd);
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0) fail(path, "cannot stat: " + errno_text(errno));
    if (!S_ISREG(info.st_mode)) fail(path, "not a regular file");
    // Checked on the open descriptor, not the name, so the file cannot be swapped in between.
    if ((info.st_mode & 077U) != 0) {
        fail(path, "mode " + octal_mode(info.st_mode & 07777U) +
                       " lets group or others access the keys; run `chmod 600 " + path.string() + "`");
    }
    if (info.st_size < 0 || static_cast<std::size_t>(info.st_size) > kMaxFileSize) fail(path, "larger than 64 KiB");

    SecureString content(static_cast<std::size_t>(info.st_size));
    std::size_t filled = 0;
    while (filled < content.size()) {
        const ssize_t got = ::read(fd.get(), content.data() + filled, content.size() - filled);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) fail(path, "cannot read: " + errno_text(errno));
        if (got == 0) fail(path, "changed size while being read");
        filled += static_cast<std::size_t>(got);
    }
    return content;
}

// Parses `<hex>` into 32 key bytes, or says why not (without echoing the text).
Result<SecureBytes> parse_key_hex(std::string_view hex) {
    if (hex.size() != 2 * KeyFile::kKeySize) {
        return make_error("config", "key must be 64 hex characters, found " + std::to_string(hex.size()));
    }
    SecureBytes key(KeyFile::kKeySize);
    for (std::size_t i = 0; i < KeyFile::kKeySize; ++i) {
        const int high = hex_value(hex[2 * i]);
        const int low = hex_value(hex[2 * i + 1]);
        if (high < 0 || low < 0) {
            return make_error("config", "key has a non-hex character at position " +
                                            std::to_string(2 * i + (high < 0 ? 1 : 2)));
        }
        key[i] = static_cast<std::uint8_t>(high * 16 + low);
    }
    return key;
}

void write_all(const std::filesystem::path& path, int fd, std::string_view text) {
    while (!text.empty()) {
        const ssize_t put = ::write(fd, text.data(), text.size());
        if (put < 0 && errno == EINTR) continue;
        if (put < 0) fail(path, "cannot write: " + errno_text(errno));
        text.remove_prefix(static_cast<std::size_t>(put));
    }
}

void fsync_directory(const std::filesystem::path& path) {
    const std::filesystem::path directory = path.has_parent_path() ? path.parent_path() : ".";
    const int raw_fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (raw_fd < 0) fail(path, "cannot open its directory to sync: " + errno_text(errno));
    FileDescriptor fd(raw_fd);
    if (::fsync(fd.get()) != 0) fail(path, "cannot sync its directory: " + errno_text(errno));
}

}  // namespace

KeyFile KeyFile::load(const std::filesystem::path& path) {
    const SecureString content = read_all(path);
    KeyFile file;
    std::string_view rest = content.view();
    std::size_t line_number = 0;
    while (!rest.empty()) {
        ++line_number;
        const std::size_t end = rest.find('\n');
        const std::string_view line = trim(rest.substr(0, end));
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        if (line.empty() || line.front() == '#') continue;

        const std::string where = "line " + std::to_string(line_number) + ": ";
        const auto gap = std::find_if(line.begin(), line.end(), is_space);
        if (gap == line.end()) fail(path, where + "expected `<name> <64 hex chars>`, found one word");
        const std::string_view name = line.substr(0, static_cast<std::size_t>(gap - line.begin()));
        const std::string_view hex = trim(line.substr(name.size()));
        if (!valid_name(name)) fail(path, where + "key name must be 1-64 characters of a-z 0-9 . _ -");
        if (std::any_of(hex.begin(), hex.end(), is_space)) {
            fail(path, where + "expected `<name> <64 hex chars>`, found more than two words");
        }
        auto key = parse_key_hex(hex);
        if (!key) fail(path, where + key.error().message);
        if (file.keys_.contains(name)) fail(path, where + "key '" + std::string(name) + "' appears twice");
        file.keys_.emplace(std::string(name), std::move(*key));
    }
    return file;
}

KeyFile KeyFile::create(const std::filesystem::path& path, const std::vector<std::string>& names,
                        RandomSource& random) {
    KeyFile file;
    for (const std::string& name : names) {
        if (!valid_name(name)) fail(path, "key name '" + name + "' must be 1-64 characters of a-z 0-9 . _ -");
        if (file.keys_.contains(name)) fail(path, "key '" + name + "' requested twice");
        SecureBytes key(kKeySize);
        random.fill(key.span());
        file.keys_.emplace(name, std::move(key));
    }

    // Text assembled in a wiped buffer: "# …\n" then "<name> <hex>\n" per key.
    const std::string comment = "# kiosk keys file: <name> <64 hex chars>. Keep mode 0600.\n";
    std::size_t size = comment.size();
    for (const auto& [name, key] : file.keys_) size += name.size() + 1 + 2 * kKeySize + 1;
    SecureString text(size);
    std::size_t at = 0;
    const auto put = [&](std::string_view part) {
        std::copy(part.begin(), part.end(), text.begin() + at);
        at += part.size();
    };
    put(comment);
    for (const auto& [name, key] : file.keys_) {
        put(name);
        put(" ");
        for (const std::uint8_t byte : key) {
            static constexpr char kDigits[] = "0123456789abcdef";
            const std::array<char, 2> pair{kDigits[byte >> 4], kDigits[byte & 0x0FU]};
            put(std::string_view(pair.data(), pair.size()));
        }
        put("\n");
    }

    std::vector<std::uint8_t> suffix_bytes(8);
    random.fill(suffix_bytes);
    const std::filesystem::path temporary = path.string() + ".tmp-" + to_hex(suffix_bytes);
    // O_EXCL: never reuse or follow an existing file; 0600 from the first instant, never widened.
    const int raw_fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (raw_fd < 0) fail(path, "cannot create " + temporary.string() + ": " + errno_text(errno));
    FileDescriptor fd(raw_fd);
    try {
        // The umask can only narrow 0600; pin it exactly so the load() check always passes.
        if (::fchmod(fd.get(), 0600) != 0) fail(path, "cannot set mode 0600: " + errno_text(errno));
        write_all(path, fd.get(), text.view());
        if (::fsync(fd.get()) != 0) fail(path, "cannot sync: " + errno_text(errno));
        if (!fd.close()) fail(path, "cannot close: " + errno_text(errno));
        // link() fails with EEXIST rather than replacing: an existing keys file is never lost.
        if (::link(temporary.c_str(), path.c_str()) != 0) {
            const int error = errno;
            fail(path, error == EEXIST ? std::string("already exists; refusing to overwrite keys")
                                       : "cannot link into place: " + errno_text(error));
        }
    } catch (...) {
        ::unlink(temporary.c_str());
        throw;
    }
    ::unlink(temporary.c_str());
    fsync_directory(path);
    return file;
}

Result<SecureBytes> KeyFile::key(std::string_view name) const {
    const auto found = keys_.find(name);
    if (found == keys_.end()) return make_error("config", "keys file has no key named '" + std::string(name) + "'");
    return found->second;
}

std::vector<std::string> KeyFile::names() const {
    std::vector<std::string> out;
    out.reserve(keys_.size());
    for (const auto& entry : keys_) out.push_back(entry.first);
    return out;
}

}  // namespace kiosk::security
