// Result<T>: the value of an operation that can fail at run time in an expected way (a device
// fault, a network error, a decline). Exceptions are for start-up and programming errors only;
// see ../shared/design/style.md. std::expected is C++23 and clang 14 lacks it, hence our own.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace kiosk {

// What went wrong, in words a technician can act on. `domain` says which part failed
// ("sqlite", "openssl", "usb", "host", "config", …); `native_code` keeps the library's own code
// (SQLite result code, errno, CURLcode, …) so nothing is lost in translation.
struct Error {
    std::string domain;
    std::string message;
    int native_code = 0;

    [[nodiscard]] std::string to_string() const {
        std::string text = domain + ": " + message;
        if (native_code != 0) text += " (code " + std::to_string(native_code) + ")";
        return text;
    }
};

inline Error make_error(std::string domain, std::string message, int native_code = 0) {
    return Error{std::move(domain), std::move(message), native_code};
}

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT(google-explicit-constructor)
    Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] T& value() & { assert(ok()); return std::get<0>(state_); }
    [[nodiscard]] const T& value() const& { assert(ok()); return std::get<0>(state_); }
    [[nodiscard]] T&& value() && { assert(ok()); return std::get<0>(std::move(state_)); }
    [[nodiscard]] const Error& error() const { assert(!ok()); return std::get<1>(state_); }

    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    template <typename U>
    [[nodiscard]] T value_or(U&& fallback) const& {
        return ok() ? value() : static_cast<T>(std::forward<U>(fallback));
    }

private:
    std::variant<T, Error> state_;
};

// Result<void>: success, or an Error.
template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : error_(std::move(error)), failed_(true) {}  // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return !failed_; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const Error& error() const { assert(failed_); return error_; }

private:
    Error error_;
    bool failed_ = false;
};

using Status = Result<void>;

inline Status ok_status() { return {}; }

}  // namespace kiosk

// Propagates a failed Result/Status from the enclosing function: KIOSK_TRY(step());
#define KIOSK_TRY(expr)                                  \
    do {                                                 \
        auto kiosk_try_result_ = (expr);                 \
        if (!kiosk_try_result_.ok()) return kiosk_try_result_.error(); \
    } while (false)
