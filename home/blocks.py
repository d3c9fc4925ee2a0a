"""Blocks of the home page's "How we work" section."""

from wagtail import blocks


class ApproachStepBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=80, help_text="A few words, e.g. 'We listen first'.")
    text = blocks.TextBlock(
        max_length=400, help_text="Two or three plain sentences a patient would understand."
    )

    class Meta:
        icon = "list-ol"
        label = "Step"
        template = "home/blocks/approach_step.html"
        preview_value = {
            "heading": "We listen first",
            "text": "Your first visit is an hour: how the pain began and what it stops you doing.",
        }
        description = "One step of how the practice works with a patient."
