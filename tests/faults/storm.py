"""The fault storm: every kind of program on one ledger at once, killed at random.

At once, on one ledger: the window's own process (tests/faults/window.py: posts, its
background readers, backups on the keeper's thread, re-opens), two clerks posting and
re-opening (one with a second connection open in another thread), a route-day settler, imports through ``main.py import``, automatic backups in
a loop, ``main.py restore`` of the newest backup, the evening print run (``main.py print
packet``, ``print statement``, ``export aging``, ``check``) and another program that opens
the ledger, reads and closes it (plain sqlite3 or psycopg2). Every so often one of them
is killed with SIGKILL and started again.

What each process reported committed (it prints after the commit returned) is counted
at the end against the ledger: nothing lost, nothing twice. A restore legitimately
takes away what was posted before it: those entries must be in the copy of the replaced
ledger that restore keeps (in ``backups/`` beside the ledger, which only restores use
here; every copy is read the moment it appears, before any pruning).
"""

from __future__ import annotations

import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from models.storage import backup_folder
from tests.faults.storm_reads import OURS, read_file

ROOT = Path(__file__).resolve().parents[2]
IMPORT_ROWS = 120
COMMAND_KILLS = 0.5  # the share of commands (import, restore, print) killed
LOOP_KILL_GAP = (0.15, 0.75)  # seconds between two kills of a loop (clerk, window …)
# What a program must never say, whatever else happens: the ledger itself failed.
DAMAGE = (
    "disk i/o error",
    "malformed",
    "not a database",
    "no transaction is active",
    "unexpected error",
    "damaged",
)
OFFSCREEN_NOISE = "This plugin does not support"  # Qt's offscreen platform, harmless
ROLE_NAMES = (
    "window",
    "clerk-1",
    "clerk-2",
    "settler",
    "reader",
    "import",
    "print",
    "backups",
    "restore",
)


@dataclass
class Role:
    """One kind of program in the storm: how to start its n-th run, its share of the
    kills, and how long to wait before starting it again once it ended by itself."""

    name: str
    argv: Callable[[int], list[str] | None]  # None: nothing to start now
    weight: float
    rest: tuple[float, float] = (0.0, 0.0)
    # A loop (clerk, window …) runs until killed and prints "ready" once at work; a
    # command runs to its end unless its kill was drawn when it started.
    loop: bool = True
    spared: float = 0.0  # seconds at work before a loop may be killed


@dataclass
class Run:
    """One started process of a role."""

    role: Role
    n: int
    popen: subprocess.Popen[str]
    err: Path
    lines: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)
    kill_at: float | None = None  # a command's drawn moment of death
    ready_at: float = 0.0

    def __post_init__(self) -> None:
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.popen.stdout:  # type: ignore[union-attr]
            if not self.lines:
                self.ready_at = time.monotonic()
            self.lines.append(line.rstrip("\n"))

    @property
    def at_work(self) -> bool:
        """A loop that has been at work long enough to be killed."""
        ready = self.role.loop and bool(self.lines)
        return ready and time.monotonic() - self.ready_at >= self.role.spared

    def finish(self) -> None:
        self.popen.wait(timeout=60)
        self.reader.join(timeout=60)

    def stderr_tail(self) -> str:
        text = self.err.read_text(encoding="utf-8", errors="replace")
        lines = [line for line in text.splitlines() if line and OFFSCREEN_NOISE not in line]
        return "\n".join(lines[-6:])


@dataclass
class Tally:
    """What the processes reported, and what the storm did."""

    posts: set[str] = field(default_factory=set)
    settles: dict[str, int] = field(default_factory=dict)  # tag -> payments in the grid
    grids: dict[str, int] = field(default_factory=dict)  # the same for every grid begun
    imports_done: set[int] = field(default_factory=set)
    kills: Counter[str] = field(default_factory=Counter)
    outcomes: Counter[str] = field(default_factory=Counter)  # e.g. "restore refused"
    refusals: Counter[str] = field(default_factory=Counter)  # first line of each refusal
    failures: list[str] = field(default_factory=list)  # a command that failed unexpectedly
    kept: dict[str, Counter[str]] = field(default_factory=dict)  # pre-restore copies
    reopens: int = 0
    backups: int = 0


