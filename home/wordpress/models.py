"""Which WordPress item became which object here: the key that makes a second import update
instead of duplicate. Education and pages know nothing of WordPress; this table does."""

from django.contrib.contenttypes.models import ContentType
from django.db import models


class ImportedItem(models.Model):
    class Kind(models.TextChoices):
        AUTHOR = "author", "Author (by WordPress login)"
        AUTHOR_EMAIL = "author_email", "Author (by email address)"
        TERM = "term", "Category or tag"
        POST = "post", "Post"
        PAGE = "page", "Page"
        ATTACHMENT = "attachment", "Attachment"
        COMMENT = "comment", "Comment"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    # The post, page, attachment or comment ID; an author's login or email address (lower
    # case); "category:slug" or "post_tag:slug" for a term.
    wordpress_key = models.CharField("WordPress key", max_length=255)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    # A hash of the WordPress data last imported: an unchanged item is left alone.
    fingerprint = models.CharField(max_length=64, blank=True)
    # For pages: the revision the import wrote. Another revision since means someone edited
    # the page here, and a later import leaves it as it is.
    revision_id = models.PositiveBigIntegerField(null=True, blank=True)
    # For pages: what came across lost or hollow (a gallery that named no pictures, no text,
    # no title), one note a line. The page editor shows it until someone saves the page.
    to_check = models.TextField(blank=True)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "item imported from WordPress"
        constraints = [
            models.UniqueConstraint(fields=["kind", "wordpress_key"], name="wordpress_item_key")
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="wordpress_item_object")]

    def __str__(self):
        return f"WordPress {self.get_kind_display().lower()} {self.wordpress_key}"

    @property
    def target(self):
        """The object it became, or None if it has been deleted here since."""
        model = ContentType.objects.get_for_id(self.content_type_id).model_class()
        return model._default_manager.filter(pk=self.object_id).first() if model else None
