#include "kiosk/runtime/complaint_screens.hpp"

#include "kiosk/flow/flow_table.hpp"
#include "kiosk/runtime/complaint_service.hpp"
#include "kiosk/runtime/touch_action.hpp"
#include "ui/i18n.hpp"

namespace kiosk {

namespace {

bool is_complaint_state(flow::StateId state) {
    return state == flow::StateId::ComplaintOffer || state == flow::StateId::ComplaintCategory ||
           state == flow::StateId::ComplaintConfirm || state == flow::StateId::ComplaintDone;
}

ui::Button button(const TouchAction& action, std::string label_key) {
    return ui::Button{action_id(action), std::move(label_key), true, false};
}

}  // namespace

ui::Offer report_problem_control(const flow::Context& context) {
    if (is_complaint_state(context.state) || context.state == flow::StateId::OutOfService) return ui::Offer::Hidden;
    return flow::takes(context, flow::events::ReportProblem{}) ? ui::Offer::Available : ui::Offer::Unavailable;
}

void fill_complaint_screen(ui::ViewModel& vm, const flow::Context& context, const Session& session,
                           const ComplaintAck& ack) {
    const ui::Button cancel = button(TouchCommand::Cancel, "action.cancel");
    switch (vm.screen) {
        case ui::ScreenId::CardRetained:
            // The card was kept: the report is offered on the spot (the visit that knew it has ended).
            if (flow::takes(context, flow::events::ReportProblem{})) {
                vm.buttons = {button(TouchCommand::ReportProblem, "complaint.report_it")};
            }
            break;
        case ui::ScreenId::ComplaintOffer:
            // message_key stays the failure's reason: the customer sees what the kiosk saw.
            vm.buttons = {button(TouchCommand::Cancel, "complaint.no_thanks"),
                          button(TouchCommand::ReportProblem, "complaint.report_it")};
            break;
        case ui::ScreenId::ComplaintCategory:
            vm.message_key.clear();
            vm.buttons.clear();
            for (std::size_t i = 0; i < flow::kComplaintCategories.size(); ++i) {
                const flow::ComplaintCategory category = flow::kComplaintCategories[i];
                ui::Button choice = button(ComplaintChoice{i}, std::string(flow::i18n_key(category)));
                choice.marked = context.complaint_category == category;
                vm.buttons.push_back(std::move(choice));
            }
            vm.buttons.push_back(cancel);
            break;
        case ui::ScreenId::ComplaintConfirm: {
            vm.message_key.clear();
            const flow::ComplaintCategory category = context.complaint_category.value_or(flow::ComplaintCategory::Other);
            const ComplaintReport report = complaint_report_of(category, context, session);
            vm.facts.push_back({"complaint.fact.category", std::string(flow::i18n_key(category)), std::nullopt, ""});
            vm.facts.push_back({"complaint.fact.transaction", report.transaction_reference.empty() ? "complaint.fact.none" : "",
                                std::nullopt, report.transaction_reference});
            if (report.amount) vm.facts.push_back({"complaint.fact.amount", "", report.amount, ""});
            vm.buttons = {cancel, button(TouchCommand::ReportProblem, "complaint.change"),
                          button(TouchCommand::SendComplaint, "complaint.send")};
            break;
        }
        case ui::ScreenId::ComplaintDone:
            vm.message_key = ack.message_key;
            vm.receipt_reference = ack.reference;
            vm.qr_text = ack.qr_text;
            vm.buttons = {button(TouchCommand::Continue, "action.continue")};
            break;
        default: break;
    }
}

std::vector<std::string> complaint_status_lines(const Session& session, ui::Language language) {
    std::vector<std::string> lines;
    for (const ComplaintStatus& complaint : session.complaints) {
        if (lines.size() == kMaxStatusLines) break;
        const char* key =
            complaint.state == ComplaintState::Resolved ? "menu.complaint_resolved" : "menu.complaint_in_progress";
        lines.push_back(ui::fill(ui::translate(key, language), complaint.reference));
    }
    return lines;
}

}  // namespace kiosk
