"""'Was this page helpful?': one anonymous answer about one page.

Nothing about the person is kept: no name, no address, no cookie, not even the IP address (the
rate limit counts a keyed hash of it in the cache, see practice/spam.py).
"""

from django.db import models

REASON_MAX_LENGTH = 500


class PageFeedback(models.Model):
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    helpful = models.BooleanField()
    reason = models.TextField(blank=True, max_length=REASON_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "page feedback"
        verbose_name_plural = "page feedback"
        indexes = [models.Index(fields=["page", "helpful"], name="feedback_page_helpful")]

    def __str__(self):
        return f"{'Helpful' if self.helpful else 'Not helpful'}: page {self.page_id}"
