// Synthetic names, identifiers and places. Names are made up from syllables (no list of
// real names is used, so none can match a real dataset); identifiers have the right shape
// and check characters but use ranges that cannot be real people's (NHS numbers from the
// 999 test range, postcodes in an area that does not exist).
#pragma once

#include <string>

#include "synth/rng.h"

namespace journey::synth {

std::string FirstName(Rng& rng, bool female);
std::string LastName(Rng& rng);
std::string TownName(Rng& rng);

// A unique pupil number: check letter, LA code, school, year, serial (DfE UPN rules).
std::string MakeUpn(Rng& rng, const std::string& la_code, int year_of_entry);
// A 10-digit NHS number in the 999 range reserved for test data, with its mod-11 check digit.
std::string MakeNhsNumber(Rng& rng);
// "QX4 7DB": an outward code in the QX area (no such postcode area exists).
std::string MakePostcode(Rng& rng, int district);
std::string MakeStreet(Rng& rng);

}  // namespace journey::synth
