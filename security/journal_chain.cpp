// HMAC chain over journal entries (see journal_chain.hpp).
#include "security/journal_chain.hpp"

#include <array>
#include <stdexcept>

#include <openssl/crypto.h>

#include "security/hmac_sha256.hpp"

namespace kiosk::security {

Bytes journal_genesis() { return Bytes(kHmacSha256Size, 0); }

namespace {

Result<Bytes> link_with(const HmacSha256& hmac, ByteView previous_mac, ByteView entry_bytes) {
    const auto length = static_cast<std::uint32_t>(previous_mac.size());
    const std::array<std::uint8_t, 4> prefix{static_cast<std::uint8_t>(length >> 24),
                                             static_cast<std::uint8_t>(length >> 16),
                                             static_cast<std::uint8_t>(length >> 8),
                                             static_cast<std::uint8_t>(length)};
    return hmac.mac({prefix, previous_mac, entry_bytes});
}

}  // namespace

Bytes chain_mac(ByteView key, ByteView previous_mac, ByteView entry_bytes) {
    if (key.empty()) throw std::invalid_argument("journal chain key is empty");
    auto hmac = HmacSha256::create(key);
    if (!hmac) throw std::runtime_error("journal chain: " + hmac.error().to_string());
    auto mac = link_with(*hmac, previous_mac, entry_bytes);
    if (!mac) throw std::runtime_error("journal chain: " + mac.error().to_string());
    return std::move(mac).value();
}

Result<JournalChain> JournalChain::create(ByteView key) {
    if (key.empty()) return make_error("journal", "the journal chain key is empty");
    auto hmac = HmacSha256::create(key);
    if (!hmac) return make_error("journal", "journal chain key: " + hmac.error().to_string());
    return JournalChain(std::move(hmac).value());
}

Result<Bytes> JournalChain::link(ByteView previous_mac, ByteView entry_bytes) const {
    return link_with(hmac_, previous_mac, entry_bytes);
}

Result<bool> JournalChain::verifies(ByteView stored_mac, ByteView previous_mac, ByteView entry_bytes) const {
    auto expected = link(previous_mac, entry_bytes);
    if (!expected) return expected.error();
    return stored_mac.size() == expected->size() &&
           CRYPTO_memcmp(stored_mac.data(), expected->data(), expected->size()) == 0;
}

std::optional<std::size_t> first_broken_link(ByteView key, std::span<const Bytes> entries,
                                             std::span<const Bytes> macs) {
    Bytes previous = journal_genesis();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (i >= macs.size()) return i;
        Bytes expected = chain_mac(key, previous, entries[i]);
        // Constant-time compare: the journal key must not leak through timing.
        if (macs[i].size() != expected.size() || CRYPTO_memcmp(macs[i].data(), expected.data(), expected.size()) != 0) {
            return i;
        }
        previous = std::move(expected);
    }
    if (macs.size() > entries.size()) return entries.size();  // a MAC without its entry: entry removed
    return std::nullopt;
}

}  // namespace kiosk::security
