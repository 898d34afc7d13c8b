// NoteLog: a note repeated every tick is logged once a minute with the count of the repeats in
// between; distinct notes are each logged at once.
#include "kiosk/app/note_log.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "sim/virtual_clock.hpp"

namespace kiosk {
namespace {

using namespace std::chrono_literals;

class NoteLogTest : public ::testing::Test {
protected:
    sim::VirtualClock clock_;
    std::vector<std::string> logged_;
    NoteLog log_{clock_, [this](const std::string& line) { logged_.push_back(line); }};
};

TEST_F(NoteLogTest, ANoteRepeatedEveryTickIsLoggedOnceAMinute) {
    for (int tick = 0; tick < 60 * 60; ++tick) {  // one minute at 60 Hz
        log_.note("PIN pad poll failed: disconnected");
        clock_.advance(16ms);
    }
    ASSERT_EQ(logged_.size(), 1U);
    EXPECT_EQ(logged_[0], "PIN pad poll failed: disconnected");
    clock_.advance(5s);
    log_.note("PIN pad poll failed: disconnected");
    ASSERT_EQ(logged_.size(), 2U);
    EXPECT_EQ(logged_[1], "PIN pad poll failed: disconnected (and 3599 times more since it was last logged)");
}

TEST_F(NoteLogTest, DistinctNotesAreEachLogged) {
    log_.note("devices: printer: paper out");
    log_.note("devices: all fit");
    log_.note("devices: printer: paper out");
    EXPECT_EQ(logged_, (std::vector<std::string>{"devices: printer: paper out", "devices: all fit"}));
}

}  // namespace
}  // namespace kiosk
