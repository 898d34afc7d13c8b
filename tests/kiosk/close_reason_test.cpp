// Close reasons: every typed reason gives the ui the i18n key it has always shown.
#include "kiosk/flow/close_reason.hpp"

#include <map>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace kiosk::flow {
namespace {

using host::ResponseCode;

TEST(CloseReason, EveryReasonHasItsI18nKey) {
    const std::map<CloseReason, std::string> expected{
        {CloseReason::Cancelled, "session.cancelled"},
        {CloseReason::TimedOut, "session.timed_out"},
        {CloseReason::CardUnreadable, "card.unreadable"},
        {CloseReason::PinWrong, "pin.wrong"},
        {CloseReason::PinTriesExceeded, "pin.tries_exceeded"},
        {CloseReason::Declined, "decline.system_error"},  // a decline without its code (never made by the flow)
        {CloseReason::HostUnavailable, "decline.host_unavailable"},
        {CloseReason::ReceiptFailed, "receipt.failed"},
        {CloseReason::CardNotTaken, "card.not_taken"},
        {CloseReason::CardJammed, "card.jammed"},
        {CloseReason::AmountNotMultiple, "amount.not_multiple"},
        {CloseReason::AmountTooLarge, "amount.too_large"},
        {CloseReason::AmountInvalid, "amount.invalid"},
        {CloseReason::NewPinMismatch, "new_pin.mismatch"},
        {CloseReason::DispenseFailed, "cash.dispense_failed"},
        {CloseReason::CashNotTaken, "cash.not_taken"},
        {CloseReason::OutOfServiceDevices, "out_of_service.devices"},
        {CloseReason::OutOfServiceTamper, "out_of_service.tamper"},
        {CloseReason::OutOfServiceHostUnreachable, "out_of_service.host_unreachable"},
        {CloseReason::OutOfServiceStorageFull, "out_of_service.storage_full"},
        {CloseReason::OutOfServiceSelfTest, "out_of_service.self_test"},
    };
    ASSERT_EQ(all_close_reasons().size(), expected.size());
    std::set<std::string> keys;
    for (const CloseReason reason : all_close_reasons()) {
        ASSERT_TRUE(expected.contains(reason)) << static_cast<int>(reason);
        EXPECT_EQ(i18n_key(reason), expected.at(reason));
        EXPECT_TRUE(keys.insert(i18n_key(reason)).second) << i18n_key(reason);
    }
}

TEST(CloseReason, ADeclineNamesTheHostsResponseCode) {
    EXPECT_EQ(i18n_key(Reason::declined(ResponseCode::InsufficientFunds)), "decline.insufficient_funds");
    EXPECT_EQ(i18n_key(Reason::declined(ResponseCode::InvalidOneTimeCode)), "decline.invalid_one_time_code");
    for (int code = 0; code <= static_cast<int>(ResponseCode::SystemError); ++code) {
        const auto response = static_cast<ResponseCode>(code);
        const Reason declined = Reason::declined(response);
        EXPECT_EQ(declined.kind(), CloseReason::Declined);
        EXPECT_EQ(declined.response(), response);
        EXPECT_EQ(i18n_key(declined), "decline." + std::string(host::to_string(response)));
    }
    EXPECT_NE(Reason::declined(ResponseCode::WrongPin), Reason::declined(ResponseCode::ExpiredCard));
    EXPECT_FALSE(Reason(CloseReason::Cancelled).response().has_value());
}

TEST(CloseReason, AmountRefusalsAndOutOfServiceReasonsAreCloseReasons) {
    EXPECT_EQ(Reason(AmountRefusal::NotMultiple), CloseReason::AmountNotMultiple);
    EXPECT_EQ(Reason(AmountRefusal::TooLarge), CloseReason::AmountTooLarge);
    EXPECT_EQ(Reason(AmountRefusal::Invalid), CloseReason::AmountInvalid);
    EXPECT_EQ(Reason(OutOfServiceReason::Devices), CloseReason::OutOfServiceDevices);
    EXPECT_EQ(Reason(OutOfServiceReason::Tamper), CloseReason::OutOfServiceTamper);
    EXPECT_EQ(Reason(OutOfServiceReason::HostUnreachable), CloseReason::OutOfServiceHostUnreachable);
    EXPECT_EQ(Reason(OutOfServiceReason::StorageFull), CloseReason::OutOfServiceStorageFull);
    EXPECT_EQ(i18n_key(OutOfServiceReason::Tamper), "out_of_service.tamper");
}

TEST(CloseReason, PrintsAsItsKey) {
    std::ostringstream out;
    out << Reason::declined(ResponseCode::LimitExceeded);
    EXPECT_EQ(out.str(), "decline.limit_exceeded");
}

}  // namespace
}  // namespace kiosk::flow
