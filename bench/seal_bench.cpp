// Sealing one CX record (AES-256-GCM, header as AAD) through RecordSealer, against the floor: the
// same AES-256-GCM encryption of the same bytes straight through OpenSSL EVP with no header, no
// IV draw from the OS and no counting. The gap is what our wrapper costs per record.
#include <array>
#include <cstdint>
#include <memory>

#include <benchmark/benchmark.h>
#include <openssl/evp.h>

#include "security/os_random.hpp"
#include "security/record_sealer.hpp"

namespace {

using kiosk::Bytes;
using namespace kiosk::security;

constexpr std::size_t kJourneyBytes = 1024;  // a journey of ~12 screen events as JSON

DataKey bench_key() {
    const Bytes bytes(32, 0x42);
    return DataKey{"dk-bench", SecureBytes(std::span<const std::uint8_t>(bytes))};
}

RecordHeader bench_header() {
    RecordHeader header;
    header.record_id = "6f1c2a9e-4d3b-4a51-9e0f-2b7c8d9e0a1b";
    header.kind = "journey";
    header.kiosk_id = "KIOSK-0042";
    header.schema_version = 1;
    header.created_unix_ms = 1'767'607'200'000;
    return header;
}

void Seal_RecordSealer(benchmark::State& state) {
    RecordSealer sealer(bench_key());
    OsRandom random;
    const Bytes payload(static_cast<std::size_t>(state.range(0)), 0x5a);
    for (auto _ : state) {
        auto sealed = sealer.seal(bench_header(), payload, random);
        if (!sealed) state.SkipWithError("seal failed");
        benchmark::DoNotOptimize(sealed);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(Seal_RecordSealer)->Arg(kJourneyBytes)->Arg(16 * 1024);

void Baseline_EvpAesGcm(benchmark::State& state) {
    const std::array<unsigned char, 32> key{};
    const std::array<unsigned char, 12> iv{};
    const Bytes payload(static_cast<std::size_t>(state.range(0)), 0x5a);
    Bytes out(payload.size());
    std::array<unsigned char, 16> tag{};
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    for (auto _ : state) {
        int length = 0;
        bool ok = EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.data(), iv.data()) == 1 &&
                  EVP_EncryptUpdate(ctx.get(), out.data(), &length, payload.data(), static_cast<int>(payload.size())) == 1 &&
                  EVP_EncryptFinal_ex(ctx.get(), out.data() + length, &length) == 1 &&
                  EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, 16, tag.data()) == 1;
        if (!ok) state.SkipWithError("EVP failed");
        benchmark::DoNotOptimize(out.data());
        benchmark::DoNotOptimize(tag.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(Baseline_EvpAesGcm)->Arg(kJourneyBytes)->Arg(16 * 1024);

}  // namespace
