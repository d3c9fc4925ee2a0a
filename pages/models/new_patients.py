"""The page for new patients: what to bring, referrals, insurance, forms, the cancellation
policy, self-pay prices and the No Surprises Act good-faith estimate."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from practice.pages import BasePage

from .insurance import InsurancePlan

TEXT_FEATURES = ["h3", "bold", "italic", "link", "ul", "ol", "document-link"]


def rich_text(help_text, blank=False):
    return RichTextField(features=TEXT_FEATURES, blank=blank, help_text=help_text)


class NewPatientsPage(BasePage):
    intro = models.TextField(max_length=500, help_text="One or two sentences.")
    what_to_bring = rich_text("ID, insurance card, medicines list, imaging reports.")
    referrals = rich_text("Whether a referral is needed, and who sends it.")
    insurance_note = rich_text(
        "Shown above the list of accepted plans (edit the plans under Snippets).", blank=True
    )
    cancellation_policy = rich_text("How much notice to give, and any fee.")
    self_pay_intro = rich_text("For patients paying for themselves.", blank=True)
    good_faith_estimate = rich_text(
        "The No Surprises Act notice: the right to a good-faith estimate and how to dispute a bill."
    )
    how_to_request_estimate = rich_text("Who to call or write to, and how soon it arrives.")

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("what_to_bring"),
        FieldPanel("referrals"),
        FieldPanel("insurance_note"),
        InlinePanel("patient_forms", heading="Patient forms (PDF)", label="Form"),
        FieldPanel("cancellation_policy"),
        MultiFieldPanel(
            [FieldPanel("self_pay_intro"), InlinePanel("self_pay_prices", label="Price")],
            heading="Self-pay prices",
        ),
        MultiFieldPanel(
            [FieldPanel("good_faith_estimate"), FieldPanel("how_to_request_estimate")],
            heading="Good-faith estimate (No Surprises Act)",
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("what_to_bring"),
        index.SearchField("referrals"),
        index.SearchField("cancellation_policy"),
    ]
    description_field = "intro"

    class Meta:
        verbose_name = "new patients page"

    @cached_property
    def insurance_plans(self):
        """The accepted plans, in Spanish on the Spanish page where staff translated them."""
        return InsurancePlan.objects.for_patients()

    @cached_property
    def forms(self):
        return list(self.patient_forms.select_related("document"))


class PatientForm(Orderable):
    page = ParentalKey(NewPatientsPage, related_name="patient_forms", on_delete=models.CASCADE)
    document = models.ForeignKey(
        get_document_model_string(), on_delete=models.CASCADE, related_name="+"
    )
    description = models.CharField(
        max_length=200, blank=True, help_text="e.g. 'Fill it out before your first visit.'"
    )

    panels = [FieldPanel("document"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = "patient form"

    def clean(self):
        super().clean()
        if self.document_id and self.document.file_extension.lower() != "pdf":
            raise ValidationError(
                {"document": "Upload patient forms as PDF files, which every phone can open."}
            )


class SelfPayPrice(Orderable):
    page = ParentalKey(NewPatientsPage, related_name="self_pay_prices", on_delete=models.CASCADE)
    service = models.CharField(max_length=120, help_text="e.g. 'New patient visit'.")
    price = models.DecimalField(
        max_digits=8,
        decimal_places=2,
        validators=[MinValueValidator(0)],
        help_text="In US dollars.",
    )
    note = models.CharField(max_length=200, blank=True)

    panels = [FieldPanel("service"), FieldPanel("price"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = "self-pay price"

    @property
    def price_label(self):
        """'$1,250' or '$89.50'."""
        whole = self.price == self.price.to_integral_value()
        return f"${self.price:,.0f}" if whole else f"${self.price:,.2f}"
