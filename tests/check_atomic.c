/* atomic: the file writer behind `tqc fix` and `tqc report` (issue 4). */
#include <dirent.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "core/atomic.h"
#include "tqc_test.h"

static char dir[64];

static void make_dir(void)
{
    snprintf(dir, sizeof dir, "/tmp/tqc-atomic-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

/* Entries in dir other than . and .. */
static size_t entries(void)
{
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            n++;
    closedir(d);
    return n;
}

static void read_back(const char *path, char *buf, size_t cap)
{
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    size_t n = fread(buf, 1, cap - 1, f);
    buf[n] = '\0';
    fclose(f);
}

static void remove_all(void)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char p[512];
    while (d && (e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
            unlink(p);
        }
    if (d)
        closedir(d);
    rmdir(dir);
}

START_TEST(test_issue_4_atomic_write_keeps_mode_and_leaves_no_temp)
{
    make_dir();
    char path[128], buf[64], err[256];
    snprintf(path, sizeof path, "%s/a.txt", dir);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs("old\n", f);
    fclose(f);
    ck_assert_int_eq(chmod(path, 0640), 0);
    ck_assert_int_eq(tqc_atomic_write(path, "new\r\n", 5, err, sizeof err), TQC_OK);
    read_back(path, buf, sizeof buf);
    ck_assert_str_eq(buf, "new\r\n");
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 07777, 0640);
    ck_assert_uint_eq(entries(), 1);
    /* An executable stays executable. */
    ck_assert_int_eq(chmod(path, 0755), 0);
    ck_assert_int_eq(tqc_atomic_write(path, "", 0, err, sizeof err), TQC_OK);
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 07777, 0755);
    ck_assert_int_eq(st.st_size, 0);
    ck_assert_uint_eq(entries(), 1);
    remove_all();
}
END_TEST

START_TEST(test_issue_4_atomic_write_new_file_uses_umask)
{
    make_dir();
    char path[128], err[256];
    snprintf(path, sizeof path, "%s/new.txt", dir);
    mode_t old = umask(022);
    tqc_status s = tqc_atomic_write(path, "x", 1, err, sizeof err);
    umask(old);
    ck_assert_int_eq(s, TQC_OK);
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 07777, 0644);
    remove_all();
}
END_TEST

START_TEST(test_issue_4_atomic_write_follows_symlink)
{
    make_dir();
    char target[128], link[128], buf[64], err[256];
    snprintf(target, sizeof target, "%s/target.txt", dir);
    snprintf(link, sizeof link, "%s/link.txt", dir);
    FILE *f = fopen(target, "w");
    ck_assert_ptr_nonnull(f);
    fputs("old", f);
    fclose(f);
    ck_assert_int_eq(symlink("target.txt", link), 0);
    ck_assert_int_eq(tqc_atomic_write(link, "new", 3, err, sizeof err), TQC_OK);
    struct stat st;
    ck_assert_int_eq(lstat(link, &st), 0);
    ck_assert(S_ISLNK(st.st_mode));
    read_back(target, buf, sizeof buf);
    ck_assert_str_eq(buf, "new");
    ck_assert_uint_eq(entries(), 2);
    remove_all();
}
END_TEST

START_TEST(test_issue_4_atomic_write_fails_cleanly)
{
    make_dir();
    char path[128], err[256] = "";
    snprintf(path, sizeof path, "%s/missing-dir/a.txt", dir);
    ck_assert_int_eq(tqc_atomic_write(path, "x", 1, err, sizeof err), TQC_EIO);
    ck_assert_ptr_nonnull(strstr(err, "a.txt"));
    /* A directory is not replaced. */
    snprintf(path, sizeof path, "%s/sub", dir);
    ck_assert_int_eq(mkdir(path, 0755), 0);
    ck_assert_int_eq(tqc_atomic_write(path, "x", 1, err, sizeof err), TQC_EIO);
    ck_assert_uint_eq(entries(), 1);
    rmdir(path);
    remove_all();
}
END_TEST

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

