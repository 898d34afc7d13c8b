// Personalization: what a customer profile changes in a visit, decided in one place. The profile
// arrives while the visit goes on (profile_channel.hpp), usually on the session-options screen:
//  * language: the session switches to the preferred one, unless the customer chose a language
//    themselves on this visit, or has already been shown the main menu (a screen does not change
//    language under someone reading it);
//  * accessibility: the options the profile asks for are switched on (never off), unless the
//    customer has set options themselves on this visit; before the main menu, as the language;
//  * the usual amount, small notes, the offer line, complaint statuses and the segment are taken
//    whenever the profile arrives in time — the segment is recorded with the visit and decides
//    nothing (no customer gets a slower path or fewer choices because of it).
#pragma once

#include "kiosk/flow/flow_types.hpp"
#include "kiosk/runtime/customer_profiles.hpp"
#include "kiosk/runtime/session.hpp"

namespace kiosk {

// What the customer has done on this visit that a profile must not undo.
struct CustomerChoices {
    bool language_chosen = false;
    bool options_chosen = false;
    bool menu_shown = false;
};

struct PersonalizationResult {
    bool language_changed = false;
    bool accessibility_changed = false;
};

PersonalizationResult personalize(const CustomerProfile& profile, const CustomerChoices& choices, Session& session,
                                  flow::Context& context);

// The offer's line in `language` (the other language's text when that one is empty); empty
// without an offer.
std::string offer_line(const Session& session, ui::Language language);

}  // namespace kiosk
