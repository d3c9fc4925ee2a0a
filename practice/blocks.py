"""StreamField blocks shared by every page type with a body."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

# Rich text never offers h1 (the page title is the only h1) and never h4+ (patients skim).
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading (h2)"), ("h3", "Sub-heading (h3)")], default="h2"
    )

    class Meta:
        icon = "title"
        template = "components/blocks/heading_block.html"
        description = "A section heading. Use h2 for sections and h3 inside them."
        preview_value = {"text": "What causes it?", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        template = "components/blocks/paragraph_block.html"
        description = "Paragraphs of text, lists and links."
        preview_value = "<p>Short paragraphs in plain words are easiest to read.</p>"


class AccessibleImageValue(blocks.StructValue):
    def text_alternative(self):
        """What the img's alt says: nothing for a decorative image, so screen readers skip it;
        else the text written here, else the description given when the image was uploaded."""
        if self.get("decorative"):
            return ""
        return self.get("alt_text") or getattr(self.get("image"), "description", "")


class AccessibleImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        required=False,
        max_length=250,
        help_text=(
            "Describe what the image shows for people who cannot see it. Leave empty to use "
            "the description saved with the image."
        ),
    )
    decorative = blocks.BooleanBlock(
        required=False, help_text="Tick only if the image adds nothing to the text."
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "components/blocks/image_block.html"
        value_class = AccessibleImageValue
        description = "An image with a text alternative and an optional caption."

    def clean(self, value):
        value = super().clean(value)
        # A draft may be unfinished (autosave catches editors mid-way); publishing may not.
        if self.is_deferred_validation:
            return value
        if not value.get("decorative") and not value.text_alternative():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        "Describe the image here or in the image's own description, or mark "
                        "it as decorative."
                    )
                }
            )
        return value


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[
            ("key-points", "Key points"),
            ("urgent", "When to seek urgent help"),
            ("note", "Note"),
        ],
        default="key-points",
    )
    heading = blocks.CharBlock(max_length=120, required=False)
    body = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "warning"
        template = "components/blocks/callout_block.html"
        description = "A highlighted box: key points, or when to seek urgent help."
        preview_value = {
            "kind": "urgent",
            "heading": "When to seek urgent help",
            "body": "<p>Call 911 if you have chest pain or trouble breathing.</p>",
        }


class BaseBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = AccessibleImageBlock()
    callout = CalloutBlock()
