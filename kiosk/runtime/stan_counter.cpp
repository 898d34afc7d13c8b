#include "kiosk/runtime/stan_counter.hpp"

#include <charconv>
#include <string>

#include "store/kv_store.hpp"

namespace kiosk {

namespace {
constexpr const char* kKey = "host.last_stan";
}

Result<std::uint32_t> StanCounter::next() {
    store::KvStore kv(*database_);
    auto stored = kv.get(kKey);
    if (!stored.ok()) return stored.error();
    std::uint32_t last = 0;
    if (stored->has_value()) {
        const std::string& text = **stored;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), last);
        if (error != std::errc{} || end != text.data() + text.size() || last > max_stan) {
            return make_error("stan", "stored last STAN is not a number in 0-999999");
        }
    }
    const std::uint32_t stan = last >= max_stan ? 1 : last + 1;
    KIOSK_TRY(kv.put(kKey, std::to_string(stan)));
    return stan;
}

}  // namespace kiosk
