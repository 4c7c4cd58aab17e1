#include "core/cancel.h"

tqc_cancel tqc_cancel_after(double seconds, const atomic_int *stop)
{
    tqc_cancel c = {{0, 0}, stop};
    if (seconds > 0 && clock_gettime(CLOCK_MONOTONIC, &c.deadline) == 0) {
        time_t whole = (time_t)seconds;
        long nsec = c.deadline.tv_nsec + (long)((seconds - (double)whole) * 1e9);
        c.deadline.tv_sec += whole + nsec / 1000000000L;
        c.deadline.tv_nsec = nsec % 1000000000L;
        if (c.deadline.tv_sec == 0 && c.deadline.tv_nsec == 0)
            c.deadline.tv_nsec = 1;
    }
    return c;
}

bool tqc_cancelled(const tqc_cancel *c)
{
    if (!c)
        return false;
    if (c->stop && atomic_load(c->stop))
        return true;
    if (c->deadline.tv_sec == 0 && c->deadline.tv_nsec == 0)
        return false;
    struct timespec now;
    if (clock_gettime(CLOCK_MONOTONIC, &now) != 0)
        return false;
    return now.tv_sec > c->deadline.tv_sec ||
           (now.tv_sec == c->deadline.tv_sec && now.tv_nsec >= c->deadline.tv_nsec);
}
