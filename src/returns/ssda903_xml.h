// The SSDA903 as XML: the DfE's "EXPSSDA903" export shape (DATA-SPECS.md s12 1.2, the
// Expanded SSDA903 Return schema), read into the same tables the CSV reader gives so that
// validation and the all-or-nothing import take one path whatever the form, and written
// from a return for councils whose software sends XML.
//
//   EXPSSDA903 / CHILD*
//     HEADER: CHILDID UPN SEX DOB ETHNIC UASC DUC DATE_INT DATE_MATCH FOSTER_CARE NB_ADOPTR
//             SEX_ADOPTR LS_ADOPTR IN_TOUCH ACTIV ACCOM AMISSING* AREVIEW* MOTHER MC_DOB
//             PERMANENCE? OC2? AD_PLACED*
//     EPISODE*: DECOM RNE LS CIN PL PL_POST HOME_POST URN PLACE_PROVIDER DEC REC
//               REASON_PLACE_CHANGE
//
// The XML form has no SWEpisodes or DoLo (the schema predates them): a return read from XML
// has neither table, and writing one as XML leaves them out (and says so).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "returns/ssda903_export.h"
#include "returns/ssda903_read.h"

namespace journey::returns {

// True when the text is XML rather than CSV: its first character, after a byte-order mark
// and white space, is '<'.
bool LooksLikeXml(std::string_view text);

// Reads one 903 XML file into `out`'s tables (rows in the spec's column order, each row's
// line the line of the element it came from: CHILD's HEADER, or its EPISODE, AREVIEW, ...).
// Problems name the file, the line and the element path: an unknown element, an element
// given twice, a value where elements belong, a UASC flag other than 0 or 1.
void ReadXml903(const InputFile& file, int year, const Ssda903Spec& spec, Read903& out);

// The return as one XML file of that shape (UTF-8, two-space indent; empty values left out).
// `notes` gets a line for each table of the return the shape cannot hold that has rows.
std::string Xml903(const Return903& ret, std::vector<std::string>* notes = nullptr);

}  // namespace journey::returns
