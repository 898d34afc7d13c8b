// espeak-ng really speaks: a short English and Chinese phrase become sound; a missing data
// directory is a clear error, not a crash.
#include "ui/speech/speech_engine.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

namespace kiosk::ui::speech {
namespace {

int peak(const Pcm& pcm) {
    int most = 0;
    for (const std::int16_t sample : pcm.samples) most = std::max(most, std::abs(static_cast<int>(sample)));
    return most;
}

TEST(EspeakEngine, SynthesizesEnglishAndChinese) {
    auto engine = EspeakEngine::open({});
    ASSERT_TRUE(engine.ok()) << engine.error().to_string();
    auto english = (*engine)->synthesize("Please insert your card.", Language::English);
    ASSERT_TRUE(english.ok()) << english.error().to_string();
    EXPECT_GT(english->sample_rate, 8000);
    // Half a second at least, and not silence.
    EXPECT_GT(english->samples.size(), static_cast<std::size_t>(english->sample_rate / 2));
    EXPECT_GT(peak(*english), 1000);
    auto chinese = (*engine)->synthesize("请插入银行卡。", Language::SimplifiedChinese);
    ASSERT_TRUE(chinese.ok()) << chinese.error().to_string();
    EXPECT_GT(chinese->samples.size(), static_cast<std::size_t>(chinese->sample_rate / 2));
    EXPECT_GT(peak(*chinese), 1000);
}

TEST(EspeakEngine, OnlyOneAtATime) {
    auto first = EspeakEngine::open({});
    ASSERT_TRUE(first.ok()) << first.error().to_string();
    auto second = EspeakEngine::open({});
    ASSERT_FALSE(second.ok());
    EXPECT_NE(second.error().message.find("already open"), std::string::npos) << second.error().message;
}

TEST(EspeakEngine, AMissingDataDirectoryIsAClearError) {
    EspeakOptions options;
    options.data_dir = "/nonexistent/espeak-ng-data";
    auto engine = EspeakEngine::open(options);
    ASSERT_FALSE(engine.ok());
    EXPECT_NE(engine.error().message.find("/nonexistent/espeak-ng-data"), std::string::npos) << engine.error().message;
    // And a good one opens after it: the failure left nothing behind.
    EXPECT_TRUE(EspeakEngine::open({}).ok());
}

TEST(EspeakEngine, RateOutsideEspeaksRangeIsRefused) {
    EspeakOptions options;
    options.words_per_minute = 20;
    auto engine = EspeakEngine::open(options);
    ASSERT_FALSE(engine.ok());
    EXPECT_NE(engine.error().message.find("80-450"), std::string::npos) << engine.error().message;
}

}  // namespace
}  // namespace kiosk::ui::speech
