"""Moving from WordPress: `manage.py import_wordpress EXPORT.xml [--media UPLOADS] [--dry-run]`.

The file WordPress writes under Tools -> Export -> "All content" (WXR 1.0 to 1.2) is read
twice, as a stream, never whole: the first pass (`wxr.scan`) checks the whole file is
well-formed and safe before anything is written, and keeps what is small (authors, categories
and tags, attachments, the page tree); the second (`wxr.items`) hands over one post or page at
a time.

One module, one job:

- `wxr`, `records`, `phpserialize`: reading the export into plain records.
- `html_tree`, `shortcodes`, `body`, `inline`, `embeds`: a post's HTML to StreamField blocks;
  only what the blocks allow is written out, so nothing unsafe survives.
- `authors`, `topics`, `media`, `articles`, `pages`, `comments`: one kind of item each.
- `redirects`, `old_addresses`: old addresses to the new pages.
- `models`, `mapping`: which WordPress item became which object here, so a second run
  updates instead of duplicating.
- `destinations`, `report`, `importer`: where things go, what happened, and the order of it all.
- `editor`: the page editor's note of what to check on an imported page.
"""
