// For the e2e tests: the simulated CRM opened every record it received (each sealed to its record
// public key, the wraps carried in the batch), and each opened payload is a JSON object. A record
// it could not open would have been rejected, and so missing from received_ids().
#pragma once

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

#include "sim/crm/sim_crm_server.hpp"

namespace kiosk::test {

inline void expect_crm_opened_every_record(const sim::SimCrmServer& crm, const std::vector<std::string>& committed) {
    const std::vector<std::string> received = crm.received_ids();
    std::multiset<std::string> opened_ids;
    for (const sim::OpenedCrmRecord& record : crm.opened_records()) {
        opened_ids.insert(record.record_id);
        const auto payload = nlohmann::json::parse(record.payload_json, nullptr, false);
        EXPECT_TRUE(payload.is_object()) << record.record_id << " opened to something that is not a JSON object";
    }
    EXPECT_EQ(opened_ids, std::multiset<std::string>(received.begin(), received.end()))
        << "the simulated CRM received a record it did not open";
    for (const std::string& id : committed) EXPECT_EQ(opened_ids.count(id), 1U) << id << " not opened once";
}

}  // namespace kiosk::test
