#include "kiosk/flow/service_mode.hpp"

namespace kiosk::flow {

std::string_view to_string(ServicePage page) {
    switch (page) {
        case ServicePage::Overview: return "overview";
        case ServicePage::DeviceTests: return "device_tests";
        case ServicePage::Cash: return "cash";
        case ServicePage::Outbox: return "outbox";
        case ServicePage::Journal: return "journal";
        case ServicePage::Keys: return "keys";
        case ServicePage::Network: return "network";
        case ServicePage::Quality: return "quality";
        case ServicePage::About: return "about";
    }
    return "?";
}

std::string_view to_string(ServiceAction action) {
    switch (action) {
        case ServiceAction::PrintTestReceipt: return "print_test_receipt";
        case ServiceAction::ReadTestCard: return "read_test_card";
        case ServiceAction::TestDispense: return "test_dispense";
        case ServiceAction::PinPadKeyTest: return "pin_pad_key_test";
        case ServiceAction::ReadSensors: return "read_sensors";
        case ServiceAction::SpeechTest: return "speech_test";
        case ServiceAction::ResetCardReader: return "reset_card_reader";
        case ServiceAction::ResetDispenser: return "reset_dispenser";
        case ServiceAction::ResetTamper: return "reset_tamper";
        case ServiceAction::ReplenishCash: return "replenish_cash";
        case ServiceAction::PrintBalance: return "print_balance";
        case ServiceAction::UploadNow: return "upload_now";
        case ServiceAction::VerifyJournal: return "verify_journal";
        case ServiceAction::RotateKeys: return "rotate_keys";
        case ServiceAction::ProbeNetwork: return "probe_network";
        case ServiceAction::JournalFailures: return "journal_failures";
        case ServiceAction::JournalCash: return "journal_cash";
        case ServiceAction::JournalCards: return "journal_cards";
        case ServiceAction::JournalService: return "journal_service";
        case ServiceAction::JournalAll: return "journal_all";
    }
    return "?";
}

std::string_view to_string(ServiceRole role) {
    return role == ServiceRole::Supervisor ? "supervisor" : "technician";
}

std::string_view to_string(SignInRefusal refusal) {
    switch (refusal) {
        case SignInRefusal::WrongIdOrPin: return "wrong_id_or_pin";
        case SignInRefusal::Locked: return "locked";
        case SignInRefusal::Unavailable: return "unavailable";
    }
    return "?";
}

std::string_view to_string(ServiceOutcome outcome) {
    switch (outcome) {
        case ServiceOutcome::Passed: return "passed";
        case ServiceOutcome::Failed: return "failed";
        case ServiceOutcome::Refused: return "refused";
    }
    return "?";
}

std::optional<ServiceAction> parse_service_action(std::string_view text) {
    for (int i = 0; i <= static_cast<int>(kLastServiceAction); ++i) {
        const auto action = static_cast<ServiceAction>(i);
        if (to_string(action) == text) return action;
    }
    return std::nullopt;
}

std::optional<ServicePage> parse_service_page(std::string_view text) {
    for (int i = 0; i <= static_cast<int>(kLastServicePage); ++i) {
        const auto page = static_cast<ServicePage>(i);
        if (to_string(page) == text) return page;
    }
    return std::nullopt;
}

ServicePage page_of(ServiceAction action) {
    switch (action) {
        case ServiceAction::PrintTestReceipt:
        case ServiceAction::ReadTestCard:
        case ServiceAction::TestDispense:
        case ServiceAction::PinPadKeyTest:
        case ServiceAction::ReadSensors:
        case ServiceAction::SpeechTest:
        case ServiceAction::ResetCardReader:
        case ServiceAction::ResetDispenser:
        case ServiceAction::ResetTamper: return ServicePage::DeviceTests;
        case ServiceAction::ReplenishCash:
        case ServiceAction::PrintBalance: return ServicePage::Cash;
        case ServiceAction::UploadNow: return ServicePage::Outbox;
        case ServiceAction::VerifyJournal:
        case ServiceAction::JournalFailures:
        case ServiceAction::JournalCash:
        case ServiceAction::JournalCards:
        case ServiceAction::JournalService:
        case ServiceAction::JournalAll: return ServicePage::Journal;
        case ServiceAction::RotateKeys: return ServicePage::Keys;
        case ServiceAction::ProbeNetwork: return ServicePage::Network;
    }
    return ServicePage::Overview;
}

bool supervisor_only(ServiceAction action) { return action == ServiceAction::RotateKeys; }

}  // namespace kiosk::flow
