/* libxml2 (Debian libxml2-dev) as a system library. Only the C target CXLSXSheet includes these
 * headers: Swift code must not import this module next to Foundation (libxml2's encoding.h pulls in
 * ICU's headers, which clash with Foundation's bundled ICU module). */
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
