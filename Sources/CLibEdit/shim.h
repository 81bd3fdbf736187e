#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <histedit.h>

/* libedit is not linked: only the interactive REPL needs it, and loading it with libtinfo,
 * libbsd and libmd at every start cost each `check` about 0.5 M instructions (callgrind).
 * rd_libedit_load() dlopens it and fills a table of its functions; the wrappers below call
 * through that table. Types and constants still come from libedit-dev's header.
 *
 * Swift 6 cannot touch C globals (stdin/stdout) nor call variadic C functions
 * (el_set, history), so the REPL's LineEditor goes through these wrappers. */

#define RD_LIBEDIT_SONAME "libedit.so.2"

typedef struct {
    EditLine *(*el_init)(const char *, FILE *, FILE *, FILE *);
    void (*el_end)(EditLine *);
    int (*el_set)(EditLine *, int, ...);
    const char *(*el_gets)(EditLine *, int *);
    const LineInfo *(*el_line)(EditLine *);
    int (*el_insertstr)(EditLine *, const char *);
    void (*el_resize)(EditLine *);
    History *(*history_init)(void);
    void (*history_end)(History *);
    int (*history)(History *, HistEvent *, int, ...);
} rd_libedit_functions;

/* Loads `soname` and resolves every function above into `out`. NULL on success; otherwise
 * the loader's message, and `out` is untouched. The table lives on the Swift side: a
 * header's static state would be one copy per object file that inlines these functions. */
static inline const char *rd_libedit_load(const char *soname, rd_libedit_functions *out) {
    void *handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) return dlerror();
    rd_libedit_functions table;
    void *symbol;
#define RD_RESOLVE(name)                                              \
    if ((symbol = dlsym(handle, #name)) == NULL) return dlerror();    \
    memcpy(&table.name, &symbol, sizeof symbol);
    RD_RESOLVE(el_init)
    RD_RESOLVE(el_end)
    RD_RESOLVE(el_set)
    RD_RESOLVE(el_gets)
    RD_RESOLVE(el_line)
    RD_RESOLVE(el_insertstr)
    RD_RESOLVE(el_resize)
    RD_RESOLVE(history_init)
    RD_RESOLVE(history_end)
    RD_RESOLVE(history)
#undef RD_RESOLVE
    *out = table;
    return NULL;
}

typedef char *(*rd_prompt_fn)(EditLine *);
typedef unsigned char (*rd_command_fn)(EditLine *, int);

/* Every wrapper takes the loaded table first. */
static inline EditLine *rd_el_init(rd_libedit_functions lib, const char *prog) { return lib.el_init(prog, stdin, stdout, stderr); }
static inline void rd_el_end(rd_libedit_functions lib, EditLine *el) { lib.el_end(el); }
static inline const char *rd_el_gets(rd_libedit_functions lib, EditLine *el, int *count) { return lib.el_gets(el, count); }
static inline const LineInfo *rd_el_line(rd_libedit_functions lib, EditLine *el) { return lib.el_line(el); }
static inline int rd_el_insertstr(rd_libedit_functions lib, EditLine *el, const char *text) { return lib.el_insertstr(el, text); }
static inline void rd_el_resize(rd_libedit_functions lib, EditLine *el) { lib.el_resize(el); }

static inline int rd_el_set_prompt(rd_libedit_functions lib, EditLine *el, rd_prompt_fn f) { return lib.el_set(el, EL_PROMPT_ESC, f, '\1'); }
static inline int rd_el_set_rprompt(rd_libedit_functions lib, EditLine *el, rd_prompt_fn f) { return lib.el_set(el, EL_RPROMPT_ESC, f, '\1'); }
static inline int rd_el_set_editor(rd_libedit_functions lib, EditLine *el, const char *mode) { return lib.el_set(el, EL_EDITOR, mode); }
static inline int rd_el_set_signal(rd_libedit_functions lib, EditLine *el, int on) { return lib.el_set(el, EL_SIGNAL, on); }
static inline int rd_el_set_history(rd_libedit_functions lib, EditLine *el, History *h) { return lib.el_set(el, EL_HIST, lib.history, h); }
static inline int rd_el_set_getcfn(rd_libedit_functions lib, EditLine *el, el_rfunc_t f) { return lib.el_set(el, EL_GETCFN, f); }
static inline int rd_el_addfn(rd_libedit_functions lib, EditLine *el, const char *name, const char *help, rd_command_fn f) {
    return lib.el_set(el, EL_ADDFN, name, help, f);
}
static inline int rd_el_bind(rd_libedit_functions lib, EditLine *el, const char *key, const char *fn) { return lib.el_set(el, EL_BIND, key, fn, NULL); }
static inline void rd_el_refresh(rd_libedit_functions lib, EditLine *el) { lib.el_set(el, EL_REFRESH); }
static inline int rd_el_prep_term(rd_libedit_functions lib, EditLine *el, int on) { return lib.el_set(el, EL_PREP_TERM, on); }

static inline History *rd_history_init(rd_libedit_functions lib) { return lib.history_init(); }
static inline void rd_history_end(rd_libedit_functions lib, History *h) { lib.history_end(h); }
static inline int rd_history_setsize(rd_libedit_functions lib, History *h, int n) { HistEvent ev; return lib.history(h, &ev, H_SETSIZE, n); }
static inline int rd_history_setunique(rd_libedit_functions lib, History *h, int on) { HistEvent ev; return lib.history(h, &ev, H_SETUNIQUE, on); }
static inline int rd_history_enter(rd_libedit_functions lib, History *h, const char *line) { HistEvent ev; return lib.history(h, &ev, H_ENTER, line); }
static inline int rd_history_load(rd_libedit_functions lib, History *h, const char *path) { HistEvent ev; return lib.history(h, &ev, H_LOAD, path); }
static inline int rd_history_save(rd_libedit_functions lib, History *h, const char *path) { HistEvent ev; return lib.history(h, &ev, H_SAVE, path); }
