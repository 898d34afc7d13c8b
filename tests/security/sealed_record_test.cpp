// header_aad: the exact canonical layout, and that field boundaries and every field matter.
#include "security/sealed_record.hpp"

#include <gtest/gtest.h>

namespace kiosk::security {
namespace {

RecordHeader sample_header() {
    RecordHeader header;
    header.record_id = "r1";
    header.kind = "survey";
    header.kiosk_id = "K7";
    header.key_id = "dk1";
    header.schema_version = 2;
    header.created_unix_ms = 0x0102030405060708;
    return header;
}

TEST(HeaderAad, HasTheDocumentedLayout) {
    // version 01, then each field as u32 big-endian length + bytes (integers big-endian too).
    EXPECT_EQ(to_hex(header_aad(sample_header())),
              "01"
              "00000002" "7231"
              "00000006" "737572766579"
              "00000002" "4B37"
              "00000003" "646B31"
              "00000004" "00000002"
              "00000008" "0102030405060708");
}

TEST(HeaderAad, FieldBoundariesAreUnambiguous) {
    RecordHeader first = sample_header();
    first.record_id = "ab";
    first.kind = "c";
    RecordHeader second = sample_header();
    second.record_id = "a";
    second.kind = "bc";
    EXPECT_NE(header_aad(first), header_aad(second));
}

TEST(HeaderAad, EveryFieldChangesTheEncoding) {
    const Bytes base = header_aad(sample_header());
    auto changed = [&](auto mutate) {
        RecordHeader header = sample_header();
        mutate(header);
        return header_aad(header) != base;
    };
    EXPECT_TRUE(changed([](RecordHeader& h) { h.record_id = "r2"; }));
    EXPECT_TRUE(changed([](RecordHeader& h) { h.kind = "journey"; }));
    EXPECT_TRUE(changed([](RecordHeader& h) { h.kiosk_id = "K8"; }));
    EXPECT_TRUE(changed([](RecordHeader& h) { h.key_id = "dk2"; }));
    EXPECT_TRUE(changed([](RecordHeader& h) { h.schema_version = 3; }));
    EXPECT_TRUE(changed([](RecordHeader& h) { h.created_unix_ms = -1; }));
}

TEST(HeaderAad, EmptyFieldsStillEncodeTheirLengths) {
    const Bytes aad = header_aad(RecordHeader{});
    EXPECT_EQ(aad.size(), 1U + 4 * 4 + (4 + 4) + (4 + 8));
    EXPECT_EQ(aad[0], 1);
}

}  // namespace
}  // namespace kiosk::security