class Storm:
    """Runs the storm on `target` (a ledger file, or a PostgreSQL URL) in `work`."""

    def __init__(self, work: Path, target: str, kills: int, seed: int = 17) -> None:
        self.work, self.target, self.goal = work, target, kills
        self.sqlite = not target.startswith("postgresql")
        self.rng = random.Random(seed)
        self.tally = Tally()
        self.runs: list[Run] = []
        self.ended: list[Run] = []
        self.next_start: dict[str, float] = {}
        self.starts: Counter[str] = Counter()
        self.took: dict[str, list[float]] = {role: [] for role in ROLE_NAMES}
        self.imports: dict[int, int] = {}  # run of `import` -> the file number it imported
        self.logs = work / "logs"
        self.out = work / "out"
        self.auto = work / "auto"  # automatic backups (keeper, backup loop)
        self.kept = work / "backups"  # beside the ledger: only restores write here
        for folder in (self.logs, self.out, self.auto, self.kept, work / "data", work / "xdg"):
            folder.mkdir(exist_ok=True)
        (work / "data" / "gui.ini").write_text(
            f"[ui]\nlanguage=en\n[backup]\nfolder={self.auto}\n", encoding="utf-8"
        )
        self.env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "QK_LANG": "en",
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_DATA_HOME": str(work / "xdg"),
            "XDG_RUNTIME_DIR": str(work / "xdg"),
        }
        self.roles = self._roles()

    # --- the programs ----------------------------------------------------------------
    def _roles(self) -> list[Role]:
        """The programs; a loop's weight is its share of the kills, and it is spared
        long enough after it starts work to do some (the window: a few re-opens)."""
        t = self.target
        worker = [sys.executable, "-m", "tests.faults.worker"]
        main = [sys.executable, "main.py", "--db", t]
        window = [sys.executable, "-m", "tests.faults.window", t, str(self.work / "data")]
        lookout = ["lookout"] if self.sqlite else []
        roles = [
            Role("window", lambda n: [*window, f"{OURS}W{n}"], 0.5, spared=5.0),
            Role("clerk-1", lambda n: [*worker, "clerk", t, f"{OURS}A{n}"], 1.5, spared=0.5),
            # The second clerk's process has a second connection open all the while.
            Role("clerk-2", lambda n: [*worker, "clerk", t, f"{OURS}B{n}", *lookout], 1.5,
                 spared=0.5),
            Role("settler", lambda n: [*worker, "settle", t, f"{OURS}S{n}"], 1.5, spared=2.0),
            Role("reader", lambda n: [*worker, "reader", t], 0.7, spared=0.3),
            Role("import", lambda n: [*main, "import", "entries", self._import_file(n)],
                 0, (0.1, 0.8), loop=False),
            Role("print", lambda n: [*main, *self._print_job(n)], 0, loop=False),
        ]  # fmt: skip
        if self.sqlite:
            roles += [
                Role("backups", lambda n: [*worker, "backups", t, str(self.auto)], 1.0,
                     spared=0.5),
                Role("restore", self._restore_argv, 0, (0.3, 2.0), loop=False),
            ]  # fmt: skip
        left_out = set(os.environ.get("QK_STORM_WITHOUT", "").split(","))
        return [role for role in roles if role.name not in left_out]

    def _import_file(self, n: int) -> str:
        """A new entries file mostly; now and then one imported before (which must post
        nothing twice)."""
        number = n
        if self.imports and self.rng.random() < 0.3:
            number = self.rng.choice(sorted(set(self.imports.values())))
        self.imports[n] = number
        path = self.work / f"entries-{number}.csv"
        if not path.exists():
            codes = self._codes()
            lines = ["customer_code,date,kind,amount,doc_no"]
            lines += [
                f"{codes[i % len(codes)]},2026-11-21,delivery,{1 + i % 40}.00,{OURS}I{number}-{i}"
                for i in range(IMPORT_ROWS)
            ]
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return str(path)

    def _print_job(self, n: int) -> list[str]:
        """The evening print run, one command after another."""
        out = self.out
        jobs = [
            ["print", "packet", self.route, "--all", "--out", str(out / "packet.pdf")],
            ["print", "statement", self._codes()[n % 7], "--out", str(out / "statement.pdf")],
            ["export", "aging", "--out", str(out / "aging.xlsx")],
            ["check"],
        ]
        return jobs[n % len(jobs)]

    def _restore_argv(self, n: int) -> list[str] | None:
        """Restore the newest backup, copied first: the backups loop prunes the folder
        while the restore starts up."""
        newest = backup_folder.last_backup(self.auto, self.target)
        if newest is None:
            return None
        source = self.work / "sources" / f"source-{n}.qkledger"
        source.parent.mkdir(exist_ok=True)
        try:
            shutil.copyfile(newest.path, source)
        except FileNotFoundError:  # pruned meanwhile: the next one
            return None
        return [sys.executable, "main.py", "--db", self.target, "restore", str(source), "--yes"]

    def prepare(self, codes: list[str], route: str) -> None:
        """What the print run and the imports need from the ledger (read by the caller
        before the storm, so this process never opens the ledger meanwhile)."""
        self.codes, self.route = codes, route

    def _codes(self) -> list[str]:
        return self.codes

    # --- running ---------------------------------------------------------------------
    def _start(self, role: Role) -> None:
        n = self.starts[role.name]
        argv = role.argv(n)
        if argv is None:
            self.next_start[role.name] = time.monotonic() + 0.5
            return
        self.starts[role.name] += 1
        err = self.logs / f"{role.name}-{n}.err"
        if role.name != "window":
            # The window first, as on a clerk's desk: it starts in seconds, not tens.
            # (`nice` execs the program: the process killed is the program itself.)
            argv = ["nice", "-n", "5", *argv]
        with err.open("w") as stderr:  # the child has its own copy
            popen = subprocess.Popen(
                argv,
                cwd=ROOT,
                env=self.env,
                stdout=subprocess.PIPE,
                stderr=stderr,
                stdin=subprocess.DEVNULL,
                text=True,
            )
        run = Run(role, n, popen, err)
        if not role.loop and self.rng.random() < COMMAND_KILLS:
            # Anywhere in its life, from the start of Python to its last write.
            run.kill_at = run.started + self.rng.uniform(0, 1.2 * self._duration(role))
        self.runs.append(run)

    def _duration(self, role: Role) -> float:
        """How long the role's commands have taken when left alone (2 s at first)."""
        took = sorted(self.took[role.name][-9:]) or [2.0]
        return took[len(took) // 2]

    def _reap(self) -> None:
        now = time.monotonic()
        for run in [r for r in self.runs if r.popen.poll() is not None]:
            self.runs.remove(run)
            run.finish()
            if run.popen.returncode == 0:
                self.took[run.role.name].append(now - run.started)
            if os.environ.get("QK_STORM_DEBUG"):
                print(
                    f"{run.role.name}-{run.n}: rc {run.popen.returncode}, lived "
                    f"{now - run.started:.1f} s, at work after "
                    f"{(run.ready_at or now) - run.started:.1f} s, {len(run.lines)} lines"
                )
            low, high = run.role.rest
            self.next_start[run.role.name] = now + self.rng.uniform(low, high)
            self._account(run)
            self.ended.append(run)

    def _keep_roles_running(self) -> None:
        now = time.monotonic()
        running = {r.role.name for r in self.runs}
        for role in self.roles:
            if role.name not in running and now >= self.next_start.get(role.name, 0.0):
                self._start(role)

    def _kill(self, run: Run) -> None:
        if run.popen.poll() is None:
            run.popen.send_signal(signal.SIGKILL)
            self.tally.kills[run.role.name] += 1

    def _kill_a_loop(self) -> None:
        candidates = [r for r in self.runs if r.at_work and r.popen.poll() is None]
        if candidates:
            self._kill(self.rng.choices(candidates, [r.role.weight for r in candidates])[0])

    def _kill_due_commands(self) -> None:
        now = time.monotonic()
        for run in self.runs:
            if run.kill_at is not None and now >= run.kill_at:
                run.kill_at = None
                self._kill(run)

    def run(self, limit: float) -> Tally:
        """Until `goal` kills (or `limit` seconds: then the caller fails), then kill
        everything still running and read the last copies."""
        started = time.monotonic()
        cpu = _children_cpu()
        next_kill = started + 3.0  # the window's first start takes a while
        try:
            while sum(self.tally.kills.values()) < self.goal:
                if time.monotonic() - started > limit:
                    break
                self._reap()
                self._keep_roles_running()
                self._kill_due_commands()
                if time.monotonic() >= next_kill:
                    self._kill_a_loop()
                    next_kill = time.monotonic() + self.rng.uniform(*LOOP_KILL_GAP)
                self._read_kept_copies()
                time.sleep(0.02)
        finally:
            for run in self.runs:
                run.popen.send_signal(signal.SIGKILL)
            for run in self.runs:
                run.finish()
            self._reap()
            self._read_kept_copies()
        self.seconds = time.monotonic() - started
        self.cpu = _children_cpu() - cpu  # what the storm costs, whatever else runs
        return self.tally

    # --- what each process said ------------------------------------------------------
    def _account(self, run: Run) -> None:
        tally, name = self.tally, run.role.name
        killed = run.popen.returncode == -signal.SIGKILL
        for line in run.lines:
            word, _sep, rest = line.partition(" ")
            if word == "post":
                assert rest not in tally.posts, f"{rest} reported twice"
                tally.posts.add(rest)
            elif word in ("grid", "settle"):
                tag, rows = rest.split()
                (tally.grids if word == "grid" else tally.settles)[tag] = int(rows)
            elif word == "reopened":
                tally.reopens += 1
            elif word == "backup":
                tally.backups += 1
            elif word == "said":
                tally.refusals[f"{name}: {rest[:90]}"] += 1
                if any(words in rest.lower() for words in DAMAGE):
                    tally.failures.append(f"{name} said: {rest}")
        if run.role.loop:
            if name == "window" and run.popen.returncode == 3:
                tally.outcomes["window open refused"] += 1  # what it said is counted
            elif not killed:  # a clerk, the window or a loop never ends by itself
                self.next_start[name] = time.monotonic() + 0.5  # not in a tight loop
                tally.failures.append(f"{name} ended ({run.popen.returncode}): {run.stderr_tail()}")
            return
        what = "print" if name == "print" else name
        if killed:
            tally.outcomes[f"{what} killed"] += 1
        elif run.popen.returncode == 0:
            tally.outcomes[f"{what} done"] += 1
            if name == "import":
                tally.imports_done.add(self.imports[run.n])
        else:
            reason = run.stderr_tail().splitlines()[-1:] or ["(nothing on stderr)"]
            tally.outcomes[f"{what} refused"] += 1
            tally.refusals[f"{name} ({run.popen.returncode}): {reason[0][:110]}"] += 1
            if name == "print" or any(words in reason[0].lower() for words in DAMAGE):
                said = " | ".join(run.lines[-5:])  # `check` lists its problems on stdout
                tally.failures.append(
                    f"{name} {' '.join(run.popen.args[-6:])}: {run.stderr_tail()} {said}"
                )

    def _read_kept_copies(self) -> None:
        if not self.sqlite:
            return
        for path in self.kept.glob("*.qkledger"):
            if path.name not in self.tally.kept:
                try:
                    self.tally.kept[path.name] = read_file(path)
                except (sqlite3.Error, OSError) as err:  # pruned already, or not whole
                    self.tally.failures.append(f"kept copy {path.name} unreadable: {err}")


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


@dataclass
class Verdict:
    """Reported committed against found, at the end."""

    reported: int
    lost: list[str]
    duplicated: list[str]
    partial: list[str]  # a settle grid or an import found in part

    def line(self) -> str:
        return (
            f"{self.reported} reported committed, {len(self.lost)} lost, "
            f"{len(self.duplicated)} duplicated, {len(self.partial)} in part"
        )


def judge(tally: Tally, final: Counter[str]) -> Verdict:
    """Every reported post, settle and import is in the ledger or in the copy a restore
    kept; nothing is there twice; no grid or import is there in part."""
    snapshots = [final, *tally.kept.values()]
    anywhere: set[str] = set().union(*snapshots)
    expected: dict[str, int] = {doc: 1 for doc in tally.posts}
    expected.update(tally.settles)
    for number in tally.imports_done:
        expected.update({f"{OURS}I{number}-{i}": 1 for i in range(IMPORT_ROWS)})
    lost = sorted(k for k in expected if k not in anywhere)
    duplicated: set[str] = set()
    partial: set[str] = set()
    for snapshot in snapshots:
        grids: Counter[int] = Counter()
        for key, count in snapshot.items():
            size = tally.grids[key] if key.startswith(f"{OURS}S") else 1
            if count > size:
                duplicated.add(key)
            elif count < size:
                partial.add(key)
            if key.startswith(f"{OURS}I"):
                grids[int(key[2:].split("-")[0])] += 1
        partial |= {f"import {n}: {c} rows" for n, c in grids.items() if c != IMPORT_ROWS}
    return Verdict(len(expected), lost, sorted(duplicated), sorted(partial))


def report(backend: str, storm: Storm, verdict: Verdict, problems: list[str]) -> list[str]:
    """The storm's counts, a few lines for the test report."""
    t = storm.tally
    kills = ", ".join(f"{name} {n}" for name, n in sorted(t.kills.items()))
    outcomes = ", ".join(f"{what} {n}" for what, n in sorted(t.outcomes.items()))
    lines = [
        f"{backend}: {sum(t.kills.values())} kills in {storm.seconds:.0f} s, "
        f"{storm.cpu:.0f} CPU-s ({kills})",
        f"{backend}: {verdict.line()}; check: "
        + ("clean" if not problems else f"{len(problems)} problems: {problems[0][:120]}"),
        f"{backend}: {len(t.posts)} posts, {len(t.settles)} settled grids, "
        f"{len(t.imports_done)} imports, {t.backups} loop backups, {t.reopens} window "
        f"re-opens, {len(t.kept)} pre-restore copies read; {outcomes}",
    ]
    lines += [f"{backend}: said {n}x: {what}" for what, n in t.refusals.most_common(8)]
    return lines
