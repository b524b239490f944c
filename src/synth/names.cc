#include "synth/names.h"

#include <fmt/format.h>

#include <array>
#include <string_view>

namespace journey::synth {
namespace {

// Syllables chosen to sound name-like in English without being drawn from any name list.
constexpr std::array<std::string_view, 24> kOnsets = {
    "Al",  "Bren", "Cal", "Dar", "El",  "Fen", "Gal", "Har", "Is",  "Jas", "Kel", "Lor",
    "Mar", "Nel",  "Or",  "Per", "Ros", "Sel", "Tam", "Ul",  "Ver", "Wil", "Yar", "Zan"};
constexpr std::array<std::string_view, 12> kFemaleEnds = {
    "a", "ia", "elle", "ina", "ette", "ara", "issa", "ene", "ora", "ie", "ana", "ys"};
constexpr std::array<std::string_view, 12> kMaleEnds = {"an",  "en", "o",   "ius", "et", "or",
                                                        "ick", "el", "ard", "im",  "on", "us"};
constexpr std::array<std::string_view, 20> kSurnameA = {
    "Ash",  "Brack", "Cole", "Dun", "Elm", "Fair",  "Gris", "Hol",  "Ing",   "Kerr",
    "Lang", "Mor",   "Nor",  "Ock", "Pen", "Quill", "Rath", "Stan", "Thorn", "Wick"};
constexpr std::array<std::string_view, 16> kSurnameB = {
    "by",    "ford", "wood",  "ley",  "ton",  "well", "mere", "stone",
    "field", "gate", "hurst", "more", "dale", "wick", "shaw", "bridge"};
constexpr std::array<std::string_view, 12> kStreets = {"Road",    "Street", "Lane",  "Close",
                                                       "Avenue",  "Way",    "Drive", "Crescent",
                                                       "Gardens", "Place",  "Row",   "Walk"};
constexpr std::string_view kUpnLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";
constexpr std::string_view kPostcodeLetters = "ABDEFGHJLNPQRSTUWXYZ";

template <size_t N>
std::string_view One(Rng& rng, const std::array<std::string_view, N>& a) {
  return a[static_cast<size_t>(rng.Below(N))];
}

}  // namespace

std::string FirstName(Rng& rng, bool female) {
  std::string s(One(rng, kOnsets));
  s += female ? One(rng, kFemaleEnds) : One(rng, kMaleEnds);
  return s;
}

std::string LastName(Rng& rng) {
  std::string s(One(rng, kSurnameA));
  s += One(rng, kSurnameB);
  return s;
}

std::string TownName(Rng& rng) {
  std::string s(One(rng, kSurnameA));
  s += rng.Chance(0.5) ? "ton" : "bury";
  return s;
}

std::string MakeUpn(Rng& rng, const std::string& la_code, int year_of_entry) {
  // Characters 2-13: LA code, school (4), year (2), serial (3). The check letter is the sum
  // of each character times its position (2..13), mod 23, as a letter of kUpnLetters.
  std::string digits = fmt::format("{:0>3.3}{:04}{:02}{:03}", la_code, rng.Below(10000),
                                   year_of_entry % 100, rng.Below(1000));
  int sum = 0;
  for (size_t i = 0; i < digits.size(); ++i) sum += (digits[i] - '0') * static_cast<int>(i + 2);
  std::string upn(1, kUpnLetters[static_cast<size_t>(sum % 23)]);
  return upn + digits;
}

std::string MakeNhsNumber(Rng& rng) {
  for (;;) {
    std::string s = fmt::format("999{:06}", rng.Below(1000000));
    int sum = 0;
    for (int i = 0; i < 9; ++i) sum += (s[static_cast<size_t>(i)] - '0') * (10 - i);
    const int check = 11 - sum % 11;
    if (check == 10) continue;  // not a valid number: draw again
    s += static_cast<char>('0' + (check == 11 ? 0 : check));
    return s;
  }
}

std::string MakePostcode(Rng& rng, int district) {
  const char a = kPostcodeLetters[static_cast<size_t>(rng.Below(kPostcodeLetters.size()))];
  const char b = kPostcodeLetters[static_cast<size_t>(rng.Below(kPostcodeLetters.size()))];
  return fmt::format("QX{} {}{}{}", district % 100, rng.Below(10), a, b);
}

std::string MakeStreet(Rng& rng) {
  return fmt::format("{} {} {}", 1 + rng.Below(180), LastName(rng), One(rng, kStreets));
}

}  // namespace journey::synth
