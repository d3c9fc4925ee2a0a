"""What an import did, item by item, and the summary printed at its end: how many of each kind
were created, updated, left unchanged or skipped, why each skip happened, which items came in
as drafts to check although WordPress had them public, what the practice should check, and
which files to fetch from the old site. Never an email address: labels name items by title
or by name."""

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
NO_ID = "it has no WordPress ID (wp:post_id), so a later import could not find it again"


class Skip(Exception):
    """An item not imported, and why (the message is shown to the practice manager)."""


class MissingFile(Skip):
    """An attachment whose file is not in the uploads folder: the report lists where to
    download it from."""

    def __init__(self, reason, path, url):
        super().__init__(reason)
        self.path, self.url = path, url


@dataclasses.dataclass
class Outcome:
    action: str  # "created", "updated" or "unchanged"
    obj: object = None
    notes: list = dataclasses.field(default_factory=list)
    shortcodes: list = dataclasses.field(default_factory=list)  # unknown ones removed
    redirects: list = dataclasses.field(default_factory=list)  # (old path, action or None)
    held: list = dataclasses.field(default_factory=list)  # why it is a draft, not live


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
        self.held = collections.defaultdict(list)  # (kind, reason) -> labels
        self.missing_files = []  # (path under uploads/, address on the old site)

    def record(self, kind, label, action, reason=""):
        self.counts[kind][action] += 1
        if action == "skipped":
            self.skips[(kind, reason)].append(label)
        if self.verbose and not (kind == "redirect" and action == "unchanged"):
            verb = DRY_RUN_VERBS[action] if self.dry_run else action
            self.write(f"  {verb}: {kind} {label}" + (f" ({reason})" if reason else ""))

    def note(self, kind, label, text):
        self.notes[(kind, text)].append(label)

    def hold(self, kind, label, reason):
        """An item imported as a draft to check, although WordPress had it public."""
        self.held[(kind, reason)].append(label)

    def missing_file(self, path, url):
        self.missing_files.append((path, url))

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
        sections = (
            ("Skipped, and why:", self.skips),
            ("Imported as drafts to check (WordPress had them public):", self.held),
            ("To check:", self.notes),
        )
        for heading, groups in sections:
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
        return "\n".join(lines + self._missing_files()) + "\n"

    def _missing_files(self):
        """Every one of them: the list to fetch from the old site before the next run."""
        if not self.missing_files:
            return []
        lines = ["", "Files not in the uploads folder: download each from the old site into "
                 "the folder, at the same path, and run the import again:"]  # fmt: skip
        return lines + [f"- {path}" + (f" from {url}" if url else "") for path, url in
                        self.missing_files]  # fmt: skip
