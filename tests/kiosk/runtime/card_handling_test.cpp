// CardHandling with a fake reader: the read fills the session (never the full PAN in notes or the
// journal), failures post their events, and polls map the reader's events without piling up.
#include "kiosk/runtime/card_handling.hpp"

#include <gtest/gtest.h>

#include "tests/kiosk/runtime/runtime_fakes.hpp"

namespace kiosk::test {
namespace {

using flow::EventKind;

class CardHandlingTest : public ::testing::Test {
protected:
    LoopHarness loop;
    CallLog log;
    FakeCardReader reader{log};
    CardReaderWorker worker{"card reader", reader, loop.mailbox, loop.clock};
    Bytes key = Bytes(32, 0x42);
    security::PanTokenizer tokenizer{ByteView(key.data(), key.size())};
    Session session;
    CardHandling card{loop.ports(), worker, session, tokenizer};

    void settle() { loop.settle(worker); }
    bool anything_mentions_pan() const {
        for (const auto& note : loop.notes) if (note.find(test_pan()) != std::string::npos) return true;
        for (const auto& line : loop.sink.events) {
            for (const auto* text : {&line.outcome, &line.resource, &line.detail}) {
                if (text->find(test_pan()) != std::string::npos) return true;
            }
        }
        return false;
    }
};

TEST_F(CardHandlingTest, AGoodReadFillsTheSessionAndPostsCardReadOk) {
    reader.tracks = test_tracks();
    card.read_card();
    settle();
    ASSERT_EQ(loop.kinds(), std::vector<EventKind>{EventKind::CardReadOk});
    EXPECT_TRUE(session.pan.view() == test_pan());
    EXPECT_EQ(session.masked_pan, security::mask_pan(test_pan()));
    EXPECT_EQ(session.pan_token, tokenizer.token(test_pan()));
    EXPECT_FALSE(session.pan_token.empty());
    EXPECT_EQ(session.number, 1u);
    EXPECT_EQ(card.sessions_started(), 1u);
    const auto* journal = loop.sink.find("card_inserted");
    ASSERT_NE(journal, nullptr);
    EXPECT_EQ(journal->outcome, "success");
    EXPECT_FALSE(anything_mentions_pan());
}

TEST_F(CardHandlingTest, AnUnreadableCardPostsCardReadFailedAndIsJournaled) {
    reader.read_answer = make_error("card reader", "no stripe data");
    card.read_card();
    settle();
    ASSERT_EQ(loop.kinds(), std::vector<EventKind>{EventKind::CardReadFailed});
    const auto* journal = loop.sink.find("card_inserted");
    ASSERT_NE(journal, nullptr);
    EXPECT_NE(journal->outcome.find("failure"), std::string::npos);
    EXPECT_FALSE(session.has_card());
}

TEST_F(CardHandlingTest, MalformedTracksPostCardReadFailedWithoutTheTrackText) {
    reader.tracks = drivers::RawTracks{SecureString(""), SecureString(";" + test_pan() + "?")};  // no separator
    card.read_card();
    settle();
    EXPECT_EQ(loop.kinds(), std::vector<EventKind>{EventKind::CardReadFailed});
    EXPECT_FALSE(anything_mentions_pan());
}

TEST_F(CardHandlingTest, AnEjectFailurePostsCardEjectFailed) {
    reader.eject_answer = make_error("card reader", "jammed");
    card.eject();
    settle();
    EXPECT_EQ(loop.kinds(), std::vector<EventKind>{EventKind::CardEjectFailed});
}

TEST_F(CardHandlingTest, ASuccessfulEjectPostsNothingUntilTheCardIsTaken) {
    card.eject();
    settle();
    EXPECT_TRUE(loop.posted.empty());
}

TEST_F(CardHandlingTest, PollMapsInsertedTakenAndJammed) {
    reader.events.push_back({drivers::CardReaderEvent::inserted, drivers::CardReaderEvent::taken,
                             drivers::CardReaderEvent::jammed});
    card.poll();
    settle();
    EXPECT_EQ(loop.kinds(),
              (std::vector<EventKind>{EventKind::CardInserted, EventKind::CardTaken, EventKind::CardEjectFailed}));
}

TEST_F(CardHandlingTest, APollIsNotSubmittedAgainWhileOneIsOutstanding) {
    reader.gate.close();
    card.poll();
    ASSERT_TRUE(reader.gate.wait_entered(1));
    card.poll();
    card.poll();
    EXPECT_EQ(worker.outstanding_count(), 1u);
    reader.gate.open();
    settle();
    EXPECT_EQ(log.count("card.poll"), 1);
    card.poll();  // answered: the next one goes
    settle();
    EXPECT_EQ(log.count("card.poll"), 2);
}

TEST_F(CardHandlingTest, RetainJournalsTheMaskedCardAndTheReason) {
    reader.tracks = test_tracks();
    card.read_card();
    settle();
    card.retain("pin tries exceeded");
    settle();
    const auto* journal = loop.sink.find("card_retained");
    ASSERT_NE(journal, nullptr);
    EXPECT_EQ(journal->outcome, "success");
    EXPECT_EQ(journal->resource, "card " + session.masked_pan);
    EXPECT_EQ(journal->detail, "pin tries exceeded");
    EXPECT_FALSE(anything_mentions_pan());
}

}  // namespace
}  // namespace kiosk::test
