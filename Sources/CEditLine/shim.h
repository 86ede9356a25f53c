/* Shim over libedit's readline-compatible API (Debian libedit-dev).
 * Always <editline/readline.h>, never <readline/readline.h> (GNU readline is GPL and its
 * HIST_ENTRY layout differs). Swift 6 refuses to touch imported C mutable globals, so
 * static-inline accessors wrap them. */
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <locale.h>
#include <editline/readline.h>

static inline void msnb_el_set_completer(rl_completion_func_t *fn) { rl_attempted_completion_function = fn; }
static inline void msnb_el_set_completion_over(int v) { rl_attempted_completion_over = v; }
static inline void msnb_el_set_append_char(int c) { rl_completion_append_character = c; }
static inline const char *msnb_el_line_buffer(void) { return rl_line_buffer; }
static inline int msnb_el_point(void) { return rl_point; }
static inline void msnb_el_set_name(const char *n) { rl_readline_name = n; }
static inline void msnb_el_set_word_break(const char *s) { rl_basic_word_break_characters = s; }
