// What the complaint screens and the "Report a problem" control show (docs/ui.md § Complaints):
// the header control's state from the flow (offered exactly where the flow takes it), the
// category buttons with the known one marked, what will be sent, the acknowledgement, and the
// main menu's line per earlier report ("Your report KB-… is being handled").
#pragma once

#include <string>
#include <vector>

#include "kiosk/flow/flow_types.hpp"
#include "kiosk/runtime/session.hpp"
#include "ui/view_model.hpp"

namespace kiosk {

// The acknowledgement as the complaint service has it (ComplaintService).
struct ComplaintAck {
    std::string reference;   // empty: not recorded
    std::string qr_text;     // set while the reference is shown as a QR code
    std::string message_key; // complaint.slip_printing / .slip_printed / .scan_qr / .not_recorded
};

// Hidden on the complaint screens themselves and out of service; Available where the flow takes
// ReportProblem now; else Unavailable (the machine is working: reading, authorizing, cash moving).
[[nodiscard]] ui::Offer report_problem_control(const flow::Context& context);

// Buttons and data of the four complaint screens, and CardRetained's "Report it"; other screens
// are left as they are.
void fill_complaint_screen(ui::ViewModel& vm, const flow::Context& context, const Session& session,
                           const ComplaintAck& ack);

// One line per report the customer's profile carries (at most `kMaxStatusLines`, newest first as
// the CRM sends them): "being handled" while received or in progress, "has been resolved" after.
inline constexpr std::size_t kMaxStatusLines = 2;
[[nodiscard]] std::vector<std::string> complaint_status_lines(const Session& session, ui::Language language);

}  // namespace kiosk
