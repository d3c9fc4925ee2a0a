"""Demo content for a fresh install, built in steps. Each step is idempotent: running the
whole build twice leaves the same site as running it once.

Later features add their own step module and list it in STEPS, in dependency order.
"""

from importlib import import_module

STEPS = [
    "practice.demo.site",
    "practice.demo.education",
    "practice.demo.consultation",
    "practice.demo.comments",
    "practice.demo.review",
]


def build(log=print):
    for dotted in STEPS:
        import_module(dotted).build(log)
