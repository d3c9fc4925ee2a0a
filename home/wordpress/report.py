"""What an import did, item by item, and the summary printed at its end: how many of each kind
were created, updated, left unchanged or skipped, why each skip happened, and what the
practice should check. Never an e-mail address: labels name items by title or by name."""

import collections
import dataclasses

KINDS = {
    "clinician": "Clinicians (authors)",
    "topic": "Topics (categories, tags)",
    "attachment": "Images and documents",
    "article": "Articles (posts)",
    "page": "Pages",
    "comment": "Comments",
    "redirect": "Redirects",
    "other": "Other items",
}
ACTIONS = ("created", "updated", "unchanged", "skipped")
DRY_RUN_VERBS = {
    "created": "would create",
    "updated": "would update",
    "unchanged": "unchanged",
    "skipped": "would skip",
}
SAMPLES = 5  # labels listed for each reason; the rest are counted


class Skip(Exception):
    """An item not imported, and why (the message is shown to the practice manager)."""


@dataclasses.dataclass
class Outcome:
    action: str  # "created", "updated" or "unchanged"
    obj: object = None
    notes: list = dataclasses.field(default_factory=list)
    shortcodes: list = dataclasses.field(default_factory=list)  # unknown ones removed
    redirects: list = dataclasses.field(default_factory=list)  # (old path, action or None)


class Report:
    def __init__(self, write=None, dry_run=False, verbosity=1):
        self.write = write or (lambda line: None)
        self.dry_run = dry_run
        # Every item is listed in a dry run, and in a real one with --verbosity 2.
        self.verbose = verbosity >= 2 or (dry_run and verbosity >= 1)
        self.samples = None if verbosity >= 2 else SAMPLES
        self.counts = collections.defaultdict(collections.Counter)
        self.skips = collections.defaultdict(list)  # (kind, reason) -> labels
        self.notes = collections.defaultdict(list)  # (kind, note) -> labels
        self.shortcodes = collections.defaultdict(list)  # name -> labels

    def record(self, kind, label, action, reason=""):
        self.counts[kind][action] += 1
        if action == "skipped":
            self.skips[(kind, reason)].append(label)
        if self.verbose and not (kind == "redirect" and action == "unchanged"):
            verb = DRY_RUN_VERBS[action] if self.dry_run else action
            self.write(f"  {verb}: {kind} {label}" + (f" ({reason})" if reason else ""))

    def note(self, kind, label, text):
        self.notes[(kind, text)].append(label)

    def removed_shortcodes(self, label, names):
        for name in dict.fromkeys(names):
            self.shortcodes[name].append(label)

    def count(self, kind, action):
        return self.counts[kind][action]

    def summary(self):
        title = "WordPress import" + (": DRY RUN, nothing was written" if self.dry_run else "")
        lines = ["", title, "", f"{'':28}" + "".join(f"{a:>11}" for a in ACTIONS)]
        for kind, heading in KINDS.items():
            if self.counts[kind]:
                counts = "".join(f"{self.counts[kind][a]:>11,}" for a in ACTIONS)
                lines.append(f"{heading:28}{counts}")
        for heading, groups in (("Skipped, and why:", self.skips), ("To check:", self.notes)):
            if groups:
                lines += ["", heading]
            for (kind, reason), labels in groups.items():
                lines.append(f"- {kind}, {len(labels):,}: {reason}")
                lines += [f"    {label}" for label in labels[: self.samples]]
                if self.samples and len(labels) > self.samples:
                    lines.append(f"    ... and {len(labels) - self.samples:,} more")
        if self.shortcodes:
            lines += ["", "Unknown shortcodes removed (the text they wrapped was kept):"]
            for name, labels in sorted(self.shortcodes.items()):
                shown = ", ".join(labels[: self.samples])
                more = " ..." if self.samples and len(labels) > self.samples else ""
                lines.append(f"- [{name}] in {len(labels):,} item(s): {shown}{more}")
        return "\n".join(lines) + "\n"
