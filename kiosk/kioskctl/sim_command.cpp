// `kioskctl sim …`: talks to a running `kiosk --sim` over its control socket — device status,
// playing the customer (insert a deck card, press PIN-pad keys, take the card, cash or receipt) and
// injecting or clearing faults. Each command is one request and one reply (sim/control/).
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "kiosk/kioskctl/commands.hpp"
#include "kiosk/kioskctl/display_text.hpp"
#include "sim/control/control_client.hpp"

namespace kiosk::kioskctl {

namespace {

using nlohmann::json;

std::string text_of(const json& value) { return value.is_string() ? safe_text(value.get<std::string>()) : safe_text(value.dump()); }

// One line per device: "printer: hardwareError (hardware error, action maintenance: paper out); paper out".
void print_devices(const json& devices, std::ostream& out) {
    for (const json& device : devices) {
        out << text_of(device.value("device", json("?"))) << ": " << text_of(device.value("state", json("?")));
        if (device.contains("error") && device["error"].is_object()) {
            const json& error = device["error"];
            out << " (" << text_of(error.value("type", json("?"))) << " error, action "
                << text_of(error.value("action", json("?")));
            const std::string description = error.value("description", std::string());
            if (!description.empty()) out << ": " << safe_text(description);
            out << ")";
        }
        if (device.contains("details") && device["details"].is_object()) {
            std::string details;
            for (const auto& [name, value] : device["details"].items()) {
                details += (details.empty() ? "" : ", ") + safe_text(name) + " " + text_of(value);
            }
            if (!details.empty()) out << "; " << details;
        }
        out << '\n';
    }
}

void print_reply(const sim::ControlRequest& request, const json& reply, std::ostream& out) {
    switch (request.command) {
        case sim::ControlCommand::status: print_devices(reply.value("devices", json::array()), out); break;
        case sim::ControlCommand::insertCard: out << "inserted " << safe_text(request.card) << '\n'; break;
        case sim::ControlCommand::press: out << "pressed " << reply.value("pressed", 0) << " keys\n"; break;
        case sim::ControlCommand::takeCard: out << "card taken\n"; break;
        case sim::ControlCommand::takeCash:
            out << "notes taken, worth " << reply.value("value_minor_units", 0) << " minor units\n";
            break;
        case sim::ControlCommand::takeReceipt: {
            // Line by line: each line is made safe, the line breaks are the receipt's own.
            std::istringstream lines(reply.value("receipt", std::string()));
            for (std::string line; std::getline(lines, line);) out << safe_text(line) << '\n';
            break;
        }
        case sim::ControlCommand::fault:
            out << safe_text(request.device) << " " << safe_text(request.fault) << ": "
                << (request.mode == sim::FaultMode::off ? "off" : request.mode == sim::FaultMode::always ? "on, permanent" : "on, next operation")
                << '\n';
            break;
        case sim::ControlCommand::clearFaults: out << "every fault cleared\n"; break;
        case sim::ControlCommand::headset: out << (request.plugged ? "headset plugged in\n" : "headset unplugged\n"); break;
    }
}

}  // namespace


int run_sim_request(const std::filesystem::path& socket, const sim::ControlRequest& request, Streams io) {
    auto reply = sim::send_control_request(socket, request);
    if (!reply) {
        report_error(io.err, reply.error().message);
        return kExitUnavailable;
    }
    if (!reply->value("ok", false)) {
        report_error(io.err, "the kiosk refused `sim " + std::string(sim::to_string(request.command)) +
                                 "`: " + text_of(reply->value("error", json("no reason given"))));
        return kExitFailure;
    }
    print_reply(request, *reply, io.out);
    return kExitOk;
}

int run_sim_status(const std::filesystem::path& socket, Streams io) {
    return run_sim_request(socket, sim::ControlRequest{}, io);
}

void register_sim_commands(CLI::App& app, ToolContext& tool) {
    CLI::App* sim = app.add_subcommand("sim", "A running `kiosk --sim`, over its control socket");
    auto socket = std::make_shared<std::filesystem::path>();
    auto request = std::make_shared<sim::ControlRequest>();
    auto keys = std::make_shared<std::vector<std::string>>();

    const auto leaf = [&tool, sim, socket, request](const char* name, const char* help, sim::ControlCommand command) {
        CLI::App* sub = sim->add_subcommand(name, help);
        sub->add_option("--socket", *socket, "Control socket (default: <data_dir>/control.sock)");
        sub->callback([&tool, socket, request, command] {
            request->command = command;
            tool.exit_code = with_config(tool, [&tool, socket, request](const KioskConfig& config) {
                return run_sim_request(socket->empty() ? config.control_socket_path() : *socket, *request, tool.io);
            });
        });
        return sub;
    };

    leaf("status", "Every simulated device's state, error and media/unit details", sim::ControlCommand::status);
    leaf("insert-card", "Insert a deck card (sim/devices/card_deck.cpp) into the slot", sim::ControlCommand::insertCard)
        ->add_option("card", request->card, "Deck card id, e.g. visa-alice")
        ->required();
    CLI::App* press = leaf("press",
                           "Press PIN-pad keys: digits, enter, clear, backspace, cancel, f1-f8, repeat, volume-up, "
                           "volume-down",
                           sim::ControlCommand::press);
    press->add_option("keys", *keys, "Keys, e.g. 1234 enter")->required();
    press->parse_complete_callback([request, keys] {
        request->keys.clear();
        for (const std::string& word : *keys) request->keys += (request->keys.empty() ? "" : " ") + word;
    });
    leaf("take-card", "Take the ejected card from the gate", sim::ControlCommand::takeCard);
    CLI::App* headset = leaf("headset", "Plug headphones into the audio jack (in) or pull them out (out)",
                             sim::ControlCommand::headset);
    headset->add_option_function<std::string>(
                "state", [request](const std::string& state) { request->plugged = state == "in"; },
                "in or out")
        ->required()
        ->check(CLI::IsMember({"in", "out"}));
    leaf("take-cash", "Take the presented notes", sim::ControlCommand::takeCash);
    leaf("take-receipt", "Take the oldest receipt not yet taken and print its text", sim::ControlCommand::takeReceipt);

    CLI::App* fault = leaf("fault", "Inject a fault: <device> <fault> [--next|--permanent|--off]", sim::ControlCommand::fault);
    fault->add_option("device", request->device, "card-reader, pin-pad, printer, dispenser or sensors")->required();
    fault->add_option("fault", request->fault, "e.g. paper-out-mid-receipt, jam-on-eject, note-jam, unplugged")->required();
    auto permanent = fault->add_flag_callback("--permanent", [request] { request->mode = sim::FaultMode::always; },
                                              "Every operation until cleared");
    auto next = fault->add_flag_callback("--next", [request] { request->mode = sim::FaultMode::once; },
                                         "The next operation only (the default)");
    auto off = fault->add_flag_callback("--off", [request] { request->mode = sim::FaultMode::off; }, "Switch it off");
    permanent->excludes(next)->excludes(off);
    next->excludes(off);
    fault->add_option("--cassette", request->cassette, "Dispenser faults: cassette number, from 0");
    fault->add_option("--after", request->after, "Lines printed, or notes picked, before the fault strikes");
    leaf("clear-faults", "Switch every fault off and plug every device back in", sim::ControlCommand::clearFaults);
}

}  // namespace kiosk::kioskctl
