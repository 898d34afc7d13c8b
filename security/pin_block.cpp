// ISO 9564 format 0 and format 4 PIN blocks (see pin_block.hpp). Error messages never carry PIN
// or PAN digits.
#include "security/pin_block.hpp"

#include <algorithm>

#include "security/aes_block.hpp"

namespace kiosk::security {

namespace {

constexpr std::size_t kMinPin = 4;
constexpr std::size_t kMaxPin = 12;
constexpr std::size_t kMaxPan = 19;
constexpr std::uint8_t kFormat0Control = 0x0;
constexpr std::uint8_t kFormat4Control = 0x4;
constexpr std::uint8_t kFormat4Fill = 0xA;
constexpr std::uint8_t kFormat0Fill = 0xF;

bool all_digits(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::uint8_t digit_value(char c) { return static_cast<std::uint8_t>(c - '0'); }

// Nibble `index` counted from the most significant half of byte 0.
void set_nibble(std::span<std::uint8_t> bytes, std::size_t index, std::uint8_t value) {
    std::uint8_t& byte = bytes[index / 2];
    if (index % 2 == 0) {
        byte = static_cast<std::uint8_t>((byte & 0x0FU) | (static_cast<unsigned>(value) << 4U));
    } else {
        byte = static_cast<std::uint8_t>((byte & 0xF0U) | (value & 0x0FU));
    }
}

std::uint8_t get_nibble(std::span<const std::uint8_t> bytes, std::size_t index) {
    const std::uint8_t byte = bytes[index / 2];
    return index % 2 == 0 ? static_cast<std::uint8_t>(byte >> 4) : static_cast<std::uint8_t>(byte & 0x0FU);
}

Status check_pin(std::string_view pin) {
    if (pin.size() < kMinPin || pin.size() > kMaxPin || !all_digits(pin)) {
        return make_error("security", "PIN must be 4 to 12 decimal digits");
    }
    return ok_status();
}

Status check_pan(std::string_view pan) {
    if (pan.empty() || pan.size() > kMaxPan || !all_digits(pan)) {
        return make_error("security", "PAN must be 1 to 19 decimal digits");
    }
    return ok_status();
}

// Control nibble, length, PIN digits, then `fill` up to nibble 15 (the first 8 bytes).
void write_pin_digits(std::span<std::uint8_t> field, std::uint8_t control, std::string_view pin, std::uint8_t fill) {
    set_nibble(field, 0, control);
    set_nibble(field, 1, static_cast<std::uint8_t>(pin.size()));
    for (std::size_t i = 0; i < 14; ++i) {
        set_nibble(field, 2 + i, i < pin.size() ? digit_value(pin[i]) : fill);
    }
}

SecureBytes xor_bytes(ByteView a, ByteView b) {
    SecureBytes out(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) out[i] = static_cast<std::uint8_t>(a[i] ^ b[i]);
    return out;
}

}  // namespace

Result<SecureBytes> encode_format0(std::string_view pin, std::string_view pan) {
    KIOSK_TRY(check_pin(pin));
    KIOSK_TRY(check_pan(pan));
    SecureBytes pin_field(kFormat0BlockSize);
    write_pin_digits(pin_field.span(), kFormat0Control, pin, kFormat0Fill);

    // 12 rightmost digits excluding the check digit, left-padded with zeros when the PAN is short.
    const std::string_view without_check = pan.substr(0, pan.size() - 1);
    const std::string_view account = without_check.substr(without_check.size() - std::min<std::size_t>(12, without_check.size()));
    SecureBytes pan_field(kFormat0BlockSize);
    const std::size_t first = 16 - account.size();
    for (std::size_t i = 0; i < account.size(); ++i) set_nibble(pan_field.span(), first + i, digit_value(account[i]));

    return xor_bytes(pin_field.view(), pan_field.view());
}

Result<SecureBytes> format4_pan_field(std::string_view pan) {
    KIOSK_TRY(check_pan(pan));
    SecureBytes field(kFormat4BlockSize);
    const std::size_t padding = pan.size() < 12 ? 12 - pan.size() : 0;
    set_nibble(field.span(), 0, static_cast<std::uint8_t>(pan.size() > 12 ? pan.size() - 12 : 0));
    for (std::size_t i = 0; i < pan.size(); ++i) set_nibble(field.span(), 1 + padding + i, digit_value(pan[i]));
    return field;
}

Result<Bytes> encipher_format4(ByteView aes_key, std::string_view pin, std::string_view pan, ByteView random_pad8) {
    KIOSK_TRY(check_pin(pin));
    if (random_pad8.size() != kFormat4RandomPadSize) {
        return make_error("security", "format 4 random pad must be 8 bytes");
    }
    auto pan_field = format4_pan_field(pan);
    if (!pan_field) return pan_field.error();

    SecureBytes pin_field(kFormat4BlockSize);
    write_pin_digits(pin_field.span(), kFormat4Control, pin, kFormat4Fill);
    std::copy(random_pad8.begin(), random_pad8.end(), pin_field.begin() + kFormat4RandomPadSize);

    auto intermediate = aes_encrypt_block(aes_key, pin_field.view());
    if (!intermediate) return intermediate.error();
    const SecureBytes chained = xor_bytes(intermediate->view(), pan_field->view());
    auto block = aes_encrypt_block(aes_key, chained.view());
    if (!block) return block.error();
    return Bytes(block->begin(), block->end());
}

Result<SecureString> decipher_format4(ByteView aes_key, ByteView block16, std::string_view pan) {
    if (block16.size() != kFormat4BlockSize) return make_error("security", "format 4 PIN block must be 16 bytes");
    auto pan_field = format4_pan_field(pan);
    if (!pan_field) return pan_field.error();

    auto chained = aes_decrypt_block(aes_key, block16);
    if (!chained) return chained.error();
    const SecureBytes intermediate = xor_bytes(chained->view(), pan_field->view());
    auto pin_field = aes_decrypt_block(aes_key, intermediate.view());
    if (!pin_field) return pin_field.error();

    const ByteView field = pin_field->view();
    const std::size_t length = get_nibble(field, 1);
    if (get_nibble(field, 0) != kFormat4Control || length < kMinPin || length > kMaxPin) {
        return make_error("security", "not a valid format 4 PIN block (control or length nibble)");
    }
    SecureString pin(length);
    for (std::size_t i = 0; i < 14; ++i) {
        const std::uint8_t nibble = get_nibble(field, 2 + i);
        if (i < length ? nibble > 9 : nibble != kFormat4Fill) {
            return make_error("security", "not a valid format 4 PIN block (digit or fill nibble)");
        }
        if (i < length) pin[i] = static_cast<char>('0' + nibble);
    }
    return pin;
}

}  // namespace kiosk::security
