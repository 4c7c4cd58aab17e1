/* atomic: the file writer behind `tqc fix` and `tqc report` (issue 4). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
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

Suite *atomic_suite(void)
{
    Suite *s = suite_create("atomic");
    TCase *tc = tcase_create("write");
    tcase_add_test(tc, test_issue_4_atomic_write_keeps_mode_and_leaves_no_temp);
    tcase_add_test(tc, test_issue_4_atomic_write_new_file_uses_umask);
    tcase_add_test(tc, test_issue_4_atomic_write_follows_symlink);
    tcase_add_test(tc, test_issue_4_atomic_write_fails_cleanly);
    suite_add_tcase(s, tc);
    return s;
}
