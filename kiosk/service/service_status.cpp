#include "kiosk/service/service_status.hpp"

#include <vector>

#include "kiosk/flow/close_reason.hpp"

namespace kiosk::service {

namespace {

std::string joined(const std::vector<std::string>& parts, const char* separator) {
    std::string text;
    for (const std::string& part : parts) text += (text.empty() ? "" : separator) + part;
    return text;
}

}  // namespace

std::string service_status_line(const ServiceFitness& fitness) {
    if (fitness.out_of_service) {
        std::string line =
            "out of service (" + flow::i18n_key(flow::Reason(*fitness.out_of_service)) + ")";
        if (!fitness.problems.empty()) line += ": " + joined(fitness.problems, "; ");
        return line;
    }
    std::vector<std::string> missing;
    if (!fitness.cards) missing.emplace_back("cards");
    if (!fitness.receipts) missing.emplace_back("receipts");
    if (!fitness.withdrawals) missing.emplace_back("withdrawals");
    if (!fitness.cardless) missing.emplace_back("cardless withdrawals");
    return missing.empty() ? "in service" : "in service without " + joined(missing, ", ");
}

}  // namespace kiosk::service
