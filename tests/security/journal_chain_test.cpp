// Journal chain: each MAC depends on the previous one; edits, removals and reorders are found.
#include "security/journal_chain.hpp"

#include <stdexcept>

#include <gtest/gtest.h>

#include "security/hmac_sha256.hpp"

namespace kiosk::security {
namespace {

const Bytes kKey(32, 0x42);

std::vector<Bytes> entries() {
    return {to_bytes("2025-01-01T10:00 card inserted"), to_bytes("2025-01-01T10:01 dispense 100.00"),
            to_bytes("2025-01-01T10:02 card ejected")};
}

std::vector<Bytes> chain(const std::vector<Bytes>& lines) {
    std::vector<Bytes> macs;
    Bytes previous = journal_genesis();
    for (const Bytes& line : lines) {
        macs.push_back(chain_mac(kKey, previous, line));
        previous = macs.back();
    }
    return macs;
}

TEST(JournalChain, GenesisIs32ZeroBytes) { EXPECT_EQ(journal_genesis(), Bytes(32, 0)); }

TEST(JournalChain, MacIsHmacOfLengthPrefixedPreviousAndEntry) {
    const Bytes entry = to_bytes("entry");
    Bytes input = {0, 0, 0, 32};
    input.insert(input.end(), 32, 0);
    input.insert(input.end(), entry.begin(), entry.end());
    auto expected = hmac_sha256(kKey, input);
    ASSERT_TRUE(expected.ok());
    EXPECT_EQ(chain_mac(kKey, journal_genesis(), entry), *expected);
}

TEST(JournalChain, DependsOnPreviousMacAndKey) {
    const Bytes entry = to_bytes("same entry");
    Bytes other_previous = journal_genesis();
    other_previous[31] = 1;
    EXPECT_NE(chain_mac(kKey, journal_genesis(), entry), chain_mac(kKey, other_previous, entry));
    EXPECT_NE(chain_mac(kKey, journal_genesis(), entry), chain_mac(Bytes(32, 0x43), journal_genesis(), entry));
}

TEST(JournalChain, IntactChainVerifies) {
    const auto lines = entries();
    EXPECT_EQ(first_broken_link(kKey, lines, chain(lines)), std::nullopt);
}

TEST(JournalChain, EditedEntryIsFound) {
    auto lines = entries();
    const auto macs = chain(lines);
    lines[1].back() ^= 0x01;
    EXPECT_EQ(first_broken_link(kKey, lines, macs), 1U);
}

TEST(JournalChain, RemovedEntryIsFound) {
    auto lines = entries();
    auto macs = chain(lines);
    lines.erase(lines.begin() + 1);
    macs.erase(macs.begin() + 1);
    EXPECT_EQ(first_broken_link(kKey, lines, macs), 1U);
}

TEST(JournalChain, TruncatedTailLeavesAnOrphanMac) {
    auto lines = entries();
    const auto macs = chain(lines);
    lines.pop_back();
    EXPECT_EQ(first_broken_link(kKey, lines, macs), 2U);
}

TEST(JournalChain, SwappedEntriesAreFound) {
    auto lines = entries();
    const auto macs = chain(lines);
    std::swap(lines[0], lines[2]);
    EXPECT_EQ(first_broken_link(kKey, lines, macs), 0U);
}

TEST(JournalChain, EmptyKeyIsAProgrammingError) {
    EXPECT_THROW((void)chain_mac({}, journal_genesis(), to_bytes("x")), std::invalid_argument);
}

}  // namespace
}  // namespace kiosk::security
