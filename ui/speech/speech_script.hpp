// What the kiosk says for a screen (docs/ui.md § Speech): a pure function of the view-model, in the
// view-model's language, built from the same i18n strings the screen shows — title, instruction,
// notices, amounts and balances, and each choice with the PIN-pad key that chooses it, in ui::shown_buttons() order.
// Privacy: never a PIN digit, never a PAN (not even masked), never a typed code or phone number:
// entry fields are spoken as "N digits entered".
#pragma once

#include <cstddef>
#include <span>
#include <string>

#include "ui/view_model.hpp"
#include "ui/viewport.hpp"

namespace kiosk::ui::speech {

// How the choice at `index` (0-based, in shown_buttons() order) is named: the key that chooses it
// (ui/key_map.hpp), "Press 1" / "请按1", or "Press F6" where no digit chooses; empty for a choice
// no key chooses (a disabled one), which is then only named. `viewport`: the panel the pad's
// function keys sit beside, as the key map takes it.
[[nodiscard]] std::string choice_key_label(const ViewModel& vm, std::size_t index, const Viewport& viewport = {});

// The whole utterance for `vm` as shown on `viewport`: one line of text, no line breaks.
[[nodiscard]] std::string speech_script(const ViewModel& vm, const Viewport& viewport = {});

// A printed receipt read aloud on request: its lines, without any that carries a card number
// (a line holding '*' — the masked PAN — is left out) or is only decoration.
[[nodiscard]] std::string receipt_script(std::span<const std::string> lines, Language language);

}  // namespace kiosk::ui::speech
