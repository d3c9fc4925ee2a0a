"""Static files as production serves them: whitenoise's hashed names (site.3f2a….css) with
compressed copies, and our own stylesheets without their comments.

site.css explains itself in short comments, and every byte of them went to every patient:
about 0.9 KB gzipped, an eighth of the stylesheet. The source keeps them; the collected copy,
which is what browsers download, does not (docs/performance.md).
"""

import re

from django.core.files.base import ContentFile
from whitenoise.storage import CompressedManifestStaticFilesStorage

OUR_STYLESHEETS = "practice/css/"
# site.css has no "/*" inside a string or url(), so a comment is simply /* … */.
COMMENT = re.compile(r"/\*.*?\*/[ \t]*\n?", re.DOTALL)


def strip_css_comments(css):
    return COMMENT.sub("", css)


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def _save(self, name, content):
        if name.startswith(OUR_STYLESHEETS) and name.endswith(".css"):
            content.seek(0)
            content = ContentFile(strip_css_comments(content.read().decode()).encode())
        return super()._save(name, content)
