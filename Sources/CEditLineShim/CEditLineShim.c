#include "CEditLineShim.h"

#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

EditLine *kc_el_init(const char *program) { return el_init(program, stdin, stdout, stderr); }

int kc_el_set_prompt(EditLine *el, kc_el_prompt_func_t prompt) { return el_set(el, EL_PROMPT, prompt); }

int kc_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }

int kc_el_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }

int kc_el_set_history(EditLine *el, History *hist) { return el_set(el, EL_HIST, history, hist); }

int kc_el_set_clientdata(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }

void *kc_el_get_clientdata(EditLine *el) {
  void *data = NULL;
  if (el_get(el, EL_CLIENTDATA, &data) != 0) {
    return NULL;
  }
  return data;
}

int kc_el_add_function(EditLine *el, const char *name, const char *help, kc_el_func_t function) {
  return el_set(el, EL_ADDFN, name, help, function);
}

int kc_el_bind(EditLine *el, const char *key, const char *function) {
  return el_set(el, EL_BIND, key, function, (const char *)NULL);
}

int kc_el_setty_edit(EditLine *el, const char *setting) {
  return el_set(el, EL_SETTY, "-d", setting, (const char *)NULL);
}

int kc_el_prep_term(EditLine *el, int raw) { return el_set(el, EL_PREP_TERM, raw); }

int kc_el_get_columns(EditLine *el) {
  int columns = 0;
  if (el_get(el, EL_GETTC, "co", &columns, (void *)NULL) != 0) {
    return 0;
  }
  return columns;
}

int kc_history_set_size(History *hist, int size) {
  HistEvent event;
  return history(hist, &event, H_SETSIZE, size);
}

int kc_history_set_unique(History *hist, int unique) {
  HistEvent event;
  return history(hist, &event, H_SETUNIQUE, unique);
}

int kc_history_enter(History *hist, const char *line) {
  HistEvent event;
  return history(hist, &event, H_ENTER, line);
}

int kc_history_load(History *hist, const char *path) {
  HistEvent event;
  return history(hist, &event, H_LOAD, path);
}

int kc_history_save(History *hist, const char *path) {
  HistEvent event;
  return history(hist, &event, H_SAVE, path);
}

static struct termios kc_saved_termios;
static volatile sig_atomic_t kc_have_saved_termios = 0;

static void kc_sigterm_handler(int signo) {
  (void)signo;
  if (kc_have_saved_termios) {
    tcsetattr(STDIN_FILENO, TCSANOW, &kc_saved_termios);
  }
  // Leave the shell prompt on a fresh line rather than after our half-typed one.
  (void)!write(STDOUT_FILENO, "\n", 1);
  _exit(128 + SIGTERM);
}

void kc_install_sigterm_restore(void) {
  if (isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &kc_saved_termios) == 0) {
    kc_have_saved_termios = 1;
  }
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = kc_sigterm_handler;
  sigemptyset(&action.sa_mask);
  sigaction(SIGTERM, &action, NULL);
}

void kc_restore_saved_terminal(void) {
  if (kc_have_saved_termios) {
    tcsetattr(STDIN_FILENO, TCSADRAIN, &kc_saved_termios);
  }
}
