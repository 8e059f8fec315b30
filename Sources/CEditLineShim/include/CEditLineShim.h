#ifndef CEDITLINESHIM_H
#define CEDITLINESHIM_H

// Non-variadic wrappers around libedit's el_set / el_get / history, which Swift cannot call
// (C-variadic functions are not imported). One small function per operation, nothing clever.

#include <histedit.h>
#include <stdio.h>

/// The signature libedit expects for a function bound to a key (EL_ADDFN).
typedef unsigned char (*kc_el_func_t)(EditLine *, int);
/// The signature libedit expects for a prompt function (EL_PROMPT).
typedef char *(*kc_el_prompt_func_t)(EditLine *);

/// el_init with the process's stdin/stdout/stderr: Swift 6 rejects those C globals.
EditLine *kc_el_init(const char *program);

int kc_el_set_prompt(EditLine *el, kc_el_prompt_func_t prompt);
int kc_el_set_editor(EditLine *el, const char *mode);
int kc_el_set_signal(EditLine *el, int on);
int kc_el_set_history(EditLine *el, History *hist);
int kc_el_set_clientdata(EditLine *el, void *data);
void *kc_el_get_clientdata(EditLine *el);
int kc_el_add_function(EditLine *el, const char *name, const char *help, kc_el_func_t function);
int kc_el_bind(EditLine *el, const char *key, const char *function);
/// EL_SETTY with one argument after "-d" (edit mode), e.g. "-isig".
int kc_el_setty_edit(EditLine *el, const char *setting);
/// EL_PREP_TERM: 1 puts the terminal in libedit's edit (raw) mode, 0 restores the cooked mode.
int kc_el_prep_term(EditLine *el, int raw);
/// The terminal width libedit believes in (EL_GETTC "co"), or 0 when unknown.
int kc_el_get_columns(EditLine *el);

int kc_history_set_size(History *hist, int size);
int kc_history_set_unique(History *hist, int unique);
int kc_history_enter(History *hist, const char *line);
int kc_history_load(History *hist, const char *path);
int kc_history_save(History *hist, const char *path);

/// Saves the terminal settings of standard input and installs a SIGTERM handler that restores them and exits
/// with status 143. Done in C so that the handler only touches a static `struct termios` and calls
/// async-signal-safe functions (tcsetattr, write, _exit).
void kc_install_sigterm_restore(void);

/// Restores the terminal settings saved by kc_install_sigterm_restore (used at normal exit too).
void kc_restore_saved_terminal(void);

#endif
