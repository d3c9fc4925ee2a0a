"""StreamField blocks for articles: the shared body blocks plus quotes, videos and references."""

from django.core.exceptions import ValidationError
from wagtail import blocks

from practice.blocks import BaseBodyBlock

# Videos are linked, never embedded: an embedded player would load a third-party site (and its
# trackers) on a health page before the patient has chosen to watch anything.
VIDEO_HOSTS = ("youtube.com", "www.youtube.com", "youtu.be", "vimeo.com", "player.vimeo.com")


class PullQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(max_length=300, help_text="One or two sentences worth repeating.")
    attribution = blocks.CharBlock(
        required=False, max_length=120, help_text="Who said it, e.g. 'Dr. Edward Rubin'."
    )

    class Meta:
        icon = "openquote"
        template = "components/blocks/pull_quote_block.html"
        description = "A short quotation set apart from the text to draw the eye."
        preview_value = {
            "quote": "Pain that lasts is real pain, and it deserves a real plan.",
            "attribution": "Dr. Edward Rubin",
        }


class VideoBlock(blocks.StructBlock):
    url = blocks.URLBlock(help_text="A YouTube or Vimeo address.")
    title = blocks.CharBlock(max_length=160, help_text="What the video shows, as a link text.")
    duration = blocks.CharBlock(required=False, max_length=20, help_text="e.g. '4 minutes'.")
    transcript = blocks.RichTextBlock(
        required=False,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text="What is said and shown, for people who cannot watch or hear it.",
    )

    class Meta:
        icon = "media"
        template = "components/blocks/video_block.html"
        description = "A link to a video on YouTube or Vimeo, with its transcript."
        preview_value = {
            "url": "https://www.youtube.com/watch?v=example",
            "title": "Three gentle stretches for the lower back",
            "duration": "4 minutes",
        }

    def clean(self, value):
        value = super().clean(value)
        # An empty address is the required check's job (deferred while saving a draft).
        url = value.get("url") or ""
        host = url.split("//", 1)[-1].split("/", 1)[0].lower()
        if url and host not in VIDEO_HOSTS:
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError("Use a YouTube or Vimeo address.")}
            )
        return value


class CitationBlock(blocks.StructBlock):
    authors = blocks.CharBlock(
        max_length=300, help_text="As in the paper, e.g. 'Lee M, Silverman SM, Hansen H, et al.'"
    )
    title = blocks.CharBlock(max_length=300)
    source = blocks.CharBlock(
        max_length=200, help_text="Journal, book or organisation, e.g. 'Pain Physician'."
    )
    year = blocks.IntegerBlock(min_value=1800, max_value=2100)
    url = blocks.URLBlock(required=False, help_text="A DOI or PubMed link is best.")
    # Most sources are in English, also on Spanish pages: the list marks them so (lang), for
    # screen readers' pronunciation and so nobody takes them for untranslated text.
    language = blocks.ChoiceBlock(
        choices=[("en", "English"), ("es", "Spanish")],
        default="en",
        help_text="The language the source is written in.",
    )

    class Meta:
        icon = "doc-full"
        label = "Citation"


class ReferencesBlock(blocks.StructBlock):
    citations = blocks.ListBlock(CitationBlock(), min_num=1)

    class Meta:
        icon = "list-ol"
        template = "components/blocks/references_block.html"
        description = "The sources for this article, listed at its end."
        preview_value = {
            "citations": [
                {
                    "authors": "Lee M, Silverman SM, Hansen H, Patel VB, Manchikanti L",
                    "title": "A comprehensive review of opioid-induced hyperalgesia",
                    "source": "Pain Physician",
                    "year": 2011,
                    "url": "https://pubmed.ncbi.nlm.nih.gov/21412369/",
                }
            ]
        }


class ArticleBodyBlock(BaseBodyBlock):
    pull_quote = PullQuoteBlock()
    video = VideoBlock()
    references = ReferencesBlock()

    class Meta:
        block_counts = {"references": {"max_num": 1}}
