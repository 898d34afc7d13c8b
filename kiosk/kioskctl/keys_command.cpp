// `kioskctl keys status`: which keys the keys file holds and whether its mode is owner-only.
// Only names leave KeyFile; the key bytes stay in its wiped buffers and are never printed.
#include <array>
#include <stdexcept>
#include <string>
#include <system_error>

#include <CLI/CLI.hpp>

#include "kiosk/kioskctl/commands.hpp"
#include "kiosk/kioskctl/display_text.hpp"
#include "security/key_file.hpp"

namespace kiosk::kioskctl {
namespace {

std::string octal(std::filesystem::perms permissions) {
    const auto bits = static_cast<unsigned>(permissions) & 0777U;
    std::string digits = "0";
    for (int shift = 6; shift >= 0; shift -= 3) digits.push_back(static_cast<char>('0' + ((bits >> shift) & 7U)));
    return digits;
}

bool owner_only(std::filesystem::perms permissions) {
    using std::filesystem::perms;
    return (permissions & (perms::group_all | perms::others_all)) == perms::none;
}

}  // namespace

int run_keys_status(const KioskConfig& config, Streams io) {
    const std::filesystem::path path = config.keys_path();
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (!std::filesystem::exists(status)) {
        report_error(io.err, "keys file " + path.string() + " not found (check kiosk.data_dir in the config)");
        return kExitFailure;
    }
    io.out << "keys file: " << path.string() << '\n'
           << "mode:      " << octal(status.permissions())
           << (owner_only(status.permissions()) ? " (owner only)" : " (group/world-accessible: the kiosk refuses it)")
           << '\n';

    // load() checks the mode and every line again, exactly as the kiosk does at start-up; its
    // messages name the file and line, never key text.
    security::KeyFile keys;
    try {
        keys = security::KeyFile::load(path);
    } catch (const std::runtime_error& failure) {
        report_error(io.err, failure.what());
        return kExitFailure;
    }
    const std::vector<std::string> names = keys.names();
    io.out << "keys:      ";
    if (names.empty()) io.out << "none";
    for (std::size_t i = 0; i < names.size(); ++i) io.out << (i == 0 ? "" : ", ") << safe_text(names[i]);
    io.out << '\n';

    std::string missing;
    for (const std::string_view required : {security::kKekKeyName, security::kPanTokenKeyName}) {
        if (!keys.key(required)) missing += (missing.empty() ? "" : ", ") + std::string(required);
    }
    if (!missing.empty()) io.out << "missing:   " << missing << " (the kiosk needs both kek and pan-token)\n";
    return kExitOk;
}

void register_keys_commands(CLI::App& app, ToolContext& tool) {
    CLI::App* keys = app.add_subcommand("keys", "The keys file");
    keys->add_subcommand("status", "Key names in the keys file and its mode (never key bytes)")->callback([&tool] {
        tool.exit_code = with_config(tool, [&tool](const KioskConfig& config) { return run_keys_status(config, tool.io); });
    });
}

}  // namespace kiosk::kioskctl