/* Issue 18: an editor's save while fix worked (a new file renamed over the old one, or the
 * same bytes' length rewritten in place) is refused, and the save is kept. */
START_TEST(test_issue_18_concurrent_save_is_not_clobbered)
{
    make_dir();
    char path[128], other[128], buf[64], err[256] = "";
    snprintf(path, sizeof path, "%s/a.txt", dir);
    snprintf(other, sizeof other, "%s/n", dir);
    write_file(path, "the the cat\n");
    tqc_atomic_file af;
    ck_assert_int_eq(tqc_atomic_file_open(path, &af, err, sizeof err), TQC_OK);
    /* The save: a new file moved over the path, as editors do. */
    write_file(other, "the the cat\nSAVE\n");
    ck_assert_int_eq(rename(other, path), 0);
    ck_assert_int_eq(tqc_atomic_file_replace(&af, path, "the the cat\n", 12, "the cat\n", 8,
                                             err, sizeof err), TQC_EINPUT);
    ck_assert_ptr_nonnull(strstr(err, "a.txt"));
    ck_assert_ptr_nonnull(strstr(err, "changed"));
    read_back(path, buf, sizeof buf);
    ck_assert_str_eq(buf, "the the cat\nSAVE\n");
    ck_assert_uint_eq(entries(), 1);
    tqc_atomic_file_close(&af);
    /* A save in place, same inode and size: the bytes tell. */
    write_file(path, "the the cat\n");
    ck_assert_int_eq(tqc_atomic_file_open(path, &af, err, sizeof err), TQC_OK);
    write_file(path, "THE the cat\n");
    ck_assert_int_eq(tqc_atomic_file_replace(&af, path, "the the cat\n", 12, "the cat\n", 8,
                                             err, sizeof err), TQC_EINPUT);
    read_back(path, buf, sizeof buf);
    ck_assert_str_eq(buf, "THE the cat\n");
    tqc_atomic_file_close(&af);
    /* Unchanged: written. */
    ck_assert_int_eq(tqc_atomic_file_open(path, &af, err, sizeof err), TQC_OK);
    ck_assert_int_eq(tqc_atomic_file_replace(&af, path, "THE the cat\n", 12, "THE cat\n", 8,
                                             err, sizeof err), TQC_OK);
    read_back(path, buf, sizeof buf);
    ck_assert_str_eq(buf, "THE cat\n");
    tqc_atomic_file_close(&af);
    ck_assert_uint_eq(entries(), 1);
    remove_all();
}
END_TEST

/* Issue 18: a link repointed during fix does not get its new target overwritten; the
 * file that was read is the one written. */
START_TEST(test_issue_18_symlink_repointed_during_fix)
{
    make_dir();
    char target[128], victim[128], link[128], buf[64], err[256] = "";
    snprintf(target, sizeof target, "%s/target.txt", dir);
    snprintf(victim, sizeof victim, "%s/victim.txt", dir);
    snprintf(link, sizeof link, "%s/link.txt", dir);
    write_file(target, "old\n");
    write_file(victim, "precious\n");
    ck_assert_int_eq(symlink("target.txt", link), 0);
    tqc_atomic_file af;
    ck_assert_int_eq(tqc_atomic_file_open(link, &af, err, sizeof err), TQC_OK);
    ck_assert_int_eq(unlink(link), 0);
    ck_assert_int_eq(symlink("victim.txt", link), 0);
    ck_assert_int_eq(tqc_atomic_file_replace(&af, link, "old\n", 4, "new\n", 4, err, sizeof err),
                     TQC_OK);
    tqc_atomic_file_close(&af);
    read_back(victim, buf, sizeof buf);
    ck_assert_str_eq(buf, "precious\n");
    read_back(target, buf, sizeof buf);
    ck_assert_str_eq(buf, "new\n");
    struct stat st;
    ck_assert_int_eq(lstat(link, &st), 0);
    ck_assert(S_ISLNK(st.st_mode));
    ck_assert_uint_eq(entries(), 3);
    remove_all();
}
END_TEST

