// The one C header Swift sees for ncursesw. Why each wrapper exists:
// SwiftPM drops pkg-config's -D flags, so the wide API must be switched on here;
// function-like and computed macros (A_BOLD, KEY_F(n), mouse masks) do not import;
// Swift 6 rejects C globals (stdscr, stdout, LINES), so they get accessor functions.
#ifndef HOPS_CNCURSESW_SHIM_H
#define HOPS_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <signal.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <wchar.h>
#include <langinfo.h>
#include <sys/ioctl.h>
#include <ncursesw/curses.h>

static inline FILE *hops_stdout(void) { return stdout; }
static inline FILE *hops_stdin(void) { return stdin; }
static inline WINDOW *hops_stdscr(void) { return stdscr; }

/// Sets the locale from the environment; returns 1 when the codeset is UTF-8.
static inline int hops_setlocale_utf8(void) {
    setlocale(LC_ALL, "");
    const char *cs = nl_langinfo(CODESET);
    return cs && (cs[0] == 'U' || cs[0] == 'u') && (cs[1] == 'T' || cs[1] == 't') && (cs[2] == 'F' || cs[2] == 'f');
}

static inline attr_t hops_a_bold(void) { return A_BOLD; }
static inline attr_t hops_a_reverse(void) { return A_REVERSE; }
static inline attr_t hops_a_dim(void) { return A_DIM; }
static inline attr_t hops_a_underline(void) { return A_UNDERLINE; }
static inline attr_t hops_a_normal(void) { return A_NORMAL; }

static inline int hops_key_code_yes(void) { return KEY_CODE_YES; }
static inline int hops_key_f(int n) { return KEY_F(n); }
static inline int hops_err(void) { return ERR; }
static inline int hops_color_pairs(void) { return COLOR_PAIRS; }

/// The terminal's size as the kernel has it (rows, columns); 0 on success.
static inline int hops_winsize(int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(1, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row; *cols = ws.ws_col;
    return 0;
}

static inline int hops_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int hops_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline void hops_set_escdelay(int ms) { set_escdelay(ms); }

/// Writes one display cell: a grapheme given as up to 5 code points, with attributes and a pair.
static inline int hops_put_cell(WINDOW *w, int y, int x, const wchar_t *chars, attr_t attrs, short pair) {
    cchar_t cc;
    if (setcchar(&cc, chars, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(w, y, x, &cc);
}

static inline mmask_t hops_mouse_all(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t hops_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t hops_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t hops_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t hops_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t hops_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t hops_report_position(void) { return REPORT_MOUSE_POSITION; }

/// Reads a mouse event; returns 0 on success and fills x, y and the button state.
static inline int hops_getmouse(int *x, int *y, mmask_t *bstate) {
    MEVENT ev;
    if (getmouse(&ev) != OK) return -1;
    *x = ev.x; *y = ev.y; *bstate = ev.bstate;
    return 0;
}

/// While ncurses owns the screen, whatever is written to stderr (a Swift runtime error before a
/// crash, above all) would be drawn into the alternate screen and wiped when it closes. So
/// stderr goes to an unlinked temporary file meanwhile, and is copied to the real stderr after
/// the terminal is restored: on a normal end, and in the crash handler.
static int hops_real_stderr = -1;
static int hops_stderr_file = -1;

static inline void hops_capture_stderr(void) {
    char name[] = "/tmp/hops-stderr-XXXXXX";
    int fd = mkstemp(name);
    if (fd < 0) return;
    unlink(name);
    hops_real_stderr = dup(2);
    if (hops_real_stderr < 0) { close(fd); return; }
    dup2(fd, 2);
    hops_stderr_file = fd;
}

/// Async-signal-safe: only dup2, lseek, read, write and close.
static void hops_release_stderr(void) {
    if (hops_real_stderr < 0) return;
    dup2(hops_real_stderr, 2);
    close(hops_real_stderr);
    hops_real_stderr = -1;
    char buf[4096];
    ssize_t n;
    if (lseek(hops_stderr_file, 0, SEEK_SET) == 0) {
        while ((n = read(hops_stderr_file, buf, sizeof buf)) > 0) {
            if (write(2, buf, (size_t)n) < 0) break;
        }
    }
    close(hops_stderr_file);
    hops_stderr_file = -1;
}

/// On a crash the terminal is put back before the process dies: endwin restores the modes
/// saved by newterm, the captured stderr (the reason) is printed, and the signal is re-raised
/// with its default action.
static void hops_restore_and_reraise(int sig) {
    endwin();
    hops_release_stderr();
    signal(sig, SIG_DFL);
    raise(sig);
}

/// ncurses catches SIGWINCH only when its handler is the default; a parent that ignores it
/// (a shell, a test runner) would leave Hops deaf to resizes, so reset it before newterm.
/// A parent may also start us with signals blocked (some sandboxes and runners do), and a
/// blocked SIGWINCH never reaches ncurses, a blocked SIGTERM never restores the terminal.
static inline void hops_default_sigwinch(void) {
    signal(SIGWINCH, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGWINCH); sigaddset(&set, SIGINT); sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP); sigaddset(&set, SIGQUIT); sigaddset(&set, SIGTSTP); sigaddset(&set, SIGCONT);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

/// SIGTERM, SIGHUP, SIGINT and SIGQUIT only raise a flag: the run loop sees it within half a
/// second, writes the recovery copy of unsaved work, and ends through its normal path, which
/// restores the terminal and exits with 128 + the signal. A watchdog (SIGALRM, one second)
/// ends the process the same way when the loop is busy and does not get there, and a second
/// signal ends it at once: a signal is always answered.
static volatile sig_atomic_t hops_signal_seen = 0;
static void hops_end_now(int sig) {
    endwin();
    hops_release_stderr();
    _exit(128 + (hops_signal_seen ? hops_signal_seen : sig));
}
static void hops_note_signal(int sig) {
    if (hops_signal_seen) hops_end_now(sig);
    hops_signal_seen = sig;
    signal(SIGALRM, hops_end_now);
    alarm(1);
}
static inline int hops_pending_signal(void) { return hops_signal_seen; }
static inline void hops_acknowledge_signal(void) { alarm(0); }

static inline void hops_install_signal_restore(void) {
    struct sigaction sa;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: a blocked read returns at once */
    sa.sa_handler = hops_note_signal;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGQUIT, &sa, NULL);
    /* A crash (a Swift trap is SIGILL or SIGTRAP) must not leave the terminal in raw mode. */
    signal(SIGILL, hops_restore_and_reraise);
    signal(SIGTRAP, hops_restore_and_reraise);
    signal(SIGSEGV, hops_restore_and_reraise);
    signal(SIGBUS, hops_restore_and_reraise);
    signal(SIGABRT, hops_restore_and_reraise);
    signal(SIGFPE, hops_restore_and_reraise);
}

#endif
