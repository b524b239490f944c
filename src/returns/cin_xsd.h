// Checking a CIN census file against Journey's XSD (data/cin_census.xsd, embedded) with
// libxml2: no network, no entity substitution, no DTD loading.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace journey::returns {

// Each error libxml2 reports ("line 12: Element 'Year': ..."); empty when the text is valid.
std::vector<std::string> CheckCinXsd(std::string_view xml);

}  // namespace journey::returns
