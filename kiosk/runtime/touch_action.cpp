#include "kiosk/runtime/touch_action.hpp"

#include <array>
#include <utility>

namespace kiosk {

namespace {

template <class T>
struct Named {
    std::string_view id;
    T value;
};

constexpr std::array commands{
    Named<TouchCommand>{"cancel", TouchCommand::Cancel},
    Named<TouchCommand>{"continue", TouchCommand::Continue},
    Named<TouchCommand>{"balance", TouchCommand::Balance},
    Named<TouchCommand>{"withdrawal", TouchCommand::Withdrawal},
    Named<TouchCommand>{"mini_statement", TouchCommand::MiniStatement},
    Named<TouchCommand>{"transfer", TouchCommand::Transfer},
    Named<TouchCommand>{"change_pin", TouchCommand::ChangePin},
    Named<TouchCommand>{"other_amount", TouchCommand::OtherAmount},
    Named<TouchCommand>{"cardless", TouchCommand::Cardless},
    Named<TouchCommand>{"receipt_yes", TouchCommand::ReceiptYes},
    Named<TouchCommand>{"receipt_no", TouchCommand::ReceiptNo},
    Named<TouchCommand>{"more_time_yes", TouchCommand::MoreTimeYes},
    Named<TouchCommand>{"more_time_no", TouchCommand::MoreTimeNo},
    Named<TouchCommand>{"another_yes", TouchCommand::AnotherYes},
    Named<TouchCommand>{"another_no", TouchCommand::AnotherNo},
    Named<TouchCommand>{"survey_skip", TouchCommand::SurveySkip},
    Named<TouchCommand>{"survey_done", TouchCommand::SurveyDone},
    Named<TouchCommand>{"report_problem", TouchCommand::ReportProblem},
    Named<TouchCommand>{"complaint_send", TouchCommand::SendComplaint},
};

constexpr std::array languages{
    Named<ui::Language>{"lang_en", ui::Language::English},
    Named<ui::Language>{"lang_zh", ui::Language::SimplifiedChinese},
};

constexpr std::array options{
    Named<flow::SessionOption>{"large_text", flow::SessionOption::LargeText},
    Named<flow::SessionOption>{"high_contrast", flow::SessionOption::HighContrast},
    Named<flow::SessionOption>{"speech", flow::SessionOption::Speech},
};

constexpr std::string_view kAmountPrefix = "amount_";
constexpr std::string_view kAccountPrefix = "account_";
constexpr std::string_view kUsualAmount = "amount_usual";
constexpr std::string_view kCsatPrefix = "survey_csat_";
constexpr std::string_view kNpsPrefix = "survey_nps_";
constexpr std::string_view kReasonPrefix = "survey_reason_";
constexpr std::string_view kComplaintPrefix = "complaint_category_";

template <class T, std::size_t N>
std::optional<T> find_value(const std::array<Named<T>, N>& table, std::string_view id) {
    for (const Named<T>& entry : table) {
        if (entry.id == id) return entry.value;
    }
    return std::nullopt;
}

template <class T, std::size_t N>
std::string find_id(const std::array<Named<T>, N>& table, T value) {
    for (const Named<T>& entry : table) {
        if (entry.value == value) return std::string(entry.id);
    }
    return {};
}

// The index after `prefix`: one or two digits, nothing else.
std::optional<std::size_t> indexed(std::string_view action, std::string_view prefix) {
    if (!action.starts_with(prefix) || action.size() == prefix.size() || action.size() > prefix.size() + 2) {
        return std::nullopt;
    }
    std::size_t index = 0;
    for (const char c : action.substr(prefix.size())) {
        if (c < '0' || c > '9') return std::nullopt;
        index = index * 10 + static_cast<std::size_t>(c - '0');
    }
    return index;
}

template <class... Visitors>
struct Overloaded : Visitors... {
    using Visitors::operator()...;
};
template <class... Visitors>
Overloaded(Visitors...) -> Overloaded<Visitors...>;

}  // namespace

std::optional<TouchAction> parse_touch_action(std::string_view action) {
    if (const auto command = find_value(commands, action)) return TouchAction{*command};
    if (const auto language = find_value(languages, action)) return TouchAction{*language};
    if (const auto option = find_value(options, action)) return TouchAction{*option};
    if (action == kUsualAmount) return TouchAction{UsualAmount{}};
    if (const auto index = indexed(action, kAmountPrefix)) return TouchAction{AmountChoice{*index}};
    if (const auto index = indexed(action, kAccountPrefix)) return TouchAction{AccountChoice{*index}};
    if (const auto score = indexed(action, kCsatPrefix)) return TouchAction{SurveyScore{static_cast<int>(*score)}};
    if (const auto score = indexed(action, kNpsPrefix)) return TouchAction{NpsScore{static_cast<int>(*score)}};
    if (action.starts_with(kReasonPrefix)) {
        if (const auto reason = flow::survey_reason_named(action.substr(kReasonPrefix.size()))) return TouchAction{*reason};
    }
    if (const auto index = indexed(action, kComplaintPrefix)) return TouchAction{ComplaintChoice{*index}};
    return std::nullopt;
}

std::string action_id(const TouchAction& action) {
    const auto numbered = [](std::string_view prefix, std::size_t index) {
        return std::string(prefix) + std::to_string(index);
    };
    return std::visit(Overloaded{
                          [](TouchCommand command) { return find_id(commands, command); },
                          [&](AmountChoice choice) { return numbered(kAmountPrefix, choice.index); },
                          [](UsualAmount) { return std::string(kUsualAmount); },
                          [&](AccountChoice choice) { return numbered(kAccountPrefix, choice.index); },
                          [](ui::Language language) { return find_id(languages, language); },
                          [](flow::SessionOption option) { return find_id(options, option); },
                          [&](SurveyScore given) { return numbered(kCsatPrefix, static_cast<std::size_t>(given.score)); },
                          [&](NpsScore given) { return numbered(kNpsPrefix, static_cast<std::size_t>(given.score)); },
                          [](flow::SurveyReason reason) {
                              return std::string(kReasonPrefix) + std::string(flow::to_string(reason));
                          },
                          [&](ComplaintChoice choice) { return numbered(kComplaintPrefix, choice.index); },
                      },
                      action);
}

flow::Event event_for(TouchCommand command) {
    namespace events = flow::events;
    switch (command) {
        case TouchCommand::Cancel: return events::Cancel{};
        case TouchCommand::Continue: return events::Continue{};
        case TouchCommand::Balance: return events::ChooseBalance{};
        case TouchCommand::Withdrawal: return events::ChooseWithdrawal{};
        case TouchCommand::MiniStatement: return events::ChooseMiniStatement{};
        case TouchCommand::Transfer: return events::ChooseTransfer{};
        case TouchCommand::ChangePin: return events::ChooseChangePin{};
        case TouchCommand::OtherAmount: return events::ChooseOtherAmount{};
        case TouchCommand::Cardless: return events::ChooseCardless{};
        case TouchCommand::ReceiptYes: return events::ReceiptYes{};
        case TouchCommand::ReceiptNo: return events::ReceiptNo{};
        case TouchCommand::MoreTimeYes: return events::MoreTimeYes{};
        case TouchCommand::MoreTimeNo: return events::MoreTimeNo{};
        case TouchCommand::AnotherYes: return events::AnotherYes{};
        case TouchCommand::AnotherNo: return events::AnotherNo{};
        case TouchCommand::SurveySkip: return events::SurveySkip{};
        case TouchCommand::SurveyDone: return events::SurveyDone{};
        case TouchCommand::ReportProblem: return events::ReportProblem{};
        case TouchCommand::SendComplaint: return events::SendComplaint{};
    }
    return events::Cancel{};
}

std::optional<flow::Event> survey_event_for(const TouchAction& action) {
    if (const auto* score = std::get_if<SurveyScore>(&action)) return flow::events::SurveyRated(score->score);
    if (const auto* score = std::get_if<NpsScore>(&action)) return flow::events::NpsRated(score->score);
    if (const auto* reason = std::get_if<flow::SurveyReason>(&action)) return flow::events::SurveyReasonToggled(*reason);
    return std::nullopt;
}

}  // namespace kiosk
