"""Hypothesis for the unit tests: no per-example deadline; in CI, the same examples every run.

A deadline is a timing test in disguise: on a busy 2-core machine (CI, or other work beside
the suite) an example that takes 20 ms can take 300 ms, and the test failed on that alone
(test_checker::test_same_pose_same_numbers, 276 ms against the default 200 ms). What the
properties check is the answer, not the speed; speed is measured by the benchmarks.

With ``CI`` set, Hypothesis derives its examples from each test's name (``derandomize``), so a
CI result is the commit's, reproducible by anyone; run without ``CI``, every run explores new
examples, which is how new failures are found (and ``print_blob`` says how to replay one).
"""

import os

from hypothesis import settings

settings.register_profile(
    "suite", deadline=None, derandomize=bool(os.environ.get("CI")), print_blob=True
)
settings.load_profile("suite")
