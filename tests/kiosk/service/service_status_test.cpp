// service_status_line: what `systemctl status kiosk` shows, from the fitness monitor's assessment.
#include "kiosk/service/service_status.hpp"

#include <gtest/gtest.h>

namespace kiosk::service {
namespace {

TEST(ServiceStatusTest, ServingWithEverythingIsInService) {
    EXPECT_EQ(service_status_line(ServiceFitness{}), "in service");
}

TEST(ServiceStatusTest, ServingWithoutSomeOffersNamesThem) {
    ServiceFitness fitness;
    fitness.receipts = false;
    fitness.withdrawals = false;
    fitness.cardless = false;
    fitness.problems = {"printer: paper out", "dispenser: not connected"};
    EXPECT_EQ(service_status_line(fitness), "in service without receipts, withdrawals, cardless withdrawals");
}

TEST(ServiceStatusTest, OutOfServiceGivesTheReasonAndEveryProblem) {
    ServiceFitness fitness;
    fitness.out_of_service = flow::OutOfServiceReason::Devices;
    fitness.problems = {"PIN pad: not connected", "sensors: no answer"};
    EXPECT_EQ(service_status_line(fitness),
              "out of service (out_of_service.devices): PIN pad: not connected; sensors: no answer");
    fitness.out_of_service = flow::OutOfServiceReason::HostUnreachable;
    fitness.problems.clear();
    EXPECT_EQ(service_status_line(fitness), "out of service (out_of_service.host_unreachable)");
}

}  // namespace
}  // namespace kiosk::service
