/*
 * bench/bench_util.h — timing for the benchmarks: each figure is the best of
 * several rounds (the least disturbed by the machine), in ns per operation,
 * printed next to its baseline measured in the same run.
 */
#ifndef COMRT_BENCH_UTIL_H
#define COMRT_BENCH_UTIL_H

#include <stdio.h>
#include <time.h>

#define BENCH_ROUNDS 7

static inline double bench_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* Runs body(iters) BENCH_ROUNDS times; returns the best ns per iteration. */
static inline double bench_ns_per_op(void (*body)(long iters), long iters)
{
    double best = 1e300;
    body(iters / 10); /* warm caches and the allocator */
    for (int r = 0; r < BENCH_ROUNDS; r++) {
        double t0 = bench_now_ns();
        body(iters);
        double dt = (bench_now_ns() - t0) / (double)iters;
        if (dt < best) best = dt;
    }
    return best;
}

static inline void bench_report(const char *what, double ns, const char *baseline, double base_ns)
{
    printf("%-34s %9.1f ns/op   baseline %-28s %9.1f ns/op   ratio %5.2fx\n", what, ns, baseline, base_ns,
           ns / base_ns);
}

/* Keeps the compiler from dropping a computed value. */
#define BENCH_KEEP(x) __asm__ volatile("" : : "g"(x) : "memory")

#endif