/* Issue 18: a file with two hard links is refused (a rename would split them), and
 * extended attributes survive the replacement. */
START_TEST(test_issue_18_hard_links_refused_xattrs_kept)
{
    make_dir();
    char path[128], twin[128], buf[64], err[256] = "";
    snprintf(path, sizeof path, "%s/a.txt", dir);
    snprintf(twin, sizeof twin, "%s/b.txt", dir);
    write_file(path, "old\n");
    ck_assert_int_eq(link(path, twin), 0);
    ck_assert_int_eq(tqc_atomic_write(path, "new\n", 4, err, sizeof err), TQC_EINPUT);
    ck_assert_ptr_nonnull(strstr(err, "hard links"));
    read_back(twin, buf, sizeof buf);
    ck_assert_str_eq(buf, "old\n");
    ck_assert_int_eq(unlink(twin), 0);
    if (setxattr(path, "user.tqc.origin", "desk", 4, 0) == 0) {
        ck_assert_int_eq(tqc_atomic_write(path, "new\n", 4, err, sizeof err), TQC_OK);
        char value[16] = "";
        ck_assert_int_eq(getxattr(path, "user.tqc.origin", value, sizeof value), 4);
        ck_assert_str_eq(value, "desk");
    }
    read_back(path, buf, sizeof buf);
    ck_assert_uint_eq(entries(), 1);
    remove_all();
}
END_TEST

static void on_term(int sig)
{
    tqc_atomic_signal_cleanup();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* true when dir holds a temporary file of the writer. */
static bool temp_in_dir(void)
{
    DIR *d = opendir(dir);
    bool found = false;
    for (struct dirent *e; d && (e = readdir(d)) != NULL;)
        found |= strstr(e->d_name, ".tqc-") != NULL;
    if (d)
        closedir(d);
    return found;
}

/* Issue 18: a SIGTERM while the temporary file is written leaves no temporary file. */
START_TEST(test_issue_18_signal_leaves_no_temp)
{
    make_dir();
    char path[128], err[256];
    snprintf(path, sizeof path, "%s/big.txt", dir);
    write_file(path, "x\n");
    bool seen = false;
    for (int attempt = 0; attempt < 5 && !seen; attempt++) {
        pid_t pid = fork();
        ck_assert_int_ge(pid, 0);
        if (pid == 0) {
            signal(SIGTERM, on_term);
            size_t len = (size_t)32 << 20;    /* long enough to be caught writing */
            char *data = calloc(len, 1);
            if (data)
                tqc_atomic_write(path, data, len, err, sizeof err);
            _exit(0);
        }
        for (int i = 0; i < 20000 && !seen; i++) {
            seen = temp_in_dir();
            if (!seen)
                usleep(100);
        }
        kill(pid, SIGTERM);
        int status;
        waitpid(pid, &status, 0);
    }
    ck_assert_msg(seen, "the writer was never caught writing");
    ck_assert(!temp_in_dir());
    remove_all();
}
END_TEST

Suite *atomic_suite(void)
{
    Suite *s = suite_create("atomic");
    TCase *tc = tcase_create("write");
    tcase_add_test(tc, test_issue_4_atomic_write_keeps_mode_and_leaves_no_temp);
    tcase_add_test(tc, test_issue_4_atomic_write_new_file_uses_umask);
    tcase_add_test(tc, test_issue_4_atomic_write_follows_symlink);
    tcase_add_test(tc, test_issue_4_atomic_write_fails_cleanly);
    tcase_add_test(tc, test_issue_18_concurrent_save_is_not_clobbered);
    tcase_add_test(tc, test_issue_18_symlink_repointed_during_fix);
    tcase_add_test(tc, test_issue_18_hard_links_refused_xattrs_kept);
    tcase_add_test(tc, test_issue_18_signal_leaves_no_temp);
    tcase_set_timeout(tc, 30);
    suite_add_tcase(s, tc);
    return s;
}
