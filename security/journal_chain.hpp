// Tamper evidence for the electronic journal (PCI DSS 10.3): each entry's MAC covers the previous
// entry's MAC, so changing, removing or reordering any entry breaks every MAC after it.
#pragma once

#include <cstddef>
#include <optional>
#include <span>

#include "common/bytes.hpp"
#include "common/result.hpp"
#include "security/hmac_sha256.hpp"

namespace kiosk::security {

// The "previous MAC" of the first entry: 32 zero bytes.
Bytes journal_genesis();

// HMAC-SHA-256(key, u32be(len(previous_mac)) || previous_mac || entry_bytes). The length prefix
// keeps the split between the two inputs unambiguous. `key` must not be empty. Throws
// std::invalid_argument for an empty key, std::runtime_error if OpenSSL fails (out of memory).
Bytes chain_mac(ByteView key, ByteView previous_mac, ByteView entry_bytes);

// Index of the first entry whose stored MAC does not match the chain recomputed from genesis;
// nullopt when the whole chain verifies. `macs` must hold one MAC per entry (a missing MAC counts
// as a break at that index).
std::optional<std::size_t> first_broken_link(ByteView key, std::span<const Bytes> entries,
                                             std::span<const Bytes> macs);

// The chain with its key set up once: what the store uses to write and verify journal entries.
// link() is chain_mac() above, without setting up HMAC again for every entry.
class JournalChain {
public:
    // `key` is the derived journal key (security/data_key_derivation.hpp: derive_journal_key);
    // an empty key is refused.
    static Result<JournalChain> create(ByteView key);

    // MAC of the entry that follows the entry whose MAC is `previous_mac` (journal_genesis() for
    // the first entry).
    [[nodiscard]] Result<Bytes> link(ByteView previous_mac, ByteView entry_bytes) const;

    // Whether `stored_mac` is link(previous_mac, entry_bytes). Constant-time in the MAC bytes, so
    // a verifier run by an attacker does not tell them how many leading bytes of a forgery match.
    [[nodiscard]] Result<bool> verifies(ByteView stored_mac, ByteView previous_mac, ByteView entry_bytes) const;

private:
    explicit JournalChain(HmacSha256 hmac) : hmac_(std::move(hmac)) {}
    HmacSha256 hmac_;
};

}  // namespace kiosk::security
