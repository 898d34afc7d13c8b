// A scriptable profile source for the profile channel's and the runtime's tests: its answer is
// set by the test, and a gate holds a call (a CRM that stalls) until the test opens it.
#pragma once

#include <mutex>

#include "kiosk/runtime/profile_source.hpp"
#include "tests/kiosk/runtime/runtime_fakes.hpp"

namespace kiosk::test {

class FakeProfileSource final : public ProfileSource {
public:
    Result<std::optional<CustomerProfile>> fetch(std::string_view) override {
        gate.enter();
        const std::lock_guard lock(mutex);
        ++calls;
        return answer;
    }

    std::mutex mutex;
    Gate gate;
    int calls = 0;
    Result<std::optional<CustomerProfile>> answer{std::optional<CustomerProfile>{}};
};

// Chinese, large text, a usual amount of CNY 500, an offer: a profile that changes what a visit looks like.
inline CustomerProfile chinese_senior_profile() {
    CustomerProfile profile;
    profile.language = ui::Language::SimplifiedChinese;
    profile.accessibility = AccessibilityPreferences{true, false, false};
    profile.favourite_withdrawal = Money{500'00, "CNY", 2};
    profile.segment = "senior";
    profile.offer = ProfileOffer{"fx-2026-12", "Travel money without fees this month", "本月购汇免手续费"};
    return profile;
}

}  // namespace kiosk::test
