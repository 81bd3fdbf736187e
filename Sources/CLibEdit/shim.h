#include <stdio.h>
#include <wchar.h>
#include <histedit.h>

/* Swift 6 cannot touch C globals (stdin/stdout) nor call variadic C functions
 * (el_set, history), so the REPL's LineEditor goes through these wrappers. */

static inline FILE *rd_stdin(void) { return stdin; }
static inline FILE *rd_stdout(void) { return stdout; }
static inline FILE *rd_stderr(void) { return stderr; }

typedef char *(*rd_prompt_fn)(EditLine *);
typedef unsigned char (*rd_command_fn)(EditLine *, int);

static inline int rd_el_set_prompt(EditLine *el, rd_prompt_fn f) { return el_set(el, EL_PROMPT_ESC, f, '\1'); }
static inline int rd_el_set_rprompt(EditLine *el, rd_prompt_fn f) { return el_set(el, EL_RPROMPT_ESC, f, '\1'); }
static inline int rd_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int rd_el_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int rd_el_set_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
static inline int rd_el_set_getcfn(EditLine *el, el_rfunc_t f) { return el_set(el, EL_GETCFN, f); }
static inline int rd_el_addfn(EditLine *el, const char *name, const char *help, rd_command_fn f) {
    return el_set(el, EL_ADDFN, name, help, f);
}
static inline int rd_el_bind(EditLine *el, const char *key, const char *fn) { return el_set(el, EL_BIND, key, fn, NULL); }
static inline void rd_el_refresh(EditLine *el) { el_set(el, EL_REFRESH); }
static inline int rd_el_prep_term(EditLine *el, int on) { return el_set(el, EL_PREP_TERM, on); }

static inline int rd_history_setsize(History *h, int n) { HistEvent ev; return history(h, &ev, H_SETSIZE, n); }
static inline int rd_history_setunique(History *h, int on) { HistEvent ev; return history(h, &ev, H_SETUNIQUE, on); }
static inline int rd_history_enter(History *h, const char *line) { HistEvent ev; return history(h, &ev, H_ENTER, line); }
static inline int rd_history_load(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_LOAD, path); }
static inline int rd_history_save(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_SAVE, path); }
