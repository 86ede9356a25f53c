// GitHub's CommonMark implementation with its extensions (tables, strikethrough, autolinks), from
// Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev. msnb renders notebook prose to HTML with it.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
