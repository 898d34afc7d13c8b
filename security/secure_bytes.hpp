// Buffers for secrets (keys, PIN digits, PANs in memory): the contents are wiped with
// OPENSSL_cleanse when the buffer is destroyed or assigned over, and a moved-from buffer is left
// empty, so no copy of the secret lingers in freed heap memory. Fixed size: never reallocates.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>

#include <openssl/crypto.h>

namespace kiosk::security {

template <typename T>
class SecureBuffer {
    static_assert(std::is_same_v<T, std::uint8_t> || std::is_same_v<T, char>);

public:
    // ByteView for key bytes, std::string_view for digits.
    using View = std::conditional_t<std::is_same_v<T, char>, std::string_view, std::span<const T>>;

    SecureBuffer() = default;
    // `size` zero-filled elements.
    explicit SecureBuffer(std::size_t size) : data_(size ? std::make_unique<T[]>(size) : nullptr), size_(size) {}
    explicit SecureBuffer(std::span<const T> content) : SecureBuffer(content.size()) {
        if (size_ != 0) std::memcpy(data_.get(), content.data(), size_);
    }
    explicit SecureBuffer(std::string_view text)
        requires std::is_same_v<T, char>
        : SecureBuffer(std::span<const char>(text.data(), text.size())) {}
    // Without this a literal would match the span overload as a char array, terminator included.
    explicit SecureBuffer(const char* text)
        requires std::is_same_v<T, char>
        : SecureBuffer(std::string_view(text)) {}

    SecureBuffer(const SecureBuffer& other) : SecureBuffer(std::span<const T>(other.data(), other.size())) {}
    SecureBuffer(SecureBuffer&& other) noexcept
        : data_(std::move(other.data_)), size_(std::exchange(other.size_, 0)) {}
    SecureBuffer& operator=(const SecureBuffer& other) {
        if (this != &other) *this = SecureBuffer(other);
        return *this;
    }
    SecureBuffer& operator=(SecureBuffer&& other) noexcept {
        if (this != &other) {
            wipe();
            data_ = std::move(other.data_);
            size_ = std::exchange(other.size_, 0);
        }
        return *this;
    }
    ~SecureBuffer() { wipe(); }

    // Overwrites the contents with zeros; the size stays the same.
    void wipe() noexcept {
        if (size_ != 0) OPENSSL_cleanse(data_.get(), size_);
    }

    [[nodiscard]] T* data() noexcept { return data_.get(); }
    [[nodiscard]] const T* data() const noexcept { return data_.get(); }
    [[nodiscard]] std::size_t size() const noexcept { return size_; }
    [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
    [[nodiscard]] T* begin() noexcept { return data_.get(); }
    [[nodiscard]] T* end() noexcept { return data_.get() + size_; }
    [[nodiscard]] const T* begin() const noexcept { return data_.get(); }
    [[nodiscard]] const T* end() const noexcept { return data_.get() + size_; }
    [[nodiscard]] T& operator[](std::size_t index) noexcept { return data_[index]; }
    [[nodiscard]] const T& operator[](std::size_t index) const noexcept { return data_[index]; }

    [[nodiscard]] View view() const noexcept { return View(data_.get(), size_); }
    [[nodiscard]] std::span<T> span() noexcept { return std::span<T>(data_.get(), size_); }

    // Constant-time in the contents (CRYPTO_memcmp), so comparing a secret leaks no prefix length.
    friend bool operator==(const SecureBuffer& a, const SecureBuffer& b) noexcept {
        return a.size_ == b.size_ && (a.size_ == 0 || CRYPTO_memcmp(a.data(), b.data(), a.size_) == 0);
    }

private:
    std::unique_ptr<T[]> data_;
    std::size_t size_ = 0;
};

using SecureBytes = SecureBuffer<std::uint8_t>;
using SecureString = SecureBuffer<char>;  // PIN or PAN digits held in memory

}  // namespace kiosk::security
