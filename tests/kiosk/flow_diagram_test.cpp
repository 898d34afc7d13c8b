// Each diagram's choice of states and rows from the table.
#include "kiosk/flow/flow_diagram.hpp"

#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "tests/kiosk/flow_diagram_rows.hpp"

namespace kiosk::flow {
namespace {

using E = EventKind;
using S = StateId;

const DiagramNode* node_of(const Diagram& diagram, S state) {
    for (const DiagramNode& node : diagram.nodes) {
        if (node.kind == NodeKind::State && node.state == state) return &node;
    }
    return nullptr;
}

bool draws(const Diagram& diagram, S state) {
    const DiagramNode* node = node_of(diagram, state);
    return node != nullptr && !node->elsewhere;
}

bool has_row(const Diagram& diagram, const TransitionRow& row) {
    const bool on_an_edge = std::any_of(diagram.edges.begin(), diagram.edges.end(), [&](const DiagramEdge& edge) {
        return std::find(edge.rows.begin(), edge.rows.end(), &row) != edge.rows.end();
    });
    const bool inside_a_state = std::any_of(diagram.nodes.begin(), diagram.nodes.end(), [&](const DiagramNode& node) {
        return std::find(node.internal.begin(), node.internal.end(), &row) != node.internal.end();
    });
    return on_an_edge || inside_a_state;
}

bool has_edge(const Diagram& diagram, S from, E on, S to) {
    return std::any_of(diagram.edges.begin(), diagram.edges.end(), [&](const DiagramEdge& edge) {
        return std::any_of(edge.rows.begin(), edge.rows.end(), [&](const TransitionRow* row) {
            return row->from == from && row->on == on && row->to == to;
        });
    });
}

std::size_t shared_rows_in(const Diagram& diagram) {
    std::size_t count = 0;
    for (const DiagramEdge& edge : diagram.edges) {
        count += static_cast<std::size_t>(
            std::count_if(edge.rows.begin(), edge.rows.end(), [](const TransitionRow* row) { return is_shared_row(*row); }));
    }
    return count;
}

TEST(FlowDiagramTest, EachDiagramHasItsOwnNameAndIsFoundByIt) {
    std::set<std::string_view> names;
    for (const DiagramInfo& info : diagrams()) {
        EXPECT_TRUE(names.insert(info.name).second) << info.name;
        EXPECT_EQ(diagram_named(info.name), info.id);
    }
    EXPECT_EQ(names.size(), 12U);
    EXPECT_FALSE(diagram_named("everything").has_value());
}

TEST(FlowDiagramTest, WithdrawalHasTheCashStatesAndNoSharedRows) {
    const Diagram withdrawal = select_diagram(DiagramId::Withdrawal);
    for (const S state : {S::WithdrawalAmount, S::EnterAmount, S::Authorizing, S::ReturningCard, S::Dispensing, S::TakeCash}) {
        EXPECT_TRUE(draws(withdrawal, state)) << to_string(state);
    }
    EXPECT_EQ(shared_rows_in(withdrawal), 0U);
    EXPECT_FALSE(has_row(withdrawal, table_row(S::WithdrawalAmount, E::Cancel)));
    EXPECT_FALSE(has_row(withdrawal, table_row(S::WithdrawalAmount, E::Timeout)));
    // The one cancel drawn is Authorizing's: not a shared rule, since it reverses a withdrawal.
    EXPECT_TRUE(std::all_of(withdrawal.edges.begin(), withdrawal.edges.end(), [&](const DiagramEdge& edge) {
        return edge.style != EdgeStyle::Cancel || (withdrawal.nodes[edge.from].state == S::Authorizing && edge.reverses);
    }));
    EXPECT_TRUE(has_edge(withdrawal, S::MainMenu, E::ChooseWithdrawal, S::WithdrawalAmount));
    EXPECT_TRUE(has_edge(withdrawal, S::TakeCash, E::Timeout, S::Closing));  // not shared: it reverses
    EXPECT_EQ(node_of(withdrawal, S::WithdrawalAmount)->shared,
              (std::vector<SharedRule>{{E::Cancel, S::Closing}, {E::Timeout, S::MoreTime}, {E::ReportProblem, S::Closing}}));
}

TEST(FlowDiagramTest, WithdrawalShowsNeitherTheOtherTransactionsNorTheLegend) {
    const Diagram withdrawal = select_diagram(DiagramId::Withdrawal);
    for (const S state : {S::ShowBalance, S::ShowStatement, S::TransactionDone, S::ChooseFromAccount, S::EnterNewPin,
                          S::CardlessCode, S::MoreTime, S::Printing}) {
        EXPECT_EQ(node_of(withdrawal, state), nullptr) << to_string(state);
    }
    EXPECT_FALSE(has_row(withdrawal, table_row(S::MainMenu, E::ChooseBalance)));
    EXPECT_FALSE(has_row(withdrawal, table_row(S::Authorizing, E::HostUnavailable, "moves no money")));
}

TEST(FlowDiagramTest, TheSurveyDiagramStartsAtClosingWhenOfferedAndEndsAtThankYou) {
    const Diagram survey = select_diagram(DiagramId::Survey);
    for (const S state : {S::Survey, S::SurveyReasons, S::SurveyNps}) EXPECT_TRUE(draws(survey, state)) << to_string(state);
    EXPECT_EQ(node_of(survey, S::Closing)->elsewhere, DiagramId::Overview);
    EXPECT_EQ(node_of(survey, S::ThankYou)->elsewhere, DiagramId::Overview);
    EXPECT_TRUE(has_row(survey, table_row(S::Closing, E::CardTaken, "survey offered")));
    EXPECT_FALSE(has_row(survey, fallback_row(S::Closing, E::CardTaken)));  // the overview's
    EXPECT_TRUE(has_edge(survey, S::Survey, E::SurveyRated, S::SurveyReasons));
    EXPECT_TRUE(has_edge(survey, S::SurveyReasons, E::SurveyDone, S::SurveyNps));
    EXPECT_TRUE(has_edge(survey, S::SurveyNps, E::Timeout, S::ThankYou));
    // "Report a problem" leaves the survey for the complaint diagram's states.
    EXPECT_TRUE(has_edge(survey, S::Survey, E::ReportProblem, S::ComplaintCategory));
    EXPECT_EQ(node_of(survey, S::ComplaintCategory)->elsewhere, DiagramId::Complaint);
    // Nobody else draws the survey: the overview has Closing → ThankYou only.
    const Diagram overview = select_diagram(DiagramId::Overview);
    EXPECT_EQ(node_of(overview, S::Survey), nullptr);
    EXPECT_TRUE(has_row(overview, fallback_row(S::Closing, E::CardTaken)));
}

TEST(FlowDiagramTest, StatesOtherDiagramsDrawAreMarkedWithThatDiagram) {
    const Diagram withdrawal = select_diagram(DiagramId::Withdrawal);
    EXPECT_EQ(node_of(withdrawal, S::MainMenu)->elsewhere, DiagramId::Overview);
    EXPECT_EQ(node_of(withdrawal, S::Closing)->elsewhere, DiagramId::Overview);
    EXPECT_EQ(node_of(withdrawal, S::ReceiptChoice)->elsewhere, DiagramId::Receipt);
    EXPECT_FALSE(node_of(withdrawal, S::TakeCash)->elsewhere.has_value());
}

TEST(FlowDiagramTest, EveryCardTransactionRetriesAWrongPin) {
    for (const DiagramId id : {DiagramId::Withdrawal, DiagramId::Balance, DiagramId::MiniStatement, DiagramId::Transfer,
                               DiagramId::PinChange}) {
        const Diagram diagram = select_diagram(id);
        EXPECT_TRUE(has_row(diagram, table_row(S::PinEntry, E::PinEnter, "retry after wrong PIN"))) << diagram_info(id).name;
        // PinEntry's own rows (the keys, the first entry) are the overview's.
        EXPECT_FALSE(has_row(diagram, table_row(S::PinEntry, E::PinDigit))) << diagram_info(id).name;
    }
}

TEST(FlowDiagramTest, RowsThatStayInAStateAreListedInItNotDrawnAsEdges) {
    const Diagram overview = select_diagram(DiagramId::Overview);
    const DiagramNode* pin_entry = node_of(overview, S::PinEntry);
    ASSERT_NE(pin_entry, nullptr);
    EXPECT_EQ(pin_entry->internal, (std::vector<const TransitionRow*>{&table_row(S::PinEntry, E::PinDigit),
                                                                      &table_row(S::PinEntry, E::PinClear),
                                                                      &table_row(S::PinEntry, E::PinBackspace)}));
    EXPECT_TRUE(std::none_of(overview.edges.begin(), overview.edges.end(),
                             [](const DiagramEdge& edge) { return !edge.rows.empty() && edge.rows.front()->internal; }));
}

TEST(FlowDiagramTest, BalanceMovesNoMoney) {
    const Diagram balance = select_diagram(DiagramId::Balance);
    EXPECT_TRUE(draws(balance, S::ShowBalance));
    EXPECT_EQ(node_of(balance, S::Dispensing), nullptr);
    EXPECT_TRUE(std::none_of(balance.edges.begin(), balance.edges.end(), [](const DiagramEdge& edge) { return edge.reverses; }));
}

TEST(FlowDiagramTest, CardlessStartsAtAttractAndNeverReturnsACard) {
    const Diagram cardless = select_diagram(DiagramId::Cardless);
    EXPECT_TRUE(has_edge(cardless, S::Attract, E::ChooseCardless, S::CardlessCode));
    for (const S state : {S::CardlessCode, S::CardlessPhone, S::WithdrawalAmount, S::Dispensing, S::TakeCash}) {
        EXPECT_TRUE(draws(cardless, state)) << to_string(state);
    }
    EXPECT_EQ(node_of(cardless, S::ReturningCard), nullptr);
    EXPECT_FALSE(has_row(cardless, table_row(S::TakeCash, E::CashTaken, "no receipt, card in")));
}

TEST(FlowDiagramTest, LegendDrawsTheSharedRulesOnceAndMoreTime) {
    const Diagram legend = select_diagram(DiagramId::Legend);
    std::vector<SharedRule> drawn;
    for (const DiagramEdge& edge : legend.edges) {
        if (edge.label != EdgeLabel::SharedRule) continue;
        drawn.push_back(*edge.rule);
        EXPECT_EQ(legend.nodes[edge.from].kind, NodeKind::AnyInteractiveState);
    }
    EXPECT_EQ(drawn, (std::vector<SharedRule>{{E::Cancel, S::Closing}, {E::Timeout, S::MoreTime},
                                              {E::ReportProblem, S::Closing}}));
    EXPECT_TRUE(draws(legend, S::MoreTime));
    EXPECT_TRUE(has_edge(legend, S::MoreTime, E::MoreTimeNo, S::Closing));
    EXPECT_TRUE(has_edge(legend, S::MoreTime, E::Timeout, S::Closing));
    const auto resume = std::find_if(legend.edges.begin(), legend.edges.end(),
                                     [](const DiagramEdge& edge) { return edge.label == EdgeLabel::Resume; });
    ASSERT_NE(resume, legend.edges.end());
    EXPECT_EQ(resume->rows.size(), interactive_states().size());  // one MoreTimeYes row per interactive state
}

TEST(FlowDiagramTest, OverviewHasTheStatesEverySessionPassesAndLinksToEachTransaction) {
    const Diagram overview = select_diagram(DiagramId::Overview);
    std::vector<S> states;
    std::set<DiagramId> links;
    for (const DiagramNode& node : overview.nodes) {
        if (node.kind == NodeKind::State) states.push_back(node.state);
        if (node.kind == NodeKind::DiagramLink) links.insert(*node.elsewhere);
    }
    std::sort(states.begin(), states.end());
    std::vector<S> expected{S::Attract, S::ReadingCard, S::SessionOptions, S::PinEntry, S::MainMenu,
                            S::Closing, S::ThankYou,    S::CardRetained,   S::OutOfService,
                            S::ComplaintCategory,   // the way in from Attract and CardRetained, drawn elsewhere
                            S::ServiceSignIn};      // the service mode's way in, drawn in its own diagram
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(states, expected);
    EXPECT_EQ(node_of(overview, S::ComplaintCategory)->elsewhere, DiagramId::Complaint);
    EXPECT_EQ(node_of(overview, S::ServiceSignIn)->elsewhere, DiagramId::Service);
    EXPECT_EQ(links, (std::set<DiagramId>{DiagramId::Withdrawal, DiagramId::Balance, DiagramId::MiniStatement,
                                          DiagramId::Transfer, DiagramId::PinChange, DiagramId::Cardless}));
}

TEST(FlowDiagramTest, ComplaintDrawsTheReportScreensAndTheWaysInFromClosing) {
    const Diagram complaint = select_diagram(DiagramId::Complaint);
    for (const S state : {S::ComplaintOffer, S::ComplaintCategory, S::ComplaintConfirm, S::ComplaintDone}) {
        EXPECT_TRUE(draws(complaint, state)) << to_string(state);
    }
    EXPECT_TRUE(has_edge(complaint, S::Closing, E::CardTaken, S::ComplaintOffer));
    EXPECT_TRUE(has_edge(complaint, S::Closing, E::CardTaken, S::ComplaintCategory));
    EXPECT_TRUE(has_edge(complaint, S::ComplaintConfirm, E::SendComplaint, S::ComplaintDone));
    EXPECT_FALSE(draws(complaint, S::Closing)) << "Closing is the overview's";
}

TEST(FlowDiagramTest, EveryRowIsDrawnInSomeDiagramOrIsASharedRule) {
    std::vector<Diagram> all;
    for (const DiagramInfo& info : diagrams()) all.push_back(select_diagram(info.id));
    for (const TransitionRow& row : transition_table()) {
        const bool drawn = std::any_of(all.begin(), all.end(), [&](const Diagram& d) { return has_row(d, row); });
        EXPECT_TRUE(drawn || is_shared_row(row))
            << to_string(row.from) << " on " << to_string(row.on) << " [" << row.guard_name << "] is in no diagram";
    }
}

TEST(FlowDiagramTest, EveryGuardedRowHasALabelForItsEdge) {
    for (const TransitionRow& row : transition_table()) {
        EXPECT_EQ(row.guard != nullptr, !row.guard_name.empty()) << to_string(row.from) << " on " << to_string(row.on);
    }
}

TEST(FlowDiagramTest, EachDiagramStaysReadable) {
    for (const DiagramInfo& info : diagrams()) {
        EXPECT_LE(select_diagram(info.id).edges.size(), 30U) << info.name;
    }
}

}  // namespace
}  // namespace kiosk::flow
