// Recorder over a fake sink: lines go through as given; a sink that refuses is a note, not a stop.
#include "kiosk/runtime/recorder.hpp"

#include <gtest/gtest.h>

#include "tests/kiosk/runtime/runtime_fakes.hpp"

namespace kiosk::test {
namespace {

TEST(Recorder, AJournalLineReachesTheSinkAsGiven) {
    LoopHarness loop;
    loop.recorder.journal("customer", "card_inserted", "success", "card 411111******1111", "detail");
    ASSERT_EQ(loop.sink.events.size(), 1u);
    const auto& line = loop.sink.events[0];
    EXPECT_EQ(line.actor, "customer");
    EXPECT_EQ(line.event, "card_inserted");
    EXPECT_EQ(line.outcome, "success");
    EXPECT_EQ(line.resource, "card 411111******1111");
    EXPECT_EQ(line.detail, "detail");
    EXPECT_TRUE(loop.notes.empty());
}

TEST(Recorder, ARefusedWriteBecomesANoteForEachKindOfRecord) {
    LoopHarness loop;
    loop.sink.answer = make_error("store", "disk full");
    Session session;
    loop.recorder.journal("system", "dispense", "success", "dispenser");
    loop.recorder.transaction(session, TransactionRecord{});
    loop.recorder.journey(session, ui::Language{}, flow::SessionOutcome{});
    ASSERT_EQ(loop.notes.size(), 3u);
    EXPECT_NE(loop.notes[0].find("journal: "), std::string::npos);
    EXPECT_NE(loop.notes[1].find("transaction"), std::string::npos);
    EXPECT_NE(loop.notes[2].find("journey"), std::string::npos);
    for (const auto& note : loop.notes) EXPECT_NE(note.find("disk full"), std::string::npos);
    EXPECT_EQ(loop.sink.transactions, 1);
    EXPECT_EQ(loop.sink.journeys.size(), 1u);
}

}  // namespace
}  // namespace kiosk::test
