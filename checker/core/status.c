#include "core/status.h"

const char *tqc_strerror(tqc_status status)
{
    switch (status) {
    case TQC_OK: return "success";
    case TQC_ENOMEM: return "out of memory";
    case TQC_EIO: return "input/output error";
    case TQC_EINPUT: return "invalid input";
    case TQC_ENOTFOUND: return "not found";
    case TQC_EUSAGE: return "invalid usage";
    case TQC_ELIMIT: return "size limit exceeded";
    case TQC_ETIME: return "time limit exceeded";
    }
    return "unknown status";
}
