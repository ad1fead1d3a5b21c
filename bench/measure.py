"""Timing and memory helpers for bench/run.py."""
from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

# Runs a command and prints the peak RSS (KiB) of the largest process among its
# descendants: ru_maxrss of RUSAGE_CHILDREN covers children and grandchildren
# (pool workers) once they are waited for.
_WRAP = ("import json, resource, subprocess, sys\n"
         "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
         "print(json.dumps({'rc': rc, 'maxrss_kb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))")


def cchc() -> list[str]:
    exe = Path(sys.executable).with_name("cchc")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "cchc_extract.cli"]


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def run_timed(cmd: list[str], **kw) -> tuple[float, subprocess.CompletedProcess]:
    secs, _, r = run_timed_cpu(cmd, **kw)
    return secs, r


def run_timed_cpu(cmd: list[str], **kw) -> tuple[float, float, subprocess.CompletedProcess]:
    """(wall seconds, CPU seconds of the command and its workers, result).  CPU time is what
    a loaded, shared machine distorts least."""
    c0, t0 = _children_cpu(), time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, **kw)
    return time.perf_counter() - t0, _children_cpu() - c0, r


def user_env() -> dict[str, str]:
    """The environment of an ordinary user's shell: Python may write its bytecode cache
    (a sandbox that sets PYTHONDONTWRITEBYTECODE makes every start recompile all sources)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def median_time(cmd: list[str], runs: int = 5) -> float:
    """Median wall time of fresh processes, after one unmeasured run that leaves the bytecode
    and start-up caches in place as they are after any first use."""
    env = user_env()
    run_timed(cmd, env=env)
    times = []
    for _ in range(runs):
        t, r = run_timed(cmd, env=env)
        if r.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd[-3:])} exited {r.returncode}: {r.stderr.strip()[:200]}")
        times.append(t)
    return statistics.median(times)


def _tree_rss(pid: int) -> int:
    import psutil

    try:
        procs = psutil.Process(pid).children(recursive=True)  # not the wrapper itself
    except psutil.Error:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def peak_rss(cmd: list[str]) -> dict:
    """Peak RSS of the largest single process (MB) and, with psutil, of the whole tree summed."""
    try:
        import psutil  # noqa: F401
        sample = True
    except ImportError:
        sample = False
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", _WRAP, *cmd], stdout=subprocess.PIPE, text=True)
    tree_peak = 0
    while proc.poll() is None:
        if sample:
            tree_peak = max(tree_peak, _tree_rss(proc.pid))
        time.sleep(0.05)
    seconds = time.perf_counter() - t0
    info = json.loads(proc.stdout.read().strip().splitlines()[-1])
    return {"rc": info["rc"], "max_process_mb": info["maxrss_kb"] / 1024,
            "tree_mb": tree_peak / 2**20 if sample else None,
            "seconds": seconds}


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    mem = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 2**20:.1f} GiB"
                break
    except OSError:
        pass
    return {"CPU": cpu, "cores (os.cpu_count)": os.cpu_count(), "memory": mem,
            "Python": f"{platform.python_version()} ({_interpreter()})", "OS": platform.platform()}


def _interpreter() -> str:
    """Which CPython build runs the benchmark (a statically linked interpreter runs this workload
    faster than one with a shared libpython)."""
    base = os.path.realpath(sys.executable)
    try:
        maps = Path("/proc/self/maps").read_text()
    except OSError:
        return base
    return f"{base}, {'shared' if 'libpython' in maps else 'static'} libpython, {_build_flags()}"


def _build_flags() -> str:
    """Whether the interpreter was built with profile-guided and link-time optimisation (what
    python.org, Debian and uv's builds use; pyenv builds without both unless asked)."""
    import sysconfig

    args = sysconfig.get_config_var("CONFIG_ARGS") or ""
    pgo = "--enable-optimizations" in args
    lto = "--with-lto" in args
    if not (pgo or lto) and os.path.realpath(sys.executable).startswith("/usr/bin/"):
        # Debian and Ubuntu run the PGO build and pass the LTO flags outside configure, and keep
        # them out of sysconfig: CONFIG_ARGS cannot tell
        return "a distribution's build (PGO/LTO, if any, not recorded in sysconfig)"
    return {(True, True): "PGO+LTO", (True, False): "PGO", (False, True): "LTO"}.get((pgo, lto), "no PGO/LTO")
