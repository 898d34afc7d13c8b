// The one buffer type for secrets in memory (keys, PIN digits and blocks, PANs, track data): the
// contents are wiped with OPENSSL_cleanse when the buffer is destroyed, cleared or assigned over,
// and a moved-from buffer is left empty, so no copy of the secret lingers in freed heap memory.
// Fixed size: it never reallocates behind the caller's back (a growing std::string or vector
// would leave unwiped copies of its earlier storage).
//
// Plain text or bytes convert into a buffer implicitly (copying a secret into a wiping buffer is
// always safe, and a std::string or Bytes handed over as an rvalue is wiped on the way in); the
// way out is explicit: view(), data().
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <openssl/crypto.h>

namespace kiosk {

// `Allocator` is for tests (one that looks at the memory it is given back); code uses the default.
template <typename T, typename Allocator = std::allocator<T>>
class SecureBuffer {
    static_assert(std::is_same_v<T, std::uint8_t> || std::is_same_v<T, char>);
    using Traits = std::allocator_traits<Allocator>;

public:
    // ByteView for key bytes, std::string_view for digits.
    using View = std::conditional_t<std::is_same_v<T, char>, std::string_view, std::span<const T>>;
    using value_type = T;

    SecureBuffer() noexcept = default;
    // `size` zero-filled elements.
    explicit SecureBuffer(std::size_t size) { allocate(size); }
    SecureBuffer(std::span<const T> content) {  // NOLINT(google-explicit-constructor): see the header
        allocate(content.size());
        if (size_ != 0) std::memcpy(data_, content.data(), size_);
    }
    SecureBuffer(const std::vector<T>& content)  // NOLINT(google-explicit-constructor)
        : SecureBuffer(std::span<const T>(content)) {}
    // Takes the secret over: the vector's contents are wiped and it is left empty.
    SecureBuffer(std::vector<T>&& content)  // NOLINT(google-explicit-constructor)
        : SecureBuffer(std::span<const T>(content)) {
        if (!content.empty()) OPENSSL_cleanse(content.data(), content.size());
        content.clear();
    }
    SecureBuffer(std::string_view text)  // NOLINT(google-explicit-constructor)
        requires std::is_same_v<T, char>
        : SecureBuffer(std::span<const char>(text.data(), text.size())) {}
    // Without this a literal would match the span overload as a char array, terminator included.
    SecureBuffer(const char* text)  // NOLINT(google-explicit-constructor)
        requires std::is_same_v<T, char>
        : SecureBuffer(text == nullptr ? std::string_view() : std::string_view(text)) {}
    SecureBuffer(const std::string& text)  // NOLINT(google-explicit-constructor)
        requires std::is_same_v<T, char>
        : SecureBuffer(std::string_view(text)) {}
    // Takes the secret over: the string's characters are wiped and it is left empty.
    SecureBuffer(std::string&& text)  // NOLINT(google-explicit-constructor)
        requires std::is_same_v<T, char>
        : SecureBuffer(std::string_view(text)) {
        if (!text.empty()) OPENSSL_cleanse(text.data(), text.size());
        text.clear();
    }

    SecureBuffer(const SecureBuffer& other) : SecureBuffer(std::span<const T>(other.data(), other.size())) {}
    SecureBuffer(SecureBuffer&& other) noexcept
        : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}
    SecureBuffer& operator=(const SecureBuffer& other) {
        if (this != &other) *this = SecureBuffer(other);
        return *this;
    }
    SecureBuffer& operator=(SecureBuffer&& other) noexcept {
        if (this != &other) {
            clear();
            data_ = std::exchange(other.data_, nullptr);
            size_ = std::exchange(other.size_, 0);
        }
        return *this;
    }
    ~SecureBuffer() { clear(); }

    // Overwrites the contents with zeros; the size stays the same.
    void wipe() noexcept {
        if (size_ != 0) OPENSSL_cleanse(data_, size_);
    }
    // Wipes the contents and gives the memory back: the buffer is empty afterwards.
    void clear() noexcept {
        if (data_ == nullptr) return;
        wipe();
        Traits::deallocate(allocator_, data_, size_);
        data_ = nullptr;
        size_ = 0;
    }

    [[nodiscard]] T* data() noexcept { return data_; }
    [[nodiscard]] const T* data() const noexcept { return data_; }
    [[nodiscard]] std::size_t size() const noexcept { return size_; }
    [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
    [[nodiscard]] T* begin() noexcept { return data_; }
    [[nodiscard]] T* end() noexcept { return data_ + size_; }
    [[nodiscard]] const T* begin() const noexcept { return data_; }
    [[nodiscard]] const T* end() const noexcept { return data_ + size_; }
    [[nodiscard]] T& operator[](std::size_t index) noexcept { return data_[index]; }
    [[nodiscard]] const T& operator[](std::size_t index) const noexcept { return data_[index]; }

    [[nodiscard]] View view() const noexcept { return size_ == 0 ? View() : View(data_, size_); }
    [[nodiscard]] std::span<T> span() noexcept { return std::span<T>(data_, size_); }

    // Constant-time in the contents (CRYPTO_memcmp), so comparing a secret leaks no prefix length.
    friend bool operator==(const SecureBuffer& a, const SecureBuffer& b) noexcept {
        return a.size_ == b.size_ && (a.size_ == 0 || CRYPTO_memcmp(a.data(), b.data(), a.size_) == 0);
    }

private:
    void allocate(std::size_t size) {
        if (size == 0) return;
        data_ = Traits::allocate(allocator_, size);
        std::memset(data_, 0, size);
        size_ = size;
    }

    T* data_ = nullptr;
    std::size_t size_ = 0;
    [[no_unique_address]] Allocator allocator_{};
};

using SecureBytes = SecureBuffer<std::uint8_t>;
using SecureString = SecureBuffer<char>;  // PIN, PAN or track text held in memory

// The same bytes seen as text, and back (a PIN block in an ISO 8583 binary field, a track in a
// device reply), copied from buffer to buffer with no plain copy in between.
inline SecureString secure_text_of(std::span<const std::uint8_t> bytes) {
    return SecureString(std::span<const char>(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}
inline SecureBytes secure_bytes_of(std::string_view text) {
    return SecureBytes(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

}  // namespace kiosk
