#!/usr/bin/env python3
"""The scipy side of `companion bench`: how the comparison figures were produced.

Times scipy.signal.correlate2d (the direct sum, in C) and scipy.signal.fftconvolve (real FFTs
of sizes scipy.fft.next_fast_len picks) on the same problems as `companion bench`: a random
N x N image in [-1, 1] and k x k kernels, valid mode, stride 1. fftconvolve convolves, so it is
given the kernel turned by 180 degrees, which makes its result the correlation. Times are the
best of repeated runs, as in the Swift bench; multiply-adds per second count outputs * k^2.

Not needed by the package. Run it right after the Swift bench, on the same machine:

    swift run -c release companion bench && python3 Benchmarks/scipy_bench.py
    swift run -c release companion bench --paths fft --growth-to 4096 &&
      python3 Benchmarks/scipy_bench.py --fft-only --growth-to 4096

(pip install scipy, if it is missing.)
"""
import argparse
import time

import numpy as np
import scipy
import scipy.signal


def best_seconds(function, budget=0.25, maximum_runs=30):
    best, total, runs = float("inf"), 0.0, 0
    while True:
        start = time.perf_counter()
        function()
        elapsed = time.perf_counter() - start
        best, total, runs = min(best, elapsed), total + elapsed, runs + 1
        if runs >= maximum_runs or total >= budget:
            return best


def milliseconds(seconds):
    ms = seconds * 1000
    digits = 0 if ms >= 100 else 1 if ms >= 10 else 2 if ms >= 1 else 3
    return f"{ms:.{digits}f} ms"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=512, help="image side (default 512)")
    parser.add_argument("--no-growth", action="store_true", help="skip the growth table")
    parser.add_argument(
        "--growth-to", type=int, default=2048, help="largest side of the growth table (2048)")
    parser.add_argument(
        "--fft-only", action="store_true",
        help="time fftconvolve alone (correlate2d takes minutes on large images)")
    arguments = parser.parse_args()
    rng = np.random.default_rng(1)
    n = arguments.size
    print(f"scipy {scipy.__version__}, numpy {np.__version__}: valid correlation, stride 1")
    print(f"Image {n} x {n}:")
    print("kernel   outputs          correlate2d         fftconvolve")
    print("                       time      MAC/s      time      MAC/s")
    x = rng.uniform(-1, 1, (n, n))
    for k in (3, 5, 9, 15, 31):
        if k > n:
            continue
        w = rng.uniform(-1, 1, (k, k))
        outputs = (n - k + 1) ** 2
        work = outputs * k * k
        fft = best_seconds(lambda: scipy.signal.fftconvolve(x, w[::-1, ::-1], mode="valid"))
        if arguments.fft_only:
            print(f"{k:>3} x {k:<3}{outputs:>9} {'-':>11} {'-':>9}"
                  f" {milliseconds(fft):>9} {work / fft:>9.2e}")
            continue
        direct = best_seconds(lambda: scipy.signal.correlate2d(x, w, mode="valid"))
        a = scipy.signal.correlate2d(x, w, mode="valid")
        b = scipy.signal.fftconvolve(x, w[::-1, ::-1], mode="valid")
        assert np.max(np.abs(a - b)) < 1e-9
        print(f"{k:>3} x {k:<3}{outputs:>9} {milliseconds(direct):>11} {work / direct:>9.2e}"
              f" {milliseconds(fft):>9} {work / fft:>9.2e}")
    if arguments.no_growth:
        return
    # The rows of the Swift bench's FFT growth table: 9 x 9 and 31 x 31 kernels.
    print("\nGrowth with the image side n, fftconvolve, 9 x 9 and 31 x 31 kernels:")
    print("  side       9 x 9     31 x 31" + ("" if arguments.fft_only else "   correlate2d 9 x 9"))
    kernels = {k: rng.uniform(-1, 1, (k, k)) for k in (9, 31)}
    side = 256
    while side <= arguments.growth_to:
        x = rng.uniform(-1, 1, (side, side))
        times = [
            best_seconds(lambda: scipy.signal.fftconvolve(x, w[::-1, ::-1], mode="valid"))
            for w in kernels.values()
        ]
        line = f"{side:>6} {milliseconds(times[0]):>11} {milliseconds(times[1]):>11}"
        if not arguments.fft_only:
            w = kernels[9]
            direct = best_seconds(lambda: scipy.signal.correlate2d(x, w, mode="valid"))
            line += f" {milliseconds(direct):>21}"
        print(line)
        side *= 2


if __name__ == "__main__":
    main()
