// The headless output: a valid WAV file that grows with every sound, one log line per utterance,
// volume applied; and the key tone.
#include "ui/speech/speech_output.hpp"

#include <gtest/gtest.h>

#include <unistd.h>
#include <cstdlib>
#include <fstream>
#include <iterator>

#include "ui/speech/key_tone.hpp"

namespace kiosk::ui::speech {
namespace {

std::string read_all(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::uint32_t u32(const std::string& bytes, std::size_t at) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i)
        value |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
    return value;
}
std::uint16_t u16(const std::string& bytes, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(bytes[at]) |
                                      (static_cast<unsigned char>(bytes[at + 1]) << 8));
}

class WavLogOutputTest : public ::testing::Test {
protected:
    std::filesystem::path dir = std::filesystem::temp_directory_path() / ("speech-out-" + std::to_string(::getpid()));
    void TearDown() override { std::filesystem::remove_all(dir); }
};

TEST_F(WavLogOutputTest, WritesAValidWavAndOneLogLinePerUtterance) {
    auto output = WavLogOutput::open(dir / "out/speech.wav", dir / "out/speech.log", 100);
    ASSERT_TRUE(output.ok()) << output.error().to_string();
    const Pcm one{std::vector<std::int16_t>(100, 1000), 22050};
    ASSERT_TRUE((*output)->play(one, "attract", "Welcome.").ok());
    ASSERT_TRUE((*output)->play(key_tone(22050), "enter_pin", "").ok());  // a sound only: not in the log
    ASSERT_TRUE((*output)->play(one, "main_menu", "What would you like to do?").ok());

    const std::string wav = read_all(dir / "out/speech.wav");
    ASSERT_GE(wav.size(), 44U);
    EXPECT_EQ(wav.substr(0, 4), "RIFF");
    EXPECT_EQ(wav.substr(8, 4), "WAVE");
    EXPECT_EQ(wav.substr(12, 4), "fmt ");
    EXPECT_EQ(u16(wav, 20), 1);  // PCM
    EXPECT_EQ(u16(wav, 22), 1);  // mono
    EXPECT_EQ(u32(wav, 24), 22050U);
    EXPECT_EQ(u16(wav, 34), 16);
    EXPECT_EQ(wav.substr(36, 4), "data");
    const std::size_t samples = 200 + key_tone(22050).samples.size();
    EXPECT_EQ(u32(wav, 40), samples * 2);
    EXPECT_EQ(u32(wav, 4), 36 + samples * 2);
    EXPECT_EQ(wav.size(), 44 + samples * 2);
    EXPECT_EQ(u16(wav, 44), 1000);  // the first sample, at full volume

    EXPECT_EQ(read_all(dir / "out/speech.log"), "attract: Welcome.\nmain_menu: What would you like to do?\n");
}

TEST_F(WavLogOutputTest, VolumeScalesTheSamples) {
    auto output = WavLogOutput::open(dir / "speech.wav", dir / "speech.log", 50);
    ASSERT_TRUE(output.ok()) << output.error().to_string();
    ASSERT_TRUE((*output)->play(Pcm{{1000, -1000, 32767}, 22050}, "attract", "Welcome.").ok());
    (*output)->set_volume(10);
    ASSERT_TRUE((*output)->play(Pcm{{1000}, 22050}, "attract", "Welcome.").ok());
    const std::string wav = read_all(dir / "speech.wav");
    EXPECT_EQ(static_cast<std::int16_t>(u16(wav, 44)), 500);
    EXPECT_EQ(static_cast<std::int16_t>(u16(wav, 46)), -500);
    EXPECT_EQ(static_cast<std::int16_t>(u16(wav, 48)), 16383);
    EXPECT_EQ(static_cast<std::int16_t>(u16(wav, 50)), 100);
}

TEST_F(WavLogOutputTest, AnotherSampleRateIsRefused) {
    auto output = WavLogOutput::open(dir / "speech.wav", dir / "speech.log", 100);
    ASSERT_TRUE(output.ok());
    ASSERT_TRUE((*output)->play(Pcm{{1}, 22050}, "attract", "a").ok());
    auto other = (*output)->play(Pcm{{1}, 16000}, "attract", "b");
    ASSERT_FALSE(other.ok());
    EXPECT_NE(other.error().message.find("16000 Hz"), std::string::npos);
}

TEST_F(WavLogOutputTest, AnUnwritablePathIsNamed) {
    auto output = WavLogOutput::open("/proc/speech/out.wav", dir / "speech.log", 100);
    ASSERT_FALSE(output.ok());
    EXPECT_NE(output.error().message.find("/proc/speech"), std::string::npos) << output.error().message;
}

// SDL's dummy audio driver (no sound card here): the device opens at the sound's rate, takes the
// queue, and stop() clears it without error.
TEST(SdlAudioOutput, OpensOnTheFirstSoundAndQueuesIt) {
    ::setenv("SDL_AUDIODRIVER", "dummy", 1);
    auto output = SdlAudioOutput::open("", 70);
    ASSERT_TRUE(output.ok()) << output.error().to_string();
    EXPECT_TRUE((*output)->play(key_tone(22050), "enter_pin", "").ok());
    EXPECT_TRUE((*output)->play(Pcm{std::vector<std::int16_t>(2205, 500), 16000}, "attract", "Welcome.").ok());
    (*output)->stop();
    (*output)->set_volume(10);
    EXPECT_TRUE((*output)->play(key_tone(22050), "enter_pin", "").ok());
    ::unsetenv("SDL_AUDIODRIVER");
}

TEST(KeyTone, IsAShortFadedBeep) {
    const Pcm tone = key_tone(22050);
    EXPECT_EQ(tone.sample_rate, 22050);
    EXPECT_EQ(tone.samples.size(), 1543U);  // 70 ms
    EXPECT_EQ(tone.samples.front(), 0);     // faded in: no click
    int peak = 0;
    for (const std::int16_t s : tone.samples) peak = std::max(peak, std::abs(static_cast<int>(s)));
    EXPECT_GT(peak, 10000);
    EXPECT_LT(peak, 13000);
}

}  // namespace
}  // namespace kiosk::ui::speech
