/* status: the one result code every library function returns.
 * Library code never exits and never prints; the CLI maps these to exit codes. */
#ifndef TQC_STATUS_H
#define TQC_STATUS_H

typedef enum tqc_status {
    TQC_OK = 0,
    TQC_ENOMEM,     /* an allocation failed */
    TQC_EIO,        /* reading or writing a file failed (see errno) */
    TQC_EINPUT,     /* the input is not what it should be (binary, malformed) */
    TQC_ENOTFOUND,  /* a dictionary, rule file or language is missing */
    TQC_EUSAGE,     /* the caller asked for something that makes no sense */
    TQC_ELIMIT,     /* a documented size limit was exceeded */
    TQC_ETIME       /* the time allowed ran out (core/cancel.h) */
} tqc_status;

/* A static, human-readable description of status; never NULL. */
const char *tqc_strerror(tqc_status status);

#endif
