// The diagrams as DOT text, and the committed docs/flow/*.dot against what the table draws now.
#include "kiosk/flow/flow_dot.hpp"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "tests/kiosk/flow_diagram_rows.hpp"

namespace kiosk::flow {
namespace {

using E = EventKind;
using S = StateId;

const std::filesystem::path kDiagramDir = std::filesystem::path(KIOSK_SOURCE_DIR) / "docs" / "flow";

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

std::string read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

TEST(FlowDotTest, CommittedDiagramsAreWhatTheTableDrawsNow) {
    for (const DiagramInfo& info : diagrams()) {
        const std::filesystem::path dot = kDiagramDir / (std::string(info.name) + ".dot");
        ASSERT_TRUE(std::filesystem::exists(dot)) << dot << " is missing: run `make flow-diagram` and commit docs/flow/";
        EXPECT_TRUE(read(dot) == diagram_dot(info.id))
            << dot << " differs from what the transition table draws now: run `make flow-diagram` and commit docs/flow/";
        EXPECT_TRUE(std::filesystem::exists(kDiagramDir / (std::string(info.name) + ".svg")))
            << info.name << ".svg is missing: run `make flow-diagram`";
    }
}

TEST(FlowDotTest, NoCommittedDiagramIsLeftFromAnOldTable) {
    std::set<std::string> known;
    for (const DiagramInfo& info : diagrams()) known.insert(std::string(info.name));
    for (const auto& entry : std::filesystem::directory_iterator(kDiagramDir)) {
        EXPECT_TRUE(known.contains(entry.path().stem().string()))
            << entry.path() << " is no diagram the table draws: run `make flow-diagram`";
    }
}

TEST(FlowDotTest, TheLegendDrawsCancelRedAndTimeoutDashedOnce) {
    const std::string legend = diagram_dot(DiagramId::Legend);
    EXPECT_TRUE(contains(legend, "\"any_interactive_state\" -> \"Closing after any_interactive_state\" "
                                 "[label=\"cancel\", color=\"#8a1c1c\"")) << legend;
    EXPECT_TRUE(contains(legend, "\"any_interactive_state\" -> \"MoreTime\" [label=\"timeout\", style=dashed"));
    EXPECT_TRUE(contains(legend, "\"MoreTime\" -> \"any_interactive_state\" [label=\"more_time_yes\\n[back where it timed out]\""));
    EXPECT_TRUE(contains(legend, "cluster_key"));
}

TEST(FlowDotTest, WithdrawalDrawsNoSharedRowAndLabelsGuardsAndReversals) {
    const std::string withdrawal = diagram_dot(DiagramId::Withdrawal);
    EXPECT_TRUE(contains(withdrawal, "digraph \"withdrawal\""));
    EXPECT_TRUE(contains(withdrawal, "rankdir=TB"));
    EXPECT_FALSE(contains(withdrawal, "label=\"cancel\""));
    EXPECT_FALSE(contains(withdrawal, "MoreTime"));
    EXPECT_TRUE(contains(withdrawal, "\"Dispensing\" -> \"TakeCash\" [label=\"cash_presented\"]")) << withdrawal;
    EXPECT_TRUE(contains(withdrawal, "\"TakeCash\" -> \"Closing after TakeCash\" [label=\"timeout\\nreverse "
                                     "cash_not_taken\", style=dashed, color=\"#a05a00\", penwidth=2.2]"));
    EXPECT_TRUE(contains(withdrawal, "host_approved [cash, card first]"));
    // The shared rules a state follows, under its name; a state drawn elsewhere says where.
    EXPECT_TRUE(contains(withdrawal, "\"WithdrawalAmount\" [label=<WithdrawalAmount<br/>"));
    EXPECT_TRUE(contains(withdrawal, "+ cancel, timeout, report_problem</font>"));
    EXPECT_TRUE(contains(withdrawal, "\"ReceiptChoice after TakeCash\" [style=\"rounded,dashed\""));
    EXPECT_TRUE(contains(withdrawal, "see receipt</font>"));
}

TEST(FlowDotTest, AnEndStateIsDrawnOnceBesideEachStateLeadingToIt) {
    const std::string withdrawal = diagram_dot(DiagramId::Withdrawal);
    for (const std::string_view from : {"Authorizing", "Dispensing", "TakeCash"}) {
        EXPECT_TRUE(contains(withdrawal, "\"Closing after " + std::string(from) + "\" [")) << from;
    }
    EXPECT_FALSE(contains(withdrawal, "\"Closing\""));
    // PinEntry has a row here (the retry), so it is one node.
    EXPECT_TRUE(contains(withdrawal, "\"PinEntry\" -> \"Authorizing\""));
    EXPECT_TRUE(contains(withdrawal, "\"Authorizing\" -> \"PinEntry\""));
}

TEST(FlowDotTest, RowsThatStayInAStateAreListedInsideIt) {
    const std::string pin_change = diagram_dot(DiagramId::PinChange);
    EXPECT_TRUE(contains(pin_change, "stays on pin_digit, pin_clear, pin_backspace</font>"));
    EXPECT_FALSE(contains(pin_change, "\"EnterNewPin\" -> \"EnterNewPin\""));
    EXPECT_TRUE(contains(pin_change, "pin_enter\\nfirst take_new_pin_block"));
}

TEST(FlowDotTest, QuotesAndAngleBracketsInNamesAreEscaped) {
    TransitionRow row = table_row(S::ReceiptChoice, E::ReceiptYes, "printer");
    row.guard_name = "a \"quoted\" <guard>";
    Diagram diagram{DiagramId::Receipt, {DiagramNode{NodeKind::State, S::ReceiptChoice}, DiagramNode{NodeKind::State, S::Printing}},
                    {DiagramEdge{0, 1, EdgeStyle::Plain, false, EdgeLabel::Rows, {&row}}}};
    const std::string dot = diagram_dot(diagram);
    EXPECT_TRUE(contains(dot, "[label=\"receipt_yes [a \\\"quoted\\\" <guard>]\"]")) << dot;
}

}  // namespace
}  // namespace kiosk::flow
